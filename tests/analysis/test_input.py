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


@pytest.fixture
def dated():
    return corpus.from_texts(
        ["We may go.", "It must be.", "Perhaps so.", "Surely."],
        docvars={
            "outlet": ["A", "B", "A", "B"],
            "date": ["2024-03-13", "2023-12-01", "2024-03-02", None],
        },
    )


@pytest.mark.parametrize(
    ("by", "meant"), [("outlett", "outlet"), ("Outlet", "outlet"), ("docid", "doc_id")]
)
def test_a_by_spelled_like_a_docvar_names_the_one_meant(dated, by, meant):
    message = rf"by='{by}' is not a docvar of this corpus; did you mean '{meant}'\? docvars are: outlet, date$"
    for call in (
        lambda: analysis.stat_hedging(dated, by=by),
        lambda: analysis.stat_frequency(dated, by=by),
        lambda: analysis.stat_keyness(dated, by=by, target="A"),
        lambda: analysis.compare(dated, "hedges", by=by),
    ):
        with pytest.raises(ValueError, match=message):
            call()
    with pytest.raises(
        ValueError, match=r"by='nation' is not a docvar of this corpus; docvars are"
    ):
        analysis.stat_hedging(dated, by="nation")  # nothing alike: no suggestion


@pytest.mark.parametrize(
    ("period", "groups"),
    [("year", ["2023", "2024", "(missing)"]), ("month", ["2023-12", "2024-03", "(missing)"])],
)
def test_a_year_or_month_asked_of_a_dated_corpus_says_how_to_derive_it(dated, period, groups):
    with pytest.raises(ValueError, match=f"by='{period}' is not a docvar") as error:
        analysis.stat_hedging(dated, by=period)
    message = str(error.value)
    assert f"the corpus has a 'date' docvar, which gives the {period}: in Python, c = " in message
    # the code the message gives works as written
    code = message.split("in Python, ")[1].split(" adds it")[0]
    namespace = {"c": dated}
    exec(code, namespace)
    table = analysis.stat_hedging(namespace["c"], by=period)
    assert table["group"].unique().tolist() == groups
    # documents per group, against the dates as written
    counts = table[table["measure"] == "hedges"].set_index("group")["documents"].to_dict()
    assert counts == {groups[0]: 1, groups[1]: 2, "(missing)": 1}
    # no date, no recipe; a docvar named alike is a case to correct, not to derive
    undated = corpus.from_texts(["We may go."], docvars={"outlet": ["A"]})
    with pytest.raises(ValueError, match=r"docvars are: outlet$"):
        analysis.stat_hedging(undated, by=period)
    cased = dated.with_docvars(**{period: [1, 2, 1, 2]})
    with pytest.raises(
        ValueError, match=rf"did you mean '{period}'\? docvars are: outlet, date, {period}$"
    ):
        analysis.stat_hedging(cased, by=period.title())
