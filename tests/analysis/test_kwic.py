"""KWIC: words, globs, phrases, regex; offsets, contexts, sorting, voice, HTML."""

import pytest

import corpus
from analysis import Concordance, kwic


@pytest.fixture
def c():
    return corpus.from_texts(
        [
            "We fund peacekeeping missions. Peacekeepers need support.",
            "The United Nations' role grows. the united nations acts",
            "He said “peacekeeping is vital” and <b>left</b>.",
        ],
        docvars={"year": [1990, 1991, 1992]},
    )


def test_offsets_point_at_the_match(c):
    table = kwic(c, "peacekeep*")
    assert len(table) == 3
    for row in table.itertuples():
        assert c[row.doc_id].text[row.start : row.end] == row.match
    assert set(table["match"]) == {"peacekeeping", "Peacekeepers"}
    assert "year" in table.columns


def test_contexts_and_window(c):
    table = kwic(c, "missions", window=2)
    row = table.iloc[0]
    assert (row["left"], row["match"], row["right"]) == (
        "fund peacekeeping",
        "missions",
        ". Peacekeepers need",
    )


def test_phrase_and_possessive(c):
    table = kwic(c, "united nations", sort="none")
    assert table["match"].tolist() == ["United Nations", "united nations"]
    assert kwic(c, "Nations's", sort="none").empty
    assert len(kwic(c, "nations 's")) == 0  # "Nations'" is not the 's clitic


def test_regex(c):
    table = kwic(c, r"peace\w+ing", regex=True)
    assert table["match"].tolist() == ["peacekeeping", "peacekeeping"]
    with pytest.raises(ValueError, match="regular expression"):
        kwic(c, "(", regex=True)


WAR_TEXT = "A war-torn land moved towards war. Warfare, WAR, wartime; can't"


def test_a_regex_matches_inside_words_and_shows_the_rest_in_the_context():
    table = kwic(WAR_TEXT, "war", regex=True, sort="none")
    assert table["start"].tolist() == [2, 24, 30, 35, 44, 49]
    assert table["match"].tolist() == ["war", "war", "war", "War", "WAR", "war"]
    towards = table.iloc[1]
    assert towards["left"].endswith("moved to") and towards["right"].startswith("ds war.")
    # Also where no whole word lies beyond the match: the first and last words.
    edges = kwic("Warfare ends peacekeeping", "war|keep", regex=True, window=0, sort="none")
    assert edges[["left", "match", "right"]].values.tolist() == [
        ["", "War", "fare"],
        ["peace", "keep", "ing"],
    ]


def test_whole_words_keeps_regex_matches_on_token_edges_as_a_plain_query():
    table = kwic(WAR_TEXT, "war", regex=True, whole_words=True, sort="none")
    assert table["start"].tolist() == [30, 44]  # not war-torn, towards, Warfare, wartime
    assert table["start"].tolist() == kwic(WAR_TEXT, "war", sort="none")["start"].tolist()
    assert table.attrs["provenance"]["parameters"]["whole_words"] is True
    # The longest whole-token match, whatever the order of the alternatives.
    either = kwic(WAR_TEXT, "war|wartime", regex=True, whole_words=True, sort="none")
    assert either["match"].tolist() == ["war", "WAR", "wartime"]
    for query in ("war|war-torn", "war-torn|war"):
        found = kwic(WAR_TEXT, query, regex=True, whole_words=True, sort="none")["match"]
        assert found.tolist() == ["war-torn", "war", "WAR"], query
    for query in ("can|can't", "can't|can"):
        found = kwic("We can't; we can.", query, regex=True, whole_words=True, sort="none")
        assert found["match"].tolist() == ["can't", "can"], query
    # Token edges, not \b: "can't" is one token, "war-torn" another.
    assert kwic(WAR_TEXT, "can", regex=True, whole_words=True).empty
    assert kwic(WAR_TEXT, r"war-\w+", regex=True, whole_words=True)["match"].tolist() == [
        "war-torn"
    ]


def test_whole_words_keeps_global_flags_and_verbose_comments_working():
    verbose = kwic(WAR_TEXT, "(?x) war  # the word", regex=True, whole_words=True, sort="none")
    assert verbose["start"].tolist() == [30, 44]
    assert len(kwic(WAR_TEXT, "(?s)war", regex=True, whole_words=True)) == 2


def test_sorting():
    text = "x b peace z. y a peace y. w c peace a."
    assert kwic(text, "peace", sort="right1")["right"].str[0].tolist() == ["a", "y", "z"]
    assert kwic(text, "peace", sort="left1")["left"].str[-1].tolist() == ["a", "b", "c"]
    assert kwic(text, "peace", sort="left2")["left"].str[-3].tolist() == ["w", "x", "y"]
    assert kwic(text, "peace", sort="none")["start"].is_monotonic_increasing
    with pytest.raises(ValueError, match="sort='middle'"):
        kwic(text, "peace", sort="middle")


def test_voice(c):
    quoted = kwic(c, "peacekeeping", voice="quoted")
    assert quoted["doc_id"].tolist() == ["doc3"]
    assert kwic(c, "peacekeeping", voice="authorial")["doc_id"].tolist() == ["doc1"]


def test_html_is_escaped(c):
    table = kwic(c, "left")
    assert isinstance(table, Concordance) and isinstance(table.head(1), Concordance)
    html = table._repr_html_()
    assert "&lt;b&gt;" in html and "<b>left</b>" in html  # the match is bold, the text escaped
    assert "&lt;/b" in html


def test_empty_query():
    with pytest.raises(ValueError, match="empty"):
        kwic("text", "  ")


def test_context_has_no_line_breaks():
    from analysis import kwic

    c = corpus.from_texts(["Peace was\nrecognized  here,\n\nespecially peace keeping\nin Africa."])
    table = kwic(c, "keeping", window=3)
    assert table.loc[0, "left"] == "here, especially peace"
    assert table.loc[0, "right"] == "in Africa"


def test_a_phrase_does_not_reach_into_a_hyphenated_word_and_a_glob_does():
    import analysis

    text = "The arms race and the nuclear-arms race. Disarmament, not an arms\nrace."
    assert kwic(text, "arms race", sort="none")["match"].tolist() == ["arms race", "arms\nrace"]
    found = kwic(text, "*arms race", sort="none")["match"].tolist()
    assert found == ["arms race", "nuclear-arms race", "arms\nrace"]
    bigrams = analysis.stat_frequency(text, ngram=2).set_index("term")["count"]
    assert (bigrams["arms race"], bigrams["nuclear-arms race"]) == (2, 1)


def test_public_docstrings_hold_no_control_characters():
    # a docstring that is no raw string turned "\b" of a regex example into a backspace
    import analysis

    for name in analysis.__all__:
        doc = getattr(getattr(analysis, name), "__doc__", None) or ""
        assert not any(ch in doc for ch in "\x07\x08\x0b\x0c"), name
