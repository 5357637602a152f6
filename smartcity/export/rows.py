"""The rows of the open-data tables: what one line of each table is about. The columns
(columns.py) read their values from these; tables.py makes them from the regions."""

from __future__ import annotations

from dataclasses import dataclass

from smartcity.figures.aggregate import RegionFigures
from smartcity.figures.completeness import Completeness
from smartcity.figures.indicators import IndicatorAssessment
from smartcity.figures.national import LatestScore, RegionRank
from smartcity.figures.records import Alignment
from smartcity.model import Actual, Evaluation, Goal, Program, QuickWin, Region, Risk, Strategy


@dataclass(frozen=True)
class RegionRow:
    """One row of wilayah.csv: a region and its figures."""
    region: Region
    figures: RegionFigures
    score: LatestScore | None
    rank: RegionRank | None
    complete: Completeness
    alignment: Alignment


@dataclass(frozen=True)
class RiskRow:
    """One row of risiko.csv."""
    region: Region
    risk: Risk


@dataclass(frozen=True)
class ProgramRow:
    """One row of program.csv."""
    region: Region
    figures: RegionFigures
    pillar: str
    strategy: Strategy
    program: Program


@dataclass(frozen=True)
class QuickWinRow:
    """One row of quick-win.csv."""
    region: Region
    pillar: str
    quick_win: QuickWin


@dataclass(frozen=True)
class GoalRow:
    """One row of indikator.csv: a goal, numbered within its pillar."""
    region: Region
    pillar: str
    number: int
    goal: Goal
    assessment: IndicatorAssessment | None


@dataclass(frozen=True)
class ActualRow:
    """One row of indikator-capaian.csv."""
    region: Region
    pillar: str
    number: int
    goal: Goal
    actual: Actual


@dataclass(frozen=True)
class EvaluationRow:
    """One row of evaluasi.csv."""
    region: Region
    evaluation: Evaluation
    rank: RegionRank | None
