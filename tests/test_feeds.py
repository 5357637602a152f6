"""Atom feeds of the site and of each region, read with a real feed parser."""

from __future__ import annotations

import datetime as dt
import posixpath
from pathlib import Path

import feedparser
from bs4 import BeautifulSoup
from conftest import AS_OF_EPOCH, ROOT

from smartcity.site.render.feeds import REGION_ENTRIES, one_region_feed, region_entries
from smartcity.tools.synthetic import write_national
from smartcity.validation.loader import load_regions

AS_OF = dt.datetime.fromtimestamp(AS_OF_EPOCH, dt.UTC).date()


def parse(site: Path, path: str) -> feedparser.FeedParserDict:
    feed = feedparser.parse((site / path).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


SITE_URL = "https://smartcity.example.org/"   # mkdocs.yml's default address


def resolves(site: Path, feed_path: str, link: str) -> bool:
    """An absolute link at the site's address, or a relative one, leads to a written page."""
    if link.startswith(SITE_URL):
        target = posixpath.normpath(link.removeprefix(SITE_URL).split("#")[0] or ".")
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(feed_path), link.split("#")[0]))
    return (site / target / "index.html").exists() or (site / target).is_file()


def test_feeds_link_themselves_and_their_page_absolutely(sample_site: Path) -> None:
    """Feed readers and validators expect absolute `self` and `alternate` links (issue 27)."""
    for path, page in (("feed.xml", ""), ("wilayah/kota-pekalongan/feed.xml", "wilayah/kota-pekalongan/")):
        feed = parse(sample_site, path)
        links = {link.rel: link.href for link in feed.feed.links}
        assert links["self"] == SITE_URL + path and links["alternate"] == SITE_URL + page
        assert all(e.link.startswith(SITE_URL) for e in feed.entries)


def test_feeds_parse_and_their_entries_are_the_region_data(sample_site: Path) -> None:
    regions = list(load_regions(ROOT / "data" / "regions"))
    every: list[str] = []
    for region in regions:
        path = f"wilayah/{region.id}/feed.xml"
        feed = parse(sample_site, path)
        ids = [e.id for e in feed.entries]
        assert len(ids) == len(set(ids)), "stable, unique ids"
        assert all(resolves(sample_site, path, e.link) for e in feed.entries)
        history = BeautifulSoup((sample_site / f"wilayah/{region.id}/riwayat/index.html").read_text(encoding="utf-8"),
                                "html.parser")
        changes = sum(1 for li in history.select(".sc-history-list > li") if li.select("ul li"))
        updates = sum(len(p.updates) for p in region.programs)
        evaluations = sum(1 for e in region.evaluations if e.date is not None)
        assert len(ids) == min(updates + evaluations + changes + 1, REGION_ENTRIES), region.id
        assert sum(1 for i in ids if i.endswith(":diterbitkan")) == 1
        dates = [e.updated for e in feed.entries]
        assert dates == sorted(dates, reverse=True), "newest first"
        every += ids
    site = parse(sample_site, "feed.xml")
    assert sorted(e.id for e in site.entries) == sorted(every)
    assert all(resolves(sample_site, "feed.xml", e.link) for e in site.entries)


def test_the_index_and_each_overview_say_how_to_subscribe(sample_site: Path) -> None:
    index = BeautifulSoup((sample_site / "wilayah/index.html").read_text(encoding="utf-8"), "html.parser")
    assert index.find("a", string="umpan Atom")["href"] == "../feed.xml"
    overview = BeautifulSoup((sample_site / "wilayah/kota-pekalongan/index.html").read_text(encoding="utf-8"),
                             "html.parser")
    assert overview.find("a", string="umpan Atom")["href"] == "feed.xml"


def test_every_page_links_its_feeds_in_head(sample_site: Path) -> None:
    """Feed readers find the feeds through the "alternate" token and the Atom type; the rel
    value is never exactly "alternate", which would make Material's JavaScript fetch a
    sitemap.xml beside the feed on every first load (see overrides/main.html)."""
    def alternates(path: str) -> list[str]:
        head = BeautifulSoup((sample_site / path).read_text(encoding="utf-8"), "html.parser").head
        links = [link for link in head.find_all("link") if "alternate" in link.get("rel", [])]
        assert all(link["type"] == "application/atom+xml" and link["title"] for link in links)
        assert not head.select("link[rel=alternate]"), "Material would fetch a sitemap beside it"
        return [link["href"] for link in links]
    def resolved(path: str) -> list[str]:
        folder = posixpath.dirname(path)
        return [posixpath.normpath(posixpath.join(folder, href)) for href in alternates(path)]
    assert resolved("index.html") == ["feed.xml"]
    assert resolved("statistik/index.html") == ["feed.xml"]
    assert resolved("wilayah/kota-pekalongan/governance/index.html") == ["feed.xml", "wilayah/kota-pekalongan/feed.xml"]
    assert resolved("wilayah/kota-pekalongan/index.html") == ["feed.xml", "wilayah/kota-pekalongan/feed.xml"]


def test_a_region_feed_holds_its_newest_entries_only(tmp_path: Path) -> None:
    """A large region's feed keeps its REGION_ENTRIES newest entries, not its whole history."""
    write_national(tmp_path, count=1)
    region = next(iter(load_regions(tmp_path)))
    every = region_entries(region, None)
    assert len(every) > REGION_ENTRIES
    feed = feedparser.parse(one_region_feed(region, None, True, AS_OF).encode("utf-8"))
    assert not feed.bozo
    assert [e.id for e in feed.entries] == [e.id for e in every[:REGION_ENTRIES]]
    assert min(e.updated for e in feed.entries) >= every[REGION_ENTRIES].date.isoformat()
