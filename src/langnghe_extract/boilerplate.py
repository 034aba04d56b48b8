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
    every case a one-character case mapping gives it; ``tests/test_clean_fast_paths.py``
    checks that ``regex`` matches no other character to these.

    >>> case_cues(["Ảnh", "Nguồn", "Nguồn ảnh"])
    ('Ả', 'ả', 'Ồ', 'ồ')
    """
    found: set[str] = set()
    for word in sorted(set(words), key=lambda w: (len(w), w)):
        if found.isdisjoint(word):
            found.update(case_variants(max(word)))
    return tuple(sorted(found))


def case_variants(char: str) -> tuple[str, ...]:
    """``char`` in every case a one-character case mapping gives it: what IGNORECASE matches.

    >>> case_variants("Ả"), case_variants("n")
    (('Ả', 'ả'), ('N', 'n'))
    """
    variants = (char, char.lower(), char.upper(), char.casefold(), char.title(), char.swapcase())
    return tuple(sorted({v for v in variants if len(v) == 1}))


def holds_any(text: str, needles: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``needles`` (a loop of ``in``: faster than ``any`` or a
    regex character class on lines of hundreds of characters).

    >>> holds_any("Ảnh: Đỗ Tâm", ("ả", "Ả")), holds_any("Làng gốm", ("ả", "Ả"))
    (True, False)
    """
    for needle in needles:  # noqa: SIM110 - ``any`` over a generator is the slow form
        if needle in text:
            return True
    return False
