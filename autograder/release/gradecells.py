"""nbgrader grade cells made from ``grading.yml``: one per graded function.

nbgrader gives points per grade cell. To make nbgrader's score equal the autograder's, check by
check, every graded function gets one grade cell right after its solution cell, worth the sum of
its checks' points, which calls :func:`autograder.integrations.nbgrader.autograde.grade` (the real,
sandboxed grader run once per notebook, in another process). The cell's last value is the points
earned, which nbgrader reads as partial credit. Self-check cells (``check(...)``) are plain locked
cells, worth nothing.

A grade cell has no ``### BEGIN HIDDEN TESTS`` block: the release shows the same source as the
instructor's notebook, so the checksum nbgrader keeps for the locked cell (computed from the source
notebook) matches the released cell, and ``nbgrader autograde`` warns only about a cell a student
really changed (nbgrader issue #1961: a hidden block makes every such cell look edited). Nothing is
hidden by showing it: the call grades in another process, and in a student's own notebook it only
says the function is graded after submission.
"""

from __future__ import annotations

import copy

from autograder.core.config import AssignmentConfig
from autograder.course import notebook

GRADE_PREFIX = "grade_"


def grade_cell_source(target: str) -> str:
    """The source of a function's grade cell, the same in the instructor's notebook and the release.

    Its last line is the call, a top-level expression, so the points it returns are the cell's
    value (nbgrader's partial credit; a call inside ``if``/``else`` shows nothing, and nbgrader
    gives a cell without an error full marks). Where the autograder is not installed the call says
    the function is graded after submission, and raises under ``nbgrader autograde`` (the folder
    ``autograded/<student>/<assignment>``), so a grader set up without it never gives full marks.
    """
    return (
        f"# Graded after you submit: the public checks of {target} above and hidden checks.\n"
        "try:\n"
        "    from autograder.integrations.nbgrader.autograde import grade\n"
        "except ImportError:  # the autograder is not installed here: nothing to grade before you submit\n"
        "    def grade(name):\n"
        "        import os, sys\n"
        "        if os.path.basename(os.path.dirname(os.path.dirname(os.getcwd()))) == 'autograded':\n"
        "            raise RuntimeError('nbgrader autograde needs the autograder installed (README)')\n"
        "        print(f'{name} is graded after you submit', file=sys.stderr)\n"
        f"grade({target!r})\n"
    )


def _points(cfg: AssignmentConfig, targets: dict[str, str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for check_id, settings in cfg.checks.items():
        target = targets.get(check_id)
        if target is not None:
            out[target] = out.get(target, 0.0) + float(settings.points)
    return out


def sync(source: dict, cfg: AssignmentConfig, targets: dict[str, str]) -> dict:
    """Returns ``source`` with exactly one up-to-date grade cell after each graded solution cell.

    Args:
        source: The instructor notebook (JSON).
        cfg: The assignment's settings.
        targets: Check id to the function it grades.
    """
    points = _points(cfg, targets)
    out = copy.deepcopy(source)
    cells = []
    for cell in out["cells"]:
        meta = notebook.nbgrader_metadata(cell)
        gid = meta.get("grade_id", "")
        if gid.startswith(GRADE_PREFIX) and meta.get("grade"):
            continue  # regenerated below
        if meta.get("grade") and not meta.get("solution") and float(meta.get("points", 0)) == 0:
            meta["grade"] = False  # self-check cells are worth nothing: plain locked cells
            meta.pop("points", None)
        cells.append(cell)
        if meta.get("solution") and gid in points:
            cells.append(
                {
                    "cell_type": "code",
                    "execution_count": None,
                    "outputs": [],
                    "id": f"grade-{gid}".replace("_", "-")[:64],
                    "metadata": {
                        "nbgrader": {
                            "grade": True,
                            "solution": False,
                            "locked": True,
                            "grade_id": GRADE_PREFIX + gid,
                            "points": points[gid],
                            "schema_version": 3,
                        }
                    },
                    "source": grade_cell_source(gid),
                }
            )
    out["cells"] = cells
    return out
