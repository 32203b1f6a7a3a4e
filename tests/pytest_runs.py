"""Running ``python -m pytest --assignment ...`` as a subprocess and reading its JSON report."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run_pytest(*args: str, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    """``python -m pytest -p no:cacheprovider ARGS`` in ``cwd``."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def json_report(path: Path) -> dict[str, dict]:
    """pytest-json-report's tests by ``notebook::check`` (the node id's last two parts)."""
    tests = json.loads(path.read_text())["tests"]
    return {Path(t["nodeid"]).name: t for t in tests}


def props(test: dict) -> dict:
    """A test's user properties (points, max_points, visibility, status, category) as one dict."""
    return {k: v for d in test.get("user_properties", []) for k, v in d.items()}
