"""The corpus of region files under tests/cases/: each folder is one case, its
`.expected` lists the problems (file, line, code, field path) the validator
must report, no more and no fewer. Cases are discovered automatically."""

from __future__ import annotations

import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import PYTHON, run

from smartcity.validation.loader import check_files, region_files

CASES = Path(__file__).resolve().parent / "cases"
CASE_DIRS = sorted(p.parent for p in CASES.glob("*/*/.expected"))


def expected_problems(case: Path) -> list[tuple[str, int, str, str]]:
    rows = []
    for line in (case / ".expected").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            file, number, code, path = line.split("\t")
            rows.append((file, int(number), code, path))
    return rows


def reported(case: Path) -> list[tuple[str, int, str, str]]:
    result = check_files(region_files(case))
    return sorted((Path(p.file).name, p.line, p.code, p.field_path) for p in result.problems)


def test_corpus_is_large_enough() -> None:
    bad = [c for c in CASE_DIRS if expected_problems(c)]
    assert len(CASE_DIRS) >= 150 and len(bad) >= 120, (len(CASE_DIRS), len(bad))
    # every class of hostile input has its own cases (issue 15)
    by_category = {name: sum(1 for c in CASE_DIRS if c.parent.name == name)
                   for name in ("numbers", "characters", "locations", "bounds")}
    assert min(by_category.values()) >= 10, by_category


@pytest.mark.parametrize("case", CASE_DIRS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_case_reports_exactly_the_expected_problems(case: Path) -> None:
    started = time.monotonic()
    assert reported(case) == sorted(expected_problems(case))
    # a hang bound, not a speed target: the slowest case takes well under a second
    assert time.monotonic() - started < 10


def _cli(case: Path) -> tuple[Path, subprocess.CompletedProcess[str]]:
    return case, run([PYTHON, "scripts/validate.py", str(case)], timeout=60)


@pytest.mark.parametrize("category", sorted({c.parent.name for c in CASE_DIRS} - {"valid"}))
def test_cli_exits_1_without_traceback(category: str) -> None:
    """The command-line validator on every case of a category: exit 1 per invalid
    case (0 for the traps that are valid YAML 1.2), one `file:line:col: CODE path:
    message` line per problem, no traceback, no signal. (Two at a time: each is
    its own process.)"""
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(_cli, [c for c in CASE_DIRS if c.parent.name == category]))
    for case, result in results:
        assert result.returncode == (1 if expected_problems(case) else 0), (case, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr + result.stdout
        lines = result.stdout.splitlines()
        assert len(lines) == len(expected_problems(case)), (case, lines)
        for line in lines:
            location, _, rest = line.partition(": ")
            file, number, column = location.rsplit(":", 2)
            assert file.endswith(tuple(e[0] for e in expected_problems(case))) and number.isdigit() and column.isdigit()
            assert rest.split(" ")[0].startswith("E-")


def test_valid_cases_exit_0() -> None:
    for case in (c for c in CASE_DIRS if c.parent.name == "valid"):
        result = run([PYTHON, "scripts/validate.py", str(case)], timeout=60)
        assert result.returncode == 0, (case, result.stdout, result.stderr)
