"""Full-text search: Pagefind indexes the built pages after every build.

Pagefind (PyPI `pagefind[bin]`, a Rust indexer shipped as a wheel) reads the
HTML of the written site, stems Indonesian words (`<html lang="id">`: "izin"
finds "perizinan"), and writes an index split into chunks that a query fetches
on demand, so no page downloads an index before its reader searches. Only the
parts of pages marked `data-pagefind-body` are indexed (region pages, national
pillar, element and province pages, the guide), without the parts in EXCLUDED
(named here rather than marked in every page: region pages are the budget).
/cari/ queries the index with docs/assets/search.js.

On big sites the region pages' indexed parts are written by the workers that
render them (prerender.py), and Pagefind starts as soon as every indexed page
is there, while MkDocs is still writing pages: the build then waits only for
what is left of the indexing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pagefind.service import get_executable

from smartcity.site.output.compact import compact_html
from smartcity.site.output.search_stable import stabilise

SEARCH_DIR = "pagefind"
SEARCH_FOLDER_PREFIX = ".smartcity-search-"  # the pages kept for Pagefind during a build
# Pagefind's ready-made interfaces: /cari/ has its own, in Indonesian.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
          "wasm.unknown.pagefind")
# Not what a reader searches for: breadcrumbs, dates and edit links, the region's page
# menu, banners, charts (their data tables repeat the text), "Tanggapi" links, table heads,
# items' ids (written here once rather than as `data-pagefind-ignore` on each of ~55,000).
# Progress notes and figures (years, amounts) are left out too: they are the bulk of a
# pillar page's text, and a reader finds a programme by its title, description or agency.
EXCLUDED = (".sc-kicker", ".sc-page-meta", ".sc-region-nav", ".sc-banner", ".sc-chart", ".sc-respond", "thead",
            ".sc-updates", "td.sc-num", ".sc-roadmap-table", ".sc-item-id")
# The part of a written page that is indexed: Material's article (the page's own content).
ARTICLE_START = '<article class="md-content__inner md-typeset">'
ARTICLE_END = "</article>"
DOCUMENT_START = '<!doctype html><html lang="id"><head><meta charset="utf-8"></head><body>'
DOCUMENT_END = "</body></html>"
TIMEOUT_SECONDS = 600
PARSED_MARK = b"[Reading languages]"  # what Pagefind prints once it has parsed every page


class SearchIndexError(Exception):
    """The search index could not be written: the site must not be published without it."""


@dataclass(frozen=True)
class SearchIndex:
    """What one indexing run did."""
    pages: int
    words: int
    seconds: float   # from Pagefind's start to its index checked
    waited: float    # of which the build spent waiting for Pagefind (the rest ran beside page writing)


def search_document(article: str) -> str:
    """The file Pagefind reads for one page: `article` (from ARTICLE_START up to, not
    including, ARTICLE_END) in a minimal document."""
    return f"{DOCUMENT_START}{article}{ARTICLE_END}{DOCUMENT_END}"


def search_dest(url: str) -> str:
    """Where a page with this site-relative URL is written (`a/b/` → `a/b/index.html`)."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def generated_search_document(body: str) -> str:
    """The search file of a generated page, from its body alone: what `SearchPages.add`
    cuts from the written page (Material's article holds the body and nothing else)."""
    return search_document(compact_html(f"{ARTICLE_START}\n{body}"))


def write_search_file(folder: Path, dest_path: str, document: str) -> None:
    """Write one page's search file under `folder`."""
    target = folder / dest_path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(document, encoding="utf-8")


def _count(pattern: str, output: str) -> int:
    found = re.search(pattern, output)
    return int(found.group(1)) if found else 0


class SearchPages:
    """The indexed pages of one build, as they are written: only the article of each page
    marked `data-pagefind-body`, in a folder of its own. Pagefind then parses a third of
    the HTML it would read in the built site (no theme chrome, no unindexed pages)."""

    def __init__(self, site_dir: Path) -> None:
        site_dir.mkdir(parents=True, exist_ok=True)
        # Inside the site folder: should the build be killed, it goes with the half-built site.
        # MkDocs' cleaning keeps hidden entries, so one a killed build left is removed here
        # (one build at a time writes a site folder: processes.build_lock).
        for stale in site_dir.glob(f"{SEARCH_FOLDER_PREFIX}*"):
            shutil.rmtree(stale, ignore_errors=True)
        self.folder = Path(tempfile.mkdtemp(prefix=SEARCH_FOLDER_PREFIX, dir=site_dir))
        self.handed = 0  # pages handed to `add`, indexed or not
        self._run: _Indexer | None = None

    def add(self, dest_path: str, html: str) -> None:
        """Keep the indexed part of one written page (`dest_path` relative to the site)."""
        self.handed += 1
        if "data-pagefind-body" not in html:
            return
        start, end = html.find(ARTICLE_START), html.rfind(ARTICLE_END)
        if start < 0 or end < start:
            return
        write_search_file(self.folder, dest_path, search_document(html[start:end]))

    def start(self, output: Path) -> None:
        """Start indexing the kept pages into `output` (the site's `pagefind/`) in the
        background: every page to index must be in the folder by now."""
        if self._run is None:
            # Pagefind holds every page once it has parsed them: the kept pages are removed
            # then, while it builds and writes the index, not after (~1 s at 514 regions).
            self._run = _Indexer(self.folder, output, on_parsed=lambda: shutil.rmtree(self.folder, ignore_errors=True))

    @property
    def started(self) -> bool:
        """Whether Pagefind has been started."""
        return self._run is not None

    def index(self, output: Path) -> SearchIndex:
        """Index the kept pages into `output` (started now unless it already was), wait
        for Pagefind and check what it wrote."""
        try:
            self.start(output)
            assert self._run is not None
            return self._run.finish()
        finally:
            self.close()

    def close(self) -> None:
        """Stop Pagefind if it runs, and remove the kept pages."""
        if self._run is not None:
            self._run.stop()
            self._run = None
        shutil.rmtree(self.folder, ignore_errors=True)


class _Indexer:
    """One Pagefind run over a folder of pages, in the background. A thread reads what
    Pagefind prints (a pipe nobody reads would stop it once full) and calls `on_parsed`
    when Pagefind has read every page."""

    def __init__(self, folder: Path, output: Path, on_parsed: Callable[[], None] | None = None) -> None:
        executable = get_executable()
        if executable is None or not Path(executable).is_file():
            raise SearchIndexError("program pengindeks pencarian (Pagefind) tidak ditemukan: jalankan "
                                   "`pip install -r requirements.txt`")
        self.output = output
        self.started_at = time.perf_counter()
        self._printed: list[bytes] = []
        try:
            self._process = subprocess.Popen(
                [str(executable), "--site", str(folder), "--output-path", str(output), "--force-language", "id",
                 "--exclude-selectors", ", ".join(EXCLUDED)],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        except OSError as error:
            raise SearchIndexError(f"pengindeks pencarian (Pagefind) gagal dijalankan: {error}") from None
        self._reader = threading.Thread(target=self._read, args=(on_parsed,), daemon=True)
        self._reader.start()

    def _read(self, on_parsed: Callable[[], None] | None) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            self._printed.append(line)
            if on_parsed is not None and line.startswith(PARSED_MARK):
                on_parsed()
                on_parsed = None

    def finish(self) -> SearchIndex:
        waited = time.perf_counter()
        try:
            returncode = self._process.wait(TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            raise SearchIndexError(f"pengindeks pencarian (Pagefind) tidak selesai dalam {TIMEOUT_SECONDS} s") \
                from None
        self._reader.join()
        ended = time.perf_counter()
        printed = b"".join(self._printed).decode("utf-8", "replace")
        if returncode != 0:
            last = " ".join(printed.strip().splitlines()[-3:])
            raise SearchIndexError(f"pengindeks pencarian (Pagefind) gagal (kode {returncode}): {last}")
        pages = _count(r"Indexed (\d+) pages?", printed)
        if pages == 0:
            raise SearchIndexError("pengindeks pencarian (Pagefind) tidak menemukan halaman untuk diindeks")
        for name in UNUSED:
            (self.output / name).unlink(missing_ok=True)
        if not stabilise(self.output):
            raise SearchIndexError("berkas indeks pencarian tidak berbentuk seperti yang diharapkan "
                                   "(versi Pagefind lain?)")
        return SearchIndex(pages, _count(r"Indexed (\d+) words?", printed), time.perf_counter() - self.started_at,
                           ended - waited)

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._reader.join()
        if self._process.stdout is not None:
            self._process.stdout.close()


def index_folder(folder: Path, output: Path) -> SearchIndex:
    """Index the HTML pages in `folder` (addresses relative to it) into `output`."""
    run = _Indexer(folder, output)
    try:
        return run.finish()
    finally:
        run.stop()
