"""``autograder new NAME``: a working assignment to start from.

The skeleton has everything a course's assignment has, at its smallest: an instructor notebook with
one graded function (``bag_of_words``) between nbgrader's solution markers, its set-up and
self-check cells, public and hidden checks, typical mistakes, correct variants written other ways,
a rulebook for every rule its release states, and the ``grading.yml`` block. ``autograder
validate``, ``release``, ``examples``, ``rules`` and ``mutants`` pass on it as made
(``docs/authoring.md`` walks through them; ``tests/autograder/course/test_skeleton.py`` runs them).

Nothing is written unless everything can be: a bad name, an existing assignment or a
``grading.yml`` that cannot take the block is refused before any file changes.
"""

from __future__ import annotations

import dataclasses
import json
import keyword
import re
import shutil
import tempfile
from pathlib import Path

import yaml

from autograder.core import config
from autograder.course.layout import Layout

NAME_PATTERN = re.compile(r"[a-z][a-z0-9_]*")


class SkeletonError(ValueError):
    """The skeleton cannot be made; nothing was written."""


@dataclasses.dataclass(frozen=True)
class Made:
    """What :func:`make` wrote.

    Attributes:
        name: The assignment.
        folder: ``solutions/NAME/``.
        files: Every file written under it, relative to the course.
        grading_block: The block appended to ``grading.yml``.
    """

    name: str
    folder: Path
    files: tuple[str, ...]
    grading_block: str


CONVENTIONS = (
    "Every graded function works on numpy arrays, never changes its arguments, gives the same result when "
    "called again with the same arguments, and returns exactly the dtype its docstring names."
)

SELFCHECK = """try:
    from autograder.integrations.selfcheck import check
except ImportError:  # the autograder is not installed: self-checks are skipped
    def check(*names, namespace=None, folder=".", strict=False):
        print(f"(autograder not installed: self-check of {', '.join(names)} skipped)")
"""

SOLUTION = '''def bag_of_words(ids, vocab_size):
    """How many times each word id occurs in each row.

    Args:
        ids: (m, T) integer array of word ids, each in range(vocab_size).
        vocab_size: V, the number of ids.

    Returns:
        (m, V) int64 array: entry [i, w] is the number of times id w occurs in row i.
    """
    ### BEGIN SOLUTION
    counts = np.zeros((len(ids), vocab_size), dtype=np.int64)
    for i, row in enumerate(ids):
        counts[i] = np.bincount(row, minlength=vocab_size)
    return counts
    ### END SOLUTION
'''

PUBLIC_CHECKS = '''"""Public checks of {name} (released: students run them with `autograder check`).

Sizes are all distinct (6 rows, 5 ids each, 7 words), so a count along the wrong axis changes the
shape or the values; every row repeats an id, so presence (0/1) is not a count.
"""

import numpy as np

from autograder.checks import Check


def rows_of_ids(m, T, V):
    """Inputs: m rows of T ids in range(V), each row with an id repeated."""

    def build(rng):
        ids = rng.integers(0, V, size=(m, T))
        ids[:, 1] = ids[:, 0]  # a repeated id in every row
        return {{"ids": ids.astype(np.int64), "vocab_size": V}}

    return build


CHECKS = [
    Check(
        "bag_of_words.values",
        "bag_of_words",
        "bag_of_words(ids, 7) for ids of shape (6, 5)",
        rows_of_ids(6, 5, 7),
        hint="entry [i, w] counts how many times w occurs in row i (not only whether it occurs)",
    ),
]
'''

HIDDEN_CHECKS = '''"""Hidden checks of {name} (never released): other sizes and edge cases."""

import numpy as np

from autograder.checks import Check, sibling

pub = sibling(__file__, "public_checks")


def unused_ids(rng):
    """Ids drawn from the first half of the vocabulary only: the last columns are all zero."""
    return {{"ids": rng.integers(0, 4, size=(3, 9)).astype(np.int64), "vocab_size": 11}}


CHECKS = [
    Check(
        "bag_of_words.hidden",
        "bag_of_words",
        "bag_of_words on hidden sizes",
        pub.rows_of_ids(4, 12, 5),
        hint="do not hard-code sizes: the output has one row per row of ids and vocab_size columns",
    ),
    Check(
        "bag_of_words.unused_ids",
        "bag_of_words",
        "bag_of_words where the largest ids never occur",
        unused_ids,
        hint="the output has vocab_size columns, also when the largest ids do not occur",
    ),
]
'''

MISTAKES = {
    "presence_not_counts": (
        "Marks whether each id occurs (0 or 1) instead of counting it.",
        """def bag_of_words(ids, vocab_size):
    counts = np.zeros((len(ids), vocab_size), dtype=np.int64)
    for i, row in enumerate(ids):
        counts[i, row] = 1
    return counts
""",
        {"bag_of_words.values", "bag_of_words.hidden", "bag_of_words.unused_ids"},
        "values differ",
    ),
    "columns_of_seen_ids": (
        "Sizes the output by the largest id seen, not by vocab_size.",
        """def bag_of_words(ids, vocab_size):
    width = int(np.max(ids)) + 1
    counts = np.zeros((len(ids), width), dtype=np.int64)
    for i, row in enumerate(ids):
        counts[i] = np.bincount(row, minlength=width)
    return counts
""",
        {"bag_of_words.unused_ids"},
        None,
    ),
    "counts_float64": (
        "Counts right, in float64: the docstring names int64.",
        """def bag_of_words(ids, vocab_size):
    return np.stack([np.bincount(row, minlength=vocab_size) for row in ids]).astype(np.float64)
""",
        {"bag_of_words.values", "bag_of_words.hidden", "bag_of_words.unused_ids", "bag_of_words.dtype"},
        "dtype",
    ),
    "edits_ids": (
        "Sorts each row of ids in place before counting (right counts, the caller's array changed).",
        """def bag_of_words(ids, vocab_size):
    ids.sort(axis=1)
    counts = np.zeros((len(ids), vocab_size), dtype=np.int64)
    for i, row in enumerate(ids):
        counts[i] = np.bincount(row, minlength=vocab_size)
    return counts
""",
        {"bag_of_words.unchanged"},
        None,
    ),
    "keeps_counts": (
        "Adds into a table kept between calls: the second call counts the first call's rows too.",
        """def bag_of_words(ids, vocab_size, _seen={}):
    key = (len(ids), vocab_size)
    counts = _seen.setdefault(key, np.zeros(key, dtype=np.int64))
    for i, row in enumerate(ids):
        counts[i] += np.bincount(row, minlength=vocab_size)
    return counts.copy()
""",
        {"bag_of_words.repeatable"},
        None,
    ),
}

CORRECT = {
    "add_at": (
        "np.add.at on (row, id) pairs.",
        """def bag_of_words(ids, vocab_size):
    ids = np.asarray(ids)
    counts = np.zeros((ids.shape[0], vocab_size), dtype=np.int64)
    rows = np.repeat(np.arange(ids.shape[0]), ids.shape[1])
    np.add.at(counts, (rows, ids.ravel()), 1)
    return counts
""",
    ),
    "one_hot_sum": (
        "A sum of one-hot rows.",
        """def bag_of_words(ids, vocab_size):
    one_hot = np.eye(vocab_size, dtype=np.int64)[ids]   # (m, T, V)
    return one_hot.sum(axis=1)
""",
    ),
    "counter": (
        "collections.Counter per row, written into a table by hand.",
        """def bag_of_words(ids, vocab_size):
    from collections import Counter

    table = np.zeros((len(ids), vocab_size), dtype=np.int64)
    for i, row in enumerate(ids):
        for word, n in Counter(row.tolist()).items():
            table[i, word] = n
    return table
""",
    ),
    "flat_bincount": (
        "One bincount over row * V + id.",
        """def bag_of_words(ids, vocab_size):
    ids = np.asarray(ids)
    m = ids.shape[0]
    flat = (np.arange(m)[:, None] * vocab_size + ids).ravel()
    return np.bincount(flat, minlength=m * vocab_size).reshape(m, vocab_size).astype(np.int64)
""",
    ),
}

RULES = """# Every sentence of the release that reads as a rule (`autograder rules {name}` lists those not
# covered): a rule, with the checks whose inputs can break it and a mistake in mistakes/ that breaks
# it only, or a sentence that states no rule of its own. Never released.
rules:
  - says: "never changes its arguments"
    checks: [bag_of_words.unchanged]
    mistake: edits_ids
  - says: "gives the same result when called again with the same arguments"
    checks: [bag_of_words.repeatable]
    mistake: keeps_counts
  - says: "returns exactly the dtype its docstring names"
    checks: [bag_of_words.dtype, bag_of_words.values]
    mistake: counts_float64
  - says: "(m, V) int64 array"
    checks: [bag_of_words.values, bag_of_words.hidden, bag_of_words.dtype]
    mistake: counts_float64
not_rules: []
"""


EQUIVALENT_MUTANTS = """# Mutants of the reference that compute the same thing on every input the docstring allows
# (`autograder mutants {name}` leaves them out of the score). Keys are mutant ids.
"bag_of_words/swap-function@11:13#19c580": "every row of counts is overwritten by the loop: np.ones starts the same as np.zeros"
"""


def grading_block(name: str, title: str) -> str:
    """The ``grading.yml`` block of a new assignment (appended under ``assignments:``)."""
    return (
        f"  {name}:\n"
        f"    title: {json.dumps(title)}\n"
        "    limits: {check_timeout_s: 10}\n"
        "    checks:\n"
        "      bag_of_words.values: {points: 1, visibility: public}\n"
        "      bag_of_words.hidden: {points: 1, visibility: hidden}\n"
        "      bag_of_words.unused_ids: {points: 1, visibility: hidden}\n"
    )


def _cell(kind: str, grade_id: str, source: str) -> dict:
    """One notebook cell with its nbgrader metadata (kind: markdown, setup, solution, check or demo)."""
    cell: dict = {"cell_type": "markdown" if kind == "markdown" else "code", "id": grade_id.replace("_", "-")}
    if kind == "demo":
        cell["metadata"] = {}
    else:
        cell["metadata"] = {
            "nbgrader": {
                "grade": False,
                "grade_id": grade_id,
                "locked": kind != "solution",
                "schema_version": 3,
                "solution": kind == "solution",
            }
        }
    cell["source"] = source
    if cell["cell_type"] == "code":
        cell.update(execution_count=None, outputs=[])
    return cell


def notebook(name: str, title: str) -> dict:
    """The instructor notebook of the skeleton (grade cells are added by ``autograder release``)."""
    cells = [
        _cell(
            "markdown",
            "md-0",
            f"# {title}\n\n"
            "A **bag of words** describes a text by how many times each word of the vocabulary occurs in "
            "it, wherever it occurs.\n\n"
            f"{CONVENTIONS}\n\n"
            f"Run the self-check cells, or `autograder check {name}.ipynb`.",
        ),
        _cell("setup", "setup_imports", "import numpy as np\n"),
        _cell("setup", "setup_selfcheck", SELFCHECK),
        _cell(
            "markdown",
            "md-3",
            "## 1. Counting words\n\n"
            "Row $i$ of `ids` holds the word ids $x_{i,1}, \\dots, x_{i,T}$. Its bag of words is the vector "
            "$c_i \\in \\mathbb{N}^V$ with\n\n"
            "$$c_{i,w} = \\sum_{t=1}^{T} [x_{i,t} = w].$$",
        ),
        _cell("solution", "bag_of_words", SOLUTION),
        _cell("check", "check_bag_of_words", 'check("bag_of_words")\n'),
        _cell("markdown", "md-6", "A small example: the ids of *to be or not to be*."),
        _cell(
            "demo",
            "demo-0",
            'sentence = "to be or not to be".split()\n'
            "vocab = sorted(set(sentence))\n"
            "ids = np.array([[vocab.index(w) for w in sentence]])\n"
            "print(vocab)\n"
            "print(bag_of_words(ids, len(vocab)))\n",
        ),
    ]
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def _example(doc: str, cell: str, expect: set[str] | None = None, message: str | None = None) -> str:
    out = f'"""{doc}"""\n\nCELLS = {{\n    "bag_of_words": """{cell}""",\n}}\n'
    if expect is not None:
        out += "EXPECT_FAILED = {" + ", ".join(json.dumps(c) for c in sorted(expect)) + "}\n"
    if message is not None:
        out += f"MESSAGE = {json.dumps(message)}\n"
    return out


def files(name: str, title: str) -> dict[str, str]:
    """Every file of the skeleton, by path under ``solutions/NAME/``."""
    out = {
        f"{name}.ipynb": json.dumps(notebook(name, title), indent=1, ensure_ascii=False) + "\n",
        "public_checks.py": PUBLIC_CHECKS.format(name=name),
        "hidden_checks.py": HIDDEN_CHECKS.format(name=name),
        "rules.yml": RULES.format(name=name),
        "equivalent_mutants.yml": EQUIVALENT_MUTANTS.format(name=name),
    }
    for variant, (doc, cell, expect, message) in MISTAKES.items():
        out[f"mistakes/{variant}.py"] = _example(doc, cell, expect, message)
    for variant, (doc, cell) in CORRECT.items():
        out[f"correct/{variant}.py"] = _example(doc, cell)
    return out


def check_name(name: str, *, root: Path) -> None:
    """Raises :class:`SkeletonError` unless ``name`` can be a new assignment of the course at ``root``."""
    if not NAME_PATTERN.fullmatch(name) or keyword.iskeyword(name):
        raise SkeletonError(
            f"{name!r} is not a usable assignment name: use lower-case letters, digits and underscores, "
            "starting with a letter (e.g. a10_glove); it names a folder, a notebook and a grading.yml key"
        )
    layout = Layout(Path(root))
    if not layout.grading_yml.is_file():
        raise SkeletonError(f"{layout.grading_yml} not found: run `autograder new` in the course folder or give --root")
    known = yaml.safe_load(layout.grading_yml.read_text(encoding="utf-8")) or {}
    if name in (known.get("assignments") or {}):
        raise SkeletonError(f"{name!r} is already an assignment in {layout.grading_yml}: choose another name")
    for folder in (layout.solutions(name), layout.release_folder(name)):
        if folder.exists():
            raise SkeletonError(f"{folder} already exists: choose another name, or remove the folder first")


def _appended(text: str, block: str, path: Path) -> str:
    """``grading.yml``'s text with the block at the end of ``assignments:`` (its last top-level key)."""
    tops = [m.group(1) for m in re.finditer(r"^([A-Za-z_][\w-]*):", text, flags=re.M)]
    if not tops or tops[-1] != "assignments":
        raise SkeletonError(
            f"{path}: 'assignments:' must be the file's last top-level key for `autograder new` to add a "
            f"block; add this under it by hand instead:\n{block}"
        )
    return text.rstrip("\n") + "\n" + block


def make(name: str, *, root: Path, title: str | None = None) -> Made:
    """Writes the skeleton of a new assignment ``name`` into the course at ``root``.

    Args:
        name: The assignment's name: a folder, a notebook and a ``grading.yml`` key.
        root: The course (holding ``grading.yml`` and ``solutions/``).
        title: Its title (default: the name).

    Returns:
        What was written.

    Raises:
        SkeletonError: The name is not usable, already taken, or ``grading.yml`` cannot take the
            block; nothing was written.
    """
    root = Path(root)
    check_name(name, root=root)
    title = title or name
    layout = Layout(root)
    block = grading_block(name, title)
    try:
        config.load(layout.grading_yml)
    except config.ConfigError as err:
        raise SkeletonError(f"{layout.grading_yml} does not load ({err}): fix it first (autograder validate)") from None
    text = layout.grading_yml.read_text(encoding="utf-8")
    new_text = _appended(text, block, layout.grading_yml)
    with tempfile.TemporaryDirectory(dir=root) as tmp:
        staged = Path(tmp) / "grading.yml"
        staged.write_text(new_text, encoding="utf-8")
        try:
            config.load(staged)
        except config.ConfigError as err:
            raise SkeletonError(f"{layout.grading_yml} would not load with the new block: {err}") from None
        folder = Path(tmp) / name
        written = files(name, title)
        for rel, content in written.items():
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
        layout.solutions(name).parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(folder), layout.solutions(name))
    try:
        layout.grading_yml.write_text(new_text, encoding="utf-8")
    except OSError:
        shutil.rmtree(layout.solutions(name), ignore_errors=True)
        raise
    return Made(
        name=name,
        folder=layout.solutions(name),
        files=tuple(f"solutions/{name}/{rel}" for rel in sorted(written)),
        grading_block=block,
    )
