"""The roles a province mention plays, read from the words around it.

Why apart from the matching in ``provinces.py``: a name matched is only half the answer; what the
words before and after it say decides whether it counts as the article's subject. Cue words right
before a name carry a role each (admin "tỉnh", street "đường", venue "tại", person …, listed in
``[cues]`` of ``data/provinces.toml``); "tại X" after an event word is where the event was held;
"đại biểu Nguyễn Văn A (X)" or "Đoàn ĐBQH tỉnh X" is a delegate's seat; "trú tại …, tỉnh X" a
home address; "tập thơ “… X”" the title of a work. Each pattern is searched backwards (``(?r)``)
from the name, one anchored attempt per mention, so the scan stays linear in the text.
``provinces.py`` turns these roles into mentions and weighs them when choosing the subject.

>>> cues_before("Tại tỉnh Nam Định", 9)
([0, 4], ['venue', 'admin'])
"""

from __future__ import annotations

from functools import cache
from typing import Any

import regex

from langnghe_extract.data import load_table
from langnghe_extract.extract.gazetteer import (
    LOOKAROUND,
    NAME_START,
    fold,
    lowered_spellings,
    trie_regex,
)
from langnghe_extract.extract.patterns import WORD_END, WORD_START
from langnghe_extract.literals import window_holds_any

CUE_WINDOW = 60  # how far before a name cue words are looked for (three words fit)
TITLE_CHARS = 60  # how long a quoted work title before a name may be
_RESIDENCE_WINDOW = 160  # wider than a residence word and its reach ([residence] in the data)
_EVENT_WINDOW = 150  # how far before "tại"/"ở" an event word is looked for, within the sentence
_SENTENCE_START = regex.compile(r"(?r)[.!?;\n]")  # searched backwards from a cue word
_SENTENCE_END = regex.compile(r"[.!?;\n]")
_COMMA = regex.compile(r"[^\S\n]*+,")  # "Ngày 26/5, tại Hà Nội, ..." a fronted place phrase


@cache
def cue_roles() -> dict[str, str]:
    """Folded cue word → its role (admin, street, neutral, locality, venue, person)."""
    cues = load_table("provinces")["cues"]
    return {fold(word): role for role, words in cues.items() for word in words}


@cache
def _cue_regex() -> Any:
    """One to three cue words ending exactly where a name starts: "tại thành phố ", "TP.".

    Searched in reverse (``(?r)``) from the name backwards: one anchored attempt instead of a
    scan of the window before every name.
    """
    cues = trie_regex(cue_roles())
    pattern = rf"(?r)(?:{NAME_START}(?P<cue>{cues})[\s_]*+){{1,3}}\Z"
    return regex.compile(pattern, regex.IGNORECASE)


@cache
def _event_regex() -> Any:
    """Event words ("triển lãm", "hội chợ", "tổ chức"), searched backwards from "tại"/"ở"."""
    words = trie_regex({fold(w) for w in load_table("provinces")["events"]["words"]})
    return regex.compile(rf"(?r){WORD_START}(?:{words}){WORD_END}", regex.IGNORECASE)


@cache
def _delegate_regex() -> Any:
    """A delegate's title and capitalised name, then "(", ending where a province starts."""
    words = trie_regex({fold(w) for w in load_table("provinces")["delegates"]["words"]})
    name = r"(?:\p{Lu}[\p{L}\p{M}]*[\s_]+){1,5}"  # not possessive: it is read backwards
    return regex.compile(rf"(?r){NAME_START}(?i:{words})[\s_]++{name}\([^\S\n]*+\Z")


@cache
def _delegation_regex() -> Any:
    """A delegation's name ending where a province starts: "Đoàn ĐBQH tỉnh ", "Đoàn đại biểu
    Quốc hội TP. "; the speaker's seat, not what the article is about."""
    words = trie_regex({fold(w) for w in load_table("provinces")["delegates"]["delegations"]})
    admin = trie_regex({fold(w) for w in load_table("provinces")["cues"]["admin"]})
    return regex.compile(rf"(?r){NAME_START}(?i:{words})[\s_]++(?:(?i:{admin})[\s_]*+)?\Z")


def is_seat(text: str, start: int) -> bool:
    """Whether the name at ``start`` is a delegate's seat or a delegation's province."""
    low = max(0, start - CUE_WINDOW)
    return any(p.search(text, low, start) for p in (_delegate_regex(), _delegation_regex()))


@cache
def _residence_regex() -> Any:
    """A residence word, then address text up to where a province starts: "trú tại tổ 58,
    phường Minh Tân, tỉnh "; searched in reverse from the name."""
    table = load_table("provinces")["residence"]
    words = trie_regex({fold(w) for w in table["words"]})
    reach = table["reach"]
    return regex.compile(rf"(?r){NAME_START}(?i:{words})(?P<address>[^.;!?()\n]{{0,{reach}}})\Z")


@cache
def _address_part() -> Any:
    """How a later part of an address opens: a unit word, a number or a capitalised name."""
    words = trie_regex({fold(w) for w in load_table("provinces")["residence"]["address_words"]})
    return regex.compile(rf"\s*+(?:(?i:{words})(?![\p{{L}}\p{{M}}])|\d|\p{{Lu}}|\Z)")


@cache
def _residence_words() -> frozenset[str]:
    """Lower-case words one of which every residence phrase holds: "trú", "ngụ", …"""
    return lowered_spellings(load_table("provinces")["residence"]["words"])


def is_residence(text: str, start: int) -> bool:
    """Whether the name at ``start`` ends a person's home address ("33 tuổi, trú tại phường
    Minh Tân, thành phố Yên Bái, tỉnh Yên Bái"), every part of it after the first an address
    part, so "…, tỉnh Nghệ An, bị bắt tại Hà Nội" gives Nghệ An, not Hà Nội.

    Why a plain check first: the backward search tries its words at each of ~100 places, and
    most names have no residence word before them at all.
    """
    low = max(0, start - _RESIDENCE_WINDOW)
    if not window_holds_any(text, low, start, _residence_words()):
        return False
    found = _residence_regex().search(text, low, start)
    if found is None:
        return False
    parts = found.group("address").split(",")[1:]
    return all(_address_part().match(part) for part in parts)


@cache
def work_regex() -> Any:
    """A work's noun and an open quote before a name: "tập thơ “Trường thơ Hải Phòng”"."""
    words = trie_regex({fold(w) for w in load_table("provinces")["works"]["words"]})
    return regex.compile(
        rf"(?r){NAME_START}(?i:{words})[\s_]*+[“\"«][^”\"»\n]{{0,{TITLE_CHARS}}}\Z"
    )


def cues_before(text: str, start: int) -> tuple[list[int], list[str]]:
    """Start offsets and roles of the cue words written right before ``start``."""
    m = _cue_regex().search(text, max(0, start - CUE_WINDOW), start)
    if m is None:
        return [], []
    roles = [cue_roles()[fold(c)] for c in reversed(m.captures("cue"))]
    return m.starts("cue")[::-1], roles


def _is_venue(text: str, cue: int, end: int) -> bool:
    """Whether "tại X"/"ở X" (cue word at ``cue``, name ending at ``end``) is an event's venue.

    Why: "tại Bắc Ninh" after an exhibition or a fair says where it was held, which in an
    article about a Hải Phòng producer is not what the article is about; "sản xuất tại Bắc
    Ninh" or "làng nghề ở Bắc Ninh" says where the subject is, and counts in full. The event is
    named earlier in the sentence ("Triển lãm gốm sứ được tổ chức tại Hà Nội"), or after a
    fronted place phrase ("Ngày 26/5, tại Hà Nội, Hiệp hội Gỗ tổ chức hội thảo").

    >>> text = "Ngày 2/4, tại Hà Nội, hiệp hội tổ chức hội chợ."
    >>> _is_venue(text, 10, 20), _is_venue("Làng nghề ở Hà Nội, tỉnh khác", 10, 18)
    (True, False)
    """
    low = max(0, cue - _EVENT_WINDOW)
    if boundary := _SENTENCE_START.search(text, low, cue):
        low = boundary.end()
    if _event_regex().search(text, low, cue):
        return True
    if not _COMMA.match(text, end, end + LOOKAROUND):
        return False
    boundary = _SENTENCE_END.search(text, end, end + _EVENT_WINDOW)
    high = boundary.start() if boundary else min(len(text), end + _EVENT_WINDOW)
    return _event_regex().search(text, end, high) is not None


def mention_roles(text: str, cue_starts: list[int], cues: list[str], end: int) -> frozenset[str]:
    """The cue roles, "venue" kept only when "tại"/"ở" names where an event was held."""
    roles = set(cues)
    if "venue" in roles and not _is_venue(text, cue_starts[cues.index("venue")], end):
        roles.discard("venue")
    return frozenset(roles)
