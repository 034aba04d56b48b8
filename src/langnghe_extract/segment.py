"""Segment stage: text → sentence spans, so that a figure's frame (status, year) stays inside its
sentence.

Spans index into the text; nothing is copied. A sentence ends at ``.``, ``!``, ``?`` or ``…``
followed by a space and a capital or a digit ("… đề ra. 2016 là năm …"), or a line break, and
at every line break; ``1.350`` and ``TP. HCM`` do not end one.
"""

from __future__ import annotations

from functools import cache

import regex

from langnghe_extract.data import load_table
from langnghe_extract.extract.patterns import or_regex

Span = tuple[int, int]


@cache
def _boundary() -> regex.Pattern[str]:
    abbreviations = load_table("segments")["abbreviations"]["words"]
    return regex.compile(
        rf"""(?=[.!?…])                                # an end mark (tested first: fast)
            (?<!(?<![\p{{L}}]){or_regex(abbreviations)})  # not after TP. / ThS.
            [.!?…]++["”’)\]]*+                         # the end mark, closing quotes
            (?=\s++["“‘(]?+[\p{{Lu}}\d]|\s*+\n|\s*+\Z)  # a capital or digit, a line end, the end
          | \n++""",
        regex.VERBOSE,
    )


def split_sentences(text: str) -> list[Span]:
    """Sentence spans over ``text``, leading and trailing spaces excluded.

    >>> text = "TP. HCM có 5 làng. Năm 2019 đạt 1.350 tỷ đồng.\\nTin khác"
    >>> [text[a:b] for a, b in split_sentences(text)]
    ['TP. HCM có 5 làng.', 'Năm 2019 đạt 1.350 tỷ đồng.', 'Tin khác']
    """
    spans: list[Span] = []
    start = 0
    for mark in _boundary().finditer(text):
        _append_trimmed(text, start, mark.end(), spans)
        start = mark.end()
    _append_trimmed(text, start, len(text), spans)
    return spans


_CLAUSE_MARK = regex.compile(";")  # compiled once: clauses are split for every figure's sentence


def split_clauses(text: str, sentence: Span) -> list[Span]:
    """Clause spans inside a sentence: the parts between ``;`` marks.

    >>> text = "Dự kiến đạt 5%; tốc độ tăng 3%."
    >>> [text[a:b] for a, b in split_clauses(text, (0, len(text)))]
    ['Dự kiến đạt 5%;', 'tốc độ tăng 3%.']
    """
    spans: list[Span] = []
    start = sentence[0]
    for mark in _CLAUSE_MARK.finditer(text, sentence[0], sentence[1]):
        _append_trimmed(text, start, mark.end(), spans)
        start = mark.end()
    _append_trimmed(text, start, sentence[1], spans)
    return spans


def segment_start(text: str, start: int, position: int, marks: str = ",;:") -> int:
    """Where the comma-delimited segment holding ``position`` begins, never before ``start``.

    >>> text = "năm 2018, khối làng nghề đạt 12.380 tỷ đồng"
    >>> text[segment_start(text, 0, text.index("12.")) :]
    ' khối làng nghề đạt 12.380 tỷ đồng'
    """
    boundary = max(text.rfind(mark, start, position) for mark in marks)
    return max(boundary + 1, start)


def _append_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
