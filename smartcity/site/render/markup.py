"""The small HTML pieces pages repeat thousands of times: status badges, the "contoh" and
"Lewat tenggat" badges, numbered source links, paragraphs. Built once, not through Jinja
macros; every piece of data text is escaped."""

from __future__ import annotations

import re

from markupsafe import Markup

from smartcity.formatting import fold
from smartcity.labels import STATUS_LABELS
from smartcity.model import STATUSES, Source

# Badges used thousands of times per build: built once, not through Jinja macros.
# The status icon comes from CSS (::before), so each badge is a word in a coloured pill.
STATUS_BADGES = {s: Markup('<span class="sc-status sc-status--{0}">{1}</span>').format(s, STATUS_LABELS[s])
                 for s in STATUSES}
CONTOH_BADGE = Markup(' <span class="sc-contoh">contoh</span>')


def status_badge(status: str) -> Markup:
    """The status as a coloured word."""
    return STATUS_BADGES[status]


def contoh(flag: bool) -> Markup:
    """The "contoh" badge of an illustrative item, or nothing."""
    return CONTOH_BADGE if flag else Markup("")


def sources_list(refs: tuple[str, ...], sources: tuple[Source, ...]) -> Markup:
    """Numbered citations ([1], [2]) linking to the region's numbered source list on the
    page; the number is the source's place in that list. Ids stay internal (validated
    slugs: every ref names one of `sources`)."""
    if not refs:
        return Markup("")
    number = {source.id: (index + 1, source.title) for index, source in enumerate(sources)}
    links = Markup(" ").join(
        Markup('<a href="#sumber-{0}" aria-label="Sumber {1}: {2}">[{1}]</a>').format(ref, *number[ref])
        for ref in refs if ref in number)
    return Markup('<span class="sc-sources">Sumber: {}</span>').format(links)


def paragraphs(value: str | None) -> Markup:
    """Text → escaped `<p>` paragraphs, split on blank lines."""
    if not value:
        return Markup("")
    parts = [fold(p) for p in re.split(r"\n\s*\n", value) if p.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(p) for p in parts)


def code_spans(value: str) -> Markup:
    """The project's own help text (schema descriptions) with `backticks` shown as code,
    everything escaped: `lapor` → <code>lapor</code>."""
    parts = value.split("`")
    return Markup("").join(Markup("<code>{}</code>").format(part) if index % 2 else Markup("{}").format(part)
                           for index, part in enumerate(parts))


OVERDUE_BADGE = Markup('<span class="sc-overdue">Lewat tenggat</span>')


def overdue_badge(flag: bool) -> Markup:
    """The "Lewat tenggat" badge, or nothing."""
    return OVERDUE_BADGE if flag else Markup("")
