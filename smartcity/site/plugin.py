"""The MkDocs plugin: load and validate the regions once per build, add their pages,
render their bodies, write the open data. Only event handlers live here; the work
is done by the modules they call.

Named `smartcity` under `plugins:` in mkdocs.yml (entry point in pyproject.toml),
before `macros`: nothing is built from unchecked data.
"""

from __future__ import annotations

import gc
import logging
import os
import re
import time
import types
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from smartcity.export import DATA_LICENCE, UnsafeCell, write_downloads
from smartcity.formatting import date_id
from smartcity.processes import build_lock, lower_own_priority
from smartcity.settings import SettingError, public_url
from smartcity.site.addresses import GENERATED_BODY, generated_page_source, region_src
from smartcity.site.build import Build, ChromeCache
from smartcity.site.config import SmartCityConfig
from smartcity.site.editor_form import EDITOR_PAGE, editor_settings
from smartcity.site.output.compact import compact_html
from smartcity.site.output.cssmin import minify_css
from smartcity.site.output.prerender import RegionBodies
from smartcity.site.output.search import SEARCH_DIR, SearchIndexError, SearchPages
from smartcity.site.output.theme_css import without_unused_rules
from smartcity.site.output.theme_html import name_theme_toggles
from smartcity.site.pages.national import national_description, national_pages
from smartcity.site.pages.region import region_pages
from smartcity.site.pages.renderer import COMPARE_TABLE, Renderer
from smartcity.site.render.editor_page import editor_page
from smartcity.site.render.environment import TEMPLATE_DIRS
from smartcity.site.render.feeds import SITE_FEED, all_feeds, region_feed
from smartcity.site.render.landmarks import name_scroll_boxes
from smartcity.site.sitedata import Repository, Settings, load_site_data
from smartcity.validation.problems import DataUnavailable, InvalidData
from smartcity.validation.schema import SCHEMA_PATH

log = logging.getLogger("mkdocs.plugins.smartcity")
STYLESHEETS = ("assets/smartcity.css", "assets/search.css")


def _render_generated(page: Page, config: MkDocsConfig, files: Files) -> None:
    """Page.render for a generated page: its Markdown is only the body placeholder
    (see pages.generated_page_source), so Python-Markdown, set up anew for every
    page, would return the placeholder unchanged. Same result, no Markdown run."""
    page.content = GENERATED_BODY
    page.toc = get_toc([])
    page.present_anchor_ids = set()
    page.links_to_anchors = {}


def _check_output_folder(site_dir: Path) -> None:
    """A folder the build cannot write is said before any work, in one line
    (and nothing is created: a build that stops leaves no folder behind)."""
    existing = site_dir.absolute()
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise Abort(f"Folder keluaran tidak dapat ditulis: {site_dir}: {existing} bukan folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise Abort(f"Folder keluaran tidak dapat ditulis: {site_dir}: tidak ada izin menulis di {existing}")


class SmartCityPlugin(BasePlugin[SmartCityConfig]):
    """Region pages, national pages and open data from the region files."""

    def __init__(self) -> None:
        self._build: Build | None = None
        self._lock = ExitStack()  # the output folder's lock, held from config to the end of the build
        self._timings: dict[str, float] = {}  # seconds since the build started, by stage, for the summary line
        self._index_here_total = 0  # pages it hands to the search index (all but those workers index)

    @property
    def build(self) -> Build:
        """The current build; macros reach it through the plugin instance."""
        if self._build is None:
            raise PluginError("region data is not loaded: list `smartcity` under `plugins` before `macros`")
        return self._build

    @event_priority(100)  # before every other plugin: nothing is built from unchecked data
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        options = self.config
        try:
            settings = Settings.from_options(options.regions_dir, options.drafts, options.only,
                                             base=Path(config.config_file_path).parent)
            repository = Repository.from_options(options.repository, options.branch, options.edit_url_template,
                                                 options.commit_url_template, options.cms_auth_url)
            if config.site_url:
                public_url("SMARTCITY_SITE_URL (site_url)", config.site_url)
        except SettingError as error:
            raise Abort(f"Pengaturan tidak sah: {error}") from None
        self._timings = {"start": time.perf_counter()}
        _check_output_folder(Path(config.site_dir))
        self._lock.close()  # a previous build of this process (mkdocs serve) that ended early
        if options.tune_process:
            gc.unfreeze()
        self._lock.enter_context(build_lock(Path(config.site_dir), lambda: log.warning(
            "Pembangunan lain sedang menulis %s; menunggu…", config.site_dir)))
        try:
            site = load_site_data(settings, repository)
        except DataUnavailable as error:
            raise Abort(f"Data wilayah tidak dapat dibaca: {error}") from None
        except InvalidData as error:
            for found in error.problems:
                log.error(found.format())
            files = len({p.file for p in error.problems})
            raise Abort(f"Data wilayah tidak sah: {len(error.problems)} masalah di {files} berkas; "
                        f"tidak ada halaman yang dibangun.") from None
        self._build = Build(site, Renderer(site, config.use_directory_urls))
        if options.tune_process:
            gc.freeze()  # see on_env: the open data are written from them first
        self._timings["data"] = time.perf_counter()
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        build = self.build
        site = build.site
        # Region bodies start rendering now (in workers on big sites, which also write the
        # pages' search files), while this process writes the feeds and the open data.
        build.search_pages = SearchPages(Path(config.site_dir))
        build.bodies = RegionBodies(site, build.renderer, search_folder=build.search_pages.folder)
        # National pages before region pages: MkDocs writes pages in this order, and the
        # search index can start once the pages this process indexes are written.
        # The sitemap's dates are the data's own: a region page's, the last change of its file
        # (or its `updated` date); a national page's, the latest of every region's.
        changed = [d for d in (site.last_changed(r) for r in site.regions) if d is not None]
        data_date = max(changed, default=None)
        if config.site_url:   # crawlers find the sitemap from robots.txt
            files.append(File.generated(config, "robots.txt", content=(
                f"User-agent: *\nAllow: /\nSitemap: {config.site_url}sitemap.xml\n")))
        for national in national_pages(site.reference, build.renderer.rankings,
                                       build.renderer.quick_win_pages, build.renderer.strategy_pages):
            build.national_pages[national.src] = national
            files.append(File.generated(config, national.src, content=generated_page_source(
                national.title, national_description(national), lastmod=data_date)))
        for region in site.regions:
            for page in region_pages(site.reference):
                src = region_src(region.id, page.slug)
                build.region_pages[src] = (region.id, page.slug)
                files.append(File.generated(config, src, content=page.source(region, site.reference,
                                                                             site.last_changed(region))))
        build.generated = set(build.region_pages) | set(build.national_pages)
        # The theme's stylesheet without the components this site never shows.
        for theme_css in [f for f in files if re.fullmatch(r"assets/stylesheets/main\.[0-9a-f]+\.min\.css", f.src_uri)]:
            if theme_css.abs_src_path is not None:
                files.remove(theme_css)
                files.append(File.generated(config, theme_css.src_uri, content=without_unused_rules(
                    Path(theme_css.abs_src_path).read_text(encoding="utf-8"))))
        # The stylesheets, minified: every first visit downloads the site's own.
        for path in STYLESHEETS:
            stylesheet = files.get_file_from_path(path)
            if stylesheet is not None and stylesheet.abs_src_path is not None:
                files.remove(stylesheet)
                files.append(File.generated(config, path, content=minify_css(
                    Path(stylesheet.abs_src_path).read_text(encoding="utf-8"))))
        # Atom feeds: the site's and each region's.
        as_of = site.settings.as_of
        base = config.site_url or ""   # absolute feed links at the published address
        site_feed, region_feeds = all_feeds(site.regions, site.changes, config.use_directory_urls, as_of, base)
        files.append(File.generated(config, SITE_FEED, content=site_feed))
        for region in site.regions:
            files.append(File.generated(config, region_feed(region.id), content=region_feeds[region.id]))
        # The compare page's figures of every region, beside the page (Renderer.compare_regions).
        if config.use_directory_urls:
            files.append(File.generated(config, COMPARE_TABLE, content=build.renderer.compare_table(
                build.renderer.url("bandingkan.md"))))
        # The web editor, its form generated from the schema; a page of its own, outside the
        # theme, the search index and the sitemap.
        files.append(File.generated(config, EDITOR_PAGE, content=editor_page(
            editor_settings(site, config.site_url or ""), site.reference, config.site_name)))
        # The region file schema, published at a stable address for editors' tools.
        files.append(File.generated(config, f"schema/{SCHEMA_PATH.name}", abs_src_path=str(SCHEMA_PATH)))
        # Open data: written straight into the site folder (MkDocs has just emptied it), not
        # copied there: ~100 MB at 514 regions. Should the build stop, it goes with the
        # half-built site (which the next build or scripts/build.py removes).
        site_dir = Path(config.site_dir)
        site_dir.mkdir(parents=True, exist_ok=True)
        try:
            build.renderer.open_data = write_downloads(site.regions, site.reference, site.figures, site_dir,
                                                       site.ranks, config.site_url or "")
        except UnsafeCell as error:
            raise Abort(f"Data terbuka tidak ditulis: {error}") from None
        return files

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        if page.file.src_uri in self.build.generated:
            page.render = types.MethodType(_render_generated, page)  # type: ignore[method-assign]
        return page

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        """`mkdocs serve` rebuilds when a region file or a page template changes, wherever the
        data and the package are (an installed package has no templates in the project)."""
        server.watch(str(self.build.site.settings.regions_dir))
        for folder in TEMPLATE_DIRS:
            server.watch(str(folder))
        return server

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        # The pages this process hands to the search index (not those the workers index).
        # Counted with drafts, which `mkdocs serve` builds too: a count too high only
        # starts the index at the end of the build, one too low would start it too early.
        self._index_here_total = sum(1 for f in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
                                     if f.src_uri not in self.build.region_pages)
        env.globals["sc_chrome"] = ChromeCache()
        # The region data, files and navigation live until the build ends and hold no
        # garbage: the cycle collector need not scan them again while the open data and
        # every page are written (it did, for ~4 s of a 514-region build; frozen objects
        # are still freed when unused). Only for a one-off build (tune_process: scripts/build.py),
        # never in `mkdocs serve` or a build inside another program.
        if self.config.tune_process:
            gc.freeze()
        search_page = files.get_file_from_path("cari.md")
        env.globals["sc_search_page"] = search_page.url if search_page is not None else ""
        env.globals["sc_as_of"] = date_id(self.build.site.settings.as_of)
        env.globals["sc_licence"] = DATA_LICENCE
        env.globals["sc_repository"] = self.build.site.repository.url
        regions_page = files.get_file_from_path("wilayah/index.md")
        env.globals["sc_regions_page"] = regions_page.url if regions_page is not None else ""
        return env

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Generated pages keep their placeholder until on_post_page: MkDocs holds every
        # page's content from this event until the end of the build (~240 MB at 514 regions).
        return html if page.file.src_uri in self.build.generated else self.build.fill(html)

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        output = compact_html(name_scroll_boxes(name_theme_toggles(self._page_output(output, page))))
        build, pages = self.build, self.build.search_pages
        if pages is None:
            return output
        src = page.file.src_uri
        bodies = build.bodies
        if bodies is None or not bodies.index_in_workers:
            pages.add(page.file.dest_uri, output)
            return output
        if src not in build.region_pages or src in bodies.rendered_here:
            pages.add(page.file.dest_uri, output)  # a region page's comes from its worker
        # Every page to index is written: Pagefind runs while MkDocs writes the rest.
        if not pages.started and pages.handed >= self._index_here_total and bodies.finished():
            try:
                pages.start(Path(config.site_dir) / SEARCH_DIR)
            except SearchIndexError as error:
                raise Abort(f"Indeks pencarian tidak dapat dibuat: {error}") from None
            # Pagefind, which finishes last, gets the CPU before the rest of the pages:
            # the build then waits ~0–3 s for it at 514 regions instead of ~4–8 s. Only for a
            # one-off build (tune_process): it would lower `mkdocs serve` for good.
            if self.config.tune_process:
                lower_own_priority()
            bodies.stop_idle_workers()
        return output

    def _page_output(self, output: str, page: Page) -> str:
        build = self.build
        src = page.file.src_uri
        target = build.region_pages.get(src)
        if target is not None and build.bodies is not None:
            return output.replace(GENERATED_BODY, build.bodies.body(src, *target, page.url), 1)
        national = build.national_pages.get(src)
        if national is not None:
            return output.replace(GENERATED_BODY, build.renderer.national_page(national, page.url), 1)
        return output

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        """The theme's own pages (404.html) get the same names for the theme's toggles."""
        return name_theme_toggles(output_content) if template_name.endswith(".html") else output_content

    def on_post_build(self, config: MkDocsConfig) -> None:
        with self._lock:
            self._post_build(config)

    def _post_build(self, config: MkDocsConfig) -> None:
        self.build.close()
        self._timings["pages"] = time.perf_counter()
        # The search index is part of every build: a site is never written without it.
        pages = self.build.search_pages
        if pages is None:
            return
        self.build.search_pages = None
        try:
            indexed = pages.index(Path(config.site_dir) / SEARCH_DIR)
        except SearchIndexError as error:
            raise Abort(f"Indeks pencarian tidak dapat dibuat: {error}") from None
        # The first figure is what indexing added to the build; Pagefind may have run longer,
        # beside the writing of the last pages.
        log.info("Indeks pencarian: %d halaman, %d kata, %.1f s (pengindeksan %.1f s, sebagian bersamaan dengan "
                 "penulisan halaman)", indexed.pages, indexed.words, indexed.waited, indexed.seconds)
        self._log_summary()

    def _log_summary(self) -> None:
        """One line for the whole build: what was built and where the time went."""
        t = self._timings
        if not {"start", "data", "pages"} <= set(t):
            return
        end = time.perf_counter()
        site = self.build.site
        log.info("Selesai: %d wilayah, %d halaman wilayah; data %.1f s, halaman %.1f s, indeks pencarian %.1f s; "
                 "total %.1f s", len(site.regions), len(self.build.region_pages), t["data"] - t["start"],
                 t["pages"] - t["data"], end - t["pages"], end - t["start"])

    def on_build_error(self, error: Exception) -> None:
        if self._build is not None:
            self._build.abandon()
        self._lock.close()
