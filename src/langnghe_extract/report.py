"""``langnghe report``: one self-contained HTML page to check every figure before citing it.

The page holds a summary per province (split by status), the charts (``chart.py``, inline SVG),
the error records, and every article with its facts highlighted in place. Articles travel as one
JSON data block and are drawn a page at a time by a small script, so 5,000 articles stay usable.
Nothing is fetched: CSS, script, chart and data are all inside the file.

Escaping: everything written into HTML goes through ``html.escape``; the data block is JSON with
``<``, ``>`` and ``&`` written as ``\\u003c`` … so no ``</script>`` in an article can end it; the
script builds the articles with ``textContent``, never ``innerHTML``.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from html import escape
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

from pydantic import ValidationError

from langnghe_extract.chart import draw_charts
from langnghe_extract.display import format_number, format_value
from langnghe_extract.errors import ReadError
from langnghe_extract.models import ErrorRecord, Fact, Kind, Record, Status
from langnghe_extract.read import STDIN

SUMMARY_KINDS = (
    Kind.VILLAGES,
    Kind.WORKERS,
    Kind.HOUSEHOLDS,
    Kind.ESTABLISHMENTS,
    Kind.OCOP_PRODUCTS,
)
NO_PROVINCE = "(no province)"
Cell = list[Fact]


def load_records(source: str) -> list[Record | ErrorRecord]:
    """The records of a JSON Lines file written by ``langnghe extract`` (``-`` for stdin)."""
    try:
        if source == STDIN:
            lines = sys.stdin.read().splitlines()
        else:
            lines = Path(source).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ReadError(f"cannot read {source}: {exc}", source) from None
    return [_parse_line(line, source, number) for number, line in _numbered(lines)]


def _numbered(lines: list[str]) -> Iterator[tuple[int, str]]:
    return ((number, line) for number, line in enumerate(lines, 1) if line.strip())


def _parse_line(line: str, source: str, number: int) -> Record | ErrorRecord:
    try:
        data = json.loads(line)
        if isinstance(data, dict) and "error" in data:
            return ErrorRecord.model_validate(data)
        return Record.model_validate(data)
    except (ValueError, ValidationError) as exc:
        first = str(exc).splitlines()[0]
        message = f"{source} line {number} is not a record of langnghe extract ({first})"
        raise ReadError(message, source) from None


def build_report(records: list[Record | ErrorRecord]) -> str:
    """The whole page as one string.

    >>> from langnghe_extract import extract_document
    >>> page = build_report([extract_document("Có 118 làng nghề <b>.", doc_id="a")])
    >>> page.startswith("<!DOCTYPE html>") and "<b>" not in page
    True
    """
    documents = [record for record in records if isinstance(record, Record)]
    failures = [record for record in records if isinstance(record, ErrorRecord)]
    facts = sum(len(record.facts) for record in documents)
    return _template("report.html").substitute(
        css=_asset("report.css"),
        js=_asset("report.js"),
        counts=escape(f"{len(documents)} articles, {facts} facts, {len(failures)} error records"),
        summary=summary_table(documents),
        charts=draw_charts(documents),
        errors=_error_table(failures),
        data=_json_for_script([article_data(record) for record in documents]),
    )


def summary_table(records: Iterable[Record]) -> str:
    """Per province and status: the largest figure of each kind and how many figures there are.

    Largest, not summed, because articles about one province repeat its totals.
    """
    cells: dict[tuple[str, Status], dict[tuple[str, str], Cell]] = defaultdict(
        lambda: defaultdict(list)
    )
    for record in records:
        name = _province_label(record)
        for fact in record.facts:
            if fact.kind in SUMMARY_KINDS:
                cells[(name, fact.status)][(fact.kind.value, "")].append(fact)
            elif fact.kind is Kind.MONEY:  # one line per measure and rate
                cells[(name, fact.status)][(fact.measure or "", fact.per or "")].append(fact)
    heads = ["province", "status", *(kind.value for kind in SUMMARY_KINDS), "money by measure"]
    rows = [
        _summary_row(name, status, row)
        for (name, status), row in sorted(cells.items(), key=lambda item: _row_order(item[0]))
    ]
    head = "".join(f"<th>{escape(text)}</th>" for text in heads)
    body = "".join(rows)
    return f'<table class="summary"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _summary_row(name: str, status: Status, row: dict[tuple[str, str], Cell]) -> str:
    kinds = "".join(f"<td>{_cell(row.pop((kind.value, ''), []))}</td>" for kind in SUMMARY_KINDS)
    money = [
        f"<div>{escape(measure or 'money')}: {_cell(facts)}</div>"
        for (measure, _), facts in sorted(row.items())
    ]
    status_cell = f'<td class="status s-{status.value}">{status.value}</td>'
    return f"<tr><th>{escape(name)}</th>{status_cell}{kinds}<td>{''.join(money)}</td></tr>"


def _cell(facts: Cell) -> str:
    if not facts:
        return ""
    largest = max(facts, key=lambda fact: fact.value)
    tip = escape("; ".join(f"{format_value(fact)} — {fact.quote}" for fact in facts))
    count = f' <span class="n">×{len(facts)}</span>' if len(facts) > 1 else ""
    return f'<span title="{tip}">{escape(format_value(largest))}</span>{count}'


def _row_order(key: tuple[str, Status]) -> tuple[bool, str, int]:
    name, status = key
    return (name == NO_PROVINCE, name, list(Status).index(status))


def _province_label(record: Record) -> str:
    province = record.province
    if province is None:
        return NO_PROVINCE
    if province.current != province.name:
        return f"{province.name} → {province.current}"
    return province.name


def article_data(record: Record) -> dict[str, Any]:
    """What the page's script needs to draw one article: its text cut at the fact spans.

    ``segments`` alternate plain text (fact -1) and fact quotes (their index), so the script
    never counts characters (JavaScript counts UTF-16 units, SPEC.md spans count code points).

    >>> from langnghe_extract import extract_document
    >>> data = article_data(extract_document("Có 118 làng nghề.", doc_id="a"))
    >>> data["segments"], data["facts"][0]["value"]
    ([['Có ', -1], ['118 làng nghề', 0], ['.', -1]], '118 làng nghề')
    """
    return {
        "id": record.id,
        "title": record.title or record.id,
        "source": record.source,
        "url": record.url,
        "published": record.published,
        "province": _province_label(record),
        "kinds": sorted({fact.kind.value for fact in record.facts}),
        "segments": list(_segments(record)),
        "facts": [_fact_data(fact) for fact in record.facts],
    }


def _segments(record: Record) -> Iterator[list[Any]]:
    position = 0
    for index, fact in enumerate(record.facts):
        start, end = fact.span
        if start > position:
            yield [record.text[position:start], -1]
        yield [record.text[start:end], index]
        position = end
    if position < len(record.text):
        yield [record.text[position:], -1]


def _fact_data(fact: Fact) -> dict[str, Any]:
    period = f"{fact.period[0]}–{fact.period[1]}" if fact.period else None
    return {
        "kind": fact.kind.value,
        "value": format_value(fact),
        "number": format_number(fact.value),
        "unit": fact.unit,
        "qualifier": fact.qualifier.value,
        "status": fact.status.value,
        "year": fact.year,
        "period": period,
        "category": fact.category,
        "stars": fact.stars,
        "measure": fact.measure,
        "place": fact.place,
        "quote": fact.quote,
    }


def _error_table(failures: list[ErrorRecord]) -> str:
    if not failures:
        return "<p>No error records.</p>"
    rows = "".join(
        f"<tr><td>{escape(item.source)}</td><td>{escape(item.error.type)}</td>"
        f"<td>{escape(item.error.message)}</td></tr>"
        for item in failures
    )
    head = "<tr><th>source</th><th>error</th><th>message</th></tr>"
    return f'<table class="errors"><thead>{head}</thead><tbody>{rows}</tbody></table>'


def _json_for_script(value: Any) -> str:
    """JSON safe inside ``<script>``: ``<``, ``>``, ``&`` only ever appear escaped.

    >>> _json_for_script(["</script><!--"])
    '["\\\\u003c/script\\\\u003e\\\\u003c!--"]'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _asset(name: str) -> str:
    return resources.files("langnghe_extract.assets").joinpath(name).read_text(encoding="utf-8")


def _template(name: str) -> Template:
    return Template(_asset(name))
