"""Metadata stage: title, author and published date, taken before boilerplate is dropped.

Bylines and date lines are page furniture that the clean stage removes from the body, so they are
read here first. Every marker word comes from ``data/boilerplate.toml``; this module only holds the
shapes (regular expressions) around them.

Dates are read by ``dates``; a headline rebuilt from a URL by ``url_title``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import regex
from bs4 import Tag

from langnghe_extract.boilerplate import or_regex, table
from langnghe_extract.dates import normalise_date
from langnghe_extract.literals import first_letters, holds_any

MAX_NAME = 60  # a byline name ("Thanh Hà - Minh Đức") is short
MAX_BYLINE = 120  # ... and its line, with an agency or source after it, not much longer


@dataclass(frozen=True)
class Byline:
    """A byline: the rule that recognised it and the author it names (None for a photo credit)."""

    rule: str
    author: str | None


# --- bylines -----------------------------------------------------------------------------------


@cache
def _byline_patterns() -> dict[str, Any]:
    t = table("byline")
    name = r"(?P<name>[^\d\n]{1,80}+)"
    flags = regex.IGNORECASE | regex.VERBOSE
    return {
        "byline_writer": regex.compile(
            rf"""(?:(?:{or_regex(t["writer_prefixes"])})\s*+:?
                 |(?:{or_regex(t["colon_prefixes"])})\s*+:)\s*+{name}""",
            flags,
        ),
        "byline_photo": regex.compile(
            rf"(?:{or_regex(t['photo_prefixes'])})\s*+:\s*+{name}", flags
        ),
        "byline_source": regex.compile(
            rf"(?:{or_regex(t['source_prefixes'])})(?:\s*+:\s*+|\s++){name}", flags
        ),
        # a paper's name alone closing the article: "Báo Hòa Bình" credits the source
        "byline_outlet": regex.compile(
            rf"(?P<name>(?:{or_regex(table('site_name')['words'])})\s++\p{{Lu}}[^\d\n]{{1,60}}+)"
        ),
        "photo_tail": regex.compile(
            rf"\s*+[-–;,|(]?\s*+(?:{or_regex(t['photo_prefixes'])})\s*+:.{{0,80}}+$", flags
        ),
    }


def parse_byline(line: str) -> Byline | None:
    """Recognise a prefixed byline line and name its author.

    >>> parse_byline("Bài và ảnh Thanh Hà")
    Byline(rule='byline_writer', author='Thanh Hà')
    >>> parse_byline("Bài: Minh Đức - Ảnh: Đỗ Tâm")
    Byline(rule='byline_writer', author='Minh Đức')
    >>> parse_byline("Ảnh: Đỗ Tâm")
    Byline(rule='byline_photo', author=None)
    >>> parse_byline("Theo Báo Nhân Dân")
    Byline(rule='byline_source', author='Báo Nhân Dân')
    >>> parse_byline("Báo Hòa Bình")  # a paper's name alone credits the source too
    Byline(rule='byline_source', author='Báo Hòa Bình')
    >>> parse_byline("Theo đó, giai đoạn 2022 - 2025, tỉnh Bắc Ninh sẽ tập trung") is None
    True
    >>> parse_byline("Bài viết liên quan") is None
    True
    """
    line = line.strip()
    if len(line) > 100 or line[:1] not in _byline_firsts():
        return None
    patterns = _byline_patterns()
    for rule in ("byline_writer", "byline_photo", "byline_source"):
        m = patterns[rule].fullmatch(line)
        if m is None:
            continue
        raw_name = patterns["photo_tail"].sub("", m.group("name"))
        name = writer_name(raw_name) if rule == "byline_writer" else clean_name(raw_name)
        if name is not None:
            return Byline(rule, None if rule == "byline_photo" else name)
    outlet = patterns["byline_outlet"].fullmatch(line)
    name = clean_name(outlet.group("name")) if outlet is not None else None
    return Byline("byline_source", name) if name is not None else None


@cache
def _byline_firsts() -> frozenset[str]:
    """The first letters, in every case, of the words that open a byline ``parse_byline`` knows.

    Why: its four patterns are tried on the last lines and the header of every page, and most
    of those lines ("Mi Vân", a sentence) open with no such letter, which a set look-up tells.
    """
    t = table("byline")
    keys = ("writer_prefixes", "colon_prefixes", "photo_prefixes", "source_prefixes")
    words = [*(w for key in keys for w in t[key]), *table("site_name")["words"]]
    return first_letters(words)


_NAME_WORD = regex.compile(r"\p{Lu}[\p{L}.]{0,15}+")
_NAME_SEPARATOR = regex.compile(r"[-–,/&]")
_PAREN_TAIL = regex.compile(r"\([^()\n]{0,40}+\)")  # "(TTXVN)" closing a byline name
_OUTLET_TAIL = regex.compile(r"(?<=\S)\s*+/\s*+[^\s/]{1,30}+\Z")  # "/VOV" closing one


def clean_name(text: str) -> str | None:
    """A byline name as written, without a trailing "." or "(agency)"; None if it is no name.

    >>> clean_name("Thanh Hà.")
    'Thanh Hà'
    >>> clean_name("Báo Nhân Dân"), clean_name("Elle/Vogue")  # a source may name two
    ('Báo Nhân Dân', 'Elle/Vogue')
    >>> clean_name("giai đoạn 2022") is None
    True
    >>> clean_name("Xuân_Khiển")  # a word-segmented corpus joins a name's syllables with "_"
    'Xuân Khiển'
    """
    name = _without_trailing_paren(text.replace("_", " ").strip()).strip().rstrip(".").strip()
    if len(name) > MAX_NAME:
        return None  # before splitting: the last line of every page is tried, most are long
    words = name.split()
    if not 1 <= len(words) <= 8:
        return None
    if any(ch.isdigit() or ch in ':;?!"“”' for ch in name):
        return None
    if not any(_NAME_WORD.fullmatch(part) for w in words for part in w.rstrip(",").split("/")):
        return None
    return name


def writer_name(text: str) -> str | None:
    """A writer's name, without the paper or source written after it ("Minh Thà/KD&PL",
    "Thanh Mai Theo InfoNet", "Xuân Lan -"); a source credit keeps its list ("BBC/ AFP").

    >>> writer_name("Minh Thà/KD&PL"), writer_name("Thanh Mai Theo InfoNet/VSD")
    ('Minh Thà', 'Thanh Mai')
    >>> writer_name("Xuân Lan -"), writer_name("Bảo Hạnh (Theo Wall Street Journal, AP)")
    ('Xuân Lan', 'Bảo Hạnh')
    """
    text = _without_trailing_paren(text.strip()).strip()
    if "/" in text:  # each pattern below is tried only when its literal is there: names are short
        text = _OUTLET_TAIL.sub("", text)
    paper = _paper_after_name().search(text) if holds_any(text, _DASHES) else None
    if paper is not None:
        text = text[: paper.start()]  # "Hoài An - Báo Quảng Nam"
    credit = _source_after_name().search(text) if holds_any(text, _source_words()) else None
    if credit is not None:
        text = text[: credit.start()]
    return clean_name(text.rstrip(" -–—,/"))


def _without_trailing_paren(text: str) -> str:
    """A stripped text without its last "(agency)", the spaces before it left for a strip.

    Why: a pattern anchored at the end ("\\s*+\\(…\\)$") was tried at every character of every
    page's last paragraph. Only the last "(" can open that bracket, so it alone is tried.
    """
    start = text.rfind("(") if text.endswith(")") else -1
    if start < 0 or _PAREN_TAIL.fullmatch(text, start) is None:
        return text
    return text[:start]


def parse_bare_name(line: str) -> str | None:
    """A line that is only a person's name ("Đức Minh"): 2-6 capitalised words, no digits.

    >>> parse_bare_name("Đức Minh")
    'Đức Minh'
    >>> parse_bare_name("Thanh Hà - Minh Đức (TTXVN)")
    'Thanh Hà - Minh Đức'
    >>> parse_bare_name("Tin liên quan") is None
    True
    >>> parse_bare_name("Đến nay, toàn tỉnh có 118 làng nghề.") is None
    True
    """
    if len(line) > MAX_BYLINE or line.strip().endswith("."):
        return None  # the last paragraph of most pages, or a sentence: no pattern need read it
    source = line.lstrip()[:1] in _byline_firsts()  # else no source prefix opens it
    if source and _byline_patterns()["byline_source"].fullmatch(line.strip()):
        return None  # "Theo DM/Hello!": a source credit, not a writer
    name = writer_name(line)
    if name is None:
        return None
    words = [w.rstrip(",") for w in name.split() if not _NAME_SEPARATOR.fullmatch(w)]
    if not 2 <= len(words) <= 6:
        return None
    if all(_NAME_WORD.fullmatch(w) for w in words):
        return name
    return None


@cache
def _glued_source() -> Any:
    """A source credit glued to the writer's name by the scraper: "Nhật LinhTheo Reuters"
    (two elements of one byline box, their space lost). The prefix starts right after a lower
    case letter, which no name or sentence does."""
    return _source_credit(r"(?<=\p{Ll})")


@cache
def _source_after_name() -> Any:
    """A source credit after a writer's name, glued or spaced: "Thanh Mai Theo InfoNet"."""
    return _source_credit(r"(?<=\S)\s*+")


@cache
def _source_words() -> tuple[str, ...]:
    """The first word of every source prefix ("Theo", "Nguồn"), as ``_source_credit`` needs it."""
    return tuple({prefix.split()[0] for prefix in table("byline")["source_prefixes"]})


def _source_credit(before: str) -> Any:
    """ "Theo X", "Nguồn: X" after ``before`` (a pattern of what precedes the prefix)."""
    prefixes = or_regex(table("byline")["source_prefixes"])
    return regex.compile(rf"{before}(?:{prefixes})(?:\s*+:\s*+|\s++)\p{{Lu}}")


_DASHES = ("-", "–", "—")  # one opens every ``_paper_after_name`` match


@cache
def _paper_after_name() -> Any:
    """A paper's name after a writer's, past a dash: "Hoài An - Báo Quảng Nam"."""
    return regex.compile(rf"\s++[-–—]\s++(?:{or_regex(table('site_name')['words'])})\s++\p{{Lu}}")


def parse_glued_byline(line: str) -> str | None:
    """The writer's name of a byline glued to its source credit, else None.

    >>> parse_glued_byline("Kim DungTheo Bloomberg"), parse_glued_byline("T.ThủyTheo The Verge")
    ('Kim Dung', 'T.Thủy')
    >>> parse_glued_byline("Theo Reuters") is None, parse_glued_byline("Nhà máy Theo dõi") is None
    (True, True)
    """
    if not holds_any(line, _source_words()):
        return None  # the pattern holds one of these as written: most last paragraphs have none
    found = _glued_source().search(line)
    if found is None:
        return None
    source = parse_byline(line[found.start() :])
    if source is None or source.rule != "byline_source":
        return None
    return writer_name(line[: found.start()])


# A byline glued to the end of the last paragraph by a flattened page ("… cho nhân dân. Nguyễn
# Sự (TTXVN)"): after the last sentence end that follows a lower-case word comes a short tail
# that is a byline. The lower-case word keeps "… tại TP. Hồ Chí Minh" (an abbreviation's dot) a
# sentence, and an initial's dot ("H. Nam") no sentence end.
_SENTENCE_END = regex.compile(r"\p{Ll}[.!?…][\"”’»)]*+\s++")
_MAX_GLUED = 100  # characters of a glued byline


def glued_byline(line: str) -> tuple[int, Byline] | None:
    """Where a byline glued after the last sentence of ``line`` starts, and what it names.

    >>> glued_byline("Bệnh viện khám chữa bệnh cho nhân dân. Nguyễn Sự (TTXVN)")
    (39, Byline(rule='byline_bare_name', author='Nguyễn Sự'))
    >>> glued_byline("Luật sư chưa nhận được câu trả lời. H. Nam")
    (36, Byline(rule='byline_bare_name', author='H. Nam'))
    >>> glued_byline("Hội thảo tổ chức tại TP. Hồ Chí Minh") is None
    True
    """
    ends = list(_SENTENCE_END.finditer(line, max(0, len(line) - _MAX_GLUED - 10)))
    if not ends or not 2 <= len(line) - ends[-1].end() <= _MAX_GLUED:
        return None
    start = ends[-1].end()
    tail = line[start:]
    byline = parse_byline(tail)
    if byline is None and (name := parse_glued_byline(tail) or parse_bare_name(tail)):
        byline = Byline("byline_bare_name", name)
    return None if byline is None else (start, byline)


# --- titles ------------------------------------------------------------------------------------


@cache
def _site_suffix_pattern() -> Any:
    words = or_regex(table("site_suffix")["site_words"])
    return regex.compile(
        rf"""\s++(?:\|\s*+[^|\n]{{1,80}}+                       # " | anything": always a site
           |[-–—]\s*+(?:{words})\b[^-–—|\n]{{0,80}}+          # " - Báo …": a site word
           |[-–—]\s*+[\w.-]{{1,60}}\.(?:vn|com|net))$      # " - nhandan.vn": a domain""",
        regex.IGNORECASE | regex.VERBOSE,
    )


def strip_site_suffix(title: str, site_name: str | None = None) -> str:
    """The headline without the site name that ``<title>`` (and often og:title) appends.

    >>> strip_site_suffix("Làng nghề mây tre - Báo Công Thương")
    'Làng nghề mây tre'
    >>> strip_site_suffix("Thanh Hóa: 118 làng nghề | Thanh Hoa Online")
    'Thanh Hóa: 118 làng nghề'
    >>> strip_site_suffix("Tứ Liên – Gìn giữ truyền thống")  # a dash inside the headline stays
    'Tứ Liên – Gìn giữ truyền thống'
    >>> strip_site_suffix("Làng gốm - VTV News", site_name="VTV News")
    'Làng gốm'
    >>> strip_site_suffix("Làng gốm Bát Tràng - VnExpress"), strip_site_suffix("Gốm - nhandan.vn")
    ('Làng gốm Bát Tràng', 'Gốm')
    """
    title = " ".join(title.split())
    if site_name:
        site = " ".join(site_name.split())
        for sep in (" - ", " – ", " — ", " | "):
            if title.endswith(sep + site) and len(title) > len(sep + site):
                return title[: -len(sep + site)].strip()
    for _ in range(2):  # "Headline - Section | Site"
        stripped = _site_suffix_pattern().sub("", title).strip()
        if not stripped or stripped == title:
            break
        title = stripped
    return title


# --- HTML --------------------------------------------------------------------------------------
# These read a list of the page's tags in document order, with related-news blocks, scripts and
# styles already left out by the caller (html.html_article), so no date comes from a related list.


@cache
def class_pattern(key: str) -> Any:
    """A regex matching a tag's "class id" string against the fragments of ``[html] key``.

    >>> bool(class_pattern("related_classes").search("box-tin-lien-quan clearfix"))
    True
    """
    fragments = sorted(table("html")[key], key=len, reverse=True)
    return regex.compile("|".join(regex.escape(f) for f in fragments))


def class_and_id(tag: Tag) -> str:
    """The tag's classes and id, lower case, as one string for ``class_pattern`` searches."""
    return f"{_attr(tag, 'class')} {_attr(tag, 'id')}".lower()


def _attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if value is None:
        return ""
    return value if isinstance(value, str) else " ".join(value)


def _value(tag: Tag) -> str | None:
    for name in ("content", "datetime", "href"):
        value = _attr(tag, name).strip()
        if value:
            return value
    return None if tag.name in ("meta", "link") else _text(tag)


def _meta(tags: list[Tag], *keys: str) -> str | None:
    """The value of the tag whose property, name, itemprop or rel is the earliest of ``keys``."""
    rank = {key: n for n, key in enumerate(keys)}
    best: tuple[int, str] | None = None
    for tag in tags:
        for attr in ("property", "name", "itemprop", "rel"):
            key = _attr(tag, attr).lower()
            if key in rank and (best is None or rank[key] < best[0]) and (value := _value(tag)):
                best = (rank[key], value)
    return best[1] if best else None


def _text(tag: Tag | None) -> str | None:
    if tag is None:
        return None
    text = " ".join(tag.get_text(" ").split())
    return text[:500] or None


def _within(tag: Tag, names: tuple[str, ...]) -> bool:
    return any(parent.name in names for parent in tag.parents)


def html_title(tags: list[Tag]) -> str | None:
    """og:title, else the article's ``<h1>``, else ``<title>``; without the site suffix."""
    site = _meta(tags, "og:site_name")
    h1s = [t for t in tags if t.name == "h1"]
    candidates = (
        _meta(tags, "og:title", "twitter:title"),
        next((_text(t) for t in h1s if _within(t, ("article", "main"))), None),
        next((_text(t) for t in h1s if not _within(t, ("header", "nav"))), None),
        next((_text(t) for t in tags if t.name == "title"), None),
    )
    for candidate in candidates:
        if candidate:
            return strip_site_suffix(candidate, site) or None
    return None


def html_author(tags: list[Tag]) -> str | None:
    """meta author / article:author, else a byline element, stripped of "Bài:", "Ảnh:" …"""
    site = _meta(tags, "og:site_name")
    meta = _meta(tags, "author", "article:author")
    if meta and not meta.startswith("http") and meta != site:
        return _author_from_text(meta)
    byline = class_pattern("byline_classes")
    for tag in tags:
        if tag.name not in ("html", "body", "meta") and byline.search(class_and_id(tag)):
            text = _text(tag)
            author = _author_from_text(text) if text else None
            if author:
                return author
    return None


def _author_from_text(text: str) -> str | None:
    byline = parse_byline(text)
    if byline is not None:
        return byline.author
    return clean_name(text)


def html_published(tags: list[Tag]) -> str | None:
    """article:published_time, itemprop datePublished, else the first ``<time datetime>``."""
    value = _meta(tags, "article:published_time", "datepublished", "pubdate", "publishdate")
    if value is None:
        times = [t for t in tags if t.name == "time" and _attr(t, "datetime")]
        outside = ("nav", "aside", "footer")
        value = next(
            (_attr(t, "datetime") for t in times if _within(t, ("article", "main"))),
            next((_attr(t, "datetime") for t in times if not _within(t, outside)), None),
        )
    return normalise_date(value) if value else None


def html_url(tags: list[Tag]) -> str | None:
    """The page's address: ``<link rel=canonical>``, else og:url."""
    return _meta(tags, "canonical", "og:url")
