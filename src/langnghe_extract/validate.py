"""Validate stage: build the ``Record`` model, whose validators enforce what SPEC.md promises
(every quote is ``text[span]``, facts in order), and drop overlapping duplicates first."""

from __future__ import annotations

from langnghe_extract.models import Fact


def drop_overlaps(facts: list[Fact]) -> list[Fact]:
    """Keep the first of facts whose spans overlap; two facts never quote the same figure.

    >>> from langnghe_extract.models import Kind
    >>> a = Fact(kind=Kind.WORKERS, value=5, unit="hộ", span=(0, 4), quote="5 hộ")
    >>> b = Fact(kind=Kind.HOUSEHOLDS, value=5, unit="hộ", span=(2, 4), quote="hộ")
    >>> [f.kind.value for f in drop_overlaps([a, b])]
    ['workers']
    """
    kept: list[Fact] = []
    for fact in sorted(facts, key=lambda f: f.span):
        if kept and fact.span[0] < kept[-1].span[1]:
            continue
        kept.append(fact)
    return kept
