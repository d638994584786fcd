"""`communique kwic`: every match of a query with its left and right context."""

from __future__ import annotations

import argparse

import analysis

from .common import (
    add_corpus_arguments,
    add_output_arguments,
    add_voice_argument,
    emit,
    load_corpus,
    note_no_quotes,
)


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "kwic",
        help="keyword in context: a word, glob (peacekeep*), phrase or --regex",
        description="Concordance lines for a query, with docvars, sorted by context.",
    )
    add_corpus_arguments(parser, path_required=True)
    parser.add_argument("query", metavar="QUERY", help='word, glob, phrase ("united nations")')
    parser.add_argument(
        "--window", type=int, default=7, help="context words each side (default: 7)"
    )
    parser.add_argument(
        "--sort",
        default="right1",
        help="right1, right2, ..., left1, ..., or none (default: right1)",
    )
    add_voice_argument(parser)
    parser.add_argument(
        "--regex",
        action="store_true",
        help="QUERY is a regular expression (case-insensitive), matched anywhere in the "
        "text, inside words too: 'war' finds the 'war' of 'towards' (the match column "
        "shows only 'war'); write '\\bwar\\b' or add --whole-words for whole words",
    )
    parser.add_argument(
        "--whole-words",
        action="store_true",
        help="with --regex: only matches that start and end on token edges, as a plain "
        "QUERY always matches ('war' then finds neither 'towards' nor 'war-torn')",
    )
    add_output_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    c = load_corpus(args)
    note_no_quotes(c, args)
    table = analysis.kwic(
        c,
        args.query,
        window=args.window,
        sort=args.sort,
        voice=args.voice,
        regex=args.regex,
        whole_words=args.whole_words,
        workers=args.workers,
    )
    if args.regex:
        why = f"the pattern {args.query!r} matches nothing"
    else:
        why = f"{args.query!r} does not occur (a word, glob or phrase; --regex for a pattern)"
    if args.voice != "all":
        why += f" in the {args.voice} voice"
    emit(table, args, empty=why)
    return 0
