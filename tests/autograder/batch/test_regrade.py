"""Grading over earlier results: the earlier result is kept when points change, and only then."""

from __future__ import annotations

from autograder.batch import regrade
from autograder.core import results
from autograder.core.results import CheckResult, SubmissionResult
from autograder.reports import load


def result(points: dict[str, float], graded_at: str = "2026-10-01T10:00:00+00:00") -> SubmissionResult:
    checks = [CheckResult(i, i.split(".")[0], "passed" if p else "failed", p, 1.0, False) for i, p in points.items()]
    return SubmissionResult(
        "hw", "alice", sum(points.values()), float(len(points)), "ok", "", checks, [], {}, graded_at=graded_at
    )


def test_a_change_keeps_the_earlier_result_and_says_which_checks(tmp_path):
    path = results.write(result({"f.values": 0.0, "g.values": 1.0}), tmp_path / "alice" / "hw" / "result.json")
    change = regrade.keep_earlier(path, result({"f.values": 1.0, "g.values": 1.0, "h.values": 0.0}))
    assert (change.before, change.after, change.before_max, change.after_max) == (1.0, 2.0, 2.0, 3.0)
    assert change.checks == (regrade.CheckChange("f.values", 0.0, 1.0), regrade.CheckChange("h.values", None, 0.0))
    assert not path.exists() and (change.kept / "result.earlier.json").is_file()
    assert results.read(change.kept / "result.earlier.json").score == 1.0
    results.write(result({"f.values": 1.0}), path)
    assert [r.score for r in load(tmp_path).assignments["hw"]] == [1.0]  # reports never read an earlier result


def test_no_change_keeps_nothing(tmp_path):
    path = results.write(result({"f.values": 1.0}), tmp_path / "alice" / "hw" / "result.json")
    assert regrade.keep_earlier(path, result({"f.values": 1.0}, graded_at="later")) is None
    assert not (path.parent / regrade.EARLIER).exists() and path.is_file()
    assert regrade.keep_earlier(tmp_path / "nobody" / "result.json", result({"f.values": 1.0})) is None


def test_two_regrades_at_the_same_time_stamp_keep_both(tmp_path):
    path = tmp_path / "alice" / "hw" / "result.json"
    results.write(result({"f.values": 0.0}), path)
    first = regrade.keep_earlier(path, result({"f.values": 1.0}))
    results.write(result({"f.values": 1.0}), path)
    second = regrade.keep_earlier(path, result({"f.values": 0.0}))
    assert first.kept != second.kept and first.kept.parent == second.kept.parent
