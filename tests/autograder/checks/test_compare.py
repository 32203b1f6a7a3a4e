import numpy as np

from autograder.checks.compare import compare_arrays, compare_scalar, compare_values, rel_error
from autograder.core.tolerance import Tolerance

TOL = Tolerance(1e-7, 1e-9)


def test_shape_is_checked_before_values():
    out = compare_arrays("h_t", np.zeros((6, 3)), np.zeros((3, 6)), tol=TOL)
    assert (out.passed, out.category) == (False, "shape")
    assert out.message == "h_t: expected shape (3, 6), received (6, 3) (transposed?)"


def test_dtype_then_values():
    out = compare_arrays("mask", np.ones(3, dtype=bool), np.ones(3), tol=TOL)
    assert out.category == "dtype" and "expected dtype float64, received bool" in out.message
    out = compare_arrays("y", np.array([1.0, 2.0, 3.5]), np.array([1.0, 2.0, 3.0]), tol=TOL)
    assert out.category == "values" and "index (2,)" in out.message and "expected 3, received 3.5" in out.message


def test_float32_precision_loss_is_a_dtype_failure_at_tight_tolerance():
    out = compare_arrays("z", np.ones(2, dtype=np.float32), np.ones(2), tol=TOL)
    assert out.category == "dtype"
    assert compare_arrays("z", np.ones(2, dtype=np.float32), np.ones(2), tol=Tolerance(1e-4, 1e-5)).passed


def test_tolerance_scales_atol_by_magnitude():
    e = np.array([1000.0, 0.0])
    assert compare_arrays("x", e + [0, 5e-7], e, tol=Tolerance(0, 1e-9)).passed
    assert not compare_arrays("x", e + [0, 5e-6], e, tol=Tolerance(0, 1e-9)).passed


def test_nan_must_match():
    assert compare_arrays("x", np.array([np.nan, 1.0]), np.array([np.nan, 1.0]), tol=TOL).passed
    assert not compare_arrays("x", np.array([np.nan, 1.0]), np.array([0.0, 1.0]), tol=TOL).passed


def test_an_infinite_expected_value_does_not_widen_the_tolerance_of_the_others():
    assert compare_arrays("x", np.array([np.inf, 1.0]), np.array([np.inf, 1.0]), tol=TOL).passed
    assert not compare_arrays("x", np.array([np.inf, 3.0]), np.array([np.inf, 1.0]), tol=TOL).passed
    assert compare_arrays("x", np.array(np.nan), np.array(np.nan), tol=TOL).passed  # all-NaN: no warning, passes


def test_scalar_must_be_scalar():
    out = compare_scalar("loss", np.ones(7), 1.0, tol=TOL)
    assert out.message == "loss: expected a scalar, received an array of shape (7,) (reduce over all axes?)"
    assert compare_scalar("loss", np.float64(2.0) + np.zeros(()), 2.0, tol=TOL).passed
    assert not compare_scalar("loss", True, 1.0, tol=TOL).passed


def test_nested_values_name_the_path():
    out = compare_values("grads", {"dW": np.zeros(2), "db": 1.0}, {"dW": np.ones(2), "db": 1.0}, tol=TOL)
    assert out.message.startswith("grads['dW']: values differ")
    assert compare_values("f", None, np.zeros(2), tol=TOL).message.endswith("None (did the function forget to return?)")


def test_rel_error():
    assert rel_error(np.array([1.0]), np.array([1.0])) == 0
    assert abs(rel_error(np.array([1.0]), np.array([3.0])) - 0.5) < 1e-12


def test_a_probes_value_key_is_reported_as_the_value_itself():
    import numpy as np

    from autograder.checks.compare import compare_values
    from autograder.core.tolerance import Tolerance

    out = compare_values(
        "log_perplexity_tf(logits, targets)",
        {"value": np.array(2.5), "is_tensor": True},
        {"value": np.array(3.25), "is_tensor": True},
        tol=Tolerance(1e-7, 1e-9),
    )
    assert not out.passed and "['value']" not in out.message
    assert (
        out.message.startswith("log_perplexity_tf(logits, targets): values differ")
        and "expected 3.25, received 2.5" in out.message
    )
    params = compare_values("init_params(...)", {"W1": np.zeros(2)}, {"W1": np.ones(2)}, tol=Tolerance(1e-7, 1e-9))
    assert "init_params(...)['W1']" in params.message  # a student's own dict keeps its keys
