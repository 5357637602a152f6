"""Figures across regions: provinces, pillars, quick-win catalogue, comparison, distributions.

Everything the national pages show is computed here, once per build, from the
validated regions and the reference data; templates only lay it out.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any

from smartcity.figures.aggregate import Money, NationalFigures, RegionFigures, StatusCounts, total_figures
from smartcity.model import HORIZONS, STAGES, Evaluation, QuickWin, Region, Scores, Strategy
from smartcity.reference import Element, OfficialRegion, Pillar, Province, Reference


@dataclass(frozen=True)
class LatestScore:
    """The final score of the latest evaluation round that has one."""
    value: float
    evaluation: Evaluation

    @property
    def sort_key(self) -> float:
        """Sorts by round first, then by score: scores from different rounds are not
        comparable, so a 2020 score never sorts above a 2023 one of the same value range
        (2024-2 with 3,48 → 202423.48; scores lie on a 0–5 scale)."""
        year, half = self.evaluation.period.split("-")
        return (int(year) * 10 + int(half)) * 10 + self.value


@dataclass(frozen=True)
class ScoreTrend:
    """The latest final score with the one of the round before it, for "naik dari 3,35"."""
    latest: LatestScore
    previous: LatestScore | None

    @property
    def direction(self) -> str:
        """"naik", "turun", "tetap" or "" (no earlier round with a score)."""
        if self.previous is None:
            return ""
        if self.latest.value > self.previous.value:
            return "naik"
        return "turun" if self.latest.value < self.previous.value else "tetap"


def latest_scores(region: Region) -> ScoreTrend | None:
    """The latest final score and the one before it; None when no round has a final score."""
    scored = [LatestScore(e.scores.final, e) for e in region.evaluations
              if e.scores is not None and e.scores.final is not None]
    if not scored:
        return None
    return ScoreTrend(scored[-1], scored[-2] if len(scored) > 1 else None)


def latest_score(region: Region) -> LatestScore | None:
    """The final score of the latest round that has one; None when no round has."""
    trend = latest_scores(region)
    return trend.latest if trend else None


@dataclass(frozen=True)
class ProvinceView:
    """A province of the official list with its published regions and their sums."""
    province: Province
    regions: tuple[Region, ...]                # published here, by name
    official: tuple[OfficialRegion, ...]       # the province's official kabupaten/kota, by code
    published_codes: frozenset[str]
    figures: NationalFigures                   # sums over the published regions

    @property
    def missing(self) -> tuple[OfficialRegion, ...]:
        """Official regions of the province without a published masterplan."""
        return tuple(r for r in self.official if r.code not in self.published_codes)

    @property
    def coverage(self) -> float | None:
        """Share of the official kabupaten/kota with a published masterplan."""
        published = sum(1 for r in self.official if r.code in self.published_codes)
        return published / len(self.official) if self.official else None


def province_views(regions: tuple[Region, ...], reference: Reference,
                   figures: dict[str, RegionFigures]) -> tuple[ProvinceView, ...]:
    """Every province of the official list (38), with or without published regions."""
    by_province: dict[str, list[Region]] = {}
    for region in regions:
        by_province.setdefault(region.province_code, []).append(region)
    official: dict[str, list[OfficialRegion]] = {}
    for entry in reference.regions:
        official.setdefault(entry.province.code, []).append(entry)
    views = []
    for province in reference.provinces:
        members = tuple(sorted(by_province.get(province.code, ()), key=lambda r: r.name))
        views.append(ProvinceView(province, members, tuple(official.get(province.code, ())),
                                  frozenset(r.code for r in members),
                                  total_figures([figures[r.id] for r in members], 1 if members else 0)))
    return tuple(views)


@dataclass(frozen=True)
class StrategyEntry:
    """A strategy with the region it belongs to."""
    region: Region
    strategy: Strategy


@dataclass(frozen=True)
class QuickWinEntry:
    """A quick win with the region it belongs to."""
    region: Region
    quick_win: QuickWin


@dataclass(frozen=True)
class ElementView:
    """One element of a pillar across regions: its strategies and quick wins."""
    element: Element
    strategies: tuple[StrategyEntry, ...]
    quick_wins: int

    @property
    def programs(self) -> int:
        """Programmes of the element's strategies."""
        return sum(len(e.strategy.programs) for e in self.strategies)

    @property
    def regions(self) -> int:
        """Regions with at least one strategy in the element."""
        return len({e.region.id for e in self.strategies})


@dataclass(frozen=True)
class PillarView:
    """One pillar across regions: its elements and the quick-win catalogue."""
    pillar: Pillar
    elements: tuple[ElementView, ...]
    quick_wins: tuple[QuickWinEntry, ...]     # the catalogue: by province, region, then file order
    regions_with_plan: int                    # regions with at least one strategy in this pillar

    @property
    def strategies(self) -> int:
        """Strategies of every element."""
        return sum(len(e.strategies) for e in self.elements)

    @property
    def programs(self) -> int:
        """Programmes of every element."""
        return sum(e.programs for e in self.elements)

    @property
    def unassigned_quick_wins(self) -> int:
        """Quick wins that name no element."""
        return sum(1 for e in self.quick_wins if e.quick_win.element is None)


@dataclass(frozen=True)
class ProvinceShare:
    """The entries of one province in a national list (a pillar's quick wins, an element's
    strategies): national lists are paged by province so that no page grows with the
    country, and a province too big for one page is cut into parts between its regions."""
    province_code: str
    name: str
    entries: tuple[Any, ...]        # QuickWinEntry or StrategyEntry, in the list's order
    part: int = 1
    parts: int = 1

    @property
    def code(self) -> str:
        """The page's key: the province code, with the part number after the first ("35-2")."""
        return self.province_code if self.part == 1 else f"{self.province_code}-{self.part}"

    @property
    def label(self) -> str:
        """The province's name, with the part when there are several."""
        return self.name if self.parts == 1 else f"{self.name} ({self.part}/{self.parts})"

    @property
    def regions(self) -> int:
        """Regions with at least one entry."""
        return len({e.region.id for e in self.entries})

    @property
    def programs(self) -> int:
        """Programmes of the strategies (strategy entries only)."""
        return sum(len(e.strategy.programs) for e in self.entries)

    @property
    def done(self) -> int:
        """Quick wins done (quick-win entries only)."""
        return sum(1 for e in self.entries if e.quick_win.status == "done")


def entry_weight(entry: Any) -> int:
    """How much of a page an entry takes: a quick win one unit, a strategy one plus one per
    programme (a programme is a line of its own)."""
    strategy = getattr(entry, "strategy", None)
    return 1 if strategy is None else 1 + len(strategy.programs)


def by_province(entries: tuple[Any, ...], limit: int | None = None) -> tuple[ProvinceShare, ...]:
    """Entries with a `region`, grouped by province in province-code order, each group in
    the list's own order; a group heavier than `limit` (entry_weight) is cut into parts of
    at most `limit`, between regions (one region heavier than the limit is a part alone)."""
    groups: dict[str, list[Any]] = {}
    names: dict[str, str] = {}
    for entry in entries:
        groups.setdefault(entry.region.province_code, []).append(entry)
        names[entry.region.province_code] = entry.region.province
    shares: list[ProvinceShare] = []
    for code in sorted(groups):
        parts: list[list[Any]] = [[]]
        by_region: dict[str, list[Any]] = {}
        for entry in groups[code]:
            by_region.setdefault(entry.region.id, []).append(entry)
        for region_entries in by_region.values():
            current = sum(entry_weight(e) for e in parts[-1])
            heavy = sum(entry_weight(e) for e in region_entries)
            if limit is not None and parts[-1] and current + heavy > limit:
                parts.append([])
            parts[-1].extend(region_entries)
        shares.extend(ProvinceShare(code, names[code], tuple(part), number, len(parts))
                      for number, part in enumerate(parts, start=1))
    return tuple(shares)


def pillar_views(regions: tuple[Region, ...], reference: Reference) -> tuple[PillarView, ...]:
    """Every pillar across the published regions."""
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
    """The spread of final scores in one evaluation round."""
    period: str
    label: str
    regions: int
    minimum: float
    median: float
    maximum: float


@dataclass(frozen=True)
class Distributions:
    """The national distributions shown on /statistik/."""
    by_cohort: tuple[tuple[str, int], ...]                     # (cohort year, regions)
    by_stage: tuple[tuple[str | None, int], ...]                # (stage or None when not given, regions)
    quick_wins_by_pillar: tuple[tuple[str, StatusCounts], ...]  # (pillar label, statuses)
    programs_by_pillar: tuple[tuple[str, StatusCounts], ...]
    overdue_by_pillar: tuple[tuple[str, int], ...]
    money_by_pillar: tuple[tuple[str, Money], ...]
    money_by_horizon: tuple[tuple[str, Money], ...]
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
    """Counts and sums across regions for the national charts."""
    cohorts = Counter(r.cohort for r in regions)
    stages = Counter(r.stage for r in regions)
    quick, programs, overdue, money = [], [], [], []
    for index, pillar in enumerate(reference.pillars):
        per_region = [figures[r.id].pillars[index] for r in regions]
        quick.append((pillar.label, sum((f.quick_wins for f in per_region), StatusCounts())))
        programs.append((pillar.label, sum((f.programs for f in per_region), StatusCounts())))
        overdue.append((pillar.label, sum(f.overdue for f in per_region)))
        money.append((pillar.label, sum((f.money for f in per_region), Money())))
    by_horizon = tuple((h, sum((dict(figures[r.id].money_by_horizon)[h] for r in regions), Money())) for h in HORIZONS)
    return Distributions(
        by_cohort=tuple((str(year), cohorts[year]) for year in sorted(cohorts)),
        by_stage=tuple((stage, stages[stage]) for stage in (*STAGES, None) if stages[stage]),
        quick_wins_by_pillar=tuple(quick),
        programs_by_pillar=tuple(programs),
        overdue_by_pillar=tuple(overdue),
        money_by_pillar=tuple(money),
        money_by_horizon=by_horizon,
        score_rounds=score_rounds(regions),
    )


# --- ranking per evaluation round -----------------------------------------------------------

@dataclass(frozen=True)
class RankEntry:
    """A region's place in one round."""
    rank: int            # 1 is the highest final score; equal scores share a rank
    region: Region
    evaluation: Evaluation

    @property
    def scores(self) -> Scores:
        """The scores of the ranked evaluation."""
        assert self.evaluation.scores is not None
        return self.evaluation.scores


@dataclass(frozen=True)
class RoundRanking:
    """One evaluation round's ranking."""
    period: str
    label: str
    entries: tuple[RankEntry, ...]    # by rank, then region name

    @property
    def leaders(self) -> tuple[RankEntry, ...]:
        """The entries ranked first (several when their final scores are equal)."""
        return tuple(e for e in self.entries if e.rank == 1)


def _final(evaluation: Evaluation) -> float:
    """The final score of an evaluation known to have one."""
    assert evaluation.scores is not None and evaluation.scores.final is not None
    return evaluation.scores.final


def rankings(regions: tuple[Region, ...]) -> tuple[RoundRanking, ...]:
    """Every round, newest first: the regions with a final score in it, ranked by that score
    (standard competition ranking: 1, 2, 2, 4)."""
    by_period: dict[str, list[tuple[Region, Evaluation]]] = {}
    for region in regions:
        for evaluation in region.evaluations:
            if evaluation.scores is not None and evaluation.scores.final is not None:
                by_period.setdefault(evaluation.period, []).append((region, evaluation))
    out = []
    for period in sorted(by_period, reverse=True):
        rows = sorted(by_period[period], key=lambda pair: (-_final(pair[1]), pair[0].name))
        entries, rank, previous = [], 0, None
        for position, (region, evaluation) in enumerate(rows, start=1):
            final = _final(evaluation)
            if final != previous:
                rank, previous = position, final
            entries.append(RankEntry(rank, region, evaluation))
        out.append(RoundRanking(period, rows[0][1].label, tuple(entries)))
    return tuple(out)


@dataclass(frozen=True)
class RegionRank:
    """A region's rank in one round, and how many were ranked."""
    rank: int
    of: int              # regions ranked in that round
    period: str
    label: str


def ranks_by_region(ranking: tuple[RoundRanking, ...]) -> dict[str, dict[str, RegionRank]]:
    """region id → period → its rank in that round."""
    out: dict[str, dict[str, RegionRank]] = {}
    for round_ in ranking:
        for entry in round_.entries:
            out.setdefault(entry.region.id, {})[round_.period] = RegionRank(
                entry.rank, len(round_.entries), round_.period, round_.label)
    return out


# --- comparison -----------------------------------------------------------------------------

@dataclass(frozen=True)
class ComparisonRow:
    """One region on the compare page."""
    region: Region
    figures: RegionFigures
    score: LatestScore | None
    rank: RegionRank | None      # rank in the round of the latest score


def comparison_rows(regions: tuple[Region, ...], figures: dict[str, RegionFigures],
                    ranks: dict[str, dict[str, RegionRank]]) -> tuple[ComparisonRow, ...]:
    """Every region for the compare page, by name, with its latest score and rank."""
    rows = []
    for r in sorted(regions, key=lambda r: r.name):
        score = latest_score(r)
        rank = ranks.get(r.id, {}).get(score.evaluation.period) if score else None
        rows.append(ComparisonRow(r, figures[r.id], score, rank))
    return tuple(rows)

