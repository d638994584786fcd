"""Quoted spans as a table: the reporter's voice versus the voices it quotes."""

from __future__ import annotations

import pandas as pd

from corpus import Corpus

from ._input import as_corpus
from .provenance import attach

QUOTE_COLUMNS = ["doc_id", "sent_id", "start", "end", "text", "kind", "speaker", "words"]


def find_quotes(c_or_text: Corpus | str) -> pd.DataFrame:
    """One row per quoted span.

    Parameters:
        c_or_text: a Corpus, a Document or a text.

    Returns:
        Columns ``doc_id, sent_id`` (sentence of the opening mark), ``start, end``
        (offsets including the quote marks, so ``text[start:end]`` is the quote as
        printed), ``text`` (inside the marks), ``kind`` (``direct`` for a quoted
        statement, ``fragment`` for a quoted word or phrase or scare quotes),
        ``speaker`` (canonical name where the text attributes the quote, else ""),
        ``words``.

    Example:
        >>> t = "Lavrov said the “peacekeepers” were occupiers. “Peace cannot be built on lies,” he said."
        >>> find_quotes(t)[["text", "kind", "speaker"]].values.tolist()
        [['peacekeepers', 'fragment', 'Lavrov'], ['Peace cannot be built on lies,', 'direct', 'Lavrov']]
    """
    c = as_corpus(c_or_text)
    rows = []
    for doc in c:
        for q in doc.quotes:
            rows.append(
                {
                    "doc_id": doc.doc_id,
                    "sent_id": doc.sentence_id(q.start),
                    "start": q.start,
                    "end": q.end,
                    "text": q.text,
                    "kind": q.kind,
                    "speaker": q.speaker,
                    "words": sum(1 for s, _ in doc.words if q.start < s < q.end),
                }
            )
    table = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return attach(table, "find_quotes", {}, c)
