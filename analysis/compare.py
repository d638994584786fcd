"""Compare a per-document measure across groups: means with intervals over documents,
and pairwise differences with corrected p-values, in one tidy table.

Intervals: Hesterberg's expanded percentile bootstrap from 10 documents a group;
below that Student's t for a mean and, for a difference, a t interval with the
conservative ``min(n_a, n_b) - 1`` degrees of freedom (Welch's Satterthwaite degrees
left out a true difference of 0 in 13-27% of simulated 2-vs-30 comparisons of skewed
values; these 0-8%). A rate's interval does not go below 0: a ``rate:`` or hedging or
modality measure of a corpus, and a table's column that communique names as a rate
("rate", "pooled_rate", "per_10k") while it holds no negative value.

Documents are the unit: a group's estimate is the mean of its documents' values, so
one long speech counts once. Works the same for countries and for years (a time series).
Hedging and modality measures ("hedges", "epistemic", ...) are each document's rate per
1,000 words as :func:`stat_hedging` and :func:`stat_modality` give it with ``by="doc_id"``.
These and ``"rate:<term>"`` can be counted in one voice (``voice="authorial"`` or
``"quoted"``): the words of that voice, counted as those functions count them.
"""

from __future__ import annotations

import itertools
import math
import warnings
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import numpy as np
import pandas as pd

from corpus import Corpus, Document
from corpus.errors import alike_choice, check_choice

from ._document_test import all_splits, few_splits
from ._input import (
    MISSING_GROUP,
    as_corpus,
    check_by,
    check_one_docvar,
    check_voice,
    group_labels,
    group_order,
)
from .comparisons import MEASURES as COMPARISON_MEASURE_NAMES
from .comparisons import stat_comparisons
from .dispersion import term_by_document
from .diversity import DIVERSITY_MEASURES, stat_lexical_diversity
from .engine import map_documents
from .hedges import HEDGING_MEASURES, stat_hedging
from .keyness import CORRECTIONS, adjust_p
from .modals import MODALITY_MEASURES, stat_modality
from .provenance import attach
from .quotes import QUOTING_MEASURES as QUOTING_MEASURE_NAMES
from .quotes import stat_quoting
from .rates import (
    BOOTSTRAP_FROM,
    N_BOOT,
    SEED,
    bootstrap_mean_ci,
    check_min_words,
    documents_key,
    expanded_levels,
    poisson_rate_ci,
)
from .readability import SCORE_COLUMNS, stat_readability

READABILITY_MEASURES = tuple(SCORE_COLUMNS)
# Rates per 1,000 words (of a voice, or all), as stat_hedging/stat_modality(by="doc_id") give them.
STANCE_MEASURES = HEDGING_MEASURES + MODALITY_MEASURES
# Quoting rates per 1,000 words of every voice, as stat_quoting(by="doc_id") gives them.
QUOTING_MEASURES = tuple(QUOTING_MEASURE_NAMES)
# Comparisons per 1,000 words (of a voice, or all), as stat_comparisons(by="doc_id") gives
# them: every type together, each type, and those with a named past.
COMPARISON_MEASURES = tuple(COMPARISON_MEASURE_NAMES)
NAMED_MEASURES = (
    READABILITY_MEASURES
    + DIVERSITY_MEASURES
    + STANCE_MEASURES
    + COMPARISON_MEASURES
    + QUOTING_MEASURES
)
# Names communique gives a table's rates (stat_hedging's "rate", term_by_document's
# "per_10k"): kept by a table filtered and joined to docvars, which loses its record.
RATE_COLUMN_NAMES = ("rate", "pooled_rate", "per_10k")
PAIRS = ("all", "adjacent", "none")
COMBINED_COLUMN_HINT = (
    "to group by two columns, add one that combines them and group by it: "
    "t['country_year'] = t['country'].astype(str) + ' ' + t['year'].astype(str), "
    "then by='country_year'"
)
TESTS = ("welch", "permutation")
# Splits of an exact permutation test summed at a time (a 0/1 row each): some 8 MB.
_SPLITS_AT_ONCE = 1 << 15
COMPARE_COLUMNS = [
    "kind",
    "measure",
    "group",
    "group_b",
    "documents",
    "documents_b",
    "estimate",
    "ci_low",
    "ci_high",
    "p_value",
    "p_adjusted",
]
# With cluster=: how many clusters each side has (its units), after its documents.
CLUSTER_COLUMNS = ["clusters", "clusters_b"]


def _table_columns(*, within: bool, cluster: bool) -> list[str]:
    """compare's columns: with within=, the stratum each row belongs to, after the
    measure; with cluster=, the clusters of each side after its documents."""
    columns = list(COMPARE_COLUMNS)
    if cluster:
        at = columns.index("documents_b") + 1
        columns[at:at] = CLUSTER_COLUMNS
    if within:
        columns.insert(columns.index("measure") + 1, "within")
    return columns


# Joins a stratum and a group into one label (no docvar value holds it).
_CELL = "\x1f"


def meant_measure(measure: object) -> str:
    """ "did you mean 'hedges'? " for a measure spelled like a named one ("hedge",
    "Epistemic"), to put before the list of measures; "" otherwise."""
    alike = alike_choice(measure, NAMED_MEASURES)
    return f"did you mean {alike!r}? " if alike is not None else ""


def _apply(doc: Document, func: Callable[[Document], float]) -> float:
    return float(func(doc))


def per_document_values(
    c: Corpus,
    measure: str | Callable,
    *,
    voice: str = "all",
    min_words: int = 1,
    workers: int | None = None,
) -> tuple[pd.Series, str]:
    """Values of ``measure`` for each document (index doc_id) and the measure's name.

    ``voice`` ("all", "authorial" or "quoted") chooses the words a rate counts: a
    measure that cannot take one (see :func:`check_measure_voice`) needs "all". A rate
    of a document with fewer than ``min_words`` words in the voice is missing (NaN).
    A named measure's values carry the provenance record of the table they come from
    (``attrs["provenance"]``), whose lexicon versions :func:`compare` records.
    """
    check_measure_voice(measure, voice)
    if callable(measure):
        values = map_documents(c, _apply, measure, workers=workers)
        name = getattr(measure, "__name__", "measure")
        return pd.Series(values, index=pd.Index(c.doc_ids, name="doc_id"), dtype=float), name
    if measure in READABILITY_MEASURES:
        table = stat_readability(c)
    elif measure in DIVERSITY_MEASURES:
        table = stat_lexical_diversity(c, workers=workers)
    elif isinstance(measure, str) and measure.startswith("rate:"):
        table = term_by_document(c, measure[len("rate:") :], voice=voice, workers=workers)
        table = table.rename(columns={"per_10k": measure})
    elif measure in STANCE_MEASURES:
        table = _stance_rates(c, measure, voice=voice, workers=workers)
    elif measure in COMPARISON_MEASURES:
        rates = stat_comparisons(c, by="doc_id", voice=voice, workers=workers)
        table = _per_document_rates(rates, measure, c)
    elif measure in QUOTING_MEASURES:
        table = _per_document_rates(stat_quoting(c, by="doc_id", workers=workers), measure, c)
    else:
        valid = ", ".join(repr(m) for m in NAMED_MEASURES)
        raise ValueError(
            f"measure={measure!r} is not valid; {meant_measure(measure)}choose one of: "
            f"{valid}, 'rate:<term>' "
            "(per 10,000 words), a column of a per-document table, or a function doc -> float"
        )
    indexed = table.set_index("doc_id")
    values = indexed[measure].astype(float)
    if min_words > 1 and "words" in table.columns:
        values = values.mask(indexed["words"].to_numpy() < min_words)
    values.attrs["provenance"] = table.attrs.get("provenance", {})
    if {"count", "words"} <= set(table.columns):
        # each document's count and words, for the Poisson interval of a group's pooled count
        values.attrs["pooled"] = indexed[["count", "words"]].astype(float)
    return values, measure


def takes_voice(measure: object) -> bool:
    """Whether a measure can be counted in one voice: ``"rate:<term>"`` and the hedging,
    modality and comparison rates, whose words :func:`term_by_document`,
    :func:`stat_hedging`, :func:`stat_modality` and :func:`stat_comparisons` take from
    one voice. Readability and diversity scores read whole texts (sentences, running
    words), and a function reads what it likes.

    Example:
        >>> takes_voice("rate:peace"), takes_voice("deontic"), takes_voice("simile")
        (True, True, True)
        >>> takes_voice("ttr")
        False
    """
    if not isinstance(measure, str):
        return False
    return (
        measure.startswith("rate:") or measure in STANCE_MEASURES or measure in COMPARISON_MEASURES
    )


def check_measure_voice(measure: object, voice: str) -> None:
    """A ValueError naming ``measure`` when it is asked for in one voice and cannot be
    counted in one (rather than giving its all-voice values under a voice's name)."""
    unknown = isinstance(measure, str) and measure not in NAMED_MEASURES
    if voice == "all" or takes_voice(measure) or unknown:
        return  # an unknown name gets per_document_values' list of the valid ones
    name = getattr(measure, "__name__", "a function") if callable(measure) else repr(measure)
    why = (
        "it counts quotes among every word of a document"
        if measure in QUOTING_MEASURES
        else "it reads a document's whole text"
    )
    raise ValueError(
        f"the measure {name} cannot be computed in one voice (voice={voice!r}): {why}. "
        "voice= applies to 'rate:<term>' and the hedging, modality and comparison "
        f"measures ({', '.join(map(repr, STANCE_MEASURES + COMPARISON_MEASURES))}); "
        "leave voice= out for this measure"
    )


def _checked_order(order: Sequence[str], groups: dict, by: str) -> list[str]:
    """``order=`` as a list naming every group once ("(missing)" may be left out, and
    then comes last), or a ValueError saying which groups it leaves out or does not
    know."""
    if isinstance(order, str):
        raise ValueError(f"order={order!r} is not valid; give a list of the {by} groups")
    wanted = [str(g) for g in order]
    unknown = [g for g in wanted if g not in groups]
    left_out = [g for g in group_order(groups) if g not in wanted and g != MISSING_GROUP]
    if unknown or left_out or len(set(wanted)) < len(wanted):
        problems = []
        if unknown:
            problems.append(f"no group {', '.join(map(repr, unknown))}")
        if left_out:
            problems.append(f"leaves out {', '.join(map(repr, left_out))}")
        if len(set(wanted)) < len(wanted):
            problems.append("names a group twice")
        known = ", ".join(map(repr, group_order(groups)))
        raise ValueError(f"order= {'; '.join(problems)}; list each {by} group once: {known}")
    if MISSING_GROUP in groups and MISSING_GROUP not in wanted:
        wanted.append(MISSING_GROUP)
    return wanted


def _stance_rates(c: Corpus, measure: str, *, voice: str, workers: int | None) -> pd.DataFrame:
    """``doc_id``, each document's rate of a hedging or modality ``measure`` per 1,000
    words of ``voice`` (NaN for a document without words in it), its count and words,
    with the stat table's provenance."""
    stat = stat_hedging if measure in HEDGING_MEASURES else stat_modality
    return _per_document_rates(stat(c, by="doc_id", voice=voice, workers=workers), measure, c)


def _per_document_rates(rates: pd.DataFrame, measure: str, c: Corpus) -> pd.DataFrame:
    """The rows of ``measure`` of a ``by="doc_id"`` rate table as ``doc_id, <measure>,
    count, words``, in the corpus's order, as the stat tables read the documents of a
    group: the same values in the same order get the same bootstrap draws."""
    rows = rates[rates["measure"] == measure]
    table = pd.DataFrame(
        {
            "doc_id": rows["group"].to_numpy(),
            measure: rows["rate"].to_numpy(),
            "count": rows["count"].to_numpy(),
            "words": rows["words"].to_numpy(),
        }
    )
    table = table.set_index("doc_id").reindex(c.doc_ids).reset_index()
    table.attrs["provenance"] = rates.attrs.get("provenance", {})
    return table


def _pooled_by_group(values: pd.Series, labels: pd.Series) -> dict[str, tuple[int, float]]:
    """Each group's pooled count and words over its documents that have a value (those
    left out by ``min_words`` or without words in the voice are not pooled), from the
    per-document counts :func:`per_document_values` keeps; {} when it kept none."""
    pooled = values.attrs.get("pooled")
    if pooled is None:
        return {}
    kept = values.notna().to_numpy()
    sums = pooled[kept].groupby(labels[kept].astype(str).to_numpy()).sum()
    return {str(g): (int(row["count"]), float(row["words"])) for g, row in sums.iterrows()}


def _lexicons(values: pd.Series) -> dict[str, Any]:
    """The lexicons behind per-document values (version, and file digest when known),
    from the provenance record they carry: {} for a table column or a function."""
    record = values.attrs.get("provenance", {})
    digests = record.get("lexicon_sha256", {})
    return {
        name: SimpleNamespace(version=version, sha256=digests.get(name, ""))
        for name, version in record.get("lexicons", {}).items()
    }


def _table_labels(values: pd.Series) -> pd.Series:
    """Group labels of a table column: whole-number floats (a year column with a gap,
    which pandas reads as float) keep their integer spelling, 1990 and not 1990.0."""
    if pd.api.types.is_float_dtype(values):
        whole = values.dropna()
        exact = np.isfinite(whole) & (whole.abs() < 2**53)  # where floats hold integers
        if len(whole) and exact.all() and (whole == whole.round()).all():
            values = values.astype("Int64")
    return values.astype("string").fillna(MISSING_GROUP)


def _rng(seed: int, key: str) -> np.random.Generator:
    return np.random.default_rng([seed, zlib.crc32(key.encode())])


def bootstrap_difference_ci(
    a: np.ndarray, b: np.ndarray, *, n_boot: int, level: float, seed: int, key: str
) -> tuple[float, float]:
    """Bootstrap interval of mean(a) - mean(b), resampling each group's documents, at
    expanded percentiles (see :func:`analysis.rates.expanded_levels`) for the smaller
    group: the plain percentile interval excluded 0 in 12-15% of simulated comparisons of
    3 to 7 documents with no real difference, where 5% was promised."""
    if len(a) < 2 or len(b) < 2:
        return float("nan"), float("nan")
    if min(len(a), len(b)) < BOOTSTRAP_FROM:
        return welch_difference_ci(a, b, level)
    rng = _rng(seed, key)
    means_a = a[rng.integers(0, len(a), size=(n_boot, len(a)))].mean(axis=1)
    means_b = b[rng.integers(0, len(b), size=(n_boot, len(b)))].mean(axis=1)
    levels = expanded_levels(min(len(a), len(b)), level)
    low, high = np.quantile(means_a - means_b, levels)
    return float(low), float(high)


def welch_difference_ci(a: np.ndarray, b: np.ndarray, level: float) -> tuple[float, float]:
    """A t interval of mean(a) - mean(b) with unpooled variances, for groups too small to
    resample (a bootstrap interval cannot reach beyond the few differences there are:
    with 2 and 2 documents it left out a true difference of 0 a third of the time).
    Degrees of freedom ``min(n_a, n_b) - 1`` (Hsu; Banerjee 1961), not Welch's
    Satterthwaite approximation, which is too liberal when a small group meets a large
    one. NaN where neither group varies."""
    from scipy import stats

    if _constant(a) and _constant(b):
        return float("nan"), float("nan")
    difference, spread, df = _small_sample_t(a, b)
    half = stats.t.ppf((1 + level) / 2, df) * spread
    return float(difference - half), float(difference + half)


def _small_sample_t(a: np.ndarray, b: np.ndarray) -> tuple[float, float, int]:
    """mean(a) - mean(b), its standard error from unpooled variances, and the
    ``min(n_a, n_b) - 1`` degrees of freedom that interval and test both use."""
    spread = np.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b))
    return float(a.mean() - b.mean()), float(spread), min(len(a), len(b)) - 1


def _constant(values: np.ndarray) -> bool:
    # Exact equality: np.var of three 0.1s is 1.9e-34, not 0.
    return bool(np.all(values == values[0]))


def permutation_p(a: np.ndarray, b: np.ndarray, *, n_perm: int, seed: int, key: str) -> float:
    """Two-sided permutation p-value of the difference in means: exact where every split
    of the values into the two sides can be enumerated (:func:`few_splits`: 10 against
    10, 184,756 splits; 5 against 5 has 252), else (hits + 1)/(n + 1) over ``n_perm``
    random shuffles. (In 300 simulated pairs of 5 against 5 skewed values, 2,000 shuffles
    gave p-values up to 0.03 off the exact ones, and up to 0.011 where the exact p was
    between 0.02 and 0.1.)"""
    if len(a) < 1 or len(b) < 1:
        return float("nan")
    pooled = np.concatenate([a, b])
    observed = abs(a.mean() - b.mean())
    if few_splits(len(pooled), len(a)):
        return _exact_permutation_p(pooled, len(a), observed)
    rng = _rng(seed, "perm|" + key)
    shuffled = rng.permuted(np.broadcast_to(pooled, (n_perm, len(pooled))), axis=1)
    diffs = np.abs(shuffled[:, : len(a)].mean(axis=1) - shuffled[:, len(a) :].mean(axis=1))
    return float((np.sum(diffs >= observed - 1e-12) + 1) / (n_perm + 1))


def _exact_permutation_p(pooled: np.ndarray, n_a: int, observed: float) -> float:
    """The share of all splits of ``pooled`` into ``n_a`` values and the rest whose
    means differ by at least ``observed`` either way (the observed split among them)."""
    total, n_b = pooled.sum(), len(pooled) - n_a
    reaching = 0
    for splits in all_splits(len(pooled), n_a, _SPLITS_AT_ONCE):
        sums = splits @ pooled
        differences = np.abs(sums / n_a - (total - sums) / n_b)
        reaching += int(np.sum(differences >= observed - 1e-12))
    return reaching / math.comb(len(pooled), n_a)


def welch_p(a: np.ndarray, b: np.ndarray) -> float:
    """Two-sided p of Welch's t statistic (unpooled variances); NaN where it is
    undefined: fewer than 2 documents on a side, or no variation inside either group
    while the means differ (scipy answers p = 0 there; the permutation test gives what
    the documents can show).

    Below 10 documents on a side, with the ``min(n_a, n_b) - 1`` degrees of freedom of
    :func:`welch_difference_ci`, so that at :func:`compare`'s ``level`` the raw p is
    below ``1 - level`` exactly when that interval leaves out 0: with Welch's
    Satterthwaite degrees of freedom, 3 against 30 skewed values with no real
    difference gave p < 0.05 in 15.5% of simulated draws. From 10 a side the interval
    is a bootstrap one and the two can disagree near the border.
    """
    if len(a) < 2 or len(b) < 2:
        return float("nan")
    if _constant(a) and _constant(b):
        return 1.0 if a[0] == b[0] else float("nan")
    from scipy import stats  # imported when first needed: it costs half a second

    if min(len(a), len(b)) >= BOOTSTRAP_FROM:
        return float(stats.ttest_ind(a, b, equal_var=False).pvalue)
    difference, spread, df = _small_sample_t(a, b)
    return float(2 * stats.t.sf(abs(difference / spread), df))


def check_level(level: float) -> None:
    """``level`` is an interval's coverage, a number between 0 and 1 (0.95, not 95)."""
    if isinstance(level, bool) or not isinstance(level, (int, float)) or not 0 < level < 1:
        raise ValueError(
            f"level={level!r} is not valid; give a coverage between 0 and 1, e.g. 0.95"
        )


def _difference_interval_and_p(
    a: np.ndarray,
    b: np.ndarray,
    documents_a: pd.Index,
    documents_b: pd.Index,
    name: object,
    test: str,
    n_boot: int,
    level: float,
    seed: int,
) -> tuple[float, float, float]:
    """The interval of mean(a) - mean(b) and the test's p-value, with resamples and
    permutations seeded by the two groups' documents in an order of their own, not the
    groups' labels or the order they are reported in: renamed groups, or the same two
    the other way round (``order=``), give the same numbers (an interval negated)."""
    keys = (documents_key(documents_a, str(name)), documents_key(documents_b, str(name)))
    flipped = keys[1] < keys[0]
    first, second = (b, a) if flipped else (a, b)
    key = "|".join(sorted(keys))
    low, high = bootstrap_difference_ci(
        first, second, n_boot=n_boot, level=level, seed=seed, key=key
    )
    if flipped:
        low, high = -high, -low
    if test == "welch":
        return low, high, welch_p(a, b)
    # Two-sided: the same permutations in either order give the same p.
    return low, high, permutation_p(first, second, n_perm=n_boot, seed=seed, key=key)


@dataclass
class _Groups:
    """The groups of one stratum (or of all documents), each by its label."""

    units: dict[str, np.ndarray]  # the values tested: documents', or each cluster's mean
    documents: dict[str, pd.Index]  # every document, with or without a value (seeds draws)
    counted: dict[str, int]  # documents with a value
    clusters: dict[str, set[str]]  # the clusters of the documents ({} without cluster=)


def _by_group(data: pd.DataFrame) -> _Groups:
    """Each group's values (missing ones left out) and its documents, in one pass; with a
    ``cluster`` column, a group's units are its clusters, each the mean of its documents'
    values (as a group's estimate is the mean of its units': one long speech, or one
    country with many speeches, counts once)."""
    groups = _Groups({}, {}, {}, {})
    clustered = "cluster" in data.columns
    for g, part in data.groupby("group"):
        valued = part[part["value"].notna()]
        groups.documents[g] = part.index
        groups.counted[g] = len(valued)
        if clustered:
            means = valued.groupby("cluster", sort=False)["value"].mean()  # in document order
            groups.units[g] = means.to_numpy(float)
            groups.clusters[g] = set(part["cluster"])
        else:
            groups.units[g] = valued["value"].to_numpy()
    return groups


def _chosen_pairs(pairs: str, groups: list[str]) -> list[tuple[str, str]]:
    """The pairs of ``groups`` (in order) that ``pairs=`` asks to compare."""
    if pairs == "all":
        return list(itertools.combinations(groups, 2))
    if pairs == "adjacent":
        # Consecutive groups of a series: documents without a value have no place in it.
        return list(itertools.pairwise(g for g in groups if g != MISSING_GROUP))
    return []


def _untestable(name: str, g: str, h: str, groups: _Groups) -> dict:
    """The difference row of two groups one of which has no value: nothing to estimate."""
    return {
        "kind": "difference",
        "measure": name,
        "group": g,
        "group_b": h,
        **_sizes(groups, g, h),
        "estimate": np.nan,
        "ci_low": np.nan,
        "ci_high": np.nan,
        "p_value": np.nan,
        "p_adjusted": np.nan,
    }


def _sizes(groups: _Groups, g: str, h: str | None = None) -> dict[str, int | None]:
    """The documents with a value on each side (and, with cluster=, the clusters)."""
    sizes: dict[str, int | None] = {
        "documents": groups.counted[g],
        "documents_b": None if h is None else groups.counted[h],
    }
    if groups.clusters:
        sizes["clusters"] = len(groups.units[g])
        sizes["clusters_b"] = None if h is None else len(groups.units[h])
    return sizes


def _warn_of_single_units(differences: list[dict], test: str, cluster: str | None) -> None:
    """Say when differences have no interval (and, with Welch's test, no p-value) because
    a side has one document (one cluster): a table of NaN said nothing of why. Years
    within countries of the UN archive are one speech each, so every such difference
    is one."""
    size = "documents" if cluster is None else "clusters"
    lone = [d for d in differences if min(d[size], d[f"{size}_b"]) == 1]
    if not lone:
        return
    first = lone[0]
    where = f" within {first['within']!r}" if first["within"] else ""
    untested = "no interval or p-value" if test == "welch" else "no interval"
    if cluster is None:
        unit = "one document"
        advice = (
            "group documents together (periods of several years rather than single years), "
            "or model the values of the documents (a trend within countries: a regression "
            "on the rates per document, by='doc_id', joined to the docvars)"
        )
    else:
        unit = f"one {cluster} (cluster={cluster!r})"
        advice = f"one {cluster} says nothing of how {cluster} values vary within a group"
    warnings.warn(
        f"{len(lone)} of {len(differences)} differences have {untested}: a group of "
        f"{unit} (first: {first['group']!r} against {first['group_b']!r}{where}); {advice}",
        UserWarning,
        stacklevel=3,
    )


def _warn_of_missing_in_family(differences: list[dict], by: str, correction: str) -> None:
    """Say when the group of documents without a ``by`` value is tested and corrected
    with the groups the caller meant: its differences enlarge the family (a trial's
    NATO against the Soviet bloc, 0.0019, was corrected to 0.0037 by the speeches of
    countries in neither)."""
    tested = [d for d in differences if not np.isnan(d["p_value"])]
    missing = [d for d in tested if MISSING_GROUP in (d["group"], d["group_b"])]
    if not missing or correction == "none":
        return
    warnings.warn(
        f"{len(missing)} of {len(tested)} tested differences compare the documents with no "
        f"{by!r} value (group {MISSING_GROUP!r}), and the {correction} correction counts "
        f"them in its family; to compare only the {by!r} groups, leave those documents out "
        f"(c.subset(...) or a table's rows; on the command line --where {by}=...)",
        UserWarning,
        stacklevel=3,
    )


def _check_clusters_apart(groups: _Groups, g: str, h: str, cluster: str, stratum: str) -> None:
    """A ValueError when a cluster has documents in both groups of a difference: the two
    means would then share units, and the test, which takes them as independent samples,
    would not hold. Groups that divide their clusters (years of the same countries) are
    a paired or crossed design."""
    shared = sorted(groups.clusters[g] & groups.clusters[h])
    if not shared:
        return
    where = f" within {stratum!r}" if stratum else ""
    raise ValueError(
        f"cluster={cluster!r}: {len(shared)} {cluster} value(s) have documents in both "
        f"{g!r} and {h!r}{where} (first: {shared[0]!r}). cluster= takes each {cluster} as "
        "one draw of one group (countries inside blocs); groups that divide the clusters "
        "(years or periods of the same countries) are a paired or crossed design, which "
        f"compare does not test: compare the groups within each {cluster} "
        f"(within={cluster!r}), or fit a model with errors clustered by {cluster}"
    )


def _check_cluster_values(clusters: pd.Series, values: pd.Series, cluster: str) -> None:
    """A ValueError naming how many documents with a value have no cluster: such a
    document belongs to no unit, and neither leaving it out nor making it a cluster of
    its own would be a choice compare should make unseen."""
    lacking = int((clusters.isna().to_numpy() & values.notna().to_numpy()).sum())
    if lacking:
        raise ValueError(
            f"cluster={cluster!r}: {lacking} of {int(values.notna().sum())} documents with "
            f"a value have no {cluster}: give them one (with_docvars, or fill the table's "
            f"column; their doc_id makes each a cluster of its own) or leave them out "
            "(a subset of the corpus, or of the table's rows)"
        )


def compare(
    c_or_table: Corpus | pd.DataFrame,
    measure: str | Callable[[Document], float],
    *,
    by: str,
    within: str | None = None,
    cluster: str | None = None,
    voice: str | None = None,
    min_words: int = 1,
    pairs: str = "all",
    test: str = "welch",
    correction: str = "holm",
    n_boot: int = N_BOOT,
    level: float = 0.95,
    seed: int = SEED,
    order: Sequence[str] | None = None,
    workers: int | None = None,
) -> pd.DataFrame:
    """A per-document measure by group, with intervals and pairwise differences.

    Parameters:
        c_or_table: a Corpus, or a per-document table holding the ``measure`` and
            ``by`` columns (e.g. from ``find_*``/``stat_*`` per document).
        measure: a column of the table; or, with a Corpus, one of
            "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "ttr",
            "mattr", "mtld", ``"rate:<term or glob>"`` (per 10,000 words), a hedging
            or modality rate per 1,000 words ("hedges", "boosters", "modals",
            "epistemic", "deontic", "dynamic", "unclear", "strength_low",
            "strength_median", "strength_high"; in ``voice``, the default lexicons), a
            comparison rate per 1,000 words ("comparisons", "explicit", "simile",
            "comparative", "superlative", "historical", as :func:`stat_comparisons`
            counts them; in ``voice``), a quoting rate per 1,000 words ("quotes", "attributed", "fragments",
            "quoted_words", as :func:`stat_quoting` counts them), or a function
            ``doc -> float`` (module-level, for parallel runs). A rate's group interval
            is, as in the stat tables, the wider of the interval over documents and the
            exact Poisson interval of the group's pooled count (a group that never uses
            a term gets an upper bound above 0).
        by: the docvar (or table column) defining groups; "year" gives a time series.
        within: a docvar (or column) whose values are strata, each compared on its own:
            ``compare(c, "epistemic", by="decade", within="country")`` gives each
            country's decades and their differences, in a ``within`` column, and
            corrects the p-values of every country's differences together, as one
            family (a loop over countries would correct each country's one pair by
            itself: no correction at all). Groups a stratum lacks are left out of it, so
            with ``pairs="adjacent"`` a country without 1991 compares 1990 with 1992;
            documents without a ``within`` value form a "(missing)" stratum, compared
            and corrected with the rest.
        cluster: a docvar (or column) whose values are the units of intervals and tests
            instead of the documents: ``compare(c, "hedges", by="bloc",
            cluster="country")`` draws countries, not speeches. Within each group (and
            stratum), the documents of one value are first reduced to the mean of their
            values, one value per cluster; the group's estimate is the mean of those,
            and intervals and tests run on them as they would on documents (Student's t
            below 10 clusters a side, the bootstrap over clusters from 10). The mean, not
            a cluster's pooled count over its words, because compare weighs documents
            alike everywhere (a group's estimate is the mean of its documents' rates,
            not its pooled rate): with a cluster per document the result is the one
            without ``cluster``. A rate's group interval is still at least the Poisson
            interval of the group's pooled count. The table gains ``clusters`` and
            ``clusters_b`` (clusters with a value, on each side) after ``documents`` and
            ``documents_b``, which still count documents. A cluster with documents in
            both groups of a difference (countries by year, or by decade) is a
            ValueError: that is a paired or crossed design, which compare does not test.
            So is a document with a value and no cluster: give it one or leave it out.
        voice: with a Corpus, the words a rate counts: None or "all" (default; every
            word), "authorial" (the reporter's or speaker's own words) or "quoted"
            (words inside quotes), as ``voice=`` of :func:`stat_hedging`,
            :func:`stat_modality` and :func:`term_by_document`. For ``"rate:<term>"``
            and the hedging and modality measures only; readability, diversity and a
            function read whole texts and are a ValueError with a voice. A document
            without words in the voice has no value and is left out of its group.
            With a table, its values were counted already: leave ``voice`` out (the
            voice its provenance record names is recorded), or give that voice.
        min_words: with a Corpus and a rate measure, a document has a value only with
            at least this many words in the voice (as ``min_words`` of
            :func:`stat_hedging`): with ``voice="quoted"`` two quoted words holding a
            hedge are a rate of 500 per 1,000 words; e.g. 50 leaves such documents out.
        pairs: "all" pairwise differences, "adjacent" (consecutive groups, e.g.
            year to year), or "none".
        test: "welch" (Welch's t statistic; below 10 documents on a side with the
            interval's min(n_a, n_b) - 1 degrees of freedom) or "permutation" (every
            split of the two groups' documents where there are few enough, 10 against
            10 or 5 against 25; else ``n_boot`` random shuffles).
        correction: "holm", "bonferroni", "fdr_bh" or "none", over the pairs.
        n_boot: bootstrap resamples (and permutations); level: interval coverage.
        order: the groups in the order to report them (every group, as text; the
            "(missing)" group may be left out and comes last). A difference is the
            earlier group's mean minus the later one's, so ``order=["after",
            "before"]`` gives after - before. Default: numbers (years) by value, then
            labels alphabetically.

    Returns:
        A tidy table ``kind, measure, group, group_b, documents, documents_b,
        estimate, ci_low, ci_high, p_value, p_adjusted`` (with ``within``, a
        ``within`` column after ``measure``): ``kind == "group"`` rows give
        each group's mean over documents and its interval (their ``group_b`` and
        ``documents_b`` are missing, as a CSV file gives them back); ``kind == "difference"``
        rows give mean(group) - mean(group_b), its interval and the test's raw and
        corrected p-values (intervals: Student's t below 10 documents, expanded
        bootstrap percentiles from 10). Documents whose ``by`` value is missing form
        their own group, "(missing)", as in every grouped table; a document whose
        measure is missing (NaN) is left out of its group (``documents`` counts the
        rest; a group with none left keeps its row, with ``documents`` 0 and no
        estimate, and its differences are NaN).

    Rates: a group's interval of a rate does not go below 0. That holds for the
    ``"rate:<term>"``, hedging and modality measures of a Corpus, a column whose name
    starts with ``"rate:"``, and a column named as communique names rates ("rate",
    "pooled_rate", "per_10k") beside a ``count`` column, as communique's tables have them,
    that holds no negative value (a negative value says it is something else, such as a
    change; a column of your own named "rate" without a count keeps its t interval). For a hedging or modality measure the group
    intervals lie within :func:`stat_hedging`'s or :func:`stat_modality`'s for the same
    ``by`` and ``voice``: they are drawn from the same resamples.

    Documents are the units unless ``cluster`` names others: intervals and tests take each
    as an independent draw. Where groups hold several documents of one speaker or country
    (ten speeches per country of NATO against the Soviet bloc), give ``cluster="country"``:
    on the UN speeches of 1980-1989 the hedges of 159 NATO speeches against 90
    Soviet-bloc ones gave p = 0.0019, with ``cluster="country"`` the 16 countries against
    the 9 give p = 0.22 (as a table of the countries' means does).

    Within one voice, pass the Corpus with ``voice=``:
    ``compare(c, "deontic", by="outlet", voice="authorial")``. A per-document table
    made in a voice serves too (its ``rate`` column stays at or above 0), e.g.
    ``t = stat_modality(c, by="doc_id", voice="authorial")``, then
    ``t = t[t["measure"] == "deontic"].merge(c.docvars, left_on="group", right_index=True)``
    and ``compare(t, "rate", by="outlet")``; a merge drops the table's provenance
    record, so the result does not name the voice (filtering keeps it).

    Example:
        >>> import pandas as pd
        >>> t = pd.DataFrame({"g": ["A", "A", "B", "B"], "x": [1.0, 3.0, 5.0, 7.0]})
        >>> compare(t, "x", by="g", n_boot=200)[["kind", "group", "estimate"]].values.tolist()
        [['group', 'A', 2.0], ['group', 'B', 6.0], ['difference', 'A', -4.0]]
    """
    check_choice("pairs", pairs, PAIRS)
    check_choice("test", test, TESTS)
    check_choice("correction", correction, CORRECTIONS)
    if within is not None and within == by:
        raise ValueError(
            f"within={within!r} is the by= docvar; give another docvar, or leave it out"
        )
    _check_cluster_argument(cluster, by, within)
    strata = clusters = None
    if isinstance(c_or_table, pd.DataFrame):
        check_one_docvar(by, what="column", hint=COMBINED_COLUMN_HINT)
        table, c = c_or_table, None
        check_one_docvar(within, argument="within", what="column", hint=COMBINED_COLUMN_HINT)
        check_one_docvar(cluster, argument="cluster", what="column", hint=COMBINED_COLUMN_HINT)
        named = ((measure, "measure"), (by, "by"), (within, "within"), (cluster, "cluster"))
        for column, argument in named:
            if column is not None and column not in table.columns:
                known = ", ".join(map(str, table.columns))
                alike = alike_choice(column, [str(name) for name in table.columns])
                meant = f"did you mean {alike!r}? " if alike is not None else ""
                raise ValueError(
                    f"{argument}={column!r} is not a column; {meant}columns are: {known}"
                )
        if min_words != 1:
            raise ValueError(
                "min_words= chooses the documents compare counts in a Corpus; a table's "
                "values were computed already: filter its rows instead"
            )
        values = table[measure].astype(float)
        labels = _table_labels(table[by])
        if within is not None:
            strata = _table_labels(table[within])
        if cluster is not None:
            clusters = table[cluster]
        name = str(measure)
        voice = _table_voice(table, voice)
    else:
        voice = check_voice(voice)
        check_measure_voice(measure, voice)
        min_words = check_min_words(min_words)
        if min_words != 1 and not (takes_voice(measure) or measure in QUOTING_MEASURES):
            raise ValueError(
                f"min_words={min_words} is for rates counted in words; the measure "
                f"{getattr(measure, '__name__', measure)!r} is a score of whole texts"
            )
        c = as_corpus(c_or_table)
        check_by(c, by)  # before the measure's pass over the corpus, not after
        check_by(c, within, argument="within")
        check_by(c, cluster, argument="cluster")
        values, name = per_document_values(
            c, measure, voice=voice, min_words=min_words, workers=workers
        )
        labels = group_labels(c, by).reindex(values.index)
        if within is not None:
            strata = group_labels(c, within)
        if cluster is not None:
            clusters = _docvar_values(c, cluster).reindex(values.index)
    check_level(level)
    data = pd.DataFrame(
        {"value": values.to_numpy(float), "group": labels.astype(str).to_numpy()},
        index=values.index.rename(None),  # (a table's index named "group" would clash)
    )
    data["stratum"] = "" if strata is None else strata.reindex(values.index).to_numpy()
    if clusters is not None:
        _check_cluster_values(clusters, values, str(cluster))
        data["cluster"] = _table_labels(clusters).to_numpy()
    # A group whose every value is missing keeps its row (documents 0, no estimate): a
    # group that vanished would make an adjacent difference span two years unseen.
    every_group = _by_group(data)
    given = None if order is None else _checked_order(order, every_group.units, by)
    order = group_order(every_group.units) if given is None else given

    columns = () if c is not None else tuple(c_or_table.columns)  # type: ignore[union-attr]
    # A function is judged by what it is, not by its name: one called "quotes" is no
    # rate per 1,000 words however it is named.
    rate_name = name if isinstance(measure, str) else None
    never_negative = _is_rate(rate_name, values, from_corpus=c is not None, columns=columns)
    per_words = rate_per_words(rate_name, from_corpus=c is not None)
    cells = data["stratum"] + _CELL + data["group"]
    pooled = _pooled_by_group(values, cells) if never_negative and per_words else {}
    rows, differences = [], []
    for stratum in [""] if strata is None else group_order(set(data["stratum"])):
        here = every_group if strata is None else _by_group(data[data["stratum"] == stratum])
        by_group, documents = here.units, here.documents
        groups = [g for g in order if g in by_group]
        for g in groups:
            # The key stat_hedging, stat_modality and the other rate tables give the
            # same documents and measure, so they get the same bootstrap draws: their
            # intervals hold this one (they add the exact Poisson interval of the
            # pooled count), where different draws gave overlapping, unnested ones.
            key = documents_key(documents[g], str(name))
            low, high = bootstrap_mean_ci(
                by_group[g], n_boot=n_boot, level=level, seed=seed, key=key
            )
            estimate = float(by_group[g].mean()) if len(by_group[g]) else np.nan
            cell = f"{stratum}{_CELL}{g}"
            if never_negative and not np.isnan(low):
                low = max(low, 0.0)
                if cell in pooled:
                    # as the stat tables: the wider of that and the exact Poisson interval
                    # of the pooled count, so a group that never uses a term is not 0 to 0
                    counted = poisson_rate_ci(*pooled[cell], per=per_words or 1, level=level)
                    low, high = max(min(low, counted[0]), 0.0), max(high, counted[1])
            rows.append(
                {
                    "kind": "group",
                    "measure": name,
                    "within": stratum,
                    "group": g,
                    "group_b": None,  # a group row has no second group: missing, not ""
                    **_sizes(here, g),
                    "estimate": estimate,
                    "ci_low": low,
                    "ci_high": high,
                    "p_value": np.nan,
                    "p_adjusted": np.nan,
                }
            )
        for g, h in _chosen_pairs(pairs, groups):
            a, b = by_group[g], by_group[h]
            if cluster is not None:
                _check_clusters_apart(here, g, h, cluster, stratum)
            if not len(a) or not len(b):
                differences.append({**_untestable(name, g, h, here), "within": stratum})
                continue
            low, high, p = _difference_interval_and_p(
                a, b, documents[g], documents[h], name, test, n_boot, level, seed
            )
            differences.append(
                {
                    "kind": "difference",
                    "measure": name,
                    "within": stratum,
                    "group": g,
                    "group_b": h,
                    **_sizes(here, g, h),
                    "estimate": float(a.mean() - b.mean()),
                    "ci_low": low,
                    "ci_high": high,
                    "p_value": p,
                    "p_adjusted": np.nan,
                }
            )
    _warn_of_single_units(differences, test, cluster)
    _warn_of_missing_in_family(differences, by, correction)
    if differences:
        # One family: with within=, every stratum's differences are corrected together.
        p_values = np.array([d["p_value"] for d in differences])
        tested = ~np.isnan(p_values)
        adjusted = np.full(len(p_values), np.nan)
        adjusted[tested] = adjust_p(p_values[tested], correction)
        for d, p_adj in zip(differences, adjusted, strict=True):
            d["p_adjusted"] = p_adj
    table_columns = _table_columns(within=strata is not None, cluster=cluster is not None)
    result = pd.DataFrame(rows + differences, columns=table_columns)
    result["documents_b"] = result["documents_b"].astype("Int64")  # <NA> on group rows
    if cluster is not None:
        result["clusters_b"] = result["clusters_b"].astype("Int64")
    params = {
        "measure": name,
        "by": by,
        "voice": voice,
        "min_words": min_words,
        "pairs": pairs,
        "test": test,
        "correction": correction,
        "n_boot": n_boot,
        "level": level,
        "seed": seed,
        "order": given,
    }
    if within is not None:
        params["within"] = within
    if cluster is not None:
        params["cluster"] = cluster
    result = attach(result, "compare", params, c, _lexicons(values))
    if per_words is not None:
        result.attrs["rate_per_words"] = per_words  # the plots' axis labels name the unit
    return result


def _check_cluster_argument(cluster: object, by: str, within: str | None) -> None:
    """cluster= names a docvar other than by= and within=: a cluster that is a group
    (or a stratum) leaves each group one unit, nothing to test."""
    for other, argument in ((by, "by"), (within, "within")):
        if cluster is not None and cluster == other:
            raise ValueError(
                f"cluster={cluster!r} is the {argument}= docvar: each group would be one "
                f"cluster, one unit, with nothing to test; cluster= names the units inside "
                "the groups (by='bloc', cluster='country')"
            )


def _docvar_values(c: Corpus, name: str) -> pd.Series:
    """A docvar's values by doc_id (missing ones kept missing); ``"doc_id"`` gives the
    doc_ids, each document a cluster of its own."""
    if name == "doc_id":
        return pd.Series(c.doc_ids, index=pd.Index(c.doc_ids, name="doc_id"))
    return c.docvars[name]


def _is_rate(name: object, values: pd.Series, *, from_corpus: bool, columns: tuple = ()) -> bool:
    """Whether the values are rates, whose interval stops at 0: a ``rate:`` measure, a
    hedging or modality measure of a corpus, or a column of a communique rate table:
    named as communique names rates (:data:`RATE_COLUMN_NAMES`), beside the ``count``
    it is computed from, and without a negative value (a user's own "rate" column, a
    growth rate, keeps its t interval)."""
    if not isinstance(name, str):
        return False
    if name.startswith("rate:"):
        return True
    if from_corpus:
        return name in STANCE_MEASURES or name in QUOTING_MEASURES or name in COMPARISON_MEASURES
    return name in RATE_COLUMN_NAMES and "count" in columns and not bool((values < 0).any())


def _table_voice(table: pd.DataFrame, voice: str | None) -> str | None:
    """The voice a table's values were counted in, as its provenance record names it
    (None where it names none); a ``voice`` given with a table must be that one: compare
    cannot count a table's column again in another voice."""
    recorded = table.attrs.get("provenance", {}).get("parameters", {}).get("voice")
    if voice is None:
        return recorded
    voice = check_voice(voice)
    if voice == recorded:
        return voice
    said = f"its record says voice={recorded!r}" if recorded else "it names no voice"
    raise ValueError(
        f"voice={voice!r} chooses the words compare counts in a Corpus; this table's "
        f"column was counted already ({said}). Pass the Corpus, as in "
        f"compare(c, 'hedges', by='country', voice={voice!r}), or a per-document table "
        f"made in that voice, as stat_hedging(c, by='doc_id', voice={voice!r}) is"
    )


def rate_per_words(measure: object, *, from_corpus: bool = True) -> int | None:
    """The words a named measure's values are rates per: 10,000 for ``"rate:<term>"``,
    1,000 for a hedging or modality measure computed from a corpus; None for the rest
    (readability scores, diversity, a table's column, a function), which are no rates.

    Example:
        >>> rate_per_words("rate:nuclear"), rate_per_words("hedges"), rate_per_words("ttr")
        (10000, 1000, None)
    """
    if not isinstance(measure, str):
        return None
    if measure.startswith("rate:"):
        return 10_000
    if from_corpus and (
        measure in STANCE_MEASURES or measure in QUOTING_MEASURES or measure in COMPARISON_MEASURES
    ):
        return 1_000
    return None
