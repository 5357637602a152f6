"""The characters the validator treats specially, defined once: the reader,
the text rules, the messages and the CSV writer all build on these sets.

Each constant is the inside of a regular-expression character class."""

from __future__ import annotations

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
