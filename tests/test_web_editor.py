"""The web editor (issue 28): /sunting/ is Decap CMS with a form generated from the schema,
in Indonesian, saving through pull requests, and a save changes only the lines of what the
editor changed.

- The form covers every field of the schema (or lists it as left out, with the reason).
- The reconciling format (docs/assets/sunting/format.js) is run in Node on the samples and on
  random edits: unchanged data gives the file back byte for byte; an edit changes its lines.
- End to end: decap-server (Decap's local backend) in git mode on a clone of this repository,
  /sunting/ in Chromium: change a programme's status with a dated note, add a measured value,
  record realised spending, add an evaluation round, save; the save is a branch (editorial workflow), `main` is untouched, the branch's diff is
  those lines, the validator passes, and a site built from the branch shows the change. The
  same on a 120-programme file. A value the schema forbids is refused by the form.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import ARTIFACTS, PYTHON, ROOT, StaticServer, build_site

from smartcity.labels import STATUS_LABELS
from smartcity.reference import load_reference
from smartcity.site.editor_form import HIDDEN, LEFT_OUT, EditorSettings, editor_config, form_fields
from smartcity.validation.schema import load_schema
from smartcity.validation.yamlstrict import parse

FORMAT = ROOT / "docs/assets/sunting/format.js"
SAMPLES = sorted((ROOT / "data/regions").glob("*.yml"))
DECAP_SERVER = ROOT / "tests/editor/node_modules/.bin/decap-server"


def load_text(text: str) -> Any:
    """A file's data as the validator reads it (YAML 1.2, strict)."""
    document, problems = parse(text, "wilayah.yml")
    assert document is not None and not problems, problems
    return document.data


# --- the form ------------------------------------------------------------------------------

def schema_paths(schema: dict[str, Any]) -> set[str]:
    """Every field of the schema as the form names it: `pillars.governance.strategies[].id`."""
    found: set[str] = set()

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            target: Any = schema
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        return node

    def walk(node: dict[str, Any], path: str) -> None:
        node = resolve(node)
        for keyword in ("allOf", "anyOf", "oneOf"):
            if keyword in node:
                found.add(f"{path}.{keyword}")
        for name, child in node.get("properties", {}).items():
            child_path = f"{path}.{name}" if path else name
            found.add(child_path)
            walk(child, child_path)
        if isinstance(node.get("items"), dict):
            found.add(f"{path}[]")
            walk(node["items"], f"{path}[]")
    walk(schema, "")
    return found


def test_every_schema_field_is_in_the_form_or_left_out_with_a_reason() -> None:
    fields, covered = form_fields(load_reference())
    wanted = schema_paths(load_schema())
    assert len(wanted) > 400
    assert wanted - set(covered) - set(LEFT_OUT) == set()
    assert set(covered) - wanted == set(), "the form has no field the schema lacks"
    for reasons in (LEFT_OUT, HIDDEN):
        assert all(isinstance(reason, str) and len(reason) > 20 for reason in reasons.values())


def flat(fields: list[dict[str, Any]], path: str = "") -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for field in fields:
        here = f"{path}.{field['name']}" if path else field["name"]
        out[here] = field
        out.update(flat(field.get("fields", []), here + ("[]" if field.get("widget") == "list" else "")))
        if "field" in field:
            out[here + "[]"] = field["field"]
    return out


def test_the_form_speaks_the_schema_s_indonesian() -> None:
    reference = load_reference()
    fields = flat(form_fields(reference)[0])
    status = fields["pillars.governance.strategies[].programs[].status"]
    assert status["widget"] == "select" and status["label"] == "Status" and status["required"] is True
    assert {"label": "Berjalan", "value": "in_progress"} in status["options"]
    note_date = fields["pillars.governance.strategies[].programs[].updates[].date"]
    assert note_date["widget"] == "datetime" and note_date["format"] == "YYYY-MM-DD" and note_date["time_format"] is False
    element = fields["pillars.economy.strategies[].element"]
    assert [o["value"] for o in element["options"]] == [e.key for e in reference.pillar("economy").elements]
    year = fields["pillars.living.goals[].indicator.actuals[].year"]
    assert year["widget"] == "number" and year["value_type"] == "int" and year["max"] == 2100
    programme_id = fields["pillars.society.strategies[].programs[].id"]
    assert programme_id["widget"] == "string" and programme_id["pattern"][0] == "^[a-z0-9]+(-[a-z0-9]+)*$"
    # An optional group's required fields are optional in the form (Decap would refuse to save
    # a file without the group); a list item's are required.
    assert fields["rpjmd"]["required"] is False and fields["rpjmd.title"]["required"] is False
    assert fields["risks[].title"]["required"] is True
    assert fields["schema"]["widget"] == "hidden" and fields["schema"]["default"] == 1
    assert all(f.get("hint") for name, f in fields.items() if not name.endswith("[]") and "." not in name
               and f["widget"] != "hidden")


def test_the_editor_s_configuration() -> None:
    settings = EditorSettings("https://github.com/contoh/smartcity", "utama", "https://masuk.contoh.id/auth",
                              "https://smartcity.contoh.id/", "data/regions")
    config = editor_config(settings, load_reference())
    assert config["backend"]["repo"] == "contoh/smartcity" and config["backend"]["branch"] == "utama"
    assert config["backend"]["open_authoring"] is True and config["publish_mode"] == "editorial_workflow"
    assert config["backend"]["base_url"] == "https://masuk.contoh.id" and config["backend"]["auth_endpoint"] == "auth"
    assert config["locale"] == "id" and config["collections"][0]["folder"] == "data/regions"
    assert settings.missing() == []
    assert len(EditorSettings().missing()) == 2
    assert "GitHub" in EditorSettings("https://gitlab.com/a/b", auth_url="https://a.b/auth").missing()[0]


# --- the reconciling format, in Node -------------------------------------------------------

def node(script: str, payload: Any) -> Any:
    """Run an ES module snippet with `format` imported and `input` given; its printed JSON."""
    if shutil.which("node") is None:
        pytest.fail("node is missing: run `bash scripts/setup.sh --test`")
    source = (f"import * as format from {json.dumps(FORMAT.as_uri())};\n"
              "import { readFileSync } from 'node:fs';\n"
              f"const input = JSON.parse(readFileSync(0, 'utf8'));\n{script}")
    result = subprocess.run(["node", "--input-type=module", "-e", source], input=json.dumps(payload),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    import difflib
    removed, added = [], []
    for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0):
        if line.startswith("-") and not line.startswith("---"):
            removed.append(line[1:])
        elif line.startswith("+") and not line.startswith("+++"):
            added.append(line[1:])
    return removed, added


def test_unchanged_data_gives_every_sample_back_byte_for_byte() -> None:
    texts = [path.read_text(encoding="utf-8")
             for path in SAMPLES + sorted((ROOT / "tests/cases/valid").glob("*/*.yml"))]
    out = node("console.log(JSON.stringify(input.map((t) => format.reconcile(t, format.read(t)))));", texts)
    assert out == texts


def test_an_edit_changes_its_own_lines_and_keeps_the_comments() -> None:
    text = (ROOT / "data/regions/kota-pekalongan.yml").read_text(encoding="utf-8")
    out = node("""
const data = format.read(input);
const programme = data.pillars.governance.strategies[0].programs[0];
programme.status = "done";
// what the form gives for blank fields of a new note: not data
programme.updates.push({example: false, date: "2026-11-30", status: "done", note: "Selesai di semua kecamatan.", sources: []});
data.pillars.governance.goals[0].indicator.actuals.push({value: 91, year: 2023, source: ""});
data.pillars.governance.strategies[0].programs[0].budget.realised = 200000000;
console.log(JSON.stringify(format.reconcile(input, data)));
""", text)
    removed, added = changed_lines(text, out)
    assert removed == [
        "            budget: {amount: 250000000, currency: IDR, source: APBD, realised: 120000000, realised_date: 2022-12-31}",
        "            status: in_progress # planned | in_progress | done | delayed | cancelled"]
    assert added == [
        "            - {year: 2023, value: 91}",
        "            budget: {amount: 250000000, currency: IDR, source: APBD, realised: 200000000, realised_date: 2022-12-31}",
        "            status: done # planned | in_progress | done | delayed | cancelled",
        "              - {date: 2026-11-30, status: done, note: Selesai di semua kecamatan.}"]
    assert sum(line.lstrip().startswith("#") or " # " in line for line in out.splitlines()) == \
        sum(line.lstrip().startswith("#") or " # " in line for line in text.splitlines())


def test_removing_an_item_by_its_id_removes_its_lines_only() -> None:
    text = (ROOT / "data/regions/kota-pekalongan.yml").read_text(encoding="utf-8")
    out = node("""
const data = format.read(input);
const gone = data.pillars.living.strategies[0].programs.shift();
console.log(JSON.stringify({text: format.reconcile(input, data), id: gone.id}));
""", text)
    removed, added = changed_lines(text, out["text"])
    assert added == [] and removed and any(out["id"] in line for line in removed)
    assert all(not line.strip().startswith("- id:") or out["id"] in line for line in removed)


def test_a_long_whole_number_is_kept_exactly_or_the_save_is_refused() -> None:
    """The validator takes 18-digit whole numbers; JavaScript rounds them beyond 2^53. Where the
    edit leaves their line alone they stay as written; where it would rewrite it, the save is
    refused with a message that says to edit the YAML."""
    text = "a: {year: 2021, value: 999999999999999999}\nb: 5\nc:\n  d: 999999999999999999\n"
    out = node("""
const results = [];
let data = format.read(input); data.b = 6;
results.push(format.reconcile(input, data));
data = format.read(input); data.a.year = 2022;
try { format.reconcile(input, data); results.push("saved"); } catch (error) { results.push(error.message); }
console.log(JSON.stringify(results));
""", text)
    assert out[0] == text.replace("b: 5", "b: 6")
    assert out[1].startswith("angka 999999999999999999 lebih panjang") and "YAML" in out[1]


def random_edits(data: Any, rng: random.Random, path: list[Any]) -> list[tuple[list[Any], Any]]:
    """Scalar fields of the data, each with a new value of its kind."""
    found: list[tuple[list[Any], Any]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            found += random_edits(value, rng, path + [key])
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += random_edits(value, rng, path + [index])
    elif isinstance(data, bool):
        found.append((path, not data))
    elif isinstance(data, int | float):
        found.append((path, data + rng.randint(1, 9)))
    elif isinstance(data, str):
        found.append((path, rng.choice([data + " (diubah)", "teks baru: dengan titik dua", "ya", "0755", "#1 ok"])))
    return found


def as_javascript_sees(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: as_javascript_sees(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_javascript_sees(item) for item in value]
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2 ** 53:
        return float(value)
    return value


def value_at(data: Any, path: list[Any]) -> Any:
    for key in path:
        data = data[key]
    return data


def test_random_edits_mean_what_the_form_gave_and_change_few_lines() -> None:
    """Property: for random scalar edits of every sample, the saved file reads back as exactly
    the edited data, and about as many lines change as fields were edited (two per field: a
    neighbour may be rewritten where the file is written differently from the library's own
    form; a text over several lines counts its lines)."""
    rng = random.Random(28)
    cases = []
    corpus = [(path, 30) for path in SAMPLES] + \
        [(path, 5) for path in sorted((ROOT / "tests/cases/valid").glob("*/*.yml"))]   # other shapes of file
    assert len(corpus) > 15
    for path, edits_per_file in corpus:
        text = path.read_text(encoding="utf-8")
        data = load_text(text)
        for _ in range(edits_per_file):
            edits = rng.sample(random_edits(data, rng, []), 3)
            # An edited text written over several lines (`>-`) changes all of them.
            allowance = sum(2 + len(str(value_at(data, p))) // 60 for p, _ in edits)
            cases.append({"text": text, "edits": [{"path": p, "value": v} for p, v in edits], "allowance": allowance})
    out = node("""
const results = input.map(({text, edits}) => {
  const data = format.read(text);
  for (const {path, value} of edits) {
    let at = data;
    for (const key of path.slice(0, -1)) at = at[key];
    at[path[path.length - 1]] = value;
  }
  return {saved: format.reconcile(text, data), data};
});
console.log(JSON.stringify(results));
""", cases)
    for case, result in zip(cases, out, strict=True):
        # A whole number beyond 2^53 (a test case's 18-digit indicator) is kept exactly in the
        # file when it is not edited; JavaScript, the form included, sees it rounded.
        assert as_javascript_sees(load_text(result["saved"])) == as_javascript_sees(result["data"]), case["edits"]
        removed, added = changed_lines(case["text"], result["saved"])
        assert len(added) <= case["allowance"] and len(removed) <= case["allowance"], (case["edits"], removed, added)


# --- the site ------------------------------------------------------------------------------

def test_the_editor_page_is_its_own_and_found_by_no_index(sample_site: Path) -> None:
    page = sample_site / "sunting/index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    assert [s["src"] for s in soup.select("script[src]")] == ["../assets/vendor/decap-cms/decap-cms.js",
                                                                "../assets/sunting/editor.js"]
    config = json.loads(soup.select_one("#sc-editor-config").string)
    assert config["cms"]["collections"][0]["fields"] and len(config["missing"]) == 2
    assert "sunting" not in (sample_site / "sitemap.xml").read_text(encoding="utf-8")
    pagefind = subprocess.run(["grep", "-rl", "Editor web belum disiapkan", str(sample_site / "pagefind")],
                              capture_output=True, text=True)
    assert pagefind.stdout == ""
    # Only this page loads the CMS.
    for html in (sample_site / "wilayah").rglob("*.html"):
        assert "decap-cms" not in html.read_text(encoding="utf-8")
    assert "decap-cms" not in (sample_site / "index.html").read_text(encoding="utf-8")


def test_programme_and_quick_win_ids_are_on_the_pillar_pages(sample_site: Path) -> None:
    soup = BeautifulSoup((sample_site / "wilayah/kota-pekalongan/governance/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    ids = [code.get_text() for code in soup.select(".sc-item-id code")]
    assert "gov-1-1" in ids and "qw-sakpore" in ids
    printed = (sample_site / "wilayah/kota-pekalongan/cetak/index.html").read_text(encoding="utf-8")
    assert "gov-1-1" not in BeautifulSoup(printed, "html.parser").get_text(), "paper needs no ids"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.browser
def test_without_a_repository_the_editor_says_what_is_missing(sample_site: Path, browser) -> None:
    """Served from an address that is not this machine's name (127.0.0.2), the editor does not
    start without its settings and says which are missing."""
    import functools
    import http.server
    import threading

    from conftest import _QuietHandler
    server = http.server.ThreadingHTTPServer(("127.0.0.2", 0),
                                             functools.partial(_QuietHandler, directory=str(sample_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = browser.new_page(viewport={"width": 360, "height": 800})
        page.goto(f"http://127.0.0.2:{server.server_address[1]}/sunting/")
        note = page.locator("#sc-editor-missing")
        note.wait_for(state="visible")
        text = note.inner_text()
        assert "SMARTCITY_REPOSITORY" in text and "SMARTCITY_CMS_AUTH_URL" in text
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        page.close()
    finally:
        server.shutdown()
        server.server_close()


# --- end to end ----------------------------------------------------------------------------

def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return result.stdout


@pytest.fixture(scope="module")
def editor_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample repository with one more region of 120+ programmes (a synthetic
    one, in the style editors write), committed on `main`."""
    from smartcity.tools.synthetic import write_national

    repo = tmp_path_factory.mktemp("editor") / "repo"
    repo.mkdir()
    for name in ("data", "mkdocs.yml", "docs", "overrides", "macros.py"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, repo / name)
    national = tmp_path_factory.mktemp("editor-national")
    write_national(national, style="editor")
    counts = {path: path.read_text(encoding="utf-8").count("horizon:") for path in national.glob("*.yml")}
    large = min((p for p, n in counts.items() if n >= 120), key=lambda p: (counts[p], p.name))
    shutil.copy(large, repo / "data/regions" / large.name)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "uji@contoh.id")
    git(repo, "config", "user.name", "Uji")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Salinan uji")
    return repo


@pytest.fixture(scope="module")
def decap_server(editor_repo: Path):
    if not DECAP_SERVER.exists():
        pytest.fail("decap-server is missing: run `bash scripts/setup.sh --test`")
    port = free_port()
    process = subprocess.Popen([str(DECAP_SERVER)], cwd=editor_repo, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               env={**os.environ, "MODE": "git", "PORT": str(port), "GIT_REPO_DIRECTORY": str(editor_repo),
                                    "LOG_LEVEL": "warn"})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    yield f"http://localhost:{port}/api/v1"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def editor_site(sample_site: Path) -> Path:
    """The sample site's /sunting/: the form is the schema's, whatever the regions; the entries
    come from decap-server. Built without a repository, the editor still starts on this
    machine (Decap's local backend)."""
    return sample_site


class Form:
    """Decap's form, driven as an editor does: by the labels on the screen."""

    def __init__(self, page) -> None:
        self.page = page

    def field(self, label: str, scope=None, last: bool = False):
        """The field labelled `label` in `scope`: the first one, or the last (a list's new item)."""
        scope = scope or self.page
        found = scope.locator("[aria-label^='kolom']").filter(
            has=self.page.locator(f"xpath=./div/label[normalize-space(text())='{label}']"))
        return found.last if last else found.first

    def open(self, label: str, scope=None):
        field = self.field(label, scope)
        button = field.locator("[data-testid=expand-button]").first
        if button.get_attribute("aria-label") == "Buka":
            button.click()
        return field

    def choose(self, scope, option: str) -> None:
        scope.locator("input[role=combobox]").last.click()
        self.page.get_by_role("option", name=option, exact=True).click()


def first_programme(data: dict[str, Any]) -> dict[str, Any]:
    return data["pillars"]["governance"]["strategies"][0]["programs"][0]


@pytest.mark.browser
@pytest.mark.parametrize("region", ["kota-pekalongan", "large"])
def test_an_editor_changes_a_programme_in_the_form_and_the_save_is_a_branch(
        region: str, editor_repo: Path, decap_server: str, editor_site: Path, browser, tmp_path: Path) -> None:
    if region == "large":
        region = next(p.stem for p in (editor_repo / "data/regions").glob("*.yml")
                      if (ROOT / "data/regions" / p.name).exists() is False)
    path = f"data/regions/{region}.yml"
    before = (editor_repo / path).read_text(encoding="utf-8")
    programme = first_programme(load_text(before))
    status = "in_progress" if programme["status"] == "done" else "done"
    label = STATUS_LABELS[status]
    realised = int(programme["budget"]["amount"] * 0.6) if "budget" in programme else None
    add_round = region == "kota-pekalongan"
    actuals_before = len(load_text(before)["pillars"]["governance"]["goals"][0]["indicator"].get("actuals", []))
    main_before = git(editor_repo, "rev-parse", "main")
    server = StaticServer(editor_site)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        started = time.monotonic()
        page.goto(f"{server.url}sunting/?server={decap_server}#/collections/wilayah/entries/{region}")
        page.get_by_role("button", name="Masuk").click()
        page.get_by_text("ID wilayah").first.wait_for()
        opened = time.monotonic() - started
        form = Form(page)
        governance = form.open("Smart Governance", form.open("Pilar"))
        programmes = form.open("Program", form.open("Strategi", governance))
        form.choose(form.field("Status", programmes), label)
        notes = form.open("Catatan kemajuan", programmes)
        notes.get_by_role("button", name="Tambah catatan kemajuan").click()
        notes.locator("input[type=date]").last.fill("2026-11-20")
        form.choose(notes, label)
        notes.locator("textarea").last.fill("Catatan uji: layanan daring di semua kecamatan.")
        actuals = form.open("Capaian terukur", form.open("Indikator", form.open("Sasaran", governance)))
        actuals.get_by_role("button", name="Tambah nilai terukur").click()
        actuals.locator("input[type=number]").nth(-2).fill("2026")
        actuals.locator("input[type=number]").last.fill("91")
        # realised spending, on the same programme
        if realised is not None:
            form.field("Realisasi", form.open("Anggaran", programmes)).locator("input").fill(str(realised))
        if add_round:   # an evaluation round (the sample's last round is 2021-2)
            rounds = form.open("Evaluasi")
            rounds.get_by_role("button", name="Tambah evaluasi").click()
            form.field("Periode", rounds, last=True).locator("input").fill("2026-2")
            rounds.locator("input[type=date]").last.fill("2026-11-20")
            scores = form.open("Nilai", form.field("Periode", rounds, last=True).locator("xpath=.."))
            form.field("Nilai akhir", scores).locator("input").fill("3.55")
        page.get_by_role("button", name="Simpan", exact=True).click()
        page.get_by_text("Tersimpan").first.wait_for(timeout=30000)
        page.get_by_text("ID wilayah").first.wait_for()   # the form again, after Decap reloads the entry
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"web-editor-{region}.png"))
    finally:
        page.close()
        server.close()
    # The editorial workflow: the save is a branch; main is untouched.
    branch = f"cms/wilayah/{region}"
    assert git(editor_repo, "rev-parse", "main") == main_before
    assert branch in git(editor_repo, "branch", "--list", branch)
    diff = git(editor_repo, "diff", "main", branch, "--", path)
    assert git(editor_repo, "diff", "--name-only", "main", branch).split() == [path]
    after = git(editor_repo, "show", f"{branch}:{path}")
    removed, added = changed_lines(before, after)
    assert sorted(line.strip().split(":")[0] for line in removed) == \
        (["budget", "status"] if realised is not None else ["status"]), diff
    assert len(added) == 3 + (realised is not None) + (3 if add_round else 0), diff
    assert any(f"status: {status}" in line for line in added)
    assert realised is None or any(line.strip().startswith("budget: {") and f"realised: {realised}" in line
                                   for line in added)
    if add_round:
        assert [line.strip() for line in added[-3:]] == ["- period: 2026-2", "date: 2026-11-20",
                                                         "scores: {final: 3.55}"], diff
    assert any("2026-11-20" in line and "Catatan uji: layanan daring di semua kecamatan." in line for line in added)
    assert any("2026" in line and "91" in line for line in added)
    data = load_text(after)
    assert first_programme(data)["status"] == status
    assert first_programme(data)["updates"][-1] == {"date": "2026-11-20", "status": status,
                                                    "note": "Catatan uji: layanan daring di semua kecamatan."}
    assert len(data["pillars"]["governance"]["goals"][0]["indicator"]["actuals"]) == actuals_before + 1
    assert realised is None or first_programme(data)["budget"]["realised"] == realised
    if add_round:
        assert data["evaluations"][-1] == {"period": "2026-2", "date": "2026-11-20", "scores": {"final": 3.55}}
    # Every comment of the file is still there.
    assert [line for line in before.splitlines() if "#" in line and line.strip().startswith("#")] == \
        [line for line in after.splitlines() if "#" in line and line.strip().startswith("#")]
    # The validator passes on the branch, and a site built from it shows the change.
    checkout = tmp_path / "branch"
    git(editor_repo, "worktree", "add", "-q", str(checkout), branch)
    try:
        validate = subprocess.run([str(Path(PYTHON).parent / "smartcity-validate"), str(checkout / "data/regions")],
                                  capture_output=True, text=True, cwd=ROOT)
        assert validate.returncode == 0, validate.stdout + validate.stderr
        site = tmp_path / "site"
        assert build_site(site, checkout / "data/regions", {"SMARTCITY_ONLY": region}).returncode == 0
        pillar = BeautifulSoup((site / f"wilayah/{region}/governance/index.html").read_text(encoding="utf-8"),
                               "html.parser")
        row = pillar.find(id=f"program-{programme['id']}").find_parent("tr")
        assert row.select_one(".sc-answer").get_text(" ", strip=True).startswith(label)
        assert "Catatan uji: layanan daring di semua kecamatan." in row.get_text()
    finally:
        git(editor_repo, "worktree", "remove", "--force", str(checkout))
    assert opened < 30


@pytest.mark.browser
def test_the_form_refuses_a_value_the_schema_forbids(editor_repo: Path, decap_server: str, editor_site: Path,
                                                     browser) -> None:
    server = StaticServer(editor_site)
    page = browser.new_page(viewport={"width": 360, "height": 800})
    branches_before = git(editor_repo, "branch", "--list", "cms/*")
    try:
        page.goto(f"{server.url}sunting/?server={decap_server}#/collections/wilayah/entries/kabupaten-kendal")
        page.get_by_role("button", name="Masuk").click()
        page.get_by_text("ID wilayah").first.wait_for()
        form = Form(page)
        form.field("Angkatan").locator("input").fill("2300")
        form.field("Kode Kemendagri").locator("input").fill("33-24")
        page.get_by_role("button", name="Simpan", exact=True).click()
        # Each refused field says why, in Indonesian, beside its label.
        page.get_by_text("Angkatan harus antara 2017 dan 2100.").first.wait_for(timeout=10000)
        assert page.get_by_text("Kode Kemendagri tidak sesuai format").count() == 1
        assert page.get_by_text("Belum disimpan").count() >= 1
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "web-editor-refused-360.png"))
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        page.close()
        server.close()
    assert git(editor_repo, "branch", "--list", "cms/*") == branches_before


# --- the change summary for reviewers -------------------------------------------------------

def test_the_change_summary_says_what_changes_on_the_site(tmp_path: Path) -> None:
    """A scripted history: one commit with the samples, a second that changes a programme's
    status and realised amount, adds a measured value, an evaluation round and a programme,
    removes a quick win, adds a region and writes a title with Markdown in it."""
    repo = tmp_path / "repo"
    folder = repo / "data/regions"
    folder.mkdir(parents=True)
    for path in SAMPLES[:3]:
        shutil.copy(path, folder / path.name)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "uji@contoh.id")
    git(repo, "config", "user.name", "Uji")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "awal")
    text = (folder / "kabupaten-kendal.yml").read_text(encoding="utf-8")
    edited = node("""
const data = format.read(input);
const pillars = Object.values(data.pillars);
const programme = pillars.flatMap((p) => (p.strategies ?? []).flatMap((s) => s.programs ?? []))[0];
programme.status = programme.status === "done" ? "delayed" : "done";
programme.budget = {...(programme.budget ?? {amount: 100000000}), realised: 90000000};
const strategy = pillars.find((p) => (p.strategies ?? []).length).strategies[0];
strategy.programs.push({id: "uji-baru", title: "Program [baru](https://contoh.id) <b>uji</b>", horizon: "short", status: "planned"});
const withWin = pillars.find((p) => (p.quick_wins ?? []).length);
const gone = withWin.quick_wins.pop();
const goal = pillars.flatMap((p) => p.goals ?? []).find((g) => g.indicator);
(goal.indicator.actuals ??= []).push({year: 2026, value: 77});
(data.evaluations ??= []).push({period: "2026-2", scores: {final: 3.1}});
console.log(JSON.stringify({text: format.reconcile(input, data), programme: programme.title, gone: gone.title,
                            indicator: goal.indicator.name}));
""", text)
    (folder / "kabupaten-kendal.yml").write_text(edited["text"], encoding="utf-8")
    shutil.copy(SAMPLES[3], folder / SAMPLES[3].name)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "ubah")
    from smartcity.history.summary import changes_between, markdown

    changes = changes_between(repo, "HEAD~1", "HEAD")
    assert [(c.path, c.kind) for c in changes] == [("data/regions/kabupaten-kendal.yml", "changed"),
                                                   (f"data/regions/{SAMPLES[3].name}", "added")]
    lines = changes[0].lines
    status_label = STATUS_LABELS["done"] if "done" in edited["text"] else STATUS_LABELS["delayed"]
    assert any(line.startswith(f"Status program “{edited['programme']}”") and line.endswith(status_label)
               for line in lines), lines
    assert any(line.startswith(f"Realisasi “{edited['programme']}”") and "→ Rp 90 juta" in line for line in lines)
    assert "Program baru: “Program [baru](https://contoh.id) <b>uji</b>”" in lines
    assert f"Quick win dihapus: “{edited['gone']}”" in lines
    assert f"Nilai terukur baru “{edited['indicator']}” 2026: 77" in " ".join(lines)
    assert "Evaluasi 2026 Tahap II ditambahkan (nilai akhir 3,10)" in lines
    assert changes[1].lines[0].startswith("Wilayah baru: ")
    text = markdown(changes, "HEAD~1", "HEAD")
    assert "### Kabupaten Kendal (`data/regions/kabupaten-kendal.yml`)" in text
    assert "\\[baru\\](https://contoh.id) &lt;b>uji&lt;/b>" in text and "<b>" not in text
    # the script, as the workflow runs it
    script = subprocess.run([PYTHON, str(ROOT / "scripts/changes.py"), "HEAD~1", "HEAD"], cwd=repo,
                            capture_output=True, text=True)
    assert script.returncode == 0 and script.stdout == text
    unknown = subprocess.run([PYTHON, str(ROOT / "scripts/changes.py"), "tidak-ada"], cwd=repo,
                             capture_output=True, text=True)
    assert unknown.returncode == 2 and "revisi tidak dikenal: tidak-ada" in unknown.stderr


def test_the_pull_request_workflow_writes_the_summary_for_reviewers() -> None:
    import yaml

    workflow = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["validate"]
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0   # the base commit is there to compare with
    step = next(s for s in job["steps"] if "scripts/changes.py" in s.get("run", ""))
    assert step["run"] == '.venv/bin/python scripts/changes.py "$BASE_SHA" HEAD >> "$GITHUB_STEP_SUMMARY"'
    assert step["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"   # never inlined in the script
    assert step["if"] == "${{ !cancelled() }}"
    names = [s.get("name", "") for s in job["steps"]]
    assert names.index("Ringkasan perubahan data") > names.index("Validasi (anotasi pada baris yang salah)")
