"""Build the site without ever damaging the published one.

`mkdocs build` cleans its output folder and writes page by page, so a build
that fails or is killed midway leaves half a site. Here MkDocs builds into a
new sibling folder; only when it succeeded is that folder swapped in with two
renames, and the previous site removed. A failed or interrupted build leaves
the previous site exactly as it was (a killed build may leave its temporary
folder, which the next build removes).

Two builds of the same site take turns (a lock beside the site, released by
the system even when a build is killed), and the MkDocs child never outlives
this process: it is told to end when its parent ends, however that happens.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from types import FrameType

from smartcity import PROJECT_DIR
from smartcity.processes import build_lock, end_with_parent

PREFIX = ".site-build-"


def remove_stale(parent: Path, name: str) -> None:
    """Remove temporary build folders left by killed builds, and say so (the lock is held:
    no other build of this site is running)."""
    for stale in sorted(parent.glob(f"{PREFIX}{name}-*")):
        shutil.rmtree(stale, ignore_errors=True)
        print(f"build.py: folder sementara dari pembangunan yang terhenti dihapus: {stale.name}", file=sys.stderr)


def atomic_build(site_dir: Path, mkdocs_args: list[str], config: Path | None = None) -> int:
    """Build into a temporary folder and replace the site only when the build succeeded."""
    site_dir = site_dir.absolute()
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        with build_lock(site_dir, lambda: print(f"build.py: pembangunan lain sedang menulis {site_dir}; menunggu…",
                                                file=sys.stderr)):
            return _build(site_dir, mkdocs_args, config)
    except OSError as error:
        print(f"build.py: {site_dir} tidak dapat ditulis: {error.strerror or error}; situs tidak diubah.",
              file=sys.stderr)
        return 1


def _build(site_dir: Path, mkdocs_args: list[str], config: Path | None) -> int:
    parent = site_dir.parent
    remove_stale(parent, site_dir.name)
    staging = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{site_dir.name}-", dir=parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(staging / "site"), *mkdocs_args]
    if config is not None:
        command += ["--config-file", str(config)]
    # a one-off build may tune its own process (gc.freeze, a lower priority while indexing)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SMARTCITY_TUNE_PROCESS": "1"}
    child = subprocess.Popen(command, cwd=PROJECT_DIR, env=env,
                             preexec_fn=end_with_parent)

    def stop(signum: int, _: FrameType | None) -> None:  # SIGTERM/SIGHUP: end the child, then ourselves
        child.terminate()
        raise KeyboardInterrupt

    previous_handlers = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        code = child.wait()
    except KeyboardInterrupt:
        child.terminate()
        try:
            child.wait(30)
        except subprocess.TimeoutExpired:
            child.kill()
        code = 130
    finally:
        for sig, handler in previous_handlers.items():
            signal.signal(sig, handler)
    if code != 0 or not (staging / "site" / "index.html").exists():
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build.py: pembangunan gagal (kode {code}); {site_dir} tidak diubah.", file=sys.stderr)
        return code if code > 0 else 1
    previous = staging / "previous"
    if site_dir.exists():
        os.replace(site_dir, previous)
    os.replace(staging / "site", site_dir)
    shutil.rmtree(staging, ignore_errors=True)
    return 0
