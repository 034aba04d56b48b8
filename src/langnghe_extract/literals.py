"""Plain-string tests that stand before costly patterns, shared by the clean and extract stages.

A rule's pattern is tried only where a cheap ``in`` test says it can match: a line holding one
of the characters or words every match holds, in any case the pattern's IGNORECASE accepts.
``case_variants`` gives those cases as ``regex`` itself folds them, so a test built from it
never rules out a text the pattern would match.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import regex

# Where the case partners of Latin letters live: Basic Latin to Latin Extended-B, Latin Extended
# Additional (Vietnamese vowels), Letterlike Symbols (the Kelvin sign "K" is a "k").
CASE_POOL = "".join(
    chr(c)
    for low, high in ((0x41, 0x24F), (0x1E00, 0x1EFF), (0x2100, 0x214F))
    for c in range(low, high + 1)
)


@cache
def case_variants(letter: str) -> str:
    """``letter`` and every character ``regex`` takes for it when ignoring case (all of them lie
    in ``CASE_POOL`` for the letters of our tables: checked over all of Unicode in the tests).

    >>> case_variants("đ"), case_variants("k") == "kK\\u212a"  # the Kelvin sign is a "k"
    ('đĐ', True)
    >>> case_variants("Ả"), case_variants("-")
    ('Ảả', '-')
    """
    same = regex.compile(regex.escape(letter), regex.IGNORECASE)
    return letter + "".join(c for c in same.findall(CASE_POOL) if c != letter)


def first_letters(words: Iterable[str]) -> frozenset[str]:
    """The first letter of each of ``words`` in every case ``regex`` folds it to: a line that
    opens with none of them opens with none of the words, in any case.

    >>> sorted(first_letters(["Ảnh", "theo"]))
    ['T', 't', 'Ả', 'ả']
    """
    return frozenset(v for word in words for v in case_variants(word[0]))


def holds_any(text: str, needles: Iterable[str]) -> bool:
    """Whether ``text`` holds one of ``needles`` (a loop of ``in``, which runs in C: faster than
    ``any`` over a generator or a regex character class on lines of hundreds of characters).

    >>> holds_any("Ảnh: Đỗ Tâm", ("ả", "Ả")), holds_any("Làng gốm", ("ả", "Ả"))
    (True, False)
    """
    for needle in needles:  # noqa: SIM110 - ``any`` over a generator is the slow form
        if needle in text:
            return True
    return False


def window_holds_any(text: str, start: int, end: int, words: Iterable[str]) -> bool:
    """Whether ``text[start:end]``, lower-cased, holds one of ``words`` (lower-case): if not, no
    case-insensitive pattern that needs one of them matches there.

    >>> window_holds_any("Tại XÃ Bát Tràng, có 300 hộ", 0, 10, ("xã", "huyện"))
    True
    """
    return holds_any(text[start:end].lower(), words)
