"""The fork server: what its workers find already imported."""

from autograder.core.limits import Limits
from autograder.sandbox import runner
from autograder.sandbox.forkserver import ForkServer
from autograder.sandbox.protocol import CellSource, CheckCall, WorkerRequest

CELL = """import sys
PRELOADED = sorted(m for m in ("yaml", "autograder.integrations.selfcheck") if m in sys.modules)
def preloaded():
    return PRELOADED
"""


def test_a_forked_worker_finds_the_setup_cells_modules_imported(tmp_path):
    # Every release notebook's setup cells import autograder.integrations.selfcheck, and every worker
    # runs them (twice per submission); with TensorFlow loaded, its yaml import alone took 0.7 s.
    request = WorkerRequest(
        cells=(CellSource("probe", CELL, "solution"),),
        checks=(CheckCall(0, "preloaded", {"ref": "autograder.checks.probes:call"}, {}, 0, 10),),
        cell_timeout_s=10,
    )
    with ForkServer(
        env=runner.worker_environment(str(tmp_path)),
        preload=False,
        cwd=str(tmp_path),
        modules=["autograder.integrations.selfcheck", "no_such_module_here"],
    ) as server:
        run = runner.run_worker(request, limits=Limits(), forkserver=server)
    assert run.records[0]["value"] == ["autograder.integrations.selfcheck", "yaml"]


def test_the_setup_cells_imports_are_what_the_fork_server_preloads(root):
    from autograder.course import notebook

    release = notebook.read(root / "assignments" / "a1_perceptron" / "a1_perceptron.ipynb")
    modules = notebook.setup_imports(release)
    assert {"numpy", "autograder.integrations.selfcheck", "keras", "tensorflow"} <= set(modules)
    assert len(modules) == len(set(modules))
