"""A small process pool for per-file reading work, results kept in input order.

``corpus`` cannot use :mod:`analysis.engine` (the foundation never imports the
analyses), and reading needs less: a module-level function over a list of small,
picklable items (file paths), in contiguous chunks of about equal size so workers
finish together. Results come back in the items' order, so whatever the number of
workers the caller sees exactly the serial sequence.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")

# Chunks per worker: enough to balance long and short files, few enough that the cost
# of each task (pickling a path list and a result list) stays negligible.
CHUNKS_PER_WORKER = 8
# Chunks each worker may compute before the caller takes the oldest result.
CHUNKS_AHEAD = 2


def available_workers() -> int:
    """CPU cores this process may run on, or fewer when a Slurm job was given fewer
    (``$SLURM_CPUS_PER_TASK``: a cluster that does not pin a job to its cores would
    otherwise have every job start a process per core of the node)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        cores = os.cpu_count() or 1
    granted = os.environ.get("SLURM_CPUS_PER_TASK", "")
    if granted.isdigit() and int(granted) >= 1:
        return min(cores, int(granted))
    return cores


def resolve_workers(workers: int | None) -> int:
    """``workers=`` as a number of processes: None means all available cores."""
    if workers is None:
        return available_workers()
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers={workers!r} is not valid; give a positive integer or None")
    return workers


def chunk_bounds(weights: Sequence[int], n_chunks: int) -> list[tuple[int, int]]:
    """Contiguous ``(start, stop)`` index ranges of about equal total weight.

    Example:
        >>> chunk_bounds([5, 5, 5, 5], 2)
        [(0, 2), (2, 4)]
    """
    n_chunks = max(1, min(n_chunks, len(weights)))
    target = sum(weights) / n_chunks
    bounds: list[tuple[int, int]] = []
    start = running = 0
    for i, weight in enumerate(weights):
        running += weight
        if running >= target * (len(bounds) + 1) and i + 1 < len(weights):
            bounds.append((start, i + 1))
            start = i + 1
    bounds.append((start, len(weights)))
    return [b for b in bounds if b[0] < b[1]]


def split_heavy_chunks(
    bounds: list[tuple[int, int]], weights: Sequence[int], cap: int
) -> list[tuple[int, int]]:
    """``bounds`` with every chunk heavier than ``cap`` cut, greedily, into consecutive
    chunks of at most ``cap`` (an item heavier than ``cap`` alone).

    Example:
        >>> split_heavy_chunks([(0, 4)], [3, 3, 5, 1], 6)
        [(0, 2), (2, 4)]
    """
    out: list[tuple[int, int]] = []
    for first, stop in bounds:
        start, running = first, 0
        for i in range(first, stop):
            if i > start and running + weights[i] > cap:
                out.append((start, i))
                start, running = i, 0
            running += weights[i]
        out.append((start, stop))
    return out


def map_in_order(
    func: Callable[..., T],
    items: Sequence[Any],
    *args: Any,
    workers: int,
    weights: Sequence[int] | None = None,
    max_chunk_weight: int | None = None,
) -> Iterator[list[T]]:
    """``func(item, *args)`` for every item, yielded chunk by chunk in item order.

    Parameters:
        func: a module-level function (it is sent to worker processes by reference).
        items, args: picklable inputs.
        workers: processes to start (at least 2; the caller decides when to stay serial).
        weights: the expected cost of each item (e.g. file sizes) for balancing chunks.
        max_chunk_weight: the most weight one chunk carries (an item heavier than that
            is a chunk of its own), so a chunk's results take bounded memory however
            large the input.

    Yields:
        Lists of results, one list per chunk, consecutive and in order: concatenated,
        they are ``[func(item, *args) for item in items]``. At most
        :data:`CHUNKS_AHEAD` chunks per worker are computed ahead of the one the
        caller takes, so results wait in memory only that long.
    """
    weights = weights if weights is not None else [1] * len(items)
    if len(weights) != len(items):
        raise ValueError(f"weights has {len(weights)} values for {len(items)} items")
    if max_chunk_weight is not None and (
        isinstance(max_chunk_weight, bool)
        or not isinstance(max_chunk_weight, int)
        or max_chunk_weight < 1
    ):
        raise ValueError(
            f"max_chunk_weight={max_chunk_weight!r} is not valid; give a positive integer or None"
        )
    if not items:
        return
    bounds = chunk_bounds(weights, workers * CHUNKS_PER_WORKER)
    if max_chunk_weight is not None:
        bounds = split_heavy_chunks(bounds, weights, max_chunk_weight)
    tasks = [(func, items[a:b], args) for a, b in bounds]
    if "fork" in multiprocessing.get_all_start_methods():
        pool = forked_pool(workers)
    else:
        pool = multiprocessing.get_context("spawn").Pool(workers)
    with ended(pool, wait_on_error=True):
        # Submitted as the caller takes results (Pool.imap would run every task at
        # once and keep all results that the caller has not taken yet).
        running: deque = deque()
        for task in tasks:
            running.append(pool.apply_async(_run_chunk, (task,)))
            if len(running) > workers * CHUNKS_AHEAD:
                yield running.popleft().get()
        while running:
            yield running.popleft().get()


def forked_pool(workers: int):
    """A pool of ``workers`` forked processes that leave the parent's objects to it.

    Everything a forked worker inherits lives as long as the worker: ``gc.freeze`` at
    its start keeps its garbage collector from walking those objects again at every
    full collection (and from writing to their headers, which copies the memory pages
    it shares with the parent). On 9.5M words of speeches the workers spent 4-5% less
    time over the whole analysis.
    """
    return multiprocessing.get_context("fork").Pool(workers, initializer=gc.freeze)


@contextmanager
def ended(pool, *, wait_on_error: bool) -> Iterator[Any]:
    """``pool`` for a block, closed and joined when the block ends, so that its workers
    finish what they hold and exit on their own.

    A pool's own exit, ``terminate()``, can hang when it races its workers' exit
    (CPython issues 96995 and 78178); one run of the test suite hung there, its two
    workers gone and the parent waiting on a lock. ``terminate()`` is kept for an
    interrupt, and for an error where the tasks in flight could take long
    (``wait_on_error=False``: every chunk of a pass is queued at once).
    """
    try:
        yield pool
    except (Exception, GeneratorExit):  # an error, or a generator closed early
        if not wait_on_error:
            pool.terminate()
            raise
        pool.close()
        pool.join()
        raise
    except BaseException:  # KeyboardInterrupt, SystemExit: stop now
        pool.terminate()
        raise
    pool.close()
    pool.join()


def _run_chunk(task: tuple) -> list:
    func, items, args = task
    return [func(item, *args) for item in items]
