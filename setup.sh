#!/usr/bin/env bash
# Set-up: a virtual environment with the pinned Python packages, and Debian's Chromium for the
# HTML report's browser test. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")"
python3.11 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e '.[test]'
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "setup.sh: could not install chromium; the browser test will be skipped outside CI" >&2
  else
    echo "setup.sh: install Debian's chromium (sudo apt-get install chromium) for the HTML report's browser test" >&2
  fi
fi
echo "setup.sh: done; activate with: . .venv/bin/activate"
