"""Shared fixtures: the project paths, a CLI runner, and sample-site builds."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Builds and validators started by the tests keep their check cache apart from the
# developer's, fresh for every session.
os.environ.setdefault("SMARTCITY_CACHE_DIR", tempfile.mkdtemp(prefix="smartcity-test-cache-"))
# "Today" of every build and check in the tests: a fixed day (the reproducible-builds
# convention), so that overdue work and data age do not change with the calendar.
AS_OF_EPOCH = 1795478400  # 2026-11-24 00:00 UTC
os.environ["SOURCE_DATE_EPOCH"] = str(AS_OF_EPOCH)
PYTHON = sys.executable
# The console script, as the README runs it (not `python -m`, which would put the
# working directory on sys.path and hide import problems).
MKDOCS = [str(Path(PYTHON).parent / "mkdocs")]


def run(args: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT,
        timeout: float = 600) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(args, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout)


def wait_until_mid_build(build: subprocess.Popen, site: Path) -> None:
    """Wait until `scripts/build.py` has MkDocs writing into its staging folder,
    and check that the build is still running (so that a kill lands mid-build)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and build.poll() is None:
        if any(site.parent.glob(f".site-build-{site.name}-*/site/assets")):
            break
        time.sleep(0.01)
    assert build.poll() is None, "the build ended before it could be killed"
    assert any(site.parent.glob(f".site-build-{site.name}-*/site/assets")), "the kill lands mid-build"


# Two test processes (pyproject: `-n 2 --dist loadgroup`): the tests of the 514-region set
# share one process, so the set is generated and built once (~40 s and ~2 GB), not in both.
NATIONAL_FIXTURES = {"national_regions", "national_site"}


@pytest.hookimpl(tryfirst=True)   # before xdist's own hook reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if NATIONAL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.xdist_group("national"))


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


# --- browser -----------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _QuietHandler(__import__("http.server").server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class StaticServer:
    """Serves a built site on 127.0.0.1 (a free port) in a background thread."""

    def __init__(self, root: Path) -> None:
        import functools
        import http.server
        import threading

        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (Playwright's own browser download does not work here)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is missing: run `bash scripts/setup.sh --test` (it installs it with apt-get)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def sample_server(sample_site: Path):
    server = StaticServer(sample_site)
    yield server
    server.close()


# Screenshots, the sample PDF and the page-weight report, for people to look at:
# test-artifacts/ (ignored by git), or SMARTCITY_TEST_ARTIFACTS.
ARTIFACTS = Path(os.environ.get("SMARTCITY_TEST_ARTIFACTS") or ROOT / "test-artifacts")


@pytest.fixture(scope="session")
def national_regions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic national data set: all 514 official regions."""
    from smartcity.tools.synthetic import write_national

    folder = tmp_path_factory.mktemp("national") / "regions"
    write_national(folder)
    return folder


@pytest.fixture(scope="session")
def national_site(national_regions: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("national-site") / "site"
    result = build_site(site, national_regions)
    assert result.returncode == 0, result.stderr[-3000:]
    return site
