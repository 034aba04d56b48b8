"""Province mentions in text, matched against the packaged gazetteer (``data/provinces.toml``).

Why this shape: the tool must handle ~1000 documents a second, and a name must be capitalised
anyway, so the scan jumps from one capitalised word to the next and tries there one compiled
pattern holding every name, alias and trap phrase as a token trie (``bình (?:dương|định|...)``);
cue words before a name ("tỉnh", "TP.", "đường", "tại") are read backwards from it by a second
pattern. Case is folded by the regex, so spans are offsets into the original text; tone
placement (``Hoá``/``Hóa``) by alternatives in the pattern. Each match is then checked against
what its words say: a trap phrase ("Thái Bình Dương"), a street ("đường Điện Biên Phủ"), a
person ("Nguyễn Hòa Bình"), lower case ("hòa bình", peace). Work is linear in the text.

A name reports the unit it named before 1 July 2025 (its code), with ``current`` the unit it
belongs to since; articles in the corpus mostly predate the reorganisation.

>>> [m.province.name for m in find_provinces("Tỉnh Thanh Hoá và TP.HCM")]
['Thanh Hóa', 'Hồ Chí Minh']
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import regex

from langnghe_extract.data import load_table
from langnghe_extract.errors import DataError
from langnghe_extract.models import Province

# Between two words of a name: a dash (with or without spaces) or any run of whitespace.
_SEP = r"(?:[^\S\n]*+[\-\u2010-\u2015][^\S\n]*+|\s++)"
_TONE_MARKS = "\u0301\u0300\u0309\u0303\u0323"  # sắc, huyền, hỏi, ngã, nặng (combining)
_LOWER_WORD = regex.compile(r"(?<!\w)\p{Ll}")  # a word starting in lower case
_CANDIDATE = regex.compile(r"(?<!\w)\p{Lu}")  # where a name can start: a capitalised word
_DISTRICT_START = regex.compile(r"(?<!\w)[\p{Lu}\d]")  # districts also: Quận 1
_CUE_WINDOW = 60  # how far before a name cue words are looked for (three words fit)
# A weather widget right after a name: "Hà Nội: 27°C", "Hà Nội 27 °C".
_WIDGET = regex.compile(r"[^\S\n]*+:?[^\S\n]*+[-+\u2212]?\d++(?:[.,]\d++)?[^\S\n]*+°")
_HEADLINE_COLON = regex.compile(r"[^\S\n]*+:")
_HEAD_LINES = 6  # a "HÀ NỘI:" headline prefix is looked for in this many first lines of the body
_HEAD_CHARS = 1000  # ... and at most this many characters
# How far a match may reach from where it starts: bounding it keeps each attempt O(1) (the
# regex module otherwise does work proportional to the rest of the text on every call).
_LOOKAROUND = 200
_LEDE_CHARS = 400  # the lede: mentions starting before this offset


@dataclass(frozen=True)
class ProvinceMention:
    """A province named in the text, with the span of the name as written."""

    span: tuple[int, int]
    province: Province


@dataclass(frozen=True)
class _Entry:
    """What a folded spelling stands for; ``code`` is None for a trap phrase."""

    code: str | None
    name: str
    needs_cue: bool = False


@dataclass(frozen=True)
class _Hit:
    """A mention plus what choose_province weighs: where the whole match starts, its cue roles."""

    mention: ProvinceMention
    match_start: int
    roles: frozenset[str]


@cache
def _tone_pairs() -> dict[str, str]:
    """Non-standard → standard tone placement for each vowel pair, e.g. ``oá`` → ``óa``."""
    table: dict[str, str] = {}
    for first, second in load_table("provinces")["fold"]["tone_pairs"]:
        for mark in _TONE_MARKS:
            old = first + unicodedata.normalize("NFC", second + mark)
            table[old] = unicodedata.normalize("NFC", first + mark) + second
    return table


@cache
def _tone_regex() -> Any:
    return regex.compile("|".join(_tone_pairs()))


@lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    """The comparison form of a name: NFC, lower case, standard tone placement, single spaces.

    >>> _fold("THANH HOÁ")
    'thanh hóa'
    >>> _fold("Bà Rịa-Vũng  Tàu") == _fold("Bà Rịa - Vũng Tàu") == "bà rịa vũng tàu"
    True
    >>> _fold(unicodedata.normalize("NFD", "Khánh Hoà"))
    'khánh hòa'
    """
    text = unicodedata.normalize("NFC", text).lower()
    text = _tone_regex().sub(lambda m: _tone_pairs()[m[0]], text)
    return " ".join(regex.split(_SEP, text.strip()))


def _token_regex(token: str) -> str:
    """A folded token as a pattern that accepts either tone placement."""
    pattern: str = regex.escape(token)
    for old, new in _tone_pairs().items():
        pattern = pattern.replace(new, f"(?:{new}|{old})")
    return pattern


def _trie_regex(phrases: Iterable[str]) -> str:
    """One alternation for many folded phrases, sharing common leading words.

    >>> _trie_regex(["bình dương", "bình định", "an"])
    '(?:bình(?:(?:[^\\\\S\\\\n]*+[\\\\-\\\\u2010-\\\\u2015][^\\\\S\\\\n]*+|\\\\s++)(?:dương|định))|an)'
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for token in phrase.split(" "):
            node = node.setdefault(token, {})
        node[""] = {}
    return _render(trie)


def _render(node: dict[str, Any]) -> str:
    parts = []
    for token in sorted((t for t in node if t), key=lambda t: (-len(t), t)):
        child = node[token]
        rest = ""
        if any(child):
            rest = f"(?:{_SEP}{_render(child)})" + ("?" if "" in child else "")
        parts.append(_token_regex(token) + rest)
    return "(?:" + "|".join(parts) + ")"


@cache
def _units() -> dict[str, dict[str, str]]:
    """Legacy units by code."""
    return {row["code"]: row for row in load_table("provinces")["legacy"]}


@cache
def _entries() -> dict[str, _Entry]:
    """Every folded spelling → what it stands for; conflicting spellings are a data bug."""
    table = load_table("provinces")
    pairs = [(_fold(u["name"]), _Entry(u["code"], u["name"])) for u in _units().values()]
    for written, alias in table["aliases"].items():
        if alias["unit"] not in _units():
            raise DataError(f"provinces.toml: alias {written!r} names unknown unit {alias['unit']}")
        name = alias.get("name", _units()[alias["unit"]]["name"])
        pairs.append((_fold(written), _Entry(alias["unit"], name, alias.get("needs_cue", False))))
    pairs += [(_fold(phrase), _Entry(None, phrase)) for phrase in table["traps"]["phrases"]]
    entries: dict[str, _Entry] = {}
    for key, entry in pairs:
        if key in entries and entries[key].code != entry.code:
            raise DataError(f"provinces.toml: {key!r} is listed for two units")
        entries[key] = entry  # an alias may repeat a standard name to add needs_cue
    return entries


@cache
def _cue_roles() -> dict[str, str]:
    """Folded cue word → its role (admin, street, neutral, venue, person)."""
    cues = load_table("provinces")["cues"]
    return {_fold(word): role for role, words in cues.items() for word in words}


@cache
def _name_regex() -> Any:
    """Every name, alias and trap, longest first, matched at a capitalised word start."""
    return regex.compile(rf"(?P<name>{_trie_regex(_entries())})(?!\w)", regex.IGNORECASE)


@cache
def _cue_prefix() -> Any:
    """Cue words opening a string: "Tỉnh " in "Tỉnh Thanh Hóa", for lookup_province."""
    cues = _trie_regex(_cue_roles())
    return regex.compile(rf"(?:(?P<cue>{cues})\s*+){{1,3}}", regex.IGNORECASE)


@cache
def _cue_regex() -> Any:
    """One to three cue words ending exactly where a name starts: "tại thành phố ", "TP.".

    Searched in reverse (``(?r)``) from the name backwards: one anchored attempt instead of a
    scan of the window before every name.
    """
    cues = _trie_regex(_cue_roles())
    return regex.compile(rf"(?r)(?:(?<!\w)(?P<cue>{cues})\s*+){{1,3}}\Z", regex.IGNORECASE)


def _capitalised(words: str) -> bool:
    """Whether every word starts with a capital or a digit: "Hòa Bình" yes, "hòa bình" no."""
    return _LOWER_WORD.search(words) is None


def _scan_names(text: str, names: Any, starts: Any = _CANDIDATE) -> Iterator[Any]:
    """Matches of ``names`` starting at capitalised words, left to right, never overlapping.

    Why not ``finditer``: trying the whole alternation at every position is ~10x slower than
    jumping from one capitalised word to the next, and a name must be capitalised anyway.
    """
    end = 0
    for candidate in starts.finditer(text):
        start = candidate.start()
        if start >= end and (m := names.match(text, start, start + _LOOKAROUND)):
            end = m.end()
            if _capitalised(m["name"]):
                yield m


def _cues_before(text: str, start: int) -> tuple[list[int], list[str]]:
    """Start offsets and roles of the cue words written right before ``start``."""
    m = _cue_regex().search(text, max(0, start - _CUE_WINDOW), start)
    if m is None:
        return [], []
    roles = [_cue_roles()[_fold(c)] for c in reversed(m.captures("cue"))]
    return m.starts("cue")[::-1], roles


def _hit(text: str, m: Any) -> _Hit | None:
    """A checked mention for one name match, or None when the words say it is not a province."""
    entry = _entries()[_fold(m["name"])]
    start = m.start("name")
    cue_starts, cues = _cues_before(text, start)
    last = cues[-1] if cues else None
    person = last == "person" and text[cue_starts[-1]].isupper()
    if entry.code is None or last == "street" or person:
        return None
    if entry.needs_cue:
        if "admin" not in cues:
            return None
        start = max(s for s, role in zip(cue_starts, cues, strict=True) if role == "admin")
    province = _province(entry.code, entry.name)
    match_start = cue_starts[0] if cue_starts else start
    return _Hit(ProvinceMention((start, m.end("name")), province), match_start, frozenset(cues))


@cache
def _province(code: str, name: str | None = None) -> Province:
    unit = _units()[code]
    return Province(name=name or unit["name"], code=code, current=unit["current"])


@lru_cache(maxsize=4)
def _scan(text: str) -> tuple[_Hit, ...]:
    """All checked mentions; cached because the pipeline asks for the same text several times."""
    hits = (_hit(text, m) for m in _scan_names(text, _name_regex()))
    return tuple(h for h in hits if h is not None)


def find_provinces(text: str) -> list[ProvinceMention]:
    """Every province mention in ``text``, in order of position.

    Text is expected in NFC (the reader normalises it); spans index into it as given.

    >>> [(m.span, m.province.name) for m in find_provinces("Hội chợ ở TP. HCM và Thanh Hoá")]
    [((10, 17), 'Hồ Chí Minh'), ((21, 30), 'Thanh Hóa')]
    >>> find_provinces("vì hòa bình ở Thái Bình Dương, đường Điện Biên Phủ, nước Lào")
    []
    >>> find_provinces("HÀ NỘI:")[0].province
    Province(name='Hà Nội', code='01', current='Hà Nội')
    """
    return [hit.mention for hit in _scan(text)]


def list_provinces(text: str) -> list[Province]:
    """Provinces named in ``text``, first mention first, no repeats.

    A unit counts once, under the name of its first mention ("Thừa Thiên Huế" then "Huế").

    >>> [p.name for p in list_provinces("Nam Định, Hà Nội và tỉnh Nam Định")]
    ['Nam Định', 'Hà Nội']
    >>> list_provinces("Thủ đô")
    []
    """
    seen: dict[str, Province] = {}
    for mention in find_provinces(text):
        seen.setdefault(mention.province.code, mention.province)
    return list(seen.values())


def lookup_province(name: str) -> Province | None:
    """A single name in any spelling (case, tone placement, NFD, "tỉnh"/"TP." prefix), else None.

    >>> lookup_province("thanh hoá")
    Province(name='Thanh Hóa', code='38', current='Thanh Hóa')
    >>> lookup_province("TP. HCM").name
    'Hồ Chí Minh'
    >>> lookup_province("Nam Định").current
    'Ninh Bình'
    >>> lookup_province("Thái Bình Dương") is None, lookup_province("Lào") is None
    (True, True)
    """
    name = unicodedata.normalize("NFC", name).strip()
    entry = _entries().get(_fold(name))
    cues = _cue_prefix().match(name)
    if (
        entry is None
        and cues
        and {_cue_roles()[_fold(c)] for c in cues.captures("cue")} == {"admin"}
    ):
        entry = _entries().get(_fold(name[cues.end() :]))
    if entry is None or entry.code is None:
        return None
    return _province(entry.code, entry.name)


def choose_province(title: str | None, text: str) -> Province | None:
    """The province the article is about, first rule that gives one wins.

    1. a headline prefix in the title ("Thanh Hóa: …", "HÀ NỘI: …", "TP. HCM: …");
    2. a province in the title; 3. a headline prefix in the first lines of the body;
    4. a province in the lede; 5. the most prominent province in the body;
    6. districts written with their type word ("huyện Trực Ninh"), when no province is named.
    Among several, the best scored in the body wins: "tỉnh X" counts double, and "tại X"/"ở X"
    (where an event was held) half. Weather widgets ("Hà Nội: 27°C") never count.

    >>> choose_province("Thanh Hóa: Khuyến khích làng nghề", "Tại Hà Nội ...").name
    'Thanh Hóa'
    >>> choose_province(None, "Hà Nội: 27°C\\nTriển lãm ở Bắc Ninh. Tỉnh Hải Dương có...").name
    'Hải Dương'
    >>> choose_province(None, "Làng nghề huyện Thường Tín phát triển").name
    'Hà Nội'
    >>> choose_province(None, "Không có tỉnh nào") is None
    True
    """
    title = title or ""
    title_hits, body_hits = _usable(title), _usable(text)
    scores = _scores(body_hits)
    head_end = _head_end(text)
    head = [h for h in body_hits if h.match_start < head_end]
    lede = [h for h in body_hits if h.match_start < _LEDE_CHARS]
    for pick in (
        _headline(title_hits, title),
        _best(title_hits, scores),
        _headline(head, text),
        _best(lede, scores),
        _best(body_hits, scores),
    ):
        if pick is not None:
            return pick
    return _district_province(title + "\n" + text)


def _head_end(text: str) -> int:
    """Offset where the first ``_HEAD_LINES`` lines end, at most ``_HEAD_CHARS``."""
    end = 0
    for _ in range(_HEAD_LINES):
        end = text.find("\n", end, _HEAD_CHARS) + 1
        if end == 0:
            return min(len(text), _HEAD_CHARS)
    return end


def _usable(text: str) -> list[_Hit]:
    """Mentions that may decide the article's province: not a weather widget."""
    ends = (h.mention.span[1] for h in _scan(text))
    widget = [_WIDGET.match(text, end, end + _LOOKAROUND) for end in ends]
    return [h for h, w in zip(_scan(text), widget, strict=True) if w is None]


def _weight(hit: _Hit) -> float:
    return (2.0 if "admin" in hit.roles else 1.0) * (0.5 if "venue" in hit.roles else 1.0)


def _scores(hits: list[_Hit]) -> dict[str, float]:
    scores: dict[str, float] = defaultdict(float)
    for hit in hits:
        scores[hit.mention.province.code] += _weight(hit)
    return scores


def _headline(hits: list[_Hit], text: str) -> Province | None:
    """The first mention that opens a line and is followed by a colon: "HÀ NỘI: …"."""
    for hit in hits:
        line_start = text.rfind("\n", 0, hit.match_start) + 1
        opens_line = not text[line_start : hit.match_start].strip()
        end = hit.mention.span[1]
        if opens_line and _HEADLINE_COLON.match(text, end, end + _LOOKAROUND):
            return hit.mention.province
    return None


def _best(hits: list[_Hit], scores: dict[str, float]) -> Province | None:
    """Of ``hits``, the province best scored in the body (first on ties), venues last."""
    ranked = [h for h in hits if "venue" not in h.roles] or hits
    if not ranked:
        return None
    top = max(ranked, key=lambda h: (scores.get(h.mention.province.code, 0.0), -h.match_start))
    return top.mention.province


@cache
def _districts() -> tuple[Any, Any, dict[tuple[str, str], list[str]]]:
    """District names, the type words before them, and (type, name) → province codes."""
    index: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in load_table("districts")["province"]:
        for kind, names in row.items():
            if kind != "code":
                for name in names:
                    index[_fold(kind), _fold(name)].append(row["code"])
    names = rf"(?P<name>{_trie_regex({n for _, n in index})})(?!\w)"
    kinds = rf"(?r)(?<!\w)(?P<kind>{_trie_regex({k for k, _ in index})})\s++\Z"
    return regex.compile(names, regex.I), regex.compile(kinds, regex.I), dict(index)


def _district_province(text: str) -> Province | None:
    """The province most districts point to; a name in n provinces gives each 1/n of a vote.

    >>> _district_province("huyện An Lão và huyện Vĩnh Bảo").name
    'Hải Phòng'
    >>> _district_province("Quận 1").name, _district_province("tỉnh nào đó") is None
    ('Hồ Chí Minh', True)
    """
    names, kinds, index = _districts()
    votes: dict[str, float] = defaultdict(float)
    for m in _scan_names(text, names, _DISTRICT_START):
        kind = kinds.search(text, max(0, m.start() - _CUE_WINDOW), m.start())  # reverse search
        codes = index.get((_fold(kind["kind"]), _fold(m["name"])), []) if kind else []
        for code in codes:
            votes[code] += 1 / len(codes)
    if not votes:
        return None
    return _province(max(votes, key=lambda code: votes[code]))
