"""Hidden checks of log_perplexity written as pytest tests (see docs/authoring.md).

Each function is the check ``log_perplexity.<name without test_>``. ``student.f(...)`` runs the
submission's ``f`` in its sandboxed worker and returns plain data; ``reference.f(...)`` is the
solution; the asserts run here, in the grader.
"""

import pytest

from autograder.checks import assert_values, sibling

pub = sibling(__file__, "public_checks")


@pytest.mark.points(1)
@pytest.mark.hint("average each sequence's negative log-probabilities of its real tokens; no constant offset or scale")
def test_shift_by_constant(student, reference, rng, tol):
    """log_perplexity rises by exactly c when every log-probability falls by c."""
    batch = pub.padded_batch(5, 7, 6, (7, 2, 5, 4, 1))(rng)
    c = float(rng.uniform(0.5, 2.0))
    base = student.log_perplexity(batch["log_probs"], batch["targets"])
    shifted = student.log_perplexity(batch["log_probs"] - c, batch["targets"])
    assert_values(
        "log_perplexity on a (5, 7, 6) batch",
        base,
        reference.log_perplexity(batch["log_probs"], batch["targets"]),
        tol=tol,
    )
    assert_values(f"log_perplexity(log_probs - {c:.4g}) - log_perplexity(log_probs)", shifted - base, c, tol=tol)


@pytest.mark.points(1)
@pytest.mark.hint("the batch's value is the mean over sequences: it must not depend on their order")
def test_sequence_order(student, reference, rng, tol):
    """log_perplexity is the same when the sequences of the batch are reordered."""
    batch = pub.padded_batch(6, 5, 7, (5, 1, 3, 0, 4, 2))(rng)
    order = rng.permutation(6)
    first = student.log_perplexity(batch["log_probs"], batch["targets"])
    again = student.log_perplexity(batch["log_probs"][order], batch["targets"][order])
    assert_values(
        "log_perplexity on a (6, 5, 7) batch",
        first,
        reference.log_perplexity(batch["log_probs"], batch["targets"]),
        tol=tol,
    )
    assert_values("log_perplexity on the same batch with its sequences reordered", again, first, tol=tol)
