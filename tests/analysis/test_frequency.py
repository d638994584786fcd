"""Frequency lists: counts, rates, document range, n-grams, stop words, aliases."""

from collections import Counter

import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import corpus
from analysis import load_lexicon, stat_frequency
from analysis._terms import load_stopwords


@pytest.fixture
def c():
    return corpus.from_texts(
        ["Peace and security. Peace!", "Security of the world", "peace, peace, PEACE"],
        docvars={"country": ["A", "A", "B"]},
    )


def test_counts_rates_and_range(c):
    table = stat_frequency(c).set_index("term")
    assert table.loc["peace", "count"] == 5
    assert table.loc["peace", "doc_count"] == 2
    assert table.loc["peace", "range"] == pytest.approx(2 / 3)
    assert table.loc["peace", "per_10k"] == pytest.approx(5 / 11 * 10_000)
    assert table.index[0] == "peace"


def test_by_group(c):
    table = stat_frequency(c, by="country")
    a = table[table["group"] == "A"].set_index("term")
    assert a.loc["security", "count"] == 2 and a.loc["security", "range"] == 1.0
    assert a.loc["peace", "per_10k"] == pytest.approx(2 / 8 * 10_000)
    assert table[table["group"] == "B"]["term"].tolist() == ["peace"]


def test_case_preserve(c):
    table = stat_frequency(c, case="preserve").set_index("term")
    assert table.loc["Peace", "count"] == 2 and table.loc["PEACE", "count"] == 1


def test_bigrams_stay_in_sentences(c):
    table = stat_frequency(c, ngram=2).set_index("term")
    assert table.loc["peace and", "count"] == 1
    assert "security peace" not in table.index  # crosses "security. Peace"
    assert table.loc["peace peace", "count"] == 2


def test_stopwords(c):
    table = stat_frequency(c, stopwords=True)
    assert "and" not in set(table["term"]) and "the" not in set(table["term"])
    record = table.attrs["provenance"]
    assert record["lexicons"] == {"stopwords": "1"}
    assert record["lexicon_sha256"] == {"stopwords": load_lexicon("stopwords").sha256}
    bigrams = stat_frequency(c, ngram=2, stopwords=["of", "and"])
    assert "security of" not in set(bigrams["term"])
    assert "peace peace" in set(bigrams["term"])


def test_shipped_stopword_list_is_versioned():
    words, lexicon = load_stopwords()
    assert lexicon.label == "stopwords@1"
    assert {"the", "of", "and", "'s"} <= words
    assert "peace" not in words


def test_aliases_count_as_one_term_unless_turned_off():
    texts = ["Zelensky met Zelenskiy in Kiev.", "Zelenskyy spoke in Kyiv."]
    table = stat_frequency(corpus.from_texts(texts)).set_index("term")
    assert table.loc["zelenskyy", "count"] == 3
    assert "zelensky" not in table.index
    assert (table.loc["kiev", "count"], table.loc["kyiv", "count"]) == (1, 1)  # places apart
    apart = stat_frequency(corpus.from_texts(texts, aliases=False)).set_index("term")
    assert apart.loc[["zelensky", "zelenskiy", "zelenskyy"], "count"].tolist() == [1, 1, 1]


def test_min_count_and_top_n(c):
    assert stat_frequency(c, min_count=2)["term"].tolist() == ["peace", "security"]
    assert len(stat_frequency(c, by="country", top_n=1)) == 2


def test_bad_arguments(c):
    with pytest.raises(ValueError, match="case='upper'"):
        stat_frequency(c, case="upper")
    with pytest.raises(ValueError, match="ngram=0"):
        stat_frequency(c, ngram=0)
    with pytest.raises(ValueError, match="voice='reporter'"):
        stat_frequency(c, voice="reporter")


def test_voice_quoted():
    text = "The minister said “peace is near” and left."
    table = stat_frequency(text, voice="quoted").set_index("term")
    assert set(table.index) == {"peace", "is", "near"}


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["war", "peace", "trade", "law"]), min_size=1, max_size=40))
def test_counts_equal_plain_counter(words):
    table = stat_frequency(" ".join(words))
    assert dict(zip(table["term"], table["count"], strict=True)) == Counter(words)
    assert table["per_10k"].sum() == pytest.approx(10_000)


_PIECES = [
    "Mr.",
    "Mr",
    "peace",
    "Peace",
    "PEACE",
    "Zelenskiy",
    "zelensky",
    "the",
    "The",
    "U.N.",
    "can't",
    "we'll",
    "1990s",
    "well-being",
    ".",
    ",",
    "Dr.",
    "Smith",
    "\n\n",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_PIECES[:-3]), min_size=1, max_size=25), min_size=1, max_size=4
    )
)
def test_fast_word_counts_equal_counting_each_document(docs):
    # Single words come from the corpus word-count table, folded once per spelling; they
    # must equal folding every document's own word counts (terms, doc counts, words).
    from analysis import frequency as frequency_module
    from analysis._terms import count_document
    from analysis.frequency import GroupCounts, count_by_group

    texts = [" ".join(words) for words in docs]
    assume(any(ch.isalnum() for t in texts for ch in t))  # texts of marks alone are skipped
    for case in ("lower", "preserve"):
        for stopwords in (frozenset(), frozenset({"the"})):
            c = corpus.from_texts(texts)
            token_map = c.aliases.token_map()
            labels = pd.Series("g", index=c.doc_ids)
            fast = count_by_group(c, labels, case=case, stopwords=stopwords, workers=1)["g"]
            # The same in blocks of a few table entries (as on a big corpus).
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(frequency_module, "_BLOCK_ENTRIES", 3)
                patch.setattr(frequency_module, "_DENSE_BLOCK_ENTRIES", 3)
                in_blocks = count_by_group(c, labels, case=case, stopwords=stopwords, workers=1)
            assert in_blocks["g"] == fast
            slow = GroupCounts()
            for doc in corpus.from_texts(texts):
                slow.add(*count_document(doc, 1, case, "all", token_map, stopwords))
            assert +fast.counts == +slow.counts
            assert +fast.doc_freq == +slow.doc_freq
            assert (fast.words, fast.documents) == (slow.words, slow.documents)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from("Peace peace PEACE war War the The trade Trade".split()),
            min_size=1,
            max_size=12,
        ),
        min_size=1,
        max_size=8,
    ),
    st.lists(st.sampled_from(["A", "B", "C"]), min_size=8, max_size=8),
)
def test_dense_and_sorted_group_totals_agree(docs, labels):
    # Few groups sum into dense arrays, many are sorted: both give the same table.
    from analysis import frequency

    c = corpus.from_texts([" ".join(words) for words in docs], docvars={"g": labels[: len(docs)]})
    tables = []
    for dense_keys in (frequency._DENSE_KEYS, -1):
        previous, frequency._DENSE_KEYS = frequency._DENSE_KEYS, dense_keys
        try:
            tables.append(stat_frequency(c, by="g", stopwords=["the"]))
        finally:
            frequency._DENSE_KEYS = previous
    pd.testing.assert_frame_equal(tables[0], tables[1])


def test_quoted_ngrams_do_not_join_two_quotes_of_one_sentence():
    text = "“We want peace,” he said, “and war is bad.”"
    table = stat_frequency(text, ngram=2, voice="quoted", min_count=1)
    assert sorted(table["term"]) == ["and war", "is bad", "want peace", "war is", "we want"]
    authorial = stat_frequency(text, ngram=2, voice="authorial", min_count=1)
    assert authorial["term"].tolist() == ["he said"]


def test_two_quotes_with_no_word_between_them_are_two_runs():
    text = "The talks were “useful” “and very productive”, the envoy said."
    table = stat_frequency(text, ngram=2, voice="quoted", min_count=1)
    assert sorted(table["term"]) == ["and very", "very productive"]  # no "useful and"
