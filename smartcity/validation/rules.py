"""Checks of meaning beyond the schema, for one region file.

They run on the parsed data even when the schema found problems, so that one
run reports everything; every access is guarded against values of the wrong
shape (the schema has already reported those).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from smartcity.model import HORIZONS
from smartcity.reference import Reference
from smartcity.validation.problems import Path_, Problem, problem
from smartcity.validation.yamlstrict import Document


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _year(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _span(value: Any) -> tuple[int, int] | None:
    start, end = _year(_dict(value).get("start")), _year(_dict(value).get("end"))
    return (start, end) if start is not None and end is not None else None


class _Checker:
    def __init__(self, doc: Document, file: str, stem: str, reference: Reference, today: dt.date) -> None:
        self.doc, self.file, self.stem, self.ref, self.today = doc, file, stem, reference, today
        self.data = _dict(doc.data)
        self.problems: list[Problem] = []

    def add(self, path: Path_, code: str, key: bool = False, **params: Any) -> None:
        self.problems.append(problem(self.file, self.doc.locate(path, key=key), code, path, **params))

    def run(self) -> list[Problem]:
        self.identity()
        self.period_and_roadmap()
        self.items()
        self.evaluations()
        self.indicators()
        self.accountability_references()
        self.dates_not_after_as_of()
        self.spreadsheet_formulas(self.data, ())
        return self.problems

    def spreadsheet_formulas(self, value: Any, path: Path_) -> None:
        """Text becomes CSV cells in the open data; a cell that starts like a formula
        runs as one in a spreadsheet (CSV injection), so such text is refused."""
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "number" and len(path) == 2 and path[0] == "feedback":
                    continue  # a phone number (digits, optional leading +), checked by its pattern
                self.spreadsheet_formulas(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self.spreadsheet_formulas(item, (*path, index))
        elif isinstance(value, str) and value and (value[0] in "=+@\t\r" or (value[0] == "-" and value[1:2].strip())):
            self.add(path, "E-TEXT-FORMULA", start=value[0])

    def identity(self) -> None:
        data = self.data
        region_id = _str(data.get("id"))
        if region_id is not None and region_id != self.stem:
            self.add(("id",), "E-ID-FILENAME", value=region_id, expected=self.stem)
        code = _str(data.get("code"))
        official = self.ref.regions_by_code.get(code) if code else None
        if code is not None and official is None and len(code) == 5:
            self.add(("code",), "E-CODE-UNKNOWN", value=code)
        if official is not None:
            name = _str(data.get("name"))
            if name is not None and name != official.name:
                self.add(("name",), "E-NAME-MISMATCH", value=name, region_code=code, expected=official.name)
            kind = _str(data.get("type"))
            if kind in ("kota", "kabupaten") and kind != official.type:
                self.add(("type",), "E-TYPE-MISMATCH", value=kind, name=official.name, expected=official.type)
            province = _str(data.get("province"))
            if province is not None and province != official.province.name:
                self.add(("province",), "E-PROVINCE-MISMATCH", value=province, region_code=code,
                         expected=official.province.name)
        cohort = _year(data.get("cohort"))
        if cohort is not None and 2017 <= cohort <= 2100 and cohort > self.today.year:
            self.add(("cohort",), "E-COHORT-YEAR", value=cohort, current=self.today.year)

    def period_and_roadmap(self) -> None:
        period = _span(self.data.get("period"))
        if period and period[0] > period[1]:
            self.add(("period", "end"), "E-YEARS-ORDER", start=period[0], end=period[1])
            period = None
        roadmap = _dict(self.data.get("roadmap"))
        previous: tuple[str, tuple[int, int]] | None = None
        for name in HORIZONS:
            span = _span(roadmap.get(name))
            if span is None:
                continue
            if span[0] > span[1]:
                self.add(("roadmap", name, "end"), "E-YEARS-ORDER", start=span[0], end=span[1])
                continue
            if previous is not None and span[0] <= previous[1][1]:
                self.add(("roadmap", name, "start"), "E-HORIZON-ORDER", name=name, start=span[0], end=span[1],
                         previous=previous[0], previous_start=previous[1][0], previous_end=previous[1][1])
            if period and (span[0] < period[0] or span[1] > period[1]):
                self.add(("roadmap", name), "E-HORIZON-PERIOD", name=name, start=span[0], end=span[1],
                         period_start=period[0], period_end=period[1])
            previous = (name, span)

    def _pillar_items(self) -> Iterator[tuple[str, str, Path_, dict[str, Any]]]:
        """Every strategy, programme and quick win: (pillar, kind, path, item)."""
        for pillar_key, pillar in _dict(self.data.get("pillars")).items():
            base: Path_ = ("pillars", pillar_key)
            for i, strategy in enumerate(_list(_dict(pillar).get("strategies"))):
                spath = base + ("strategies", i)
                yield pillar_key, "strategy", spath, _dict(strategy)
                for j, program in enumerate(_list(_dict(strategy).get("programs"))):
                    yield pillar_key, "program", spath + ("programs", j), _dict(program)
            for i, quick_win in enumerate(_list(_dict(pillar).get("quick_wins"))):
                yield pillar_key, "quick_win", base + ("quick_wins", i), _dict(quick_win)

    def _all_source_refs(self) -> Iterator[tuple[Path_, Any]]:
        def walk(value: Any, path: Path_) -> Iterator[tuple[Path_, Any]]:
            if isinstance(value, dict):
                for key, inner in value.items():
                    if key == "sources" and path != ():
                        for i, ref in enumerate(_list(inner)):
                            yield path + (key, i), ref
                    elif key == "source" and len(path) >= 2 and path[-2] == "actuals":
                        yield path + (key,), inner
                    else:
                        yield from walk(inner, path + (key,))
            elif isinstance(value, list):
                for i, inner in enumerate(value):
                    yield from walk(inner, path + (i,))
        yield from walk(self.data, ())

    def items(self) -> None:
        seen_ids: dict[str, int] = {}
        period = _span(self.data.get("period"))
        roadmap = _dict(self.data.get("roadmap"))
        for pillar_key, kind, path, item in self._pillar_items():
            item_id = _str(item.get("id"))
            if item_id is not None:
                if item_id in seen_ids:
                    self.add(path + ("id",), "E-ID-DUPLICATE", value=item_id, first_line=seen_ids[item_id])
                else:
                    seen_ids[item_id] = self.doc.locate(path + ("id",))[0]
            element = _str(item.get("element"))
            if element is not None and pillar_key in self.ref.pillar_keys:
                pillar = self.ref.pillar(pillar_key)
                if pillar.element(element) is None:
                    self.add(path + ("element",), "E-ELEMENT", value=element, pillar=pillar_key,
                             allowed=", ".join(e.key for e in pillar.elements))
            if kind == "program":
                self.program(path, item, period, roadmap)
        source_ids = [_str(_dict(s).get("id")) for s in _list(self.data.get("sources"))]
        seen_sources: dict[str, int] = {}
        for i, source_id in enumerate(source_ids):
            if source_id is None:
                continue
            if source_id in seen_sources:
                self.add(("sources", i, "id"), "E-ID-DUPLICATE", value=source_id, first_line=seen_sources[source_id])
            else:
                seen_sources[source_id] = self.doc.locate(("sources", i, "id"))[0]
        for path, ref in self._all_source_refs():
            if isinstance(ref, str) and ref not in seen_sources:
                self.add(path, "E-SOURCE-UNKNOWN", value=ref)

    def program(self, path: Path_, program: dict[str, Any], period: tuple[int, int] | None,
                roadmap: dict[str, Any]) -> None:
        start, end = _year(program.get("start")), _year(program.get("end"))
        if start is not None and end is not None and start > end:
            self.add(path + ("end",), "E-YEARS-ORDER", start=start, end=end)
        horizon = _str(program.get("horizon"))
        span = _span(roadmap.get(horizon)) if horizon in HORIZONS else None
        if horizon in HORIZONS and roadmap and span is None:
            self.add(path + ("horizon",), "E-HORIZON-UNDEFINED", value=horizon)
        for field, year in (("start", start), ("end", end)):
            if year is None:
                continue
            if span is not None and not span[0] <= year <= span[1]:
                self.add(path + (field,), "E-PROGRAM-HORIZON", value=year, horizon=horizon, start=span[0], end=span[1])
            elif period is not None and not period[0] <= year <= period[1]:
                self.add(path + (field,), "E-PROGRAM-PERIOD", value=year, start=period[0], end=period[1])
        updates = _list(program.get("updates"))
        previous_date: str | None = None
        for i, update in enumerate(updates):
            date = _str(_dict(update).get("date"))
            if date is None:
                continue
            if previous_date is not None and date < previous_date:
                self.add(path + ("updates", i, "date"), "E-UPDATE-ORDER", value=date, previous=previous_date)
            previous_date = date
        if updates:
            last = _str(_dict(updates[-1]).get("status"))
            status = _str(program.get("status"))
            if last is not None and status is not None and last != status:
                self.add(path + ("status",), "E-UPDATE-STATUS", value=status, last=last)

    def _sequence(self, entries: list[tuple[Path_, Any]], duplicate_code: str,
                  order_code: str) -> list[tuple[Path_, Any]]:
        """Values given in file order must be unique and ascending; returns the ones not repeated."""
        seen: dict[Any, int] = {}
        previous: Any = None
        kept = []
        for path, value in entries:
            if value in seen:
                self.add(path, duplicate_code, value=value, first_line=seen[value])
                continue
            seen[value] = self.doc.locate(path)[0]
            if previous is not None and value < previous:
                self.add(path, order_code, value=value, previous=previous)
            previous = value
            kept.append((path, value))
        return kept

    def evaluations(self) -> None:
        periods = [(("evaluations", i, "period"), _str(_dict(e).get("period")))
                   for i, e in enumerate(_list(self.data.get("evaluations")))]
        self._sequence([(path, p) for path, p in periods if p is not None],
                       "E-EVALUATION-DUPLICATE", "E-EVALUATION-ORDER")

    def _goals(self) -> Iterator[tuple[Path_, dict[str, Any]]]:
        for pillar_key, pillar in _dict(self.data.get("pillars")).items():
            for i, goal in enumerate(_list(_dict(pillar).get("goals"))):
                yield ("pillars", pillar_key, "goals", i), _dict(goal)

    def indicators(self) -> None:
        """Measured values: years ascending, one per year, none after the "as of" year."""
        for path, goal in self._goals():
            actuals = _list(_dict(goal.get("indicator")).get("actuals"))
            years = [(path + ("indicator", "actuals", i, "year"), _year(_dict(a).get("year")))
                     for i, a in enumerate(actuals)]
            kept = self._sequence([(where, y) for where, y in years if y is not None],
                                  "E-ACTUAL-DUPLICATE", "E-ACTUAL-ORDER")
            for where, year in kept:
                if year > self.today.year:
                    self.add(where, "E-ACTUAL-FUTURE", value=year, current=self.today.year)

    def accountability_references(self) -> None:
        """Ids that the RPJMD, risk and strategy fields refer to must exist."""
        missions: dict[str, int] = {}
        for i, mission in enumerate(_list(_dict(self.data.get("rpjmd")).get("missions"))):
            mission_id = _str(_dict(mission).get("id"))
            if mission_id is None:
                continue
            where = ("rpjmd", "missions", i, "id")
            if mission_id in missions:
                self.add(where, "E-ID-DUPLICATE", value=mission_id, first_line=missions[mission_id])
            else:
                missions[mission_id] = self.doc.locate(where)[0]
        program_ids: set[str] = set()
        for _, kind, path, item in self._pillar_items():
            if kind == "strategy":
                for j, ref in enumerate(_list(item.get("rpjmd"))):
                    if isinstance(ref, str) and ref not in missions:
                        self.add(path + ("rpjmd", j), "E-MISSION-UNKNOWN", value=ref)
            elif kind == "program" and _str(item.get("id")) is not None:
                program_ids.add(item["id"])
        risks: dict[str, int] = {}
        for i, risk in enumerate(_list(self.data.get("risks"))):
            risk = _dict(risk)
            risk_id = _str(risk.get("id"))
            if risk_id is not None:
                if risk_id in risks:
                    self.add(("risks", i, "id"), "E-ID-DUPLICATE", value=risk_id, first_line=risks[risk_id])
                else:
                    risks[risk_id] = self.doc.locate(("risks", i, "id"))[0]
            for j, ref in enumerate(_list(risk.get("programs"))):
                if isinstance(ref, str) and ref not in program_ids:
                    self.add(("risks", i, "programs", j), "E-PROGRAM-UNKNOWN", value=ref)

    def dates_not_after_as_of(self) -> None:
        """Dates that record something that already happened cannot lie in the future."""
        paths: list[Path_] = [("stage_date",)]
        for _, kind, path, _item in self._pillar_items():
            if kind == "program":
                paths.append(path + ("budget", "realised_date"))
        for path in paths:
            value: Any = self.data
            for part in path:
                value = value.get(part) if isinstance(value, dict) else (
                    value[part] if isinstance(value, list) and isinstance(part, int) and part < len(value) else None)
            if isinstance(value, str) and len(value) == 10:
                try:
                    day = dt.date.fromisoformat(value)
                except ValueError:
                    continue  # the schema reports it
                if day > self.today:
                    self.add(path, "E-DATE-FUTURE", value=value, current=self.today.isoformat())


def check_rules(doc: Document, file: str, stem: str, reference: Reference, today: dt.date) -> list[Problem]:
    return _Checker(doc, file, stem, reference, today).run()
