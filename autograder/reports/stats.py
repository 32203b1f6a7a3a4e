"""Numbers behind the reports: pass rates, the score distribution and item analysis.

Plain frozen dataclasses computed from :class:`~autograder.core.results.SubmissionResult` lists; no
formatting happens here (see :mod:`autograder.reports.csvbook`, :mod:`~autograder.reports.html` and
:mod:`~autograder.reports.markdown`).
"""

from __future__ import annotations

import dataclasses
import re
import statistics
from collections import Counter

from autograder.core.results import CHECK_STATUSES, SUBMISSION_STATUSES, SubmissionResult

TOP_FAILURES = 3
"""How many failure groups item analysis keeps per check."""

HISTOGRAM_BINS = 10
"""How many bins the score distribution has (fewer when the maximum score is a small integer)."""

# A number standing on its own (not part of a name such as ``float32`` or ``conv1d``), with its
# sign, decimals and exponent: 3, -0.731059, 1e-05, 2.5E+3.
_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w])|(?<![\w.])-?\.\d+(?:[eE][-+]?\d+)?(?![\w])")

NUMBER_MASK = "#"
"""What :func:`mask_numbers` puts in place of each number."""


def mask_numbers(text: str) -> str:
    """Replaces every stand-alone number in a message by ``#``.

    Two messages that differ only in the values they quote (``expected 0.731059, received 0.5``
    and ``expected 0.268941, received 0.1``) become the same text, so the same mistake made on
    different inputs is counted once. Numbers inside names (``float32``, ``conv1d``) are kept, so
    different dtypes stay apart.

    Args:
        text: A check's message.

    Returns:
        The message with numbers masked.
    """
    return _NUMBER.sub(NUMBER_MASK, text)


@dataclasses.dataclass(frozen=True)
class FailureGroup:
    """Failures of one check that share a message once numbers are masked.

    Attributes:
        pattern: The masked message without the hint (public checks) or the hint (hidden checks).
        count: How many submissions failed this way.
        members: The submissions that failed this way, sorted (for TAs; not compared).
        consequential: Whether the group is the failures that follow from another function's
            failure (its pattern names that failure, not a message or hint).
    """

    pattern: str
    count: int
    members: tuple[str, ...] = dataclasses.field(default=(), compare=False)
    consequential: bool = False


@dataclasses.dataclass(frozen=True)
class CheckStats:
    """How the class did on one check.

    Attributes:
        id: The check's id, ``<function>.<aspect>``.
        target: The graded function.
        max_points: Points available.
        hidden: Whether students see only pass/fail and the hint.
        hint: The check's hint (empty if it has none).
        n: Submissions that have a result for this check.
        n_passed: Those that passed it.
        failures: The most common ways of failing it, most frequent first (at most
            :data:`TOP_FAILURES`).
        n_groups: How many different failure groups there are in all.
        n_consequential: Failures that follow from a failure of a graded function the check runs
            (those with a :class:`~autograder.core.results.Cause`).
    """

    id: str
    target: str
    max_points: float
    hidden: bool
    hint: str
    n: int
    n_passed: int
    failures: tuple[FailureGroup, ...]
    n_groups: int
    n_consequential: int = 0

    @property
    def n_failed(self) -> int:
        """Submissions that did not pass (wrong answer or error)."""
        return self.n - self.n_passed

    @property
    def pass_rate(self) -> float:
        """The fraction of submissions that passed, from 0 to 1 (0 when nobody has a result)."""
        return self.n_passed / self.n if self.n else 0.0


@dataclasses.dataclass(frozen=True)
class Bin:
    """One bar of the score histogram: scores in ``[low, high)`` (the last bin includes ``high``)."""

    low: float
    high: float
    count: int


@dataclasses.dataclass(frozen=True)
class Distribution:
    """The class's scores.

    Attributes:
        scores: Every submission's score, in the order given.
        max_score: The highest maximum score among the submissions.
        bins: The histogram, from 0 to ``max_score``.
    """

    scores: tuple[float, ...]
    max_score: float
    bins: tuple[Bin, ...]

    @property
    def mean(self) -> float:
        """The mean score (0 when there are no scores)."""
        return statistics.fmean(self.scores) if self.scores else 0.0

    @property
    def median(self) -> float:
        """The median score (0 when there are no scores)."""
        return float(statistics.median(self.scores)) if self.scores else 0.0


@dataclasses.dataclass(frozen=True)
class AssignmentStats:
    """Everything the reports say about one assignment.

    Attributes:
        assignment: The assignment's name.
        n: Submissions graded.
        status_counts: Submissions per status, in the order of
            :data:`autograder.core.results.SUBMISSION_STATUSES` (zeros included), then any other status.
        distribution: The scores.
        checks: One entry per check, in the order of the checks.
        check_counts: Check results over all submissions per status (``passed``, ``failed``,
            ``error``), then per error category (``timeout``, ``memory``, ``crashed``, ...): what
            the checks' own statuses say, which a submission's status may not (a check that timed
            out in a worker that survived leaves the submission ``ok``).
    """

    assignment: str
    n: int
    status_counts: dict[str, int]
    distribution: Distribution
    checks: tuple[CheckStats, ...]
    check_counts: dict[str, int] = dataclasses.field(default_factory=dict)

    def most_missed(self, limit: int | None = None) -> list[CheckStats]:
        """The checks someone failed, lowest pass rate first.

        Args:
            limit: Keep at most this many (all if None).

        Returns:
            The checks with at least one failure, by pass rate, then by number failed.
        """
        missed = sorted((c for c in self.checks if c.n_failed), key=lambda c: (c.pass_rate, -c.n_failed))
        return missed if limit is None else missed[:limit]


def check_order(results: list[SubmissionResult]) -> list[str]:
    """Every check id that occurs in the results, in the order of the checks.

    The submission with the most checks gives the order; ids only others have follow in the order
    they are first seen.

    Args:
        results: Results of one assignment.

    Returns:
        The check ids, each once.
    """
    order: dict[str, None] = {}
    for result in sorted(results, key=lambda r: -len(r.checks)):
        for check in result.checks:
            order.setdefault(check.id, None)
    return list(order)


def failure_key(check, *, hidden: bool | None = None) -> str:
    """What a failed check is grouped by in item analysis.

    Args:
        check: A :class:`~autograder.core.results.CheckResult` that did not pass.
        hidden: Treat the check as hidden (default: its own ``hidden``).

    Returns:
        For a failure that follows from another function's (it has a cause), that failure: every
        consequence of ``sigmoid.values`` is one group, whatever its message. Otherwise the hint for
        hidden checks (never their message); for public checks the message with numbers masked (the
        hint, the same for every failure of the check, is a field of its own).
    """
    if check.cause is not None:
        return consequence_key(check.cause.check, check.cause.function)
    if check.hidden if hidden is None else hidden:
        return check.hint or "(no hint)"
    text = check.message.strip()
    return mask_numbers(text) if text else "(no message)"


def consequence_key(check_id: str, function: str) -> str:
    """The failure group of every failure that follows from ``check_id`` of ``function`` failing."""
    return f"after {check_id} failed (fix {function} first)"


def histogram(scores: list[float], max_score: float, bins: int = HISTOGRAM_BINS) -> tuple[Bin, ...]:
    """Counts scores in equal bins from 0 to ``max_score``.

    Args:
        scores: The scores.
        max_score: The right edge; scores above it (or below 0) go to the last (first) bin.
        bins: The number of bins; one per point instead when ``max_score`` is a smaller integer.

    Returns:
        The bins, left to right.
    """
    if max_score <= 0:
        return (Bin(0.0, 0.0, len(scores)),)
    if float(max_score).is_integer() and max_score < bins:
        bins = int(max_score)
    width = max_score / bins
    counts = [0] * bins
    for score in scores:
        counts[min(max(int(score // width), 0), bins - 1)] += 1
    return tuple(Bin(i * width, (i + 1) * width, c) for i, c in enumerate(counts))


def summarize(assignment: str, results: list[SubmissionResult], *, top: int = TOP_FAILURES) -> AssignmentStats:
    """Computes the statistics of one assignment.

    Args:
        assignment: The assignment's name.
        results: Its submissions' results.
        top: How many failure groups to keep per check.

    Returns:
        The statistics.
    """
    counts = Counter(r.status for r in results)
    status_counts = {s: counts.pop(s, 0) for s in SUBMISSION_STATUSES}
    status_counts.update(sorted(counts.items()))
    scores = [float(r.score) for r in results]
    max_score = max((float(r.max_score) for r in results), default=0.0)
    distribution = Distribution(tuple(scores), max_score, histogram(scores, max_score))

    checks = []
    for check_id in check_order(results):
        found = [c for r in results for c in r.checks if c.id == check_id]
        first = found[0]
        hidden = any(c.hidden for c in found)  # hidden anywhere: treated as hidden everywhere
        failed = [c for c in found if c.status != "passed"]
        groups = Counter(failure_key(c, hidden=hidden) for c in failed)
        consequences = {failure_key(c) for c in failed if c.cause is not None}
        members: dict[str, set[str]] = {}
        for r in results:
            for c in r.checks:
                if c.id == check_id and c.status != "passed":
                    members.setdefault(failure_key(c, hidden=hidden), set()).add(r.submission)
        ranked = sorted(groups.items(), key=lambda kv: (-kv[1], kv[0]))
        checks.append(
            CheckStats(
                id=check_id,
                target=first.target,
                max_points=max(float(c.max_points) for c in found),
                hidden=hidden,
                hint=next((c.hint for c in found if c.hint), ""),
                n=len(found),
                n_passed=len(found) - len(failed),
                failures=tuple(
                    FailureGroup(p, n, tuple(sorted(members.get(p, ()))), p in consequences) for p, n in ranked[:top]
                ),
                n_groups=len(groups),
                n_consequential=sum(1 for c in failed if c.cause is not None),
            )
        )
    every = [c for r in results for c in r.checks]
    check_counts = {s: sum(1 for c in every if c.status == s) for s in CHECK_STATUSES}
    check_counts.update(sorted(Counter(c.category for c in every if c.status == "error").items()))
    return AssignmentStats(assignment, len(results), status_counts, distribution, tuple(checks), check_counts)
