"""Hidden values and names are masked in text built from what a worker sent back."""

import json
from pathlib import Path

import numpy as np
import pytest

from autograder.audit.examples import reference_notebook, with_cells
from autograder.course import assignment, notebook
from autograder.course.testfiles import PytestCheck
from autograder.grading import engine, redact


def test_numbers_at_any_precision_strings_and_names_are_masked():
    x = np.array([[-1234.56789, 0.000123456], [3.14159265, 42.0]])
    r = redact.redactor(
        values=[{"x": x, "text": "the quick brown fox jumps over"}, np.float64(7.77777)],
        names=["double.hidden", "hidden_probe"],
    )
    for leak in (
        "-1234.56789",
        "-1234.57",
        "-1234.6",
        "-1235",
        "1234",
        "1.23457e+03",
        "0.000123456",
        "1.235e-04",
        "3.14159",
        "3.142",
        "7.778",
        "quick brown fox ju",
        "double.hidden",
        "hidden_probe",
    ):
        shown = r(f"ValueError: got {leak} here")
        assert leak not in shown and redact.MASK in shown and shown.startswith("ValueError: got"), (leak, shown)
    assert r(repr(x.tolist())).count(redact.MASK) >= 3


def test_short_and_unrelated_numbers_stay():
    r = redact.redactor(values=[np.array([0.5, 2.0, 123.456])], names=["ab"])
    text = "expected shape (3, 2), received 0.5 and 2 and 124.9 after 600 MB; ab"
    assert r(text) == text


def test_exception_names_only_from_builtins_or_the_code():
    assert redact.exception_name("ValueError", code="") == "ValueError"
    assert redact.exception_name("MyError", code="class MyError(Exception): pass") == "MyError"
    assert redact.exception_name("E_1234_5678", code="type('E_' + s, (Exception,), {})") == "an exception"
    assert redact.exception_name("bad name!", code="bad name!") == "an exception"


def test_what_the_student_can_read_is_never_masked_and_hidden_text_around_it_is():
    code = (
        "def relu(z):\n    return np.maximum(0, z)\n"
        "MODE = 'concatenates'\nSTEPS = 1234.5678\n"
        'CORPUS = "so long: the quick brown fox jumps over the lazy dog, and more"\n'
    )
    shown = redact.public_tokens([code, "relu"])
    r = redact.redactor(
        values=[{"fn": "relu", "mode": "concat", "text": "the quick brown fox jumps over"}, 1234.5678, 98.7654321],
        names=["relu", "relu.unchanged"],
        public=shown,
    )
    for text in (
        "forward raised NameError: name 'relu' is not defined (line 13 of cell 'forward')",
        "cell 'relu' was not run: SyntaxError: '(' was never closed (line 2 of cell 'relu')",
        "merge mode 'concatenates' after 1234.5678 steps",
    ):
        assert r(text) == text
    # hidden and not a token the student can read: still masked, also right next to public tokens
    for leak in ("concat", "relu.unchanged", "98.7654", "the quick brown fox jumps over", "quick brown fox jum"):
        shown_text = r(f"relu got {leak} here")
        assert leak not in shown_text and redact.MASK in shown_text and shown_text.startswith("relu got"), (
            leak,
            shown_text,
        )
    # pasting a corpus into a cell uncovers nothing: the long hidden text is no token of the code
    assert "quick brown" not in r("relu: 'the quick brown fox jumps over'")


ASSIGNMENTS = sorted(p.parent.name for p in (Path(__file__).parents[3] / "solutions").glob("*/hidden_checks.py"))


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_every_name_the_release_and_the_reference_show_survives_the_real_redactor(root, name):
    """Built from the assignment's own names: every identifier, word, number, quoted string, cell
    id and grade id of the release and the reference's code, in the messages a student reads."""
    loaded = assignment.load(name, root=root)
    hidden = [c for c in engine.select_checks(loaded) if loaded.settings(c).hidden and not isinstance(c, PytestCheck)]
    prepared = engine.prepare(loaded, hidden, digest="names", reference=engine.reference_namespace(loaded))
    code = notebook.submission_cells(reference_notebook(loaded.source, loaded.release), loaded.release).cells
    r = engine.hidden_redactor(loaded, prepared, code=code)
    unmasked = engine.hidden_redactor(loaded, prepared)  # the release alone: what every student reads
    tokens = redact.public_tokens(notebook.release_texts(loaded.release))
    code_tokens = redact.public_tokens(c.source for c in code)
    assert {c.id for c in code} <= tokens and len(tokens) > 300
    for token in sorted(tokens | code_tokens):
        for text in (f"name '{token}' is not defined", f"cell '{token}' was not run (line 2 of cell '{token}')"):
            assert r(text) == text, (token, r(text))
            if token in tokens:
                assert unmasked(text) == text, (token, unmasked(text))
    secret = [s for s in r.strings if s not in tokens | code_tokens] or [f"{v:.6g}" for v in r.values if abs(v) > 1.001]
    if secret:  # and the hidden values the student cannot read are still masked
        assert redact.MASK in r(f"got {secret[0]} here")


def test_a_syntax_error_in_relu_is_reported_with_relu_in_it(root, tmp_path):
    """a1: a hidden check's expected model configuration holds the string 'relu'; the student's own
    function and cell names must still be shown."""
    loaded = assignment.load("a1_perceptron", root=root)
    nb = with_cells(
        reference_notebook(loaded.source, loaded.release), {"relu": "def relu(z):\n    return np.maximum(0, z\n"}
    )
    path = tmp_path / "relu_syntax.ipynb"
    path.write_text(json.dumps(nb))
    result = engine.grade(path, assignment=loaded)
    assert result.problems == [
        "cell 'relu' was not run: SyntaxError: '(' was never closed (line 2 of cell 'relu'); fix that line "
        "(nothing in the cell is defined until then)"
    ]
    forward = next(c for c in result.checks if c.id == "forward.values")
    assert "name 'relu' is not defined" in forward.message and redact.MASK not in forward.message
    assert not any(redact.MASK in c.message for c in result.checks)
