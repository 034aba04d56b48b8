"""Read stage: inputs (files, directories, JSON Lines, stdin) → decoded ``RawDocument`` objects.

Vietnamese documents arrive in many encodings; we decode strictly as UTF-8 first (with or without
BOM, or UTF-16 with BOM), and only then guess with charset-normalizer, saying so in a warning. The
text is NFC-normalised here so that every later stage, and every span, sees one form.
"""

from __future__ import annotations

import hashlib
import json
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import regex

from langnghe_extract.errors import ReadError
from langnghe_extract.models import Format

DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
STDIN = "-"

_HTML_SNIFF = regex.compile(
    r"""\A\s*+(?:<!doctype\s++html|<html\b|<head\b|<body\b|<meta\b|<!--)   # a page's opening
      | <(?:p|div|article|h1|span|br)\b[^>]{0,200}+>                      # or body markup
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
# PDF-extracted text announces itself by running page headers ("Page 208 - …", "P. 208").
_PDF_SNIFF = regex.compile(r"(?m)^(?:Page\s++\d++\b|P\.\s?+\d++[ \t]*+$)")
_BINARY_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f]")
_EMPTY_MESSAGE = "the document is empty: there is no text to extract"
_BINARY_MESSAGE = "the document looks binary (control bytes): is it really text or HTML?"


@dataclass(frozen=True)
class RawDocument:
    """One document as read: decoded NFC text (or HTML markup) plus what the input said about it."""

    id: str
    source: str
    sha256: str
    format: Format
    text: str
    url: str | None = None
    published: str | None = None
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class ReadFailure:
    """A document that could not be read; becomes an error record, the batch goes on."""

    id: str
    source: str
    error: ReadError


def find_documents(inputs: Iterable[str]) -> list[str]:
    """Expand directories into their document files, sorted, so a run is deterministic.

    Files named explicitly are kept whatever their suffix (the user asked for them); a directory
    is walked recursively for ``.txt``, ``.html``, ``.htm`` and ``.jsonl`` files.
    """
    found: list[str] = []
    for item in inputs:
        path = Path(item)
        if item != STDIN and path.is_dir():
            found.extend(
                str(p)
                for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
            )
        else:
            found.append(item)
    return found


def iter_documents(paths: Iterable[str]) -> Iterator[RawDocument | ReadFailure]:
    """Yield one item per document: a file is one document, a JSON Lines file one per line."""
    for source in paths:
        try:
            data = _read_bytes(source)
        except ReadError as exc:
            yield ReadFailure(_stem(source), source, exc)
            continue
        if source != STDIN and source.lower().endswith(".jsonl"):
            yield from _iter_jsonl(source, data)
        else:
            yield read_bytes(data, source=source, doc_id=_stem(source))


def read_bytes(data: bytes, *, source: str, doc_id: str) -> RawDocument | ReadFailure:
    """Decode one document's bytes and recognise its format."""
    try:
        text, warnings = decode_bytes(data)
    except ReadError as exc:
        exc.source = source
        return ReadFailure(doc_id, source, exc)
    return RawDocument(
        id=doc_id,
        source=source,
        sha256=hashlib.sha256(data).hexdigest(),
        format=sniff_format(text),
        text=text,
        warnings=tuple(warnings),
    )


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Return NFC text and warnings; raise ``ReadError`` for empty or binary input.

    >>> decode_bytes("Làng nghề".encode())[0]
    'Làng nghề'
    >>> decode_bytes(b"\\xef\\xbb\\xbfOCOP")
    ('OCOP', [])
    >>> decode_bytes("Hoà Bình".encode("utf-16"))
    ('Hoà Bình', ['decoded as UTF-16 (byte order mark)'])
    """
    if not data.strip():
        raise ReadError(_EMPTY_MESSAGE)
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
        warnings.append("decoded as UTF-16 (byte order mark)")
    elif b"\x00" in data[:4096]:  # no real text holds a NUL byte, however short the file
        raise ReadError(_BINARY_MESSAGE)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text, guessed = _guess_decode(data)
            warnings.append(f"not valid UTF-8; decoded as {guessed} (guessed)")
    if len(_BINARY_CONTROL.findall(text[:4096])) > 8:
        raise ReadError(_BINARY_MESSAGE)
    return unicodedata.normalize("NFC", text), warnings


def sniff_format(text: str) -> Format:
    """Tell HTML markup and PDF-extracted text from a plain text dump.

    >>> sniff_format("<html><body><p>118 làng nghề</p></body></html>")
    'html'
    >>> sniff_format("Page 208 - Kỷ yếu\\nP. 208\\nHÀ NỘI:")
    'pdf-text'
    >>> sniff_format("Thanh Hóa: 118 làng nghề")
    'text'
    """
    head = text[:4096]
    if _HTML_SNIFF.search(head):
        return "html"
    if _PDF_SNIFF.search(head):
        return "pdf-text"
    return "text"


def _guess_decode(data: bytes) -> tuple[str, str]:
    """Decode non-UTF-8 bytes with charset-normalizer's best guess, else UTF-8 with replacement."""
    from charset_normalizer import from_bytes  # noqa: PLC0415 - only needed for legacy inputs

    best = from_bytes(data).best()
    if best is None:
        return data.decode("utf-8", errors="replace"), "UTF-8 with invalid bytes replaced"
    return str(best), best.encoding


def _read_bytes(source: str) -> bytes:
    if source == STDIN:
        return sys.stdin.buffer.read()
    try:
        return Path(source).read_bytes()
    except FileNotFoundError:
        raise ReadError(f"no such file: {source}", source) from None
    except IsADirectoryError:
        raise ReadError(f"{source} is a directory with no documents", source) from None
    except OSError as exc:
        raise ReadError(f"cannot read {source}: {exc.strerror}", source) from None


def _iter_jsonl(source: str, data: bytes) -> Iterator[RawDocument | ReadFailure]:
    if not data.strip():  # no line at all: still one error record, never nothing
        yield ReadFailure(_stem(source), source, ReadError(_EMPTY_MESSAGE, source))
        return
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}#{number}"
        fallback_id = f"{_stem(source)}#{number}"
        try:
            yield _parse_jsonl_line(line, where, fallback_id)
        except ReadError as exc:
            exc.source = where
            yield ReadFailure(fallback_id, where, exc)


def _parse_jsonl_line(line: bytes, where: str, fallback_id: str) -> RawDocument:
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ReadError(f"invalid JSON on this line: {exc}") from None
    if not isinstance(obj, dict):
        raise ReadError('each JSON Lines line must be an object like {"id": …, "text": …}')
    body = obj.get("html") if isinstance(obj.get("html"), str) else obj.get("text")
    if not isinstance(body, str) or not body.strip():
        raise ReadError('the line has no "text" or "html" string to extract from')
    text = unicodedata.normalize("NFC", body)
    return RawDocument(
        id=str(obj.get("id") or fallback_id),
        source=where,
        sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        format="html" if "html" in obj else sniff_format(text),
        text=text,
        url=obj.get("url") if isinstance(obj.get("url"), str) else None,
        published=obj.get("published") if isinstance(obj.get("published"), str) else None,
    )


def _stem(source: str) -> str:
    return STDIN if source == STDIN else Path(source).stem
