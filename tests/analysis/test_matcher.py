import pandas as pd

from analysis._context import TokenView
from analysis._matcher import form_matcher, lowered
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
