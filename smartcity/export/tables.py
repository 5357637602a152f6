"""The CSV tables of the open data. Each table is one list of columns: a column's
name, Frictionless type, Indonesian description and how its value is read from a
row. That one list gives the CSV header, every row and the data package's schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from smartcity.export.columns import (
    Column,
    Field,
    actual_columns,
    column,
    evaluation_columns,
    indicator_columns,
    program_columns,
    quick_win_columns,
    risk_columns,
    wilayah_columns,
)
from smartcity.export.rows import ActualRow, EvaluationRow, GoalRow, ProgramRow, QuickWinRow, RegionRow, RiskRow
from smartcity.figures.aggregate import RegionFigures
from smartcity.figures.completeness import completeness
from smartcity.figures.indicators import assess
from smartcity.figures.national import RegionRank, latest_score
from smartcity.figures.records import alignment
from smartcity.model import Region
from smartcity.reference import Reference

DATA_DIR = "data"
CSV_ENCODING = "utf-8-sig"  # a byte-order mark, so that Excel reads the file as UTF-8



@dataclass(frozen=True)
class Table:
    """One CSV file: its description, columns and rows (values in column order)."""
    name: str
    path: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    count: int = 0                     # rows, kept when the rows themselves are dropped after writing

    @property
    def foreign_keys(self) -> list[dict[str, Any]]:
        """Every table but `wilayah` points at its region."""
        if self.name == "wilayah":
            return []
        return [{"fields": "region_code", "reference": {"resource": "wilayah", "fields": "region_code"}}]


def _table(name: str, title: str, description: str, columns: list[Column], primary_key: tuple[str, ...],
           rows: Iterator[Any]) -> Table:
    values = tuple(tuple(c.value(row) for c in columns) for row in rows)
    return Table(name, f"{DATA_DIR}/{name}.csv", title, description, tuple(c.field for c in columns), primary_key,
                 values, len(values))


def tables(regions: tuple[Region, ...], reference: Reference, figures: dict[str, RegionFigures],
           ranks: dict[str, dict[str, RegionRank]] | None = None) -> tuple[Table, ...]:
    """Every CSV table, regions by code and items in file order."""
    return tuple(iter_tables(regions, reference, figures, ranks))


def iter_tables(regions: tuple[Region, ...], reference: Reference, figures: dict[str, RegionFigures],
                ranks: dict[str, dict[str, RegionRank]] | None = None) -> Iterator[Table]:
    """The tables one at a time: each is built when the previous one is done with."""
    ranks = ranks or {}
    ordered = sorted(regions, key=lambda r: r.code)
    pillar = column("pillar", "string", "Kunci pilar: " + ", ".join(reference.pillar_keys) + ".",
                    lambda row: row.pillar)

    def region_rows() -> Iterator[RegionRow]:
        for r in ordered:
            score = latest_score(r)
            rank = ranks.get(r.id, {}).get(score.evaluation.period) if score else None
            yield RegionRow(r, figures[r.id], score, rank, completeness(r, reference), alignment(r))

    def goal_rows() -> Iterator[GoalRow]:
        for r in ordered:
            for plan in r.pillars:
                for number, goal in enumerate(plan.goals, start=1):
                    judged = assess(goal.indicator, r, figures[r.id].as_of) if goal.indicator else None
                    yield GoalRow(r, plan.key, number, goal, judged)

    def actual_rows() -> Iterator[ActualRow]:
        for row in goal_rows():
            for actual in (row.goal.indicator.actuals if row.goal.indicator else ()):
                yield ActualRow(row.region, row.pillar, row.number, row.goal, actual)

    programs = (ProgramRow(r, figures[r.id], plan.key, s, p)
                for r in ordered for plan in r.pillars for s in plan.strategies for p in s.programs)
    quick_wins = (QuickWinRow(r, plan.key, q) for r in ordered for plan in r.pillars for q in plan.quick_wins)
    evaluations = (EvaluationRow(r, e, ranks.get(r.id, {}).get(e.period)) for r in ordered for e in r.evaluations)
    yield _table("wilayah", "Wilayah", "Satu baris per wilayah dengan masterplan yang diterbitkan.", wilayah_columns(),
                 ("region_code",), region_rows())
    yield _table("program", "Program", "Satu baris per program (rencana aksi) di setiap strategi.",
                 program_columns(pillar), ("region_code", "program_id"), programs)
    yield _table("quick-win", "Quick win", "Satu baris per quick win.", quick_win_columns(pillar),
                 ("region_code", "quick_win_id"), quick_wins)
    yield _table("indikator", "Indikator sasaran", "Satu baris per sasaran pilar, dengan indikatornya bila ada.",
                 indicator_columns(pillar), ("region_code", "pillar", "goal_number"), goal_rows())
    yield _table("indikator-capaian", "Capaian indikator", "Satu baris per nilai terukur sebuah indikator sasaran.",
                 actual_columns(pillar), ("region_code", "pillar", "goal_number", "year"), actual_rows())
    yield _table("evaluasi", "Evaluasi", "Satu baris per putaran evaluasi (dua kali setahun).", evaluation_columns(),
                 ("region_code", "period"), evaluations)
    yield _table("risiko", "Risiko", "Satu baris per risiko dalam daftar risiko masterplan.", risk_columns(),
                 ("region_code", "risk_id"), (RiskRow(r, risk) for r in ordered for risk in r.risks))
