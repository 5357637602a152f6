"""Problems found in region files: data, not exceptions.

A problem has a stable code, the file, the position (1-based line and column),
the field path and the parameters of its message. The message text itself
comes from the catalogue in `messages.py`, in Indonesian or English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from smartcity.text import INVISIBLE_CONTROLS, LINE_BREAKS_AND_TAB
from smartcity.validation.messages import render_message

Path_ = tuple[str | int, ...]


# What a terminal, a log or a pull-request annotation must not receive raw from
# a file: line breaks (a forged second "file:line:col" line), escape codes,
# other controls, and the bidirectional controls that reorder what is shown.
_UNPRINTABLE = re.compile(f"[{INVISIBLE_CONTROLS}{LINE_BREAKS_AND_TAB}]")
_SHORT_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def printable(text: str) -> str:
    """The text with every control character written as an escape (\\n, \\x1b, \\u202e)."""
    def escape(found: re.Match[str]) -> str:
        char = found.group()
        if char in _SHORT_ESCAPES:
            return _SHORT_ESCAPES[char]
        return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    return _UNPRINTABLE.sub(escape, text)


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
        """The field path as an editor writes it: pillars.governance.goals[0]
        (control characters from the file escaped)."""
        return printable(format_path(self.path))

    def message(self, lang: str = "id") -> str:
        """The message in Indonesian or English (control characters from the file escaped)."""
        return printable(render_message(self.code, dict(self.params), lang))

    def format(self, lang: str = "id") -> str:
        """One line: file:line:column: CODE field.path: message."""
        return f"{printable(self.file)}:{self.line}:{self.column}: {self.code} {self.field_path}: {self.message(lang)}"

    def as_dict(self, lang: str = "id") -> dict[str, Any]:
        """The problem as JSON data."""
        return {"file": printable(self.file), "line": self.line, "column": self.column, "code": self.code,
                "path": self.field_path, "message": self.message(lang)}


def problem(file: str, mark: tuple[int, int], code: str, path: Path_ = (), **params: Any) -> Problem:
    """Build a problem; `mark` is a 1-based (line, column)."""
    return Problem(file, mark[0], mark[1], code, tuple(path), tuple(sorted(params.items())))


class InvalidData(Exception):
    """Raised by the loading entry point when any region file has problems."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} masalah pada data wilayah")
        self.problems = problems


class DataUnavailable(Exception):
    """Raised when the region data cannot be read at all (no folder, an unknown
    region asked for): the message is one line an editor can act on."""
