"""Emit stage: records → JSON Lines (the contract, SPEC.md), CSV or Parquet (one row per fact).

Every format goes through one small interface, ``RecordWriter`` (``write(record)``, ``close()``),
made by ``open_writer``, so the command line streams records the same way whatever the format:
JSON Lines line by line, CSV row by row, Parquet in row groups (``tabular.py``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, TextIO

from langnghe_extract.models import ErrorRecord, Record


class OutputFormat(StrEnum):
    """What ``langnghe extract --format`` writes."""

    JSONL = "jsonl"
    CSV = "csv"
    PARQUET = "parquet"


BINARY_FORMATS = frozenset({OutputFormat.PARQUET})


class RecordWriter(Protocol):
    """Where records go, one at a time; ``close`` finishes the file (a Parquet footer) once."""

    def write(self, record: Record | ErrorRecord) -> None:
        """Add one record (a document's facts, or its error record) to the output."""

    def close(self) -> None:
        """Flush what is buffered and finish the output; the stream itself stays open."""


def to_json_line(record: Record | ErrorRecord) -> str:
    """Serialise one record as a JSON line (no trailing newline).

    >>> from langnghe_extract.models import ErrorInfo
    >>> error = ErrorInfo(type="E", message="rỗng")
    >>> print(to_json_line(ErrorRecord(id="a", source="a", error=error)))
    {"schema_version": "1", "id": "a", "source": "a", "error": {"type": "E", "message": "rỗng"}}
    """
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class RenderedRecord:
    """A record already serialised where it was made (a worker process), with what the
    summary line counts: the parent then only writes a string."""

    line: str
    facts: int
    error: bool


def render(record: Record | ErrorRecord) -> RenderedRecord:
    """A record as its JSON line and counts.

    >>> from langnghe_extract.models import ErrorInfo
    >>> render(ErrorRecord(id="a", source="a", error=ErrorInfo(type="E", message="m"))).error
    True
    """
    error = isinstance(record, ErrorRecord)
    facts = 0 if isinstance(record, ErrorRecord) else len(record.facts)
    return RenderedRecord(to_json_line(record), facts, error=error)


def write_record(record: Record | ErrorRecord, out: TextIO) -> None:
    """Write one record and flush, so a consumer such as ``jq`` sees lines as they are ready."""
    _write_line(to_json_line(record), out)


def _write_line(line: str, out: TextIO) -> None:
    out.write(line + "\n")
    out.flush()


class JsonLinesWriter:
    """The contract's own format: one JSON object per document per line, flushed line by line."""

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, record: Record | ErrorRecord | RenderedRecord) -> None:
        """Write the record's line and flush it."""
        line = record.line if isinstance(record, RenderedRecord) else to_json_line(record)
        _write_line(line, self._out)

    def close(self) -> None:
        """Nothing is buffered: every line was flushed as it was written."""
        self._out.flush()


def open_writer(fmt: OutputFormat, out: TextIO, *, excel: bool = False) -> RecordWriter:
    """A writer of ``fmt`` over ``out`` (a text stream; Parquet writes to its ``buffer``).

    ``excel`` starts a CSV with a UTF-8 byte order mark, which spreadsheet programs need to read
    Vietnamese correctly; it changes nothing for the other formats. Raises
    ``MissingExtraError`` when Parquet is asked for and pyarrow is not installed.

    >>> import io
    >>> from langnghe_extract.models import ErrorInfo
    >>> out = io.StringIO()
    >>> writer = open_writer("csv", out)
    >>> writer.write(ErrorRecord(id="a", source="a", error=ErrorInfo(type="E", message="m")))
    >>> writer.close()
    >>> out.getvalue().splitlines()[1]
    'a,a,,,,,,,,,,,,,,,,,,,,,,,,E,m'
    """
    if fmt == "jsonl":
        return JsonLinesWriter(out)
    from langnghe_extract import tabular  # noqa: PLC0415 — csv/pyarrow only for table formats

    if fmt == "csv":
        return tabular.CsvWriter(out, bom=excel)
    return tabular.ParquetWriter(out.buffer)
