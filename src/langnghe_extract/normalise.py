"""Normalise stage: candidates with frames → ``Fact`` models with contract-typed values.

Counts and money become ``int`` in their unit (12.380 tỷ đồng → 12380000000000), percentages
``float`` (58,19% → 58.19). A plan figure with no year of its own takes the plan period the
article set earlier ("giai đoạn 2022 - 2025, tỉnh … phấn đấu …").
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from langnghe_extract.extract import Found
from langnghe_extract.extract.context import Frame, find_periods
from langnghe_extract.models import Fact, Kind, Number, Status


def to_number(value: Decimal, kind: Kind) -> Number:
    """The contract's type for a value of this kind.

    >>> to_number(Decimal("58.19"), Kind.PERCENT)
    58.19
    >>> to_number(Decimal("12380000000000.0"), Kind.MONEY)
    12380000000000
    >>> to_number(Decimal("1.5"), Kind.WORKERS)
    1.5
    """
    if kind is Kind.PERCENT:
        return float(value)
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def to_facts(text: str, found: list[Found]) -> list[Fact]:
    """Build validated facts, carrying a plan period over to plan figures that lack a time."""
    periods = find_periods(text)
    facts: list[Fact] = []
    for item in found:
        frame = item.frame
        if frame.status is not Status.ACTUAL and frame.year is None and frame.period is None:
            earlier = [period for at, period in periods if at < item.candidate.start]
            frame = replace(frame, period=earlier[-1] if earlier else None)
        facts.append(_fact(text, item, frame))
    return sorted(facts, key=lambda f: f.span)


def _fact(text: str, item: Found, frame: Frame) -> Fact:
    cand = item.candidate
    number = cand.number
    return Fact(
        kind=cand.kind,
        value=to_number(number.value, cand.kind),
        value_max=None if number.value_max is None else to_number(number.value_max, cand.kind),
        unit=cand.unit,
        qualifier=number.qualifier,
        status=frame.status,
        per=cand.per,
        year=frame.year,
        period=frame.period,
        category=cand.category,
        stars=cand.stars,
        measure=frame.measure,
        place=frame.place,
        span=(cand.start, cand.end),
        quote=text[cand.start : cand.end],
    )
