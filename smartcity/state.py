"""The current build's data and renderer, shared by the MkDocs hooks and `macros.py`.

MkDocs loads the hooks file and mkdocs-macros loads `macros.py` as separate
modules; both reach this one module of the package.

Macros return a placeholder (a "slot"); the hooks put the rendered HTML in its
place after Markdown has run (`on_page_content`). Markdown then never parses
the large, ready-made HTML bodies, which was half of the build time.
"""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path
from typing import Any
from dataclasses import dataclass, field

from markupsafe import Markup

from .render import Renderer
from .sitedata import SiteData

_SLOT = re.compile(r'<div data-sc-slot="(\d+)"></div>')


@dataclass
class Build:
    site: SiteData
    renderer: Renderer
    bodies: Any = None  # prerender.RegionBodies, set once page addresses are known
    region_pages: dict[str, tuple[str, str]] = field(default_factory=dict)  # src → (region id, slug)
    national_pages: dict[str, Any] = field(default_factory=dict)  # src → pages.NationalPage
    open_data_dir: Path | None = None  # the open-data files of this build, until it ends
    _slots: dict[str, str] = field(default_factory=dict)
    _keys: itertools.count = field(default_factory=itertools.count)

    def slot(self, html: str) -> str:
        """Keep `html` for the page being rendered; return its placeholder."""
        key = str(next(self._keys))
        self._slots[key] = html
        return f'\n<div data-sc-slot="{key}"></div>\n'

    def close(self) -> None:
        """End of the build (or its failure): stop workers, remove temporary files."""
        if self.bodies is not None:
            self.bodies.close()
        if self.open_data_dir is not None:
            shutil.rmtree(self.open_data_dir, ignore_errors=True)
            self.open_data_dir = None

    def fill(self, html: str) -> str:
        """Put every slot's HTML in the page; each slot is used once."""
        return _SLOT.sub(lambda m: self._slots.pop(m.group(1), ""), html)


class ChromeCache:
    """Theme blocks rendered once per key (see overrides/main.html)."""

    def __init__(self) -> None:
        self._rendered: dict[str, Markup] = {}

    def once(self, key: str, render) -> Markup:
        if key not in self._rendered:
            self._rendered[key] = Markup(render())
        return self._rendered[key]


_current: Build | None = None


def set_current(build: Build) -> None:
    global _current
    _current = build


def current() -> Build:
    if _current is None:
        raise RuntimeError("region data is not loaded: is smartcity/mkdocs_hooks.py listed under `hooks` in mkdocs.yml?")
    return _current
