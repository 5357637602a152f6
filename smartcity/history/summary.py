"""What a change to region files does to the site, between two revisions, in plain
Indonesian Markdown for reviewers of a pull request (scripts/changes.py; the pull-request
workflow writes it to the job summary). The same engine as the history pages
(history/diff.py); data text is escaped, so a title in a pull request cannot add links,
images or HTML to the summary."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from smartcity.history.diff import diff, version_items
from smartcity.validation.past import read_past_version


class RevisionError(ValueError):
    """A revision git does not know, or no git repository."""


@dataclass(frozen=True)
class FileChange:
    """One region file's change between the two revisions."""
    path: str
    name: str                  # the region's name (after, else before), or the file name
    kind: str                  # "added", "removed", "changed"
    lines: tuple[str, ...]     # what changes on the site, in Indonesian
    unreadable: bool = False   # the new version does not parse: the validator says why


def _git(repository: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=repository, capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError) as error:
        raise RevisionError(f"git tidak dapat dijalankan: {error}") from None


def _commit(repository: Path, revision: str) -> str:
    result = _git(repository, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if result.returncode != 0:
        raise RevisionError(f"revisi tidak dikenal: {revision}")
    return result.stdout.decode().strip()


def _show(repository: Path, commit: str, path: str) -> bytes | None:
    result = _git(repository, "cat-file", "blob", f"{commit}:{path}")
    return result.stdout if result.returncode == 0 else None


def _name(raw: bytes | None) -> str | None:
    data = read_past_version(raw) if raw is not None else None
    name = data.get("name") if isinstance(data, dict) else None
    return name if isinstance(name, str) else None


def changes_between(repository: Path, base: str, head: str, folder: str = "data/regions") -> list[FileChange]:
    """Every region file (`folder/*.yml`) changed from `base` to `head`, in path order."""
    base_commit, head_commit = _commit(repository, base), _commit(repository, head)
    listed = _git(repository, "diff", "--name-only", "--no-renames", "-z", base_commit, head_commit, "--", folder)
    if listed.returncode != 0:
        raise RevisionError(listed.stderr.decode(errors="replace").strip())
    paths = sorted(p for p in listed.stdout.decode(errors="replace").split("\0")
                   if p and PurePosixPath(p).suffix == ".yml" and str(PurePosixPath(p).parent) == folder.rstrip("/"))
    out = []
    for path in paths:
        before, after = _show(repository, base_commit, path), _show(repository, head_commit, path)
        name = _name(after) or _name(before) or PurePosixPath(path).name
        if after is None:
            out.append(FileChange(path, name, "removed", ("Berkas wilayah dihapus: wilayah ini hilang dari situs",)))
            continue
        new_items = version_items(after)
        if new_items is None:
            out.append(FileChange(path, name, "added" if before is None else "changed", (), unreadable=True))
            continue
        if before is None:
            counts = {kind: len(items) for kind, items in new_items.items()}
            out.append(FileChange(path, name, "added", (
                f"Wilayah baru: {counts['program']} program, {counts['quick_win']} quick win, "
                f"{counts['evaluation']} putaran evaluasi",)))
            continue
        old_items = version_items(before)
        lines = diff(old_items, new_items) if old_items is not None else ()
        out.append(FileChange(path, name, "changed", lines or (
            "Tidak ada perubahan status, anggaran, nilai terukur atau evaluasi; teks atau kolom lain berubah "
            "(lihat diff berkas)",)))
    return out


_INLINE = re.compile(r"([\\`*_\[\]|~!])")        # markup anywhere in a line
_LEADING = re.compile(r"^([#+\->=]|\d+[.)])")       # markup at its start (a heading, a list, a quote)


def escape(text: str) -> str:
    """Data text as literal Markdown: no markup, no HTML, no line breaks."""
    text = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;")
    return _LEADING.sub(r"\\\1", _INLINE.sub(r"\\\1", text))


def markdown(changes: list[FileChange], base: str, head: str) -> str:
    """The summary for the pull request's reviewers."""
    out = [f"## Perubahan data wilayah ({escape(base)} → {escape(head)})", ""]
    if not changes:
        return "\n".join(out + ["Tidak ada berkas wilayah yang berubah.", ""])
    out.append(f"{len(changes)} berkas wilayah berubah. Yang berubah di situs:")
    out.append("")
    for change in changes:
        out.append(f"### {escape(change.name)} (`{change.path.replace('`', '')}`)")
        out.append("")
        if change.unreadable:
            out.append("- **Berkas ini tidak dapat dibaca**: lihat anotasi validasi pada pull request.")
        out += [f"- {escape(line)}" for line in change.lines]
        out.append("")
    return "\n".join(out)
