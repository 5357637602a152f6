"""Unit tests of the small pieces: chart geometry, page addresses, the check cache,
the open-data encodings, git history, the figures' rules and Indonesian formatting.
Fast, no build."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from smartcity.export import Field, Table, csv_bytes, datapackage, json_text, tables
from smartcity.figures.aggregate import Money, StatusCounts, deadline, is_overdue, region_figures
from smartcity.figures.indicators import assess
from smartcity.figures.national import RoundRanking, rankings
from smartcity.formatting import data_age, date_id, number, percent, rupiah, rupiah_short, score
from smartcity.history.git import file_histories
from smartcity.model import Actual, Budget, Evaluation, Indicator, Program, Scores
from smartcity.reference import load_reference
from smartcity.site.addresses import region_src, relative_url, url_of
from smartcity.site.pages.national import national_pages
from smartcity.site.render.charts import bar_chart, money_unit, px, range_chart, truncate
from smartcity.site.render.tilemap import share_bin
from smartcity.site.render.trend_charts import score_trend
from smartcity.validation.cache import CheckCache
from smartcity.validation.loader import load_regions

REFERENCE = load_reference()
ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 11, 24)


def sample(region_id: str):
    return next(r for r in load_regions(ROOT / "data" / "regions", as_of=AS_OF) if r.id == region_id)


# --- charts ---------------------------------------------------------------------------------

def test_bar_chart_bars_are_proportional_and_stacked_in_status_order() -> None:
    chart = bar_chart("c", "t", "d", [("A", {"done": 2, "planned": 1}), ("B", {"done": 6})], ("planned", "done"))
    a, b = chart.rows
    assert [s.key for s in a.segments] == ["planned", "done"] and a.total == 3 and b.total == 6
    assert a.segments[1].x == px(a.segments[0].x + a.segments[0].width)
    assert b.segments[0].width == pytest.approx(6 * a.segments[0].width, abs=0.5)
    assert a.segments[1].width == pytest.approx(2 * a.segments[0].width, abs=0.2)
    assert chart.stacked and chart.ticks[0].label == "0"


def test_bar_chart_needs_labels_for_amounts() -> None:
    with pytest.raises(ValueError):
        bar_chart("c", "t", "d", [("A", {"count": 1.5})], ("count",))
    chart = bar_chart("c", "t", "d", [("A", {"count": 1.5})], ("count",), value_labels=["Rp 1,5 miliar"])
    assert chart.rows[0].value_label == "Rp 1,5 miliar"


def test_range_chart_places_the_median_between_the_ends() -> None:
    chart = range_chart("r", "t", "d", [("2024 Tahap I", 3, 2.0, 3.0, 4.0)])
    row = chart.ranges[0]
    assert row.x_min < row.x_median < row.x_max
    assert row.x_median - row.x_min == pytest.approx(row.x_max - row.x_median, abs=0.2)


def test_small_chart_helpers() -> None:
    assert px(131.0) == 131 and isinstance(px(131.0), int) and px(10.04) == 10.0 and px(10.06) == 10.1
    assert truncate("abcdef", 4) == "abc…" and truncate("abc", 4) == "abc"
    assert money_unit(2e12) == (1e12, "triliun") and money_unit(5e9) == (1e9, "miliar")
    assert money_unit(3e8) == (1e6, "juta")
    assert [share_bin(s) for s in (0, 0.1, 0.25, 0.26, 0.5, 0.75, 1.0)] == ["0", "1", "1", "2", "2", "3", "4"]


def test_score_trend_draws_final_and_components() -> None:
    rounds = (Evaluation("2021-1", scores=Scores(3.5, 3.2, 3.4, 3.3, 3.6, 3.4)),
              Evaluation("2021-2", scores=Scores(final=3.5)),
              Evaluation("2022-1"))
    chart = score_trend("t", "Tren", rounds)
    assert chart is not None
    assert [s.key for s in chart.series][0] == "final"
    assert len(chart.series[0].points) == 2 and len(chart.series[1].points) == 1
    assert chart.series[0].points[1].y < chart.series[0].points[0].y  # higher score, higher on screen
    assert score_trend("t", "Tren", (Evaluation("2021-1"),)) is None


# --- pages ---------------------------------------------------------------------------------

@pytest.mark.parametrize("src, directory, flat", [
    ("index.md", "", "index.html"),
    ("wilayah/index.md", "wilayah/", "wilayah/index.html"),
    ("wilayah/kota-pekalongan/analisis.md", "wilayah/kota-pekalongan/analisis/", "wilayah/kota-pekalongan/analisis.html"),
    ("data/program.csv", "data/program.csv", "data/program.csv"),
])
def test_url_of_matches_mkdocs(src: str, directory: str, flat: str) -> None:
    assert url_of(src, True) == directory and url_of(src, False) == flat


@pytest.mark.parametrize("page, target, link", [
    ("wilayah/kota-pekalongan/", "wilayah/kota-pekalongan/analisis/", "analisis/"),
    ("wilayah/kota-pekalongan/analisis/", "provinsi/33/", "../../../provinsi/33/"),
    ("", "wilayah/", "wilayah/"),
    ("wilayah/", "", "../"),
    ("wilayah/", "wilayah/", "./"),
])
def test_relative_url(page: str, target: str, link: str) -> None:
    assert relative_url(page, target) == link


def test_national_pages_have_stable_addresses() -> None:
    rounds = (RoundRanking("2021-1", "2021 Tahap I", ()), RoundRanking("2021-2", "2021 Tahap II", (None,) * 250))
    pages = national_pages(REFERENCE, rounds)  # type: ignore[arg-type]
    sources = [p.src for p in pages]
    # a ranking of 250 regions takes three pages of 100 (issue 26); an empty one still has its page
    assert len(sources) == len(set(sources)) == 38 + 6 + 18 + 1 + 3
    assert "provinsi/33.md" in sources and "pilar/governance/service.md" in sources and "peringkat/2021-2.md" in sources
    assert {"peringkat/2021-2/2.md", "peringkat/2021-2/3.md"} <= set(sources) and "peringkat/2021-2/4.md" not in sources
    assert region_src("kota-pekalongan", "") == "wilayah/kota-pekalongan/index.md"


# --- cache --------------------------------------------------------------------------------

def test_cache_key_depends_on_content_name_and_date(tmp_path: Path) -> None:
    key = CheckCache.key(b"a", "x.yml", AS_OF)
    assert key == CheckCache.key(b"a", "x.yml", AS_OF)
    assert len({key, CheckCache.key(b"b", "x.yml", AS_OF), CheckCache.key(b"a", "y.yml", AS_OF),
                CheckCache.key(b"a", "x.yml", AS_OF + dt.timedelta(days=1))}) == 4
    cache = CheckCache(tmp_path / "cache")
    assert cache.get(key) is None
    cache.put(key, {"value": [1, 2]})
    assert cache.get(key) == {"value": [1, 2]}
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    CheckCache(blocked).put(key, 1)  # an unwritable cache is only slower
    assert CheckCache(blocked).get(key) is None


def test_a_checked_file_is_stored_in_one_cache_file_and_a_damaged_one_is_a_miss(tmp_path: Path) -> None:
    """A file's summary (a result object: pickled) and its parsed data (marshalled) share
    one cache file; the summary can be read alone; a cut or foreign file is a miss."""
    from smartcity.validation.loader import CheckedFile

    cache = CheckCache(tmp_path / "cache")
    key = CheckCache.key(b"a", "x.yml", AS_OF)
    summary = CheckedFile("x.yml", None, (), (3, 7), "33.75")
    data = {"code": "33.75", "period": {"start": 2019, "end": 2025}, "ratio": 0.5, "items": [None, True]}
    cache.put_pair(key, summary, data)
    assert len(list((tmp_path / "cache").rglob("*"))) == 2  # one folder, one file
    assert cache.get_pair(key) == (summary, data)
    assert cache.get_pair(key, second=False) == (summary, None)
    stored = next(p for p in (tmp_path / "cache").rglob("*") if p.is_file())
    whole = stored.read_bytes()
    stored.write_bytes(whole[:-10])  # the data cut short: the summary is still read, the data is not
    assert cache.get_pair(key)[0] == summary and cache.get_pair(key)[1] is None
    stored.write_bytes(whole[:20])  # the summary cut short
    assert cache.get_pair(key) is None or cache.get_pair(key)[0] is None
    cache.put(key, {"a": 1})  # another kind of value under the key
    assert cache.get_pair(key) is None


# --- open data ------------------------------------------------------------------------------

def test_csv_cells_and_format() -> None:
    table = Table("t", "data/t.csv", "T", "d", (Field("a", "string", ""), Field("b", "number", ""),
                                                Field("c", "boolean", "")),
                  ("a",), (("x,y", 2.0, True), (None, 0.5, False), ("- 1", 1e3, None)))
    raw = csv_bytes(table)
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows == [["a", "b", "c"], ["x,y", "2", "true"], ["", "0.5", "false"], ["- 1", "1000", ""]]


def test_every_table_row_has_one_value_per_column_and_the_package_says_so() -> None:
    regions = tuple(load_regions(ROOT / "data" / "regions", as_of=AS_OF))
    figures = {r.id: region_figures(r, AS_OF) for r in regions}
    every = tables(regions, REFERENCE, figures)
    assert [t.name for t in every] == ["wilayah", "program", "quick-win", "indikator", "indikator-capaian",
                                       "evaluasi", "risiko"]
    for table in every:
        assert table.count == len(table.rows) > 0
        assert all(len(row) == len(table.fields) for row in table.rows), table.name
    package = datapackage(every)
    tabular = [r for r in package["resources"] if r["profile"] == "tabular-data-resource"]
    for resource, table in zip(tabular, every, strict=True):
        assert [f["name"] for f in resource["schema"]["fields"]] == [f.name for f in table.fields]
    assert json_text({"a": "é", "b": [1]}) == '{"a":"é","b":[1]}'


# --- history ---------------------------------------------------------------------------------

def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@b", "GIT_COMMITTER_NAME": "a",
                        "GIT_COMMITTER_EMAIL": "a@b", "PATH": "/usr/bin:/bin"})


def test_history_lists_commits_per_file_newest_first(tmp_path: Path) -> None:
    regions = tmp_path / "data" / "regions"
    regions.mkdir(parents=True)
    _git(tmp_path, "init", "-q")
    (regions / "a.yml").write_text("1")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "first")
    (regions / "a.yml").write_text("2")
    (regions / "b.yml").write_text("1")
    _git(tmp_path, "add", "-A")
    # a subject with the record separator, a unit separator and bytes that are not UTF-8
    (tmp_path / "message").write_bytes(b"second \x1e\x1f \xff\xfe broken\n\nbody \x1e")
    _git(tmp_path, "commit", "-q", "-F", str(tmp_path / "message"))
    histories = file_histories(regions)
    shas = subprocess.run(["git", "log", "--format=%H"], cwd=tmp_path, capture_output=True, text=True).stdout.split()
    assert [c.sha for c in histories["a.yml"]] == shas
    assert [c.sha for c in histories["b.yml"]] == shas[:1]
    assert file_histories(tmp_path.parent) == {} or "a.yml" not in file_histories(tmp_path.parent)


def test_history_without_git_is_empty(tmp_path: Path) -> None:
    assert file_histories(tmp_path) == {}


# --- figures ---------------------------------------------------------------------------------

def test_progress_counts_programmes_only_and_leaves_cancelled_out() -> None:
    counts = StatusCounts(done=1, planned=2, cancelled=1)
    assert counts.total == 4 and counts.active == 3 and counts.progress == pytest.approx(1 / 3)
    assert StatusCounts(cancelled=2).progress is None and StatusCounts().progress is None


def test_overdue_follows_the_end_year_or_the_horizon() -> None:
    region = sample("kota-pekalongan")
    with_end = Program("p", "P", "medium", "in_progress", end=2023)
    without_end = Program("q", "Q", "long", "planned")  # long horizon ends 2028
    done = Program("r", "R", "medium", "done", end=2020)
    assert deadline(with_end, region) == 2023 and deadline(without_end, region) == 2028
    assert is_overdue(with_end, region, dt.date(2024, 1, 1)) and not is_overdue(with_end, region, dt.date(2023, 12, 31))
    assert not is_overdue(without_end, region, dt.date(2028, 12, 31)) and is_overdue(without_end, region, dt.date(2029, 1, 1))
    assert not is_overdue(done, region, AS_OF)


def test_money_sums_and_says_what_is_missing() -> None:
    money = Money.of([Program("a", "A", "short", "done", budget=Budget(100, realised=120)),
                      Program("b", "B", "short", "planned", budget=Budget(50)),
                      Program("c", "C", "short", "planned")])
    assert (money.planned, money.realised, money.with_budget, money.without_budget) == (150, 120, 2, 1)
    assert money.over_budget == 1 and money.realised_share_reporting == pytest.approx(1.2)
    # the realised share is over all planned money: 120 of 150, not 120 of 100
    assert money.realised_share == pytest.approx(0.8)
    assert (money.with_realised, money.without_report, money.programs) == (1, 2, 3)
    assert Money.of([]).realised_share is None
    assert Money.of([Program("b", "B", "short", "planned", budget=Budget(50))]).realised_share is None


@pytest.mark.parametrize("actuals, as_of, expected", [
    ((), AS_OF, "no_data"),
    ((Actual(2021, 83),), dt.date(2022, 6, 1), "on_track"),   # expected in 2021: 70 + (95 - 70) * 2 / 4 = 82.5
    ((Actual(2021, 80),), dt.date(2022, 6, 1), "behind"),
    ((Actual(2020, 70), Actual(2022, 96)), AS_OF, "achieved"),
    # the target year 2023 is over: not reached is "Tidak tercapai", not "Tertinggal"
    ((Actual(2021, 83),), dt.date(2024, 1, 1), "missed"),
    ((Actual(2023, 94),), AS_OF, "missed"),
    ((Actual(2023, 94),), dt.date(2023, 12, 31), "behind"),
    # measured before the baseline year: no judgement, not even "on track"
    ((Actual(2018, 99),), dt.date(2022, 6, 1), "not_assessable"),
])
def test_indicator_rule(actuals: tuple[Actual, ...], as_of: dt.date, expected: str) -> None:
    region = sample("kota-pekalongan")
    indicator = Indicator("x", baseline=70, baseline_year=2019, target=95, year=2023, actuals=actuals)
    assert assess(indicator, region, as_of).status == expected


def test_falling_targets_and_missing_parts() -> None:
    region = sample("kota-pekalongan")
    falling = Indicator("x", baseline=40, baseline_year=2019, target=20, year=2023, actuals=(Actual(2021, 29),))
    assert assess(falling, region, dt.date(2022, 1, 1)).status == "on_track"  # expected 30 in 2021; lower is better
    unknown = Indicator("x", target=20, actuals=(Actual(2021, 29),))
    assert assess(unknown, region, AS_OF).status == "not_assessable"


def test_ranking_shares_ranks_for_equal_scores() -> None:
    base = sample("kota-pekalongan")

    def with_final(region_id: str, name: str, final: float):
        return dataclasses.replace(base, id=region_id, name=name,
                                   evaluations=(Evaluation("2024-2", scores=Scores(final=final)),))
    ranked = rankings((with_final("a", "A", 3.0), with_final("b", "B", 3.5), with_final("c", "C", 3.0)))
    assert [(e.rank, e.region.name) for e in ranked[0].entries] == [(1, "B"), (2, "A"), (2, "C")]


def test_the_rankings_row_names_a_few_of_many_equal_leaders() -> None:
    """Many regions with the same best score (copies of one file, or a round where many
    reach 3,50) are named up to RANKING_LEADERS_NAMED in /peringkat/'s table; the rest are
    counted and linked to the round's page, where every one is listed."""
    from bs4 import BeautifulSoup

    from smartcity.site.pages.national import RANKING_LEADERS_NAMED
    from smartcity.site.pages.renderer import Renderer
    from smartcity.site.sitedata import Settings, load_site_data

    site = load_site_data(Settings.from_environment(base=ROOT))
    base = site.region("kota-pekalongan")

    def with_final(n: int, final: float):
        return dataclasses.replace(base, id=f"r{n:02d}", name=f"Kota Contoh {n:02d}",
                                   evaluations=(Evaluation("2024-2", scores=Scores(final=final)),))
    regions = tuple(with_final(n, 3.5 if n < 12 else 3.0) for n in range(14))
    html = Renderer(dataclasses.replace(site, regions=regions), use_directory_urls=True).ranking_tables("peringkat/")
    row = BeautifulSoup(str(html), "html.parser").select_one(".sc-rounds tbody tr")
    leaders = row.select("td")[-1]
    named = [f"Kota Contoh {n:02d} (3,50)" for n in range(RANKING_LEADERS_NAMED)]
    assert leaders.get_text(" ", strip=True) == ", ".join(named) + f" dan {12 - RANKING_LEADERS_NAMED} wilayah lain " \
        "dengan nilai yang sama"
    assert leaders.a["href"] == row.th.a["href"] == "2024-2/"


# --- formatting ----------------------------------------------------------------------------

def test_indonesian_formatting() -> None:
    assert number(1234567.891, 2) == "1.234.567,89" and number(1234567) == "1.234.567"
    assert rupiah(1234567890) == "Rp 1.234.567.890"
    assert [rupiah_short(v) for v in (1.2e9, 250e6, 3.45e12, 999, 12.3e9, 150e9)] == \
        ["Rp 1,2 miliar", "Rp 250 juta", "Rp 3,5 triliun", "Rp 999", "Rp 12,3 miliar", "Rp 150 miliar"]
    # half up, as a reader rounds; past the largest unit the thousands keep their separators
    assert [rupiah_short(v) for v in (7.45e9, 1.25e12, 5e16)] == ["Rp 7,5 miliar", "Rp 1,3 triliun", "Rp 50.000 triliun"]
    # never "-0", never an exponent
    assert [number(-0.001, 2), number(-0.4), number(1e-05, 2), number(55729)] == ["0,00", "0", "0,00", "55.729"]
    assert score(1e-05) == "0,00" and score(3.48) == "3,48" and percent(-0.001) == "0%"
    assert date_id(dt.date(2021, 5, 27)) == "27 Mei 2021"
    assert [data_age(d) for d in (None, 10, 45, 400, 2902)] == \
        ["tidak diketahui", "kurang dari 1 bulan", "1 bulan", "1 tahun 1 bulan", "7 tahun 11 bulan"]
    assert json.loads(json_text({"x": 1})) == {"x": 1}


def test_whole_numbers_and_dates_read_as_babel_writes_them() -> None:
    """`number` (whole) and `date_id` skip Babel's pattern machinery for speed: the text is
    Babel's own, for integers and floats of every size and sign, halves, values that round
    to zero, and every month of years from 1 to 9999."""
    import random

    from smartcity.formatting import babel_date_id, babel_number

    rng = random.Random(30)
    values: list[float | int] = [0, 1, -1, 999, 1000, -1000, 999_999, 10**15, -(10**15), 10**18 + 7, 10**22,
                                 0.5, 1.5, 2.5, -0.5, -1.5, -0.4, 0.49999, 1e-05, 1234567.891, 99_999_999_999_999.5]
    values += [rng.randint(-10**rng.randint(1, 20), 10**rng.randint(1, 20)) for _ in range(3000)]
    values += [rng.uniform(-1e12, 1e12) for _ in range(3000)] + [rng.uniform(-10, 10) for _ in range(1000)]
    assert [number(v) for v in values] == [babel_number(v) for v in values]
    days = [dt.date(year, month, day) for year in (1, 5, 99, 1945, 2017, 2026, 9999) for month in range(1, 13)
            for day in (1, 9, 10, 28)]
    assert [date_id(d) for d in days] == [babel_date_id(d) for d in days]
    assert date_id(dt.datetime(2025, 5, 21, 13, 5)) == "21 Mei 2025" and date_id(None) == "–"


def test_the_build_lowers_its_priority_once_while_the_index_is_built() -> None:
    """Once Pagefind runs, the build lets it have the CPU first (nice +5), once per
    process: the rebuilds of `mkdocs serve` must not lower it again and again."""
    code = ("import os; from smartcity.processes import lower_own_priority, NICE_WHILE_INDEXING as N; "
            "before = os.nice(0); lower_own_priority(); lower_own_priority(); "
            "after = os.nice(0); assert after == min(before + N, 19), (before, after); print('ok')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


def test_feedback_numbers_become_links_that_open() -> None:
    """A WhatsApp link to "0812…" does not open: numbers are written 62… (wa.me) and +62… (tel:)."""
    from smartcity.model import FeedbackChannel
    from smartcity.site.render.feedback import feedback_links

    region = dataclasses.replace(sample("kota-pekalongan"), feedback=(
        FeedbackChannel("whatsapp", number="081234567890"), FeedbackChannel("phone", number="0285421093"),
        FeedbackChannel("whatsapp", number="+6281234567890"), FeedbackChannel("email", address="aduan@kota.go.id")))
    assert [link.href for link in feedback_links(region)] == [
        "https://wa.me/6281234567890", "tel:+62285421093", "https://wa.me/6281234567890", "mailto:aduan@kota.go.id"]
