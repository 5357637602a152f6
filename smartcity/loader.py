"""The one entry point to region data: read, check and model every region file.

The site build, the command-line validator and the tests all call
`check_files` / `load_regions`, so that they agree on what is valid.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from . import PROJECT_DIR
from .model import Region, region_from_data
from .problems import InvalidData, Problem, problem
from .reference import Reference, load_reference
from .rules import check_rules
from .schema import check_schema
from .yamlstrict import Document, parse

REGIONS_DIR = PROJECT_DIR / "data" / "regions"
MAX_FILE_BYTES = 2_000_000
FILE_NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\.yml\Z")


@dataclass(frozen=True)
class CheckedFile:
    path: Path
    display: str
    document: Document | None
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class LoadResult:
    regions: tuple[Region, ...]        # every valid region, sorted by id (drafts included)
    problems: tuple[Problem, ...]      # every problem of every file, sorted
    files: tuple[str, ...]             # every file looked at

    @property
    def ok(self) -> bool:
        return not self.problems


def display_path(path: Path) -> str:
    """The path as an editor sees it: relative to the project, else as given."""
    try:
        return Path(os.path.relpath(path.absolute(), PROJECT_DIR)).as_posix() if \
            path.absolute().is_relative_to(PROJECT_DIR) else path.as_posix()
    except ValueError:
        return path.as_posix()


def region_files(directory: Path) -> list[Path]:
    """Every entry of the regions folder that should be a region file (hidden ones excepted)."""
    return sorted(p for p in directory.iterdir() if not p.name.startswith(".") and not p.is_dir())


def check_file(path: Path, reference: Reference, today: dt.date) -> CheckedFile:
    display = display_path(path)

    def fail(code: str, **params: object) -> CheckedFile:
        return CheckedFile(path, display, None, (problem(display, (1, 1), code, **params),))

    if path.is_symlink():
        return fail("E-FILE-SYMLINK")
    if not FILE_NAME.match(path.name):
        return fail("E-FILE-NAME", name=path.name)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return fail("E-FILE-TOO-LARGE", size=size, limit=MAX_FILE_BYTES)
        raw = path.read_bytes()
    except OSError as error:
        return fail("E-FILE-READ", detail=error.strerror or str(error))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return CheckedFile(path, display, None,
                           (problem(display, (line, column), "E-ENCODING", offset=error.start),))
    text = text.removeprefix("\ufeff")  # a UTF-8 byte-order mark is harmless: drop it
    document, problems = parse(text, display)
    if document is None:
        return CheckedFile(path, display, None, tuple(problems))
    yaml_paths = [p.path for p in problems]
    schema_problems = [p for p in check_schema(document, display)
                       if not any(p.path[: len(y)] == y for y in yaml_paths)]
    rule_problems = check_rules(document, display, path.stem, reference, today)
    return CheckedFile(path, display, document, tuple(sorted(problems + schema_problems + rule_problems)))


def _cross_file_problems(checked: list[CheckedFile]) -> list[Problem]:
    by_code: dict[str, list[CheckedFile]] = defaultdict(list)
    for item in checked:
        if item.document is not None and isinstance(item.document.data.get("code"), str):
            by_code[item.document.data["code"]].append(item)
    found = []
    for code, items in sorted(by_code.items()):
        if len(items) < 2:
            continue
        for item in items:
            others = ", ".join(other.display for other in items if other is not item)
            found.append(problem(item.display, item.document.locate(("code",)), "E-CODE-DUPLICATE",
                                 ("code",), value=code, other=others))
    return found


def check_files(paths: list[Path], reference: Reference | None = None,
                today: dt.date | None = None) -> LoadResult:
    """Check files and build the model of every valid one."""
    reference = reference or load_reference()
    today = today or dt.date.today()
    checked = [check_file(path, reference, today) for path in paths]
    cross = _cross_file_problems(checked)
    problems = sorted([p for c in checked for p in c.problems] + cross)
    bad_files = {p.file for p in problems}
    regions = []
    for item in checked:
        if item.document is None or item.display in bad_files:
            continue
        official = reference.regions_by_code[item.document.data["code"]]
        regions.append(region_from_data(item.document.data, item.display, official.province.code,
                                        reference.pillar_keys))
    return LoadResult(tuple(sorted(regions, key=lambda r: r.id)), tuple(problems),
                      tuple(c.display for c in checked))


def load_regions(directory: Path = REGIONS_DIR, include_drafts: bool = False,
                 only: str | None = None) -> tuple[Region, ...]:
    """The regions to publish. Raises `InvalidData` when any file has a problem:
    no page is built from bad data."""
    result = check_files(region_files(directory))
    if result.problems:
        raise InvalidData(list(result.problems))
    regions = [r for r in result.regions if include_drafts or r.status == "published"]
    if only is not None:
        regions = [r for r in regions if r.id == only]
    return tuple(regions)
