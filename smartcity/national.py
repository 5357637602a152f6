"""Figures across regions: provinces, pillars, quick-win catalogue, comparison, distributions.

Everything the national pages show is computed here, once per build, from the
validated regions and the reference data; templates only lay it out.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from .aggregate import RegionFigures, StatusCounts
from .model import Evaluation, QuickWin, Region, Strategy
from .reference import Element, OfficialRegion, Pillar, Province, Reference


@dataclass(frozen=True)
class LatestScore:
    """The final score of the latest evaluation round that has one."""
    value: float
    evaluation: Evaluation


def latest_score(region: Region) -> LatestScore | None:
    for evaluation in reversed(region.evaluations):
        if evaluation.scores is not None and evaluation.scores.final is not None:
            return LatestScore(evaluation.scores.final, evaluation)
    return None


@dataclass(frozen=True)
class ProvinceView:
    province: Province
    regions: tuple[Region, ...]                # published here, by name
    official: tuple[OfficialRegion, ...]       # the province's official kabupaten/kota, by code
    published_codes: frozenset[str]

    @property
    def missing(self) -> tuple[OfficialRegion, ...]:
        """Official regions of the province without a published masterplan."""
        return tuple(r for r in self.official if r.code not in self.published_codes)


def province_views(regions: tuple[Region, ...], reference: Reference) -> tuple[ProvinceView, ...]:
    """Every province of the official list (38), with or without published regions."""
    by_province: dict[str, list[Region]] = {}
    for region in regions:
        by_province.setdefault(region.province_code, []).append(region)
    official: dict[str, list[OfficialRegion]] = {}
    for region in reference.regions:
        official.setdefault(region.province.code, []).append(region)
    views = []
    for province in reference.provinces:
        members = tuple(sorted(by_province.get(province.code, ()), key=lambda r: r.name))
        views.append(ProvinceView(province, members, tuple(official.get(province.code, ())),
                                  frozenset(r.code for r in members)))
    return tuple(views)


@dataclass(frozen=True)
class StrategyEntry:
    region: Region
    strategy: Strategy


@dataclass(frozen=True)
class QuickWinEntry:
    region: Region
    quick_win: QuickWin


@dataclass(frozen=True)
class ElementView:
    element: Element
    strategies: tuple[StrategyEntry, ...]
    quick_wins: int

    @property
    def programs(self) -> int:
        return sum(len(e.strategy.programs) for e in self.strategies)

    @property
    def regions(self) -> int:
        return len({e.region.id for e in self.strategies})


@dataclass(frozen=True)
class PillarView:
    pillar: Pillar
    elements: tuple[ElementView, ...]
    quick_wins: tuple[QuickWinEntry, ...]     # the catalogue: by province, region, then file order
    regions_with_plan: int                    # regions with at least one strategy in this pillar

    @property
    def strategies(self) -> int:
        return sum(len(e.strategies) for e in self.elements)

    @property
    def programs(self) -> int:
        return sum(e.programs for e in self.elements)

    @property
    def unassigned_quick_wins(self) -> int:
        return sum(1 for e in self.quick_wins if e.quick_win.element is None)


def pillar_views(regions: tuple[Region, ...], reference: Reference) -> tuple[PillarView, ...]:
    ordered = sorted(regions, key=lambda r: (r.province_code, r.name))
    views = []
    for pillar in reference.pillars:
        plans = [(region, region.pillar(pillar.key)) for region in ordered]
        elements = []
        for element in pillar.elements:
            entries = tuple(StrategyEntry(region, s) for region, plan in plans for s in plan.strategies
                            if s.element == element.key)
            quick = sum(1 for _, plan in plans for q in plan.quick_wins if q.element == element.key)
            elements.append(ElementView(element, entries, quick))
        catalogue = tuple(QuickWinEntry(region, q) for region, plan in plans for q in plan.quick_wins)
        views.append(PillarView(pillar, tuple(elements), catalogue, sum(1 for _, plan in plans if plan.strategies)))
    return tuple(views)


# --- national distributions ---------------------------------------------------------------

@dataclass(frozen=True)
class ScoreRound:
    period: str
    label: str
    regions: int
    minimum: float
    median: float
    maximum: float


@dataclass(frozen=True)
class Distributions:
    by_cohort: tuple[tuple[str, int], ...]                     # (cohort year, regions)
    quick_wins_by_pillar: tuple[tuple[str, StatusCounts], ...]  # (pillar label, statuses)
    programs_by_pillar: tuple[tuple[str, StatusCounts], ...]
    score_rounds: tuple[ScoreRound, ...]


def score_rounds(regions: tuple[Region, ...]) -> tuple[ScoreRound, ...]:
    """Final scores of every round, across the regions evaluated in it."""
    by_period: dict[str, list[float]] = {}
    labels: dict[str, str] = {}
    for region in regions:
        for evaluation in region.evaluations:
            if evaluation.scores is not None and evaluation.scores.final is not None:
                by_period.setdefault(evaluation.period, []).append(evaluation.scores.final)
                labels[evaluation.period] = evaluation.label
    return tuple(ScoreRound(period, labels[period], len(values), min(values), round(statistics.median(values), 2),
                            max(values))
                 for period, values in sorted(by_period.items()))


def distributions(regions: tuple[Region, ...], reference: Reference,
                  figures: dict[str, RegionFigures]) -> Distributions:
    cohorts = Counter(r.cohort for r in regions)
    quick = []
    programs = []
    for index, pillar in enumerate(reference.pillars):
        quick.append((pillar.label, sum((figures[r.id].pillars[index].quick_wins for r in regions), StatusCounts())))
        programs.append((pillar.label, sum((figures[r.id].pillars[index].programs for r in regions), StatusCounts())))
    return Distributions(
        by_cohort=tuple((str(year), cohorts[year]) for year in sorted(cohorts)),
        quick_wins_by_pillar=tuple(quick),
        programs_by_pillar=tuple(programs),
        score_rounds=score_rounds(regions),
    )


# --- comparison -----------------------------------------------------------------------------

@dataclass(frozen=True)
class ComparisonRow:
    region: Region
    figures: RegionFigures
    score: LatestScore | None


def comparison_rows(regions: tuple[Region, ...], figures: dict[str, RegionFigures]) -> tuple[ComparisonRow, ...]:
    return tuple(ComparisonRow(r, figures[r.id], latest_score(r)) for r in sorted(regions, key=lambda r: r.name))

