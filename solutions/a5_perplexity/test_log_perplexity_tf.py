"""Hidden checks of log_perplexity_tf written as pytest tests (see docs/authoring.md)."""

import numpy as np
import pytest

from autograder.checks import assert_dtype, assert_values, sibling

pub = sibling(__file__, "public_checks")


@pytest.mark.points(1)
@pytest.mark.hint(
    "accept any integer dtype for the targets, compare them with pad_id, and keep the log-probabilities in float64"
)
def test_int32_targets(student, reference, rng, tol):
    """log_perplexity_tf with int32 targets (as a Keras pipeline gives them) and pad_id = 1."""
    batch = pub.padded_batch(4, 6, 5, (6, 3, 5, 2), pad_id=1)(rng)
    args = (batch["log_probs"], batch["targets"].astype(np.int32), 1)
    value = student.log_perplexity_tf(*args)
    assert_dtype("log_perplexity_tf on a (4, 6, 5) batch with int32 targets", value, np.float64)
    assert_values(
        "log_perplexity_tf on a (4, 6, 5) batch with int32 targets and pad_id = 1",
        value,
        reference.log_perplexity_tf(*args),
        tol=tol,
    )
