"""The pipeline, written once: read → clean → segment → extract → normalise → validate → emit.

``run`` streams records for a list of inputs; ``process`` turns one read document into a record.
A document that fails at any stage becomes an error record that says why; the batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from langnghe_extract.clean import clean_document
from langnghe_extract.errors import LangngheError
from langnghe_extract.extract import extract_all
from langnghe_extract.extract.provinces import choose_province, list_provinces
from langnghe_extract.models import ErrorInfo, ErrorRecord, Record
from langnghe_extract.normalise import to_facts
from langnghe_extract.read import RawDocument, ReadFailure, iter_documents, read_bytes
from langnghe_extract.validate import drop_overlaps

log = logging.getLogger(__name__)


def process(raw: RawDocument) -> Record:
    """One read document → its validated record.

    Stages: clean (furniture and related news dropped, title/author/date kept), segment and
    extract (numbers → candidates with frames), normalise (typed values), validate (the Record
    model checks every span), ready to emit.
    """
    clean = clean_document(raw)
    facts = drop_overlaps(to_facts(clean.text, extract_all(clean.text), published=clean.published))
    return Record(
        id=raw.id,
        source=raw.source,
        url=clean.url,
        format=raw.format,
        sha256=raw.sha256,
        title=clean.title,
        author=clean.author,
        published=clean.published,
        province=choose_province(clean.title, clean.text),
        provinces=list_provinces(clean.text),
        text=clean.text,
        facts=facts,
        warnings=list(clean.warnings),
    )


def run(inputs: Iterable[str]) -> Iterator[Record | ErrorRecord]:
    """Records for every document of ``inputs`` (paths, already expanded), in input order, in
    this process; ``batch.run_batch`` does the same over worker processes, with time budgets."""
    for item in iter_documents(inputs):
        yield process_safely(item)


def process_safely(item: RawDocument | ReadFailure) -> Record | ErrorRecord:
    """``process`` that turns any failure into an error record naming its cause."""
    if isinstance(item, ReadFailure):
        return _error_record(item.id, item.source, item.error)
    try:
        return process(item)
    except LangngheError as exc:
        return _error_record(item.id, item.source, exc)
    except Exception as exc:  # one bad document must not stop the batch
        log.debug("internal error on %s", item.source, exc_info=True)  # shown with --debug
        message = f"internal error ({type(exc).__name__}: {exc}); please report it with this file"
        return ErrorRecord(
            id=item.id, source=item.source, error=ErrorInfo(type="InternalError", message=message)
        )


def extract_document(
    data: bytes | str, *, doc_id: str = "-", source: str = "-"
) -> Record | ErrorRecord:
    """The library entry point: one document's bytes or text → its record.

    >>> record = extract_document("Thanh Hóa: Làng nghề\\n\\nToàn tỉnh có 118 làng nghề.")
    >>> [(f.kind.value, f.value) for f in record.facts]
    [('villages', 118)]
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return process_safely(read_bytes(raw, source=source, doc_id=doc_id))


def _error_record(doc_id: str, source: str, error: LangngheError) -> ErrorRecord:
    return ErrorRecord(
        id=doc_id, source=source, error=ErrorInfo(type=type(error).__name__, message=error.message)
    )
