"""Percentages: ``58,19%``, ``15,35%/năm``, ``12 phần trăm``; the value stays a float (58.19)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from langnghe_extract.data import load_table
from langnghe_extract.extract.candidate import Candidate
from langnghe_extract.extract.numbers import NumberMatch
from langnghe_extract.extract.patterns import canonical, or_regex
from langnghe_extract.models import Kind


@dataclass(frozen=True)
class _Percent:
    sign: regex.Pattern[str]
    rate: regex.Pattern[str]
    rates: dict[str, str]


@cache
def _percent() -> _Percent:
    rates: dict[str, str] = load_table("cues")["rates"]
    slash_rates = {key: value for key, value in rates.items() if key.startswith("/")}
    return _Percent(
        sign=regex.compile(
            rf"[ \t]*+(?:{or_regex(load_table('units')['percent_words']['signs'])})"
        ),
        rate=regex.compile(rf"[ \t]*+(?P<rate>{or_regex(slash_rates)})(?![\p{{L}}\p{{M}}])"),
        rates={canonical(key): value for key, value in slash_rates.items()},
    )


def classify_percent(text: str, number: NumberMatch) -> Candidate | None:
    """A percent candidate when ``%`` or ``phần trăm`` follows ``number``.

    >>> from langnghe_extract.extract.numbers import find_numbers
    >>> text = "bình quân đạt khoảng 15,35%/năm"
    >>> c = classify_percent(text, find_numbers(text)[0])
    >>> (float(c.number.value), c.per, text[c.start:c.end])
    (15.35, 'year', 'khoảng 15,35%/năm')
    """
    table = _percent()
    found = table.sign.match(text, number.end)
    if found is None or number.factor != 1:
        return None
    end, per = found.end(), None
    rate = table.rate.match(text, end)
    if rate is not None:
        per, end = table.rates[canonical(rate.group("rate"))], rate.end("rate")
    return Candidate(Kind.PERCENT, number, "%", number.start, end, "percent", per=per)
