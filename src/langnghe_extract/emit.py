"""Emit stage: one model → one JSON line, UTF-8, non-ASCII kept, keys in SPEC.md order."""

from __future__ import annotations

import json
from typing import TextIO

from langnghe_extract.models import ErrorRecord, Record


def to_json_line(record: Record | ErrorRecord) -> str:
    """Serialise one record as a JSON line (no trailing newline).

    >>> from langnghe_extract.models import ErrorInfo
    >>> error = ErrorInfo(type="E", message="rỗng")
    >>> print(to_json_line(ErrorRecord(id="a", source="a", error=error)))
    {"schema_version": "1", "id": "a", "source": "a", "error": {"type": "E", "message": "rỗng"}}
    """
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False)


def write_record(record: Record | ErrorRecord, out: TextIO) -> None:
    """Write one record and flush, so a consumer such as ``jq`` sees lines as they are ready."""
    out.write(to_json_line(record) + "\n")
    out.flush()
