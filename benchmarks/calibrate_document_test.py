"""Calibration of ``stat_keyness(test="documents")``: false alarms and how loose its bounds are.

Usage:
    python benchmarks/calibrate_document_test.py [PATH] [--sessions 35-44] [--draws 20]
                                                 [--sizes 7 30 100] [--permutations 20000]

PATH: an unpacked UN General Debate folder (one holding ``TXT/``, or ``TXT`` itself) or
the archive ``ungdc-1946-1999.tar.xz``; by default ``../shared/data`` relative to the
repository root. Skips (exit 0) when absent; nothing from the data is written anywhere.

1. False alarms: ``--draws`` random groups of each size in ``--sizes`` (speeches drawn
   at random, seeded) against the other speeches of the sessions. No term is key for a
   random group, so every Holm-significant term is a false alarm; the share of terms
   with raw p < 0.05 should stay below 5%.
2. Looseness: for the 8 strongest terms of USA, CHN and the USSR (RUS) against the
   rest, the document test's p-value beside a Monte Carlo estimate of the exact
   permutation p-value (``--permutations`` random groups of the same size; the estimate
   has resolution 1 / (permutations + 1)). The test's p-values are bounds: never below
   the exact ones.
"""

from __future__ import annotations

import argparse
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import numpy as np

import analysis
import corpus
from analysis import _wordcounts
from analysis._document_test import DocumentRates
from analysis._input import group_labels
from analysis._wordcounts import word_counts

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data"


def _sessions_folder(path: Path, first: int, last: int, work: Path) -> Path | None:
    """A folder of links to the chosen sessions of an unpacked or packed archive."""
    if path.is_dir() and (path / "ungdc-1946-1999.tar.xz").exists() and not (path / "TXT").exists():
        path = path / "ungdc-1946-1999.tar.xz"
    if path.is_file():
        with tarfile.open(path) as archive:
            archive.extractall(work / "unpacked", filter="data")
        found = list((work / "unpacked").rglob("TXT"))
        if not found:
            return None
        path = found[0]
    txt = path / "TXT" if (path / "TXT").is_dir() else path
    chosen = work / "sessions"
    chosen.mkdir()
    for session in sorted(txt.glob("Session *")):
        number = int(session.name.split()[1])
        if first <= number <= last:
            (chosen / session.name).symlink_to(session.resolve())
    return chosen if any(chosen.iterdir()) else None


def false_alarms(c, sizes: list[int], draws: int) -> None:
    print("random groups against the rest: Holm-significant terms, share of raw p < 0.05")
    rng = np.random.default_rng(20261128)
    ids = np.array(c.doc_ids)
    for size in sizes:
        significant, shares = [], []
        for _ in range(draws):
            chosen = set(rng.choice(ids, size, replace=False))
            docvars = c.docvars.assign(draw=["T" if d in chosen else "R" for d in ids])
            drawn = corpus.Corpus(list(c), docvars, c.report)
            # the same documents in the same order: their word-count table is shared
            drawn.__dict__[_wordcounts._CACHE_KEY] = word_counts(c)
            table = analysis.stat_keyness(
                drawn, by="draw", target="T", test="documents", top_n=None
            )
            significant.append(int((table["p_adjusted"] < 0.05).sum()))
            shares.append(float((table["p_value"] < 0.05).mean()))
        print(
            f"  {size:4d} speeches, {draws} draws: Holm-significant {min(significant)}-"
            f"{max(significant)} (mean {np.mean(significant):.1f}); raw p < 0.05 for "
            f"{100 * min(shares):.2f}-{100 * max(shares):.2f}% of terms"
        )


def looseness(c, permutations: int) -> None:
    print("the test's p-value against the exact permutation p-value (Monte Carlo)")
    rates = DocumentRates(c, "lower")
    labels = group_labels(c, "country")
    rng = np.random.default_rng(7)
    for country in ("USA", "CHN", "RUS"):
        target = labels.index[labels == country].tolist()
        if len(target) < 2:
            continue
        reference = labels.index[labels != country].tolist()
        table = analysis.stat_keyness(c, by="country", target=country, test="documents", top_n=8)
        terms = table[table["direction"] == "target"]["term"].tolist()
        bounds = rates.permutation_p(terms, target, reference)
        rows = [rates.doc_index[d] for d in target]
        for term, bound in zip(terms, bounds, strict=True):
            values = rates.rates[:, rates.column[term]].toarray().ravel()
            observed = values[rows].sum()
            draws = np.array(
                [
                    values[rng.choice(len(values), len(rows), replace=False)].sum()
                    for _ in range(permutations)
                ]
            )
            upper = (np.sum(draws >= observed - 1e-12) + 1) / (permutations + 1)
            print(
                f"  {country} ({len(target)} speeches) {term:>16}: bound {bound:.2e}, "
                f"Monte Carlo two-sided {min(1.0, 2 * upper):.2e}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument(
        "--sessions", default="35-44", help="first-last session (default the 1980s)"
    )
    parser.add_argument("--draws", type=int, default=20)
    parser.add_argument("--sizes", type=int, nargs="+", default=[7, 30, 100])
    parser.add_argument("--permutations", type=int, default=20000)
    args = parser.parse_args(argv)
    if not args.path.exists():
        print(f"skipped: {args.path} not found")
        return 0
    first, last = (int(s) for s in args.sessions.split("-"))
    with tempfile.TemporaryDirectory() as work:
        folder = _sessions_folder(args.path, first, last, Path(work))
        if folder is None:
            print(f"skipped: no UN sessions {args.sessions} under {args.path}")
            return 0
        started = time.perf_counter()
        c = corpus.read_corpus(folder, progress=False)
        print(f"{len(c)} speeches of sessions {args.sessions}")
        false_alarms(c, args.sizes, args.draws)
        looseness(c, args.permutations)
        print(f"{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
