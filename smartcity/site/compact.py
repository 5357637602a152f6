"""Pages without the theme's indentation: Material's templates indent every line of
the page chrome, about 3 KB of spaces per page (a tenth of a region page) that the
browser collapses anyway. Leading spaces and tabs of each line, and blank lines,
go; the contents of <pre>, <textarea> and <script> are kept exactly."""

from __future__ import annotations

import re

_KEPT = re.compile(r"<(pre|textarea|script)\b.*?</\1\s*>", re.S | re.I)
_INDENT = re.compile(r"[ \t]*\n\s*")


def _squeeze(text: str) -> str:
    return _INDENT.sub("\n", text)


def compact_html(html: str) -> str:
    """`html` with each run of white space that contains a line break reduced to one
    line break, outside preformatted text and scripts (rendering is unchanged)."""
    out: list[str] = []
    position = 0
    for kept in _KEPT.finditer(html):
        out.append(_squeeze(html[position:kept.start()]))
        out.append(kept.group())
        position = kept.end()
    out.append(_squeeze(html[position:]))
    return "".join(out)
