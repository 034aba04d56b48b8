"""Extract stage: cleaned text → facts.

``EXTRACTORS`` is the ordered rule table: for each number the first extractor that recognises
what follows it wins (a ``%`` makes a percent before anything else; a currency makes money before
a counted noun is looked for). Counts are then refined (category, OCOP, stars) and every
candidate gets its frame (status, time, measure, place) from its sentence.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import NamedTuple

import regex

from langnghe_extract.data import load_table
from langnghe_extract.extract.candidate import Candidate
from langnghe_extract.extract.categories import elided_count, refine_count
from langnghe_extract.extract.context import Frame, find_measure, find_place
from langnghe_extract.extract.counts import classify_count, subject_count
from langnghe_extract.extract.money import classify_money
from langnghe_extract.extract.numbers import NumberMatch, find_numbers
from langnghe_extract.extract.patterns import WORD_END, WORD_START, canonical, or_regex
from langnghe_extract.extract.percent import classify_percent
from langnghe_extract.extract.quantities import BARE_MONEY_FACTOR
from langnghe_extract.extract.status import find_status, past_leading_cue
from langnghe_extract.extract.timeframe import find_deadline, find_time
from langnghe_extract.models import Kind, Qualifier, Status
from langnghe_extract.segment import Span, split_clauses, split_sentences


class Site(NamedTuple):
    """Where a number stands: its sentence and clause, and where the next number starts.

    A named tuple, not a frozen dataclass: one is built for every figure of a text, and a
    tuple is several times cheaper to build.
    """

    sentence: Span
    clause: Span
    window_end: int


Extractor = Callable[[str, NumberMatch, Site], Candidate | None]

# ``unit_may_follow`` runs them only where one can read a unit: a new extractor extends it.
EXTRACTORS: tuple[tuple[str, Extractor], ...] = (
    ("percent", lambda text, number, _site: classify_percent(text, number)),
    ("money", lambda text, number, site: classify_money(text, number, site.clause)),
    ("count", lambda text, number, site: classify_count(text, number, site.sentence)),
)


@dataclass(frozen=True)
class Found:
    """A candidate with its frame: everything ``normalise`` needs to build a ``Fact``."""

    candidate: Candidate
    frame: Frame


def extract_all(text: str) -> list[Found]:
    """Every fact candidate in ``text`` with its frame, in order of position.

    >>> [f.candidate.kind.value for f in extract_all("Tỉnh có 118 làng nghề, 78 nghìn lao động.")]
    ['villages', 'workers']
    """
    numbers = find_numbers(text)
    sentences = _SentenceIndex(text)
    found: list[Found] = []
    head: tuple[Span, Candidate] | None = None  # the last count with a written noun, by sentence
    for index, number in enumerate(numbers):
        located = sentences.locate(number.start)
        if located is None:
            continue
        following = numbers[index + 1].start if index + 1 < len(numbers) else len(text)
        sentence, clause = located
        site = Site(sentence, clause, min(clause[1], following))
        candidate = _first_candidate(text, number, site)
        if candidate is None and head is not None and head[0] == sentence:
            candidate = elided_count(text, number, head[1], site.window_end)
        elif candidate is not None and candidate.kind in _HEADS:
            if head is not None and head[0] == sentence:
                candidate = _ocop_in_list(text, head[1], candidate)
            head = (sentence, candidate)
        if candidate is None and (subject := subject_count(text, number, clause[0])):
            candidate = refine_count(text, subject, site.window_end, site.clause)
        if candidate is not None and _restates(text, candidate, found):
            continue  # "Trong tổng số 262 làng nghề, …": the total given before
        if candidate is not None:
            frame = _section_frame(text, sentence, _frame(text, candidate, site))
            if found and frame.place is None:
                frame = _place_of_whole(text, found[-1], candidate, sentence, frame)
            found.append(Found(candidate, frame))
    return found


def _restates(text: str, candidate: Candidate, found: list[Found]) -> bool:
    """Whether a figure after "trong tổng số" repeats an earlier fact's kind and value."""
    if _restated_regex().search(text, max(0, candidate.start - 20), candidate.start) is None:
        return False
    value = candidate.number.value
    return any(
        f.candidate.kind is candidate.kind and f.candidate.number.value == value for f in found
    )


@cache
def _restated_regex() -> regex.Pattern[str]:
    words = load_table("cues")["restated"]["before"]
    return regex.compile(rf"{WORD_START}{or_regex(words)}[\s_]++\Z", regex.I)


def _section_frame(text: str, sentence: Span, frame: Frame) -> Frame:
    """A bullet line under a numbered heading of plans ("2. Nhiệm vụ năm 2025" / "- Hỗ trợ ít
    nhất 15 cơ sở"): a plan (target) where its own words set no status, dated by the heading's
    year where they name none."""
    heading = _heading_of(text, sentence[0])
    if heading is None:
        return frame
    plan, year = heading
    if plan and frame.status is Status.ACTUAL:
        frame = replace(frame, status=Status.TARGET)
    if year is not None and frame.year is None and frame.period is None:
        frame = replace(frame, year=year)
    return frame


def _heading_of(text: str, start: int) -> tuple[bool, int | None] | None:
    """For a bullet line starting at ``start``: whether the numbered heading above its bullets
    names a plan, and its year; None when the line is no bullet or has no such heading."""
    section = _section_patterns()
    line_start = text.rfind("\n", 0, start) + 1
    if section["bullet"].match(text, line_start) is None:
        return None
    end = line_start - 1
    while end > 0:
        begin = text.rfind("\n", 0, end) + 1
        line = text[begin:end]
        if section["bullet"].match(line) is None:
            found = section["heading"].fullmatch(line)
            if found is None:
                return None
            year = section["year"].search(line)
            return bool(section["plan"].search(line)), int(year.group()) if year else None
        end = begin - 1
    return None


@cache
def _section_patterns() -> dict[str, regex.Pattern[str]]:
    table = load_table("cues")["section"]
    return {
        "bullet": regex.compile(rf"[ \t]*+(?:{or_regex(table['bullets'])})[ \t]"),
        "heading": regex.compile(
            r"[ \t]*+(?:\d{1,2}|[IVX]{1,4}|[a-z])[.)][ \t]++[^\n.]{3,100}+:?[ \t]*+"
        ),
        "plan": regex.compile(rf"{WORD_START}{or_regex(table['plan_words'])}{WORD_END}", regex.I),
        "year": regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)"),
    }


def _ocop_in_list(text: str, previous: Candidate, candidate: Candidate) -> Candidate:
    """A bare product count listed right after an OCOP count shares its frame: "50 sản phẩm
    OCOP cấp xã và 20 sản phẩm cấp tỉnh" are both OCOP products (only "," or "và" between)."""
    if previous.kind is not Kind.OCOP_PRODUCTS or candidate.kind is not Kind.PRODUCTS:
        return candidate
    noun, link, others = _ocop_list()
    if candidate.unit != noun or not link.fullmatch(text, previous.end, candidate.start):
        return candidate
    if others.match(text, candidate.end):
        return candidate  # "… và 300 sản phẩm khác": the others
    return replace(candidate, kind=Kind.OCOP_PRODUCTS, rule="count:ocop_products")


@cache
def _ocop_list() -> tuple[str, regex.Pattern[str], regex.Pattern[str]]:
    """The bare noun of a listed OCOP count, the links allowed before it (", ", " và "), and
    the words after it that make it the others ("khác")."""
    table = load_table("units")["ocop"]
    links = or_regex(table["list_links"])
    return (
        canonical(table["list_noun"]),
        regex.compile(rf"[\s_]*+(?:,[\s_]*+)?(?:{links}[\s_]++)?"),
        regex.compile(rf"[\s_]++{or_regex(table['list_not_before'])}{WORD_END}", regex.I),
    )


def _place_of_whole(
    text: str, whole: Found, part: Candidate, sentence: Span, frame: Frame
) -> Frame:
    """A part named after ``trong đó`` (``…, trong đó hơn 300 hộ có lò riêng``) takes the place
    of the figure it divides, the one just before it in its sentence; so does a figure listed
    after it with no new scope named between (``có 1.800 hộ, trên 300 doanh nghiệp``)."""
    place = whole.frame.place
    if place is None or whole.candidate.end < sentence[0]:
        return frame
    between = (whole.candidate.end, part.start)
    if _part_of_regex().search(text, *between) is None and _new_scope().search(text, *between):
        return frame  # "Xã Vân Hà có 50 hộ, toàn tỉnh có 500 hộ": a scope of its own
    return replace(frame, place=place)


@cache
def _new_scope() -> regex.Pattern[str]:
    words = load_table("cues")["place"]["new_scope"]
    return regex.compile(rf"{WORD_START}{or_regex(words)}{WORD_END}", regex.I)


@cache
def _part_of_regex() -> regex.Pattern[str]:
    words = load_table("cues")["elided"]["part_of"]
    return regex.compile(rf"{WORD_START}{or_regex(words)}{WORD_END}", regex.I)


# counts whose noun a later part of the sentence may leave out: "52 sản phẩm …, 17 cấp tỉnh"
_HEADS = frozenset(Kind) - {Kind.MONEY, Kind.PERCENT}


class _SentenceIndex:
    """The sentences of a text, each split into clauses once, on first use."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._sentences = split_sentences(text)
        self._starts = [s[0] for s in self._sentences]
        self._clauses: dict[int, list[Span]] = {}  # by the sentence's index

    def locate(self, position: int) -> tuple[Span, Span] | None:
        """The sentence and clause holding ``position``; ``None`` before the first sentence."""
        at = bisect.bisect_right(self._starts, position) - 1
        if at < 0:
            return None
        sentence = self._sentences[at]
        clauses = self._clauses.get(at)
        if clauses is None:
            clauses = self._clauses[at] = split_clauses(self._text, sentence)
        for clause in clauses:
            if clause[0] <= position < clause[1]:
                return sentence, clause
        return sentence, sentence


def _first_candidate(text: str, number: NumberMatch, site: Site) -> Candidate | None:
    if not unit_may_follow(text, number):
        return None
    for _name, extractor in EXTRACTORS:
        candidate = extractor(text, number, site)
        if candidate is not None:
            if candidate.kind not in (Kind.MONEY, Kind.PERCENT):
                candidate = refine_count(text, candidate, site.window_end, site.clause)
            return bound_after(text, candidate, site.window_end)
    return None


def unit_may_follow(text: str, number: NumberMatch) -> bool:
    """Whether an extractor of ``EXTRACTORS`` may read something after ``number``: the first
    word of a percent sign, currency or counted noun right after it, or a multiplier that may
    make bare money (``doanh thu 500 tỷ``).

    Why: most figures (years, dates, ``2 nhóm``) have none of these after them; one pattern
    for every first word spares them the extractors' five pattern tests. The pattern only has
    to match wherever an extractor's does (a first word is a prefix of its phrase).

    >>> [unit_may_follow(t, find_numbers(t)[0]) for t in ("có 36 làng", "có 2 nhóm")]
    [True, False]
    """
    if number.factor >= BARE_MONEY_FACTOR:
        return True
    return _unit_start().match(text, number.end) is not None


@cache
def _unit_start() -> regex.Pattern[str]:
    """The first words of the phrases ``read_percent``, ``_read_money`` and ``classify_count``
    match after a figure, each ending a word (``làng`` of ``làng nghề``, ``đ``), or ``%``."""
    units = load_table("units")
    phrases = [
        *units["percent_words"]["signs"],
        *units["currencies"],
        *(noun for nouns in units["nouns"].values() for noun in nouns),
    ]
    firsts = {canonical(phrase).split()[0] for phrase in phrases}
    return regex.compile(
        rf"(?:[ \t]*+|\.)(?:%|{or_regex(firsts)}(?![\p{{L}}\p{{M}}\p{{N}}]))", regex.I
    )


@cache
def _bound_after_regex() -> regex.Pattern[str]:
    words = load_table("cues")["qualifiers_after"]
    return regex.compile(
        rf"[ \t]*+(?P<q>{or_regex([w for ws in words.values() for w in ws])}){WORD_END}", regex.I
    )


@cache
def _bound_after_names() -> dict[str, Qualifier]:
    words = load_table("cues")["qualifiers_after"]
    return {canonical(w): Qualifier(name) for name, ws in words.items() for w in ws}


def bound_after(text: str, candidate: Candidate, limit: int) -> Candidate:
    """An exact figure with ``trở lên``/``trở xuống`` right after its quote is a bound.

    The bound follows the whole quote in this genre — ``đạt 80% trở lên``, ``100 lao động trở
    lên``, ``10 triệu đồng trở xuống`` — so it is read once here, for every kind.

    >>> from decimal import Decimal
    >>> found = bound_after("đạt 80% trở lên", Candidate(Kind.PERCENT, NumberMatch(4, 6,
    ...     Decimal(80)), "%", 4, 7, "percent"), 15)
    >>> found.number.qualifier.value, found.end
    ('over', 15)
    """
    if candidate.number.qualifier is not Qualifier.EXACT or candidate.number.value_max is not None:
        return candidate
    found = _bound_after_regex().match(text, candidate.end, max(limit, candidate.end))
    if found is None:
        return candidate
    qualifier = _bound_after_names()[canonical(found.group("q"))]
    return replace(
        candidate, number=replace(candidate.number, qualifier=qualifier), end=found.end()
    )


def _frame(text: str, candidate: Candidate, site: Site) -> Frame:
    position = candidate.number.start
    after = (candidate.end, site.clause[1])
    status = find_status(text, site.sentence, past_leading_cue(text, position), after)
    when = find_time(text, site.sentence, site.clause, position, status=status, after=after)
    return Frame(
        status=status,
        year=when.year,
        period=when.period,
        measure=find_measure(text, site.sentence, position, candidate.kind, candidate.end),
        place=find_place(text, site.sentence, candidate.start, candidate.end),
        relative_year=when.relative_year,
        deadline=find_deadline(text, site.sentence, position),
    )
