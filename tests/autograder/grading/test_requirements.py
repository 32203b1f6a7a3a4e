"""A passed check whose required check failed earns nothing, and its message names whose fault that is."""

from autograder.checks import Check
from autograder.core.results import CheckResult
from autograder.grading import causes
from autograder.grading.engine import apply_requirements


def _check(cid, requires=()):
    return Check(cid, cid.split(".")[0], "what", lambda rng: {}, requires=requires)


def _result(cid, status):
    return CheckResult(cid, cid.split(".")[0], status, 1.0 if status == "passed" else 0.0, 1.0, False)


def test_a_requirement_on_another_function_names_that_function():
    checks = [_check("loss.values"), _check("grads.numeric", requires=("loss.values",))]
    out = apply_requirements([_result("loss.values", "failed"), _result("grads.numeric", "passed")], checks)
    assert (out[1].status, out[1].points, out[1].category) == ("failed", 0.0, causes.REQUIRES)
    assert out[1].message == (
        "not counted: this check earns its points only when loss.values passes, which did not: fix loss first"
    )


def test_several_failed_requirements_are_all_named_once_per_function():
    checks = [
        _check("f.values"),
        _check("g.values"),
        _check("f.hidden"),
        _check("h.numeric", requires=("f.values", "f.hidden", "g.values")),
    ]
    results = [_result(c, "failed") for c in ("f.values", "g.values", "f.hidden")] + [_result("h.numeric", "passed")]
    message = apply_requirements(results, checks)[3].message
    assert message.endswith("f.values, f.hidden, g.values pass, which did not: fix f, g first")


def test_a_passed_requirement_changes_nothing():
    checks = [_check("f.values"), _check("f.unchanged", requires=("f.values",))]
    results = [_result("f.values", "passed"), _result("f.unchanged", "passed")]
    assert apply_requirements(results, checks) == results
