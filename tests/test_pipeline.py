"""The pipeline as one function: what a stage learns reaches the later stages."""

from __future__ import annotations

from langnghe_extract.models import Record
from langnghe_extract.pipeline import process
from langnghe_extract.read import RawDocument, read_bytes

DATED = """Hà Nam: Thêm làng nghề được công nhận
Thứ hai, ngày 17 tháng 6 năm 2024 | 20:44
Trong năm nay, toàn tỉnh có thêm 5 làng nghề được công nhận.
Đến năm 2027, tỉnh sẽ có 80 làng nghề.
"""


def _record(text: str) -> Record:
    raw = read_bytes(text.encode(), source="t.txt", doc_id="t")
    assert isinstance(raw, RawDocument)
    return process(raw)


def test_the_date_line_dates_this_year() -> None:
    """``trong năm nay`` is the year of the article's own date line."""
    record = _record(DATED)
    assert record.published is not None
    assert record.published.startswith("2024-06-17")
    first = record.facts[0]
    assert (first.value, first.year, first.status) == (5, 2024, "actual")


def test_a_deadline_after_the_date_is_a_target() -> None:
    """``đến năm 2027 … sẽ có`` in an article of 2024: a target for 2027."""
    plan = _record(DATED).facts[-1]
    assert (plan.value, plan.status, plan.year) == (80, "target", 2027)
