"""Refine a count with what its noun phrase says: village category, product level, OCOP frame,
star rating and a rate written before it (``mỗi năm có 40 sản phẩm``).

The window searched after the noun stops at the next number or the clause end, so in
``47 sản phẩm … cấp huyện, 24 sản phẩm … cấp tỉnh`` each count keeps its own level.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

import regex

from langnghe_extract.data import load_table
from langnghe_extract.extract.candidate import Candidate
from langnghe_extract.extract.numbers import NumberMatch
from langnghe_extract.extract.patterns import WORD_END, WORD_START, canonical, or_regex
from langnghe_extract.models import Kind, Qualifier

SUBJECT_REACH = 80  # characters before a count where "số sản phẩm OCOP" may stand as its subject
STARS_BEFORE = 40  # characters before a count where "xếp hạng 3 sao cho" may stand


@dataclass(frozen=True)
class _Tables:
    village_in_unit: dict[str, str]
    village_names: dict[str, str]
    village_after: regex.Pattern[str]
    village_before: regex.Pattern[str]
    village_recognized: regex.Pattern[str]  # "được công nhận" right after the count's unit
    levels: regex.Pattern[str]
    level_after: regex.Pattern[str]
    level_names: dict[str, str]
    ocop: regex.Pattern[str]
    ocop_subject: regex.Pattern[str]
    stars_for: regex.Pattern[str]
    ocop_in_frame: regex.Pattern[str]  # "đạt chuẩn" after a bare count in an OCOP clause
    ocop_subject_ahead: regex.Pattern[str]  # "số sản phẩm OCOP" of a later figure
    ocop_raise: regex.Pattern[str]  # "nâng tổng số sản phẩm OCOP": raised by the count before
    stars: regex.Pattern[str]
    stars_bare: regex.Pattern[str]
    rate_before: regex.Pattern[str]
    subset_lead: regex.Pattern[str]
    subset_next: regex.Pattern[str]
    rates_before: dict[str, str]


RECOGNIZED = "recognized"  # the category of a village recognised by the authorities
NEW = "new"  # ... and of a new one, whose "mới" may also be "just" before "được công nhận"


@cache
def _tables() -> _Tables:
    units = load_table("units")
    villages: dict[str, str] = units["categories"]["villages"]
    levels: dict[str, str] = units["categories"]["products"]
    ocop = units["ocop"]
    cues = load_table("cues")
    rates_before: dict[str, str] = cues["rates_before"]
    return _Tables(
        village_in_unit={w: c for w, c in villages.items() if c != "recognized"},
        village_names={canonical(w): c for w, c in villages.items()},
        village_after=regex.compile(rf"[ \t]++(?P<cat>{or_regex(villages)}){WORD_END}", regex.I),
        village_recognized=regex.compile(
            rf"[ \t]++(?:{or_regex([w for w, c in villages.items() if c == RECOGNIZED])})"
            rf"{WORD_END}",
            regex.I,
        ),
        village_before=regex.compile(
            rf"{WORD_START}{or_regex(units['categories']['villages_before'])}{WORD_END}", regex.I
        ),
        levels=regex.compile(rf"{WORD_START}(?P<level>{or_regex(levels)}){WORD_END}", regex.I),
        level_after=regex.compile(rf"[ \t]++(?P<level>{or_regex(levels)}){WORD_END}", regex.I),
        level_names={canonical(k): v for k, v in levels.items()},
        ocop=regex.compile(rf"{WORD_START}{or_regex(ocop['markers'])}{WORD_END}", regex.I),
        stars_for=regex.compile(  # "xếp hạng 3 sao cho 15 sản phẩm": read backwards
            rf"{WORD_START}(?:{or_regex(ocop['star_lead'])}\s++)(?:từ\s++)?(?P<stars>[1-5])"
            rf"\s++{ocop['star_word']}(?P<up>\s++trở\s++lên)?\s++{or_regex(ocop['stars_for'])}"
            r"\s++\Z",
            regex.I | regex.REVERSE,
        ),
        ocop_in_frame=regex.compile(
            rf"[ \t]++{or_regex(ocop['in_frame_after'])}{WORD_END}", regex.I
        ),
        ocop_subject_ahead=regex.compile(rf"{WORD_START}{or_regex(ocop['subject'])}", regex.I),
        ocop_raise=regex.compile(
            rf"{WORD_START}{or_regex(ocop['raise_words'])}[\s_]++{or_regex(ocop['subject'])}",
            regex.I,
        ),
        ocop_subject=regex.compile(  # the subject, then no figure before this one
            rf"{WORD_START}{or_regex([*ocop['subject'], *ocop['rated_before']])}{WORD_END}"
            r"[^\p{N},;]*+\Z",
            regex.I,
        ),
        stars=regex.compile(
            rf"{WORD_START}(?:{or_regex(ocop['star_lead'])}\s++)(?:từ\s++)?(?P<stars>[1-5])"
            rf"(?:\s*+[-–]\s*+[1-5])?\s++{ocop['star_word']}(?P<up>\s++trở\s++lên)?{WORD_END}",
            regex.I,
        ),
        stars_bare=regex.compile(
            rf"[ \t]++(?:từ\s++)?(?P<stars>[1-5])(?:\s*+[-–]\s*+[1-5])?\s++{ocop['star_word']}"
            rf"(?P<up>\s++trở\s++lên)?{WORD_END}",
            regex.I,
        ),
        rate_before=regex.compile(
            rf"{WORD_START}(?P<rate>{or_regex(rates_before)})(?:\s++có)?\s++\Z", regex.I
        ),
        subset_lead=regex.compile(
            rf"{WORD_START}{or_regex(cues['elided']['lead'])}\s*+,?\s*+\Z", regex.I
        ),
        subset_next=regex.compile(rf"[ \t]++{or_regex(cues['elided']['next'])}{WORD_END}", regex.I),
        rates_before={canonical(k): v for k, v in rates_before.items()},
    )


def refine_count(text: str, cand: Candidate, window_end: int, clause: tuple[int, int]) -> Candidate:
    """Category, level, OCOP kind, stars and rate for a count candidate.

    >>> from langnghe_extract.extract.counts import classify_count
    >>> from langnghe_extract.extract.numbers import find_numbers
    >>> text = "bình chọn 47 sản phẩm công nghiệp nông thôn tiêu biểu cấp huyện"
    >>> c = classify_count(text, find_numbers(text)[0], (0, len(text)))
    >>> r = refine_count(text, c, len(text), (0, len(text)))
    >>> (r.kind.value, r.category, text[r.start:r.end])
    ('products', 'district', '47 sản phẩm công nghiệp nông thôn tiêu biểu cấp huyện')
    """
    tables = _tables()
    if cand.kind is Kind.VILLAGES:
        cand = _village_category(text, cand, window_end, clause[0], tables)
    if cand.kind is Kind.PRODUCTS:
        cand = _product_frame(text, cand, window_end, clause, tables)
    return _rate_before(text, cand, clause[0], tables)


def elided_count(
    text: str, number: NumberMatch, head: Candidate, window_end: int
) -> Candidate | None:
    """A count whose noun the list left out, taken from the count it follows in the sentence:
    ``52 sản phẩm … cấp huyện, 17 cấp tỉnh`` and ``120 làng nghề, trong đó 45 truyền thống``.
    Only a category or level right after the number licenses it, so ``trong đó 5 năm`` stays
    no fact.

    >>> from langnghe_extract.extract.counts import classify_count
    >>> from langnghe_extract.extract.numbers import find_numbers
    >>> text = "có 52 sản phẩm cấp huyện, 17 cấp tỉnh"
    >>> first, second = find_numbers(text)
    >>> head = classify_count(text, first, (0, len(text)))
    >>> c = elided_count(text, second, head, len(text))
    >>> (c.kind.value, c.unit, c.category, text[c.start:c.end])
    ('products', 'sản phẩm', 'province', '17 cấp tỉnh')
    """
    tables = _tables()
    names: dict[str, str] = {}
    found = None
    if head.kind is Kind.VILLAGES:
        found = tables.village_after.match(text, number.end, window_end)
        names = tables.village_names
    elif head.kind in (Kind.PRODUCTS, Kind.OCOP_PRODUCTS):
        found = tables.level_after.match(text, number.end, window_end)
        names = tables.level_names
    if found is None:
        return _subset(text, number, head, tables)
    return replace(
        head,
        number=number,
        unit=_bare_unit(head.unit, tables),
        start=number.start,
        end=found.end(),
        rule=f"count:{head.kind.value}:elided",
        category=names[canonical(found.group(1))],
        stars=None,
        per=None,
    )


def _subset(text: str, number: NumberMatch, head: Candidate, tables: _Tables) -> Candidate | None:
    """``155 làng nghề, trong đó 16 đã có nhãn hiệu``: a part of the head count, quoted as the
    number alone since its noun is not written."""
    lead = tables.subset_lead.search(text, max(0, number.start - 24), number.start)
    if lead is None or not tables.subset_next.match(text, number.end):
        return None
    return replace(
        head,
        number=number,
        unit=_bare_unit(head.unit, tables),
        start=number.start,
        end=number.end,
        rule=f"count:{head.kind.value}:subset",
        category=None,
        stars=None,
        per=None,
    )


def _bare_unit(unit: str, tables: _Tables) -> str:
    """The head noun without the category its own count gave it ("làng nghề truyền thống")."""
    for word in tables.village_in_unit:
        if unit.endswith(" " + word):
            return unit[: -len(word) - 1]
    return unit


def _village_category(
    text: str, cand: Candidate, window_end: int, clause_start: int, tables: _Tables
) -> Candidate:
    in_unit = next((c for w, c in tables.village_in_unit.items() if cand.unit.endswith(w)), None)
    recognized = tables.village_recognized.match(text, cand.end, window_end)
    if recognized is not None and in_unit in (None, NEW):
        # "5 làng nghề mới được công nhận": just recognised ("mới" is "just"), not new
        unit = _bare_unit(cand.unit, tables)  # "làng nghề", not "làng nghề mới"
        return replace(cand, unit=unit, category=RECOGNIZED, end=recognized.end())
    if in_unit is not None:  # "31 làng nghề truyền thống đã được công nhận": the finer category,
        end = cand.end if recognized is None else recognized.end()  # the quote says the rest
        return replace(cand, category=in_unit, end=end)
    after = tables.village_after.match(text, cand.end, window_end)
    if after is not None:
        category = tables.village_names[canonical(after.group("cat"))]
        return replace(cand, category=category, end=after.end("cat"))
    if tables.village_before.search(text, clause_start, cand.number.start):
        return replace(cand, category="recognized")
    return cand


def _product_frame(
    text: str, cand: Candidate, window_end: int, clause: tuple[int, int], tables: _Tables
) -> Candidate:
    """Level, OCOP frame and stars; the star figure ("đạt 4 sao") is the next number, so its
    phrase may run past ``window_end`` as long as it starts before it."""
    level = tables.levels.search(text, cand.end, window_end)
    if level is not None:
        cand = replace(
            cand, category=tables.level_names[canonical(level.group("level"))], end=level.end()
        )
    clause_end = clause[1]
    stars = tables.stars.search(text, cand.number.end, clause_end)
    if stars is not None and stars.start() > window_end:
        stars = None
    if stars is None:  # "150 sản phẩm 3 sao": the rating right after the noun
        stars = tables.stars_bare.match(text, cand.end, clause_end)
    if stars is None:  # "xếp hạng 3 sao cho 15 sản phẩm": the rating given before
        stars = tables.stars_for.search(text, max(0, cand.start - STARS_BEFORE), cand.start)
    # not into a later figure's subject: "520 sản phẩm OCOP, nâng tổng số sản phẩm OCOP lên …"
    later = tables.ocop_subject_ahead.search(text, cand.end, window_end)
    markers = list(tables.ocop.finditer(text, cand.end, later.start() if later else window_end))
    marker = markers[-1] if markers else None  # quote up to "… xếp hạng … OCOP"
    subject = tables.ocop_subject.search(text, max(0, cand.start - SUBJECT_REACH), cand.start)
    # "47 sản phẩm, nâng tổng số sản phẩm OCOP lên 312": the count that raises the OCOP total
    raised = tables.ocop_raise.search(text, cand.end, window_end) if later else None
    named = tables.ocop.search(cand.unit) or stars or marker or subject or raised
    if not named and not _in_ocop_frame(text, cand, clause[0], tables):
        return cand
    end = max(cand.end, marker.end() if marker else 0, stars.end() if stars else 0)
    number = cand.number
    if stars is not None and stars.group("up") and number.qualifier is Qualifier.EXACT:
        number = replace(number, qualifier=Qualifier.OVER)  # SPEC: "từ 3 sao trở lên" → over
    return replace(
        cand,
        number=number,
        kind=Kind.OCOP_PRODUCTS,
        rule="count:ocop_products",
        stars=int(stars.group("stars")) if stars else None,
        end=end,
    )


def _in_ocop_frame(text: str, cand: Candidate, clause_start: int, tables: _Tables) -> bool:
    """A bare product count in a clause about the programme, rated or recognised: "Về Chương
    trình OCOP, …, tỉnh có 628 sản phẩm đạt chuẩn"."""
    if cand.unit != "sản phẩm" or tables.ocop_in_frame.match(text, cand.end) is None:
        return False
    return tables.ocop.search(text, clause_start, cand.start) is not None


def _rate_before(text: str, cand: Candidate, clause_start: int, tables: _Tables) -> Candidate:
    found = tables.rate_before.search(text, max(clause_start, cand.start - 20), cand.start)
    if found is None:
        return cand
    return replace(
        cand, per=tables.rates_before[canonical(found.group("rate"))], start=found.start()
    )
