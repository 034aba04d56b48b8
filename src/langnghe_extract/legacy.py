"""Legacy Vietnamese encodings: TCVN3 (ABC), VNI and VISCII font text, and Windows-1258.

Old provincial documents were typed in font encodings: each Vietnamese letter is one byte (TCVN3:
"lµng nghÒ" for "làng nghề") or a base letter plus mark bytes (VNI: "laøng ngheà"). Read as
Latin-1 (or saved by a converter as UTF-8 with the same characters) they look like garbage; the
conversion tables and the detector that scores each candidate's output against a model of
Vietnamese letters come from ``viparse`` (MIT). Windows-1258 stores tone marks as separate
combining characters after the letter; decoded and NFC-composed, it is ordinary Unicode.

The reader calls this module only for bytes that are not UTF-8, or UTF-8 text full of Latin-1
symbols that no Vietnamese word uses, so ordinary Unicode text never pays for detection.
"""

from __future__ import annotations

import unicodedata

import regex

ENCODING_LABELS = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "viscii": "VISCII"}
DETECT_SAMPLE = 20_000  # characters scored by the detector; the verdict holds for the file
MIN_SUSPECT = 5  # legacy symbols needed before detection runs
SUSPECT_SHARE = 0.005  # … and their share of the sample's characters
MIN_TONES = 3  # separate tone marks a Windows-1258 text needs before it is considered
CP1258_MARGIN = 0.1  # Vietnamese score gain Windows-1258 needs over Latin-1 to be chosen

# Latin-1 letters and symbols that Unicode Vietnamese never uses but the legacy tables do:
# everything in U+00A1–U+00FF except the Vietnamese letters à á â ã è é ê ì í ò ó ô õ ù ú ý.
_SUSPECT = regex.compile(
    r"[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc"
    r"\u00de-\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc"
    r"\u00fe\u00ff]"
    # … or a capital inside a lowercase word: TCVN3 "nghÒ", "tØnh"
    r"|(?<=\p{Ll})[\u00c0-\u00de]"
)


def looks_legacy(text: str) -> bool:
    """True when the text holds enough legacy-table symbols to be worth detecting.

    >>> looks_legacy("Toµn tØnh cã 118 lµng nghÒ truyÒn thèng")  # µ Ø µ Ò Ò
    True
    >>> looks_legacy("Toàn tỉnh có 118 làng nghề truyền thống")
    False
    """
    sample = text[:DETECT_SAMPLE]
    suspects = len(_SUSPECT.findall(sample))
    return suspects >= MIN_SUSPECT and suspects >= SUSPECT_SHARE * len(sample)


def convert_legacy(text: str) -> tuple[str, str] | None:
    """The text converted to Unicode NFC and the encoding's label, or None if it is not legacy.

    >>> convert_legacy("Thanh Hãa: Toµn tØnh cã 118 lµng nghÒ, 87 lµng nghÒ truyÒn thèng")
    ('Thanh Hóa: Toàn tỉnh có 118 làng nghề, 87 làng nghề truyền thống', 'TCVN3 (ABC)')
    >>> convert_legacy("Toaøn tænh coù 118 laøng ngheà, 87 laøng ngheà truyeàn thoáng, "
    ...                "thu huùt 1.000 lao ñoäng")
    ('Toàn tỉnh có 118 làng nghề, 87 làng nghề truyền thống, thu hút 1.000 lao động', 'VNI')
    >>> convert_legacy("Toàn tỉnh có 118 làng nghề") is None
    True
    """
    if not looks_legacy(text):
        return None
    from viparse.normalize.detector import (  # noqa: PLC0415 - legacy inputs only
        detect_encoding_by_content,
    )
    from viparse.normalize.encodings import (  # noqa: PLC0415 - legacy inputs only
        AUTO_DETECT_CHARMAPS,
        CHARMAPS,
    )
    from viparse.normalize.tables import convert  # noqa: PLC0415 - legacy inputs only

    verdict = detect_encoding_by_content(text[:DETECT_SAMPLE], AUTO_DETECT_CHARMAPS)
    if verdict.encoding is None or verdict.encoding not in ENCODING_LABELS:
        return None
    converted = convert(text, CHARMAPS[verdict.encoding], "NFC")
    return converted, ENCODING_LABELS[verdict.encoding]


def decode_windows_1258(data: bytes) -> str | None:
    """Windows-1258 bytes → NFC text, when that reads as Vietnamese better than Latin-1 does.

    >>> decode_windows_1258(encode_windows_1258("Toàn tỉnh có 118 làng nghề truyền thống"))
    'Toàn tỉnh có 118 làng nghề truyền thống'
    >>> decode_windows_1258("Toàn tỉnh có 118 làng nghề".encode()) is None  # UTF-8, not 1258
    True
    >>> decode_windows_1258("Café crème brûlée".encode("latin-1")) is None
    True
    """
    from viparse.normalize.frequency import vietnamese_score  # noqa: PLC0415 - legacy only

    try:
        decoded = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    if sum(decoded.count(tone) for tone in _TONES) < MIN_TONES:
        return None
    text = unicodedata.normalize("NFC", decoded)
    sample = slice(0, DETECT_SAMPLE)
    latin = data[sample].decode("latin-1")
    if vietnamese_score(text[sample]) < vietnamese_score(latin) + CP1258_MARGIN:
        return None
    return text


_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below


def encode_windows_1258(text: str) -> bytes:
    """Vietnamese text → Windows-1258 bytes (tone marks as separate characters), for tests.

    Python's codec only encodes the letters the code page holds precomposed ("ê", not "ề"),
    so each letter is split into its base letter and its tone mark first.

    >>> encode_windows_1258("nghề")
    b'ngh\\xea\\xcc'
    """
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tones = "".join(c for c in parts if c in _TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += (base + tones).encode("cp1258")
    return bytes(out)
