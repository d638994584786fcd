"""Collocations: window counts and association scores against hand computations."""

import math

import pytest

import corpus
from analysis import stat_collocations


@pytest.fixture
def c():
    return corpus.from_texts(["a x b c x d", "x b e f g h"])


def test_window_counts(c):
    table = stat_collocations(c, "x", window=1, min_count=1).set_index("term")
    # windows: a[x]b, c[x]d, [x]b  -> b twice, a c d once
    assert table["count"].to_dict() == {"b": 2, "a": 1, "c": 1, "d": 1}
    assert table["count_node"].iloc[0] == 3


def test_a_word_in_several_node_windows_counts_once():
    # "volunteers" sits in the windows of three "nations": one occurrence, not three
    text = "united nations volunteers united nations and the nations"
    table = stat_collocations(text, "nations", window=3, min_count=1).set_index("term")
    assert table.loc["volunteers", "count"] == 1 == table.loc["volunteers", "count_term"]
    assert table.loc["united", "count"] == 2
    assert (table["count"] <= table["count_term"]).all()
    assert (table["log_dice"] <= 14).all()
    # the node's row total: the 5 distinct words inside its windows (not 3 x 6 slots)
    n, slots, f = 8, 5, 1
    assert table.loc["volunteers", "expected"] == pytest.approx(slots * f / n)


def test_scores_by_hand(c):
    table = stat_collocations(c, "x", window=1, min_count=1).set_index("term")
    row = table.loc["b"]
    n, slots, f_node, f_b, o = 12, 5, 3, 2, 2  # 5 window slots (one at a text edge)
    expected = slots * f_b / n
    assert row["expected"] == pytest.approx(expected)
    assert row["mi"] == pytest.approx(math.log2(o / expected))
    assert row["t_score"] == pytest.approx((o - expected) / math.sqrt(o), rel=1e-6)
    assert row["log_dice"] == pytest.approx(14 + math.log2(2 * o / (f_node + f_b)))
    cells = [o, slots - o, f_b - o, n - slots - f_b + o]
    rows_, cols = [slots, n - slots], [f_b, n - f_b]
    exp = [
        rows_[0] * cols[0] / n,
        rows_[0] * cols[1] / n,
        rows_[1] * cols[0] / n,
        rows_[1] * cols[1] / n,
    ]
    g2 = 2 * sum(obs * math.log(obs / e) for obs, e in zip(cells, exp, strict=True) if obs)
    assert row["log_likelihood"] == pytest.approx(g2, rel=1e-6)


def test_sorting_min_count_top_n_and_glob(c):
    table = stat_collocations(c, "x", window=1, min_count=2)
    assert table["term"].tolist() == ["b"]
    assert len(stat_collocations(c, "x", window=2, min_count=1, top_n=3)) == 3
    assert stat_collocations(
        "peacekeeping troops. peacekeepers troops", "peacekeep*", window=1, min_count=1
    )["term"].tolist() == ["troops"]
    with pytest.raises(ValueError, match="measure='dice'"):
        stat_collocations(c, "x", measure="dice")
    with pytest.raises(ValueError, match="node="):
        stat_collocations(c, "two words")


def test_a_word_that_avoids_the_node_has_a_negative_log_likelihood():
    # "the" is everywhere but next to "peace" once: fewer times than chance predicts
    text = ["the cat sat on the mat"] * 30 + ["the peace holds firm", "lasting peace holds"]
    table = stat_collocations(text, "peace", window=1, min_count=1).set_index("term")
    the = table.loc["the"]
    assert the["count"] < the["expected"]
    assert the["log_likelihood"] < 0 and the["mi"] < 0 and the["t_score"] < 0
    holds = table.loc["holds"]
    assert holds["count"] > holds["expected"] and holds["log_likelihood"] > 0
    # so it sorts after every word that is attracted to the node
    by_ll = stat_collocations(text, "peace", window=1, min_count=1, measure="log_likelihood")
    assert by_ll["term"].iloc[-1] == "the"


def test_a_voice_window_stays_within_one_quote():
    text = (
        "The minister spoke at length about many unrelated matters today. “We want peace,” "
        "Lavrov said. Then he discussed budgets and farms for an hour. “Sanctions mean war,” "
        "he added."
    )
    quoted = stat_collocations(text, "peace", window=3, min_count=1, voice="quoted")
    assert sorted(quoted["term"]) == ["want", "we"]  # not "sanctions", "mean", "war"
    assert quoted["count_node"].tolist() == [1, 1]
    # the whole text is one stretch: the window crosses sentence ends
    everything = stat_collocations(text, "peace", window=3, min_count=1)
    assert sorted(everything["term"]) == ["lavrov", "said", "then", "today", "want", "we"]


def test_adjacent_quotes_are_no_neighbours():
    text = "The talks were “useful” “and very productive”, the envoy said."
    table = stat_collocations(text, "useful", window=3, min_count=1, voice="quoted")
    assert table.empty  # "and", "very", "productive" are in the next quote


def test_a_phrase_node_is_an_error_that_says_where_phrases_go():
    with pytest.raises(
        ValueError, match=r"node='cold war' is not valid; give one word or glob.*kwic"
    ):
        stat_collocations("The cold war ended.", "cold war")
