"""Values written the Indonesian way, as plain text: dates, numbers, rupiah, percentages,
sizes, scores, spans of years, data age. Used by the templates (as filters), the chart
descriptions, the feeds and the change history."""

from __future__ import annotations

import datetime as dt
import decimal
import re
from typing import Any

from babel import Locale, dates, numbers

_SPACES = re.compile(r"\s+")


def host(url: str) -> str:
    """The site a link leads to ("terasjateng.com"), shown beside a cited source."""
    after = url.split("://", 1)[-1]
    return after.split("/", 1)[0].split("@")[-1].removeprefix("www.")


def fold(value: Any) -> str:
    """Collapse every run of white space (line breaks included) to one space."""
    return _SPACES.sub(" ", str(value)).strip()


# Babel's Indonesian locale data, patterns parsed once (formatting runs thousands of times per build).
_LOCALE = Locale.parse("id")
_DATE = dates.parse_pattern("d MMMM y")
_NUMBERS = {digits: numbers.parse_pattern("#,##0" + ("." + "0" * digits if digits else "")) for digits in range(4)}
# Whole numbers and dates, the bulk (~1,000 numbers and ~400 dates a region), are written from
# Babel's own Indonesian symbols and month names without its pattern machinery: through it a
# number took ~9 µs and a date ~6.5 µs, a tenth of the region pages' rendering time at 514
# regions. tests/test_units.py holds both ways to the same text.
_MONTHS = dict(dates.get_month_names("wide", context="format", locale=_LOCALE).items())
_GROUP = numbers.get_group_symbol(_LOCALE)
_MINUS = numbers.get_minus_sign_symbol(_LOCALE)


def date_id(value: dt.date | None) -> str:
    """A date the Indonesian way: 27 Mei 2021."""
    return f"{value.day} {_MONTHS[value.month]} {value.year}" if value else "–"


def number(value: float | int | None, digits: int = 0) -> str:
    """A number the Indonesian way: 1.234.567,89; never "-0" (a value that rounds to zero
    is zero) and never an exponent (1e-05 is 0,00 at two digits)."""
    if value is None:
        return "–"
    if not digits:
        whole = round(value)   # an int: no "-0"
        grouped = f"{abs(whole):,}".replace(",", _GROUP)
        return _MINUS + grouped if whole < 0 else grouped
    rounded = round(value, digits)
    return _NUMBERS[digits].apply(rounded + 0 if rounded else 0, _LOCALE)


def babel_date_id(value: dt.date) -> str:
    """`date_id` through Babel's date pattern (what it is tested against)."""
    return _DATE.apply(value, _LOCALE)


def babel_number(value: float | int, digits: int = 0) -> str:
    """`number` through Babel's number pattern alone (what it is tested against)."""
    rounded = round(value, digits) if digits else round(value)
    return _NUMBERS[digits].apply(rounded + 0 if rounded else 0, _LOCALE)


def rupiah(value: float | None) -> str:
    """Exact, for tables: Rp 1.234.567.890."""
    return "–" if value is None else f"Rp {number(value)}"


def rupiah_short(value: float | None) -> str:
    """Rounded, for headlines, with Babel's Indonesian compact format: Rp 1,2 miliar; Rp 250 juta."""
    if value is None:
        return "–"
    if abs(value) < 1000:
        return f"Rp {number(value)}"
    if abs(value) >= 1e15:  # past Babel's largest unit it writes "50000 triliun": keep the separators
        return f"Rp {number(value / 1e12)} triliun"
    with decimal.localcontext() as context:
        context.rounding = decimal.ROUND_HALF_UP   # 7,45 miliar reads as 7,5 miliar, as a reader rounds
        return "Rp " + numbers.format_compact_decimal(value, format_type="long", locale=_LOCALE, fraction_digits=1)


def percent(value: float | None) -> str:
    """A share as a whole percentage: 64%; never "-0%"."""
    return "–" if value is None else f"{round(value * 100) + 0}%"


def size(value: int) -> str:
    """Bytes as an Indonesian reader expects them: 980 B, 12,3 KB, 4,8 MB."""
    if value < 1000:
        return f"{value} B"
    if value < 1_000_000:
        return f"{number(value / 1000, 1)} KB"
    return f"{number(value / 1_000_000, 1)} MB"


def score(value: float | None) -> str:
    """An evaluation score with two decimals: 3,48."""
    return "–" if value is None else number(value, 2)


def years(start: int | None, end: int | None) -> str:
    """A span of years: 2021–2023, or one year."""
    if start is None and end is None:
        return "–"
    if start is None or end is None or start == end:
        return str(start or end)
    return f"{start}–{end}"




def data_age(days: int | None) -> str:
    """How old the data is, in words: "3 bulan", "2 tahun 1 bulan"."""
    if days is None:
        return "tidak diketahui"
    months = max(0, days) * 12 // 365
    if months < 1:
        return "kurang dari 1 bulan"
    years_, months = divmod(months, 12)
    parts = ([f"{years_} tahun"] if years_ else []) + ([f"{months} bulan"] if months else [])
    return " ".join(parts)


LIMIT = 160   # what search engines and chat previews show


def plain(text: str, limit: int = LIMIT) -> str:
    """One line of at most `limit` characters, cut at a word with "…"."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    return line[:limit - 1].rsplit(" ", 1)[0].rstrip(",.;:") + "…"
