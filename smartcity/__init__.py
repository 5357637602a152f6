"""Smart-city masterplan site generator: region YAML → validated model → pages."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
