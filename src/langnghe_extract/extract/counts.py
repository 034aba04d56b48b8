"""Counts: a number followed by a counted noun → villages, workers, households, artisans …

The noun must follow the number directly: ``118 làng nghề`` counts villages, ``2 nhóm làng nghề``
counts groups and is no fact. Bare nouns such as ``làng`` or ``người`` count only when their
sentence is about the trade (``context_required`` in ``data/units.toml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from langnghe_extract.data import load_table
from langnghe_extract.extract.candidate import Candidate
from langnghe_extract.extract.numbers import NumberMatch
from langnghe_extract.extract.patterns import WORD_END, WORD_START, canonical, or_regex
from langnghe_extract.models import Kind

CONTEXT_BEFORE = 200  # characters before the sentence that may still set its topic


@dataclass(frozen=True)
class _Nouns:
    pattern: regex.Pattern[str]
    kinds: dict[str, Kind]
    context: dict[str, regex.Pattern[str]]
    wide: frozenset[str]
    near: frozenset[str]
    reach: int
    excluded: dict[str, regex.Pattern[str]]
    not_after: dict[Kind, regex.Pattern[str]]
    volume: frozenset[str]
    volume_verb: regex.Pattern[str]
    volume_keep: regex.Pattern[str]
    volume_reach: int
    volume_min: int


@cache
def _nouns() -> _Nouns:
    table = load_table("units")
    kinds = {
        canonical(noun): Kind(kind) for kind, nouns in table["nouns"].items() for noun in nouns
    }
    pattern = regex.compile(rf"[ \t]++(?P<noun>{or_regex(kinds)}){WORD_END}", regex.IGNORECASE)
    context = {
        noun: regex.compile(or_regex(cues), regex.IGNORECASE)
        for noun, cues in table["context_required"].items()
    }
    excluded = {
        noun: regex.compile(rf"[ \t]++{or_regex(words)}{WORD_END}", regex.IGNORECASE)
        for noun, words in table["noun_not_before"].items()
    }
    near = table["context_near"]
    volume = table["volume"]
    not_after = table["count_not_after"]
    fillers = or_regex(not_after["fillers"])
    return _Nouns(
        pattern,
        kinds,
        context,
        frozenset(table["context_wide"]["nouns"]),
        frozenset(near["nouns"]),
        near["reach"],
        excluded,
        {
            Kind(kind): regex.compile(
                rf"{WORD_START}{or_regex(words)}(?:[\s_]++{fillers})?[\s_]++\Z",
                regex.IGNORECASE | regex.REVERSE,
            )
            for kind, words in not_after["before"].items()
        },
        frozenset(canonical(n) for n in volume["nouns"]),
        regex.compile(
            rf"{WORD_START}{or_regex(volume['verbs'])}(?:[\s_]++{or_regex(volume['fillers'])})?"
            r"[\s_]++\Z",
            regex.IGNORECASE | regex.REVERSE,
        ),
        regex.compile(rf"{WORD_START}{or_regex(volume['keep_after'])}{WORD_END}"),
        volume["reach"],
        volume["min_count"],
    )


def classify_count(text: str, number: NumberMatch, sentence: tuple[int, int]) -> Candidate | None:
    """A count candidate when a known counted noun follows ``number``, else ``None``.

    >>> from langnghe_extract.extract.numbers import find_numbers
    >>> text = "toàn tỉnh có 118 làng nghề"
    >>> c = classify_count(text, find_numbers(text)[0], (0, len(text)))
    >>> (c.kind.value, c.unit, int(c.number.value))
    ('villages', 'làng nghề', 118)
    >>> text = "có 2 nhóm làng nghề"
    >>> classify_count(text, find_numbers(text)[0], (0, len(text))) is None
    True
    """
    nouns = _nouns()
    found = nouns.pattern.match(text, number.end)
    if found is None:
        return None
    noun = canonical(found.group("noun"))
    if _lacks_context(text, sentence, noun, nouns, (number.start, found.end("noun"))):
        return None
    excluded = nouns.excluded.get(noun)
    if excluded is not None and excluded.match(text, found.end("noun")):
        return None
    if number.words == 1 and number.value < 2:
        return None
    kind = nouns.kinds[noun]
    if (
        noun in nouns.volume and _is_volume(text, number, found.end("noun"), nouns)
    ) or _counts_other(text, number.start, kind, nouns):
        return None
    return Candidate(
        kind=kind,
        number=number,
        unit=noun,
        start=number.start,
        end=found.end("noun"),
        rule=f"count:{nouns.kinds[noun].value}",
    )


def subject_count(text: str, number: NumberMatch, clause_start: int) -> Candidate | None:
    """A bare figure counting the noun named before it as its subject: ``nâng tổng số làng
    nghề lên 45``, ``số hộ tham gia là 300``. The quote runs from ``số`` to the figure. Nouns
    that need a topic cue (``người``, ``làng``) are not read this way.

    >>> from langnghe_extract.extract.numbers import find_numbers
    >>> text = "tỉnh nâng tổng số làng nghề được công nhận lên 45."
    >>> c = subject_count(text, find_numbers(text)[0], 0)
    >>> (c.kind.value, c.unit, text[c.start:c.end])
    ('villages', 'làng nghề', 'tổng số làng nghề được công nhận lên 45')
    """
    if _subject_link().match(text, clause_start, number.start) is None:
        return None
    nouns = _nouns()
    found = _subject_regex().search(text, clause_start, number.start)
    if found is None or _stars_after().match(text, number.end):
        return None  # "Số sản phẩm đạt 4 sao chiếm 27,4%": a rating, not a count
    noun = canonical(found.group("noun"))
    excluded = nouns.excluded.get(noun)
    if noun in nouns.context or (excluded is not None and excluded.match(text, found.end("noun"))):
        return None
    return Candidate(
        kind=nouns.kinds[noun],
        number=number,
        unit=noun,
        start=found.start(),
        end=number.end,
        rule=f"count:{nouns.kinds[noun].value}:subject",
    )


@cache
def _stars_after() -> regex.Pattern[str]:
    """The OCOP star word right after a figure: "đạt 4 sao"."""
    star = load_table("units")["ocop"]["star_word"]
    return regex.compile(rf"[ \t]*+{regex.escape(star)}{WORD_END}", regex.IGNORECASE)


@cache
def _subject_regex() -> regex.Pattern[str]:
    table = load_table("units")
    subject = table["count_subject"]
    nouns = {noun for group in table["nouns"].values() for noun in group}
    return regex.compile(
        rf"{WORD_START}{or_regex(subject['heads'])}[\s_]++(?P<noun>{or_regex(nouns)}){WORD_END}"
        rf"[^\p{{N}},;.:()%\n]{{0,{subject['reach']}}}?[\s_]{or_regex(subject['links'])}[\s_]++\Z",
        regex.IGNORECASE | regex.REVERSE,
    )


@cache
def _subject_link() -> regex.Pattern[str]:
    """The link word right before the figure that ``_subject_regex`` ends with (``lên``,
    ``là``). Why: most figures follow none, and this short test, read backwards from the
    figure like the whole pattern, spares them its longer one."""
    links = load_table("units")["count_subject"]["links"]
    return regex.compile(rf"[\s_]{or_regex(links)}[\s_]++\Z", regex.IGNORECASE | regex.REVERSE)


def _is_volume(text: str, number: NumberMatch, end: int, nouns: _Nouns) -> bool:
    """``công suất 13 triệu sản phẩm``, ``đơn hàng 50.000 sản phẩm chén``: units made or sold,
    not products — after a verb of making or selling, or too many to be product lines
    (units.toml [volume]); an OCOP, star or level word after the noun keeps a count.

    >>> from langnghe_extract.extract.numbers import find_numbers
    >>> text = "làng cung cấp ra thị trường 30.000 sản phẩm gốm"
    >>> _is_volume(text, find_numbers(text)[0], text.index(" gốm"), _nouns())
    True
    >>> text = "cả nước có 12.000 sản phẩm được xếp hạng OCOP"
    >>> _is_volume(text, find_numbers(text)[0], text.index(" được"), _nouns())
    False
    """
    reach = nouns.volume_reach
    if nouns.volume_keep.search(text, end, min(len(text), end + reach)):
        return False
    if number.value >= nouns.volume_min:
        return True
    start = number.start
    return nouns.volume_verb.search(text, max(0, start - reach), start) is not None


def _counts_other(text: str, start: int, kind: Kind, nouns: _Nouns) -> bool:
    """Whether the word before the number makes the count something outside its kind:
    ``đào tạo 1 nghề`` counts training courses, not trades (units.toml [count_not_after]).

    >>> text = "huyện đào tạo 1 nghề"
    >>> _counts_other(text, text.index("1"), Kind.CRAFTS, _nouns())
    True
    >>> text = "công nhận thêm 8 nghề"
    >>> _counts_other(text, text.index("8"), Kind.CRAFTS, _nouns())
    False
    """
    pattern = nouns.not_after.get(kind)
    return pattern is not None and pattern.search(text, max(0, start - 30), start) is not None


def _lacks_context(
    text: str, sentence: tuple[int, int], noun: str, nouns: _Nouns, quote: tuple[int, int]
) -> bool:
    """Whether a bare noun's topic cue is missing from where it must stand: the sentence, the
    text just before it (``context_wide``), or right around the count (``context_near``)."""
    cue = nouns.context.get(noun)
    if cue is None:
        return False
    start, end = sentence
    if noun in nouns.wide:
        start = max(0, start - CONTEXT_BEFORE)
    elif noun in nouns.near:
        start, end = max(start, quote[0] - nouns.reach), min(end, quote[1] + nouns.reach)
    return cue.search(text, start, end) is None
