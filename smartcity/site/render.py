"""Page rendering: region data → HTML through autoescaped Jinja templates.

Every piece of data text is escaped by autoescaping. Rendered bodies are put
into pages after Markdown has run (see build.py and plugin.py), so no data
reaches Markdown or Jinja source. Templates are compiled once per process.
"""

from __future__ import annotations

from functools import cache, cached_property
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from smartcity.figures.aggregate import Money, programs_by_horizon, strategies_by_element
from smartcity.site.charts import HORIZON_LABELS, bar_chart, money_unit, range_chart, roadmap_chart
from smartcity.figures.completeness import completeness
from smartcity.export import Table, Written
from smartcity.site.formatting import (OVERDUE_BADGE, READINESS_LABELS, SCORE_LABELS, STAGE_HELP, STAGE_LABELS, STATUS_LABELS,
                         SWOT_LABELS, contoh, data_age, date_id, fold, number, overdue_badge, paragraphs, percent,
                         rupiah, rupiah_short, score, size, sources_list, status_badge, years)
from smartcity.figures.indicators import ASSESSMENTS, assess
from smartcity.validation.messages import CATALOGUE, EXAMPLES, render_message
from smartcity.model import STATUSES, Region
from smartcity.figures.national import (comparison_rows, distributions, latest_score, pillar_views, province_views, rankings)
from smartcity.site.pages import (NationalPage, RegionPage, element_src, pillar_src, province_src, ranking_src, region_pages,
                    region_src, relative_url, url_of)
from smartcity.validation.schema import SCHEMA_PATH
from smartcity.site.schema_doc import schema_fields
from smartcity.site.sitedata import SiteData
from smartcity.site.tilemap import tile_map
from smartcity.site.trend_charts import SCORE_SERIES, indicator_sparkline, score_trend

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    env.filters.update(fold=fold, paragraphs=paragraphs, date_id=date_id, number=number, rupiah=rupiah,
                       rupiah_short=rupiah_short, percent=percent, score=score, size=size, data_age=data_age)
    env.globals.update(STATUS_LABELS=STATUS_LABELS, STATUSES=STATUSES, STAGE_LABELS=STAGE_LABELS,
                       STAGE_HELP=STAGE_HELP, ASSESSMENTS=ASSESSMENTS, overdue_badge=overdue_badge,
                       OVERDUE_BADGE=OVERDUE_BADGE, SCORE_SERIES=SCORE_SERIES,
                       SCORE_LABELS=SCORE_LABELS, SWOT_LABELS=SWOT_LABELS, READINESS_LABELS=READINESS_LABELS,
                       HORIZON_LABELS=HORIZON_LABELS, years=years, status_badge=status_badge, contoh=contoh,
                       sources_list=sources_list, latest_score=latest_score, province_src=province_src,
                       ranking_src=ranking_src,
                       pillar_src=pillar_src, element_src=element_src)
    return env


def _finish(html: str) -> str:
    """Drop the templates' indentation and blank lines: fewer bytes per page."""
    return "\n".join(line.strip() for line in html.splitlines() if line.strip()) + "\n"


class Renderer:
    """Renders the body of each page for one build."""

    def __init__(self, site: SiteData, use_directory_urls: bool = True) -> None:
        self.site = site
        self.use_directory_urls = use_directory_urls
        self.pages = region_pages(site.reference)

    def url(self, src: str) -> str:
        return url_of(src, self.use_directory_urls)

    def _links(self, page_url: str):
        def link(src: str) -> str:
            return relative_url(page_url, self.url(src))
        return link

    def _render(self, template: str, page_url: str, **context: Any) -> str:
        html = environment().get_template(template).render(
            site=self.site, reference=self.site.reference, link=self._links(page_url),
            region_src=region_src, **context)
        return _finish(html)

    def region_page(self, region_id: str, slug: str, page_url: str) -> str:
        region = self.site.region(region_id)
        page: RegionPage = next(p for p in self.pages if p.slug == slug)
        context: dict[str, Any] = {}
        if page.template in ("region_roadmap.html.j2", "region_print.html.j2"):
            context["chart"] = roadmap_chart(region, self.site.reference, STATUS_LABELS)
        if page.template == "region_print.html.j2":
            context["elements"] = {
                p.key: strategies_by_element(region.pillar(p.key), tuple(e.key for e in p.elements))
                for p in self.site.reference.pillars}
        if page.template == "region_roadmap.html.j2":
            context["by_horizon"] = programs_by_horizon(region)
            link = self._links(page_url)
            context["pillar_links"] = {p.key: link(region_src(region.id, p.key)) for p in self.site.reference.pillars}
            context["pillar_labels"] = {p.key: p.label for p in self.site.reference.pillars}
            money = self.site.figures[region.id]
            context["money_rows"] = [(HORIZON_LABELS[h], m) for h, m in money.money_by_horizon] + \
                [("Semua jangka", money.money)]
        if page.pillar:
            elements = tuple(e.key for e in self.site.reference.pillar(page.pillar).elements)
            context["by_element"] = strategies_by_element(region.pillar(page.pillar), elements)
        if page.pillar or page.template == "region_print.html.j2":
            context["assessments"] = {g: assess(g.indicator, region) for p in region.pillars for g in p.goals
                                      if g.indicator is not None}
            context["sparklines"] = {key: indicator_sparkline(a) for key, a in context["assessments"].items()}
        if page.template == "region_overview.html.j2":
            context["complete"] = completeness(region, self.site.reference)
            context["pillar_chart"] = self.pillar_progress_chart(region)
        if page.template == "region_evaluations.html.j2":
            context["trend"] = score_trend("tren-nilai", f"Nilai evaluasi {region.name} per putaran",
                                           region.evaluations)
            context["ranks"] = self.site.ranks.get(region.id, {})
        return self._render(page.template, page_url, region=region, page=page, pages=self.pages,
                            figures=self.site.figures[region.id],
                            pillar=region.pillar(page.pillar) if page.pillar else None,
                            pillar_ref=self.site.reference.pillar(page.pillar) if page.pillar else None,
                            **context)

    def pillar_progress_chart(self, region: Region):
        figures = self.site.figures[region.id]
        rows = [(self.site.reference.pillar(p.key).label, dict(p.programs.items())) for p in figures.pillars]
        items = figures.programs
        status_text = ", ".join(f"{n} {STATUS_LABELS[s].lower()}" for s, n in items.items() if n) or "belum ada program"
        return bar_chart("kemajuan-pilar", f"Program per pilar menurut status: {region.name}",
                         f"Program (tanpa quick win) tiap pilar menurut status. Seluruhnya {items.total}: "
                         f"{status_text}; {figures.overdue} lewat tenggat.", rows, STATUSES)


    # --- national views ---------------------------------------------------------------------

    @cached_property
    def provinces(self):
        return {v.province.code: v for v in province_views(self.site.regions, self.site.reference, self.site.figures)}

    @cached_property
    def pillar_views(self):
        return {v.pillar.key: v for v in pillar_views(self.site.regions, self.site.reference)}

    @cached_property
    def completeness_by_region(self):
        return {r.id: completeness(r, self.site.reference) for r in self.site.regions}

    def national_page(self, page: NationalPage, page_url: str) -> str:
        if page.kind == "province":
            view = self.provinces[page.keys[0]]
            return self._render("province_page.html.j2", page_url, view=view, **self._table_context(view.regions))
        if page.kind == "ranking":
            ranking = next(r for r in self.rankings if r.period == page.keys[0])
            return self._render("ranking_round.html.j2", page_url, round=ranking, rankings=self.rankings)
        pillar = self.pillar_views[page.keys[0]]
        if page.kind == "pillar":
            filters = {"elements": [(e.element.key, e.element.label) for e in pillar.elements],
                       "provinces": sorted({e.region.province for e in pillar.quick_wins})}
            chart = bar_chart(f"qw-{pillar.pillar.key}", f"Quick win {pillar.pillar.label} menurut elemen",
                              f"Jumlah quick win tiap elemen pilar {pillar.pillar.label}, dari semua wilayah.",
                              [(e.element.label, {"count": e.quick_wins}) for e in pillar.elements]
                              + ([("Tanpa elemen", {"count": pillar.unassigned_quick_wins})]
                                 if pillar.unassigned_quick_wins else []), ("count",))
            return self._render("pillar_page.html.j2", page_url, view=pillar, filters=filters, chart=chart)
        element = next(e for e in pillar.elements if e.element.key == page.keys[1])
        return self._render("element_page.html.j2", page_url, view=pillar, element=element)

    def downloads(self, page_url: str, open_data: tuple[tuple[Table, ...], tuple[Written, ...]]) -> str:
        table_list, files = open_data
        main = [f for f in files if not f.path.startswith("data/regions/")]
        per_region = [f for f in files if f.path.startswith("data/regions/")]
        names = {r.id: r.name for r in self.site.regions}
        schema = f"schema/{SCHEMA_PATH.name}"
        return self._render("downloads.html.j2", page_url, tables=table_list, main=main, per_region=per_region,
                            names=names, sizes={f.path: f.size for f in files}, schema=schema,
                            schema_size=SCHEMA_PATH.stat().st_size)

    def _table_context(self, regions, filters: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"regions": regions, "figures": self.site.figures, "complete": self.completeness_by_region,
                "filters": filters, "scores": {r.id: latest_score(r) for r in regions}}

    def province_index(self, page_url: str) -> str:
        return self._render("province_index.html.j2", page_url, provinces=self.provinces.values(),
                            tiles=tile_map(tuple(self.provinces.values())))

    def province_tiles(self, page_url: str) -> str:
        return self._render("province_tiles.html.j2", page_url, tiles=tile_map(tuple(self.provinces.values())))

    @cached_property
    def rankings(self):
        return rankings(self.site.regions)

    def ranking_tables(self, page_url: str) -> str:
        return self._render("ranking.html.j2", page_url, rankings=self.rankings)

    def pillar_index(self, page_url: str) -> str:
        return self._render("pillar_index.html.j2", page_url, pillars=self.pillar_views.values())

    def compare_regions(self, page_url: str) -> str:
        return self._render("compare.html.j2", page_url,
                            rows=comparison_rows(self.site.regions, self.site.figures, self.site.ranks))

    def national_charts(self, page_url: str) -> str:
        d = distributions(self.site.regions, self.site.reference, self.site.figures)
        n = len(self.site.regions)
        by_province = [(v.province.name, len(v.regions)) for v in self.provinces.values() if v.regions]
        charts = [
            bar_chart("wilayah-tahap", "Wilayah menurut tahap",
                      f"{n} wilayah menurut tahapnya dalam Gerakan Menuju 100 Smart City: "
                      + ", ".join(f"{STAGE_LABELS.get(s, 'tahap belum diisi') if s else 'tahap belum diisi'}: {v}"
                                  for s, v in d.by_stage) + ".",
                      [(STAGE_LABELS[s] if s else "Belum diisi", {"count": v}) for s, v in d.by_stage], ("count",)),
            bar_chart("wilayah-angkatan", "Wilayah menurut angkatan",
                      f"{n} wilayah menurut tahun bergabung dengan Gerakan Menuju 100 Smart City: "
                      + ", ".join(f"{label}: {value}" for label, value in d.by_cohort) + ".",
                      [(label, {"count": value}) for label, value in d.by_cohort], ("count",)),
            bar_chart("wilayah-provinsi", "Wilayah menurut provinsi",
                      f"{n} wilayah di {len(by_province)} provinsi. Tabel data di bawah grafik memuat angka tiap provinsi.",
                      [(label, {"count": value}) for label, value in by_province], ("count",)),
            bar_chart("qw-pilar-status", "Quick win menurut pilar dan status",
                      "Quick win semua wilayah per pilar, dibagi menurut status: "
                      + "; ".join(f"{label} {c.total}" for label, c in d.quick_wins_by_pillar) + ".",
                      [(label, dict(c.items())) for label, c in d.quick_wins_by_pillar], STATUSES),
            bar_chart("program-pilar-status", "Program menurut pilar dan status",
                      "Program semua wilayah per pilar, dibagi menurut status: "
                      + "; ".join(f"{label} {c.total}" for label, c in d.programs_by_pillar) + ".",
                      [(label, dict(c.items())) for label, c in d.programs_by_pillar], STATUSES),
            bar_chart("program-lewat-tenggat", "Program lewat tenggat menurut pilar",
                      f"Program yang tahun tenggatnya sebelum {self.site.settings.as_of.year} dan belum selesai "
                      "atau dibatalkan, per pilar: "
                      + "; ".join(f"{label} {v}" for label, v in d.overdue_by_pillar) + ".",
                      [(label, {"count": v}) for label, v in d.overdue_by_pillar], ("count",)),
            money_chart("anggaran-pilar", "Anggaran program menurut pilar", list(d.money_by_pillar)),
            money_chart("anggaran-jangka", "Anggaran program menurut jangka",
                        [(HORIZON_LABELS[h], m) for h, m in d.money_by_horizon]),
        ]
        scores = range_chart("nilai-evaluasi", "Nilai akhir evaluasi per putaran",
                             "Sebaran nilai akhir (skala 0–5) tiap putaran evaluasi: "
                             + "; ".join(f"{r.label} median {score(r.median)} dari {r.regions} wilayah"
                                         for r in d.score_rounds) + ".",
                             [(r.label, r.regions, r.minimum, r.median, r.maximum) for r in d.score_rounds]) \
            if d.score_rounds else None
        return self._render("national_charts.html.j2", page_url, charts=charts, scores=scores, d=d,
                            national=self.site.national,
                            money_by_horizon=[(HORIZON_LABELS[h], m) for h, m in d.money_by_horizon])

    def home_figures(self, page_url: str) -> str:
        return self._render("home_figures.html.j2", page_url, national=self.site.national)

    def regions_by_province(self, page_url: str) -> str:
        groups = [(v.province.name, v.regions) for v in self.provinces.values() if v.regions]
        return self._render("regions_by_province.html.j2", page_url, groups=groups)

    def contributor_reference(self, page_url: str) -> str:
        return self._render("contributor_reference.html.j2", page_url, fields=schema_fields())

    def error_codes(self, page_url: str) -> str:
        codes = []
        for code in CATALOGUE:
            example, params = EXAMPLES.get(code, ("", {}))
            codes.append((code, example, render_message(code, params) if example else
                           render_message(code, {}, "id").replace("'?'", "…").replace("?", "…")))
        return self._render("error_codes.html.j2", page_url, codes=codes)

    def search_box(self, page_url: str) -> str:
        return self._render("search_box.html.j2", page_url)

    def regions_table(self, page_url: str) -> str:
        regions = self.site.regions
        filters = {"provinces": sorted({r.province for r in regions}), "cohorts": sorted({r.cohort for r in regions}),
                   "types": sorted({r.type for r in regions}),
                   "stages": [s for s in STAGE_LABELS if any(r.stage == s for r in regions)]}
        return self._render("regions_table.html.j2", page_url, **self._table_context(regions, filters))


def money_chart(chart_id: str, title: str, rows: list[tuple[str, Money]]):
    """Planned amounts per row, drawn in juta/miliar/triliun; each bar says planned and realised."""
    divisor, word = money_unit(max((m.planned for _, m in rows), default=0))
    total = sum((m for _, m in rows), Money())
    description = (f"Anggaran rencana {rupiah_short(total.planned)} dari {total.with_budget} program; "
                   f"{total.without_budget} program tanpa anggaran tercatat; realisasi tercatat "
                   f"{rupiah_short(total.realised)} pada {total.with_realised} program. Per baris: "
                   + "; ".join(f"{label} {rupiah_short(m.planned)}" for label, m in rows) + ".")
    labels = [rupiah_short(m.planned) + (f" · realisasi {rupiah_short(m.realised)}" if m.with_realised else "")
              for _, m in rows]
    return bar_chart(chart_id, f"{title} (dalam {word} rupiah)", description,
                     [(label, {"count": m.planned / divisor}) for label, m in rows], ("count",), value_labels=labels)
