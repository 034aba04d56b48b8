"""Read stage: inputs (files, directories, JSON Lines, stdin) → decoded ``RawDocument`` objects.

Vietnamese documents arrive in many encodings; we decode strictly as UTF-8 first (with or without
BOM, or UTF-16 with BOM), and only then guess with charset-normalizer, saying so in a warning. The
text is NFC-normalised here so that every later stage, and every span, sees one form.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO, Literal, cast

import regex

from langnghe_extract.errors import ReadError
from langnghe_extract.legacy import convert_legacy, decode_windows_1258
from langnghe_extract.models import Format
from langnghe_extract.pdf import is_pdf, read_pdf

# What a directory walk picks up, each also gzipped (``.jsonl.gz``); JSON Lines and WARC files
# are containers of many documents.
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".jsonl", ".warc")
CONTAINER_SUFFIXES = (".jsonl", ".warc")
STDIN = "-"
# A document (file, JSON Lines line, WARC record) over this size becomes an error record: reading
# it whole could exhaust memory, and no news article comes near it (README: "Limits").
MAX_DOCUMENT_BYTES = 20 * 2**20

_HTML_SNIFF = regex.compile(
    r"""\A\s*+(?:<!doctype\s++html|<html\b|<head\b|<body\b|<meta\b|<!--)   # a page's opening
      | <(?:p|div|article|h1|span|br)\b[^>]{0,200}+>                      # or body markup
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
# PDF-extracted text announces itself by running page headers ("Page 208 - …", "P. 208",
# "Trang 12 - Kỷ yếu …", "Trang 12/40") or by the form feed pdftotext writes between pages.
_PDF_SNIFF = regex.compile(
    r"(?m)^(?:Page\s++\d++\b|P\.\s?+\d++[ \t]*+$|Trang\s++\d{1,4}+\s*+(?:[-–|/]|$))|\f"
)
_SAMPLE = 65_536  # characters looked at to tell UTF-8 with stray bytes from another encoding
_STRAY_SHARE = 2  # valid non-ASCII characters per invalid byte needed to call it UTF-8
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


TaskKind = Literal["file", "line", "bytes", "failed"]


@dataclass(frozen=True, slots=True)
class Task:
    """One document still to read, small enough to hand to a worker process.

    ``file``: read ``source`` there; ``line``: ``payload`` is a JSON Lines line; ``bytes``:
    ``payload`` is the whole document (standard input, a WARC record); ``failed``: the container
    could not give this document, ``message`` says why.
    """

    kind: TaskKind
    source: str
    doc_id: str
    payload: bytes = b""
    url: str | None = None
    message: str = ""


@dataclass(frozen=True)
class ReadFailure:
    """A document that could not be read; becomes an error record, the batch goes on."""

    id: str
    source: str
    error: ReadError


def find_documents(inputs: Iterable[str]) -> list[str]:
    """Expand directories into their document files, sorted, so a run is deterministic.

    Files named explicitly are kept whatever their suffix (the user asked for them); a directory
    is walked recursively for ``.txt``, ``.html``, ``.htm``, ``.jsonl`` and ``.warc`` files, each
    also gzipped (``.jsonl.gz``). Only paths are listed: documents are read one at a time later.
    """
    found: list[str] = []
    for item in inputs:
        path = Path(item)
        if item != STDIN and path.is_dir():
            found.extend(str(p) for p in sorted(path.rglob("*")) if _is_document(p))
        else:
            found.append(item)
    return found


def has_containers(paths: Iterable[str]) -> bool:
    """Whether any input holds many documents (JSON Lines, WARC), so the count is not known ahead.

    >>> has_containers(["a.txt", "b.html.gz"]), has_containers(["a.txt", "crawl.warc.gz"])
    (False, True)
    """
    return any(_inner_suffix(path) in CONTAINER_SUFFIXES for path in paths)


def iter_documents(
    paths: Iterable[str], *, max_bytes: int = MAX_DOCUMENT_BYTES
) -> Iterator[RawDocument | ReadFailure]:
    """Yield one item per document: a file is one document, a JSON Lines file one per line, a
    WARC file one per HTML response."""
    for task in iter_tasks(paths, max_bytes=max_bytes):
        yield load_task(task, max_bytes=max_bytes)


def iter_tasks(paths: Iterable[str], *, max_bytes: int = MAX_DOCUMENT_BYTES) -> Iterator[Task]:
    """One ``Task`` per document, streamed: containers are read line by line (record by record),
    plain files are only named, so that a worker process reads them."""
    for source in paths:
        suffix = _inner_suffix(source)
        if source == STDIN:
            yield _stdin_task(max_bytes)
        elif suffix == ".jsonl":
            yield from _jsonl_tasks(source, max_bytes)
        elif suffix == ".warc":
            from langnghe_extract.warc import iter_warc_tasks  # noqa: PLC0415 - warcio when needed

            yield from iter_warc_tasks(source, max_bytes)
        else:
            yield Task("file", source, _stem(source))


def load_task(task: Task, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> RawDocument | ReadFailure:
    """Read one task into a document; where the work is done (a worker process, or here)."""
    if task.kind == "failed":
        return ReadFailure(task.doc_id, task.source, ReadError(task.message, task.source))
    if task.kind == "line":
        try:
            return _parse_jsonl_line(task.payload, task.source, task.doc_id)
        except ReadError as exc:
            exc.source = task.source
            return ReadFailure(task.doc_id, task.source, exc)
    if task.kind == "file":
        try:
            data = _read_bytes(task.source, max_bytes)
        except ReadError as exc:
            return ReadFailure(task.doc_id, task.source, exc)
    else:
        data = task.payload
    document = read_bytes(data, source=task.source, doc_id=task.doc_id)
    if task.url and isinstance(document, RawDocument):
        return replace(document, url=task.url)
    return document


def read_bytes(data: bytes, *, source: str, doc_id: str) -> RawDocument | ReadFailure:
    """Decode one document's bytes (a PDF file through ``pdf``) and recognise its format."""
    fmt: Format
    try:
        if is_pdf(data):
            found = read_pdf(data)
            text, warnings, fmt = unicodedata.normalize("NFC", found.text), found.warnings, "pdf"
        else:
            text, decoded = decode_bytes(data)
            warnings, fmt = tuple(decoded), sniff_format(text)
    except ReadError as exc:
        exc.source = source
        return ReadFailure(doc_id, source, exc)
    return RawDocument(
        id=doc_id,
        source=source,
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
        text=text,
        warnings=warnings,
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
    elif (utf16 := _utf16_without_bom(data)) is not None:
        text = utf16
        warnings.append("decoded as UTF-16 (no byte order mark; guessed from the NUL bytes)")
    elif b"\x00" in data[:4096]:  # no real text holds a NUL byte, however short the file
        raise ReadError(_BINARY_MESSAGE)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text, guessed = _guess_decode(data)
            warnings.append(f"not valid UTF-8; decoded as {guessed}")
    if len(_BINARY_CONTROL.findall(text[:4096])) > 8:
        raise ReadError(_BINARY_MESSAGE)
    if (converted := convert_legacy(text)) is not None:
        text = converted[0]
        warnings.append(f"text in the legacy {converted[1]} font encoding; converted to Unicode")
    return unicodedata.normalize("NFC", text), warnings


def sniff_format(text: str) -> Format:
    """Tell HTML markup and PDF-extracted text from a plain text dump.

    >>> sniff_format("<html><body><p>118 làng nghề</p></body></html>")
    'html'
    >>> sniff_format("Page 208 - Kỷ yếu\\nP. 208\\nHÀ NỘI:")
    'pdf-text'
    >>> sniff_format("Trang 12 - Kỷ yếu làng nghề\\nTỉnh có 92 làng nghề.")
    'pdf-text'
    >>> sniff_format("Thanh Hóa: 118 làng nghề")
    'text'
    """
    head = text[:4096]
    if "<" in head and _HTML_SNIFF.search(head):
        return "html"
    if _may_be_pdf_text(head) and _PDF_SNIFF.search(head):
        return "pdf-text"
    return "text"


def _may_be_pdf_text(head: str) -> bool:
    """Whether ``head`` holds a literal that every ``_PDF_SNIFF`` match holds.

    Why: both sniffing patterns were tried at every character of every text dump's first 4 KB,
    which cost more than decoding and parsing its JSON; a text without "<" is no HTML either.
    """
    return any(literal in head for literal in _PDF_LITERALS)


_PDF_LITERALS = ("\f", "Page", "P.", "Trang")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte order mark: every other byte of ASCII text is NUL.

    >>> _utf16_without_bom("Có 118 làng nghề".encode("utf-16-le"))
    'Có 118 làng nghề'
    >>> _utf16_without_bom(b"\\x00\\x01\\x02binary") is None
    True
    """
    head = data[:4096]
    if len(data) % 2 or len(head) < 8:
        return None
    for codec, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if zeros.count(0) >= 0.6 * len(zeros):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _guess_decode(data: bytes) -> tuple[str, str]:
    """Decode non-UTF-8 bytes, saying how: the text and a label for the warning.

    In order: UTF-8 with a few stray bytes (replaced); TCVN3/VNI font bytes (one byte a
    Latin-1 character), converted; Windows-1258 (tone marks composed); else charset-normalizer's
    best guess.
    """
    lossy = data.decode("utf-8", errors="replace")
    sample = lossy[:_SAMPLE]
    invalid = sample.count("\ufffd")
    if invalid * _STRAY_SHARE <= sum(1 for char in sample if char > "\x7f") - invalid:
        return lossy, "UTF-8 with invalid bytes replaced"
    if (legacy := convert_legacy(data.decode("latin-1"))) is not None:
        return legacy[0], f"the legacy {legacy[1]} font encoding; converted to Unicode"
    if (vietnamese := decode_windows_1258(data)) is not None:
        return vietnamese, "Windows-1258 (Vietnamese code page), tone marks composed"
    from charset_normalizer import from_bytes  # noqa: PLC0415 - only needed for legacy inputs

    best = from_bytes(data).best()
    if best is None:
        return lossy, "UTF-8 with invalid bytes replaced"
    return str(best), f"{best.encoding} (guessed)"


def _read_bytes(source: str, max_bytes: int = MAX_DOCUMENT_BYTES) -> bytes:
    """A file's bytes (decompressed when ``.gz``), never more than ``max_bytes`` + 1 in memory."""
    with _read_errors(source):
        if source.lower().endswith(".gz"):
            with gzip.open(source, "rb") as stream:
                return _read_limited(stream, source, max_bytes, "once decompressed ")
        path = Path(source)
        if path.stat().st_size > max_bytes:
            raise ReadError(_too_big(path.stat().st_size, max_bytes), source)
        return path.read_bytes()


@contextmanager
def _read_errors(source: str) -> Iterator[None]:
    """The operating system's and gzip's failures on ``source``, as one ``ReadError`` each:
    the same words whether the file is read whole or streamed."""
    try:
        yield
    except FileNotFoundError:
        raise ReadError(f"no such file: {source}", source) from None
    except IsADirectoryError:
        raise ReadError(f"{source} is a directory with no documents", source) from None
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise ReadError(f"{source} is cut short or not a valid gzip file ({exc})", source) from None
    except OSError as exc:
        raise ReadError(f"cannot read {source}: {exc.strerror or exc}", source) from None


def _read_limited(
    stream: BinaryIO | gzip.GzipFile, source: str, max_bytes: int, how: str = ""
) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ReadError(_too_big(None, max_bytes, how), source)
    return data


def _too_big(size: int | None, max_bytes: int, how: str = "") -> str:
    """The message of a document over the size limit (an error record: never half a document).

    >>> _too_big(None, 20 * 2**20, "once decompressed ")
    'the document is over the 20 MB limit once decompressed (raise it with --max-size)'
    """
    actual = f"({size / 2**20:.3g} MB) " if size is not None else ""
    limit = f"{max_bytes / 2**20:.3g} MB"
    return f"the document is over the {limit} limit {how}{actual}(raise it with --max-size)"


def _stdin_task(max_bytes: int) -> Task:
    try:
        data = _read_limited(sys.stdin.buffer, STDIN, max_bytes)
    except ReadError as exc:
        return Task("failed", STDIN, STDIN, message=exc.message)
    return Task("bytes", STDIN, STDIN, payload=data)


def _jsonl_tasks(source: str, max_bytes: int) -> Iterator[Task]:
    """One task per non-blank line, read as a stream; an empty file is still one (failed) task."""
    stem = _stem(source)
    seen = False
    try:
        with _open_binary(source) as stream:
            for number, line in enumerate(_bounded_lines(stream, max_bytes), start=1):
                where, doc_id = f"{source}#{number}", f"{stem}#{number}"
                if line is None:
                    seen = True
                    yield Task("failed", where, doc_id, message=_too_big(None, max_bytes))
                elif line.strip():
                    seen = True
                    yield Task("line", where, doc_id, payload=line)
    except ReadError as exc:
        yield Task("failed", source, stem, message=exc.message)
        return
    if not seen:  # no line at all: still one error record, never nothing
        yield Task("failed", source, stem, message=_EMPTY_MESSAGE)


@contextmanager
def _open_binary(source: str) -> Iterator[BinaryIO]:
    """A container opened for streaming (gunzipped on the fly), its failures as ``ReadError``."""
    with (
        _read_errors(source),
        gzip.open(source, "rb") if source.lower().endswith(".gz") else open(source, "rb") as f,
    ):
        yield cast(BinaryIO, f)


def _bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The stream's lines; ``None`` for a line over ``max_bytes``, skipped without holding it.

    >>> import io
    >>> list(_bounded_lines(io.BytesIO(b"ab\\n" + b"x" * 9 + b"\\nc"), 5))
    [b'ab\\n', None, b'c']
    """
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


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
    """The id of a file: its name without the suffixes we read (``a.jsonl.gz`` → ``a``).

    >>> _stem("x/000_879469c766812cc4.txt"), _stem("crawl.warc.gz"), _stem("Làng nghề.html.gz")
    ('000_879469c766812cc4', 'crawl', 'Làng nghề')
    """
    if source == STDIN:
        return STDIN
    name = Path(source).name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return Path(name).stem


def _inner_suffix(source: str) -> str:
    """The suffix that says what a file holds, under any ``.gz`` (``a.jsonl.gz`` → ``.jsonl``)."""
    name = source.lower().removesuffix(".gz")
    return Path(name).suffix


def _is_document(path: Path) -> bool:
    return path.is_file() and _inner_suffix(path.name) in DOCUMENT_SUFFIXES
