"""The published site is never half-built, builds are byte-stable, links resolve."""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import signal
import subprocess
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from conftest import PYTHON, ROOT, build_site, run, wait_until_mid_build
from linkcheck import broken_links


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_sample_site_links_and_anchors_resolve(sample_site: Path) -> None:
    assert broken_links(sample_site) == []


def test_every_tab_and_menu_link_leads_to_its_own_page(sample_site: Path) -> None:
    """The tabs and the site menu are rendered once for many generated pages (overrides/main.html):
    on every page, at every depth and under every folder, each of them leads to the page it names,
    not merely to some page that exists."""
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))["nav"]
    # `wilayah/index.md` is at wilayah/, `bandingkan.md` at bandingkan/, `index.md` at the root
    expected = {label: posixpath.normpath(target.removesuffix(".md").removesuffix("index") or ".")
                for entry in nav for label, target in entry.items()}
    checked = 0
    for page in sorted(sample_site.rglob("index.html")):
        folder = page.parent.relative_to(sample_site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for link in soup.select("a.md-tabs__link, .md-nav--primary a.md-nav__link"):
            label = link.get_text(strip=True)
            if "#" in link["href"]:
                continue  # the page's own headings, where the menu shows them
            assert label in expected, (page, label)
            assert posixpath.normpath(posixpath.join(folder, link["href"])) == expected[label], \
                (page, label, link["href"])
            checked += 1
    assert checked > 1000


def test_two_builds_are_byte_identical(sample_site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert build_site(again).returncode == 0
    first, second = snapshot(sample_site), snapshot(again)
    assert sorted(first) == sorted(second)
    assert {"data/masterplan.xlsx", "data/program.csv", "data/datapackage.json",
            "data/regions/kota-pekalongan.json"} <= set(first), "the open data is compared too"
    assert not list(sample_site.glob(".smartcity-*")), "no temporary folder (search pages) is left in the site"
    # SOURCE_DATE_EPOCH is fixed in the tests (conftest): even the sitemap's dates are the same
    differing = [name for name in first if first[name] != second[name]]
    assert differing == [], differing


def _atomic(site: Path, regions: Path | None = None) -> subprocess.Popen:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if regions is not None:
        env["SMARTCITY_REGIONS_DIR"] = str(regions)
    return subprocess.Popen([PYTHON, "scripts/build.py", "--site-dir", str(site)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def test_failed_build_leaves_the_previous_site_unchanged(tmp_path: Path) -> None:
    regions = tmp_path / "regions"
    shutil.copytree(ROOT / "data" / "regions", regions)
    site = tmp_path / "public" / "site"
    first = _atomic(site, regions)
    assert first.wait(300) == 0, first.communicate()
    before = snapshot(site)
    broken = regions / "kabupaten-kendal.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("cohort: 2018", "cohort: 2018\ncohort: 2019"), encoding="utf-8")
    second = _atomic(site, regions)
    _, stderr = second.communicate(timeout=300)
    assert second.returncode == 1
    assert "E-YAML-DUPLICATE-KEY" in stderr and "tidak diubah" in stderr
    assert snapshot(site) == before
    assert [p.name for p in site.parent.iterdir()] == ["site"]  # no temporary folder left


def test_killed_build_leaves_the_previous_site_unchanged(tmp_path: Path) -> None:
    site = tmp_path / "public" / "site"
    first = _atomic(site)
    assert first.wait(300) == 0
    before = snapshot(site)
    second = _atomic(site)
    # wait until MkDocs has started writing into its staging folder, then kill everything
    wait_until_mid_build(second, site)
    os.killpg(second.pid, signal.SIGKILL)
    assert second.wait(30) == -signal.SIGKILL
    assert snapshot(site) == before
    # the next build cleans up what the killed one left and succeeds
    third = _atomic(site)
    assert third.wait(300) == 0
    assert [p.name for p in site.parent.iterdir()] == ["site"]
    assert snapshot(site) == before  # the same data builds the same site


def test_plain_mkdocs_build_still_works(tmp_path: Path) -> None:
    """`mkdocs build` as in any MkDocs project (the README's first command)."""
    result = run([PYTHON, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")])
    assert result.returncode == 0, result.stderr


def test_properdocs_builds_the_same_site(sample_site: Path, tmp_path: Path) -> None:
    """MkDocs 2.0 is an incompatible rewrite; properdocs (a drop-in fork of 1.x)
    must build this site too, to the same bytes apart from its generator tag."""
    site = tmp_path / "properdocs"
    result = run([str(Path(PYTHON).parent / "properdocs"), "build", "--strict", "-q", "-d", str(site)])
    assert result.returncode == 0, result.stderr[-3000:]
    first, second = snapshot(sample_site), snapshot(site)
    assert sorted(first) == sorted(second)
    generator = re.compile(rb'<meta name="generator" content="[^"]*">')
    assert generator.search(second["index.html"]).group().startswith(b'<meta name="generator" content="mkdocs-ProperDocs')
    differing = [name for name in first if generator.sub(b"", first[name]) != generator.sub(b"", second[name])]
    assert differing == [], differing  # SOURCE_DATE_EPOCH is fixed: the sitemap's dates agree too
