"""compare(): group means with bootstrap intervals, pairwise differences, corrections."""

import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import corpus
from analysis import compare, stat_hedging, stat_readability
from analysis.compare import permutation_p, welch_difference_ci


@pytest.fixture
def table():
    return pd.DataFrame(
        {"g": ["A"] * 4 + ["B"] * 4 + ["C"] * 3, "x": [1, 2, 3, 4, 5, 6, 7, 8, 1, 1, 2.0]}
    )


def test_group_rows(table):
    result = compare(table, "x", by="g", n_boot=500)
    groups = result[result["kind"] == "group"].set_index("group")
    assert groups["estimate"].to_dict() == pytest.approx({"A": 2.5, "B": 6.5, "C": 4 / 3})
    assert groups.loc["A", "documents"] == 4
    assert (groups["ci_low"] <= groups["estimate"]).all()
    assert (groups["estimate"] <= groups["ci_high"]).all()


def test_differences_welch_and_holm(table):
    result = compare(table, "x", by="g", n_boot=500, correction="holm")
    diffs = result[result["kind"] == "difference"]
    assert list(zip(diffs["group"], diffs["group_b"], strict=True)) == [
        ("A", "B"),
        ("A", "C"),
        ("B", "C"),
    ]
    ab = diffs.iloc[0]
    assert ab["estimate"] == pytest.approx(-4.0)
    # Welch's t with the small-group degrees of freedom, min(4, 4) - 1 = 3
    t = stats.ttest_ind([1, 2, 3, 4], [5, 6, 7, 8], equal_var=False).statistic
    assert ab["p_value"] == pytest.approx(2 * stats.t.sf(abs(t), 3))
    p = diffs["p_value"].to_numpy()
    order = np.argsort(p)
    holm = np.maximum.accumulate(np.sort(p) * (3 - np.arange(3)))
    assert diffs["p_adjusted"].to_numpy()[order] == pytest.approx(np.minimum(holm, 1))
    assert ab["ci_high"] < 0  # the difference interval excludes zero


def test_permutation_p_is_exact_for_few_splits():
    # all 70 splits of 8 values into 4+4; the observed split is the most extreme (2 of 70)
    p = permutation_p(
        np.array([1.0, 2, 3, 4]), np.array([5.0, 6, 7, 8]), n_perm=20000, seed=1, key=""
    )
    assert p == 2 / 70


def _scipy_exact_p(a, b) -> float:
    """scipy's exact permutation p (every split) of the distance between the means."""
    return stats.permutation_test(
        (a, b),
        lambda x, y: abs(np.mean(x) - np.mean(y)),
        permutation_type="independent",
        alternative="greater",
        n_resamples=np.inf,
    ).pvalue


def test_permutation_p_of_few_splits_is_scipys_exact_one_whatever_the_draws():
    a = np.array([0.3, 2.9, 1.1, 4.0, 0.7])
    b = np.array([3.5, 6.2, 2.2, 5.1, 9.0, 4.4])
    p = permutation_p(a, b, n_perm=10, seed=3, key="k")
    assert p == pytest.approx(_scipy_exact_p(a, b))
    assert p == pytest.approx(13 / 462)  # 13 of the 462 splits reach the observed distance
    assert permutation_p(a, b, n_perm=2000, seed=9, key="other") == p


def test_many_splits_are_drawn_at_random():
    rng = np.random.default_rng(4)
    a, b = rng.normal(size=20), rng.normal(0.8, size=20)  # 137,846,528,820 splits
    first = permutation_p(a, b, n_perm=999, seed=1, key="x")
    assert first * 1000 == pytest.approx(round(first * 1000))  # (hits + 1) / 1000
    assert first != permutation_p(a, b, n_perm=999, seed=2, key="x")


def test_adjacent_pairs_over_years():
    c = corpus.from_texts(
        ["peace peace", "peace war", "war war", "war peace", "trade", "peace trade"],
        docvars={"year": [1991, 1991, 1992, 1992, 1990, 1990]},
    )
    result = compare(c, "rate:peace", by="year", pairs="adjacent", n_boot=200)
    groups = result[result["kind"] == "group"]
    assert groups["group"].tolist() == ["1990", "1991", "1992"]
    assert groups["estimate"].tolist() == pytest.approx([2500, 7500, 2500])
    diffs = result[result["kind"] == "difference"]
    assert list(zip(diffs["group"], diffs["group_b"], strict=True)) == [
        ("1990", "1991"),
        ("1991", "1992"),
    ]


def test_named_and_callable_measures():
    c = corpus.from_texts(["The cat sat. It was happy.", "Ok."], docvars={"g": ["A", "B"]})
    result = compare(c, "flesch_reading_ease", by="g", pairs="none", n_boot=100)
    direct = stat_readability(c).set_index("doc_id")["flesch_reading_ease"]
    assert result["estimate"].iloc[0] == pytest.approx(direct["doc1"])
    lengths = compare(c, len_of_text, by="g", n_boot=100)
    assert lengths["measure"].iloc[0] == "len_of_text"
    with pytest.raises(ValueError, match="measure='nonsense'"):
        compare(c, "nonsense", by="g")
    with pytest.raises(ValueError, match="pairs='some'"):
        compare(c, "ttr", by="g", pairs="some")


def len_of_text(doc):
    return len(doc.text)


def test_difference_interval_uses_the_expanded_percentiles_of_the_smaller_group():
    from analysis.compare import bootstrap_difference_ci

    a = np.array([1.0, 2.0, 4.0, 2.5, 3.0, 6.0, 1.5, 2.0, 3.5, 2.2, 4.1, 1.8])
    b = np.array([2.0, 3.0, 5.0, 6.0, 9.0, 4.0, 3.5, 5.5, 7.0, 4.5, 6.5, 3.8, 5.1, 4.4, 8.0])
    low, high = bootstrap_difference_ci(a, b, n_boot=20000, level=0.95, seed=7, key="k")
    # an independent resampling, read at the percentiles of z = sqrt(12/11) t(11)
    rng = np.random.default_rng(3)
    diffs = [rng.choice(a, len(a)).mean() - rng.choice(b, len(b)).mean() for _ in range(20000)]
    z = np.sqrt(12 / 11) * stats.t.ppf(0.975, 11)
    assert low == pytest.approx(np.quantile(diffs, stats.norm.cdf(-z)), abs=0.1)
    assert high == pytest.approx(np.quantile(diffs, stats.norm.cdf(z)), abs=0.1)
    plain = np.quantile(diffs, [0.025, 0.975])
    assert low < plain[0] and high > plain[1]  # wider than the plain percentile interval


def test_welch_without_variation_is_undefined_not_p_zero():
    from analysis.compare import welch_p

    assert np.isnan(welch_p(np.array([0.0, 0.0, 0.0]), np.array([2.0, 2.0])))
    assert welch_p(np.array([1.0, 1.0]), np.array([1.0, 1.0, 1.0])) == 1.0
    rng = np.random.default_rng(5)
    a, b = rng.normal(0, 1, 12), rng.normal(1, 2, 15)  # 10 or more a side: Welch as scipy
    assert welch_p(a, b) == pytest.approx(stats.ttest_ind(a, b, equal_var=False).pvalue)


def test_small_groups_p_value_agrees_with_their_interval():
    from analysis.compare import welch_p

    # The audit's case: 3 documents against 30. Satterthwaite's 29.9 degrees of freedom
    # gave p = 0.028 while the interval (2 degrees of freedom) held 0.
    b = np.random.default_rng(3).normal(5, 4, 30)
    t = pd.DataFrame({"g": ["A"] * 3 + ["B"] * 30, "x": np.r_[[7.0, 7.2, 7.4], b]})
    row = compare(t, "x", by="g").iloc[-1]
    assert row["ci_low"] < 0 < row["ci_high"]
    a = np.array([7.0, 7.2, 7.4])
    statistic = stats.ttest_ind(a, b, equal_var=False).statistic
    assert row["p_value"] == pytest.approx(2 * stats.t.sf(abs(statistic), 2))
    assert row["p_value"] > 0.05
    assert stats.ttest_ind(a, b, equal_var=False).pvalue < 0.05  # what it was
    # at the border the two agree: p < 0.05 exactly when the 95% interval leaves out 0
    for shift in np.linspace(-6, 6, 49):
        low, high = welch_difference_ci(a + shift, b, 0.95)
        assert (welch_p(a + shift, b) < 0.05) == (low > 0 or high < 0)


def test_documents_without_a_year_stay_out_of_a_series():
    t = pd.DataFrame(
        {
            "year": [1990.0, 1990, 1991, 1991, np.nan, np.nan, 1989, 1989],
            "x": [1.0, 2, 3, 4, 5, 6, 7, 9],
        }
    )
    result = compare(t, "x", by="year", pairs="adjacent")
    groups = result[result["kind"] == "group"]
    assert groups["group"].tolist() == ["1989", "1990", "1991", "(missing)"]
    diffs = result[result["kind"] == "difference"]
    assert list(zip(diffs["group"], diffs["group_b"], strict=True)) == [
        ("1989", "1990"),
        ("1990", "1991"),
    ]


def test_documents_without_a_group_in_the_correction_family_are_named():
    t = pd.DataFrame(
        {
            "bloc": ["A", "A", "A", "B", "B", "B", None, None, None],
            "x": [1.0, 2, 3, 5, 6, 8, 4, 4, 5],
        }
    )
    with pytest.warns(UserWarning, match=r"2 of 3 tested differences .*'\(missing\)'.*holm"):
        result = compare(t, "x", by="bloc")
    diffs = result[result["kind"] == "difference"].set_index(["group", "group_b"])
    # Holm over three p-values: the smallest multiplied by 3, as the warning says
    p = diffs["p_value"].sort_values()
    assert diffs.loc[p.index[0], "p_adjusted"] == pytest.approx(3 * p.iloc[0])
    # without those documents, one difference and no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        alone = compare(t.dropna(), "x", by="bloc")
    only = alone[alone["kind"] == "difference"].iloc[0]
    assert only["p_adjusted"] == pytest.approx(only["p_value"])
    assert only["p_value"] == pytest.approx(p.loc[("A", "B")])


def test_small_groups_get_welchs_t_interval_for_the_difference():
    from analysis.compare import bootstrap_difference_ci

    a, b = np.array([1.0, 2.0, 4.0]), np.array([2.0, 3.0, 5.0, 6.0, 9.0, 4.0])
    low, high = bootstrap_difference_ci(a, b, n_boot=500, level=0.95, seed=7, key="k")
    va, vb = a.var(ddof=1) / 3, b.var(ddof=1) / 6
    half = stats.t.ppf(0.975, 3 - 1) * np.sqrt(va + vb)  # conservative df: min(n) - 1
    assert (low, high) == pytest.approx((a.mean() - b.mean() - half, a.mean() - b.mean() + half))
    # no variation in either small group: no interval, as Welch's p is undefined
    same = np.array([2.0, 2.0])
    assert np.isnan(
        bootstrap_difference_ci(same, same + 1, n_boot=500, level=0.95, seed=7, key="k")[0]
    )


def test_a_rate_interval_of_few_documents_does_not_go_below_zero():
    t = pd.DataFrame({"g": ["A", "A", "B", "B"], "x": [0.0, 9.0, 1.0, 2.0]})
    free = compare(t, "x", by="g", pairs="none").set_index("group")
    assert free.loc["A", "ci_low"] < 0  # a t interval of 2 values: any measure
    t = t.rename(columns={"x": "rate:peace"})
    rates = compare(t, "rate:peace", by="g", pairs="none").set_index("group")
    assert rates.loc["A", "ci_low"] == 0 and rates.loc["A", "ci_high"] == free.loc["A", "ci_high"]


def test_constant_groups_of_floats_have_no_test_and_no_interval():
    from analysis.compare import welch_p

    a, b = np.array([0.1, 0.1, 0.1]), np.array([0.3, 0.3, 0.3])
    assert np.var(a) != 0  # rounding: np.var of three 0.1s is not 0
    assert np.isnan(welch_p(a, b))
    assert all(np.isnan(welch_difference_ci(a, b, 0.95)))


def test_float_labels_too_large_for_integers_stay_as_written():
    t = pd.DataFrame({"g": [1e20, 1e20, np.inf, np.inf], "x": [1.0, 2, 3, 4]})
    groups = compare(t, "x", by="g", pairs="none")["group"].tolist()
    assert groups == ["1e+20", "inf"]


@pytest.fixture
def stance_corpus():
    # Hedges per 1,000 words: 2 of 8 (perhaps, may), 0 of 3, 1 of 4 (possibly), 1 of 1.
    return corpus.from_texts(
        [
            "Perhaps it may rain. It will certainly rain.",
            "We must act.",
            "It is possibly true.",
            "Perhaps.",
        ],
        docvars={"k": ["A", "A", "B", "B"]},
    )


def test_hedging_and_modality_rates_per_document(stance_corpus):
    result = compare(stance_corpus, "hedges", by="k", n_boot=200)
    groups = result[result["kind"] == "group"]
    assert groups["estimate"].tolist() == pytest.approx([(250 + 0) / 2, (250 + 1000) / 2])
    assert groups["ci_low"].tolist() == [0.0, 0.0]  # a rate's interval stops at 0
    difference = result[result["kind"] == "difference"].iloc[0]
    assert difference["estimate"] == pytest.approx(125 - 625)
    boosters = compare(stance_corpus, "boosters", by="k", pairs="none", n_boot=200)
    assert boosters["estimate"].tolist() == pytest.approx([125 / 2, 0.0])  # "certainly", 1 of 8
    deontic = compare(stance_corpus, "deontic", by="k", pairs="none", n_boot=200)
    assert deontic["estimate"].tolist() == pytest.approx([1000 / 3 / 2, 0.0])  # "must", 1 of 3


def test_hedging_measures_record_the_lexicons_behind_them(stance_corpus):
    from analysis import stat_hedging

    record = compare(stance_corpus, "hedges", by="k", n_boot=50).attrs["provenance"]
    expected = stat_hedging(stance_corpus).attrs["provenance"]
    assert record["lexicons"] == expected["lexicons"]
    assert record["lexicon_sha256"] == expected["lexicon_sha256"]
    assert record["parameters"]["measure"] == "hedges"


def test_a_bad_measure_lists_the_hedging_and_modality_measures(stance_corpus):
    with pytest.raises(
        ValueError,
        match=r"measure='hedging' is not valid; choose one of: .*'hedges', 'boosters', 'modals', 'epistemic'",
    ):
        compare(stance_corpus, "hedging", by="k")


@pytest.mark.parametrize(
    ("given", "meant"), [("hedge", "hedges"), ("Epistemic", "epistemic"), ("deontics", "deontic")]
)
def test_a_measure_spelled_like_a_named_one_gets_its_name(stance_corpus, given, meant):
    with pytest.raises(
        ValueError, match=rf"^measure='{given}' is not valid; did you mean '{meant}'\? choose"
    ):
        compare(stance_corpus, given, by="k")


def test_a_group_without_values_keeps_its_row_and_adjacent_pairs_do_not_skip_it():
    t = pd.DataFrame({"g": ["A", "A", "B", "B", "C", "C"], "x": [np.nan, np.nan, 1, 2, 3, 5]})
    table = compare(t, "x", by="g", n_boot=100, pairs="adjacent")
    groups = table[table["kind"] == "group"].set_index("group")
    assert groups["documents"].tolist() == [0, 2, 2]
    assert np.isnan(groups.loc["A", "estimate"]) and groups.loc["B", "estimate"] == 1.5
    diffs = table[table["kind"] == "difference"]
    assert diffs[["group", "group_b"]].values.tolist() == [["A", "B"], ["B", "C"]]
    assert diffs["estimate"].isna().tolist() == [True, False]
    assert diffs["p_adjusted"].iloc[1] == pytest.approx(diffs["p_value"].iloc[1])  # one test
    with pytest.raises(ValueError, match=r"level=95 is not valid; give a coverage between 0 and 1"):
        compare(t, "x", by="g", level=95)


def test_a_hedging_group_interval_lies_within_stat_hedgings_for_the_same_mean():
    from analysis import stat_hedging

    # rates that vary far more between documents than a Poisson count would: the
    # bootstrap interval is the wider one, and both tables must give it
    texts = [("Perhaps it may be so. " * k) + "Peace is vital. " * 40 for k in range(12)]
    c = corpus.from_texts(texts, docvars={"g": ["A"] * 12})
    row = compare(c, "hedges", by="g", pairs="none").iloc[0]
    rates = stat_hedging(c, by="g").set_index("measure").loc["hedges"]
    assert row["estimate"] == pytest.approx(rates["rate"])
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((rates["rate_low"], rates["rate_high"]))


def test_a_derived_docvar_groups_like_one_read_from_the_inputs():
    texts = ["We must act now.", "It may rain.", "Peace is near.", "War may come."]
    c = corpus.from_texts(texts, docvars={"year": [1985, 1989, 1993, 1997]})
    c = c.with_docvars(era=lambda dv: ["cold war" if y < 1991 else "after" for y in dv["year"]])
    table = compare(c, "ttr", by="era", pairs="none", n_boot=50)
    assert table[["group", "documents"]].values.tolist() == [["after", 2], ["cold war", 2]]


def test_the_group_order_can_be_given_and_sets_the_sign_of_differences():
    t = pd.DataFrame({"era": ["pre", "pre", "post", "post"], "x": [1.0, 3.0, 5.0, 7.0]})
    default = compare(t, "x", by="era", n_boot=50)
    assert default[["kind", "group", "group_b", "estimate"]].values.tolist()[2] == [
        "difference",
        "post",
        "pre",
        4.0,
    ]
    chosen = compare(t, "x", by="era", order=["pre", "post"], n_boot=50)
    assert chosen["group"].tolist()[:2] == ["pre", "post"]
    assert chosen.iloc[2][["group", "group_b", "estimate"]].tolist() == ["pre", "post", -4.0]
    with pytest.raises(ValueError, match="no group 'after'; leaves out 'post'"):
        compare(t, "x", by="era", order=["pre", "after"])


def test_by_takes_one_docvar_and_a_list_says_how_to_combine_two():
    import analysis

    c = corpus.from_texts(
        ["We may act.", "It must be.", "Perhaps so.", "Surely."],
        docvars={"country": ["A", "A", "B", "B"], "year": [1990, 1991, 1990, 1991]},
    )
    message = (
        r"by=\['country', 'year'\] is not valid: by= takes one docvar, a name such as "
        r"'country', not a list; to group by two docvars, add one that combines them"
    )
    for call in (
        lambda: analysis.stat_hedging(c, by=["country", "year"]),
        lambda: analysis.stat_modality(c, by=["country", "year"]),
        lambda: analysis.stat_comparisons(c, by=["country", "year"]),
        lambda: analysis.stat_readability(c, by=["country", "year"]),
        lambda: analysis.compare(c, "hedges", by=["country", "year"]),
    ):
        with pytest.raises(ValueError, match=message) as error:
            call()
    # The recipe the message gives works as written.
    recipe = str(error.value).split("group by it: ")[1].split(", then by=")[0]
    namespace = {"c": c, "corpus": corpus}
    exec(recipe, namespace)  # c = c.with_docvars(country_year=...)
    combined = analysis.stat_hedging(namespace["c"], by="country_year")
    assert combined["group"].unique().tolist() == ["A 1990", "A 1991", "B 1990", "B 1991"]
    table = pd.DataFrame({"country": ["A", "B"], "year": [1990, 1991], "x": [1.0, 2.0]})
    with pytest.raises(
        ValueError,
        match=r"by=\('country', 'year'\) is not valid: by= takes one column, .* not a tuple; "
        r"to group by two columns, add one that combines them and group by it: t\['country_year'\]",
    ):
        compare(table, "x", by=("country", "year"))


@pytest.fixture
def outlets():
    # Words by voice (authorial + quoted) and deontic "must" in each:
    # doc1 8 + 9 (two quoted), doc2 8 (one authorial) + 4, doc3 9 (one authorial) + 3,
    # doc4 7 (one authorial) + 0.
    texts = [
        'The minister said: "We must act now and we must not wait." Perhaps the paper may disagree.',
        'Officials said: "Perhaps we may talk." The paper says they must act.',
        'The editor writes that nations must act. "It may rain," she said.',
        "No quotes here and we must go.",
    ]
    return corpus.from_texts(texts, docvars={"outlet": ["A", "A", "B", "B"]})


def test_a_measure_in_one_voice_counts_the_words_of_that_voice(outlets):
    quoted = compare(outlets, "deontic", by="outlet", voice="quoted", pairs="none")
    # doc4 quotes nobody: no quoted words, no rate, not in its group
    assert quoted[["group", "documents"]].values.tolist() == [["A", 2], ["B", 1]]
    assert quoted["estimate"].tolist() == pytest.approx([(2 / 9 * 1000 + 0) / 2, 0.0])
    # two values: Student's t interval, its lower end stopped at 0
    a = np.array([2 / 9 * 1000, 0.0])
    half = stats.t.ppf(0.975, 1) * a.std(ddof=1) / np.sqrt(2)
    assert quoted.loc[0, "ci_low"] == 0.0 and quoted.loc[0, "ci_high"] == pytest.approx(
        a.mean() + half
    )
    authorial = compare(outlets, "deontic", by="outlet", voice="authorial", n_boot=100)
    groups = authorial[authorial["kind"] == "group"]
    assert groups["estimate"].tolist() == pytest.approx([(0 + 125) / 2, (1000 / 9 + 1000 / 7) / 2])
    terms = compare(outlets, "rate:must", by="outlet", voice="authorial", pairs="none")
    assert terms["estimate"].tolist() == pytest.approx([(0 + 1e4 / 8) / 2, (1e4 / 9 + 1e4 / 7) / 2])
    everything = compare(outlets, "rate:must", by="outlet", pairs="none")
    assert everything["estimate"].tolist() == pytest.approx(
        [(2e4 / 17 + 1e4 / 12) / 2, (1e4 / 12 + 1e4 / 7) / 2]
    )
    assert quoted.attrs["provenance"]["parameters"]["voice"] == "quoted"
    assert everything.attrs["provenance"]["parameters"]["voice"] == "all"


def test_a_voice_is_checked_and_refused_for_measures_of_whole_texts(outlets):
    with pytest.raises(ValueError, match="voice='Quoted' is not valid; did you mean 'quoted'?"):
        compare(outlets, "deontic", by="outlet", voice="Quoted")
    for measure, named in (("ttr", "'ttr'"), ("flesch_reading_ease", "'flesch_reading_ease'")):
        with pytest.raises(
            ValueError,
            match=f"the measure {named} cannot be computed in one voice \\(voice='quoted'\\)",
        ):
            compare(outlets, measure, by="outlet", voice="quoted")
    with pytest.raises(ValueError, match="the measure len_of_text cannot be computed in one voice"):
        compare(outlets, len_of_text, by="outlet", voice="authorial")
    with pytest.raises(ValueError, match="measure='nonsense' is not valid"):
        compare(outlets, "nonsense", by="outlet", voice="quoted")
    # every voice is every word: any measure
    assert compare(outlets, "ttr", by="outlet", voice="all", n_boot=50)["measure"].iloc[0] == "ttr"


def test_a_group_interval_in_one_voice_lies_within_stat_hedgings_for_that_voice():
    from analysis import stat_hedging

    # authorial hedges vary between documents far more than a Poisson count would;
    # each document also quotes two hedges, which the authorial voice leaves out
    texts = [
        ("Perhaps it may be so. " * k) + 'He said: "Perhaps we may." ' + "Peace is vital. " * 40
        for k in range(12)
    ]
    c = corpus.from_texts(texts, docvars={"g": ["A"] * 12})
    row = compare(c, "hedges", by="g", voice="authorial", pairs="none").iloc[0]
    rates = stat_hedging(c, by="g", voice="authorial").set_index("measure").loc["hedges"]
    assert row["estimate"] == pytest.approx(rates["rate"])
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((rates["rate_low"], rates["rate_high"]))
    every = compare(c, "hedges", by="g", pairs="none").iloc[0]
    assert every["estimate"] > row["estimate"]  # the quoted hedges count in every voice


def test_a_table_of_rates_in_one_voice_keeps_its_interval_at_or_above_zero(outlets):
    from analysis import stat_modality

    rates = stat_modality(outlets, by="doc_id", voice="quoted")
    deontic = rates[rates["measure"] == "deontic"]
    # the trial's table: joined to the docvars, which drops the provenance record
    joined = deontic.merge(outlets.docvars, left_on="group", right_index=True)
    assert "provenance" not in joined.attrs
    table = compare(joined, "rate", by="outlet", pairs="none")
    assert table["estimate"].tolist() == pytest.approx([(2 / 9 * 1000 + 0) / 2, 0.0])
    assert table.loc[0, "ci_low"] == 0.0  # Student's t of 222 and 0 goes to -1,300
    assert table.attrs["provenance"]["parameters"]["voice"] is None  # not known
    # a filtered table keeps its record: the voice is recorded, and may be named
    kept = deontic.assign(outlet=deontic["group"].map(outlets.docvars["outlet"]))
    named = compare(kept, "rate", by="outlet", voice="quoted", pairs="none")
    assert named.attrs["provenance"]["parameters"]["voice"] == "quoted"
    with pytest.raises(ValueError, match="voice='authorial' chooses the words compare counts"):
        compare(kept, "rate", by="outlet", voice="authorial")
    # a column named "rate" holding a negative value is something else (a change)
    change = pd.DataFrame({"g": ["A", "A"], "rate": [-1.0, 3.0]})
    assert compare(change, "rate", by="g", pairs="none").loc[0, "ci_low"] < 0
    # a column of one's own named "rate" (a growth rate), without the count a communique
    # rate table carries, keeps its t interval, even with no negative value in the sample
    growth = pd.DataFrame({"g": ["A", "A", "A"], "rate": [0.1, 0.2, 3.0]})
    assert compare(growth, "rate", by="g", pairs="none").loc[0, "ci_low"] < 0


def test_min_words_leaves_out_documents_with_few_words_in_the_voice():
    texts = [
        "“Perhaps,” she said. The talks resumed after a long pause in the old hall today.",
        "“We may perhaps agree on the main points of the plan soon,” he said at last.",
        "“It seems the vote may possibly be delayed by a week or more,” she said.",
        "“Maybe,” he said. Nothing else was agreed at the meeting in the old hall today.",
    ]
    c = corpus.from_texts(texts, docvars={"outlet": ["A", "A", "B", "B"]})
    every = compare(c, "hedges", by="outlet", voice="quoted", pairs="none")
    kept = compare(c, "hedges", by="outlet", voice="quoted", min_words=5, pairs="none")
    # one quoted word holding a hedge is 1,000 per 1,000 words; those documents go
    assert every["documents"].tolist() == [2, 2] and kept["documents"].tolist() == [1, 1]
    rates = stat_hedging(c, by="doc_id", voice="quoted").set_index(["group", "measure"])
    assert kept["estimate"].tolist() == pytest.approx(
        [rates.loc[("doc2", "hedges"), "rate"], rates.loc[("doc3", "hedges"), "rate"]]
    )
    assert kept.attrs["provenance"]["parameters"]["min_words"] == 5
    with pytest.raises(ValueError, match="min_words=5 is for rates"):
        compare(c, "ttr", by="outlet", min_words=5)
    with pytest.raises(ValueError, match="filter its rows"):
        compare(rates.reset_index().assign(outlet="A"), "rate", by="outlet", min_words=5)


def test_a_group_that_never_uses_a_term_gets_the_poisson_upper_bound_not_zero():
    from analysis.rates import poisson_rate_ci

    texts = [
        "We must act now and we must act together.",
        "They must decide. The vote is near.",
        "The talks resumed in the old hall today.",
        "Nothing else was agreed at the meeting.",
    ]
    c = corpus.from_texts(texts, docvars={"outlet": ["A", "A", "B", "B"]})
    table = compare(c, "rate:must", by="outlet", pairs="none").set_index("group")
    words_b = sum(len(doc.words) for doc in c if doc.meta["outlet"] == "B")
    assert table.loc["B", "estimate"] == 0.0 and table.loc["B", "ci_low"] == 0.0
    assert table.loc["B", "ci_high"] == pytest.approx(poisson_rate_ci(0, words_b, per=10_000)[1])
    # a stance measure's group interval is the stat table's, drawn and widened alike
    hedges = compare(c, "hedges", by="outlet", pairs="none").set_index("group")
    stat = stat_hedging(c, by="outlet").set_index(["group", "measure"])
    for g in ("A", "B"):
        assert hedges.loc[g, ["ci_low", "ci_high"]].tolist() == pytest.approx(
            stat.loc[(g, "hedges"), ["rate_low", "rate_high"]].tolist()
        )


def test_quoting_measures_compare_by_group():
    from analysis import stat_quoting

    texts = [
        "“We will not yield,” Elena Marsh said. Talks went on.",
        "“The vote is final,” said Tom Lee. It was over.",
        "The talks ended without any statement from either side.",
        "Nothing else was agreed at the meeting in the hall.",
    ]
    c = corpus.from_texts(texts, docvars={"outlet": ["A", "A", "B", "B"]})
    table = compare(c, "quotes", by="outlet").set_index(["kind", "group"])
    stat = stat_quoting(c, by="outlet").set_index(["group", "measure"])
    assert table.loc[("group", "A"), "estimate"] == pytest.approx(stat.loc[("A", "quotes"), "rate"])
    assert table.loc[("group", "B"), "estimate"] == 0.0
    assert table.attrs["rate_per_words"] == 1000
    with pytest.raises(ValueError, match="voice"):
        compare(c, "quotes", by="outlet", voice="quoted")


def test_stance_group_intervals_equal_the_stat_tables_with_the_bootstrap_in_play():
    import random

    rng = random.Random(7)
    words = "perhaps may clearly the talks resumed in the hall today and the vote".split()
    texts = [
        " ".join(rng.choice(words) for _ in range(rng.randint(20, 60))) + "." for _ in range(30)
    ]
    c = corpus.from_texts(texts, docvars={"g": ["A", "B", "C"] * 10})  # 10 a group: bootstrap
    for measure in ("hedges", "boosters"):
        table = compare(c, measure, by="g", pairs="none").set_index("group")
        stat = stat_hedging(c, by="g").set_index(["group", "measure"])
        for g in "ABC":
            assert table.loc[g, "documents"] == 10
            assert table.loc[g, ["ci_low", "ci_high"]].tolist() == pytest.approx(
                stat.loc[(g, measure), ["rate_low", "rate_high"]].tolist()
            )


def quotes(doc):  # a function named like a quoting measure, which can go below 0
    return float(len(doc.quotes)) - 1.0


def test_a_function_is_judged_by_what_it_is_not_by_its_name():
    c = corpus.from_texts(
        [
            "“Yes,” he said.",
            "No quotes.",
            "“A,” she said. “B,” he said.",
            "None.",
            "“C,” I said.",
            "No.",
        ],
        docvars={"g": list("AAABBB")},
    )
    table = compare(c, quotes, by="g", pairs="none", workers=1).set_index("group")
    assert table.loc["B", "estimate"] == pytest.approx(-2 / 3)
    assert table.loc["B", "ci_low"] < table.loc["B", "estimate"]  # a t interval, not cut at 0
    assert "rate_per_words" not in table.attrs
    # the quoting measures themselves take min_words
    named = compare(c, "quotes", by="g", min_words=3, pairs="none").set_index("group")
    assert named.attrs["provenance"]["parameters"]["min_words"] == 3


def _strata_table():
    rng = np.random.default_rng(7)
    rows = []
    for country, shift in (("XA", 0.0), ("XB", 3.0), ("XC", -1.0)):
        for decade, mean in (("1970s", 10.0), ("1990s", 12.0)):
            for k in range(12):
                rows.append(
                    (f"{country}-{decade}-{k}", country, decade, mean + shift + rng.normal())
                )
    return pd.DataFrame(rows, columns=["doc_id", "country", "decade", "x"]).set_index("doc_id")


def test_within_compares_each_stratum_and_corrects_them_as_one_family():
    table = _strata_table()
    result = compare(table, "x", by="decade", within="country", n_boot=200)
    assert list(result.columns[:4]) == ["kind", "measure", "within", "group"]
    groups = result[result["kind"] == "group"]
    assert groups[["within", "group"]].values.tolist() == [
        [c, d] for c in ("XA", "XB", "XC") for d in ("1970s", "1990s")
    ]
    differences = result[result["kind"] == "difference"].set_index("within")
    raw = []
    for country in ("XA", "XB", "XC"):
        part = table[table["country"] == country]
        alone = compare(part, "x", by="decade", n_boot=200)
        # each stratum's groups and difference are those of a compare of that stratum alone
        mine = groups[groups["within"] == country]
        assert mine["estimate"].tolist() == pytest.approx(alone["estimate"][:2].tolist())
        assert mine[["ci_low", "ci_high"]].to_numpy().ravel().tolist() == pytest.approx(
            alone[["ci_low", "ci_high"]][:2].to_numpy().ravel().tolist()
        )
        a = part[part["decade"] == "1970s"]["x"]
        b = part[part["decade"] == "1990s"]["x"]
        p = stats.ttest_ind(a, b, equal_var=False).pvalue
        assert differences.loc[country, "p_value"] == pytest.approx(p)
        raw.append(p)
    # Holm over the three strata's p-values together, computed by hand
    order = np.argsort(raw)
    holm = np.empty(3)
    running = 0.0
    for rank, k in enumerate(order):
        running = max(running, min(1.0, (3 - rank) * raw[k]))
        holm[k] = running
    assert differences["p_adjusted"].tolist() == pytest.approx(holm.tolist())
    assert result.attrs["provenance"]["parameters"]["within"] == "country"


def test_within_on_a_corpus_names_its_docvar_and_refuses_the_by_docvar(tmp_path):
    c = corpus.from_texts(
        ["Perhaps so.", "It may rain.", "We must go.", "Clearly.", "Maybe.", "No."],
        docvars={"country": ["A", "A", "A", "B", "B", "B"], "era": ["x", "y", "x", "y", "x", "y"]},
    )
    table = compare(c, "hedges", by="era", within="country", n_boot=50)
    assert table[table["kind"] == "difference"]["within"].tolist() == ["A", "B"]
    with pytest.raises(
        ValueError, match=r"within='contry' is not a docvar.*did you mean 'country'"
    ):
        compare(c, "hedges", by="era", within="contry")
    with pytest.raises(ValueError, match=r"within='era' is the by= docvar"):
        compare(c, "hedges", by="era", within="era")


def test_within_on_the_command_line_and_in_its_figure(tmp_path, capsys):
    import matplotlib

    matplotlib.use("Agg")
    from analysis import plot_rates
    from analysis.cli import main

    texts = tmp_path / "news.csv"
    texts.write_text(
        "id,outlet,year,text\n"
        "a,P,1990,Perhaps it may rain.\nb,P,1990,It might work.\nc,P,1991,We must go.\n"
        "d,Q,1990,Clearly so.\ne,Q,1991,Perhaps.\nf,Q,1991,It may be.\n",
        encoding="utf-8",
    )
    args = ["compare", str(texts), "hedges", "--by", "year", "--within", "outlet"]
    assert main([*args, "--format", "csv", "--quiet"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("kind,measure,within,group,group_b")
    table = compare(corpus.read_corpus(texts), "hedges", by="year", within="outlet")
    ax = plot_rates(table)
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "P: 1990",
        "P: 1991",
        "Q: 1990",
        "Q: 1991",
    ]
    assert ax.get_xlabel() == "year within outlet"


def test_renaming_groups_leaves_every_interval_and_permutation_p_as_it_was():
    table = _strata_table()
    first = compare(table, "x", by="country", test="permutation", n_boot=300)
    renamed = table.assign(
        country=table["country"].map({"XA": "Alpha", "XB": "Beta", "XC": "Gamma"})
    )
    second = compare(renamed, "x", by="country", test="permutation", n_boot=300)
    numbers = ["estimate", "ci_low", "ci_high", "p_value", "p_adjusted"]
    assert second[numbers].equals(first[numbers])
    assert second["group"].tolist()[:3] == ["Alpha", "Beta", "Gamma"]
    # Names that sort the other way round: each difference is the same one negated.
    flipped = table.assign(country=table["country"].map({"XA": "zz", "XB": "yy", "XC": "xx"}))
    third = compare(flipped, "x", by="country", test="permutation", n_boot=300)
    pairs = {(r.group, r.group_b): r for r in first[first["kind"] == "difference"].itertuples()}
    names = {"zz": "XA", "yy": "XB", "xx": "XC"}
    for row in third[third["kind"] == "difference"].itertuples():
        before = pairs[(names[row.group_b], names[row.group])]
        assert row.estimate == pytest.approx(-before.estimate)
        assert (row.ci_low, row.ci_high) == pytest.approx((-before.ci_high, -before.ci_low))
        assert row.p_value == before.p_value and row.p_adjusted == before.p_adjusted


def test_comparison_measures_are_compared_with_the_stat_tables_intervals():
    import random

    from analysis import stat_comparisons

    rng = random.Random(11)
    parts = [
        "the talks were like a storm",
        "peace is better than war",
        "as in 1938 at Munich",
        "the vote passed",
        "the hall was quiet today",
    ]
    texts = [
        ". ".join(rng.choice(parts) for _ in range(rng.randint(3, 8))) + "." for _ in range(30)
    ]
    c = corpus.from_texts(texts, docvars={"g": ["A", "B", "C"] * 10})
    stat = stat_comparisons(c, by="g").set_index(["group", "measure"])
    for measure in ("comparisons", "simile", "comparative", "historical"):
        table = compare(c, measure, by="g", pairs="none").set_index("group")
        for g in "ABC":
            assert table.loc[g, "estimate"] == pytest.approx(stat.loc[(g, measure), "rate"])
            assert table.loc[g, ["ci_low", "ci_high"]].tolist() == pytest.approx(
                stat.loc[(g, measure), ["rate_low", "rate_high"]].tolist()
            )
    assert stat.loc[("A", "simile"), "count"] > 0 and stat.loc[("A", "historical"), "count"] > 0
    quoted = compare(c, "simile", by="g", voice="quoted", pairs="none")
    assert quoted["documents"].tolist() == [0, 0, 0]  # no quotes: no document has a value
    assert compare(c, "simile", by="g").attrs["rate_per_words"] == 1000


def test_a_tables_index_named_group_is_no_clash():
    t = pd.DataFrame(
        {"g": ["A", "A", "B", "B"], "x": [1.0, 3.0, 5.0, 7.0]},
        index=pd.Index(["d1", "d2", "d3", "d4"], name="group"),
    )
    table = compare(t, "x", by="g", n_boot=100)
    assert table["estimate"].tolist() == [2.0, 6.0, -4.0]


def test_differences_with_a_single_document_say_why_they_have_no_p_value():
    # The UN archive has one speech per country and year: by="year" within="country"
    # gave a table of NaN p-values, and nothing said why.
    t = pd.DataFrame({"g": ["A", "B", "B", "B", "C", "C"], "x": [1.0, 2, 3, 4, 5, 7]})
    with pytest.warns(UserWarning) as caught:
        result = compare(t, "x", by="g", n_boot=200)
    assert str(caught[0].message).startswith(
        "2 of 3 differences have no interval or p-value: a group of one document "
        "(first: 'A' against 'B'); group documents together"
    )
    diffs = result[result["kind"] == "difference"]
    assert diffs["p_value"].isna().tolist() == [True, True, False]


def test_single_documents_within_strata_are_named_with_their_stratum():
    t = pd.DataFrame(
        {"country": ["X", "X", "Y", "Y"], "year": [1980, 1981, 1980, 1981], "x": [1.0, 2, 3, 5]}
    )
    with pytest.warns(
        UserWarning,
        match=r"^2 of 2 differences have no interval: a group of "
        r"one document \(first: '1980' against '1981' within 'X'\)",
    ):
        result = compare(t, "x", by="year", within="country", test="permutation", n_boot=200)
    # one speech against one: every split gives the same distance, an exact p of 1
    assert result["p_value"].dropna().tolist() == [1.0, 1.0]


def test_groups_of_two_documents_or_more_give_no_warning(table, recwarn):
    compare(table, "x", by="g", n_boot=200)
    assert not [w for w in recwarn if "differences have no" in str(w.message)]


# cluster=: the units are clusters (countries), each the mean of its documents' values.


@pytest.fixture
def clustered():
    """Two blocs of countries with several speeches each: A's countries' means are 2, 4
    and 6, B's 1, 2, 3 and 3."""
    speeches = {
        ("A", "a1"): [1, 2, 3],
        ("A", "a2"): [4],
        ("A", "a3"): [5, 7],
        ("B", "b1"): [1, 1],
        ("B", "b2"): [2],
        ("B", "b3"): [0, 6],
        ("B", "b4"): [2, 4],
    }
    rows = [(bloc, country, float(x)) for (bloc, country), xs in speeches.items() for x in xs]
    return pd.DataFrame(rows, columns=["bloc", "country", "x"])


def test_cluster_means_are_the_units_of_estimates_intervals_and_tests(clustered):
    result = compare(clustered, "x", by="bloc", cluster="country", n_boot=200)
    means_a, means_b = np.array([2.0, 4, 6]), np.array([1.0, 2, 3, 3])
    groups = result[result["kind"] == "group"].set_index("group")
    assert groups["estimate"].tolist() == pytest.approx([4.0, 2.25])
    assert groups["documents"].tolist() == [6, 7]
    assert groups["clusters"].tolist() == [3, 4]
    # Student's t over the 3 country means, computed with scipy
    half = stats.t.ppf(0.975, 2) * stats.sem(means_a)
    assert groups.loc["A", ["ci_low", "ci_high"]].tolist() == pytest.approx([4 - half, 4 + half])
    difference = result[result["kind"] == "difference"].iloc[0]
    assert (difference["documents"], difference["documents_b"]) == (6, 7)
    assert (difference["clusters"], difference["clusters_b"]) == (3, 4)
    assert difference["estimate"] == pytest.approx(1.75)
    # Welch's t on the country means with min(3, 4) - 1 = 2 degrees of freedom
    welch = stats.ttest_ind(means_a, means_b, equal_var=False)
    assert difference["p_value"] == pytest.approx(2 * stats.t.sf(abs(welch.statistic), 2))
    spread = np.sqrt(means_a.var(ddof=1) / 3 + means_b.var(ddof=1) / 4)
    half = stats.t.ppf(0.975, 2) * spread
    assert [difference["ci_low"], difference["ci_high"]] == pytest.approx(
        [1.75 - half, 1.75 + half]
    )
    assert result.attrs["provenance"]["parameters"]["cluster"] == "country"


def test_from_ten_clusters_a_side_the_test_is_scipys_welch_on_their_means():
    rng = np.random.default_rng(7)
    rows = []
    for bloc, n_countries, shift in (("A", 12, 0.5), ("B", 11, 0.0)):
        for k in range(n_countries):
            country_level = rng.normal(shift, 1.0)  # countries differ far more than speeches
            for _ in range(rng.integers(1, 9)):
                rows.append((bloc, f"{bloc}{k}", country_level + rng.normal(0, 0.1)))
    table = pd.DataFrame(rows, columns=["bloc", "country", "x"])
    means = table.groupby(["bloc", "country"])["x"].mean()
    expected = stats.ttest_ind(means["A"], means["B"], equal_var=False).pvalue
    result = compare(table, "x", by="bloc", cluster="country", n_boot=300)
    difference = result[result["kind"] == "difference"].iloc[0]
    assert difference["p_value"] == pytest.approx(expected)
    assert difference["estimate"] == pytest.approx(means["A"].mean() - means["B"].mean())
    assert (difference["clusters"], difference["clusters_b"]) == (12, 11)
    # the speeches as draws: a far smaller p for the same data
    plain = compare(table, "x", by="bloc", n_boot=300)
    assert plain["p_value"].iloc[-1] < expected / 10


def test_permutation_with_clusters_shuffles_the_clusters(clustered):
    result = compare(clustered, "x", by="bloc", cluster="country", test="permutation")
    p = result["p_value"].iloc[-1]
    assert p == pytest.approx(_scipy_exact_p([2.0, 4, 6], [1.0, 2, 3, 3]))
    # 10 of the 35 splits of 7 countries into 3 and 4: sums of 3 at least 12 or at most 6
    assert p == pytest.approx(10 / 35)


def test_a_cluster_of_each_document_changes_nothing_but_the_columns(clustered):
    numbers = ["estimate", "ci_low", "ci_high", "p_value", "p_adjusted", "documents"]
    for test in ("welch", "permutation"):
        plain = compare(clustered, "x", by="bloc", test=test, n_boot=300)
        own = clustered.assign(speech=[f"s{k}" for k in range(len(clustered))])
        each = compare(own, "x", by="bloc", cluster="speech", test=test, n_boot=300)
        assert each[numbers].equals(plain[numbers])
        assert each["clusters"].tolist() == each["documents"].tolist()


def test_without_cluster_the_columns_are_as_they_were(clustered):
    plain = compare(clustered, "x", by="bloc", n_boot=100)
    assert list(plain.columns) == [
        "kind", "measure", "group", "group_b", "documents", "documents_b",
        "estimate", "ci_low", "ci_high", "p_value", "p_adjusted",
    ]  # fmt: skip
    assert "cluster" not in plain.attrs["provenance"]["parameters"]
    both = compare(clustered, "x", by="bloc", within="country", n_boot=100, pairs="none")
    assert list(both.columns)[:3] == ["kind", "measure", "within"]
    both = compare(
        clustered.assign(era="x"), "x", by="bloc", within="era", cluster="country", n_boot=100
    )
    assert list(both.columns)[:8] == [
        "kind", "measure", "within", "group", "group_b", "documents", "documents_b", "clusters",
    ]  # fmt: skip
    assert both["clusters_b"].tolist()[:2] == [pd.NA, pd.NA]


def test_clusters_are_formed_inside_each_stratum(clustered):
    # The same countries in two decades: each decade compares its own country means.
    table = pd.concat(
        [clustered.assign(decade="1980s"), clustered.assign(decade="1990s", x=clustered["x"] ** 2)]
    )
    result = compare(table, "x", by="bloc", within="decade", cluster="country", n_boot=200)
    differences = result[result["kind"] == "difference"].set_index("within")
    squares_a = (
        clustered[clustered["bloc"] == "A"].groupby("country")["x"].apply(lambda x: np.mean(x**2))
    )
    squares_b = (
        clustered[clustered["bloc"] == "B"].groupby("country")["x"].apply(lambda x: np.mean(x**2))
    )
    welch = stats.ttest_ind(squares_a, squares_b, equal_var=False)
    assert differences.loc["1990s", "estimate"] == pytest.approx(
        squares_a.mean() - squares_b.mean()
    )
    assert differences.loc["1990s", "p_value"] == pytest.approx(
        2 * stats.t.sf(abs(welch.statistic), 2)
    )
    assert differences.loc["1980s", "estimate"] == pytest.approx(1.75)


def test_a_cluster_in_both_groups_is_a_paired_design_compare_refuses(clustered):
    crossed = pd.concat([clustered.assign(year=1980), clustered.assign(year=1981)])
    with pytest.raises(
        ValueError,
        match=r"cluster='country': 7 country value\(s\) have documents in both '1980' and "
        r"'1981' \(first: 'a1'\).*paired or crossed design",
    ):
        compare(crossed, "x", by="year", cluster="country")
    # Group rows alone are fine: each year's countries are independent of each other.
    alone = compare(crossed, "x", by="year", cluster="country", pairs="none", n_boot=100)
    assert alone["clusters"].tolist() == [7, 7]


def test_documents_without_a_cluster_are_an_error_naming_how_many(clustered):
    lacking = clustered.assign(country=clustered["country"].where(clustered.index > 1))
    with pytest.raises(
        ValueError, match=r"cluster='country': 2 of 13 documents with a value have no country"
    ):
        compare(lacking, "x", by="bloc", cluster="country")
    # a document without a value is left out anyway: its missing cluster does not matter
    unvalued = lacking.assign(x=lacking["x"].where(lacking.index > 1))
    result = compare(unvalued, "x", by="bloc", cluster="country", n_boot=100)
    assert result["documents"].tolist()[:2] == [4, 7]


def test_a_cluster_that_is_no_column_or_the_by_one_is_an_error(clustered):
    with pytest.raises(
        ValueError, match=r"cluster='Country' is not a column; did you mean 'country'"
    ):
        compare(clustered, "x", by="bloc", cluster="Country")
    with pytest.raises(ValueError, match=r"cluster='bloc' is the by= docvar"):
        compare(clustered, "x", by="bloc", cluster="bloc")
    with pytest.raises(ValueError, match=r"cluster='country' is the within= docvar"):
        compare(clustered, "x", by="bloc", within="country", cluster="country")
    with pytest.raises(ValueError, match=r"cluster= takes one column"):
        compare(clustered, "x", by="bloc", cluster=["country", "bloc"])


def test_a_group_of_one_cluster_is_named_in_the_warning():
    t = pd.DataFrame(
        {
            "bloc": ["A", "A", "B", "B", "B"],
            "country": ["a", "a", "b", "c", "c"],
            "x": [1.0, 2, 3, 4, 6],
        }
    )
    with pytest.warns(
        UserWarning,
        match=r"^1 of 1 differences have no interval or p-value: a group of one country "
        r"\(cluster='country'\) \(first: 'A' against 'B'\)",
    ):
        result = compare(t, "x", by="bloc", cluster="country", n_boot=100)
    assert result["p_value"].isna().all()


def test_cluster_on_a_corpus_averages_each_countrys_rates(tmp_path):
    texts = [
        "Perhaps the talks may resume. We might agree on it.",
        "The talks will resume. We must agree now.",
        "It seems the deal could perhaps hold for now.",
        "Clearly the plan works, and it will hold.",
        "Possibly the vote may be delayed, it seems.",
        "The vote is final. The deal holds.",
        "Maybe the council might act, perhaps soon.",
        "We will act. We must act.",
    ]
    docvars = {
        "country": ["P", "P", "Q", "Q", "R", "R", "S", "S"],
        "bloc": ["west", "west", "west", "west", "east", "east", "east", "east"],
    }
    c = corpus.from_texts(texts, docvars=docvars)
    result = compare(c, "hedges", by="bloc", cluster="country", n_boot=200)
    rates = stat_hedging(c, by="doc_id")
    rates = rates[rates["measure"] == "hedges"].set_index("group")["rate"]
    means = rates.groupby(c.docvars["country"].reindex(rates.index).to_numpy()).mean()
    difference = result[result["kind"] == "difference"].iloc[0]
    assert difference["group"] == "east"
    assert difference["estimate"] == pytest.approx(
        means[["R", "S"]].mean() - means[["P", "Q"]].mean()
    )
    welch = stats.ttest_ind(means[["R", "S"]], means[["P", "Q"]], equal_var=False)
    assert difference["p_value"] == pytest.approx(2 * stats.t.sf(abs(welch.statistic), 1))
    assert result["clusters"].tolist() == [2, 2, 2]
    with pytest.raises(
        ValueError, match=r"cluster='countyr' is not a docvar.*did you mean 'country'"
    ):
        compare(c, "hedges", by="bloc", cluster="countyr")
