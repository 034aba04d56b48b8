"""The same extraction over a Dask bag, when one machine is not enough (``langnghe-extract[dask]``).

Dask does the scheduling, on a laptop or a cluster; this module only says what to do with each
item. An item is either a mapping like a JSON Lines input line (``{"id", "text"}`` or
``{"id", "html"}``, with ``url`` and ``published`` passed through) or a path that every worker
can read (a file, a ``.jsonl(.gz)`` or a ``.warc(.gz)``, giving one record per document inside).
The results are records as plain dicts in the order and form of SPEC.md, or, with
``extract_rows``, one flat row per fact as in the CSV and Parquet outputs.

The per-document time budget needs a process's main thread (``SIGALRM``); Dask runs tasks in
threads, so under Dask a document has no budget of ours: use Dask's own task timeouts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from langnghe_extract.batch import Settings, process_task
from langnghe_extract.models import ErrorRecord, Record
from langnghe_extract.read import MAX_DOCUMENT_BYTES, Task, iter_tasks
from langnghe_extract.tabular import ParquetWriter, rows_of

Item = Mapping[str, Any] | str


def extract_bag(documents: Any, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> Any:
    """A bag of records (dicts, SPEC.md form) from a bag of documents (dicts or paths).

    ``documents.map_partitions`` keeps Dask in charge of where and when each partition runs;
    a path may give several records (a JSON Lines file), so partitions are flattened, not mapped.
    """
    return documents.map_partitions(_record_dicts, max_bytes=max_bytes)


def extract_rows(documents: Any, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> Any:
    """A bag of flat rows, one per fact (``tabular.COLUMNS``), ready for a dataframe or Parquet."""
    return documents.map_partitions(_fact_rows, max_bytes=max_bytes)


def write_parquet(
    documents: Any, folder: str, *, max_bytes: int = MAX_DOCUMENT_BYTES, **compute: Any
) -> list[str]:
    """Extract a bag of documents into one Parquet file per partition, ``folder/part-00000.parquet``
    …, with the columns of ``--format parquet``; returns the paths written. Each partition is
    written by the worker that extracts it, so nothing is gathered in one place; ``compute``
    options (``scheduler=``) go to ``dask.compute``.
    """
    from dask.base import compute as dask_compute  # noqa: PLC0415 - the optional extra
    from dask.delayed import delayed  # noqa: PLC0415

    Path(folder).mkdir(parents=True, exist_ok=True)
    parts = documents.to_delayed()
    writes = [
        delayed(_write_parquet_part)(part, f"{folder}/part-{index:05d}.parquet", max_bytes)
        for index, part in enumerate(parts)
    ]
    return list(dask_compute(*writes, **compute))  # type: ignore[no-untyped-call]


def extract_items(
    items: Iterable[Item], *, max_bytes: int = MAX_DOCUMENT_BYTES
) -> Iterator[Record | ErrorRecord]:
    """Records for dicts and paths, in order: what each partition does, usable without Dask."""
    settings = Settings(jobs=1, timeout=0, max_bytes=max_bytes)
    for index, item in enumerate(items):
        for task in _tasks_of(item, index, max_bytes):
            yield process_task(task, settings)


def _record_dicts(items: Iterable[Item], max_bytes: int) -> list[dict[str, Any]]:
    # the dict ``emit.to_json_line`` serialises: what the command line writes, in SPEC key order
    return [record.model_dump(mode="json") for record in extract_items(items, max_bytes=max_bytes)]


def _fact_rows(items: Iterable[Item], max_bytes: int) -> list[dict[str, Any]]:
    return [row for record in extract_items(items, max_bytes=max_bytes) for row in rows_of(record)]


def _write_parquet_part(items: Iterable[Item], path: str, max_bytes: int) -> str:
    with open(path, "wb") as out:
        writer = ParquetWriter(out)
        for record in extract_items(items, max_bytes=max_bytes):
            writer.write(record)
        writer.close()
    return path


def _tasks_of(item: Item, index: int, max_bytes: int) -> Iterable[Task]:
    """A path's documents, or one mapping as the JSON Lines line it stands for."""
    if isinstance(item, str):
        return iter_tasks([item], max_bytes=max_bytes)
    fallback = f"item-{index}"
    source = str(item.get("source") or item.get("id") or fallback)
    line = json.dumps(dict(item), ensure_ascii=False, default=str).encode()
    if len(line) > max_bytes:
        message = f"the document is over the {max_bytes / 2**20:.3g} MB limit"
        return [Task("failed", source, str(item.get("id") or fallback), message=message)]
    return [Task("line", source, fallback, payload=line)]
