"""Build settings from the environment are input too: each is checked here, and a bad
one is a `SettingError` naming the variable (never blamed on the data files), which the
command line and the plugin turn into a one-line message and a non-zero exit."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

# SOURCE_DATE_EPOCH: plain decimal digits (no sign, underscores, spaces or exponent), from
# the programme's start (2017) to the end of 2099: the reproducible-builds convention, within
# the programme's life (an earlier date would only blame every dated fact of the data).
EPOCH_DIGITS = re.compile(r"[0-9]{1,10}")
EARLIEST_EPOCH = 1483228800  # 2017-01-01 00:00:00 UTC
LATEST_EPOCH = 4102444799    # 2099-12-31 23:59:59 UTC
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")   # http:// is allowed for these only: a local preview
# characters that may not appear in a published address: quotes, angle brackets,
# backslashes, white space and control characters (they could leave an attribute)
UNSAFE_IN_URL = re.compile(r"[\"'<>\\`\s\x00-\x1f\x7f-\x9f]")


class SettingError(ValueError):
    """A build setting that cannot be used; the message names the variable."""


def source_date(value: str | None) -> dt.date | None:
    """The date of `SOURCE_DATE_EPOCH`, or None when it is unset or empty."""
    if value is None or value == "":
        return None
    if not EPOCH_DIGITS.fullmatch(value) or not EARLIEST_EPOCH <= int(value) <= LATEST_EPOCH:
        raise SettingError(f"SOURCE_DATE_EPOCH={value!r} harus bilangan bulat detik sejak 1970 tanpa tanda, "
                           f"antara {EARLIEST_EPOCH} (2017) dan {LATEST_EPOCH} (2099) (must be plain seconds "
                           "since 1970, between 2017 and 2099)")
    return dt.datetime.fromtimestamp(int(value), dt.UTC).date()


def public_url(name: str, value: str, allow_empty: bool = False) -> str:
    """An address the site publishes (its own, or its repository's): `https://host/…`, or
    `http://` for a local preview (localhost), without user-info, quotes, spaces or control
    characters, with an ASCII host. Returns it unchanged; raises SettingError naming `name`."""
    if value == "" and allow_empty:
        return value
    problem = _url_problem(value)
    if problem:
        raise SettingError(f"{name}={value!r}: {problem}")
    return value


def _url_problem(value: str) -> str | None:
    if UNSAFE_IN_URL.search(value):
        return "alamat tidak boleh memuat tanda kutip, <, >, spasi atau karakter kendali"
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - a malformed port raises here
    except ValueError:
        return "bukan alamat web yang sah"
    local = parts.scheme == "http" and host in LOCAL_HOSTS
    if parts.scheme != "https" and not local:
        return "harus diawali https:// (atau http://localhost untuk pratinjau lokal)"
    if not host:
        return "alamat tanpa nama host"
    if "@" in parts.netloc:
        return "alamat tidak boleh memuat nama pengguna (user@host)"
    if not host.isascii():
        return "nama host harus ASCII; tulis nama domain internasional dalam bentuk punycode (xn--…)"
    if parts.query or parts.fragment:
        return "alamat tidak boleh memuat ? atau #"
    return None
