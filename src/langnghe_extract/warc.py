"""WARC archives (``.warc``, ``.warc.gz``, read with warcio): one document per HTML response.

A crawl stores requests, metadata, redirects and images beside the pages; only responses whose
HTTP ``Content-Type`` is HTML are articles. Each becomes a ``Task`` whose id is the page's URL
(the ``WARC-Target-URI``), or the record's ``WARC-Record-ID`` when it has none, and whose source
is ``PATH#N``, N the record's position in the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from langnghe_extract.read import Task

_NO_PAGES = "the WARC file holds no HTML response record: there is no article to extract"


def iter_warc_tasks(source: str, max_bytes: int) -> Iterator[Task]:
    """One task per HTML response record of ``source``, streamed; a broken archive ends with a
    failed task naming where it broke, and an archive with no page at all is one failed task."""
    pages = 0
    number = 0
    try:
        with open(source, "rb") as stream:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if _is_html_response(record):
                    pages += 1
                    yield _page_task(record, f"{source}#{number}", max_bytes)
    except FileNotFoundError:
        yield Task("failed", source, _stem(source), message=f"no such file: {source}")
        return
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield _broken(source, number, str(exc))
        return
    except Exception as exc:  # warcio fails on some invalid records in its own way
        yield _broken(source, number, f"{type(exc).__name__}: {exc}")
        return
    if not pages:
        yield Task("failed", source, _stem(source), message=_NO_PAGES)


def _broken(source: str, number: int, reason: str) -> Task:
    """The failed task for an archive that cannot be read past its ``number``-th record."""
    where = f"{source}#{number + 1}"
    message = f"the WARC file is broken after {number} record(s): {reason}"
    return Task("failed", where, f"{_stem(source)}#{number + 1}", message=message)


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = record.http_headers.get_header("Content-Type") or ""
    return "html" in content_type.lower()


def _page_task(record: Any, where: str, max_bytes: int) -> Task:
    """The record's decoded body (chunked and gzip transfer encodings undone by warcio)."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    doc_id = url or record.rec_headers.get_header("WARC-Record-ID") or where
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        limit = f"{max_bytes / 2**20:.3g} MB"
        message = f"the page is over the {limit} limit (raise it with --max-size)"
        return Task("failed", where, doc_id, url=url, message=message)
    return Task("bytes", where, doc_id, payload=body, url=url)


def _stem(source: str) -> str:
    name = source.rsplit("/", 1)[-1]
    for suffix in (".gz", ".warc"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name
