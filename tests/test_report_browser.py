"""The report opened in a real browser: headless Chromium runs the page's script, and the DOM it
leaves has every fact highlighted exactly where its span says, the chart drawn, and nothing from
a hostile article turned into markup. Skipped when Chromium is absent (``.ci/run`` installs it).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from langnghe_extract.cli import app
from langnghe_extract.report import build_report

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ACTUAL_GREEN = (0x2B, 0x8A, 0x3E)  # chart.STATUS_COLOURS[actual], used only by the chart

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


def chromium(page: Path, profile: Path, *args: str) -> str:
    """Run headless Chromium over ``page`` with no network, sync or first-run side effects."""
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", f"--user-data-dir={profile}", *args, page.as_uri(),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=True)
    return done.stdout


def report_of(tmp: Path, *inputs: str) -> tuple[Path, list[dict[str, Any]]]:
    records = tmp / "out.jsonl"
    page = tmp / "report.html"
    runner = CliRunner()
    runner.invoke(app, ["extract", "--quiet", *inputs, "-o", str(records)])
    assert runner.invoke(app, ["report", str(records), "-o", str(page)]).exit_code == 0
    lines = records.read_text(encoding="utf-8").splitlines()
    return page, [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]], Any]:
    tmp = tmp_path_factory.mktemp("browser")
    page, records = report_of(tmp, str(ROOT / "seeds"))
    dom = lxml_html.fromstring(chromium(page, tmp / "profile", "--dump-dom"))
    return tmp, records, dom


def marks_with_offsets(text_node: Any) -> tuple[str, list[tuple[int, str, str]]]:
    """The element's text, and each <mark>'s (start offset, kind, text) inside it."""
    text = text_node.text or ""
    marks = []
    for child in text_node:
        marks.append((len(text), child.get("data-kind"), child.text_content()))
        text += child.text_content() + (child.tail or "")
    return text, marks


def test_highlights_sit_on_the_facts(seeds: tuple[Path, list[dict[str, Any]], Any]) -> None:
    # GIVEN the DOM Chromium built from the seeds' report
    _, records, dom = seeds
    articles = dom.xpath('//article[@class="doc"]')
    # THEN each article shows its whole text, with one mark per fact at the fact's span
    assert [a.get("data-id") for a in articles] == [r["id"] for r in records]
    for article, record in zip(articles, records, strict=True):
        [text_node] = article.xpath('./div[@class="text"]')
        text, marks = marks_with_offsets(text_node)
        assert text == record["text"]
        expected = [(f["span"][0], f["kind"], f["quote"]) for f in record["facts"]]
        assert marks == expected
        assert all(m.get("title") for m in text_node)  # hover text with value, status …


def test_chart_is_drawn_and_screenshot_saved(
    seeds: tuple[Path, list[dict[str, Any]], Any],
) -> None:
    pytest.importorskip("matplotlib")
    from matplotlib.image import imread  # noqa: PLC0415

    tmp, _, dom = seeds
    assert dom.xpath('//figure[@class="chart"]//*[local-name()="svg"]')
    page = tmp / "report.html"
    screenshot = tmp / "report.png"
    chromium(page, tmp / "profile", "--window-size=1200,1600", f"--screenshot={screenshot}")
    pixels = imread(str(screenshot))[:, :, :3] * 255
    green = abs(pixels - ACTUAL_GREEN).max(axis=2) < 8
    assert green.sum() > 2000, f"no chart bars in {screenshot}"


def test_filters_and_pages_draw_only_one_page(tmp_path: Path) -> None:
    # GIVEN a report of 5,000 articles
    from test_report import hostile_record  # noqa: PLC0415 — tests/ is on sys.path

    page = tmp_path / "big.html"
    page.write_text(build_report([hostile_record(i) for i in range(5000)]), encoding="utf-8")
    # WHEN Chromium opens it
    dom = lxml_html.fromstring(chromium(page, tmp_path / "profile", "--dump-dom"))
    # THEN one page of articles is drawn, and no article's markup became an element
    assert len(dom.xpath('//article[@class="doc"]')) == 20
    assert "of 5000" in dom.xpath('string(//span[@class="page-info"])')
    assert not dom.xpath("//article//b | //article//script | //article//i | //a")
    assert dom.xpath("string(//title)") == "langnghe report"
    first = dom.xpath('//article[@class="doc"]')[0]
    assert first.xpath("string(./h3)") == "<script>alert(1)</script>"


def test_hostile_article_runs_no_script(tmp_path: Path) -> None:
    page, records = report_of(tmp_path, str(ROOT / "fixtures" / "hostile"))
    dom = lxml_html.fromstring(chromium(page, tmp_path / "profile", "--dump-dom"))
    assert dom.xpath("string(//title)") == "langnghe report"
    assert dom.xpath("//body/@data-pwned") == []
    assert not dom.xpath("//img")
    [text_node] = dom.xpath('//div[@class="text"]')
    text, marks = marks_with_offsets(text_node)
    assert text == records[0]["text"]
    assert [quote for _, _, quote in marks] == [f["quote"] for f in records[0]["facts"]]
