"""Worker processes that can import this package, however the build was started."""

from __future__ import annotations

import multiprocessing
import sys
from multiprocessing.context import BaseContext

from . import PROJECT_DIR


def worker_context(prefer_fork: bool = False) -> BaseContext:
    """An explicit start method, the same on every Python version. `spawn` starts
    clean workers (small memory); `fork`, where there is one, starts faster. For
    spawn, the project goes on sys.path for the workers: MkDocs restores sys.path
    after loading the hooks, and the `mkdocs` console script does not add it."""
    if prefer_fork and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    if str(PROJECT_DIR) not in sys.path:
        sys.path.append(str(PROJECT_DIR))
    return multiprocessing.get_context("spawn")
