"""Build settings are input too (issue 25): a bad SOURCE_DATE_EPOCH, site address or
repository address stops the build with one line naming the variable (never blamed on
the data files) and writes nothing; a good one reaches every page escaped; and no built
file carries the build machine's absolute path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import PYTHON, ROOT, build_site, run

BAD_SETTINGS = [
    ("SOURCE_DATE_EPOCH", "-86400"),
    ("SOURCE_DATE_EPOCH", "1_735_689_600"),
    ("SOURCE_DATE_EPOCH", "1.7e9"),
    ("SOURCE_DATE_EPOCH", "0"),
    ("SOURCE_DATE_EPOCH", "99999999999"),
    ("SMARTCITY_SITE_URL", 'https://example.org/"><svg onload=alert(1)>/'),
    ("SMARTCITY_SITE_URL", "javascript:alert(1)//"),
    ("SMARTCITY_SITE_URL", "http://example.org/"),
    ("SMARTCITY_SITE_URL", "https://user@example.org/"),
    ("SMARTCITY_SITE_URL", "https://exаmple.org/"),          # a Cyrillic "а"
    ("SMARTCITY_REPOSITORY", "javascript:alert(1)"),
    ("SMARTCITY_REPOSITORY", "https://github.com/o/r' onmouseover='x"),
    ("SMARTCITY_REPOSITORY", "https://github.com/o/\tr"),
]


@pytest.mark.parametrize("name, value", BAD_SETTINGS, ids=[f"{n}={v!r}" for n, v in BAD_SETTINGS])
def test_a_bad_setting_stops_the_build_in_one_line(tmp_path: Path, name: str, value: str) -> None:
    site = tmp_path / "site"
    result = build_site(site, extra_env={name: value})
    assert result.returncode != 0
    output = result.stdout + result.stderr   # MkDocs prints an abort's message on stdout
    assert "Traceback" not in output
    lines = [line for line in output.splitlines() if line.strip()]
    # our one line; or, for an address without a scheme, MkDocs' own check of `site_url`
    assert len(lines) == 1 and lines[0].startswith(f"Pengaturan tidak sah: {name}") or \
        name == "SMARTCITY_SITE_URL" and "Config value 'site_url'" in output, output[-2000:]
    assert "data/regions" not in output   # the data files are not blamed
    assert not site.exists()


@pytest.mark.parametrize("value", ["-86400", "1_735_689_600", "abc"])
def test_the_validator_names_a_bad_source_date_epoch(value: str) -> None:
    result = run([PYTHON, "scripts/validate.py"], env={"SOURCE_DATE_EPOCH": value})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "SOURCE_DATE_EPOCH" in result.stderr and "E-DATE" not in result.stdout


def test_good_addresses_reach_the_pages(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build_site(site, extra_env={"SMARTCITY_SITE_URL": "https://pemda.example.org/smart-city/",
                                         "SMARTCITY_REPOSITORY": "https://github.com/pemda/masterplan"})
    assert result.returncode == 0, result.stderr[-2000:]
    overview = (site / "wilayah/kota-pekalongan/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://pemda.example.org/smart-city/wilayah/kota-pekalongan/">' in overview
    assert 'href="https://github.com/pemda/masterplan/edit/main/data/regions/kota-pekalongan.yml"' in overview


def test_no_built_file_names_the_build_machine(tmp_path: Path) -> None:
    """With the data folder outside the repository, pages name the file by its folder's own
    name, never by this machine's absolute path."""
    outside = tmp_path / "somewhere" / "regions"
    shutil.copytree(ROOT / "data" / "regions", outside)
    site = tmp_path / "site"
    result = build_site(site, outside, extra_env={"SMARTCITY_REPOSITORY": "https://github.com/o/r"})
    assert result.returncode == 0, result.stderr[-2000:]
    leaks = []
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".csv", ".js", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            if str(tmp_path) in text or str(ROOT) in text:
                leaks.append(path.relative_to(site).as_posix())
    assert leaks == []
    assert "regions/kota-pekalongan.yml" in (site / "wilayah/kota-pekalongan/riwayat/index.html").read_text("utf-8")
