"""Lexical diversity: TTR, MATTR and MTLD against hand computations."""

import math

import pytest

import corpus
from analysis import stat_lexical_diversity
from analysis.diversity import mattr, mtld, ttr


def test_ttr():
    assert ttr("a b a c".split()) == 0.75
    assert math.isnan(ttr([]))


def test_mattr_by_hand():
    # windows of 3: "a b a" (2/3) and "b a c" (3/3)
    assert mattr("a b a c".split(), window=3) == pytest.approx((2 / 3 + 1) / 2)
    assert mattr("a b".split(), window=3) == 1.0  # shorter than the window: plain TTR


def test_mtld_full_factors_by_hand():
    # forward: a b a -> TTR 2/3 <= .72 (factor 1); b c c -> 2/3 (factor 2): 6/2 = 3
    # backward: c c -> 1/2 (factor 1); b a b -> 2/3 (factor 2); "a" left with TTR 1
    # adds (1 - 1)/(1 - .72) = 0: 6/2 = 3
    assert mtld("a b a b c c".split()) == pytest.approx(3.0)


def test_mtld_partial_factor_by_hand():
    # forward: a a -> 1/2 (factor 1); b c d left, TTR 1 -> +0: 5/1 = 5
    # backward: d c b a a -> TTR 4/5 = .8 left over -> (1 - .8)/.28 = 0.714...: 5/0.714 = 7
    assert mtld("a a b c d".split()) == pytest.approx((5 + 7) / 2)


def test_mtld_undefined_for_all_different_words():
    assert math.isnan(mtld("a b c".split()))


def test_stat_lexical_diversity_per_document_and_group():
    c = corpus.from_texts(
        ["a b a c d", "x y x x", "The cat, the CAT.", "one two three four"],
        docvars={"g": ["A", "B", "B", "C"]},
    )
    per_doc = stat_lexical_diversity(c, window=2).set_index("doc_id")
    assert per_doc.loc["doc1", "ttr"] == 0.8
    assert per_doc.loc["doc3", "words"] == 4 and per_doc.loc["doc3", "types"] == 2
    groups = stat_lexical_diversity(c, by="g").set_index("group")
    assert groups.loc["B", "documents"] == 2
    assert groups.loc["B", "ttr"] == pytest.approx((0.5 + 0.5) / 2)
    # "one two three four" never falls to the MTLD threshold: C has no MTLD to average
    assert groups["mtld_documents"].to_dict() == {"A": 1, "B": 2, "C": 0}
    assert groups.loc["C", "documents"] == 1 and math.isnan(groups.loc["C", "mtld"])
    assert groups.loc["B", "mtld"] == pytest.approx(
        (mtld(["x", "y", "x", "x"]) + mtld(["the", "cat", "the", "cat"])) / 2
    )
    with pytest.raises(ValueError, match="window=0"):
        stat_lexical_diversity(c, window=0)


def test_per_document_values_are_kept_for_later_calls(monkeypatch):
    import pandas as pd

    import analysis.diversity as diversity
    from analysis import compare

    c = corpus.from_texts(
        ["the cat saw the dog", "a b a b c", "peace now"], docvars={"g": ["x", "x", "y"]}
    )
    per_doc = stat_lexical_diversity(c, workers=1)
    assert per_doc["ttr"].tolist() == [0.8, 0.6, 1.0]

    def no_pass(*args, **kwargs):
        raise AssertionError("the documents were walked again")

    monkeypatch.setattr(diversity, "map_documents", no_pass)
    grouped = stat_lexical_diversity(c, by="g", workers=1)
    assert grouped["ttr"].tolist() == pytest.approx([0.7, 1.0])
    result = compare(c, "ttr", by="g", pairs="none", n_boot=50, workers=1)
    assert result["estimate"].tolist() == pytest.approx([0.7, 1.0])
    per_doc.loc[0, "ttr"] = 99.0  # changing a returned table changes nothing kept
    pd.testing.assert_frame_equal(
        stat_lexical_diversity(c, workers=1).drop(columns="ttr"), per_doc.drop(columns="ttr")
    )
    assert stat_lexical_diversity(c, workers=1)["ttr"].tolist() == [0.8, 0.6, 1.0]
    with pytest.raises(AssertionError, match="walked again"):
        stat_lexical_diversity(c, window=2, workers=1)  # another window is computed anew
