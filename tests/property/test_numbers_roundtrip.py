"""A number rendered the Vietnamese way reads back as exactly one match of the same value,
spanning the whole string: ``1.350``, ``58,19``, ``12.380 tỷ``, ``hơn 1.350``."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from strategies import (
    QUALIFIERS,
    Written,
    written_decimals,
    written_integers,
    written_multiplied,
    written_numbers,
)

from langnghe_extract.extract.numbers import find_numbers

SETTINGS = settings(max_examples=200, deadline=None)


def assert_reads_back(text: str, value: Decimal, qualifier: str = "exact") -> None:
    matches = find_numbers(text)
    assert [(m.start, m.end, m.value, m.qualifier.value) for m in matches] == [
        (0, len(text), value, qualifier)
    ], text


@SETTINGS
@given(written_integers())
@example(Written("0", Decimal(0)))
@example(Written("1.000", Decimal(1000)))
@example(Written("1.000.000.000.000", Decimal(10**12)))
def test_integers_read_back(number: Written) -> None:
    assert_reads_back(number.text, number.value)


@SETTINGS
@given(written_decimals())
@example(Written("58,19", Decimal("58.19")))
@example(Written("0,5", Decimal("0.5")))
@example(Written("1.234,56", Decimal("1234.56")))
def test_decimals_read_back(number: Written) -> None:
    assert_reads_back(number.text, number.value)


@SETTINGS
@given(written_multiplied())
@example(Written("12.380 tỷ", Decimal(12380 * 10**9)))
@example(Written("78 nghìn", Decimal(78000)))
@example(Written("1,5 triệu", Decimal(1_500_000)))
def test_multiplied_numbers_read_back(number: Written) -> None:
    assert_reads_back(number.text, number.value)


@SETTINGS
@given(st.sampled_from(sorted(QUALIFIERS)), written_numbers)
def test_qualified_numbers_read_back(qualifier: str, number: Written) -> None:
    assert_reads_back(f"{qualifier} {number.text}", number.value, QUALIFIERS[qualifier])


@SETTINGS
@given(written_numbers, st.sampled_from(["làng nghề", "lao động", "hộ", "đồng", "%", "."]))
def test_a_following_noun_is_not_part_of_the_number(number: Written, noun: str) -> None:
    [match] = find_numbers(f"{number.text} {noun}")
    assert (match.start, match.end, match.value) == (0, len(number.text), number.value)


plain_numbers = st.one_of(written_integers(), written_decimals())


@SETTINGS
@given(plain_numbers, plain_numbers, st.sampled_from([" - ", " – ", " đến "]), st.booleans())
@example(Written("3", Decimal(3)), Written("4", Decimal(4)), " - ", False)
@example(Written("5", Decimal(5)), Written("7", Decimal(7)), " đến ", True)
def test_ranges_read_back_as_one_match(low: Written, high: Written, sep: str, opener: bool) -> None:
    assume(low.value < high.value)
    text = f"{'từ ' if opener else ''}{low.text}{sep}{high.text}"
    assert [(m.start, m.end, m.value, m.value_max) for m in find_numbers(text)] == [
        (0, len(text), low.value, high.value)
    ], text


# Found by the range property with an unspaced dash: "1.000-2" reads as a date (DD.MM-YY) on the
# left and "0-2.000" as the tail of one on the right, so the whole range is dropped.
UNSPACED_DOTTED_RANGES = [
    ("1.000-2.000 lao động", 1000, 2000),
    ("5.000-7.000 hộ", 5000, 7000),
    ("1.200-1.500 tỷ đồng", 1200 * 10**9, 1500 * 10**9),
]


@pytest.mark.parametrize(("text", "low", "high"), UNSPACED_DOTTED_RANGES)
def test_unspaced_dotted_ranges_read_back(text: str, low: int, high: int) -> None:
    [match] = find_numbers(text)
    assert (match.start, match.value, match.value_max) == (0, low, high)
