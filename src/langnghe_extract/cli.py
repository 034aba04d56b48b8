"""Command line: a thin shell over the library. Maps options in and outcomes to exit codes
(0 all read, 1 some documents became error records, 2 usage error); holds no language logic."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TextIO

import typer

from langnghe_extract import __version__
from langnghe_extract.emit import write_record
from langnghe_extract.models import ErrorRecord, Record
from langnghe_extract.pipeline import run
from langnghe_extract.read import DOCUMENT_SUFFIXES, STDIN, find_documents

app = typer.Typer(
    help="Extract validated facts from Vietnamese craft-village and rural-industry news.",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click messages ("Error: …"), the same whether rich is installed
    no_args_is_help=True,
    add_completion=False,
)


def _show_version(value: bool) -> None:
    if value:
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
def extract(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT...",
            help="Files, directories (walked for .txt .html .htm .jsonl) or - for standard input.",
        ),
    ],
    output: Annotated[
        str, typer.Option("-o", "--output", help="Write JSON Lines here; - for standard output.")
    ] = STDIN,
) -> None:
    """Write one JSON line per document: its facts, province, title and cleaned text."""
    found = {item: find_documents([item]) for item in inputs}  # each directory walked once
    paths = [path for item in inputs for path in found[item]]
    if not paths:
        raise typer.BadParameter(
            f"no documents found in {' '.join(inputs)} (looked for {', '.join(DOCUMENT_SUFFIXES)})",
            param_hint="INPUT",
        )
    _warn_empty_directories(found)  # only beside other documents: alone, it is the error above
    errors = 0
    with _open_output(output) as out:
        for record in run(paths):
            errors += isinstance(record, ErrorRecord)
            write_record(record, out)
    if errors:
        message = f"{errors} document(s) could not be processed: see their error records"
        typer.echo(message, err=True)
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of an output record (from the pydantic models)."""
    typer.echo(json.dumps(Record.model_json_schema(), ensure_ascii=False, indent=2))


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
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        Path(temp).replace(target)
    except OSError as exc:
        raise _cannot_write(output, exc.strerror) from None
    finally:
        if Path(temp).exists():
            Path(temp).unlink()


def _cannot_write(output: str, reason: str | None) -> typer.BadParameter:
    return typer.BadParameter(f"cannot write to {output}: {reason}", param_hint="-o")


def main() -> None:
    """Console-script entry point."""
    app()
