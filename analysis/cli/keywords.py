"""`communique keywords`: keyness of a target group against the rest or a reference."""

from __future__ import annotations

import argparse

import pandas as pd

import analysis

from .common import DataError, add_corpus_arguments, add_output_arguments, emit, load_corpus


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "keywords",
        help="key terms of a group against the rest (G2, log ratio with CI, dispersion check)",
        description=(
            "Keyness of a target group against all other documents, a named reference "
            "group, or an external frequency list (CSV/TSV with term,count)."
        ),
    )
    add_corpus_arguments(parser, path_required=True)
    parser.add_argument("--by", metavar="DOCVAR", required=True, help="docvar defining groups")
    parser.add_argument(
        "--target", help="target group (default: every group against the rest)", default=None
    )
    parser.add_argument(
        "--reference",
        help="reference group label, or a CSV/TSV file with columns term,count (default: the rest)",
    )
    parser.add_argument("--measure", choices=analysis.KEYNESS_MEASURES, default="g2")
    parser.add_argument("--correction", choices=analysis.P_CORRECTIONS, default="holm")
    parser.add_argument("--min-count", type=int, default=5, help="minimum count (default: 5)")
    parser.add_argument(
        "--top-n", type=int, default=25, help="terms per direction (default: 25; 0 = all)"
    )
    add_output_arguments(parser)
    parser.set_defaults(func=run)


def _reference(value: str | None):
    if value is None or not value.lower().endswith((".csv", ".tsv", ".txt")):
        return value
    try:
        table = pd.read_csv(value, sep="\t" if value.lower().endswith((".tsv", ".txt")) else ",")
    except OSError as exc:
        raise DataError(f"--reference {value}: cannot read ({exc.strerror})") from exc
    if not {"term", "count"} <= set(table.columns):
        raise DataError(f"--reference {value}: needs the columns term and count")
    return table


def run(args: argparse.Namespace) -> int:
    c = load_corpus(args)
    table = analysis.stat_keyness(
        c,
        by=args.by,
        target=args.target,
        reference=_reference(args.reference),
        measure=args.measure,
        min_count=args.min_count,
        correction=args.correction,
        top_n=args.top_n or None,
        workers=args.workers,
    )
    emit(table, args)
    return 0
