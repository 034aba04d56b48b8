"""Line rules for PDF-extracted text (and PDF files read by ``pdf``), run by ``clean.RULES``.

Running page headers ("Page 208 - …", "Trang 12 - …", "P. 208"), bare page numbers, the
publication's all-caps name repeated under them, words hyphenated across lines, and lines that
a text export glued together from two or three columns.
"""

from __future__ import annotations

import itertools
from functools import cache
from typing import Any

import regex

from langnghe_extract.boilerplate import or_regex, table
from langnghe_extract.page import Page
from langnghe_extract.pdf import join_hyphenated

PDF_FORMATS = ("pdf-text", "pdf")  # PDF-extracted text, and a PDF file read by ``pdf``
COLUMNS_GLUED = "text looks like two PDF columns glued line by line; figures may be cut"
MAX_HEADER_LINE = 260  # characters: a running header is one short line

_PAGE_NUMBER = regex.compile(r"(?:P\.\s?+)?+\d{1,4}+")
_SENTENCE_THEN_LOWER = regex.compile(r"\p{Ll}[.!?;]\s++\p{Ll}")
_COLUMN_JOIN = regex.compile(r"(?<=\p{Ll}[.!?;])\s++(?=\p{Ll})")


@cache
def _page_header() -> Any:
    """ "Page 208 - Kỷ yếu …": a page word, the number, then maybe the publication's name."""
    words = or_regex(table("pdf")["page_words"])
    return regex.compile(
        rf"(?:{words})\s++\d{{1,5}}+(?P<pub>\s*+[-–:].{{0,200}}+)?+", regex.IGNORECASE
    )


def is_all_caps(line: str) -> bool:
    return any(ch.isalpha() for ch in line) and line == line.upper()


def cut_pdf_page_headers(page: Page, rule: str) -> None:
    """PDF text: "Page 208 - …", "P. 208" and bare page-number lines (seed 003 ends with "204")."""
    if page.fmt not in PDF_FORMATS:
        return
    header = _page_header()
    for i in page.kept():
        line = page.lines[i]
        if len(line) <= MAX_HEADER_LINE and (
            header.fullmatch(line) or _PAGE_NUMBER.fullmatch(line)
        ):
            page.cut(i, rule)


def cut_pdf_running_header(page: Page, rule: str) -> None:
    """PDF text: an all-caps line right after a page header that repeats the publication's name."""
    if page.fmt not in PDF_FORMATS:
        return
    header = _page_header()
    publications = [
        m.group("pub").strip(" -–:").casefold()
        for cut in page.cuts
        if (m := header.fullmatch(cut.text)) and m.group("pub")
    ]
    after_header = {cut.line + 1 for cut in page.cuts} | {cut.line + 2 for cut in page.cuts}
    caps_counts: dict[str, int] = {}
    for i in page.kept():
        if is_all_caps(page.lines[i]):
            caps_counts[page.lines[i]] = caps_counts.get(page.lines[i], 0) + 1
    for i in sorted(after_header):
        if i >= len(page.lines) or not page.keep[i] or not is_all_caps(page.lines[i]):
            continue
        name = page.lines[i].strip(" :").casefold()
        if caps_counts[page.lines[i]] >= 2 or any(p.startswith(name) for p in publications):
            page.cut(i, rule)


def warn_glued_columns(page: Page, rule: str) -> None:
    """PDF text: lines that join two or three columns are split at the joins, with a warning.

    In one column a sentence ends at "." and the next starts with a capital; "… doanh nghiệp. sản
    xuất kinh doanh …" is the end of one column's line followed by the other column's. Two such
    lines are enough to say so. Each glued line is then broken at those joins, so that a figure's
    clause ("287 làng nghề được công nhận theo tiêu chí.") is a sentence of its own and takes no
    status or year from the neighbouring column's words.
    """
    del rule  # a warning and line breaks, not a cut
    if page.fmt not in PDF_FORMATS:
        return
    glued = [i for i in page.kept() if _SENTENCE_THEN_LOWER.search(page.lines[i][:5000])]
    if len(glued) < 2:
        return
    page.warnings.append(COLUMNS_GLUED)
    for i in glued:
        page.lines[i] = _COLUMN_JOIN.sub("\n", page.lines[i])


def join_pdf_hyphenation(page: Page, rule: str) -> None:
    """PDF text: "phát triển công nghi-" + "ệp nông thôn" → one line, the word rejoined."""
    if page.fmt not in PDF_FORMATS:
        return
    kept = page.kept()
    for i, j in itertools.pairwise(kept):
        if not page.keep[i] or not page.keep[j]:
            continue
        joined = join_hyphenated(page.lines[i], page.lines[j])
        if joined is not None:
            page.lines[j] = joined
            page.cut(i, rule)
