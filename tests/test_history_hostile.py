"""Hostile history (issue 25): a region file whose past holds every kind of bad version —
a status that is a list, an infinite budget, an alias bomb, an escaped control character,
binary garbage, commits dated 2099 and in the year 10000, a merge of an older branch —
still builds a complete site, a feed every parser accepts, and a history page that says
what it skipped and which dates it could not trust; and it builds quickly."""

from __future__ import annotations

import datetime as dt
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from conftest import AS_OF_EPOCH, build_site
from test_history import commit, entries, git, history_page, scripted

AS_OF = dt.datetime.fromtimestamp(AS_OF_EPOCH, dt.UTC).date()
FILE = Path("data") / "regions" / "kota-pekalongan.yml"
STATUS_LINE = "status: in_progress # planned"
BOMB = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 10))


def put(repo: Path, text: str | bytes) -> None:
    path = repo / FILE
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    tmp = tmp_path_factory.mktemp("hostile")
    repo = scripted(tmp)
    good = (repo / FILE).read_text(encoding="utf-8")
    bad_versions: list[str | bytes] = [
        good.replace(STATUS_LINE, "status: [in_progress, done] # planned"),          # a list as status
        good.replace("amount: 300000000,", "amount: .inf,"),                          # an infinite budget
        "l0: &l0 [lol]\n" + BOMB + good,                                             # an alias bomb
        good.replace("title: Perluasan layanan Sakpore", 'title: "Perluasan\\a layanan \\x1b[31mSakpore"'),
        bytes(range(256)) * 40,                                                      # not text at all
        good.replace("pillars:", "pillars: " + "[" * 5000, 1),                       # nested past any limit
    ]
    day = 10
    for bad in bad_versions:
        assert bad != good
        put(repo, bad)
        commit(repo, f"2024-09-{day:02d}T10:00:00+07:00")
        put(repo, good)
        commit(repo, f"2024-09-{day + 1:02d}T10:00:00+07:00")
        day += 2
    # commits dated in the future and past the year 9999
    put(repo, good.replace("amount: 300000000,", "amount: 260000000,"))
    commit(repo, "2099-01-01T00:00:00+00:00")
    put(repo, good.replace("amount: 300000000,", "amount: 270000000,"))
    commit(repo, "@253402300800 +0000")
    # an older branch merged after a newer status change: no change may be invented
    git(repo, "branch", "side")
    put(repo, good.replace("amount: 300000000,", "amount: 270000000,").replace(
        "horizon: medium, start: 2021, end: 2022, status: in_progress",
        "horizon: medium, start: 2021, end: 2022, status: done"))
    commit(repo, "2025-01-10T10:00:00+07:00")
    git(repo, "checkout", "-q", "side")
    put(repo, good.replace("amount: 300000000,", "amount: 275000000,"))
    commit(repo, "2025-02-01T10:00:00+07:00")
    git(repo, "checkout", "-q", "-")
    git(repo, "merge", "-q", "--no-ff", "--no-commit", "-s", "ours", "side")
    put(repo, good.replace("amount: 300000000,", "amount: 275000000,").replace(
        "horizon: medium, start: 2021, end: 2022, status: in_progress",
        "horizon: medium, start: 2021, end: 2022, status: done"))
    commit(repo, "2025-03-01T10:00:00+07:00", subject="gabung")
    site = tmp / "site"
    started = time.monotonic()
    result = build_site(site, repo / "data" / "regions")
    seconds = time.monotonic() - started
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    return site, seconds


def test_the_site_is_complete_and_quick(hostile: tuple[Path, float]) -> None:
    site, seconds = hostile
    for page in ("", "wilayah/kota-pekalongan/", "wilayah/kota-pekalongan/riwayat/", "wilayah/kota-pekalongan/cetak/"):
        assert (site / page / "index.html").is_file(), page
    assert seconds < 60, f"a hang bound, not a speed target: {seconds:.1f} s"


def test_bad_versions_are_skipped_and_said(hostile: tuple[Path, float]) -> None:
    site, _ = hostile
    page = history_page(site)
    text = " ".join(page.get_text(" ").split())
    skipped = [li for li in page.select(".sc-history-list > li") if "tidak dapat dibaca" in li.get_text()]
    # each of the six bad versions is skipped and said so; no change is read from them
    assert len(skipped) == 6 + 1, [li.get_text(" ", strip=True) for li in skipped]   # + the scripted one
    assert "\x1b" not in text and "\x07" not in text and "? →" not in text
    # commit dates that cannot be true are clamped to the as-of date and said so
    assert "tanggal commit tidak wajar" in text
    assert "2099" not in text and "10000" not in text
    dates = [li.time["datetime"] for li in page.select(".sc-history-list > li")]
    assert max(dates) <= AS_OF.isoformat()


def test_a_merge_invents_no_change(hostile: tuple[Path, float]) -> None:
    site, _ = hostile
    changes = [c for _, group in entries(history_page(site)) for c in group]
    assert not any("Selesai → Berjalan" in c or "Berjalan → Terlambat" in c for c in changes), changes
    statuses = [c for c in changes if c.startswith("Status program “Antrean puskesmas daring”")]
    assert statuses.count("Status program “Antrean puskesmas daring”: Berjalan → Selesai") == 1, statuses


def test_the_feed_is_valid_for_strict_parsers(hostile: tuple[Path, float]) -> None:
    site, _ = hostile
    for path in ("feed.xml", "wilayah/kota-pekalongan/feed.xml"):
        raw = (site / path).read_bytes()
        ET.fromstring(raw)   # a strict XML parser
        feed = feedparser.parse(raw)
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.feed.updated[:10] <= AS_OF.isoformat()
        assert all(e.updated[:10] <= AS_OF.isoformat() for e in feed.entries)
        ids = [e.id for e in feed.entries]
        assert len(ids) == len(set(ids))
