"""A quick first reading of a region file, for the files that are valid as written.

libyaml and `yamlstrict` take ~30 ms for a 120 KB file; yaml-rs (a Rust parser,
PyPI `yaml-rs`) reads it in ~2 ms. It is not the located reader: it keeps no
positions, it reads a few scalars by YAML 1.1 rules (`1_000`, `0b1`, `+0x1`,
`.inf`), and it accepts some broken flow collections (`{a: 1, :b}`) that libyaml
refuses. So a text is read here only when nothing in it could be read differently
(`_screened`), every value it gives is one `yamlstrict` builds the same way
(`_Values`), and `loader` keeps the result only when the schema and the rules find
no problem at all. Any other file, and any file with a problem, is read again by
the located reader, which reports each problem where it is.
`tests/test_yaml_and_size.py` holds both readers to the same results.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

import yaml_rs

from smartcity.text import BYTE_ORDER_MARK, FORMULA_SIGNS, INVISIBLE_CONTROLS, NONCHARACTERS
from smartcity.validation.fields import is_budget_amount
from smartcity.validation.problems import Path_
from smartcity.validation.yamlcompose import MAX_DEPTH, MAX_ENTRIES, flow_depth_problem, forbidden_characters
from smartcity.validation.yamlstrict import Document

# What the two readers could read differently, or what only the located reader handles:
# anchors, aliases, tags and reserved indicators where a node could start, merge keys, complex
# keys, directives, document markers, tabs, escapes, line breaks other than \n, flow
# collections other than the plain ones (`_DOCUMENT_LINES`, over several lines
# `_unwrapped_flows`), and scalars that could be numbers with underscores, base prefixes,
# exponents or more digits than FAST_DIGITS; comments and the content of block scalars are
# not looked at (but for escapes, tabs and forbidden characters), and a line that goes on
# with a plain text is part of it (`_continues_a_text`).
# Inside a text ("Dinas Kominfo & Statistik", "Siap? Ya", "layanan 2x24 jam", "Rp
# 1.500.000.000.000", "Instagram @kendalkab") both readers read these as text
# (`_inside_text`): editors write them, and a 120 KB file the located reader reads costs
# three times as much.
_SPECIAL = b"&*!\t\r\\`<?@[]{}%"


def _encodings(character_class: str) -> frozenset[bytes]:
    """The UTF-8 form of every character of a regular-expression class body (characters
    and `a-b` ranges, as in `characters`)."""
    found: set[bytes] = set()
    at = 0
    while at < len(character_class):
        is_range = at + 2 < len(character_class) and character_class[at + 1] == "-"
        last = character_class[at + 2] if is_range else character_class[at]
        found.update(chr(c).encode("utf-8", "surrogatepass") for c in range(ord(character_class[at]), ord(last) + 1))
        at += 3 if is_range else 1
    return frozenset(found)


# The characters `forbidden_characters` refuses, as bytes, and the bytes they start with
_FORBIDDEN_ENCODINGS = _encodings(INVISIBLE_CONTROLS + NONCHARACTERS)
_FORBIDDEN_FIRST_BYTES = bytes(sorted({form[0] for form in _FORBIDDEN_ENCODINGS}))
_FEW = 64  # occurrences of a first byte worth looking at one by one (else: the regular expression)
_NOT_SPECIAL = bytes(c for c in range(256) if c not in _SPECIAL and c not in _FORBIDDEN_FIRST_BYTES)
# anchors, aliases, tags and reserved indicators: refused where a node could start with one
# (`_inside_text`); inside a text ("LAPOR!", "R&D", "Kominfo & Statistik") both readers
# read them as text
_NODE_START = b"&*!@`"
_REFUSED = b"\t\r\\"   # in comments too: a comment's end is not always where it seems

# The bytes after which a character is inside a plain or quoted text for both readers
# (letters, digits, any byte of a non-ASCII character, and `.`, `)`, `;`), when only spaces
# stand between them. After anything else (a line's start, `-`, `:`, `?`, `,`, a bracket,
# a quote, `|`, `>`, `#`, another indicator) a node could start there, or a reader could
# refuse what the other takes: the located reader reads the file.
_TEXT_BYTES = frozenset(b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.);"
                        + bytes(range(0x80, 0x100)))


def _inside_text(raw: bytes, at: int) -> bool:
    """Whether the character at `at` follows a text character on its line (over spaces):
    it is then inside a scalar for both readers, not where a node starts."""
    before = at - 1
    while before >= 0 and raw[before] == 0x20:
        before -= 1
    return before >= 0 and raw[before] in _TEXT_BYTES


def _occurrences(haystack: bytes, needle: bytes) -> Iterator[int]:
    """Every position of `needle` in `haystack`, overlapping ones included."""
    at = haystack.find(needle)
    while at >= 0:
        yield at
        at = haystack.find(needle, at + 1)


def _word_start(raw: bytes, at: int) -> int:
    """Where the space-delimited word holding `at` starts."""
    return max(raw.rfind(b" ", 0, at), raw.rfind(b"\n", 0, at)) + 1


def _inside_text_token(raw: bytes, at: int) -> bool:
    """Whether the space-delimited word holding `at` is part of a longer text: a text
    character before it or after it on its line (over spaces). A scalar that is one word
    could be a number ("1e3", "0x1F", "2x24"); one of several words is text for both."""
    start, end = _word_start(raw, at), at
    while end < len(raw) and raw[end] not in b" \n":
        end += 1
    after = end
    while after < len(raw) and raw[after] == 0x20:
        after += 1
    if raw[start] in b"[{" or any(c in raw[start:at] for c in b",[]{}"):
        return False  # the scalar starts after a flow indicator: `[x ,0_]` holds the word `0_`
    # a word ending in `:`, `,` or a bracket ends its scalar there (a key, a flow item)
    return _inside_text(raw, start) or (raw[end - 1] in _TEXT_BYTES and end < after < len(raw)
                                         and raw[after] in _TEXT_BYTES)


# A line's key or dash (`key: `, `- `, `- key: `), and what follows it
_LINE_HEAD = re.compile(rb" *((?:- +)*)(?:[A-Za-z_][A-Za-z0-9_]* *:(?: +|$))?")
_PLAIN_FIRST_BYTES = frozenset(b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ("
                               + bytes(range(0x80, 0x100)))


def _continues_a_text(raw: bytes, at: int) -> bool:
    """Whether the character at `at`, the first on its line, goes on with a plain text begun
    on a line above (`title: … Instagram` wrapped before "@pemkab", as PyYAML wraps texts
    past 80 columns): a `key: text` or `- text` line, then only lines indented more than its
    key or dash, none empty. Both readers read such a line as part of that text."""
    start = raw.rfind(b"\n", 0, at) + 1
    if raw[start:at].strip(b" "):
        return False
    least = at - start  # the least indentation of the lines that go on with the text
    end = start - 1
    while end > 0:
        line_start = raw.rfind(b"\n", 0, end) + 1
        line = raw[line_start:end]
        stripped = line.lstrip(b" ")
        if not stripped:
            return False
        indent = len(line) - len(stripped)
        head = _LINE_HEAD.match(line)
        if head is None:  # it matches any line (every part may be empty): for the type checker
            return False
        if head.end() > indent:  # a key or a dash: the text starts here, if it is a plain one
            keyed = head.end() > head.end(1)
            column = head.end(1) if keyed else head.start(1) + head.group(1).rstrip(b" ").rfind(b"-")
            return head.end() < len(line) and line[head.end()] in _PLAIN_FIRST_BYTES and least > column
        least = min(least, indent)
        end = line_start - 1
    return False


# A comment line, and a comment after a line's content when the double quotes before it are
# closed and none is in it, and no single quote is on the line (a quote could open or close a
# scalar over several lines: such a line is screened whole). What is cut is a comment, or the
# inside of a quoted or block scalar, which both readers read as text: the screen need not
# see it (escapes and forbidden characters it still sees).


def _comment_cut(line: str, previous: str) -> str | None:
    """The line without its comment, or None when it has none that can be cut safely. A line
    that starts with `#`, indented more than a line before it that leaves a quote open, may
    go on with a quoted text ("Program #3" wrapped after "Program"): screened whole."""
    stripped = line.lstrip(" ")
    if stripped.startswith("#"):
        if (previous.count("'") % 2 or previous.count('"') % 2) and \
                len(line) - len(stripped) > len(previous) - len(previous.lstrip(" ")):
            return None
        return ""
    at = line.find(" #")
    if at < 0 or "'" in line or line.count('"', 0, at) % 2 or '"' in line[at:]:
        return None
    return line[:at]


def _without_comments(text: str) -> str:
    """`text` with its comments cut out (`_comment_cut`), for the screen. Only the lines
    with a `#` are looked at (a file has a few; a regular expression over the whole text
    cost 4 ms a file)."""
    pieces, done = [], 0
    at = text.find("#")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        cut = _comment_cut(text[start:end], text[text.rfind("\n", 0, max(start - 1, 0)) + 1:max(start - 1, 0)])
        if cut is not None:
            pieces += [text[done:start], cut]
            done = end
        at = text.find("#", end)
    return "".join(pieces) + text[done:] if pieces else text


# A block scalar's header at a line's end: `key: >-`, `- |`, `- key: >` (a plain key, no
# indentation indicator), a comment after it allowed. Its content lines, those indented more
# than the key (or the dash) and as much as the first of them, are text for both readers:
# a wrapped description line that starts with "@pemkab" or "2x24" is no node and no number
# there. Lines with a quote are kept for the screen: a line that looks like a header inside a
# quoted text over several lines could otherwise hide what follows the closing quote.
# The header, the lines of spaces before the first content line, and the content: lines
# indented as the first (`\4`) or holding spaces only; one match for each block.
_BLOCK_SCALAR = re.compile(r"( *)((?:- +)*)(?:([A-Za-z_][A-Za-z0-9_]*) *: +)?[|>][-+]?(?: +#[^\n]*| *)\n"
                           r"(?: *\n)*( +)[^ \n][^\n]*(?:\n|\Z)(?:\4[^\n]*(?:\n|\Z)| *\n)*")


def _without_block_texts(text: str) -> str:
    """`text` with the content lines of its block scalars left out (`_BLOCK_SCALAR`), but
    for lines holding a quote."""
    pieces, done, searched = [], 0, 0
    folded, literal = text.find(">"), text.find("|")  # the next of each (a search to the end when absent)
    while True:
        if 0 <= folded < searched:
            folded = text.find(">", searched)
        if 0 <= literal < searched:
            literal = text.find("|", searched)
        at = folded if literal < 0 or 0 <= folded < literal else literal
        if at < 0:
            break
        start = text.rfind("\n", 0, at) + 1
        block = _BLOCK_SCALAR.match(text, start)
        if block is None or block.start(4) < at:  # not a header at this line's end
            searched = at + 1
            continue
        indent, dashes, key, content_indent = block.groups()
        searched = block.end()
        if key is None and not dashes:
            continue  # a line of `>` alone: a plain text's line for all we know
        # content is indented more than the key's column, or the last dash's
        if len(content_indent) <= len(indent) + (len(dashes) if key is not None else dashes.rstrip(" ").rfind("-")):
            continue
        header_end = text.index("\n", at) + 1
        content = text[header_end:searched]
        kept = [line + "\n" for line in content.split("\n") if '"' in line or "'" in line] \
            if '"' in content or "'" in content else []
        pieces += [text[done:header_end], *kept]
        done = searched
    return "".join(pieces) + text[done:] if pieces else text


_BYTE_ORDER_MARK = BYTE_ORDER_MARK.encode("utf-8")  # inside the text (one at the start is dropped before)
# Digits and dots read as 0; underscores and the letters that make a number of another
# kind (0b, 0o, 0x, 1e3) as _; the rest as a space. The number forms above are then
# "0_" (a digit before one of them; none can start a number) and a run of 0s.
_NUMBER_TABLE = bytes(ord("0") if chr(c) in "0123456789." else ord("_") if chr(c) in "_bBoOxXeE" else ord(" ")
                      for c in range(256))
# The quick reader takes numbers up to 15 digits and below 10^15 only; larger ones, which the
# located reader accepts up to its own limits (yamlstrict.MAX_DIGITS), are left to it.
FAST_DIGITS = 15
FAST_NUMBER = 10.0 ** FAST_DIGITS
_REFUSED_NUMBER_SHAPES = (b"0_", b"0" * (FAST_DIGITS + 1))
# yaml-rs also reads a word of underscores, then digits, as a number (`_2019`, `+_1`, `-__.5`):
# found by its last underscore (a pattern that starts with the word's start costs 2 ms a file)
_UNDERSCORE_DIGIT = re.compile(rb"_[0-9.]")
_INT_LIMIT = 10 ** FAST_DIGITS
_FORMULA_OR_SPACE = FORMULA_SIGNS | {" "}

class _Decline(Exception):
    """The located reader must read this file."""


class _Values:
    """Checks the values yaml-rs gave and collects the texts the rules look at, as
    `yamlstrict._Builder` does (same order, same limits)."""

    def __init__(self) -> None:
        self.suspect_texts: list[tuple[Path_, str]] = []
        self.source_refs: list[tuple[Path_, Any]] = []  # as RuleContext.source_refs finds them

    def walk(self, value: dict[Any, Any] | list[Any], path: Path_, depth: int) -> None:
        """Check `value` (at `path`, `depth` levels below the top) and all it holds.
        Plain values are checked in their container's loop: most values are texts."""
        if value and depth >= MAX_DEPTH or len(value) > MAX_ENTRIES:
            raise _Decline
        items: Any
        if isinstance(value, dict):
            if "<<" in value or set(map(type, value)) - {str}:
                raise _Decline
            sources = value.get("sources")
            if type(sources) is list and path:
                self.source_refs.extend((path + ("sources", i), ref) for i, ref in enumerate(sources))
            if "source" in value and len(path) >= 2 and path[-2] == "actuals":
                self.source_refs.append((path + ("source",), value["source"]))
            items = value.items()
        else:
            items = enumerate(value)
        for key, item in items:
            kind = type(item)
            if kind is str:
                # is_suspect_text, for a text quick_document has screened: no control,
                # separator or tab can be in it (refused raw, no escapes), only a line break
                if item and (item[0] in _FORMULA_OR_SPACE or "\n" in item or not item[0].isprintable()):
                    if not item.strip("\n"):
                        raise _Decline  # a block scalar of empty lines: yaml-rs keeps a line break
                    self.suspect_texts.append((path + (key,), item))
            elif kind is int:
                if not -_INT_LIMIT < item < _INT_LIMIT:
                    raise _Decline
            elif kind is dict or kind is list:
                self.walk(item, path + (key,), depth + 1)
            elif item is not None and kind is not bool:
                self.number(item, path + (key,))

    @staticmethod
    def number(value: Any, path: Path_) -> None:
        """A non-integer number yamlstrict would build the same, or _Decline."""
        if isinstance(value, float):
            # how a number was written is kept only by the located reader (rules.amounts)
            if not math.isfinite(value) or abs(value) >= FAST_NUMBER or is_budget_amount(path):
                raise _Decline
        else:
            raise _Decline  # a date or anything else yaml-rs made


# Flow collections the two readers read alike (issue 30: editors and the scaffold write
# `budget: {amount: 250000000, source: APBD}` and `sources: [seed-002]`): one line each
# (one over several lines is joined first, `_unwrapped_flows`), keys plain names, values
# plain scalars without `:`, `#`, quotes or brackets, or quoted scalars without escapes (a
# backslash is refused anyway), sequences of those, mappings nested two deep, and sequences
# of such mappings. Anything else in brackets (a broken `{a: 1, :b}`, which yaml-rs takes
# and libyaml refuses; a complex key) is left to the located reader. Duplicate keys in a
# flow mapping are refused by both readers.
_FLOW_KEY = r"[A-Za-z_][A-Za-z0-9_]*"
# atomic (`(?>…)`): a text runs to the first indicator, as in YAML; trying every shorter one
# made a line that is not a plain collection cost ~20 µs (`_unwrapped_flows` tries many)
_FLOW_PLAIN = r"(?>(?:[^\s,\[\]{}:#\"'?|>!&*%@`-]|-[0-9])[^,\[\]{}:#\"'\n]*)"
_FLOW_SCALAR = rf"""(?:{_FLOW_PLAIN}|(?>"[^"\\\n]*")|(?>'(?:[^'\n]|'')*'))"""
_FLOW_SEQ_OF_SCALARS = rf"\[ *(?:{_FLOW_SCALAR} *(?:, *{_FLOW_SCALAR} *)*,? *)?\]"
_FLOW_LEAF = rf"(?:{_FLOW_SCALAR}|{_FLOW_SEQ_OF_SCALARS})"


def _flow_map(value: str) -> str:
    return rf"\{{ *(?:{_FLOW_KEY}: +{value} *(?:, *{_FLOW_KEY}: +{value} *)*,? *)?\}}"


# a mapping of leaves, or of leaves and such mappings (a programme with its budget)
_FLOW_MAP = _flow_map(rf"(?:{_FLOW_LEAF}|{_flow_map(_FLOW_LEAF)})")
_FLOW_ITEM = rf"(?:{_FLOW_SCALAR}|{_FLOW_MAP})"
_FLOW_SEQ = rf"\[ *(?:{_FLOW_ITEM} *(?:, *{_FLOW_ITEM} *)*,? *)?\]"
_FLOW_LINE = rf" *(?:- +)?(?:{_FLOW_KEY}: +)?(?:- +)?(?:{_FLOW_MAP}|{_FLOW_SEQ})(?: *| +#[^\n]*)"
# Every line of the document (comments cut out, `_without_comments`): a line without brackets
# that does not start a directive or a document marker (`%`, `---`, `...`), or a line of
# plain flow collections (`_FLOW_LINE`). One match over the whole text: splitting it into
# lines in Python and searching for the markers separately cost twice as much (issue 30).
# The possessive `*+` stops a line with a bracket at the bracket, without backtracking, to
# be tried as a flow line.
_PLAIN_LINE = r"(?!---|\.\.\.|%)[^\n\[\]{}]*+"
_ANY_LINE = rf"(?:{_PLAIN_LINE}|{_FLOW_LINE})"
_DOCUMENT_LINES = re.compile(rf"(?:{_ANY_LINE}\n)*{_ANY_LINE}")


def _unwrapped_flows(text: str) -> str | None:
    """`text` with every flow collection that goes on over several lines (PyYAML wraps one
    past 80 columns with `default_flow_style=None`; editors break a long one) joined onto
    the line it starts on, as both readers read it: a line break and the next line's
    indentation are one space there, in a text or between items. None when a collection
    goes on to a line that is empty or not indented more than its first line. Brackets are
    counted as written, quoted or not: where the count is wrong the joined text fails the
    screen, and the located reader reads the file."""
    joined: list[str] = []
    open_brackets = first_indent = 0
    for line in text.split("\n"):
        if open_brackets > 0:
            stripped = line.lstrip(" ")
            if not stripped or len(line) - len(stripped) <= first_indent:
                return None
            joined[-1] += " " + stripped
        else:
            joined.append(line)
            if "[" not in line and "{" not in line:
                continue
            first_indent = len(line) - len(line.lstrip(" "))
        open_brackets += line.count("[") + line.count("{") - line.count("]") - line.count("}")
    return None if open_brackets else "\n".join(joined)


def _holds_forbidden(text: str, raw: bytes, special: bytes) -> bool:
    """Whether `text` holds a character `forbidden_characters` refuses. Most texts hold
    a first byte of one only a few times (an en dash starts like a bidi control): each is
    looked at; a text with many is searched by the regular expression."""
    for first in _FORBIDDEN_FIRST_BYTES:
        count = special.count(first)
        if count > _FEW:
            return bool(forbidden_characters(text, "")[1])
        size = 1 if first < 0x80 else 2 if first < 0xE0 else 3 if first < 0xF0 else 4
        at = raw.find(first) if count else -1
        while at >= 0:
            if raw[at:at + size] in _FORBIDDEN_ENCODINGS:
                return True
            at = raw.find(first, at + size)
    return False


def _screened(text: str, raw: bytes) -> bool:
    """True when nothing in `text` could be read differently by the two readers. Tested
    on the UTF-8 bytes, first on the few special characters alone (one `translate`):
    a regular expression over a 120 KB text costs more than yaml-rs's whole reading.
    Line separators and controls are refused by `forbidden_characters`, looked for only
    when the first byte of one is there."""
    special = raw.translate(None, _NOT_SPECIAL)
    # escapes, tabs, carriage returns and forbidden characters anywhere, comments included
    if any(c in special for c in _REFUSED) or (_BYTE_ORDER_MARK[0] in special and _BYTE_ORDER_MARK in raw):
        return False
    if any(c in special for c in _FORBIDDEN_FIRST_BYTES) and _holds_forbidden(text, raw, special):
        return False
    # the rest only where it could be structure: the content of block scalars (`>-` and
    # `|`, `_without_block_texts`) and comments, which editors and the scaffold write
    # (`# seeds/002_…`, "`example: true`"), are left out (`_without_comments`)
    cut = _without_block_texts(text) if b">" in raw or b"|" in raw else text
    if b"#" in raw:
        cut = _without_comments(cut)
    if cut is not text:
        text = cut
        raw = text.encode("utf-8")
        special = raw.translate(None, _NOT_SPECIAL)
    # markers and directives at a line's start; brackets only in plain flow collections, one
    # that goes on over several lines screened as if written on one (`_unwrapped_flows`)
    if _DOCUMENT_LINES.fullmatch(text) is None:
        if b"[" not in special and b"{" not in special:
            return False
        unwrapped = _unwrapped_flows(text)
        if unwrapped is None or _DOCUMENT_LINES.fullmatch(unwrapped) is None:
            return False
        text = unwrapped
        raw = text.encode("utf-8")
        special = raw.translate(None, _NOT_SPECIAL)
    if b"<" in special and b"<<" in raw:
        return False
    for indicator in _NODE_START:
        if indicator in special and not all(_inside_text(raw, at) or _continues_a_text(raw, at)
                                            for at in _occurrences(raw, bytes((indicator,)))):
            return False
    # a complex key (`? ` where a node starts)
    if b"?" in special and not all(_inside_text(raw, at) or _continues_a_text(raw, at)
                                   for at in _occurrences(raw, b"?") if raw[at + 1:at + 2] in (b"", b" ", b"\n")):
        return False
    shapes = raw.translate(_NUMBER_TABLE)
    if not all(_inside_text_token(raw, at) or _continues_a_text(raw, _word_start(raw, at))
               for shape in _REFUSED_NUMBER_SHAPES for at in _occurrences(shapes, shape)):
        return False
    for found in _UNDERSCORE_DIGIT.finditer(raw):
        start = found.start()
        while start > 0 and raw[start - 1] == 0x5F:  # _
            start -= 1
        if start > 0 and raw[start - 1] in b"+-":
            start -= 1
        word_start = start == 0 or raw[start - 1] in b" \n[{,:"
        if word_start and not _inside_text_token(raw, start) and not _continues_a_text(raw, start):
            return False
    return True


def quick_document(text: str, raw: bytes | None = None) -> Document | None:
    """The document of `text` (UTF-8 `raw`, when the caller has it) without positions,
    or None when only the located reader (`yamlstrict.parse`) may read it."""
    if not _screened(text, text.encode("utf-8") if raw is None else raw):
        return None
    if flow_depth_problem(text, "") is not None:
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # noqa: BLE001 — any error of its own: the located reader says what it is
        return None
    if not isinstance(data, dict):
        return None
    values = _Values()
    try:
        values.walk(data, (), 0)
    except _Decline:
        return None
    return Document(data, None, {}, values.suspect_texts, values.source_refs)


def top_level_mark(text: str, key: str, value: str) -> tuple[int, int] | None:
    """Where the top-level `key`'s value `value` is written (1-based line and column),
    when the text says so plainly: `key: value` once, at the start of a line."""
    pattern = re.compile(rf"{re.escape(key)} *: +(['\"]?)([^'\"#\n]*?)\1 *(?:#[^\n]*)?(?:\n|\Z)")
    starts = [0] if text.startswith(key) else []
    at = text.find(f"\n{key}")
    while at >= 0:
        starts.append(at + 1)
        at = text.find(f"\n{key}", at + 1)
    found = [m for m in (pattern.match(text, start) for start in starts) if m is not None]
    if len(found) != 1 or found[0].group(2) != value:
        return None
    start = found[0].start(1)
    return text.count("\n", 0, start) + 1, start - found[0].start() + 1
