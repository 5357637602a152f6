"""A cache of per-file check results, keyed by what the result depends on.

A region file's problems and parsed data depend only on its bytes, its name,
the checking code, the schema, the reference data and the current year. The
key hashes all of them, so an edit to any invalidates exactly what it should.
Disable with SMARTCITY_CACHE=0; move with SMARTCITY_CACHE_DIR.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import marshal
import os
import pickle
import sys
import threading
from functools import cache
from pathlib import Path
from typing import Any

from smartcity import DATA_DIR, PACKAGE_DIR

# marshal's format may change between Python versions: the version is part of every key
FORMAT = f"smartcity-cache-3 python-{sys.version_info[0]}.{sys.version_info[1]} marshal-{marshal.version}".encode()
# A stored value is marshalled when it can be (the parsed data of a file: dumped twice as
# fast as by pickle, loaded 1.5x as fast), else pickled; its first byte says which.
_MARSHALLED, _PICKLED, _PAIR = b"M", b"P", b"2"


@cache
def code_fingerprint() -> bytes:
    """Hash of everything besides the file that decides a check's result."""
    digest = hashlib.sha256(FORMAT)
    inputs = sorted(PACKAGE_DIR.rglob("*.py")) + [DATA_DIR / "region.schema.json"] + \
        sorted((DATA_DIR / "reference").glob("*"))
    for path in inputs:
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


class CheckCache:
    """Check results stored by content hash, so unchanged files are not checked again."""
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @classmethod
    def from_environment(cls) -> CheckCache | None:
        """The cache in SMARTCITY_CACHE_DIR (default `.cache/checks`), or None with SMARTCITY_CACHE=0."""
        if os.environ.get("SMARTCITY_CACHE", "1") in ("0", "false", "no"):
            return None
        directory = os.environ.get("SMARTCITY_CACHE_DIR")
        return cls(Path(directory) if directory else Path.cwd() / ".cache" / "checks")

    @staticmethod
    def key(raw: bytes, display: str, as_of: dt.date) -> str:
        """Results depend on the file, the checking code and the "as of" date."""
        digest = hashlib.sha256(code_fingerprint())
        digest.update(display.encode() + b"\0" + as_of.isoformat().encode() + b"\0")
        digest.update(raw)
        return digest.hexdigest()

    def get(self, key: str) -> Any | None:
        """A stored value, or None."""
        try:
            return _decoded(memoryview((self.directory / key[:2] / key).read_bytes()))
        except OSError:
            return None

    def put(self, key: str, value: Any) -> None:
        """Store a value (silently skipped when the folder cannot be written)."""
        self._write(key, _encoded(value))

    def get_pair(self, key: str, second: bool = True) -> tuple[Any, Any] | None:
        """Two values stored together (`put_pair`), or None; with `second` false, only
        the first is read (a file's summary without its parsed data)."""
        try:
            with (self.directory / key[:2] / key).open("rb") as handle:
                head = handle.read(5)  # the tag, then the first value's length
                if len(head) != 5 or head[:1] != _PAIR:
                    return None
                first = _decoded(memoryview(handle.read(int.from_bytes(head[1:], "big"))))
                return first, (_decoded(memoryview(handle.read())) if second else None)
        except OSError:
            return None

    def put_pair(self, key: str, first: Any, second: Any) -> None:
        """Store two values in one file: creating a file costs as much as writing 100 KB
        here (~0.35 ms), and each checked file has a summary and its parsed data."""
        head = _encoded(first)
        self._write(key, _PAIR + len(head).to_bytes(4, "big") + head + _encoded(second))

    def _write(self, key: str, stored: bytes) -> None:
        target = self.directory / key[:2] / key
        # write then rename: a reader never sees half a file. The temporary name is this
        # process's and thread's own (`NamedTemporaryFile` cost a third of a cold check's writing).
        temporary = target.parent / f".{key}.{os.getpid()}.{threading.get_ident()}"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(temporary, "wb") as handle:
                handle.write(stored)
            os.replace(temporary, target)
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink()
            # a cache that cannot be written is only slower


def _encoded(value: Any) -> bytes:
    try:
        return _MARSHALLED + marshal.dumps(value)
    except ValueError:  # a result object, or data holding one
        return _PICKLED + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _decoded(stored: memoryview) -> Any | None:
    try:
        if stored[:1] == _MARSHALLED:
            return marshal.loads(stored[1:])
        return pickle.loads(stored[1:]) if stored[:1] == _PICKLED else None
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
        return None
