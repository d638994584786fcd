import re

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis._context import TokenView
from analysis._matcher import _LEFT, _RIGHT, _form_body, form_matcher, lowered
from analysis._senses import SenseModel


def hits(forms: list[str], text: str) -> list[str]:
    matcher = form_matcher(pd.DataFrame({"term": forms}))
    low = lowered(text)
    out, pos = [], 0
    while (hit := matcher.next_hit(low, pos)) is not None:
        start, candidates = hit
        end = candidates[0][0]
        out.append(text[start:end])
        pos = end
    return out


def test_word_boundaries_follow_the_tokenizer():
    text = "We can't say; a must-have can. We'll see, it can\nnot be."
    assert hits(["can", "must", "'ll", "can not"], text) == ["can", "'ll", "can\nnot"]


def test_longest_form_and_wildcards_and_case():
    text = "Perhaps NOT NECESSARILY; rumours spread. Not now."
    forms = ["not", "not necessarily", "rumour*", "perhaps"]
    assert hits(forms, text) == ["Perhaps", "NOT NECESSARILY", "rumours", "Not"]


def test_candidates_are_longest_first():
    matcher = form_matcher(pd.DataFrame({"term": ["have", "have to"]}))
    start, candidates = matcher.next_hit("we have to go", 0)
    assert start == 3
    assert candidates == [(10, 1), (7, 0)]


def test_lowered_keeps_offsets():
    text = "İstanbul may"
    assert len(lowered(text)) == len(text)
    assert lowered(text).endswith("may")


def test_window_view_is_cut_to_the_sentence():
    text = "First one. Mr. Smith may well go home today, he said."
    sentence = (11, len(text))
    start = text.index("may")
    view = TokenView.window(text, start, start + 3, sentence)
    i, j = view.locate(start, start + 3)
    assert view.raw[i:j] == ["may"]
    assert view.prev_words(i, 3) == ["smith", "mr.", ""]
    assert view.next_words(i, 2) == ["well", "go"]
    assert view.sentence_start(view.raw.index("Mr."))
    assert view.locate(start + 1, start + 3) is None


def test_sense_model_predicts_above_threshold_only():
    model = SenseModel(("deontic", "epistemic"), (0.0, 0.0), {"perfect": (-2.0, 2.0)}, 0.8)
    assert model.predict(["perfect", "unknown"], "deontic") == "epistemic"
    assert model.predict([], "deontic") == "deontic"  # 0.5 < 0.8: the rule stands
    probs = model.probabilities(["perfect"])
    assert abs(probs[1] - 1 / (1 + 2.718281828459045**-4)) < 1e-9


# --- the scan agrees with one plain regex of all forms (its definition) ------------

_FORMS = ["can", "can not", "'ll", "'d better", "may", "must", "not", "rumour*", "ha", "a"]


def _reference_starts(forms: list[str], low: str) -> list[int]:
    """Hit offsets by a flat alternation with the boundaries as lookarounds."""
    words = [_form_body(f) for f in forms if not f.startswith("'")]
    clitics = [_form_body(f) for f in forms if f.startswith("'")]
    either = ([f"{_LEFT}(?:{'|'.join(words)})"] if words else []) + clitics
    pattern = re.compile(f"(?:{'|'.join(either)}){_RIGHT}")
    out, pos = [], 0
    while (m := pattern.search(low, pos)) is not None:
        out.append(m.start())
        pos = m.start() + 1
    return out


def _scan_starts(forms: list[str], low: str) -> list[int]:
    matcher = form_matcher(pd.DataFrame({"term": forms}))
    out, pos = [], 0
    while (hit := matcher.next_hit(low, pos)) is not None:
        out.append(hit[0])
        pos = hit[0] + 1
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list("canotmyl'dbetrhsu -é_\n1.Ü"), max_size=40))
def test_scan_finds_the_same_starts_as_the_plain_regex(text):
    low = lowered(text)
    assert _scan_starts(_FORMS, low) == _reference_starts(_FORMS, low)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=list("canotmyl'dbetrhsu -é_\n1.Ü"), max_size=30))
def test_next_hit_from_any_position_is_the_first_plain_hit_there(text):
    low = lowered(text)
    matcher = form_matcher(pd.DataFrame({"term": _FORMS}))
    starts = _reference_starts(_FORMS, low)
    for pos in range(len(low) + 1):
        hit = matcher.next_hit(low, pos)
        expected = next((s for s in starts if s >= pos), None)
        assert (hit[0] if hit else None) == expected, pos
    assert matcher.next_hit(" a", 1)[0] == 1


def test_words_of_a_form_may_stand_on_separate_lines():
    # A line break between "I" and "believe" once hid the phrase (its lookup key was
    # "i " and the text had "i\n"), so "believe" alone was taken.
    assert hits(["i believe", "believe"], "As I\nbelieve, we may.") == ["I\nbelieve"]


_FORM = st.from_regex(r"[abn]{1,3}\*?( [abn]{1,2}\*?){0,2}|'[abn]{1,2}|[é2-][abn]", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FORM, min_size=1, max_size=5), st.text(alphabet=list("abn '-\né_2x"), max_size=40))
def test_scan_of_any_lexicon_finds_the_starts_of_the_plain_regex(forms, text):
    # Lexicons whose word forms all start with a-z are scanned by letter runs (a form's
    # first one, two or three runs); one form that does not, such as "é..." or "2...",
    # sends its lexicon to the regex scan.
    low = lowered(text)
    assert _scan_starts(forms, low) == _reference_starts(forms, low)


def test_scan_edges():
    for text in ["can", "écan can", "x'll we'll", "_may -may é-must 'must", "a'd better"]:
        assert _scan_starts(_FORMS, text) == _reference_starts(_FORMS, text), text


def test_sense_model_scores_by_family_equal_scores_by_name():
    weights = {
        "subj=we": (0.5, -0.25, 0.125),
        "masc:subj=we": (0.1, 0.2, 0.3),
        "verb==": (1.0, 0.0, -1.0),
        "adv=also": (0.3, 0.3, -0.6),
        "perfect": (-2.0, 2.0, 0.0),
        "dom=masc": (0.01, 0.02, 0.03),
    }
    model = SenseModel(("a", "b", "c"), (0.1, 0.2, 0.3), weights, 0.5, "masc")
    by_family, adverbs, flags = model.layout(("subj", "verb", "next"), ("perfect", "passive"))
    assert by_family[0]["we"] == (0.5 + 0.1, -0.25 + 0.2, 0.125 + 0.3)  # the domain's copy
    assert by_family[1]["="] == (1.0, 0.0, -1.0)
    assert by_family[2] == {} and adverbs == {"also": (0.3, 0.3, -0.6)}
    assert flags == ((-2.0, 2.0, 0.0), None)
    active = [by_family[0]["we"], by_family[1]["="], adverbs["also"], adverbs["also"], flags[0]]
    names = ["subj=we", "verb==", "next=x", "adv=also", "adv=also", "perfect"]
    assert model.probabilities_of(active) == model.probabilities(names)
    plain = [0.1 + 0.01, 0.2 + 0.02, 0.3 + 0.03]  # bias and the domain bias
    for w in active:
        for k, value in enumerate(w):
            plain[k] += value
    assert model.scores(active) == plain  # the three-class shortcut adds in the same order
    assert model.decide(model.probabilities(names), "c", False) == model.predict(names, "c")


def test_compiled_plans_survive_pickling():
    # Spawned workers and Dask get the detectors' plans pickled; regular installs
    # compile these frozen dataclasses with mypyc, which did not unpickle them.
    import pickle

    from analysis._comparison_rules import _rules
    from analysis._hedge_rules import _prepare

    matcher = _prepare(None, False)[1][0]
    again = pickle.loads(pickle.dumps(matcher))
    assert again.words.pattern == matcher.words.pattern
    assert again.candidates("we may go", 3) == matcher.candidates("we may go", 3) != []
    rules = pickle.loads(pickle.dumps(_rules()))
    assert rules.than.pattern == _rules().than.pattern


@given(st.text(alphabet="aZé É“”—Σσ'İ\u0130ÀÿŸ\n-", max_size=30))
def test_lowering_ascii_cased_text_agrees_with_str_lower(text):
    # The bytes path is taken only when it gives str.lower's answer; else None.
    from analysis._matcher import lower_ascii_cased

    fast = lower_ascii_cased(text)
    if fast is not None:
        assert fast == text.lower()
    assert len(lowered(text)) == len(text)
    if len(text.lower()) == len(text):
        assert lowered(text) == text.lower()


def test_lowering_falls_back_when_a_non_ascii_letter_changes_case():
    from analysis._matcher import lower_ascii_cased

    assert lower_ascii_cased("Peace “NOW” — Côte") == "peace “now” — côte"
    assert lower_ascii_cased("ÉTATS") is None
    assert lower_ascii_cased("ΣΟΦΙΑ") is None
    assert lowered("ÉTATS-UNIS") == "états-unis"
    assert lowered("İstanbul") == "istanbul"  # offsets kept: one character for "İ"
    # Python's str.lower in compiled modules too (mypyc's own misses the final sigma).
    assert lowered("ΑΣ.") == "ας."
