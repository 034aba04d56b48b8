"""The Vietnamese number grammar: digits, number words, multipliers, qualifiers and ranges.

Vietnamese writes ``1.350`` for one thousand three hundred fifty and ``58,19`` for fifty-eight
point one nine; it multiplies with words (``78 nghìn``, ``12.380 tỷ``), spells numbers out
(``ba mươi mốt``) and hedges them (``hơn``, ``khoảng``, ``hàng nghìn``). Every figure the tool
reports comes through ``find_numbers``, which returns exact ``Decimal`` values and spans; whether a
number is a fact is decided later, by what follows it.

The patterns are compiled from the data tables in ``number_grammar``; figures that are dates,
clock times, document numbers or years are told apart in ``labels``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from typing import TypeVar

import regex

from langnghe_extract.extract.labels import fraction_end, is_label
from langnghe_extract.extract.number_grammar import (
    AHEAD,
    MAX_DIGITS,
    Grammar,
    closes_none,
    load_grammar,
)
from langnghe_extract.extract.patterns import canonical
from langnghe_extract.extract.spelled import MAX_NUMBER_WORDS, read_word_run
from langnghe_extract.models import Qualifier

V = TypeVar("V")

CORE_AHEAD = 2 * MAX_DIGITS + 12 * MAX_NUMBER_WORDS  # the longest core, with room for spacing
MAX_COMPOUND_PARTS = 3  # "1 tỷ 200 triệu 500 nghìn": parts after the first

# Digit shapes, compiled once: the per-number cost matters on texts dense with figures.
_DOTTED = regex.compile(r"\d{1,3}+(?:\.\d{3}+)++(?:,\d++)?")  # 1.350, 1.234,5
_COMMA_GROUPED = regex.compile(r"\d{1,3}+(?:,\d{3}+){2,}+")  # 1,350,000
_PLAIN = regex.compile(r"\d++(?:[.,]\d++)?")  # 7, 58,19, 3.5
_SPACE = regex.compile(r"[\s_]++")
_SPACE_THEN_DIGIT = regex.compile(r"[\s_]++\d")
_TOKEN = regex.compile(r"[^\s_]++")
_ONE_COMMA_GROUP = regex.compile(r"[1-9]\d{0,2}+,\d{3}+")  # 1,350: decimal or English grouping


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
    if len(text) > 2 * MAX_DIGITS:
        return None
    if not text.isascii():
        text = _ascii_digits(text)
        if not text.isascii():
            return None  # a digit Python's Unicode tables do not know yet
    if _DOTTED.fullmatch(text):
        return Decimal(text.replace(".", "").replace(",", "."))
    if _COMMA_GROUPED.fullmatch(text):
        return Decimal(text.replace(",", ""))
    if _PLAIN.fullmatch(text):
        return Decimal(text.replace(",", "."))
    return None


def _ascii_digits(text: str) -> str:
    """``１２`` (full width) → ``12``: the grammar reads any decimal digit; ``Decimal`` wants ASCII.

    >>> _ascii_digits("１.３５０")
    '1.350'
    """
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


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
    grammar = load_grammar()
    return [_with_qualifier(text, m, grammar) for m in _iter_cores(text, grammar)]


def _iter_cores(text: str, grammar: Grammar) -> Iterator[NumberMatch]:
    """Core matches left to right, tried only where a digit or a first number word starts."""
    position = 0
    for start in grammar.core_start.positions(text):
        if start < position or (found := grammar.core.match(text, start)) is None:
            continue
        match = _read_core(text, found, grammar)
        position = _past_vague(text, found.end(), grammar) if match is None else match.end
        if match is not None:
            yield match


def _read_core(text: str, found: regex.Match[str], grammar: Grammar) -> NumberMatch | None:
    """Turn one core match into a number with its multipliers and range, or reject it."""
    kind = found.lastgroup
    if kind == "order":
        return _read_order(found, grammar)
    if kind == "words":  # read before is_label: most runs ("một" alone) are no number at all
        first = _read_words(found)
        if (
            first is None
            or is_label(text, found.start(), found.end(), grammar)
            or _is_year_word(text, first, grammar)
        ):
            return None
    elif is_label(text, found.start(), found.end(), grammar) or kind == "skip":
        return None
    elif kind == "fraction":  # "nửa tỷ": the multiplier after it is applied below
        value = grammar.fractions[canonical(found.group())]
        first = NumberMatch(found.start(), found.end(), value, rule="words", words=1)
    else:
        first = _read_digits(text, found, grammar)
        whole_end = fraction_end(text, found.start(), found.end()) if first is not None else None
        if first is not None and whole_end is not None:
            return replace(first, end=whole_end)  # "27/31 sản phẩm": 27, of 31
    if first is None or _is_vague(text, first, grammar):
        return None
    first = _extend_multiplier(text, first, grammar)
    return _extend_range(text, first, grammar)


def _read_digits(text: str, found: regex.Match[str], grammar: Grammar) -> NumberMatch | None:
    """Digits as written; ``40,000 người`` and ``14,370 USD`` are English grouping (see
    ``_is_english_thousands``)."""
    written = found.group()
    if written.isascii() and written.isdigit() and len(written) <= MAX_DIGITS:
        return NumberMatch(found.start(), found.end(), Decimal(written))  # "12": as parse_number
    if _is_english_thousands(text, found.end(), written, grammar):
        return NumberMatch(found.start(), found.end(), Decimal(written.replace(",", "")))
    value = parse_number(written)
    if value is None:
        return None
    return NumberMatch(found.start(), found.end(), value)


def _is_english_thousands(text: str, end: int, written: str, grammar: Grammar) -> bool:
    """``1,350`` is 1.35 the Vietnamese way, but a comma before exactly three digits with no
    multiplier or percent after it is English grouping: nobody counts 177,000 cases or pays
    14,370 USD to the thousandth. ``3,788 triệu``, ``0,125 ha`` and ``12,345%`` stay decimals."""
    if _ONE_COMMA_GROUP.fullmatch(written) is None:
        return False
    return grammar.decimal_after.match(text, end, end + AHEAD) is None


def _read_words(found: regex.Match[str]) -> NumberMatch | None:
    """The spelled-out number at the start of a run of number words, or ``None``."""
    read = _read_run(found.group())
    if read is None:
        return None
    count, value, factor, length = read
    start = found.start()
    return NumberMatch(start, start + length, value, rule="words", factor=factor, words=count)


@lru_cache(maxsize=4096)
def _read_run(run: str) -> tuple[int, Decimal, int, int] | None:
    """``read_word_run`` of a run as written, with the length of the part read: texts repeat
    the same few runs ("một", "năm", "hai"), so each is split into words once."""
    tokens = list(_TOKEN.finditer(run))
    read = read_word_run(tuple(token.group().lower() for token in tokens))
    if read is None:
        return None
    count, value, factor = read
    return count, value, factor, tokens[count - 1].end()


def _is_vague(text: str, match: NumberMatch, grammar: Grammar) -> bool:
    """``mười mấy hộ``, ``hai mươi mấy người``, ``2 mấy tỷ``: ten-odd, twenty-odd — no figure
    to report."""
    if _cannot_open(text, match.end, grammar.not_vague):
        return False
    return grammar.vague_after.match(text, match.end, match.end + AHEAD) is not None


def _past_vague(text: str, end: int, grammar: Grammar) -> int:
    """Where reading resumes after a rejected number: past ``mấy`` and its multiplier when the
    number was vague, so ``mười mấy nghìn`` is not read again as ``mấy nghìn`` (thousands)."""
    if _cannot_open(text, end, grammar.not_vague):
        return end
    vague = grammar.vague_after.match(text, end, end + AHEAD)
    if vague is None:
        return end
    multiplier = grammar.multiplier.match(text, vague.end(), vague.end() + AHEAD)
    return int((multiplier or vague).end())


def _read_order(found: regex.Match[str], grammar: Grammar) -> NumberMatch:
    """ "hàng nghìn", "vài trăm", "hàng chục tỷ": an order of magnitude (SPEC.md ``order``)."""
    value = Decimal(1)
    for word in canonical(found.group()).split()[1:]:
        value *= grammar.units[word]
    return NumberMatch(found.start(), found.end(), value, qualifier=Qualifier.ORDER, rule="order")


def _is_year_word(text: str, match: NumberMatch, grammar: Grammar) -> bool:
    """A spelled-out number that is really the word "năm" (year), or runs into digits."""
    if _SPACE_THEN_DIGIT.match(text, match.end, match.end + 3):
        return True  # "năm 2019", or "hai 3" which is no number
    if match.words != 1 or text[match.start : match.end].lower() != grammar.year_word:
        return False
    return bool(
        grammar.year_before.search(text, max(0, match.start - 16), match.start)
        or grammar.year_after.match(text, match.end, match.end + AHEAD)
    )


def _extend_multiplier(text: str, match: NumberMatch, grammar: Grammar) -> NumberMatch:
    """Apply ``nghìn``/``triệu``/``tỷ`` after a number, and compounds (``1 tỷ 200 triệu``)."""
    return _extend_compound(text, _apply_multiplier(text, match, grammar), grammar)


def _apply_multiplier(text: str, match: NumberMatch, grammar: Grammar) -> NumberMatch:
    if _cannot_open(text, match.end, grammar.not_multiplier):
        return match
    found = grammar.multiplier.match(text, match.end, match.end + AHEAD)
    if found is None:
        return match
    factor = 1
    for word in found.captures("mult"):
        factor *= lookup(grammar.units, word)
    return replace(match, value=_tidy(match.value * factor), end=found.end(), factor=factor)


def _cannot_open(text: str, end: int, never: frozenset[str]) -> bool:
    """Whether the character at ``end``, or after one plain space there, is one at which a
    pattern of spaces then a word cannot match (``number_grammar.never_open``): most figures
    are followed by a space and a word that opens none of them.

    >>> never = frozenset("hđ")
    >>> _cannot_open("5 hộ", 1, never), _cannot_open("5 mấy", 1, never), _cannot_open("5", 1, never)
    (True, False, False)
    """
    after = text[end : end + 1]
    if after == " ":
        after = text[end + 1 : end + 2]
    return after in never


def lookup(table: dict[str, V], phrase: str) -> V:
    """``table[canonical(phrase)]``, with the common case (one space, or one word) first:
    ``canonical`` splits with a regex, which costs more than the rest of a figure's reading.

    >>> lookup({"chưa đến": 1}, "Chưa  đến")
    1
    """
    found = table.get(phrase.lower())
    return table[canonical(phrase)] if found is None else found


def _tidy(value: Decimal) -> Decimal:
    """``1,2 nghìn tỷ`` is 1200000000000, not 1200000000000.0: whole values lose their places.

    >>> _tidy(Decimal("1.2") * 1000), _tidy(Decimal("58.19"))
    (Decimal('1200'), Decimal('58.19'))
    """
    whole = value.to_integral_value()
    return Decimal(int(whole)) if whole == value else value


def _extend_compound(text: str, match: NumberMatch, grammar: Grammar) -> NumberMatch:
    """``3 triệu 500 nghìn``, ``1 tỷ 200 triệu 500 nghìn``: smaller multiplied parts add up."""
    value, end, factor = match.value, match.end, match.factor
    for _ in range(MAX_COMPOUND_PARTS):
        part = _compound_part(text, end, factor, grammar)
        if part is None:
            break
        value, end, factor = value + part.value, part.end, part.factor
    return match if end == match.end else replace(match, value=value, end=end)


def _compound_part(text: str, end: int, factor: int, grammar: Grammar) -> NumberMatch | None:
    """The next part of a compound: digits with a multiplier smaller than the last one's."""
    gap = _SPACE.match(text, end, end + 3)
    if gap is None or factor < 1000:
        return None
    core = grammar.core.match(text, gap.end(), gap.end() + CORE_AHEAD)
    is_digits = core is not None and core.lastgroup == "digits"
    part = _read_digits(text, core, grammar) if core is not None and is_digits else None
    if part is None:
        return None
    part = _apply_multiplier(text, part, grammar)
    if part.factor == 1 or part.factor >= factor or part.value >= factor:
        return None
    return part


def _extend_range(text: str, first: NumberMatch, grammar: Grammar) -> NumberMatch:
    """``3 - 4 sao``, ``từ 5 đến 7 triệu đồng``, ``5-7%``, ``70%-80%``: one range, not two
    figures. A unit written after the lower bound must be written after the upper one too."""
    unit, between = _bound_unit(text, first.end, grammar), None
    after_first = first.end if unit is None else unit[1]
    between = (
        None
        if _cannot_open(text, after_first, grammar.not_between)
        else grammar.range_between.match(text, after_first, after_first + AHEAD)
    )
    if between is None:
        return first
    core = grammar.core.match(text, between.end(), between.end() + CORE_AHEAD)
    if core is None or core.lastgroup == "order":
        return first
    second = _read_digits(text, core, grammar) if core.lastgroup == "digits" else _read_words(core)
    if second is None or _looks_like_years(first, second):
        return first
    second = _extend_multiplier(text, second, grammar)
    if unit is not None and _unit_code(_bound_unit(text, second.end, grammar)) != unit[0]:
        return first
    low = _lower_bound(first, second)
    if low is None:
        return first
    return replace(first, value=low, value_max=second.value, end=second.end, factor=second.factor)


def _bound_unit(text: str, end: int, grammar: Grammar) -> tuple[str, int] | None:
    """The unit (``%``, ``VND`` …) written right after a bound, with where it ends."""
    if _cannot_open(text, end, grammar.not_bound_unit):
        return None
    found = grammar.bound_unit.match(text, end, end + AHEAD)
    if found is None:
        return None
    return lookup(grammar.bound_codes, found.group("u")), found.end()


def _unit_code(unit: tuple[str, int] | None) -> str | None:
    return None if unit is None else unit[0]


def _lower_bound(first: NumberMatch, second: NumberMatch) -> Decimal | None:
    """The lower bound's value, or ``None`` when the two numbers make no range (``5-3``).

    ``5 - 7 triệu``: one multiplier serves both bounds. ``100.000 - 1 triệu``: a lower bound
    written in full (a thousand or more) needs none when multiplied it would pass the upper.
    """
    low = first.value
    if first.factor == 1 and second.factor > 1:
        multiplied = _tidy(first.value * second.factor)
        if multiplied < second.value or first.value < 1000:
            low = multiplied
    return low if low < second.value else None


def _looks_like_years(first: NumberMatch, second: NumberMatch) -> bool:
    """``2011-2019`` and ``2022 - 2025`` are periods, not ranges."""
    return all(m.value == int(m.value) and 1900 <= m.value <= 2100 for m in (first, second))


def _with_qualifier(text: str, match: NumberMatch, grammar: Grammar) -> NumberMatch:
    """Widen the span over ``hơn``/``khoảng``/``từ`` … written right before the number."""
    window_start = max(0, match.start - 40)
    start = match.start
    qualifier = match.qualifier
    if qualifier is Qualifier.EXACT and start and text[start - 1].isspace():  # "hơn 5"
        found = _qualifier_before(text, window_start, start, grammar)
        if found is not None and _is_comparison(text, found, window_start, grammar):
            found = None  # "cao hơn 4%": by how much, not a bound
        if found is not None and _means_besides(text, found, grammar):
            found = None  # "Ngoài 5 nhà máy trên, …": besides, not over
        if found is not None and _exceeded_by(text, found, match, grammar):
            found = None  # "vượt 26,7% kế hoạch": the plan passed by 26.7%, exactly
        if found is not None:
            qualifier = lookup(grammar.qualifiers, found.group("q"))
            start = found.start("q")
    if qualifier is Qualifier.EXACT and start and _after_sign(text, start, grammar):  # "(~ 613"
        found = grammar.qualifier_sign.search(text, max(0, start - 4), start)
        if found is not None and text[max(0, found.start() - 1) : found.start()] not in _ARROW:
            qualifier = grammar.qualifiers[found.group("q")]
            start = found.start("q")
    if match.value_max is not None:
        opener = grammar.range_from.search(text, max(0, start - 10), start)
        if opener is not None:
            start = opener.start("w")
    if start == match.start and qualifier is match.qualifier:
        return match
    return replace(match, start=start, qualifier=qualifier)


def _qualifier_before(
    text: str, window_start: int, start: int, grammar: Grammar
) -> regex.Match[str] | None:
    """``qualifier_before`` ending at ``start``, searched only when the word before it may end
    a qualifier (``closes_none``): most figures follow words like "có", "là", "đạt"."""
    if grammar.qualifier_ends and closes_none(text, start, grammar.qualifier_ends):
        return None
    return grammar.qualifier_before.search(text, window_start, start)


def _after_sign(text: str, start: int, grammar: Grammar) -> bool:
    """Whether a qualifier sign may end right before ``start`` (``qualifier_sign``'s window of
    four characters): the last character before spaces and tabs ends a sign. Most figures follow
    a space and a word, and a reversed search costs more than this look.

    >>> from langnghe_extract.extract.number_grammar import load_grammar
    >>> [_after_sign(t, len(t), load_grammar()) for t in ["(~ ", "có ", ">=\\t", "<"]]
    [True, False, True, True]
    """
    if text[start - 1] not in _SIGN_ENDS:
        return False
    return text[max(0, start - 4) : start].rstrip(" \t")[-1:] in grammar.sign_ends


_ARROW = frozenset("-=<>~")  # before a sign, they make an arrow: "=>", "->"
_SIGN_ENDS = frozenset(" \t<>=≤≥~≈∼")  # the last character of a sign, or a space after one
_CLAUSE_OPENERS = frozenset(',.;:!?(\n"“')


def _means_besides(text: str, found: regex.Match[str], grammar: Grammar) -> bool:
    """``ngoài`` opening a clause (``Ngoài 5 nhà máy trên, …``, ``…, ngoài 5 nhà máy, …``)
    means besides: no bound. A lone lower-case phrase keeps the usual reading (over)."""
    word = found.group("q")
    if canonical(word) not in grammar.besides:
        return False
    before = text[max(0, found.start("q") - 40) : found.start("q")].rstrip()
    return before[-1] in _CLAUSE_OPENERS if before else word[0].isupper()


def _exceeded_by(text: str, found: regex.Match[str], match: NumberMatch, grammar: Grammar) -> bool:
    """``vượt 26,7% kế hoạch``: by how much a plan was passed, not a bound."""
    if canonical(found.group("q")) not in grammar.by_words:
        return False
    return grammar.by_plan.match(text, match.end, match.end + AHEAD) is not None


def _is_comparison(text: str, found: regex.Match[str], window_start: int, grammar: Grammar) -> bool:
    """``hơn`` after an adjective compares (``cao hơn 4%``): the figure is the difference."""
    if found.group("q").casefold() != "hơn":
        return False
    return grammar.comparative.search(text, window_start, found.start("q")) is not None
