"""Byte-stable search index: Pagefind writes its filter files (and so its metadata
file and entry file, which name them by hash) with the values of each filter in an
arbitrary order that changes from run to run (Pagefind issue #638: fragments are
stable, "filter/metadata indexes" are not). Two builds of the same data must give
the same site, so the filter values are sorted here, and the files renamed by a
hash of their new content, with the references to them.

The files are gzip-compressed "pagefind_dcd" + CBOR (RFC 8949), read and written with
`cbor2`; a file whose re-encoding would differ from the original is left alone.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import cbor2

MAGIC = b"pagefind_dcd"


def _encode(item: Any) -> bytes:
    return cbor2.dumps(item)


def _read(path: Path) -> Any | None:
    """The CBOR item of a Pagefind file, or None when this reader cannot round-trip it."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(MAGIC):
        return None
    try:
        item = cbor2.loads(data[len(MAGIC):])
    except (cbor2.CBORDecodeError, ValueError):
        return None
    if _encode(item) != data[len(MAGIC):]:   # trailing bytes or another encoding: not ours to rewrite
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
