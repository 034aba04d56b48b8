"""Districts and communes that point to a province when an article names none.

Why: local news often names only ``huyện Trực Ninh`` or ``xã Duyên Thái, huyện Thường Tín``. A
district or commune name is only trusted with its type word written right before it ("huyện",
"quận", "thị xã", "thành phố", "xã", "phường", "thị trấn", "đặc khu"), because alone most of
them are common words or people's names. Districts (``data/districts.toml``) are the units
before 1 July 2025, when the district level was abolished; communes (``data/communes.toml``)
are those before and after it. A name found in several provinces ("huyện An Lão": Hải Phòng
and Bình Định) gives no answer on its own; with others it gives each a share of a vote.

Why no trie regex here, unlike ``provinces.py``: ~13,000 names would take seconds to compile.
At each capitalised word the type word is read backwards by one small pattern, and the words
from there are looked up in a dict, longest first: still one pass over the text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from langnghe_extract.data import load_table
from langnghe_extract.extract.gazetteer import capitalised, fold
from langnghe_extract.extract.patterns import (
    WORD_END,
    WORD_START,
    WordStarts,
    match_from,
    or_regex,
)

_MAX_WORDS = 5  # the longest names: "Văn Miếu - Quốc Tử Giám", "Cư Dliê M'nông"
_REST = r"[\p{L}\p{M}\p{N}'\u2019]*+"  # the rest of a word; "'" for "Ea H'Leo", "Đắk R'Lấp"
# Between the words of a name: a dash ("Phan Rang - Tháp Chàm"), spaces, or "_" (Trực_Ninh).
_GAP = r"(?:[^\S\n]*+[\-\u2013][^\S\n]*+|[^\S\n]++|_)"
_GAP_REGEX = regex.compile(_GAP)
_WORD = rf"[\p{{L}}\p{{M}}\p{{N}}]{_REST}"
_WORDS = regex.compile(
    rf"{_WORD}(?:{_GAP}{_WORD}){{0,{_MAX_WORDS - 1}}}"
)  # a name and what follows
_KIND_WINDOW = 20  # how far before a name its type word is looked for ("thành phố " fits)


@dataclass(frozen=True)
class _Index:
    """Type words read backwards from a name, and (type, name) → legacy province codes."""

    pattern: Any
    kind_starts: WordStarts  # where a type word can start
    name_after: Any  # a type word and the spaces up to a capitalised name
    codes: dict[tuple[str, str], tuple[str, ...]]
    lower_case: frozenset[str]  # names the data writes with a lower-case word: "Pa ủ"


def _build(
    rows: list[dict[str, Any]], to_legacy: dict[str, str], extra: dict[str, list[str]]
) -> _Index:
    """The index of ``rows``; a name of each kind is also accepted after that kind's type
    words in ``extra``."""
    index: dict[tuple[str, str], set[str]] = defaultdict(set)
    lower = set()
    spellings = _spellings()
    for row in rows:
        for kind, names in row.items():
            if kind != "code":
                for name in [*names, *(other for n in names for other in spellings.get(n, []))]:
                    lower.update([fold(name)] if not capitalised(name) else [])
                    for also in (kind, *extra.get(kind, [])):
                        index[fold(also), fold(name)].add(to_legacy[row["code"]])
    kinds = or_regex({kind for kind, _ in index})
    # Read backwards from a capitalised word: one anchored attempt per candidate name.
    pattern = regex.compile(rf"(?r){WORD_START}(?P<kind>{kinds})[\s_]++\Z", regex.IGNORECASE)
    # A name starts capitalised ("Quận 1") right after a type word: the type words are found
    # first (``WordStarts``), so the type word is read backwards (with its edges and window)
    # only there, not at every capitalised word, and "1.1.1…" has no such place at all.
    kind_starts = WordStarts.of(kind for kind, _ in index)
    name_after = regex.compile(rf"(?i:{kinds})[\s_]++(?=[\p{{Lu}}\d])")
    codes = {key: tuple(sorted(value)) for key, value in index.items()}
    return _Index(pattern, kind_starts, name_after, codes, frozenset(lower))


@cache
def _spellings() -> dict[str, list[str]]:
    """Data spelling → the other spellings articles use ("Mù Căng Chải" → ["Mù Cang Chải"])."""
    table: dict[str, list[str]] = defaultdict(list)
    for written, data in load_table("provinces")["localities"]["spellings"].items():
        table[data].append(written)
    return table


@cache
def districts() -> _Index:
    """Pre-2025 districts; their rows already carry legacy province codes."""
    rows = load_table("districts")["province"]
    return _build(rows, {row["code"]: row["code"] for row in rows}, {})


@cache
def legacy_communes() -> _Index:
    """Pre-2025 communes, wards and towns (thị trấn), by legacy province code."""
    rows = load_table("communes")["legacy"]
    return _build(rows, {row["code"]: row["code"] for row in rows}, {})


@cache
def current_communes() -> _Index:
    """Post-2025 communes, each new province read as the legacy unit of the same name.

    Why the legacy unit: every name the matcher reports carries the code of the unit it named
    before the reorganisation (``Bắc Ninh`` is 27 whether written in 2020 or 2026), so an
    article naming a commune of the new Bắc Ninh must group with those naming Bắc Ninh. Many
    new wards took the name of the town they replaced ("phường Cửa Lò" for "thị xã Cửa Lò"),
    so the old town's type words are accepted before them too.
    """
    table = load_table("provinces")
    legacy = {unit["name"]: unit["code"] for unit in table["legacy"]}
    to_legacy = {unit["code"]: legacy[unit["name"]] for unit in table["current"]}
    extra = table["localities"]["former_town_kinds"]
    return _build(load_table("communes")["current"], to_legacy, extra)


def lookup_locality(kind: str, words: str, index: _Index) -> tuple[str, ...]:
    """Legacy codes of the longest name opening ``words`` that the index has after ``kind``.

    >>> lookup_locality("huyện", "Gia Lâm phát triển", districts())
    ('01',)
    >>> lookup_locality("Huyện", "An_Lão", districts())
    ('31', '52')
    >>> lookup_locality("huyện", "Lào", districts())
    ()
    """
    tokens = _GAP_REGEX.split(words)
    for size in range(min(len(tokens), _MAX_WORDS), 0, -1):
        written = " ".join(tokens[:size])
        name = fold(written)
        codes = index.codes.get((fold(kind), name))
        if codes and (capitalised(written) or name in index.lower_case):
            return codes
    return ()


_CAPITALISED_NAME = r"\p{Lu}[\p{L}\p{M}]*+(?:[^\S\n]++\p{Lu}[\p{L}\p{M}]*+)*+"


@cache
def _abroad() -> tuple[Any, Any, frozenset[str]]:
    """A place's address from its name on (names joined by ",", "thuộc" and type words), the
    names in it, and the foreign countries' names (folded)."""
    table = load_table("provinces")["localities"]["abroad"]
    link = rf"[^\S\n]*+,?[^\S\n]*+(?:(?:{or_regex(table['links'])})[^\S\n]++)*+"
    address = regex.compile(rf"{_CAPITALISED_NAME}(?:{link}{_CAPITALISED_NAME}){{0,6}}+")
    return address, regex.compile(_CAPITALISED_NAME), frozenset(map(fold, table["countries"]))


def _is_abroad(text: str, start: int) -> bool:
    """Whether the address that opens at ``start`` names a foreign country as a whole part:
    "Trùng Khánh, Trung Quốc", not "Đức Hòa" or "Chương Mỹ"."""
    address, name, countries = _abroad()
    found = address.match(text, start, start + 200)
    parts = name.findall(found.group())[1:] if found is not None else []
    return any(fold(part) in countries for part in parts)


def _votes(text: str, index: _Index) -> dict[str, float]:
    """Each typed name votes for its provinces, 1/n each when it exists in n of them; not a
    place abroad ("thành phố Trùng Khánh, Trung Quốc")."""
    votes: dict[str, float] = defaultdict(float)
    for start in _name_starts(text, index):
        if _is_abroad(text, start):
            continue
        kind = index.pattern.search(text, max(0, start - _KIND_WINDOW), start)
        words = _WORDS.match(text, start, start + 100) if kind else None
        codes = lookup_locality(kind["kind"], words[0], index) if kind and words else ()
        for code in codes:
            votes[code] += 1 / len(codes)
    return votes


def _name_starts(text: str, index: _Index) -> list[int]:
    """Where a capitalised name starts right after a type word, each place once, in order
    ("thị xã Cửa Lò": "thị xã" and "xã" both lead to "Cửa")."""
    found = set()
    for at in index.kind_starts.positions(text):
        if (after := index.name_after.match(text, at)) is not None:
            found.add(after.end())
    return sorted(found)


def _winner(votes: dict[str, float]) -> str | None:
    """The code with the most votes, or None when none has any or two share the top."""
    ranked = sorted(votes.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return max(votes, key=lambda code: votes[code])


_INDEXES: tuple[Callable[[], _Index], ...] = (districts, legacy_communes, current_communes)


@cache
def _places() -> tuple[Any, dict[str, str], WordStarts]:
    """One pattern for the well-known places of ``data/provinces.toml`` [places], each
    folded name → its legacy province code, and where a place's name can start.

    Why case-sensitive: "Hạ Long" is the bay, "hạ long" is not. Spaces between the words may be
    any run of blanks or "_" (word-segmented text); the text is NFC already (clean.py).
    """
    table = load_table("provinces")["places"]
    parts = []
    for name, row in table.items():
        words = r"[\s_]++".join(regex.escape(w) for w in name.split())
        after = row.get("not_before", [])
        trap = rf"(?![\s_]++(?i:{or_regex(after)}){WORD_END})" if after else ""
        parts.append(f"{words}{trap}")
    pattern = regex.compile(rf"{WORD_START}(?:{'|'.join(parts)}){WORD_END}")
    return pattern, {fold(name): row["unit"] for name, row in table.items()}, WordStarts.of(table)


@cache
def _place_firsts() -> re.Pattern[str]:
    """The first words of the places, as written: where a place's name can start.

    Why not the ``WordStarts`` of ``_places``: it finds its words in any case, and "sa", "hạ",
    "phú", "đà" open many common words; the names are matched case-sensitively, so only these
    spellings can start one. Why ``re``: on plain letters it scans ~2x faster than ``regex``,
    and both compare letters the same way without IGNORECASE. One letter is matched, the rest
    looked ahead at, so a word starting inside another is still found.
    """
    rests: dict[str, set[str]] = defaultdict(set)
    for name in load_table("provinces")["places"]:
        first = name.split()[0]
        rests[first[0]].add(first[1:])
    return re.compile("|".join(f"{re.escape(c)}(?={_alternation(r)})" for c, r in rests.items()))


def _alternation(words: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _places_in(text: str) -> Iterator[Any]:
    """``_places()[0].finditer(text)``, tried only where a place's first word is written."""
    starts = (first.start() for first in _place_firsts().finditer(text))
    return match_from(_places()[0], starts, text)


def place_code(text: str) -> str | None:
    """The legacy code of the province the well-known places of ``text`` point to ("phố cổ
    Hội An", "gốm Bát Tràng"); None when there are none or two provinces share the top.

    >>> place_code("du khách đến phố cổ Hội An"), place_code("Hội An toàn giao thông")
    ('49', None)
    >>> place_code("đặc sản Sa Pa"), place_code("nắng hạ long lanh"), place_code("Sa Pang")
    ('10', None, None)
    """
    codes = _places()[1]
    votes: dict[str, float] = defaultdict(float)
    for m in _places_in(text):
        votes[codes[fold(_GAP_REGEX.sub(" ", m[0]))]] += 1
    return _winner(votes)


def locality_code(text: str) -> str | None:
    """The legacy code of the province the districts, else the old, else the new communes of
    ``text`` point to; None when they point nowhere or to several provinces alike. A later
    list is read only when the earlier ones found no name at all.

    >>> locality_code("huyện An Lão và huyện Vĩnh Bảo")
    '31'
    >>> locality_code("Quận 1"), locality_code("huyện An Lão"), locality_code("An Lão")
    ('79', None, None)
    >>> locality_code("làng nghề huyện Trực_Ninh"), locality_code("thị trấn Phố Châu")
    ('36', '42')
    >>> locality_code("thị xã Cửa Lò"), locality_code("xã Tân An")
    ('40', None)
    """
    for index in _INDEXES:
        if votes := _votes(text, index()):  # names found but tied: no guess from the next list
            return _winner(votes)
    return None
