"""The term's pool of expected values: computed once, read back the same, never stale, never seen by workers."""

import os
import stat

import numpy as np
import pytest
from toycourse import toy_submission

from autograder import cli
from autograder.core import plaindata
from autograder.course import assignment
from autograder.grading import pool
from autograder.grading.reference import compute_expected, reference_namespace
from autograder.grading.session import open_session


def _with_variants(course, variants):
    grading = course / "grading.yml"
    grading.write_text(grading.read_text().replace("  toy:\n", f"  toy:\n    hidden_variants: {variants}\n"))
    return assignment.load("toy", root=course)


def _submissions(course):
    folder = course / "subs"
    return [
        toy_submission(folder, "right"),
        toy_submission(folder, "also_right", double="def double(x):\n    return x + x"),
        toy_submission(folder, "wrong", double="def double(x):\n    return 3 * x"),
        toy_submission(folder, "wrong_shape", double="def double(x):\n    return (2 * x).T"),
    ]


def _outcome(results):
    return [(r.submission, r.score, [(c.id, c.status, c.category, c.message) for c in r.checks]) for r in results]


def test_a_full_pool_grades_as_a_fresh_computation_without_running_the_reference(toy_course):
    loaded = _with_variants(toy_course, 2)
    filled = pool.fill(loaded, root=toy_course)
    assert (filled.entries, filled.computed, filled.problems) == (4, 4, [])  # 2 public checks, 2 hidden variants
    assert pool.fill(loaded, root=toy_course).computed == 0
    subs = _submissions(toy_course)
    with open_session(loaded, root=toy_course, isolate=False, keep_pool=False) as fresh:
        expected = [fresh.grade(s) for s in subs]
    assert fresh.reference.loaded
    with open_session(loaded, root=toy_course, isolate=False) as pooled:
        graded = [pooled.grade(s) for s in subs]
    assert not pooled.reference.loaded  # nothing was missing: the reference never ran
    assert (pooled.expected.read, pooled.expected.written) == (4, 0)
    assert _outcome(graded) == _outcome(expected)
    assert [r.score for r in graded] == [6, 6, 2, 2]  # the wrong answers still lose both double checks


def test_read_back_entries_are_the_values_computed(toy_course):
    loaded = _with_variants(toy_course, 3)
    folder = pool.fill(loaded, root=toy_course).folder
    reference = reference_namespace(loaded)
    kept = pool.Pool(folder)
    from autograder.grading.prepared import shared_seeds

    for check in loaded.checks:
        for seed in shared_seeds(loaded, check):
            fresh = compute_expected(check, reference, seed)
            assert plaindata.dumps(list(kept[(check.id, seed)])) == plaindata.dumps(list(fresh))


def test_a_run_fills_the_pool_and_the_next_run_reads_it(toy_course):
    loaded = _with_variants(toy_course, 2)
    subs = _submissions(toy_course)
    with open_session(loaded, root=toy_course, isolate=False) as first:
        [first.grade(s) for s in subs]
    assert first.reference.loaded and first.expected.written >= 3
    with open_session(loaded, root=toy_course, isolate=False) as second:
        [second.grade(s) for s in subs]
    assert second.expected.written == 0 and second.expected.read == first.expected.written


def test_each_submission_own_hidden_inputs_still_need_the_reference(toy_course):
    loaded = assignment.load("toy", root=toy_course)  # no hidden_variants: every submission has its own
    pool.fill(loaded, root=toy_course)
    with open_session(loaded, root=toy_course, isolate=False) as session:
        assert session.reference.loaded
        assert session.grade(_submissions(toy_course)[2]).score == 2


@pytest.mark.parametrize(
    "change",
    ["salt", "variants", "hidden_checks", "public_checks", "reference", "data"],
)
def test_a_new_key_when_anything_the_values_depend_on_changes(toy_course, change):
    before = pool.open_pool(_with_variants(toy_course, 2), root=toy_course).folder
    grading = toy_course / "grading.yml"
    solutions = toy_course / "solutions" / "toy"
    if change == "salt":
        grading.write_text(grading.read_text().replace("toy-salt", "next-term"))
    elif change == "variants":
        grading.write_text(grading.read_text().replace("hidden_variants: 2", "hidden_variants: 3"))
    elif change == "hidden_checks":
        path = solutions / "hidden_checks.py"
        path.write_text(path.read_text().replace("* 1000", "* 100"))
    elif change == "public_checks":
        path = solutions / "public_checks.py"
        path.write_text(path.read_text().replace("size=(3, 2)", "size=(3, 4)"))
    elif change == "reference":
        path = solutions / "toy.ipynb"
        path.write_text(path.read_text().replace("SCALE = 3.0", "SCALE = 3.5"))
    else:
        (toy_course / "data").mkdir()
        (toy_course / "data" / "words.txt").write_text("a b c\n")
    after = pool.open_pool(assignment.load("toy", root=toy_course), root=toy_course).folder
    assert after != before and after.parent == before.parent


def test_a_checks_file_written_as_tests_starts_a_new_key_and_the_audits_examples_do_not(toy_course):
    """The key covers solutions/NAME/test_*.py; it once walked solutions/NAME/ whole, so editing a
    typical mistake or a correct variant (never graded) started a new pool."""
    solutions = toy_course / "solutions" / "toy"
    test_file = solutions / "test_double.py"
    test_file.write_text("def test_double(student):\n    assert student.double(1.0) == 2.0\n")
    grading = toy_course / "grading.yml"
    grading.write_text(grading.read_text() + "      double.double: {points: 1, visibility: hidden}\n")
    before = pool.open_pool(_with_variants(toy_course, 2), root=toy_course).folder
    for folder in ("mistakes", "correct"):
        (solutions / folder).mkdir()
        (solutions / folder / "edited.py").write_text("def double(x):\n    return 3 * x\n")
    assert pool.open_pool(assignment.load("toy", root=toy_course), root=toy_course).folder == before
    test_file.write_text("def test_double(student):\n    assert student.double(2.0) == 4.0\n")
    assert pool.open_pool(assignment.load("toy", root=toy_course), root=toy_course).folder != before


def test_points_and_tolerances_keep_the_key(toy_course):
    before = pool.open_pool(_with_variants(toy_course, 2), root=toy_course).folder
    grading = toy_course / "grading.yml"
    grading.write_text(
        grading.read_text().replace("double.values: {points: 1}", "double.values: {points: 4, rtol: 0.1}")
    )
    assert pool.open_pool(assignment.load("toy", root=toy_course), root=toy_course).folder == before


def test_an_entry_that_cannot_be_read_is_computed_again(toy_course, capsys):
    loaded = _with_variants(toy_course, 2)
    folder = pool.fill(loaded, root=toy_course).folder
    entries = sorted(folder.glob("*.npz"))
    entries[0].write_bytes(b"not an npz")
    entries[1].write_bytes(entries[2].read_bytes())  # another check's or seed's value under this name
    subs = _submissions(toy_course)
    with open_session(loaded, root=toy_course, isolate=False, keep_pool=False) as fresh:
        expected = [fresh.grade(s) for s in subs]
    with open_session(loaded, root=toy_course, isolate=False) as session:
        graded = [session.grade(s) for s in subs]
    assert session.reference.loaded
    assert _outcome(graded) == _outcome(expected)
    refill = pool.fill(loaded, root=toy_course)  # the entries no submission met
    err = capsys.readouterr().err + "\n".join(refill.problems)
    assert sorted(p.name for p in entries[:2] if p.name in err) == sorted(p.name for p in entries[:2])
    assert err.count("unreadable, computed again") == 2 and "another check or seed" in err
    assert pool.fill(loaded, root=toy_course).computed == 0  # both were written again


def test_the_pool_is_kept_in_the_course_repo_for_the_grader_alone(toy_course):
    folder = pool.open_pool(_with_variants(toy_course, 2), root=toy_course).folder
    assert folder.is_relative_to(toy_course / ".autograder" / "pool" / "toy")
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert (folder / pool.KEY_FILE).read_text().count('"salt": "toy-salt"') == 1


def test_an_unwritable_pool_folder_grades_from_memory(toy_course, tmp_path, capsys):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    loaded = _with_variants(toy_course, 2)
    with open_session(loaded, root=toy_course, isolate=False, pool=blocked) as session:
        assert session.grade(_submissions(toy_course)[0]).score == 6
    assert session.expected.folder is None
    assert "the pool cannot be kept at" in capsys.readouterr().err


def test_the_pool_command_says_what_it_did(toy_course, capsys, monkeypatch):
    _with_variants(toy_course, 2)
    monkeypatch.chdir(toy_course)
    assert cli.main(["pool", "--assignment", "toy"]) == 0
    first = capsys.readouterr().out
    assert "toy: 4 shared inputs and expected values in the pool (4 computed now, 0 there already)" in first
    assert cli.main(["pool", "--assignment", "toy"]) == 0
    assert "(0 computed now, 4 there already)" in capsys.readouterr().out


def test_a_broken_reference_stops_the_pool_command_with_a_message(toy_course, capsys, monkeypatch):
    _with_variants(toy_course, 2)
    source = toy_course / "solutions" / "toy" / "toy.ipynb"
    source.write_text(source.read_text().replace("SCALE = 3.0", "SCALE = undefined_name"))
    monkeypatch.chdir(toy_course)
    assert cli.main(["pool", "--assignment", "toy"]) == 2
    assert "reference cell failed" in capsys.readouterr().err


def test_inputs_stay_plain_numpy(toy_course):
    loaded = _with_variants(toy_course, 2)
    kept = pool.Pool(pool.fill(loaded, root=toy_course).folder)
    hidden = next(c for c in loaded.checks if c.id == "double.hidden")
    from autograder.grading.prepared import shared_seeds

    inputs, expected = kept[(hidden.id, shared_seeds(loaded, hidden)[0])]
    assert type(inputs["x"]) is np.ndarray and inputs["x"].shape == (5, 7) and type(expected) is np.ndarray
