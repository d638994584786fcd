"""How evenly a term is spread over documents: range, Juilland's D, Gries' DP.

The parts are the documents. With ``s_i`` a document's share of the words and
``v_i`` its share of the term's occurrences, Gries' (2008) ``DP = 0.5 sum |v_i - s_i|``
(0: spread in proportion to document sizes; near 1: all in one small document) and
``DP_norm = DP / (1 - min s_i)`` (Lijffijt & Gries 2012). Juilland's D uses the
term's relative frequency in each document, ``p_i``: ``D = 1 - (sd(p)/mean(p)) /
sqrt(n - 1)`` (population standard deviation; 1 = perfectly even).
"""

from __future__ import annotations

import fnmatch

import numpy as np
import pandas as pd

from corpus import Corpus, Document

from ._input import as_corpus, check_voice, group_labels, in_group_order
from ._terms import document_size, document_words, fold_vocabulary
from ._wordcounts import word_counts
from .engine import map_documents
from .kwic import compile_query, match_spans, query_prefilter
from .provenance import attach, recorded_plot, remember_provenance

DISPERSION_COLUMNS = [
    "term",
    "group",
    "count",
    "documents",
    "doc_count",
    "range",
    "juilland_d",
    "dp",
    "dp_norm",
]


def document_term_count(
    doc: Document, term: str, voice: str, token_map: dict[str, str]
) -> tuple[int, int]:
    """Per-document work unit: (occurrences of the word or glob ``term``, words)."""
    words = document_words(doc, voice, "lower", token_map)
    if _is_glob(term):
        return sum(fnmatch.fnmatchcase(w, term) for w in words), len(words)
    return words.count(term), len(words)


def document_phrase_count(
    doc: Document, patterns: list[str], prefilter, voice: str, with_words: bool
) -> tuple[int, int]:
    """Per-document work unit: (matches of the phrase, as :func:`analysis.kwic` finds
    them, words in ``voice``; 0 when ``with_words`` is False)."""
    matches = len(match_spans(doc, "tokens", patterns, prefilter, voice))
    return matches, document_size(doc, voice) if with_words else 0


def _is_glob(term: str) -> bool:
    return any(ch in term for ch in "*?[")


def term_patterns(term: str, argument: str = "term") -> list[str]:
    """The token patterns of ``term``: one for a word or glob, several for a phrase
    ("cold war", and "russia's", which the tokenizer splits into "russia" + "'s")."""
    if not isinstance(term, str) or not term.strip():
        raise ValueError(f"{argument}={term!r} is empty; give a word, a glob or a phrase")
    return compile_query(term)[1]


def term_by_document(
    c: Corpus | str, term: str, *, voice: str | None = None, workers: int | None = None
) -> pd.DataFrame:
    """Occurrences of ``term`` (a word, glob or phrase) in each document.

    A word or glob ("peacekeep*") is matched against the document's words, lower-cased,
    aliases mapped to their canonical names (as frequency lists count them). A phrase
    ("cold war", "united nations", parts may be globs) is matched on tokens exactly as
    :func:`analysis.kwic` matches it, so its counts add up to ``len(kwic(c, term))``
    (punctuation between the words breaks a match; no alias mapping; a hyphenated word
    is one token, so "nuclear-arms race" is no match for "arms race").

    Returns:
        ``doc_id, count, words, per_10k`` plus the docvars, in corpus order.
    """
    c = as_corpus(c)
    voice = check_voice(voice)
    token_map = c.aliases.token_map()
    patterns = term_patterns(term)
    if len(patterns) > 1:
        term = " ".join(term.lower().split())
        counts = _phrase_counts(c, patterns, voice, workers)
    else:
        term = term.strip().lower()
        term = token_map.get(term, term)
        if voice == "all":
            counts = _counts_from_table(c, term, token_map, workers)
        else:
            counts = map_documents(c, document_term_count, term, voice, token_map, workers=workers)
    table = pd.DataFrame(
        counts, columns=["count", "words"], index=pd.Index(c.doc_ids, name="doc_id")
    )
    table["per_10k"] = np.where(
        table["words"] > 0, table["count"] / table["words"].clip(lower=1) * 1e4, np.nan
    )
    table = table.join(c.docvars).reset_index()
    table.attrs["term"] = term
    return attach(table, "term_by_document", {"term": term, "voice": voice}, c)


def _counts_from_table(
    c: Corpus, term: str, token_map: dict[str, str], workers: int | None
) -> np.ndarray:
    """(count, words) of a word or glob in each document, from the corpus's shared
    word-count table: spellings are folded (lower case, aliases) and matched once per
    vocabulary entry, not once per running word, and no document is tokenized again."""
    table = word_counts(c, workers=workers)
    term_of_type, terms = fold_vocabulary(table.vocab, "lower", token_map, frozenset())
    if _is_glob(term):
        hits = np.fromiter((fnmatch.fnmatchcase(t, term) for t in terms), bool, len(terms))
    else:
        hits = np.array([t == term for t in terms], dtype=bool)
    entries = np.flatnonzero(hits[term_of_type][table.type_ids]) if len(terms) else np.zeros(0, int)
    documents = np.searchsorted(table.offsets, entries, side="right") - 1
    n_documents = len(table.offsets) - 1
    counts = np.bincount(documents, weights=table.counts[entries], minlength=n_documents)
    return np.column_stack([counts.astype(np.int64), table.words])


def _phrase_counts(c: Corpus, patterns: list[str], voice: str, workers: int | None) -> np.ndarray:
    """(count, words) of a phrase in each document; only documents holding the phrase's
    longest literal part are tokenized, and the words of all voices come from the
    shared word-count table."""
    prefilter = query_prefilter("tokens", patterns)
    with_words = voice != "all"
    pairs = map_documents(
        c, document_phrase_count, patterns, prefilter, voice, with_words, workers=workers
    )
    counts = np.array(pairs, dtype=np.int64).reshape(len(c), 2)
    if not with_words:
        counts[:, 1] = word_counts(c, workers=workers).words
    return counts


def dispersion_measures(counts, sizes) -> dict[str, float]:
    """Range, Juilland's D, DP and DP_norm of one term over parts of given sizes.

    Example (Gries 2008's toy corpus: five parts of 9, 10, 10, 10, 11 words holding
    1, 2, 3, 4, 5 occurrences):
        >>> round(dispersion_measures([1, 2, 3, 4, 5], [9, 10, 10, 10, 11])["dp"], 4)
        0.18
    """
    counts = np.asarray(counts, dtype=float)
    sizes = np.asarray(sizes, dtype=float)
    keep = sizes > 0
    counts, sizes = counts[keep], sizes[keep]
    n = len(counts)
    total = counts.sum()
    result = {
        "count": int(total),
        "documents": int(n),
        "doc_count": int((counts > 0).sum()),
        "range": float((counts > 0).mean()) if n else float("nan"),
        "juilland_d": float("nan"),
        "dp": float("nan"),
        "dp_norm": float("nan"),
    }
    if n < 2 or total == 0:
        # One part cannot show how evenly a term spreads: 0 would read "perfectly even".
        return result
    s = sizes / sizes.sum()
    v = counts / total
    dp = 0.5 * np.abs(v - s).sum()
    result["dp"] = float(dp)
    result["dp_norm"] = float(dp / (1 - s.min()))
    p = counts / sizes
    variation = p.std() / p.mean()
    # D lies in [0, 1]; a term in one part gives 1 - sqrt(n-1)/sqrt(n-1), which floats
    # made +-2.2e-16 (a negative dispersion in a table): rounded off at 12 places.
    d = round(float(1 - variation / np.sqrt(n - 1)), 12)
    result["juilland_d"] = min(1.0, max(0.0, d))
    return result


def stat_dispersion(
    c: Corpus | str,
    term: str,
    *,
    by: str | None = None,
    voice: str | None = None,
    workers: int | None = None,
) -> pd.DataFrame:
    """Dispersion of ``term`` over the documents, overall or within each group.

    Parameters:
        c: a Corpus or a text.
        term: a word or glob, case-insensitive (aliases map to canonical names), or a
            phrase, matched as :func:`analysis.kwic` matches it (see
            :func:`term_by_document`).
        by: a docvar; each group's documents are its parts.
        voice: "authorial", "quoted" or None/"all".

    Returns:
        ``term, group, count, documents, doc_count, range`` (share of documents using
        the term), ``juilland_d, dp, dp_norm`` (NaN for a group of one document
        with words, or where the term does not occur).

    Example:
        >>> import corpus
        >>> c = corpus.from_texts(["peace now", "war now", "peace peace"])
        >>> stat_dispersion(c, "peace")[["count", "doc_count", "dp"]].round(3).values.tolist()
        [[3.0, 2.0, 0.333]]
    """
    c = as_corpus(c)
    per_doc = term_by_document(c, term, voice=voice, workers=workers)
    per_doc["group"] = group_labels(c, by).reindex(per_doc["doc_id"]).to_numpy()
    rows = []
    for group, part in per_doc.groupby("group", sort=True):
        measures = dispersion_measures(part["count"], part["words"])
        rows.append({"term": per_doc.attrs["term"], "group": str(group), **measures})
    table = in_group_order(pd.DataFrame(rows, columns=DISPERSION_COLUMNS))
    return attach(table, "stat_dispersion", {"term": term, "by": by, "voice": voice}, c)


@recorded_plot
def plot_dispersion(
    c_or_table: Corpus | pd.DataFrame,
    term: str | None = None,
    *,
    order_by: str | None = "year",
    ax=None,
):
    """Rate of a term in each document, documents in the order of a docvar.

    Parameters:
        c_or_table: a Corpus (with ``term``) or a :func:`term_by_document` table.
        term: the word, glob or phrase (needed with a Corpus).
        order_by: the docvar ordering the documents (e.g. "year"); None keeps corpus
            order. Tick labels show its value where it changes.
        ax: the Axes to draw on (a new figure when None).

    Returns:
        The Axes; the title names the term, the documents and, for a table counted in
        one voice, the voice.
    """
    from ._plots import check_plot_table, with_voice
    from .plots import _axes, _style

    if isinstance(c_or_table, pd.DataFrame):
        table = c_or_table
        check_plot_table(
            table, ["doc_id", "per_10k"], plot="plot_dispersion", source="term_by_document"
        )
    else:
        if term is None:
            raise ValueError("term= is needed when plotting from a Corpus")
        table = term_by_document(c_or_table, term)
    term = term or table.attrs.get("term", "")
    title = with_voice(f"Dispersion of “{term}” over {len(table)} documents", table)
    if order_by is not None:
        if order_by not in table.columns:
            known = ", ".join(c for c in table.columns if c not in ("count", "words", "per_10k"))
            raise ValueError(f"order_by={order_by!r} is not a column; columns are: {known}")
        table = table.sort_values([order_by, "doc_id"], kind="stable")
    table = table.reset_index(drop=True)
    with _style():
        ax = _axes(ax)
        x = np.arange(len(table))
        ax.vlines(x, 0, table["per_10k"].fillna(0), linewidth=1)
        ax.set_xlim(-0.5, len(table) - 0.5)
        ax.set_ylabel(f"“{term}” per 10,000 words")
        if order_by is not None:
            values = table[order_by].astype(str)
            changes = np.flatnonzero(values.ne(values.shift()).to_numpy())
            step = max(1, int(np.ceil(len(changes) / 12)))
            shown = changes[::step]
            ax.set_xticks(shown)
            ax.set_xticklabels(values.iloc[shown].tolist(), rotation=45, ha="right")
            ax.set_xlabel(f"documents ordered by {order_by}")
        else:
            ax.set_xlabel("documents (corpus order)")
        ax.set_title(title)
    remember_provenance(ax, table)
    return ax
