"""`python scripts/validate.py [FILE|FOLDER …]`: check region files, report every problem.

Exit status: 0 when every file is valid, 1 when any is not, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import NoReturn

from smartcity.asof import as_of_date
from smartcity.settings import SettingError
from smartcity.validation.cache import CheckCache
from smartcity.validation.loader import REGIONS_DIR, check_files, region_files
from smartcity.validation.problems import Problem, printable


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(p: Problem, lang: str) -> str:
    """A GitHub Actions workflow command: shows the error on the pull request's line."""
    title = _escape_property(f"{p.code} {p.field_path}")
    return (f"::error file={_escape_property(printable(p.file))},line={p.line},col={p.column},title={title}::"
            f"{_escape_data(p.message(lang))}")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own exit code 2, in our words
        self.print_usage(sys.stderr)
        print(f"validate.py: {message}", file=sys.stderr)
        sys.exit(2)


def main(argv: list[str] | None = None) -> int:
    """Check region files and print every problem; the exit code says whether all are valid."""
    parser = _Parser(prog="validate.py", description="Periksa berkas wilayah (data/regions/*.yml).")
    parser.add_argument("paths", nargs="*", type=Path, help="berkas atau folder; bawaan: data/regions/")
    parser.add_argument("--format", choices=("text", "json", "github"), default="text")
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    args = parser.parse_args(argv)

    files: list[Path] = []
    for path in args.paths or [REGIONS_DIR]:
        if path.is_dir():
            files.extend(region_files(path))
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            print(f"validate.py: berkas tidak ditemukan: {path}", file=sys.stderr)
            return 2
    try:
        today = as_of_date()
    except SettingError as error:
        print(f"validate.py: {error}", file=sys.stderr)
        return 2
    result = check_files(files, today=today, cache=CheckCache.from_environment(), workers=None, models=False)
    problems = result.problems
    if args.format == "json":
        json.dump({"files": list(result.files), "valid": result.ok,
                   "problems": [p.as_dict(args.lang) for p in problems]}, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for p in problems:
            print(format_github(p, args.lang) if args.format == "github" else p.format(args.lang))
        bad = len({p.file for p in problems})
        if args.lang == "en":
            summary = f"{len(result.files)} file(s) checked, {bad} invalid, {len(problems)} problem(s)"
        else:
            summary = f"{len(result.files)} berkas diperiksa, {bad} tidak sah, {len(problems)} masalah"
        print(summary, file=sys.stderr)
    return 0 if result.ok else 1


def run() -> None:
    """The console script: `main` with the process's arguments and exit code."""
    try:
        code = main()
    except KeyboardInterrupt:
        code = 130
    sys.exit(code)
