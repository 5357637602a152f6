"""Rules about the dates of facts: what the file records as having happened (its own
update, progress notes, evaluations, the stage, realised spending, cited articles)
cannot lie after the "as of" date, and lies inside the span it belongs to.
Planned years are not facts and may lie in the future."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from smartcity.validation.problems import Path_
from smartcity.validation.rule_context import RuleContext, as_dict, as_list, as_str, as_year


def _date_at(data: Any, path: Path_) -> dt.date | None:
    """The ISO date written at `path`, or None (absent, or malformed: the schema reports that)."""
    value: Any = data
    for part in path:
        value = value.get(part) if isinstance(value, dict) else (
            value[part] if isinstance(value, list) and isinstance(part, int) and part < len(value) else None)
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def fact_dates(ctx: RuleContext) -> list[tuple[Path_, Any]]:
    """Where the file dates something that already happened, with what is written there: its
    own update, the stage, cited articles, progress notes, realised spending and evaluation
    rounds. Planned years are not facts."""
    data = ctx.data
    found: list[tuple[Path_, Any]] = [(("updated",), data.get("updated")), (("stage_date",), data.get("stage_date"))]
    for key in ("sources", "evaluations"):
        found += [((key, i, "date"), as_dict(item).get("date")) for i, item in enumerate(as_list(data.get(key)))]
    for _, kind, path, item in ctx.pillar_items():
        if kind == "program":
            found.append((path + ("budget", "realised_date"), as_dict(item.get("budget")).get("realised_date")))
            found += [(path + ("updates", i, "date"), as_dict(note).get("date"))
                      for i, note in enumerate(as_list(item.get("updates")))]
    return found


def dates_not_after_as_of(ctx: RuleContext) -> None:
    """Dates that record something that already happened cannot lie after the "as of" date.
    ISO dates compare as text: only one written after today's is read as a date."""
    today = ctx.today.isoformat()
    for path, value in fact_dates(ctx):
        if isinstance(value, str) and len(value) == 10 and value > today:
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                continue   # malformed: the schema reports it
            if day > ctx.today:
                ctx.add(path, "E-DATE-FUTURE", value=day.isoformat(), current=today)


def dates_inside_their_span(ctx: RuleContext) -> None:
    """An evaluation round is dated in its own year; the stage is not reached before the
    region joined the programme (its cohort year)."""
    for i, evaluation in enumerate(as_list(ctx.data.get("evaluations"))):
        period = as_str(as_dict(evaluation).get("period"))
        day = _date_at(ctx.data, ("evaluations", i, "date"))
        if day is not None and period is not None and re.fullmatch(r"[0-9]{4}-[12]", period) \
                and day.year != int(period[:4]):
            ctx.add(("evaluations", i, "date"), "E-EVALUATION-DATE", value=day.isoformat(), period=period)
    cohort = as_year(ctx.data.get("cohort"))
    stage_day = _date_at(ctx.data, ("stage_date",))
    if cohort is not None and stage_day is not None and stage_day.year < cohort:
        ctx.add(("stage_date",), "E-STAGE-DATE", value=stage_day.isoformat(), cohort=cohort)
