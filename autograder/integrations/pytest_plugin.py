"""pytest plugin: grade notebooks with ``pytest --assignment NAME NOTEBOOKS-OR-FOLDERS``.

Registered through the ``pytest11`` entry point; it does nothing unless ``--assignment`` is given
(except keeping ``solutions/NAME/test_*.py``, checks written as pytest tests, out of plain pytest
runs: they need the grader's fixtures). With it, the submissions are found by the grader's own
intake (:func:`autograder.batch.intake.collect`: one notebook per student in nbgrader's tree,
links refused anywhere on a path, names made safe and distinct), not by pytest's traversal, and
each becomes one item per check (``alice.ipynb::sigmoid.values``; a node id's every part is a
safe id, so no control character reaches the terminal) carrying the markers ``points(n)`` and
``visibility("public"|"hidden")``. The first item of a submission grades it with
:func:`autograder.grading.engine.grade` (the same sandboxed, confined single-use workers as
``autograder grade``, one reference and one fork server for the whole run) for the checks pytest
selected (``-k``, ``--lf``, ...), and each item reports its check: failures show the grader's
message (what a student may see: a hidden check only passed or failed, and its hint), not a
traceback. The terminal summary gives each submission's score, status, problems and review
flags. Points, maximum points, visibility and review flags are also user properties, so
``--junitxml`` and ``--json-report`` hold them for every test case. When the host cannot confine
workers as the course requires (``sandbox.require`` in ``grading.yml``), the run stops with exit
code 4 and the reason.

Nothing from the submissions' folders is imported: while grading, ``conftest.py`` files are not
loaded (``--noconftest`` is forced), only ``.ipynb`` files are collected, and folders are plain
folders even with an ``__init__.py``.
"""

from __future__ import annotations

import contextlib
import os
import textwrap
import threading
from pathlib import Path

import pytest

from autograder.core import names
from autograder.core.results import CheckResult, SubmissionResult, student_view
from autograder.reports.untrusted import terminal
from autograder.reports.wording import explanation, fraction, notes

_MARKERS = {
    "points(n): points a check is worth (autograder; for checks written as tests it must agree with grading.yml)",
    "visibility(kind): 'public' or 'hidden' (autograder; checks written as tests are hidden)",
    "hint(text): the hint shown when a check written as a test fails (autograder)",
}


def pytest_addoption(parser: pytest.Parser) -> None:
    """Adds ``--assignment`` and ``--course-root``."""
    group = parser.getgroup("autograder", "grading notebooks with the autograder")
    group.addoption(
        "--assignment",
        metavar="NAME",
        default=None,
        help="grade the given notebooks (or folders of notebooks) for assignment NAME, one test per check",
    )
    group.addoption(
        "--course-root",
        metavar="PATH",
        default=None,
        help="the course repo (default: the nearest folder at or above the current one with grading.yml "
        "and nbgrader_config.py)",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config, parser: pytest.Parser, args: list[str]) -> None:
    """While grading, no ``conftest.py`` is loaded: one in a submission folder would run in this process."""
    if getattr(early_config.known_args_namespace, "assignment", None):
        early_config.known_args_namespace.noconftest = True


def _grading(config: pytest.Config) -> GradingRun | None:
    return config.stash.get(_RUN, None)


def pytest_configure(config: pytest.Config) -> None:
    """Registers the markers; with ``--assignment``, loads the assignment (a bad one is a usage error)."""
    for line in sorted(_MARKERS):
        config.addinivalue_line("markers", line)
    name = config.getoption("assignment")
    if not name:
        return
    from autograder.core.config import ConfigError
    from autograder.course.assignment import AssignmentError, load
    from autograder.integrations.nbgrader import autograde as nbgrade

    invocation = Path(config.invocation_params.dir)
    try:
        root = (
            Path(config.getoption("course_root")).resolve()
            if config.getoption("course_root")
            else nbgrade.find_course(invocation)
        )
        loaded = load(name, root=root)
    except (AssignmentError, ConfigError, FileNotFoundError) as err:
        raise pytest.UsageError(f"--assignment {name}: {err}") from None
    args = [Path(a.split("::")[0]) for a in config.args]
    folders = [(invocation / a).resolve() for a in args]
    folders = [f if f.is_dir() else f.parent for f in folders]
    inipath = config.inipath.resolve() if config.inipath else None
    if (
        inipath is not None
        and inipath.parent != root
        and any(f == inipath.parent or f in inipath.parents for f in folders)
    ):
        raise pytest.UsageError(
            f"pytest read its settings from {inipath}, inside the submissions; run from the course "
            f"root or pass -c {root / 'pyproject.toml'}"
        )
    from autograder.batch import intake

    found = intake.collect([a if a.is_absolute() else invocation / a for a in args], assignment=loaded.name)
    try:
        found.require_some()
    except intake.NoNotebook as err:  # exit 4 naming each path, not pytest's silent "no tests ran" (5)
        raise pytest.UsageError(str(err)) from None
    config.stash[_RUN] = GradingRun(assignment=loaded, root=root, found=found, invocation=invocation, args=config.args)


def pytest_unconfigure(config: pytest.Config) -> None:
    """Stops the fork server."""
    run = _grading(config)
    if run is not None:
        run.close()


def _is_test_check_file(path: Path) -> bool:
    return (
        path.name.startswith("test_")
        and path.suffix == ".py"
        and any((path.parent / f).is_file() for f in ("public_checks.py", "hidden_checks.py"))
    )


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Outside grading, leaves out checks written as tests (grading collects by itself)."""
    if _grading(config) is None:
        return True if _is_test_check_file(collection_path) else None
    return True


@pytest.hookimpl(tryfirst=True)
def pytest_collection(session: pytest.Session) -> bool | None:
    """While grading, the items are the grader intake's submissions, one item per check."""
    run = _grading(session.config)
    if run is None:
        return None
    hook = session.config.hook
    items: list = []
    try:
        for sub in run.found.submissions:
            node = SubmissionFile.from_parent(
                session,
                path=Path(os.path.abspath(sub.path)),
                name=sub.name,
                nodeid=run.nodeids.setdefault(sub.name, _nodeid(sub, session.config.rootpath, run.invocation)),
            )
            node.submission = sub
            items.extend(item for item in session.genitems(node) if run.wanted(sub, item.check_id))
        session.items = items
        hook.pytest_collection_modifyitems(session=session, config=session.config, items=items)
    finally:
        hook.pytest_collection_finish(session=session)
    session.testscollected = len(items)
    return True


def _nodeid(sub, rootpath: Path, invocation: Path) -> str:
    """A submission's node id, as pytest would make it (its path from pytest's root folder, else
    from the current one, else its file name), each part a safe id."""
    path = Path(os.path.abspath(sub.path))
    for top in (rootpath, invocation):
        if path.is_relative_to(top):
            return "/".join(names.safe_id(part) for part in path.relative_to(top).parts)
    return names.safe_id(path.name)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Remembers which checks of each submission pytest will run (after ``-k``, ``--lf``, ...)."""
    run = _grading(session.config)
    if run is None:
        return
    for item in session.items:
        if isinstance(item, CheckItem):
            run.selected.setdefault(item.parent.submission.name, []).append(item.check_id)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """Prints each graded submission's score."""
    run = _grading(config)
    if run is None or not run.results:
        return
    terminalreporter.section(f"autograder scores: {run.assignment.name}")
    for line in run.said:
        terminalreporter.write_line(terminal(line))
    for note in run.found.unused() + run.found.notes:
        terminalreporter.write_line(terminal(f"autograder: {note}"))
    for name, full in run.results.items():
        result = student_view(full)
        total = len(run.assignment.checks)
        chosen = len(run.selected.get(name, []))
        scope = "" if chosen == total else f" on the {chosen} selected of {total} checks"
        passed = sum(1 for c in result.checks if c.status == "passed")
        terminalreporter.write_line(
            f"{run.nodeids.get(name, name)}: {result.score:g} / {result.max_score:g} points{scope} "
            f"({passed} of {len(result.checks)} checks passed; status {result.status})"
        )
        said = [f"note: {n}" for n in notes(result)]
        for note in said + [f"review: {flag}" for flag in full.flags]:
            terminalreporter.write_line(
                textwrap.fill(terminal(note), width=100, initial_indent="    ", subsequent_indent="      ")
            )


class GradingRun:
    """What one ``pytest --assignment`` run shares: the assignment, its reference, workers, results."""

    def __init__(self, *, assignment, root: Path, found, invocation: Path, args):
        self.assignment = assignment
        self.root = root
        self.found = found
        self.invocation = invocation
        self.only = _selections(args, invocation)
        self.selected: dict[str, list[str]] = {}
        self.results: dict[str, SubmissionResult] = {}
        self.nodeids: dict[str, str] = {}
        self.said: list[str] = []  # the session's announcement (how workers are confined), for the summary
        self.lock = threading.Lock()
        self._stack = contextlib.ExitStack()
        self._session = None

    def wanted(self, sub, check_id: str) -> bool:
        """Whether a ``path::check`` argument leaves this check of this submission in the run."""
        chosen = self.only.get(os.path.abspath(sub.path))
        return chosen is None or check_id in chosen

    def _start(self) -> None:
        from autograder.grading.session import open_session
        from autograder.sandbox.confinement import SandboxUnavailable

        folders = {Path(os.path.abspath(s.path)).parent for s in self.found.submissions}
        try:
            self._session = self._stack.enter_context(
                open_session(self.assignment, root=self.root, hide=[Path.home(), *folders], announce=self.said.append)
            )
        except SandboxUnavailable as err:
            pytest.exit(f"autograder: {err}", returncode=pytest.ExitCode.USAGE_ERROR)

    def result(self, sub) -> SubmissionResult:
        """The submission's complete result for the selected checks, graded on first use."""
        if sub.name not in self.results:
            with self.lock:
                if self._session is None:
                    self._start()
            result = self._session.grade(sub.path, name=sub.name, tree=sub.tree, only=self.selected.get(sub.name))
            result.problems = list(sub.problems) + list(result.problems)
            result.flags = list(sub.flags) + list(result.flags)
            self.results[sub.name] = result
        return self.results[sub.name]

    def close(self) -> None:
        """Stops the fork server and removes its folder."""
        self._stack.close()


_RUN = pytest.StashKey[GradingRun]()


def _selections(args, invocation: Path) -> dict[str, set[str]]:
    """``path::check`` arguments: the checks chosen per notebook (by its absolute path, links unresolved)."""
    out: dict[str, set[str]] = {}
    for arg in args:
        path, sep, rest = arg.partition("::")
        if sep and rest:
            out.setdefault(os.path.abspath(invocation / path), set()).add(rest.split("::")[0])
    return out


class SubmissionFile(pytest.File):
    """A submitted notebook (its intake :class:`autograder.batch.intake.Submission` in ``submission``):
    one :class:`CheckItem` per check of the assignment."""

    submission = None

    def collect(self):
        run = _grading(self.config)
        for check in run.assignment.checks:
            settings = run.assignment.settings(check)
            item = CheckItem.from_parent(
                self, name=check.id, check_id=check.id, points=float(settings.points), visibility=settings.visibility
            )
            yield item


class CheckFailed(Exception):
    """A check did not pass; carries its result for :meth:`CheckItem.repr_failure`."""

    def __init__(self, result: CheckResult):
        super().__init__(explanation(result))
        self.result = result


class CheckItem(pytest.Item):
    """One check of one submission."""

    def __init__(self, *, check_id: str, points: float, visibility: str, **kwargs):
        super().__init__(**kwargs)
        self.check_id = check_id
        self.add_marker(pytest.mark.points(points))
        self.add_marker(pytest.mark.visibility(visibility))
        self.extra_keyword_matches.add(visibility)
        self.user_properties += [("max_points", points), ("visibility", visibility)]

    def runtest(self) -> None:
        full = _grading(self.config).result(self.parent.submission)
        result = student_view(full)
        mine = next(c for c in result.checks if c.id == self.check_id)
        self.user_properties += [("points", mine.points), ("status", mine.status), ("category", mine.category)]
        self.user_properties += [("submission", result.submission), ("submission_status", result.status)]
        self.user_properties += [("review_flags", "; ".join(full.flags))] if full.flags else []
        if mine.status != "passed":
            raise CheckFailed(mine)

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, CheckFailed):
            r = excinfo.value.result
            head = f"{r.id}: {r.status.upper()} {fraction(r.points, r.max_points)} points ({'hidden' if r.hidden else r.category})"
            body = textwrap.fill(
                terminal(explanation(r) or "(no message)"), width=100, initial_indent="    ", subsequent_indent="    "
            )
            return f"{head}\n{body}"
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        # The domain heads the failure's section; it must not end the node id, or `-v` rewrites its dots.
        visibility = next(m.args[0] for m in self.iter_markers("visibility"))
        points = next(m.args[0] for m in self.iter_markers("points"))
        shown = self.parent.nodeid.rpartition("/")[2]
        return (
            self.path,
            None,
            f"{shown}::{self.check_id} ({visibility}, {points:g} point{'' if points == 1 else 's'})",
        )

    @property
    def location(self) -> tuple[str, int | None, str]:
        """Where pytest says the item is: its safe node id's file part (never the raw file name)."""
        return (self.parent.nodeid, None, self.reportinfo()[2])
