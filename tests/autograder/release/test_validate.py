"""`autograder validate` refuses what `grade` refuses, all at once, with file, line and unambiguous paths."""

from __future__ import annotations

import pytest

from autograder import cli
from autograder.core.config import ConfigError
from autograder.course import assignment
from autograder.release import validate

BROKEN = """seed: toy-salt
assignments:
  toy:
    limits: {check_timeout_s: 3, cell_timeout_s: 3, memry_mb: 600}
    checks:
      double.value: {points: 1}
      scale.values: {points: two}
      double.hidden: {points: 3, visibility: public}
"""


def _refused_by_grade(course) -> bool:
    try:
        assignment.load("toy", root=course)
    except (assignment.AssignmentError, ConfigError):
        return True
    return False


def test_valid_course_passes_both(toy_course, capsys):
    assert validate.validate(toy_course / "grading.yml")[0] == []
    assert not _refused_by_grade(toy_course)
    assert cli.main(["validate", str(toy_course / "grading.yml")]) == 0
    assert "3 checks in 1 assignments" in capsys.readouterr().out


def test_every_problem_at_once_with_file_line_and_path(toy_course, capsys):
    (toy_course / "grading.yml").write_text(BROKEN)
    assert cli.main(["validate", str(toy_course / "grading.yml")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "grading.yml:4: assignments.toy.limits.memry_mb: unknown key (allowed: cell_timeout_s, check_timeout_s, "
        "disk_mb, file_mb, memory_mb, open_files, output_kb, startup_s)",
        'grading.yml:5: assignments.toy.checks["double.values"]: missing: solutions/toy/public_checks.py line 6 '
        "defines this check, give it points here",
        'grading.yml:6: assignments.toy.checks["double.value"]: names no check in solutions/toy/public_checks.py, '
        "solutions/toy/hidden_checks.py or test_*.py",
        "grading.yml:7: assignments.toy.checks[\"scale.values\"].points: expected a non-negative number, got 'two'",
        'grading.yml:8: assignments.toy.checks["double.hidden"].visibility: is public, but the check is in solutions/toy/hidden_checks.py (line 5)',
    ]


@pytest.mark.parametrize(
    "edit",
    [
        ("double.values: {points: 1}", "double.renamed: {points: 1}"),  # a renamed check id
        ("scale.values: {points: 2}", "scale.values: {points: 2, visibility: hidden}"),  # a public check marked hidden
        ("double.hidden: {points: 3, visibility: hidden}", "double.hidden: {points: 3}"),  # a hidden check left public
        ("scale.values: {points: 2}", "scale.values: {points: 2, tol: 1}"),  # an unknown key
        ("  toy:\n", "  toy:\n    hidden_variants: 0\n"),  # a pool of no hidden-input variants
    ],
)
def test_validate_refuses_what_grade_refuses(toy_course, edit):
    yml = toy_course / "grading.yml"
    yml.write_text(yml.read_text().replace(*edit))
    assert _refused_by_grade(toy_course)
    problems = validate.validate(yml)[0]
    assert problems and all(p.file == "grading.yml" and p.line > 0 for p in problems)


def test_requires_problems_name_the_checks_file_and_line(toy_course):
    public = toy_course / "solutions" / "toy" / "public_checks.py"
    public.write_text(
        public.read_text().replace('hint="z * SCALE")', 'hint="z * SCALE", requires=("double.hidden", "no.such"))')
    )
    assert _refused_by_grade(toy_course)
    problems = {str(p) for p in validate.validate(toy_course / "grading.yml")[0]}
    assert problems == {
        "solutions/toy/public_checks.py:7: check 'scale.values' requires 'no.such', which is not a check of toy",
        "solutions/toy/public_checks.py:7: public check 'scale.values' requires hidden check 'double.hidden' (the self-check could not judge it)",
    }


def test_duplicate_yaml_keys_and_bad_yaml_have_lines(toy_course):
    yml = toy_course / "grading.yml"
    yml.write_text(yml.read_text() + "      scale.values: {points: 5}\n")
    (dup,) = [p for p in validate.validate(yml)[0] if "twice" in p.message]
    assert (dup.line, dup.path) == (10, 'assignments.toy.checks["scale.values"]')
    yml.write_text("assignments:\n  toy: [unclosed\n")
    (bad,) = validate.validate(yml)[0]
    assert bad.line >= 2 and "not valid YAML" in bad.message


def test_key_paths_are_unambiguous():
    assert (
        validate.key_path(["assignments", "a1_perceptron", "checks", "sigmoid.values", "points"])
        == 'assignments.a1_perceptron.checks["sigmoid.values"].points'
    )


def test_checks_written_as_pytest_tests_are_validated_like_the_others(toy_course):
    TESTS = (
        "import pytest\n\n\ndef test_twice(student):\n    assert student.double(2.0) == 4.0\n\n\n"
        "def test_swallow(student):\n    student.double(1.0)\n\n\ndef test_seeded(student, rng):\n    student.double(rng.normal())\n"
    )
    GRADING = (
        "      double.twice: {points: 1, visibility: hidden}\n      double.swallow: {points: 1, visibility: hidden}\n"
        "      double.seeded: {points: 1, visibility: hidden}\n"
    )
    (toy_course / "solutions" / "toy" / "test_double.py").write_text(TESTS)
    grading = toy_course / "grading.yml"
    base = grading.read_text()
    grading.write_text(base + GRADING)
    assert validate.validate(grading)[0] == [] and not _refused_by_grade(toy_course)
    # one left out of grading.yml, one made public: both reported (and refused by grade)
    grading.write_text(
        base
        + GRADING.replace("      double.swallow: {points: 1, visibility: hidden}\n", "").replace(
            "double.seeded: {points: 1, visibility: hidden}", "double.seeded: {points: 1, visibility: public}"
        )
    )
    problems = [str(p) for p in validate.validate(grading)[0]]
    assert any('checks["double.swallow"]' in p and "test_double.py" in p and "missing" in p for p in problems), problems
    assert any('checks["double.seeded"].visibility' in p and "test_double.py" in p for p in problems), problems
    assert not any("line 0" in p for p in problems), problems  # the test function's line is named
    assert _refused_by_grade(toy_course)


def test_term_settings_are_validated_with_their_lines(toy_course, capsys):
    text = (toy_course / "grading.yml").read_text()
    text = text.replace(
        "  toy:\n",
        "  toy:\n    due: next friday\n    late: {per: week}\n    manual:\n      double: {points: 1}\n      essay: {points: 2}\n",
    )
    (toy_course / "grading.yml").write_text(text)
    assert cli.main(["validate", str(toy_course / "grading.yml")]) == 1
    out = capsys.readouterr().out
    assert "assignments.toy.due: expected a date and time such as 2026-10-12T23:59:00+01:00" in out
    assert "assignments.toy.late.per: expected one of none, hour, day, got 'week'" in out
    assert "grading.yml:8: assignments.toy.manual.double: a question marked by hand named like the graded" in out
    assert "essay" not in out
