"""Normalise stage: candidates with frames → ``Fact`` models with contract-typed values.

Counts and money become ``int`` in their unit (12.380 tỷ đồng → 12380000000000), percentages
``float`` (58,19% → 58.19). A plan figure with no year of its own takes the plan period the
article set earlier ("giai đoạn 2022 - 2025, tỉnh … phấn đấu …").
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from functools import cached_property

from langnghe_extract.extract import Found
from langnghe_extract.extract.context import Frame
from langnghe_extract.extract.timeframe import find_periods, latest_year
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


def to_facts(text: str, found: list[Found], published: str | None = None) -> list[Fact]:
    """Build validated facts, carrying a plan period over to plan figures that lack a time.

    ``published`` (ISO date, as the cleaner gives it) dates ``trong năm nay`` and tells a
    deadline still ahead (``đến năm 2025 có``: a target) from one already past.
    """
    years = _TextYears(text, _year_of(published))
    facts: list[Fact] = []
    for item in found:
        frame = _dated(item.frame, years, item.candidate.start)
        if frame.status is not Status.ACTUAL and frame.year is None and frame.period is None:
            present = years.present
            earlier = [
                period
                for at, period in years.periods
                if at < item.candidate.start and (present is None or period[1] >= present)
            ]  # a plan's period, not one already over ("giai đoạn 2021-2024" in 2025)
            frame = replace(frame, period=earlier[-1] if earlier else None)
        facts.append(_fact(text, item, frame))
    return sorted(facts, key=lambda f: f.span)


class _TextYears:
    """The article's year of publication, and the periods and latest year its text names.

    Why lazy: scanning a whole text for its years cost as much as framing its facts, and only
    a plan figure without a time of its own, or one with a deadline, needs them.
    """

    def __init__(self, text: str, published_year: int | None) -> None:
        self.text = text
        self.published_year = published_year

    @cached_property
    def periods(self) -> list[tuple[int, tuple[int, int]]]:
        """Every period the text names, with its position (``find_periods``)."""
        return find_periods(self.text)

    @cached_property
    def present(self) -> int | None:
        """The article's present: its year of publication, else the latest year it names."""
        if self.published_year is not None:
            return self.published_year
        return latest_year(self.text)


def _year_of(published: str | None) -> int | None:
    """The year of an ISO date or datetime ("2021-09-16T10:04+07:00" → 2021).

    >>> _year_of("2021-09-16T10:04+07:00"), _year_of(None), _year_of("hôm qua")
    (2021, None, None)
    """
    if published is None or not published[:4].isdigit():
        return None
    return int(published[:4])


def _dated(frame: Frame, years: _TextYears, position: int) -> Frame:
    """Settle the frame's relative year and deadline against the article's date.

    ``trong năm nay`` is the year the article was published. ``đến năm 2025 có …`` is a target
    when 2025 is still ahead of the article (its date, else the latest year it names), and its
    time is the plan period ending then: one the article set before, else from the year of
    publication.
    """
    published_year = years.published_year
    if frame.relative_year is not None and frame.year is None and frame.period is None:
        year = None if published_year is None else published_year + frame.relative_year
        frame = replace(frame, year=year)
    deadline = frame.deadline
    if deadline is None or (years.present is not None and deadline <= years.present):
        return frame
    if frame.status is Status.ACTUAL:
        frame = replace(frame, status=Status.TARGET)
    if frame.year != deadline:
        return frame
    earlier = [p for at, p in years.periods if at < position and p[1] == deadline]
    if earlier:
        return replace(frame, year=None, period=earlier[-1])
    if published_year is not None and published_year < deadline:
        return replace(frame, year=None, period=(published_year, deadline))
    return frame


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
