"""Generates the peers' grading material from an assignment's solution notebook and its checks.

    .venv/bin/python -m bench.peers.generate a1_perceptron --out /tmp/peers   # writes and lists it

For one assignment, :func:`build` computes every check's inputs (public: the grader's fixed seed;
hidden: the grader's seed for the reference solution's code digest, one fixed set for the whole
class, as an assert-based course has) and the reference's expected value, and writes each check as
plain asserts (:mod:`bench.peers.asserts`). The writers turn that into

* an nbgrader course: the source notebook with one grade cell per check (``test_<check id>``,
  the check's points; hidden checks inside ``### BEGIN HIDDEN TESTS``), and each submission moved
  onto that layout (its answers kept, the grade cells replaced, the self-check cells that call
  this suite emptied), for real ``nbgrader generate_assignment`` + ``nbgrader autograde``;
* an otter-grader 7 autograder zip: ``otter_config.json`` and one exception-based test file per
  check (``tests/<check id>.py``, ``@test_case(points=..., hidden=...)``), for ``otter run``.

A check whose requirements (``Check.requires``) are checks of its own runs their asserts first, so
its points count only when they pass, as in the grader. Nothing here is committed: the bench
generates it into its temporary folder on every run.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import json
import sys
import zipfile
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1]
ROOT = BENCH.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from autograder.course import assignment as assignment_mod  # noqa: E402
from autograder.course import notebook  # noqa: E402
from autograder.grading import engine, testchecks  # noqa: E402
from autograder.grading.prepared import check_seed  # noqa: E402
from autograder.grading.reference import compute_expected, reference_namespace  # noqa: E402
from bench.peers.asserts import HELPERS, Unsupported, Written, write_check  # noqa: E402

HIDDEN_BEGIN, HIDDEN_END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"


@dataclasses.dataclass
class PeerSpec:
    """An assignment's checks as the peers grade them.

    Attributes:
        name: The assignment.
        written: The checks written as asserts, in the grader's order.
        unsupported: The checks the peers cannot grade, with the reason.
        seed_digest: The code digest whose hidden inputs the peers use (the reference's).
        build_s: Seconds spent computing the inputs and expected values (reference side).
    """

    name: str
    written: list[Written]
    unsupported: list[Unsupported]
    seed_digest: str
    build_s: float = 0.0

    @property
    def ids(self) -> list[str]:
        """Ids of the checks the peers grade."""
        return [w.id for w in self.written]


def grade_id(check_id: str) -> str:
    """The nbgrader grade cell id (and otter test name) of a check."""
    return "test_" + check_id.replace(".", "__")


def check_id_of(grade_cell: str) -> str:
    """Inverse of :func:`grade_id`."""
    return grade_cell[len("test_") :].replace("__", ".")


def build(name: str, *, root: Path = ROOT) -> PeerSpec:
    """Writes every check of ``name`` as asserts on stored inputs and expected values.

    Args:
        name: The assignment.
        root: The course repository.
    """
    import time

    t0 = time.perf_counter()
    a = assignment_mod.load(name, root=root)
    reference = reference_namespace(a)
    digest = engine.code_digest([c for c in notebook.code_cells(a.source) if c.kind == "solution"])
    written: list[Written] = []
    unsupported: list[Unsupported] = []
    for check in a.checks:
        s = a.settings(check)
        if isinstance(check, testchecks.PytestCheck):
            unsupported.append(
                Unsupported(
                    check.id,
                    check.target,
                    s.points,
                    s.hidden,
                    "written as a pytest test run against the reference at grading time",
                )
            )
            continue
        seed = check_seed(a, check, digest)
        inputs, expected = compute_expected(check, reference, seed)
        written.append(
            write_check(
                check,
                inputs=inputs,
                expected=expected,
                seed=seed,
                points=s.points,
                hidden=s.hidden,
                rtol=s.tol.rtol,
                atol=s.tol.atol,
            )
        )
    # A check that requires an unsupported one cannot be graded the grader's way either.
    bad = {u.id for u in written if isinstance(u, Unsupported)} | {u.id for u in unsupported}
    changed = True
    while changed:
        changed = False
        for i, w in enumerate(written):
            if isinstance(w, Written) and any(r in bad for r in w.requires):
                missing = ", ".join(r for r in w.requires if r in bad)
                written[i] = Unsupported(
                    w.id, w.target, w.points, w.hidden, f"requires {missing}, which the peers cannot grade"
                )
                bad.add(w.id)
                changed = True
    spec = PeerSpec(
        name,
        [w for w in written if isinstance(w, Written)],
        unsupported + [w for w in written if isinstance(w, Unsupported)],
        digest,
    )
    spec.build_s = time.perf_counter() - t0
    return spec


def _body_with_requirements(spec: PeerSpec, w: Written) -> str:
    by_id = {x.id: x for x in spec.written}
    order: list[str] = []

    def visit(cid: str) -> None:
        for r in by_id[cid].requires:
            if r not in order and r != w.id:
                visit(r)
                order.append(r)

    visit(w.id)
    parts = [f"# required first: {r}\n{by_id[r].body}" for r in order] + [w.body]
    return "\n\n".join(parts)


# --------------------------------------------------------------------------------------------------
# nbgrader


def _cell(source: str, *, gid: str, grade: bool, points: float = 0.0) -> dict:
    meta = {"grade": grade, "grade_id": gid, "locked": True, "schema_version": 3, "solution": False}
    if grade:
        meta["points"] = points
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": gid.replace("_", "-")[:64],
        "metadata": {"nbgrader": meta},
        "outputs": [],
        "source": source,
    }


def nbgrader_cells(spec: PeerSpec, target: str, *, with_hidden: bool) -> list[dict]:
    """The grade cells of one function: one per check, hidden asserts in a hidden-tests block."""
    out = []
    for w in spec.written:
        if w.target != target:
            continue
        body = _body_with_requirements(spec, w)
        if w.hidden:
            source = (
                f"# hidden check {w.id} ({w.points:g} point(s))\n{HIDDEN_BEGIN}\n{body}\n{HIDDEN_END}\n"
                if with_hidden
                else f"# hidden check {w.id} ({w.points:g} point(s))\n"
            )
        else:
            source = body + "\n"
        out.append(_cell(source, gid=grade_id(w.id), grade=True, points=w.points))
    return out


def to_assert_layout(nb: dict, spec: PeerSpec, *, with_hidden: bool) -> dict:
    """A notebook (the source, or a student's submission) on the assert course's layout.

    Each ``grade_<target>`` cell becomes that function's check cells, the self-check cells and
    their set-up (which call this suite) are emptied, and a locked helpers cell comes first.
    """
    nb = copy.deepcopy(nb)
    cells = [_cell(HELPERS, gid="peer_helpers", grade=False)]
    for cell in nb["cells"]:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        gid = meta.get("grade_id", "")
        if cell["cell_type"] == "code" and meta.get("grade") and gid.startswith("grade_"):
            cells += nbgrader_cells(spec, gid[len("grade_") :], with_hidden=with_hidden)
            continue
        if cell["cell_type"] == "code" and (gid.startswith("check_") or gid == "setup_selfcheck"):
            cell = copy.deepcopy(cell)
            cell["source"] = "# (self-check of the autograder suite: not part of this course)\n"
        cells.append(cell)
    nb["cells"] = cells
    return nb


def write_nbgrader_course(spec: PeerSpec, *, course: Path, root: Path = ROOT) -> Path:
    """An nbgrader course folder whose source notebook grades the checks with asserts.

    Returns:
        The course folder (with ``nbgrader_config.py`` and ``source/<name>/<name>.ipynb``).
    """
    name = spec.name
    source = json.loads((root / "solutions" / name / f"{name}.ipynb").read_text())
    src_dir = course / "source" / name
    src_dir.mkdir(parents=True, exist_ok=True)
    (src_dir / f"{name}.ipynb").write_text(json.dumps(to_assert_layout(source, spec, with_hidden=True), indent=1))
    for extra in (root / "solutions" / name).iterdir():  # data files the notebook reads, if any
        if extra.suffix in (".csv", ".txt", ".json") and extra.is_file():
            (src_dir / extra.name).write_bytes(extra.read_bytes())
    (course / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        f"c.CourseDirectory.root = {str(course)!r}\n"
        "c.CourseDirectory.source_directory = 'source'\n"
        "c.ClearSolutions.code_stub = {'python': '# YOUR CODE HERE\\nraise NotImplementedError()'}\n"
        "c.ExecutePreprocessor.timeout = 600\n"
        "c.Execute.timeout = 600\n"
    )
    return course


def submission_for_asserts(path: Path, spec: PeerSpec) -> dict:
    """A student's notebook on the assert course's layout (answers kept)."""
    return to_assert_layout(json.loads(path.read_text()), spec, with_hidden=False)


# --------------------------------------------------------------------------------------------------
# otter-grader


def otter_test_file(spec: PeerSpec, w: Written) -> str:
    """One exception-based otter test file for a check."""
    body = _body_with_requirements(spec, w)
    indented = "\n".join(("    " + line) if line else "" for line in body.splitlines())
    return (
        f"OK_FORMAT = False\n\n{HELPERS}\n\nfrom otter.test_files import test_case\n\n"
        f"name = {w.id!r}\npoints = {w.points!r}\n\n\n"
        f"@test_case(points={w.points!r}, hidden={w.hidden!r})\n"
        f"def check(env):\n    globals().update(env)\n{indented}\n"
    )


def write_otter_zip(spec: PeerSpec, *, path: Path) -> Path:
    """The autograder zip of ``otter run``: its config and one test file per check."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("otter_config.json", json.dumps({"lang": "python", "show_stdout": False}))
        for w in spec.written:
            z.writestr(f"tests/{grade_id(w.id)}.py", otter_test_file(spec, w))
    return path


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("assignment")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    spec = build(args.assignment)
    write_nbgrader_course(spec, course=args.out / "nbgrader-course")
    write_otter_zip(spec, path=args.out / "otter" / "autograder.zip")
    print(
        f"{args.assignment}: {len(spec.written)} checks as asserts, {len(spec.unsupported)} not ({spec.build_s:.1f} s)"
    )
    for u in spec.unsupported:
        print(
            f"  not graded by the peers: {u.id} ({u.points:g} pt{'' if u.points == 1 else 's'}{', hidden' if u.hidden else ''}): {u.reason}"
        )


if __name__ == "__main__":
    main()
