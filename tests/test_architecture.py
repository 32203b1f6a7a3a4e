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
    "batch": {"core", "checks", "sandbox", "course", "grading"},
    "release": {"core", "checks", "sandbox", "course", "grading"},
    "audit": {"core", "checks", "sandbox", "course", "grading", "batch", "reports"},
    "reports": {"core"},
    "integrations": {"core", "checks", "sandbox", "course", "grading", "batch", "release", "reports"},
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
