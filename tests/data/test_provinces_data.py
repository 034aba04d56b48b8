"""Integrity of provinces.toml and districts.toml: they load, agree with each other, and with a
hand-written table of the 2025 reorganisation (Nghị quyết 202/2025/QH15, codes per Quyết định
19/2025/QĐ-TTg), so a bad regeneration or a typo in an alias fails here, not in an article."""

from __future__ import annotations

import importlib.util
import unicodedata
from pathlib import Path
from types import ModuleType

import pytest

from langnghe_extract.data import load_table
from langnghe_extract.extract import provinces as gazetteer
from langnghe_extract.extract.gazetteer import fold
from langnghe_extract.extract.localities import current_communes, districts, legacy_communes
from langnghe_extract.extract.provinces import find_provinces

ROOT = Path(__file__).resolve().parents[2]

# code: (name, unit it belongs to after 1 July 2025), written by hand from the resolution.
LEGACY_EXPECTED = {
    "01": ("Hà Nội", "Hà Nội"), "02": ("Hà Giang", "Tuyên Quang"), "04": ("Cao Bằng", "Cao Bằng"),
    "06": ("Bắc Kạn", "Thái Nguyên"), "08": ("Tuyên Quang", "Tuyên Quang"),
    "10": ("Lào Cai", "Lào Cai"), "11": ("Điện Biên", "Điện Biên"), "12": ("Lai Châu", "Lai Châu"),
    "14": ("Sơn La", "Sơn La"), "15": ("Yên Bái", "Lào Cai"), "17": ("Hòa Bình", "Phú Thọ"),
    "19": ("Thái Nguyên", "Thái Nguyên"), "20": ("Lạng Sơn", "Lạng Sơn"),
    "22": ("Quảng Ninh", "Quảng Ninh"), "24": ("Bắc Giang", "Bắc Ninh"),
    "25": ("Phú Thọ", "Phú Thọ"), "26": ("Vĩnh Phúc", "Phú Thọ"), "27": ("Bắc Ninh", "Bắc Ninh"),
    "30": ("Hải Dương", "Hải Phòng"), "31": ("Hải Phòng", "Hải Phòng"),
    "33": ("Hưng Yên", "Hưng Yên"), "34": ("Thái Bình", "Hưng Yên"), "35": ("Hà Nam", "Ninh Bình"),
    "36": ("Nam Định", "Ninh Bình"), "37": ("Ninh Bình", "Ninh Bình"),
    "38": ("Thanh Hóa", "Thanh Hóa"), "40": ("Nghệ An", "Nghệ An"), "42": ("Hà Tĩnh", "Hà Tĩnh"),
    "44": ("Quảng Bình", "Quảng Trị"), "45": ("Quảng Trị", "Quảng Trị"), "46": ("Huế", "Huế"),
    "48": ("Đà Nẵng", "Đà Nẵng"), "49": ("Quảng Nam", "Đà Nẵng"),
    "51": ("Quảng Ngãi", "Quảng Ngãi"), "52": ("Bình Định", "Gia Lai"),
    "54": ("Phú Yên", "Đắk Lắk"), "56": ("Khánh Hòa", "Khánh Hòa"),
    "58": ("Ninh Thuận", "Khánh Hòa"), "60": ("Bình Thuận", "Lâm Đồng"),
    "62": ("Kon Tum", "Quảng Ngãi"), "64": ("Gia Lai", "Gia Lai"), "66": ("Đắk Lắk", "Đắk Lắk"),
    "67": ("Đắk Nông", "Lâm Đồng"), "68": ("Lâm Đồng", "Lâm Đồng"),
    "70": ("Bình Phước", "Đồng Nai"), "72": ("Tây Ninh", "Tây Ninh"),
    "74": ("Bình Dương", "Hồ Chí Minh"), "75": ("Đồng Nai", "Đồng Nai"),
    "77": ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"), "79": ("Hồ Chí Minh", "Hồ Chí Minh"),
    "80": ("Long An", "Tây Ninh"), "82": ("Tiền Giang", "Đồng Tháp"),
    "83": ("Bến Tre", "Vĩnh Long"),
    "84": ("Trà Vinh", "Vĩnh Long"), "86": ("Vĩnh Long", "Vĩnh Long"),
    "87": ("Đồng Tháp", "Đồng Tháp"), "89": ("An Giang", "An Giang"),
    "91": ("Kiên Giang", "An Giang"), "92": ("Cần Thơ", "Cần Thơ"), "93": ("Hậu Giang", "Cần Thơ"),
    "94": ("Sóc Trăng", "Cần Thơ"), "95": ("Bạc Liêu", "Cà Mau"), "96": ("Cà Mau", "Cà Mau"),
}  # fmt: skip

# The 34 units after 1 July 2025 and their official codes: a merged unit took the code of the
# province whose seat it kept (Bắc Ninh 24 = Bắc Giang's, Lào Cai 15 = Yên Bái's, ...).
CURRENT_EXPECTED = {
    "Hà Nội": "01", "Cao Bằng": "04", "Tuyên Quang": "08", "Điện Biên": "11", "Lai Châu": "12",
    "Sơn La": "14", "Lào Cai": "15", "Thái Nguyên": "19", "Lạng Sơn": "20", "Quảng Ninh": "22",
    "Bắc Ninh": "24", "Phú Thọ": "25", "Hải Phòng": "31", "Hưng Yên": "33", "Ninh Bình": "37",
    "Thanh Hóa": "38", "Nghệ An": "40", "Hà Tĩnh": "42", "Quảng Trị": "44", "Huế": "46",
    "Đà Nẵng": "48", "Quảng Ngãi": "51", "Gia Lai": "52", "Khánh Hòa": "56", "Đắk Lắk": "66",
    "Lâm Đồng": "68", "Đồng Nai": "75", "Hồ Chí Minh": "79", "Tây Ninh": "80",
    "Đồng Tháp": "82", "Vĩnh Long": "86", "An Giang": "91", "Cần Thơ": "92", "Cà Mau": "96",
}  # fmt: skip


@pytest.fixture(scope="module")
def table() -> dict[str, object]:
    return load_table("provinces")


def test_legacy_units_match_hand_written_table(table: dict[str, list[dict[str, str]]]) -> None:
    got = {u["code"]: (u["name"], u["current"]) for u in table["legacy"]}
    assert got == LEGACY_EXPECTED


def test_current_units_match_hand_written_table(table: dict[str, list[dict[str, str]]]) -> None:
    assert {u["name"]: u["code"] for u in table["current"]} == CURRENT_EXPECTED


@pytest.mark.parametrize("kind", ["legacy", "current"])
def test_codes_are_two_digits_and_unique(table: dict[str, list[dict[str, str]]], kind: str) -> None:
    codes = [u["code"] for u in table[kind]]
    names = [u["name"] for u in table[kind]]
    assert all(len(c) == 2 and c.isdigit() for c in codes)
    assert len(set(codes)) == len(codes) == len(set(names))


def test_every_current_is_one_of_the_34(table: dict[str, list[dict[str, str]]]) -> None:
    current = {u["name"] for u in table["current"]}
    assert {u["current"] for u in table["legacy"]} == current
    assert len(current) == 34


def test_every_text_is_nfc() -> None:
    text = (ROOT / "src/langnghe_extract/data/provinces.toml").read_text("utf-8")
    assert unicodedata.is_normalized("NFC", text)


def test_aliases_point_to_known_units_without_conflicts() -> None:
    # _entries() raises DataError on an unknown unit or a spelling listed for two units.
    entries = gazetteer._entries()
    codes = {u["code"] for u in load_table("provinces")["legacy"]}
    assert {e.code for e in entries.values()} - {None} == codes


def test_every_spelling_starts_with_a_capital() -> None:
    # The scanner only tries capitalised word starts; a lower-case entry would never match.
    spellings = [*gazetteer._entries(), *load_table("provinces")["aliases"]]
    assert all(gazetteer._fold(s) in gazetteer._entries() for s in spellings)
    written = [*load_table("provinces")["aliases"], *load_table("provinces")["traps"]["phrases"]]
    assert all(s[0].isupper() for s in written)


def test_cue_words_have_one_role_each(table: dict[str, dict[str, list[str]]]) -> None:
    words = [gazetteer._fold(w) for ws in table["cues"].values() for w in ws]
    assert len(words) == len(set(words))
    assert set(table["cues"]) == {"admin", "street", "neutral", "locality", "venue", "person"}


def test_districts_belong_to_legacy_units() -> None:
    codes = {u["code"] for u in load_table("provinces")["legacy"]}
    rows = load_table("districts")["province"]
    assert {r["code"] for r in rows} == codes
    assert sum(len(v) for r in rows for k, v in r.items() if k != "code") > 650


@pytest.mark.parametrize(
    ("kind", "name", "code"),
    [
        ("huyện", "Trực Ninh", "36"),
        ("huyện", "Thường Tín", "01"),
        ("huyện", "Chương Mỹ", "01"),
        ("huyện", "Vĩnh Bảo", "31"),
        ("huyện", "An Lão", "31"),
        ("huyện", "An Lão", "52"),  # also in Bình Định: ambiguous names keep every province
        ("quận", "1", "79"),
    ],
)
def test_district_examples(kind: str, name: str, code: str) -> None:
    assert code in districts().codes[fold(kind), fold(name)]


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_provinces", ROOT / "tools/gen_provinces.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_data_matches_package() -> None:
    pytest.importorskip("vietnamadminunits")
    gen = _load_generator()
    assert gen.render_provinces(gen.PROVINCES.read_text("utf-8")) == gen.PROVINCES.read_text(
        "utf-8"
    ), "provinces.toml is stale: run tools/gen_provinces.py"
    assert gen.render_districts() == gen.DISTRICTS.read_text("utf-8"), "run tools/gen_provinces.py"
    assert gen.render_communes() == gen.COMMUNES.read_text("utf-8"), "run tools/gen_provinces.py"


def test_generated_files_name_their_source_and_version() -> None:
    for name in ("provinces", "districts", "communes"):
        text = (ROOT / f"src/langnghe_extract/data/{name}.toml").read_text("utf-8")
        assert "# Source: vietnamadminunits 1.0.4 (MIT)" in text, name


@pytest.mark.parametrize(("code", "names"), sorted(LEGACY_EXPECTED.items()))
def test_every_old_name_reports_its_new_unit(code: str, names: tuple[str, str]) -> None:
    # GIVEN a sentence naming an old province, as articles before 1 July 2025 do
    name, current = names
    (mention,) = find_provinces(f"Sản phẩm làng nghề tỉnh {name} được ưa chuộng.")
    # THEN it is reported under its old name and code, with the unit it is part of now
    assert (mention.province.name, mention.province.code) == (name, code)
    assert mention.province.current == current


def test_communes_belong_to_known_units() -> None:
    table = load_table("communes")
    legacy = {u["code"] for u in load_table("provinces")["legacy"]}
    current = {u["code"] for u in load_table("provinces")["current"]}
    assert {r["code"] for r in table["legacy"]} == legacy
    assert {r["code"] for r in table["current"]} == current
    count = sum(len(v) for r in table["current"] for k, v in r.items() if k != "code")
    assert count == 3321  # communes, wards and special zones from 1 July 2025
    kinds = {k for r in table["current"] for k in r if k != "code"}
    assert kinds == {"xã", "phường", "đặc khu"}


@pytest.mark.parametrize(
    ("kind", "name", "code"),
    [
        ("xã", "Duyên Thái", "01"),  # before 2025, huyện Thường Tín
        ("thị trấn", "Phố Châu", "42"),
        ("xã", "Bát Tràng", "01"),
    ],
)
def test_legacy_commune_examples(kind: str, name: str, code: str) -> None:
    assert code in legacy_communes().codes[fold(kind), fold(name)]


def test_current_communes_report_the_legacy_unit_named_like_their_province() -> None:
    # Phú Quốc was in Kiên Giang; since 2025 it is a special zone of An Giang: reported as the
    # unit named "An Giang" (89), as an article naming An Giang would be.
    assert current_communes().codes[fold("đặc khu"), fold("Phú Quốc")] == ("89",)
