"""Small helpers to build regexes from data tables, so word lists stay in ``data/``."""

from __future__ import annotations

from collections.abc import Iterable

import regex

# Word edges for Vietnamese: a letter, combining mark, digit or the "_" of word-segmented corpora
# on the other side means the match is inside a longer word ("tư" in "tư nhân" is no number).
WORD_START = r"(?<![\p{L}\p{M}\p{N}_])"
WORD_END = r"(?![\p{L}\p{M}\p{N}_])"


def or_regex(words: Iterable[str]) -> str:
    """A non-capturing alternation of ``words``, escaped, longest first so "chưa đến" beats "chưa".

    Spaces in a phrase match any run of whitespace or underscores, so "làng nghề" also matches
    "làng  nghề" and the word-segmented "làng_nghề" of research corpora.

    >>> or_regex(["hơn", "hơn tới"])
    '(?:hơn[\\\\s_]++tới|hơn)'
    >>> regex.fullmatch(or_regex(["làng nghề"]), "làng  nghề") is not None
    True
    >>> regex.fullmatch(or_regex(["làng nghề"]), "làng_nghề") is not None
    True
    """
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    parts = [r"[\s_]++".join(regex.escape(piece) for piece in w.split()) for w in unique]
    return "(?:" + "|".join(parts) + ")"


def canonical(phrase: str) -> str:
    """The table key of a matched phrase: lower case, one space between words.

    ``or_regex`` lets "làng nghề" match "Làng_nghề" or "làng\\nnghề"; lookups use this form.

    >>> canonical("Làng_nghề  truyền\\nthống")
    'làng nghề truyền thống'
    """
    return " ".join(regex.split(r"[\s_]++", phrase.lower())).strip()
