"""One base exception for everything the tool raises on purpose, with subclasses per stage.

Each carries the ``source`` it concerns, so a batch can turn it into an error record (SPEC.md) that
says which document failed and why, instead of a traceback.
"""

from __future__ import annotations


class LangngheError(Exception):
    """Base class: a document or an input the tool cannot process, with a message for the user."""

    def __init__(self, message: str, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source


class ReadError(LangngheError):
    """The input could not be read or decoded into text (missing, unreadable, binary, empty)."""


class DataError(LangngheError):
    """A packaged data table is missing, malformed or inconsistent (a bug in the release)."""


class ExtractError(LangngheError):
    """The pipeline produced something the contract forbids (a bug, reported per document)."""
