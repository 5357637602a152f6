"""The typed, frozen model of a validated region. Built only from data that
passed every check, so constructors may trust shapes and types."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

STATUSES = ("planned", "in_progress", "done", "delayed", "cancelled")
HORIZONS = ("short", "medium", "long")
STAGES = ("seleksi", "bimtek", "masterplan", "implementasi", "evaluasi")
RISK_LEVELS = ("low", "medium", "high")
RISK_STATUSES = ("open", "mitigated", "closed")


@dataclass(frozen=True)
class TextItem:
    text: str
    example: bool = False
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class YearSpan:
    start: int
    end: int

    @property
    def years(self) -> range:
        return range(self.start, self.end + 1)


@dataclass(frozen=True)
class Actual:
    """A measured value of an indicator."""
    year: int
    value: float
    source: str | None = None
    example: bool = False


@dataclass(frozen=True)
class Indicator:
    name: str
    unit: str | None = None
    baseline: float | None = None
    target: float | None = None
    year: int | None = None            # the target year
    baseline_year: int | None = None   # None: the masterplan's first year
    actuals: tuple[Actual, ...] = ()   # oldest first, one per year

    @property
    def latest(self) -> Actual | None:
        return self.actuals[-1] if self.actuals else None


@dataclass(frozen=True)
class Goal:
    text: str
    indicator: Indicator | None = None
    example: bool = False
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Budget:
    amount: float                        # planned
    currency: str = "IDR"
    source: str | None = None
    realised: float | None = None        # spent so far, same currency
    realised_date: dt.date | None = None

    @property
    def over_budget(self) -> bool:
        return self.realised is not None and self.realised > self.amount


@dataclass(frozen=True)
class Update:
    date: dt.date
    status: str
    note: str | None = None


@dataclass(frozen=True)
class Program:
    id: str
    title: str
    horizon: str
    status: str
    description: str | None = None
    agency: str | None = None
    start: int | None = None
    end: int | None = None
    budget: Budget | None = None
    updates: tuple[Update, ...] = ()
    example: bool = False
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Strategy:
    id: str
    title: str
    element: str
    description: str | None = None
    programs: tuple[Program, ...] = ()
    example: bool = False
    sources: tuple[str, ...] = ()
    rpjmd: tuple[str, ...] = ()   # ids of the RPJMD missions it serves


@dataclass(frozen=True)
class QuickWin:
    id: str
    title: str
    status: str
    element: str | None = None
    agency: str | None = None
    year: int | None = None
    description: str | None = None
    example: bool = False
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class PillarPlan:
    key: str
    summary: str | None = None
    goals: tuple[Goal, ...] = ()
    strategies: tuple[Strategy, ...] = ()
    quick_wins: tuple[QuickWin, ...] = ()

    @property
    def programs(self) -> tuple[Program, ...]:
        return tuple(p for s in self.strategies for p in s.programs)


@dataclass(frozen=True)
class Scores:
    baseline: float | None = None
    output: float | None = None
    outcome: float | None = None
    impact: float | None = None
    quick_win: float | None = None
    final: float | None = None


@dataclass(frozen=True)
class Evaluation:
    period: str
    date: dt.date | None = None
    summary: str | None = None
    scores: Scores | None = None
    example: bool = False
    sources: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        year, round_ = self.period.split("-")
        return f"{year} Tahap {'I' if round_ == '1' else 'II'}"


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    date: dt.date | None = None
    url: str | None = None


@dataclass(frozen=True)
class Organization:
    head: str | None = None
    lead_agency: str | None = None
    council: str | None = None
    team: str | None = None
    example: bool = False


@dataclass(frozen=True)
class Swot:
    strengths: tuple[TextItem, ...] = ()
    weaknesses: tuple[TextItem, ...] = ()
    opportunities: tuple[TextItem, ...] = ()
    threats: tuple[TextItem, ...] = ()


@dataclass(frozen=True)
class Readiness:
    structure: TextItem | None = None
    infrastructure: TextItem | None = None
    superstructure: TextItem | None = None


@dataclass(frozen=True)
class Mission:
    id: str
    text: str
    example: bool = False


@dataclass(frozen=True)
class Rpjmd:
    title: str
    period: YearSpan | None = None
    missions: tuple[Mission, ...] = ()
    example: bool = False
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Risk:
    id: str
    title: str
    likelihood: str
    impact: str
    status: str
    description: str | None = None
    pillar: str | None = None
    mitigation: str | None = None
    owner: str | None = None
    programs: tuple[str, ...] = ()
    example: bool = False
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class FeedbackChannel:
    channel: str                 # lapor | web | email | whatsapp | phone
    url: str | None = None
    address: str | None = None
    number: str | None = None
    label: str | None = None


@dataclass(frozen=True)
class Region:
    id: str
    code: str
    name: str
    type: str
    province: str
    province_code: str
    cohort: int
    status: str
    period: YearSpan
    source_file: str
    sample: bool = False
    updated: dt.date | None = None
    summary: str | None = None
    vision: str | None = None
    missions: tuple[TextItem, ...] = ()
    organization: Organization | None = None
    profile: str | None = None
    swot: Swot = field(default_factory=Swot)
    readiness: Readiness = field(default_factory=Readiness)
    roadmap: dict[str, YearSpan] = field(default_factory=dict)
    pillars: tuple[PillarPlan, ...] = ()
    evaluations: tuple[Evaluation, ...] = ()
    sources: tuple[Source, ...] = ()
    stage: str | None = None
    stage_date: dt.date | None = None
    rpjmd: Rpjmd | None = None
    risks: tuple[Risk, ...] = ()
    feedback: tuple[FeedbackChannel, ...] = ()

    def pillar(self, key: str) -> PillarPlan:
        return next(p for p in self.pillars if p.key == key)

    @property
    def programs(self) -> tuple[Program, ...]:
        return tuple(p for pillar in self.pillars for p in pillar.programs)

    @property
    def quick_wins(self) -> tuple[QuickWin, ...]:
        return tuple(q for pillar in self.pillars for q in pillar.quick_wins)

    @property
    def latest_evaluation(self) -> Evaluation | None:
        return self.evaluations[-1] if self.evaluations else None


# --- construction from validated data -------------------------------------------------

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
