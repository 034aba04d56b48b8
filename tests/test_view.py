"""``langnghe show``: the cleaned article with its facts highlighted, and a table of the facts;
colours on a terminal, plain text otherwise."""

from __future__ import annotations

import io
import json
from pathlib import Path

from rich.console import Console
from rich.text import Text
from typer.testing import CliRunner, Result

from langnghe_extract import extract_document
from langnghe_extract.cli import app
from langnghe_extract.models import Record
from langnghe_extract.view import KIND_STYLES, highlight_facts, render_record

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "002_c42799bdf260235f.txt"
ARTICLE = (
    "Nam Định: Công nghiệp nông thôn [bold]\n\n"
    "Năm 2018, giá trị sản xuất đạt 12.380 tỷ đồng, chiếm 58,19% toàn ngành; "
    "toàn tỉnh có 94 làng nghề.\n"
)
ESC = "\x1b["


def invoke(*args: str, env: dict[str, str | None] | None = None) -> Result:
    result = CliRunner().invoke(app, ["show", *args], env=env)
    assert "Traceback" not in result.output
    return result


def article(tmp_path: Path) -> str:
    path = tmp_path / "nam_dinh.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return str(path)


def test_plain_when_not_a_terminal(tmp_path: Path) -> None:
    # GIVEN an article WHEN it is shown into a pipe (the runner's stdout is not a terminal)
    result = invoke(article(tmp_path), env={"FORCE_COLOR": None, "TERM": "dumb"})
    # THEN it is plain text: the article, then its facts with Vietnamese-style values
    assert result.exit_code == 0, result.output
    assert ESC not in result.stdout
    assert "[bold]" in result.stdout  # brackets in the article are text, not rich markup
    assert "toàn tỉnh có 94 làng nghề" in result.stdout
    for expected in ("12.380.000.000.000 đồng", "58,19%", "94 làng nghề", "money", "2018"):
        assert expected in result.stdout


def test_colours_on_a_terminal_mark_each_fact_by_kind() -> None:
    # GIVEN a record WHEN it is rendered to a terminal
    record = extract_document(ARTICLE)
    assert isinstance(record, Record)
    out = io.StringIO()
    Console(file=out, force_terminal=True, color_system="standard", width=200).print(
        highlight_facts(record)
    )
    # THEN each quote is wrapped in its kind's style codes, and nothing else is styled
    for fact in record.facts:
        alone = io.StringIO()
        Console(file=alone, force_terminal=True, color_system="standard").print(
            Text(fact.quote, style=KIND_STYLES[fact.kind]), end=""
        )
        assert alone.getvalue().startswith(ESC)
        assert alone.getvalue() in out.getvalue()
    assert out.getvalue().count(ESC) == 2 * len(record.facts)


def test_force_color_gives_colours_through_the_command(tmp_path: Path) -> None:
    result = invoke(article(tmp_path), env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert result.exit_code == 0
    assert ESC in result.stdout


def test_limit_shows_the_first_documents_of_a_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        {"id": "one", "text": "Tỉnh có 118 làng nghề."},
        {"id": "two", "text": "Có 5.247 hộ tham gia sản xuất."},
        {"id": "three", "text": "Có 151 nghệ nhân."},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    result = invoke(str(path), "-n", "2")
    assert result.exit_code == 0
    assert "118 làng nghề" in result.stdout
    assert "5.247 hộ" in result.stdout
    assert "151 nghệ nhân" not in result.stdout


def test_a_seed_lists_every_fact_quote() -> None:
    result = invoke(str(SEED), env={"COLUMNS": "200"})  # wide enough not to fold the table
    assert result.exit_code == 0
    record = extract_document(SEED.read_bytes())
    assert isinstance(record, Record)
    assert f"{len(record.facts)} fact(s)" in result.stdout
    assert "> 8.000.000 đồng/person/month" in result.stdout
    for fact in record.facts:
        assert f"│ {fact.quote}" in result.stdout


def test_an_unreadable_document_shows_its_error_and_exits_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = invoke(str(empty))
    assert result.exit_code == 1
    assert "ReadError" in result.stdout


def test_no_documents_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke(str(tmp_path))
    assert result.exit_code == 2
    assert f"no documents found in {tmp_path}" in result.stderr


def test_error_record_renders_without_facts() -> None:
    record = extract_document(b"")
    out = io.StringIO()
    Console(file=out, width=100).print(*render_record(record))
    assert "ReadError" in out.getvalue()
