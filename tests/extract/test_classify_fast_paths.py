"""The fast paths of a figure's classification (issue #7) give exactly what the plain code gave.

``_first_candidate`` runs the extractors only where ``unit_may_follow`` finds the first word of
a unit after the figure, ``subject_count`` reads its subject pattern only after a link word
(``_subject_link``), a quantity's rate is read only where a slash or a rate's first word
follows (``_rate_after``), ``find_place`` looks for ``tại đây`` only in a sentence holding
``đây`` (``_may_say_here``) and ``find_deadline`` for ``đến năm …`` only where ``19`` or ``20``
is written (``_names_a_century``). Each check here runs the extract stage with and without these
tests, and checks at every figure that a test passes wherever the plain code finds something.
"""

from __future__ import annotations

import pytest
import regex
from fixture_texts import with_fixture_texts

from langnghe_extract import extract
from langnghe_extract.extract import (
    EXTRACTORS,
    Site,
    context,
    counts,
    extract_all,
    quantities,
    timeframe,
    unit_may_follow,
)
from langnghe_extract.extract.number_grammar import AHEAD
from langnghe_extract.extract.numbers import find_numbers
from langnghe_extract.segment import split_sentences

SENTENCES = [
    "Năm 2023, doanh thu đạt 12.380 tỷ đồng, tăng 15,35% so với năm trước.",
    "Theo kế hoạch, dự kiến đến năm 2025 có 50 làng nghề được công nhận.",
    "Huyện Chương Mỹ có 36 làng được công nhận, toàn tỉnh có 118 làng nghề.",
    "Thu nhập bình quân 5 triệu đồng/người/tháng, tăng 1,2 triệu đồng so với năm 2020.",
    "Làng nghề thu hút hơn 10.000 lao động, 5.247 hộ và 7 nghệ nhân.",
    "Tỉnh có 25 sản phẩm OCOP đạt 4 sao, 3 sản phẩm đạt 5 sao.",
    "Doanh thu đạt 500 tỷ, lợi nhuận 40 tỷ; 78 triệu người xem, 6 đồng chí dự.",
    "Giá 50.000đ/kg, 2 triệu USD, 3 Euro, 5 đô-la Mỹ, 12 phần trăm, 7 VNĐ.",
    "Thị_xã Từ_Sơn có 12 làng_nghề, 300 Hộ và 20 HTX; 15 %/năm.",
    "Tỉnh nâng tổng số làng nghề được công nhận lên 45, số hộ tham gia là 300.",
    "Tổng số lao động đạt khoảng 10.000, số sản phẩm đạt 4 sao chiếm 27,4%.",
    "Có 52 sản phẩm cấp huyện, 17 cấp tỉnh; 120 làng nghề, trong đó 45 truyền thống.",
    "Ngày 29/01/2026, lần thứ 3, năm 2019, 2 nhóm làng nghề, 1.350 hộ đạt 80% trở lên.",
    "Mỗi năm làng xuất khẩu 2,5 triệu sản phẩm, mang về khoảng 45 tỷ đồng.",
    "Làng Văn Môn (xã Văn Môn). 96 cơ sở TẠI ĐÂY gây ô nhiễm, nơi_đây có 12 lò.",
    "Ở đây có 30 hộ làm nghề; 5 hộ có lò riêng ở Đây.",
    "Phấn đấu đến năm 2030 có 60 sản phẩm; Đến Năm 1999 có 5 làng, tính đến năm 2020 có 9.",
]


def _texts() -> list[str]:
    return with_fixture_texts(SENTENCES)


@pytest.mark.parametrize("text", _texts())
def test_extract_all_alike_with_and_without_the_fast_paths(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = extract_all(text)
    monkeypatch.setattr(extract, "unit_may_follow", lambda *_: True)
    monkeypatch.setattr(context, "_may_say_here", lambda *_: True)
    monkeypatch.setattr(timeframe, "_names_a_century", lambda *_: True)
    monkeypatch.setattr(counts, "_subject_link", lambda: regex.compile("", regex.REVERSE))
    monkeypatch.setattr(
        quantities, "_rate_after", lambda text, end, units: units.rate.match(text, end, end + AHEAD)
    )
    assert extract_all(text) == fast


@pytest.mark.parametrize("text", _texts())
def test_a_unit_may_follow_every_figure_an_extractor_reads(text: str) -> None:
    numbers = find_numbers(text)
    for sentence in split_sentences(text):
        for number in (n for n in numbers if sentence[0] <= n.start < sentence[1]):
            site = Site(sentence, sentence, sentence[1])
            read = [f(text, number, site) for _, f in EXTRACTORS]
            assert unit_may_follow(text, number) or read == [None] * len(read)


@pytest.mark.parametrize("text", _texts())
def test_a_link_precedes_every_subject_count(text: str) -> None:
    for number in find_numbers(text):
        for start in range(max(0, number.start - 80), number.start + 1, 7):
            plain = counts._subject_regex().search(text, start, number.start)
            link = counts._subject_link().match(text, start, number.start)
            assert plain is None or link is not None


@pytest.mark.parametrize("text", _texts())
def test_a_rate_start_precedes_every_rate(text: str) -> None:
    units = quantities._units()
    for at in range(len(text)):
        if units.rate.match(text, at, at + AHEAD) is not None:
            assert units.rate_start.match(text, at, at + AHEAD) is not None


def test_the_rate_start_reads_slashes_and_words() -> None:
    text = "15 %/năm, 5 triệu đồng / người / tháng, 45 tỷ đồng Mỗi_năm, 40 tỷ đồng của"
    rates = [q.per for q in quantities.find_quantities(text)]
    assert rates == ["year", "person/month", "year", None]


@pytest.mark.parametrize("text", _texts())
def test_here_found_alike_with_and_without_the_word_test(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def here() -> list[str | None]:
        return [
            context._place_here(text, sentence, min(sentence[1], number.end + offset))
            for sentence in split_sentences(text)
            for number in find_numbers(text)
            if sentence[0] <= number.start < sentence[1]
            for offset in (0, 5)
        ]

    fast = here()
    monkeypatch.setattr(context, "_may_say_here", lambda *_: True)
    assert here() == fast


@pytest.mark.parametrize("text", _texts())
def test_deadline_found_alike_with_and_without_the_century_test(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def deadlines() -> list[int | None]:
        return [
            timeframe.find_deadline(text, sentence, number.start)
            for sentence in split_sentences(text)
            for number in find_numbers(text)
            if sentence[0] <= number.start < sentence[1]
        ]

    fast = deadlines()
    monkeypatch.setattr(timeframe, "_names_a_century", lambda *_: True)
    assert deadlines() == fast


def test_the_unit_test_reads_any_case_and_segmented_words() -> None:
    """``đơn vị`` and ``đồ_gỗ`` start with ``đ`` (a currency) but are other words."""
    text = "có 12 LÀNG_NGHỀ, 3 Euro, 50.000đ, 7 %, 2 nhóm, 40 đơn vị, 9 đồ_gỗ"
    found = [unit_may_follow(text, n) for n in find_numbers(text)]
    assert found == [True, True, True, True, False, False, False]


def test_bare_money_is_left_to_the_extractors() -> None:
    text = "Doanh thu đạt 500 tỷ, cao nhất từ trước tới nay"
    (number,) = find_numbers(text)
    assert unit_may_follow(text, number)
    assert extract_all(text)[0].candidate.unit == "VND"
