"""The extraction over a Dask bag (``langnghe-extract[dask]``), on a local cluster of worker
processes: the same records as the command line, whatever the partitioning."""

from __future__ import annotations

import gzip
import importlib
import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from langnghe_extract.bag import extract_bag, extract_rows, write_parquet
from langnghe_extract.batch import Settings, run_batch
from langnghe_extract.emit import to_json_line

dask_bag = pytest.importorskip("dask.bag")

ARTICLES = [
    (
        f"Làng nghề số {i}\n\nNăm 2022, xã có {20 + i} làng nghề, thu hút hơn {i + 1}.500 lao "
        f"động; doanh thu đạt {i + 3} tỷ đồng."
    )
    for i in range(12)
]
DOCUMENTS = [
    {"id": f"d{i}", "text": text, "url": f"https://x.vn/{i}"} for i, text in enumerate(ARTICLES)
]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[Any]:
    """A local Dask cluster when dask.distributed is installed, else Dask's process pool."""
    if importlib.util.find_spec("distributed") is None:
        yield "processes"
        return
    distributed = importlib.import_module("dask.distributed")
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def cli_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(to_json_line(r)) for r in run_batch([str(path)], Settings(jobs=1))]


def test_a_bag_of_dicts_gives_the_same_records_as_the_command_line(
    tmp_path: Path, scheduler: Any
) -> None:
    # GIVEN the documents as a bag in 3 partitions, and as a JSON Lines file
    bag = dask_bag.from_sequence(DOCUMENTS, npartitions=3)
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in DOCUMENTS) + "\n")
    # WHEN the bag is extracted on the cluster
    records = extract_bag(bag).compute(scheduler=scheduler)
    # THEN each record equals the command line's but for the source (no file behind a dict)
    expected = cli_lines(jsonl)
    assert len(records) == len(DOCUMENTS)
    for record, line in zip(records, expected, strict=True):
        assert record["source"] == record["id"]
        assert record | {"source": line["source"]} == line
    assert list(records[0])[:4] == ["schema_version", "id", "source", "url"]
    assert records[0]["facts"]


def test_a_bag_of_paths_reads_files_and_containers(tmp_path: Path, scheduler: Any) -> None:
    # GIVEN a plain file, a gzipped JSON Lines file of 3 documents and a missing file
    text = tmp_path / "a.txt"
    text.write_text(ARTICLES[0], encoding="utf-8")
    lines = "\n".join(json.dumps(d, ensure_ascii=False) for d in DOCUMENTS[:3])
    packed = tmp_path / "b.jsonl.gz"
    packed.write_bytes(gzip.compress(lines.encode()))
    paths = [str(text), str(packed), str(tmp_path / "missing.txt")]
    # WHEN they are extracted as a bag
    records = extract_bag(dask_bag.from_sequence(paths, npartitions=2)).compute(scheduler=scheduler)
    # THEN one record per document, in order, the missing file an error record
    assert [r["id"] for r in records] == ["a", "d0", "d1", "d2", "missing"]
    assert records[-1]["error"]["type"] == "ReadError"


def test_rows_and_parquet_have_one_row_per_fact(tmp_path: Path, scheduler: Any) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    bag = dask_bag.from_sequence(DOCUMENTS, npartitions=4)
    rows = extract_rows(bag).compute(scheduler=scheduler)
    facts = sum(len(r["facts"]) for r in cli_lines_of(tmp_path))
    assert len(rows) == facts
    assert {row["id"] for row in rows} == {d["id"] for d in DOCUMENTS}
    paths = write_parquet(bag, str(tmp_path / "out"), scheduler=scheduler)
    assert [Path(p).name for p in paths] == [f"part-{i:05d}.parquet" for i in range(4)]
    assert sum(pq.read_table(p).num_rows for p in paths) == facts


def cli_lines_of(tmp_path: Path) -> list[dict[str, Any]]:
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in DOCUMENTS) + "\n")
    return cli_lines(jsonl)
