"""The package's layers, as docs/architecture.md draws them: each sub-package imports only the ones
below it, so the pipeline reads one way (and a new module that reaches up fails here)."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "autograder"

# what each stage may import (at any depth in a module, lazy imports included)
ALLOWED = {
    "core": set(),
    "checks": {"core"},
    "sandbox": {"core", "checks"},
    "course": {"core", "checks"},
    "grading": {"core", "checks", "sandbox", "course"},
    "batch": {"core", "checks", "sandbox", "course", "grading", "term"},
    "release": {"core", "checks", "sandbox", "course", "grading"},
    "audit": {"core", "checks", "sandbox", "course", "grading", "batch", "reports", "term"},
    "reports": {"core"},
    "term": {"core"},
    "integrations": {"core", "checks", "sandbox", "course", "grading", "batch", "release", "reports", "term"},
}


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.split(".")[0] == "autograder"
            and node.level == 0
        ):
            names = [node.module] if node.module != "autograder" else [f"autograder.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names if a.name.split(".")[0] == "autograder"]
        out |= {n.split(".")[1] for n in names if n.count(".") >= 1}
    return out


def test_every_stage_imports_only_the_stages_below_it():
    stages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert set(stages) == set(ALLOWED), (
        "a sub-package was added or removed: place it in ALLOWED and in docs/architecture.md"
    )
    wrong = []
    for stage in stages:
        for module in sorted((PACKAGE / stage).rglob("*.py")):
            for used in _imports(module) - ALLOWED[stage] - {stage}:
                wrong.append(f"{module.relative_to(ROOT)} imports autograder.{used}")
    assert not wrong, "\n".join(wrong)


def test_the_architecture_page_names_every_module_that_exists_and_no_other():
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    cited = set(re.findall(r"\bautograder/[\w/]+\.py\b", page))
    assert cited, "docs/architecture.md cites no module"
    missing = sorted(c for c in cited if not (ROOT / c).is_file())
    assert not missing, f"docs/architecture.md cites modules that do not exist: {missing}"
    modules = {str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py") if p.name != "__init__.py"}
    unnamed = sorted(m for m in modules if m not in cited and Path(m).stem not in page)
    assert not unnamed, f"docs/architecture.md does not say where these live: {unnamed}"


def test_check_modules_import_only_the_public_face():
    for module in sorted((ROOT / "solutions").glob("*/*.py")):
        text = module.read_text(encoding="utf-8")
        for line in re.findall(r"^\s*(?:from|import) (autograder[\w.]*)", text, re.M):
            assert line == "autograder.checks", f"{module.relative_to(ROOT)} imports {line}: use autograder.checks"


def test_the_authors_face_exports_what_its_docstring_lists():
    import autograder.checks as face

    for name in face.__all__:
        assert getattr(face, name, None) is not None, f"autograder.checks.{name} is listed but missing"
        assert name in face.__doc__, f"autograder.checks.{name} is exported but its docstring does not say what it is"


def test_every_dotted_name_in_docstrings_and_docs_exists():
    """A docstring or page that names ``autograder.x.y`` names something that exists (no drift)."""
    import importlib

    files = [*PACKAGE.rglob("*.py"), *(ROOT / "docs").glob("*.md"), ROOT / "README.md"]
    missing = set()
    for path in files:
        for ref in set(re.findall(r"\bautograder(?:\.[A-Za-z_]\w*)+\b(?!\.\w)", path.read_text(encoding="utf-8"))):
            if ref.endswith(".zip"):  # a file name, e.g. a1_perceptron-autograder.zip
                continue
            parts = ref.split(".")
            for cut in range(len(parts), 0, -1):
                try:
                    obj = importlib.import_module(".".join(parts[:cut]))
                except ImportError:
                    continue
                for attr in parts[cut:]:
                    obj = getattr(obj, attr, None)
                break
            if obj is None:
                missing.add(f"{path.relative_to(ROOT)}: {ref}")
    assert not missing, "\n".join(sorted(missing))


def test_pyproject_installs_every_sub_package():
    """A non-editable install (Gradescope's) gets every sub-package: pyproject lists them by hand."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.relative_to(ROOT).parts) for p in PACKAGE.rglob("*") if (p / "__init__.py").is_file()}
    assert found | {"autograder"} <= listed, f"add to pyproject.toml's packages: {sorted(found - listed)}"


OBSERVERS = {("batch/local.py", "cli.py"), ("batch/local.py", "reports/progress.py")}
"""Calls up the import graph made on purpose: the CLI hands the batch its plan and progress callbacks."""


def _module_imports() -> dict[str, set[str]]:
    """Each module (by file, relative to the package) and the modules it imports, by file."""
    out: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        rel = str(path.relative_to(PACKAGE))
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("autograder"):
                names |= {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
            elif isinstance(node, ast.Import):
                names |= {a.name for a in node.names if a.name.startswith("autograder")}
        files = set()
        for name in names:
            rel_name = name.removeprefix("autograder").lstrip(".").replace(".", "/")
            for candidate in (f"{rel_name}.py", f"{rel_name}/__init__.py"):
                if (PACKAGE / candidate).is_file():
                    files.add(candidate)
        out[rel] = files
    return out


def _reaches(graph: dict[str, set[str]], start: str, goal: str) -> bool:
    seen, todo = set(), [start]
    while todo:
        node = todo.pop()
        for nxt in graph.get(node, ()):
            if nxt == goal:
                return True
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return False


def test_no_call_goes_down_a_layer_and_comes_back_up(tmp_path):
    """A traced `autograder grade` of one submission (with a check written as a pytest test): no
    function calls into a module that imports it (a callback handed down), but the CLI's observers."""
    import sys
    import threading

    import autograder
    from autograder import cli

    sys.path.insert(0, str(ROOT / "tests"))
    from toycourse import make_course, toy_submission

    course = make_course(tmp_path / "course")
    (course / "solutions" / "toy" / "test_double.py").write_text(
        "def test_linear(student):\n    assert student.double(1.0) == 2.0\n"
    )
    with (course / "grading.yml").open("a") as fh:
        fh.write("      double.linear: {points: 1, visibility: hidden}\n")
    sub = toy_submission(tmp_path / "subs", "alice", double="def double(x):\n    return x\n")
    package = str(Path(autograder.__file__).parent) + "/"
    calls = set()

    def trace(frame, event, arg):
        if event != "call" or not frame.f_code.co_filename.startswith(package) or frame.f_code.co_name == "<genexpr>":
            return
        back = frame.f_back
        while back is not None and not back.f_code.co_filename.startswith(package):
            back = back.f_back
        if back is not None:
            calls.add((back.f_code.co_filename[len(package) :], frame.f_code.co_filename[len(package) :]))

    sys.setprofile(trace)
    threading.setprofile(trace)
    try:
        argv = ["grade", "--assignment", "toy", "--root", str(course), "--out", str(tmp_path / "out"), "--jobs", "1"]
        assert cli.main([*argv, str(sub)]) == 0
    finally:
        sys.setprofile(None)
        threading.setprofile(None)
    graph = _module_imports()
    up = sorted(
        (caller, callee)
        for caller, callee in calls
        if caller != callee and _reaches(graph, callee, caller) and not _reaches(graph, caller, callee)
    )
    assert set(up) <= OBSERVERS, up
    assert len(calls) > 40  # the trace saw the walk
