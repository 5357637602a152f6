"""Text safety, defined once: the characters no text of a masterplan needs, the starts a
spreadsheet runs as a formula, and what XML cannot carry. The readers, the rules, the
messages, the CSV writer, the feeds and the change history all build on these; none of
them defines its own.

Each character constant is the inside of a regular-expression character class."""

from __future__ import annotations

import re
import unicodedata

# Invisible characters no text of a masterplan needs: C0 controls except tab,
# line feed and carriage return; DEL and the C1 controls; the Arabic letter mark,
# LRM and RLM; the line and paragraph separators; the bidirectional embeddings,
# overrides and isolates.
INVISIBLE_CONTROLS = ("\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                      "\u202a-\u202e\u2066-\u2069")
NONCHARACTERS = "\ufffe\uffff"
LINE_BREAKS_AND_TAB = "\t\n\r"
# A UTF-8 byte-order mark: harmless at the start of a file (dropped), refused anywhere else.
BYTE_ORDER_MARK = "\ufeff"

# The signs a spreadsheet reads as the start of a formula, and their full-width forms.
FORMULA_SIGNS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")

# Any character a text rule refuses somewhere in a text (controls, separators, bidi, line breaks, tabs)
_UNUSUAL = re.compile(f"[{INVISIBLE_CONTROLS}{NONCHARACTERS}{LINE_BREAKS_AND_TAB}]")
_FORMULA_OR_SPACE = FORMULA_SIGNS | {" "}
# Refused in every text (a raw carriage return too: only escapes can bring one this far)
CONTROL_IN_TEXT = re.compile(f"[{INVISIBLE_CONTROLS}{NONCHARACTERS}\r]")
# Allowed only in prose fields
BREAK_OR_TAB = re.compile("[\t\n]")
# what XML 1.0 cannot carry (C0 controls but tab and line breaks, lone surrogates, U+FFFE/FFFF),
# and the C1 controls, which no reader shows
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def is_suspect_text(text: str) -> bool:
    """True when the text rules must look closer: an unusual character anywhere, or
    a start that a spreadsheet could read as a formula (a sign, a space or an
    invisible character). Most texts are neither, and are never walked again."""
    return bool(text) and (text[0] in _FORMULA_OR_SPACE or not text[0].isprintable()
                           or _UNUSUAL.search(text) is not None)


def spreadsheet_start(text: str) -> str:
    """The text as a spreadsheet reads its start: leading spaces and invisible
    characters (which LibreOffice drops on import) removed."""
    start = 0
    while start < len(text) and (text[start].isspace() or unicodedata.category(text[start]) in ("Cc", "Cf", "Zs")):
        start += 1
    return text[start:]


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet could read the text as a formula (CSV injection)."""
    first = text[:1]
    if first in ("\t", "\r"):
        return True
    if first.isprintable() and first != " " and first not in FORMULA_SIGNS:
        return False  # most texts: a visible first character, which no spreadsheet drops
    visible = spreadsheet_start(text)
    # "- butir" (a dash, then a space) is a list item, not a formula
    return bool(visible) and visible[0] in FORMULA_SIGNS and not (
        visible[0] in "-\uff0d" and not visible[1:2].strip())


def xml_text(value: str) -> str:
    """Text that any XML parser accepts: characters XML cannot carry are removed."""
    return NOT_XML.sub("", value)
