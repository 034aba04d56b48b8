"""The read stage: decoding, format sniffing, finding documents and JSON Lines input lines."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from pathlib import Path

import pytest

from langnghe_extract.errors import ReadError
from langnghe_extract.read import (
    _HTML_SNIFF,
    _PDF_SNIFF,
    RawDocument,
    ReadFailure,
    decode_bytes,
    find_documents,
    iter_documents,
    read_bytes,
    sniff_format,
)

TEXT = "Thanh Hóa: Làng nghề\n\nToàn tỉnh có 118 làng nghề, 5.247 hộ."

# --- decode_bytes ---------------------------------------------------------------------------------

# (bytes, expected text, expected warnings)
DECODED = [
    pytest.param(TEXT.encode(), TEXT, [], id="utf-8"),
    pytest.param(b"\xef\xbb\xbf" + TEXT.encode(), TEXT, [], id="utf-8-bom"),
    pytest.param(
        TEXT.encode("utf-16"), TEXT, ["decoded as UTF-16 (byte order mark)"], id="utf-16-bom"
    ),
    pytest.param(
        b"\xff\xfe" + TEXT.encode("utf-16-le"),
        TEXT,
        ["decoded as UTF-16 (byte order mark)"],
        id="utf-16-le-bom",
    ),
    pytest.param(
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
        TEXT,
        ["decoded as UTF-16 (byte order mark)"],
        id="utf-16-be-bom",
    ),
    pytest.param(unicodedata.normalize("NFD", TEXT).encode(), TEXT, [], id="nfd-becomes-nfc"),
    pytest.param(b"tab\there\r\nform\x0cfeed", "tab\there\r\nform\x0cfeed", [], id="whitespace-ok"),
]


@pytest.mark.parametrize(("data", "text", "warnings"), DECODED)
def test_decode_bytes(data: bytes, text: str, warnings: list[str]) -> None:
    assert decode_bytes(data) == (text, warnings)


def test_decode_bytes_result_is_nfc() -> None:
    text, _ = decode_bytes(unicodedata.normalize("NFD", "Hoà Bình, Thanh Hoá").encode())
    assert unicodedata.is_normalized("NFC", text)


def test_decode_bytes_invalid_utf8_in_the_middle_keeps_the_rest_and_warns() -> None:
    # GIVEN valid Vietnamese UTF-8 with two stray bytes in the middle
    data = "Toàn tỉnh có 118 làng nghề ".encode() + b"\xff\xfe" + " truyền thống.".encode()
    # WHEN it is decoded
    text, warnings = decode_bytes(data)
    # THEN the Vietnamese around the bad bytes survives and the guess is reported
    assert text.startswith("Toàn tỉnh có 118 làng nghề ")
    assert text.endswith(" truyền thống.")
    assert len(warnings) == 1
    assert warnings[0].startswith("not valid UTF-8; decoded as ")


EMPTY = [b"", b"   ", b"\n\n\t \r\n"]


@pytest.mark.parametrize("data", EMPTY, ids=["nothing", "spaces", "blank-lines"])
def test_decode_bytes_empty_raises(data: bytes) -> None:
    with pytest.raises(ReadError, match=r"^the document is empty: there is no text to extract$"):
        decode_bytes(data)


BINARY = [
    pytest.param(b"\x00\x01\x02\x03" * 100, id="control-bytes"),
    pytest.param(b"PK\x03\x04\x14\x00\x06\x00", id="short-zip-header"),
    pytest.param(bytes(range(256)) * 4, id="all-bytes"),
    pytest.param(TEXT.encode() + b"\x00" + TEXT.encode(), id="one-nul-in-text"),
]


@pytest.mark.parametrize("data", BINARY)
def test_decode_bytes_binary_raises(data: bytes) -> None:
    with pytest.raises(ReadError, match=r"^the document looks binary \(control bytes\)"):
        decode_bytes(data)


# --- sniff_format ---------------------------------------------------------------------------------

SNIFFED = [
    pytest.param("<!DOCTYPE html><html><body>x</body></html>", "html", id="doctype"),
    pytest.param("  \n<html lang='vi'>", "html", id="html-tag-after-space"),
    pytest.param("<!-- saved page -->\n<div>x</div>", "html", id="comment-first"),
    pytest.param("Tiêu đề\n<p class='x'>118 làng nghề</p>", "html", id="body-markup"),
    pytest.param("<meta charset='utf-8'>", "html", id="meta"),
    pytest.param("Page 208 - Kỷ yếu hội thảo\nNội dung", "pdf-text", id="page-header"),
    pytest.param("Nội dung\nP. 208\nTiếp", "pdf-text", id="p-dot-number"),
    pytest.param("Thanh Hóa: 118 làng nghề", "text", id="plain"),
    pytest.param("giá trị 3 < 4 và 5 > 2", "text", id="angle-brackets-not-markup"),
    pytest.param("Trang 3 của báo", "text", id="trang-is-not-page-header"),
]


@pytest.mark.parametrize(("text", "fmt"), SNIFFED)
def test_sniff_format(text: str, fmt: str) -> None:
    assert sniff_format(text) == fmt


def test_sniff_format_looks_only_at_the_head() -> None:
    assert sniff_format("x" * 5000 + "<html>") == "text"


# --- find_documents -------------------------------------------------------------------------------


def make_tree(root: Path) -> None:
    for name in [
        "b.txt",
        "a.html",
        "c.HTM",
        "sub/z.jsonl",
        "sub/deeper/y.txt",
        "notes.md",
        "image.png",
        "sub/data.csv",
    ]:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    (root / "dir.txt").mkdir()  # a directory with a document suffix is not a document


def test_find_documents_walks_sorted_recursive_and_filters_suffixes(tmp_path: Path) -> None:
    # GIVEN a tree with documents at several depths and files of other kinds
    make_tree(tmp_path)
    # WHEN the directory is expanded
    found = find_documents([str(tmp_path)])
    # THEN only documents are listed, recursively, in sorted path order
    assert [Path(p).relative_to(tmp_path).as_posix() for p in found] == [
        "a.html",
        "b.txt",
        "c.HTM",
        "sub/deeper/y.txt",
        "sub/z.jsonl",
    ]


def test_find_documents_keeps_explicit_files_and_order(tmp_path: Path) -> None:
    make_tree(tmp_path)
    explicit = [str(tmp_path / "notes.md"), "-", str(tmp_path / "missing.txt")]
    assert find_documents(explicit) == explicit


def test_find_documents_mixes_files_and_directories_in_input_order(tmp_path: Path) -> None:
    make_tree(tmp_path)
    first = str(tmp_path / "notes.md")
    found = find_documents([first, str(tmp_path / "sub")])
    assert found == [first, str(tmp_path / "sub/deeper/y.txt"), str(tmp_path / "sub/z.jsonl")]


def test_find_documents_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "only.docx").write_bytes(b"PK\x03\x04")  # .pdf files are documents now
    assert find_documents([str(tmp_path)]) == []


# --- read_bytes and iter_documents ----------------------------------------------------------------


def test_read_bytes_records_hash_of_raw_bytes_and_format() -> None:
    data = TEXT.encode("utf-16")
    doc = read_bytes(data, source="a.txt", doc_id="a")
    assert isinstance(doc, RawDocument)
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert (doc.id, doc.source, doc.format, doc.text) == ("a", "a.txt", "text", TEXT)
    assert doc.warnings == ("decoded as UTF-16 (byte order mark)",)


def test_read_bytes_failure_names_the_source() -> None:
    failure = read_bytes(b"", source="e.txt", doc_id="e")
    assert isinstance(failure, ReadFailure)
    assert (failure.id, failure.source, failure.error.source) == ("e", "e.txt", "e.txt")


def test_iter_documents_missing_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    [failure] = iter_documents([missing])
    assert isinstance(failure, ReadFailure)
    assert failure.id == "nope"
    assert failure.error.message == f"no such file: {missing}"


# --- JSON Lines -----------------------------------------------------------------------------------


def write_jsonl(path: Path, lines: list[str]) -> str:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_jsonl_lines_become_documents(tmp_path: Path) -> None:
    # GIVEN a JSON Lines file with a text line, an HTML line, a blank line and metadata
    source = write_jsonl(
        tmp_path / "batch.jsonl",
        [
            json.dumps(
                {"id": "a", "text": TEXT, "url": "https://x.vn/a", "published": "2020-01-02"},
                ensure_ascii=False,
            ),
            "",
            json.dumps({"id": "b", "html": "<p>Có 40 làng nghề.</p>"}, ensure_ascii=False),
            json.dumps({"text": "Có 7 hộ.", "url": 5}),
        ],
    )
    # WHEN it is read
    docs = list(iter_documents([source]))
    # THEN each non-blank line is a document, with PATH#LINE sources and fields carried over
    assert all(isinstance(d, RawDocument) for d in docs)
    a, b, c = docs
    assert isinstance(a, RawDocument)
    assert isinstance(b, RawDocument)
    assert isinstance(c, RawDocument)
    assert (a.id, a.source, a.format, a.text) == ("a", f"{source}#1", "text", TEXT)
    assert (a.url, a.published) == ("https://x.vn/a", "2020-01-02")
    assert a.sha256 == hashlib.sha256(TEXT.encode()).hexdigest()
    assert (b.id, b.source, b.format) == ("b", f"{source}#3", "html")
    assert (b.url, b.published) == (None, None)
    assert (c.id, c.source, c.url) == ("batch#4", f"{source}#4", None)


def test_jsonl_text_is_nfc(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", TEXT)
    source = write_jsonl(tmp_path / "n.jsonl", [json.dumps({"id": "n", "text": nfd})])
    [doc] = iter_documents([source])
    assert isinstance(doc, RawDocument)
    assert doc.text == TEXT


# (line, message)
BAD_LINES = [
    pytest.param("not json", "invalid JSON on this line: ", id="not-json"),
    pytest.param(
        "[1, 2]", 'each JSON Lines line must be an object like {"id": …, "text": …}', id="list"
    ),
    pytest.param('"text"', "each JSON Lines line must be an object", id="string"),
    pytest.param(
        '{"id": "x"}', 'the line has no "text" or "html" string to extract from', id="no-body"
    ),
    pytest.param(
        '{"id": "x", "text": "  "}', 'the line has no "text" or "html" string', id="blank"
    ),
    pytest.param('{"id": "x", "text": 5}', 'the line has no "text" or "html" string', id="not-str"),
]


@pytest.mark.parametrize(("line", "message"), BAD_LINES)
def test_jsonl_bad_line_becomes_failure_and_batch_goes_on(
    tmp_path: Path, line: str, message: str
) -> None:
    # GIVEN a bad line between two good ones
    good = json.dumps({"id": "g", "text": TEXT}, ensure_ascii=False)
    source = write_jsonl(tmp_path / "mixed.jsonl", [good, line, good])
    # WHEN it is read
    first, bad, last = iter_documents([source])
    # THEN the bad line is a failure that names its line, and the good lines are documents
    assert isinstance(first, RawDocument)
    assert isinstance(last, RawDocument)
    assert last.source == f"{source}#3"
    assert isinstance(bad, ReadFailure)
    assert (bad.id, bad.source, bad.error.source) == ("mixed#2", f"{source}#2", f"{source}#2")
    assert bad.error.message.startswith(message)


def test_jsonl_invalid_utf8_line_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "enc.jsonl"
    path.write_bytes(b'{"id": "a", "text": "\xff\xfe"}\n{"id": "b", "text": "ok"}\n')
    bad, good = iter_documents([str(path)])
    assert isinstance(bad, ReadFailure)
    assert bad.error.message.startswith("invalid JSON on this line: ")
    assert isinstance(good, RawDocument)


def test_empty_jsonl_file_is_one_failure(tmp_path: Path) -> None:
    # An empty .jsonl file still yields exactly one item, so the file is not dropped silently.
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    [failure] = iter_documents([str(path)])
    assert isinstance(failure, ReadFailure)
    assert (failure.id, failure.source) == ("empty", str(path))
    assert failure.error.message == "the document is empty: there is no text to extract"


@pytest.mark.parametrize(
    "text",
    [
        TEXT,
        "<html><body><p>118 làng nghề</p></body></html>",
        "Có 3 < 5 hộ; <div class='x'>làng nghề</div>",
        "Page 208 - Kỷ yếu\nP. 208\nHÀ NỘI:",
        "Trang 12 - Kỷ yếu\nNha Trang có 3 làng nghề.",
        "Nha Trang có 3 làng nghề; page 2; P.2 và Trang chủ",
        "Trang 12/40\fTrang 13/40",
        "Một dòng\fhai dòng",
    ],
)
def test_sniffing_skips_patterns_whose_literals_are_absent(text: str) -> None:
    """The format found with the literal pre-checks is the one both full searches give."""
    head = text[:4096]
    expected = (
        "html" if _HTML_SNIFF.search(head) else "pdf-text" if _PDF_SNIFF.search(head) else "text"
    )
    assert sniff_format(text) == expected
