"""Dispersion: Gries' (2008) worked example, Juilland's D by hand, per-group tables, plot."""

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest

import corpus
from analysis import plot_dispersion, stat_dispersion, term_by_document
from analysis.dispersion import dispersion_measures


def test_gries_2008_toy_example():
    # Five parts of 9, 10, 10, 10 and 11 words holding 1, 2, 3, 4, 5 occurrences:
    # Gries (2008) reports DP = 0.18 and DP_norm = 0.22.
    result = dispersion_measures([1, 2, 3, 4, 5], [9, 10, 10, 10, 11])
    assert result["dp"] == pytest.approx(0.18)
    assert result["dp_norm"] == pytest.approx(0.18 / (1 - 0.18))
    assert round(result["dp_norm"], 2) == 0.22
    assert result["range"] == 1.0


def test_juilland_d_by_hand():
    counts, sizes = np.array([1, 2, 3, 4, 5]), np.array([9, 10, 10, 10, 11])
    p = counts / sizes
    mean = p.mean()
    sd = np.sqrt(((p - mean) ** 2).mean())  # population sd
    expected = 1 - (sd / mean) / np.sqrt(4)
    assert dispersion_measures(counts, sizes)["juilland_d"] == pytest.approx(expected)


def test_even_and_concentrated_extremes():
    even = dispersion_measures([2, 2, 2, 2], [10, 10, 10, 10])
    assert even["dp"] == pytest.approx(0) and even["juilland_d"] == pytest.approx(1)
    one = dispersion_measures([8, 0, 0, 0], [10, 10, 10, 10])
    assert one["dp"] == pytest.approx(0.75) and one["dp_norm"] == pytest.approx(1.0)
    assert one["juilland_d"] == pytest.approx(0)
    # in one part of three unequal ones, D is exactly 0, never a float's -2.2e-16
    lone = [dispersion_measures([k, 0, 0], [7, 13, 29])["juilland_d"] for k in range(1, 30)]
    assert min(lone) == 0.0 and max(lone) == 0.0
    assert np.isnan(dispersion_measures([0, 0], [5, 5])["dp"])
    single = dispersion_measures([3], [10])  # one document: no spread to measure
    assert single["count"] == 3 and single["range"] == 1.0
    assert np.isnan(single["dp"]) and np.isnan(single["dp_norm"]) and np.isnan(single["juilland_d"])


@pytest.fixture
def c():
    return corpus.from_texts(
        ["peace now", "war now", "peace peace", "peace and war"],
        docvars={"year": [1992, 1990, 1991, 1990]},
    )


def test_stat_dispersion_overall_and_by_group(c):
    overall = stat_dispersion(c, "peace").iloc[0]
    assert (overall["count"], overall["documents"], overall["doc_count"]) == (4, 4, 3)
    expected = dispersion_measures([1, 0, 2, 1], [2, 2, 2, 3])
    assert overall["dp"] == pytest.approx(expected["dp"])
    by_year = stat_dispersion(c, "PEACE", by="year").set_index("group")
    assert by_year.loc["1990", "doc_count"] == 1 and by_year.loc["1990", "range"] == 0.5


def test_term_by_document_and_plot_labels(c):
    table = term_by_document(c, "peace")
    assert table["count"].tolist() == [1, 0, 2, 1]
    ax = plot_dispersion(c, "peace", order_by="year")
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["1990", "1991", "1992"]
    assert ax.get_xticks().tolist() == [0, 2, 3]
    heights = [seg[1][1] for seg in ax.collections[0].get_segments()]
    assert heights == pytest.approx([0, 1 / 3 * 1e4, 1e4, 0.5 * 1e4])  # 1990 docs, then 1991, 1992
    assert "peace" in ax.get_ylabel() and ax.get_xlabel() == "documents ordered by year"
    with pytest.raises(ValueError, match="order_by='decade'"):
        plot_dispersion(table, order_by="decade")


def test_plot_dispersion_names_the_table_it_draws():
    import pandas as pd

    with pytest.raises(
        ValueError, match="plot_dispersion draws the table of analysis.term_by_document"
    ):
        plot_dispersion(pd.DataFrame({"doc_id": ["a"], "count": [1]}))


PHRASE_TEXTS = {
    # "Cold War" twice; "cold, war" (a comma between) and "cold. War" (a sentence end)
    # are no match for the phrase, as in kwic; "Russia's" is two tokens.
    "a": "The Cold War is over. The cold war, cold, war. Cold. War again in Russia's view.",
    "b": "No war here; cold peace and cold war.",
    "c": "Peace.",
}


@pytest.fixture
def phrases():
    import pandas as pd

    docvars = pd.DataFrame({"bloc": ["east", "east", "west"]}, index=["a", "b", "c"])
    return corpus.from_texts(PHRASE_TEXTS, docvars=docvars)


def test_a_phrase_counts_what_kwic_finds(phrases):
    from analysis import compare, kwic

    table = term_by_document(phrases, "Cold  War", workers=1)
    assert table["count"].tolist() == [2, 1, 0]
    assert table["words"].tolist() == [17, 8, 1]
    assert table.attrs["term"] == "cold war"
    assert table["count"].sum() == len(kwic(phrases, "cold war")) == 3
    assert table["per_10k"].round(3).tolist() == [round(2 / 17 * 1e4, 3), 1250.0, 0.0]
    # Globs within a phrase, and a word the tokenizer splits ("russia" + "'s")
    assert term_by_document(phrases, "cold w*", workers=1)["count"].tolist() == [2, 1, 0]
    assert term_by_document(phrases, "Russia's", workers=1)["count"].tolist() == [1, 0, 0]
    # The same counts flow into dispersion and compare: no silent zero
    row = stat_dispersion(phrases, "cold war", workers=1).iloc[0]
    assert (row["term"], row["count"], row["doc_count"]) == ("cold war", 3, 2)
    result = compare(phrases, "rate:cold war", by="bloc", pairs="none", workers=1)
    east = result.set_index("group").loc["east", "estimate"]
    assert east == pytest.approx((2 / 17 * 1e4 + 1250.0) / 2)


def test_a_phrase_in_one_voice_counts_matches_starting_in_it():
    c = corpus.from_texts({"q": 'He said: "The cold war is over." The cold war is over.'})
    quoted = term_by_document(c, "cold war", voice="quoted", workers=1)
    authorial = term_by_document(c, "cold war", voice="authorial", workers=1)
    assert quoted["count"].tolist() == [1] and authorial["count"].tolist() == [1]
    assert quoted["words"].tolist() == [5] and authorial["words"].tolist() == [7]


def test_word_counts_from_the_shared_table_equal_a_per_document_count(phrases):
    from analysis.dispersion import document_term_count

    for term in ("cold", "c*", "war", "peace", "absent"):
        table = term_by_document(phrases, term, workers=1)
        expected = [document_term_count(doc, term, "all", {}) for doc in phrases]
        assert list(zip(table["count"], table["words"], strict=True)) == expected


def test_an_empty_term_is_an_error_naming_the_argument(phrases):
    with pytest.raises(ValueError, match=r"term=' ' is empty; give a word, a glob or a phrase"):
        term_by_document(phrases, " ")
