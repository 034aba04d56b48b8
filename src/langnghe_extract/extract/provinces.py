"""Province mentions in text, matched against the packaged gazetteer (``data/provinces.toml``).

Why this shape: the tool must handle ~1000 documents a second, and a name must be capitalised
anyway, so the scan jumps from one capitalised word to the next and tries there one compiled
pattern holding every name, alias and trap phrase as a token trie (``gazetteer.py``); cue words
before a name ("tỉnh", "TP.", "đường", "tại") are read backwards from it by a second pattern,
and the role the words around it give a name (an event's venue, a delegate's seat, a home
address, a title) by the patterns of ``roles.py``.
Case is folded by the regex, so spans are offsets into the original text; tone placement
(``Hoá``/``Hóa``) and word-segmented spellings (``Hà_Nội``) by the pattern too. Each match is
then checked against what its words say: a trap phrase ("Thái Bình Dương"), a street ("đường
Điện Biên Phủ"), a commune ("xã Hòa Bình"), a person ("Nguyễn Hòa Bình"), lower case ("hòa
bình", peace). Work is linear in the text.

A name reports the unit it named before 1 July 2025 (its code), with ``current`` the unit it
belongs to since; articles in the corpus mostly predate the reorganisation.

>>> [m.province.name for m in find_provinces("Tỉnh Thanh Hoá và TP.HCM")]
['Thanh Hóa', 'Hồ Chí Minh']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any

import regex

from langnghe_extract.data import load_table
from langnghe_extract.errors import DataError
from langnghe_extract.extract.gazetteer import (
    LOOKAROUND,
    NAME_END,
    NameStarts,
    fold,
    name_starts,
    scan_names,
    trie_regex,
)
from langnghe_extract.extract.localities import locality_code, place_code
from langnghe_extract.extract.patterns import or_regex
from langnghe_extract.extract.roles import (
    CUE_WINDOW,
    TITLE_CHARS,
    cue_roles,
    cues_before,
    is_residence,
    is_seat,
    mention_roles,
    work_regex,
)
from langnghe_extract.extract.zones import body_end, menu_lines
from langnghe_extract.models import Province

_fold = fold  # the folding the tests and data checks compare with
_NOT_SUBJECT = frozenset({"delegate", "work"})  # roles of a name that is never the subject
# roles of a name that is the subject only when nothing else is: an event's venue, a home address
_SECONDARY = frozenset({"venue", "residence"})
# A weather widget right after a name: "Hà Nội: 27°C", "Hà Nội 27 °C".
_WIDGET = regex.compile(r"[^\S\n]*+:?[^\S\n]*+[-+\u2212]?\d++(?:[.,]\d++)?[^\S\n]*+°")
# After a name opening a line: "Nam Định: …" (any case), "HẢI PHÒNG - …" (upper case only).
_HEADLINE_COLON = regex.compile(r"[^\S\n]*+:")
_DATELINE_DASH = regex.compile(r"[^\S\n]++[\-\u2013\u2014][^\S\n]")
_HEAD_LINES = 6  # a "HÀ NỘI:" headline prefix is looked for in this many first lines of the body
_HEAD_CHARS = 1000  # ... and at most this many characters
_LEDE_CHARS = 400  # the lede: mentions starting before this offset
_LIST_GAP = 40  # provinces first named closer than this are named together, in one list


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
def _units() -> dict[str, dict[str, str]]:
    """Legacy units by code."""
    return {row["code"]: row for row in load_table("provinces")["legacy"]}


@cache
def _entries() -> dict[str, _Entry]:
    """Every folded spelling → what it stands for; conflicting spellings are a data bug."""
    table = load_table("provinces")
    pairs = [(fold(u["name"]), _Entry(u["code"], u["name"])) for u in _units().values()]
    for written, alias in table["aliases"].items():
        if alias["unit"] not in _units():
            raise DataError(f"provinces.toml: alias {written!r} names unknown unit {alias['unit']}")
        name = alias.get("name", _units()[alias["unit"]]["name"])
        pairs.append((fold(written), _Entry(alias["unit"], name, alias.get("needs_cue", False))))
    pairs += [(fold(phrase), _Entry(None, phrase)) for phrase in table["traps"]["phrases"]]
    entries: dict[str, _Entry] = {}
    for key, entry in pairs:
        if key in entries and entries[key].code != entry.code:
            raise DataError(f"provinces.toml: {key!r} is listed for two units")
        entries[key] = entry  # an alias may repeat a standard name to add needs_cue
    return entries


@cache
def _name_regex() -> Any:
    """Every name, alias and trap, longest first, matched at a capitalised word start."""
    return regex.compile(rf"(?P<name>{trie_regex(_entries())}){NAME_END}", regex.IGNORECASE)


@cache
def _name_starts() -> NameStarts:
    """Capitalised words that open some name, alias or trap: the only places ``_name_regex``
    can match, so the many other capitalised words cost no attempt."""
    return name_starts(_entries())


@cache
def _cue_prefix() -> Any:
    """Cue words opening a string: "Tỉnh " in "Tỉnh Thanh Hóa", for lookup_province."""
    cues = trie_regex(cue_roles())
    return regex.compile(rf"(?:(?P<cue>{cues})[\s_]*+){{1,3}}", regex.IGNORECASE)


def _hit(text: str, m: Any) -> _Hit | None:
    """A checked mention for one name match, or None when the words say it is not a province."""
    entry = _entries()[fold(m["name"])]
    start = m.start("name")
    cue_starts, cues = cues_before(text, start)
    last = cues[-1] if cues else None
    person = last == "person" and text[cue_starts[-1]].isupper()
    if entry.code is None or last in ("street", "locality") or person:
        return None
    roles = mention_roles(text, cue_starts, cues, m.end("name"))
    if is_seat(text, start):
        roles |= {"delegate"}  # "đại biểu Nguyễn Văn A (Đồng Tháp)": the seat, not the subject
    if work_regex().search(text, max(0, start - CUE_WINDOW - TITLE_CHARS), start):
        roles |= {"work"}  # "tập thơ “Trường thơ Hải Phòng”": a title, not a place
    if is_residence(text, start):
        roles |= {"residence"}  # "(33 tuổi, trú tại … tỉnh Yên Bái)": a home, not the story
    if entry.needs_cue:  # "TP. HCM" is the usual spelling: its cue stresses nothing
        if "admin" not in cues:
            return None
        start = max(s for s, role in zip(cue_starts, cues, strict=True) if role == "admin")
        roles -= {"admin"}
    province = _province(entry.code, entry.name)
    match_start = cue_starts[0] if cue_starts else start
    mention = ProvinceMention((start, m.end("name")), province)
    return _Hit(mention, match_start, roles)


@cache
def _province(code: str, name: str | None = None) -> Province:
    unit = _units()[code]
    return Province(name=name or unit["name"], code=code, current=unit["current"])


@lru_cache(maxsize=4)
def _scan(text: str) -> tuple[_Hit, ...]:
    """All checked mentions; cached because the pipeline asks for the same text several times."""
    hits = (_hit(text, m) for m in scan_names(text, _name_regex(), _name_starts()))
    return tuple(h for h in hits if h is not None)


def find_provinces(text: str) -> list[ProvinceMention]:
    """Every province mention in ``text``, in order of position, page furniture included.

    Text is expected in NFC (the reader normalises it); spans index into it as given.

    >>> [(m.span, m.province.name) for m in find_provinces("Hội chợ ở TP. HCM và Thanh Hoá")]
    [((10, 17), 'Hồ Chí Minh'), ((21, 30), 'Thanh Hóa')]
    >>> find_provinces("vì hòa bình ở Thái Bình Dương, đường Điện Biên Phủ, nước Lào")
    []
    >>> find_provinces("HÀ NỘI:")[0].province
    Province(name='Hà Nội', code='01', current='Hà Nội')
    >>> [m.province.name for m in find_provinces("làng_nghề Hà_Nội và Thái_Bình_Dương")]
    ['Hà Nội']
    """
    return [hit.mention for hit in _scan(text)]


def list_provinces(text: str) -> list[Province]:
    """Provinces named in the body of ``text``, first mention first, no repeats.

    A unit counts once, under the name of its first mention ("Thừa Thiên Huế" then "Huế").
    Menus, weather widgets and related-news lists are not the body and are skipped.

    >>> [p.name for p in list_provinces("Nam Định, Hà Nội và tỉnh Nam Định")]
    ['Nam Định', 'Hà Nội']
    >>> list_provinces("Thủ đô"), list_provinces("Hà Nội: 27°C")
    ([], [])
    """
    seen: dict[str, Province] = {}
    for hit in _usable(text):
        seen.setdefault(hit.mention.province.code, hit.mention.province)
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
    name = fold(name)
    entry = _entries().get(name)
    cues = _cue_prefix().match(name)
    if entry is None and cues and {cue_roles()[fold(c)] for c in cues.captures("cue")} == {"admin"}:
        entry = _entries().get(fold(name[cues.end() :]))
    if entry is None or entry.code is None:
        return None
    return _province(entry.code, entry.name)


def choose_province(title: str | None, text: str) -> Province | None:
    """The province the article is about, first rule that gives one wins.

    1. a headline prefix in the title ("Thanh Hóa: …", "HÀ NỘI: …", "TP. HCM: …");
    2. a province in the title; 3. a headline prefix or dateline ("HẢI PHÒNG - ") in the first
    lines of the body; 4. the province of the lede best scored in the body, an event's venue
    only when the lede names no other (the article reports that event); 5. the most prominent
    province in the body, none when those sharing the top are named in one list (a regional
    or national article);
    6. districts or communes written with their type word ("huyện Trực Ninh"), when no province
    is named; else well-known places named without a type word ("phố cổ Hội An", "Sa Pa").
    Among several, the best scored in the body wins: "tỉnh X" counts double, and the
    venue of an event ("Triển lãm … tại X") half, and only when nothing else is named. Weather
    widgets ("Hà Nội: 27°C"), menus, related-news lists and a delegate's seat ("đại biểu
    Nguyễn Văn A (Đồng Tháp)", "Đoàn ĐBQH tỉnh Đồng Tháp") never count.

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
    title_hits, body_hits = _subjects(title), _subjects(text)
    scores = _scores(body_hits)
    head_end = _head_end(text)
    head = [h for h in body_hits if h.match_start < head_end]
    lede = [h for h in body_hits if h.match_start < _LEDE_CHARS]
    for pick in (
        _headline(title_hits, title),
        _best(title_hits, scores),
        _headline(head, text),
        _prominent(lede, scores, text),
    ):
        if pick is not None:
            return pick
    if body_hits:
        return _prominent(body_hits, scores, text)
    body = title + "\n" + text[: body_end(text)]
    code = locality_code(body) or place_code(body)
    return _province(code) if code else None


@cache
def _merger_words() -> Any:
    """Words of the 2025 reorganisation: an article using them may name old and new units."""
    return regex.compile(or_regex(load_table("provinces")["merger"]["words"]), regex.IGNORECASE)


def _speaks_of_merger(text: str) -> bool:
    """Whether ``text`` uses a word of the 2025 reorganisation; read only for provinces tied at
    the top that merged, since searching the whole text costs as much as scanning it for names."""
    return _merger_words().search(text) is not None


def _head_end(text: str) -> int:
    """Offset where the first ``_HEAD_LINES`` lines end, at most ``_HEAD_CHARS``."""
    end = 0
    for _ in range(_HEAD_LINES):
        end = text.find("\n", end, _HEAD_CHARS) + 1
        if end == 0:
            return min(len(text), _HEAD_CHARS)
    return end


@lru_cache(maxsize=4)
def _usable(text: str) -> tuple[_Hit, ...]:
    """Mentions in the body proper: not a weather widget, a menu line or a related-news list."""
    if not _scan(text):
        return ()  # most titles and many texts name no province: no lines to read
    end_of_body = body_end(text)
    menus = iter(menu_lines(text))
    menu = next(menus, None)
    usable = []
    for hit in _scan(text):
        start, end = hit.mention.span
        while menu is not None and menu[1] < start:
            menu = next(menus, None)
        in_menu = menu is not None and menu[0] <= start <= menu[1]
        widget = _WIDGET.match(text, end, end + LOOKAROUND)
        if start < end_of_body and not in_menu and widget is None:
            usable.append(hit)
    return tuple(usable)


def _subjects(text: str) -> tuple[_Hit, ...]:
    """Usable mentions that may be what the article is about: not a delegate's seat, nor a
    name inside the quoted title of a book, song or film."""
    return tuple(hit for hit in _usable(text) if not hit.roles & _NOT_SUBJECT)


def _weight(hit: _Hit) -> float:
    return (2.0 if "admin" in hit.roles else 1.0) * (0.5 if hit.roles & _SECONDARY else 1.0)


def _scores(hits: tuple[_Hit, ...]) -> dict[str, float]:
    scores: dict[str, float] = defaultdict(float)
    for hit in hits:
        scores[hit.mention.province.code] += _weight(hit)
    return scores


def _headline(hits: Sequence[_Hit], text: str) -> Province | None:
    """The first mention that opens a line and is followed by a colon ("HÀ NỘI: …", "Nam Định:
    …"), or written in upper case and followed by a dash (a dateline: "HẢI PHÒNG - Sáng 5/3")."""
    for hit in hits:
        line_start = text.rfind("\n", 0, hit.match_start) + 1
        if text[line_start : hit.match_start].strip():
            continue
        start, end = hit.mention.span
        if _HEADLINE_COLON.match(text, end, end + LOOKAROUND):
            return hit.mention.province
        upper = text[start:end].isupper()
        if upper and _DATELINE_DASH.match(text, end, end + LOOKAROUND):
            return hit.mention.province
    return None


def _best(hits: Sequence[_Hit], scores: dict[str, float]) -> Province | None:
    """Of ``hits``, the province best scored in the body (first on ties); venues and home
    addresses last."""
    ranked = [h for h in hits if not h.roles & _SECONDARY] or hits
    if not ranked:
        return None
    top = max(ranked, key=lambda h: (scores.get(h.mention.province.code, 0.0), -h.match_start))
    return top.mention.province


def _prominent(
    hits: Sequence[_Hit], scores: dict[str, float], text: str | None = None
) -> Province | None:
    """The best scored province of ``hits``, venues and home addresses only when nothing else;
    first named on a tie.

    None when provinces tied at the top are first named together, in one list ("Hà Nội, Hải
    Phòng, Quảng Ninh"): a regional or national article, with no one province as its subject;
    unless they all merged into one unit in 2025 and the article speaks of the merger
    (``text`` given and using a merger word: "Quảng Nam và Đà Nẵng hợp nhất"): that unit.

    >>> def pick(text: str) -> str | None:
    ...     found = _prominent(_usable(text), _scores(_usable(text)))
    ...     return found.name if found else None
    >>> pick("Hà Nam, tỉnh Thái Bình"), pick("Hà Nội, Hải Phòng.")
    ('Thái Bình', None)
    >>> pick("Nón lá Huế. " + "Nghề truyền thống được giữ gìn. " * 3 + "Khách từ Hà Nội.")
    'Huế'
    """
    subject = [h for h in hits if not h.roles & _SECONDARY] or list(hits)
    first: dict[str, _Hit] = {}
    for hit in subject:
        first.setdefault(hit.mention.province.code, hit)
    if not first:
        return None
    top = max(scores[code] for code in first)
    leaders = [hit for code, hit in first.items() if scores[code] == top]
    merged = _one_current(leaders)
    if merged is not None and text is not None and _speaks_of_merger(text):
        return merged  # "Quảng Nam và Đà Nẵng hợp nhất thành thành phố Đà Nẵng": the new unit
    tied = [hit.mention.span[0] for hit in leaders]
    if any(b - a < _LIST_GAP for a, b in pairwise(tied)):
        return None
    return leaders[0].mention.province


def _one_current(leaders: list[_Hit]) -> Province | None:
    """Provinces tied at the top that merged into one unit on 1 July 2025 are that unit: the one
    of them that kept its name, else the first named."""
    provinces = [hit.mention.province for hit in leaders]
    if len(provinces) < 2 or len({p.current for p in provinces}) > 1:
        return None
    return next((p for p in provinces if p.name == p.current), provinces[0])
