"""The change history people can read: what changed in a region's data, computed from
the versions of its file in a scripted git repository (and a shallow clone of it)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import feedparser
from bs4 import BeautifulSoup
from conftest import ROOT, build_site

ENV = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "e@contoh.invalid", "GIT_COMMITTER_NAME": "Editor",
       "GIT_COMMITTER_EMAIL": "e@contoh.invalid", "PATH": "/usr/bin:/bin"}


def git(folder: Path, *args: str, date: str | None = None) -> None:
    env = dict(ENV, **({"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {}))
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, env=env)


def commit(repo: Path, date: str, edit: tuple[str, str] | None = None, subject: str = "ubah") -> None:
    path = repo / "data" / "regions" / "kota-pekalongan.yml"
    if edit:
        text = path.read_text(encoding="utf-8")
        assert edit[0] in text, edit[0]
        path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", subject, date=date)


def scripted(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "data" / "regions").mkdir(parents=True)
    shutil.copyfile(ROOT / "data" / "regions" / "kota-pekalongan.yml", repo / "data" / "regions" / "kota-pekalongan.yml")
    git(repo, "init", "-q")
    commit(repo, "2024-01-10T10:00:00+07:00", subject="SUBJEK-RAHASIA versi awal")
    commit(repo, "2024-03-01T10:00:00+07:00", ("horizon: medium, start: 2021, end: 2022, status: delayed",
                                               "horizon: medium, start: 2021, end: 2022, status: in_progress"))
    commit(repo, "2024-04-01T10:00:00+07:00", ("          - {id: env-1-1,", "          - {id: env-1-2, title: Taman kota "
                                               "hijau, horizon: long, status: planned, example: true}\n"
                                               "          - {id: env-1-1,"))
    commit(repo, "2024-05-01T10:00:00+07:00", ("    quick_wins:\n      - {id: qw-mck-adaptif, title: MCK adaptif di "
                                               "Kelurahan Bandengan, status: done, sources: [seed-002]}\n", ""))
    commit(repo, "2024-06-01T10:00:00+07:00", ("sources:\n  - id: seed-002", "  - period: 2022-1\n"
                                               "    scores: {final: 3.6}\n    example: true\nsources:\n  - id: seed-002"))
    commit(repo, "2024-07-01T10:00:00+07:00", ("amount: 250000000", "amount: 300000000"))
    commit(repo, "2024-08-01T10:00:00+07:00", ("pillars:", "pillars:\n\tbroken: ["))      # does not parse
    commit(repo, "2024-08-02T10:00:00+07:00", ("pillars:\n\tbroken: [", "pillars:"))      # fixed
    return repo


def history_page(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "wilayah/kota-pekalongan/riwayat/index.html").read_text(encoding="utf-8"),
                         "html.parser")


def entries(page: BeautifulSoup) -> list[tuple[str, list[str]]]:
    return [(li.time.get_text(), [" ".join(x.get_text().split()) for x in li.select("ul li")])
            for li in page.select(".sc-history-list > li")]


def test_history_says_what_changed_in_the_data(tmp_path: Path) -> None:
    repo = scripted(tmp_path)
    site = tmp_path / "site"
    result = build_site(site, repo / "data" / "regions")
    assert result.returncode == 0, result.stderr[-3000:]
    page = history_page(site)
    assert entries(page) == [
        ("1 Agustus 2024", []),   # the version that did not parse, said so
        ("1 Juli 2024", ["Anggaran “Perluasan layanan Sakpore”: Rp 250 juta → Rp 300 juta (+Rp 50 juta)"]),
        ("1 Juni 2024", ["Evaluasi 2022 Tahap I ditambahkan (nilai akhir 3,60)"]),
        ("1 Mei 2024", ["Quick win dihapus: “MCK adaptif di Kelurahan Bandengan”"]),
        ("1 April 2024", ["Program baru: “Taman kota hijau”"]),
        ("1 Maret 2024", ["Status program “Antrean puskesmas daring”: Terlambat → Berjalan"]),
        ("10 Januari 2024", ["Data wilayah mulai dicatat"]),
    ]
    assert "tidak dapat dibaca dan dilewati" in page.select(".sc-history-list > li")[0].get_text()
    assert "SUBJEK-RAHASIA" not in page.get_text() and "Editor" not in page.get_text()
    # the region's feed carries each dated change, and the region's first appearance
    feed = feedparser.parse((site / "wilayah/kota-pekalongan/feed.xml").read_bytes())
    assert not feed.bozo
    changed = [e for e in feed.entries if ":perubahan:" in e.id]
    assert [e.updated[:10] for e in changed] == ["2024-07-01", "2024-06-01", "2024-05-01", "2024-04-01",
                                                 "2024-03-01", "2024-01-10"]
    assert "Rp 250 juta → Rp 300 juta" in changed[0].summary
    first = next(e for e in feed.entries if e.id.endswith(":diterbitkan"))
    assert first.updated.startswith("2024-01-10")


def test_a_shallow_clone_says_how_far_back_it_sees(tmp_path: Path) -> None:
    repo = scripted(tmp_path)
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo}", str(shallow)], check=True,
                   capture_output=True, env=ENV)
    site = tmp_path / "site"
    assert build_site(site, shallow / "data" / "regions").returncode == 0
    page = history_page(site)
    assert "Riwayat yang lebih lama tidak tersedia" in page.get_text()
    assert "Data wilayah mulai dicatat" not in page.get_text()


def test_without_git_the_page_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "regions"
    shutil.copytree(ROOT / "data" / "regions", folder)
    site = tmp_path / "site"
    assert build_site(site, folder).returncode == 0
    assert "Riwayat perubahan untuk berkas ini tidak tersedia" in history_page(site).get_text()
