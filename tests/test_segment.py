"""Sentence and clause spans: a figure's frame must not leak into the next sentence."""

from __future__ import annotations

import pytest

import langnghe_extract.pipeline  # noqa: F401 - loads the stages in their import order
from langnghe_extract.extract import extract_all
from langnghe_extract.segment import split_clauses, split_sentences


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Xã có 5 làng. Năm 2019 đạt 20 tỷ.", ["Xã có 5 làng.", "Năm 2019 đạt 20 tỷ."]),
        # a sentence may open with a figure
        (
            "Tỉnh đạt kế hoạch đề ra. 2016 là năm đầy dấu ấn.",
            ["Tỉnh đạt kế hoạch đề ra.", "2016 là năm đầy dấu ấn."],
        ),
        (
            "Hộ nghèo giảm mạnh. 50 hộ đã thoát nghèo!",
            ["Hộ nghèo giảm mạnh.", "50 hộ đã thoát nghèo!"],
        ),
        # no end: abbreviations, digit grouping, a lower-case word after the mark
        ("TP. HCM có 1.350 hộ.", ["TP. HCM có 1.350 hộ."]),
        ("Ông ThS. Nguyễn Văn A nói.", ["Ông ThS. Nguyễn Văn A nói."]),
        ("Giá 3.5 triệu v.v. và hơn nữa.", ["Giá 3.5 triệu v.v. và hơn nữa."]),
        # quotes and line breaks
        ('Ông nói: "Làng có 30 hộ." Năm nay tăng.', ['Ông nói: "Làng có 30 hộ."', "Năm nay tăng."]),
        ("Dòng một\n\nDòng hai", ["Dòng một", "Dòng hai"]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_clauses_split_at_semicolons_only() -> None:
    text = "Năm 2019 đạt 5%, tăng 1%; năm 2020 đạt 7%."
    assert [text[a:b] for a, b in split_clauses(text, (0, len(text)))] == [
        "Năm 2019 đạt 5%, tăng 1%;",
        "năm 2020 đạt 7%.",
    ]


def test_a_plan_does_not_reach_a_sentence_opening_with_a_figure() -> None:
    text = "Tỉnh phấn đấu có thêm 20 làng nghề. 15 làng nghề đã được công nhận."
    statuses = [(f.candidate.number.value, f.frame.status.value) for f in extract_all(text)]
    assert statuses == [(20, "target"), (15, "actual")]
