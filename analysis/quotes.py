"""Quoted spans as a table: the reporter's voice versus the voices it quotes."""

from __future__ import annotations

import pandas as pd

from corpus import Corpus, Document
from corpus.segment import word_spans

from ._input import as_corpus, group_labels
from ._tables import RowsTable
from .engine import map_documents
from .provenance import attach
from .rates import check_min_words, group_rates

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


QUOTING_MEASURES = ("quotes", "attributed", "fragments", "quoted_words")


def stat_quoting(
    c: Corpus | str | list[str],
    *,
    by: str | None = None,
    min_words: int = 1,
    workers: int | None = None,
) -> pd.DataFrame:
    """How much each group quotes, per 1,000 words, with 95% intervals over documents.

    Measures (counted as :func:`find_quotes` finds quotes): ``quotes``, quoted
    statements (kind ``direct``); ``attributed``, those of them with a speaker;
    ``fragments``, quoted words or phrases and scare quotes; ``quoted_words``, the words
    inside every quote (per 1,000 words: 50 means 5% of the words are quoted). A
    group's ``rate`` is the mean of its documents' rates, as in :func:`stat_hedging`;
    the share of statements with a speaker is ``count`` of ``attributed`` over
    ``count`` of ``quotes``.

    Parameters:
        c: the corpus (or text).
        by: a docvar, ``"doc_id"`` (one row per document), or None (group ``"all"``).
        min_words: a document gets a rate only with at least this many words.
        workers: processes to use (None: all available cores; 1: this process).

    Returns:
        Columns ``group, measure, documents, count, words, rate, rate_low, rate_high,
        pooled_rate`` (see :func:`analysis.group_rates`); ``words`` are all the words
        of the group's documents.

    Example:
        >>> t = stat_quoting("“We will not yield,” Elena Marsh said. It was a “red line”.")
        >>> t[["measure", "count", "words"]].values.tolist()
        [['quotes', 1, 12], ['attributed', 1, 12], ['fragments', 1, 12], ['quoted_words', 6, 12]]
    """
    min_words = check_min_words(min_words)
    c = as_corpus(c)
    labels = group_labels(c, by)
    counts = map_documents(c, quoting_in_document, workers=workers)
    per_doc = pd.DataFrame(
        counts,
        columns=["words", *QUOTING_MEASURES],
        index=pd.Index(c.doc_ids, name="doc_id"),
    )
    table = group_rates(per_doc, labels, list(QUOTING_MEASURES), min_words=min_words)
    return attach(table, "stat_quoting", {"by": by, "min_words": min_words}, c)


def quoting_in_document(doc: Document) -> tuple[int, int, int, int, int]:
    """``(words, quotes, attributed, fragments, quoted_words)`` of one document."""
    words = len(doc.words)
    if "\u201c" not in doc.text and "\u2018" not in doc.text:
        return words, 0, 0, 0, 0  # no opening quote mark: no sentences to split
    quotes = attributed = fragments = quoted_words = 0
    for q in doc.quotes:
        if q.kind == "direct":
            quotes += 1
            attributed += bool(q.speaker)
        else:
            fragments += 1
        quoted_words += len(word_spans(q.text))
    return words, quotes, attributed, fragments, quoted_words
