"""Time `communique keywords` for a country against the rest, and check its numbers.

Usage:
    python benchmarks/bench_keyness.py [PATH] [--docs 4800] [--target RUS] [--workers N]

PATH is the UN General Debate archive (``ungdc-1946-1999.tar.xz``) or an unpacked
folder (one holding ``TXT/``); by default ``../shared/data/ungdc-1946-1999.tar.xz``
relative to the repository root. The script skips (exit 0) when it is absent and
copies nothing from it into the repository.

1. Speed: the first ``--docs`` speeches in session order are linked into a temporary
   folder and ``communique keywords FOLDER --by country --target RUS --top-n 50``
   runs as a subprocess; wall time is reported (the acceptance target is under 60 s
   on 2 cores for 4,800 speeches).
2. Agreement: G2 and log ratio of the 50 strongest target terms are recomputed
   independently - plain word counts per side from the same normalized texts (the
   corpus tokenizer, lower-cased), G2 from ``scipy.stats.power_divergence`` and log
   ratio from its definition - and compared with the command's output (target:
   1e-6 relative).
"""

from __future__ import annotations

import argparse
import io
import math
import os
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path

import pandas as pd
from _harness import files_under
from scipy import stats

import corpus

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "ungdc-1946-1999.tar.xz"


def find_speeches(path: Path, scratch: Path) -> list[Path]:
    """All speech files under ``path`` (unpacking a .tar.xz into ``scratch``)."""
    if path.is_file():
        print(f"unpacking {path.name} ...", file=sys.stderr)
        with tarfile.open(path) as archive:
            archive.extractall(scratch / "unpacked", filter="data")
        path = scratch / "unpacked"
    return sorted(files_under(path, "*_*_*.txt"), key=lambda p: (p.parent.name, p.name))


def link_subset(files: list[Path], folder: Path) -> None:
    for file in files:
        target = folder / file.parent.name / file.name
        target.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(file.resolve(), target)


def independent_keyness(folder: Path, target: str, terms: list[str]) -> pd.DataFrame:
    """G2 and log ratio of ``terms``, from plain counts (no analysis code involved)."""
    c = corpus.read_corpus(folder)
    sides = {True: Counter(), False: Counter()}
    for doc in c:
        words = (doc.text[s:e].lower() for s, e in corpus.tokenize(doc.text))
        sides[doc.meta["country"] == target].update(w for w in words if corpus.is_word(w))
    t_words, r_words = sum(sides[True].values()), sum(sides[False].values())
    rows = []
    for term in terms:
        a, b = sides[True][term], sides[False][term]
        expected = [
            t_words * (a + b) / (t_words + r_words),
            r_words * (a + b) / (t_words + r_words),
        ]
        g2 = stats.power_divergence([a, b], f_exp=expected, lambda_="log-likelihood")[0]
        # a zero count: Hardie's 0.5, or the count at half the other side's rate if less
        a_ = a or min(0.5, 0.5 * b * t_words / r_words)
        b_ = b or min(0.5, 0.5 * a * r_words / t_words)
        ratio = math.log2((a_ / t_words) / (b_ / r_words))
        rows.append(
            {"term": term, "count_target": a, "count_reference": b, "g2": g2, "log_ratio": ratio}
        )
    return pd.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--docs", type=int, default=4800)
    parser.add_argument("--target", default="RUS")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args(argv)
    path = Path(args.path)
    if not path.exists():
        print(f"skipped: no UN archive at {path}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        files = find_speeches(path, scratch)[: args.docs]
        folder = scratch / "subset"
        link_subset(files, folder)
        command = [
            sys.executable,
            "-c",
            "import sys; from analysis.cli import main; sys.exit(main())",
            "keywords",
            str(folder),
            "--by",
            "country",
            "--target",
            args.target,
            "--top-n",
            "50",
            "--format",
            "csv",
            "--quiet",
        ]
        if args.workers:
            command += ["--workers", str(args.workers)]
        load = os.getloadavg()  # other work on the machine slows the wall time
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        seconds = time.perf_counter() - start
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = usage.ru_utime + usage.ru_stime
        table = pd.read_csv(io.StringIO(done.stdout), keep_default_na=False)
        print(
            f"communique keywords on {len(files)} speeches ({args.target} vs the rest): "
            f"{seconds:.1f} s wall, {cpu:.1f} s CPU (all processes), {os.cpu_count()} cores, "
            f"load average before {load[0]:.1f}"
        )
        top = table[table["direction"] == "target"].head(50)
        check = independent_keyness(folder, args.target, top["term"].tolist())
        merged = top.merge(check, on="term", suffixes=("", "_independent"))
        counts_agree = (merged["count_target"] == merged["count_target_independent"]).all() and (
            merged["count_reference"] == merged["count_reference_independent"]
        ).all()
        g2_rel = ((merged["g2"] - merged["g2_independent"]).abs() / merged["g2_independent"]).max()
        lr_rel = (
            (merged["log_ratio"] - merged["log_ratio_independent"]).abs()
            / merged["log_ratio_independent"].abs()
        ).max()
        print(
            f"top {len(merged)} target terms: counts agree: {bool(counts_agree)}; "
            f"max relative difference G2 {g2_rel:.2e}, log ratio {lr_rel:.2e}"
        )
        print("strongest:", ", ".join(top["term"].head(15)))
        ok = counts_agree and g2_rel < 1e-6 and lr_rel < 1e-6 and len(merged) == len(top)
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
