"""The number grammar, phrase by phrase: value, upper bound, qualifier and quoted span."""

from __future__ import annotations

from decimal import Decimal

import pytest

from langnghe_extract.extract.numbers import find_numbers, parse_number
from langnghe_extract.extract.spelled import parse_number_words

# (phrase, expected quote, value, value_max, qualifier)
SEEN_IN_SEEDS = [
    ("có 118 làng nghề", "118", 118, None, "exact"),
    ("giá trị sản xuất 12.380 tỷ đồng", "12.380 tỷ", 12_380_000_000_000, None, "exact"),
    ("cho 78 nghìn lao động", "78 nghìn", 78_000, None, "exact"),
    ("chiếm tỷ lệ 58,19% tổng", "58,19", Decimal("58.19"), None, "exact"),
    ("đạt khoảng 15,35%/năm", "khoảng 15,35", Decimal("15.35"), None, "about"),
    ("đạt trên 8 triệu đồng", "trên 8 triệu", 8_000_000, None, "over"),
    ("cho hàng nghìn lao động", "hàng nghìn", 1000, None, "order"),
    ("cho hàng ngàn lao động", "hàng ngàn", 1000, None, "order"),
    ("hiện có 1.350 làng có nghề", "1.350", 1350, None, "exact"),
    ("đạt 41.748 tỷ đồng", "41.748 tỷ", 41_748_000_000_000, None, "exact"),
]
DIGITS = [
    ("5.247 hộ", "5.247", 5247, None, "exact"),
    ("2.500 lao động", "2.500", 2500, None, "exact"),
    ("1.000.000 đồng", "1.000.000", 1_000_000, None, "exact"),
    ("1,35 tỷ đồng", "1,35 tỷ", 1_350_000_000, None, "exact"),
    ("3,5 triệu đồng", "3,5 triệu", 3_500_000, None, "exact"),
    ("0,8 ha", "0,8", Decimal("0.8"), None, "exact"),
    ("1,350,000 USD", "1,350,000", 1_350_000, None, "exact"),
    ("2.5 triệu USD", "2.5 triệu", 2_500_000, None, "exact"),
    ("1.234,5 tỷ", "1.234,5 tỷ", 1_234_500_000_000, None, "exact"),
    ("có 7 làng.", "7", 7, None, "exact"),
    ("đạt 100%.", "100", 100, None, "exact"),
    ("có 12, 24 và 36 hộ", "12", 12, None, "exact"),
]
MULTIPLIERS = [
    ("1 tỷ 200 triệu đồng", "1 tỷ 200 triệu", 1_200_000_000, None, "exact"),
    ("3 triệu 500 nghìn đồng", "3 triệu 500 nghìn", 3_500_000, None, "exact"),
    ("hơn 1,2 nghìn tỷ đồng", "hơn 1,2 nghìn tỷ", 1_200_000_000_000, None, "over"),
    ("2 vạn lao động", "2 vạn", 20_000, None, "exact"),
    ("5 tỉ đồng", "5 tỉ", 5_000_000_000, None, "exact"),
    ("20 ngàn người", "20 ngàn", 20_000, None, "exact"),
    ("lương 5tr/tháng", "5tr", 5_000_000, None, "exact"),
    ("giá 200k một chiếc", "200k", 200_000, None, "exact"),
    ("3,5 trđ/tháng", "3,5 tr", 3_500_000, None, "exact"),
    ("1,5 triệu USD", "1,5 triệu", 1_500_000, None, "exact"),
]
WORDS = [
    ("ba mươi mốt làng nghề", "ba mươi mốt", 31, None, "exact"),
    ("một trăm hai mươi lăm hộ", "một trăm hai mươi lăm", 125, None, "exact"),
    ("hai nghìn không trăm linh năm người", "hai nghìn không trăm linh năm", 2005, None, "exact"),
    ("mười lăm nghệ nhân", "mười lăm", 15, None, "exact"),
    ("hai mươi tư hộ", "hai mươi tư", 24, None, "exact"),
    ("năm làng nghề", "năm", 5, None, "exact"),
    ("tám nghề truyền thống", "tám", 8, None, "exact"),
    ("một trăm linh năm hộ", "một trăm linh năm", 105, None, "exact"),
    ("ba trăm lẻ hai lao động", "ba trăm lẻ hai", 302, None, "exact"),
    ("Hai làng nghề", "Hai", 2, None, "exact"),
    ("mười hộ", "mười", 10, None, "exact"),
    ("chín mươi chín sản phẩm", "chín mươi chín", 99, None, "exact"),
]
QUALIFIERS = [
    ("hơn 10.000 lao động", "hơn 10.000", 10_000, None, "over"),
    ("ngoài 5 doanh nghiệp", "ngoài 5", 5, None, "over"),
    ("vượt 20 tỷ đồng", "vượt 20 tỷ", 20_000_000_000, None, "over"),
    ("dưới 30 tuổi", "dưới 30", 30, None, "under"),
    ("chưa đến 5 hộ", "chưa đến 5", 5, None, "under"),
    ("chưa tới 10%", "chưa tới 10", 10, None, "under"),
    ("gần 700 triệu đồng", "gần 700 triệu", 700_000_000, None, "about"),
    ("xấp xỉ 40%", "xấp xỉ 40", 40, None, "about"),
    ("ước 3.000 tỷ", "ước 3.000 tỷ", 3_000_000_000_000, None, "about"),
    ("chừng 50 hộ", "chừng 50", 50, None, "about"),
    ("độ 20 người", "độ 20", 20, None, "about"),
    ("Khoảng 5.247 hộ", "Khoảng 5.247", 5247, None, "about"),
    ("trên dưới 100 lao động", "trên dưới 100", 100, None, "about"),
    ("hàng chục tỷ đồng", "hàng chục tỷ", 10_000_000_000, None, "order"),
    ("hàng trăm lao động", "hàng trăm", 100, None, "order"),
    ("hàng triệu USD", "hàng triệu", 1_000_000, None, "order"),
    ("vài trăm hộ", "vài trăm", 100, None, "order"),
    ("mấy nghìn người", "mấy nghìn", 1000, None, "order"),
    ("hàng trăm nghìn lao động", "hàng trăm nghìn", 100_000, None, "order"),
]
RANGES = [
    ("3 - 4 sao", "3 - 4", 3, 4, "exact"),
    ("từ 5 đến 7 triệu đồng", "từ 5 đến 7 triệu", 5_000_000, 7_000_000, "exact"),
    ("5-7%", "5-7", 5, 7, "exact"),
    ("từ 3 tới 5 tỷ đồng", "từ 3 tới 5 tỷ", 3_000_000_000, 5_000_000_000, "exact"),
    ("10 – 15 hộ", "10 – 15", 10, 15, "exact"),
    ("khoảng 200 - 300 lao động", "khoảng 200 - 300", 200, 300, "about"),
]
ALL = SEEN_IN_SEEDS + DIGITS + MULTIPLIERS + WORDS + QUALIFIERS + RANGES


@pytest.mark.parametrize(
    ("phrase", "quote", "value", "value_max", "qualifier"), ALL, ids=[a[0] for a in ALL]
)
def test_number_phrase(
    phrase: str, quote: str, value: object, value_max: object, qualifier: str
) -> None:
    match = find_numbers(phrase)[0]
    assert phrase[match.start : match.end] == quote
    assert match.value == Decimal(str(value))
    assert match.value_max == (None if value_max is None else Decimal(str(value_max)))
    assert match.qualifier.value == qualifier


NOT_QUANTITIES = [
    "năm 2019",
    "Năm 2018, toàn tỉnh",
    "giai đoạn 2011-2019",
    "ngày 29/01/2026",
    "16-09-2021",
    "lúc 17:31",
    "10:04GMT+7",
    "Nghị định số 52/2018/NĐ-CP",
    "Kế hoạch 148/KH-UBND",
    "lần thứ 3",
    "thứ nhất",
    "Page 208",
    "Mỗi xã một sản phẩm",
    "một số ngành hàng",
    "mỗi năm có",
    "năm nay",
    "trong năm qua",
    "tháng 6",
    "quý 3",
    "1.1.1.1.1",
    "không phải",
    "ba mươi năm qua",
]


@pytest.mark.parametrize("phrase", NOT_QUANTITIES)
def test_not_a_quantity(phrase: str) -> None:
    values = [phrase[m.start : m.end] for m in find_numbers(phrase)]
    assert values in ([], ["ba mươi"]), values


def test_sentence_end_dot_is_punctuation() -> None:
    text = "Toàn tỉnh có 118. Năm sau có 120."
    assert [text[m.start : m.end] for m in find_numbers(text)] == ["118", "120"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.350", 1350),
        ("58,19", Decimal("58.19")),
        ("12.380", 12380),
        ("7", 7),
        ("1,350,000", 1350000),
    ],
)
def test_parse_number(text: str, value: object) -> None:
    assert parse_number(text) == Decimal(str(value))


@pytest.mark.parametrize("text", ["", "abc", "1..2", "1,2,3"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "words", ["mươi", "trăm", "ba hai", "mười mười", "nghìn", "tư", "hai mươi năm"]
)
def test_parse_number_words_rejects(words: str) -> None:
    assert parse_number_words(words.split()) is None


@pytest.mark.parametrize(
    "phrase",
    [
        "mười mấy hộ",
        "hai mươi mấy người",
        "ba mươi mấy năm",
        # digits too, and the multiplier after "mấy" is not read again as "mấy nghìn" (thousands)
        "giá tầm 2 mấy tỷ đồng",
        "20 mấy người",
        "mười mấy nghìn lao động",
        "hai mấy triệu đồng",
    ],
)
def test_vague_numbers_are_no_figure(phrase: str) -> None:
    """ "mười mấy hộ" is ten-odd households: no figure to report (was read as 10)."""
    assert find_numbers(phrase) == []


def test_a_vague_number_leaves_the_next_figure() -> None:
    found = find_numbers("mười mấy nghìn người và 300 hộ")
    assert [m.value for m in found] == [300]
