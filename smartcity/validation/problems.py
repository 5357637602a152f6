"""Problems found in region files: data, not exceptions.

A problem has a stable code, the file, the position (1-based line and column),
the field path and the parameters of its message. The message text itself
comes from the catalogue in `messages.py`, in Indonesian or English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from smartcity.validation.messages import render_message

Path_ = tuple[str | int, ...]


def format_path(path: Path_) -> str:
    """`('pillars', 'governance', 'strategies', 0, 'id')` → `pillars.governance.strategies[0].id`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out or "(berkas)"


@dataclass(frozen=True, order=True)
class Problem:
    """A problem found in a region file: code, file, position, field path and parameters."""
    file: str
    line: int
    column: int
    code: str
    path: Path_ = ()
    params: tuple[tuple[str, Any], ...] = field(default=(), compare=False)

    @property
    def field_path(self) -> str:
        """The field path as an editor writes it: pillars.governance.goals[0]."""
        return format_path(self.path)

    def message(self, lang: str = "id") -> str:
        """The message in Indonesian or English."""
        return render_message(self.code, dict(self.params), lang)

    def format(self, lang: str = "id") -> str:
        """One line: file:line:column: CODE field.path: message."""
        return f"{self.file}:{self.line}:{self.column}: {self.code} {self.field_path}: {self.message(lang)}"

    def as_dict(self, lang: str = "id") -> dict[str, Any]:
        """The problem as JSON data."""
        return {"file": self.file, "line": self.line, "column": self.column, "code": self.code,
                "path": self.field_path, "message": self.message(lang)}


def problem(file: str, mark: tuple[int, int], code: str, path: Path_ = (), **params: Any) -> Problem:
    """Build a problem; `mark` is a 1-based (line, column)."""
    return Problem(file, mark[0], mark[1], code, tuple(path), tuple(sorted(params.items())))


class InvalidData(Exception):
    """Raised by the loading entry point when any region file has problems."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} masalah pada data wilayah")
        self.problems = problems
