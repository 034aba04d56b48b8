"""Context: the frame of a figure — status, year or period, measure and place — from cue words
around it in its sentence.

Cues are read left of the number inside its sentence (a sentence-initial ``Dự kiến năm 2019,``
frames every figure after it) and never across a sentence end; the nearest cue wins.
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
    or_regex,
)
from langnghe_extract.models import Kind, Status
from langnghe_extract.segment import segment_start

Span = tuple[int, int]


@dataclass(frozen=True)
class Frame:
    """What the sentence says about a figure, apart from the figure itself.

    ``relative_year`` is a year counted from the article's date (``năm nay`` → 0) and
    ``deadline`` the year of a ``đến năm …`` with no status cue after it; ``normalise`` settles
    both once the article's date is known.
    """

    status: Status = Status.ACTUAL
    year: int | None = None
    period: tuple[int, int] | None = None
    measure: str | None = None
    place: str | None = None
    relative_year: int | None = None
    deadline: int | None = None


@dataclass(frozen=True)
class When:
    """The time a figure is for, as its sentence writes it."""

    year: int | None = None
    period: tuple[int, int] | None = None
    relative_year: int | None = None


@dataclass(frozen=True)
class _Cues:
    status: regex.Pattern[str]
    status_void: regex.Pattern[str]
    status_after: regex.Pattern[str]
    yardstick_value: regex.Pattern[str]
    reset: regex.Pattern[str]
    done: regex.Pattern[str]
    conditional: regex.Pattern[str]
    conditional_end: regex.Pattern[str]
    time: regex.Pattern[str]
    time_start: WordStarts  # where a time expression can start: its first word or year
    not_frame: regex.Pattern[str]
    relative: dict[str, int]
    deadline: regex.Pattern[str]
    deadline_start: WordStarts  # where a deadline can start: its first word
    measures: dict[Kind, regex.Pattern[str]]
    change_verbs: frozenset[str]
    own_predicate: regex.Pattern[str]
    place: regex.Pattern[str]
    place_frame: regex.Pattern[str]
    place_after: regex.Pattern[str]
    year_range: tuple[int, int]


@dataclass(frozen=True)
class _Scope:
    """Cues that narrow how far a frame reaches: a comparison's base year, the present after a
    year, a done cue describing a noun of a plan, a condition that is a contrast."""

    comparison: regex.Pattern[str]
    base_value: regex.Pattern[str]
    present: regex.Pattern[str]
    present_opens: regex.Pattern[str]
    present_after: regex.Pattern[str]  # right after a quote: it dates that figure
    present_trailing: regex.Pattern[str]  # … seen from the cue: a figure just before it
    opening_words: int
    relative_done: regex.Pattern[str]
    own_object: regex.Pattern[str]
    contrast_next: regex.Pattern[str]


_YEAR = r"(?:19|20)\d\d"
# a proper name: up to four capitalised words, spaced or joined by "_" (segmented corpora)
_NAME = r"\p{Lu}[\p{L}\p{M}]*+(?:[\s_]++\p{Lu}[\p{L}\p{M}]*+){0,3}+"
# "Xã Bát Tràng (huyện Gia Lâm) có …": a parenthesis between the place and its verb
_ASIDE = r"(?:\s*+\([^()\n]{0,60}\))?"


def _time_regex(time: dict[str, Any]) -> regex.Pattern[str]:
    relative = or_regex(time["relative"])
    return regex.compile(
        rf"""{WORD_START}(?:
        (?:{or_regex(time["period_words"])}\s++)?(?P<a>{_YEAR})\s*+[-–—]\s*+(?:năm\s++)?(?P<b>{_YEAR})
      | từ\s++(?:năm\s++)?(?P<a>{_YEAR})\s++(?:đến|tới)\s++(?:năm\s++)?(?P<b>{_YEAR})
      | {or_regex(time["year_words"])}\s++(?P<y>{_YEAR})
      | (?<![\p{{N}}]\s*+|(?i:{or_regex(time["relative_not_after"])})\s++)(?P<rel>{relative})
    ){WORD_END}""",
        regex.IGNORECASE | regex.VERBOSE,
    )


def _reset_regex(reset: dict[str, Any]) -> regex.Pattern[str]:
    """Words that open a clause of what is done after a plan or forecast."""
    return regex.compile(
        rf"(?:{WORD_START}{or_regex(reset['anywhere'])}"
        rf"|[,;]\s*+{or_regex(reset['clause_start'])}){WORD_END}",
        regex.IGNORECASE,
    )


def _conditional_regex(conditional: dict[str, Any]) -> regex.Pattern[str]:
    """A condition's opening word, unless it opens a contrast with the past instead."""
    return regex.compile(
        rf"(?:{WORD_START}{or_regex(conditional['anywhere'])}"
        rf"|(?:\G|[,;:])\s*+{or_regex(conditional['clause_start'])})"
        rf"(?!\s++{or_regex(conditional['contrast_after'])}{WORD_END}){WORD_END}",
        regex.IGNORECASE,
    )


def _time_first_words(time: dict[str, Any]) -> list[str]:
    """The words a time expression of ``_time_regex`` can start with (before a bare year)."""
    return [*time["period_words"], "từ", *time["year_words"], *time["relative"]]


@cache
def _cues() -> _Cues:
    cues = load_table("cues")
    units = load_table("units")
    time = cues["time"]
    status = "|".join(
        rf"(?P<{name}>{or_regex(cues['status'][name])})"
        for name in ("target", "forecast", "actual")
    )
    place = cues["place"]
    prefixes = rf"(?i:{or_regex(place['prefixes'])})"
    deadline = time["deadline"]
    return _Cues(
        status=regex.compile(rf"{WORD_START}(?:{status}){WORD_END}", regex.IGNORECASE),
        status_void=regex.compile(
            rf"(?:(?:%|{WORD_START}{or_regex(cues['status_void']['after'])})\s*+"
            rf"{or_regex(cues['status_void']['nouns'])}"
            rf"|{WORD_START}{or_regex(cues['status_void']['name_heads'])}\s++"
            rf"{or_regex(cues['status_void']['name_words'])})\Z",
            regex.IGNORECASE,
        ),
        status_after=regex.compile(
            rf"\s*+(?:(?P<target>{or_regex(cues['status_after']['target'])})"
            rf"|(?P<forecast>{or_regex(cues['status_after']['forecast'])})){WORD_END}",
            regex.IGNORECASE,
        ),
        yardstick_value=regex.compile(
            rf"{WORD_START}{or_regex(cues['status_void']['nouns'])}\s*+"
            rf"(?:{or_regex(cues['status_void']['yardstick_value'])}\s*+)?\Z",
            regex.IGNORECASE,
        ),
        reset=_reset_regex(cues["status_reset"]),
        done=regex.compile(
            rf"[,;][^,;]*?{WORD_START}{or_regex(cues['status_reset']['done'])}{WORD_END}",
            regex.IGNORECASE,
        ),
        conditional=_conditional_regex(cues["conditional"]),
        conditional_end=regex.compile(
            rf",|{WORD_START}{or_regex(cues['conditional']['ends'])}{WORD_END}",
            regex.IGNORECASE,
        ),
        time=_time_regex(time),
        time_start=WordStarts.of(_time_first_words(time), r"\d++"),
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
        change_verbs=frozenset(canonical(w) for w in units["measures"]["change_verbs"]),
        own_predicate=regex.compile(
            rf"{WORD_START}{or_regex(units['measures']['own_predicates'])}{WORD_END}", regex.I
        ),
        measures={
            Kind.MONEY: regex.compile(
                rf"{WORD_START}{or_regex(units['measures']['money'])}{WORD_END}", regex.I
            ),
            Kind.PERCENT: regex.compile(
                rf"{WORD_START}{or_regex(units['measures']['percent'])}{WORD_END}", regex.I
            ),
        },
        place=regex.compile(
            rf"{WORD_START}(?P<place>{prefixes}[\s_]++{_NAME}){_ASIDE}\s++"
            rf"(?i:{or_regex(place['links'])})\s*+\Z"
        ),
        place_frame=regex.compile(
            rf"\s*+(?i:{or_regex(place['frames'])})\s++(?P<place>{prefixes}[\s_]++{_NAME}){_ASIDE}\s*+,"
        ),
        place_after=regex.compile(
            rf"\s*+(?i:{or_regex(place['after'])})\s++(?P<place>{prefixes}[\s_]++{_NAME})"
        ),
        year_range=(time["bounds"]["min_year"], time["bounds"]["max_year"]),
    )


@cache
def _scope() -> _Scope:
    cues = load_table("cues")
    time, relative = cues["time"], cues["status_relative"]
    qualifiers = [word for words in cues["qualifiers"].values() for word in words]
    gap = rf"(?:[\s_]++[^\s_,;.:()%]++){{0,{time['comparison_gap']}}}"
    return _Scope(
        comparison=regex.compile(
            rf"{WORD_START}{or_regex(time['comparison'])}{gap}[\s_]++\Z", regex.I | regex.REVERSE
        ),
        base_value=regex.compile(rf"[\s_]*+{or_regex(time['base_value'])}[\s_]*+\Z", regex.I),
        present=regex.compile(
            rf"{WORD_START}(?<!{or_regex(time['present_not_after'])}[\s_]++)"
            rf"{or_regex(time['present'])}{WORD_END}",
            regex.I,
        ),
        present_opens=regex.compile(  # \A: right after the year
            rf"(?:\A|[,;:](?=\s)|{WORD_START}{or_regex(time['clause_links'])}{WORD_END})"
            rf"(?:[\s_]*+[^\s_,;:]++){{0,{time['opening_words']}}}[\s_]*+\Z",
            regex.I | regex.REVERSE,
        ),
        # … not as a verb with its own figure: "20 HTX hiện có (hơn) 500 thành viên"
        present_after=regex.compile(
            rf"[\s_]*+{or_regex(time['present'])}{WORD_END}"
            rf"(?![\s_]++(?:{or_regex(qualifiers)}[\s_]++)?\p{{N}})",
            regex.I,
        ),
        present_trailing=regex.compile(
            r"\p{N}%?(?:[\s_]++[^\s_\p{N},;:()]++){0,3}[\s_]++\Z", regex.REVERSE
        ),
        opening_words=time["opening_words"],
        relative_done=regex.compile(or_regex(relative["cues"]), regex.I),
        own_object=regex.compile(rf"[\s_]*+(?:{or_regex(relative['fillers'])}[\s_]++)?\Z", regex.I),
        contrast_next=regex.compile(
            rf"[\s_]*+{or_regex(cues['conditional']['contrast_next'])}{WORD_END}", regex.I
        ),
    )


def find_status(text: str, sentence: Span, position: int, after: Span | None = None) -> Status:
    """The nearest status cue left of ``position`` in the sentence; else a plan or forecast
    cue right after the quote (``10 làng nghề sẽ được công nhận``, span ``after``); else
    ``actual``.

    >>> text = "Dự kiến năm 2019, giá trị sản xuất đạt 41.748 tỷ đồng"
    >>> find_status(text, (0, len(text)), text.index("41"))
    <Status.FORECAST: 'forecast'>
    >>> text = "Tỉnh phấn đấu công nhận thêm 8 nghề truyền thống"
    >>> find_status(text, (0, len(text)), text.index("8")).value
    'target'
    >>> text = "Đến nay toàn tỉnh có 118 làng nghề"
    >>> find_status(text, (0, len(text)), text.index("118")).value
    'actual'
    >>> text = "Khoảng 200 hộ dự kiến tham gia"
    >>> find_status(text, (0, len(text)), 7, after=(13, len(text))).value
    'forecast'

    A plan or forecast reaches over the later clauses of its sentence until one reports what
    is done (``…, trong khi năm 2023 đã có 15 làng nghề``); a condition (``Nếu mỗi hộ đầu tư
    50 triệu đồng``) is hypothetical, read as forecast; the figure right after a yardstick
    plan noun is the plan (``thấp hơn mục tiêu 6,7%``).

    >>> text = "Tỉnh sẽ hỗ trợ 2 tỷ đồng, trong khi năm 2023 đã công nhận 15 làng nghề"
    >>> find_status(text, (0, len(text)), text.index("15")).value
    'actual'
    >>> text = "Nếu mỗi hộ đầu tư 50 triệu đồng, tổng vốn sẽ đạt 10 tỷ đồng"
    >>> find_status(text, (0, len(text)), text.index("10")).value
    'forecast'
    >>> text = "Tăng trưởng đạt 6,5%, thấp hơn mục tiêu 6,7%"
    >>> find_status(text, (0, len(text)), text.index("6,7")).value
    'target'
    """
    cues = _cues()
    if cues.yardstick_value.search(text, max(sentence[0], position - 30), position):
        return Status.TARGET
    if after is not None and _scope().present_after.match(text, after[0], after[1]):
        return Status.ACTUAL  # "tăng từ 120 làng nghề hiện nay lên 150": 120 is now
    framing = _framing_cues(text, sentence, position)
    conditions = [
        c
        for c in cues.conditional.finditer(text, sentence[0], position)
        if not _is_contrast(text, c, sentence)
    ]
    inside = [c for c in conditions if not cues.conditional_end.search(text, c.end(), position)]
    if framing or inside:
        status = _framed_status(text, framing, inside, position)
        if status is Status.TARGET and conditions and conditions[0].start() < framing[-1].start():
            return Status.FORECAST
        return status
    if after is not None:
        following = _cues().status_after.match(text, after[0], after[1])
        if following is not None:
            return Status(following.lastgroup or "actual")
    return Status.ACTUAL


def _framed_status(
    text: str,
    framing: list[regex.Match[str]],
    conditions: list[regex.Match[str]],
    position: int,
) -> Status:
    """The status of the nearest cue, a condition the figure is inside counting as forecast;
    a clause of what is done after the cue resets it to ``actual``."""
    cues = _cues()
    nearest = max([*framing, *conditions], key=regex.Match.start)
    status = Status(nearest.lastgroup or "actual") if nearest in framing else Status.FORECAST
    if status is Status.ACTUAL:
        return status
    if cues.reset.search(text, nearest.end(), position) or cues.done.search(
        text, nearest.end(), position
    ):
        return Status.ACTUAL
    return status


def _framing_cues(text: str, sentence: Span, position: int) -> list[regex.Match[str]]:
    """The status cues before ``position`` that frame the figures after them: not a plan named
    as a yardstick, not a done cue describing a noun of a plan, not the present right after an
    earlier figure (``từ 120 làng nghề hiện nay lên 150 làng nghề``: it dates 120 only)."""
    scope = _scope()
    framing = [
        m
        for m in _cues().status.finditer(text, sentence[0], position)
        if _frames_status(text, sentence, m)
        and not (
            scope.present.fullmatch(m.group())
            and scope.present_trailing.search(text, max(sentence[0], m.start() - 40), m.start())
        )
    ]
    return [m for m in framing if not _describes_plan_noun(text, m, framing, position)]


def _describes_plan_noun(
    text: str, cue: regex.Match[str], framing: list[regex.Match[str]], position: int
) -> bool:
    """Whether a done cue inside a plan's own clause describes a noun of the plan rather than
    reporting the figure: ``sẽ hỗ trợ các hộ đã có nhãn hiệu 20 triệu đồng`` is all plan,
    while in ``phấn đấu có 150 làng nghề và hiện đã có 120 làng nghề`` the figure is the done
    cue's own object (only a filler word such as ``thêm`` between them)."""
    scope = _scope()
    if cue.lastgroup != "actual" or not scope.relative_done.fullmatch(cue.group()):
        return False
    if scope.own_object.match(text, cue.end(), position):
        return False
    return any(
        plan.lastgroup != "actual" and _one_clause(text, plan.end(), cue.start())
        for plan in framing
        if plan.end() <= cue.start()
    )


_CLAUSE_BREAK = regex.compile(r"[,;](?=\s)")  # not the decimal comma of "2,5"


def _one_clause(text: str, start: int, end: int) -> bool:
    """Whether no clause break (``,`` or ``;``) lies between ``start`` and ``end``."""
    return _CLAUSE_BREAK.search(text, start, end) is None


def _is_contrast(text: str, condition: regex.Match[str], sentence: Span) -> bool:
    """Whether ``nếu`` sets two facts side by side instead of a condition: its own clause (up
    to a comma or ``thì``) is followed by ``nhưng``, ``còn``, ``nay`` … (``Nếu xã Đông có 100
    hộ làm nghề, nhưng xã Tây chỉ có 20 hộ``)."""
    cues = _cues()
    end = cues.conditional_end.search(text, condition.end(), sentence[1])
    if end is None or _scope().contrast_next.match(text, end.end()) is None:
        return False
    return not any(  # "Nếu đoán đúng sẽ nhận 73%, còn thua …": a consequent, a real condition
        cue.lastgroup != "actual"
        for cue in cues.status.finditer(text, condition.end(), end.start())
    )


def _frames_status(text: str, sentence: Span, cue: regex.Match[str]) -> bool:
    """Whether a status cue frames figures: a plan named as the yardstick of what was done
    (``đạt 102% kế hoạch``, ``vượt chỉ tiêu``) does not, nor a cue word that opens the name
    of a body or programme (``Trung tâm Dự báo nhu cầu nhân lực``, ``Chương trình mục tiêu
    quốc gia``). A cue reaches over ``;`` parts of
    its sentence: plans are listed that way (``phấn đấu …10%; hộ nghèo giảm 2-3%``)."""
    start = max(sentence[0], cue.start() - 16)
    return _cues().status_void.search(text, start, cue.end()) is None


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
    cues = _cues()
    deadline = _last(cues.deadline, text, sentence[0], position)
    if deadline is None or cues.status.search(text, deadline.end(), position):
        return None
    return int(deadline.group("y"))


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
    if after is not None and _scope().present_after.match(text, after[0], after[1]):
        return When()  # "tăng từ 40 tỷ đồng hiện nay lên 55 tỷ đồng": 40 is now
    before = [
        m
        for m in cues.time.finditer(text, sentence[0], position)
        if _frames(text, m) or _scope().base_value.match(text, m.end(), position)
    ]
    if before and not _present_after(text, sentence[0], before[-1], position):
        return _when(before[-1])
    following = (
        m
        for m in cues.time.finditer(text, position, clause[1])
        if _frames(text, m) and not _plan_year_of_done(text, sentence, clause, m, status)
    )
    chosen = next(following, None)
    return _when(chosen) if chosen is not None else When()


def _frames(text: str, match: regex.Match[str]) -> bool:
    """Whether a time expression frames figures, rather than dating a founding or the base of
    a comparison (``tăng 12% so với cùng kỳ năm 2022``, ``so với quý 4 năm 2020``)."""
    start = match.start()
    if _cues().not_frame.search(text, max(0, start - 30), start) is not None:
        return False
    return _scope().comparison.search(text, max(0, start - 60), start) is None


_DIGIT = regex.compile(r"\p{N}")


def _present_after(text: str, sentence_start: int, time: regex.Match[str], position: int) -> bool:
    """Whether the present (``hiện có``, ``đến nay``) opening a clause between a year and the
    figure makes the figure one of now: ``Năm 2015 làng có 20 hộ, hiện nay đã có 200 hộ``. A
    year opening the sentence with no figure before the present still frames it (``Năm 2023,
    toàn tỉnh hiện có 150 làng nghề``); so does one with the present inside a clause (``tăng từ
    45,6 tỷ Euro hiện nay lên 46,8 tỷ Euro``)."""
    scope = _scope()
    present = next(
        (
            m
            for m in scope.present.finditer(text, time.end(), position)
            if scope.present_opens.search(text, time.end(), m.start())
        ),
        None,
    )
    if present is None:
        return False
    lead = text[sentence_start : time.start()]
    opening = len(lead.split()) <= scope.opening_words and _DIGIT.search(lead) is None
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
    if match.group("rel"):
        return When(relative_year=cues.relative[canonical(match.group("rel"))])
    if match.group("y"):
        year = int(match.group("y"))
        return When(year=year) if low <= year <= high else When()
    start, end = int(match.group("a")), int(match.group("b"))
    return When(period=(start, end)) if low <= start < end <= high else When()


def _last(pattern: regex.Pattern[str], text: str, start: int, end: int) -> regex.Match[str] | None:
    last = None
    for last in pattern.finditer(text, start, end):  # noqa: B007
        pass
    return last


def find_measure(text: str, sentence: Span, position: int, kind: Kind) -> str | None:
    """What a money figure or percent measures: the first measure of its comma-delimited
    segment, else the nearest one before it in the sentence. A change verb (``tăng``,
    ``giảm``) carries over to a later segment only as a list does (``tăng mạnh là Thái Lan
    (49,6%), Pakistan (37,9%)``): not past a colon, nor to a figure with its own predicate
    anywhere in its segment (``xóa đói giảm nghèo với mục tiêu: … 40% số xã``, ``…, cả nước đạt
    46,5%``, ``giảm số hộ nghèo 3%, 75% số trường đạt chuẩn``).

    >>> text = "năm 2018, tính riêng khối làng nghề đã đạt giá trị sản xuất 12.380 tỷ đồng"
    >>> find_measure(text, (0, len(text)), text.index("12."), Kind.MONEY)
    'giá trị sản xuất'
    >>> text = "; tốc độ tăng trưởng giá trị sản xuất bình quân đạt khoảng 15,35%/năm"
    >>> find_measure(text, (0, len(text)), text.index("15"), Kind.PERCENT)
    'tốc độ tăng trưởng'
    >>> text = "Mục tiêu giảm nghèo: 40% số xã đạt chuẩn"
    >>> find_measure(text, (0, len(text)), text.index("40"), Kind.PERCENT) is None
    True
    """
    pattern = _cues().measures.get(kind)
    if pattern is None:
        return None
    first = pattern.search(text, segment_start(text, sentence[0], position), position)
    if first is None:
        segment = segment_start(text, sentence[0], position)
        found = [
            m
            for m in pattern.finditer(text, sentence[0], position)
            if _carries_over(text, m, segment, position)
        ]
        first = found[-1] if found else None
    return first.group().lower() if first is not None else None


def _carries_over(text: str, measure: regex.Match[str], segment: int, position: int) -> bool:
    """Whether a measure in an earlier segment still measures the figure at ``position``."""
    cues = _cues()
    if canonical(measure.group()) not in cues.change_verbs:
        return True
    if ":" in text[measure.end() : position]:
        return False
    ends = [i for i in (text.find(mark, position) for mark in ",;:.\n") if i >= 0]
    return cues.own_predicate.search(text, segment, min(ends, default=len(text))) is None


def find_place(text: str, sentence: Span, position: int, end: int | None = None) -> str | None:
    """A district, commune or village named as the subject right before the figure, else right
    after its quote (``45 làng nghề của huyện Phú Xuyên``, quote ending at ``end``), else in a
    sentence-initial frame (``Tại xã Bát Tràng, …``) that covers the sentence.

    >>> text = "Huyện Chương Mỹ có 36 làng được công nhận"
    >>> find_place(text, (0, len(text)), text.index("36"))
    'Huyện Chương Mỹ'
    >>> text = "Tại xã Bát Tràng, có 300 cơ sở"
    >>> find_place(text, (0, len(text)), text.index("300"))
    'xã Bát Tràng'
    >>> text = "toàn tỉnh Thanh Hóa có 118 làng nghề"
    >>> find_place(text, (0, len(text)), text.index("118")) is None
    True
    """
    cues = _cues()
    found = cues.place.search(text, max(sentence[0], position - 80), position)
    if found is None and end is not None:
        found = cues.place_after.match(text, end, sentence[1])
    if found is None:
        found = cues.place_frame.match(text, sentence[0], position)
    return found.group("place") if found is not None else None


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
