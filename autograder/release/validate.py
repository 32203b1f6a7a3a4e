"""``autograder validate``: every problem of a course's configuration at once, with file and line.

``grading.yml`` is checked against a JSON Schema (with :mod:`jsonschema`; PyYAML's node marks give
the lines), then each assignment against its check files exactly as ``autograder grade`` loads
them (:func:`autograder.course.assignment.load`): ids on both sides, duplicates, visibility (a check in
``hidden_checks.py`` must be hidden and one in ``public_checks.py`` public) and ``requires``. Paths
are unambiguous even though check ids contain dots: ``assignments.a1_perceptron.checks["sigmoid.values"].points``.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import jsonschema
import yaml

from autograder.core.limits import Limits
from autograder.course import assignment as assignment_mod
from autograder.course import testfiles
from autograder.course.layout import Layout

_NUMBER = {"type": "number", "minimum": 0}
_LIMITS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {f.name: _NUMBER for f in dataclasses.fields(Limits)},
}
_CHECK = {
    "type": "object",
    "additionalProperties": False,
    "required": ["points"],
    "properties": {
        "points": _NUMBER,
        "visibility": {"enum": ["public", "hidden"]},
        "rtol": _NUMBER,
        "atol": _NUMBER,
        "timeout_s": _NUMBER,
    },
}
_VARIANTS = {"type": "integer", "minimum": 1}
_ASSIGNMENT = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "title": {"type": "string"},
        "limits": _LIMITS,
        "hidden_variants": _VARIANTS,
        "checks": {"type": "object", "additionalProperties": _CHECK},
    },
}
SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "seed": {"type": ["string", "number"]},
        "sandbox": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"require": {"enum": ["full", "landlock", "none"]}},
        },
        "defaults": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"rtol": _NUMBER, "atol": _NUMBER, "limits": _LIMITS, "hidden_variants": _VARIANTS},
        },
        "assignments": {"type": "object", "additionalProperties": _ASSIGNMENT},
    },
}
"""The schema of ``grading.yml`` (the same rules :mod:`autograder.core.config` enforces when loading)."""


@dataclasses.dataclass(frozen=True)
class Problem:
    """One problem found.

    Attributes:
        file: The file at fault, relative to the course when inside it.
        line: Its line (1-based), or 0 when no line can be named.
        path: Where in the file, e.g. ``assignments.a1.checks["f.values"].points``; may be empty.
        message: What is wrong and what is expected.
    """

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path + ': ' if self.path else ''}{self.message}"


def key_path(parts) -> str:
    """An unambiguous path: identifiers joined by dots, other keys quoted in brackets."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", str(part)):
            out += ("." if out else "") + str(part)
        else:
            out += f'["{part}"]'
    return out


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


def _schema_problems(data, root, file: str) -> list[Problem]:
    out = []
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for err in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        parts = list(err.absolute_path)
        if err.validator == "additionalProperties":
            allowed = sorted(err.schema.get("properties", {}))
            for extra in sorted(set(err.instance) - set(allowed), key=str):
                out.append(
                    Problem(
                        file,
                        _line(root, [*parts, extra], key=True),
                        key_path([*parts, extra]),
                        f"unknown key (allowed: {', '.join(allowed)})",
                    )
                )
            continue
        if err.validator == "required":
            missing = [r for r in err.validator_value if r not in err.instance]
            for name in missing:
                out.append(Problem(file, _line(root, parts, key=True), key_path([*parts, name]), "required"))
            continue
        if err.validator in ("type", "minimum") and err.schema is _NUMBER:
            message = f"expected a non-negative number, got {err.instance!r}"
        elif err.validator == "enum":
            message = f"expected one of {', '.join(map(str, err.validator_value))}, got {err.instance!r}"
        elif err.validator == "type":
            wanted = err.validator_value if isinstance(err.validator_value, str) else " or ".join(err.validator_value)
            message = f"expected {wanted}, got {type(err.instance).__name__}"
        else:
            message = err.message
        out.append(Problem(file, _line(root, parts), key_path(parts), message))
    return out


def _line_of_id(path: Path, check_id: str) -> int:
    """The line of a check's id in a checks file, or of its function in a test_*.py file (0: not found)."""
    aspect = check_id.partition(".")[2]
    try:
        for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"""(['"])""" + re.escape(check_id) + r"\1", text) or (
                path.name.startswith("test_") and re.match(rf"def test_{re.escape(aspect)}\(", text)
            ):
                return n
    except OSError:
        pass
    return 0


def _assignment_problems(name: str, body: dict, *, course: Path, root, file: str) -> list[Problem]:
    """The problems ``autograder grade`` would refuse in one assignment, all of them."""
    out: list[Problem] = []
    folder = Layout(course).solutions(name)

    def rel(p: Path) -> str:
        return str(p.relative_to(course)) if p.is_relative_to(course) else str(p)

    where = ["assignments", name]
    if not (folder / f"{name}.ipynb").is_file():
        named = f"named in {file} line {_line(root, where, key=True)}"
        out.append(Problem(rel(folder / f"{name}.ipynb"), 0, "", f"missing: the source notebook of {name} ({named})"))
    checks, any_defined = _defined_checks(folder, rel, out)
    configured = body.get("checks") if isinstance(body, dict) else None
    configured = configured if isinstance(configured, dict) else {}
    if not any_defined and not out:
        out.append(Problem(rel(folder / assignment_mod.PUBLIC_CHECKS), 0, "", "defines no check"))
    checks_path = [*where, "checks"]
    for check_id, (path, check, hidden) in checks.items():
        if check_id not in configured:
            out.append(
                Problem(
                    file,
                    _line(root, checks_path, key=True),
                    key_path([*checks_path, check_id]),
                    f"missing: {rel(path)} line {_line_of_id(path, check_id)} defines this check, give it points here",
                )
            )
            continue
        out += _settings_problems(
            check,
            hidden,
            configured[check_id],
            path=rel(path),
            line=_line_of_id(path, check_id),
            at=[*checks_path, check_id],
            root=root,
            file=file,
        )
        out += _requirement_problems(check, hidden, checks, path=rel(path), line=_line_of_id(path, check_id), name=name)
    for check_id in [c for c in configured if c not in checks]:
        at = [*checks_path, check_id]
        files = (
            f"{rel(folder / assignment_mod.PUBLIC_CHECKS)}, {rel(folder / assignment_mod.HIDDEN_CHECKS)} or test_*.py"
        )
        out.append(Problem(file, _line(root, at, key=True), key_path(at), f"names no check in {files}"))
    return out


def _requirement_problems(check, hidden: bool, checks: dict, *, path: str, line: int, name: str) -> list[Problem]:
    """A check's ``requires``: each must be a check of the assignment, and a public check may not
    require a hidden one (the self-check could not judge it)."""
    out = []
    for req in check.requires:
        if req not in checks:
            out.append(Problem(path, line, "", f"check {check.id!r} requires {req!r}, which is not a check of {name}"))
        elif checks[req][2] and not hidden:
            why = "(the self-check could not judge it)"
            out.append(Problem(path, line, "", f"public check {check.id!r} requires hidden check {req!r} {why}"))
    return out


def _defined_checks(folder: Path, rel, out: list[Problem]) -> tuple[dict, bool]:
    """Every check the assignment's files define, by id: ``(path, check, hidden)``; whether any
    file defines one. A file that does not load, or an id defined twice, is a problem in ``out``."""
    files = {}
    for module in (assignment_mod.PUBLIC_CHECKS, assignment_mod.HIDDEN_CHECKS):
        path = folder / module
        try:
            files[module] = (path, assignment_mod.load_checks(path))
        except Exception as err:  # an instructor's file that does not import: say so, go on
            out.append(
                Problem(
                    rel(path), getattr(err, "lineno", 0) or 0, "", f"cannot be loaded ({type(err).__name__}: {err})"
                )
            )
            files[module] = (path, [])
    try:  # checks written as pytest tests: hidden only (see autograder.grading.testchecks)
        tests = testfiles.load(folder)
    except Exception as err:
        out.append(Problem(rel(folder), 0, "", f"a test_*.py file cannot be loaded ({type(err).__name__}: {err})"))
        tests = []
    for check in tests:
        files.setdefault(check.location.partition("::")[0], (folder / check.location.partition("::")[0], []))[1].append(
            check
        )
    checks = {}
    for module, (path, found) in files.items():
        for check in found:
            if check.id in checks:
                other = checks[check.id][0]
                out.append(
                    Problem(
                        rel(path),
                        _line_of_id(path, check.id),
                        "",
                        f"check id {check.id!r} is defined twice (also in {rel(other)})",
                    )
                )
            checks.setdefault(check.id, (path, check, module != assignment_mod.PUBLIC_CHECKS))
    return checks, any(found for _, found in files.values())


def _settings_problems(
    check, hidden: bool, settings, *, path: str, line: int, at: list, root, file: str
) -> list[Problem]:
    """A check's ``grading.yml`` entry against its definition: the visibility of the file it is in,
    and the points a pytest-style check is marked with."""
    out = []
    visibility = settings.get("visibility", "public") if isinstance(settings, dict) else "public"
    if visibility in ("public", "hidden") and (visibility == "hidden") != hidden:
        out.append(
            Problem(
                file,
                _line(
                    root,
                    [*at, "visibility"] if isinstance(settings, dict) and "visibility" in settings else at,
                    key=True,
                ),
                key_path([*at, "visibility"]),
                f"is {visibility}, but the check is in {path} (line {line})",
            )
        )
    if (
        isinstance(check, testfiles.PytestCheck)
        and check.marked_points is not None
        and isinstance(settings, dict)
        and isinstance(settings.get("points"), (int, float))
        and float(settings["points"]) != float(check.marked_points)
    ):
        out.append(
            Problem(
                file,
                _line(root, [*at, "points"], key=True),
                key_path([*at, "points"]),
                f"is {settings['points']:g}, but {check.location} is marked points({check.marked_points:g})",
            )
        )
    return out


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
    problems += _schema_problems(data, root, file)
    assignments = data.get("assignments") if isinstance(data, dict) else None
    n_checks = 0
    if isinstance(assignments, dict):
        for name, body in assignments.items():
            problems += _assignment_problems(str(name), body, course=course, root=root, file=file)
            if isinstance(body, dict) and isinstance(body.get("checks"), dict):
                n_checks += len(body["checks"])
    order = {p: i for i, p in enumerate(problems)}
    return sorted(problems, key=lambda p: (p.file != file, p.file, p.line, order[p])), len(assignments or {}), n_checks
