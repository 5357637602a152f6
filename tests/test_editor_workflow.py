"""An editor's path: scaffold a region, make mistakes, read the annotations, fix
them, preview the region, build the site; and the repository automation."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import PYTHON, ROOT, build_site, run

from smartcity.site.render.schema_doc import schema_fields
from smartcity.validation.messages import CATALOGUE


@pytest.fixture()
def regions(tmp_path: Path) -> Path:
    folder = tmp_path / "regions"
    shutil.copytree(ROOT / "data" / "regions", folder)
    return folder


def test_new_editor_from_scaffold_to_built_site(regions: Path, tmp_path: Path) -> None:
    # 1. scaffold
    made = run([PYTHON, "scripts/new_region.py", "33.25", "--dir", str(regions)])
    assert made.returncode == 0, made.stderr
    path = regions / "kabupaten-batang.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/region.schema.json")
    assert "status: draft" in text and 'code: "33.25"' in text and "name: Kabupaten Batang" in text
    assert run([PYTHON, "scripts/validate.py", str(path)]).returncode == 0
    # refuses an existing region and an unknown code
    again = run([PYTHON, "scripts/new_region.py", "33.25", "--dir", str(regions)])
    assert again.returncode == 1 and "sudah punya berkas" in again.stderr
    unknown = run([PYTHON, "scripts/new_region.py", "99.99", "--dir", str(regions)])
    assert unknown.returncode == 1 and "tidak ada dalam daftar resmi" in unknown.stderr

    # 2. three mistakes
    broken = (text.replace('code: "33.25"', "code: 33.25")
                  .replace("cohort: ", "cohort: tahun ", 1)
                  .replace("  governance: {}", "  governance:\n    quick_wins:\n      - {id: qw-1, title: Pasar daring, status: selesai}"))
    path.write_text(broken, encoding="utf-8")
    lines = broken.splitlines()
    expected_lines = {next(i + 1 for i, line in enumerate(lines) if line.startswith("code:")),
                      next(i + 1 for i, line in enumerate(lines) if line.startswith("cohort:")),
                      next(i + 1 for i, line in enumerate(lines) if "status: selesai" in line)}
    result = run([PYTHON, "scripts/validate.py", "--format", "github", str(path)])
    assert result.returncode == 1
    annotations = result.stdout.splitlines()
    assert len(annotations) == 3
    found = set()
    for line in annotations:
        match = re.match(r"::error file=([^,]+),line=(\d+),col=(\d+),title=(E-[A-Z-]+) [^:]+::(.+)", line)
        assert match, line
        assert match.group(1).endswith("kabupaten-batang.yml")
        found.add(int(match.group(2)))
    assert found == expected_lines

    # 3. fix them; 4. preview just that region (a draft); 5. build the whole site
    path.write_text(text, encoding="utf-8")
    assert run([PYTHON, "scripts/validate.py", str(path)]).returncode == 0
    preview = tmp_path / "preview"
    assert build_site(preview, regions, {"SMARTCITY_ONLY": "kabupaten-batang", "SMARTCITY_DRAFTS": "1"}).returncode == 0
    assert sorted(p.name for p in (preview / "wilayah").iterdir() if p.is_dir()) == ["kabupaten-batang"]
    overview = (preview / "wilayah" / "kabupaten-batang" / "index.html").read_text(encoding="utf-8")
    assert "sc-banner--draft" in overview
    site = tmp_path / "site"
    assert build_site(site, regions).returncode == 0
    assert not (site / "wilayah" / "kabupaten-batang").exists()  # still a draft
    assert (site / "wilayah" / "kota-pekalongan" / "index.html").exists()


def test_json_and_english_output(regions: Path) -> None:
    bad = regions / "kota-pekalongan.yml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("horizon: medium", "horizon: mid", 1), encoding="utf-8")
    result = run([PYTHON, "scripts/validate.py", "--format", "json", "--lang", "en", str(bad)])
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert [(p["code"], p["path"]) for p in report["problems"]] == \
        [("E-ENUM", "pillars.governance.strategies[0].programs[0].horizon")]
    assert report["problems"][0]["message"] == "'mid' is not one of short, medium, long"
    indonesian = run([PYTHON, "scripts/validate.py", str(bad)])
    assert "bukan salah satu dari short, medium, long" in indonesian.stdout


def test_every_error_code_has_both_languages() -> None:
    used = set()
    for source in (ROOT / "smartcity").rglob("*.py"):
        used |= set(re.findall(r'"(E-[A-Z][A-Z0-9-]+)"', source.read_text(encoding="utf-8")))
    assert len(used) > 40, "the codes used in the package were found"
    assert used <= set(CATALOGUE), used - set(CATALOGUE)
    for code, entry in CATALOGUE.items():
        assert entry.get("id") and entry.get("en"), code


def test_region_pages_link_to_their_yaml_and_history(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert build_site(site, None, {"SMARTCITY_REPOSITORY": "https://github.com/contoh/smartcity",
                                   "SMARTCITY_BRANCH": "utama"}).returncode == 0
    soup = BeautifulSoup((site / "wilayah/kota-pekalongan/analisis/index.html").read_text(encoding="utf-8"), "html.parser")
    edit = soup.find("a", string="Ubah data ini")   # the web editor, at this region's form (issue 28)
    assert edit["href"] == "../../../sunting/index.html#/collections/wilayah/entries/kota-pekalongan"
    yaml_file = soup.find("a", string="berkas YAML")
    assert yaml_file["href"] == "https://github.com/contoh/smartcity/edit/utama/data/regions/kota-pekalongan.yml"
    history = BeautifulSoup((site / "wilayah/kota-pekalongan/riwayat/index.html").read_text(encoding="utf-8"),
                            "html.parser")
    log = subprocess.run(["git", "log", "--format=%s", "--", "data/regions/kota-pekalongan.yml"], cwd=ROOT,
                         capture_output=True, text=True)
    subjects = [s for s in log.stdout.splitlines() if s]
    if subjects:  # a clone with history: data changes, linked to their commits, no commit subjects
        items = history.select(".sc-history-list > li")
        assert items and items[0].select_one("a")["href"].startswith("https://github.com/contoh/smartcity/commit/")
        assert not any(subject in history.get_text() for subject in subjects if len(subject) > 30)
    else:
        assert "tidak tersedia" in history.get_text()


def test_no_edit_link_without_a_repository(sample_site: Path) -> None:
    html = (sample_site / "wilayah/kota-pekalongan/index.html").read_text(encoding="utf-8")
    assert "Ubah data ini" not in html
    assert "Berkas terakhir diubah" in html and "Riwayat perubahan" in html


def test_contributor_guide_documents_every_field_and_code(sample_site: Path) -> None:
    soup = BeautifulSoup((sample_site / "kontribusi/index.html").read_text(encoding="utf-8"), "html.parser")
    paths = {code.get_text() for code in soup.select(".sc-fields td:first-child code")}
    assert {f.path for f in schema_fields()} == paths
    assert {"id", "code", "pillars.<pilar>.strategies[].programs[].horizon", "evaluations[].scores.final"} <= paths
    codes = {dt.get_text() for dt in soup.select(".sc-error-list dt")}
    assert codes == set(CATALOGUE)
    horizon = soup.find("code", string="pillars.<pilar>.strategies[].programs[].horizon").find_parent("tr")
    assert "short (Jangka pendek), medium (Jangka menengah), long (Jangka panjang)" in horizon.get_text()


def test_contributor_guide_opens_with_recipes_an_official_can_follow(sample_site: Path) -> None:
    """Each common task: a short numbered list, a YAML snippet whose every key is a field of
    the region file, and the validator command; the field reference is folded and has no
    literal backticks; the repository (or, without one, a real region file) is named."""
    import textwrap

    soup = BeautifulSoup((sample_site / "kontribusi/index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.article
    # The web editor first (issue 28), then the recipes; the command line last.
    headings = [h.get_text() for h in article.find_all("h2")]
    assert headings[0] == "Mengubah data lewat editor web" and headings[1] == "Tugas yang sering"
    assert headings[-1].startswith("Mengubah data di komputer sendiri")
    editor = article.find("h2", string="Mengubah data lewat editor web")
    assert editor.find_next("a")["href"] == "../sunting/"
    assert len(editor.find_next("ol").find_all("li")) >= 5
    recipes = article.find("h2", string="Tugas yang sering")
    titles = [h.get_text() for h in recipes.find_all_next("h3", limit=6)]
    assert titles == ["Menambah program", "Mengubah status program, dengan catatan bertanggal", "Menambah quick win",
                      "Menambah putaran evaluasi", "Menambah nilai indikator yang terukur", "Menambah risiko"]
    assert "scripts/validate.py" in recipes.find_next("pre").get_text()
    schema_keys = {part.split("[")[0] for f in schema_fields() for part in f.path.split(".")}

    def keys(value: object) -> set[str]:
        if isinstance(value, dict):
            return set(value) | {k for v in value.values() for k in keys(v)}
        if isinstance(value, list):
            return {k for v in value for k in keys(v)}
        return set()
    for title in titles:
        heading = article.find("h3", string=title)
        assert len(heading.find_next("ol").find_all("li")) >= 2
        snippet = yaml.safe_load(textwrap.dedent(heading.find_next("pre").get_text()))
        assert keys(snippet) and keys(snippet) <= schema_keys | {"governance"}, (title, keys(snippet) - schema_keys)
    fields = article.select_one(".sc-fields details")
    assert fields is not None and "kolom" in fields.summary.get_text()
    assert "data/regions/" in soup.select_one(".sc-repository").get_text()
    for code in article.find_all(["code", "pre"]):
        code.decompose()
    assert "`" not in article.get_text()


def test_workflows_validate_build_and_deploy() -> None:
    pr = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    triggers = pr[True] if True in pr else pr["on"]  # PyYAML reads `on:` as true
    assert "pull_request" in triggers and "pull_request_target" not in triggers
    steps = [s.get("run", "") for job in pr["jobs"].values() for s in job["steps"]]
    assert any("smartcity-validate --format github" in s for s in steps)
    assert any("mkdocs build --strict" in s for s in steps)
    assert {"ruff check .", "mypy", "lint-imports"} <= {s.removeprefix(".venv/bin/") for s in steps}
    for workflow in (pr, yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text(encoding="utf-8"))):
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                if "uses" in step:  # pinned by a full commit, never a movable tag
                    assert len(step["uses"].split("@")[1]) == 40, step["uses"]
                if step.get("uses", "").startswith("actions/checkout"):
                    assert step["with"]["persist-credentials"] is False
    assert any(s.get("uses", "").startswith("actions/upload-artifact") for job in pr["jobs"].values() for s in job["steps"])
    deploy = yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text(encoding="utf-8"))
    uses = [s.get("uses", "") for job in deploy["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/deploy-pages") for u in uses)
    # the build job may read the Pages address, never write to Pages
    assert deploy["permissions"] == {} and deploy["jobs"]["build"]["permissions"].get("pages") == "read"
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert (deploy[True] if True in deploy else deploy["on"])["push"]["branches"] == ["main"]


def test_deploy_and_preview_publish_their_own_address() -> None:
    """A fork's deployed site points its canonical links, share previews and sitemap at its own
    Pages address (configure-pages' `base_url`), and so does the pull-request preview (issue 27)."""
    for name in ("deploy.yml", "pull-request.yml"):
        workflow = yaml.safe_load((ROOT / ".github/workflows" / name).read_text(encoding="utf-8"))
        build_job = next(job for job in workflow["jobs"].values()
                         if any("mkdocs build" in s.get("run", "") for s in job["steps"]))
        steps = build_job["steps"]
        pages = next(s for s in steps if s.get("uses", "").startswith("actions/configure-pages@"))
        build = next(s for s in steps if "mkdocs build" in s.get("run", ""))
        assert steps.index(pages) < steps.index(build), name
        site_url = build["env"]["SMARTCITY_SITE_URL"]
        assert f"steps.{pages['id']}.outputs.base_url" in site_url, name
        assert "/" in site_url.split("base_url", 1)[1], "the address ends with a slash (MkDocs joins paths to it)"
        assert build_job["permissions"].get("pages") == "read", name


def test_pre_commit_hooks_run_the_validator_and_yamllint(regions: Path) -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    files = sorted(str(p) for p in (ROOT / "data" / "regions").glob("*.yml"))
    hook = hooks["validate-regions"]
    assert hook["entry"] == ".venv/bin/smartcity-validate" and hook["pass_filenames"] is False
    validator = [str(Path(PYTHON).parent / "smartcity-validate")]
    assert run(validator).returncode == 0
    # the whole folder is checked: a second file claiming an existing code fails the commit
    # even when only that file is staged
    twin = regions / "kota-pekalongan-2.yml"
    twin.write_text((regions / "kota-pekalongan.yml").read_text(encoding="utf-8"), encoding="utf-8")
    result = run(validator + [str(regions)])
    assert result.returncode == 1 and "E-CODE-DUPLICATE" in result.stdout
    lint = hooks["yamllint"]["entry"].split()
    assert lint[0] == "yamllint"
    result = run([PYTHON, "-m", "yamllint", *lint[1:], *files])
    assert result.returncode == 0, result.stdout
    assert (ROOT / "CODEOWNERS.example").read_text(encoding="utf-8").count("/data/regions/") == 4
