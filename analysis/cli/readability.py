"""`communique readability`: readability and lexical diversity, per document or group."""

from __future__ import annotations

import argparse

import analysis

from .common import add_by_argument, add_corpus_arguments, add_output_arguments, emit, load_corpus


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "readability",
        help="Flesch, Flesch-Kincaid, Gunning fog, TTR, MATTR, MTLD",
        description=(
            "Readability (pooled counts per group) joined with lexical diversity (mean of "
            "the documents per group)."
        ),
    )
    add_corpus_arguments(parser)
    add_by_argument(parser)
    parser.add_argument("--window", type=int, default=50, help="MATTR window (default: 50)")
    add_output_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    c = load_corpus(args)
    readability = analysis.stat_readability(c, by=args.by, workers=args.workers)
    diversity = analysis.stat_lexical_diversity(
        c, by=args.by, window=args.window, workers=args.workers
    )
    key = "doc_id" if args.by is None else "group"
    diversity = diversity.drop(columns=["words"])
    emit(readability.merge(diversity, on=key, how="left"), args)
    return 0
