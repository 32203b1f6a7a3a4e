"""The words every writer uses for a check: the hint is joined to the message here, once."""

from autograder.core.results import CheckResult
from autograder.reports import wording


def _check(status="failed", message="f(x): expected 1, received 2", hint="add one", hidden=False):
    return CheckResult(
        "f.values", "f", status, 0.0 if status != "passed" else 2.0, 2.0, hidden, message, "values", hint
    )


def test_the_explanation_is_the_message_then_the_hint_with_one_full_stop():
    assert wording.explanation(_check()) == "f(x): expected 1, received 2. Hint: add one"
    assert wording.explanation(_check(message="was it transposed?")) == "was it transposed? Hint: add one"
    assert wording.explanation(_check(message="stopped.")) == "stopped. Hint: add one"
    assert wording.explanation(_check(hint="")) == "f(x): expected 1, received 2"
    assert wording.explanation(_check(message="")) == "add one"


def test_a_passed_check_says_nothing_even_with_a_hint():
    assert wording.explanation(_check(status="passed", message="")) == ""


def test_the_check_line_marks_points_and_hidden_checks():
    assert wording.check_line(_check()) == "FAIL 0/2 f.values"
    assert wording.check_line(_check(status="error", hidden=True), align=True) == "ERROR 0/2 f.values (hidden)"
    assert wording.check_line(_check(status="passed")) == "PASS 2/2 f.values"
    assert wording.fraction(0.5, 1.25) == "0.5/1.25"


def test_the_terminal_table_aligns_points_and_shows_the_hint_under_a_failure():
    from autograder.core.results import SubmissionResult
    from autograder.reports import textreport

    result = SubmissionResult(
        "a1", "s", 1.0, 3.0, "ok", "", [_check(), _check(status="passed", message="", hidden=True)], [], {}
    )
    lines = textreport.student_table(result).splitlines()
    assert lines[2] == "FAIL    0/2   f.values"
    assert lines[3].strip() == "f(x): expected 1, received 2. Hint: add one"
    assert lines[4] == "PASS    2/2   f.values  (hidden)"
