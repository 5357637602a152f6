"""National views and open data, checked against the regions' data.

Every figure read from a built page is recomputed here from the validated
regions with plain comprehensions (not through smartcity.figures.national), so a wrong
aggregation shows up as a difference. The same checks run on the four sample
regions and, in test_national.py, on the 514-region set.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import posixpath
from collections import Counter
from pathlib import Path

from accountability import check_accountability, done_of_active, done_of_total, num
from bs4 import BeautifulSoup
from conftest import AS_OF_EPOCH, PYTHON, ROOT, run
from pages import compare_figures, rows_by_header, soup

from smartcity.model import Region
from smartcity.reference import load_reference
from smartcity.validation.loader import load_regions

REFERENCE = load_reference()
AS_OF = dt.datetime.fromtimestamp(AS_OF_EPOCH, dt.UTC).date()


def published(regions_dir: Path) -> list[Region]:
    """The regions the site publishes, through the build's own loader (and its cache)."""
    return list(load_regions(regions_dir))




def figures(page: BeautifulSoup) -> list[str]:
    return [f.select_one(".sc-figure__value").get_text(strip=True) for f in page.select(".sc-figure")]




def check_province_pages(site: Path, regions: list[Region]) -> None:
    index_rows = soup(site, "provinsi").select(".sc-provinces tbody tr")
    assert len(index_rows) == len(REFERENCE.provinces) == 38
    official = Counter(r.province.code for r in REFERENCE.regions)
    index = rows_by_header(soup(site, "provinsi").select_one(".sc-provinces"))
    for province, row in zip(REFERENCE.provinces, index, strict=True):
        members = sorted((r for r in regions if r.province_code == province.code), key=lambda r: r.name)
        assert [row["Kode"], row["Diterbitkan"], row["Kabupaten/kota resmi"], row["Belum ada"]] == \
            [province.code, str(len(members)), str(official[province.code]),
             str(official[province.code] - len(members))], province
        page = soup(site, f"provinsi/{province.code}")
        assert page.select_one("article h1").get_text(strip=True) == f"Provinsi {province.name}"
        assert figures(page)[:3] == [str(len(members)), str(official[province.code]),
                                     str(official[province.code] - len(members))]
        names = [tr.th.get_text(" ", strip=True).split(" data contoh")[0]
                 for tr in page.select(".sc-regions-table tbody tr")]
        assert names == [r.name for r in members]
        if members:  # one province: its name is not repeated in a column
            assert "Provinsi" not in [th.get_text() for th in page.select(".sc-regions-table thead th")]
        listed = page.select(".sc-official-list tbody tr")
        assert len(listed) == official[province.code]
        missing = {tr.select("td")[1].get_text(strip=True) for tr in listed if "sc-missing" in (tr.get("class") or [])}
        assert missing == {o.name for o in REFERENCE.regions if o.province.code == province.code} - {r.name for r in members}


def check_pillar_pages(site: Path, regions: list[Region], element_pages: int = 6) -> None:
    """Every pillar page; the element pages of the first `element_pages` pillars
    (each element page of a 514-region site is ~0.7 MB to parse)."""
    for number, pillar in enumerate(REFERENCE.pillars):
        plans = [r.pillar(pillar.key) for r in regions]
        strategies = [s for plan in plans for s in plan.strategies]
        quick_wins = [q for plan in plans for q in plan.quick_wins]
        page = soup(site, f"pilar/{pillar.key}")
        assert figures(page) == [num(sum(1 for plan in plans if plan.strategies)), num(len(strategies)),
                                 num(sum(len(s.programs) for s in strategies)), num(len(quick_wins))]
        # the catalogue: one page per province with quick wins, listed on the pillar page
        provinces = {r.province_code for r in regions if r.pillar(pillar.key).quick_wins}
        shares = page.select(".sc-shares tbody tr")
        parts = [tr.a["href"].strip("/") for tr in shares]   # quick-win/35, quick-win/35-2 (a big province)
        assert {part.split("/")[1].split("-")[0] for part in parts} == provinces
        assert sum(int(tr.select("td")[1].get_text().replace(".", "")) for tr in shares) == len(quick_wins)
        cards = [card for part in parts
                 for card in soup(site, f"pilar/{pillar.key}/{part}").select("[data-sc-catalogue] > li")]
        assert len(cards) == len(quick_wins)
        assert Counter(c["data-status"] for c in cards) == Counter(q.status for q in quick_wins)
        assert Counter(c["data-element"] for c in cards) == Counter(q.element or "-" for q in quick_wins)
        assert sorted(c.select_one(".sc-card__title").get_text() for c in cards) == sorted(q.title for q in quick_wins)
        rows = page.select(".sc-elements tbody tr")
        for element, row in zip(pillar.elements, rows, strict=True):
            mine = [s for s in strategies if s.element == element.key]
            cells = [td.get_text(strip=True) for td in row.select("td")]
            assert cells == [num(sum(1 for r in regions if any(s.element == element.key for s in r.pillar(pillar.key).strategies))),
                             num(len(mine)), num(sum(len(s.programs) for s in mine)),
                             num(sum(1 for q in quick_wins if q.element == element.key))], (pillar.key, element.key)
            if number >= element_pages:
                continue
            shares = soup(site, f"pilar/{pillar.key}/{element.key}").select(".sc-shares tbody tr a")
            element_pages_ = [soup(site, f"pilar/{pillar.key}/{element.key}/{a['href'].strip('/')}") for a in shares]
            assert {a["href"].strip("/").split("-")[0] for a in shares} == \
                {r.province_code for r in regions for s in r.pillar(pillar.key).strategies if s.element == element.key}
            table_rows = [tr for p in element_pages_ for tr in p.select(".sc-element-strategies tbody tr")]
            assert len(table_rows) == len(mine)
            assert sum(len(p.select(".sc-program-list > li")) for p in element_pages_) == sum(len(s.programs) for s in mine)


def check_compare_page(site: Path, regions: list[Region]) -> None:
    page = compare_figures(site)
    rows = page.select("[data-sc-compare] tbody tr")
    by_id = {r.id: r for r in regions}
    assert sorted(row["data-region"] for row in rows) == sorted(by_id)
    for row, cells in zip(rows, rows_by_header(page.select_one("[data-sc-compare]")), strict=True):
        region = by_id[row["data-region"]]
        assert cells["Program selesai"].startswith(done_of_active(region.programs))
        assert cells["Quick win selesai"] == done_of_total(region.quick_wins)
        for pillar in region.pillars:
            expected = f"{done_of_active(pillar.programs)} program" if pillar.programs else "belum ada program"
            assert cells[REFERENCE.pillar(pillar.key).label] == f"{expected} · {done_of_total(pillar.quick_wins)} QW"


def chart_table(page: BeautifulSoup, chart_id: str) -> dict[str, list[str]]:
    return {tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.select("td")]
            for tr in page.select(f"#{chart_id} .sc-chart__data tbody tr")}


def check_statistics(site: Path, regions: list[Region]) -> None:
    page = soup(site, "statistik")
    assert {k: int(v[0]) for k, v in chart_table(page, "wilayah-angkatan").items()} == \
        {str(k): v for k, v in Counter(r.cohort for r in regions).items()}
    assert {k: int(v[0]) for k, v in chart_table(page, "wilayah-provinsi").items()} == Counter(r.province for r in regions)
    quick = chart_table(page, "qw-pilar-status")
    for pillar in REFERENCE.pillars:
        items = [q for r in regions for q in r.pillar(pillar.key).quick_wins]
        counts = Counter(q.status for q in items)
        assert quick[pillar.label] == [num(counts[s]) for s in ("planned", "in_progress", "done", "delayed", "cancelled")] \
            + [num(len(items))]
    rounds = Counter(e.period for r in regions for e in r.evaluations if e.scores and e.scores.final is not None)
    assert [int(v[0]) for v in chart_table(page, "nilai-evaluasi").values()] == [rounds[p] for p in sorted(rounds)]
    for svg in page.select("svg.sc-bars__svg"):
        assert svg["role"] == "img" and svg.title.get_text() and svg.desc.get_text()


def check_regions_index(site: Path, regions: list[Region]) -> None:
    table = soup(site, "wilayah").select_one(".sc-regions-table")
    by_name = {r.name: r for r in regions}
    for row, cells in zip(table.select("tbody tr"), rows_by_header(table), strict=True):
        region = by_name[row.th.a.get_text()]
        scored = [e for e in region.evaluations if e.scores and e.scores.final is not None]
        expected = f"{scored[-1].scores.final:.2f}".replace(".", ",") if scored else "–"
        assert cells["Nilai terakhir (putaran)"].split(" ")[0] == expected, region.name
    # sorting by the latest score sorts by round first: a 2020 score never sorts above a 2023 one
    column = [th.get_text(" ", strip=True) for th in table.select("thead th")].index("Nilai terakhir (putaran)")
    keyed = []
    for row in table.select("tbody tr"):
        region = by_name[row.th.a.get_text()]
        scored = [e for e in region.evaluations if e.scores and e.scores.final is not None]
        if scored:
            cell = row.find_all(["th", "td"], recursive=False)[column]
            keyed.append((float(cell["data-sort"]), scored[-1].period, scored[-1].scores.final))
    by_sort = [(period, final) for _, period, final in sorted(keyed)]
    assert by_sort == sorted(by_sort)


# --- open data ------------------------------------------------------------------------------

CASTS = {"string": str, "integer": int, "number": float, "boolean": lambda v: v == "true", "date": str}


def read_table(site: Path, resource: dict) -> list[dict]:
    raw = (site / "data" / resource["path"]).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the byte-order mark to read UTF-8"
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text
    types = {f["name"]: CASTS[f["type"]] for f in resource["schema"]["fields"]}
    with (site / "data" / resource["path"]).open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == [f["name"] for f in resource["schema"]["fields"]]
        return [{k: (None if v == "" else types[k](v)) for k, v in row.items()} for row in reader]


def number(value):
    return None if value is None else float(value)


def check_open_data(site: Path, regions: list[Region]) -> None:
    data = site / "data"
    assert not (data / "regions.zip").exists(), "no second copy of the per-region files"
    # read in region-code order, the order of every table's rows
    everything = sorted((json.loads(path.read_text(encoding="utf-8")) for path in (data / "regions").glob("*.json")),
                        key=lambda record: record["code"])
    assert [r["code"] for r in everything] == sorted(r.code for r in regions)
    listed = {res["path"] for res in json.loads((data / "datapackage.json").read_text(encoding="utf-8"))["resources"]}
    assert {f"regions/{r.id}.json" for r in regions} <= listed, "bulk readers find every file in the data package"
    by_code = {r.code: r for r in regions}
    for record in everything:
        region = by_code[record["code"]]
        assert record["$schema"].endswith("region-data.schema.json")
        assert record["name"] == region.name and record["id"] == region.id
        assert list(record["pillars"]) == list(REFERENCE.pillar_keys)
        assert sum(len(s["programs"]) for p in record["pillars"].values() for s in p["strategies"]) == len(region.programs)
        assert sum(len(p["quick_wins"]) for p in record["pillars"].values()) == len(region.quick_wins)
        assert len(record["evaluations"]) == len(region.evaluations)
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"] if r["profile"] == "tabular-data-resource"}
    assert set(resources) == {"wilayah", "program", "quick-win", "indikator", "indikator-capaian", "evaluasi", "risiko"}
    tables = {name: read_table(site, resource) for name, resource in resources.items()}
    for rows in tables.values():
        names = {(row["region_code"], row["region_name"]) for row in rows}
        assert all(by_code[code].name == name for code, name in names), "region code and name on every row"

    # every CSV row, read back with Python's csv module, equals the JSON it came from
    assert [(r["region_code"], r["region_name"], r["province"], r["cohort"], r["period_start"], r["period_end"])
            for r in tables["wilayah"]] == \
        [(j["code"], j["name"], j["province"], j["cohort"], j["period"]["start"], j["period"]["end"]) for j in everything]
    assert [(r["region_code"], r["pillar"], r["element"], r["strategy_id"], r["program_id"], r["title"], r["horizon"],
             r["status"], r["agency"], r["start"], r["end"], number(r["budget_amount"]), r["description"], r["example"])
            for r in tables["program"]] == \
        [(j["code"], key, s["element"], s["id"], p["id"], p["title"], p["horizon"], p["status"], p["agency"],
          p["start"], p["end"], number(p["budget"] and p["budget"]["amount"]), p["description"], p["example"])
         for j in everything for key, pillar in j["pillars"].items() for s in pillar["strategies"] for p in s["programs"]]
    assert [(r["region_code"], r["pillar"], r["quick_win_id"], r["title"], r["element"], r["status"], r["year"],
             r["agency"], r["description"], r["example"]) for r in tables["quick-win"]] == \
        [(j["code"], key, q["id"], q["title"], q["element"], q["status"], q["year"], q["agency"], q["description"],
          q["example"]) for j in everything for key, pillar in j["pillars"].items() for q in pillar["quick_wins"]]
    assert [(r["region_code"], r["pillar"], r["goal_number"], r["goal"], r["indicator"], number(r["target"]))
            for r in tables["indikator"]] == \
        [(j["code"], key, n, g["text"], g["indicator"] and g["indicator"]["name"],
          number(g["indicator"] and g["indicator"]["target"]))
         for j in everything for key, pillar in j["pillars"].items() for n, g in enumerate(pillar["goals"], start=1)]
    assert [(r["region_code"], r["period"], r["date"], number(r["final"]), r["summary"]) for r in tables["evaluasi"]] == \
        [(j["code"], e["period"], e["date"], number(e["scores"] and e["scores"]["final"]), e["summary"])
         for j in everything for e in j["evaluations"]]

    # the /data/ page states every download's real size
    page = soup(site, "data")
    stated = {posixpath.normpath("data/" + a["href"]): int(cell["data-bytes"])
              for row in page.select(".sc-download-list tbody tr")
              for a, cell in [(row.th.a, row.select("td")[-1])]}
    assert {path: (site / path).stat().st_size for path in stated} == stated
    assert "data/program.csv" in stated and "schema/region.schema.json" in stated
    items = page.select("#per-wilayah ~ details li")
    assert len(items) == len(regions)
    for item in items:
        path = posixpath.normpath("data/" + item.a["href"])
        assert (site / path).stat().st_size == int(item.select_one("[data-bytes]")["data-bytes"])


def frictionless_validate(site: Path) -> None:
    result = run([str(Path(PYTHON).parent / "frictionless"), "validate", "--json", "datapackage.json"],
                 cwd=site / "data", timeout=600)
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["valid"], result.stdout[-3000:]


def check_everything(site: Path, regions: list[Region], element_pages: int = 6,
                     region_pages: int | None = None) -> None:
    check_accountability(site, regions, AS_OF, region_pages)
    check_province_pages(site, regions)
    check_pillar_pages(site, regions, element_pages)
    check_compare_page(site, regions)
    check_statistics(site, regions)
    check_regions_index(site, regions)
    check_open_data(site, regions)


def test_national_views_match_the_sample_data(sample_site: Path) -> None:
    check_everything(sample_site, published(ROOT / "data" / "regions"))


def test_sample_data_package_is_valid(sample_site: Path) -> None:
    frictionless_validate(sample_site)


def test_latest_score_and_pillar_chart_of_a_region(sample_site: Path) -> None:
    row = next(r for r in rows_by_header(soup(sample_site, "wilayah").select_one(".sc-regions-table"))
               if r["Wilayah"].startswith("Kota Pekalongan"))
    assert row["Nilai terakhir (putaran)"] == "3,50 (2021 Tahap II)"
    overview = soup(sample_site, "wilayah/kota-pekalongan")
    table = chart_table(overview, "kemajuan-pilar")
    region = published(ROOT / "data" / "regions")
    pekalongan = next(r for r in region if r.id == "kota-pekalongan")
    for pillar in REFERENCE.pillars:
        plan = pekalongan.pillar(pillar.key)
        assert table[pillar.label][-1] == str(len(plan.programs))  # programmes only: quick wins apart
    assert overview.select_one("#kemajuan-pilar svg title").get_text() == \
        "Program per pilar menurut status: Kota Pekalongan"
