"""Related-news lists, the clean stage's main guard: their headlines carry other articles' figures.

A "Tin liên quan" marker followed by headlines ends the article, and everything from it to the
end is cut; a marker alone, a marker with one headline after ":", and a headline's time line
("17:31 | 29/01/2026 Làng nghề") left elsewhere are cut line by line. Run by ``clean.RULES``; the
markers are in ``data/boilerplate.toml`` [related_tail].
"""

from __future__ import annotations

from functools import cache
from typing import Any

import regex

from langnghe_extract import metadata
from langnghe_extract.boilerplate import or_regex, table
from langnghe_extract.html import is_related_marker
from langnghe_extract.page import Page

HEADLINE_MAX = 200  # characters: a related-news headline is shorter than this
LOOKAHEAD = 12  # lines looked at after a related-news marker
BOX_ITEMS = 8  # lines a related box inside the body holds at most (headlines, time lines)

_ITEM_DATED = regex.compile(r"\d{1,2}:\d{2}\s*+\|\s*+\d{1,2}/\d{1,2}/\d{4}(?:\s.{0,120}+)?+")
_ITEM_DATE_FIRST = regex.compile(
    r"\d{1,2}/\d{1,2}/\d{4}(?:\s*+[|,-]?\s*+\d{1,2}:\d{2})?+\s++[^\d\n.]{1,50}+"
)
_ITEM_CATEGORY = regex.compile(r"\d{1,2}:\d{2}\s++(?P<category>[^\d\n.]{1,50}+)")


@cache
def _line_patterns() -> dict[str, Any]:
    flags = regex.IGNORECASE | regex.VERBOSE
    return {
        "related_inline": regex.compile(
            rf"(?:{or_regex(table('related_tail')['markers'])})\s*+:\s*+", flags
        ),
    }


def is_item_meta(line: str) -> bool:
    """True for the time line under a related headline ("17:31 | 29/01/2026 Làng nghề").

    >>> is_item_meta("17:31 | 29/01/2026 Làng nghề, nghệ nhân")
    True
    >>> is_item_meta("12:12 Văn hóa - Xã hội")
    True
    >>> is_item_meta("17:31 chiều qua, đoàn công tác đã đến thăm 12 hộ sản xuất.")
    False
    """
    if len(line) > 160:
        return False
    if _ITEM_DATED.fullmatch(line) or _ITEM_DATE_FIRST.fullmatch(line):
        return True
    m = _ITEM_CATEGORY.fullmatch(line)
    return m is not None and len(m.group("category").split()) <= 6


def _is_headline_like(line: str) -> bool:
    return len(line) <= HEADLINE_MAX and not line.endswith((".", ":", ";", "…"))


def cut_related_tail(page: Page, rule: str) -> None:
    """From the first related-news marker followed by headlines, cut everything to the end but
    a byline closing the page after the list ("Tin liên quan … Trường Huy"), left for the
    byline rule."""
    kept = page.kept()
    for pos, i in enumerate(kept):
        if is_related_marker(page.lines[i]) and _opens_headline_list(page, kept[pos + 1 :]):
            tail = kept[pos:]
            if len(tail) > 2 and _is_closing_byline(page.lines[tail[-1]]):
                tail = tail[:-1]
            for j in tail:
                page.cut(j, rule)
            return


def _is_closing_byline(line: str) -> bool:
    return metadata.parse_byline(line) is not None or metadata.parse_bare_name(line) is not None


def _opens_headline_list(page: Page, following: list[int]) -> bool:
    """Headlines follow: time lines under them, or only short unpunctuated lines, before any
    paragraph. "Xem thêm" followed by a paragraph opens no list."""
    window: list[str] = []
    for i in following[:LOOKAHEAD]:
        if not _is_headline_like(page.lines[i]) and not is_item_meta(page.lines[i]):
            break
        window.append(page.lines[i])
    if len(window) == len(following):  # headlines to the very end, however few
        return True
    if sum(map(is_item_meta, window)) >= 2:
        return True
    return len(window) >= 3 and len(window) == len(following[:LOOKAHEAD])


def cut_related_markers(page: Page, rule: str) -> None:
    """A related box inside the body (the marker and the headline-like lines right after it,
    up to the next paragraph: CMS templates put "Tin liên quan" boxes between paragraphs), a
    marker alone, or a marker carrying one headline after ":"."""
    inline = _line_patterns()["related_inline"]
    kept = page.kept()
    for pos, i in enumerate(kept):
        line = page.lines[i]
        if is_related_marker(line):
            for j in [i, *_box_items(page, kept[pos + 1 :])]:
                page.cut(j, rule)
        elif (
            len(line) <= HEADLINE_MAX
            and ":" in line
            and (m := inline.match(line))
            and _is_headline_like(line[m.end() :].strip())
        ):
            page.cut(i, rule)


def _box_items(page: Page, following: list[int]) -> list[int]:
    """The headlines (and their time lines) right after a related marker, before the next
    paragraph: a box holds a few, so at most ``BOX_ITEMS`` lines are taken."""
    items: list[int] = []
    for i in following[:BOX_ITEMS]:
        if not (_is_headline_like(page.lines[i]) or is_item_meta(page.lines[i])):
            break
        items.append(i)
    return items


def cut_stray_headline_items(page: Page, rule: str) -> None:
    """A "17:31 | 29/01/2026 Category" line outside the tail, with the headline above it."""
    previous: int | None = None
    for i in page.kept():
        line = page.lines[i]
        if len(line) <= 160 and _ITEM_DATED.fullmatch(line):
            page.cut(i, rule)
            if previous is not None and _is_headline_like(page.lines[previous]):
                page.cut(previous, rule)
        previous = i


# A related headline linked inside a paragraph, in brackets ("… giá giảm mạnh. [Đồng Nai còn hơn
# 300.000 con lợn cần được "giải cứu"] Theo …"): a capital or a quote first, four words at
# least, no sentence end inside (a dot only in "300.000"). "[1]", "[sic]" and "[...]" are too
# short to be one.
_BRACKETED = regex.compile(
    r"[^\S\n]*+\[(?=[\"“]?\p{Lu})(?=(?:[^\]\s\n]++\s++){3})"
    r"(?:[^\[\]\n.!?]|\.(?=\d)){15,200}+\][^\S\n]*+"
)


def cut_bracketed_headlines(page: Page, rule: str) -> None:
    """Cut related headlines linked in brackets inside a paragraph: their figures and places
    belong to other articles."""
    for i in page.kept():
        line = page.lines[i]
        if "[" not in line:
            continue
        trimmed = _BRACKETED.sub(_join, line).strip()
        if not trimmed:
            page.cut(i, rule)
        elif trimmed != line:
            page.lines[i] = trimmed


def _join(found: regex.Match[str]) -> str:
    """What stands in for a cut headline: a space between words, nothing at a line's edge."""
    text = found.string
    inner = found.start() > 0 and found.end() < len(text)
    return " " if inner else ""
