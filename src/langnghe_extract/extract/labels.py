"""Labels, not quantities: dates, clock times, document numbers, years and ordinals.

``29/01/2026``, ``17:31``, ``148/KH-UBND``, ``2011-2019`` and ``lần thứ 3`` are written with
digits but count nothing. A module of its own because such a figure is told by what stands next
to it (a slash, a colon, a dash and a year, a label word before it), not by how it is read:
``numbers`` asks ``is_label`` before it reads a core. The spelled-out ``năm`` that means
"year" stays with the word reading in ``numbers``.
"""

from __future__ import annotations

import regex

from langnghe_extract.extract.number_grammar import AHEAD, BACKWARD, Grammar, closes_none

_DATE_OR_CODE_AFTER = regex.compile(
    r"""[/:][\p{L}\d]                         # 29/01, 17:31, 148/KH-UBND, 52/2018
      | [.,]\d                                 # the tail of a malformed digit run: 1.1.1.1
      | [-.]\d{1,2}+[-.]\d{2,4}+(?!\d)          # 16-09-2021, 16.09.2021
    """,
    regex.VERBOSE,
)
# The characters the label patterns can start or end with next to a figure (see is_label).
_MARKS_BEFORE = frozenset("/:+-.,")
_DASHES = frozenset("-–—")
_MARKS_AFTER = frozenset("/:.,-")
_YEAR_AFTER = regex.compile(r"\s*+[-–—]\s*+(?:19|20)\d\d(?!\d)")
_YEAR_DASH_BEFORE = regex.compile(r"(?:19|20)\d\d\s*+[-–—]\s*+\Z", BACKWARD)
_GROUPED = regex.compile(r"\d{1,3}+(?:[.,]\d{3}+)++")
# A dash, then a figure with grouped thousands: whoever writes 304.375 writes 2.000, not 2000.
_GROUPED_AFTER_DASH = regex.compile(r"\s*+[-–—]\s*+\d{1,3}+(?:[.,]\d{3}+)++(?!\d)")
_DATE_OR_CODE_BEFORE = regex.compile(
    r"""(?:[/:+]|\d[-.,]                            # 29/01, GMT+7, 16-09-
         |\p{L}-                                    # Covid-19, SARS-CoV-2: names, not figures
       )\Z""",
    BACKWARD | regex.VERBOSE,
)


# "27/31 sản phẩm", "18/18 xã": so many of so many, then a lower-case noun. The whole is at
# least 13, so no "day/month" ("3/5 xã tổ chức" may be the 3rd of May) reads as one.
_FRACTION = regex.compile(r"/(?P<whole>\d{1,6}+)(?=[ \t]++\p{Ll})")
_MIN_WHOLE = 13


def fraction_end(text: str, start: int, end: int) -> int | None:
    """Where the "/whole" of a part-of-a-whole figure ends ("27/31 sản phẩm"), else None.

    >>> text = "có 27/31 sản phẩm đạt 3 sao, ngày 3/5 xã họp"
    >>> fraction_end(text, 3, 5), fraction_end(text, 34, 35)
    (8, None)
    """
    if text[end : end + 1] != "/":  # what _FRACTION opens with: most figures stop here
        return None
    found = _FRACTION.match(text, end, end + 8)
    if found is None or not text[start:end].isdecimal():
        return None
    whole = int(found.group("whole"))
    return found.end() if whole >= _MIN_WHOLE and int(text[start:end]) <= whole else None


def is_label(text: str, start: int, end: int, grammar: Grammar) -> bool:
    """Dates, times, document numbers, years and ordinals: never quantities.

    The patterns before and after the figure are tried only when the character next to it can
    open them (``_MARKS_BEFORE``, ``_DASHES``, ``_MARKS_AFTER``): most figures stand between
    spaces, and a pattern tried costs a microsecond even when it fails at once.
    """
    before = text[start - 1] if start else ""
    if before in _MARKS_BEFORE and _DATE_OR_CODE_BEFORE.search(text, max(0, start - 8), start):
        return True
    if (
        text[max(0, start - 8) : start].rstrip()[-1:] in _DASHES
        and _YEAR_DASH_BEFORE.search(text, max(0, start - 8), start)
        and not _GROUPED.fullmatch(text, start, end)
    ):
        return True  # the second year of 2011-2019, but 304.375 in "1947 – 304.375 USD"
    after = None
    if text[end : end + 1] in _MARKS_AFTER and fraction_end(text, start, end) is None:
        after = _DATE_OR_CODE_AFTER.match(text, end, end + AHEAD)
    if after is not None and (after.group()[0] in "/:.," or end - start <= 2):
        return True  # a date needs a day-sized first part: 16-09-2021, not 1.000-2.000
    if _is_year(text[start:end]) and _is_year_before_dash(text, end):
        return True  # the first year of 2011-2019; 1947 in "1947 – 304.375 USD"
    return _after_label_word(text, start, grammar)


def _after_label_word(text: str, start: int, grammar: Grammar) -> bool:
    """``năm 2019``, ``lần thứ 3``, but not ``phân hạng 17``."""
    if grammar.label_ends and closes_none(text, start, grammar.label_ends):
        return False  # "có 12": no label ends in "có"; the reversed search costs far more
    if grammar.label_before.search(text, max(0, start - 20), start) is None:
        return False
    return grammar.label_not_after.search(text, max(0, start - 30), start) is None


def _is_year_before_dash(text: str, end: int) -> bool:
    """A year-like figure before a dash is a year when a year or a grouped figure follows:
    ``2011-2019`` is a period, ``1947 – 304.375 USD`` a year and a price; ``2000-3000`` a range."""
    return bool(
        _YEAR_AFTER.match(text, end, end + AHEAD)
        or _GROUPED_AFTER_DASH.match(text, end, end + AHEAD)
    )


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and digits.isdecimal() and 1900 <= int(digits) <= 2100
