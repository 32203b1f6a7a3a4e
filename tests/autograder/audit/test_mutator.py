"""The mutator on small functions: which edits it makes, their ids, and that the rest is untouched."""

from __future__ import annotations

import textwrap

import pytest

from autograder.audit import mutator


def _mutants(source: str, function: str = "f") -> list[mutator.Mutant]:
    return mutator.mutate(textwrap.dedent(source), function=function)


def _sources(source: str, operator: str) -> set[str]:
    return {m.source for m in _mutants(source) if m.operator == operator}


def _run(source: str, name: str = "f"):
    import numpy as np

    ns: dict = {"np": np}
    exec(compile(source, "<test>", "exec"), ns)
    return ns[name]


def test_arithmetic_operator_is_swapped_and_the_rest_of_the_cell_kept():
    src = "def f(a, b):\n    # add them\n    return a + b  # sum\n"
    got = _sources(src, "binop")
    assert got == {"def f(a, b):\n    # add them\n    return a - b  # sum\n"}


def test_power_division_and_matmul_have_mutants():
    src = "def f(a, b):\n    return (a ** 2) / b @ a\n"
    got = _sources(src, "binop")
    assert "def f(a, b):\n    return (a * 2) / b @ a\n" in got
    assert "def f(a, b):\n    return (a ** 2) * b @ a\n" in got
    assert "def f(a, b):\n    return (a ** 2) // b @ a\n" in got
    assert "def f(a, b):\n    return (a ** 2) / b * a\n" in got


def test_comparisons_get_their_boundary_and_their_opposite():
    src = "def f(z):\n    return z > 0\n"
    got = _sources(src, "compare")
    assert got == {"def f(z):\n    return z >= 0\n", "def f(z):\n    return z <= 0\n"}
    assert _sources("def f(a, b):\n    return a is not b\n", "compare") == {"def f(a, b):\n    return a is b\n"}


def test_boolean_operators_and_not():
    src = "def f(a, b):\n    return not (a and b)\n"
    assert "def f(a, b):\n    return not (a or b)\n" in _sources(src, "boolop")
    assert _sources(src, "unary") == {"def f(a, b):\n    return (a and b)\n"}


def test_unary_minus_dropped_keeps_precedence():
    src = "def f(a, b):\n    return a * -(b + 1)\n"
    got = _sources(src, "unary")
    assert got == {"def f(a, b):\n    return a * (b + 1)\n"}
    assert _run(got.pop())(2, 3) == 8


def test_constants():
    assert _sources("def f(x):\n    return x + 1\n", "constant") == {
        "def f(x):\n    return x + 0\n",
        "def f(x):\n    return x + 2\n",
    }
    assert _sources("def f(x):\n    return x * 0.5\n", "constant") == {
        "def f(x):\n    return x * 1.0\n",
        "def f(x):\n    return x * 0.25\n",
    }
    assert _sources("def f(x):\n    return x if True else 0\n", "constant") >= {
        "def f(x):\n    return x if False else 0\n"
    }
    assert _sources("def f(x):\n    return x + 'a'\n", "constant") == {"def f(x):\n    return x + 'XXaXX'\n"}


def test_docstrings_raise_messages_and_fstrings_are_not_mutated():
    src = '''
    def f(x):
        """Doubles x (1 line)."""
        if x is None:
            raise ValueError(f"x is {x}, expected 1 number")
        return 2 * x
    '''
    for m in _mutants(src):
        assert '"""Doubles x (1 line)."""' in m.source
        assert 'raise ValueError(f"x is {x}, expected 1 number")' in m.source


def test_axis_and_keepdims():
    src = "def f(z):\n    return np.sum(z, axis=-1, keepdims=True)\n"
    axes = _sources(src, "axis")
    assert axes == {f"def f(z):\n    return np.sum(z, axis={a}, keepdims=True)\n" for a in ("0", "1", "None")}
    assert _sources(src, "keepdims") == {"def f(z):\n    return np.sum(z, axis=-1, keepdims=False)\n"}
    # an axis given by a name gets no axis mutant (and no error)
    assert not _sources("def f(z, k):\n    return np.sum(z, axis=-k)\n", "axis")
    # the constant inside axis=-1 is left to the axis operator (no axis=-0, axis=-2 duplicates)
    assert not any("axis=-2" in m.source or "axis=-0" in m.source for m in _mutants(src))


def test_indexing_and_slicing():
    assert _sources("def f(h):\n    return h[-1]\n", "index") == {"def f(h):\n    return h[0]\n"}
    assert _sources("def f(h):\n    return h[1:]\n", "slice") == {"def f(h):\n    return h[:-1]\n"}
    assert _sources("def f(h):\n    return h[:-1]\n", "slice") == {"def f(h):\n    return h[1:]\n"}
    assert _sources("def f(h):\n    return h[::-1]\n", "slice") == {"def f(h):\n    return h[:]\n"}
    assert _sources("def f(h, n):\n    return h[:n]\n", "slice-bound") == {
        "def f(h, n):\n    return h[:n + 1]\n",
        "def f(h, n):\n    return h[:n - 1]\n",
    }


def test_dropped_statements_and_returns():
    src = "def f(x):\n    y = x * 2\n    y += 1\n    return y\n"
    dropped = _sources(src, "drop-stmt")
    assert "def f(x):\n    pass\n    y += 1\n    return y\n" in dropped
    assert "def f(x):\n    y = x * 2\n    pass\n    return y\n" in dropped
    returns = _sources(src, "return")
    assert returns == {
        "def f(x):\n    y = x * 2\n    y += 1\n    return None\n",
        "def f(x):\n    y = x * 2\n    y += 1\n    return x\n",
    }


def test_in_place_variants():
    src = "def f(x, y):\n    x = x.copy()\n    z = np.array(y)\n    x = x + z\n    return x\n"
    got = _sources(src, "in-place")
    assert "def f(x, y):\n    x = x\n    z = np.array(y)\n    x = x + z\n    return x\n" in got
    assert "def f(x, y):\n    x = x.copy()\n    z = y\n    x = x + z\n    return x\n" in got
    assert "def f(x, y):\n    x = x.copy()\n    z = np.array(y)\n    x += z\n    return x\n" in got
    import numpy as np

    a = np.ones(3)
    (in_place,) = _sources("def f(x, y):\n    x = x + y\n    return x\n", "in-place")
    _run(in_place)(a, np.ones(3))
    assert a.tolist() == [2.0, 2.0, 2.0]  # the mutant really edits its input
    # a copy of a new value (not of a variable) is not a copy of an input: no mutant
    assert not _sources("def f(x):\n    return np.array([0] + x)\n", "in-place")


def test_swapped_arguments_and_functions_and_transpose():
    src = "def f(a, b):\n    return np.maximum(a, b).T @ np.transpose(b)\n"
    ms = _mutants(src)
    got = {m.operator: set() for m in ms}
    for m in ms:
        got[m.operator].add(m.source)
    assert "def f(a, b):\n    return np.maximum(b, a).T @ np.transpose(b)\n" in got["swap-args"]
    assert "def f(a, b):\n    return np.minimum(a, b).T @ np.transpose(b)\n" in got["swap-function"]
    assert got["transpose"] == {
        "def f(a, b):\n    return np.maximum(a, b) @ np.transpose(b)\n",
        "def f(a, b):\n    return np.maximum(a, b).T @ b\n",
    }
    assert "def f(a, b):\n    return tf.reduce_mean(a)\n" in _sources(
        "def f(a, b):\n    return tf.reduce_sum(a)\n", "swap-function"
    )


def test_ids_are_stable_unique_and_name_the_place():
    src = "def f(x):\n    return x + 1\n"
    first = _mutants(src)
    assert len({m.id for m in first}) == len(first)
    m = next(m for m in first if m.operator == "binop")
    assert m.id.startswith("f/binop@2:11#") and m.line == 2 and m.col == 11
    # code added on another line leaves the ids of the mutants on this line unchanged, but for the line number
    shifted = _mutants("def f(x):\n    x = x\n    return x + 1\n")
    hashes = {m.id.split("#")[1] for m in first}
    assert hashes <= {m.id.split("#")[1] for m in shifted}
    assert {m.id for m in _mutants(src)} == {m.id for m in first}


def test_every_mutant_differs_from_the_original_and_compiles():
    src = """
    def f(z, axis=-1):
        shifted = z - np.max(z, axis=-1, keepdims=True)
        e = np.exp(shifted)
        out = []
        for i in range(len(e) - 1):
            if e[i].sum() >= 0 and not i == 3:
                out.append(e[i] / e[i].sum())
        return out
    """
    ms = _mutants(src)
    assert len(ms) > 20
    assert all(m.compiles for m in ms)
    assert len({m.source for m in ms}) == len(ms)
    assert all(m.source != textwrap.dedent(src) for m in ms)


def test_diff_shows_only_the_edit():
    src = "def f(a, b):\n    c = a\n    return a + b\n"
    m = next(m for m in _mutants(src) if m.operator == "binop")
    diff = m.diff(src)
    assert "-    return a + b\n" in diff and "+    return a - b\n" in diff
    assert "c = a" in diff  # one line of context
    assert diff.count("\n-") == 1


def test_a_cell_that_does_not_parse_is_an_error():
    with pytest.raises(SyntaxError):
        mutator.mutate("def f(:\n", function="f")


def test_results_written_into_the_input_with_out():
    src = "def f(v, lo):\n    return np.clip(v, -lo, lo)\n"
    (got,) = [m.source for m in _mutants(src) if m.description.endswith("(out=)")]
    assert got == "def f(v, lo):\n    return np.clip(v, -lo, lo, out=v)\n"
    import numpy as np

    v = np.array([-3.0, 0.5, 3.0])
    _run(got)(v, 1.0)
    assert v.tolist() == [-1.0, 0.5, 1.0]  # the mutant clips its input in place
    assert not [m for m in _mutants("def f(v):\n    return np.exp(v, out=None)\n") if "(out=)" in m.description]
    assert not [m for m in _mutants("def f(v):\n    return np.exp(v + 1)\n") if "(out=)" in m.description]
    # only into the caller's data: not into a local temporary, nor into a copy made by integer indexing
    assert not [m for m in _mutants("def f(v):\n    w = v - 1\n    return np.exp(w)\n") if "(out=)" in m.description]
    assert not [m for m in _mutants("def f(v, i):\n    return np.log(v[i, 0])\n") if "(out=)" in m.description]
    assert [m for m in _mutants("def f(v):\n    return np.log(v[1:, :])\n") if "(out=)" in m.description]
    assert [
        m
        for m in _mutants("def f(g):\n    return {k: np.clip(x, -1, 1) for k, x in g.items()}\n")
        if "(out=)" in m.description
    ]


def test_the_same_edit_in_nodes_that_start_at_one_place_gets_two_ids():
    # a + b + c is (a + b) + c: both additions start at column 11 and both edits read '+' -> '-'
    ms = [
        m
        for m in _mutants("def f(a, b, c):\n    return a + b + c\n")
        if m.operator == "binop" and "'-'" in m.description
    ]
    assert {m.source for m in ms} == {
        "def f(a, b, c):\n    return a - b + c\n",
        "def f(a, b, c):\n    return a + b - c\n",
    }
    assert len({m.id for m in ms}) == 2
