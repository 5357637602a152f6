"""The model of a region built from its validated data. Only data that passed
every check arrives here, so constructors may trust shapes and types."""

from __future__ import annotations

import datetime as dt
from typing import Any

from smartcity.model import (
    HORIZONS,
    Actual,
    Budget,
    Evaluation,
    FeedbackChannel,
    Goal,
    Indicator,
    Mission,
    Organization,
    PillarPlan,
    Program,
    QuickWin,
    Readiness,
    Region,
    Risk,
    Rpjmd,
    Scores,
    Source,
    Strategy,
    Swot,
    TextItem,
    Update,
    YearSpan,
)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _text_item(d: dict[str, Any]) -> TextItem:
    return TextItem(d["text"], d.get("example", False), tuple(d.get("sources", ())))


def _span(d: dict[str, Any]) -> YearSpan:
    return YearSpan(d["start"], d["end"])


def _budget(d: dict[str, Any] | None) -> Budget | None:
    if not d:
        return None
    return Budget(d["amount"], d.get("currency", "IDR"), d.get("source"), d.get("realised"),
                  _date(d.get("realised_date")))


def _indicator(d: dict[str, Any] | None) -> Indicator | None:
    if not d:
        return None
    actuals = tuple(Actual(a["year"], a["value"], a.get("source"), a.get("example", False))
                    for a in d.get("actuals", ()))
    return Indicator(d["name"], d.get("unit"), d.get("baseline"), d.get("target"), d.get("year"),
                     d.get("baseline_year"), actuals)


def _program(d: dict[str, Any]) -> Program:
    return Program(
        id=d["id"], title=d["title"], horizon=d["horizon"], status=d["status"],
        description=d.get("description"), agency=d.get("agency"), start=d.get("start"), end=d.get("end"),
        budget=_budget(d.get("budget")),
        updates=tuple(Update(dt.date.fromisoformat(u["date"]), u["status"], u.get("note"))
                      for u in d.get("updates", ())),
        example=d.get("example", False), sources=tuple(d.get("sources", ())))


def _pillar(key: str, d: dict[str, Any]) -> PillarPlan:
    goals = tuple(
        Goal(g["text"], _indicator(g.get("indicator")),
             g.get("example", False), tuple(g.get("sources", ())))
        for g in d.get("goals", ()))
    strategies = tuple(
        Strategy(s["id"], s["title"], s["element"], s.get("description"),
                 tuple(_program(p) for p in s.get("programs", ())), s.get("example", False),
                 tuple(s.get("sources", ())), tuple(s.get("rpjmd", ())))
        for s in d.get("strategies", ()))
    quick_wins = tuple(
        QuickWin(q["id"], q["title"], q["status"], q.get("element"), q.get("agency"), q.get("year"),
                 q.get("description"), q.get("example", False), tuple(q.get("sources", ())))
        for q in d.get("quick_wins", ()))
    return PillarPlan(key, d.get("summary"), goals, strategies, quick_wins)


def region_from_data(d: dict[str, Any], source_file: str, province_code: str,
                     pillar_keys: tuple[str, ...]) -> Region:
    """The model of a region from its validated data."""
    analysis = d.get("analysis", {})
    swot = analysis.get("swot", {})
    readiness = d.get("readiness", {})
    organization = d.get("organization")
    pillars = d.get("pillars", {})
    return Region(
        id=d["id"], code=d["code"], name=d["name"], type=d["type"], province=d["province"],
        province_code=province_code, cohort=d["cohort"], status=d["status"], period=_span(d["period"]),
        source_file=source_file, sample=d.get("sample", False), updated=_date(d.get("updated")),
        summary=d.get("summary"), vision=d.get("vision"),
        missions=tuple(_text_item(m) for m in d.get("missions", ())),
        organization=Organization(**organization) if organization else None,
        profile=analysis.get("profile"),
        swot=Swot(**{k: tuple(_text_item(i) for i in swot.get(k, ())) for k in
                     ("strengths", "weaknesses", "opportunities", "threats")}),
        readiness=Readiness(**{k: _text_item(v) for k, v in readiness.items()}),
        roadmap={k: _span(v) for k, v in sorted(d.get("roadmap", {}).items(), key=lambda kv: HORIZONS.index(kv[0]))},
        pillars=tuple(_pillar(key, pillars.get(key, {})) for key in pillar_keys),
        evaluations=tuple(
            Evaluation(e["period"], _date(e.get("date")), e.get("summary"),
                       Scores(**e["scores"]) if e.get("scores") else None, e.get("example", False),
                       tuple(e.get("sources", ())))
            for e in d.get("evaluations", ())),
        sources=tuple(Source(s["id"], s["title"], _date(s.get("date")), s.get("url")) for s in d.get("sources", ())),
        stage=d.get("stage"), stage_date=_date(d.get("stage_date")), rpjmd=_rpjmd(d.get("rpjmd")),
        risks=tuple(Risk(r["id"], r["title"], r["likelihood"], r["impact"], r["status"], r.get("description"),
                         r.get("pillar"), r.get("mitigation"), r.get("owner"), tuple(r.get("programs", ())),
                         r.get("example", False), tuple(r.get("sources", ())))
                    for r in d.get("risks", ())),
        feedback=tuple(FeedbackChannel(f["channel"], f.get("url"), f.get("address"), f.get("number"), f.get("label"))
                       for f in d.get("feedback", ())),
    )


def _rpjmd(d: dict[str, Any] | None) -> Rpjmd | None:
    if not d:
        return None
    period = d.get("period")
    return Rpjmd(d["title"], _span(period) if period else None,
                 tuple(Mission(m["id"], m["text"], m.get("example", False)) for m in d.get("missions", ())),
                 d.get("example", False), tuple(d.get("sources", ())))
