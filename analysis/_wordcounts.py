"""Each document's word counts over one corpus-wide vocabulary, counted once per corpus.

Frequency lists, keyness and readability all start from how often each word occurs in
each document, and counting means tokenizing every text: the costliest step of those
measures. So the counts are made once (in parallel, through the engine), kept on the
Corpus in compact arrays, and shared by every later call on the same Corpus object: a
second frequency list, keyness against another group or readability after a frequency
list skip the tokenizer.

Layout (compressed sparse rows): document ``i`` owns entries ``offsets[i]:offsets[i+1]``
of ``type_ids`` (index into ``vocab``) and ``counts``. About 8 bytes per distinct word
per document (some 30 MB for 10 million words of speeches). Words are the spellings of
``Document.words`` (a title keeps its period: "Mr."), case preserved.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from corpus import Corpus, Document
from corpus.segment import word_strings

from .engine import map_chunks, map_documents

# Where the table is kept on a Corpus (its __dict__, like the Corpus's cached properties).
_CACHE_KEY = "_communique_word_counts"


@dataclass(frozen=True)
class WordCounts:
    """Word counts of every document of one corpus, in corpus order."""

    vocab: list[str]
    offsets: np.ndarray  # int64, one more than there are documents
    type_ids: np.ndarray  # int32, index into vocab
    counts: np.ndarray  # int32 (a word is counted at most 2**31 times in one document)
    words: np.ndarray  # int64, words per document (sum of its counts)


def word_counts(c: Corpus, *, workers: int | None = None) -> WordCounts:
    """The corpus's word counts, computed on first use and kept on the Corpus.

    Parameters:
        c: the corpus.
        workers: processes for the counting pass (None: all cores).

    Returns:
        A :class:`WordCounts`; ``vocab[type_ids[k]]`` occurs ``counts[k]`` times in the
        document whose entries hold ``k``.

    Example:
        >>> from corpus import from_texts
        >>> table = word_counts(from_texts(["Peace and peace.", "Mr. Li"]), workers=1)
        >>> [table.vocab[i] for i in table.type_ids], table.counts.tolist()
        (['Peace', 'and', 'peace', 'Li', 'Mr.'], [1, 1, 1, 1, 1])
    """
    cached = c.__dict__.get(_CACHE_KEY)
    if cached is not None:
        return cached
    table = _merge(map_chunks(c, count_chunk, workers=workers), len(c))
    c.__dict__[_CACHE_KEY] = table
    return table


def words_per_document(c: Corpus, voice: str, *, workers: int | None = None) -> np.ndarray | None:
    """Each document's number of words, from the shared table, when ``voice`` is "all";
    None for a voice, whose words each document must count among its own spans.

    The rates of hedges, modals and comparisons divide by these counts: taking them
    from the table spares every such call a second tokenization of every document
    (the table is counted once per corpus and also serves frequency lists, keyness and
    readability). The counts are those of ``len(doc.words)`` (tested).

    Example:
        >>> from corpus import from_texts
        >>> words_per_document(from_texts(["Mr. Li said no.", "Yes"]), "all", workers=1).tolist()
        [4, 1]
    """
    if voice != "all":
        return None
    return word_counts(c, workers=workers).words


def rows_and_words(
    c: Corpus, func: Callable, plan: tuple, voice: str, *, workers: int | None = None
) -> list[tuple[list, int]]:
    """``func(doc, plan, voice, count_words)`` of every document: its rows and its number
    of words in ``voice``, these from the shared table when it has them
    (:func:`words_per_document`), so that ``func`` need not count them."""
    shared = words_per_document(c, voice, workers=workers)
    parts = map_documents(c, func, plan, voice, shared is None, workers=workers)
    if shared is None:
        return parts
    return [(rows, int(words)) for (rows, _), words in zip(parts, shared, strict=True)]


def count_chunk(documents: Iterable[Document]) -> tuple:
    """Word counts of consecutive documents over the chunk's own vocabulary.

    Counting and numbering run at C speed (``Counter`` over the word strings, ``map``
    over a dict that numbers new spellings as it meets them).
    """
    index = _Numbering()
    sizes, words = [], []
    # Growing C arrays, viewed by numpy at the end: no array kept per document and no
    # copy to join them (a whole archive counted in one process has 7 million entries).
    type_ids, counts = array("i"), array("i")
    for doc in documents:
        tokens, title_fixes = word_strings(doc.text)
        spellings = Counter(tokens)
        if title_fixes:
            _apply_title_fixes(spellings, title_fixes)
        n = len(spellings)
        sizes.append(n)
        # fromiter with a known count, then one copy of its bytes: quicker than
        # extending the array item by item
        type_ids.frombytes(_raw(np.fromiter(map(index.__getitem__, spellings), np.intc, n)))
        counts.frombytes(_raw(np.fromiter(spellings.values(), np.intc, n)))
        words.append(len(tokens))
    return (
        list(index),
        np.array(sizes, dtype=np.int64),
        _int32_view(type_ids),
        _int32_view(counts),
        np.array(words, dtype=np.int64),
    )


def _raw(values: np.ndarray) -> memoryview:
    return memoryview(values).cast("B")


def _int32_view(values: array) -> np.ndarray:
    """The values of an ``array("i")`` as an int32 array, sharing its memory."""
    return np.frombuffer(values, dtype=np.intc).astype(np.int32, copy=False)


def _apply_title_fixes(spellings: Counter, title_fixes: Counter) -> None:
    """Move counts from "Mr" to "Mr." as the tokenizer does; drop a title whose every
    occurrence took its period (only the few titles change, so no pass over all)."""
    spellings.update(title_fixes)
    for title in title_fixes:
        if spellings[title] <= 0:
            del spellings[title]


class _Numbering(dict):
    """spelling -> number, new spellings numbered in the order they are met."""

    def __missing__(self, spelling: str) -> int:
        number = self[spelling] = len(self)
        return number


def _concatenate(parts: list[np.ndarray], dtype) -> np.ndarray:
    if len(parts) == 1:
        return parts[0]  # one chunk (one process): nothing to join, nothing to copy
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


def _merge(parts: list[tuple], n_documents: int) -> WordCounts:
    """One table from the chunks' tables: chunk vocabularies renumbered into one."""
    numbering = _Numbering()
    sizes, type_ids, counts, words = [], [], [], []
    for vocab, chunk_sizes, chunk_ids, chunk_counts, chunk_words in parts:
        first = not numbering  # the first chunk's numbers stay theirs: nothing to renumber
        renumber = np.fromiter(map(numbering.__getitem__, vocab), np.int32, len(vocab))
        type_ids.append(renumber[chunk_ids] if len(chunk_ids) and not first else chunk_ids)
        sizes.append(chunk_sizes)
        counts.append(chunk_counts)
        words.append(chunk_words)
    all_sizes = _concatenate(sizes, np.int64)
    if len(all_sizes) != n_documents:
        raise RuntimeError(f"word counts cover {len(all_sizes)} of {n_documents} documents")
    offsets = np.zeros(n_documents + 1, dtype=np.int64)
    np.cumsum(all_sizes, out=offsets[1:])
    return WordCounts(
        vocab=list(numbering),
        offsets=offsets,
        type_ids=_concatenate(type_ids, np.int32),
        counts=_concatenate(counts, np.int32),
        words=_concatenate(words, np.int64),
    )


def block_entries(
    table: WordCounts, first: int, last: int, term_of_type: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Document, term and count of each entry of documents ``first:last`` whose
    spelling folds to a term (``term_of_type`` >= 0; stop words are -1)."""
    lo, hi = table.offsets[first], table.offsets[last]
    entry_terms = term_of_type[table.type_ids[lo:hi]]
    kept = entry_terms >= 0
    entry_docs = np.repeat(np.arange(first, last), np.diff(table.offsets[first : last + 1]))
    return entry_docs[kept], entry_terms[kept], table.counts[lo:hi][kept]


def document_blocks(offsets: np.ndarray, size: int) -> list[tuple[int, int]]:
    """``(first, last)`` document ranges holding about ``size`` table entries each (a
    document with more entries is a block of its own), so that arrays over the table's
    entries can be computed block by block in bounded memory.

    Example:
        >>> document_blocks(np.array([0, 2, 4, 9, 10]), 4)
        [(0, 2), (2, 3), (3, 4)]
    """
    n_documents = len(offsets) - 1
    blocks, first = [], 0
    while first < n_documents:
        last = int(np.searchsorted(offsets, offsets[first] + size, side="right")) - 1
        last = min(max(last, first + 1), n_documents)
        blocks.append((first, last))
        first = last
    return blocks or [(0, 0)]
