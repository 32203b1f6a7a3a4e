"""The engine on the toy course: verdicts, statuses, limits, and batches that survive bad submissions."""

import json

import pytest
from toycourse import toy_submission

from autograder.batch import local as batch
from autograder.core import results
from autograder.course import assignment
from autograder.grading import engine, workers
from autograder.reports.wording import explanation


@pytest.fixture()
def toy(toy_course):
    return assignment.load("toy", root=toy_course)


def by_id(result):
    return {c.id: c for c in result.checks}


def test_reference_gets_full_marks_and_result_fields(toy, toy_course):
    path = toy_submission(toy_course / "subs", "alice")
    out = batch.grade_many([path], assignment="toy", root=toy_course, out=toy_course / "out")[0]
    assert (out.score, out.max_score, out.status) == (6, 6, "ok")
    data = json.loads((toy_course / "out" / "alice" / "toy" / "result.json").read_text())
    for key in ("assignment", "submission", "score", "max_score", "status", "checks", "environment"):
        assert key in data
    assert set(data["checks"][0]) >= {"id", "status", "points", "max_points", "hidden", "message"}
    assert data["environment"]["tf32"] is False


def test_blank_release_scores_zero_with_not_implemented(toy, toy_course):
    out = engine.grade(toy_course / "assignments" / "toy" / "toy.ipynb", assignment=toy)
    assert out.score == 0
    assert {c.category for c in out.checks} == {"not-implemented"}
    assert "double is not implemented yet" in by_id(out)["double.values"].message


def test_public_failure_explains_hidden_failure_only_hints(toy, toy_course):
    path = toy_submission(toy_course / "subs", "bob", double="def double(x):\n    return (2 * x).T\n")
    out = by_id(engine.grade(path, assignment=toy))
    assert (
        explanation(out["double.values"])
        == "double(x) for x of shape (3, 2): expected shape (3, 2), received (2, 3) (transposed?). Hint: 2 * x"
    )
    assert out["double.hidden"].status == "failed"
    assert explanation(out["double.hidden"]) == "hidden check on double failed (shape). Hint: keep the shape"
    assert out["scale.values"].status == "passed"


def test_hidden_exception_text_is_not_shown(toy, toy_course):
    leak = "def double(x):\n    raise ValueError(repr(x.tolist()))\n"
    out = by_id(engine.grade(toy_submission(toy_course / "subs", "eve", double=leak), assignment=toy))
    assert "ValueError" in out["double.values"].message  # public: the student's own error, with their line
    assert "line 2 of cell 'double'" in out["double.values"].message
    # hidden: the type and the student's own source line, from the submitted code; nothing the exception said
    assert out["double.hidden"].message.startswith(
        "double raised ValueError (line 2 of cell 'double': raise ValueError(repr(x.tolist()))) on a hidden input"
    )


def test_setup_cells_come_from_the_release_not_the_submission(toy, toy_course):
    path = toy_submission(toy_course / "subs", "mallory")
    nb = json.loads(path.read_text())
    nb["cells"][1]["source"] = "import numpy as np\nSCALE = 1.0\n"  # tampered locked cell
    path.write_text(json.dumps(nb))
    assert by_id(engine.grade(path, assignment=toy))["scale.values"].status == "passed"


@pytest.mark.parametrize(
    "code, category, status",
    [
        ("def double(x):\n    while True:\n        pass\n", "timeout", "ok"),
        (
            "def double(x):\n    while True:\n        try:\n            while True:\n                pass\n        "
            "except BaseException:\n            pass\n",
            "timeout",
            "timeout",
        ),
        ("def double(x):\n    import os\n    os._exit(0)\n", "crashed", "crashed"),
        ("def double(x):\n    import sys\n    sys.exit(0)\n", "raised", "ok"),
        ("def double(x):\n    return [bytearray(10**6) for _ in range(10**4)]\n", "memory", "memory"),
        ("def double(x):\n    return object()\n", "type", "ok"),
    ],
    ids=["loop", "loop-ignoring-alarm", "os-exit", "sys-exit", "memory", "wrong-type"],
)
def test_bad_behaviour_costs_only_that_check(toy, toy_course, code, category, status):
    out = engine.grade(toy_submission(toy_course / "subs", "s", double=code), assignment=toy)
    checks = by_id(out)
    assert checks["double.values"].category == category
    assert checks["double.values"].points == 0
    assert checks["scale.values"].status == "passed"  # a later check still graded
    assert out.status == status


def test_top_level_loop_keeps_definitions(toy, toy_course):
    code = "def scale(z):\n    return z * SCALE\n\nwhile True:\n    pass\n"
    out = engine.grade(toy_submission(toy_course / "subs", "s", scale=code), assignment=toy)
    assert by_id(out)["scale.values"].status == "passed"
    assert any("only its imports and definitions were kept" in p for p in out.problems)


def test_batch_continues_after_broken_submissions(toy_course):
    subs = toy_course / "subs"
    toy_submission(subs, "good")
    (subs / "empty.ipynb").write_text("")
    (subs / "garbage.ipynb").write_bytes(b"\xff\xfe{not json")
    crash = toy_submission(subs, "crash", double="import os\nos._exit(3)\n")
    out = {r.submission: r for r in batch.grade_many([subs], assignment="toy", root=toy_course, out=toy_course / "out")}
    assert out["good"].score == 6 and out["good"].status == "ok"
    assert out["empty"].status == "invalid" and "empty" in out["empty"].message
    assert out["garbage"].status == "invalid" and "UTF-8" in out["garbage"].message
    assert out["crash"].checks[1].status == "passed"  # the crashing cell lost only its own definitions
    for name in out:
        assert results.read(toy_course / "out" / name / "toy" / "result.json").submission == name
    assert crash.exists()


def test_same_submission_same_result(toy, toy_course):
    path = toy_submission(toy_course / "subs", "twice", double="def double(x):\n    return x + x + 1e-3\n")
    a, b = engine.grade(path, assignment=toy), engine.grade(path, assignment=toy)
    strip = lambda r: {**results.to_dict(r), "graded_at": None, "seconds": None}
    assert strip(a) == strip(b)


def test_forked_workers_grade_like_fresh_ones_and_never_share_state(toy_course):
    subs = toy_course / "subs"
    # the first submission patches numpy for everyone who would share its process
    toy_submission(
        subs,
        "a_patcher",
        double="import numpy as np\nnp.multiply = lambda *a, **k: 0\nnp.ndarray.__mul__ = None\n\ndef double(x):\n    return 2 * x\n",
    )
    toy_submission(subs, "b_honest")
    toy_submission(subs, "c_wrong", double="def double(x):\n    return 3 * x\n")
    fast = {
        r.submission: r
        for r in batch.grade_many([subs], assignment="toy", root=toy_course, out=toy_course / "fast", jobs=2, fast=True)
    }
    slow = {
        r.submission: r
        for r in batch.grade_many(
            [subs], assignment="toy", root=toy_course, out=toy_course / "slow", jobs=1, fast=False
        )
    }
    for name in fast:
        assert [(c.id, c.status, c.message) for c in fast[name].checks] == [
            (c.id, c.status, c.message) for c in slow[name].checks
        ]
    assert fast["b_honest"].score == 6 and fast["c_wrong"].score == 2


def test_resume_and_only_failed(toy_course):
    subs = toy_course / "subs"
    toy_submission(subs, "ok1")
    toy_submission(subs, "hang", double="def double(x):\n    while True:\n        pass\n")
    out = toy_course / "out"
    first = batch.grade_many([subs], assignment="toy", root=toy_course, out=out)
    assert len(first) == 2
    assert batch.grade_many([subs], assignment="toy", root=toy_course, out=out, resume=True) == []
    again = batch.grade_many([subs], assignment="toy", root=toy_course, out=out, only_failed=True)
    assert [r.submission for r in again] == ["hang"]
    toy_submission(subs, "ok1", double="def double(x):\n    return x\n")  # changed file: graded again on resume
    assert [
        r.submission for r in batch.grade_many([subs], assignment="toy", root=toy_course, out=out, resume=True)
    ] == ["ok1"]


def test_side_property_counts_only_when_values_are_right(toy_course):
    hidden = toy_course / "solutions" / "toy" / "hidden_checks.py"
    hidden.write_text(
        hidden.read_text().replace(
            "\n]\n",
            '\n    Check("double.copy", "double", "double on a fresh input", lambda rng: {"x": rng.normal(size=(2, 3))},'
            ' probe="autograder.checks.probes:inputs_unchanged", requires=("double.values",)),\n]\n',
        )
    )
    grading = toy_course / "grading.yml"
    grading.write_text(grading.read_text() + "      double.copy: {points: 1, visibility: hidden}\n")
    toy = assignment.load("toy", root=toy_course)
    right = by_id(engine.grade(toy_submission(toy_course / "subs", "ok"), assignment=toy))
    assert right["double.copy"].status == "passed" and right["double.copy"].points == 1
    wrong = by_id(
        engine.grade(
            toy_submission(toy_course / "subs", "const", double="def double(x):\n    return 0 * x\n"), assignment=toy
        )
    )
    assert wrong["double.copy"].points == 0 and wrong["double.copy"].category == "requires"
    assert "double.values" in wrong["double.copy"].message
    only = engine.grade(toy_submission(toy_course / "subs", "ok2"), assignment=toy, only={"double.copy"})
    assert [c.id for c in only.checks] == ["double.values", "double.copy"]


def test_public_check_may_not_require_a_hidden_one(toy_course):
    public = toy_course / "solutions" / "toy" / "public_checks.py"
    public.write_text(public.read_text().replace('hint="z * SCALE")', 'hint="z * SCALE", requires=("double.hidden",))'))
    with pytest.raises(assignment.AssignmentError, match="requires hidden check 'double.hidden'"):
        assignment.load("toy", root=toy_course, require_release=False)


def test_inputs_unchanged_sees_nested_arrays():
    import numpy as np

    from autograder.checks import probes

    def edit(params, x):
        params["W"] += 1
        return x

    inputs = {"params": {"W": np.ones(2), "b": np.zeros(1)}, "x": [np.arange(3.0)]}
    out = probes.inputs_unchanged({"f": edit}, "f", inputs)
    assert out == {"params['W']": False, "params['b']": True, "x[0]": True}
    assert inputs["params"]["W"].tolist() == [1.0, 1.0]


def test_a_submission_stops_at_its_ceiling_and_hidden_checks_run_in_a_worker_of_their_own(toy, toy_course, monkeypatch):
    assert workers.submission_ceiling(toy.config.limits, n_cells=3, timeouts=[3, 3, 3]) == (
        2 * (toy.config.limits.startup_s + 3 * 2 * 3) + 9 + 5.0 * (3 + 6 + 4)
    )
    requests = []
    real = workers.sandbox.run_worker

    def spy(request, **kw):
        requests.append([tuple(v.shape) for c in request.checks for v in c.inputs.values()])
        return real(request, **kw)

    monkeypatch.setattr(workers.sandbox, "run_worker", spy)
    slow = toy_submission(
        toy_course / "subs", "slow", double="import time\ndef double(x):\n    time.sleep(2.5)\n    return 2 * x\n"
    )
    assert engine.grade(slow, assignment=toy).score == 6
    assert requests == [[(3, 2), (2, 4)], [(5, 7)]]  # public inputs, then the hidden one: never in one request
    requests.clear()
    monkeypatch.setattr(engine, "submission_ceiling", lambda *a, **k: 2.0)
    out = engine.grade(slow, assignment=toy)
    checks = by_id(out)
    assert checks["double.values"].category == "timeout" and "time ceiling of 2 s" in checks["double.values"].message
    assert checks["double.hidden"].message.startswith("not run: the submission reached its time ceiling of 2 s")
    assert out.status == "timeout" and out.seconds < 8


def test_arguments_unchanged_sees_lists_and_strings():
    import numpy as np

    from autograder.checks import probes

    def insert_start(sequences, vocab, k):
        for s in sequences:
            s.insert(0, 1)
        return k

    inputs = {"sequences": [[4, 5], [6]], "vocab": {"a": 2}, "k": 0.5}
    assert probes.arguments_unchanged({"f": insert_start}, "f", inputs) == {
        "sequences": False,
        "vocab": True,
        "k": True,
    }
    assert inputs["sequences"] == [[4, 5], [6]]

    def rename(sequences, vocab, k):
        vocab["a"] = 3
        return np.float64(k)

    assert probes.arguments_unchanged({"f": rename}, "f", inputs) == {"sequences": True, "vocab": False, "k": True}
    assert probes.arguments_unchanged({"f": lambda **kw: None}, "f", {"x": np.array([np.nan])}) == {"x": True}


def _with_variants(toy_course, variants):
    grading = toy_course / "grading.yml"
    grading.write_text(grading.read_text().replace("  toy:\n", f"  toy:\n    hidden_variants: {variants}\n"))
    return assignment.load("toy", root=toy_course)


def test_hidden_inputs_come_from_a_pool_of_variants_chosen_by_the_code(toy_course):
    """With ``hidden_variants: K`` a hidden check's seed is one of K, picked by the code's digest and
    the course salt; without it every digest has its own. Public seeds never change."""
    from autograder.grading.prepared import check_seed

    own = assignment.load("toy", root=toy_course)
    pooled = _with_variants(toy_course, 3)
    hidden = next(c for c in own.checks if own.settings(c).hidden)
    public = next(c for c in own.checks if not own.settings(c).hidden)
    digests = [f"code-{i}" for i in range(60)]
    assert len({check_seed(own, hidden, d) for d in digests}) == 60
    pool = {check_seed(pooled, hidden, d) for d in digests}
    assert len(pool) == 3 and not pool & {check_seed(own, hidden, d) for d in digests}
    assert check_seed(pooled, hidden, "code-1") == check_seed(pooled, hidden, "code-1")
    assert (
        {check_seed(own, public, d) for d in digests}
        == {check_seed(pooled, public, d) for d in digests}
        == {check_seed(own, public, "x")}
    )
    (toy_course / "grading.yml").write_text((toy_course / "grading.yml").read_text().replace("toy-salt", "next-term"))
    assert not pool & {check_seed(assignment.load("toy", root=toy_course), hidden, d) for d in digests}  # the salt


def test_a_run_computes_shared_expected_values_once(toy_course):
    """A session's cache keeps public checks' expected values and hidden variants', computed once
    however many submissions; a submission's own hidden inputs are not kept."""
    from autograder.grading.session import open_session

    subs = [
        toy_submission(toy_course / "subs", f"s{i}", scale=f"def scale(z):\n    return z * SCALE + {i} * 0")
        for i in range(4)
    ]
    for variants, kept_hidden in ((None, 0), (2, 2)):
        loaded = assignment.load("toy", root=toy_course) if variants is None else _with_variants(toy_course, variants)
        with open_session(loaded, root=toy_course, isolate=False) as session:
            graded = [session.grade(s) for s in subs]
        assert all(r.score == r.max_score for r in graded)
        ids = [check_id for check_id, _ in session.expected]
        assert sorted(i for i in ids if i != "double.hidden") == ["double.values", "scale.values"]
        assert ids.count("double.hidden") <= kept_hidden and (variants is None or ids.count("double.hidden") >= 1)


@pytest.mark.parametrize("value", [0, -1, 1.5, True, "8"])
def test_hidden_variants_must_be_a_whole_number_of_at_least_one(toy_course, value):
    from autograder.core import config

    grading = toy_course / "grading.yml"
    grading.write_text(grading.read_text().replace("  toy:\n", f"  toy:\n    hidden_variants: {value!r}\n"))
    with pytest.raises(config.ConfigError, match=r"assignments\.toy\.hidden_variants: expected a whole number"):
        config.load(grading)


CALLS_DOUBLE = "def scale(z):\n    return double(z) * SCALE / 2\n"


@pytest.mark.parametrize(
    "stuck, stopped_by",
    [
        ("    while True:\n        pass\n", "the worker's own alarm"),
        (  # deaf to the worker's alarm: the grader's clock stops the worker
            "    import signal\n    signal.signal(signal.SIGALRM, signal.SIG_IGN)\n    while True:\n        pass\n",
            "the grader's clock",
        ),
    ],
)
def test_a_function_that_ran_out_of_time_is_not_called_again(toy, toy_course, monkeypatch, stuck, stopped_by):
    """Neither its later checks nor those of a function calling it wait out their own limits: they
    fail at once, saying which function ran out of time, where and for how long."""
    requests = []
    real = workers.sandbox.run_worker

    def spy(request, **kw):
        requests.append([c.target for c in request.checks])
        return real(request, **kw)

    monkeypatch.setattr(workers.sandbox, "run_worker", spy)
    path = toy_submission(toy_course / "subs", "stuck", double=f"def double(x):\n{stuck}", scale=CALLS_DOUBLE)
    out = engine.grade(path, assignment=toy)
    checks = by_id(out)
    assert checks["double.values"].category == "timeout"
    assert checks["double.values"].message.startswith("double ran for more than 3 s"), stopped_by
    assert checks["scale.values"].message == (
        "not run: this check runs double, which ran for more than 3 s in double.values (an infinite loop?)"
    )
    assert checks["double.hidden"].message == (
        "double was not called again: it ran for more than 3 s in double.values (an infinite loop?)"
    )
    assert all(c.category == "timeout" and c.points == 0 for c in out.checks)
    # one wait of 3 s, not three: scale was never called, and no worker was started for the hidden check
    assert requests[0] == ["double", "scale"] and "double" not in [t for r in requests[1:] for t in r]
    assert out.seconds < 3 + 5.0 + 8
    # nothing is charged to a function that calls a function that is only slow elsewhere: scale's own check ran
    fine = toy_submission(toy_course / "subs", "fine", scale=CALLS_DOUBLE)
    assert engine.grade(fine, assignment=toy).score == 6


def test_a_skip_no_timeout_explains_is_not_taken_from_the_worker(toy, toy_course):
    """A worker that says 'skipped' for a check no earlier timeout accounts for (its code patched the
    loop) gets no message of its own: the record is tampered with."""
    patch = (
        "import autograder.sandbox.worker as _w\n"
        "_w.run_check = lambda check, ns: {'status': 'skipped'}\n"
        "def double(x):\n    return 2 * x\n"
    )
    out = by_id(engine.grade(toy_submission(toy_course / "subs", "forger", double=patch), assignment=toy))
    assert "tamper" in out["double.values"].message and out["double.values"].points == 0
