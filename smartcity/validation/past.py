"""Past versions of a region file, read like data: with the same reader and limits as
the current version (size, encoding, YAML 1.2 scalars, no duplicate keys, anchors,
aliases or tags, bounded depth and numbers, no control characters). A past version is
only compared with its neighbours, never validated against today's schema; one that
the reader refuses is reported as unreadable (None), never as a crash."""

from __future__ import annotations

from typing import Any

from smartcity.text import BYTE_ORDER_MARK
from smartcity.validation.yamlfast import quick_document
from smartcity.validation.yamlstrict import parse

MAX_FILE_BYTES = 2_000_000   # the current version's limit (loader.MAX_FILE_BYTES)


def read_past_version(raw: bytes) -> dict[str, Any] | None:
    """The data of one past version of a region file, or None when it cannot be read."""
    if len(raw) > MAX_FILE_BYTES:
        return None
    try:
        text = raw.decode("utf-8").removeprefix(BYTE_ORDER_MARK)
    except UnicodeDecodeError:
        return None
    try:
        document = quick_document(text)
        if document is None:   # the located reader: every problem it finds makes the version unreadable
            document, problems = parse(text, "")
            if document is None or problems:
                return None
    except (RecursionError, MemoryError, ValueError, OverflowError):
        return None
    return document.data if isinstance(document.data, dict) else None
