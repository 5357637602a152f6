"""The web editor's page (/sunting/index.html): the form generated from the schema, and
what an operator has not set up yet (site/editor_form.py)."""

from __future__ import annotations

from smartcity.reference import Reference
from smartcity.site.editor_form import EditorSettings, editor_config
from smartcity.site.render.environment import environment


def editor_page(settings: EditorSettings, reference: Reference, site_name: str) -> str:
    """The page, whose links are relative to /sunting/."""
    editor = {"missing": settings.missing(), "cms": editor_config(settings, reference)}
    return environment().get_template("editor_page.html.j2").render(root="../", site_name=site_name, editor=editor)
