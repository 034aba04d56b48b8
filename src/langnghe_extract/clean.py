"""Clean stage: ``RawDocument`` → ``CleanDocument`` (title, author, published, body text).

The body must hold the article and nothing else: a figure in a related-news headline ("151 nghệ
nhân") would otherwise become a fact of this article. HTML is first reduced to one line per
paragraph (``html.html_article``); then every format goes through the same named line rules
(``RULES``), in the order written there. A rule marks whole lines as cut and records a ``Cut``
with its name, so a wrong cut traces back to one rule and one table in ``data/boilerplate.toml``.

The rules themselves live by theme: ``headline`` (title, date line, corpus header, byline),
``related`` (related-news lists), ``credits`` (photo credits), ``widgets`` (weather, tags, menus,
scraper leftovers), ``furniture`` (other sites' share widgets, comment boxes, footers, captions,
agency prefixes) and ``pdf_text`` (PDF text); dates are read by ``dates`` (``YYYY-MM-DD``,
``YYYY-MM-DDTHH:MM``, with ``+07:00`` when the page gives "GMT+7").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from langnghe_extract import credits, furniture, headline, pdf_text, related, widgets
from langnghe_extract.html import html_article
from langnghe_extract.html_main import main_text
from langnghe_extract.page import Cut, Page
from langnghe_extract.read import RawDocument

MAX_MAIN_TEXT = 4_000_000  # characters of markup; trafilatura takes seconds per MB beyond this
MAIN_TEXT_SHARE = 0.5  # trafilatura's text must hold at least this share of the simple reader's
BIG_PAGE = "page too big for the main-text extractor; read with the simple HTML reader"
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

    >>> split_lines(" a \\r\\n\\u00a0b\\n"), split_lines("a\\n\\nb\\n\\n")
    (['a', 'b'], ['a', '', 'b', ''])
    """
    return [line.strip() for line in _lines(text)]


# What ``str.splitlines`` splits at besides "\n" ("\r\n" holds "\r")
_OTHER_BREAKS = ("\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def _lines(text: str) -> list[str]:
    r"""``text.splitlines()``.

    Why: ``splitlines`` looks for eleven line breaks at every character; a text with only "\n"
    (most of them: the checks below are plain ``in`` scans) is split at "\n" in half the time.
    A last empty piece, after a final "\n" (or of an empty text), is no line for ``splitlines``.
    """
    for other in _OTHER_BREAKS:
        if other in text:
            return text.splitlines()
    lines = text.split("\n")
    if not lines[-1]:
        lines.pop()
    return lines


def apply_rules(page: Page) -> None:
    """Run every rule of ``RULES`` on ``page``, in order."""
    for name, rule in RULES:
        rule(page, name)


def _nfc(value: str | None) -> str | None:
    return unicodedata.normalize("NFC", value) if value else None


Rule = Callable[[Page, str], None]

RULES: tuple[tuple[str, Rule], ...] = (
    # the file's own header
    ("corpus_header", headline.take_corpus_header),
    # anywhere in the document
    ("pdf_page_header", pdf_text.cut_pdf_page_headers),
    ("pdf_running_header", pdf_text.cut_pdf_running_header),
    ("pdf_hyphenation", pdf_text.join_pdf_hyphenation),
    ("image_stub", widgets.cut_image_stubs),
    ("weather_widget", widgets.cut_weather_widgets),
    ("market_widget", widgets.cut_market_widgets),
    ("tags_line", widgets.cut_tags_lines),
    ("share_widget", furniture.cut_share_widgets),
    ("punctuation_line", furniture.cut_punctuation_lines),
    ("caption_line", furniture.cut_caption_lines),  # before photo_credit trims the credit
    ("glued_caption", furniture.trim_glued_captions),
    ("photo_credit", credits.cut_photo_credits),
    ("comment_box", furniture.cut_comment_box),  # before related_tail: comments end the page
    ("copyright_footer", furniture.cut_copyright_footer),
    ("related_tail", related.cut_related_tail),
    ("glued_related_tail", furniture.cut_glued_related_tail),
    ("related_marker", related.cut_related_markers),
    ("bracketed_headline", related.cut_bracketed_headlines),
    # header zone; before stray items: "17:31 | 29/01/2026" alone
    ("date_line", headline.take_date_line),
    ("stray_headline_item", related.cut_stray_headline_items),
    # the header zone (kept lines before the first long paragraph)
    ("nav_menu", widgets.cut_nav_menus),
    ("site_name", furniture.cut_site_names),
    ("title", headline.take_title),
    ("repeated_title", headline.cut_repeated_title),
    ("scraped_fragment", widgets.cut_scraped_fragments),
    ("caption_after_title", headline.cut_caption_after_title),
    ("agency_prefix", furniture.trim_agency_prefix),
    ("dateline", headline.take_dateline),
    ("url_date", headline.take_url_date),  # after every date the text prints
    # the end of the body
    ("byline", headline.take_byline),
    ("repeated_caption", credits.cut_repeated_captions),  # after the title, which repeats too
    ("pdf_columns_glued", pdf_text.warn_glued_columns),
)
