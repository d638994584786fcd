"""The whole analysis, stage by stage, beside the re + Counter floor; scaling and workers.

Usage:
    python benchmarks/bench_all.py [PATH] [--workers 1 2] [--fraction 0.1 0.3 1.0]
                                   [--generate-words N] [--acceptance] [--pss]
                                   [--stream [--cold]]

PATH: as for ``bench_corpus.py`` (folder, .tar.xz, default the UN archive in
``../shared/data``, else a generated corpus). Each (fraction, workers) run happens in a
fresh Python process, so peak memory (sampled over that process and its worker
processes) belongs to that run alone. Stages call the public API only and are skipped,
with a note, when their function does not exist yet: read+normalize
(``corpus.read_corpus``), segment (sentences and words of every document), quotes,
hedges, modals, comparisons, frequency, keyness, readability. "whole analysis" is the
sum of all stages run one after the other on one corpus.

Ratios ("x floor") are to the floor measured in the run's own process, as issue 7's
acceptance asks: three passes before the stages, the median taken (a pass in a process
that has imported pandas and the analysis is about 10% slower than in the bare parent,
whose floor the "===" line shows). The run also prints which modules ran compiled
(mypyc; see setup.py): none in an editable install, so benchmark a regular install
(``pip install .``) for the numbers users get.

``--acceptance`` runs issue 7's acceptance set instead: read, frequency, quotes, hedges,
modals, comparisons, readability, each called with its defaults (no separate segment
stage, so the first stage that needs sentences pays for them; no keyness).

Peak memory is the RSS of the run's process and its workers, summed (an upper bound:
pages a forked worker shares with the parent count once per process). ``--pss`` also
reports the PSS (shared pages divided among their sharers); reading it slows the
workers being measured (about 8% on the acceptance set), so take times from a run
without it.

``--stream`` reads the corpus as a streamed corpus (``read_corpus(..., cache=DIR,
stream=True)``: documents stay in the Parquet cache and each pass reads them block by
block). The cache is written by a separate process first, so the runs measure a
second read of the corpus. With ``--cold`` each run starts from an empty cache, so its
read stage is a first read, which writes the cache as it reads.
"""

from __future__ import annotations

import argparse
import inspect
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _harness  # noqa: E402

FLOOR_PASSES = 3
ACCEPTANCE_ORDER = (
    "read+normalize",
    "frequency",
    "quotes",
    "hedges",
    "modals",
    "comparisons",
    "readability",
)
STAGES = [
    ("quotes", "find_quotes", {}),
    ("hedges", "find_hedges", {}),
    ("modals", "find_modals", {}),
    ("comparisons", "find_comparisons", {}),
    ("frequency", "stat_frequency", {}),
    ("keyness", "stat_keyness", {"by": "__first_docvar__"}),
    ("readability", "stat_readability", {}),
]


def count_segments(doc) -> int:
    return len(doc.sentences) + len(doc.words)


def run_one(
    folder: Path,
    workers: int,
    acceptance: bool = False,
    pss: bool = False,
    stream_cache: str | None = None,
) -> dict:
    """All stages on one folder in this process; returns seconds and peak MB per stage."""
    import analysis
    import corpus
    from analysis.engine import map_documents

    results: dict = {"stages": [], "skipped": [], "compiled": _harness.compiled_modules()}
    # The floor again in this process, as issue 7's acceptance asks ("beside a plain
    # re+Counter pass in the same process"); three passes, since one pass on this
    # machine varied from 1.7 to 2.4 s between runs.
    results["floors"] = [_harness.floor_pass(folder)[0] for _ in range(FLOOR_PASSES)]

    def timed(stage: str, func) -> object:
        with _harness.PeakMemory(pss=pss) as memory:
            start = time.perf_counter()
            value = func()
            seconds = time.perf_counter() - start
        results["stages"].append(
            {
                "stage": stage,
                "seconds": seconds,
                "peak_mb": memory.peak_mb,
                "peak_pss_mb": memory.peak_pss_mb,
            }
        )
        return value

    if stream_cache:
        cold = not Path(stream_cache).exists()
        read = lambda: corpus.read_corpus(  # noqa: E731
            folder, workers=workers, cache=stream_cache, stream=True
        )
        c = timed(f"read ({'first' if cold else 'cache'}, streamed)", read)
    else:
        c = timed("read+normalize", lambda: corpus.read_corpus(folder, workers=workers))
    stages = STAGES
    if acceptance:
        by_name = {stage[0]: stage for stage in STAGES}
        stages = [by_name[name] for name in ACCEPTANCE_ORDER[1:]]
    else:
        timed("segment", lambda: map_documents(c, count_segments, workers=workers))
    for stage, name, options in stages:
        func = getattr(analysis, name, None)
        if func is None:
            results["skipped"].append(f"{stage}: analysis.{name} does not exist")
            continue
        kwargs = dict(options)
        if kwargs.get("by") == "__first_docvar__":
            kwargs["by"] = _keyness_group(c)
            if kwargs["by"] is None:
                results["skipped"].append(f"{stage}: no docvar to compare groups by")
                continue
            kwargs["target"] = str(c.docvars[kwargs["by"]].dropna().iloc[0])
        if "workers" in inspect.signature(func).parameters:
            kwargs["workers"] = workers
        timed(stage, lambda func=func, kwargs=kwargs: func(c, **kwargs))
    return results


def _keyness_group(c) -> str | None:
    for column in ("country", "year", "session"):
        if column in c.docvars.columns:
            return column
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", help="corpus folder or .tar.xz archive")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, _harness.cores()])
    parser.add_argument("--fraction", type=float, nargs="+", default=[1.0])
    parser.add_argument("--generate-words", type=int, default=2_000_000)
    parser.add_argument(
        "--acceptance", action="store_true", help="only issue 7's acceptance stages, in order"
    )
    parser.add_argument(
        "--pss", action="store_true", help="also measure PSS (slows the run; see above)"
    )
    parser.add_argument(
        "--stream", action="store_true", help="read a streamed corpus from a warm cache"
    )
    parser.add_argument(
        "--cold", action="store_true", help="with --stream: start every run from an empty cache"
    )
    parser.add_argument("--child", nargs=2, metavar=("FOLDER", "WORKERS"), help=argparse.SUPPRESS)
    parser.add_argument("--stream-cache", help=argparse.SUPPRESS)
    parser.add_argument("--warm", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.cold and not args.stream:
        parser.error("--cold starts streamed runs from an empty cache: give --stream too")
    if args.child:
        folder, workers = Path(args.child[0]), int(args.child[1])
        if args.warm:
            import corpus

            corpus.read_corpus(folder, workers=workers, cache=args.stream_cache)
            print(json.dumps({}))
            return 0
        print(json.dumps(run_one(folder, workers, args.acceptance, args.pss, args.stream_cache)))
        return 0
    with _harness.workdir() as tmp:
        tmp = Path(tmp)
        folder = _harness.corpus_folder(args.path, tmp, args.generate_words)
        if folder is None:
            return 0
        for fraction in sorted(set(args.fraction)):
            sample = _harness.sample_folder(folder, fraction, tmp)
            floor_seconds, words = _harness.floor_pass(sample)
            print(
                f"\n=== {fraction:.0%} of the corpus: {words:,} words; "
                f"floor in the benchmark's own process {floor_seconds:.2f} s"
            )
            if args.stream and not args.cold:
                warm = ["--stream-cache", str(tmp / f"cache-{fraction}")]
                _child(sample, max(args.workers), [*warm, "--warm"])
            for workers in sorted(set(args.workers)):
                extra = []
                if args.stream:
                    name = f"cache-{fraction}-{workers}" if args.cold else f"cache-{fraction}"
                    extra = ["--stream-cache", str(tmp / name)]
                options = [*extra, *(["--acceptance"] if args.acceptance else [])]
                results = _child(sample, workers, [*options, *(["--pss"] if args.pss else [])])
                report(results, workers, floor_seconds, words)
    return 0


def _child(folder: Path, workers: int, options: list[str]) -> dict:
    command = [sys.executable, __file__, "--child", str(folder), str(workers), *options]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"benchmark run failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(results: dict, workers: int, floor_seconds: float, words: int) -> None:
    stages = results["stages"]
    total = sum(s["seconds"] for s in stages)
    peak = max(s["peak_mb"] for s in stages)
    peak_pss = max(s.get("peak_pss_mb", 0.0) for s in stages)
    floors = sorted(results.get("floors") or [floor_seconds])
    floor_seconds = floors[len(floors) // 2]
    print(
        f"--- workers={workers}; compiled modules: {results.get('compiled') or 'none'}; "
        f"floor in this process: median {floor_seconds:.2f} s of "
        f"{', '.join(f'{f:.2f}' for f in results.get('floors', []))}"
    )
    print(
        f"{'stage':24s} {'seconds':>9s} {'words/s':>12s} {'RSS MB':>9s} {'PSS MB':>8s} "
        f"{'x floor':>8s}"
    )
    whole = {"stage": "whole analysis", "seconds": total, "peak_mb": peak, "peak_pss_mb": peak_pss}
    for s in [*stages, whole]:
        print(
            f"{s['stage']:24s} {s['seconds']:9.2f} {words / s['seconds']:12,.0f} "
            f"{s['peak_mb']:9.0f} {_megabytes(s.get('peak_pss_mb', 0.0)):>8s} "
            f"{s['seconds'] / floor_seconds:8.2f}"
        )
    for note in results["skipped"]:
        print(f"skipped {note}")


def _megabytes(value: float) -> str:
    return f"{value:.0f}" if value else "-"  # 0: not measured


if __name__ == "__main__":
    sys.exit(main())
