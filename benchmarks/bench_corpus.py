"""Reading, normalizing and segmenting a corpus, beside the re + Counter floor.

Usage:
    python benchmarks/bench_corpus.py [PATH] [--generate-words N] [--no-cache] [--workers N]

PATH is an unpacked folder (the UN layout's ``TXT/`` is found by itself) or a .tar.xz
archive. Without PATH the UN archive is looked for at ``../shared/data`` relative to the
repository root and unpacked to a temporary folder; when it is absent a generated
corpus of N words (default 2,000,000) is used. A PATH that does not exist is skipped
with a message (exit 0).

Printed per stage: seconds, words per second, peak memory (this process), and the
ratio to the floor (``Counter(re.findall(r"\\w+", text))`` over the same files,
measured in the same run). Stages: read+normalize, segment (sentences, tokens, words),
the sum of both, and the Parquet cache (write, then read back).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _harness  # noqa: E402

import corpus  # noqa: E402
from corpus import Document  # noqa: E402


def segment_all(c: corpus.Corpus) -> int:
    """Sentences, tokens and words of every document as ``Document`` computes them (the
    spans the cache stores), on a fresh copy, so the spans die after each document."""
    n = 0
    for doc in c:
        fresh = Document(doc.doc_id, doc.text, doc.meta, doc.raw_sha256, doc.aliases)
        n += len(fresh.sentences) + len(fresh.tokens) + len(fresh.words)
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", help="corpus folder or .tar.xz archive")
    parser.add_argument("--generate-words", type=int, default=2_000_000)
    parser.add_argument("--no-cache", action="store_true", help="skip the cache stages")
    parser.add_argument(
        "--workers", type=int, default=None, help="processes for reading (default: all cores)"
    )
    args = parser.parse_args(argv)
    with _harness.workdir() as tmp:
        tmp = Path(tmp)
        folder = _harness.corpus_folder(args.path, tmp, args.generate_words)
        if folder is None:
            return 0
        rows = run(folder, tmp, cache=not args.no_cache, workers=args.workers)
    print_rows(rows)
    return 0


def run(folder: Path, tmp: Path, *, cache: bool = True, workers: int | None = None) -> list[dict]:
    floor_seconds, words = _harness.floor_pass(folder)
    rows = [{"stage": "floor (re + Counter)", "seconds": floor_seconds, "peak_mb": None}]

    def timed(stage: str, func):
        with _harness.PeakMemory() as memory:
            start = time.perf_counter()
            result = func()
            seconds = time.perf_counter() - start
        rows.append({"stage": stage, "seconds": seconds, "peak_mb": memory.peak_mb})
        return result

    c = timed("read+normalize", lambda: corpus.read_corpus(folder, workers=workers))
    timed("segment", lambda: segment_all(c))
    rows.append(
        {
            "stage": "read+normalize+segment",
            "seconds": rows[-2]["seconds"] + rows[-1]["seconds"],
            "peak_mb": max(rows[-2]["peak_mb"], rows[-1]["peak_mb"]),
        }
    )
    if cache:
        store = tmp / "cache"
        timed(
            "cache write (read+parse+save)",
            lambda: corpus.read_corpus(folder, cache=store, workers=workers),
        )
        del c
        timed("cache read", lambda: corpus.read_corpus(folder, cache=store, workers=workers))
    for row in rows:
        row["words"] = words
        row["words_per_s"] = words / row["seconds"] if row["seconds"] else float("nan")
        row["x_floor"] = row["seconds"] / floor_seconds
    return rows


def print_rows(rows: list[dict]) -> None:
    words = rows[0]["words"]
    print(f"corpus: {words:,} words (\\w+ matches)")
    print(f"{'stage':32s} {'seconds':>9s} {'words/s':>12s} {'peak MB':>9s} {'x floor':>8s}")
    for row in rows:
        peak = f"{row['peak_mb']:9.0f}" if row["peak_mb"] is not None else f"{'':9s}"
        print(
            f"{row['stage']:32s} {row['seconds']:9.2f} {row['words_per_s']:12,.0f} "
            f"{peak} {row['x_floor']:8.2f}"
        )


if __name__ == "__main__":
    sys.exit(main())
