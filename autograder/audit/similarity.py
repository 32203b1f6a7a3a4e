"""Code similarity across a class: winnowed fingerprints of the graded cells, as MOSS computes them.

Only the cells the grader takes from a submission (its solution cells, by grade id) are compared,
and what the release already holds there (signatures, docstrings, stubs) is left out as
boilerplate. Code is tokenised first, so renamed variables, changed comments, blank lines and
cells in another order change nothing; `copydetect <https://pypi.org/project/copydetect/>`_ does
the tokenising (identifiers become ``V``, strings ``S``), the k-gram hashing and the winnowing
(Schleimer, Wilkerson and Aiken, SIGMOD 2003).

A pair's similarity is the larger of the two shares of each submission's fingerprinted tokens
found in the other (a whole function copied into a longer notebook still shows). This is a
reason for a TA to look, never a verdict: the report is for staff only.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import json
from pathlib import Path

from autograder.batch.intake import collect
from autograder.course import notebook
from autograder.course.layout import Layout


class SimilarityError(ValueError):
    """The similarity report was asked for with a bad setting; the message names it."""


K = 25
"""Characters per k-gram of the tokenised code (copydetect's default noise threshold)."""
WINDOW = 4
"""Winnowing window: any match of ``K + WINDOW - 1`` tokenised characters is found."""


@dataclasses.dataclass(frozen=True)
class Code:
    """One submission's graded cells, as compared."""

    name: str
    source: str
    cells: tuple[tuple[str, str], ...]


@dataclasses.dataclass(frozen=True)
class Pair:
    """Two submissions and how much of each is found in the other.

    Attributes:
        a: One submission's name.
        b: The other's.
        share_a: The share of ``a``'s fingerprinted code found in ``b`` (0 to 1).
        share_b: The share of ``b``'s found in ``a``.
        slices_a: The matching stretches of ``a``'s compared source, as (start, end) offsets.
        slices_b: The same for ``b``.
    """

    a: str
    b: str
    share_a: float
    share_b: float
    slices_a: tuple[tuple[int, int], ...] = ()
    slices_b: tuple[tuple[int, int], ...] = ()

    @property
    def similarity(self) -> float:
        """The larger share."""
        return max(self.share_a, self.share_b)


@dataclasses.dataclass(frozen=True)
class Similarity:
    """A class's similarity report.

    Attributes:
        assignment: The assignment.
        codes: Every submission compared, by name.
        pairs: Every pair, most similar first.
        skipped: Submissions that could not be read, with why.
    """

    assignment: str
    codes: dict[str, Code]
    pairs: list[Pair]
    skipped: list[str]

    def above(self, threshold: float) -> list[Pair]:
        """The pairs at or above a similarity."""
        return [p for p in self.pairs if p.similarity >= threshold]


def _fingerprint(source: str, boilerplate=None):
    from copydetect import CodeFingerprint

    return CodeFingerprint("cells.py", K, WINDOW, boilerplate=boilerplate, language="python", fp=io.StringIO(source))


def _joined(cells) -> str:
    return "\n\n".join(f"# --- {gid}\n{src.rstrip()}" for gid, src in cells) + "\n"


def graded_code(path: Path, release: dict, *, name: str, tree: Path | None = None) -> Code:
    """The graded cells of one notebook, in the release's order.

    Raises:
        autograder.course.notebook.NotebookError: The notebook cannot be read.
    """
    nb, _ = notebook.read_submission(path, tree=tree)
    cells = tuple((c.id, c.source) for c in notebook.submission_cells(nb, release).cells if c.kind == "solution")
    return Code(name, _joined(cells), cells)


def compare(codes: list[Code], *, release_cells) -> list[Pair]:
    """Every pair of submissions, most similar first (ties by name)."""
    from copydetect import compare_files

    boiler = _fingerprint(_joined(release_cells))
    prints = {c.name: _fingerprint(c.source, boilerplate=sorted(boiler.hashes)) for c in codes}
    pairs = []
    for a, b in itertools.combinations(sorted(prints), 2):
        _, (share_a, share_b), (sa, sb) = compare_files(prints[a], prints[b])
        pairs.append(
            Pair(
                a,
                b,
                float(share_a),
                float(share_b),
                tuple(zip(map(int, sa[0]), map(int, sa[1]))) if len(sa) else (),
                tuple(zip(map(int, sb[0]), map(int, sb[1]))) if len(sb) else (),
            )
        )
    return sorted(pairs, key=lambda p: (-p.similarity, p.a, p.b))


def class_similarity(submissions: list[str | Path], *, assignment: str, root: Path) -> Similarity:
    """The similarity report of the notebooks in ``submissions`` (found as ``autograder grade`` finds them).

    Raises:
        autograder.batch.intake.NoNotebook: None of the paths holds a notebook.
    """
    found = collect(submissions, assignment=assignment).require_some()
    release = notebook.read(Layout(Path(root)).release(assignment))
    release_cells = [(c.id, c.source) for c in notebook.code_cells(release) if c.kind == "solution"]
    codes, skipped = [], []
    for sub in found.submissions:
        try:
            codes.append(graded_code(sub.path, release, name=sub.name, tree=sub.tree))
        except notebook.NotebookError as err:
            skipped.append(f"{sub.name}: {err}")
    return Similarity(assignment, {c.name: c for c in codes}, compare(codes, release_cells=release_cells), skipped)


FLAG = "similar-code"
"""The review flag a pair above the threshold gives both its submissions (staff views only)."""


def flagged_pairs(report: Similarity, threshold: float) -> dict:
    """The pairs at or above ``threshold`` as plain data, for ``similarity-NAME.json``."""
    return {
        "assignment": report.assignment,
        "threshold": threshold,
        "pairs": [
            {"a": p.a, "b": p.b, "similarity": p.similarity, "share_a": p.share_a, "share_b": p.share_b}
            for p in report.above(threshold)
        ],
    }


def review_flags(path: Path) -> tuple[str, dict[str, list[str]]]:
    """The assignment of a ``similarity-NAME.json`` and each flagged submission's review flags.

    Raises:
        ValueError: The file is not such a document (the message names it).
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        assignment, pairs = str(data["assignment"]), list(data["pairs"])
        flags: dict[str, list[str]] = {}
        for p in pairs:
            a, b, share = str(p["a"]), str(p["b"]), float(p["similarity"])
            for me, other in ((a, b), (b, a)):
                flags.setdefault(me, []).append(
                    f"{FLAG}: {share:.0%} of the graded code is shared with {other}'s (similarity-{assignment}.html)"
                )
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ValueError(f"{path}: not a similarity-NAME.json written by `autograder similarity` ({err})") from None
    return assignment, flags
