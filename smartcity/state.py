"""The current build's data and renderer, shared by the MkDocs hooks and `macros.py`.

MkDocs loads the hooks file and mkdocs-macros loads `macros.py` as separate
modules; both reach this one module of the package.
"""

from __future__ import annotations

from dataclasses import dataclass

from .render import Renderer
from .sitedata import SiteData


@dataclass(frozen=True)
class Build:
    site: SiteData
    renderer: Renderer


_current: Build | None = None


def set_current(build: Build) -> None:
    global _current
    _current = build


def current() -> Build:
    if _current is None:
        raise RuntimeError("region data is not loaded: is smartcity/mkdocs_hooks.py listed under `hooks` in mkdocs.yml?")
    return _current
