"""The website: the MkDocs plugin, page structure, rendering through Jinja templates,
charts, formatting, history and search."""
