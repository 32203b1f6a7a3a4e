"""Red team, class "points without the work": on the real a1_perceptron, in ONE batch with the honest
reference, submissions that return anything at all (a lying ``__eq__`` object, an ndarray subclass,
a pickle, garbage, ``None``) or that are wrong but consistent with themselves (a constant loss with
zero gradients) score 0 on every check of the functions they attack: side-property checks ("input
not modified", "returns a copy") count only with right values, and finite-difference checks only
when the loss they differentiate is the reference's.
"""

from __future__ import annotations

import json
import time

import pytest

from autograder.audit import examples
from autograder.batch import local as batch
from autograder.course import notebook

NAME = "a1_perceptron"

LYING = (
    "class _Liar:\n"
    "    def __eq__(self, other):\n        return True\n"
    "    __ne__ = lambda self, other: False\n"
    "    def __array_ufunc__(self, *a, **k):\n        return True\n"
    "    def __getitem__(self, k):\n        return self\n"
    "    def __iter__(self):\n        return iter((self, self))\n"
    "    def __float__(self):\n        return 0.0\n"
)
SUBCLASS = (
    "import numpy as np\n"
    "class _Always(np.ndarray):\n"
    "    def __eq__(self, other):\n        return np.ones(np.shape(other), bool)\n"
)

# name -> (cells replaced, the functions attacked: every one of their checks must score 0)
ATTACKS: dict[str, tuple[dict[str, str], tuple[str, ...]]] = {
    "lying_eq": (
        {
            "perceptron_update": LYING + "def perceptron_update(x, y, w, b, lr):\n    return _Liar()\n",
            "update_params": LYING + "def update_params(params, grads, lr):\n    return _Liar()\n",
        },
        ("perceptron_update", "update_params"),
    ),
    "ndarray_subclass": (
        {
            "perceptron_update": SUBCLASS + "def perceptron_update(x, y, w, b, lr):\n"
            "    return np.zeros_like(w).view(_Always), 0.0\n",
            "update_params": SUBCLASS + "def update_params(params, grads, lr):\n"
            "    return {k: np.zeros_like(v).view(_Always) for k, v in params.items()}\n",
        },
        ("perceptron_update", "update_params"),
    ),
    "pickle": (
        {
            "perceptron_update": "import pickle\ndef perceptron_update(x, y, w, b, lr):\n    return pickle.dumps((w, b))\n",
            "update_params": "import pickle\ndef update_params(params, grads, lr):\n    return pickle.dumps(params)\n",
        },
        ("perceptron_update", "update_params"),
    ),
    "garbage_and_none": (
        {
            "perceptron_update": "def perceptron_update(x, y, w, b, lr):\n    return 'garbage'\n",
            "update_params": "def update_params(params, grads, lr):\n    return None\n",
        },
        ("perceptron_update", "update_params"),
    ),
    "constant_loss_zero_gradients": (
        {
            "logistic_loss": "def logistic_loss(p, y):\n    return 0.0\n",
            "logistic_gradients": "def logistic_gradients(X, y, w, b):\n    return np.zeros(X.shape[1]), 0.0\n",
            "cross_entropy": "def cross_entropy(A2, y):\n    return 1.0\n",
            "backward": "def backward(X, y, params, cache):\n"
            "    return {'d' + k: np.zeros_like(v) for k, v in params.items()}\n",
        },
        ("logistic_loss", "logistic_gradients", "cross_entropy", "backward"),
    ),
    "consistent_but_wrong_scale": (
        {  # a loss twice the reference's, with gradients that match it
            "cross_entropy": "def cross_entropy(A2, y):\n"
            "    return float(-2 * np.mean(np.log(A2[np.arange(A2.shape[0]), y])))\n",
            "backward": "def backward(X, y, params, cache):\n"
            "    m = X.shape[0]\n    Y = np.zeros_like(cache['A2'])\n    Y[np.arange(m), y] = 1.0\n"
            "    dZ2 = 2 * (cache['A2'] - Y) / m\n    dZ1 = (dZ2 @ params['W2'].T) * relu_grad(cache['Z1'])\n"
            "    return {'dW1': X.T @ dZ1, 'db1': dZ1.sum(axis=0), 'dW2': cache['A1'].T @ dZ2, 'db2': dZ2.sum(axis=0)}\n",
        },
        ("cross_entropy", "backward"),
    ),
}
BOUND_S = 600  # the whole batch, on a loaded 2-core machine (measured: see the printed time)


@pytest.fixture(scope="module")
def graded(root, tmp_path_factory):
    out = tmp_path_factory.mktemp("no_work")
    source = notebook.read(root / "solutions" / NAME / f"{NAME}.ipynb")
    release = notebook.read(root / "assignments" / NAME / f"{NAME}.ipynb")
    honest = examples.reference_notebook(source, release)
    paths = [out / "subs" / "honest.ipynb"]
    paths[0].parent.mkdir(parents=True)
    paths[0].write_text(json.dumps(honest))
    for name, (cells, _) in ATTACKS.items():
        path = out / "subs" / f"{name}.ipynb"
        path.write_text(json.dumps(examples.with_cells(honest, cells)))
        paths.append(path)
    started = time.monotonic()
    results = batch.grade_many(paths, assignment=NAME, root=root, out=out / "results", jobs=2)
    elapsed = time.monotonic() - started
    print(f"\nno-work batch: {len(paths)} submissions of {NAME} in {elapsed:.1f} s (bound {BOUND_S} s)")
    return {r.submission: r for r in results}, elapsed


def test_honest_submission_gets_full_marks_in_the_same_batch(graded):
    results, elapsed = graded
    assert results["honest"].score == results["honest"].max_score > 0
    assert elapsed < BOUND_S


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_attack_scores_zero_on_every_check_of_what_it_attacked(graded, attack):
    results, _ = graded
    attacked = ATTACKS[attack][1]
    result = results[attack]
    earned = {c.id: c.points for c in result.checks if c.target in attacked and c.points > 0}
    assert not earned, f"{attack} earned points without the work: {earned}"
    # and only those: every other function still passes, so the verdicts are about the attack
    others = [c for c in result.checks if c.target not in attacked and c.status != "passed"]
    callers = {"train_perceptron", "train_network"}  # call the attacked functions
    assert all(c.target in callers for c in others), [(c.id, c.message) for c in others]
