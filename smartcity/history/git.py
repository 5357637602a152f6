"""Change history of region files from git: one `git log` for the whole folder.

Only hashes, dates and file names are read: no commit subject or author (the
site shows what changed in the data, not who wrote what), so no byte anyone
puts in a commit message can break the parsing of the log.

The history is the first-parent line of the checked-out branch (`--first-parent`,
merges compared with their first parent): what the published branch went through,
so a merge of an older branch never shows a change that did not happen on it.
Commit dates are the committer's claim: one outside the plausible range (before the
programme began in 2017, or after the "as of" date) is clamped to that range and
marked, never published as fact.

Without git or history (a download, a shallow CI clone, files outside the
repository) every region simply has no commits, and pages fall back to the
file's own `updated` date.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SEPARATOR = "\x1e"
EARLIEST = dt.datetime(2017, 1, 1, tzinfo=dt.UTC)   # the programme began in 2017


@dataclass(frozen=True)
class Commit:
    """A commit that changed a region file."""
    sha: str
    date: dt.datetime
    clamped: bool = False    # its own date was implausible: `date` is the bound it was moved to
    blob: str | None = None  # the file's content id at this commit (in a file's history); None: deleted

    @property
    def short(self) -> str:
        """The commit's short hash."""
        return self.sha[:8]


def commit_date(text: str, as_of: dt.date) -> tuple[dt.datetime, bool]:
    """A commit's date from git's ISO form, within [2017-01-01, end of the "as of" day];
    (the date, whether it was clamped). Unparseable dates (year 10000) are clamped too."""
    latest = dt.datetime.combine(as_of, dt.time(23, 59, 59), dt.UTC)
    try:
        date = dt.datetime.fromisoformat(text.strip())
        if date.tzinfo is None:
            date = date.replace(tzinfo=dt.UTC)
    except (ValueError, OverflowError):
        return latest, True
    if date < EARLIEST:
        return EARLIEST, True
    if date > latest:
        return latest, True
    return date, False


def file_histories(directory: Path, limit_per_file: int = 50,
                   as_of: dt.date | None = None) -> dict[str, tuple[Commit, ...]]:
    """Commits of the first-parent line that touched each file of `directory`, newest first,
    by file name; dates clamped to the plausible range as of `as_of` (default: today)."""
    as_of = as_of or dt.datetime.now(dt.UTC).date()
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=directory, capture_output=True,
                             text=True, timeout=20)
        if top.returncode != 0:
            return {}
        result = subprocess.run(
            ["git", "-c", "core.quotePath=true", "log", "--first-parent", "--diff-merges=first-parent",
             f"--format={SEPARATOR}%H %cI", "--raw", "--no-abbrev", "--no-renames", "--", "."],
            cwd=directory, capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    root = Path(top.stdout.strip())
    relative_dir = directory.resolve().relative_to(root.resolve()).as_posix() if \
        directory.resolve().is_relative_to(root.resolve()) else ""
    histories: dict[str, list[Commit]] = {}
    for block in result.stdout.decode("utf-8", "replace").split(SEPARATOR)[1:]:
        header, _, names = block.partition("\n")
        sha, _, date = header.partition(" ")
        date_, clamped = commit_date(date, as_of)
        for line in names.split("\n"):
            # ":100644 100644 <old blob> <new blob> M\t<path>": the blob ids come with the log,
            # so no version's content has to be looked up by path
            meta, _, name = line.partition("\t")
            fields = meta.split()
            if not name or len(fields) < 5:
                continue
            new_blob = fields[3] if fields[3].strip("0") else None
            commit = Commit(sha, date_, clamped, new_blob)
            if relative_dir and name.startswith(relative_dir + "/"):
                name = name[len(relative_dir) + 1:]
            if "/" in name:
                continue
            entries = histories.setdefault(name, [])
            if len(entries) < limit_per_file:
                entries.append(commit)
    return {name: tuple(commits) for name, commits in histories.items()}


def repository_prefix(directory: Path) -> str | None:
    """The folder's path inside its git repository ("data/regions/"), or None outside one."""
    try:
        result = subprocess.run(["git", "rev-parse", "--show-prefix"], cwd=directory, capture_output=True,
                                text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def is_shallow(directory: Path) -> bool:
    """True in a shallow clone: older commits are missing."""
    try:
        result = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=directory, capture_output=True,
                                text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return False
    return result.stdout.strip() == "true"


def _cat_file(directory: Path, mode: str, request: str) -> bytes | None:
    try:
        result = subprocess.run(["git", "cat-file", mode], cwd=directory, input=request.encode(),
                                capture_output=True, timeout=300)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def file_versions(directory: Path, names: list[str], histories: dict[str, tuple[Commit, ...]],
                  known: Callable[[str], bool] = lambda blob: False
                  ) -> dict[str, list[tuple[Commit, str | None, bytes | None]]]:
    """The blob id and content of each file at each of its commits (newest first); None where a
    version cannot be read (e.g. a deletion). Blob ids come with the log (`Commit.blob`);
    contents from one `git cat-file --batch`, only for blobs that `known` (the cache of compared
    items) lacks: a warm build reads no file content from git at all."""
    wanted = [(name, commit) for name in names for commit in histories.get(name, ())]
    if not wanted:
        return {}
    blobs = [commit.blob for _, commit in wanted]
    unknown = sorted({blob for blob in blobs if blob is not None and not known(blob)})
    contents: dict[str, bytes] = {}
    data = _cat_file(directory, "--batch", "".join(f"{blob}\n" for blob in unknown)) if unknown else b""
    position = 0
    for blob in unknown:
        end = (data or b"").find(b"\n", position)
        if data is None or end < 0:
            break
        header = data[position:end].split()
        position = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            contents[blob] = data[position:position + size]
            position += size + 1
    out: dict[str, list[tuple[Commit, str | None, bytes | None]]] = {}
    for (name, commit), blob_id in zip(wanted, blobs, strict=False):
        out.setdefault(name, []).append((commit, blob_id, contents.get(blob_id) if blob_id else None))
    return out
