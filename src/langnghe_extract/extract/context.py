"""Context: the frame of a figure — status, year or period, measure and place — from cue words
around it in its sentence.

Cues are read left of the number inside its sentence (a sentence-initial ``Dự kiến năm 2019,``
frames every figure after it) and never across a sentence end; the nearest cue wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from langnghe_extract.data import load_table
from langnghe_extract.extract.patterns import WORD_END, WORD_START, or_regex
from langnghe_extract.models import Kind, Status
from langnghe_extract.segment import segment_start

Span = tuple[int, int]


@dataclass(frozen=True)
class Frame:
    """What the sentence says about a figure, apart from the figure itself."""

    status: Status = Status.ACTUAL
    year: int | None = None
    period: tuple[int, int] | None = None
    measure: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class _Cues:
    status: regex.Pattern[str]
    time: regex.Pattern[str]
    measures: dict[Kind, regex.Pattern[str]]
    place: regex.Pattern[str]
    year_range: tuple[int, int]


@cache
def _cues() -> _Cues:
    cues = load_table("cues")
    units = load_table("units")
    status = "|".join(
        rf"(?P<{name}>{or_regex(cues['status'][name])})"
        for name in ("target", "forecast", "actual")
    )
    year = r"(?:19|20)\d\d"
    time = rf"""{WORD_START}(?:
        (?:{or_regex(cues["time"]["period_words"])}\s++)?(?P<a>{year})\s*+[-–—]\s*+(?:năm\s++)?(?P<b>{year})
      | từ\s++(?:năm\s++)?(?P<a>{year})\s++(?:đến|tới)\s++(?:năm\s++)?(?P<b>{year})
      | {or_regex(cues["time"]["year_words"])}\s++(?P<y>{year})
    ){WORD_END}"""
    place = load_table("cues")["place"]
    return _Cues(
        status=regex.compile(rf"{WORD_START}(?:{status}){WORD_END}", regex.IGNORECASE),
        time=regex.compile(time, regex.IGNORECASE | regex.VERBOSE),
        measures={
            Kind.MONEY: regex.compile(
                rf"{WORD_START}{or_regex(units['measures']['money'])}{WORD_END}", regex.I
            ),
            Kind.PERCENT: regex.compile(
                rf"{WORD_START}{or_regex(units['measures']['percent'])}{WORD_END}", regex.I
            ),
        },
        place=regex.compile(
            rf"{WORD_START}(?P<place>(?i:{or_regex(place['prefixes'])})\s++\p{{Lu}}[\p{{L}}\p{{M}}]*+"
            rf"(?:\s++\p{{Lu}}[\p{{L}}\p{{M}}]*+){{0,3}}+)\s++(?i:{or_regex(place['links'])})\s*+\Z"
        ),
        year_range=(cues["time"]["min_year"], cues["time"]["max_year"]),
    )


def find_status(text: str, sentence: Span, position: int) -> Status:
    """The nearest status cue left of ``position`` in the sentence; ``actual`` when none.

    >>> text = "Dự kiến năm 2019, giá trị sản xuất đạt 41.748 tỷ đồng"
    >>> find_status(text, (0, len(text)), text.index("41"))
    <Status.FORECAST: 'forecast'>
    >>> text = "Tỉnh phấn đấu công nhận thêm 8 nghề truyền thống"
    >>> find_status(text, (0, len(text)), text.index("8")).value
    'target'
    >>> text = "Đến nay toàn tỉnh có 118 làng nghề"
    >>> find_status(text, (0, len(text)), text.index("118")).value
    'actual'
    """
    last = None
    for last in _cues().status.finditer(text, sentence[0], position):  # noqa: B007
        pass
    if last is None:
        return Status.ACTUAL
    return Status(last.lastgroup or "actual")


def find_time(
    text: str, sentence: Span, clause: Span, position: int
) -> tuple[int | None, tuple[int, int] | None]:
    """Year or period of a figure: the nearest time expression before it in the sentence, else
    the first after it in its clause.

    >>> text = "giai đoạn 2011-2019 bình quân đạt khoảng 15,35%/năm"
    >>> find_time(text, (0, len(text)), (0, len(text)), text.index("15"))
    (None, (2011, 2019))
    >>> text = "năm 2018, giá trị sản xuất đạt 12.380 tỷ đồng"
    >>> find_time(text, (0, len(text)), (0, len(text)), text.index("12"))
    (2018, None)
    """
    cues = _cues()
    before = list(cues.time.finditer(text, sentence[0], position))
    chosen = before[-1] if before else cues.time.search(text, position, clause[1])
    if chosen is None:
        return None, None
    low, high = cues.year_range
    if chosen.group("y"):
        year = int(chosen.group("y"))
        return (year, None) if low <= year <= high else (None, None)
    start, end = int(chosen.group("a")), int(chosen.group("b"))
    return (None, (start, end)) if low <= start < end <= high else (None, None)


def find_measure(text: str, sentence: Span, position: int, kind: Kind) -> str | None:
    """What a money figure or percent measures: the first measure of its comma-delimited
    segment, else the nearest one before it in the sentence.

    >>> text = "năm 2018, tính riêng khối làng nghề đã đạt giá trị sản xuất 12.380 tỷ đồng"
    >>> find_measure(text, (0, len(text)), text.index("12."), Kind.MONEY)
    'giá trị sản xuất'
    >>> text = "; tốc độ tăng trưởng giá trị sản xuất bình quân đạt khoảng 15,35%/năm"
    >>> find_measure(text, (0, len(text)), text.index("15"), Kind.PERCENT)
    'tốc độ tăng trưởng'
    """
    pattern = _cues().measures.get(kind)
    if pattern is None:
        return None
    first = pattern.search(text, segment_start(text, sentence[0], position), position)
    if first is None:
        found = list(pattern.finditer(text, sentence[0], position))
        first = found[-1] if found else None
    return first.group().lower() if first is not None else None


def find_place(text: str, sentence: Span, position: int) -> str | None:
    """A district, commune or village named as the subject right before the figure.

    >>> text = "Huyện Chương Mỹ có 36 làng được công nhận"
    >>> find_place(text, (0, len(text)), text.index("36"))
    'Huyện Chương Mỹ'
    >>> text = "toàn tỉnh Thanh Hóa có 118 làng nghề"
    >>> find_place(text, (0, len(text)), text.index("118")) is None
    True
    """
    found = _cues().place.search(text, max(sentence[0], position - 80), position)
    return found.group("place") if found is not None else None


def find_periods(text: str) -> list[tuple[int, tuple[int, int]]]:
    """Every period the text names, with its position: the plan frames of the article.

    >>> find_periods("Theo đó, giai đoạn 2022 - 2025, tỉnh sẽ tập trung; năm 2019 đạt")
    [(9, (2022, 2025))]
    """
    low, high = _cues().year_range
    found = []
    for match in _cues().time.finditer(text):
        if match.group("a"):
            start, end = int(match.group("a")), int(match.group("b"))
            if low <= start < end <= high:
                found.append((match.start(), (start, end)))
    return found
