#!/usr/bin/env bash
# Gradescope autograder set-up: runs once when the autograder image is built.
# The autograder zip holds this repository (the course) at /autograder/source.
set -euo pipefail
SOURCE="${AUTOGRADER_SOURCE:-/autograder/source}"
apt-get update -qq && apt-get install -y -qq python3.11 python3.11-venv >/dev/null 2>&1 || true
python3.11 -m venv /opt/autograder-venv
/opt/autograder-venv/bin/pip install -q -e "$SOURCE"
