"""Names for the scrolling boxes around wide tables. Each box is a landmark
(`role="region"`, so that a keyboard can scroll it), and the landmarks of one page need
names of their own (axe: landmark-unique). Applied to every rendered body (so the search
files workers write match the pages) and once more to the whole page (several bodies)."""

from __future__ import annotations

import html as html_lib
import re

SCROLL_BOX = 'aria-label="Tabel (dapat digeser)">'
_CAPTION = re.compile(r"\s*<table[^>]*>\s*<caption>(.*?)</caption>", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")
LABEL_LIMIT = 90


def name_scroll_boxes(page: str) -> str:
    """Each scrolling table box is a landmark (`role="region"`); landmarks of one page need
    names of their own (axe: landmark-unique). A box is named after its table's caption
    ("Tabel: <caption>"), numbered where two would still share a name."""
    if SCROLL_BOX not in page:
        return page
    parts = page.split(SCROLL_BOX)
    seen: dict[str, int] = {}
    out = [parts[0]]
    for part in parts[1:]:
        found = _CAPTION.match(part)
        text = " ".join(html_lib.unescape(_TAGS.sub(" ", found.group(1))).split()) if found else ""
        name = f"Tabel: {text[:LABEL_LIMIT].rstrip()}{'…' if len(text) > LABEL_LIMIT else ''}" if text \
            else "Tabel (dapat digeser)"
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            name = f"{name} ({seen[name]})"
        out.append(f'aria-label="{html_lib.escape(name)}">' + part)
    return "".join(out)
