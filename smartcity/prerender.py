"""Render region page bodies in worker processes while MkDocs builds.

MkDocs renders pages one after another in one process; region bodies are
independent of each other, so on a machine with two or more cores they are
rendered by forked workers (which inherit the loaded data, nothing is sent but
page addresses) and collected in page order. Small sites render inline.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator

from .state import current

PARALLEL_FROM = 300  # region pages before workers pay for their start


def _render_chunk(jobs: list[tuple[str, str, str, str]]) -> list[tuple[str, str]]:
    renderer = current().renderer  # inherited from the parent by fork
    return [(src, renderer.region_page(region_id, slug, url)) for src, region_id, slug, url in jobs]


class RegionBodies:
    """Bodies of region pages by source path, rendered ahead in page order."""

    def __init__(self, jobs: list[tuple[str, str, str, str]], workers: int | None = None) -> None:
        self._ready: dict[str, str] = {}
        self._pool = None
        self._results: Iterator[list[tuple[str, str]]] | None = None
        workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
        if workers > 1 and len(jobs) >= PARALLEL_FROM and "fork" in multiprocessing.get_all_start_methods():
            chunks = [jobs[i:i + 25] for i in range(0, len(jobs), 25)]
            self._pool = multiprocessing.get_context("fork").Pool(workers)
            self._results = self._pool.imap(_render_chunk, chunks)

    def body(self, src: str, region_id: str, slug: str, url: str) -> str:
        if self._results is None:
            return current().renderer.region_page(region_id, slug, url)
        while src not in self._ready:
            try:
                self._ready.update(next(self._results))
            except StopIteration:  # not pre-rendered (should not happen): render here
                return current().renderer.region_page(region_id, slug, url)
        return self._ready.pop(src)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
            self._results = None
