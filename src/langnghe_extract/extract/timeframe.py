"""Time frame: the year, period or deadline a figure is for, from the time expressions around it
in its sentence, and the years and periods a whole text names.

A year is read left of the figure inside its sentence (``năm 2018, giá trị sản xuất đạt …``),
else right after it in its clause; a year that dates something else (a founding, the base of a
comparison) or one the present written after it overrides frames nothing. A year counted from
the article's date (``năm nay``) and a ``đến năm …`` deadline are settled by ``normalise``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import regex

from langnghe_extract.data import load_table
from langnghe_extract.extract.patterns import (
    WORD_END,
    WORD_START,
    WordStarts,
    canonical,
    finditer_at,
    finditer_in_sentence,
    or_regex,
)
from langnghe_extract.extract.status import (
    dated_now,
    find_status,
    has_status_cue,
    present_cues,
)
from langnghe_extract.models import Status
from langnghe_extract.segment import segment_start

Span = tuple[int, int]


@dataclass(frozen=True)
class When:
    """The time a figure is for, as its sentence writes it."""

    year: int | None = None
    period: tuple[int, int] | None = None
    relative_year: int | None = None


@dataclass(frozen=True)
class _Cues:
    """Time expressions, and the cues that narrow how far one reaches: a comparison's base
    year, a founding date, the present opening a clause after a year."""

    time: regex.Pattern[str]
    time_start: WordStarts  # where a time expression can start: its first word or century
    not_frame: regex.Pattern[str]
    relative: dict[str, int]
    deadline: regex.Pattern[str]
    deadline_start: WordStarts  # where a deadline can start: its first word
    year_range: tuple[int, int]
    comparison: regex.Pattern[str]
    base_value: regex.Pattern[str]
    present_opens: regex.Pattern[str]
    opening_words: int
    own_year_gap: regex.Pattern[str]


_CENTURIES = ("19", "20")  # a year is read only from 1900 to 2099
_YEAR = rf"(?:{'|'.join(_CENTURIES)})\d\d"


def _time_regex(time: dict[str, Any]) -> regex.Pattern[str]:
    relative = or_regex([*time["relative"], *time["unnamed_past"]])
    return regex.compile(
        rf"""{WORD_START}(?:
        (?:{or_regex(time["period_words"])}\s++)?(?<![/.])(?P<a>{_YEAR})\s*+[-–—]\s*+(?:năm\s++)?(?P<b>{_YEAR})
      | từ\s++(?:năm\s++)?(?P<a>{_YEAR})\s++(?:đến|tới)\s++(?:năm\s++)?(?P<b>{_YEAR})
      | {or_regex(time["year_words"])}\s++(?P<y>{_YEAR})
      | {or_regex(time["date_leads"])}\s++(?:\d{{1,2}}\s*+[/.-]\s*+)?(?:\d{{1,2}}|[IVX]{{1,4}})
        \s*+[/.-]\s*+(?P<y>{_YEAR})          # 31/12/2023, tháng 6/2024, quý I/2024
      | (?<![\p{{N}}]\s*+|(?i:{or_regex(time["relative_not_after"])})\s++)(?P<rel>{relative})
    ){WORD_END}""",
        regex.IGNORECASE | regex.VERBOSE,
    )


def _time_first_words(time: dict[str, Any]) -> list[str]:
    """The words a time expression of ``_time_regex`` can start with, or a bare year's century:
    ``str.find`` of ``"20"`` is cheaper than a scan for every digit."""
    relative = [*time["relative"], *time["unnamed_past"]]
    return [
        *time["period_words"],
        "từ",
        *time["year_words"],
        *time["date_leads"],
        *relative,
        *_CENTURIES,
    ]


@cache
def _cues() -> _Cues:
    time = load_table("cues")["time"]
    deadline = time["deadline"]
    gap = rf"(?:[\s_]++[^\s_,;.:()%]++){{0,{time['comparison_gap']}}}"
    return _Cues(
        time=_time_regex(time),
        time_start=WordStarts.of(_time_first_words(time)),
        not_frame=regex.compile(
            rf"{WORD_START}{or_regex(time['not_frame_before'])}\s++\Z", regex.I
        ),
        relative={canonical(k): v for k, v in time["relative"].items()},
        deadline=regex.compile(
            rf"{WORD_START}(?<!{or_regex(deadline['not_after'])}\s++)"
            rf"{or_regex(deadline['lead'])}\s++(?P<y>{_YEAR}){WORD_END}",
            regex.IGNORECASE,
        ),
        deadline_start=WordStarts.of(deadline["lead"]),
        year_range=(time["bounds"]["min_year"], time["bounds"]["max_year"]),
        comparison=regex.compile(
            rf"{WORD_START}{or_regex(time['comparison'])}{gap}[\s_]++\Z", regex.I | regex.REVERSE
        ),
        base_value=regex.compile(rf"[\s_]*+{or_regex(time['base_value'])}[\s_]*+\Z", regex.I),
        present_opens=regex.compile(  # \A: right after the year
            rf"(?:\A|[,;:](?=\s)|{WORD_START}{or_regex(time['clause_links'])}{WORD_END})"
            rf"(?:[\s_]*+[^\s_,;:]++){{0,{time['opening_words']}}}[\s_]*+\Z",
            regex.I | regex.REVERSE,
        ),
        opening_words=time["opening_words"],
        own_year_gap=regex.compile(
            rf"[\s_]*+(?:{or_regex(time['own_year_links'])}[\s_]*+)?", regex.I
        ),
    )


def find_deadline(text: str, sentence: Span, position: int) -> int | None:
    """The year of a ``đến năm …`` before the figure with no status cue between them.

    >>> text = "Đến năm 2030 có 60 sản phẩm"
    >>> find_deadline(text, (0, len(text)), text.index("60"))
    2030
    >>> text = "Đến năm 2020, toàn tỉnh đã có 118 làng nghề"
    >>> find_deadline(text, (0, len(text)), text.index("118")) is None
    True
    >>> text = "Tính đến năm 2020 có 118 làng nghề"
    >>> find_deadline(text, (0, len(text)), text.index("118")) is None
    True
    """
    if not _names_a_century(text, sentence[0], position):
        return None
    cues = _cues()
    window = (sentence[0], position)
    found = finditer_in_sentence(cues.deadline, cues.deadline_start, text, sentence, window)
    deadline = max(found, key=regex.Match.start, default=None)  # the nearest
    if deadline is None or has_status_cue(text, deadline.end(), position):
        return None
    return int(deadline.group("y"))


def _names_a_century(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds ``19`` or ``20``, as every year does.

    Why: most figures have no year before them in their sentence; two ``str.find`` spare them
    the deadline scan, which needs one.
    """
    return any(text.find(century, start, end) >= 0 for century in _CENTURIES)


def find_time(
    text: str,
    sentence: Span,
    clause: Span,
    position: int,
    *,
    status: Status = Status.ACTUAL,
    after: Span | None = None,
) -> When:
    """Year, period or year counted from the article's date: the nearest time expression before
    the figure in its sentence, else the first after it in its clause. A year that dates
    something else (``có từ năm 1945``, ``so với cùng kỳ năm 2022``) frames nothing.

    >>> text = "giai đoạn 2011-2019 bình quân đạt khoảng 15,35%/năm"
    >>> find_time(text, (0, len(text)), (0, len(text)), text.index("15"))
    When(year=None, period=(2011, 2019), relative_year=None)
    >>> text = "năm 2018, giá trị sản xuất đạt 12.380 tỷ đồng"
    >>> find_time(text, (0, len(text)), (0, len(text)), text.index("12")).year
    2018
    >>> text = "Trong năm nay, tỉnh có 12 sản phẩm"
    >>> find_time(text, (0, len(text)), (0, len(text)), text.index("12")).relative_year
    0
    >>> text = "Làng có từ năm 1945, hiện có 300 hộ"
    >>> find_time(text, (0, len(text)), (0, len(text)), text.index("300"))
    When(year=None, period=None, relative_year=None)

    A year does not reach past the present written after it, nor a figure the present right
    after its quote (span ``after``) dates, nor does a plan's year after a figure date a figure
    reported as done (``status`` is the figure's own):

    >>> text = "Tỉnh phấn đấu có 200 làng nghề vào năm 2030, hiện có 150 làng nghề"
    >>> find_time(text, (0, len(text)), (0, len(text)), text.index("150")).year is None
    True
    >>> text = "Hiện có 150 làng nghề và phấn đấu có 200 làng nghề vào năm 2030"
    >>> find_time(text, (0, len(text)), (0, len(text)), text.index("150")).year is None
    True
    """
    cues = _cues()
    if after is not None and dated_now(text, after):
        return When()  # "tăng từ 40 tỷ đồng hiện nay lên 55 tỷ đồng": 40 is now
    if after is not None and (own := _own_time(text, sentence, after)) is not None:
        return _when(own)
    before = [
        m
        for m in finditer_in_sentence(
            cues.time, cues.time_start, text, sentence, (sentence[0], position)
        )
        if _frames(text, m) or cues.base_value.match(text, m.end(), position)
    ]
    if before and not _present_after(text, sentence[0], before[-1], position):
        return _when(before[-1])
    if next(present_cues(text, segment_start(text, clause[0], position), position), None):
        return When()  # "hiện có 118 làng nghề, …, trong giai đoạn 2006 - 2024": now, no period
    following = (
        m
        for m in finditer_in_sentence(
            cues.time, cues.time_start, text, sentence, (position, clause[1])
        )
        if _frames(text, m) and not _plan_year_of_done(text, sentence, clause, m, status)
    )
    chosen = next(following, None)
    return _when(chosen) if chosen is not None else When()


def _own_time(text: str, sentence: Span, after: Span) -> regex.Match[str] | None:
    """A time expression written right after the quote (span ``after``): the figure's own,
    nearer than any year before it (``tăng từ 27% năm 2010 lên 35% năm 2015``)."""
    cues = _cues()
    found = next(finditer_in_sentence(cues.time, cues.time_start, text, sentence, after), None)
    if found is None or not cues.own_year_gap.fullmatch(text, after[0], found.start()):
        return None
    return found if _frames(text, found) else None


def _frames(text: str, match: regex.Match[str]) -> bool:
    """Whether a time expression frames figures, rather than dating a founding or the base of
    a comparison (``tăng 12% so với cùng kỳ năm 2022``, ``so với quý 4 năm 2020``)."""
    start = match.start()
    cues = _cues()
    if cues.not_frame.search(text, max(0, start - 30), start) is not None:
        return False
    return cues.comparison.search(text, max(0, start - 60), start) is None


_DIGIT = regex.compile(r"\p{N}")


def _present_after(text: str, sentence_start: int, time: regex.Match[str], position: int) -> bool:
    """Whether the present (``hiện có``, ``đến nay``) opening a clause between a year and the
    figure makes the figure one of now: ``Năm 2015 làng có 20 hộ, hiện nay đã có 200 hộ``. A
    year opening the sentence with no figure before the present still frames it (``Năm 2023,
    toàn tỉnh hiện có 150 làng nghề``); so does one with the present inside a clause (``tăng từ
    45,6 tỷ Euro hiện nay lên 46,8 tỷ Euro``)."""
    cues = _cues()
    present = next(
        (
            m
            for m in present_cues(text, time.end(), position)
            if cues.present_opens.search(text, time.end(), m.start())
        ),
        None,
    )
    if present is None:
        return False
    lead = text[sentence_start : time.start()]
    opening = len(lead.split()) <= cues.opening_words and _DIGIT.search(lead) is None
    return not opening or _DIGIT.search(text, time.end(), present.start()) is not None


def _plan_year_of_done(
    text: str, sentence: Span, clause: Span, time: regex.Match[str], status: Status
) -> bool:
    """Whether a year after a figure reported as done is a plan's or forecast's: ``Hiện có 150
    làng nghề và phấn đấu có 200 làng nghề vào năm 2030``, ``…, năm 2025 sẽ có 300 hộ``."""
    if status is not Status.ACTUAL:
        return False
    framed = find_status(text, sentence, time.end(), after=(time.end(), clause[1]))
    return framed is not Status.ACTUAL


def _when(match: regex.Match[str]) -> When:
    cues = _cues()
    low, high = cues.year_range
    if match.group("rel"):  # "năm qua" (unnamed_past) is no key: no year at all
        return When(relative_year=cues.relative.get(canonical(match.group("rel"))))
    if match.group("y"):
        year = int(match.group("y"))
        return When(year=year) if low <= year <= high else When()
    start, end = int(match.group("a")), int(match.group("b"))
    return When(period=(start, end)) if low <= start < end <= high else When()


@lru_cache(maxsize=1)
def _time_mentions(text: str) -> tuple[regex.Match[str], ...]:
    """Every time expression of a whole text. Scanning a text costs about as much as the rest
    of its dating together, and ``find_periods`` and ``latest_year`` both read the same text
    one after the other: the last text's scan is kept."""
    cues = _cues()
    return tuple(finditer_at(cues.time, cues.time_start, text))


def find_periods(text: str) -> list[tuple[int, tuple[int, int]]]:
    """Every period the text names, with its position: the plan frames of the article.

    >>> find_periods("Theo đó, giai đoạn 2022 - 2025, tỉnh sẽ tập trung; năm 2019 đạt")
    [(9, (2022, 2025))]
    """
    low, high = _cues().year_range
    found = []
    for match in _time_mentions(text):
        if match.group("a"):
            start, end = int(match.group("a")), int(match.group("b"))
            if low <= start < end <= high:
                found.append((match.start(), (start, end)))
    return found


def latest_year(text: str) -> int | None:
    """The latest year the text names outside plans and deadlines: the article's present when
    its date is unknown, so ``đến năm 2016 có …`` in a text about 2016 is no plan.

    >>> latest_year("Năm 2015 có 80 làng nghề, năm 2016 có 95. Đến năm 2030 có 150 làng nghề.")
    2016
    """
    cues = _cues()
    deadlines = {m.start("y") for m in finditer_at(cues.deadline, cues.deadline_start, text)}
    low, high = cues.year_range
    years = [
        int(m.group("y"))
        for m in _time_mentions(text)
        if m.group("y") and m.start("y") not in deadlines and low <= int(m.group("y")) <= high
    ]
    return max(years, default=None)
