"""PDF file → text in reading order, one paragraph per line, without running headers.

Users who feed us a ``.pdf`` skip the text-export step that glues columns together (seed 003).
pdfminer.six's layout analysis (``LAParams``) groups characters into text boxes, one per column
block, and orders the boxes column by column, so each box is one paragraph of one column. We join
a box's lines into one line (undoing "nghiệp-\\nvụ" hyphenation), and drop what repeats on the
pages' edges: running headers and footers (the same text on several pages, page numbers
aside) and bare page numbers. pdfminer is imported inside the functions: it is only needed for
PDF inputs.
"""

from __future__ import annotations

import io
import unicodedata
from collections import Counter
from dataclasses import dataclass

import regex

from langnghe_extract.errors import ReadError

PDF_MAGIC = b"%PDF-"
MAX_PAGES = 2_000  # a book-sized PDF is read up to here, with a warning
MAX_HEADER = 100  # characters: a running header or footer is short
EDGE_BOXES = 2  # boxes at the top and at the bottom of a page that may be headers or footers

_HYPHEN_BREAK = regex.compile(r"(?P<head>\p{L}++)-\n(?P<tail>\p{Ll}++)")
_VOWEL_GROUP = regex.compile(r"[aeiouy]++")
_PAGE_NUMBER = regex.compile(r"(?:\p{L}{1,6}\.?\s*+)?+\d{1,4}+(?:\s*+/\s*+\d{1,4}+)?+")
_DIGITS = regex.compile(r"\d++")


@dataclass(frozen=True)
class PdfText:
    """The text read from a PDF and what the reader doubted."""

    text: str
    warnings: tuple[str, ...]


def is_pdf(data: bytes) -> bool:
    """True for bytes that open like a PDF file.

    >>> is_pdf(b"%PDF-1.7\\n..."), is_pdf("Toàn tỉnh".encode())
    (True, False)
    """
    return data[:1024].lstrip().startswith(PDF_MAGIC)


def read_pdf(data: bytes) -> PdfText:
    """The PDF's paragraphs in reading order; ``ReadError`` for a broken or image-only PDF."""
    pages = _page_boxes(data)
    warnings: list[str] = []
    if len(pages) >= MAX_PAGES:
        warnings.append(f"PDF longer than {MAX_PAGES} pages; only the first {MAX_PAGES} were read")
    repeated = _repeated_edges(pages)
    paragraphs: list[str] = []
    dropped = 0
    for boxes in pages:
        for n, box in enumerate(boxes):
            at_edge = n < EDGE_BOXES or n >= len(boxes) - EDGE_BOXES
            if at_edge and (_shape(box) in repeated or _PAGE_NUMBER.fullmatch(box)):
                dropped += 1
                continue
            paragraphs.append(box)
    if not any(paragraphs):
        raise ReadError("the PDF has no text layer (a scan?): run OCR on it first")
    if dropped:
        warnings.append(f"PDF: {dropped} running header, footer or page number boxes removed")
    return PdfText("\n\n".join(paragraphs), tuple(warnings))


def _page_boxes(data: bytes) -> list[list[str]]:
    """Each page's text boxes in pdfminer's reading order, each box joined into one line."""
    from pdfminer.high_level import extract_pages  # noqa: PLC0415 - PDF inputs only
    from pdfminer.layout import LAParams, LTTextContainer  # noqa: PLC0415 - PDF inputs only

    pages: list[list[str]] = []
    try:
        for layout in extract_pages(io.BytesIO(data), laparams=LAParams(), maxpages=MAX_PAGES):
            boxes = (
                join_box_lines(el.get_text()) for el in layout if isinstance(el, LTTextContainer)
            )
            pages.append([box for box in boxes if box])
    except Exception as exc:
        raise ReadError(
            f"cannot read the PDF ({type(exc).__name__}): is the file complete?"
        ) from None
    return pages


def join_box_lines(text: str) -> str:
    """One text box → one line: a word hyphenated at a line end is rejoined, lines joined by " ".

    A Vietnamese syllable is never split by a word processor, so "công-\\nnghiệp" was typed
    with its hyphen and keeps it; a split syllable ("ngh-\\niệp") or a foreign word of several
    syllables ("Inter-\\nnational") loses the hyphen.

    >>> join_box_lines("Toàn tỉnh có 118 làng\\nnghề, phát triển công nghi-\\nệp nông thôn.\\n")
    'Toàn tỉnh có 118 làng nghề, phát triển công nghiệp nông thôn.'
    >>> join_box_lines("Hợp tác xã Handi-\\ncraft, mô hình kinh-\\ntế mới")
    'Hợp tác xã Handicraft, mô hình kinh-tế mới'
    >>> join_box_lines("giai đoạn 2021 -\\n2025")
    'giai đoạn 2021 - 2025'
    """
    text = _HYPHEN_BREAK.sub(_rejoin, text.replace("\u00ad\n", ""))
    return " ".join(text.split())


def join_hyphenated(line: str, following: str) -> str | None:
    """Two lines of PDF text as one when the first ends in a word broken by a hyphen, else None.

    >>> join_hyphenated("phát triển công nghi-", "ệp nông thôn")
    'phát triển công nghiệp nông thôn'
    >>> join_hyphenated("giai đoạn 2021 -", "2025") is None
    True
    """
    if not line.endswith("-") or not following[:1].islower():
        return None
    joined = join_box_lines(f"{line}\n{following}")
    return None if joined == f"{line} {following}" else joined


def _rejoin(m: regex.Match[str]) -> str:
    head, tail = str(m.group("head")), str(m.group("tail"))
    whole = _syllables(head) == 1 and _syllables(tail) == 1
    if whole and not (_bare(head[-1]) in "aeiouy" and _bare(tail[0]) in "aeiouy"):
        return f"{head}-{tail}"  # two whole syllables: the hyphen was typed
    return head + tail


def _bare(fragment: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", fragment.casefold()) if c.isascii())


def _syllables(fragment: str) -> int:
    """Vowel groups in a fragment, tone and shape marks ignored ("nghiệp" 1, "craft" 1)."""
    return len(_VOWEL_GROUP.findall(_bare(fragment)))


def _shape(box: str) -> str:
    """A box with its numbers blanked: "Kỷ yếu - Trang 208" and "… Trang 209" are one header."""
    return str(_DIGITS.sub("#", box.casefold()))


def _header_like(box: str) -> bool:
    """Short and not a sentence: a header, never a paragraph that happens to repeat."""
    return len(box) <= MAX_HEADER and not box.endswith((".", "!", "?", ";"))


def _repeated_edges(pages: list[list[str]]) -> set[str]:
    """Shapes of short edge boxes found on at least two pages and a third of all pages."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for boxes in pages:
        edges = {_shape(b) for b in boxes[:EDGE_BOXES] + boxes[-EDGE_BOXES:] if _header_like(b)}
        counts.update(edges)
    needed = max(2, len(pages) // 3)
    return {shape for shape, count in counts.items() if count >= needed}
