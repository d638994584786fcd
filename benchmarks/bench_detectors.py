"""Words per second of the context detectors, beside the plain re + Counter floor.

Usage:
    python benchmarks/bench_detectors.py [PATH] [--docs N] [--repeat R]

PATH is an unpacked UN General Debate folder (``TXT/``), a folder of .txt files, or
the archive ``ungdc-1946-1999.tar.xz``; it defaults to ``../shared/data`` relative to
the repository root (the archive is unpacked to a temporary folder). The script skips
(exit 0) when nothing is found. The first N files (sorted by path) are read once with
``corpus.read_corpus``; each detector then runs single-process (``workers=1``) on the
read corpus, so the numbers exclude reading and normalizing. Each detector is timed
twice: "cold" (sentence spans and quotes computed inside the call, as on a freshly
read corpus) and "warm" (``doc.sentences`` and ``doc.quotes`` already computed, as
with a parsed-corpus cache or when an earlier stage computed them); the cost of
those shared spans is printed on its own. The floor is
``Counter(re.findall(r"\\w+", text))`` over the same normalized texts, timed in the
same run; ratios (detector seconds / floor seconds) are what compare across machines.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from _harness import files_under

import corpus
from corpus.quotes import find_quotes
from corpus.segment import split_sentences

ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = "ungdc-1946-1999.tar.xz"


def find_texts(path: Path, workdir: Path) -> list[Path]:
    """Sorted .txt files under ``path`` (unpacking the archive into ``workdir``)."""
    if path.is_dir() and (path / ARCHIVE).is_file():
        path = path / ARCHIVE
    if path.is_file() and path.name.endswith((".tar.xz", ".tar.gz", ".tar")):
        with tarfile.open(path) as archive:
            archive.extractall(workdir, filter="data")
        path = workdir
    if not path.is_dir():
        return []
    return files_under(path, "*.txt")


def floor_pass(texts: list[str]) -> int:
    words = 0
    for text in texts:
        counts = Counter(re.findall(r"\w+", text))
        words += sum(counts.values())
    return words


def quotes_pass(texts: list[str]) -> None:
    for text in texts:
        find_quotes(text, split_sentences(text))


def best_of(repeat: int, func: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return min(times)


def detectors() -> dict[str, Callable]:
    """Name -> function of a Corpus; other detectors can be added here."""
    import analysis

    found = {
        "find_hedges": lambda c: analysis.find_hedges(c, workers=1),
        "find_modals": lambda c: analysis.find_modals(c, workers=1),
    }
    if hasattr(analysis, "find_comparisons"):
        found["find_comparisons"] = lambda c: analysis.find_comparisons(c, workers=1)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--docs", type=int, default=500, help="number of files (default 500)")
    parser.add_argument("--repeat", type=int, default=3, help="best of R runs (default 3)")
    parser.add_argument("--only", nargs="*", default=None, help="detector names to run")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        files = find_texts(Path(args.path), tmp_path / "unpacked")
        if not files:
            print(f"skipped: no texts at {args.path}")
            return 0
        chosen = tmp_path / "chosen"
        chosen.mkdir()
        for n, file in enumerate(files[: args.docs]):
            target = chosen / f"{n:05d}_{file.name}"
            try:
                target.symlink_to(file)
            except OSError:
                shutil.copy(file, target)
        c = corpus.read_corpus(chosen)
        texts = [doc.text for doc in c]
        words = floor_pass(texts)
        floor = best_of(args.repeat, lambda: floor_pass(texts))

        def line(name: str, seconds: float) -> None:
            print(
                f"{name:<26} {seconds:8.3f} s {words / seconds:>12,.0f} words/s "
                f"{seconds / floor:6.2f}x"
            )

        print(f"{len(c)} documents, {words:,} words (\\w+)")
        line("floor re+Counter", floor)
        line("shared: sentences", best_of(args.repeat, lambda: [split_sentences(t) for t in texts]))
        line("shared: sentences+quotes", best_of(args.repeat, lambda: quotes_pass(texts)))
        runs = [(n, f) for n, f in detectors().items() if not args.only or n in args.only]
        for name, run in runs:
            line(f"{name} (cold)", best_of(args.repeat, lambda run=run: run(c)))
        for doc in c:
            doc.quotes  # noqa: B018 - caches sentences and quotes on the documents
        for name, run in runs:
            line(f"{name} (warm)", best_of(args.repeat, lambda run=run: run(c)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
