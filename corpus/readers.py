"""Reading folders, single files and tables into a Corpus, accounting for every input."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import numbers
import os
import re
import sys
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import numpy as np
import pandas as pd

from ._parallel import map_in_order, resolve_workers
from .aliases import Aliases
from .corpus import REPORT_COLUMNS, Corpus
from .document import Document
from .droplines import check_drop_lines, compile_drop_lines, drop_matching_lines, dropped_repair
from .errors import (
    BadDatesError,
    CorpusError,
    DuplicateIdError,
    NoDocumentError,
    StrictModeError,
    check_choice,
)
from .language import language_note
from .metadata import (
    BAD_DATES_CHOICES,
    DATE_ORDERS,
    UNCLOSED_FRONT_MATTER,
    BadDate,
    Locate,
    SidecarJoin,
    SidecarRow,
    ambiguous_split,
    check_sidecar_unique,
    check_template,
    delimiter_hint,
    join_sidecar,
    parse_filename,
    separator_name,
    sidecar_rows,
    split_front_matter,
    template_mismatch,
    type_docvars,
    unclosed_front_matter,
)
from .normalize import Normalized, normalize, normalize_docvar
from .streamed import span_columns
from .ungdc import find_speakers_table, join_speakers, read_speakers, un_layout_meta

TEXT_EXTENSIONS = (".txt", ".md")
TABLE_EXTENSIONS = (".csv", ".tsv", ".jsonl", ".ndjson", ".parquet")
TEXT_COLUMN_CANDIDATES = ("text", "content", "body", "speech", "statement")
ID_COLUMN_CANDIDATES = ("doc_id", "id")
SIDECAR_NAMES = ("metadata.csv", "docvars.csv")
# Folders smaller than this (bytes of text files, or files) are read in this process:
# starting a pool costs more than decoding and normalizing them takes.
PARALLEL_MIN_BYTES = 2_000_000
PARALLEL_MIN_FILES = 50
# Bytes of files per task of a reading pool: results (texts, and spans when written to
# the cache as read) wait in memory a few tasks at a time, not a corpus at a time.
PARALLEL_CHUNK_BYTES = 2_000_000

# Normalization rules that fix damage (reported as repairs) rather than apply house style.
_REPAIR_RULES = (
    "mojibake",
    "OCR",
    "paragraph numbers",
    "page numbers",
    "page break",
    "hyphenation",
    "spaced hyphen",
    "control characters",
)
_REPAIR_MARKER = re.compile("|".join(map(re.escape, _REPAIR_RULES)))


@dataclass
class _Loaded:
    """What reading inputs produced, before it becomes a Corpus."""

    documents: list[Document] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    metas: list[dict] = field(default_factory=list)
    # doc_id -> where its docvars given elsewhere than its source were given (a
    # sidecar's row: {"date": "metadata.csv:3"}), so that a bad value is named where
    # it can be corrected; documents whose docvars all come from their source have none.
    origins: dict[str, dict[str, str]] = field(default_factory=dict)
    report: list[dict] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    # Where documents go instead of ``documents`` when a corpus is written to the cache
    # as it is read (corpus.cache.EntryWriter: ``add(doc_id, text, raw_sha256, spans)``).
    sink: Any = None
    # ``drop_lines`` compiled: a line of a normalized text one of them finds is dropped.
    drop: tuple[re.Pattern[str], ...] = ()
    # Documents whose only repair is lines dropped by drop_lines: asked for, so no
    # error in strict mode (a bad date left missing on the row takes a document out).
    dropped_only: set[str] = field(default_factory=set)

    def add_report(self, source: str, doc_id: str, status: str, detail: str) -> None:
        self.report.append({"source": source, "doc_id": doc_id, "status": status, "detail": detail})
        if doc_id and status == "skipped":
            # An id is taken by a skipped document too: another input with the same id
            # is a duplicate, whichever of the two has the text.
            self.sources.setdefault(doc_id, source)


def read_corpus(
    path: str | Path | None = None,
    *,
    text_column: str | None = None,
    id_column: str | None = None,
    filename_template: str | None = None,
    metadata: str | Path | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    bad_dates: str = "error",
    date_order: str | None = None,
    strict: bool = False,
    aliases: Aliases | str | Path | bool | None = None,
    progress: bool = False,
    cache: bool | str | Path = False,
    stream: bool = False,
    workers: int | None = None,
    drop_lines: Sequence[str] | None = None,
) -> Corpus:
    """Read a folder, a text file or a table file into a :class:`Corpus`.

    Parameters:
        path: a folder of .txt/.md files (searched recursively), one .txt/.md file, or a
            CSV/TSV/JSONL/Parquet table. ``None`` reads the seed documents shipped with
            communique.
        text_column, id_column: table columns holding the text and the document id
            (defaults: the first of text/content/body/speech/statement, in any case, and
            of doc_id/id the first that every row fills, else the first there is; without
            an id column, ids are ``<file stem>:<row number>``). Ids are stripped of
            surrounding spaces (a repair).
        filename_template: docvars from file names, e.g. ``"{country}_{session}_{year}.txt"``
            (a year or session field takes digits only); a file whose name does not fit
            is skipped, its report row saying what the template expects. Files in the UN
            General Debate layout (``ISO_NN_YYYY.txt``) are recognised without it. An
            error for a table, as ``metadata`` is.
        metadata: a sidecar CSV keyed by a ``file`` column (path relative to the folder).
            A ``metadata.csv`` in the folder is used without being named.
        encoding: force the encoding of text files and CSV/TSV/JSONL tables; by default
            UTF-8 (or UTF-16 with a byte-order mark), then cp1252, then latin-1 (a
            fallback is reported as a repair, on every row of a table, and
            :func:`decoded_by_guessing` finds those rows of the report). A sidecar is
            always detected that way.
        delimiter: the separator of a CSV table and of a sidecar, one character
            (``";"``, ``"\\t"``, ``"|"``). By default a .tsv is separated by tabs and
            any other by what its header line is split by, of ``,;\\t|`` (a separator
            other than the comma is noted on the report); a header that two of them
            split is an error naming both, never a guess.
        bad_dates: what a value of a ``date`` column that is no date does
            (``2024-13-07``, ``Sept 31 2024``, ``n.d.``): ``"error"`` raises
            :class:`BadDatesError` listing every such value and where it is (the file
            and line); ``"missing"`` leaves each missing and reports it as a repair on
            its document's report row. A column whose values are mostly text, not
            dates, is an error either way (it is probably misnamed).
        date_order: ``"day-first"`` or ``"month-first"``: the order of every numeric
            date of a ``date`` column (``03/04/2024``). By default the column's values
            tell it (``13/03/2024`` can only be day-first), and a column whose values
            all read both ways, or tell both orders, is an error asking for it. A value
            that cannot be read in the order given is a bad date (see ``bad_dates``).
        strict: raise :class:`StrictModeError` instead of repairing or skipping any input.
        aliases: alias table (an :class:`Aliases` or a path to a TSV); default: the
            shipped table (spellings of people's names); False: none, every spelling
            counts on its own.
        progress: show a progress bar on stderr.
        cache: keep the parsed corpus (texts, docvars, report, sentence/token/quote spans)
            in a Parquet cache and reuse it while the input files, options and policy
            versions are unchanged. ``True`` uses ``$COMMUNIQUE_CACHE_DIR`` or
            ``.communique-cache/`` in the working directory; a path names the folder.
            Off by default (see :mod:`corpus.cache`).
        stream: keep the documents on disk, in the cache (so ``cache`` must be on), and
            read them block by block as each pass over the corpus needs them: memory
            then follows the vocabulary and the results, not the texts; on the UN
            archive the measures took 7% longer in one process and no longer with two
            workers (see :mod:`corpus.streamed`). A first read writes the cache as it
            reads (for a large folder, the reading workers also find the spans), so
            the documents are never all in memory; a table file is read whole first.
        workers: processes that decode and normalize the files of a large folder
            (None: all available cores; 1: this process). The corpus is the same
            whatever the number: documents, report and fingerprint keep file order.
        drop_lines: regular expressions for boilerplate lines to leave out of every
            text (bylines, photo captions, wire credits): a line of the normalized
            text that one of them finds (:func:`re.search`) is dropped, so
            ``"^Photo:"`` drops lines that start so; case-sensitive unless a pattern
            says ``(?i)``. The text left is normalized again (blank lines around a
            dropped line close up), and spans and the fingerprint are those of that
            text. Each document that lost lines is repaired, its report row saying
            "lines dropped by drop_lines (3)"; one left without words is skipped,
            saying so. A pattern that is no regular expression, or that matches an
            empty line, is a ValueError. ``strict=True`` does not refuse lines
            dropped on request. The patterns are part of the cache key and of
            :attr:`Corpus.drop_lines` (provenance records name them).

    Returns:
        A Corpus whose ``report`` has one row per input file (or table row).

    Example:
        >>> c = read_corpus("seeds/")                                   # doctest: +SKIP
        >>> c.docvars[["genre", "quoted_speaker"]]                       # doctest: +SKIP
    """
    read = _read_record(
        path,
        aliases,
        text_column=text_column,
        id_column=id_column,
        filename_template=filename_template,
        metadata=metadata,
        encoding=encoding,
        delimiter=delimiter,
        bad_dates=None if bad_dates == "error" else bad_dates,
        date_order=date_order,
        strict=strict or None,
    )
    aliases = resolve_aliases(aliases)
    resolve_workers(workers)  # a bad value fails here, before any reading
    check_choice("bad_dates", bad_dates, BAD_DATES_CHOICES)
    if date_order is not None:
        check_choice("date_order", date_order, DATE_ORDERS)
    patterns = check_drop_lines(drop_lines)
    if encoding is not None:
        _check_encoding(encoding)
    if delimiter is not None:
        _check_delimiter(delimiter)
    if path is None:
        path = default_seed_path()
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    check_template(filename_template)
    _check_table_options(path, filename_template, metadata)
    if stream and not cache:
        raise ValueError(
            "stream=True reads documents from the on-disk cache: pass cache=True "
            "(or a cache folder) too"
        )
    options = {
        "text_column": text_column,
        "id_column": id_column,
        "filename_template": filename_template,
        "metadata": metadata,
        "encoding": encoding,
        "delimiter": delimiter,
        "strict": strict,
    }
    if bad_dates != "error":
        # Only when it changes what is read: cache entries written before the option
        # existed hold what the default reads, and keep answering.
        options["bad_dates"] = bad_dates
    if date_order is not None:
        options["date_order"] = date_order  # (only when given, as bad_dates)
    if patterns:
        # Only when given, as bad_dates: entries read without it keep answering.
        options["drop_lines"] = list(patterns)
    dates = {"bad_dates": bad_dates, "date_order": date_order}
    if cache:
        from .cache import read_through_cache

        def read_into(sink) -> tuple[pd.DataFrame, pd.DataFrame]:
            loaded = _load(path, options, aliases, progress, workers, sink)
            return _finish_tables(loaded, path, strict, **dates)

        c = read_through_cache(path, cache, options, aliases, read_into, stream=stream)
        c.drop_lines = patterns
        c.read = read
        return c
    loaded = _load(path, options, aliases, progress, workers)
    c = _finish(loaded, aliases, path, strict, drop_lines=patterns, **dates)
    c.read = read
    return c


def _read_record(path: str | Path | None, aliases: object, **options: object) -> dict:
    """What :func:`read_corpus` read, as provenance records name it: the file or folder
    and each option given that changes what is read (not cache, stream or workers,
    which never do), so that a reviewer can read the same corpus again. Files are named
    without the folders they are in: a record (and a figure that embeds it) is then
    the same on every machine; the fingerprint tells whether the contents are."""
    record: dict = {"path": "the seed shipped with communique" if path is None else _name(path)}
    for name, value in options.items():
        if value is not None:
            record[name] = _name(value) if name == "metadata" else value
    if aliases is False:
        record["aliases"] = "none"
    elif isinstance(aliases, (str, Path)):
        record["aliases"] = _name(aliases)
    elif aliases is not None:
        record["aliases"] = "an alias table given in Python"
    return record


def _name(path: object) -> str:
    """The last part of a path ("news.csv" for "/data/2024/news.csv"; the folder's own
    name for "." or "..")."""
    given = Path(str(path))
    if given.name in ("", ".."):
        return given.resolve().name or str(path)
    return given.name


def _load(path: Path, options: dict, aliases, progress, workers, sink=None) -> _Loaded:
    """Read the inputs at ``path``: documents (or, with a ``sink``, their ids alone),
    metadata and report rows."""
    loaded = _Loaded(sink=sink, drop=compile_drop_lines(options.get("drop_lines", ())))
    metadata, encoding = options["metadata"], options["encoding"]
    delimiter = options["delimiter"]
    if path.is_dir():
        template = options["filename_template"]
        sidecar = (metadata, delimiter)
        _read_folder(loaded, path, template, sidecar, encoding, aliases, progress, workers)
    elif path.suffix.lower() in TABLE_EXTENSIONS:
        columns = (options["text_column"], options["id_column"])
        _read_table(loaded, path, columns, encoding, delimiter, aliases)
    elif path.suffix.lower() in TEXT_EXTENSIONS:
        template = options["filename_template"]
        _read_text_file(path, (metadata, delimiter), loaded, template, encoding, aliases)
    else:
        raise CorpusError(
            f"{path}: cannot read {path.suffix or 'files without an extension'}; give a folder, "
            f"a {'/'.join(TEXT_EXTENSIONS)} file or a table ({', '.join(TABLE_EXTENSIONS)})"
        )
    return loaded


def _check_table_options(path: Path, filename_template: str | None, metadata) -> None:
    """A table gives its docvars as columns: the options that take docvars from file
    names or a sidecar are an error for it, not ignored (checked before a cache entry
    could answer)."""
    if path.is_dir() or path.suffix.lower() not in TABLE_EXTENSIONS:
        return
    instead = f"{path.name} is a table: give the docvars as columns of the table instead"
    if metadata is not None:
        raise CorpusError(
            f"metadata={str(metadata)!r} joins docvars to the files of a folder; {instead}"
        )
    if filename_template is not None:
        raise CorpusError(
            f"filename_template={filename_template!r} takes docvars from the names of the "
            f"text files of a folder; {instead}"
        )


def _check_delimiter(delimiter) -> None:
    """``delimiter=``: one character that can separate fields (a quote mark or a line
    break cannot: the csv reader gives them their own meaning)."""
    if isinstance(delimiter, str) and len(delimiter) == 1 and delimiter not in '"\r\n':
        return
    raise CorpusError(
        f"delimiter={delimiter!r} is not valid; give one character that separates the "
        "fields, such as ',', ';', '\\t' or '|', or None to find it from the header line"
    )


def _check_encoding(encoding: str) -> None:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise CorpusError(
            f"encoding={encoding!r} is not an encoding Python knows; "
            "give one such as 'utf-8', 'cp1252' or 'latin-1', or None to detect it"
        ) from None


def _skipped_summary(report: pd.DataFrame, shown: int = 5) -> str:
    """ "a.txt: skipped (empty file); ..." for the report's first inputs."""
    if report.empty:
        return "The folder or table holds no input."
    lines = [f"{r.source}: {r.status} ({r.detail})" for r in report.head(shown).itertuples()]
    more = f"; and {len(report) - shown} more" if len(report) > shown else ""
    tables = [s for s in report["source"] if s.lower().endswith(TABLE_EXTENSIONS)]
    hint = (
        f" A folder is read for its text files; a table is read on its own: pass {tables[0]} "
        "itself as the path (one table at a time)."
        if tables
        else ""
    )
    return "Inputs: " + "; ".join(lines) + more + "." + hint


def resolve_aliases(aliases: Aliases | str | Path | bool | None) -> Aliases:
    """The alias table ``aliases=`` names: None (or True) the shipped one, False none,
    a path a table file, an :class:`Aliases` itself."""
    if aliases is None or aliases is True:
        return Aliases.default()
    if aliases is False:
        return Aliases.none()
    if isinstance(aliases, (str, Path)):
        return Aliases.read(aliases)
    if not isinstance(aliases, Aliases):
        raise TypeError(
            f"aliases={aliases!r} is not valid; give an Aliases table, the path of a "
            "TSV/CSV with variant and canonical columns, False (none) or None (shipped)"
        )
    return aliases


def from_texts(
    texts: Sequence[str] | Mapping[str, str],
    docvars: pd.DataFrame | Mapping | None = None,
    *,
    aliases: Aliases | str | Path | bool | None = None,
    drop_lines: Sequence[str] | None = None,
) -> Corpus:
    """Build a Corpus from strings in memory.

    Parameters:
        texts: a list of texts (ids ``doc1``, ``doc2``, ...) or a mapping id -> text.
        docvars: metadata with one row per text, in the same order (a DataFrame or a
            mapping of column -> list).
        aliases: as in :func:`read_corpus` (False: none).
        drop_lines: as in :func:`read_corpus`: lines of the normalized texts to drop
            (bylines, captions, credits), each given as a regular expression.

    Example:
        >>> c = from_texts({"a": "Peace must prevail."}, docvars={"year": [1995]})
        >>> c["a"].meta["year"]
        1995
    """
    aliases = resolve_aliases(aliases)
    patterns = check_drop_lines(drop_lines)
    if isinstance(texts, str):
        raise TypeError("from_texts: texts must be a list of strings or a mapping, not one string")
    if isinstance(texts, Mapping):
        ids, bodies = [str(k) for k in texts], list(texts.values())
    else:
        bodies = list(texts)
        ids = [f"doc{i + 1}" for i in range(len(bodies))]
    table = pd.DataFrame(docvars) if docvars is not None else pd.DataFrame(index=range(len(ids)))
    if len(table) != len(ids):
        raise CorpusError(
            f"from_texts: docvars has {len(table)} rows but there are {len(ids)} texts"
        )
    records = table.reset_index(drop=True).to_dict("records")
    loaded = _Loaded(drop=compile_drop_lines(patterns))
    for i, (doc_id, body) in enumerate(zip(ids, bodies, strict=True)):
        if not isinstance(body, str):
            raise CorpusError(f"from_texts: texts[{i}] is {type(body).__name__}, not a string")
        raw_sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
        _add_document(loaded, f"texts[{i}]", doc_id, body, raw_sha, records[i], [], aliases)
    return _finish(loaded, aliases, drop_lines=patterns)


# Where the seed documents are: a checkout's seeds/ folder, or the copy a regular
# install ships inside the package (see setup.py).
_CHECKOUT_SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_PACKAGED_SEEDS = Path(__file__).resolve().parent / "_seeds"


def default_seed_path() -> Path:
    """The seed documents: ``seeds/`` beside the package in a checkout or in the working
    directory, else the copy installed with the package."""
    for candidate in (_CHECKOUT_SEEDS, Path.cwd() / "seeds", _PACKAGED_SEEDS):
        if candidate.is_dir():
            return candidate
    raise CorpusError("no path given and no seeds/ folder found; pass a corpus path")


HIDDEN = "hidden (its name starts with '.'): not read"
_CACHE_FOLDER = ".communique-cache"  # corpus.cache.DEFAULT_CACHE_DIR (cache imports readers)
# Written into every cache folder (the cache directory tagging convention, which backup
# tools know too), so that a cache kept inside a corpus folder is never read as input.
CACHE_TAG_NAME = "CACHEDIR.TAG"
CACHE_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by communique (corpus.cache).\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n"
)


def is_cache_folder(folder: Path) -> bool:
    """Whether ``folder`` is a communique cache (it holds communique's cache tag)."""
    try:
        return (folder / CACHE_TAG_NAME).read_text(encoding="utf-8") == CACHE_TAG
    except (OSError, UnicodeDecodeError):
        return False


def folder_files(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The files a folder read takes, sorted, and the entries it leaves out, each with
    the reason the load report gives: hidden files and folders (names starting with
    "."; a hidden folder once, not its contents), links that lead nowhere or back into
    the corpus, and anything that is neither a file nor a folder.

    Hidden entries are system and tool files, not documents: .DS_Store, .git, a
    notebook's .ipynb_checkpoints (copies of real files, which would be read twice).
    Links to folders are followed, unless the folder is read anyway (it lies inside the
    folder read, or was reached before: a loop). communique's cache folders are left
    out without a word: they are no input.
    """
    files: list[Path] = []
    left_out: list[tuple[Path, str]] = []
    root = folder.resolve()
    reached = {root}
    for here_name, folders, names in os.walk(folder, followlinks=True):
        here = Path(here_name)
        kept = []
        for name in sorted(folders):
            path = here / name
            if name.startswith("."):
                if name != _CACHE_FOLDER:
                    left_out.append((path, HIDDEN))
            elif not is_cache_folder(path):
                why = _linked_folder_read_elsewhere(path, root, reached)
                if why:
                    left_out.append((path, why))
                else:
                    kept.append(name)
        folders[:] = kept
        for name in names:
            path = here / name
            if name.startswith("."):
                left_out.append((path, HIDDEN))
            elif path.is_file():
                files.append(path)
            elif path.is_symlink():
                left_out.append((path, f"a link to {os.readlink(path)}, which does not exist"))
            else:
                left_out.append((path, "neither a file nor a folder (a pipe or device?)"))
    return sorted(files), sorted(left_out)


def _linked_folder_read_elsewhere(path: Path, root: Path, reached: set[Path]) -> str:
    """Why a folder is not walked (it is read elsewhere), or "" to walk it; ``reached``
    gathers the real folders walked. Reasons name a link's target as the link gives it
    (no absolute path, which would change with the folder's place)."""
    target = path.resolve()
    link = f"a link to {os.readlink(path)}" if path.is_symlink() else ""
    if link and (target == root or root in target.parents):
        return f"{link}, a folder inside the folder read: read there, not twice"
    if link and target in root.parents:
        return f"{link}, a folder that holds the folder read: a loop, not read"
    if target in reached:
        # Met before: through a link walked earlier, or a link's target seen again.
        return f"{link or 'a folder'} already read (through another path): not read twice"
    reached.add(target)
    return ""


def _read_folder(loaded, folder, template, sidecar, encoding, aliases, progress, workers):
    sidecar_path, delimiter = sidecar
    files, left_out = folder_files(folder)
    sidecar_files = (
        [Path(sidecar_path)]
        if sidecar_path
        else [folder / name for name in SIDECAR_NAMES if (folder / name).is_file()]
    )
    sidecars = [_read_sidecar(side, folder, delimiter) for side in sidecar_files]
    rows = [row for side in sidecars for row in side.rows]
    check_sidecar_unique(rows)
    join = join_sidecar(rows, [file.relative_to(folder).as_posix() for file in files])
    # Said on each document a sidecar has no row for: its docvars are missing.
    no_row = (
        f"{' or '.join(side.label for side in sidecars)} has no row for this file"
        if sidecars
        else ""
    )
    metadata_rows = {side.path.resolve(): (side.status, side.detail) for side in sidecars}
    speakers_file = find_speakers_table(folder)
    metadata_files = {p.resolve() for p in sidecar_files}
    if speakers_file:
        metadata_files.add(speakers_file.resolve())
    un_layout = template is None and _mostly_un_layout(files)
    not_documents = {
        file: _not_a_document(file, metadata_files, un_layout, template) for file in files
    }
    documents = [file for file in files if not_documents[file] is None]
    # Written to the cache as read: the workers also find the spans the cache stores.
    spans_for = aliases if loaded.sink is not None else None
    parsed = _parse_files(documents, folder, encoding, workers, spans_for, loaded.drop)
    if speakers_file:
        # Read while worker processes parse the speeches (asking for the first result
        # starts them): the workbook took 0.1 s of the main process's time on its own.
        parsed = _started(parsed)
        speakers = read_speakers(speakers_file)
    iterator: Iterable[Path] = files
    if progress:
        from tqdm import tqdm

        iterator = tqdm(files, desc="reading", unit="file", file=sys.stderr, leave=False)
    # Metadata, ids, duplicate checks and the report are built here, in file order,
    # whichever process decoded and normalized the files. An error raised here (a
    # duplicate id) closes the pool at once, not when the traceback is collected.
    with closing(parsed):
        for file in iterator:
            relative = file.relative_to(folder).as_posix()
            reason = not_documents[file]
            if reason is not None:
                status, detail = reason
                if status == "metadata":
                    status, detail = metadata_rows.get(file.resolve(), reason)
                loaded.add_report(relative, "", status, detail)
            else:
                joined = _joined_meta(join, relative, no_row)
                _add_parsed(loaded, next(parsed), file, template, joined, aliases)
    for path, why in left_out:
        loaded.add_report(path.relative_to(folder).as_posix(), "", "skipped", why)
    for side in sidecars:
        if not side.inside:  # a sidecar from elsewhere is an input too
            loaded.add_report(side.label, "", side.status, side.detail)
    for row, why in join.unmatched:
        loaded.add_report(row.source, "", "skipped", why)
    if speakers_file:
        # A link inside the folder to the archive's table is listed once, as a file of
        # the folder, though the table it points to lies elsewhere.
        inside = folder.absolute() in speakers_file.absolute().parents
        if not inside and folder.resolve() not in speakers_file.resolve().parents:
            # Beside the folder (the archive's layout): an input too, listed as such.
            loaded.add_report(str(speakers_file), "", "metadata", "read for docvars")
        notes = join_speakers(loaded.metas, speakers, speakers_file.name)
        _add_notes(loaded, {loaded.ids[index]: note for index, note in notes.items()})


def _add_notes(loaded: _Loaded, notes: dict[str, str]) -> None:
    """Append each note to the detail of its document's report row."""
    for row in loaded.report:
        note = notes.get(row["doc_id"]) if row["doc_id"] else None
        if note:
            row["detail"] = f"{row['detail']}; {note}" if row["detail"] else note


def _started(results: Iterator[_Parsed]) -> Iterator[_Parsed]:
    """``results`` with its first item already computed (which starts a lazy pool); a
    generator, so that closing it closes ``results`` (and stops the pool)."""
    first = next(results, None)
    return results if first is None else _prepended(first, results)


def _prepended(first: _Parsed, rest: Iterator[_Parsed]) -> Iterator[_Parsed]:
    yield first
    yield from rest


@dataclass
class _Sidecar:
    """A sidecar CSV as read: its rows, and how the report names and describes it."""

    path: Path
    label: str
    inside: bool  # in the folder read (it has a report row of its own there)
    rows: list[SidecarRow]
    status: str  # "metadata", or "repaired" when decoded from another encoding than UTF-8
    detail: str


def _read_sidecar(path: Path, folder: Path, delimiter: str | None) -> _Sidecar:
    if not path.is_file():
        raise CorpusError(f"{path}: metadata file not found")
    try:
        label = path.resolve().relative_to(folder.resolve()).as_posix()
        inside = True
    except ValueError:
        label, inside = str(path), False
    # Whatever its extension (pandas read any as CSV before): tab-separated only as .tsv.
    table = _read_text_table(path, _decode_table(path, None), delimiter)
    repairs = table.attrs["repairs"]
    lines = table.attrs["line_numbers"]
    notes = [f"line {lines[row]}: {note}" for row, note in table.attrs["notes"].items()]
    detail = "; ".join(["read for docvars", *table.attrs["table_notes"], *repairs, *notes])
    status = "repaired" if repairs else "metadata"
    return _Sidecar(path, label, inside, sidecar_rows(table, label), status, detail)


@dataclass
class _Joined:
    """The sidecar's part in one document: its docvars, a repair, a note."""

    values: dict = field(default_factory=dict)
    repairs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    origin: str = ""  # the row that gives the values: "metadata.csv:3"


def _joined_meta(join: SidecarJoin, relative: str, no_row: str) -> _Joined:
    row = join.rows.get(relative)
    if row is None:
        return _Joined(notes=[no_row] if no_row else [])
    repair = join.repairs.get(relative)
    return _Joined(row.values, [repair] if repair else [], origin=row.source)


def _not_a_document(file: Path, metadata_files: set[Path], un_layout: bool, template):
    """``(status, detail)`` for the report when a folder's file is no document, else None."""
    # Names first: resolving every path (a system call per link) is slow on big folders.
    if any(file.name == m.name for m in metadata_files) and file.resolve() in metadata_files:
        return "metadata", "read for docvars"
    if file.suffix.lower() not in TEXT_EXTENSIONS:
        return "skipped", f"not a text document ({file.suffix or 'no extension'})"
    if un_layout and not un_layout_meta(file):
        # A README.txt beside the speeches is documentation, not a speech.
        return "skipped", "not a speech file of the UN layout (ISO_NN_YYYY.txt)"
    # A file the template does not fit (a README.txt among the speeches, a name typed
    # differently) is skipped like other inputs that give no document, not fatal.
    mismatch = template_mismatch(file.name, template)
    if mismatch:
        return "skipped", mismatch
    return None


def _parse_files(
    files: list[Path],
    root: Path,
    encoding,
    workers,
    spans_for: Aliases | None,
    drop: tuple[re.Pattern[str], ...] = (),
) -> Iterator[_Parsed]:
    """:func:`_parse_file` over ``files``, in order; large folders in a process pool."""
    n_workers = min(resolve_workers(workers), len(files))
    sizes = [_size(file) for file in files] if n_workers > 1 else []
    if n_workers <= 1 or len(files) < PARALLEL_MIN_FILES or sum(sizes) < PARALLEL_MIN_BYTES:
        return (_parse_file(file, root, encoding, spans_for, drop) for file in files)
    chunks = map_in_order(
        _parse_file,
        files,
        root,
        encoding,
        spans_for,
        drop,
        workers=n_workers,
        weights=sizes,
        max_chunk_weight=PARALLEL_CHUNK_BYTES,
    )
    return _flattened(chunks)


def _flattened(chunks: Iterator[list[_Parsed]]) -> Iterator[_Parsed]:
    with closing(chunks):  # closing the results stops the pool
        for chunk in chunks:
            yield from chunk


def _size(file: Path) -> int:
    try:
        return file.stat().st_size
    except OSError:
        return 0


def _mostly_un_layout(files: list[Path]) -> bool:
    """True when three in four text files of a folder are named like UN debate speeches."""
    texts = [f for f in files if f.suffix.lower() in TEXT_EXTENSIONS]
    matching = sum(1 for f in texts if un_layout_meta(f))
    return matching > 0 and matching >= 0.75 * len(texts)


def _read_text_file(file, sidecar, loaded, template, encoding, aliases) -> None:
    sidecar_path, delimiter = sidecar
    mismatch = template_mismatch(file.name, template)
    if mismatch:
        loaded.add_report(file.name, "", "skipped", mismatch)
        return
    joined = _Joined()
    if sidecar_path:
        side = _read_sidecar(Path(sidecar_path), file.parent, delimiter)
        check_sidecar_unique(side.rows)
        # Only this file's row counts: the others describe files not read.
        join = join_sidecar(side.rows, [file.name])
        joined = _joined_meta(join, file.name, f"{side.label} has no row for this file")
    parsed = _parse_file(file, file.parent, encoding, None, loaded.drop)
    _add_parsed(loaded, parsed, file, template, joined, aliases)


@dataclass
class _Parsed:
    """The per-file work on one text file: what a reading worker sends back."""

    relative: str
    skip_reason: str = ""
    takes_id: bool = False  # skipped, but a document: its id is taken (an empty file)
    error: CorpusError | None = None
    normalized: Normalized | None = None  # None: the body is empty
    front: dict = field(default_factory=dict)
    decode_repairs: list[str] = field(default_factory=list)
    raw_sha: str = ""
    language: str = ""  # a note when the text is probably not English
    front_note: str = ""  # a note when front matter seems opened and never closed
    spans: dict | None = None  # the cache's span columns (corpus.streamed.span_columns)
    dropped: int = 0  # lines dropped by drop_lines


def _parse_file(
    file: Path,
    root: Path,
    encoding: str | None,
    spans_for: Aliases | None = None,
    drop: tuple[re.Pattern[str], ...] = (),
) -> _Parsed:
    """Read, decode, split front matter, normalize and hash one file (no shared state),
    drop the lines ``drop`` finds, and with ``spans_for`` (the alias table) find the
    spans a cache entry stores.

    A data error is returned rather than raised, so the reader raises it in file order.
    """
    relative = file.relative_to(root).as_posix()
    try:
        raw_bytes = file.read_bytes()
    except OSError as exc:
        return _Parsed(relative, skip_reason=f"unreadable: {exc.strerror}")
    decoded = decode_bytes(raw_bytes, encoding)
    if decoded.skip_reason:
        # An empty file is a document without text, as a file of spaces is; a binary or
        # undecodable one may be no document at all.
        return _Parsed(relative, skip_reason=decoded.skip_reason, takes_id=not raw_bytes)
    try:
        body, front = split_front_matter(decoded.text, relative)
    except CorpusError as exc:
        return _Parsed(relative, error=exc)
    normalized = normalize(body) if body.strip() else None
    dropped = 0
    if normalized is not None and drop:
        normalized, dropped = drop_matching_lines(normalized, drop)
        if not normalized.text:
            normalized = None
    spans = None
    if spans_for is not None and normalized and has_words(normalized.text):
        spans = span_columns(normalized.text, spans_for)
    return _Parsed(
        relative,
        normalized=normalized,
        front=front,
        decode_repairs=decoded.repairs,
        raw_sha=hashlib.sha256(raw_bytes).hexdigest(),
        language=language_note(normalized.text) if normalized else "",
        front_note=UNCLOSED_FRONT_MATTER if unclosed_front_matter(body) else "",
        spans=spans,
        dropped=dropped,
    )


def _add_parsed(loaded, parsed: _Parsed, file: Path, template, joined: _Joined, aliases) -> None:
    relative = parsed.relative
    if parsed.skip_reason:
        # Its file name gives no docvars (nor an error for not fitting a template).
        doc_id = _file_doc_id(file, relative) if parsed.takes_id else ""
        if doc_id:
            _check_unique(loaded, doc_id, relative)
        loaded.add_report(relative, doc_id, "skipped", parsed.skip_reason)
        return
    if parsed.error is not None:
        raise parsed.error
    meta = {
        **un_layout_meta(file),
        **parse_filename(file.name, template, relative),
        **parsed.front,
        **joined.values,
    }
    doc_id = _file_doc_id(file, relative)
    meta.pop("un_layout", None)
    _check_unique(loaded, doc_id, relative)
    if parsed.normalized is None:
        loaded.add_report(relative, doc_id, "skipped", _empty_reason(parsed.dropped))
        return
    if not has_words(parsed.normalized.text):
        loaded.add_report(relative, doc_id, "skipped", _no_words_reason(parsed.dropped))
        return
    _add_normalized(
        loaded,
        relative,
        doc_id,
        parsed.normalized,
        parsed.raw_sha,
        meta,
        parsed.decode_repairs + joined.repairs,
        aliases,
        dropped=parsed.dropped,
        notes=[
            *joined.notes,
            *(
                note
                for note in (
                    parsed.front_note,
                    parsed.language,
                    ambiguous_split(file.name, template),
                )
                if note
            ),
        ],
        spans=parsed.spans,
        origins=dict.fromkeys(joined.values, joined.origin),
    )


def _file_doc_id(file: Path, relative: str) -> str:
    """A text file's id: its path in the folder read without the extension, or for a
    speech of the UN layout its file name without the extension."""
    return file.stem if un_layout_meta(file) else relative.rsplit(".", 1)[0]


NO_WORDS = "no words: only punctuation, symbols or spaces"
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def has_words(text: str) -> bool:
    """Whether ``text`` holds a letter or digit: a text of marks alone ("!!! ...") has no
    words to measure, so every rate on it would be 0 or undefined."""
    return _LETTER_OR_DIGIT.search(text) is not None


def _empty_reason(dropped: int) -> str:
    """Why a document without text is skipped: "empty: no text", or that lines
    dropped by drop_lines were all it had."""
    return f"empty: no text left once {dropped_repair(dropped)}" if dropped else "empty: no text"


def _no_words_reason(dropped: int) -> str:
    if not dropped:
        return NO_WORDS
    return f"no words left once {dropped_repair(dropped)}: only punctuation, symbols or spaces"


def _check_unique(loaded: _Loaded, doc_id: str, source: str, written: str | None = None) -> None:
    """Raise DuplicateIdError when ``doc_id`` was given before (``written``: the id as
    the input wrote it, when spaces were removed)."""
    if doc_id in loaded.sources:
        table_row = source.rpartition(":")[2].isdigit()  # "speeches.csv:12", not "a.md"
        fix = "use id_column= or fix one row" if table_row else "rename one of the files"
        if written is not None and written != doc_id:
            fix = f"{source} writes it {written!r}, and spaces around an id are removed; {fix}"
        raise DuplicateIdError(
            f"doc_id {doc_id!r} comes from both {loaded.sources[doc_id]} and {source}; "
            f"ids must be unique ({fix})"
        )


def _add_document(loaded, source, doc_id, body, raw_sha, meta, repairs, aliases, notes=()) -> None:
    _check_unique(loaded, doc_id, source)
    if not body.strip():
        loaded.add_report(source, doc_id, "skipped", "empty: no text")
        return
    normalized, dropped = drop_matching_lines(normalize(body), loaded.drop)
    if not normalized.text:
        loaded.add_report(source, doc_id, "skipped", _empty_reason(dropped))
        return
    if not has_words(normalized.text):
        loaded.add_report(source, doc_id, "skipped", _no_words_reason(dropped))
        return
    language = language_note(normalized.text)
    _add_normalized(
        loaded,
        source,
        doc_id,
        normalized,
        raw_sha,
        meta,
        repairs,
        aliases,
        notes=[*notes, language] if language else notes,
        dropped=dropped,
    )


def _add_normalized(
    loaded,
    source,
    doc_id,
    normalized,
    raw_sha,
    meta,
    repairs,
    aliases,
    *,
    notes=(),
    spans=None,
    origins: dict[str, str] | None = None,
    dropped: int = 0,
) -> None:
    """Add a document that has words, with its docvars (``origins``: where those given
    elsewhere than ``source`` were given) and its report row (``dropped``: lines
    dropped by drop_lines, a repair)."""
    fixes, style = list(repairs), []
    for rule in normalized.repairs:
        (fixes if _is_repair(rule) else style).append(rule)
    if dropped:
        if not fixes:
            loaded.dropped_only.add(doc_id)
        fixes.insert(len(repairs), dropped_repair(dropped))
    if fixes:
        status, said = "repaired", fixes
    else:
        status, said = "loaded", ["normalized: " + "; ".join(style)] if style else []
    if "doc_id" in meta:
        raise CorpusError(
            f"{source}: a docvar (a column, front-matter key or file-name field) is called "
            "'doc_id', the name of the document id; rename it (say 'speech_id'), or, in a "
            "table, take the ids from it with id_column='doc_id'"
        )
    # Notes (a missing metadata row) first: "normalized: ..." lists rules up to the end.
    detail = "; ".join([*notes, *said])
    loaded.sources[doc_id] = source
    loaded.metas.append(dict(meta))
    if origins:
        loaded.origins[doc_id] = origins
    loaded.ids.append(doc_id)
    if loaded.sink is not None:
        loaded.sink.add(doc_id, normalized.text, raw_sha, spans)
    else:
        loaded.documents.append(Document(doc_id, normalized.text, {}, raw_sha, aliases))
    loaded.add_report(source, doc_id, status, detail)


def _is_repair(rule: str) -> bool:
    return _REPAIR_MARKER.search(rule) is not None


@dataclass
class _Decoded:
    text: str = ""
    repairs: list[str] = field(default_factory=list)
    skip_reason: str = ""


def decode_bytes(data: bytes, encoding: str | None = None) -> _Decoded:
    """Decode file bytes, detecting binary files and legacy 8-bit encodings.

    UTF-8 (with or without a byte-order mark) and UTF-16 with a BOM are read as they
    are; otherwise cp1252, then latin-1, reported as repairs. Files with NUL bytes
    (and no UTF-16 BOM) are binary and skipped.
    """
    if not data:
        return _Decoded(skip_reason="empty file (0 bytes)")
    if encoding:
        try:
            return _Decoded(data.decode(encoding))
        except UnicodeDecodeError as exc:
            byte = data[exc.start : exc.start + 1].hex()
            return _Decoded(
                skip_reason=f"cannot decode as {encoding}: byte 0x{byte} on line "
                f"{_line_of(data, exc.start)} is not {encoding} ({exc.reason})"
            )
        except LookupError:
            return _Decoded(skip_reason=f"cannot decode as {encoding}: unknown encoding")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return _Decoded(data.decode("utf-16"), ["decoded as UTF-16"])
    if b"\x00" in data[:8192]:
        utf16 = _utf16_without_bom(data[:8192])
        if utf16:
            return _Decoded(skip_reason=utf16_hint(utf16))
        return _Decoded(skip_reason="binary file (NUL bytes), not text")
    controls = _control_share(data[:8192])
    if controls > _MAX_CONTROL_SHARE and len(data) >= _MIN_BINARY_BYTES:
        return _Decoded(skip_reason=f"binary file ({controls:.0%} control bytes), not text")
    try:
        return _Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        where = f"invalid UTF-8 on line {_line_of(data, exc.start)}"
    try:
        return _Decoded(data.decode("cp1252"), [_guessed("cp1252", where)])
    except UnicodeDecodeError:
        return _Decoded(data.decode("latin-1"), [_guessed("latin-1", where)])


# What decode_bytes falls back on for bytes that are no UTF-8 and have no byte-order
# mark. A guess: text in another encoding (GBK, MacRoman) decodes without an error, and
# garbled ("CafŽ" for "Café").
GUESSED_ENCODINGS = ("cp1252", "latin-1")
_GUESSED_MARKER = re.compile(
    r"\bdecoded as (?:" + "|".join(map(re.escape, GUESSED_ENCODINGS)) + r") \(invalid UTF-8"
)


def _guessed(encoding: str, where: str) -> str:
    return f"decoded as {encoding} ({where})"


def decoded_by_guessing(report: pd.DataFrame) -> pd.Series:
    """Which rows of a load report (``Corpus.report``) are inputs whose encoding was
    guessed: not UTF-8, no byte-order mark, so decoded as cp1252 or latin-1. Their text
    may be garbled without any error; ``encoding=`` reads them as the encoding given.

    Example:
        >>> report = pd.DataFrame({"detail": ["", "decoded as cp1252 (invalid UTF-8 on line 1)"]})
        >>> decoded_by_guessing(report).tolist()
        [False, True]
    """
    return report["detail"].astype(str).str.contains(_GUESSED_MARKER)


def utf16_hint(encoding: str) -> str:
    """The skip reason for a file that seems to be UTF-16 without a byte-order mark:
    how to give its ``encoding``, in the API and on the command line."""
    return (
        f"UTF-16 text without a byte-order mark, it seems: read it with encoding={encoding!r} "
        f"(read_corpus) or --encoding {encoding} (command line), which apply to every file "
        "read, or save it as UTF-8"
    )


def _utf16_without_bom(sample: bytes) -> str:
    """ "utf-16-le" or "utf-16-be" when ``sample`` reads as such text, else "". Only
    suggested, never assumed: the same bytes could be a binary format.

    Text in UTF-16 has its NUL bytes on one side (odd offsets little-endian, even
    offsets big-endian) and almost never on the other: in most characters of English,
    in the spaces, digits and ASCII punctuation of Russian or Chinese, while a
    character such as ``’``, ``ж`` or ``中`` has none. So the test is NULs on one side
    only, then that the text decoded that way is printable (a binary format fails it).
    """
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 8:
        return ""
    half = len(sample) // 2
    even_zeros, odd_zeros = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    # A few NULs say little in a short sample: there, most characters must have one.
    least = _UTF16_MIN_NUL_SIDE if half >= _UTF16_FEW_NULS_FROM else _UTF16_MIN_NUL_SIDE_SHORT
    for encoding, zeros, other_zeros in (
        ("utf-16-le", odd_zeros, even_zeros),
        ("utf-16-be", even_zeros, odd_zeros),
    ):
        if zeros > least and other_zeros < _UTF16_MAX_NUL_OTHER_SIDE:
            # Incremental: a sample cut inside a surrogate pair still decodes.
            text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(sample)
            if _readable_share(text) > _UTF16_MIN_READABLE:
                return encoding
    return ""


# UTF-16: some characters have a NUL byte on one side (over half in English; the spaces
# and digits of Russian; a few in Chinese), the other side almost none (a NUL there is a
# character such as U+0100 or U+2000).
_UTF16_MIN_NUL_SIDE = 0.01
_UTF16_MIN_NUL_SIDE_SHORT = 0.5  # below _UTF16_FEW_NULS_FROM characters
_UTF16_FEW_NULS_FROM = 100
_UTF16_MAX_NUL_OTHER_SIDE = 0.05
_UTF16_MIN_READABLE = 0.95


def _readable_share(text: str) -> float:
    """Share of characters in ``text`` that are printable or line breaks and tabs."""
    if not text:
        return 0.0
    readable = sum(c.isprintable() or c in "\t\n\r" for c in text)
    return readable / len(text)


# Text has almost no control bytes besides tab, newline, carriage return and form feed;
# random or compressed bytes have about one in eight.
_MAX_CONTROL_SHARE = 0.05
_MIN_BINARY_BYTES = 512  # a short file is judged by its NUL bytes only
# Controls that text files do hold are not counted: tab, newline, vertical tab (a line
# break in OCR and word-processor output), form feed, carriage return, backspace
# (overstrike), Ctrl-Z (DOS end of file), escape (terminal colours).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (8, 9, 10, 11, 12, 13, 26, 27)) + b"\x7f"


def _control_share(sample: bytes) -> float:
    """Share of control bytes in ``sample`` (0 for an empty sample)."""
    if not sample:
        return 0.0
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / len(sample)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _read_table(loaded: _Loaded, path: Path, columns, encoding, delimiter, aliases) -> None:
    text_column, id_column = columns
    table = read_table_file(path, encoding=encoding, delimiter=delimiter)
    # A table decoded from cp1252 or UTF-16 is repaired on every row it gave.
    decode_repairs = table.attrs.get("repairs", [])
    text_column = _pick_column(path, table, text_column, TEXT_COLUMN_CANDIDATES, "text_column")
    ids = _pick_id_column(path, table, id_column)
    meta_columns = [
        c for c in table.columns if c not in (text_column, ids.column, *ids.passed_over)
    ]
    # CSV/TSV rows know their line; JSONL lines and Parquet rows are numbered from 1.
    lines = table.attrs.get("line_numbers") or range(1, len(table) + 1)
    notes = table.attrs.get("notes", {})  # a TSV row read as written
    # Said on every row (a separator found from the header), as a decoding repair is.
    table_notes = table.attrs.get("table_notes", [])
    for row_number, (row, line) in enumerate(zip(table.to_dict("records"), lines, strict=True)):
        source = f"{path.name}:{line}"
        doc_id, written, id_repairs = _row_id(path, row_number, row, ids)
        row_repairs = [*decode_repairs, *id_repairs]
        body = row[text_column]
        _check_unique(loaded, doc_id, source, written)
        if body is None or body is pd.NA or (isinstance(body, numbers.Number) and body != body):
            loaded.add_report(
                source, doc_id, "skipped", f"empty: no value in column {text_column!r}"
            )
            continue
        if isinstance(body, (bool, np.bool_)) or not isinstance(body, (str, numbers.Number)):
            # A JSON array or object (or a Parquet list): its Python spelling is no text.
            loaded.add_report(
                source,
                doc_id,
                "skipped",
                f"not text: column {text_column!r} holds a {_value_kind(body)}; "
                "give the text as one string",
            )
            continue
        raw = str(body)
        if not isinstance(body, str):
            row_repairs = [*row_repairs, f"column {text_column!r} holds a number: read as {raw!r}"]
        raw_sha = hashlib.sha256(raw.encode("utf-8")).hexdigest()
        # Parquet lists come as numpy arrays: lists, as JSONL and front matter give them
        # (and as the cache gives them back).
        meta = {c: as_read(row[c]) for c in meta_columns}
        note = notes.get(row_number)
        _add_document(
            loaded,
            source,
            doc_id,
            raw,
            raw_sha,
            meta,
            row_repairs,
            aliases,
            notes=[*table_notes, note] if note else table_notes,
        )


@dataclass
class _IdColumn:
    """Where a table's ids come from: ``column`` (None: from the file name and row),
    and the candidate id columns ``passed_over`` for it because some rows have no value
    in them (their values are not kept: a docvar cannot be called ``doc_id``), with the
    ``reason`` each such row's report gives."""

    column: str | None
    passed_over: tuple[str, ...] = ()
    reason: str = ""


def _pick_id_column(path: Path, table: pd.DataFrame, given: str | None) -> _IdColumn:
    """The id column: ``given``, else the first of doc_id/id (any case) that has a
    value on every row, else the first of them there is (rows without a value get an
    id from the file name and row).

    A ``doc_id`` key in one JSONL record made that the id column of the whole file, and
    the other records lost the ``id`` values they all had (``j:1``, ``j:3`` ...): ids
    from one column every row fills are the ids the table gives.
    """
    if given is not None:
        return _IdColumn(_pick_column(path, table, given, (), "id_column"))
    present = []
    for candidate in ID_COLUMN_CANDIDATES:
        column = _candidate_column(path, table, candidate, "id_column")
        if column is not None:
            present.append(column)
    if not present:
        return _IdColumn(None)
    filled = {c: sum(_id_text(v) is not None for v in table[c]) for c in present}
    complete = [c for c in present if filled[c] == len(table)]
    if not complete or complete[0] == present[0]:
        return _IdColumn(present[0])
    chosen = complete[0]
    passed_over = tuple(present[: present.index(chosen)])
    gaps = ", ".join(f"{c!r} has a value in {filled[c]} of {len(table)} rows" for c in passed_over)
    return _IdColumn(
        chosen, passed_over, f"column {gaps}: ids come from {chosen!r}, which every row has"
    )


def _row_id(path: Path, row_number: int, row: dict, ids: _IdColumn) -> tuple[str, str, list]:
    """A table row's id, the id as the table writes it, and the repairs made to get it
    (reported on the row's report row)."""
    repairs = []
    for column in ids.passed_over:
        dropped = _id_text(row[column])
        if dropped is not None:
            repairs.append(f"{ids.reason}; this row's {column!r} value {dropped!r} is not kept")
    made = f"{path.stem}:{row_number + 1}"
    if ids.column is None:
        return made, made, repairs
    written = _id_text(row[ids.column])
    if written is None:
        why = f"no value in id column {ids.column!r}: id made from the file name and row"
        return made, made, [*repairs, why]
    # Docvars are stripped, so " 1" and "1" look alike in every table: one id, and
    # two rows that give it are duplicates.
    doc_id = written.strip()
    if doc_id != written:
        repairs.append(f"id {written!r} has spaces around it: read as {doc_id!r}")
    return doc_id, written, repairs


def as_read(value):
    """A docvar value as JSONL and front matter give it: a list, not the numpy array
    Parquet (an input table or a cache entry) gives for a list."""
    return value.tolist() if isinstance(value, np.ndarray) else value


def _id_text(value) -> str | None:
    """A table cell as a document id; None when the cell is empty.

    Whole numbers that a table library stored as floats (an id column with a gap becomes
    float in pandas) keep their integer spelling: 1.0 is id "1".
    """
    if value is None or value is pd.NA:
        return None
    if isinstance(value, (float, np.floating)):
        if value != value:  # NaN
            return None
        if float(value).is_integer():
            return str(int(value))
    text = str(value)
    return text if text.strip() else None


def _value_kind(value) -> str:
    if isinstance(value, (bool, np.bool_)):
        return "true/false value"
    if isinstance(value, dict):
        return "JSON object"
    if isinstance(value, (list, tuple)) or hasattr(value, "__array__"):
        return "list"
    return type(value).__name__


def read_table_file(
    path: Path, *, encoding: str | None = None, delimiter: str | None = None
) -> pd.DataFrame:
    """Read a CSV/TSV/JSONL/Parquet file; malformed rows raise an error with the line.

    Text tables are decoded as text files are (:func:`decode_bytes`): UTF-8, else
    UTF-16 with a BOM, cp1252 or latin-1, listed in ``table.attrs["repairs"]``. A
    CSV/TSV is separated by ``delimiter``, else as :func:`table_delimiter` finds.
    """
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        try:
            table = pd.read_parquet(path)
        except OSError as exc:
            raise CorpusError(f"{path}: cannot read ({exc})") from exc
        table.attrs["repairs"] = []
        return table
    text = _decode_table(path, encoding)
    if suffix in (".csv", ".tsv"):
        return _read_text_table(path, text, delimiter)
    table = _read_jsonl(path, text)
    table.attrs["table_notes"] = []
    return table


def _read_text_table(path: Path, decoded: _TableText, given: str | None) -> pd.DataFrame:
    """A CSV/TSV (or sidecar) separated by ``given``, else by the separator its
    extension or header line gives; ``table.attrs["table_notes"]`` says how a separator
    other than the comma was found."""
    delimiter, note = table_delimiter(path, decoded.text, given)
    table = _read_delimited(path, delimiter, decoded)
    table.attrs["table_notes"] = [note] if note else []
    return table


# The separators a CSV's header line is tried with. Excel writes ';' where the decimal
# mark is a comma (much of Europe); tabs and '|' come from database exports.
TABLE_DELIMITERS = (",", ";", "\t", "|")


def table_delimiter(path: Path, text: str, given: str | None = None) -> tuple[str, str]:
    """The separator of a delimited table and a note for the report ("" when there is
    nothing to say): ``given``, else tabs for a .tsv, else the one of ``,;\\t|`` that
    splits the header line (the comma when none does: a table of one column).

    Only the header is read: column names hold no quote marks and, unlike texts, hardly
    ever a separator. A header that two separators split is an error naming both: a
    wrong guess would split every row wrongly, or fail on a row far down.

    Example:
        >>> table_delimiter(Path("t.csv"), "id;country;text\\n1;FRA;Paix.\\n")
        (';', "separated by semicolons, as its header line is (delimiter=';')")
        >>> table_delimiter(Path("t.csv"), 'id,"a;b",text\\n')
        (',', '')
    """
    if given is not None:
        return given, ""
    if path.suffix.lower() == ".tsv":
        return "\t", ""
    header = text.split("\n", 1)[0].removesuffix("\r")
    splitting = [d for d in TABLE_DELIMITERS if _splits_header(header, d)]
    if len(splitting) > 1:
        choices = " or ".join(
            f"{separator_name(d)} ({len(_header_fields(header, d))} columns, delimiter={d!r})"
            for d in splitting
        )
        raise CorpusError(
            f"{path}, line 1: the header {header!r} could be separated by {choices}; "
            "pass the right one as delimiter= (--delimiter on the command line)"
        )
    if not splitting or splitting[0] == ",":
        return ",", ""
    found = splitting[0]
    return (
        found,
        f"separated by {separator_name(found)}, as its header line is (delimiter={found!r})",
    )


def _header_fields(header: str, delimiter: str) -> list[str]:
    return next(csv.reader([header], delimiter=delimiter), [])


def _splits_header(header: str, delimiter: str) -> bool:
    """Whether ``delimiter`` splits ``header`` into names: two or more, none holding a
    quote mark (a quoted name holding the separator, ``"a;b"``, parses without its
    quote marks; split at the wrong separator its quote marks stay)."""
    fields = _header_fields(header, delimiter)
    return len(fields) > 1 and not any('"' in name for name in fields)


@dataclass
class _TableText:
    text: str
    repairs: list[str]


def _decode_table(path: Path, encoding: str | None) -> _TableText:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read ({exc.strerror})") from exc
    if not data:
        raise CorpusError(f"{path}: empty file (0 bytes)")
    decoded = decode_bytes(data, encoding)
    if decoded.skip_reason:
        raise CorpusError(f"{path}: {decoded.skip_reason}")
    return _TableText(decoded.text.removeprefix("\ufeff"), decoded.repairs)


def _check_header_names(path: Path, header: list[str]) -> None:
    """A column named twice would keep only one of its values in each row (the text,
    even), so it is an error naming the column."""
    repeated = [name for name, n in Counter(header).items() if n > 1]
    if not repeated:
        return
    name = repeated[0]
    if name.strip():
        what, fix = f"column {name!r}", "give each column its own name"
    else:
        what, fix = "an empty column name", "name those columns or delete them"
    raise CorpusError(
        f"{path}, line 1: {what} appears {header.count(name)} times in the header; {fix}"
    )


def _read_delimited(path: Path, delimiter: str, decoded: _TableText) -> pd.DataFrame:
    """CSV/TSV with every row checked against the header.

    pandas silently shifts columns when a row has one field too many (the surplus
    becomes an index); here any row whose field count differs from the header's is an
    error naming the line.

    A TSV field may be quoted (pandas writes a field holding a tab, a line break or a
    quote mark wholly in quotes, inner quotes doubled), but a TSV written without
    quoting holds texts that merely begin with a quote mark: ``"Peace," he said``. Such
    a row does not read as quoted fields; when its line split at its tabs gives the
    header's fields, those are read as written, and ``table.attrs["notes"]`` says so
    for the row. A TSV field wholly in quotes that holds nothing a writer quotes for
    (``"Peace now"``: a quotation) keeps its quote marks, noted too, unless the header
    is quoted throughout (a writer that quotes every field). See :func:`_tsv_row`.
    """
    with io.StringIO(decoded.text, newline="") as handle, _field_size_limit(len(decoded.text)):
        lines = _RecordLines(handle)
        # strict: a quote left open at the end of the file is an error, not one huge field
        reader = csv.reader(lines, delimiter=delimiter, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise CorpusError(f"{path}: empty table (no header line)") from None
        except csv.Error as exc:
            raise CorpusError(f"{path}, line 1: malformed header ({exc})") from exc
        _check_header_names(path, header)
        # A TSV writer that quotes every field quotes the header too (R's write.table,
        # csv.QUOTE_ALL): its quote marks are no text's. Elsewhere they may be.
        quoted_throughout = delimiter == "\t" and _quoted_throughout(lines.record, header)
        rows = []
        starts = []  # the line each row starts on, for the report
        notes = {}  # row index -> a note for its report row
        while True:
            lines.record = []
            start_line = lines.count + 1
            error = None
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                row, error = [], exc
            if not row and error is None:
                continue  # blank line
            if error is not None or len(row) != len(header):
                literal = None
                if delimiter == "\t":
                    literal = _literal_tsv_row(lines, header, quoted_throughout)
                if literal is None:
                    _raise_row_error(path, delimiter, header, row, error, start_line, lines.count)
                row, notes[len(rows)] = literal
            elif delimiter == "\t" and not quoted_throughout:
                row, note = _tsv_row(lines.record, row, header)
                if note:
                    notes[len(rows)] = note
            rows.append(row)
            starts.append(start_line)
    table = pd.DataFrame(rows, columns=header, dtype=object).replace("", None)
    table.attrs["line_numbers"] = starts
    table.attrs["repairs"] = decoded.repairs
    table.attrs["notes"] = notes
    table.attrs["delimiter"] = delimiter  # for a hint when the header seems split wrongly
    return table


def _raise_row_error(path, delimiter, header, row, error, start_line, end_line) -> NoReturn:
    """A row the csv module could not read (``error``) or with the wrong field count."""
    # The row's first line: an unclosed quote runs on to later lines.
    if error is not None:
        where = f"line {start_line}" if end_line <= start_line else f"lines {start_line}-{end_line}"
        raise CorpusError(
            f"{path}, {where}: malformed row ({error}); is a quote mark left open?"
        ) from error
    where = (
        f"line {start_line}"
        if end_line == start_line
        else f"lines {start_line}-{end_line} (an unclosed quote?)"
    )
    raise CorpusError(
        f"{path}, {where}: {len(row)} fields where the header "
        f"has {len(header)} ({', '.join(header)}); quote fields that contain "
        f"{separator_name(delimiter)}{delimiter_hint(header, delimiter)}"
    )


class _RecordLines:
    """The lines of a table's text, as the csv reader takes them: counted, and those of
    the record being read kept (``record``), so that all but its first line can be
    given again."""

    def __init__(self, handle: Iterator[str]) -> None:
        self._handle = handle
        self._again: list[str] = []  # lines to give again, the next one last
        self.record: list[str] = []
        self.count = 0  # lines given, each line given again counted once

    def __iter__(self) -> _RecordLines:
        return self

    def __next__(self) -> str:
        line = self._again.pop() if self._again else next(self._handle)
        self.record.append(line)
        self.count += 1
        return line

    def again_after_first(self) -> None:
        """Give the record's lines after its first again: they start the next record."""
        rest = self.record[1:]
        self._again.extend(reversed(rest))
        self.count -= len(rest)
        del self.record[1:]


# A TSV field wholly in quotes, with any quote mark inside doubled.
_QUOTED_FIELD = re.compile(r'"(?:[^"]|"")*"', re.DOTALL)
# What a writer puts a TSV field in quotes for: a tab or line break in it, a quote mark
# (doubled inside), and in a spreadsheet's tab-separated export a comma or semicolon.
# A field wholly in quotes holding none of them was not quoted by its writer: the quote
# marks are the text's own (a statement that is one quotation, "Peace now").
_QUOTED_BY_WRITERS = re.compile('[\t\r\n",;]')


def _record_text(record: list[str]) -> str:
    """The lines of one record as written, without the line break that ends it."""
    text = "".join(record)
    return text[:-2] if text.endswith("\r\n") else text.removesuffix("\n").removesuffix("\r")


def _quoted_fields(record: list[str], row: list[str]) -> list[bool] | None:
    """Which fields of ``row`` (the csv reader's reading of the TSV ``record``) were
    written wholly in quotes; None when the record, field by field, does not give the
    row back as the csv reader's rules write it (nothing is then assumed)."""
    text = _record_text(record)
    quoted = []
    at = 0
    for i, value in enumerate(row):
        if i:
            if not text.startswith("\t", at):
                return None
            at += 1
        # A field the csv reader read from quotes begins with one (strict reading).
        in_quotes = text.startswith('"', at)
        written = '"' + value.replace('"', '""') + '"' if in_quotes else value
        if not text.startswith(written, at):
            return None
        quoted.append(in_quotes)
        at += len(written)
    return quoted if at == len(text) else None


def _quoted_throughout(record: list[str], header: list[str]) -> bool:
    quoted = _quoted_fields(record, header)
    return bool(quoted) and all(quoted)


def _unquoted_by_writer(value: str) -> bool:
    """Whether a field read from quotes as ``value`` was quoted for what it holds."""
    return not value or _QUOTED_BY_WRITERS.search(value) is not None


def _tsv_row(record: list[str], row: list[str], header: list[str]) -> tuple[list[str], str]:
    """``row`` (a TSV record the csv reader read) with the quote marks of each field
    wholly in quotes that a writer had no reason to quote put back, and the note for
    its report row ("" when there is none)."""
    if not any('"' in line for line in record):  # most rows: no quote mark at all
        return row, ""
    quoted = _quoted_fields(record, row)
    if quoted is None:
        return row, ""
    kept = [i for i, value in enumerate(row) if quoted[i] and not _unquoted_by_writer(value)]
    if not kept:
        return row, ""
    row = [f'"{value}"' if i in kept else value for i, value in enumerate(row)]
    return row, _kept_quotes_note([header[i] for i in kept])


def _kept_quotes_note(columns: list[str]) -> str:
    which = ", ".join(map(repr, columns))
    one = len(columns) == 1
    return (
        f"{'column' if one else 'columns'} {which} {'is' if one else 'are'} wholly in quote "
        "marks, with no tab, line break, quote mark, comma or semicolon that a writer "
        "quotes for: read with the quote marks"
    )


def _literal_tsv_row(
    lines: _RecordLines, header: list[str], quoted_throughout: bool
) -> tuple[list[str], str] | None:
    """The fields of the record's first line as written, and the note its report row
    gives, when that line split at its tabs gives the header's fields and one of them
    begins with a quote mark without being a quoted field (the others wholly in quotes
    are unquoted as :func:`_tsv_row` does); None otherwise (the csv module's error
    stands)."""
    fields = lines.record[0].rstrip("\r\n").split("\t")
    literal = [
        name
        for name, value in zip(header, fields, strict=False)
        if value.startswith('"') and not _QUOTED_FIELD.fullmatch(value)
    ]
    if len(fields) != len(header) or not literal:
        return None
    lines.again_after_first()
    row, kept = [], []
    for name, value in zip(header, fields, strict=True):
        inner = value[1:-1].replace('""', '"') if _QUOTED_FIELD.fullmatch(value) else None
        if inner is not None and not quoted_throughout and not _unquoted_by_writer(inner):
            kept.append(name)
        row.append(value if inner is None or name in kept else inner)
    which = ", ".join(map(repr, literal))
    one = len(literal) == 1
    note = (
        f"{'column' if one else 'columns'} {which} {'begins' if one else 'begin'} with a "
        f"quote mark but {'is no quoted field' if one else 'are no quoted fields'}: "
        "read as written"
    )
    return row, f"{note}; {_kept_quotes_note(kept)}" if kept else note


@contextmanager
def _field_size_limit(size: int) -> Iterator[None]:
    """Let a field be as long as the whole file: the csv module stops at 131,072
    characters, and a long speech in one cell is a text, not a broken quote.

    The limit is the csv module's, for the whole process: tables are read one at a time
    (a lock) so that one reader cannot give back the limit while another still needs it.
    """
    with _FIELD_LIMIT_LOCK:
        previous = csv.field_size_limit()
        csv.field_size_limit(max(previous, size))
        try:
            yield
        finally:
            csv.field_size_limit(previous)


_FIELD_LIMIT_LOCK = threading.Lock()


def _json_problem(exc: json.JSONDecodeError) -> str:
    """Where and why a JSONL line is no JSON, in words ("Invalid control character at"
    is the json module's message without its position)."""
    what = exc.msg.removesuffix(" at")
    if what == "Invalid control character":
        what = "a tab, newline or other control character inside a string: write it as \\t or \\n"
    return f"column {exc.colno}: not valid JSON ({what})"


def _read_jsonl(path: Path, decoded: _TableText) -> pd.DataFrame:
    records = []
    lines = []
    with io.StringIO(decoded.text, newline="") as handle:
        for line_number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusError(f"{path}, line {line_number}, {_json_problem(exc)}") from exc
            if not isinstance(record, dict):
                raise CorpusError(
                    f"{path}, line {line_number}: expected a JSON object, got {type(record).__name__}"
                )
            records.append(record)
            lines.append(line_number)
    table = pd.DataFrame.from_records(records)
    for column in table.select_dtypes(include="float").columns:
        # Whole numbers with a gap: pandas makes them floats, which lose the digits of
        # long ids (9007199254740993 became 9007199254740992). Keep them whole.
        values = [record.get(column) for record in records]
        if all(v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in values):
            try:
                table[column] = pd.array(values, dtype="Int64")
            except (OverflowError, TypeError, ValueError):  # beyond 64 bits
                table[column] = pd.Series(values, dtype=object)
    table.attrs["line_numbers"] = lines
    table.attrs["repairs"] = decoded.repairs
    return table


def _pick_column(path, table, given, candidates, argument) -> str:
    """The column ``given`` for ``argument`` (exactly as written), else the first of
    ``candidates`` the table has, in any case ("Speech", "TEXT")."""
    columns = ", ".join(map(str, table.columns))
    hint = delimiter_hint(table.columns, table.attrs.get("delimiter"))
    if given is not None:
        if given not in table.columns:
            alike = [c for c in table.columns if str(c).casefold() == given.casefold()]
            meant = f" (did you mean {alike[0]!r}?)" if alike else ""
            raise CorpusError(
                f"{path}: {argument}={given!r} is not a column{meant}; columns are: {columns}{hint}"
            )
        return given
    for candidate in candidates:
        column = _candidate_column(path, table, candidate, argument)
        if column is not None:
            return column
    raise CorpusError(
        f"{path}: no text column found (looked for {', '.join(candidates)}, in any case); "
        f"columns are: {columns}. Pass {argument}=...{hint}"
    )


def _candidate_column(path, table: pd.DataFrame, candidate: str, argument: str) -> str | None:
    """The column named ``candidate``: written so, else in another case (a column
    "Year" is typed as a year, so "Speech" is the speech); None when there is none.
    Two columns that differ only in case ("Text", "TEXT") are an error."""
    if candidate in table.columns:
        return candidate
    alike = [c for c in table.columns if str(c).casefold() == candidate]
    if len(alike) > 1:
        raise CorpusError(
            f"{path}: columns {alike[0]!r} and {alike[1]!r} could both be the {candidate!r} "
            f"column; pass {argument}=... to choose"
        )
    return alike[0] if alike else None


def _finish(
    loaded: _Loaded,
    aliases: Aliases,
    path: Path | None = None,
    strict: bool = False,
    bad_dates: str = "error",
    *,
    drop_lines: Sequence[str] = (),
    date_order: str | None = None,
) -> Corpus:
    """The Corpus of what was read (``path``: the input, which must give a document)."""
    docvars, report = _finish_tables(
        loaded, path, strict, bad_dates=bad_dates, date_order=date_order
    )
    records = docvars.astype(object).where(docvars.notna(), None).to_dict("records")
    documents = [
        Document(d.doc_id, d.text, meta, d.raw_sha256, aliases)
        for d, meta in zip(loaded.documents, records, strict=True)
    ]
    return Corpus(documents, docvars, report, aliases=aliases, drop_lines=drop_lines)


def _finish_tables(
    loaded: _Loaded,
    path: Path | None,
    strict: bool,
    bad_dates: str = "error",
    date_order: str | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The docvars (indexed by doc_id, in corpus order, typed) and the load report;
    raises in strict mode when an input was repaired or skipped, and when ``path``
    (the input read) gave no document. ``bad_dates`` and ``date_order`` as
    :func:`read_corpus` takes them (``bad_dates`` offered as the way past bad dates
    only for a ``path`` read)."""
    index = pd.Index(loaded.ids, name="doc_id")
    # One fold for docvars from every input (file names, front matter, sidecars, table
    # columns, speakers tables, from_texts): "Côte d’Ivoire " is "Côte d'Ivoire".
    metas = [{k: normalize_docvar(v) for k, v in meta.items()} for meta in loaded.metas]
    docvars = _gaps_kept(pd.DataFrame(metas, index=index), metas)
    # Typed before the strict check: a bad date left missing is a repair like any other.
    docvars = _typed_docvars(
        loaded, docvars, bad_dates, way_out=path is not None, date_order=date_order
    )
    report = pd.DataFrame(loaded.report, columns=REPORT_COLUMNS)
    if strict:
        # Lines dropped by drop_lines were asked for: no repair strict mode refuses.
        asked = (report["status"] == "repaired") & report["doc_id"].isin(loaded.dropped_only)
        problems = report[report["status"].isin(["repaired", "skipped"]) & ~asked]
        if len(problems):
            lines = [f"{r.source}: {r.status} ({r.detail})" for r in problems.head(10).itertuples()]
            more = f" and {len(problems) - 10} more" if len(problems) > 10 else ""
            raise StrictModeError(
                "strict mode: inputs needed repair or were skipped:\n  " + "\n  ".join(lines) + more
            )
    if path is not None and not loaded.ids:
        raise NoDocumentError(
            f"{path}: no document could be read. {_skipped_summary(report)}", report
        )
    return docvars, report


def _typed_docvars(
    loaded: _Loaded,
    docvars: pd.DataFrame,
    bad_dates: str,
    *,
    way_out: bool,
    date_order: str | None = None,
) -> pd.DataFrame:
    """``docvars`` typed (:func:`corpus.metadata.type_docvars`), a bad date named by the
    file and line that gave it. Each bad date left missing is a repair on its
    document's report row; a BadDatesError carries the load report with those rows
    marked ``error`` (``communique validate`` shows it)."""
    try:
        typed = type_docvars(
            docvars,
            bad_dates=bad_dates,
            locate=_docvar_origin(loaded),
            way_out=way_out,
            date_order=date_order,
        )
    except BadDatesError as exc:
        _mark_bad_dates(loaded, exc.bad, status="error", outcome="")
        exc.report = pd.DataFrame(loaded.report, columns=REPORT_COLUMNS)
        raise
    _mark_bad_dates(loaded, typed.left_missing, status="repaired", outcome=_LEFT_MISSING_OUTCOME)
    return typed.docvars


def _docvar_origin(loaded: _Loaded) -> Locate:
    """Where a document's docvar was given: a sidecar's line, else the document's own
    source (a table's ``news.csv:7``, a file with front matter)."""
    origins, sources = loaded.origins, loaded.sources
    return lambda doc_id, column: origins.get(doc_id, {}).get(column) or sources[doc_id]


def _mark_bad_dates(loaded: _Loaded, bad: list[BadDate], *, status: str, outcome: str) -> None:
    """Say each bad date on its document's report row, which takes ``status``."""
    rows = {r["doc_id"]: r for r in loaded.report if r["doc_id"] and r["status"] != "skipped"}
    for date in bad:
        loaded.dropped_only.discard(date.doc_id)
        row = rows[date.doc_id]
        row["status"] = status
        row["detail"] = _with_repair(row["detail"], date.described(row["source"]) + outcome)


def dates_left_missing(report: pd.DataFrame) -> pd.Series:
    """Which rows of a load report (``Corpus.report``) are documents with a date left
    missing by ``bad_dates="missing"``, since the value given is no date.

    Example:
        >>> report = pd.DataFrame({"detail": ["", "date 'n.d.' is no date: left missing"]})
        >>> dates_left_missing(report).tolist()
        [False, True]
    """
    return report["detail"].astype(str).str.contains(_LEFT_MISSING)


# How a report row says that a date was left missing (BadDate.described, then this).
_LEFT_MISSING_OUTCOME = ": left missing"
_LEFT_MISSING = re.compile(r" is no date(?: \([^()]*\))?" + re.escape(_LEFT_MISSING_OUTCOME))


def _with_repair(detail: str, repair: str) -> str:
    """A report row's ``detail`` with ``repair`` added: before a "normalized: ..." part,
    which lists the normalizer's rules up to the end."""
    head, marker, rules = detail.partition("normalized: ")
    if marker and (not head or head.endswith("; ")):
        return f"{head}{repair}; {marker}{rules}"
    return f"{detail}; {repair}" if detail else repair


def _gaps_kept(docvars: pd.DataFrame, metas: list[dict]) -> pd.DataFrame:
    """Columns of whole numbers or of true/false values with gaps as Int64 or boolean,
    every gap ``pd.NA``. pandas makes the numbers floats (front matter ``rank: 3`` in
    some files and none in others gave 3.0), and the booleans objects whose gaps are NaN
    where no value was given but None for a null, which a cache entry gave back as None.
    Columns holding lists or mappings keep objects, every gap None (as the cache gives)."""
    for column in docvars.columns:
        kind = docvars[column].dtype.kind
        if kind not in "fO":
            continue
        values = [_given(meta.get(column)) for meta in metas]
        present = [v for v in values if v is not None]
        if not present:
            continue
        if kind == "O" and all(isinstance(v, (bool, np.bool_)) for v in present):
            docvars[column] = pd.array(values, dtype="boolean")
        elif kind == "O" and any(isinstance(v, (list, dict)) for v in present):
            docvars[column] = pd.Series(values, index=docvars.index, dtype=object)
        elif kind == "f" and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
            try:
                docvars[column] = pd.array(values, dtype="Int64")
            except (OverflowError, TypeError, ValueError):  # beyond 64 bits
                docvars[column] = pd.Series(values, index=docvars.index, dtype=object)
    return docvars


def _given(value):
    """``value``, or None for a missing one (None, NaN, pd.NA)."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value
