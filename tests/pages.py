"""Reading built pages as a test does: one place for the helpers every test file used to
write again (a page's soup, its article text, a table's rows by column heading)."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def soup(site: Path, path: str) -> BeautifulSoup:
    """The page at `path` of a built site (`wilayah/x` → `wilayah/x/index.html`); it must exist."""
    file = site / path / "index.html"
    assert file.exists(), f"{path} was not built"
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def text_of(site: Path, path: str, selector: str = "article") -> str:
    """The text of one part of a page, white space folded."""
    node = soup(site, path).select_one(selector)
    assert node is not None, (path, selector)
    return " ".join(node.get_text(" ").split())


def headers_of(table) -> list[str]:
    """A table's column headings."""
    return [th.get_text(" ", strip=True) for th in table.select("thead th")]


def cells_by_header(table, row, headers: list[str] | None = None) -> dict[str, str]:
    """A table row's cells (the row header included) by their column's heading."""
    cells = [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"], recursive=False)]
    return dict(zip(headers if headers is not None else headers_of(table), cells, strict=True))


def rows_by_header(table) -> list[dict[str, str]]:
    """A table's body rows as {column heading: cell text}, row headers included. The
    headings are read once: once a row, they made a 514-row table a 20-second read."""
    headers = headers_of(table)
    return [cells_by_header(table, tr, headers) for tr in table.select("tbody tr")]


def compare_figures(site: Path) -> BeautifulSoup:
    """The compare page's table of every region's figures: a file beside the page, which the
    page fetches (renderer.COMPARE_TABLE)."""
    file = site / "bandingkan" / "angka-wilayah.html"
    assert file.exists(), "the compare figures were not written"
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def printed_page(browser, server, region_id: str) -> BeautifulSoup:
    """The printed masterplan of a region as a reader's browser assembles it (assets/print.js
    takes the roadmap and the pillars from the region's pages): the page once every part has
    come, which it says on `<html data-sc-print="ready">`."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{server.url}wilayah/{region_id}/cetak/")
    page.wait_for_function("['ready', 'partial'].includes(document.documentElement.dataset.scPrint)")
    assert page.evaluate("document.documentElement.dataset.scPrint") == "ready", region_id
    html = page.content()
    page.close()
    assert errors == [], errors
    return BeautifulSoup(html, "html.parser")
