"""Keyness statistics against independent computations (scipy, hand formulas)."""

import math
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats
from scipy.stats.contingency import odds_ratio as scipy_odds_ratio

import corpus
from analysis import keyness as k
from analysis import stat_frequency, stat_keyness

# A hand-made table: the term occurs 30 times in 10,000 target words, 70 in 50,000.
A, B, C, D = 30, 70, 10_000, 50_000


def test_g2_matches_scipy_power_divergence():
    expected = [C * (A + B) / (C + D), D * (A + B) / (C + D)]
    g2, _ = stats.power_divergence([A, B], f_exp=expected, lambda_="log-likelihood")
    assert k.log_likelihood(A, B, C, D) == pytest.approx(g2, rel=1e-12)
    # and the textbook form, 2 sum O ln(O/E), by hand
    assert k.log_likelihood(A, B, C, D) == pytest.approx(
        2 * (A * math.log(A / expected[0]) + B * math.log(B / expected[1])), rel=1e-12
    )


def test_g2_with_a_zero_count():
    expected = [C * B / (C + D), D * B / (C + D)]
    assert k.log_likelihood(0, B, C, D) == pytest.approx(2 * B * math.log(B / expected[1]))


def test_chi_square_matches_scipy_with_yates():
    table = [[A, B], [C - A, D - B]]
    chi2, p, _, _ = stats.chi2_contingency(table, correction=True)
    assert k.chi_square_yates(A, B, C, D) == pytest.approx(chi2, rel=1e-12)
    assert stats.chi2.sf(k.chi_square_yates(A, B, C, D), 1) == pytest.approx(p, rel=1e-9)


def test_chi_square_small_counts_match_scipy():
    for a, b, c, d in [(1, 0, 5, 7), (3, 1, 4, 3), (0, 2, 10, 10)]:
        chi2 = stats.chi2_contingency([[a, b], [c - a, d - b]], correction=True)[0]
        assert k.chi_square_yates(a, b, c, d) == pytest.approx(chi2, rel=1e-12, abs=1e-12)


def test_log_ratio_and_interval_by_hand():
    ratio, low, high = k.log_ratio(A, B, C, D)
    assert ratio == pytest.approx(math.log2((A / C) / (B / D)), rel=1e-12)
    se = math.sqrt(1 / A - 1 / C + 1 / B - 1 / D) / math.log(2)
    assert low == pytest.approx(ratio - 1.959963984540054 * se, rel=1e-12)
    assert high == pytest.approx(ratio + 1.959963984540054 * se, rel=1e-12)


def test_log_ratio_zero_count_becomes_half():
    ratio, _, _ = k.log_ratio(0, 4, 100, 100)
    assert ratio == pytest.approx(math.log2(0.5 / 4))


def test_other_measures_by_hand():
    pm_t, pm_r = A / C * 1e6, B / D * 1e6
    assert k.pct_diff(A, B, C, D) == pytest.approx(100 * (pm_t - pm_r) / pm_r)
    assert k.simple_maths(A, B, C, D) == pytest.approx((pm_t + 1) / (pm_r + 1))
    assert k.simple_maths(A, B, C, D, k=100) == pytest.approx((pm_t + 100) / (pm_r + 100))
    assert k.bic(k.log_likelihood(A, B, C, D), C, D) == pytest.approx(
        k.log_likelihood(A, B, C, D) - math.log(C + D)
    )
    sample = scipy_odds_ratio([[A, C - A], [B, D - B]], kind="sample").statistic
    assert k.odds_ratio(A, B, C, D) == pytest.approx(sample, rel=1e-12)
    # a zero count: Hardie's 0.5 (0.5 of 100 words is below half of 5 in 200 words)
    zero = min(0.5, 0.5 * 5 * 100 / 200)
    assert zero == 0.5
    assert k.odds_ratio(0, 5, 100, 200) == pytest.approx((zero / 100) / (5 / 195))


def test_a_term_one_side_never_uses_leans_to_the_other_side():
    # a small target that never uses a word the large reference uses 5 times: a flat 0.5
    # (Hardie's rule, meant for sides of equal size) gave +3.8 and an odds ratio of 14
    c, d = 30_086, 4_145_279
    ratio, low, high = k.log_ratio(0, 5, c, d)
    assert ratio < 0 and k.odds_ratio(0, 5, c, d) < 1
    expected = math.log2((min(0.5, 0.5 * 5 * c / d) / c) / (5 / d))  # -1: half the rate
    assert ratio == pytest.approx(expected)
    # with real evidence on the other side, Hardie's 0.5 (not an inflated ratio)
    assert k.log_ratio(0, 1355, c, d)[0] == pytest.approx(math.log2((0.5 / c) / (1355 / d)))
    assert low < ratio < high
    # and the other way round
    assert k.log_ratio(5, 0, c, d)[0] > 0 and k.odds_ratio(5, 0, c, d) > 1
    # sides of the same size: Hardie's 0.5
    assert k.log_ratio(0, 4, 1000, 1000)[0] == pytest.approx(math.log2(0.5 / 4))


def test_pct_diff_zero_reference_uses_tiny_denominator():
    assert k.pct_diff(3, 0, 100, 100) == pytest.approx(100 * 30000 / 1e-18)


def test_p_value_corrections():
    p = np.array([0.01, 0.04, 0.03])
    assert k.adjust_p(p, "holm").tolist() == pytest.approx([0.03, 0.06, 0.06])
    assert k.adjust_p(p, "bonferroni").tolist() == pytest.approx([0.03, 0.12, 0.09])
    assert k.adjust_p(p, "fdr_bh").tolist() == pytest.approx([0.03, 0.04, 0.04])
    assert k.adjust_p(p, "none").tolist() == pytest.approx(p.tolist())
    with pytest.raises(ValueError, match="correction='sidak'"):
        k.adjust_p(p, "sidak")


@given(st.lists(st.floats(0, 1), min_size=1, max_size=30))
def test_adjusted_p_never_below_raw(p):
    p = np.array(p)
    for method in ("holm", "bonferroni", "fdr_bh"):
        adjusted = k.adjust_p(p, method)
        assert np.all(adjusted >= p - 1e-12) and np.all(adjusted <= 1)


@pytest.fixture
def small():
    texts = [
        "Peace and sovereignty. Sovereignty matters for peace.",
        "Sovereignty again, sovereignty always.",
        "Trade and growth. Trade and peace.",
        "Growth of trade is growth of peace.",
    ]
    return corpus.from_texts(texts, docvars={"country": ["RUS", "RUS", "USA", "FRA"]})


def _independent(c, target):
    """Counts by plain iteration and G2 / log ratio by scipy and math."""
    counts = {"t": Counter(), "r": Counter()}
    for doc in c:
        side = "t" if doc.meta["country"] == target else "r"
        counts[side].update(doc.text[s:e].lower() for s, e in doc.words)
    ct, cr = sum(counts["t"].values()), sum(counts["r"].values())
    out = {}
    for term in set(counts["t"]) | set(counts["r"]):
        a, b = counts["t"][term], counts["r"][term]
        e = [ct * (a + b) / (ct + cr), cr * (a + b) / (ct + cr)]
        g2 = stats.power_divergence([a, b], f_exp=e, lambda_="log-likelihood")[0]
        # a zero count: 0.5, or the count at half the other side's rate where less
        a_ = a or min(0.5, 0.5 * b * ct / cr)
        b_ = b or min(0.5, 0.5 * a * cr / ct)
        lr = math.log2((a_ / ct) / (b_ / cr))
        out[term] = (a, b, g2, lr)
    return out


def test_stat_keyness_matches_independent_computation(small):
    table = stat_keyness(small, by="country", target="RUS", min_count=1, correction="none")
    expected = _independent(small, "RUS")
    assert set(table["term"]) == set(expected)
    for row in table.itertuples():
        a, b, g2, lr = expected[row.term]
        assert (row.count_target, row.count_reference) == (a, b)
        assert row.g2 == pytest.approx(g2, rel=1e-9, abs=1e-12)
        assert row.log_ratio == pytest.approx(lr, rel=1e-9)
    top = table.iloc[0]
    assert top["term"] == "sovereignty" and top["direction"] == "target"
    assert top["doc_count_target"] == 2 and top["doc_range_target"] == 1.0
    assert table["p_adjusted"].equals(table["p_value"])


def test_single_document_flag_and_order(small):
    table = stat_keyness(small, by="country", target="RUS", min_count=1)
    flags = dict(zip(table["term"], table["dispersion_flag"], strict=True))
    assert flags["matters"] == "single_document"
    assert flags["sovereignty"] == "ok"
    assert flags["trade"] == "ok"  # a reference keyword, in both reference documents
    directions = table["direction"].tolist()
    assert directions == sorted(directions, key=lambda d: d != "target")


def test_every_group_against_the_rest(small):
    table = stat_keyness(small, by="country", min_count=1)
    assert table.columns[0] == "group"
    assert set(table["group"]) == {"RUS", "USA", "FRA"}
    usa = table[table["group"] == "USA"].set_index("term")
    alone = stat_keyness(small, by="country", target="USA", min_count=1).set_index("term")
    assert usa.loc["trade", "g2"] == pytest.approx(alone.loc["trade", "g2"])


def test_named_reference_group(small):
    table = stat_keyness(small, by="country", target="RUS", reference="USA", min_count=1)
    row = table.set_index("term").loc["peace"]
    assert (row["count_target"], row["count_reference"]) == (2, 1)


def test_external_reference_table(small):
    reference = pd.DataFrame({"term": ["peace", "the", "sovereignty"], "count": [50, 900, 50]})
    table = stat_keyness(small, by="country", target="RUS", reference=reference, min_count=1)
    row = table.set_index("term").loc["sovereignty"]
    assert row["count_reference"] == 50
    assert row["g2"] == pytest.approx(k.log_likelihood(4, 50, 11, 1000)[()])
    assert table["doc_count_reference"].isna().all()  # a frequency list knows no documents
    named = stat_keyness(small, by="country", target="RUS", reference="USA", min_count=1)
    assert named.set_index("term").loc["peace", "doc_count_reference"] == 1


def test_a_reference_list_is_folded_as_the_corpus_words_are(small):
    reference = pd.DataFrame(
        {"term": ["PEACE", "Peace", "sovereignty", "The"], "count": [30, 20, 50, 900]}
    )
    table = stat_keyness(small, by="country", target="RUS", reference=reference, min_count=1)
    rows = table.set_index("term")
    assert rows.loc["peace", "count_reference"] == 50  # PEACE + Peace
    assert rows.loc["the", "count_reference"] == 900
    assert "PEACE" not in rows.index and "The" not in rows.index
    assert rows.loc["sovereignty", "g2"] == pytest.approx(k.log_likelihood(4, 50, 11, 1000)[()])


def test_a_cut_frequency_list_is_refused_as_a_reference(small):
    whole = stat_frequency(small.subset(country="USA"))
    stat_keyness(small.subset(country="RUS"), by=None, reference=whole, min_count=1)
    for cut in (dict(top_n=2), dict(stopwords=True), dict(min_count=2), dict(ngram=2)):
        listed = stat_frequency(small.subset(country="USA"), **cut)
        name = next(iter(cut))
        with pytest.raises(ValueError, match=rf"leaves words out \({name} "):
            stat_keyness(small.subset(country="RUS"), by=None, reference=listed, min_count=1)
    # Without provenance: a long list with no rare term looks cut to its top terms.
    top = pd.DataFrame(
        {"term": [f"w{i}" for i in range(50)], "count": [400 + i for i in range(50)]}
    )
    with pytest.raises(ValueError, match="looks cut: 50 terms and 21,225 words"):
        stat_keyness(small, by="country", target="RUS", reference=top, min_count=1)
    mid = pd.DataFrame({"term": [f"w{i}" for i in range(50)], "count": [20 + i for i in range(50)]})
    with pytest.raises(ValueError, match="looks cut: 50 terms and 2,225 words"):
        stat_keyness(small, by="country", target="RUS", reference=mid, min_count=1)
    # ... unless its corpus size is stated (a published list cut at a frequency)
    top.attrs["words"] = 1_000_000
    table = stat_keyness(small, by="country", target="RUS", reference=top, min_count=1)
    assert table.set_index("term").loc["w0", "per_10k_reference"] == pytest.approx(4.0)
    # an empty stop-word list leaves nothing out
    stat_keyness(
        small.subset(country="RUS"),
        by=None,
        reference=stat_frequency(small.subset(country="USA"), stopwords=[]),
        min_count=1,
    )


def test_measure_column_and_top_n(small):
    table = stat_keyness(small, by="country", target="RUS", min_count=1, measure="chi2", top_n=2)
    assert "chi2" in table.columns
    assert (table["direction"] == "target").sum() <= 2
    assert (table["direction"] == "reference").sum() <= 2


def test_bad_choices_name_the_argument(small):
    with pytest.raises(ValueError, match="measure='tfidf'"):
        stat_keyness(small, by="country", target="RUS", measure="tfidf")
    with pytest.raises(ValueError, match="target='XXX'"):
        stat_keyness(small, by="country", target="XXX")
    with pytest.raises(ValueError, match="by='nation'"):
        stat_keyness(small, by="nation", target="RUS")


def test_provenance_recorded(small):
    table = stat_keyness(small, by="country", target="RUS", min_count=1)
    record = table.attrs["provenance"]
    assert record["function"] == "analysis.stat_keyness"
    assert record["parameters"]["target"] == "RUS"


def test_numeric_group_names_and_a_reference_group():
    c = corpus.from_texts(
        ["war peace", "peace trade", "trade trade war", "trade peace"], docvars={"g": [1, 2, 3, 3]}
    )
    table = stat_keyness(c, by="g", target=1, reference=2, min_count=1)
    counts = dict(zip(table["term"], table["count_reference"], strict=True))
    assert counts == {"war": 0, "peace": 1, "trade": 1}  # group 2 only, not "the rest"
    with pytest.raises(ValueError, match="reference='1' must differ from target='1'"):
        stat_keyness(c, by="g", target=1, reference=1, min_count=1)
    with pytest.raises(TypeError, match="reference= must be a group name"):
        stat_keyness(c, by="g", target=1, reference=2.5, min_count=1)


def test_an_empty_side_is_named():
    from analysis.keyness import keyness_table

    sides = pd.DataFrame({"term": ["peace"], "count_target": [3], "count_reference": [0]})
    with pytest.raises(ValueError, match="the reference has no words"):
        keyness_table(sides, 10, 0, target_documents=1)
    with pytest.raises(ValueError, match="the target has no words"):
        keyness_table(sides, 0, 10, target_documents=1)
    with pytest.raises(ValueError, match="the target and the reference have no words"):
        keyness_table(sides, 0, 0, target_documents=1)


@pytest.mark.parametrize("measure", ["g2", "chi2", "log_ratio", "odds_ratio", "bic", "pct_diff"])
def test_every_measure_lists_the_target_side_before_the_reference_side(measure):
    c = corpus.from_texts(
        ["peace and war " * 10, "trade and peace " * 500 + "sanctions " * 20],
        docvars={"g": ["A", "B"]},
    )
    table = stat_keyness(c, by="g", target="A", measure=measure, min_count=1)
    directions = table["direction"].tolist()
    assert directions == sorted(directions, key=lambda d: d != "target"), directions
    sanctions = table.set_index("term").loc["sanctions"]
    assert sanctions["direction"] == "reference"
    if measure in ("log_ratio", "odds_ratio"):  # the ratio leans the same way
        assert sanctions[measure] < (0 if measure == "log_ratio" else 1)


def _exact_permutation_p(rates: dict[str, float], target: list[str]) -> float:
    """Two-sided exact permutation p of the target's sum of rates (every subset)."""
    from itertools import combinations

    ids = sorted(rates)
    observed = sum(rates[d] for d in target)
    sums = [sum(rates[d] for d in chosen) for chosen in combinations(ids, len(target))]
    upper = sum(s >= observed - 1e-12 for s in sums) / len(sums)
    lower = sum(s <= observed + 1e-12 for s in sums) / len(sums)
    return min(1.0, 2 * min(upper, lower))


def _bounds_only():
    """The bounds even where the splits are few enough to be enumerated."""
    from unittest import mock

    from analysis import _document_test

    return mock.patch.object(_document_test, "EXACT_WORK", 0)


def _exact_one_tail_p(rates: dict[str, float], target: list[str]) -> float:
    """The tail the target's sum lies in (above or below its expectation), doubled."""
    from itertools import combinations

    ids = sorted(rates)
    observed = sum(rates[d] for d in target)
    expected = sum(rates.values()) * len(target) / len(ids)
    if abs(observed - expected) <= 1e-9 * max(abs(expected), 1e-300):
        return 1.0
    sums = [sum(rates[d] for d in chosen) for chosen in combinations(ids, len(target))]
    if observed >= expected:
        tail = sum(s >= observed - 1e-12 for s in sums)
    else:
        tail = sum(s <= observed + 1e-12 for s in sums)
    return min(1.0, 2 * tail / len(sums))


def test_few_documents_get_exact_permutation_p_values():
    # 10 speeches against 10: 184,756 splits, all enumerated; a trial's USSR/Russia
    # keyness had "russia" (all 1990s speeches, one of the 1980s) at a bound of 1.1e-3
    # where the exact p is 1.2e-4, and a term only the 1980s used at 1.2e-4
    texts = [f"russia {'russia ' * (i % 3)}peace talks {i}" for i in range(10)]
    texts += ["russia peace talks"] + [f"soviet peace talks {i}" for i in range(9)]
    c = corpus.from_texts(texts, docvars={"g": ["new"] * 10 + ["old"] * 10})
    table = stat_keyness(c, by="g", target="new", test="documents", min_count=1)
    p = table.set_index("term")["p_value"]
    split = {doc.doc_id: doc for doc in c}
    for term in ("russia", "soviet", "peace"):
        rates = {}
        for doc_id, doc in split.items():
            words = [doc.text[s:e].lower() for s, e in doc.words]
            rates[doc_id] = words.count(term) / len(words)
        assert p[term] == pytest.approx(_exact_one_tail_p(rates, c.doc_ids[:10]), abs=1e-12)
    # 11 speeches never say "soviet": the target's sum 0 needs ten of them, 11 of the
    # 184,756 splits (doubled)
    assert p["soviet"] == pytest.approx(2 * 11 / 184_756)


def test_document_test_p_values_are_never_smaller_than_the_exact_permutation_p():
    texts = [
        "peace peace talks now",
        "peace talks resume",
        "we talk of trade",
        "trade grows and grows",
        "the talks on trade",
        "peace and trade",
        "grain and trade",
        "we want peace",
        "talks stall",
    ]
    groups = ["A", "A", "A", "B", "B", "B", "B", "B", "B"]
    c = corpus.from_texts(texts, docvars={"g": groups})
    table = stat_keyness(c, by="g", target="A", test="documents", min_count=1, correction="none")
    target = [d for d, g in zip(c.doc_ids, groups, strict=True) if g == "A"]
    for row in table.itertuples():
        rates = {}
        for doc in c:
            words = [doc.text[s:e].lower() for s, e in doc.words]
            rates[doc.doc_id] = words.count(row.term) / len(words)
        # few documents per side: the bound regime, conservative by construction
        assert row.p_value >= _exact_permutation_p(rates, target) - 1e-12, row.term


def test_document_test_needs_two_documents_a_side_and_a_corpus_reference(small):
    with pytest.raises(
        ValueError, match="at least 2 documents on each side; the target 'USA' has 1"
    ):
        stat_keyness(small, by="country", target="USA", test="documents")
    reference = pd.DataFrame({"term": ["peace"], "count": [5]})
    with pytest.raises(ValueError, match="external frequency list"):
        stat_keyness(small, by="country", target="RUS", reference=reference, test="documents")
    with pytest.raises(ValueError, match="test='chisq'"):
        stat_keyness(small, by="country", target="RUS", test="chisq")
    table = stat_keyness(small, by="country", target="RUS", test="documents", min_count=1)
    tokens = stat_keyness(small, by="country", target="RUS", min_count=1)
    # the same terms, measures and order; only the p-values change
    pd.testing.assert_frame_equal(
        table.drop(columns=["p_value", "p_adjusted"]),
        tokens.drop(columns=["p_value", "p_adjusted"]),
    )
    assert table.attrs["provenance"]["parameters"]["test"] == "documents"


def test_common_terms_use_bernsteins_bound_for_draws_without_replacement():
    from analysis._document_test import DocumentRates

    # every document uses both words: the hypergeometric bound says nothing here
    texts = [("peace " * (i % 5 + 1)) + ("trade " * (7 - i % 5)) for i in range(40)]
    groups = ["T" if i < 12 else "R" for i in range(40)]
    c = corpus.from_texts(texts, docvars={"g": groups})
    ids = c.doc_ids
    p = DocumentRates(c, "lower").permutation_p(["peace"], ids[:12], ids[12:])[0]
    rates = np.array([(i % 5 + 1) / 8 for i in range(40)])
    n1, mean = 12, rates.mean()
    u = abs(rates[:12].sum() - n1 * mean)
    b = max(rates.max() - mean, mean - rates.min())
    expected = 2 * math.exp(-(u**2) / (2 * n1 * rates.var() + 2 * b * u / 3))
    assert p == pytest.approx(min(1.0, expected))


def test_a_word_of_one_target_speech_gets_the_exact_chance_of_that_speech_being_drawn():
    texts = ["uniquely peace now"] + [f"peace now again {i}" for i in range(19)]
    groups = ["T"] * 4 + ["R"] * 16
    c = corpus.from_texts(texts, docvars={"g": groups})
    table = stat_keyness(c, by="g", target="T", test="documents", min_count=1, correction="none")
    # P(the one document using it is among 4 drawn of 20) = 4/20, two-sided: 0.4
    assert table.set_index("term").loc["uniquely", "p_value"] == pytest.approx(2 * 4 / 20)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 4), min_size=5, max_size=9),
    st.lists(st.integers(1, 6), min_size=5, max_size=9),
    st.integers(2, 3),
)
def test_document_p_values_never_fall_below_the_exact_permutation_p(uses, sizes, n1):
    from analysis._document_test import DocumentRates

    n = min(len(uses), len(sizes))
    texts = [" ".join(["w"] * uses[i] + ["x"] * sizes[i]) for i in range(n)]
    c = corpus.from_texts(texts)
    ids = c.doc_ids
    rates = {d: uses[i] / (uses[i] + sizes[i]) for i, d in enumerate(ids)}
    exact = _exact_permutation_p(rates, ids[:n1])
    with _bounds_only():
        p = DocumentRates(c, "lower").permutation_p(["w"], ids[:n1], ids[n1:])[0]
    assert p >= exact - 1e-9
    # enumerated (few documents): the exact p of the tail the target's sum lies in
    enumerated = DocumentRates(c, "lower").permutation_p(["w"], ids[:n1], ids[n1:])[0]
    assert enumerated == pytest.approx(_exact_one_tail_p(rates, ids[:n1]), abs=1e-12)
    assert exact - 1e-9 <= enumerated <= p + 1e-9


def test_document_test_for_every_group_leaves_single_document_groups_without_p(small):
    table = stat_keyness(small, by="country", test="documents", min_count=1)
    by_group = table.groupby("group")["p_value"]
    assert by_group.apply(lambda p: p.isna().all()).to_dict() == {
        "FRA": True,  # one document each
        "RUS": False,
        "USA": True,
    }


def test_every_group_against_a_named_reference_leaves_out_the_reference_itself(small):
    table = stat_keyness(small, by="country", reference="USA", min_count=1)
    assert set(table["group"]) == {"RUS", "FRA"}


def test_a_term_every_document_uses_at_the_same_rate_is_no_evidence():
    # each text: "the" and nine words of its own, so every document's rate of "the" is 0.1
    texts = [" ".join(["the"] + [f"w{i}x{j}" for j in range(9)]) for i in range(12)]
    c = corpus.from_texts(texts, docvars={"g": ["T"] * 4 + ["R"] * 8})
    table = stat_keyness(c, by="g", target=None, test="documents", min_count=1)
    the = table[table["term"] == "the"]
    assert (the["p_value"] == 1.0).all()


def test_a_term_neither_side_uses_gets_a_ratio_of_one():
    a, b = k._without_zeros(np.array([0.0]), np.array([0.0]), 100, 1000)
    assert (a[0], b[0]) == (0.5, 0.5)
    assert k.log_ratio(0, 0, 1000, 1000)[0] == pytest.approx(0.0)


def test_a_one_document_target_flags_every_keyword_it_has():
    c = corpus.from_texts(
        ["peace peace treaty", "war war trade", "war trade trade"],
        docvars={"country": ["A", "B", "B"]},
    )
    table = stat_keyness(c, by="country", target="A", min_count=1)
    flags = dict(zip(table["term"], table["dispersion_flag"], strict=True))
    assert flags == {
        "peace": "one_target_document",
        "treaty": "one_target_document",
        "war": "ok",  # reference keywords: both reference documents use them
        "trade": "ok",
    }


def test_the_dispersion_flag_describes_the_side_a_term_is_key_for():
    # The trial's case: "sanctions" once in the target, in 8 reference documents; "gas"
    # in one reference document only; "dialogue" in one target document only.
    target = ["dialogue dialogue dialogue peace now", "sanctions peace now", "peace now"]
    reference = [f"sanctions again and again {k}" for k in range(8)]
    reference[0] += " gas gas gas gas"
    c = corpus.from_texts(target + reference, docvars={"g": ["A"] * 3 + ["B"] * 8})
    table = stat_keyness(c, by="g", target="A", min_count=1).set_index("term")
    # an independent count of the documents of each side that use a term
    uses = {
        term: (
            sum(term in text.split() for text in target),
            sum(term in text.split() for text in reference),
        )
        for term in ("sanctions", "gas", "dialogue", "again")
    }
    assert uses == {"sanctions": (1, 8), "gas": (0, 1), "dialogue": (1, 0), "again": (0, 8)}
    expected = {"sanctions": "ok", "gas": "single_document", "dialogue": "single_document"}
    expected["again"] = "ok"  # the target never uses it: no "absent", the reference spreads it
    for term, flag in expected.items():
        row = table.loc[term]
        assert (row["doc_count_target"], row["doc_count_reference"]) == uses[term]
        assert row["dispersion_flag"] == flag, term
    assert table.loc["sanctions", "direction"] == "reference"
    assert table.loc["dialogue", "direction"] == "target"
    # a reference of one document flags each of its keywords, as a target of one does
    against_one = stat_keyness(
        c.with_docvars(g=["A", "A", "A", "B"] + ["C"] * 7),
        by="g",
        target="A",
        reference="B",
        min_count=1,
    ).set_index("term")
    assert against_one.loc["gas", "dispersion_flag"] == "one_reference_document"
    assert against_one.loc["dialogue", "dispersion_flag"] == "single_document"


def test_a_frequency_list_reference_says_its_keywords_documents_are_unknown():
    c = corpus.from_texts(
        ["peace peace treaty", "peace war", "talks"], docvars={"g": ["A", "A", "A"]}
    )
    reference = pd.DataFrame({"term": ["war", "trade", "peace"], "count": [40, 50, 1]})
    table = stat_keyness(c, by="g", target="A", reference=reference, min_count=1)
    flags = dict(zip(table["term"], table["dispersion_flag"], strict=True))
    # target keywords keep the target's flag; the list names no documents
    assert flags == {
        "peace": "ok",
        "treaty": "single_document",
        "talks": "single_document",
        "war": "documents_unknown",
        "trade": "documents_unknown",
    }


def _chernoff_two_sided(values: np.ndarray, draws: int, observed: float) -> float:
    """Twice Chernoff's bound on the tail of the sum of ``draws`` values drawn from
    ``values``, its exponent minimized by scipy (an independent computation)."""
    from scipy.optimize import minimize_scalar

    upper = observed >= draws * values.mean()
    signed = values if upper else -values
    s = observed if upper else -observed

    def exponent(log_t: float) -> float:
        t = math.exp(log_t)
        top = signed.max()
        return draws * (t * top + math.log(np.mean(np.exp(t * (signed - top))))) - t * s

    best = minimize_scalar(exponent, bounds=(-10, 12), method="bounded", options={"xatol": 1e-10})
    return min(1.0, 2 * math.exp(min(best.fun, 0.0)))


@pytest.mark.parametrize(
    ("target_size", "heavy"),
    [(4, True), (4, False), (12, True)],  # upper tail; lower tail; the larger side bounded
)
def test_chernoffs_bound_is_used_where_tighter_and_never_below_the_exact_p(
    monkeypatch, target_size, heavy
):
    from analysis import _document_test
    from analysis._document_test import DocumentRates

    monkeypatch.setattr(_document_test, "EXACT_WORK", 0)  # the bounds, not the enumeration
    # 16 speeches; the target's use "peace" at 4-6 in 10 words, the rest at 1-3 (or the
    # target at 1, the rest at 3-6: every speech uses it, so the hypergeometric bound
    # says nothing)
    uses = [4, 5, 6, 5] if heavy else [1, 1, 1, 1]
    uses += [4, 5, 6, 5, 6, 4, 5, 6][: target_size - 4]
    rest = [1, 2, 3, 2, 1, 3, 2, 1, 2, 3, 1, 2] if heavy else [3, 4, 5, 6, 4, 3, 5, 6, 4, 5, 3, 6]
    uses += rest[: 16 - len(uses)]
    texts = [" ".join(["peace"] * k + ["talks"] * (10 - k)) for k in uses]
    c = corpus.from_texts(texts)
    ids = c.doc_ids
    rates = DocumentRates(c, "lower")
    p = rates.permutation_p(["peace"], ids[:target_size], ids[target_size:])[0]
    values = np.array(uses) / 10
    observed = values[:target_size].sum()
    exact = _exact_permutation_p(dict(zip(ids, values, strict=True)), ids[:target_size])
    assert exact <= p
    # Chernoff's bound, over the side with fewer speeches (the sums fix each other)
    side = min(target_size, 16 - target_size)
    side_sum = observed if side == target_size else values.sum() - observed
    assert p == pytest.approx(_chernoff_two_sided(values, side, side_sum), rel=1e-4)
    monkeypatch.setattr(_document_test, "_CHERNOFF_FROM_Z", math.inf)
    monkeypatch.setattr(_document_test, "_LOWER_FROM_Z", math.inf)
    without = DocumentRates(c, "lower").permutation_p(
        ["peace"], ids[:target_size], ids[target_size:]
    )
    assert p < without[0] / 3  # the hypergeometric and Bernstein bounds alone: far looser


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 9), min_size=10, max_size=13), st.integers(3, 9))
def test_document_p_values_with_chernoffs_bound_never_fall_below_the_exact_p(uses, n1):
    from analysis._document_test import DocumentRates

    # 10-13 speeches of 10 words: departures large enough for Chernoff's bound to be used
    texts = [" ".join(["w"] * k + ["x"] * (10 - k)) for k in uses]
    c = corpus.from_texts(texts)
    ids = c.doc_ids
    with _bounds_only():
        p = DocumentRates(c, "lower").permutation_p(["w"], ids[:n1], ids[n1:])[0]
    rates = {d: uses[i] / 10 for i, d in enumerate(ids)}
    assert p >= _exact_permutation_p(rates, ids[:n1]) - 1e-9


def test_documents_that_all_use_a_term_at_one_rate_give_p_one():
    # hundreds of documents a side with the same rate: sums differ from their
    # expectation only by rounding, which Chernoff's bound must not read as a departure
    texts = ["peace peace peace " + "talks " * 14] * 1000
    groups = ["A"] * 600 + ["B"] * 400
    c = corpus.from_texts(texts, docvars={"g": groups})
    table = stat_keyness(c, by="g", target="A", test="documents", min_count=1, correction="none")
    assert table.set_index("term")["p_value"].to_dict() == {"peace": 1.0, "talks": 1.0}


def test_terms_neither_side_uses_are_left_out_even_with_min_count_zero():
    c = corpus.from_texts(
        ["peace peace war", "peace war trade", "zulu zulu zulu", "war war trade trade"],
        docvars={"g": ["A", "A", "C", "B"]},
    )
    table = stat_keyness(c, by="g", target="A", reference="B", min_count=0)
    assert sorted(table["term"]) == ["peace", "trade", "war"]  # not C's "zulu"


def test_terms_the_target_never_uses_have_pct_diff_minus_100_ordered_by_g2():
    assert k.pct_diff([0, 0], [19, 45], 100_000, 300_000).tolist() == [-100.0, -100.0]
    c = corpus.from_texts(
        ["alpha beta " * 50, "gamma " * 3 + "delta " * 9 + "beta " * 88],
        docvars={"side": ["t", "r"]},
    )
    table = stat_keyness(c, by="side", target="t", measure="pct_diff", min_count=1)
    reference = table[table["direction"] == "reference"]
    # both never used by the target: the one with more evidence (G2) stands last
    assert reference["term"].tolist()[-2:] == ["gamma", "delta"]
    assert reference["pct_diff"].tolist()[-2:] == [-100.0, -100.0]


def test_excluded_terms_leave_the_table_and_the_correction_but_not_the_sizes():
    texts = [
        "Meridian Post reports: the quota talks failed. Reporting by Ann Roe.",
        "Meridian Post reports: the border talks failed again. Reporting by Ann Roe.",
        "Cable Wire: the quota talks resumed today in Geneva.",
        "Cable Wire: the border talks resumed after a week.",
    ]
    c = corpus.from_texts(texts, docvars={"outlet": ["A", "A", "B", "B"]})
    whole = stat_keyness(c, by="outlet", target="A", min_count=1, correction="bonferroni")
    cut = stat_keyness(
        c,
        by="outlet",
        target="A",
        min_count=1,
        correction="bonferroni",
        exclude=["Meridian", "post", "report*", "cable", "wire"],
    )
    gone = {"meridian", "post", "reports", "reporting", "cable", "wire"}
    assert gone <= set(whole["term"])
    assert set(cut["term"]) == set(whole["term"]) - gone
    # the other terms' measures are unchanged: the sides keep every word
    kept = whole[~whole["term"].isin(gone)].set_index("term")
    assert cut.set_index("term")["g2"].to_dict() == kept["g2"].to_dict()
    # Bonferroni over fewer terms: each adjusted p is the raw p times the terms tested
    raw = cut.set_index("term")["p_value"]
    assert cut.set_index("term")["p_adjusted"].to_dict() == (raw * len(cut)).clip(upper=1).to_dict()
    assert cut.attrs["provenance"]["parameters"]["exclude"] == [
        "cable",
        "meridian",
        "post",
        "report*",
        "wire",
    ]
    with pytest.raises(TypeError, match="list of terms"):
        stat_keyness(c, by="outlet", target="A", exclude="meridian")
    with pytest.raises(ValueError, match="single words"):
        stat_keyness(c, by="outlet", target="A", exclude=["quota talks"])
    with pytest.warns(UserWarning, match="'merdian' matches no term"):
        stat_keyness(c, by="outlet", target="A", min_count=1, exclude=["merdian"])


def test_excluded_terms_are_folded_through_the_alias_table():
    c = corpus.from_texts(
        ["Zelensky said peace peace", "Putin said war war"],
        docvars={"who": ["a", "b"]},
        aliases=corpus.Aliases({"Zelensky": "Zelenskyy"}),
    )
    terms = stat_keyness(c, by="who", target="a", min_count=1)["term"].tolist()
    assert "zelenskyy" in terms
    cut = stat_keyness(c, by="who", target="a", min_count=1, exclude=["Zelensky"])
    assert cut["term"].tolist() == [t for t in terms if t != "zelenskyy"]
