"""Whole texts for the fast-path tests: every fixture text, so that each fast path that was
checked on sentences written for it meets whole articles of every shape too."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parents[2] / "fixtures"


def fixture_texts() -> list[str]:
    """The text of every ``fixtures/*.txt``, in name order."""
    paths = sorted(FIXTURES.glob("*.txt"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def with_fixture_texts(sentences: list[str]) -> list[str]:
    """``sentences`` one by one, all of them as one text, then every fixture text."""
    return [*sentences, " ".join(sentences), *fixture_texts()]
