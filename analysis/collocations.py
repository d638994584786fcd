"""Collocates of a node word within a window, scored by association measures.

Counts: ``O`` occurrences of a collocate within ``window`` words either side of a
node occurrence, each occurrence counted once however many node windows it falls in
(windows cross sentence ends, as in most concordancers, but with ``voice="quoted"`` or
``"authorial"`` they stay within one stretch of that voice: a quote's words are no
neighbours of the next quote's); ``f_node`` and ``f_coll`` corpus frequencies; ``N``
corpus words. MI, t-score and log-likelihood come from NLTK's ``BigramAssocMeasures``
on the window-adjusted contingency table (the node's row total is the number of words
inside the node's windows, at most ``f_node x 2 x window``, as in Brezina, McEnery &
Wattam 2015, with overlapping windows counted once): so ``O <= f_coll`` and every cell
of the table is a count. logDice (Rychly 2008) is ``14 + log2(2 O / (f_node +
f_coll))``, at most 14.
"""

from __future__ import annotations

import fnmatch
import math
from collections import Counter

import pandas as pd

from corpus import Corpus, Document
from corpus.errors import check_choice

from ._input import as_corpus, check_min_count, check_top_n, check_voice
from ._terms import document_words, voice_runs, word_spans
from .engine import map_documents
from .frequency import chunks
from .provenance import attach

COLLOCATION_MEASURES = ("logdice", "mi", "t_score", "log_likelihood")
COLLOCATION_COLUMNS = [
    "node",
    "term",
    "count",
    "count_node",
    "count_term",
    "expected",
    "mi",
    "t_score",
    "log_likelihood",
    "log_dice",
]
_SORT_COLUMN = {
    "logdice": "log_dice",
    "mi": "mi",
    "t_score": "t_score",
    "log_likelihood": "log_likelihood",
}


def _is_node(word: str, node: str, glob: bool) -> bool:
    return fnmatch.fnmatchcase(word, node) if glob else word == node


def document_collocates(
    doc: Document, node: str, window: int, voice: str, token_map: dict[str, str]
) -> tuple[Counter, Counter, int, int]:
    """Per-document work unit: collocate counts in node windows, word counts, node
    count, and window slots (the distinct words inside the windows, fewer at the text
    edges and where windows overlap)."""
    spans = word_spans(doc, voice)
    words = document_words(doc, voice, "lower", token_map, spans)
    # A window stays in its stretch of the voice: words of another quote are no neighbours.
    run = voice_runs(doc, voice, spans)
    glob = any(ch in node for ch in "*?[")
    node_positions = [i for i, w in enumerate(words) if _is_node(w, node, glob)]
    # Each word counts once however many node windows it falls in ("the United Nations
    # Volunteers ... United Nations" holds one "volunteers", not three), so that no
    # collocate's count exceeds its frequency and the contingency table stays whole.
    inside: set[int] = set()
    for i in node_positions:
        for j in range(max(i - window, 0), min(i + window + 1, len(words))):
            # Other node occurrences inside the window are not collocates of the node.
            if j != i and run[j] == run[i] and not _is_node(words[j], node, glob):
                inside.add(j)
    near = Counter(words[j] for j in inside)
    return near, Counter(words), len(node_positions), len(inside)


def _nltk_measures():
    # NLTK (with scipy.stats) takes over half a second to import: only when needed.
    from nltk.metrics.association import BigramAssocMeasures

    return BigramAssocMeasures


def _log_likelihood(marginals) -> float:
    """NLTK's G2, signed: negative when the word occurs near the node less often than
    chance predicts (G2 alone measures any departure, so a word that avoids the node
    ranked among its collocates)."""
    observed, (row, column), total = marginals
    g2 = _nltk_measures().likelihood_ratio(*marginals)
    return -g2 if observed < row * column / total else g2


def stat_collocations(
    c: Corpus | str,
    node: str,
    *,
    window: int = 5,
    measure: str = "logdice",
    min_count: int = 3,
    top_n: int | None = None,
    voice: str | None = None,
    workers: int | None = None,
) -> pd.DataFrame:
    """Words that occur near ``node`` more than chance predicts.

    Parameters:
        c: a Corpus or a text.
        node: a word or glob (``peacekeep*``), case-insensitive.
        window: words either side of the node.
        measure: "logdice", "mi", "t_score" or "log_likelihood": the sort order.
        min_count: minimum co-occurrences.
        top_n: keep the ``top_n`` strongest collocates.
        voice: "authorial", "quoted" or None/"all".

    Returns:
        ``node, term, count`` (co-occurrences: each occurrence of the term once, however
        many node windows it falls in), ``count_node, count_term`` (corpus
        frequencies), ``expected`` (co-occurrences expected by chance: the word positions
        inside the node's windows, overlaps counted once, times ``count_term / N``; see
        the module's docstring), ``mi,
        t_score, log_likelihood, log_dice``; sorted by ``measure``, strongest first.
        Words seen near the node less often than ``expected`` are kept, with a
        negative ``mi``, ``t_score`` and ``log_likelihood`` (signed G2), so they sort
        last by those measures.

    Example:
        >>> t = stat_collocations("keep peace. keep peace now.", "peace", window=1, min_count=1)
        >>> t[["term", "count"]].values.tolist()[:2]
        [['keep', 2], ['now', 1]]
    """
    check_top_n(top_n)
    check_min_count(min_count)
    c = as_corpus(c)
    voice = check_voice(voice)
    check_choice("measure", measure, COLLOCATION_MEASURES)
    if not isinstance(window, int) or window < 1:
        raise ValueError(f"window={window!r} is not valid; use a whole number >= 1")
    node = node.strip().lower()
    if not node or " " in node:
        raise ValueError(
            f"node={node!r} is not valid; give one word or glob (a phrase's contexts: "
            "kwic(c, phrase); its frequency: stat_frequency(c, ngram=2))"
        )
    token_map = c.aliases.token_map()
    node = token_map.get(node, node)
    near: Counter = Counter()
    frequencies: Counter = Counter()
    node_count = slots = 0
    for part in chunks(c):
        for doc_near, doc_freq, doc_nodes, doc_slots in map_documents(
            part, document_collocates, node, window, voice, token_map, workers=workers
        ):
            near.update(doc_near)
            frequencies.update(doc_freq)
            node_count += doc_nodes
            slots += doc_slots
    total = sum(frequencies.values())
    measures = _nltk_measures()
    rows = []
    for term, observed in near.items():
        if observed < min_count:
            continue
        f_term = frequencies[term]
        marginals = (observed, (slots, f_term), total)
        rows.append(
            {
                "node": node,
                "term": term,
                "count": observed,
                "count_node": node_count,
                "count_term": f_term,
                "expected": slots * f_term / total,
                "mi": measures.pmi(*marginals),
                "t_score": measures.student_t(*marginals),
                "log_likelihood": _log_likelihood(marginals),
                "log_dice": 14 + math.log2(2 * observed / (node_count + f_term)),
            }
        )
    table = pd.DataFrame(rows, columns=COLLOCATION_COLUMNS)
    table = table.sort_values(
        [_SORT_COLUMN[measure], "term"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)
    if top_n is not None:
        table = table.head(top_n)
    params = {
        "node": node,
        "window": window,
        "measure": measure,
        "min_count": min_count,
        "top_n": top_n,
        "voice": voice,
    }
    return attach(table, "stat_collocations", params, c)
