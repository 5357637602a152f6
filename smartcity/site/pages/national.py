"""The site's national pages, generated from the reference data: a page per province, per
pillar, per element of a pillar and per evaluation round (`NationalPage`), what each says
about itself when shared, and the search page's filters."""

from __future__ import annotations

from dataclasses import dataclass

from smartcity.formatting import plain
from smartcity.labels import STATUS_LABELS
from smartcity.reference import Reference
from smartcity.site.addresses import element_src, pillar_src, province_src, ranking_src
from smartcity.site.sitedata import SiteData


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


def national_description(page: NationalPage) -> str:
    """The description of a generated national page."""
    if page.kind == "province":
        return plain(f"{page.title}: kabupaten dan kota dengan masterplan smart city, kemajuan program, "
                     "nilai evaluasi, dan wilayah yang belum memiliki masterplan.")
    if page.kind == "pillar":
        return plain(f"{page.title}: strategi, program dan katalog quick win dari semua masterplan smart city "
                     "kabupaten dan kota.")
    if page.kind == "element":
        return plain(f"{page.title}: setiap strategi dan program elemen ini dari semua wilayah, menurut provinsi.")
    return plain(f"{page.title}: nilai akhir evaluasi smart city per wilayah pada putaran ini.")


def search_filters(site: SiteData) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The search page's filters: (key, label, values). The keys and values are the ones
    the page templates give Pagefind (`data-pagefind-filter="key:value"`)."""
    provinces = tuple(sorted({region.province for region in site.regions}))
    return (("provinsi", "Provinsi", provinces),
            ("pilar", "Pilar", tuple(p.label for p in site.reference.pillars)),
            ("jenis", "Jenis wilayah", ("Kabupaten", "Kota")),
            ("status", "Status program", tuple(STATUS_LABELS.values())))
