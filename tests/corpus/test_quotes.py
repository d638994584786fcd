import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import classify_quote, find_quote_spans, from_texts, read_corpus


def test_seed_quotes_kinds_and_speakers():
    doc = next(iter(read_corpus()))
    quotes = doc.quotes
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.text[:20] for q in direct] == ["The West's attempts ", "Peace cannot be buil"]
    assert {q.speaker for q in direct} == {"Sergey Lavrov"}
    # "The Russian foreign minister dismissed ... “ridiculous”" after "Lavrov reiterated
    # Russia's stance": Lavrov
    assert {q.text: q.speaker for q in quotes}["ridiculous"] == "Sergey Lavrov"
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
        # "she" is Anna Berg, introduced by title as the subject of the sentence before.
        ("We will not yield to pressure,", "direct", "Anna Berg"),
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
    assert classify_quote("Nobody wins,") == "direct"  # a short whole statement
    assert classify_quote("Not now.") == "direct"
    assert classify_quote("peacekeepers") == "fragment"
    assert classify_quote("a distraction from real diplomacy.") == "fragment"
    assert classify_quote("Peace cannot be built on lies,") == "direct"


def test_unclosed_quotes_are_ignored():
    assert find_quote_spans("He said “no and “yes” today") == [(16, 21)]
    # A mark reopened on the same line, or a paragraph left open that is too long to be
    # a quote, does not continue the quote.
    assert find_quote_spans("“no\nand “yes”") == [(8, 13)]
    long_open = "“" + "word " * 500 + "\n“yes”"
    assert find_quote_spans(long_open) == [(len(long_open) - 5, len(long_open))]


def test_a_quote_within_a_quote_is_part_of_it():
    text = "Liz Truss said: \u2018They told me \u201cno\u201d, and Blinken said it was over,\u2019 she said."
    assert find_quote_spans(text) == [(16, 66)]
    doc = next(iter(from_texts([text])))
    assert [q.speaker for q in doc.quotes] == ["Liz Truss"]
    assert doc.voice(text.index("it was over")) == ("quoted", "Liz Truss")


def test_paragraphs_between_do_not_join_a_quote():
    # An authorial paragraph without an opening mark ends the stray quote before it ...
    text = "It is a matter \u201cfor concern.\nArticle 2 reads:\n\u201cYes.\u201d"
    assert [text[a:b] for a, b in find_quote_spans(text)] == ["\u201cYes.\u201d"]
    # ... and so does a mark that ends its line (a misprinted closing mark).
    text = "It was \u201ca tragedy.\u201c\n\u201cPeace\u201d, he said."
    assert [text[a:b] for a, b in find_quote_spans(text)] == ["\u201cPeace\u201d"]
    # Where lines are wrapped, a paragraph spans lines: a blank line ends it.
    wrapped = "\n".join(["Short wrapped line of a record"] * 6)
    text = wrapped + "\n\u201cOne paragraph\nwraps here.\n\u201cTwo.\u201d"
    assert [text[a:b] for a, b in find_quote_spans(text)] == [
        "\u201cOne paragraph\nwraps here.\n\u201cTwo.\u201d"
    ]
    text = wrapped + "\n\u201cOne paragraph\n\nAuthorial words.\n\u201cTwo.\u201d"
    assert [text[a:b] for a, b in find_quote_spans(text)] == ["\u201cTwo.\u201d"]


def test_a_quote_of_several_paragraphs_is_one_quote():
    text = (
        "Lavrov told reporters: “We will not accept this. The West must listen.\n"
        "“Sanctions have failed.\n"
        "“Russia will respond,” he said.\n"
        "Analysts disagreed."
    )
    ((start, end),) = find_quote_spans(text)
    assert text[start:end].startswith("“We will not") and text[start:end].endswith("respond,”")
    (quote,) = next(iter(from_texts([text]))).quotes
    assert (quote.kind, quote.speaker) == ("direct", "Lavrov")
    doc = next(iter(from_texts([text])))
    assert doc.voice(text.index("Sanctions")) == ("quoted", "Lavrov")
    assert doc.voice(text.index("Analysts"))[0] == "authorial"
    # Single quotes follow the same convention.
    assert find_quote_spans("‘One.\n‘Two’ x") == [(0, 11)]


@given(st.text(alphabet=st.sampled_from("ab “”‘’.,\n"), max_size=60))
def test_quote_spans_start_and_end_with_marks(text):
    spans = find_quote_spans(text)
    for start, end in spans:
        opener, closer = text[start], text[end - 1]
        assert (opener, closer) in {("“", "”"), ("‘", "’")}
        inside = text[start + 1 : end - 1]
        assert closer not in inside  # closed by the first closing mark
        # Opening marks inside open the later paragraphs of a quote: each at a line start.
        for k, char in enumerate(inside, start + 1):
            if char == opener:
                assert text[text.rfind("\n", 0, k) + 1 : k].strip() == ""
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end <= start  # quotes do not overlap


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


def speakers(text: str) -> list[str]:
    """The speakers of a text's quotes, in order."""
    return [q.speaker for q in next(iter(from_texts([text]))).quotes]


def assert_speakers(cases: dict[str, str]) -> None:
    """Each text has one quote, whose speaker is the one given."""
    for text, speaker in cases.items():
        assert speakers(text) == [speaker], text


def test_events_next_to_dashes_and_nested_attribution_phrases():
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


def _verb_events_by_plain_search(text):
    """Every reporting-verb event, each verb searched on its own and every speaker
    pattern tried before every verb: what corpus.quotes finds with its shortcuts."""
    import re

    from corpus import quotes

    out = []
    verbs = quotes.REPORTING_VERBS | quotes.INVERTING_VERBS | quotes.PARTICIPLE_VERBS
    for verb in verbs | {"put"}:
        for hit in re.finditer(rf"(?<!\w){verb}(?!\w)", text):
            v, ve = hit.span()
            if verb == "put" and not quotes._puts_it(text, verb, ve):
                continue  # only "put it", and not "to put it"
            if verb in quotes.PARTICIPLE_VERBS and text[max(0, v - 2) : v] == ", ":
                out.extend(quotes._clause_subject_events(text, v, ve))
            if (verb in quotes.REPORTING_VERBS or verb == "put") and (
                v == 0 or text[v - 1].isspace()
            ):
                low = max(0, v - quotes._EVENT_REACH)
                while 0 < low < v and not text[low - 1].isspace():
                    low += 1
                appositive_start = None
                for pattern in (quotes._NAME_BEFORE_APPOSITIVE, quotes._NAME_BEFORE_VERB):
                    m = pattern.search(text, low, v)
                    if m and quotes._object_of_preposition(text, low, m.start(), m["name"]):
                        continue  # "speaking in Geneva, said"
                    if m and appositive_start is not None and m.start() > appositive_start:
                        continue  # a name inside the appositive
                    if m and quotes._clean_name(m.group("name")):
                        out.append((m.start(), ve, "name", quotes._clean_name(m.group("name"))))
                        if pattern is quotes._NAME_BEFORE_APPOSITIVE:
                            appositive_start = m.start()
                m = quotes._PRONOUN_BEFORE_VERB.search(text, low, v)
                if m:
                    out.append((m.start(), ve, "pronoun", ""))
                owned = _body_events_by_plain_search(text, low, v, ve)
                out.extend(e for e in owned if appositive_start is None or e[0] < appositive_start)
                m = quotes._DESCRIPTOR_BEFORE_VERB.search(text, low, v)
                if m and not owned:
                    out.append((m.start(), ve, "pronoun", ""))
            if verb in quotes.INVERTING_VERBS and (
                v == 0
                or re.search(
                    r"(?:[\u201d\u2019,\u2014(-]|\b(?:[Ss]o|[Tt]hus))\s*\Z", text[max(0, v - 8) : v]
                )
            ):
                event = quotes._inverted_event(text, v, ve)
                if event is not None:
                    out.append(event)
    return sorted(out)


def _body_events_by_plain_search(text, low, v, ve):
    """A body or office in lower case before the verb at ``v``: "the Kestrian foreign
    ministry said" (a name; an "office" for "the Kestrian foreign minister said"), "the
    ministry said" (a body that refers back)."""
    from corpus import quotes

    m = quotes._OWNED_BODY_BEFORE_VERB.search(text, low, v)
    if m and not quotes._object_of_preposition(text, low, m.start(), m["owner"]):
        if quotes._owned_body_name(m):
            return [(m.start(), ve, quotes._owned_kind(m), quotes._owned_body_name(m))]
    m = quotes._BARE_BODY_BEFORE_VERB.search(text, low, v)
    return [(m.start(), ve, "body", m["body"].lower())] if m else []


def _speakers_from_every_event(text):
    """Quote speakers attributed from the events of the whole text."""
    from corpus import quotes, split_sentences

    sentences = split_sentences(text)
    spans = find_quote_spans(text)
    sentence_starts = [s for s, _ in sentences]
    events = quotes._speech_events(text, spans, len(text) + 1, sentence_starts)
    starts = [e.start for e in events]
    found = []
    for start, end in spans:
        sentence = quotes._enclosing_sentence(sentences, sentence_starts, start, end)
        kind = classify_quote(text[start + 1 : end - 1])
        speaker = quotes._attribute(text, start, end, sentence, events, starts, kind)
        low, colon = quotes._introduction(text, start, sentences, sentence_starts)
        if not speaker and kind == "direct" and colon >= 0:
            introducing = [e for e in events if low <= e.start and e.end <= colon]
            paragraph = text.rfind("\n", 0, low) + 1
            named_here = introducing and introducing[-1].named_at >= paragraph
            speaker = introducing[-1].speaker if named_here else ""
        if (
            speaker
            and kind == "fragment"
            and quotes._named_thing(text, start, text[start + 1 : end - 1])
        ):
            speaker = ""
        found.append(quotes.Quote(start, end, text[start + 1 : end - 1], kind, speaker))
    return [q.speaker for q in quotes._continued_quotes(text, found)]


_ATTRIBUTION_PIECES = st.sampled_from(
    [
        " ",
        " ",
        ", ",
        ". ",
        ": ",
        "\n",
        "\n\n",
        ":\n",
        "“",
        "”",
        "‘",
        "’",
        "(",
        "—",
        "é",
        "_",
        "5",
        "x",
    ]
    + ["said", "says", "stated", "added", "told", "noted", "wrote", "asked", "replied"]
    + ["insists", "emphasised", "called", "Said", "unsaid", "saidx", "sayso"]
    + ["saying", "adding", "rejected", "agreed", "In Geneva", "put", " it", "As", "To", "to"]
    + ["Foreign Minister", "Secretary", "of", "State", "Australia", "Cuba", "representative"]
    + ["Prime", "Deputy", "Attorney", "General", "Vice", "President", "'s", "\n\n"]
    + ["he", "He", "she", "the", "The", "foreign minister", "envoy", "also", "quickly"]
    + ["in", "at", "minister,", "a spokeswoman,", "ministry", "embassy", " in Kestria"]
    + ["Sergey Lavrov", "Lavrov", "Anna Berg", "Berg", "Pérez", "Organization", "Mr. Li"]
    + ["according to", "According to", "in the words of", "We will not yield", "peace"]
)


@settings(max_examples=300)
@given(st.lists(_ATTRIBUTION_PIECES, max_size=40).map("".join))
def test_verb_events_are_those_of_a_plain_search(text):
    from corpus import quotes

    assert sorted(quotes._verb_events(text, 0, len(text) + 1)) == _verb_events_by_plain_search(text)


@settings(max_examples=300)
@given(st.lists(_ATTRIBUTION_PIECES, max_size=40).map("".join))
def test_speakers_do_not_depend_on_skipping_events(text):
    from corpus import split_sentences
    from corpus.quotes import find_quotes

    quotes = find_quotes(text, split_sentences(text))
    assert [q.speaker for q in quotes] == _speakers_from_every_event(text)


def test_speaker_named_before_the_quote_window_is_resolved_only_nearby():
    # the only event near the quote is a pronoun: its speaker comes from the events
    # before, found however far into a long text the quote stands
    filler = "Talks went on for days in the city and nothing changed at all. " * 40
    text = f"{filler}Sergey Lavrov said talks would resume. “We will not yield,” he said."
    assert [q.speaker for q in next(iter(from_texts([text]))).quotes] == ["Sergey Lavrov"]
    # a capitalized pronoun opening the sentence
    text = f"{filler}Sergey Lavrov said talks would resume. He said: “We will not yield.”"
    assert [q.speaker for q in next(iter(from_texts([text]))).quotes] == ["Sergey Lavrov"]
    # named 40 sentences back: a reader could not say who "he" is
    text = f"Sergey Lavrov said talks would resume. {filler}“We will not yield,” he said."
    assert [q.speaker for q in next(iter(from_texts([text]))).quotes] == [""]
    # no event anywhere near a quote: nobody is named
    text = f"Sergey Lavrov said talks would resume. {filler}We want “peace” now."
    assert [q.speaker for q in next(iter(from_texts([text]))).quotes] == [""]


def test_an_adverb_or_a_day_opening_the_sentence_is_not_part_of_the_name():
    text = (
        "Later Lavrov said: \u201cSanctions are worse than the blockade.\u201d "
        "On Monday Jones said: \u201cNo.\u201d Then Smith said: \u201cYes.\u201d"
    )
    assert [q.speaker for q in next(iter(from_texts([text]))).quotes] == [
        "Lavrov",
        "Jones",
        "Smith",
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # First names that are also months, days or adverbs stay part of the name.
        ("\u201cWe will not yield,\u201d said April Glaspie.", "April Glaspie"),
        ("Sunday Dare said: \u201cWe will not yield.\u201d", "Sunday Dare"),
        ("So Se Pyong told reporters: \u201cWe will not yield.\u201d", "So Se Pyong"),
        ("According to June Smith, \u201cwe will not yield.\u201d", "June Smith"),
        ("In September Brown said: \u201cNo.\u201d", "Brown"),
        # A reporting verb in the paragraph after the quote, and one opening the text.
        ("\u201cWe will not yield,\u201d Lavrov\n\nsaid.", "Lavrov"),
        ("said Lavrov, \u201cWe will not yield.\u201d", "Lavrov"),
        # A place or body after a preposition is not the one who speaks (the subject
        # before "speaking ..." is, since quoter 18) ...
        ("Lavrov, speaking in Geneva, said: \u201cWe are ready.\u201d", "Lavrov"),
        ("Lavrov, who met Blinken at the Kremlin, said: \u201cWe are ready.\u201d", ""),
        # ... but "the representative of Cuba said" names the country that speaks, and
        # an office of a country speaks as the office,
        ("The representative of Cuba said: \u201cWe are ready.\u201d", "Cuba"),
        (
            "The Minister for External Affairs of Canada said: \u201cNo.\u201d",
            "Minister for External Affairs of Canada",
        ),
        # a titled person before "of <place>" speaks, not the place
        ("President Jose Sarney of Brazil said: \u201cWe want peace.\u201d", "Jose Sarney"),
        ("The late President Kekkonen of Finland once said: \u201cPeace.\u201d", "Kekkonen"),
        # a long appositive naming a role: the name before it
        (
            "Shaikh Isa Bin Salman Al-Khalifa, the Amir of the State of Bahrain and Chairman "
            "of the current session of the GCC, has said, \u201cDevelopments matter to us.\u201d",
            "Isa Bin Salman Al-Khalifa",
        ),
        # a body that ends a title before the name
        ("General of the Army Raul Castro stated: \u201cWe will defend it.\u201d", "Raul Castro"),
        # a place a document is about is no speaker
        (
            "According to the Economic Report on Africa, 1989, of the Commission: "
            "\u201cThe decline continued.\u201d",
            "",
        ),
        # ... but sources after other prepositions stay, and names of bodies stay whole
        (
            "According to the report of the Secretary-General, \u201cit continued.\u201d",
            "Secretary-General",
        ),
        ("According to figures from the World Bank, \u201cit continued.\u201d", "World Bank"),
        ("According to a spokesman for Lavrov, \u201cit continued.\u201d", "Lavrov"),
        (
            "Union Carbide Corporation said: \u201cWe will defend it.\u201d",
            "Union Carbide Corporation",
        ),
        ("The King of Bhutan said: \u201cWe are ready.\u201d", "King of Bhutan"),
        (
            "The Vice-President of Colombia said: \u201cWe are ready.\u201d",
            "Vice-President of Colombia",
        ),
        # ... as does an office that heads a body (see
        # test_an_office_that_heads_a_body_speaks_as_the_office)
        (
            "The Director-General of UNESCO said: \u201cWe are ready.\u201d",
            "Director-General of UNESCO",
        ),
        (
            "The Minister for Foreign Affairs and International Cooperation of Italy said: "
            "\u201cWe are ready.\u201d",
            "Minister for Foreign Affairs and International Cooperation of Italy",
        ),
        # A portfolio after "of" is part of a title, not a speaker ...
        ("The Secretary of State said: \u201cWe are ready.\u201d", ""),
        ("The Minister of Foreign Affairs said: \u201cWe are ready.\u201d", ""),
        # ... and the name an appositive describes speaks, not the place in it.
        (
            "Antony Blinken, the Secretary of State, said: \u201cWe are ready.\u201d",
            "Antony Blinken",
        ),
        ("Mr. Casey, the Foreign Minister of Australia, told us: \u201cNo.\u201d", "Casey"),
        ("Lavrov, the foreign minister, also said: \u201cWe are ready.\u201d", "Lavrov"),
        # where a thing or a document "of" a place does not.
        ("The Charter of the United Nations declares: \u201cWe are ready.\u201d", ""),
        ("One of the conquerors of Algeria wrote: \u201cWe are ready.\u201d", ""),
        # Lower-case particles belong to the name.
        ("Ursula von der Leyen said: \u201cWe are ready.\u201d", "Ursula von der Leyen"),
        ("\u201cWe are ready,\u201d said Luiz Inácio Lula da Silva.", "Luiz Inácio Lula da Silva"),
        # A name before an appositive that describes the speaker.
        ("\u201cWe are ready,\u201d Lavrov, the foreign minister, said on Tuesday.", "Lavrov"),
        (
            "Sergey Lavrov, Russia's foreign minister, said: \u201cWe are ready.\u201d",
            "Sergey Lavrov",
        ),
        ("May Al-Sayed, a spokeswoman, said: \u201cWe agree with the plan.\u201d", "May Al-Sayed"),
        # A reporting participle after a comma: the subject that opens its clause.
        ("Lavrov rejected the plan, saying: \u201cWe will not accept it.\u201d", "Lavrov"),
        ("In Geneva, Lavrov rejected it, adding: \u201cWe will not accept it.\u201d", "Lavrov"),
        (
            "Lavrov, the foreign minister, rejected it, saying: \u201cWe will not accept it.\u201d",
            "Lavrov",
        ),
        ("Even before the vote he was clear, declaring: \u201cWe will not accept it.\u201d", ""),
        ("Analysts dismissed the plan, saying: \u201cIt will not work at all.\u201d", ""),
        ("Nearly everyone agreed, adding: \u201cIt will not work at all.\u201d", ""),
        # "put it" reports as a reporting verb does.
        ("As Lavrov put it, \u201cthe West must listen to us now.\u201d", "Lavrov"),
        ("Sergey Lavrov said no. As he put it, \u201cthe West must listen.\u201d", "Sergey Lavrov"),
        ("To put it bluntly, the \u201cnew order\u201d failed, as we all know.", ""),
        ("My President put it well: \u201cWe must act together now.\u201d", "President"),
        # "said <Name>" names the speaker only after a quote or a comma ...
        (
            "Olaf Scholz said Germany would help. \u201cWe must be careful,\u201d he added.",
            "Olaf Scholz",
        ),
        # ... titles are left out of names (one person, one name) ...
        ("French President Emmanuel Macron said: \u201cWe are ready.\u201d", "Emmanuel Macron"),
        (
            "Secretary of State Antony Blinken warned: \u201cIt is destabilizing.\u201d",
            "Antony Blinken",
        ),
        (
            "According to NATO Secretary General Jens Stoltenberg, it is \u201cready.\u201d",
            "Jens Stoltenberg",
        ),
        (
            "Chinese foreign ministry spokesman Wang Wenbin rejected it, saying: \u201cA lie.\u201d",
            "Wang Wenbin",
        ),
        # a bare title names nobody in particular (see test_a_bare_title_refers_back)
        ("The Prime Minister said: \u201cWe are ready.\u201d", ""),
        # ... but bodies named with a portfolio or a title-like word stay whole.
        ("\u201cWe will look into it,\u201d the State Department said.", "State Department"),
        ("\u201cWe will look into it,\u201d General Motors said.", "General Motors"),
        ("\u201cWe will look into it,\u201d Health Canada said.", "Health Canada"),
        # a body whose name goes on with "of" speaks as the body (quoter 23; it gave
        # nobody, and before that "Foreign Ministers")
        (
            "The Council of Foreign Ministers declared: \u201cWe are ready to act now.\u201d",
            "Council of Foreign Ministers",
        ),
        ("The Minister of Finance Tuesday said: \u201cWe are ready to act now.\u201d", ""),
        # Titles after an inverted verb are skipped ...
        ("\u201cWe will act now,\u201d said Attorney General Merrick Garland.", "Merrick Garland"),
        (
            "\u201cWe will act now,\u201d said UN Secretary General Antonio Guterres.",
            "Antonio Guterres",
        ),
        # ... unless nothing but titles follows; and a name does not run over a blank line.
        ("\u201cWe will act now,\u201d said Prime Minister.", "Prime Minister"),
        ("\u201cWe will act now,\u201d said Lavrov\n\nPresident Putin spoke next.", "Lavrov"),
        # A mention after an opening adverb is still remembered.
        (
            "Meanwhile Greta Lind, the foreign minister, read a statement. "
            "\u201cWe will act now,\u201d she said.",
            "Greta Lind",
        ),
        # Other reporting verbs put the speaker after them too.
        ("\u201cWe are sleepwalking into war,\u201d warned Anna Kovacs.", "Anna Kovacs"),
        # "said X" after a dash, in brackets or after "so".
        ("\u201cWe are ready to talk to anyone\u201d - said Mr. Haq.", "Haq"),
        ("\u201cWe are ready to talk to anyone\u201d, so wrote Seneca.", "Seneca"),
        ("\u201cWe are ready to talk to anyone\u201d (said Lavrov).", "Lavrov"),
        # ... and a quote opening the paragraph after "X said:" is X's.
        ("Lula said:\n\n\u201cWe will not accept this outcome at all.\u201d", "Lula"),
        # (not after other reported speech in a speech, whose paragraphs run long; in
        # news paragraphs it goes on: see
        # test_a_quote_opening_a_news_paragraph_continues_the_reported_speech_before_it)
        (
            "The talks went on " + "and on " * 60 + "until Friday. Lula said no.\n\n"
            "\u201cWe will not accept this outcome at all.\u201d",
            "",
        ),
        # A name introduced by title or appositive as a sentence's subject is remembered.
        (
            "Greta Lind, the foreign minister, read a statement. She said: \u201cWe must act.\u201d",
            "Greta Lind",
        ),
        ("The United Nations has failed. \u201cWe are ready,\u201d he said.", ""),
        # "He said:" takes a name given in the same paragraph, not one from further back.
        (
            "Sergey Lavrov said so.\n\nMuch later he said:\n\n\u201cWe will not accept it.\u201d",
            "",
        ),
        (
            "Sergey Lavrov said no. He said:\n\n\u201cWe will not accept this outcome.\u201d",
            "Sergey Lavrov",
        ),
        # An adjective of an unnamed source, and plural nouns, are no names.
        ("The deal is \u201cdead,\u201d according to a senior European diplomat.", ""),
        ("Officials said: \u201cWe are ready.\u201d", ""),
    ],
)
def test_speaker_edge_cases(text, speaker):
    assert [q.speaker for q in next(iter(from_texts([text]))).quotes] == [speaker]
    # Also on the text as given (normalization would join the blank line above).
    from corpus import split_sentences
    from corpus.quotes import find_quotes

    assert [q.speaker for q in find_quotes(text, split_sentences(text))] == [speaker]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("\u201cWe will not back down,\u201d said Mr. Blinken.", ["Blinken"]),
        ("The deal is \u201cdead,\u201d according to Mr. Lavrov.", ["Lavrov"]),
        ("\u201cNot later,\u201d said Sen. Lindsey Graham.", ["Lindsey Graham"]),
        ("\u201cWe are ready,\u201d said Mr Lavrov.", ["Lavrov"]),
        ("In April Smith said: \u201cWe will see.\u201d", ["Smith"]),
        ("On Sunday Smith said: \u201cWe will see.\u201d", ["Smith"]),
        # A whole-sentence quote opening the next sentence continues the attributed one ...
        (
            "\u201cWe are ready for talks,\u201d Lavrov said in a statement. "
            "\u201cBut the West must listen to our concerns.\u201d",
            ["Lavrov", "Lavrov"],
        ),
        # ... but not when a colon introduces it with a source of its own.
        (
            "Lavrov said: \u201cWe reject this.\u201d The treaty states: \u201cParties shall consult.\u201d",
            ["Lavrov", ""],
        ),
        # ... and a colon with no source of its own continues it.
        (
            "Sergey Lavrov said: \u201cWe are ready.\u201d And again: \u201cThe West must listen.\u201d",
            ["Sergey Lavrov", "Sergey Lavrov"],
        ),
        # ... and not across another sentence or a paragraph break.
        (
            "\u201cWe will respond,\u201d Lavrov said. Kuleba disagreed. "
            "\u201cThat is a lie and everyone knows it.\u201d",
            ["Lavrov", ""],
        ),
        (
            "\u201cWe will respond,\u201d Lavrov said.\n\n"
            "\u201cThat is a lie and everyone knows it.\u201d",
            ["Lavrov", ""],
        ),
    ],
)
def test_honorifics_dates_and_continued_quotes(text, speakers):
    assert [q.speaker for q in next(iter(from_texts([text]))).quotes] == speakers


def test_reporting_events_name_the_subject_of_each_verb():
    from corpus.quotes import reporting_events

    text = "Mr. Sergey Lavrov, the foreign minister, said no. He said yes. The envoy wrote."
    spans = [(m.start(), m.end()) for m in re.finditer(r"said|wrote", text)]
    assert reporting_events(text, spans) == [
        (4, 45, "name", "Sergey Lavrov"),
        (50, 57, "pronoun", ""),
        (63, 78, "pronoun", ""),
    ]
    # Nothing is read before ``low``.
    said = text.index("said")
    assert reporting_events(text, [(said, said + 4)], low=11) == [(11, 45, "name", "Lavrov")]
    assert reporting_events(text, [(said, said + 4)], low=text.index("the")) == []


def test_a_surname_takes_the_fuller_name_the_text_uses():
    from corpus.quotes import full_name

    assert full_name("Ambassador April Glaspie spoke. Glaspie said no.", "Glaspie") == (
        "April Glaspie"
    )
    # Titles and honorifics are no first names; a later full name is taken instead.
    assert full_name("President Putin met Vladimir Putin's aides.", "Putin") == "Vladimir Putin"
    assert full_name("Mr Lavrov spoke.", "Lavrov") == "Lavrov"
    assert full_name("Sergey Lavrov said no.", "Sergey Lavrov") == "Sergey Lavrov"
    # a hyphenated first name is whole, and titles beyond the common ones are no first
    # names (quoter 18; "Paul Okello" and "Excellency Ahmed Tarik" before)
    assert full_name("Colonel Jean-Paul Okello spoke. Okello said no.", "Okello") == (
        "Jean-Paul Okello"
    )
    assert full_name("His Excellency Ahmed Tarik spoke. Tarik said no.", "Tarik") == ("Ahmed Tarik")


def test_a_name_starts_a_word_and_keeps_its_apostrophe():
    # "super-Powers" is no speaker "Powers" (user trial)
    assert speakers(
        "The line taken by the super-Powers, stresses “interdependence” above all."
    ) == [""]
    assert speakers("The non-European States stress “interdependence”.") == [""]
    # names with an apostrophe are whole: not "Brien", "Estaing", "Ivoire"
    assert speakers("O'Brien said “no” again.") == ["O'Brien"]
    assert speakers("“No,” said D'Alema.") == ["D'Alema"]
    assert speakers("President Giscard d'Estaing said “no” again.") == ["Giscard d'Estaing"]
    assert speakers("Mr. O'Brien, the foreign minister, said “no”.") == ["O'Brien"]
    # a hyphenated name or a name after a hyphenated prefix still speaks
    assert speakers("Pro-Western Lavrov said “no” again.") == ["Pro-Western Lavrov"]
    assert speakers("The ex-President Smith said “no” again.") == ["Smith"]


def test_he_and_she_skip_a_person_whose_title_gives_the_other_gender():
    opening = "Mr. Nixon said the talks went well. Mrs. Gandhi replied that they had not. "
    assert speakers(opening + "“We will see,” he said.") == ["Nixon"]  # not Gandhi
    assert speakers(opening + "“We will see,” she said.") == ["Gandhi"]
    # no one of that gender named: nobody, rather than the wrong person
    assert speakers("Mr. Nixon said the talks went well. “We will see,” she said.") == [""]
    # without a gendered title the last name stands, as before
    assert speakers("Lavrov said it. Kovacs replied. “We will see,” she said.") == ["Kovacs"]
    assert speakers("Sir Anthony Eden said it. Ms. Lind replied. “No,” he said.") == [
        "Anthony Eden"
    ]


def test_a_middle_initial_is_no_title():
    quotes = next(iter(from_texts(["Anna M. Kovacs said it. “We will see,” she said."]))).quotes
    assert [q.speaker for q in quotes] == ["Anna M. Kovacs"]  # "Kovacs" before quoter 21


def test_a_middle_initial_is_part_of_the_name():
    # "Ferdinand E. Marcos said" gave "Marcos", "said Ferdinand E. Marcos" gave
    # "Ferdinand" (quoter 21)
    said = "\u201cWe will not yield to pressure,\u201d"
    for text in (
        f"{said} Tomas K. Varga said.",
        f"Tomas K. Varga said: {said}",
        f"{said} said Tomas K. Varga.",
        f"President Tomas K. Varga said: {said}",
        f"{said} according to Tomas K. Varga.",
        f"In the words of Tomas K. Varga, {said}",
        f"Tomas K. Varga spoke of the past when he said: {said}",
        # a surname takes the full name with its initial
        f"We met President Tomas K. Varga in Malden. Varga said: {said}",
    ):
        assert speakers(text) == ["Tomas K. Varga"], text
    # a letter after a word that is no first name ends a thing's name, not a person's
    assert speakers(f"That was after World War I. Varga said: {said}") == ["Varga"]
    assert speakers(f"It is set out in Annex B. Varga said: {said}") == ["Varga"]
    # after "of" a name speaks only as a place, which the letter ends (a missing comma)
    assert speakers(f"The President of the Republic of Tarsk A. Tomas Varga, said: {said}") == [
        "Tomas Varga"
    ]


def test_gender_is_read_with_each_naming_and_in_every_attribution_form():
    # one surname, two people: the title belongs to that naming, not to the surname
    assert speakers(
        "Hillary Clinton said the talks went well. Mr. Clinton said Arkansas was ready. "
        "“We will see,” she said."
    ) == ["Hillary Clinton"]
    # a title after an inverted verb, after "according to", or without its period
    opening = "Mr. Blair said Labour would win. "
    for clause in (
        "“We are ready,” said Mrs. Thatcher.",
        "According to Mrs. Thatcher, Britain was ready.",
        "Mrs Thatcher said Britain was ready.",
    ):
        quotes = speakers(opening + clause + " “We will see,” he said.")
        assert quotes[-1] == "Blair", clause
    # words that open names and places are no titles: Sheikh Hasina is a woman
    assert speakers(
        "Mr. Ortiz said the talks went well. Prime Minister Sheikh Hasina Wazed signalled "
        "flexibility. “We will see,” she said."
    ) == ["Hasina Wazed"]


def test_a_cut_off_attribution_phrase_names_nobody():
    # The phrase runs past its 80-character reach: "Organization" would end as "Organ".
    text = (
        "In the words of the Secretary-General in the introduction to his report on the "
        "work of the Organization “we must now go forward to action.”"
    )
    assert [q.speaker for q in next(iter(from_texts([text]))).quotes] == [""]


def test_he_or_she_names_nobody_when_someone_else_came_up_since():
    texts = [
        "South Africa said it would act. I recall the words of my Prime Minister in her "
        "address, when she stressed our commitment. She said: “We have always affirmed peace.”",
        "Mahatma Gandhi said that violence fails. I am reminded of Jawaharlal Nehru's speech "
        "in Paris. He said: “The objectives are clear.”",
        "Mr. Nixon said talks would go on. The West's patience is short. “We will act,” he said.",
        "Kofi Annan said reform was due. I recall Kofi Annan's report. He said: “Reform is due.”",
        "Mr. Lloyd said the talks failed. Our President spoke later. He said: “We will act.”",
    ]
    assert [[q.speaker for q in d.quotes] for d in from_texts(texts)] == [
        [""],
        [""],
        ["Nixon"],  # a possessive body ("The West's") is nobody a pronoun could mean
        ["Kofi Annan"],  # the named person's own report is no one else
        [""],  # "Our President" opening a sentence
    ]


def test_every_pronoun_of_a_long_text_reaches_the_one_naming():
    sentence = "The delegates discussed the state of the world economy at length. "
    text = "Foreign Minister Olof Kovacs spoke. " + (sentence + "He said: “We act.” ") * 300
    quotes = next(iter(from_texts([text]))).quotes
    assert [q.speaker for q in quotes] == ["Olof Kovacs"] * 300


def test_an_honorific_makes_a_sentence_subject_a_referent_for_he():
    text = (
        "Mr. Lloyd said the talks had failed. Mr. Gromyko indulges his sense of humour when "
        "he tells us that guarantees are “the firmest that can be imagined”."
    )
    assert [q.speaker for q in next(iter(from_texts([text]))).quotes] == ["Gromyko"]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a perfect's auxiliary between the speaker and the verb
        ("Mr. Gorbachev has said “there is no fatal inevitability of conflict”.", ["Gorbachev"]),
        ("As President Fidel Castro has stated, “we do not fear threats”.", ["Fidel Castro"]),
        # a term in scare quotes or the name of a thing is nobody's words
        ("Lavrov said the so-called “nuclear umbrella” was a myth.", [""]),
        ("Smith said it was called the “Boulevard” then.", [""]),
        # a reporting verb in the next clause introduces the next quote, not this one
        ("We agree that “peace is indivisible”. 2. That is why Mr. Bokassa said it.", [""]),
        # quoted words stay the speaker's after "its"
        ("Ukraine must abandon its “dangerous escalation”, Lavrov said.", ["Lavrov"]),
        # a person named with an honorific since the last naming: "he" is not settled
        (
            "Mr. Bulganin said talks would go on. We recall the view of Mr. Khrushchev. "
            "“We know,” he said.",
            [""],
        ),
        ("Mr. Bulganin said talks would go on. Mr. President, “we know,” he said.", ["Bulganin"]),
        # a noun of speech right before the quote names whose words they are
        (
            "I quote the statement by the Secretary-General: “We must act now.”",
            ["Secretary-General"],
        ),
        ("Recall President Nujoma's concluding words, spoken here: “Namibia is free.”", ["Nujoma"]),
        ("We recall the words of Mr. Joseph Sisco: “The door is open.”", ["Joseph Sisco"]),
        ("The statement by Mr. Smith was long, and we said: “Nothing is new here.”", [""]),
    ],
)
def test_judged_un_quote_patterns(text, speakers):
    assert [q.speaker for q in next(iter(from_texts([text]))).quotes] == speakers


def test_quotes_survive_pickling():
    # Regular installs compile Quote (a frozen dataclass) with mypyc; it must pickle
    # (worker processes, Dask) as the pure-Python class does.
    import pickle

    from corpus.quotes import Quote

    quote = Quote(3, 9, "peace", "direct", "Lavrov")
    assert pickle.loads(pickle.dumps(quote)) == quote


def test_quotes_found_with_packed_sentences():
    # Sentences kept from worker processes are packed; compiled (regular installs),
    # find_quotes took only a list and raised TypeError on them.
    from corpus.quotes import find_quotes
    from corpus.segment import PackedSpans, split_sentences

    text = (
        "Lavrov said: \u201cWe will not accept it.\u201d Then he left. \u201cNever,\u201d he added."
    )
    sentences = split_sentences(text)
    assert find_quotes(text, PackedSpans(sentences)) == find_quotes(text, sentences)
    assert [q.speaker for q in find_quotes(text, PackedSpans(sentences))] == ["Lavrov", "Lavrov"]


def test_a_name_before_an_appositive_office_of_a_place_speaks_not_the_place():
    texts = {
        'Major Pierre Buyoya, President of the Republic of Burundi, said: "We want peace."': (
            "Major Pierre Buyoya"
        ),
        "The President of Egypt, Mohamed Hosni Mubarak, then Chairman of the Organisation of "
        'African Unity, stated: "Africa is united."': "Mohamed Hosni Mubarak",
    }
    for text, speaker in texts.items():
        assert [q.speaker for q in from_texts([text]).documents[0].quotes] == [speaker], text


def test_an_office_that_heads_a_body_speaks_as_the_office():
    # user trial: "the Secretary-General of the United Nations stressed" gave "United
    # Nations"; the office speaks, or the person the sentence names with it
    office = "Secretary-General of the United Nations"
    cases = {
        "The Secretary-General of the United Nations stressed that \u201cwe must act.\u201d": office,
        "As the Secretary-General of the United Nations noted, \u201cwe must act.\u201d": office,
        "According to the Secretary-General of the United Nations, \u201cwe must act.\u201d": office,
        "The President of the Security Council stated: \u201cWe must act.\u201d": (
            "President of the Security Council"
        ),
        "The Executive Director of the Fund said: \u201cWe must act.\u201d": (
            "Executive Director of the Fund"
        ),
        "Mr. Tomas Varga, Secretary-General of the United Nations, said: \u201cWe must act.\u201d": (
            "Tomas Varga"
        ),
        "In the words of the first Secretary-General of the United Nations, Olaf Brenn - "
        "\u201cwe must act.\u201d": "Olaf Brenn",
        "Comrade Anna Berg, First Secretary of the Central Committee of the Workers Party and "
        "Chairman of the Presidium of the National Assembly, has said: \u201cWe must act.\u201d": "Anna Berg",
        # an office after a preposition is spoken to, not speaking: the one who writes
        # to it speaks, where the aside is short enough to read as an appositive
        "Mr. Rako, in a message addressed to the Secretary-General of the United Nations, "
        "said: \u201cWe must act.\u201d": "Rako",
        "Mr. Rako, in an official message dated 3 August addressed to the Secretary-General "
        "of the United Nations, said: \u201cWe must act.\u201d": "",
        # an office of a country speaks as the office too (test_an_office_of_a_country_...),
        # but the country's representative speaks as the country
        "The King of Bhutan said: \u201cWe must act.\u201d": "King of Bhutan",
        "The representative of the United States said: \u201cWe must act.\u201d": "United States",
    }
    for text, speaker in cases.items():
        assert speakers(text) == [speaker], text


def test_a_document_is_no_speaker():
    # user trial: "the Universal Declaration states", "the Charter of the United Nations"
    for text in (
        "The Universal Declaration of Human Rights states: \u201cAll are born free.\u201d",
        "Human rights are, as the Universal Declaration states, \u201cthe foundation of peace\u201d.",
        "In the words of the Preamble to the Charter of the United Nations, \u201cwe must act.\u201d",
        "The Holy Koran says: \u201cDo not begin the hostilities.\u201d",
        "The Final Act stated: \u201cThere was a consensus on the need to act.\u201d",
        "Resolution 242 (1967) states: \u201cWe must act now.\u201d",
    ):
        assert speakers(text) == [""], text


def test_a_bare_title_refers_back():
    # "The President" alone names nobody; it means a president named just before
    assert speakers("The President concluded: \u201cWe must act.\u201d") == [""]
    assert speakers("The former Prime Minister stated: \u201cWe must act.\u201d") == [""]
    assert speakers("It will be, according to the Head of State, \u201ca forum for all\u201d.") == [
        ""
    ]
    assert speakers(
        "President Anna Berg opened the session. The President concluded: \u201cWe must act.\u201d"
    ) == ["Anna Berg"]
    # only the person named with that title: another one named last means nobody
    assert speakers(
        "Ambassador Kirkpatrick said: \u201cWe agree.\u201d The Prime Minister replied: "
        "\u201cWe do not.\u201d"
    ) == ["Kirkpatrick", ""]
    assert speakers(
        "Mr. Gromyko arrived yesterday. The Prime Minister said: \u201cWe will talk.\u201d"
    ) == [""]
    # the sentences of a long quote between do not count against the reach
    assert speakers(
        "President Anna Berg said:\n\u201cWe met. We talked. We agreed. We signed.\u201d\n"
        "In closing, the President noted: \u201cWe must act.\u201d"
    ) == ["Anna Berg", "Anna Berg"]
    # specific titles stay: one office, the speaker's own side, a nationality
    assert speakers("The Secretary-General said: \u201cWe must act.\u201d") == ["Secretary-General"]
    assert speakers("Our President said: \u201cWe must act.\u201d") == ["President"]
    assert speakers("The French President said: \u201cWe must act.\u201d") == ["French President"]
    # a title the OCR split at its hyphen is still the title
    assert speakers("The Secretary- General has said, \u201cWe must act.\u201d") == [
        "Secretary-General"
    ]


def test_he_and_she_reach_two_sentences_back_within_a_paragraph():
    said = "\u201cWe will not yield,\u201d he said."
    assert speakers(f"Sergey Lavrov said no. Talks went on. {said}") == ["Sergey Lavrov"]
    assert speakers(f"Sergey Lavrov said no. Talks went on. Nothing changed. {said}") == [""]
    # a new paragraph after a long one (a speech's) changes the subject ...
    long_paragraph = "Talks went on. Nothing changed. Sergey Lavrov said no."
    assert speakers(f"{long_paragraph}\nTalks went on. {said}") == [""]
    # ... but not after a short one, as news paragraphs are (since quoter 18)
    assert speakers(f"Sergey Lavrov said no.\nTalks went on. {said}") == ["Sergey Lavrov"]
    # each "he" that means him carries him on
    assert speakers(f"Sergey Lavrov said no. Talks went on. {said} Nothing changed. {said}") == [
        "Sergey Lavrov",
        "Sergey Lavrov",
    ]
    # a description may open the next paragraph about the one it describes
    assert speakers(
        "Sergey Lavrov said no.\n\u201cWe will not yield,\u201d the diplomat said."
    ) == ["Sergey Lavrov"]


def test_he_and_she_take_the_one_person_named_earlier_in_their_sentence():
    said = "\u201cNo nation stands alone.\u201d"
    # no one in reach, but one person named before the pronoun in its sentence
    assert speakers(
        f"We remember the words of Marta Ilves when she told the conference: {said}"
    ) == ["Marta Ilves"]
    assert speakers(
        f"The late President Okonkwo saw this clearly when he told the Assembly: {said}"
    ) == ["Okonkwo"]
    # two people named: which one "he" means the text does not say
    assert speakers(f"Marta Ilves and Jonas Berg met in Oslo, where he said: {said}") == [""]
    assert speakers(f"I am reminded of Jonas Berg's Captain Hale when he said: {said}") == [""]
    # a country, a city or a body is no person
    assert speakers(f"The people of South Africa knew the cost when he said: {said}") == [""]
    assert speakers(f"At the talks in Rio de Janeiro our delegate spoke when he said: {said}") == [
        ""
    ]
    assert speakers(f"The United Nations was young when he said: {said}") == [""]
    # a title that gives the other gender: nobody
    assert speakers(f"We recall Mrs. Ilves, who spoke plainly when he said: {said}") == [""]
    assert speakers(f"We recall Mrs. Ilves, who spoke plainly when she said: {said}") == ["Ilves"]
    # a person named only inside a quote does not count
    assert speakers(f"The motto \u201cMarta Ilves lives\u201d was sung when he said: {said}") == [
        "",
        "",
    ]
    # the sentence's own subject is "he": a title or a pronoun, not the person named after it
    assert speakers(f"The Minister thanked Jonas Berg when he said: {said}") == [""]
    assert speakers(f"Our President met Jonas Berg in Oslo, and he said: {said}") == [""]
    assert speakers(f"He recalled Jonas Berg's words when he said: {said}") == [""]
    assert speakers(f"Jonas Berg's brother spoke when he said: {said}") == [""]
    assert speakers(f"For this reason, President Berg was right when he said: {said}") == ["Berg"]


def test_who_before_a_reporting_verb_means_the_name_right_before_it():
    said = "\u201cA treaty is a promise kept.\u201d"
    assert speakers(f"Let me recall Marta Ilves, who said: {said}") == ["Marta Ilves"]
    assert speakers(f"It was Jonas Berg who wrote: {said}") == ["Jonas Berg"]
    # titles and adverbs as before any reporting verb
    assert speakers(f"We honour the late President Okonkwo, who once said: {said}") == ["Okonkwo"]
    assert speakers(f"I side with Mr. Jonas Berg, who has rightly stated: {said}") == ["Jonas Berg"]
    assert speakers(f"I cite Jonas Berg, the Foreign Minister of Norway, who said: {said}") == [
        "Jonas Berg"
    ]


def test_who_after_a_place_or_a_description_names_no_person():
    said = "\u201cA treaty is a promise kept.\u201d"
    # a place after "in" or "from", and a description, which brings in someone new
    assert speakers(f"Our envoy met a farmer in Lower Tarsk who said: {said}") == [""]
    assert speakers(f"A letter came from Port Elvar, who said: {said}") == [""]
    assert speakers(f"I recall a wise old diplomat who said: {said}") == [""]
    # a country speaks as it does before any reporting verb
    country = speakers(f"The Republic of Tarsk said: {said}")
    assert speakers(f"We thank the Republic of Tarsk, who said: {said}") == country


def test_who_after_two_names_names_nobody():
    # "who" may mean the last name, both, or the friend: a reader could not say
    said = "\u201cA treaty is a promise kept.\u201d"
    assert speakers(f"I recall the friend of Marta Ilves and Jonas Berg, who said: {said}") == [""]
    assert speakers(f"I recall Marta Ilves or Jonas Berg, who said: {said}") == [""]


def test_who_after_an_appositive_means_the_name_before_it():
    # UN speeches: a name, an appositive that names no role (a teacher described by his
    # home town; a philosopher "recently deceased"), then "who said" gave nobody
    said = "\u201cA treaty is a promise kept.\u201d"
    assert speakers(f"I quote Tomas Varga, the humble poet of Lower Tarsk, who said: {said}") == [
        "Tomas Varga"
    ]
    assert speakers(f"Let us recall Sir Olaf Brenn, recently deceased, who wrote: {said}") == [
        "Olaf Brenn"
    ]
    assert speakers(f"I think of Anna Kovacs, Tarsk's great statesman, who said: {said}") == [
        "Anna Kovacs"
    ]
    # a line of the appositive may wrap
    assert speakers(f"We heed Jonas Berg, an adviser of\nlong standing, who wrote: {said}") == [
        "Jonas Berg"
    ]
    # a place, a body, a list or a place after "in" is no person
    assert speakers(f"We honour South Tarsk, a brave young nation, who said: {said}") == [""]
    assert speakers(f"A farmer in Lower Tarsk, a quiet village, who said: {said}") == [""]
    assert speakers(f"We thank Marta Ilves and Jonas Berg, our hosts, who said: {said}") == [""]


def test_whose_words_name_their_owner():
    said = "\u201cAn eye for an eye leaves us all blind.\u201d"
    assert speakers(f"We remember Mahatma Okonkwo, whose words still guide us: {said}") == [
        "Mahatma Okonkwo"
    ]
    assert speakers(f"We remember Okonkwo, whose words still guide us: {said}") == ["Okonkwo"]
    # whose other things say nothing
    assert speakers(f"We thank Okonkwo, whose wisdom guided us: {said}") == [""]


def test_a_titled_person_before_a_place_with_of_phrases_speaks_not_the_place():
    # UN speeches: "President <name> of the United Republic of <country> has said" gave
    # the country; the person speaks, as before a place of one word
    said = "\u201cThe poor cannot wait for the rich.\u201d"
    assert speakers(f"As President Okonkwo of the United Republic of Tarsk said: {said}") == [
        "Okonkwo"
    ]
    assert speakers(
        f"President Anna Kovacs of the Republic of Tarsk said: {said} "
        f"President Kovacs also said: {said}"
    ) == ["Anna Kovacs", "Anna Kovacs"]


def test_a_person_before_a_long_office_speaks():
    # UN speeches: "<name>, First Secretary of the Central Committee of the Party of ...
    # of <country>, said" gave nobody (a role was looked for only 9 words back)
    said = "\u201cOur policy is one of principle.\u201d"
    assert speakers(
        "Anna Berg, First Secretary of the Central Committee of the Party of Labour of Tarsk, "
        f"said: {said}"
    ) == ["Anna Berg"]
    # an office longer than the window before the verb, and an article before the office
    assert speakers(
        "Jonas K. Berg, General Secretary of the Central Committee of the Workers Party of "
        "the Union of Northern Tarsk and Chairman of the Presidium of the Supreme Council of "
        f"the Federal Union of the Northern and Southern Republics of Tarsk, has said: {said}"
    ) == ["Jonas K. Berg"]
    assert speakers(
        "As Anna Berg, the General Secretary of the Central Committee of the Party of Labour "
        f"of Tarsk, stated: {said}"
    ) == ["Anna Berg"]
    # a comma before "the <office>" that ends an opening phrase, or a sentence, is no name
    assert speakers(
        "Lastly, the Chairman of the Central Committee of the Party of Labour of Tarsk said: "
        f"{said}"
    ) == ["Chairman of the Central Committee of the Party of Labour of Tarsk"]
    assert speakers(
        "This is the way of the Tarsk State. Jonas K. Berg, First Secretary of the Central "
        "Committee of the Communist Party of the Union of Northern Tarsk and the Southern "
        f"Republics of Lower Tarsk, has said: {said}"
    ) == ["Jonas K. Berg"]


def test_an_office_of_a_country_speaks_as_the_office():
    # UN speeches: "the Chairman of the Council of Ministers of Cuba said" gave the office
    # but "the Prime Minister of the United Kingdom said" the country, and "the Ambassador
    # of the United States, who said" the country: one rule now, the office speaks
    said = "\u201cWe will never give up our freedom.\u201d"
    cases = {
        f"The Chairman of the Council of Ministers of Tarsk said: {said}": (
            "Chairman of the Council of Ministers of Tarsk"
        ),
        f"The Prime Minister of the United Kingdom said: {said}": (
            "Prime Minister of the United Kingdom"
        ),
        f"We thank the Ambassador of the United States, who said: {said}": (
            "Ambassador of the United States"
        ),
        f"According to the Head of State of Tarsk, {said}": "Head of State of Tarsk",
        f"The President of the Republic of Tarsk stated: {said}": (
            "President of the Republic of Tarsk"
        ),
        # the person set beside the office speaks
        f"Anna Berg, Head of State of Tarsk, urged: {said}": "Anna Berg",
        # a country as the subject, its Government, its delegation and its representative
        # are the country's own voice
        f"Tarsk said: {said}": "Tarsk",
        f"The Government of Tarsk said: {said}": "Tarsk",
        f"The State of Tarsk declared: {said}": "Tarsk",
        f"The Permanent Representative of Tarsk said: {said}": "Tarsk",
        # a rank before a name is no office
        f"General of the Army Jonas Berg stated: {said}": "Jonas Berg",
    }
    for text, speaker in cases.items():
        assert speakers(text) == [speaker], text
    # an office is no full name of its country: "Tarsk" later is the country
    assert speakers(f"The Prime Minister of Tarsk said: {said} Later Tarsk said: {said}") == [
        "Prime Minister of Tarsk",
        "Tarsk",
    ]
    # "he" and "the Prime Minister" after it mean the office
    assert speakers(
        f"The Prime Minister of Tarsk said: {said} The Prime Minister added: {said}"
    ) == [
        "Prime Minister of Tarsk",
        "Prime Minister of Tarsk",
    ]


def test_an_office_of_a_country_in_lower_case_speaks_as_the_capitalized_one_does():
    # "the foreign minister of Tarsk said" gave the country where "the Foreign Minister
    # of Tarsk said" gave the office (quoter 21); a representative is the country's voice
    # however it is written
    said = "\u201cWe will never give up our freedom.\u201d"
    cases = {
        f"The foreign minister of Tarsk said: {said}": "Foreign Minister of Tarsk",
        f"{said} the foreign minister of Tarsk said.": "Foreign Minister of Tarsk",
        f"According to the foreign minister of Tarsk, {said}": "Foreign Minister of Tarsk",
        f"The former president of Tarsk said: {said}": "President of Tarsk",
        f"The deputy prime minister of the United Republic of Tarsk said: {said}": (
            "Deputy Prime Minister of the United Republic of Tarsk"
        ),
        f"The representative of Tarsk said: {said}": "Tarsk",
        f"The Representative of Tarsk said: {said}": "Tarsk",
        f"The government of Tarsk said: {said}": "Tarsk",
        # an office spoken to is no speaker, in either case
        f"A letter to the foreign minister of Tarsk said: {said}": "",
        # the person set beside it speaks
        f"Anna Berg, the foreign minister of Tarsk, said: {said}": "Anna Berg",
    }
    for text, speaker in cases.items():
        assert speakers(text) == [speaker], text


def test_a_quoted_title_of_a_work_is_nobodys_statement():
    # UN speeches: a report's title in quotes after "in his report" was the
    # Secretary-General's, and a book's title after "in his book" its author's
    def quotes(text: str) -> list[tuple[str, str, str]]:
        return [(q.text, q.kind, q.speaker) for q in next(iter(from_texts([text]))).quotes]

    title = "A Charter for Tomorrow"
    for text in (
        f"The Secretary-General, in his report \u201c{title}\u201d, stressed the role of envoys.",
        f"In \u201c{title}\u201d, the Secretary-General stressed the role of envoys.",
        f"As the Secretary-General noted in his \u201c{title}\u201d, envoys matter.",
        f"Tarsk said the Secretary-General's \u201c{title}\u201d was a good start.",
        f"Anna Berg wrote in the essay entitled \u201c{title}\u201d that envoys matter.",
    ):
        assert quotes(text) == [(title, "fragment", "")], text
    # the statement after a book's title is its author's
    assert quotes(
        "As Anna Berg wrote in her book \u201cRivers of the North\u201d, \u201cwe all live "
        "downstream of someone.\u201d"
    ) == [
        ("Rivers of the North", "fragment", ""),
        ("we all live downstream of someone.", "fragment", "Anna Berg"),
    ]
    # a name given to a thing "as X called it", and a term after "the", stay X's
    assert quotes(
        "We join this \u201cReform Assembly\u201d, as the Secretary-General has called it."
    ) == [("Reform Assembly", "fragment", "Secretary-General")]
    assert quotes("Lavrov said the \u201cSpecial Operation\u201d was over.") == [
        ("Special Operation", "fragment", "Lavrov")
    ]


def test_the_author_speaks_not_the_work_named_between_them_and_the_verb():
    # UN speeches: "<author>, in his <work>, asked" gave the work's title as the speaker
    # (a book of an emperor's, a Nobel lecture) and the author nothing
    said = "\u201cNo wall stands for ever.\u201d"
    cases = {
        f"Marta Ilves, in her Letters from Tarsk, asked: {said}": "Marta Ilves",
        f"And Olaf Brenn, in his Nobel Lecture, said: {said}": "Olaf Brenn",
        f"President Jonas Berg, in his book entitled The Northern Way, said that {said}": (
            "Jonas Berg"
        ),
        f"Immanuel Okonkwo, in an essay dated 1790, stated: {said}": "Immanuel Okonkwo",
        f"The Secretary-General, in a statement during his visit, said: {said}": (
            "Secretary-General"
        ),
        # the subject before the phrase is read as before any verb
        f"The Prime Minister of Tarsk, in a letter to me, wrote: {said}": (
            "Prime Minister of Tarsk"
        ),
        f"Anna Kovacs, the foreign minister, in her speech, said: {said}": "Anna Kovacs",
        # a place after "in" is no work: the subject is not set off from its verb
        f"Anna Kovacs met us, and in Geneva, said: {said}": "",
    }
    for text, speaker in cases.items():
        assert speakers(text) == [speaker], text


def test_a_name_after_an_article_is_a_thing_not_the_person_he_means():
    # "Leaders welcomed the Camp David accords, when he said" gave "Camp David": the only
    # two capitalized words of the sentence, but a place named in a thing's name
    said = "\u201cThis is a day of hope for all of us.\u201d"
    assert speakers(f"Leaders welcomed the Camp Tarsk accords, when he said: {said}") == [""]
    assert speakers(f"The Berg Ridge talks ended well, when he said: {said}") == [""]
    # ... so the one person named beside such a name is the one "he" means
    assert speakers(
        f"The Special Envoy of the Upper Tarsk Republic, Mr. Jonas Berg, resigned when he said: "
        f"{said}"
    ) == ["Jonas Berg"]
    # a title after the article still makes a person; "that" may open a clause
    okonkwo = f"We recall the late President Okonkwo, who was right when he said: {said}"
    assert speakers(okonkwo) == ["Okonkwo"]
    assert speakers(f"It showed that Marta Ilves was right when she said: {said}") == [
        "Marta Ilves"
    ]


def test_a_person_named_with_an_article_is_the_person_he_means():
    # quoter 17 took every untitled name after an article for a thing, and lost persons
    # whom the article belongs to: their style, or a name made the type of its time
    said = "\u201cThis is a day of hope for all of us.\u201d"
    cases = {
        f"We recall the Dalai Lama when he said: {said}": "Dalai Lama",
        f"We honour the Aga Khan, who was right when he said: {said}": "Aga Khan",
        f"Our region needs a Mahatma Gandhi, as he said: {said}": "Mahatma Gandhi",
        f"The Nelson Mandela of our time spoke plainly when he said: {said}": "Nelson Mandela",
        f"We remember the Right Honourable Jonas Berg when he said: {said}": "Jonas Berg",
        f"We remember the Reverend Marta Ilves when she said: {said}": "Marta Ilves",
    }
    for text, speaker in cases.items():
        assert speakers(text) == [speaker], text


def test_a_thing_named_with_an_article_is_nobody_he_means():
    # a name that modifies a lower-case noun, a name ending in a word of a document, a
    # body or an office, and any other untitled name after an article name no person
    said = "\u201cThis is a day of hope for all of us.\u201d"
    for text in [
        f"Leaders welcomed the Camp Tarsk accords, when he said: {said}",
        f"Leaders welcomed the Tarsk Final Act process, when he said: {said}",
        f"Leaders welcomed the Jonas Berg era, when he said: {said}",
        f"Leaders welcomed the Marsh Plan, when he said: {said}",
        f"Leaders welcomed the Orvik Protocol, when he said: {said}",
        f"Leaders welcomed the Dalai Lama visit, when he said: {said}",
        f"Leaders welcomed the Aga Khan Covenant, when he said: {said}",
        f"Leaders left the Tarsk Strip when he said: {said}",
        f"We praised the Green Crescent when she said: {said}",
        f"We praised the Special Rapporteur when she said: {said}",
    ]:
        assert speakers(text) == [""], text
    # ... so the one person named beside them is the one "he" means
    assert speakers(
        f"We thanked the Special Rapporteur, Mr. Jonas Berg, who resigned when he said: {said}"
    ) == ["Jonas Berg"]
    assert speakers(
        f"Under the Orvik Protocol, Ambassador Berg was right when he said: {said}"
    ) == ["Berg"]


def test_a_description_in_lower_case_before_the_name_after_the_verb():
    # news trial: a lower-case title between the verb and the name gave nobody, or the
    # first capitalized word of the description ("Kestrian")
    said = "\u201cThe harbour stays closed until spring,\u201d"
    cases = {
        f"{said} said spokesperson Ilse Varga.": "Ilse Varga",
        f"{said} said ministry spokesperson Ilse Varga.": "Ilse Varga",
        f"{said} said Kestrian foreign ministry spokesperson Ilse Varga.": "Ilse Varga",
        f"{said} said the spokesperson, Ilse Varga.": "Ilse Varga",
        f"{said} said the ministry's spokesperson, Ilse Varga, on Monday.": "Ilse Varga",
        f"{said} said a spokesman for the ministry, Jonas Eklund.": "Jonas Eklund",
        f"{said} said the Kestrian foreign minister, Mira Sandoval.": "Mira Sandoval",
        f"{said} according to the ministry spokesperson, Ilse Varga.": "Ilse Varga",
        f"{said} according to a spokesman for the ministry, Jonas Eklund.": "Jonas Eklund",
        # any noun after a determiner, set off by commas; an occupation right before it
        f"{said} said their lawyer, Ana Kos.": "Ana Kos",
        f"{said} said lawyer Ana Kos.": "Ana Kos",
        # the forms that worked before still work
        f"{said} said Ilse Varga.": "Ilse Varga",
        f"{said} said Ilse Varga, the spokesperson.": "Ilse Varga",
        f"{said} said Foreign Minister Mira Sandoval.": "Mira Sandoval",
        f"{said} according to spokesperson Ilse Varga.": "Ilse Varga",
        f"Spokesperson Ilse Varga said: {said}": "Ilse Varga",
        f"Ilse Varga, a ministry spokeswoman, said: {said}": "Ilse Varga",
        f"A spokesman for the ministry, Jonas Eklund, said: {said}": "Jonas Eklund",
        # a clause after the comma is no name, and a blank line ends the description
        f"{said} said the minister, Kestria would wait.": "",
        f"{said} said the spokesperson\n\nMinister Sandoval spoke next.": "",
    }
    for text, speaker in cases.items():
        assert speakers(text) == [speaker], text


def test_said_the_minister_refers_back_as_the_minister_said_does():
    said = "\u201cThe harbour stays closed until spring,\u201d"
    lund = "Defence Minister Erik Lund spoke first."
    assert speakers(f"{lund} {said} said the minister.") == ["Erik Lund"]
    assert speakers(f"{lund} {said} the minister said.") == ["Erik Lund"]
    assert speakers(f"Erik Lund said no. {said} according to the spokesperson.") == ["Erik Lund"]
    # nobody named: nobody, as before
    assert speakers(f"{said} said the minister.") == [""]


def test_a_body_or_office_in_lower_case_speaks_as_its_capitalized_form_does():
    # news trial: "the Kestrian foreign ministry said" gave nobody where "the Kestrian
    # Foreign Ministry said" gave the ministry; news style writes bodies in lower case
    said = "\u201cWe regret the incident at the border,\u201d"
    cases = {
        f"{said} the Kestrian foreign ministry said.": "Kestrian Foreign Ministry",
        f"{said} the Kestrian Foreign Ministry said.": "Kestrian Foreign Ministry",
        f"The Kestrian foreign ministry said: {said}": "Kestrian Foreign Ministry",
        f"{said} Kestria's foreign ministry said.": "Kestria's Foreign Ministry",
        f"{said} Kestria's Foreign Ministry said.": "Kestria's Foreign Ministry",
        f"Kestria's foreign minister said on Monday that {said}": "Kestria's Foreign Minister",
        f"{said} the Kestrian foreign minister said.": "Kestrian Foreign Minister",
        f"{said} the Norland embassy in Kestria said.": "Norland Embassy",
        f"{said} said the Kestrian foreign ministry.": "Kestrian Foreign Ministry",
        f"{said} according to the Kestrian foreign ministry.": "Kestrian Foreign Ministry",
        f"{said} according to Norland's embassy.": "Norland's Embassy",
        # a phrase that says where it was said is read past, as ", in his report," is
        f"The Kestrian foreign ministry, in a statement, said it {said}": (
            "Kestrian Foreign Ministry"
        ),
        f"The Kestrian Foreign Ministry, in a statement, said it {said}": (
            "Kestrian Foreign Ministry"
        ),
        f"Norland's embassy, in Tuesday's statement, said it {said}": "Norland's Embassy",
        f"The ministry, in remarks to reporters, said it {said}": "",
        f"Erik Lund, speaking to reporters, said: {said}": "Erik Lund",
        # an office that describes the speaker in an appositive does not speak
        f"Mira Sandoval, Kestria's foreign minister, said: {said}": "Mira Sandoval",
        # no owner: a description (see test_the_ministry_means_the_body_last_named)
        f"{said} the foreign ministry said.": "",
        f"{said} the government said.": "",
    }
    for text, speaker in cases.items():
        assert speakers(text) == [speaker], text


def test_a_ministry_named_by_its_portfolio_speaks_as_the_foreign_ministry_does():
    # "the Kestrian Ministry of Foreign Affairs said" gave nobody where "the Kestrian
    # Foreign Ministry said" gave the ministry (quoter 21)
    said = "\u201cWe regret the incident at the border,\u201d"
    cases = {
        f"{said} the Kestrian Ministry of Foreign Affairs said.": (
            "Kestrian Ministry of Foreign Affairs"
        ),
        f"The Kestrian Ministry of Foreign Affairs said: {said}": (
            "Kestrian Ministry of Foreign Affairs"
        ),
        f"{said} said the Kestrian Ministry of Foreign Affairs.": (
            "Kestrian Ministry of Foreign Affairs"
        ),
        f"{said} the Kestrian ministry of foreign affairs said.": (
            "Kestrian Ministry of Foreign Affairs"
        ),
        f"{said} Kestria's Ministry for Foreign Affairs and Trade said.": (
            "Kestria's Ministry for Foreign Affairs and Trade"
        ),
        f"The Kestrian Ministry of Foreign Affairs, in a statement, said it {said}": (
            "Kestrian Ministry of Foreign Affairs"
        ),
        # no owner: as "the Foreign Ministry said", the name capitalized, nobody in
        # lower case
        f"{said} the Ministry of Foreign Affairs said.": "Ministry of Foreign Affairs",
        f"{said} the ministry of foreign affairs said.": "",
    }
    for text, speaker in cases.items():
        assert speakers(text) == [speaker], text
    # either form means the body named in the other
    named = "The Kestrian Ministry of Foreign Affairs said talks would go on."
    for later in ("the ministry", "the foreign ministry", "the Foreign Ministry"):
        assert speakers(f"{named} {said} {later} added.") == [
            "Kestrian Ministry of Foreign Affairs"
        ], later
    assert speakers(
        f"The Kestrian foreign ministry said talks would go on. {said} the Ministry of "
        "Foreign Affairs added."
    ) == ["Kestrian Foreign Ministry"]
    # a body: "she" means the person named before it
    assert speakers(
        f"Mira Sandoval said no. The Kestrian Ministry of Foreign Affairs said yes. {said} "
        "she said."
    ) == ["Mira Sandoval"]


def test_a_capitalized_office_as_a_sentence_subject_names_its_holder_set_off_after_it():
    # "Valdoria's Foreign Minister, Elena Marsh, arrived." gave "she" nobody to mean,
    # where the lower-case "foreign minister" named her (quoter 21)
    she = "\u201cThat was the moment we knew,\u201d she said."
    for office in ("foreign minister", "Foreign Minister", "former Foreign Minister"):
        text = f"Valdoria's {office}, Elena Marsh, was more guarded. {she}"
        assert speakers(text) == ["Elena Marsh"], text


def test_an_office_after_its_owner_means_the_person_in_reach_else_the_office():
    # "The Russian foreign minister dismissed ..." in a report that named the minister
    # just before is the minister, as "the minister" is; capitalized or not (since
    # quoter 20 only when the text gave the person that owner: see the next test)
    said = "\u201ca distraction from real diplomacy\u201d"
    opening = "Kestria's Mira Sandoval spoke in Malden on Monday."
    for office in ("Kestrian foreign minister", "Kestrian Foreign Minister"):
        text = f"{opening} The {office} dismissed the plan as {said}."
        assert speakers(text) == ["Mira Sandoval"], office
    # nobody in reach, or only a body: the office
    assert speakers(f"The Kestrian foreign minister dismissed the plan as {said}.") == [
        "Kestrian Foreign Minister"
    ]
    assert speakers(
        f"The Kestrian foreign ministry said talks would go on. Kestria's foreign minister "
        f"dismissed the plan as {said}."
    ) == ["Kestria's Foreign Minister"]


def test_the_ministry_means_the_body_last_named():
    said = "\u201cWe regret the incident at the border,\u201d"
    assert speakers(
        f"The Kestrian foreign ministry said talks would go on. {said} the ministry added."
    ) == ["Kestrian Foreign Ministry"]
    # a person named since is no ministry; "said the ministry" and "the foreign ministry"
    assert speakers(
        f"Kestria's foreign ministry said talks would go on. Envoy Erik Lund agreed. "
        f"{said} said the foreign ministry."
    ) == ["Kestria's Foreign Ministry"]
    # the capitalized form too, which keeps its name when none was named
    assert speakers(
        f"The Kestrian Foreign Ministry said talks would go on. {said} the Foreign Ministry said."
    ) == ["Kestrian Foreign Ministry"]
    assert speakers(f"{said} the Foreign Ministry said.") == ["Foreign Ministry"]
    # named too far back: nobody
    assert speakers(
        "The Kestrian foreign ministry said talks would go on. Talks went on. Nothing "
        f"changed. Nobody came. {said} the ministry said."
    ) == [""]
    # "she" after a body means the person named before it, not the body
    assert speakers(f"Mira Sandoval said no. The Norland embassy said yes. {said} she said.") == [
        "Mira Sandoval"
    ]


def test_it_means_the_last_body_named_in_reach():
    # "“…,” it said." after "The Kestrian Foreign Ministry issued a statement." gave
    # nobody (quoter 21): "it" is a body's, never a person's
    said = "\u201cWe reject the claims,\u201d it said."
    cases = {
        "The Kestrian Foreign Ministry issued a statement on Monday.": (
            "Kestrian Foreign Ministry"
        ),
        "The Kestrian foreign ministry issued a statement on Monday.": (
            "Kestrian Foreign Ministry"
        ),
        "The Kestrian Ministry of Foreign Affairs summoned the ambassador.": (
            "Kestrian Ministry of Foreign Affairs"
        ),
        "Kestria's foreign ministry, in a post on social media, rejected the report.": (
            "Kestria's Foreign Ministry"
        ),
        "The Norland embassy in Kestria issued a statement.": "Norland Embassy",
        "The Kestrian news agency reported the talks.": "Kestrian News Agency",
        "The Kestrian Security Council met on Monday.": "Kestrian Security Council",
        "The Kestrian Foreign Ministry said the talks were over.": "Kestrian Foreign Ministry",
        # a person named since is no "it"
        "The Kestrian Foreign Ministry issued a statement. Foreign Minister Mira Sandoval "
        "was abroad.": "Kestrian Foreign Ministry",
        # no body, or one named too far back: nobody
        "Foreign Minister Mira Sandoval spoke on Monday.": "",
        "The report was published on Monday.": "",
        "The Kestrian Foreign Ministry issued a statement. Talks went on. Nothing changed. "
        "Nobody came.": "",
    }
    for opening, speaker in cases.items():
        assert speakers(f"{opening} {said}") == [speaker], opening
    # any reporting verb, and "It said:" before the quote
    assert speakers(
        "The Kestrian Foreign Ministry issued a statement. \u201cWe reject the claims,\u201d "
        "it added."
    ) == ["Kestrian Foreign Ministry"]
    assert speakers(
        "The Kestrian Foreign Ministry issued a statement. It said: \u201cWe reject the "
        "claims.\u201d"
    ) == ["Kestrian Foreign Ministry"]
    # "the ministry" means a body named as a sentence's subject too
    assert speakers(
        "The Kestrian Foreign Ministry issued a statement on Monday. \u201cWe reject the "
        "claims,\u201d the ministry said."
    ) == ["Kestrian Foreign Ministry"]
    # "It said ..." reports the body's speech, which a quote after it goes on from
    assert speakers(
        "The Kestrian Foreign Ministry issued a statement on Monday. It said the claims were "
        "false. \u201cWe reject them.\u201d"
    ) == ["Kestrian Foreign Ministry"]
    # a body as a subject gives "she" no one: the person named before it
    assert speakers(
        "Mira Sandoval spoke on Monday. The Kestrian Foreign Ministry issued a statement. "
        "\u201cWe reject the claims,\u201d she said."
    ) == ["Mira Sandoval"]


def test_he_and_she_reach_across_short_paragraphs():
    # news trial: news paragraphs are a sentence or two, and "she" in the next one
    # still means the person just named
    said = "\u201cThat was the moment the talks turned,\u201d she said."
    assert speakers(
        "Foreign Minister Mira Sandoval arrived in Malden on Friday.\n\n"
        f"She said the release of the fishermen was a first step. {said}"
    ) == ["Mira Sandoval"]
    # a sentence that opens with a quote mark is the quoted speaker's, not one more of the
    # paragraph's (quoter 20)
    assert speakers(
        "Foreign Minister Mira Sandoval arrived in Malden on Friday.\n\n"
        "The talks were hard. She said the release was a first step. \u201cWe knew it then.\u201d"
        "\n\nAsked about the quotas, she said: \u201cI expect difficult numbers.\u201d"
    ) == ["Mira Sandoval", "Mira Sandoval"]
    # still at most two sentences back ...
    assert speakers(
        "Foreign Minister Mira Sandoval arrived in Malden on Friday.\n\n"
        f"The talks lasted all night.\n\nNobody slept. {said}"
    ) == [""]
    # ... and not after a paragraph of a speech's length, in sentences or in characters
    after = f"\n\nShe said the release was a first step. {said}"
    assert speakers(
        f"The talks lasted all night. Nobody slept. Foreign Minister Mira Sandoval arrived "
        f"on Friday.{after}"
    ) == [""]
    long_sentence = "The talks went on " + "and on " * 60 + "until Friday."
    assert speakers(f"{long_sentence} Foreign Minister Mira Sandoval arrived.{after}") == [""]


def test_a_full_name_as_a_sentence_subject_is_remembered_without_a_title():
    # news trial: "Dana Kowal struck a conciliatory tone. “…,” she said." gave nobody;
    # a title or an appositive was needed
    said = "\u201cWe can talk again next week,\u201d she said."
    assert speakers(f"Dana Kowal struck a conciliatory tone after the vote. {said}") == [
        "Dana Kowal"
    ]
    assert speakers(f"Later Dana Kowal met the envoy. {said}") == ["Dana Kowal"]
    # a past form that does not end in -ed, after a title too
    assert speakers(f"President Dana Kowal flew to Malden. {said}") == ["Dana Kowal"]
    # places and things named with two words are no persons, nor is an adjective
    # before a plural noun
    for subject in ("South Tarsk rejected the plan.", "Several Kestrian leaders resigned."):
        assert speakers(f"{subject} {said}") == [""], subject
    # a present in -s may be a plural noun: only past forms count without a title
    assert speakers(f"Dana Kowal arrives today. {said}") == [""]


def test_a_surname_as_a_sentence_subject_means_the_person_named_in_full_before():
    # news trial: "Aalto rejected the criticism. “…,” he said." gave nobody
    said = "\u201cNobody lost today,\u201d he said."
    opening = (
        "Prime Minister Henrik Aalto faced questions in parliament on Tuesday. The session "
        "lasted four hours. Opposition members walked out twice.\n\n"
    )
    assert speakers(f"{opening}Aalto rejected the criticism. {said}") == ["Henrik Aalto"]
    # named in full as an object, after a title: the full name too
    text = (
        "Kestrian President Olga Strand met Prime Minister Marek Holt in Malden.\n\n"
        "Holt said the meeting was useful. \u201cWe have built trust,\u201d he said.\n\n"
        "Strand was more cautious. \u201cTrust takes time,\u201d she said. "
        "\u201cWe will see,\u201d Holt said."
    )
    assert speakers(text) == ["Marek Holt", "Olga Strand", "Marek Holt"]
    # a rank before the surname is no first name
    assert speakers(
        f"The drill was led by General Erik Lund. General Lund rejected the criticism. {said}"
    ) == ["Erik Lund"]
    # a single word nobody was named with is no person: a country, say
    assert speakers(f"Kestria rejected the criticism. {said}") == [""]
    # a capitalized word that opens a sentence is no first name
    assert speakers(
        f"Since Kestria joined the pact, trade has grown. Kestria rejected the criticism. {said}"
    ) == [""]


# A small news set (invented outlets, places and names) for the news trial's patterns:
# lower-case titles before a name after the verb, bodies in lower case or the possessive,
# "she" across short paragraphs, a surname or a full name as a sentence's subject without
# a title. Each article comes with the speaker a reader names for each of its quotes (""
# where nobody can be named). Quoter 17 attributed 5 of these 24 quotes (4 right, and
# "Holt" for Marek Holt); quoter 18 attributes 23, all right. The last two articles came
# with quoter 20: quoter 19 named 1 of their 6 quotes (the office; the others nobody),
# quoter 20 names all 6. The two after them came with quoter 21: quoter 20 named 2 of
# their 4 quotes, both wrongly ("Valdoria" for its foreign minister, "Anna" for Anna M.
# Berg); quoter 21 names all 4. The last three came with quoter 22: quoter 21 named 1 of
# their 8 quotes (the office "Kestrian Prime Minister", whose holder the text named);
# quoter 22 names all 8.
_NEWS_ARTICLES = [
    (
        "Kestria will close its northern fishing grounds for two years, the government "
        "announced on Monday.\n\n"
        "\u201cThis is a decision for the fish, not against the fishermen,\u201d said "
        "spokesperson Ilse Varga.\n\n"
        "Crews protested in the port of Malden. \u201cWe were not asked,\u201d said union "
        "leader Tomasz Reiner.",
        ["Ilse Varga", "Tomasz Reiner"],
    ),
    (
        "Brevonia recalled its ambassador to Kestria on Tuesday.\n\n"
        "\u201cThe ambassador has been called home for consultations,\u201d said foreign "
        "ministry spokesperson Amara Okoye.\n\n"
        "Kestria played the move down. \u201cWe regret the decision, but our door stays "
        "open,\u201d said the Kestrian spokesperson, Lukas Fenn.",
        ["Amara Okoye", "Lukas Fenn"],
    ),
    (
        "\u201cWe regret the misunderstanding and consider the matter closed,\u201d the "
        "Kestrian foreign ministry said in a statement.\n\n"
        "The Brevonian foreign ministry said: \u201cOur citizens were detained without "
        "cause.\u201d\n\n"
        "\u201cWe expect an apology,\u201d the ministry added.",
        ["Kestrian Foreign Ministry", "Brevonian Foreign Ministry", "Brevonian Foreign Ministry"],
    ),
    (
        "\u201cNothing has been agreed yet,\u201d Brevonia's foreign ministry said on "
        "Wednesday.\n\n"
        "Kestria's foreign minister said on Thursday that the talks would go on and that "
        "\u201cnothing will be decided without the fishermen.\u201d",
        ["Brevonia's Foreign Ministry", "Kestria's Foreign Minister"],
    ),
    (
        "The Kestrian foreign ministry, in a statement, said it \u201cregrets the incident at "
        "the border crossing\u201d.\n\n"
        "Norland's embassy, in a post on social media, said it was \u201cfollowing the case "
        "closely\u201d.",
        ["Kestrian Foreign Ministry", "Norland's Embassy"],
    ),
    (
        "Foreign Minister Mira Sandoval arrived in Malden on Friday.\n\n"
        "She said the release of the fishermen was a first step. \u201cThat was the moment "
        "the talks turned,\u201d she said.\n\n"
        "Sandoval travels on to Brevonia next week.",
        ["Mira Sandoval"],
    ),
    (
        "Prime Minister Henrik Aalto faced questions in parliament on Tuesday. The session "
        "lasted four hours. Opposition members walked out twice.\n\n"
        "Aalto rejected the criticism. \u201cNobody lost today,\u201d he said.",
        ["Henrik Aalto"],
    ),
    (
        "Dana Kowal struck a conciliatory tone after the vote. \u201cWe can talk again next "
        "week,\u201d she said.",
        ["Dana Kowal"],
    ),
    (
        "The border will reopen on Monday, according to spokesperson Rafael Ibarra. "
        "\u201cTrucks will pass first,\u201d he said.\n\n"
        "A spokesman for the ministry, Jonas Eklund, said: \u201cPassengers will follow.\u201d",
        ["Rafael Ibarra", "Jonas Eklund"],
    ),
    (
        "Nadia Brandt, a ministry spokeswoman, said: \u201cThe fees will be waived for "
        "everyone.\u201d\n\n"
        "\u201cWe are grateful for the gesture,\u201d said Pavel Morozov, the mayor of Malden.",
        ["Nadia Brandt", "Pavel Morozov"],
    ),
    (
        "The Norland embassy in Kestria said its staff were safe. \u201cAll our diplomats are "
        "accounted for,\u201d the embassy said.\n\n"
        "Asked about the protests, the spokesperson declined to comment.",
        ["Norland Embassy"],
    ),
    (
        "Kestrian President Olga Strand met Brevonian Prime Minister Marek Holt in Malden on "
        "Saturday.\n\n"
        "Holt said the meeting was useful. \u201cWe have built trust,\u201d he said.\n\n"
        "Strand was more cautious. \u201cTrust takes time,\u201d she said.",
        ["Marek Holt", "Olga Strand"],
    ),
    (
        "Kestria and Brevonia signed the accord in Malden.\n\n"
        "\u201cThis is a good day for both our peoples,\u201d he said.",
        [""],
    ),
    (
        "Defence Minister Erik Lund spoke to reporters after the drill. The exercise will be "
        "repeated in spring, the ministry said.\n\n"
        "Lund, speaking at a news conference, said: \u201cOur forces are ready for "
        "anything.\u201d\n\n"
        "\u201cThe drill went well,\u201d said the minister.",
        ["Erik Lund", "Erik Lund"],
    ),
    # quoter 20 (a re-check after quoter 18): an office with an owner, an opening phrase
    # before a subject, a quote after reported speech, a description before a set-off name
    (
        "Valdorian Foreign Minister Elena Marsh arrived in Vienna on Monday for talks with "
        "her Ostrian counterpart, Karel Duvnjak.\n\n"
        "In the afternoon, Duvnjak struck a conciliatory tone. \u201cI have spoken with "
        "them,\u201d he said.\n\n"
        "The Valdorian foreign minister was more guarded. She said the release of the "
        "trawler crews had been the turning point. \u201cThat was the moment we knew.\u201d\n\n"
        "Asked about the fishing quotas, she said: \u201cI expect difficult numbers.\u201d",
        ["Karel Duvnjak", "Elena Marsh", "Elena Marsh"],
    ),
    (
        "\u201cThe stocks are recovering, but slowly,\u201d said the commission's chair, the "
        "Norwegian marine biologist Ingrid Sola.\n\n"
        "Ostria's fisheries minister, Tomas Brenner, disagreed. \u201cOur fleets have waited "
        "long enough,\u201d he said.\n\n"
        "Meanwhile, the Valdorian fisheries minister said the quotas were \u201cnot "
        "negotiable.\u201d",
        ["Ingrid Sola", "Tomas Brenner", "Valdorian Fisheries Minister"],
    ),
    # quoter 21: "it said" after a body, a ministry named by its portfolio, an office of
    # a country in lower case, a middle initial, a quote opening the paragraph after
    # reported speech
    (
        "The Ostrian Ministry of Foreign Affairs summoned the Valdorian ambassador on "
        "Tuesday.\n\n"
        "\u201cThe incursion was a grave breach of our waters,\u201d it said in a statement.\n\n"
        "The foreign minister of Valdoria said the patrol boat had lost its way in fog. "
        "\u201cWe regret the confusion,\u201d he added.",
        ["Ostrian Ministry of Foreign Affairs", "Foreign Minister of Valdoria"],
    ),
    (
        "Fishing talks resumed in Malden on Monday.\n\n"
        "The quota commission met behind closed doors for six hours.\n\n"
        "The commission's chairman, Tomas K. Varga, said the stocks were recovering.\n\n"
        "\u201cWe are not there yet.\u201d\n\n"
        "\u201cThe fleets must wait,\u201d said Anna M. Berg of the fishermen's union.",
        ["Tomas K. Varga", "Anna M. Berg"],
    ),
    (
        "Kestria and Valdoria ended a second round of fishing talks in Malden on Thursday "
        "without a deal.\n\n"
        "Valdorian fisheries minister Jan Marsh left the talks early.\n\n"
        "\u201cWe came with an open hand and leave with an empty net,\u201d she said.\n\n"
        "\u201cThe quotas are final,\u201d said the foreign minister of Kestria.\n\n"
        "The Ministry of Foreign Affairs of Kestria said the offer would stay on the table. "
        "\u201cOur door remains open,\u201d the ministry added.\n\n"
        "After the talks, the Security Council issued a statement in which it said "
        "\u201call parties must refrain from unilateral steps.\u201d",
        [
            "Jan Marsh",
            "Foreign Minister of Kestria",
            "Ministry of Foreign Affairs of Kestria",
            "Security Council",
        ],
    ),
    (
        "Kestrian prime minister Olaf Brandt flew to Valdoria on Monday for talks on the "
        "disputed border.\n\n"
        "\u201cWe will not give up a metre of our land,\u201d the Kestrian prime minister told "
        "reporters at the airport.\n\n"
        "The prime minister's office later said the visit would last two days.\n\n"
        "\u201cThe talks are about trust,\u201d said the Foreign Minister of Valdoria.\n\n"
        "On Tuesday, Valdorian foreign minister Ana Ruiz met Brandt at the border post.\n\n"
        "\u201cWe agreed to keep talking,\u201d she said.",
        ["Olaf Brandt", "Foreign Minister of Valdoria", "Ana Ruiz"],
    ),
    (
        "Fisheries minister Jan Marsh said on Friday that the northern bay would close for a "
        "year.\n\n\u201cWe have no choice.\u201d",
        ["Jan Marsh"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _NEWS_ARTICLES)
def test_news_articles(text, expected):
    assert speakers(text) == expected


def test_an_owned_office_means_the_person_in_reach_only_with_that_owner():
    # news re-check: "the Valdorian foreign minister" gave the person last named, though
    # the text never gave that person the owner (quoter 20)
    office = "The Valdorian foreign minister said relations were \u201cstronger than before.\u201d"
    for intro in (
        "Karel Duvnjak arrived in Vienna on Monday.",
        "Ostrian Foreign Minister Karel Duvnjak arrived in Vienna on Monday.",
        "Karel Duvnjak, Ostria's foreign minister, arrived in Vienna on Monday.",
        "Karel Duvnjak met Valdorian officials in Vienna on Monday.",
    ):
        assert speakers(f"{intro} {office}") == ["Valdorian Foreign Minister"], intro
    # introduced with that owner, as a nationality or a possessive, before or after the
    # name, or as the country whose stance the person restates
    for intro in (
        "Valdorian Foreign Minister Elena Marsh arrived in Vienna on Monday.",
        "Valdoria's Foreign Minister Elena Marsh arrived in Vienna on Monday.",
        "Elena Marsh, Valdoria's foreign minister, arrived in Vienna on Monday.",
        "Elena Marsh, the Valdorian foreign minister, arrived in Vienna on Monday.",
        "Valdoria's Elena Marsh arrived in Vienna on Monday.",
        "Elena Marsh reiterated Valdoria's stance on the quotas.",
    ):
        assert speakers(f"{intro} {office}") == ["Elena Marsh"], intro
    possessive = "Valdoria's foreign minister said relations were \u201cstronger than before.\u201d"
    assert speakers(f"Valdorian Foreign Minister Elena Marsh arrived. {possessive}") == [
        "Elena Marsh"
    ]
    # named in full with the owner earlier, by surname since; or another person named
    # since, who has another owner: the one with that owner, while in reach
    assert speakers(
        "Valdorian Foreign Minister Elena Marsh arrived in Vienna on Monday.\n\n"
        f"Marsh met the press. {office}"
    ) == ["Elena Marsh"]
    assert speakers(
        "Valdorian Foreign Minister Elena Marsh met Ostrian Foreign Minister Karel Duvnjak. "
        f"Duvnjak spoke first. {office}"
    ) == ["Elena Marsh"]
    # nobody in reach: the office, as before
    assert speakers(office) == ["Valdorian Foreign Minister"]
    # one person holds an office with an owner: named with that owner and that office,
    # the holder however far back; with that owner and another office, not
    later = "Talks went on. Nothing changed. Nobody came."
    assert speakers(
        f"Valdorian Foreign Minister Elena Marsh arrived in Vienna. {later} {office}"
    ) == ["Elena Marsh"]
    assert speakers(f"Valdorian President Olga Strand arrived in Vienna. {office}") == [
        "Valdorian Foreign Minister"
    ]
    # as a sentence's subject with no reporting verb, the office gives "she" its holder,
    # or the office when there is none; its holder set off after it is named there
    she = "\u201cThat was the moment we knew,\u201d she said."
    assert speakers(
        f"Valdorian Foreign Minister Elena Marsh arrived in Vienna. {later}\n\n"
        f"The Valdorian foreign minister was more guarded. {she}"
    ) == ["Elena Marsh"]
    assert speakers(f"Valdoria's foreign minister was more guarded. {she}") == [
        "Valdoria's Foreign Minister"
    ]
    assert speakers(f"Valdoria's fisheries minister, Ingrid Sola, was more guarded. {she}") == [
        "Ingrid Sola"
    ]


def test_a_short_opening_phrase_may_stand_before_a_sentence_subject():
    # news re-check: "In Ostria, Karel Duvnjak struck a conciliatory tone." gave "he"
    # nobody to mean, while "Karel Duvnjak struck ..." did (quoter 20)
    said = "\u201cI have spoken with them,\u201d he said."
    for opening in ("In Ostria,", "On Monday,", "Later,", "Meanwhile,", "After the talks,"):
        for subject in ("Karel Duvnjak", "Ostrian Foreign Minister Karel Duvnjak"):
            text = f"{opening} {subject} struck a conciliatory tone. {said}"
            assert speakers(text) == ["Karel Duvnjak"], text
    assert speakers(f"In the capital, Mr. Duvnjak struck a conciliatory tone. {said}") == [
        "Duvnjak"
    ]
    # an appositive after the name is still read as one
    assert speakers(f"Karel Duvnjak, Ostria's envoy, struck a conciliatory tone. {said}") == [
        "Karel Duvnjak"
    ]
    # after the opening, still a subject and its verb: not a list, not a place
    assert speakers(f"In Ostria, Valdoria and Kestria, talks stalled. {said}") == [""]
    assert speakers(f"On Monday, South Tarsk rejected the plan. {said}") == [""]


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from(
            [" ", ", ", ". ", "\n", "\u201c", "In", "On", "The", "the", "We", "capital"]
            + ["Monday", "Later", "Karel Duvnjak", "Duvnjak", "Foreign Minister", "Mr."]
            + ["struck", "met", "arrives", "said", "Ostrian", "Valdoria's", "van", "d'Arc"]
            # a title in lower case after the opening phrase (quoter 22)
            + ["fisheries minister", "prime minister", "minister"]
        ),
        max_size=30,
    ).map("".join)
)
def test_the_quick_look_at_a_sentence_opening_skips_no_mention(text):
    from corpus import quotes, split_sentences

    starts = [s for s, _ in split_sentences(text)]
    found = quotes._mentions(text, starts, len(text) + 1)
    original = quotes._opens_without_subject_name
    try:
        quotes._opens_without_subject_name = lambda text, start: False
        every = quotes._mentions(text, starts, len(text) + 1)
    finally:
        quotes._opens_without_subject_name = original
    assert found == every


def test_a_quote_after_reported_speech_continues_its_speaker():
    # news re-check: a quote with no verb of its own right after "She said ..." gave
    # nobody (quoter 20): it goes on from the indirect speech, as a quote goes on from
    # the one before it
    quote = "\u201cThat was the moment we knew.\u201d"
    said = "She said the release had been the turning point."
    assert speakers(f"Elena Marsh met the press. {said} {quote}") == ["Elena Marsh"]
    assert speakers(
        f"Karel Duvnjak told reporters that the release had been the turning point. {quote}"
    ) == ["Karel Duvnjak"]
    # after an opening phrase, and with a quote after it that goes on from this one
    assert speakers(
        f"Later, Karel Duvnjak said the release had been the turning point. {quote} "
        "He paused. \u201cNobody expected it,\u201d he added."
    ) == ["Karel Duvnjak", "Karel Duvnjak"]
    # an honorific before the subject; a sentence that ends with its reporting verb
    # introduces the quote as a colon would, also after "as"
    assert speakers(f"Ms. Marsh told reporters that it had been hard. {quote}") == ["Marsh"]
    assert speakers(f"Talks went on. But, as Elena Marsh stated. {quote}") == ["Elena Marsh"]
    assert speakers(f"As Elena Marsh said, the talks failed. {quote}") == [""]
    # a quote with a reporting verb of its own keeps what that verb names, even nobody
    assert speakers("Mr. Duvnjak said the talks went well. \u201cWe will see,\u201d she said.") == [
        ""
    ]
    # nor after a sentence of quoted text that a quote left unclosed (a resolution's
    # paragraphs, each opened with a mark)
    assert speakers(
        "We proposed a text. \u201c4. The General Assembly calls upon all States to conclude a pact. "
        "\u201cThe Assembly also invites other States to join the pact.\u201d"
    ) == [""]
    # not after a sentence that reports no speech, nor from another paragraph unless the
    # text writes news paragraphs (see the next test)
    assert speakers(f"Elena Marsh met the press. She left at noon. {quote}") == [""]
    speech = "The talks went on " + "and on " * 60 + "until Friday."
    assert speakers(f"{speech} Elena Marsh met the press. {said}\n\n{quote}") == [""]
    # nor a quote that is only part of its sentence, nor when nobody can be named
    assert speakers(f"Elena Marsh met the press. {said} It was \u201cthe moment\u201d.") == [""]
    assert speakers(f"{said} {quote}") == [""]
    # "Asked about ..., she said:" after a naming that opens with a phrase or a nationality
    assert speakers(
        "On Monday, Valdorian Foreign Minister Elena Marsh met the press.\n\n"
        "Asked about the quotas, she said: \u201cI expect difficult numbers.\u201d"
    ) == ["Elena Marsh"]


def test_a_quote_opening_a_news_paragraph_continues_the_reported_speech_before_it():
    # "Marsh said the talks had failed.\n\n“We will not return.”" gave nobody (quoter
    # 21): where "she" would reach across the break, so does the reported speaker
    quote = "\u201cWe will not return.\u201d"
    news = (
        "Talks in Malden broke up on Friday.\n\n"
        "Fishing crews blocked the harbour for a second day.\n\n"
    )
    assert speakers(f"{news}Elena Marsh said the talks had failed.\n\n{quote}") == ["Elena Marsh"]
    assert speakers(
        f"{news}Elena Marsh met the press. She said the talks had failed.\n\n{quote}"
    ) == ["Elena Marsh"]
    # a quote after it goes on from it, as in one paragraph
    assert speakers(
        f"{news}Elena Marsh said the talks had failed.\n\n{quote} The crews went home. "
        "\u201cNobody will,\u201d she said."
    ) == ["Elena Marsh", "Elena Marsh"]
    # not when the quote names its own speaker, nor after a sentence that reports no
    # speech, nor after a paragraph longer than news writes
    assert speakers(
        f"{news}Elena Marsh said the talks had failed.\n\n\u201cWe will not return,\u201d "
        "said Karel Duvnjak."
    ) == ["Karel Duvnjak"]
    assert speakers(f"{news}Elena Marsh left at noon.\n\n{quote}") == [""]
    assert speakers(
        f"{news}The crews waited. Elena Marsh said the talks had failed. Nobody knew why.\n\n"
        f"{quote}"
    ) == [""]
    # nor in a speech, whose paragraphs run longer, even after a short one
    speech = "The talks went on " + "and on " * 60 + "until Friday."
    for text in (
        f"{speech}\n\n{speech} Elena Marsh said the talks had failed.\n\n{quote}",
        f"{speech}\n\n{speech}\n\nElena Marsh said the talks had failed.\n\n{quote}",
    ):
        assert speakers(text) == [""]


def test_a_description_with_an_article_before_the_name_after_the_verb():
    # news re-check: "said the commission's chair, the Norwegian marine biologist Ingrid
    # Sola" gave nobody, "said the commission's chair, Ingrid Sola" gave her (quoter 20)
    said = "\u201cThe stocks are recovering,\u201d"
    cases = {
        f"{said} said the commission's chair, the Norwegian marine biologist Ingrid Sola.": (
            "Ingrid Sola"
        ),
        f"{said} said a witness, the retired teacher Ana Kos.": "Ana Kos",
        f"{said} said the spokesperson, the former Kestrian diplomat Ilse Varga, on Monday.": (
            "Ilse Varga"
        ),
        f"{said} according to the ministry spokesperson, the veteran diplomat Ilse Varga.": (
            "Ilse Varga"
        ),
        f"{said} said the commission's chair, Ingrid Sola.": "Ingrid Sola",
        # a clause after the comma is still no name
        f"{said} said the minister, the Kestrians would wait.": "",
        f"{said} said the minister, the stocks of Kestria.": "",
    }
    for text, speaker in cases.items():
        assert speakers(text) == [speaker], text


def test_a_lower_case_title_before_a_name_introduces_the_name():
    # news trials: "Fisheries minister Jan Marsh arrived. “…,” she said." gave nobody where
    # "Fisheries Minister Jan Marsh arrived." gave her (quoter 22); a reporting verb right
    # after the name found her either way
    she = "\u201cThe bay stays closed,\u201d she said."
    he = "\u201cThe border stays open,\u201d he said."
    cases = {
        f"Fisheries minister Jan Marsh visited the port. {she}": "Jan Marsh",
        f"Foreign minister Ana Ruiz told reporters little. {she}": "Ana Ruiz",
        f"Kestrian prime minister Olaf Brandt arrived on Monday. {he}": "Olaf Brandt",
        f"Kestria's foreign minister Ana Ruiz arrived on Monday. {she}": "Ana Ruiz",
        f"The foreign minister Ana Ruiz arrived on Monday. {she}": "Ana Ruiz",
        # after an opening phrase, the title all in lower case
        f"On Monday, fisheries minister Jan Marsh visited the port. {she}": "Jan Marsh",
        f"In the capital, foreign minister Ana Ruiz met the envoys. {she}": "Ana Ruiz",
        # as before: a reporting verb right after the name
        f"Fisheries minister Jan Marsh said: {she[:-10]}.": "Jan Marsh",
        f"{he[:-9]} said Kestrian prime minister Olaf Brandt.": "Olaf Brandt",
        # a "minister" that is no title of the name after it: a body, or several people
        f"The prime minister's office issued a statement. {she}": "",
        f"Foreign ministers Ana Ruiz and Jan Marsh met on Monday. {she}": "",
        f"The foreign minister arrived on Monday. {she}": "",
        f"Fisheries minister Jan Marsh visited the port. The prime minister's office issued "
        f"a statement. {she}": "Jan Marsh",
    }
    assert_speakers(cases)
    # the owner and the office the title gives are the holder's: "the Kestrian prime
    # minister" later means Olaf Brandt, however far back
    assert speakers(
        "Kestrian prime minister Olaf Brandt arrived. Talks began. Nothing moved. Crews "
        "waited. \u201cThe border stays open,\u201d the Kestrian prime minister said."
    ) == ["Olaf Brandt"]
    # reported speech with such a subject goes on into the quote after it
    assert speakers(
        "Fisheries minister Jan Marsh said the bay would close. \u201cWe have no choice.\u201d"
    ) == ["Jan Marsh"]


def test_an_office_held_by_one_person_names_its_body_not_its_holder():
    # "the Prime Minister's office said" gave "Minister's Office", and "the Kestrian prime
    # minister's office said" the same (quoter 22): the office is a body, no person
    said = "\u201cThe visit will last two days,\u201d"
    cases = {
        f"{said} the Prime Minister's office said.": "Prime Minister's Office",
        f"{said} the Prime Minister's Office said.": "Prime Minister's Office",
        f"{said} said the Prime Minister's office.": "Prime Minister's Office",
        f"{said} the Kestrian prime minister's office said.": "Kestrian Prime Minister's Office",
        f"{said} Prime Minister Olaf Brandt's office said.": "Olaf Brandt's Office",
        # in lower case with no owner, as "the foreign ministry said": the body named
        # before, else nobody
        f"{said} the prime minister's office said.": "",
        f"The Kestrian prime minister's office said talks would go on. {said} the prime "
        "minister's office added.": "Kestrian Prime Minister's Office",
        # not the prime minister the text named
        f"Kestrian prime minister Olaf Brandt arrived. {said} the prime minister's office "
        "said.": "",
        f"Kestrian prime minister Olaf Brandt arrived. {said} the prime minister said.": (
            "Olaf Brandt"
        ),
    }
    assert_speakers(cases)


def test_said_the_office_of_a_country_after_the_quote_speaks_as_before_the_verb():
    # "“…,” said the Foreign Minister of Cuba." gave nobody, in either case, where "the
    # foreign minister of Cuba said" gave the office (quoter 22)
    said = "\u201cWe will not yield,\u201d"
    cases = {
        f"{said} said the Foreign Minister of Tarsk.": "Foreign Minister of Tarsk",
        f"{said} said the foreign minister of Tarsk.": "Foreign Minister of Tarsk",
        f"{said} said the foreign minister of Tarsk on Monday.": "Foreign Minister of Tarsk",
        f"{said} said the deputy prime minister of Tarsk.": "Deputy Prime Minister of Tarsk",
        f"{said} said the President of the Republic of Tarsk.": (
            "President of the Republic of Tarsk"
        ),
        f"{said} said the Secretary-General of the United Nations.": (
            "Secretary-General of the United Nations"
        ),
        # the country's own voices are the country, as before the verb
        f"{said} said the representative of Tarsk.": "Tarsk",
        f"{said} said the Government of Tarsk.": "Tarsk",
        # the person set off after the office speaks
        f"{said} said the Foreign Minister of Tarsk, Ana Ruiz.": "Ana Ruiz",
        # not a relation of the office, nor a thing of the body
        f"{said} said the wife of the President of Tarsk.": "",
        f"{said} said the Charter of the United Nations.": "",
        # a description with no place refers back, as before
        f"{said} said the minister.": "",
        f"Foreign Minister Ana Ruiz spoke first. {said} said the minister.": "Ana Ruiz",
    }
    assert_speakers(cases)


def test_a_ministry_of_a_country_speaks_as_the_ministry():
    # "the Ministry of Foreign Affairs of Kestria said" gave nobody (Kestria, the object of
    # "of", is no speaker), where "the Kestrian Ministry of Foreign Affairs said" gave the
    # ministry (quoter 22)
    said = "\u201cWe regret the incident at the border,\u201d"
    ministry = "Ministry of Foreign Affairs of Kestria"
    cases = {
        f"{said} the Ministry of Foreign Affairs of Kestria said.": ministry,
        f"The ministry of foreign affairs of Kestria said on Monday: {said[:-2]}.\u201d": ministry,
        f"{said} said the Ministry of Foreign Affairs of Kestria.": ministry,
        f"{said} according to the Ministry of Foreign Affairs of Kestria.": ministry,
        f"{said} the foreign ministry of Kestria said.": "Foreign Ministry of Kestria",
        # someone of the ministry speaks as before the verb, not the ministry
        f"{said} according to the spokesman of the Ministry of Foreign Affairs of Kestria.": (
            "Spokesman of the Ministry of Foreign Affairs of Kestria"
        ),
        f"The spokesman of the Ministry of Foreign Affairs of Kestria said: {said[:-2]}.\u201d": (
            "Spokesman of the Ministry of Foreign Affairs of Kestria"
        ),
        # spoken to, not speaking; the country's government is the country, as before
        f"A letter to the Ministry of Foreign Affairs of Kestria said: {said[:-2]}.\u201d": "",
        f"The Government of Kestria said: {said[:-2]}.\u201d": "Kestria",
    }
    assert_speakers(cases)
    # "the ministry", "the foreign ministry" and "it" mean it later, as a subject too
    named = "The Ministry of Foreign Affairs of Kestria summoned the ambassador."
    for later in ("the ministry added", "the foreign ministry added", "it said"):
        assert speakers(f"{named} {said} {later}.") == [ministry], later


def test_it_means_the_one_body_named_earlier_in_its_sentence():
    # "After the talks, the Security Council issued a statement in which it said “…”" gave
    # nobody: the council is not the sentence's subject, and "it" reached only bodies
    # named as one (quoter 22)
    said = "it said \u201call parties must respect the ceasefire.\u201d"
    cases = {
        f"After the talks, the Security Council issued a statement in which {said}": (
            "Security Council"
        ),
        f"Fighting resumed, and the Security Council issued a statement in which {said}": (
            "Security Council"
        ),
        f"Late on Friday the Kestrian foreign ministry issued a statement in which {said}": (
            "Kestrian Foreign Ministry"
        ),
        f"Indeed, the Central Committee of the Kestrian Labour Party meant this when {said}": (
            "Central Committee of the Kestrian Labour Party"
        ),
        # a body named since the one in reach
        f"The Kestrian foreign ministry said talks would go on. Later the Security Council "
        f"issued a statement in which {said}": "Security Council",
        # spoken to, two bodies, or a body's thing: nobody
        f"Envoys sent a letter to the Security Council, in which {said}": "",
        f"On Friday the Security Council and the Kestrian foreign ministry issued a "
        f"statement in which {said}": "",
        f"After the Security Council resolution was adopted, {said}": "",
    }
    assert_speakers(cases)


def test_a_short_news_text_writes_news_paragraphs():
    # the README's "Marsh said the talks had failed.\n\n“We will not return.”" gave nobody
    # on its own: a quote that opens a paragraph belonged to the paragraph before when
    # the paragraphs were measured, so the text had one paragraph and was no news (quoter
    # 22 counts the quote's own paragraph)
    quote = "\u201cWe will not return.\u201d"
    assert speakers(f"Marsh said the talks had failed.\n\n{quote}") == ["Marsh"]
    assert speakers(f"Elena Marsh met the press.\n\nShe said the talks had failed.\n\n{quote}") == [
        "Elena Marsh"
    ]
    # a speech's long paragraphs are still no news, with a short quote between them
    speech = "The talks went on " + "and on " * 60 + "until Friday."
    assert speakers(f"{speech}\n\n{quote}\n\n{speech} Marsh said no.\n\n{quote}") == ["", ""]


def test_a_lower_case_office_with_of_phrases_speaks_as_the_capitalized_one_does():
    # "said the head of the delegation of Cuba" gave nobody and "the minister of foreign
    # affairs of Tarsk said" the country, where the capitalized forms gave the office
    # (quoter 23): the office's head may come before its own "of" phrases
    said = "\u201cWe will not yield,\u201d"
    head = "Head of the Delegation of Tarsk"
    minister = "Minister of Foreign Affairs of Tarsk"
    cases = {
        f"{said} said the head of the delegation of Tarsk.": head,
        f"{said} said the Head of the Delegation of Tarsk.": head,
        f"The head of the delegation of Tarsk said: {said[:-2]}.\u201d": head,
        f"{said} the head of the delegation of Tarsk said.": head,
        f"{said} said the minister of foreign affairs of Tarsk.": minister,
        f"The minister of foreign affairs of Tarsk said: {said[:-2]}.\u201d": minister,
        f"According to the minister for foreign affairs of Tarsk, {said}": (
            "Minister for Foreign Affairs of Tarsk"
        ),
        f"{said} said the head of state of Tarsk.": "Head of State of Tarsk",
        # the delegation is the country's voice, as before; a relation of the office and
        # an office spoken to are nobody
        f"{said} said the delegation of Tarsk.": "Tarsk",
        f"{said} said the wife of the head of the delegation of Tarsk.": "",
        f"A letter to the head of the delegation of Tarsk said: {said[:-2]}.\u201d": "",
        # the person set beside the office speaks
        f"Ana Ruiz, the head of the delegation of Tarsk, said: {said[:-2]}.\u201d": "Ana Ruiz",
    }
    assert_speakers(cases)


def test_an_office_of_a_place_posted_in_another_speaks_as_the_office():
    # "The ambassador of Tarsk in Norland said" gave nobody: Norland, after "in", is no
    # speaker, and the office before it was not read (quoter 23); after the verb it gave
    # the office already
    said = "\u201cWe will not yield.\u201d"
    cases = {
        f"The ambassador of Tarsk in Norland said: {said}": "Ambassador of Tarsk",
        f"The Ambassador of Tarsk in Norland said: {said}": "Ambassador of Tarsk",
        f"The ambassador of Tarsk to Norland said: {said}": "Ambassador of Tarsk",
        "\u201cWe will not yield,\u201d said the ambassador of Tarsk in Norland.": (
            "Ambassador of Tarsk"
        ),
        # a representative is the country's voice wherever posted
        f"The Permanent Representative of Tarsk to the United Nations said: {said}": "Tarsk",
        # a person in a place is no office, and a place after a verb of its own no post
        f"Ana Ruiz met the ambassador of Tarsk in Norland. Norland said: {said}": "Norland",
        f"A letter to the ambassador of Tarsk in Norland said: {said}": "",
    }
    assert_speakers(cases)


def test_a_body_named_with_of_phrases_speaks_as_the_body():
    # "the Council of Europe" gave nobody, before or after the verb or for a later "it":
    # Europe, after "of", is no speaker, and "Council" alone no name (quoter 23)
    said = "\u201cAll parties must respect the ceasefire.\u201d"
    europe = "Council of Europe"
    cases = {
        f"The Council of Europe issued a statement in which it said: {said}": europe,
        f"After the talks, the Council of Europe issued a statement in which it said {said}": (
            europe
        ),
        f"The Council of Europe said: {said}": europe,
        "\u201cAll parties must stop,\u201d said the Council of Europe.": europe,
        f"According to the Council of Europe, {said}": europe,
        f"The Organization of African Unity declared: {said}": "Organization of African Unity",
        f"The Committee of Ministers of the Council of Europe said: {said}": (
            "Committee of Ministers of the Council of Europe"
        ),
        # a thing of the body, or the body spoken to: nobody
        f"The Charter of the Organization of African Unity says: {said}": "",
        f"A letter to the Council of Europe said: {said}": "",
        f"The resolution of the Council of Europe said: {said}": "",
        # an office of the body speaks as the office, as before
        f"The Secretary-General of the Council of Europe said: {said}": (
            "Secretary-General of the Council of Europe"
        ),
    }
    assert_speakers(cases)
    # a later "it" means the body that spoke
    assert speakers(
        "The Council of Europe said talks must go on. \u201cAll parties must stop,\u201d it added."
    ) == [europe]


def test_the_people_of_a_country_speak_as_the_people_not_the_state():
    # "said the people of Tarsk" gave Tarsk, the state's name, which the Government, the
    # delegation and the representative speak for; a people is not its state's voice
    # (a slogan or a vote it is said to have spoken): the people are named (quoter 23)
    said = "\u201cNever again,\u201d"
    cases = {
        f"{said} said the people of Tarsk.": "People of Tarsk",
        f"The people of Tarsk said: {said[:-2]}.\u201d": "People of Tarsk",
        f"The People of Tarsk said: {said[:-2]}.\u201d": "People of Tarsk",
        f"According to the people of Tarsk, {said[:-2]}.\u201d": "People of Tarsk",
        # the Government and the representative are still the country
        f"{said} said the Government of Tarsk.": "Tarsk",
        # a people spoken of is no speaker, nor its country a post's
        f"The Head of State, who spoke of the faith of the people of Tarsk in the United "
        f"Nations, declared: {said[:-2]}.\u201d": "",
    }
    assert_speakers(cases)


def test_a_subject_with_a_place_speaks_in_its_second_verb():
    # "foreign minister Ana Ruiz of Valdoria met the envoys and said “…”" gave nobody:
    # "and said" had no subject of its own (quoter 23); "President Ana Ruiz of Valdoria
    # said" gave her, but "Foreign Minister Ana Ruiz of Valdoria said" the whole phrase
    # and the lower-case title the place
    said = "\u201cWe will not yield.\u201d"
    cases = {
        f"foreign minister Ana Ruiz of Valdoria met the envoys and said {said}": "Ana Ruiz",
        f"Foreign minister Ana Ruiz of Valdoria met the envoys and said: {said}": "Ana Ruiz",
        f"Ana Ruiz met the envoys on Monday and said {said}": "Ana Ruiz",
        f"On Monday, Foreign Minister Ana Ruiz met the envoys and added: {said}": "Ana Ruiz",
        f"She met the envoys and said: {said}": "",
        f"Foreign Minister Ana Ruiz of Valdoria said: {said}": "Ana Ruiz",
        f"foreign minister Ana Ruiz of Valdoria said: {said}": "Ana Ruiz",
        # someone else's verb: the envoys who listened, or a plural subject
        f"Ana Ruiz met the envoys, who listened and said: {said}": "",
        f"Ana Ruiz and Jan Marsh met the envoys and said: {said}": "",
        # a line wrap inside the subject's phrase does not start the clause
        f"On Monday, the Minister for Foreign Affairs of the United\nStates met the envoys "
        f"and said: {said}": "",
    }
    assert_speakers(cases)
    assert speakers(f"Jan Marsh arrived. She met the envoys and said: {said}") == ["Jan Marsh"]
