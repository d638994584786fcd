"""An on-disk cache of parsed corpora, in Parquet (never pickle).

A cached corpus holds the normalized texts, docvars, the load report and every span
the text-processing policies produce (sentences, tokens, words, quotes with kind and
speaker), so a second run skips reading, normalizing and segmenting.

An entry is keyed by a hash of the inputs (relative paths and the SHA-256 of the
contents of the files read, the reading options) and of the normalizer, tokenizer,
sentencizer, quoter and alias versions: changing any input file or any policy gives a
new key, and the old entry is simply never read again (:func:`list_cache` lists the
entries with their size and last use, :func:`clear_cache` removes them). Contents, not
sizes and modification times: copies that keep times (``cp -p``, ``rsync -a``, restoring
a backup) can change a file without changing either, and hashing costs a tenth of the
parsing the cache saves.

Sentences and quotes are restored without re-parsing and without building millions of
Python tuples: each document gets read-only :class:`SpanList` views over the Parquet
columns' integer buffers, which behave like the lists of ``(start, end)`` pairs a fresh
Document computes. Tokens and words stay on disk (written for readers that want them): a
measure finds them again per document, as for a corpus read without the cache, so that
memory does not grow by some 16 bytes a word.

A first read hands each document to an :class:`EntryWriter` as it is read (a large
folder's reading workers find its spans), so the documents are never all in memory
while the entry is written (a table file is read whole first); the corpus then comes
from the entry, with its sentences and quotes. A streamed corpus (``stream=True``)
reads its documents from the entry each time a pass needs them instead of holding
them (see :mod:`corpus.streamed`).

Example:
    >>> c = read_corpus("speeches/", cache=True)  # parses, writes   # doctest: +SKIP
    >>> c = read_corpus("speeches/", cache=True)  # reads the cache  # doctest: +SKIP
    >>> c = read_corpus("speeches/", cache=True, stream=True)  # documents stay on disk  # doctest: +SKIP
"""

from __future__ import annotations

import datetime
import hashlib
import json
import numbers
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .aliases import Aliases
from .corpus import Corpus, Fingerprint, policy_versions
from .errors import CorpusError
from .normalize import NORMALIZER_VERSION
from .quotes import QUOTER_VERSION
from .readers import CACHE_TAG, CACHE_TAG_NAME, as_read, folder_files
from .segment import SENTENCIZER_VERSION, TOKENIZER_VERSION
from .streamed import (  # noqa: F401 (SpanList: re-exported, it used to live here)
    RESTORED_COLUMNS,
    SPAN_COLUMNS,
    SpanList,
    StreamedDocuments,
    documents_from_table,
    span_columns,
)
from .ungdc import find_speakers_table

# 2: the load report names metadata rows without a file and files without a row, and
# tables decoded from cp1252 (a cache of format 1 would return the older report).
# 3: it notes documents that are probably not English. 4 and 5: files of control bytes
# are skipped as binary (5: only files of 512 bytes or more, text controls allowed).
# 6: the English test reads a document's first 2,000 characters (4,000 before); entries
# are keyed by file contents (sizes and modification times before).
# 7: a column of text lengths and the corpus fingerprint in the marker (streamed reading);
# row groups of 64 documents. 8: docvars of numbers written as text become numbers, whole
# numbers with gaps stay whole, mixed-type columns are stored as JSON (an entry of format 7
# would return the docvars typed the old way). 9: text docvars in NFC, stripped, with ASCII
# apostrophes and quote marks (normalize_docvar); true/false docvars with gaps are of
# pandas' boolean dtype (object, with None or NaN for a gap, before); an empty file takes
# its id (on its report row; a folder where another file has that id is an error).
# 10: year and session fields of a file-name template take digits (a name the template
# does not fit is a skipped row of the report); a UTF-16 file without a byte-order mark,
# either way round, says how to give its encoding; table ids are stripped of spaces, text
# and id columns are found in any case, and the id column is the first of doc_id/id that
# every row fills.
# 11: a CSV is separated by what its header line is split by (';', tabs, '|'), noted on
# each row; a TSV field wholly in quotes holding nothing a writer quotes for keeps its
# quote marks, noted too (an entry of format 10 would give the text unquoted).
CACHE_FORMAT = "communique-cache/11"
DEFAULT_CACHE_DIR = ".communique-cache"
CACHE_DIR_VARIABLE = "COMMUNIQUE_CACHE_DIR"
_MARKER = "communique-cache.json"
_STAGING_PREFIX = ".writing-"  # an entry being written, moved into place when complete
_STALE_STAGING_SECONDS = 3600
# Documents per Parquet row group: bounds memory while writing, and what a streamed
# corpus reads at least to get one document (about 0.2 million words of speeches).
_BATCH_DOCUMENTS = 64


def default_cache_dir() -> Path:
    """``$COMMUNIQUE_CACHE_DIR`` or ``.communique-cache`` in the working directory."""
    return Path(os.environ.get(CACHE_DIR_VARIABLE) or DEFAULT_CACHE_DIR)


def cache_dir(cache: bool | str | Path) -> Path:
    """The folder that ``cache=`` names (True: the default folder)."""
    return default_cache_dir() if cache is True else Path(cache)


CACHE_LIST_COLUMNS = ["entry", "source", "documents", "bytes", "last_used"]
_SECONDS_PER_DAY = 86_400


def list_cache(directory: str | Path | None = None) -> pd.DataFrame:
    """The cached corpora in ``directory`` (default: :func:`default_cache_dir`), the
    most recently used first.

    Returns:
        One row per entry: ``entry`` (its folder name, the key), ``source`` (the path
        read when it was written; empty for entries written before communique recorded
        it, or by :func:`save_corpus`), ``documents``, ``bytes`` (on disk) and
        ``last_used`` (local time, to the second: when it was written or last read
        by ``read_corpus(..., cache=...)``). An entry whose inputs or policies have
        changed since is never read again: its ``last_used`` stays behind.

    Example:
        >>> list_cache("no-such-folder").columns.tolist()
        ['entry', 'source', 'documents', 'bytes', 'last_used']
    """
    rows = []
    for entry in _entries(directory):
        marker = json.loads((entry / _MARKER).read_text(encoding="utf-8"))
        rows.append(
            {
                "entry": entry.name,
                "source": marker.get("source", ""),
                "documents": marker.get("documents"),
                "bytes": _folder_bytes(entry),
                "last_used": pd.Timestamp.fromtimestamp(_last_used(entry)).floor("s"),
            }
        )
    table = pd.DataFrame(rows, columns=CACHE_LIST_COLUMNS)
    table = table.sort_values(["last_used", "entry"], ascending=[False, True], kind="stable")
    return table.reset_index(drop=True)


def clear_cache(directory: str | Path | None = None, *, older_than: float | None = None) -> int:
    """Remove the cached corpora in ``directory`` (default: :func:`default_cache_dir`).

    Only folders this module wrote (they hold a marker file) are removed, and the
    staging folders (``.writing-*``) of writes that were interrupted more than an hour
    ago (a younger one may belong to a read still running in another process).

    Parameters:
        older_than: remove only entries not used (written or read) for more than this
            many days; None removes every entry.

    Returns:
        The number of cache entries removed.
    """
    if older_than is not None:
        _check_days(older_than)
    now = time.time()
    removed = 0
    for entry in _entries(directory):
        if older_than is None or now - _last_used(entry) > older_than * _SECONDS_PER_DAY:
            shutil.rmtree(entry)
            removed += 1
    root = _root(directory)
    if root.is_dir():
        for staging in root.glob(_STAGING_PREFIX + "*"):
            if staging.is_dir() and now - staging.stat().st_mtime > _STALE_STAGING_SECONDS:
                shutil.rmtree(staging, ignore_errors=True)
    return removed


def _check_days(days) -> None:
    is_number = isinstance(days, numbers.Real) and not isinstance(days, bool)
    if not is_number or not days >= 0:  # NaN too
        raise ValueError(f"older_than={days!r} is not valid; give a number of days, 0 or more")


def _root(directory: str | Path | None) -> Path:
    return Path(directory) if directory is not None else default_cache_dir()


def _entries(directory: str | Path | None) -> list[Path]:
    """The entry folders in ``directory``: those holding this module's marker."""
    root = _root(directory)
    if not root.is_dir():
        return []
    return sorted(e for e in root.iterdir() if e.is_dir() and (e / _MARKER).is_file())


def _last_used(entry: Path) -> float:
    # The marker is written last when an entry is made and touched on every read.
    return (entry / _MARKER).stat().st_mtime


def _mark_used(entry: Path) -> None:
    """Note that ``entry`` was read now (for clear_cache(older_than=...)); a cache
    that may only be read still serves."""
    try:
        os.utime(entry / _MARKER)
    except OSError:
        pass


def _folder_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def _make_cache_folder(root: Path) -> None:
    """Create ``root`` (if needed) with the tag that marks it as a cache."""
    root.mkdir(parents=True, exist_ok=True)
    tag = root / CACHE_TAG_NAME
    if not tag.is_file():
        tag.write_text(CACHE_TAG, encoding="utf-8")


def cache_key(path: Path, options: dict, aliases: Aliases) -> str:
    """Hash of the input files (relative path, content), options and policy versions."""
    digest = hashlib.sha256()
    versions = [
        CACHE_FORMAT,
        NORMALIZER_VERSION,
        TOKENIZER_VERSION,
        SENTENCIZER_VERSION,
        QUOTER_VERSION,
        aliases.version,
    ]
    digest.update(json.dumps(versions).encode())
    digest.update(json.dumps(aliases.items(), ensure_ascii=False).encode())
    digest.update(json.dumps(options, sort_keys=True, default=str).encode())
    files, left_out = _input_files(path, options.get("metadata"))
    for name, file in files:
        digest.update(f"\x00{name}\x00{_content_digest(file)}".encode())
    for name, why in left_out:  # entries not read are named in the load report
        digest.update(f"\x00left out:{name}\x00{why}".encode())
    return digest.hexdigest()[:32]


def _content_digest(file: Path) -> str:
    with open(file, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _input_files(path: Path, metadata) -> tuple[list[tuple[str, Path]], list[tuple[str, str]]]:
    """The files a read of ``path`` takes, as ``(key name, file)``, and the entries of a
    folder that it leaves out, as ``(name, reason)``: hidden files and folders, broken
    links, which are not read, so only their names are part of the key. One walk of the
    folder (cache folders inside it are not walked)."""
    path = path.resolve()
    left_out: list[tuple[Path, str]] = []
    if path.is_dir():
        files, left_out = folder_files(path)
        root = path
        extra = [find_speakers_table(path)]
    else:
        files = [path]
        root = path.parent
        extra = []
    if metadata:
        extra.append(Path(metadata))
    listed = [(f.relative_to(root).as_posix(), f) for f in files]
    for f in extra:
        if f is not None and f.is_file():
            listed.append((f"extra:{f.resolve().as_posix()}", f))
    return listed, [(entry.relative_to(root).as_posix(), why) for entry, why in left_out]


def read_through_cache(
    path: Path,
    cache: bool | str | Path,
    options: dict,
    aliases: Aliases,
    read_into: Callable[[EntryWriter], tuple[pd.DataFrame, pd.DataFrame]],
    *,
    stream: bool = False,
) -> Corpus:
    """The cached corpus for these inputs, read and stored first when there is none.

    Parameters:
        read_into: reads the inputs, handing each document to the entry's writer as it
            is read, and returns the docvars and the load report (the documents are
            never all in memory, and a large folder's reading workers find the spans).
        stream: return a corpus whose documents stay in the entry on disk
            (:func:`open_streamed`).
    """
    root = cache_dir(cache)
    _make_cache_folder(root)  # tagged before the key's walk: a cache inside the corpus is no input
    key = cache_key(Path(path), options, aliases)
    entry = root / key
    if (entry / _MARKER).is_file():
        _mark_used(entry)
        return open_streamed(entry, aliases) if stream else load_corpus(entry, aliases)
    with EntryWriter(entry, aliases, source=os.path.abspath(path)) as writer:
        docvars, report = read_into(writer)
        writer.finish(docvars, report)
    streamed = open_streamed(entry, aliases)
    if stream:
        return streamed
    # Into memory with the spans every measure needs (sentences, quotes), as a read
    # without cache keeps them after its first pass: tokens and words are found again
    # when asked for, rather than held for the whole corpus.
    documents = list(streamed.documents)
    c = Corpus(documents, streamed.docvars, streamed.report, aliases=aliases)
    c.__dict__["fingerprint"] = streamed.fingerprint
    return c


def save_corpus(c: Corpus, entry: Path) -> None:
    """Write ``c`` with all its spans to the folder ``entry`` (atomically)."""
    with EntryWriter(entry, c.aliases) as writer:
        for doc in c:
            # Spans the document has already found are reused; quoted speakers are
            # named by the document's own alias table, as Document.quotes names them.
            spans = span_columns(doc.text, doc.aliases, doc.__dict__)
            writer.add(doc.doc_id, doc.text, doc.raw_sha256, spans)
        fingerprint = writer.finish(c.docvars, c.report)
    c.__dict__.setdefault("fingerprint", fingerprint)  # the same hash: keep it


_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("text", pa.large_string()),
        ("chars", pa.int64()),
        ("raw_sha256", pa.string()),
        *[(name, pa.large_list(pa.int32())) for name in SPAN_COLUMNS],
        ("quote_spans", pa.list_(pa.int32())),
        ("quote_kinds", pa.list_(pa.string())),
        ("quote_speakers", pa.list_(pa.string())),
    ]
)


# Span offsets only grow within a document, so Parquet's delta encoding stores each as a
# small difference: on the UN archive the span columns took 31 MB instead of 196 MB with
# zstd alone, and were written 1.9x and read 3.6x faster.
_DELTA_ENCODED = {
    f"{name}.list.element": "DELTA_BINARY_PACKED" for name in (*SPAN_COLUMNS, "quote_spans")
}


class EntryWriter:
    """Writes a cache entry document by document, then its docvars, report and marker.

    The entry is built in a staging folder beside it and moved into place by
    :meth:`finish`; leaving the ``with`` block without finishing (an error while
    reading) removes the staging folder and leaves no entry.

    Example:
        >>> with EntryWriter(entry, aliases) as writer:                 # doctest: +SKIP
        ...     writer.add("a", "Peace must prevail.", sha)
        ...     writer.finish(docvars, report)
    """

    def __init__(self, entry: Path, aliases: Aliases, *, source: str | None = None) -> None:
        self.entry = Path(entry)
        self.aliases = aliases
        self.source = source  # the path read, for list_cache (None: not known)
        _make_cache_folder(self.entry.parent)
        self._staging = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=self.entry.parent))
        self._documents = pq.ParquetWriter(
            self._staging / "documents.parquet",
            _SCHEMA,
            compression="zstd",
            use_dictionary=False,
            column_encoding=_DELTA_ENCODED,
        )
        self._batch: list[dict] = []
        self._fingerprint = Fingerprint()
        self.count = 0

    def __enter__(self) -> EntryWriter:
        return self

    def __exit__(self, *exc_info) -> None:
        self._documents.close()  # no-op when finished
        if self._staging.exists():
            shutil.rmtree(self._staging, ignore_errors=True)

    def add(self, doc_id: str, text: str, raw_sha256: str, spans: Mapping | None = None) -> None:
        """The next document, in corpus order, with its span columns when already found
        (:func:`span_columns`; None: found here, quoted speakers named by the writer's
        alias table)."""
        row = {"doc_id": doc_id, "text": text, "chars": len(text), "raw_sha256": raw_sha256}
        row.update(spans if spans is not None else span_columns(text, self.aliases))
        self._batch.append(row)
        self._fingerprint.add(doc_id, raw_sha256, text)
        self.count += 1
        if len(self._batch) >= _BATCH_DOCUMENTS:
            self._write_batch()

    def finish(self, docvars: pd.DataFrame, report: pd.DataFrame) -> str:
        """Write the docvars (indexed by doc_id, in corpus order) and the report, move
        the entry into place, and return the corpus fingerprint."""
        if self._batch or self.count == 0:
            self._write_batch()
        self._documents.close()
        docvars_table, encoded = _docvars_table(docvars)
        pq.write_table(docvars_table, self._staging / "docvars.parquet")
        pq.write_table(
            pa.Table.from_pandas(report, preserve_index=False), self._staging / "report.parquet"
        )
        fingerprint = self._fingerprint.hexdigest(docvars)
        marker = {
            "format": CACHE_FORMAT,
            "documents": self.count,
            "versions": policy_versions(self.aliases),
            "fingerprint": fingerprint,
            "json_docvars": encoded,
        }
        if self.source is not None:  # not part of the key: a copy of the inputs hits it too
            marker["source"] = self.source
        (self._staging / _MARKER).write_text(json.dumps(marker, indent=1), encoding="utf-8")
        if self.entry.exists():
            shutil.rmtree(self.entry)
        os.replace(self._staging, self.entry)
        return fingerprint

    def _write_batch(self) -> None:
        self._documents.write_table(pa.Table.from_pylist(self._batch, schema=_SCHEMA))
        self._batch = []


def _docvars_table(docvars: pd.DataFrame) -> tuple[pa.Table, list[str]]:
    """The docvars as an Arrow table, and the columns written as JSON text: those whose
    values Arrow would not give back as read (front matter with ``x: 1`` in one file and
    ``x: abc`` in another; mappings with different keys, which Arrow fills in with
    nulls; times with and without a zone; integers beyond 64 bits)."""
    frame = docvars.reset_index()
    encoded = []
    for column in frame.columns:
        if not pd.api.types.is_object_dtype(frame[column]):
            continue
        kept = _arrow_keeps(frame[column])
        if kept:
            continue
        try:
            frame[column] = [_json_value(v, column) for v in frame[column]]
        except CorpusError:
            if kept is None:  # Arrow cannot hold them at all
                raise
            continue  # JSON cannot either: Arrow's reading is the closer one
        encoded.append(str(column))
    return pa.Table.from_pandas(frame, preserve_index=False), encoded


def _arrow_keeps(values: pd.Series) -> bool | None:
    """Whether Arrow gives every one of ``values`` back equal to itself (None: Arrow
    cannot hold them in one type)."""
    try:
        back = pa.array(values, from_pandas=True).to_pylist()
    except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):
        return None
    return all(_same_value(a, b) for a, b in zip(values, back, strict=True))


def _same_value(read, stored) -> bool:
    read = as_read(read)  # a list column of a Parquet input
    if stored is None:
        return read is None or (pd.api.types.is_scalar(read) and bool(pd.isna(read)))
    if isinstance(read, bool) != isinstance(stored, bool):
        return False
    try:
        return bool(read == stored)
    except (TypeError, ValueError):  # a naive and an aware time; nested arrays
        return False


def _json_value(value, column) -> str:
    if isinstance(value, datetime.datetime):
        return json.dumps({"datetime": value.isoformat()})
    if isinstance(value, datetime.date):
        return json.dumps({"date": value.isoformat()})
    if isinstance(value, np.generic):
        value = value.item()
    try:
        return json.dumps({"value": value}, ensure_ascii=False)
    except TypeError:
        raise CorpusError(
            f"docvar {column!r} mixes types and holds a {type(value).__name__} ({value!r}), "
            "which the cache cannot store; give the docvar one type in every document, "
            "or read without cache="
        ) from None


def _from_json(text: str):
    value = json.loads(text)
    if "date" in value:
        return datetime.date.fromisoformat(value["date"])
    if "datetime" in value:
        return datetime.datetime.fromisoformat(value["datetime"])
    return value["value"]


def load_corpus(entry: str | Path, aliases: Aliases | None = None) -> Corpus:
    """Read a corpus written by :func:`save_corpus` into memory, with the sentences and
    quotes of its documents (tokens and words are found when first used; see
    :data:`corpus.streamed.RESTORED_SPANS`)."""
    entry = Path(entry)
    aliases = aliases or Aliases.default()
    docvars, report, marker = _entry_tables(entry)
    table = pq.read_table(entry / "documents.parquet", columns=list(RESTORED_COLUMNS))
    documents = documents_from_table(table, _records(docvars), aliases)
    del table  # the spans keep only their own buffers
    # Arrow's allocator keeps the pages of the decoded table (texts were copied to Python
    # strings) unless told: on 1,151 speeches this returns about 130 MB.
    pa.default_memory_pool().release_unused()
    return _with_fingerprint(Corpus(documents, docvars, report, aliases=aliases), marker)


def open_streamed(entry: str | Path, aliases: Aliases | None = None) -> Corpus:
    """A corpus over the entry written by :func:`save_corpus` whose documents stay on
    disk: each pass reads them block by block (see :class:`StreamedDocuments`)."""
    entry = Path(entry)
    aliases = aliases or Aliases.default()
    docvars, report, marker = _entry_tables(entry)
    path = entry / "documents.parquet"
    index = pq.read_table(path, columns=["doc_id", "chars"])
    documents = StreamedDocuments(
        path,
        index.column("doc_id").to_pylist(),
        index.column("chars").to_pylist(),
        _records(docvars),
        aliases,
    )
    return _with_fingerprint(Corpus(documents, docvars, report, aliases=aliases), marker)


def _entry_tables(entry: Path) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    docvars = pq.read_table(entry / "docvars.parquet").to_pandas().set_index("doc_id")
    for column in [c for c, kind in docvars.dtypes.items() if pd.api.types.is_object_dtype(kind)]:
        # Lists (from YAML front matter) come back from Parquet as numpy arrays: make
        # them lists again, as read, so docvars and fingerprints of subsets agree.
        docvars[column] = docvars[column].map(as_read)
    report = pq.read_table(entry / "report.parquet").to_pandas()
    marker = json.loads((entry / _MARKER).read_text(encoding="utf-8"))
    for column in marker.get("json_docvars", []):
        values = [_from_json(text) for text in docvars[column]]
        docvars[column] = pd.Series(values, index=docvars.index, dtype=object)
    return docvars, report, marker


def _records(docvars: pd.DataFrame) -> list[dict]:
    return docvars.astype(object).where(docvars.notna(), None).to_dict("records")


def _with_fingerprint(c: Corpus, marker: dict) -> Corpus:
    # The entry holds the very texts, ids and docvars the fingerprint was computed
    # over when it was written: no need to hash them again.
    if "fingerprint" in marker:
        c.__dict__["fingerprint"] = marker["fingerprint"]
    return c
