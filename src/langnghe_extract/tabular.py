"""Records as table rows, one per fact, for spreadsheets (CSV) and dataframes (Parquet).

A row repeats its document's ``id``, ``source``, ``url``, ``title``, ``published`` and province,
then holds one fact with every field of SPEC.md (``period`` and ``span`` as two columns each). A
document without facts and an error record still get one row, with empty fact columns, so nothing
disappears between the JSON Lines and the table. ``COLUMNS`` is the fixed column order.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any, BinaryIO, TextIO

from langnghe_extract.errors import LangngheError
from langnghe_extract.models import ErrorRecord, Fact, Record

DOCUMENT_COLUMNS = (
    "id",
    "source",
    "url",
    "title",
    "published",
    "province_name",
    "province_code",
    "province_current",
)
FACT_COLUMNS = (
    "kind",
    "value",
    "value_max",
    "unit",
    "qualifier",
    "status",
    "per",
    "year",
    "period_start",
    "period_end",
    "category",
    "stars",
    "measure",
    "place",
    "span_start",
    "span_end",
    "quote",
)
ERROR_COLUMNS = ("error_type", "error_message")
COLUMNS = DOCUMENT_COLUMNS + FACT_COLUMNS + ERROR_COLUMNS
PARQUET_ROWS_PER_GROUP = 10_000

Row = dict[str, Any]


class MissingExtraError(LangngheError):
    """An optional dependency is not installed; the message names the extra that brings it."""


def rows_of(record: Record | ErrorRecord) -> Iterator[Row]:
    """One row per fact of ``record``, or a single row when it has none (or is an error).

    >>> from langnghe_extract import extract_document
    >>> record = extract_document("Toàn tỉnh có 118 làng nghề.", doc_id="d")
    >>> [(row["id"], row["kind"], row["value"], row["quote"]) for row in rows_of(record)]
    [('d', 'villages', 118, '118 làng nghề')]
    """
    document = _document_cells(record)
    if isinstance(record, ErrorRecord):
        yield document | {"error_type": record.error.type, "error_message": record.error.message}
        return
    if not record.facts:
        yield document
    for fact in record.facts:
        yield document | _fact_cells(fact)


def _document_cells(record: Record | ErrorRecord) -> Row:
    cells: Row = dict.fromkeys(COLUMNS)
    cells.update(id=record.id, source=record.source)
    if isinstance(record, Record):
        province = record.province
        cells.update(url=record.url, title=record.title, published=record.published)
        if province is not None:
            cells.update(
                province_name=province.name,
                province_code=province.code,
                province_current=province.current,
            )
    return cells


def _fact_cells(fact: Fact) -> Row:
    cells = fact.model_dump(mode="json", exclude={"period", "span"})
    start, end = fact.period or (None, None)
    cells.update(period_start=start, period_end=end, span_start=fact.span[0], span_end=fact.span[1])
    return cells


class CsvWriter:
    """CSV, UTF-8 with a header row, written and flushed row by row; empty cell for null."""

    def __init__(self, out: TextIO, *, bom: bool = False) -> None:
        self._out = out
        if bom:  # spreadsheet programs read UTF-8 only with it
            out.write("\ufeff")
        self._writer = csv.DictWriter(out, fieldnames=COLUMNS)
        self._writer.writeheader()

    def write(self, record: Record | ErrorRecord) -> None:
        """Write the record's rows and flush them."""
        self._writer.writerows(rows_of(record))
        self._out.flush()

    def close(self) -> None:
        """Every row was flushed as it was written."""
        self._out.flush()


class ParquetWriter:
    """Parquet through pyarrow, in row groups of ``PARQUET_ROWS_PER_GROUP`` rows.

    ``value`` and ``value_max`` are float64, the type a dataframe expects of one numeric column
    holding counts, money and percentages; whole numbers stay exact up to 2^53 (about 9 triệu tỷ
    đồng) and round to the nearest float beyond. The other columns are strings or int64, null
    where the JSON holds null.
    """

    def __init__(self, out: BinaryIO) -> None:
        pa, pq = _import_pyarrow()
        self._pa = pa
        self._schema = parquet_schema()
        self._writer = pq.ParquetWriter(out, self._schema)
        self._rows: list[Row] = []

    def write(self, record: Record | ErrorRecord) -> None:
        """Buffer the record's rows; a full buffer becomes one row group."""
        self._rows.extend(rows_of(record))
        if len(self._rows) >= PARQUET_ROWS_PER_GROUP:
            self._flush()

    def close(self) -> None:
        """Write the last rows and the file footer."""
        self._flush()
        self._writer.close()

    def _flush(self) -> None:
        if self._rows:
            for row in self._rows:  # pyarrow refuses ints beyond 2^53 as float64: convert here
                for key in ("value", "value_max"):
                    row[key] = None if row[key] is None else float(row[key])
            table = self._pa.Table.from_pylist(self._rows, schema=self._schema)
            self._writer.write_table(table)
            self._rows = []


def parquet_schema() -> Any:
    """The Parquet column types, in ``COLUMNS`` order."""
    pa, _ = _import_pyarrow()
    numbers = {"value": pa.float64(), "value_max": pa.float64()}
    integers = ("year", "period_start", "period_end", "stars", "span_start", "span_end")
    types = numbers | dict.fromkeys(integers, pa.int64())
    return pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])


def _import_pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa  # noqa: PLC0415 — optional extra
        import pyarrow.parquet as pq  # noqa: PLC0415
    except ImportError:
        message = "Parquet output needs pyarrow: pip install 'langnghe-extract[parquet]'"
        raise MissingExtraError(message) from None
    return pa, pq
