"""The site's page structure: which pages each region has, and their addresses."""

from __future__ import annotations

import json
from dataclasses import dataclass

from smartcity.model import Region
from smartcity.reference import Reference


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


def region_src(region_id: str, slug: str) -> str:
    """The (virtual) Markdown source path of a region page."""
    return f"wilayah/{region_id}/index.md" if not slug else f"wilayah/{region_id}/{slug}.md"


def url_of(src: str, use_directory_urls: bool) -> str:
    """The URL MkDocs gives a source path (`wilayah/x/analisis.md` → `wilayah/x/analisis/`);
    other files keep their path."""
    if not src.endswith(".md"):
        return src
    stem = src.removesuffix(".md")
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url` (both site-relative, as
    MkDocs writes them: `a/b/`, `a/b.html`, `` for the home page)."""
    from_parts = from_url.split("/")[:-1]   # the page's folder
    to_parts = to_url.split("/")
    common = 0
    while common < len(from_parts) and common < len(to_parts) - 1 and from_parts[common] == to_parts[common]:
        common += 1
    target = "../" * (len(from_parts) - common) + "/".join(to_parts[common:])
    return target or "./"


# Replaced whole by the rendered body (plugin.on_post_page). The "<h1" inside tells
# Material that the body brings its own title, so it adds none.
GENERATED_BODY = '<div data-sc-generated-page><!-- <h1> --></div>'


@dataclass(frozen=True)
class NationalPage:
    """A generated page across regions: a province, a pillar or one element of a pillar."""
    src: str
    title: str
    kind: str                 # "province" | "pillar" | "element" | "ranking"
    keys: tuple[str, ...]     # (province code,) | (pillar,) | (pillar, element) | (evaluation period,)


def province_src(code: str) -> str:
    """The source path of a province page."""
    return f"provinsi/{code}.md"


def pillar_src(pillar: str) -> str:
    """The source path of a national pillar page."""
    return f"pilar/{pillar}.md"


def element_src(pillar: str, element: str) -> str:
    """The source path of a national element page."""
    return f"pilar/{pillar}/{element}.md"


def ranking_src(period: str) -> str:
    """The source path of one round's ranking page."""
    return f"peringkat/{period}.md"


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


def generated_page_source(title: str, description: str, feed: str | None = None) -> str:
    """The Markdown of a generated page: its title, its description (both for <head>; the
    theme template escapes them), its region's feed, and the body placeholder. JSON is
    YAML: any text is a plain string here, never Markdown or Jinja."""
    feed_line = f"sc_feed: {json.dumps(feed)}\n" if feed else ""
    return (f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
            f"sc_description: {json.dumps(description, ensure_ascii=False)}\nrender_macros: false\nsc_region: true\n"
            f"hide: [toc]\n"
            f"{feed_line}---\n\n{GENERATED_BODY}\n")


def region_page_source(region: Region, page: RegionPage, description: str) -> str:
    """The generated Markdown of a region page: a title (the official name) and a
    placeholder that the build replaces with the rendered body after Markdown
    (see plugin.SmartCityPlugin.on_page_content). Region text never enters Markdown or
    Jinja source, and neither Markdown nor mkdocs-macros has work to do here."""
    title = region.name if not page.slug else f"{page.label} — {region.name}"
    return generated_page_source(title, description, f"wilayah/{region.id}/feed.xml")
