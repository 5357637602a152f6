"""A real install (issue 27): the package built as a wheel and installed, not editable, into
a fresh virtual environment validates and builds a project folder that has no `smartcity/`
source: its reference data, schema and templates are package data, and the project folder
is the one that holds mkdocs.yml."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow


def test_a_wheel_install_validates_and_builds_the_sample(tmp_path: Path) -> None:
    clean = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}   # only the venv's packages
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True, timeout=600, env=clean)
    wheel = next(wheels.glob("smartcity-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300, env=clean)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    # the pinned runtime dependencies, without the editable project line, then the wheel itself
    pins = [line for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith(("#", "-e"))]
    subprocess.run(pip + pins, check=True, capture_output=True, timeout=900, env=clean)
    subprocess.run(pip + ["--no-deps", str(wheel)], check=True, capture_output=True, timeout=300, env=clean)
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "macros.py", "docs", "overrides", "data"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, project / name)
    assert not (project / "smartcity").exists()
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(tmp_path),
           "SOURCE_DATE_EPOCH": "1795478400"}
    validate = subprocess.run([str(venv / "bin" / "smartcity-validate")], cwd=project, env=env,
                              capture_output=True, text=True, timeout=300)
    assert validate.returncode == 0, validate.stdout[-2000:] + validate.stderr[-2000:]
    build = subprocess.run([str(venv / "bin" / "mkdocs"), "build", "--strict", "-q"], cwd=project, env=env,
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    overview = (project / "site" / "wilayah" / "kota-pekalongan" / "index.html").read_text(encoding="utf-8")
    assert "Kota Pekalongan" in overview and (project / "site" / "schema" / "region.schema.json").is_file()
    assert str(venv) not in overview   # no path of the install leaks into a page
