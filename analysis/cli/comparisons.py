"""`communique comparisons`: rhetorical comparisons, as rates per group or as matches."""

from __future__ import annotations

import argparse
import os

import analysis
from corpus.errors import alike_choice

from .common import (
    add_by_argument,
    add_corpus_arguments,
    add_min_words_argument,
    add_output_arguments,
    add_plot_argument,
    add_voice_argument,
    emit,
    load_corpus,
    note_no_quotes,
    refuse_plot,
    save_plot,
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
    # One value per --type (comma-separated, or the option repeated): a list after one
    # --type (nargs="+") took the PATH that followed it as a type.
    parser.add_argument(
        "--type",
        dest="types",
        action="extend",
        type=types_value,
        metavar="TYPE[,TYPE...]",
        help=f"only these types ({', '.join(TYPES)}): comma-separated or repeated, "
        "e.g. --type simile,explicit or --type simile --type explicit",
    )
    add_voice_argument(parser)
    parser.add_argument(
        "--matches", action="store_true", help="one row per comparison instead of rates"
    )
    add_min_words_argument(parser)
    add_output_arguments(parser)
    add_plot_argument(parser, draws="the rates (plot_comparisons)")
    parser.set_defaults(func=run_comparisons)


def types_value(value: str) -> list[str]:
    """--type: one type or several separated by commas, each checked.

    Example:
        >>> types_value("simile, explicit")
        ['simile', 'explicit']
    """
    types = [part.strip() for part in value.split(",") if part.strip()]
    if not types:
        raise argparse.ArgumentTypeError(f"{value!r}: give a type ({', '.join(TYPES)})")
    for kind in types:
        if kind not in TYPES:
            alike = alike_choice(kind, TYPES)
            hint = f"did you mean {alike!r}? " if alike else ""
            raise argparse.ArgumentTypeError(
                f"invalid choice: {kind!r} ({hint}choose from {', '.join(TYPES)}; "
                "several: --type simile,explicit)"
            )
    return types


def check_path_is_no_type(path: str | None) -> None:
    """A PATH that is a comparison type and no file: the old --type syntax (types
    separated by spaces, "--type simile comparative"), whose second type became PATH."""
    if path in TYPES and not os.path.exists(path):
        raise ValueError(
            f"PATH {path!r} is a comparison type, not a file or folder; several types are "
            f"separated by commas (--type simile,{path}) or given by repeating --type"
        )


def run_comparisons(args: argparse.Namespace) -> int:
    if args.matches:
        refuse_plot(args, "rates; leave out --matches")
    check_path_is_no_type(args.path)
    types = list(dict.fromkeys(args.types)) if args.types else None  # once each, in order
    c = load_corpus(args)
    note_no_quotes(c, args)
    if args.matches:
        table = analysis.find_comparisons(c, voice=args.voice, workers=args.workers)
        if types:
            table = table[table["type"].isin(types)]
    else:
        table = analysis.stat_comparisons(
            c,
            by=args.by,
            voice=args.voice,
            types=types,
            min_words=args.min_words,
            workers=args.workers,
        )
    emit(table, args)
    save_plot(table, args, analysis.plot_comparisons)
    return 0
