"""The addresses of the site's pages (their virtual Markdown sources and URLs) and the
Markdown source of a generated page. Which pages there are: `site.pages.region` and `site.pages.national`."""

from __future__ import annotations

import datetime as dt
import json

from mkdocs.utils import get_relative_url


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
    """A link from the page at `from_url` to `to_url` (both site-relative, as MkDocs writes
    them: `a/b/`, `a/b.html`, `` for the home page): MkDocs' own `get_relative_url`, which
    writes a link to the home page without its closing slash (".."), given one here ("../"):
    the search page joins file names to it."""
    link = get_relative_url(to_url, from_url)
    return link + "/" if not to_url.endswith(".html") and to_url.rsplit("/", 1)[-1] == "" \
        and not link.endswith("/") else link


# Replaced whole by the rendered body (plugin.on_post_page). The "<h1" inside tells
# Material that the body brings its own title, so it adds none.
GENERATED_BODY = '<div data-sc-generated-page><!-- <h1> --></div>'


def province_src(code: str) -> str:
    """The source path of a province page."""
    return f"provinsi/{code}.md"


def pillar_src(pillar: str) -> str:
    """The source path of a national pillar page."""
    return f"pilar/{pillar}.md"


def element_src(pillar: str, element: str) -> str:
    """The source path of a national element page."""
    return f"pilar/{pillar}/{element}.md"


def pillar_province_src(pillar: str, province: str) -> str:
    """The source path of one province's part of a pillar's quick-win catalogue."""
    return f"pilar/{pillar}/quick-win/{province}.md"


def element_province_src(pillar: str, element: str, province: str) -> str:
    """The source path of one province's strategies and programmes of an element."""
    return f"pilar/{pillar}/{element}/{province}.md"


def ranking_src(period: str, number: int = 1) -> str:
    """The source path of one round's ranking page (`number`: its page, 1 the first)."""
    return f"peringkat/{period}.md" if number == 1 else f"peringkat/{period}/{number}.md"


def generated_page_source(title: str, description: str, feed: str | None = None, in_sitemap: bool = True,
                          lastmod: dt.date | None = None) -> str:
    """The Markdown of a generated page: its title, its description (both for <head>; the
    theme template escapes them), its region's feed, whether the sitemap lists it
    (overrides/sitemap.xml) with the date its data last changed (`lastmod`), and the body
    placeholder. JSON is YAML: any text is a plain
    string here, never Markdown or Jinja."""
    feed_line = f"sc_feed: {json.dumps(feed)}\n" if feed else ""
    feed_line += "" if in_sitemap else "sc_sitemap: false\n"
    feed_line += f'sc_lastmod: "{lastmod.isoformat()}"\n' if lastmod else ""
    return (f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
            f"sc_description: {json.dumps(description, ensure_ascii=False)}\nrender_macros: false\nsc_region: true\n"
            f"hide: [toc]\n"
            f"{feed_line}---\n\n{GENERATED_BODY}\n")
