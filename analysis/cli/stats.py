"""`communique stats` and `communique validate`."""

from __future__ import annotations

import argparse
import sys

import analysis

from . import as_flags
from .common import (
    DataError,
    add_by_argument,
    add_corpus_arguments,
    add_output_arguments,
    emit,
    load_corpus,
    show_progress,
)


def register(subparsers) -> None:
    stats = subparsers.add_parser(
        "stats",
        help="documents, sentences, tokens, types, sentence length, readability",
        description=(
            "Corpus size and readability, overall and per group. A group's "
            "flesch_reading_ease is computed from its documents' counts pooled; "
            "`communique readability --by` gives the mean of per-document scores too."
        ),
    )
    add_corpus_arguments(stats)
    add_by_argument(stats)
    add_output_arguments(stats)
    stats.set_defaults(func=run_stats)

    validate = subparsers.add_parser(
        "validate",
        help="print the load report: every input loaded, repaired (how) or skipped (why)",
        description="Read a corpus and account for every input file or table row.",
    )
    add_corpus_arguments(validate, path_required=True)
    add_output_arguments(validate)
    validate.set_defaults(func=run_validate)


def run_stats(args: argparse.Namespace) -> int:
    c = load_corpus(args)
    emit(
        analysis.stat_summary(c, by=args.by, progress=show_progress(args), workers=args.workers),
        args,
    )
    return 0


def run_validate(args: argparse.Namespace) -> int:
    try:
        c = load_corpus(args, note_skipped=False)
    except DataError as exc:
        # Errors that come with the report of every input: the report is what validate
        # is for, so it is shown, with why none could be read or which dates are bad.
        report = getattr(exc.__cause__, "report", None)
        if report is None:
            raise
        emit(report, args)
        print(f"communique validate: error: {as_flags(str(exc))}", file=sys.stderr)
        return 1
    emit(c.report, args)
    return 0
