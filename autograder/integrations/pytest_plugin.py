"""pytest plugin: grade notebooks with ``pytest --assignment NAME NOTEBOOKS-OR-FOLDERS``.

Registered through the ``pytest11`` entry point; it does nothing unless ``--assignment`` is given
(except keeping ``solutions/NAME/test_*.py``, checks written as pytest tests, out of plain pytest
runs: they need the grader's fixtures). With it, every ``.ipynb`` file given or found in a given
folder becomes one item per check (``alice.ipynb::sigmoid.values``) carrying the markers
``points(n)`` and ``visibility("public"|"hidden")``. The first item of a submission grades it with
:func:`autograder.grading.engine.grade` (the same sandboxed, confined single-use workers as
``autograder grade``, one reference and one fork server for the whole run) for the checks pytest
selected (``-k``, ``--lf``, ...), and each item reports its check: failures show the grader's
message (hidden checks: pass/fail and the hint), not a traceback. The terminal summary gives each
submission's score. Points, maximum points and visibility are also user properties, so
``--junitxml`` and ``--json-report`` hold them for every test case.

Nothing from the submissions' folders is imported: while grading, ``conftest.py`` files are not
loaded (``--noconftest`` is forced), only ``.ipynb`` files are collected, and folders are plain
folders even with an ``__init__.py``.
"""

from __future__ import annotations

import contextlib
import textwrap
import threading
from pathlib import Path

import pytest

from autograder.model.results import CheckResult, SubmissionResult
from autograder.reports.wording import explanation, fraction

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
    from autograder.course.assignment import AssignmentError, load
    from autograder.integrations.nbgrader import autograde as nbgrade
    from autograder.model.config import ConfigError

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
    args = [(invocation / a).resolve() for a in config.args]
    folders = [a if a.is_dir() else a.parent for a in args]
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
    config.stash[_RUN] = GradingRun(assignment=loaded, root=root)


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
    """While grading, collects only notebooks; otherwise leaves out checks written as tests."""
    if _grading(config) is None:
        return True if _is_test_check_file(collection_path) else None
    if collection_path.is_dir():
        return True if collection_path.name in (".ipynb_checkpoints", "__pycache__", ".git") else None
    return collection_path.suffix != ".ipynb"


@pytest.hookimpl(tryfirst=True)
def pytest_collect_directory(path: Path, parent: pytest.Collector):
    """While grading, a folder is a plain folder (pytest would import a package's ``__init__.py``)."""
    if _grading(parent.config) is not None:
        return pytest.Dir.from_parent(parent, path=path)
    return None


def pytest_collect_file(file_path: Path, parent: pytest.Collector):
    """A notebook becomes a :class:`SubmissionFile` while grading."""
    if _grading(parent.config) is not None and file_path.suffix == ".ipynb":
        return SubmissionFile.from_parent(parent, path=file_path)
    return None


def pytest_collection_finish(session: pytest.Session) -> None:
    """Remembers which checks of each submission pytest will run (after ``-k``, ``--lf``, ...)."""
    run = _grading(session.config)
    if run is None:
        return
    for item in session.items:
        if isinstance(item, CheckItem):
            run.selected.setdefault(item.path, []).append(item.check_id)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    """Prints each graded submission's score."""
    run = _grading(config)
    if run is None or not run.results:
        return
    terminalreporter.section(f"autograder scores: {run.assignment.name}")
    for path, result in run.results.items():
        total = len(run.assignment.checks)
        chosen = len(run.selected.get(path, []))
        scope = "" if chosen == total else f" on the {chosen} selected of {total} checks"
        passed = sum(1 for c in result.checks if c.status == "passed")
        terminalreporter.write_line(
            f"{_relative(path, config)}: {result.score:g} / {result.max_score:g} points{scope} "
            f"({passed} of {len(result.checks)} checks passed; status {result.status})"
        )
        for note in ([result.message] if result.message else []) + list(result.problems):
            terminalreporter.write_line(
                textwrap.fill(f"note: {note}", width=100, initial_indent="    ", subsequent_indent="      ")
            )


def _relative(path: Path, config: pytest.Config) -> str:
    try:
        return str(path.relative_to(config.rootpath))
    except ValueError:
        return str(path)


class GradingRun:
    """What one ``pytest --assignment`` run shares: the assignment, its reference, workers, results."""

    def __init__(self, *, assignment, root: Path):
        self.assignment = assignment
        self.root = root
        self.selected: dict[Path, list[str]] = {}
        self.results: dict[Path, SubmissionResult] = {}
        self.lock = threading.Lock()
        self._stack = contextlib.ExitStack()
        self._session = None

    def _start(self) -> None:
        from autograder.grading.session import open_session

        self._session = self._stack.enter_context(
            open_session(
                self.assignment, root=self.root, hide=[Path.home(), *{p.resolve().parent for p in self.selected}]
            )
        )

    def result(self, path: Path) -> SubmissionResult:
        """The submission's result for the selected checks, graded on first use."""
        from autograder.batch import local as batch

        if path not in self.results:
            with self.lock:
                if self._session is None:
                    self._start()
            self.results[path] = self._session.grade(
                path, name=batch.submission_name(path, self.assignment.name), only=self.selected.get(path)
            )
        return self.results[path]

    def close(self) -> None:
        """Stops the fork server and removes its folder."""
        self._stack.close()


_RUN = pytest.StashKey[GradingRun]()


class SubmissionFile(pytest.File):
    """A submitted notebook: one :class:`CheckItem` per check of the assignment."""

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
        result = _grading(self.config).result(self.path)
        mine = next(c for c in result.checks if c.id == self.check_id)
        self.user_properties += [("points", mine.points), ("status", mine.status), ("category", mine.category)]
        if mine.status != "passed":
            raise CheckFailed(mine)

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, CheckFailed):
            r = excinfo.value.result
            head = f"{r.id}: {r.status.upper()} {fraction(r.points, r.max_points)} points ({r.category}{', hidden' if r.hidden else ''})"
            body = textwrap.fill(
                explanation(r) or "(no message)", width=100, initial_indent="    ", subsequent_indent="    "
            )
            return f"{head}\n{body}"
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        # The domain heads the failure's section; it must not end the node id, or `-v` rewrites its dots.
        visibility = next(m.args[0] for m in self.iter_markers("visibility"))
        points = next(m.args[0] for m in self.iter_markers("points"))
        return (
            self.path,
            None,
            f"{self.path.name}::{self.check_id} ({visibility}, {points:g} point{'' if points == 1 else 's'})",
        )
