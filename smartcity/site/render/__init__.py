"""Presentation: the Jinja environment and templates, charts, feeds and the other pieces
pages are made of."""
