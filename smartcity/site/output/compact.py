"""Pages without the theme's indentation: Material's templates indent every line of
the page chrome, about 3 KB of spaces per page (a tenth of a region page) that the
browser collapses anyway. Each line loses its indentation and blank lines go; the
contents of <pre> and <textarea> are kept exactly. (Inline scripts keep their meaning:
the theme's are one line each.)"""

from __future__ import annotations

import re

_KEPT = re.compile(r"<(pre|textarea)\b.*?</\1\s*>", re.S | re.I)


_INDENT = re.compile(r"\n\s+")   # anchored on the line break: a pattern that may start at any
                                  # space ("[ \t]*\n") cost 1 ms per page, this one 0.02 ms


def _squeeze(text: str) -> str:
    return _INDENT.sub("\n", text)


def compact_html(html: str) -> str:
    """`html` with each line's indentation and blank lines removed, outside
    preformatted text (rendering is unchanged)."""
    if "<pre" not in html and "<textarea" not in html:
        return _squeeze(html)
    out: list[str] = []
    position = 0
    for kept in _KEPT.finditer(html):
        out.append(_squeeze(html[position:kept.start()]))
        out.append(kept.group())
        position = kept.end()
    out.append(_squeeze(html[position:]))
    return "".join(out)
