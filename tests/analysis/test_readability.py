import pytest
import textstat
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis
from analysis.readability import flesch_reading_ease, syllables


def test_flesch_matches_the_formula_on_hand_counts():
    # "The cat sat. It was happy." -> 6 words, 2 sentences, 7 syllables
    table = analysis.stat_readability("The cat sat. It was happy.")
    row = table.iloc[0]
    assert (row["words"], row["sentences"], row["syllables"]) == (6, 2, 7)
    expected = 206.835 - 1.015 * (6 / 2) - 84.6 * (7 / 6)
    assert row["flesch_reading_ease"] == pytest.approx(expected)


def test_agrees_with_textstat_when_counts_agree():
    text = "The delegation supports the resolution. We will vote in favour of it today."
    ours = analysis.stat_readability(text).iloc[0]
    # textstat rounds syllables per word to one decimal; compare with its raw counts
    words, sentences = textstat.lexicon_count(text), textstat.sentence_count(text)
    syllables_ = textstat.syllable_count(text)
    assert (ours["words"], ours["sentences"], ours["syllables"]) == (words, sentences, syllables_)
    expected = 206.835 - 1.015 * words / sentences - 84.6 * syllables_ / words
    assert ours["flesch_reading_ease"] == pytest.approx(expected)
    assert ours["flesch_reading_ease"] == pytest.approx(textstat.flesch_reading_ease(text), abs=1.5)


def test_syllables_work_offline():
    assert syllables("international") == 5
    assert syllables("peace") == 1
    assert syllables("1995") == 0


def test_empty_text_gives_nan():
    assert flesch_reading_ease(0, 1, 0) != flesch_reading_ease(0, 1, 0)


def test_by_group_pools_counts(fixtures):
    import corpus

    c = corpus.read_corpus(fixtures / "un_layout")
    table = analysis.stat_readability(c, by="country")
    assert table["group"].tolist() == ["XGA", "XNR", "XWS"]
    per_doc = analysis.stat_readability(c)
    rus = per_doc[per_doc["doc_id"].str.startswith("XNR")]
    assert table.set_index("group").loc["XNR", "words"] == rus["words"].sum()


def test_by_group_gives_the_pooled_score_and_the_mean_of_document_scores():
    import corpus

    # Group "a": one short easy speech and one long hard one. Pooled, the long one
    # dominates; the mean of documents counts each once (as compare does).
    easy = "The cat sat. It was fun."  # 6 words, 2 sentences, 6 syllables
    hard = "International cooperation necessitates considerable determination. " * 3
    c = corpus.from_texts([easy, hard, easy], docvars={"g": ["a", "a", "b"]})
    per_doc = analysis.stat_readability(c, workers=1)
    grouped = analysis.stat_readability(c, by="g", workers=1).set_index("group")
    assert list(grouped.columns[:2]) == ["documents", "words"]
    assert grouped["documents"].tolist() == [2, 1]
    a = grouped.loc["a"]
    doc_scores = per_doc["flesch_reading_ease"].tolist()
    assert doc_scores[0] == pytest.approx(206.835 - 1.015 * 3 - 84.6 * 1)
    assert a["mean_flesch_reading_ease"] == pytest.approx((doc_scores[0] + doc_scores[1]) / 2)
    pooled = flesch_reading_ease(a["words"], a["sentences"], a["syllables"])
    assert a["flesch_reading_ease"] == pytest.approx(pooled)
    assert a["words"] == 6 + 15 and a["sentences"] == 2 + 3
    assert a["flesch_reading_ease"] < a["mean_flesch_reading_ease"] - 10
    # A group of one document: both are its score
    b = grouped.loc["b"]
    assert b["flesch_reading_ease"] == b["mean_flesch_reading_ease"] == doc_scores[2]
    # The mean is what compare() estimates
    compared = analysis.compare(c, "gunning_fog", by="g", pairs="none", n_boot=50)
    assert compared["estimate"].tolist() == pytest.approx(grouped["mean_gunning_fog"].tolist())


def test_sentences_without_words_do_not_count():
    import corpus

    c = corpus.from_texts(
        ["Perhaps we succeed. It could work. !!!", "!!! ... ???"], docvars={"g": ["a", "a"]}
    )
    assert c.doc_ids == ["doc1"]  # a text of marks alone is skipped when read
    per_doc = analysis.stat_readability(c)
    assert per_doc[["words", "sentences"]].values.tolist() == [[6, 2]]
    assert per_doc["flesch_reading_ease"].notna().all()
    grouped = analysis.stat_readability(c, by="g")
    assert grouped[["words", "sentences"]].values.tolist() == [[6, 2]]
    assert analysis.stat_summary(c)["mean_sentence_length"].tolist() == [3.0]


def test_counts_from_word_strings_equal_counts_from_word_spans():
    from analysis.readability import (
        corpus_readability_counts,
        document_counts,
        sentences_with_words,
    )

    text = (
        "Mr. Lavrov met Dr. Smith in 1990. The U.N. can't stop; we'll see!! Extraordinarily long."
    )
    import corpus

    c = corpus.from_texts([text])
    fast = corpus_readability_counts(c, workers=1).iloc[0].to_dict()  # the word-table path
    doc = next(iter(c))
    by_spans = document_counts(doc.text, doc.words, sentences_with_words(doc))
    assert {k: fast[k] for k in by_spans} == by_spans
    # 1990 has no letter; "we" and "'ll" are two words; "Extraordinarily" is the polysyllable
    assert (by_spans["words"], by_spans["syllables"], by_spans["polysyllables"]) == (15, 20, 1)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.integers(0, 50), max_size=6), min_size=1, max_size=8))
def test_sums_per_document_match_python_sums(documents):
    import numpy as np

    from analysis.readability import _sum_per_document

    offsets = np.concatenate([[0], np.cumsum([len(d) for d in documents])]).astype(np.int64)
    values = np.array([v for d in documents for v in d], dtype=np.int64)
    assert _sum_per_document(values, offsets).tolist() == [sum(d) for d in documents]


_LETTERS = "abcdefghijklmnopqrstuvwxyzéïß'-."


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_LETTERS, min_size=1, max_size=18))
def test_fast_syllable_count_equals_textstat(word):
    from analysis import readability

    assert readability._syllable_count is not readability._textstat_count  # the fast path
    assert readability._syllable_count(word) == readability._textstat_count(word)


def test_fast_syllable_count_on_the_seed_vocabulary():
    import corpus
    from analysis import readability
    from corpus.segment import word_strings

    words = {w.lower() for doc in corpus.read_corpus() for w in word_strings(doc.text)[0]}
    words |= {"extraordinarily", "co-operation", "don't", "u.n.", "19th-century", "naïve"}
    assert len(words) > 150
    for word in sorted(words):
        assert readability._syllable_count(word) == readability._textstat_count(word), word


def test_syllables_counted_in_worker_processes_equal_those_counted_here(monkeypatch):
    from analysis import readability

    monkeypatch.setattr(readability, "_PARALLEL_FROM_SPELLINGS", 1)
    monkeypatch.setattr(readability, "_SYLLABLES", readability._SyllablesBySpelling())
    vocab = ["Peace", "Organization", "self-determination", "1990", "Mr.", "ecology"]
    readability._count_new_spellings(vocab, 2)
    assert dict(readability._SYLLABLES) == {
        spelling: syllables(spelling.lower()) for spelling in vocab
    }
    assert readability._SYLLABLES["Organization"] == 5
    assert readability._SYLLABLES["1990"] == 0


def test_a_sentence_of_numbers_counts_and_one_of_marks_does_not():
    import corpus
    from analysis.readability import sentences_with_words

    doc = next(iter(corpus.from_texts(["Items follow. 1. 2. (…) “?” 3 cases."])))
    spans = [doc.text[s:e] for s, e in doc.sentences]
    assert spans == ["Items follow.", "1.", "2.", "(...)", "“?”", "3 cases."]
    assert sentences_with_words(doc) == 4
