"""The charts of ``langnghe report``, drawn with matplotlib as inline SVG.

matplotlib is the optional ``report`` extra: imported only here, only when a report is built, with
the message of ``MissingExtraError`` when it is absent. Figures are made with ``Figure`` directly
(no pyplot, no GUI backend), so drawing works headless and leaves no global state behind.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

from langnghe_extract.models import Kind, Record, Status
from langnghe_extract.tabular import MissingExtraError

STATUS_COLOURS = {Status.ACTUAL: "#2b8a3e", Status.TARGET: "#1971c2", Status.FORECAST: "#e8590c"}
TOP_PROVINCES = 15


def draw_charts(records: list[Record]) -> str:
    """Inline SVG: facts per kind split by status, and villages per province when any.

    >>> from langnghe_extract import extract_document
    >>> svg = draw_charts([extract_document("Nam Định\\n\\nTỉnh Nam Định có 87 làng nghề.")])
    >>> svg.startswith("<svg") and "villages" in svg
    True
    """
    figure_class, rc_context = _import_matplotlib()
    villages = largest_villages(records)
    rows = 2 if villages else 1
    figure = figure_class(figsize=(7, 2.6 * rows), layout="constrained")
    axes = figure.subplots(rows, 1, squeeze=False)[:, 0]
    _draw_kinds(axes[0], records)
    if villages:
        _draw_villages(axes[1], villages)
    buffer = io.StringIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "langnghe"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def largest_villages(records: list[Record]) -> dict[str, int]:
    """Per province, the largest actual count of craft villages any article states.

    Largest, not summed: articles about one province repeat the same total.
    """
    largest: dict[str, int] = {}
    for record in records:
        if record.province is None:
            continue
        for fact in record.facts:
            if fact.kind is Kind.VILLAGES and fact.status is Status.ACTUAL:
                name = record.province.name
                largest[name] = max(largest.get(name, 0), int(fact.value))
    return dict(sorted(largest.items(), key=lambda item: -item[1])[:TOP_PROVINCES])


def _draw_kinds(axes: Any, records: list[Record]) -> None:
    counts = Counter((fact.kind, fact.status) for record in records for fact in record.facts)
    kinds = [kind.value for kind in Kind]
    left = [0] * len(kinds)
    for status, colour in STATUS_COLOURS.items():
        widths = [counts[(kind, status)] for kind in Kind]
        axes.barh(kinds, widths, left=left, color=colour, label=status.value)
        left = [a + b for a, b in zip(left, widths, strict=True)]
    axes.invert_yaxis()
    axes.set_title("Facts by kind and status")
    axes.set_xlabel("facts")
    axes.legend(loc="lower right", frameon=False)


def _draw_villages(axes: Any, villages: dict[str, int]) -> None:
    names = [name.replace("$", r"\$") for name in villages]  # no mathtext from data
    axes.barh(names, list(villages.values()), color=STATUS_COLOURS[Status.ACTUAL])
    axes.invert_yaxis()
    axes.set_title("Craft villages per province (largest actual figure stated)")
    axes.set_xlabel("villages")


def _import_matplotlib() -> tuple[Any, Any]:
    try:
        from matplotlib import rc_context  # noqa: PLC0415 — optional extra
        from matplotlib.figure import Figure  # noqa: PLC0415
    except ImportError:
        message = "the report's chart needs matplotlib: pip install 'langnghe-extract[report]'"
        raise MissingExtraError(message) from None
    return Figure, rc_context
