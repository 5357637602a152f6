"""Shared fixtures: the project paths, a CLI runner, and sample-site builds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
MKDOCS = [PYTHON, "-m", "mkdocs"]


def run(args: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT,
        timeout: float = 600) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(args, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout)


def build_site(site_dir: Path, regions_dir: Path | None = None, extra_env: dict[str, str] | None = None,
               ) -> subprocess.CompletedProcess[str]:
    env = dict(extra_env or {})
    if regions_dir is not None:
        env["SMARTCITY_REGIONS_DIR"] = str(regions_dir)
    return run(MKDOCS + ["build", "--strict", "-q", "-d", str(site_dir)], env=env)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the bundled sample data, once per test session."""
    site = tmp_path_factory.mktemp("sample") / "site"
    result = build_site(site)
    assert result.returncode == 0, result.stderr
    return site
