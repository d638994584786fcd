from hypothesis import given
from hypothesis import strategies as st

from corpus import classify_quote, find_quote_spans, from_texts, read_corpus


def test_seed_quotes_kinds_and_speakers():
    doc = next(iter(read_corpus()))
    quotes = doc.quotes
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.text[:20] for q in direct] == ["The West's attempts ", "Peace cannot be buil"]
    assert {q.speaker for q in direct} == {"Sergey Lavrov"}
    fragments = {q.text.rstrip(",.") for q in quotes if q.kind == "fragment"}
    assert {"peacekeepers", "occupational forces", "ridiculous", "one-sided"} <= fragments
    headline = quotes[0]
    assert (headline.text, headline.kind, headline.speaker) == ("Occupation Troops", "fragment", "")
    for q in quotes:
        assert doc.text[q.start + 1 : q.end - 1] == q.text


def test_attribution_patterns():
    text = (
        "Foreign Minister Anna Berg spoke on Monday. “We will not yield to pressure,” she said. "
        "“Talks must resume,” said Paul Okafor. Okafor added: “Nothing is agreed.” "
        "The plan is “dead”, according to envoy Li Wei."
    )
    doc = next(iter(from_texts([text])))
    got = [(q.text, q.kind, q.speaker) for q in doc.quotes]
    assert got == [
        ("We will not yield to pressure,", "direct", ""),
        ("Talks must resume,", "direct", "Paul Okafor"),
        ("Nothing is agreed.", "direct", "Paul Okafor"),
        ("dead", "fragment", "Li Wei"),
    ]


def test_aliases_canonicalise_speakers():
    doc = next(iter(from_texts(["“We reject this plan entirely,” Sergei Lavrov said."])))
    assert doc.quotes[0].speaker == "Sergey Lavrov"


def test_voice_of_offsets():
    text = "Lavrov said the “peacekeepers” were occupiers."
    doc = next(iter(from_texts([text])))
    assert doc.voice(text.index("peacekeepers")) == ("quoted", "Lavrov")
    assert doc.voice(text.index("occupiers")) == ("authorial", "")


def test_classify_quote():
    assert classify_quote("peacekeepers") == "fragment"
    assert classify_quote("a distraction from real diplomacy.") == "fragment"
    assert classify_quote("Peace cannot be built on lies,") == "direct"


def test_unclosed_quotes_are_ignored():
    assert find_quote_spans("He said “no and “yes” today") == [(16, 21)]


@given(st.text(alphabet=st.sampled_from("ab “”‘’.,"), max_size=60))
def test_quote_spans_start_and_end_with_marks(text):
    for start, end in find_quote_spans(text):
        assert text[start] in "“‘" and text[end - 1] in "”’"


def test_more_attribution_patterns_from_speeches():
    def quotes(text):
        return [(q.kind, q.speaker) for q in next(iter(from_texts([text]))).quotes]

    assert quotes(
        "The Head of State, Major Pierre Buyoya, said: “We will build peace together in our region.”"
    ) == [("direct", "Major Pierre Buyoya")]
    assert quotes("As Ronald Reagan once said, “Trust but verify the agreement always.”") == [
        ("direct", "Ronald Reagan")
    ]
    assert quotes("According to the Secretary-General, “the world is changing fast.”") == [
        ("direct", "Secretary-General")
    ]
    assert quotes(
        "In the words of Dag Hammarskjöld, “the UN was not created to take us to heaven.”"
    ) == [("direct", "Dag Hammarskjöld")]
    # an institution is not a speaker; report titles are not statements
    assert quotes(
        "As the report of the Organization emphasizes, “peace requires development everywhere.”"
    ) == [("fragment", "")]
    assert quotes("We welcome “An Agenda for Peace” warmly.") == [("fragment", "")]


def test_events_next_to_dashes_and_nested_attribution_phrases():
    def speakers(text):
        return [q.speaker for q in next(iter(from_texts([text]))).quotes]

    # a reporting verb glued to a dash is still a reporting verb
    assert speakers(
        "“We are impressed by the progress,” —the Secretary-General concluded— "
        "“and we will continue.”"
    ) == ["Secretary-General", "Secretary-General"]
    # "in the words of ... according to ...": one phrase, the last name in it
    assert speakers(
        "Or, in the words of the Gospel according to Saint Mark, “Faith can move mountains here.”"
    ) == ["Saint Mark"]
    # "said" inside a longer word is no reporting verb; the pronoun follows the last name
    assert speakers(
        "Maria Lopez said talks would resume. “We have unsaid things to settle,” he mused; "
        "“Let us talk about them openly,” she said."
    ) == ["Maria Lopez", "Maria Lopez"]


def test_rejected_attribution_phrase_does_not_hide_the_next_one():
    text = (
        "Deeds speak louder than the words of leaders who in the words of Mandela "
        "“It always seems impossible until it is done.”"
    )
    assert [q.speaker for q in next(iter(from_texts([text]))).quotes] == ["Mandela"]


def test_each_reporting_verb_is_an_event_even_after_another_verb():
    # "The minister said" is an event (resolved to the last named speaker) although "the
    # envoy thought" follows it; quotes/1 let the longer non-reporting match swallow it.
    text = (
        "Maria Lopez said talks would resume. "
        "The minister said the envoy thought “the talks will fail soon enough.”"
    )
    assert [q.speaker for q in next(iter(from_texts([text]))).quotes] == ["Maria Lopez"]


def test_long_single_line_text_splits_like_short_ones():
    from corpus.segment import split_sentences

    sentence = "Mr. Li met the U.S. envoy on Monday. Talks went well. "
    text = sentence * 2000  # no line break anywhere: one long line, as in CSV news text
    spans = split_sentences(text)
    assert len(spans) == 4000
    assert text[spans[-2][0] : spans[-2][1]] == "Mr. Li met the U.S. envoy on Monday."
