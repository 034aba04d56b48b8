"""The metadata stage: date lines, bylines, names, site suffixes and HTML metadata."""

from __future__ import annotations

import pytest
import regex

from langnghe_extract.clean import clean_document
from langnghe_extract.data import load_table
from langnghe_extract.dates import normalise_date, parse_date_line
from langnghe_extract.html import parse_html, visible_tags
from langnghe_extract.metadata import (
    Byline,
    _without_trailing_paren,
    html_author,
    html_published,
    html_title,
    html_url,
    parse_bare_name,
    parse_byline,
    parse_glued_byline,
    strip_site_suffix,
)
from langnghe_extract.read import RawDocument

DATE_LINES = [
    ("Thứ năm, 16-09-2021 | 10:04GMT+7", "2021-09-16T10:04+07:00"),
    ("Thứ hai, ngày 17 tháng 6 năm 2024 | 20:44", "2024-06-17T20:44"),
    ("29/01/2026 17:31", "2026-01-29T17:31"),
    ("Chủ nhật, 05/03/2023 - 07:30 (GMT+7)", "2023-03-05T07:30+07:00"),
    ("17:31 | 29/01/2026", "2026-01-29T17:31"),
    ("Cập nhật: 10h05 ngày 16/09/2021", "2021-09-16T10:05"),
    ("16/09/2021", "2021-09-16"),
    ("Ngày 17 tháng 6 năm 2024", "2024-06-17"),
]
NOT_DATE_LINES = [
    "17:31 | 29/01/2026 Làng nghề, nghệ nhân",  # a related headline's time line
    "Lúc 17:31 ngày 29/01/2026, đoàn công tác đến thăm làng nghề.",
    "31/02/2024",  # no such day
    "29/01/2026 25:10",  # no such hour
    "Giai đoạn 2022 - 2025",
    "",
]


# Shapes our pattern does not know, read by dateparser (Vietnamese, day first, all three parts).
DATEPARSER_LINES = [
    ("Thứ Ba, 12 Tháng Ba 2024 08:15", "2024-03-12T08:15"),
    ("12 tháng Mười Hai, 2023", "2023-12-12"),
    ("Cập nhật: 05.03.2024 - 08:15", "2024-03-05T08:15"),
    ("Thứ bảy, 23/11/2024 - 06:00 AM", "2024-11-23T06:00"),
    ("15:30 thứ Hai ngày 12/03/2024", "2024-03-12T15:30"),
]
NOT_DATEPARSER_LINES = [
    "năm 2025",  # a bare year: no month or day may be invented
    "tháng 6/2024",  # month and year only
    "Đến năm 2030, tỉnh có 150 làng nghề",
    "29/01/2026 Tin tức",  # a related item's date with its category
    "Hôm qua",  # relative dates would give the day of the run
]
DATE_LINES += DATEPARSER_LINES


@pytest.mark.parametrize("line", NOT_DATEPARSER_LINES)
def test_dateparser_never_invents_a_date(line: str) -> None:
    assert parse_date_line(line) is None


@pytest.mark.parametrize(("line", "iso"), DATE_LINES, ids=[d[0] for d in DATE_LINES])
def test_parse_date_line(line: str, iso: str | None) -> None:
    assert parse_date_line(line) == iso


@pytest.mark.parametrize("line", NOT_DATE_LINES)
def test_not_a_date_line(line: str) -> None:
    assert parse_date_line(line) is None


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-03-12T08:15:00+07:00", "2024-03-12T08:15:00+07:00"),
        ("2024-03-12", "2024-03-12"),
        ("2024-03-12 08:15:00", "2024-03-12T08:15:00"),
        ("2024-13-12", None),
        ("12/03/2024 08:15", "2024-03-12T08:15"),
        ("sáng nay", None),
    ],
)
def test_normalise_date(value: str, iso: str | None) -> None:
    assert normalise_date(value) == iso


BYLINES = [
    ("Bài và ảnh Thanh Hà", Byline("byline_writer", "Thanh Hà")),
    ("Bài và ảnh: Thanh Hà", Byline("byline_writer", "Thanh Hà")),
    ("Bài, ảnh: Thanh Thúy", Byline("byline_writer", "Thanh Thúy")),
    ("Bài: Minh Đức - Ảnh: Đỗ Tâm", Byline("byline_writer", "Minh Đức")),
    ("Tin, ảnh: Hoàng Yến.", Byline("byline_writer", "Hoàng Yến")),
    ("Ảnh: Đỗ Tâm", Byline("byline_photo", None)),
    ("Theo Báo Nhân Dân", Byline("byline_source", "Báo Nhân Dân")),
    ("Nguồn: TTXVN", Byline("byline_source", "TTXVN")),
]
NOT_BYLINES = [
    "Theo đó, giai đoạn 2022 - 2025, tỉnh Bắc Ninh sẽ tập trung bảo tồn",
    "Theo ông Hoàng Minh Long- Phó phòng phụ trách Phòng quản lý Công nghiệp: Với nội dung",
    "Bài viết liên quan",
    "Bài học kinh nghiệm từ làng nghề",
    "Tin liên quan",
]


@pytest.mark.parametrize(("line", "byline"), BYLINES, ids=[b[0] for b in BYLINES])
def test_parse_byline(line: str, byline: Byline) -> None:
    assert parse_byline(line) == byline


@pytest.mark.parametrize("line", NOT_BYLINES)
def test_not_a_byline(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Đức Minh", "Đức Minh"),
        ("Thanh Hà - Minh Đức", "Thanh Hà - Minh Đức"),
        ("Nguyễn Thị Thanh Hương (TTXVN)", "Nguyễn Thị Thanh Hương"),
        ("Tin liên quan", None),
        ("Minh", None),  # one word is too little to call it a name
        ("Làng nghề phát triển.", None),
        ("Năm 2025", None),
        ("Theo DM/Hello!", None),  # a source credit, even one parse_byline cannot name
        ("Thanh Mai Theo InfoNet/VSD", "Thanh Mai"),  # the writer, then the source
        ("Quang Trung/VOV-Bangkok", "Quang Trung"),
        ("Xuân Lan -", "Xuân Lan"),
    ],
)
def test_parse_bare_name(line: str, name: str | None) -> None:
    assert parse_bare_name(line) == name


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Nhật LinhTheo Reuters", "Nhật Linh"),  # a source credit glued to the name
        ("Kim DungTheo Las Vegas Review Journal", "Kim Dung"),
        ("T.ThủyTheo The Verge", "T.Thủy"),  # one word is enough: the credit shows a byline
        ("Hải ĐăngNguồn: VnExpress", "Hải Đăng"),
        ("Theo Reuters", None),  # the credit alone names no writer
        ("Kim Dung Theo Reuters", None),  # spaced: not glued
        ("Công nghệ mớiTheo dõi", None),  # "Theo dõi" (follow) is no source credit
    ],
)
def test_parse_glued_byline(line: str, name: str | None) -> None:
    assert parse_glued_byline(line) == name


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Làng mây tre - Báo Công Thương", None, "Làng mây tre"),
        ("Làng mây tre – Tạp chí Công Thương", None, "Làng mây tre"),
        ("Làng mây tre | congthuong.vn", None, "Làng mây tre"),
        ("Làng gốm - Làng nghề | VTV", None, "Làng gốm - Làng nghề"),
        ("Tứ Liên – Gìn giữ truyền thống", None, "Tứ Liên – Gìn giữ truyền thống"),
        ("Làng gốm - VTV News", "VTV News", "Làng gốm"),
        ("Làng chiếu Nga Sơn - VnExpress", None, "Làng chiếu Nga Sơn"),
        ("Làng chiếu Nga Sơn - baothanhhoa.vn", None, "Làng chiếu Nga Sơn"),
        ("Làng chiếu Nga Sơn - Dân trí", None, "Làng chiếu Nga Sơn"),
        (
            "Nâng cao dân trí - phát triển làng nghề",
            None,
            "Nâng cao dân trí - phát triển làng nghề",
        ),
    ],
)
def test_strip_site_suffix(title: str, site: str | None, expected: str) -> None:
    assert strip_site_suffix(title, site) == expected


def tags_of(markup: str) -> list:  # type: ignore[type-arg]
    soup = parse_html(markup)
    return list(soup.find_all(("meta", "link", "title"))) + visible_tags(soup, set())


def test_html_metadata_from_meta_tags() -> None:
    tags = tags_of(
        "<head><title>Làng gốm - Báo Công Thương</title>"
        '<meta property="og:title" content="Làng gốm Bát Tràng - Báo Công Thương">'
        '<meta name="author" content="Bài và ảnh: Minh Châu">'
        '<meta property="article:published_time" content="2024-03-12T08:15:00+07:00">'
        '<meta property="og:url" content="https://a.example/og">'
        '<link rel="canonical" href="https://a.example/canonical"></head>'
    )
    assert html_title(tags) == "Làng gốm Bát Tràng"
    assert html_author(tags) == "Minh Châu"
    assert html_published(tags) == "2024-03-12T08:15:00+07:00"
    assert html_url(tags) == "https://a.example/canonical"


def test_html_metadata_fallbacks() -> None:
    tags = tags_of(
        "<head><title>Làng gốm | Site</title></head><body><header><h1>Logo</h1></header>"
        '<article><h1>Làng gốm Phù Lãng</h1><time datetime="2023-05-01">1/5</time>'
        '<p class="article-author">Bài: Ngọc Lan</p></article></body>'
    )
    assert html_title(tags) == "Làng gốm Phù Lãng"
    assert html_author(tags) == "Ngọc Lan"
    assert html_published(tags) == "2023-05-01"
    assert html_url(tags) is None


def test_html_date_never_from_a_related_block() -> None:
    markup = (
        "<html><body><article><h1>Làng gốm</h1><p>" + "Làng có 118 hộ làm gốm. " * 10 + "</p>"
        '<div class="box-related"><h3>Tin liên quan</h3><ul><li><a href="/x">151 nghệ nhân</a>'
        '<time datetime="2020-01-01">1/1/2020</time></li></ul></div>'
        '<h3>Tin khác</h3><ul><li><a href="/y">108 sản phẩm</a>'
        '<time datetime="2019-01-01">1/1/2019</time></li></ul></article></body></html>'
    )
    doc = clean_document(RawDocument("t", "t", "0", "html", markup))
    assert doc.published is None
    assert "151" not in doc.text
    assert "108" not in doc.text
    assert doc.text.startswith("Làng có 118 hộ làm gốm.")


def test_boilerplate_table_has_no_duplicates() -> None:
    table = load_table("boilerplate")
    for section in table.values():
        for key, values in section.items():
            if isinstance(values, list):
                folded = [v.casefold() for v in values]
                assert len(folded) == len(set(folded)), key


@pytest.mark.parametrize(
    "text",
    [
        "Thanh Hà (TTXVN)",
        "Thanh Hà ( TTXVN )  (Báo Nhân Dân)",
        "Thanh Hà \t\u3000\x1c (TTXVN)",
        "Thanh Hà (TTXVN\n)",
        "Thanh Hà (a (b) c)",
        "Thanh Hà (a) b)",
        "Minh Đức (chiếm 30%) và nhiều người khác nữa.",
        "Minh Đức (" + "x" * 41 + ")",
        "Đến nay, toàn tỉnh có 118 làng nghề (năm 2024)." + " Câu dài." * 20,
        "(Ảnh)",
        "Thanh Hà",
    ],
)
def test_trailing_paren_dropped_only_from_a_text_ending_in_one(text: str) -> None:
    """Trying only the last "(" cuts what the pattern anchored at the end cut (up to spaces,
    which ``clean_name`` strips)."""
    anchored = regex.compile(r"\s*+\([^()\n]{0,40}+\)$")
    assert _without_trailing_paren(text).strip() == anchored.sub("", text).strip()
