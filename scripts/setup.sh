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
apt_install() {   # Debian packages the tests need, when missing
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "$@" >/dev/null
}
if [ "${1:-}" = "--test" ] && ! command -v npm >/dev/null; then
  apt_install nodejs npm   # pa11y-ci (the accessibility check Open SDG runs) is an npm package
fi
if [ "${1:-}" = "--test" ] && [ ! -x tests/a11y/node_modules/.bin/pa11y-ci ]; then
  # pinned by tests/a11y/package-lock.json; it drives Debian's chromium, never a browser of its own
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix tests/a11y --no-audit --no-fund --loglevel=error >/dev/null
fi
if [ "${1:-}" = "--test" ] && [ ! -x tests/editor/node_modules/.bin/decap-server ]; then
  # Decap CMS's local backend, pinned by tests/editor/package-lock.json: the web editor's
  # end-to-end test saves through it into a clone of the repository
  npm ci --prefix tests/editor --no-audit --no-fund --loglevel=error >/dev/null
fi
if [ "${1:-}" = "--test" ] && ! command -v soffice >/dev/null; then
  # a second reader of the Excel workbook, which the project writes itself (issue 30)
  apt_install libreoffice-calc-nogui
fi
if [ "${1:-}" = "--test" ] && [ ! -x /usr/bin/chromium ]; then
  # Browser tests drive Debian's chromium (Playwright's own browser download does not work here).
  apt_install chromium
fi
