"""`communique comparisons`: rhetorical comparisons, as rates per group or as matches."""

from __future__ import annotations

import argparse

import analysis

from .common import (
    add_by_argument,
    add_corpus_arguments,
    add_min_words_argument,
    add_output_arguments,
    emit,
    load_corpus,
    note_no_quotes,
)

TYPES = ("explicit", "simile", "comparative", "superlative")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "comparisons",
        help="similes, analogies, historical comparisons, comparatives and superlatives",
        description=(
            "Rates of rhetorical comparisons per 1,000 words by type and group (with bootstrap "
            "intervals), or with --matches one row per comparison with tenor and vehicle."
        ),
    )
    add_corpus_arguments(parser)
    add_by_argument(parser)
    parser.add_argument(
        "--type",
        dest="types",
        nargs="+",
        choices=TYPES,
        metavar="TYPE",
        help=f"only these types ({', '.join(TYPES)})",
    )
    parser.add_argument(
        "--voice",
        choices=("authorial", "quoted", "all"),
        default="all",
        help="count only the reporter's words or only quoted words (default: all)",
    )
    parser.add_argument(
        "--matches", action="store_true", help="one row per comparison instead of rates"
    )
    add_min_words_argument(parser)
    add_output_arguments(parser)
    parser.set_defaults(func=run_comparisons)


def run_comparisons(args: argparse.Namespace) -> int:
    c = load_corpus(args)
    note_no_quotes(c, args)
    if args.matches:
        table = analysis.find_comparisons(c, voice=args.voice, workers=args.workers)
        if args.types:
            table = table[table["type"].isin(args.types)]
    else:
        table = analysis.stat_comparisons(
            c,
            by=args.by,
            voice=args.voice,
            types=args.types,
            min_words=args.min_words,
            workers=args.workers,
        )
    emit(table, args)
    return 0
