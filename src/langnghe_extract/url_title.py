"""A headline rebuilt from an article's URL, for research corpora that kept the URL only.

News URLs end in a slug of the headline without accents ("lang-gom-bat-trang-don-khach-2024…");
each slug word gets back the accented form the article itself uses, judged by the word pairs it
makes with its neighbours ("o nhiem" → "ô nhiễm", not the commoner "ở").
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter, defaultdict

import regex

_SLUG = regex.compile(r"/(?P<slug>[a-z0-9]++(?:-[a-z0-9]++){2,}+)(?:\.[a-z]{2,5}+)?+/?+$")
_SLUG_ID = regex.compile(r"-\d{6,}+$")
_SYLLABLE = regex.compile(r"[\p{L}\p{M}]++|\d++")
SLUG_OVERLAP = 0.5  # share of a line's words found in the URL slug for it to be that headline


def plain(word: str) -> str:
    """A word without tone and shape marks, lower case: the form URL slugs use.

    >>> plain("Đồng"), plain("Nghề")
    ('dong', 'nghe')
    """
    bare = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D").casefold()


# Words repeat across articles: a bounded cache saves the Unicode decomposition of each token.
_plain_cached = functools.lru_cache(maxsize=2**16)(plain)


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
    tokens = [*_SYLLABLE.findall(text[:200_000]), ""]
    wanted = set(words)  # only slug words, and pairs of them, are ever looked up
    key_of = {t: key for t in set(tokens) if (key := _plain_cached(t)) in wanted}
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    pairs: dict[tuple[str, str], Counter[tuple[str, str]]] = defaultdict(Counter)
    for k in [k for k, token in enumerate(tokens) if token in key_of]:
        word, after = tokens[k], tokens[k + 1]
        key = key_of[word]
        forms[key][word] += 1
        if after in key_of:
            pairs[key, key_of[after]][word, after] += 1
    restored = [_restore(words, i, forms, pairs) for i in range(len(words))]
    title = " ".join(restored)
    return title[:1].upper() + title[1:]


def _restore(
    words: list[str],
    i: int,
    forms: dict[str, Counter[str]],
    pairs: dict[tuple[str, str], Counter[tuple[str, str]]],
) -> str:
    """One slug word's accented form: from the word pairs it makes with its neighbours in the
    text ("o nhiem" → "ô nhiễm", not the commoner "ở"), else from the word alone."""
    seen: Counter[str] = Counter()
    if i > 0:
        for (_, form), count in pairs.get((words[i - 1], words[i]), Counter()).items():
            seen[form] += count
    if i + 1 < len(words):
        for (form, _), count in pairs.get((words[i], words[i + 1]), Counter()).items():
            seen[form] += count
    alone = forms.get(words[i], Counter())
    if not seen:
        seen = alone
    if not seen:
        return words[i]
    best = _best_form(seen)
    return best.lower() if best.lower() in alone else best  # "Bên" only opened a sentence


def _best_form(seen: Counter[str]) -> str:
    """The commonest spelling, in lower case unless the article only writes it capitalised."""
    lower: Counter[str] = Counter()
    for word, count in seen.items():
        lower[word.lower()] += count
    form = lower.most_common(1)[0][0]
    if form in seen:
        return form
    return next(w for w in seen if w.lower() == form)
