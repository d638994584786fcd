"""`communique readability`: readability and lexical diversity, per document or group."""

from __future__ import annotations

import argparse
import copy

import pandas as pd

import analysis

from .common import add_by_argument, add_corpus_arguments, add_output_arguments, emit, load_corpus


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "readability",
        help="Flesch, Flesch-Kincaid, Gunning fog, TTR, MATTR, MTLD",
        description=(
            "Readability joined with lexical diversity, per document or, with --by, per "
            "group. A group's flesch_reading_ease, flesch_kincaid_grade and gunning_fog "
            "are computed from its documents' counts pooled (a long speech weighs more); "
            "mean_flesch_reading_ease, mean_flesch_kincaid_grade, mean_gunning_fog and "
            "ttr, mattr, mtld are means of per-document values (every speech counts "
            "once, as in compare). The two kinds can disagree in direction."
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
    # Both tables count the group's words and documents: readability's are kept.
    shared = [column for column in ("words", "documents") if column in diversity.columns]
    table = readability.merge(diversity.drop(columns=shared), on=key, how="left")
    table.attrs["provenance"] = joined_record(readability, diversity)
    emit(table, args)
    return 0


def joined_record(left: pd.DataFrame, right: pd.DataFrame) -> dict:
    """The provenance of ``left`` joined with ``right``: left's record, with right's
    parameters and lexicons added and right's function named under ``joined_with``.

    A merge keeps no attrs when its tables' records differ, so the CLI writes this one.
    """
    record = copy.deepcopy(left.attrs.get("provenance", {}))
    other = right.attrs.get("provenance", {})
    record["parameters"] = dict(
        sorted({**other.get("parameters", {}), **record.get("parameters", {})}.items())
    )
    record["lexicons"] = dict(
        sorted({**other.get("lexicons", {}), **record.get("lexicons", {})}.items())
    )
    if other.get("function"):
        record["joined_with"] = other["function"]
    return record
