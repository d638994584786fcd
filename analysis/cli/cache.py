"""`communique cache list` and `communique cache clear`: the parsed corpora that --cache
keeps (every edit of an input leaves its old entry behind, never read again)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import corpus.cache

from .common import DataError, add_output_arguments, emit


def register(subparsers) -> None:
    cache = subparsers.add_parser(
        "cache",
        help="list or clear the parsed corpora that --cache keeps",
        description=(
            "The cache folder (--dir, default $COMMUNIQUE_CACHE_DIR or .communique-cache) "
            "holds one entry per set of inputs and reading options; an edited input gets "
            "a new entry and the old one is never read again."
        ),
    )
    actions = cache.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser(
        "list",
        help="one row per cached corpus: source, documents, size, last use",
        description=(
            "One row per cached corpus, the most recently used first: entry (its key), "
            "source (the path read when it was written; empty if not recorded), "
            "documents, bytes on disk and last_used (written or read, local time)."
        ),
    )
    _add_dir_argument(listing)
    add_output_arguments(listing)
    listing.set_defaults(func=run_list)

    clear = actions.add_parser(
        "clear",
        help="remove cached corpora (all, or those unused for --older-than DAYS)",
        description=(
            "Remove the cached corpora in the cache folder (only folders communique "
            "wrote), and what writes interrupted more than an hour ago left."
        ),
    )
    _add_dir_argument(clear)
    clear.add_argument(
        "--older-than",
        type=days_value,
        metavar="DAYS",
        default=None,
        help="only entries not used (written or read) for more than DAYS days, e.g. 30 "
        "(default: every entry)",
    )
    clear.set_defaults(func=run_clear)


def _add_dir_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dir",
        metavar="DIR",
        default=None,
        help="the cache folder (default: $COMMUNIQUE_CACHE_DIR, else .communique-cache in "
        "the working directory, as --cache uses)",
    )


def days_value(value: str) -> float:
    """--older-than DAYS: a number of days, 0 or more (1.5 is a day and a half)."""
    try:
        days = float(value)
    except ValueError:
        days = -1.0
    if not days >= 0 or days == float("inf"):  # NaN too
        raise argparse.ArgumentTypeError(
            f"--older-than={value!r}: give a number of days, 0 or more"
        )
    return days


def human_size(size: int) -> str:
    """``size`` bytes for reading.

    Example:
        >>> human_size(512), human_size(78_200_000)
        ('512 bytes', '78.2 MB')
    """
    if size < 1000:
        return f"{size} bytes"
    for unit in ("kB", "MB", "GB"):
        size /= 1000
        if size < 1000 or unit == "GB":
            break
    return f"{size:.1f} {unit}"


def _corpora(count: int) -> str:
    return f"{count} cached {'corpus' if count == 1 else 'corpora'}"


def _cache_folder(args: argparse.Namespace) -> Path:
    return Path(args.dir) if args.dir else corpus.cache.default_cache_dir()


def run_list(args: argparse.Namespace) -> int:
    root = _cache_folder(args)
    table = corpus.cache.list_cache(root)
    emit(table, args, empty=f"no cached corpus in {root}")
    if len(table):
        total = human_size(int(table["bytes"].sum()))
        print(f"note: {_corpora(len(table))}, {total}, in {root}", file=sys.stderr)
    return 0


def run_clear(args: argparse.Namespace) -> int:
    root = _cache_folder(args)
    if not root.is_dir():
        print(f"nothing to remove: there is no cache folder {root}")
        return 0
    before = corpus.cache.list_cache(root)
    try:
        removed = corpus.cache.clear_cache(root, older_than=args.older_than)
    except OSError as exc:
        raise DataError(f"cannot clear the cache folder {root}: {exc}") from exc
    # What is gone, from the listing made before (not a second walk of every file left).
    gone = ~before["entry"].map(lambda entry: (root / entry).is_dir()).astype(bool)
    freed = human_size(int(before.loc[gone, "bytes"].sum()))
    print(f"removed {_corpora(removed)} ({freed}) from {root}; {int((~gone).sum())} left")
    return 0
