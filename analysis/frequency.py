"""Term frequencies per group.

Single words in every voice (the default) come from the corpus's word-count table
(:mod:`analysis._wordcounts`: counted once per Corpus, shared with keyness and
readability) and are summed per group with array operations. N-grams and single voices
are counted document by document into mergeable Counters: each worker folds a chunk of
documents into per-group totals and the parent merges one partial result per chunk
(sums, so the totals do not depend on the cut). Memory follows the vocabulary.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from corpus import Corpus, Document

from ._input import (
    as_corpus,
    check_min_count,
    check_top_n,
    check_voice,
    group_labels,
    group_order,
)
from ._terms import check_case, count_document, fold_vocabulary, resolve_stopwords
from ._wordcounts import WordCounts, block_entries, document_blocks, word_counts
from .engine import map_chunks
from .provenance import attach

FREQUENCY_COLUMNS = ["term", "group", "count", "per_10k", "doc_count", "range"]
# Documents per sub-corpus for callers that walk the corpus in parts (collocations).
CHUNK_SIZE = 1000


@dataclass
class GroupCounts:
    """Merged counts of one group: term totals, document frequencies, size."""

    counts: Counter = field(default_factory=Counter)
    doc_freq: Counter = field(default_factory=Counter)
    words: int = 0
    documents: int = 0

    def add(self, counts: Counter, words: int) -> None:
        self.counts.update(counts)
        self.doc_freq.update(counts.keys())
        self.words += words
        self.documents += 1

    def merge(self, other: GroupCounts) -> None:
        """Add another partial result of the same group (from another chunk)."""
        self.counts.update(other.counts)
        self.doc_freq.update(other.doc_freq)
        self.words += other.words
        self.documents += other.documents


def chunks(c: Corpus, size: int = CHUNK_SIZE):
    """The corpus in consecutive sub-corpora of at most ``size`` documents."""
    if len(c) <= size:
        yield c
        return
    ids = c.doc_ids
    for first in range(0, len(ids), size):
        wanted = set(ids[first : first + size])
        yield c.subset(
            where=lambda dv, wanted=wanted: pd.Series(dv.index.isin(wanted), index=dv.index)
        )


def count_by_group(
    c: Corpus,
    labels: pd.Series,
    *,
    ngram: int = 1,
    case: str = "lower",
    voice: str = "all",
    stopwords: frozenset[str] = frozenset(),
    workers: int | None = None,
) -> dict[str, GroupCounts]:
    """Term counts, document frequencies and word totals per group label.

    Single words in every voice (the default) come from the corpus's word-count table
    (:func:`analysis._wordcounts.word_counts`), counted once per Corpus and shared by
    later calls; n-grams and single voices count the documents again.
    """
    token_map = c.aliases.token_map()
    doc_groups = {doc_id: str(labels[doc_id]) for doc_id in c.doc_ids}
    if ngram == 1 and voice == "all":
        table = word_counts(c, workers=workers)
        return _groups_from_table(table, list(doc_groups.values()), case, token_map, stopwords)
    partials = map_chunks(
        c, count_chunk, doc_groups, ngram, case, voice, token_map, stopwords, workers=workers
    )
    groups: dict[str, GroupCounts] = {}
    for partial in partials:
        for name, part in partial.items():
            if name in groups:
                groups[name].merge(part)
            else:
                groups[name] = part
    return groups


def _groups_from_table(
    table: WordCounts,
    doc_labels: list[str],
    case: str,
    token_map: dict[str, str],
    stopwords: frozenset[str],
) -> dict[str, GroupCounts]:
    """Per-group term counts from the word-count table, with array operations.

    Spellings are folded to terms once per vocabulary entry; a document that spells a
    term two ways ("Peace", "peace") counts once in the term's document frequency.
    """
    term_of_type, term_list = fold_vocabulary(table.vocab, case, token_map, stopwords)
    terms = np.array(term_list, dtype=object)
    n_terms = max(len(terms), 1)
    doc_codes, group_names = pd.factorize(pd.Series(doc_labels, dtype=object))  # first seen first
    if len(group_names) * n_terms <= _DENSE_KEYS:
        group_term, counts, documents_using = _dense_group_terms(
            table, term_of_type, doc_codes, n_terms, len(group_names)
        )
    else:
        group_term, counts, documents_using = _sorted_group_terms(
            table, term_of_type, doc_codes, n_terms
        )
    group_of_key = group_term // n_terms
    bounds = np.searchsorted(group_of_key, np.arange(len(group_names) + 1))
    words = np.bincount(doc_codes, weights=table.words, minlength=len(group_names))
    documents = np.bincount(doc_codes, minlength=len(group_names))
    groups: dict[str, GroupCounts] = {}
    for g, name in enumerate(group_names):
        lo, hi = bounds[g], bounds[g + 1]
        names = terms[group_term[lo:hi] % n_terms].tolist()
        part = GroupCounts(
            Counter(dict(zip(names, counts[lo:hi].astype(np.int64).tolist(), strict=True))),
            Counter(dict(zip(names, documents_using[lo:hi].tolist(), strict=True))),
            int(words[g]),
        )
        part.documents = int(documents[g])
        groups[str(name)] = part
    return groups


# Entries of the word-count table handled at once (about 100 MB of temporary arrays).
_BLOCK_ENTRIES = 1_000_000
# The same when the totals are dense arrays: smaller blocks, whose temporary arrays
# (about 13 MB) the allocator hands back block after block instead of mapping fresh
# pages from the system each time (a frequency list of 9.5M words spent 0.1 s there).
# Never fewer entries than the dense arrays have keys: each block adds one array of
# that size.
_DENSE_BLOCK_ENTRIES = 131_072
# Up to this many (group, term) keys the totals are kept in dense arrays (8 bytes a key
# each), summed without sorting; more keys (many groups) are sorted instead.
_DENSE_KEYS = 4_000_000


def _sorted_group_terms(table, term_of_type, doc_codes, n_terms):
    """(group * n_terms + term) keys in increasing order, with their counts and the
    number of documents using each; by sorting, for many groups."""
    # Documents are taken in blocks, so the temporary arrays stay small whatever the
    # corpus size; a block's (group, term) totals are merged at the end.
    keys, key_counts, key_documents = [], [], []
    for first, last in document_blocks(table.offsets, _BLOCK_ENTRIES):
        block = _block_group_terms(table, first, last, term_of_type, doc_codes, n_terms)
        keys.append(block[0])
        key_counts.append(block[1])
        key_documents.append(block[2])
    group_term, per_group_term = np.unique(np.concatenate(keys), return_inverse=True)
    counts = np.bincount(per_group_term, weights=np.concatenate(key_counts))
    documents_using = np.bincount(per_group_term, weights=np.concatenate(key_documents))
    return group_term, counts, documents_using.astype(np.int64)


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted (np.unique without an inverse hashes, which was 30x
    slower on these keys)."""
    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if len(values) else values


def _dense_group_terms(table, term_of_type, doc_codes, n_terms, n_groups):
    """The same as :func:`_sorted_group_terms`, summed into one array slot per key.

    A document uses a term once whatever its spellings, but only terms spelled more
    than one way ("Peace", "peace") can meet themselves twice in a document: only their
    entries are made unique per document (a sort of a few of them), the rest count as
    they are.
    """
    size = n_groups * n_terms
    spelled = term_of_type[term_of_type >= 0]
    several_spellings = np.bincount(spelled, minlength=n_terms) > 1
    counts = np.zeros(size)
    documents_using = np.zeros(size, dtype=np.int64)
    block_size = max(_DENSE_BLOCK_ENTRIES, size)
    for first, last in document_blocks(table.offsets, block_size):
        entry_docs, entry_terms, entry_counts = block_entries(table, first, last, term_of_type)
        keys = doc_codes[entry_docs] * n_terms + entry_terms
        counts += np.bincount(keys, weights=entry_counts, minlength=size)
        folded = several_spellings[entry_terms]
        documents_using += np.bincount(keys[~folded], minlength=size)
        doc_term = _distinct(entry_docs[folded] * n_terms + entry_terms[folded])
        once = doc_codes[doc_term // n_terms] * n_terms + doc_term % n_terms
        documents_using += np.bincount(once, minlength=size)
    group_term = np.flatnonzero(documents_using)
    return group_term, counts[group_term], documents_using[group_term]


def _block_group_terms(
    table: WordCounts,
    first: int,
    last: int,
    term_of_type: np.ndarray,
    doc_codes: np.ndarray,
    n_terms: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(group * n_terms + term) keys of documents ``first:last`` with their counts and
    the number of documents using each."""
    entry_docs, entry_terms, entry_counts = block_entries(table, first, last, term_of_type)
    # One key per (document, term): sums the spellings of a term within a document.
    doc_term, per_doc_term = np.unique(entry_docs * n_terms + entry_terms, return_inverse=True)
    doc_term_counts = np.bincount(per_doc_term, weights=entry_counts, minlength=len(doc_term))
    # Then one key per (group, term): counts and the number of documents using it.
    group_term, per_group_term = np.unique(
        doc_codes[doc_term // n_terms] * n_terms + doc_term % n_terms, return_inverse=True
    )
    return (
        group_term,
        np.bincount(per_group_term, weights=doc_term_counts, minlength=len(group_term)),
        np.bincount(per_group_term, minlength=len(group_term)).astype(np.float64),
    )


def count_chunk(
    documents: Iterable[Document],
    doc_groups: dict[str, str],
    ngram: int,
    case: str,
    voice: str,
    token_map: dict[str, str],
    stopwords: frozenset[str],
) -> dict[str, GroupCounts]:
    """Per-group totals of consecutive documents: one mergeable partial result."""
    groups: dict[str, GroupCounts] = {}
    for doc in documents:
        counts, words = count_document(doc, ngram, case, voice, token_map, stopwords)
        name = doc_groups[doc.doc_id]
        if name not in groups:
            groups[name] = GroupCounts()
        groups[name].add(counts, words)
    return groups


def check_ngram(ngram: int) -> int:
    if not isinstance(ngram, int) or isinstance(ngram, bool) or ngram < 1:
        raise ValueError(f"ngram={ngram!r} is not valid; use a whole number >= 1")
    return ngram


def stat_frequency(
    c: Corpus | str,
    *,
    by: str | None = None,
    ngram: int = 1,
    case: str = "lower",
    voice: str | None = None,
    min_count: int = 1,
    top_n: int | None = None,
    stopwords: bool | str | list[str] = False,
    workers: int | None = None,
) -> pd.DataFrame:
    """How often each term occurs, overall or per group.

    Parameters:
        c: a Corpus or a text.
        by: a docvar to group by (None: one group, "all").
        ngram: 1 for words, 2 for bigrams, ...; n-grams stay inside a sentence.
        case: "lower" (fold case) or "preserve".
        voice: "authorial", "quoted" or None/"all".
        min_count: drop terms seen fewer times than this in a group.
        top_n: keep the ``top_n`` most frequent terms of each group.
        stopwords: False; True for the shipped list (``stopwords`` lexicon); a lexicon
            id/file; or a list of words. N-grams beginning or ending with one are dropped.
        workers: processes for the per-document pass (None: all cores).

    Canonical names from the corpus alias table count as one term ("zelenskiy" and
    "zelensky" both count as "zelenskyy").

    Returns:
        ``term, group, count, per_10k`` (per 10,000 words of the group), ``doc_count``
        (documents of the group using the term), ``range`` (their share of the group's
        documents); sorted by group, then count descending, then term.

    Example:
        >>> stat_frequency("Peace and peace.")[["term", "count"]].values.tolist()
        [['peace', 2], ['and', 1]]
    """
    check_top_n(top_n)
    check_min_count(min_count)
    c = as_corpus(c)
    voice = check_voice(voice)
    check_case(case)
    check_ngram(ngram)
    words_set, lexicons = resolve_stopwords(stopwords)
    labels = group_labels(c, by)
    groups = count_by_group(
        c, labels, ngram=ngram, case=case, voice=voice, stopwords=words_set, workers=workers
    )
    frames = [_group_table(name, groups[name], min_count, top_n) for name in group_order(groups)]
    table = (
        pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=FREQUENCY_COLUMNS)
    )
    params = {
        "by": by,
        "ngram": ngram,
        "case": case,
        "voice": voice,
        "min_count": min_count,
        "top_n": top_n,
        "stopwords": stopwords,
    }
    return attach(table, "stat_frequency", params, c, lexicons)


def _group_table(name: str, g: GroupCounts, min_count: int, top_n: int | None) -> pd.DataFrame:
    terms = np.array(list(g.counts.keys()), dtype=object)
    counts = np.fromiter(g.counts.values(), dtype=np.int64, count=len(terms))
    doc_counts = np.fromiter((g.doc_freq[t] for t in terms), dtype=np.int64, count=len(terms))
    table = pd.DataFrame(
        {
            "term": terms,
            "group": name,
            "count": counts,
            "per_10k": counts / g.words * 10_000 if g.words else np.nan,
            "doc_count": doc_counts,
            "range": doc_counts / g.documents if g.documents else np.nan,
        },
        columns=FREQUENCY_COLUMNS,
    )
    table = table[table["count"] >= min_count]
    table = table.sort_values(["count", "term"], ascending=[False, True], kind="stable")
    if top_n is not None:
        table = table.head(top_n)
    return table
