"""Quoted spans as a table: the reporter's voice versus the voices it quotes."""

from __future__ import annotations

import pandas as pd

from corpus import Corpus, Document
from corpus.segment import word_spans

from ._input import as_corpus
from ._tables import RowsTable
from .engine import map_documents
from .provenance import attach

QUOTE_COLUMNS = ["doc_id", "sent_id", "start", "end", "match", "text", "kind", "speaker", "words"]
_QUOTE_TABLE = RowsTable(tuple(QUOTE_COLUMNS))


def find_quotes(
    c_or_text: Corpus | Document | str | list[str], *, workers: int | None = None
) -> pd.DataFrame:
    """One row per quoted span.

    Parameters:
        c_or_text: a Corpus, a Document or a text.
        workers: processes to use (None: all available cores; 1: this process).

    Returns:
        Columns ``doc_id, sent_id`` (sentence of the opening mark), ``start, end``
        (offsets including the quote marks), ``match`` (the quote as printed,
        ``doc.text[start:end]``, marks included), ``text`` (inside the marks), ``kind`` (``direct`` for a quoted
        statement, ``fragment`` for a quoted word or phrase or scare quotes),
        ``speaker`` (canonical name where the text attributes the quote, else ""),
        ``words`` (words inside the quote).

    Example:
        >>> t = "Lavrov said the “peacekeepers” were occupiers. “Peace cannot be built on lies,” he said."
        >>> find_quotes(t)[["text", "kind", "speaker"]].values.tolist()
        [['peacekeepers', 'fragment', 'Lavrov'], ['Peace cannot be built on lies,', 'direct', 'Lavrov']]
    """
    c = as_corpus(c_or_text)
    parts = map_documents(c, document_quotes, workers=workers, combine=_QUOTE_TABLE)
    table = _QUOTE_TABLE.concat(parts)
    return attach(table, "find_quotes", {}, c)


def document_quotes(doc: Document) -> list[tuple]:
    """The quote rows of one document (a module-level function, for worker processes)."""
    if "\u201c" not in doc.text and "\u2018" not in doc.text:
        return []  # no opening quote mark: skip sentence splitting altogether
    rows = []
    for q in doc.quotes:
        words = len(word_spans(q.text))  # the word tokens, without the punctuation
        printed = doc.text[q.start : q.end]
        sent_id = doc.sentence_id(q.start)
        rows.append(
            (doc.doc_id, sent_id, q.start, q.end, printed, q.text, q.kind, q.speaker, words)
        )
    return rows
