"""The fast paths of issue #7 give exactly what the plain scans gave.

Whole-text scans try their pattern only where a first word can start (``search_at``), and
type words of districts are read back only after a letter one can end with: each check here
compares the fast path with the plain ``finditer``/``search`` on sentences written for it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
import regex
from fixture_texts import fixture_texts

from langnghe_extract.extract import context, number_grammar, numbers, status, timeframe
from langnghe_extract.extract.gazetteer import scan_names
from langnghe_extract.extract.labels import fraction_end
from langnghe_extract.extract.localities import _INDEXES, _places, _votes, locality_code
from langnghe_extract.extract.localities import _name_starts as _locality_starts
from langnghe_extract.extract.number_grammar import load_grammar
from langnghe_extract.extract.numbers import parse_number
from langnghe_extract.extract.patterns import (
    WordStarts,
    finditer_at,
    finditer_in_sentence,
    or_regex,
)
from langnghe_extract.extract.provinces import _name_regex, _name_starts
from langnghe_extract.extract.spelled import read_word_run
from langnghe_extract.extract.timeframe import _cues, find_periods, latest_year
from langnghe_extract.furniture import _cut_glued
from langnghe_extract.furniture import _patterns as _furniture_patterns
from langnghe_extract.segment import split_sentences
from langnghe_extract.url_title import title_from_slug

SENTENCES = [
    "Giai đoạn 2021-2025, tỉnh có 35 làng nghề; NĂM 2019 mới có 28.",
    "Từ năm 2010 đến năm 2015, thời kỳ 2016 – 2020 và trong năm nay, năm ngoái, năm tới.",
    "Mấy năm nay, những năm nay và 3 năm nay sản lượng tăng; nhiệm kỳ 2020-2025 đạt.",
    "Tính đến năm 2020 có 12 hợp tác xã, đến năm 2025 phấn đấu TỚI NĂM 2030 đạt 50.",
    "Hai mươi lăm hộ, hàng nghìn lao động, vài trăm sản phẩm, Mười ba xã, ba mươi mốt.",
    "Liên hệ +84 912 345 678 hoặc 0912345678, ngày 29/01/2026 lúc 17:31, giá 1.350.000 đồng.",
    "Doanh thu 12.380 tỷ đồng, tăng 58,19%; 1,350,000 USD; năm 2019; 3.5 ha; ７ người.",
    "Cuối năm 2023, hết năm 2024, đầu năm 2022 và niên vụ 2021 – 2022; H2O, A1, 19 và 20.",
    "cộng dồn đến hết năm 2019 và lũy kế tới năm 2018; từ 2015 tới 2020",
    "Làng_nghề huyện_Gia_Lâm có 1.200 hộ, năm_2020 đạt 35 tỷ.",
    "Du khách về phố cổ Hội An, Sa Pa, Hạ Long; nắng hạ long lanh, Sa Pang, Bát_Tràng.",
    "HÀ NỘI - Gốm ĐĂK LĂK, Thanh Hoá, TP. HCM, Thừa_Thiên_Huế, Bà Rịa-Vũng Tàu và Đắc Lắc.",
]


def _texts() -> list[str]:
    return [*SENTENCES, *fixture_texts()]


def _key(m: regex.Match[str] | None) -> object:
    return None if m is None else (m.span(), m.lastgroup, m.groupdict())


def _pairs() -> list[tuple[Any, WordStarts]]:
    cues, grammar = _cues(), load_grammar()
    return [
        (cues.time, cues.time_start),
        (cues.deadline, cues.deadline_start),
        (grammar.core, grammar.core_start),
        (_places()[0], _places()[2]),
    ]


@pytest.mark.parametrize("text", [*_texts(), "İSTANBUL năm 2019 có İ 12 hộ"])
def test_finditer_at_is_finditer(text: str) -> None:
    for pattern, starts in _pairs():
        plain = [_key(m) for m in pattern.finditer(text)]
        assert [_key(m) for m in finditer_at(pattern, starts, text)] == plain


@pytest.mark.parametrize("text", SENTENCES)
def test_every_match_starts_at_a_found_start(text: str) -> None:
    """``pattern.search`` from every position starts at one of the positions found."""
    for pattern, starts in _pairs():
        found = set(starts.positions(text))
        for position in range(len(text) + 1):
            match = pattern.search(text, position)
            assert match is None or match.start() in found


def test_starts_skip_words_inside_words() -> None:
    starts = WordStarts.of(["ba", "năm nay"], r"\d++")
    assert starts.positions("Cuba có ba NĂM nay 12") == [8, 11, 19]  # not the "ba" of "Cuba"
    assert starts.positions("İ ba") == [2]  # lower() lengthens "İ": the pattern scan instead


def test_periods_and_latest_year_share_one_scan() -> None:
    text = "Giai đoạn 2016-2020 có 80 làng nghề, năm 2021 có 95. Đến năm 2030 có 150."
    assert find_periods(text) == [(0, (2016, 2020))]
    assert latest_year(text) == 2021
    assert find_periods("Năm 2018 có 20 làng nghề.") == []  # the kept scan is for one text only
    assert latest_year(text) == 2021


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Làng nghề HUYỆN GIA LÂM phát triển", "01"),
        ("Sản phẩm của huyện\nGia Lâm và huyện  Gia Lâm", "01"),
        ("Làng_nghề huyện_Gia_Lâm", "01"),
        ("Ông Gia Lâm nói", None),  # no type word: a person's name
        ("1." * 5000 + "huyện Gia Lâm", "01"),  # a run of "1.1.1…" gives no name start
    ],
)
def test_locality_after_its_type_word(text: str, code: str | None) -> None:
    assert locality_code(text) == code


def test_locality_starts_only_after_type_words() -> None:
    """Every name the plain reading (each capitalised word) finds is still found."""
    text = "Xã Duyên Thái, huyện Thường Tín; thị xã Cửa Lò; thành phố Huế; Quận 1; phường Cửa Lò."
    for index in _INDEXES:
        votes = _votes(text, index())
        plain = regex.compile(r"(?<![\p{L}\p{M}\p{N}])[\p{Lu}\d]")
        found = [
            m.start() for m in plain.finditer(text) if index().pattern.search(text, 0, m.start())
        ]
        assert bool(votes) == bool(found)


@pytest.mark.parametrize(
    "text",
    [
        *_texts(),
        "thị xã Cửa Lò, Thị  xã_Sơn Tây, THÀNH PHỐ Huế, quận 1, huyệnGia Lâm, xã\nTân An, Quận",
    ],
)
def test_locality_name_starts_are_the_look_behind_reading(text: str) -> None:
    """The type words found first give the places a look-behind scan for one gave."""
    for index in _INDEXES:
        kinds = or_regex({kind for kind, _ in index().codes})
        behind = regex.compile(rf"(?<=(?i:{kinds})[\s_]++)[\p{{Lu}}\d]")
        plain = [m.start() for m in behind.finditer(text)]
        fast = _locality_starts(text, index())
        assert [p for p in plain if index().pattern.search(text, max(0, p - 20), p)] == [
            p for p in fast if index().pattern.search(text, max(0, p - 20), p)
        ]
        assert set(fast) <= set(plain)


def test_slug_title_reads_the_last_word_and_capitals() -> None:
    words = ["hop", "tac", "xa", "gom", "bat", "trang"]
    text = "Bát Tràng có hợp tác xã. Hợp tác xã gốm của Bát Tràng"
    assert title_from_slug(words, text) == "Hợp tác xã gốm Bát Tràng"


@pytest.mark.parametrize("text", _texts())
def test_province_names_found_from_their_first_words(text: str) -> None:
    """Skipping capitalised words that open no name loses no name."""
    every = [(m.span(), m["name"]) for m in scan_names(text, _name_regex())]
    fast = [(m.span(), m["name"]) for m in scan_names(text, _name_regex(), _name_starts())]
    assert fast == every


GLUED = [
    "Làng gốm Phù Lãng. Ảnh: Hồng Vĩnh. Năm 2023 làng có 160 hộ.",
    "Ươm tơ. (Ảnh: Khiếu Tư/TTXVN) Dự án có 25 hộ tham gia. Thợ dệt. Ảnh: Minh Đức  Xã có 46 hộ.",
    "Năm 2023 xã có 160 hộ làm nghề. " * 40 + "Thợ đan mây. Ảnh: L.A Qua khảo sát, 12 cơ sở.",
    "Mở đầu. " + "x" * 249 + ". (   Ảnh: Văn Bình) Cuối cùng. Ảnh hưởng lớn: không.",
    "Ảnh: TTXVN Ảnh: Hải An. Ảnh: Minh Châu. Ảnh minh họa: Internet. Câu cuối.",
]


@pytest.mark.parametrize("line", GLUED)
def test_glued_captions_cut_near_credits_only(line: str) -> None:
    """The windowed search around each credit gives what ``subn`` over the line gave."""
    patterns = _furniture_patterns()
    assert _cut_glued(line, patterns) == patterns["glued"].subn("", line)


FRAMES = [
    "Trường hợp giá giảm, nếu mỗi hộ đầu tư 50 triệu đồng thì tổng vốn sẽ đạt 10 tỷ đồng.",
    "Nếu như năm 2015 chỉ có 20 sản phẩm, thì nay đã có 150; trường hợp khác, Giả sử 3 hộ.",
    "Tỉnh PHẤN ĐẤU đến năm 2030 có 200 làng nghề, hiện có 150, dự kiến năm tới đạt 12%.",
    "Kế hoạch đề ra: mục tiêu 6,7%, đã đạt 102% kế hoạch; Trung tâm Dự báo nhu cầu sẽ mở.",
    "nếu trường hợp 5 hộ; ,trường hợp 6 hộ; :Trường_hợp 7 hộ, 1nếu, _nếu, sẽđược, giả  sử 8.",
    "Tính đến năm 2020 có 118 làng nghề; từ năm 2010 đến năm 2015, so với cùng kỳ năm 2022.",
    "İstanbul sẽ có 12 hộ, nếu năm nay đạt; ước tính năm 2019 – 2020 hết năm 2021 trường hợp 9.",
    "Giá trị sản xuất đạt 12.380 tỷ đồng, doanh thu TĂNG 58,19%; tỷ lệ hộ nghèo giảm, lương thực.",
    "TỔNG VỐN_đầu tư 5 tỷ, giá bán 40.000 đồng/kg, tốc độ tăng trưởng 15,35%/năm, giảmgiá 3%.",
]


def _windows(text: str) -> list[tuple[tuple[int, int], int, int]]:
    """Windows inside each sentence: from its start to every position, from every position to
    its end, and a spread of windows between."""
    found = []
    for sentence in split_sentences(text):
        first, last = sentence
        found += [(sentence, first, end) for end in range(first, last + 1)]
        found += [(sentence, start, last) for start in range(first, last + 1)]
        found += [
            (sentence, start, end)
            for start in range(first, last, 7)
            for end in range(start, last + 1, 11)
        ]
    return found


@pytest.mark.parametrize("text", [*SENTENCES, *FRAMES, *_texts()[len(SENTENCES) :]])
def test_sentence_scans_are_finditer(text: str) -> None:
    """Status cues, conditions, years, deadlines and measures tried only at a sentence's starts
    are the matches of the plain ``finditer`` over each window, ``\\G`` of conditions included."""
    cues, measures = status._cues(), context._cues()
    pairs = [
        *_pairs()[:2],
        *((measures.measures[k], measures.measure_starts[k]) for k in measures.measures),
    ]
    for sentence, start, end in _windows(text):
        fast = [_key(m) for m in status._status_cues(text, sentence, start, end)]
        assert fast == [_key(m) for m in cues.status.finditer(text, start, end)]
        for pattern, starts in pairs:  # years, deadlines and measures
            fast = finditer_in_sentence(pattern, starts, text, sentence, (start, end))
            plain = pattern.finditer(text, start, end)
            assert [_key(m) for m in fast] == [_key(m) for m in plain]
        if start == sentence[0]:
            fast = [_key(m) for m in status._conditions(text, sentence, end)]
            assert fast == [_key(m) for m in cues.conditional.finditer(text, start, end)]


def test_sentence_starts_are_per_sentence() -> None:
    """A window reaching out of the sentence the starts were found for scans plainly."""
    text = "Năm 2018 có 20 hộ. Nếu mỗi hộ sẽ có 40 hộ năm 2025"
    sentence, time = (0, 18), timeframe._cues()
    years = finditer_in_sentence(time.time, time.time_start, text, sentence, (0, len(text)))
    assert [m.group() for m in years] == ["Năm 2018", "năm 2025"]
    assert [m.group() for m in status._status_cues(text, sentence, 0, len(text))] == ["sẽ"]
    assert [m.group() for m in status._conditions(text, sentence, len(text))] == ["Nếu"]


# --- Numbers (issue #7): the looks that spare a pattern, checked against the pattern itself. ---

NUMBER_PHRASES = [
    "Toàn tỉnh có hơn 1.350 hộ, ba mươi mốt làng nghề; năm 2019, NĂM  2020 và năm\n2021.",
    "Hàng nghìn lao động, Mỗi xã một sản phẩm, 2 mấy tỷ, mười mấy nghìn, hai mươi MẤY người.",
    "Có 27/31 sản phẩm đạt 3 sao, 18/18 xã, ngày 3/5 xã họp; 29/01/2026 lúc 17:31, 148/KH-UBND.",
    "Giá từ 5 đến 7 triệu đồng, 3 - 4 sao, 70%-80%, 5-7%, 100.000 - 1 triệu, từ 2 tới 3 tỷ.",
    "(~ 613 triệu đồng), (>20%), <5%, ≥ 90%, >=\t7, => 5 hộ, -> 6, ≈3 ha, ∼ 4 tấn.",
    "Cao hơn 4%, HƠN 5 HỘ, KHOẢNG 10 TỶ, Ngoài 5 nhà máy trên, vượt 26,7% kế hoạch, tối đa 9.",
    "Lần thứ 3, phân hạng 17 sản phẩm, Top 10, P. 5, Quyết định số 12, nhiệm kỳ 2020-2025.",
    "Thu 5tr, 200k, 3,5 trđ, 1 tỷ 200 triệu 500 nghìn, nửa tỷ, 40,000 người, 14,370 USD.",
    "Giai đoạn 2011-2019, 1947 – 304.375 USD, ０１２ hộ, İ 12 hộ, chừng\u00a020, khoảng\n15 ha.",
    "Vài trăm, dăm ba học viên, mấy nghìn, hai ba người, có một không hai, ba mươi năm, 09123456.",
]


def _plain_grammar() -> Any:
    """The grammar with every look-ahead set empty: each pattern is tried, as before issue #7."""
    return dataclasses.replace(
        load_grammar(),
        not_vague=frozenset(),
        not_multiplier=frozenset(),
        not_between=frozenset(),
        not_bound_unit=frozenset(),
        label_ends=frozenset(),
        qualifier_ends=frozenset(),
    )


@pytest.mark.parametrize("text", [*NUMBER_PHRASES, *_texts()])
def test_numbers_read_as_with_every_pattern_tried(text: str) -> None:
    plain = _plain_grammar()
    slow = [numbers._with_qualifier(text, m, plain) for m in numbers._iter_cores(text, plain)]
    assert numbers.find_numbers(text) == slow


@pytest.mark.parametrize("text", NUMBER_PHRASES)
def test_number_looks_reject_only_what_the_patterns_reject(text: str) -> None:
    """Where a look says a pattern cannot match, at any position, it does not."""
    grammar, ahead = load_grammar(), number_grammar.AHEAD
    after = [
        (grammar.vague_after, grammar.not_vague),
        (grammar.multiplier, grammar.not_multiplier),
        (grammar.range_between, grammar.not_between),
        (grammar.bound_unit, grammar.not_bound_unit),
    ]
    before = [
        (grammar.label_before, grammar.label_ends, 20),
        (grammar.qualifier_before, grammar.qualifier_ends, 40),
    ]
    for at in range(len(text) + 1):
        for pattern, never in after:
            if numbers._cannot_open(text, at, never):
                assert pattern.match(text, at, at + ahead) is None
        for pattern, ends, window in before:
            if at and number_grammar.closes_none(text, at, ends):
                assert pattern.search(text, max(0, at - window), at) is None
        if at and not numbers._after_sign(text, at, grammar):
            assert grammar.qualifier_sign.search(text, max(0, at - 4), at) is None


def test_number_looks_are_used() -> None:
    """The looks reject the usual neighbours of a figure, or they would cost for nothing."""
    grammar, text = load_grammar(), "có 12 hộ"
    assert numbers._cannot_open(text, 5, grammar.not_vague)
    assert numbers._cannot_open(text, 5, grammar.not_multiplier)
    assert number_grammar.closes_none(text, 3, grammar.label_ends)
    assert number_grammar.closes_none(text, 3, grammar.qualifier_ends)
    assert not numbers._after_sign(text, 3, grammar)


def _plain_fraction_end(text: str, start: int, end: int) -> int | None:
    found = regex.compile(r"/(?P<whole>\d{1,6}+)(?=[ \t]++\p{Ll})").match(text, end, end + 8)
    if found is None or not text[start:end].isdecimal():
        return None
    whole = int(found.group("whole"))
    return found.end() if whole >= 13 and int(text[start:end]) <= whole else None


@pytest.mark.parametrize("text", NUMBER_PHRASES)
def test_digit_runs_read_as_parse_number(text: str) -> None:
    """Plain digits are read at once, and the "/whole" looked for only after a slash."""
    grammar = load_grammar()
    for found in regex.finditer(r"\d++", text):
        start, end = found.span()
        assert fraction_end(text, start, end) == _plain_fraction_end(text, start, end)
        core = grammar.core.match(text, start)
        if core is not None and core.lastgroup == "digits":
            read = numbers._read_digits(text, core, grammar)
            written = core.group()
            if "," not in written:  # the English grouping is read before parse_number
                value = parse_number(written)
                assert (read is None) == (value is None)
                assert read is None or read.value == value


@pytest.mark.parametrize("text", NUMBER_PHRASES)
def test_word_runs_read_as_before(text: str) -> None:
    """A run of number words read once per spelling gives what reading its tokens gave."""
    grammar = load_grammar()
    for start in grammar.core_start.positions(text):
        core = grammar.core.match(text, start)
        if core is None or core.lastgroup != "words":
            continue
        tokens = list(regex.finditer(r"[^\s_]++", core.group()))
        read = read_word_run(tuple(token.group().lower() for token in tokens))
        found = numbers._read_words(core)
        if read is None:
            assert found is None
        else:
            assert found is not None
            assert (found.words, found.value, found.factor) == read
            assert found.end == core.start() + tokens[read[0] - 1].end()
