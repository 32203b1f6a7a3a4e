"""The words every writer uses for a check: the hint is joined to the message here, once."""

import dataclasses

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


def _submission(status="ok", message="", problems=(), checks=None):
    from autograder.core.results import SubmissionResult

    return SubmissionResult("a1", "alice", 0.0, 2.0, status, message, checks or [_check()], list(problems), {})


def test_the_notebook_problems_come_first_and_a_repeated_reason_once():
    note = "cell 'relu' was not run: SyntaxError"
    assert wording.notes(_submission(message="1 check(s) stopped", problems=[note])) == [note, "1 check(s) stopped"]
    unreadable = "alice.ipynb: not valid notebook JSON (line 1)"
    assert wording.notes(_submission("invalid", unreadable, [unreadable])) == [unreadable]
    assert wording.notes(_submission()) == []


def test_the_terminal_says_the_notebook_problem_before_the_checks_and_an_unread_notebook_by_its_reason():
    from autograder.reports.textreport import scores_table, student_table

    text = student_table(_submission(problems=["cell 'relu' was not run: SyntaxError"]))
    assert text.index("note: cell 'relu' was not run") < text.index("f.values")
    unreadable = "alice.ipynb: not valid notebook JSON (line 1)"
    many = [_check() for _ in range(63)]
    table = scores_table([_submission("invalid", unreadable, [unreadable], checks=many)])
    assert "not graded: alice.ipynb: not valid notebook JSON (line 1)" in table and "f.values" not in table
    assert student_table(_submission("invalid", unreadable, [unreadable])).count(unreadable) == 1


def test_a_cause_comes_before_the_message_unless_the_message_names_it():
    from autograder.core.results import Cause

    caused = dataclasses.replace(_check(), cause=Cause(("f", "g"), "g.values"))
    assert wording.explanation(caused) == (
        "f calls g, which failed g.values: fix g first. f(x): expected 1, received 2. Hint: add one"
    )
    chain = dataclasses.replace(caused, cause=Cause(("f", "g", "h"), "h.values", by_check=False))
    assert wording.explanation(chain).startswith("f calls g, which calls h, which failed h.values: fix h first.")
    probe = dataclasses.replace(caused, cause=Cause(("g",), "g.values", by_check=True))
    assert wording.explanation(probe).startswith("this check runs g, which failed g.values: fix g first.")
    said = dataclasses.replace(caused, message="not run: this check runs g, which ran for more than 3 s in g.values")
    assert wording.explanation(said) == said.message + ". Hint: add one"
