"""A failure that follows from another graded function's names its cause, in every writer."""

import json

import pytest

from autograder.audit.examples import reference_notebook, with_cells
from autograder.core import results
from autograder.core.results import Cause, CheckResult
from autograder.course import assignment
from autograder.grading import causes, engine
from autograder.reports import feedback, stats
from autograder.reports.wording import cause_sentence, explanation

GRADED = {"sigmoid", "logistic_forward", "logistic_gradients", "relu", "forward", "backward", "train_network"}


def graph(*cells: str) -> causes.CallGraph:
    return causes.call_graph(cells, GRADED)


def test_the_call_graph_follows_helpers_classes_and_lambdas_but_never_runs_the_code():
    g = graph(
        "import numpy as np\ndef _act(z):\n    return relu(z)\n",
        "def forward(X, params):\n    return _act(X @ params['W1'])\n",
        "class Net:\n    def call(self, x):\n        return forward(x, {})\n",
        "backward = lambda X, y, params, cache: Net().call(X)\n",
        "def train_network(X):\n    for _ in range(3):\n        backward(X, None, None, None)\n",
        "def logistic_forward(X, w, b):\n    return sigmoid(X @ w + b\n",  # does not parse: adds nothing
        "import os\nos._exit(3)\n",  # parsed, never run
    )
    assert g.direct == {"forward": ("relu",), "backward": ("forward",), "train_network": ("backward",)}
    assert g.reaches("train_network") == ("backward", "forward", "relu")
    assert g.path("train_network", "relu") == ("train_network", "backward", "forward", "relu")
    assert g.path("relu", "forward") == ()
    # a later definition replaces an earlier one, as running the cells would; a graded function that
    # is not defined at all (its cell did not parse) still counts as called
    assert graph("def forward(X, p):\n    return relu(X)\n", "def forward(X, p):\n    return X\n").direct == {}
    assert graph("def forward(X, p):\n    return relu(X)\n").reaches("forward") == ("relu",)
    # hostile sources: deep nesting, huge cells, null bytes: no graph, no crash
    for source in ("x = " + "(" * 5000 + ")" * 5000, "def forward():\n    relu\n" * 200_000, "def f(\x00):"):
        assert graph(source).direct == {} or source.startswith("def forward")


def result(id, target, status="failed", *, hidden=False, category="values", points=0.0):
    return CheckResult(id, target, status, points if status == "failed" else 1.0, 1.0, hidden, "wrong", category)


def test_the_cause_is_the_failing_function_at_the_root_of_the_chain():
    g = graph(
        "def logistic_forward(X, w, b):\n    return sigmoid(X @ w + b)\n",
        "def logistic_gradients(X, y, w, b):\n    p = logistic_forward(X, w, b)\n    return p\n",
        "def sigmoid(z):\n    return 1 / (1 + np.exp(z))\n",
        "def forward(X, p):\n    return relu(X)\n",
    )
    out = {
        r.id: r
        for r in causes.attribute(
            [
                result("sigmoid.values", "sigmoid"),
                result("sigmoid.extremes", "sigmoid", hidden=True),
                result("logistic_forward.values", "logistic_forward"),
                result("logistic_forward.unchanged", "logistic_forward", category="requires"),
                result("logistic_gradients.hidden", "logistic_gradients", hidden=True),
                result("relu.values", "relu", "passed"),
                result("forward.values", "forward"),  # relu passed: forward's failure is its own
                result("backward.values", "backward"),  # backward calls nothing; its check runs forward
            ],
            g,
            probe_calls={"backward.values": ("forward",)},
        )
    }
    assert out["sigmoid.values"].cause is None and out["forward.values"].cause is None
    assert out["logistic_forward.values"].cause == Cause(("logistic_forward", "sigmoid"), "sigmoid.values")
    assert out["logistic_forward.unchanged"].cause == out["logistic_forward.values"].cause
    assert out["logistic_gradients.hidden"].cause == Cause(
        ("logistic_gradients", "logistic_forward", "sigmoid"), "sigmoid.values"
    )
    assert out["backward.values"].cause == Cause(("forward",), "forward.values", by_check=True)
    assert [
        explanation(out[i]) for i in ("logistic_forward.values", "logistic_gradients.hidden", "backward.values")
    ] == [
        "logistic_forward calls sigmoid, which failed sigmoid.values: fix sigmoid first. wrong",
        "logistic_gradients calls logistic_forward, which calls sigmoid, which failed sigmoid.values: "
        "fix sigmoid first. wrong",
        "this check runs forward, which failed forward.values: fix forward first. wrong",
    ]
    assert all(r.points == 0 for r in out.values() if r.status == "failed")


def test_mutual_calls_and_passing_callees_give_no_cause():
    g = graph("def forward(X, p):\n    return backward(X)\n", "def backward(X):\n    return forward(X, 0)\n")
    out = causes.attribute([result("forward.values", "forward"), result("backward.values", "backward")], g)
    assert [r.cause for r in out] == [None, None]


def test_waive_gives_the_points_back_and_flags_the_submission_for_review():
    g = graph("def logistic_forward(X, w, b):\n    return sigmoid(X)\n")
    checks = [result("sigmoid.values", "sigmoid"), result("logistic_forward.values", "logistic_forward")]
    charged = causes.attribute(checks, g)
    waived = causes.attribute(checks, g, policy="waive")
    assert [r.points for r in charged] == [0, 0] and [r.points for r in waived] == [0, 1.0]
    assert waived[1].status == "failed" and not waived[1].cause.charged
    assert "not taken" in cause_sentence(waived[1].cause)
    assert causes.review_flags(charged) == []
    assert causes.review_flags(waived)[0].startswith("consequential-waived: 1 check(s)")
    with pytest.raises(ValueError, match="charge, waive"):
        causes.attribute(checks, g, policy="forgive")


def test_a_cause_survives_result_json_and_the_one_bit_view():
    r = results.one_bit(
        CheckResult("f.hidden", "f", "failed", 0, 1, True, "secret", "values", "hint", Cause(("f", "g"), "g.values"))
    )
    assert r.message == "hidden check on f failed" and r.cause == Cause(("f", "g"), "g.values")
    back = results.check_from_dict(json.loads(json.dumps(results.dataclasses.asdict(r))))
    assert back == r
    for bad in ({"path": "fg", "check": "g.values"}, {"path": [], "check": "x"}, {"path": ["f"], "check": 3}, "x"):
        assert results.check_from_dict({**results.dataclasses.asdict(r), "cause": bad}).cause is None


@pytest.fixture(scope="module")
def sigmoid_sign(root, tmp_path_factory):
    """a1 graded with a sign error in sigmoid and a syntax error in relu, written as grade writes it."""
    loaded = assignment.load("a1_perceptron", root=root)
    nb = with_cells(
        reference_notebook(loaded.source, loaded.release),
        {
            "sigmoid": "def sigmoid(z):\n    return 1 / (1 + np.exp(z))\n",
            "relu": "def relu(z):\n    return np.maximum(0, z\n",
        },
    )
    folder = tmp_path_factory.mktemp("causes")
    path = folder / "alice.ipynb"
    path.write_text(json.dumps(nb))
    graded = engine.grade(path, assignment=loaded)
    written = results.write(graded, folder / "out" / "alice" / "a1_perceptron" / results.RESULT_FILE)
    return graded, written


def test_a1_names_sigmoid_and_relu_as_the_causes(sigmoid_sign):
    graded, _ = sigmoid_sign
    by_id = {c.id: c for c in graded.checks}
    assert explanation(by_id["logistic_forward.values"]).startswith(
        "logistic_forward calls sigmoid, which failed sigmoid.values: fix sigmoid first. logistic_forward(X (7, 4)"
    )
    assert explanation(by_id["forward.values"]).startswith("forward calls relu, which failed relu.values: fix relu")
    assert by_id["backward.values"].cause == Cause(("forward", "relu"), "relu.values", by_check=True)
    assert by_id["relu.values"].message == (
        "'relu' is not defined: its cell 'relu' did not run (fix the error reported for that cell)"
    )
    assert by_id["sigmoid.values"].cause is None and by_id["relu.values"].cause is None


def test_every_writer_says_the_cause_and_puts_the_notebook_problems_first(sigmoid_sign, tmp_path):
    from autograder.integrations.gradescope.results import to_gradescope
    from autograder.reports import html
    from autograder.reports.textreport import student_table

    graded, written = sigmoid_sign
    said = "logistic_forward calls sigmoid, which failed sigmoid.values: fix sigmoid first"
    problem = "cell &#39;relu&#39; was not run: SyntaxError"
    full = results.read_full(written)
    student = results.read(written)
    pages = {
        "terminal": student_table(results.student_view(graded)),
        "student page": feedback.render_student(student),
        "staff page": feedback.render_staff(full, full.staff),
        "TA report": html.render(stats.summarize("a1_perceptron", [full]), [full]),
        "gradescope": json.dumps(to_gradescope(graded)),
    }
    for where, text in pages.items():
        text = text.replace("\\u0027", "'").replace("&#39;", "'")
        if where == "TA report":  # its section on the submission, after the class's tables
            text = text[text.index('<section class="submission"') :]
        assert said in text, where
        first_problem = text.find("cell 'relu' was not run: SyntaxError")
        assert first_problem >= 0, where
        assert first_problem < text.find("sigmoid.values") or where == "gradescope", where
    assert problem.replace("&#39;", "'") in pages["terminal"]
    # the TA's item analysis groups the consequences under their cause
    summary = stats.summarize("a1_perceptron", [full])
    check = next(c for c in summary.checks if c.id == "logistic_forward.values")
    assert check.n_consequential == 1
    assert check.failures[0].pattern == "after sigmoid.values failed (fix sigmoid first)"
