"""Walks a built site: every internal link and anchor must resolve."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

HREF = re.compile(rb'(?:href|src)="([^"]*)"')
ID = re.compile(rb'\sid="([^"]*)"')


def _target(site: Path, page: Path, url: str) -> tuple[Path, str] | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("mailto:", "tel:", "data:", "javascript:")):
        return None
    path = unquote(parts.path)
    target = page if not path else (page.parent / path)
    if path.endswith("/") or (target.is_dir()):
        target = target / "index.html"
    return target.resolve(), unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    site = site.resolve()
    ids: dict[Path, set[str]] = {}
    # 404.html is served at any address, so MkDocs gives it root-absolute links
    pages = sorted(p for p in site.rglob("*.html") if p.relative_to(site).as_posix() != "404.html")
    contents = {page: page.read_bytes() for page in pages}
    for page, html in contents.items():
        ids[page.resolve()] = {m.decode() for m in ID.findall(html)}
    problems = []
    for page, html in contents.items():
        for raw in HREF.findall(html):
            url = raw.decode().replace("&amp;", "&")
            found = _target(site, page, url)
            if found is None:
                continue
            target, fragment = found
            if not target.is_relative_to(site) or not target.exists():
                problems.append(f"{page.relative_to(site)}: {url} → missing {target}")
            elif fragment and target.suffix == ".html" and fragment not in ids.get(target, set()):
                problems.append(f"{page.relative_to(site)}: {url} → no anchor #{fragment}")
    return problems
