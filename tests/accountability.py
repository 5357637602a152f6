"""The accountability figures of a built site (overdue programmes, money, data age,
measured indicators, ranking, stage, coverage), recomputed here from the regions
with plain comprehensions and the rules as the site states them in words, not
through smartcity.figures.aggregate / indicators / national. Used on the sample site and
on the 514-region site."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

from pages import compare_figures, rows_by_header, soup

from smartcity.model import Program, Region
from smartcity.reference import load_reference

REFERENCE = load_reference()






# --- the rules, as stated on the site ----------------------------------------------------------

def overdue(program: Program, region: Region, as_of: dt.date) -> bool:
    """End year (or the horizon's last year) before the "as of" year, not done and not cancelled."""
    end = program.end if program.end is not None else (
        region.roadmap[program.horizon].end if program.horizon in region.roadmap else None)
    return end is not None and end < as_of.year and program.status not in ("done", "cancelled")


def stale(region: Region, as_of: dt.date) -> bool:
    return region.updated is None or (as_of - region.updated).days > 365


def num(n: int) -> str:
    """A count the Indonesian way: 55.729."""
    return f"{n:,}".replace(",", ".")


def done_of_active(programs) -> str:
    active = [p for p in programs if p.status != "cancelled"]
    return f"{num(sum(1 for p in active if p.status == 'done'))}/{num(len(active))}"


def done_of_total(items) -> str:
    return f"{num(sum(1 for i in items if i.status == 'done'))}/{num(len(items))}"


def share(part: float, whole: float) -> str:
    return f"{round(100 * part / whole)}%"


def rupiah(amount: float) -> str:
    return "Rp " + f"{round(amount):,}".replace(",", ".")


def planned(programs) -> float:
    return sum(p.budget.amount for p in programs if p.budget)


def realised(programs) -> float:
    return sum(p.budget.realised for p in programs if p.budget and p.budget.realised is not None)


def assessment(indicator, region: Region, as_of: dt.date) -> str:
    """baseline → target on a straight line; the latest measured value against it; a target
    year that is over without the target reached is missed; nothing measured before the
    baseline year is judged."""
    if not indicator.actuals:
        return "no_data"
    latest = indicator.actuals[-1]
    base, target, year = indicator.baseline, indicator.target, indicator.year
    base_year = indicator.baseline_year or region.period.start
    if latest.year < base_year:
        return "not_assessable"
    if target is not None and base is not None:
        rising = target >= base
        if (rising and latest.value >= target) or (not rising and latest.value <= target):
            return "achieved"
    if base is None or target is None or year is None or year <= base_year:
        return "not_assessable"
    if year < as_of.year:
        return "missed"
    share = min(1, max(0, (latest.year - base_year) / (year - base_year)))
    expected = base + (target - base) * share
    ahead = latest.value >= expected - 1e-9 if target >= base else latest.value <= expected + 1e-9
    return "on_track" if ahead else "behind"


def ranks(regions: list[Region]) -> dict[str, list[tuple[int, str, float]]]:
    """period → [(rank, region name, final)], competition ranking (1, 2, 2, 4)."""
    out: dict[str, list[tuple[int, str, float]]] = {}
    periods = {e.period for r in regions for e in r.evaluations if e.scores and e.scores.final is not None}
    for period in periods:
        scored = sorted(((e.scores.final, r.name) for r in regions for e in r.evaluations
                         if e.period == period and e.scores and e.scores.final is not None),
                        key=lambda fs: (-fs[0], fs[1]))
        out[period] = [(1 + sum(1 for f, _ in scored if f > final), name, final) for final, name in scored]
    return out


# --- checks --------------------------------------------------------------------------------------

def check_money_basis(text: str, programs, where: str) -> None:
    """A realised total on a page says how many programmes report spending, and its share is over
    **all** planned money (a programme that has not reported counts as nothing spent)."""
    text = " ".join(text.split())
    reporting = [p for p in programs if p.budget and p.budget.realised is not None]
    if not reporting:
        return
    assert f"{num(len(reporting))} dari {num(len(programs))} program melaporkan realisasi" in text, where
    assert f"{share(realised(programs), planned(programs))} dari seluruh anggaran rencana" in text, where


def check_regions_index(site: Path, regions: list[Region], as_of: dt.date) -> None:
    table = soup(site, "wilayah").select_one(".sc-regions-table")
    by_name = {r.name: r for r in regions}
    rows = table.select("tbody tr")
    for row, cells in zip(rows, rows_by_header(table), strict=True):
        region = by_name[row.th.a.get_text()]
        cancelled = sum(1 for p in region.programs if p.status == "cancelled")
        assert cells["Program (semua)"] == num(len(region.programs)) + (f" ({num(cancelled)} batal)" if cancelled else "")
        active = [p for p in region.programs if p.status != "cancelled"]
        done = sum(1 for p in active if p.status == "done")
        expected = f"{share(done, len(active))} ({num(done)}/{num(len(active))})" if active \
            else "semua program dibatalkan" if region.programs else "belum ada program"
        assert cells["Program selesai (dari tidak dibatalkan)"] == expected, (region.name, expected)
        assert cells["Lewat tenggat"] == num(sum(1 for p in region.programs if overdue(p, region, as_of)))
        assert cells["Quick win selesai"] == done_of_total(region.quick_wins)
        assert ("usang" in cells["Data per"]) == stale(region, as_of)
        assert row["data-age"] == ("stale" if stale(region, as_of) else "fresh")
        assert row["data-stage"] == (region.stage or "-")
        money_cell = row.find_all(["th", "td"], recursive=False)[list(cells).index("Anggaran rencana")]
        assert float(money_cell["data-sort"]) == planned(region.programs)


def check_region_pages(site: Path, regions: list[Region], as_of: dt.date) -> None:
    """Overview figures, stale notice, pillar cards, overdue badges and indicator judgements."""
    for region in regions:
        page = soup(site, f"wilayah/{region.id}")
        values = [v.get_text(strip=True) for v in page.select(".sc-figures .sc-figure__value")]
        active = [p for p in region.programs if p.status != "cancelled"]
        assert values[0] == f"{num(sum(1 for p in active if p.status == 'done'))} dari {num(len(active))}"
        assert values[1] == num(sum(1 for p in region.programs if overdue(p, region, as_of)))
        assert values[2] == done_of_total(region.quick_wins).replace("/", " dari ")
        assert (page.select_one(".sc-banner--stale") is not None) == stale(region, as_of), region.id
        glance = page.select_one("h1 + .sc-glance")   # right after the title (issue 26)
        assert glance is not None, region.id
        glance_values = [v.get_text(strip=True) for v in glance.select(".sc-glance__value")]
        assert glance_values[0] == values[0], region.id
        assert ("Data per" in glance.get_text()) and ("lewat tenggat" in glance.get_text()) == (values[1] != "0")
        check_money_basis(page.select_one("#anggaran").parent.get_text(" "), region.programs, region.id)
        check_money_basis(soup(site, f"wilayah/{region.id}/cetak").select_one("#angka-ringkas").parent.get_text(" "),
                          region.programs, f"{region.id} print")
        for card, plan in zip(page.select("#pilar ~ .sc-cards .sc-card"), region.pillars, strict=True):
            check_money_basis(card.get_text(" "), plan.programs, f"{region.id} {plan.key}")
            assert ("belum ada program" in card.get_text()) == (not plan.programs)
            all_cancelled = bool(plan.programs) and all(p.status == "cancelled" for p in plan.programs)
            assert ("semua program dibatalkan" in card.get_text()) == all_cancelled
            assert "100%" not in card.get_text() or plan.programs
        for plan in region.pillars:
            pillar_page = soup(site, f"wilayah/{region.id}/{plan.key}")
            flagged = {tr.h5["id"].removeprefix("program-") for tr in pillar_page.select("tr:has(h5[id^='program-'])")
                       if tr.select_one(".sc-overdue")}
            assert flagged == {p.id for p in plan.programs if overdue(p, region, as_of)}, (region.id, plan.key)
            judged = [span["class"][1].removeprefix("sc-assess--") for span in pillar_page.select(".sc-goals .sc-assess")]
            assert judged == [assessment(g.indicator, region, as_of) for g in plan.goals if g.indicator], \
                (region.id, plan.key)
            over = {tr.h5["id"].removeprefix("program-") for tr in pillar_page.select("tr:has(h5[id^='program-'])")
                    if tr.select_one(".sc-over-budget")}
            assert over == {p.id for p in plan.programs if p.budget and p.budget.realised is not None
                            and p.budget.realised > p.budget.amount}
        roadmap = soup(site, f"wilayah/{region.id}/peta-jalan")
        if region.programs:
            rows = {r["Jangka"]: r for r in rows_by_header(roadmap.select_one(".sc-money"))}
            assert rows["Semua jangka"]["Anggaran rencana"] == rupiah(planned(region.programs))
            for horizon, label in (("short", "Jangka pendek"), ("medium", "Jangka menengah"), ("long", "Jangka panjang")):
                mine = [p for p in region.programs if p.horizon == horizon]
                assert rows[label]["Anggaran rencana"] == rupiah(planned(mine))
                assert rows[label]["Tanpa anggaran"] == num(sum(1 for p in mine if not p.budget))


def check_provinces(site: Path, regions: list[Region], as_of: dt.date) -> None:
    index = rows_by_header(soup(site, "provinsi").select_one(".sc-provinces"))
    for province, row in zip(REFERENCE.provinces, index, strict=True):
        members = [r for r in regions if r.province_code == province.code]
        if not members:
            assert row["Lewat tenggat"] == "–"
            continue
        programs = [p for r in members for p in r.programs]
        check_money_basis(soup(site, f"provinsi/{province.code}").select_one(".sc-figures ~ .sc-figures").get_text(" "),
                          programs, province.name)
        assert row["Program selesai (dari tidak dibatalkan)"] == done_of_active(programs)
        assert row["Lewat tenggat"] == num(sum(1 for r in members for p in r.programs if overdue(p, r, as_of)))
        assert row["Quick win selesai"] == done_of_total([q for r in members for q in r.quick_wins])
    # the tile map: one linked tile per province, coloured by coverage
    tiles = soup(site, "provinsi").select(".sc-tilemap svg a")
    assert len(tiles) == 38
    official = Counter(r.province.code for r in REFERENCE.regions)
    published = Counter(r.province_code for r in regions)
    for tile, province in zip(tiles, REFERENCE.provinces, strict=True):
        share = published[province.code] / official[province.code]
        expected = "0" if share == 0 else "1" if share <= .25 else "2" if share <= .5 else "3" if share <= .75 else "4"
        assert f"sc-tile--{expected}" in tile.rect["class"], province.name
        assert province.name in tile.title.get_text()


def check_statistics(site: Path, regions: list[Region], as_of: dt.date) -> None:
    page = soup(site, "statistik")
    check_money_basis(page.select_one(".sc-figures").get_text(" "), [p for r in regions for p in r.programs], "statistik")
    compare = compare_figures(site)
    by_id = {r.id: r for r in regions}
    for row in compare.select(".sc-compare-table tbody tr")[:60]:
        check_money_basis(row.get_text(" "), by_id[row["data-region"]].programs, f"compare {row['data-region']}")

    def chart(chart_id: str) -> dict[str, list[str]]:
        return {tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.select("td")]
                for tr in page.select(f"#{chart_id} .sc-chart__data tbody tr")}
    for pillar in REFERENCE.pillars:
        assert chart("program-lewat-tenggat")[pillar.label] == \
            [num(sum(1 for r in regions for p in r.pillar(pillar.key).programs if overdue(p, r, as_of)))]
    labels = {"seleksi": "Seleksi", "bimtek": "Bimtek", "masterplan": "Masterplan selesai",
              "implementasi": "Implementasi", "evaluasi": "Evaluasi", None: "Belum diisi"}
    assert {k: int(v[0]) for k, v in chart("wilayah-tahap").items()} == \
        {labels[stage]: n for stage, n in Counter(r.stage for r in regions).items()}
    tables = page.select(".sc-money")
    by_pillar = {row["Pilar"]: row for row in rows_by_header(tables[0])}
    for pillar in REFERENCE.pillars:
        programs = [p for r in regions for p in r.pillar(pillar.key).programs]
        assert by_pillar[pillar.label]["Anggaran rencana"] == rupiah(planned(programs))
        assert by_pillar[pillar.label]["Tanpa anggaran"] == num(sum(1 for p in programs if not p.budget))


def check_ranking(site: Path, regions: list[Region]) -> None:
    expected = ranks(regions)
    for period, entries in expected.items():
        # the round's pages of 100 regions each, from its first page's pager (issue 26)
        first = soup(site, f"peringkat/{period}")
        pager = [a["href"] for a in first.select(".sc-pager")[0].select("a")] if first.select(".sc-pager") else ["./"]
        rows = [row for href in pager for row in rows_by_header(
            soup(site, f"peringkat/{period}/{href.removeprefix('./').removeprefix('../')}").select_one(".sc-ranking-table"))]
        assert [(int(r["Peringkat"]), r["Wilayah"].removesuffix(" contoh"), r["Nilai akhir"]) for r in rows] == \
            [(rank, name, f"{final:.2f}".replace(".", ",")) for rank, name, final in entries], period
    by_name = {r.name: r for r in regions}
    for region in list(regions)[:25]:
        text = " ".join(soup(site, f"wilayah/{region.id}/evaluasi").get_text(" ").split())
        for period, entries in expected.items():
            mine = [rank for rank, name, _ in entries if name == region.name]
            if mine:
                year, half = period.split("-")
                label = f"{year} Tahap {'I' if half == '1' else 'II'}"
                assert f"Peringkat {num(mine[0])} di situs ini, di antara {num(len(entries))} wilayah yang dinilai " \
                       f"pada {label} (bukan peringkat resmi)" in text, (region.id, period)
                assert "nasional" not in text.replace("bukan peringkat resmi nasional", ""), region.id
    assert by_name


def check_open_data(site: Path, regions: list[Region], as_of: dt.date) -> None:
    def table(name: str) -> list[dict[str, str]]:
        with (site / "data" / f"{name}.csv").open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))
    by_code = {r.code: r for r in regions}
    for row in table("wilayah"):
        region = by_code[row["region_code"]]
        assert int(row["programs_done"]) == sum(1 for p in region.programs if p.status == "done")
        assert int(row["programs_overdue"]) == sum(1 for p in region.programs if overdue(p, region, as_of))
        assert int(row["quick_wins_done"]) == sum(1 for q in region.quick_wins if q.status == "done")
        assert float(row["budget_planned"]) == planned(region.programs)
        assert float(row["budget_realised"]) == realised(region.programs)
        assert int(row["programs_without_budget"]) == sum(1 for p in region.programs if not p.budget)
        assert (row["stale"] == "true") == stale(region, as_of)
        assert row["stage"] == (region.stage or "")
    programs = {(row["region_code"], row["program_id"]): row for row in table("program")}
    for region in regions:
        for p in region.programs:
            assert (programs[(region.code, p.id)]["overdue"] == "true") == overdue(p, region, as_of)
    actuals = [(row["region_code"], row["pillar"], int(row["goal_number"]), int(row["year"]), float(row["value"]))
               for row in table("indikator-capaian")]
    assert actuals == [(r.code, plan.key, n, m.year, float(m.value)) for r in sorted(regions, key=lambda r: r.code)
                       for plan in r.pillars for n, g in enumerate(plan.goals, start=1) if g.indicator
                       for m in g.indicator.actuals]
    judged = [row["assessment"] for row in table("indikator") if row["indicator"]]
    assert judged == [assessment(g.indicator, r, as_of) for r in sorted(regions, key=lambda r: r.code)
                      for plan in r.pillars for g in plan.goals if g.indicator]


def check_element_pages(site: Path, regions: list[Region], as_of: dt.date) -> None:
    """The national element pages, one per province, mark overdue programmes too (those of
    the first pillar)."""
    pillar = REFERENCE.pillars[0]
    for element in pillar.elements:
        shares = soup(site, f"pilar/{pillar.key}/{element.key}").select(".sc-shares tbody tr a")
        pages = [soup(site, f"pilar/{pillar.key}/{element.key}/{a['href'].strip('/')}") for a in shares]
        marked = sum(len(page.select(".sc-program-list .sc-overdue")) for page in pages)
        assert marked == sum(1 for r in regions for s in r.pillar(pillar.key).strategies if s.element == element.key
                             for p in s.programs if overdue(p, r, as_of)), element.key


def aligned(region: Region) -> tuple[int, int]:
    """(strategies serving an existing RPJMD mission, all strategies)."""
    missions = {m.id for m in region.rpjmd.missions} if region.rpjmd else set()
    strategies = [s for plan in region.pillars for s in plan.strategies]
    return sum(1 for s in strategies if set(s.rpjmd) & missions), len(strategies)


def international(number: str | None) -> str:
    """0812… and +62812… → 62812…: the form wa.me and tel: links need."""
    digits = (number or "").lstrip("+")
    return "62" + digits[1:] if digits.startswith("0") else digits


def response_links(region: Region) -> list[str]:
    """Where "Tanggapi" leads: the region's channels as the only allowed link forms, else SP4N-LAPOR!."""
    hrefs = []
    for f in region.feedback:
        hrefs.append({"lapor": f.url, "web": f.url, "email": f"mailto:{f.address}",
                      "whatsapp": f"https://wa.me/{international(f.number)}",
                      "phone": f"tel:+{international(f.number)}"}[f.channel])
    return hrefs or ["https://www.lapor.go.id/"]


def check_response_links(site: Path, region_pages: list[Region]) -> None:
    """Every programme and quick win of a region page links to the page's list of the
    region's response links, and that list holds exactly them."""
    for region in region_pages:
        expected = response_links(region)
        pages = [soup(site, f"wilayah/{region.id}/{plan.key}") for plan in region.pillars]
        for plan, page in zip(region.pillars, pages, strict=True):
            rows = page.select("tr:has(h5[id^='program-'])")
            assert len(rows) == len(plan.programs)
            assert all([a["href"] for a in row.select("a.sc-respond")] == ["#tanggapi"] for row in rows), region.id
        quick = soup(site, f"wilayah/{region.id}/quick-wins")
        cards = quick.select("li.sc-quick-win")
        assert len(cards) == len(region.quick_wins)
        assert all([a["href"] for a in card.select("a.sc-respond")] == ["#tanggapi"] for card in cards), region.id
        for page in [*pages, quick]:
            if page.select("a.sc-respond"):
                assert [a["href"] for a in page.select("#tanggapi ~ ul a")] == expected, region.id


def check_records(site: Path, regions: list[Region], region_pages: list[Region]) -> None:
    """RPJMD alignment and the risk register: index, CSVs, statistics, region pages."""
    table = soup(site, "wilayah").select_one(".sc-regions-table")
    by_name = {r.name: r for r in regions}
    for row, cells in zip(table.select("tbody tr"), rows_by_header(table), strict=True):
        done, total = aligned(by_name[row.th.a.get_text()])
        assert cells["Selaras RPJMD"] == (f"{done}/{total}" if total else "–")
    with (site / "data" / "wilayah.csv").open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            region = next(r for r in regions if r.code == row["region_code"])
            assert int(row["strategies_aligned"]) == aligned(region)[0]
            assert int(row["open_risks"]) == sum(1 for k in region.risks if k.status == "open")
    with (site / "data" / "risiko.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = [(r["region_code"], r["risk_id"], r["likelihood"], r["impact"], r["status"], r["programs"])
                for r in csv.DictReader(handle)]
    assert rows == [(r.code, k.id, k.likelihood, k.impact, k.status, " ".join(k.programs))
                    for r in sorted(regions, key=lambda r: r.code) for k in r.risks]
    page = soup(site, "statistik")
    chart = {tr.th.get_text(strip=True): tr.td.get_text(strip=True)
             for tr in page.select("#risiko-pilar .sc-chart__data tbody tr")}
    for pillar in REFERENCE.pillars:
        assert chart[pillar.label] == num(sum(1 for r in regions for k in r.risks
                                              if k.status == "open" and k.pillar == pillar.key))
    for region in region_pages:
        risks = soup(site, f"wilayah/{region.id}/risiko")
        grid = [[td.get_text(strip=True) for td in tr.select("td")] for tr in risks.select(".sc-risk-grid-table tbody tr")]
        levels = ("high", "medium", "low")
        expected = [[str(sum(1 for k in region.risks if k.status == "open" and k.likelihood == li and k.impact == im))
                     for im in reversed(levels)] for li in levels]
        assert grid == (expected if region.risks else []), region.id
        assert [li["id"] for li in risks.select("li.sc-risk")] == [f"risiko-{k.id}" for k in region.risks]
        for plan in region.pillars:
            mitigated = {p for k in region.risks for p in k.programs}
            pillar_page = soup(site, f"wilayah/{region.id}/{plan.key}")
            shown = {tr.h5["id"].removeprefix("program-") for tr in pillar_page.select("tr:has(h5[id^='program-'])")
                     if "Memitigasi risiko" in tr.get_text()}
            assert shown == {p.id for p in plan.programs if p.id in mitigated}, (region.id, plan.key)
        analysis = soup(site, f"wilayah/{region.id}/analisis")
        if region.rpjmd and region.rpjmd.missions and aligned(region)[1]:
            caption = analysis.select_one(".sc-alignment caption").get_text()
            done, total = aligned(region)
            assert f"{done} dari {total} strategi selaras" in caption


def check_accountability(site: Path, regions: list[Region], as_of: dt.date, region_pages: int | None = None) -> None:
    check_regions_index(site, regions, as_of)
    check_region_pages(site, regions[:region_pages] if region_pages else regions, as_of)
    check_provinces(site, regions, as_of)
    check_statistics(site, regions, as_of)
    check_ranking(site, regions)
    check_element_pages(site, regions, as_of)
    check_records(site, regions, regions[:region_pages] if region_pages else regions)
    check_response_links(site, regions[:region_pages] if region_pages else regions)
    check_open_data(site, regions, as_of)
    footer = soup(site, "").select_one(".md-copyright").get_text(" ", strip=True)
    months = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
              "November", "Desember")
    assert f"Data dihimpun {as_of.day} {months[as_of.month - 1]} {as_of.year}" in footer
