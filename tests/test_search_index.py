"""The search index written with every build: what it holds, and that it is byte-stable."""

from __future__ import annotations

import gzip
import html
import json
import random
import re
import shutil
from pathlib import Path
from typing import Any

import cbor2
from conftest import ROOT

from smartcity.site.addresses import region_src, url_of
from smartcity.site.output.search import (
    UNUSED,
    SearchIndexError,
    SearchPages,
    generated_search_document,
    index_folder,
    search_dest,
)
from smartcity.site.output.search_stable import MAGIC, stabilise
from smartcity.site.pages.region import region_pages
from smartcity.site.pages.renderer import Renderer
from smartcity.site.sitedata import Settings, load_site_data


def test_every_marked_page_is_indexed_and_nothing_else_is_kept(sample_site: Path) -> None:
    entry = json.loads((sample_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    marked = [p for p in sample_site.rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    assert entry["languages"]["id"]["page_count"] == len(marked) > 50
    assert all("cetak" not in p.parts and "riwayat" not in p.parts for p in marked)
    assert not any((sample_site / "pagefind" / name).exists() for name in UNUSED)
    assert not list(sample_site.glob(".smartcity-*")), "the pages kept for indexing are removed"


def test_no_word_in_the_index_is_two_of_the_pages_words_glued(sample_site: Path) -> None:
    """Pagefind joins the text of neighbouring elements that it does not take for blocks
    (spans, table rows, a row header beside left-out cells): a "contoh" badge and the
    description after it became one word ("contohIndikator"), and so did the risk grid's row
    headers ("TinggiSedangRendah"). Every word in each page's indexed text must be a word
    of the page as written, read with every tag as a break."""
    word = re.compile(r"[\w']+")
    glued: dict[str, str] = {}
    fragments = sorted((sample_site / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert len(fragments) > 50
    for path in fragments:
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data.removeprefix(MAGIC))
        page = sample_site / search_dest(fragment["url"].lstrip("/"))
        written = {w.lower() for w in word.findall(html.unescape(re.sub(r"<[^>]+>", " ", page.read_text("utf-8"))))}
        glued.update((w, fragment["url"]) for w in word.findall(fragment["content"]) if w.lower() not in written)
    assert not glued, glued


def test_items_ids_are_not_in_the_index(sample_site: Path) -> None:
    """An item's id ("ID gov-1-1", for editors) is left out of what Pagefind indexes by one
    selector (search.EXCLUDED), not by an attribute on every id: no fragment holds one."""
    seen = 0
    for path in sorted((sample_site / "pagefind" / "fragment").glob("*.pf_fragment")):
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(MAGIC))
        page = (sample_site / search_dest(fragment["url"].lstrip("/"))).read_text("utf-8")
        ids = re.findall(r'<span class="sc-item-id">ID <code>([^<]+)</code>', page)
        seen += len(ids)
        assert not [i for i in ids if i in fragment["content"]], fragment["url"]
    assert seen > 20


def test_filter_order_does_not_change_the_files(sample_site: Path, tmp_path: Path) -> None:
    """Pagefind writes filter values in a run-dependent order; after stabilise() the
    files (and their names) depend only on the content."""
    first, second = tmp_path / "a", tmp_path / "b"
    shutil.copytree(sample_site / "pagefind", first)
    shutil.copytree(sample_site / "pagefind", second)
    rng = random.Random(7)
    for path in (second / "filter").glob("*.pf_filter"):
        item = cbor2.loads(gzip.decompress(path.read_bytes())[len(MAGIC):])
        rng.shuffle(item[1])
        path.write_bytes(gzip.compress(MAGIC + cbor2.dumps(item)))
    assert stabilise(first) and stabilise(second)
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_nothing_to_index_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "index.html").write_text("<html lang=id><body><p>x</p></body></html>", encoding="utf-8")
    try:
        index_folder(tmp_path / "pages" / "missing", tmp_path / "out")
    except SearchIndexError as error:
        assert "Pagefind" in str(error)
    else:
        raise AssertionError("an empty folder must not give a site without search")


def test_a_workers_search_file_is_the_one_cut_from_the_written_page(sample_site: Path, tmp_path: Path) -> None:
    """On big sites workers write region pages' search files from the body alone
    (generated_search_document); it must be what the plugin cuts from the written page."""
    site = load_site_data(Settings.from_environment(base=ROOT))
    renderer = Renderer(site, use_directory_urls=True)
    cut = SearchPages(tmp_path)
    compared = 0
    for region in site.regions:
        for page in region_pages(site.reference):
            url = url_of(region_src(region.id, page.slug), True)
            written = (sample_site / search_dest(url)).read_text(encoding="utf-8")
            cut.add(search_dest(url), written)
            if "data-pagefind-body" not in written:
                continue
            from_body = generated_search_document(renderer.region_page(region.id, page.slug, url))
            assert from_body == (cut.folder / search_dest(url)).read_text(encoding="utf-8"), url
            compared += 1
    cut.close()
    # pages that only say their part is empty are not indexed (issue 26)
    assert compared == sum(page.searchable(region) for region in site.regions for page in region_pages(site.reference))
    assert 2 * len(site.regions) < compared < 12 * len(site.regions)


def test_the_kept_pages_go_as_soon_as_pagefind_has_read_them(tmp_path: Path, monkeypatch: Any) -> None:
    """The folder of pages to index is removed while Pagefind builds its index (not after
    it), and what Pagefind writes is the same."""
    from smartcity.site.output import search

    removed_while_running: list[bool] = []
    real = search._Indexer._read

    def read(self: Any, on_parsed: Any) -> None:
        def parsed() -> None:
            on_parsed()
            removed_while_running.append(not pages.folder.exists())
        real(self, parsed)

    monkeypatch.setattr(search._Indexer, "_read", read)
    pages = SearchPages(tmp_path / "site")
    for n in range(3):
        pages.add(f"halaman-{n}/index.html", '<!doctype html><html lang="id"><body>'
                  f'<article class="md-content__inner md-typeset"><div data-pagefind-body>Perizinan {n}</div>'
                  "</article></body></html>")
    indexed = pages.index(tmp_path / "site" / "pagefind")
    assert indexed.pages == 3 and (tmp_path / "site" / "pagefind" / "pagefind-entry.json").is_file()
    assert removed_while_running == [True]
    assert not pages.folder.exists()


def test_pages_a_killed_build_kept_for_pagefind_are_removed_by_the_next(tmp_path: Path) -> None:
    """MkDocs' cleaning keeps hidden folders: the next build removes the one a killed
    build left, so that it is never published."""
    stale = tmp_path / "site" / ".smartcity-search-old"
    (stale / "wilayah").mkdir(parents=True)
    (stale / "wilayah" / "index.html").write_text("x", encoding="utf-8")
    pages = SearchPages(tmp_path / "site")
    assert not stale.exists() and pages.folder.is_dir()
    pages.close()
