"""The rules a release states, each tied to the checks that can break it and a mistake that breaks it.

``solutions/NAME/rules.yml`` quotes every sentence of the release (markdown and graded docstrings)
that the finder (:func:`candidates`) flags as normative, in one of two lists::

    rules:                      # a rule: checks whose inputs tell a violation apart, and a mistake
      - says: "the lowest id among exact ties, as `np.argmax` does"
        checks: [greedy_decode.ties]
        mistake: greedy_ties_highest_id     # solutions/NAME/mistakes/<mistake>.py breaks this rule only
    not_rules:                  # flagged, but no rule of its own (an explanation, a question, ...)
      - says: "Why must padded source positions get weight exactly 0"
        why: a question for the student

A quote covers every flagged sentence it is part of (whitespace and markdown emphasis ignored).
:func:`problems` finds a quote the release does not contain, an unknown check or mistake, a
mistake whose ``EXPECT_FAILED`` shares no check with its rule, and a flagged sentence no quote
covers. ``autograder examples`` grades every mistake; a rule is *caught* when its mistake failed
one of its checks, and the rule score is caught rules over all rules (:func:`rule_score`).
``autograder rules`` writes the table of ``docs/rules.md`` (:func:`table`).
"""

from __future__ import annotations

import ast
import dataclasses
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import yaml

from autograder.core import pysource
from autograder.course.layout import Layout

RULES_FILE = "rules.yml"

_NORMATIVE = re.compile(
    r"\b(must|never|exactly|only|ties?|tied|equal|lowest|highest|raises?|left out|without|at most|at least|"
    r"u?int(?:8|16|32|64)|float(?:16|32|64)|built on|unchanged|in place|empty|stable|order(?:ed)?)\b",
    re.IGNORECASE,
)


class RulebookError(ValueError):
    """``rules.yml`` is not as :mod:`autograder.course.stated` describes; the message says where."""


@dataclasses.dataclass(frozen=True)
class Rule:
    """One rule the release states.

    Attributes:
        says: The rule, quoted from the release.
        checks: Checks whose inputs tell a violation apart.
        mistake: The mistake (``mistakes/<mistake>.py``) that breaks this rule only.
    """

    says: str
    checks: tuple[str, ...]
    mistake: str


@dataclasses.dataclass(frozen=True)
class Rulebook:
    """An assignment's ``rules.yml``.

    Attributes:
        rules: The rules.
        not_rules: ``(quote, why)`` of flagged sentences that state no rule of their own.
    """

    rules: tuple[Rule, ...]
    not_rules: tuple[tuple[str, str], ...]


def normalised(text: str) -> str:
    """Text compared as a reader sees it: markdown emphasis and backquotes dropped, spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"[*`_]", "", text)).strip()


def _sentences(text: str) -> list[str]:
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"^#+ .*$", " ", text, flags=re.M)  # headings are titles, not sentences
    text = re.sub(r"\s+", " ", text)
    return [s.strip() for s in re.split(r"(?<=[.!?;])\s+(?=[A-Z*`(\d])", text) if s.strip()]


def release_texts(release: dict) -> list[str]:
    """What a student reads as rules: the markdown cells and the docstrings of the functions to write."""
    out = []
    for cell in release.get("cells", []):
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        if cell.get("cell_type") == "markdown":
            out.append(source)
        elif cell.get("cell_type") == "code" and "YOUR CODE HERE" in source:
            try:
                tree = pysource.parse(source)
            except SyntaxError:
                continue
            out += [ast.get_docstring(n) or "" for n in tree.body if isinstance(n, ast.FunctionDef)]
    return out


def candidates(release: dict) -> list[str]:
    """The release's sentences that read as rules (a normative word in them), in order, once each."""
    seen: dict[str, None] = {}
    for text in release_texts(release):
        for sentence in _sentences(text):
            if _NORMATIVE.search(sentence):
                seen.setdefault(sentence, None)
    return list(seen)


def load(path: Path) -> Rulebook:
    """Reads ``rules.yml``.

    Raises:
        RulebookError: It is not YAML or not in the documented shape (the message names the entry).
    """
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        raise RulebookError(f"{path}: cannot be read as YAML ({err})") from None
    if not isinstance(data, dict) or set(data) - {"rules", "not_rules"}:
        raise RulebookError(f"{path}: expected the keys rules and not_rules only")
    rules = []
    for n, entry in enumerate(data.get("rules") or []):
        if (
            not isinstance(entry, dict)
            or set(entry) != {"says", "checks", "mistake"}
            or not isinstance(entry["says"], str)
            or not isinstance(entry["checks"], list)
            or not entry["checks"]
            or not isinstance(entry["mistake"], str)
        ):
            raise RulebookError(
                f"{path}: rules[{n}]: expected says (text), checks (a list of ids) and mistake (a name)"
            )
        rules.append(Rule(entry["says"], tuple(str(c) for c in entry["checks"]), entry["mistake"]))
    not_rules = []
    for n, entry in enumerate(data.get("not_rules") or []):
        if (
            not isinstance(entry, dict)
            or set(entry) != {"says", "why"}
            or not all(isinstance(v, str) for v in entry.values())
        ):
            raise RulebookError(f"{path}: not_rules[{n}]: expected says (text) and why (text)")
        not_rules.append((entry["says"], entry["why"]))
    return Rulebook(tuple(rules), tuple(not_rules))


def read(name: str, *, root: Path) -> Rulebook | None:
    """An assignment's rulebook, or None when it has none."""
    path = Layout(Path(root)).solutions(name) / RULES_FILE
    return load(path) if path.is_file() else None


def uncovered(release: dict, book: Rulebook) -> list[str]:
    """The flagged sentences of the release that no quote of the rulebook covers."""
    quotes = [normalised(r.says) for r in book.rules] + [normalised(q) for q, _ in book.not_rules]
    return [s for s in candidates(release) if not any(q and q in normalised(s) for q in quotes)]


def problems(
    book: Rulebook, *, release: dict, check_ids: Iterable[str], mistakes: Mapping[str, frozenset[str]]
) -> list[str]:
    """Everything wrong with a rulebook against its release, checks and mistakes.

    Args:
        book: The rulebook.
        release: The release notebook.
        check_ids: The assignment's checks (the contract's included).
        mistakes: Each mistake's name with its ``EXPECT_FAILED``.
    """
    text = normalised("\n".join(release_texts(release)))
    known = set(check_ids)
    out = []
    for rule in book.rules:
        head = f"rule {rule.says[:60]!r}"
        if normalised(rule.says) not in text:
            out.append(f"{head}: the release does not say this (quote it as the release reads)")
        unknown = [c for c in rule.checks if c not in known]
        if unknown:
            out.append(f"{head}: unknown check {', '.join(unknown)}")
        if rule.mistake not in mistakes:
            out.append(f"{head}: no mistake named {rule.mistake!r} in mistakes/")
        elif not mistakes[rule.mistake] & set(rule.checks):
            out.append(f"{head}: mistake {rule.mistake!r} is expected to fail none of {', '.join(rule.checks)}")
    for quote, _ in book.not_rules:
        if normalised(quote) not in text:
            out.append(f"not_rule {quote[:60]!r}: the release does not say this")
    out += [f"no rule or not_rule covers: {s[:160]!r}" for s in uncovered(release, book)]
    return out


def rule_score(book: Rulebook, failed: Mapping[str, Iterable[str]]) -> tuple[int, int, list[Rule]]:
    """How many rules their mistake's grading caught.

    Args:
        book: The rulebook.
        failed: Each graded mistake's name with the checks it did not pass.

    Returns:
        ``(caught, total, missed)``: missed are the rules whose mistake failed none of their checks.
    """
    missed = [r for r in book.rules if not set(failed.get(r.mistake, ())) & set(r.checks)]
    return len(book.rules) - len(missed), len(book.rules), missed


def table(name: str, book: Rulebook) -> str:
    """The markdown table of an assignment's rules: the rule, its checks and its mistake."""
    lines = [
        f"### `{name}`: {len(book.rules)} rules",
        "",
        "| rule (as the release says it) | checks that can break it | mistake that breaks it |",
        "| --- | --- | --- |",
    ]
    for rule in book.rules:
        says = normalised(rule.says).replace("|", "\\|")
        checks = ", ".join(f"`{c}`" for c in rule.checks)
        lines.append(f"| {says} | {checks} | `{rule.mistake}` |")
    return "\n".join(lines) + "\n"
