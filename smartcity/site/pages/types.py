"""The page types of the site, one object each: what a page is called, where it lives, which
template lays it out, what its template receives, what it says about itself when shared,
and whether search and the sitemap list it. Navigation, descriptions, search exclusion and
the macros of hand-written pages are derived from these objects."""

from __future__ import annotations

from dataclasses import dataclass

from smartcity.model import Region
from smartcity.reference import Reference
from smartcity.site.addresses import element_src, generated_page_source, pillar_src, province_src, ranking_src


@dataclass(frozen=True)
class RegionPage:
    """A page type of every region."""
    slug: str          # "" is the overview; otherwise the last part of the address
    label: str         # the label in the region's own navigation
    template: str
    pillar: str | None = None


def region_pages(reference: Reference) -> tuple[RegionPage, ...]:
    """The pages of every region, in navigation order."""
    return (
        RegionPage("", "Ringkasan", "region_overview.html.j2"),
        RegionPage("analisis", "Analisis (Buku I)", "region_analysis.html.j2"),
        RegionPage("peta-jalan", "Peta jalan", "region_roadmap.html.j2"),
        *(RegionPage(p.key, p.label, "region_pillar.html.j2", p.key) for p in reference.pillars),
        RegionPage("quick-wins", "Quick wins", "region_quick_wins.html.j2"),
        RegionPage("evaluasi", "Evaluasi", "region_evaluations.html.j2"),
        RegionPage("risiko", "Risiko", "region_risks.html.j2"),
        RegionPage("riwayat", "Riwayat perubahan", "region_history.html.j2"),
        RegionPage("cetak", "Cetak", "region_print.html.j2"),
    )


@dataclass(frozen=True)
class NationalPage:
    """A generated page across regions: a province, a pillar or one element of a pillar."""
    src: str
    title: str
    kind: str                 # "province" | "pillar" | "element" | "ranking"
    keys: tuple[str, ...]     # (province code,) | (pillar,) | (pillar, element) | (evaluation period,)


def national_pages(reference: Reference, periods: tuple[str, ...] = ()) -> tuple[NationalPage, ...]:
    """Every province of the official list, every pillar and every element: the
    addresses stay the same whichever regions are published. One ranking page per
    evaluation period that has scores."""
    pages = [NationalPage(province_src(p.code), f"Provinsi {p.name}", "province", (p.code,))
             for p in reference.provinces]
    for pillar in reference.pillars:
        pages.append(NationalPage(pillar_src(pillar.key), pillar.label, "pillar", (pillar.key,)))
        pages.extend(NationalPage(element_src(pillar.key, e.key), f"{e.label} — {pillar.label}", "element",
                                  (pillar.key, e.key)) for e in pillar.elements)
    pages.extend(NationalPage(ranking_src(period), f"Peringkat evaluasi {period}", "ranking", (period,))
                 for period in periods)
    return tuple(pages)


def region_page_source(region: Region, page: RegionPage, description: str) -> str:
    """The generated Markdown of a region page: a title (the official name) and a
    placeholder that the build replaces with the rendered body after Markdown
    (see plugin.SmartCityPlugin.on_page_content). Region text never enters Markdown or
    Jinja source, and neither Markdown nor mkdocs-macros has work to do here."""
    title = region.name if not page.slug else f"{page.label} — {region.name}"
    return generated_page_source(title, description, f"wilayah/{region.id}/feed.xml")
