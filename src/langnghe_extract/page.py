"""The working state of the clean stage: a document's lines, which are kept, and what was cut.

Every line rule (``clean.RULES``, ``furniture``) reads and marks a ``Page``; lines are never
reordered, so a cut traces back to one line of the input.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from langnghe_extract.html import BODY_PARAGRAPH
from langnghe_extract.models import Format

HEADER_ZONE_LINES = 15  # title, dates, menus and captions sit in the first few lines


@dataclass(frozen=True)
class Cut:
    """One line a rule removed: the rule's name, the line's index, its text."""

    rule: str
    line: int
    text: str


@dataclass
class Page:
    """The working state the rules share: lines (never reordered) and which are still kept."""

    lines: list[str]
    fmt: Format
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    title_index: int | None = None
    late_author: str | None = None  # trafilatura's, used when no byline names anyone
    late_published: str | None = None  # htmldate's, used when no meta tag or date line gives one
    warnings: list[str] = field(default_factory=list)
    cuts: list[Cut] = field(default_factory=list)
    keep: list[bool] = field(default_factory=list)
    _kept: list[int] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.keep = [bool(line) for line in self.lines]

    def cut(self, index: int, rule: str) -> None:
        """Drop one line, remembering which rule did it."""
        if self.keep[index]:
            self.keep[index] = False
            self._kept = None
            self.cuts.append(Cut(rule, index, self.lines[index]))

    def kept(self) -> list[int]:
        """Indices of the lines still kept (empty lines are never kept).

        Remembered until the next cut (every rule asks, most cut nothing); a copy is returned,
        so a caller may change its list. ``keep`` is changed only through ``cut``.
        """
        if self._kept is None:
            self._kept = [i for i, keep in enumerate(self.keep) if keep]
        return self._kept.copy()

    def first_body_line(self) -> int | None:
        """The first kept line after the headline, where datelines and agency prefixes stand;
        ``None`` when nothing follows it."""
        return next(
            (i for i in self.kept() if self.title_index is None or i > self.title_index), None
        )

    def header_zone(self) -> list[int]:
        """Kept lines before the first body paragraph: where titles, dates and menus sit."""
        zone: list[int] = []
        for i in self.kept():
            if len(self.lines[i]) >= BODY_PARAGRAPH or len(zone) >= HEADER_ZONE_LINES:
                break
            zone.append(i)
        return zone

    def text(self) -> str:
        """The kept lines joined with newlines, NFC."""
        lines = self.lines
        body = "\n".join([lines[i] for i in self.kept()])  # a list: join's fast path
        return unicodedata.normalize("NFC", body)
