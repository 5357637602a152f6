"""What every rule of meaning reads: the parsed document, where it came from, the
reference data and the "as of" date; and the few ways of walking a region file
that several rules share. Every access is guarded against values of the wrong
shape (the schema reports those), so that one run reports everything."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from smartcity.reference import Reference
from smartcity.validation.problems import Path_, Problem, problem
from smartcity.validation.yamlstrict import Document


def as_dict(value: Any) -> dict[str, Any]:
    """The value if it is a mapping, else an empty one."""
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    """The value if it is a list, else an empty one."""
    return value if isinstance(value, list) else []


def as_year(value: Any) -> int | None:
    """The value if it is a whole number (not a boolean), else None."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def as_str(value: Any) -> str | None:
    """The value if it is text, else None."""
    return value if isinstance(value, str) else None


def as_span(value: Any) -> tuple[int, int] | None:
    """(start, end) of a `{start, end}` mapping of years, else None."""
    start, end = as_year(as_dict(value).get("start")), as_year(as_dict(value).get("end"))
    return (start, end) if start is not None and end is not None else None


class RuleContext:
    """One file being checked: its data, and the problems found so far."""

    def __init__(self, doc: Document, file: str, stem: str, reference: Reference, today: dt.date) -> None:
        self.doc, self.file, self.stem, self.ref, self.today = doc, file, stem, reference, today
        self.data = as_dict(doc.data)
        self.problems: list[Problem] = []
        self._pillar_items: list[tuple[str, str, Path_, dict[str, Any]]] | None = None

    def add(self, path: Path_, code: str, key: bool = False, **params: Any) -> None:
        """Report a problem at `path` (its key's position with `key`)."""
        self.problems.append(problem(self.file, self.doc.locate(path, key=key), code, path, **params))

    def line(self, path: Path_) -> int:
        """The line on which the value at `path` is written."""
        return self.doc.locate(path)[0]

    def pillar_items(self) -> list[tuple[str, str, Path_, dict[str, Any]]]:
        """Every strategy, programme and quick win: (pillar, kind, path, item). Listed once
        per file: several rules walk them."""
        if self._pillar_items is None:
            self._pillar_items = list(self._walk_pillar_items())
        return self._pillar_items

    def _walk_pillar_items(self) -> Iterator[tuple[str, str, Path_, dict[str, Any]]]:
        for pillar_key, pillar in as_dict(self.data.get("pillars")).items():
            base: Path_ = ("pillars", pillar_key)
            for i, strategy in enumerate(as_list(as_dict(pillar).get("strategies"))):
                spath = base + ("strategies", i)
                yield pillar_key, "strategy", spath, as_dict(strategy)
                for j, program in enumerate(as_list(as_dict(strategy).get("programs"))):
                    yield pillar_key, "program", spath + ("programs", j), as_dict(program)
            for i, quick_win in enumerate(as_list(as_dict(pillar).get("quick_wins"))):
                yield pillar_key, "quick_win", base + ("quick_wins", i), as_dict(quick_win)

    def goals(self) -> Iterator[tuple[Path_, dict[str, Any]]]:
        """Every goal of every pillar: (path, goal)."""
        for pillar_key, pillar in as_dict(self.data.get("pillars")).items():
            for i, goal in enumerate(as_list(as_dict(pillar).get("goals"))):
                yield ("pillars", pillar_key, "goals", i), as_dict(goal)

    def source_refs(self) -> list[tuple[Path_, Any]]:
        """Every reference to a source: items' `sources` lists and measured values' `source`.
        Collected in one recursive pass that skips plain values: nested generators
        cost a step per level for every value, and this walks the whole file. The quick
        reader collects them while it walks the file anyway (`Document.source_refs`)."""
        if self.doc.source_refs is not None:
            return self.doc.source_refs
        found: list[tuple[Path_, Any]] = []

        def walk(value: Any, path: Path_) -> None:
            if isinstance(value, dict):
                for key, inner in value.items():
                    if key == "sources" and path != ():
                        found.extend((path + (key, i), ref) for i, ref in enumerate(as_list(inner)))
                    elif key == "source" and len(path) >= 2 and path[-2] == "actuals":
                        found.append((path + (key,), inner))
                    elif isinstance(inner, (dict, list)):
                        walk(inner, path + (key,))
            else:
                for i, inner in enumerate(value):
                    if isinstance(inner, (dict, list)):
                        walk(inner, path + (i,))

        if isinstance(self.data, dict):
            walk(self.data, ())
        return found

    def unique(self, entries: list[tuple[Path_, str | None]]) -> dict[str, Path_]:
        """Ids given in file order must be unique (E-ID-DUPLICATE); returns id → where it
        is first given. Lines are looked up only for a problem: a file read without
        positions (yamlfast) is read again with them only when it has one."""
        seen: dict[str, Path_] = {}
        for path, value in entries:
            if value is None:
                continue
            if value in seen:
                self.add(path, "E-ID-DUPLICATE", value=value, first_line=self.line(seen[value]))
            else:
                seen[value] = path
        return seen

    def sequence(self, entries: list[tuple[Path_, Any]], duplicate_code: str,
                 order_code: str) -> list[tuple[Path_, Any]]:
        """Values given in file order must be unique and ascending; returns the ones not repeated."""
        seen: dict[Any, Path_] = {}
        previous: Any = None
        kept = []
        for path, value in entries:
            if value in seen:
                self.add(path, duplicate_code, value=value, first_line=self.line(seen[value]))
                continue
            seen[value] = path
            if previous is not None and value < previous:
                self.add(path, order_code, value=value, previous=previous)
            previous = value
            kept.append((path, value))
        return kept
