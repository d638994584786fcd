"""Running a per-document function over a corpus: one place to parallelise.

Every analysis that works document by document calls :func:`map_documents` with a
module-level function ``func(doc, *args) -> partial result``; results come back in
corpus order, so a parallel run gives exactly the serial run's tables.

Engines:

- ``"local"``: this machine. Small corpora run in this process (a pool costs more to
  start than it saves); larger ones are cut into contiguous chunks of documents that a
  process pool works through. On Linux the pool is forked, so workers read the corpus
  from the parent's memory and only chunk bounds and results cross process borders.
- ``"dask"``: the same function over the partitions of a ``dask.bag``; it runs on the
  active ``dask.distributed`` Client when there is one (a real cluster), otherwise on
  Dask's local process scheduler.

Documents are handed to ``func`` as shallow copies when the corpus is large, so the big
spans a detector computes (tokens, words) are dropped after each document: memory
follows one document at a time, not the whole corpus. Sentences and quotes are small
(about one sentence per 25 words) and every stage needs them, so the ones a call
computes are sent back, packed, and kept on the corpus's Documents: later calls (and
their forked workers) inherit them instead of segmenting every document again.

A streamed corpus (``read_corpus(..., cache=True, stream=True)``) holds no Documents:
each worker (forked or spawned) reads its own chunk from the cache file, sentences and
quotes included, and a single process reads the corpus block by block, so no local pass
holds every text. The Dask engine ships the texts, as for any corpus: a cluster's
workers may not see the cache file.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Literal, TypeVar

from corpus import Corpus, Document
from corpus._parallel import (  # noqa: F401 (available_workers, chunk_bounds re-exported)
    available_workers,
    chunk_bounds,
    ended,
    forked_pool,
    resolve_workers,
)
from corpus.errors import check_choice
from corpus.quotes import quote_rows, quotes_from_rows
from corpus.segment import PackedSpans
from corpus.streamed import StreamedDocuments

T = TypeVar("T")
Engine = Literal["local", "dask"]
ENGINES = ("local", "dask")

# Below this many characters in all (about 35,000 words) a process pool costs more to
# start and feed than it saves.
SERIAL_BELOW_CHARS = 200_000
# Chunks per worker: enough to balance long and short documents, few enough that the
# per-task overhead stays negligible.
CHUNKS_PER_WORKER = 8
# About the most characters a chunk holds (it ends with the document that reaches the
# limit; about 0.8 million words of speeches), so that what a worker holds at a time
# (its chunk's results, before they are combined and sent) stays the same however
# large the corpus.
MAX_CHUNK_CHARS = 5_000_000

# Whether every pass shows a progress bar (see progress_bars); off by default so that
# library calls stay quiet, on in the command line when stderr is a terminal.
_PROGRESS_BY_DEFAULT = False
# The engine of every pass that names none (see use_engine).
_ENGINE_BY_DEFAULT: Engine = "local"

# The work of the current pooled call, read by forked workers (set just before the pool
# is created and cleared after it is closed; never mutated while workers run).
_FORKED_WORK: tuple[Sequence[Document], Callable[..., Any], tuple] | None = None


@contextmanager
def progress_bars(enabled: bool = True) -> Iterator[None]:
    """Show a progress bar (on stderr, when it is a terminal) for every pass over a
    corpus inside the ``with`` block, whatever the caller passes as ``progress``.

    Example:
        >>> from corpus import from_texts
        >>> with progress_bars(False):
        ...     map_documents(from_texts(["a b"]), _word_count_example, workers=1)
        [2]
    """
    global _PROGRESS_BY_DEFAULT
    previous, _PROGRESS_BY_DEFAULT = _PROGRESS_BY_DEFAULT, enabled
    try:
        yield
    finally:
        _PROGRESS_BY_DEFAULT = previous


@contextmanager
def use_engine(engine: Engine) -> Iterator[None]:
    """Run every pass over a corpus inside the ``with`` block on ``engine`` ("local" or
    "dask"): the measures of :mod:`analysis` (``stat_hedging``, ``find_modals``, word
    counts, ...) as well as direct calls of :func:`map_documents` that name no engine.

    With ``"dask"`` the passes run on the active ``dask.distributed`` Client (a cluster)
    or, without one, on Dask's local process scheduler; the results are those of the
    local engine.

    Example:
        >>> from corpus import from_texts
        >>> with use_engine("local"):
        ...     map_documents(from_texts(["a b"]), _word_count_example, workers=1)
        [2]
    """
    global _ENGINE_BY_DEFAULT
    check_choice("engine", engine, ENGINES)
    previous, _ENGINE_BY_DEFAULT = _ENGINE_BY_DEFAULT, engine
    try:
        yield
    finally:
        _ENGINE_BY_DEFAULT = previous


def map_documents(
    c: Corpus,
    func: Callable[..., T],
    *args: Any,
    workers: int | None = None,
    engine: Engine | None = None,
    progress: bool = False,
    combine: Callable[[list[T]], Any] | None = None,
) -> list:
    """``[func(doc, *args) for doc in c]``, possibly in parallel.

    Parameters:
        c: the corpus.
        func: a module-level (picklable) function of one Document and ``args``; its
            result must be picklable too (plain rows, Counters, dicts).
        workers: processes to use; None = available cores; 1 = in this process.
        engine: "local" (this machine) or "dask" (a Dask cluster; see the README's
            "Scale" section); None: the one :func:`use_engine` set, else "local".
        progress: show a progress bar on stderr (only when stderr is a terminal).
        combine: a module-level function of a list of consecutive documents' results,
            run where they were computed (in each worker, on its chunk): rows become a
            table in parallel, and one table per chunk crosses process borders instead
            of one Python object per row.

    Returns:
        One result per document, in corpus order: the same list whatever the engine
        and the number of workers. With ``combine``: ``combine`` of consecutive runs of
        those results, in corpus order (how the corpus is cut depends on its size and
        the workers, so merge the parts with an operation that does not, such as
        concatenation).

    Example:
        >>> from corpus import from_texts
        >>> map_documents(from_texts(["a b", "c"]), _word_count_example, workers=1)
        [2, 1]
    """
    engine = engine or _ENGINE_BY_DEFAULT
    check_choice("engine", engine, ENGINES)
    n_workers = resolve_workers(workers)
    progress = progress or _PROGRESS_BY_DEFAULT
    documents = c.documents  # a streamed corpus reads them from disk block by block
    if not documents:
        return []
    if engine == "dask":
        return _map_dask(documents, func, args, n_workers, combine=combine)
    lengths = c.text_lengths()
    if sum(lengths) < SERIAL_BELOW_CHARS:
        # Small corpora keep their spans cached on the documents: cheap and handy.
        results = [func(doc, *args) for doc in _with_progress(documents, progress)]
        return results if combine is None else [combine(results)]
    with _older_objects_frozen():
        if n_workers == 1 or len(documents) == 1:
            return _map_serial(documents, lengths, func, args, progress, combine)
        return _map_pool(documents, lengths, func, args, n_workers, progress, combine)


def _map_serial(documents, lengths, func, args, progress: bool, combine=None) -> list:
    """:func:`map_documents` in this process, on fresh copies of the documents."""
    # Combined in the chunks one worker of a pool would get: the rows of one chunk at a
    # time wait for their table, not the rows of the whole corpus.
    chunk_ends = set()
    if combine is not None:
        chunk_ends = {stop for _, stop in _chunks(lengths, 1)}
    results, parts = [], []
    for done, doc in enumerate(_with_progress(documents, progress), start=1):
        result, kept = _run_fresh(doc, func, args)
        _keep(doc, kept)
        results.append(result)
        if done in chunk_ends:
            parts.append(combine(results))  # type: ignore[misc]
            results = []
    return results if combine is None else parts


@contextmanager
def _older_objects_frozen() -> Iterator[None]:
    """Leave the objects that exist before a pass (the corpus, its spans) out of the
    garbage collector's full collections during it, in this process as in forked
    workers (``gc.freeze`` in :func:`forked_pool`): on the UN archive, one process ran
    the whole analysis 4% faster. Objects frozen by someone else stay theirs to
    unfreeze."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def map_chunks(
    c: Corpus,
    func: Callable[..., T],
    *args: Any,
    workers: int | None = None,
    engine: Engine | None = None,
) -> list[T]:
    """``func(documents, *args)`` over contiguous chunks of the corpus, possibly in parallel.

    For mergeable partial results (term counts, totals): each worker folds its chunk
    into one result, so only a few partials cross process borders and the parent
    merges a handful of them instead of one per document.

    Parameters:
        c: the corpus.
        func: a module-level function ``func(documents, *args)``; ``documents`` is an
            iterable of Documents, consecutive in corpus order, each visited once.
            Its result must be picklable.
        workers, engine: as in :func:`map_documents`.

    Returns:
        One result per chunk, chunks in corpus order (a small corpus, or one worker,
        is a single chunk). Merge them with an operation that does not depend on how
        the corpus was cut (sums, unions) to get the same answer for any ``workers``.

    Example:
        >>> from corpus import from_texts
        >>> map_chunks(from_texts(["a b", "c"]), _chunk_word_count_example, workers=1)
        [3]
    """
    engine = engine or _ENGINE_BY_DEFAULT
    check_choice("engine", engine, ENGINES)
    n_workers = resolve_workers(workers)
    documents = c.documents
    if not documents:
        return []
    if engine == "dask":
        return _map_dask_chunks(documents, func, args, n_workers)
    lengths = c.text_lengths()
    if sum(lengths) < SERIAL_BELOW_CHARS:
        return [func(iter(documents), *args)]
    with _older_objects_frozen():
        if n_workers == 1 or len(documents) == 1:
            # Fresh copies: spans cached while counting die with each document.
            return [func((_fresh(d) for d in documents), *args)]
        return _map_chunk_pool(documents, lengths, func, args, n_workers)


def _chunk_word_count_example(documents) -> int:
    return sum(len(d.text.split()) for d in documents)


def _chunks(lengths: list[int], n_workers: int) -> list[tuple[int, int]]:
    """Contiguous chunks of documents: several per worker, none much above MAX_CHUNK_CHARS."""
    n_chunks = max(n_workers * CHUNKS_PER_WORKER, -(-sum(lengths) // MAX_CHUNK_CHARS))
    return chunk_bounds(lengths, n_chunks)


def _map_chunk_pool(documents, lengths, func, args, n_workers: int) -> list:
    global _FORKED_WORK
    bounds = _chunks(lengths, n_workers)
    if "fork" in multiprocessing.get_all_start_methods():
        _FORKED_WORK = (documents, func, args)
        bar = _progress_bar(len(documents), _PROGRESS_BY_DEFAULT)
        try:
            with ended(forked_pool(n_workers), wait_on_error=False) as pool:
                chunks = _all_queued(pool, _run_forked_whole_chunk, bounds)
                results = []
                for (start, stop), result in zip(bounds, chunks, strict=True):
                    results.append(result)
                    _advance(bar, stop - start)
                return results
        finally:
            _FORKED_WORK = None
            if bar is not None:
                bar.close()
    payloads = [(func, args, _shipment(documents, a, b)) for a, b in bounds]
    with ended(multiprocessing.get_context("spawn").Pool(n_workers), wait_on_error=False) as pool:
        return list(_all_queued(pool, _run_shipped_whole_chunk, payloads))


def _all_queued(pool, func: Callable, tasks: list) -> Iterator[Any]:
    """``pool.imap(func, tasks)`` with the pool closed at once: every task is queued, so
    the workers exit as they run out of work while the caller reads the last results,
    and the join at the end (:func:`corpus._parallel.ended`) finds them gone."""
    results = pool.imap(func, tasks)
    pool.close()
    return results


def _run_forked_whole_chunk(bounds: tuple[int, int]) -> Any:
    documents, func, args = _FORKED_WORK  # type: ignore[misc]
    start, stop = bounds
    return func((_fresh(doc) for doc in documents[start:stop]), *args)


def _run_shipped_whole_chunk(payload: tuple) -> Any:
    func, args, shipment = payload
    return func(_received(shipment), *args)


def _run_whole_partition(records: Sequence[tuple], func: Callable, args: tuple) -> list:
    return [func(map(_unship, records), *args)]


def _map_dask_chunks(documents, func, args, n_workers: int) -> list:
    return _map_dask(documents, func, args, n_workers, per_partition=_run_whole_partition)


def _word_count_example(doc: Document) -> int:
    return len(doc.text.split())


def _fresh(doc: Document) -> Document:
    """A shallow copy whose newly cached spans die with it (spans cached so far are kept)."""
    copy = object.__new__(type(doc))
    copy.__dict__.update(doc.__dict__)
    return copy


# Spans worth keeping on the parent's Documents: small, and needed by every stage.
_KEPT_SPANS = ("sentences", "quotes")


def _run_fresh(doc: Document, func: Callable, args: tuple) -> tuple[Any, tuple | None]:
    """``func`` on a fresh copy of ``doc``, with the small spans it computed, packed."""
    copy = _fresh(doc)
    result = func(copy, *args)
    return result, _packed_new_spans(doc.__dict__, copy.__dict__)


def _packed_new_spans(before: dict, after: dict) -> tuple | None:
    """Sentences and quotes found in ``after`` but not in ``before``, as plain data."""
    if "sentences" in before and "quotes" in before:
        return None
    sentences = after.get("sentences") if "sentences" not in before else None
    quotes = after.get("quotes") if "quotes" not in before else None
    if sentences is None and quotes is None:
        return None
    if sentences is not None and type(sentences) is not PackedSpans:  # (see PackedSpans.__eq__)
        sentences = PackedSpans(sentences)
    if quotes is not None:
        quotes = quote_rows(quotes)
    return sentences, quotes


def _keep(doc: Document, kept: tuple | None) -> None:
    """Store spans a worker computed on the parent's Document (as its cached values)."""
    if kept is None:
        return
    sentences, quotes = kept
    state = doc.__dict__  # where cached_property keeps its values
    if sentences is not None and "sentences" not in state:
        state["sentences"] = sentences
    if quotes is not None and "quotes" not in state:
        state["quotes"] = quotes_from_rows(doc.text, quotes)


def _map_pool(documents, lengths, func, args, n_workers, progress: bool, combine=None) -> list:
    global _FORKED_WORK
    bounds = _chunks(lengths, n_workers)
    methods = multiprocessing.get_all_start_methods()
    bar = _progress_bar(len(documents), progress)
    results: list = []
    if "fork" in methods:
        _FORKED_WORK = (documents, func, args, combine)
        try:
            with ended(forked_pool(n_workers), wait_on_error=False) as pool:
                chunks = _all_queued(pool, _run_forked_chunk, bounds)
                for (start, stop), (part, kept_spans) in zip(bounds, chunks, strict=True):
                    for offset, kept in enumerate(kept_spans):
                        if kept is not None:  # (indexing a streamed corpus reads from disk)
                            _keep(documents[start + offset], kept)
                    if combine is None:
                        results.extend(part)
                    else:
                        results.append(part)
                    _advance(bar, stop - start)
        finally:
            _FORKED_WORK = None
    else:
        context = multiprocessing.get_context("spawn")
        payloads = [(func, args, combine, _shipment(documents, a, b)) for a, b in bounds]
        with ended(context.Pool(n_workers), wait_on_error=False) as pool:
            chunks = _all_queued(pool, _run_shipped_chunk, payloads)
            for (start, stop), part in zip(bounds, chunks, strict=True):
                if combine is None:
                    results.extend(part)
                else:
                    results.append(part)
                _advance(bar, stop - start)
    if bar is not None:
        bar.close()
    return results


def _run_forked_chunk(bounds: tuple[int, int]) -> tuple[Any, list]:
    """A chunk's results (combined, when asked) and the spans to keep of each document."""
    documents, func, args, combine = _FORKED_WORK  # type: ignore[misc]
    start, stop = bounds
    results, kept = [], []
    for doc in documents[start:stop]:  # (a streamed slice is read block by block)
        result, spans = _run_fresh(doc, func, args)
        results.append(result)
        kept.append(spans)
    return (results if combine is None else combine(results)), kept


def _ship(documents: Sequence[Document]) -> list[tuple]:
    """Documents as plain tuples (a Document's read-only meta does not pickle)."""
    return [(d.doc_id, d.text, dict(d.meta), d.raw_sha256, d.aliases) for d in documents]


def _unship(record: tuple) -> Document:
    doc_id, text, meta, raw_sha256, aliases = record
    return Document(doc_id, text, meta, raw_sha256, aliases)


def _shipment(documents: Sequence[Document], start: int, stop: int):
    """What a spawned worker needs for documents ``start:stop``: those of a streamed
    corpus stay on disk (the worker reads them from the cache file), others travel as
    plain tuples."""
    part = documents[start:stop]
    return part if isinstance(part, StreamedDocuments) else _ship(part)


def _received(shipment) -> Iterable[Document]:
    if isinstance(shipment, StreamedDocuments):
        return iter(shipment)
    return map(_unship, shipment)


def _run_shipped_chunk(payload: tuple) -> Any:
    func, args, combine, shipment = payload
    results = [func(doc, *args) for doc in _received(shipment)]
    return results if combine is None else combine(results)


def _run_partition(records: Sequence[tuple], func: Callable, args: tuple, combine=None) -> list:
    results = [func(_unship(record), *args) for record in records]
    return results if combine is None else [combine(results)]


def _map_dask(documents, func, args, n_workers: int, *, per_partition=None, combine=None) -> list:
    """Map over the partitions of a dask.bag: each document (``_run_partition``, its
    results combined per partition when ``combine`` is given) or each partition as one
    chunk (``_run_whole_partition``)."""
    try:
        import dask
        import dask.bag as db
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError('engine="dask" needs Dask: pip install "dask[bag,distributed]"') from exc
    client = _active_dask_client()
    n_partitions = max(1, min(len(documents), _dask_parallelism(client, n_workers) * 4))
    bag = db.from_sequence(_ship(documents), npartitions=n_partitions)
    if per_partition is None:
        mapped = bag.map_partitions(_run_partition, func, args, combine)
    else:
        mapped = bag.map_partitions(per_partition, func, args)
    if client is not None:
        return list(client.compute(mapped, sync=True))
    # Dask's process scheduler spawns fresh interpreters by default, which re-run a
    # script that has no `if __name__ == "__main__":` guard; forking (as the local
    # engine does) needs no guard where the platform can fork.
    # Only on Linux (macOS can fork, but CPython calls it unsafe there), and not over a
    # context the user chose.
    if (
        sys.platform.startswith("linux")
        and dask.config.get("multiprocessing.context", None) is None
    ):
        with dask.config.set({"multiprocessing.context": "fork"}):
            return list(mapped.compute(scheduler="processes", num_workers=n_workers))
    return list(mapped.compute(scheduler="processes", num_workers=n_workers))


def _active_dask_client():
    try:
        from distributed import get_client
    except ImportError:
        return None
    try:
        return get_client()
    except ValueError:  # no client in this session
        return None


def _dask_parallelism(client, n_workers: int) -> int:
    if client is None:
        return n_workers
    threads = sum(client.nthreads().values())
    return max(threads, 1)


def _with_progress(documents: Sequence[Document], progress: bool) -> Iterator[Document]:
    bar = _progress_bar(len(documents), progress)
    if bar is None:
        yield from documents
        return
    try:
        for doc in documents:
            yield doc
            bar.update(1)
    finally:
        bar.close()


def _progress_bar(total: int, progress: bool):
    if not progress or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, desc="documents", unit="doc", file=sys.stderr, leave=False)


def _advance(bar, n: int) -> None:
    if bar is not None:
        bar.update(n)
