"""Measure how fast the extraction engine reads minutes, and how much memory it needs.

Usage: .venv/bin/python bench/bench_extraction.py [--target KBPS] [--size MB]

Builds at least 1 MB of minutes-sized documents (5-20 KB) by shuffling the paragraphs of the
gold corpus, runs extract() with the built-in directory on one core and prints the throughput in
KB of minutes (UTF-8) per second of CPU time (the wall-clock figure is printed too; it drops when
other processes share the core) and the peak memory. Exits non-zero under the target.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tracker.extraction import Directory, extract  # noqa: E402

CORPUS = ROOT / "tests" / "extraction_corpus"


def paragraphs() -> list[str]:
    """Return every paragraph of the gold corpus."""
    out: list[str] = []
    for path in sorted(CORPUS.glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            out.extend(p for p in item["text"].split("\n\n") if p.strip())
    return out


def documents(min_bytes: int, seed: int = 7) -> list[str]:
    """Shuffle paragraphs into documents of 5-20 KB until min_bytes are reached."""
    rng = random.Random(seed)
    pool = paragraphs()
    docs: list[str] = []
    total = 0
    while total < min_bytes:
        size = rng.randint(5 * 1024, 20 * 1024)
        parts: list[str] = []
        length = 0
        while length < size:
            part = rng.choice(pool)
            parts.append(part)
            length += len(part.encode("utf-8")) + 2
        doc = "\n\n".join(parts)
        docs.append(doc)
        total += len(doc.encode("utf-8"))
    return docs


def main() -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=float, default=300.0, help="minimum KB/s (default 300)")
    parser.add_argument("--size", type=float, default=1.0, help="MB of minutes (default 1)")
    args = parser.parse_args()

    docs = documents(int(args.size * 1024 * 1024))
    total_kb = sum(len(d.encode("utf-8")) for d in docs) / 1024
    directory = Directory.builtin()
    meeting = date(2026, 3, 10)
    extract(docs[0], meeting_date=meeting, directory=directory)  # warm the regex caches

    start, cpu_start = time.perf_counter(), time.process_time()
    found = 0
    for doc in docs:
        found += len(extract(doc, meeting_date=meeting, directory=directory))
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    wall_throughput = total_kb / seconds
    throughput = total_kb / cpu_seconds

    tracemalloc.start()
    for doc in docs[:20]:
        extract(doc, meeting_date=meeting, directory=directory)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB -> MB on Linux

    print(f"documents:        {len(docs)} ({total_kb:.0f} KB of minutes)")
    print(f"directives found: {found}")
    print(f"time:             {cpu_seconds:.2f} s of CPU on one core "
          f"({seconds:.2f} s wall clock)")
    print(f"throughput:       {throughput:.0f} KB/s per CPU second "
          f"(target {args.target:.0f} KB/s); {wall_throughput:.0f} KB/s by the wall clock")
    print(f"peak memory:      {traced_peak / 1024 / 1024:.1f} MB traced during extract(), "
          f"{max_rss:.0f} MB max RSS of the process")
    if throughput < args.target:
        print("FAIL: under the target")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
