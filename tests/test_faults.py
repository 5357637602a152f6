"""Faults around the build (issue 15): a second build waits for the first, a
killed build leaves no process behind, environment and file-system errors are
one line and a non-zero exit, the workers never read a region file, and the CSV
writer refuses what the validator should have refused."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import MKDOCS, PYTHON, ROOT, run, wait_until_mid_build

from smartcity.export import Field, Table, UnsafeCell, csv_bytes
from smartcity.processes import build_lock
from smartcity.site.addresses import region_src, url_of
from smartcity.site.output import prerender
from smartcity.site.output.prerender import RegionBodies
from smartcity.site.pages.region import region_pages
from smartcity.site.pages.renderer import Renderer
from smartcity.site.sitedata import Settings, load_site_data

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _build(site: Path, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen([PYTHON, "scripts/build.py", "--site-dir", str(site)], cwd=ROOT, env={**ENV, **env},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _session_processes(session: int) -> list[int]:
    """Processes still alive in a session (the build and anything it started)."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] != "Z":  # fields after the name: state, ppid, pgrp, session
            alive.append(int(entry.name))
    return alive


def test_a_second_build_of_the_same_site_waits_for_the_first(tmp_path: Path) -> None:
    site = tmp_path / "site"
    with build_lock(site.absolute(), lambda: None):  # a build in progress, as another process would hold it
        waiting = _build(site)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (tmp_path / "site").exists():
            assert waiting.poll() is None, waiting.communicate()
            if waiting.stderr is not None and "menunggu" in (line := waiting.stderr.readline()):
                break
        else:
            pytest.fail("the second build did not say that it waits")
        time.sleep(1)
        assert waiting.poll() is None and not site.exists(), "it waits while the lock is held"
    _, stderr = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, stderr
    assert "Traceback" not in line + stderr and (site / "index.html").exists()
    # two real builds started together: both succeed, one after the other
    first, second = _build(site), _build(site)
    results = [(p.wait(300), p.communicate()[1]) for p in (first, second)]
    assert [code for code, _ in results] == [0, 0], results
    assert not any("Traceback" in err for _, err in results)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_killed_build_leaves_no_process_behind(tmp_path: Path) -> None:
    from smartcity.tools.synthetic import write_national

    regions = tmp_path / "regions"
    write_national(regions, count=60)  # a build of several seconds: its child would outlive a quick check
    site = tmp_path / "public" / "site"
    build = _build(site, SMARTCITY_REGIONS_DIR=str(regions))
    wait_until_mid_build(build, site)
    assert len(_session_processes(build.pid)) >= 2, "MkDocs runs as a child of build.py"
    os.kill(build.pid, signal.SIGKILL)  # only build.py: its MkDocs child and workers must not go on alone
    build.wait(30)
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and _session_processes(build.pid):
        time.sleep(0.05)
    left = _session_processes(build.pid)
    if left:
        os.killpg(build.pid, signal.SIGKILL)
    assert left == []
    assert not (site / "index.html").exists()
    # the next build removes what the killed one left beside the site, says so, and publishes a whole site
    leftover = [p.name for p in site.parent.glob(".site-build-site-*")]
    assert leftover, "a SIGKILLed build.py cannot clean up after itself"
    for path in sorted(regions.glob("*.yml"))[3:]:   # the clean-up is the point, not another long build
        path.unlink()
    result = subprocess.run([PYTHON, "scripts/build.py", "--site-dir", str(site)], cwd=ROOT, capture_output=True,
                            text=True, timeout=600, env={**os.environ, "SMARTCITY_REGIONS_DIR": str(regions)})
    assert result.returncode == 0, result.stderr[-2000:]
    assert all(f"folder sementara dari pembangunan yang terhenti dihapus: {name}" in result.stderr for name in leftover)
    assert list(site.parent.glob(".site-build-*")) == [] and (site / "index.html").is_file()


def test_a_terminated_build_stops_its_child_and_says_so(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build = _build(site)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and build.poll() is None and not any(tmp_path.glob(".site-build-*/site")):
        time.sleep(0.01)
    build.send_signal(signal.SIGTERM)
    _, stderr = build.communicate(timeout=60)
    assert build.returncode != 0 and "Traceback" not in stderr
    assert _session_processes(build.pid) == []
    assert not site.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("how", ["missing regions folder", "unknown preview region", "output under a file"])
def test_environment_errors_are_one_line_and_a_non_zero_exit(tmp_path: Path, how: str) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    env = {"missing regions folder": {"SMARTCITY_REGIONS_DIR": str(tmp_path / "nowhere")},
           "unknown preview region": {"SMARTCITY_ONLY": "kota-pekalongn"},
           "output under a file": {}}[how]
    site = blocker / "site" if how == "output under a file" else tmp_path / "site"
    expected = {"missing regions folder": "folder data wilayah tidak ditemukan",
                "unknown preview region": "maksud Anda: kota-pekalongan",
                "output under a file": "tidak dapat ditulis"}[how]
    for command in (MKDOCS + ["build", "-q", "-d", str(site)], [PYTHON, "scripts/build.py", "--site-dir", str(site)]):
        result = run(command, env=env, timeout=120)
        output = result.stdout + result.stderr
        assert result.returncode != 0, (command, output)
        assert "Traceback" not in output and expected in output, (command, output)
        assert not (site / "index.html").exists()


def test_workers_render_from_the_checked_data_without_reading_the_files(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    regions_dir = tmp_path / "regions"
    shutil.copytree(ROOT / "data" / "regions", regions_dir)
    site = load_site_data(Settings(regions_dir=regions_dir))
    renderer = Renderer(site)
    # a change saved during the build, then the file gone: what was checked is what is rendered
    for path in regions_dir.iterdir():
        path.write_text("rusak: [", encoding="utf-8")
    shutil.rmtree(regions_dir)
    monkeypatch.setattr(prerender, "PARALLEL_FROM", 1)
    bodies = RegionBodies(site, renderer, workers=2)
    try:
        assert bodies._pool is not None, "rendered by worker processes"
        workers = list(bodies._pool._processes.values())
        while not bodies.finished():
            time.sleep(0.05)
        # done rendering, the workers end (before the search index is built); the bodies stay
        bodies.stop_idle_workers()
        assert bodies._pool is None and workers and not any(w.is_alive() for w in workers)
        for region in site.regions:
            for page in region_pages(site.reference):
                url = url_of(region_src(region.id, page.slug), True)
                assert bodies.body(region_src(region.id, page.slug), region.id, page.slug, url) == \
                    renderer.region_page(region.id, page.slug, url)
    finally:
        bodies.close()


@pytest.mark.parametrize("text", ["=1+1", "\x01=1+1", " \u00a0@SUM(A1)", "\uff1dHYPERLINK(1)", "teks\x1b[31m",
                                  "\t-1", "a\u202eb"])
def test_the_csv_writer_refuses_what_the_validator_refuses(text: str) -> None:
    table = Table("t", "data/t.csv", "t", "t", (Field("name", "string", "n"),), ("name",), ((text,),))
    with pytest.raises(UnsafeCell):
        csv_bytes(table)
    assert csv_bytes(Table("t", "data/t.csv", "t", "t", (Field("name", "string", "n"),), ("name",), (("- butir",),)))


def test_the_preview_refuses_an_unknown_region() -> None:
    """`make preview REGION=typo` used to serve a site without the region."""
    result = run(MKDOCS + ["serve", "--dev-addr", "127.0.0.1:0"], env={"SMARTCITY_ONLY": "kota-pekalongn",
                                                                      "SMARTCITY_DRAFTS": "1"}, timeout=120)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert "wilayah 'kota-pekalongn' tidak ada" in output and "maksud Anda: kota-pekalongan" in output
