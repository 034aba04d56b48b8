"""The tables of ``data/boilerplate.toml`` and the regex helper the cleaning rules build from them.

Shared by the clean stage's rule modules (``furniture``, ``headline``, ``credits`` …),
``metadata`` and ``dates``: language data stays in the TOML file, these two functions only load
a table and turn a word list into an alternation.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import regex

from langnghe_extract.data import load_table
from langnghe_extract.literals import case_variants


def table(name: str) -> dict[str, Any]:
    """One section of ``boilerplate.toml``.

    >>> "Tin liên quan" in table("related_tail")["markers"]
    True
    """
    section: dict[str, Any] = load_table("boilerplate")[name]
    return section


def or_regex(words: Iterable[str]) -> str:
    """An alternation of ``words``, escaped, longest first, any run of spaces matching one space.

    >>> or_regex(["Bài", "Bài và ảnh"])
    'Bài\\\\s++và\\\\s++ảnh|Bài'
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(r"\s++".join(regex.escape(part) for part in w.split()) for w in ordered)


def case_cues(words: Iterable[str]) -> tuple[str, ...]:
    """Characters one of which is in every text a case-insensitive pattern of ``words`` matches.

    Why: ``regex`` searches with IGNORECASE cost microseconds a line, and most lines hold no
    such word; a plain ``in`` test for these few characters rules those lines out first. A
    word not yet covered gives its highest character (a Vietnamese letter, rarer than "n") in
    every case ``regex`` folds it to (``literals.case_variants``).

    >>> case_cues(["Ảnh", "Nguồn", "Nguồn ảnh"])
    ('Ả', 'ả', 'Ồ', 'ồ')
    """
    found: set[str] = set()
    for word in sorted(set(words), key=lambda w: (len(w), w)):
        if found.isdisjoint(word):
            found.update(case_variants(max(word)))
    return tuple(sorted(found))
