"""Corpus summary: documents, sentences, tokens, types, sentence length, readability.

Words, types and syllables come from the corpus's shared word-count table
(:mod:`analysis._wordcounts`); sentences and tokens are counted once per Corpus and kept
on it (two numbers a document), so a second summary, by another docvar or after a
frequency list, tokenizes nothing.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from corpus import Corpus, Document, tokenize

from ._input import as_corpus, group_labels, group_order
from ._terms import fold_vocabulary
from ._wordcounts import WordCounts, block_entries, document_blocks, word_counts
from .engine import map_documents
from .provenance import attach
from .readability import (
    READABILITY_VERSION,
    corpus_readability_counts,
    flesch_reading_ease,
    sentences_with_words,
)

SUMMARY_COLUMNS = [
    "group",
    "documents",
    "sentences",
    "tokens",
    "words",
    "types",
    "mean_sentence_length",
    "flesch_reading_ease",
]
# Where each document's (sentences with words, tokens) are kept on a Corpus.
_SIZES_KEY = "_communique_document_sizes"


def stat_summary(
    c: Corpus | str,
    *,
    by: str | None = None,
    progress: bool = False,
    workers: int | None = None,
) -> pd.DataFrame:
    """Size and readability of a corpus, overall (``group == "all"``) or per group.

    Parameters:
        c: a Corpus or a text.
        by: a docvar to group by; the overall row comes first, then one row per group.
        progress: show a progress bar on stderr.
        workers: processes to use (None: all available cores; 1: this process).

    Returns:
        Columns ``group, documents, sentences`` (those with at least one word: "..." or
        "(...)" alone is a sentence of ``Document.sentences`` but none here, nor in the
        sentence lengths and readability), ``tokens`` (incl. punctuation), ``words``,
        ``types`` (distinct lower-cased words), ``mean_sentence_length`` (words per
        sentence), ``flesch_reading_ease`` (of the group's counts pooled, a long speech
        weighing more; :func:`analysis.stat_readability` with ``by`` gives the mean of
        per-document scores too, as :func:`analysis.compare` estimates it).

    Example:
        >>> stat_summary("We must act. Peace may come.")[["sentences", "words", "types"]].values.tolist()
        [[2, 6, 6]]
    """
    c = as_corpus(c)
    labels = group_labels(c, by)
    sizes = document_sizes(c, progress=progress, workers=workers)
    readability = corpus_readability_counts(c, workers=workers, sentences=sizes[:, 0])
    table = word_counts(c, workers=workers)
    per_document = pd.DataFrame(
        {
            "documents": 1,
            "sentences": sizes[:, 0],
            "tokens": sizes[:, 1],
            "words": table.words,
            "syllables": readability["syllables"].to_numpy(),
            # Readability counts only words with syllables (not numbers), as stat_readability
            "syllabic_words": readability["words"].to_numpy(),
        }
    )
    doc_labels = [str(label) for label in labels.reindex(c.doc_ids)]
    totals = {"all": per_document.sum()}
    types = {"all": _types_per_group(table, np.zeros(len(c), dtype=np.int64), 1)[0]}
    if by is not None:
        codes, names = pd.factorize(pd.Series(doc_labels, dtype=object))
        sums = per_document.groupby(codes).sum()
        group_types = _types_per_group(table, codes.astype(np.int64), len(names))
        for code, name in enumerate(names):
            totals[str(name)] = sums.loc[code]
            types[str(name)] = group_types[code]
    rows = []
    for key in ["all", *group_order(k for k in totals if k != "all")]:
        agg = totals[key]
        sentences = max(int(agg["sentences"]), 1)
        rows.append(
            {
                "group": key,
                "documents": int(agg["documents"]),
                "sentences": int(agg["sentences"]),
                "tokens": int(agg["tokens"]),
                "words": int(agg["words"]),
                "types": int(types[key]),
                "mean_sentence_length": int(agg["words"]) / sentences,
                "flesch_reading_ease": flesch_reading_ease(
                    int(agg["syllabic_words"]), sentences, int(agg["syllables"])
                ),
            }
        )
    if not len(c):
        rows = []
    table = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    # Its Flesch score depends on the syllable counter: the readability version is named.
    return attach(table, "stat_summary", {"by": by}, c, {"readability": READABILITY_VERSION})


def document_sizes(c: Corpus, *, progress: bool = False, workers: int | None = None) -> np.ndarray:
    """Each document's sentences (with words) and tokens, one row a document, counted
    on first use and kept on the Corpus (as its word counts are)."""
    cached = c.__dict__.get(_SIZES_KEY)
    if cached is not None:
        return cached
    pairs = map_documents(c, document_size_counts, workers=workers, progress=progress)
    sizes = np.array(pairs, dtype=np.int64).reshape(len(c), 2)
    c.__dict__[_SIZES_KEY] = sizes
    return sizes


def document_size_counts(doc: Document) -> tuple[int, int]:
    """Sentences with words and tokens (punctuation included) of one document; the
    tokens are not kept on the document (module level, for worker processes)."""
    tokens = doc.__dict__.get("tokens") or tokenize(doc.text)
    return sentences_with_words(doc), len(tokens)


# Word-count table entries handled at a time.
_BLOCK_ENTRIES = 1 << 20


def _types_per_group(table: WordCounts, doc_codes: np.ndarray, n_groups: int) -> np.ndarray:
    """Distinct lower-cased words of each group's documents, from the word-count table."""
    term_of_type, terms = fold_vocabulary(table.vocab, "lower", {}, frozenset())
    n_terms = max(len(terms), 1)
    keys = []
    for first, last in document_blocks(table.offsets, _BLOCK_ENTRIES):
        entry_docs, entry_terms, _ = block_entries(table, first, last, term_of_type)
        keys.append(np.unique(doc_codes[entry_docs] * n_terms + entry_terms))
    group_terms = np.unique(np.concatenate(keys)) if keys else np.zeros(0, dtype=np.int64)
    return np.bincount(group_terms // n_terms, minlength=n_groups)
