"""The site's stylesheet, minified at build time: comments and spacing cost every
first visit bytes, the readable source stays in `docs/assets/`."""

from __future__ import annotations

import re

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_SPACE = re.compile(r"\s+")
_AROUND = re.compile(r"\s*([{};,>])\s*")


def minify_css(text: str) -> str:
    """Drop comments and white space that CSS does not need. Safe for this project's
    stylesheet, whose strings (`content`) hold none of `{};,>` nor ": "."""
    text = _COMMENT.sub("", text)
    text = _SPACE.sub(" ", text)
    text = _AROUND.sub(r"\1", text).replace(": ", ":")
    return text.replace(";}", "}").strip() + "\n"
