"""Documents read back from a cached corpus: all at once, or on demand from disk.

A cache entry's ``documents.parquet`` (see :mod:`corpus.cache`) holds one row per
document: its text, raw-text hash and every span the text-processing policies produce.
:func:`documents_from_table` turns rows of it into Documents whose spans are already
computed. :class:`StreamedDocuments` is the sequence a streamed corpus
(``read_corpus(..., cache=True, stream=True)``) holds instead of its Documents: it keeps
only ids, text lengths and metadata in memory, and reads the Parquet row groups a
request needs each time documents are asked for, so a pass over the corpus holds one
block of documents at a time and memory follows the vocabulary, not the corpus.

Example:
    >>> c = read_corpus("speeches/", cache=True, stream=True)   # doctest: +SKIP
    >>> c.streamed, len(c.documents[10:20])                    # doctest: +SKIP
    (True, 10)
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from itertools import chain
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from .aliases import Aliases
from .document import Document
from .quotes import find_quotes, quotes_from_rows
from .segment import split_sentences, tokenize, words_of_tokens

SPAN_COLUMNS = ("sentences", "tokens", "words")
# What a document read from the cache brings along, streamed or not: its sentences and
# quotes, which every measure needs and which cost the most to find. Tokens and words
# are about ten times larger (some 16 bytes a word): held for every document they would
# make memory grow with the corpus, where the measures drop them after each document,
# so they stay on disk and are found again where a measure needs them.
RESTORED_SPANS = ("sentences",)
_DOCUMENT_COLUMNS = ("doc_id", "text", "raw_sha256")
_QUOTE_COLUMNS = ("quote_spans", "quote_kinds", "quote_speakers")
RESTORED_COLUMNS = (*_DOCUMENT_COLUMNS, *RESTORED_SPANS, *_QUOTE_COLUMNS)
# Documents read per block when a streamed corpus is iterated, and the row groups (of
# 64 documents) one read may decode: a subset scattered over the file reads a few
# groups at a time, not up to a hundred.
ITERATION_BLOCK = 128
GROUPS_PER_READ = 3


class SpanList(Sequence):
    """A read-only list of ``(start, end)`` pairs over a packed integer array.

    Indexing gives a tuple, slicing a list of tuples, iteration yields tuples, and it
    compares equal to the list a fresh Document computes.
    """

    __slots__ = ("_pairs",)

    def __init__(self, flat: np.ndarray) -> None:
        self._pairs = flat.reshape(-1, 2)

    def __len__(self) -> int:
        return len(self._pairs)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [tuple(pair) for pair in self._pairs[index].tolist()]
        start, end = self._pairs[index].tolist()
        return (start, end)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self._pairs[:, 0].tolist(), self._pairs[:, 1].tolist(), strict=True)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SpanList):
            return np.array_equal(self._pairs, other._pairs)
        if isinstance(other, (list, tuple)):
            return len(other) == len(self) and list(self) == [tuple(p) for p in other]
        return NotImplemented

    def __repr__(self) -> str:
        return f"SpanList({list(self)!r})"


def documents_from_table(
    table: pa.Table, records: Sequence[Mapping], aliases: Aliases
) -> list[Document]:
    """Documents of the rows of a ``documents.parquet`` table, their sentences and quotes
    already set (:data:`RESTORED_SPANS`; tokens and words are computed on first use, as
    for any Document).

    Parameters:
        table: rows of a cache entry's document table (at least :data:`RESTORED_COLUMNS`).
        records: each row's metadata, in the table's order.
        aliases: the alias table the corpus was read with.
    """
    ids = table.column("doc_id").to_pylist()
    texts = table.column("text").to_pylist()
    shas = table.column("raw_sha256").to_pylist()
    spans = {name: _split_list_column(table.column(name)) for name in RESTORED_SPANS}
    quote_spans = table.column("quote_spans").to_pylist()
    kinds = table.column("quote_kinds").to_pylist()
    speakers = table.column("quote_speakers").to_pylist()
    documents = []
    for i, doc_id in enumerate(ids):
        doc = Document(doc_id, texts[i], records[i], shas[i], aliases)
        state = doc.__dict__  # cached_property values live here: set them directly
        for name in RESTORED_SPANS:
            state[name] = SpanList(spans[name][i])
        flat = quote_spans[i]
        rows = zip(flat[0::2], flat[1::2], kinds[i], speakers[i], strict=True)
        state["quotes"] = quotes_from_rows(texts[i], rows)
        documents.append(doc)
    return documents


def span_columns(text: str, aliases: Aliases | None, known: Mapping | None = None) -> dict:
    """One document's span columns of a ``documents.parquet`` row (the inverse of
    :func:`documents_from_table`): sentences, tokens and words as flat int32 arrays,
    and the quotes' spans, kinds and speakers.

    Parameters:
        text: the normalized text.
        aliases: the alias table quoted speakers are named by (None: names as written).
        known: spans already computed (a Document's cached ``sentences``, ``tokens``,
            ``words``, ``quotes``); the others are computed here and not kept.
    """
    known = known or {}
    sentences = known.get("sentences") or split_sentences(text)
    tokens = known.get("tokens") or tokenize(text)
    words = known.get("words") or words_of_tokens(text, tokens)
    quotes = known.get("quotes")
    if quotes is None:
        canonical = aliases.canonical if aliases else (lambda n: n)
        quotes = find_quotes(text, list(sentences), canonical)
    return {
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


def _split_list_column(column: pa.ChunkedArray) -> list[np.ndarray]:
    """Per-row numpy views over one list<int32> column (no copy per element)."""
    views: list[np.ndarray] = []
    for chunk in column.chunks:
        # offsets index the chunk's (unsliced) values buffer
        values = chunk.values.to_numpy(zero_copy_only=False)
        offsets = chunk.offsets.to_numpy().tolist()
        views.extend(values[a:b] for a, b in zip(offsets[:-1], offsets[1:], strict=True))
    return views


class StreamedDocuments(Sequence[Document]):
    """The documents of a cache entry, read from disk each time they are asked for.

    Indexing reads one document; slicing gives the slice's documents, still on disk
    (as :meth:`take` does); iteration reads them a block at a time: at most
    :data:`ITERATION_BLOCK` documents from at most :data:`GROUPS_PER_READ` row groups,
    so a worker's chunk (or a subset scattered over the whole file) is never all in
    memory. Every read gives new Document objects: spans computed on them are not kept.

    Parameters:
        path: the entry's ``documents.parquet``.
        doc_ids, lengths, records: every document's id, text length in characters and
            metadata, in corpus order.
        aliases: the alias table the corpus was read with.
        rows: the file row of each document (a subset keeps a selection of rows);
            None: all rows, in file order.
    """

    def __init__(
        self,
        path: Path,
        doc_ids: list[str],
        lengths: list[int],
        records: list[dict],
        aliases: Aliases,
        rows: np.ndarray | None = None,
    ) -> None:
        self.path = Path(path)
        self.doc_ids = doc_ids
        self.lengths = lengths
        self._records = records
        self._aliases = aliases
        self._rows = np.arange(len(doc_ids), dtype=np.int64) if rows is None else rows

    def __len__(self) -> int:
        return len(self.doc_ids)

    def __getitem__(self, index):
        positions = range(len(self))
        if isinstance(index, slice):
            return self.take(positions[index])
        return self._read([positions[index]])[0]  # IndexError as for a list

    def __iter__(self) -> Iterator[Document]:
        _, group_starts = self._parquet()
        groups = np.searchsorted(group_starts, self._rows, side="right") - 1
        block_start, block_groups = 0, {}
        for position, group in enumerate(groups.tolist()):
            full = position - block_start == ITERATION_BLOCK
            if full or (group not in block_groups and len(block_groups) == GROUPS_PER_READ):
                yield from self._read(range(block_start, position))
                block_start, block_groups = position, {}
            block_groups[group] = True
        yield from self._read(range(block_start, len(self)))

    def __reduce__(self):
        # An open file does not cross process borders; the receiver opens its own.
        args = (self.path, self.doc_ids, self.lengths, self._records, self._aliases, self._rows)
        return (StreamedDocuments, args)

    def with_records(self, records: list[dict]) -> StreamedDocuments:
        """The same documents with new metadata (one record each, in order)."""
        if len(records) != len(self.doc_ids):
            raise ValueError(f"{len(records)} records for {len(self.doc_ids)} documents")
        return StreamedDocuments(
            self.path, self.doc_ids, self.lengths, list(records), self._aliases, self._rows
        )

    def take(self, positions: Sequence[int]) -> StreamedDocuments:
        """The documents at ``positions`` (in that order), still on disk."""
        chosen = list(positions)
        return StreamedDocuments(
            self.path,
            [self.doc_ids[p] for p in chosen],
            [self.lengths[p] for p in chosen],
            [self._records[p] for p in chosen],
            self._aliases,
            self._rows[np.asarray(chosen, dtype=np.int64)],
        )

    def _read(self, positions: Sequence[int]) -> list[Document]:
        if not len(positions):
            return []
        wanted = np.asarray(positions, dtype=np.int64)
        rows = self._rows[wanted]
        parquet, group_starts = self._parquet()
        group_of_row = np.searchsorted(group_starts, rows, side="right") - 1
        groups = np.unique(group_of_row)
        # The groups are read one after the other: where each wanted row lands.
        group_offsets = np.concatenate([[0], np.cumsum(np.diff(group_starts)[groups])[:-1]])
        landed = group_offsets[np.searchsorted(groups, group_of_row)]
        local = rows - group_starts[group_of_row] + landed
        columns = list(RESTORED_COLUMNS)
        table = parquet.read_row_groups(groups.tolist(), columns=columns).take(local)
        records = [self._records[p] for p in wanted.tolist()]
        documents = documents_from_table(table, records, self._aliases)
        del table  # the documents keep only their span buffers
        # Arrow's allocator keeps the pages of every block read unless told, and a pass
        # reads them all: on 9.5M words of speeches the peak was 100 MB higher.
        pa.default_memory_pool().release_unused()
        return documents

    def _parquet(self) -> tuple[pq.ParquetFile, np.ndarray]:
        """The open file and the first row of each row group (plus the row count)."""
        return _open_file(self.path)


# One open file per cache entry and process, shared by a corpus and all its subsets (a
# subset per country must not hold a file handle each); a forked worker opens its own,
# and a file written anew at the same path (a cleared and rebuilt entry) is reopened.
_OPEN_FILES: dict[Path, tuple[tuple[int, int, int], pq.ParquetFile, np.ndarray]] = {}


def _open_file(path: Path) -> tuple[pq.ParquetFile, np.ndarray]:
    try:
        status = os.stat(path)
    except FileNotFoundError as exc:
        raise FileNotFoundError(
            f"{path}: the cache entry this streamed corpus reads its documents from is "
            "gone (cleared by clear_cache or `communique cache clear`?); read the corpus "
            "again: read_corpus(..., cache=..., stream=True) writes a new entry"
        ) from exc
    identity = (os.getpid(), status.st_ino, status.st_mtime_ns)
    opened = _OPEN_FILES.get(path)
    if opened is None or opened[0] != identity:
        parquet = pq.ParquetFile(path)
        opened = _OPEN_FILES[path] = (identity, parquet, _group_starts(parquet))
    return opened[1], opened[2]


def _group_starts(parquet: pq.ParquetFile) -> np.ndarray:
    """First file row of each row group, and the number of rows at the end."""
    metadata = parquet.metadata
    sizes = [metadata.row_group(g).num_rows for g in range(metadata.num_row_groups)]
    return np.concatenate([[0], np.cumsum(sizes, dtype=np.int64)])
