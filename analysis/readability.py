"""Readability from per-word-type syllable counts.

The published formulas (Flesch 1948, Kincaid et al. 1975, Gunning 1952), computed from
counts: syllables are counted once per word type (cached), not once per token, which
keeps whole archives fast. Syllables come from the project's own English spelling rules
(:mod:`analysis._syllables`: vowel groups, silent endings, vowels that stay apart,
suffixes and compounds, a short exception table), offline and without pronunciation
data. Against the CMU Pronouncing Dictionary they give the same count for 94% of a
held-out fifth of its words and 99.7% of the running words of UN speeches of the 1980s
(textstat 0.7.4's pyphen counter, used up to readability/1: 61% and 90%; it counted
hyphenation points, so "Africa", "many" and "area" were one syllable, and Flesch came
out 7-12 points too high on UN speeches). benchmarks/accuracy_syllables.py measures this.
Newer textstat releases look syllables up in CMUdict through NLTK data, which cannot be
assumed offline.

The scores are the textbook ones, not textstat's functions: textstat rounds syllables
per word, drops sentences of two words or fewer from Flesch, and counts Gunning fog's
hard words as distinct words of three or more syllables outside the Dale-Chall easy
list, and it counts syllables differently. Compare scores from one tool only.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from functools import lru_cache
from itertools import chain

import numpy as np
import pandas as pd

from corpus import Corpus, Document
from corpus._parallel import map_in_order, resolve_workers
from corpus.segment import count_sentences_with_words

from ._input import as_corpus, check_by, group_labels, in_group_order
from ._syllables import syllable_count
from ._wordcounts import WordCounts, document_blocks, word_counts
from .engine import map_documents
from .provenance import attach

READABILITY_VERSION = "communique-readability/2"


@lru_cache(maxsize=200_000)
def syllables(word: str) -> int:
    """Syllables in one word (lower-cased) by the project's English spelling rules
    (:mod:`analysis._syllables`); 0 for a word without letters."""
    return syllable_count(word)


def document_counts(text: str, words: list[tuple[int, int]], n_sentences: int) -> dict[str, int]:
    """Words, sentences, syllables and polysyllabic words of one document.

    Syllables are looked up once per distinct word of the document (and cached across
    documents), not once per running word.
    """
    return _counts_from_types(Counter(text[s:e].lower() for s, e in words), n_sentences)


def _counts_from_types(types: Counter, n_sentences: int) -> dict[str, int]:
    """Readability counts from lower-cased word types and their frequencies."""
    n_syllables = 0
    polysyllables = 0
    n_words = 0
    for word, n in types.items():
        count = syllables(word)
        if count == 0:
            continue
        n_words += n
        n_syllables += count * n
        if count >= 3:
            polysyllables += n
    return {
        "words": n_words,
        "sentences": n_sentences,
        "syllables": n_syllables,
        "polysyllables": polysyllables,
    }


def sentences_with_words(doc: Document) -> int:
    """Sentences that hold at least one word: a line of "!!!" is not a sentence to read."""
    return count_sentences_with_words(doc.text, doc.sentences)


def corpus_readability_counts(
    c: Corpus, *, workers: int | None = None, sentences=None
) -> pd.DataFrame:
    """Words, sentences, syllables and polysyllables of every document, in corpus order.

    Words come from the corpus's word-count table (shared with frequency lists and
    keyness), so syllables are looked up once per spelling of the corpus, and the
    per-document sums are array operations. Sentences are counted document by document
    (in parallel; the sentences stay on the corpus for later calls); a large new
    vocabulary's syllables are counted in worker processes too. ``sentences``: each
    document's :func:`sentences_with_words`, when the caller has counted them.
    """
    if sentences is None:
        sentences = _sentence_counts(c, workers)
    table = word_counts(c, workers=workers)
    _count_new_spellings(table.vocab, workers)
    per_type = np.fromiter(map(_SYLLABLES.__getitem__, table.vocab), np.int32, len(table.vocab))
    words, syllables_, polysyllables = _per_document_sums(table, per_type)
    return pd.DataFrame(
        {
            "doc_id": c.doc_ids,
            "words": words,
            "sentences": np.array(sentences, dtype=np.int64),
            "syllables": syllables_,
            "polysyllables": polysyllables,
        }
    )


def _sentence_counts(c: Corpus, workers: int | None) -> list[int]:
    if not c.streamed and all("sentences" in doc.__dict__ for doc in c):
        # Segmented already (by an earlier measure): counting is quicker than a pool.
        # (A streamed corpus would be read from disk twice: its workers count.)
        return [sentences_with_words(doc) for doc in c]
    return map_documents(c, sentences_with_words, workers=workers)


# Table entries summed at a time: the arrays over entries stay a few MB each, where a
# whole archive's 7 million entries made each 55 MB.
_BLOCK_ENTRIES = 1 << 20


def _per_document_sums(table: WordCounts, per_type: np.ndarray) -> np.ndarray:
    """Words with syllables, syllables and polysyllabic words of every document (rows
    of the result), from the syllables of each spelling (``per_type``)."""
    sums = np.zeros((3, len(table.offsets) - 1), dtype=np.int64)
    for first, last in document_blocks(table.offsets, _BLOCK_ENTRIES):
        lo, hi = table.offsets[first], table.offsets[last]
        entry_syllables = per_type[table.type_ids[lo:hi]]
        counts64 = table.counts[lo:hi].astype(np.int64)  # products and sums in 64 bits
        offsets = table.offsets[first : last + 1] - lo
        measures = (entry_syllables > 0, entry_syllables, entry_syllables >= 3)
        for row, values in enumerate(measures):
            sums[row, first:last] = _sum_per_document(counts64 * values, offsets)
    return sums


def _sum_per_document(values: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Sums of ``values[offsets[i]:offsets[i + 1]]`` for each document i (0 when empty)."""
    sums = np.zeros(len(offsets) - 1, dtype=np.int64)
    filled = np.flatnonzero(offsets[1:] > offsets[:-1])
    if len(filled):
        sums[filled] = np.add.reduceat(values, offsets[filled])
    return sums


def _count_new_spellings(vocab: list[str], workers: int | None) -> None:
    """Count the syllables of a large vocabulary's uncached spellings in parallel.

    A first corpus brings tens of thousands of spellings (54,000 in 9.5 million words
    of UN speeches, about 0.5 s of counting); fewer are counted as they are met. Only
    where processes fork (starting fresh interpreters costs more than the counting) and
    when the cache has room for them all (else they would be counted twice).
    """
    n_workers = resolve_workers(workers)
    if n_workers == 1 or "fork" not in multiprocessing.get_all_start_methods():
        return
    new = [spelling for spelling in vocab if spelling not in _SYLLABLES]
    if len(new) < _PARALLEL_FROM_SPELLINGS:
        return
    if len(_SYLLABLES) + len(new) > _MAX_CACHED_SPELLINGS:
        return
    counts = chain.from_iterable(map_in_order(_spelling_syllables, new, workers=n_workers))
    _SYLLABLES.fill(zip(new, counts, strict=True))


# Fewer new spellings than this are counted in this process: a pool costs more to start.
_PARALLEL_FROM_SPELLINGS = 20_000


def _spelling_syllables(spelling: str) -> int:
    return syllables(spelling.lower())


class _SyllablesBySpelling(dict):
    """spelling -> syllables of its lower case (0 for a token without letters), filled
    on first use; bounded, so a long session cannot grow it without limit."""

    def __missing__(self, spelling: str) -> int:
        count = _spelling_syllables(spelling)
        if len(self) < _MAX_CACHED_SPELLINGS:
            self[spelling] = count
        return count

    def fill(self, counts) -> None:
        """Store ``(spelling, syllables)`` pairs counted elsewhere, within the bound."""
        for spelling, count in counts:
            if len(self) >= _MAX_CACHED_SPELLINGS:
                break
            self[spelling] = count


_MAX_CACHED_SPELLINGS = 1_000_000
_SYLLABLES = _SyllablesBySpelling()


def flesch_reading_ease(words: int, sentences: int, syllables_: int) -> float:
    """206.835 - 1.015 (words/sentence) - 84.6 (syllables/word) (Flesch 1948)."""
    if not words:
        return float("nan")
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables_ / words)


def flesch_kincaid_grade(words: int, sentences: int, syllables_: int) -> float:
    """0.39 (words/sentence) + 11.8 (syllables/word) - 15.59 (Kincaid et al. 1975)."""
    if not words:
        return float("nan")
    return 0.39 * (words / sentences) + 11.8 * (syllables_ / words) - 15.59


def gunning_fog(words: int, sentences: int, polysyllables: int) -> float:
    """0.4 (words/sentence + 100 x polysyllabic words/words) (Gunning 1952)."""
    if not words:
        return float("nan")
    return 0.4 * (words / sentences + 100 * polysyllables / words)


def readability_scores(counts: dict[str, int]) -> dict[str, float]:
    w, s = counts["words"], counts["sentences"]
    return {
        "flesch_reading_ease": flesch_reading_ease(w, s, counts["syllables"]),
        "flesch_kincaid_grade": flesch_kincaid_grade(w, s, counts["syllables"]),
        "gunning_fog": gunning_fog(w, s, counts["polysyllables"]),
    }


SCORE_COLUMNS = ["flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog"]
COUNT_COLUMNS = ["words", "sentences", "syllables", "polysyllables"]
# With by=: the mean of the group's per-document scores, beside the pooled score.
MEAN_SCORE_COLUMNS = [f"mean_{name}" for name in SCORE_COLUMNS]


def stat_readability(
    c: Corpus | str, *, by: str | None = None, workers: int | None = None
) -> pd.DataFrame:
    """Readability per document, or per group when ``by`` is given.

    Parameters:
        c: a Corpus or a text.
        by: a docvar; a group's scores are computed twice, from its documents' counts
            pooled (one long speech weighs as much as its words) and as the mean of its
            documents' scores (every speech counts once, as :func:`analysis.compare`
            and :func:`analysis.stat_lexical_diversity` count them). The two can
            disagree in direction between groups: compare like with like.
        workers: processes to use (None: all available cores; 1: this process).

    Returns:
        Columns ``doc_id`` (or ``group``), ``words, sentences, syllables, polysyllables,
        flesch_reading_ease, flesch_kincaid_grade, gunning_fog``. ``words`` counts words
        with at least one letter: numbers ("1990") are not read as words, so it can be
        lower than the word counts of other measures. With ``by``: ``group,
        documents``, the summed counts and the scores of the pooled counts under the
        same names, then ``mean_flesch_reading_ease, mean_flesch_kincaid_grade,
        mean_gunning_fog``: the mean of the group's per-document scores (documents
        without words left out), which is ``compare(c, measure, by=...)``'s estimate.

    Example:
        >>> stat_readability("The cat sat. It was happy.")["flesch_reading_ease"].round(1).tolist()
        [105.1]
    """
    c = as_corpus(c)
    check_by(c, by)  # before the pass over the corpus, not after
    table = corpus_readability_counts(c, workers=workers)
    if by is None:
        table = pd.concat([table, _scores(table)], axis=1)
        table = table[["doc_id", *COUNT_COLUMNS, *SCORE_COLUMNS]]
    else:
        per_document = _scores(table)
        per_document.columns = MEAN_SCORE_COLUMNS
        table = pd.concat([table, per_document], axis=1)
        table["group"] = group_labels(c, by).reindex(table["doc_id"]).to_numpy()
        grouped = table.drop(columns="doc_id").groupby("group", sort=True)
        table = pd.concat(
            [
                grouped.size().rename("documents"),
                grouped[COUNT_COLUMNS].sum(),
                grouped[MEAN_SCORE_COLUMNS].mean(),
            ],
            axis=1,
        )
        table = in_group_order(table.reset_index())
        table = pd.concat([table, _scores(table)], axis=1)
        table = table[["group", "documents", *COUNT_COLUMNS, *SCORE_COLUMNS, *MEAN_SCORE_COLUMNS]]
    return attach(table, "stat_readability", {"by": by}, c, {"readability": READABILITY_VERSION})


def _scores(counts: pd.DataFrame) -> pd.DataFrame:
    """The three scores of each row of a table of counts, index kept."""
    return pd.DataFrame(
        [readability_scores(r) for r in counts[COUNT_COLUMNS].to_dict("records")],
        columns=SCORE_COLUMNS,
        index=counts.index,
    )
