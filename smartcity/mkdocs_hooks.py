"""MkDocs hooks: load and validate the regions once per build, add their pages.

Listed under `hooks:` in mkdocs.yml. MkDocs loads this file by path, so the
project folder is put on `sys.path` to reach the package.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import types
from pathlib import Path

_PROJECT = str(Path(__file__).resolve().parent.parent)
if _PROJECT not in sys.path:
    sys.path.insert(0, _PROJECT)

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.toc import get_toc  # noqa: E402

from smartcity.pages import (GENERATED_BODY, generated_page_source, national_pages, region_page_source,  # noqa: E402
                             region_pages, region_src)
from smartcity.cssmin import minify_css  # noqa: E402
from smartcity.formatting import date_id  # noqa: E402
from smartcity.prerender import RegionBodies  # noqa: E402
from smartcity.export import write_downloads  # noqa: E402
from smartcity.problems import InvalidData  # noqa: E402
from smartcity.render import Renderer  # noqa: E402
from smartcity.schema import SCHEMA_PATH  # noqa: E402
from smartcity.search import SEARCH_INDEX, search_index_json  # noqa: E402
from smartcity.sitedata import Repository, Settings, load_site_data  # noqa: E402
from smartcity.state import Build, ChromeCache, current, set_current  # noqa: E402

log = logging.getLogger("mkdocs.hooks.smartcity")
STYLESHEET = "assets/smartcity.css"


@event_priority(100)  # before every plugin: nothing is built from unchecked data
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    settings = Settings.from_environment(base=Path(config.config_file_path).parent)
    try:
        site = load_site_data(settings, Repository.from_config(config.extra))
    except InvalidData as error:
        for found in error.problems:
            log.error(found.format())
        files = len({p.file for p in error.problems})
        raise Abort(f"Data wilayah tidak sah: {len(error.problems)} masalah di {files} berkas; "
                    f"tidak ada halaman yang dibangun.") from None
    set_current(Build(site, Renderer(site, config.use_directory_urls)))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = current()
    site = build.site
    for region in site.regions:
        for page in region_pages(site.reference):
            src = region_src(region.id, page.slug)
            build.region_pages[src] = (region.id, page.slug)
            files.append(File.generated(config, src, content=region_page_source(region, page)))
    periods = tuple(sorted({period for ranks in site.ranks.values() for period in ranks}))
    for page in national_pages(site.reference, periods):
        build.national_pages[page.src] = page
        files.append(File.generated(config, page.src, content=generated_page_source(page.title)))
    # The stylesheet, minified: every first visit downloads it.
    stylesheet = files.get_file_from_path(STYLESHEET)
    if stylesheet is not None:
        files.remove(stylesheet)
        files.append(File.generated(config, STYLESHEET, content=minify_css(
            Path(stylesheet.abs_src_path).read_text(encoding="utf-8"))))
    # The region file schema, published at a stable address for editors' tools.
    files.append(File.generated(config, f"schema/{SCHEMA_PATH.name}", abs_src_path=str(SCHEMA_PATH)))
    files.append(File.generated(config, SEARCH_INDEX, content=search_index_json(site)))
    # Open data: written to a temporary folder and copied by MkDocs like any file.
    # The folder is inside the site folder: should the build be killed, it goes
    # with the half-built site (which the next build or scripts/build.py removes).
    site_dir = Path(config.site_dir)
    site_dir.mkdir(parents=True, exist_ok=True)
    build.open_data_dir = Path(tempfile.mkdtemp(prefix=".smartcity-data-", dir=site_dir))
    build.renderer.open_data = write_downloads(site.regions, site.reference, site.figures, build.open_data_dir,
                                                 site.ranks)
    for written in build.renderer.open_data[1]:
        files.append(File.generated(config, written.path, abs_src_path=str(build.open_data_dir / written.path)))
    return files


def on_nav(nav, config: MkDocsConfig, files: Files):
    """Start rendering region bodies (in workers on big sites)."""
    build = current()
    build.bodies = RegionBodies(build.site, build.renderer)
    return nav


def _render_generated(page, config: MkDocsConfig, files: Files) -> None:
    """Page.render for a generated page: its Markdown is only the body placeholder
    (see pages.generated_page_source), so Python-Markdown, set up anew for every
    page, would return the placeholder unchanged. Same result, no Markdown run."""
    page.content = GENERATED_BODY
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set()
    page.links_to_anchors = {}


def on_pre_page(page, config: MkDocsConfig, files: Files):
    build = current()
    src = page.file.src_uri
    if src in build.region_pages or src in build.national_pages:
        page.render = types.MethodType(_render_generated, page)
    return page


def on_serve(server, config: MkDocsConfig, builder):
    """`mkdocs serve` rebuilds when a region file changes, wherever the data is."""
    server.watch(str(current().site.settings.regions_dir))
    return server


def on_env(env, config: MkDocsConfig, files: Files):
    env.globals["sc_chrome"] = ChromeCache()
    env.globals["sc_as_of"] = date_id(current().site.settings.as_of)
    return env


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    build = current()
    src = page.file.src_uri
    target = build.region_pages.get(src)
    if target is not None:
        return html.replace(GENERATED_BODY, build.bodies.body(src, *target, page.url), 1)
    national = build.national_pages.get(src)
    if national is not None:
        return html.replace(GENERATED_BODY, build.renderer.national_page(national, page.url), 1)
    return build.fill(html)


def on_post_build(config: MkDocsConfig) -> None:
    current().close()


def on_build_error(error: Exception) -> None:
    try:
        current().close()
    except RuntimeError:
        pass
