"""The masterplan's accountability records: how strategies serve the RPJMD's
missions, and the risk register's likelihood × impact grid."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from smartcity.model import RISK_LEVELS, Mission, Region, Risk, Strategy


@dataclass(frozen=True)
class AlignedStrategy:
    """A strategy with its pillar and the RPJMD missions it serves."""
    pillar: str
    strategy: Strategy
    missions: tuple[Mission, ...]


@dataclass(frozen=True)
class Alignment:
    """Strategies against the RPJMD's missions, and what is left unmatched on either side."""
    missions: tuple[Mission, ...]
    strategies: tuple[AlignedStrategy, ...]      # pillar order, then file order

    @property
    def aligned(self) -> int:
        """Strategies that serve at least one mission."""
        return sum(1 for s in self.strategies if s.missions)

    @property
    def share(self) -> float | None:
        """Aligned strategies among all strategies; None without strategies."""
        return self.aligned / len(self.strategies) if self.strategies else None

    @property
    def unserved_missions(self) -> tuple[Mission, ...]:
        """Missions that no strategy serves."""
        served = {m.id for s in self.strategies for m in s.missions}
        return tuple(m for m in self.missions if m.id not in served)

    @property
    def unaligned_strategies(self) -> tuple[AlignedStrategy, ...]:
        """Strategies that serve no mission."""
        return tuple(s for s in self.strategies if not s.missions)


def alignment(region: Region) -> Alignment:
    """The region's strategies against its RPJMD (no missions when it names no RPJMD)."""
    missions = region.rpjmd.missions if region.rpjmd else ()
    by_id = {m.id: m for m in missions}
    strategies = tuple(AlignedStrategy(plan.key, s, tuple(by_id[i] for i in s.rpjmd if i in by_id))
                       for plan in region.pillars for s in plan.strategies)
    return Alignment(missions, strategies)


@dataclass(frozen=True)
class RiskCell:
    """One cell of the grid: open risks of a likelihood and an impact."""
    likelihood: str
    impact: str
    open: int


def risk_grid(risks: tuple[Risk, ...]) -> tuple[tuple[RiskCell, ...], ...]:
    """Open risks counted by likelihood (rows, high first) and impact (columns, low first)."""
    counts = Counter((r.likelihood, r.impact) for r in risks if r.status == "open")
    return tuple(tuple(RiskCell(likelihood, impact, counts[(likelihood, impact)]) for impact in RISK_LEVELS)
                 for likelihood in reversed(RISK_LEVELS))


def risks_by_program(region: Region) -> dict[str, tuple[Risk, ...]]:
    """Programme id → the risks that name it among their mitigating programmes."""
    found: dict[str, list[Risk]] = {}
    for risk in region.risks:
        for program_id in risk.programs:
            found.setdefault(program_id, []).append(risk)
    return {key: tuple(value) for key, value in found.items()}


def open_risks_by_pillar(regions: tuple[Region, ...],
                         pillar_keys: tuple[str, ...]) -> tuple[tuple[str | None, int], ...]:
    """Open risks of every region per pillar key, and those naming no pillar (None) last."""
    counts = Counter(r.pillar for region in regions for r in region.risks if r.status == "open")
    return tuple((key, counts[key]) for key in (*pillar_keys, None))
