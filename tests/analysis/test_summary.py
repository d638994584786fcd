import pandas as pd
import pytest

import analysis
import corpus


def test_seed_summary():
    row = analysis.stat_summary(corpus.read_corpus()).iloc[0]
    assert row["group"] == "all"
    assert (row["documents"], row["sentences"], row["words"]) == (1, 13, 316)
    assert row["mean_sentence_length"] == pytest.approx(316 / 13)


def test_summary_by_group_has_overall_row_first(fixtures):
    c = corpus.read_corpus(fixtures / "un_layout")
    table = analysis.stat_summary(c, by="country")
    assert table["group"].tolist() == ["all", "XGA", "XNR", "XWS"]
    assert table.set_index("group").loc["XNR", "documents"] == 2
    assert table["words"].iloc[0] == table["words"].iloc[1:].sum()


def test_types_are_case_insensitive():
    table = analysis.stat_summary("Peace, peace and PEACE.")
    assert table.loc[0, ["tokens", "words", "types"]].tolist() == [6, 4, 2]


def test_bad_by_is_named():
    with pytest.raises(ValueError, match="by='nation' is not a docvar"):
        analysis.stat_summary(corpus.read_corpus(), by="nation")


def test_provenance_is_attached():
    table = analysis.stat_summary(corpus.read_corpus())
    record = analysis.provenance(table)
    assert record["function"] == "analysis.stat_summary"
    assert record["corpus"]["fingerprint"] == corpus.read_corpus().fingerprint


def test_summary_counts_equal_counts_from_each_documents_spans():
    texts = {
        "a": "Mr. Lavrov met Dr. Smith in 1990. The U.N. can't stop; we'll see!!",
        "b": "Peace, PEACE and peace. Extraordinarily long sentences follow here.",
        "c": "Mr. Wu said no.",
    }
    c = corpus.from_texts(texts, docvars={"bloc": ["east", "west", "east"]})
    table = analysis.stat_summary(c, by="bloc", workers=1).set_index("group")
    assert table.index.tolist() == ["all", "east", "west"]
    for group, ids in {"all": ["a", "b", "c"], "east": ["a", "c"], "west": ["b"]}.items():
        docs = [c[i] for i in ids]
        row = table.loc[group]
        assert row["tokens"] == sum(len(d.tokens) for d in docs)
        assert row["words"] == sum(len(d.words) for d in docs)
        types = {d.text[s:e].lower() for d in docs for s, e in d.words}
        assert row["types"] == len(types)
    assert table.loc["west", "types"] == 7  # peace (3 spellings) counts once
    # "Mr." and "U.N." are one token each, "can't" two, "!!" one
    east = table.loc["east", ["documents", "sentences", "tokens", "words"]]
    assert east.tolist() == [2, 3, 22, 18]


def test_a_second_summary_tokenizes_nothing(monkeypatch):
    import analysis.summary as summary

    c = corpus.from_texts(["We act. Peace may come.", "Mr. Li came."], docvars={"g": ["x", "y"]})
    first = analysis.stat_summary(c, by="g", workers=1)

    def no_pass(*args, **kwargs):
        raise AssertionError("the documents were walked again")

    monkeypatch.setattr(summary, "map_documents", no_pass)
    monkeypatch.setattr(analysis.readability, "map_documents", no_pass)
    again = analysis.stat_summary(c, by="g", workers=1)
    pd.testing.assert_frame_equal(first, again)
    overall = analysis.stat_summary(c, workers=1)
    pd.testing.assert_frame_equal(overall, first.iloc[:1])
