"""`communique figures`: rebuild every table and figure the notebooks make."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import analysis
from analysis.figures import DEFAULT_TARGET, MissingDocvarError, sample_path
from analysis.output import provenance_path

from .common import DataError, add_corpus_arguments, check_writable, load_corpus, writing

PATH_HELP = (
    "the corpus of 03_comparing_countries: folder, .txt/.md file, or CSV/TSV/JSONL/Parquet "
    "table with 'country' and 'year' (or 'date') docvars (default: the synthetic UN sample)"
)


def register(subparsers) -> None:
    figures = subparsers.add_parser(
        "figures",
        help="rebuild every notebook table and figure, with provenance, byte-identical per run",
        description=(
            "Write the tables (CSV) and figures (PNG, SVG, PDF) of the notebooks into OUT, "
            "one folder per notebook, each file with a .provenance.json beside it. The seed "
            "notebooks use the seed; 03_comparing_countries uses PATH (or --corpus), which "
            "needs 'country' and 'year' docvars ('year' is taken from 'date' when absent). "
            "Everything is computed before the first file is written."
        ),
    )
    add_corpus_arguments(figures)
    _set_help(figures, "path", PATH_HELP)
    figures.add_argument(
        "--corpus",
        metavar="PATH",
        default=None,
        help="the same as PATH (kept for earlier scripts)",
    )
    figures.add_argument(
        "--out", metavar="DIR", default="figures", help="output folder (default: figures)"
    )
    figures.add_argument(
        "--target",
        metavar="COUNTRY",
        default=None,
        help=f"country for keyness (default: {DEFAULT_TARGET} when the corpus has it, "
        "else the first country)",
    )
    figures.add_argument(
        "--format",
        dest="formats",
        action="append",
        choices=analysis.figures.FIGURE_FORMATS,
        help="figure format; repeat for several (default: png, svg and pdf)",
    )
    figures.set_defaults(func=run_figures)


def _set_help(parser: argparse.ArgumentParser, dest: str, text: str) -> None:
    # The shared PATH help says its default is the seed; for figures it is the UN sample.
    for action in parser._actions:
        if action.dest == dest:
            action.help = text


def run_figures(args: argparse.Namespace) -> int:
    import matplotlib

    matplotlib.use("Agg")
    if args.path and args.corpus and args.path != args.corpus:
        raise ValueError(f"give the corpus once: PATH {args.path!r} or --corpus {args.corpus!r}")
    args.path = str(sample_path(args.path or args.corpus))
    check_writable(args.out, folder=True)
    # --format png --format png: each file once, in the order given.
    formats = list(dict.fromkeys(args.formats or analysis.figures.FIGURE_FORMATS))
    c = load_corpus(args)
    year_from_date = "year" not in c.docvars.columns and "date" in c.docvars.columns
    try:
        with writing(args.out, folder=True):
            paths = analysis.build_figures(
                c, args.out, target=args.target, formats=formats, workers=args.workers
            )
    except MissingDocvarError as exc:
        raise DataError(str(exc)) from exc
    if year_from_date and not args.quiet:
        print("note: 'year' was taken from the 'date' docvar", file=sys.stderr)
    stale = [] if args.quiet else _not_written(paths)
    if stale:
        print(
            f"note: {args.out} also holds {len(stale)} file(s) this run did not write, "
            f"from an earlier run (e.g. {stale[0]}): remove them before publishing",
            file=sys.stderr,
        )
    for path in paths:
        print(path)
    return 0


def _not_written(written: list[Path]) -> list[str]:
    """Files in the notebooks' folders of ``out`` that are neither a written table or
    figure nor its provenance sidecar (another --target's keyness, an old format)."""
    kept = {p.resolve() for p in written}
    kept |= {provenance_path(p).resolve() for p in written}
    folders = {p.parent for p in written if p.parent.is_dir()}
    return sorted(
        str(f)
        for folder in folders
        for f in folder.iterdir()
        if f.is_file() and f.resolve() not in kept
    )
