"""Strict YAML reading: YAML 1.2 core-schema scalars, no surprises, positions kept.

PyYAML resolves plain scalars by YAML 1.1 (`no` → False, `0755` → 493,
`1:20` → 80, dates → datetime) and silently keeps the last of duplicate keys.
Here libyaml (when present) only parses; `yamlcompose` builds the node tree
with every limit checked, and values are built
from it by YAML 1.2 core-schema rules, duplicate keys, aliases, merge keys and
tags are errors, and the node tree stays available to locate any field path.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from smartcity.text import is_suspect_text
from smartcity.validation.problems import Path_, Problem, problem
from smartcity.validation.yamlcompose import (
    DROPPED,
    MAP_TAG,
    MAX_DEPTH,
    MAX_ENTRIES,
    PLAIN,
    SEQ_TAG,
    STR_TAG,
    Composer,
    MultipleDocuments,
    Parser,
    fast_compose,
    flow_depth_problem,
    forbidden_characters,
    mark_of,
)

# Large but finite figures are real (a province's GRDP is ~Rp 1.600 triliun = 1,6e15): numbers
# are accepted up to 18 digits and below 10^18 (whole numbers stay exact and fit the 64-bit
# integers of data tools); longer ones, or ones that would vanish to 0 or infinity, are refused.
MAX_DIGITS = 18          # digits of a whole number
MAX_NUMBER = 10.0 ** 18  # magnitude of any number
MAX_NUMBER_TEXT = 32     # characters of a written number, exponent included
MAX_FLOAT_DIGITS = 17    # digits a decimal number keeps exactly
MAX_EXPONENT = 18        # of a number written as 1.5e9

UNUSABLE_NUMBER = object()

_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(nan|NaN|NAN)\Z")


def resolve_plain(text: str) -> Any:
    """Resolve an untagged plain scalar by the YAML 1.2 core schema. A number
    too long, too large or not finite resolves to `UNUSABLE_NUMBER`: its digits
    are counted before any conversion, so no input makes the conversion slow."""
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if _INT.match(text):
        return _bounded(int(text)) if len(text.lstrip("+-")) <= MAX_DIGITS else UNUSABLE_NUMBER
    if _OCT.match(text):
        return _bounded(int(text[2:], 8)) if len(text) <= MAX_DIGITS + 4 else UNUSABLE_NUMBER
    if _HEX.match(text):
        return _bounded(int(text[2:], 16)) if len(text) <= MAX_DIGITS else UNUSABLE_NUMBER
    found = _FLOAT.match(text)
    if found:
        mantissa, _, exponent = text.lower().partition("e")
        if len(text) > MAX_NUMBER_TEXT or sum(c.isdigit() for c in mantissa) > MAX_FLOAT_DIGITS \
                or (exponent and abs(int(exponent)) > MAX_EXPONENT):
            return UNUSABLE_NUMBER  # it would be rounded, or vanish to 0 or infinity, without a word
        return _bounded(float(text))
    if _INF.match(text) or _NAN.match(text):
        return UNUSABLE_NUMBER
    return text


def _bounded(value: float) -> Any:
    return value if math.isfinite(value) and abs(value) < MAX_NUMBER else UNUSABLE_NUMBER


class Unlocated(Exception):
    """A position was asked of a document read without positions (see yamlfast)."""


@dataclass
class Document:
    """A parsed file: plain Python data plus the node tree for positions (None when
    the file was read without them, by yamlfast: `locate` then raises `Unlocated`)."""

    data: Any
    root: Node | None
    float_texts: dict[Path_, str] = field(default_factory=dict)  # how each non-integer number was written
    # texts the character and formula rules must look at (see `is_suspect_text`); the rest are plain
    suspect_texts: list[tuple[Path_, str]] = field(default_factory=list)
    # every reference to a source, when the reader collected them (`RuleContext.source_refs`)
    source_refs: list[tuple[Path_, Any]] | None = None
    _keys: dict[int, dict[str, tuple[Node, Node]]] = field(default_factory=dict, repr=False)

    def locate(self, path: Path_, key: bool = False) -> tuple[int, int]:
        """1-based position of the value at `path` (of its key if `key`), or of the
        nearest existing ancestor when the path does not exist. Each mapping's keys
        are indexed once, so locating many problems stays linear."""
        if self.root is None:
            raise Unlocated(path)
        node: Node = self.root
        key_node: Node | None = None
        for part in path:
            if isinstance(node, MappingNode) and isinstance(part, str):
                found = self._mapping_keys(node).get(part)
                if found is None:
                    return mark_of(node)
                key_node, node = found
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                key_node, node = None, node.value[part]
            else:
                return mark_of(node)
        if key and key_node is not None:
            return mark_of(key_node)
        return mark_of(node)

    def _mapping_keys(self, node: MappingNode) -> dict[str, tuple[Node, Node]]:
        keys = self._keys.get(id(node))
        if keys is None:
            keys = {}
            for k, v in node.value:
                if isinstance(k, ScalarNode):
                    keys.setdefault(k.value, (k, v))
            self._keys[id(node)] = keys
        return keys


class _NeedsEventComposer(Exception):
    """The tree from libyaml's composer holds an alias, nesting past MAX_DEPTH or
    more than MAX_ENTRIES entries: the file is read again by `Composer`, which
    reports each with its own position."""


class _Builder:
    """Builds Python values from nodes, collecting every problem. The recursion
    is bounded: by `Composer`, or here (`guarded`) for libyaml's tree."""

    def __init__(self, file: str, guarded: bool = False, aliases_possible: bool = True) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.float_texts: dict[Path_, str] = {}
        self.suspect_texts: list[tuple[Path_, str]] = []
        self.guarded = guarded
        self.track = guarded and aliases_possible  # an alias needs a `*` in the text
        self.seen: set[int] = set()

    def build(self, node: Node, path: Path_, depth: int = 0) -> Any:
        if self.track:
            if id(node) in self.seen:  # reached twice: an alias
                raise _NeedsEventComposer
            self.seen.add(id(node))
        if isinstance(node, ScalarNode):
            if node.tag == DROPPED:
                return None
            if node.tag == PLAIN:
                value = resolve_plain(node.value)
                if value is UNUSABLE_NUMBER:
                    self.problems.append(problem(self.file, mark_of(node), "E-YAML-NUMBER", path,
                                                 value=node.value[:40] + ("…" if len(node.value) > 40 else ""),
                                                 digits=MAX_DIGITS))
                    return None
                if isinstance(value, float):
                    self.float_texts[path] = node.value
                elif isinstance(value, str) and is_suspect_text(value):
                    self.suspect_texts.append((path, value))
                return value
            if node.tag != STR_TAG:
                self.problems.append(problem(self.file, mark_of(node), "E-YAML-TAG", path, tag=node.tag))
                return None
            if is_suspect_text(node.value):
                self.suspect_texts.append((path, node.value))
            return node.value
        if self.guarded and node.value and (depth >= MAX_DEPTH or len(node.value) > MAX_ENTRIES):
            raise _NeedsEventComposer  # children past MAX_DEPTH, or too many of them
        if node.tag not in (SEQ_TAG, MAP_TAG):
            self.problems.append(problem(self.file, mark_of(node), "E-YAML-TAG", path, tag=node.tag))
            return None
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if self.track:
                if id(key_node) in self.seen:
                    raise _NeedsEventComposer
                self.seen.add(id(key_node))
            if isinstance(key_node, ScalarNode) and key_node.tag == DROPPED:
                continue  # reported where it was dropped
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
    text, character_problems = forbidden_characters(text, file)
    too_deep = flow_depth_problem(text, file)
    if too_deep is not None:
        return None, character_problems + [too_deep]
    root = fast_compose(text)
    if isinstance(root, MappingNode):
        builder = _Builder(file, guarded=True, aliases_possible="*" in text)
        try:
            data = builder.build(root, ())
        except _NeedsEventComposer:
            pass
        else:
            document = Document(data, root, builder.float_texts, builder.suspect_texts)
            return document, sorted(character_problems + builder.problems)
    composer = Composer(file)
    parser = Parser(text)
    try:
        root = composer.compose(parser)
    except MultipleDocuments as error:
        return None, character_problems + [problem(file, error.mark, "E-YAML-MULTI-DOC")]
    except yaml.YAMLError as error:
        return None, character_problems + [_syntax_problem(file, error, text)]
    finally:
        parser.dispose()
    if root is None:
        return None, character_problems + [problem(file, (1, 1), "E-YAML-EMPTY")]
    if not isinstance(root, MappingNode):
        is_list = isinstance(root, SequenceNode)
        return None, character_problems + [problem(file, mark_of(root), "E-YAML-ROOT",
                                                   actual="daftar (list)" if is_list else "satu nilai",
                                                   actual_en="a list" if is_list else "a single value")]
    # Problems inside the tree (duplicate keys, aliases, tags) do not stop the
    # build of the rest, so that schema and meaning checks still report in the
    # same run; the offending value is dropped (duplicate) or left empty.
    builder = _Builder(file)
    data = builder.build(root, ())
    return (Document(data, root, builder.float_texts, builder.suspect_texts),
            sorted(character_problems + composer.problems + builder.problems))
