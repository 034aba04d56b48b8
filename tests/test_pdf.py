"""PDF files read directly: a two-column, two-page PDF is drawn with matplotlib at test time.

No binary is committed: the PDF is built from our own sentences, read by ``pdf.read_pdf`` and run
through the pipeline, and the record is compared with ``fixtures/expected/generated_pdf.json``
(``pytest tests/test_pdf.py --update`` rewrites it; the sha256 of the drawn file is left out, as
matplotlib writes a creation date into it).
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from langnghe_extract.errors import ReadError
from langnghe_extract.pdf import is_pdf, join_box_lines, read_pdf
from langnghe_extract.pipeline import process
from langnghe_extract.read import RawDocument, read_bytes

matplotlib = pytest.importorskip("matplotlib")

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "expected" / "generated_pdf.json"
HEADER = "KỶ YẾU LÀNG NGHỀ VIỆT NAM 2024"
TITLE = "Ninh Bình: Làng nghề thêu ren Văn Lâm mở rộng thị trường"
LEFT = (
    "Làng thêu ren Văn Lâm hiện có\nkhoảng 600 hộ làm nghề, thu hút\nhơn 2.000 lao động nông thôn.",
    "Năm 2023, giá trị sản xuất của\nlàng đạt 45 tỷ đồng, tăng 9% so\nvới năm trước.",
)
RIGHT = (
    "Xã Ninh Hải đã mở 3 lớp dạy nghề\ncho 90 học viên, ưu tiên lao động\nnữ chưa có việc làm.",
    "Đến năm 2025, xã phấn đấu có\nthêm 2 sản phẩm OCOP 4 sao.",
)


def draw_pdf() -> bytes:
    """Two A4 pages: a running header and a page number on each, two columns of text."""
    matplotlib.use("pdf")
    import matplotlib.pyplot as plt  # noqa: PLC0415 - after choosing the backend
    from matplotlib.backends.backend_pdf import PdfPages  # noqa: PLC0415

    matplotlib.rcParams["pdf.fonttype"] = 42  # TrueType with a ToUnicode map: text is readable
    out = io.BytesIO()
    with PdfPages(out, metadata={"CreationDate": None}) as pdf:
        for page, (left, right) in enumerate(zip(LEFT, RIGHT, strict=True), start=12):
            fig = plt.figure(figsize=(8.27, 11.69))
            fig.text(0.1, 0.96, HEADER, fontsize=8)
            if page == 12:
                fig.text(0.08, 0.9, TITLE, fontsize=12)
            fig.text(0.08, 0.85, left, fontsize=10, va="top", linespacing=1.4)
            fig.text(0.55, 0.85, right, fontsize=10, va="top", linespacing=1.4)
            fig.text(0.5, 0.03, str(page), fontsize=8)
            pdf.savefig(fig)
            plt.close(fig)
    return out.getvalue()


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    return draw_pdf()


def test_pdf_is_recognised_by_its_magic_bytes(pdf_bytes: bytes) -> None:
    assert is_pdf(pdf_bytes)
    raw = read_bytes(pdf_bytes, source="kyyeu.pdf", doc_id="kyyeu")
    assert isinstance(raw, RawDocument)
    assert raw.format == "pdf"


def test_pdf_columns_stay_apart_and_headers_go(pdf_bytes: bytes) -> None:
    # GIVEN a two-column PDF with a running header and page numbers
    # WHEN it is read
    found = read_pdf(pdf_bytes)
    paragraphs = found.text.split("\n\n")
    # THEN each column block is one paragraph, whole, in reading order (left column first)
    assert paragraphs[1] == join_box_lines(LEFT[0])
    assert paragraphs[2] == join_box_lines(RIGHT[0])
    assert HEADER not in found.text
    assert "12" not in paragraphs
    assert "13" not in paragraphs
    assert any("running header" in warning for warning in found.warnings)


def _record(pdf_bytes: bytes) -> dict[str, Any]:
    raw = read_bytes(pdf_bytes, source="generated.pdf", doc_id="generated_pdf")
    assert isinstance(raw, RawDocument)
    data = process(raw).model_dump(mode="json")
    del data["sha256"]  # matplotlib's file bytes vary; the text read from them does not
    return data


def test_generated_pdf_matches_golden(pdf_bytes: bytes, update: bool) -> None:
    actual = _record(pdf_bytes)
    if update:
        GOLDEN.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", "utf-8")
    assert actual == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_generated_pdf_quality_floor(pdf_bytes: bytes) -> None:
    record = _record(pdf_bytes)
    assert record["title"] == TITLE
    facts = {(f["kind"], f["value"]) for f in record["facts"]}
    assert {("households", 600), ("workers", 2000), ("money", 45_000_000_000)} <= facts
    assert "hơn 2.000 lao động nông thôn." in record["text"]
    assert HEADER not in record["text"]


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\n%broken", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF"],
    ids=["truncated", "no-pages"],
)
def test_broken_pdf_is_a_read_error(data: bytes) -> None:
    with pytest.raises(ReadError, match="PDF"):
        read_pdf(data)
