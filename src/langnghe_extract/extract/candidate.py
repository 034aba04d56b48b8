"""The typed object extractors hand to the context and normalise stages."""

from __future__ import annotations

from dataclasses import dataclass

from langnghe_extract.extract.numbers import NumberMatch
from langnghe_extract.models import Kind


@dataclass(frozen=True)
class Candidate:
    """A number attached to what it counts or measures, before its frame is known.

    ``start``/``end`` delimit the quote: the number with its qualifier, unit and counted noun.
    ``rule`` names the extractor rule that made it, so a wrong fact traces back to one rule.
    """

    kind: Kind
    number: NumberMatch
    unit: str
    start: int
    end: int
    rule: str
    category: str | None = None
    stars: int | None = None
    per: str | None = None
    measure: str | None = None
