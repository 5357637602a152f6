"""The site's bar charts with their titles and descriptions in Indonesian: what each
chart says lives with the chart. Geometry is charts.py's; drawing is the templates'."""

from __future__ import annotations

import datetime as dt

from smartcity.figures.aggregate import Money, RegionFigures
from smartcity.figures.national import Distributions, PillarView, ProvinceView
from smartcity.figures.records import open_risks_by_pillar
from smartcity.formatting import number, percent, rupiah_short, score
from smartcity.labels import HORIZON_LABELS, STAGE_LABELS, STATUS_LABELS
from smartcity.model import STATUSES, Region
from smartcity.reference import Reference
from smartcity.site.render.charts import BarChart, bar_chart, money_unit, range_chart


def pillar_progress_chart(region: Region, figures: RegionFigures, reference: Reference) -> BarChart:
    """A region's programmes per pillar, by status (quick wins apart)."""
    rows = [(reference.pillar(p.key).label, dict(p.programs.items())) for p in figures.pillars]
    items = figures.programs
    status_text = ", ".join(f"{number(n)} {STATUS_LABELS[s].lower()}" for s, n in items.items() if n) \
        or "belum ada program"
    return bar_chart("kemajuan-pilar", f"Program per pilar menurut status: {region.name}",
                     f"Program (tanpa quick win) tiap pilar menurut status. Seluruhnya {number(items.total)}: "
                     f"{status_text}; {figures.overdue} lewat tenggat.", rows, STATUSES)


def money_chart(chart_id: str, title: str, rows: list[tuple[str, Money]]) -> BarChart:
    """Planned amounts per row, drawn in juta/miliar/triliun; each bar says planned and realised."""
    divisor, word = money_unit(max((m.planned for _, m in rows), default=0))
    total = sum((m for _, m in rows), Money())
    realised = (f"realisasi {rupiah_short(total.realised)} dilaporkan oleh {number(total.with_realised)} dari "
                f"{number(total.programs)} program ({percent(total.realised_share)} dari seluruh anggaran rencana)"
                if total.with_realised else "belum ada program yang melaporkan realisasi")
    description = (f"Anggaran rencana {rupiah_short(total.planned)} dari {number(total.with_budget)} program; "
                   f"{number(total.without_budget)} program tanpa anggaran tercatat; {realised}. Per baris: "
                   + "; ".join(f"{label} {rupiah_short(m.planned)}" for label, m in rows) + ".")
    labels = [rupiah_short(m.planned) + (f" · realisasi {rupiah_short(m.realised)}" if m.with_realised else "")
              for _, m in rows]
    return bar_chart(chart_id, f"{title} (dalam {word} rupiah)", description,
                     [(label, {"count": m.planned / divisor}) for label, m in rows], ("count",), value_labels=labels)


def pillar_quick_win_chart(view: PillarView) -> BarChart:
    """Quick wins of one pillar per element, across regions."""
    pillar = view.pillar
    rows = [(e.element.label, {"count": e.quick_wins}) for e in view.elements]
    if view.unassigned_quick_wins:
        rows.append(("Tanpa elemen", {"count": view.unassigned_quick_wins}))
    return bar_chart(f"qw-{pillar.key}", f"Quick win {pillar.label} menurut elemen",
                     f"Jumlah quick win tiap elemen pilar {pillar.label}, dari semua wilayah.", rows, ("count",))


def _counts(chart_id: str, title: str, description: str, rows: list[tuple[str, int]]) -> BarChart:
    return bar_chart(chart_id, title, description, [(label, {"count": value}) for label, value in rows], ("count",))


def national_charts(d: Distributions, provinces: list[ProvinceView], regions: tuple[Region, ...],
                    reference: Reference, as_of: dt.date) -> list[BarChart]:
    """The bar charts of /statistik/, in page order."""
    open_risks = [(reference.pillar(key).label if key else "Tanpa pilar", n)
                  for key, n in open_risks_by_pillar(regions, reference.pillar_keys)]
    by_province = [(v.province.name, len(v.regions)) for v in provinces if v.regions]
    stages = [(STAGE_LABELS[s] if s else "Belum diisi", v) for s, v in d.by_stage]
    return [
        _counts("wilayah-tahap", "Wilayah menurut tahap",
                f"{number(len(regions))} wilayah menurut tahapnya dalam Gerakan Menuju 100 Smart City: "
                + ", ".join(f"{label}: {number(v)}" for label, v in stages) + ".", stages),
        _counts("wilayah-angkatan", "Wilayah menurut angkatan",
                f"{number(len(regions))} wilayah menurut tahun bergabung dengan Gerakan Menuju 100 Smart City: "
                + ", ".join(f"{label}: {number(value)}" for label, value in d.by_cohort) + ".", list(d.by_cohort)),
        _counts("wilayah-provinsi", "Wilayah menurut provinsi",
                f"{number(len(regions))} wilayah di {number(len(by_province))} provinsi. Tabel data di bawah grafik "
                "memuat angka tiap provinsi.", by_province),
        bar_chart("qw-pilar-status", "Quick win menurut pilar dan status",
                  "Quick win semua wilayah per pilar, dibagi menurut status: "
                  + "; ".join(f"{label} {number(c.total)}" for label, c in d.quick_wins_by_pillar) + ".",
                  [(label, dict(c.items())) for label, c in d.quick_wins_by_pillar], STATUSES),
        bar_chart("program-pilar-status", "Program menurut pilar dan status",
                  "Program semua wilayah per pilar, dibagi menurut status: "
                  + "; ".join(f"{label} {number(c.total)}" for label, c in d.programs_by_pillar) + ".",
                  [(label, dict(c.items())) for label, c in d.programs_by_pillar], STATUSES),
        _counts("program-lewat-tenggat", "Program lewat tenggat menurut pilar",
                f"Program yang tahun tenggatnya sebelum {as_of.year} dan belum selesai atau dibatalkan, per pilar: "
                + "; ".join(f"{label} {number(v)}" for label, v in d.overdue_by_pillar) + ".",
                list(d.overdue_by_pillar)),
        _counts("risiko-pilar", "Risiko terbuka menurut pilar",
                "Risiko berstatus terbuka dalam daftar risiko semua wilayah, per pilar: "
                + "; ".join(f"{label} {number(v)}" for label, v in open_risks) + ".", open_risks),
        money_chart("anggaran-pilar", "Anggaran program menurut pilar", list(d.money_by_pillar)),
        money_chart("anggaran-jangka", "Anggaran program menurut jangka",
                    [(HORIZON_LABELS[h], m) for h, m in d.money_by_horizon]),
    ]


def score_range_chart(d: Distributions) -> BarChart | None:
    """Final scores of every evaluation round: range and median; None without scores."""
    if not d.score_rounds:
        return None
    return range_chart("nilai-evaluasi", "Nilai akhir evaluasi per putaran",
                       "Sebaran nilai akhir (skala 0–5) tiap putaran evaluasi: "
                       + "; ".join(f"{r.label} median {score(r.median)} dari {number(r.regions)} wilayah"
                                   for r in d.score_rounds) + ".",
                       [(r.label, r.regions, r.minimum, r.median, r.maximum) for r in d.score_rounds])
