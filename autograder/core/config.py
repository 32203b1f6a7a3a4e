"""Loading and validating ``grading.yml``: points, visibility, tolerances and limits.

Layout::

    seed: course-2026            # salt for hidden inputs (change it every term)
    sandbox: {require: full}     # refuse to grade unless workers get this confinement (full, landlock, none)
    defaults: {rtol: 1.0e-7, atol: 1.0e-9, limits: {check_timeout_s: 60}, hidden_variants: 8}
    assignments:
      a1_perceptron:
        limits: {memory_mb: 3072}
        hidden_variants: 16        # a pool of 16 hidden-input variants per check (absent: one per submission)
        checks:
          sigmoid.values: {points: 1, visibility: public}
          sigmoid.isolation: {points: 1, visibility: hidden, rtol: 1.0e-6}

Every error names the offending key by its dotted path.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import yaml

from autograder.core.limits import Limits
from autograder.core.tolerance import Tolerance

_TOP_KEYS = {"seed", "defaults", "assignments", "sandbox"}
SANDBOX_LEVELS = ("full", "landlock", "none")  # the strongest first: autograder.sandbox.confinement.LEVELS
_DEFAULT_KEYS = {"rtol", "atol", "limits", "hidden_variants"}
_ASSIGNMENT_KEYS = {"limits", "checks", "title", "hidden_variants"}
_CHECK_KEYS = {"points", "visibility", "rtol", "atol", "timeout_s"}
_VISIBILITY = ("public", "hidden")
_LIMIT_KEYS = {f.name: f.type for f in dataclasses.fields(Limits)}


class ConfigError(ValueError):
    """``grading.yml`` does not match the schema; the message names the bad key."""


@dataclasses.dataclass(frozen=True)
class CheckConfig:
    """Settings of one check.

    Attributes:
        points: Points for passing.
        visibility: ``public`` (students see details and can self-check) or ``hidden``.
        tol: Tolerance for values.
        timeout_s: Wall-time limit of the check in the worker.
    """

    points: float
    visibility: str = "public"
    tol: Tolerance = Tolerance()
    timeout_s: float | None = None

    @property
    def hidden(self) -> bool:
        """Whether the check is hidden from students."""
        return self.visibility == "hidden"


@dataclasses.dataclass(frozen=True)
class AssignmentConfig:
    """Settings of one assignment: its checks (in file order), limits, and the hidden-input salt.

    Attributes:
        name: The assignment's name.
        checks: Check id to its settings.
        limits: The worker's limits.
        seed: The course's salt of hidden inputs.
        title: A title for reports.
        hidden_variants: How many hidden-input variants each hidden check has (a pool, chosen per
            submission from its code, so expected values are computed once per variant and run);
            None gives every submission inputs of its own.
        sandbox: The confinement grading requires (the course's ``sandbox.require``): ``full``
            (namespaces: the course hidden, no network, processes contained), ``landlock`` (at
            least Landlock's file and TCP rules) or ``none``.
    """

    name: str
    checks: dict[str, CheckConfig]
    limits: Limits
    seed: str
    title: str = ""
    hidden_variants: int | None = None
    sandbox: str = "full"


def _mapping(value, where: str) -> dict:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a mapping, got {type(value).__name__}")
    return value


def _unknown(data: dict, allowed: set, where: str) -> None:
    unknown = sorted(str(k) for k in set(data) - allowed)
    if unknown:
        raise ConfigError(f"{where}.{unknown[0]}: unknown key (allowed: {', '.join(sorted(allowed))})")


def _number(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ConfigError(f"{where}: expected a non-negative number, got {value!r}")
    return value


def _variants(value, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{where}: expected a whole number of at least 1, got {value!r}")
    return value


def _limits(data: dict, base: Limits, where: str) -> Limits:
    data = _mapping(data, where)
    _unknown(data, set(_LIMIT_KEYS), where)
    values = {k: _number(v, f"{where}.{k}") for k, v in data.items()}
    return dataclasses.replace(base, **values)


def _sandbox(value) -> str:
    data = _mapping(value, "sandbox")
    _unknown(data, {"require"}, "sandbox")
    level = data.get("require", "full")
    if level not in SANDBOX_LEVELS:
        raise ConfigError(f"sandbox.require: expected one of {', '.join(SANDBOX_LEVELS)}, got {level!r}")
    return level


def parse_checks(data: dict, *, where: str, default_tol: Tolerance = Tolerance()) -> dict[str, CheckConfig]:
    """Validates a mapping of check id to settings.

    Args:
        data: The mapping as read from YAML.
        where: Dotted path of the mapping, used in error messages.
        default_tol: Tolerance for checks that set neither rtol nor atol.

    Returns:
        Check id to its validated settings, in the mapping's order.

    Raises:
        ConfigError: A key is unknown or missing, or a value has the wrong type.
    """
    data = _mapping(data, where)
    out = {}
    for check_id, settings in data.items():
        path = f"{where}.{check_id}"
        settings = _mapping(settings, path)
        _unknown(settings, _CHECK_KEYS, path)
        if "points" not in settings:
            raise ConfigError(f"{path}.points: required")
        for key in ("points", "rtol", "atol", "timeout_s"):
            if key in settings:
                _number(settings[key], f"{path}.{key}")
        visibility = settings.get("visibility", "public")
        if visibility not in _VISIBILITY:
            raise ConfigError(f"{path}.visibility: expected one of {', '.join(_VISIBILITY)}, got {visibility!r}")
        tol = Tolerance(settings.get("rtol", default_tol.rtol), settings.get("atol", default_tol.atol))
        out[str(check_id)] = CheckConfig(settings["points"], visibility, tol, settings.get("timeout_s"))
    return out


def parse(data) -> dict[str, AssignmentConfig]:
    """Validates the whole document of ``grading.yml``."""
    data = _mapping(data if data is not None else {}, "grading.yml")
    _unknown(data, _TOP_KEYS, "grading.yml")
    seed = str(data.get("seed", "autograder"))
    defaults = _mapping(data.get("defaults", {}), "defaults")
    _unknown(defaults, _DEFAULT_KEYS, "defaults")
    tol = Tolerance(
        _number(defaults.get("rtol", 1e-7), "defaults.rtol"), _number(defaults.get("atol", 1e-9), "defaults.atol")
    )
    base_limits = _limits(defaults.get("limits", {}), Limits(), "defaults.limits")
    base_variants = _variants(defaults.get("hidden_variants"), "defaults.hidden_variants")
    required = _sandbox(data.get("sandbox", {}))
    out = {}
    for name, body in _mapping(data.get("assignments", {}), "assignments").items():
        where = f"assignments.{name}"
        body = _mapping(body, where)
        _unknown(body, _ASSIGNMENT_KEYS, where)
        limits = _limits(body.get("limits", {}), base_limits, f"{where}.limits")
        checks = parse_checks(body.get("checks", {}), where=f"{where}.checks", default_tol=tol)
        variants = _variants(body.get("hidden_variants", base_variants), f"{where}.hidden_variants")
        out[str(name)] = AssignmentConfig(
            str(name), checks, limits, seed, str(body.get("title", "")), variants, required
        )
    return out


def load(path: Path) -> dict[str, AssignmentConfig]:
    """Reads and validates ``grading.yml``.

    Raises:
        ConfigError: The file is missing, not YAML, or does not match the schema.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise ConfigError(f"{path}: cannot be read ({err.strerror})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise ConfigError(f"{path}: not valid YAML ({err})") from None
    return parse(data)
