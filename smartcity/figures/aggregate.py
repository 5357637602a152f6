"""Figures computed from regions: counts by status, progress, overdue work, money.

Defined once, here, and used by every page and download:
- programmes and quick wins are counted **separately**; "progress" is the share
  of programmes that are done, among programmes not cancelled (quick wins have
  their own share); a pillar without programmes has no progress (None);
- a programme is **overdue** ("lewat tenggat") when its deadline, its `end`
  year or else its horizon's last year, is before the "as of" year and its
  status is neither done nor cancelled;
- **money** is the sum of planned budgets and of realised spending over every
  programme (cancelled ones too: money planned or spent on them was real),
  with the number of programmes that state no budget and of those that report
  spending, so that a total is never mistaken for a complete one; the realised
  share divides by **all** planned money of the set;
- **data age** is the time from the region's `updated` date to the "as of"
  date; more than 365 days is stale.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, fields

from smartcity.model import HORIZONS, STATUSES, PillarPlan, Program, QuickWin, Region, Strategy

STALE_AFTER_DAYS = 365
CLOSED_STATUSES = ("done", "cancelled")


@dataclass(frozen=True)
class StatusCounts:
    """How many items (programmes or quick wins) have each status."""
    planned: int = 0
    in_progress: int = 0
    done: int = 0
    delayed: int = 0
    cancelled: int = 0

    @classmethod
    def of(cls, items: Sequence[Program | QuickWin]) -> StatusCounts:
        """The counts of a list of programmes or quick wins."""
        counts = Counter(item.status for item in items)
        return cls(**{status: counts.get(status, 0) for status in STATUSES})

    def __add__(self, other: StatusCounts) -> StatusCounts:
        return StatusCounts(**{s: getattr(self, s) + getattr(other, s) for s in STATUSES})

    @property
    def total(self) -> int:
        """All items, cancelled ones included."""
        return sum(getattr(self, s) for s in STATUSES)

    @property
    def active(self) -> int:
        """Items not cancelled: the denominator of progress."""
        return self.total - self.cancelled

    @property
    def progress(self) -> float | None:
        """Share done among items not cancelled; None when there is nothing to measure."""
        return self.done / self.active if self.active else None

    def items(self) -> list[tuple[str, int]]:
        """(status, count) in the order of STATUSES."""
        return [(s, getattr(self, s)) for s in STATUSES]


@dataclass(frozen=True)
class Money:
    """Planned and realised amounts (IDR) over a set of programmes."""
    planned: float = 0
    realised: float = 0
    programs: int = 0          # programmes counted
    with_budget: int = 0       # of them, with a planned amount
    with_realised: int = 0     # of them, with realised spending stated
    over_budget: int = 0       # realised more than planned
    planned_with_realised: float = 0   # planned amount of the programmes that state realised spending

    @classmethod
    def of(cls, programs: Sequence[Program]) -> Money:
        """The money of a list of programmes."""
        budgets = [p.budget for p in programs if p.budget is not None]
        realised = [b for b in budgets if b.realised is not None]
        return cls(sum(b.amount for b in budgets), sum(b.realised or 0 for b in realised), len(programs),
                   len(budgets), len(realised), sum(1 for b in budgets if b.over_budget),
                   sum(b.amount for b in realised))

    def __add__(self, other: Money) -> Money:
        return Money(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(Money)))

    @property
    def without_budget(self) -> int:
        """Programmes that state no budget: the totals leave them out."""
        return self.programs - self.with_budget

    @property
    def without_report(self) -> int:
        """Programmes that report no realised spending (with or without a budget)."""
        return self.programs - self.with_realised

    @property
    def realised_share(self) -> float | None:
        """Realised spending among **all** planned money of the set (a programme that has not
        reported counts with its plan and nothing spent); None without planned money or reports."""
        return self.realised / self.planned if self.planned and self.with_realised else None

    @property
    def realised_share_reporting(self) -> float | None:
        """Realised among the planned money of only the programmes that report spending: shown
        only labelled as exactly that, never as the set's share."""
        return self.realised / self.planned_with_realised if self.planned_with_realised else None


def deadline(program: Program, region: Region) -> int | None:
    """The year by which a programme should be finished: its `end`, else its horizon's last year."""
    if program.end is not None:
        return program.end
    span = region.roadmap.get(program.horizon)
    return span.end if span is not None else None


def is_overdue(program: Program, region: Region, as_of: dt.date) -> bool:
    """Past its deadline year and neither done nor cancelled (unlike the editor's own `delayed`)."""
    year = deadline(program, region)
    return year is not None and year < as_of.year and program.status not in CLOSED_STATUSES


@dataclass(frozen=True)
class PillarFigures:
    """The figures of one pillar of one region."""
    key: str
    goals: int
    strategies: int
    programs: StatusCounts
    quick_wins: StatusCounts
    overdue: int
    money: Money

    @property
    def progress(self) -> float | None:
        """Programmes done among programmes not cancelled; None without programmes."""
        return self.programs.progress


@dataclass(frozen=True)
class RegionFigures:
    """The figures of one region, as of the build's date."""
    pillars: tuple[PillarFigures, ...]
    overdue_ids: frozenset[str]        # ids of overdue programmes
    money_by_horizon: tuple[tuple[str, Money], ...]
    as_of: dt.date
    updated: dt.date | None

    @property
    def programs(self) -> StatusCounts:
        """Programmes of every pillar by status."""
        return sum((p.programs for p in self.pillars), StatusCounts())

    @property
    def quick_wins(self) -> StatusCounts:
        """Quick wins of every pillar by status."""
        return sum((p.quick_wins for p in self.pillars), StatusCounts())

    @property
    def strategies(self) -> int:
        """Strategies of every pillar."""
        return sum(p.strategies for p in self.pillars)

    @property
    def overdue(self) -> int:
        """Programmes past their deadline year and not done or cancelled."""
        return len(self.overdue_ids)

    @property
    def money(self) -> Money:
        """Planned and realised money of every programme."""
        return sum((p.money for p in self.pillars), Money())

    @property
    def progress(self) -> float | None:
        """Programmes done among programmes not cancelled; None without programmes."""
        return self.programs.progress

    @property
    def data_age_days(self) -> int | None:
        """Days from the region's `updated` date to the as-of date; None when undated."""
        return (self.as_of - self.updated).days if self.updated else None

    @property
    def stale(self) -> bool:
        """No `updated` date, or one more than a year before the "as of" date."""
        age = self.data_age_days
        return age is None or age > STALE_AFTER_DAYS


def pillar_figures(pillar: PillarPlan, region: Region, as_of: dt.date) -> PillarFigures:
    """The figures of one pillar of a region."""
    programs = pillar.programs
    return PillarFigures(pillar.key, len(pillar.goals), len(pillar.strategies), StatusCounts.of(programs),
                         StatusCounts.of(pillar.quick_wins), sum(1 for p in programs if is_overdue(p, region, as_of)),
                         Money.of(programs))


def region_figures(region: Region, as_of: dt.date) -> RegionFigures:
    """The figures of a region as of a date."""
    programs = region.programs
    return RegionFigures(
        tuple(pillar_figures(p, region, as_of) for p in region.pillars),
        frozenset(p.id for p in programs if is_overdue(p, region, as_of)),
        tuple((h, Money.of([p for p in programs if p.horizon == h])) for h in HORIZONS),
        as_of, region.updated)


@dataclass(frozen=True)
class NationalFigures:
    """Sums over a set of regions: the nation, or one province."""
    regions: int
    provinces: int
    programs: StatusCounts
    quick_wins: StatusCounts
    overdue: int
    money: Money
    stale: int                 # regions whose data is more than a year old (or undated)

    @property
    def progress(self) -> float | None:
        """Programmes done among programmes not cancelled; None without programmes."""
        return self.programs.progress


def total_figures(figures: list[RegionFigures] | tuple[RegionFigures, ...], provinces: int) -> NationalFigures:
    """Sums over regions: the nation, or one province."""
    return NationalFigures(
        regions=len(figures), provinces=provinces,
        programs=sum((f.programs for f in figures), StatusCounts()),
        quick_wins=sum((f.quick_wins for f in figures), StatusCounts()),
        overdue=sum(f.overdue for f in figures),
        money=sum((f.money for f in figures), Money()),
        stale=sum(1 for f in figures if f.stale))


def national_figures(regions: tuple[Region, ...], figures: dict[str, RegionFigures]) -> NationalFigures:
    """Sums over every published region."""
    return total_figures([figures[r.id] for r in regions], len({r.province_code for r in regions}))


def programs_by_horizon(region: Region) -> dict[str, list[tuple[Program, str]]]:
    """Programmes of each horizon with their pillar key, in pillar order."""
    grouped: dict[str, list[tuple[Program, str]]] = {h: [] for h in HORIZONS}
    for pillar in region.pillars:
        for program in pillar.programs:
            grouped[program.horizon].append((program, pillar.key))
    return grouped


def strategies_by_element(pillar: PillarPlan, element_keys: tuple[str, ...]) -> list[tuple[str, list[Strategy]]]:
    """The pillar's strategies grouped by element, in the reference order; empty elements left out."""
    return [(key, [s for s in pillar.strategies if s.element == key]) for key in element_keys
            if any(s.element == key for s in pillar.strategies)]
