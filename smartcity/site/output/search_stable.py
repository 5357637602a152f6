"""Byte-stable search index: Pagefind writes its filter files (and so its metadata
file and entry file, which name them by hash) with the values of each filter in an
arbitrary order that changes from run to run (Pagefind issue #638: fragments are
stable, "filter/metadata indexes" are not). Two builds of the same data must give
the same site, so the filter values are sorted here, and the files renamed by a
hash of their new content, with the references to them.

The files are gzip-compressed "pagefind_dcd" + CBOR (RFC 8949); the small CBOR
reader and writer below cover what Pagefind writes (integers, strings, arrays,
maps), and a file whose re-encoding would differ from the original is left alone.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAGIC = b"pagefind_dcd"


@dataclass(frozen=True)
class Raw:
    """A CBOR item kept as its bytes (floats, simple values, tags)."""
    data: bytes


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise ValueError("CBOR value too large")


def _decode(data: bytes, at: int) -> tuple[Any, int]:
    start = at
    major, info = data[at] >> 5, data[at] & 0x1F
    at += 1
    if info < 24:
        value = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        value, at = int.from_bytes(data[at:at + size], "big"), at + size
    else:
        raise ValueError("indefinite-length CBOR is not expected")
    if major == 0:
        return value, at
    if major == 1:
        return -1 - value, at
    if major in (2, 3):
        chunk = data[at:at + value]
        return (bytes(chunk) if major == 2 else chunk.decode("utf-8")), at + value
    if major == 4:
        items = []
        for _ in range(value):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        pairs = []
        for _ in range(value):
            key, at = _decode(data, at)
            item, at = _decode(data, at)
            pairs.append((key, item))
        return dict(pairs), at
    if major == 6:
        _, at = _decode(data, at)
    return Raw(data[start:at]), at


def _encode(item: Any) -> bytes:
    if isinstance(item, Raw):
        return item.data
    if isinstance(item, bool):
        raise ValueError("booleans are read as Raw")
    if isinstance(item, int):
        return _head(0, item) if item >= 0 else _head(1, -1 - item)
    if isinstance(item, bytes):
        return _head(2, len(item)) + item
    if isinstance(item, str):
        encoded = item.encode("utf-8")
        return _head(3, len(encoded)) + encoded
    if isinstance(item, list):
        return _head(4, len(item)) + b"".join(_encode(i) for i in item)
    if isinstance(item, dict):
        return _head(5, len(item)) + b"".join(_encode(k) + _encode(v) for k, v in item.items())
    raise ValueError(f"unexpected CBOR item {type(item).__name__}")


def _read(path: Path) -> Any | None:
    """The CBOR item of a Pagefind file, or None when this reader cannot round-trip it."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(MAGIC):
        return None
    try:
        item, end = _decode(data, len(MAGIC))
    except (ValueError, IndexError, UnicodeDecodeError):
        return None
    if end != len(data) or _encode(item) != data[len(MAGIC):]:
        return None
    return item


def _write(path: Path, item: Any) -> None:
    path.write_bytes(gzip.compress(MAGIC + _encode(item), mtime=0))


def _short_hash(item: Any, length: int) -> str:
    return hashlib.sha256(_encode(item)).hexdigest()[:length]


def _is_filter(item: Any) -> bool:
    """[name, [[value, [page, …]], …]]"""
    return (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str) and isinstance(item[1], list)
            and all(isinstance(v, list) and len(v) == 2 and isinstance(v[0], str) for v in item[1]))


def _is_meta(item: Any) -> bool:
    """[version, pages, index chunks, [[filter name, file hash], …], sorts, meta fields]"""
    return (isinstance(item, list) and len(item) >= 4 and isinstance(item[3], list)
            and all(isinstance(f, list) and len(f) == 2 and all(isinstance(x, str) for x in f) for f in item[3]))


def stabilise(output: Path) -> bool:
    """Make the filter, metadata and entry files of the index in `output` independent of
    Pagefind's run-to-run ordering. False (nothing changed) when a file is not as expected."""
    entry_path = output / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    filters = sorted((output / "filter").glob("*.pf_filter")) if (output / "filter").is_dir() else []
    read: dict[Path, Any] = {path: _read(path) for path in filters}
    languages = entry.get("languages", {})
    metas = {lang: output / f"pagefind.{info['hash']}.pf_meta" for lang, info in languages.items()}
    meta_items: dict[str, Any] = {lang: _read(path) for lang, path in metas.items()}
    if not all(_is_filter(v) for v in read.values()) or not all(_is_meta(v) for v in meta_items.values()):
        return False
    names: dict[str, str] = {}
    for path, item in read.items():
        old = path.stem                                   # e.g. id_b069e45
        prefix, _, digest = old.partition("_")
        stable = [item[0], sorted(item[1], key=lambda value: value[0])]
        new = f"{prefix}_{_short_hash(stable, len(digest))}"
        path.unlink()
        _write(path.with_name(f"{new}.pf_filter"), stable)
        names[old] = new
    for lang, path in metas.items():
        old_hash = languages[lang]["hash"]
        prefix, _, digest = old_hash.partition("_")
        meta = list(meta_items[lang])
        meta[3] = sorted(([name, names.get(file, file)] for name, file in meta[3]), key=lambda f: f[0])
        new_hash = f"{prefix}_{_short_hash(meta, len(digest))}"
        path.unlink()
        _write(output / f"pagefind.{new_hash}.pf_meta", meta)
        languages[lang]["hash"] = new_hash
    text = entry_path.read_text(encoding="utf-8")
    for lang, info in languages.items():
        text = re.sub(rf'("{re.escape(lang)}":\{{"hash":")[^"]+"', rf'\g<1>{info["hash"]}"', text)
    entry_path.write_text(text, encoding="utf-8")
    return True
