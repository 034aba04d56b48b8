"""Percentages: ``58,19%``, ``15,35%/năm``, ``12 phần trăm``, as read by
``quantities.read_quantity``; the value stays a float (58.19)."""

from __future__ import annotations

from functools import cache

import regex

from langnghe_extract.data import load_table
from langnghe_extract.extract.candidate import Candidate
from langnghe_extract.extract.numbers import NumberMatch
from langnghe_extract.extract.patterns import WORD_START, or_regex
from langnghe_extract.extract.quantities import PERCENT, read_percent
from langnghe_extract.models import Kind


@cache
def _figure_of_speech() -> regex.Pattern[str]:
    """Effort words a percent right after measures nothing (units.toml ``percent_words``)."""
    table = load_table("units")["percent_words"]
    fillers = rf"(?:{or_regex(table['not_after_fillers'])}[\s_]++)?"
    listed = r"(?:\d++(?:[.,]\d++)?\s*+%\s*+,\s*+)*"  # "gấp 200%, 300%": the list goes on
    return regex.compile(
        rf"{WORD_START}{or_regex(table['not_after'])}[\s_]++{fillers}{listed}\Z",
        regex.I | regex.REVERSE,
    )


def classify_percent(text: str, number: NumberMatch) -> Candidate | None:
    """A percent candidate when ``%`` or ``phần trăm`` follows ``number``.

    >>> from langnghe_extract.extract.numbers import find_numbers
    >>> text = "bình quân đạt khoảng 15,35%/năm"
    >>> c = classify_percent(text, find_numbers(text)[0])
    >>> (float(c.number.value), c.per, text[c.start:c.end])
    (15.35, 'year', 'khoảng 15,35%/năm')
    >>> text = "12 phần trăm"
    >>> classify_percent(text, find_numbers(text)[0]).unit
    '%'

    Effort spoken of in percent is a figure of speech, no share:

    >>> text = "bà con nỗ lực 200% để kịp đơn hàng"
    >>> classify_percent(text, find_numbers(text)[0]) is None
    True
    >>> text = "phải cố gắng gấp 200%, 300% để trừ hao"
    >>> [classify_percent(text, n) for n in find_numbers(text)]
    [None, None]
    """
    quantity = read_percent(text, number)
    if quantity is None:
        return None
    if _figure_of_speech().search(text, max(0, number.start - 60), number.start):
        return None
    return Candidate(
        Kind.PERCENT, number, PERCENT, number.start, quantity.end, quantity.rule, per=quantity.per
    )
