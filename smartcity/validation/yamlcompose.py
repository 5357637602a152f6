"""From text to a YAML node tree, with every limit checked before the work it bounds.

Raw characters that YAML refuses or counts as line breaks are found first and
reported at their exact position; the events of libyaml's parser are then
composed into nodes with an explicit stack (libyaml's own composer recurses in
C, and a deeply nested file crashed the process). Aliases, too-deep nesting and
overlong collections are reported with the position of their own event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from smartcity.text import INVISIBLE_CONTROLS, NONCHARACTERS
from smartcity.validation.problems import Path_, Problem, problem

try:  # libyaml is ~8x faster; the pure-Python parser gives the same events
    from yaml._yaml import CParser as Parser
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class Parser(Reader, Scanner, _PyParser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            _PyParser.__init__(self)

        def dispose(self) -> None:
            pass

PLAIN = "!plain"  # internal tag: an untagged plain scalar, resolved by YAML 1.2 rules
STR_TAG = "tag:yaml.org,2002:str"
SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"
MAX_DEPTH = 40           # levels of nesting below the top mapping
MAX_ENTRIES = 10_000     # items of one list or keys of one mapping
FLOW_DEPTH_GUARD = 1_000  # brackets open at once: beyond this libyaml's work grows with the square
MAX_REPORTED_CHARACTERS = 20  # forbidden characters reported per file; the rest are summed up

DROPPED = "!dropped"     # internal tag: a node left out after its problem was reported

# Characters that may not appear raw in a region file. YAML refuses most of
# them itself but reports them at 1:1; YAML counts NEL, U+2028, U+2029 and a lone
# CR as line breaks while editors and this project's positions do not; the
# bidirectional controls can make text read differently from what it holds.
# Each is reported at its exact position and read as a space, so that the rest
# of the file is still checked with correct positions.
_FORBIDDEN_CHARACTERS = INVISIBLE_CONTROLS + NONCHARACTERS
FORBIDDEN_RAW = re.compile(f"[{_FORBIDDEN_CHARACTERS}]|\r(?!\n)")
_FORBIDDEN_CLASS = re.compile(f"[{_FORBIDDEN_CHARACTERS}]")  # a plain class is searched ~3x faster


def position(text: str, at: int) -> tuple[int, int]:
    """The 1-based (line, column) of a character offset, lines counted by LF."""
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def mark_of(node: Node) -> tuple[int, int]:
    """The (line, column) of a YAML node."""
    return node.start_mark.line + 1, node.start_mark.column + 1


@dataclass
class _Frame:
    """A collection being composed: its node, its path and, in a mapping, the key
    waiting for its value."""
    node: SequenceNode | MappingNode
    path: Path_
    key: Node | None = None
    full: bool = False       # MAX_ENTRIES reached: later entries are skipped
    too_deep: bool = False   # an entry was past MAX_DEPTH: reported once, the rest skipped


class Composer:
    """Builds the node tree from the parser's events with an explicit stack, so
    that no input, however deeply nested, can exhaust the C stack (libyaml's
    own composer recurses), and every limit is checked before the work it bounds.

    Aliases and tags other than the standard ones are reported here with the
    position of their own event; the offending node is replaced by a DROPPED
    placeholder so that the rest of the file is still checked."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.alias_seen = False

    def _child_path(self, stack: list[_Frame]) -> Path_:
        if not stack:
            return ()
        frame = stack[-1]
        if isinstance(frame.node, SequenceNode):
            return frame.path + (len(frame.node.value),)
        if frame.key is None:  # the node is a key: its problems belong to the mapping
            return frame.path
        key = frame.key.value if isinstance(frame.key, ScalarNode) and frame.key.tag != DROPPED else "?"
        return frame.path + (key,)

    def _attach(self, stack: list[_Frame], node: Node) -> Node | None:
        """Attach a finished node to its parent; returns it when it is the root."""
        if not stack:
            return node
        frame = stack[-1]
        entries = frame.node.value
        if isinstance(frame.node, MappingNode) and frame.key is None:
            frame.key = node
            return None
        if frame.full or len(entries) >= MAX_ENTRIES:
            if not frame.full:
                frame.full = True
                where = frame.key if frame.key is not None else node
                self.problems.append(problem(self.file, mark_of(where), "E-YAML-TOO-MANY", frame.path,
                                             limit=MAX_ENTRIES))
            frame.key = None
            return None
        if isinstance(frame.node, SequenceNode):
            entries.append(node)
        else:
            entries.append((frame.key, node))
            frame.key = None
        return None

    def compose(self, parser: Any) -> Node | None:
        """The single document's root node (None for an empty stream)."""
        parser.get_event()  # stream start
        if parser.check_event(yaml.StreamEndEvent):
            return None
        parser.get_event()  # document start
        root: Node | None = None
        stack: list[_Frame] = []
        skipping = 0  # depth inside a dropped (too deep or overflowing) collection
        while True:
            event = parser.get_event()
            start: Any = event.start_mark  # libyaml's marks are typed apart from PyYAML's
            end: Any = event.end_mark
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                if skipping:
                    skipping -= 1
                    continue
                frame = stack.pop()
                frame.node.end_mark = event.end_mark
                root = self._attach(stack, frame.node) or root
                if not stack:
                    break
                continue
            if skipping:
                if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                    skipping += 1
                continue
            collection = isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent))
            if stack and stack[-1].full and (isinstance(stack[-1].node, SequenceNode) or stack[-1].key is not None):
                stack[-1].key = None  # an entry past the limit: skipped, and its subtree with it
                skipping = 1 if collection else 0
                continue
            if len(stack) > MAX_DEPTH:
                if not stack[-1].too_deep:
                    stack[-1].too_deep = True
                    self.problems.append(problem(self.file, _mark(event), "E-YAML-TOO-DEEP",
                                                 self._child_path(stack), limit=MAX_DEPTH))
                node: Node = ScalarNode(DROPPED, "", start, end)
                skipping = 1 if collection else 0
            elif isinstance(event, yaml.AliasEvent):
                if not self.alias_seen:
                    self.alias_seen = True
                    self.problems.append(problem(self.file, _mark(event), "E-YAML-ALIAS", self._child_path(stack)))
                node = ScalarNode(DROPPED, "", start, end)
            elif isinstance(event, yaml.ScalarEvent):
                tag = event.tag
                if tag is None:
                    tag = PLAIN if event.implicit[0] else STR_TAG
                node = ScalarNode(tag, event.value, start, end, style=event.style)
            elif collection:
                if isinstance(event, yaml.SequenceStartEvent):
                    stack.append(_Frame(SequenceNode(event.tag or SEQ_TAG, [], start, None),
                                        self._child_path(stack)))
                else:
                    stack.append(_Frame(MappingNode(event.tag or MAP_TAG, [], start, None),
                                        self._child_path(stack)))
                continue
            else:  # pragma: no cover - the parser yields no other event inside a document
                raise AssertionError(f"unexpected YAML event {event!r}")
            root = self._attach(stack, node) or root
            if not stack:
                break
        parser.get_event()  # document end
        if not parser.check_event(yaml.StreamEndEvent):
            extra = parser.peek_event()
            raise MultipleDocuments(_mark(extra))
        return root


class MultipleDocuments(Exception):
    """The file holds more than one YAML document; `mark` is where the second starts."""

    def __init__(self, mark: tuple[int, int]) -> None:
        super().__init__("expected a single document")
        self.mark = mark


def _mark(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def forbidden_characters(text: str, file: str) -> tuple[str, list[Problem]]:
    """Every forbidden raw character, at its exact position, and the text with
    each of them read as a space (same length, so positions do not move)."""
    if "\r" not in text and not _FORBIDDEN_CLASS.search(text):
        return text, []
    problems: list[Problem] = []
    matches = list(FORBIDDEN_RAW.finditer(text))
    shown = matches[:MAX_REPORTED_CHARACTERS]
    for found in shown:
        at = found.start()
        more = len(matches) - len(shown) if found is shown[-1] else 0
        problems.append(problem(file, position(text, at), "E-TEXT-CONTROL", (), char=f"U+{ord(found.group()):04X}",
                                more=f" ({more} karakter serupa lainnya tidak disebut satu per satu)" if more else "",
                                more_en=f" ({more} more such characters are not listed one by one)" if more else ""))
    return FORBIDDEN_RAW.sub(" ", text), problems


_BRACKET = re.compile(r"[\[\]{}]")


def flow_depth_problem(text: str, file: str) -> Problem | None:
    """A file whose brackets open past FLOW_DEPTH_GUARD levels is refused before
    libyaml reads it: libyaml's cost grows with the square of the flow depth
    (50,000 levels took seconds; a 2 MB file could hold a million). Brackets are
    counted without regard to quotes, which only overestimates: no text of a
    masterplan holds a thousand unclosed brackets."""
    if text.count("[") + text.count("{") <= FLOW_DEPTH_GUARD:
        return None
    depth = 0
    for found in _BRACKET.finditer(text):
        depth = depth + 1 if found.group() in "[{" else max(depth - 1, 0)
        if depth > FLOW_DEPTH_GUARD:
            at = found.start()
            return problem(file, position(text, at), "E-YAML-TOO-DEEP", (), limit=MAX_DEPTH)
    return None


FAST_LINE_LIMIT = 1_000  # with lines this short (and flow depth guarded), libyaml's recursion stays shallow
_BARE_TAG = re.compile(r"(?:^|[\s\[\{,])!(?:[\s\]\},]|$)", re.MULTILINE)

try:
    from yaml._yaml import CParser as _CParser
    from yaml.resolver import BaseResolver

    class _CComposer(_CParser, BaseResolver):
        """libyaml's own composer (C), with YAML 1.2 plain scalars left unresolved."""

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            BaseResolver.__init__(self)

        def resolve(self, kind: type, value: Any, implicit: Any) -> str:
            if kind is ScalarNode and implicit[0]:
                return PLAIN
            return BaseResolver.resolve(self, kind, value, implicit)
except ImportError:  # pragma: no cover - depends on the PyYAML build
    _CComposer = None  # type: ignore[assignment,misc]


def fast_compose(text: str) -> Node | None:
    """The node tree from libyaml's C composer (about a fifth faster than `Composer`)
    for the ordinary file; None when the file needs `Composer` to be read safely
    or reported precisely: long lines (deep block nesting could exhaust libyaml's
    C recursion), a bare `!` tag (which libyaml's composer would silently drop),
    or any error. (Aliases, nesting past MAX_DEPTH and more than MAX_ENTRIES
    entries are found while the values are built, which then falls back to
    `Composer`.) Both give the same tree for every file this accepts (tested on
    the corpus)."""
    if _CComposer is None or max(map(len, text.split("\n"))) > FAST_LINE_LIMIT or (
            "!" in text and _BARE_TAG.search(text)):
        return None
    composer = _CComposer(text)
    try:
        root = composer.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        composer.dispose()
    return root
