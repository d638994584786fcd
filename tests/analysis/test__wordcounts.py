"""The corpus word-count table: equal to counting each document, kept per Corpus."""

from collections import Counter

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import corpus
from analysis._wordcounts import word_counts, words_per_document
from corpus.segment import word_type_counts

_PIECES = [
    "Mr.",
    "Mr",
    "peace",
    "Peace",
    "U.N.",
    "can't",
    "we'll",
    "1990s",
    "well-being",
    ".",
    ",",
    "Dr.",
    "Smith",
    "é",
    "naïve",
    "\n\n",
    "\u201cWe",
    "go.\u201d",
    "e.g.",
    "12.5%",
    "—",
    "peace- and",
    "’s",
]


def _as_counters(table):
    out = []
    for i in range(len(table.words)):
        lo, hi = table.offsets[i], table.offsets[i + 1]
        out.append(
            Counter(
                {
                    table.vocab[t]: int(n)
                    for t, n in zip(table.type_ids[lo:hi], table.counts[lo:hi], strict=True)
                }
            )
        )
    return out


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=20), min_size=1, max_size=5)
)
def test_table_equals_counting_each_document(docs):
    c = corpus.from_texts([" ".join(words) for words in docs])
    table = word_counts(c, workers=1)
    expected = [word_type_counts(doc.text) for doc in c]
    assert _as_counters(table) == expected
    assert table.words.tolist() == [sum(e.values()) for e in expected]
    assert len(table.vocab) == len(set(table.vocab))


def test_table_is_kept_on_its_corpus_only():
    c = corpus.from_texts(["Peace and peace.", "Mr. Li spoke."])
    first = word_counts(c, workers=1)
    assert word_counts(c, workers=1) is first
    other = c.subset(where=lambda dv: pd.Series(dv.index == dv.index[0], index=dv.index))
    assert word_counts(other, workers=1) is not first
    assert word_counts(other, workers=1).words.tolist() == [3]


def test_parallel_table_equals_serial():
    # Large enough (> 200,000 characters) for the engine to use a process pool.
    words = ["peace", "security", "Mr.", "Lavrov", "development", "U.N.", "can't", "rights"]
    texts = [" ".join(words[(i + k) % len(words)] for k in range(400)) + "." for i in range(120)]
    serial = word_counts(corpus.from_texts(texts), workers=1)
    parallel = word_counts(corpus.from_texts(texts), workers=2)
    assert _as_counters(serial) == _as_counters(parallel)
    assert serial.words.tolist() == parallel.words.tolist()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_PIECES), min_size=0, max_size=20), min_size=1, max_size=5)
)
def test_words_per_document_are_the_documents_words(docs):
    # stat_hedging, stat_modality and stat_comparisons divide by these for voice="all"
    # instead of counting each document's word spans: they must be the same numbers.
    c = corpus.from_texts([" ".join(words) or "." for words in docs])
    assert words_per_document(c, "all", workers=1).tolist() == [len(doc.words) for doc in c]
    assert words_per_document(c, "authorial", workers=1) is None
    assert words_per_document(c, "quoted", workers=1) is None
