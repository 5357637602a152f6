"""Smart-city masterplan site generator: region YAML → validated model → pages."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# The package's own data: the official reference lists and the region schema (package data,
# found the same way in a checkout and in an installed wheel).
DATA_DIR = PACKAGE_DIR / "data"
# The checkout the package lives in, when it is one (scripts and tests); an installed package
# is used from any project folder, which the MkDocs config names (the folder of mkdocs.yml).
PROJECT_DIR = PACKAGE_DIR.parent
