"""The built sample site, read as HTML and checked against the data it came from."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from pages import cells_by_header
from pages import soup as page

from smartcity.reference import load_reference
from smartcity.site.pages.region import region_pages
from smartcity.validation.loader import load_regions


def text(soup: BeautifulSoup) -> str:
    return " ".join(soup.select_one("article").get_text(" ").split())


REGIONS = load_regions(ROOT / "data" / "regions")
PAGES = region_pages(load_reference())








def test_four_sample_regions_are_published() -> None:
    assert [r.id for r in REGIONS] == ["kabupaten-kendal", "kabupaten-pekalongan", "kabupaten-pemalang",
                                       "kota-pekalongan"]
    assert all(r.sample for r in REGIONS)


@pytest.mark.parametrize("region", REGIONS, ids=lambda r: r.id)
def test_every_region_page_exists_with_title_nav_and_sample_banner(sample_site: Path, region) -> None:
    for p in PAGES:
        url = f"wilayah/{region.id}/{p.slug}".rstrip("/")
        soup = page(sample_site, url)
        assert soup.html["lang"] == "id"
        h1 = soup.select_one("article h1").get_text(" ", strip=True)
        assert region.name in h1
        assert region.name in soup.title.get_text()
        nav = soup.select("nav.sc-region-nav a")
        assert [a.get_text(strip=True) for a in nav] == [q.label for q in PAGES]
        current = soup.select('nav.sc-region-nav a[aria-current="page"]')
        assert [a.get_text(strip=True) for a in current] == [p.label]
        assert "Data contoh" in soup.select_one(".sc-banner--sample").get_text()
        # each local link points at an existing page
        for a in nav:
            target = (sample_site / url / a["href"]).resolve() / "index.html"
            assert target.exists(), (url, a["href"])


@pytest.mark.parametrize("region", REGIONS, ids=lambda r: r.id)
def test_overview_shows_identity_summary_and_pillar_cards(sample_site: Path, region) -> None:
    soup = page(sample_site, f"wilayah/{region.id}")
    body = text(soup)
    assert region.code in body and region.province in body and str(region.cohort) in body
    if region.summary:
        assert " ".join(region.summary.split())[:60] in body
    if region.vision:
        assert " ".join(region.vision.split())[:40] in body
    cards = soup.select("#pilar ~ .sc-cards .sc-card")
    assert len(cards) == 6
    for card, plan in zip(cards, region.pillars, strict=True):
        counts = card.select_one(".sc-card__counts").get_text()
        done = sum(1 for q in plan.quick_wins if q.status == "done")
        assert f"{len(plan.programs)} program" in counts and f"{done}/{len(plan.quick_wins)} quick win" in counts
        if not plan.programs:
            assert "belum ada program" in card.get_text()
    for key in ("Struktur", "Infrastruktur", "Suprastruktur"):
        assert key in body
    figure_values = [v.get_text() for v in soup.select(".sc-figure__value")]
    programs = region.programs
    active = [p for p in programs if p.status != "cancelled"]
    quick_done = sum(1 for q in region.quick_wins if q.status == "done")
    assert figure_values[0] == f"{sum(1 for p in active if p.status == 'done')} dari {len(active)}"
    assert figure_values[2] == f"{quick_done} dari {len(region.quick_wins)}"


def test_contoh_badges_mark_example_items(sample_site: Path) -> None:
    soup = page(sample_site, "wilayah/kota-pekalongan/governance")
    row = soup.select_one("#program-gov-1-1").find_parent("tr")
    assert row.select_one(".sc-contoh").get_text() == "contoh"
    quick_win = soup.select_one("#qw-qw-sakpore").find_parent("li")  # a fact from the seed: no badge
    assert quick_win.select_one(".sc-contoh") is None


@pytest.mark.parametrize("region", REGIONS, ids=lambda r: r.id)
def test_roadmap_has_one_row_and_bar_per_programme(sample_site: Path, region) -> None:
    """The roadmap's term tables hold every programme once, each row with its status as a
    bar on the masterplan's timeline: placed at its years, or its horizon's when it has none."""
    soup = page(sample_site, f"wilayah/{region.id}/peta-jalan")
    programmes = {p.id: p for p in region.programs}
    rows = soup.select(".sc-roadmap-table tbody tr")
    assert len(rows) == len(programmes)
    first, last = region.period.start, region.period.end
    column = 100 / (last - first + 1)
    for row in rows:
        programme = programmes[row.select_one("td:first-child a")["href"].split("#program-")[1]]
        bar = row.select_one("td:last-child > span")
        start, end = programme.start, programme.end
        if start is None and end is None:
            horizon = region.roadmap.get(programme.horizon)
            assert (bar is None) == (horizon is None), programme.id
            if horizon is None:
                continue
            start, end = horizon.start, horizon.end
            assert "sc-span--estimated" in bar["class"]
        start, end = (start if start is not None else end), (end if end is not None else start)
        assert f"sc-span--{programme.status}" in bar["class"] and not bar.get_text()
        style = dict(part.split(":") for part in bar["style"].split(";"))
        assert float(style["margin-left"].rstrip("%")) == pytest.approx((start - first) * column, abs=0.06)
        assert float(style["width"].rstrip("%")) == pytest.approx((end - start + 1) * column, abs=0.06)
    assert not soup.select("figure.sc-roadmap, svg.sc-roadmap__svg"), "no second copy as a chart"
    assert len((sample_site / f"wilayah/{region.id}/peta-jalan/index.html").read_bytes()) < 30_000


def test_pillar_page_groups_strategies_by_element_with_programmes(sample_site: Path) -> None:
    region = next(r for r in REGIONS if r.id == "kabupaten-pemalang")
    soup = page(sample_site, "wilayah/kabupaten-pemalang/governance")
    assert [h.get_text() for h in soup.select("#strategi ~ h3")] == \
        ["Pelayanan publik", "Manajemen birokrasi", "Kebijakan publik"]
    pillar = region.pillar("governance")
    assert len(soup.select("article.sc-strategy")) == len(pillar.strategies)
    for program in pillar.programs:
        row = soup.select_one(f"#program-{program.id}").find_parent("tr")
        assert program.title in row.get_text()
        assert program.agency in row.get_text()


def test_programme_updates_budget_and_goals(sample_site: Path) -> None:
    soup = page(sample_site, "wilayah/kota-pekalongan/governance")
    row = soup.select_one("#program-gov-1-1").find_parent("tr")
    assert "Rp 250.000.000" in row.get_text() and "APBD" in row.get_text()
    assert "27 Mei 2021" in row.select_one("details.sc-updates").get_text()
    goals = soup.select_one("#sasaran ~ .sc-table-wrap table").get_text(" ")
    assert "Izin terbit tepat waktu" in goals and "70" in goals and "95" in goals


@pytest.mark.parametrize("region", REGIONS, ids=lambda r: r.id)
def test_quick_wins_page_lists_every_quick_win(sample_site: Path, region) -> None:
    soup = page(sample_site, f"wilayah/{region.id}/quick-wins")
    shown = [li.h3["id"] for li in soup.select("li.sc-quick-win")]
    assert shown == [f"qw-{q.id}" for q in region.quick_wins]
    for q in region.quick_wins:
        item = soup.select_one(f"#qw-{q.id}").find_parent("li")
        assert q.title in item.get_text()
        status = item.select_one(".sc-status")
        assert f"sc-status--{q.status}" in status["class"] and status.get_text(strip=True)  # a word, not only colour


def test_evaluations_page_shows_rounds_and_scores(sample_site: Path) -> None:
    soup = page(sample_site, "wilayah/kota-pekalongan/evaluasi")
    headings = [h.get_text() for h in soup.select("section.sc-evaluation h2")]
    assert headings == ["2021 Tahap II", "2021 Tahap I"]
    first = soup.select_one("#evaluasi-2021-1").find_parent("section")
    assert [td.get_text() for td in first.select("tbody td")] == ["3,50", "3,20", "3,40", "3,30", "3,60", "3,40"]
    empty = page(sample_site, "wilayah/kabupaten-kendal/evaluasi")
    assert "Belum ada evaluasi" in text(empty)


def test_analysis_page_shows_profile_and_swot(sample_site: Path) -> None:
    soup = page(sample_site, "wilayah/kabupaten-kendal/analisis")
    body = text(soup)
    assert "pegunungan, dataran, dan pesisir" in body
    for label in ("Kekuatan", "Kelemahan", "Peluang", "Ancaman"):
        assert soup.find("h3", string=label)
    assert "Dewan Smart City dan Tim Pelaksana sudah dibentuk." in body


def test_home_and_index_figures_match_the_data(sample_site: Path) -> None:
    home = page(sample_site, "")
    values = [v.get_text() for v in home.select(".sc-figure__value")]
    programmes = sum(len(r.programs) for r in REGIONS)
    quick_wins = sum(len(r.quick_wins) for r in REGIONS)
    assert values[:4] == [str(len(REGIONS)), "1", str(programmes), str(quick_wins)]
    status_rows = home.select(".sc-status-table tbody tr")
    assert sum(int(r.select("td")[0].get_text()) for r in status_rows) == programmes
    # a way in that stays the same size at any number of regions: search, provinces, the index
    finder = home.select_one(".sc-find-region")
    assert finder.form["action"] == "cari/" and finder.select_one("input[name=q]") is not None
    assert {a["href"] for a in finder.select("p a")} == {"provinsi/", "wilayah/"}
    assert not any(a.get("href", "").startswith("wilayah/kab") for a in home.select("article a"))
    index = page(sample_site, "wilayah")
    rows = index.select(".sc-regions-table tbody tr")
    assert [r.th.a.get_text() for r in rows] == [r.name for r in REGIONS]
    for row, region in zip(rows, REGIONS, strict=True):
        cells = cells_by_header(index.select_one(".sc-regions-table"), row)
        assert cells["Provinsi"] == region.province and region.name.startswith(region.type.capitalize())
        assert cells["Angkatan"] == str(region.cohort) and cells["Program (semua)"].split(" (")[0] == str(len(region.programs))
        done = sum(1 for q in region.quick_wins if q.status == "done")
        assert cells["Quick win selesai"] == f"{done}/{len(region.quick_wins)}"


def test_about_page_credits_the_official_list(sample_site: Path) -> None:
    body = text(page(sample_site, "tentang"))
    assert "idn-area-data" in body and "Open Database License" in body
    assert (sample_site / "schema" / "region.schema.json").read_bytes() == \
        (ROOT / "data" / "schema" / "region.schema.json").read_bytes()


def test_region_pages_are_not_in_the_nav(sample_site: Path) -> None:
    soup = page(sample_site, "wilayah/kota-pekalongan")
    nav_links = [a.get("href", "") for a in soup.select("nav.md-nav a")]
    assert not any("kabupaten-kendal" in href for href in nav_links)


def test_completeness_checklist_and_index_column(sample_site: Path) -> None:
    from smartcity.figures.completeness import RULES, completeness

    reference = load_reference()
    index = page(sample_site, "wilayah")
    for region in REGIONS:
        result = completeness(region, reference)
        soup = page(sample_site, f"wilayah/{region.id}")
        items = soup.select("#kelengkapan ~ .sc-checklist li")
        assert len(items) == len(RULES)
        for item, r in zip(items, result.results, strict=True):
            assert item.select_one(".sc-check__mark").get_text() == ("Ada" if r.met else "Belum")  # a word, not only colour
            assert r.rule.label in item.get_text()
        row = next(tr for tr in index.select(".sc-regions-table tbody tr") if tr.th.a.get_text() == region.name)
        assert cells_by_header(index.select_one(".sc-regions-table"), row)["Kelengkapan"] == f"{result.met}/{result.total}"
    # facts of the sample data, independent of the rules' code
    pekalongan = page(sample_site, "wilayah/kabupaten-pekalongan").select_one("#kelengkapan").find_parent("section").get_text(" ")
    assert "Belum Sudah dievaluasi" in " ".join(pekalongan.split())
    assert "Belum Sasaran untuk setiap pilar" in " ".join(pekalongan.split())
    kota = " ".join(page(sample_site, "wilayah/kota-pekalongan").select_one("#kelengkapan").find_parent("section").get_text(" ").split())
    assert "Ada Sudah dievaluasi" in kota and "Ada Quick win untuk setiap pilar" in kota


def test_the_printed_masterplan_carries_risks_money_ranks_and_channels(sample_site: Path) -> None:
    """Issue 26: on paper, the done/overdue summary, money with its basis, the latest score
    with its rank, each round's rank, the risk register and the feedback channels."""
    from pages import text_of

    printed = text_of(sample_site, "wilayah/kota-pekalongan/cetak")
    summary = text_of(sample_site, "wilayah/kota-pekalongan/cetak", "#angka-ringkas + ul")
    assert "dari 5 program selesai" in summary and "lewat tenggat" in summary
    assert "program melaporkan realisasi" in summary and "3,50" in summary and "peringkat 1 dari 1" in summary
    assert "Risiko: 1 tercatat, 1 masih terbuka" in summary
    printed_page = page(sample_site, "wilayah/kota-pekalongan/cetak")
    ranks = [row.select("td")[-1].get_text(strip=True)
             for row in printed_page.select("#evaluasi ~ div .sc-scores tbody tr")]
    assert ranks == ["1 dari 1", "1 dari 1"]
    register = printed_page.select_one("#risiko").parent.get_text(" ", strip=True)
    assert "Keterbatasan SDM TIK di perangkat daerah" in register and "Pelatihan berjenjang" in register
    assert "Perluasan layanan Sakpore" in register   # the programme that mitigates it, by name
    assert "https://www.lapor.go.id/" in printed_page.select_one("#tanggapan").parent.get_text()
    assert "<details" not in str(printed_page.select_one("article"))
    assert "Saluran tanggapan masyarakat" in printed
