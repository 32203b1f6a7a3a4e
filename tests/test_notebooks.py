"""Every reference notebook runs end to end (demo cells included) in a real Jupyter kernel."""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from autograder.core import config

ROOT = Path(__file__).resolve().parents[1]
NAMES = sorted(config.load(ROOT / "grading.yml"))


@pytest.mark.parametrize("name", NAMES)
def test_reference_notebook_runs_end_to_end(name):
    folder = ROOT / "solutions" / name
    nb = nbformat.read(folder / f"{name}.ipynb", as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"
    ]
    assert not errors, errors[0]


@pytest.mark.parametrize(
    "name", ["a3_gru", "a6_ner"]
)  # TensorFlow imported by a later cell (a3) or by the set-up cell (a6)
def test_release_check_cells_check_every_function_under_the_graders_policy(name):
    import re

    folder = ROOT / "assignments" / name
    nb = nbformat.read(folder / f"{name}.ipynb", as_version=4)
    nb.cells.append(
        nbformat.v4.new_code_cell(
            "import os\nimport tensorflow\nprint('oneDNN opts:', os.environ.get('TF_ENABLE_ONEDNN_OPTS'))"
        )
    )
    NotebookClient(
        nb, timeout=600, kernel_name="python3", allow_errors=True, resources={"metadata": {"path": str(folder)}}
    ).execute()
    texts = [
        o.get("text", "")
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if o.get("output_type") == "stream"
    ]
    assert not [t for t in texts if "oneDNN custom operations" in t], "TensorFlow's oneDNN banner reached the notebook"
    assert nb.cells[-1].outputs[-1]["text"] == "oneDNN opts: 0\n"  # the grader's setting
    checks = [
        c
        for c in nb.cells
        if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade_id", "").startswith("check_")
    ]
    assert checks
    for cell in checks:
        names = re.findall(r'"(\w+)"', cell.source)
        out = "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")
        assert [line.split()[1] for line in out.splitlines() if line.startswith("FAIL ")] == names, (
            cell.source
        )  # every stub checked
        assert f"self-check: 0 of {len(names)} functions pass" in out
        assert not [o for o in cell.outputs if o.get("output_type") == "execute_result"], "a stray Out: value"
        assert not [o for o in cell.outputs if o.get("output_type") == "error"], "a self-check stops Run All"
