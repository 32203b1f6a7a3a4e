"""The README and docs point only inside the repository, at files that exist."""

import fnmatch
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "gradescope" / "README.md"]


def test_docs_never_point_outside_the_repository():
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        assert not re.search(r"(?<![\w.])\.\./", text), f"{doc.relative_to(ROOT)} points outside the repository"
        assert "shared/gpu" not in text, f"{doc.relative_to(ROOT)} cites a file outside the repository"


def test_cited_markdown_files_exist():
    for doc in DOCS:
        for cited in re.findall(r"`((?:docs|data|gradescope|bench)/[\w./-]+\.md)`", doc.read_text(encoding="utf-8")):
            assert (ROOT / cited).is_file() or (doc.parent / cited).is_file(), (
                f"{doc.relative_to(ROOT)} cites missing {cited}"
            )


def test_cited_code_files_exist():
    for doc in DOCS:
        for cited in re.findall(
            r"(?<![\w/.])((?:autograder|tests|bench|solutions|data)/[\w./-]+\.py)\b", doc.read_text(encoding="utf-8")
        ):
            if "NAME" in cited or "<" in cited:
                continue
            assert (ROOT / cited).is_file(), f"{doc.relative_to(ROOT)} cites missing {cited}"


def _ignored(rel: str, patterns: list[str]) -> bool:
    """Whether git ignores the file ``rel`` (a path from the repository root) under these
    .gitignore patterns (no negations: the file has none)."""
    parts = rel.split("/")
    for k in range(1, len(parts) + 1):
        here, is_folder = "/".join(parts[:k]), k < len(parts)
        for pattern in patterns:
            if pattern.endswith("/") and not is_folder:
                continue
            bare = pattern.strip("/")
            anchored = pattern.startswith("/") or "/" in bare
            if fnmatch.fnmatchcase(here if anchored else parts[k - 1], bare):
                return True
    return False


def test_report_files_of_the_documented_commands_land_where_git_ignores_them():
    """A report written by a command copied from the docs into the course must not show up in `git status`."""
    patterns = [
        line.strip() for line in (ROOT / ".gitignore").read_text().splitlines() if line.strip() and line[0] != "#"
    ]
    written = [
        path
        for doc in DOCS
        for path in re.findall(r"--(?:junitxml|json-report-file)[= ](\S+)", doc.read_text(encoding="utf-8"))
    ]
    assert written, "no report option found in the docs: the pattern is stale"
    assert [p for p in written if not _ignored(p, patterns)] == []
