"""Values written the Vietnamese way for people: ``12.380.000.000.000 đồng``, ``58,19%``.

Shared by the terminal view (``view.py``) and the review page (``report.py``), so a figure reads
the same in both; the JSON keeps plain numbers.
"""

from __future__ import annotations

from langnghe_extract.data import load_table
from langnghe_extract.models import Fact, Kind, Number, Qualifier

QUALIFIER_SIGNS = {
    Qualifier.EXACT: "",
    Qualifier.OVER: "> ",
    Qualifier.UNDER: "< ",
    Qualifier.ABOUT: "≈ ",
    Qualifier.ORDER: "~ ",
}


def format_number(value: Number) -> str:
    """``.`` between thousands and ``,`` before decimals, as Vietnamese texts write numbers.

    >>> format_number(12380000000000)
    '12.380.000.000.000'
    >>> format_number(58.19)
    '58,19'
    >>> format_number(1234.5)
    '1.234,5'
    >>> format_number(15.0)
    '15'
    >>> format_number(-7)
    '-7'
    """
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.6f}".rstrip("0").rstrip(".")
    return text.translate(str.maketrans(",.", ".,"))


def format_value(fact: Fact) -> str:
    """The fact's value (or range) with its unit and rate, for a reader.

    >>> from langnghe_extract import extract_document
    >>> facts = extract_document("Doanh thu đạt 12.380 tỷ đồng, chiếm 58,19%.").facts
    >>> [format_value(fact) for fact in facts]
    ['12.380.000.000.000 đồng', '58,19%']
    >>> facts = extract_document("Thu nhập trên 8 triệu đồng/người/tháng.").facts
    >>> format_value(facts[0])
    '> 8.000.000 đồng/person/month'
    """
    number = format_number(fact.value)
    if fact.value_max is not None:
        number = f"{number}–{format_number(fact.value_max)}"
    if fact.kind is Kind.PERCENT:
        text = f"{number}{fact.unit}"
    else:
        text = f"{number} {load_table('display')['currencies'].get(fact.unit, fact.unit)}"
    if fact.per:
        text = f"{text}/{fact.per}"
    return QUALIFIER_SIGNS[fact.qualifier] + text
