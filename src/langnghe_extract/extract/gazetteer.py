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

import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import Any

import regex

from langnghe_extract.data import load_table

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
NAME_START = r"(?<![\p{L}\p{M}\p{N}])"
NAME_END = r"(?![\p{L}\p{M}\p{N}])"
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


def first_tokens_regex(phrases: Iterable[str]) -> str:
    """The first words of folded phrases, in every spelling ``trie_regex`` accepts: where a
    match of the trie can start (to skip the other capitalised words at once).

    >>> p = regex.compile(first_tokens_regex(["thanh hóa", "đắk lắk"]), regex.IGNORECASE)
    >>> [bool(p.match(s)) for s in ("Thanh", "ĐĂK", "Hà")]
    [True, True, False]
    """
    tokens = sorted({phrase.split(" ")[0] for phrase in phrases}, key=lambda t: (-len(t), t))
    return "(?:" + "|".join(_token_regex(token) for token in tokens) + ")"


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
