#!/usr/bin/env bash
# Set up (pinned dependencies, chromium when missing) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export NO_MKDOCS_2_WARNING=1
# -m "": every test, the browser and 514-region ones too (plain `pytest` runs the fast suite)
exec .venv/bin/python -m pytest -m "" "$@"
