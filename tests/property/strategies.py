"""Hypothesis strategies shared by the property tests: numbers written the Vietnamese way.

Vietnamese groups thousands with ``.`` and marks decimals with ``,`` (``1.350``, ``58,19``),
multiplies with words (``12.380 tỷ``), hedges with a qualifier (``hơn``, ``khoảng``) and names the
counted noun after the number (``118 làng nghề``). Each strategy that renders a number also says
what it means, so a test can check the value read back.

>>> render_integer(1350), render_integer(12380000), render_integer(7)
('1.350', '12.380.000', '7')
>>> render_decimal(Decimal("58.19")), render_decimal(Decimal("1234.5")), render_decimal(Decimal(3))
('58,19', '1.234,5', '3')
>>> render_words(2005), render_words(31), render_words(115)
('hai nghìn không trăm linh năm', 'ba mươi mốt', 'một trăm mười lăm')
>>> render_words(1_000_024)
'một triệu không trăm hai mươi tư'
>>> render_compound(1_200_500_000)
'1 tỷ 200 triệu 500 nghìn'
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from hypothesis import strategies as st

MULTIPLIERS = {"nghìn": 1000, "ngàn": 1000, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
QUALIFIERS = {
    "hơn": "over",
    "trên": "over",
    "khoảng": "about",
    "gần": "about",
    "xấp xỉ": "about",
    "dưới": "under",
}
NOUNS = ["làng nghề", "lao động", "hộ", "tỷ đồng", "%", "nghệ nhân", "sản phẩm OCOP", "cơ sở"]
WORDS = [
    "toàn",
    "tỉnh",
    "có",
    "đến",
    "nay",
    "năm",
    "giai đoạn",
    "làng",
    "nghề",
    "truyền thống",
    "tạo",
    "việc làm",
    "cho",
    "đạt",
    "giá trị",
    "sản xuất",
    "thu nhập",
    "bình quân",
    "người",
    "tháng",
    "huyện",
    "xã",
    "Thanh Hóa",
    "Bắc Ninh",
    "Nam Định",
    "phấn đấu",
    "mục tiêu",
    "dự kiến",
    "trong đó",
    "mỗi",
    "một",
    "hai",
    "ba mươi mốt",
    "hàng nghìn",
    "từ",
    "đến",
    "sao",
    "OCOP",
    "Tin liên quan",
]
# What pages carry around an article: markup, PDF page headers, bylines, related-news lines.
FURNITURE = [
    "<p>",
    "</p>",
    "<div class='related'>",
    "</div>",
    "<h1>",
    "</h1>",
    "<html>",
    "<body>",
    "<br>",
    "<title>",
    "</title>",
    "<meta property='article:published_time' content='2020-01-01'>",
    "<script>",
    "</script>",
    "&amp;",
    "&nbsp;",
    "Page 208 - Kỷ yếu\n",
    "P. 208\n",
    "Bài và ảnh: ",
    "Tin liên quan\n",
    "12:30 | 01/02/2020 Kinh tế\n",
]
PUNCTUATION = [".", ",", ";", ":", "!", "?", " - ", "–", "/", "(", ")", '"', "…", "\n", "\n\n", "%"]


@dataclass(frozen=True)
class Written:
    """A number as written and the value it stands for."""

    text: str
    value: Decimal


def render_integer(n: int) -> str:
    """``1350`` → ``"1.350"``: thousands grouped with dots."""
    return f"{n:,}".replace(",", ".")


def render_decimal(value: Decimal) -> str:
    """``58.19`` → ``"58,19"``: the integer part grouped with dots, decimals after a comma."""
    sign, _digits, exponent = value.normalize().as_tuple()
    assert sign == 0
    assert isinstance(exponent, int)
    if exponent >= 0:
        return render_integer(int(value))
    whole, fraction = divmod(value, 1)
    places = -exponent
    return f"{render_integer(int(whole))},{int(fraction * 10**places):0{places}d}"


DIGIT_WORDS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
GROUP_WORDS = [(10**9, "tỷ"), (10**6, "triệu"), (1000, "nghìn")]


def _render_tens(n: int) -> list[str]:
    """1–99 in words: "mười lăm", "hai mươi mốt", "ba mươi tư", "chín"."""
    tens, units = divmod(n, 10)
    if tens == 0:
        return [DIGIT_WORDS[units]]
    head = ["mười"] if tens == 1 else [DIGIT_WORDS[tens], "mươi"]
    if units == 0:
        return head
    final = {1: "mốt" if tens > 1 else "một", 4: "tư" if tens > 1 else "bốn", 5: "lăm"}
    return [*head, final.get(units, DIGIT_WORDS[units])]


def _render_group(n: int, *, inner: bool) -> list[str]:
    """0–999; an inner group (after a larger one) keeps "không trăm" and "linh"."""
    hundreds, rest = divmod(n, 100)
    words = [DIGIT_WORDS[hundreds], "trăm"] if hundreds or inner else []
    if rest and rest < 10 and words:
        return [*words, "linh", DIGIT_WORDS[rest]]
    return [*words, *_render_tens(rest)] if rest else words


def render_words(n: int) -> str:
    """``2005`` → ``"hai nghìn không trăm linh năm"``: a number below 10^12 spelled out."""
    if n == 0:
        return "không"
    words: list[str] = []
    for size, name in GROUP_WORDS:
        group, n = divmod(n, size)
        if group:
            words += [*_render_group(group, inner=bool(words)), name]
    if n:
        words += _render_group(n, inner=bool(words))
    return " ".join(words)


def render_compound(n: int) -> str:
    """``1200500000`` → ``"1 tỷ 200 triệu 500 nghìn"``: digits with each multiplier (n must be
    a multiple of 1000 with at least two parts)."""
    parts = []
    for size, name in GROUP_WORDS:
        group, n = divmod(n, size)
        if group:
            parts.append(f"{group} {name}")
    return " ".join(parts)


integers = st.integers(min_value=0, max_value=10**12)


@st.composite
def decimals(draw: st.DrawFn) -> Decimal:
    """Non-negative decimals with one or two places, integer part up to 10^9."""
    places = draw(st.sampled_from([1, 2]))
    scaled = draw(st.integers(min_value=1, max_value=10**9 * 10**places))
    return Decimal(scaled).scaleb(-places)


@st.composite
def written_integers(draw: st.DrawFn) -> Written:
    n = draw(integers)
    return Written(render_integer(n), Decimal(n))


@st.composite
def written_decimals(draw: st.DrawFn) -> Written:
    value = draw(decimals())
    return Written(render_decimal(value), value)


@st.composite
def written_multiplied(draw: st.DrawFn) -> Written:
    """``12.380 tỷ``, ``1,5 triệu``, ``78 nghìn``: a number and one multiplier word."""
    word = draw(st.sampled_from(sorted(MULTIPLIERS)))
    if draw(st.booleans()):
        value = Decimal(draw(st.integers(min_value=1, max_value=999_999)))
    else:
        value = draw(decimals().filter(lambda d: d < 1000))
    return Written(f"{render_decimal(value)} {word}", value * MULTIPLIERS[word])


@st.composite
def written_words(draw: st.DrawFn) -> Written:
    """``hai nghìn không trăm linh năm``: a number up to a billion spelled out."""
    n = draw(st.integers(min_value=2, max_value=10**9 - 1))
    return Written(render_words(n), Decimal(n))


@st.composite
def written_compounds(draw: st.DrawFn) -> Written:
    """``1 tỷ 200 triệu``, ``3 triệu 500 nghìn``: two or three multiplied parts, largest first."""
    parts = draw(
        st.tuples(*[st.integers(min_value=0, max_value=999)] * 3).filter(
            lambda p: sum(1 for part in p if part) >= 2
        )
    )
    n = sum(part * size for part, (size, _name) in zip(parts, GROUP_WORDS, strict=True))
    return Written(render_compound(n), Decimal(n))


@st.composite
def written_comma_grouped(draw: st.DrawFn) -> Written:
    """``1,350,000``: English grouping, two commas or more, as some pages print money."""
    n = draw(st.integers(min_value=10**6, max_value=10**12))
    return Written(f"{n:,}", Decimal(n))


written_numbers = st.one_of(written_integers(), written_decimals(), written_multiplied())


def segment(phrase: str) -> str:
    """``làng nghề`` → ``làng_nghề``, as word-segmented research corpora write multi-word words."""
    return phrase.replace(" ", "_")


@st.composite
def number_phrases(draw: st.DrawFn, *, segmented: bool = False) -> str:
    """``hơn 1.350 làng nghề``, ``khoảng 58,19%``: qualifier, number and counted noun."""
    parts = []
    if draw(st.booleans()):
        qualifier = draw(st.sampled_from(sorted(QUALIFIERS)))
        parts.append(segment(qualifier) if segmented else qualifier)
    parts.append(draw(written_numbers).text)
    noun = draw(st.sampled_from(NOUNS))
    noun = segment(noun) if segmented else noun
    phrase = " ".join(parts)
    return f"{phrase}{noun}" if noun == "%" and draw(st.booleans()) else f"{phrase} {noun}"


vietnamese_words = st.sampled_from(WORDS)
punctuation = st.sampled_from(PUNCTUATION)


@st.composite
def vietnamese_texts(draw: st.DrawFn) -> str:
    """Number phrases among Vietnamese words and punctuation, sometimes with a title line, and
    sometimes word-segmented (``làng_nghề``) throughout."""
    segmented = draw(st.booleans())
    words = vietnamese_words.map(segment) if segmented else vietnamese_words
    phrases = number_phrases(segmented=segmented)
    pieces = draw(st.lists(st.one_of(phrases, words, punctuation), max_size=40))
    text = " ".join(pieces)
    if draw(st.booleans()):
        text = f"{draw(vietnamese_words)}: {draw(vietnamese_words)}\n\n{text}"
    return text


@st.composite
def page_texts(draw: st.DrawFn) -> str:
    """Number phrases and words among HTML tags, page headers and related-news lines."""
    pieces = draw(
        st.lists(
            st.one_of(number_phrases(), vietnamese_words, punctuation, st.sampled_from(FURNITURE)),
            max_size=50,
        )
    )
    return " ".join(pieces)
