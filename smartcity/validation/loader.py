"""The one entry point to region data: read, check and model every region file.

The site build, the command-line validator and the tests all call
`check_files` / `load_regions`, so that they agree on what is valid.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import stat
from collections import defaultdict
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smartcity.asof import as_of_date
from smartcity.processes import cycle_collector_paused, watch_parent, worker_context
from smartcity.reference import Reference, load_reference
from smartcity.text import BYTE_ORDER_MARK
from smartcity.validation.cache import CheckCache
from smartcity.validation.past import MAX_FILE_BYTES
from smartcity.validation.problems import DataUnavailable, InvalidData, Problem, problem
from smartcity.validation.rules import check_rules
from smartcity.validation.schema import check_schema
from smartcity.validation.yamlfast import quick_document, top_level_mark
from smartcity.validation.yamlstrict import Unlocated, parse

if TYPE_CHECKING:
    from smartcity.model import Region

REGIONS_DIR = Path("data") / "regions"   # of the project folder: the working folder of a command
FILE_NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\.yml\Z")
OTHERS_LISTED = 3  # other files named in a clash of region codes
PARALLEL_FROM = 40  # files to check before a second process pays for itself
WORKER_BATCH = 8  # files handed to a worker at once


@dataclass(frozen=True)
class CheckedFile:
    """What checking one file found. Plain data, so that it can be cached and
    sent between processes."""

    display: str
    data: dict[str, Any] | None          # parsed content; None when unreadable
    problems: tuple[Problem, ...]
    code_mark: tuple[int, int] = (1, 1)  # where `code` is written, for problems across files
    code: str | None = None              # the region code, when it is text

    def summary(self) -> CheckedFile:
        """The same result without the data: what validation alone needs."""
        return CheckedFile(self.display, None, self.problems, self.code_mark, self.code)


@dataclass(frozen=True)
class LoadResult:
    """What checking a set of files found: the valid regions and every problem."""
    regions: tuple[Region, ...]        # every valid region, sorted by id (drafts included)
    problems: tuple[Problem, ...]      # every problem of every file, sorted
    files: tuple[str, ...]             # every file looked at

    @property
    def ok(self) -> bool:
        """True when no file has a problem."""
        return not self.problems


def display_path(path: Path) -> str:
    """The path as an editor sees it: relative to the project folder (the working folder of
    the command or build), else as given."""
    absolute, project = os.path.abspath(path), os.getcwd()   # os.path: Path's cost 70 µs a file
    if absolute.startswith(project.rstrip(os.sep) + os.sep):
        return Path(absolute[len(project.rstrip(os.sep)) + 1:]).as_posix()
    return path.as_posix()


def region_files(directory: Path) -> list[Path]:
    """Every entry of the regions folder that should be a region file (hidden ones excepted)."""
    return sorted(p for p in directory.iterdir() if not p.name.startswith(".") and not p.is_dir())


def _read(path: Path, display: str) -> bytes | CheckedFile:
    def fail(code: str, **params: Any) -> CheckedFile:
        return CheckedFile(display, None, (problem(display, (1, 1), code, **params),))

    try:
        # the type is read from the entry itself, never by opening it: opening a
        # FIFO blocks, and reading a device never ends
        info = path.lstat()
    except OSError as error:
        return fail("E-FILE-READ", detail=error.strerror or str(error))
    if stat.S_ISLNK(info.st_mode):
        return fail("E-FILE-SYMLINK")
    if not FILE_NAME.match(path.name):
        return fail("E-FILE-NAME", name=path.name)
    if not stat.S_ISREG(info.st_mode):
        return fail("E-FILE-NOT-REGULAR")
    if info.st_size > MAX_FILE_BYTES:
        return fail("E-FILE-TOO-LARGE", size=info.st_size, limit=MAX_FILE_BYTES)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)  # the file may have grown since
    except OSError as error:
        return fail("E-FILE-READ", detail=error.strerror or str(error))
    if len(raw) > MAX_FILE_BYTES:
        return fail("E-FILE-TOO-LARGE", size=len(raw), limit=MAX_FILE_BYTES)
    return raw


FAST_SCHEMA_FROM = 20  # files to check before compiling the fast schema validator pays off


def _quick_check(text: str, raw: bytes, display: str, stem: str, reference: Reference, today: dt.date,
                 fast: bool) -> CheckedFile | None:
    """The result of a file that yamlfast reads and that has no problem at all; None
    when the located reader must read it (for positions, or because yamlfast declines)."""
    document = quick_document(text, raw)
    if document is None:
        return None
    code = document.data.get("code")
    mark = top_level_mark(text, "code", code) if isinstance(code, str) else None
    if mark is None:
        return None
    try:
        if check_schema(document, display, fast) or check_rules(document, display, stem, reference, today):
            return None
    except Unlocated:
        return None
    return CheckedFile(display, document.data, (), mark, code)


def check_content(raw: bytes, display: str, stem: str, reference: Reference, today: dt.date,
                  fast: bool = False, quick: bool = True) -> CheckedFile:
    """Check one file's bytes: YAML, schema and meaning, every problem at once. With
    `quick`, a file without problems is read by yamlfast (~10× faster); any other is
    read again by the located reader."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return CheckedFile(display, None, (problem(display, (line, column), "E-ENCODING", offset=error.start),))
    text = text.removeprefix(BYTE_ORDER_MARK)  # harmless at the start: dropped (from the bytes too)
    if quick:
        # Windows line ends (an editor's file saved on Windows): both readers read `\r\n` as `\n`
        # in every scalar, so the quick reader reads the text with `\n` (a lone `\r` it refuses)
        quick_text = text.replace("\r\n", "\n") if "\r" in text else text
        quick_raw = raw.removeprefix(BYTE_ORDER_MARK.encode("utf-8")) if quick_text is text \
            else quick_text.encode("utf-8")
        checked = _quick_check(quick_text, quick_raw, display, stem, reference, today, fast)
        if checked is not None:
            return checked
    document, problems = parse(text, display)
    if document is None:
        return CheckedFile(display, None, tuple(problems))
    yaml_paths = [p.path for p in problems if p.path]  # a problem of the whole file hides nothing
    schema_problems = [p for p in check_schema(document, display, fast)
                       if not any(p.path[: len(y)] == y for y in yaml_paths)]
    rule_problems = check_rules(document, display, stem, reference, today)
    code = document.data.get("code")
    return CheckedFile(display, document.data, tuple(sorted(problems + schema_problems + rule_problems)),
                       document.locate(("code",)), code if isinstance(code, str) else None)


def _cached(path: Path, today: dt.date, cache: CheckCache | None, with_data: bool) -> CheckedFile | bytes:
    """The file's result from the cache, or its bytes when it must be checked."""
    display = display_path(path)
    raw = _read(path, display)
    if isinstance(raw, CheckedFile) or cache is None:
        return raw
    stored = cache.get_pair(cache.key(raw, display, today), second=with_data)
    summary, data = stored if stored is not None else (None, None)
    if not isinstance(summary, CheckedFile):
        return raw
    if not with_data or summary.problems:
        return summary
    return CheckedFile(display, data, summary.problems, summary.code_mark, summary.code) \
        if isinstance(data, dict) else raw


def check_file(path: Path, reference: Reference, today: dt.date, cache: CheckCache | None = None,
               with_data: bool = True, fast: bool = False) -> CheckedFile:
    """Check one file (through the cache when given)."""
    found = _cached(path, today, cache, with_data)
    if isinstance(found, CheckedFile):
        return found
    return _check_and_store(found, display_path(path), path.stem, reference, today, cache, with_data, fast)


def _check_and_store(raw: bytes, display: str, stem: str, reference: Reference, today: dt.date,
                     cache: CheckCache | None, with_data: bool, fast: bool) -> CheckedFile:
    checked = check_content(raw, display, stem, reference, today, fast)
    if cache is not None:
        # The parsed data only when the caller uses it (a build): marshalling and writing it
        # was a tenth of a cold check of 514 files (issue 30); a build after a check parses
        # the files again once.
        cache.put_pair(cache.key(raw, display, today), checked.summary(), checked.data if with_data else None)
    return checked if with_data else checked.summary()


_Job = tuple[bytes, str, str, dt.date, CheckCache | None, bool]  # raw, display, stem, as of, cache, with data


def _check_in_worker(jobs: list[tuple[int, _Job]]) -> list[tuple[int, CheckedFile]]:
    # the bytes the parent read (and hashed to look in the cache), not the file read again
    with cycle_collector_paused():
        return [(i, _check_and_store(raw, display, stem, load_reference(), today, cache, with_data, fast=True))
                for i, (raw, display, stem, today, cache, with_data) in jobs]


def _check_all(paths: list[Path], reference: Reference, today: dt.date, cache: CheckCache | None,
               workers: int | None, with_data: bool) -> list[CheckedFile]:
    workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
    results: dict[int, CheckedFile] = {}
    pending: dict[int, bytes] = {}
    # Workers start once PARALLEL_FROM files need checking and get files while the rest
    # are still being read and looked up here (cached results are cheap: taken here).
    pool: ProcessPoolExecutor | None = None
    handed: list[Future[list[tuple[int, CheckedFile]]]] = []
    queued: list[tuple[int, _Job]] = []
    try:
        for i, path in enumerate(paths):
            found = _cached(path, today, cache, with_data)
            if isinstance(found, CheckedFile):
                results[i] = found
                continue
            pending[i] = found
            queued.append((i, (found, display_path(path), path.stem, today, cache, with_data)))
            if pool is None and workers > 1 and len(pending) >= PARALLEL_FROM and reference is load_reference():
                pool = ProcessPoolExecutor(workers, mp_context=worker_context(prefer_fork=True),
                                           initializer=watch_parent)
            if pool is not None and len(queued) >= WORKER_BATCH:
                handed.append(pool.submit(_check_in_worker, queued))
                queued = []
        if pool is not None:
            if queued:
                handed.append(pool.submit(_check_in_worker, queued))
            for batch in handed:
                results.update(batch.result())
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    if pool is None:
        fast = len(pending) >= FAST_SCHEMA_FROM
        results.update((i, _check_and_store(raw, display_path(paths[i]), paths[i].stem, reference, today, cache,
                                            with_data, fast)) for i, raw in pending.items())
    return [results[i] for i in range(len(paths))]


def _cross_file_problems(checked: list[CheckedFile]) -> list[Problem]:
    by_code: dict[str, list[CheckedFile]] = defaultdict(list)
    for item in checked:
        if item.code is not None:
            by_code[item.code].append(item)
    found = []
    for code, items in sorted(by_code.items()):
        if len(items) < 2:
            continue
        for item in items:
            # a few names suffice to find the clash; listing all of them for
            # every file would grow with the square of the number of files
            names = [other.display for other in items if other is not item]
            others = ", ".join(names[:OTHERS_LISTED]) + (
                f" (+{len(names) - OTHERS_LISTED} berkas lain)" if len(names) > OTHERS_LISTED else "")
            found.append(problem(item.display, item.code_mark, "E-CODE-DUPLICATE", ("code",), value=code, other=others))
    return found


def check_files(paths: list[Path], reference: Reference | None = None, today: dt.date | None = None,
                cache: CheckCache | None = None, workers: int | None = 1, models: bool = True) -> LoadResult:
    """Check files and, with `models`, build the model of every valid one."""
    with cycle_collector_paused():
        return _check_files(paths, reference or load_reference(), today or as_of_date(), cache, workers, models)


def _check_files(paths: list[Path], reference: Reference, today: dt.date, cache: CheckCache | None,
                 workers: int | None, models: bool) -> LoadResult:
    checked = _check_all(paths, reference, today, cache, workers, with_data=models)
    problems = sorted([p for c in checked for p in c.problems] + _cross_file_problems(checked))
    bad_files = {p.file for p in problems}
    from smartcity.validation.to_model import region_from_data  # only for models: the validator starts faster

    regions = []
    for item in checked:
        if not models or item.data is None or item.display in bad_files:
            continue
        official = reference.regions_by_code[item.data["code"]]
        regions.append(region_from_data(item.data, item.display, official.province.code, reference.pillar_keys))
    return LoadResult(tuple(sorted(regions, key=lambda r: r.id)), tuple(problems),
                      tuple(c.display for c in checked))


def load_regions(directory: Path = REGIONS_DIR, include_drafts: bool = False,
                 only: str | None = None, as_of: dt.date | None = None) -> tuple[Region, ...]:
    """The regions to publish. Raises `InvalidData` when any file has a problem:
    no page is built from bad data."""
    if not directory.is_dir():
        raise DataUnavailable(f"folder data wilayah tidak ditemukan: {directory} (periksa SMARTCITY_REGIONS_DIR)")
    cache = CheckCache.from_environment()
    try:
        paths = region_files(directory)
    except OSError as error:
        raise DataUnavailable(f"folder data wilayah tidak dapat dibaca: {directory}: {error.strerror}") from None
    if only is not None and not any(p.stem == only for p in paths):
        known = sorted(p.stem for p in paths if FILE_NAME.match(p.name))
        close = difflib.get_close_matches(only, known, n=3)
        raise DataUnavailable(f"wilayah {only!r} tidak ada di {directory}"
                              + (f"; maksud Anda: {', '.join(close)}?" if close else f" ({len(known)} wilayah)"))
    if only is not None:
        # Preview of one region: every file is still checked (from the cache when
        # unchanged), but only the previewed region is modelled.
        checked = check_files(paths, today=as_of, cache=cache, workers=None, models=False)
        if checked.problems:
            raise InvalidData(list(checked.problems))
        paths = [p for p in paths if p.stem == only]
    result = check_files(paths, today=as_of, cache=cache, workers=None)
    if result.problems:
        raise InvalidData(list(result.problems))
    return tuple(r for r in result.regions if include_drafts or r.status == "published")
