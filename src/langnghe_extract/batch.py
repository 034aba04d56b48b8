"""Running a batch: documents streamed through worker processes, in input order, each within a
time budget.

The parent process only lists the work (file paths, JSON Lines lines, WARC records:
``read.iter_tasks``) and writes results; workers read, decode and extract. Work goes out in small
chunks through a standard ``ProcessPoolExecutor`` and at most ``WINDOW_PER_JOB`` chunks per
worker are in flight, so memory stays flat whatever the number of documents, and results are
yielded in input order as soon as they are ready.

A document that takes longer than its budget (``SIGALRM`` in the process doing the work) or
kills its worker becomes an error record; the batch goes on.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from types import FrameType
from typing import Generic, TypeVar

from langnghe_extract.emit import RenderedRecord, render
from langnghe_extract.models import ErrorInfo, ErrorRecord, Record
from langnghe_extract.pipeline import process_safely
from langnghe_extract.read import (
    MAX_DOCUMENT_BYTES,
    RawDocument,
    Task,
    iter_tasks,
    load_task,
    read_bytes,
)

Result = Record | ErrorRecord
Out = TypeVar("Out")  # what a batch yields per document: its record, or that record rendered

CHUNK_DOCS = 16  # documents per chunk sent to a worker: few enough to keep the order flowing
CHUNK_BYTES = 2**20  # and no more than this much payload, whatever the documents weigh
WINDOW_PER_JOB = 4  # chunks in flight per worker: enough to keep every worker busy
SMALL_BATCH = 16  # a batch this small runs here: starting workers would cost more than it saves
# A sample that takes every stage through its lazily built tables (text and HTML, counts, money,
# percent, provinces and districts), so that they are built before any time budget is armed.
_WARM_UP = (
    "Hà Nội: Làng nghề\n\nGiai đoạn 2021-2025, tỉnh Bắc Ninh có 62 làng nghề truyền thống, "
    "khoảng 5.247 hộ, hơn 10.000 lao động, 151 nghệ nhân, 12 HTX và 25 sản phẩm OCOP đạt 4 sao; "
    "doanh thu đạt 12.380 tỷ đồng, tăng 15,35%/năm, thu nhập trên 8 triệu đồng/người/tháng, "
    "xuất khẩu 2,5 triệu USD (huyện Chương Mỹ, xã Vạn Phúc, TP. Hồ Chí Minh)."
)
_CRASHED = (
    "the worker process died while reading this document (out of memory, a crash in a "
    "library, or stuck far past its time budget); the other documents were not affected"
)
WATCHDOG_GRACE = 2.0  # a worker stuck this long (at least) past a budget is ended by its watchdog
# When the document being processed here must be done, watched in workers (0: none running).
_deadline = [0.0]

log = logging.getLogger(__name__)


def count_cores() -> int:
    """The cores this process may run on (a container's share, not the host's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@dataclass(frozen=True)
class Settings:
    """How a batch runs: ``jobs`` worker processes (1: here), ``timeout`` seconds per document
    (0: none), documents over ``max_bytes`` refused, tracebacks logged when ``debug``."""

    jobs: int = field(default_factory=count_cores)
    timeout: float = 10.0
    max_bytes: int = MAX_DOCUMENT_BYTES
    debug: bool = False


class DocumentTimeout(BaseException):
    """Raised in the working process when a document is over its time budget.

    A ``BaseException``, so that no ``except Exception`` in a stage or a library can swallow it.
    """


def run_batch(paths: Iterable[str], settings: Settings) -> Generator[Result, None, None]:
    """A record or an error record for every document of ``paths``, in input order.

    The worker processes start here, before the caller starts any thread of its own (a progress
    bar): ``fork`` copies only the calling thread, and a lock held by another one would stay
    locked in the workers forever.
    """
    return _run_batch(paths, settings, _as_is)


def run_batch_rendered(
    paths: Iterable[str], settings: Settings
) -> Generator[RenderedRecord, None, None]:
    """``run_batch`` with each record already a JSON line, serialised where it was made.

    Why: rebuilding a record in the parent (unpickling its model) and serialising it there cost
    the parent ~0.1 ms a document, work the workers can do in parallel; a JSON line crosses the
    process boundary as one string.
    """
    return _run_batch(paths, settings, render)


def _run_batch(
    paths: Iterable[str], settings: Settings, finish: Callable[[Result], Out]
) -> Generator[Out, None, None]:
    tasks = iter_tasks(paths, max_bytes=settings.max_bytes)
    head = list(islice(tasks, SMALL_BATCH + 1))
    if settings.jobs <= 1 or len(head) <= SMALL_BATCH:
        return _run_here(chain(head, tasks), settings, finish)
    return _Pool(settings, finish).run(chain(head, tasks))


def _as_is(record: Result) -> Result:
    return record


def process_task(task: Task, settings: Settings) -> Result:
    """Read and extract one document within its time budget; never raises for a document.

    The budget is ``timeout`` seconds to read the document, then ``timeout`` seconds per MB of
    text (at least ``timeout``) to extract it: work grows with the text, so a long but honest
    article is not cut off, while a stage that stalls on a small one is.
    """
    try:
        with _time_budget(settings.timeout):
            item = load_task(task, max_bytes=settings.max_bytes)
        size = len(item.text) / 2**20 if isinstance(item, RawDocument) else 0.0
        with _time_budget(settings.timeout * max(1.0, size)):
            return process_safely(item)
    except DocumentTimeout:
        message = (
            f"processing took longer than {settings.timeout:g} s and was stopped "
            "(raise the budget with --timeout); please report the document"
        )
        info = ErrorInfo(type="TimeoutError", message=message)
        return ErrorRecord(id=task.doc_id, source=task.source, error=info)


def _run_here(
    tasks: Iterable[Task], settings: Settings, finish: Callable[[Result], Out]
) -> Generator[Out, None, None]:
    with _alarm_handler():
        _warm_up()
        for task in tasks:
            yield finish(process_task(task, settings))


def _process_chunk(
    tasks: list[Task], settings: Settings, finish: Callable[[Result], Out]
) -> list[Out]:
    """What a worker does with one chunk (a module-level function, so it pickles)."""
    return [finish(process_task(task, settings)) for task in tasks]


def _init_worker(settings: Settings) -> None:
    """Prepare a worker: Ctrl-C is the parent's to handle, SIGTERM ends it at once, the alarm
    raises ``DocumentTimeout``, and the data tables are loaded before any budget is armed (an
    interrupted load must never leave a half-built table behind)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGALRM, _on_alarm)
    if settings.debug:
        logging.basicConfig(level=logging.DEBUG, format="%(processName)s: %(message)s")
    _warm_up()
    threading.Thread(target=_watch, name="watchdog", daemon=True).start()


def _watch() -> None:
    """In a worker: end the process when a document is far past its budget. The alarm only
    interrupts Python code; a stage stuck inside a C library never sees it. The pool then
    replaces the worker and the document becomes an error record (``_Pool._collect``)."""
    while True:
        time.sleep(0.25)
        if _deadline[0] and time.monotonic() > _deadline[0]:
            os._exit(70)


def _warm_up() -> None:
    """Build the text pipeline's tables and patterns once, before any time budget is armed.
    Not HTML's libraries (trafilatura, htmldate: ~8 MB a process): they load with the first
    page, and a crawl of text never needs them."""
    process_safely(read_bytes(_WARM_UP.encode(), source="-", doc_id="-"))


def _on_alarm(signum: int, frame: FrameType | None) -> None:  # noqa: ARG001 - signal API
    raise DocumentTimeout


@contextmanager
def _alarm_handler() -> Iterator[None]:
    """Our alarm handler while a batch runs in this process; the previous one restored after."""
    if not _can_alarm():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        yield
    finally:
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _time_budget(seconds: float) -> Iterator[None]:
    """Raise ``DocumentTimeout`` in this block after ``seconds``, and again every second after
    that, in case a library catches the first one; disarmed whatever happens."""
    armed = seconds > 0 and _can_alarm() and signal.getsignal(signal.SIGALRM) is _on_alarm
    if armed:
        _deadline[0] = time.monotonic() + seconds + max(WATCHDOG_GRACE, seconds)
        signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    try:
        yield
    finally:
        if armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            _deadline[0] = 0.0


def _can_alarm() -> bool:
    """Signals exist on this platform and we are the main thread (the only one they reach)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class _Pool(Generic[Out]):
    """Worker processes fed a bounded window of chunks; results in input order.

    When a worker dies, the pool is restarted and the chunk it held is run again one document
    at a time, so only the document that kills a worker becomes an error record.
    """

    def __init__(self, settings: Settings, finish: Callable[[Result], Out]) -> None:
        self.settings = settings
        self.finish = finish
        _warm_up()  # here, once: forked workers inherit the built tables (and share their pages)
        self.executor = self._start()
        self.executor.submit(int).result()  # every worker started now (see ``run_batch``)

    def run(self, tasks: Iterable[Task]) -> Generator[Out, None, None]:
        """Submit chunks as the window allows; yield the oldest chunk's results when ready."""
        pending: deque[tuple[list[Task], Future[list[Out]]]] = deque()
        finished = False
        try:
            for chunk in _chunks(tasks):
                pending.append((chunk, self._submit(chunk)))
                if len(pending) >= self.settings.jobs * WINDOW_PER_JOB:
                    yield from self._collect(pending)
            while pending:
                yield from self._collect(pending)
            finished = True
        finally:
            self._stop(terminate=not finished)

    def _collect(self, pending: deque[tuple[list[Task], Future[list[Out]]]]) -> list[Out]:
        chunk, future = pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            log.debug("a worker died; running its chunk again one document at a time")
            self._restart()
            results = [self._run_alone(task) for task in chunk]
            for index, (waiting, _) in enumerate(pending):  # their futures broke with the pool
                pending[index] = (waiting, self._submit(waiting))
            return results

    def _run_alone(self, task: Task) -> Out:
        try:
            return self._submit([task]).result()[0]
        except BrokenProcessPool:
            self._restart()
            info = ErrorInfo(type="WorkerCrashed", message=_CRASHED)
            return self.finish(ErrorRecord(id=task.doc_id, source=task.source, error=info))

    def _submit(self, chunk: list[Task]) -> Future[list[Out]]:
        return self.executor.submit(_process_chunk, chunk, self.settings, self.finish)

    def _start(self) -> ProcessPoolExecutor:
        # fork on Linux: workers start in milliseconds and share the parent's built tables;
        # elsewhere the platform's default (spawn: each worker imports and warms up itself)
        context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
        return ProcessPoolExecutor(
            self.settings.jobs,
            mp_context=context,
            initializer=_init_worker,
            initargs=(self.settings,),
        )

    def _restart(self) -> None:
        self._stop(terminate=True)
        self.executor = self._start()

    def _stop(self, *, terminate: bool) -> None:
        """Shut the pool down; when interrupted, end the workers now rather than after their
        current chunk (``ProcessPoolExecutor`` has no public terminate before Python 3.14)."""
        if terminate:
            _end_workers(self.executor)
        self.executor.shutdown(wait=True, cancel_futures=terminate)


def _end_workers(executor: ProcessPoolExecutor) -> None:
    """End the workers of ``executor`` and release its manager thread.

    Why the pipe is closed: a worker ended in the middle of sending a chunk's results leaves the
    head of a message on the result pipe, and the manager thread then waits for the rest; the
    parent holds the pipe's write end too, so that wait would never see the end of the pipe and
    ``shutdown`` would wait for the thread forever. Once the workers are gone, closing the
    parent's end makes the read fail, and the pool shuts down as a broken one.
    """
    processes = list(getattr(executor, "_processes", {}).values())
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(WATCHDOG_GRACE)
        if process.is_alive():
            process.kill()
            process.join()
    results = getattr(executor, "_result_queue", None)
    if results is not None:
        results._writer.close()


def _chunks(tasks: Iterable[Task]) -> Iterator[list[Task]]:
    """Tasks grouped by ``CHUNK_DOCS``, a group closed early once it carries ``CHUNK_BYTES``."""
    chunk: list[Task] = []
    size = 0
    for task in tasks:
        chunk.append(task)
        size += len(task.payload)
        if len(chunk) >= CHUNK_DOCS or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk
