"""What crawlers read (issue 27): robots.txt names the sitemap; the sitemap lists the site's
public pages only, dated by their data (never by the build)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from conftest import AS_OF_EPOCH, ROOT

from smartcity.history.git import file_histories
from smartcity.validation.loader import load_regions

SITE_URL = "https://smartcity.example.org/"


def test_robots_txt_names_the_sitemap(sample_site: Path) -> None:
    robots = (sample_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in robots and f"Sitemap: {SITE_URL}sitemap.xml" in robots


def test_the_sitemap_lists_public_pages_dated_by_their_data(sample_site: Path) -> None:
    sitemap = (sample_site / "sitemap.xml").read_text(encoding="utf-8")
    entries = dict(re.findall(r"<loc>([^<]+)</loc>\s*(?:<lastmod>([^<]+)</lastmod>)?", sitemap))
    assert not [url for url in entries if "/assets/" in url], "vendor notes are not pages"
    regions = load_regions(ROOT / "data" / "regions")
    as_of = dt.datetime.fromtimestamp(AS_OF_EPOCH, dt.UTC).date()   # the build's, as conftest sets it
    histories = file_histories(ROOT / "data" / "regions", 50, as_of)
    for region in regions:
        commits = histories.get(f"{region.id}.yml", ())
        expected = commits[0].date.date().isoformat() if commits else region.updated.isoformat()
        assert entries[f"{SITE_URL}wilayah/{region.id}/"] == expected, region.id
    # hand-written pages carry no date rather than the build's
    assert entries[f"{SITE_URL}tentang/"] == ""
    every_page = {p.parent.relative_to(sample_site).as_posix() for p in sample_site.rglob("index.html")
                  if "pagefind" not in p.parts and "assets" not in p.parts and "sunting" not in p.parts}
    assert f"{SITE_URL}sunting/" not in entries, "the web editor is no page for crawlers (it says noindex)"
    listed = {url.removeprefix(SITE_URL).rstrip("/") or "." for url in entries}
    assert listed == every_page
