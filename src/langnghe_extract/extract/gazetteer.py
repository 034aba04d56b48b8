"""Building blocks for matching place names: folding spellings, one trie regex, the scanner.

Why a module of its own: provinces (``provinces.py``) and districts and communes
(``localities.py``) are matched the same way, with the same spelling rules, and each list is
compiled once into one alternation, so the work stays linear in the text.

Spelling rules: case and NFC/NFD are folded; the tone mark may sit on either vowel of ``oa``,
``oe``, ``uy`` (``Thanh Hoá`` = ``Thanh Hóa``); words of a name may be joined by spaces, a line
break, a hyphen or dash (``Bà Rịa-Vũng Tàu``) or the underscore of word-segmented research
corpora (``Hà_Nội``), also on both sides of a name (``Sở_Công_Thương_Thanh_Hoá``).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import regex

from langnghe_extract.data import load_table
from langnghe_extract.literals import case_variants

# Between two words of a name: a dash (with or without spaces), or any run of whitespace or
# underscores (word-segmented text writes "Hà_Nội", "thành_phố").
SEP = r"(?:[^\S\n]*+[\-\u2010-\u2015][^\S\n]*+|[\s_]++)"
_SEP = regex.compile(SEP)
# How far a match may reach from where it starts: bounding it keeps each attempt O(1) (the
# regex module otherwise does work proportional to the rest of the text on every call).
LOOKAROUND = 200
# Word edges of a name. Unlike ``patterns.WORD_START``, "_" counts as a space: word segmenters
# glue proper names into one token ("Sở_Công_Thương_Thanh_Hoá"), and a name inside it is still
# that place; the checks after matching (person, street, trap) read across "_" too.
NAME_CHAR = r"[\p{L}\p{M}\p{N}]"
NAME_START = rf"(?<!{NAME_CHAR})"
NAME_END = rf"(?!{NAME_CHAR})"
CAPITALISED = regex.compile(NAME_START + r"\p{Lu}")  # where a name can start: a capitalised word
_TONE_MARKS = "\u0301\u0300\u0309\u0303\u0323"  # sắc, huyền, hỏi, ngã, nặng (combining)
# A word starting in lower case; "_" separates words here, so "Hòa_bình" has a lower-case word.
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}])\p{Ll}")


@cache
def _tone_pairs() -> dict[str, str]:
    """Non-standard → standard tone placement for each vowel pair, e.g. ``oá`` → ``óa``."""
    table: dict[str, str] = {}
    for first, second in load_table("provinces")["fold"]["tone_pairs"]:
        for mark in _TONE_MARKS:
            old = first + unicodedata.normalize("NFC", second + mark)
            table[old] = unicodedata.normalize("NFC", first + mark) + second
    return table


@cache
def _tone_regex() -> Any:
    return regex.compile("|".join(_tone_pairs()))


@cache
def _syllables() -> dict[str, str]:
    """Variant → standard spelling of whole syllables: ``đăk`` → ``đắk``."""
    table: dict[str, str] = load_table("provinces")["fold"]["syllables"]
    return table


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """The comparison form of a name: NFC, lower case, standard tone placement, single spaces.

    >>> fold("THANH HOÁ")
    'thanh hóa'
    >>> fold("Bà Rịa-Vũng  Tàu") == fold("Bà Rịa - Vũng Tàu") == "bà rịa vũng tàu"
    True
    >>> fold(unicodedata.normalize("NFD", "Khánh Hoà")), fold("Thừa_Thiên_Huế")
    ('khánh hòa', 'thừa thiên huế')
    >>> fold("Đăk Lăk") == fold("Đắc Lắc") == "đắk lắk"
    True
    """
    text = unicodedata.normalize("NFC", text).lower()
    text = _tone_regex().sub(lambda m: _tone_pairs()[m[0]], text)
    words = _SEP.split(text.strip(" \t\n_"))
    return " ".join(_syllables().get(word, word) for word in words)


def _token_regex(token: str) -> str:
    """A folded token as a pattern that accepts either tone placement and its variant spellings.

    >>> _token_regex("đắk")
    '(?:đắk|đăk|đắc)'
    """
    spellings = [token, *(v for v, standard in _syllables().items() if standard == token)]
    patterns = []
    for spelling in spellings:
        pattern: str = regex.escape(spelling)
        for old, new in _tone_pairs().items():
            pattern = pattern.replace(new, f"(?:{new}|{old})")
        patterns.append(pattern)
    return patterns[0] if len(patterns) == 1 else "(?:" + "|".join(patterns) + ")"


def trie_regex(phrases: Iterable[str]) -> str:
    """One alternation for many folded phrases, sharing common leading words.

    >>> p = regex.compile(trie_regex(["bình dương", "bình định", "an"]))
    >>> [bool(p.fullmatch(s)) for s in ("bình dương", "bình_định", "bình-dương", "bình", "an")]
    [True, True, True, False, True]
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for token in phrase.split(" "):
            node = node.setdefault(token, {})
        node[""] = {}
    return _render(trie)


def token_spellings(token: str) -> frozenset[str]:
    """Every literal string ``_token_regex(token)`` accepts (before case folding).

    Why: a trie of these, one letter per level, rejects a capitalised word at its first
    letters, where an alternation of the tokens' patterns tries each of ~50 in turn.

    >>> sorted(token_spellings("hòa"))
    ['hoà', 'hòa']
    """
    found: set[str] = set()
    for spelling in [token, *(v for v, standard in _syllables().items() if standard == token)]:
        variants = [spelling]
        for old, new in _tone_pairs().items():  # each occurrence of ``new`` may be ``old``
            variants = [
                _join(v.split(new), choice) for v in variants for choice in _choices(v, new, old)
            ]
        found.update(variants)
    return frozenset(found)


def _choices(text: str, new: str, old: str) -> Iterator[tuple[str, ...]]:
    return itertools.product((new, old), repeat=text.count(new))


def _join(parts: list[str], separators: tuple[str, ...]) -> str:
    return parts[0] + "".join(sep + part for sep, part in zip(separators, parts[1:], strict=True))


def lowered_spellings(phrases: Iterable[str]) -> frozenset[str]:
    """The first word of each phrase in every spelling and case, lower-cased: a match of
    ``trie_regex(fold(p) for p in phrases)`` (IGNORECASE) lower-cases to a text holding one.

    >>> sorted(lowered_spellings(["Trú tại", "ngụ ở", "HKTT"]))
    ['hktt', 'ngụ', 'trú']
    """
    spellings = {s for p in phrases for s in token_spellings(fold(p).split(" ")[0])}
    return frozenset(w for s in spellings for w in _lowered_cases(s))


def _lowered_cases(spelling: str) -> set[str]:
    """``spelling`` with each letter as any of its case variants, lower-cased: one string
    unless a variant lower-cases to something else ("İ" for "i" gives "i̇")."""
    letters = [sorted({c.lower() for c in case_variants(letter)}) for letter in spelling]
    return {"".join(choice) for choice in itertools.product(*letters)}


def _letter_trie(phrases: Iterable[str]) -> dict[str, Any]:
    """Every spelling of the first word of each phrase, one letter per level; "" ends one."""
    trie: dict[str, Any] = {}
    for token in {phrase.split(" ")[0] for phrase in phrases}:
        for spelling in token_spellings(token):
            node = trie
            for letter in spelling:
                node = node.setdefault(letter, {})
            node[""] = {}
    return trie


def _render_letters(node: dict[str, Any]) -> str:
    parts = [
        regex.escape(letter) + _render_letters(node[letter]) for letter in sorted(node) if letter
    ]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if "" in node else body


_UPPER = regex.compile(r"\p{Lu}")


@dataclass(frozen=True)
class NameStarts:
    """Where a name can start: the matches of ``exact``, tried only where ``sieve`` matches.

    Why: ``regex`` tests every character of the text against the class of capitals (~13 ns
    each); the stdlib ``re`` scans for a few plain letters several times faster. The sieve is the
    capitals that can open a name, then its next letters in every case, without the context
    checks; it matches wherever ``exact`` can, so the starts are exactly those of ``exact``.
    """

    exact: Any
    sieve: re.Pattern[str]

    def finditer(self, text: str) -> Iterator[Any]:
        """The matches of ``exact.finditer(text)`` (each one character long)."""
        exact = self.exact
        for candidate in self.sieve.finditer(text):
            if (found := exact.match(text, candidate.start())) is not None:
                yield found


def name_starts(phrases: Iterable[str]) -> NameStarts:
    """Capitalised words, after no letter, that open some phrase (folded) in any spelling.

    >>> starts = name_starts(["thanh hóa", "hà nội"])
    >>> [m.start() for m in starts.finditer("Tỉnh Thanh Hoá, THANH, Hà_Nội, CHÀ, hà")]
    [5, 16, 23]
    """
    trie = _letter_trie(phrases)
    first = _render_letters(trie)
    # The capital is matched, not looked ahead at: a pattern opening with a character class is
    # scanned for fast; then the character before it, then the first word from the capital on.
    exact = regex.compile(rf"\p{{Lu}}(?<!{NAME_CHAR}.)(?i:(?<=(?={first}).))")
    return NameStarts(exact, re.compile(_sieve(trie)))


def _sieve(trie: dict[str, Any]) -> str:
    """Each capital opening a word of ``trie`` (one character, so no start is skipped), then the
    rest of that word looked ahead at, every letter as the class of its case variants. One
    branch per capital: ``re`` then skips a position after one comparison per branch."""
    branches = [
        f"{re.escape(capital)}(?={_sieve_rest(trie[letter])})"
        for letter in sorted(letter for letter in trie if letter)
        for capital in case_variants(letter)
        if _UPPER.fullmatch(capital)
    ]
    return "|".join(branches)


def _sieve_rest(node: dict[str, Any]) -> str:
    if "" in node:
        return ""  # a whole word already: what may follow does not matter to a sieve
    parts = [f"[{re.escape(case_variants(x))}]{_sieve_rest(node[x])}" for x in sorted(node)]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _render(node: dict[str, Any]) -> str:
    parts = []
    for token in sorted((t for t in node if t), key=lambda t: (-len(t), t)):
        child = node[token]
        rest = ""
        if any(child):
            rest = f"(?:{SEP}{_render(child)})" + ("?" if "" in child else "")
        parts.append(_token_regex(token) + rest)
    return "(?:" + "|".join(parts) + ")"


def capitalised(words: str) -> bool:
    """Whether every word starts with a capital or a digit: "Hòa Bình" yes, "hòa bình" no.

    >>> capitalised("Hà_Nội"), capitalised("Hòa_bình"), capitalised("Quận 1")
    (True, False, True)
    """
    return _LOWER_WORD.search(words) is None


def scan_names(text: str, names: Any, starts: Any = CAPITALISED) -> Iterator[Any]:
    """Matches of ``names`` (group ``name``) at capitalised words, left to right, not overlapping.

    Why not ``finditer``: trying the whole alternation at every position is ~10x slower than
    jumping from one capitalised word to the next, and a name must be capitalised anyway.
    """
    end = 0
    for candidate in starts.finditer(text):
        start = candidate.start()
        if start >= end and (m := names.match(text, start, start + LOOKAROUND)):
            end = m.end()
            if capitalised(m["name"]):
                yield m
