"""Pydantic models of the output contract (``shared/SPEC.md``, schema 1).

Field order here *is* the key order of the emitted JSON, so it follows SPEC.md's tables exactly.
States the contract forbids are made unrepresentable by validators: a fact whose ``quote`` is not
``text[span]``, facts out of order, a range whose upper bound is below its lower bound.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION: Literal["1"] = "1"


class Kind(StrEnum):
    """What a fact counts or measures (SPEC.md, "Kinds")."""

    VILLAGES = "villages"
    CRAFTS = "crafts"
    WORKERS = "workers"
    HOUSEHOLDS = "households"
    ARTISANS = "artisans"
    ESTABLISHMENTS = "establishments"
    OCOP_PRODUCTS = "ocop_products"
    PRODUCTS = "products"
    MONEY = "money"
    PERCENT = "percent"


class Qualifier(StrEnum):
    """How exact a figure is: hơn/trên → over, dưới → under, khoảng/gần → about, hàng → order."""

    EXACT = "exact"
    OVER = "over"
    UNDER = "under"
    ABOUT = "about"
    ORDER = "order"


class Status(StrEnum):
    """Whether the figure is achieved, planned or predicted."""

    ACTUAL = "actual"
    TARGET = "target"
    FORECAST = "forecast"


Format = Literal["text", "html", "pdf-text", "pdf"]
Number = int | float


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Province(_Strict):
    """A province as the article names it, its code, and its unit after 1 July 2025."""

    name: str
    code: str = Field(pattern=r"^\d{2}$")
    current: str


class Fact(_Strict):
    """One figure found in the text, with everything needed to interpret and locate it."""

    kind: Kind
    value: Number
    value_max: Number | None = None
    unit: str
    qualifier: Qualifier = Qualifier.EXACT
    status: Status = Status.ACTUAL
    per: str | None = None
    year: int | None = None
    period: tuple[int, int] | None = None
    category: str | None = None
    stars: int | None = Field(default=None, ge=1, le=5)
    measure: str | None = None
    place: str | None = None
    span: tuple[int, int]
    quote: str

    @model_validator(mode="after")
    def _check_consistency(self) -> Fact:
        start, end = self.span
        if not 0 <= start < end:
            raise ValueError(f"span {self.span} is empty or negative")
        if len(self.quote) != end - start:
            raise ValueError(f"quote length {len(self.quote)} does not match span {self.span}")
        if self.value_max is not None and self.value_max < self.value:
            raise ValueError(f"value_max {self.value_max} is below value {self.value}")
        if self.period is not None and self.period[0] > self.period[1]:
            raise ValueError(f"period {self.period} runs backwards")
        return self


class Record(_Strict):
    """The extraction result for one document: metadata, cleaned text and facts pointing into it."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    id: str
    source: str
    url: str | None = None
    format: Format
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    title: str | None = None
    author: str | None = None
    published: str | None = None
    province: Province | None = None
    provinces: list[Province] = Field(default_factory=list)
    text: str
    facts: list[Fact] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check_facts_point_into_text(self) -> Record:
        previous = (-1, -1)
        for fact in self.facts:
            start, end = fact.span
            if end > len(self.text) or self.text[start:end] != fact.quote:
                raise ValueError(f"fact quote {fact.quote!r} is not text[{start}:{end}]")
            if fact.span < previous:
                raise ValueError("facts are not in order of position in text")
            previous = fact.span
        return self


class ErrorInfo(_Strict):
    """Why a document yielded no record: an exception class name and a message saying what to do."""

    type: str
    message: str


class ErrorRecord(_Strict):
    """The line written for a document that could not be read or processed."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    id: str
    source: str
    error: ErrorInfo
