"""`communique hedging` and `communique modality`: stance rates per group, or the matches."""

from __future__ import annotations

import argparse
import sys

import pandas as pd

import analysis
import corpus
from analysis._input import check_by

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


def register(subparsers) -> None:
    hedging = subparsers.add_parser(
        "hedging",
        help="hedges ('may', 'perhaps', 'we believe') and boosters ('clearly', 'no doubt')",
        description=(
            "Hedges and boosters per 1,000 words per group with bootstrap intervals over "
            "documents, or with --matches one row per hedge/booster found in context."
        ),
    )
    _add_common(hedging, what="hedge or booster", draws="the rates (plot_hedging)")
    hedging.add_argument(
        "--approximators",
        action="store_true",
        help="also count hedges of quantity and frequency ('about 50', 'often', 'quite')",
    )
    hedging.add_argument("--lexicon", help="lexicon id, id@version or TOML file (default: hedges)")
    hedging.set_defaults(func=run_hedging)

    modality = subparsers.add_parser(
        "modality",
        help="modal verbs and semi-modals by sense (epistemic/deontic/dynamic) and strength",
        description=(
            "Modals per 1,000 words per group, by sense and by Halliday's modal value, with "
            "bootstrap intervals over documents, or with --matches one row per modal."
        ),
    )
    _add_common(modality, what="modal", draws="the rates (plot_modality)")
    modality.set_defaults(func=run_modality)


def _add_common(parser: argparse.ArgumentParser, *, what: str, draws: str) -> None:
    add_corpus_arguments(parser)
    add_by_argument(parser)
    add_voice_argument(parser)
    parser.add_argument(
        "--matches", action="store_true", help=f"one row per {what} instead of rates"
    )
    add_min_words_argument(parser)
    add_output_arguments(parser)
    add_plot_argument(parser, draws=draws)


def run_hedging(args: argparse.Namespace) -> int:
    if args.matches:
        refuse_plot(args, "rates; leave out --matches")
    c = load_corpus(args)
    check_by(c, args.by)  # before the pass over the corpus, --matches or not
    note_no_quotes(c, args)
    options = {"voice": args.voice, "lexicon": args.lexicon, "approximators": args.approximators}
    if args.matches:
        table = _matches_by(analysis.find_hedges(c, workers=args.workers, **options), c, args)
    else:
        table = analysis.stat_hedging(
            c, by=args.by, min_words=args.min_words, workers=args.workers, **options
        )
    emit(table, args)
    save_plot(table, args, analysis.plot_hedging)
    return 0


def run_modality(args: argparse.Namespace) -> int:
    if args.matches:
        refuse_plot(args, "rates; leave out --matches")
    c = load_corpus(args)
    check_by(c, args.by)  # before the pass over the corpus, --matches or not
    note_no_quotes(c, args)
    if args.matches:
        table = _matches_by(
            analysis.find_modals(c, voice=args.voice, workers=args.workers), c, args
        )
    else:
        table = analysis.stat_modality(
            c, by=args.by, voice=args.voice, min_words=args.min_words, workers=args.workers
        )
    emit(table, args)
    save_plot(table, args, analysis.plot_modality)
    return 0


def _matches_by(table: pd.DataFrame, c: corpus.Corpus, args: argparse.Namespace) -> pd.DataFrame:
    """Match rows with the ``--by`` docvar as a column after ``doc_id`` (the rows are
    per match, so there is nothing to group; the column lets a reader group them).
    ``--min-words`` sets which documents get a rate, so it says nothing of matches."""
    if args.min_words != 1 and not args.quiet:
        print("note: --min-words applies to rates; --matches lists every match", file=sys.stderr)
    if not args.by or args.by == "doc_id":  # (the rows have their doc_id already)
        return table
    values = table["doc_id"].map(c.docvars[args.by])
    out = table.copy()
    out.insert(list(out.columns).index("doc_id") + 1, args.by, values.to_numpy())
    out.attrs = table.attrs
    return out
