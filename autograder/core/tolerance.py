"""Tolerances for numeric comparisons."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Tolerance:
    """Closeness test ``|a - r| <= atol * max(1, max|r|) + rtol * |r|`` (NaN must match NaN).

    Attributes:
        rtol: Relative tolerance.
        atol: Absolute tolerance, scaled by the largest reference magnitude when that exceeds 1.
    """

    rtol: float = 1e-7
    atol: float = 1e-9

    def describe(self) -> str:
        """A short text for messages."""
        return f"rtol {self.rtol:g}, atol {self.atol:g}"
