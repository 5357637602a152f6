"""The typed, frozen model of a validated region. Built only from data that
passed every check, so constructors may trust shapes and types."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

STATUSES = ("planned", "in_progress", "done", "delayed", "cancelled")
HORIZONS = ("short", "medium", "long")
STAGES = ("seleksi", "bimtek", "masterplan", "implementasi", "evaluasi")
RISK_LEVELS = ("low", "medium", "high")
RISK_STATUSES = ("open", "mitigated", "closed")


@dataclass(frozen=True)
class TextItem:
    """A piece of text that may be marked as an example and cite sources."""
    text: str
    example: bool = False
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class YearSpan:
    """Years from `start` to `end`, both included."""
    start: int
    end: int

    @property
    def years(self) -> range:
        """Every year of the span."""
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
    """What measures a goal: baseline, target and the values measured so far."""
    name: str
    unit: str | None = None
    baseline: float | None = None
    target: float | None = None
    year: int | None = None            # the target year
    baseline_year: int | None = None   # None: the masterplan's first year
    actuals: tuple[Actual, ...] = ()   # oldest first, one per year

    @property
    def latest(self) -> Actual | None:
        """The most recent measured value, or None."""
        return self.actuals[-1] if self.actuals else None


@dataclass(frozen=True)
class Goal:
    """A goal (sasaran) of a pillar, with its indicator when it has one."""
    text: str
    indicator: Indicator | None = None
    example: bool = False
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Budget:
    """A programme's planned budget and, when stated, what was spent."""
    amount: float                        # planned
    currency: str = "IDR"
    source: str | None = None
    realised: float | None = None        # spent so far, same currency
    realised_date: dt.date | None = None

    @property
    def over_budget(self) -> bool:
        """True when more was spent than planned."""
        return self.realised is not None and self.realised > self.amount


@dataclass(frozen=True)
class Update:
    """A dated progress note of a programme."""
    date: dt.date
    status: str
    note: str | None = None


@dataclass(frozen=True)
class Program:
    """A programme of the action plan and roadmap."""
    id: str
    title: str
    horizon: str
    status: str
    description: str | None = None
    agency: str | None = None
    start: int | None = None
    end: int | None = None
    budget: Budget | None = None
    updates: tuple[Update, ...] = ()   # oldest first
    example: bool = False
    sources: tuple[str, ...] = ()

    @property
    def latest_update(self) -> Update | None:
        """The most recent progress note, or None."""
        return self.updates[-1] if self.updates else None


@dataclass(frozen=True)
class Strategy:
    """A strategy of a pillar, on one of its elements."""
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
    """A quick win: a programme whose results show within about a year."""
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
    """A region's plan for one pillar."""
    key: str
    summary: str | None = None
    goals: tuple[Goal, ...] = ()
    strategies: tuple[Strategy, ...] = ()
    quick_wins: tuple[QuickWin, ...] = ()

    @property
    def programs(self) -> tuple[Program, ...]:
        """The programmes of every strategy of the pillar."""
        return tuple(p for s in self.strategies for p in s.programs)


@dataclass(frozen=True)
class Scores:
    """The scores of one evaluation round (scale 0–5)."""
    baseline: float | None = None
    output: float | None = None
    outcome: float | None = None
    impact: float | None = None
    quick_win: float | None = None
    final: float | None = None


@dataclass(frozen=True)
class Evaluation:
    """One evaluation round of a masterplan."""
    period: str
    date: dt.date | None = None
    summary: str | None = None
    scores: Scores | None = None
    example: bool = False
    sources: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The round in words, e.g. 2021 Tahap II."""
        year, round_ = self.period.split("-")
        return f"{year} Tahap {'I' if round_ == '1' else 'II'}"


@dataclass(frozen=True)
class Source:
    """A cited source of facts in the region file."""
    id: str
    title: str
    date: dt.date | None = None
    url: str | None = None


@dataclass(frozen=True)
class Organization:
    """Who leads the region's smart-city work."""
    head: str | None = None
    lead_agency: str | None = None
    council: str | None = None
    team: str | None = None
    example: bool = False


@dataclass(frozen=True)
class Swot:
    """The SWOT analysis of Buku I."""
    strengths: tuple[TextItem, ...] = ()
    weaknesses: tuple[TextItem, ...] = ()
    opportunities: tuple[TextItem, ...] = ()
    threats: tuple[TextItem, ...] = ()


@dataclass(frozen=True)
class Readiness:
    """Readiness in structure, infrastructure and superstructure."""
    structure: TextItem | None = None
    infrastructure: TextItem | None = None
    superstructure: TextItem | None = None


@dataclass(frozen=True)
class Mission:
    """A mission of the region's RPJMD."""
    id: str
    text: str
    example: bool = False


@dataclass(frozen=True)
class Rpjmd:
    """The region's medium-term development plan that the masterplan serves."""
    title: str
    period: YearSpan | None = None
    missions: tuple[Mission, ...] = ()
    example: bool = False
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Risk:
    """A risk of the masterplan's risk register."""
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
    """A way for the public to respond to programmes."""
    channel: str                 # lapor | web | email | whatsapp | phone
    url: str | None = None
    address: str | None = None
    number: str | None = None
    label: str | None = None


@dataclass(frozen=True)
class Region:
    """A validated region file: one kota or kabupaten's masterplan."""
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
        """The plan of one pillar."""
        return next(p for p in self.pillars if p.key == key)

    @property
    def programs(self) -> tuple[Program, ...]:
        """Every programme of every pillar."""
        return tuple(p for pillar in self.pillars for p in pillar.programs)

    @property
    def quick_wins(self) -> tuple[QuickWin, ...]:
        """Every quick win of every pillar."""
        return tuple(q for pillar in self.pillars for q in pillar.quick_wins)

    @property
    def latest_evaluation(self) -> Evaluation | None:
        """The last evaluation round, or None."""
        return self.evaluations[-1] if self.evaluations else None
