"""`communique quotes`: every quoted span, its kind and who is quoted."""

from __future__ import annotations

import argparse
import copy
import re

import pandas as pd

import analysis
import corpus

from .common import (
    add_by_argument,
    add_corpus_arguments,
    add_min_words_argument,
    add_output_arguments,
    add_plot_argument,
    emit,
    load_corpus,
    refuse_plot,
    save_plot,
)

KINDS = ("direct", "fragment")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "quotes",
        help="quoted statements and quoted words or phrases, with the speaker where named",
        description=(
            "One row per quoted span: where it is (doc_id, sent_id, start, end), the quote "
            "as printed and inside its marks, its kind (direct: a quoted statement; "
            "fragment: a quoted word or phrase, or scare quotes), the speaker the text "
            "names (canonical spelling, or empty) and its words. With --rates: how much "
            "each group quotes (quoted statements, those with a speaker, fragments and "
            "quoted words per 1,000 words, with 95% intervals over documents)."
        ),
    )
    add_corpus_arguments(parser)
    parser.add_argument(
        "--rates",
        action="store_true",
        help="quoting rates per group (with --by) instead of one row per quote",
    )
    add_by_argument(parser)
    add_min_words_argument(parser)
    parser.set_defaults(min_words=None)  # (so that --min-words without --rates is seen)
    parser.add_argument(
        "--kind", choices=KINDS, default=None, help="only quotes of this kind (default: both)"
    )
    parser.add_argument(
        "--speaker",
        metavar="NAME",
        default=None,
        help="only quotes attributed to NAME (any spelling in the alias table; case does not "
        "matter; a single name such as a surname matches the full name)",
    )
    add_output_arguments(parser)
    add_plot_argument(parser, draws="the --rates (plot_rates)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.rates:
        for given, option in ((args.by, "--by"), (args.min_words, "--min-words")):
            if given is not None:
                raise ValueError(
                    f"{option} is for quoting rates: add --rates (quotes per 1,000 words)"
                )
        refuse_plot(args, "quoting rates: add --rates")
    elif args.kind is not None or args.speaker is not None:
        raise ValueError("--kind and --speaker select quote rows; --rates counts every quote")
    c = load_corpus(args)
    if args.rates:
        min_words = args.min_words or 1
        table = analysis.stat_quoting(c, by=args.by, min_words=min_words, workers=args.workers)
        emit(table, args)
        save_plot(table, args, analysis.plot_rates)
        return 0
    table = analysis.find_quotes(c, workers=args.workers)
    record = table.attrs.get("provenance", {})
    if args.kind is not None:
        table = table[table["kind"] == args.kind]
    if args.speaker is not None:
        table = table[speaker_matches(table["speaker"], args.speaker, c.aliases)]
    table = table.reset_index(drop=True)
    table.attrs["provenance"] = _with_filters(record, kind=args.kind, speaker=args.speaker)
    emit(table, args)
    return 0


def speaker_matches(speakers: pd.Series, name: str, aliases: corpus.Aliases) -> pd.Series:
    """Which ``speakers`` are ``name``: its canonical form, case-insensitively, or a full
    name that has ``name`` as one of its words ("Lavrov" -> "Sergey Lavrov").

    Example:
        >>> import pandas as pd, corpus
        >>> speaker_matches(pd.Series(["Sergey Lavrov", "Lavrova", ""]), "lavrov",
        ...                 corpus.Aliases({})).tolist()
        [True, False, False]
    """
    wanted = aliases.canonical(name.strip()).casefold()
    if not wanted:
        return speakers == ""
    # A whole name or a whole word of one, as corpus.quotes reads names: "Brien" is not
    # "O'Brien", "Ivoire" not "Côte d'Ivoire".
    word = re.compile(rf"(?<![\w'\u2019-]){re.escape(wanted)}(?![\w'\u2019-])")
    found = [bool(word.search(speaker.casefold())) for speaker in speakers]
    return pd.Series(found, index=speakers.index, dtype=bool)  # bool also when empty


def _with_filters(record: dict, **filters) -> dict:
    """find_quotes' record with the filters the command applied as parameters."""
    record = copy.deepcopy(record)
    record["parameters"] = dict(sorted({**record.get("parameters", {}), **filters}.items()))
    return record
