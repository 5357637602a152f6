"""Checks of meaning beyond the schema, for one region file: one function per rule,
each declaring the codes it reports, in one `RULES` tuple.

They run on the parsed data even when the schema found problems, so that one
run reports everything (see rule_context.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from smartcity.model import HORIZONS
from smartcity.reference import Reference
from smartcity.text import BREAK_OR_TAB, CONTROL_IN_TEXT, looks_like_formula, spreadsheet_start
from smartcity.validation.fields import is_budget_amount
from smartcity.validation.problems import Path_, Problem
from smartcity.validation.rule_context import RuleContext, as_dict, as_list, as_span, as_str, as_year
from smartcity.validation.rules_dates import dates_inside_their_span, dates_not_after_as_of
from smartcity.validation.rules_links import feedback_links
from smartcity.validation.schema import long_text_fields
from smartcity.validation.yamlstrict import Document


@dataclass(frozen=True)
class Rule:
    """A rule of meaning and the codes it may report."""
    name: str
    codes: tuple[str, ...]
    check: Callable[[RuleContext], None]


def identity(ctx: RuleContext) -> None:
    """The file's id, and its code, name, type and province against the official list."""
    data = ctx.data
    region_id = as_str(data.get("id"))
    if region_id is not None and region_id != ctx.stem:
        ctx.add(("id",), "E-ID-FILENAME", value=region_id, expected=ctx.stem)
    code = as_str(data.get("code"))
    official = ctx.ref.regions_by_code.get(code) if code else None
    if code is not None and official is None and len(code) == 5:
        ctx.add(("code",), "E-CODE-UNKNOWN", value=code)
    if official is not None:
        name = as_str(data.get("name"))
        if name is not None and name != official.name:
            ctx.add(("name",), "E-NAME-MISMATCH", value=name, region_code=code, expected=official.name)
        kind = as_str(data.get("type"))
        if kind in ("kota", "kabupaten") and kind != official.type:
            ctx.add(("type",), "E-TYPE-MISMATCH", value=kind, name=official.name, expected=official.type)
        province = as_str(data.get("province"))
        if province is not None and province != official.province.name:
            ctx.add(("province",), "E-PROVINCE-MISMATCH", value=province, region_code=code,
                    expected=official.province.name)


def cohort_year(ctx: RuleContext) -> None:
    """A region cannot have joined after the "as of" year."""
    cohort = as_year(ctx.data.get("cohort"))
    if cohort is not None and 2017 <= cohort <= 2100 and cohort > ctx.today.year:
        ctx.add(("cohort",), "E-COHORT-YEAR", value=cohort, current=ctx.today.year)


def period_and_roadmap(ctx: RuleContext) -> None:
    """The period's years in order; horizons in order, without overlap, inside the period."""
    period = as_span(ctx.data.get("period"))
    if period and period[0] > period[1]:
        ctx.add(("period", "end"), "E-YEARS-ORDER", start=period[0], end=period[1])
        period = None
    roadmap = as_dict(ctx.data.get("roadmap"))
    previous: tuple[str, tuple[int, int]] | None = None
    for name in HORIZONS:
        span = as_span(roadmap.get(name))
        if span is None:
            continue
        if span[0] > span[1]:
            ctx.add(("roadmap", name, "end"), "E-YEARS-ORDER", start=span[0], end=span[1])
            continue
        if previous is not None and span[0] <= previous[1][1]:
            ctx.add(("roadmap", name, "start"), "E-HORIZON-ORDER", name=name, start=span[0], end=span[1],
                    previous=previous[0], previous_start=previous[1][0], previous_end=previous[1][1])
        if period and (span[0] < period[0] or span[1] > period[1]):
            ctx.add(("roadmap", name), "E-HORIZON-PERIOD", name=name, start=span[0], end=span[1],
                    period_start=period[0], period_end=period[1])
        previous = (name, span)


def item_ids_and_elements(ctx: RuleContext) -> None:
    """Strategies, programmes and quick wins share one set of unique ids; elements belong to their pillar."""
    entries: list[tuple[Path_, str | None]] = []
    for pillar_key, _, path, item in ctx.pillar_items():
        entries.append((path + ("id",), as_str(item.get("id"))))
        element = as_str(item.get("element"))
        if element is not None and pillar_key in ctx.ref.pillar_keys:
            pillar = ctx.ref.pillar(pillar_key)
            if pillar.element(element) is None:
                ctx.add(path + ("element",), "E-ELEMENT", value=element, pillar=pillar_key,
                        allowed=", ".join(e.key for e in pillar.elements))
    ctx.unique(entries)


def programme_years(ctx: RuleContext) -> None:
    """A programme's years in order and inside its horizon (or the period); notes in date order,
    the last note's status the programme's."""
    period = as_span(ctx.data.get("period"))
    roadmap = as_dict(ctx.data.get("roadmap"))
    for _, kind, path, program in ctx.pillar_items():
        if kind != "program":
            continue
        start, end = as_year(program.get("start")), as_year(program.get("end"))
        if start is not None and end is not None and start > end:
            ctx.add(path + ("end",), "E-YEARS-ORDER", start=start, end=end)
        horizon = as_str(program.get("horizon"))
        span = as_span(roadmap.get(horizon)) if horizon in HORIZONS else None
        if horizon in HORIZONS and roadmap and span is None:
            ctx.add(path + ("horizon",), "E-HORIZON-UNDEFINED", value=horizon)
        for field, year in (("start", start), ("end", end)):
            if year is None:
                continue
            if span is not None and not span[0] <= year <= span[1]:
                ctx.add(path + (field,), "E-PROGRAM-HORIZON", value=year, horizon=horizon, start=span[0], end=span[1])
            elif period is not None and not period[0] <= year <= period[1]:
                ctx.add(path + (field,), "E-PROGRAM-PERIOD", value=year, start=period[0], end=period[1])
        updates = as_list(program.get("updates"))
        previous_date: str | None = None
        for i, update in enumerate(updates):
            date = as_str(as_dict(update).get("date"))
            if date is None:
                continue
            if previous_date is not None and date < previous_date:
                ctx.add(path + ("updates", i, "date"), "E-UPDATE-ORDER", value=date, previous=previous_date)
            previous_date = date
        if updates:
            last = as_str(as_dict(updates[-1]).get("status"))
            status = as_str(program.get("status"))
            if last is not None and status is not None and last != status:
                ctx.add(path + ("status",), "E-UPDATE-STATUS", value=status, last=last)


def sources(ctx: RuleContext) -> None:
    """Source ids are unique, and every reference to a source names one of them."""
    known = ctx.unique([(("sources", i, "id"), as_str(as_dict(s).get("id")))
                        for i, s in enumerate(as_list(ctx.data.get("sources")))])
    for path, ref in ctx.source_refs():
        if isinstance(ref, str) and ref not in known:
            ctx.add(path, "E-SOURCE-UNKNOWN", value=ref)


def evaluations(ctx: RuleContext) -> None:
    """Evaluation rounds once each, oldest first."""
    periods = [(("evaluations", i, "period"), as_str(as_dict(e).get("period")))
               for i, e in enumerate(as_list(ctx.data.get("evaluations")))]
    ctx.sequence([(path, p) for path, p in periods if p is not None], "E-EVALUATION-DUPLICATE", "E-EVALUATION-ORDER")


def measured_values(ctx: RuleContext) -> None:
    """Measured values: years ascending, one per year, none after the "as of" year."""
    for path, goal in ctx.goals():
        actuals = as_list(as_dict(goal.get("indicator")).get("actuals"))
        years = [(path + ("indicator", "actuals", i, "year"), as_year(as_dict(a).get("year")))
                 for i, a in enumerate(actuals)]
        kept = ctx.sequence([(where, y) for where, y in years if y is not None], "E-ACTUAL-DUPLICATE", "E-ACTUAL-ORDER")
        for where, year in kept:
            if year > ctx.today.year:
                ctx.add(where, "E-ACTUAL-FUTURE", value=year, current=ctx.today.year)


def accountability_references(ctx: RuleContext) -> None:
    """RPJMD missions and risks have unique ids; strategies name existing missions, risks existing programmes."""
    missions = ctx.unique([(("rpjmd", "missions", i, "id"), as_str(as_dict(m).get("id")))
                           for i, m in enumerate(as_list(as_dict(ctx.data.get("rpjmd")).get("missions")))])
    program_ids: set[str] = set()
    for _, kind, path, item in ctx.pillar_items():
        if kind == "strategy":
            for j, ref in enumerate(as_list(item.get("rpjmd"))):
                if isinstance(ref, str) and ref not in missions:
                    ctx.add(path + ("rpjmd", j), "E-MISSION-UNKNOWN", value=ref)
        elif kind == "program" and as_str(item.get("id")) is not None:
            program_ids.add(item["id"])
    risks = as_list(ctx.data.get("risks"))
    ctx.unique([(("risks", i, "id"), as_str(as_dict(r).get("id"))) for i, r in enumerate(risks)])
    for i, risk in enumerate(risks):
        for j, ref in enumerate(as_list(as_dict(risk).get("programs"))):
            if isinstance(ref, str) and ref not in program_ids:
                ctx.add(("risks", i, "programs", j), "E-PROGRAM-UNKNOWN", value=ref)


# Characters no text of a masterplan needs, written as escapes inside quotes
# (raw ones are refused by the YAML reader with their exact position): C0 and
# C1 controls, DEL, the line and paragraph separators, non-characters, and the
# bidirectional controls. Those are refused rather than isolated on output:
# Indonesian text never needs them, and one check here protects every output
# (HTML, CSV, JSON, feeds, terminal) where isolating would have to be right in each.
THOUSANDS = re.compile(r"[0-9]{1,3}(\.[0-9]{3})+\Z")


def _field_name(path: Path_) -> str:
    return next((part for part in reversed(path) if isinstance(part, str)), "")


def text_characters(ctx: RuleContext) -> None:
    """No invisible control characters in any text; line breaks and tabs only in prose."""
    prose = long_text_fields()
    for path, text in ctx.doc.suspect_texts:  # every text that has anything unusual (see yamlstrict)
        found = CONTROL_IN_TEXT.search(text)
        if found:
            ctx.add(path, "E-TEXT-CONTROL", char=f"U+{ord(found.group()):04X}", more="", more_en="")
        elif _field_name(path) not in prose:
            found = BREAK_OR_TAB.search(text)
            if found:
                ctx.add(path, "E-TEXT-NEWLINE", char=f"U+{ord(found.group()):04X}")


def spreadsheet_formulas(ctx: RuleContext) -> None:
    """Text becomes CSV cells in the open data; a cell that starts like a formula
    runs as one in a spreadsheet (CSV injection), so such text is refused. The
    start is read as a spreadsheet reads it (see `spreadsheet_start`)."""
    for path, text in ctx.doc.suspect_texts:  # every text that could start like a formula
        if len(path) == 3 and path[0] == "feedback" and path[2] == "number":
            continue  # a phone number (digits, optional leading +), checked by its pattern
        if looks_like_formula(text):
            ctx.add(path, "E-TEXT-FORMULA", start=spreadsheet_start(text)[:1] or text[:1])


def amounts(ctx: RuleContext) -> None:
    """An amount written like 250.000 was meant as 250 thousand (Indonesian
    notation), but YAML reads 250: refuse it rather than publish Rp 250."""
    for path, written in ctx.doc.float_texts.items():
        if is_budget_amount(path) and THOUSANDS.match(written):
            ctx.add(path, "E-AMOUNT-THOUSANDS", value=written, meant=written.replace(".", ""))


RULES: tuple[Rule, ...] = (
    Rule("identity", ("E-ID-FILENAME", "E-CODE-UNKNOWN", "E-NAME-MISMATCH", "E-TYPE-MISMATCH",
                      "E-PROVINCE-MISMATCH"), identity),
    Rule("cohort year", ("E-COHORT-YEAR",), cohort_year),
    Rule("period and roadmap", ("E-YEARS-ORDER", "E-HORIZON-ORDER", "E-HORIZON-PERIOD"), period_and_roadmap),
    Rule("item ids and elements", ("E-ID-DUPLICATE", "E-ELEMENT"), item_ids_and_elements),
    Rule("programme years and notes", ("E-YEARS-ORDER", "E-HORIZON-UNDEFINED", "E-PROGRAM-HORIZON",
                                       "E-PROGRAM-PERIOD", "E-UPDATE-ORDER", "E-UPDATE-STATUS"), programme_years),
    Rule("sources", ("E-ID-DUPLICATE", "E-SOURCE-UNKNOWN"), sources),
    Rule("evaluation rounds", ("E-EVALUATION-DUPLICATE", "E-EVALUATION-ORDER"), evaluations),
    Rule("measured values", ("E-ACTUAL-DUPLICATE", "E-ACTUAL-ORDER", "E-ACTUAL-FUTURE"), measured_values),
    Rule("accountability references", ("E-ID-DUPLICATE", "E-MISSION-UNKNOWN", "E-PROGRAM-UNKNOWN"),
         accountability_references),
    Rule("dates not after the as-of date", ("E-DATE-FUTURE",), dates_not_after_as_of),
    Rule("dates inside their span", ("E-EVALUATION-DATE", "E-STAGE-DATE"), dates_inside_their_span),
    Rule("feedback links", ("E-FEEDBACK-USERINFO", "E-FEEDBACK-HOST-ASCII", "E-FEEDBACK-HOST", "E-FEEDBACK-NUMBER"),
         feedback_links),
    Rule("text characters", ("E-TEXT-CONTROL", "E-TEXT-NEWLINE"), text_characters),
    Rule("spreadsheet formulas", ("E-TEXT-FORMULA",), spreadsheet_formulas),
    Rule("amounts", ("E-AMOUNT-THOUSANDS",), amounts),
)


def check_rules(doc: Document, file: str, stem: str, reference: Reference, today: dt.date) -> list[Problem]:
    """Every rule of meaning on one parsed file; each may report only the codes it declares."""
    ctx = RuleContext(doc, file, stem, reference, today)
    for rule in RULES:
        before = len(ctx.problems)
        rule.check(ctx)
        undeclared = {p.code for p in ctx.problems[before:]} - set(rule.codes)
        if undeclared:
            raise AssertionError(f"rule {rule.name!r} reported undeclared codes {sorted(undeclared)}")
    return ctx.problems
