"""The clean stage's fast paths give what the plain code gave (issue #7: a pure speed-up).

Each fast path (a literal or case-letter pre-check, a clock read once, a split at "\\n") is
compared here with the plain code it stands for, written out in this file: on Vietnamese lines
written for it, on every line of the seeds and fixtures, and on generated lines.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from langnghe_extract import dates, furniture, headline, metadata
from langnghe_extract.boilerplate import case_cues, table
from langnghe_extract.clean import page_from_text, split_lines
from langnghe_extract.page import Page
from langnghe_extract.read import RawDocument, iter_documents

ROOT = Path(__file__).resolve().parents[1]

BYLINES = [
    "PV",
    "Nguyễn Văn A (TTXVN)",
    "Thanh Hà - Minh Đức (TTXVN)",
    "Bài và ảnh: Thanh Hà",
    "Bài: Minh Đức - Ảnh: Đỗ Tâm",
    "Theo VnExpress",
    "Theo Báo Nhân Dân",
    "Nguồn: Báo Hòa Bình",
    "Báo Hòa Bình",
    "Kim DungTheo Bloomberg",
    "Nhật LinhTheo Reuters",
    "Minh Thà/KD&PL",
    "Thanh Mai Theo InfoNet/VSD",
    "Hoài An - Báo Quảng Nam",
    "Xuân Lan -",
    "Mi Vân",
    "K.Đ",
    "Trân trọng cám ơn!",
    "Đến nay, toàn tỉnh có 118 làng nghề.",
    "Bệnh viện khám chữa bệnh cho nhân dân. Nguyễn Sự (TTXVN)",
    "Luật sư chưa nhận được câu trả lời. H. Nam",
    "Nhà máy Theo dõi",
    "theo nguồn tin của phóng viên",
    "  Đức Minh  ",
]
DATE_LINES = [
    "Thứ Hai, 12/05/2024 08:30",
    "Hà Nội, ngày 22/5/2024",
    "Thứ năm, 16-09-2021 | 10:04GMT+7",
    "Cập nhật: 17:31 | 29/01/2026",
]
CAPTIONS = [
    "Ảnh: Đỗ Tâm",
    "Ảnh minh họa",
    "ẢNH MINH HỌA",
    "ảnh minh hoạ",
    "( Ảnh minh họa )",
    "( Ảnh : Thanh_Lâm ) .",
    "Sản phẩm lụa - Ảnh: Thanh Ba",
    "Sản phẩm lụa (Ảnh: Thanh Ba)",
    "Nguồn ảnh: Internet",
    "Nguồn: Internet",
    "NGUỒN: TTXVN",
    "Làng gốm Bát Tràng. Ảnh: Hồng Vĩnh. Không được phép sao chép nội dung.",
    "Ảnh minh họa Vào năm 2024, làng nghề có 200 hộ.",
    "Ảnh hưởng của bão số 3 làm 12 làng nghề thiệt hại.",
    "Nguồn vốn cho làng nghề: 25 tỷ đồng (theo kế hoạch)",
]
RELATED = ["Tin liên quan", "Tin liên quan: Làng gốm Bát Tràng vào mùa Tết", "Xem thêm"]
LINES = [*BYLINES, *DATE_LINES, *CAPTIONS, *RELATED, "", " ", ".", "..."]

# Lines of Vietnamese letters, credit words, punctuation and spaces of every kind
ALPHABET = st.sampled_from(
    [*"aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ", *"ảẢồỒọạệụNnTtBb", *" \t\u00a0.:;,()/-–—|"]
)
PIECES = st.sampled_from(["Ảnh", "ảnh", "ẢNH", "Nguồn", "nguồn", "Theo", "Bài", " minh họa", ": "])
TEXTS = st.lists(st.one_of(ALPHABET, PIECES), max_size=40).map("".join)


def _corpus_lines() -> Iterator[str]:
    """Every line of the seeds and fixtures (HTML markup included: odd lines are welcome)."""
    paths = [str(p) for d in ("seeds", "fixtures") for p in sorted((ROOT / d).rglob("*.*"))]
    for raw in iter_documents([p for p in paths if p.endswith((".txt", ".html", ".htm"))]):
        if isinstance(raw, RawDocument):
            yield from raw.text.splitlines()


CORPUS_LINES = sorted(set(_corpus_lines()))


# --- the case letters a fast path looks for ----------------------------------------------------


def _every_char() -> str:
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


@pytest.fixture(scope="module")
def every_char() -> str:
    return _every_char()


def _case_sets() -> dict[str, frozenset[str]]:
    patterns = furniture._patterns()
    return {
        "photo_cues": frozenset(patterns["photo_cues"]),
        "photo_firsts": patterns["photo_firsts"],
        "byline_firsts": metadata._byline_firsts(),
    }


@pytest.mark.parametrize("name", sorted(_case_sets()))
def test_case_letters_are_all_regex_matches(name: str, every_char: str) -> None:
    """Whatever character ``regex`` matches, ignoring case, to a letter of a set is in it."""
    letters = _case_sets()[name]
    for letter in letters:
        found = regex.compile(regex.escape(letter), regex.IGNORECASE).findall(every_char)
        assert set(found) <= letters, (name, letter)


def test_patterns_match_one_character_for_one() -> None:
    """Without FULLCASE a letter matches one character ("ß" is no "ss"): the sets above hold."""
    compiled = [*furniture._patterns().values(), *metadata._byline_patterns().values()]
    for pattern in compiled:
        if isinstance(pattern, regex.Pattern):
            assert not pattern.flags & regex.FULLCASE


def test_case_cues_are_in_every_credit_word() -> None:
    cues = case_cues(table("photo_credit")["words"])
    assert all(any(c in word for c in cues) for word in table("photo_credit")["words"])


# --- bylines -----------------------------------------------------------------------------------


def _plain_parse_byline(line: str) -> metadata.Byline | None:
    """``parse_byline`` without the first-letter test."""
    line = line.strip()
    if len(line) > 100:
        return None
    patterns = metadata._byline_patterns()
    for rule in ("byline_writer", "byline_photo", "byline_source"):
        m = patterns[rule].fullmatch(line)
        if m is None:
            continue
        raw_name = patterns["photo_tail"].sub("", m.group("name"))
        if rule == "byline_writer":
            name = _plain_writer_name(raw_name)
        else:
            name = metadata.clean_name(raw_name)
        if name is not None:
            return metadata.Byline(rule, None if rule == "byline_photo" else name)
    outlet = patterns["byline_outlet"].fullmatch(line)
    name = metadata.clean_name(outlet.group("name")) if outlet is not None else None
    return metadata.Byline("byline_source", name) if name is not None else None


def _plain_writer_name(text: str) -> str | None:
    """``writer_name`` with every pattern tried."""
    text = metadata._OUTLET_TAIL.sub("", metadata._without_trailing_paren(text.strip()).strip())
    if (paper := metadata._paper_after_name().search(text)) is not None:
        text = text[: paper.start()]
    if (credit := metadata._source_after_name().search(text)) is not None:
        text = text[: credit.start()]
    return metadata.clean_name(text.rstrip(" -–—,/"))


def _plain_parse_bare_name(line: str) -> str | None:
    """``parse_bare_name`` in its first order: the full stop looked at last."""
    if len(line) > metadata.MAX_BYLINE:
        return None
    if metadata._byline_patterns()["byline_source"].fullmatch(line.strip()):
        return None
    name = _plain_writer_name(line)
    if name is None or line.strip().endswith("."):
        return None
    words = [w.rstrip(",") for w in name.split() if not metadata._NAME_SEPARATOR.fullmatch(w)]
    if not 2 <= len(words) <= 6:
        return None
    return name if all(metadata._NAME_WORD.fullmatch(w) for w in words) else None


def _plain_parse_glued_byline(line: str) -> str | None:
    found = metadata._glued_source().search(line)
    if found is None:
        return None
    source = _plain_parse_byline(line[found.start() :])
    if source is None or source.rule != "byline_source":
        return None
    return _plain_writer_name(line[: found.start()])


BYLINE_PAIRS: list[tuple[Callable[[str], Any], Callable[[str], Any]]] = [
    (metadata.parse_byline, _plain_parse_byline),
    (metadata.writer_name, _plain_writer_name),
    (metadata.parse_bare_name, _plain_parse_bare_name),
    (metadata.parse_glued_byline, _plain_parse_glued_byline),
]


@pytest.mark.parametrize(("fast", "plain"), BYLINE_PAIRS)
def test_byline_fast_paths_on_written_lines(
    fast: Callable[[str], Any], plain: Callable[[str], Any]
) -> None:
    for line in LINES:
        assert fast(line) == plain(line), line


@pytest.mark.parametrize(("fast", "plain"), BYLINE_PAIRS)
def test_byline_fast_paths_on_the_fixtures(
    fast: Callable[[str], Any], plain: Callable[[str], Any]
) -> None:
    for line in CORPUS_LINES:
        for piece in (line, line[:60], line[-60:], line[-110:]):
            assert fast(piece) == plain(piece), piece


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_byline_fast_paths_on_generated_lines(text: str) -> None:
    for fast, plain in BYLINE_PAIRS:
        assert fast(text) == plain(text)


def test_byline_examples() -> None:
    assert metadata.parse_bare_name("Nguyễn Văn A (TTXVN)") == "Nguyễn Văn A"
    assert metadata.parse_byline("PV") is None
    assert metadata.parse_glued_byline("Kim DungTheo Bloomberg") == "Kim Dung"


# --- captions ----------------------------------------------------------------------------------


def _plain_credit_at_end(line: str) -> int | None:
    for m in furniture._patterns()["caption_end"].finditer(line):
        if m.end() == len(line) and m.start() > 0:
            return int(m.start())
    return None


def _plain_cut_caption_lines(page: Page, rule: str) -> None:
    """``cut_caption_lines`` with every pattern tried on every line."""
    patterns = furniture._patterns()
    previous: int | None = None
    for i in page.kept():
        line, above = page.lines[i], previous
        previous = i
        if len(line) > furniture.MAX_CAPTION:
            continue
        if patterns["caption_alone"].fullmatch(line.strip(" .()")):
            page.cut(i, rule)
            continue
        if ":" in line and patterns["credit_alone"].fullmatch(line):
            page.cut(i, rule)
            if (
                line.startswith("(")
                and above is not None
                and furniture._is_caption(page.lines[above])
            ):
                page.cut(above, rule)
            continue
        if _plain_credit_at_end(line) is not None and metadata.parse_byline(line) is None:
            page.cut(i, rule)


def _plain_trim_glued_captions(page: Page, rule: str) -> None:
    """``trim_glued_captions`` with the opening pattern tried on every line."""
    del rule
    patterns = furniture._patterns()
    for i in page.kept():
        line = page.lines[i]
        opening = patterns["caption_opening"].match(line)
        trimmed = line[opening.end() :] if opening else line
        for _ in range(furniture.MAX_GLUED):
            if "Ả" not in trimmed:
                break
            trimmed, count = furniture._cut_glued(trimmed, patterns)
            if not count:
                break
        if trimmed and trimmed != line:
            page.lines[i] = trimmed.strip()


def _plain_cut_repeated_title(page: Page, rule: str) -> None:
    if not page.title:
        return
    title = headline._comparable(page.title)
    for i in page.kept():
        line = page.lines[i]
        if len(line) <= 2 * len(page.title) and headline._comparable(line) == title:
            page.cut(i, rule)


RuleFn = Callable[[Page, str], None]
RULE_PAIRS: list[tuple[RuleFn, RuleFn]] = [
    (furniture.cut_caption_lines, _plain_cut_caption_lines),
    (furniture.trim_glued_captions, _plain_trim_glued_captions),
    (headline.cut_repeated_title, _plain_cut_repeated_title),
]


def _state(page: Page) -> tuple[Any, ...]:
    return page.lines, page.keep, page.cuts, page.title


def _same_on(lines: list[str], title: str | None = None) -> None:
    for fast, plain in RULE_PAIRS:
        pages = [Page(list(lines), "text", title=title) for _ in range(2)]
        fast(pages[0], "rule")
        plain(pages[1], "rule")
        assert _state(pages[0]) == _state(pages[1]), (fast.__name__, lines)


def test_caption_rules_on_written_lines() -> None:
    _same_on(LINES, title="Làng gốm Bát Tràng vào mùa Tết")
    for line in LINES:
        _same_on(["Làng gốm Bát Tràng vào mùa Tết", line, line.upper()], title=line or None)
        _same_on(["Sản phẩm gốm men lam đặt trên kệ", line], title=f" . {line}")


def test_caption_rules_on_the_fixtures() -> None:
    paths = [str(p) for d in ("seeds", "fixtures") for p in sorted((ROOT / d).rglob("*.txt"))]
    for raw in iter_documents(paths):
        if isinstance(raw, RawDocument):
            lines = split_lines(raw.text)
            _same_on(lines, title=next((line for line in lines if line), None))


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=6), TEXTS)
def test_caption_rules_on_generated_lines(lines: list[str], title: str) -> None:
    _same_on(lines, title=title or None)


def test_repeated_title_in_another_case_is_cut() -> None:
    page = Page(["Làng Gốm Bát Tràng", "LÀNG GỐM  BÁT TRÀNG.", "Nội dung."], "text")
    page.title = "Làng Gốm Bát Tràng"
    headline.cut_repeated_title(page, "repeated_title")
    assert [cut.line for cut in page.cuts] == [0, 1]


# --- dates and lines ---------------------------------------------------------------------------


def _plain_date_from_url(url: str | None, today: dt.date | None = None) -> str | None:
    path = url.split("?")[0].split("#")[0] if url else ""
    tail = max(path.rfind("-", 0, len(path) - 14), path.rfind("/", 0, len(path) - 14))
    found = dates._URL_STAMP.match(path, max(tail, 0)) if tail >= 0 else None
    if found is None:
        return None
    try:
        parts = [int(found[k]) for k in ("y", "m", "d", "H", "M", "S")]
        stamp = dt.datetime(*parts)  # type: ignore[arg-type]
    except ValueError:
        return None
    if stamp.date() > (today or dt.date.today()):
        return None
    return stamp.strftime("%Y-%m-%dT%H:%M")


URLS = [
    "https://dantri.com.vn/xa-hoi/lang-nghe-20210430170833239.htm",
    "https://tuoitre.vn/lang-nghe-20240512083000123.htm?ref=home#top",
    "https://example.vn/a/20240229235959/",
    "https://example.vn/bai-20230229120000.htm",  # no 29 February in 2023
    "https://example.vn/bai-20211345170833239.htm",
    "https://example.vn/bai-20210430246000.htm",  # hour 24
    "https://example.vn/bai-20991231235959.htm",  # the future
    "https://baomoi.com/lang-nghe/c/22381724.epi",
    None,
    "",
]


def test_date_from_url_as_plain() -> None:
    for url in URLS:
        assert dates.date_from_url(url) == _plain_date_from_url(url), url
        for today in (dt.date(2021, 4, 30), dt.date(2021, 4, 29), dt.date(2100, 1, 1)):
            assert dates.date_from_url(url, today) == _plain_date_from_url(url, today)


def test_the_clock_is_read_again_for_a_later_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stamp after the day read last asks the clock again (a run that passes midnight)."""
    monkeypatch.setattr(dates, "_LAST_TODAY", [dt.date(2021, 4, 29)])
    assert dates.date_from_url(URLS[0]) == "2021-04-30T17:08"


def test_date_lines_still_read() -> None:
    assert dates.parse_date_line(DATE_LINES[0]) == "2024-05-12T08:30"
    page = page_from_text(
        RawDocument("x", "-", "0", "text", "Tiêu đề\nHà Nội, ngày 22/5/2024\n" + "Có nghề. " * 30)
    )
    headline.take_date_line(page, "date_line")
    assert page.published == "2024-05-22"


SPLIT_TEXTS = [
    "",
    "\n",
    "\n\n",
    "a",
    "a\n",
    "a\n\n",
    " a \r\n\u00a0b\n",
    "a\rb\r",
    "a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i",
    "Tiêu đề\n\nCó 118 làng nghề.\nTin liên quan\n",
]


@pytest.mark.parametrize("text", SPLIT_TEXTS)
def test_split_lines_as_splitlines(text: str) -> None:
    assert split_lines(text) == [line.strip() for line in text.splitlines()]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"ab ả\u00a0", *"\n\r\x0b\x0c\x1c\x85\u2028"])))
def test_split_lines_on_generated_texts(text: str) -> None:
    assert split_lines(text) == [line.strip() for line in text.splitlines()]
