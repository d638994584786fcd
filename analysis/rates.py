"""Rates per group with bootstrap confidence intervals over documents.

A group's rate is the mean of its documents' rates, and its interval comes from
resampling documents, so one long speech cannot dominate a group. The pooled rate
(sum of counts over sum of words) is reported beside it. The mean has the opposite
weakness: a document with a handful of words in the chosen voice (two quoted words,
one of them "never") has an extreme rate that counts as much as a long speech's, so
``min_words`` leaves documents with fewer words out of the mean and its interval
(they still count in ``count``, ``words`` and ``pooled_rate``).
"""

from __future__ import annotations

import zlib

import numpy as np
import pandas as pd

N_BOOT = 2000
SEED = 20261127

GROUP_RATE_COLUMNS = [
    "group",
    "measure",
    "documents",
    "count",
    "words",
    "rate",
    "rate_low",
    "rate_high",
    "pooled_rate",
]


def bootstrap_mean_ci(
    values: np.ndarray,
    *,
    n_boot: int = N_BOOT,
    level: float = 0.95,
    seed: int = SEED,
    key: str = "",
) -> tuple[float, float]:
    """Percentile bootstrap interval for the mean of ``values`` (NaN for fewer than 2).

    The generator is seeded from ``seed`` and ``key`` (e.g. the group label), so a
    group's interval does not depend on which other groups are in the table.
    """
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    if len(values) < 2:
        return (float("nan"), float("nan"))
    rng = np.random.default_rng([seed, zlib.crc32(key.encode())])
    draws = rng.integers(0, len(values), size=(n_boot, len(values)))
    means = values[draws].mean(axis=1)
    alpha = (1 - level) / 2
    low, high = np.quantile(means, [alpha, 1 - alpha])
    return float(low), float(high)


def check_min_words(min_words: int) -> int:
    """``min_words=`` as a whole number of at least 1, else a ValueError naming it."""
    if isinstance(min_words, bool) or not isinstance(min_words, (int, np.integer)) or min_words < 1:
        raise ValueError(f"min_words={min_words!r} is not valid; give a whole number >= 1")
    return int(min_words)


def group_rates(
    per_doc: pd.DataFrame,
    groups: pd.Series,
    measures: list[str],
    *,
    words_column: str = "words",
    per: float = 1000.0,
    min_words: int = 1,
    n_boot: int = N_BOOT,
    seed: int = SEED,
) -> pd.DataFrame:
    """Aggregate per-document counts into per-group rates with bootstrap intervals.

    Parameters:
        per_doc: one row per document (index ``doc_id``) with count columns and words.
        groups: group label per doc_id.
        measures: the count columns to turn into rates.
        per: rates are per this many words (1,000 by default).
        min_words: a document gets a rate (and counts in ``documents``, ``rate`` and
            its interval) only with at least this many words.

    Returns:
        One row per group and measure: ``group, measure, documents`` (those with at
        least ``min_words`` words, which the rate averages over: with
        ``voice="quoted"`` a document that quotes nobody has no rate and is not
        counted), ``count, words`` (all documents), ``rate`` (mean of document rates),
        ``rate_low, rate_high`` (95% bootstrap interval), ``pooled_rate`` (sum of
        counts / sum of words x per, all documents).

    Example:
        >>> per_doc = pd.DataFrame({"words": [1000, 2], "hedges": [5, 1]}, index=["a", "b"])
        >>> groups = pd.Series("all", index=["a", "b"])
        >>> group_rates(per_doc, groups, ["hedges"])["rate"].round(1).tolist()
        [252.5]
        >>> group_rates(per_doc, groups, ["hedges"], min_words=50)["rate"].tolist()
        [5.0]
    """
    min_words = check_min_words(min_words)
    table = per_doc.join(groups.rename("group"), how="left")
    rows = []
    for group, part in table.groupby("group", sort=True, observed=True):
        words = part[words_column].to_numpy(dtype=float)
        has_words = words >= min_words
        for measure in measures:
            counts = part[measure].to_numpy(dtype=float)
            rates = np.where(has_words, counts / np.where(has_words, words, 1) * per, np.nan)
            low, high = bootstrap_mean_ci(rates, n_boot=n_boot, seed=seed, key=f"{group}|{measure}")
            total_words = words.sum()
            rows.append(
                {
                    "group": str(group),
                    "measure": measure,
                    "documents": int(has_words.sum()),
                    "count": int(counts.sum()),
                    "words": int(total_words),
                    "rate": float(np.nanmean(rates)) if has_words.any() else float("nan"),
                    "rate_low": low,
                    "rate_high": high,
                    "pooled_rate": float(counts.sum() / total_words * per)
                    if total_words
                    else float("nan"),
                }
            )
    table = pd.DataFrame(rows, columns=GROUP_RATE_COLUMNS)
    # Recorded in the table's provenance by provenance.attach.
    table.attrs["bootstrap"] = {
        "over": "documents",
        "resamples": n_boot,
        "seed": seed,
        "level": 0.95,
    }
    return table
