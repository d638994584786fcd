"""Words of a document as countable terms: case, voice, aliases, n-grams, stop words.

Shared by frequency, keyness, collocations, dispersion and diversity so that every
count in the package means the same thing. Functions here are module-level and take
plain arguments, so :func:`analysis.engine.map_documents` can ship them to workers.
"""

from __future__ import annotations

import bisect
from collections import Counter
from functools import lru_cache
from typing import Any

import numpy as np

from corpus import Document, tokenize
from corpus.errors import check_choice

from ._input import words_in_voice

CASES = ("lower", "preserve")
STOPWORDS_LEXICON = "stopwords"


def _is_word(token: str) -> bool:
    # Same rule as corpus.is_word (a letter or a digit), with a fast path for plain words.
    return token.isalnum() or any(ch.isalnum() for ch in token)


def word_spans(doc: Document, voice: str) -> list[tuple[int, int]]:
    """Word spans of ``doc`` in ``voice``.

    For all voices the tokens are computed without caching them on the document
    (unless already cached), so counting a whole archive keeps memory flat.
    """
    if voice != "all":
        return words_in_voice(doc, voice)
    if "words" in doc.__dict__:
        return doc.words
    tokens = doc.__dict__.get("tokens") or tokenize(doc.text)
    text = doc.text
    return [(s, e) for s, e in tokens if _is_word(text[s:e])]


def document_words(
    doc: Document,
    voice: str,
    case: str,
    token_map: dict[str, str],
    spans: list[tuple[int, int]] | None = None,
) -> list[str]:
    """The words of ``doc`` as terms: cased per ``case``, aliases mapped to canonical names.

    ``spans`` are the word spans when the caller has them already (saves a tokenizer pass).
    """
    text = doc.text
    spans = word_spans(doc, voice) if spans is None else spans
    words = [text[s:e] for s, e in spans]
    if case == "lower":
        words = [w.lower() for w in words]
        if token_map:
            words = [token_map.get(w, w) for w in words]
    elif token_map:
        words = [token_map.get(w.lower(), w) for w in words]
    return words


def voice_runs(doc: Document, voice: str, spans: list[tuple[int, int]]) -> list[int]:
    """Run number of each of ``spans`` (the words of ``doc`` in ``voice``): each quote is
    a run of the quoted voice, each stretch between two quotes a run of the authorial
    one, so n-grams and collocation windows never join two quotes (even with no word
    between them) or the narration on either side of one. All words are one run."""
    if voice == "all" or not spans:
        return [0] * len(spans)
    # Quotes started before a word: the quote it is in (quoted) or the gap it is in.
    quote_starts = [q.start for q in doc.quotes]
    return [bisect.bisect_right(quote_starts, start) for start, _end in spans]


def sentence_breaks(doc: Document, spans: list[tuple[int, int]]) -> list[int]:
    """Sentence number of each span, so n-grams never cross a sentence boundary."""
    starts = [s for s, _ in doc.sentences]
    return [bisect.bisect_right(starts, s) for s, _ in spans]


def count_terms(
    doc: Document,
    ngram: int,
    case: str,
    voice: str,
    token_map: dict[str, str],
    stopwords: frozenset[str],
    spans: list[tuple[int, int]] | None = None,
) -> Counter:
    """Counter of the terms (words or space-joined n-grams) of one document.

    With stop words given, unigrams in the list are dropped, and n-grams that begin
    or end with one ("of the", "the security") are dropped.
    """
    spans = word_spans(doc, voice) if spans is None else spans
    if ngram == 1:
        return _count_words(doc.text, spans, case, token_map, stopwords)
    words = document_words(doc, voice, case, token_map, spans)
    sentence = sentence_breaks(doc, spans)
    run = voice_runs(doc, voice, spans)
    counts = Counter()
    for i in range(len(words) - ngram + 1):
        last = i + ngram - 1
        if sentence[i] != sentence[last] or run[i] != run[last]:
            continue
        gram = words[i : i + ngram]
        if stopwords and (gram[0].lower() in stopwords or gram[-1].lower() in stopwords):
            continue
        counts[" ".join(gram)] += 1
    return counts


def _count_words(
    text: str,
    spans: list[tuple[int, int]],
    case: str,
    token_map: dict[str, str],
    stopwords: frozenset[str],
) -> Counter:
    """Word counts; case folding and aliases are applied to the distinct spellings only,
    which is much cheaper than to every token of a long speech."""
    return fold_spellings(Counter(text[s:e] for s, e in spans), case, token_map, stopwords)


def fold_term(
    spelling: str, case: str, token_map: dict[str, str], stopwords: frozenset[str]
) -> str | None:
    """The term a spelling counts as (case folding, aliases), or None for a stop word."""
    folded = spelling.lower()
    if stopwords and folded in stopwords:
        return None
    term = folded if case == "lower" else spelling
    return token_map.get(folded, term) if token_map else term


def fold_vocabulary(
    vocab: list[str], case: str, token_map: dict[str, str], stopwords: frozenset[str]
) -> tuple[np.ndarray, list[str]]:
    """Each spelling's term number (-1 for a stop word) and the terms, numbered in the
    order they are first met: the word-count table's vocabulary folded once per
    spelling, not once per document.

    Example:
        >>> numbers, terms = fold_vocabulary(["Peace", "peace", "the"], "lower", {}, frozenset({"the"}))
        >>> numbers.tolist(), terms
        ([0, 0, -1], ['peace'])
    """
    numbers: dict[str, int] = {}
    term_of_type = np.fromiter(
        (
            -1
            if (term := fold_term(spelling, case, token_map, stopwords)) is None
            else numbers.setdefault(term, len(numbers))
            for spelling in vocab
        ),
        dtype=np.int64,
        count=len(vocab),
    )
    return term_of_type, list(numbers)


def fold_spellings(
    spellings: Counter, case: str, token_map: dict[str, str], stopwords: frozenset[str]
) -> Counter:
    """Counts per term from counts per spelling: case folding, aliases, stop words."""
    counts: Counter = Counter()
    for spelling, n in spellings.items():
        term = fold_term(spelling, case, token_map, stopwords)
        if term is not None:
            counts[term] += n
    return counts


def document_size(doc: Document, voice: str) -> int:
    """Number of words of ``doc`` in ``voice`` (the denominator of every rate)."""
    return len(word_spans(doc, voice))


def check_case(case: str) -> str:
    check_choice("case", case, CASES)
    return case


@lru_cache(maxsize=8)
def load_stopwords(source: str = STOPWORDS_LEXICON) -> tuple[frozenset[str], Any]:
    """The stop-word set (lower-cased) and the lexicon it comes from."""
    from .lexicon import load_lexicon

    lexicon = load_lexicon(source)
    terms = frozenset(str(t).lower() for t in lexicon.items["term"])
    return terms, lexicon


def resolve_stopwords(
    stopwords: bool | str | list | set | frozenset | None,
) -> tuple[frozenset[str], dict[str, Any]]:
    """``stopwords=`` as a set plus the lexicon to record in provenance.

    False/None: none; True: the shipped list; a string: a lexicon id, ``id@version``
    or file; a collection: those words.
    """
    if stopwords is None or stopwords is False:
        return frozenset(), {}
    if stopwords is True:
        stopwords = STOPWORDS_LEXICON
    if isinstance(stopwords, str):
        words, lexicon = load_stopwords(stopwords)
        return words, {lexicon.id: lexicon}
    return frozenset(str(w).lower() for w in stopwords), {"stopwords": "custom"}


def count_document(
    doc: Document,
    ngram: int,
    case: str,
    voice: str,
    token_map: dict[str, str],
    stopwords: frozenset[str],
) -> tuple[Counter, int]:
    """Per-document work unit for :func:`map_documents`: term counts and word count."""
    spans = word_spans(doc, voice)
    return count_terms(doc, ngram, case, voice, token_map, stopwords, spans), len(spans)
