import pytest

import analysis
import corpus
from analysis._input import as_corpus, check_top_n, check_voice


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
