"""Headline, date line, byline and a corpus file's header: metadata lines taken out of the body.

Each rule takes what it needs into the ``Page`` (title, published, url, author) and then cuts the
line, so a headline's or a byline's figures never become facts of the article; the headline's
repeat and the photo caption under it go too. The shapes of bylines and date lines are read by
``metadata`` and ``dates``; a headline a text dump lost is rebuilt from the URL by
``url_title``. Run by ``clean.RULES``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import regex

from langnghe_extract import dates, metadata, url_title
from langnghe_extract.boilerplate import or_regex, table
from langnghe_extract.page import Page
from langnghe_extract.pdf_text import PDF_FORMATS, is_all_caps

TITLE_FROM_URL = "no headline line; title rebuilt from the URL, accents taken from the text"


@cache
def _line_patterns() -> dict[str, Any]:
    flags = regex.IGNORECASE | regex.VERBOSE
    return {
        "order": regex.compile(rf"\b(?:{or_regex(table('caption')['number_words'])})\b", flags),
    }


# --- rules: the file's own header -------------------------------------------------------------

# A research corpus's header line "# url = https://…" (CoNLL-U comment style): a format, not
# language, so it lives here; which keys mean what is in boilerplate.toml [corpus_header].
_HEADER_LINE = regex.compile(
    r"""\#\s*+                    # the comment mark
    (?P<key>[a-z][a-z_]{0,30}+)   # a lowercase word: url, date, doc_id
    \s*+=\s*+                    # the separator
    (?P<value>.{0,2000}+)         # the value, to the end of the line
    """,
    regex.VERBOSE,
)
_COMPACT_DATE = regex.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})")


def take_corpus_header(page: Page, rule: str) -> None:
    """Leading "# key = value" lines: ``url`` and ``date`` are kept as metadata, all are cut."""
    if page.fmt == "html":
        return
    keys = table("corpus_header")
    for i in page.kept():
        m = _HEADER_LINE.fullmatch(page.lines[i])
        if m is None:
            break
        key, value = m.group("key"), m.group("value").strip()
        if key in keys["url_keys"] and value:
            page.url = page.url or value
        elif key in keys["date_keys"]:
            page.published = page.published or parse_header_date(value)
        page.cut(i, rule)


def parse_header_date(value: str) -> str | None:
    """``YYYY-MM-DD`` for a header's "20201015" or ISO date; None for anything else.

    >>> parse_header_date("20201015"), parse_header_date("2020-10-15T08:30:00+07:00")
    ('2020-10-15', '2020-10-15')
    >>> parse_header_date("20201315") is None, parse_header_date("hôm qua") is None
    (True, True)
    """
    if m := _COMPACT_DATE.fullmatch(value):
        value = f"{m['y']}-{m['m']}-{m['d']}"
    iso = dates.normalise_date(value)
    return iso[:10] if iso else None


# --- rules: the header zone --------------------------------------------------------------------


def take_date_line(page: Page, rule: str) -> None:
    """A date line near the top is the article's date: take it into ``published``, drop it;
    also one opened by the place it was filed from ("Thái Bình, ngày 22/5/2024")."""
    for i in page.header_zone():
        line = page.lines[i]
        iso = dates.parse_date_line(line)
        if iso is None and (placed := _PLACED_DATE.fullmatch(line.strip())) is not None:
            iso = dates.parse_date_line(placed.group("date"))
        if iso is not None:
            page.published = page.published or iso
            page.cut(i, rule)


# "Quảng Nam, 20/3/2024 - Năm 2023, …": a place, a comma, a date and a dash open the first
# paragraph; the place is up to four capitalised words, the date what ``dates`` can read
_DATELINE = regex.compile(
    r"(?P<place>\p{Lu}[\p{L}\p{M}.]*+(?:\ \p{Lu}[\p{L}\p{M}.]*+){0,3}+)\s*+,\s*+"
    r"(?P<date>[^\n]{6,40}?)\s++[-–—]\s++(?=[\p{Lu}\d\"“])"
)


# "Thái Bình, ngày 22/5/2024" or "Hưng Yên, 14/08/2024 – 16:05" alone on a line
_PLACED_DATE = regex.compile(
    r"\p{Lu}[\p{L}\p{M}.]*+(?:\ \p{Lu}[\p{L}\p{M}.]*+){0,3}+\s*+,\s*+(?P<date>[^\n]{6,60}+)"
)


def take_dateline(page: Page, rule: str) -> None:
    """A dateline opening the first paragraph ("Quảng Nam, 20/3/2024 - …") gives the article's
    date when nothing else did. The line stays as it is: its place may be the only one the
    article names, and a date is never read as a figure."""
    del rule  # nothing is cut
    first = page.first_body_line()
    if page.published is not None or first is None:
        return
    found = _DATELINE.match(page.lines[first])
    if found is not None:
        page.published = dates.parse_date_line(found.group("date"))


def take_url_date(page: Page, rule: str) -> None:
    """The publication time stamped in the article's address (Dân trí, Tuổi Trẻ), when the
    page itself gave no date: the last resort, so a date the text prints always wins."""
    del rule  # nothing is cut
    if page.published is None:
        page.published = dates.date_from_url(page.url)


def take_title(page: Page, rule: str) -> None:
    """The headline: a text dump's first line; a PDF page's all-caps block (joined with spaces)."""
    zone = page.header_zone()
    slug = url_title.slug_words(page.url)
    if page.fmt == "text" and zone and _can_be_title(page, zone[0]):
        if not slug or url_title.matches_slug(page.lines[zone[0]], slug):
            page.title, page.title_index = page.lines[zone[0]], zone[0]
            page.cut(zone[0], rule)
    elif page.fmt in PDF_FORMATS:
        block: list[int] = []
        for i in zone:
            if not is_all_caps(page.lines[i]) or len(block) == 4:
                break
            block.append(i)
        if block:
            page.title = " ".join(page.lines[i] for i in block)
            page.title_index = block[-1]
            for i in block:
                page.cut(i, rule)
        elif page.fmt == "pdf" and zone and _can_be_title(page, zone[0]):
            page.title, page.title_index = page.lines[zone[0]], zone[0]  # a PDF's first box
            page.cut(zone[0], rule)
    if page.title is None and slug:
        page.title = url_title.title_from_slug(slug, page.text())
        if page.title:
            page.warnings.append(TITLE_FROM_URL)
    if page.title is None and page.fmt != "html":
        page.warnings.append("no title line found")


def _can_be_title(page: Page, index: int) -> bool:
    """Not the only line (that is the body), and not a sentence: headlines end without "."."""
    line = page.lines[index]
    ends_sentence = line.endswith(".") and not line.endswith("...")
    return len(page.kept()) > 1 and not ends_sentence


def cut_repeated_title(page: Page, rule: str) -> None:
    """A line that repeats the headline (seed 002 prints it twice)."""
    if not page.title:
        return
    title = _comparable(page.title)
    for i in page.kept():
        line = page.lines[i]
        if len(line) <= 2 * len(page.title) and _may_be(line, title) and _comparable(line) == title:
            page.cut(i, rule)


def _comparable(line: str) -> str:
    return " ".join(line.split()).strip(" .:").casefold()


def _may_be(line: str, comparable: str) -> bool:
    """False when ``_comparable(line)`` cannot be ``comparable``: the line's first character,
    casefolded, does not open it (casefold maps each character on its own).

    Why: most lines of a page differ from the headline at their first letter, and this test
    costs a fraction of ``_comparable``'s split, join and casefold. A first character that
    ``_comparable`` strips (a space, ".", ":") leaves the answer to the full comparison.
    """
    first = line[:1]
    if not first or first.isspace() or first in ".:":
        return True
    return comparable.startswith(first.casefold())


def cut_caption_after_title(page: Page, rule: str) -> None:
    """Text dumps: the photo caption right after the title (short, no digit, then a paragraph)."""
    if page.fmt != "text" or page.title_index is None:
        return
    after = [i for i in page.kept() if i > page.title_index][:2]
    if len(after) < 2:
        return
    caption, following = page.lines[after[0]], page.lines[after[1]]
    if (
        len(caption) <= 100
        and not any(ch.isdigit() for ch in caption)
        and not _line_patterns()["order"].search(caption)
        and len(following) >= max(2 * len(caption), 120)
        and metadata.parse_byline(caption) is None  # "Bài và ảnh: Hoàng Lâm": the byline's
    ):
        page.cut(after[0], rule)


# --- rules: the end of the body ----------------------------------------------------------------

_BYLINE_RANK = {"byline_writer": 0, "byline_bare_name": 1, "byline_source": 2, "byline_photo": 3}


def _trim_glued_byline(page: Page) -> list[tuple[int, str]]:
    """A byline glued after the last sentence of a flattened page ("… cho nhân dân. Nguyễn Sự
    (TTXVN)") leaves the line; its rank and name are returned for ``take_byline``."""
    kept = page.kept()
    if not kept or page.fmt in PDF_FORMATS:
        return []
    glued = metadata.glued_byline(page.lines[kept[-1]])
    if glued is None:
        return []
    start, byline = glued
    page.lines[kept[-1]] = page.lines[kept[-1]][:start].rstrip()
    return [(_BYLINE_RANK[byline.rule], byline.author or "")]


def take_byline(page: Page, rule: str) -> None:
    """The byline at the end of the body (or under the title) names the author; drop it.

    "Bài và ảnh Thanh Hà" → Thanh Hà; a bare "Đức Minh" as the last line → Đức Minh; "Theo X"
    only when no writer is named; "Ảnh: X" is dropped, but a photographer is not the author.
    """
    found: list[tuple[int, str]] = _trim_glued_byline(page)
    kept = page.kept()
    for i in reversed(kept[-3:]):
        byline = metadata.parse_byline(page.lines[i])
        last = (i == kept[-1] or bool(found)) and len(kept) > 1  # the name above "Theo X" too
        if byline is None and page.fmt not in PDF_FORMATS and last:
            line = page.lines[i]
            name = metadata.parse_glued_byline(line) or metadata.parse_bare_name(line)
            byline = metadata.Byline("byline_bare_name", name) if name else None
        if byline is None:
            break
        found.append((_BYLINE_RANK[byline.rule], byline.author or ""))
        page.cut(i, f"{rule}:{byline.rule}")
    for i in page.header_zone():
        byline = metadata.parse_byline(page.lines[i])
        if byline is not None and byline.rule == "byline_writer":
            found.append((_BYLINE_RANK[byline.rule], byline.author or ""))
            page.cut(i, f"{rule}:{byline.rule}")
    authors = sorted((rank, name) for rank, name in found if name)
    if authors and page.author is None:
        page.author = authors[0][1]
