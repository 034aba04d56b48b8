"""The Vietnamese number grammar: digits, number words, multipliers, qualifiers and ranges.

Vietnamese writes ``1.350`` for one thousand three hundred fifty and ``58,19`` for fifty-eight
point one nine; it multiplies with words (``78 nghìn``, ``12.380 tỷ``), spells numbers out
(``ba mươi mốt``) and hedges them (``hơn``, ``khoảng``, ``hàng nghìn``). Every figure the tool
reports comes through ``find_numbers``, which returns exact ``Decimal`` values and spans; whether a
number is a fact is decided later, by what follows it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

import regex

from langnghe_extract.data import load_table
from langnghe_extract.extract.patterns import WORD_END, WORD_START, canonical, or_regex
from langnghe_extract.models import Qualifier

MAX_DIGITS = 30  # longer digit runs are identifiers or garbage, never figures


@dataclass(frozen=True)
class NumberMatch:
    """A number in text: exact value, optional upper bound, qualifier and the rule that fired."""

    start: int
    end: int
    value: Decimal
    value_max: Decimal | None = None
    qualifier: Qualifier = Qualifier.EXACT
    rule: str = "digits"
    factor: int = 1  # the multiplier applied (1000 for "nghìn"), 1 when none was written
    words: int = 0  # number of words for a spelled-out number, 0 for digits


@dataclass(frozen=True)
class _Grammar:
    core: regex.Pattern[str]
    multiplier: regex.Pattern[str]
    qualifier_before: regex.Pattern[str]
    range_between: regex.Pattern[str]
    range_from: regex.Pattern[str]
    label_before: regex.Pattern[str]
    units: dict[str, int]
    qualifiers: dict[str, Qualifier]
    year_word: str
    year_before: regex.Pattern[str]
    year_after: regex.Pattern[str]


def parse_number(text: str) -> Decimal | None:
    """Read a written digit number the Vietnamese way; ``None`` if it is not one.

    ``.`` groups thousands and ``,`` marks decimals, except that ``1,350,000`` (several comma
    groups) is English grouping and ``3.5`` (one dot, not three digits after it) an English decimal.

    >>> parse_number("1.350")
    Decimal('1350')
    >>> parse_number("58,19")
    Decimal('58.19')
    >>> parse_number("12.380")
    Decimal('12380')
    >>> parse_number("1.000.000")
    Decimal('1000000')
    >>> parse_number("1,350,000")
    Decimal('1350000')
    >>> parse_number("3.5")
    Decimal('3.5')
    >>> parse_number("1.234,5")
    Decimal('1234.5')
    >>> parse_number("12a") is None
    True
    """
    if regex.fullmatch(r"\d{1,3}+(?:\.\d{3}+)++(?:,\d++)?", text):
        return Decimal(text.replace(".", "").replace(",", "."))
    if regex.fullmatch(r"\d{1,3}+(?:,\d{3}+){2,}+", text):
        return Decimal(text.replace(",", ""))
    if regex.fullmatch(r"\d++(?:[.,]\d++)?", text):
        return Decimal(text.replace(",", "."))
    return None


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
    >>> parse_number_words(["tư"]) is None
    True
    """
    table = load_table("number_words")
    big = {w: v for w, v in table["units"].items() if v >= 1000}
    return _parse_big([w.lower() for w in words], big, table)


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
    if len(rest) >= 2 and rest[1] == "mươi" and digits.get(rest[0], 0) >= 2:
        tens = value + digits[rest[0]] * 10
        return _finish(tens, rest[2:], {**digits, **finals}, allow_lone=True, no_five=True)
    return _finish(value, rest, digits, allow_lone=True)


def _finish(
    value: int, rest: list[str], allowed: dict[str, int], *, allow_lone: bool, no_five: bool = False
) -> Decimal | None:
    """Add the last units digit, if any; "mươi năm" is "tens of years", never 5."""
    if not rest:
        return Decimal(value)
    if len(rest) != 1 or rest[0] not in allowed or not allow_lone:
        return None
    if no_five and rest[0] in ("năm", "một"):  # after mươi: "lăm", "mốt" — "năm" is a year
        return None
    return Decimal(value + allowed[rest[0]])


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number in ``text``: value, span (with its qualifier) and rule, in order.

    Dates, clock times, document numbers and numbers after a label (``năm 2019``, ``lần thứ 3``)
    are not returned.

    >>> [(m.value, m.qualifier.value) for m in find_numbers("đạt trên 8 triệu đồng")]
    [(Decimal('8000000'), 'over')]
    >>> [str(m.value) for m in find_numbers("ngày 29/01/2026 lúc 17:31, năm 2019")]
    []
    >>> m = find_numbers("hàng nghìn lao động")[0]
    >>> (m.value, m.qualifier.value, m.rule)
    (Decimal('1000'), 'order', 'order')
    """
    grammar = _grammar()
    return [_with_qualifier(text, m, grammar) for m in _iter_cores(text, grammar)]


def _iter_cores(text: str, grammar: _Grammar) -> Iterator[NumberMatch]:
    position = 0
    while True:
        found = grammar.core.search(text, position)
        if found is None:
            return
        match = _read_core(text, found, grammar)
        if match is None:
            position = found.end()
            continue
        position = match.end
        yield match


def _read_core(text: str, found: regex.Match[str], grammar: _Grammar) -> NumberMatch | None:
    """Turn one core match into a number with its multipliers and range, or reject it."""
    kind = found.lastgroup
    if kind == "order":
        return _read_order(found, grammar)
    if _is_label(text, found.start(), found.end(), grammar):
        return None
    if kind == "words":
        first = _read_words(found)
        if first is not None and _is_year_word(text, first, grammar):
            return None
    else:
        first = _read_digits(found)
    if first is None:
        return None
    first = _extend_multiplier(text, first, grammar)
    return _extend_range(text, first, grammar)


def _read_digits(found: regex.Match[str]) -> NumberMatch | None:
    value = parse_number(found.group())
    if value is None:
        return None
    return NumberMatch(found.start(), found.end(), value)


def _read_words(found: regex.Match[str]) -> NumberMatch | None:
    """Longest prefix of the word run that is a number; a lone "một" is the article "a"."""
    tokens = list(regex.finditer(r"[^\s_]++", found.group()))
    words = [token.group().lower() for token in tokens]
    rejected = load_table("number_words")["not_a_number"]["lone_words_rejected"]
    for count in range(len(words), 0, -1):
        if count == 1 and words[0] in rejected:
            return None
        value = parse_number_words(words[:count])
        if value is not None:
            end = found.start() + tokens[count - 1].end()
            return NumberMatch(found.start(), end, value, rule="words", words=count)
    return None


def _read_order(found: regex.Match[str], grammar: _Grammar) -> NumberMatch:
    """ "hàng nghìn", "vài trăm", "hàng chục tỷ": an order of magnitude (SPEC.md ``order``)."""
    value = Decimal(1)
    for word in canonical(found.group()).split()[1:]:
        value *= grammar.units[word]
    return NumberMatch(found.start(), found.end(), value, qualifier=Qualifier.ORDER, rule="order")


def _is_year_word(text: str, match: NumberMatch, grammar: _Grammar) -> bool:
    """A spelled-out number that is really the word "năm" (year), or runs into digits."""
    if regex.match(r"\s++\d", text[match.end : match.end + 3]):
        return True  # "năm 2019", or "hai 3" which is no number
    if match.words != 1 or text[match.start : match.end].lower() != grammar.year_word:
        return False
    return bool(
        grammar.year_before.search(text, max(0, match.start - 12), match.start)
        or grammar.year_after.match(text, match.end)
    )


_DATE_OR_CODE_AFTER = regex.compile(
    r"""[/:][\p{L}\d]                         # 29/01, 17:31, 148/KH-UBND, 52/2018
      | [.,]\d                                 # the tail of a malformed digit run: 1.1.1.1
      | [-.]\d{1,2}+[-.]\d{2,4}+(?!\d)          # 16-09-2021, 16.09.2021
    """,
    regex.VERBOSE,
)
_YEAR_AFTER = regex.compile(r"\s*+[-–—]\s*+(?:19|20)\d\d(?!\d)")
_DATE_OR_CODE_BEFORE = regex.compile(
    r"""(?:[/:+]|\d[-.,]|(?:19|20)\d\d\s*+[-–—]\s*+)\Z  # 29/01, GMT+7, 16-09-, 2011-2019
    """,
    regex.VERBOSE,
)


def _is_label(text: str, start: int, end: int, grammar: _Grammar) -> bool:
    """Dates, times, document numbers, years and ordinals: never quantities."""
    if _DATE_OR_CODE_BEFORE.search(text, max(0, start - 8), start):
        return True
    after = _DATE_OR_CODE_AFTER.match(text, end)
    if after is not None and (after.group()[0] in "/:.," or end - start <= 2):
        return True  # a date needs a day-sized first part: 16-09-2021, not 1.000-2.000
    if _is_year(text[start:end]) and _YEAR_AFTER.match(text, end):
        return True  # the first year of 2011-2019
    return grammar.label_before.search(text, max(0, start - 20), start) is not None


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100


def _extend_multiplier(text: str, match: NumberMatch, grammar: _Grammar) -> NumberMatch:
    """Apply ``nghìn``/``triệu``/``tỷ`` after a number, and compounds (``1 tỷ 200 triệu``)."""
    return _extend_compound(text, _apply_multiplier(text, match, grammar), grammar)


def _apply_multiplier(text: str, match: NumberMatch, grammar: _Grammar) -> NumberMatch:
    found = grammar.multiplier.match(text, match.end)
    if found is None:
        return match
    factor = 1
    for word in found.captures("mult"):
        factor *= grammar.units[canonical(word)]
    return replace(match, value=match.value * factor, end=found.end(), factor=factor)


def _extend_compound(text: str, match: NumberMatch, grammar: _Grammar) -> NumberMatch:
    """``3 triệu 500 nghìn``: a second, smaller multiplied part adds to the first."""
    gap = regex.match(r"\s++", text[match.end : match.end + 3])
    if gap is None or match.factor < 1000:
        return match
    core = grammar.core.match(text, match.end + gap.end())
    part = _read_digits(core) if core is not None and core.lastgroup == "digits" else None
    if part is None:
        return match
    part = _apply_multiplier(text, part, grammar)
    if part.factor == 1 or part.factor >= match.factor or part.value >= match.factor:
        return match
    return replace(match, value=match.value + part.value, end=part.end)


def _extend_range(text: str, first: NumberMatch, grammar: _Grammar) -> NumberMatch:
    """``3 - 4 sao``, ``từ 5 đến 7 triệu đồng``, ``5-7%``: one range, not two figures."""
    between = grammar.range_between.match(text, first.end)
    if between is None:
        return first
    core = grammar.core.match(text, between.end())
    if core is None or core.lastgroup == "order":
        return first
    second = _read_digits(core) if core.lastgroup == "digits" else _read_words(core)
    if second is None or _looks_like_years(first, second):
        return first
    second = _extend_multiplier(text, second, grammar)
    low = first.value
    if first.factor == 1 and second.factor > 1:
        low = first.value * second.factor  # "5 - 7 triệu": the multiplier serves both bounds
    if second.value <= low:
        return first
    return replace(first, value=low, value_max=second.value, end=second.end, factor=second.factor)


def _looks_like_years(first: NumberMatch, second: NumberMatch) -> bool:
    """``2011-2019`` and ``2022 - 2025`` are periods, not ranges."""
    return all(m.value == int(m.value) and 1900 <= m.value <= 2100 for m in (first, second))


def _with_qualifier(text: str, match: NumberMatch, grammar: _Grammar) -> NumberMatch:
    """Widen the span over ``hơn``/``khoảng``/``từ`` … written right before the number."""
    window_start = max(0, match.start - 40)
    start = match.start
    qualifier = match.qualifier
    if qualifier is Qualifier.EXACT:
        found = grammar.qualifier_before.search(text, window_start, start)
        if found is not None:
            qualifier = grammar.qualifiers[canonical(found.group("q"))]
            start = found.start("q")
    if match.value_max is not None:
        opener = grammar.range_from.search(text, max(0, start - 10), start)
        if opener is not None:
            start = opener.start("w")
    return replace(match, start=start, qualifier=qualifier)


@cache
def _grammar() -> _Grammar:
    words = load_table("number_words")
    cues = load_table("cues")
    units: dict[str, int] = {**words["units"], **words["abbreviations"]}
    order_words = {k: v for k, v in words["order"].items() if k != "prefixes"}
    units.update(order_words)
    number_words = [
        *words["digits"],
        *words["final_digits"],
        *words["tens"],
        *words["units"],
        *words["linkers"]["words"],
    ]
    leading = [*words["digits"], "mười"]
    core = regex.compile(
        rf"""{WORD_START}
        (?:
          (?P<order>{or_regex(words["order"]["prefixes"])}[\s_]++{or_regex(order_words)}
                    (?:[\s_]++{or_regex(order_words)}){{0,2}}+)
          {WORD_END}
        | (?P<digits>\d{{1,{MAX_DIGITS}}}+(?:[.,]\d{{1,{MAX_DIGITS}}}+)*+)(?!\p{{N}})
        | (?P<words>{or_regex(leading)}{WORD_END}
                    (?:[\s_]++{or_regex(number_words)}{WORD_END}){{0,11}}+)
        )""",
        regex.VERBOSE | regex.IGNORECASE,
    )
    big_units = {w: v for w, v in words["units"].items() if v >= 1000}
    multiplier = regex.compile(
        rf"""(?:\s*+(?P<mult>{or_regex(big_units)}){WORD_END}){{1,2}}+  # nghìn tỷ
          | \s?(?P<mult>{or_regex(words["abbreviations"])})             # 5tr, 200k, 3,5 trđ
            (?=đ|\.đ|[^\p{{L}}\p{{N}}]|$)""",
        regex.IGNORECASE | regex.VERBOSE,
    )
    qualifier_map = {
        canonical(w): Qualifier(name)
        for name in ("over", "under", "about")
        for w in cues["qualifiers"][name]
    }
    qualifier_before = regex.compile(
        rf"{WORD_START}(?P<q>{or_regex(qualifier_map)})\s++(?:{or_regex(cues['range_words']['before'])}\s++)?\Z",
        regex.IGNORECASE,
    )
    labels = words["label_markers"]["words"]
    return _Grammar(
        core=core,
        multiplier=multiplier,
        qualifier_before=qualifier_before,
        range_between=regex.compile(rf"\s*+{or_regex(cues['range_words']['between'])}\s*+"),
        range_from=regex.compile(
            rf"{WORD_START}(?P<w>{or_regex(cues['range_words']['before'])})\s++\Z"
        ),
        label_before=regex.compile(rf"{WORD_START}{or_regex(labels)}\s*+\Z", regex.IGNORECASE),
        units=units,
        qualifiers=qualifier_map,
        year_word=words["year_word"]["word"],
        year_before=regex.compile(
            rf"{WORD_START}{or_regex(words['year_word']['before'])}\s++\Z", regex.IGNORECASE
        ),
        year_after=regex.compile(
            rf"\s++{or_regex(words['year_word']['after'])}{WORD_END}", regex.IGNORECASE
        ),
    )
