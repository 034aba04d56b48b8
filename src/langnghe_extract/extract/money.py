"""Money: a quantity with a currency (``12.380 tỷ đồng``, ``2,5 triệu USD``) and its rate
(``8 triệu đồng/người/tháng``), as read by ``quantities.read_quantity``.

A large multiplier with no currency word (``doanh thu 500 tỷ``) is đồng only when a money measure
stands before it in the clause; ``78 triệu người`` is no money.
"""

from __future__ import annotations

from langnghe_extract.extract.candidate import Candidate
from langnghe_extract.extract.numbers import NumberMatch
from langnghe_extract.extract.quantities import PERCENT, read_quantity
from langnghe_extract.models import Kind


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
    quantity = read_quantity(text, number, clause)
    if quantity.unit is None or quantity.unit == PERCENT:
        return None
    return Candidate(
        Kind.MONEY,
        number,
        quantity.unit,
        number.start,
        quantity.end,
        quantity.rule,
        per=quantity.per,
    )
