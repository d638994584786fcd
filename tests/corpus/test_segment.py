from hypothesis import given
from hypothesis import strategies as st

from corpus import split_sentences, tokenize


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
