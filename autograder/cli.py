"""The ``autograder`` command: thin wiring over the package's keyword-only functions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _cmd_check(args) -> int:
    from autograder.batch import intake
    from autograder.reports.progress import ProgressBar

    nb = intake.one_notebook(args.notebook)  # a missing path or a folder is a usage error
    bar = ProgressBar()
    bar.starting(f"checking {nb.name}: loading the public checks")  # before the heavy imports
    from autograder.course import assignment
    from autograder.grading import engine
    from autograder.reports import textreport

    folder = Path(args.release_dir) if args.release_dir else nb.resolve().parent
    try:
        loaded = assignment.load_release(folder)
        public = [c for c in loaded.checks if not loaded.settings(c).hidden]
        bar.starting(f"checking {nb.name}: {len(public)} public checks in a sandboxed worker")
        result = engine.grade(nb, assignment=loaded, public_only=True)
    finally:
        bar.stop()
    print(textreport.student_table(result))
    return 0


def _cmd_grade(args) -> int:
    from autograder.reports.progress import ProgressBar

    bar = None if args.quiet else ProgressBar()
    if bar is not None:  # before the heavy imports: something on the screen from the first second
        bar.starting(f"grading {args.assignment}: loading the assignment, its reference and the sandbox")
    from autograder.batch import local as batch
    from autograder.reports import textreport

    reason = "graded before, unchanged" if args.resume and not args.only_failed else "graded before without an error"
    plan: dict[str, int] = {}
    changes: list = []

    def on_plan(todo: int, skipped: int) -> None:
        plan.update(todo=todo, skipped=skipped)
        if bar is not None:
            bar.planned(todo, skipped, reason)

    try:
        results = batch.grade_many(
            args.submissions,
            assignment=args.assignment,
            root=Path(args.root),
            out=Path(args.out),
            sinks=_sinks(args),
            jobs=args.jobs,
            resume=args.resume,
            only_failed=args.only_failed,
            progress=bar,
            fast=not args.no_fork,
            scheduler=args.scheduler,
            on_plan=on_plan,
            on_change=changes.append,
            pool=args.pool,
        )
    finally:
        if bar is not None:
            bar.stop()
    if bar is None and (args.resume or args.only_failed):
        print(f"{plan.get('skipped', 0)} submission(s) skipped ({reason}); {len(results)} graded", file=sys.stderr)
    print(textreport.scores_table(results))
    if changes:
        print(textreport.regrade_table(changes, graded=len(results)))
    return 0


def _view(args, results_dir: Path):
    """What ``report`` and ``feedback`` apply to every result: the term's marks and penalties, and the
    review flags of ``--similarity`` files (shown in staff views only), or None."""
    from autograder.audit.similarity import review_flags
    from autograder.reports import ReportError
    from autograder.term.adjust import with_flags

    flags: dict[tuple[str, str], list[str]] = {}
    for path in getattr(args, "similarity", None) or []:
        try:
            assignment, found = review_flags(Path(path))
        except ValueError as err:
            raise ReportError(str(err)) from None
        for name, said in found.items():
            flags.setdefault((assignment, name), []).extend(said)
    return with_flags(_adjust(args, results_dir), flags)


def _adjust(args, results_dir: Path | None = None):
    """The term's view of a result (manual marks, lateness) where the course at ``--root`` has
    one, else None; problems in its records stop the command. Marks and extensions for a student
    with no result under ``results_dir`` (a misspelt name) are said on stderr."""
    from autograder.core import config

    if getattr(args, "no_term", False) or not (Path(args.root) / config.GRADING_FILE).is_file():
        return None
    from autograder.term import adjust

    term = adjust.load(Path(args.root))
    if not term.applies():
        return None
    if results_dir is not None:
        from autograder.reports import load

        found = load(results_dir).assignments
        for line in term.strays({name: {r.submission for r in subs} for name, subs in found.items()}):
            print(f"autograder: warning: {line}", file=sys.stderr)
    return term.apply


def _sinks(args) -> list:
    """The outputs ``grade`` was asked for besides ``result.json`` (each given the term's view)."""
    sinks = _raw_sinks(args)
    adjust = _adjust(args) if sinks else None  # result.json alone never needs the term's records
    if adjust is None:
        return sinks
    from autograder.batch.sinks import Adjusted

    return [Adjusted(sink, adjust) for sink in sinks]


def _raw_sinks(args) -> list:
    sinks = []
    if args.format == "gradescope":
        from autograder.integrations.gradescope.results import GradescopeSink

        sinks.append(GradescopeSink())
    if args.gradebook:
        from autograder.integrations.nbgrader.gradebook import GradebookSink

        sinks.append(
            GradebookSink(db_url=args.gradebook, root=Path(args.root), assignment=args.assignment, report=print)
        )
    return sinks


def _cmd_pool(args) -> int:
    from autograder.course import assignment as assignment_mod
    from autograder.grading import pool

    loaded = assignment_mod.load(args.assignment, root=Path(args.root))
    filled = pool.fill(loaded, root=Path(args.root), folder=args.pool)
    for problem in filled.problems:
        print(f"autograder: {problem}", file=sys.stderr)
    print(
        f"{args.assignment}: {filled.entries} shared inputs and expected values in the pool "
        f"({filled.computed} computed now, {filled.entries - filled.computed} there already) "
        f"in {filled.seconds:.1f} s: {filled.folder}"
    )
    return 0


def _cmd_release(args) -> int:
    from autograder.release import generate as release

    for name in args.names:
        print(release.release(name, root=Path(args.root)))
    return 0


def _cmd_examples(args) -> int:
    from autograder.audit import examples, rulescore
    from autograder.reports import textreport

    rows = examples.grade_examples(root=Path(args.root), out=Path(args.out), names=args.assignment, jobs=args.jobs)
    print(textreport.examples_table(rows))
    scores = rulescore.scores(rows, root=Path(args.root))
    if scores:
        print(textreport.rule_scores(scores))
    return 0 if all(r.as_intended for r in rows) and all(s.caught == s.total for s in scores) else 1


def _cmd_rules(args) -> int:
    from autograder.audit import rulescore
    from autograder.core import config

    names = args.names or list(config.load(Path(args.root) / config.GRADING_FILE))
    problems = [p for name in names for p in rulescore.assignment_problems(name, root=Path(args.root))]
    for problem in problems:
        print(problem)
    if args.write:
        path = Path(args.root) / rulescore.DOC
        path.write_text(rulescore.document(root=Path(args.root)), encoding="utf-8")
        print(f"wrote {path}")
    if problems:
        print(f"{len(problems)} problem(s) in the rulebooks", file=sys.stderr)
        return 1
    print(f"every flagged sentence of {', '.join(names)} is a rule with checks and a mistake, or said not to be one")
    return 0


def _cmd_mutants(args) -> int:
    import json

    from autograder.audit import mutation
    from autograder.reports import textreport

    def progress(done: int, total: int, result) -> None:
        if not args.quiet:
            print(f"[{done}/{total}] {result.verdict:<10} {result.id}", file=sys.stderr, flush=True)

    report = mutation.run(
        args.name,
        root=Path(args.root),
        functions=args.function,
        max_per_function=args.max_per_function,
        jobs=args.jobs,
        time_budget_s=args.time_budget,
        fast=not args.no_fork,
        progress=progress,
    )
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(report.to_json(), indent=1) + "\n", encoding="utf-8")
    print(textreport.mutation_table(report), end="")
    score = report.total().score
    if args.fail_under is not None and (score is None or score * 100 < args.fail_under):
        shown = "not measured (no mutant graded)" if score is None else f"{score:.1%}"
        print(f"autograder: mutation score {shown} is under {args.fail_under:g}%", file=sys.stderr)
        return 1
    return 0


def _cmd_report(args) -> int:
    from autograder.reports import write_reports

    written = write_reports(
        Path(args.results),
        Path(args.out),
        skip_blank=args.skip_blank,
        members=args.members,
        by_function=args.by_function,
        adjust=_view(args, Path(args.results)),
    )
    own = [p for name, p in written.items() if "/" in name]
    for name, path in written.items():
        if "/" not in name:
            print(path)
    if own:
        print(f"and {len(own)} page(s), one per submission, in {own[0].parent}")
    return 0


def _cmd_similarity(args) -> int:
    import json

    from autograder.audit import similarity
    from autograder.core import files
    from autograder.reports import similarity as page

    if not 0 <= args.threshold <= 1:
        raise similarity.SimilarityError(f"--threshold {args.threshold:g}: give a similarity from 0 to 1 (e.g. 0.6)")
    report = similarity.class_similarity(args.submissions, assignment=args.assignment, root=Path(args.root))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    html = out / f"similarity-{args.assignment}.html"
    files.write_atomic(
        html,
        page.render_html(
            report, threshold=args.threshold, most=args.most, k=similarity.K, window=similarity.WINDOW
        ).encode(),
    )
    files.write_atomic(out / f"similarity-{args.assignment}.csv", page.render_csv(report).encode())
    flagged_json = json.dumps(similarity.flagged_pairs(report, args.threshold), indent=1) + "\n"
    files.write_atomic(out / f"similarity-{args.assignment}.json", flagged_json.encode())
    flagged = report.above(args.threshold)
    print(
        f"{args.assignment}: {len(report.codes)} submissions, {len(report.pairs)} pairs, {len(flagged)} at or above "
        f"{args.threshold:.0%} (staff only): {html}"
    )
    return 0


def _cmd_feedback(args) -> int:
    from autograder.reports import feedback

    pages = feedback.write_feedback(
        Path(args.results),
        Path(args.out),
        staff=args.staff,
        assignment=args.assignment,
        adjust=_view(args, Path(args.results)),
    )
    students = sum(1 for p in pages if p.parent.name != "staff")
    print(f"wrote {students} student page(s){' and as many staff pages' if args.staff else ''} under {args.out}")
    return 0


def _cmd_gradescope_zip(args) -> int:
    from autograder.integrations.gradescope import package as gradescopezip

    out = Path(args.out or f"{args.name}-autograder.zip")
    entries = gradescopezip.build(args.name, root=Path(args.root), out=out)
    print(f"{out}: {len(entries)} files ({out.stat().st_size / 1024:.0f} KiB), from the allow-list only")
    return 0


def _cmd_gradescope_grade(args) -> int:
    from autograder.integrations.gradescope import upload

    assignment = args.assignment or (Path(args.root) / "gradescope" / "ASSIGNMENT").read_text().strip()
    upload.grade_upload(
        upload=Path(args.upload), assignment=assignment, root=Path(args.root), results=Path(args.results)
    )
    return 0


def _cmd_sandbox(args) -> int:
    import json

    from autograder.core.config import load as load_config
    from autograder.course import assignment as assignment_mod
    from autograder.course.layout import Layout
    from autograder.grading.session import announcement, probe_course
    from autograder.sandbox import confinement as confine

    root = Path(args.root)
    grading = Layout(root).grading_yml
    name = args.assignment or next(iter(load_config(grading)), None)
    if name is None:
        raise assignment_mod.AssignmentError(f"{grading}: no assignment to probe with")
    loaded = assignment_mod.load(name, root=root)
    conf = probe_course(loaded, root=root)
    required = loaded.config.sandbox
    ok = confine.meets(conf.level, required)
    if args.json:
        keys = ("mode", "level", "reason", "lacks", "seen")
        print(json.dumps({k: getattr(conf, k) for k in keys} | {"required": required, "grades": ok}, indent=1))
        return 0 if ok else 1
    print(announcement(conf))
    print(
        f"grading.yml requires: {required}; this host gives: {conf.level}: {'grading runs' if ok else 'grading is refused'}"
    )
    for line in conf.lacks:
        print(f"  - {line}")
    for key, value in conf.seen.items():
        print(f"  trial worker {key}: {value}")
    return 0 if ok else 1


def _cmd_new(args) -> int:
    from autograder.course import skeleton

    made = skeleton.make(args.name, root=Path(args.root), title=args.title)
    print(f"{made.name}: a new assignment in {made.folder} ({len(made.files)} files) and its block in grading.yml")
    print("next (docs/authoring.md): autograder validate && autograder release " + made.name)
    return 0


def _cmd_validate(args) -> int:
    from autograder.release import validate

    problems, n_assignments, n_checks = validate.validate(Path(args.path))
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s); `autograder grade` would refuse the assignments concerned", file=sys.stderr)
        return 1
    print(f"{args.path}: valid; {n_checks} checks in {n_assignments} assignments, matching their check files")
    return 0


POOL_HELP = (
    "where the term's expected values are kept, one folder per assignment and key "
    "(default: ROOT/.autograder/pool; keep it where students' code cannot read it)"
)


def _root(p: argparse.ArgumentParser) -> None:
    p.add_argument("--root", default=".", help="the course repo (default: .)")


def _term(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--similarity",
        action="append",
        metavar="JSON",
        help="a similarity-NAME.json of `autograder similarity`: its pairs become review flags in staff views "
        "(the TA report, staff pages), never in what students see (repeatable)",
    )
    p.add_argument(
        "--root",
        default=".",
        help="the course (default: .): its grading.yml's manual questions, due dates and late policy, "
        "and the term's records (term/manual/NAME.csv, term/extensions.csv) apply to every result",
    )
    p.add_argument("--no-term", action="store_true", help="show the automatic results only")


def _jobs(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--jobs", type=int, default=2, help=f"{what} graded at the same time (default: 2)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``autograder``."""
    from autograder import __version__

    parser = argparse.ArgumentParser(prog="autograder", description="Grade Keras/TensorFlow notebooks safely.")
    parser.add_argument("--version", action="version", version=f"autograder {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="run the public checks on your notebook (students)")
    p.add_argument("notebook", help="your notebook, e.g. a1_perceptron.ipynb")
    p.add_argument(
        "--release-dir", help="folder with the released public_expected.npz (default: the notebook's folder)"
    )
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("grade", help="grade submissions with every check (instructors)")
    p.add_argument(
        "submissions",
        nargs="+",
        help="notebooks, or folders of notebooks (nbgrader's submitted/ tree: one notebook per student); "
        "a path that does not exist, or a folder without a notebook, is reported and the others graded "
        "(exit 2 if that leaves nothing to grade)",
    )
    p.add_argument("--assignment", required=True, help="assignment name, e.g. a1_perceptron")
    p.add_argument("--out", required=True, help="results folder: OUT/<submission>/<assignment>/result.json")
    _root(p)
    p.add_argument(
        "--format",
        choices=["json", "gradescope"],
        default="json",
        help="json: result.json; gradescope: also Gradescope's results.json beside it",
    )
    _jobs(p, "submissions")
    p.add_argument("--resume", action="store_true", help="skip submissions already graded (same file) in --out")
    p.add_argument("--only-failed", action="store_true", help="regrade only results that ended in an error or timeout")
    p.add_argument("--no-fork", action="store_true", help="start every worker as a new interpreter (slower)")
    p.add_argument("--quiet", action="store_true", help="no progress line")
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="grade on a Dask cluster, e.g. tcp://host:8786 (workers need the course at the same path)",
    )
    p.add_argument(
        "--gradebook",
        metavar="DB_URL",
        help="also write per-function points and comments into nbgrader's gradebook, e.g. sqlite:///gradebook.db",
    )
    p.add_argument("--pool", type=Path, help=POOL_HELP)
    p.add_argument(
        "--no-term",
        action="store_true",
        help="outputs besides result.json without the term's manual marks and late penalties",
    )
    p.set_defaults(func=_cmd_grade)

    p = sub.add_parser(
        "rules", help="check each release's stated rules against rules.yml, its checks and mistakes (instructors)"
    )
    p.add_argument("names", nargs="*", help="assignment names (default: all)")
    _root(p)
    p.add_argument("--write", action="store_true", help="also write docs/rules.md, the table of every rule")
    p.set_defaults(func=_cmd_rules)

    p = sub.add_parser(
        "pool",
        help="compute the term's expected values once (public checks and every hidden variant), "
        "so that grading runs only read them (instructors)",
    )
    p.add_argument("--assignment", required=True, help="assignment name, e.g. a7_lstm")
    _root(p)
    p.add_argument("--pool", type=Path, help=POOL_HELP)
    p.set_defaults(func=_cmd_pool)

    p = sub.add_parser("release", help="make the student release with nbgrader, and its public fixtures")
    p.add_argument("names", nargs="+", help="assignment names")
    _root(p)
    p.set_defaults(func=_cmd_release)

    p = sub.add_parser("examples", help="grade the bundled reference, blank and mistake submissions")
    p.add_argument("--assignment", action="append", help="only this assignment (repeatable)")
    _root(p)
    p.add_argument("--out", default="examples-out", help="where results go (default: examples-out)")
    _jobs(p, "submissions")
    p.set_defaults(func=_cmd_examples)

    p = sub.add_parser(
        "mutants", help="mutation testing of the checks: mutate the reference, grade every mutant, report survivors"
    )
    p.add_argument("name", help="assignment name, e.g. a1_perceptron")
    p.add_argument("--function", action="append", help="only this graded function (repeatable)")
    p.add_argument(
        "--max-per-function",
        type=int,
        metavar="N",
        help="grade at most N mutants per function (taken across operators)",
    )
    _jobs(p, "mutants")
    p.add_argument(
        "--time-budget",
        type=float,
        metavar="SECONDS",
        help="start no mutant after SECONDS; the rest are reported as not run",
    )
    p.add_argument("--out", metavar="JSON", help="write every mutant, its verdict and diff to this JSON file")
    p.add_argument(
        "--fail-under", type=float, metavar="PERCENT", help="exit 1 when the mutation score is under PERCENT (e.g. 100)"
    )
    _root(p)
    p.add_argument("--no-fork", action="store_true", help="start every worker as a new interpreter (slower)")
    p.add_argument("--quiet", action="store_true", help="no line per mutant on stderr")
    p.set_defaults(func=_cmd_mutants)

    p = sub.add_parser(
        "report", help="class gradebook CSV, HTML report and Markdown summary from result.json files (TAs)"
    )
    p.add_argument("results", help="folder of result.json files, e.g. the --out of `grade`")
    p.add_argument("--out", default="reports", help="where the reports go (default: reports)")
    p.add_argument(
        "--skip-blank", action="store_true", help="leave out blank submissions (every check not implemented)"
    )
    p.add_argument("--members", action="store_true", help="list who is in each common-mistake group (item analysis)")
    p.add_argument("--by-function", action="store_true", help="group the pass-rate table by graded function")
    _term(p)
    p.set_defaults(func=_cmd_report)

    p = sub.add_parser(
        "similarity", help="code similarity across a class's graded cells, flagged pairs side by side (staff only)"
    )
    p.add_argument("submissions", nargs="+", help="notebooks, or folders of them (as for grade)")
    p.add_argument("--assignment", required=True, help="assignment name")
    _root(p)
    p.add_argument("--out", default="reports", help="where the page and CSV go (default: reports)")
    p.add_argument(
        "--threshold", type=float, default=0.6, help="flag pairs at or above this similarity, 0 to 1 (default: 0.6)"
    )
    p.add_argument("--most", type=int, default=30, help="pairs shown side by side, most similar first (default: 30)")
    p.set_defaults(func=_cmd_similarity)

    p = sub.add_parser("feedback", help="one HTML page per student from result.json files, safe to send (TAs)")
    p.add_argument("results", help="folder of result.json files, e.g. the --out of `grade`")
    p.add_argument(
        "--out",
        default="feedback-html",
        help="where the pages go: OUT/<assignment>/<student>.html (default: feedback-html)",
    )
    p.add_argument("--assignment", help="only this assignment")
    p.add_argument(
        "--staff",
        action="store_true",
        help="also OUT/<assignment>/staff/<student>.html with hidden checks' inputs and values (staff only)",
    )
    _term(p)
    p.set_defaults(func=_cmd_feedback)

    p = sub.add_parser(
        "gradescope-zip", help="the Gradescope autograder zip of one assignment (allow-list: no course data)"
    )
    p.add_argument("name", help="assignment name")
    _root(p)
    p.add_argument("--out", help="the zip (default: NAME-autograder.zip)")
    p.set_defaults(func=_cmd_gradescope_zip)

    p = sub.add_parser(
        "sandbox", help="how this host confines workers, what the course requires, and what a trial worker sees"
    )
    _root(p)
    p.add_argument("--assignment", help="the assignment whose limits to try (default: the first in grading.yml)")
    p.add_argument(
        "--json", action="store_true", help="print JSON (mode, level, reason, lacks, seen, required, grades)"
    )
    p.set_defaults(func=_cmd_sandbox)

    p = sub.add_parser(
        "gradescope-grade", help="grade one Gradescope upload and write results.json (run_autograder calls it)"
    )
    p.add_argument("--upload", default="/autograder/submission", help="the upload's folder")
    p.add_argument("--results", default="/autograder/results/results.json", help="Gradescope's results.json")
    p.add_argument("--assignment", help="assignment name (default: the course's gradescope/ASSIGNMENT)")
    p.add_argument("--root", default="/autograder/source", help="the course (default: /autograder/source)")
    p.set_defaults(func=_cmd_gradescope_grade)

    p = sub.add_parser(
        "new",
        help="a working skeleton of a new assignment: notebook, checks, examples, grading.yml block (instructors)",
    )
    p.add_argument("name", help="the assignment's name: lower-case letters, digits and _ (e.g. a10_glove)")
    _root(p)
    p.add_argument("--title", help="its title (default: the name)")
    p.set_defaults(func=_cmd_new)

    p = sub.add_parser(
        "validate", help="validate grading.yml and the check files it names (every problem, with file and line)"
    )
    p.add_argument("path", nargs="?", default="grading.yml")
    p.set_defaults(func=_cmd_validate)
    return parser


def _usage_errors() -> tuple[type[Exception], ...]:
    """The errors that mean bad usage or bad configuration (a one-line message, exit 2)."""
    from autograder.audit.mutation import MutationError
    from autograder.audit.similarity import SimilarityError
    from autograder.core.config import ConfigError
    from autograder.course.assignment import AssignmentError
    from autograder.course.notebook import NotebookError
    from autograder.course.skeleton import SkeletonError
    from autograder.grading.reference import ReferenceFailed
    from autograder.integrations.gradescope.package import ZipError
    from autograder.integrations.nbgrader.gradebook import GradebookError
    from autograder.reports import ReportError
    from autograder.sandbox.confinement import SandboxUnavailable
    from autograder.term.adjust import TermError

    return (
        ConfigError,
        AssignmentError,
        NotebookError,
        MutationError,
        FileNotFoundError,
        GradebookError,
        ReportError,
        ZipError,
        ReferenceFailed,
        SandboxUnavailable,
        SkeletonError,
        TermError,
        SimilarityError,
    )


def main(argv: list[str] | None = None) -> int:
    """Runs ``autograder``; exits 2 with a one-line message on bad usage or bad configuration."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # output piped into `head`
        return 0
    except Exception as err:
        if isinstance(err, _usage_errors()):
            print(f"autograder: error: {err}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
