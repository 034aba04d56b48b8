"""HTML page → article lines and metadata, before the shared text cleaning in ``clean``.

A news page carries its title, author, date and URL in markup (``<meta>``, ``<time>``, bylines)
and its body in one container among menus, sidebars and related-news blocks. This module reads
the metadata first, skips related blocks and page furniture, picks the container with the most
paragraph text, and returns one line per paragraph; ``clean`` then runs the same line rules on
these lines as on a text dump.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import cache

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag, XMLParsedAsHTMLWarning
from bs4.element import CData, NavigableString, PageElement

from langnghe_extract import dates, metadata
from langnghe_extract.boilerplate import table

BODY_PARAGRAPH = 160  # characters: a line this long is article text, not page furniture
MAX_CANDIDATES = 200  # body containers scored; bounds the work on pathological pages


@dataclass(frozen=True)
class HtmlArticle:
    """What a page yields before line cleaning: body lines (one per block) and its metadata."""

    lines: list[str]
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None


@cache
def _markers() -> frozenset[str]:
    return frozenset(m.casefold() for m in table("related_tail")["markers"])


def is_related_marker(line: str) -> bool:
    """True for a line that is exactly a related-news heading ("Tin liên quan", "Tin khác:").

    Shared with the text rules of ``clean``: a heading in markup and a line in a text dump are
    recognised alike.

    >>> is_related_marker("Tin khác:")
    True
    >>> is_related_marker("Tin khác nhau về số liệu làng nghề")
    False
    """
    return len(line) <= 40 and " ".join(line.strip(" :.-–»>").split()).casefold() in _markers()


# --- page structure ---------------------------------------------------------------------------
# Nothing is removed from the parsed tree (bs4 removals cost a scan of the siblings each, which is
# quadratic on a page of 20,000 "Tin liên quan" blocks); skipped elements are kept in a set of ids.

# never article text, whichever reader parses the page (html_main prunes them before trafilatura)
NOISE_TAGS = frozenset(
    ("script", "style", "noscript", "template", "iframe", "svg", "object", "embed")
)
_FURNITURE = ("nav", "header", "footer", "aside", "form", "button", "select", "figcaption", "h1")
_BLOCKS = frozenset((
    "p", "div", "section", "article", "main", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "tr", "table", "blockquote", "figure", "dd", "dt", "dl", "pre", "address", "caption",
))  # fmt: skip
_CELL = "\x1f"  # marks a table cell boundary until cells are joined with " | "


def html_article(markup: str) -> HtmlArticle:
    """HTML → one line per paragraph of the article, with the metadata read from the markup first.

    Order matters: related-news blocks are skipped before any ``<time>`` is read (a date must
    never come from them), metadata is read before nav/header/footer are skipped, and the body
    container is chosen last, as the one with the most paragraph text.

    >>> page = html_article("<title>T</title><article><p>Có 118 làng nghề.</p></article>")
    >>> page.title, [line for line in page.lines if line]
    ('T', ['Có 118 làng nghề.'])
    """
    soup = parse_html(markup)
    skip = _skip_noise_and_related(soup)
    head = [t for t in soup.find_all(("meta", "link", "title")) if not _skipped(t, skip)]
    tags = head + visible_tags(soup, skip)
    title, author = metadata.html_title(tags), metadata.html_author(tags)
    published = metadata.html_published(tags) or shown_date(tags)
    url = metadata.html_url(tags)
    _skip_furniture(tags, skip)
    container = main_container(tags, skip)
    lines = _lead_lines(tags, container, skip) + block_lines(container, skip)
    return HtmlArticle(lines, title=title, author=author, published=published, url=url)


DATE_TAGS_AFTER_H1 = 40  # tags looked at after the headline for the date the page shows
DATE_TEXT = 80  # characters: a date element is short


def shown_date(tags: list[Tag]) -> str | None:
    """The date line the page shows right after its headline ("Thứ hai, 17/06/2024 | 20:44"),
    for pages with no date in ``<meta>`` or ``<time>``. Related lists are already left out.

    >>> page = parse_html("<h1>Làng gốm</h1><div><span>Thứ hai, 17/06/2024 | 20:44</span></div>")
    >>> shown_date(visible_tags(page, set()))
    '2024-06-17T20:44'
    """
    start = next((n for n, tag in enumerate(tags) if tag.name == "h1"), None)
    if start is None:
        return None
    for tag in tags[start + 1 : start + 1 + DATE_TAGS_AFTER_H1]:
        text = tag.get_text(" ", strip=True) if len(tag.contents) <= 8 else ""
        if text and len(text) <= DATE_TEXT and (iso := dates.parse_date_line(text)):
            return iso
    return None


def _skip_noise_and_related(soup: BeautifulSoup) -> set[int]:
    """Ids of scripts and styles, related-news blocks by class, and "Tin liên quan" headings."""
    related = metadata.class_pattern("related_classes")
    skip = {
        id(tag)
        for tag in soup.find_all(True)
        if tag.name in NOISE_TAGS
        or (tag.name not in ("html", "body") and related.search(metadata.class_and_id(tag)))
    }
    _skip_related_headings(soup, skip)
    return skip


def parse_html(markup: str) -> BeautifulSoup:
    """Parse with lxml, silencing bs4's guesses about what the markup is (we know it is HTML)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(markup, features="lxml")


def _skipped(tag: Tag, skip: set[int]) -> bool:
    return id(tag) in skip or any(id(parent) in skip for parent in tag.parents)


def visible_tags(root: Tag, skip: set[int]) -> list[Tag]:
    """Every tag under ``root`` in document order, leaving out skipped subtrees."""
    found: list[Tag] = []
    stack: list[Tag] = [root]
    while stack:
        tag = stack.pop()
        if id(tag) in skip:
            continue
        found.append(tag)
        stack.extend(c for c in reversed(tag.contents) if isinstance(c, Tag))
    return found


def _skip_related_headings(soup: BeautifulSoup, skip: set[int]) -> None:
    """A heading "Tin liên quan" and the headline blocks after it, up to a long paragraph."""
    for string in soup.find_all(string=True):
        parent = string.parent
        if len(string) > 60 or parent is None or not is_related_marker(str(string).strip()):
            continue
        node = _outermost_wrapper(parent)
        if _skipped(node, skip):
            continue
        skip.add(id(node))
        for sibling in node.next_siblings:
            if isinstance(sibling, Tag):
                if sibling.name == "p" and len(sibling.get_text()) >= BODY_PARAGRAPH:
                    break
                skip.add(id(sibling))


def _outermost_wrapper(node: Tag) -> Tag:
    """Climb from the heading's element while its parent holds nothing else."""
    while (parent := node.parent) is not None and parent.name not in ("body", "html", "[document]"):
        others = [c for c, _ in zip(parent.children, range(8), strict=False) if c is not node]
        if len(others) >= 7 or any(isinstance(c, Tag) or str(c).strip() for c in others):
            break
        node = parent
    return node


def _skip_furniture(tags: list[Tag], skip: set[int]) -> None:
    byline = metadata.class_pattern("byline_classes")
    for tag in tags:
        if tag.name in _FURNITURE or (
            tag.name not in ("html", "body")
            and byline.search(metadata.class_and_id(tag))
            and len(tag.get_text()) <= 100
        ):
            skip.add(id(tag))


def main_container(tags: list[Tag], skip: set[int]) -> Tag | None:
    """The article's element: the deepest candidate with ≥85% of the most paragraph text.

    One backward pass over the tags (children before parents) adds up each subtree's paragraph
    text, so the work is linear even on 20,000 unclosed, nested ``<p>`` (a walk up the parents
    from every paragraph would be quadratic there).
    """
    content = metadata.class_pattern("content_classes")
    candidates = [
        t
        for t in tags
        if t.name in ("article", "main")
        or _attr_is(t, "itemprop", "articleBody")
        or (t.name not in ("html", "body") and content.search(metadata.class_and_id(t)))
    ][:MAX_CANDIDATES]
    hidden = _hidden(tags, skip)
    order = {id(t): n for n, t in enumerate(tags)}
    score, last = _paragraph_scores(tags, hidden)
    scored = [(score[id(c)], c) for c in candidates if id(c) not in hidden and score[id(c)] > 0]
    body = next((t for t in tags if t.name == "body"), None)
    if not scored:
        return body
    best_score, best = max(scored, key=lambda sc: sc[0])
    for value, candidate in scored:
        inside = order[id(candidate)] < order[id(best)] <= last[id(candidate)]
        if value >= 0.85 * best_score and inside:
            best = candidate  # a tighter container holding almost the same text
    return best


def _hidden(tags: list[Tag], skip: set[int]) -> set[int]:
    """Ids of the tags that are skipped or inside a skipped tag (``tags`` in document order)."""
    hidden: set[int] = set()
    for tag in tags:
        if id(tag) in skip or id(tag.parent) in hidden:
            hidden.add(id(tag))
    return hidden


def _paragraph_scores(tags: list[Tag], hidden: set[int]) -> tuple[dict[int, int], dict[int, int]]:
    """Per tag: the length of the visible ``<p>`` text in its subtree, and the position of its
    last descendant in ``tags`` (to tell ancestors without walking parents)."""
    order = {id(t): n for n, t in enumerate(tags)}
    score = dict.fromkeys(order, 0)
    inner = dict.fromkeys(order, 0)  # text not yet claimed by a paragraph
    last = dict(order)
    for tag in reversed(tags):
        key = id(tag)
        inner[key] += sum(len(c) for c in tag.contents if type(c) is NavigableString)
        if tag.name == "p" and key not in hidden:
            score[key] += inner[key]
            inner[key] = 0
        parent = id(tag.parent)
        if parent in order:
            score[parent] += score[key]
            inner[parent] += inner[key] if tag.name != "p" else 0
            last[parent] = max(last[parent], last[key])
    return score, last


def _attr_is(tag: Tag, name: str, value: str) -> bool:
    return tag.get(name) == value


def _lead_lines(tags: list[Tag], container: Tag | None, skip: set[int]) -> list[str]:
    """The sapo (lead paragraph) when the template puts it outside the chosen container."""
    lead_class = metadata.class_pattern("lead_classes")
    for lead in tags:
        if lead.name in ("html", "body", "meta") or not lead_class.search(
            metadata.class_and_id(lead)
        ):
            continue
        if container is not None and (
            lead is container or container in lead.parents or lead in container.parents
        ):
            continue
        if not _skipped(lead, skip) and len(lead.get_text()) <= 1000:
            return block_lines(lead, skip)
    return []


def block_lines(container: Tag | None, skip: set[int]) -> list[str]:
    """One line per block element (paragraph, heading, list item, table row), spaces collapsed."""
    if container is None:
        return []
    out: list[str] = []
    stack: list[PageElement | None] = [container]
    while stack:
        node = stack.pop()
        if node is None or (isinstance(node, Tag) and node.name == "br"):
            out.append("\n")
        elif isinstance(node, Tag) and id(node) not in skip:
            if node.name in ("td", "th"):
                out.append(_CELL)
            if node.name in _BLOCKS:
                out.append("\n")
                stack.append(None)
            stack.extend(reversed(node.contents))
        elif type(node) is NavigableString or isinstance(node, CData):
            out.append(str(node))
    return [_join_cells(line) for line in "".join(out).split("\n")]


def _join_cells(line: str) -> str:
    cells = (" ".join(cell.split()) for cell in line.split(_CELL))
    return " | ".join(cell for cell in cells if cell)
