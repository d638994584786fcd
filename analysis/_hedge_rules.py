"""The per-document pass of :mod:`analysis.hedges`: the lexicon scan and the context
rules its module docstring lists. Compiled with mypyc in regular installs (setup.py).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from corpus import Document
from corpus.document import sentence_index

from ._context import (
    BE,
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
from ._matcher import form_matcher, lowered
from ._modal_rules import _hit_context, _negated, classified_sense, is_modal
from ._senses import MODEL_VERSION, sense_models
from .lexicon import Lexicon, load_lexicon

CONTEXT_RULES = (
    "",
    "epistemic_modal",
    "predicative",
    "number",
    "that",
    "complement",
    "epistemic_verb",
    "mental_verb",
    "not_dynamic",
    "not_in",
    "opinion_verb",
    "attributed",
    "proposition",
    "factive",
    "evidential",
    "attributive",
    "own_claim",
    "not_taking_on",
    "stated_uncertainty",
    "stated_unknown",
    "held_that",
    "not_conceded",
    "not_emphatic",
    "not_rejected",
)
DEGREE_SUBCATEGORIES = frozenset({"approximator", "downtoner"})
_NOT_EPISTEMIC_BEFORE = frozenset(
    """as if where whenever wherever when best greatest only every all everything anything
    whatever utmost made make makes
    making highest lowest largest smallest fastest earliest fullest widest""".split()
)
# Words in -est that are no superlatives (before "possible" they leave it a hedge).
_NOT_SUPERLATIVE = frozenset(
    "modest honest earnest interest request manifest harvest protest suggest digest".split()
)
_FLIPPING = frozenset({"certainty"})
_DEGREE = frozenset(
    """not very quite so too absolutely entirely fairly increasingly all less more
    n't now still also far perfectly pretty most""".split()
)
_COPULAS = BE | frozenset(
    {
        "seem",
        "seems",
        "seemed",
        "become",
        "becomes",
        "became",
        "remain",
        "remains",
        "remained",
        "appear",
        "appears",
        "appeared",
        "feel",
        "felt",
        "make",
        "made",
        "makes",
    }
)
_COMPLEMENT = frozenset({"that", "to", "as", "whether", "if", "likely", "unlikely", "certain"})
_EPISTEMIC_SUBJECTS = PERSONAL | frozenset(
    """it many some experts officials analysts observers people others most scientists
    critics diplomats sources authorities police investigators""".split()
)
_MAKE = frozenset({"make", "makes", "made", "making"})
# Words that do not start a second adjective after "potential and".
_NOT_AN_ADJECTIVE = frozenset(
    "the a an its their our his her my your this that these those we they it he she".split()
)
# Words after "potential" that show it is a noun: "the potential of", "its potential is".
_NOT_A_NOUN_HEAD = frozenset(
    """of for to and or but in on at by with as is are was were be been has have had that
    which who will would can could may might must should here there now today itself
    remains lies""".split()
)
_WISH = frozenset(
    """like wish wishes wished want wants wanted hope hoped desire anxious eager""".split()
)
# After "certain" these keep the predicative reading ("certain that", "certain of").
_AFTER_PREDICATIVE = frozenset(
    """that of about whether if to how what when enough and but in for today now also
    too here there as with , . ; : — ) ” !""".split()
)
_MODALS = frozenset(
    """must should can cannot could will would shall may might ought need 'll 'd""".split()
)
# Between a modal and "be": "cannot today be", "can only be", "will not be".
_MODAL_GAP = frozenset(
    """not n't no longer only also therefore thus today now still then hardly never""".split()
)
_PREPOSITIONS = frozenset(
    """by in at on with for from under within during before after between into through
    among upon without""".split()
)
_OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her", "us", "me", "itself", "themselves"})
_POSSESSIVES = frozenset({"their", "its", "our", "his", "her", "my", "your"})
_CONCESSIVE = frozenset({"however", "wherever", "whatever", "whichever", "whoever", "whenever"})
_SAY = frozenset(
    """add say mention note recall observe remind point stress emphasize emphasise
    repeat recall ask suggest quote term call describe characterize characterise""".split()
)
_FRAMING_MODALS = frozenset({"must", "should", "shall", "will", "'ll", "ought", "need", "cannot"})
_OPINION_HOLDERS = frozenset(
    """many some most others all almost several critics experts historians scholars
    observers analysts who whom they he she""".split()
)
_AS_NOT_COMPLEMENT = frozenset(
    """soon well far regards long much quickly early follows to""".split()
)
_PROPOSAL = frozenset({"should", "shall", "must", "ought"})
_NEGATED_NOT_BOOSTING = frozenset({"certainty adverb"})
_THAT_NOUNS = frozenset(
    """question proposal matter issue item problem report possibility request situation
    resolution draft point subject aspect idea""".split()
)
_NOT_COMPLEMENT = frozenset(_PREPOSITIONS | {"and", "or", "but", "when", "if", "whether"})
_SHOW_RAISING = frozenset(
    """go goes went going serve serves served seem seems seemed appear appears tend tends
    help helps helped""".split()
)
_SKIP = frozenset(
    """also widely generally commonly long once often still now firmly strongly really""".split()
)


def _versions(lex: Lexicon) -> dict[str, Lexicon | str]:
    """The lexicons behind a hedge table, and the sense classifier that decides which
    modals count as hedges (an epistemic sense)."""
    modals = load_lexicon("modals")
    return {lex.id: lex, modals.id: modals, "modal_senses": MODEL_VERSION}


def _prepare(lexicon: Any, approximators: bool) -> tuple[Lexicon, tuple]:
    # ``lexicon``: what find_hedges takes (an id, a path, a Lexicon or None); Any, so
    # that the compiled module does not narrow it (a pathlib.Path is fine).
    lex = lexicon if isinstance(lexicon, Lexicon) else load_lexicon(lexicon or "hedges")
    kept = lex.items
    if not approximators:
        kept = kept[~kept["subcategory"].isin(DEGREE_SUBCATEGORIES)].reset_index(drop=True)
    items = kept.to_dict("records")
    for n, item in enumerate(items, start=1):
        item["context"] = str(item.get("context") or "")
        if item["context"] not in CONTEXT_RULES:
            raise ValueError(
                f"lexicon={lex.label!r}: item {n} ({item['term']!r}) has context="
                f"{item['context']!r}; valid: {', '.join(repr(r) for r in CONTEXT_RULES)}"
            )
        if item["category"] not in {"hedge", "booster"}:
            raise ValueError(
                f"lexicon={lex.label!r}: item {n} ({item['term']!r}) has category="
                f"{item['category']!r}; valid: 'hedge', 'booster'"
            )
    modal_items = {
        str(m.get("lemma") or m["term"]): {
            "lemma": str(m.get("lemma") or m["term"]),
            "sense": str(m.get("sense") or "unclear"),
        }
        for m in load_lexicon("modals").items.to_dict("records")
    }
    # A modal counts as a hedge where find_modals would call it epistemic: its rules and
    # sense classifiers decide.
    return lex, (form_matcher(kept), items, (modal_items, sense_models()))


def hedges_in_document(
    doc: Document, plan: tuple, voice: str, count_words: bool = True
) -> tuple[list[tuple], int]:
    """Hedge/booster rows of one document and its word count in ``voice``.

    One scan of the lexicon's compiled pattern over the lower-cased text; the context
    rules read a small token window around each hit. ``count_words=False`` skips the
    word count (0 is returned), which needs the document's tokens.
    """
    matcher, items, modals = plan
    text = doc.text
    low = lowered(text)
    found = []
    pos = 0
    hits = matcher.scan(low)
    while (hit := hits.next_hit(pos)) is not None:
        start, candidates = hit
        accepted = _accept(doc, start, candidates, items, modals) if candidates else None
        if accepted is None:
            pos = start + 1
            continue
        found.append(accepted)
        pos = accepted[1]
    rows = []
    for (start, stop, item, negated, sent_id), (actual, speaker) in zip(
        found, voices(doc, [f[0] for f in found]), strict=True
    ):
        if not voice_allows(voice, actual):
            continue
        category = item["category"]
        if negated and _negation_cancels(item):
            continue
        if negated and category == "booster" and _flips(item):
            category = "hedge"
        elif negated and item["term"] in _DENIED_DOUBT:
            category = "booster"  # "no one can doubt that", "beyond a shadow of doubt"
        rows.append(
            (
                doc.doc_id,
                sent_id,
                start,
                stop,
                text[start:stop],
                str(item["term"]),
                category,
                str(item.get("subcategory", "")),
                negated,
                actual,
                speaker,
            )
        )
    return rows, len(words_in_voice(doc, voice)) if count_words else 0


def _accept(
    doc: Document, start: int, candidates: list, items: list[dict], modals: tuple
) -> tuple | None:
    """``(start, end, item, negated, sent_id)`` of the longest candidate whose rule holds."""
    sent_id = sentence_index(doc.sentence_starts, start)  # (no Python frame per hit)
    view = TokenView.window(doc.text, start, candidates[0][0], doc.sentences[sent_id])
    for stop, index in candidates:
        located = view.locate(start, stop)
        if located is None:
            continue
        i, end = located
        item = items[index]
        if _context_holds(view, i, end, item, modals):
            negated = (
                view.negated_before(i)
                or (item["context"] == "epistemic_modal" and view.negated_after(end - 1))
                or _negative_subject(view, i)
                or _lessened(view, i, item)
                or (item["term"] in _DENIED_DOUBT and _doubt_denied(view, i))
            ) and not _no_less(view, i)
            return start, stop, item, negated, sent_id
    return None


def _lessened(view: TokenView, i: int, item: dict) -> bool:
    """ "The outcome is less certain", "it is far less clear whether", "far from
    certain": certainty said to be lacking, as "not certain" says it (so the booster
    reads as a hedge)."""
    if item.get("subcategory") not in _FLIPPING:
        return False
    before = view.prev_words(i, 2)
    return before[0] == "less" or before == ["from", "far"]


def _no_less(view: TokenView, i: int) -> bool:
    """ "It is no less certain that", "not less clear", "none the less true": as
    certain, not less."""
    before = view.prev_words(i, 3)
    return before[0] == "less" and (
        before[1] in {"no", "not", "n't", "none", "nonetheless"} or before[1:] == ["the", "none"]
    )


def _negative_subject(view: TokenView, i: int) -> bool:
    """ "Nothing is clear yet", "nobody is sure": a negative subject right before the
    verb before the match negates it as "not" would."""
    before = view.prev_words(i, 3)
    return before[0] in BE and (before[1] in _NEGATIVE_PRONOUNS or before[1:] == ["one", "no"])


_NEGATIVE_PRONOUNS = frozenset({"nothing", "nobody", "none", "noone"})


def _flips(item: dict) -> bool:
    """Whether a negated booster reads as a hedge: "not certain", "not clear" lack
    certainty; "not true" denies, with certainty (a negated booster)."""
    return item.get("subcategory") in _FLIPPING and item["term"] != "true"


def _negation_cancels(item: dict) -> bool:
    """A negated certainty adverb ("not always", "not really") does not boost."""
    return item.get("subcategory") in _NEGATED_NOT_BOOSTING and item["term"] != "never"


def _following(view: TokenView, end: int, n: int = 3) -> list[str]:
    """Up to n tokens after the match, skipping adverbs as :func:`_next_content` does."""
    tokens = view.next_words(end - 1, n + 2)
    k = 0
    while k < len(tokens) and k < 2 and _skippable(tokens[k]):
        k += 1
    out = tokens[k : k + n]
    return out + [""] * (n - len(out))


def _skippable(tok: str) -> bool:
    return tok in _SKIP or (
        tok.endswith("ly") and len(tok) > 4 and tok not in {"likely", "unlikely"}
    )


def _said_unknown(view: TokenView, i: int, end: int) -> bool:
    """ "unknown" said of something: "the cause is (still largely) unknown", "it remains
    unknown whether"; not a name or an attribute ("the Unknown Soldier", "an unknown
    quantity", "of unknown origin"), which say nothing of what the speaker knows."""
    if view.at(end) in _QUESTIONS_AFTER:
        return True
    j = i - 1
    while _skippable(view.at(j)) or view.at(j) in {"yet", "still", "now", "also", "as"}:
        j -= 1
    return view.at(j) in _COPULAS


# A verb right after "that", which makes it a relative pronoun: "a view that is lovely".
_FINITE_AFTER_THAT = frozenset(
    "is are was were has have had will would can could may might must should does did".split()
)
# What follows a passive that says how a quantity was measured.
_BY_A_METHOD = frozenset("by using with based from via through".split())
_QUESTIONS_AFTER = frozenset("whether if how why what who when where which".split())


def _expected_of(view: TokenView, i: int, end: int, before: list[str], passive: bool) -> bool:
    """'expect' as a demand made of a party, not a prediction: 'we expect South Africa
    to make amends', 'it expects the world community to lend its support', 'we expect
    a contribution from China', 'much is expected from this forum', 'the right to
    expect'. Predictions stay hedges, whatever their verb: 'is expected to increase',
    'we expect that agreements will be reached', 'we expect the vote to take place in
    May', 'analysts expect the Fed to raise rates', 'a rebound is expected from China'
    is kept only as 'expected from' with nothing between."""
    if before[0] == "to" and before[1] in {"right", "entitled", "reason"}:
        return True
    if before[0] in _FORECASTERS:
        return False
    following = []
    for k in range(end, end + 9):
        word = view.at(k)
        if not word or not (word[:1].isalnum() or word == "'s"):
            break  # the clause ends (or the window does)
        following.append(word)
    if following[:1] == ["from"]:
        return not _inferred_from(following[1:])
    if passive or not following or following[0] in {"to", "that", "it", "this"}:
        return False
    # An object, then "from" + the party when the object is a deed ('a contribution
    # from China'), or "to" + what the object, a party, is to do; not what is to
    # happen ('we expect the treaty to come into force', 'the talks to continue').
    link = next((k for k, w in enumerate(following) if k and w in {"to", "from"}), None)
    if link is None or link + 1 >= len(following):
        return False
    after = following[link + 1]
    if following[link] == "from" or after in _DETERMINERS_AFTER_TO:
        # 'from China', or 'to' as a preposition ('a contribution to the peace'): what
        # the object is decides
        return not _DEEDS.isdisjoint(following[:link]) and not _inferred_from(following[link + 1 :])
    return after not in _HAPPENINGS and _a_party(view, end, end + link)


def _a_party(view: TokenView, first: int, stop: int) -> bool:
    """Whether tokens [first, stop), an object, name someone who can act: a name
    ('South Africa', 'the Council'), a people or body ('the international community',
    'those States') or a person ('us', 'others')."""
    for k in range(first, stop):
        word = view.at(k)
        if word in _PARTIES or word.endswith("powers") or view.raw[k][:1].isupper():
            return True
    return False


_DETERMINERS_AFTER_TO = frozenset("the a an our their its his her this that these".split())


# Who forecasts rather than demands ('analysts expect the bank to raise rates').
_FORECASTERS = frozenset(
    """analysts economists experts investors observers pollsters forecasters markets
    traders scientists researchers""".split()
)
_PARTIES = frozenset(
    """us them him her others everyone everybody community communities council assembly
    countries country states nations governments government members parties party powers
    partners neighbours neighbors world organization organisation side sides peoples
    leaders leadership authorities regime regimes delegations administration participants
    anyone someone ones""".split()
)
# What one party gives another ('we expect understanding and co-operation from').
_DEEDS = frozenset(
    """contribution contributions support co-operation cooperation commitment commitments
    action actions understanding assistance help explanation explanations openness
    response effort efforts solidarity respect approach involvement end much more
    everything nothing little""".split()
)


def _inferred_from(source: list[str]) -> bool:
    """'(as was to be expected) from the nature of the problems': what the evidence
    leads one to expect, a prediction."""
    words = source[1:] if source[:1] == ["the"] else source
    return words[:1] in (["nature"], ["fact"], ["experience"], ["past"], ["record"])


# Verbs of what comes about or is the case, not of what someone does ("we expect the
# curl to be into the page", "expecting it to have a long scene": predictions).
_HAPPENINGS = frozenset(
    """be have come result emerge become enter prove increase decrease rise fall grow
    improve succeed happen occur materialize last end reach""".split()
)


def _holds_that(view: TokenView, end: int, before: list[str], prev: str) -> bool:
    """'the view that', 'our belief that' with the belief's content after 'that'.

    Not 'in view that'; not 'a point of view that' (an aspect); not the verb ('we view
    that as a sign'); not a relative clause: 'a belief that is shared', 'the ideas that
    he developed on behalf of', 'some ideas that I should like to repeat here' (a verb
    that presents ideas with no object after it)."""
    if before[0] in {"in", "of"} or prev in _PERSONAL_SUBJECTS:
        return False
    first = view.at(end + 1)  # the word after "that"
    if first in _FINITE_AFTER_THAT:
        return False
    return not (first in _PERSONAL_SUBJECTS and _presented_without_object(view, end + 2))


def _presented_without_object(view: TokenView, j: int) -> bool:
    """Whether a verb that puts forward ideas comes at token ``j`` (after auxiliaries
    and adverbs) with no object after it: the 'that' before its subject is a relative
    pronoun, the ideas its object."""
    for k in range(j, j + 5):
        word = view.at(k)
        if word in _PRESENTING_VERBS:
            return view.at(k + 1) in _NO_OBJECT_AFTER
        if not (word in _BEFORE_MAIN_VERB or (word.endswith("ly") and len(word) > 4)):
            return False
    return False


_PERSONAL_SUBJECTS = frozenset("i we you he she they".split())
_SUPPOSING = frozenset({"if", "unless", "whether"})
_BEFORE_MAIN_VERB = frozenset(
    """will would shall should can could may might must have has had also already just
    like to wish want hope once recently earlier""".split()
)
_PRESENTING_VERBS = frozenset(
    """put putting developed develop advanced advance outlined outline expressed express
    presented present voiced voice proposed propose submitted submit repeat repeated
    mentioned mention described describe raised raise stated state explained explain
    defended defend advocated advocate endorsed endorse formulated formulate elaborated
    elaborate offered offer suggested suggest support supported share shared set heard
    discussed discuss""".split()
)
# What may follow such a verb when its object is the noun before 'that'.
_NO_OBJECT_AFTER = frozenset(
    """, . ; : ) — forward out here today yesterday earlier before last at in on with
    during by for from to and or which""".split()
)


def _next_content(view: TokenView, end: int) -> str:
    """First token after the match, skipping adverbs in -ly and a few others."""
    for tok in view.next_words(end - 1, 4):
        if tok in _SKIP or (
            tok.endswith("ly") and len(tok) > 4 and tok not in {"likely", "unlikely"}
        ):
            continue
        return tok
    return ""


def _context_holds(view: TokenView, i: int, end: int, item: dict, modals: tuple) -> bool:
    """Whether the item's context rule holds; ``modals``: the modal lexicon's items by
    lemma and the sense classifiers."""
    rule = item["context"]
    if item.get("subcategory") == "epistemic verb" and _belief_disowned(view, i, str(item["term"])):
        return False  # "it is an illusion to believe that", "Who can still believe"
    if not rule:
        return True
    # The rules that read neither the words before nor the next content word first.
    if rule == "epistemic_modal":
        modal_items, classifiers = modals
        modal = modal_items.get(view.low[i]) or modal_items.get(str(item["term"]))
        if modal is None or not is_modal(view, i, end, modal["lemma"]):
            return False
        hit = _hit_context(view, i, end)  # read once for the rules below
        if _framing_formula(view, end, hit[0][0]):
            return False  # "I might add", "what one might call", "it may be asked"
        if modal["lemma"] in {"may", "might"} and (
            _assurance(view, end, hit[0][0]) or _prayed_for(view, i) or _hoped_for(view, i, end)
        ):
            return False  # "He may be sure that ...", "we pray that we may": no doubt
        if modal["lemma"] == "may" and _opens_clause(view, i):
            return False  # "May God bless ...", "; may peace prevail": a wish
        negated = _negated(view, i, end, modal["lemma"])
        if (negated or _negative_before(view, i)) and _emphatic_comparison(view, end):
            return False  # "could not be more timely": emphasis, not doubt
        sense = classified_sense(view, i, end, modal, negated, hit, classifiers)
        return sense == "epistemic" and not _concessive(view, i, end)
    if rule == "not_in":  # "we believe in dialogue", "in which we believe": faith
        if view.at(end) in {"in", "of", "about"}:
            return False
        return "believe" not in str(item["term"]) or not _believed_in(view, i)
    if rule == "not_taking_on":
        return not _taking_on(view, i, end)
    if rule == "stated_uncertainty":
        return _uncertainty_about(view, i, end)
    if rule == "stated_unknown":
        return _said_unknown(view, i, end)
    if rule == "not_emphatic":
        return not _emphatic_possibly(view, i)
    if rule == "not_rejected":
        return _REJECTING.isdisjoint(view.prev_words(i, 4))
    if rule == "attributed":
        return not _after_modal_be(view, i)
    before = view.prev_words(i, 2)
    prev = before[0]
    if prev in _SKIP or (prev.endswith("ly") and len(prev) > 4):
        prev_verbal = True
        prev = before[1]
    else:
        prev_verbal = False
    nxt = _next_content(view, end)
    if rule == "not_dynamic":
        return _not_dynamic(view, end, nxt, before)
    if rule == "attributive":
        # "a potential threat" hedges; "Brazil's potential", "the potential for growth"
        # name a capacity (a noun), not a possibility.
        if nxt in ("and", "or"):
            # "potential and actual threats" (two adjectives), not "its potential and
            # its growth" (two nouns).
            pair = view.next_words(end - 1, 2)
            return len(pair) == 2 and pair[1].isalpha() and pair[1] not in _NOT_AN_ADJECTIVE
        return nxt.isalpha() and nxt not in _NOT_A_NOUN_HEAD
    if rule == "number":
        return is_number(nxt) and not (view.low[i] == "some" and nxt in {"one", "of"})
    if rule == "predicative":
        return _predicative(view, i, end, nxt, before)
    if rule == "that":
        return nxt == "that"
    if rule == "not_conceded":
        # "however poor the results may seem"; not "seem local but have", whose "but"
        # contrasts seeming with being
        return not _concessive(view, i, end, before_but=False)
    if rule == "held_that":
        return nxt == "that" and _holds_that(view, end, before, prev)
    if rule == "own_claim":
        return nxt == "that" and _first_person_subject(view, i)
    if rule == "proposition":
        if not _states_proposition(view, i, end):
            return False
        rule = "epistemic_verb"
    if rule == "evidential":
        # not a supposed finding: "If the assessment shows that stocks recovered, ..."
        conditional = not _SUPPOSING.isdisjoint(view.prev_words(i, 8))
        return nxt == "that" and not conditional and not _action_to_show(view, i)
    complement = nxt in _COMPLEMENT
    if rule == "complement":
        return complement
    passive = prev in BE or prev in {"widely", "generally", "commonly", "long", "once"}
    if rule == "opinion_verb":
        passive = passive or before[0] in {"widely", "generally", "commonly", "long", "once"}
        return _opinion_complement(view, end, passive, before, prev)
    if rule == "epistemic_verb":
        if passive and nxt in _BY_A_METHOD and view.low[i].startswith("estimat"):
            # "the activity was estimated by measuring ...": a measurement; not "it is
            # estimated from what we have heard that ...", which reports an estimate
            return "that" in view.rest_of_sentence(end - 1)
        return complement or passive or prev_verbal or prev in _EPISTEMIC_SUBJECTS
    if rule == "factive":
        following = _following(view, end, 1)[0]
        if (passive and following != "that") or following in _POSSESSIVES:
            return False
        rule = "mental_verb"
    if rule == "mental_verb":
        if view.at(end) in {"about", "of", "in", "tank", "tanks", "twice", "again"}:
            return False
        if view.low[i].startswith("expect") and _expected_of(view, i, end, before, passive):
            return False
        if view.low[i] in {"suspect", "suspects"} and _a_noun_here(view, i, end, prev):
            return False  # "the two Libyan suspects", "transfer of the suspects"
        if view.low[i] == "supposed" and prev in BE and view.at(end) == "to":
            # "aid is supposed to help development": meant to; "is supposed to be
            # great", "to have left" report what is said
            return view.at(end + 1) in {"be", "have"}
        believing = view.low[i].startswith("believ")
        if believing and _believed_in(view, i) and view.at(end) != "that":
            return False  # "the principles in which they believe": faith
        p = i - 1 if not prev_verbal else i - 2
        named = p >= 0 and view.raw[p][:1].isupper() and not view.sentence_start(p)
        plural = is_word(prev) and prev.endswith("s") and not prev.endswith("ss")
        return (
            complement or passive or prev_verbal or prev in _EPISTEMIC_SUBJECTS or named or plural
        )
    return True


def _believed_in(view: TokenView, i: int) -> bool:
    """ "in which they believe", "in whom we believe": faith, as "believe in" is."""
    before = view.prev_words(i, 4)
    return any(word in {"which", "whom"} and later == "in" for word, later in pairwise(before))


def _taking_on(view: TokenView, i: int, end: int) -> bool:
    """'your assumption of the presidency', 'the assumption of office': taking on a
    post or a duty, not supposing ('the assumption of rational actors')."""
    if view.at(end) != "of":
        return False
    if view.prev_words(i, 1)[0] in _POSSESSIVES:
        return True
    after = [w for w in view.next_words(end, 3) if w not in _OFFICE_DETERMINERS]
    return bool(after) and after[0] in _OFFICES


_OFFICE_DETERMINERS = frozenset(
    {"the", "this", "that", "its", "their", "his", "her", "your", "high"}
)
_OFFICES = frozenset(
    """presidency office offices post posts chair chairmanship duty duties responsibility
    responsibilities function functions power powers leadership command mandate position
    role throne""".split()
)


def _uncertainty_about(view: TokenView, i: int, end: int) -> bool:
    """'There is much uncertainty', 'uncertainty remains over its efficacy', 'the
    uncertainty as to whether': doubt stated about what is the case. Not a state of
    the world named as a topic ('a period characterized by uncertainty', 'financial
    uncertainty', 'years of uncertainty and stagnation')."""
    before = view.prev_words(i, 6)
    if not {"no", "without", "little"}.isdisjoint(before[:3]):
        return False  # "there is no (real) uncertainty about": certainty
    following = _following(view, end, 2)
    if following[0] in _UNCERTAIN_ABOUT or following[0] in _UNCERTAINTY_PERSISTS:
        return True
    if following == ["as", "to"]:
        return True
    # "there is (much / growing / a great deal of) uncertainty", in one clause
    for k, word in enumerate(before[:5]):
        if not is_word(word):
            return False
        if word in _BE_OR_REMAIN and k + 1 < len(before) and before[k + 1] == "there":
            return True
    return False


_BE_OR_REMAIN = frozenset({"is", "are", "was", "were", "remains", "remain", "exists", "exist"})
_UNCERTAIN_ABOUT = frozenset({"about", "whether", "regarding", "concerning"})
_UNCERTAINTY_PERSISTS = frozenset({"exists", "remains", "persists", "surrounds"})


def _a_noun_here(view: TokenView, i: int, end: int, prev: str) -> bool:
    """'suspect(s)' as a noun or an adjective ('the two Libyan suspects were handed
    over', 'the agreement was suspect'), not the verb: the verb has a subject or an
    auxiliary before it ('we suspect, however, that', 'as we suspect', 'many suspect')
    or a that-clause after it ('Israel suspects that')."""
    if _following(view, end, 1)[0] == "that":
        return False
    before = [w for w in view.prev_words(i, 3) if not _skippable(w)]
    return not before or before[0] not in _SUSPECTING


# What comes right before the verb "suspect": its subject or an auxiliary.
_SUSPECTING = frozenset(
    """i we you they he she one many some others who which do does did not n't would could
    might may can must to""".split()
)


def _first_person_subject(view: TokenView, i: int) -> bool:
    """'We claim that', 'I would not claim that', 'we have never claimed that', 'We,
    for our part, claim that': the speaker's own claim (Hyland's hedge), not a claim
    reported of others ('Israel claims that') or of no one ('it is claimed that'),
    which attributes a proposition and leaves the speaker's own commitment unsaid."""
    words = view.low[max(0, i - 10) : i]
    k = len(words) - 1
    while k >= 0:
        word = words[k]
        if word in {"i", "we"}:
            return True
        if word == ",":  # an aside between commas: "We, for our part, claim"
            k -= 1
            while k >= 0 and words[k] != ",":
                k -= 1
        elif not (word in _CLAIM_AUXILIARIES or _skippable(word)):
            return False
        k -= 1
    return False


_CLAIM_AUXILIARIES = frozenset(
    """do does did not n't would could might can cannot may must shall should will have
    has had am are also even therefore thus never always ever still""".split()
)


def _emphatic_comparison(view: TokenView, end: int) -> bool:
    """'could not be more timely', 'could not have been more opportune', 'cannot be
    overstated'-like emphasis: a negated modal before a comparative says how much, not
    whether."""
    after = [w for w in view.next_words(end - 1, 4) if w not in {"not", "n't"}]
    if after[:2] == ["have", "been"]:
        after = after[2:]
    elif after[:1] == ["be"]:
        after = after[1:]
    else:
        return False
    return bool(after) and after[0] in {"more", "less", "better", "worse"}


def _framing_formula(view: TokenView, end: int, subject: str) -> bool:
    """'I might add', 'what one might call', 'we may well ask', 'some may ask', 'it
    might be asked', 'Members may recall': the speaker frames what they say or ask next
    (a courtesy, a reminder or a rhetorical question), and doubts nothing. 'It may be said/argued that' stays a
    hedge: it distances the speaker from the claim."""
    following = [w for w in _following(view, end, 3) if w != "well"]
    if following[0] in {"recall", "remember"}:
        return True  # "Members may recall that", "as you may remember": a reminder
    if following[0] == "be" and following[1] in _SUMMED:
        return True  # "Our policy may be summarized as follows": what comes next
    if subject not in _FRAMING_SUBJECTS and subject != "it":
        return False
    if subject == "it":  # not "it may be asked to contribute troops"
        return following[:2] == ["be", "asked"] and following[2:3] != ["to"]
    return following[0] in _SAY


_FRAMING_SUBJECTS = frozenset({"i", "we", "one", "some", "many", "you"})
_SUMMED = frozenset({"summarized", "summarised", "summed", "outlined", "recapitulated"})


def _prayed_for(view: TokenView, i: int) -> bool:
    """'He prayed that the session might not fail': a wish, however far the verb, but
    only in the clause "pray" governs ("We pray for peace, but the war may spread")."""
    return _PRAY.search(view.text_before_hit()) is not None


# "pray" with no clause boundary (punctuation, "but", "yet") between it and the modal.
_PRAY = re.compile(r"\b[Pp]ray(?:s|ed|ing)?\b(?:(?!\b(?:but|yet)\b)[^,;:.!?\u2014])*\Z")


def _hoped_for(view: TokenView, i: int, end: int) -> bool:
    """'We hope that the talks may succeed', 'our wish is that they may', 'I hope I may
    be permitted': a wish, in a that-clause of hope, trust or wish (or right after "we
    hope") that holds no other clause before the modal. Not a possibility about the
    past or the present ('hope that a dialogue may have begun', 'hope that we may be
    approaching'), nor a relative clause's own modal ('hope that the problems that may
    arise will be solved'), nor "hope" as a noun ("a glimmer of hope may be seen")."""
    wish = _HOPE.search(view.text_before_hit())
    if wish is None:
        return False
    gap = wish["gap"].lower().split()
    if len(gap) > _HOPE_GAP or any(_opens_another_clause(gap, k) for k in range(len(gap))):
        return False
    if view.prev_words(i, 1)[0] in {"that", "which", "who"}:
        return False
    after = [
        w
        for w in view.next_words(end - 1, 5)
        if w not in {"not", "n't", "well", "already"} and not _skippable(w)
    ]
    if len(after) >= 2 and after[0] in {"have", "be"}:
        return not ((after[0] == "have" and is_participle(after[1])) or is_ing(after[1]))
    return True


def _opens_another_clause(gap: list[str], k: int) -> bool:
    """Whether word k of the words between a wish and its modal opens (or is the verb
    of) another clause. A "that" first in the gap or after a preposition is a
    determiner ("our wish that that country might", "the countries of that region")."""
    word = gap[k]
    if word != "that":
        return word in _HOPE_GAP_STOPS
    return k > 0 and gap[k - 1] not in _PREPOSITIONS


_PREPOSITIONS = frozenset("of in on at for from with by to into about over under".split())
_WISH_ADVERB = r"(?:(?:\w+ly|also|therefore|nevertheless|still)\s+)?"
# "hope/trust/wish (is) that <gap>" or "we hope <gap>", up to the modal, in one clause.
_HOPE = re.compile(
    r"(?:\b(?:hope[sd]?|hoping|trust(?:s|ed|ing)?|wish(?:es|ed)?|requir(?:e[sd]?|ing)"
    r"|demand(?:s|ed|ing)?|insist(?:s|ed|ing)?|ensur(?:e[sd]?|ing))\s+(?:(?:is|was)\s+)?"
    + _WISH_ADVERB
    + r"that\s+|\b(?:I|[Ww]e|[Tt]hey|[Hh]e|[Ss]he)\s+"
    + _WISH_ADVERB
    + r"(?:hope|hoped|trust|trusted)\s+(?!"
    + _WISH_ADVERB
    + r"(?:that|for|to)\b))(?P<gap>[^,;:.!?\u2014]*)\Z"
)
# The most words between the wish and the modal, and words that open another clause
# (or are another clause's verb) among them: "we hope that the parties realize that
# violence may", "I trust the Assembly is aware that", "we hope so, but the war may".
_HOPE_GAP = 20
_HOPE_GAP_STOPS = frozenset(
    """which who whom whose where when because if unless while although will would can
    could shall should must and but or yet as than that is are was were has have had be
    been""".split()
)


# What comes before a clause that opens with its verb: "; may peace prevail". Not a dash,
# which as often closes an aside ("sponsored by 129 States - may be adopted"), nor an
# opening quote ("I say “may be” because"): a quoted wish opens its sentence.
_CLAUSE_OPENERS = frozenset({";", ":", "("})


def _opens_clause(view: TokenView, i: int) -> bool:
    """Whether token i opens its sentence or a clause after ; : or (."""
    return (i > 0 and view.low[i - 1] in _CLAUSE_OPENERS) or view.sentence_start(i)


def _not_dynamic(view: TokenView, end: int, nxt: str, before: list[str]) -> bool:
    """Possibility of a proposition, not of doing something."""
    if nxt in {"to", "for"} or before[0] in _NOT_EPISTEMIC_BEFORE:
        return False
    word = view.low[end - 1]
    if word == "possible" and _feasible(view, end - 1):
        return False  # "peace is possible only if ...", "it is possible, we believe, to find"
    if before[0] in {"least", "worst"} or (
        len(before[0]) > 5 and before[0].endswith("est") and before[0] not in _NOT_SUPERLATIVE
    ):
        return False  # "within the shortest possible time", "the least possible harm"
    if before[1] in {"most", "least"}:
        return False  # "in the most solemn possible way"
    if before[1] in _MAKE:  # "make it possible for", "make this possible"
        return False
    if word == "possible" and _counted_or_made(view, end - 1, before):
        return False  # "four possible patterns", "the maximum energy possible"
    if word == "possibilities":  # opportunities, unless "possibilities that"
        return nxt == "that"
    if word == "possibility" and _an_option(view, end - 1, nxt):
        return False  # "the possibility of holding a meeting", "study the possibility"
    if word == "possible" and before[0] == "the" and _ends_noun_phrase(view, end):
        return False  # "the art of the possible": a noun, what can be done
    return True


def _an_option(view: TokenView, k: int, nxt: str) -> bool:
    """Whether "possibility" at token k is a course of action open to someone, not a
    chance that something is so: of doing something to an object ("the possibility of
    holding a meeting", "of reaching a negotiated solution"), or what is examined or
    offered ("study the possibility of", "consideration of the possibility"). "The
    possibility of fighting breaking out", "the possibility of being attacked" and "the
    possibility that" stay hedges."""
    if nxt == "that":
        return False
    doing, after = view.at(k + 2), view.at(k + 3)
    if view.at(k + 1) == "of" and is_ing(doing) and doing not in _STATES_ING:
        return is_word(after) and not is_ing(after) and after not in _NOT_AN_OBJECT
    before = [w for w in view.prev_words(k, 4) if w not in _OPTION_DETERMINERS]
    return bool(before) and before[0] in _WEIGHING


# "-ing" words after "possibility of" that name a state, not a deed.
_STATES_ING = frozenset({"being", "having", "becoming", "getting", "seeing"})
_NOT_AN_OBJECT = frozenset(_PREPOSITIONS | {"and", "or", "out", "up", "again"})
_OPTION_DETERMINERS = frozenset({"the", "a", "this", "that", "such", "any", "every", "all", "real"})
# What examines, weighs or offers an option ("explore the possibility of").
_WEIGHING = frozenset(
    """consider considers considered considering consideration examine examines examined
    examining examination explore explores explored exploring exploration study studies
    studied studying investigate investigates investigated investigating discuss discusses
    discussed discussing weigh weighs weighed weighing offer offers offered offering
    open opens opened opening give gives gave given provide provides provided providing
    afford affords afforded envisage envisaged envisages""".split()
)


def _counted_or_made(view: TokenView, k: int, before: list[str]) -> bool:
    """Whether "possible" at token k ranges over what can be, not what may be true:
    after a number or quantifier ("three possible chambers", "any possible reality"),
    after the noun of a superlative or quantifier ("the best score possible", "the
    maximum energy possible"), or closing "make ... possible" ("have made intraframe
    compression possible")."""
    if before[0] in _RANGE_WORDS or before[0][:1].isdigit():
        return True
    if before[1] in _RANGE_WORDS or before[1] in _NOT_EPISTEMIC_BEFORE:
        return is_word(before[0]) and before[0] not in _COPULAS
    after = view.at(k + 1)
    return not is_word(after) and not _MAKE.isdisjoint(view.prev_words(k, 4))


# Words after which "possible" ranges over the possible: numbers and quantifiers.
_RANGE_WORDS = frozenset(
    """any each maximum minimum total several various two three four five six seven eight
    nine ten twelve hundred thousand""".split()
)


def _ends_noun_phrase(view: TokenView, end: int) -> bool:
    """Nothing follows the adjective that it could qualify: "the realm of the possible."
    but not "the possible, if not probable, consequences"."""
    after = view.next_words(end - 1, 2)
    if not after or is_word(after[0]):
        return False
    return not (after[0] == "," and len(after) > 1 and after[1] in _ADJECTIVES_GO_ON)


# After "the possible," the words that carry on to its noun ("if not probable", "even
# likely", "or probable").
_ADJECTIVES_GO_ON = frozenset({"if", "even", "or", "perhaps", "maybe", "indeed"})


def _feasible(view: TokenView, k: int) -> bool:
    """Whether "possible" at token k says that something can be done or had, not that
    a proposition may be true: said after a copula ("is", "are quite", "is no longer",
    "became") of a thing that can be achieved ("peace is possible", "such elimination is
    not possible", "this is not always possible", "No development is possible without"),
    or of "it" with a to-infinitive ahead ("it is possible, we believe, to find") or a
    condition right after ("it is possible only if"). "It is possible that ...", "It is
    possible.", "A new war is possible in the region" (an event that may happen) and "is
    possible whether" hedge."""
    copula = k - 1
    while copula > k - 3 and (view.at(copula) in _BEFORE_PREDICATE or _skippable(view.at(copula))):
        copula -= 1
    if view.at(copula) not in _COPULAS:
        return False
    ahead = view.next_words(k, 6)
    if ahead[:1] in (["that"], ["whether"]):
        return False
    if _CONDITIONS.intersection(ahead[:2]):
        return True  # "war is not possible without weapons", "possible only if"
    subject = _subject_before(view, copula)
    if subject == "it":
        clause = ahead[: ahead.index("that")] if "that" in ahead else ahead
        return "to" in clause
    return subject not in _EVENTUALITIES


def _subject_before(view: TokenView, copula: int) -> str:
    """The word before a copula and the auxiliaries, negators and adverbs before it:
    "peace" in "peace will not always be possible", "it" in "it is also possible";
    before an of-phrase, the noun it qualifies ("settlement" in "a settlement of the
    conflict is possible")."""
    j = copula - 1
    while j > copula - 6 and (view.at(j) in _AUXILIARY_GAP or _skippable(view.at(j))):
        j -= 1
    for k in range(j - 1, j - 4, -1):  # "a settlement of the conflict is": its head
        if view.at(k) == "of":
            return view.at(k - 1)
    return view.at(j)


_AUXILIARY_GAP = (
    _MODALS
    | _BEFORE_MAIN_VERB
    | frozenset(
        "not n't no longer yet be been being is are was were has have had still always".split()
    )
)
# What may happen rather than be achieved: "A new war is possible", "setbacks have
# become possible" hedge.
_EVENTUALITIES = frozenset(
    """war wars conflict conflicts attack attacks strike strikes escalation confrontation
    confrontations catastrophe catastrophes disaster disasters crisis crises delay delays
    collapse violence clash clashes setback setbacks outbreak recurrence error errors
    mistake mistakes misunderstanding misunderstandings accident accidents surprise
    surprises failure failures explosion explosions danger dangers threat threats risk
    risks abuse abuses miscalculation fighting hostilities invasion intervention
    retaliation""".split()
)
_CONDITIONS = frozenset(
    "only if unless without when once provided providing through thanks given".split()
)


_BEFORE_PREDICATE = frozenset(
    """quite very not only even hardly scarcely thus therefore always no longer yet still
    again neither""".split()
)


def _predicative(view: TokenView, i: int, end: int, nxt: str, before: list[str]) -> bool:
    """An adjective of certainty said of a proposition or a speaker ("we are sure")."""
    if before[0] in {"a", "an", "the", "in", "for"}:
        return False
    word = view.low[i]
    if word in {"sure", "certain"} and before[0] in _MAKE:  # "make sure": ensure
        return False
    if word == "true" and nxt in {"of", "to", "for"}:
        return False  # "true of the Assembly", "true to its policy": holds for, faithful
    if word in {"certain", "true"}:  # "there are certain trends", "are true tests"
        after = view.next_words(end - 1, 1)
        if after and is_word(after[0]) and after[0] not in _AFTER_PREDICATIVE:
            return False
    wish = view.prev_words(i, 3)
    if wish[0] in {"be", "feel"} and wish[1] == "to" and wish[2] in _WISH:
        return False  # "we should like to be certain": a courtesy formula
    return (
        before[0] in _COPULAS
        or before[0] in _DEGREE
        or before == ["from", "far"]  # "the outcome is far from certain"
        or nxt in {"that", "whether", "of", "about", "if"}
    )


def _opinion_complement(
    view: TokenView, end: int, passive: bool, before: list[str], subject: str
) -> bool:
    """'consider that ...', 'consider it essential', 'is considered a threat'.

    Not 'consider ways', 'considered by the Council', 'assume responsibility'.
    """
    first, second, _ = _following(view, end, 3)
    if first == "that":  # not "consider that question", "when we consider that"
        return second not in _THAT_NOUNS and not _taking_into_account(view, end - 1)
    if first in {"“", '"', "‘"}:  # a label: 'considered "spiritual"'
        return True
    if first in PERSONAL or first == "there":  # a clause without "that": 'assumed he would'
        return True
    if _complement_ahead(view, end):  # 'consider X to be Y', 'consider X as Y'
        return True
    if first in _OBJECT_PRONOUNS:
        return is_word(second) and second not in _NOT_COMPLEMENT and not _skippable(second)
    if first in {"this", "these", "those"}:
        return False
    if passive:
        if first == "by":  # 'considered by many'
            return second in _OPINION_HOLDERS
        return is_word(first) and first not in _NOT_COMPLEMENT
    if before[1] == "what" or subject in _OPINION_HOLDERS:  # 'some consider X a Y'
        return is_word(first) and first not in _NOT_COMPLEMENT
    return False


def _complement_ahead(view: TokenView, end: int) -> bool:
    """'as' or 'to be' within the clause after a verb of opinion."""
    tokens = view.next_words(end - 1, 10)
    if tokens and is_ing(tokens[0]):  # "consider joining": weigh doing something
        return False
    for k, tok in enumerate(tokens):
        if (not is_word(tok) and tok not in {"“", "”", '"', "'s"}) or tok == "such":
            return False  # "such questions as": an example, not a complement
        after = tokens[k + 1 : k + 3] + ["", ""]
        if tok == "as":  # not "as soon as possible", "as a result", "as expressed"
            return not (
                after[0] in _AS_NOT_COMPLEMENT
                or after[:2] in (["a", "result"], ["a", "matter"])
                or (after[0].endswith("ed") and after[0] not in {"need", "seed"})
            )
        if tok == "to" and after[0] == "be":
            return True
    return False


def _after_modal_be(view: TokenView, i: int) -> bool:
    """The speaker's framing: 'must be seen as', 'cannot today be regarded as', 'to be
    viewed as'. Not 'can be seen as', 'may be regarded as' (tentative)."""
    words = view.prev_words(i, 6)
    k = 0
    while k < len(words) and _skippable(words[k]):
        k += 1
    if k >= len(words) or words[k] != "be":
        return False
    k += 1
    gap = set()
    while k < len(words) and (words[k] in _MODAL_GAP or _skippable(words[k])):
        gap.add(words[k])
        k += 1
    modal = words[k] if k < len(words) else ""
    if modal in _FRAMING_MODALS or modal == "to":
        return True
    return modal in {"can", "could", "would"} and bool(gap & {"not", "n't", "no", "only"})


def _states_proposition(view: TokenView, i: int, end: int) -> bool:
    """Not a first-person proposal ('I suggest that they should be replaced')."""
    subject = [w for w in view.prev_words(i, 3) if not _skippable(w) and w not in _MODALS]
    if not subject or subject[0] not in {"i", "we"}:
        return True
    tokens = view.next_words(end - 1, 14)
    k = 0
    while k < len(tokens) and _skippable(tokens[k]):
        k += 1
    if k >= len(tokens) or tokens[k] != "that":
        return False
    previous = "that"
    for tok in tokens[k + 1 :]:
        if tok in {".", ";", ":", "?", "!"}:
            break
        if tok in _PROPOSAL:
            return False
        if tok == "be" and previous not in _MODALS | {"to", "not", "n't", "also", "only"}:
            return False  # a subjunctive: "I suggest that an arrangement be made"
        previous = tok
    return True


def _action_to_show(view: TokenView, i: int) -> bool:
    """'must show that they are serious', 'steps to show that' (not 'goes to show')."""
    words = [w for w in view.prev_words(i, 4) if not _skippable(w)]
    if not words or words[0] not in {"must", "should", "ought", "shall", "to"}:
        return False
    return not (words[0] == "to" and len(words) > 1 and words[1] in _SHOW_RAISING)


def _concessive(view: TokenView, i: int, end: int, *, before_but: bool = True) -> bool:
    """'however remote they might be', 'important as it may be', 'no matter what the
    desire of the settlers might be', and (``before_but``) 'it may be slow, but':
    granting, not doubting."""
    clause = view.prev_words(i, 10)
    if not _CONCESSIVE.isdisjoint(clause) or clause[:3] == ["case", "the", "as"]:
        return True  # ... or "as the case may be"
    if clause[0] in _MODALS and clause[2] == "as" and is_word(clause[3]):
        return True  # "modest as it may seem"
    if "though" in clause:  # "small though they may be"; not "even though", "as though"
        before_though = clause[clause.index("though") + 1]
        if is_word(before_though) and before_though not in _NOT_CONCEDED:
            return True
    recent = _recent_text(view, _CLAUSE_CHARS)
    if ("ever" in recent or "matter" in recent) and _CONCEDING.search(recent) is not None:
        return True  # "however traumatic its immediate consequences may be"
    if ("matter", "no") in pairwise(clause):
        return True
    after = view.next_words(end - 1, 2)
    if (
        len(after) == 2
        and after[0] in _CONCEDED_STATES
        and not is_word(after[1])
        and "as" in clause
    ):
        return True
    # a relative clause's modal is not what "but" answers ("the difficulties that may
    # lie ahead, but everything is looking better")
    relative = view.prev_words(i, 1)[0] in {"that", "which", "who"}
    return before_but and not relative and _granted_before_but(view, end)


def _granted_before_but(view: TokenView, end: int) -> bool:
    """ "Our wine may be bitter but it is our wine", "the task may be hard, but we will
    go on": a short clause granted before "but", a concession, not a doubt. Only a
    state granted ("may be", "may seem", "may have forgotten"): "the crisis may worsen,
    but we hope it will not" still weighs a possibility. Not a correlative "not only
    ... but", "not X but Y", nor "but for", "but which", "but because" (no clause of
    its own after "but")."""
    after = view.next_words(end - 1, _GRANTED_WORDS + 1)
    verbs = [w for w in after[:3] if w not in {"not", "n't", "well", "also", "still"}]
    if not verbs or verbs[0] not in _GRANTED_VERBS:
        return False
    if verbs[0] == "have" and not (len(verbs) > 1 and is_participle(verbs[1])):
        return False
    for k, word in enumerate(after[:_GRANTED_WORDS]):
        if word == "but":
            if k + 1 >= len(after) or _correlative(after[:k]):
                return False
            following = after[k + 1]
            named = view.raw[end + k + 1][:1].isupper()  # "but Nicaragua never will"
            return following in _CLAUSE_STARTERS or following == "," or named
        if word in _CLAUSE_ENDS:
            return False
    return False


def _correlative(granted: list[str]) -> bool:
    """ "not only", "not merely", "not just", "not once" before "but": the second half
    of one statement follows, not a concession ("may not be much, but" concedes)."""
    return any(a == "not" and b in _CORRELATIVE for a, b in pairwise(granted))


# The verbs of a granted state ("may be slow", "may seem odd", "may have forgotten").
_GRANTED_VERBS = frozenset({"be", "seem", "sound", "appear", "look", "have"})
# How far a granted clause may run before its "but", and what ends it first.
_GRANTED_WORDS = 6
_CLAUSE_ENDS = frozenset({".", ";", ":", "?", "!", "and", "or", "because", "if", "that"})
# Words that open the clause after a concession's "but" ("but we", "but the issues",
# "but if we analyse"); not "but for", "but which", "gradually but firmly".
_CLAUSE_STARTERS = frozenset(
    """i we you he she it they there this these those the a an our their its his her
    my your no none nothing everything such if until when then one some many most
    each every""".split()
)
_CORRELATIVE = frozenset({"only", "merely", "just", "simply", "once", "because", "in", "so"})


def _assurance(view: TokenView, end: int, subject: str) -> bool:
    """'may rest assured', 'may be assured' ("Members may be assured of our support"),
    and 'we/you/he/she may be sure': an assurance, not a doubt. "Investors may be
    confident" stays a hedge."""
    after = view.next_words(end - 1, 2)
    if len(after) < 2 or after[0] not in {"rest", "be"}:
        return False
    if after[1] == "assured":
        return True
    return after[0] == "be" and after[1] in _ASSURED and subject in {"we", "you", "he", "she"}


_ASSURED = frozenset({"sure", "certain", "confident"})


# Concessive words further back than the token window reaches, in the same clause.
_CONCEDING = re.compile(
    r"\b(?:[Hh]owever|[Ww]herever|[Ww]hatever|[Ww]hichever|[Ww]hoever"
    r"|[Nn]o matter)\b[^,;:.!?\u2014]*\Z"
)
# How far back the regular expressions below look: a dismissal or a rhetorical question
# runs a few words ("it would be naive for any of us to"), a concessive clause longer.
_DISMISSAL_CHARS = 90
_CLAUSE_CHARS = 200
# "important as it may be, ...", "modest as it may seem, ...".
# Words before "though" that make no inverted concession ("even though it may").
_NOT_CONCEDED = frozenset({"even", "as", "and", "or", "but", "that"})
# What rejects an allegation ("the false allegations", "we refute these accusations")
# or makes accusations acts rather than claims ("mutual accusations").
_REJECTING = frozenset(
    """false unfounded baseless groundless slanderous ludicrous absurd malicious
    fabricated spurious self-serving outrageous wild mendacious preposterous fallacious
    untrue lying reject rejects rejected refute refutes refuted deny denies denied
    repudiate repudiates repudiated mutual""".split()
)
_CONCEDED_STATES = frozenset({"be", "seem", "appear", "sound", "look"})


def _taking_into_account(view: TokenView, k: int) -> bool:
    """ "When we consider that", "if one considers that", "when it is considered that":
    taking a fact into account. Not "even if it considers that" (an opinion)."""
    before = view.prev_words(k, 3)
    if before[:2] == ["is", "it"]:
        return before[2] in _SUPPOSING_WHEN
    return before[0] in _GENERIC_SUBJECTS and before[1] in _SUPPOSING_WHEN


_GENERIC_SUBJECTS = frozenset({"we", "one", "you"})
_SUPPOSING_WHEN = frozenset({"when", "if", "whenever"})
# Items whose denial ("no doubt", "who can doubt") states certainty: a booster.
_DENIED_DOUBT = frozenset({"doubt"})
# What denies or dismisses a doubt a few words before it: "no shadow of doubt", "little
# doubt", "beyond all doubt", "if there were any doubt", "to dispel any doubt".
_DOUBT_DENIERS = NEGATORS | frozenset(
    """without beyond little any nobody none dispel dispels dispelled dispelling remove
    removes removed removing clear clears cleared""".split()
)


def _doubt_denied(view: TokenView, i: int) -> bool:
    """ "There is little doubt that", "beyond a shadow of a doubt", "no one can doubt",
    "Who can doubt that", "Is there any doubt": doubt denied, the speaker certain."""
    if not _DOUBT_DENIERS.isdisjoint(view.prev_words(i, 5)):
        return True
    return _asked_of_anyone(view, i)


def _asked_of_anyone(view: TokenView, i: int) -> bool:
    """Whether a rhetorical "Who can", "can anyone", "no one can" comes right before
    token i (a word of the question among the tokens before it, then the expression)."""
    if _ANYONE.isdisjoint(view.low[max(0, i - 8) : i]):
        return False  # (most hits: no regular expression run)
    return _RHETORICAL.search(_recent_text(view, _DISMISSAL_CHARS)) is not None


def _recent_text(view: TokenView, chars: int) -> str:
    """The last ``chars`` characters of the hit's sentence before the hit."""
    return view.text[max(view.sentence_first, view.hit_start - chars) : view.hit_start]


def _negative_before(view: TokenView, i: int) -> bool:
    """ "No failure could", "Nothing could": a negative subject before a modal."""
    return view.negated_before(i) or view.at(i - 1) in _NEGATIVE_PRONOUNS


def _belief_disowned(view: TokenView, i: int, term: str) -> bool:
    """A belief the speaker rejects or asks about only to deny: "it is an illusion to
    believe that", "it would be naive for anyone to assume", "we would be mistaken to
    think", "Who can still believe", "No one can really believe", "Is there anyone who
    seriously believes". Not "it is not unreasonable to think", "it is difficult to
    believe that" (doubt of the speaker's own)."""
    if term in _DENIED_DOUBT:
        return False  # denied, a doubt is certainty (a booster): see _doubt_denied
    to = view.at(i - 2) if _skippable(view.at(i - 1)) else view.at(i - 1)
    if to == "to" and _DISMISSED.search(_recent_text(view, _DISMISSAL_CHARS)) is not None:
        return True
    return term in _BELIEVING and _asked_of_anyone(view, i)


# Words one of which the rhetorical expressions hold ("who can", "does any nation").
_ANYONE = frozenset({"who", "anyone", "anybody", "any", "one", "nobody", "noone", "no-one"})
_BELIEVING = frozenset(
    "believe think suppose imagine assume presume expect consider suspect reckon guess".split()
)

# An adjective or noun that rejects a belief, then "(for X) to" right before the verb.
_DISMISSED = re.compile(
    r"(?<!\bnot )(?<!n't )\b(?:naive|naïve|unrealistic|foolhardy|illusory|absurd|foolish"
    r"|mistaken|wrong|futile|vain|idle|erroneous|unreasonable|ridiculous|illusion|mistake"
    r"|error|folly|self-delusion|self-deception|delusion|utopian|unwise|simplistic|fallacy"
    r"|fallacious|nonsense|unjustified|misleading|dangerous|wishful thinking)\s+"
    r"(?:(?:for|of)\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}\s+)?to\s+(?:\w+ly\s+)?\Z",
    re.IGNORECASE,
)
# A question or statement that no one holds the belief: "Who can (possibly) believe",
# "can anyone still doubt", "no one can really believe", "anyone who seriously believes".
_RHETORICAL = re.compile(
    r"(?:\bwho\s+(?:can|could|would|will)|\b(?:can|could|would|does|do|did|will)\s+"
    r"any(?:one|body|\s+\w+)|\bno\s*-?\s*one(?:\s+(?:can|could|would|will|should|does|did))?"
    r"|\bnobody(?:\s+(?:can|could|would|will|should|does|did))?|\banyone\s+who)"
    r"(?:\s+(?:\w+ly|still|ever|have|any\s+longer|longer|for\s+a\s+(?:single\s+)?moment"
    r"|possibly|now|truly|even|at\s+all))*\s+\Z",
    re.IGNORECASE,
)


def _emphatic_possibly(view: TokenView, i: int) -> bool:
    """ "cannot possibly accept", "could not possibly compare", "nor can there possibly
    be", "Who can possibly believe": emphasis on a negation or a rhetorical question, not
    doubt."""
    before = view.prev_words(i, 3)
    if before[0] in {"cannot", "not", "n't"}:
        return True
    if before[0] == "there":
        before = before[1:] + [""]
    return before[0] in {"can", "could"} and before[1] in {"who", "nor", "neither"}
