"""Whatever it is given, ``extract_document`` returns a record or an error record, never raises,
and every fact it reports points at its own quote in the record's text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import number_phrases, vietnamese_texts

from langnghe_extract import ErrorRecord, Record, extract_document

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def check(result: Record | ErrorRecord) -> None:
    assert isinstance(result, Record | ErrorRecord)
    if isinstance(result, ErrorRecord):
        assert result.error.type
        assert result.error.message
        assert result.error.type != "InternalError", result.error.message
        return
    previous = (-1, -1)
    for fact in result.facts:
        start, end = fact.span
        assert 0 <= start < end <= len(result.text)
        assert result.text[start:end] == fact.quote
        assert fact.span >= previous
        previous = fact.span


@SETTINGS
@given(st.text(max_size=400))
def test_random_unicode_never_crashes(text: str) -> None:
    check(extract_document(text))


@SETTINGS
@given(st.binary(max_size=400))
def test_random_bytes_never_crash(data: bytes) -> None:
    check(extract_document(data))


@SETTINGS
@given(vietnamese_texts())
def test_number_phrases_in_text_never_crash(text: str) -> None:
    check(extract_document(text))


@SETTINGS
@given(st.lists(number_phrases(), min_size=1, max_size=8), st.sampled_from([", ", "; ", " và "]))
def test_lists_of_number_phrases_give_facts_with_valid_spans(phrases: list[str], sep: str) -> None:
    text = "Thanh Hóa: Làng nghề\n\nToàn tỉnh có " + sep.join(phrases) + "."
    result = extract_document(text)
    assert isinstance(result, Record)
    check(result)
