"""Lexical diversity per document: TTR, MATTR and MTLD.

- TTR: distinct words / words (depends strongly on text length).
- MATTR (Covington & McFall 2010): the mean TTR of every window of ``window``
  consecutive words (the TTR when the text is shorter than the window).
- MTLD (McCarthy & Jarvis 2010): the mean length of word runs whose TTR stays above
  0.72, computed forwards and backwards and averaged. A run ends at the word that
  brings its TTR to 0.72 or below; the leftover run counts as the fraction
  ``(1 - TTR) / (1 - 0.72)`` of a factor.

Words are lower-cased word tokens (no punctuation), aliases mapped to canonical names.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from corpus import Corpus, Document

from ._input import as_corpus, check_voice, group_labels, in_group_order
from ._terms import document_words
from .engine import map_documents
from .provenance import attach

MTLD_THRESHOLD = 0.72
DIVERSITY_MEASURES = ("ttr", "mattr", "mtld")


def ttr(words: list[str]) -> float:
    """Type-token ratio (NaN for no words)."""
    return len(set(words)) / len(words) if words else float("nan")


def mattr(words: list[str], window: int = 50) -> float:
    """Moving-average TTR over windows of ``window`` words.

    Example:
        >>> mattr(["a", "b", "a", "c"], window=2)   # windows ab, ba, ac -> all TTR 1
        1.0
    """
    n = len(words)
    if n == 0:
        return float("nan")
    if n <= window:
        return ttr(words)
    counts = Counter(words[:window])
    total = len(counts)
    for i in range(window, n):
        # Slide: drop the word leaving, add the word entering.
        leaving, entering = words[i - window], words[i]
        counts[leaving] -= 1
        if counts[leaving] == 0:
            del counts[leaving]
        counts[entering] += 1
        total += len(counts)
    return total / ((n - window + 1) * window)


def _mtld_one_way(words: list[str], threshold: float) -> float:
    factors = 0.0
    seen: set[str] = set()
    length = 0
    for word in words:
        seen.add(word)
        length += 1
        if len(seen) / length <= threshold:
            factors += 1
            seen, length = set(), 0
    if length:
        factors += (1 - len(seen) / length) / (1 - threshold)
    return len(words) / factors if factors else float("nan")


def mtld(words: list[str], threshold: float = MTLD_THRESHOLD) -> float:
    """Measure of textual lexical diversity, the mean of a forward and a backward pass.

    NaN when no run ever falls to the threshold and the leftover has TTR 1 (the text
    is too short or too varied to measure). McCarthy & Jarvis (2010) advise at least
    about 100 words: the value of a shorter text rests on one or two factors.
    """
    if not words:
        return float("nan")
    return (_mtld_one_way(words, threshold) + _mtld_one_way(words[::-1], threshold)) / 2


def document_diversity(
    doc: Document, window: int, voice: str, token_map: dict[str, str]
) -> dict[str, float]:
    """Per-document work unit: words, types, TTR, MATTR, MTLD."""
    words = document_words(doc, voice, "lower", token_map)
    return {
        "doc_id": doc.doc_id,
        "words": len(words),
        "types": len(set(words)),
        "ttr": ttr(words),
        "mattr": mattr(words, window),
        "mtld": mtld(words),
    }


# Where per-document values are kept on a Corpus: {(window, voice): (token_map, table)}.
_CACHE_KEY = "_communique_diversity"


def per_document_diversity(c: Corpus, window: int, voice: str, workers: int | None) -> pd.DataFrame:
    """``doc_id, words, types, ttr, mattr, mtld`` of every document, computed on first
    use and kept on the Corpus (a few numbers a document), so that a grouped table
    after a per-document one, or :func:`analysis.compare` after either, does not walk
    the documents again. A copy is returned: the kept table cannot be changed."""
    token_map = c.aliases.token_map()
    kept = c.__dict__.setdefault(_CACHE_KEY, {})
    cached = kept.get((window, voice))
    if cached is not None and cached[0] == token_map:
        return cached[1].copy()
    rows = map_documents(c, document_diversity, window, voice, token_map, workers=workers)
    table = pd.DataFrame(rows, columns=["doc_id", "words", "types", *DIVERSITY_MEASURES])
    kept[(window, voice)] = (dict(token_map), table)
    return table.copy()


def stat_lexical_diversity(
    c: Corpus | str,
    *,
    by: str | None = None,
    window: int = 50,
    voice: str | None = None,
    workers: int | None = None,
) -> pd.DataFrame:
    """TTR, MATTR and MTLD per document, or their means per group.

    Parameters:
        c: a Corpus or a text.
        by: a docvar; each group reports the mean of its documents' values (pooling
            texts would make TTR depend on how much a group says).
        window: the MATTR window in words.
        voice: "authorial", "quoted" or None/"all".

    Returns:
        Per document: ``doc_id, words, types, ttr, mattr, mtld``. With ``by``:
        ``group, documents, words, ttr, mattr, mtld, mtld_documents`` (types do not add
        up across documents, so groups have no ``types``; a mean leaves out the
        documents without a value, and ``mtld_documents`` counts those the MTLD mean
        rests on: a text too short or too varied has no MTLD).

    Example:
        >>> stat_lexical_diversity("the cat saw the dog")["ttr"].tolist()
        [0.8]
    """
    c = as_corpus(c)
    voice = check_voice(voice)
    if not isinstance(window, int) or window < 1:
        raise ValueError(f"window={window!r} is not valid; use a whole number >= 1")
    labels = group_labels(c, by) if by is not None else None  # a bad by= fails before the pass
    table = per_document_diversity(c, window, voice, workers)
    if by is not None:
        table["group"] = labels.reindex(table["doc_id"]).to_numpy()
        grouped = table.groupby("group", sort=True)
        means = grouped[list(DIVERSITY_MEASURES)].mean()
        # Types do not add up across documents, so groups report words only.
        measured = grouped["mtld"].count().rename("mtld_documents")
        table = pd.concat(
            [grouped.size().rename("documents"), grouped["words"].sum(), means, measured],
            axis=1,
        )
        table = in_group_order(table.reset_index())
    params = {"by": by, "window": window, "voice": voice, "mtld_threshold": MTLD_THRESHOLD}
    return attach(table, "stat_lexical_diversity", params, c)
