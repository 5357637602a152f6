"""The code's own checks, run like any test: lint, types, the import layers, the
workflows' security, module size and docstrings."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from conftest import PYTHON, ROOT, run

BIN = Path(PYTHON).parent
PACKAGE = ROOT / "smartcity"


def test_ruff_finds_nothing() -> None:
    result = run([str(BIN / "ruff"), "check", "--output-format", "concise", "."])
    assert result.returncode == 0, result.stdout[-3000:]


def test_mypy_finds_nothing() -> None:
    result = run([str(BIN / "mypy")], timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]


def test_layers_are_kept() -> None:
    """tools → site → export → figures → validation → model: no import goes up."""
    result = run([str(BIN / "lint-imports")])
    assert result.returncode == 0 and "0 broken" in result.stdout, result.stdout[-3000:]


@pytest.mark.skipif(shutil.which("zizmor", path=str(BIN)) is None, reason="zizmor is not installed")
def test_workflows_have_no_medium_or_high_findings() -> None:
    result = run([str(BIN / "zizmor"), "--offline", "--min-severity", "medium", ".github/workflows"])
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_public_function_and_class_has_a_docstring() -> None:
    missing = []
    for path in modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nodes = [(node, "") for node in tree.body]
        while nodes:
            node, prefix = nodes.pop()
            if not isinstance(node, ast.FunctionDef | ast.ClassDef) or node.name.startswith("_"):
                continue
            # MkDocs event handlers are documented by MkDocs
            if ast.get_docstring(node) is None and not node.name.startswith("on_"):
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno} {prefix}{node.name}")
            if isinstance(node, ast.ClassDef):
                nodes.extend((child, f"{prefix}{node.name}.") for child in node.body)
    assert missing == [], "\n".join(sorted(missing))
