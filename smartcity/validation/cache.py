"""A cache of per-file check results, keyed by what the result depends on.

A region file's problems and parsed data depend only on its bytes, its name,
the checking code, the schema, the reference data and the current year. The
key hashes all of them, so an edit to any invalidates exactly what it should.
Disable with SMARTCITY_CACHE=0; move with SMARTCITY_CACHE_DIR.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from smartcity import PACKAGE_DIR, PROJECT_DIR

FORMAT = b"smartcity-cache-1"


@cache
def code_fingerprint() -> bytes:
    """Hash of everything besides the file that decides a check's result."""
    digest = hashlib.sha256(FORMAT)
    inputs = sorted(PACKAGE_DIR.rglob("*.py")) + [PROJECT_DIR / "data" / "schema" / "region.schema.json"] + \
        sorted((PROJECT_DIR / "data" / "reference").glob("*"))
    for path in inputs:
        digest.update(path.relative_to(PROJECT_DIR).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
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
        return cls(Path(directory) if directory else PROJECT_DIR / ".cache" / "checks")

    @staticmethod
    def key(raw: bytes, display: str, as_of: dt.date) -> str:
        """Results depend on the file, the checking code and the "as of" date."""
        digest = hashlib.sha256(code_fingerprint())
        digest.update(display.encode() + b"\0" + as_of.isoformat().encode() + b"\0")
        digest.update(raw)
        return digest.hexdigest()

    def get(self, key: str) -> Any | None:
        """A stored result, or None."""
        try:
            with (self.directory / key[:2] / key).open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def put(self, key: str, value: Any) -> None:
        """Store a result (silently skipped when the folder cannot be written)."""
        target = self.directory / key[:2] / key
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            # write then rename: a reader never sees half a file
            with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(handle.name, target)
        except OSError:
            pass  # a cache that cannot be written is only slower
