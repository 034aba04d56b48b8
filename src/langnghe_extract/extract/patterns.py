"""Small helpers to build regexes from data tables, so word lists stay in ``data/``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

# Word edges for Vietnamese: a letter, combining mark, digit or the "_" of word-segmented corpora
# on the other side means the match is inside a longer word ("tư" in "tư nhân" is no number).
WORD_START = r"(?<![\p{L}\p{M}\p{N}_])"
WORD_END = r"(?![\p{L}\p{M}\p{N}_])"

_GAPS = regex.compile(r"[\s_]++")  # between the words of a phrase


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
    return " ".join(_GAPS.split(phrase.lower())).strip()


def first_words(phrases: Iterable[str]) -> str:
    """A case-insensitive alternation of the first words of ``phrases``: where one can start.

    >>> first_words(["giai đoạn", "năm", "năm nay"])
    '(?i:(?:giai|năm))'
    """
    return f"(?i:{or_regex(phrase.split()[0] for phrase in phrases)})"


def search_at(
    pattern: regex.Pattern[str], starts: regex.Pattern[str], text: str, position: int = 0
) -> regex.Match[str] | None:
    """``pattern.search(text, position)``, tried only where ``starts`` matches.

    Why: a big alternation behind a look-behind is tried at every character by ``search``; a
    plain alternation of first words finds the few places worth trying several times faster.
    ``starts`` must match wherever ``pattern`` can (its first word or character), and never
    across a place where ``pattern`` could start, or matches would be lost.

    >>> year = regex.compile(r"(?<!\\w)năm \\d{4}")
    >>> search_at(year, regex.compile("năm"), "Cả năm nay và năm 2019", 0)[0]
    'năm 2019'
    """
    for candidate in starts.finditer(text, position):
        if found := pattern.match(text, candidate.start()):
            return found
    return None


def finditer_at(
    pattern: regex.Pattern[str], starts: regex.Pattern[str], text: str
) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)`` by ``search_at``; ``pattern`` must not match the empty string."""
    position = 0
    while (found := search_at(pattern, starts, text, position)) is not None:
        yield found
        position = found.end()
