"""Legacy encodings: TCVN3 (ABC), VNI, Windows-1258, UTF-16 without BOM, NFD input.

Samples are our own sentences, encoded here with the inverse of viparse's tables, so each test
states the Unicode text it expects back.
"""

from __future__ import annotations

import unicodedata

import pytest
from viparse.normalize.encodings import CHARMAPS

from langnghe_extract.legacy import convert_legacy, encode_windows_1258, looks_legacy
from langnghe_extract.pipeline import extract_document
from langnghe_extract.read import decode_bytes

ARTICLE = (
    "Nam Định: Làng nghề dệt may Phương Đình phát triển\n\n"
    "Xã Phương Đình hiện có 2 làng nghề được công nhận với 350 hộ làm nghề dệt.\n"
    "Năm 2005, giá trị sản xuất của làng nghề đạt khoảng 42 tỷ đồng, thu hút 1.100 lao động.\n"
)


def encode_font(text: str, encoding: str) -> bytes:
    """Our text in a legacy font encoding: each letter as the table's surface characters."""
    back: dict[str, str] = {}
    for legacy, unicode in CHARMAPS[encoding].pairs:
        back.setdefault(unicodedata.normalize("NFC", unicode), legacy)
    return "".join(back.get(c, c) for c in unicodedata.normalize("NFC", text)).encode("latin-1")


@pytest.mark.parametrize(
    ("encoding", "label"), [("tcvn3", "TCVN3 (ABC)"), ("vni", "VNI")], ids=["tcvn3", "vni"]
)
def test_legacy_font_bytes_are_converted_with_a_warning(encoding: str, label: str) -> None:
    # GIVEN our article saved in a legacy font encoding
    data = encode_font(ARTICLE, encoding)
    # WHEN it is decoded
    text, warnings = decode_bytes(data)
    # THEN it is the Unicode article, and the warning names the encoding
    assert text == ARTICLE
    assert warnings == [f"not valid UTF-8; decoded as the legacy {label} font encoding; "
                        "converted to Unicode"]  # fmt: skip


def test_legacy_font_text_saved_as_utf8_is_converted() -> None:
    # GIVEN TCVN3 surface characters that a converter saved as UTF-8 ("Lµng nghÒ")
    data = encode_font(ARTICLE, "tcvn3").decode("latin-1").encode("utf-8")
    text, warnings = decode_bytes(data)
    assert text == ARTICLE
    assert warnings == ["text in the legacy TCVN3 (ABC) font encoding; converted to Unicode"]


def test_windows_1258_tone_marks_are_composed() -> None:
    data = encode_windows_1258(ARTICLE)
    assert b"\xcc" in data or b"\xec" in data  # tone marks stored as separate bytes
    text, warnings = decode_bytes(data)
    assert text == ARTICLE
    assert unicodedata.is_normalized("NFC", text)
    assert warnings == ["not valid UTF-8; decoded as Windows-1258 (Vietnamese code page), "
                        "tone marks composed"]  # fmt: skip


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark(codec: str) -> None:
    text, warnings = decode_bytes(ARTICLE.encode(codec))
    assert text == ARTICLE
    assert warnings[0].startswith("decoded as UTF-16 (no byte order mark")


@pytest.mark.parametrize(
    "text",
    [
        ARTICLE,
        "Café crème brûlée, Ägypten, Øresund, ß, ÿ: Europe's letters are no legacy Vietnamese.",
        "Nhiệt độ 27°C, độ ẩm 80%, giá 1.500 €/tấn — ký hiệu © và ® trong văn bản.",
    ],
    ids=["vietnamese", "european", "symbols"],
)
def test_unicode_text_is_never_converted(text: str) -> None:
    assert convert_legacy(text) is None
    assert decode_bytes(text.encode()) == (unicodedata.normalize("NFC", text), [])


def test_looks_legacy_needs_several_symbols() -> None:
    assert not looks_legacy("Giá 5 €, nhiệt độ 27°C")
    assert looks_legacy(encode_font(ARTICLE, "tcvn3").decode("latin-1"))


def test_nfd_input_gives_the_same_record_as_nfc() -> None:
    nfc = extract_document(ARTICLE.encode())
    nfd = extract_document(unicodedata.normalize("NFD", ARTICLE).encode())
    a, b = nfc.model_dump(), nfd.model_dump()
    del a["sha256"], b["sha256"]  # the bytes differ, the record does not
    assert a == b
