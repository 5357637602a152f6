"""Figures computed from regions: counts by status, progress, per-pillar and national totals.

Progress is defined once, here: the share of programmes and quick wins that are
done, among those not cancelled.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .model import HORIZONS, STATUSES, PillarPlan, Program, QuickWin, Region, Strategy


@dataclass(frozen=True)
class StatusCounts:
    planned: int = 0
    in_progress: int = 0
    done: int = 0
    delayed: int = 0
    cancelled: int = 0

    @classmethod
    def of(cls, items: tuple[Program | QuickWin, ...] | list[Program | QuickWin]) -> "StatusCounts":
        counts = Counter(item.status for item in items)
        return cls(**{status: counts.get(status, 0) for status in STATUSES})

    def __add__(self, other: "StatusCounts") -> "StatusCounts":
        return StatusCounts(**{s: getattr(self, s) + getattr(other, s) for s in STATUSES})

    @property
    def total(self) -> int:
        return sum(getattr(self, s) for s in STATUSES)

    @property
    def active(self) -> int:
        return self.total - self.cancelled

    @property
    def progress(self) -> float | None:
        """Share done among items not cancelled; None when there is nothing to measure."""
        return self.done / self.active if self.active else None

    def items(self) -> list[tuple[str, int]]:
        return [(s, getattr(self, s)) for s in STATUSES]


class _Progress:
    """Programmes and quick wins together, and their progress (the one definition)."""

    programs: StatusCounts
    quick_wins: StatusCounts

    @property
    def all_items(self) -> StatusCounts:
        return self.programs + self.quick_wins

    @property
    def progress(self) -> float | None:
        return self.all_items.progress


@dataclass(frozen=True)
class PillarFigures(_Progress):
    key: str
    goals: int
    strategies: int
    programs: StatusCounts
    quick_wins: StatusCounts


@dataclass(frozen=True)
class RegionFigures(_Progress):
    pillars: tuple[PillarFigures, ...]

    @property
    def programs(self) -> StatusCounts:
        return sum((p.programs for p in self.pillars), StatusCounts())

    @property
    def quick_wins(self) -> StatusCounts:
        return sum((p.quick_wins for p in self.pillars), StatusCounts())

    @property
    def strategies(self) -> int:
        return sum(p.strategies for p in self.pillars)


def pillar_figures(pillar: PillarPlan) -> PillarFigures:
    return PillarFigures(pillar.key, len(pillar.goals), len(pillar.strategies),
                         StatusCounts.of(pillar.programs), StatusCounts.of(pillar.quick_wins))


def region_figures(region: Region) -> RegionFigures:
    return RegionFigures(tuple(pillar_figures(p) for p in region.pillars))


@dataclass(frozen=True)
class NationalFigures(_Progress):
    regions: int
    provinces: int
    programs: StatusCounts
    quick_wins: StatusCounts


def national_figures(regions: tuple[Region, ...]) -> NationalFigures:
    figures = [region_figures(r) for r in regions]
    return NationalFigures(
        regions=len(regions),
        provinces=len({r.province_code for r in regions}),
        programs=sum((f.programs for f in figures), StatusCounts()),
        quick_wins=sum((f.quick_wins for f in figures), StatusCounts()),
    )


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

