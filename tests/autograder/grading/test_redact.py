"""Hidden values and names are masked in text built from what a worker sent back."""

import numpy as np

from autograder.grading import redact


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
