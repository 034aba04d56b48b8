"""The fast paths of the province scan (issue #7) give exactly what the plain scans gave.

Each check compares a fast path with the plain pattern it replaces, on sentences written for it:
capitalised, ALL CAPS, word-segmented and NFD names, old and new tone placement, the Kelvin sign
"K" and the dotted "İ" (case partners ``regex`` matches), traps and words inside words.
"""

from __future__ import annotations

import itertools
import unicodedata
from typing import Any

import pytest
import regex

from langnghe_extract.extract.gazetteer import (
    _UPPER,
    CAPITALISED,
    NAME_START,
    _letter_trie,
    _token_regex,
    lowered_spellings,
    scan_names,
    token_spellings,
)
from langnghe_extract.extract.localities import _places, _places_in
from langnghe_extract.extract.provinces import (
    _entries,
    _name_regex,
    _name_starts,
    _prominent,
    _scores,
    _usable,
    choose_province,
)
from langnghe_extract.extract.roles import _RESIDENCE_WINDOW, _residence_regex, _residence_words
from langnghe_extract.extract.zones import menu_lines
from langnghe_extract.literals import CASE_POOL, case_variants, window_holds_any

SENTENCES = [
    "Tỉnh Thanh Hoá và TP. HCM, Thừa_Thiên_Huế, Bà Rịa-Vũng Tàu, ĐẮK LẮK, Đăk Lăk, Đắc Lắc.",
    "HÀ NỘI - Sở_Công_Thương_Thanh_Hoá cùng Hà_Nội; THANH HÓA: tin; ThANH hÓA; tHANH hoá.",
    "Vì hòa bình ở Thái Bình Dương, đường Điện Biên Phủ, nước Lào; Nguyễn Hòa Bình, xã Hòa Bình.",
    "CHÀ, KHÀ, THÀNH PHỐ, xThanh, 1Hà, Hà1, _Hà_, “Hà Nội”, (Hà Nội), Hà-Nội, HÀ\nNỘI.",
    "\u212aon Tum và \u212aHÁNH HÒA, Kon\u212aum, KON TUM, Kontum; İstanbul, GİA LAI, Gİa Lai.",
    unicodedata.normalize("NFD", "Khánh Hoà, Thừa Thiên Huế, Đắk Lắk, Hải Phòng, Nam Định."),
    "Du khách về phố cổ Hội An, Sa Pa, Sapa, Hạ Long; nắng hạ long lanh, Sa Pang, Bát_Tràng.",
    "SaSa Pa, HộiHội An, Đà Lạt-Đà Lạt, Vũng Tàu, Côn Đảo, Mũi Né, Tam Cốc, Cửa Lò, Vạn Phúc.",
    "Xã Duyên Thái, huyện Thường Tín; thị xã Cửa Lò; thành phố Huế; Quận 1; phường Cửa Lò.",
    "HUYỆN GIA LÂM, Huyện_Trực_Ninh, thịxã Sơn Tây, xãHội, İ huyện Gia Lâm, thị trấn Phố Châu.",
    "Anh A, 33 tuổi, trú tại tổ 58, phường Minh Tân, thành phố Yên Bái, tỉnh Yên Bái.",
    "Chị B (HKTT ở thôn 3, xã Yên Lạc, tỉnh Vĩnh Phúc) bị bắt tại Hà Nội; TRÚ TẠI Hà Nam.",
    "Ông C thường trú tại Bắc Ninh, tạm trú ở Hà Nội, cư trú tại Nam Định; ngụ tại Thái Bình.",
    "Ông D TRÚ_TẠI xã Tân An, Long An; NGỤ Ở Hà Tĩnh; thường xuyên ở Nghệ An; dân cư Hà Nam.",
]


def _generated() -> str:
    """Every name, alias and trap of the gazetteer in every spelling, title case and capitals."""
    lines = []
    for key in _entries():
        words = [sorted(token_spellings(word)) for word in key.split(" ")]
        for spelling in itertools.islice(itertools.product(*words), 8):
            title = " ".join(word[:1].upper() + word[1:] for word in spelling)
            lines.append(f"{title}, {title.upper()}, {title.replace(' ', '_')}; {key}.")
    return "\n".join(lines)


TEXTS = [*SENTENCES, _generated()]


def _plain_name_starts() -> Any:
    """The pattern the sieve replaces: a capital after no letter, opening a first word."""
    firsts = sorted({key.split(" ")[0] for key in _entries()}, key=lambda t: (-len(t), t))
    first = "(?:" + "|".join(_token_regex(token) for token in firsts) + ")"
    return regex.compile(rf"(?=\p{{Lu}}){NAME_START}(?i:(?={first}))")


@pytest.mark.parametrize("text", TEXTS)
def test_name_starts_are_the_plain_look_ahead(text: str) -> None:
    plain = [m.start() for m in _plain_name_starts().finditer(text)]
    assert [m.start() for m in _name_starts().finditer(text)] == plain
    assert [m.start() for m in _name_starts().exact.finditer(text)] == plain


@pytest.mark.parametrize("text", TEXTS)
def test_names_found_through_the_sieve_are_all_names(text: str) -> None:
    every = [(m.span(), m["name"]) for m in scan_names(text, _name_regex(), CAPITALISED)]
    fast = [(m.span(), m["name"]) for m in scan_names(text, _name_regex(), _name_starts())]
    assert fast == every


def test_sieve_finds_every_start_position() -> None:
    """Every position where the exact start pattern matches is a match of the sieve."""
    starts = _name_starts()
    for text in TEXTS:
        sieved = {m.start() for m in starts.sieve.finditer(text)}
        exact = {m.start() for m in starts.exact.finditer(text)}
        assert exact <= sieved


def _letters() -> set[str]:
    trie_letters: set[str] = set()
    stack = [_letter_trie(_entries())]
    while stack:
        node = stack.pop()
        trie_letters.update(letter for letter in node if letter)
        stack.extend(node.values())
    return trie_letters | {c for word in _residence_words() for c in word}


def test_case_variants_are_all_of_unicode() -> None:
    """``case_variants`` looks only in ``CASE_POOL``: no other character of Unicode matches."""
    letters = sorted(_letters())
    everything = "".join(map(chr, range(0x110000)))
    matched = set(regex.findall(f"(?i)[{regex.escape(''.join(letters))}]", everything))
    assert matched <= set(CASE_POOL) | set(letters)
    for letter in letters:
        same = regex.compile(regex.escape(letter), regex.IGNORECASE)
        assert set(case_variants(letter)) == {c for c in matched if same.fullmatch(c)} | {letter}
    assert _UPPER.fullmatch("\u212a")  # the Kelvin sign is a capital "k": the sieve keeps it


def test_token_spellings_are_what_the_token_pattern_accepts() -> None:
    for token in {word for key in _entries() for word in key.split(" ")}:
        spellings = token_spellings(token)
        pattern = regex.compile(_token_regex(token))
        assert all(pattern.fullmatch(spelling) for spelling in spellings)
        assert all(s.lower() == s for s in spellings)


def _plain_residence(text: str, start: int) -> bool:
    return _residence_regex().search(text, max(0, start - _RESIDENCE_WINDOW), start) is not None


@pytest.mark.parametrize("text", SENTENCES)
def test_residence_words_are_found_where_the_pattern_is(text: str) -> None:
    """``window_holds_any`` is never False where the residence pattern finds its words."""
    for start in range(len(text) + 1):
        low = max(0, start - _RESIDENCE_WINDOW)
        if _plain_residence(text, start):
            assert window_holds_any(text, low, start, _residence_words())


def test_lowered_spellings_cover_dotted_capitals() -> None:
    assert lowered_spellings(["Gia Lai"]) == {"gia", "gi\u0307a"}  # "GİA".lower() is "gi̇a"
    assert window_holds_any("GİA LAI", 0, 7, lowered_spellings(["Gia Lai"]))


@pytest.mark.parametrize("text", SENTENCES)
def test_places_from_their_written_first_words(text: str) -> None:
    pattern = _places()[0]
    assert [m.span() for m in _places_in(text)] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Thời sự | Hà Nội | TP.HCM\nLàng nghề Bắc Ninh phát triển mạnh.", [(0, 25)]),
        ("Tin • Hà Nội · Huế\nA › C » D\nTỉnh Nam Định có 90 làng nghề.", [(0, 18), (19, 28)]),
        ("Tin | Hà Nội\nTỉnh Nam Định có 90 làng nghề.", []),  # one separator: not a menu
        ("Tỉnh Nam Định có 90 làng nghề, Hà Nội có 1.350 làng nghề.", []),
    ],
)
def test_menu_lines_read_separators_only_in_texts_with_them(
    text: str, spans: list[tuple[int, int]]
) -> None:
    assert menu_lines(text) == spans


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Quảng Nam và Đà Nẵng hợp nhất thành thành phố Đà Nẵng.", "Đà Nẵng"),
        ("Quảng Nam và Đà Nẵng.", None),  # one list, no merger word: a regional article
        ("Hà Nam và Nam Định sáp nhập.", "Hà Nam"),  # merged into Ninh Bình: the first named
        ("Hà Nam và Nam Định.", None),
    ],
)
def test_merger_words_read_only_for_merged_leaders(text: str, name: str | None) -> None:
    found = _prominent(_usable(text), _scores(_usable(text)), text)
    assert (found.name if found else None) == name
    chosen = choose_province(None, text)
    assert (chosen.name if chosen else None) == name
