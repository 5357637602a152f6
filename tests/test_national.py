"""The site at national scale: 514 synthetic regions (`sample: true`)."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

import pytest
from accountability import num
from bs4 import BeautifulSoup
from conftest import PYTHON, run
from linkcheck import broken_links

from smartcity.reference import load_reference
from smartcity.site.pages.region import region_pages
from smartcity.validation.cache import CheckCache
from smartcity.validation.loader import check_files, region_files

pytestmark = pytest.mark.slow


def test_generated_set_covers_every_official_region_and_validates(national_regions: Path) -> None:
    files = region_files(national_regions)
    assert len(files) == 514
    result = run([PYTHON, "scripts/validate.py", str(national_regions)], timeout=300)
    assert result.returncode == 0, result.stdout[-2000:]
    # the models from the check cache the command above has just filled (the same checks, not run twice)
    regions = check_files(files, workers=None, cache=CheckCache.from_environment()).regions
    assert all(r.sample for r in regions)
    assert {r.code for r in regions} == {r.code for r in load_reference().regions}


def test_every_region_has_every_page_and_links_resolve(national_site: Path) -> None:
    regions = [p for p in (national_site / "wilayah").iterdir() if p.is_dir()]
    assert len(regions) == 514
    for region in regions:
        assert len(list(region.rglob("index.html"))) == len(region_pages(load_reference()))
    assert broken_links(national_site) == []


def test_page_size_does_not_grow_with_the_number_of_regions(national_site: Path, sample_site: Path) -> None:
    """The theme's part of a region page (everything outside the article) is the
    same with 4 and with 514 regions: no nav or index that grows with N."""
    def chrome(path: Path) -> int:
        html = path.read_text(encoding="utf-8")
        article = BeautifulSoup(html, "html.parser").select_one("article")
        return len(html.encode()) - len(str(article).encode())
    small = chrome(sample_site / "wilayah" / "kota-pekalongan" / "analisis" / "index.html")
    large = chrome(next((national_site / "wilayah").iterdir()) / "analisis" / "index.html")
    assert abs(small - large) < 400, (small, large)
    sizes = [p.stat().st_size for p in (national_site / "wilayah").rglob("*/index.html")]
    assert statistics.median(sizes) < 40_000


def test_index_and_search_cover_all_regions(national_regions: Path, national_site: Path) -> None:
    result = check_files(region_files(national_regions), workers=None, cache=CheckCache.from_environment())
    rows = BeautifulSoup((national_site / "wilayah" / "index.html").read_text(encoding="utf-8"),
                         "html.parser").select(".sc-regions-table tbody tr")
    assert len(rows) == 514
    headers = [th.get_text(" ", strip=True) for th in BeautifulSoup(
        (national_site / "wilayah" / "index.html").read_text(encoding="utf-8"), "html.parser").select(
        ".sc-regions-table thead th")]
    for row, region in zip(rows, result.regions, strict=True):
        cells = dict(zip(headers, [c.get_text(strip=True) for c in row.find_all(["th", "td"], recursive=False)],
                         strict=True))
        assert row.th.a.get_text() == region.name
        done = sum(1 for q in region.quick_wins if q.status == "done")
        assert cells["Program (semua)"].split("(")[0] == num(len(region.programs))
        assert cells["Quick win selesai"] == f"{num(done)}/{num(len(region.quick_wins))}"
    # The search index (Pagefind) holds every page marked for it: twelve per region.
    entry = json.loads((national_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    marked = [p for p in national_site.rglob("index.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    assert entry["languages"]["id"]["page_count"] == len(marked)
    # a page that only says its part is empty is not indexed (issue 26)
    searchable = sum(page.searchable(region) for region in result.regions for page in region_pages(load_reference()))
    assert sum(1 for p in marked if p.parts[-3] == "wilayah" or p.parts[-4] == "wilayah") == searchable


@pytest.mark.browser
def test_first_load_of_a_region_page_stays_light(browser, national_site: Path) -> None:
    """Bytes a phone downloads opening one region overview of the 514-region
    site, before any search: HTML, CSS, JS, images (uncompressed; a server
    that compresses sends less)."""
    from conftest import ARTIFACTS, StaticServer

    server = StaticServer(national_site)
    try:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        sizes: dict[str, int] = {}
        page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())))
        page.goto(server.url + "wilayah/kabupaten-aceh-barat/", wait_until="networkidle")
        total = sum(sizes.values())
        report = "\n".join(f"{n:>8} {u.removeprefix(server.url)}" for u, n in sorted(sizes.items(), key=lambda kv: -kv[1]))
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "page-weight.txt").write_text(f"{report}\n{total:>8} total\n", encoding="utf-8")
        print(f"first load of a region overview (514 regions): {total} bytes")
        assert not any("pagefind" in u or "search" in u for u in sizes), "no search index before the reader searches"
        assert total <= 300_000, report
        page.close()
    finally:
        server.close()


def test_national_views_and_open_data_match_the_data(national_regions: Path, national_site: Path) -> None:
    from test_national_views import check_everything, published

    check_everything(national_site, published(national_regions), element_pages=1, region_pages=12)


def test_national_data_package_is_valid_and_downloads_are_reported(national_site: Path) -> None:
    from conftest import ARTIFACTS
    from test_national_views import frictionless_validate

    frictionless_validate(national_site)
    data = national_site / "data"
    sizes = {p.relative_to(national_site).as_posix(): p.stat().st_size for p in data.iterdir() if p.is_file()}
    per_region = [p.stat().st_size for p in (data / "regions").iterdir()]
    lines = [f"{n:>10} {path}" for path, n in sorted(sizes.items())]
    lines.append(f"{sum(per_region):>10} data/regions/*.json ({len(per_region)} files, "
                 f"median {int(statistics.median(per_region))}, max {max(per_region)})")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "downloads-514.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    assert len(per_region) == 514


# Every page type, on one region of the 514 and the national pages. Axe runs on the pages
# whose content grows with the number of regions, and one region's main pages (the
# sample's page types all get axe in test_browser_site). The national pillar and element
# pages get the layout check only: their rows are the sample's, checked by axe there at
# both widths, repeated region after region, and axe over them here cost 44 s of the
# suite's ten minutes.
REGION = "wilayah/kabupaten-aceh-barat/"
NATIONAL_PAGE_TYPES = ("", "wilayah/", REGION, REGION + "analisis/", REGION + "peta-jalan/", REGION + "governance/",
                       REGION + "quick-wins/", REGION + "evaluasi/", REGION + "risiko/", REGION + "riwayat/",
                       REGION + "cetak/", "provinsi/", "provinsi/11/", "pilar/", "pilar/governance/",
                       "pilar/governance/service/", "pilar/governance/service/11/", "pilar/governance/quick-win/11/",
                       "peringkat/2021-2/2/", "statistik/", "peringkat/", "data/", "cari/?q=pelayanan",
                       "kontribusi/", "tentang/", "bandingkan/?wilayah=kabupaten-aceh-barat,kota-banda-aceh")
AXE_PAGES = {"", "wilayah/", REGION, REGION + "peta-jalan/", REGION + "governance/", "provinsi/", "provinsi/11/",
             "statistik/", "peringkat/", "data/",
             "bandingkan/?wilayah=kabupaten-aceh-barat,kota-banda-aceh"}


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [(1280, 900), (360, 740)], ids=["desktop", "phone"])
def test_every_page_type_fits_at_national_scale(browser, national_site: Path, viewport: tuple[int, int]) -> None:
    """The 514-region site at both widths: no sideways page scroll, chart text at least
    11 px, wide things in focusable scroll boxes; axe without serious or critical findings
    on the phone (where the tables scroll; the desktop run of axe over the same markup
    adds a minute to the suite and is covered on the sample at both widths)."""
    from axe_playwright_python.sync_playwright import Axe
    from conftest import StaticServer
    from layout import layout_problems

    server = StaticServer(national_site)
    try:
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        page = context.new_page()
        found = {}
        for path in NATIONAL_PAGE_TYPES:
            page.goto(server.url + path, wait_until="networkidle")
            problems = layout_problems(page, viewport[0])
            if viewport[0] < 600 and path in AXE_PAGES:
                problems += [f"axe {v['id']} ({v['impact']})" for v in Axe().run(page).response["violations"]
                             if v["impact"] in ("serious", "critical")]
            if problems:
                found[path] = problems
        assert found == {}
        context.close()
    finally:
        server.close()


@pytest.mark.browser
def test_search_at_national_scale(browser, national_site: Path) -> None:
    """Issue 14 on the 514-region site: other word forms are found and marked, an agency
    finds its programmes (a sub-result on the programme's heading), a filter narrows."""
    from conftest import StaticServer
    from test_browser_search import results

    server = StaticServer(national_site)
    try:
        page = browser.new_page()
        page.goto(server.url + "cari/?q=izin")
        found = results(page)
        marks = page.eval_on_selector_all(".sc-search__result mark", "els => els.map(e => e.textContent.toLowerCase())")
        assert found and any(m.startswith("perizinan") for m in marks), marks[:10]
        page.goto(server.url + "cari/?q=pemerintah")
        results(page)
        marks = page.eval_on_selector_all(".sc-search__result mark", "els => els.map(e => e.textContent.toLowerCase())")
        assert any(m.startswith("pemerintahan") for m in marks), marks[:10]
        def count() -> int:
            return int(page.inner_text(".sc-search__status").split(" ", 1)[0])
        page.goto(server.url + "cari/?q=DPMPTSP")
        everything = results(page)
        assert any("#program-" in link for r in everything for link in r["links"])
        total = count()
        page.select_option("select[name=provinsi]", "Aceh")
        narrowed = results(page)
        assert narrowed and 0 < count() < total and all("Aceh" in r["text"] for r in narrowed)
        page.close()
    finally:
        server.close()


def test_every_page_writes_numbers_the_indonesian_way(national_site: Path) -> None:
    """At 514 regions counts reach five digits: every one has its thousands separators, and no
    page shows exponent notation or "-0" (issue 24)."""
    from numbers_scan import badly_written_numbers

    assert badly_written_numbers(national_site) == {}


@pytest.mark.browser
def test_equal_values_keep_the_servers_order_however_a_table_is_sorted(browser, national_site: Path) -> None:
    """The ranking table sorts itself by rank when its script loads (tablesort), and a reader
    sorts any column: rows with equal values stay in the server's order (rank, then name: the
    order the round's leaders are named in), not reversed and flipped on every sort as
    tablesort leaves them. The same on the regions index."""
    from conftest import StaticServer

    def server_order(path: str, table: str) -> list[str]:
        served = BeautifulSoup((national_site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        return [a.get_text(strip=True) for a in served.select(f"{table} tbody th > a")]

    def rows(page, table: str, column: int) -> list[tuple[str, str]]:
        return page.eval_on_selector_all(f"{table} tbody tr", """(rows, column) => rows.map(r => [
            (r.cells[column].getAttribute('data-sort') || r.cells[column].textContent).trim(),
            r.querySelector('th > a').textContent.trim()])""", column)

    def ties_in_server_order(found: list[tuple[str, str]], order: list[str]) -> int:
        place = {name: i for i, name in enumerate(order)}
        ties = 0
        for (key, name), (next_key, next_name) in zip(found, found[1:], strict=False):
            if key == next_key:
                ties += 1
                assert place[name] < place[next_name], (key, name, next_name)
        return ties

    ranking = server_order("peringkat", ".sc-ranking-table")
    regions = server_order("wilayah", "#sc-regions")
    server = StaticServer(national_site)
    try:
        page = browser.new_page()
        page.goto(server.url + "peringkat/", wait_until="networkidle")
        page.wait_for_function("document.querySelector('.sc-ranking-table th[aria-sort]') !== null")
        shown = rows(page, ".sc-ranking-table", 0)
        assert [name for _, name in shown] == ranking
        assert ties_in_server_order(shown, ranking) > 0, "the synthetic round has no equal ranks to check"
        final = page.locator(".sc-ranking-table thead th", has_text="Nilai akhir")
        column = final.evaluate("th => th.cellIndex")
        for _ in range(2):  # ascending, then descending
            final.click()
            assert ties_in_server_order(rows(page, ".sc-ranking-table", column), ranking) > 0
        page.goto(server.url + "wilayah/", wait_until="networkidle")
        done = page.locator("#sc-regions thead th", has_text="Program selesai")
        column = done.evaluate("th => th.cellIndex")
        for _ in range(2):
            done.click()
            assert ties_in_server_order(rows(page, "#sc-regions", column), regions) > 0
        page.close()
    finally:
        server.close()
