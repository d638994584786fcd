import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import from_texts, split_sentences, tokenize
from corpus.segment import (
    PackedSpans,
    is_word,
    token_strings,
    word_spans,
    word_strings,
    word_type_counts,
    words_of_tokens,
)


def words(text):
    return [text[s:e] for s, e in tokenize(text)]


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_tokens_for_diplomatic_text():
    assert words(
        "Russia's 19th-century U.N. role can't wait; we'll see 1,000 (3.5%) peace-keepers."
    ) == [
        "Russia",
        "'s",
        "19th-century",
        "U.N.",
        "role",
        "can't",
        "wait",
        ";",
        "we",
        "'ll",
        "see",
        "1,000",
        "(",
        "3.5",
        "%",
        ")",
        "peace-keepers",
        ".",
    ]


def test_titles_keep_their_period():
    assert words("Mr. Lavrov cited Art. 51 and No. 5.") == [
        "Mr.",
        "Lavrov",
        "cited",
        "Art.",
        "51",
        "and",
        "No.",
        "5",
        ".",
    ]


def test_sentences_respect_abbreviations_and_quotes():
    text = "Mr. Lavrov met the U.N. envoy on Jan. 5. “No,” he said. “Why?” he asked. Talks end."
    assert sentences(text) == [
        "Mr. Lavrov met the U.N. envoy on Jan. 5.",
        "“No,” he said.",
        "“Why?” he asked.",
        "Talks end.",
    ]


def test_no_abbreviates_number_only_before_one():
    assert sentences("See No. 5 and Nos. 6 and 7. He said no. The talks ended.") == [
        "See No. 5 and Nos. 6 and 7.",
        "He said no.",
        "The talks ended.",
    ]
    assert sentences("See Protocol No. II and document No. A/46/123. He said no. I disagree.") == [
        "See Protocol No. II and document No. A/46/123.",
        "He said no.",
        "I disagree.",
    ]
    assert sentences("He said \u201cNo.\u201d The Charter is clear.") == [
        "He said \u201cNo.\u201d",
        "The Charter is clear.",
    ]


def test_initialism_ends_sentence_only_before_an_opener():
    assert sentences("He lives in the U.S. The talks failed.") == [
        "He lives in the U.S.",
        "The talks failed.",
    ]
    assert sentences("The U.S. Congress voted.") == ["The U.S. Congress voted."]


def test_paragraph_break_ends_a_headline():
    assert sentences("Russia Warns Kyiv\n\nMoscow said no.") == [
        "Russia Warns Kyiv",
        "Moscow said no.",
    ]


def test_closing_quote_belongs_to_its_sentence():
    assert sentences("He said “we will win.” Then he left.") == [
        "He said “we will win.”",
        "Then he left.",
    ]


@given(st.text(alphabet=st.sampled_from("ab .,'’-“”\nU.N1?!Mr"), max_size=60))
def test_token_offsets_are_ordered_and_non_empty(text):
    spans = tokenize(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(not text[s:e].isspace() for s, e in spans)


@given(st.text(alphabet=st.sampled_from("ab .,'’-“”\nU.N1?!Mr"), max_size=60))
def test_sentences_cover_all_tokens(text):
    spans = split_sentences(text)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    for start, end in tokenize(text):
        assert any(s <= start and end <= e for s, e in spans)


def test_word_type_counts_match_the_word_spans():
    text = "Mr. Lavrov's 3 p.m. talk: Mr.Smith, dr. No. 5 can't—we'll see. Art. 51!"
    expected = Counter(text[s:e] for s, e in _words_of(text))
    assert word_type_counts(text) == expected
    assert word_type_counts(text)["Mr."] == 2
    assert "p." not in word_type_counts(text)


def _words_of(text):
    return [
        (s, e) for s, e in tokenize(text) if text[s].isalnum() or (text[s] == "'" and e - s > 1)
    ]


@given(st.text(alphabet=st.sampled_from("ab .,'’-“”\nU.N1?!Mrp_"), max_size=80))
def test_word_type_counts_equal_counting_word_spans(text):
    counts = word_type_counts(text)
    assert dict(counts) == dict(Counter(text[s:e] for s, e in _words_of(text)))


def test_packed_spans_behave_like_a_list_of_pairs():
    pairs = [(0, 3), (4, 9), (10, 12)]
    packed = PackedSpans(pairs)
    assert packed == pairs and list(packed) == pairs and len(packed) == 3
    assert packed[0] == (0, 3) and packed[-1] == (10, 12) and packed[1:] == pairs[1:]
    assert packed.starts() == [0, 4, 10]
    assert PackedSpans() == [] and not PackedSpans()
    with pytest.raises(IndexError):
        packed[3]


@given(st.text(alphabet=st.sampled_from("ab .,'’-“”\nU.N1?!Mrp_s"), max_size=80))
def test_word_spans_are_the_word_tokens(text):
    assert word_spans(text) == _words_of(text)


def test_word_spans_keep_title_periods_but_not_ellipses():
    text = "Mr. Smith met Mr... Art. 5."
    assert [text[s:e] for s, e in word_spans(text)] == ["Mr.", "Smith", "met", "Mr", "Art.", "5"]


@given(
    st.text(alphabet=st.sampled_from("ab é²1_.,;:!?)]”’\"'-“( \n\t\u00a0\u2003UNMr"), max_size=60)
)
def test_word_strings_are_the_word_tokens_in_order(text):
    # Taken run by run between whitespace (any Unicode space), they must still be what
    # the tokenizer's word rules find in the whole text (titles before their period).
    assert word_strings(text)[0] == _PLAIN_WORD_RULES.findall(text)


_PLAIN_WORD_RULES = re.compile(
    r"(?:[A-Za-z]\.){2,}(?![A-Za-z])"
    r"|\d+(?:[.,:/]\d+)*(?:[A-Za-z]+)?(?:-\w+)*"
    r"|[^\W\d_]\w*(?:(?:-|'(?!(?:s|d|m|ll|re|ve)(?![\w'])))\w+)*"
    r"|'(?:s|d|m|ll|re|ve)(?![\w'])"
)


def test_word_strings_take_plain_words_and_closing_marks_apart():
    text = "Peace, (justice) and “U.S.” aid—e.g. 3.5 per cent; Mr. Li's view."
    assert word_strings(text)[0] == [
        "Peace",
        "justice",
        "and",
        "U.S.",
        "aid",
        "e.g.",
        "3.5",
        "per",
        "cent",
        "Mr",
        "Li",
        "'s",
        "view",
    ]


def _sentences_by_the_full_rules(text):
    """split_sentences as the plain loop over every candidate mark, each decided by the
    full rules (_ends_sentence), without the shortcuts split_sentences takes."""
    from corpus import segment

    candidates = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*[”’)\]]*(?=\s|$)|(?<=\n)[ ]*\n)")
    out, start = [], 0
    for match in candidates.finditer(text):
        if match.group().startswith("\n"):
            segment._add_sentence(text, start, match.start(), out)
            start = match.end()
        elif segment._ends_sentence(text, match.start(), match.end()):
            segment._add_sentence(text, start, match.end(), out)
            start = match.end()
    segment._add_sentence(text, start, len(text), out)
    return out


_SENTENCE_PIECES = st.sampled_from(
    [" ", " ", "  ", "\n", "\n\n", "\n \n", ".", "!", "?", "...", ",", ";", ":", "“", "”", "‘", "’"]
    + ["(", ")", "[", "]", "'", '"', "\u00a0", "the", "The", "peace", "development", "Nations"]
    + ["Mr.", "MR.", "Messrs.", "approx.", "Art.", "No.", "e.g.", "i.e.", "U.S.", "J.", "j."]
    + ["etc.", "Inc.", "al.", "İ", "é", "Ärzte", "5", "3.5", "x", "Ab", "abcdefg", "ABCDEFGH"]
)


@settings(max_examples=400)
@given(st.lists(_SENTENCE_PIECES, max_size=30).map("".join))
def test_sentences_follow_the_full_rules_at_every_mark(text):
    assert split_sentences(text) == _sentences_by_the_full_rules(text)


def test_full_stop_after_plain_words_and_abbreviations():
    assert sentences("We seek development. Peace matters.") == [
        "We seek development.",
        "Peace matters.",
    ]
    assert sentences("We seek peace. Peace matters.") == ["We seek peace.", "Peace matters."]
    # a title, in any case, and a single capital stay in the sentence
    assert sentences("Talks with MR. Li and J. Smith. Then more.") == [
        "Talks with MR. Li and J. Smith.",
        "Then more.",
    ]
    # "etc." ends a sentence only before a typical opener
    assert sentences("Food, water etc. The talks failed.") == [
        "Food, water etc.",
        "The talks failed.",
    ]
    assert sentences("Food, water etc. Peace came.") == ["Food, water etc. Peace came."]
    # what follows a mark, past spaces and an opening quote, decides
    assert sentences("He won. “yes,” they said.") == ["He won. “yes,” they said."]
    assert sentences("He won! “Yes,” they said.") == ["He won!", "“Yes,” they said."]
    assert sentences("It ended.   ") == ["It ended."]
    # the longest titles: a word of six letters may still be an abbreviation
    assert sentences("Messrs. Li and Wu came with approx. Ten aides. Talks began.") == [
        "Messrs. Li and Wu came with approx. Ten aides.",
        "Talks began.",
    ]


def test_a_mark_followed_by_a_colon_or_lower_case_does_not_end_the_sentence():
    assert split_sentences("Peace. : and more.") == [(0, 18)]
    assert split_sentences("It ended (i.e. in 1990). then more.") == [(0, 35)]


# The token pattern is written for speed; this is its plain definition.
_PLAIN_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}(?![A-Za-z])"
    r"|\d+(?:[.,:/]\d+)*(?:[A-Za-z]+)?(?:-\w+)*"
    r"|[^\W\d_](?:\w|(?:-|'(?!(?:s|d|m|ll|re|ve)(?![\w'])))(?=\w))*"
    r"|'(?:s|d|m|ll|re|ve)(?![\w'])|\.\.\.|[^\w\s]"
)


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=list("aSΣ.'-ll dve1,2/x—é_\n\t“”(),;:?!İMrU"), max_size=50),
    st.integers(0, 50),
    st.integers(0, 50),
)
def test_token_strings_run_by_run_are_the_plain_tokens(text, a, b):
    a, b = min(a, b, len(text)), min(max(a, b), len(text))
    assert token_strings(text, a, b) == _PLAIN_TOKEN.findall(text, a, b)


def test_token_strings_edges():
    for text in [
        "Mr. Smith",
        "Mr .",
        "peace, and U.S. 19th-century we'll",
        "a_b _ 'll '",
        "a_ 1é ²x é1 x_,",
        "x.",
        "",
    ]:
        assert token_strings(text) == _PLAIN_TOKEN.findall(text), text


def test_a_spaced_ellipsis_is_no_run_of_sentences():
    doc = next(
        iter(from_texts(["We declared . . . that peace holds. Programme. . . . Many agree."]))
    )
    assert [doc.text[a:b] for a, b in doc.sentences] == [
        "We declared ... that peace holds.",
        "Programme....",
        "Many agree.",
    ]


def test_packed_spans_compare_with_lists_and_are_told_from_them():
    # Also under mypyc (regular installs), where isinstance took a list for a
    # PackedSpans, so the list was compared by its missing packed array.
    from corpus.segment import PackedSpans

    packed = PackedSpans([(0, 3), (4, 9)])
    assert packed == [(0, 3), (4, 9)]
    assert packed == PackedSpans([(0, 3), (4, 9)])
    assert packed != [(0, 3)]
    assert PackedSpans([(0, 3)]) != "ab"
    assert packed.starts() == [0, 4]
    assert packed.ends() == [3, 9]


def test_sentences_with_words_counted_alike_from_packed_and_listed_spans():
    from corpus.segment import PackedSpans, count_sentences_with_words, split_sentences

    text = "Yes. !!! \u201cNo,\u201d he said. ... (3) ?"
    spans = split_sentences(text)
    # "!!!" and "?" hold no word; a quote mark or a bracket before the first word does not
    # keep a sentence from counting.
    expected = sum(any(ch.isalnum() for ch in text[s:e]) for s, e in spans)
    assert expected == 3
    assert count_sentences_with_words(text, spans) == expected
    assert count_sentences_with_words(text, PackedSpans(spans)) == expected


def test_sentences_kept_from_worker_processes_are_packed():
    import corpus
    from analysis import engine
    from corpus.segment import PackedSpans

    c = corpus.from_texts([("Peace now. Then war. " * 700) + str(i) for i in range(20)])
    assert sum(len(d.text) for d in c) > engine.SERIAL_BELOW_CHARS
    engine.map_documents(c, _sentence_count, workers=2)
    assert {type(d.__dict__["sentences"]) for d in c} == {PackedSpans}


def _sentence_count(doc) -> int:
    return len(doc.sentences)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab1 .,'’-\u00e9\u00b2_!?\"\n")), max_size=40) | st.text()
)
def test_words_of_tokens_keeps_the_tokens_is_word_keeps(text):
    tokens = tokenize(text)
    expected = [(s, e) for s, e in tokens if is_word(text[s:e])]
    assert words_of_tokens(text, tokens) == expected == word_spans(text)
