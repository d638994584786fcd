"""Tests for analysis.comparisons: rows, exclusions, speakers, rates, plot, CLI."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import matplotlib
import pandas as pd
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

import corpus
from analysis import find_comparisons, load_lexicon, plot_comparisons, stat_comparisons
from analysis.cli import main
from analysis.comparisons import COLUMNS

matplotlib.use("Agg")

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "comparisons" / "un_sample.tsv"


def rows(text: str) -> list[tuple[str, str]]:
    t = find_comparisons(text)
    return list(zip(t["type"], t["trigger"], strict=True))


def test_seed_lavrov_comparison_is_explicit_historical_with_tenor_vehicle_and_speaker():
    t = find_comparisons(corpus.read_corpus())
    row = t[t["match"].str.startswith("compared advocates")].iloc[0]
    assert row["match"] == (
        "compared advocates of Western troop deployment to characters from "
        "19th-century Russian literature"
    )
    assert row["type"] == "explicit"
    assert bool(row["historical"]) is True
    assert row["tenor"] == "advocates of Western troop deployment"
    assert row["vehicle"] == "characters from 19th-century Russian literature"
    assert "Lavrov" in row["speaker"]
    assert row["voice"] == "authorial"


def test_columns_and_offsets():
    text = "The talks are worse than the Cold War."
    t = find_comparisons(text)
    assert list(t.columns) == COLUMNS
    row = t.iloc[0]
    assert (row["type"], row["trigger"]) == ("comparative", "worse than")
    assert (row["tenor"], row["vehicle"]) == ("The talks", "the Cold War")
    assert text[row["vehicle_start"] : row["vehicle_end"]] == "the Cold War"
    assert (
        text[row["start"] : row["end"]] == row["match"] == "The talks are worse than the Cold War"
    )
    assert bool(row["historical"]) is True


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He likened the sanctions to a medieval siege.", [("explicit", "likened ... to")]),
        ("This would be a new Munich.", [("explicit", "a new")]),
        ("The crisis is no different from the 1930s.", [("explicit", "no different from")]),
        ("The region is like a powder keg.", [("simile", "like")]),
        ("The book is as good as the movie.", [("simile", "as good as")]),
        ("They behave as if nothing happened.", [("simile", "as if")]),
        ("Dialogue rather than confrontation is needed.", [("comparative", "rather than")]),
        ("This is more than a crisis.", [("comparative", "more than")]),
        ("Unlike our neighbours, we have no army.", [("comparative", "unlike")]),
        (
            "It is the greatest threat since the Second World War.",
            [("superlative", "greatest ... since")],
        ),
        ("It is the most important task.", [("superlative", "most important")]),
    ],
)
def test_positive_cases(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We would like to thank the President.",
        "We would very much like to express our gratitude.",
        "I like the proposal.",
        "Issues like poverty and hunger remain.",
        "We cannot go on like this.",
        "Russia as well as China voted.",
        "Such measures as sanctions, embargoes and blockades failed.",
        "As soon as possible we will act.",
        "As far as we are concerned, the matter is closed.",
        "Peace will hold as long as both sides respect it.",
        "More than 50 countries signed.",
        "Less than half of the funds were paid.",
        "Rather than waiting, we must act.",
        "Other than that, nothing changed.",
        "At least ten died.",
        "The least developed countries suffer.",
        "We will do our best to help.",
        "The West and the rest of the world agree.",
        # comparisons/5: literal or non-comparing 'like', 'as if', 'as in'.
        "We want normal, business like relations.",
        "We want business-like relations.",
        "There has not been anything like the same meeting of minds.",
        "It looks as if the old proverb is right.",
        "It now seems as though nothing will change.",
        "Like all peace-loving countries, we want peace.",
        "Like many other delegations, we welcome the report.",
        "Israel, like the other States in the region, has the right to live in peace.",
        "A country like Canada can help.",
        "As in Africa, hunger is growing.",
        "As in many other cases, the facts are disputed.",
        "In like manner, we will act.",
        "This reminds us of our duty.",
        "The symptoms are too similar to be ignored.",
    ],
)
def test_negative_cases(text):
    assert rows(text) == []


def test_superlative_frame_is_historical_and_gives_the_vehicle():
    t = find_comparisons("This is the greatest threat since the Second World War.")
    row = t.iloc[0]
    assert row["tenor"] == "threat"
    assert row["vehicle"] == "the Second World War"
    assert bool(row["historical"]) is True


def test_non_historical_comparison():
    t = find_comparisons("The new plan is better than the old one.")
    assert t["historical"].tolist() == [False]
    assert t["vehicle"].tolist() == ["the old one"]


def test_voice_and_speaker_from_quotes():
    text = (
        "Sergey Lavrov said on Monday that talks had failed. \u201cThe sanctions are worse than the blockade "
        "of Leningrad,\u201d he said. Reporters compared the speech to earlier ones."
    )
    quoted = find_comparisons(text, voice="quoted")
    assert quoted["type"].tolist() == ["comparative"]
    assert quoted["speaker"].tolist() == ["Sergey Lavrov"]
    authorial = find_comparisons(text, voice="authorial")
    assert authorial["trigger"].tolist() == ["compared ... to"]
    assert set(find_comparisons(text)["voice"]) == {"quoted", "authorial"}


def test_bad_voice_names_the_argument():
    with pytest.raises(ValueError, match="voice"):
        find_comparisons("text", voice="reporter")


def test_provenance_records_lexicon_versions():
    t = find_comparisons("It is worse than ever.")
    record = t.attrs["provenance"]
    assert record["function"] == "analysis.find_comparisons"
    assert record["lexicons"] == {
        "comparison_triggers": "3",
        "historical_references": "4",
        "comparison_rules": "10",
    }
    assert record["lexicon_sha256"] == {
        "comparison_triggers": load_lexicon("comparison_triggers@3").sha256,
        "historical_references": load_lexicon("historical_references@4").sha256,
    }
    assert record["corpus"]["versions"]["quoter"] == "communique-quotes/23"


def test_hand_checked_un_fixture_sentence_level():
    table = pd.read_csv(FIXTURE, sep="\t", comment="#", dtype=str, keep_default_na=False)
    c = corpus.from_texts(list(table["sentence"]))
    found = set(find_comparisons(c)["doc_id"])
    gold = [bool(e.strip()) for e in table["expected"]]
    pred = [d in found for d in c.doc_ids]
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    precision = tp / sum(pred)
    recall = tp / sum(gold)
    assert (len(table), sum(gold)) == (54, 25)
    assert (tp, sum(pred)) == (23, 24)
    assert precision >= 0.9 and recall >= 0.85


def test_stat_comparisons_counts_and_rates():
    texts = ["It is worse than the Cold War.", "Peace is near and lasting."]
    docvars = pd.DataFrame({"country": ["A", "B"]})
    c = corpus.from_texts(texts, docvars=docvars)
    t = stat_comparisons(c, by="country")
    assert set(t["measure"]) == {
        "comparisons",
        "explicit",
        "simile",
        "comparative",
        "superlative",
        "historical",
    }
    a = t[(t["group"] == "A") & (t["measure"] == "comparative")].iloc[0]
    words_a = len(c[c.doc_ids[0]].words)
    assert a["count"] == 1
    assert a["rate"] == pytest.approx(1 / words_a * 1000)
    b = t[(t["group"] == "B") & (t["measure"] == "comparisons")].iloc[0]
    assert b["count"] == 0 and b["rate"] == 0.0
    pooled = stat_comparisons(c)
    row = pooled[pooled["measure"] == "historical"].iloc[0]
    words = sum(len(d.words) for d in c)
    assert row["pooled_rate"] == pytest.approx(1 / words * 1000)
    assert row["rate"] == pytest.approx((1 / words_a * 1000 + 0) / 2)


def test_stat_comparisons_bad_by():
    with pytest.raises(ValueError, match="by="):
        stat_comparisons("It is worse than ever.", by="nope")


def test_plot_comparisons_returns_axes():
    import matplotlib.pyplot as plt

    t = stat_comparisons(["It is worse than the Cold War.", "It is like a storm."])
    fig, ax = plt.subplots()
    assert plot_comparisons(t, ax=ax) is ax
    assert len(ax.patches) == 6
    plt.close(fig)
    ax2 = plot_comparisons(t)
    assert ax2.get_xlabel() == "comparisons per 1,000 words"
    plt.close(ax2.figure)


def test_plot_comparisons_names_the_types_counted_and_keeps_its_legend_outside():
    import matplotlib.pyplot as plt

    texts = ["It is worse than the Cold War.", "It is like a storm.", "It is like 1938."]
    some = stat_comparisons(texts, types=["simile", "comparative"])
    ax = plot_comparisons(some)
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "simile",
        "comparative",
        "comparisons (simile + comparative)",
        "historical (simile or comparative)",
    ]
    assert ax.get_title(loc="left").startswith("Comparisons: simile and comparative\n")
    # on its own figure the legend is right of the Axes, clear of the bars
    assert ax.get_legend().get_bbox_to_anchor().x0 >= ax.get_window_extent().x1 - 1
    every = plot_comparisons(stat_comparisons(texts))
    labels = [t.get_text() for t in every.get_yticklabels()]
    assert labels[-2:] == ["all comparisons (the types summed)", "historical (of any type)"]
    assert every.get_title(loc="left").startswith("Comparisons\n")
    plt.close("all")


def test_cli_matches_and_rates(capsys):
    assert main(["comparisons", "--matches", "--format", "csv", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "compared advocates of Western troop deployment" in out
    assert "explicit" in out
    assert main(["comparisons", "--type", "explicit", "--format", "csv", "--quiet"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].startswith("group,measure")
    assert [line.split(",")[1] for line in table[1:]] == ["comparisons", "explicit", "historical"]


def test_the_total_counts_only_the_types_asked_for():
    texts = ["It is worse than the Cold War, like a siege. It is the best plan.", "Peace."]
    every = stat_comparisons(texts).set_index("measure")["count"]
    assert every.to_dict() == {
        "comparisons": 3,
        "explicit": 0,
        "simile": 1,
        "comparative": 1,
        "superlative": 1,
        "historical": 1,
    }
    some = stat_comparisons(texts, types=["simile", "superlative"]).set_index("measure")
    assert some["count"].to_dict() == {
        "comparisons": 2,
        "simile": 1,
        "superlative": 1,
        "historical": 0,
    }
    with pytest.raises(ValueError, match="types='similes' is not valid"):
        stat_comparisons(texts, types=["similes"])


_WORDS = st.sampled_from(
    "the war is like a storm worse than Cold War as good as we would to thank compared "
    "peace with 1938 more 50 most greatest since history rather waiting unlike ever , . "
    "Lavrov said \u201c \u201d".split()
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=40))
def test_offsets_slice_back(words):
    text = " ".join(words)
    c = corpus.from_texts([text])
    assume(len(c) == 1)  # a text of marks alone is skipped: no words
    doc_text = c[c.doc_ids[0]].text
    for row in find_comparisons(c).itertuples():
        assert doc_text[row.start : row.end] == row.match
        if row.tenor_start >= 0:
            assert doc_text[row.tenor_start : row.tenor_end] == row.tenor
            assert row.start <= row.tenor_start and row.tenor_end <= row.end
        else:
            assert row.tenor == ""
        if row.vehicle_start >= 0:
            assert doc_text[row.vehicle_start : row.vehicle_end] == row.vehicle
        else:
            assert row.vehicle == ""


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Honestly the screen is better.", [("comparative", "better")]),
        ("We need a more just world order.", [("comparative", "more just")]),
        ("I prefer the Nikon to the Canon.", [("comparative", "prefer")]),
        ("The Galaxy outperforms the iPhone.", [("comparative", "outperforms")]),
        ("Mac vs PC is an old argument.", [("explicit", "vs")]),
        ("The Android app differs from the iOS app.", [("explicit", "differs from")]),
        ("Best camera I have owned.", [("superlative", "best")]),
    ],
)
def test_comparatives_without_than(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I need more information about the warranty.",
        "The app no longer crashes.",
        "It works more or less as described.",
        "I updated the firmware to better support my router.",
        "The number of members and the power of the leader matter.",
        "Higher education funding was cut.",
        "Most of the reviews mention the noise.",
    ],
)
def test_comparative_words_that_do_not_compare(text):
    assert rows(text) == []


def test_lexicon_v1_still_gives_v1_rows():
    from analysis._comparison_rules import HISTORICAL_LEXICON, _comparisons_in_document

    doc = corpus.from_texts(["Honestly the screen is better than the old one. It is better."])
    doc = next(iter(doc))
    v1 = _comparisons_in_document(doc, "all", "comparison_triggers@1", HISTORICAL_LEXICON)
    v2 = _comparisons_in_document(doc, "all", "comparison_triggers@2", HISTORICAL_LEXICON)
    assert [r["trigger"] for r in v1] == ["better than"]
    assert [r["trigger"] for r in v2] == ["better than", "better"]


def test_dev_fixture_comparative_sentences():
    path = FIXTURE.with_name("comparative_sentences.tsv")
    table = pd.read_csv(path, sep="\t", comment="#", dtype=str, keep_default_na=False)
    c = corpus.from_texts(list(table["sentence"]))
    found = set(find_comparisons(c)["doc_id"])
    gold = [label == "1" for label in table["comparative"]]
    pred = [d in found for d in c.doc_ids]
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    precision, recall = tp / sum(pred), tp / sum(gold)
    assert precision >= 0.9 and recall >= 0.85


# Regression cases from an 80-row trial on UN speeches (sentences paraphrased for the
# project). Each row: (type, trigger, tenor, vehicle); "" = left empty on purpose.
@pytest.mark.parametrize(
    "text, expected",
    [
        # attributive comparatives and superlatives: the tenor is the noun they modify
        (
            "The forces of peace act to avert the greatest menace threatening civilization.",
            [("superlative", "greatest", "menace", "")],
        ),
        (
            "Those who bore a greater burden were given a privilege.",
            [("comparative", "greater", "burden", "")],
        ),
        ("We must build a better world for all of us.", [("comparative", "better", "world", "")]),
        (
            "Much more serious provocations include the crossing of the line.",
            [("comparative", "more serious", "provocations", "")],
        ),
        (
            "The case for more liberal access to markets remains valid.",
            [("comparative", "more liberal", "access", "")],
        ),
        (
            "We must redouble our efforts to establish better conditions for peace.",
            [("comparative", "better", "conditions", "")],
        ),
        (
            "The rich countries grow richer, but the poorer countries are facing stagnation.",
            [
                ("comparative", "richer", "The rich countries", ""),
                ("comparative", "poorer", "countries", ""),
            ],
        ),
        # predicative: the clause subject, without a leading adverb or trailing "itself"
        (
            "World peace itself is now more fragile.",
            [("comparative", "more fragile", "World peace", "")],
        ),
        (
            "Never were the great States of the world more powerful.",
            [("comparative", "more powerful", "the great States of the world", "")],
        ),
        (
            "Today human rights are violated on a larger scale than in the past.",
            [("comparative", "larger than", "scale", "in the past")],
        ),
        (
            "Finding this new balance is all the more necessary.",
            [("comparative", "more necessary", "Finding this new balance", "")],
        ),
        # the noun phrase right before the trigger
        (
            "These events took place at a pace faster than any recorded history.",
            [("comparative", "faster than", "a pace", "any recorded history")],
        ),
        (
            "Panama should be a centre of understanding rather than a party to conflict.",
            [
                (
                    "comparative",
                    "rather than",
                    "a centre of understanding",
                    "a party to conflict",
                )
            ],
        ),
        (
            "For us there is no idea more important than the idea of sovereignty.",
            [("comparative", "more than", "no idea", "the idea of sovereignty")],
        ),
        # fragments are left empty; never a single function word
        ("It was the best that people can have.", [("superlative", "best", "", "")]),
        (
            "It is the most incredulous of the many things said.",
            [("superlative", "most incredulous", "", "")],
        ),
        ("We feel no more than an augury.", [("comparative", "more than", "", "an augury")]),
        (
            "the most modern and, therefore, most destructive weapons",
            [
                ("superlative", "most modern", "", ""),
                ("superlative", "most destructive", "weapons", ""),
            ],
        ),
        # vehicles: stop at a determiner after a complete word, at "in order to";
        # keep "and" inside an open noun phrase
        (
            "The Republic of Cyprus knows better than most the services of peace-keeping.",
            [("comparative", "better than", "The Republic of Cyprus", "most")],
        ),
        (
            "Like the newly-independent and emerging countries, Malaya supports the Charter.",
            [("simile", "like", "Malaya", "the newly-independent and emerging countries")],
        ),
        (
            "Kyrgyzstan, like the nations of the Commonwealth, is committed to democracy.",
            [("simile", "like", "Kyrgyzstan", "the nations of the Commonwealth")],
        ),
        (
            "It is a situation that differs greatly from that envisaged at San Francisco.",
            [("explicit", "differs ... from", "", "that envisaged at San Francisco")],
        ),
        ("Yet the viewpoints differ little.", [("explicit", "differ", "the viewpoints", "")]),
        (  # no "A and B": differences between parties are disputes, not a comparison
            "We work to diminish the differences between the power blocs in order to ensure peace.",
            [],
        ),
        (
            "It reflects the technical complexity of the issues rather than the lack of political will.",
            [
                (
                    "comparative",
                    "rather than",
                    "the technical complexity of the issues",
                    "the lack of political will",
                )
            ],
        ),
        # "equally" + adjective: a comparative whose standard is not stated
        (
            "Equally important is the question of debt.",
            [("comparative", "equally important", "", "")],
        ),
        # "as in" + a named past likens; "as in the past" is a temporal frame
        ("As in 1938, the appeasers sacrifice a small country.", [("simile", "as in", "", "1938")]),
    ],
)
def test_tenor_and_vehicle_regressions(text, expected):
    t = find_comparisons(text)
    got = list(zip(t["type"], t["trigger"], t["tenor"], t["vehicle"], strict=True))
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "As in the past, my delegation will support the resolution.",
        "As in previous years, we are guided by the Charter.",
        "They denounced the scheme of Greater Israel.",
        "He chairs the Higher Education Council.",
        "Upper Volta voted in favour.",
        "Greater Israel remains their aim.",
        "We wish you a most successful session.",
        "For this we are most grateful.",
        "I am most encouraged by his efforts.",
        "Everything would be for the best.",
        "In order best to achieve these goals, we pledge support.",
        "The balance has already been more than attained.",
        "Rather than passively capitulate, the Organization should act.",
        "We discussed the colonies and more particularly the people of Cabinda.",
    ],
)
def test_trial_false_alarms_are_gone(text):
    assert rows(text) == []


def test_as_in_the_past_frame_but_historical_as_in_1938():
    t = find_comparisons("As in 1938, aggression is rewarded.")
    assert bool(t.loc[0, "historical"]) is True
    assert find_comparisons("As in the past, aggression is condemned.").empty


def test_participle_standards_still_compare():
    assert rows("Exports grew less than expected.") == [("comparative", "less than")]
    assert rows("Which countries are most affected?") == [("superlative", "most affected")]


def test_comma_phrase_and_irregular_attributive_tenors():
    t = find_comparisons("I should explain our position, compared with that of Israel.")
    assert t[["tenor", "vehicle"]].values.tolist() == [["our position", "that of Israel"]]
    t = find_comparisons("There can be no greater danger to peace than continued mistrust.")
    assert t[["trigger", "tenor", "vehicle"]].values.tolist() == [
        ["greater than", "danger", "continued mistrust"]
    ]
    assert rows("They acted with a greater or lesser degree of passion.") == []


# ------------------------------------------------------------------ speed-up helpers
#
# The detector's shortcuts (hashed letter runs, word-start matching, pre-checks before a
# regex search) must find exactly what the plain regex passes they replace find.

_PIECES = [
    "as", "As", "than", "more", "most", "best", "greatest", "like", "likes", "said",
    "Lavrov", "He", "she", "compared", "akin to", "the Cold War", "Munich", "1938",
    "19th century", "colonialism", "post-war", "9/11", "the past", "has", "was", "Nero",
    "generous", "é", "İ", "x1", "_as", "as_", "3as", "as3", "“", "”", "—", ",", ".", ";",
    "-", "'", "\n", " ", "  ", "Dr", "Smith", "Lavrov said", "he said", "Sergey Lavrov",
    "compared", "noted", "The Minister", "stated", "the same as", "same", "as opposed to",
    "opposed", "a new", "new", "a kind of", "kind", "parallels between", "in the manner of",
    "that", "Which", "WHEN", "that's", "-that", " - ", "%", "$", "50%", "in order",
    "political will", "and", "or", "threat", "\u212a", "\u017f", "_",
    "neo-", "post-", "Nazi", "the colonial era", "recent", "last year", "ever", "8.75",
]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=40).map(lambda parts: "".join(parts))
_SPACED = st.lists(st.sampled_from(_PIECES), max_size=30).map(lambda parts: " ".join(parts))


def _document(text: str):
    from hypothesis import assume

    docs = list(corpus.from_texts([text]))
    assume(docs)
    return docs[0]


def _regex_word_hits(low: str, word: str) -> list[tuple[int, int]]:
    import re

    return [
        m.span()
        for m in re.finditer(re.escape(word) + r"(?![a-z0-9])", low)
        if m.start() == 0 or not low[m.start() - 1].isalnum()
    ]


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXTS, _SPACED))
def test_scan_hits_equal_a_regex_search_per_word(text):
    from analysis._comparison_rules import _REPORTING, _rules, _Scan

    rules = _rules()
    scan = _Scan(_document(text), rules)
    words = set(
        scan.low.encode("utf-8")
        .translate(bytes(c if 97 <= c <= 122 else 32 for c in range(256)))
        .split()
    )
    words = {w.decode() for w in words}
    assert scan.present == words & rules.all_anchors
    assert scan.est_words == {w for w in words if w.endswith("est") and len(w) > 4}
    for word in scan.present | scan.est_words:
        assert scan.word_hits(word) == _regex_word_hits(scan.low, word)
    verbs = [p for w in words & _REPORTING for p, _ in _regex_word_hits(scan.low, w)]
    assert set(verbs) <= set(scan.verbs)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXTS, _SPACED))
def test_historical_precheck_agrees_with_the_full_pattern(text):
    from analysis._comparison_rules import (
        _counts_things,
        _date_is_past,
        _historical,
        _placed_in_present,
        _rules,
    )

    rules = _rules()

    def plain(year):
        # A past date that counts no things ("1938 parallels"), a term whose "until" year
        # is before the document's, or any other term, unless the text places the term
        # in the present ("neo-Nazi", "the recent ...").
        def past(m):
            if rules.historical_dates.fullmatch(m.group()):
                return _date_is_past(m.group(), year) and not _counts_things(text, m.end())
            if _placed_in_present(text, m.start(), m.end()):
                return False
            last = rules.historical_until.get(" ".join(m.group().lower().split()))
            return last is None or year is None or year > last

        return any(past(m) for m in rules.historical.finditer(text))

    assert _historical(text, rules) == plain(None)
    assert _historical(text, rules, 1985) == plain(1985)
    assert _historical("In 1938 the League failed.", rules, 1985)
    assert not _historical("1938 parallels between", rules, 1985)  # a count of parallels


_CLAUSES = st.tuples(
    st.sampled_from(
        ["Lavrov", "Smith", "Sergey Lavrov", "Mr. Li", "Geneva", "he", "He", "she"]
        + ["The envoy", "the minister", "Asia,", "the representative of Cuba", ""]
    ),
    st.sampled_from([" ", " also ", ", "]),
    st.sampled_from(["said", "noted", "compared", "stated", "called", "described", "was"]),
    st.sampled_from([" that", " by video", " with Asia", " to a siege", " it is", ""]),
    st.sampled_from([" worse than 1962", " like a siege", " more", ""]),
    st.sampled_from([". ", ", ", " and ", "\n\n", " ", ". He said "]),
).map("".join)
_SPEAKER_TEXTS = st.lists(_CLAUSES, max_size=6).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXTS, _SPEAKER_TEXTS))
def test_reporting_subjects_are_those_of_a_plain_reading(text):
    """The subject each sentence gives a row, from the scan's verb offsets and lazily
    read sentences, is the one a plain reading of every sentence gives."""
    import re

    from analysis._comparison_rules import (
        _REPORTING,
        _participle_compared,
        _passive_by,
        _rules,
        _Scan,
        _Speakers,
        full_name,
    )
    from corpus.quotes import reporting_events, speaker_after

    doc = _document(text)
    scan = _Scan(doc, _rules())
    text = scan.text
    sentences = doc.sentences

    def events(lo, hi):
        spans = [
            m.span()
            for m in re.finditer(r"(?<=\s)[a-z]+(?!\w)", text[:hi])
            if m.start() > lo
            and m.group() in _REPORTING
            and not _passive_by(text, m.start(), m)
            and not _participle_compared(text, m)
        ]
        return reporting_events(text, spans, lo)

    every = [e for s, e in sentences for e in events(s, e)]
    names = [(start, name) for start, _, kind, name in every if kind == "name"]
    speakers = _Speakers(text, sentences, scan.verbs)
    for s0, s1 in sentences:
        for t_end in range(s0, s1 + 1, 3):
            before = [e for e in events(s0, s1) if e[1] <= t_end]
            want = ""
            if not before:
                name = speaker_after(text, t_end, s1)
                want = full_name(text, name) if name else ""
            if before:
                start, _, kind, name = before[0]
                if kind == "pronoun":
                    earlier = [n for p, n in names if p < start]
                    name = earlier[-1] if earlier else ""
                want = full_name(text, name) if name else ""
            assert speakers.subject(s0, t_end) == want


@settings(max_examples=200, deadline=None)
@given(st.one_of(_TEXTS, _SPACED))
def test_around_at_word_starts_equals_a_window_search(text):
    from analysis._comparison_rules import _non_overlapping, _rules, _Scan

    rules = _rules()
    scan = _Scan(_document(text), rules)
    patterns = [getattr(rules, f.name) for f in dataclasses.fields(rules)]
    word_led = [p for p in patterns if isinstance(p, re.Pattern) and p.pattern in rules.word_led]
    assert len(word_led) == len(rules.word_led)
    for pattern in word_led:
        hits = scan.hits(rules.all_anchors | scan.est_words)
        found = {}
        n = len(scan.text)
        for p, q in hits:  # the plain version: every position of the window
            hi = min(n, q + 30)
            while hi < n and scan.text[hi].isalnum():
                hi += 1
            for m in pattern.finditer(scan.text, max(0, p - 30), hi):
                if m.start() <= p and q <= m.end():
                    found.setdefault(m.start(), m)
        expected = [m.span() for m in _non_overlapping(found)]
        assert [m.span() for m in scan.around(pattern, hits)] == expected


@settings(max_examples=200, deadline=None)
@given(st.one_of(_TEXTS, _SPACED))
def test_clause_start_equals_a_word_by_word_reading(text):
    from analysis._comparison_rules import _BOUNDARY, _CLAUSE_OPENERS, _clause_start, _words_before

    def plain(lo, pos):
        cut = lo
        for m in _BOUNDARY.finditer(text, lo, pos):
            cut = m.end()
        for s, e in _words_before(text, cut, pos):
            if text[s:e].lower() in _CLAUSE_OPENERS:
                cut = e
        return cut

    for lo in range(0, len(text) + 1, 5):
        for pos in range(lo, len(text) + 1, 3):
            assert _clause_start(text, lo, pos) == plain(lo, pos)


@settings(max_examples=200, deadline=None)
@given(st.one_of(_TEXTS, _SPACED), st.booleans())
@example("a kind of Which", False)  # a cap after "of" once kept it ("in which" drops it)
def test_a_shorter_vehicle_is_a_prefix_of_the_full_one(text, clause):
    from analysis._comparison_rules import _MAX_VEHICLE_WORDS, _vehicle_words, _words_before

    for start in range(0, len(text) + 1, 3):
        full = _vehicle_words(text, start, len(text), clause, _MAX_VEHICLE_WORDS)
        for cap in range(1, _MAX_VEHICLE_WORDS):
            lo, hi, count = _vehicle_words(text, start, len(text), clause, cap)
            if count < cap:  # stopped before the cap: the whole vehicle
                assert (lo, hi, count) == full
            elif count:
                words = _words_before(text, lo, hi)
                assert words == _words_before(text, full[0], full[1])[: len(words)]


def test_regressions_of_the_speed_shortcuts():
    from analysis._comparison_rules import _clause_start

    # A superlative's head read past a run of tokens holding no word.
    table = find_comparisons("This is the best % % % % countries plan ever.")
    assert table["tenor"].tolist() == ["countries plan"]
    # The last of several boundaries counts: " - - " holds two of them.
    assert _clause_start("war - - peace", 0, 13) == 6
    # The reporting subject's full name, also when only the surname is next to the verb.
    said = find_comparisons("Sergey Lavrov said the crisis is worse than 1962.")
    assert said["speaker"].tolist() == ["Sergey Lavrov"]
    later = find_comparisons(
        "Sergey Lavrov arrived in Geneva. Lavrov said the crisis is worse than 1962."
    )
    assert later["speaker"].tolist() == ["Sergey Lavrov"]


def test_an_opening_adverb_is_not_part_of_the_reporting_subject():
    text = "Sergey Lavrov spoke. Later Lavrov said that sanctions are worse than the blockade."
    assert find_comparisons(text)["speaker"].tolist() == ["Sergey Lavrov"]


def test_first_names_that_are_months_or_days_stay_in_the_reporting_subject():
    text = "Ambassador April Glaspie spoke first. Glaspie said the crisis is worse than 1962."
    assert find_comparisons(text)["speaker"].tolist() == ["April Glaspie"]
    said = find_comparisons("Sunday Dare said that the crisis is worse than 1962.")
    assert said["speaker"].tolist() == ["Sunday Dare"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The subject is read by the quote attribution rules (corpus.quotes) ...
        ("Mr. Lavrov, the foreign minister, said the crisis is worse than 1962.", "Lavrov"),
        ("Ursula von der Leyen said the crisis is worse than 1962.", "Ursula von der Leyen"),
        ("The envoy, speaking in Geneva, said the crisis is worse than 1962.", ""),
        ("The Charter of the United Nations declares that peace is better than war.", ""),
        # ... and a participle reports nobody.
        ("In the past, Asia, compared with other regions, grew more slowly.", ""),
        ("Geneva, described by some as worse than Munich, stays calm.", ""),
        ("Africa compared with Asia is poorer than ever.", ""),
        # ... but a reporting verb followed by "by" still reports.
        ("Zelensky said by video link that the war is worse than 1939.", "Zelenskyy"),
        # A heading is not part of the name; "the minister" is the last one named.
        ("Crisis Talks\n\nLavrov said the sanctions are worse than 1962.", "Lavrov"),
        # ... and "said X" after the comparison.
        ("Sanctions are like a siege, said Pavel Dorn.", "Pavel Dorn"),
        (
            "Sergey Lavrov said on Monday that talks failed. "
            "The minister compared the sanctions to a siege.",
            "Sergey Lavrov",
        ),
    ],
)
def test_reporting_subject_follows_the_quote_rules(text, speaker):
    speakers = find_comparisons(text)["speaker"].tolist()
    assert speakers and set(speakers) == {speaker}


def test_reporting_subjects_use_the_alias_table_as_quotes_do():
    text = "Sergei Lavrov said the crisis is worse than 1962."
    assert find_comparisons(text)["speaker"].tolist() == ["Sergey Lavrov"]


def test_since_a_date_belongs_to_the_vehicle():
    rows = find_comparisons("The economy is weaker than at any time since the Second World War.")
    assert rows[["vehicle", "historical"]].values.tolist() == [
        ["at any time since the Second World War", True]
    ]
    assert find_comparisons("It is better than since we met.")["vehicle"].tolist() == [
        "since we met"
    ]
    text = "The economy is weaker than before since the sanctions were imposed."
    assert find_comparisons(text)["vehicle"].tolist() == ["before"]


def test_preferred_x_rather_than_y_is_one_comparison():
    rows = find_comparisons("Hungary preferred dialogue rather than confrontation.")
    assert rows[["trigger", "vehicle"]].values.tolist() == [["rather than", "confrontation"]]
    assert find_comparisons("We prefer dialogue.")["trigger"].tolist() == ["prefer"]
    # Another comparison inside the vehicle is one of its own.
    text = "We prefer peace to a war worse than any before it."
    assert find_comparisons(text)["trigger"].tolist() == ["prefer", "worse than"]


def test_the_object_of_compared_is_the_tenor_after_a_determiner():
    rows = find_comparisons("The minister compared the proposed deal to Munich in 1938.")
    assert rows[["tenor", "vehicle", "historical"]].values.tolist() == [
        ["the proposed deal", "Munich in 1938", True]
    ]
    assert find_comparisons("He compared it to a siege.")["tenor"].tolist() == [""]


def test_rates_of_a_corpus_without_documents_are_an_empty_table_like_their_siblings():
    import analysis

    empty = corpus.from_texts([""])  # the empty text is skipped: no document
    assert len(empty) == 0
    for stat in (analysis.stat_comparisons, analysis.stat_hedging, analysis.stat_modality):
        table = stat(empty)
        assert table.empty, stat.__name__
        assert {"group", "measure", "rate", "rate_low", "rate_high"} <= set(table.columns)


# ---------------------------------------------- comparisons/5: the word before "than"


@pytest.mark.parametrize(
    "text, trigger, tenor",
    [
        # A line break inside a sentence (hard-wrapped speeches) is no boundary.
        ("The world feels more\ninsecure today than at any time.", "more than", "The world"),
        (
            "The Camp\nDavid accords are worse than nothing.",
            "worse than",
            "The Camp\nDavid accords",
        ),
        # The governing "more" further back in the clause, or before a relative clause.
        (
            "No area is more offensive to the spirit and the principles of the Charter of our "
            "Organization than apartheid.",
            "more than",
            "No area",
        ),
        ("There are more issues that unite us than divide us.", "more than", ""),
        # A noun in -er or a name is no comparative: "than" alone.
        ("We value the Charter than any other text.", "than", "the Charter"),
        ("Incomes were lower in the 1980s than in the 1960s.", "lower than", "Incomes"),
    ],
)
def test_than_trigger_is_the_comparative_not_the_word_before(text, trigger, tenor):
    t = find_comparisons(text)
    assert t[["trigger", "tenor"]].values.tolist() == [[trigger, tenor]]


# ------------------------------------- comparisons/5: what counts as historical


def _historical_rows(texts, year=None):
    docvars = pd.DataFrame({"year": [year] * len(texts)}) if year else None
    c = corpus.from_texts(texts, docvars=docvars)
    t = find_comparisons(c)
    return list(zip(t["vehicle"], t["historical"].astype(bool), strict=True))


def test_a_recent_year_is_a_time_comparison_and_an_old_one_history():
    texts = [
        "The forest line shrank by 230 kilometres in comparison with 1982.",
        "The danger is greater than at any time since 1945.",
        "Output is lower than in the 1930s.",
        "Prices are higher than in the 1970s.",
        "Exports will be larger than in 1990.",
    ]
    assert _historical_rows(texts, 1984) == [
        ("1982", False),
        ("at any time since 1945", True),
        ("in the 1930s", True),
        ("in the 1970s", False),
        ("in 1990", False),
    ]
    # Without a document date every year up to 2019 counts, as before.
    assert [h for _, h in _historical_rows(texts[:1])] == [True]


def test_named_centuries_and_ordinals():
    texts = [
        "It is worse than the wars of the 19th century.",
        "It is worse than the wars of the nineteenth century.",
        "It is the greatest achievement of the twentieth century.",
        "It is better than the second proposal.",
        "The talks were like the first round.",
    ]
    got = [h for _, h in _historical_rows(texts, 1985)]
    assert got == [True, True, False, False, False]


def test_generic_past_frames_are_not_historical():
    texts = [
        "It is the worst famine in history.",
        "Cooperation is more necessary than in the past.",
        "It is the greatest challenge of this century.",
        "It is the worst crisis since the Second World War.",
    ]
    assert [h for _, h in _historical_rows(texts, 1985)] == [False, False, False, True]


# ------------------------------------------ comparisons/5: missed historical analogies


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Crimes comparable only to the final solution of the Nazi regime were committed.",
            ("comparable only to", "Crimes", "the final solution of the Nazi regime"),
        ),
        (
            "There is a striking resemblance between the methods of the Nazis and those "
            "of the regime.",
            ("resemblance between ... and", "the methods of the Nazis", "those of the regime"),
        ),
        (
            "The regime's conduct bears a resemblance to the Anschluss.",
            ("a resemblance to", "The regime's conduct", "the Anschluss"),
        ),
        ("It reminds us of the Munich agreement.", ("reminds us of", "", "the Munich agreement")),
        (
            "The situation is very similar to the conditions which preceded the Second World War.",
            ("similar to", "The situation", "the conditions"),
        ),
        (
            "It would be hard to find a parallel even in the Second World War.",
            ("a parallel even in", "", "the Second World War"),
        ),
        (
            "The economy shows signs similar - too similar to be ignored - to those that "
            "existed before the depression of the 1930s.",
            ("similar to", "", "those"),
        ),
    ],
)
def test_historical_analogies_are_found(text, expected):
    t = find_comparisons(text)
    assert t[["trigger", "tenor", "vehicle"]].apply(tuple, axis=1).tolist() == [expected]
    assert t["historical"].tolist() == [True]


def test_similes_that_liken_stay():
    assert rows("The region is like a powder keg.") == [("simile", "like")]
    assert rows("He behaves as if nothing had happened.") == [("simile", "as if")]
    assert rows("A war like the last one would end us all.") == [("simile", "like")]
    assert rows("As in 1938, appeasement will fail.") == [("simile", "as in")]


def test_a_number_counting_things_and_a_present_system_are_not_historical():
    texts = [
        "The new force will be similar to 1200 soldiers sent last spring.",  # a quantity
        "It is preferable to the prolonged suffering that apartheid implies.",  # present
        "The crisis is similar to 1938.",  # a past year
        "The situation is like the 1930s.",
    ]
    c = corpus.from_texts(texts, docvars={"year": [1985] * 4})
    rows = find_comparisons(c)
    assert rows.groupby("doc_id")["historical"].any().to_dict() == {
        "doc1": False,
        "doc2": False,
        "doc3": True,
        "doc4": True,
    }


def test_as_in_likens_to_a_past_or_a_kind_of_scene_not_to_a_place_or_case():
    texts = [
        "As in a game of chess, each move counts.",
        "As in Africa, there is cause for optimism.",
        "As in the case of Namibia, we call for talks.",
        "As in 1938, the aggressor is appeased.",
    ]
    rows = find_comparisons(corpus.from_texts(texts, docvars={"year": [1985] * 4}))
    assert rows[["doc_id", "trigger", "historical"]].values.tolist() == [
        ["doc1", "as in", False],
        ["doc4", "as in", True],
    ]


def test_a_return_a_dispute_and_being_up_to_a_task_are_no_comparisons():
    rows = find_comparisons(
        [
            "We call for a return to democracy in Panama.",
            "Dialogue should settle the differences between the parties.",
            "You are equal to the task.",
            "This would mean a return to the cold war.",  # comparisons from here on
            "The differences between rich and poor nations grow.",
            "Its output is equal to that of France.",
        ]
    )
    assert rows[["doc_id", "trigger"]].values.tolist() == [
        ["doc4", "a return to"],
        ["doc5", "differences between"],
        ["doc6", "equal to"],
    ]


def test_like_asking_what_something_is_or_naming_ones_own_group_is_no_simile():
    rows = find_comparisons(
        [
            "What will the situation be like a generation hence?",
            "Morocco, just like its other Maghreb partners, remains ready.",
            "The city was like a battlefield.",  # a simile
        ]
    )
    assert rows[["doc_id", "type"]].values.tolist() == [["doc3", "simile"]]


def test_a_term_of_the_present_is_historical_only_in_documents_dated_after_it():
    c = corpus.from_texts(
        [
            "Our reforms, like those of the Soviet Union, are bold.",
            "Our reforms, like those of the Soviet Union, were bold.",
            "This is like the cold war.",
            "This is like the cold war.",
            "The crisis is worse than Munich.",
        ],
        docvars={"year": [1985, 1995, 1988, 1999, 1985]},
    )
    rows = find_comparisons(c)
    assert rows[["doc_id", "historical"]].values.tolist() == [
        ["doc1", False],  # the Soviet Union of 1985 is the present
        ["doc2", True],
        ["doc3", False],
        ["doc4", True],
        ["doc5", True],  # Munich has no end: always the past
    ]
    assert rows.attrs["provenance"]["lexicons"]["historical_references"] == "4"


def test_equatives_need_a_standard_other_than_the_possible():
    rows = find_comparisons(
        [
            "As rapidly as the situation permits, the Powers must act.",
            "We must do as much as lies in our power.",
            "It gave birth to us as nations and as independent peoples.",
            "Our peoples, as brothers and as partners as well, work together.",
            "They use their consciences as weapons so as not to be passive.",
            "The consequences were as severe and as tragic as those of the wars.",  # compares
            "Drugs are as dangerous as nuclear weapons can be.",  # compares
        ]
    )
    assert rows[["doc_id", "trigger", "vehicle"]].values.tolist() == [
        ["doc6", "as severe and as tragic as", "those of the wars"],
        ["doc7", "as dangerous as", "nuclear weapons"],
    ]


def test_like_giving_an_example_or_meaning_such_a_thing_is_no_simile():
    rows = find_comparisons(
        [
            "Allegations keep coming, like, for example, the one about missiles.",
            "Allegations keep coming, like for instance the one about missiles.",
            "To say something like that is to be out of touch.",
            "Nothing like that has happened since.",
            "Peace does not fall like manna from heaven.",  # a simile
            "Like, for instance, the crisis of 1929, this slump will pass.",  # a simile
        ]
    )
    assert rows[["doc_id", "type", "vehicle"]].values.tolist() == [
        ["doc5", "simile", "manna from heaven"],
        ["doc6", "simile", "the crisis of 1929"],
    ]


# ---------------------- comparisons/9: what counts as the past, and what compares at all


def _rows_in(texts, years):
    return find_comparisons(corpus.from_texts(texts, docvars={"year": years}))


def test_bare_colonialism_is_the_present_and_a_colonial_era_the_past():
    texts = [
        "Its grip is more subtle than colonialism itself.",
        "They behave like imperialists.",
        "Like the neo-colonialists, they take our ore.",
        "The tax is harsher than in colonial times.",
        "The levy is heavier than in the colonial era.",
        "Like the Ottoman Empire, the alliance decayed.",
        "Their fleet resembles that of the British Empire.",
        "It is unlike the imperialism of old.",
        "Growth is faster than in the post-colonial era.",  # the post-colonial era is now
    ]
    rows = _rows_in(texts, [1962] * len(texts))
    assert rows.groupby("doc_id")["historical"].any().tolist() == [
        False,
        False,
        False,
        True,
        True,
        True,
        False,  # the British Empire was the present in 1962 (until 1997)
        True,
        False,
    ]
    later = _rows_in(["Their fleet resembles that of the British Empire."], [1999])
    assert later["historical"].tolist() == [True]


def test_more_than_ever_and_no_more_than_read_no_past_into_the_sentence():
    rows = _rows_in(
        [
            "The port is seen more than ever as a prize of fascist gangs.",
            "Farmers are more aware than ever that the feudal order must end.",
            "The accord did no more than give legal form to a border that has stood since "
            "the sixteenth century.",
            "The Council can do no more than what its members allow.",  # compares
            "Peace can no more be imposed than love can be ordered.",  # compares
            "The danger is greater than ever since the Second World War.",
        ],
        [1984] * 6,
    )
    assert rows[["doc_id", "vehicle", "historical"]].values.tolist() == [
        ["doc1", "ever", False],
        ["doc2", "ever", False],
        ["doc4", "what", False],
        ["doc5", "love", False],
        ["doc6", "ever since the Second World War", True],
    ]


def test_an_event_after_the_document_or_placed_in_the_present_is_not_its_past():
    rows = _rows_in(
        [
            "We fear a new invasion of Iraq.",  # 1986: a likening, but of no past event yet
            "We fear a new invasion of Iraq.",
            "It resembles the Iraq war.",
            "It resembles the Iraq war.",
            "It was like the recent tragedy in Munich.",
            "It was like the bombing in Munich last week.",
            "They march like neo-Nazis.",
            "It was like Munich.",
        ],
        [1986, 2005, 1995, 2015, 1972, 1985, 1990, 1985],
    )
    assert rows[["doc_id", "historical"]].values.tolist() == [
        ["doc1", False],
        ["doc2", True],
        ["doc3", False],
        ["doc4", True],
        ["doc5", False],
        ["doc6", False],
        ["doc7", False],
        ["doc8", True],
    ]


def test_analogies_missed_before_comparisons_9():
    rows = _rows_in(
        [
            "The course of the Allied States, like that of Napoleon, ends in defeat.",
            "Giving in to blackmail is as foolish as appeasing dictators was in the 1930s.",
            "Nobody wants another \u201cMunich\u201d.",
            "The spectre of a \u201cnew Yalta\u201d haunts us.",
            "Wages rose to $512 as compared with $9.40 before the First World War.",
        ],
        [1965, 1995, 1960, 1960, 1952],
    )
    assert rows[["trigger", "tenor", "vehicle"]].values.tolist() == [
        ["like", "The course of the Allied States", "that of Napoleon"],
        ["as foolish as", "Giving in to blackmail", "appeasing dictators"],
        ["another", "Nobody", "Munich"],
        ["a new", "", "Yalta"],
        ["as compared with", "512", "$9.40 before the First World War"],
    ]
    assert rows["historical"].all()


def test_such_a_time_what_it_looks_like_and_our_own_world_liken_nothing():
    texts = [
        "In a season like this we must stay calm.",
        "Crises like these demand courage.",
        "Nobody knows what the next decade will look like.",
        "What will our cities look like in fifty years?",
        "Some members feel like leaving the talks.",
        "In a world as complex as the one we live in, dialogue matters.",
        "Their cities look like fortresses.",  # similes from here on
        "There was never a moment like this in our history.",
        "All other treaties should be like this one.",
        "What almost looks like a truce is holding.",
        "The plains look like burning seas.",
    ]
    rows = find_comparisons(texts)
    assert rows[rows["type"] == "simile"]["doc_id"].tolist() == [
        "doc7",
        "doc8",
        "doc9",
        "doc10",
        "doc11",
    ]


def test_disputes_disagreements_and_a_misread_us_are_no_explicit_comparisons():
    rows = find_comparisons(
        [
            "The differences between Ruritania and its neighbours are old.",
            "The differences between the Governments of Ruritania and Freedonia remain.",
            "The Assembly should settle the differences between the two communities.",
            "Views may differ on the timetable.",
            "Members continue to differ in the conception of the reform.",
            "Let vs not despair.",
            "The differences between capitalist and socialist doctrines are deep.",  # compare
            "The two plans differ in several respects.",
            "It was North vs South.",
        ]
    )
    assert rows[rows["type"] == "explicit"][["doc_id", "trigger"]].values.tolist() == [
        ["doc7", "differences between"],
        ["doc8", "differ"],
        ["doc9", "vs"],
    ]


def test_review_cases_of_comparisons_9_keep_their_rows_and_past():
    texts = [
        "Africa needs a new Marshall Plan this year.",  # the prefix likens the present
        "The aggressor could do no more than Hitler did in 1938.",  # a name, no verb
        "This is worse than anything that happened during the Second World War.",
        "The Organization is weaker than it was in the 1930s.",
        "The conflict is like the Iran-Iraq war.",  # not the Iraq war of 2003
        "Their views differed from those of the other members.",  # "from": compared
        "The differences between the Charter and the Covenant are few.",  # texts, no parties
        "There has been no war like this in Europe since 1945.",  # ranks the present
    ]
    rows = _rows_in(texts, [1995] * len(texts))
    found = rows.groupby("doc_id")["historical"].any()
    assert found.index.tolist() == [f"doc{k}" for k in range(1, 9)]
    assert found.tolist() == [True, True, True, True, True, False, False, True]
    assert _rows_in(["The proposals differ with respect to financing."], [1995]).shape[0] == 1


# ------------------------------- comparisons/10: numbers, quotation marks, the past placed


def test_a_decimal_ends_no_tenor_and_quotation_marks_close_the_vehicle():
    rows = find_comparisons(
        [
            "Exports rose by 12.5% as compared with last year.",
            "We fear a 'new Munich' in Europe.",
            "It is like 'Munich' in 1938.",
            'It resembles the "Munich agreement" of 1938.',
            "It is like the 'Cold War' of old.",
            "The poor nations are like \u201cthe stranded fish\u201d.",
            "Words like \u201cmurder\u201d cannot do justice to it.",  # examples of words
        ]
    )
    assert rows[["doc_id", "tenor", "vehicle"]].values.tolist() == [
        ["doc1", "12.5", "last year"],
        ["doc2", "fear", "Munich"],
        ["doc3", "", "Munich"],
        ["doc4", "", "the \u201cMunich agreement\u201d of 1938"],
        ["doc5", "", "the \u2018Cold War\u2019 of old"],
        ["doc6", "The poor nations", "the stranded fish"],
    ]


def test_historical_term_names_the_reference_that_made_the_row_historical():
    rows = _rows_in(
        [
            "The deal is like the Munich Agreement.",
            "Prices are higher than in 1938 under Hitler.",  # the first reference
            "The war resembles the Iran-Iraq war.",  # the fullest name
            "It is like a game of chess.",
            "It is like the Soviet Union.",  # the present in 1985
        ],
        [1990, 1990, 1990, 1990, 1985],
    )
    assert rows[["historical", "historical_term"]].values.tolist() == [
        [True, "Munich Agreement"],
        [True, "1938"],
        [True, "Iran-Iraq war"],
        [False, ""],
        [False, ""],
    ]


def test_munich_analogies_in_their_other_wordings():
    texts = [
        "This new version of the Munich policy has played an infamous role.",
        "When we refused - as at the time of Munich or the Prague Spring - they sent troops.",
        "We must not repeat the mistakes of Munich.",
        "It would be another Munich.",
        "Such sadism is a repetition of the methods of Hitler.",
        "We must avoid a repetition of the carnage of the Second World War.",  # a warning
        "As during the last session, we support it.",  # a time, nothing likened
        "We welcome the revival of trade.",  # no past named
    ]
    rows = _rows_in(texts, [1963] * len(texts))
    assert rows[["doc_id", "trigger", "vehicle", "historical_term"]].values.tolist() == [
        ["doc1", "new version of", "the Munich policy", "Munich"],
        ["doc2", "as at the time of", "Munich or the Prague Spring", "Munich"],
        ["doc3", "repeat the mistakes of", "Munich", "Munich"],
        ["doc4", "another", "Munich", "Munich"],
        ["doc5", "a repetition of", "the methods of Hitler", "Hitler"],
        ["doc6", "a repetition of", "the carnage of the Second World War", "Second World War"],
    ]


def test_a_renewal_names_the_past_it_renews_not_a_later_phrase_of_its_object():
    texts = [
        "We fear a repetition of Munich.",
        "We fear the resurgence of fascism in Europe.",
        "We fear a revival of the cold war.",
        "We must not repeat the mistakes of Munich in this region.",
        "This is a new version of the Munich policy.",
        "We fear a repetition of the events of 1938.",  # "of" phrases are the object's
        "We fear a return to the situation in 1938.",  # a time noun takes its date
        "We fear a repetition of the genocide in Rwanda.",  # "in" inside a listed term
        "We fear a return to the practices that led to the Second World War.",
        "There is no return to the order that has prevailed since the Second World War.",
        "We welcome the resurgence of trade after the Second World War.",  # near misses
        "There is a revival of interest in the League of Nations.",
        "The resurgence of the economy since the Second World War is remarkable.",
        "We welcome the revival of an ancient language.",  # an age, no past event
        "We see the resurgence of ancient nationalisms.",
    ]
    rows = _rows_in(texts, [1995] * len(texts))
    assert rows[["doc_id", "trigger", "historical_term"]].values.tolist() == [
        ["doc1", "a repetition of", "Munich"],
        ["doc2", "the resurgence of", "fascism"],
        ["doc3", "a revival of", "cold war"],
        ["doc4", "repeat the mistakes of", "Munich"],
        ["doc5", "a new version of", "Munich"],
        ["doc6", "a repetition of", "1938"],
        ["doc7", "a return to", "1938"],
        ["doc8", "a repetition of", "genocide in Rwanda"],
        ["doc9", "a return to", "Second World War"],
    ]


def test_a_warning_against_a_renewal_likens_as_a_fear_of_it_does():
    # IR scholars count "never again Munich" as a Munich analogy (Khong 1992): the
    # verb around the renewal, whatever its polarity, keeps the row.
    texts = [
        "We will not allow a repetition of the events of 1938.",
        "We must eliminate the possibility of the resurgence of fascism.",
        "A repetition of the Munich mistake must be prevented.",
        "Nobody wants a repetition of the tragedy of the Second World War.",
        "We must avoid a new Munich.",
        "We must avoid a repetition of Munich.",
        "There can be no return to the cold war.",
        "There can be no return to the past.",  # no past named
    ]
    rows = _rows_in(texts, [1995] * len(texts))
    assert rows[["doc_id", "trigger", "historical_term"]].values.tolist() == [
        ["doc1", "a repetition of", "1938"],
        ["doc2", "the resurgence of", "fascism"],
        ["doc3", "a repetition of", "Munich"],
        ["doc4", "a repetition of", "Second World War"],
        ["doc5", "a new", "Munich"],
        ["doc6", "a repetition of", "Munich"],
        ["doc7", "no return to", "cold war"],
    ]


def test_colonialism_renewed_or_dated_by_its_phrase_is_the_past():
    texts = [
        "It is a new colonialism.",
        "This is a new form of imperialism.",
        "We reject a return to colonialism.",
        "We fear the resurgence of colonialism.",
        "It is as harmful as the old style colonialism.",
        "It differs from classical colonialism.",
        "It is a kind of colonialism.",  # no row: the present
        "It is worse than colonialism.",  # the present
        "It is worse than neo-colonialism.",  # the present
        "We reject any return to colonial rule.",
        "It is another form of colonialism.",
        "We denounce the new colonialism.",
        "We praise the new Constitution.",  # "the new" renews only colonialism and the like
        "We visited the new Soviet Union.",  # the same State renewed, no likening
    ]
    rows = _rows_in(texts, [1965] * 13 + [1990])
    assert rows[["doc_id", "trigger", "historical_term"]].values.tolist() == [
        ["doc1", "a new", "colonialism"],
        ["doc2", "a new form of", "imperialism"],
        ["doc3", "a return to", "colonialism"],
        ["doc4", "the resurgence of", "colonialism"],
        ["doc5", "as harmful as", "old style colonialism"],
        ["doc6", "differs from", "classical colonialism"],
        ["doc8", "worse than", ""],
        ["doc9", "worse than", ""],
        ["doc10", "any return to", "colonial rule"],
        ["doc11", "another form of", "colonialism"],
        ["doc12", "the new", "colonialism"],
    ]


def test_a_vehicle_ends_before_a_relative_clause_opened_by_a_preposition():
    texts = [
        "It is a new type of colonialism in which the poor pay.",
        "It is a new brand of colonialism with which we cannot live.",
        "It is like colonialism in which the poor pay.",
        "It is like the tree from which the seeds of the Second World War spread.",
        "It is a new form of colonization in the region.",  # no relative: the place stays
    ]
    rows = _rows_in(texts, [1985] * len(texts))
    assert rows[["trigger", "vehicle", "historical_term"]].values.tolist() == [
        ["a new type of", "colonialism", "colonialism"],
        ["a new brand of", "colonialism", "colonialism"],
        ["like", "colonialism", ""],
        ["like", "the tree", "Second World War"],  # the clause is still read
        ["a new form of", "colonization in the region", "colonization"],
    ]


def test_a_prefix_before_a_term_not_yet_past_keeps_its_row():
    rows = _rows_in(
        [
            "We fear a new Iraq war.",
            "We fear a new cold war.",
            "They are building a new Soviet Union.",
        ],
        [1995, 1980, 1985],
    )
    assert rows[["trigger", "vehicle", "historical"]].values.tolist() == [
        ["a new", "Iraq war", False],
        ["a new", "cold war", False],
        ["a new", "Soviet Union", False],  # likened to a contemporary
    ]


def test_a_prefix_before_an_event_that_has_not_begun_likens_nothing():
    # "since" in historical_references: September 11 is a day in 1985, the event in 2002.
    texts = ["We fear another September 11.", "We fear another Chernobyl."]
    assert _rows_in(texts, [1985, 1985]).empty
    rows = _rows_in(texts, [2002, 1986])
    assert rows[["doc_id", "vehicle", "historical"]].values.tolist() == [
        ["doc1", "September 11", True],
        ["doc2", "Chernobyl", False],  # begun, not yet past (until 1986)
    ]


def test_historical_term_gives_the_full_name_of_a_name_written_with_a_star():
    texts = [
        "It is as cruel as the Ottoman Empire was.",
        "It is like Nazi Germany.",
        "It is like the Nazi occupation.",
        "It is like the Ottomans.",
    ]
    rows = _rows_in(texts, [1985] * len(texts))
    assert rows["historical_term"].tolist() == [
        "Ottoman Empire",
        "Nazi Germany",
        "Nazi",
        "Ottomans",
    ]


def test_believers_are_no_parties_to_a_dispute_but_blocs_are():
    rows = find_comparisons(
        [
            "The differences between Jews and Muslims are smaller than we think.",
            "Dialogue cannot remove all differences between East and West.",  # a dispute
            "The differences between Ruritania and Freedonia remain.",  # a dispute
        ]
    )
    explicit = rows[rows["type"] == "explicit"]
    assert explicit[["doc_id", "trigger"]].values.tolist() == [
        ["doc1", "differences between"],
    ]
