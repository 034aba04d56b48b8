"""Status: whether a figure is done (``actual``), planned (``target``) or foreseen
(``forecast``), from the status cues left of it in its sentence.

A module of its own because status is read by rules about how far a cue reaches, not by one
pattern: a plan reaches over the later clauses of its sentence until one reports what is done, a
condition is read as forecast unless it is a contrast, and a plan named as a yardstick frames
nothing. ``timeframe`` asks the same questions (is a year the plan's or the report's?), so it
imports them from here rather than from the frame as a whole (``context``).

Cues are read left of the number inside its sentence (a sentence-initial ``Dự kiến năm 2019,``
frames every figure after it) and never across a sentence end; the nearest cue wins.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from langnghe_extract.data import load_table
from langnghe_extract.extract.patterns import (
    WORD_END,
    WORD_START,
    WordStarts,
    canonical,
    finditer_in_sentence,
    first_words,
    or_regex,
)
from langnghe_extract.models import Status

Span = tuple[int, int]


@dataclass(frozen=True)
class _Cues:
    status: regex.Pattern[str]
    status_start: WordStarts  # where a status cue can start: its first word
    status_void: regex.Pattern[str]
    status_after: regex.Pattern[str]
    yardstick_value: regex.Pattern[str]
    future: frozenset[str]  # "sẽ": the future tense, a plan only when no forecast came before
    reset: regex.Pattern[str]
    done: regex.Pattern[str]
    conditional: regex.Pattern[str]
    conditional_inside: regex.Pattern[str]  # the same without \G: not where a scan starts
    conditional_start: WordStarts  # … where: its first word, or a , ; : before a clause_start
    conditional_end: regex.Pattern[str]


@dataclass(frozen=True)
class _Scope:
    """Cues that narrow how far a status reaches: the present after an earlier figure, a done
    cue describing a noun of a plan, a condition that is a contrast."""

    present: regex.Pattern[str]
    present_after: regex.Pattern[str]  # right after a quote: it dates that figure
    present_trailing: regex.Pattern[str]  # … seen from the cue: a figure just before it
    relative_done: regex.Pattern[str]
    own_object: regex.Pattern[str]
    contrast_next: regex.Pattern[str]


def _reset_regex(reset: dict[str, Any]) -> regex.Pattern[str]:
    """Words that open a clause of what is done after a plan or forecast."""
    return regex.compile(
        rf"(?:{WORD_START}{or_regex(reset['anywhere'])}"
        rf"|[,;]\s*+{or_regex(reset['clause_start'])}){WORD_END}",
        regex.IGNORECASE,
    )


def _conditional_regex(conditional: dict[str, Any], anchor: str = r"\G|") -> regex.Pattern[str]:
    """A condition's opening word, unless it opens a contrast with the past instead; a
    ``clause_start`` word opens one after ``,;:`` or where the scan starts (``anchor``)."""
    return regex.compile(
        rf"(?:{WORD_START}{or_regex(conditional['anywhere'])}"
        rf"|(?:{anchor}[,;:])\s*+{or_regex(conditional['clause_start'])})"
        rf"(?!\s++{or_regex(conditional['contrast_after'])}{WORD_END}){WORD_END}",
        regex.IGNORECASE,
    )


@cache
def _cues() -> _Cues:
    cues = load_table("cues")
    status = "|".join(
        rf"(?P<{name}>{or_regex(cues['status'][name])})"
        for name in ("target", "forecast", "actual")
    )
    return _Cues(
        status=regex.compile(rf"{WORD_START}(?:{status}){WORD_END}", regex.IGNORECASE),
        status_start=WordStarts.of(
            w for name in ("target", "forecast", "actual") for w in cues["status"][name]
        ),
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
        future=frozenset(canonical(w) for w in cues["status_future"]["words"]),
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
        conditional_inside=_conditional_regex(cues["conditional"], anchor=""),
        conditional_start=WordStarts.of(
            cues["conditional"]["anywhere"],
            rf"[,;:](?=\s*+{first_words(cues['conditional']['clause_start'])})",
        ),
        conditional_end=regex.compile(
            rf",|{WORD_START}{or_regex(cues['conditional']['ends'])}{WORD_END}",
            regex.IGNORECASE,
        ),
    )


@cache
def _scope() -> _Scope:
    cues = load_table("cues")
    time, relative = cues["time"], cues["status_relative"]
    qualifiers = [word for words in cues["qualifiers"].values() for word in words]
    return _Scope(
        present=regex.compile(
            rf"{WORD_START}(?<!{or_regex(time['present_not_after'])}[\s_]++)"
            rf"{or_regex(time['present'])}{WORD_END}",
            regex.I,
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
    if after is not None and dated_now(text, after):
        return Status.ACTUAL  # "tăng từ 120 làng nghề hiện nay lên 150": 120 is now
    framing = _framing_cues(text, sentence, position)
    conditions = [
        c for c in _conditions(text, sentence, position) if not _is_contrast(text, c, sentence)
    ]
    inside = [c for c in conditions if not cues.conditional_end.search(text, c.end(), position)]
    if framing or inside:
        status = _framed_status(text, framing, inside, position)
        if status is Status.TARGET and conditions and conditions[0].start() < framing[-1].start():
            return Status.FORECAST
        return status
    if after is not None:
        following = cues.status_after.match(text, after[0], after[1])
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
    if status is Status.TARGET and _future_of_forecast(text, framing, nearest, position):
        return Status.FORECAST  # "Dự kiến …, tỉnh sẽ công nhận thêm 8 nghề": still a forecast
    if cues.reset.search(text, nearest.end(), position) or cues.done.search(
        text, nearest.end(), position
    ):
        return Status.ACTUAL
    return status


def _future_of_forecast(
    text: str, framing: list[regex.Match[str]], nearest: regex.Match[str], position: int
) -> bool:
    """Whether the plan cue nearest the figure is only the future tense (``sẽ``) under an
    earlier forecast cue in the sentence, with no done clause between them."""
    cues = _cues()
    if canonical(nearest.group()) not in cues.future:
        return False
    earlier = [m for m in framing if m.start() < nearest.start()]
    if not earlier or earlier[-1].lastgroup != "forecast":
        return False
    return cues.reset.search(text, earlier[-1].end(), position) is None


def _framing_cues(text: str, sentence: Span, position: int) -> list[regex.Match[str]]:
    """The status cues before ``position`` that frame the figures after them: not a plan named
    as a yardstick, not a done cue describing a noun of a plan, not the present right after an
    earlier figure (``từ 120 làng nghề hiện nay lên 150 làng nghề``: it dates 120 only)."""
    scope = _scope()
    framing = [
        m
        for m in _status_cues(text, sentence, sentence[0], position)
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
        for cue in _status_cues(text, sentence, condition.end(), end.start())
    )


def _status_cues(text: str, sentence: Span, start: int, end: int) -> Iterator[regex.Match[str]]:
    """``status.finditer(text, start, end)``, tried only where a cue of the sentence starts.

    >>> text = "Tỉnh phấn đấu năm 2025 sẽ có 150 làng nghề, hiện có 120"
    >>> [m.group() for m in _status_cues(text, (0, len(text)), 0, len(text))]
    ['phấn đấu', 'sẽ', 'hiện có']
    """
    cues = _cues()
    return finditer_in_sentence(cues.status, cues.status_start, text, sentence, (start, end))


def _conditions(text: str, sentence: Span, position: int) -> Iterator[regex.Match[str]]:
    """``conditional.finditer(text, sentence[0], position)``, tried only where a condition of
    the sentence can start (its ``\\G`` form at the scan's start and after each match).

    >>> text = "Trường hợp giá giảm, nếu mỗi hộ đầu tư 50 triệu đồng"
    >>> [m.group() for m in _conditions(text, (0, len(text)), text.index("50"))]
    ['Trường hợp', 'nếu']
    """
    cues = _cues()
    return finditer_in_sentence(
        cues.conditional_inside,
        cues.conditional_start,
        text,
        sentence,
        (sentence[0], position),
        anchored=cues.conditional,
    )


def _frames_status(text: str, sentence: Span, cue: regex.Match[str]) -> bool:
    """Whether a status cue frames figures: a plan named as the yardstick of what was done
    (``đạt 102% kế hoạch``, ``vượt chỉ tiêu``) does not, nor a cue word that opens the name
    of a body or programme (``Trung tâm Dự báo nhu cầu nhân lực``, ``Chương trình mục tiêu
    quốc gia``). A cue reaches over ``;`` parts of
    its sentence: plans are listed that way (``phấn đấu …10%; hộ nghèo giảm 2-3%``)."""
    start = max(sentence[0], cue.start() - 16)
    return _cues().status_void.search(text, start, cue.end()) is None


def past_leading_cue(text: str, position: int) -> int:
    """Where the figure's own reading starts when its quote opens with a status cue taken as
    its qualifier: "ước đạt 12.380 tỷ đồng" is about (SPEC) and a forecast (issue #6), so the
    status is read up to the end of "ước đạt", inside the quote.

    >>> text = "doanh thu ước đạt 12 tỷ đồng"
    >>> past_leading_cue(text, 10), past_leading_cue(text, 18)
    (17, 18)
    """
    found = _cues().status.match(text, position)
    return position if found is None else found.end()


def dated_now(text: str, after: Span) -> bool:
    """Whether the present right after a figure's quote (span ``after``) dates it as now, so
    no plan or year before it does: ``tăng từ 120 làng nghề hiện nay lên 150``.

    >>> text = "tăng từ 120 làng nghề hiện nay lên 150"
    >>> dated_now(text, (text.index(" hiện"), len(text)))
    True
    >>> text = "20 HTX hiện có 500 thành viên"
    >>> dated_now(text, (text.index(" hiện"), len(text)))
    False
    """
    return _scope().present_after.match(text, after[0], after[1]) is not None


def has_status_cue(text: str, start: int, end: int) -> bool:
    """Whether any status cue lies between ``start`` and ``end``: a ``đến năm …`` followed by
    one (``Đến năm 2020, toàn tỉnh đã có``) reports a year, not a deadline.

    >>> has_status_cue("Đến năm 2020, toàn tỉnh đã có 118 làng nghề", 0, 30)
    True
    """
    return _cues().status.search(text, start, end) is not None


def present_cues(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """The present (``hiện có``, ``đến nay``) written between ``start`` and ``end``: it ends
    the reach of a year before it.

    >>> [m.group() for m in present_cues("Năm 2015 có 20 hộ, hiện nay có 200 hộ", 0, 38)]
    ['hiện nay']
    """
    yield from _scope().present.finditer(text, start, end)
