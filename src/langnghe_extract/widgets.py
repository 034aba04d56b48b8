"""Site widgets and scraper leftovers: lines that belong to no article.

Weather widgets ("Hà Nội: 27°C"), tag lists, navigation menus and breadcrumbs, Markdown image
stubs ("![]() |") and a teaser's cut-off fragment ("toàn cấp độ C...") would otherwise stand in
the body as if the article said them. Each rule cuts whole lines; run by ``clean.RULES``, with
marker words from ``data/boilerplate.toml`` ([weather_widget], [tags_line], [nav_menu]).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import regex

from langnghe_extract.boilerplate import or_regex, table
from langnghe_extract.page import Page

_IMAGE_STUB = regex.compile(r"(?:!\[[^\]\n]{0,300}+\]\([^)\n]{0,1000}+\)\s*+\|?+\s*+)++|\|++")
_NAV_MARKS = "|»›>"  # a menu's separators; a line without one is a single part
_NAV_SPLIT = regex.compile(rf"\s*+[{_NAV_MARKS}]\s*+")


@cache
def _line_patterns() -> dict[str, Any]:
    flags = regex.IGNORECASE | regex.VERBOSE
    degrees = "|".join(regex.escape(s) for s in table("weather_widget")["degree_signs"])
    value = r"-?\d{1,2}(?:[.,]\d)?+"
    # "27°C", "27-34°C" (a day's range with one sign)
    temperature = rf"{value}(?:\s*+[-–/~]\s*+{value})?+\s*+(?:{degrees})\s*+[CF]?+"
    place = r"[\p{L}\ .,:\-]{0,40}+"
    market = or_regex(table("market_widget")["labels"])
    return {
        "degrees": tuple(table("weather_widget")["degree_signs"]),  # a weather line holds one
        # one place or several: "Nam Định: 27-34°C. Hà Nội: 28-35°C."
        "weather": regex.compile(
            rf"(?:{place}{temperature}(?:\s*+[-–/~]\s*+{temperature})?+){{1,6}}+{place}"
        ),
        # "USD: 25.980 - 26.340", "Vàng SJC: 85.500 - 87.000": buying and selling prices
        "market": regex.compile(
            rf"(?:(?:{market})[^\d\n]{{0,25}}+[\d.,]++\s*+[-–/]\s*+[\d.,]++[^\d\n]{{0,12}}+){{1,4}}+",
            regex.IGNORECASE,
        ),
        "tags": regex.compile(rf"(?:{or_regex(table('tags_line')['markers'])})\s*+:", flags),
        "nav": regex.compile(rf"(?:{or_regex(table('nav_menu')['markers'])})\b", flags),
    }


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


MAX_MARKET_LINE = 120  # characters: a box of prices is short


def cut_market_widgets(page: Page, rule: str) -> None:
    """Exchange-rate and gold-price boxes: "USD: 25.980 - 26.340", "Vàng SJC: 85.500 - 87.000".
    Their figures are prices of the day, not the article's."""
    market = _line_patterns()["market"]
    for i in page.kept():
        line = page.lines[i]
        if len(line) <= MAX_MARKET_LINE and market.fullmatch(line.strip()):
            page.cut(i, rule)


def cut_tags_lines(page: Page, rule: str) -> None:
    """The article's tag list: "Tags: làng nghề, OCOP", "Từ khóa: …"."""
    tags = _line_patterns()["tags"]
    for i in page.kept():
        if ":" in page.lines[i] and tags.match(page.lines[i]):  # the marker's ":" is a must
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


def cut_scraped_fragments(page: Page, rule: str) -> None:
    """Text dumps: a short lowercase fragment ending in "..." near the top ("toàn cấp độ C...")."""
    if page.fmt != "text":
        return
    for i in page.header_zone():
        line = page.lines[i]
        if len(line) <= 80 and line[:1].islower() and line.endswith(("...", "…")):
            page.cut(i, rule)
