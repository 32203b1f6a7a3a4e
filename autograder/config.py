"""Loading and validating ``grading.yml``."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import yaml

_CHECK_KEYS = {"points", "visibility", "rtol", "atol", "timeout_s"}
_VISIBILITY = {"public", "hidden"}


class ConfigError(ValueError):
    """Raised when ``grading.yml`` does not match the schema; the message names the bad key."""


@dataclasses.dataclass(frozen=True)
class CheckConfig:
    """Settings of one check."""

    points: float
    visibility: str = "public"
    rtol: float = 1e-6
    atol: float = 1e-8
    timeout_s: float = 60.0


def parse_checks(data: dict, *, where: str) -> dict[str, CheckConfig]:
    """Validates a mapping of check id to settings.

    Args:
        data: The mapping as read from YAML.
        where: Dotted path of the mapping, used in error messages.

    Returns:
        Check id to its validated settings.

    Raises:
        ConfigError: A key is unknown or a value has the wrong type.
    """
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping, got {type(data).__name__}")
    out = {}
    for check_id, settings in data.items():
        path = f"{where}.{check_id}"
        if not isinstance(settings, dict):
            raise ConfigError(f"{path}: expected a mapping, got {type(settings).__name__}")
        unknown = sorted(set(settings) - _CHECK_KEYS)
        if unknown:
            raise ConfigError(f"{path}.{unknown[0]}: unknown key (allowed: {', '.join(sorted(_CHECK_KEYS))})")
        if "points" not in settings:
            raise ConfigError(f"{path}.points: required")
        for key in ("points", "rtol", "atol", "timeout_s"):
            value = settings.get(key)
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0):
                raise ConfigError(f"{path}.{key}: expected a non-negative number, got {value!r}")
        if settings.get("visibility", "public") not in _VISIBILITY:
            raise ConfigError(f"{path}.visibility: expected one of public, hidden, got {settings['visibility']!r}")
        out[check_id] = CheckConfig(**settings)
    return out


def load(path: Path) -> dict[str, dict[str, CheckConfig]]:
    """Reads ``grading.yml``: assignment name to its checks."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    assignments = data.get("assignments", {})
    return {name: parse_checks(checks or {}, where=f"assignments.{name}") for name, checks in assignments.items()}
