"""Output formats of ``langnghe extract --format``: the CSV and Parquet rows rebuild the same
facts and documents as the JSON Lines records, and nothing disappears (documents without facts
and error records keep a row)."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner, Result

from langnghe_extract.cli import _open_writer, app
from langnghe_extract.emit import OutputFormat, open_writer
from langnghe_extract.models import Fact, Kind, Record
from langnghe_extract.tabular import COLUMNS

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
NO_FACTS = "Làng nghề\n\nBài viết về lễ hội làng, không có số liệu nào.\n"
RANGE = (
    "Hà Nội: OCOP\n\nGiai đoạn 2021-2025, mỗi năm có từ 5 đến 7 sản phẩm đạt 3 - 4 sao; "
    "tốc độ tăng trưởng đạt 15,35%/năm.\n"
)
INT_COLUMNS = ("year", "period_start", "period_end", "stars", "span_start", "span_end")


def invoke(*args: str) -> Result:
    result = CliRunner().invoke(app, ["extract", "--quiet", *args])
    assert "Traceback" not in result.output
    return result


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The seeds, a document without facts, one with ranges and a period, and an empty file."""
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "no_facts.txt").write_text(NO_FACTS, encoding="utf-8")
    (folder / "range.txt").write_text(RANGE, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return [
        str(SEEDS),
        str(folder / "no_facts.txt"),
        str(folder / "range.txt"),
        str(folder / "empty.txt"),
    ]


@pytest.fixture(scope="module")
def records(inputs: list[str]) -> list[dict[str, Any]]:
    result = invoke(*inputs)
    assert result.exit_code == 1  # the empty file is an error record
    return [json.loads(line) for line in result.stdout.splitlines()]


def rebuild(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Documents (id, source, title, province, facts, error) from table rows, in row order."""
    documents: dict[str, dict[str, Any]] = {}
    for row in rows:
        document = documents.setdefault(row["id"], _document(row))
        if row["kind"] is not None:
            document["facts"].append(_fact(row))
    return list(documents.values())


def _document(row: dict[str, Any]) -> dict[str, Any]:
    province = None
    if row["province_name"] is not None:
        names = ("name", "code", "current")
        province = {key: row[f"province_{key}"] for key in names}
    error = None
    if row["error_type"] is not None:
        error = {"type": row["error_type"], "message": row["error_message"]}
    keys = ("id", "source", "url", "title", "published")
    return {key: row[key] for key in keys} | {"province": province, "facts": [], "error": error}


def _fact(row: dict[str, Any]) -> dict[str, Any]:
    fact = {key: row[key] for key in COLUMNS[8:25]}
    for key in ("value", "value_max"):  # SPEC.md: percent is a float, counts and money ints
        if fact[key] is not None and row["kind"] != "percent":
            fact[key] = int(fact[key])
    start, end = fact.pop("period_start"), fact.pop("period_end")
    fact["period"] = None if start is None else [start, end]
    fact["span"] = [fact.pop("span_start"), fact.pop("span_end")]
    return fact


def expected(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    keys = ("id", "source", "url", "title", "published", "province")
    return [
        {key: record.get(key) for key in keys}
        | {"facts": record.get("facts", []), "error": record.get("error")}
        for record in records
    ]


def csv_rows(text: str) -> list[dict[str, Any]]:
    rows = list(csv.DictReader(io.StringIO(text)))
    for row in rows:
        for key, cell in row.items():
            row[key] = None if cell == "" else cell
        for key in INT_COLUMNS:
            row[key] = None if row[key] is None else int(row[key])
        for key in ("value", "value_max"):
            if row[key] is not None:
                row[key] = float(row[key]) if "." in row[key] else int(row[key])
    return rows


def test_inputs_cover_every_row_shape(records: list[dict[str, Any]]) -> None:
    assert any("error" in record for record in records)
    assert any("error" not in record and not record["facts"] for record in records)
    facts = [fact for record in records for fact in record.get("facts", [])]
    assert any(fact["value_max"] is not None for fact in facts)
    assert any(fact["period"] is not None for fact in facts)
    assert any(isinstance(fact["value"], float) for fact in facts)


def test_csv_rows_rebuild_the_json_lines_records(
    inputs: list[str], records: list[dict[str, Any]]
) -> None:
    # GIVEN the records as JSON Lines WHEN the same inputs are written as CSV
    result = invoke(*inputs, "--format", "csv")
    # THEN the header is the documented column order and the rows rebuild every record
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == ",".join(COLUMNS)
    assert rebuild(csv_rows(result.stdout)) == expected(records)


def test_parquet_rows_rebuild_the_json_lines_records(
    inputs: list[str], records: list[dict[str, Any]], tmp_path: Path
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "facts.parquet"
    result = invoke(*inputs, "--format", "parquet", "-o", str(out))
    assert result.exit_code == 1
    table = pq.read_table(out)
    assert table.column_names == list(COLUMNS)
    assert rebuild(table.to_pylist()) == expected(records)


def test_one_row_per_fact_and_one_per_factless_document(records: list[dict[str, Any]]) -> None:
    result = invoke(str(SEEDS), "--format", "csv")
    seeds = [r for r in records if r["source"].startswith(str(SEEDS))]
    assert len(result.stdout.splitlines()) == 1 + sum(len(r["facts"]) for r in seeds)


def test_jsonl_is_the_default_format() -> None:
    default = invoke(str(SEEDS))
    assert default.stdout == invoke(str(SEEDS), "--format", "jsonl").stdout
    assert json.loads(default.stdout.splitlines()[0])["schema_version"] == "1"


def test_excel_starts_csv_with_a_byte_order_mark(tmp_path: Path) -> None:
    out = tmp_path / "facts.csv"
    assert invoke(str(SEEDS), "--format", "csv", "--excel", "-o", str(out)).exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,source,")
    assert "làng nghề".encode() in data
    plain = invoke(str(SEEDS), "--format", "csv").stdout
    assert plain.startswith("id,source,")


def test_unknown_format_is_a_usage_error() -> None:
    result = invoke(str(SEEDS), "--format", "xlsx")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.stderr


def test_missing_pyarrow_is_a_one_line_usage_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    out = tmp_path / "facts.parquet"
    result = invoke(str(SEEDS), "--format", "parquet", "-o", str(out))
    assert result.exit_code == 2
    message = "Parquet output needs pyarrow: pip install 'langnghe-extract[parquet]'"
    assert message in result.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_parquet_is_refused_on_a_terminal_but_not_in_a_pipe(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("pyarrow")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    with pytest.raises(typer.BadParameter, match=r"parquet is binary: give -o FILE\.parquet"):
        _open_writer(OutputFormat.PARQUET, terminal, excel=False)
    assert _open_writer(OutputFormat.CSV, terminal, excel=False) is not None
    result = invoke(str(SEEDS), "--format", "parquet")  # the runner's stdout is a pipe
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"PAR1")


def test_parquet_holds_money_beyond_two_to_the_53(tmp_path: Path) -> None:
    # GIVEN a money figure above 2^53, as a mis-scaled amount in a real article gave
    pq = pytest.importorskip("pyarrow.parquet")
    text = "Tổng vốn đạt 9.499.546 tỷ đồng."
    quote = "9.499.546 tỷ đồng"
    start = text.index(quote)
    fact = Fact(kind=Kind.MONEY, value=9_499_546_000_000_000, unit="VND",
                span=(start, start + len(quote)), quote=quote)  # fmt: skip
    record = Record(id="a", source="a", format="text", sha256="0" * 64, text=text, facts=[fact])
    # WHEN it is written as Parquet
    out = tmp_path / "big.parquet"
    with out.open("w", encoding="utf-8") as stream:
        writer = open_writer(OutputFormat.PARQUET, stream)
        writer.write(record)
        writer.close()
    # THEN the value is kept exactly (it is even, so a float64 holds it)
    [row] = pq.read_table(out).to_pylist()
    assert int(row["value"]) == 9_499_546_000_000_000


def test_excel_without_csv_is_a_usage_error() -> None:
    result = invoke(str(SEEDS), "--excel")
    assert result.exit_code == 2
    assert "only CSV has a byte order mark: add --format csv" in result.stderr
