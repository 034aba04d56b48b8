"""Spelled-out Vietnamese numbers: ``ba mươi mốt`` (31), ``hai nghìn không trăm linh năm`` (2005).

Vietnamese reads a number in groups of three (``trăm``, ``mươi``, units) joined by ``nghìn``,
``triệu``, ``tỷ``; ``mốt``, ``tư``, ``lăm`` replace một, bốn, năm after the tens; ``linh``/``lẻ``
mark an empty tens place. The words live in ``data/number_words.toml``; ``numbers.py`` finds
the runs of such words in text and asks this module what they are worth.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from langnghe_extract.data import load_table

MAX_NUMBER_WORDS = 24  # the longest spelled-out number read: up to 999 triệu 999 nghìn 999


def parse_number_words(words: list[str]) -> Decimal | None:
    """Value of a spelled-out number, or ``None`` when the words do not form one.

    >>> parse_number_words("ba mươi mốt".split())
    Decimal('31')
    >>> parse_number_words("một trăm hai mươi lăm".split())
    Decimal('125')
    >>> parse_number_words("hai nghìn không trăm linh năm".split())
    Decimal('2005')
    >>> parse_number_words("mười lăm".split())
    Decimal('15')
    >>> parse_number_words("ba chục".split())
    Decimal('30')
    >>> parse_number_words("mười một".split())
    Decimal('11')
    >>> parse_number_words(["tư"]) is None
    True
    """
    return _parse_words_cached(tuple(w.lower() for w in words))


@cache
def _parse_words_cached(words: tuple[str, ...]) -> Decimal | None:
    """``parse_number_words`` once per distinct word run: texts repeat the same few numbers."""
    if len(words) > MAX_NUMBER_WORDS:
        return None
    table = load_table("number_words")
    big = {w: v for w, v in table["units"].items() if v >= 1000}
    return _parse_big(list(words), big, table)


def _parse_big(words: list[str], big: dict[str, int], table: dict[str, object]) -> Decimal | None:
    """Split at the largest magnitude: left × magnitude + right ("hai nghìn | không trăm …")."""
    if not words:
        return None
    positions = [(big[w], i) for i, w in enumerate(words) if w in big]
    if not positions:
        return _parse_below_thousand(words, table)
    magnitude, index = max(positions, key=lambda p: (p[0], -p[1]))
    left = _parse_big(words[:index], big, table)
    if left is None or left == 0:
        return None
    right = Decimal(0) if index == len(words) - 1 else _parse_big(words[index + 1 :], big, table)
    if right is None or right >= magnitude:
        return None
    return left * magnitude + right


def _parse_below_thousand(words: list[str], table: dict[str, object]) -> Decimal | None:
    """Parse ``[d trăm] [linh d | d mươi [d'] | mười [d'] | d]`` (0–999)."""
    digits: dict[str, int] = table["digits"]  # type: ignore[assignment]
    finals: dict[str, int] = table["final_digits"]  # type: ignore[assignment]
    linkers: list[str] = table["linkers"]["words"]  # type: ignore[index]
    value, rest = 0, words
    if len(rest) >= 2 and rest[1] == "trăm" and rest[0] in digits:
        value, rest = digits[rest[0]] * 100, rest[2:]
        if rest and rest[0] in linkers:
            return _finish(value, rest[1:], digits, allow_lone=True)
    if not rest:
        return Decimal(value)
    if rest[0] == "mười":
        return _finish(value + 10, rest[1:], {**digits, **finals}, allow_lone=True, no_five=True)
    if len(rest) >= 2 and _is_tens(rest[0], rest[1], digits):
        tens = value + digits[rest[0]] * 10
        return _finish(tens, rest[2:], {**digits, **finals}, allow_lone=True, no_five=True)
    return _finish(value, rest, digits, allow_lone=True)


def _is_tens(digit: str, word: str, digits: dict[str, int]) -> bool:
    """``ba mươi`` (30) needs a digit from 2; ``một chục``, ``ba chục`` (10, 30) from 1."""
    if word == "mươi":
        return digits.get(digit, 0) >= 2
    return word == "chục" and digits.get(digit, 0) >= 1


def _finish(
    value: int, rest: list[str], allowed: dict[str, int], *, allow_lone: bool, no_five: bool = False
) -> Decimal | None:
    """Add the last units digit, if any; "mươi năm" is "tens of years", never 5."""
    if not rest:
        return Decimal(value)
    if len(rest) != 1 or rest[0] not in allowed or not allow_lone:
        return None
    if no_five and rest[0] == "năm":  # after mười/mươi five is "lăm": "năm" is a year
        return None
    return Decimal(value + allowed[rest[0]])


@cache
def read_word_run(words: tuple[str, ...]) -> tuple[int, Decimal, int] | None:
    """Longest prefix of ``words`` that is a number: (word count, value, multiplier).

    A lone "một" is the article "a"; a number followed by another number word ("hai ba người":
    two or three; "mười mười mười …") is vague or garbage, so the whole run is dropped, except
    before the words that end a number naturally ("ba mươi năm": thirty years).
    """
    table = load_table("number_words")["not_a_number"]
    for count in range(len(words), 0, -1):
        if count == 1 and words[0] in table["lone_words_rejected"]:
            return None
        value = parse_number_words(list(words[:count]))
        if value is None:
            continue
        if count < len(words) and words[count] not in table["may_follow"]:
            return None
        return count, value, max(_units_of(w) for w in words[:count])
    return None


def _units_of(word: str) -> int:
    """The multiplier a word names (1000 for "nghìn"), 1 for digits and "trăm": money without a
    currency word needs ``triệu``/``tỷ`` (``doanh thu hai tỷ``)."""
    value: int = load_table("number_words")["units"].get(word, 1)
    return value if value >= 1000 else 1
