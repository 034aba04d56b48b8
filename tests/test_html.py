"""HTML pages: trafilatura's main text with our pruning and post-filter, the bs4 fallback, and
pages built to break parsers (deep nesting, unclosed tags, thousands of related boxes)."""

from __future__ import annotations

import time

import pytest

from langnghe_extract.clean import BIG_PAGE, MAX_MAIN_TEXT, clean_document
from langnghe_extract.html_main import main_text, markdown_lines
from langnghe_extract.read import RawDocument

PARAGRAPH = (
    "Làng nghề gốm Phù Lãng (huyện Quế Võ) hiện có khoảng 160 hộ làm gốm, thu hút hơn 500 lao "
    "động, mỗi năm đưa ra thị trường hàng chục nghìn sản phẩm gốm mỹ nghệ."
)
SECOND = (
    "Năm 2023, doanh thu của làng đạt khoảng 30 tỷ đồng, tăng 10% so với năm trước; xã phấn đấu "
    "đến năm 2025 có thêm 2 sản phẩm đạt chuẩn OCOP 4 sao."
)


def page(body: str, head: str = "<title>Làng gốm Phù Lãng | Báo Bắc Ninh</title>") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def clean_html(markup: str) -> tuple[str, str | None, str | None, tuple[str, ...]]:
    doc = clean_document(RawDocument("t", "t", "0", "html", markup))
    return doc.text, doc.title, doc.published, doc.warnings


def test_in_body_related_box_without_class_is_pruned() -> None:
    # GIVEN a "Tin liên quan" heading and its link list between two paragraphs, no CSS class
    body = (
        f"<article><h1>Làng gốm Phù Lãng</h1><p>{PARAGRAPH}</p>"
        "<div><p><b>Tin liên quan</b></p><ul><li><a href='/a'>Bát Tràng có 151 nghệ nhân</a></li>"
        "<li><a href='/b'>Tôn vinh 108 sản phẩm tiêu biểu</a></li></ul></div>"
        f"<p>{SECOND}</p></article>"
    )
    # WHEN the page is cleaned
    text, title, _, _ = clean_html(page(body))
    # THEN both paragraphs stay, the box and its headlines go, the title loses its site suffix
    assert text == f"{PARAGRAPH}\n{SECOND}"
    assert title == "Làng gốm Phù Lãng"


def test_see_more_and_updated_lines_go_and_give_no_body() -> None:
    body = (
        "<article><h1>Làng gốm Phù Lãng</h1><p>Cập nhật: 08:15 ngày 12/03/2024</p>"
        f"<p>{PARAGRAPH}</p><p>Xem thêm: <a href='/c'>Bắc Ninh có 62 làng nghề</a></p>"
        f"<p>{SECOND}</p></article>"
    )
    text, _, published, _ = clean_html(page(body))
    assert text == f"{PARAGRAPH}\n{SECOND}"
    assert published == "2024-03-12T08:15"


def test_the_headline_repeated_at_the_top_is_dropped() -> None:
    lines = markdown_lines("Làng gốm Phù Lãng\n" + PARAGRAPH, "Làng gốm Phù Lãng")
    assert [line for line in lines if line] == [PARAGRAPH]


def test_table_cells_keep_their_figures() -> None:
    body = (
        f"<article><h1>Làng gốm</h1><p>{PARAGRAPH}</p>"
        "<table><tr><th>Chỉ tiêu</th><th>2023</th></tr>"
        "<tr><td>Số hộ làm gốm</td><td>160 hộ</td></tr>"
        f"<tr><td>Doanh thu</td><td>30 tỷ đồng</td></tr></table><p>{SECOND}</p></article>"
    )
    text, _, _, _ = clean_html(page(body))
    assert "Số hộ làm gốm | 160 hộ" in text.split("\n")
    assert "Doanh thu | 30 tỷ đồng" in text.split("\n")
    assert "---" not in text


def test_scripts_and_styles_are_never_text() -> None:
    body = (
        f"<article><h1>Làng gốm</h1><script>var a = '999 làng nghề';</script><p>{PARAGRAPH}</p>"
        "<style>p::after { content: '777 nghệ nhân'; }</style><noscript>888 hộ</noscript></article>"
    )
    text, _, _, _ = clean_html(page(body))
    for figure in ("999", "777", "888"):
        assert figure not in text


def test_htmldate_reads_the_date_only_from_the_page() -> None:
    # GIVEN a page whose only date is in a JSON-LD block, and a related box with another date
    head = (
        '<title>Làng gốm</title><script type="application/ld+json">'
        '{"@type": "NewsArticle", "datePublished": "2023-11-05T09:00:00+07:00"}</script>'
    )
    body = (
        f"<article><h1>Làng gốm</h1><p>{PARAGRAPH}</p></article>"
        '<div class="related-news"><a href="/x">Tin cũ</a> <span>01/01/2019</span></div>'
    )
    _, _, published, _ = clean_html(page(body, head))
    assert published == "2023-11-05"


def test_no_main_text_falls_back_to_the_simple_reader() -> None:
    # GIVEN a page trafilatura finds too short to be an article: one table cell of text
    markup = page("<div class='content'><p>Có 118 làng nghề.</p></div>")
    # WHEN it is cleaned THEN the simple reader still gives the text
    text, _, _, _ = clean_html(markup)
    assert "118 làng nghề" in text


def test_main_text_is_none_for_an_empty_page() -> None:
    assert main_text("<html><body></body></html>") is None


def test_a_page_too_big_for_trafilatura_is_read_simply_with_a_warning() -> None:
    filler = "<p>" + "Làng nghề phát triển. " * 50 + "</p>"
    markup = page("<article>" + filler * (MAX_MAIN_TEXT // len(filler) + 1) + "</article>")
    _, _, _, warnings = clean_html(markup)
    assert BIG_PAGE in warnings


@pytest.mark.parametrize(
    "markup",
    [
        pytest.param("<div>" * 20_000 + f"<p>{PARAGRAPH}</p>" + "</div>" * 20_000, id="deep"),
        pytest.param(f"<div><p>{PARAGRAPH}<b>" * 20_000, id="unclosed"),
        pytest.param(
            f"<article><p>{PARAGRAPH}</p>"
            + "<div><h3>Tin liên quan</h3><ul><li><a href='/x'>Có 151 nghệ nhân</a></li></ul></div>"
            * 20_000
            + "</article>",
            id="related-boxes",
        ),
    ],
)
def test_hostile_pages_finish_without_error(markup: str) -> None:
    start = time.perf_counter()
    text, _, _, _ = clean_html(page(markup))
    assert time.perf_counter() - start < 60  # generous: a hang, not speed, is what fails here
    assert "151 nghệ nhân" not in text


LEAD = "Năm 2024, giá trị sản xuất của làng nghề đạt 15.360 tỷ đồng, tăng 9% so với năm 2023."


@pytest.mark.parametrize(
    "lead",
    [
        f"<h2 class='sapo'>{LEAD}</h2>",
        f"<p class='article__sapo'>{LEAD}</p>",
        f"<div class='sapo-detail'><p>{LEAD}</p></div>",
        f"<h2 class='singular-sapo'>{LEAD}</h2>",
    ],
)
def test_the_lead_paragraph_stays_whatever_its_markup(lead: str) -> None:
    """trafilatura takes an <h2 class="sapo"> for a heading and drops it, and its figures."""
    body = f"<article><h1>Làng gốm Phù Lãng</h1>{lead}<p>{PARAGRAPH}</p><p>{SECOND}</p></article>"
    text, _, _, _ = clean_html(page(body))
    assert text.split("\n")[0] == LEAD
    assert PARAGRAPH in text


def test_a_layout_table_reads_as_blocks_and_a_data_table_inside_it_as_rows() -> None:
    body = (
        "<table><tr><td><div><h1>Làng gốm Phù Lãng</h1>"
        f"<p>{PARAGRAPH}</p><table><tr><td>Sản phẩm</td><td>Hạng sao</td></tr>"
        "<tr><td>Gốm men lam</td><td>4 sao</td></tr></table>"
        f"<p>{SECOND}</p></div></td><td><div class='box'><p>Tin đọc nhiều</p></div></td></tr>"
        "</table>"
    )
    text, _, _, _ = clean_html(page(body))
    lines = text.split("\n")
    assert PARAGRAPH in lines  # not one "cell | cell" row
    assert SECOND in lines
    assert "Gốm men lam | 4 sao" in lines
