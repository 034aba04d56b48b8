"""Command line: a thin shell over the library. Maps options in and outcomes to exit codes
(0 all read, 1 some documents became error records, 2 usage error); holds no language logic."""

from __future__ import annotations

import json
import logging
import os
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from itertools import islice
from pathlib import Path
from typing import Annotated, TextIO, TypeVar

import typer

from langnghe_extract.emit import (
    BINARY_FORMATS,
    JsonLinesWriter,
    OutputFormat,
    RecordWriter,
    RenderedRecord,
    open_writer,
)
from langnghe_extract.errors import LangngheError
from langnghe_extract.models import ErrorRecord, Record
from langnghe_extract.progress import Tally, progress_bar
from langnghe_extract.read import DOCUMENT_SUFFIXES, STDIN, find_documents, has_containers
from langnghe_extract.tabular import MissingExtraError

Written = TypeVar("Written", bound=Record | ErrorRecord | RenderedRecord)

app = typer.Typer(
    help="Extract validated facts from Vietnamese craft-village and rural-industry news.",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click messages ("Error: …"), the same whether rich is installed
    no_args_is_help=True,
    add_completion=False,
)


def _show_version(value: bool) -> None:
    if value:
        from langnghe_extract import __version__  # noqa: PLC0415 - importlib.metadata is slow

        typer.echo(f"langnghe-extract {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Extract validated facts from Vietnamese craft-village and rural-industry news."""


@app.command()
def extract(  # noqa: PLR0917 - typer maps each option to a parameter
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT...",
            help="Files, directories (walked for .txt .html .htm .jsonl .warc, each also .gz) "
            "or - for standard input.",
        ),
    ],
    output: Annotated[
        str, typer.Option("-o", "--output", help="Write the output here; - for standard output.")
    ] = STDIN,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            help="jsonl: one record per document (the contract); csv, parquet: one row per fact "
            "(parquet: to -o FILE or a redirected standard output).",
        ),
    ] = OutputFormat.JSONL,
    excel: Annotated[
        bool, typer.Option("--excel", help="Start CSV with a UTF-8 BOM for spreadsheet programs.")
    ] = False,
    jobs: Annotated[
        int, typer.Option("-j", "--jobs", min=0, help="Worker processes; 0: one per core.")
    ] = 0,
    timeout: Annotated[
        float,
        typer.Option(
            min=0,
            help="Seconds per document (per MB of text, for longer ones) before it is given up "
            "as an error record; 0: no limit.",
        ),
    ] = 10.0,
    max_size: Annotated[
        float, typer.Option(min=0.001, help="MB per document; a larger one is an error record.")
    ] = 20.0,
    quiet: Annotated[
        bool, typer.Option("-q", "--quiet", help="No progress bar and no summary on stderr.")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Log the traceback of any internal error.")
    ] = False,
) -> None:
    """Write one JSON line per document: its facts, province, title and cleaned text."""
    from langnghe_extract.batch import (  # noqa: PLC0415 - heavy
        Settings,
        count_cores,
        run_batch,
        run_batch_rendered,
    )

    found = {item: find_documents([item]) for item in inputs}  # each directory walked once
    paths = [path for item in inputs for path in found[item]]
    if not paths:
        raise typer.BadParameter(
            f"no documents found in {' '.join(inputs)} "
            f"(looked for {', '.join(DOCUMENT_SUFFIXES)}, each also .gz)",
            param_hint="INPUT",
        )
    _warn_empty_directories(found)  # only beside other documents: alone, it is the error above
    if debug:
        logging.basicConfig(level=logging.DEBUG, format="%(processName)s: %(message)s")
    settings = Settings(jobs or count_cores(), timeout, int(max_size * 2**20), debug)
    total = None if has_containers(paths) else len(paths)  # unknown inside JSON Lines and WARC
    tally = Tally()
    with _interruptions(output, tally), _open_output(output) as out:
        writer = _open_writer(output_format, out, excel=excel)
        bar = progress_bar(total, enabled=sys.stderr.isatty() and not quiet)
        if isinstance(writer, JsonLinesWriter):  # lines serialised in the workers
            with closing(run_batch_rendered(paths, settings)) as rendered, bar as advance:
                _drain(rendered, writer.write, tally, advance)
        else:
            with closing(run_batch(paths, settings)) as records, bar as advance:
                _drain(records, writer.write, tally, advance)
        writer.close()
    if not quiet:
        typer.echo(tally.summary(), err=True)
    if tally.errors:
        message = f"{tally.errors} document(s) could not be processed: see their error records"
        typer.echo(message, err=True)
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of an output record (from the pydantic models)."""
    typer.echo(json.dumps(Record.model_json_schema(), ensure_ascii=False, indent=2))


@app.command()
def show(
    document: Annotated[
        str, typer.Argument(metavar="INPUT", help="A file, a directory or a .jsonl of documents.")
    ],
    limit: Annotated[
        int, typer.Option("-n", "--limit", min=1, help="Show the first N documents of INPUT.")
    ] = 1,
) -> None:
    """Show a cleaned article with its facts highlighted by kind, and a table of the facts."""
    from langnghe_extract.pipeline import run  # noqa: PLC0415 - the parsers, not for --help
    from langnghe_extract.view import show_records  # noqa: PLC0415 — rich only when showing

    paths = find_documents([document])
    if not paths:
        raise typer.BadParameter(f"no documents found in {document}", param_hint="INPUT")
    if show_records(islice(run(paths), limit), sys.stdout):
        raise typer.Exit(1)


@app.command()
def report(
    records: Annotated[
        str, typer.Argument(metavar="RECORDS", help="JSON Lines written by langnghe extract.")
    ],
    output: Annotated[
        str, typer.Option("-o", "--output", help="Write the HTML page here; - for standard output.")
    ] = STDIN,
) -> None:
    """Write one self-contained HTML page to review the facts: per-province summary, a chart,
    and every article with its facts highlighted in place."""
    from langnghe_extract.report import build_report, load_records  # noqa: PLC0415 — heavy

    try:
        page = build_report(load_records(records))
    except LangngheError as exc:
        raise typer.BadParameter(exc.message, param_hint="RECORDS") from None
    with _open_output(output) as out:
        out.write(page)


def _drain(
    results: Iterable[Written],
    write: Callable[[Written], None],
    tally: Tally,
    advance: Callable[[], None],
) -> None:
    """Write and count each result of a batch as it comes."""
    for result in results:
        tally.add(result)
        write(result)
        advance()


def _open_writer(fmt: OutputFormat, out: TextIO, *, excel: bool) -> RecordWriter:
    """The writer for ``--format``; Parquet is binary, so never onto a terminal."""
    if excel and fmt is not OutputFormat.CSV:
        raise typer.BadParameter(
            "only CSV has a byte order mark: add --format csv", param_hint="--excel"
        )
    if fmt in BINARY_FORMATS and out is sys.stdout and sys.stdout.isatty():
        message = f"{fmt} is binary: give -o FILE.{fmt} or redirect standard output"
        raise typer.BadParameter(message, param_hint="--format")
    try:
        return open_writer(fmt, out, excel=excel)
    except MissingExtraError as exc:
        raise typer.BadParameter(exc.message, param_hint="--format") from None


class _Terminated(Exception):  # noqa: N818 - a signal, like KeyboardInterrupt
    """SIGTERM, raised in the main thread so that the output is cleaned up on the way out."""


def _raise_terminated(signum: int, frame: object) -> None:  # noqa: ARG001 - signal API
    raise _Terminated


@contextmanager
def _interruptions(output: str, tally: Tally) -> Iterator[None]:
    """Ctrl-C and SIGTERM end a run cleanly: ``_open_output`` removes the temporary file, so
    OUTPUT is left as it was; stderr says so and the exit code is 130 or 143, no traceback."""
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _raise_terminated) if main else None
    try:
        yield
    except (KeyboardInterrupt, _Terminated) as exc:
        code = 143 if isinstance(exc, _Terminated) else 130
        kept = "standard output is incomplete" if output == STDIN else f"{output} is unchanged"
        typer.echo(f"Interrupted after {tally.documents:,} document(s): {kept}", err=True)
        raise typer.Exit(code) from None
    finally:
        if main:
            signal.signal(signal.SIGTERM, previous)


def _warn_empty_directories(found: dict[str, list[str]]) -> None:
    for item, documents in found.items():
        if not documents:
            typer.echo(f"Warning: no documents found under {item}", err=True)


@contextmanager
def _open_output(output: str) -> Iterator[TextIO]:
    """Standard output, or a temporary file beside OUTPUT renamed over it when the batch ends,
    so an interrupted run never leaves a half-written file."""
    if output == STDIN:
        yield sys.stdout
        return
    target = Path(output)
    if target.is_dir():
        raise _cannot_write(output, "it is a directory")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or Path("."))
    except OSError as exc:
        raise _cannot_write(output, exc.strerror) from None
    try:
        os.chmod(temp, _file_mode(target))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        Path(temp).replace(target)
    except OSError as exc:
        raise _cannot_write(output, exc.strerror) from None
    finally:
        if Path(temp).exists():
            Path(temp).unlink()


def _file_mode(target: Path) -> int:
    """The mode the file would get from a plain ``open``: mkstemp's private 0600 would leave
    users with an output file their group cannot read. An existing file keeps its own mode."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _cannot_write(output: str, reason: str | None) -> typer.BadParameter:
    return typer.BadParameter(f"cannot write to {output}: {reason}", param_hint="-o")


def main() -> None:
    """Console-script entry point."""
    app()
