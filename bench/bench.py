"""Throughput benchmark (issue #7): ``make bench``; not part of the tests.

Runs ``langnghe extract`` over ``../shared/corpus/bulk.jsonl.gz`` when present (else a generated
corpus of news-like articles) at ``--jobs 1`` and ``--jobs 2``, and an I/O floor (read the same
input, NFC-normalise each text and write it as JSON, nothing else), each as a separate process
measured from the outside: documents/s, MB/s of text, and peak memory of the whole process tree
(RSS summed over the parent and its workers, and PSS, which counts pages shared by forked
workers once). Then the first 1,000 documents alone, to show memory does not grow with the
input. Linux only (reads /proc).

    python bench/bench.py [--limit N] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus" / "bulk.jsonl.gz"
FLOOR = r"""
import gzip, json, sys, unicodedata
out = open(sys.argv[2], "w", encoding="utf-8")
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as lines:
    for line in lines:
        doc = json.loads(line)
        text = unicodedata.normalize("NFC", doc["text"])
        out.write(json.dumps({"id": doc["id"], "text": text}, ensure_ascii=False) + "\n")
out.close()
"""


@dataclass
class Run:
    """One measured run: wall seconds, CPU seconds and peak memory (MB) of the process tree."""

    name: str
    seconds: float
    cpu: float
    rss_mb: float
    pss_mb: float


def main() -> None:
    """Measure, then print the figures recorded in bench/RESULTS.md."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=BULK if BULK.is_file() else None)
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        corpus = prepare(args.corpus, args.limit, work / "corpus.jsonl.gz")
        first = prepare(corpus, 1000, work / "first1000.jsonl.gz")
        docs, text_mb = count(corpus)
        print(describe_machine())
        print(f"corpus: {args.corpus or 'generated'}: {docs:,} documents, {text_mb:.1f} MB of text")
        runs = [
            measure("floor", [sys.executable, "-c", FLOOR, str(corpus), str(work / "f.jsonl")]),
            measure("jobs 1", extract(corpus, work, 1)),
            measure("jobs 2", extract(corpus, work, 2)),
            measure("jobs 2, first 1,000", extract(first, work, 2)),
            measure("jobs 1, first 1,000", extract(first, work, 1)),
        ]
        report(runs, docs, text_mb)


def prepare(source: Path | None, limit: int, target: Path) -> Path:
    """The corpus as a .jsonl.gz, cut to ``limit`` documents; generated when there is none."""
    if source is not None and not limit:
        return source
    lines = read_lines(source) if source is not None else generate(limit or 5000)
    with gzip.open(target, "wt", encoding="utf-8") as out:
        for number, line in enumerate(lines):
            if limit and number >= limit:
                break
            out.write(line if line.endswith("\n") else line + "\n")
    return target


def read_lines(source: Path) -> list[str]:
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        return list(lines)


def generate(count: int) -> list[str]:
    """News-like articles: a headline, prose, and a paragraph of figures now and then."""
    rng = random.Random(20260101)
    places = ["Bắc Ninh", "Hà Nội", "Thanh Hóa", "Nam Định", "Quảng Nam", "Vĩnh Long", "Hà Tĩnh"]
    prose = [
        "Những năm qua, chính quyền địa phương đã chú trọng hỗ trợ các cơ sở sản xuất đổi mới "
        "thiết bị, nâng cao chất lượng sản phẩm và mở rộng thị trường tiêu thụ.",
        "Nhiều nghệ nhân cho biết, nghề truyền thống không chỉ mang lại thu nhập ổn định mà còn "
        "góp phần giữ gìn bản sắc văn hóa của quê hương.",
        "Theo lãnh đạo sở, thời gian tới tỉnh tiếp tục rà soát quy hoạch, xử lý ô nhiễm môi "
        "trường và hỗ trợ xây dựng thương hiệu cho sản phẩm làng nghề.",
    ]
    lines = []
    for number in range(count):
        place = rng.choice(places)
        figures = (
            f"Toàn tỉnh {place} có {rng.randint(10, 300)} làng nghề, thu hút hơn "
            f"{rng.randint(1, 90)}.{rng.randint(100, 999)} lao động, doanh thu năm "
            f"{rng.randint(2015, 2024)} đạt {rng.randint(100, 9000)} tỷ đồng."
        )
        body = [rng.choice(prose) for _ in range(rng.randint(6, 20))]
        body.insert(rng.randrange(len(body)), figures)
        text = f"{place}: Phát triển làng nghề\n" + "\n".join(body)
        lines.append(json.dumps({"id": f"gen-{number}", "text": text}, ensure_ascii=False))
    return lines


def count(corpus: Path) -> tuple[int, float]:
    docs = 0
    size = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            docs += 1
            size += len(json.loads(line)["text"].encode())
    return docs, size / 2**20


def extract(corpus: Path, work: Path, jobs: int) -> list[str]:
    langnghe = [sys.executable, "-m", "langnghe_extract"]
    return [*langnghe, "extract", str(corpus), "-o", str(work / "out.jsonl"), "-q", "-j", str(jobs)]


def measure(name: str, command: list[str]) -> Run:
    """Run ``command``, sampling the memory of its process tree every 50 ms."""
    started = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(command)
    rss = pss = 0.0
    while process.poll() is None:
        tree = [process.pid, *descendants(process.pid)]
        rss = max(rss, sum(memory(pid, "Rss") for pid in tree))
        pss = max(pss, sum(memory(pid, "Pss") for pid in tree))
        time.sleep(0.05)
    seconds = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # workers count once their parent waits
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if process.returncode not in (0, 1):
        raise SystemExit(f"{name}: exit code {process.returncode}")
    return Run(name, seconds, cpu, rss / 1024, pss / 1024)


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found: list[int] = []
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def memory(pid: int, field: str) -> float:
    """A field of /proc/PID/smaps_rollup in kB (0 once the process is gone)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith(field + ":"):
                return float(line.split()[1])
    except OSError:
        pass
    return 0.0


def describe_machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        names = [
            line.split(":", 1)[1].strip()
            for line in cpuinfo.read_text().splitlines()
            if line.startswith("model name")
        ]
        cpu = names[0] if names else cpu
    memory_kb = 0
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        memory_kb = int(meminfo.read_text().split()[1])
    return (
        f"machine: {os.cpu_count()} cores ({cpu}), {memory_kb / 2**20:.0f} GB RAM, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def report(runs: list[Run], docs: int, text_mb: float) -> None:
    floor = runs[0]
    print(
        f"{'run':<22}{'seconds':>9}{'CPU s':>7}{'docs/s':>9}{'docs/CPU s':>11}{'MB/s':>7}"
        f"{'tree RSS MB':>13}{'PSS MB':>8}{'×floor':>8}"
    )
    for run in runs:
        n, mb = (1000, text_mb * 1000 / docs) if "1,000" in run.name else (docs, text_mb)
        ratio = run.seconds / floor.seconds if "1,000" not in run.name else float("nan")
        print(
            f"{run.name:<22}{run.seconds:>9.1f}{run.cpu:>7.1f}{n / run.seconds:>9,.0f}"
            f"{n / run.cpu:>11,.0f}{mb / run.seconds:>7.2f}"
            f"{run.rss_mb:>13.0f}{run.pss_mb:>8.0f}{ratio:>8.1f}"
        )
    one, two = runs[1], runs[2]
    print(f"speed-up jobs 2 / jobs 1: {one.seconds / two.seconds:.2f}×")
    print(f"peak RSS first 1,000 vs whole (jobs 2): {runs[3].rss_mb:.0f} / {two.rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
