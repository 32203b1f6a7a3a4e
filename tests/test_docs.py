"""The README and docs point only inside the repository, at files that exist."""

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
