"""The number grammar's patterns, compiled once from ``data/number_words.toml``, ``cues.toml``
and ``units.toml``: the core (digits, number words, ``hàng nghìn``), multipliers, qualifiers,
range words, labels and the units a range bound may carry.

A module of its own because the patterns are built in one place and read in two: ``numbers``
reads figures with them and ``labels`` rejects the figures that are dates, years and document
numbers. Both import the grammar (and the window bounds ``AHEAD`` and ``BACKWARD``) from here,
so neither imports the other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import regex

from langnghe_extract.data import load_table
from langnghe_extract.extract.patterns import (
    WORD_END,
    WORD_START,
    WordStarts,
    canonical,
    or_regex,
)
from langnghe_extract.extract.spelled import MAX_NUMBER_WORDS
from langnghe_extract.literals import case_variants
from langnghe_extract.models import Qualifier

MAX_DIGITS = 30  # longer digit runs are identifiers or garbage, never figures
# How far past a position a pattern may look. Every match after a number is bounded by it: the
# ``regex`` module scans ahead for a pattern's literal ("mấy"), which unbounded makes each call
# O(text) and a text dense with numbers quadratic.
AHEAD = 80
# Patterns that end at a number (``hơn ``, ``lần thứ ``) search right to left from it: one
# attempt at the number instead of one per character of the window before it.
BACKWARD = regex.REVERSE


@dataclass(frozen=True)
class Grammar:
    core: regex.Pattern[str]
    core_start: WordStarts  # where a core can start: a digit, "+" or a first number word
    fractions: dict[str, Decimal]  # "nửa" → 0.5, read before a multiplier only
    multiplier: regex.Pattern[str]
    qualifier_before: regex.Pattern[str]
    qualifier_sign: regex.Pattern[str]  # "~", ">", "≤" right before the number
    range_between: regex.Pattern[str]
    range_from: regex.Pattern[str]
    label_before: regex.Pattern[str]
    label_not_after: regex.Pattern[str]  # "phân" before "hạng": "phân hạng 17 sản phẩm"
    units: dict[str, int]
    qualifiers: dict[str, Qualifier]
    comparative: regex.Pattern[str]
    besides: frozenset[str]  # qualifiers that mean "besides" when they open a clause ("ngoài")
    by_words: frozenset[str]  # "vượt": by how much, when a percent and a plan follow
    by_plan: regex.Pattern[str]  # "% kế hoạch" after the figure
    year_word: str
    year_before: regex.Pattern[str]
    year_after: regex.Pattern[str]
    vague_after: regex.Pattern[str]
    decimal_after: regex.Pattern[str]
    bound_unit: regex.Pattern[str]  # "%" or a currency written after each bound: 70%-80%
    bound_codes: dict[str, str]  # the unit a bound's word stands for: "đ" → VND, "%" → %
    # Characters at which (or after one space) the patterns after a figure cannot match: see
    # ``never_open``.
    not_vague: frozenset[str]  # vague_after
    not_multiplier: frozenset[str]  # multiplier
    not_between: frozenset[str]  # range_between
    not_bound_unit: frozenset[str]  # bound_unit
    sign_ends: frozenset[str]  # the last characters of the qualifier signs ("=" of ">=")
    label_ends: frozenset[str]  # how label_before's words can end: see ``closing_pairs``
    qualifier_ends: frozenset[str]  # how qualifier_before's words (and "từ") can end


# Characters common around figures, for which ``never_open`` decides once what may follow: ASCII
# and the Latin letters of Vietnamese (U+00C0–U+01B0, U+1EA0–U+1EF9). Others go to the patterns.
_GAP = regex.compile(r"[\s_]")
COMMON = frozenset(
    chr(c)
    for c in [*range(0x21, 0x7F), *range(0xC0, 0x1B1), *range(0x1EA0, 0x1EFA)]
    if not _GAP.match(chr(c))
)


def closing_pairs(phrases: Iterable[str]) -> frozenset[str]:
    """Every two common characters, in any case ``regex`` folds to, that end one of ``phrases``.

    Why: the patterns ending at a figure (``năm 2019``, ``hơn 5``) are reversed searches that
    cost a microsecond each and mostly fail; when the two characters before the figure (or
    before one space) end no phrase, they cannot match. Empty when a phrase ends in a one-letter
    word: then the two characters say nothing.

    >>> sorted(closing_pairs(["năm", "lần thứ"]))
    ['HỨ', 'Hứ', 'hỨ', 'hứ', 'ĂM', 'Ăm', 'ăM', 'ăm']
    """
    lasts = [phrase.split()[-1] for phrase in phrases]
    if any(len(last) < 2 for last in lasts):
        return frozenset()
    folds = {c: [v for v in case_variants(c) if v in COMMON] for w in lasts for c in w[-2:]}
    return frozenset(a + b for w in lasts for a in folds[w[-2]] for b in folds[w[-1]])


def never_open(words: Iterable[str], *, ignore_case: bool) -> frozenset[str]:
    """The common characters that are no space, no "_" and start none of ``words``.

    Why: the patterns read after a figure (``mấy``, ``nghìn``, ``đến``, ``%``) are a run of
    spaces then one of their words, tried at each figure and mostly failing; when the character
    after the figure, or after one plain space, is one of these, the pattern cannot match and
    need not be tried. Case is folded as ``regex`` folds it (``ignore_case``).

    >>> sorted(never_open(["mấy"], ignore_case=True) & set("mM đ_"))
    ['đ']
    """
    firsts = "|".join(regex.escape(word.split()[0][0]) for word in words)
    opener = regex.compile(f"(?i:{firsts})" if ignore_case else f"(?:{firsts})")
    return frozenset(c for c in COMMON if not opener.fullmatch(c))


def closes_none(text: str, start: int, ends: frozenset[str]) -> bool:
    """Whether the two characters before ``start``, or before one plain space there, are common
    ones that end none of the phrases ``ends`` was made of (``closing_pairs``): then a pattern
    of one of the phrases, spaces and the end cannot match before ``start``.

    >>> ends = closing_pairs(["năm"])
    >>> [closes_none(t, len(t), ends) for t in ["có ", "Năm ", "năm", "\\n ", "a"]]
    [True, False, False, False, False]
    """
    end = start - 1 if text[start - 1 : start] == " " else start
    pair = text[max(0, end - 2) : end]
    return len(pair) == 2 and pair not in ends and pair[0] in COMMON and pair[1] in COMMON


def _not_after_parts(table: dict[str, list[str]]) -> str:
    """``label word ← words before it`` as one alternation: "phân\\s++hạng"."""
    return "|".join(
        rf"{or_regex(before)}\s++{regex.escape(word)}" for word, before in table.items()
    )


@cache
def load_grammar() -> Grammar:
    words = load_table("number_words")
    cues = load_table("cues")
    units: dict[str, int] = {**words["units"], **words["abbreviations"]}
    order_words = {k: v for k, v in words["order"].items() if k != "prefixes"}
    units.update(order_words)
    number_words = [
        *words["digits"],
        *words["final_digits"],
        *words["tens"],
        *words["units"],
        *words["linkers"]["words"],
    ]
    never_first = words["not_a_number"]["never_first"]
    leading = [w for w in [*words["digits"], "mười"] if w not in never_first]
    big_units = dict(words["units"])
    core = regex.compile(
        rf"""{WORD_START}
        (?:
          (?P<order>{or_regex(words["order"]["prefixes"])}[\s_]++{or_regex(order_words)}
                    (?:[\s_]++{or_regex(order_words)}){{0,2}}+)
          {WORD_END}
        | (?P<skip>(?:\+84|0)\d{{2,3}}+(?:[ .\-]?+\d{{3,4}}+){{2}}+(?![.,]?\d))  # phones
        | (?P<skip>0\d{{3,}}+)                                 # 0912345678, 0243: no figure
        | (?P<skip>\d{{1,4}}+(?:[-/:]\d{{1,4}}+){{2,}}+)           # 29/01/2026, 16-09-2021, 1-1-1-…
        | (?P<fraction>{or_regex(words["fractions"])})(?=[\s_]++{or_regex(big_units)}{WORD_END})
        | (?P<digits>\d{{1,{MAX_DIGITS}}}+(?:[.,]\d{{1,{MAX_DIGITS}}}+)*+)(?!\p{{N}})
        | (?!{words["year_word"]["word"]}[\s_]++\d)  # "năm 2019": the year, skipped at once
          (?P<words>{or_regex(leading)}{WORD_END}
                    (?:[\s_]++{or_regex(number_words)}{WORD_END}){{0,{MAX_NUMBER_WORDS - 1}}}+)
        )""",
        regex.VERBOSE | regex.IGNORECASE,
    )
    multiplier = regex.compile(
        rf"""(?:\s*+(?P<mult>{or_regex(big_units)}){WORD_END}){{1,3}}+  # trăm nghìn tỷ
          | \s?(?P<mult>{or_regex(words["abbreviations"])})             # 5tr, 200k, 3,5 trđ
            (?=đ|\.đ|[^\p{{L}}\p{{N}}]|$)""",
        regex.IGNORECASE | regex.VERBOSE,
    )
    qualifier_map = {
        canonical(w): Qualifier(name)
        for name in ("over", "under", "about")
        for w in cues["qualifiers"][name]
    }
    qualifier_words = list(qualifier_map)  # the words, before the signs join the table
    qualifier_before = regex.compile(
        rf"{WORD_START}(?P<q>{or_regex(qualifier_map)})\s++(?:{or_regex(cues['range_words']['before'])}\s++)?\Z",
        BACKWARD | regex.IGNORECASE,
    )
    signs = cues["qualifier_signs"]
    qualifier_map.update({w: Qualifier(name) for name in signs for w in signs[name]})
    qualifier_sign = regex.compile(
        rf"(?P<q>{or_regex([w for ws in signs.values() for w in ws])})[ \t]*+\Z",
        BACKWARD,
    )
    labels = words["label_markers"]["words"]
    unit_table = load_table("units")
    bound_codes = {canonical(w): "%" for w in unit_table["percent_words"]["signs"]}
    bound_codes.update({canonical(w): code for w, code in unit_table["currencies"].items()})
    return Grammar(
        core=core,
        core_start=WordStarts.of(
            [*words["order"]["prefixes"], *leading, *words["fractions"], "+"], r"\d++"
        ),
        fractions={canonical(w): Decimal(v) for w, v in words["fractions"].items()},
        multiplier=multiplier,
        qualifier_before=qualifier_before,
        qualifier_sign=qualifier_sign,
        range_between=regex.compile(rf"\s*+{or_regex(cues['range_words']['between'])}\s*+"),
        range_from=regex.compile(
            rf"{WORD_START}(?P<w>{or_regex(cues['range_words']['before'])})\s++\Z", BACKWARD
        ),
        label_not_after=regex.compile(
            rf"{WORD_START}(?:{_not_after_parts(words['label_markers']['not_after'])})\s*+\Z",
            BACKWARD | regex.IGNORECASE,
        ),
        label_before=regex.compile(
            rf"{WORD_START}{or_regex(labels)}\s*+\Z", BACKWARD | regex.IGNORECASE
        ),
        units=units,
        qualifiers=qualifier_map,
        comparative=regex.compile(
            rf"{WORD_START}{or_regex(cues['comparatives']['words'])}[\s_]++\Z",
            BACKWARD | regex.IGNORECASE,
        ),
        besides=frozenset(canonical(w) for w in cues["qualifiers_besides"]["words"]),
        by_words=frozenset(canonical(w) for w in cues["qualifiers_by"]["words"]),
        by_plan=regex.compile(
            rf"[ \t]*+%[ \t]*+(?:{or_regex(cues['qualifiers_by']['plans'])}){WORD_END}", regex.I
        ),
        year_word=words["year_word"]["word"],
        year_before=regex.compile(
            rf"""(?:{WORD_START}{or_regex(words["year_word"]["before"])}[\s_]++  # mỗi năm
               | {WORD_START}{or_regex(number_words)}[\s_]++  # ba năm: a number counts years
               | \d[\s_]++ | /[\s_]*+                   # 4 năm, đồng/năm
               )\Z""",
            BACKWARD | regex.IGNORECASE | regex.VERBOSE,
        ),
        year_after=regex.compile(
            rf"\s++{or_regex(words['year_word']['after'])}{WORD_END}", regex.IGNORECASE
        ),
        decimal_after=regex.compile(  # after the lower bound too: "36,150 – 36,350 triệu đồng"
            rf"""(?:\s*+[-–—]\s*+\d++(?:,\d++)?+)?+
                 \s*+(?:{or_regex(words["units"])}{WORD_END}
                     | {or_regex(words["abbreviations"])}(?=đ|\.đ|[^\p{{L}}\p{{N}}]|$)
                     | {or_regex(load_table("units")["percent_words"]["signs"])})""",
            regex.IGNORECASE | regex.VERBOSE,
        ),
        bound_unit=regex.compile(
            rf"[ \t]*+(?P<u>{or_regex(bound_codes)})(?![\p{{L}}\p{{M}}_])", regex.IGNORECASE
        ),
        bound_codes=bound_codes,
        vague_after=regex.compile(
            rf"[\s_]++{or_regex(words['not_a_number']['vague_after'])}{WORD_END}", regex.I
        ),
        not_vague=never_open(words["not_a_number"]["vague_after"], ignore_case=True),
        not_multiplier=never_open([*big_units, *words["abbreviations"]], ignore_case=True),
        not_between=never_open(cues["range_words"]["between"], ignore_case=False),
        not_bound_unit=never_open(bound_codes, ignore_case=True),
        sign_ends=frozenset(w[-1] for ws in signs.values() for w in ws),
        label_ends=closing_pairs(labels),
        qualifier_ends=closing_pairs([*qualifier_words, *cues["range_words"]["before"]]),
    )
