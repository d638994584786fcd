"""The `communique` command line: one subcommand, one library call, then formatting.

Exit codes: 0 ok, 1 data error, 2 usage error.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import os
import re
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from analysis.engine import progress_bars

from .common import DataError, check_writable, engine_of, show_progress

# Each module defines register(subparsers); add new subcommands here.
COMMAND_MODULES = [
    "analysis.cli.stats",
    "analysis.cli.comparisons",
    "analysis.cli.figures",
    "analysis.cli.keywords",
    "analysis.cli.kwic",
    "analysis.cli.collocations",
    "analysis.cli.readability",
    "analysis.cli.frequency",
    "analysis.cli.hedging",
    "analysis.cli.quotes",
    "analysis.cli.compare",
    "analysis.cli.cache",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="communique",
        description="Compare how diplomats, governments and the media that quote them talk.",
    )
    parser.add_argument("--version", action="version", version=_version())
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"communique {version('communique')}"
    except PackageNotFoundError:
        return "communique (not installed)"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        _reject_unknown(parser, args, unknown)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        check_writable(getattr(args, "output", None))  # before the work, not after
        check_writable(getattr(args, "plot", None))
        # Every pass over the corpus shows its bar (stderr, a terminal, no --quiet).
        with progress_bars(show_progress(args)), warnings_as_lines(args.command):
            with engine_of(args):
                return args.func(args)
    except DataError as exc:
        print(f"communique {args.command}: error: {as_flags(str(exc))}", file=sys.stderr)
        return 1
    except ValueError as exc:  # a bad option value that argparse could not check
        print(f"communique {args.command}: error: {as_flags(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


@contextmanager
def warnings_as_lines(command: str) -> Iterator[None]:
    """The library's warnings (an ``exclude`` term that matches nothing, a table without
    provenance) as one line each on stderr, "communique keywords: warning: ...", in the
    command's own words rather than Python's (file, line number and source line). They
    show with ``--quiet`` too: a warning says a result may not be what was asked."""
    previous = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None) -> None:
        if not _from_communique(filename):
            # numpy's "Mean of empty slice" and the like keep Python's own form, which
            # names their source: in the command's words they would read as a finding
            previous(message, category, filename, lineno, file, line)
            return
        print(f"communique {command}: warning: {as_flags(str(message))}", file=sys.stderr)

    warnings.showwarning = show
    try:
        yield
    finally:
        warnings.showwarning = previous


def _from_communique(filename: str) -> bool:
    """Whether a warning was raised from communique's own packages (its frame's file
    lies in ``analysis/`` or ``corpus/``)."""
    import analysis
    import corpus

    folder = os.path.dirname(os.path.abspath(filename))
    return any(
        folder == root or folder.startswith(root + os.sep)
        for root in (os.path.dirname(analysis.__file__), os.path.dirname(corpus.__file__))
    )


def _reject_unknown(parser: argparse.ArgumentParser, args, unknown: list[str]) -> None:
    """Exit with the command's own usage for arguments it does not know, naming the
    option that was probably meant (``--bi`` for ``--by``); argparse would print the
    top-level usage."""
    command = _subparser(parser, getattr(args, "command", None)) or parser
    message = f"unrecognized arguments: {' '.join(unknown)}"
    options = [o for action in command._actions for o in action.option_strings]
    flag = next((u.split("=")[0] for u in unknown if u.startswith("--")), "")
    close = difflib.get_close_matches(flag, options, n=1, cutoff=0.6) if flag else []
    if close:
        message += f" (did you mean {close[0]}?)"
    command.error(message)


def _subparser(parser: argparse.ArgumentParser, command: str | None):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            return action.choices[command]
    return None


if __name__ == "__main__":
    sys.exit(main())


# Errors come from the Python API and name its keyword arguments ("by='x'"); on the
# command line the same option is a flag ("--by='x'"). Only a name that starts the
# message or follows a space, "(" or ";" is an argument: not "r/case=x.csv".
_API_ARGUMENT = re.compile(
    r"(?:(?<=^)|(?<=[\s(;]))(text_column|id_column|filename_template|by|within|target|reference|"
    r"voice|measure|min_count|top_n|ngram|case|stopwords|workers|window|sort|test|"
    r"correction|min_words|lexicon|bad_dates|date_order)="
)
# Left as written: quoted values, and calls such as "stat_frequency(c, ngram=2)", whose
# keyword arguments half-turned into flags would be neither Python nor a command line.
_AS_WRITTEN = re.compile(r"'[^']*'|\"[^\"]*\"|\b[A-Za-z_][\w.]*\([^()]*\)")


def as_flags(message: str) -> str:
    """``message`` with API keyword arguments written as the command's flags.

    Quoted values (a docvar value, a file name) and function calls are left as they are;
    a command that names other functions in its errors says them its own way (see
    ``collocations``).

    Example:
        >>> as_flags("by='stand by=me' is not a docvar; pass text_column=...")
        "--by='stand by=me' is not a docvar; pass --text-column=..."
        >>> as_flags("by='x' is not valid (try stat_hedging(c, by='doc_id'))")
        "--by='x' is not valid (try stat_hedging(c, by='doc_id'))"
    """
    pieces, done = [], 0
    for quoted in _AS_WRITTEN.finditer(message):
        pieces.append(_flags_outside_quotes(message[done : quoted.start()]))
        pieces.append(quoted.group())
        done = quoted.end()
    pieces.append(_flags_outside_quotes(message[done:]))
    return "".join(pieces)


def _flags_outside_quotes(part: str) -> str:
    return _API_ARGUMENT.sub(lambda m: "--" + m.group(1).replace("_", "-") + "=", part)
