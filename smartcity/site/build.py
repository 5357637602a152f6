"""One build's state: the checked data, the renderer, the generated pages and the
rendered HTML waiting for its page. Owned by the plugin instance (plugin.py);
`macros.py` reaches it through that instance.

Macros return a placeholder (a "slot"); the plugin puts the rendered HTML in its
place after Markdown has run (`on_page_content`). Markdown then never parses
the large, ready-made HTML bodies, which was half of the build time.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup

from smartcity.site.output.prerender import RegionBodies
from smartcity.site.output.search import SearchPages
from smartcity.site.pages.national import NationalPage
from smartcity.site.pages.renderer import PARTS, Renderer
from smartcity.site.sitedata import SiteData

_SLOT = re.compile(r'<div data-sc-slot="(\d+)"></div>')


@dataclass
class Build:
    """What one run of `mkdocs build` (or one rebuild of `mkdocs serve`) knows."""

    site: SiteData
    renderer: Renderer
    bodies: RegionBodies | None = None                                    # once page addresses are known
    region_pages: dict[str, tuple[str, str]] = field(default_factory=dict)  # src → (region id, slug)
    national_pages: dict[str, NationalPage] = field(default_factory=dict)   # src → page
    generated: set[str] = field(default_factory=set)                      # both of the above
    search_pages: SearchPages | None = None  # the pages to index, until the build ends
    _slots: dict[str, str] = field(default_factory=dict)
    _keys: itertools.count[int] = field(default_factory=itertools.count)

    def slot(self, html: str) -> str:
        """Keep `html` for the page being rendered; return its placeholder."""
        key = str(next(self._keys))
        self._slots[key] = html
        return f'\n<div data-sc-slot="{key}"></div>\n'

    def close(self) -> None:
        """End of the build (or its failure): stop the workers."""
        if self.bodies is not None:
            self.bodies.close()

    def abandon(self) -> None:
        """The build failed: also drop the pages kept for the search index."""
        self.close()
        if self.search_pages is not None:
            self.search_pages.close()
            self.search_pages = None

    def macro(self, name: str, page_url: str) -> str:
        """The placeholder of a page part (a macro of macros.py), its HTML rendered now."""
        return self.slot(PARTS[name](self.renderer, page_url))

    def fill(self, html: str) -> str:
        """Put every slot's HTML in the page; each slot is used once."""
        return _SLOT.sub(lambda m: self._slots.pop(m.group(1), ""), html)


class ChromeCache:
    """Theme blocks rendered once per key (see overrides/main.html)."""

    def __init__(self) -> None:
        self._rendered: dict[str, Markup] = {}

    def once(self, key: str, render: Callable[[], str]) -> Markup:
        """The block `key`, rendered by `render` the first time it is asked for."""
        if key not in self._rendered:
            self._rendered[key] = Markup(render())
        return self._rendered[key]
