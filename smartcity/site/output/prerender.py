"""Render region page bodies in worker processes while MkDocs builds.

MkDocs renders pages one after another in one process; region bodies are
independent, so on a machine with two or more cores they are rendered by
worker processes and collected in page order. Each task carries a handful of
the parent's already-checked regions: a worker never reads a region file (a
file saved during the build could otherwise give a page newer than its
download), and it holds only the regions it is rendering (forked copies of the
parent would grow towards its size). Small sites render inline.

Given the build's search folder, workers also write the indexed part of each
region page there (search.py), so that Pagefind can start before MkDocs has
written the last page.
"""

from __future__ import annotations

import gc
import os
import zlib
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from smartcity.figures.aggregate import region_figures
from smartcity.figures.national import RegionRank
from smartcity.history.diff import RegionHistory
from smartcity.history.git import Commit
from smartcity.model import Region
from smartcity.processes import watch_parent, worker_context
from smartcity.reference import load_reference
from smartcity.site.addresses import region_src, url_of
from smartcity.site.output.search import generated_search_document, search_dest, write_search_file
from smartcity.site.pages.region import region_pages
from smartcity.site.pages.renderer import Renderer
from smartcity.site.sitedata import Repository, Settings, SiteData

PARALLEL_FROM = 300   # region pages before workers pay for their start
REGIONS_PER_TASK = 8

@dataclass(frozen=True)
class RenderTask:
    """A handful of regions for one worker, with what it needs from the parent (their
    histories and ranks only): workers hold no state between tasks."""
    settings: Settings
    repository: Repository
    regions: tuple[Region, ...]
    histories: dict[str, tuple[Commit, ...]]
    ranks: dict[str, dict[str, RegionRank]]
    changes: dict[str, RegionHistory]
    use_directory_urls: bool
    search_folder: Path | None = None  # where the indexed part of each page goes, if anywhere


def _render_regions(task: RenderTask) -> list[tuple[str, bytes]]:
    # The task's regions (trees, freed by reference counting when it ends) and the
    # worker's templates need no scan by the cycle collector while pages are rendered
    # (it scanned them again and again: ~2 s per worker at 514 regions).
    gc.freeze()
    settings, use_directory_urls = task.settings, task.use_directory_urls
    reference = load_reference()
    figures = {r.id: region_figures(r, settings.as_of) for r in task.regions}
    site = SiteData(settings, reference, task.regions, figures, None, task.repository, task.histories, task.ranks,
                    task.changes)
    renderer = Renderer(site, use_directory_urls)
    out = []
    for region_id in (r.id for r in task.regions):
        for page in region_pages(reference):
            src = region_src(region_id, page.slug)
            url = url_of(src, use_directory_urls)
            html = renderer.region_page(region_id, page.slug, url)
            if task.search_folder is not None and "data-pagefind-body" in html:
                write_search_file(task.search_folder, search_dest(url), generated_search_document(html))
            # compressed while it waits for its page: ~6 KB instead of ~36 KB each
            out.append((src, zlib.compress(html.encode("utf-8"), 1)))
    return out


class RegionBodies:
    """Bodies of region pages by source path, rendered ahead in page order."""

    def __init__(self, site: SiteData, renderer: Renderer, workers: int | None = None,
                 search_folder: Path | None = None) -> None:
        self._renderer = renderer
        self._search_folder = search_folder
        self._ready: dict[str, bytes] = {}
        self.rendered_here: set[str] = set()  # pages rendered in this process after all (no search file)
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[list[tuple[str, bytes]]]] = []
        self._results: Iterator[list[tuple[str, bytes]]] | None = None
        workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
        pages = len(site.regions) * len(region_pages(site.reference))
        if workers > 1 and pages >= PARALLEL_FROM:
            regions = site.regions
            tasks = [RenderTask(site.settings, site.repository, chunk,
                                {r.id: site.histories.get(r.id, ()) for r in chunk},
                                {r.id: site.ranks.get(r.id, {}) for r in chunk},
                                {r.id: site.changes[r.id] for r in chunk if r.id in site.changes},
                                renderer.use_directory_urls, search_folder)
                     for chunk in (regions[i:i + REGIONS_PER_TASK] for i in range(0, len(regions), REGIONS_PER_TASK))]
            # An executor, not multiprocessing.Pool: a worker that dies is an error
            # (BrokenProcessPool), not a silent restart and a build that waits forever.
            self._pool = ProcessPoolExecutor(workers, mp_context=worker_context(), initializer=watch_parent)
            self._futures = [self._pool.submit(_render_regions, task) for task in tasks]
            self._results = (future.result() for future in self._futures)

    @property
    def index_in_workers(self) -> bool:
        """Whether the workers write the region pages' search files (not the plugin)."""
        return bool(self._futures) and self._search_folder is not None

    def finished(self) -> bool:
        """Every region body is rendered (and its search file written)."""
        return all(future.done() for future in self._futures)

    def body(self, src: str, region_id: str, slug: str, url: str) -> str:
        """The rendered body of one region page (asked for in page order)."""
        if self._results is None:
            return self._renderer.region_page(region_id, slug, url)
        while src not in self._ready:
            try:
                self._ready.update(next(self._results))
            except StopIteration:  # not among the tasks (should not happen): render here
                self.rendered_here.add(src)
                return self._renderer.region_page(region_id, slug, url)
        return zlib.decompress(self._ready.pop(src)).decode("utf-8")

    def stop_idle_workers(self) -> None:
        """Once every body is rendered, end the workers: their results are kept (in the
        futures), and their memory is not held while the search index is built (~280 MB
        of the build's peak at 514 regions)."""
        if self._pool is not None and self.finished():
            self._pool.shutdown(wait=True)
            self._pool = None

    def close(self) -> None:
        """Stop the workers (also when the build failed)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._results = None
