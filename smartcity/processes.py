"""Worker processes with an explicit start method, the same on every Python version."""

from __future__ import annotations

import multiprocessing
from multiprocessing.context import BaseContext


def worker_context(prefer_fork: bool = False) -> BaseContext:
    """`spawn` starts clean workers (small memory); `fork`, where there is one, starts
    faster. Spawned workers import the installed package (`pip install -e .`)."""
    if prefer_fork and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
