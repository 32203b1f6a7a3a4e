"""A term's worth of the workflow on the bundled examples, from the command line in a fresh copy:
grade, add marks given by hand, a due date with one extension, regrade after a tolerance change,
export the LMS CSV and Gradescope's results, and check every number that ends up in them."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from coursecopy import fresh_copy, shell

from autograder.audit import examples

NAME = "a5_perplexity"
DUE = "2026-10-12T23:59:00+00:00"
# student: (bundled example, nbgrader timestamp or None)
CLASS = {
    "alice": ("reference", "2026-10-12 20:00:00.000000 UTC"),  # on time
    "bob": ("corpus_batch_weighted", "2026-10-14 01:59:00.000000 UTC"),  # 26 h late: 2 started days
    "carol": ("flat_token_mean", "2026-10-17 12:00:00 UTC"),  # 5 started days: capped at 30%
    "dave": ("padding_counted", "2026-10-13 02:59:00 UTC"),  # 3 h late, but has an extension
    "erin": ("blank", None),  # nothing says when
}
MARKS = {"alice": (2.0, "clear, with the count"), "bob": (1.5, "names the mean, not the count"), "carol": (0.0, "")}
PENALTY = {"alice": 0.0, "bob": 0.2, "carol": 0.3, "dave": 0.0, "erin": 0.0}


def run(line: str, course: Path) -> str:
    proc = shell(line, course)
    assert proc.returncode == 0, f"`{line}`:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
    return proc.stdout


def raw(course: Path) -> dict[str, dict]:
    return {s: json.loads((course / "results" / s / NAME / "result.json").read_text()) for s in CLASS}


def expected(auto: dict[str, dict], student: str) -> tuple[float, float]:
    """(score, max) as the term makes them, from the automatic result alone."""
    manual = MARKS.get(student, (0.0, ""))[0]
    earned = auto[student]["score"] + manual
    return round(earned * (1 - PENALTY[student]), 6), auto[student]["max_score"] + 2


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    course = fresh_copy(tmp_path_factory.mktemp("term") / "course")
    text = (course / "grading.yml").read_text()
    text = text.replace("contract: {", "late: {per: day, penalty: 0.1, cap: 0.3}\ncontract: {", 1)
    text = text.replace(
        f"  {NAME}:\n",
        f'  {NAME}:\n    due: {DUE}\n    manual:\n      explain_padding: {{points: 2, title: "Why padding must not count"}}\n',
        1,
    )
    (course / "grading.yml").write_text(text)
    built = {e.name: e for e in examples.build(NAME, root=course, out_dir=course / "built")}
    for student, (example, stamp) in CLASS.items():
        folder = course / "submitted" / student / NAME
        folder.mkdir(parents=True)
        shutil.copy(built[example].path, folder / f"{NAME}.ipynb")
        if stamp:
            (folder / "timestamp.txt").write_text(stamp)
    return course


def test_a_term(course):
    grade = f"autograder grade --assignment {NAME} --out results submitted/ --format gradescope --quiet"
    first_out = run(grade, course)
    assert "regrade" not in first_out
    first = raw(course)
    assert first["bob"]["submitted_at"] == "2026-10-14T01:59:00+00:00" and first["erin"]["submitted_at"] == ""
    # before any mark: Gradescope shows the question unmarked and the penalty on what was earned
    bob = json.loads((course / "results" / "bob" / NAME / "results.json").read_text())
    tests = {t["name"]: t for t in bob["tests"]}
    assert tests["manual.explain_padding (public)"]["score"] == 0
    assert tests["manual.explain_padding (public)"]["output"].startswith("not marked yet")
    assert tests["late.penalty (public)"]["score"] == pytest.approx(-0.2 * first["bob"]["score"])
    assert bob["score"] == pytest.approx(0.8 * first["bob"]["score"])

    # marks, an extension, and a tolerance that lets bob's corpus_log_perplexity.values pass
    (course / "term" / "manual").mkdir(parents=True)
    rows = ["student,question,points,comment"] + [f'{s},explain_padding,{p:g},"{c}"' for s, (p, c) in MARKS.items()]
    rows.append("zed,explain_padding,1,a misspelt name")  # no such student: said, never applied
    (course / "term" / "manual" / f"{NAME}.csv").write_text("\n".join(rows) + "\n")
    (course / "term" / "extensions.csv").write_text(f"student,assignment,due\ndave,{NAME},2026-10-13T23:59:00+00:00\n")
    text = (course / "grading.yml").read_text()
    line = next(ln for ln in text.splitlines() if ln.strip().startswith("corpus_log_perplexity.values:"))
    (course / "grading.yml").write_text(text.replace(line, line.replace("}", ", rtol: 0.1}")))

    run(f"autograder release {NAME}", course)  # into the copy's nbgrader gradebook
    regraded = run(grade + " --gradebook sqlite:///gradebook.db", course)
    second = raw(course)
    assert "regrade: 1 of 5 submission(s) changed (1 gained, 0 lost points)" in regraded
    assert "corpus_log_perplexity.values 0->2" in regraded
    assert second["bob"]["score"] > first["bob"]["score"]
    kept = list((course / "results" / "bob" / NAME / "earlier").glob("*/result.earlier.json"))
    assert len(kept) == 1 and json.loads(kept[0].read_text())["score"] == first["bob"]["score"]
    assert not (course / "results" / "alice" / NAME / "earlier").exists()  # nothing changed: nothing kept

    proc = shell("autograder report results --out reports", course)
    assert proc.returncode == 0, proc.stderr
    assert f"warning: term/manual/{NAME}.csv:5: no result of {NAME} is named 'zed'" in proc.stderr
    with open(course / "reports" / f"lms-{NAME}.csv", newline="") as f:
        lms = {row["student"]: row for row in csv.DictReader(f)}
    assert (
        lms["max points"]["explain_padding"] == "2"
        and lms["max points"]["total"] == f"{second['alice']['max_score'] + 2:g}"
    )
    for student in CLASS:
        score, most = expected(second, student)
        row = lms[student]
        assert float(row["total"]) == pytest.approx(score), student
        assert float(row["max_points"]) == most
        assert float(row["explain_padding"]) == MARKS.get(student, (0.0, ""))[0]
        manual = MARKS.get(student, (0.0, ""))[0]
        assert float(row["late"]) == pytest.approx(-PENALTY[student] * (second[student]["score"] + manual))
        assert float(row["percentage"]) == pytest.approx(100 * score / most, abs=0.005)
        gradescope = json.loads((course / "results" / student / NAME / "results.json").read_text())
        assert gradescope["score"] == pytest.approx(score), student
        assert sum(t["score"] for t in gradescope["tests"]) == pytest.approx(score), student
    unmarked = (course / "reports" / f"unmarked-{NAME}.csv").read_text().splitlines()
    assert unmarked[1:] == [
        "dave,explain_padding,2,Why padding must not count",
        "erin,explain_padding,2,Why padding must not count",
    ]
    report = (course / "reports" / f"report-{NAME}.html").read_text()
    assert "no-submission-time" in report and "names the mean, not the count" in report
    run("autograder feedback results --out feedback-html", course)
    carol = (course / "feedback-html" / NAME / "carol.html").read_text()
    assert "30% (the cap) of the points earned" in carol and "after the due date" in carol
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for student in CLASS:
            sub = gb.find_submission(NAME, student)
            manual = MARKS.get(student, (0.0, ""))[0]
            penalty = PENALTY[student] * (second[student]["score"] + manual)
            assert sub.late_submission_penalty == pytest.approx(penalty), student  # nbgrader export subtracts it
            assert sub.score == pytest.approx(second[student]["score"]), (
                student
            )  # no manual cell in nbgrader's notebook
    # copying: the pairs above the threshold become review flags in staff views, never in students'
    similar = run(f"autograder similarity --assignment {NAME} submitted/ --out reports --threshold 0.9", course)
    assert f"{NAME}: 5 submissions, 10 pairs" in similar
    flagged = json.loads((course / "reports" / f"similarity-{NAME}.json").read_text())["pairs"]
    assert flagged and all(p["similarity"] >= 0.9 for p in flagged)
    a, b = flagged[0]["a"], flagged[0]["b"]
    run(f"autograder report results --out reports --similarity reports/similarity-{NAME}.json", course)
    run(f"autograder feedback results --out feedback-html --staff --similarity reports/similarity-{NAME}.json", course)
    assert (
        f"similar-code: {flagged[0]['similarity']:.0%} of the graded code is shared with {b}"
        in (course / "reports" / f"report-{NAME}.html").read_text()
    )
    assert "similar-code" in (course / "feedback-html" / NAME / "staff" / f"{a}.html").read_text()
    assert "similar-code" not in (course / "feedback-html" / NAME / f"{a}.html").read_text()
    assert "similar-code" not in (course / "reports" / f"report-{NAME}" / f"{a}.html").read_text()
    bad = shell("autograder report results --out reports --similarity grading.yml", course)
    assert bad.returncode == 2 and "not a similarity-NAME.json" in bad.stderr
    raw_report = run("autograder report results --out raw-reports --no-term", course)
    assert raw_report and "explain_padding" not in (course / "raw-reports" / f"lms-{NAME}.csv").read_text()
