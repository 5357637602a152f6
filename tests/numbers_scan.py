"""Scans the visible text of built pages for numbers not written the Indonesian way:
counts of five or more digits without thousands separators, exponent notation, "-0"."""

from __future__ import annotations

import html
import re
from pathlib import Path

# a run of 5+ digits not part of a separated number (55.729, 3,48) nor of a phone number (+62…)
UNSEPARATED = re.compile(r"(?<![\d.,+])\d{5,}(?![\d])")
EXPONENT = re.compile(r"\b\d(?:[.,]\d+)?e[+-]?\d+\b", re.IGNORECASE)
MINUS_ZERO = re.compile(r"(?<![\w-])[-−]0(?:[.,]0+)?(?![\d.,])")
# where digits are not figures: code samples, phone and WhatsApp links. Regular expressions,
# not a parser: the 514-region site has ~450 MB of HTML.
SKIPPED = re.compile(r"<(script|style|code|pre|defs)\b.*?</\1>|<a [^>]*href=\"(?:tel:|https://wa\.me/)[^>]*>.*?</a>",
                     re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def visible_text(page: str) -> str:
    return " ".join(html.unescape(TAG.sub(" ", SKIPPED.sub(" ", page))).split())


def badly_written_numbers(site: Path) -> dict[str, list[str]]:
    """Page → the offending tokens, for every HTML page of a built site."""
    found: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*.html")):
        if "pagefind" in path.parts or "vendor" in path.parts:
            continue
        text = visible_text(path.read_text(encoding="utf-8"))
        bad = UNSEPARATED.findall(text) + EXPONENT.findall(text) + MINUS_ZERO.findall(text)
        if bad:
            found[path.relative_to(site).as_posix()] = bad[:5]
    return found
