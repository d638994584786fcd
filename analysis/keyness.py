"""Keyness: which terms a target group uses more (or less) than a reference.

All statistics are computed for the whole vocabulary at once with numpy, from four
numbers per term: ``a`` (count in target), ``b`` (count in reference), ``c`` and ``d``
(words in target and reference).

- ``g2``: log-likelihood as in Rayson & Garside (2000), the two-cell form corpus
  tools (Wmatrix, AntConc, #LancsBox) report: expected counts ``E1 = c(a+b)/(c+d)``,
  ``E2 = d(a+b)/(c+d)``, ``G2 = 2(a ln(a/E1) + b ln(b/E2))``, p from chi-square with
  1 df. It leaves out the cells of the other words, so it differs from Dunning's
  (1993) full 2x2 G2, ``scipy.stats.chi2_contingency(..., lambda_="log-likelihood")``,
  most for frequent terms (a statistics audit on 80 UN speeches: "the" 10.9 against
  12.0, "of" 6% lower; rare terms agree closely).
- ``chi2``: Pearson's chi-square on the 2x2 table ``[[a, b], [c-a, d-b]]`` with Yates'
  continuity correction (as ``scipy.stats.chi2_contingency``).
- ``log_ratio``: Hardie (2014), ``log2((a/c)/(b/d))``. A zero count is replaced by 0.5,
  as Hardie advises, or by less where 0.5 would out-rate the other side: at most half
  the other side's rate (``min(0.5, 0.5 b c/d)`` for ``a``), so a term one side never
  uses always leans to the other side (a flat 0.5 in a small target out-rated a few
  uses in a large reference and flipped the sign). Rows with a zero count have wide
  intervals: they hold little evidence;
  its 95% interval is the Wald interval of a log rate ratio,
  ``ln RR +- 1.96 sqrt(1/a - 1/c + 1/b - 1/d)``, divided by ln 2.
- ``pct_diff``: %DIFF (Gabrielatos & Marchi 2012), ``100 (nf_t - nf_r) / nf_r`` on
  per-million frequencies, a zero reference frequency replaced by 1e-18 as they advise.
- ``odds_ratio``: ``(a/(c-a)) / (b/(d-b))``, a zero count replaced as for ``log_ratio``
  (adding 0.5 to every cell flipped the direction of terms unused by a small target).
- ``bic``: Wilson (2013), ``G2 - ln(c+d)`` (1 degree of freedom).
- ``simple_maths``: Kilgarriff (2009), ``(pm_t + k)/(pm_r + k)`` on per-million
  frequencies, ``k=1`` by default.

Every row also says how many documents of each side use the term, and its
``dispersion_flag`` says whether the side the term is key for spreads it over its
documents, so a keyword carried by one long speech is flagged rather than trusted.
"""

from __future__ import annotations

import difflib
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from corpus import Corpus
from corpus.errors import check_choice

from ._document_test import DocumentRates, check_document_sides, group_doc_ids
from ._input import (
    MISSING_GROUP,
    as_corpus,
    check_min_count,
    check_top_n,
    check_voice,
    group_labels,
    group_order,
)
from ._terms import check_case, fold_term
from .frequency import GroupCounts, count_by_group
from .provenance import attach

MEASURES = ("g2", "chi2", "log_ratio", "pct_diff", "odds_ratio", "bic", "simple_maths")
TESTS = ("tokens", "documents")
CORRECTIONS = ("holm", "bonferroni", "fdr_bh", "none")
Z95 = 1.959963984540054  # scipy.stats.norm.ppf(0.975), written out: no scipy import at start-up

# dispersion_flag of a reference keyword when the reference is a frequency list, which
# does not say which documents use a term.
DOCUMENTS_UNKNOWN = "documents_unknown"

KEYNESS_COLUMNS = [
    "term",
    "count_target",
    "count_reference",
    "per_10k_target",
    "per_10k_reference",
    "direction",
    "g2",
    "p_value",
    "p_adjusted",
    "log_ratio",
    "log_ratio_low",
    "log_ratio_high",
    "doc_count_target",
    "doc_range_target",
    "doc_count_reference",
    "dispersion_flag",
]


# -- statistics over arrays ---------------------------------------------------------


def _xlogy_ratio(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """``o ln(o/e)`` with ``0 ln 0 = 0``."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(observed > 0, observed * np.log(observed / expected), 0.0)


def log_likelihood(a, b, c, d) -> np.ndarray:
    """G2 of Rayson & Garside (2000) for target count ``a`` of ``c`` words, reference ``b`` of ``d``."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    return 2.0 * (_xlogy_ratio(a, e1) + _xlogy_ratio(b, e2))


def chi_square_yates(a, b, c, d) -> np.ndarray:
    """Pearson chi-square with Yates' correction on ``[[a, b], [c-a, d-b]]``."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    observed = np.stack([a, b, c - a, d - b])
    n = c + d
    rows = np.stack([a + b, a + b, n - a - b, n - a - b])
    cols = np.array([c, d, c, d], dtype=float).reshape((4,) + (1,) * a.ndim)
    expected = rows * cols / n
    # scipy's rule: shrink |O - E| by 0.5 but never past zero.
    diff = np.abs(observed - expected)
    diff = diff - np.minimum(0.5, diff)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(expected > 0, diff**2 / expected, 0.0)
    return terms.sum(axis=0)


def _without_zeros(a, b, c, d) -> tuple[np.ndarray, np.ndarray]:
    """Counts with a zero replaced by Hardie's 0.5, or by the count at half the other
    side's rate where that is less (``min(0.5, 0.5 b c/d)`` for ``a``,
    ``min(0.5, 0.5 a d/c)`` for ``b``): the side without the term never gets the higher
    rate, and a term with real evidence on the other side keeps Hardie's value.

    Example:
        >>> a, b = _without_zeros(np.array([0, 0, 3]), np.array([5, 2000, 0]), 1000, 100000)
        >>> a.tolist(), b.tolist()
        ([0.025, 0.5, 3.0], [5.0, 2000.0, 0.5])
    """
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    # (both zero cannot reach a keyness table: such terms are dropped before)
    a_star = np.where(b == 0, 0.5, np.minimum(0.5, 0.5 * b * c / d))
    b_star = np.where(a == 0, 0.5, np.minimum(0.5, 0.5 * a * d / c))
    return np.where(a == 0, a_star, a), np.where(b == 0, b_star, b)


def log_ratio(a, b, c, d) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hardie's (2014) log ratio and its 95% interval (zero counts: see _without_zeros)."""
    a, b = _without_zeros(a, b, c, d)
    ratio = np.log2((a / c) / (b / d))
    se = np.sqrt(np.maximum(1 / a - 1 / c + 1 / b - 1 / d, 0.0)) / np.log(2)
    return ratio, ratio - Z95 * se, ratio + Z95 * se


def pct_diff(a, b, c, d) -> np.ndarray:
    """%DIFF of Gabrielatos & Marchi (2012) on per-million frequencies.

    Zero counts: a term the reference never uses has its reference frequency 0
    replaced by 1e-18, as they advise, so its %DIFF is 1e20 times its per-million
    frequency in the target (8.1e+21 for 81 per million): finite, and larger than any
    real percentage so such terms sort first, but not a percentage to report (their
    ``count_reference`` is 0). A term the target never uses gets exactly -100 (equal
    rows are ordered by G2 in keyness tables), one neither side uses 0. No NaN or inf.

    Example:
        >>> pct_diff([2, 0, 5, 0], [1, 3, 0, 0], 1000, 1000).tolist()
        [100.0, -100.0, 5e+23, 0.0]
    """
    nf_t = np.asarray(a, dtype=float) / c * 1e6
    nf_r = np.asarray(b, dtype=float) / d * 1e6
    diff = 100.0 * (nf_t - nf_r) / np.where(nf_r == 0, 1e-18, nf_r)
    # exactly -100 where the target never uses the term: (0 - x) / x can round to
    # -100.00000000000001, which would order such terms by rounding noise
    return np.where((nf_t == 0) & (nf_r > 0), -100.0, diff)


def odds_ratio(a, b, c, d) -> np.ndarray:
    """Odds ratio of the 2x2 table; a zero count as in :func:`log_ratio`, and a side made
    of the term alone (no other word) gets half an other word."""
    others_t = np.maximum(c - np.asarray(a, dtype=float), 0.5)
    others_r = np.maximum(d - np.asarray(b, dtype=float), 0.5)
    a, b = _without_zeros(a, b, c, d)
    return (a / others_t) / (b / others_r)


def bic(g2: np.ndarray, c, d) -> np.ndarray:
    """Wilson's (2013) BIC approximation: G2 minus ln(N) for 1 degree of freedom."""
    return g2 - np.log(c + d)


def simple_maths(a, b, c, d, k: float = 1.0) -> np.ndarray:
    """Kilgarriff's (2009) Simple Maths ratio with smoothing constant ``k``."""
    return (np.asarray(a) / c * 1e6 + k) / (np.asarray(b) / d * 1e6 + k)


def adjust_p(p: np.ndarray, method: str) -> np.ndarray:
    """Holm, Bonferroni or Benjamini-Hochberg adjusted p-values (or none)."""
    check_choice("correction", method, CORRECTIONS)
    p = np.asarray(p, dtype=float)
    m = len(p)
    if method == "none" or m == 0:
        return p.copy()
    if method == "bonferroni":
        return np.minimum(p * m, 1.0)
    order = np.argsort(p, kind="stable")
    ranked = p[order]
    if method == "holm":
        adjusted = np.maximum.accumulate(ranked * (m - np.arange(m)))
    else:  # fdr_bh
        adjusted = np.minimum.accumulate((ranked * m / np.arange(1, m + 1))[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(adjusted, 1.0)
    return out


# -- tables --------------------------------------------------------------------------


def keyness_table(
    sides: pd.DataFrame,
    target_words: int,
    reference_words: int,
    *,
    target_documents: int,
    reference_documents: int | None = None,
    measure: str = "g2",
    min_count: int = 5,
    correction: str = "holm",
    k: float = 1.0,
    top_n: int | None = None,
    document_p: Callable[[list[str]], np.ndarray] | None = None,
    exclude: tuple[str, ...] = (),
) -> pd.DataFrame:
    """Keyness of every term from aligned target and reference counts.

    Parameters:
        sides: one row per term: ``term, count_target, count_reference`` and
            optionally ``doc_count_target, doc_count_reference``.
        target_words, reference_words: sizes of the two sides in words.
        target_documents: documents on the target side (for ``doc_range_target``).
        reference_documents: documents on the reference side, when known (a reference
            of one document flags its keywords ``one_reference_document``).
        Other parameters as in :func:`stat_keyness`.
    """
    check_choice("measure", measure, MEASURES)
    check_choice("correction", correction, CORRECTIONS)
    merged = sides.copy()
    # A reference given as a frequency list (term, count) says nothing of documents.
    reference_documents_known = "doc_count_reference" in merged
    for column in ("count_target", "count_reference", "doc_count_target", "doc_count_reference"):
        if column not in merged:
            merged[column] = 0
        merged[column] = merged[column].fillna(0).astype("int64")
    used = merged["count_target"] + merged["count_reference"]
    # A term neither side uses (another group's, with min_count=0) says nothing of
    # either side and would only enlarge the multiple-comparison correction.
    kept = (used >= min_count) & (used > 0)
    if exclude:
        kept &= ~_matches_any(merged["term"], exclude)
    merged = merged[kept].reset_index(drop=True)
    a = merged["count_target"].to_numpy(dtype=float)
    b = merged["count_reference"].to_numpy(dtype=float)
    c, d = float(target_words), float(reference_words)
    if c <= 0 or d <= 0:
        empty = [side for side, n in (("target", c), ("reference", d)) if n <= 0]
        which = "the target and the reference have" if len(empty) == 2 else f"the {empty[0]} has"
        raise ValueError(f"keyness needs words on both sides: {which} no words")

    from scipy import stats  # imported when first needed: it costs half a second

    g2 = log_likelihood(a, b, c, d)
    lr, lr_low, lr_high = log_ratio(a, b, c, d)
    if measure == "chi2":
        chi2 = chi_square_yates(a, b, c, d)
        p = stats.chi2.sf(chi2, df=1)
    else:
        p = stats.chi2.sf(g2, df=1)
    if document_p is not None:  # the documents are the sample, not the word tokens
        p = document_p(merged["term"].tolist())
    table = merged[["term", "count_target", "count_reference"]].copy()
    table["per_10k_target"] = a / c * 10_000
    table["per_10k_reference"] = b / d * 10_000
    table["direction"] = np.where(a / c >= b / d, "target", "reference")
    table["g2"] = g2
    extra = {
        "chi2": lambda: chi2,
        "pct_diff": lambda: pct_diff(a, b, c, d),
        "odds_ratio": lambda: odds_ratio(a, b, c, d),
        "bic": lambda: bic(g2, c, d),
        "simple_maths": lambda: simple_maths(a, b, c, d, k),
    }
    if measure in extra:
        table[measure] = extra[measure]()
    table["p_value"] = p
    table["p_adjusted"] = adjust_p(p, correction)
    table["log_ratio"] = lr
    table["log_ratio_low"] = lr_low
    table["log_ratio_high"] = lr_high
    docs = merged["doc_count_target"].to_numpy()
    table["doc_count_target"] = docs
    table["doc_range_target"] = docs / target_documents if target_documents else np.nan
    table["doc_count_reference"] = (
        merged["doc_count_reference"].to_numpy()
        if reference_documents_known
        else pd.array([pd.NA] * len(merged), dtype="Int64")
    )
    target_flags = _side_flags(docs, target_documents, side="target")
    if reference_documents_known:
        reference_docs = merged["doc_count_reference"].to_numpy()
        reference_flags = _side_flags(reference_docs, reference_documents, side="reference")
    else:
        reference_flags = np.full(len(merged), DOCUMENTS_UNKNOWN, dtype=object)
    # Each row is flagged for the side it is key for: a reference keyword's spread over
    # the target's documents (mostly none) says nothing of how the reference uses it.
    table["dispersion_flag"] = np.where(
        table["direction"] == "target", target_flags, reference_flags
    )
    columns = list(KEYNESS_COLUMNS)
    if measure in extra:
        columns.insert(columns.index("g2") + 1, measure)
    table = table[columns]
    return _order(table, measure, top_n)


def _side_flags(docs: np.ndarray, n_docs: int | None, *, side: str) -> np.ndarray:
    """How one side spreads each term over its documents, from ``docs``, the number of
    its documents using the term: ``one_<side>_document`` for every term when the side
    is one document (its keywords say how that text differs, not how its group
    speaks); else ``single_document`` when one document holds every occurrence, and
    ``ok`` when several do. A term the side does not use at all is never key for it.

    Example:
        >>> _side_flags(np.array([1, 3]), 5, side="reference").tolist()
        ['single_document', 'ok']
        >>> _side_flags(np.array([1, 1]), 1, side="target").tolist()
        ['one_target_document', 'one_target_document']
    """
    if n_docs == 1:
        return np.full(len(docs), f"one_{side}_document", dtype=object)
    return np.where(docs == 1, "single_document", "ok").astype(object)


def _order(table: pd.DataFrame, measure: str, top_n: int | None) -> pd.DataFrame:
    """Target keywords first (strongest first), then reference keywords (strongest last).

    Rows are split by direction first, so no measure can interleave the two sides (a
    reference term with a negative BIC, no evidence either way, once sorted among the
    target's keywords). Within a side, ratio measures are ordered on their logarithm;
    G2, chi2 and BIC are signed by direction. ``top_n`` keeps that many of each side.
    """
    values = table[measure].to_numpy(dtype=float)
    if measure in ("odds_ratio", "simple_maths"):
        score = np.log(values)
    elif measure in ("g2", "chi2", "bic"):
        score = np.where(table["direction"] == "target", values, -values)
    else:
        score = values
    side = np.where(table["direction"] == "target", 0, 1)
    # Equal scores (every term the target never uses has a %DIFF of -100) are ordered
    # by G2, the evidence: stronger first on the target's side, last on the reference's.
    g2 = table["g2"].to_numpy(dtype=float)
    tie = np.where(side == 0, g2, -g2)
    table = table.assign(_side=side, _score=score, _tie=tie).sort_values(
        ["_side", "_score", "_tie", "term"], ascending=[True, False, False, True], kind="stable"
    )
    if top_n is not None:
        top = table[table["direction"] == "target"].head(top_n)
        bottom = table[table["direction"] == "reference"].tail(top_n)
        table = pd.concat([top, bottom])
    return table.drop(columns=["_side", "_score", "_tie"]).reset_index(drop=True)


class Vocabulary:
    """Every term of the corpus with an index, so groups become aligned count arrays."""

    def __init__(self, groups: dict[str, GroupCounts]) -> None:
        terms: dict[str, int] = {}
        for g in groups.values():
            for term in g.counts:
                terms.setdefault(term, len(terms))
        self.index = terms
        self.terms = np.array(list(terms), dtype=object)
        self.total_counts, self.total_docs = self._zeros(), self._zeros()
        self.words = sum(g.words for g in groups.values())
        self.documents = sum(g.documents for g in groups.values())
        for g in groups.values():
            counts, docs = self.arrays(g)
            self.total_counts += counts
            self.total_docs += docs

    def _zeros(self) -> np.ndarray:
        return np.zeros(len(self.terms), dtype=np.int64)

    def arrays(self, g: GroupCounts) -> tuple[np.ndarray, np.ndarray]:
        """Counts and document frequencies of group ``g`` over the vocabulary."""
        positions = np.fromiter(
            (self.index[t] for t in g.counts), dtype=np.int64, count=len(g.counts)
        )
        counts, docs = self._zeros(), self._zeros()
        counts[positions] = np.fromiter(g.counts.values(), dtype=np.int64, count=len(g.counts))
        docs[positions] = np.fromiter(
            (g.doc_freq[t] for t in g.counts), dtype=np.int64, count=len(g.counts)
        )
        return counts, docs


def _sides_against_corpus(
    vocab: Vocabulary, target: GroupCounts, reference: GroupCounts | None
) -> tuple[pd.DataFrame, int]:
    """Aligned counts of a target against one group or against all the other documents."""
    counts, docs = vocab.arrays(target)
    if reference is None:
        ref_counts, ref_docs = vocab.total_counts - counts, vocab.total_docs - docs
        ref_words = vocab.words - target.words
    else:
        ref_counts, ref_docs = vocab.arrays(reference)
        ref_words = reference.words
    sides = pd.DataFrame(
        {
            "term": vocab.terms,
            "count_target": counts,
            "count_reference": ref_counts,
            "doc_count_target": docs,
            "doc_count_reference": ref_docs,
        }
    )
    return sides, ref_words


def reference_counts(reference: pd.DataFrame) -> pd.Series:
    """The ``count`` column of a ``term, count`` reference table, as whole numbers.

    Raises:
        ValueError: naming the first row (counted from 1, after any header) whose
            count is missing, not a number, negative, not whole or beyond 64 bits.

    Example:
        >>> reference_counts(pd.DataFrame({"term": ["peace"], "count": ["12"]})).tolist()
        [12]
    """
    counts = pd.to_numeric(reference["count"], errors="coerce")
    bad = counts.isna() | (counts < 0) | (counts % 1 != 0) | (counts >= 2**63)  # 64-bit sums
    if bad.any():
        row = int(bad.to_numpy().argmax())
        term, value = reference["term"].iloc[row], reference["count"].iloc[row]
        raise ValueError(
            f"reference table, row {row + 1} (term {term!r}): count {str(value)!r} is not a "
            "whole number of 0 or more"
        )
    return counts.astype("int64")


def check_whole_frequency_list(reference: pd.DataFrame) -> None:
    """A ``term, count`` reference must list every word of its corpus: a ValueError for
    a list that :func:`analysis.stat_frequency` cut (``top_n``, ``stopwords``,
    ``min_count``) or made of n-grams, as its provenance says; without provenance and
    without a stated size (``attrs["words"]``), for a list of 20 terms and 1,000 words
    or more in which no term occurs fewer than 3 times (a whole list of real text has
    words used once or twice).

    Example:
        >>> check_whole_frequency_list(pd.DataFrame({"term": ["a", "b"], "count": [2, 1]}))
    """
    record = reference.attrs.get("provenance") or {}
    if record.get("function") == "analysis.stat_frequency":
        cut = _options_that_cut(record.get("parameters") or {})
        if cut:
            made = ", ".join(f"{k} {v!r}" for k, v in cut.items())
            raise ValueError(
                f"the reference frequency list leaves words out ({made}): its size and the "
                "count of every term it leaves out would be wrong. Give the whole list: "
                "stat_frequency without top_n, stopwords or min_count, of single words "
                "(command line: frequency --top-n 0)"
            )
        return
    if "words" in reference.attrs:
        return  # the size is stated: a list cut at a frequency (a published list) serves
    counts = reference_counts(reference)
    if len(counts) >= 20 and counts.sum() >= 1_000 and counts.min() >= 3:
        raise ValueError(
            f"the reference frequency list looks cut: {len(counts):,} terms and "
            f"{int(counts.sum()):,} words, but no term occurs fewer than {int(counts.min())} "
            "times, as in a list cut to its most frequent terms. Give the whole frequency "
            "list of the reference corpus (stat_frequency without top_n; command line: "
            "frequency --top-n 0)"
        )


def _options_that_cut(parameters: dict) -> dict:
    """The stat_frequency options in ``parameters`` that left words out of its list."""
    cut = {}
    if parameters.get("top_n") is not None:
        cut["top_n"] = parameters["top_n"]
    if parameters.get("stopwords"):
        cut["stopwords"] = parameters["stopwords"]
    if (parameters.get("min_count") or 1) > 1:
        cut["min_count"] = parameters["min_count"]
    if (parameters.get("ngram") or 1) != 1:
        cut["ngram"] = parameters["ngram"]
    return cut


def _sides_against_table(
    target: GroupCounts, reference: pd.DataFrame, case: str, token_map: dict[str, str]
) -> tuple[pd.DataFrame, int]:
    """Aligned counts of a target against an external ``term, count`` table, its terms
    folded as the corpus' words are (``case``, aliases), so that "Peace" in the list is
    the corpus' "peace"."""
    if not {"term", "count"} <= set(reference.columns):
        raise ValueError(
            "reference= as a table needs the columns 'term' and 'count'; "
            f"it has: {', '.join(map(str, reference.columns))}"
        )
    check_whole_frequency_list(reference)
    terms = [fold_term(str(t), case, token_map, frozenset()) for t in reference["term"]]
    reference = reference.assign(term=terms, count=reference_counts(reference))
    ref = reference.groupby("term", as_index=False)["count"].sum()
    ref_words = int(reference.attrs.get("words", ref["count"].sum()))
    own = pd.DataFrame(
        {
            "term": list(target.counts),
            "count_target": list(target.counts.values()),
            "doc_count_target": [target.doc_freq[t] for t in target.counts],
        }
    )
    sides = pd.merge(own, ref.rename(columns={"count": "count_reference"}), on="term", how="outer")
    return sides, ref_words


def stat_keyness(
    c: Corpus | str,
    *,
    by: str | None,
    target: str | None = None,
    reference: str | pd.DataFrame | None = None,
    measure: str = "g2",
    min_count: int = 5,
    correction: str = "holm",
    top_n: int | None = None,
    k: float = 1.0,
    case: str = "lower",
    voice: str | None = None,
    test: str = "tokens",
    exclude: Sequence[str] | None = None,
    workers: int | None = None,
) -> pd.DataFrame:
    """Key terms of a target group against the rest, a named group or a frequency list.

    Parameters:
        c: the corpus.
        by: the docvar defining groups (None only with an external ``reference``).
        target: a group label; None or "all" compares every group with the rest, in
            one table with a ``group`` column.
        reference: None (all other documents, those without a value of ``by``
            among them: the table's ``attrs["reference_groups"]`` names the other groups
            and ``attrs["reference_missing_documents"]`` counts those documents), another
            group label, or a DataFrame
            with ``term, count`` (an external frequency list of every word of the
            reference corpus; its size is the sum of ``count`` unless it has a
            ``words`` attribute in ``attrs``; its terms are folded as the corpus' words
            are; a list cut to its top terms is refused, see
            :func:`check_whole_frequency_list`).
        measure: one of "g2", "chi2", "log_ratio", "pct_diff", "odds_ratio", "bic",
            "simple_maths"; it orders the table and is added as a column.
        min_count: minimum count of a term in target and reference together.
        correction: "holm", "bonferroni", "fdr_bh" or "none", over the terms tested in
            one comparison: with several targets, each group's terms are corrected on
            their own, not over the whole table.
        top_n: keep the ``top_n`` strongest terms in each direction (per group).
        k: the Simple Maths smoothing constant.
        test: where ``p_value`` comes from. "tokens" (default): G2's (or chi2's)
            chi-square p, which treats every word token as an independent draw; words
            cluster in speeches, so these p-values are far too small (seven random UN
            speeches against the rest gave 12-53 Holm-significant "keywords" in every
            draw). "documents": a permutation test of the documents' relative
            frequencies of the term (after Lijffijt et al. 2016), with the documents as
            the sample, whose p-values are exact where the documents split into the
            sides in few enough ways (10 against 10; every split enumerated) and
            otherwise bounds, never below the exact permutation p-values (see
            :mod:`analysis._document_test`): conservative, 0 significant
            terms for random groups of speeches. It needs at least 2 documents on each
            side (every group against the rest: NaN p-values for a group with one
            document), a reference from the corpus and every voice. The measures and
            the order do not change.
        exclude: terms left out of the table and of the correction, such as an
            outlet's own name or its bylines' words in news ("meridian", "reporting");
            a term may end in ``*`` ("report*"). They still count in the sides' sizes
            in words, so the other terms' measures do not change. Folded as the terms
            are (``case="lower"``: any case).
        case, voice, workers: as in :func:`stat_frequency`.

    Returns:
        ``term, count_target, count_reference, per_10k_target, per_10k_reference,
        direction`` ("target": relatively more frequent in the target), ``g2``, the
        chosen measure when it is not g2, ``p_value`` (G2's, or chi2's for "chi2";
        the document test's with ``test="documents"``),
        ``p_adjusted, log_ratio, log_ratio_low, log_ratio_high, doc_count_target,
        doc_range_target, doc_count_reference, dispersion_flag``;
        ``doc_count_reference`` is missing (<NA>) for a reference given as a frequency
        list; with several targets, ``group`` first. ``dispersion_flag`` describes the
        side the term is key for (its ``direction``): "single_document" when one
        document of that side holds every occurrence (``doc_count_target`` or
        ``doc_count_reference`` is 1), "one_target_document" or
        "one_reference_document" for every keyword of a side that is a single document,
        else "ok"; a reference keyword of a frequency list is "documents_unknown" (a
        list does not say which documents use a term). Target keywords come first,
        strongest first; reference keywords follow, strongest last (so the strongest of
        both sides stand at the ends of the table, as in :func:`plot_keyness`).

    Example:
        >>> import corpus
        >>> c = corpus.from_texts(["peace peace peace war", "war war trade"],
        ...                       docvars={"country": ["A", "B"]})
        >>> stat_keyness(c, by="country", target="A", min_count=1)["term"].tolist()
        ['peace', 'war', 'trade']
    """
    check_top_n(top_n)
    check_min_count(min_count)
    c = as_corpus(c)
    voice = check_voice(voice)
    check_case(case)
    check_choice("measure", measure, MEASURES)
    check_choice("correction", correction, CORRECTIONS)
    check_choice("test", test, TESTS)
    external = isinstance(reference, pd.DataFrame)
    if test == "documents" and (external or voice != "all"):
        raise ValueError(
            "test='documents' compares documents of the corpus in every voice; "
            + ("reference= is an external frequency list" if external else f"voice={voice!r}")
            + " (use test='tokens')"
        )
    if by is None and not external:
        raise ValueError("by=None needs an external reference table; give by= a docvar")
    labels = group_labels(c, by)
    # Group labels are strings (a year docvar gives "1995"): accept target=1995 too, and
    # check the names before counting a whole corpus.
    known = group_order(labels.dropna())
    several = target is None or target == "all"
    if by is None:
        several, target = False, "all"
    elif not several:
        target = str(target)
        check_choice("target", target, known)
    if reference is not None and not external:
        if isinstance(reference, bool) or not isinstance(reference, (str, int)):
            raise TypeError(
                "reference= must be a group name, a DataFrame with term and count columns, or None"
            )
        reference = str(reference)
        check_choice("reference", reference, known)
        if reference == target:
            raise ValueError(f"reference={reference!r} must differ from target={target!r}")
    groups = count_by_group(c, labels, case=case, voice=voice, workers=workers)
    known = group_order(groups)
    excluded = _excluded_terms(exclude, case, c.aliases.token_map())
    _warn_unmatched(excluded, (term for g in groups.values() for term in g.counts))
    options = dict(
        measure=measure,
        min_count=min_count,
        correction=correction,
        k=k,
        top_n=top_n,
        exclude=excluded,
    )
    targets = known if several else [target]
    if several and isinstance(reference, str):
        targets = [name for name in targets if name != reference]  # not against itself

    vocab = None if external else Vocabulary(groups)
    rates = DocumentRates(c, case, workers=workers) if test == "documents" else None
    frames = []
    for name in targets:
        tgt = groups[name]
        if external:
            sides, ref_words = _sides_against_table(tgt, reference, case, c.aliases.token_map())
        else:
            ref = groups[reference] if isinstance(reference, str) else None
            sides, ref_words = _sides_against_corpus(vocab, tgt, ref)
        document_p = None
        if rates is not None:
            document_p = _document_test(rates, labels, name, reference, strict=not several)
        table = keyness_table(
            sides,
            tgt.words,
            ref_words,
            target_documents=tgt.documents,
            reference_documents=_reference_documents(vocab, tgt, reference, groups),
            document_p=document_p,
            **options,
        )
        if several:
            table.insert(0, "group", name)
        frames.append(table)
    table = pd.concat(frames, ignore_index=True)
    params = {
        "by": by,
        "target": target,
        "reference": "external table" if external else reference,
        **options,
        "case": case,
        "voice": voice,
        "test": test,
    }
    table = attach(table, "stat_keyness", params, c)
    if not several and reference is None and by is not None:
        table.attrs.update(_rest_of_corpus(groups, target))
    return table


def _reference_documents(
    vocab: Vocabulary | None,
    target: GroupCounts,
    reference: str | pd.DataFrame | None,
    groups: dict[str, GroupCounts],
) -> int | None:
    """Documents on the reference side: a named group's, or every document outside the
    target; None for an external frequency list (``vocab`` None), which has none."""
    if vocab is None:
        return None
    if isinstance(reference, str):
        return groups[reference].documents
    return vocab.documents - target.documents


def _rest_of_corpus(groups: dict[str, GroupCounts], target: str) -> dict[str, Any]:
    """What "the rest" a target was compared with, for labels: the other named groups
    (``reference_groups``) and the documents without a value of ``by`` among them
    (``reference_missing_documents``). Those documents are in the reference, as every
    document outside the target is, but they are no group of their own: a label
    counting "(missing)" as one of "the other N groups" would misname them."""
    missing = groups.get(MISSING_GROUP)
    return {
        "reference_groups": [g for g in group_order(groups) if g not in (target, MISSING_GROUP)],
        "reference_missing_documents": (
            missing.documents if missing is not None and target != MISSING_GROUP else 0
        ),
    }


def _document_test(
    rates: DocumentRates, labels: pd.Series, target: str, reference: str | None, strict: bool
) -> Callable[[list[str]], np.ndarray]:
    """Permutation p-values of terms between the target's documents and the reference's.

    A side with fewer than 2 documents is an error for one target (``strict``); in a
    table of every group against the rest, that group's p-values are NaN instead."""
    target_ids = group_doc_ids(labels, target)
    if reference is None:
        chosen = set(target_ids)
        reference_ids = [d for d in labels.index if d not in chosen]
        side = "reference (the documents outside the target)"
    else:
        reference_ids = group_doc_ids(labels, reference)
        side = f"reference {reference!r}"
    if not strict and min(len(target_ids), len(reference_ids)) < 2:
        return lambda terms: np.full(len(terms), np.nan)
    check_document_sides(f"target {target!r}", len(target_ids))
    check_document_sides(side, len(reference_ids))
    return lambda terms: rates.permutation_p(terms, target_ids, reference_ids)


def _excluded_terms(
    exclude: Sequence[str] | None, case: str, token_map: dict[str, str]
) -> tuple[str, ...]:
    """``exclude=`` checked and folded as the table's terms are, aliases included
    ("Zelensky" is the term "zelenskyy" when the alias table says so); sorted, so the
    record is the same whatever the order given."""
    if exclude is None:
        return ()
    if isinstance(exclude, str) or not all(isinstance(t, str) for t in exclude):
        raise TypeError(
            f"exclude={exclude!r} must be a list of terms, e.g. ['meridian', 'report*']"
        )
    folded = set()
    for given in exclude:
        term = given.strip()
        if not term:
            continue
        if any(ch.isspace() for ch in term):
            raise ValueError(
                f"exclude={given!r}: keyness compares single words; give the words one by one"
            )
        if term.endswith("*"):
            folded.add(term.lower() if case == "lower" else term)
        else:
            folded.add(str(fold_term(term, case, token_map, frozenset())))
    return tuple(sorted(folded))


def _warn_unmatched(patterns: tuple[str, ...], terms: Iterable[str]) -> None:
    """A warning for each ``exclude=`` entry that no term of the corpus matches (a typo
    excludes nothing, silently otherwise)."""
    if not patterns:
        return
    vocabulary = pd.Series(list(dict.fromkeys(terms)), dtype=object)
    for pattern in patterns:
        if not _matches_any(vocabulary, (pattern,)).any():
            # (a close spelling is looked for only for an entry that matched nothing)
            alike = difflib.get_close_matches(pattern.rstrip("*"), vocabulary.tolist(), n=1)
            hint = f" (did you mean {alike[0]!r}?)" if alike else ""
            warnings.warn(
                f"exclude: {pattern!r} matches no term of the corpus, so it leaves nothing "
                f"out{hint}",
                stacklevel=3,
            )


def _matches_any(terms: pd.Series, patterns: tuple[str, ...]) -> np.ndarray:
    """Which ``terms`` are one of ``patterns`` (a pattern ending in ``*``: any term it
    starts)."""
    exact = [p for p in patterns if not p.endswith("*")]
    prefixes = tuple(p[:-1] for p in patterns if p.endswith("*"))
    hit = terms.isin(exact).to_numpy(dtype=bool, copy=True)
    if prefixes:
        hit |= terms.str.startswith(prefixes).to_numpy(dtype=bool)
    return hit
