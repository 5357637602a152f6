"""Layout of the build-time SVG charts. Geometry is computed here; the
templates only draw what this module measured."""

from __future__ import annotations

from dataclasses import dataclass

from .aggregate import StatusCounts
from .model import HORIZONS, Region
from .reference import Reference

HORIZON_LABELS = {"short": "Jangka pendek", "medium": "Jangka menengah", "long": "Jangka panjang"}
BAND_LABELS = {"short": "Pendek", "medium": "Menengah", "long": "Panjang"}


def truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Band:
    x: float
    width: float
    label: str
    years: str
    shade: int  # 0/1, alternating background


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Row:
    y: int
    label: str             # truncated for the label column
    full_label: str
    heading: bool          # a pillar heading row (no bar)
    status: str | None = None
    bar_x: float = 0
    bar_width: float = 0
    estimated: bool = False  # years follow the horizon, not the programme
    years: str = ""


@dataclass(frozen=True)
class RoadmapChart:
    width: int
    height: int
    plot_top: float
    plot_bottom: float
    label_width: int
    bands: tuple[Band, ...]
    ticks: tuple[Tick, ...]
    rows: tuple[Row, ...]
    statuses: StatusCounts
    programs: int
    title: str
    description: str


def roadmap_chart(region: Region, reference: Reference, status_labels: dict[str, str]) -> RoadmapChart:
    width, label_width, row_height, top = 760, 250, 22, 46
    first, last = region.period.start, region.period.end
    column = (width - label_width - 8) / (last - first + 1)

    def x_of(year: int) -> float:
        return round(label_width + (year - first) * column)

    bands = tuple(
        Band(x_of(span.start), round((span.end - span.start + 1) * column), BAND_LABELS[name],
             f"{span.start}–{span.end}", i % 2)
        for i, (name, span) in enumerate((h, region.roadmap[h]) for h in HORIZONS if h in region.roadmap))
    ticks = tuple(Tick(round(x_of(year) + column / 2), str(year)) for year in range(first, last + 1))
    rows: list[Row] = []
    y = top
    programs = []
    for pillar in region.pillars:
        if not pillar.programs:
            continue
        rows.append(Row(y, reference.pillar(pillar.key).label, reference.pillar(pillar.key).label, True))
        y += row_height
        for program in pillar.programs:
            programs.append(program)
            start, end, estimated = program.start, program.end, False
            horizon = region.roadmap.get(program.horizon)
            if start is None and end is None and horizon is not None:
                start, end, estimated = horizon.start, horizon.end, True
            else:
                start = start if start is not None else (end if end is not None else None)
                end = end if end is not None else start
            years = f"{start}–{end}" if start is not None and start != end else (str(start) if start else "tahun belum ditentukan")
            bar_x, bar_width = (x_of(start), round((end - start + 1) * column)) if start is not None else (0, 0)
            rows.append(Row(y, truncate(program.title, 38), program.title, False, program.status,
                            bar_x, bar_width, estimated, years))
            y += row_height
    statuses = StatusCounts.of(programs)
    horizons = "; ".join(f"jangka {b.label.lower()} {b.years}" for b in bands) or "jangka belum ditentukan"
    status_text = ", ".join(f"{n} {status_labels[s].lower()}" for s, n in statuses.items() if n)
    description = (f"{len(programs)} program dalam {sum(1 for r in rows if r.heading)} pilar, {first}–{last}; "
                   f"{horizons}. Status: {status_text or 'belum ada program'}. "
                   f"Rincian lengkap ada pada tabel per jangka di bawah grafik.")
    return RoadmapChart(width, int(y + 8), top - 6, y, label_width, bands, ticks, tuple(rows), statuses,
                        len(programs), f"Peta jalan {region.name} {first}–{last}", description)
