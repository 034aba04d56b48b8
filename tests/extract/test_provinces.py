"""Province matching: every unit in several spellings, the traps, headline rules and the seeds."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest

from langnghe_extract.data import load_table
from langnghe_extract.extract.provinces import (
    _fold,
    choose_province,
    find_provinces,
    list_provinces,
    lookup_province,
)
from langnghe_extract.models import Province

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
LEGACY = load_table("provinces")["legacy"]
CURRENT = load_table("provinces")["current"]
OLD_TONES = {"óa": "oá", "òa": "oà", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "úy": "uý", "ủy": "uỷ"}


def written(text: str) -> list[tuple[str, str]]:
    """(text as written at the span, reported name) for every mention."""
    return [(text[slice(*m.span)], m.province.name) for m in find_provinces(text)]


def old_tone_placement(name: str) -> str:
    for new, old in OLD_TONES.items():
        name = name.replace(new, old).replace(new.upper(), old.upper())
    return name


# --- every unit, generated from the data -------------------------------------------------------


@pytest.mark.parametrize("unit", LEGACY, ids=lambda u: u["code"])
def test_every_legacy_unit_in_several_spellings(unit: dict[str, str]) -> None:
    name = unit["name"]
    expected = Province(name=name, code=unit["code"], current=unit["current"])
    for text in (
        f"Làng nghề tỉnh {name} phát triển.",
        f"THÀNH PHỐ {name.upper()}: ĐẨY MẠNH CÔNG NGHIỆP",
        f"Thành phố {old_tone_placement(name)} có nhiều làng nghề.",
    ):
        (mention,) = find_provinces(text)
        assert mention.province == expected, text
        assert _fold(text[slice(*mention.span)]).endswith(_fold(name))
    assert lookup_province(name) == expected
    assert lookup_province(unicodedata.normalize("NFD", name.upper())) == expected


@pytest.mark.parametrize("unit", CURRENT, ids=lambda u: u["code"])
def test_every_current_unit_is_found_by_its_name(unit: dict[str, str]) -> None:
    province = lookup_province(unit["name"])
    assert province is not None
    assert province.current == unit["name"]


# --- hand-written spellings ----------------------------------------------------------------------

SPELLINGS = [
    # (text, as written at the span, reported name, code, current)
    ("Tỉnh Thanh Hoá có 118 làng nghề", "Thanh Hoá", "Thanh Hóa", "38", "Thanh Hóa"),
    ("THANH HOÁ: KHUYẾN KHÍCH LÀNG NGHỀ", "THANH HOÁ", "Thanh Hóa", "38", "Thanh Hóa"),
    ("Sở Công thương Hoà Bình cho biết", "Hoà Bình", "Hòa Bình", "17", "Phú Thọ"),
    ("nghề gốm ở Khánh Hoà", "Khánh Hoà", "Khánh Hòa", "56", "Khánh Hòa"),
    ("Hà Nội hiện có 1.350 làng có nghề", "Hà Nội", "Hà Nội", "01", "Hà Nội"),
    ("HÀ NỘI:", "HÀ NỘI", "Hà Nội", "01", "Hà Nội"),
    ("trên địa bàn thành phố Hà\nNội đã tham gia", "Hà\nNội", "Hà Nội", "01", "Hà Nội"),
    ("TP. HCM: Tăng tốc hoàn thiện linh vật", "TP. HCM", "Hồ Chí Minh", "79", "Hồ Chí Minh"),
    ("Đường hoa TP.HCM", "TP.HCM", "Hồ Chí Minh", "79", "Hồ Chí Minh"),
    ("hội chợ TP HCM", "TP HCM", "Hồ Chí Minh", "79", "Hồ Chí Minh"),
    ("hội chợ TPHCM", "TPHCM", "Hồ Chí Minh", "79", "Hồ Chí Minh"),
    ("tại TP. Hồ Chí Minh", "TP. Hồ Chí Minh", "Hồ Chí Minh", "79", "Hồ Chí Minh"),
    ("thành phố Hồ Chí Minh", "thành phố Hồ Chí Minh", "Hồ Chí Minh", "79", "Hồ Chí Minh"),
    ("người Sài Gòn", "Sài Gòn", "Hồ Chí Minh", "79", "Hồ Chí Minh"),
    ("tỉnh Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu", "77", "Hồ Chí Minh"),
    ("tỉnh Bà Rịa-Vũng Tàu", "Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu", "77", "Hồ Chí Minh"),
    ("tỉnh Bà Rịa – Vũng Tàu", "Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu", "77", "Hồ Chí Minh"),
    ("du lịch BR-VT", "BR-VT", "Bà Rịa - Vũng Tàu", "77", "Hồ Chí Minh"),
    ("cà phê Đắk Lắk", "Đắk Lắk", "Đắk Lắk", "66", "Đắk Lắk"),
    ("cà phê Đắc Lắc", "Đắc Lắc", "Đắk Lắk", "66", "Đắk Lắk"),
    ("tỉnh Đắk Nông", "Đắk Nông", "Đắk Nông", "67", "Lâm Đồng"),
    ("tỉnh Đắc Nông", "Đắc Nông", "Đắk Nông", "67", "Lâm Đồng"),
    ("tỉnh Bắc Cạn", "Bắc Cạn", "Bắc Kạn", "06", "Thái Nguyên"),
    ("tỉnh Thừa Thiên Huế", "Thừa Thiên Huế", "Thừa Thiên Huế", "46", "Huế"),
    ("tỉnh Thừa Thiên - Huế", "Thừa Thiên - Huế", "Thừa Thiên Huế", "46", "Huế"),
    ("TT-Huế: làng hương", "TT-Huế", "Thừa Thiên Huế", "46", "Huế"),
    ("thành phố Huế", "Huế", "Huế", "46", "Huế"),
    ("Thủ đô Hà Nội", "Hà Nội", "Hà Nội", "01", "Hà Nội"),
    ("đường phố Hà Nội", "Hà Nội", "Hà Nội", "01", "Hà Nội"),  # the streets of, not a street
    ("Nam Định: Thúc đẩy", "Nam Định", "Nam Định", "36", "Ninh Bình"),
    ("Hải Dương", "Hải Dương", "Hải Dương", "30", "Hải Phòng"),
    ("Bình Định", "Bình Định", "Bình Định", "52", "Gia Lai"),
    ("Bắc Giang", "Bắc Giang", "Bắc Giang", "24", "Bắc Ninh"),
    ("Hà Nam", "Hà Nam", "Hà Nam", "35", "Ninh Bình"),
    ("Thái Bình", "Thái Bình", "Thái Bình", "34", "Hưng Yên"),
    ("Hà Giang", "Hà Giang", "Hà Giang", "02", "Tuyên Quang"),
    ("Quảng Bình", "Quảng Bình", "Quảng Bình", "44", "Quảng Trị"),
    ("Kiên Giang", "Kiên Giang", "Kiên Giang", "91", "An Giang"),
    ("Bình Dương", "Bình Dương", "Bình Dương", "74", "Hồ Chí Minh"),
    ("Cà Mau", "Cà Mau", "Cà Mau", "96", "Cà Mau"),
]


@pytest.mark.parametrize(("text", "as_written", "name", "code", "current"), SPELLINGS)
def test_hand_written_spellings(
    text: str, as_written: str, name: str, code: str, current: str
) -> None:
    (mention,) = find_provinces(text)
    assert text[slice(*mention.span)] == as_written
    assert mention.province == Province(name=name, code=code, current=current)


# --- traps: each with its own sentence ----------------------------------------------------------

TRAPS = [
    # (text, what must be found)
    ("Tàu cá ra khơi trên Thái Bình Dương.", []),
    ("Cửa hàng trên đường Điện Biên Phủ bán đồ gốm.", []),
    ("Chiến thắng Điện Biên Phủ năm 1954.", []),
    ("Khát vọng hòa bình của nhân dân.", []),  # peace
    ("Hòa bình là mong ước chung.", []),  # sentence start: second word lower case
    ("Hàng mây tre xuất khẩu sang Lào và Campuchia.", []),
    ("Sản phẩm bán sang Lào, Lào Cai nhập nguyên liệu.", [("Lào Cai", "Lào Cai")]),
    ("Vùng Đồng Tháp Mười mùa nước nổi.", []),
    ("Nhiều làng nghề ở Thủ đô đã phát triển.", []),
    ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.", []),
    ("Chủ tịch Hồ Chí Minh từng thăm làng nghề.", []),
    ("Ông Nguyễn Hòa Bình, Chánh án, dự lễ.", []),  # a person named like the province
    ("Anh Nguyễn Văn Long An chia sẻ.", []),
    ("Phà qua sông Sài Gòn.", []),
    ("Đi dạo trên phố Huế, đại lộ Bình Dương.", []),
    ("Người dân Hànội và Namđịnh", []),  # inside longer words
    ("Ông ThaiBinh và HàNội", []),
    ("Ở Quảng Nam Đà Nẵng trước 1997.", [("Quảng Nam", "Quảng Nam"), ("Đà Nẵng", "Đà Nẵng")]),
    # A province inside a company name still counts: it names the place the company is from.
    ("Công ty Hoàng Anh Gia Lai đầu tư.", [("Gia Lai", "Gia Lai")]),
    ("Huyện Trực Ninh, huyện Thường Tín nổi tiếng.", []),  # districts are not provinces
]


@pytest.mark.parametrize(("text", "expected"), TRAPS)
def test_traps(text: str, expected: list[tuple[str, str]]) -> None:
    assert written(text) == expected


def test_nfd_lookup_and_none() -> None:
    assert lookup_province(unicodedata.normalize("NFD", "Thanh Hoá")) == lookup_province(
        "Thanh Hóa"
    )
    assert lookup_province("Tỉnh Thanh Hóa") == lookup_province("thanh hóa")
    assert lookup_province("Sài Gòn") == lookup_province("Hồ Chí Minh")
    for not_a_province in ("Thủ đô", "Lào", "Thái Bình Dương", "", "đường Hà Nội", "Trực Ninh"):
        assert lookup_province(not_a_province) is None, not_a_province


def test_list_provinces_first_mention_first_no_repeats() -> None:
    text = "Thừa Thiên Huế và Hà Nội. Huế, Hà Nội, TP.HCM, Sài Gòn."
    assert [p.name for p in list_provinces(text)] == ["Thừa Thiên Huế", "Hà Nội", "Hồ Chí Minh"]


def test_spans_index_into_original_text() -> None:
    text = "Ở TP. HCM và tỉnh Thanh Hoá, HÀ NỘI\n" * 3
    for mention in find_provinces(text):
        assert lookup_province(text[slice(*mention.span)]) == mention.province


# --- choose_province -----------------------------------------------------------------------------

CHOOSE = [
    # (title, text, expected name)
    ("Thanh Hóa: Khuyến khích làng nghề", "Hà Nội và Bắc Ninh ...", "Thanh Hóa"),
    ("HÀ NỘI: ĐẨY MẠNH CÔNG NGHIỆP", "Tỉnh Bắc Ninh ...", "Hà Nội"),
    ("TP. HCM: Tăng tốc hoàn thiện linh vật", "Làng nghề Bình Dương ...", "Hồ Chí Minh"),
    ("Khuyến công Hải Phòng hỗ trợ nghệ nhân", "Triển lãm ở Bắc Ninh.", "Hải Phòng"),
    (None, "Hà Nội: 27°C\nTỉnh Nam Định có nhiều làng nghề.", "Nam Định"),
    (None, "Hà Nội 27 °C\nLàng nghề Nam Định.", "Nam Định"),
    (None, "Page 1\nCỤC CÔNG THƯƠNG\nHÀ NỘI:\nĐẨY MẠNH", "Hà Nội"),
    # Event held elsewhere loses to the article's own province, even when named first.
    (
        None,
        "Triển lãm tại Bắc Ninh có gian hàng của Hải Phòng. " + "x " * 300 + "Hải Phòng.",
        "Hải Phòng",
    ),
    # No province in title or lede: the most prominent one, "tỉnh X" counting double.
    (None, "x " * 300 + "Hà Nam, Thái Bình, tỉnh Thái Bình.", "Thái Bình"),
    # No province named at all: districts written with their type word.
    (None, "Làng nghề Cổ Chất, huyện Trực Ninh", "Nam Định"),
    (None, "Hỗ trợ huyện Chương Mỹ và huyện Thường Tín", "Hà Nội"),
    (None, "Mô hình ở huyện An Lão và huyện Vĩnh Bảo", "Hải Phòng"),
    (None, "Không nêu địa danh nào.", None),
    ("Thủ đô phát triển làng nghề", "Thủ đô có nhiều làng nghề.", None),
]


@pytest.mark.parametrize(("title", "text", "expected"), CHOOSE)
def test_choose_province(title: str | None, text: str, expected: str | None) -> None:
    chosen = choose_province(title, text)
    assert (chosen.name if chosen else None) == expected


SEED_EXPECTED = [
    ("000", None, Province(name="Thanh Hóa", code="38", current="Thanh Hóa")),
    ("001", None, Province(name="Nam Định", code="36", current="Ninh Bình")),
    ("002", None, Province(name="Bắc Ninh", code="27", current="Bắc Ninh")),
    (
        "003",
        "HÀ NỘI: ĐẨY MẠNH PHÁT TRIỂN CÔNG NGHIỆP, TIỂU THỦ CÔNG NGHIỆP",
        Province(name="Hà Nội", code="01", current="Hà Nội"),
    ),
    (
        "004",
        "Khuyến công Hải Phòng hỗ trợ tích cực cho Nghệ nhân Làng nghề",
        Province(name="Hải Phòng", code="31", current="Hải Phòng"),
    ),
]


def _seed_body(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text("utf-8").split("Tin liên quan", 1)[0]


@pytest.mark.parametrize(("prefix", "title", "expected"), SEED_EXPECTED)
def test_seeds(prefix: str, title: str | None, expected: Province) -> None:
    body = _seed_body(prefix)
    first_line, rest = body.split("\n", 1)
    # GIVEN the title as the metadata stage gives it, or none, or the body without its title line
    assert choose_province(title or first_line, body) == expected
    assert choose_province(None, body) == expected
    assert choose_province(title, rest) == expected


def test_seed_004_lists_the_exhibition_venue_too() -> None:
    names = [p.name for p in list_provinces(_seed_body("004"))]
    assert names == ["Hải Phòng", "Bắc Ninh"]


# --- performance: one pass, linear time ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Thái Bình Dương " * 20_000,  # trap after trap
        "Tỉnh " * 60_000,  # cue words with no name
        "Hà " * 100_000,  # a name's first word, never completed
        "Hà Nội: 27°C " * 25_000,  # widget after widget
        "a" * 1_000_000,
        " " * 1_000_000 + "Hà Nội",
        ("Ở tỉnh Thanh Hóa, huyện Trực Ninh và TP. HCM. " + "chữ thường " * 40) * 1_000,
    ],
    ids=["traps", "cues", "prefixes", "widgets", "one-word", "spaces", "prose"],
)
def test_large_inputs_finish_quickly(text: str) -> None:
    # Linear time: each case is ~0.3-1 MB and takes well under a second on a laptop.
    started = time.perf_counter()
    find_provinces(text)
    choose_province(None, text)
    assert time.perf_counter() - started < 5.0
