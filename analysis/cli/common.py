"""Option groups and output formatting shared by every subcommand."""

from __future__ import annotations

import argparse
import codecs
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

import pandas as pd

import analysis
import corpus
import corpus.cache
import corpus.droplines
import corpus.readers
from analysis.engine import ENGINES, use_engine
from analysis.output import FIGURE_FORMATS

FORMATS = ("table", "csv", "json", "markdown")
Format = Literal["table", "csv", "json", "markdown"]


class DataError(Exception):
    """Bad input data, or an output that cannot be written: exit code 1."""


def check_writable(path: str | os.PathLike | None, *, folder: bool = False) -> None:
    """Raise DataError now, before any work, when ``path`` plainly cannot be written.

    Only what the file system shows without writing is checked (the target is a folder
    where a file is wanted, or a folder on the way is a file); :func:`writing` catches
    the rest when the file is written.
    """
    if path is None:
        return
    problem = _path_problem(Path(path), folder=folder)
    if problem:
        raise DataError(_cannot_write(path, problem, folder=folder))


@contextmanager
def writing(path: str | os.PathLike, *, folder: bool = False) -> Iterator[None]:
    """Turn an OSError raised while writing ``path`` into a DataError that says why.

    ``folder``: ``path`` is a folder the command writes into (figures --out).
    """
    try:
        yield
    except OSError as exc:
        raise DataError(_cannot_write(path, _why(Path(path), exc, folder), folder=folder)) from exc


def _cannot_write(path: str | os.PathLike, problem: str, *, folder: bool) -> str:
    what = "write into" if folder else "write"
    where = "a folder you can write" if folder else "a path in a folder you can write"
    return f"cannot {what} {os.fspath(path)}: {problem}; give {where}"


def _path_problem(path: Path, *, folder: bool) -> str | None:
    """What the file system shows is wrong with writing ``path``, or None."""
    # os.path's tests answer False where Path's raise (a folder we may not look into).
    if folder and os.path.exists(path) and not os.path.isdir(path):
        return "it is a file, not a folder"
    if not folder and os.path.isdir(path):
        return "it is a folder, not a file"
    existing = _nearest_existing(path)
    if existing is not None and not os.path.isdir(existing):
        return f"its folder {existing} is a file"
    return None


def _nearest_existing(path: Path) -> Path | None:
    """The longest leading part of ``path`` that exists (None for a relative path
    none of whose parts exist, which means the working directory)."""
    for part in path.parents:
        if os.path.exists(part):
            return part
    return None


def _why(path: Path, exc: OSError, folder: bool) -> str:
    problem = _path_problem(path, folder=folder)
    if problem:
        return problem
    parent = _nearest_existing(path) or Path(".")
    reason = exc.strerror or type(exc).__name__
    if isinstance(exc, PermissionError):
        return f"no permission to write in {parent}"
    return f"the folder {parent} does not take new files or folders ({reason})"


def add_corpus_arguments(parser: argparse.ArgumentParser, *, path_required: bool = False) -> None:
    """PATH plus the reading options every corpus command shares."""
    if path_required:
        parser.add_argument(
            "path", metavar="PATH", help="folder, .txt/.md file, or CSV/TSV/JSONL/Parquet table"
        )
    else:
        parser.add_argument(
            "path",
            metavar="PATH",
            nargs="?",
            default=None,
            help="folder, .txt/.md file, or CSV/TSV/JSONL/Parquet table (default: the seeds/ folder)",
        )
    group = parser.add_argument_group("reading")
    group.add_argument("--text-column", help="table column holding the text")
    group.add_argument("--id-column", help="table column holding the document id")
    group.add_argument(
        "--filename-template", help='docvars from file names, e.g. "{country}_{session}_{year}.txt"'
    )
    group.add_argument("--metadata", help="sidecar CSV with a 'file' column and docvars")
    group.add_argument(
        "--encoding",
        type=_encoding_name,
        help="read every text file and CSV/TSV/JSONL table in this encoding (e.g. utf-16-le, "
        "cp1252, gbk) instead of detecting it: UTF-8, UTF-16 with a byte-order mark, "
        "else a guess (cp1252, latin-1) that `validate` lists",
    )
    group.add_argument(
        "--delimiter",
        type=_delimiter_value,
        metavar="CHAR",
        help="the separator of a CSV table or metadata sidecar: one character such as ';' "
        "or '|', or 'tab' (default: tabs for .tsv, else the one of , ; tab | that splits "
        "the header line; a header two of them split is an error)",
    )
    aliases = group.add_mutually_exclusive_group()
    aliases.add_argument(
        "--aliases",
        metavar="FILE",
        help="alias table (CSV or TSV with 'variant' and 'canonical' columns) used instead "
        "of the shipped one: name variants counted as one speaker and one term",
    )
    aliases.add_argument(
        "--no-aliases",
        dest="aliases",
        action="store_false",
        help="no alias table: every spelling of a name counts on its own",
    )
    group.add_argument(
        "--where",
        action="append",
        type=_where_value,
        metavar="DOCVAR=VALUES",
        help="analyse only the documents whose docvar has one of these values: "
        "country=USA,RUS; year=1980..1989 (numbers, ends included); doc_id=ID,ID. Repeat "
        "for several docvars (all must match). A value no document has is an error. "
        "Notes on skipped inputs cover everything read",
    )
    group.add_argument(
        "--bad-dates",
        choices=corpus.metadata.BAD_DATES_CHOICES,
        default="error",
        help="a value of a 'date' column that is no date (2024-13-07, Sept 31 2024): "
        "'error' (default) lists every such value with its file and line; 'missing' "
        "leaves each missing and reports it as a repair (`validate` lists them)",
    )
    group.add_argument(
        "--date-order",
        choices=corpus.metadata.DATE_ORDERS,
        default=None,
        help="the order of numeric dates (03/04/2024) in a 'date' column, when its values "
        "do not tell it (none has a day over 12); a date that cannot be read in it is a "
        "bad date",
    )
    group.add_argument(
        "--drop-lines",
        action="append",
        type=_drop_lines_pattern,
        metavar="REGEX",
        help="leave out every line of a text that this regular expression finds "
        "(re.search on the normalized line; case-sensitive unless it says (?i)): bylines, "
        "photo captions, wire credits, e.g. '^By [A-Z]' or '^\\(Reporting by'; repeat for "
        "more patterns. Each document that lost lines says how many on its report row "
        "(`validate`)",
    )
    group.add_argument(
        "--strict", action="store_true", help="fail instead of repairing or skipping inputs"
    )
    group.add_argument(
        "--quiet",
        action="store_true",
        help="no progress bar and no notes, except those that say the data read is not "
        "all that was given or may be garbled (skipped inputs, guessed encodings, dates "
        "left missing, text probably not English)",
    )
    add_workers_argument(group)
    group.add_argument(
        "--cache",
        action="store_true",
        help="keep the parsed corpus in .communique-cache/ (or $COMMUNIQUE_CACHE_DIR) "
        "and reuse it while the input files are unchanged",
    )
    group.add_argument(
        "--stream",
        action="store_true",
        help="keep the documents on disk in the cache (implies --cache) and read them as "
        "each pass needs them: memory follows the vocabulary, not the texts",
    )


def add_workers_argument(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    """--workers N, --engine and --scheduler, for every command that reads or analyses a
    corpus."""
    parser.add_argument(
        "--workers",
        type=_positive_int,
        default=None,
        metavar="N",
        help="processes to use (default: all available cores; 1: no worker processes)",
    )
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="local",
        help="where the measures run: local (this machine's processes, the default) or "
        "dask (a Dask cluster given by --scheduler, else Dask's local scheduler); the "
        "results are the same",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: the address of a running Dask scheduler "
        "(tcp://host:8786) to connect to",
    )


@contextmanager
def engine_of(args: argparse.Namespace) -> Iterator[None]:
    """Every pass of the command on the engine ``--engine`` names, connected to the
    Dask scheduler ``--scheduler`` names (for as long as the command runs)."""
    engine = getattr(args, "engine", "local")
    scheduler = getattr(args, "scheduler", None)
    if scheduler and engine != "dask":
        raise ValueError("--scheduler connects to a Dask cluster: give --engine dask too")
    if engine != "dask":
        yield
        return
    try:
        import dask.bag  # noqa: F401
        from dask.distributed import Client
    except ImportError as exc:
        raise DataError(
            "--engine dask needs Dask: pip install 'dask[bag,distributed]' "
            "(or the project with its 'dask' extra)"
        ) from exc
    with use_engine("dask"):
        if not scheduler:
            yield
            return
        try:
            client = Client(scheduler, timeout=30)
        except OSError as exc:
            raise DataError(f"--scheduler {scheduler}: cannot connect ({exc})") from exc
        with client:
            yield


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"--workers={value!r}: give a positive whole number")
    return number


def _where_value(value: str) -> tuple[str, list[str]]:
    """--where DOCVAR=VALUES: the docvar and its values as written (typed later, when
    the docvars' types are known)."""
    name, sep, values = value.partition("=")
    name = name.strip()
    if not sep or not name or not values.strip():
        raise argparse.ArgumentTypeError(
            f"--where {value!r}: write DOCVAR=VALUE, DOCVAR=V1,V2 or DOCVAR=FIRST..LAST "
            "(e.g. country=USA,RUS or year=1980..1989)"
        )
    return name, [v.strip() for v in values.split(",")]


def _selected(c: corpus.Corpus, wheres: list[tuple[str, list[str]]]) -> corpus.Corpus:
    """The documents every --where asks for (Corpus.subset, with values typed as the
    docvar's: numbers for a numeric docvar, ``FIRST..LAST`` a range of whole numbers)."""
    values = {}
    for name, written in wheres:
        column = c.docvars[name] if name in c.docvars.columns else None
        numeric = column is not None and pd.api.types.is_numeric_dtype(column)
        try:
            typed = [_typed(v, numeric) for v in written]
        except ValueError as exc:
            raise ValueError(f"--where {name}={','.join(written)}: {exc}") from exc
        flat = [v for part in typed for v in (part if isinstance(part, range) else [part])]
        values[name] = flat if len(flat) != 1 else flat[0]
    try:
        return c.subset(**values)
    except ValueError as exc:
        raise ValueError(f"--where: {str(exc).removeprefix('subset: ')}") from exc


def _typed(value: str, numeric: bool):
    first, dots, last = value.partition("..")
    if dots:
        try:
            return range(int(first), int(last) + 1)
        except ValueError:
            raise ValueError(f"{value!r}: a range is two whole numbers, FIRST..LAST") from None
    if not numeric:
        return value
    try:
        number = float(value)
    except ValueError:
        # "1990-1992" (or with an en dash) is how a range is written in prose.
        if span := re.fullmatch(r"(\d+)\s*[-\u2013]\s*(\d+)", value):
            first, last = span.groups()
            raise ValueError(f"{value!r}: write a range of numbers as {first}..{last}") from None
        return value  # subset says the docvar holds numbers
    return int(number) if number.is_integer() else number


def _drop_lines_pattern(value: str) -> str:
    """--drop-lines REGEX: a regular expression that matches no empty line, checked
    before any file is read (read_corpus checks the same)."""
    try:
        corpus.droplines.check_drop_pattern(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            str(exc).replace("drop_lines: ", "--drop-lines=", 1)
        ) from None
    return value


def _encoding_name(value: str) -> str:
    """--encoding NAME: an encoding Python knows, checked before any file is read."""
    try:
        codecs.lookup(value)
    except LookupError:
        raise argparse.ArgumentTypeError(
            f"--encoding={value!r} is not an encoding Python knows; give one such as "
            "utf-8, utf-16-le, cp1252 or latin-1"
        ) from None
    return value


# --delimiter names for a tab, which a shell makes awkward to type.
_TAB_NAMES = ("tab", "\\t")


def _delimiter_value(value: str) -> str:
    """--delimiter CHAR: one character, or a name for a tab; checked before any file is
    read (read_corpus checks the same)."""
    if value.lower() in _TAB_NAMES:
        return "\t"
    if len(value) != 1 or value in '"\r\n':
        raise argparse.ArgumentTypeError(
            f"--delimiter={value!r}: give the one character that separates the fields, "
            "such as ';' or '|', or 'tab'"
        )
    return value


def top_n_value(value: str) -> int:
    """--top-n N: a whole number, 0 for all rows (the API's None)."""
    number = _whole_number(value)
    if number is None or number < 0:
        raise argparse.ArgumentTypeError(
            f"--top-n={value!r}: give a positive whole number, or 0 for all rows"
        )
    return number


def min_count_value(value: str) -> int:
    """--min-count N: a whole number, 0 or more."""
    number = _whole_number(value)
    if number is None or number < 0:
        raise argparse.ArgumentTypeError(f"--min-count={value!r}: give a whole number, 0 or more")
    return number


def add_min_words_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--min-words",
        type=_min_words_value,
        default=1,
        metavar="N",
        help=(
            "a document gets a rate only with at least N words in the voice (default: 1); "
            "with --voice quoted, e.g. 50 keeps two quoted words from swinging a group's mean"
        ),
    )


def _min_words_value(value: str) -> int:
    number = _whole_number(value)
    if number is None or number < 1:
        raise argparse.ArgumentTypeError(f"--min-words={value!r}: give a whole number, 1 or more")
    return number


def _whole_number(value: str) -> int | None:
    try:
        return int(value)
    except ValueError:
        return None


def add_output_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("output")
    group.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: table; with --output FILE.csv/.tsv/.json/.parquet/.xlsx, "
        "the file's type, which --format must not contradict; FILE.md: markdown)",
    )
    group.add_argument(
        "--output",
        "-o",
        type=_output_file,
        metavar="FILE",
        help="write to this file instead of standard output; its extension picks the type: "
        + _extension_list(),
    )


# File types --output writes as data (by analysis.write_table), with the --format that
# agrees with each; a binary one agrees with none, so --format cannot be given with it.
TABLE_FILE_TYPES = {"csv": "csv", "tsv": None, "json": "json", "parquet": None, "xlsx": None}
BINARY_FILE_TYPES = ("parquet", "xlsx")
# File types that get the text of --format, and the format each gets without one.
TEXT_FILE_TYPES = {"txt": "table", "md": "markdown"}


def _extension_list() -> str:
    data = ", ".join(f".{ext}" for ext in TABLE_FILE_TYPES)
    text = ", ".join(f".{ext}" for ext in TEXT_FILE_TYPES)
    return f"{data} (data) or {text} (text)"


def _suffix(path: str) -> str:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name.lstrip(".") else ""


def _output_file(value: str) -> str:
    """--output checked before any work is done: an unknown type is a usage error."""
    problem = _unknown_type(value)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return value


def _unknown_type(path: str) -> str | None:
    """Why --output cannot be ``path`` (its extension names no type), or None."""
    suffix = _suffix(path)
    if suffix in TABLE_FILE_TYPES or suffix in TEXT_FILE_TYPES:
        return None
    found = f"unknown extension '.{suffix}'" if suffix else "no extension"
    return f"{found} in {path!r}; valid: {_extension_list()}"


def add_plot_argument(parser: argparse.ArgumentParser, *, draws: str) -> None:
    """--plot FILE: the table also drawn as a figure; ``draws`` says what it shows."""
    parser.add_argument(
        "--plot",
        type=_figure_file,
        metavar="FILE",
        help=f"also draw {draws} into FILE (.png, .svg or .pdf), byte-identical per run, "
        "with the table's provenance embedded and beside it (FILE.provenance.json)",
    )


def _figure_file(value: str) -> str:
    """--plot checked before any work is done: its extension must name a figure format."""
    suffix = _suffix(value)
    if suffix not in FIGURE_FORMATS:
        found = f"unknown extension '.{suffix}'" if suffix else "no extension"
        valid = ", ".join(f".{ext}" for ext in FIGURE_FORMATS)
        raise argparse.ArgumentTypeError(f"{found} in {value!r}; valid: {valid}")
    return value


def save_plot(table: pd.DataFrame, args: argparse.Namespace, draw) -> None:
    """Draw ``table`` with ``draw`` (a ``plot_*`` function) into --plot, when given.

    The figure is saved by :func:`analysis.save_figure`, as a notebook would save it, so
    the two give the same bytes; it is closed afterwards (a long script calling
    :func:`analysis.cli.main` does not pile figures up).
    """
    if not getattr(args, "plot", None):
        return
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = draw(table)
    try:
        with writing(args.plot):
            analysis.save_figure(ax, args.plot, table=table)
    finally:
        plt.close(ax.figure)
    if not getattr(args, "quiet", False):
        print(f"note: figure written to {args.plot}", file=sys.stderr)


def refuse_plot(args: argparse.Namespace, reason: str) -> None:
    """A ValueError when --plot is given where there is no figure to draw (``reason``)."""
    if getattr(args, "plot", None):
        raise ValueError(f"--plot draws {reason}")


def add_voice_argument(parser: argparse.ArgumentParser, *, applies: str = "") -> None:
    """--voice, as every command that counts words in one voice has it; ``applies``
    adds what the voice applies to ("on both sides", "hedging, modality and rate:TERM")."""
    scope = f"{applies}; " if applies else ""
    parser.add_argument(
        "--voice",
        choices=("authorial", "quoted", "all"),
        default="all",
        help="count only words outside quote marks (authorial: the reporter's own words and "
        f"its indirect speech) or only quoted words ({scope}default: all)",
    )


# How to group by two docvars on the command line (argparse would keep the last --by).
TWO_DOCVARS_HINT = (
    "to group by two docvars, give the inputs one that combines them (a column of the "
    "--metadata sidecar or table), or in Python c.with_docvars(...)"
)
# ... and where a pair of docvars names each document (a country's speech of a year).
PER_DOCUMENT_HINT = "for one row per document (a country-year panel of speeches), --by doc_id; "


class OneDocvar(argparse.Action):
    """An option naming one docvar (--by, --within): given twice with different values,
    a usage error, where argparse would silently keep the last (``--by country --by
    year`` grouped by year alone)."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        earlier = getattr(namespace, self.dest, None)
        if earlier is not None and earlier != self.default and earlier != values:
            parser.error(
                f"{option_string} takes one docvar, given twice ({earlier!r}, then "
                f"{values!r}); {PER_DOCUMENT_HINT if self.dest == 'by' else ''}"
                f"{TWO_DOCVARS_HINT}"
            )
        setattr(namespace, self.dest, values)


def add_by_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--by",
        metavar="DOCVAR",
        action=OneDocvar,
        help="group results by this docvar (e.g. country, year; doc_id: one row per document)",
    )


def show_progress(args: argparse.Namespace) -> bool:
    return not getattr(args, "quiet", False) and sys.stderr.isatty()


def load_corpus(args: argparse.Namespace, *, note_skipped: bool = True) -> corpus.Corpus:
    """Read the corpus the arguments name; data problems become DataError.

    Inputs that were skipped are counted in one line on stderr (with ``--quiet`` too), so
    a result is never computed on less than the user gave without saying so; so are
    inputs whose encoding was guessed, whose text may be garbled without any error.
    """
    stream = getattr(args, "stream", False)
    cache = getattr(args, "cache", False) or stream
    if cache:
        _check_cache_folder()
    try:
        c = corpus.read_corpus(
            args.path,
            text_column=getattr(args, "text_column", None),
            id_column=getattr(args, "id_column", None),
            filename_template=getattr(args, "filename_template", None),
            metadata=getattr(args, "metadata", None),
            encoding=getattr(args, "encoding", None),
            delimiter=getattr(args, "delimiter", None),
            bad_dates=getattr(args, "bad_dates", "error"),
            date_order=getattr(args, "date_order", None),
            aliases=getattr(args, "aliases", None),
            strict=getattr(args, "strict", False),
            progress=show_progress(args),
            cache=cache,
            stream=stream,
            workers=getattr(args, "workers", None),
            drop_lines=getattr(args, "drop_lines", None),
        )
    except corpus.CorpusError as exc:
        raise DataError(str(exc)) from exc
    except OSError as exc:
        if cache and _inside(exc.filename, corpus.cache.default_cache_dir()):
            raise DataError(_cache_problem(exc)) from exc
        raise
    if note_skipped:  # validate lists every note in its own table (and every input)
        _note_skipped(c, args)
        _note_guessed_encodings(c, args)
        _note_dates_left_missing(c, args)
        _note_lines_dropped(c, args)
        _note_foreign(c, args)
        _note_sidecar_beside_file(args)
        if getattr(args, "where", None):
            c = _selected(c, args.where)
    return c


def _note_sidecar_beside_file(args: argparse.Namespace) -> None:
    """One stderr line when a single text file is read and a docvars sidecar lies beside
    it: the sidecar joins docvars to the files of a folder, so reading the file alone
    leaves them out, and a later "--by country is not a docvar" would not say why (a
    lecturer's trial read the seed's file directly)."""
    path = Path(args.path) if args.path else None
    if path is None or not path.is_file() or path.suffix.lower() != ".txt":
        return
    beside = [name for name in corpus.readers.SIDECAR_NAMES if (path.parent / name).is_file()]
    if beside:  # with --quiet too, as the other notes on what was read
        print(
            f"note: {beside[0]} beside {path.name} gives docvars to the files of its folder; "
            f"read the folder ({path.parent}) to have them",
            file=sys.stderr,
        )


def _note_skipped(c: corpus.Corpus, args: argparse.Namespace) -> None:
    skipped = c.report[c.report["status"] == "skipped"]
    if len(skipped):  # with --quiet too: the result covers less than was given
        first = skipped.iloc[0]
        print(
            f"note: {len(skipped)} of {len(c.report)} inputs skipped (first: {first['source']}: "
            f"{first['detail']}); `communique validate {_path_shown(args)}` lists them",
            file=sys.stderr,
        )


def _note_guessed_encodings(c: corpus.Corpus, args: argparse.Namespace) -> None:
    """One stderr line when inputs were decoded by guessing (cp1252 or latin-1): a
    GBK or MacRoman file reads as garbled text without any error, and its report row
    says only "repaired"."""
    guessed = c.report[corpus.decoded_by_guessing(c.report)]
    if len(guessed):  # with --quiet too: the text may be garbled
        print(
            f"note: {len(guessed)} of {len(c.report)} inputs decoded by guessing their "
            f"encoding (first: {guessed.iloc[0]['source']}: {guessed.iloc[0]['detail']}), so "
            f"their text may be garbled; `communique validate {_path_shown(args)}` lists them, "
            "and --encoding NAME reads them in the encoding you give",
            file=sys.stderr,
        )


def _note_dates_left_missing(c: corpus.Corpus, args: argparse.Namespace) -> None:
    """One stderr line when --bad-dates missing left dates missing: those documents
    fall out of every grouping by date (the group "(missing)")."""
    left = c.report[corpus.dates_left_missing(c.report)]
    if len(left):  # with --quiet too: those documents fall out of groupings by date
        print(
            f"note: {len(left)} of {len(c)} documents have their date left missing, as "
            f"the value given is no date (first: {left.iloc[0]['source']}: "
            f"{left.iloc[0]['detail']}); "
            f"`communique validate {_path_shown(args)}` lists them",
            file=sys.stderr,
        )


def _note_lines_dropped(c: corpus.Corpus, args: argparse.Namespace) -> None:
    """One stderr line with --drop-lines: how many lines it dropped, from how many
    documents (none: a pattern that finds nothing is often mistyped)."""
    if not getattr(args, "drop_lines", None) or getattr(args, "quiet", False):
        return
    dropped = corpus.lines_dropped(c.report)
    lines, inputs = int(dropped.sum()), int((dropped > 0).sum())
    if not lines:
        print(
            "note: --drop-lines matched no line of any document; the patterns are matched "
            "against each line of the normalized text (straight apostrophes, '—' dashes, "
            "no spaces at either end), case-sensitive unless a pattern says (?i)",
            file=sys.stderr,
        )
        return
    print(
        f"note: --drop-lines dropped {lines} {'line' if lines == 1 else 'lines'} from "
        f"{inputs} of {len(c.report)} inputs; `communique validate {_path_shown(args)}` "
        "with the same --drop-lines lists them",
        file=sys.stderr,
    )


def _path_shown(args: argparse.Namespace):
    return args.path or corpus.default_seed_path()


def note_no_quotes(c: corpus.Corpus, args: argparse.Namespace) -> None:
    """One stderr line when --voice quoted meets a corpus without quotes: its rates are
    empty (NaN) for a reason the table cannot say."""
    if getattr(args, "voice", None) != "quoted" or getattr(args, "quiet", False):
        return
    # Quote marks alone settle it: attributing speakers here (segmenting every text in
    # this process first) would repeat what the analysis does in its workers.
    if not any(corpus.find_quote_spans(doc.text) for doc in c):
        print(
            "note: the corpus has no quotes (“…” or ‘…’ after normalization), so --voice "
            "quoted finds nothing",
            file=sys.stderr,
        )


def _note_foreign(c: corpus.Corpus, args: argparse.Namespace) -> None:
    """One stderr line when documents are probably not English: every measure reads
    English, so their rates would be taken at face value otherwise."""
    if "detail" not in c.report.columns:  # (shown with --quiet too)
        return
    details = c.report["detail"].astype(str)
    foreign = c.report[details.str.contains("probably not English", regex=False)]
    if len(foreign):
        print(
            f"note: {len(foreign)} of {len(c)} documents are probably not English (first: "
            f"{foreign.iloc[0]['source']}); the measures read English",
            file=sys.stderr,
        )


def _check_cache_folder() -> None:
    """--cache: make the cache folder now, so a bad one fails before the corpus is read."""
    try:
        corpus.cache.default_cache_dir().mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataError(_cache_problem(exc)) from exc


def _cache_problem(exc: OSError) -> str:
    root = corpus.cache.default_cache_dir()
    problem = _why(root, exc, folder=True)
    variable = corpus.cache.CACHE_DIR_VARIABLE
    origin = f" (from ${variable})" if os.environ.get(variable) else ""
    return (
        f"--cache: cannot use the cache folder {root}{origin}: {problem}; "
        f"set {variable} to a folder you can write, or leave out --cache"
    )


def _inside(filename: str | os.PathLike | None, folder: Path) -> bool:
    if filename is None:
        return False
    try:
        Path(os.path.abspath(filename)).relative_to(os.path.abspath(folder))
    except ValueError:
        return False
    return True


# Characters of text a cell of the plain-text table shows; csv, json and markdown keep
# the whole text. A quote table printed whole had lines of 12,511 characters.
TABLE_CELL_WIDTH = 60


def format_table(table: pd.DataFrame, fmt: str) -> str:
    """Render a result table as text in one of FORMATS.

    In the plain-text ``table`` format a text cell longer than :data:`TABLE_CELL_WIDTH`
    is cut to that width, "…" standing for the rest (:func:`shorten_text_cells`;
    :func:`emit` says so on stderr).

    Example:
        >>> print(format_table(pd.DataFrame({"id": ["a"], "text": ["x" * 70]}), "table"), end="")
        id                                                         text
         a xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…
    """
    if fmt == "csv":
        return table.to_csv(index=False)
    if fmt == "json":
        return analysis.table_json(table)  # what --output FILE.json writes, unrounded
    if fmt == "markdown":
        return _markdown(table)
    return _plain_table(table)[0]


def _plain_table(table: pd.DataFrame) -> tuple[str, int]:
    """The plain-text table and the number of text cells it cut."""
    if table.empty:
        return "(no rows) columns: " + ", ".join(map(str, table.columns)) + "\n", 0
    shown, cut = shorten_text_cells(table, TABLE_CELL_WIDTH)
    with pd.option_context("display.max_rows", 200, "display.max_columns", 50):
        return shown.to_string(index=False) + "\n", cut


# Columns whose end says most, cut at their start instead: a concordance's left context
# (the words next to the match) and file paths (the file's name).
CUT_AT_START = frozenset({"left", "source"})
# Columns never cut: the load report's reason for each input, what `validate` is for.
KEEP_WHOLE = frozenset({"detail"})


def shorten_text_cells(table: pd.DataFrame, width: int) -> tuple[pd.DataFrame, int]:
    """``table`` with every text cell longer than ``width`` cut to ``width`` characters,
    "…" standing for the rest (at the start in the columns of :data:`CUT_AT_START`; those
    of :data:`KEEP_WHOLE` are left whole), and the number of cells cut.
    (``DataFrame.to_string`` ignores pandas' display.max_colwidth.)

    Example:
        >>> t, cut = shorten_text_cells(
        ...     pd.DataFrame({"q": ["a" * 5, "b" * 9], "left": ["c" * 5, "d" * 9]}), 6)
        >>> t["q"].tolist(), t["left"].tolist(), cut
        (['aaaaa', 'bbbbb…'], ['ccccc', '…ddddd'], 2)
    """
    shown, cut = table.copy(), 0
    for position, column in enumerate(table.columns):  # by position: names may repeat
        if column in KEEP_WHOLE:
            continue
        values = table.iloc[:, position]
        long = values.map(lambda v: isinstance(v, str) and len(v) > width).astype(bool)
        if not long.any():
            continue
        cut += int(long.sum())
        at_start = column in CUT_AT_START
        short = [
            _cut(v, width, at_start=at_start) if too else v
            for v, too in zip(values, long, strict=True)
        ]
        shown.isetitem(position, pd.Series(short, index=table.index, dtype=object))
    return shown, cut


def _cut(text: str, width: int, *, at_start: bool) -> str:
    return "…" + text[len(text) - width + 1 :] if at_start else text[: width - 1] + "…"


def _write_text(handle, table: pd.DataFrame, fmt: str, args: argparse.Namespace) -> None:
    """Write ``table`` as ``fmt`` text; for the plain-text table, one stderr line when
    it cut text cells (the rows look whole)."""
    if fmt != "table":
        handle.write(format_table(table, fmt))
        return
    text, cut = _plain_table(table)
    handle.write(text)
    if cut and not getattr(args, "quiet", False):
        print(
            f"note: {cut} text {'cell' if cut == 1 else 'cells'} cut to {TABLE_CELL_WIDTH} "
            "characters (… for the rest); --format csv or json, or --output FILE.csv, keeps "
            "the whole text",
            file=sys.stderr,
        )


def _markdown(table: pd.DataFrame) -> str:
    # Hand-rolled so the 'tabulate' package is not needed just for this.
    def cell(value) -> str:
        if isinstance(value, float):
            return f"{value:.4g}"
        return str(value).replace("|", "\\|").replace("\n", " ")

    header = "| " + " | ".join(map(str, table.columns)) + " |"
    rule = "|" + "|".join("---" for _ in table.columns) + "|"
    body = ["| " + " | ".join(cell(v) for v in row) + " |" for row in table.itertuples(index=False)]
    return "\n".join([header, rule, *body]) + "\n"


def emit(table: pd.DataFrame, args: argparse.Namespace, *, empty: str = "") -> None:
    """Write ``table`` to --output or standard output.

    A file named ``.csv``, ``.tsv``, ``.json``, ``.parquet`` or ``.xlsx`` is written by
    :func:`analysis.write_table`, so it has the same bytes as one written from a notebook;
    a ``.txt`` or ``.md`` file (or a text type given another ``--format``) gets the text of
    ``--format`` (default: table for ``.txt``, markdown for ``.md``). Any other extension
    is a ValueError naming the valid ones. Every file gets a provenance sidecar. A file
    that cannot be written is a DataError saying why.
    """
    fmt = getattr(args, "format", None)
    output = getattr(args, "output", None)
    if table.empty and not getattr(args, "quiet", False):
        # An empty table on its own looks like a failure; say what it means.
        print(f"note: no rows{': ' + empty if empty else ''}", file=sys.stderr)
    if not output:
        _write_text(sys.stdout, table, fmt or "table", args)
        return
    problem = _unknown_type(output)
    if problem:
        raise ValueError(f"--output: {problem}")
    suffix = _suffix(output)
    if suffix in BINARY_FILE_TYPES and fmt is not None:
        raise ValueError(
            f"--format {fmt} cannot be written to a .{suffix} file; leave out --format, "
            f"or name a .csv, .json, .txt or .md file"
        )
    if suffix in TABLE_FILE_TYPES and fmt not in (None, TABLE_FILE_TYPES[suffix]):
        # CSV text in "x.json" would be a file whose name lies about its contents.
        agreeing = next(
            (f".{ext}" for ext, f in TABLE_FILE_TYPES.items() if f == fmt),
            ".md" if fmt == "markdown" else ".txt",
        )
        raise ValueError(
            f"--format {fmt} does not match the .{suffix} file {output!r}; leave out "
            f"--format (the extension picks the type), or name a {agreeing} file"
        )
    with writing(output):
        if suffix in TABLE_FILE_TYPES and fmt in (None, TABLE_FILE_TYPES[suffix]):
            analysis.write_table(table, output)
        else:
            fmt = fmt or TEXT_FILE_TYPES[suffix]
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            with open(output, "w", encoding="utf-8") as handle:
                _write_text(handle, table, fmt, args)
            analysis.write_provenance(output, table, fmt=fmt)
    if not getattr(args, "quiet", False):
        # Nothing else is printed: without this line the command seems to do nothing.
        rows = f"{len(table):,} row{'' if len(table) == 1 else 's'}"
        print(f"note: {rows} written to {output}", file=sys.stderr)
