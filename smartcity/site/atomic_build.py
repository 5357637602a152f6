"""Build the site without ever damaging the published one.

`mkdocs build` cleans its output folder and writes page by page, so a build
that fails or is killed midway leaves half a site. Here MkDocs builds into a
new sibling folder; only when it succeeded is that folder swapped in with two
renames, and the previous site removed. A failed or interrupted build leaves
the previous site exactly as it was (a killed build may leave its temporary
folder, which the next build removes).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from smartcity import PROJECT_DIR

PREFIX = ".site-build-"


def remove_stale(parent: Path, name: str) -> None:
    """Remove temporary build folders left by killed builds."""
    for stale in parent.glob(f"{PREFIX}{name}-*"):
        shutil.rmtree(stale, ignore_errors=True)


def atomic_build(site_dir: Path, mkdocs_args: list[str], config: Path | None = None) -> int:
    """Build into a temporary folder and replace the site only when the build succeeded."""
    site_dir = site_dir.absolute()
    parent = site_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    remove_stale(parent, site_dir.name)
    staging = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{site_dir.name}-", dir=parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(staging / "site"), *mkdocs_args]
    if config is not None:
        command += ["--config-file", str(config)]
    try:
        code = subprocess.call(command, cwd=PROJECT_DIR, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    except KeyboardInterrupt:
        code = 130
    if code != 0 or not (staging / "site" / "index.html").exists():
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build.py: pembangunan gagal (kode {code}); {site_dir} tidak diubah.", file=sys.stderr)
        return code or 1
    previous = staging / "previous"
    if site_dir.exists():
        os.replace(site_dir, previous)
    os.replace(staging / "site", site_dir)
    shutil.rmtree(staging, ignore_errors=True)
    return 0
