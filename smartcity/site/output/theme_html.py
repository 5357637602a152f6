"""Accessible names for the theme's hidden toggles. Material writes two checkboxes that
drive its drawers with CSS: `#__search` on every page (its label is in the search bar this
site replaces with its own form) and `#__toc` beside the current page in the navigation
(labelled only when the page has a table of contents). Assistive technology, and the
WCAG2AA check Open SDG runs (pa11y with HTML_CodeSniffer), want a name on each; they are
named here, once per page, rather than by copying Material's base template and nav partials."""

from __future__ import annotations

SEARCH_TOGGLE = 'id="__search" autocomplete="off">'
TOC_TOGGLE = 'type="checkbox" id="__toc">'


def name_theme_toggles(html: str) -> str:
    """The page with an `aria-label` on each of the theme's toggles."""
    return html.replace(SEARCH_TOGGLE, 'id="__search" autocomplete="off" aria-label="Buka pencarian">', 1) \
        .replace(TOC_TOGGLE, 'type="checkbox" id="__toc" aria-label="Daftar isi halaman ini">', 1)

