import hashlib
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import corpus
from analysis import find_hedges, find_modals, plot_hedging, stat_hedging
from analysis.hedges import HEDGE_COLUMNS


def hedges(text: str, **options) -> list[tuple[str, str]]:
    table = find_hedges(text, **options)
    return list(zip(table["match"], table["category"], strict=True))


def test_columns_and_offsets():
    c = corpus.from_texts(["Peace may perhaps come. It is clearly possible."])
    table = find_hedges(c)
    assert list(table.columns) == HEDGE_COLUMNS
    assert table["match"].tolist() == ["may", "perhaps", "clearly", "possible"]
    assert table["lemma"].tolist() == ["may", "perhaps", "clearly", "possible"]
    assert table["category"].tolist() == ["hedge", "hedge", "booster", "hedge"]
    assert table["sent_id"].tolist() == [0, 0, 1, 1]
    doc = c["doc1"] if "doc1" in c.doc_ids else next(iter(c))
    for row in table.itertuples():
        assert doc.text[row.start : row.end] == row.match


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It seems that talks have stalled.", [("It seems", "hedge")]),
        ("We believe that peace is near.", [("We believe", "hedge")]),
        ("In my view, the plan fails.", [("In my view", "hedge")]),
        ("There is no doubt that they lied.", [("There is no doubt", "booster")]),
        ("They will never accept it.", [("never", "booster")]),
        ("It is likely to fail.", [("It is likely", "hedge")]),
        ("The talks were widely believed to be over.", [("believed", "hedge")]),
        ("Experts fear a wider war.", [("fear", "hedge")]),
        ("The minister is expected to resign.", [("expected", "hedge")]),
        ("The report shows that aid fell.", [("shows", "booster")]),
        ("He must have known.", [("must", "booster")]),
        ("We do not know what happened.", [("do not know", "hedge")]),
        ("It is not clear who fired.", [("clear", "hedge")]),
        ("We are sure of it.", [("sure", "booster")]),
    ],
)
def test_items_in_context(text, expected):
    assert hedges(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The summit was held in May 2020.",
        "They talked about the ceasefire.",
        "A certain number of troops stayed.",
        "Reply as soon as possible.",
        "It is possible to travel by train.",
        "He appeared in court on Monday.",
        "They believe in God.",
        "The think tank published a report.",
        "He found the keys.",
        "Lavrov accused Kyiv of exploiting international goodwill.",
        "We would like to thank the Secretary-General.",
        "He could not attend the meeting.",
        "You may leave now.",
    ],
)
def test_not_hedges(text):
    assert find_hedges(text).empty


# Regressions from reading a random sample of rows on UN General Debate speeches:
# each sentence is paraphrased from a wrong (or a right) row, with the rows expected now.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # consider = examine / take into account, not believe
        ("It is imperative that we consider ways to end the war.", []),
        ("That Article should be considered in connexion with Article 10.", []),
        ("The matter has been considered by the Security Council.", []),
        ("We must consider the question as soon as possible.", []),
        ("The Assembly will consider actions taken as a result of the war.", []),
        ("We need to consider such questions as the borders.", []),
        ("Both States should consider joining as a step to unity.", []),
        (
            "We have considered the right to mint money to be an attribute.",
            [("considered", "hedge")],
        ),
        # consider as a verb of opinion
        ("The Government considers that force must not be used.", [("considers", "hedge")]),
        ("We consider it essential that all members pay.", [("consider", "hedge")]),
        ("Measures once considered drastic are now needed.", [("considered", "hedge")]),
        ("He is considered by many to be a statesman.", [("considered", "hedge")]),
        ("Some consider the plan as a trap.", [("consider", "hedge")]),
        # assume = take on
        ("The Assembly has assumed important responsibilities.", []),
        ("We are glad to see him assume the presidency.", []),
        ("We assume that they agree.", [("assume", "hedge")]),
        ("It would be a mistake to assume that they agree.", []),  # a belief rejected
        # the speaker's framing, not an attributed or tentative belief
        ("These principles must be seen as definitive.", []),
        ("Such aid will not be regarded as interference.", []),
        ("Neutrality cannot today be viewed as a passive concept.", []),
        ("The prospect can only be regarded as gloomy.", []),
        ("The United Nations is widely seen as a guardian.", [("seen as", "hedge")]),
        ("Such a step can be seen as a provocation.", [("seen as", "hedge")]),
        # a booster inside a courtesy formula or meaning "ensure"
        ("We should like to be certain that the Assembly agrees.", []),
        ("We must make sure that the aid arrives.", []),
        ("We are certain that you will succeed.", [("certain", "booster")]),
        ("There are certain trends in the world.", []),
        ("Such conflicts are true tests of the machinery.", []),
        ("It is true that the guns are silent.", [("true", "booster")]),
        ("We should do everything possible that can end the ordeal.", []),
        ("Five or six, as the case may be, will join.", []),
        # a first-person proposal, not a tentative claim
        ("I suggest that they should be replaced.", []),
        ("I suggest that a diplomatic arrangement be made.", []),
        ("The figures suggest that aid fell.", [("suggest", "hedge")]),
        # possibility of doing something, not of a proposition
        ("This should make it possible for Europe to act.", []),
        ("We must use the possibilities provided by the Organization.", []),
        ("There is a possibility that war will come.", [("There is a possibility", "hedge")]),
        # a noun, not the verb
        ("We return to the original postulates of the Charter.", []),
        # concessive and courtesy modals
        ("Important and urgent as such aspects may be, they are secondary.", []),
        ("However remote they might be from us, we will help.", []),
        ("That process, I might add, cannot be halted.", []),
        ("The crisis may shake the foundations of peace.", [("may", "hedge")]),
        # negated certainty adverbs do not boost
        ("A willingness which has not always been translated into action.", []),
        ("It is not really my concern.", []),
        ("Africa has always supported the talks.", [("always", "booster")]),
        # realize = achieve; show = demonstrate by an action
        ("The aspirations of the people must be realized.", []),
        ("Peoples strive to realize their aspirations.", []),
        ("We realize that the problem is grave.", [("realize", "booster")]),
        ("The two leaders must show that they are serious.", []),
        ("That goes to show that the founders were wise.", [("show", "booster")]),
        ("Statistics show that hunger is rising.", [("show", "booster")]),
        # a judged sample of 300 UN speeches (this session)
        ("That is even more true of the Assembly.", []),
        ("France is true to its policy.", []),
        ("It is true that we failed.", [("true", "booster")]),
        ("We resume talks within the shortest possible time.", []),
        ("It is possible that talks resume.", [("It is possible", "hedge")]),
        ("He may be sure that we shall help.", [("sure", "booster")]),  # an assurance
        ("You may rest assured that we act.", []),
        ("Members may be assured of our support.", []),
        ("We pray that we might all be guided.", []),
        ("We act so that, in time, all nations may prosper.", []),
        ("It is the worst possible outcome.", []),
        (
            "Investors may be confident that prices rise.",
            [("may", "hedge"), ("confident", "booster")],
        ),
        ("It caused the least possible harm.", []),
        ("A modest possible gain is likely.", [("possible", "hedge"), ("likely", "hedge")]),
        ("We pray that we may all be guided.", []),
        ("No matter what the settlers' desire might be, we act.", []),
        ("The settlers might leave.", [("might", "hedge")]),
    ],
)
def test_un_sample_regressions(text, expected):
    assert hedges(text) == expected


def test_negation_is_marked():
    table = find_hedges("This is not likely. Perhaps it is.")
    assert table["negated"].tolist() == [True, False]


def test_approximators_only_on_request():
    text = "About 50 people often talked about it."
    assert hedges(text) == []
    assert hedges(text, approximators=True) == [("About", "hedge"), ("often", "hedge")]
    table = find_hedges(text, approximators=True)
    assert table["subcategory"].tolist() == ["approximator", "downtoner"]
    with pytest.raises(ValueError, match="approximators"):
        find_hedges(text, approximators="yes")


def test_voice_and_speaker():
    text = "Officials said the deal may fail. “We will certainly win,” Lavrov said."
    c = corpus.from_texts([text])
    quoted = find_hedges(c, voice="quoted")
    assert quoted["match"].tolist() == ["certainly"]
    assert quoted["speaker"].tolist() == ["Lavrov"]
    assert find_hedges(c, voice="authorial")["match"].tolist() == ["may"]
    with pytest.raises(ValueError, match="voice"):
        find_hedges(c, voice="nobody")


def test_user_lexicon_file(tmp_path):
    path = tmp_path / "mine-v1.toml"
    path.write_text(
        '[lexicon]\nid = "mine"\nversion = "1"\nlicence = "CC0"\ncitation = ["me"]\n'
        'changelog = ["1: first"]\n\n[[item]]\nterm = "kind of"\ncategory = "hedge"\n'
        'subcategory = "vague"\n\n[[item]]\nterm = "definitely"\ncategory = "booster"\n',
        encoding="utf-8",
    )
    table = find_hedges("It is kind of odd, definitely odd.", lexicon=str(path))
    assert table["lemma"].tolist() == ["kind of", "definitely"]
    record = table.attrs["provenance"]
    assert record["lexicons"]["mine"] == "1"
    # a user's file is pinned by its content, whatever id and version it claims
    assert record["lexicon_sha256"]["mine"] == hashlib.sha256(path.read_bytes()).hexdigest()


def test_user_lexicon_with_bad_category_is_rejected(tmp_path):
    path = tmp_path / "bad-v1.toml"
    path.write_text(
        '[lexicon]\nid = "bad"\nversion = "1"\nlicence = "CC0"\ncitation = ["me"]\n'
        'changelog = ["1"]\n\n[[item]]\nterm = "maybe"\ncategory = "softener"\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="category='softener'"):
        find_hedges("Maybe.", lexicon=str(path))


def test_stat_hedging_against_hand_computation():
    docvars = pd.DataFrame({"side": ["a", "a", "b"]}, index=["d1", "d2", "d3"])
    c = corpus.from_texts(
        {
            "d1": "Perhaps it may rain.",  # 2 hedges, 4 words
            "d2": "It will certainly rain today, no doubt.",  # 2 boosters, 7 words
            "d3": "Probably.",  # 1 hedge, 1 word
        },
        docvars=docvars,
    )
    table = stat_hedging(c, by="side")
    a_hedges = table[(table["group"] == "a") & (table["measure"] == "hedges")].iloc[0]
    assert a_hedges["count"] == 2
    assert a_hedges["words"] == 11
    assert a_hedges["rate"] == pytest.approx((2 / 4 * 1000 + 0) / 2)
    assert a_hedges["pooled_rate"] == pytest.approx(2 / 11 * 1000)
    a_boost = table[(table["group"] == "a") & (table["measure"] == "boosters")].iloc[0]
    assert a_boost["rate"] == pytest.approx((0 + 2 / 7 * 1000) / 2)
    per_doc = stat_hedging(c, by="doc_id").set_index(["group", "measure"])
    assert per_doc.loc[("d3", "hedges"), "rate"] == pytest.approx(1000.0)
    assert table.attrs["provenance"]["function"] == "analysis.stat_hedging"


def test_stat_hedging_bad_by():
    with pytest.raises(ValueError, match="country"):
        stat_hedging(corpus.from_texts(["Maybe."]), by="country")


def test_plot_hedging_returns_axes():
    import matplotlib.pyplot as plt

    table = stat_hedging(corpus.from_texts(["Perhaps.", "Clearly so."]))
    fig, ax = plt.subplots()
    assert plot_hedging(table, ax=ax) is ax
    assert len(ax.patches) == 2
    plt.close(fig)
    assert plot_hedging(table).figure is not None
    plt.close("all")


WORDS = st.sampled_from(
    "it seems we believe perhaps may May might clearly no doubt there is not about 50 "
    "certain in my view the , . “ ” likely possible think tank".split()
)


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=25), st.booleans())
def test_offsets_always_slice_back_to_match(words, approximators):
    c = corpus.from_texts([" ".join(words)])
    assume(len(c) == 1)  # a text of marks alone is skipped: no words
    doc = next(iter(c))
    table = find_hedges(c, approximators=approximators)
    for row in table.itertuples():
        assert doc.text[row.start : row.end] == row.match
        assert row.category in {"hedge", "booster"}
    assert table["start"].is_monotonic_increasing


def test_potential_hedges_only_before_the_noun_it_qualifies():
    text = (
        "This is a potential threat. Brazil has great potential. The potential for growth "
        "is large. Its potential is vast. We will make this possible. It is possible that he lied."
    )
    hedges = find_hedges(text)
    assert hedges[["match", "category"]].values.tolist() == [
        ["potential", "hedge"],
        ["It is possible", "hedge"],
    ]
    text = (
        "We face potential and actual threats. The potential here is enormous. "
        "Its potential and its growth matter."
    )
    assert find_hedges(text)["start"].tolist() == [text.index("potential")]


def test_a_negative_subject_negates_a_certainty_marker():
    table = find_hedges("Nothing is clear yet. Nobody is sure. It is clear that we won.")
    assert table[["match", "category", "negated"]].values.tolist() == [
        ["clear", "hedge", True],
        ["sure", "hedge", True],
        ["It is clear", "booster", False],
    ]


def test_stat_hedging_min_words_keeps_a_two_word_quote_from_swinging_the_mean():
    texts = [
        "Lavrov said: “We may perhaps agree on many of the things that matter to us.”",
        "They called the plan “never enough”.",
    ]
    table = stat_hedging(texts, voice="quoted").set_index("measure")
    assert table.loc["boosters", "documents"] == 2
    assert table.loc["boosters", "rate"] == pytest.approx(500 / 2)  # (0 + 1 in 2 words) / 2
    kept = stat_hedging(texts, voice="quoted", min_words=5).set_index("measure")
    assert kept.loc["boosters", "documents"] == 1
    assert kept.loc["boosters", "rate"] == 0
    assert kept.loc["boosters", "count"] == 1  # still in the totals and the pooled rate
    assert kept.attrs["provenance"]["parameters"]["min_words"] == 5


def test_may_in_a_purpose_clause_is_no_hedge():
    text = "Funds were raised so that all countries may take part. Prices may fall."
    assert hedges(text) == [("may", "hedge")]


def test_plot_hedging_draws_no_whisker_for_a_group_without_an_interval():
    import matplotlib.pyplot as plt

    c = corpus.from_texts(
        ["Perhaps we act.", "It may rain. Perhaps.", "Maybe so."],
        docvars={"country": ["A", "A", "B"]},
    )
    table = stat_hedging(c, by="country")
    hedge = table[table["measure"] == "hedges"].set_index("group")
    assert hedge.loc["B", ["rate_low", "rate_high"]].isna().all()  # one document
    fig, ax = plt.subplots()
    plot_hedging(table, ax=ax)
    whiskers = [c for c in ax.collections if len(c.get_segments())]
    # one whisker per series (hedges, boosters) for group A only, none for B
    assert sorted(len(c.get_segments()) for c in whiskers) == [1, 1]
    assert ax.get_xlabel() == "no interval (too few documents): B"
    plt.close(fig)


def test_many_groups_without_an_interval_are_counted_not_named():
    import matplotlib.pyplot as plt

    names = [f"C{k:02d}" for k in range(12)]
    c = corpus.from_texts([f"Perhaps {n} acts." for n in names], docvars={"country": names})
    fig, ax = plt.subplots()
    plot_hedging(stat_hedging(c, by="country"), ax=ax)
    assert ax.get_xlabel() == "no interval (too few documents): 12 of 12 groups"
    plt.close(fig)


def test_groups_left_without_a_rate_keep_their_place_and_say_why():
    import matplotlib.pyplot as plt

    # With min_words=5 only group B's documents are counted: A and C, on either side of
    # it, have no rate, and a bar chart would have given them no slot at the axis' ends.
    c = corpus.from_texts(
        ["Perhaps.", "Perhaps we may act soon.", "It may rain, perhaps, today.", "Maybe."],
        docvars={"country": ["A", "B", "B", "C"]},
    )
    table = stat_hedging(c, by="country", min_words=5)
    assert table.set_index(["group", "measure"])["rate"].isna().tolist() == [
        True, True, False, False, True, True
    ]  # fmt: skip
    fig, ax = plt.subplots()
    plot_hedging(table, ax=ax)
    assert ax.get_xlim() == (-0.5, 2.5)
    marks = [(t.get_text(), t.xy[0]) for t in ax.texts]
    assert marks == [("n/a", 0), ("n/a", 2)]
    assert ax.get_xlabel() == "n/a (no document counted): A, C"
    plt.close(fig)


def test_lexicon_given_as_a_path(tmp_path):
    # A pathlib.Path reaches the per-document pass, which is compiled in regular
    # installs: it must not be narrowed to str there.
    import analysis

    lexicons = Path(analysis.__file__).parent / "lexicons"
    assert hedges("It may rain, perhaps.", lexicon=lexicons / "hedges" / "hedges-v1.toml") == [
        ("may", "hedge"),
        ("perhaps", "hedge"),
    ]
    modal_path = lexicons / "modals" / "modals-v1.toml"
    assert find_modals("It may rain.", lexicon=modal_path)["lemma"].tolist() == ["may"]


def test_rates_from_a_cached_corpus_equal_a_fresh_read(tmp_path):
    # A cached corpus's spans are packed (corpus.cache.SpanList); compiled code took
    # the word spans for a list and raised TypeError (regular installs). Words are no
    # longer restored from the cache (sentences are), and voices count them per document.
    from analysis import stat_modality

    folder = tmp_path / "texts"
    folder.mkdir()
    for i, text in enumerate(["We may perhaps agree. It is clearly right.", "We must go now."]):
        (folder / f"d{i}.txt").write_text(text, encoding="utf-8")
    fresh = corpus.read_corpus(folder)
    corpus.read_corpus(folder, cache=tmp_path / "cache")
    cached = corpus.read_corpus(folder, cache=tmp_path / "cache")
    assert type(cached["d0"].__dict__["sentences"]).__name__ == "SpanList"
    for voice in ("all", "authorial"):
        assert stat_hedging(cached, voice=voice).equals(stat_hedging(fresh, voice=voice))
        assert stat_modality(cached, voice=voice).equals(stat_modality(fresh, voice=voice))
    assert stat_hedging(cached)["count"].sum() == 3  # may, perhaps, clearly


def test_polite_and_permission_modals_are_no_hedges_and_senses_agree_with_find_modals():
    texts = [
        "In this connection may I recall that the law of the sea is important.",
        "If I may shift the focus now to peace-keeping.",
        "Let me reflect on what I might term the problems of success.",
        "No one could complain.",
        "It may rain tomorrow.",
        "This could be a disaster.",
    ]
    rows = find_hedges(corpus.from_texts(texts))
    assert rows[["doc_id", "match"]].values.tolist() == [["doc5", "may"], ["doc6", "could"]]
    # every modal counted as a hedge is one find_modals calls epistemic
    modals = find_modals(corpus.from_texts(texts)).set_index(["doc_id", "start"])["sense"]
    assert [modals[(d, s)] for d, s in rows[["doc_id", "start"]].values] == ["epistemic"] * 2


def test_feasibility_wishes_and_concessions_are_no_hedges():
    texts = [
        "True co-operation is possible only on the basis of respect.",  # feasible
        "No development is possible without debt relief.",
        "It is possible, we believe, to find an arrangement.",  # hedge: we believe
        "Blessed are those who defend democracy; may peace prevail.",  # a wish
        "May God be pleased with him.",
        "He prayed that the third session of the Assembly might not be a failure.",
        "We condemn racism wherever it may exist.",  # concessive
        "Whatever measures we may enact, we need help.",
        "It is quite possible that the talks will fail.",  # hedges from here on
        "A new war is possible in the region.",
        "There is a real possibility of fighting breaking out again.",
        "We pray for peace, but the conflict may spread.",  # "pray" governs no "may"
        "I say \u201cmay be\u201d because we cannot yet assume it.",
        "The worst may be over.",
    ]
    rows = find_hedges(corpus.from_texts(texts))
    hedges = rows[rows["category"] == "hedge"]
    assert hedges[["doc_id", "match"]].values.tolist() == [
        ["doc3", "we believe"],
        ["doc9", "possible"],
        ["doc10", "possible"],
        ["doc11", "possibility"],
        ["doc12", "may"],
        ["doc13", "may"],
        ["doc14", "may"],
    ]


def test_a_modal_in_what_is_hoped_for_is_a_wish_not_a_hedge():
    texts = [
        "We hope that the negotiating parties may show flexibility.",  # wishes
        "It is our sincere wish that that country might recover its unity.",
        "We hope this trend may continue.",
        "I hope I may be permitted some closing reflections.",
        "Brazil trusts that the consensus may serve as a starting-point.",
        "We hope that a sincere dialogue may have begun.",  # hedges from here on
        "We hope that we may be approaching a new era.",
        "We hope that all the problems that may arise will be solved.",
        "A glimmer of hope may be perceived in Cyprus.",  # "hope" a noun
        "Any hope we might have had was lost.",
        "We hope for peace, but the conflict may spread.",
    ]
    rows = find_hedges(corpus.from_texts(texts))
    hedges = rows[rows["category"] == "hedge"]
    assert hedges["doc_id"].tolist() == [f"doc{n}" for n in range(6, 12)]
    assert set(hedges["match"]) == {"may", "might"}


def test_a_modal_framing_a_question_or_a_saying_is_no_hedge():
    texts = [
        "One might well ask how this happened.",  # framings
        "Some may ask if these attempts subvert our aims.",
        "Why, it may well be asked, is the issue raised now?",
        "Who, we might well ask, gave them that right?",
        "It may be argued that the plan has failed.",  # hedges: a distanced claim
        "Some may fail to see the danger.",
    ]
    rows = find_hedges(corpus.from_texts(texts))
    hedges = rows[rows["category"] == "hedge"]
    assert hedges[["doc_id", "match"]].values.tolist() == [["doc5", "may"], ["doc6", "may"]]


def test_a_claim_hedges_only_as_the_speakers_own_and_taking_office_is_no_assumption():
    texts = [
        "We claim that the plan is sound.",  # hedges: the speaker's own claims
        "I would not claim that the plan is perfect.",
        "Israel claims that its troops entered to keep the peace.",  # reported: no hedge
        "They claimed that the Palestinians were Jordanians.",
        "We congratulate you on your assumption of the presidency.",  # taking office
        "He spoke on his assumption of office.",
        "The assumption of rational actors is false.",  # hedges: supposing
        "These assumptions were laid to rest.",
        "The two Libyan suspects, had acted alone.",  # a noun, not the verb
        "We suspect that the figures are wrong.",  # hedge
    ]
    rows = find_hedges(corpus.from_texts(texts))
    hedges = rows[rows["category"] == "hedge"]
    assert hedges[["doc_id", "lemma"]].values.tolist() == [
        ["doc1", "claim"],
        ["doc2", "claim"],
        ["doc7", "assumption"],
        ["doc8", "assumption"],
        ["doc10", "suspect"],
    ]


def test_uncertainty_hedges_when_stated_of_what_is_the_case_not_as_a_topic():
    texts = [
        "There is much uncertainty about his early life.",  # hedges
        "Some uncertainty still exists over the efficacy of these treatments.",
        "There remain many uncertainties in the region.",
        "The uncertainty as to whether the talks resume is great.",
        "We live in a period characterized by uncertainty.",  # topics
        "Rescheduling creates a climate of uncertainty.",
        "Financial uncertainty afflicts all economies.",
        "There is no uncertainty about our position.",
    ]
    rows = find_hedges(corpus.from_texts(texts))
    hedges = rows[rows["category"] == "hedge"]
    assert hedges["doc_id"].tolist() == ["doc1", "doc2", "doc3", "doc4"]


def test_the_possible_as_a_noun_and_an_emphatic_could_not_be_more_are_no_hedges():
    texts = [
        "We must recognize the art of the possible.",
        "This coincidence could not be more fortunate.",
        "The timing could not have been more opportune.",
        "The possible use of nuclear weapons alarms us.",  # hedges
        "The talks could not succeed without help.",
    ]
    rows = find_hedges(corpus.from_texts(texts))
    hedges = rows[rows["category"] == "hedge"]
    assert hedges[["doc_id", "match"]].values.tolist() == [["doc4", "possible"]]


def _hedged(text: str) -> list[str]:
    rows = find_hedges(text)
    return rows[rows["category"] == "hedge"]["lemma"].tolist()


@pytest.mark.parametrize(
    "text, expected",
    [
        # another clause between the wish and the modal: the modal is no longer wished
        ("We hope for peace but the war may spread to the whole region.", ["may"]),
        ("I trust the Assembly is aware that the situation may deteriorate.", ["may"]),
        ("We hope that the parties realize that renewed violence may destroy it.", ["may"]),
        ("We hope that a dialogue may well have begun.", ["may"]),
        ("It is our sincere wish that that country might recover.", []),
        # the speaker's own claims, past the auxiliaries and an aside
        ("We have often claimed that the plan works.", ["claim"]),
        ("We, for our part, claim that the plan works.", ["claim"]),
        ("It is claimed that the plan works.", []),  # no one's: attribution
        # "suspect" as a verb, with its subject before it or a clause after it
        ("We suspect, however, that the figures are too low.", ["suspect"]),
        ("The figures are higher, as we suspect.", ["suspect"]),
        ("Israel suspects that its neighbour lies.", ["suspect"]),
        ("The two Libyan suspects were handed over.", []),
        # stated doubt, whatever stands between "there is" and "uncertainty"
        ("There is a great deal of uncertainty.", ["uncertainty"]),
        ("There is no real uncertainty about our aims.", []),
        ("The economic uncertainty over the past decade hurt investment.", []),
        ("It may be asked to contribute more troops.", ["may"]),  # a State asked, no framing
        ("Talks are within the realm of the possible, and we welcome them.", []),
        ("Members may recall that the resolution was ours.", []),  # a reminder
        ("As delegations may remember, the vote was close.", []),
    ],
)
def test_review_cases_of_the_new_hedge_rules(text, expected):
    assert _hedged(text) == expected


def test_possible_that_counts_or_is_made_and_unknown_as_a_name_are_no_hedges():
    texts = [
        "The language has four possible patterns.",
        "We will co-operate to the maximum extent possible.",
        "Technology has made intraframe compression possible.",
        "The Unknown Soldier lies here.",
        "Hitherto unknown dangers threaten us.",
        "The activity was estimated by measuring the product.",
        "A possible reason is that talks failed.",  # hedges from here on
        "The cause of the blast is still largely unknown.",
        "It remains unknown whether the talks resume.",
        "Losses are estimated at two billion dollars.",
    ]
    rows = find_hedges(corpus.from_texts(texts))
    hedges = rows[rows["category"] == "hedge"]
    assert hedges[["doc_id", "match"]].values.tolist() == [
        ["doc7", "possible"],
        ["doc8", "unknown"],
        ["doc9", "unknown"],
        ["doc10", "estimated"],
    ]


def test_a_belief_view_or_idea_held_with_its_content_is_a_doxastic_hedge():
    texts = [
        "It is our belief that talks will succeed.",
        "My delegation is of the view that the report deserves attention.",
        "We reject the idea that power is invincible.",
        "The series is generally regarded by many as the beginning.",
        "It is with this in view that we act.",  # no hedges from here on
        "Our belief in peace is firm.",
        "The room has a view that is lovely.",
        "The idea of a museum was born.",
    ]
    rows = find_hedges(corpus.from_texts(texts))
    hedges = rows[rows["category"] == "hedge"]
    assert hedges[["doc_id", "match", "subcategory"]].values.tolist() == [
        ["doc1", "belief", "epistemic noun"],
        ["doc2", "view", "epistemic noun"],
        ["doc3", "idea", "epistemic noun"],
        ["doc4", "regarded by many as", "epistemic verb"],
    ]
    # held firmly, it is a booster, as "we firmly believe that" is
    firm = find_hedges("It is our firm belief that talks will succeed.")
    assert firm[["match", "category"]].values.tolist() == [["firm belief", "booster"]]


def test_less_certain_a_supposed_finding_and_distrust():
    texts = [
        "The outcome is less certain.",  # a hedge: certainty said to be lacking
        "It is no less certain that we will win.",  # a booster: as certain
        "It is none the less certain that we will win.",  # a booster too
        "The outcome is far from certain.",  # a hedge, as "not certain"
        "If the assessment shows that stocks recovered, quotas rise.",  # no booster
        "The assessment shows that stocks recovered.",  # a booster
        "Secrecy would only feed suspicion.",  # distrust: no hedge
        "There is a suspicion that the vote was rigged.",  # a hedge
    ]
    rows = find_hedges(corpus.from_texts(texts))
    rows = rows[rows["lemma"].isin(["certain", "show", "suspicion"])]
    assert rows[["doc_id", "match", "category", "negated"]].values.tolist() == [
        ["doc1", "certain", "hedge", True],
        ["doc2", "certain", "booster", False],
        ["doc3", "certain", "booster", False],
        ["doc4", "certain", "hedge", True],
        ["doc6", "shows", "booster", False],
        ["doc8", "suspicion", "hedge", False],
    ]


def test_expect_as_a_demand_is_no_hedge_and_as_a_prediction_is_one():
    texts = [
        "Exports are expected to increase.",  # predictions: hedges
        "We expect that agreements will be reached.",
        "We expect the treaty to come into force this year.",
        "Analysts expect the team to be weaker.",
        "As was to be expected from the nature of the problem, it failed.",
        "Analysts expect the central bank to raise rates in March.",  # forecasts in news
        "We expect the vote to take place in May.",
        "Analysts expect a rebound from China.",
        "We expect South Africa to make amends.",  # demands: no hedges from here on
        "It expects the world community to lend it support.",
        "We expect a more positive contribution from China.",
        "Much is expected from this forum.",
        "Peoples have the right to expect results.",
    ]
    rows = find_hedges(corpus.from_texts(texts))
    expect = rows[rows["lemma"] == "expect"]
    assert expect["doc_id"].tolist() == [f"doc{k}" for k in range(1, 9)]


def test_a_point_of_view_the_verb_view_and_relative_clauses_hold_no_belief():
    texts = [
        "We are of the view that we should act.",  # a belief held
        "It is our belief that we share a destiny.",
        "From this point of view that plan is sound.",  # no hedges from here on
        "We view that as a sign of trust.",
        "We support the ideas that he developed on behalf of the group.",
        "I voiced some ideas that I should like to repeat here today.",
        "The idea that we would support, already discussed, is simple.",
        "It is a lack of ideas that hampers progress.",
    ]
    rows = find_hedges(corpus.from_texts(texts))
    held = rows[rows["lemma"].isin(["belief", "view", "idea"])]
    assert held[["doc_id", "match"]].values.tolist() == [["doc1", "view"], ["doc2", "belief"]]


def test_a_granted_clause_a_summary_and_a_mandated_modal_are_no_hedges():
    texts = [
        "Our wine may be bitter but it is our wine.",
        "The process of dialogue may be slow, but we are convinced it works.",
        "Our policy may be summarized as follows.",
        "The parties demand that the territories may be evacuated.",
        "However unsatisfactory the results may seem, they help.",
        "It may result not merely in talks, but in decisions.",  # hedges from here on
        "The difficulties that may lie ahead are real, but we hope.",
        "The results may seem poor.",
        "Causes which seem local but have wide effects.",
        "The crisis may worsen, but we hope it will not.",  # a possibility weighed
        "It is estimated from what we have heard that two million fled.",
    ]
    rows = find_hedges(corpus.from_texts(texts))
    hedges = rows[rows["category"] == "hedge"]
    assert hedges[["doc_id", "match"]].values.tolist() == [
        ["doc6", "may"],
        ["doc7", "may"],
        ["doc8", "may"],
        ["doc8", "seem"],
        ["doc9", "seem"],
        ["doc10", "may"],
        ["doc11", "estimated"],
    ]


def test_might_after_that_or_this_hedges_and_the_noun_might_does_not():
    texts = [
        "This might help.",
        "Measures that might help are welcome.",
        "Some of these steps might fail.",
        "The doctrine that might makes right is old.",  # the noun from here on
        "They do not have that might.",
        "Right over might, always.",
    ]
    rows = find_hedges(corpus.from_texts(texts))
    hedges = rows[rows["category"] == "hedge"]
    assert hedges[["doc_id", "match"]].values.tolist() == [
        ["doc1", "might"],
        ["doc2", "might"],
        ["doc3", "might"],
    ]


def test_the_readme_recipe_puts_docvars_and_sentences_beside_each_match(tmp_path, monkeypatch):
    import json

    import analysis

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    after = readme[readme.index("**Matches with their docvars and sentences.**") :]
    recipe = after.split("```python\n", 1)[1].split("```", 1)[0]
    c = corpus.from_texts(
        ["We may agree. Peace holds.", "Perhaps not. It seems so."],
        docvars={"country": ["XNO", "XKA"], "year": [1990, 1991]},
    )
    monkeypatch.chdir(tmp_path)
    names = {"analysis": analysis, "c": c}
    exec(recipe, names)
    rows = names["rows"]
    assert rows[["match", "country", "year", "sentence"]].values.tolist() == [
        ["may", "XNO", 1990, "We may agree."],
        ["Perhaps", "XKA", 1991, "Perhaps not."],
        ["It seems", "XKA", 1991, "It seems so."],
    ]
    record = json.loads((tmp_path / "hedges.csv.provenance.json").read_text(encoding="utf-8"))
    assert record["function"] == "analysis.find_hedges"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "possible" said of something that can be achieved: feasibility, no hedge
        ("Peace is possible.", []),
        ("Such elimination is no longer possible.", []),
        ("This is not always possible, because they refuse.", []),
        ("A settlement of the conflict is possible if all agree.", []),
        ("War is not possible without weapons.", []),
        # near misses: an event that may happen, "it is possible (that)" hedge
        ("A new war is possible in the region.", [("possible", "hedge")]),
        ("Further attacks are still possible.", [("possible", "hedge")]),
        ("It is possible.", [("It is possible", "hedge")]),
        ("It is possible that peace will come.", [("It is possible", "hedge")]),
        # "possibility" of doing something to an object, or weighed: an option
        ("We must study the possibility of holding a meeting.", []),
        ("They examined the possibility of a conference.", []),
        ("The talks open the possibility of progress.", []),
        # near misses: a chance that something happens
        (
            "There is a real possibility of fighting breaking out again.",
            [("possibility", "hedge")],
        ),
        ("The possibility of being attacked remains.", [("possibility", "hedge")]),
        ("We examined the possibility that he lied.", [("possibility", "hedge")]),
        ("The possibility of war alarms us.", [("possibility", "hedge")]),
    ],
)
def test_feasible_possible_and_optional_possibility_are_no_hedges(text, expected):
    assert hedges(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a belief the speaker rejects or denies anyone holds
        ("It is an illusion to believe that peace will come.", []),
        ("It would be naive for any of us to assume that it is over.", []),
        ("We would be mistaken to think that the crisis is over.", []),
        ("It is wrong to suggest that they failed.", []),
        ("Who can still believe that they are sincere?", []),
        ("No one can really believe that the war is over.", []),
        ("Is there anyone who seriously believes that?", []),
        # near misses: the speaker's own belief or doubt
        ("It is not unreasonable to think that it works.", [("think", "hedge")]),
        ("It is difficult to believe that they will agree.", [("believe", "hedge")]),
        ("We believe that it works.", [("We believe", "hedge")]),
    ],
)
def test_a_belief_rejected_or_denied_is_no_hedge(text, expected):
    assert hedges(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # doubt denied states certainty: a booster, negated
        ("No one can doubt that the Organization matters.", [("doubt", "booster")]),
        ("There is little doubt that it failed.", [("doubt", "booster")]),
        ("It proved beyond a shadow of a doubt who attacked.", [("doubt", "booster")]),
        ("If there were ever any doubt as to that, it is gone.", [("doubt", "booster")]),
        ("Who can doubt that the stripping of peoples is wrong?", [("doubt", "booster")]),
        ("We do not doubt their good faith.", [("doubt", "booster")]),
        # near misses: doubt held or raised
        ("I doubt that it works.", [("doubt", "hedge")]),
        ("We have doubts about the plan.", [("doubts", "hedge")]),
        ("These tests arouse doubts as to their sincerity.", [("doubts", "hedge")]),
    ],
)
def test_a_denied_doubt_is_a_booster(text, expected):
    assert hedges(text) == expected
    if expected[0][1] == "booster":
        assert find_hedges(text)["negated"].tolist() == [True]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # emphasis, not doubt
        ("Nothing could be more damaging.", []),
        ("No other lesson could be more timely.", []),
        ("We cannot possibly accept that.", []),
        ("They could not possibly compare with it.", []),
        ("There is no future, nor can there possibly be one.", []),
        # near misses
        ("This could be more damaging.", [("could", "hedge")]),
        ("It is possibly true.", [("possibly", "hedge")]),
        ("We can possibly meet in May.", [("possibly", "hedge")]),
    ],
)
def test_emphatic_could_and_possibly_are_no_hedges(text, expected):
    assert hedges(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # concessions, also where the concessive word is far back
        ("Modest as it may seem, this approach works.", []),
        ("Depressing as it may sound, the facts are plain.", []),
        (
            "However traumatic its immediate consequences in the short term may be, "
            "the change is good.",
            [],
        ),
        # "consider that" in a when/if clause: take into account
        ("When we consider that exports fell, the case is plain.", []),
        ("If one considers that exports fell, the debt grows.", []),
        # near misses
        ("It may seem modest.", [("may", "hedge"), ("seem", "hedge")]),
        ("The consequences may be traumatic, we fear.", [("may", "hedge"), ("fear", "hedge")]),
        ("We consider that exports fell.", [("consider", "hedge")]),
    ],
)
def test_concessions_and_consider_when_are_no_hedges(text, expected):
    assert hedges(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a firm belief boosts, whatever the verb's form
        ("Austria firmly believes that it works.", [("firmly believes", "booster")]),
        ("My delegation strongly believed that.", [("strongly believed", "booster")]),
        # an allegation rejected, or mutual accusations, reports no doubt
        ("We refute these baseless accusations.", []),
        ("They made false allegations against us.", []),
        ("We reject the allegation that we took part.", []),
        ("Mutual accusations have replaced dialogue.", []),
        ("A team will investigate allegations of abuse.", [("allegations", "hedge")]),
        # "not true" denies: a negated booster; "not clear" still lacks certainty
        ("That is simply not true.", [("true", "booster")]),
        ("It is not clear.", [("clear", "hedge")]),
        # superlative before "possible"
        ("We thank you in the most solemn possible way.", []),
        # an inverted concession
        ("Small though they may be, these steps count.", []),
        ("Unbelievable though it may seem, it happened.", []),
        ("Even though we may be wrong, we act.", [("may", "hedge")]),
        # "be supposed to" do something: meant to; "supposed to be" reports hearsay
        ("Aid is supposed to help development.", []),
        ("The beach is supposed to be great.", [("supposed", "hedge")]),
        ("We suppose that it works.", [("suppose", "hedge")]),
        # "in which we believe": faith
        ("These are the principles in which we believe.", []),
        ("It is one way in which we think we can help.", [("we think", "hedge")]),
        ("It is an era in which peoples expect justice.", [("expect", "hedge")]),
        ("It is a world in which many believe that war is inevitable.", [("believe", "hedge")]),
        # "consider that" after when/if is taking into account only with a generic
        # subject; "if it considers that" is an opinion
        ("When it is considered that exports fell, the debt grows.", []),
        ("Even if it considers that the treaty fails, it signed.", [("considers", "hedge")]),
    ],
)
def test_firm_beliefs_rejected_allegations_and_meant_to_are_no_hedges(text, expected):
    assert hedges(text) == expected
