"""What the build does with bad or hostile data: refuse it whole, or show it as text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import PYTHON, ROOT, build_site, run

from smartcity.reference import load_reference
from smartcity.site.pages.region import region_pages

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def regions_dir(tmp_path: Path, *files: tuple[str, Path | str]) -> Path:
    folder = tmp_path / "regions"
    folder.mkdir()
    for name, source in files:
        target = folder / name
        if isinstance(source, Path):
            shutil.copyfile(source, target)
        else:
            target.write_text(source, encoding="utf-8")
    return folder


def test_five_mistakes_give_five_errors_in_validator_and_build(tmp_path: Path) -> None:
    folder = regions_dir(tmp_path, ("kota-pekalongan.yml", FIXTURES / "five-mistakes.yml"))
    result = run([PYTHON, "scripts/validate.py", str(folder)])
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    located = [(int(line.split(":")[1]), line.split(": ")[1].split(" ")[0]) for line in lines]
    assert located == [(3, "E-TYPE"), (19, "E-ELEMENT"), (23, "E-ENUM"), (28, "E-PROGRAM-HORIZON"),
                       (31, "E-SOURCE-UNKNOWN")]
    site = tmp_path / "site"
    build = build_site(site, folder)
    assert build.returncode != 0
    assert "Traceback" not in build.stderr
    for line in lines:  # the build reports the very same lines
        assert line in build.stderr
    assert not site.exists()


def test_an_invalid_file_among_valid_ones_fails_the_whole_build(tmp_path: Path) -> None:
    good = ROOT / "data" / "regions" / "kabupaten-kendal.yml"
    broken = (ROOT / "data" / "regions" / "kabupaten-pemalang.yml").read_text(encoding="utf-8")
    folder = regions_dir(tmp_path, ("kabupaten-kendal.yml", good),
                         ("kabupaten-pemalang.yml", broken.replace("status: published", "status: publish", 1)))
    site = tmp_path / "site"
    build = build_site(site, folder)
    assert build.returncode == 1
    assert "kabupaten-pemalang.yml:11:9: E-ENUM status" in build.stderr
    assert not site.exists(), "no page may be published from bad data"


def test_drafts_are_left_out_unless_previewed(tmp_path: Path) -> None:
    source = (ROOT / "data" / "regions" / "kabupaten-kendal.yml").read_text(encoding="utf-8")
    folder = regions_dir(tmp_path, ("kabupaten-kendal.yml", source.replace("status: published", "status: draft")))
    site = tmp_path / "public"
    assert build_site(site, folder).returncode == 0
    assert not (site / "wilayah" / "kabupaten-kendal").exists()
    assert "Kabupaten Kendal" not in (site / "wilayah" / "index.html").read_text(encoding="utf-8")
    preview = tmp_path / "preview"
    assert build_site(preview, folder, {"SMARTCITY_DRAFTS": "1"}).returncode == 0
    html = (preview / "wilayah" / "kabupaten-kendal" / "index.html").read_text(encoding="utf-8")
    assert "sc-banner--draft" in html


@pytest.fixture(scope="module")
def injection_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("injection")
    folder = tmp / "regions"
    folder.mkdir()
    shutil.copyfile(FIXTURES / "injection.yml", folder / "kota-pekalongan.yml")
    site = tmp / "site"
    result = build_site(site, folder)
    assert result.returncode == 0, result.stderr
    return site


def test_injected_text_appears_literally_and_nothing_executes(injection_site: Path) -> None:
    pages = sorted((injection_site / "wilayah" / "kota-pekalongan").rglob("index.html"))
    assert len(pages) == len(region_pages(load_reference()))
    everything = ""
    for path in pages:
        html = path.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        article = soup.select_one("article")
        # no element, attribute or link came from the data (the printed masterplan's
        # script is the site's own file, which fills it in from the region's pages; the
        # phone cards' column names are put on by the site's assets/cards.js)
        own = [s for s in article.select("script") if s.get("src", "").endswith(("/assets/print.js", "/assets/cards.js"))
               and not s.string]
        assert len([s for s in own if s["src"].endswith("print.js")]) == (1 if path.parent.name == "cetak" else 0), path
        assert not [n for n in article.select("script, iframe, style, img, svg[onload], [onerror], [onclick], [onload]")
                    if n not in own]
        for a in article.select("a[href]"):
            assert not a["href"].lower().startswith(("javascript:", "data:")), (path, a["href"])
        # the history page names the data file, whose temporary path may hold any digits
        text = article.get_text().replace(str(injection_site.parent), "").replace("2019", "")
        assert "49" not in text and "42" not in text, "a Jinja expression was evaluated"
        assert "LOOPLOOP" not in html
        everything += " ".join(article.get_text(" ").split()) + " "
    for literal in ("{{ 7*7 }}", "{% if true %}x{% endif %}", "{# hidden #}", "<script>window.__pwned = 1; alert(1)</script>",
                    "[x](javascript:alert(1))", "<img src=x onerror=alert(1)>", "<iframe src=\"javascript:alert(1)\"></iframe>",
                    "<style>body{display:none}</style>", "{{ config.__class__.__init__.__globals__ }}",
                    "</div></div><script>alert(1)</script>", "# HEADING", "| TABLE | breaks |",
                    "{% for x in range(3) %}LOOP{% endfor %}", "**bold** _em_ `code` <b>b</b>", "[klik](javascript:alert(1))"):
        assert literal in everything, literal
    overview = BeautifulSoup((injection_site / "wilayah/kota-pekalongan/index.html").read_text(encoding="utf-8"), "html.parser")
    assert not overview.select("article h1 ~ h1"), "a heading from the data became a heading"
    assert len(overview.select("article h1")) == 1
    source_link = BeautifulSoup((injection_site / "wilayah/kota-pekalongan/quick-wins/index.html").read_text(encoding="utf-8"),
                                "html.parser").select_one("#sumber-src-1 a")
    assert source_link["href"] == "https://example.org/?a=1&b='x'"


def test_injected_text_stays_literal_on_national_pages_and_in_downloads(injection_site: Path) -> None:
    ours = ("tablesort.min.js", "tablesort.number.min.js", "regions.js", "filters.js", "compare.js", "search.js", "cards.js")
    for path in ("provinsi/33", "pilar/governance", "pilar/governance/service", "pilar/governance/service/33",
                 "pilar/governance/quick-win/33", "pilar/branding", "bandingkan",
                 "statistik", "data", "wilayah"):
        article = BeautifulSoup((injection_site / path / "index.html").read_text(encoding="utf-8"),
                                "html.parser").select_one("article")
        assert all((s.get("src") or "inline").rsplit("/", 1)[-1] in ours for s in article.select("script")), path
        assert not article.select("iframe, style, img, [onerror], [onclick], [onload]"), path
        for a in article.select("a[href]"):
            assert not a["href"].lower().startswith(("javascript:", "data:")), (path, a["href"])
    catalogue = (injection_site / "pilar/governance/quick-win/33/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in catalogue and "{{ 7*7 }}" in catalogue
    # downloads carry the text as it was written: data, not markup
    quick_wins = (injection_site / "data" / "quick-win.csv").read_text(encoding="utf-8-sig")
    assert "{{ 7*7 }} quick win <script>alert(1)</script>" in quick_wins
    record = json.loads((injection_site / "data" / "regions" / "kota-pekalongan.json").read_text(encoding="utf-8"))
    assert record["pillars"]["governance"]["quick_wins"][0]["title"] == "{{ 7*7 }} quick win <script>alert(1)</script>"
    assert record["rpjmd"]["title"] == "RPJMD <script>alert(1)</script> {{ 7*7 }}"
    feed = (injection_site / "wilayah" / "kota-pekalongan" / "feed.xml").read_text(encoding="utf-8")
    assert "{{ 7*7 }} &lt;script&gt;alert(1)&lt;/script&gt;" in feed and "<script>" not in feed
    assert record["risks"][0]["owner"] == "</td><script>alert(1)</script>"
    assert record["feedback"][1]["number"] == "+6281234567890"  # a phone number, not a formula (pattern-checked)
    goals = BeautifulSoup((injection_site / "wilayah/kota-pekalongan/governance/index.html").read_text(encoding="utf-8"),
                          "html.parser").select_one(".sc-goals")
    article = goals.find_parent("article")
    assert [a["href"] for a in article.select("tr:has(#program-gov-1-1) a.sc-respond")] == ["#tanggapi"]
    respond = [a["href"] for a in article.select("#tanggapi ~ ul a")]
    assert respond == ["https://example.org/aduan?a=1&b=2", "https://wa.me/6281234567890"]
    spark = goals.select_one("svg.sc-spark")
    assert spark["aria-label"].startswith('{{ 6*7 }}" onmouseover="alert(1)') and not spark.get("onmouseover")
