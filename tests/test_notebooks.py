"""Every reference notebook runs end to end (demo cells included) in a real Jupyter kernel."""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from autograder import config

ROOT = Path(__file__).resolve().parents[1]
NAMES = sorted(config.load(ROOT / "grading.yml"))


@pytest.mark.parametrize("name", NAMES)
def test_reference_notebook_runs_end_to_end(name):
    folder = ROOT / "solutions" / name
    nb = nbformat.read(folder / f"{name}.ipynb", as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, errors[0]
