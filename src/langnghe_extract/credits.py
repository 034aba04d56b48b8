"""Photo credits: "(Ảnh: Đỗ Tâm)" inside a paragraph, "Ảnh: Đỗ Tâm" alone, "Ảnh minh họa".

A credit names a photographer, not the article's author, and its words would otherwise run into
the sentence around it. Credits are removed from their line and a line left empty is cut;
captions that end in a credit are ``furniture``'s. Run by ``clean.RULES``; the credit words are
in ``data/boilerplate.toml`` [photo_credit].
"""

from __future__ import annotations

from functools import cache
from typing import Any

import regex

from langnghe_extract.boilerplate import or_regex, table
from langnghe_extract.page import Page


@cache
def _line_patterns() -> dict[str, Any]:
    flags = regex.IGNORECASE | regex.VERBOSE
    photo = or_regex(table("photo_credit")["words"])
    bare = or_regex(table("photo_credit")["bare"])
    sources = or_regex(table("photo_credit")["bare_sources"])
    return {
        "photo_inline": regex.compile(
            rf"\s*+\(\s*+(?:{photo})(?:\s*+[:.]\s*+[^()\n]{{0,80}}+|\s*+)\)", flags
        ),
        "photo_open": regex.compile(rf"\(\s*+(?:{photo})", flags),  # how photo_inline starts
        "photo_bare": regex.compile(  # "(Ảnh minh họa IT)", "… đồi cát. Ảnh minh họa Vào …"
            rf"""\s*+\(\s*+(?i:{bare})(?:\s++(?:{sources}))?+\s*+\)
              | (?:\s++[-–]\s++|\s++|^)(?:{bare})(?:\s++(?:{sources}))?+(?=\s++\p{{Lu}}|\s*+$)""",
            regex.VERBOSE,
        ),
        "photo_line": regex.compile(rf"(?:{photo})\s*+:\s*+[^\d\n]{{1,60}}+", flags),
    }


def cut_photo_credits(page: Page, rule: str) -> None:
    """Remove "(Ảnh: Đỗ Tâm)" from its line; drop a line that is only "Ảnh: Đỗ Tâm"."""
    patterns = _line_patterns()
    for i in page.kept():
        line = page.lines[i]
        if len(line) <= 80 and patterns["photo_line"].fullmatch(line):
            page.cut(i, rule)
        elif "(" in line:
            page.lines[i] = _without_inline_credits(line, patterns).strip()
            if not page.lines[i]:
                page.lines[i] = line
                page.cut(i, rule)
        if "nh minh h" in page.lines[i] or "nh tư liệu" in page.lines[i]:  # cheap first test
            _cut_bare_credits(page, i, rule, patterns)


def _cut_bare_credits(page: Page, i: int, rule: str, patterns: dict[str, Any]) -> None:
    """Remove "Ảnh minh họa" said of a photo from line ``i`` (``photo_bare``); a line left
    empty is cut."""
    trimmed = str(patterns["photo_bare"].sub(_caption_end, page.lines[i])).strip()
    if trimmed:
        page.lines[i] = trimmed
    else:
        page.cut(i, rule)


_NEXT_SENTENCE = regex.compile(r"\s++\p{Lu}")
_SENTENCE_ENDS = tuple('.!?…"”:;')


def _caption_end(credit: Any) -> str:
    """What a removed credit leaves: a full stop when it ended a caption written without one
    ("Sân bay mở rộng - Ảnh minh họa Bộ trưởng …" → "Sân bay mở rộng. Bộ trưởng …"), so the
    caption and the next paragraph stay two sentences; else nothing."""
    before = credit.string[: credit.start()].rstrip()
    opens_sentence = _NEXT_SENTENCE.match(credit.string, credit.end()) is not None
    return "." if before and opens_sentence and not before.endswith(_SENTENCE_ENDS) else ""


def _without_inline_credits(line: str, patterns: dict[str, Any]) -> str:
    """``patterns["photo_inline"].sub("", line)``, run only when a "(Ảnh" opens in the line.

    Why: the pattern starts with optional spaces, so it was tried at every character of every
    paragraph with a bracket; a match holds "(" and a credit word, which a search finds fast.
    """
    if patterns["photo_open"].search(line) is None:
        return line
    return str(patterns["photo_inline"].sub("", line))


MIN_REPEATED = 30  # characters: shorter lines ("Ảnh minh họa", a name) may repeat by chance


def cut_repeated_captions(page: Page, rule: str) -> None:
    """A caption that repeats the article's words: a line with no sentence end found whole
    inside a longer line ("Ông Đinh Viết Khanh - Chủ tịch Hội Khuyến học TP Cần Thơ", or the
    sentence above the photo without its full stop), or a later copy of such a line. Its
    figures would otherwise be counted twice."""
    kept = page.kept()
    body = "\n".join(page.lines[i] for i in kept)
    seen: set[str] = set()
    for i in kept:
        line = page.lines[i].strip()
        if len(line) < MIN_REPEATED or line.endswith(_SENTENCE_ENDS) or body.count(line) < 2:
            continue
        if line in seen or any(_holds(page.lines[j], line) for j in kept if j != i):
            page.cut(i, rule)
        seen.add(line)


def _holds(other: str, line: str) -> bool:
    """Whether ``other`` is a longer line with ``line`` inside it."""
    return len(other.strip()) > len(line) and line in other
