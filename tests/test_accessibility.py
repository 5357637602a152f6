"""Accessible to Open SDG's standard (issue 27): pa11y-ci, configured as Open SDG runs it
(WCAG2AA, its default HTML_CodeSniffer runner, Debian's chromium), reports no error on any
page type; axe reports no violation of any impact (landmark-unique included) at phone and
desktop widths. The sample has every page type; the 514-region pages whose markup grows
with scale are checked in the slow suite."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import CHROMIUM, ROOT, StaticServer
from test_browser_site import PAGE_TYPES

PA11Y = ROOT / "tests" / "a11y" / "node_modules" / ".bin" / "pa11y-ci"
# the page types of every region and national view, and Material's own 404 page
PAGES = sorted({url.split("?")[0] for url in PAGE_TYPES.values()} | {"404.html"})


def pa11y_errors(base_url: str, paths: list[str], tmp_path: Path) -> dict[str, list[str]]:
    """pa11y-ci's errors by page, as Open SDG configures it."""
    if not PA11Y.exists():
        pytest.fail("pa11y-ci is missing: run `bash scripts/setup.sh --test` (npm ci in tests/a11y)")
    config = tmp_path / "pa11yci.json"
    config.write_text(json.dumps({
        "defaults": {"standard": "WCAG2AA", "runners": ["htmlcs"], "timeout": 120000,
                     "chromeLaunchConfig": {"executablePath": CHROMIUM,
                                            "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]}},
        "urls": [base_url + path for path in paths]}), encoding="utf-8")
    result = subprocess.run([str(PA11Y), "--config", str(config), "--json"], capture_output=True, text=True,
                            timeout=900, env={"PATH": "/usr/bin:/bin", "PUPPETEER_SKIP_DOWNLOAD": "1",
                                              "HOME": str(tmp_path)})
    report = json.loads(result.stdout)
    assert report["total"] == len(paths), result.stderr[-2000:]
    # an issue of the page, or an error of the run itself (a page that did not load): both fail
    return {url: [f"{issue.get('code', 'pa11y')}: {issue.get('context', issue.get('message', ''))[:120]}"
                  for issue in issues]
            for url, issues in report["results"].items() if issues}


@pytest.mark.browser
def test_pa11y_ci_reports_no_error_on_any_page_type(sample_server, tmp_path: Path) -> None:
    assert pa11y_errors(sample_server.url, PAGES, tmp_path) == {}


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_axe_reports_no_violation_of_any_impact(browser, sample_server, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    found = {}
    for path in PAGES:
        page.goto(sample_server.url + path, wait_until="networkidle")
        violations = Axe().run(page).response["violations"]
        if violations:
            found[path] = [(v["id"], v["impact"], len(v["nodes"])) for v in violations]
    context.close()
    assert found == {}


# the markup of every page type is checked on the sample; at scale, the pages whose markup grows
NATIONAL_PAGES = ["wilayah/", "pilar/governance/", "bandingkan/"]


@pytest.mark.slow
@pytest.mark.browser
def test_the_pages_that_grow_with_scale_stay_clean(national_site: Path, browser, tmp_path: Path) -> None:
    server = StaticServer(national_site)
    try:
        region = sorted(p.name for p in (national_site / "wilayah").iterdir() if p.is_dir())[0]
        paths = [*NATIONAL_PAGES, f"wilayah/{region}/analisis/"]
        assert pa11y_errors(server.url, paths, tmp_path) == {}
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(server.url + f"wilayah/{region}/", wait_until="networkidle")
        assert Axe().run(page).response["violations"] == []
        context.close()
    finally:
        server.close()


CLS_OBSERVER = """window.__cls = 0;
new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
  .observe({type: "layout-shift", buffered: true});"""
# pages whose scripts touch the layout (filters, sorting, the compare form), checked on a desktop too
SCRIPTED = ("wilayah/", "provinsi/", "provinsi/33/", "pilar/governance/", "bandingkan/", "peringkat/", "statistik/")


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_no_page_type_shifts_its_layout(browser, sample_server, width: int) -> None:
    """Cumulative layout shift ≤ 0.1 (Lighthouse's "good") on every page type, measured in
    Chromium with the CPU slowed fourfold, as a mid-range phone runs the page's scripts."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.add_init_script(CLS_OBSERVER)
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    shifted = {}
    for path in (PAGES if width == 360 else SCRIPTED):
        page.goto(sample_server.url + path, wait_until="load")
        page.wait_for_timeout(600)
        value = page.evaluate("window.__cls")
        if value > 0.1:
            shifted[path] = round(value, 3)
    context.close()
    assert shifted == {}
