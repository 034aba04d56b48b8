"""HTML page → main text and metadata through trafilatura and htmldate, with our own pruning.

trafilatura finds the article among menus and sidebars better than a hand-written scorer, and
htmldate reads the dates that templates hide in markup. Both get the page as a parsed tree that we
have already pruned of related-news blocks (by CSS class and by a "Tin liên quan" heading with
the link lists after it), so neither text nor date can come from another article. htmldate is
always given the tree, never a URL (it would download). Both libraries are imported inside the
functions: they take a second to import, and text-only runs never need them.

trafilatura writes a table as Markdown rows ("| Chỉ tiêu | Năm 2023 |") and repeats the ``<h1>``
as the first line; ``main_text`` turns rows into "cell | cell" lines (the figures stay) and
drops the repeated headline.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import regex

from langnghe_extract import metadata
from langnghe_extract.html import BODY_PARAGRAPH, NOISE_TAGS, is_related_marker

SIBLINGS_AFTER_HEADING = 20  # blocks looked at after a "Tin liên quan" heading
LINK_SHARE = 0.6  # a block whose text is mostly link text is a list of other articles
MAX_TREE_NODES = 200_000  # trafilatura is slow on huge trees; bigger pages use the bs4 reader

_TABLE_ROW = regex.compile(r"\|(?P<cells>[^\n]*)\|\s*+")  # backtracks once, to the last "|"
_TABLE_RULE = regex.compile(r"\|(?:\s*+:?-{3,}+:?\s*+\|)++\s*+")
_LIST_BULLET = regex.compile(r"[-*•]\s++")


@dataclass(frozen=True)
class MainText:
    """What trafilatura and htmldate found: body lines, and metadata for where ours is missing."""

    lines: list[str]
    title: str | None = None
    author: str | None = None
    published: str | None = None


def main_text(markup: str) -> MainText | None:
    """The page's main text as lines, or None when trafilatura finds none (the caller falls back).

    >>> page = ("<html><head><title>Làng gốm - Báo Nhân Dân</title></head><body><article>"
    ...         "<h1>Làng gốm</h1><p>" + "Xã có 118 làng nghề truyền thống. " * 5 + "</p>"
    ...         "<div class='tin-lien-quan'><a href='/x'>Có 151 nghệ nhân</a></div>"
    ...         "</article></body></html>")
    >>> found = main_text(page)
    >>> found.title, [line[:30] for line in found.lines if line]
    ('Làng gốm', ['Xã có 118 làng nghề truyền thố'])
    """
    tree = _load_pruned(markup)
    if tree is None:
        return None
    published = _htmldate(tree)
    lead = _lead_text(tree)
    document = _trafilatura(tree)
    if document is None or not (document.text or "").strip():
        return None
    title = (
        metadata.strip_site_suffix(document.title, document.sitename) if document.title else None
    )
    lines = markdown_lines(document.text, title)
    if lead and _comparable(lead) not in _comparable(" ".join(lines)):
        lines = [lead, *lines]  # trafilatura drops an <h2 class="sapo">, and its figures
    author = metadata.clean_name(document.author) if document.author else None
    return MainText(lines, title=title or None, author=author, published=published)


def _load_pruned(markup: str) -> Any:
    """Parse with trafilatura's loader, then drop scripts and related-news blocks."""
    from trafilatura import load_html  # noqa: PLC0415 - slow import, HTML inputs only

    try:
        tree = load_html(markup)
    except (ValueError, RecursionError):  # lxml refuses some broken documents
        return None
    if tree is None:
        return None
    doomed = list(_related_elements(tree))
    if len(doomed) > MAX_TREE_NODES:
        return None
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()
    _unwrap_layout_tables(tree)
    return tree


# Old CMS templates lay the page out in a <table>: the article, the sidebar and the widgets each
# in a cell. trafilatura reads such a table as data and joins each cell into one "cell | cell"
# row. A table with paragraphs, headings or other blocks in its cells is layout, not data.
_LAYOUT_XPATH = "//table[.//td//*[self::p or self::div or self::h1 or self::h2 or self::ul]]"


def _unwrap_layout_tables(tree: Any) -> None:
    """Turn layout tables into plain blocks, so their cells read as the blocks they hold; a data
    table inside a layout cell (a list of OCOP products) stays a table."""
    doomed = []
    for table in tree.xpath(_LAYOUT_XPATH):
        doomed.append(table)
        for part in table.iter("tbody", "thead", "tfoot", "tr", "td", "th"):
            if next(part.iterancestors("table"), None) is table:
                doomed.append(part)
    for element in doomed:
        element.tag = "div"


# The lead paragraph (sapo) of Vietnamese CMS templates: "sapo", "article__sapo",
# "sapo-detail", "c-detail__sapo", "singular-sapo"; trafilatura often takes it for a heading.
_LEAD_XPATH = "//*[contains(translate(@class, 'SAPO', 'sapo'), 'sapo')]"
MIN_LEAD = 40  # characters: a shorter "sapo" element is a label, not the lead


def _lead_text(tree: Any) -> str | None:
    """The text of the page's first lead element (outside the related blocks, already pruned),
    or None."""
    for element in tree.xpath(_LEAD_XPATH):
        text = " ".join(" ".join(element.itertext()).split())
        if len(text) >= MIN_LEAD:
            return text
    return None


def _related_elements(tree: Any) -> list[Any]:
    """Scripts and styles, blocks whose class or id says "related", and marker-headed lists."""
    related = metadata.class_pattern("related_classes")
    found: list[Any] = []
    for count, element in enumerate(tree.iter()):
        if count > MAX_TREE_NODES:
            break
        if not isinstance(element.tag, str):
            continue
        classes = f"{element.get('class', '')} {element.get('id', '')}".lower()
        if element.tag == "script" and element.get("type") == "application/ld+json":
            continue  # structured data: htmldate reads datePublished from it, never text
        if element.tag in NOISE_TAGS or (
            element.tag not in ("html", "body") and related.search(classes)
        ):
            found.append(element)
        elif len(element) <= 2 and is_related_marker(_short_text(element)):
            found.extend(_heading_and_links(element))
    return found


def _short_text(element: Any, limit: int = 60) -> str:
    """The element's text up to ``limit`` characters (never the whole subtree of a big block)."""
    out: list[str] = []
    size = 0
    for piece in element.itertext():
        out.append(piece)
        size += len(piece)
        if size > limit:
            break
    return " ".join("".join(out).split())


def _heading_and_links(heading: Any) -> list[Any]:
    """A "Tin liên quan" heading (climbed to its wrapper) and the link lists that follow it."""
    node = heading
    while (parent := node.getparent()) is not None and parent.tag not in ("body", "html"):
        if len(parent) > 1 or (parent.text or "").strip():
            break
        node = parent
    found = [node]
    for count, sibling in enumerate(node.itersiblings()):
        if count >= SIBLINGS_AFTER_HEADING or not isinstance(sibling.tag, str):
            break
        if not _is_link_list(sibling):
            break
        found.append(sibling)
    return found


def _is_link_list(element: Any) -> bool:
    """Mostly link text, and no long paragraph: a list of other articles' headlines."""
    text = _short_text(element, limit=4 * BODY_PARAGRAPH)
    if not text:
        return True
    links = " ".join(" ".join(a.itertext()) for a in element.iter("a"))
    return len(" ".join(links.split())) >= LINK_SHARE * len(text)


def _htmldate(tree: Any) -> str | None:
    """The page's publication date by htmldate (original date, not the last update)."""
    from htmldate import find_date  # noqa: PLC0415 - slow import, HTML inputs only

    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        found = find_date(tree, original_date=True, extensive_search=True)
    except (ValueError, RecursionError):
        return None
    return found if isinstance(found, str) else None


def _trafilatura(tree: Any) -> Any:
    """trafilatura's document: main text with tables, no comments, metadata; None on failure."""
    from trafilatura import bare_extraction  # noqa: PLC0415 - slow import, HTML inputs only

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        return bare_extraction(
            tree,
            include_tables=True,
            include_comments=False,
            with_metadata=True,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except (ValueError, RecursionError, TypeError):
        return None


def markdown_lines(text: str, title: str | None) -> list[str]:
    """trafilatura's text → our lines: table rows as "cell | cell", the repeated headline dropped.

    >>> markdown_lines("Làng gốm\\n| Chỉ tiêu | Năm 2023 |\\n|---|---|\\n| Số hộ | 1.200 hộ |",
    ...                "Làng gốm")
    ['', 'Chỉ tiêu | Năm 2023', 'Số hộ | 1.200 hộ']
    >>> markdown_lines("- Có 46 doanh nghiệp.", None)
    ['Có 46 doanh nghiệp.']
    """
    lines: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if _TABLE_RULE.fullmatch(line):
            continue
        if m := _TABLE_ROW.fullmatch(line):
            cells = (" ".join(cell.split()) for cell in m.group("cells").split("|"))
            line = " | ".join(cell for cell in cells if cell)
        elif m := _LIST_BULLET.match(line):
            line = line[m.end() :]
        lines.append(line)
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is not None and title and _comparable(lines[first]) == _comparable(title):
        lines[first] = ""
    return lines


def _comparable(line: str) -> str:
    return " ".join(line.split()).strip(" .:").casefold()
