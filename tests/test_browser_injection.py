"""The injection region opened in a real browser: no dialog, no script from the data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import StaticServer, build_site

from smartcity.reference import load_reference
from smartcity.site.pages.region import region_pages

pytestmark = pytest.mark.browser
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def injection_server(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("injection-browser")
    (tmp / "regions").mkdir()
    shutil.copyfile(FIXTURES / "injection.yml", tmp / "regions" / "kota-pekalongan.yml")
    result = build_site(tmp / "site", tmp / "regions")
    assert result.returncode == 0, result.stderr
    server = StaticServer(tmp / "site")
    yield server
    server.close()


def settle(page) -> None:
    """Wait until the page is idle and two frames have been drawn: any script the data
    could have smuggled in (an onerror, an inline script) has had its chance to run."""
    page.wait_for_load_state("networkidle")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


@pytest.mark.parametrize("slug", [p.slug for p in region_pages(load_reference())])
def test_no_dialog_and_no_data_script_on_any_region_page(browser, injection_server, slug: str) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    url = f"{injection_server.url}wilayah/kota-pekalongan/{slug + '/' if slug else ''}"
    response = page.goto(url, wait_until="load")
    assert response.ok
    if slug == "cetak":
        page.wait_for_selector("html[data-sc-print=ready]")
    settle(page)
    assert dialogs == []
    assert page.evaluate("typeof window.__pwned") == "undefined"
    # no script in the article comes from data: only the site's own files, the print page's
    # assembler (which brings the hostile pillar sections in as inert nodes) and the phone
    # cards' column names (assets/cards.js)
    sources = page.eval_on_selector_all("article script", "els => els.map(e => e.getAttribute('src') || 'inline')")
    names = [src.rsplit("/", 1)[-1] for src in sources]
    assert [n for n in names if n != "cards.js"] == (["print.js"] if slug == "cetak" else [])
    assert names.count("cards.js") <= 1
    # the literal text is visible to the reader (the history page shows git data only)
    body = page.inner_text("article")
    assert "Kota Pekalongan" in body
    if slug != "riwayat":
        assert "alert(1)" in body
    page.close()


NATIONAL_PAGES = ["wilayah/", "provinsi/33/", "pilar/governance/", "pilar/governance/service/", "pilar/branding/",
                  "bandingkan/?wilayah=kota-pekalongan", "statistik/", "data/", "cari/?q=quick"]
OUR_SCRIPTS = ("tablesort.min.js", "tablesort.number.min.js", "regions.js", "filters.js", "compare.js", "search.js",
               "cards.js")


@pytest.mark.parametrize("path", NATIONAL_PAGES)
def test_no_dialog_and_no_data_script_on_national_pages(browser, injection_server, path: str) -> None:
    """The region's hostile titles and texts reach the national pages and the
    compare and search scripts: they stay text there too."""
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    response = page.goto(injection_server.url + path, wait_until="networkidle")
    assert response.ok
    settle(page)
    assert dialogs == []
    assert page.evaluate("typeof window.__pwned") == "undefined"
    scripts = page.eval_on_selector_all("article script", "els => els.map(e => e.getAttribute('src') || 'inline')")
    assert all(src.rsplit("/", 1)[-1] in OUR_SCRIPTS for src in scripts), scripts
    assert page.locator("article iframe, article img, article style, article [onerror]").count() == 0
    page.close()


def test_search_shows_the_payload_as_text(browser, injection_server) -> None:
    """Pagefind indexes the hostile region's pages: its titles and texts come back in
    results and excerpts as literal text, and nothing in them runs."""
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(injection_server.url + "cari/?q=alert")
    page.wait_for_function("document.querySelectorAll('.sc-search__result').length > 0", timeout=10000)
    settle(page)
    shown = page.inner_text(".sc-search__results")
    assert "<script>alert(1)</script>" in shown
    assert "{{ 7*7 }} quick win <script>alert(1)</script>" in shown
    assert dialogs == []
    assert page.evaluate("typeof window.__pwned") == "undefined"
    # results hold only links, marks and text: no element from the data
    tags = set(page.eval_on_selector_all(".sc-search__results *", "els => els.map(e => e.tagName)"))
    assert tags <= {"LI", "H2", "A", "P", "MARK", "UL", "SPAN"}, tags
    page.close()
