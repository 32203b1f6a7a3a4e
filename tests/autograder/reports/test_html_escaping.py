"""Hostile text in results comes out of every HTML page as text, never as markup.

Every string a result carries (the submission's name, the assignment's, messages, hints, problems,
review flags, check ids, targets, statuses, categories, the staff record's values, an unreadable
file's path) holds script tags, attribute breakouts, a ``javascript:`` URL, a ``</style>``, Jinja2
syntax, an entity, control characters and a right-to-left override. Each page kind (the TA report,
each submission's own page, the student's feedback page, the staff page) is parsed with
:class:`html.parser.HTMLParser`: no script or unknown element, no event-handler attribute, links
only to fragments of the page or to pages named by :func:`autograder.core.names.safe_id`, and
each hostile string read back exactly, where it belongs.
"""

from __future__ import annotations

import dataclasses
import re
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import jinja2

from autograder.core import names, results
from autograder.core.results import CheckResult, SubmissionResult
from autograder.reports import Unreadable, feedback, stats, write_reports
from autograder.reports import html as html_report
from autograder.reports.wording import explanation

HOSTILE = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='x",
    "javascript:alert(1)",
    "</style><script>",
    "{{ 7*7 }}",
    "{% raw %}",
    "&lt;",
    "\x00\x01\x08\x0b\x0c\x1b[31m\x7f",
    "\u202e",
)
EVIL = "".join(HOSTILE)

ALLOWED_TAGS = {
    *("html", "head", "meta", "title", "style", "body", "main", "section", "div", "h1", "h2", "h3", "p"),
    *("code", "pre", "strong", "span", "a", "br", "ul", "ol", "li"),
    *("table", "colgroup", "col", "thead", "tbody", "tr", "th", "td"),
    *("svg", "rect", "line", "text"),
}


def evil(field: str) -> str:
    """A hostile string that says which field it is in."""
    return f"{field} {EVIL} end"


@dataclasses.dataclass
class Element:
    tag: str
    attrs: list[tuple[str, str | None]]
    parts: list[str]

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def attr(self, name: str) -> str | None:
        return dict(self.attrs).get(name)


class Page(HTMLParser):
    """A parsed page: every element with its attributes and the text inside it."""

    VOID = {"meta", "br", "col", "img", "input", "link", "hr", "wbr", "source", "area", "base", "embed"}

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.raw = text
        self.elements: list[Element] = []
        self.others: list[str] = []  # comments, declarations other than the doctype, processing instructions
        self._open: list[Element] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, [])
        self.elements.append(element)
        if tag not in self.VOID:
            self._open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append(Element(tag, attrs, []))

    def handle_endtag(self, tag):
        for k in range(len(self._open) - 1, -1, -1):
            if self._open[k].tag == tag:
                del self._open[k:]
                break

    def handle_data(self, data):
        for element in self._open:
            element.parts.append(data)

    def handle_comment(self, data):
        self.others.append(f"comment {data!r}")

    def handle_decl(self, decl):
        if decl.lower() != "doctype html":
            self.others.append(f"declaration {decl!r}")

    def handle_pi(self, data):
        self.others.append(f"processing instruction {data!r}")

    def unknown_decl(self, data):
        self.others.append(f"declaration {data!r}")

    def find(self, tag: str, cls: str | None = None) -> list[Element]:
        return [e for e in self.elements if e.tag == tag and (cls is None or cls in (e.attr("class") or "").split())]

    def texts(self, tag: str, cls: str | None = None) -> list[str]:
        return [e.text for e in self.find(tag, cls)]

    @property
    def body(self) -> str:
        return "".join(e.text for e in self.find("main"))


def assert_inert(page: Page, *, folder: str = "") -> list[str]:
    """No script, unknown element or event handler; every link a fragment of the page or a safe page.

    Returns:
        The links to other pages, unquoted, for the caller to check that they exist.
    """
    tags = {e.tag for e in page.elements}
    assert "script" not in tags and tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    assert not page.others, page.others
    assert "<script" not in page.raw.lower() and "<img" not in page.raw.lower()
    ids = {e.attr("id") for e in page.elements if e.attr("id")}
    pages = []
    for e in page.elements:
        for name, value in e.attrs:
            assert not name.lower().startswith("on"), (e.tag, name, value)
            if name != "title":  # a review flag's tooltip is the one attribute that carries results' text
                assert not any(h in (value or "") for h in HOSTILE[:-1]), (e.tag, name, value)
        href = e.attr("href")
        if href is None:
            continue
        if href.startswith("#"):
            assert href[1:] in ids, href
            continue
        assert re.fullmatch(r"[A-Za-z0-9_.%/~-]+", href), href  # no scheme, no query, nothing unquoted
        where, _, name = urllib.parse.unquote(href).rpartition("/")
        assert where == folder and name.endswith(".html") and names.is_safe_id(name[: -len(".html")]), href
        pages.append(urllib.parse.unquote(href))
    return pages


def _hostile(name: str = "name", *, assignment: str = "") -> SubmissionResult:
    checks = [
        CheckResult(
            evil("public id"),
            evil("target"),
            "failed",
            0.0,
            2.0,
            False,
            evil("public message"),
            "values",
            evil("public hint"),
        ),
        CheckResult(
            evil("hidden id"),
            evil("target"),
            "error",
            0.0,
            3.0,
            True,
            evil("hidden message"),
            evil("hidden category"),
            evil("hidden hint"),
        ),
        CheckResult(evil("odd id"), evil("other target"), evil("status"), 0.0, 1.0, False, evil("odd message")),
    ]
    return SubmissionResult(
        assignment or evil("assignment"),
        evil(name),
        0.0,
        6.0,
        evil("submission status"),
        evil("message"),
        checks,
        [evil("problem")],
        {},
        graded_at=evil("graded at"),
        flags=[f"{evil('flag code')}: {evil('flag')}"],
    )


def _staff_record(result: SubmissionResult) -> dict:
    hidden = result.checks[1]
    return {
        "checks": {
            hidden.id: {
                "inputs": {evil("input name"): evil("input value")},
                "expected": evil("expected"),
                "received": evil("received"),
                "received_type": evil("received type"),
                "message": evil("staff message"),
            }
        }
    }


def _assert_student_page(page: Page, result: SubmissionResult) -> None:
    public, hidden, odd = result.checks
    assert page.texts("h1") == [f"{result.assignment}: feedback for {result.submission}"]
    assert page.texts("title") == [f"{result.assignment}: {result.submission}"]
    assert f"status {result.status}; graded {result.graded_at}." in page.texts("p", "meta")[0]
    assert page.texts("li") == result.problems + [result.message]  # the notebook's problems first
    assert [t.rsplit(": ", 1)[0] for t in page.texts("h2")] == [public.target, odd.target]
    assert page.texts("code") == [public.target, public.id, hidden.id, odd.target, odd.id]
    assert page.texts("td", "details") == [
        explanation(public),
        f"hidden check failed. Hint: {hidden.hint}",
        explanation(odd),
    ]
    assert page.texts("span", "badge") == ["failed", "failed", odd.status]
    for secret in (hidden.message, hidden.category, *result.flags):
        assert secret not in page.body


def test_student_page_shows_hostile_text_as_text():
    result = _hostile()
    text = feedback.render_student(result)
    page = Page(text)
    assert_inert(page)
    _assert_student_page(page, result)
    assert "&amp;lt;" in text and "{{ 7*7 }}" in page.body and "{% raw %}" in page.body  # literal, not evaluated


def test_staff_page_shows_hostile_text_as_text():
    result = _hostile()
    page = Page(feedback.render_staff(result, _staff_record(result)))
    assert_inert(page)
    public, hidden, odd = result.checks
    assert page.texts("h1") == [f"{result.assignment}: {result.submission} (staff view)"]
    assert [li.text for li in page.find("li")] == result.problems + [result.message] + result.flags
    flags = page.find("div", "flags")
    assert len(flags) == 1 and flags[0].text == "Review:" + "".join(result.flags)
    assert page.texts("h2") == page.texts("code")[::3] == [public.target, odd.target]
    assert page.texts("code") == [public.target, public.id, hidden.id, odd.target, odd.id]
    cells = page.texts("td")
    assert hidden.category in cells and public.category in cells and odd.category in cells
    assert evil("staff message") in cells and public.message in cells and odd.message in cells
    assert hidden.hint in cells and public.hint in cells
    pres = page.texts("pre")
    assert f"{evil('input name')} = {evil('input value')}" in pres and evil("expected") in pres
    assert f"{evil('received')} of type {evil('received type')}" in pres
    assert "{{ 7*7 }}" in page.body and "&lt;" in page.body


def _written_class(folder: Path) -> None:
    """Two hostile submissions of one assignment, and an unreadable file whose path is hostile."""
    for k, name in enumerate(("name one", "name two")):
        results.write(_hostile(name, assignment="a1"), folder / f"s{k}" / "a1" / "result.json")
    bad = folder / "<script>alert(1)</script>&lt;{{ 7*7 }}\u202e" / "a1" / "result.json"
    bad.parent.mkdir(parents=True)
    bad.write_text("{not json", encoding="utf-8")


def test_ta_report_and_own_pages_show_hostile_text_as_text(tmp_path):
    _written_class(tmp_path / "results")
    written = write_reports(tmp_path / "results", tmp_path / "out", members=True, by_function=True)
    text = written["report-a1.html"].read_text(encoding="utf-8")
    page = Page(text)
    linked = assert_inert(page, folder="report-a1")
    subs = [_hostile(n, assignment="a1") for n in ("name one", "name two")]
    assert sorted(linked) == sorted(f"report-a1/{feedback.page_name(r.submission)}" for r in subs)
    for link, result in zip(sorted(linked), sorted(subs, key=lambda r: feedback.page_name(r.submission))):
        own = Page(written[link].read_text(encoding="utf-8"))
        assert_inert(own)
        _assert_student_page(own, result)
    public, hidden, odd = subs[0].checks
    submissions = [a.text for a in page.find("a") if (a.attr("href") or "").startswith("#sub-")]
    assert submissions == [r.submission for r in subs]
    sections = page.find("section", "submission")
    assert [s.text.startswith(r.submission) for s, r in zip(sections, subs)] == [True, True]
    assert page.texts("ul", "problems") == [r.problems[0] + r.message for r in subs]  # problems, then the message
    flag = subs[0].flags[0]
    badges = [b for b in page.find("span", "s-invalid") if b.attr("title")]
    assert [(b.attr("title"), b.text) for b in badges] == [(flag, f"review: {flag.partition(':')[0]}")] * 2
    assert page.texts("div", "flags") == [f"Review:{flag}"] * 2
    details = page.texts("td", "details")
    assert details == [explanation(public), f"Hint: {hidden.hint}", explanation(odd)] * 2
    groups = page.texts("ol", "groups")
    assert stats.mask_numbers(public.message) in groups[0] and f"hint: {hidden.hint}" in groups[1]
    assert "name one" in groups[0] and subs[1].submission in groups[0]  # --members: who, as text
    assert page.texts("p", "hint") == [f"Hint: {public.hint}"]
    assert any(t.startswith(f"{public.target}: ") for t in page.texts("th"))  # --by-function rows
    unreadable = [e for e in page.find("section") if e.attr("id") == "unreadable"]
    assert "<script>alert(1)</script>&lt;{{ 7*7 }}\u202e/a1/result.json" in unreadable[0].text
    assert hidden.message not in page.body and hidden.category in page.body  # counted among the error categories
    assert "&amp;lt;" in text and "{{ 7*7 }}" in page.body and "{% raw %}" in page.body


def test_report_render_takes_hostile_assignment_statuses_and_unreadable_reasons():
    subs = [_hostile("one"), _hostile("two")]
    summary = stats.summarize(subs[0].assignment, subs)
    skipped = [Unreadable(Path(evil("path")), evil("reason"), "")]
    text = html_report.render(summary, subs, skipped, source=evil("source"), pages=None)
    page = Page(text)
    assert_inert(page)
    assert page.texts("title")[:1] == page.texts("h1") == [f"{subs[0].assignment}: grading report"]
    assert evil("source") in page.texts("code")
    labels = page.texts("div", "label")
    assert f"submissions {subs[0].status}" in labels and f"checks {subs[0].checks[1].category}" in labels
    items = [li.text for li in page.find("li")]
    assert f"{evil('path')}: {evil('reason')}" in items
    badges = page.texts("span", "badge")
    assert subs[0].status in badges and subs[0].checks[2].status in badges
    for element in page.find("span", "badge"):  # a status never chooses a class
        assert re.fullmatch(r"badge [sr]-[a-z]+", element.attr("class")), element.attr("class")


def test_feedback_pages_are_named_by_safe_id_and_show_hostile_text_as_text(tmp_path):
    _written_class(tmp_path / "results")
    written = feedback.write_feedback(tmp_path / "results", tmp_path / "pages", staff=True)
    assert len(written) == 4
    expected = {r.submission: r for r in (_hostile(n, assignment="a1") for n in ("name one", "name two"))}
    for path in written:
        assert path.parent in (tmp_path / "pages" / "a1", tmp_path / "pages" / "a1" / "staff")
        assert path.name.endswith(".html") and names.is_safe_id(path.name[: -len(".html")])
        page = Page(path.read_text(encoding="utf-8"))
        assert_inert(page)
        if path.parent.name == "a1":
            submission = page.texts("h1")[0].split(": feedback for ", 1)[1]
            assert path.name == feedback.page_name(submission)
            _assert_student_page(page, expected[submission])


def test_one_autoescaping_environment_and_no_hand_escaping():
    env = html_report.ENVIRONMENT
    assert env.autoescape is True and env.undefined is jinja2.StrictUndefined
    assert sorted(env.list_templates()) == [
        "base.html",
        "feedback_base.html",
        "histogram.svg",
        "notes.html",
        "report.html",
        "similarity.html",
        "staff.html",
        "student.html",
    ]
    for name in env.list_templates():
        source = env.loader.get_source(env, name)[0]
        for marker in ("|safe", "| safe", "Markup", "autoescape false", "autoescape=false"):
            assert marker not in source, (name, marker)
    for module in (html_report, feedback):
        source = Path(module.__file__).read_text(encoding="utf-8")
        assert "html.escape" not in source and "from html import" not in source and "Markup" not in source
