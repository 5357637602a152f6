"""Full-text search (Pagefind) as a reader uses it, in Debian's chromium: other word
forms, words found only in descriptions, agencies, filters, the address bar, the
header field on a phone and by keyboard, and accessibility with results open."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser


def results(page) -> list[dict]:
    """Wait for the search to finish, then each result: its title, links and text."""
    page.wait_for_function("""() => { const s = document.querySelector('.sc-search__status').textContent;
        return s.includes('cocok') || s.includes('Tidak ada hasil'); }""", timeout=10000)
    page.wait_for_function("() => !document.querySelector('.sc-search__status').textContent.includes('cocok')"
                           " || document.querySelectorAll('.sc-search__result').length > 0", timeout=10000)
    return page.eval_on_selector_all(".sc-search__result", """els => els.map(li => ({
        title: li.querySelector('.sc-search__title').textContent,
        links: [...li.querySelectorAll('a')].map(a => a.getAttribute('href')),
        text: li.textContent }))""")


def search(page, base: str, query: str) -> list[dict]:
    page.goto(base + "cari/", wait_until="networkidle")
    page.fill("#sc-search-q", query)
    return results(page)


@pytest.mark.parametrize("query, title, anchor", [
    # another word form than the text: "izin" → "perizinan" (the Sakpore quick win)
    ("izin", "Quick wins: Kota Pekalongan", "#qw-qw-sakpore"),
    ("pemerintah", "Smart Governance: Kabupaten Pemalang", "#program-gov-infra-1"),
    # a word found only in a quick win's description
    ("pentas", "Quick wins: Kota Pekalongan", "#qw-qw-batik-fusion"),
    # an agency finds its programmes
    ("DPMPTSP", "Smart Governance: Kota Pekalongan", "#program-gov-1-1"),
])
def test_search_finds_word_forms_descriptions_and_agencies(browser, sample_server, query: str, title: str,
                                                          anchor: str) -> None:
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(sample_server.url + "cari/", wait_until="networkidle")
    assert not any("/pagefind/" in u for u in requested), "the index loads only when the reader searches"
    page.fill("#sc-search-q", query)
    found = results(page)
    assert any("/pagefind/" in u for u in requested)
    match = next(r for r in found if r["title"] == title)
    link = next(href for href in match["links"] if href.endswith(anchor))
    assert "Jawa Tengah" in match["text"]
    page.click(f".sc-search__result a[href='{link}']")
    page.wait_for_load_state()
    assert page.url.endswith(anchor)
    assert page.locator(anchor).is_visible()
    page.close()


def test_a_quick_wins_words_lead_to_its_region_not_to_national_lists(browser, sample_server) -> None:
    """The national pillar page lists every region's quick wins, with their descriptions;
    a word of one ("pentas", in Batik Fusion's) finds the region's page, not that list."""
    page = browser.new_page()
    found = search(page, sample_server.url, "pentas")
    links = [href for r in found for href in r["links"]]
    assert any(href.endswith("#qw-qw-batik-fusion") for href in links), links
    assert not any("/pilar/" in href for href in links), links
    page.close()


def test_matches_are_highlighted_and_other_forms_found(browser, sample_server) -> None:
    page = browser.new_page()
    found = search(page, sample_server.url, "pemerintah")
    marks = [m.lower() for m in page.eval_on_selector_all(".sc-search__result mark", "els => els.map(e => e.textContent)")]
    assert any(m.startswith("pemerintahan") for m in marks), marks
    assert len(found) >= 5
    page.close()


def test_a_filter_narrows_results_and_the_address_keeps_them(browser, sample_server) -> None:
    page = browser.new_page()
    everything = search(page, sample_server.url, "pemerintah")
    page.select_option("select[name=jenis]", "Kota")
    narrowed = results(page)
    assert 0 < len(narrowed) < len(everything)
    assert all("Kota Pekalongan" in r["text"] for r in narrowed)
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"q": ["pemerintah"], "jenis": ["Kota"]}
    # the address can be shared: opening it gives the same search
    page.goto(page.url)
    assert page.input_value("#sc-search-q") == "pemerintah"
    assert page.input_value("select[name=jenis]") == "Kota"
    assert [r["title"] for r in results(page)] == [r["title"] for r in narrowed]
    # a pillar filter and a programme status filter
    page.select_option("select[name=jenis]", "")
    page.select_option("select[name=pilar]", "Smart Governance")
    assert all("Smart Governance" in r["text"] for r in results(page))
    page.select_option("select[name=status]", "Selesai")
    done = results(page)
    assert done and len(done) < len(everything)
    page.close()


def test_nothing_found_says_so(browser, sample_server) -> None:
    page = browser.new_page()
    assert search(page, sample_server.url, "zzzyyyxxx") == []
    assert "Tidak ada hasil" in page.inner_text(".sc-search__status")
    page.close()


def test_header_search_on_a_phone_by_keyboard(browser, sample_server) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(sample_server.url + "wilayah/kota-pekalongan/", wait_until="networkidle")
    field = page.locator("header .sc-header-search input[name=q]")
    assert field.is_visible()
    box = field.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    for _ in range(12):   # reach the field with the Tab key alone
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.sc-header-search') !== null"):
            break
    assert page.evaluate("document.activeElement.name") == "q"
    page.keyboard.type("sampah")
    page.keyboard.press("Enter")
    page.wait_for_url("**/cari/?q=sampah")
    assert any(r["title"] == "Tata kelola sampah dan limbah" for r in results(page))
    context.close()


@pytest.mark.parametrize("viewport", [(1280, 900), (360, 740)], ids=["desktop", "phone"])
def test_search_page_with_results_is_accessible(browser, sample_server, viewport: tuple[int, int]) -> None:
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    page.goto(sample_server.url + "cari/?q=layanan")
    assert results(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport[0]
    violations = [(v["id"], v["impact"], v["nodes"][0]["target"]) for v in Axe().run(page).response["violations"]
                  if v["impact"] in ("serious", "critical")]
    assert violations == []
    context.close()
