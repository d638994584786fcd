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
