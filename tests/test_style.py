"""The code keeps one style: `ruff format` at 120 columns, and `ruff check` (unused or undefined
names, import order, lines of at most 150 columns where a string cannot be cut); pyproject.toml's
[tool.ruff] says which files."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _ruff(*args: str) -> subprocess.CompletedProcess:
    exe = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if exe is None:
        pytest.fail("ruff is not installed: it is pinned in the test extra (pip install -e '.[test]')")
    return subprocess.run([exe, *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ruff_check_passes():
    run = _ruff("check", "--no-cache", ".")
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]


def test_code_is_formatted():
    run = _ruff("format", "--check", "--no-cache", ".")
    assert run.returncode == 0, "run `ruff format .`:\n" + run.stdout[-4000:] + run.stderr[-2000:]


# Functions allowed past 50 lines of body, and why (docs/architecture.md, "Style").
LONG_FUNCTIONS = {
    "autograder/cli.py:build_parser": "one declaration per command-line option",
    "autograder/audit/mutator.py:_edits": "one branch per kind of syntax node the mutator edits",
}


def test_no_function_runs_over_50_lines_without_a_reason():
    import ast

    too_long = []
    for path in sorted((ROOT / "autograder").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                first = node.body[0]
                docstring = isinstance(first, ast.Expr) and isinstance(getattr(first, "value", None), ast.Constant)
                start = first.end_lineno + 1 if docstring else node.lineno
                where = f"{path.relative_to(ROOT)}:{node.name}"
                if node.end_lineno - start + 1 > 50 and where not in LONG_FUNCTIONS:
                    too_long.append(f"{where} ({node.end_lineno - start + 1} lines)")
    assert not too_long, "split these, or give the reason in LONG_FUNCTIONS: " + ", ".join(too_long)
