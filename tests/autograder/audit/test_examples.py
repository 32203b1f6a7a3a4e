"""The bundled submissions (reference, blank release, typical mistakes) are graded as intended.

Each mistake file in tests/mistakes/NAME says which checks must fail, and the message the first
failing public check must carry; the reference must pass everything and the blank release score 0.
"""

import pytest

from autograder.audit import examples
from autograder.batch import local as batch
from autograder.core import config

NAMES = sorted(config.load(__import__("pathlib").Path(__file__).resolve().parents[3] / "grading.yml"))


@pytest.fixture(scope="module", params=NAMES)
def graded(request, root, tmp_path_factory):
    out = tmp_path_factory.mktemp(request.param)
    exs = examples.build(request.param, root=root, out_dir=out / "subs")
    results = batch.grade_many(
        [e.path for e in exs], assignment=request.param, root=root, out=out / "results", jobs=2
    )  # as `autograder examples` grades them
    return list(zip(exs, results))


def test_every_example_is_graded_as_intended(graded, root):
    wrong = []
    requires = examples.requirements(graded[0][1].assignment, root=root)
    for ex, result in graded:
        ok, note = examples.judge_example(ex, result, requires)
        if not ok:
            wrong.append(f"{ex.name}: {note}; failed {[c.id for c in result.checks if c.status != 'passed']}")
    assert not wrong, "\n".join(wrong)


def test_reference_full_marks_blank_zero(graded):
    by_name = {ex.name: r for ex, r in graded}
    assert by_name["reference"].score == by_name["reference"].max_score > 0
    assert by_name["blank"].score == 0
    assert all("not implemented" in c.message for c in by_name["blank"].checks)


def test_there_are_mistakes_and_each_loses_points(graded):
    mistakes = [
        (ex, r)
        for ex, r in graded
        if ex.name not in ("reference", "blank") and not examples.is_correct_variant(ex.name)
    ]
    assert len(mistakes) >= 8
    for ex, r in mistakes:
        assert 0 < r.score < r.max_score, ex.name


def test_correct_variants_get_full_marks(graded):
    correct = [(ex, r) for ex, r in graded if examples.is_correct_variant(ex.name)]
    for ex, r in correct:
        assert r.score == r.max_score, f"{ex.name}: {[(c.id, c.message) for c in r.checks if c.status != 'passed']}"


def test_no_engine_traceback_reaches_students(graded):
    for _, result in graded:
        for check in result.checks:
            assert "Traceback" not in check.message and "autograder/" not in check.message


def test_report_on_graded_examples(graded, tmp_path):
    from autograder.reports import write_reports

    results_dir = graded[0][0].path.parent.parent / "results"
    written = write_reports(results_dir, tmp_path)
    name = graded[0][1].assignment
    assert {f"gradebook-{name}.csv", f"report-{name}.html", f"summary-{name}.md"} <= set(written)
    page = written[f"report-{name}.html"].read_text()
    for ex, _ in graded:
        assert f">{ex.name}</a>" in page


def test_pytest_front_end_gives_the_same_verdicts(graded, root, tmp_path):
    """``pytest --assignment NAME`` on the reference, the blank release, two typical mistakes and a
    correct variant: every check passes or fails as ``autograder grade`` decided, with its points, and
    each notebook's score is the same (the reference full, the blank one failing with "not implemented")."""
    from pytest_runs import json_report, props, run_pytest

    mistakes = [(ex, r) for ex, r in graded if ex.name not in ("reference", "blank")]
    picked = [(ex, r) for ex, r in graded if ex.name in ("reference", "blank")]
    picked += [m for m in mistakes if not examples.is_correct_variant(m[0].name)][:2]
    picked += [m for m in mistakes if examples.is_correct_variant(m[0].name)][:1]
    name = graded[0][1].assignment
    report = tmp_path / "report.json"
    proc = run_pytest(
        "--assignment",
        name,
        *[str(ex.path) for ex, _ in picked],
        "--json-report",
        f"--json-report-file={report}",
        cwd=root,
        timeout=900,
    )
    assert proc.returncode == 1, proc.stdout[-3000:] + proc.stderr[-3000:]  # the blank release fails
    tests = json_report(report)
    assert len(tests) == sum(len(r.checks) for _, r in picked)
    for ex, result in picked:
        for check in result.checks:
            test = tests[f"{ex.path.name}::{check.id}"]
            assert (test["outcome"] == "passed") == (check.status == "passed"), (ex.name, check.id, check.message)
            assert (props(test)["points"], props(test)["max_points"]) == (check.points, check.max_points)
            if ex.name == "blank":  # a hidden check says only that it failed
                said = f"hidden check on {check.target} failed" if check.hidden else "not implemented"
                shown = " ".join(test["call"]["longrepr"].split())  # the report wraps long lines
                assert said in shown, (check.id, test["call"]["longrepr"])
        assert f"{ex.path.name}: {result.score:g} / {result.max_score:g} points" in proc.stdout
