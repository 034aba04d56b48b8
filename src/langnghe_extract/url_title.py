"""A headline rebuilt from an article's URL, for research corpora that kept the URL only.

News URLs end in a slug of the headline without accents ("lang-gom-bat-trang-don-khach-2024…");
each slug word gets back the accented form the article itself uses, judged by the word pairs it
makes with its neighbours ("o nhiem" → "ô nhiễm", not the commoner "ở").
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from itertools import chain, compress, pairwise
from operator import itemgetter

import regex

_SLUG = regex.compile(r"/(?P<slug>[a-z0-9]++(?:-[a-z0-9]++){2,}+)(?:\.[a-z]{2,5}+)?+/?+$")
_SLUG_ID = regex.compile(r"-\d{6,}+$")
_SYLLABLE = regex.compile(r"[\p{L}\p{M}]++|\d++")
# Neither letter, mark nor digit: what may wrap a one-syllable chunk ("(nghề),", "“2024”").
_PUNCTUATION = ".,;:!?()[]{}<>\"'“”‘’«»…–—-/%*&+=#@|~^$"
SLUG_OVERLAP = 0.5  # share of a line's words found in the URL slug for it to be that headline

Forms = dict[str, dict[str, int]]  # slug word → its spellings in the text → uses
Pairs = dict[tuple[str, str], dict[tuple[str, str], int]]  # slug word pair → spelling pairs


def plain(word: str) -> str:
    """A word without tone and shape marks, lower case: the form URL slugs use.

    >>> plain("Đồng"), plain("Nghề")
    ('dong', 'nghe')
    """
    return "".join(map(_PLAIN_CHARS.__getitem__, unicodedata.normalize("NFD", word)))


class _PlainChars(dict[str, str]):
    """Each character's part of ``plain``: nothing for a combining mark, else the character
    folded ("Đ" → "d"). Decomposition, dropping marks and case folding all go character by
    character, so a word's plain form is its characters' forms joined; remembered per
    character, they are joined by ``map`` in C instead of a generator per word."""

    def __missing__(self, char: str) -> str:
        folded = "" if unicodedata.combining(char) else char.replace("đ", "d").replace("Đ", "D")
        self[char] = folded = folded.casefold()
        return folded


_PLAIN_CHARS = _PlainChars()


# Words repeat across articles: a bounded cache saves the Unicode decomposition of each token.
_plain_cached = functools.lru_cache(maxsize=2**14)(plain)


def slug_words(url: str | None) -> list[str]:
    """The words of an article URL's slug, without its numeric id and extension.

    >>> slug_words("https://dantri.com.vn/xa-hoi/lang-nghe-bat-trang-2021042409.htm")
    ['lang', 'nghe', 'bat', 'trang']
    >>> slug_words("https://example.vn/?id=12")
    []
    """
    m = _SLUG.search(url.split("?")[0].split("#")[0]) if url else None
    return _SLUG_ID.sub("", m.group("slug")).split("-") if m else []


def matches_slug(line: str, words: list[str]) -> bool:
    """True when most of a line's words are in the slug: the line is that URL's headline.

    >>> matches_slug('ĐỘC LẠ CHỢ "CỦI VỤN"', ["doc", "la", "cho", "cui", "vun"])
    True
    >>> matches_slug("Trong quá trình phát triển, trường", ["doc", "la", "cho"])
    False
    """
    line_words = [plain(w) for w in _SYLLABLE.findall(line)]
    if not line_words or not words:
        return False
    found = sum(1 for w in line_words if w in set(words))
    return found >= SLUG_OVERLAP * len(line_words)


def title_from_slug(words: list[str], text: str) -> str | None:
    """A headline rebuilt from slug words, each given the accents it has in the article itself.

    Research corpora sometimes keep the URL and drop the headline; the slug has every word of
    it without accents, and the article's own words tell which accented form each one is.

    >>> title_from_slug(["lang", "gom", "bat", "trang", "don", "khach"],
    ...                 "Làng gốm Bát Tràng đón 30.000 lượt khách. Gốm Bát Tràng nổi tiếng.")
    'Làng gốm Bát Tràng đón khách'
    >>> title_from_slug(["a", "b"], "") is None
    True
    """
    if len(words) < 3:
        return None
    forms, pairs = _spellings(set(words), syllables(text[:200_000]))
    restored = [_restore(words, i, forms, pairs) for i in range(len(words))]
    title = " ".join(restored)
    return title[:1].upper() + title[1:]


class _ChunkSyllables(dict[str, tuple[tuple[str, str], ...]]):
    """The syllables of a whitespace-separated chunk of text, each with its ``plain`` key.

    Why: tokenising every page without a headline line with ``_SYLLABLE.findall`` cost more
    than the rest of cleaning, but chunks ("nghề", "nghề,", "2024") repeat from page to page,
    and no syllable spans whitespace, so a chunk's syllables never depend on its neighbours.
    Cleared when full, so memory stays bounded.
    """

    def __missing__(self, chunk: str) -> tuple[tuple[str, str], ...]:
        if len(self) >= _CHUNK_CACHE:
            self.clear()
        core = chunk if chunk.isalpha() else chunk.strip(_PUNCTUATION)
        if core and (core.isalpha() or core.isdecimal()):  # one syllable (most chunks are)
            found: tuple[tuple[str, str], ...] = ((core, _plain_cached(core)),)
        else:
            found = tuple((t, _plain_cached(t)) for t in _SYLLABLE.findall(chunk))
        self[chunk] = found
        return found


_CHUNK_CACHE = 2**14
_CHUNKS = _ChunkSyllables()


def syllables(text: str) -> list[tuple[str, str]]:
    """Every syllable of ``text`` (as ``_SYLLABLE.findall`` reads them) with its ``plain`` key.

    >>> syllables("Gốm: Bát-Tràng 2024")
    [('Gốm', 'gom'), ('Bát', 'bat'), ('Tràng', 'trang'), ('2024', '2024')]
    """
    return list(chain.from_iterable(map(_CHUNKS.__getitem__, text.split())))


def _spellings(wanted: set[str], found: list[tuple[str, str]]) -> tuple[Forms, Pairs]:
    """How the text spells each slug word, alone and in pairs of neighbouring slug words.

    Counted with ``Counter`` over the syllables whose key is a slug word (in C), not one
    syllable at a time. Spellings keep the order of their first use in the text, which settles
    ties in ``_best_form``.
    """
    hits = list(compress(range(len(found)), map(wanted.__contains__, map(itemgetter(1), found))))
    forms: Forms = {}
    for (word, key), count in Counter(map(found.__getitem__, hits)).items():
        forms.setdefault(key, {})[word] = count
    adjacent = ((found[k], found[k + 1]) for k, nxt in pairwise(hits) if nxt == k + 1)
    pairs: Pairs = {}
    for ((word, key), (after, key_after)), count in Counter(adjacent).items():
        pairs.setdefault((key, key_after), {})[word, after] = count
    return forms, pairs


def _restore(words: list[str], i: int, forms: Forms, pairs: Pairs) -> str:
    """One slug word's accented form: from the word pairs it makes with its neighbours in the
    text ("o nhiem" → "ô nhiễm", not the commoner "ở"), else from the word alone."""
    seen: dict[str, int] = {}
    named: set[str] = set()  # forms written capitalised next to a capitalised word: a name
    if i > 0:
        for (before, form), count in pairs.get((words[i - 1], words[i]), {}).items():
            seen[form] = seen.get(form, 0) + count
            named.update([form] if _is_name(before, form) else [])
    if i + 1 < len(words):
        for (form, after), count in pairs.get((words[i], words[i + 1]), {}).items():
            seen[form] = seen.get(form, 0) + count
            named.update([form] if _is_name(form, after) else [])
    alone = forms.get(words[i], {})
    if not seen:
        seen = alone
    if not seen:
        return words[i]
    best = _best_form(seen)
    if best in named:
        return best  # "Hải Dương", though "dương tính" is in the text too
    return best.lower() if best.lower() in alone else best  # "Bên" only opened a sentence


def _is_name(first: str, second: str) -> bool:
    """Two neighbouring words both capitalised, not in capitals: a proper name ("Phú Quốc")."""
    return first[:1].isupper() and second[:1].isupper() and not (first + second).isupper()


def _best_form(seen: dict[str, int]) -> str:
    """The commonest spelling, in lower case unless the article only writes it capitalised.

    Ties go to the spelling the text used first (``max`` keeps the first of equal counts).
    """
    lower: dict[str, int] = {}
    for word, count in seen.items():
        lower[word.lower()] = lower.get(word.lower(), 0) + count
    form = max(lower.items(), key=itemgetter(1))[0]
    if form in seen:
        return form
    return next(w for w in seen if w.lower() == form)
