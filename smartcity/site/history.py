"""Change history of region files from git: one `git log` for the whole folder.

Only hashes, dates and file names are read: no commit subject or author (the
site shows what changed in the data, not who wrote what), so no byte anyone
puts in a commit message can break the parsing of the log.

Without git or history (a download, a shallow CI clone, files outside the
repository) every region simply has no commits, and pages fall back to the
file's own `updated` date.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

SEPARATOR = "\x1e"


@dataclass(frozen=True)
class Commit:
    """A commit that changed a region file."""
    sha: str
    date: dt.datetime

    @property
    def short(self) -> str:
        """The commit's short hash."""
        return self.sha[:8]


def file_histories(directory: Path, limit_per_file: int = 50) -> dict[str, tuple[Commit, ...]]:
    """Commits that touched each file of `directory`, newest first, by file name."""
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=directory, capture_output=True,
                             text=True, timeout=20)
        if top.returncode != 0:
            return {}
        result = subprocess.run(
            ["git", "-c", "core.quotePath=true", "log", f"--format={SEPARATOR}%H %cI", "--name-only",
             "--no-renames", "--", "."], cwd=directory, capture_output=True, timeout=120)
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
        commit = Commit(sha, dt.datetime.fromisoformat(date))
        for name in names.split("\n"):
            name = name.strip()
            if not name:
                continue
            if relative_dir and name.startswith(relative_dir + "/"):
                name = name[len(relative_dir) + 1:]
            if "/" in name:
                continue
            entries = histories.setdefault(name, [])
            if len(entries) < limit_per_file:
                entries.append(commit)
    return {name: tuple(commits) for name, commits in histories.items()}


def is_shallow(directory: Path) -> bool:
    """True in a shallow clone: older commits are missing."""
    try:
        result = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=directory, capture_output=True,
                                text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return False
    return result.stdout.strip() == "true"


def file_versions(directory: Path, names: list[str], histories: dict[str, tuple[Commit, ...]]
                  ) -> dict[str, list[tuple[Commit, str | None, bytes | None]]]:
    """The blob id and content of each file at each of its commits (newest first), read by
    one `git cat-file --batch`; None where a version cannot be read (e.g. a deletion)."""
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=directory, capture_output=True,
                             text=True, timeout=20)
        if top.returncode != 0:
            return {}
        root = Path(top.stdout.strip()).resolve()
        prefix = directory.resolve().relative_to(root).as_posix()
    except (OSError, subprocess.SubprocessError, ValueError):
        return {}
    wanted = [(name, commit) for name in names for commit in histories.get(name, ())]
    if not wanted:
        return {}
    request = "".join(f"{commit.sha}:{prefix + '/' if prefix != '.' else ''}{name}\n" for name, commit in wanted)
    try:
        result = subprocess.run(["git", "cat-file", "--batch"], cwd=directory, input=request.encode(),
                                capture_output=True, timeout=300)
    except (OSError, subprocess.SubprocessError):
        return {}
    out: dict[str, list[tuple[Commit, str | None, bytes | None]]] = {}
    data, position = result.stdout, 0
    for name, commit in wanted:
        end = data.find(b"\n", position)
        if end < 0:
            break
        header = data[position:end].split()
        position = end + 1
        content: bytes | None = None
        blob: str | None = None
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            blob = header[0].decode()
            content = data[position:position + size]
            position += size + 1
        out.setdefault(name, []).append((commit, blob, content))
    return out
