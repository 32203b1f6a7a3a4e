"""The notebook's self-check: every function named is checked, one summary, then a failure if any."""

from __future__ import annotations

import numpy as np
import pytest

from autograder.course import assignment
from autograder.integrations import selfcheck
from autograder.release import generate as release


@pytest.fixture()
def toy_release(toy_course):
    loaded = assignment.load("toy", root=toy_course)
    folder = toy_course / "assignments" / "toy"
    release.write_fixtures(folder / assignment.FIXTURES, release.fixtures(loaded))
    return folder


def _namespace(double_source: str) -> dict:
    ns = {"np": np, "SCALE": 3.0}
    exec(double_source, ns)
    exec("def scale(z):\n    return z * SCALE\n", ns)
    return ns


def test_a_failing_function_does_not_hide_the_next_ones(toy_release, capsys):
    ns = _namespace("def double(x):\n    return 3 * x\n")
    with pytest.raises(
        AssertionError, match=r"1 public check\(s\) failed:\ndouble.values: double\(x\) for x of shape \(3, 2\)"
    ):
        selfcheck.check("double", "scale", namespace=ns, folder=toy_release)
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "FAIL  double  0/1 public checks"
    assert out[1].startswith("      double.values: double(x) for x of shape (3, 2): values differ")
    assert out[2:] == [
        "PASS  scale   1/1 public checks",
        "self-check: 1 of 2 functions pass their public checks (1 of 2 checks)",
    ]


def test_all_passing_returns_none(toy_release, capsys):
    assert (
        selfcheck.check(
            "double", "scale", namespace=_namespace("def double(x):\n    return 2 * x\n"), folder=toy_release
        )
        is None
    )
    assert capsys.readouterr().out.endswith("self-check: 2 of 2 functions pass their public checks (2 of 2 checks)\n")


def test_unknown_function_is_named(toy_release):
    with pytest.raises(ValueError, match="no public check for 'triple'"):
        selfcheck.check("double", "triple", namespace={}, folder=toy_release)
