"""Material's stylesheet without the rules of components this site never shows.

Every first visit downloads the theme's stylesheet (137 KB, a third of a phone's
first load). About a quarter of it styles components that are off here: the
search plugin (search is Pagefind on /cari/), the repository and version
widgets, the language selector, tooltips, annotations, the announcement banner,
page status, social links, and Markdown extensions the site does not enable
(admonitions, tabs, task lists, code highlighting, emoji, maths, Mermaid,
footnotes). Their selectors are removed; a rule is dropped only when none of its
selectors is left, and at-rules (@media, @supports, …) keep what remains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Selectors of components and extensions this site does not use (see mkdocs.yml).
# A class is matched by its start: `.md-search` also covers `.md-search__input`.
UNUSED = re.compile(
    r"\.md-(?:search|source|version|select|annotation|tooltip|banner|status|social)"
    r"|\.(?:tabbed|task-list|critic|keys|emoji|twemoji|arithmatex|mermaid|footnote)"
    r"|\.md-typeset \.(?:admonition|highlight)")
_GROUPING = ("@media", "@supports", "@container", "@layer")


@dataclass(frozen=True)
class _Rule:
    prelude: str
    body: str | tuple[_Rule, ...] | None   # declarations, nested rules, or None for `@import …;`


def _scan(text: str, start: int, stops: str) -> int:
    """The index of the first character of `stops` at `start` or after, outside strings."""
    quote = ""
    index = start
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in stops:
            return index
        index += 1
    return len(text)


def _block_end(text: str, start: int) -> int:
    """The index after the `}` closing the block that starts after `start` (a `{`)."""
    depth, index = 1, start + 1
    while depth and index < len(text):
        index = _scan(text, index, "{}")
        if index < len(text):
            depth += 1 if text[index] == "{" else -1
            index += 1
    return index


def _parse(text: str, start: int = 0) -> tuple[tuple[_Rule, ...], int]:
    rules: list[_Rule] = []
    index = start
    while index < len(text):
        stop = _scan(text, index, "{;}")
        if stop >= len(text):
            break   # trailing text: a comment (the source map link)
        prelude = text[index:stop]
        if text[stop] == "}":
            return tuple(rules), stop + 1
        if text[stop] == ";":
            rules.append(_Rule(prelude + ";", None))
            index = stop + 1
        elif prelude.lstrip().startswith(_GROUPING):
            inner, index = _parse(text, stop + 1)
            rules.append(_Rule(prelude, inner))
        else:
            end = _block_end(text, stop)
            rules.append(_Rule(prelude, text[stop:end]))
            index = end
    return tuple(rules), index


def _selectors(prelude: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in prelude:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _emit(rules: tuple[_Rule, ...]) -> str:
    out: list[str] = []
    for rule in rules:
        if rule.body is None:
            out.append(rule.prelude)
        elif isinstance(rule.body, tuple):
            inner = _emit(rule.body)
            if inner:
                out.append(f"{rule.prelude}{{{inner}}}")
        elif rule.prelude.lstrip().startswith("@"):
            out.append(rule.prelude + rule.body)       # @font-face, @keyframes, @page: kept whole
        else:
            kept = [s for s in _selectors(rule.prelude) if not UNUSED.search(s)]
            if kept:
                out.append(",".join(kept) + rule.body)
    return "".join(out)


def without_unused_rules(css: str) -> str:
    """The minified theme stylesheet without the selectors matched by UNUSED."""
    rules, _ = _parse(css)
    return _emit(rules) + "\n"
