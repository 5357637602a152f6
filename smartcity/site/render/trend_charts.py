"""Geometry of the line charts: an indicator's path to its target, and a
region's evaluation scores over the rounds. Templates only draw what this
module measured; every chart also has a table of its numbers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from smartcity.figures.indicators import IndicatorAssessment
from smartcity.formatting import number
from smartcity.labels import SCORE_LABELS
from smartcity.model import Evaluation

# the final score first: it is the one the trend is read by
SCORE_SERIES = tuple((key, SCORE_LABELS[key]) for key in ("final", "baseline", "output", "outcome", "impact",
                                                          "quick_win"))


@dataclass(frozen=True)
class Point:
    """A point of a line chart, with its tooltip."""
    x: float
    y: float
    label: str        # for the point's tooltip


@dataclass(frozen=True)
class Sparkline:
    """The small line of one indicator."""
    width: int
    height: int
    actual: tuple[Point, ...]         # baseline, then measured values
    planned: tuple[Point, ...]        # baseline → target: the straight line of the rule
    target: Point | None
    description: str


def _scale(low: float, high: float, out_low: float, out_high: float) -> Callable[[float], float]:
    span = (high - low) or 1.0

    def scale(value: float) -> float:
        return round(out_low + (value - low) / span * (out_high - out_low), 1)
    return scale


def _num(value: float) -> str:
    """A measured value or score as the tables write it: 3,48; 1.450.000.000.000.000; never 1e+06."""
    return number(value, 2 if isinstance(value, float) and value % 1 else 0)


def indicator_sparkline(a: IndicatorAssessment) -> Sparkline | None:
    """A small line from the baseline through the measured values, with the target; None when
    there are fewer than two points to draw."""
    i = a.indicator
    points: list[tuple[int, float, str]] = []
    if i.baseline is not None and a.baseline_year is not None:
        points.append((a.baseline_year, i.baseline, f"nilai awal {a.baseline_year}: {_num(i.baseline)}"))
    points += [(m.year, m.value, f"terukur {m.year}: {_num(m.value)}") for m in i.actuals]
    target = (i.year, i.target, f"target {i.year}: {_num(i.target)}") \
        if i.target is not None and i.year is not None else None
    every = points + ([target] if target else [])
    if len(every) < 2:
        return None
    width, height, pad = 200, 56, 6
    x = _scale(min(p[0] for p in every), max(p[0] for p in every), pad, width - pad)
    y = _scale(min(p[1] for p in every), max(p[1] for p in every), height - pad, pad)
    actual = tuple(Point(x(year), y(value), label) for year, value, label in points)
    planned: tuple[Point, ...] = ()
    if target and i.baseline is not None and a.baseline_year is not None:
        planned = (actual[0], Point(x(target[0]), y(target[1]), target[2]))
    description = "; ".join(p[2] for p in every) + f". Penilaian: {a.label.lower()}."
    return Sparkline(width, height, actual, planned,
                     Point(x(target[0]), y(target[1]), target[2]) if target else None, description)


@dataclass(frozen=True)
class Series:
    """One line of the evaluation trend chart."""
    key: str
    label: str
    points: tuple[Point, ...]

    @property
    def path(self) -> str:
        """The line's points as SVG polyline coordinates."""
        return " ".join(f"{p.x},{p.y}" for p in self.points)


@dataclass(frozen=True)
class TrendChart:
    """The evaluation trend chart's geometry."""
    id: str
    title: str
    description: str
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    x_labels: tuple[Point, ...]
    y_ticks: tuple[Point, ...]
    series: tuple[Series, ...]


def score_trend(chart_id: str, title: str, evaluations: tuple[Evaluation, ...],
                scale_max: float = 5.0) -> TrendChart | None:
    """Final score and the five components over every round with scores; None without any."""
    rounds = [e for e in evaluations if e.scores is not None]
    if not rounds:
        return None
    width, height, left, right, top, bottom = 640, 240, 40, 596, 12, 200
    step = (right - left) / max(1, len(rounds) - 1)
    xs = [round(left + step * i, 1) if len(rounds) > 1 else (left + right) / 2 for i in range(len(rounds))]
    values = [v for e in rounds for key, _ in SCORE_SERIES if (v := getattr(e.scores, key)) is not None]
    # the axis starts one whole point below the lowest score (the axis says where), so that
    # movement between rounds can be seen
    floor = max(0, int(min(values, default=0)) - 1)
    y = _scale(floor, scale_max, bottom, top)
    series = []
    for key, label in SCORE_SERIES:
        points = tuple(Point(xs[i], y(getattr(e.scores, key)), f"{label} {e.label}: {_num(getattr(e.scores, key))}")
                       for i, e in enumerate(rounds) if getattr(e.scores, key) is not None)
        if points:
            series.append(Series(key, label, points))
    finals = [f"{e.label} {_num(e.scores.final)}" for e in rounds if e.scores and e.scores.final is not None]
    description = (f"Nilai {len(rounds)} putaran evaluasi (skala 0–5; sumbu mulai dari {floor}). Nilai akhir: "
                   + (", ".join(finals) if finals else "belum ada") + ". Rincian komponen ada di tabel data.")
    return TrendChart(chart_id, title, description, width, height, left, right, top, bottom,
                      tuple(Point(xs[i], bottom + 18, e.label) for i, e in enumerate(rounds)),  # drawn on two lines
                      tuple(Point(left - 6, y(v), str(v)) for v in range(floor, int(scale_max) + 1)),
                      tuple(series))
