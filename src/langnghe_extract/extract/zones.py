"""Which lines of a cleaned text are the article's body proper, for choosing its province.

Why here and not only in ``clean.py``: the clean stage cuts page furniture it is sure of, and
keeps what it doubts; a menu line or a related-news list it kept must still never decide what the
article is about ("Thời sự | Hà Nội | TP.HCM", "Tin liên quan: Hà Nội: …"). The related-news
markers are the clean stage's own table (``boilerplate.toml``), so both agree on them.
"""

from __future__ import annotations

from functools import cache

import regex

from langnghe_extract.data import load_table
from langnghe_extract.extract.gazetteer import fold
from langnghe_extract.literals import holds_any

# A line with two or more of these separators is a menu ("Thời sự | Hà Nội | …").
_MENU_SEPARATORS = "|•·»›"
_MENU_SEPARATOR = regex.compile(f"[{regex.escape(_MENU_SEPARATORS)}]")
_MENU_RUN = 4  # ... and so is a run of at least this many one-to-three-word lines
_MENU_WORDS = 3
_MENU_CHARS = 40  # ... which are never longer than this


@cache
def _related_markers() -> frozenset[str]:
    """Lines that open a related-news list ("Tin liên quan"), shared with the clean stage."""
    return frozenset(fold(m) for m in load_table("boilerplate")["related_tail"]["markers"])


def body_end(text: str) -> int:
    """Where a related-news list starts (a line that is only its marker), else the text's end.

    >>> body_end("Tỉnh Nam Định.\\nTin liên quan:\\nHà Nội: 40 làng nghề")
    15
    """
    start = 0
    for line in text.split("\n"):
        words = line.strip().rstrip(":").strip()
        if len(words) < 40 and words and fold(words) in _related_markers():
            return start
        start += len(line) + 1
    return len(text)


def menu_lines(text: str) -> list[tuple[int, int]]:
    """Spans of lines that are a site menu: many separators, or a run of one-to-three-word lines.

    >>> menu_lines("Thời sự | Hà Nội | TP.HCM\\nLàng nghề Bắc Ninh phát triển mạnh.")
    [(0, 25)]
    >>> len(menu_lines("Trang chủ\\nThời sự\\nHà Nội\\nKinh tế\\nTỉnh Nam Định có 90 làng nghề."))
    4
    """
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    start = 0
    # Most texts have no separator: then no line is tested (``in`` runs in C, ~15x faster).
    separated = holds_any(text, _MENU_SEPARATORS)
    for line in text.split("\n"):
        span = (start, start + len(line))
        start += len(line) + 1
        if separated and len(_MENU_SEPARATOR.findall(line)) >= 2:
            spans.append(span)
        words = line.split() if len(line) <= _MENU_CHARS else []
        if 0 < len(words) <= _MENU_WORDS and line.rstrip()[-1] not in ":.!?,;":
            run.append(span)
            continue
        spans += run if len(run) >= _MENU_RUN else []
        run = []
    return spans + (run if len(run) >= _MENU_RUN else [])
