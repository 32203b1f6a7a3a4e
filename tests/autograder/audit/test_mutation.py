"""``autograder mutants`` end to end on the toy course: kills, survivors, equivalents, bad options."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
import toycourse

from autograder import cli
from autograder.audit import mutation
from autograder.core.seeds import stable_seed
from autograder.course import assignment
from autograder.grading import engine
from autograder.grading.reference import reference_namespace

# scale's only check feeds zeros: z * SCALE, z / SCALE and z itself all give zeros there, so those
# mutants survive; `return None` is still killed (wrong type). double keeps its strong checks.
WEAK_PUBLIC = """
import numpy as np
from autograder.checks.check import Check

CHECKS = [
    Check("double.values", "double", "double(x) for x of shape (3, 2)", lambda rng: {"x": rng.normal(size=(3, 2))}, hint="2 * x"),
    Check("scale.values", "scale", "scale(z) for z of shape (2, 4)", lambda rng: {"z": np.zeros((2, 4))}, hint="z * SCALE"),
]
"""


def _course(tmp_path: Path, equivalents: str | None = None) -> Path:
    root = toycourse.make_course(tmp_path)
    (root / "solutions" / "toy" / "public_checks.py").write_text(textwrap.dedent(WEAK_PUBLIC))
    if equivalents is not None:
        (root / "solutions" / "toy" / mutation.EQUIVALENT_FILE).write_text(equivalents)
    return root


def _by_id(report: mutation.MutationReport) -> dict[str, mutation.MutantResult]:
    return {m.id: m for m in report.mutants}


def test_survivors_kills_and_scores_are_reported(tmp_path):
    report = mutation.run("toy", root=_course(tmp_path), jobs=2)
    scale = {m.description: m for m in report.mutants if m.function == "scale"}
    assert scale["'*' -> '/'"].verdict == "survived"
    assert scale["return z * SCALE -> return z"].verdict == "survived"
    killed = scale["return value -> None"]
    assert killed.verdict == "killed" and killed.failed == ("scale.values",)
    assert "-    return z * SCALE\n+    return None\n" in killed.diff
    # double is graded on its public and its hidden check, and every mutant of it is killed
    double = [m for m in report.mutants if m.function == "double"]
    assert double and all(m.verdict == "killed" for m in double)
    assert any(m.failed == ("double.values", "double.hidden") for m in double)
    scores = {f.function: f for f in report.functions}
    assert (scores["scale"].killed, scores["scale"].survived, scores["scale"].mutants) == (1, 2, 3)
    assert scores["scale"].score == pytest.approx(1 / 3)
    assert scores["double"].score == 1.0
    assert report.warnings == []


def test_an_equivalence_entry_is_honoured_and_a_stale_one_named(tmp_path):
    first = mutation.run("toy", root=_course(tmp_path / "a"), functions=["scale"])
    binop = next(m.id for m in first.mutants if m.description == "'*' -> '/'")
    killed = next(m.id for m in first.mutants if m.verdict == "killed")
    equivalents = (
        f"{binop!r}: 'z is all zeros in the only check'\n'scale/binop@9:9#abcdef': gone\n{killed!r}: wrongly listed\n"
    )
    report = mutation.run("toy", root=_course(tmp_path / "b", equivalents), functions=["scale"])
    got = _by_id(report)
    assert got[binop].verdict == "equivalent" and got[binop].reason == "z is all zeros in the only check"
    assert got[killed].verdict == "killed"
    (scale,) = report.functions
    assert (scale.killed, scale.survived, scale.equivalent) == (1, 1, 1)
    assert scale.score == 0.5
    assert any("'scale/binop@9:9#abcdef'" in w and "stale" in w for w in report.warnings)
    assert any(killed in w and "listed as equivalent but was killed" in w for w in report.warnings)


def test_cli_prints_the_table_and_survivor_diffs_and_writes_json(tmp_path, capsys):
    root = _course(tmp_path)
    out = tmp_path / "m.json"
    rc = cli.main(["mutants", "toy", "--root", str(root), "--out", str(out), "--quiet", "--max-per-function", "2"])
    text = capsys.readouterr().out
    assert rc == 0
    assert "function" in text and "score" in text and "scale" in text and "double" in text
    data = json.loads(out.read_text())
    assert {f["function"] for f in data["functions"]} == {"double", "scale"}
    assert all(f["mutants"] <= 2 for f in data["functions"])
    survivors = [m for m in data["mutants"] if m["verdict"] == "survived"]
    for m in survivors:
        assert m["id"] in text and m["diff"].splitlines()[-1] in text


def test_unknown_function_and_bad_equivalence_file_are_clear_errors(tmp_path, capsys):
    root = _course(tmp_path, equivalents="- just a list\n")
    assert cli.main(["mutants", "toy", "--root", str(root), "--function", "triple"]) == 2
    assert "no graded function 'triple'" in capsys.readouterr().err
    assert cli.main(["mutants", "toy", "--root", str(root)]) == 2
    assert "must be a mapping of mutant id to reason" in capsys.readouterr().err


def test_time_budget_leaves_the_rest_not_run(tmp_path):
    report = mutation.run("toy", root=_course(tmp_path), time_budget_s=0.0)
    assert report.mutants and all(m.verdict == "not-run" for m in report.mutants)
    assert all(f.score is None for f in report.functions)


def test_pinned_seed_digest_and_expected_cache(tmp_path):
    root = toycourse.make_course(tmp_path)
    loaded = assignment.load("toy", root=root)
    reference = reference_namespace(loaded)
    wrong = toycourse.toy_submission(tmp_path / "subs", "wrong", double="def double(x):\n    return 3 * x\n")
    right = toycourse.toy_submission(tmp_path / "subs", "right")
    cache: dict = {}
    a = engine.grade(
        wrong, assignment=loaded, reference=reference, only=["double.hidden"], seed_digest="pin", expected_cache=cache
    )
    b = engine.grade(
        right, assignment=loaded, reference=reference, only=["double.hidden"], seed_digest="pin", expected_cache=cache
    )
    assert [c.status for c in a.checks] == ["failed"] and [c.status for c in b.checks] == ["passed"]
    seed = stable_seed(loaded.config.seed, "toy", "double.hidden", "pin")
    assert list(cache) == [("double.hidden", seed)]  # computed once for both submissions
    inputs, expected = cache[("double.hidden", seed)]
    cache[("double.hidden", seed)] = (inputs, expected + 1.0)  # the cached value is the one judged with
    assert (
        engine.grade(
            right,
            assignment=loaded,
            reference=reference,
            only=["double.hidden"],
            seed_digest="pin",
            expected_cache=cache,
        )
        .checks[0]
        .status
        == "failed"
    )
    cache[("double.hidden", seed)] = (inputs, expected)
    # without a pin, the hidden seed follows each submission's code (as in `autograder grade`): a seed no
    # other submission shares is not kept in the run's cache
    c = engine.grade(wrong, assignment=loaded, reference=reference, only=["double.hidden"], expected_cache=cache)
    assert c.checks[0].status == "failed" and len(cache) == 1


def test_sample_takes_every_operator_in_turn_and_keeps_source_order():
    from autograder.audit import mutator

    src = "def f(a, b):\n    c = a + b\n    d = c * 2\n    return np.maximum(c, d) > 0\n"
    ms = mutator.mutate(src, function="f")
    picked = mutation.sample(ms, 5)
    assert len(picked) == 5
    assert len({m.operator for m in picked}) == 5  # five kinds, not the first five edits
    assert picked == sorted(picked, key=ms.index)
    assert mutation.sample(ms, None) == ms and mutation.sample(ms, len(ms) + 1) == ms


def test_a_function_whose_reference_loses_points_is_skipped_with_a_warning(tmp_path):
    root = _course(tmp_path)
    with (root / "solutions" / "toy" / "public_checks.py").open("a") as f:
        f.write(
            textwrap.dedent("""
            from autograder.checks.compare import Outcome

            def _never(received, expected, ctx):
                return Outcome(False, "property", "never passes")

            CHECKS.append(Check("scale.never", "scale", "scale(z)", lambda rng: {"z": np.ones(2)}, reference=False, verdict=_never))
        """)
        )
    grading = (
        (root / "grading.yml")
        .read_text()
        .replace(
            "      scale.values: {points: 2}\n", "      scale.values: {points: 2}\n      scale.never: {points: 1}\n"
        )
    )
    (root / "grading.yml").write_text(grading)
    report = mutation.run("toy", root=root)
    assert [f.function for f in report.functions] == ["double"]
    assert any(w.startswith("scale: skipped, the reference itself does not pass scale.never") for w in report.warnings)
