"""Context: the frame of a figure — its measure and place from cue words around it in its
sentence, gathered with its status (``status``) and its year or period (``timeframe``).

Measure and place are each one pattern read near the figure, so they share this module and its
cue table; status has its own module because its cues reach over clauses by rules of their own.
Both are read inside the figure's sentence, never across its end: a measure left of the number
(the nearest that still applies), a place right before it, after its quote or in a frame that
opens the sentence (``Tại xã Bát Tràng, …``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from langnghe_extract.data import load_table
from langnghe_extract.extract.patterns import (
    WORD_END,
    WORD_START,
    WordStarts,
    canonical,
    finditer_in_sentence,
    or_regex,
)
from langnghe_extract.literals import window_holds_any
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
class _Cues:
    measures: dict[Kind, regex.Pattern[str]]
    measure_starts: dict[Kind, WordStarts]  # where a measure can start: its first word
    money_verbs: regex.Pattern[str]
    money_measure_after: regex.Pattern[str]  # "4 tỷ đồng kinh phí khuyến công": after the quote
    money_verb_starts: WordStarts
    change_verbs: frozenset[str]
    own_predicate: regex.Pattern[str]
    place: regex.Pattern[str]
    place_frame: regex.Pattern[str]
    place_after: regex.Pattern[str]
    place_topic: regex.Pattern[str]
    place_listed: regex.Pattern[str]
    place_reference: regex.Pattern[str]  # "toàn xã", "huyện này": the place named before
    place_reference_opening: regex.Pattern[str]  # "Hiện xã có …" opening the sentence
    place_here: regex.Pattern[str]  # "tại đây": the place of the sentence before
    place_named: regex.Pattern[str]  # any place with its name: "xã Văn Môn", "làng gốm X"
    here_reach: int
    reference_reach: int
    place_subject: regex.Pattern[str]
    # the first words of the place types: every place pattern above holds one
    place_words: tuple[str, ...]
    here_words: tuple[str, ...]  # a word every "tại đây" phrase holds: "đây"


# a proper name: up to four capitalised words, spaced or joined by "_" (segmented corpora)
_NAME = r"\p{Lu}[\p{L}\p{M}]*+(?:[\s_]++\p{Lu}[\p{L}\p{M}]*+){0,3}+"
# a sentence may open with a list bullet: "+ Huyện Đại Từ: 78 sản phẩm;"
_BULLET = r"\s*+(?:[-+•*]\s*+)?"
# "Xã Bát Tràng (huyện Gia Lâm) có …": a parenthesis between the place and its verb
_ASIDE = r"(?:\s*+\([^()\n]{0,60}\))?"


@cache
def _cues() -> _Cues:
    cues = load_table("cues")
    units = load_table("units")
    place = cues["place"]
    prefixes = rf"(?i:{or_regex(place['prefixes'])})"
    # a place: its type word and its name, or a village with its trade between them
    trade = rf"(?!(?i:{or_regex(place['village_not_words'])}){WORD_END})\p{{Ll}}[\p{{L}}\p{{M}}]*+"
    named = (
        rf"(?:{prefixes}[\s_]++{_NAME}"
        rf"|(?i:{place['village_word']})(?:[\s_]++{trade}){{1,{place['village_trade_words']}}}"
        rf"[\s_]++{_NAME})"
    )
    return _Cues(
        change_verbs=frozenset(canonical(w) for w in units["measures"]["change_verbs"]),
        own_predicate=regex.compile(
            rf"{WORD_START}{or_regex(units['measures']['own_predicates'])}{WORD_END}", regex.I
        ),
        measures={
            kind: regex.compile(
                rf"{WORD_START}{or_regex(units['measures'][kind.value])}{WORD_END}", regex.I
            )
            for kind in (Kind.MONEY, Kind.PERCENT)
        },
        money_verbs=regex.compile(
            rf"{WORD_START}(?<!(?i:{or_regex(units['measures']['money_verbs_not_after'])})[\s_]++)"
            rf"{or_regex(units['measures']['money_verbs'])}{WORD_END}",
            regex.I,
        ),
        money_verb_starts=WordStarts.of(units["measures"]["money_verbs"]),
        money_measure_after=regex.compile(
            rf"[ \t]++(?P<measure>{or_regex(units['measures']['money'])}){WORD_END}", regex.I
        ),
        measure_starts={
            kind: WordStarts.of(units["measures"][kind.value])
            for kind in (Kind.MONEY, Kind.PERCENT)
        },
        place=regex.compile(
            rf"(?:{WORD_START}(?P<place>{named}){_ASIDE}"
            rf"|\((?P<place>{prefixes}[\s_]++{_NAME})[^()\n]{{0,40}}\))"  # "La Xuyên (xã Yên Ninh)"
            rf"\s++(?i:{or_regex(place['links'])})\s*+\Z"
        ),
        place_frame=regex.compile(
            rf"{_BULLET}(?i:{or_regex(place['frames'])})\s++"
            rf"(?:(?P<place>{prefixes}[\s_]++{_NAME}){_ASIDE}"
            # "Tại làng gốm Chu Đậu (xã Thái Tân, huyện Nam Sách), …": the place in brackets
            rf"|[^,()\n]{{1,40}}?\((?P<place>{prefixes}[\s_]++{_NAME})[^()\n]{{0,40}}\))\s*+,"
        ),
        place_after=regex.compile(
            rf"\s*+(?i:{or_regex(place['after'])})\s++(?P<place>{prefixes}[\s_]++{_NAME})"
        ),
        place_topic=regex.compile(
            rf"{_BULLET}(?P<place>{named}){_ASIDE}\s++"
            rf"(?i:{or_regex(place['topic_verbs'])}){WORD_END}[^;]*+\Z"
        ),
        place_reference=regex.compile(
            rf"{WORD_START}(?:(?i:{or_regex(place['reference_before'])})[\s_]++"
            rf"(?P<kind>(?i:{or_regex(place['prefixes'])}))"
            rf"|(?P<kind>(?i:{or_regex(place['prefixes'])}))[\s_]++"
            rf"(?i:{or_regex(place['reference_after'])})){WORD_END}"
        ),
        place_reference_opening=regex.compile(
            rf"\s*+(?:(?i:{or_regex(place['reference_openers'])})[\s_]*+,?[\s_]*+)?"
            rf"(?P<kind>(?i:{or_regex(place['prefixes'])}))[\s_]++(?i:{or_regex(place['links'])})"
            rf"{WORD_END}"
        ),
        reference_reach=place["reference_reach"],
        place_here=regex.compile(rf"{WORD_START}(?i:{or_regex(place['here_words'])}){WORD_END}"),
        place_named=regex.compile(rf"{WORD_START}{named}"),
        here_reach=place["here_reach"],
        place_listed=regex.compile(
            rf"[,;:][\s_]*+(?P<place>{prefixes}[\s_]++{_NAME}){_ASIDE}[\s_]*+:?[\s_]*+\Z"
        ),
        place_subject=regex.compile(
            rf"{_BULLET}(?P<place>{named}){_ASIDE}(?:[\s_]*+:)?"
            rf"(?:(?!(?i:{or_regex(place['subject_not_before'])}){WORD_END})[^,;:\n])*+\Z"
        ),
        place_words=tuple(
            sorted({w.split()[0].lower() for w in [*place["prefixes"], place["village_word"]]})
        ),
        here_words=tuple(sorted({w.split()[-1].lower() for w in place["here_words"]})),
    )


def find_measure(
    text: str, sentence: Span, position: int, kind: Kind, end: int | None = None
) -> str | None:
    """What a money figure or percent measures: a money measure written right after its quote
    (ending at ``end``: "bố trí 4 tỷ đồng kinh phí khuyến công"; for a percent only when its
    segment names no percent measure: "chiếm 40% giá trị sản xuất"); else the first measure
    of its comma-delimited segment, else the nearest one before it in the sentence, else a verb
    naming what money is for in its segment (``được đầu tư 200 tỷ đồng``). A change verb
    (``tăng``, ``giảm``) carries over to a later segment only as a list does (``tăng mạnh là
    Thái Lan (49,6%), Pakistan (37,9%)``): not past a colon, nor to a figure with its own predicate
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
    cues = _cues()
    pattern, starts = cues.measures.get(kind), cues.measure_starts.get(kind)
    if pattern is None or starts is None:
        return None
    after = cues.money_measure_after.match(text, end, sentence[1]) if end is not None else None
    if after is not None and kind is Kind.MONEY:  # "386 tỷ đồng doanh thu"
        return str(after.group("measure")).lower()
    segment = segment_start(text, sentence[0], position)
    first = next(finditer_in_sentence(pattern, starts, text, sentence, (segment, position)), None)
    if first is None and after is not None:  # "chiếm 40% tổng kim ngạch xuất khẩu"
        return str(after.group("measure")).lower()
    if first is None:
        found = [
            m
            for m in finditer_in_sentence(pattern, starts, text, sentence, (sentence[0], position))
            if _carries_over(text, m, segment, position)
        ]
        first = found[-1] if found else None
    if first is None and kind is Kind.MONEY:
        window = (segment, position)
        verbs = finditer_in_sentence(
            cues.money_verbs, cues.money_verb_starts, text, sentence, window
        )
        first = next(verbs, None)
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
    sentence-initial frame (``Tại xã Bát Tràng, …``) that covers the sentence, else as the
    topic the sentence opens with (``Huyện Phú Xuyên là địa phương có nhiều làng nghề nhất với
    45 làng``), up to the first ``;``, else opening a listed clause right before the figure
    (``…; huyện Phú Lộc 17,19 tỷ đồng``), else as the subject of a sentence with no comma
    before the figure (``Huyện Nam Đông đã giải ngân 6,13 tỷ đồng``).

    >>> text = "Huyện Chương Mỹ có 36 làng được công nhận"
    >>> find_place(text, (0, len(text)), text.index("36"))
    'Huyện Chương Mỹ'
    >>> text = "Tại xã Bát Tràng, có 300 cơ sở"
    >>> find_place(text, (0, len(text)), text.index("300"))
    'xã Bát Tràng'
    >>> text = "toàn tỉnh Thanh Hóa có 118 làng nghề"
    >>> find_place(text, (0, len(text)), text.index("118")) is None
    True
    >>> text = "Huyện Phú Xuyên là địa phương có nhiều làng nghề nhất với 45 làng"
    >>> find_place(text, (0, len(text)), text.index("45"))
    'Huyện Phú Xuyên'
    """
    cues = _cues()
    if not _names_a_place_type(text, sentence[0], max(sentence[1], end or 0)):
        return _place_here(text, sentence, end)  # no "huyện", "xã", "làng" …: nothing else can
    found = cues.place.search(text, max(sentence[0], position - 80), position)
    if found is None and end is not None:
        found = cues.place_after.match(text, end, sentence[1])
    if found is None and end is not None:  # inside a long quote: "7 sản phẩm … của huyện X đã đạt"
        found = cues.place_after.search(text, position, end)
    if found is None:
        found = cues.place_frame.match(text, sentence[0], position)
    if found is None:
        found = cues.place_topic.match(text, sentence[0], position)
    if found is None:
        found = cues.place_listed.search(text, max(sentence[0], position - 80), position)
    if found is None:
        found = cues.place_subject.match(text, sentence[0], position)
    if found is None:
        return _place_referred(text, sentence, position) or _place_here(text, sentence, end)
    return str(found.group("place"))


def _names_a_place_type(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds the first word of a place type, in any case.

    Why: every place pattern of ``find_place`` (and of ``_place_referred``) needs a type word
    inside the sentence, and most sentences name none; a substring test of the lower-cased
    sentence spares them seven pattern scans.
    """
    return window_holds_any(text, start, end, _cues().place_words)


def _place_referred(text: str, sentence: Span, position: int) -> str | None:
    """The place a sentence refers back to ("Hiện toàn xã có 1.100 hộ", "Hiện xã có 250 hộ"):
    the last place of that type named before the sentence, within ``reference_reach``
    characters."""
    cues = _cues()
    reference = cues.place_reference.search(text, sentence[0], position)
    if reference is None:
        reference = cues.place_reference_opening.match(text, sentence[0], position)
    if reference is None:
        return None
    kind = reference.group("kind").lower()
    window = (max(0, sentence[0] - cues.reference_reach), sentence[0])
    named = [p for p in _named_place(kind).findall(text, *window) if not _is_acronym(p, kind)]
    return str(named[-1]) if named else None


def _place_here(text: str, sentence: Span, end: int | None) -> str | None:
    """ "tại đây" in the sentence (before or right after the figure): the last place the
    sentence before named, within ``here_reach`` characters."""
    cues = _cues()
    stop = sentence[1] if end is None else min(sentence[1], end + 20)
    if not _may_say_here(text, sentence[0], stop):
        return None
    if cues.place_here.search(text, sentence[0], stop) is None:
        return None
    named = cues.place_named.findall(text, max(0, sentence[0] - cues.here_reach), sentence[0])
    return str(named[-1]) if named else None


def _may_say_here(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds the last word of a ``tại đây`` phrase, in any case.

    Why: most sentences say no "tại đây"; a substring test of the lower-cased sentence is
    cheaper than a scan with the phrase pattern, which needs that word.
    """
    return window_holds_any(text, start, end, _cues().here_words)


def _is_acronym(place: str, kind: str) -> bool:
    """ "xã NTM" (a new-style rural commune, nông thôn mới) names no place."""
    name = place[len(kind) :].split()
    return bool(name) and len(name[0]) > 1 and name[0].isupper()


@cache
def _named_place(kind: str) -> regex.Pattern[str]:
    """A place of one type with its proper name: "xã Tân Lễ"."""
    return regex.compile(rf"{WORD_START}(?i:{regex.escape(kind)})[\s_]++{_NAME}")
