"""The assertion helpers for checks written as pytest tests (autograder.checks.testing)."""

import numpy as np
import pytest

from autograder.checks.testing import CheckAssertion, assert_dtype, assert_gradient, assert_shape, assert_values
from autograder.core.tolerance import Tolerance


def test_values_pass_and_fail_with_what_was_expected_and_received():
    assert_values("f(x)", np.array([1.0, 2.0]), np.array([1.0, 2.0 + 1e-12]), tol=Tolerance(1e-7, 1e-9))
    with pytest.raises(CheckAssertion) as err:
        assert_values("f(x)", np.array([1.0, 2.5]), np.array([1.0, 2.0]))
    assert err.value.category == "values"
    assert "f(x): values differ at 1 of 2 positions" in str(err.value) and "expected 2, received 2.5" in str(err.value)
    with pytest.raises(CheckAssertion) as err:
        assert_values("f(x)", [1.0], np.array([1.0]))
    assert err.value.category == "type"


def test_shape_and_dtype():
    assert_shape("h", np.zeros((2, 3)), (2, 3))
    with pytest.raises(CheckAssertion, match=r"h: expected shape \(3, 2\), received \(2, 3\)") as err:
        assert_shape("h", np.zeros((2, 3)), (3, 2))
    assert err.value.category == "shape"
    assert_dtype("h", np.zeros(2), np.float64)
    with pytest.raises(CheckAssertion, match="h: expected dtype float64, received float32"):
        assert_dtype("h", np.zeros(2, dtype=np.float32), np.float64)
    with pytest.raises(CheckAssertion, match="received the number 1") as err:
        assert_dtype("h", 1.0, np.float64)
    assert err.value.category == "type"


def test_gradient_against_finite_differences():
    x = np.array([[0.5, -1.0], [2.0, 0.25]])
    assert_gradient("d/dx sum(x**3)", lambda v: float(np.sum(v**3)), x, 3 * x**2)
    with pytest.raises(CheckAssertion, match="relative error") as err:
        assert_gradient("d/dx sum(x**3)", lambda v: float(np.sum(v**3)), x, 2 * x**2)
    assert err.value.category == "values"
    with pytest.raises(CheckAssertion) as err:
        assert_gradient("d/dx sum(x**3)", lambda v: float(np.sum(v**3)), x, (3 * x**2).ravel())
    assert err.value.category == "shape"


def test_against_differences_differentiates_each_argument_on_fresh_copies():
    import numpy as np

    from autograder.checks.gradcheck import against_differences

    base = {"a": np.array([1.0, -2.0]), "b": np.array([3.0, 0.5])}

    def loss(q):  # edits its inputs in place, which must not reach the next evaluation
        value = float(np.sum(q["a"] ** 2 * q["b"]))
        q["a"] += 100.0
        return value

    out = against_differences(
        loss, base, {"da": 2 * base["a"] * base["b"], "db": base["a"] ** 2}, {"a": "da", "b": "db"}
    )
    assert np.allclose(out["analytic"], out["numeric"], rtol=1e-7)
    assert out["numeric"].shape == (4,) and base["a"].tolist() == [1.0, -2.0]
