"""Progress of long work (the benchmark, the synthetic generator) on a terminal:
a bar from `rich`, and nothing at all when the output is not a terminal (CI
logs, pipes), so that logs stay short."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

try:   # the `bench` extra; without it, no bars (as off a terminal)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
except ImportError:   # pragma: no cover - rich is installed with requirements-test.txt
    Progress = None  # type: ignore[assignment,misc]

T = TypeVar("T")


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    transient=True)


def on_terminal() -> bool:
    """True when progress can be drawn (rich is installed and standard error is a terminal)."""
    return Progress is not None and sys.stderr.isatty()


def track(items: Iterable[T], total: int, description: str) -> Iterator[T]:
    """The items, with a progress bar on a terminal."""
    if not on_terminal():
        yield from items
        return
    with _progress() as progress:
        task = progress.add_task(description, total=total)
        for item in items:
            yield item
            progress.advance(task)


class Steps:
    """Named steps of a long run, shown as one bar on a terminal (quiet elsewhere)."""

    def __init__(self, total: int) -> None:
        self._progress = _progress() if on_terminal() else None
        self._task = None
        if self._progress is not None:
            self._progress.start()
            self._task = self._progress.add_task("mulai", total=total)

    def next(self, description: str) -> None:
        """Start the next step."""
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, description=description, advance=1)

    def say(self, description: str) -> None:
        """Name what is being done, without counting a step."""
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, description=description)

    def done(self) -> None:
        """End the bar."""
        if self._progress is not None:
            self._progress.stop()
