"""Sharing and discovery (issue 12 §6, §7, §4): each page's head read with a real
parser, the sitemap, the licence, the Indonesian 404 page, and the site served
under a sub-path in a real browser."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, build_site
from pages import printed_page

from smartcity.formatting import date_id
from smartcity.validation.loader import load_regions

SITE_URL = "https://smartcity.example.org/"
PAGE_TYPES = ("index.html", "wilayah/index.html", "wilayah/kota-pekalongan/index.html",
              "wilayah/kota-pekalongan/analisis/index.html", "wilayah/kota-pekalongan/governance/index.html",
              "wilayah/kota-pekalongan/quick-wins/index.html", "wilayah/kota-pekalongan/peta-jalan/index.html",
              "wilayah/kota-pekalongan/evaluasi/index.html", "wilayah/kota-pekalongan/risiko/index.html",
              "wilayah/kabupaten-kendal/index.html", "provinsi/33/index.html", "pilar/governance/index.html",
              "pilar/governance/service/index.html", "statistik/index.html", "data/index.html", "cari/index.html",
              "kontribusi/index.html", "tentang/index.html")


def head(site: Path, path: str) -> dict[str, str]:
    soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
    found = {m["property"]: m["content"] for m in soup.head.find_all("meta", property=True)}
    found |= {m["name"]: m["content"] for m in soup.head.find_all("meta", attrs={"name": True})}
    canonical = soup.head.find_all("link", rel="canonical")
    assert len(canonical) == 1, path
    found["canonical"] = canonical[0]["href"]
    found["title"] = soup.head.title.get_text()
    assert len(soup.head.find_all("meta", attrs={"name": "description"})) == 1, path
    return found


def test_every_page_type_has_open_graph_tags_and_its_own_description(sample_site: Path) -> None:
    descriptions = {}
    for path in PAGE_TYPES:
        tags = head(sample_site, path)
        address = SITE_URL + path.removesuffix("index.html")
        assert tags["canonical"] == address and tags["og:url"] == address, path
        assert tags["og:locale"] == "id_ID" and tags["og:type"] == "website"
        assert tags["og:image"] == SITE_URL + "assets/share.png"
        assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
        assert tags["twitter:card"] == "summary_large_image"
        assert tags["og:title"] and tags["og:title"] in tags["title"] or path == "index.html"
        assert 40 <= len(tags["description"]) <= 160 and tags["og:description"] == tags["description"], path
        descriptions[path] = tags["description"]
    assert len(set(descriptions.values())) == len(PAGE_TYPES), "every page says something of its own"
    assert "batik" in descriptions["wilayah/kota-pekalongan/index.html"]   # the region's own summary
    png = (sample_site / "assets" / "share.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png[16:20], "big") == 1200 \
        and int.from_bytes(png[20:24], "big") == 630


def test_the_sitemap_lists_every_public_page(sample_site: Path) -> None:
    tree = ElementTree.parse(sample_site / "sitemap.xml")
    listed = {loc.text for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    pages = {SITE_URL + p.relative_to(sample_site).as_posix().removesuffix("index.html")
             for p in sample_site.rglob("*.html") if p.name != "404.html" and p.name != "angka-wilayah.html"
             and "sunting" not in p.parts}   # the web editor: noindex, no page for crawlers
    assert listed == pages and len(listed) > 100


def test_the_data_licence_is_stated(sample_site: Path) -> None:
    package = json.loads((sample_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert "ODbL" in package["sources"][0]["title"]
    for path in ("data/index.html", "tentang/index.html", "index.html"):
        text = (sample_site / path).read_text(encoding="utf-8")
        assert "creativecommons.org/licenses/by/4.0" in text and "CC BY 4.0" in text, path
    assert "ODbL" in (sample_site / "tentang/index.html").read_text(encoding="utf-8")


def test_the_404_page_speaks_indonesian_and_offers_a_way_on(sample_site: Path) -> None:
    soup = BeautifulSoup((sample_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.article.h1.get_text() == "Halaman tidak ditemukan"
    assert [a["href"] for a in soup.article.find_all("a")] == ["/.", "/wilayah/", "/cari/"]
    assert "Not found" not in soup.get_text() and "Made with" not in soup.get_text()


class SubPathServer:
    """The site at /masterplan/ (a GitHub Pages project site); any missing address gets
    the site's 404 page, as such hosts do."""

    def __init__(self, site: Path) -> None:
        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def translate_path(self, path: str) -> str:
                clean = path.split("?", 1)[0].split("#", 1)[0]
                if not clean.startswith("/masterplan/"):
                    return str(site / "__outside__")
                return super().translate_path("/" + clean.removeprefix("/masterplan/"))

            def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
                if code != 404:
                    super().send_error(code, message, explain)
                    return
                body = (site / "404.html").read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.root = f"http://127.0.0.1:{self.server.server_port}"

    def close(self) -> None:
        self.server.shutdown()


@pytest.mark.browser
def test_served_under_a_sub_path_nothing_escapes_it(browser, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SMARTCITY_SITE_URL", "https://example.org/masterplan/")
    site = tmp_path / "site"
    assert build_site(site).returncode == 0
    from linkcheck import broken_links
    assert broken_links(site) == []
    server = SubPathServer(site)
    try:
        page = browser.new_page()
        requests: list[str] = []
        failed: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.on("requestfailed", lambda r: failed.append(r.url) if r.failure != "net::ERR_ABORTED" else None)
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and "/tidak/ada/" not in r.url else None)
        for path in ("", "wilayah/", "wilayah/kota-pekalongan/", "wilayah/kota-pekalongan/governance/",
                     "pilar/governance/service/", "statistik/", "data/", "cari/?q=izin", "tidak/ada/sama/sekali/"):
            page.goto(f"{server.root}/masterplan/{path}", wait_until="networkidle")
        assert page.locator("article h1").inner_text() == "Halaman tidak ditemukan"
        page.click("article a:has-text('Daftar kabupaten dan kota')")
        page.wait_for_load_state("networkidle")
        assert page.url == f"{server.root}/masterplan/wilayah/"
        page.goto(f"{server.root}/masterplan/cari/?q=izin")
        page.wait_for_function("document.querySelectorAll('.sc-search__result').length > 0", timeout=10000)
        link = page.locator(".sc-search__result a").first.get_attribute("href")
        assert link.startswith("/masterplan/"), link
        page.close()
        outside = [u for u in requests if not u.startswith(f"{server.root}/masterplan/") and not u.startswith("data:")]
        assert outside == [] and failed == []
    finally:
        server.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", ["wilayah/", "provinsi/33/", "statistik/", "peringkat/", "provinsi/", "data/",
                                  "pilar/governance/", "pilar/governance/service/", "wilayah/kota-pekalongan/governance/",
                                  "wilayah/kota-pekalongan/evaluasi/"])
def test_tables_fit_a_desktop_page_and_words_stay_whole(browser, sample_server, path: str) -> None:
    """At 1280 px every column of the national and region tables is visible without
    sideways scrolling (no sidebar that only repeats the tabs), and no word in a table
    is broken by layout."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(sample_server.url + path, wait_until="networkidle")
    assert page.evaluate("document.querySelector('.md-content').clientWidth") >= 1150
    wide = page.evaluate("""() => [...document.querySelectorAll('.sc-table-wrap')]
        .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.querySelector('table').className)""")
    assert wide == []
    # a word broken across lines shows as one text node taller than one line without a space in it
    broken = page.evaluate("""() => [...document.querySelectorAll('.sc-table td, .sc-table th')].flatMap(cell => {
        const words = []; const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const node = walker.currentNode;
          for (const m of node.textContent.matchAll(/\\S{4,}/g)) {
            const range = document.createRange(); range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
            if (range.getClientRects().length > 1) words.push(m[0]);
          }
        }
        return words; })""")
    assert broken == []
    page.close()


def test_sources_are_numbered_citations_not_ids(sample_site: Path) -> None:
    """Issue 12 §5: a citation is [n], the n-th entry of the page's source list (title,
    date, link when there is one); the internal ids never show."""
    cited = 0
    for path in ("wilayah/kota-pekalongan/quick-wins/index.html", "wilayah/kota-pekalongan/governance/index.html",
                 "wilayah/kabupaten-kendal/economy/index.html", "wilayah/kota-pekalongan/evaluasi/index.html"):
        soup = BeautifulSoup((sample_site / path).read_text(encoding="utf-8"), "html.parser")
        entries = soup.select(".sc-source-list > li")
        for link in soup.select(".sc-sources a"):
            number = int(link.get_text().strip("[]"))
            assert entries[number - 1]["id"] == link["href"].removeprefix("#"), path
            assert link["aria-label"].startswith(f"Sumber {number}: ")
            cited += 1
        text = soup.article.get_text()
        assert "seed-0" not in text, path
    assert cited >= 3


def test_the_printed_masterplan_takes_the_roadmap_and_pillars_from_their_pages(sample_site: Path) -> None:
    """The printed masterplan stores no second copy of Buku I's analysis, the roadmap, the
    pillars and the quick wins:
    each part names a built page and a part that page has, and without JavaScript it is a
    link to that page."""
    for region in load_regions(ROOT / "data" / "regions"):
        folder = sample_site / "wilayah" / region.id / "cetak"
        soup = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
        includes = soup.select(".sc-include")
        assert [node["data-part"] for node in includes] == [".sc-analysis-body"] + [
            ".sc-roadmap-body"] * bool(region.programs) + [".sc-pillar-body"] * len(region.pillars) + [
            ".sc-quick-wins-body"] * bool(region.quick_wins)
        assert [node["data-prefix"] for node in includes if node["data-part"] in (".sc-roadmap-body", ".sc-pillar-body")] \
            == ["peta-jalan"] * bool(region.programs) + [plan.key for plan in region.pillars]
        for node in includes:   # the heading each part sits under: one level above the part's h2, shifted
            heading = soup.select_one(f"#{node['data-heading']}")
            assert heading and int(heading.name[1]) + 1 == 2 + int(node["data-shift"]), node["data-heading"]
        for node in includes:
            source = (folder / node["data-src"]).resolve() / "index.html"
            assert source.exists(), node["data-src"]
            part = BeautifulSoup(source.read_text(encoding="utf-8"), "html.parser").select(node["data-part"])
            assert len(part) == 1, (region.id, node["data-src"], node["data-part"])
            assert node.select_one(".sc-include__fallback a")["href"] == node["data-src"]
        assert not soup.select("[id^='program-'], [id^='qw-'], .sc-roadmap-table, .sc-swot, #kesiapan"), \
            "the parts come from their pages"
        assert soup.select_one("script[src$='assets/print.js']")


@pytest.mark.browser
def test_the_printed_masterplan_opens_with_a_cover_and_nests_its_headings(browser, sample_server) -> None:
    """Issue 12 §4: cover block (region, code, province, head of region, period, data date),
    headings that never skip a level, and each kind of empty section named once."""
    for region in ("kabupaten-kendal", "kota-pekalongan"):
        soup = printed_page(browser, sample_server, region)
        cover = soup.select_one(".sc-cover")
        facts = {dt.get_text(): dd.get_text() for dt, dd in zip(cover.select("dt"), cover.select("dd"), strict=True)}
        assert set(facts) == {"Kode Kemendagri", "Provinsi", "Kepala daerah", "Periode masterplan", "Data per",
                              "Data dihimpun"}
        assert facts["Data dihimpun"] == "24 November 2026" and facts["Provinsi"] == "Jawa Tengah"
        levels = [int(h.name[1]) for h in soup.article.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
        assert levels[0] == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels
        assert 6 in levels, "the pillars' programmes came in, nested under their strategies"
        text = soup.article.get_text()
        assert text.count("Belum ada sasaran untuk pilar ini") == 0
        assert text.count("Belum ada quick win untuk pilar ini") == 0
        ids = [node["id"] for node in soup.select("[id]")]
        assert len(ids) == len(set(ids)), "every pillar page has a 'sasaran': here each gets its pillar as prefix"
    kendal = printed_page(browser, sample_server, "kabupaten-kendal")
    assert "Sasaran belum diisi untuk Smart Branding" in kendal.select_one(".sc-empty-list").get_text()
    assert "Bupati Kendal" in kendal.select_one(".sc-cover").get_text()


@pytest.mark.browser
def test_the_printed_masterplan_shows_each_programmes_latest_note(browser, sample_server) -> None:
    """Paper does not unfold: the printed masterplan has no folded lists, no item ids and no
    response links; each programme with progress notes shows its newest one (and how many
    there are) in its row."""
    shown = 0
    for region in load_regions(ROOT / "data" / "regions"):
        soup = printed_page(browser, sample_server, region.id)
        assert soup.article.select("details, .sc-item-id, .sc-respond") == [], region.id
        for program in region.programs:
            row = soup.find(id=f"program-{program.id}").find_parent("tr").get_text(" ", strip=True)
            assert row.startswith(program.title)
            latest = program.latest_update
            if latest is None:
                assert "Catatan terbaru" not in row
                continue
            assert f"Catatan terbaru (dari {len(program.updates)})" in row if len(program.updates) > 1 else \
                "Catatan terbaru:" in row
            assert (latest.note or "") in row and date_id(latest.date) in row
            shown += 1
    assert shown >= 1, "the sample data has a programme with progress notes"
