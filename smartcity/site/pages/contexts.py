"""What each region page's template receives beyond the shared context: one function
per page type, keyed by its template. The templates only lay out these values."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from smartcity.figures.aggregate import RegionFigures, programs_by_horizon, strategies_by_element
from smartcity.figures.completeness import completeness
from smartcity.figures.indicators import assess
from smartcity.figures.national import RegionRank
from smartcity.figures.records import alignment, risk_grid, risks_by_program
from smartcity.labels import HORIZON_LABELS, STATUS_LABELS
from smartcity.model import Region
from smartcity.reference import Reference
from smartcity.site.addresses import region_src
from smartcity.site.pages.types import RegionPage
from smartcity.site.render.chart_views import pillar_progress_chart
from smartcity.site.render.charts import roadmap_chart
from smartcity.site.render.feedback import feedback_links
from smartcity.site.render.trend_charts import indicator_sparkline, score_trend
from smartcity.site.sitedata import SiteData


@dataclass(frozen=True)
class RegionPageInput:
    """Everything a region page's context is computed from."""
    region: Region
    page: RegionPage
    figures: RegionFigures
    reference: Reference
    ranks: dict[str, RegionRank]     # the region's rank per evaluation period
    link: Callable[[str], str]       # a source path → a link relative to this page


Context = dict[str, Any]


def _indicators(p: RegionPageInput) -> Context:
    assessments = {g: assess(g.indicator, p.region, p.figures.as_of) for plan in p.region.pillars for g in plan.goals
                   if g.indicator is not None}
    return {"assessments": assessments, "sparklines": {g: indicator_sparkline(a) for g, a in assessments.items()}}


def _records(p: RegionPageInput) -> Context:
    """What strategies and programmes show of the RPJMD and the risk register."""
    return {"missions": {s.strategy.id: s.missions for s in alignment(p.region).strategies},
            "risks_by_program": risks_by_program(p.region), "risks_link": p.link(region_src(p.region.id, "risiko")),
            "respond": feedback_links(p.region)}


def quick_wins(p: RegionPageInput) -> Context:
    """The quick wins, each with the ways to respond to it."""
    return {"respond": feedback_links(p.region)}


def analysis(p: RegionPageInput) -> Context:
    """Buku I: profile, SWOT, readiness, and the alignment with the RPJMD."""
    return {"alignment": alignment(p.region)}


def risks(p: RegionPageInput) -> Context:
    """The risk register: the grid of open risks and every risk with its mitigating programmes."""
    pillar_of = {program.id: plan.key for plan in p.region.pillars for program in plan.programs}
    titles = {program.id: program.title for program in p.region.programs}
    return {"grid": risk_grid(p.region.risks),
            "program_links": {pid: (p.link(region_src(p.region.id, key)) + f"#program-{pid}", titles[pid])
                              for pid, key in pillar_of.items()}}


def overview(p: RegionPageInput) -> Context:
    """The overview: completeness and the programmes chart."""
    return {"complete": completeness(p.region, p.reference),
            "pillar_chart": pillar_progress_chart(p.region, p.figures, p.reference),
            "money_by_pillar": [(p.reference.pillar(f.key).label, f.money) for f in p.figures.pillars]
            + [("Jumlah", p.figures.money)]}


def roadmap(p: RegionPageInput) -> Context:
    """The roadmap: its chart, programmes by horizon and money by horizon."""
    return {"chart": roadmap_chart(p.region, p.reference, STATUS_LABELS),
            "by_horizon": programs_by_horizon(p.region),
            "pillar_links": {ref.key: p.link(region_src(p.region.id, ref.key)) for ref in p.reference.pillars},
            "pillar_labels": {ref.key: ref.label for ref in p.reference.pillars},
            "money_rows": [(HORIZON_LABELS[h], m) for h, m in p.figures.money_by_horizon]
            + [("Semua jangka", p.figures.money)]}


def pillar(p: RegionPageInput) -> Context:
    """A pillar page: strategies by element and the indicators' judgements."""
    assert p.page.pillar is not None
    elements = tuple(e.key for e in p.reference.pillar(p.page.pillar).elements)
    return {"by_element": strategies_by_element(p.region.pillar(p.page.pillar), elements), **_records(p),
            **_indicators(p)}


def _empty_sections(p: RegionPageInput) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """For the printed masterplan, each kind of section and the pillars where it is empty,
    said once instead of once per pillar."""
    labels = {ref.key: ref.label for ref in p.reference.pillars}
    found = (("Sasaran", tuple(labels[x.key] for x in p.region.pillars if not x.goals)),
             ("Strategi dan program", tuple(labels[x.key] for x in p.region.pillars if not x.strategies)),
             ("Quick win", tuple(labels[x.key] for x in p.region.pillars if not x.quick_wins)))
    return tuple((what, pillars) for what, pillars in found if pillars)


def print_all(p: RegionPageInput) -> Context:
    """The printable masterplan: roadmap, strategies of every pillar, indicators."""
    return {"chart": roadmap_chart(p.region, p.reference, STATUS_LABELS), "empty": _empty_sections(p),
            "elements": {ref.key: strategies_by_element(p.region.pillar(ref.key), tuple(e.key for e in ref.elements))
                         for ref in p.reference.pillars},
            **_records(p), **_indicators(p), "respond": ()}  # no response links on paper


def evaluations(p: RegionPageInput) -> Context:
    """The evaluations page: the trend chart and the region's ranks."""
    return {"trend": score_trend("tren-nilai", f"Nilai evaluasi {p.region.name} per putaran", p.region.evaluations),
            "ranks": p.ranks}


def nothing(p: RegionPageInput) -> Context:
    """Pages whose templates need only the shared context."""
    return {}


CONTEXTS: dict[str, Callable[[RegionPageInput], Context]] = {
    "region_overview.html.j2": overview,
    "region_analysis.html.j2": analysis,
    "region_roadmap.html.j2": roadmap,
    "region_pillar.html.j2": pillar,
    "region_quick_wins.html.j2": quick_wins,
    "region_evaluations.html.j2": evaluations,
    "region_history.html.j2": nothing,
    "region_risks.html.j2": risks,
    "region_print.html.j2": print_all,
}


def search_filters(site: SiteData) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The search page's filters: (key, label, values). The keys and values are the ones
    the page templates give Pagefind (`data-pagefind-filter="key:value"`)."""
    provinces = tuple(sorted({region.province for region in site.regions}))
    return (("provinsi", "Provinsi", provinces),
            ("pilar", "Pilar", tuple(p.label for p in site.reference.pillars)),
            ("jenis", "Jenis wilayah", ("Kabupaten", "Kota")),
            ("status", "Status program", tuple(STATUS_LABELS.values())))
