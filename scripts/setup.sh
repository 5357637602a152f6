#!/usr/bin/env bash
# Create .venv and install the pinned dependencies and the project itself (editable:
# requirements.txt ends with `-e .`, which also registers the MkDocs plugin).
#   bash scripts/setup.sh          runtime only (build the site)
#   bash scripts/setup.sh --test   runtime + tests, and Debian's chromium for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
requirements=requirements.txt
[ "${1:-}" = "--test" ] && requirements=requirements-test.txt
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
# Compile the project's modules once: where PYTHONDONTWRITEBYTECODE is set (it is on the
# developers' machines) Python never caches them, and every process, each build worker
# included, compiled them again (~50 ms per process).
.venv/bin/python -m compileall -q smartcity macros.py >/dev/null
if [ "${1:-}" = "--test" ] && [ ! -x /usr/bin/chromium ]; then
  # Browser tests drive Debian's chromium (Playwright's own browser download does not work here).
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium >/dev/null
fi
