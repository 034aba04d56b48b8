"""Word-segmented research corpora ("làng_nghề", "Hà_Nội : 40/65", spaces before punctuation)
give the same facts as the same text written plainly, with spans into the text as given."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from langnghe_extract.models import Record
from langnghe_extract.pipeline import extract_document

ROOT = Path(__file__).resolve().parents[1]
SEGMENTED = (ROOT / "fixtures" / "vnews_segmented.txt").read_text(encoding="utf-8")
CORPUS = ROOT.parent / "shared" / "corpus"


def facts_of(record: Record) -> list[tuple[Any, ...]]:
    """Each fact without its span and quote, phrases compared without underscores."""

    def plain(value: str | None) -> str | None:
        return value.replace("_", " ") if value else value

    return [
        (f.kind, f.value, f.value_max, plain(f.unit), f.qualifier, f.status, f.per, f.year,
         f.period, f.category, f.stars, plain(f.measure), plain(f.place))
        for f in record.facts
    ]  # fmt: skip


def test_segmented_text_gives_the_facts_of_the_plain_text() -> None:
    # GIVEN our word-segmented article and the same article with "_" read as spaces
    segmented = extract_document(SEGMENTED)
    plain = extract_document(SEGMENTED.replace("_", " "))
    assert isinstance(segmented, Record)
    assert isinstance(plain, Record)
    # THEN the facts, title, author and provinces are the same
    assert facts_of(segmented) == facts_of(plain)
    assert (
        segmented.title
        == plain.title
        == ("Hải Dương : 62 làng nghề được công nhận , thu hút hơn 35.000 lao động")
    )
    assert segmented.author == plain.author == "Minh Hải"
    assert segmented.provinces == plain.provinces
    # AND every quote is the segmented text at its span
    assert "làng_nghề" in segmented.text
    for fact in segmented.facts:
        assert segmented.text[fact.span[0] : fact.span[1]] == fact.quote


def corpus_pairs() -> list[str]:
    folder = CORPUS / "articles_detok"
    return sorted(p.name for p in folder.glob("vnews-*.txt")) if folder.is_dir() else []


@pytest.mark.skipif(not corpus_pairs(), reason="../shared/corpus is not here")
def test_shared_corpus_segmented_and_detokenised_agree() -> None:
    # Kinds and values must agree; a measure may differ where "trị_giá" (value) is one word in
    # the segmented text but "trị giá" lets "giá" (price) match in the plain one.
    differing = []
    for name in corpus_pairs():
        seg = extract_document((CORPUS / "articles" / name).read_bytes(), doc_id=name)
        det = extract_document((CORPUS / "articles_detok" / name).read_bytes(), doc_id=name)
        assert isinstance(seg, Record)
        assert isinstance(det, Record)
        if [f[:2] for f in facts_of(seg)] != [f[:2] for f in facts_of(det)]:
            differing.append(name)
    assert differing == []
