"""An on-disk cache of parsed corpora, in Parquet (never pickle).

A cached corpus holds the normalized texts, docvars, the load report and every span
the text-processing policies produce (sentences, tokens, words, quotes with kind and
speaker), so a second run skips reading, normalizing and segmenting.

An entry is keyed by a hash of the inputs (relative paths and the SHA-256 of the
contents of the files read, the reading options) and of the normalizer, tokenizer,
sentencizer, quoter and alias versions: changing any input file or any policy gives a
new key, and the old entry is simply never read again (:func:`clear_cache` removes
entries). Contents, not sizes and modification times: copies that keep times (``cp -p``,
``rsync -a``, restoring a backup) can change a file without changing either, and hashing
costs a tenth of the parsing the cache saves.

Spans are restored without re-parsing and without building millions of Python tuples:
each document gets read-only :class:`SpanList` views over the Parquet columns' integer
buffers, which behave like the lists of ``(start, end)`` pairs a fresh Document computes.

A streamed corpus (``stream=True``) reads its documents from the entry each time a pass
needs them instead of holding them (see :mod:`corpus.streamed`).

Example:
    >>> c = read_corpus("speeches/", cache=True)  # parses, writes   # doctest: +SKIP
    >>> c = read_corpus("speeches/", cache=True)  # reads the cache  # doctest: +SKIP
    >>> c = read_corpus("speeches/", cache=True, stream=True)  # documents stay on disk  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .aliases import Aliases
from .corpus import Corpus
from .document import Document
from .normalize import NORMALIZER_VERSION
from .quotes import QUOTER_VERSION, find_quotes
from .readers import folder_files
from .segment import SENTENCIZER_VERSION, TOKENIZER_VERSION, is_word, split_sentences, tokenize
from .streamed import (  # noqa: F401 (SpanList: re-exported, it used to live here)
    SPAN_COLUMNS,
    SpanList,
    StreamedDocuments,
    documents_from_table,
)
from .ungdc import find_speakers_table

# 2: the load report names metadata rows without a file and files without a row, and
# tables decoded from cp1252 (a cache of format 1 would return the older report).
# 3: it notes documents that are probably not English. 4 and 5: files of control bytes
# are skipped as binary (5: only files of 512 bytes or more, text controls allowed).
# 6: the English test reads a document's first 2,000 characters (4,000 before); entries
# are keyed by file contents (sizes and modification times before).
# 7: a column of text lengths and the corpus fingerprint in the marker (streamed reading);
# row groups of 64 documents.
CACHE_FORMAT = "communique-cache/7"
DEFAULT_CACHE_DIR = ".communique-cache"
CACHE_DIR_VARIABLE = "COMMUNIQUE_CACHE_DIR"
_MARKER = "communique-cache.json"
# Documents per Parquet row group: bounds memory while writing, and what a streamed
# corpus reads at least to get one document (about 0.2 million words of speeches).
_BATCH_DOCUMENTS = 64


def default_cache_dir() -> Path:
    """``$COMMUNIQUE_CACHE_DIR`` or ``.communique-cache`` in the working directory."""
    return Path(os.environ.get(CACHE_DIR_VARIABLE) or DEFAULT_CACHE_DIR)


def cache_dir(cache: bool | str | Path) -> Path:
    """The folder that ``cache=`` names (True: the default folder)."""
    return default_cache_dir() if cache is True else Path(cache)


def clear_cache(directory: str | Path | None = None) -> int:
    """Remove every cached corpus in ``directory`` (default: :func:`default_cache_dir`).

    Only folders this module wrote (they hold a marker file) are removed.

    Returns:
        The number of cache entries removed.
    """
    root = Path(directory) if directory is not None else default_cache_dir()
    if not root.is_dir():
        return 0
    removed = 0
    for entry in root.iterdir():
        if entry.is_dir() and (entry / _MARKER).is_file():
            shutil.rmtree(entry)
            removed += 1
    return removed


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
    files, hidden = _input_files(path, options.get("metadata"))
    for name, file in files:
        digest.update(f"\x00{name}\x00{_content_digest(file)}".encode())
    for entry in hidden:  # hidden entries are named in the load report
        digest.update(f"\x00hidden:{entry.name}".encode())
    return digest.hexdigest()[:32]


def _content_digest(file: Path) -> str:
    with open(file, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _input_files(path: Path, metadata) -> tuple[list[tuple[str, Path]], list[Path]]:
    """The files a read of ``path`` takes, as ``(key name, file)``, and the hidden files
    and folders of a folder, which are not read (a cache folder inside the corpus folder
    among them), so only their names are part of the key. One walk of the folder."""
    path = path.resolve()
    hidden: list[Path] = []
    if path.is_dir():
        files, hidden = folder_files(path)
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
    return listed, hidden


def read_through_cache(
    path: Path,
    cache: bool | str | Path,
    options: dict,
    aliases: Aliases,
    read: Callable[[], Corpus],
    *,
    stream: bool = False,
) -> Corpus:
    """The cached corpus for these inputs, or ``read()`` (and store its result).

    ``stream``: return a corpus whose documents stay in the entry on disk
    (:func:`open_streamed`); a fresh read is written first, then let go.
    """
    root = cache_dir(cache)
    key = cache_key(Path(path), options, aliases)
    entry = root / key
    if not (entry / _MARKER).is_file():
        c = read()
        save_corpus(c, entry)
        if not stream:
            return c
        del c
    return open_streamed(entry, aliases) if stream else load_corpus(entry, aliases)


def save_corpus(c: Corpus, entry: Path) -> None:
    """Write ``c`` with all its spans to the folder ``entry`` (atomically)."""
    entry = Path(entry)
    entry.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".writing-", dir=entry.parent))
    try:
        _write_documents(c, staging / "documents.parquet")
        docvars = c.docvars.reset_index()
        pq.write_table(
            pa.Table.from_pandas(docvars, preserve_index=False), staging / "docvars.parquet"
        )
        pq.write_table(
            pa.Table.from_pandas(c.report, preserve_index=False), staging / "report.parquet"
        )
        marker = {
            "format": CACHE_FORMAT,
            "documents": len(c),
            "versions": c.versions,
            "fingerprint": c.fingerprint,
        }
        (staging / _MARKER).write_text(json.dumps(marker, indent=1), encoding="utf-8")
        if entry.exists():
            shutil.rmtree(entry)
        os.replace(staging, entry)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


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


def _write_documents(c: Corpus, target: Path) -> None:
    with pq.ParquetWriter(target, _SCHEMA, compression="zstd") as writer:
        batch: list[dict] = []
        for doc in c:
            batch.append(_document_row(doc))
            if len(batch) >= _BATCH_DOCUMENTS:
                writer.write_table(pa.Table.from_pylist(batch, schema=_SCHEMA))
                batch = []
        if batch or len(c) == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=_SCHEMA))


def _document_row(doc: Document) -> dict:
    """One document's spans, computed here (not cached on the document: memory stays flat)."""
    text = doc.text
    cached = doc.__dict__
    sentences = cached.get("sentences") or split_sentences(text)
    tokens = cached.get("tokens") or tokenize(text)
    words = cached.get("words") or [(s, e) for s, e in tokens if is_word(text[s:e])]
    quotes = cached.get("quotes")
    if quotes is None:
        canonical = doc.aliases.canonical if doc.aliases else (lambda n: n)
        quotes = find_quotes(text, list(sentences), canonical)
    return {
        "doc_id": doc.doc_id,
        "text": text,
        "chars": len(text),
        "raw_sha256": doc.raw_sha256,
        "sentences": _flatten(sentences),
        "tokens": _flatten(tokens),
        "words": _flatten(words),
        "quote_spans": _flatten((q.start, q.end) for q in quotes),
        "quote_kinds": [q.kind for q in quotes],
        "quote_speakers": [q.speaker for q in quotes],
    }


def _flatten(spans) -> np.ndarray:
    spans = list(spans)
    return np.fromiter(chain.from_iterable(spans), dtype=np.int32, count=2 * len(spans))


def load_corpus(entry: str | Path, aliases: Aliases | None = None) -> Corpus:
    """Read a corpus written by :func:`save_corpus`, spans included, into memory."""
    entry = Path(entry)
    aliases = aliases or Aliases.default()
    docvars, report, marker = _entry_tables(entry)
    table = pq.read_table(entry / "documents.parquet")
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
        docvars[column] = docvars[column].map(_as_read)
    report = pq.read_table(entry / "report.parquet").to_pandas()
    marker = json.loads((entry / _MARKER).read_text(encoding="utf-8"))
    return docvars, report, marker


def _as_read(value):
    return value.tolist() if isinstance(value, np.ndarray) else value


def _records(docvars: pd.DataFrame) -> list[dict]:
    return docvars.astype(object).where(docvars.notna(), None).to_dict("records")


def _with_fingerprint(c: Corpus, marker: dict) -> Corpus:
    # The entry holds the very texts, ids and docvars the fingerprint was computed
    # over when it was written: no need to hash them again.
    if "fingerprint" in marker:
        c.__dict__["fingerprint"] = marker["fingerprint"]
    return c
