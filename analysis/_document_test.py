"""Keyness p-values over documents instead of word tokens (Lijffijt et al. 2016).

G2 and chi-square treat every word token as an independent draw, but words come in
speeches: a speaker who talks about fisheries says "fisheries" many times in one
speech. Seven random UN speeches set against the other 1,144 gave 12-53 "significant"
keywords after Holm's correction in each draw. A permutation test on the documents'
relative frequencies of a term asks instead whether the target's documents use it more
than documents drawn at random would, with the documents as the sample.

The per-document frequencies come from the corpus's word-count table
(:mod:`analysis._wordcounts`), folded to terms as the frequency lists fold them, in a
sparse document-by-term matrix: no document-by-term table is ever dense.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator

import numpy as np
import pandas as pd

from corpus import Corpus

from ._terms import fold_vocabulary
from ._wordcounts import word_counts


class DocumentRates:
    """Each document's relative frequency (per word) of every term, sparse.

    Parameters:
        c: the corpus.
        case: "lower" or "preserve", as the keyness table's terms were counted.
        workers: processes for counting, when the corpus has no word-count table yet.
    """

    def __init__(self, c: Corpus, case: str, workers: int | None = None) -> None:
        from scipy import sparse

        table = word_counts(c, workers=workers)
        token_map = c.aliases.token_map()
        term_of_type, terms = fold_vocabulary(table.vocab, case, token_map, frozenset())
        rows = np.repeat(np.arange(len(c)), np.diff(table.offsets))
        counts = sparse.csr_matrix(
            (table.counts.astype(float), (rows, term_of_type[table.type_ids])),
            shape=(len(c), max(len(terms), 1)),
        )  # spellings of one term in one document are summed here
        words = table.words.astype(float)
        scale = np.divide(1.0, words, out=np.zeros_like(words), where=words > 0)
        self.rates = (sparse.diags(scale) @ counts).tocsr()
        self.column = {term: k for k, term in enumerate(terms)}
        self.doc_index = {doc_id: i for i, doc_id in enumerate(c.doc_ids)}
        self._last_columns: tuple[tuple[int, ...], _Columns] | None = None

    def permutation_p(
        self, terms: Iterable[str], target: list[str], reference: list[str]
    ) -> np.ndarray:
        """Two-sided p-values for "the target's documents use the term more (or less)
        than documents drawn at random would", each document one draw.

        The statistic is the sum of the target documents' relative frequencies. Its
        distribution under random assignment of documents to the sides (the permutation
        distribution) is not computed but bounded, so the p-values are never smaller
        than the exact permutation p-values (conservative), from three bounds on the tail,
        the smaller of which is used:

        - hypergeometric: the target cannot reach its sum with fewer of the term's
          documents than the largest values take (nor stay below it with more than the
          smallest allow), so the tail is at most that of the hypergeometric count of
          those documents; strong for rare terms;
        - Bernstein's inequality for sums of draws without replacement (Hoeffding 1963,
          section 6): ``exp(-u^2 / (2 n1 var + 2 b u / 3))`` for a departure ``u`` from
          the expected sum, with the variance and the largest deviation ``b`` of all
          the documents' values; strong for common terms;
        - Chernoff's bound with the term's own values (the exact moment generating
          function of one draw, its exponent minimized for each term): Bernstein's
          bound bounds it, and for the skewed values of word rates it is smaller by
          orders of magnitude ("freedom" in 10 US speeches of the 1980s against the
          other 1,475: 0.035 with Bernstein's, 1.1e-5 with Chernoff's, where 20,000
          random draws never reached the observed sum). It is computed where it may
          matter: departures of more than 2.58 standard deviations above the
          expectation, 1.28 below it (a normal tail understates how far the low
          side of skewed values can go).

        Approximations failed: a normal tail with the exact permutation moments gave
        Holm-significant terms for 6-30% of random groups of speeches (p = 1.2e-7 for
        a word whose exact p is 5.9e-6), t-tests and rank tests far more.

        Where the documents can be split into the two sides in few enough ways
        (:data:`EXACT_WORK`: 10 speeches against 10, 184,756 ways), every split is
        enumerated and the p-values are the exact ones (each tail doubled, as the bounds
        are): the bounds were 1 to 10 times too large there, and by different factors for
        different terms, so that the order of significance was not the exact one.
        """
        from scipy import stats

        rows_t = [self.doc_index[d] for d in target]
        rows_r = [self.doc_index[d] for d in reference]
        n1, n = len(rows_t), len(rows_t) + len(rows_r)
        found = np.array([self.column.get(t, -1) for t in terms], dtype=np.int64)
        if few_splits(n, n1):
            return self._exact_p(found, rows_t, rows_r)
        columns = self._columns_of(rows_t + rows_r)
        pick = np.where(found >= 0, found, 0)
        used = np.where(found >= 0, columns.used[pick], 0)
        out = np.ones(len(found))
        at = np.flatnonzero(used > 0)
        if not len(at):
            return out
        column = pick[at]
        observed = np.asarray(self.rates[rows_t].sum(axis=0)).ravel()[column]
        total = columns.sums[column]
        expected = n1 * total / n
        is_upper = observed >= expected
        count = np.where(
            is_upper,
            columns.fewest_reaching(column, observed),
            columns.most_within(column, observed),
        )
        # each term's one tail only: the lower tail's cdf is the costly one
        hypergeometric = np.empty(len(at))
        up = is_upper
        hypergeometric[up] = stats.hypergeom.sf(count[up] - 1, n, used[at][up], n1)
        hypergeometric[~up] = stats.hypergeom.cdf(count[~up], n, used[at][~up], n1)
        bernstein = _bernstein_tail(columns, column, n, n1, observed, expected)
        tail = np.minimum(hypergeometric, bernstein)
        # Chernoff's bound with each term's own values is tighter than Bernstein's (which
        # bounds it from above) by orders of magnitude for skewed values, but it is
        # found by iterating over the values: only for terms that may be significant.
        _, variance = columns.moments(column, n)
        spread = np.sqrt(n1 * variance * (n - n1) / max(n - 1, 1))  # of the sum's permutations
        with np.errstate(divide="ignore", invalid="ignore"):
            z = np.abs(observed - expected) / spread
        limit = np.where(is_upper, _CHERNOFF_FROM_Z, _LOWER_FROM_Z)
        departed = _departs(observed, expected)  # (z means nothing for a rounding error)
        close = (tail > _CHERNOFF_BELOW) & departed & (spread > 0) & (z > limit)
        if close.any():
            chernoff = _chernoff_tail(
                columns, column[close], n, n1, observed[close], total[close], is_upper[close]
            )
            tail[close] = np.minimum(tail[close], chernoff)
        out[at] = np.minimum(1.0, 2 * tail)
        return out

    def _exact_p(self, found: np.ndarray, rows_t: list[int], rows_r: list[int]) -> np.ndarray:
        """Exact permutation p-values of the terms in columns ``found`` (-1: a term no
        document has): every way of choosing the target's number of documents among all
        of them, its sum of each term's rates against the observed one (one tail,
        doubled, at most 1)."""
        rows = rows_t + rows_r
        n1 = len(rows_t)
        out = np.ones(len(found))
        at = np.flatnonzero(found >= 0)
        if not len(at):
            return out
        values = self.rates[rows][:, found[at]].toarray()  # documents x terms, dense: few documents
        observed = values[:n1].sum(axis=0)
        expected = values.sum(axis=0) * n1 / len(rows)
        upper = observed >= expected
        slack = _slack(np.abs(observed))
        reaching = np.zeros(len(at))
        block = max(256, _BLOCK_CELLS // len(at))
        for splits in all_splits(len(rows), n1, block):
            sums = splits @ values  # one row per split
            reaching += np.where(
                upper,
                (sums >= observed - slack).sum(axis=0),
                (sums <= observed + slack).sum(axis=0),
            )
        tail = reaching / math.comb(len(rows), n1)
        departed = _departs(observed, expected)
        out[at] = np.where(departed, np.minimum(1.0, 2 * tail), 1.0)
        return out

    def _columns_of(self, rows: list[int]) -> _Columns:
        """Per-term statistics over these documents, kept for the last set asked (every
        group against the rest asks for all documents each time)."""
        key = tuple(sorted(rows))
        if self._last_columns is None or self._last_columns[0] != key:
            self._last_columns = (key, _Columns(self.rates[list(key)].tocsc()))
        return self._last_columns[1]


class _Columns:
    """Each term's non-zero values over a set of documents, sorted within the term, with
    what the bounds of :meth:`DocumentRates.permutation_p` read: computed once for all
    terms with array operations instead of once per term."""

    def __init__(self, matrix) -> None:
        bounds = matrix.indptr
        self.used = np.diff(bounds)
        entries = np.repeat(np.arange(len(self.used)), self.used)
        values = matrix.data
        self.sums = np.bincount(entries, weights=values, minlength=len(self.used))
        self.squares = np.bincount(entries, weights=values**2, minlength=len(self.used))
        order = np.lexsort((values, entries))  # ascending within each term
        ascending = values[order]
        self.entries = entries
        starts, ends = bounds[:-1], bounds[1:]
        self.values, self.starts = ascending, starts
        # Running sums within each term: from its smallest values, and from its largest
        # (entry j of a term's span [start, end) mirrored is start + end - 1 - j).
        self.within = _running_within(ascending, starts, self.used)
        mirrored = (starts + ends - 1)[entries] - np.arange(len(values))
        self.reach = _running_within(ascending[mirrored], starts, self.used)
        self.largest = np.zeros(len(self.used))
        self.smallest = np.zeros(len(self.used))
        filled = self.used > 0
        self.largest[filled] = ascending[ends[filled] - 1]
        self.smallest[filled] = ascending[starts[filled]]

    def moments(self, column: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
        """Mean and variance of each chosen term's values over the ``n`` documents (those
        without the term hold 0)."""
        mean = self.sums[column] / n
        return mean, np.maximum(self.squares[column] / n - mean**2, 0.0)

    def fewest_reaching(self, column: np.ndarray, observed: np.ndarray) -> np.ndarray:
        """The fewest of each term's documents whose largest values reach ``observed``."""
        return self._count(self.reach, column, observed - _slack(observed), strict=True) + 1

    def most_within(self, column: np.ndarray, observed: np.ndarray) -> np.ndarray:
        """The most of each term's documents whose smallest values stay within ``observed``."""
        return self._count(self.within, column, observed + _slack(observed), strict=False)

    def _count(self, running, column, threshold, *, strict: bool) -> np.ndarray:
        """How many of each chosen term's running sums are below (``strict``) or at most
        ``threshold``: the running sums rise within a term, so this is where the
        threshold would be inserted."""
        limit = np.full(len(self.used), np.nan)
        limit[column] = threshold
        per_entry = limit[self.entries]
        hits = running < per_entry if strict else running <= per_entry
        counts = np.bincount(self.entries, weights=hits, minlength=len(self.used))
        return counts[column].astype(np.int64)


# Exact p-values are enumerated where the splits of the documents into the two sides,
# times the documents, are at most this many (the work per term tested): 10 documents
# against 10 (184,756 splits), 5 against 25 (142,506).
EXACT_WORK = 6_000_000
# Sums computed at a time (splits x terms): some 32 MB.
_BLOCK_CELLS = 1 << 22


def few_splits(n: int, n1: int) -> bool:
    """Whether every choice of ``n1`` of ``n`` documents can be enumerated: the splits
    times the documents are at most :data:`EXACT_WORK` (some 0.2 s of sums for one
    value a document; see :func:`all_splits`)."""
    return math.comb(n, n1) * n <= EXACT_WORK


def all_splits(n: int, n1: int, size: int) -> Iterator[np.ndarray]:
    """Every choice of ``n1`` of ``n`` documents as 0/1 rows, ``size`` at a time."""
    choices = itertools.combinations(range(n), n1)
    while True:
        block = list(itertools.islice(choices, size))
        if not block:
            return
        rows = np.zeros((len(block), n))
        rows[np.repeat(np.arange(len(block)), n1), np.asarray(block).ravel()] = 1.0
        yield rows


def _running_within(values: np.ndarray, starts: np.ndarray, used: np.ndarray) -> np.ndarray:
    """Cumulative sums restarting at each term's first entry, added in the same order
    as ``np.cumsum`` of the term's own values. (One cumulative sum over every term and
    a subtraction at each term's start loses the last bits to the large running total,
    more than the bounds' tolerance.) Position k of every term long enough is added at
    once, so the loop runs over the longest term's length, not over the terms."""
    out = np.empty_like(values)
    order = np.argsort(-used, kind="stable")  # terms, longest first
    lengths, firsts = used[order], starts[order]
    running = np.zeros(len(order))
    for k in range(int(lengths[0]) if len(lengths) else 0):
        live = int(np.searchsorted(-lengths, -k, side="left"))  # terms longer than k
        at = firsts[:live] + k
        running[:live] += values[at]
        out[at] = running[:live]
    return out


def _slack(observed: np.ndarray) -> np.ndarray:
    return 1e-12 * np.maximum(observed, 1e-300)


def _bernstein_tail(
    columns: _Columns, column: np.ndarray, n: int, n1: int, observed, expected
) -> np.ndarray:
    """Bernstein's bound on P(|sum of n1 draws - expected| >= departure) one side, for
    draws without replacement from ``n`` documents, for each chosen term; its
    documents without the term hold 0."""
    departure = np.abs(observed - expected)
    mean, variance = columns.moments(column, n)
    below = np.where(columns.used[column] < n, mean, mean - columns.smallest[column])
    spread = np.maximum(columns.largest[column] - mean, below)
    with np.errstate(divide="ignore", invalid="ignore"):
        exponent = departure**2 / (2 * n1 * variance + 2 * spread * departure / 3)
    tail = np.exp(-exponent)
    return np.where(~_departs(observed, expected) | ~np.isfinite(exponent), 1.0, tail)


def _departs(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """Whether each sum departs from its expectation beyond rounding: documents that all
    have one rate give a sum that differs only in the last bits, no evidence at all."""
    return np.abs(observed - expected) > 1e-9 * np.maximum(np.abs(expected), 1e-300)


# Chernoff's bound is computed where the other bounds leave a tail above this (below it,
# every correction over terms keeps the term significant anyway) and where the
# departure is at least this many permutation standard deviations (a normal tail of
# 1.28 sd is 0.1 one-sided: no term that close to its expectation is significant).
_CHERNOFF_BELOW = 1e-15
_CHERNOFF_FROM_Z = 2.58
_LOWER_FROM_Z = 1.28
_NEWTON_STEPS = 12


def _chernoff_tail(
    columns: _Columns,
    column: np.ndarray,
    n: int,
    n1: int,
    observed: np.ndarray,
    total: np.ndarray,
    upper: np.ndarray,
) -> np.ndarray:
    """Chernoff's bound on one tail of the sum of ``n1`` draws without replacement, for
    each chosen term: ``min over t of E[exp(t (S - s))] <= M(t)^n1 exp(-t s)``, with
    ``M`` the moment generating function of one draw from the term's ``n`` values. For
    draws without replacement the bound holds as for draws with it (Hoeffding 1963,
    Theorem 4: their sum is smaller in convex order). Every ``t`` gives a valid bound,
    so rounding and a minimum not quite reached can only loosen it.

    The sum of one side fixes the other's (they add up to ``total``), so the bound is
    taken over the side with fewer documents, its tail the other way round.
    """
    draws = min(n1, n - n1)
    if draws != n1:  # the reference side: its sum below total - s when ours is above s
        observed, upper = total - observed, ~upper
    # One upper tail for both: a lower tail of the values v is an upper tail of
    # largest - v, where the documents without the term hold the largest value.
    used = columns.used[column]
    firsts = columns.starts[column]
    owner = np.repeat(np.arange(len(column)), used)
    offsets = np.arange(len(owner)) - np.repeat(np.cumsum(used) - used, used)
    values = columns.values[firsts[owner] + offsets]
    largest = columns.largest[column]
    scale = np.where(largest > 0, largest, 1.0)
    y = np.where(upper[owner], values, largest[owner] - values) / scale[owner]
    zero = np.where(upper, 0.0, 1.0)  # the scaled value of the documents without the term
    target = np.where(upper, observed, draws * largest - observed) / scale / draws
    empty = (n - used).astype(float)  # documents without the term
    # Exponentials are shifted by the largest scaled value (at most 1): none overflows.
    top = np.zeros(len(column))
    np.maximum.at(top, owner, y)
    top = np.maximum(top, np.where(empty > 0, zero, 0.0))
    # A sum cannot pass draws times the largest value: beyond it only by rounding, which
    # at a large t would read as a vanishing tail.
    target = np.minimum(target, top)

    def tilted(t: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """log M(t), and the mean and variance of the values tilted by exp(t v)."""
        weights = np.exp(t[owner] * (y - top[owner]))
        mass = np.bincount(owner, weights=weights, minlength=len(column))
        first = np.bincount(owner, weights=weights * y, minlength=len(column))
        second = np.bincount(owner, weights=weights * y * y, minlength=len(column))
        rest = empty * np.exp(t * np.where(empty > 0, zero - top, 0.0))
        total_mass = mass + rest
        mean = (first + rest * zero) / total_mass
        variance = np.maximum((second + rest * zero * zero) / total_mass - mean**2, 0.0)
        return t * top + np.log(total_mass / n), mean, variance

    # The exponent draws * (log M(t) - t * target) is convex in t, its slope draws *
    # (tilted mean - target): Newton's steps on the slope, kept inside the bracket the
    # signs give (halved, or doubled while no step has overshot). Every t gives a valid
    # bound, so the smallest exponent met is kept and no convergence is needed.
    _, mean, variance = tilted(np.zeros(len(column)))
    t = np.clip((target - mean) / np.maximum(variance, 1e-300), 1e-12, 1e12)
    low, high = np.zeros(len(column)), np.full(len(column), np.inf)
    best = np.zeros(len(column))
    for _ in range(_NEWTON_STEPS):
        log_mgf, mean, variance = tilted(t)
        best = np.minimum(best, draws * (log_mgf - t * target))
        below = mean < target
        low, high = np.where(below, t, low), np.where(below, high, t)
        with np.errstate(divide="ignore", invalid="ignore"):
            step = t - (mean - target) / variance
        inside = np.isfinite(step) & (step > low) & (step < high)
        fallback = np.where(np.isfinite(high), (low + high) / 2, 2 * t)
        t = np.minimum(np.where(inside, step, fallback), 1e12)
    return np.exp(best)


def check_document_sides(name: str, n: int) -> None:
    """The test needs two documents on a side: one says nothing of how documents vary."""
    if n < 2:
        raise ValueError(
            f"test='documents' needs at least 2 documents on each side; the {name} has {n} "
            "(use test='tokens', or group the documents by a coarser docvar)"
        )


def group_doc_ids(labels: pd.Series, name: str) -> list[str]:
    """The doc_ids whose group label is ``name``."""
    return labels.index[labels.astype(str) == name].tolist()
