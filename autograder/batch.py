"""Grading many submissions: one assignment load and one reference for the whole batch."""

from __future__ import annotations

import concurrent.futures
import contextlib
import dataclasses
import hashlib
import sys
import tempfile
import threading
import traceback
from pathlib import Path

from autograder import assignment as assignment_mod
from autograder import config as config_mod
from autograder import engine, examples, isolation, results, sandbox
from autograder.forkserver import ForkServer
from autograder.results import CheckResult, SubmissionResult


def submission_name(path: Path, assignment: str) -> str:
    """A submission's name: the file's stem, or the student folder in nbgrader's tree."""
    path = Path(path)
    if path.stem != assignment:
        return path.stem
    for parent in path.resolve().parents:
        if parent.name != assignment:
            return parent.name
    return path.stem


def expand(paths: list[str | Path]) -> list[Path]:
    """Notebooks given directly, or found (recursively) in given folders, in sorted order.

    Raises:
        FileNotFoundError: A path does not exist.
    """
    out = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*.ipynb") if ".ipynb_checkpoints" not in q.parts))
        elif p.exists():
            out.append(p)
        else:
            raise FileNotFoundError(f"{p}: no such file or folder")
    return out


def _engine_failure(path: Path, name: str, loaded, err: BaseException) -> SubmissionResult:
    print(f"autograder: internal error while grading {path}:\n{traceback.format_exc()}", file=sys.stderr)
    checks = [CheckResult(c.id, c.target, "error", 0.0, float(loaded.settings(c).points), loaded.settings(c).hidden,
                          "not graded: the autograder failed; your instructor has the details", "crashed", c.hint)
              for c in loaded.checks]
    return SubmissionResult(loaded.name, name, 0.0, float(sum(c.max_points for c in checks)), "crashed",
                            f"autograder failed ({type(err).__name__}); regrade after fixing", checks, [], {})


def result_path(out: Path, submission: str, assignment: str) -> Path:
    """Where a submission's ``result.json`` goes."""
    return Path(out) / submission / assignment / "result.json"


def _previous(path: Path) -> SubmissionResult | None:
    try:
        return results.read(path)
    except (OSError, ValueError, TypeError, KeyError):
        return None


def select(paths: list[Path], names: list[str], *, assignment: str, out: Path, resume: bool, only_failed: bool):
    """The submissions still to grade: all, or (resume) those without a result for their current
    file, or (only_failed) those whose result ended in error, timeout, memory, crash or invalid."""
    todo = []
    for path, name in zip(paths, names):
        prev = _previous(result_path(out, name, assignment)) if (resume or only_failed) else None
        if prev is not None:
            try:
                same_file = prev.submission_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                same_file = False
            failed = prev.status != "ok" or any(c.category in ("timeout", "memory", "crashed") for c in prev.checks)
            if only_failed and not failed and same_file:
                continue
            if resume and not only_failed and same_file:
                continue
        todo.append((path, name))
    return todo


def _write(result: SubmissionResult, out: Path, assignment: str, fmt: str) -> None:
    results.write(result, result_path(out, result.submission, assignment))
    if fmt == "gradescope":
        from autograder import gradescope

        gradescope.write(result, Path(out) / result.submission / assignment / "results.json")


def grade_many(submissions, *, assignment: str, root: Path, out: Path, fmt: str = "json", jobs: int = 1,
               resume: bool = False, only_failed: bool = False, progress=None, fast: bool = True,
               isolate: bool = True, scheduler: str | None = None, on_plan=None) -> list[SubmissionResult]:
    """Grades notebooks, several at a time, writing each result as soon as it is known.

    Args:
        submissions: Notebooks or folders of notebooks.
        assignment: The assignment's name.
        root: The course repo.
        out: The results folder.
        fmt: ``json`` (``result.json``) or ``gradescope`` (also ``results.json`` in Gradescope's schema).
        jobs: Submissions graded at the same time.
        resume: Skip submissions that already have a result for the same file (an interrupted batch).
        only_failed: Regrade only submissions whose result ended in an error status or timeout.
        progress: Called as ``progress(done, total, result)`` after each submission.
        fast: Fork single-use workers from a process that has imported TensorFlow once.
        isolate: Confine workers (own user, private mounts hiding the course and other submissions,
            no network) as far as this machine allows; see :mod:`autograder.isolation`.
        scheduler: A Dask scheduler address (``tcp://host:port``): grade on that cluster instead
            of here, with the same result files (see :mod:`autograder.cluster`).
        on_plan: Called once as ``on_plan(to_grade, skipped)`` when it is known how many
            submissions will be graded and how many ``resume`` / ``only_failed`` skipped.

    Returns:
        The results graded in this run, in submission order.
    """
    loaded = assignment_mod.load(assignment, root=root)
    paths = expand(submissions)
    names = [submission_name(p, assignment) for p in paths]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise config_mod.ConfigError(f"two submissions are both named {dup[0]!r}; rename one")
    for stale in Path(out).glob(f"*/{assignment}/.*.tmp") if Path(out).is_dir() else []:
        stale.unlink(missing_ok=True)  # half-written by a grader that was killed
    todo = select(paths, names, assignment=assignment, out=Path(out), resume=resume, only_failed=only_failed)
    if on_plan is not None:
        on_plan(len(todo), len(paths) - len(todo))
    if scheduler:
        from autograder import cluster

        done_remote: dict[str, SubmissionResult] = {}

        def record(result: SubmissionResult) -> None:
            _write(result, out, assignment, fmt)
            done_remote[result.submission] = result
            if progress is not None:
                progress(len(done_remote), len(todo), result)

        cluster.grade_on_cluster(todo, scheduler=scheduler, root=Path(root), assignment=assignment, on_result=record)
        return [done_remote[name] for _, name in todo]
    confinement = None
    if isolate:
        hide = isolation.hidden_paths(root=Path(root), keep=isolation.needed_paths(),
                                      extra=[Path(out), Path.home(), *{p.resolve().parent for p in paths}])
        confinement = isolation.confinement(hide=hide, jobs=jobs)
        if confinement.reason:
            print(f"autograder: workers confined as '{confinement.mode}': {confinement.reason}", file=sys.stderr)
    lock = threading.Lock()
    with lock:
        reference = engine.reference_namespace(loaded)
    done: dict[str, SubmissionResult] = {}

    def one(path: Path, name: str, server) -> SubmissionResult:
        try:
            result = engine.grade(path, assignment=loaded, name=name, reference=reference, forkserver=server, lock=lock,
                                  confinement=confinement)
        except Exception as err:  # an engine bug must not take the batch down
            result = _engine_failure(path, name, loaded, err)
        _write(result, out, assignment, fmt)
        return result

    with tempfile.TemporaryDirectory(prefix="autograder-zygote-") as home, contextlib.ExitStack() as stack:
        server = None
        if fast and todo:
            server = stack.enter_context(ForkServer(env=sandbox.worker_environment(home), preload=engine.needs_tensorflow(loaded), cwd=home))
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = {pool.submit(one, path, name, server): name for path, name in todo}
            for count, future in enumerate(concurrent.futures.as_completed(futures), 1):
                result = future.result()
                done[futures[future]] = result
                if progress is not None:
                    progress(count, len(todo), result)
    return [done[name] for _, name in todo]


@dataclasses.dataclass(frozen=True)
class ExampleRow:
    """One bundled example and whether it was graded as intended."""

    assignment: str
    example: str
    description: str
    score: float
    max_score: float
    failed: tuple[str, ...]
    as_intended: bool
    note: str
    seconds: float


def judge_example(ex: examples.Example, result: SubmissionResult) -> tuple[bool, str]:
    """Whether a bundled example scored as intended, and why not."""
    failed = {c.id for c in result.checks if c.status != "passed"}
    if ex.expect_failed is None:
        ok = result.score == 0 and all(c.category == "not-implemented" for c in result.checks)
        return ok, "" if ok else "the blank release should score 0 with 'not implemented' on every check"
    if failed != set(ex.expect_failed):
        extra, missing = sorted(failed - ex.expect_failed), sorted(ex.expect_failed - failed)
        return False, f"unexpected failures {extra}" if extra else f"should have failed {missing}"
    if ex.message:
        public = [c for c in result.checks if c.status != "passed" and not c.hidden]
        if not public or ex.message not in public[0].message:
            return False, f"message should contain {ex.message!r}"
    return True, ""


def grade_examples(*, root: Path, out: Path, names: list[str] | None = None, jobs: int = 2) -> list[ExampleRow]:
    """Builds and grades the bundled examples of each assignment (default: all with a release)."""
    root, out = Path(root), Path(out)
    cfg = config_mod.load(root / "grading.yml")
    names = names or [n for n in cfg if (root / "assignments" / n / f"{n}.ipynb").is_file()]
    rows = []
    for name in names:
        exs = examples.build(name, root=root, out_dir=out / "submissions" / name)
        graded = grade_many([e.path for e in exs], assignment=name, root=root, out=out / "results", jobs=jobs)
        for ex, result in zip(exs, graded):
            ok, note = judge_example(ex, result)
            rows.append(ExampleRow(name, ex.name, ex.description, result.score, result.max_score,
                                   tuple(c.id for c in result.checks if c.status != "passed"), ok, note, result.seconds))
    return rows
