"""Line rules for the page furniture of other sites' text dumps, run by ``clean.RULES``.

Share and print widgets, readers' comment boxes, copyright footers, site names above the
headline, agency prefixes ("LNV - ", "(Chinhphu.vn) - ") and photo captions: each rule marks
whole lines of a ``Page`` as cut (or trims a prefix or a caption off a line) and takes its words
from the table of ``data/boilerplate.toml`` that bears its name.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import regex

from langnghe_extract.boilerplate import case_cues, or_regex, table
from langnghe_extract.literals import first_letters, holds_any
from langnghe_extract.metadata import parse_byline
from langnghe_extract.page import Page

MAX_WIDGET = 120  # characters: a widget line is short
MAX_FOOTER = 300  # characters: a footer line is short
FOOTER_ZONE = 8  # footer lines sit among the last kept lines
MAX_SITE_NAME = 60  # characters of a site name line
MAX_CAPTION = 500  # characters of a caption line ending in a photo credit (some run long)
MAX_SHORT_CAPTION = 150  # characters of a caption line above a credit line
MAX_CREDIT = 40  # characters of a photographer's name
MAX_GLUED = 8  # passes over a line with credits in a row
MAX_GLUED_CAPTION = 250  # characters of a caption glued before its credit

_FLAGS = regex.IGNORECASE | regex.VERBOSE
# A credited name's word: "Minh", "Đức/TTXVN", "Vietnam+", initials "L.A", "H.THANH".
_NAME = r"\p{Lu}[\p{L}\d/+]*+(?:\.\p{Lu}[\p{L}\d/+]*+)*+"


@cache
def _patterns() -> dict[str, Any]:
    photo_words = table("photo_credit")["words"]
    photo = or_regex(photo_words)
    domains = "|".join(regex.escape(d) for d in table("agency_prefix")["domains"])
    names = or_regex(table("agency_prefix")["names"])
    cap = MAX_GLUED_CAPTION
    return {
        "photo_words": tuple({word.split()[0] for word in photo_words}),  # first words
        "photo_cues": case_cues(photo_words),  # one is in every credit, in any case
        "photo_firsts": first_letters(photo_words),
        "opening_words": tuple({word.split()[0] for word in photo_words if " " in word}),
        "widget": regex.compile(
            rf"(?:(?:{or_regex(table('share_widget')['words'])})(?![\p{{L}}])|[\s|•·/()\d-])++",
            regex.IGNORECASE,
        ),
        "comment": regex.compile(
            rf"""(?:\(?\d{{1,6}}\)?\s*+)?+                  # "(12) Bình luận"
            (?:{or_regex(table("comment_box")["markers"])})
            (?:\s*+\(?\d{{1,6}}\)?)?+\s*+:?""",  # "Bình luận (12)"
            _FLAGS,
        ),
        "footer": regex.compile(
            rf"(?P<marker>{or_regex(table('copyright_footer')['markers'])})(?P<colon>\s*+:)?",
            regex.IGNORECASE,
        ),
        "agency": regex.compile(
            rf"""(?:\(\s*+[^()\n]{{2,30}}+\s*+\)                   # (Chinhphu.vn), (Dân trí)
              |(?:{names})                                        # a known name
              |[\p{{L}}\d-]{{2,30}}+(?i:{domains})(?i:\.vn)?+      # VOV.VN, Baomoi.com
              |\p{{Lu}}{{2,7}}+(?:\ \p{{Lu}}{{2,7}}+){{0,2}}+)      # LNV, TTXVN, HÀ NỘI
            \s*+[-–—]\s++(?=[\p{{Lu}}\d"“])""",
            regex.VERBOSE,
        ),
        "site_name": regex.compile(
            rf"""(?:(?:{or_regex(table("site_name")["words"])})\s++(?-i:\p{{Lu}})[\p{{L}}&.-]*+
                (?:\s++[\p{{L}}&.-]++){{0,6}}+
              |[\p{{L}}\d.-]{{2,40}}+(?:{domains})(?:\.vn)?+)""",
            _FLAGS,
        ),
        "caption_end": regex.compile(  # case-sensitive: "ảnh" inside a sentence is no credit
            rf"""(?:\s*+[-–]\s*+|\s++)(?:{photo})\s*+:\s*+[^()\n]{{1,{MAX_CREDIT}}}+\s*+\.?\s*+
            |\s*+\(\s*+(?:{photo})(?:\s*+:?\s*+[^()\n]{{1,{MAX_CREDIT}}}+)?+\)\s*+\.?\s*+""",
            regex.VERBOSE,
        ),
        "credit_alone": regex.compile(
            rf"\(?\s*+(?:{photo})\s*+:\s*+[^()\n]{{1,{MAX_CREDIT}}}+\)?\s*+\.?\s*+"
        ),
        "glued_related": regex.compile(
            rf"""(?:(?<=[.!?…"”)]\s)[^.!?…\n|]{{1,{MAX_SITE_NAME}}}+)?+  # the byline
            \|\s*+\d{{1,2}}:\d{{2}}\s++\d{{1,2}}/\d{{1,2}}/\d{{4}}\s++        # | 21:20 06/02/2017
            (?:{or_regex(table("related_tail")["markers"])})(?![\p{{L}}])""",
            _FLAGS,
        ),
        "caption_alone": regex.compile(rf"(?:{photo})", regex.IGNORECASE),
        "caption_opening": regex.compile(rf"(?:{_phrases(photo_words)})\s++(?=\p{{Lu}})"),
        "glued_cue": regex.compile(rf"(?:{photo})\s*+:"),  # every glued credit holds one
        "glued": regex.compile(
            rf"""(?:(?<=^)|(?<=[.!?…"”]\s))                   # at a sentence start
            (?:(?:(?!(?:{photo})\s*+:)[^.!?\n]){{1,{cap}}}+[.!?…]\s*+)?+  # a caption, ending "."
            \(\s*+(?:{photo})\s*+:[^()\n]{{1,{MAX_CREDIT}}}+\)\s*+     # (Ảnh: Khiếu Tư/TTXVN)
          | (?:(?<=^)|(?<=[.!?…"”]\s))
            (?:(?!(?:{photo})\s*+:)[^.!?\n]){{0,{cap}}}+[.!?…]?+\s*+    # a caption, "." or not
            (?<!\(\s*+)                                    # a bare credit, not "(Ảnh: …)"
            (?:{photo})\s*+:\s*+
            (?:{_NAME}(?:\ {_NAME}){{0,3}}+(?:\s{{2,}}+|\.\s++|$)     # Hải An. | Minh Đức/TTXVN
              |{_NAME}(?:\ {_NAME})?(?=\s\p{{Lu}})                    # L.A Qua …
              |[^\n.,;:\d]{{1,25}}?\.(?:\s++|$)                      # Cắt từ clip.
              |[\p{{Ll}}\d_.-]{{3,30}}+(?=\s++\p{{Lu}}|$))           # an account name
            \s*+""",
            regex.VERBOSE,
        ),
    }


def _phrases(words: list[str]) -> str:
    """Only the phrases of several words ("Ảnh minh họa", not "Ảnh"): safe at a line's start."""
    return or_regex(w for w in words if " " in w)


def cut_punctuation_lines(page: Page, rule: str) -> None:
    """A line with no letter and no digit ("." or "* * *" left by a scraper) says nothing."""
    for i in page.kept():
        if len(page.lines[i]) <= MAX_WIDGET and not any(map(str.isalnum, page.lines[i])):
            page.cut(i, rule)


def cut_share_widgets(page: Page, rule: str) -> None:
    """A line made only of share, print and font-size buttons: "Chia sẻ | Facebook | In bài"."""
    widget = _patterns()["widget"]
    for i in page.kept():
        line = page.lines[i]
        if len(line) <= MAX_WIDGET and widget.fullmatch(line) and any(c.isalpha() for c in line):
            page.cut(i, rule)


def cut_comment_box(page: Page, rule: str) -> None:
    """From a "Ý kiến bạn đọc" / "Bình luận (3)" line after the body, cut everything to the end."""
    comment = _patterns()["comment"]
    kept = page.kept()
    for pos, i in enumerate(kept):
        if pos > 0 and len(page.lines[i]) <= 60 and comment.fullmatch(page.lines[i]):
            for j in kept[pos:]:
                page.cut(j, rule)
            return


def cut_copyright_footer(page: Page, rule: str) -> None:
    """ "© 2024 Báo …", "Giấy phép số …", "Tổng biên tập: …" among the last lines of the page.

    "©" and "Copyright" are footers anywhere; the other words only near the end or before ":",
    because "Bản quyền tác giả …" can open a sentence of the article.
    """
    footer = _patterns()["footer"]
    kept = page.kept()
    tail = set(kept[-FOOTER_ZONE:])
    for i in kept:
        line = page.lines[i]
        m = footer.match(line) if len(line) <= MAX_FOOTER else None
        if m is None:
            continue
        always = m.group("marker").casefold() in ("©", "copyright")
        if always or m.group("colon") or i in tail:
            page.cut(i, rule)


def cut_site_names(page: Page, rule: str) -> None:
    """A site's name alone on a line above the headline: "Báo Nông thôn Ngày nay", "vov.vn"."""
    site = _patterns()["site_name"]
    zone = page.header_zone()
    for pos, i in enumerate(zone):
        line = page.lines[i]
        headline_after = any(not site.fullmatch(page.lines[j]) for j in zone[pos + 1 :])
        if len(line) <= MAX_SITE_NAME and headline_after and site.fullmatch(line):
            page.cut(i, rule)  # never the last header line: "Tạp chí Mỹ …" may be the headline


def trim_agency_prefix(page: Page, rule: str) -> None:
    """ "LNV - Sáng 12/3, …" → "Sáng 12/3, …" on the first body line (the prefix is not text)."""
    del rule  # a trim, not a cut: the line stays
    first = page.first_body_line()
    if first is None:
        return
    m = _patterns()["agency"].match(page.lines[first])
    if m is not None and len(page.lines[first]) > 2 * m.end():
        page.lines[first] = page.lines[first][m.end() :]


def cut_caption_lines(page: Page, rule: str) -> None:
    """A short line ending in a photo credit is a caption: "Sản phẩm lụa - Ảnh: Thanh Ba"."""
    patterns = _patterns()
    previous: int | None = None
    for i in page.kept():
        line, above = page.lines[i], previous
        previous = i
        if len(line) > MAX_CAPTION or not holds_any(line, patterns["photo_cues"]):
            continue  # each test below needs a photo word, in some case: most lines have none
        alone = line.lstrip(" .()")[:1] in patterns["photo_firsts"]  # else no word opens it
        if alone and patterns["caption_alone"].fullmatch(line.strip(" .()")):
            page.cut(i, rule)  # "Ảnh minh họa" alone
            continue
        if ":" in line and patterns["credit_alone"].fullmatch(line):
            # "( Ảnh : Thanh_Lâm ) ." under its caption; a bare "Ảnh: X" credits the article
            page.cut(i, rule)
            if line.startswith("(") and above is not None and _is_caption(page.lines[above]):
                page.cut(above, rule)
            continue
        start = _credit_at_end(line)
        if start is not None and parse_byline(line) is None:  # "Bài: X - Ảnh: Y" is a byline
            page.cut(i, rule)


def _is_caption(line: str) -> bool:
    """One short sentence (a caption above a credit line), not a paragraph."""
    body = line.rstrip(" .")
    return len(line) <= MAX_SHORT_CAPTION and not any(mark in body for mark in ".!?;:")


def _credit_at_end(line: str) -> int | None:
    """Where a trailing photo credit starts ("… - Ảnh: X", "… (Ảnh: X)"), else None."""
    patterns = _patterns()
    if not holds_any(line, patterns["photo_words"]) or not holds_any(line, (":", "(")):
        return None  # the credit pattern is case-sensitive and holds ":" or "(": fast
    for m in patterns["caption_end"].finditer(line):
        if m.end() == len(line) and m.start() > 0:
            return int(m.start())
    return None


def cut_glued_related_tail(page: Page, rule: str) -> None:
    """Flattened pages glue the byline, its time and the related-news list to the last
    paragraph ("… 3-0. Thanh Chương - Thể thao | 21:20 06/02/2017 Tin liên quan <headlines>"):
    the list's headlines carry figures that are not the article's, so the line is cut from the
    byline on, and every line after it."""
    pattern = _patterns()["glued_related"]
    kept = page.kept()
    for pos, i in enumerate(kept):
        line = page.lines[i]
        if "|" not in line or (found := pattern.search(line)) is None:
            continue
        page.lines[i] = line[: found.start()].rstrip()
        if not page.lines[i]:
            page.lines[i] = line
            page.cut(i, rule)
        for j in kept[pos + 1 :]:
            page.cut(j, rule)
        return


def _cut_glued(line: str, patterns: dict[str, Any]) -> tuple[str, int]:
    """``patterns["glued"].subn("", line)``, tried only near a credit ("Ảnh:").

    Why: flattened pages give lines of thousands of characters, and the caption pattern tried at
    every one of them cost more than the rest of cleaning. Every match holds a credit cue and
    starts at most a caption (250 characters), its full stop and the spaces and "(" before the
    cue ahead of it, so each search starts there; the result is the same as ``subn``'s.
    """
    cue = patterns["glued_cue"]
    pieces: list[str] = []
    done = count = 0
    while (found := cue.search(line, done)) is not None:
        match = _search_glued(line, max(done, _earliest_start(line, found.start())), patterns)
        if match is None:
            break
        pieces.append(line[done : match.start()])
        done, count = match.end(), count + 1
        if match.end() == match.start():
            break  # cannot happen (a match holds its cue); guards the loop all the same
    pieces.append(line[done:])
    return "".join(pieces), count


def _search_glued(line: str, start: int, patterns: dict[str, Any]) -> Any:
    """``patterns["glued"].search(line, start)``, tried only where a match can start.

    Why: a search tried the caption pattern at every character up to the end of the line (a
    page of thousands of characters when no caption was there). A match opens a sentence (the
    line's start, or after ".", "!", "?", "…" or a quote and a space) and holds a credit cue at
    most a caption ahead (``_earliest_start``), so only sentence starts near a cue are tried,
    in order: the first that matches is the one the search found.
    """
    glued = patterns["glued"]
    tried = start  # every position before this was tried, or can start no match
    for cue in patterns["glued_cue"].finditer(line, start, overlapped=True):
        low, high = max(tried, _earliest_start(line, cue.start())), cue.start()
        for at in _sentence_starts(line, low, high):
            if (match := glued.match(line, at)) is not None:
                return match
        tried = max(tried, high + 1)
    return None


_SENTENCE_END = regex.compile(r"[.!?…\"”](?=\s)")  # a glued caption's sentence starts after


def _sentence_starts(line: str, low: int, high: int) -> list[int]:
    """Positions in ``low..high`` where a sentence can open: 0, or after a sentence end and a
    space (the caption pattern's own look-behind)."""
    starts = [0] if low == 0 else []
    ends = _SENTENCE_END.finditer(line, max(0, low - 2), max(0, high))
    starts.extend(at for m in ends if low <= (at := m.start() + 2) <= high)
    return starts


def _earliest_start(line: str, cue: int) -> int:
    """The leftmost start a glued caption can have for a credit cue at ``cue``: back over the
    spaces and "(" before it, its full stop, and at most ``MAX_GLUED_CAPTION`` characters."""
    start = cue
    while start > 0 and line[start - 1].isspace():
        start -= 1
    if start > 0 and line[start - 1] == "(":
        start -= 1
        while start > 0 and line[start - 1].isspace():
            start -= 1
    return max(0, start - MAX_GLUED_CAPTION - 1)


def trim_glued_captions(page: Page, rule: str) -> None:
    """Flattened pages glue a caption and its credit to the next paragraph:
    "Làng gốm Bát Tràng. Ảnh: Hồng Vĩnh. Không được …" keeps only "Không được …"."""
    del rule  # a trim: the rest of the line is article text
    patterns = _patterns()
    for i in page.kept():
        line = page.lines[i]
        if "Ả" not in line and not line.startswith(patterns["opening_words"]):
            continue  # no opening phrase, no credit to cut: the loop below would change nothing
        opening = patterns["caption_opening"].match(line)
        trimmed = line[opening.end() :] if opening else line
        for _ in range(MAX_GLUED):  # "… Ảnh: a Ảnh: b Ảnh: c": each pass frees the next
            if "Ả" not in trimmed:
                break
            trimmed, count = _cut_glued(trimmed, patterns)
            if not count:
                break
        if trimmed and trimmed != line:
            page.lines[i] = trimmed.strip()
