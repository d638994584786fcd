import pandas as pd
import pytest

import analysis
import corpus
from analysis._input import as_corpus, check_min_count, check_top_n, check_voice, group_order


@pytest.mark.parametrize("bad", [0, -3, 2.5, "10", True])
def test_top_n_must_be_positive_or_none(bad):
    with pytest.raises(ValueError, match=r"top_n=.* is not valid; give a positive integer"):
        check_top_n(bad)


def test_top_n_is_checked_by_every_ranked_table():
    c = corpus.read_corpus()
    with pytest.raises(ValueError, match="top_n=0"):
        analysis.stat_frequency(c, top_n=0)
    with pytest.raises(ValueError, match="top_n=0"):
        analysis.stat_collocations(c, "russia", top_n=0)
    assert len(analysis.stat_frequency(c, top_n=3)) == 3
    # The command line's --top-n 0 is the API's None, and the error says so
    rus = corpus.from_texts(["peace peace", "trade"], docvars={"g": ["a", "b"]})
    with pytest.raises(ValueError, match=r"top_n=0 .*None for all rows .*--top-n 0"):
        analysis.stat_keyness(rus, by="g", target="a", top_n=0)
    assert len(analysis.stat_keyness(rus, by="g", target="a", min_count=1, top_n=None)) == 2


@pytest.mark.parametrize("bad", [-1, 2.5, "3", True])
def test_min_count_must_be_a_whole_number_of_zero_or_more(bad):
    with pytest.raises(ValueError, match=r"min_count=.* is not valid; give a whole number >= 0"):
        check_min_count(bad)
    check_min_count(0)


def test_min_count_is_checked_by_every_table_that_filters_by_it():
    c = corpus.read_corpus()
    for call in (
        lambda: analysis.stat_frequency(c, min_count=-1),
        lambda: analysis.stat_collocations(c, "russia", min_count=-1),
        lambda: analysis.stat_keyness(
            c, by=None, reference=pd.DataFrame({"term": ["a"], "count": [1]}), min_count=-1
        ),
    ):
        with pytest.raises(ValueError, match="min_count=-1"):
            call()


def test_voice_choices_are_named():
    assert check_voice(None) == "all"
    with pytest.raises(
        ValueError, match=r"voice='reporter' is not valid; choose one of: 'authorial'"
    ):
        check_voice("reporter")


def test_as_corpus_accepts_texts_and_rejects_others():
    assert as_corpus(["a b.", "c."]).doc_ids == ["doc1", "doc2"]
    with pytest.raises(TypeError, match="expected a Corpus, a Document, a string or a list"):
        as_corpus(42)


def test_grouped_tables_list_numbers_by_value_and_missing_values_last():
    c = corpus.from_texts(
        ["We may act. Peace.", "It must end. Peace.", "We will go. Peace.", "Perhaps. Peace."],
        docvars={"session": [10, 9, None, 9]},
    )
    expected = ["9", "10", "(missing)"]
    hedging = analysis.stat_hedging(c, by="session")
    assert list(dict.fromkeys(hedging["group"])) == expected
    assert list(dict.fromkeys(analysis.stat_frequency(c, by="session")["group"])) == expected
    assert analysis.stat_readability(c, by="session")["group"].tolist() == expected
    assert analysis.stat_lexical_diversity(c, by="session")["group"].tolist() == expected
    assert analysis.stat_dispersion(c, "peace", by="session")["group"].tolist() == expected
    summary = analysis.stat_summary(c, by="session")["group"].tolist()
    assert summary == ["all", *expected]
    keyness = analysis.stat_keyness(c, by="session", min_count=1)
    assert list(dict.fromkeys(keyness["group"])) == expected
    assert group_order(["b", "(missing)", "a", "a"]) == ["a", "b", "(missing)"]
    assert group_order(["UN", "10", "nan", "-1", "9"]) == ["-1", "9", "10", "UN", "nan"]
