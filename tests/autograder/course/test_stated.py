"""Stated rules: the finder flags the release's normative sentences, a rulebook must cover each with a
rule (checks and a mistake) or say why it is none, and the rule score counts the rules caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from autograder.audit import rulescore
from autograder.core import config
from autograder.course import stated


def cell(kind, source):
    return {"cell_type": kind, "metadata": {}, "source": source}


RELEASE = {
    "cells": [
        cell(
            "markdown", "## Decoding\n\nGreedy takes the most probable id (the lowest id among exact ties). It is fast."
        ),
        cell("markdown", "Why does greedy decoding miss the best sequence?"),
        cell(
            "code",
            'def greedy(step):\n    """Greedy decoding.\n\n    Returns:\n        int32 array of ids.\n    """\n'
            "    # YOUR CODE HERE\n    raise NotImplementedError()",
        ),
        cell("code", 'def helper():\n    """Given: never rewrite it (no stub)."""\n    return 1'),
    ]
}
BOOK = stated.Rulebook(
    rules=(
        stated.Rule("the lowest id among *exact* ties", ("greedy.ties",), "ties_highest"),
        stated.Rule("int32 array of ids", ("greedy.dtype",), "ids_int64"),
    ),
    not_rules=(("Why does greedy decoding miss", "a question for the student"),),
)
MISTAKES = {"ties_highest": frozenset({"greedy.ties"}), "ids_int64": frozenset({"greedy.dtype"})}


def test_the_finder_flags_normative_sentences_of_markdown_and_stubs_only():
    found = stated.candidates(RELEASE)
    assert found == [
        "Greedy takes the most probable id (the lowest id among exact ties).",
        "Returns: int32 array of ids.",
    ]
    assert not any("It is fast" in s for s in found)  # no normative word
    assert not any("never rewrite" in s for s in found)  # a given function's docstring is not a stub's


def test_a_complete_rulebook_has_no_problem():
    assert stated.problems(BOOK, release=RELEASE, check_ids={"greedy.ties", "greedy.dtype"}, mistakes=MISTAKES) == []


def test_each_gap_is_named():
    book = stated.Rulebook(
        rules=(
            stated.Rule("the highest id among exact ties", ("greedy.ties",), "ties_highest"),  # not what it says
            stated.Rule("int32 array of ids", ("greedy.order",), "nowhere"),
        ),
        not_rules=(),
    )
    found = stated.problems(book, release=RELEASE, check_ids={"greedy.ties"}, mistakes=MISTAKES)
    assert any("does not say this" in p for p in found)
    assert any("unknown check greedy.order" in p for p in found)
    assert any("no mistake named 'nowhere'" in p for p in found)
    assert any(p.startswith("no rule or not_rule covers") and "lowest id" in p for p in found)
    wrong = stated.Rulebook((stated.Rule("int32 array of ids", ("greedy.dtype",), "ties_highest"),), ())
    assert any("expected to fail none of greedy.dtype" in p for p in stated.problems(
        wrong, release=RELEASE, check_ids={"greedy.dtype"}, mistakes=MISTAKES
    ))  # fmt: skip


def test_the_rule_score_counts_rules_whose_mistake_failed_one_of_their_checks():
    caught, total, missed = stated.rule_score(BOOK, {"ties_highest": ["greedy.ties"], "ids_int64": ["greedy.values"]})
    assert (caught, total) == (1, 2) and [r.mistake for r in missed] == ["ids_int64"]


@pytest.mark.parametrize(
    "text, message",
    [
        ("rules: [{says: x}]", "rules[0]: expected says"),
        ("rules: [{says: x, checks: [], mistake: m}]", "rules[0]"),
        ("not_rules: [{says: x}]", "not_rules[0]: expected says (text) and why"),
        ("others: []", "expected the keys rules and not_rules only"),
        ("rules: [", "cannot be read as YAML"),
    ],
)
def test_a_malformed_rulebook_is_refused_with_where(tmp_path, text, message):
    path = tmp_path / "rules.yml"
    path.write_text(text)
    with pytest.raises(stated.RulebookError, match=message.replace("[", r"\[").replace("(", r"\(").replace(")", r"\)")):
        stated.load(path)


NAMES = sorted(config.load(Path(__file__).resolve().parents[3] / config.GRADING_FILE))  # every assignment


@pytest.mark.parametrize("name", NAMES)
def test_every_rule_a_release_states_has_checks_and_a_mistake(name, root: Path):
    assert rulescore.assignment_problems(name, root=root) == []


def test_the_rules_document_is_current(root: Path):
    assert (root / rulescore.DOC).read_text(encoding="utf-8") == rulescore.document(root=root), (
        "run `autograder rules --write`"
    )
