"""The benchmark's peers: checks written as plain asserts must grade like the grader."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.peers import asserts, generate  # noqa: E402


@pytest.mark.parametrize(
    "value",
    [
        np.arange(6, dtype=np.float64).reshape(2, 3) / 7,
        np.array([1, 2, 3], dtype=np.int32),
        np.zeros((0, 2), dtype=np.int64),
        np.array([np.nan, np.inf, -np.inf, 0.5]),
        np.array(["a", "bc"]),
        np.array(True),
        3,
        0.1,
        "text",
        None,
        {"W1": np.eye(2), "list": [1, (2.5, "x")]},
    ],
)
def test_literal_round_trips(value):
    back = eval(asserts.literal(value), {"np": np})
    if isinstance(value, np.ndarray):
        assert back.dtype == value.dtype and back.shape == value.shape
        np.testing.assert_array_equal(back, value)
    elif isinstance(value, dict):
        assert set(back) == set(value) and back["list"] == value["list"]
        np.testing.assert_array_equal(back["W1"], value["W1"])
    else:
        assert back == value and type(back) is type(value)


def _passes(lines: list[str], received) -> bool:
    try:
        exec("\n".join(lines), {"np": np, "received": received})
    except AssertionError:
        return False
    return True


def test_value_asserts_follow_the_graders_rules():
    expected = np.array([[0.5, 1.0], [2.0, 3.0]])
    lines = asserts.value_asserts("received", expected, rtol=1e-7, atol=1e-9)
    assert _passes(lines, expected.copy())
    assert _passes(lines, expected * (1 + 1e-9))
    assert not _passes(lines, expected * (1 + 1e-5)), "outside rtol"
    assert not _passes(lines, expected.T.copy()[:, :1]), "wrong shape"
    mask = np.array([0.0, 1.0, 1.0, 0.0])
    assert not _passes(asserts.value_asserts("received", mask, rtol=1e-5, atol=1e-9), mask > 0.5), (
        "booleans for floats (equal values): the grader fails the dtype"
    )
    assert not _passes(lines, expected.astype(np.float32)), "precision lost at rtol 1e-7"
    assert not _passes(lines, expected.tolist()), "a list is not an array"
    scalar = asserts.value_asserts("received", 2.0, rtol=1e-7, atol=1e-9)
    assert _passes(scalar, 2.0) and _passes(scalar, np.float64(2.0)) and not _passes(scalar, True)
    assert not _passes(scalar, np.array([2.0])), "an array of one number is not a scalar"


def _exec_checks(spec, namespace: dict) -> dict[str, bool]:
    exec(asserts.HELPERS, namespace)
    out = {}
    for w in spec.written:
        try:
            exec(generate._body_with_requirements(spec, w), namespace)
            out[w.id] = True
        except AssertionError:
            out[w.id] = False
    return out


def test_generated_asserts_pass_the_reference_and_fail_a_mistake(toy_course):
    spec = generate.build("toy", root=toy_course)
    assert spec.ids == ["double.values", "scale.values", "double.hidden"] and not spec.unsupported
    reference = {"np": np, "SCALE": 3.0, "double": lambda x: 2 * x, "scale": lambda z: z * 3.0}
    assert all(_exec_checks(spec, reference).values())
    wrong = {"np": np, "SCALE": 3.0, "double": lambda x: x + x + 1, "scale": lambda z: z * 3.0}
    assert _exec_checks(spec, wrong) == {"double.values": False, "scale.values": True, "double.hidden": False}


def test_the_nbgrader_layout_has_one_grade_cell_per_check_and_hides_hidden_asserts(toy_course):
    spec = generate.build("toy", root=toy_course)
    nb = json.loads((toy_course / "solutions" / "toy" / "toy.ipynb").read_text())
    nb["cells"].append(
        {
            "cell_type": "code",
            "metadata": {
                "nbgrader": {"grade": True, "grade_id": "grade_double", "points": 4, "locked": True, "solution": False}
            },
            "source": "grade('double')",
            "outputs": [],
            "execution_count": None,
        }
    )
    source = generate.to_assert_layout(nb, spec, with_hidden=True)
    student = generate.to_assert_layout(nb, spec, with_hidden=False)
    grades = {
        c["metadata"]["nbgrader"]["grade_id"]: c for c in source["cells"] if c["metadata"]["nbgrader"].get("grade")
    }
    assert set(grades) >= {"test_double__values", "test_double__hidden"} and "grade_double" not in grades
    assert grades["test_double__hidden"]["metadata"]["nbgrader"]["points"] == 3
    assert generate.HIDDEN_BEGIN in grades["test_double__hidden"]["source"]
    hidden_student = next(
        c for c in student["cells"] if c["metadata"]["nbgrader"].get("grade_id") == "test_double__hidden"
    )
    assert "assert" not in hidden_student["source"], "a student's copy must not carry the hidden asserts"


def test_otter_test_files_are_exception_based(toy_course, tmp_path):
    spec = generate.build("toy", root=toy_course)
    text = generate.otter_test_file(spec, spec.written[0])
    scope: dict = {}
    otter = pytest.importorskip("otter.test_files")  # only in bench/.venv-peers
    exec(text, scope)
    assert scope["OK_FORMAT"] is False and isinstance(scope["check"], otter.test_case)
