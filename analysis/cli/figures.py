"""`communique figures`: rebuild every table and figure the notebooks make."""

from __future__ import annotations

import argparse

import analysis
from analysis.figures import DEFAULT_TARGET

from .common import add_workers_argument


def register(subparsers) -> None:
    figures = subparsers.add_parser(
        "figures",
        help="rebuild every notebook table and figure, with provenance, byte-identical per run",
        description=(
            "Write the tables (CSV) and figures (PNG, SVG, PDF) of the notebooks into OUT, "
            "one folder per notebook, each file with a .provenance.json beside it. The seed "
            "notebooks use the seed; 03_comparing_countries uses --corpus."
        ),
    )
    figures.add_argument(
        "--corpus",
        metavar="PATH",
        default=None,
        help="a corpus in UN General Debate layout (default: the synthetic sample)",
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
    add_workers_argument(figures)
    figures.set_defaults(func=run_figures)


def run_figures(args: argparse.Namespace) -> int:
    import matplotlib

    matplotlib.use("Agg")
    paths = analysis.build_figures(
        args.corpus,
        args.out,
        target=args.target,
        formats=args.formats or analysis.figures.FIGURE_FORMATS,
        workers=args.workers,
    )
    for path in paths:
        print(path)
    return 0
