"""A public project's files (issue 27): licences, the contributors' guide in both languages,
the security policy, Indonesian issue forms, dependabot for the pinned actions and packages,
editor settings that give VS Code the region schema, pre-commit pinned and documented, and
the package's metadata."""

from __future__ import annotations

import json
import tomllib

import yaml
from conftest import ROOT


def read(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


def test_licences_and_policies() -> None:
    assert read("LICENSE").startswith("MIT License") and "CC BY 4.0" in read("LICENSE")
    assert "Security" in read("SECURITY.md") and "bukan lewat isu publik" in read("SECURITY.md")
    contributing = read("CONTRIBUTING.md")
    assert "Untuk penyunting data" in contributing and "For developers" in contributing
    assert "pre-commit install" in contributing
    assert read("CHANGELOG.md").startswith("# Changelog")
    readme = read("README.md")
    assert "MIT" in readme and "CC BY 4.0" in readme and ".venv/bin/pre-commit install" in readme
    assert "pre-commit install" in read("docs/kontribusi.md")


def test_issue_forms_speak_indonesian() -> None:
    forms = {yaml.safe_load(p.read_text(encoding="utf-8")).get("name")
             for p in (ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml"}
    assert forms == {"Data salah", "Usul perbaikan"}


def test_dependabot_watches_actions_and_pip() -> None:
    config = yaml.safe_load(read(".github/dependabot.yml"))
    assert {u["package-ecosystem"] for u in config["updates"]} == {"github-actions", "pip"}


def test_editors_get_the_schema_and_the_files_form() -> None:
    settings = json.loads(read(".vscode/settings.json"))
    (schema, globs), = settings["yaml.schemas"].items()
    assert (ROOT / schema).resolve() == (ROOT / "data" / "schema" / "region.schema.json").resolve()
    assert globs == ["data/regions/*.yml"]
    assert "redhat.vscode-yaml" in json.loads(read(".vscode/extensions.json"))["recommendations"]
    editorconfig = read(".editorconfig")
    assert "root = true" in editorconfig and "end_of_line = lf" in editorconfig


def test_pre_commit_is_pinned_with_the_tests() -> None:
    pins = dict(line.split("==") for line in read("requirements-test.txt").splitlines() if "==" in line)
    assert "pre-commit" in pins


def test_package_metadata() -> None:
    project = tomllib.loads(read("pyproject.toml"))["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    assert project["urls"] and any("Python :: 3.11" in c for c in project["classifiers"])
    assert "rich" not in " ".join(project["dependencies"]) and project["optional-dependencies"]["bench"]


def test_the_editors_schema_is_the_package_schema() -> None:
    """Editors' tools read data/schema/region.schema.json (region files' first line, VS Code);
    the validator reads the package's copy: they are one file's two places."""
    assert (ROOT / "data" / "schema" / "region.schema.json").read_bytes() == \
        (ROOT / "smartcity" / "data" / "region.schema.json").read_bytes()
