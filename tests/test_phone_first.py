"""Phone first (issue 26): how a region is doing on a 360 x 800 phone's first screen, the
answer of every table in view without scrolling sideways, trend charts at their latest
round, a region found by its name first, and national pages that do not grow with the
number of regions (checked on the sample here and on 514 regions in test_national.py)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from test_browser_search import search

from smartcity.validation.loader import load_regions

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
PHONE = {"width": 360, "height": 800}
# every page type with a table or list whose answer (status, verdict, score, rank) a
# reader looks for, and the regions index
ANSWER_PAGES = ("wilayah/", "wilayah/kota-pekalongan/governance/", "wilayah/kabupaten-pemalang/governance/",
                "wilayah/kota-pekalongan/peta-jalan/", "wilayah/kota-pekalongan/evaluasi/", "peringkat/",
                "peringkat/2021-2/", "pilar/governance/service/33/", "pilar/governance/quick-win/33/",
                "provinsi/33/", "wilayah/kota-pekalongan/cetak/", "bandingkan/?wilayah=kota-pekalongan,kabupaten-kendal")
OUT_OF_VIEW = """(width) => {
  const cells = [...document.querySelectorAll(
      'article .sc-answer, article table .sc-status, article table .sc-assess, article .sc-quick-win .sc-status')]
    .filter(e => e.getClientRects().length);
  return [cells.length, cells.filter(e => { const r = e.getBoundingClientRect();
      return r.left < 0 || r.right > width + 0.5; }).map(e => e.textContent.trim().slice(0, 30))];
}"""


def glance_bottom(page) -> float:
    """Where the overview's summary ends, from the top of the page."""
    return page.locator(".sc-glance").evaluate("e => e.getBoundingClientRect().bottom + window.scrollY")


def test_the_overview_says_how_the_region_is_doing_on_the_first_screen(browser, sample_server) -> None:
    page = browser.new_page(viewport=PHONE)
    for region in load_regions(ROOT / "data" / "regions"):
        page.goto(sample_server.url + f"wilayah/{region.id}/", wait_until="networkidle")
        # right after the title, before the region's page menu and its facts
        assert page.evaluate("document.querySelector('article h1').nextElementSibling.className") == "sc-glance"
        assert glance_bottom(page) <= 800, region.id
        text = page.locator(".sc-glance").text_content()
        assert "Program selesai" in text and " dari " in text and "Data per" in text
        scored = [e for e in region.evaluations if e.scores and e.scores.final is not None]
        if scored:
            latest = f"{scored[-1].scores.final:.2f}".replace(".", ",")
            assert latest in text and scored[-1].label in text and "peringkat" in text, region.id
        else:
            assert "belum ada" in text
    page.close()


def test_answers_are_in_view_on_a_phone(browser, sample_server) -> None:
    """Status, verdict, score and rank cells lie inside a 360 px screen on every page type:
    tables become cards, the regions index shows its first three columns."""
    page = browser.new_page(viewport=PHONE)
    seen = 0
    for path in ANSWER_PAGES:
        page.goto(sample_server.url + path, wait_until="networkidle")
        count, outside = page.evaluate(OUT_OF_VIEW, 360)
        assert outside == [], path
        seen += count
    assert seen > 40
    page.goto(sample_server.url + "wilayah/", wait_until="networkidle")
    shown = page.eval_on_selector_all("#sc-regions thead th", "ths => ths.filter(t => t.getClientRects().length)"
                                      ".map(t => t.textContent)")
    assert shown == ["Wilayah", "Program selesai (dari tidak dibatalkan)", "Nilai terakhir (putaran)"]
    wrap = page.locator("#sc-regions").locator("xpath=..")
    assert wrap.evaluate("e => e.scrollWidth <= e.clientWidth")
    page.close()


def test_the_phone_menu_opens_the_sites_sections_on_a_generated_page(browser, sample_server) -> None:
    """Region and national pages carry no drawer (a second copy of the tabs): on a phone the
    menu button opens the tabs as a list, and a link in it goes where it says."""
    page = browser.new_page(viewport=PHONE)
    page.goto(sample_server.url + "wilayah/kota-pekalongan/", wait_until="networkidle")
    assert page.locator(".md-sidebar--primary").count() == 0
    statistics = page.locator(".sc-tabs-menu .md-tabs__link", has_text="Statistik")
    assert not statistics.is_visible()
    page.mouse.wheel(0, 600)
    page.click("label.md-header__button[for=__drawer]")
    statistics.wait_for(state="visible")
    box = statistics.bounding_box()
    assert 0 <= box["x"] and box["x"] + box["width"] <= 360 and box["y"] < 800
    statistics.click()
    page.wait_for_url("**/statistik/")
    # the Markdown pages keep the theme's drawer, which also holds their contents
    page.goto(sample_server.url + "tentang/", wait_until="networkidle")
    assert page.locator(".md-sidebar--primary").count() == 1
    page.close()


def test_the_downloads_show_their_size_on_a_phone(browser, sample_server) -> None:
    """On a slow network the size of a download matters before the tap: at 360 px each file
    on /data/ is a card with its name, size and content, and no table of the page scrolls
    sideways (the size column was off screen in a sideways-scrolling table)."""
    page = browser.new_page(viewport=PHONE)
    page.goto(sample_server.url + "data/", wait_until="networkidle")
    sizes = page.eval_on_selector_all(".sc-download-list td[data-bytes]", """cells => cells.map(c => {
        const r = c.getBoundingClientRect(); return [c.textContent.trim(), r.left >= 0 && r.right <= 360]; })""")
    assert len(sizes) >= 8 and all(inside for _, inside in sizes), sizes
    assert all(text.startswith("Ukuran") for text in page.locator(".sc-download-list td[data-bytes]").evaluate_all(
        "cells => cells.map(c => getComputedStyle(c, '::before').content.replaceAll('\"', ''))")), "labelled"
    wide = page.eval_on_selector_all("article .sc-table-wrap", "ws => ws.filter(w => w.scrollWidth > w.clientWidth + 1)"
                                     ".map(w => w.querySelector('table').className)")
    assert wide == []
    page.close()


CELL_LABELS = """(table) => [...table.tBodies[0].rows].flatMap(r => [...r.cells].slice(1)
    .filter(c => c.tagName === 'TD' && !c.matches('.sc-roadmap-table td:last-child')).map(c => getComputedStyle(c, '::before').content.replaceAll('"', '').trim()))"""


def test_phone_cards_name_every_cell_and_without_javascript_the_table_scrolls(browser, sample_server) -> None:
    """The column names of a phone card come from the column headings (`th data-label`, put
    on the cells by a script, not written in every cell): each cell of a programme or goal
    table says its column on a pillar page and on the printed masterplan, whose parts are
    fetched. Without JavaScript the table stays a table and scrolls in its frame."""
    page = browser.new_page(viewport=PHONE)
    expected = {"sc-goals": {"Nilai awal", "Capaian terakhir", "Target", "Penilaian"},
                "sc-programs": {"Perangkat daerah", "Tahun", "Anggaran", "Status"}}
    for path in ("wilayah/kota-pekalongan/governance/", "wilayah/kota-pekalongan/cetak/",
                 "wilayah/kota-pekalongan/peta-jalan/"):
        page.goto(sample_server.url + path, wait_until="networkidle")
        if path.endswith("cetak/"):
            page.wait_for_selector("html[data-sc-print=ready]")
        if path.endswith("peta-jalan/"):
            table = page.locator("article table.sc-roadmap-table").first
            assert set(table.evaluate(CELL_LABELS)) == {"Pilar", "Tahun", "Status"}
            continue
        for kind, names in expected.items():
            selector = "table.sc-goals" if kind == "sc-goals" else \
                "table.sc-cards-narrow:not(.sc-goals):not(.sc-roadmap-table)"
            table = page.locator(f"article {selector}").first
            labels = table.evaluate(CELL_LABELS)
            assert labels and set(labels) == names, (path, kind, labels)
            assert table.evaluate("t => getComputedStyle(t).display") == "block"   # a card list
    page.close()
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(sample_server.url + "wilayah/kota-pekalongan/governance/")
    table = page.locator("article table.sc-cards-narrow").first
    assert table.evaluate("t => getComputedStyle(t).display") == "table"
    assert table.evaluate("t => t.querySelector('td[data-label]') === null")
    assert table.locator("xpath=..").evaluate("w => getComputedStyle(w).overflowX") == "auto"
    context.close()


def test_a_trend_chart_opens_at_its_latest_round(browser, sample_server) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(sample_server.url + "wilayah/kota-pekalongan/evaluasi/", wait_until="networkidle")
    box = page.locator("figure.sc-trend .sc-chart__scroll")
    assert box.evaluate("e => e.scrollWidth > e.clientWidth + 50")   # wider than the phone: it scrolls
    inside = box.evaluate("""(e) => { const b = e.getBoundingClientRect();
        const texts = [...e.querySelectorAll('text')]; const r = texts[texts.length - 1].getBoundingClientRect();
        return r.left >= b.left - 1 && r.right <= b.right + 1; }""")
    assert inside
    page.close()


def test_a_regions_name_finds_its_overview_first(browser, sample_server) -> None:
    page = browser.new_page()
    for query, overview in (("Kendal", "wilayah/kabupaten-kendal/"), ("Pemalang", "wilayah/kabupaten-pemalang/")):
        found = search(page, sample_server.url, query)
        assert found[0]["links"][0].endswith(overview), [r["links"][0] for r in found[:5]]
    # two regions share the name: both overviews come before any other page
    found = search(page, sample_server.url, "pekalongan")
    assert {r["links"][0].split("/wilayah/")[1] for r in found[:2]} == {"kota-pekalongan/", "kabupaten-pekalongan/"}
    assert all("PAGEFIND" not in r["title"] for r in found)
    page.close()


@pytest.mark.slow
def test_national_pages_stay_small_at_514_regions(national_site: Path) -> None:
    """No national page is over 150 KB of HTML; the regions index (one sortable table of
    every region) may be larger while it stays under 80 KB gzipped."""
    sizes = {p: p.stat().st_size for p in national_site.rglob("index.html")
             if not (p.parent.parent.name == "wilayah" or p.parent.parent.parent.name == "wilayah")}
    index = national_site / "wilayah" / "index.html"
    assert len(gzip.compress(index.read_bytes())) <= 80_000
    too_big = {str(p.relative_to(national_site)): n for p, n in sizes.items() if p != index and n > 150_000}
    assert too_big == {}
    assert len(sizes) > 600   # the paged lists are there


@pytest.mark.slow
def test_national_pages_fit_thirty_phone_screens_at_514_regions(browser, national_site: Path) -> None:
    """The largest pages of each national kind (by bytes) and the home page are at most 30
    screens of a 360 x 800 phone; the regions index fits 1280 px without scrolling sideways;
    a region's summary is on its first screen."""
    from conftest import StaticServer

    kinds: dict[tuple[str, int, bool], list[tuple[int, str]]] = {}
    for p in national_site.rglob("index.html"):
        rel = p.parent.relative_to(national_site).as_posix()
        parts = rel.split("/")
        if parts[0] == "wilayah":
            continue
        kinds.setdefault((parts[0], len(parts), "quick-win" in parts), []).append((p.stat().st_size, rel))
    largest = sorted({rel for pages in kinds.values() for _, rel in sorted(pages, reverse=True)[:3]} | {"."})
    server = StaticServer(national_site)
    try:
        context = browser.new_context(viewport=PHONE, java_script_enabled=False)
        page = context.new_page()
        tall = {}
        for rel in largest:
            page.goto(server.url + ("" if rel == "." else rel + "/"))
            height = page.evaluate("document.documentElement.scrollHeight")
            if height > 30 * 800:
                tall[rel] = height
        assert tall == {}
        context.close()
        page = browser.new_page(viewport=PHONE)
        page.goto(server.url + "wilayah/kota-jambi/", wait_until="networkidle")
        assert glance_bottom(page) <= 800
        outside = {}
        page.goto(server.url + "wilayah/", wait_until="networkidle")   # region, progress, score: no scrolling
        assert page.locator("#sc-regions").locator("xpath=..").evaluate("e => e.scrollWidth <= e.clientWidth")
        for path in ("wilayah/kota-jambi/governance/", "wilayah/kota-jambi/evaluasi/",
                     "wilayah/kota-jambi/peta-jalan/", "peringkat/2021-2/2/", "pilar/governance/service/15/",
                     "pilar/governance/quick-win/15/"):
            page.goto(server.url + path, wait_until="networkidle")
            count, cells = page.evaluate(OUT_OF_VIEW, 360)
            if cells or not count:
                outside[path] = (count, cells[:5])
        assert outside == {}
        page.close()
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(server.url + "wilayah/", wait_until="networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
        assert page.locator("#sc-regions").locator("xpath=..").evaluate("e => e.scrollWidth <= e.clientWidth")
        found = search(page, server.url, "jambi")
        assert found[0]["links"][0].endswith("wilayah/kota-jambi/"), [r["links"][0] for r in found[:5]]
        page.close()
    finally:
        server.close()
