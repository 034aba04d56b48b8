"""Money: a number with its currency (``12.380 tỷ đồng``, ``2,5 triệu USD``) and rate
(``8 triệu đồng/người/tháng``).

A large multiplier with no currency word (``doanh thu 500 tỷ``) is đồng only when a money measure
stands before it in the clause; ``78 triệu người`` is no money.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from langnghe_extract.data import load_table
from langnghe_extract.extract.candidate import Candidate
from langnghe_extract.extract.numbers import NumberMatch
from langnghe_extract.extract.patterns import WORD_END, canonical, or_regex
from langnghe_extract.models import Kind
from langnghe_extract.segment import segment_start


@dataclass(frozen=True)
class _Money:
    currency: regex.Pattern[str]
    not_currency: regex.Pattern[str]
    rate: regex.Pattern[str]
    rate_before: regex.Pattern[str]
    codes: dict[str, str]
    rates: dict[str, str]
    rates_before: dict[str, str]
    measure: regex.Pattern[str]


@cache
def _money() -> _Money:
    units = load_table("units")
    rates: dict[str, str] = load_table("cues")["rates"]
    rates_before: dict[str, str] = load_table("cues")["rates_before"]
    codes = {canonical(word): code for word, code in units["currencies"].items()}
    return _Money(
        currency=regex.compile(
            rf"(?:[ \t]*+|\.)(?P<cur>{or_regex(units['currencies'])}){WORD_END}",
            regex.IGNORECASE,
        ),
        not_currency=regex.compile(
            rf"[ \t]*+{or_regex(units['currency_not_before']['words'])}{WORD_END}",
            regex.IGNORECASE,
        ),
        rate=regex.compile(rf"[ \t]*+(?P<rate>{or_regex(rates)}){WORD_END}", regex.IGNORECASE),
        rate_before=regex.compile(
            rf"(?<![\p{{L}}\p{{M}}]){or_regex(rates_before)}{WORD_END}",
            regex.IGNORECASE,
        ),
        codes=codes,
        rates={canonical(key): value for key, value in rates.items()},
        rates_before={canonical(key): value for key, value in rates_before.items()},
        measure=regex.compile(or_regex(units["measures"]["money"]), regex.IGNORECASE),
    )


def classify_money(text: str, number: NumberMatch, clause: tuple[int, int]) -> Candidate | None:
    """A money candidate when a currency (or a money measure with triệu/tỷ) goes with ``number``.

    >>> from langnghe_extract.extract.numbers import find_numbers
    >>> text = "thu nhập đạt trên 8 triệu đồng/người/tháng"
    >>> c = classify_money(text, find_numbers(text)[0], (0, len(text)))
    >>> (int(c.number.value), c.unit, c.per, text[c.start:c.end])
    (8000000, 'VND', 'person/month', 'trên 8 triệu đồng/người/tháng')
    >>> text = "mỗi năm mang về cho địa phương khoảng 45 tỷ đồng"
    >>> classify_money(text, find_numbers(text)[0], (0, len(text))).per
    'year'
    >>> text = "kết nạp 6 đồng chí"
    >>> classify_money(text, find_numbers(text)[0], (0, len(text))) is None
    True
    >>> text = "78 triệu người"
    >>> classify_money(text, find_numbers(text)[0], (0, len(text))) is None
    True
    """
    money = _money()
    found = money.currency.match(text, number.end)
    if found is not None and money.not_currency.match(text, found.end("cur")):
        return None  # "6 đồng chí": comrades, not đồng
    if found is not None:
        code, end = money.codes[canonical(found.group("cur"))], found.end("cur")
    elif number.factor >= 1_000_000 and money.measure.search(text, clause[0], number.start):
        code, end = "VND", number.end
    else:
        return None
    per = _rate_before(text, number, clause, money)
    rate = money.rate.match(text, end)
    if rate is not None:
        per, end = money.rates[canonical(rate.group("rate"))], rate.end("rate")
    return Candidate(Kind.MONEY, number, code, number.start, end, f"money:{code}", per=per)


def _rate_before(
    text: str, number: NumberMatch, clause: tuple[int, int], money: _Money
) -> str | None:
    """``mỗi năm mang về … 45 tỷ đồng``: a rate earlier in the figure's comma segment."""
    start = segment_start(text, clause[0], number.start, marks=",;")
    found = money.rate_before.search(text, start, number.start)
    return None if found is None else money.rates_before[canonical(found.group())]
