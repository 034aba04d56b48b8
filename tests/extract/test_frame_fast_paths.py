"""The fast paths of a figure's frame (issue #7) give exactly what the plain scans gave.

``find_place`` skips its place patterns when the sentence names no place type; each check
here runs it with and without that test, at every figure of sentences written for it.
"""

from __future__ import annotations

import pytest
from fixture_texts import with_fixture_texts

from langnghe_extract.extract import context
from langnghe_extract.extract.numbers import find_numbers
from langnghe_extract.segment import split_sentences

PLACE_SENTENCES = [
    "Huyện Chương Mỹ có 36 làng được công nhận, toàn tỉnh có 118 làng nghề.",
    "Tại xã Bát Tràng, có 300 cơ sở; 45 làng nghề của huyện Phú Xuyên.",
    "Làng Văn Môn (xã Văn Môn). 96 cơ sở tại đây gây ô nhiễm với 12 lò.",
    "Làng chiếu Hới (xã Tân Lễ). Hiện toàn xã có 1.100 hộ, xã này có 20 HTX.",
    "huyện Nam Đông 6,13 tỷ đồng; huyện Phú Lộc 17,19 tỷ đồng; THỊ XÃ SƠN TÂY: 9 làng.",
    "Thị_xã Từ_Sơn có 12 làng_nghề, thôn Đông Kỵ 300 hộ, xóm Chùa 40 hộ.",
    "Tỉnh có 62 làng nghề truyền thống, 5.247 hộ và hơn 10.000 lao động.",
    "Năm 2023, doanh thu đạt 12.380 tỷ đồng, tăng 15,35% so với năm trước.",
    "Hiện nay, 25 sản phẩm OCOP đạt 4 sao ở đây, nơi đây có 7 nghệ nhân.",
    "Phường Đồng Kỵ (TP. Từ Sơn) có 1.800 hộ, trên 300 doanh nghiệp.",
]


def _texts() -> list[str]:
    return with_fixture_texts(PLACE_SENTENCES)


def _places(text: str) -> list[str | None]:
    """``find_place`` at every figure of ``text``, its quote ending five characters on."""
    found = []
    for start, end in split_sentences(text):
        for number in find_numbers(text[start:end]):
            at = start + number.start
            found.append(context.find_place(text, (start, end), at, min(end, at + 5)))
    return found


@pytest.mark.parametrize("text", _texts())
def test_place_found_alike_with_and_without_the_type_word_test(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _places(text)
    monkeypatch.setattr(context, "_names_a_place_type", lambda *_: True)
    assert _places(text) == fast


def test_the_type_word_test_reads_any_case_and_segmented_words() -> None:
    text = "THỊ_XÃ Sơn Tây có 9 làng; Làng gốm có 3 lò; tỉnh có 5 hộ"
    village, province = text.index("Làng gốm"), text.index("tỉnh")
    assert context._names_a_place_type(text, 0, 15)
    assert context._names_a_place_type(text, village, village + 8)
    assert not context._names_a_place_type(text, province, len(text))
