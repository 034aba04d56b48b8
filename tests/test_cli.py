"""The command line through ``typer.testing.CliRunner``: outputs, error records and exit codes.

The runner keeps standard output and standard error apart (``result.stdout``, ``result.stderr``);
``result.output`` is both, interleaved, as a user would see them.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from langnghe_extract import __version__, pipeline
from langnghe_extract.cli import app
from langnghe_extract.read import DOCUMENT_SUFFIXES

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
CHECK_CONTRACT = (
    Path(__file__).resolve().parents[1].parent / "shared" / "tools" / "check_contract.py"
)

ARTICLE = (
    "Thanh Hóa: Khuyến khích phát triển làng nghề\n\n"
    "Đến nay, toàn tỉnh Thanh Hóa có 118 làng nghề, tạo việc làm cho hơn 10.000 lao động; "
    "khoảng 5.247 hộ tham gia sản xuất.\n"
)
BATCH_FAILED = "document(s) could not be processed: see their error records\n"


def summary(documents: int, errors: int) -> re.Pattern[str]:
    """The one-line summary on stderr at the end of a batch (unless --quiet)."""
    return re.compile(
        rf"{documents} documents, \d+ facts, {errors} errors in \d+\.\d s \([\d,]+ documents/s\)\n"
    )


def invoke(*args: str, input: str | bytes | None = None) -> Result:
    result = CliRunner().invoke(app, list(args), input=input)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def lines_of(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def write(path: Path, data: str | bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return str(path)


def fact_tuples(record: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(f["kind"], f["value"], f["unit"], f["span"], f["quote"]) for f in record["facts"]]


# --- the happy path -------------------------------------------------------------------------------


def test_extract_seeds_to_stdout() -> None:
    # GIVEN the seed directory
    # WHEN it is extracted to standard output
    result = invoke("extract", str(SEEDS))
    # THEN there is one JSON line per seed, in sorted order, with the file stem as id
    assert result.exit_code == 0, result.output
    assert summary(5, 0).fullmatch(result.stderr)
    records = lines_of(result)
    assert len(records) == 5
    assert [r["id"] for r in records] == [p.stem for p in SEED_FILES]
    assert [r["source"] for r in records] == [str(p) for p in SEED_FILES]
    assert all("error" not in r and r["schema_version"] == "1" for r in records)
    assert all(r["facts"] for r in records)


def test_extract_keeps_vietnamese_unescaped() -> None:
    result = invoke("extract", str(SEED_FILES[2]))
    assert result.exit_code == 0
    assert "\\u" not in result.stdout
    assert "làng nghề" in result.stdout


def test_extract_keeps_the_order_inputs_were_given() -> None:
    reversed_seeds = [str(p) for p in reversed(SEED_FILES)]
    result = invoke("extract", *reversed_seeds)
    assert result.exit_code == 0
    assert [r["source"] for r in lines_of(result)] == reversed_seeds


def test_extract_to_file_writes_it_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    # GIVEN an output path in an empty directory
    out = tmp_path / "out.jsonl"
    # WHEN the seeds are extracted with -o
    result = invoke("extract", str(SEEDS), "-o", str(out))
    # THEN the file holds the records, standard output is empty and nothing else is left behind
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [p.stem for p in SEED_FILES]


def test_extract_to_file_replaces_an_existing_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    result = invoke("extract", str(SEED_FILES[0]), "--output", str(out))
    assert result.exit_code == 0
    [line] = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["id"] == SEED_FILES[0].stem


def test_extract_dash_output_is_stdout() -> None:
    result = invoke("extract", str(SEED_FILES[0]), "-o", "-")
    assert result.exit_code == 0
    assert len(lines_of(result)) == 1


def test_extract_reads_stdin() -> None:
    result = invoke("extract", "-", input=ARTICLE)
    assert result.exit_code == 0, result.output
    [record] = lines_of(result)
    assert (record["id"], record["source"], record["format"]) == ("-", "-", "text")
    assert record["province"]["name"] == "Thanh Hóa"
    assert [(f["kind"], f["value"]) for f in record["facts"]] == [
        ("villages", 118),
        ("workers", 10000),
        ("households", 5247),
    ]


def test_extract_reads_stdin_bytes_as_utf16() -> None:
    result = invoke("extract", "-", input=ARTICLE.encode("utf-16"))
    assert result.exit_code == 0
    [record] = lines_of(result)
    assert record["warnings"] == ["decoded as UTF-16 (byte order mark)"]
    assert len(record["facts"]) == 3


# --- JSON Lines input -----------------------------------------------------------------------------


def test_extract_jsonl_input(tmp_path: Path) -> None:
    # GIVEN a JSON Lines file with a text document and an HTML document
    html = (
        "<html><head><title>Bắc Ninh: Làng nghề</title></head><body><article>"
        "<h1>Bắc Ninh: Làng nghề</h1><p>Toàn tỉnh Bắc Ninh có 62 làng nghề.</p></article>"
        "</body></html>"
    )
    lines = [
        {"id": "a", "text": ARTICLE, "url": "https://baomoi.vn/a", "published": "2021-03-04"},
        {"id": "b", "html": html},
    ]
    source = write(
        tmp_path / "batch.jsonl", "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)
    )
    # WHEN it is extracted
    result = invoke("extract", source)
    # THEN each line is a record with its own id, PATH#LINE source and passed-through metadata
    assert result.exit_code == 0, result.output
    a, b = lines_of(result)
    assert (a["id"], a["source"], a["format"]) == ("a", f"{source}#1", "text")
    assert (a["url"], a["published"]) == ("https://baomoi.vn/a", "2021-03-04")
    assert len(a["facts"]) == 3
    assert (b["id"], b["source"], b["format"]) == ("b", f"{source}#2", "html")
    assert (b["url"], b["published"]) == (None, None)
    assert [(f["kind"], f["value"]) for f in b["facts"]] == [("villages", 62)]


def test_extract_jsonl_with_a_bad_line(tmp_path: Path) -> None:
    # GIVEN a JSON Lines file whose second line is not JSON
    good = json.dumps({"id": "ok", "text": ARTICLE}, ensure_ascii=False)
    source = write(tmp_path / "mixed.jsonl", f"{good}\n{{not json\n{good}\n")
    # WHEN it is extracted
    result = invoke("extract", source)
    # THEN the bad line yields an error record in its place, the good lines records, and exit 1
    assert result.exit_code == 1
    first, bad, last = lines_of(result)
    assert first["id"] == last["id"] == "ok"
    assert last["source"] == f"{source}#3"
    assert list(bad) == ["schema_version", "id", "source", "error"]
    assert (bad["id"], bad["source"], bad["error"]["type"]) == (
        "mixed#2",
        f"{source}#2",
        "ReadError",
    )
    assert bad["error"]["message"].startswith("invalid JSON on this line: ")
    first_line, second_line = result.stderr.splitlines(keepends=True)
    assert summary(3, 1).fullmatch(first_line)
    assert second_line == f"1 {BATCH_FAILED}"


# --- bad inputs become error records --------------------------------------------------------------


def test_extract_empty_file_is_an_error_record_and_the_batch_goes_on(tmp_path: Path) -> None:
    # GIVEN an empty file between two seeds
    empty = write(tmp_path / "empty.txt", b"")
    inputs = [str(SEED_FILES[0]), empty, str(SEED_FILES[1])]
    # WHEN the batch is extracted
    result = invoke("extract", *inputs)
    # THEN the empty file has an error record in its place and the exit code is 1
    assert result.exit_code == 1
    first, error, last = lines_of(result)
    assert error == {
        "schema_version": "1",
        "id": "empty",
        "source": empty,
        "error": {
            "type": "ReadError",
            "message": "the document is empty: there is no text to extract",
        },
    }
    assert (first["id"], last["id"]) == (SEED_FILES[0].stem, SEED_FILES[1].stem)
    assert first["facts"]
    assert last["facts"]
    first_line, second_line = result.stderr.splitlines(keepends=True)
    assert summary(3, 1).fullmatch(first_line)
    assert second_line == f"1 {BATCH_FAILED}"


def test_extract_binary_file_is_an_error_record(tmp_path: Path) -> None:
    noise = bytes(random.Random(7).getrandbits(8) for _ in range(3000))
    binary = write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00" + noise + b"\x00" * 16)
    result = invoke("extract", binary)
    assert result.exit_code == 1
    [record] = lines_of(result)
    assert record["error"] == {
        "type": "ReadError",
        "message": "the document looks binary (control bytes): is it really text or HTML?",
    }


def test_extract_short_binary_with_nul_is_an_error_record(tmp_path: Path) -> None:
    binary = write(tmp_path / "tiny.txt", b"ab\x00cd\xff")
    result = invoke("extract", binary)
    assert result.exit_code == 1
    [record] = lines_of(result)
    assert record["error"]["message"].startswith("the document looks binary")


def test_extract_missing_file_is_an_error_record(tmp_path: Path) -> None:
    missing = str(tmp_path / "khong_co.txt")
    result = invoke("extract", missing, str(SEED_FILES[0]))
    assert result.exit_code == 1
    error, record = lines_of(result)
    assert error == {
        "schema_version": "1",
        "id": "khong_co",
        "source": missing,
        "error": {"type": "ReadError", "message": f"no such file: {missing}"},
    }
    assert record["id"] == SEED_FILES[0].stem


def test_extract_unreadable_file_is_an_error_record(tmp_path: Path) -> None:
    # GIVEN a file without read permission (root can read it anyway: then there is nothing to test)
    locked = tmp_path / "locked.txt"
    write(locked, ARTICLE)
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running with privileges that read any file (root)")
        # WHEN it is extracted
        result = invoke("extract", str(locked))
    finally:
        locked.chmod(0o644)
    # THEN it yields an error record saying why
    assert result.exit_code == 1
    [record] = lines_of(result)
    assert record["error"] == {
        "type": "ReadError",
        "message": f"cannot read {locked}: Permission denied",
    }


def test_extract_unreadable_file_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same error without depending on who runs the tests: reading this one path fails.
    locked = tmp_path / "locked.txt"
    write(locked, ARTICLE)
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = invoke("extract", str(locked), str(SEED_FILES[0]))
    assert result.exit_code == 1
    error, record = lines_of(result)
    assert error["error"] == {
        "type": "ReadError",
        "message": f"cannot read {locked}: Permission denied",
    }
    assert record["facts"]


def test_extract_invalid_utf8_in_the_middle_gives_a_record_with_a_warning(tmp_path: Path) -> None:
    # GIVEN a valid UTF-8 article with stray bytes in the middle of it
    head, tail = ARTICLE.split("tạo việc làm")
    path = write(tmp_path / "broken.txt", head.encode() + b"\xff\xfe\xc3 " + tail.encode())
    # WHEN it is extracted
    result = invoke("extract", path)
    # THEN it is a record, not an error, and says the decoding was a guess
    assert result.exit_code == 0, result.output
    [record] = lines_of(result)
    assert "error" not in record
    assert len(record["warnings"]) == 1
    assert record["warnings"][0].startswith("not valid UTF-8; decoded as ")
    assert "118 làng nghề" in record["text"]


def test_extract_utf16_with_bom(tmp_path: Path) -> None:
    utf8 = write(tmp_path / "a.txt", ARTICLE)
    utf16 = write(tmp_path / "b.txt", ARTICLE.encode("utf-16"))
    a, b = lines_of(invoke("extract", utf8, utf16))
    assert b["warnings"] == ["decoded as UTF-16 (byte order mark)"]
    assert b["text"] == a["text"]
    assert fact_tuples(b) == fact_tuples(a)


@pytest.mark.parametrize("seed", SEED_FILES, ids=[p.stem for p in SEED_FILES])
def test_extract_nfd_gives_the_same_record_as_nfc(tmp_path: Path, seed: Path) -> None:
    # GIVEN a seed written in NFC and the same text decomposed (NFD)
    text = seed.read_text(encoding="utf-8")
    nfc = write(tmp_path / "nfc" / seed.name, unicodedata.normalize("NFC", text))
    nfd = write(tmp_path / "nfd" / seed.name, unicodedata.normalize("NFD", text))
    # WHEN both are extracted
    a, b = lines_of(invoke("extract", nfc, nfd))
    # THEN everything but the source and the hash of the raw bytes is the same
    for key in ["title", "author", "province", "provinces", "text", "facts", "warnings"]:
        assert a[key] == b[key], key


# --- usage errors ---------------------------------------------------------------------------------


def test_extract_directory_without_documents_is_a_usage_error(tmp_path: Path) -> None:
    # GIVEN a directory holding no document
    write(tmp_path / "notes.md", "# nothing")
    # WHEN it is extracted
    result = invoke("extract", str(tmp_path))
    # THEN click's usage error: exit 2, our message on stderr, nothing on stdout
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(("Usage", "Error"))
    assert result.stderr.endswith(
        f"Error: Invalid value for INPUT: no documents found in {tmp_path} "
        f"(looked for {', '.join(DOCUMENT_SUFFIXES)}, each also .gz)\n"
    )
    assert "Warning" not in result.stderr


def test_extract_empty_directory_beside_a_file_warns_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = invoke("extract", "--quiet", str(tmp_path / "empty"), str(SEED_FILES[0]))
    assert result.exit_code == 0
    assert result.stderr == f"Warning: no documents found under {tmp_path / 'empty'}\n"
    assert len(lines_of(result)) == 1


def test_extract_without_inputs_is_a_usage_error() -> None:
    result = invoke("extract")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Usage: ")
    assert "Error: Missing argument 'INPUT...'." in result.stderr


def test_extract_to_a_directory_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("extract", str(SEED_FILES[0]), "-o", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"Error: Invalid value for -o: cannot write to {tmp_path}: it is a directory\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_extract_to_a_missing_directory_is_a_usage_error(tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "out.jsonl"
    result = invoke("extract", str(SEED_FILES[0]), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"Error: Invalid value for -o: cannot write to {out}: No such file or directory\n"
    )


def test_output_file_gets_the_usual_mode_not_the_temp_files(tmp_path: Path) -> None:
    """The temporary file is private (0600); the output it becomes is not."""
    out = tmp_path / "out.jsonl"
    old = os.umask(0o022)
    try:
        assert invoke("extract", str(SEED_FILES[0]), "-o", str(out)).exit_code == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644


def test_an_existing_output_file_keeps_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    out.chmod(0o640)
    assert invoke("extract", str(SEED_FILES[0]), "-o", str(out)).exit_code == 0
    assert out.stat().st_mode & 0o777 == 0o640


def test_unknown_option_is_a_usage_error() -> None:
    result = invoke("extract", "--frobnicate", str(SEED_FILES[0]))
    assert result.exit_code == 2
    assert "Error: No such option: --frobnicate" in result.stderr


# --- other commands -------------------------------------------------------------------------------


def test_schema_prints_a_json_schema_of_a_record() -> None:
    result = invoke("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["type"] == "object"
    assert schema["title"] == "Record"
    assert list(schema["properties"])[:4] == ["schema_version", "id", "source", "url"]
    assert {"id", "source", "format", "sha256", "text"} <= set(schema["required"])
    assert "Fact" in schema["$defs"]


def test_schema_validates_real_output_when_jsonschema_is_installed() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(invoke("schema").stdout)
    for record in lines_of(invoke("extract", str(SEEDS))):
        jsonschema.validate(record, schema)


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"langnghe-extract {__version__}\n"


def test_help_lists_commands() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    assert "extract" in result.stdout
    assert "schema" in result.stdout
    assert "--version" in result.stdout


def test_no_arguments_shows_help() -> None:
    result = invoke()
    assert "Commands" in result.output
    assert "extract" in result.output


def test_extract_help_describes_inputs_and_output() -> None:
    result = invoke("extract", "--help")
    assert result.exit_code == 0
    assert "INPUT..." in result.stdout
    assert "-o, --output" in result.stdout


def test_module_entry_point_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "langnghe_extract", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout == f"langnghe-extract {__version__}\n"


# --- the output contract (shared/tools/check_contract.py) -----------------------------------------

needs_contract_checker = pytest.mark.skipif(
    not CHECK_CONTRACT.is_file(), reason=f"{CHECK_CONTRACT} is not present (../shared beside clone)"
)


def check_contract(out: Path, inputs: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(CHECK_CONTRACT), str(out), "--inputs", str(inputs)],
        capture_output=True,
        text=True,
        check=False,
    )


@needs_contract_checker
def test_contract_holds_for_the_seeds(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert invoke("extract", str(SEEDS), "-o", str(out)).exit_code == 0
    done = check_contract(out, len(SEED_FILES))
    assert done.returncode == 0, done.stdout
    assert done.stdout.endswith(f"{len(SEED_FILES)} lines, 0 problems\n")


@needs_contract_checker
def test_contract_holds_for_a_batch_of_bad_inputs(tmp_path: Path) -> None:
    # GIVEN a batch mixing good documents with every kind of bad one (9 documents in all)
    good = json.dumps({"id": "ok", "text": ARTICLE}, ensure_ascii=False)
    inputs = [
        str(SEED_FILES[0]),
        write(tmp_path / "in" / "empty.txt", b""),
        write(tmp_path / "in" / "binary.txt", b"\x00\x01\x02" * 50),
        str(tmp_path / "in" / "missing.txt"),
        write(tmp_path / "in" / "broken.txt", ARTICLE.encode() + b"\xff" + ARTICLE.encode()),
        write(tmp_path / "in" / "batch.jsonl", f"{good}\nnot json\n{good}\n"),
        write(tmp_path / "in" / "utf16.txt", ARTICLE.encode("utf-16")),
    ]
    out = tmp_path / "out.jsonl"
    # WHEN it is extracted
    result = invoke("extract", *inputs, "-o", str(out))
    # THEN the batch exits 1 and the output still honours the contract, one line per document
    assert result.exit_code == 1
    done = check_contract(out, 9)
    assert done.returncode == 0, done.stdout


# --- batches: workers, progress, summary, interruptions (issues #7, #9) ---------------------------


def many_articles(path: Path, count: int) -> str:
    line = json.dumps({"id": "a", "text": ARTICLE}, ensure_ascii=False)
    path.write_text((line + "\n") * count, encoding="utf-8")
    return str(path)


def test_extract_with_workers_writes_the_same_output_as_one_process(tmp_path: Path) -> None:
    source = many_articles(tmp_path / "many.jsonl", 40)
    one = invoke("extract", source, "--jobs", "1")
    two = invoke("extract", source, "-j", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    assert len(lines_of(two)) == 40
    assert summary(40, 0).fullmatch(two.stderr)


def test_extract_quiet_writes_nothing_on_stderr() -> None:
    result = invoke("extract", "-q", str(SEEDS))
    assert result.exit_code == 0
    assert result.stderr == ""


def test_extract_max_size_turns_a_larger_document_into_an_error_record(tmp_path: Path) -> None:
    big = write(tmp_path / "big.txt", ARTICLE * 100)
    result = invoke("extract", "-q", "--max-size", "0.01", big, str(SEED_FILES[0]))
    assert result.exit_code == 1
    error, record = lines_of(result)
    assert error["error"]["message"].startswith("the document is over the 0.01 MB limit")
    assert record["facts"]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--jobs", "-1", "Invalid value for '-j' / '--jobs': "),
        ("--timeout", "-2", "Invalid value for '--timeout': "),
    ],
)
def test_extract_rejects_negative_settings(option: str, value: str, message: str) -> None:
    result = invoke("extract", str(SEED_FILES[0]), option, value)
    assert result.exit_code == 2
    assert f"Error: {message}" in result.stderr


def test_extract_debug_logs_the_traceback_of_an_internal_error(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # GIVEN a stage that fails on every document (a bug)
    def broken(raw: object) -> None:
        raise ZeroDivisionError(f"a bug on {type(raw).__name__}")

    monkeypatch.setattr(pipeline, "process", broken)
    # WHEN a document is extracted with --debug, then without
    with caplog.at_level("DEBUG", logger="langnghe_extract.pipeline"):
        debug = invoke("extract", "-j", "1", "--debug", str(SEED_FILES[0]))
    plain = invoke("extract", "-j", "1", str(SEED_FILES[0]))
    # THEN both write an InternalError record; only --debug logs where it happened
    assert debug.exit_code == plain.exit_code == 1
    assert lines_of(debug)[0]["error"]["type"] == "InternalError"
    assert "ZeroDivisionError: a bug on RawDocument" in caplog.text
    assert "Traceback" not in plain.stderr


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_an_interrupted_run_leaves_the_old_output_and_no_temporary_file(
    tmp_path: Path, signum: int, code: int
) -> None:
    # GIVEN an existing output and a batch long enough to interrupt
    source = many_articles(tmp_path / "many.jsonl", 20_000)
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    command = [sys.executable, "-m", "langnghe_extract", "extract", source, "-o", str(out)]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    # WHEN it is interrupted once it has started writing
    deadline = time.monotonic() + 60
    while not any(p.stat().st_size for p in tmp_path.glob(".out.jsonl.*")):
        assert time.monotonic() < deadline
        assert process.poll() is None
        time.sleep(0.05)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    # THEN it says so, exits 130/143 without a traceback, and the old output is untouched
    assert process.returncode == code
    assert stderr.startswith("Interrupted after ")
    assert stderr.endswith(f"document(s): {out} is unchanged\n")
    assert "Traceback" not in stderr
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many.jsonl", "out.jsonl"]
