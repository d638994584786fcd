import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis.rates import bootstrap_mean_ci, group_rates


def _garwood(count: int, words: float) -> tuple[float, float]:
    """Exact Poisson interval per 1,000 words, from the chi-square quantiles."""
    low = stats.chi2.ppf(0.025, 2 * count) / 2 if count else 0.0
    return low / words * 1000, stats.chi2.ppf(0.975, 2 * count + 2) / 2 / words * 1000


def test_group_rates_mean_of_document_rates():
    per_doc = pd.DataFrame(
        {"hedges": [1, 3, 0], "words": [100, 1000, 50]},
        index=pd.Index(["a", "b", "c"], name="doc_id"),
    )
    groups = pd.Series(["X", "X", "Y"], index=per_doc.index)
    table = group_rates(per_doc, groups, ["hedges"]).set_index("group")
    # X: document rates 10 and 3 per 1,000 words -> mean 6.5; pooled 4 / 1100
    assert table.loc["X", "rate"] == pytest.approx(6.5)
    assert table.loc["X", "pooled_rate"] == pytest.approx(4 / 1100 * 1000)
    assert table.loc["X", "documents"] == 2
    # two documents: Student's t interval of the rates 10 and 3, widened to the exact
    # Poisson interval of 4 hedges in 1,100 words, and not below 0
    half = stats.t.ppf(0.975, 1) * np.std([10.0, 3.0], ddof=1) / np.sqrt(2)
    poisson_low, poisson_high = _garwood(4, 1100)
    assert table.loc["X", "rate_low"] == pytest.approx(max(min(6.5 - half, poisson_low), 0))
    assert table.loc["X", "rate_high"] == pytest.approx(max(6.5 + half, poisson_high))
    assert np.isnan(table.loc["Y", "rate_low"])  # one document: no interval


def test_a_group_without_occurrences_gets_the_poisson_upper_bound_not_zero_width():
    per_doc = pd.DataFrame(
        {"similes": [0, 0], "words": [2000, 2287]}, index=pd.Index(["a", "b"], name="doc_id")
    )
    row = group_rates(per_doc, pd.Series("ARM", index=per_doc.index), ["similes"]).iloc[0]
    assert row["rate"] == 0 and row["rate_low"] == 0
    assert row["rate_high"] == pytest.approx(-np.log(0.025) / 4287 * 1000)  # 0.86


def test_few_documents_get_students_t_interval():
    values = np.array([1.0, 2.0, 3.0, 10.0])
    low, high = bootstrap_mean_ci(values, key="g")
    expected = stats.t.interval(0.95, 3, loc=values.mean(), scale=stats.sem(values))
    assert (low, high) == pytest.approx(expected)


def test_bootstrap_is_seeded_and_matches_an_independent_resampling():
    values = np.array([1.0, 2.0, 3.0, 10.0, 4.0, 6.0, 2.5, 3.5, 5.0, 1.5, 7.0, 4.5])
    assert bootstrap_mean_ci(values, key="g") == bootstrap_mean_ci(values, key="g")
    low, high = bootstrap_mean_ci(values, key="g", n_boot=20000)
    rng = np.random.default_rng(1)
    means = [rng.choice(values, size=12).mean() for _ in range(20000)]
    # Hesterberg's expanded percentiles for n = 12: z = sqrt(12/11) t(11)
    z = np.sqrt(12 / 11) * stats.t.ppf(0.975, 11)
    assert low == pytest.approx(np.quantile(means, stats.norm.cdf(-z)), abs=0.3)
    assert high == pytest.approx(np.quantile(means, stats.norm.cdf(z)), abs=0.3)
    assert high - low > np.subtract(*np.quantile(means, [0.975, 0.025]))  # wider


def test_a_groups_interval_follows_its_documents_not_its_label():
    ids = [f"d{k:02d}" for k in range(24)]
    per_doc = pd.DataFrame(
        {"words": [1000] * 24, "hedges": [(k * 7) % 11 for k in range(24)]}, index=ids
    )

    def intervals(labels):
        table = group_rates(per_doc, pd.Series(labels, index=ids), ["hedges"])
        return table.set_index("group")[["rate_low", "rate_high"]]

    # The same 12 documents under three names: the same resamples, the same interval.
    first = intervals(["1970s"] * 12 + ["1990s"] * 12)
    renamed = intervals(["USA 1970s"] * 12 + ["USA 1990s"] * 12)
    assert first.loc["1970s"].tolist() == renamed.loc["USA 1970s"].tolist()
    assert first.loc["1990s"].tolist() == renamed.loc["USA 1990s"].tolist()
    # Other documents under the first group's name draw other resamples.
    moved = intervals(["1970s"] * 11 + ["1990s"] * 13)
    assert moved.loc["1970s"].tolist() != first.loc["1970s"].tolist()


def test_documents_counts_those_the_rate_averages_over():
    per_doc = pd.DataFrame(
        {"hedges": [2, 0, 1], "words": [100, 0, 50]}, index=pd.Index(["a", "b", "c"], name="doc_id")
    )
    groups = pd.Series({"a": "X", "b": "X", "c": "X"})
    row = group_rates(per_doc, groups, ["hedges"]).iloc[0]
    # "b" has no words in the voice measured: no rate, not in the base of the mean.
    assert (row["documents"], row["rate"]) == (2, (20.0 + 20.0) / 2)


def test_min_words_leaves_tiny_documents_out_of_the_mean_but_not_out_of_the_totals():
    per_doc = pd.DataFrame(
        {"words": [1000, 800, 2, 0], "hedges": [5, 4, 1, 0]}, index=["a", "b", "c", "d"]
    )
    groups = pd.Series("g", index=per_doc.index)
    every = group_rates(per_doc, groups, ["hedges"]).iloc[0]
    # "c" (1 hedge in 2 words = 500 per 1,000) dominates the mean of a, b, c
    assert every["documents"] == 3
    assert every["rate"] == pytest.approx((5 + 5 + 500) / 3)
    kept = group_rates(per_doc, groups, ["hedges"], min_words=50).iloc[0]
    assert kept["documents"] == 2
    assert kept["rate"] == pytest.approx(5.0)
    assert (kept["count"], kept["words"]) == (10, 1802)  # totals keep every document
    assert kept["pooled_rate"] == pytest.approx(10 / 1802 * 1000)
    with pytest.raises(ValueError, match="min_words=0"):
        group_rates(per_doc, groups, ["hedges"], min_words=0)


def test_group_rates_names_a_missing_count_and_a_bad_n_boot():
    per_doc = pd.DataFrame({"words": [100, 200], "hedges": [1.0, np.nan]}, index=["a", "b"])
    groups = pd.Series("all", index=["a", "b"])
    with pytest.raises(ValueError, match=r"column 'hedges' has 1 missing .* document 'b' \(nan\)"):
        group_rates(per_doc, groups, ["hedges"])
    with pytest.raises(ValueError, match=r"n_boot=0 is not valid"):
        group_rates(per_doc.fillna(0), groups, ["hedges"], n_boot=0)
    # numpy integers are whole numbers; a document without a group is left out unchecked
    assert len(group_rates(per_doc.fillna(0), groups, ["hedges"], n_boot=np.int64(50))) == 1
    ungrouped = pd.Series({"a": "all"})
    assert group_rates(per_doc, ungrouped, ["hedges"])["count"].tolist() == [1]
