"""`communique compare`: a per-document measure by group, with intervals and tested differences."""

from __future__ import annotations

import argparse

import analysis
from analysis.compare import (
    COMPARISON_MEASURES,
    DIVERSITY_MEASURES,
    NAMED_MEASURES,
    PAIRS,
    QUOTING_MEASURES,
    READABILITY_MEASURES,
    STANCE_MEASURES,
    TESTS,
    meant_measure,
)

from .common import (
    OneDocvar,
    add_corpus_arguments,
    add_min_words_argument,
    add_output_arguments,
    add_plot_argument,
    add_voice_argument,
    emit,
    load_corpus,
    note_no_quotes,
    save_plot,
)


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "compare",
        help="a measure by group: means with 95%% intervals over documents, and differences",
        description=(
            "Each document's value of MEASURE, then per group its mean with a 95% interval "
            "over documents and, for pairs of groups, the difference of means with its "
            "interval and a test's p-value, raw and corrected over the pairs (see "
            "analysis.compare). MEASURE: a hedging or modality rate per 1,000 words ("
            + ", ".join(STANCE_MEASURES)
            + "), a comparison rate per 1,000 words ("
            + ", ".join(COMPARISON_MEASURES)
            + "), a quoting rate per 1,000 words ("
            + ", ".join(QUOTING_MEASURES)
            + "), a readability or diversity score ("
            + ", ".join((*READABILITY_MEASURES, *DIVERSITY_MEASURES))
            + "), or rate:TERM, a term's rate per 10,000 words (a word, a glob such as "
            "'nuclear*' or a phrase such as 'cold war')."
        ),
    )
    add_corpus_arguments(parser, path_required=True)
    parser.add_argument(
        "measure", metavar="MEASURE", type=_measure_value, help="what to compare (see above)"
    )
    parser.add_argument(
        "--by", metavar="DOCVAR", required=True, action=OneDocvar, help="docvar defining groups"
    )
    parser.add_argument(
        "--within",
        metavar="DOCVAR",
        default=None,
        action=OneDocvar,
        help="compare the --by groups within each value of this docvar (decades within "
        "each country), correcting every stratum's p-values together as one family",
    )
    parser.add_argument(
        "--cluster",
        metavar="DOCVAR",
        default=None,
        action=OneDocvar,
        help="the units of intervals and tests are this docvar's values, not documents: "
        "each group's documents of one value (the speeches of one country) are first "
        "averaged into one value, and the columns clusters, clusters_b count them "
        "(--by bloc --cluster country: countries, not speeches, are the draws)",
    )
    parser.add_argument(
        "--pairs",
        choices=PAIRS,
        default="all",
        help="differences of all pairs of groups, of consecutive groups (adjacent: year to "
        "year), or none (default: all)",
    )
    parser.add_argument(
        "--test",
        choices=TESTS,
        default="welch",
        help="the differences' test: welch (Welch's t) or permutation (safer for skewed "
        "values from 10 documents a side; default: welch)",
    )
    parser.add_argument("--correction", choices=analysis.P_CORRECTIONS, default="holm")
    parser.add_argument(
        "--order",
        type=_order_value,
        default=None,
        metavar="G1,G2,...",
        help="the groups in this order (every group, comma-separated): a difference is "
        "the earlier group's mean minus the later one's (default: years by value, names "
        "alphabetically)",
    )
    add_voice_argument(parser, applies="hedging, modality, comparison measures and rate:TERM")
    add_min_words_argument(parser)
    add_output_arguments(parser)
    add_plot_argument(parser, draws="the group means with their intervals (plot_rates)")
    parser.set_defaults(func=run)


def _measure_value(value: str) -> str:
    """MEASURE as compare takes it: a named measure or rate:TERM (checked before the
    corpus is read)."""
    if value.startswith("rate:") and value[len("rate:") :].strip():
        return value
    if value not in NAMED_MEASURES:
        raise argparse.ArgumentTypeError(
            f"{value!r} is no measure; {meant_measure(value)}give one of "
            f"{', '.join(NAMED_MEASURES)}, or rate:TERM"
        )
    return value


def _order_value(value: str) -> list[str]:
    return [group.strip() for group in value.split(",") if group.strip()]


def run(args: argparse.Namespace) -> int:
    c = load_corpus(args)
    note_no_quotes(c, args)
    table = analysis.compare(
        c,
        args.measure,
        by=args.by,
        within=args.within,
        cluster=args.cluster,
        pairs=args.pairs,
        test=args.test,
        correction=args.correction,
        order=args.order,
        voice=args.voice,
        min_words=args.min_words,
        workers=args.workers,
    )
    emit(table, args)
    save_plot(table, args, analysis.plot_rates)
    return 0
