"""The per-document pass of :mod:`analysis.modals`: the lexicon scan, the rules that
tell a modal from a noun or a month, and the sense, strength and negation rules.
Compiled with mypyc in regular installs (setup.py).
"""

from __future__ import annotations

import math
import re
from itertools import compress
from typing import Any

from corpus import Document
from corpus.document import sentence_index

from ._context import (
    BE,
    DETERMINERS,
    HAVE,
    MONTH_CONTEXT,
    NEGATORS,
    PERSONAL,
    TokenView,
    is_ing,
    is_number,
    is_participle,
    is_word,
    voices,
)
from ._input import voice_allows, words_in_voice
from ._matcher import FormMatcher, form_matcher, lowered
from ._senses import ELLIPSIS_FEATURE, MODEL_VERSION, SenseModel, sense_models
from .lexicon import Lexicon, load_lexicon

SENSES = ("epistemic", "deontic", "dynamic", "unclear")
STRENGTHS = ("low", "median", "high")

# Words skipped when looking for the verb a modal governs.
_ADVERBS = frozenset(
    """not n't never also still only even well then now soon certainly surely always just
    therefore thus indeed ever yet already hardly rather easily probably possibly perhaps
    clearly really simply no longer further all both""".split()
)
_WILL_NOUN_BEFORE = frozenset(
    """political free good ill strong collective popular general sovereign own firm
    national international common genuine real sincere lack sheer divine""".split()
)
_MIGHT_NOUN_BEFORE = frozenset(
    """military economic naval nuclear full industrial financial air sheer great greatest
    mighty american russian soviet western imperial armed technological physical
    political""".split()
)
# Determiners that also stand alone as a subject: "That will help", "opportunities that
# might never return", "these will require", "some might say", "each will pursue". After
# them "will" and "might" are nouns only where the next word is none a modal takes.
_SUBJECT_DETERMINERS = frozenset("this that these those some each".split())
# Finite verbs (and modals) that follow a noun subject but never a modal: "that will is
# clearly asserted", "this will has resulted", "the theory that might makes right",
# "this will can be mobilized".
_MODAL_FORMS = frozenset("will would shall should may might must can could".split())
_VERBS_AFTER_NOUN = _MODAL_FORMS | frozenset("is was has had makes belongs remains cannot".split())
# "will of course be", "will of necessity be drawn": "of" opening an adverbial after the
# modal, not the noun's "of" ("the will of the people").
_OF_ADVERBIALS = frozenset({"course", "necessity"})
# Tokens that close a clause: a modal after a bare "that" or "this" does not end one
# ("broaden that will.", "They do not have that might.").
_CLAUSE_END = frozenset({".", ";", ":", "!", "?", ")", ""})
_PREPOSITIONS = frozenset(
    """of by with without to from against on upon in into over through towards toward about
    under before for""".split()
)
# Words that cannot be the subject of a modal right after them, so that "might" before
# a comma or a full stop is the noun: "right over might,", "power or might.", "Right is
# might," (but "China might, after all, find", "which might, in certain circumstances").
_NOT_SUBJECTS = _PREPOSITIONS | BE | {"", "and", "or", "nor", "not", "than"}
_PUNCTUATION_AFTER_NOUN = _CLAUSE_END | {",", "—"}
_CAN_NOUN_BEFORE = frozenset({"a", "the", "tin", "beer", "soda", "oil", "gas", "trash", "every"})
_NEED_NOUN_BEFORE = frozenset(
    """urgent pressing real clear growing great no vital absolute obvious critical
    particular special""".split()
)
_COURTESY_VERBS = frozenset(
    """thank congratulate express welcome begin join pay extend commend reiterate associate
    convey offer acknowledge recall stress emphasize emphasise draw conclude add say state
    inform assure place echo recognize recognise highlight take share address touch turn
    refer comment make put underline salute""".split()
)
_CONDITION_SUBJECTS = frozenset("the a an it this that there any he she they".split())
_INFERENCE_SUBJECTS = frozenset({"you", "that", "it", "he", "she", "they", "this"})
_STATIVE_VERBS = frozenset(
    "feel know love hate think mean like want need seem look sound believe understand".split()
)
_STATIVE_ADJ_AFTER_BE = frozenset(
    """true right wrong possible impossible difficult easy enough the a an some"""
    """ no clear obvious likely unlikely""".split()
)


def _lexicon(lexicon: Any) -> Lexicon:
    # ``lexicon``: an id, a path, a Lexicon or None; Any, so that the compiled module
    # does not narrow it (a pathlib.Path is fine).
    if isinstance(lexicon, Lexicon):
        return lexicon
    return load_lexicon(lexicon or "modals")


def _plan(lex: Lexicon) -> tuple[FormMatcher, list[dict], dict]:
    items = lex.items.to_dict("records")
    for item in items:
        item["lemma"] = str(item.get("lemma") or item["term"])
        item["sense"] = str(item.get("sense") or "unclear")
        item["strength"] = str(item.get("strength") or "median")
        item["negated"] = bool(item.get("negated") or False)
    return form_matcher(lex.items), items, sense_models()


def modals_in_document(
    doc: Document, plan: tuple, voice: str, count_words: bool = True
) -> tuple[list[tuple], int]:
    """Modal rows of one document and its word count in ``voice``.

    ``count_words=False`` skips the word count (0 is returned), which needs the
    document's tokens; finding the modals does not.
    """
    matcher, items, models = plan
    text = doc.text
    found = modal_spans(doc, matcher, items, models)
    rows = []
    for (start, end, item, sense, negated, sent_id), (actual, speaker) in zip(
        found, voices(doc, [f[0] for f in found]), strict=True
    ):
        if not voice_allows(voice, actual):
            continue
        rows.append(
            (
                doc.doc_id,
                sent_id,
                start,
                end,
                text[start:end],
                item["lemma"],
                sense,
                modal_strength(item, sense, negated),
                negated,
                actual,
                speaker,
            )
        )
    return rows, len(words_in_voice(doc, voice)) if count_words else 0


def modal_spans(
    doc: Document, matcher: FormMatcher, items: list[dict], models: dict | None = None
) -> list[tuple[int, int, dict, str, bool, int]]:
    """``(start, end, item, sense, negated, sent_id)`` of each modal in ``doc``.

    One scan of the compiled pattern over the lower-cased text; the rules read a
    small token window around each hit. ``models`` maps a lemma to its sense
    classifier (:mod:`analysis._senses`), which has the last word when confident.
    """
    text = doc.text
    low = lowered(text)
    out = []
    pos = 0
    hits = matcher.scan(low)
    while (hit := hits.next_hit(pos)) is not None:
        start, candidates = hit
        accepted = None
        if candidates:
            sent_id = sentence_index(doc.sentence_starts, start)  # (no Python frame)
            view = TokenView.window(text, start, candidates[0][0], doc.sentences[sent_id])
            for stop, index in candidates:
                located = view.locate(start, stop)
                if located and is_modal(view, *located, items[index]["lemma"]):
                    accepted = (stop, items[index], *located)
                    break
        if accepted is None:
            pos = start + 1
            continue
        stop, item, i, end = accepted
        lemma = item["lemma"]
        context = _hit_context(view, i, end)
        negated = item["negated"] or _negated(view, i, end, lemma)
        sense = classified_sense(view, i, end, item, negated, context, models)
        out.append((start, stop, item, sense, negated, sent_id))
        pos = stop
    return out


def classified_sense(
    view: TokenView, i: int, end: int, item: dict, negated: bool, hit: tuple, models: dict | None
) -> str:
    """The sense of the modal at tokens ``[i, end)``: the rules' answer, then the
    lemma's classifier in ``models`` (when it has one and is confident). ``hit``:
    :func:`_hit_context`. find_hedges asks this too, so that a modal it counts as a
    hedge is one find_modals calls epistemic."""
    sense = _modal_sense(view, i, end, item, negated, hit)
    lemma = item["lemma"]
    model = models.get(lemma) if models else None
    if model is None:
        return sense
    stands = _rule_stands(view, i, end, lemma, hit)
    if type(model).predict is SenseModel.predict:
        # Inference: the same answer as predict(sense_features(...)), with the weights
        # looked up by feature value instead of by spelled-out name (a model with its
        # own predict, such as the training recorder, gets the features spelled out).
        return sense if stands else _predict(model, view, i, end, negated, sense, hit)
    # Asked even where a rule stands, so that training sees every instance.
    features = _sense_features(view, i, end, negated, sense, hit)
    return model.predict(features, sense, rule_stands=stands)


def _hit_context(view: TokenView, i: int, end: int) -> tuple[list[str], bool, int, str, str]:
    """What several rules read around the modal at tokens ``[i, end)``, read once:
    the two words before it, whether it opens its sentence, the governed verb's index
    and text, and the word after that verb."""
    j, verb = _next_verb(view, end)
    after_verb = view.at(j + 1) if j >= 0 else ""
    return view.prev_words(i, 2), view.sentence_start(i), j, verb, after_verb


def sense_features(view: TokenView, i: int, end: int, negated: bool, rule: str) -> list[str]:
    """Context features of the modal at tokens ``[i, end)`` for the sense classifier.

    The rule's own answer (``rule=``) is one feature, so the classifier can keep the
    rules where they are reliable. Besides single words (subject, governed verb, the
    word after it) the features name classes that generalise across genres: the
    subject's person and animacy, the governed verb's class (stative, perception,
    permission, communication), aspect and voice, a predicate after "be", a past-tense
    context, a purpose clause, and the absence of any governed verb (ellipsis).
    """
    return _sense_features(view, i, end, negated, rule, _hit_context(view, i, end))


def _sense_features(
    view: TokenView, i: int, end: int, negated: bool, rule: str, hit: tuple
) -> list[str]:
    words, adverbs, flags = _feature_values(view, i, end, negated, rule, hit)
    features = [f"{family}={word}" for family, word in zip(_WORD_FAMILIES, words, strict=True)]
    features.extend(f"adv={t}" for t in adverbs)
    features.extend(compress(_FLAGS, flags))  # the names of the flags that are on
    return features


def _predict(
    model: SenseModel, view: TokenView, i: int, end: int, negated: bool, rule: str, hit: tuple
) -> str:
    words, adverbs, flags = _feature_values(view, i, end, negated, rule, hit)
    return _decided(model, _active_weights(model, words, adverbs, flags), rule, flags[_NO_VERB])


def _decided(model: SenseModel, active: list, fallback: str, ellipsis: bool) -> str:
    """``model.decide(model.probabilities_of(active), fallback, ellipsis)``: for the
    shipped three-sense models, the same additions and the same probability of the
    likeliest sense, without building lists (every modal asks, in compiled code)."""
    bias = model.folded_bias
    if len(bias) != 3:
        return model.decide(model.probabilities_of(active), fallback, ellipsis)
    s0, s1, s2 = bias
    for w in active:
        s0 += w[0]
        s1 += w[1]
        s2 += w[2]
    top = max(s0, s1, s2)
    e0, e1, e2 = math.exp(s0 - top), math.exp(s1 - top), math.exp(s2 - top)
    total = e0 + e1 + e2
    p0, p1, p2 = e0 / total, e1 / total, e2 / total
    likeliest = max(p0, p1, p2)
    k = 0 if p0 == likeliest else 1 if p1 == likeliest else 2  # the first, as decide()
    if likeliest >= model.threshold:
        return model.classes[k]
    if likeliest < model.unclear_below and ellipsis:
        return "unclear"
    return fallback


def _active_weights(model: SenseModel, words: tuple, adverbs: list, flags: tuple) -> list:
    """The weights of the features :func:`sense_features` would name, in its order."""
    by_family, adverb_weights, flag_weights = model.layout(_WORD_FAMILIES, _FLAGS)
    pairs = zip(by_family, words, strict=True)
    active = [w for d, word in pairs if (w := d.get(word)) is not None]
    if adverbs:
        active += [w for t in adverbs if (w := adverb_weights.get(t)) is not None]
    active += [w for w in compress(flag_weights, flags) if w is not None]
    return active


# The families of the single-word features and the flags, in sense_features' order.
_WORD_FAMILIES = (
    "rule",
    "subj",
    "subj2",
    "verb",
    "after",
    "next",
    "subjclass",
    "vclass",
    "person",
    "animacy",
)
_FLAGS = (
    "perfect",
    "progressive",
    "passive",
    "be",
    "be_predicate",
    "stative",
    "negated",
    "inverted",
    "question",
    "conditional",
    "adverb",
    "well",
    "clause_start",
    "no_verb",
    "past_context",
    "purpose",
    "sentence_start",
)
_NO_VERB = _FLAGS.index(ELLIPSIS_FEATURE)


def _feature_values(
    view: TokenView, i: int, end: int, negated: bool, rule: str, hit: tuple
) -> tuple[tuple[str, ...], list[str], tuple[bool, ...]]:
    """The words of :data:`_WORD_FAMILIES`, the adverbs between the modal and its verb,
    and the values of :data:`_FLAGS`."""
    before, opens_sentence, j, verb, after_verb = hit
    subject = before[0]
    between = view.low[end:j] if j >= 0 else []
    first_after = view.at(end)
    preceding = view.low[max(0, i - 8) : i]
    words = (
        rule,
        subject,
        before[1],
        verb,
        after_verb,
        first_after,
        _word_class(view, i - 1, subject),
        _verb_class(verb, after_verb),
        _PERSON.get(subject, "other" if subject else "none"),
        _animacy(view, i - 1, subject),
    )
    adverbs = [t for t in between if t not in NEGATORS and t != "n't"]
    participle, ing = is_participle(after_verb), is_ing(after_verb)
    flags = (
        verb in HAVE and (after_verb == "been" or participle),  # perfect
        verb == "be" and ing,  # progressive
        verb == "be" and participle,  # passive
        verb == "be",  # be
        verb == "be" and not participle and not ing,  # be_predicate
        verb in _STATIVE_VERBS,  # stative
        negated,  # negated
        opens_sentence and first_after in _INVERTED_SUBJECTS,  # inverted
        "?" in view.low[end:],  # question
        not _CONDITIONAL_WORDS.isdisjoint(view.low[:i]),  # conditional
        bool(between),  # adverb
        "well" in between or "possibly" in between or "also" in between,  # well
        subject in {"", "and", "but", "or", "that", "which", "who"},  # clause_start
        not verb or not is_word(verb),  # no_verb
        not _PAST_MARKERS.isdisjoint(preceding),  # past_context
        "so" in preceding[-3:] or "order" in preceding[-3:],  # purpose
        opens_sentence,  # sentence_start
    )
    return words, adverbs, flags


def _first_person(before: list[str]) -> bool:
    """ "I will", "we shall", "I myself shall": the speaker's own intention (volition);
    not "the goals we have set ourselves will", where "ourselves" is an object."""
    subject, word_before = before[0], before[1]
    return subject in {"i", "we"} or (
        subject in {"myself", "ourselves"} and word_before in {"i", "we"}
    )


# Subjects after a sentence-initial modal that make it an inversion ("Can we", "Should the").
_INVERTED_SUBJECTS = PERSONAL | {"the", "it", "this"}
_CONDITIONAL_WORDS = frozenset({"if", "unless", "whether"})
# Words that mark a past-tense narrative just before the modal ("said he could").
_PAST_MARKERS = frozenset("was were had did said told asked thought knew felt wanted".split())
_PERSON = {
    "i": "first",
    "we": "first",
    "you": "second",
    "he": "third_human",
    "she": "third_human",
    "they": "third_human",
    "who": "third_human",
    "it": "third_thing",
    "this": "third_thing",
    "that": "third_thing",
    "which": "third_thing",
    "there": "existential",
}
# Subject nouns that can have abilities and obligations (people and institutions).
_AGENT_NOUNS = frozenset(
    """people person man men woman women child children government governments country
    countries nation nations state states official officials leader leaders president
    minister ministers council parliament congress court police army troops company
    companies firm firms investors voters party parties union members everyone someone
    anyone nobody everybody somebody anybody one us them public community""".split()
)
_AGENT_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ent", "ents")


def _animacy(view: TokenView, k: int, subject: str) -> str:
    """Whether the word before the modal names someone who can act (or something)."""
    if subject in PERSONAL or subject in _AGENT_NOUNS:
        return "agent"
    if subject in {"it", "this", "that", "which", "there", "what"}:
        return "thing"
    if not subject or not is_word(subject) or subject in NEGATORS:
        return "none"
    if k >= 0 and view.raw[k][:1].isupper() and not view.sentence_start(k):
        return "agent"  # a name
    if subject.endswith(_AGENT_SUFFIXES) and len(subject) > 5:
        return "agent"
    return "thing"


_PERCEPTION_VERBS = frozenset("see hear feel smell taste notice watch".split())
_COMMUNICATION_VERBS = frozenset(
    "say tell ask answer explain call talk speak write read describe argue claim".split()
)
_CHANGE_VERBS = frozenset(
    """become lead cause result make get go happen occur change affect increase reduce
    help improve""".split()
)


def _verb_class(verb: str, after_verb: str) -> str:
    """A coarse class of the governed verb that generalises beyond the word itself."""
    if not verb or not is_word(verb):
        return "none"
    if verb in HAVE and (after_verb == "been" or is_participle(after_verb)):
        return "perfect"
    if verb == "be":
        if is_participle(after_verb):
            return "passive"
        return "progressive" if is_ing(after_verb) else "copula"
    if verb in _STATIVE_VERBS or verb in HAVE:
        return "stative"
    if verb in _PERCEPTION_VERBS:
        return "perception"
    if verb in _PERMISSION_VERBS:
        return "permission"
    if verb in _COMMUNICATION_VERBS:
        return "communication"
    if verb in _CHANGE_VERBS:
        return "change"
    return "other"


def _word_class(view: TokenView, k: int, word: str) -> str:
    if not word:
        return "none"
    if word in PERSONAL:
        return "personal"
    if word in {"it", "this", "that", "there", "which", "what"}:
        return word
    if k >= 0 and view.raw[k][:1].isupper() and not view.sentence_start(k):
        return "name"
    if word.endswith("s") and not word.endswith("ss"):
        return "plural"
    return "other"


def _negated(view: TokenView, i: int, end: int, lemma: str) -> bool:
    low = view.low
    if low[end - 1].endswith("n't") or low[i] == "cannot":
        return True
    for t in low[i:end]:
        if t in NEGATORS or t == "n't":
            return True
    if end < len(low) and (low[end] in NEGATORS or low[end] == "n't"):  # "may not"
        return True
    # "don't have to", "isn't able to": negation on the auxiliary before a semi-modal.
    return " " in lemma and view.negated_before(i, window=2)


def _next_verb(view: TokenView, end: int) -> tuple[int, str]:
    """Index and text of the first token after ``end - 1`` that is not an adverb."""
    low = view.low
    for j in range(end, len(low)):  # the window holds one sentence
        tok = low[j]
        if tok in _ADVERBS or (
            tok.endswith("ly") and len(tok) > 4 and tok not in {"apply", "rely", "supply", "reply"}
        ):
            continue
        return j, tok
    return -1, ""


def _passive_need(before: list[str]) -> bool:
    """ "was needed", "are urgently needed": the passive of "need", whose "to" opens a
    purpose ("funds are needed to protect stocks"), not the semi-modal."""
    if before[0].endswith("ly") and len(before) > 1:
        before = before[1:]
    return before[0] in BE


def is_modal(view: TokenView, i: int, end: int, lemma: str) -> bool:
    """Whether the candidate at tokens [i, end) is a modal here (not a noun, month, formula)."""
    if lemma not in _CHECKED_LEMMAS:
        return True
    low = view.low
    before = view.prev_words(i, 2)
    after = low[end : end + 6]
    first_after = after[0] if after else ""
    raw = view.raw[i]
    if lemma == "may" and raw == "May":
        if not view.sentence_start(i) or before[0] in MONTH_CONTEXT:
            return False
        if is_number(first_after) or first_after in {",", ".", "and", "—"}:
            return False
    if lemma == "will" and low[i] == "will":
        if raw == "Will" and not view.sentence_start(i):
            return False  # a name
        if _determined_noun(view, end, before) or before[0] in _WILL_NOUN_BEFORE:
            return False
        if _noun_of(after) or first_after == "to":
            return False  # "the will of the people", "the will to act"
    if lemma == "might" and low[i] == "might":
        if _determined_noun(view, end, before) or before[0] in _MIGHT_NOUN_BEFORE:
            return False
        if before[0] not in PERSONAL and (_noun_of(after) or first_after == "and"):
            return False  # "the might of", "power and might and wealth"
        if first_after in _PUNCTUATION_AFTER_NOUN and before[0] in _NOT_SUBJECTS:
            return False  # "right over might.", "power, might, domination"
    if lemma == "can" and low[i] == "can":
        if before[0] in _CAN_NOUN_BEFORE or first_after == "of":
            return False
    if lemma == "must" and before[0] in {"a", "the"}:
        return False
    if lemma == "need to" and (_determined_need(view, i, before) or before[0] in _NEED_NOUN_BEFORE):
        return False
    if lemma == "need to" and low[i] == "needed" and _passive_need(before):
        return False  # "funds were (urgently) needed to protect stocks": required, for a purpose
    if lemma == "have to" and after[:2] == ["do", "with"]:
        return False
    if lemma == "be going to":
        if not first_after or not is_word(first_after) or first_after in DETERMINERS:
            return False
        nxt_raw = view.raw[end] if end < len(view) else ""
        if nxt_raw[:1].isupper() or is_number(first_after) or first_after.endswith("ing"):
            return False
    if lemma == "would" and low[i] == "'d":
        if not first_after or first_after in {"better", "been"} or is_participle(first_after):
            return False
    if lemma in ("would", "should") and _courtesy_formula(low[end : end + 12]):
        return False  # "would like to thank", British "I should like to thank"
    if lemma == "ought to" and low[i] == "ought" and first_after == "":
        return False
    return True


def _determined_noun(view: TokenView, end: int, before: list[str]) -> bool:
    """ "will" or "might" at tokens ``[end - 1, end)`` is a noun after its determiner.

    After "the", "a", "no" or a possessive it is ("the will to act", "his will", "their
    might"). After a determiner that also stands alone as a subject ("That will help",
    "steps that might never return", "some will object") only where the next word
    does not go with a modal.
    """
    if before[0] not in DETERMINERS:
        return False
    if before[0] not in _SUBJECT_DETERMINERS:
        return True
    after = view.low[end : end + 2]
    first_after = after[0] if after else ""
    if _noun_of(after) or first_after in _VERBS_AFTER_NOUN or first_after in _CLAUSE_END:
        return True  # "that will of the people", "that might is right", "broaden that will."
    if _noun_before(view.low[end : end + 4]):
        return True  # "this will and these struggles", "this will for peace", "with this might we"
    if _phrase_closes(view.low[end : end + 7], opens_clause=before[1] in _CLAUSE_OPENERS):
        return True  # "express that will in deeds.", "that will, which is still lacking"
    return _pointing(before, first_after)


def _noun_before(after: list[str]) -> bool:
    """Whether the words after "will"/"might" (at most four) are ones a noun is followed
    by and a modal is not: "and"/"or" not joining another modal ("this will and these
    struggles", not "will and must be achieved", "might or might not"); "for" not
    opening a time ("this will for peace", not "will for the first time give", "for
    ever"); "that", "which", "nothing"; a subject pronoun ("with this might we prevail";
    not "I", which a parenthetical "I believe" brings)."""
    first, rest = (after[0], after[1:]) if after else ("", [])
    if first in {"and", "or"}:
        return not rest or (rest[0] not in _MODAL_FORMS and rest[0] != "not")
    if first == "for":
        return not rest or (rest[0] not in _TIME_AFTER_FOR and rest[:2] != ["the", "first"])
    return first in {"that", "which", "nothing"} or (first in PERSONAL and first != "i")


# "will for ever remain", "will for years to come", "will for some time be", "for a time"
_TIME_AFTER_FOR = frozenset({"ever", "years", "decades", "generations", "some", "a", "long"})

# Nouns of adverbial phrases a modal can be followed by: "will in turn", "will in fact",
# "might at times", "will by then", "will in a way".
_ADVERBIAL_NOUNS = frozenset(
    """turn fact time times future practice effect particular part principle return addition
    general short sum reality truth earnest any some all due itself then now a""".split()
)


# Words before "this"/"that"/"some" ... that leave it the clause's first word, its subject
# ("That will in our view help.", "and some will in Africa disagree.").
_CLAUSE_OPENERS = frozenset({"", "and", "but", "or", "so", "yet", "because", "if", "when"})


def _phrase_closes(after: list[str], *, opens_clause: bool = False) -> bool:
    """Whether "will"/"might" is followed by what only a noun can have: a preposition and
    at most three words that end the clause ("express that will in deeds.", "show that
    will in our actions;" but not "that will in a few months bind us", whose verb comes
    before the end, nor an adverbial: "That will in turn help."), unless the determiner
    ``opens_clause`` as its subject, for an intransitive verb may end the clause there
    ("That will in our view help.", "Some will in Africa disagree."); a relative
    "which" after a comma ("that will, which is still lacking", not "This will, in turn,
    lead"), or "no matter" ("that might no matter how great", not "might no longer")."""
    first = after[0] if after else ""
    if first == ",":
        return after[1:2] == ["which"]
    if after[:2] == ["no", "matter"]:
        return True
    # "of" and "for" have rules of their own (_noun_of, _noun_before)
    if opens_clause or first not in _PREPOSITIONS or first in {"of", "for"}:
        return False
    if after[1:2] == [] or after[1] in _ADVERBIAL_NOUNS:
        return False
    for word in after[1:5]:
        if word in _CLAUSE_END:
            return True
        if not is_word(word):
            return False
    return False


def _pointing(before: list[str], first_after: str) -> bool:
    """ "by that will that all States can", "guided by that will in its activities",
    "in response to this will on the part of man": after a preposition, "that" and
    "this" point to a noun. The modal reading there has its verb next ("On this will
    depend ...", "From this might come ...")."""
    if before[1] not in _PREPOSITIONS:
        return False
    return not is_word(first_after) or first_after in _PREPOSITIONS or first_after in _LINKS


_LINKS = frozenset({"that", "which", "and", "or"})


def _noun_of(after: list[str]) -> bool:
    """The tokens after "will" or "might" open with the noun's "of" ("the will of the
    people", "the might of armies"), not with "of course" or "of necessity"."""
    return after[:1] == ["of"] and (after[1] if len(after) > 1 else "") not in _OF_ADVERBIALS


def _determined_need(view: TokenView, i: int, before: list[str]) -> bool:
    """ "need" after its determiner is the noun ("the need to act", "any need to", "this
    need to live"), while "problems that need to be addressed", "That needs to be
    stressed" and "these need to be met" are the semi-modal, its subject before it."""
    if before[0] not in DETERMINERS:
        return False
    if before[0] not in _SUBJECT_DETERMINERS or before[1] in _PREPOSITIONS:
        return True  # after a preposition "that" points: "in response to that need to"
    if before[1] in BE:
        return True  # "there is some need to review", "this is that need to"
    form = view.low[i]
    # The verb agrees with its subject: "This needs to be stressed", "these need to"; so
    # "this need to" is the noun and "those needed to speed up" a participle.
    if before[0] == "this":
        return form == "need"
    if before[0] in {"these", "those"}:
        return form != "need"
    return False


# The lemmas is_modal has a rule for; any other candidate is a modal.
_CHECKED_LEMMAS = frozenset(
    "may will might can must would should".split()
    + ["need to", "have to", "be going to", "ought to"]
)


def _courtesy_formula(after: list[str]) -> bool:
    """'would (also) like to (warmly) thank/congratulate/...', also with a phrase before
    "to": 'I should like, first of all, to thank', 'should like once again to express'."""
    verbs = _wished_verbs(after)
    return bool(verbs) and verbs[0] in _COURTESY_VERBS


def _wished_verbs(after: list[str]) -> list[str]:
    """The words after "like ... to" in the tokens after a modal ("like to thank" ->
    ["thank", ...]), or [] when they do not read "like (…) to"."""
    if "like" not in after[:3]:
        return []
    rest = after[after.index("like") + 1 :]
    if "to" not in rest[:7]:
        return []
    return [t for t in rest[rest.index("to") + 1 :] if t not in _ADVERBS and not t.endswith("ly")]


# "cannot allow / tolerate": what may or may not be permitted, not an ability. ("cannot
# accept" stays with the default: annotators read it as (in)ability as often as refusal.)
_PERMISSION_VERBS = frozenset("allow permit tolerate condone countenance let".split())


_QUESTION_SUBJECTS = frozenset("we he she they it this that there".split())
_ASKING_SUBJECTS = frozenset({"i", "you"})
# Subjects a wish names right after its "may" ("and may God/Allah/the Almighty/peace/
# our efforts ..."); a verb or adverb there ("and may well", "and may also") is none.
_WISH_SUBJECTS = (DETERMINERS | _QUESTION_SUBJECTS | {"god", "allah", "peace", "all"}) - {"no"}


def _wish_after_a_link(view: TokenView, end: int, first_after: str) -> bool:
    """ "may" at token ``end - 1`` opens a clause after "and" or a comma and its subject
    follows it: an inverted "may", which outside a question is a wish."""
    if view.at(end - 2) not in {"and", ","}:
        return False
    then = view.at(end + 1)
    requests = _COURTESY_VERBS | {"wish", "suggest", "be"}
    if first_after == "we" and any(view.at(k) in requests for k in range(end + 1, end + 5)):
        return False  # "Finally, may we (once again) express ...": a courteous request
    if first_after == "all" and (then in BE or then in HAVE):
        return False  # "the work may all be helpful": "all" floats after the subject
    subject = view.raw[end] if end < len(view.raw) else ""
    return first_after in _WISH_SUBJECTS or (subject[:1].isupper() and first_after != "i")


def _optative(view: TokenView, end: int, opens_sentence: bool, first_after: str) -> bool:
    """Sentence-initial "May" before its subject: a wish ("May God bless ...", "May this
    session strengthen us", "May we all work together"), while "May I ask ..." and a
    question ("May we ask ...?", "May it be asked?") ask for permission. So is "may"
    opening a clause after "and" or a comma, before its subject ("Thank you, and may
    Allah bring you peace"; not "It may rain and may well flood")."""
    if not (opens_sentence or _wish_after_a_link(view, end, first_after)):
        return False
    if first_after in _ASKING_SUBJECTS:
        return False
    if first_after in _QUESTION_SUBJECTS:
        return view.rest_of_sentence(end - 1)[-1:] != ["?"]
    return True


# "so that" / "in order that" opening a purpose clause that the hit is still in: no ";",
# ":" or ", but/and/yet/or/while/whereas" after it ("so that all could take part, but it
# may be too late"), nor a subordinator opening another clause ("so that food could
# reach the camps, although it could be too late"); a comma alone sets off a phrase
# ("so that, in time, all may prosper").
_PURPOSE_OPENER = re.compile(
    r"\b(?:so|in\s+order)\s+that\b(?!.*(?:[;:]|,\s*(?:but|and|yet|or|while|whereas)\b"
    r"|\b(?:although|though|unless|because(?!\s+of)|since|if|whether)\b))",
    re.IGNORECASE | re.DOTALL,
)


def _purpose_clause(view: TokenView, hit: tuple) -> bool:
    """The hit is in a purpose clause ("so that the two communities may live in
    peace", "in order that it might be heard", "so that these could be channelled to
    our countries"): "may", "might" and "could" there say what the purpose makes
    possible, not how likely something is. Every such instance in the annotated
    corpora is dynamic (6 of 6 for may/might, MASC and a judged UN sample; 9 of 9 for
    could, MASC, MoVerb and MiST). ``hit``: :func:`_hit_context`."""
    if hit[0][0] in {"that", "which", "who"}:
        return False  # "so that we find formulas which could lead us": a relative clause
    before = view.text_before_hit()
    return ("that" in before or "That" in before) and bool(_PURPOSE_OPENER.search(before))


def _lexicon_versions(lex: Lexicon) -> dict[str, Lexicon | str]:
    """The modal lexicon and the sense classifier behind a table (both change senses)."""
    return {lex.id: lex, "modal_senses": MODEL_VERSION}


def _rule_stands(view: TokenView, i: int, end: int, lemma: str, hit: tuple) -> bool:
    """Cases the classifier saw too rarely to overrule the rules: "cannot allow" and
    "Can the world tolerate" (permission), "May God bless" (a wish), "Should the
    talks fail, ..." (a hypothetical clause). ``hit``: :func:`_hit_context`."""
    if lemma == "can":
        return _permission_verb(view, end, hit[3], hit[1])
    if lemma == "may":
        return _optative(view, end, hit[1], view.at(end)) or _purpose_clause(view, hit)
    if lemma in {"might", "could"}:
        return _purpose_clause(view, hit)
    if lemma == "should":
        return _conditional_inversion(view, i, end, hit) or _volition(view, end)
    if lemma == "must":
        return _eventive(hit[3], hit[4])
    return False


def _eventive(verb: str, after_verb: str) -> bool:
    """ "must go", "must act": an action, which "must" asks for (deontic); an inference
    needs a state ("must be", "must know") or an aspect ("must have gone", "must be
    going"). The classifier, trained on conversation, read "They must go." as epistemic."""
    return (
        verb.isalpha()
        and verb not in BE
        and verb not in HAVE
        and verb not in _STATIVE_VERBS
        and verb != "of"
        and not is_ing(after_verb)
    )


def _volition(view: TokenView, end: int) -> bool:
    """British "I should like to …" means "I would like to …": a wish, not a duty (also
    "I should like, at the outset, to …")."""
    return bool(_wished_verbs(view.low[end : end + 12]))


def _conditional_inversion(view: TokenView, i: int, end: int, hit: tuple) -> bool:
    """ "Should the talks fail, ...": "should" opening a clause before its subject.

    The clause is closed by a comma; a question ("Should it be allowed to continue?")
    asks about an obligation instead.
    """
    first_after = view.at(end)
    if first_after not in _CONDITION_SUBJECTS:
        return False
    inverted = hit[1] and first_after in _INVERTED_SUBJECTS
    opens_clause = hit[0][0] in {"", "but", "and", "or"}
    if not (inverted or opens_clause):
        return False
    rest = view.rest_of_sentence(end - 1)
    return "," in rest and rest[-1:] != ["?"]


def _perfect(verb: str, after_verb: str) -> bool:
    """ "have been", "have done": the governed verb is a perfect."""
    return verb in HAVE and (after_verb == "been" or is_participle(after_verb))


def _permission_verb(view: TokenView, end: int, verb: str, inverted: bool) -> bool:
    """The modal governs a verb of permitting ("cannot allow"; "Can the world tolerate")."""
    if verb in _PERMISSION_VERBS:
        return True
    # In a question the subject comes first: look a few words further.
    return inverted and any(w in _PERMISSION_VERBS for w in view.low[end : end + 4])


def modal_strength(item: dict, sense: str, negated: bool) -> str:
    """Halliday's modal value, reversed where negation turns it around.

    Negating a low-value possibility or permission gives a high-value one: "cannot"
    and "may not" (not allowed) mean "must not"; "that cannot be true" is certain.
    Negating a high-value obligation of "have to" or "need to" gives a low one
    ("do not have to", "need not").
    """
    strength = item["strength"]
    if not negated:
        return strength
    lemma = item["lemma"]
    if strength == "low" and (
        sense == "deontic" or (lemma in {"can", "could"} and sense == "epistemic")
    ):
        return "high"
    if lemma in {"have to", "need to", "need"}:
        return "low"
    return strength


def modal_sense(view: TokenView, i: int, end: int, item: dict, negated: bool) -> str:
    """Epistemic, deontic, dynamic or unclear, from the modal's context."""
    return _modal_sense(view, i, end, item, negated, _hit_context(view, i, end))


def _modal_sense(view: TokenView, i: int, end: int, item: dict, negated: bool, hit: tuple) -> str:
    lemma = item["lemma"]
    default = item["sense"]
    before, opens_sentence, j, verb, after_verb = hit
    subject = before[0]
    first_after = view.at(end)
    inverted = opens_sentence and first_after in _INVERTED_SUBJECTS
    between = view.low[end:j] if j >= 0 else []

    if lemma == "must":
        # "must of been": a spelling of "must've"
        if _perfect(verb, after_verb) or (verb == "be" and is_ing(after_verb)) or verb == "of":
            return "epistemic"
        # "You must be tired", "that must be hard": inference about a state; not a
        # passive, also with an adverb before the participle ("must be fully preserved").
        if (
            subject in _INFERENCE_SUBJECTS
            and not (verb == "be" and is_participle(_next_verb(view, j + 1)[1]))
            and (verb == "be" or verb in _STATIVE_VERBS)
        ):
            return "epistemic"
        return "deontic"
    if lemma == "may" and _optative(view, end, opens_sentence, first_after):
        return "unclear"  # a wish, not a possibility: "May God bless", "May peace prevail"
    if lemma in {"may", "might", "could"} and _purpose_clause(view, hit):
        return "dynamic"  # "so that all countries may hear": what the purpose enables
    if lemma == "may":
        if _perfect(verb, after_verb) or verb in {"be", "well", "even"} or "well" in between:
            return "epistemic"
        asked = first_after in {"i", "we"} and subject == ""
        if asked or subject in {"you", "one", "anyone", "nobody"}:
            return "deontic"
        return "epistemic"
    if lemma == "might":
        return "deontic" if inverted and first_after in {"i", "we"} else "epistemic"
    if lemma == "can":
        if inverted and first_after in {"i", "we", "you"}:
            return "deontic"
        if _permission_verb(view, end, verb, inverted):
            return "deontic"  # "we cannot allow aggression", "can the world tolerate ...?"
        if "possibly" in between or (
            negated and verb == "be" and after_verb in _STATIVE_ADJ_AFTER_BE
        ):
            return "epistemic"
        return default
    if lemma == "could":
        if inverted and first_after == "you":
            return "deontic"
        if subject in {"that", "which"}:
            return "epistemic"  # "items that could be used", "steps that could help"
        if (verb == "be" and is_participle(after_verb)) or _perfect(verb, after_verb):
            return "dynamic"  # "could be done", "could have stopped it": (unrealised) ability
        if verb in {"be", "well", "possibly"} or "well" in between or "possibly" in between:
            return "epistemic"
        named = i > 0 and view.raw[i - 1][:1].isupper() and not view.sentence_start(i - 1)
        if negated or named or subject in PERSONAL or subject in {"what", "how", "so"}:
            return "dynamic"
        # A non-human subject ("the deal could collapse") rarely has an ability.
        return "epistemic" if subject else default
    if lemma == "should":
        if _conditional_inversion(view, i, end, hit):
            return "epistemic"  # "Should the talks fail, ..." (hypothetical)
        if _volition(view, end):
            return "dynamic"  # "I should like to state": volition, as "would like to"
        return default
    if lemma == "will":
        if inverted and first_after == "you":
            return "deontic"
        if _first_person(before):
            return "dynamic"
        return default
    if lemma == "would":
        if verb in {"like", "love", "prefer", "wish"} or first_after == "rather":
            return "dynamic"
        if inverted and first_after == "you":
            return "deontic"
        return default
    if lemma == "shall":
        if inverted and first_after == "we":
            return "deontic"
        if _first_person(before):
            # "We shall intensify our efforts" says what "we will intensify" says: an
            # intention. Read alike, so that older speeches, which prefer "shall", do
            # not shift the epistemic and dynamic rates by spelling habit alone.
            return "dynamic"
        return default
    if lemma == "have to" and verb == "be" and after_verb in _STATIVE_ADJ_AFTER_BE:
        return "epistemic" if subject in {"it", "this", "that", "there"} else default
    if lemma == "be supposed to" and verb == "be":
        return "epistemic"
    return default if default in SENSES else "unclear"
