"""What a batch tells the person waiting for it, on standard error: a progress bar while it runs
(only on a terminal: a log file gets no bar) and a one-line summary at the end.

rich is imported only when a bar is drawn, so a piped run does not pay for it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from langnghe_extract.emit import RenderedRecord
from langnghe_extract.models import ErrorRecord, Record

if TYPE_CHECKING:
    from rich.progress import Task as RichTask
    from rich.text import Text


@dataclass
class Tally:
    """Counts of a batch so far, for the summary line and the interruption message."""

    documents: int = 0
    facts: int = 0
    errors: int = 0
    started: float = field(default_factory=time.monotonic)

    def add(self, record: Record | ErrorRecord | RenderedRecord) -> None:
        """Count one written record."""
        self.documents += 1
        if isinstance(record, RenderedRecord):
            self.errors += record.error
            self.facts += record.facts
        elif isinstance(record, ErrorRecord):
            self.errors += 1
        else:
            self.facts += len(record.facts)

    def summary(self) -> str:
        """One line: documents, facts, errors, seconds and rate.

        >>> Tally(documents=1200, facts=3456, errors=2, started=time.monotonic() - 2).summary()
        '1,200 documents, 3,456 facts, 2 errors in 2.0 s (600 documents/s)'
        """
        seconds = max(time.monotonic() - self.started, 1e-9)
        rate = self.documents / seconds
        return (
            f"{self.documents:,} documents, {self.facts:,} facts, {self.errors:,} errors "
            f"in {seconds:.1f} s ({rate:,.0f} documents/s)"
        )


@contextmanager
def progress_bar(total: int | None, *, enabled: bool) -> Iterator[Callable[[], None]]:
    """Yield a function to call once per document; it draws a bar when ``enabled``.

    With ``total`` known (plain files) the bar shows an ETA; inside JSON Lines or WARC files the
    count is only known at the end, so it shows the count and the rate.
    """
    if not enabled:
        yield _nothing
        return
    from rich.console import Console  # noqa: PLC0415 - only on a terminal
    from rich.progress import (  # noqa: PLC0415
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text  # noqa: PLC0415

    class RateColumn(ProgressColumn):
        """Documents per second (rich's own speed column counts bytes)."""

        def render(self, task: RichTask) -> Text:
            speed = task.finished_speed or task.speed or 0.0
            return Text(f"{speed:,.0f} docs/s")

    columns: list[ProgressColumn] = [TextColumn("extracting"), BarColumn(), MofNCompleteColumn()]
    columns += [RateColumn(), TimeElapsedColumn()]
    if total is not None:
        columns.append(TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("extracting", total=total)
        yield lambda: bar.advance(task)


def _nothing() -> None:
    """No bar: standard error is not a terminal, or --quiet."""
