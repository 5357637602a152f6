"""A newcomer's check (issue 29): a new region page type is one page object and one template.
The test registers a hypothetical page type ("Anggaran") and its template, builds the
sample site in this process, and finds the page, its navigation link, its description,
its search marking and its sitemap entry derived from that one object. It also holds the
macros of hand-written pages to the renderer's parts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from mkdocs.commands.build import build
from mkdocs.config import load_config

from smartcity.site.pages import region as region_pages_module
from smartcity.site.pages.region import RegionPage, RegionPageInput
from smartcity.site.pages.renderer import PARTS, Renderer
from smartcity.site.render import environment as environment_module

TEMPLATE = """{% import "_components.html.j2" as c with context %}
<div class="sc-page sc-region"{% if page.indexed %} data-pagefind-body{% endif %}>
{{ c.region_header(region, page, pages, link) }}
<p class="sc-test-budget">Anggaran rencana: {{ planned | rupiah }}</p>
</div>
"""


def budget(p: RegionPageInput) -> dict[str, float]:
    return {"planned": p.figures.money.planned}


def build_in_process(site_dir: Path) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def test_a_new_region_page_type_is_one_object_and_one_template(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "region_budget.html.j2").write_text(TEMPLATE, encoding="utf-8")
    page = RegionPage("anggaran", "Anggaran", "region_budget.html.j2", budget, "anggaran program per pilar",
                      in_sitemap=False)
    later = region_pages_module.AFTER_PILLARS
    monkeypatch.setattr(region_pages_module, "AFTER_PILLARS", (*later[:-1], page, later[-1]))
    monkeypatch.setattr(environment_module, "TEMPLATE_DIRS", [environment_module.TEMPLATES, templates])
    environment_module.environment.cache_clear()
    monkeypatch.chdir(ROOT)
    monkeypatch.setitem(os.environ, "NO_MKDOCS_2_WARNING", "1")
    try:
        build_in_process(tmp_path / "site")
    finally:
        environment_module.environment.cache_clear()
    site = tmp_path / "site"
    written = site / "wilayah" / "kota-pekalongan" / "anggaran" / "index.html"
    assert written.is_file()
    soup = BeautifulSoup(written.read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one(".sc-test-budget").get_text() == "Anggaran rencana: Rp 250.000.000"
    assert soup.select_one("[data-pagefind-body]") is not None
    assert soup.find("meta", attrs={"name": "description"})["content"].startswith("Anggaran — masterplan smart city")
    overview = BeautifulSoup((site / "wilayah" / "kota-pekalongan" / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
    assert [a.get_text() for a in overview.select(".sc-region-nav a")][-2:] == ["Anggaran", "Cetak"]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "wilayah/kota-pekalongan/anggaran/" not in sitemap and "wilayah/kota-pekalongan/cetak/" in sitemap


def test_every_macro_is_a_part_of_the_renderer() -> None:
    """The macros hand-written pages call are exactly the renderer's registered parts."""
    import macros

    assert set(PARTS) >= {"regions_table", "home_figures", "downloads", "search_box"}
    assert all(getattr(Renderer, name) is PARTS[name] for name in PARTS)

    class Env:
        def __init__(self) -> None:
            self.conf = type("Conf", (), {"plugins": {"smartcity": None}})()
            self.registered: list[str] = []

        def macro(self, function: object, name: str) -> None:
            self.registered.append(name)
    env = Env()
    macros.define_env(env)
    assert env.registered == list(PARTS)
    used = {name for path in (ROOT / "docs").rglob("*.md")
            for name in PARTS if f"{{{{ {name}() }}}}" in path.read_text(encoding="utf-8")}
    assert used == set(PARTS), set(PARTS) - used
