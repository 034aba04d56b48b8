"""Fuzz target for atheris (issue #9): ``make fuzz`` runs it for a fixed number of inputs.

Every input, taken either as raw bytes or as Unicode text, goes through the whole library entry
point; the target fails (and libFuzzer saves the input under ``crash-*``) when an exception
escapes, when a document becomes an ``InternalError`` record (a bug, even if the batch survives
it), or when a fact's quote is not its span of the text. libFuzzer's ``-timeout`` catches hangs.

    python fuzz/fuzz_extract.py -runs=20000 -max_len=4096 CORPUS_DIR
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["langnghe_extract"]):
    from langnghe_extract import ErrorRecord, Record, extract_document


def check(result: Record | ErrorRecord) -> None:
    """The invariants of SPEC.md that must hold whatever the input."""
    if isinstance(result, ErrorRecord):
        if result.error.type == "InternalError":
            raise AssertionError(result.error.message)
        return
    for fact in result.facts:
        start, end = fact.span
        if not (0 <= start < end <= len(result.text)) or result.text[start:end] != fact.quote:
            raise AssertionError(f"span {fact.span} does not quote {fact.quote!r}")


def test_one_input(data: bytes) -> None:
    """One fuzz input: the first byte chooses bytes or text, the rest is the document."""
    provider = atheris.FuzzedDataProvider(data)
    if provider.ConsumeBool():
        check(extract_document(provider.ConsumeBytes(provider.remaining_bytes())))
    else:
        check(extract_document(provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes())))


def main() -> None:
    """Hand over to libFuzzer with the command-line options it understands."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
