"""Vietnamese quantities: a number (``numbers.py``) with its unit and rate.

A quantity is what an analyst reads off a phrase: ``trên 8 triệu đồng/người/tháng`` is over
8,000,000 VND per person per month, ``khoảng 15,35%/năm`` about 15.35 % a year, ``118`` in
``118 làng nghề`` a bare count whose noun ``counts.py`` reads. Money and percent facts are built
from ``read_quantity``, so every figure passes through one grammar; the word lists (currencies,
percent signs, rates, money measures) live in ``data/units.toml`` and ``data/cues.toml``.

>>> [(str(q.value), q.unit, q.qualifier.value, q.per) for q in
...  find_quantities("thu nhập đạt trên 8 triệu đồng/người/tháng, tăng 5,2%")]
[('8000000', 'VND', 'over', 'person/month'), ('5.2', '%', 'exact', None)]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import regex

from langnghe_extract.data import load_table
from langnghe_extract.extract.number_grammar import AHEAD
from langnghe_extract.extract.numbers import NumberMatch, find_numbers, lookup
from langnghe_extract.extract.patterns import WORD_END, WORD_START, canonical, or_regex
from langnghe_extract.models import Qualifier

PERCENT = "%"
# How far back a quantity looks for its clause (a money measure, "mỗi năm …"): a sentence in this
# genre rarely runs longer, and a bound keeps a 10 MB single-line text linear.
CLAUSE_WINDOW = 300
# The least multiplier that may make money without a currency word: "500 tỷ", not "5 nghìn".
BARE_MONEY_FACTOR = 1_000_000
_CLAUSE_MARKS = regex.compile(r"[;!?\n]|[.,](?!\d)", regex.REVERSE)  # the last one first
_SPACED_SLASH = regex.compile(r"\s*+/\s*+")


@dataclass(frozen=True)
class Quantity:
    """A number with its unit and rate; ``start``/``end`` span the whole phrase as written.

    ``unit`` is a currency code (``VND``, ``USD``, ``EUR``), ``%`` or ``None`` for a bare number
    (a count, whose noun ``counts.py`` reads); ``per`` is the rate (``year``, ``person/month``).
    """

    start: int
    end: int
    number: NumberMatch
    unit: str | None = None
    per: str | None = None
    rule: str = "number"

    @property
    def span(self) -> tuple[int, int]:
        """Start and end offsets of the phrase, as SPEC.md's ``span``."""
        return self.start, self.end

    @property
    def value(self) -> Decimal:
        """The value, or the lower bound of a range."""
        return self.number.value

    @property
    def value_max(self) -> Decimal | None:
        """The upper bound of a range (``3 - 4 sao``), else ``None``."""
        return self.number.value_max

    @property
    def qualifier(self) -> Qualifier:
        """``exact``, ``over``, ``under``, ``about`` or ``order`` (SPEC.md)."""
        return self.number.qualifier


@dataclass(frozen=True)
class _Units:
    percent: regex.Pattern[str]
    currency: regex.Pattern[str]
    not_currency: regex.Pattern[str]
    currency_after_multiplier: regex.Pattern[str]
    bare_money_end: regex.Pattern[str]
    rate: regex.Pattern[str]
    rate_start: regex.Pattern[str]  # where a rate can start: "/" or its first word
    rate_before: regex.Pattern[str]
    rate_frame: regex.Pattern[str]  # "Mỗi năm, …" opening the clause
    codes: dict[str, str]
    rates: dict[str, str]
    rates_before: dict[str, str]
    measure: regex.Pattern[str]


def _rate_regex(rates: Iterable[str]) -> str:
    """Rates as written, with room around each slash: ``đồng/năm`` and ``đồng / năm`` (as
    word-segmented corpora space it) are the same rate."""
    return or_regex(rates).replace("/", r"[ \t]*+/[ \t]*+")


def _rate_start_regex(rates: Iterable[str]) -> regex.Pattern[str]:
    """Where a rate of ``_rate_regex`` can start after a quote: a slash or a rate's first word.

    Why: the rates make a long alternation, several times dearer to try than this; most
    quotes have no rate after them.

    >>> [bool(_rate_start_regex(["/năm", "mỗi năm"]).match(t)) for t in (" / năm", " Mỗi", " tỷ")]
    [True, True, False]
    """
    words = {rate.split()[0].split("/")[0] for rate in rates} - {""}
    return regex.compile(rf"[ \t]*+(?:/|{or_regex(words)})", regex.I)


def _rate_after(text: str, end: int, units: _Units) -> regex.Match[str] | None:
    """``units.rate`` right after ``end`` (``đồng/người/tháng``), tried only where one can
    start."""
    if units.rate_start.match(text, end, end + AHEAD) is None:
        return None
    return units.rate.match(text, end, end + AHEAD)


def _rate_key(written: str) -> str:
    """The table key of a matched rate: ``/ người / tháng`` → ``/người/tháng``.

    >>> _rate_key("/ Người / tháng")
    '/người/tháng'
    """
    return str(_SPACED_SLASH.sub("/", canonical(written)))


@cache
def _units() -> _Units:
    units = load_table("units")
    cues = load_table("cues")
    rates: dict[str, str] = cues["rates"]
    return _Units(
        percent=regex.compile(rf"[ \t]*+{or_regex(units['percent_words']['signs'])}"),
        currency=regex.compile(
            rf"(?:[ \t]*+|\.)(?P<cur>{or_regex(units['currencies'])}){WORD_END}", regex.IGNORECASE
        ),
        not_currency=regex.compile(
            rf"[ \t]*+{or_regex(units['currency_not_before']['words'])}{WORD_END}", regex.I
        ),
        currency_after_multiplier=regex.compile(
            rf"[ \t]*+{or_regex(units['currency_after_multiplier']['words'])}{WORD_END}", regex.I
        ),
        bare_money_end=regex.compile(
            rf"""[ \t]*+(?:[^\p{{L}}\p{{M}}\p{{N}}_\s] | \Z | \n
                 | {or_regex(units["money_without_currency"]["next_words"])}{WORD_END})""",
            regex.IGNORECASE | regex.VERBOSE,
        ),
        rate=regex.compile(rf"[ \t]*+(?P<rate>{_rate_regex(rates)}){WORD_END}", regex.I),
        rate_start=_rate_start_regex(rates),
        rate_before=regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?P<rate>{or_regex(cues['rates_before'])}){WORD_END}", regex.I
        ),
        rate_frame=regex.compile(rf"\s*+(?P<rate>{or_regex(cues['rates_before'])})\s*+,", regex.I),
        codes={canonical(word): code for word, code in units["currencies"].items()},
        rates={_rate_key(key): value for key, value in rates.items()},
        rates_before={canonical(key): value for key, value in cues["rates_before"].items()},
        measure=regex.compile(
            rf"{WORD_START}{or_regex(units['measures']['money'])}{WORD_END}", regex.IGNORECASE
        ),
    )


def find_quantities(text: str) -> Iterator[Quantity]:
    """Every quantity in ``text``, in order: value, bounds, qualifier, unit, rate and span.

    Dates, clock times, years, document numbers and ordinals are not quantities.

    >>> [(str(q.value), str(q.value_max), q.unit) for q in find_quantities("từ 5 đến 7 triệu đồng")]
    [('5000000', '7000000', 'VND')]
    >>> [(str(q.value), q.qualifier.value) for q in find_quantities("hàng nghìn lao động")]
    [('1000', 'order')]
    >>> list(find_quantities("Ngày 29/01/2026 lúc 10:04GMT+7, năm 2019, lần thứ 3"))
    []
    """
    for number in find_numbers(text):
        yield read_quantity(text, number, (clause_start(text, number.start), len(text)))


def clause_start(text: str, position: int) -> int:
    """Where the clause holding ``position`` begins: after the last ``,;.!?`` or line break that
    is punctuation (``1.350`` and ``58,19`` are not), at most ``CLAUSE_WINDOW`` back.

    >>> text = "Năm 2020, doanh thu đạt 500 tỷ"
    >>> text[clause_start(text, text.index("500")) :]
    ' doanh thu đạt 500 tỷ'
    """
    start = max(0, position - CLAUSE_WINDOW)
    last = _CLAUSE_MARKS.search(text, start, position)
    return start if last is None else last.end()


def read_quantity(text: str, number: NumberMatch, clause: tuple[int, int]) -> Quantity:
    """What follows ``number``: ``%``/``phần trăm``, a currency, a rate — or nothing (a count).

    ``clause`` bounds where a money measure or a leading rate (``mỗi năm …``) may stand.

    >>> text = "doanh thu 500 tỷ mỗi năm"
    >>> q = read_quantity(text, find_numbers(text)[0], (0, len(text)))
    >>> (int(q.value), q.unit, q.per, text[q.start:q.end])
    (500000000000, 'VND', 'year', '500 tỷ mỗi năm')
    >>> text = "kết nạp 6 đồng chí"
    >>> read_quantity(text, find_numbers(text)[0], (0, len(text))).unit is None
    True
    """
    units = _units()
    found = read_percent(text, number) or _read_money(text, number, clause, units)
    return found or Quantity(number.start, number.end, number)


def read_percent(text: str, number: NumberMatch) -> Quantity | None:
    """``58,19%``, ``15,35%/năm``, ``12 phần trăm``; ``5 triệu %`` is no percent.

    >>> text = "tăng 5 triệu %"
    >>> read_percent(text, find_numbers(text)[0]) is None
    True
    """
    units = _units()
    sign = units.percent.match(text, number.end, number.end + AHEAD)
    if sign is None or number.factor != 1:
        return None
    end, per = sign.end(), None
    rate = _rate_after(text, end, units)
    if rate is not None:
        per, end = units.rates[_rate_key(rate.group("rate"))], rate.end("rate")
    return Quantity(number.start, end, number, PERCENT, per, "percent")


def _read_money(
    text: str, number: NumberMatch, clause: tuple[int, int], units: _Units
) -> Quantity | None:
    """A currency after the number, or ``triệu``/``tỷ`` after a money measure (``doanh thu
    500 tỷ``); ``6 đồng chí`` (comrades) and ``78 triệu người`` are no money."""
    found = units.currency.match(text, number.end, number.end + AHEAD)
    if found is not None and _not_currency(text, found.end("cur"), number, units):
        return None
    if found is not None:
        code, end = lookup(units.codes, found.group("cur")), found.end("cur")
    elif _is_bare_money(text, number, clause, units):
        code, end = "VND", number.end
    else:
        return None
    per = _rate_before(text, number, clause, units)
    rate = _rate_after(text, end, units)
    if rate is not None:
        per, end = units.rates[_rate_key(rate.group("rate"))], rate.end("rate")
    return Quantity(number.start, end, number, code, per, f"money:{code}")


def _not_currency(text: str, end: int, number: NumberMatch, units: _Units) -> bool:
    """``6 đồng chí`` (comrades), ``đồng bào``; after ``triệu``/``tỷ`` "đồng thời" is money."""
    if units.not_currency.match(text, end, end + AHEAD) is None:
        return False
    after_multiplier = units.currency_after_multiplier.match(text, end, end + AHEAD)
    return number.factor < 1000 or after_multiplier is None


def _is_bare_money(text: str, number: NumberMatch, clause: tuple[int, int], units: _Units) -> bool:
    """``doanh thu đạt 500 tỷ, …``: a money measure before, no other noun after (``28 triệu
    bảng`` are pounds, ``2,75 triệu cổ phiếu`` shares)."""
    if number.factor < BARE_MONEY_FACTOR:
        return False
    if units.bare_money_end.match(text, number.end, number.end + AHEAD) is None:
        return False
    return units.measure.search(text, clause[0], number.start) is not None


def _rate_before(
    text: str, number: NumberMatch, clause: tuple[int, int], units: _Units
) -> str | None:
    """``mỗi năm mang về … 45 tỷ đồng``: a rate earlier in the figure's comma segment, or one
    opening its clause as a frame (``Mỗi năm, làng xuất khẩu …, doanh thu đạt 40 tỷ đồng``)."""
    start = max(clause[0], number.start - CLAUSE_WINDOW)
    start = max(start, *(text.rfind(mark, start, number.start) + 1 for mark in ",;"))
    found = units.rate_before.search(text, start, number.start)
    if found is None:
        found = units.rate_frame.match(text, clause[0], number.start)
    return None if found is None else lookup(units.rates_before, found.group("rate"))
