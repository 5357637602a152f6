"""The shared vocabulary agrees with itself (issue 29): every value the schema allows has a
label, the model lists the same values, and no module keeps a private copy of a list."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from smartcity import labels, model
from smartcity.validation.schema import load_schema

ROOT = Path(__file__).resolve().parent.parent


def enums(schema: dict) -> dict[str, set[str]]:
    """Every enum of the schema, by the name of the property that holds it."""
    found: dict[str, set[str]] = {}

    def walk(node: object, name: str) -> None:
        if isinstance(node, dict):
            if "enum" in node:
                found.setdefault(name, set()).update(node["enum"])
            for key, value in node.items():
                walk(value, key if key not in ("properties", "items", "$defs", "allOf", "then", "if") else name)
                if key == "properties" and isinstance(value, dict):
                    for prop, inner in value.items():
                        walk(inner, prop)
        elif isinstance(node, list):
            for item in node:
                walk(item, name)
    walk(schema, "")
    return found


def test_schema_model_and_labels_agree() -> None:
    found = enums(load_schema())
    assert found["status"] >= set(model.STATUSES) | set(model.RISK_STATUSES)
    assert set(model.STATUSES) == set(labels.STATUS_LABELS)
    assert set(model.RISK_STATUSES) == set(labels.RISK_STATUS_LABELS)
    assert found["horizon"] == set(model.HORIZONS) == set(labels.HORIZON_LABELS) == set(labels.BAND_LABELS)
    assert found["stage"] == set(model.STAGES) == set(labels.STAGE_LABELS) == set(labels.STAGE_HELP)
    assert found["likelihood"] == found["impact"] == set(model.RISK_LEVELS) == set(labels.LEVEL_LABELS)
    assert found["channel"] == set(labels.CHANNEL_LABELS)
    assert [f.name for f in dataclasses.fields(model.Scores)] == list(labels.SCORE_LABELS)
    assert [f.name for f in dataclasses.fields(model.Swot)] == list(labels.SWOT_LABELS)
    assert [f.name for f in dataclasses.fields(model.Readiness)] == list(labels.READINESS_LABELS)


def test_no_module_keeps_its_own_list_of_statuses() -> None:
    """The status list is written once, in the model; labels once, in labels.py."""
    written = re.compile(r'"planned",\s*"in_progress",\s*"done"')
    labelled = re.compile(r'"Direncanakan"')
    for path in (ROOT / "smartcity").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name != "model.py":
            assert not written.search(text), path
        if path.name != "labels.py":
            assert not labelled.search(text), path


def test_every_enum_of_the_schema_has_its_indonesian_labels() -> None:
    """One keyword, `x-labels`, beside each enum: the site, the web editor's form and the
    editors' reference read their labels from it (issue 28)."""
    checked = 0

    def walk(node: object) -> None:
        nonlocal checked
        if isinstance(node, dict):
            if "enum" in node and "type" in node:
                assert list(node["x-labels"]) == list(node["enum"]), node
                assert all(isinstance(label, str) and label.strip() for label in node["x-labels"].values())
                checked += 1
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)
    walk(load_schema())
    assert checked >= 12
    assert labels.STATUS_LABELS["in_progress"] == "Berjalan"
    assert labels.CHANNEL_LABELS["lapor"] == "SP4N-LAPOR!"
