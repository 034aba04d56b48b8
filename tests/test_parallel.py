"""Batches over worker processes: the same records as in-process, in input order, with bounded
memory; a slow document or a dying worker costs one error record, never the batch."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import signal
import struct
import sys
import threading
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pytest

from langnghe_extract import batch, pipeline
from langnghe_extract.batch import Settings, run_batch, run_batch_rendered
from langnghe_extract.emit import to_json_line
from langnghe_extract.models import ErrorRecord, Record
from langnghe_extract.progress import Tally, progress_bar
from langnghe_extract.read import RawDocument

VILLAGES = ["Bát Tràng", "Vạn Phúc", "Đồng Kỵ", "Phù Lãng", "Chuông", "Kim Sơn", "Thanh Hà"]


def article(number: int) -> str:
    """A short news text of the genre, different for each number."""
    village = VILLAGES[number % len(VILLAGES)]
    return (
        f"Làng nghề {village} phát triển\n\n"
        f"Năm 2023, làng nghề {village} có {100 + number} hộ làm nghề, thu hút hơn "
        f"{1000 + number}.000 lao động; thu nhập bình quân đạt {5 + number % 3} triệu "
        "đồng/người/tháng."
    )


def jsonl(path: Path, count: int, extra: dict[int, str] | None = None) -> str:
    texts = {i: article(i) for i in range(count)} | (extra or {})
    lines = [
        json.dumps({"id": f"d{i}", "text": texts[i]}, ensure_ascii=False) for i in range(count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def lines(records: Iterator[Record | ErrorRecord]) -> list[str]:
    return [to_json_line(record) for record in records]


def test_workers_give_the_same_lines_in_the_same_order_as_one_process(tmp_path: Path) -> None:
    # GIVEN a batch mixing a JSON Lines file and plain files, larger than a small batch
    files = []
    for i in range(30):
        path = tmp_path / f"bài {i:02d}.txt"
        path.write_text(article(i), encoding="utf-8")
        files.append(str(path))
    inputs = [files[0], jsonl(tmp_path / "many.jsonl", 60), *files[1:]]
    # WHEN it runs in this process and over two workers
    here = lines(run_batch(inputs, Settings(jobs=1)))
    workers = lines(run_batch(inputs, Settings(jobs=2)))
    # THEN the outputs are identical, one line per document, in input order
    assert workers == here
    assert len(here) == 90
    ids = [json.loads(line)["id"] for line in here]
    assert ids[:3] == ["bài 00", "d0", "d1"]
    assert ids[-1] == "bài 29"


@pytest.mark.parametrize("jobs", [1, 2])
def test_lines_rendered_in_workers_are_the_lines_of_the_records(tmp_path: Path, jobs: int) -> None:
    # GIVEN a JSON Lines batch with a document that cannot be read (empty text)
    inputs = [jsonl(tmp_path / "many.jsonl", 40, extra={7: ""}), str(tmp_path / "missing.txt")]
    # WHEN it runs with records serialised where they are made, and as records
    rendered = list(run_batch_rendered(inputs, Settings(jobs=jobs)))
    records = list(run_batch(inputs, Settings(jobs=jobs)))
    # THEN the lines are the records' lines, and the summary counts the same
    assert [r.line for r in rendered] == lines(iter(records))
    by_records, by_lines = Tally(), Tally()
    for record, line in zip(records, rendered, strict=True):
        by_records.add(record)
        by_lines.add(line)
    assert (by_lines.documents, by_lines.facts, by_lines.errors) == (
        by_records.documents,
        by_records.facts,
        by_records.errors,
    )
    assert by_lines.errors >= 1
    assert by_lines.facts > 40


def test_the_input_is_consumed_only_a_window_ahead_of_the_output() -> None:
    # GIVEN a practically endless stream of inputs (missing files: quick error records)
    pulled = 0

    def endless() -> Iterator[str]:
        nonlocal pulled
        while True:
            pulled += 1
            yield f"/nonexistent/{pulled}.txt"

    # WHEN the first 100 records are taken from two workers
    batch = run_batch(endless(), Settings(jobs=2))
    first = list(islice(batch, 100))
    batch.close()
    # THEN the batch only read a bounded window ahead (chunks in flight), never the whole input
    assert [r.id for r in first] == [str(i) for i in range(1, 101)]
    assert pulled < 100 + 2 * 4 * 16 + 17 + 16


def slow_or_crashing(raw: RawDocument) -> Record:
    """``process`` for the tests below: hangs on SLOW, kills its process on CRASH, swallows
    ordinary exceptions on STUBBORN (as a careless library might), and on STUCK hangs where no
    alarm reaches it (as C code would)."""
    if "SLOW" in raw.text:
        time.sleep(30)
    if "STUCK" in raw.text:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(30)
    if "CRASH" in raw.text:
        os._exit(3)
    if "STUBBORN" in raw.text:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(Exception):  # the point of the test
                time.sleep(0.05)
    return ORIGINAL_PROCESS(raw)


ORIGINAL_PROCESS = pipeline.process


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("marker", ["SLOW", "STUBBORN"])
def test_a_document_over_its_time_budget_becomes_an_error_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int, marker: str
) -> None:
    # GIVEN a batch where one document never finishes (forked workers inherit the patch)
    monkeypatch.setattr(pipeline, "process", slow_or_crashing)
    source = jsonl(tmp_path / "b.jsonl", 40, {7: f"{marker} {article(7)}"})
    previous = signal.getsignal(signal.SIGALRM)
    # WHEN it runs with a budget of half a second per document
    started = time.monotonic()
    records = list(run_batch([source], Settings(jobs=jobs, timeout=0.5)))
    # THEN that document is a timeout error record, the others records, soon after the budget
    assert time.monotonic() - started < 20
    assert len(records) == 40
    slow = records[7]
    assert isinstance(slow, ErrorRecord)
    # (its id is the line's: the line was not parsed in time)
    assert (slow.id, slow.source, slow.error.type) == ("b#8", f"{source}#8", "TimeoutError")
    assert slow.error.message.startswith("processing took longer than 0.5 s and was stopped")
    assert all(isinstance(r, Record) for i, r in enumerate(records) if i != 7)
    # AND no alarm is left armed, and this process's own handler is back
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == previous


def test_a_document_that_kills_its_worker_costs_only_its_own_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a batch where one document kills the process reading it
    monkeypatch.setattr(pipeline, "process", slow_or_crashing)
    source = jsonl(tmp_path / "b.jsonl", 60, {33: f"CRASH {article(33)}"})
    # WHEN it runs over two workers
    records = list(run_batch([source], Settings(jobs=2)))
    # THEN that document is an error record in its place and every other one is a record
    assert [r.source for r in records] == [f"{source}#{i}" for i in range(1, 61)]
    crashed = records[33]
    assert isinstance(crashed, ErrorRecord)
    assert crashed.error.type == "WorkerCrashed"
    assert all(isinstance(r, Record) for i, r in enumerate(records) if i != 33)


def test_a_worker_stuck_where_no_alarm_reaches_is_ended_by_its_watchdog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a batch where one document blocks the alarm and hangs (as a stuck C library would)
    monkeypatch.setattr(pipeline, "process", slow_or_crashing)
    source = jsonl(tmp_path / "b.jsonl", 40, {21: f"STUCK {article(21)}"})
    # WHEN it runs over two workers with a budget of 0.3 s per document
    started = time.monotonic()
    records = list(run_batch([source], Settings(jobs=2, timeout=0.3)))
    # THEN the watchdog ends that worker, the document is an error record, the batch completes
    assert time.monotonic() - started < 25
    stuck = records[21]
    assert isinstance(stuck, ErrorRecord)
    assert stuck.error.type == "WorkerCrashed"
    assert all(isinstance(r, Record) for i, r in enumerate(records) if i != 21)


def _write_half_a_result(fd: int) -> None:
    """In a worker: announce a 100 kB result on the pool's result pipe, write none of it."""
    os.write(fd, struct.pack("!i", 100_000))
    time.sleep(60)


def test_an_interrupted_pool_stops_even_while_a_result_is_half_written() -> None:
    # GIVEN a pool whose manager thread is reading a result a worker wrote only the head of (a
    # worker ended in the middle of sending its chunk, as an interrupt may end it)
    pool = batch._Pool(Settings(jobs=2), batch._as_is)
    writer = pool.executor._result_queue._writer.fileno()
    pool.executor.submit(_write_half_a_result, writer)
    time.sleep(1.0)
    # WHEN it is stopped as an interrupt stops it
    stopping = threading.Thread(target=pool._stop, kwargs={"terminate": True}, daemon=True)
    stopping.start()
    stopping.join(timeout=20)
    # THEN it stops: nothing waits forever for the rest of that result
    assert not stopping.is_alive()


def test_no_budget_when_timeout_is_zero(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "b.jsonl", 3)
    records = list(run_batch([source], Settings(jobs=1, timeout=0)))
    assert all(isinstance(r, Record) for r in records)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


# --- progress -------------------------------------------------------------------------------------


class Terminal(io.StringIO):
    """Standard error as a terminal, recording what is drawn on it."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("total", "eta"), [(5, True), (None, False)], ids=["files", "jsonl"])
def test_progress_bar_counts_documents_and_rate(
    monkeypatch: pytest.MonkeyPatch, total: int | None, eta: bool
) -> None:
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    with progress_bar(total, enabled=True) as advance:
        for _ in range(5):
            advance()
    drawn = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())
    assert "5/5" in drawn if total else "5/?" in drawn
    assert " docs/s " in drawn
    assert ("-:--:--" in drawn) is eta  # the time left, unknown at the start


def test_progress_bar_disabled_draws_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    with progress_bar(3, enabled=False) as advance:
        advance()
    assert screen.getvalue() == ""
