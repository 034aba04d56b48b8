"""Clean stage: ``RawDocument`` → ``CleanDocument`` (title, author, published, body text).

The body must hold the article and nothing else: a figure in a related-news headline ("151 nghệ
nhân") would otherwise become a fact of this article. HTML is first reduced to one line per
paragraph (``html.html_article``); then every format goes through the same named line rules
(``RULES``), in the order written there. A rule marks whole lines as cut and records a ``Cut``
with its name, so a wrong cut traces back to one rule and one table in ``data/boilerplate.toml``.

Photo captions are dropped conservatively: only a short line right after a text dump's title, with
no digit and no quantity word, followed by a longer paragraph (seed 000 "Làng nghề mây tre đan
Hoằng Thịnh."). Dates follow ``metadata`` (``YYYY-MM-DD``, ``YYYY-MM-DDTHH:MM``, with ``+07:00``
when the page gives "GMT+7").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from langnghe_extract import metadata
from langnghe_extract.html import BODY_PARAGRAPH, html_article, is_related_marker
from langnghe_extract.metadata import or_regex, table
from langnghe_extract.models import Format
from langnghe_extract.read import RawDocument

HEADER_ZONE_LINES = 15  # title, dates, menus and captions sit in the first few lines
HEADLINE_MAX = 200  # characters: a related-news headline is shorter than this
LOOKAHEAD = 12  # lines looked at after a related-news marker
COLUMNS_GLUED = "text looks like two PDF columns glued line by line; figures may be cut"
NO_BODY = "no article body found"


@dataclass(frozen=True)
class CleanDocument:
    """The article body without page furniture, plus the metadata taken before it was dropped."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Cut:
    """One line a rule removed: the rule's name, the line's index, its text."""

    rule: str
    line: int
    text: str


@dataclass
class Page:
    """The working state the rules share: lines (never reordered) and which are still kept."""

    lines: list[str]
    fmt: Format
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    title_index: int | None = None
    warnings: list[str] = field(default_factory=list)
    cuts: list[Cut] = field(default_factory=list)
    keep: list[bool] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.keep = [bool(line) for line in self.lines]

    def cut(self, index: int, rule: str) -> None:
        """Drop one line, remembering which rule did it."""
        if self.keep[index]:
            self.keep[index] = False
            self.cuts.append(Cut(rule, index, self.lines[index]))

    def kept(self) -> list[int]:
        """Indices of the lines still kept (empty lines are never kept)."""
        return [i for i, keep in enumerate(self.keep) if keep]

    def header_zone(self) -> list[int]:
        """Kept lines before the first body paragraph: where titles, dates and menus sit."""
        zone: list[int] = []
        for i in self.kept():
            if len(self.lines[i]) >= BODY_PARAGRAPH or len(zone) >= HEADER_ZONE_LINES:
                break
            zone.append(i)
        return zone

    def text(self) -> str:
        """The kept lines joined with newlines, NFC."""
        body = "\n".join(self.lines[i] for i in self.kept())
        return unicodedata.normalize("NFC", body)


# --- entry points ------------------------------------------------------------------------------


def clean_document(raw: RawDocument) -> CleanDocument:
    """Clean one document; never raises on any text (an empty body comes with a warning).

    >>> from langnghe_extract.read import read_bytes
    >>> data = "Tiêu đề\\n\\nCó 118 làng nghề.\\nTin liên quan".encode()
    >>> raw = read_bytes(data, source="-", doc_id="x")
    >>> doc = clean_document(raw)
    >>> doc.title, doc.text
    ('Tiêu đề', 'Có 118 làng nghề.')
    """
    return clean_document_traced(raw)[0]


def clean_document_traced(raw: RawDocument) -> tuple[CleanDocument, list[Cut]]:
    """Like ``clean_document``, with the cuts that were made (for tests and explain output)."""
    page = page_from_html(raw.text) if raw.format == "html" else page_from_text(raw)
    apply_rules(page)
    text = page.text()
    if not text:
        page.warnings.append(NO_BODY)
    doc = CleanDocument(
        text=text,
        title=_nfc(page.title),
        author=_nfc(page.author),
        published=raw.published or page.published,
        url=raw.url or page.url,
        warnings=(*raw.warnings, *page.warnings),
    )
    return doc, page.cuts


def page_from_html(markup: str) -> Page:
    """The lines and metadata ``html.html_article`` read from the markup, ready for the rules."""
    article = html_article(markup)
    return Page(
        article.lines,
        "html",
        title=article.title,
        author=article.author,
        published=article.published,
        url=article.url,
    )


def page_from_text(raw: RawDocument) -> Page:
    """A text dump or PDF text, one line per line."""
    return Page(split_lines(raw.text), raw.format)


def split_lines(text: str) -> list[str]:
    """Lines with surrounding whitespace (and no-break spaces) stripped.

    >>> split_lines(" a \\r\\n\\u00a0b\\n")
    ['a', 'b']
    """
    return [line.strip() for line in text.splitlines()]


def apply_rules(page: Page) -> None:
    """Run every rule of ``RULES`` on ``page``, in order."""
    for name, rule in RULES:
        rule(page, name)


def _nfc(value: str | None) -> str | None:
    return unicodedata.normalize("NFC", value) if value else None


# --- patterns ----------------------------------------------------------------------------------

_ITEM_DATED = regex.compile(r"\d{1,2}:\d{2}\s*+\|\s*+\d{1,2}/\d{1,2}/\d{4}(?:\s.{0,120}+)?+")
_ITEM_DATE_FIRST = regex.compile(
    r"\d{1,2}/\d{1,2}/\d{4}(?:\s*+[|,-]?\s*+\d{1,2}:\d{2})?+\s++[^\d\n.]{1,50}+"
)
_ITEM_CATEGORY = regex.compile(r"\d{1,2}:\d{2}\s++(?P<category>[^\d\n.]{1,50}+)")
_IMAGE_STUB = regex.compile(r"(?:!\[[^\]\n]{0,300}+\]\([^)\n]{0,1000}+\)\s*+\|?+\s*+)++|\|++")
_PAGE_NUMBER = regex.compile(r"(?:P\.\s?+)?+\d{1,4}+")
_SENTENCE_THEN_LOWER = regex.compile(r"\p{Ll}[.!?;]\s++\p{Ll}")
_NAV_SPLIT = regex.compile(r"\s*+[|»›>]\s*+")


@cache
def _line_patterns() -> dict[str, Any]:
    flags = regex.IGNORECASE | regex.VERBOSE
    degrees = "|".join(regex.escape(s) for s in table("weather_widget")["degree_signs"])
    temperature = rf"-?\d{{1,2}}(?:[.,]\d)?+\s*+(?:{degrees})\s*+[CF]?+"
    place = r"[\p{L}\ .,:\-]{0,40}+"
    photo = or_regex(table("photo_credit")["words"])
    return {
        "weather": regex.compile(rf"{place}{temperature}(?:\s*+[-–/~]\s*+{temperature})?+{place}"),
        "tags": regex.compile(rf"(?:{or_regex(table('tags_line')['markers'])})\s*+:", flags),
        "photo_inline": regex.compile(
            rf"\s*+\(\s*+(?:{photo})(?:\s*+[:.]\s*+[^()\n]{{0,80}}+|\s*+)\)", flags
        ),
        "photo_line": regex.compile(rf"(?:{photo})\s*+:\s*+[^\d\n]{{1,60}}+", flags),
        "page_header": regex.compile(
            rf"(?:{or_regex(table('pdf')['page_words'])})\s++\d{{1,5}}+(?P<pub>\s*+[-–:].{{0,200}}+)?+",
            flags,
        ),
        "related_inline": regex.compile(
            rf"(?:{or_regex(table('related_tail')['markers'])})\s*+:\s*+", flags
        ),
        "nav": regex.compile(rf"(?:{or_regex(table('nav_menu')['markers'])})\b", flags),
        "order": regex.compile(rf"\b(?:{or_regex(table('caption')['number_words'])})\b", flags),
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


def _is_all_caps(line: str) -> bool:
    return any(ch.isalpha() for ch in line) and line == line.upper()


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
    iso = metadata.normalise_date(value)
    return iso[:10] if iso else None


# --- rules: anywhere in the document -----------------------------------------------------------


def cut_pdf_page_headers(page: Page, rule: str) -> None:
    """PDF text: "Page 208 - …", "P. 208" and bare page-number lines (seed 003 ends with "204")."""
    if page.fmt != "pdf-text":
        return
    header = _line_patterns()["page_header"]
    for i in page.kept():
        line = page.lines[i]
        if len(line) <= 260 and (header.fullmatch(line) or _PAGE_NUMBER.fullmatch(line)):
            page.cut(i, rule)


def cut_pdf_running_header(page: Page, rule: str) -> None:
    """PDF text: an all-caps line right after a page header that repeats the publication's name."""
    if page.fmt != "pdf-text":
        return
    header = _line_patterns()["page_header"]
    publications = [
        m.group("pub").strip(" -–:").casefold()
        for cut in page.cuts
        if (m := header.fullmatch(cut.text)) and m.group("pub")
    ]
    after_header = {cut.line + 1 for cut in page.cuts} | {cut.line + 2 for cut in page.cuts}
    caps_counts: dict[str, int] = {}
    for i in page.kept():
        if _is_all_caps(page.lines[i]):
            caps_counts[page.lines[i]] = caps_counts.get(page.lines[i], 0) + 1
    for i in sorted(after_header):
        if i >= len(page.lines) or not page.keep[i] or not _is_all_caps(page.lines[i]):
            continue
        name = page.lines[i].strip(" :").casefold()
        if caps_counts[page.lines[i]] >= 2 or any(p.startswith(name) for p in publications):
            page.cut(i, rule)


def cut_image_stubs(page: Page, rule: str) -> None:
    """Markdown image leftovers of a scraper: "![]() |" lines (seed 004)."""
    for i in page.kept():
        if len(page.lines[i]) <= 2000 and _IMAGE_STUB.fullmatch(page.lines[i]):
            page.cut(i, rule)


def cut_weather_widgets(page: Page, rule: str) -> None:
    """Short temperature lines of a weather widget: "Hà Nội: 27°C Hà Nội", "Hà Nội 27°C"."""
    weather = _line_patterns()["weather"]
    for i in page.kept():
        if len(page.lines[i]) <= 100 and weather.fullmatch(page.lines[i]):
            page.cut(i, rule)


def cut_tags_lines(page: Page, rule: str) -> None:
    """The article's tag list: "Tags: làng nghề, OCOP", "Từ khóa: …"."""
    tags = _line_patterns()["tags"]
    for i in page.kept():
        if tags.match(page.lines[i]):
            page.cut(i, rule)


def cut_photo_credits(page: Page, rule: str) -> None:
    """Remove "(Ảnh: Đỗ Tâm)" from its line; drop a line that is only "Ảnh: Đỗ Tâm"."""
    patterns = _line_patterns()
    for i in page.kept():
        line = page.lines[i]
        if len(line) <= 80 and patterns["photo_line"].fullmatch(line):
            page.cut(i, rule)
        elif "(" in line:
            page.lines[i] = patterns["photo_inline"].sub("", line).strip()
            if not page.lines[i]:
                page.lines[i] = line
                page.cut(i, rule)


def cut_related_tail(page: Page, rule: str) -> None:
    """From the first related-news marker followed by headlines, cut everything to the end."""
    kept = page.kept()
    for pos, i in enumerate(kept):
        if is_related_marker(page.lines[i]) and _opens_headline_list(page, kept[pos + 1 :]):
            for j in kept[pos:]:
                page.cut(j, rule)
            return


def _opens_headline_list(page: Page, following: list[int]) -> bool:
    """Headlines follow: time lines under them, or only short unpunctuated lines, before any
    paragraph. "Xem thêm" followed by a paragraph opens no list."""
    window: list[str] = []
    for i in following[:LOOKAHEAD]:
        if not _is_headline_like(page.lines[i]) and not is_item_meta(page.lines[i]):
            break
        window.append(page.lines[i])
    if not following:
        return True
    if sum(map(is_item_meta, window)) >= 2:
        return True
    return len(window) >= 3 and len(window) == len(following[:LOOKAHEAD])


def cut_related_markers(page: Page, rule: str) -> None:
    """A marker line that opens no list ("Xem thêm" alone), or carries one headline after ":"."""
    inline = _line_patterns()["related_inline"]
    for i in page.kept():
        line = page.lines[i]
        if is_related_marker(line) or (
            len(line) <= HEADLINE_MAX
            and (m := inline.match(line))
            and _is_headline_like(line[m.end() :].strip())
        ):
            page.cut(i, rule)


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


# --- rules: the header zone --------------------------------------------------------------------


def take_date_line(page: Page, rule: str) -> None:
    """A date line near the top is the article's date: take it into ``published``, drop it."""
    for i in page.header_zone():
        iso = metadata.parse_date_line(page.lines[i])
        if iso is not None:
            page.published = page.published or iso
            page.cut(i, rule)


def cut_nav_menus(page: Page, rule: str) -> None:
    """A menu or breadcrumb near the top: "Trang chủ | Tin tức | Làng nghề", "Trang chủ » …"."""
    nav = _line_patterns()["nav"]
    for i in page.header_zone():
        line = page.lines[i]
        parts = _NAV_SPLIT.split(line)
        short = all(len(p.split()) <= 5 and not any(c.isdigit() for c in p) for p in parts)
        if short and (
            len(parts) >= 3 or (len(parts) == 2 and nav.match(line)) or nav.fullmatch(line)
        ):
            page.cut(i, rule)


def take_title(page: Page, rule: str) -> None:
    """The headline: a text dump's first line; a PDF page's all-caps block (joined with spaces)."""
    zone = page.header_zone()
    if page.fmt == "text" and zone and _can_be_title(page, zone[0]):
        page.title, page.title_index = page.lines[zone[0]], zone[0]
        page.cut(zone[0], rule)
    elif page.fmt == "pdf-text":
        block: list[int] = []
        for i in zone:
            if not _is_all_caps(page.lines[i]) or len(block) == 4:
                break
            block.append(i)
        if block:
            page.title = " ".join(page.lines[i] for i in block)
            page.title_index = block[-1]
            for i in block:
                page.cut(i, rule)
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
        if len(page.lines[i]) <= 2 * len(page.title) and _comparable(page.lines[i]) == title:
            page.cut(i, rule)


def _comparable(line: str) -> str:
    return " ".join(line.split()).strip(" .:").casefold()


def cut_scraped_fragments(page: Page, rule: str) -> None:
    """Text dumps: a short lowercase fragment ending in "..." near the top ("toàn cấp độ C...")."""
    if page.fmt != "text":
        return
    for i in page.header_zone():
        line = page.lines[i]
        if len(line) <= 80 and line[:1].islower() and line.endswith(("...", "…")):
            page.cut(i, rule)


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
    ):
        page.cut(after[0], rule)


# --- rules: the end of the body ----------------------------------------------------------------

_BYLINE_RANK = {"byline_writer": 0, "byline_bare_name": 1, "byline_source": 2, "byline_photo": 3}


def take_byline(page: Page, rule: str) -> None:
    """The byline at the end of the body (or under the title) names the author; drop it.

    "Bài và ảnh Thanh Hà" → Thanh Hà; a bare "Đức Minh" as the last line → Đức Minh; "Theo X"
    only when no writer is named; "Ảnh: X" is dropped, but a photographer is not the author.
    """
    found: list[tuple[int, str]] = []
    kept = page.kept()
    for i in reversed(kept[-3:]):
        byline = metadata.parse_byline(page.lines[i])
        if byline is None and page.fmt != "pdf-text" and i == page.kept()[-1] and len(kept) > 1:
            name = metadata.parse_bare_name(page.lines[i])
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


def warn_glued_columns(page: Page, rule: str) -> None:
    """PDF text: warn when lines join two columns (a sentence end, then a lowercase word).

    In one column a sentence ends at "." and the next starts with a capital; "… doanh nghiệp. sản
    xuất kinh doanh …" is the end of one column's line followed by the other column's. Two such
    lines are enough to say so; the lines are kept whole and in order (re-joining is later work).
    """
    del rule  # a warning, not a cut
    if page.fmt != "pdf-text":
        return
    glued = sum(1 for i in page.kept() if _SENTENCE_THEN_LOWER.search(page.lines[i][:5000]))
    if glued >= 2:
        page.warnings.append(COLUMNS_GLUED)


Rule = Callable[[Page, str], None]

RULES: tuple[tuple[str, Rule], ...] = (
    # the file's own header
    ("corpus_header", take_corpus_header),
    # anywhere in the document
    ("pdf_page_header", cut_pdf_page_headers),
    ("pdf_running_header", cut_pdf_running_header),
    ("image_stub", cut_image_stubs),
    ("weather_widget", cut_weather_widgets),
    ("tags_line", cut_tags_lines),
    ("photo_credit", cut_photo_credits),
    ("related_tail", cut_related_tail),
    ("related_marker", cut_related_markers),
    ("date_line", take_date_line),  # header zone; before stray items: "17:31 | 29/01/2026" alone
    ("stray_headline_item", cut_stray_headline_items),
    # the header zone (kept lines before the first long paragraph)
    ("nav_menu", cut_nav_menus),
    ("title", take_title),
    ("repeated_title", cut_repeated_title),
    ("scraped_fragment", cut_scraped_fragments),
    ("caption_after_title", cut_caption_after_title),
    # the end of the body
    ("byline", take_byline),
    ("pdf_columns_glued", warn_glued_columns),
)
