"""Rhetorical comparisons: what is compared to what, and how.

Four types, each found by compiled regular expressions in one pass per rule over a
document's text (no loop over lexicon items):

- ``explicit``: "compared A to B", "likened", "equated", "drew parallels between A and
  B", "akin to", "reminiscent of", "no different from", "similar to", "the same as",
  "a new Munich";
- ``simile``: preposition "like", "as ... as", "as if", "as though";
- ``comparative``: any "than" (more/less/fewer/-er/rather ... than), "unlike",
  "superior to", "as opposed to";
- ``superlative``: a determiner or possessive + most/least/best/worst/-est, with the
  frame it ranks against when there is one ("since the Second World War", "in history").

Context rules, not word lists alone, decide what is *not* a comparison (all listed in
the ``comparison_triggers`` lexicon, category ``exclusion``): the verb "like" ("we
would like to thank", "I like"), exemplifying "like" after a plural noun ("issues like
poverty" = "such as"), "like this." meaning "thus", "as well as", "as soon as", "as
long as", "as far as", "as ... as possible", "other than" (= except), "rather than" +
verb (= instead of), and quantities: "more/less/fewer/later than" + a number or
measure ("more than 50 countries", "less than half", "more than a decade") bounds a
quantity and is not counted, while "more than a crisis" is.

Tenor (what is compared) and vehicle (what it is compared to) are recovered by
position: the vehicle runs from the trigger to the next clause boundary (punctuation,
a relative or subordinating word; at most 12 words); the tenor is the object between a
comparing verb and its link ("compared *A* to B"), else the subject of the clause
before the trigger (the words before its first verb, at most 8). Either is left empty
(offsets -1) when the sentence does not make it recoverable.

``historical`` is True when the vehicle (or, for a superlative without a frame, the
trigger's phrase) contains a term of the ``historical_references`` lexicon: a past
event, era, figure, a year up to 2019, a decade or a named century.

Speaker rule: inside a quote, the quote's speaker; otherwise the sentence's reporting
subject -- the capitalized name (or he/she, resolved to the last named subject) right
before a reporting verb ("Lavrov compared ...", "Lavrov said ...") earlier in the same
sentence, expanded to the full name the document uses ("Sergey Lavrov"); otherwise the
document's ``speaker`` docvar (or "").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from corpus import Corpus, Document
from corpus.quotes import REPORTING_VERBS

from ._input import as_corpus, check_voice, group_labels, voice_allows, words_in_voice
from .engine import map_documents
from .lexicon import load_lexicon
from .provenance import attach, remember_provenance
from .rates import group_rates

TRIGGERS_LEXICON = "comparison_triggers@2"
HISTORICAL_LEXICON = "historical_references@1"
COMPARISONS_VERSION = "communique-comparisons/2"

TYPES = ("explicit", "simile", "comparative", "superlative")
COLUMNS = [
    "doc_id",
    "sent_id",
    "start",
    "end",
    "match",
    "trigger",
    "type",
    "tenor",
    "tenor_start",
    "tenor_end",
    "vehicle",
    "vehicle_start",
    "vehicle_end",
    "historical",
    "voice",
    "speaker",
]

_MAX_VEHICLE_WORDS = 12
_MAX_TENOR_WORDS = 8
_WORD = r"[A-Za-z0-9][\w'-]*"
_BOUNDARY = re.compile(r"[,;:.!?()\[\]\u2014\u2013\u201c\u201d\"\n]| - ")
_CLAUSE_WORDS = frozenset(
    """that which who whom whose because while whereas when where if unless although though
    but so since until whilst and or nor then yet""".split()
)
# Words that end a subject noun phrase: the clause's first verb or auxiliary.
_VERBISH = frozenset(
    """is are was were be been being am 's seems seem seemed looks look looked sounds sound
    sounded feels feel felt became become becomes remains remain remained has have had will
    would can could may might must should shall does do did works work worked acts act acted
    behaves behave behaved appears appear appeared reads read runs run ran goes go went gets
    get got makes make made performs performed stands stood""".split()
)
_PREPOSITIONS = frozenset("of in on for to at by with from about among between against".split())
_LEADING_JUNK = frozenset("and but or so then that which who because while yet also".split())
_NAME = r"[A-Z][a-z]+(?:[-'][A-Za-z]+)*(?:\s+[A-Z][a-z]+(?:[-'][A-Za-z]+)*){0,3}"
_NOT_NAMES = frozenset(
    """The This That These Those It We They He She In On At For But And While When If As
    However Our Their His Her Its A An""".split()
)
_REPORTING = REPORTING_VERBS | {
    "likened",
    "equated",
    "compares",
    "likens",
    "equates",
    "described",
    "describes",
    "drew",
}
_REPORTING_EVENT = re.compile(
    rf"(?P<name>{_NAME}|\b[Hh]e\b|\b[Ss]he\b)(?:\s+[a-z]+ly)?\s+(?P<verb>[a-z]+)\b"
)


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class _Rules:
    """Compiled patterns built from the two lexicons (once per process)."""

    explicit_verb: re.Pattern
    explicit_link: dict[str, tuple[str, ...]]
    explicit_phrase: re.Pattern
    historical_prefix: re.Pattern
    like: re.Pattern
    as_if: re.Pattern
    as_in: re.Pattern
    equative: re.Pattern
    than: re.Pattern
    comparative_phrase: re.Pattern
    superlative: re.Pattern
    frame: re.Pattern
    historical: re.Pattern
    sets: dict[str, frozenset]
    irregular: frozenset
    labels: dict[str, str]
    anchors: dict[str, frozenset]
    all_anchors: frozenset
    all_anchor_bytes: frozenset
    gradable: frozenset
    degree: frozenset
    degree_base: frozenset
    degree_suffix: tuple
    bare_superlative: frozenset


def _alternation(terms) -> str:
    """Longest-first alternation of phrases; '*' at a word's end matches any ending."""
    parts = []
    for term in sorted(set(terms), key=lambda t: (-len(t), t)):
        words = []
        for word in term.split():
            if word.endswith("*"):
                words.append(re.escape(word[:-1]) + r"[\w-]*")
            else:
                words.append(re.escape(word))
        parts.append(r"\s+".join(words))
    return "|".join(parts)


# Words too common to tell where a phrase is: a phrase is found from its rarest word.
_FUNCTION_WORDS = frozenset(
    "a an the of to with in on as by from no not at for and or is its their our".split()
)


def _anchor_words(terms) -> frozenset:
    """For each phrase, the word whose occurrences locate it (its longest content word)."""
    out = set()
    for term in terms:
        words = re.findall(r"[a-z]+", term.lower())
        content = [w for w in words if w not in _FUNCTION_WORDS] or words
        out.add(max(content, key=len))
    return frozenset(out)


@lru_cache(maxsize=8)
def _rules(triggers: str = TRIGGERS_LEXICON, historical: str = HISTORICAL_LEXICON) -> _Rules:
    lex = load_lexicon(triggers)
    items = lex.items

    def terms(category: str, subcategory: str) -> list[str]:
        rows = items[(items["category"] == category) & (items["subcategory"] == subcategory)]
        return list(rows["term"])

    verbs = items[(items["category"] == "explicit") & (items["subcategory"] == "verb")]
    links = {row.term.lower(): tuple(row.link.split()) for row in verbs.itertuples()}
    sets = {
        sub: frozenset(t.lower() for t in terms("exclusion", sub))
        for sub in set(items.loc[items["category"] == "exclusion", "subcategory"])
    }
    hist = load_lexicon(historical)
    hist_parts = []
    for row in hist.items.itertuples():
        if row.category == "date":
            hist_parts.append(rf"\b(?:{row.term})\b")
        else:
            # Lower-case terms match any case; "Munich" or "Franco" only as names.
            body = rf"\b(?:{_alternation([row.term])})\b"
            hist_parts.append(f"(?i:{body})" if row.term == row.term.lower() else body)
    like_terms = terms("simile", "like")
    anchors = {
        "explicit_verb": _anchor_words(verbs["term"]),
        "explicit_phrase": _anchor_words(terms("explicit", "phrase")),
        "historical_prefix": _anchor_words(terms("explicit", "historical_prefix")),
        "like": frozenset({"like"}),
        "as": frozenset({"as", "just"}),
        "than": frozenset({"than"}),
        "comparative_phrase": _anchor_words(terms("comparative", "phrase")),
        "gradable": frozenset(terms("comparative", "adjective") + terms("comparative", "degree")),
        "superlative": frozenset(terms("superlative", "word")),
    }
    return _Rules(
        explicit_verb=re.compile(rf"\b(?:{_alternation(verbs['term'])})\b", re.I),
        explicit_link=links,
        explicit_phrase=re.compile(rf"\b(?:{_alternation(terms('explicit', 'phrase'))})\b", re.I),
        historical_prefix=re.compile(
            rf"\b(?:{_alternation(terms('explicit', 'historical_prefix'))})\s+", re.I
        ),
        like=re.compile(rf"\b(?:{_alternation(like_terms)})\b(?!-)", re.I),
        as_if=re.compile(rf"\b(?:{_alternation(terms('simile', 'as_if'))})\b", re.I),
        as_in=re.compile(rf"\b(?:{_alternation(terms('simile', 'as_in'))})\b", re.I),
        equative=re.compile(
            rf"\b(?P<a1>as)\s+(?P<mid>{_WORD}(?:\s+{_WORD})?)\s+(?P<a2>as)\b(?!\s+(?:well|regards)\b)",
            re.I,
        ),
        than=re.compile(r"\bthan\b", re.I),
        comparative_phrase=re.compile(
            rf"\b(?:{_alternation(terms('comparative', 'phrase'))})\b", re.I
        ),
        superlative=re.compile(
            r"\b(?P<det>the|its|their|our|his|her|your|my|this|world's|[A-Z][a-z]+'s)\s+"
            r"(?:(?:very|single|second|third|by far the)\s+)?"
            rf"(?P<sup>(?:most|least)\s+{_WORD}|best|worst|[a-z]{{2,}}est)\b(?!-)",
            re.I,
        ),
        frame=re.compile(
            rf"\s*(?:[\w'-]+\s+){{0,5}}?(?P<frame>{_alternation(terms('superlative', 'frame'))})\b",
            re.I,
        ),
        historical=re.compile("|".join(hist_parts)),
        sets=sets,
        irregular=frozenset(t.lower() for t in terms("comparative", "than")),
        labels={"triggers": lex.label, "historical": hist.label},
        anchors=anchors,
        all_anchors=frozenset().union(*anchors.values()),
        all_anchor_bytes=frozenset(w.encode() for w in frozenset().union(*anchors.values())),
        gradable=frozenset(terms("comparative", "adjective")),
        degree=frozenset(terms("comparative", "degree")),
        degree_base=frozenset(terms("comparative", "degree_base")),
        degree_suffix=tuple(terms("comparative", "degree_suffix")),
        bare_superlative=frozenset(terms("superlative", "bare")),
    )


# ------------------------------------------------------------------ span helpers


def _words_before(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    return [(m.start() + lo, m.end() + lo) for m in re.finditer(r"[\w'-]+", text[lo:hi])]


def _vehicle(text: str, start: int, limit: int, *, clause: bool = False) -> tuple[int, int]:
    """Span from ``start`` to the next clause boundary (at most a dozen words).

    A noun-phrase vehicle also stops at a verb ("rather than confrontation | is
    needed"); a ``clause`` vehicle ("as if it were ...") does not.
    """
    first = end = -1
    count = 0
    for m in re.finditer(r"[\w'%$-]+|[^\w\s]", text[start:limit]):
        token = m.group()
        lower = token.lower()
        if _BOUNDARY.fullmatch(token) or (count and lower in _CLAUSE_WORDS):
            break
        if count and not clause and (lower in _VERBISH or lower.endswith("n't")):
            break
        if not re.match(r"[\w%$]", token):
            continue  # stray symbol inside the phrase (e.g. an apostrophe)
        if first < 0:
            first = start + m.start()
        count += 1
        end = start + m.end()
        if count >= _MAX_VEHICLE_WORDS:
            break
    return (first, end) if count else (-1, -1)


def _clause_start(text: str, sent_start: int, pos: int) -> int:
    """Start of the clause that ends at ``pos``: after punctuation or a clause word."""
    cut = sent_start
    for m in _BOUNDARY.finditer(text, sent_start, pos):
        cut = m.end()
    for s, e in _words_before(text, cut, pos):
        if text[s:e].lower() in _CLAUSE_WORDS - {"and", "or"}:
            cut = e
    return cut


def _tenor(text: str, sent_start: int, pos: int) -> tuple[int, int]:
    """The clause subject before ``pos``: words before the clause's first verb."""
    cut = _clause_start(text, sent_start, pos)
    words = _words_before(text, cut, pos)
    while words and text[words[0][0] : words[0][1]].lower() in _LEADING_JUNK:
        words = words[1:]
    if not words:
        return (-1, -1)
    for i, (s, e) in enumerate(words):
        if text[s:e].lower() in _VERBISH or text[s:e].lower().endswith("n't"):
            subject = words[:i]
            break
    else:
        subject = words  # no verb: the noun phrase right before the trigger
    if not subject or len(subject) > _MAX_TENOR_WORDS:
        return (-1, -1)
    return (subject[0][0], subject[-1][1])


def _previous_word(text: str, pos: int, lo: int) -> tuple[str, int]:
    m = re.search(r"([\w']+)\W*$", text[lo:pos])
    return (m.group(1).lower(), lo + m.start(1)) if m else ("", lo)


def _next_words(text: str, pos: int, n: int = 3) -> list[str]:
    return [w.lower() for w in re.findall(r"[\w'%]+|[.,;:!?]", text[pos : pos + 80])[:n]]


# ----------------------------------------------------------------- the detectors


def _strip(text: str, lo: int, hi: int) -> tuple[int, int]:
    words = _words_before(text, lo, hi)
    return (words[0][0], words[-1][1]) if words else (-1, -1)


def _like_is_verb(text: str, m: re.Match, s0: int, sets: dict) -> bool:
    if re.match(r"(?:look|seem|sound|feel|felt|act|behave)", m.group(), re.I):
        return False  # "looks like", "acts like": the preposition
    after = _next_words(text, m.end(), 2)
    nxt = after[0] if after else ""
    if nxt in sets["like_after"] or (
        nxt in ("this", "that") and len(after) > 1 and after[1] in ".,;:!?"
    ):
        return True
    word, pos = _previous_word(text, m.start(), s0)
    skipped = 0
    while (
        word
        in {
            "also",
            "really",
            "very",
            "much",
            "particularly",
            "especially",
            "sincerely",
            "therefore",
            "now",
            "first",
            "further",
            "again",
            "once",
            "just",
            "all",
            "certainly",
            "equally",
            "briefly",
            "too",
            "still",
            "thus",
            "hereby",
        }
        and skipped < 3
    ):
        word, pos = _previous_word(text, pos, s0)
        skipped += 1
    if word in sets["like_verb_before"]:
        return True
    return word in sets["like_exemplify"]


def _is_quantity(text: str, pos: int, sets: dict) -> bool:
    rest = text[pos : pos + 40].lstrip().lower()
    if re.match(r"[$£€]?\d", rest):
        return True
    words = re.findall(r"[\w%]+", rest)[:2]
    return bool(words) and (words[0] in sets["quantity"] or " ".join(words) in sets["quantity"])


def _comparative_word(text: str, lo: int, pos: int, rules: _Rules) -> tuple[str, int]:
    """The comparative word governing a 'than' (within eight words before it)."""
    words = _words_before(text, lo, pos)[-8:]
    for s, e in reversed(words):
        w = text[s:e].lower()
        if w in rules.irregular or w in rules.sets["than_before"]:
            return w, s
    for s, e in reversed(words):
        w = text[s:e].lower()
        if (
            len(w) > 3
            and (w.endswith("er") or w.endswith("ier"))
            and w not in rules.sets["false_er"]
        ):
            return w, s
    if words:
        s, e = words[-1]
        return text[s:e].lower(), s
    return "", pos


def _looks_superlative(word: str) -> bool:
    # -est forms of adjectives: greatest, largest, biggest, happiest, gravest.
    return len(word) >= 6 or word in {"oldest", "worst", "best", "least", "latest"}


# ------------------------------------------------------------------ assembling


def _full_name(text: str, name: str) -> str:
    if " " in name:
        return name
    m = re.search(rf"\b((?:[A-Z][a-z]+\s+){{1,2}}){re.escape(name)}\b", text)
    if m and not set(m.group(1).split()) & _NOT_NAMES:
        return m.group().strip()
    return name


_ALPHA = re.compile(r"[a-z]+")
_PHRASE_REACH = 30  # characters around an anchor word that a lexicon phrase can span
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


@lru_cache(maxsize=1024)
def _word_end_pattern(word: str) -> re.Pattern:
    # A literal first (so the regex engine searches for it fast), then a word end; the
    # word start is checked by the caller (a look-behind would defeat the fast search).
    return re.compile(re.escape(word) + r"(?![a-z0-9])")


class _Scan:
    """One document's text, lower-cased, and where the lexicon's anchor words occur.

    The only whole-document passes are ``str.lower`` and one ``[a-z]+`` scan that tells
    which anchor words (and ``-est`` words) the document contains; every rule then looks
    only at the few places where its own anchor words are.
    """

    def __init__(self, doc: Document, rules: _Rules):
        self.doc = doc
        self.text = text = doc.text
        low = text.lower()
        if len(low) != len(text):  # a character whose lower case is longer (U+0130)
            low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
        self.low = low
        # Bytes: translate and split run in C, much faster than a regex over the text.
        words = set(low.encode("utf-8").translate(_LETTERS_ONLY).split())
        self.present = {w.decode() for w in words.intersection(rules.all_anchor_bytes)}
        self.est_words = {w.decode() for w in words if w.endswith(b"est") and len(w) > 4}
        self._hits: dict[str, list[tuple[int, int]]] = {}
        self._bounds: dict[int, tuple[int, int, int]] = {}

    def word_hits(self, word: str) -> list[tuple[int, int]]:
        """Offsets of ``word`` as a whole word (any case)."""
        hits = self._hits.get(word)
        if hits is None:
            low = self.low
            hits = [
                m.span()
                for m in _word_end_pattern(word).finditer(low)
                if m.start() == 0 or not low[m.start() - 1].isalnum()
            ]
            self._hits[word] = hits
        return hits

    def hits(self, words) -> list[tuple[int, int]]:
        found = [h for w in self.present.intersection(words) for h in self.word_hits(w)]
        found.sort()
        return found

    def bounds(self, pos: int) -> tuple[int, int, int]:
        """(sentence id, start, end) of the sentence holding ``pos``."""
        sid = self.doc.sentence_id(pos)
        got = self._bounds.get(sid)
        if got is None:
            sentences = self.doc.sentences
            s, e = sentences[sid] if sentences else (0, len(self.text))
            got = self._bounds[sid] = (sid, s, e)
        return got

    def around(self, pattern: re.Pattern, hits, reach: int = _PHRASE_REACH) -> list[re.Match]:
        """Non-overlapping matches of ``pattern`` that cover an anchor hit.

        Each pattern is run only on a small window around each hit; the window ends at
        a non-word character so that ``\\b`` at its edge means what it says.
        """
        text, n = self.text, len(self.text)
        found: dict[int, re.Match] = {}
        for p, q in hits:
            hi = min(n, q + reach)
            while hi < n and text[hi].isalnum():
                hi += 1
            for m in pattern.finditer(text, max(0, p - reach), hi):
                if m.start() <= p and q <= m.end():
                    found.setdefault(m.start(), m)
        return _non_overlapping(found)

    def at(self, pattern: re.Pattern, hits) -> list[re.Match]:
        """Non-overlapping matches of ``pattern`` starting at an anchor hit."""
        found = {}
        for p, _ in hits:
            m = pattern.match(self.text, p)
            if m:
                found[p] = m
        return _non_overlapping(found)


def _non_overlapping(found: dict[int, re.Match]) -> list[re.Match]:
    # As one finditer over the whole text would: leftmost first, no overlaps.
    out: list[re.Match] = []
    end = -1
    for start in sorted(found):
        m = found[start]
        if start >= end:
            out.append(m)
            end = max(m.end(), start + 1)
    return out


def _explicit(scan: _Scan, rules: _Rules):
    text = scan.text
    verbs = scan.around(rules.explicit_verb, scan.hits(rules.anchors["explicit_verb"]))
    for m in verbs:
        _, s0, e0 = scan.bounds(m.start())
        key = re.sub(r"\s+", " ", m.group().lower())
        links = rules.explicit_link.get(key, ())
        link_re = _link_pattern(links)
        link = link_re.search(text, m.end(), min(e0, m.end() + 200))
        if link is None or _BOUNDARY.search(text, m.end(), link.start()):
            continue
        tenor = _strip(text, m.end(), link.start())
        vehicle = _vehicle(text, link.end(), e0)
        if vehicle == (-1, -1):
            continue
        trigger = f"{key} ... {link.group().strip().lower()}" if tenor != (-1, -1) else key
        if tenor == (-1, -1):  # "compared with last year": prepositional
            tenor = _tenor(text, s0, m.start())
        yield m.start(), m.end(), trigger, "explicit", tenor, vehicle
    for m in scan.around(rules.explicit_phrase, scan.hits(rules.anchors["explicit_phrase"])):
        _, s0, e0 = scan.bounds(m.start())
        trigger = re.sub(r"\s+", " ", m.group().lower())
        vehicle = _vehicle(text, m.end(), e0)
        yield m.start(), m.end(), trigger, "explicit", _tenor(text, s0, m.start()), vehicle
    prefixes = scan.hits(rules.anchors["historical_prefix"])
    for m in scan.around(rules.historical_prefix, prefixes):
        h = rules.historical.match(text, m.end())
        if h is None:
            continue
        _, s0, e0 = scan.bounds(m.start())
        trigger = re.sub(r"\s+", " ", m.group().strip().lower())
        vehicle = _vehicle(text, h.start(), e0)
        yield m.start(), m.end(), trigger, "explicit", _tenor(text, s0, m.start()), vehicle


@lru_cache(maxsize=64)
def _link_pattern(links: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"\s(?:{'|'.join(links)})\s", re.I)


def _simile(scan: _Scan, rules: _Rules):
    text = scan.text
    sets = rules.sets
    for m in scan.around(rules.like, scan.hits(rules.anchors["like"])):
        _, s0, e0 = scan.bounds(m.start())
        if _like_is_verb(text, m, s0, sets):
            continue
        after = _next_words(text, m.end(), 1)
        if after and re.fullmatch(r"\d[\d,.]*|about|around", after[0]):
            continue  # "something like 50": an approximation
        trigger = re.sub(r"\s+", " ", m.group().lower())
        vehicle = _vehicle(text, m.end(), e0)
        if vehicle == (-1, -1):
            continue
        yield m.start(), m.end(), trigger, "simile", _tenor(text, s0, m.start()), vehicle
    as_hits = scan.hits(rules.anchors["as"])
    for m in scan.at(rules.as_if, as_hits):
        _, s0, e0 = scan.bounds(m.start())
        trigger = re.sub(r"\s+", " ", m.group().lower())
        vehicle = _vehicle(text, m.end(), e0, clause=True)
        yield m.start(), m.end(), trigger, "simile", _tenor(text, s0, m.start()), vehicle
    for m in scan.at(rules.as_in, as_hits):
        _, s0, e0 = scan.bounds(m.start())
        before = text[s0 : m.start()].rstrip()
        if (
            before
            and not before.endswith((",", ";", ":", "\u2014"))
            and not before.endswith("just")
        ):
            continue  # "the same as in" / "interested as in": not a clause-level analogy
        if m.group().lower() == "just as" and _next_words(text, m.end(), 1) in (["well"], ["soon"]):
            continue
        trigger = re.sub(r"\s+", " ", m.group().lower())
        vehicle = _vehicle(text, m.end(), e0, clause=True)
        yield m.start(), m.end(), trigger, "simile", (-1, -1), vehicle
    for m in scan.at(rules.equative, as_hits):
        mid = m.group("mid").lower().split()
        phrase = re.sub(r"\s+", " ", m.group().lower())
        if any(w in sets["equative_middle"] for w in mid[:1]) or phrase in sets["formula"]:
            continue
        after = _next_words(text, m.end(), 2)
        if not after or after[0] in sets["equative_tail"] or after[0] in ".,;:!?":
            continue
        if mid[0] in ("much", "many", "early", "late", "high", "low", "little") and (
            _is_quantity(text, m.end(), sets)
        ):
            continue  # "as many as 50 people"
        _, s0, e0 = scan.bounds(m.start())
        vehicle = _vehicle(text, m.end(), e0)
        yield m.start(), m.end(), phrase, "simile", _tenor(text, s0, m.start()), vehicle


def _comparative(scan: _Scan, rules: _Rules):
    text = scan.text
    sets = rules.sets
    for p, q in scan.hits(rules.anchors["than"]):
        _, s0, e0 = scan.bounds(p)
        lo = _clause_start(text, s0, p)
        word, wpos = _comparative_word(text, lo, p, rules)
        if word in sets["than_before"]:
            continue
        nxt = _next_words(text, q, 1)
        if word == "rather" and (
            not nxt or nxt[0] in sets["rather_than_next"] or nxt[0].endswith("ing")
        ):
            continue
        if (word in sets["quantity_comparative"] or word not in rules.irregular) and _is_quantity(
            text, q, sets
        ):
            continue
        vehicle = _vehicle(text, q, e0)
        trigger = f"{word} than" if word else "than"
        yield wpos, q, trigger, "comparative", _tenor(text, s0, wpos), vehicle
    phrases = scan.around(rules.comparative_phrase, scan.hits(rules.anchors["comparative_phrase"]))
    for m in phrases:
        _, s0, e0 = scan.bounds(m.start())
        trigger = re.sub(r"\s+", " ", m.group().lower())
        vehicle = _vehicle(text, m.end(), e0)
        yield m.start(), m.end(), trigger, "comparative", _tenor(text, s0, m.start()), vehicle
    yield from _gradable(scan, rules)


def _gradable(scan: _Scan, rules: _Rules):
    """Comparatives without 'than': 'the battery is better', 'a more just world'.

    A listed comparative word compares by itself; 'more'/'less' only before an
    adjective or adverb (a listed base adjective or an adjective ending that is not a
    listed noun), so 'more information' and 'more than 50' are not counted. Formulas
    ('no longer', 'more or less', 'to better understand') are excluded. The vehicle is
    empty: the sentence compares with something it does not state.
    """
    text, low = scan.text, scan.low
    formulas = rules.sets.get("comparative_formula", frozenset())
    for p, q in scan.hits(rules.anchors["gradable"]):
        word = low[p:q]
        after = _ALPHA.match(low, q + 1) if q < len(low) and low[q] == " " else None
        nxt = after.group() if after else ""
        if nxt == "than" or (q < len(low) and low[q] == "-"):
            continue  # "than" is the than-rule's; "better-known" is one word
        prev = low[max(0, p - 25) : p].split()[-2:]
        if _in_formula(prev, word, nxt, formulas):
            continue
        end = q
        if word in rules.degree:
            if not nxt or not _is_adjective(nxt, rules):
                continue
            end = after.end()
            trigger = f"{word} {nxt}"
        else:
            trigger = word
        _, s0, _ = scan.bounds(p)
        yield p, end, trigger, "comparative", _tenor(text, s0, p), (-1, -1)


def _in_formula(prev: list[str], word: str, nxt: str, formulas: frozenset) -> bool:
    candidates = [f"{word} {nxt}"]
    if prev:
        candidates += [f"{prev[-1]} {word}", f"{prev[-1]} {word} {nxt}"]
    if len(prev) > 1:
        candidates += [f"{prev[-2]} {prev[-1]} {word}"]
    return any(c in formulas for c in candidates)


def _is_adjective(word: str, rules: _Rules) -> bool:
    if word in rules.degree_base:
        return True
    if word in rules.sets.get("not_adjective", ()) or len(word) < 4:
        return False
    return word.endswith(rules.degree_suffix) and not word.endswith(("ment", "ments"))


def _superlative(scan: _Scan, rules: _Rules):
    text = scan.text
    sets = rules.sets
    hits = scan.hits(rules.anchors["superlative"])
    est_words = scan.est_words - sets["false_est"]
    if est_words:
        hits = sorted(hits + [h for w in est_words for h in scan.word_hits(w)])
    covered: set[int] = set()
    for m in scan.around(rules.superlative, hits, reach=45):
        sup = re.sub(r"\s+", " ", m.group("sup").lower())
        head = sup.split()[0]
        covered.add(m.start("sup"))
        if head.endswith("est") and head not in ("best", "worst") and head in sets["false_est"]:
            continue
        if head.endswith("est") and head not in ("best", "worst") and not _looks_superlative(head):
            continue
        phrase = re.sub(r"\s+", " ", m.group().lower())
        window = text[max(0, m.start() - 20) : m.start()].lower().split()[-1:] + phrase.split()
        joined = " ".join(window)
        nxt = _next_words(text, m.end(), 2)
        if any(
            f in joined or f in f"{phrase} {' '.join(nxt)}" for f in sets["superlative_formula"]
        ):
            continue
        if sup in ("most", "least") or (
            sup.startswith(("most ", "least ")) and sup.split()[1] in ("of", "part")
        ):
            continue
        _, s0, e0 = scan.bounds(m.start())
        yield _superlative_row(text, m.start("sup"), m.end(), sup, e0, rules)
    if rules.bare_superlative:
        yield from _bare_superlative(scan, rules, hits, covered)


def _superlative_row(text: str, sup_start: int, end: int, sup: str, e0: int, rules: _Rules):
    # The noun phrase ranked: the words after the superlative up to a frame or boundary.
    tenor = _vehicle(text, end, e0)
    frame = rules.frame.match(text, end, e0)
    vehicle = (-1, -1)
    trigger = sup
    if frame:
        trigger = f"{sup} ... {frame.group('frame').lower()}"
        if frame.group("frame").lower() == "since":  # "since" takes a complement
            vehicle = _vehicle(text, frame.end("frame"), e0)
        if vehicle == (-1, -1):
            vehicle = (frame.start("frame"), frame.end("frame"))
        tenor = _strip(text, end, frame.start("frame"))
    elif tenor != (-1, -1):
        words = _words_before(text, tenor[0], tenor[1])[:3]
        for i, (s, e) in enumerate(words):
            if i and text[s:e].lower() in _PREPOSITIONS:
                words = words[:i]
                break
        tenor = (words[0][0], words[-1][1])
    return sup_start, end, trigger, "superlative", tenor, vehicle


def _bare_superlative(scan: _Scan, rules: _Rules, hits, covered: set[int]):
    """'best'/'worst' and 'most'/'least' + adjective without a determiner."""
    text, low = scan.text, scan.low
    formulas = rules.sets.get("comparative_formula", frozenset()) | rules.sets.get(
        "superlative_formula", frozenset()
    )
    for p, q in hits:
        word = low[p:q]
        if p in covered or word not in rules.bare_superlative:
            continue
        if q < len(low) and low[q] == "-":
            continue
        after = _ALPHA.match(low, q + 1) if q < len(low) and low[q] == " " else None
        nxt = after.group() if after else ""
        prev = low[max(0, p - 25) : p].split()[-2:]
        if _in_formula(prev, word, nxt, formulas):
            continue
        end = q
        sup = word
        if word in ("most", "least"):
            if not nxt or nxt.endswith("ly") or not _is_adjective(nxt, rules):
                continue
            end = after.end()
            sup = f"{word} {nxt}"
        _, _, e0 = scan.bounds(p)
        yield _superlative_row(text, p, end, sup, e0, rules)


# ------------------------------------------------------------------ assembling


def _speaker_subjects(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, name) of every 'Name <reporting verb>' in ``text[lo:hi]``.

    "he"/"she" is resolved to the last name before it in the same span (the empty
    string when there is none).
    """
    out = []
    last = ""
    for m in _REPORTING_EVENT.finditer(text, lo, len(text) if hi is None else hi):
        if m.group("verb") not in _REPORTING:
            continue
        name = m.group("name")
        words = name.split()
        while words and words[0] in _NOT_NAMES:
            words = words[1:]
        if name.lower() in ("he", "she"):
            name = last
        elif not words:
            continue
        else:
            name = " ".join(words)
            last = name
        if name:
            out.append((m.start(), m.end(), name))
    return out


class _Speakers:
    """The reporting subject of a sentence, looked up only for sentences with rows.

    A sentence's own 'Name said' is found in the sentence; a pronoun subject ('he
    compared') needs the names before it, so the whole document is scanned once, and
    only then.
    """

    def __init__(self, text: str, sentence_ends: dict[int, int]):
        self.text = text
        self._ends = sentence_ends
        self._document: list[tuple[int, int, str]] | None = None
        self._sentence: dict[int, list[tuple[int, int, str]]] = {}

    def subject(self, s0: int, t_end: int) -> str:
        if _PRONOUN.search(self.text, s0, t_end):
            if self._document is None:
                self._document = _speaker_subjects(self.text)
            subjects = self._document
        else:
            subjects = self._sentence.get(s0)
            if subjects is None:
                subjects = self._sentence[s0] = _speaker_subjects(self.text, s0, self._ends[s0])
        before = [n for s, e, n in subjects if s0 <= s and e <= t_end]
        return _full_name(self.text, before[0]) if before else ""


_PRONOUN = re.compile(r"\b[Hh]e\b|\b[Ss]he\b")


def _voice(doc: Document, pos: int) -> tuple[str, str]:
    # Quotes are marked by typographic quotation marks after normalization; a document
    # without them has no quotes, and finding quotes would cost more than this stage.
    text = doc.text
    if "\u201c" not in text and "\u2018" not in text:
        return "authorial", str(doc.meta.get("speaker", "") or "")
    return doc.voice(pos)


def _comparisons_in_document(
    doc: Document, voice: str, triggers: str, historical: str
) -> list[dict[str, Any]]:
    rules = _rules(triggers, historical)
    text = doc.text
    scan = _Scan(doc, rules)
    found = []
    for detector in (_explicit, _simile, _comparative, _superlative):
        found.extend(detector(scan, rules))
    found.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    kept: list[tuple] = []
    for row in found:
        # A trigger inside another row's trigger ("different from" in "no different from").
        if any(k[0] <= row[0] and row[1] <= k[1] for k in kept[-8:]):
            continue
        kept.append(row)
    speakers = _Speakers(text, {s: e for _, s, e in scan._bounds.values()})
    rows = []
    for t_start, t_end, trigger, kind, tenor, vehicle in kept:
        sid, s0, _ = scan.bounds(t_start)
        actual, speaker = _voice(doc, t_start)
        if not voice_allows(voice, actual):
            continue
        if actual == "authorial":
            speaker = speakers.subject(s0, t_end) or speaker
        spans = [(t_start, t_end)] + [sp for sp in (tenor, vehicle) if sp[0] >= 0]
        start = min(s for s, _ in spans)
        end = max(e for _, e in spans)
        hist_text = text[vehicle[0] : vehicle[1]] if vehicle[0] >= 0 else ""
        if kind == "explicit" and not hist_text:
            hist_text = text[t_end:end]
        rows.append(
            {
                "doc_id": doc.doc_id,
                "sent_id": sid,
                "start": start,
                "end": end,
                "match": text[start:end],
                "trigger": trigger,
                "type": kind,
                "tenor": text[tenor[0] : tenor[1]] if tenor[0] >= 0 else "",
                "tenor_start": tenor[0],
                "tenor_end": tenor[1],
                "vehicle": hist_text if vehicle[0] >= 0 else "",
                "vehicle_start": vehicle[0],
                "vehicle_end": vehicle[1],
                "historical": bool(hist_text) and rules.historical.search(hist_text) is not None,
                "voice": actual,
                "speaker": speaker,
            }
        )
    return rows


def find_comparisons(
    c_or_text: Corpus | Document | str | list,
    *,
    voice: str | None = None,
    workers: int | None = None,
) -> pd.DataFrame:
    """One row per rhetorical comparison.

    Parameters:
        c_or_text: a Corpus, a Document, a string or a list of strings.
        voice: "authorial", "quoted" or "all"/None (every voice).
        workers: processes for the per-document pass (None = available cores).

    Returns:
        Columns ``doc_id, sent_id, start, end, match`` (the whole comparison, so
        ``text[start:end] == match``), ``trigger`` (the comparing words, lower-cased;
        "..." marks a gap), ``type`` (explicit | simile | comparative | superlative),
        ``tenor, tenor_start, tenor_end`` and ``vehicle, vehicle_start, vehicle_end``
        ("" and -1 when not recoverable), ``historical`` (bool), ``voice``, ``speaker``.

    Example:
        >>> t = find_comparisons("He compared the talks to the Munich conference of 1938.")
        >>> t.loc[0, ["type", "tenor", "vehicle"]].tolist()
        ['explicit', 'the talks', 'the Munich conference of 1938']
        >>> bool(t.loc[0, "historical"])
        True
    """
    voice = check_voice(voice)
    c = as_corpus(c_or_text)
    results = map_documents(
        c, _comparisons_in_document, voice, TRIGGERS_LEXICON, HISTORICAL_LEXICON, workers=workers
    )
    rows = [row for part in results for row in part]
    table = pd.DataFrame(rows, columns=COLUMNS)
    table = table.astype(
        {
            "sent_id": int,
            "start": int,
            "end": int,
            "tenor_start": int,
            "tenor_end": int,
            "vehicle_start": int,
            "vehicle_end": int,
            "historical": bool,
        }
    )
    return attach(table, "find_comparisons", {"voice": voice}, c, _lexicon_versions())


def _lexicon_versions() -> dict[str, str]:
    labels = _rules().labels
    return {
        labels["triggers"].split("@")[0]: labels["triggers"].split("@")[1],
        labels["historical"].split("@")[0]: labels["historical"].split("@")[1],
    }


# ------------------------------------------------------------------ statistics

MEASURES = ("comparisons", *TYPES, "historical")


def _document_counts(doc: Document, voice: str, triggers: str, historical: str) -> dict[str, int]:
    rows = _comparisons_in_document(doc, voice, triggers, historical)
    counts = {m: 0 for m in MEASURES}
    for row in rows:
        counts["comparisons"] += 1
        counts[row["type"]] += 1
        counts["historical"] += row["historical"]
    counts["words"] = len(words_in_voice(doc, voice))
    return counts


def stat_comparisons(
    c: Corpus | str | list,
    *,
    by: str | None = None,
    voice: str | None = None,
    workers: int | None = None,
) -> pd.DataFrame:
    """Comparisons per 1,000 words by type, per group, with bootstrap intervals.

    Parameters:
        c: the corpus (or text).
        by: a docvar to group documents by; "doc_id" gives one group per document;
            None pools every document into the group "all".
        voice: count only comparisons (and words) in this voice.
        workers: processes for the per-document pass.

    Returns:
        One row per group and measure (``comparisons`` = all types, then ``explicit,
        simile, comparative, superlative, historical``): ``group, measure, documents,
        count, words, rate`` (mean of document rates per 1,000 words), ``rate_low,
        rate_high`` (95% bootstrap interval over documents), ``pooled_rate``.

    Example:
        >>> t = stat_comparisons(["It is worse than the Cold War.", "Peace is near."])
        >>> int(t.set_index("measure").loc["comparative", "count"])
        1
    """
    voice = check_voice(voice)
    c = as_corpus(c)
    groups = group_labels(c, by)
    counts = map_documents(
        c, _document_counts, voice, TRIGGERS_LEXICON, HISTORICAL_LEXICON, workers=workers
    )
    per_doc = pd.DataFrame(counts, index=pd.Index(c.doc_ids, name="doc_id"))
    table = group_rates(per_doc, groups, list(MEASURES))
    return attach(table, "stat_comparisons", {"by": by, "voice": voice}, c, _lexicon_versions())


def plot_comparisons(table: pd.DataFrame, *, ax=None):
    """Horizontal bars of comparison rates per 1,000 words, by type and group.

    Parameters:
        table: a :func:`stat_comparisons` result.
        ax: the Axes to draw on (a new figure when None).

    Returns:
        The Axes.
    """
    import matplotlib.pyplot as plt

    from .style import house_style, series_style

    with house_style():
        if ax is None:
            _, ax = plt.subplots()
        measures = [m for m in MEASURES if m in set(table["measure"])]
        groups = list(dict.fromkeys(table["group"]))
        height = 0.8 / max(len(groups), 1)
        for i, group in enumerate(groups):
            part = table[table["group"] == group].set_index("measure").reindex(measures)
            ys = [j + i * height for j in range(len(measures))]
            rate = part["rate"].to_numpy(dtype=float)
            low = part["rate_low"].to_numpy(dtype=float)
            high = part["rate_high"].to_numpy(dtype=float)
            errors = [rate - low, high - rate]
            style = series_style(i)
            ax.barh(
                ys,
                rate,
                height=height,
                color=style["color"],
                hatch=style["hatch"],
                label=str(group),
                xerr=errors,
                ecolor="black",
                capsize=2,
            )
        ax.set_yticks([j + 0.4 - height / 2 for j in range(len(measures))])
        ax.set_yticklabels(measures)
        ax.invert_yaxis()
        ax.set_xlabel("comparisons per 1,000 words")
        if len(groups) > 1:
            ax.legend(title="group")
    remember_provenance(ax, table)
    return ax


__all__ = ["COLUMNS", "TYPES", "find_comparisons", "plot_comparisons", "stat_comparisons"]
