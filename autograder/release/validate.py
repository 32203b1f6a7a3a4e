"""``autograder validate``: every problem of a course's configuration at once, with file and line.

``grading.yml`` is checked against the one schema that loading uses
(:data:`autograder.core.config.SCHEMA`; PyYAML's node marks give the lines) and for keys defined
twice, then each assignment against its check files by the one set of rules that loading uses
(:func:`autograder.course.rules.assignment_problems`): loading raises the first problem, this
reports them all. Paths are unambiguous even though check ids contain dots:
``assignments.a1_perceptron.checks["sigmoid.values"].points``.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from autograder.core.config import schema_problems
from autograder.course import rules
from autograder.course.rules import Problem, key_path

__all__ = ["Problem", "key_path", "validate"]


def _child(node, key):
    """The (key node, value node) of ``key`` in a YAML mapping node, or (None, None)."""
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == str(key):
                return k, v
    return None, None


def _line(root, parts, *, key: bool = False) -> int:
    """The line of the value at ``parts`` (or of its key), falling back to the nearest parent."""
    node, line = root, (root.start_mark.line + 1 if root is not None else 0)
    for part in parts:
        k, v = _child(node, part)
        if v is None:
            break
        node, line = v, (k if key else v).start_mark.line + 1
    return line


def _duplicates(node, parts, file: str, out: list[Problem]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for k, v in node.value:
            if k.value in seen:
                out.append(
                    Problem(
                        file,
                        k.start_mark.line + 1,
                        key_path([*parts, k.value]),
                        f"defined twice (also on line {seen[k.value]}); the later one would silently win",
                    )
                )
            seen.setdefault(k.value, k.start_mark.line + 1)
            _duplicates(v, [*parts, k.value], file, out)


def _manual_clashes(name: str, body: dict, *, file: str, root) -> list[Problem]:
    """A question marked by hand named like a graded function: their columns would merge in reports."""
    manual = body.get("manual")
    targets = {str(cid).split(".")[0] for cid in body["checks"]}
    return [
        Problem(
            file,
            _line(root, ["assignments", name, "manual", q], key=True),
            key_path(("assignments", name, "manual", q)),
            f"a question marked by hand named like the graded function {q!r}: choose another id",
        )
        for q in (manual if isinstance(manual, dict) else {})
        if q in targets
    ]


def validate(path: Path) -> tuple[list[Problem], int, int]:
    """Every problem of ``grading.yml`` and of the check files of the assignments it names.

    Args:
        path: The course's ``grading.yml``; the course is its folder.

    Returns:
        The problems (empty when ``autograder grade`` would accept every assignment), the number
        of assignments and the number of configured checks.
    """
    path = Path(path)
    course = path.resolve().parent
    file = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        return [Problem(str(path), 0, "", f"cannot be read ({err.strerror})")], 0, 0
    try:
        root = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        return (
            [Problem(file, mark.line + 1 if mark else 0, "", f"not valid YAML ({getattr(err, 'problem', err)})")],
            0,
            0,
        )
    data = {} if data is None else data
    problems: list[Problem] = []
    _duplicates(root, [], file, problems)
    for p in schema_problems(data):
        problems.append(Problem(file, _line(root, list(p.parts), key=p.at_key), key_path(p.parts), p.message))
    assignments = data.get("assignments") if isinstance(data, dict) else None
    n_checks = 0
    if isinstance(assignments, dict):
        for name, body in assignments.items():
            checks = body.get("checks") if isinstance(body, dict) else None
            found, _ = rules.assignment_problems(
                str(name), checks, course=course, file=file, locate=lambda parts, key=False: _line(root, parts, key=key)
            )
            problems += found
            if isinstance(body, dict) and isinstance(body.get("checks"), dict):
                n_checks += len(body["checks"])
                problems += _manual_clashes(str(name), body, file=file, root=root)
    order = {p: i for i, p in enumerate(problems)}
    return sorted(problems, key=lambda p: (p.file != file, p.file, p.line, order[p])), len(assignments or {}), n_checks
