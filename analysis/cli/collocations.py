"""`communique collocations`: words found near a node word more than chance predicts."""

from __future__ import annotations

import argparse
import shlex

import analysis

from .common import (
    add_corpus_arguments,
    add_output_arguments,
    emit,
    load_corpus,
    min_count_value,
    top_n_value,
)


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "collocations",
        help="collocates of a node word (logDice, MI, t-score, log-likelihood)",
        description="Collocates of NODE within --window words either side.",
    )
    add_corpus_arguments(parser, path_required=True)
    parser.add_argument("node", metavar="NODE", help="a word or glob")
    parser.add_argument("--window", type=int, default=5, help="words each side (default: 5)")
    parser.add_argument(
        "--measure", choices=analysis.COLLOCATION_MEASURES, default="logdice", help="sort order"
    )
    parser.add_argument(
        "--min-count", type=min_count_value, default=3, help="minimum co-occurrences"
    )
    parser.add_argument("--top-n", type=top_n_value, default=50, help="collocates shown (0 = all)")
    add_output_arguments(parser)
    parser.set_defaults(func=run)


def check_node(node: str, path: str) -> None:
    """A NODE that is no single word, said with the commands that take a phrase (the
    library's own message names its functions: kwic(c, phrase), stat_frequency).

    Example:
        >>> check_node("cold war", "un/")
        Traceback (most recent call last):
        ...
        ValueError: NODE 'cold war' is a phrase; give one word or glob (a phrase's contexts: communique kwic un/ 'cold war'; its frequency: communique frequency un/ --ngram 2)
    """
    words = node.split()
    if len(words) == 1:
        return
    if not words:
        raise ValueError(f"NODE {node!r} is empty; give one word or glob")
    raise ValueError(
        f"NODE {node!r} is a phrase; give one word or glob (a phrase's contexts: "
        f"communique kwic {shlex.quote(path)} {shlex.quote(' '.join(words))}; its frequency: "
        f"communique frequency {shlex.quote(path)} --ngram {len(words)})"
    )


def run(args: argparse.Namespace) -> int:
    check_node(args.node, args.path)  # before the corpus is read
    c = load_corpus(args)
    table = analysis.stat_collocations(
        c,
        args.node,
        window=args.window,
        measure=args.measure,
        min_count=args.min_count,
        top_n=args.top_n or None,
        workers=args.workers,
    )
    emit(
        table,
        args,
        empty=f"{args.node!r} does not occur, or no word occurs near it "
        f"--min-count {args.min_count} times",
    )
    return 0
