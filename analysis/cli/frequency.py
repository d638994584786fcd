"""`communique frequency`: term counts per group, with rates and document range."""

from __future__ import annotations

import argparse

import analysis

from .common import (
    add_by_argument,
    add_corpus_arguments,
    add_output_arguments,
    add_voice_argument,
    emit,
    load_corpus,
    min_count_value,
    note_no_quotes,
    top_n_value,
)


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "frequency",
        help="word or n-gram frequencies per group (count, per 10k, document range)",
        description="Frequency list, overall or per group.",
    )
    add_corpus_arguments(parser)
    add_by_argument(parser)
    parser.add_argument("--ngram", type=int, default=1, help="1 words, 2 bigrams, ... (default: 1)")
    parser.add_argument(
        "--min-count", type=min_count_value, default=1, help="minimum count (default: 1)"
    )
    parser.add_argument(
        "--top-n", type=top_n_value, default=50, help="terms per group (default: 50; 0 = all)"
    )
    parser.add_argument(
        "--stopwords", action="store_true", help="drop stop words (the shipped list)"
    )
    parser.add_argument("--case", choices=("lower", "preserve"), default="lower")
    add_voice_argument(parser)
    add_output_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    c = load_corpus(args)
    note_no_quotes(c, args)
    table = analysis.stat_frequency(
        c,
        by=args.by,
        ngram=args.ngram,
        case=args.case,
        voice=args.voice,
        min_count=args.min_count,
        top_n=args.top_n or None,
        stopwords=args.stopwords,
        workers=args.workers,
    )
    emit(table, args)
    return 0
