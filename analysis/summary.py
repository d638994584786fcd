"""Corpus summary: documents, sentences, tokens, types, sentence length, readability."""

from __future__ import annotations

import pandas as pd

from corpus import Corpus, Document

from ._input import as_corpus, group_labels, group_order
from .engine import map_documents
from .provenance import attach
from .readability import document_counts, flesch_reading_ease, sentences_with_words

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
        Columns ``group, documents, sentences, tokens`` (incl. punctuation), ``words``,
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
    per_document = map_documents(c, document_summary, workers=workers, progress=progress)
    totals: dict[str, dict] = {}
    vocab: dict[str, set] = {}
    for doc_id, counts, types in per_document:
        keys = ["all"] if by is None else ["all", str(labels[doc_id])]
        for key in keys:
            agg = totals.setdefault(key, dict.fromkeys(counts, 0))
            for name, value in counts.items():
                agg[name] += value
            vocab.setdefault(key, set()).update(types)
    rows = []
    for key in ["all", *group_order(k for k in totals if k != "all")]:
        if key not in totals:
            continue
        agg = totals[key]
        sentences = max(agg["sentences"], 1)
        rows.append(
            {
                "group": key,
                "documents": agg["documents"],
                "sentences": agg["sentences"],
                "tokens": agg["tokens"],
                "words": agg["words"],
                "types": len(vocab[key]),
                "mean_sentence_length": agg["words"] / sentences,
                "flesch_reading_ease": flesch_reading_ease(
                    agg["syllabic_words"], sentences, agg["syllables"]
                ),
            }
        )
    table = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    return attach(table, "stat_summary", {"by": by}, c)


def document_summary(doc: Document) -> tuple[str, dict[str, int], set[str]]:
    """Counts and word types of one document (module level, for worker processes)."""
    text = doc.text
    words = doc.words
    n_sentences = sentences_with_words(doc)
    counts = document_counts(text, words, n_sentences)
    return (
        doc.doc_id,
        {
            "documents": 1,
            "sentences": n_sentences,
            "tokens": len(doc.tokens),
            "words": len(words),
            "syllables": counts["syllables"],
            # Readability counts only words with syllables (not numbers), as stat_readability
            "syllabic_words": counts["words"],
        },
        {text[s:e].lower() for s, e in words},
    )
