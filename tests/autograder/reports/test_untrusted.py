"""Student-controlled text is untrusted in every text output (autograder.reports.untrusted).

First the functions, one hostile input per class (terminal escape sequences, line overwrites,
bidirectional overrides, zero-width characters, spreadsheet formulas, Markdown links, images,
HTML and table breaks), then every writer that prints or writes text, given results whose
submission name, status, messages and hints carry all of them at once.
"""

from __future__ import annotations

import csv
import html
import io
import re

import pytest

from autograder.core.results import CheckResult, SubmissionResult
from autograder.reports import csvbook, lms, markdown, stats, textreport
from autograder.reports.progress import ProgressBar
from autograder.reports.untrusted import csv_cell, terminal, terminal_line
from autograder.reports.untrusted import markdown as md

ESC_COLOUR = "\x1b[31mred\x1b[0m\x1b[2J"
OSC8_LINK = "\x1b]8;;http://evil.example/\x1b\\click me\x1b]8;;\x1b\\"
OVERWRITE = "alice\rbob_full_marks"
BACKSPACE = "fail\b\b\b\bpass"
BIDI = "access\u202e\u2066level\u2069\u202c"
ZERO_WIDTH = "a\u200bd\u200cm\u200di\u2060n\ufeff"
BIDI_AND_HIDDEN = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c") | set(
    "\u200b\u200c\u200d\u2060\ufeff"
)
HOSTILE_NAME = f"{OSC8_LINK}{OVERWRITE}{BIDI}"
HOSTILE_MESSAGE = f"{ESC_COLOUR} {BACKSPACE} {ZERO_WIDTH}\x07\x7f\x9b31m"
MD_LINK = "[x](javascript:alert(1))"
MD_IMAGE = "![i](http://e/x.png)"
MD_HTML = "<img src=x onerror=alert(1)>"
MD_TABLE_BREAK = "a | b | c"
MD_BOLD = "**bold** _em_ ~~gone~~"
HOSTILE_HINT = f"{MD_LINK} {MD_IMAGE} {MD_HTML} {MD_TABLE_BREAK} {MD_BOLD} {ESC_COLOUR}"
FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def _controls(text: str, *, allowed: str = "") -> list[str]:
    """The control, bidirectional and zero-width characters of ``text`` not in ``allowed``."""
    return [
        c
        for c in text
        if c not in allowed and (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c in BIDI_AND_HIDDEN or c == "\u2028")
    ]


# --- the functions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hostile", "shown"),
    [
        (ESC_COLOUR, "\\x1b[31mred\\x1b[0m\\x1b[2J"),
        (OSC8_LINK, "\\x1b]8;;http://evil.example/\\x1b\\click me\\x1b]8;;\\x1b\\"),
        (OVERWRITE, "alice\\rbob_full_marks"),
        (BACKSPACE, "fail\\x08\\x08\\x08\\x08pass"),
        (BIDI, "access\\u202e\\u2066level\\u2069\\u202c"),
        (ZERO_WIDTH, "a\\u200bd\\u200cm\\u200di\\u2060n\\ufeff"),
        ("\x00\x07\x7f\x85\x9b\u200e\u200f\u061c\u2028", "\\x00\\x07\\x7f\\x85\\x9b\\u200e\\u200f\\u061c\\u2028"),
        ("\udcff", "\\udcff"),  # a file name that is not UTF-8: printing it would raise
    ],
)
def test_terminal_escapes_every_hidden_character_visibly(hostile, shown):
    assert terminal(hostile) == shown and terminal_line(hostile) == shown
    assert not _controls(terminal(hostile)) and "\x1b" not in terminal(hostile)


def test_terminal_keeps_plain_text_newlines_and_tabs_and_terminal_line_escapes_them():
    plain = "José 李 naïve — sigmoid(x) = 1 / (1 + e^-x) [ok] \\ 100%"
    assert terminal(plain) == plain and terminal_line(plain) == plain
    assert terminal("a\nb\tc") == "a\nb\tc"
    assert terminal_line("a\nb\tc\r") == "a\\nb\\tc\\r"
    assert terminal_line(terminal_line(HOSTILE_NAME)) == terminal_line(HOSTILE_NAME)  # idempotent


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_cell_makes_a_formula_text(formula):
    cell = csv_cell(formula)
    assert cell.startswith("'") and not _controls(cell)
    assert cell[1:] == terminal_line(formula)


@pytest.mark.parametrize("number", ["-1.5", "+2", "1e-3", "-0.25E+3", "66.67", "0", "-3", ".5"])
def test_csv_cell_keeps_numbers_numbers(number):
    assert csv_cell(number) == number


def test_csv_cell_other_values():
    assert csv_cell(None) == "" and csv_cell(2.5) == "2.5" and csv_cell(-1) == "-1"
    assert csv_cell("alice") == "alice" and csv_cell("ok") == "ok" and csv_cell("a=b") == "a=b"
    assert csv_cell(" =1+1") == "' =1+1" and csv_cell("-") == "'-" and csv_cell("-inf") == "'-inf"
    assert csv_cell("a\nb") == "a\\nb" and csv_cell(ESC_COLOUR) == terminal_line(ESC_COLOUR)


def _render_markdown(text: str) -> str:
    """HTML from CommonMark with GitHub's tables and strikethrough (markdown-it-py, rich's own)."""
    markdown_it = pytest.importorskip("markdown_it")
    return markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


def _render_gfm_like(text: str) -> str:
    """HTML from mistune with GitHub-like autolinks (``url``), tables and strikethrough."""
    mistune = pytest.importorskip("mistune")
    return mistune.create_markdown(escape=True, plugins=["url", "table", "strikethrough"])(text)


MARKUP = re.compile(r"<(?!/?(?:p|table|thead|tbody|tr|th|td)\b)[a-z]", re.I)
"""An HTML tag other than a paragraph's or a table's."""


@pytest.mark.parametrize(
    "hostile",
    [
        MD_LINK,
        MD_IMAGE,
        MD_HTML,
        "**bold** and __bold__ and *em* and _em_",
        "~~strike~~ `code` ```fence",
        "<http://evil.example> <a@b.org> www.evil.example http://evil.example/x a@b.org",
        "[ref]: http://evil.example\n[ref]",
        "# heading",
        "- list item",
        "+ list item",
        "1. ordered",
        "2) ordered",
        "> quote",
        "---",
        "===",
        "&lt;img src=x&gt; &#60;b&#62;",
        "\\[x\\](y)",
        "sigmoid(x) is 1 / (1 + exp(-x)); check the sign",
        ESC_COLOUR + BIDI,
    ],
)
def test_markdown_renders_as_the_text_itself_and_forms_no_markup(hostile):
    escaped = md(hostile)
    assert "\n" not in escaped and not _controls(escaped)
    assert "](" not in escaped and "<" not in escaped
    for render in (_render_markdown, _render_gfm_like):
        page = render(escaped)
        assert not MARKUP.search(page), (render.__name__, escaped, page)
    body = _render_markdown(escaped).strip()
    assert body.startswith("<p>") and body.endswith("</p>")
    assert html.unescape(body[3:-4]) == terminal_line(hostile)  # CommonMark shows the text itself


def test_markdown_keeps_a_table_row_whole():
    for hostile in (MD_TABLE_BREAK, "a \\| b", "| x |", HOSTILE_HINT):
        table = f"| check | hint |\n|---|---|\n| `c` | {md(hostile)} |\n"
        for render in (_render_markdown, _render_gfm_like):
            page = render(table)
            assert page.count("<td") == 2 and not MARKUP.search(page.replace("<code>", "").replace("</code>", ""))
        cell = re.findall(r"<td>(.*?)</td>", _render_markdown(table), re.S)[-1]
        assert html.unescape(cell) == terminal_line(hostile)


# --- the writers -----------------------------------------------------------------------------


def _result(name: str, *, status: str = "ok", message: str = HOSTILE_MESSAGE, hint: str = HOSTILE_HINT):
    checks = [
        CheckResult("f.values", "f", "failed", 0.0, 2.0, False, message, "values", hint),
        CheckResult("f.shape", "f", "passed", 1.0, 1.0, False),
        CheckResult("g.hidden", "g", "error", 0.0, 3.0, True, message, "raised", hint),
    ]
    return SubmissionResult(
        "a1_demo", name, 1.0, 6.0, status, message, checks, [f"cell 'f' failed to run: {message}"], {}
    )


def _hostile_class() -> list[SubmissionResult]:
    return [
        _result(HOSTILE_NAME, status=f"ok{ESC_COLOUR}"),
        _result("alice_ok", message="", hint=""),
        *(_result(formula) for formula in FORMULAS),
        _result("max points"),
        _result(f"{BIDI}\n{ZERO_WIDTH}"),
    ]


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def _assert_no_formula_and_no_control(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_START) or NUMBER.fullmatch(cell), (cell, row)
            assert not _controls(cell), (cell, row)


def test_csv_writers_write_no_formula_and_no_control_character():
    results = _hostile_class()
    gradebook = _cells(csvbook.render(results, ["f.values", "=1+1", "f.shape", "g.hidden"]))
    lms_rows = _cells(lms.render(results))
    assert len(gradebook) == 1 + len(results) and len(lms_rows) == 2 + len(results)
    _assert_no_formula_and_no_control(gradebook)
    _assert_no_formula_and_no_control(lms_rows)
    assert gradebook[0][:4] == ["submission", "score", "max_score", "status"] and gradebook[0][5] == "'=1+1"
    assert lms_rows[0] == ["student", "f", "g", "total", "max_points", "percentage", "status"]
    assert len({row[0] for row in gradebook[1:]}) == len(results)  # distinct names stay distinct
    assert gradebook[2] == ["alice_ok", "1", "6", "ok", "0", "", "1", "0"]
    assert lms_rows[3] == ["alice_ok", "1", "0", "1", "6", "16.67", "ok"]
    assert lms_rows[2][-1] == "ok\\x1b[31mred\\x1b[0m\\x1b[2J"


def test_a_result_named_max_points_cannot_add_a_max_points_row():
    results = [_result("alice_ok"), _result("max points"), _result("MAX POINTS"), _result("max\tpoints")]
    rows = _cells(lms.render(results))
    labels = [row[0].strip().casefold() for row in rows]
    assert labels.count("max points") == 1 and rows[1][0] == "max points"
    assert [row[0] for row in rows[2:]] == ["alice_ok", "max%20points", "MAX%20POINTS", "max%09points"]
    assert [row[0] for row in _cells(csvbook.render(results, []))[1:]] == [row[0] for row in rows[2:]]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_line_writes_no_control_character_but_its_own():
    for stream, prefix in ((io.StringIO(), ""), (_Terminal(), "\r\x1b[2K")):
        bar = ProgressBar(stream=stream)
        bar(1, 2, _result(HOSTILE_NAME, status=f"ok{ESC_COLOUR}"))
        bar(2, 2, _result(f"{BIDI}\n{ZERO_WIDTH}"))
        out = stream.getvalue()
        assert out.startswith(prefix) and out.endswith("\n")
        lines = out.removesuffix("\n").split(f"{prefix}" if prefix else "\n")[1 if prefix else 0 :]
        assert len(lines) == 2  # one line per result, each redrawing the last (a terminal) or its own (a log)
        for line in lines:
            assert line.startswith("[") and not _controls(line), repr(line)
        assert "\\x1b]8;;http://evil.example/" in out and "alice\\rbob_full_marks" in out and "\\u202e" in out
    assert not _controls(ProgressBar().line(1, 2, HOSTILE_NAME))


def test_the_starting_and_planned_text_is_one_plain_line():
    stream = io.StringIO()
    bar = ProgressBar(stream=stream)
    bar.starting(f"checking {HOSTILE_NAME}.ipynb: loading")
    bar.planned(2, 1, f"graded before{OVERWRITE}")
    assert not _controls(stream.getvalue(), allowed="\n") and stream.getvalue().count("\n") == 2


def test_the_spinner_text_is_not_read_as_rich_markup():
    stream = _Terminal()
    bar = ProgressBar(stream=stream)
    bar.starting("checking [link=http://evil.example]x[/link] [/bold] :smile: [red]y.ipynb: loading")
    bar.stop()
    out = stream.getvalue()
    assert "\x1b]8;" not in out and "evil.example" in out and "[/bold]" in out and ":smile:" in out


def test_the_text_tables_show_hidden_characters_escaped():
    results = _hostile_class()
    for text in (textreport.scores_table(results), *(textreport.student_table(r) for r in results)):
        assert not _controls(text, allowed="\n"), repr(text)
    scores = textreport.scores_table(results)
    assert "\\x1b]8;;http://evil.example/" in scores and "alice\\rbob_full_marks" in scores
    assert "\\u202e" in scores and "\\u202c\\na\\u200bd" in scores
    rows = scores.splitlines()
    assert len(rows) == 2 + len(results)  # a name with a newline stays on its own row
    student = textreport.student_table(_result(HOSTILE_NAME))
    assert "\\x1b[31mred" in student and "\\x08" in student and "\\u200b" in student and "\\x9b31m" in student


def test_the_markdown_summary_carries_no_markup_from_results():
    results = _hostile_class()
    summary = markdown.render(stats.summarize("a1_demo", results))
    assert "](" not in summary and "<img" not in summary and "<" not in summary
    assert not _controls(summary, allowed="\n")
    table_rows = [line for line in summary.splitlines() if line.startswith("|")]
    for row in table_rows:  # every row keeps its columns: no pipe from the results breaks one
        cells = re.split(r"(?<!\\)\|", row)[1:-1]
        assert len(cells) in (2, 6), row
    for render in (_render_markdown, _render_gfm_like):
        page = render(summary)
        for tag in ("<img", "<a ", "<strong>", "<em>", "<del>", "<s>"):
            assert tag not in page, (render.__name__, tag)
    assert "| ok\\x1b\\[31mred\\x1b\\[0m\\x1b\\[2J | 1 |" in summary  # the hostile status, escaped
    assert md(HOSTILE_HINT) in summary  # the hostile hint, escaped
