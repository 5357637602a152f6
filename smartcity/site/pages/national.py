"""The site's national pages, generated from the reference data: a page per province, per
pillar, per element of a pillar and per evaluation round (`NationalPage`), what each says
about itself when shared, and the search page's filters.

National lists are paged so that no page grows with the country (issue 26): a pillar's
quick-win catalogue and an element's strategies have one page per province that has any,
a round's ranking one page per `RANKING_PAGE_SIZE` regions."""

from __future__ import annotations

from dataclasses import dataclass

from smartcity.figures.national import ElementView, PillarView, ProvinceShare, RoundRanking, by_province
from smartcity.formatting import plain
from smartcity.labels import STATUS_LABELS
from smartcity.reference import Reference
from smartcity.site.addresses import (
    element_province_src,
    element_src,
    pillar_province_src,
    pillar_src,
    province_src,
    ranking_src,
)
from smartcity.site.sitedata import SiteData

RANKING_PAGE_SIZE = 100   # regions per ranking page: about 45 KB, 12 phone screens
# regions named as ranked first in a round's row of /peringkat/; more (equal scores) are counted and linked
RANKING_LEADERS_NAMED = 5
# A province's part of a national list holds at most this much (figures.national.entry_weight):
# about 15,000 px on a 360 px phone at 45 quick-win cards, 20,000 px at 240 strategy and
# programme lines, well under the 30 screens (24,000 px) a page may take.
QUICK_WINS_PER_PAGE = 45
STRATEGY_LINES_PER_PAGE = 240


def quick_win_shares(view: PillarView) -> tuple[ProvinceShare, ...]:
    """The pages of a pillar's quick-win catalogue."""
    return by_province(view.quick_wins, QUICK_WINS_PER_PAGE)


def strategy_shares(element: ElementView) -> tuple[ProvinceShare, ...]:
    """The pages of an element's strategies and programmes."""
    return by_province(element.strategies, STRATEGY_LINES_PER_PAGE)


@dataclass(frozen=True)
class NationalPage:
    """A generated page across regions."""
    src: str
    title: str
    kind: str                 # "province" | "pillar" | "element" | "ranking" | "pillar_province" | "element_province"
    keys: tuple[str, ...]     # (province code,) | (pillar,) | (pillar, element) | (period, page number)
    #                           | (pillar, province code) | (pillar, element, province code)


def ranking_page_count(entries: int) -> int:
    """How many pages a round's ranking of `entries` regions takes (at least one)."""
    return max(1, -(-entries // RANKING_PAGE_SIZE))


def national_pages(reference: Reference, rankings: tuple[RoundRanking, ...] = (),
                   quick_wins: dict[str, tuple[ProvinceShare, ...]] | None = None,
                   strategies: dict[tuple[str, str], tuple[ProvinceShare, ...]] | None = None,
                   ) -> tuple[NationalPage, ...]:
    """Every province of the official list, every pillar and every element: the
    addresses stay the same whichever regions are published. The pages of each round's
    ranking; each province's part of a pillar's catalogue (`quick_wins`, by pillar) and of
    an element's strategies (`strategies`, by pillar and element), as the renderer pages them."""
    pages = [NationalPage(province_src(p.code), f"Provinsi {p.name}", "province", (p.code,))
             for p in reference.provinces]
    for pillar in reference.pillars:
        pages.append(NationalPage(pillar_src(pillar.key), pillar.label, "pillar", (pillar.key,)))
        for share in (quick_wins or {}).get(pillar.key, ()):
            pages.append(NationalPage(pillar_province_src(pillar.key, share.code),
                                      f"Quick win {pillar.label} di Provinsi {share.label}", "pillar_province",
                                      (pillar.key, share.code)))
        for e in pillar.elements:
            pages.append(NationalPage(element_src(pillar.key, e.key), f"{e.label} — {pillar.label}", "element",
                                      (pillar.key, e.key)))
            for share in (strategies or {}).get((pillar.key, e.key), ()):
                pages.append(NationalPage(element_province_src(pillar.key, e.key, share.code),
                                          f"{e.label} — {pillar.label} di Provinsi {share.label}", "element_province",
                                          (pillar.key, e.key, share.code)))
    for ranking in rankings:
        count = ranking_page_count(len(ranking.entries))
        for number in range(1, count + 1):
            part = f" (halaman {number} dari {count})" if count > 1 else ""
            pages.append(NationalPage(ranking_src(ranking.period, number),
                                      f"Peringkat evaluasi {ranking.label}{part}", "ranking",
                                      (ranking.period, str(number))))
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
        return plain(f"{page.title}: strategi dan program elemen ini dari semua wilayah, menurut provinsi.")
    if page.kind == "pillar_province":
        return plain(f"{page.title}: setiap quick win pilar ini dari kabupaten dan kota di provinsi ini.")
    if page.kind == "element_province":
        return plain(f"{page.title}: setiap strategi dan program elemen ini dari kabupaten dan kota di provinsi ini.")
    return plain(f"{page.title}: nilai akhir evaluasi smart city per wilayah pada putaran ini.")


def search_filters(site: SiteData) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The search page's filters: (key, label, values). The keys and values are the ones
    the page templates give Pagefind (`data-pagefind-filter="key:value"`)."""
    provinces = tuple(sorted({region.province for region in site.regions}))
    return (("provinsi", "Provinsi", provinces),
            ("pilar", "Pilar", tuple(p.label for p in site.reference.pillars)),
            ("jenis", "Jenis wilayah", ("Kabupaten", "Kota")),
            ("status", "Status program", tuple(STATUS_LABELS.values())))
