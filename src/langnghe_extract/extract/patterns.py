"""Small helpers to build regexes from data tables, so word lists stay in ``data/``."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

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


# eq=False: hashed by identity. Each set is built once per table, and the per-sentence cache
# of starts hashes it for every pattern read (a tuple of words each time, else).
@dataclass(frozen=True, eq=False)
class WordStarts:
    """Where a pattern can start: one of ``words`` (any case) or a match of ``marks``.

    Why: whole-text patterns (numbers, years, deadlines) are big alternations that ``regex``
    tries at every character, ~70 ns each; finding their few possible starts first and matching
    only there is several times faster. ``str.find`` of each first word over the lower-cased text
    runs in C, and the ``marks`` pattern (digits) has no alternation to try. Positions right
    after a letter are left out: the patterns used here all start at a word start.
    """

    words: tuple[str, ...]
    marks: regex.Pattern[str] | None
    fallback: regex.Pattern[str]  # the same starts as one pattern, for texts lower() reshapes

    @classmethod
    def of(cls, words: Iterable[str], marks: str | None = None) -> WordStarts:
        """Starts for first ``words`` (phrases: their first word) and the pattern ``marks``."""
        firsts = tuple(sorted({w.split()[0].lower() for w in words}))
        either = first_words(firsts) if marks is None else rf"{marks}|{first_words(firsts)}"
        return cls(firsts, None if marks is None else regex.compile(marks), regex.compile(either))

    def positions(self, text: str) -> list[int]:
        """Every position, in order, where a word or a mark starts (not after a letter)."""
        return self.positions_in(text, 0, len(text))

    def positions_in(self, text: str, start: int, end: int) -> list[int]:
        """Like ``positions``, for the part ``text[start:end]`` only (a sentence): where a
        pattern can start in a window inside that part. A word right at ``start`` is kept whatever
        precedes it.

        >>> WordStarts.of(["năm"], r"\\d++").positions_in("Năm 2019, năm nay", 4, 17)
        [4, 10]
        """
        lower = _lowered(text, start, end)
        if lower is None:  # "İ" lower-cases to two characters: offsets would move
            return [m.start() for m in self.fallback.finditer(text, start, end)]
        found = {m.start() for m in self.marks.finditer(text, start, end)} if self.marks else set()
        for word in self.words:
            at = lower.find(word)
            while at != -1:
                if at == 0 or not lower[at - 1].isalpha():
                    found.add(start + at)
                at = lower.find(word, at + 1)
        return sorted(found)


@lru_cache(maxsize=4)
def _lowered(text: str, start: int, end: int) -> str | None:
    """``text[start:end]`` in lower case, shared by the starts of every pattern read in one
    sentence; ``None`` when lower-casing moves offsets (``"İ"`` becomes two characters)."""
    part = text[start:end]
    lower = part.lower()
    return lower if len(lower) == len(part) else None


def finditer_at(
    pattern: regex.Pattern[str], starts: WordStarts, text: str
) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text)``, with ``pattern`` tried only where ``starts`` finds a start.

    ``starts`` must find every place where ``pattern`` can match, and ``pattern`` must not
    match the empty string.

    >>> year = regex.compile(r"(?<!\\w)năm \\d{4}")
    >>> [m[0] for m in finditer_at(year, WordStarts.of(["năm"], r"\\d++"), "Năm nay và năm 2019")]
    ['năm 2019']
    """
    return match_from(pattern, starts.positions(text), text)


def match_from(
    pattern: regex.Pattern[str], starts: Iterable[int], text: str
) -> Iterator[regex.Match[str]]:
    """``pattern`` matched at each of ``starts`` (ascending) that is not inside an earlier
    match: ``pattern.finditer(text)`` when the starts hold every place where it can match.

    >>> [m[0] for m in match_from(regex.compile(r"ab|b"), [0, 1, 4], "ab ab")]
    ['ab', 'b']
    """
    position = 0
    for start in starts:
        if start >= position and (found := pattern.match(text, start)):
            yield found
            position = found.end()


def finditer_in_sentence(
    pattern: regex.Pattern[str],
    starts: WordStarts,
    text: str,
    sentence: tuple[int, int],
    window: tuple[int, int],
    *,
    anchored: regex.Pattern[str] | None = None,
) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text, *window)`` for a window inside ``sentence``, with ``pattern``
    tried only where ``starts`` finds a start in the sentence.

    Why: the frame of each figure scans its sentence up to the figure for status cues,
    conditions and years, big alternations that ``regex`` tries at every character; the starts
    of a sentence are found once for all its figures (``positions_in``, kept for the last few
    sentences) and each scan tries only those. ``starts`` must find every place where
    ``pattern`` can match; lookbehinds still see the text before the window, as in
    ``finditer``. A pattern with ``\\G`` (where the scan starts and right after each match)
    comes as ``anchored``, tried there, with ``pattern`` its form without ``\\G``. A window
    reaching out of the sentence is scanned plainly.

    >>> year = regex.compile(r"(?<!\\w)năm \\d{4}")
    >>> text = "Năm 2018 và năm 2019, năm 2020"
    >>> starts = WordStarts.of(["năm"])
    >>> [m[0] for m in finditer_in_sentence(year, starts, text, (0, len(text)), (1, 20))]
    ['năm 2019']
    """
    pos, endpos = window
    if pos < sentence[0] or endpos > sentence[1]:
        yield from (anchored or pattern).finditer(text, pos, endpos)
        return
    found_at = _sentence_positions(starts, text, sentence)
    position, index = pos, bisect_left(found_at, pos)
    while True:
        found = anchored.match(text, position, endpos) if anchored is not None else None
        while found is None and index < len(found_at) and found_at[index] < endpos:
            start = found_at[index]
            index += 1
            if start > position or (start == position and anchored is None):
                found = pattern.match(text, start, endpos)
        if found is None:
            return
        yield found
        position = found.end()


@lru_cache(maxsize=16)
def _sentence_positions(starts: WordStarts, text: str, sentence: tuple[int, int]) -> list[int]:
    """The starts of one sentence, kept while the frames of its figures are read (a few
    patterns each)."""
    return starts.positions_in(text, *sentence)
