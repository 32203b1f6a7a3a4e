"""TAs' reports (autograder.reports): gradebook CSV, HTML report, Markdown summary.

A small class is built in code: full marks, two public failures that differ only in the numbers
they quote, a hidden failure whose message carries text that must never be shown, and a timeout.
The browser test renders the HTML page in headless Chromium and keeps a screenshot.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from autograder.cli import main as cli_main
from autograder.core import results
from autograder.core.results import CheckResult, SubmissionResult
from autograder.reports import ReportError, stats, write_reports

A1 = "a1_demo"
A2 = "a2_other"
HINT_VALUES = "sigmoid(x) is 1 / (1 + exp(-x)); check the sign"
HINT_SHAPE = "Keep the batch dimension"
HINT_HIDDEN = "Apply the forget gate to the previous cell state"
SECRET = "SECRET-HIDDEN-INPUT [0.125, 4.5] expected 9.875"
PUBLIC_FAILURE = "sigmoid(x): expected 0.731059, received 0.5"
NAMES = ["alice_full", "bob_public", "carol_public", "dave_hidden", "erin_timeout"]
CHECK_IDS = ["sigmoid.values", "sigmoid.shape", "lstm_step.cell_values"]


def _checks(
    values: tuple[str, str] = ("passed", ""),
    shape: tuple[str, str] = ("passed", ""),
    hidden: tuple[str, str] = ("passed", ""),
) -> list[CheckResult]:
    def one(cid, target, outcome, max_points, is_hidden, hint, category):
        status, message = outcome
        points = max_points if status == "passed" else 0.0
        return CheckResult(
            cid, target, status, points, max_points, is_hidden, message, "ok" if status == "passed" else category, hint
        )

    return [
        one("sigmoid.values", "sigmoid", values, 2.0, False, HINT_VALUES, "values"),
        one("sigmoid.shape", "sigmoid", shape, 1.0, False, HINT_SHAPE, "shape"),
        one("lstm_step.cell_values", "lstm_step", hidden, 3.0, True, HINT_HIDDEN, "values"),
    ]


def _result(
    name: str,
    checks: list[CheckResult],
    *,
    assignment: str = A1,
    status: str = "ok",
    message: str = "",
    problems: list[str] | None = None,
) -> SubmissionResult:
    return SubmissionResult(
        assignment,
        name,
        sum(c.points for c in checks),
        sum(c.max_points for c in checks),
        status,
        message,
        checks,
        problems or [],
        {"python": "3.11"},
    )


def _class() -> list[SubmissionResult]:
    return [
        _result("alice_full", _checks()),
        _result("bob_public", _checks(values=("failed", PUBLIC_FAILURE))),
        _result("carol_public", _checks(values=("failed", "sigmoid(x): expected 0.268941, received 0.1"))),
        _result("dave_hidden", _checks(hidden=("failed", SECRET))),
        _result(
            "erin_timeout",
            _checks(
                values=("error", "sigmoid ran for more than 10 s and was stopped (an infinite loop?)"),
                hidden=("error", SECRET),
            ),
            status="timeout",
            message="1 check(s) stopped by a limit or crash (timeout); the other checks were graded",
            problems=["cell 'sigmoid' failed to run: NameError"],
        ),
        _result("alice_full", [CheckResult("tokenize.values", "tokenize", "passed", 5.0, 5.0, False)], assignment=A2),
    ]


def _write_class(folder: Path) -> Path:
    for r in _class():
        results.write(r, folder / r.submission / r.assignment / "result.json")
    return folder


@pytest.fixture()
def reports(tmp_path):
    """The reports on the small class, as {file name: text}."""
    written = write_reports(_write_class(tmp_path / "results"), tmp_path / "out")
    return {name: path.read_text(encoding="utf-8") for name, path in written.items()}


def _section(page: str, anchor: str) -> str:
    """The HTML of the element whose id is ``anchor``, up to its closing </section>."""
    start = page.index(f'id="{anchor}"')
    return page[start : page.index("</section>", start)]


def test_four_files_per_assignment_and_one_page_per_submission(tmp_path):
    written = write_reports(_write_class(tmp_path / "results"), tmp_path / "out")
    main = {name for name in written if "/" not in name}
    assert main == {
        f"{kind}-{a}.{ext}"
        for a in (A1, A2)
        for kind, ext in (("gradebook", "csv"), ("lms", "csv"), ("report", "html"), ("summary", "md"))
    }
    by_assignment = {a: sorted(r.submission for r in _class() if r.assignment == a) for a in (A1, A2)}
    for a, subs in by_assignment.items():
        assert sorted(n for n in written if n.startswith(f"report-{a}/")) == [f"report-{a}/{s}.html" for s in subs]
        page = written[f"report-{a}.html"].read_text()
        for s in subs:  # the report links each submission to its own page
            assert f'href="report-{a}/{s}.html"' in page
    for name, path in written.items():
        assert path == tmp_path / "out" / name and path.stat().st_size > 0


def test_gradebook_has_a_column_per_check_with_points_and_status(reports):
    rows = list(csv.reader(io.StringIO(reports[f"gradebook-{A1}.csv"])))
    assert rows[0] == ["submission", "score", "max_score", "status", *CHECK_IDS]
    by_name = {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}
    assert sorted(by_name) == NAMES and len(rows) == len(NAMES) + 1
    assert by_name["alice_full"] == {
        "submission": "alice_full",
        "score": "6",
        "max_score": "6",
        "status": "ok",
        "sigmoid.values": "2",
        "sigmoid.shape": "1",
        "lstm_step.cell_values": "3",
    }
    assert (
        by_name["bob_public"]["score"],
        by_name["bob_public"]["sigmoid.values"],
        by_name["bob_public"]["sigmoid.shape"],
    ) == ("4", "0", "1")
    assert (by_name["dave_hidden"]["lstm_step.cell_values"], by_name["dave_hidden"]["score"]) == ("0", "3")
    assert (by_name["erin_timeout"]["status"], by_name["erin_timeout"]["score"]) == ("timeout", "1")
    other = list(csv.reader(io.StringIO(reports[f"gradebook-{A2}.csv"])))
    assert other == [
        ["submission", "score", "max_score", "status", "tokenize.values"],
        ["alice_full", "5", "5", "ok", "5"],
    ]


def test_markdown_summary_names_no_one_and_lists_missed_checks_with_hints(reports):
    md = reports[f"summary-{A1}.md"]
    for name in NAMES:
        assert name not in md
    assert "Submissions graded: 5" in md
    assert "Mean score: 3.60 / 6 (60%)" in md and "Median score: 4 / 6" in md
    assert "| ok | 4 |" in md and "| timeout | 1 |" in md and "| crashed | 0 |" in md
    table = md[md.index("## Checks most often missed") :]
    assert "`sigmoid.values`" in table and "40% (2/5)" in table and HINT_VALUES in table
    assert "`lstm_step.cell_values`" in table and "60% (3/5)" in table and HINT_HIDDEN in table
    assert "`sigmoid.shape`" not in table  # nobody missed it
    assert table.index("sigmoid.values") < table.index("lstm_step.cell_values")  # lowest pass rate first
    assert "0.731059" not in md and SECRET not in md


def test_mask_numbers():
    assert stats.mask_numbers("expected 0.731059, received -1e-05") == "expected #, received #"
    assert stats.mask_numbers("expected shape (3, 4), received (4, 3)") == "expected shape (#, #), received (#, #)"
    assert (
        stats.mask_numbers("expected float32, received int64 from conv1d")
        == "expected float32, received int64 from conv1d"
    )


def test_item_analysis_groups_messages_that_differ_only_in_numbers(reports):
    summary = stats.summarize(A1, [r for r in _class() if r.assignment == A1])
    values = next(c for c in summary.checks if c.id == "sigmoid.values")
    assert (values.n, values.n_passed, values.n_failed, values.n_groups) == (5, 2, 3, 2)
    assert values.failures[0] == stats.FailureGroup("sigmoid(x): expected #, received #", 2)
    assert values.failures[1].count == 1 and "more than # s" in values.failures[1].pattern
    hidden = next(c for c in summary.checks if c.id == "lstm_step.cell_values")
    assert hidden.failures == (stats.FailureGroup(HINT_HIDDEN, 2),)  # grouped by hint, never by message
    items = _section(reports[f"report-{A1}.html"], "items")
    assert '<span class="count">2×</span> <code>sigmoid(x): expected #, received #</code>' in items
    assert f"Hint: {HINT_VALUES}" in items
    assert f"hint: {HINT_HIDDEN}" in items


def test_hidden_checks_show_only_pass_fail_and_hint(tmp_path, reports):
    page = reports[f"report-{A1}.html"]
    everything = "".join(reports.values())
    assert "SECRET" not in everything and "9.875" not in everything
    dave = _section(page, "sub-dave_hidden")
    row = dave[dave.index("lstm_step.cell_values") :].split("</tr>")[0]
    assert ">failed<" in row and f"Hint: {HINT_HIDDEN}" in row
    erin = _section(page, "sub-erin_timeout")
    row = erin[erin.index("lstm_step.cell_values") :].split("</tr>")[0]
    assert ">error<" in row and f"Hint: {HINT_HIDDEN}" in row  # the status result.json gives, and only the hint


def test_public_failures_show_expected_and_received(reports):
    page = reports[f"report-{A1}.html"]
    bob = _section(page, "sub-bob_public")
    row = bob[bob.index("sigmoid.values") :].split("</tr>")[0]
    assert "expected 0.731059, received 0.5" in row and ">failed<" in row and ">0 / 2<" in row
    assert "expected 0.731059" not in _section(page, "sub-alice_full")
    erin = _section(page, "sub-erin_timeout")
    assert ">timeout<" in erin and "stopped by a limit" in erin and "NameError" in erin and "more than 10 s" in erin


def test_html_lists_submissions_with_links_and_pass_rates(reports):
    page = reports[f"report-{A1}.html"]
    for name in NAMES:
        assert f'<a href="#sub-{name}">{name}</a>' in page and f'id="sub-{name}"' in page
    rates = _section(page, "checks")
    for cid in CHECK_IDS:
        assert f"<code>{cid}</code>" in rates
    assert "40%" in rates and "100%" in rates and "60%" in rates
    assert "<svg" in _section(page, "distribution")
    assert "<script" not in page and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "alice_full" in reports[f"report-{A2}.html"] and "bob_public" not in reports[f"report-{A2}.html"]


def test_everything_from_results_is_escaped(tmp_path):
    evil = "<script>alert('x')</script>"
    r = _result("o'neil & co", _checks(values=("failed", f"expected {evil}")))
    results.write(r, tmp_path / "results" / "x" / A1 / "result.json")
    page = write_reports(tmp_path / "results", tmp_path / "out")[f"report-{A1}.html"].read_text()
    assert "<script" not in page and "&lt;script&gt;" in page
    assert re.search(r"o&#(x27|39);neil &amp; co</a>", page) and 'href="#sub-o_neil___co"' in page


def test_empty_folder_is_an_error_naming_it(tmp_path):
    empty = tmp_path / "no-results-here"
    empty.mkdir()
    with pytest.raises(ReportError, match=re.escape(str(empty))) as info:
        write_reports(empty, tmp_path / "out")
    assert isinstance(info.value, ValueError) and "result.json" in str(info.value)
    assert not (tmp_path / "out").exists()
    with pytest.raises(ReportError, match="missing"):
        write_reports(tmp_path / "missing", tmp_path / "out")


def test_cli_reports_an_empty_folder_without_a_traceback(tmp_path, capsys):
    assert cli_main(["report", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert str(tmp_path) in capsys.readouterr().err


def test_unreadable_results_are_skipped_and_listed(tmp_path):
    folder = _write_class(tmp_path / "results")
    (folder / "zed" / A1).mkdir(parents=True)
    (folder / "zed" / A1 / "result.json").write_text("{not json", encoding="utf-8")
    (folder / "yan" / A1).mkdir(parents=True)
    (folder / "yan" / A1 / "result.json").write_text('{"assignment": "a1_demo", "submission": "yan", "score": "lots"}')
    written = write_reports(folder, tmp_path / "out")
    assert len([n for n in written if "/" not in n]) == 8
    page = written[f"report-{A1}.html"].read_text()
    unreadable = _section(page, "unreadable")
    assert "Unreadable results" in unreadable
    assert "zed/a1_demo/result.json" in unreadable and "yan/a1_demo/result.json" in unreadable
    assert "sub-zed" not in page and "sub-yan" not in page
    assert 'id="unreadable"' not in written[f"report-{A2}.html"].read_text()
    assert "zed" not in written[f"gradebook-{A1}.csv"].read_text()


def test_only_unreadable_results_is_an_error(tmp_path):
    (tmp_path / "r" / "zed" / A1).mkdir(parents=True)
    (tmp_path / "r" / "zed" / A1 / "result.json").write_text("[]")
    with pytest.raises(ReportError, match="could be read"):
        write_reports(tmp_path / "r", tmp_path / "out")


def _chromium() -> str:
    exe = shutil.which("chromium")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not on PATH; setup.sh installs it (apt-get install chromium)")
        pytest.skip("chromium is not on PATH; run `bash setup.sh` (it installs Debian's chromium) for the browser test")
    return exe


def test_report_renders_in_a_browser(tmp_path):
    exe = _chromium()
    page = write_reports(_write_class(tmp_path / "results"), tmp_path / "out")[f"report-{A1}.html"]
    artifacts = Path(os.environ.get("AUTOGRADER_ARTIFACTS") or tmp_path)
    artifacts.mkdir(parents=True, exist_ok=True)
    shot = artifacts / f"report-{A1}.png"
    shot.unlink(missing_ok=True)
    flags = [
        exe,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ]
    url = page.resolve().as_uri()
    dom = subprocess.run([*flags, "--dump-dom", url], capture_output=True, text=True, timeout=60)
    assert dom.returncode == 0, dom.stderr[-2000:]
    rendered = dom.stdout
    for name in NAMES:
        assert f">{name}</a>" in rendered and f'id="sub-{name}"' in rendered
    assert 'class="pass-rates"' in rendered and "<code>sigmoid.values</code>" in rendered
    assert "<svg" in rendered and "<rect" in rendered
    shot_run = subprocess.run(
        [*flags, f"--screenshot={shot}", "--window-size=1280,2000", url], capture_output=True, text=True, timeout=60
    )
    assert shot_run.returncode == 0, shot_run.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000


def _timed_out_in_a_surviving_worker() -> SubmissionResult:
    checks = _checks()
    checks[0] = CheckResult(
        "sigmoid.values", "sigmoid", "error", 0.0, 2.0, False, "sigmoid ran for more than 10 s", "timeout", HINT_VALUES
    )
    return _result("fay_slow", checks)  # the worker survived: the submission is ok


def test_cards_count_what_the_checks_statuses_say(tmp_path):
    folder = tmp_path / "results"
    for r in [_class()[0], _timed_out_in_a_surviving_worker()]:
        results.write(r, folder / r.submission / r.assignment / "result.json")
    page = write_reports(folder, tmp_path / "out")[f"report-{A1}.html"].read_text()
    by_label = {
        label: value
        for value, label in re.findall(r'<div class="value">([^<]*)</div><div class="label">([^<]*)</div>', page)
    }
    assert by_label["submissions ok"] == "2" and by_label["submissions timeout"] == "0"
    assert by_label["checks passed"] == "5" and by_label["checks error"] == "1" and by_label["checks timeout"] == "1"


def test_lms_csv_has_a_max_points_row_and_per_function_columns(reports):
    rows = list(csv.reader(io.StringIO(reports[f"lms-{A1}.csv"])))
    assert rows[0] == ["student", "sigmoid", "lstm_step", "total", "max_points", "percentage", "status"]
    assert rows[1] == ["max points", "3", "3", "6", "6", "100", ""]
    by_name = {row[0]: row for row in rows[2:]}
    assert sorted(by_name) == NAMES
    assert by_name["bob_public"] == ["bob_public", "1", "3", "4", "6", "66.67", "ok"]
    assert by_name["erin_timeout"][-1] == "timeout"


def test_report_options_skip_blank_members_and_by_function(tmp_path):
    folder = _write_class(tmp_path / "results")
    blank = _result(
        "zoe_blank",
        [
            CheckResult(
                c.id, c.target, "error", 0.0, c.max_points, c.hidden, "not implemented", "not-implemented", c.hint
            )
            for c in _checks()
        ],
    )
    results.write(blank, folder / "zoe_blank" / A1 / "result.json")
    plain = write_reports(folder, tmp_path / "plain")
    assert "zoe_blank" in plain[f"lms-{A1}.csv"].read_text()
    written = write_reports(folder, tmp_path / "out", skip_blank=True, members=True, by_function=True)
    assert "zoe_blank" not in written[f"lms-{A1}.csv"].read_text() and f"report-{A1}/zoe_blank.html" not in written
    page = written[f"report-{A1}.html"].read_text()
    items = _section(page, "items")
    assert "bob_public, carol_public" in items  # who made the common mistake
    rates = _section(page, "checks")
    assert (
        rates.index("<code>sigmoid</code>: 2 check(s), 3 point(s)")
        < rates.index("sigmoid.values")
        < rates.index("<code>lstm_step</code>")
    )
