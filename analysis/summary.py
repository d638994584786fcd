"""Corpus summary: documents, sentences, tokens, types, sentence length, readability."""

from __future__ import annotations

import pandas as pd

from corpus import Corpus

from ._input import as_corpus, group_labels
from .provenance import attach
from .readability import document_counts, flesch_reading_ease

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


def stat_summary(c: Corpus | str, *, by: str | None = None, progress: bool = False) -> pd.DataFrame:
    """Size and readability of a corpus, overall (``group == "all"``) or per group.

    Parameters:
        c: a Corpus or a text.
        by: a docvar to group by; the overall row comes first, then one row per group.
        progress: show a progress bar on stderr.

    Returns:
        Columns ``group, documents, sentences, tokens`` (incl. punctuation), ``words``,
        ``types`` (distinct lower-cased words), ``mean_sentence_length`` (words per
        sentence), ``flesch_reading_ease``.

    Example:
        >>> stat_summary("We must act. Peace may come.")[["sentences", "words", "types"]].values.tolist()
        [[2, 6, 6]]
    """
    c = as_corpus(c)
    labels = group_labels(c, by)
    totals: dict[str, dict] = {}
    vocab: dict[str, set] = {}
    documents = c
    if progress:
        import sys

        from tqdm import tqdm

        documents = tqdm(c, total=len(c), desc="stats", unit="doc", file=sys.stderr, leave=False)
    for doc in documents:
        text = doc.text
        words = doc.words
        counts = document_counts(text, words, len(doc.sentences))
        types = {text[s:e].lower() for s, e in words}
        keys = ["all"] if by is None else ["all", str(labels[doc.doc_id])]
        for key in keys:
            agg = totals.setdefault(
                key, dict.fromkeys(("documents", "sentences", "tokens", "words", "syllables"), 0)
            )
            agg["documents"] += 1
            agg["sentences"] += len(doc.sentences)
            agg["tokens"] += len(doc.tokens)
            agg["words"] += len(words)
            agg["syllables"] += counts["syllables"]
            vocab.setdefault(key, set()).update(types)
    rows = []
    for key in ["all", *sorted(k for k in totals if k != "all")]:
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
                    agg["words"], sentences, agg["syllables"]
                ),
            }
        )
    table = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    return attach(table, "stat_summary", {"by": by}, c)
