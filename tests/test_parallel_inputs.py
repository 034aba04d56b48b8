"""Inputs at scale: gzipped files, JSON Lines and WARC archives read as streams, and the size limit
that keeps one huge document from exhausting memory."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from langnghe_extract.read import (
    RawDocument,
    ReadFailure,
    find_documents,
    has_containers,
    iter_documents,
    iter_tasks,
)

ARTICLE = (
    "Nam Định: Làng nghề dệt may\n\n"
    "Toàn tỉnh có 89 làng nghề, thu hút hơn 40.000 lao động, khoảng 1.200 hộ tham gia sản xuất."
)
PAGE = (
    "<html><head><title>Hà Nam: Làng nghề trống</title></head><body><article>"
    "<h1>Hà Nam: Làng nghề trống</h1><p>Hiện huyện có 12 làng nghề với 3.500 lao động.</p>"
    "</article></body></html>"
)


def gz(path: Path, data: bytes) -> str:
    path.write_bytes(gzip.compress(data))
    return str(path)


def warc(path: Path, records: list[tuple[str, str, bytes]], *, gzipped: bool) -> str:
    """A WARC file written with warcio: (url, content type or "request", body) per record."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        for url, content_type, body in records:
            if content_type == "request":
                headers = StatusAndHeaders(
                    "GET / HTTP/1.1", [("Host", "x.vn")], is_http_request=True
                )
                record = writer.create_warc_record(url, "request", http_headers=headers)
            else:
                headers = StatusAndHeaders(
                    "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
                )
                record = writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(body),
                    length=len(body),
                    http_headers=headers,
                )
            writer.write_record(record)
    return str(path)


# --- gzip -----------------------------------------------------------------------------------------


def test_gzipped_text_and_html_files_are_read_by_their_inner_format(tmp_path: Path) -> None:
    text = gz(tmp_path / "bài viết.txt.gz", ARTICLE.encode())
    page = gz(tmp_path / "trang.html.gz", PAGE.encode())
    first, second = iter_documents([text, page])
    assert isinstance(first, RawDocument)
    assert isinstance(second, RawDocument)
    assert (first.id, first.format, first.text) == ("bài viết", "text", ARTICLE)
    assert (second.id, second.format) == ("trang", "html")


def test_gzipped_jsonl_is_streamed_line_by_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": ARTICLE, "url": "https://x.vn/a"}, ensure_ascii=False),
        "{broken",
        json.dumps({"id": "b", "html": PAGE, "published": "2021-03-04"}, ensure_ascii=False),
    ]
    source = gz(tmp_path / "bulk.jsonl.gz", "\n".join(lines).encode())
    a, broken, b = iter_documents([source])
    assert isinstance(a, RawDocument)
    assert isinstance(b, RawDocument)
    assert (a.id, a.source, a.url) == ("a", f"{source}#1", "https://x.vn/a")
    assert (b.id, b.format, b.published) == ("b", "html", "2021-03-04")
    assert isinstance(broken, ReadFailure)
    assert broken.source == f"{source}#2"


@pytest.mark.parametrize("name", ["bad.txt.gz", "bad.jsonl.gz"])
def test_a_file_that_is_not_gzip_is_one_failure(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"this is not gzip at all")
    [failure] = iter_documents([str(path)])
    assert isinstance(failure, ReadFailure)
    assert "not a valid gzip file" in failure.error.message


def test_a_cut_gzip_jsonl_keeps_the_lines_before_the_cut(tmp_path: Path) -> None:
    line = json.dumps({"id": "a", "text": ARTICLE}, ensure_ascii=False)
    whole = gzip.compress(("\n".join([line] * 200) + "\n").encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    items = list(iter_documents([str(path)]))
    assert all(isinstance(item, RawDocument) for item in items[:-1])
    assert isinstance(items[-1], ReadFailure)
    assert "cut short" in items[-1].error.message


# --- WARC -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("gzipped", [False, True], ids=["warc", "warc.gz"])
def test_warc_gives_one_document_per_html_response(tmp_path: Path, gzipped: bool) -> None:
    # GIVEN a crawl with a request, an HTML page, an image and a second HTML page
    name = "crawl.warc.gz" if gzipped else "crawl.warc"
    source = warc(
        tmp_path / name,
        [
            ("https://baoxyz.vn/lang-nghe.html", "request", b""),
            ("https://baoxyz.vn/lang-nghe.html", "text/html; charset=utf-8", PAGE.encode()),
            ("https://baoxyz.vn/anh.jpg", "image/jpeg", b"\xff\xd8\xff\xe0" * 10),
            ("https://baoxyz.vn/det-may.html", "text/html", f"<p>{ARTICLE}</p>".encode()),
        ],
        gzipped=gzipped,
    )
    # WHEN it is read
    first, second = iter_documents([source])
    # THEN each page is a document with its URL as id and url, and PATH#N as source
    assert isinstance(first, RawDocument)
    assert isinstance(second, RawDocument)
    assert (first.id, first.url) == ("https://baoxyz.vn/lang-nghe.html",) * 2
    assert first.source == f"{source}#2"
    assert first.format == "html"
    assert (second.id, second.source) == ("https://baoxyz.vn/det-may.html", f"{source}#4")


def test_warc_without_any_page_is_one_failure(tmp_path: Path) -> None:
    source = warc(
        tmp_path / "img.warc", [("https://x.vn/a.png", "image/png", b"png")], gzipped=False
    )
    [failure] = iter_documents([source])
    assert isinstance(failure, ReadFailure)
    assert failure.error.message.startswith("the WARC file holds no HTML response record")


def test_a_broken_warc_is_a_failure_after_its_good_records(tmp_path: Path) -> None:
    source = warc(
        tmp_path / "cut.warc", [("https://x.vn/a", "text/html", PAGE.encode())], gzipped=False
    )
    with Path(source).open("ab") as out:
        out.write(b"garbage, not a WARC record\r\n\r\n")
    good, failure = iter_documents([source])
    assert isinstance(good, RawDocument)
    assert isinstance(failure, ReadFailure)
    assert failure.error.message.startswith("the WARC file is broken after 1 record(s)")


# --- discovery and size limits --------------------------------------------------------------------


def test_directory_walk_finds_gzipped_and_warc_files(tmp_path: Path) -> None:
    for name in ["a.txt.gz", "b.jsonl.gz", "c.warc", "d.warc.gz", "e.csv.gz", "f.gz", "g.html"]:
        (tmp_path / name).write_bytes(b"x")
    found = [Path(p).name for p in find_documents([str(tmp_path)])]
    assert found == ["a.txt.gz", "b.jsonl.gz", "c.warc", "d.warc.gz", "g.html"]


def test_has_containers_tells_when_the_count_is_unknown() -> None:
    assert not has_containers(["a.txt", "b.HTML.gz", "-"])
    assert has_containers(["a.txt", "b.JSONL"])


def test_a_file_over_the_size_limit_is_an_error_record(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(ARTICLE.encode() * 100)
    [failure] = iter_documents([str(path)], max_bytes=1000)
    assert isinstance(failure, ReadFailure)
    assert failure.error.message.startswith("the document is over the 0.000954 MB limit (0.014 MB)")
    assert failure.error.message.endswith("(raise it with --max-size)")


def test_a_gzip_bomb_is_refused_once_the_limit_is_reached(tmp_path: Path) -> None:
    source = gz(tmp_path / "bomb.txt.gz", b"0" * 5_000_000)
    [failure] = iter_documents([source], max_bytes=10_000)
    assert isinstance(failure, ReadFailure)
    assert "limit once decompressed" in failure.error.message


def test_a_jsonl_line_over_the_limit_is_skipped_not_held(tmp_path: Path) -> None:
    # GIVEN a huge line between two good ones
    good = json.dumps({"id": "g", "text": ARTICLE}, ensure_ascii=False)
    huge = json.dumps({"id": "h", "text": "làng nghề " * 50_000}, ensure_ascii=False)
    path = tmp_path / "mixed.jsonl"
    path.write_text(f"{good}\n{huge}\n{good}\n", encoding="utf-8")
    # WHEN it is read with a 10 kB limit
    first, failure, last = iter_documents([str(path)], max_bytes=10_000)
    # THEN the huge line is an error record in its place and the next line is read whole
    assert isinstance(failure, ReadFailure)
    assert failure.source == f"{path}#2"
    assert isinstance(first, RawDocument)
    assert isinstance(last, RawDocument)
    assert last.source == f"{path}#3"


def test_tasks_for_plain_files_carry_only_the_path(tmp_path: Path) -> None:
    # Plain files are read in the worker, so the parent holds paths, never documents.
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [task] = iter_tasks([str(path)])
    assert (task.kind, task.source, task.doc_id, task.payload) == ("file", str(path), "a", b"")


def test_a_record_warcio_cannot_parse_ends_the_archive_with_an_error_record(
    tmp_path: Path,
) -> None:
    # GIVEN a good page, then a response record without its (mandatory) WARC-Target-URI, on
    # which warcio fails with an AttributeError of its own
    path = Path(
        warc(tmp_path / "bad.warc", [("https://x.vn/a", "text/html", PAGE.encode())], gzipped=False)
    )
    with path.open("ab") as out:
        writer = WARCWriter(out, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        body = PAGE.encode()
        writer.write_record(
            writer.create_warc_record(
                "", "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
            )
        )
    # WHEN it is read
    good, failure = iter_documents([str(path)])
    # THEN the good page is a document and the rest of the archive one error record, no crash
    assert isinstance(good, RawDocument)
    assert isinstance(failure, ReadFailure)
    assert failure.source == f"{path}#2"
    assert failure.error.message.startswith("the WARC file is broken after 1 record(s): ")
