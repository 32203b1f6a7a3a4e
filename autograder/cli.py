"""The ``autograder`` command: thin wiring over the package's keyword-only functions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from autograder import config


def _cmd_check(args) -> int:
    from autograder import assignment, engine, textreport

    nb = Path(args.notebook)
    folder = Path(args.release_dir) if args.release_dir else nb.resolve().parent
    loaded = assignment.load_release(folder)
    result = engine.grade(nb, assignment=loaded, public_only=True)
    print(textreport.student_table(result))
    return 0


def _cmd_grade(args) -> int:
    from autograder import batch

    from autograder import textreport
    from autograder.progress import ProgressBar

    results = batch.grade_many(args.submissions, assignment=args.assignment, root=Path(args.root), out=Path(args.out),
                               fmt=args.format, jobs=args.jobs, resume=args.resume, only_failed=args.only_failed,
                               progress=None if args.quiet else ProgressBar(), fast=not args.no_fork,
                               scheduler=args.scheduler)

    print(textreport.scores_table(results))
    if args.gradebook:
        from autograder import gradebook

        count = gradebook.write(results, db_url=args.gradebook, assignment=args.assignment)
        print(f"wrote {count} submission(s) into {args.gradebook}")
    return 0


def _cmd_release(args) -> int:
    from autograder import release

    for name in args.names:
        print(release.release(name, root=Path(args.root)))
    return 0


def _cmd_examples(args) -> int:
    from autograder import batch, textreport

    rows = batch.grade_examples(root=Path(args.root), out=Path(args.out), names=args.assignment, jobs=args.jobs)
    print(textreport.examples_table(rows))
    return 0 if all(r.as_intended for r in rows) else 1


def _cmd_mutants(args) -> int:
    import json

    from autograder import mutation, textreport

    def progress(done: int, total: int, result) -> None:
        if not args.quiet:
            print(f"[{done}/{total}] {result.verdict:<10} {result.id}", file=sys.stderr, flush=True)

    report = mutation.run(args.name, root=Path(args.root), functions=args.function, max_per_function=args.max_per_function,
                          jobs=args.jobs, time_budget_s=args.time_budget, fast=not args.no_fork, progress=progress)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(report.to_json(), indent=1) + "\n", encoding="utf-8")
    print(textreport.mutation_table(report), end="")
    return 0


def _cmd_report(args) -> int:
    from autograder.reports import write_reports

    for name, path in write_reports(Path(args.results), Path(args.out)).items():
        print(path)
    return 0


def _cmd_validate(args) -> int:
    cfg = config.load(Path(args.path))
    print(f"{args.path}: valid; {sum(len(a.checks) for a in cfg.values())} checks in {len(cfg)} assignments")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``autograder``."""
    parser = argparse.ArgumentParser(prog="autograder", description="Grade Keras/TensorFlow notebooks safely.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="run the public checks on your notebook (students)")
    p.add_argument("notebook", help="your notebook, e.g. a1_perceptron.ipynb")
    p.add_argument("--release-dir", help="folder with the released public_expected.npz (default: the notebook's folder)")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("grade", help="grade submissions with every check (instructors)")
    p.add_argument("submissions", nargs="+", help="notebooks, or folders of notebooks")
    p.add_argument("--assignment", required=True, help="assignment name, e.g. a1_perceptron")
    p.add_argument("--out", required=True, help="results folder: OUT/<submission>/<assignment>/result.json")
    p.add_argument("--root", default=".", help="the course repo (default: .)")
    p.add_argument("--format", choices=["json", "gradescope"], default="json",
                   help="json: result.json; gradescope: also Gradescope's results.json beside it")
    p.add_argument("--jobs", type=int, default=2, help="submissions graded at the same time (default: 2)")
    p.add_argument("--resume", action="store_true", help="skip submissions already graded (same file) in --out")
    p.add_argument("--only-failed", action="store_true", help="regrade only results that ended in an error or timeout")
    p.add_argument("--no-fork", action="store_true", help="start every worker as a new interpreter (slower)")
    p.add_argument("--quiet", action="store_true", help="no progress line")
    p.add_argument("--scheduler", metavar="ADDRESS", help="grade on a Dask cluster, e.g. tcp://host:8786 (workers need the course at the same path)")
    p.add_argument("--gradebook", metavar="DB_URL",
                   help="also write per-function points and comments into nbgrader's gradebook, e.g. sqlite:///gradebook.db")
    p.set_defaults(func=_cmd_grade)

    p = sub.add_parser("release", help="make the student release with nbgrader, and its public fixtures")
    p.add_argument("names", nargs="+", help="assignment names")
    p.add_argument("--root", default=".", help="the course repo (default: .)")
    p.set_defaults(func=_cmd_release)

    p = sub.add_parser("examples", help="grade the bundled reference, blank and mistake submissions")
    p.add_argument("--assignment", action="append", help="only this assignment (repeatable)")
    p.add_argument("--root", default=".", help="the course repo (default: .)")
    p.add_argument("--out", default="examples-out", help="where results go (default: examples-out)")
    p.add_argument("--jobs", type=int, default=2, help="submissions graded at the same time (default: 2)")
    p.set_defaults(func=_cmd_examples)

    p = sub.add_parser("mutants", help="mutation testing of the checks: mutate the reference, grade every mutant, report survivors")
    p.add_argument("name", help="assignment name, e.g. a1_perceptron")
    p.add_argument("--function", action="append", help="only this graded function (repeatable)")
    p.add_argument("--max-per-function", type=int, metavar="N", help="grade at most N mutants per function (taken across operators)")
    p.add_argument("--jobs", type=int, default=2, help="mutants graded at the same time (default: 2)")
    p.add_argument("--time-budget", type=float, metavar="SECONDS", help="start no mutant after SECONDS; the rest are reported as not run")
    p.add_argument("--out", metavar="JSON", help="write every mutant, its verdict and diff to this JSON file")
    p.add_argument("--root", default=".", help="the course repo (default: .)")
    p.add_argument("--no-fork", action="store_true", help="start every worker as a new interpreter (slower)")
    p.add_argument("--quiet", action="store_true", help="no line per mutant on stderr")
    p.set_defaults(func=_cmd_mutants)

    p = sub.add_parser("report", help="class gradebook CSV, HTML report and Markdown summary from result.json files (TAs)")
    p.add_argument("results", help="folder of result.json files, e.g. the --out of `grade`")
    p.add_argument("--out", default="reports", help="where the reports go (default: reports)")
    p.set_defaults(func=_cmd_report)

    p = sub.add_parser("validate", help="validate grading.yml")
    p.add_argument("path", nargs="?", default="grading.yml")
    p.set_defaults(func=_cmd_validate)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Runs ``autograder``; exits 2 with a one-line message on bad usage or bad configuration."""
    args = build_parser().parse_args(argv)
    from autograder.assignment import AssignmentError
    from autograder.gradebook import GradebookError
    from autograder.mutation import MutationError
    from autograder.notebook import NotebookError
    from autograder.reports import ReportError

    try:
        return args.func(args)
    except (config.ConfigError, AssignmentError, NotebookError, MutationError, FileNotFoundError, GradebookError, ReportError) as err:
        print(f"autograder: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
