"""Helpers for building a check's inputs (in the grader, from the check's seeded generator)."""

from __future__ import annotations

from typing import Callable

import numpy as np


def float32_exact(a) -> np.ndarray:
    """An array of float32 numbers stored as float64: weights that a float32 Keras layer and the
    student's float64 numpy code hold exactly alike, so that the two can be compared closely."""
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def periodic_sequences(
    *, vocab_size: int = 9, n: int = 8, t: int = 12, **settings
) -> Callable[[np.random.Generator], dict]:
    """Inputs builder for a language model's training check: an easy task that any working model learns.

    Args:
        vocab_size: Ids ``0 .. vocab_size - 1``, chained in a random cycle: each id is always
            followed by the same next id.
        n: Number of sequences (each starts at a random id).
        t: Time steps of the inputs (the targets are the same rows shifted by one).
        **settings: Added to the inputs as they are (e.g. ``embed_dim``, ``units``, ``epochs``).

    Returns:
        A builder giving ``{"vocab_size", **settings, "inputs": (n, t), "targets": (n, t)}``.
    """

    def build(rng: np.random.Generator) -> dict:
        cycle = rng.permutation(vocab_size)
        nxt = np.empty(vocab_size, dtype=np.int64)
        nxt[cycle] = np.roll(cycle, -1)
        rows = []
        for start in rng.integers(0, vocab_size, size=n):
            row = [int(start)]
            for _ in range(t):
                row.append(int(nxt[row[-1]]))
            rows.append(row)
        arr = np.array(rows)
        return {"vocab_size": vocab_size, **settings, "inputs": arr[:, :-1], "targets": arr[:, 1:]}

    return build
