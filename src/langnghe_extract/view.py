"""The terminal view of ``langnghe show``: the cleaned article with each fact highlighted by
kind, then a table of its facts, so a reader checks every figure against its sentence.

Built from rich ``Text`` objects (never markup strings), so brackets in an article are shown as
written. Rich writes colours only to a terminal; piped or redirected, the same view is plain text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from rich.console import Console, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from langnghe_extract.display import format_value
from langnghe_extract.models import ErrorRecord, Kind, Record

KIND_STYLES = {
    Kind.VILLAGES: "bold black on bright_green",
    Kind.CRAFTS: "black on green",
    Kind.WORKERS: "bold black on bright_cyan",
    Kind.HOUSEHOLDS: "black on cyan",
    Kind.ARTISANS: "black on bright_magenta",
    Kind.ESTABLISHMENTS: "black on bright_blue",
    Kind.OCOP_PRODUCTS: "bold black on bright_yellow",
    Kind.PRODUCTS: "black on yellow",
    Kind.MONEY: "bold black on bright_red",
    Kind.PERCENT: "black on magenta",
}


def show_records(records: Iterable[Record | ErrorRecord], out: TextIO) -> int:
    """Print each record's view to ``out``; return how many were error records.

    >>> import io
    >>> from langnghe_extract import extract_document
    >>> out = io.StringIO()
    >>> show_records([extract_document("Làng nghề\\n\\nCó 118 làng nghề.")], out)
    0
    >>> "villages" in out.getvalue() and "118 làng nghề" in out.getvalue()
    True
    """
    console = Console(file=out, highlight=False)
    errors = 0
    for record in records:
        errors += isinstance(record, ErrorRecord)
        for part in render_record(record):
            # Piped, the article keeps its lines whole (for grep); a terminal gets rich's wrapping.
            console.print(part, soft_wrap=isinstance(part, Text) and not console.is_terminal)
    return errors


def render_record(record: Record | ErrorRecord) -> list[RenderableType]:
    """A record as renderables: heading, highlighted text, legend and fact table."""
    if isinstance(record, ErrorRecord):
        return [
            Rule(Text(record.source), align="left"),
            Text(f"{record.error.type}: {record.error.message}", style="bold red"),
        ]
    return [
        Rule(Text(record.title or record.id), align="left"),
        _describe(record),
        Text(""),
        highlight_facts(record),
        Text(""),
        _legend(record),
        fact_table(record),
    ]


def highlight_facts(record: Record) -> Text:
    """The cleaned text with each fact's span in its kind's style."""
    text = Text(record.text)
    for fact in record.facts:
        text.stylize(KIND_STYLES[fact.kind], *fact.span)
    return text


def fact_table(record: Record) -> Table:
    """Kind, value (Vietnamese style), status, year and quote of each fact, in text order."""
    table = Table(title=f"{len(record.facts)} fact(s)", title_justify="left", show_lines=False)
    for column in ("kind", "value", "status", "year", "quote"):
        table.add_column(column, overflow="fold")
    for fact in record.facts:
        table.add_row(
            Text(fact.kind.value, style=KIND_STYLES[fact.kind]),
            Text(format_value(fact)),
            Text(fact.status.value),
            Text(str(fact.year) if fact.year is not None else _period(fact.period)),
            Text(fact.quote),
        )
    return table


def _describe(record: Record) -> Text:
    province = record.province
    place = f"{province.name} ({province.code}, now {province.current})" if province else "—"
    parts = [record.source, f"province: {place}"]
    if record.published:
        parts.append(f"published: {record.published}")
    return Text(" · ".join(parts), style="dim")


def _legend(record: Record) -> Text:
    legend = Text("kinds: ")
    for kind in dict.fromkeys(fact.kind for fact in record.facts):
        legend.append(kind.value, style=KIND_STYLES[kind]).append(" ")
    return legend


def _period(period: tuple[int, int] | None) -> str:
    return f"{period[0]}–{period[1]}" if period else ""
