"""``langnghe report``: one self-contained page (no network, nothing outside the file) that
escapes everything it shows, with a summary per province, a chart and every article's facts."""

from __future__ import annotations

import json
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from langnghe_extract import extract_document
from langnghe_extract.cli import app
from langnghe_extract.models import ErrorRecord, Fact, Kind, Province, Record
from langnghe_extract.report import build_report

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
HOSTILE = ROOT / "fixtures" / "hostile"
DATA_OPEN = '<script type="application/json" id="report-data">'
# Every element the page itself writes; an article's markup must never add to it.
PAGE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "main",
    "section", "table", "thead", "tbody", "tr", "th", "td", "span", "div", "figure", "label",
    "select", "option", "nav", "button", "aside", "script",
}  # fmt: skip
SVG_TAGS = {"svg", "g", "path", "defs", "clippath", "rect", "use", "text", "style", "metadata"}
SVG_TAGS |= {"rdf:rdf", "ns2:work", "cc:work", "dc:type", "dc:date", "dc:format", "dc:creator"}
SVG_TAGS |= {"dc:title", "cc:agent"}


class _Tags(HTMLParser):
    """Every start tag with its attributes, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser.tags


def data_block(page: str) -> list[dict[str, Any]]:
    start = page.index(DATA_OPEN) + len(DATA_OPEN)
    data: list[dict[str, Any]] = json.loads(page[start : page.index("</script>", start)])
    return data


def invoke(*args: str) -> Result:
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.output
    return result


def make_report(tmp_path: Path, *inputs: str) -> tuple[str, list[dict[str, Any]]]:
    """Extract ``inputs`` to JSON Lines, then build the report of those lines."""
    records = tmp_path / "out.jsonl"
    invoke("extract", "--quiet", *inputs, "-o", str(records))
    page = tmp_path / "report.html"
    result = invoke("report", str(records), "-o", str(page))
    assert result.exit_code == 0, result.output
    lines = records.read_text(encoding="utf-8").splitlines()
    return page.read_text(encoding="utf-8"), [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[dict[str, Any]]]:
    return make_report(tmp_path_factory.mktemp("seeds"), str(SEEDS))


def test_articles_cut_at_their_facts(seeds_report: tuple[str, list[dict[str, Any]]]) -> None:
    # GIVEN the report of the seeds WHEN its data block is read back
    page, records = seeds_report
    articles = data_block(page)
    # THEN each article's segments rebuild its text, and the marked ones are its facts' quotes
    assert [a["id"] for a in articles] == [r["id"] for r in records]
    for article, record in zip(articles, records, strict=True):
        assert "".join(text for text, _ in article["segments"]) == record["text"]
        marked = [(text, index) for text, index in article["segments"] if index >= 0]
        assert marked == [(fact["quote"], i) for i, fact in enumerate(record["facts"])]


def test_summary_per_province_and_status(seeds_report: tuple[str, list[dict[str, Any]]]) -> None:
    page, _ = seeds_report
    summary = page[page.index('<table class="summary">') : page.index("</table>")]
    assert "<th>Nam Định → Ninh Bình</th>" in summary
    assert '<td class="status s-forecast">forecast</td>' in summary
    assert "giá trị sản xuất: <span" in summary  # money by measure
    assert "12.380.000.000.000 đồng" in summary
    assert "1.350 làng có nghề" in summary


def test_page_is_self_contained(seeds_report: tuple[str, list[dict[str, Any]]]) -> None:
    # GIVEN the report WHEN its tags are read as a browser tokenizes them
    page, _ = seeds_report
    tags = tags_of(page)
    # THEN nothing refers outside the file (only #fragments), and the chart is inline SVG
    names = {name for name, _ in tags}
    assert {"link", "img", "iframe", "object", "embed"}.isdisjoint(names)
    for name, attributes in tags:
        for key in ("src", "href", "xlink:href", "action"):
            assert attributes.get(key) is None or str(attributes[key]).startswith("#"), name
    assert "@import" not in page
    assert "url(" not in page.replace("url(#", "")
    assert sum(name == "svg" for name in names) == 1
    assert len([name for name, _ in tags if name == "path"]) > 10


def test_hostile_text_stays_text(tmp_path: Path) -> None:
    # GIVEN an article full of tags, quotes, </script>, comments and a 29,000-character line
    page, records = make_report(tmp_path, str(HOSTILE))
    # THEN the page has only its own elements and exactly its two scripts
    assert {name for name, _ in tags_of(page)} <= PAGE_TAGS | SVG_TAGS
    assert [name for name, _ in tags_of(page)].count("script") == 2
    assert "<img" not in page
    assert "</script><script>" not in page
    # AND the article comes back from the data block exactly as extracted
    [article] = data_block(page)
    assert "".join(text for text, _ in article["segments"]) == records[0]["text"]
    assert "</script>" in records[0]["text"]
    assert max(len(line) for line in records[0]["text"].splitlines()) > 20_000


def hostile_record(index: int = 0) -> Record:
    text = f'<b onclick="x()">Có 118 làng nghề</b> & "{index}" </script><!--'
    start = text.index("118")
    fact = Fact(kind=Kind.VILLAGES, value=118, unit="làng nghề", span=(start, start + 13),
                quote="118 làng nghề")  # fmt: skip
    province = Province(name="<i>Tỉnh</i>", code="01", current='"Hà Nội"')
    return Record(
        id=f'<a href="x">{index}</a>', source="</td></tr></table><script>x()</script>",
        format="html", sha256="0" * 64, title="<script>alert(1)</script>", province=province,
        text=text, facts=[fact],
    )  # fmt: skip


def test_hostile_fields_are_escaped_in_the_summary_and_the_data() -> None:
    page = build_report([hostile_record()])
    names = [name for name, _ in tags_of(page)]
    assert set(names) <= PAGE_TAGS | SVG_TAGS
    assert names.count("script") == 2
    assert "&lt;i&gt;Tỉnh&lt;/i&gt; → &quot;Hà Nội&quot;" in page
    [article] = data_block(page)
    assert article["title"] == "<script>alert(1)</script>"
    assert article["segments"][1] == ["118 làng nghề", 0]


def test_error_records_are_listed_escaped(tmp_path: Path) -> None:
    bad = tmp_path / "<i>bad.txt"
    bad.write_bytes(b"")
    page, _ = make_report(tmp_path, str(bad), str(SEEDS / "000_879469c766812cc4.txt"))
    assert "&lt;i&gt;bad.txt</td><td>ReadError</td>" in page
    assert "1 articles, " in page
    assert ", 1 error records" in page


def test_five_thousand_articles_travel_as_data_not_html() -> None:
    records: list[Record | ErrorRecord] = [hostile_record(index) for index in range(5000)]
    page = build_report(records)
    assert len(data_block(page)) == 5000
    assert "<article" not in page  # drawn a page at a time by the script
    assert len(page) < 5000 * 1000


def test_a_line_that_is_not_a_record_is_a_usage_error(tmp_path: Path) -> None:
    records = tmp_path / "out.jsonl"
    good = extract_document("Có 118 làng nghề.").model_dump_json()
    records.write_text(f'{good}\n{{"id": 1}}\n', encoding="utf-8")
    result = invoke("report", str(records), "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 2
    assert f"{records} line 2 is not a record of langnghe extract" in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("report", str(tmp_path / "nothing.jsonl"))
    assert result.exit_code == 2
    assert "cannot read" in result.stderr


def test_missing_matplotlib_says_which_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    records = tmp_path / "out.jsonl"
    records.write_text(extract_document("Có 118 làng nghề.").model_dump_json(), encoding="utf-8")
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    result = invoke("report", str(records))
    assert result.exit_code == 2
    assert "pip install 'langnghe-extract[report]'" in result.stderr
