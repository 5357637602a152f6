"""Child processes: an explicit start method, the same on every Python version;
children that end with their parent; and one build at a time per output folder."""

from __future__ import annotations

import ctypes
import gc
import hashlib
import multiprocessing
import os
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from multiprocessing.context import BaseContext
from pathlib import Path

_PR_SET_PDEATHSIG = 1
NICE_WHILE_INDEXING = 5


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while building many objects that form no cycles
    (region data and models are trees). The collector scans every live object again
    and again as they grow: 2 of the 3 s of loading 514 regions, ~15 % of checking a
    file. Garbage with cycles made meanwhile is collected once the collector resumes."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@cache
def lower_own_priority() -> None:
    """Lower this process's CPU priority (nice +5), once per process, so that the child
    it will wait for (the search indexer, started just before) runs first while both
    have work. Only lowering is allowed without privileges; `cache` keeps the rebuilds
    of `mkdocs serve` from lowering it again and again."""
    try:
        os.nice(NICE_WHILE_INDEXING)
    except (AttributeError, OSError):  # no os.nice (Windows), or refused: only slower
        pass


def worker_context(prefer_fork: bool = False) -> BaseContext:
    """`spawn` starts clean workers (small memory); `fork`, where there is one, starts
    faster. Spawned workers import the installed package (`pip install -e .`)."""
    if prefer_fork and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def end_with_parent() -> None:
    """In a child, just started: ask Linux to send SIGTERM when the parent ends
    (also when it is killed). Elsewhere a no-op; see `watch_parent`."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass


def watch_parent() -> None:
    """A pool worker's initializer: end the worker when the process that started
    it is gone. (A forked worker holds both ends of its pipes, so it would not
    notice on its own, and the death signal follows the thread that started it.)"""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


@contextmanager
def build_lock(site_dir: Path, on_wait: Callable[[], None]) -> Iterator[None]:
    """Hold the lock of one output folder; `on_wait` is called once if another
    build holds it, and this one then waits. The lock file lives in the system's
    temporary folder (named by the folder's path), so it never enters the site;
    `filelock` releases it when the process ends, however it ends (and works on Windows)."""
    from filelock import FileLock, Timeout  # only builds take it: the validator starts faster

    name = hashlib.sha256(str(site_dir.absolute()).encode()).hexdigest()[:16]
    lock = FileLock(Path(tempfile.gettempdir()) / f"smartcity-build-{name}.lock")
    try:
        lock.acquire(timeout=0)
    except Timeout:
        on_wait()
        lock.acquire()
    try:
        yield
    finally:
        lock.release()
