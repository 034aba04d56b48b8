"""Clean stage: ``RawDocument`` → ``CleanDocument`` (title, author, published, body text).

The body must hold the article and nothing else: a figure in a related-news headline ("151 nghệ
nhân") would otherwise become a fact of this article. HTML is first reduced to one line per
paragraph (``html.html_article``); then every format goes through the same named line rules
(``RULES``), in the order written there. A rule marks whole lines as cut and records a ``Cut``
with its name, so a wrong cut traces back to one rule and one table in ``data/boilerplate.toml``.

Other sites' furniture (widgets, comment boxes, footers, captions, agency prefixes) is in
``furniture``, the PDF text rules in ``pdf_text``; dates are read by ``dates`` (``YYYY-MM-DD``,
``YYYY-MM-DDTHH:MM``, with ``+07:00`` when the page gives "GMT+7").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from langnghe_extract import dates, furniture, metadata, pdf_text, url_title
from langnghe_extract.boilerplate import or_regex, table
from langnghe_extract.html import html_article, is_related_marker
from langnghe_extract.html_main import main_text
from langnghe_extract.page import Cut, Page
from langnghe_extract.pdf_text import PDF_FORMATS, is_all_caps
from langnghe_extract.read import RawDocument

HEADLINE_MAX = 200  # characters: a related-news headline is shorter than this
LOOKAHEAD = 12  # lines looked at after a related-news marker
MAX_MAIN_TEXT = 4_000_000  # characters of markup; trafilatura takes seconds per MB beyond this
MAIN_TEXT_SHARE = 0.5  # trafilatura's text must hold at least this share of the simple reader's
BIG_PAGE = "page too big for the main-text extractor; read with the simple HTML reader"
NO_BODY = "no article body found"
TITLE_FROM_URL = "no headline line; title rebuilt from the URL, accents taken from the text"


@dataclass(frozen=True)
class CleanDocument:
    """The article body without page furniture, plus the metadata taken before it was dropped."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = field(default=())


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
        title=_nfc(desegment(page.title) if is_word_segmented(text) else page.title),
        author=_nfc(page.author or page.late_author),
        published=raw.published or page.published or page.late_published,
        url=raw.url or page.url,
        warnings=(*raw.warnings, *page.warnings),
    )
    return doc, page.cuts


_JOINED_SYLLABLES = regex.compile(r"\p{L}_\p{L}")
SEGMENTED_SHARE = 0.02  # syllables joined by "_" per word in a word-segmented corpus text


def is_word_segmented(text: str) -> bool:
    """True for research-corpus text whose words are joined with "_" ("làng_nghề").

    >>> is_word_segmented("Hà_Nội : 40/65 làng_nghề ô_nhiễm nghiêm_trọng")
    True
    >>> is_word_segmented("Hà Nội: 40/65 làng nghề ô nhiễm; file_name.txt")
    False
    """
    if text.find("_", 0, 20_000) < 0:
        return False  # no pattern scan over every article for the few corpora that join words
    sample = text[:20_000]
    joined = len(_JOINED_SYLLABLES.findall(sample))
    return joined >= 3 and joined >= SEGMENTED_SHARE * len(sample.split())


def desegment(title: str | None) -> str | None:
    """A word-segmented title as a reader writes it: "Hà_Nội : 40/65" → "Hà Nội : 40/65".

    The body keeps its underscores (spans index the text as given); the title is metadata.
    """
    return title.replace("_", " ") if title else title


def page_from_html(markup: str) -> Page:
    """Body lines from trafilatura (``html_main``), metadata from the markup (``html``).

    The simple reader's lines are used when trafilatura finds nothing, or much less text than
    the simple reader (it sometimes drops the paragraphs of an unusual template), or when the
    page is too big for it. Metadata read from ``<meta>``/``<time>``/bylines comes first;
    trafilatura's title and author and htmldate's date fill the gaps.
    """
    article = html_article(markup)
    warnings: list[str] = []
    found = None
    if len(markup) <= MAX_MAIN_TEXT:
        found = main_text(markup)
    else:
        warnings.append(BIG_PAGE)
    lines = article.lines
    if found is not None and _chars(found.lines) >= MAIN_TEXT_SHARE * _chars(article.lines):
        lines = found.lines
    page = Page(
        lines,
        "html",
        title=article.title or (found.title if found else None),
        author=article.author,
        published=article.published,
        url=article.url,
        late_author=found.author if found else None,
        late_published=found.published if found else None,
    )
    page.warnings.extend(warnings)
    return page


def _chars(lines: list[str]) -> int:
    return sum(len(line) for line in lines)


def page_from_text(raw: RawDocument) -> Page:
    """A text dump or PDF text, one line per line (the input's URL can rebuild a lost title)."""
    return Page(split_lines(raw.text), raw.format, url=raw.url)


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
_NAV_MARKS = "|»›>"  # a menu's separators; a line without one is a single part
_NAV_SPLIT = regex.compile(rf"\s*+[{_NAV_MARKS}]\s*+")


@cache
def _line_patterns() -> dict[str, Any]:
    flags = regex.IGNORECASE | regex.VERBOSE
    degrees = "|".join(regex.escape(s) for s in table("weather_widget")["degree_signs"])
    temperature = rf"-?\d{{1,2}}(?:[.,]\d)?+\s*+(?:{degrees})\s*+[CF]?+"
    place = r"[\p{L}\ .,:\-]{0,40}+"
    photo = or_regex(table("photo_credit")["words"])
    bare = or_regex(table("photo_credit")["bare"])
    sources = or_regex(table("photo_credit")["bare_sources"])
    return {
        "degrees": tuple(table("weather_widget")["degree_signs"]),  # a weather line holds one
        "weather": regex.compile(rf"{place}{temperature}(?:\s*+[-–/~]\s*+{temperature})?+{place}"),
        "tags": regex.compile(rf"(?:{or_regex(table('tags_line')['markers'])})\s*+:", flags),
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


# --- rules: anywhere in the document -----------------------------------------------------------


def cut_image_stubs(page: Page, rule: str) -> None:
    """Markdown image leftovers of a scraper: "![]() |" lines (seed 004)."""
    for i in page.kept():
        line = page.lines[i]
        if line.startswith(("!", "|")) and len(line) <= 2000 and _IMAGE_STUB.fullmatch(line):
            page.cut(i, rule)


def cut_weather_widgets(page: Page, rule: str) -> None:
    """Short temperature lines of a weather widget: "Hà Nội: 27°C Hà Nội", "Hà Nội 27°C"."""
    weather, degrees = _line_patterns()["weather"], _line_patterns()["degrees"]
    for i in page.kept():
        line = page.lines[i]
        if len(line) <= 100 and any(map(line.__contains__, degrees)) and weather.fullmatch(line):
            page.cut(i, rule)


def cut_tags_lines(page: Page, rule: str) -> None:
    """The article's tag list: "Tags: làng nghề, OCOP", "Từ khóa: …"."""
    tags = _line_patterns()["tags"]
    for i in page.kept():
        if ":" in page.lines[i] and tags.match(page.lines[i]):  # the marker's ":" is a must
            page.cut(i, rule)


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
            and ":" in line
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
        iso = dates.parse_date_line(page.lines[i])
        if iso is not None:
            page.published = page.published or iso
            page.cut(i, rule)


def cut_nav_menus(page: Page, rule: str) -> None:
    """A menu or breadcrumb near the top: "Trang chủ | Tin tức | Làng nghề", "Trang chủ » …"."""
    nav = _line_patterns()["nav"]
    for i in page.header_zone():
        line = page.lines[i]
        parts = _NAV_SPLIT.split(line) if any(map(line.__contains__, _NAV_MARKS)) else [line]
        short = all(len(p.split()) <= 5 and not any(c.isdigit() for c in p) for p in parts)
        if short and (
            len(parts) >= 3 or (len(parts) == 2 and nav.match(line)) or nav.fullmatch(line)
        ):
            page.cut(i, rule)


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
        last = i == kept[-1] and len(kept) > 1
        if byline is None and page.fmt not in PDF_FORMATS and last:
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


Rule = Callable[[Page, str], None]

RULES: tuple[tuple[str, Rule], ...] = (
    # the file's own header
    ("corpus_header", take_corpus_header),
    # anywhere in the document
    ("pdf_page_header", pdf_text.cut_pdf_page_headers),
    ("pdf_running_header", pdf_text.cut_pdf_running_header),
    ("pdf_hyphenation", pdf_text.join_pdf_hyphenation),
    ("image_stub", cut_image_stubs),
    ("weather_widget", cut_weather_widgets),
    ("tags_line", cut_tags_lines),
    ("share_widget", furniture.cut_share_widgets),
    ("punctuation_line", furniture.cut_punctuation_lines),
    ("caption_line", furniture.cut_caption_lines),  # before photo_credit trims the credit
    ("glued_caption", furniture.trim_glued_captions),
    ("photo_credit", cut_photo_credits),
    ("comment_box", furniture.cut_comment_box),  # before related_tail: comments end the page
    ("copyright_footer", furniture.cut_copyright_footer),
    ("related_tail", cut_related_tail),
    ("glued_related_tail", furniture.cut_glued_related_tail),
    ("related_marker", cut_related_markers),
    ("date_line", take_date_line),  # header zone; before stray items: "17:31 | 29/01/2026" alone
    ("stray_headline_item", cut_stray_headline_items),
    # the header zone (kept lines before the first long paragraph)
    ("nav_menu", cut_nav_menus),
    ("site_name", furniture.cut_site_names),
    ("title", take_title),
    ("repeated_title", cut_repeated_title),
    ("scraped_fragment", cut_scraped_fragments),
    ("caption_after_title", cut_caption_after_title),
    ("agency_prefix", furniture.trim_agency_prefix),
    # the end of the body
    ("byline", take_byline),
    ("pdf_columns_glued", pdf_text.warn_glued_columns),
)
