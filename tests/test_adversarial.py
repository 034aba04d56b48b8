"""Hostile, broken and huge inputs (issue #9): each yields exactly one line per document, every
fact quotes its own span, the output honours the contract, and no input makes a stage
superlinear (checked with a generous bound of a second per MB, not a benchmark).

Each case runs through the command line in this process (``--jobs 1``), so a hang or a crash in
any stage shows up here; the time budget is left at its default so that a slow stage is not hidden
by an error record (the test also refuses ``TimeoutError`` records).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from langnghe_extract.cli import app

CHECK_CONTRACT = Path(__file__).resolve().parents[2] / "shared" / "tools" / "check_contract.py"
MB = 2**20

ARTICLE = (
    "Bắc Giang: Phát triển làng nghề gắn với du lịch\n\n"
    "Toàn tỉnh hiện có 48 làng nghề, trong đó 33 làng nghề truyền thống, thu hút khoảng 3.900 hộ "
    "và hơn 12.000 lao động tham gia sản xuất.\n"
    "Giá trị sản xuất của các làng nghề năm 2022 đạt 1.250 tỷ đồng, tăng 8,5% so với năm trước.\n"
)


@dataclass(frozen=True)
class Case:
    """One hostile input: the file name, its bytes, how many documents it holds, and whether
    each must be a record (``True``), an error record (``False``) or either (``None``)."""

    name: str
    data: Callable[[], bytes]
    documents: int = 1
    readable: bool | None = True


def nested_html(depth: int) -> bytes:
    body = "<div>" * depth + f"<p>{ARTICLE}</p>" + "</div>" * depth
    return f"<html><body>{body}</body></html>".encode()


def script_and_style() -> bytes:
    return (
        "<html><head><style>p::before { content: 'Toàn tỉnh có 999 làng nghề'; }</style>"
        "<script>var tin = 'Toàn tỉnh có 999 làng nghề, 777 lao động';</script></head>"
        f"<body><article><h1>Làng nghề</h1><p>{ARTICLE}</p>"
        "<script>document.write('Có 888 hộ làm nghề');</script></article></body></html>"
    ).encode()


def partly_invalid_jsonl() -> bytes:
    good = json.dumps({"id": "tot", "text": ARTICLE}, ensure_ascii=False)
    lines = [good, "{không phải JSON", '["một", "danh sách"]', good, '{"id": "x"}', good]
    return "\n".join(lines).encode()


def repeated(unit: str, count: int, tail: str = " làng nghề.") -> bytes:
    return (ARTICLE + unit * count + tail).encode()


PROSE = (
    "Những năm qua, chính quyền địa phương đã chú trọng hỗ trợ các cơ sở sản xuất đổi mới thiết "
    "bị, nâng cao chất lượng sản phẩm và mở rộng thị trường tiêu thụ trong và ngoài nước. Nhiều "
    "nghệ nhân cho biết, nghề truyền thống không chỉ mang lại thu nhập ổn định mà còn góp phần "
    "giữ gìn bản sắc văn hóa của quê hương.\n"
)


def big_article(size: int) -> bytes:
    """A long article as dense in figures as ordinary news: one paragraph of figures in ten."""
    unit = ARTICLE.split("\n\n", 1)[1] + PROSE * 9
    return (ARTICLE + unit * (size // len(unit.encode()))).encode()


def text_of(case: str) -> Callable[[], bytes]:
    return case.encode


def line_of(unit: str) -> Callable[[], bytes]:
    """A single 1 MB line repeating ``unit``."""
    return (unit * (MB // len(unit))).encode


CASES = [
    Case("empty.txt", lambda: b"", readable=False),
    Case("blank.txt", lambda: b"   \n\n\t  \r\n", readable=False),
    Case("random.txt", lambda: random.Random(9).randbytes(64 * 1024), readable=None),
    Case(
        "nul bytes.txt", lambda: ARTICLE.encode() + b"\x00" * 40 + ARTICLE.encode(), readable=None
    ),
    Case("invalid utf8.txt", lambda: ARTICLE.encode() + b"\xff\xfe\xc3" + ARTICLE.encode()),
    Case("utf16.txt", lambda: ARTICLE.encode("utf-16")),
    Case("crlf.txt", lambda: ARTICLE.replace("\n", "\r\n").encode()),
    Case("Làng nghề Bát Tràng 2023 (bản sao).txt", text_of(ARTICLE)),
    Case("unclosed.html", text_of(f"<html><body><div><p>{ARTICLE}<p><b><i><table><tr><td>")),
    Case("nested.html", lambda: nested_html(20_000)),
    Case("script.html", script_and_style),
    Case("mixed.jsonl", partly_invalid_jsonl, documents=6, readable=None),
    Case("dots.txt", line_of("1."), readable=None),
    Case("commas.txt", line_of("1,"), readable=None),
    Case("digits.txt", lambda: repeated("9" * 500_000, 1)),
    Case("qualifiers.txt", lambda: repeated("hơn khoảng gần trên ", 12_500, "5 làng nghề.")),
    Case("number words.txt", lambda: repeated("mười ", 30_000)),
    Case("related.txt", lambda: repeated("\nTin liên quan\n", 20_000)),
    Case("big.txt", lambda: big_article(10 * MB)),
]


def run(path: Path, out: Path) -> tuple[int, float]:
    """Extract ``path`` to ``out``; the exit code and the CPU seconds this process spent (not
    wall time, which other processes on a shared machine inflate)."""
    started = time.process_time()
    result = CliRunner().invoke(app, ["extract", "-q", "-j", "1", str(path), "-o", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result.exit_code, time.process_time() - started


def read_lines(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def check_record(line: dict[str, Any], readable: bool | None) -> None:
    if "error" in line:
        assert readable is not True, line["error"]
        assert line["error"]["type"] not in {"InternalError", "TimeoutError"}, line["error"]
        return
    assert readable is not False
    text = line["text"]
    for fact in line["facts"]:
        start, end = fact["span"]
        assert text[start:end] == fact["quote"]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input_gives_one_line_per_document_quickly(tmp_path: Path, case: Case) -> None:
    # GIVEN the hostile input as a file
    data = case.data()
    path = tmp_path / case.name
    path.write_bytes(data)
    out = tmp_path / "out.jsonl"
    # WHEN it is extracted
    code, seconds = run(path, out)
    # THEN one line per document, spans that quote the text, and a run far from superlinear
    lines = read_lines(out)
    assert len(lines) == case.documents
    assert code == (0 if all("error" not in line for line in lines) else 1)
    for line in lines:
        check_record(line, case.readable)
    assert seconds < 2 + len(data) / MB, f"{seconds:.1f} CPU s for {len(data) / MB:.1f} MB"
    if CHECK_CONTRACT.is_file():
        check = [sys.executable, str(CHECK_CONTRACT), str(out), "--inputs", str(case.documents)]
        done = subprocess.run(check, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr


def test_script_and_style_are_never_a_source_of_facts(tmp_path: Path) -> None:
    path = tmp_path / "script.html"
    path.write_bytes(script_and_style())
    run(path, tmp_path / "out.jsonl")
    [record] = read_lines(tmp_path / "out.jsonl")
    values = {fact["value"] for fact in record["facts"]}
    assert values.isdisjoint({999, 777, 888})
    assert "document.write" not in record["text"]
    assert 48 in values


def test_vietnamese_file_name_is_the_id(tmp_path: Path) -> None:
    path = tmp_path / "Làng nghề Bát Tràng 2023 (bản sao).txt"
    path.write_text(ARTICLE, encoding="utf-8")
    run(path, tmp_path / "out.jsonl")
    [record] = read_lines(tmp_path / "out.jsonl")
    assert record["id"] == "Làng nghề Bát Tràng 2023 (bản sao)"
    assert record["source"] == str(path)
