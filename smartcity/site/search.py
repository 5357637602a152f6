"""The search index: titles of regions, strategies, programmes and quick wins.

Material's search indexes the full text of every page and every visitor
downloads it on the first page load (24 MB for 514 regions). This index holds
titles only, in a compact form, and the search page fetches it only when the
reader searches. Matching is by word prefix, so Indonesian suffixes need no
stemmer ("vaksin" finds "vaksinasi"); see docs/assets/search.js.
"""

from __future__ import annotations

import json

from smartcity.site.sitedata import SiteData

SEARCH_INDEX = "search/titles.json"
FORMAT = 1


def search_index(site: SiteData) -> dict:
    """`regions`: [id, name, province]; `pillars`: [key, label];
    `items`: [kind, region index, pillar index, item id, title] with kind
    s (strategy), p (programme) or q (quick win)."""
    pillar_keys = [p.key for p in site.reference.pillars]
    regions, items = [], []
    for r_index, region in enumerate(site.regions):
        regions.append([region.id, region.name, region.province])
        for pillar in region.pillars:
            p_index = pillar_keys.index(pillar.key)
            for strategy in pillar.strategies:
                items.append(["s", r_index, p_index, strategy.id, " ".join(strategy.title.split())])
                items.extend(["p", r_index, p_index, program.id, " ".join(program.title.split())]
                             for program in strategy.programs)
            items.extend(["q", r_index, p_index, qw.id, " ".join(qw.title.split())] for qw in pillar.quick_wins)
    return {"v": FORMAT, "pillars": [[p.key, p.label] for p in site.reference.pillars],
            "regions": regions, "items": items}


def search_index_json(site: SiteData) -> str:
    """The title search index as JSON."""
    return json.dumps(search_index(site), ensure_ascii=False, separators=(",", ":"))
