"""Layout of the build-time SVG charts. Geometry is computed here; the
templates only draw what this module measured."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from smartcity.figures.aggregate import StatusCounts
from smartcity.formatting import number
from smartcity.labels import BAND_LABELS
from smartcity.model import HORIZONS, Region


def px(value: float) -> float:
    """A coordinate to a tenth of a pixel, written without ".0" (fewer bytes per chart)."""
    rounded = round(value, 1)
    return int(rounded) if rounded.is_integer() else rounded


def truncate(text: str, limit: int) -> str:
    """Text cut to `limit` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Band:
    """A horizon's years on the roadmap's timeline (shaded behind its table's bars)."""
    x: float
    width: float
    label: str
    years: str


@dataclass(frozen=True)
class Tick:
    """A labelled mark on an axis."""
    x: float
    label: str


@dataclass(frozen=True)
class Span:
    """Where a programme's bar lies on the roadmap's timeline, in per cent of its width."""
    x: float
    width: float
    estimated: bool = False  # the years follow the horizon, not the programme


@dataclass(frozen=True)
class Timeline:
    """The roadmap's time axis: the masterplan's years, its horizons' bands and each
    programme's span (by programme id; a programme without years has none). The roadmap
    draws it in its term tables, one bar per row: the same programmes are not shown a
    second time in a chart beside them."""
    first: int
    last: int
    bands: Mapping[str, Band]
    spans: Mapping[str, Span]
    programs: int
    description: str

    @property
    def years(self) -> int:
        """How many years the masterplan spans (the timeline's year lines)."""
        return self.last - self.first + 1


def roadmap_timeline(region: Region, status_labels: dict[str, str]) -> Timeline:
    """Every programme of a region as a span over the masterplan's years; a programme with
    no years of its own spans its horizon's years (marked as estimated)."""
    first, last = region.period.start, region.period.end
    column = 100 / (last - first + 1)

    def x_of(year: int) -> float:
        return px((year - first) * column)

    bands = {name: Band(x_of(span.start), px((span.end - span.start + 1) * column), BAND_LABELS[name],
                        f"{span.start}–{span.end}")
             for name, span in ((h, region.roadmap[h]) for h in HORIZONS if h in region.roadmap)}
    spans: dict[str, Span] = {}
    programs = [program for pillar in region.pillars for program in pillar.programs]
    for program in programs:
        start, end, estimated = program.start, program.end, False
        horizon = region.roadmap.get(program.horizon)
        if start is None and end is None and horizon is not None:
            start, end, estimated = horizon.start, horizon.end, True
        else:
            start = start if start is not None else end
            end = end if end is not None else start
        if start is not None and end is not None:
            spans[program.id] = Span(x_of(start), px((end - start + 1) * column), estimated)
    statuses = StatusCounts.of(programs)
    pillars = sum(1 for pillar in region.pillars if pillar.programs)
    horizons = "; ".join(f"jangka {b.label.lower()} {b.years}" for b in bands.values()) or "jangka belum ditentukan"
    status_text = ", ".join(f"{n} {status_labels[s].lower()}" for s, n in statuses.items() if n)
    description = (f"{number(len(programs))} program dalam {pillars} pilar, {first}–{last}; "
                   f"{horizons}. Status: {status_text or 'belum ada program'}.")
    return Timeline(first, last, bands, spans, len(programs), description)


# --- bar charts: counts by status, distributions, score ranges ------------------------------

@dataclass(frozen=True)
class Segment:
    """One part of a stacked bar."""
    key: str        # a status, or "count" for a single series
    value: float
    x: float
    width: float


@dataclass(frozen=True)
class BarRow:
    """One bar of a bar chart."""
    y: int
    label: str
    full_label: str
    total: float
    value_label: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class RangeRow:
    """One row of a range chart: lowest, median and highest value."""
    y: int
    label: str
    regions: int
    minimum: float
    median: float
    maximum: float
    x_min: float
    x_median: float
    x_max: float


@dataclass(frozen=True)
class BarChart:
    """A horizontal bar or range chart's geometry."""
    id: str                  # unique on its page: the SVG's title and description ids
    title: str
    description: str
    width: int
    height: int
    label_width: int
    plot_right: int
    axis_y: int
    ticks: tuple[Tick, ...]
    rows: tuple[BarRow, ...] = ()
    ranges: tuple[RangeRow, ...] = ()
    stacked: bool = False    # segments are statuses (legend and patterns needed)


def keys_are_counts(totals: list[int] | list[float]) -> bool:
    """True when every total is a whole number."""
    return all(float(t).is_integer() for t in totals)


def money_unit(maximum: float) -> tuple[float, str]:
    """The unit in which to draw amounts of rupiah: (divisor, Indonesian word)."""
    for divisor, word in ((1e12, "triliun"), (1e9, "miliar")):
        if maximum >= divisor:
            return divisor, word
    return 1e6, "juta"


def _nice_step(maximum: float, ticks: int = 5) -> float:
    if maximum <= 0:
        return 1
    raw = maximum / ticks
    magnitude = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


# Bar and range charts reflow: their SVG has no viewBox, so its text is drawn at the
# stylesheet's size (12 px) at any width, and x positions are percentages of the
# chart's width. Each row is a label line (label left, value right) above its bar.
_BAR_ROW, _BAR_TOP = 40, 2   # the template draws the label at y + 13 and the bar at y + 19 (14 high)


def _percent_axis(maximum: float, step: float) -> tuple[Tick, ...]:
    ticks, value = [], 0.0
    while value <= maximum + 1e-9:
        ticks.append(Tick(px(100 * value / maximum), number(value, 0 if float(value).is_integer() else 1)))
        value += step
    return tuple(ticks)


def bar_chart(chart_id: str, title: str, description: str,
              rows: Sequence[tuple[str, Mapping[str, float]]], keys: tuple[str, ...],
              label_limit: int = 30, value_labels: list[str] | None = None) -> BarChart:
    """Horizontal bars, one per row; several keys make stacked segments (statuses).
    `value_labels` replace the totals written on each row (e.g. amounts in rupiah).
    Segment x and width are percentages of the plot's width."""
    labels = [truncate(label, label_limit) for label, _ in rows]
    totals = [sum(values.get(k, 0) for k in keys) for _, values in rows]
    step = _nice_step(max(totals, default=0))
    maximum = max(step, step * -(-max(totals, default=0) // step))
    if not value_labels and not keys_are_counts(totals):
        raise ValueError("non-integer bar totals need value labels")
    bar_rows = []
    for index, ((label, values), short) in enumerate(zip(rows, labels, strict=True)):
        x = 0.0
        segments = []
        for key in keys:
            value = values.get(key, 0)
            if value:
                width = px(100 * value / maximum)
                segments.append(Segment(key, value, px(x), width))
                x += width
        value_label = value_labels[index] if value_labels else number(totals[index])
        bar_rows.append(BarRow(_BAR_TOP + index * _BAR_ROW, short, label, totals[index], value_label,
                               tuple(segments)))
    axis_y = _BAR_TOP + len(rows) * _BAR_ROW
    return BarChart(chart_id, title, description, 100, axis_y + 18, 0, 100, axis_y,
                    _percent_axis(maximum, step), rows=tuple(bar_rows), stacked=len(keys) > 1)


def range_chart(chart_id: str, title: str, description: str,
                rounds: list[tuple[str, int, float, float, float]], scale_max: float = 5.0) -> BarChart:
    """Per row: a line from the lowest to the highest value, a dot at the median (x in percent)."""
    def x_of(value: float) -> float:
        return px(100 * value / scale_max)

    rows = tuple(RangeRow(_BAR_TOP + i * _BAR_ROW, label, n, low, mid, high, x_of(low), x_of(mid), x_of(high))
                 for i, (label, n, low, mid, high) in enumerate(rounds))
    axis_y = _BAR_TOP + len(rounds) * _BAR_ROW
    return BarChart(chart_id, title, description, 100, axis_y + 18, 0, 100, axis_y,
                    _percent_axis(scale_max, 1), ranges=rows)
