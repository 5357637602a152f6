"""Page rendering: each page object's context laid out by its autoescaped Jinja template.

Every piece of data text is escaped by autoescaping. Rendered bodies are put
into pages after Markdown has run (see build.py and plugin.py), so no data
reaches Markdown or Jinja source. Templates are compiled once per process.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Any

from markupsafe import Markup

from smartcity.export import Table, Written
from smartcity.figures.completeness import Completeness, completeness
from smartcity.figures.national import (
    PillarView,
    ProvinceShare,
    ProvinceView,
    RoundRanking,
    comparison_rows,
    distributions,
    latest_score,
    pillar_views,
    province_views,
    rankings,
)
from smartcity.figures.records import alignment
from smartcity.labels import (
    HORIZON_LABELS,
    STAGE_LABELS,
)
from smartcity.model import Region
from smartcity.site.addresses import (
    region_src,
    relative_url,
    url_of,
)
from smartcity.site.editor_form import EDITOR_PAGE, editor_fragment
from smartcity.site.pages.national import (
    RANKING_LEADERS_NAMED,
    RANKING_PAGE_SIZE,
    NationalPage,
    quick_win_shares,
    ranking_page_count,
    search_filters,
    strategy_shares,
)
from smartcity.site.pages.region import RegionPageInput, region_pages
from smartcity.site.render.chart_views import national_charts, pillar_quick_win_chart, score_range_chart
from smartcity.site.render.downloads import downloads
from smartcity.site.render.environment import environment, finish
from smartcity.site.render.schema_doc import schema_fields
from smartcity.site.render.tilemap import tile_map
from smartcity.site.sitedata import SiteData
from smartcity.validation.messages import CATALOGUE, EXAMPLES, render_message
from smartcity.validation.schema import SCHEMA_PATH

# The parts hand-written pages (docs/*.md) call as macros, `{{ regions_table() }}`: each a
# Renderer method taking the page's URL, registered by name here; macros.py registers
# exactly these with mkdocs-macros, so a macro and its renderer cannot drift apart.
PARTS: dict[str, Callable[..., str]] = {}
# The compare page's table of every region, beside the page (see Renderer.compare_regions).
COMPARE_TABLE = "bandingkan/angka-wilayah.html"


def part(method: Callable[..., str]) -> Callable[..., str]:
    """Register a Renderer method as a part of hand-written pages."""
    PARTS[method.__name__] = method
    return method


class Renderer:
    """Renders the body of each page for one build."""

    # the open data written in this build (tables, files), listed on /data/; set by the build
    open_data: tuple[tuple[Table, ...], tuple[Written, ...]] | None = None

    def __init__(self, site: SiteData, use_directory_urls: bool = True) -> None:
        self.site = site
        self.use_directory_urls = use_directory_urls
        self.pages = region_pages(site.reference)

    def url(self, src: str) -> str:
        """The URL of a source path."""
        return url_of(src, self.use_directory_urls)

    def _links(self, page_url: str) -> Callable[[str], str]:
        def link(src: str) -> str:
            return relative_url(page_url, self.url(src))
        return link

    def _render(self, template: str, page_url: str, **context: Any) -> str:
        html = environment().get_template(template).render(
            site=self.site, reference=self.site.reference, link=self._links(page_url),
            editor_link=lambda region_id: relative_url(page_url, self.url(EDITOR_PAGE)) + editor_fragment(region_id),
            region_src=region_src, **context)
        return finish(html)

    def region_page(self, region_id: str, slug: str, page_url: str) -> str:
        """The body of one region page: the page type's own context, then its template."""
        region = self.site.region(region_id)
        page = next(p for p in self.pages if p.slug == slug)
        figures = self.site.figures[region.id]
        context = page.context(RegionPageInput(
            region, page, figures, self.site.reference, self.site.ranks.get(region.id, {}), self._links(page_url)))
        return self._render(page.template, page_url, region=region, page=page, pages=self.pages, figures=figures,
                            pillar=region.pillar(page.pillar) if page.pillar else None,
                            pillar_ref=self.site.reference.pillar(page.pillar) if page.pillar else None,
                            **context)

    # --- national views ---------------------------------------------------------------------

    @cached_property
    def provinces(self) -> dict[str, ProvinceView]:
        """Every province's view, by code."""
        return {v.province.code: v for v in province_views(self.site.regions, self.site.reference, self.site.figures)}

    @cached_property
    def pillar_views(self) -> dict[str, PillarView]:
        """Every pillar's national view, by key."""
        return {v.pillar.key: v for v in pillar_views(self.site.regions, self.site.reference)}

    @cached_property
    def quick_win_pages(self) -> dict[str, tuple[ProvinceShare, ...]]:
        """Each pillar's quick-win catalogue, by the province pages it is paged into."""
        return {key: quick_win_shares(view) for key, view in self.pillar_views.items()}

    @cached_property
    def strategy_pages(self) -> dict[tuple[str, str], tuple[ProvinceShare, ...]]:
        """Each element's strategies, by the province pages they are paged into ((pillar, element) → pages)."""
        return {(key, e.element.key): strategy_shares(e) for key, view in self.pillar_views.items()
                for e in view.elements}

    @cached_property
    def completeness_by_region(self) -> dict[str, Completeness]:
        """Each region's completeness, by id."""
        return {r.id: completeness(r, self.site.reference) for r in self.site.regions}

    def national_page(self, page: NationalPage, page_url: str) -> str:
        """The body of a province, pillar, element or ranking page."""
        if page.kind == "province":
            view = self.provinces[page.keys[0]]
            return self._render("province_page.html.j2", page_url, view=view, **self._table_context(view.regions))
        if page.kind == "ranking":
            ranking = next(r for r in self.rankings if r.period == page.keys[0])
            number, count = int(page.keys[1]), ranking_page_count(len(ranking.entries))
            shown = ranking.entries[(number - 1) * RANKING_PAGE_SIZE:number * RANKING_PAGE_SIZE]
            # pages by position in the order (ties may share a rank across a page's edge)
            pager = [(n, (n - 1) * RANKING_PAGE_SIZE + 1, min(n * RANKING_PAGE_SIZE, len(ranking.entries)))
                     for n in range(1, count + 1)]
            return self._render("ranking_round.html.j2", page_url, round=ranking, rankings=self.rankings,
                                entries=shown, number=number, pager=pager)
        pillar = self.pillar_views[page.keys[0]]
        if page.kind == "pillar":
            chart = pillar_quick_win_chart(pillar)
            return self._render("pillar_page.html.j2", page_url, view=pillar, chart=chart,
                                shares=self.quick_win_pages[pillar.pillar.key])
        if page.kind == "pillar_province":
            shares = self.quick_win_pages[pillar.pillar.key]
            share = next(s for s in shares if s.code == page.keys[1])
            filters = {"elements": [(e.element.key, e.element.label) for e in pillar.elements
                                    if any(x.quick_win.element == e.element.key for x in share.entries)]}
            return self._render("pillar_province.html.j2", page_url, view=pillar, share=share, filters=filters,
                                shares=shares)
        element = next(e for e in pillar.elements if e.element.key == page.keys[1])
        shares = self.strategy_pages[(pillar.pillar.key, element.element.key)]
        if page.kind == "element_province":
            share = next(s for s in shares if s.code == page.keys[2])
            return self._render("element_province.html.j2", page_url, view=pillar, element=element, share=share,
                                shares=shares)
        return self._render("element_page.html.j2", page_url, view=pillar, element=element, shares=shares)

    @part
    def downloads(self, page_url: str) -> str:
        """The list of open-data files on /data/."""
        if self.open_data is None:
            raise RuntimeError("the open data is written in on_files, before pages render")
        table_list, files = self.open_data
        main, per_region = downloads(files, table_list, self.site.regions)
        schema = f"schema/{SCHEMA_PATH.name}"
        return self._render("downloads.html.j2", page_url, tables=table_list, main=main, per_region=per_region,
                            schema=schema, schema_size=SCHEMA_PATH.stat().st_size)

    def _table_context(self, regions: tuple[Region, ...],
                       filters: dict[str, Any] | None = None) -> dict[str, Any]:
        return {"regions": regions, "figures": self.site.figures, "complete": self.completeness_by_region,
                "filters": filters, "scores": {r.id: latest_score(r) for r in regions},
                "alignments": {r.id: alignment(r) for r in regions}}

    @part
    def province_index(self, page_url: str) -> str:
        """The provinces index with the tile map."""
        return self._render("province_index.html.j2", page_url, provinces=self.provinces.values(),
                            tiles=tile_map(tuple(self.provinces.values())))

    @part
    def province_tiles(self, page_url: str) -> str:
        """The tile map alone (home page)."""
        return self._render("province_tiles.html.j2", page_url, tiles=tile_map(tuple(self.provinces.values())))

    @cached_property
    def rankings(self) -> tuple[RoundRanking, ...]:
        """Every evaluation round's ranking, newest first."""
        return rankings(self.site.regions)

    @part
    def ranking_tables(self, page_url: str) -> str:
        """The ranking index on /peringkat/."""
        return self._render("ranking.html.j2", page_url, rankings=self.rankings, page_size=RANKING_PAGE_SIZE,
                            leaders_named=RANKING_LEADERS_NAMED)

    @part
    def pillar_index(self, page_url: str) -> str:
        """The six pillars with their counts."""
        return self._render("pillar_index.html.j2", page_url, pillars=self.pillar_views.values())

    @part
    def compare_regions(self, page_url: str) -> str:
        """The compare page: the form, and the figures of every region to compare. Served
        over HTTP these are a file of their own (COMPARE_TABLE) fetched when the page opens,
        so the page stays small at any number of regions; a copy opened from disk (no
        directory URLs) cannot fetch, so there the table is in the page."""
        table = "" if self.use_directory_urls else self.compare_table(page_url)
        return self._render("compare.html.j2", page_url, table=Markup(table), source=COMPARE_TABLE.rsplit("/", 1)[1])

    def compare_table(self, page_url: str) -> str:
        """The table of every region's figures that the compare page draws its columns from."""
        return self._render("compare_table.html.j2", page_url,
                            rows=comparison_rows(self.site.regions, self.site.figures, self.site.ranks))

    @part
    def national_charts(self, page_url: str) -> str:
        """The charts and tables of /statistik/."""
        d = distributions(self.site.regions, self.site.reference, self.site.figures)
        charts = national_charts(d, list(self.provinces.values()), self.site.regions, self.site.reference,
                                 self.site.settings.as_of)
        scores = score_range_chart(d)
        return self._render("national_charts.html.j2", page_url, charts=charts, scores=scores, d=d,
                            national=self.site.national,
                            money_by_horizon=[(HORIZON_LABELS[h], m) for h, m in d.money_by_horizon])

    @part
    def home_figures(self, page_url: str) -> str:
        """The headline figures of the home page."""
        return self._render("home_figures.html.j2", page_url, national=self.site.national)

    @part
    def find_region(self, page_url: str) -> str:
        """The home page's way to a region that scales: search by name, the provinces, the index."""
        return self._render("find_region.html.j2", page_url, regions=len(self.site.regions),
                            provinces=sum(1 for v in self.provinces.values() if v.regions))

    @part
    def contributor_reference(self, page_url: str) -> str:
        """The field reference of the contributors' guide."""
        return self._render("contributor_reference.html.j2", page_url, fields=schema_fields())

    @part
    def repository_links(self, page_url: str) -> str:
        """Where the data is kept, and one real region file to look at."""
        example = self.site.regions[0] if self.site.regions else None
        return self._render("repository_links.html.j2", page_url, example=example)

    @part
    def error_codes(self, page_url: str) -> str:
        """Every error code with an example message."""
        codes = []
        for code in CATALOGUE:
            example, params = EXAMPLES.get(code, ("", {}))
            codes.append((code, example, render_message(code, params) if example else
                           render_message(code, {}, "id").replace("'?'", "…").replace("?", "…")))
        return self._render("error_codes.html.j2", page_url, codes=codes)

    @part
    def search_box(self, page_url: str) -> str:
        """The search page's form, with the values of each filter the pages carry."""
        return self._render("search_box.html.j2", page_url, filters=search_filters(self.site))

    @part
    def regions_table(self, page_url: str) -> str:
        """The regions index: sortable, filterable."""
        regions = self.site.regions
        filters = {"provinces": sorted({r.province for r in regions}), "cohorts": sorted({r.cohort for r in regions}),
                   "types": sorted({r.type for r in regions}),
                   "stages": [s for s in STAGE_LABELS if any(r.stage == s for r in regions)]}
        return self._render("regions_table.html.j2", page_url, **self._table_context(regions, filters))

