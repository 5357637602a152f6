"""The injection region opened in a real browser: no dialog, no script from the data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import StaticServer, build_site
from smartcity.pages import region_pages
from smartcity.reference import load_reference

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


@pytest.mark.parametrize("slug", [p.slug for p in region_pages(load_reference())])
def test_no_dialog_and_no_data_script_on_any_region_page(browser, injection_server, slug: str) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    url = f"{injection_server.url}wilayah/kota-pekalongan/{slug + '/' if slug else ''}"
    response = page.goto(url, wait_until="load")
    assert response.ok
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.evaluate("typeof window.__pwned") == "undefined"
    # every script on the page is the theme's own, none inline from data
    sources = page.eval_on_selector_all("article script", "els => els.length")
    assert sources == 0
    # the literal text is visible to the reader (the history page shows git data only)
    body = page.inner_text("article")
    assert "Kota Pekalongan" in body
    if slug != "riwayat":
        assert "alert(1)" in body
    page.close()
