"""Atom feeds: the whole site's (`feed.xml`) and each region's
(`wilayah/<id>/feed.xml`). Entries are programme updates (the dated notes),
evaluation rounds, a region's first appearance and its data changes (changes.py),
each with a stable id, a date and a link to its page. Deterministic: the feed's
own date is its newest entry's, never the build's, and no date lies after the "as of"
date. Every text goes through one XML-safe filter (`xml_text`): characters XML 1.0
cannot carry are removed, not copied, so a strict XML parser accepts every feed."""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter
from dataclasses import dataclass, replace

from smartcity.formatting import date_id, score
from smartcity.history.diff import RegionHistory
from smartcity.labels import STATUS_LABELS
from smartcity.model import Region
from smartcity.site.addresses import region_src, relative_url, url_of
from smartcity.site.render.environment import environment

SITE_FEED = "feed.xml"
SITE_ENTRIES = 200
# A feed reader polls for what is new: a region's newest entries are enough, and the
# whole history stays on the region's pages (a region's full feed was ~70 KB, ×514).
# 20 (WordPress's default is 10): a reader polling once a month misses nothing unless a
# region writes more than 20 notes in that month.
REGION_ENTRIES = 20
def region_feed(region_id: str) -> str:
    """The site path of a region's feed."""
    return f"wilayah/{region_id}/feed.xml"


@dataclass(frozen=True)
class Entry:
    """One feed entry; `page` is the source path of the page it links to."""
    id: str
    date: dt.date
    title: str
    summary: str
    page: str
    anchor: str = ""


def region_entries(region: Region, history: RegionHistory | None) -> list[Entry]:
    """A region's entries, newest first (then by id, for a stable order)."""
    entries = []
    for plan in region.pillars:
        for program in plan.programs:
            seen: Counter[dt.date] = Counter()
            for update in program.updates:
                # two notes on one day are two events: the second gets "-2" (the first keeps the plain id)
                seen[update.date] += 1
                nth = f"-{seen[update.date]}" if seen[update.date] > 1 else ""
                entries.append(Entry(f"urn:smartcity:{region.id}:program:{program.id}:{update.date.isoformat()}{nth}",
                                     update.date, f"{region.name}: {program.title} ({STATUS_LABELS[update.status]})",
                                     update.note or "", region_src(region.id, plan.key), f"program-{program.id}"))
    for evaluation in region.evaluations:
        if evaluation.date is not None:
            final = evaluation.scores.final if evaluation.scores else None
            entries.append(Entry(f"urn:smartcity:{region.id}:evaluasi:{evaluation.period}", evaluation.date,
                                 f"{region.name}: evaluasi {evaluation.label}",
                                 f"Nilai akhir {score(final)}." if final is not None else (evaluation.summary or ""),
                                 region_src(region.id, "evaluasi"), f"evaluasi-{evaluation.period}"))
    groups = history.groups if history else ()
    for group in groups:
        if group.changes:
            entries.append(Entry(f"urn:smartcity:{region.id}:perubahan:{group.sha}", group.date,
                                 f"{region.name}: perubahan data {date_id(group.date)}", "; ".join(group.changes),
                                 region_src(region.id, "riwayat")))
    first = groups[-1].date if groups and not (history and history.truncated) else region.updated
    if first is not None:
        entries.append(Entry(f"urn:smartcity:{region.id}:diterbitkan", first, f"Masterplan {region.name} diterbitkan",
                             f"{region.name}, {region.province}.", region_src(region.id, "")))
    return sorted(entries, key=lambda e: (e.date, e.id), reverse=True)


def atom(feed_path: str, feed_id: str, title: str, entries: list[Entry], use_directory_urls: bool,
         as_of: dt.date, page: str, base: str = "") -> str:
    """The Atom document, no date after `as_of`. With the site's published address `base`
    (`site_url`), every link is absolute, as feed readers and validators expect of `self`;
    without one (a local build), links are relative to the feed's own address. `page` is
    the source of the page the feed belongs to (its `alternate` link)."""
    def link(src: str, anchor: str = "") -> str:
        url = url_of(src, use_directory_urls)
        target = base + url if base else relative_url(feed_path, url)
        return target + (f"#{anchor}" if anchor else "")
    entries = [replace(e, date=min(e.date, as_of)) for e in entries]
    updated = max((e.date for e in entries), default=dt.date(2017, 1, 1))
    return environment().get_template("feed.xml.j2").render(
        id=feed_id, title=title, updated=updated, entries=[(e, link(e.page, e.anchor)) for e in entries],
        self_href=base + feed_path if base else feed_path.rsplit("/", 1)[-1], alternate_href=link(page))


def one_region_feed(region: Region, history: RegionHistory | None, use_directory_urls: bool, as_of: dt.date,
                    base: str = "", entries: list[Entry] | None = None) -> str:
    """One region's feed: its newest REGION_ENTRIES entries (`entries`: the region's, when
    the caller has them)."""
    entries = region_entries(region, history) if entries is None else entries
    return atom(region_feed(region.id), f"urn:smartcity:{region.id}", f"Masterplan {region.name}",
                entries[:REGION_ENTRIES], use_directory_urls, as_of, region_src(region.id, ""), base)


def all_feeds(regions: tuple[Region, ...], changes: dict[str, RegionHistory], use_directory_urls: bool,
              as_of: dt.date, base: str = "") -> tuple[str, dict[str, str]]:
    """The site's feed and each region's (by region id), every region's entries gathered
    once for both (twice was ~1 s of a 514-region build)."""
    by_region = {r.id: region_entries(r, changes.get(r.id)) for r in regions}
    # each region's list is newest first: the site's newest are among their first SITE_ENTRIES
    newest = heapq.nlargest(SITE_ENTRIES, (e for entries in by_region.values() for e in entries[:SITE_ENTRIES]),
                            key=lambda e: (e.date, e.id))
    site = atom(SITE_FEED, "urn:smartcity:situs", "Masterplan Smart City Indonesia", newest, use_directory_urls,
                as_of, "index.md", base)
    return site, {r.id: one_region_feed(r, None, use_directory_urls, as_of, base, by_region[r.id]) for r in regions}
