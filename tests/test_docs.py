"""The README and docs/ name files that exist: every relative link, and every project path written
in backticks (a file moved or renamed leaves no stale name behind)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
PATH = re.compile(
    r"`((?:account|reading|languages|actions|pipeline|rasa_patches|transcripts|web|harness|"
    r"benchmarks|tests|deploy|docs|data|requirements|fixtures)/[\w./-]*)`"
)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_every_file_named_exists(document):
    text = document.read_text(encoding="utf-8")
    missing = [
        link
        for link in LINK.findall(text)
        if "://" not in link and not (document.parent / link).exists()
    ]
    missing += [
        path
        for path in PATH.findall(text)
        if "*" not in path and "<" not in path and not (ROOT / path.rstrip("/")).exists()
    ]
    assert missing == []
