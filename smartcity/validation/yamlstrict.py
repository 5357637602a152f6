"""Strict YAML reading: YAML 1.2 core-schema scalars, no surprises, positions kept.

PyYAML resolves plain scalars by YAML 1.1 (`no` → False, `0755` → 493,
`1:20` → 80, dates → datetime) and silently keeps the last of duplicate keys.
Here libyaml (when present) only *composes* the node tree; values are built
from it by YAML 1.2 core-schema rules, duplicate keys, aliases, merge keys and
tags are errors, and the node tree stays available to locate any field path.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from smartcity.validation.problems import Path_, Problem, problem

try:  # libyaml is ~8x faster; the pure-Python parser gives the same events
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml.composer import Composer
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, _PyParser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            _PyParser.__init__(self)
            Composer.__init__(self)

PLAIN = "!plain"  # internal tag: an untagged plain scalar, resolved by YAML 1.2 rules
STR_TAG = "tag:yaml.org,2002:str"
SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"
MAX_DEPTH = 40

_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(nan|NaN|NAN)\Z")


class _Composer(_Parser, BaseResolver):
    """Composes nodes without PyYAML's YAML 1.1 implicit typing."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        BaseResolver.__init__(self)

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is ScalarNode and implicit[0]:
            return PLAIN
        return BaseResolver.resolve(self, kind, value, implicit)


def resolve_plain(text: str) -> Any:
    """Resolve an untagged plain scalar by the YAML 1.2 core schema."""
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if _INT.match(text):
        return int(text)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.match(text):
        return math.nan
    return text


def mark_of(node: Node) -> tuple[int, int]:
    """The (line, column) of a YAML node."""
    return node.start_mark.line + 1, node.start_mark.column + 1


@dataclass
class Document:
    """A parsed file: plain Python data plus the node tree for positions."""

    data: Any
    root: Node

    def locate(self, path: Path_, key: bool = False) -> tuple[int, int]:
        """1-based position of the value at `path` (of its key if `key`), or of the
        nearest existing ancestor when the path does not exist."""
        node: Node = self.root
        key_node: Node | None = None
        for part in path:
            if isinstance(node, MappingNode) and isinstance(part, str):
                for k, v in node.value:
                    if isinstance(k, ScalarNode) and k.value == part:
                        key_node, node = k, v
                        break
                else:
                    return mark_of(node)
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                key_node, node = None, node.value[part]
            else:
                return mark_of(node)
        if key and key_node is not None:
            return mark_of(key_node)
        return mark_of(node)


class _Builder:
    """Builds Python values from nodes, collecting every problem."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.first_alias_path: Path_ | None = None

    def build(self, node: Node, path: Path_, depth: int = 0) -> Any:
        if id(node) in self.seen:  # the same node reached twice: an alias (or a cycle)
            if self.first_alias_path is None:
                self.first_alias_path = path
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.problems.append(problem(self.file, mark_of(node), "E-YAML-TOO-DEEP", path, limit=MAX_DEPTH))
            return None
        if isinstance(node, ScalarNode):
            if node.tag == PLAIN:
                value = resolve_plain(node.value)
                if isinstance(value, float) and not math.isfinite(value):
                    self.problems.append(problem(self.file, mark_of(node), "E-YAML-NUMBER", path, value=node.value))
                    return None
                return value
            if node.tag != STR_TAG:
                self.problems.append(problem(self.file, mark_of(node), "E-YAML-TAG", path, tag=node.tag))
                return None
            return node.value
        if node.tag not in (SEQ_TAG, MAP_TAG):
            self.problems.append(problem(self.file, mark_of(node), "E-YAML-TAG", path, tag=node.tag))
            return None
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag not in (PLAIN, STR_TAG):
                self.problems.append(problem(self.file, mark_of(key_node), "E-YAML-KEY", path))
                continue
            key = key_node.value
            if key == "<<" and key_node.tag == PLAIN:
                self.problems.append(problem(self.file, mark_of(key_node), "E-YAML-MERGE", path))
                continue
            if key in first_line:
                self.problems.append(problem(self.file, mark_of(key_node), "E-YAML-DUPLICATE-KEY",
                                             path + (key,), key=key, first_line=first_line[key]))
                continue
            first_line[key] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, path + (key,), depth + 1)
        return result


def _syntax_problem(file: str, error: yaml.YAMLError, text: str) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    detail = " ".join(str(getattr(error, "problem", None) or error).split())
    context = getattr(error, "context", None)
    if context:
        detail = f"{detail} ({' '.join(context.split())})"
    lines = text.splitlines()
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in current[: max(column, 1)] or "'\\t'" in detail:
        return problem(file, (line, column), "E-YAML-TAB")
    return problem(file, (line, column), "E-YAML-SYNTAX", detail=detail)


def parse(text: str, file: str) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML document strictly. Returns the document, or None and the problems."""
    loader = _Composer(text)
    try:
        root = loader.get_single_node()
    except yaml.composer.ComposerError as error:
        if "expected a single document" in str(error):
            mark = error.problem_mark
            where = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
            return None, [problem(file, where, "E-YAML-MULTI-DOC")]
        return None, [_syntax_problem(file, error, text)]
    except yaml.YAMLError as error:
        return None, [_syntax_problem(file, error, text)]
    finally:
        loader.dispose()
    if root is None:
        return None, [problem(file, (1, 1), "E-YAML-EMPTY")]
    if not isinstance(root, MappingNode):
        is_list = isinstance(root, SequenceNode)
        return None, [problem(file, mark_of(root), "E-YAML-ROOT",
                              actual="daftar (list)" if is_list else "satu nilai",
                              actual_en="a list" if is_list else "a single value")]
    # Problems inside the tree (duplicate keys, aliases, tags) do not stop the
    # build of the rest, so that schema and meaning checks still report in the
    # same run; the offending value is dropped (duplicate) or left empty.
    builder = _Builder(file)
    data = builder.build(root, ())
    if builder.first_alias_path is not None:
        builder.problems.append(problem(file, _first_alias_mark(text), "E-YAML-ALIAS", builder.first_alias_path))
    return Document(data, root), sorted(builder.problems)


def _first_alias_mark(text: str) -> tuple[int, int]:
    """Position of the first alias. Nodes reached through an alias carry their
    anchor's position, so the event stream is read again; this happens only for
    files that use aliases, which are refused anyway."""
    parser = _Composer(text)
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
                return event.start_mark.line + 1, event.start_mark.column + 1
    finally:
        parser.dispose()
    return 1, 1
