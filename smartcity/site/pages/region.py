"""The page types of every region, one object each (`RegionPage`): its address, its label
in the region's own navigation, its template, what the template receives (`context`), what
the page says about itself when shared (`description`), and whether search and the sitemap
list it. The navigation, the share descriptions, search exclusion and the sitemap are
derived from these objects; adding a region page type is one object here and one template.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from smartcity.figures.aggregate import RegionFigures, programs_by_horizon, strategies_by_element
from smartcity.figures.completeness import completeness
from smartcity.figures.indicators import assess
from smartcity.figures.national import RegionRank, latest_scores
from smartcity.figures.records import alignment, risk_grid, risks_by_program
from smartcity.formatting import plain
from smartcity.labels import HORIZON_LABELS, STATUS_LABELS
from smartcity.model import Region
from smartcity.reference import Reference
from smartcity.site.addresses import generated_page_source, region_src
from smartcity.site.render.chart_views import pillar_progress_chart
from smartcity.site.render.charts import roadmap_timeline
from smartcity.site.render.feedback import feedback_in_words, feedback_links
from smartcity.site.render.trend_charts import indicator_sparkline, score_trend


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


# --- what each page's template receives beyond the shared context -----------------------

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
    """The overview: the status at a glance, completeness and the programmes chart."""
    trend = latest_scores(p.region)
    return {"score": trend, "score_rank": p.ranks.get(trend.latest.evaluation.period) if trend else None,
            "complete": completeness(p.region, p.reference),
            "pillar_chart": pillar_progress_chart(p.region, p.figures, p.reference),
            "money_by_pillar": [(p.reference.pillar(f.key).label, f.money) for f in p.figures.pillars]
            + [("Jumlah", p.figures.money)]}


def roadmap(p: RegionPageInput) -> Context:
    """The roadmap: programmes by horizon on the masterplan's timeline, money by horizon."""
    return {"timeline": roadmap_timeline(p.region, STATUS_LABELS),
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
    return {"empty": _empty_sections(p), "respond": (),  # no response links on paper
            "channels": feedback_in_words(p.region), "ranks": p.ranks, "score": latest_scores(p.region),
            "open_risks": sum(1 for r in p.region.risks if r.status == "open"),
            "program_titles": {program.id: program.title for program in p.region.programs}}


def evaluations(p: RegionPageInput) -> Context:
    """The evaluations page: the trend chart and the region's ranks."""
    return {"trend": score_trend("tren-nilai", f"Nilai evaluasi {p.region.name} per putaran", p.region.evaluations),
            "ranks": p.ranks}


def nothing(p: RegionPageInput) -> Context:
    """Pages whose templates need only the shared context."""
    return {}


# --- the page types ------------------------------------------------------------------------

@dataclass(frozen=True)
class RegionPage:
    """A page type of every region."""
    slug: str                 # "" is the overview; otherwise the last part of the address
    label: str                # the label in the region's own navigation
    template: str
    context: Callable[[RegionPageInput], Context] = nothing
    about: str = ""           # what the page holds, for its description ("peta jalan jangka …")
    pillar: str | None = None
    indexed: bool = True      # search finds its text (`data-pagefind-body`) when it has any
    in_sitemap: bool = True
    has_content: Callable[[Region], bool] = lambda region: True

    def searchable(self, region: Region) -> bool:
        """Whether search indexes this region's page: not a page that only says its part is
        still empty ("belum ada strategi"), which would rank above the region's overview."""
        if not self.indexed:
            return False
        if self.pillar is not None:
            plan = region.pillar(self.pillar)
            return bool(plan.strategies or plan.goals or plan.quick_wins or plan.summary)
        return self.has_content(region)

    def description(self, region: Region, reference: Reference) -> str:
        """What the page says about itself when shared or found (`<meta name="description">`):
        the region's own summaries where they exist, otherwise a sentence naming what it holds."""
        where = f"{region.name}, {region.province}"
        if self.pillar is not None:
            plan = region.pillar(self.pillar)
            label = reference.pillar(self.pillar).label
            if plan.summary:
                return plain(f"{label} {region.name}: {plan.summary}")
            return plain(f"Strategi, program dan quick win {label} dalam masterplan smart city {where}.")
        if not self.slug:
            if region.summary:   # a summary that names its region stands alone
                lead = "" if region.name in region.summary else f"Masterplan smart city {region.name}: "
                return plain(lead + region.summary)
            return plain(f"Masterplan smart city {where}: {self.about}.")
        return plain(f"{self.label} — masterplan smart city {where}: {self.about or self.label}.")

    def source(self, region: Region, reference: Reference, lastmod: dt.date | None = None) -> str:
        """The generated Markdown of this page of a region: a title (the official name) and a
        placeholder that the build replaces with the rendered body after Markdown (see
        plugin.SmartCityPlugin.on_post_page). Region text never enters Markdown or Jinja source."""
        title = region.name if not self.slug else f"{self.label} — {region.name}"
        return generated_page_source(title, self.description(region, reference), f"wilayah/{region.id}/feed.xml",
                                     in_sitemap=self.in_sitemap, lastmod=lastmod)


BEFORE_PILLARS = (
    RegionPage("", "Ringkasan", "region_overview.html.j2", overview,
               "visi, strategi enam pilar, program, quick win dan evaluasi"),
    RegionPage("analisis", "Analisis (Buku I)", "region_analysis.html.j2", analysis,
               "profil, analisis SWOT, kesiapan dan keselarasan dengan RPJMD",
               has_content=lambda r: bool(r.profile or r.swot != type(r.swot)() or r.rpjmd is not None)),
    RegionPage("peta-jalan", "Peta jalan", "region_roadmap.html.j2", roadmap,
               "peta jalan jangka pendek, menengah dan panjang", has_content=lambda r: bool(r.programs)),
)
AFTER_PILLARS = (
    RegionPage("quick-wins", "Quick wins", "region_quick_wins.html.j2", quick_wins, "quick win di enam pilar",
               has_content=lambda r: bool(r.quick_wins)),
    RegionPage("evaluasi", "Evaluasi", "region_evaluations.html.j2", evaluations,
               "hasil evaluasi per putaran dan tren nilainya", has_content=lambda r: bool(r.evaluations)),
    RegionPage("risiko", "Risiko", "region_risks.html.j2", risks,
               "daftar risiko dengan kemungkinan, dampak dan mitigasinya", has_content=lambda r: bool(r.risks)),
    RegionPage("riwayat", "Riwayat perubahan", "region_history.html.j2", nothing,
               "riwayat perubahan data masterplan", indexed=False),
    RegionPage("cetak", "Cetak", "region_print.html.j2", print_all,
               "seluruh masterplan dalam satu halaman untuk dicetak", indexed=False),
)


def region_pages(reference: Reference) -> tuple[RegionPage, ...]:
    """The pages of every region, in navigation order: one per pillar between the others."""
    pillars = tuple(RegionPage(p.key, p.label, "region_pillar.html.j2", pillar, pillar=p.key)
                    for p in reference.pillars)
    return (*BEFORE_PILLARS, *pillars, *AFTER_PILLARS)
