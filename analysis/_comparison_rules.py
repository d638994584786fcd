"""The per-document pass of :mod:`analysis.comparisons`: the four detectors, their
exclusions, tenors, vehicles and speakers. Compiled with mypyc in regular installs
(setup.py).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from corpus import Document
from corpus._pickling import rebuilt_from_fields
from corpus.document import sentence_index
from corpus.quotes import REPORTING_VERBS, full_name, reporting_events, speaker_after

from ._input import voice_allows
from ._matcher import lower_text
from ._runs import HashSet, letter_runs, word_hash
from .lexicon import load_lexicon

TRIGGERS_LEXICON = "comparison_triggers@3"
HISTORICAL_LEXICON = "historical_references@4"

TYPES = ("explicit", "simile", "comparative", "superlative")

_MAX_VEHICLE_WORDS = 12
_MAX_TENOR_WORDS = 8
_WORD = r"[A-Za-z0-9][\w'-]*"
# A line break is no boundary: hard-wrapped speeches break lines inside sentences
# ("the Camp\nDavid agreements"), and a paragraph break (a blank line) ends a sentence.
# A point or comma between two digits is inside a number ("rose by 12.5% as compared
# with", "1,000 tons more than"), no boundary.
_BOUNDARY = re.compile(r"[;:!?()\[\]\u2014\u2013\u201c\u201d\"]|(?<!\d)[,.]|[,.](?!\d)| - ")
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


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class _Heads:
    """The non-date historical terms grouped by one word of each, so that a text is
    searched only for the terms that can occur in it.

    Every run of word characters in a phrase is a whole run of the text where the
    phrase occurs (lower-cased) or, for the last run of a word ending in '*', the start
    of one. Each phrase is filed under its longest ASCII run: ``exact`` maps a run to
    the pattern of the phrases that need it as a whole run, ``prefixes`` a run to those
    that need a run starting with it; ``headless`` holds the phrases without an ASCII
    run (searched always).
    """

    exact: dict[str, re.Pattern]
    prefixes: dict[str, re.Pattern]
    headless: re.Pattern | None

    def __reduce__(self) -> tuple:
        return rebuilt_from_fields(self)  # compiled frozen dataclasses need it (corpus._pickling)

    def search(self, text: str) -> bool:
        """True when some phrase matches in ``text`` (an ASCII string)."""
        if self.headless is not None and self.headless.search(text):
            return True
        runs = set(_WORD_RUN.findall(text.lower()))
        for run in runs.intersection(self.exact):
            if self.exact[run].search(text):
                return True
        starts = tuple(self.prefixes)
        if not starts or not any(run.startswith(starts) for run in runs):
            return False  # the usual case: no run starts with any prefix
        for prefix, pattern in self.prefixes.items():
            if any(run.startswith(prefix) for run in runs) and pattern.search(text):
                return True
        return False


_WORD_RUN = re.compile(r"\w+")


def _heads(terms: list[tuple[str, str]]) -> _Heads:
    """Group (phrase, its regex) pairs by the phrase's longest ASCII run."""
    exact: dict[str, list[str]] = {}
    prefixes: dict[str, list[str]] = {}
    headless: list[str] = []
    for term, regex in terms:
        runs = []  # (length, is a prefix, run)
        for word in term.split():
            stem = word[:-1] if word.endswith("*") else word
            for m in _WORD_RUN.finditer(stem):
                if m.group().isascii():
                    prefix = word.endswith("*") and m.end() == len(stem)
                    runs.append((len(m.group()), not prefix, m.group().lower()))
        if not runs:
            headless.append(regex)
            continue
        _, whole, run = max(runs)  # the longest; a whole run rather than a prefix
        (exact if whole else prefixes).setdefault(run, []).append(regex)

    def compiled(groups: dict[str, list[str]]) -> dict[str, re.Pattern]:
        return {run: re.compile("|".join(parts)) for run, parts in sorted(groups.items())}

    return _Heads(
        compiled(exact), compiled(prefixes), re.compile("|".join(headless)) if headless else None
    )


def _historical(text: str, rules: _Rules, doc_year: int | None = None) -> bool:
    """True when ``text`` contains a term of the historical lexicon (its pattern matches);
    a date only when it is past for a document of ``doc_year`` (:func:`_date_is_past`),
    a term only where the text does not place it in the present
    (:func:`_placed_in_present`).

    In ASCII text the dates are searched for first and then only the terms one of
    whose words is there: the full pattern tries every alternative at every position,
    which is slow. Only a text with a word that may place a term in the present is
    read term by term.
    """
    if not text:
        return False
    if text.isascii():
        for m in rules.historical_dates.finditer(text):
            if _date_is_past(m.group(), doc_year) and not _counts_things(text, m.end()):
                return True
        if rules.historical_heads.search(text):
            if _PRESENT_CUE.search(text) is None:
                return True
            return any(
                _past_reference(m, text, rules, doc_year) for m in rules.historical.finditer(text)
            )
        return any(
            _past_reference(m, text, rules, doc_year)
            for m in rules.historical_bounded.finditer(text)
        )
    return any(_past_reference(m, text, rules, doc_year) for m in rules.historical.finditer(text))


def _historical_reference(text: str, rules: _Rules, doc_year: int | None = None) -> str:
    """The term that makes ``text`` historical (:func:`_historical`), as written: the
    first past reference in it, "" when there is none. Read only for historical texts,
    so the fast test decides most rows."""
    if not _historical(text, rules, doc_year):
        return ""
    for m in rules.historical.finditer(text):
        if _past_reference(m, text, rules, doc_year):
            return _full_name(text, m, rules)  # "the Camp\nDavid" as one line
    return ""


def _term_of(found: str) -> str:
    """A renewed term as the row reports it: without its article, on one line."""
    return " ".join(_ARTICLE.sub("", found).split())


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


def _past_reference(
    found: re.Match, text: str, rules: _Rules, doc_year: int | None, present: bool = True
) -> bool:
    """Whether a match of the historical lexicon in ``text`` names the past for a
    document of ``doc_year``: a date long enough ago that counts no things, a term with
    an ``until`` year before the document's ("the Soviet Union" in 1995, not in 1985),
    any other term; anything when the year is unknown. A term that the text places in
    the present ("the recent tragedy in Munich", "neo-Nazi") names no past; ``present``
    False skips that test, for a term after "a new" or "another", which likens a present
    case to it ("a new Marshall Plan this year")."""
    term = found.group()
    if rules.historical_dates.fullmatch(term):
        return _date_is_past(term, doc_year) and not _counts_things(text, found.end())
    if present and _placed_in_present(text, found.start(), found.end()):
        return False
    until = rules.historical_until.get(" ".join(term.lower().split()))
    return until is None or doc_year is None or doc_year > until


def _placed_in_present(text: str, start: int, end: int) -> bool:
    """Whether the words around a term at ``text[start:end]`` make it the present: a
    revival or aftermath ("neo-Nazi", "the post-colonial era", "post-Cold War"), a
    recent instance ("the recent tragedy in Munich", "today's fascists"), or a recent
    time after it ("the events in Munich last week"). The same holds in any year, so
    no ``until`` year can say it."""
    if _PRESENT_PREFIX.search(text, max(0, start - 5), start):
        return True
    if _PRESENT_BEFORE.search(text, max(0, start - 60), start):
        return True
    return _PRESENT_AFTER.match(text, end) is not None


# The cheap test for the words below: a text without any is read by the faster path.
_PRESENT_CUE = re.compile(
    r"neo|post|recent|current|contemporary|present|today|this|last|yesterday|ago", re.I
)
_PRESENT_PREFIX = re.compile(r"\b(?:neo|post)[- ]?\Z", re.I)
# A present-time word in the term's own phrase, at most three words before it, with no
# "and"/"or" between ("the present situation and the recession of the 1930s" likens
# the present to the past).
_PRESENT_BEFORE = re.compile(
    r"\b(?:recent|recently|current|contemporary|present-day|today's|this\s+year's|"
    r"last\s+year's)(?:\s+(?!and\b|or\b)[\w'-]+){0,3}\s+\Z",
    re.I,
)
_PRESENT_AFTER = re.compile(
    r"(?:\s+(?!and\b|or\b)[\w'-]+){0,2}?\s+(?:(?:earlier\s+)?this|last)\s+"
    r"(?:week|month|year|spring|summer|autumn|fall|winter)\b|"
    r"(?:\s+(?!and\b|or\b)[\w'-]+){0,2}?\s+(?:yesterday\b|(?:a\s+few|several|some|two|three)"
    r"\s+(?:days|weeks|months)\s+ago\b)",
    re.I,
)


def _counts_things(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` counts things ("similar to 1200 soldiers
    sent last spring"): a plural noun right after it. A year is followed by
    punctuation, a preposition or a singular noun it dates ("the 1938 agreement")."""
    if end and text[end - 1] == "s":
        return False  # a decade: "the 1930s"
    m = _PLURAL_AFTER.match(text, end)
    return m is not None and m.group(1) not in _NOT_PLURAL_NOUNS


_PLURAL_AFTER = re.compile(r" ([a-z]{3,}s)\b")
# Words in -s that follow a year without being what it counts ("in 1938 was", "1945 marks").
_NOT_PLURAL_NOUNS = frozenset(
    """does gives goes happens has lies makes marks means proves reminds remains seems
    shows stands teaches tells this thus was across""".split()
)


def _historical_text(text: str, vehicle: tuple[int, int], limit: int) -> str:
    """The text read for ``historical``: what the comparison likens to, no more. The
    vehicle, and when it ends in a noun phrase, the relative clause that follows it up
    to the next boundary ("the stormy conditions | which preceded the outbreak of the
    Second World War", "those | that existed before the 1930s") or the past time its
    verb places it in ("as dangerous as appeasing xenophobia | was in the 1930s"). A
    clause after a vehicle that is no noun phrase belongs to the sentence, not to what
    is compared: "more aware than ever | that ... the imperialist yoke"."""
    start, end = vehicle
    if start < 0:
        return ""
    clause = _RELATIVE_AFTER.match(text, end, limit) or _PAST_TIME_AFTER.match(text, end, limit)
    if clause is None or not _ends_in_noun(text, start, end):
        return text[start:end]
    return text[start : clause.end()]


def _ends_in_noun(text: str, start: int, end: int) -> bool:
    """Whether the span ends in a word that can head a noun phrase, or in a pronoun
    that stands for one ("those", "that", "the one"), before a preposition that a
    relative pronoun may follow ("the tree from")."""
    words = [text[s:e] for s, e in _words_before(text, start, end)[-2:]]
    if len(words) == 2 and words[1].lower() in _PREPOSITIONS:
        words = words[:1]  # "the tree from | which the seeds of the war spread"
    return bool(words) and (words[-1].lower() in _PRO_FORMS or _can_end_phrase(words[-1]))


_PRO_FORMS = frozenset(
    """that those one ones it they what something anything everything nothing someone
    anyone everyone somebody anybody everybody""".split()
)
_NOT_BOUNDARY = '[^,;:.!?()\\[\\]\u2014\u2013\u201c\u201d"]'
_RELATIVES_AFTER_PREPOSITION = frozenset({"which", "whom", "whose"})
# A relative clause, also one that a preposition opens ("the system | in which").
_RELATIVE_AFTER = re.compile(
    rf"\s+(?:(?:{'|'.join(sorted(_PREPOSITIONS))})\s+(?:which|whom|whose)|which|that|who|whom|when)"
    rf"\s{_NOT_BOUNDARY}{{0,160}}"
)
# The vehicle's own verb placing it in a past time: "... as appeasing xenophobia was in
# the 1930s", "than the League of Nations had been before the war".
_PAST_TIME_AFTER = re.compile(
    r"\s+(?:was|were|had\s+been|used\s+to\s+be)\s+(?:(?:then|once)\s+)?"
    rf"(?:in|during|before|after|under|at\s+the\s+time\s+of)\s{_NOT_BOUNDARY}{{0,80}}"
)


# Years and decades this recent (or later) are the present's own time: "230 kilometres
# in comparison with 1982" in a 1984 speech compares quantities over time.
_RECENT_YEARS = 20
_ORDINALS = {
    word: n
    for n, word in enumerate(
        """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
        thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth
        twentieth""".split(),
        1,
    )
}
_DECADE_WORDS = {
    w: 10 * n
    for n, w in enumerate(
        "twenties thirties forties fifties sixties seventies eighties nineties".split(), 2
    )
}
_CENTURY_WORDS = {"seventeen": 1700, "eighteen": 1800, "nineteen": 1900}
_DATE_NUMBER = re.compile(r"\d+")


def _date_is_past(date: str, doc_year: int | None) -> bool:
    """True when a date of the historical lexicon (a year, a decade, a named century)
    is history for a document of ``doc_year``: a year or decade that ended at least
    20 years before it, a century that ended before it; any date when the year is
    unknown."""
    if doc_year is None:
        return True
    low = date.lower()
    if low.endswith("century"):
        digits = _DATE_NUMBER.match(low)
        n = int(digits.group()) if digits else _ORDINALS.get(low[:-8].rstrip(" -"), 0)
        return 100 * n < doc_year
    if low[:1].isdigit():
        last = int(low[:4]) + (9 if low.endswith("s") else 0)
    else:  # "nineteen-thirties": the pattern starts with one of the century words
        century = next((c for c in _CENTURY_WORDS if low.startswith(c)), "nineteen")
        tail = low[len(century) :].lstrip(" -")
        last = _CENTURY_WORDS[century] + _DECADE_WORDS.get(tail, 0) + 9
    return last <= doc_year - _RECENT_YEARS


def _document_year(meta: Mapping[str, Any]) -> int | None:
    """The document's year: docvar ``year``, else the first four digits of ``date``."""
    for key in ("year", "date"):
        value = meta.get(key)
        if value is None:
            continue
        digits = _YEAR_IN.search(str(value))
        if digits:
            return int(digits.group())
    return None


_YEAR_IN = re.compile(r"(?<!\d)\d{4}(?!\d)")


@dataclass(frozen=True)
class _Rules:
    """Compiled patterns built from the two lexicons (once per process)."""

    explicit_verb: re.Pattern
    explicit_link: dict[str, tuple[str, ...]]
    explicit_phrase: re.Pattern
    historical_prefix: re.Pattern
    historical_phrase: re.Pattern
    like: re.Pattern
    as_if: re.Pattern
    as_in: re.Pattern
    equative: re.Pattern
    than: re.Pattern
    comparative_phrase: re.Pattern
    superlative: re.Pattern
    frame: re.Pattern
    historical: re.Pattern
    historical_dates: re.Pattern
    historical_heads: _Heads
    historical_bounded: re.Pattern
    historical_until: dict[str, int]
    historical_since: dict[str, int]
    historical_globs: re.Pattern
    historical_renewed: re.Pattern
    renewing: frozenset
    renewing_phrases: frozenset
    renewal_only_prefixes: frozenset
    sets: dict[str, frozenset]
    irregular: frozenset
    labels: dict[str, str]
    anchors: dict[str, frozenset]
    all_anchors: frozenset
    anchor_hashes: HashSet
    # Both keyed by a pattern's source, not by the pattern: hashing a compiled pattern
    # hashes its whole compiled code (some kilobytes) on every lookup, where a string
    # keeps its hash.
    word_led: frozenset[str]
    hit_contexts: dict[str, dict[str, tuple[re.Pattern | None, re.Pattern | None]]]
    gradable: frozenset
    degree: frozenset
    degree_base: frozenset
    degree_suffix: tuple
    bare_superlative: frozenset
    superlative_formula: re.Pattern

    def __reduce__(self) -> tuple:
        return rebuilt_from_fields(self)  # compiled frozen dataclasses need it (corpus._pickling)


def _alternation(terms, gap: str = r"\s+") -> str:
    """Longest-first alternation of phrases; '*' at a word's end matches any ending;
    ``gap`` is the pattern between words."""
    parts = []
    for term in sorted(set(terms), key=lambda t: (-len(t), t)):
        words = []
        for word in term.split():
            if word.endswith("*"):
                words.append(re.escape(word[:-1]) + r"[\w-]*")
            else:
                words.append(re.escape(word))
        parts.append(gap.join(words))
    return "|".join(parts)


# Between the words of a historical prefix and after it, a quotation mark may open:
# 'another "Munich"', 'a "new Munich"' (the vehicle ends at the closing mark).
_QUOTED_GAP = "\\s+[\u201c\u2018\"']?"


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


def _hit_contexts(
    terms, gap: str = r"\s+"
) -> dict[str, tuple[re.Pattern | None, re.Pattern | None]]:
    """For each anchor word of ``terms``: (before, after) patterns that some phrase holding
    the word needs around it, or None where nothing is needed.

    A phrase pattern is its literal characters (any case) with whitespace runs between
    words, so a match covering an anchor hit has, right before the hit, the phrase's
    text before the word and, right after it, the text after it. ``before`` must match
    ending where the hit starts, ``after`` where it ends; a hit where either fails is
    covered by no match and can be skipped before the slower search. Phrases with a
    wildcard ('*') or a non-ASCII character give no contexts at all.
    """
    phrases = {" ".join(term.lower().split()) for term in terms}
    if any("*" in phrase or not phrase.isascii() for phrase in phrases):
        return {}

    def either(parts: set[str], suffix: str) -> re.Pattern | None:
        if "" in parts:
            return None  # some phrase needs nothing on this side
        spaced = (gap.join(re.escape(w) for w in part.split(" ")) for part in sorted(parts))
        return re.compile(f"(?:{'|'.join(spaced)}){suffix}", re.I)

    contexts = {}
    for word in _anchor_words(terms):
        before, after = set(), set()
        for phrase in phrases:
            i = phrase.find(word)
            while i >= 0:
                before.add(phrase[:i])
                after.add(phrase[i + len(word) :])
                i = phrase.find(word, i + 1)
        if before or after:
            contexts[word] = (either(before, r"\Z"), either(after, ""))
    return contexts


# A phrase led by a word character: a pattern made of such phrases after "\b" can only
# match where a word starts.
_WORD_FIRST = re.compile(r"\w")


def _flag(value: Any) -> bool:
    """A lexicon item's true/false field: only an explicit true is true (an empty cell,
    NaN or a missing field is false)."""
    return value is True or (isinstance(value, str) and value.lower() == "true")


def _year_field(value: Any) -> int | None:
    """An item's ``until`` or ``since`` year (an empty cell or NaN: none)."""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(value)


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
    date_parts = []
    term_parts = []  # (term, its regex) for the terms that are not dates, always past
    bounded_parts = []  # the regexes of the terms with an "until" year
    until: dict[str, int] = {}
    since: dict[str, int] = {}  # the first year a term names anything ("September 11": 2001)
    globs = []  # the regexes of the terms written with '*' ("Ottoman*"), see _full_name
    renewed_parts = []  # terms of the present that only a renewing word makes past
    # Longest terms first, so that a match is the fullest name ("Munich Agreement", not
    # "Munich"), as the row's historical_term reports it.
    rows = sorted(hist.items.itertuples(), key=lambda row: (row.category == "date", -len(row.term)))
    for row in rows:
        if row.category == "date":
            hist_parts.append(rf"\b(?:{row.term})\b")
            date_parts.append(hist_parts[-1])
            continue
        # Lower-case terms match any case; "Munich" or "Franco" only as names.
        body = rf"\b(?:{_alternation([row.term])})\b"
        if _flag(getattr(row, "renewed_only", None)):
            renewed_parts.append(f"(?i:{body})" if row.term == row.term.lower() else body)
            continue
        hist_parts.append(f"(?i:{body})" if row.term == row.term.lower() else body)
        first = _year_field(getattr(row, "since", None))
        if first is not None:
            since[" ".join(row.term.lower().split())] = first
        if "*" in row.term:
            globs.append(hist_parts[-1])
        last = _year_field(getattr(row, "until", None))
        if last is None:
            term_parts.append((row.term, hist_parts[-1]))
        else:
            bounded_parts.append(hist_parts[-1])
            until[" ".join(row.term.lower().split())] = last
    like_terms = terms("simile", "like")
    renewing = items[[_flag(v) for v in items.get("renews", [None] * len(items))]]
    # Prefixes that liken only before a term they renew ("the new colonialism"), read
    # with the historical prefixes.
    prefix_terms = terms("explicit", "historical_prefix") + terms("explicit", "renewing_prefix")
    anchors = {
        "explicit_verb": _anchor_words(verbs["term"]),
        "explicit_phrase": _anchor_words(terms("explicit", "phrase")),
        "historical_prefix": _anchor_words(prefix_terms),
        "historical_phrase": _anchor_words(terms("explicit", "historical_phrase")),
        "like": frozenset({"like"}),
        "as": frozenset({"as", "just"}),
        "than": frozenset({"than"}),
        "comparative_phrase": _anchor_words(terms("comparative", "phrase")),
        "gradable": frozenset(terms("comparative", "adjective") + terms("comparative", "degree")),
        "superlative": frozenset(terms("superlative", "word")),
    }
    # Patterns searched around anchor hits (see _Scan.around), with their phrases.
    explicit_verb = re.compile(rf"\b(?:{_alternation(verbs['term'])})\b", re.I)
    explicit_phrase = re.compile(rf"\b(?:{_alternation(terms('explicit', 'phrase'))})\b", re.I)
    historical_prefix = re.compile(
        rf"\b(?:{_alternation(prefix_terms, _QUOTED_GAP)}){_QUOTED_GAP}",
        re.I,
    )
    historical_phrase = re.compile(
        rf"\b(?:{_alternation(terms('explicit', 'historical_phrase')) or '(?!)'})\b", re.I
    )
    # Not inside a hyphenated compound: "business-like", "war-like".
    like = re.compile(rf"(?<![\w-])(?:{_alternation(like_terms)})\b(?!-)", re.I)
    comparative_phrase = re.compile(
        rf"\b(?:{_alternation(terms('comparative', 'phrase'))})\b", re.I
    )
    superlative = re.compile(
        r"\b(?P<det>the|its|their|our|his|her|your|my|this|world's|[A-Z][a-z]+'s)\s+"
        r"(?:(?:very|single|second|third|by far the)\s+)?"
        rf"(?P<sup>(?:most|least)\s+{_WORD}|best|worst|[a-z]{{2,}}est)\b(?!-)",
        re.I,
    )
    word_led = frozenset(
        pattern.pattern
        for pattern, phrases in (
            (explicit_verb, verbs["term"]),
            (explicit_phrase, terms("explicit", "phrase")),
            (historical_prefix, prefix_terms),
            (historical_phrase, terms("explicit", "historical_phrase")),
            (like, like_terms),
            (comparative_phrase, terms("comparative", "phrase")),
            (superlative, ["the"]),
        )
        if all(_WORD_FIRST.match(phrase) for phrase in phrases)
    )
    hit_contexts = {
        pattern.pattern: _hit_contexts(phrases)
        for pattern, phrases in (
            (explicit_verb, verbs["term"]),
            (explicit_phrase, terms("explicit", "phrase")),
            (historical_phrase, terms("explicit", "historical_phrase")),
            (comparative_phrase, terms("comparative", "phrase")),
        )
    }
    hit_contexts[historical_prefix.pattern] = _hit_contexts(prefix_terms, _QUOTED_GAP)
    # The letter runs a document scan looks at: anchors and reporting verbs.
    run_words = frozenset().union(*anchors.values()) | _REPORTING
    anchor_hashes = HashSet.of(word_hash(w) for w in run_words)
    return _Rules(
        explicit_verb=explicit_verb,
        explicit_link=links,
        explicit_phrase=explicit_phrase,
        historical_prefix=historical_prefix,
        historical_phrase=historical_phrase,
        like=like,
        as_if=re.compile(rf"\b(?:{_alternation(terms('simile', 'as_if'))})\b", re.I),
        as_in=re.compile(rf"\b(?:{_alternation(terms('simile', 'as_in'))})\b", re.I),
        equative=re.compile(
            rf"\b(?P<a1>as)\s+(?P<mid>{_WORD}(?:\s+{_WORD})?)\s+(?P<a2>as)\b(?!\s+(?:well|regards)\b)",
            re.I,
        ),
        than=re.compile(r"\bthan\b", re.I),
        comparative_phrase=comparative_phrase,
        superlative=superlative,
        frame=re.compile(
            rf"\s*(?:[\w'-]+\s+){{0,5}}?(?P<frame>{_alternation(terms('superlative', 'frame'))})\b",
            re.I,
        ),
        historical=re.compile("|".join(hist_parts)),
        historical_dates=re.compile("|".join(date_parts) or "(?!)"),
        historical_heads=_heads(term_parts),
        historical_bounded=re.compile("|".join(bounded_parts) or "(?!)"),
        historical_until=until,
        historical_since=since,
        historical_globs=re.compile("|".join(globs) or "(?!)"),
        historical_renewed=re.compile(
            rf"(?:(?:the|a|an)\s+)?(?:{'|'.join(renewed_parts) or '(?!)'})"
        ),
        renewing=frozenset(" ".join(t.lower().split()) for t in renewing["term"]),
        renewing_phrases=frozenset(
            " ".join(t.lower().split())
            for t in renewing.loc[renewing["subcategory"] == "historical_phrase", "term"]
        ),
        renewal_only_prefixes=frozenset(
            " ".join(t.lower().split()) for t in terms("explicit", "renewing_prefix")
        ),
        sets=sets,
        irregular=frozenset(t.lower() for t in terms("comparative", "than")),
        labels={"triggers": lex.label, "historical": hist.label},
        anchors=anchors,
        all_anchors=frozenset().union(*anchors.values()),
        anchor_hashes=anchor_hashes,
        word_led=word_led,
        hit_contexts={k: v for k, v in hit_contexts.items() if v},
        gradable=frozenset(terms("comparative", "adjective")),
        degree=frozenset(terms("comparative", "degree")),
        degree_base=frozenset(terms("comparative", "degree_base")),
        degree_suffix=tuple(terms("comparative", "degree_suffix")),
        bare_superlative=frozenset(terms("superlative", "bare")),
        # Any formula as a substring: one search instead of a test per formula.
        superlative_formula=re.compile(
            "|".join(re.escape(f) for f in sorted(sets["superlative_formula"])) or "(?!)"
        ),
    )


# ------------------------------------------------------------------ span helpers


def _words_before(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    # The pattern looks at nothing outside its match: searching text[lo:hi] in place
    # gives the same words as searching the slice.
    return [m.span() for m in _WORD_TOKEN.finditer(text, lo, hi)]


_WORD_TOKEN = re.compile(r"[\w'-]*\w[\w'-]*")  # a lone "-" or "'" is no word
# Patterns used inside loops, compiled once (the re module's cache costs a lookup).
_SPACES = re.compile(r"\s+")
_PHRASE_CHAR = re.compile(r"[\w%$]")
_TO_COMMA = re.compile(r"[^,;:.]*?,")
_LAST_WORD = re.compile(r"([\w']+)\W*$")
_NEXT_TOKEN = re.compile(r"[\w'%]+|[.,;:!?]")
_LIKE_PREPOSITION = re.compile(r"(?:look|seem|sound|feel|felt|act|behave)", re.I)
_NUMBER = re.compile(r"[$£€]?\d")
_QUANTITY_WORD = re.compile(r"[\w%]+")
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_APPROXIMATION = re.compile(r"\d[\d,.]*|about|around")


def _vehicle(
    text: str, start: int, limit: int, *, clause: bool = False, quoted: bool = False
) -> tuple[int, int]:
    """Span from ``start`` to the next clause boundary (at most a dozen words).

    A noun-phrase vehicle also stops at a verb ("rather than confrontation | is
    needed"), at a determiner right after a complete word ("better than most | the
    services"), at "in order to", and at "and"/"or" unless the phrase is still open
    ("other newly-independent and emerging countries"); a ``clause`` vehicle ("as if it
    were ...", "just as X or Y should ...") stops only at a boundary or a clause word
    other than "and"/"or".

    A quotation mark that opens the vehicle is left out of it and its closing mark ends
    it ('like ‘Munich’ in 1938' gives "Munich", as 'like “Munich”' does); ``quoted``:
    a mark before ``start`` is open ('a ‘new Munich’': the vehicle starts at "Munich").
    """
    first, end, count = _vehicle_words(
        text, start, limit, clause, _MAX_VEHICLE_WORDS, quoted=quoted
    )
    return (first, end) if count else (-1, -1)


def _vehicle_words(
    text: str, start: int, limit: int, clause: bool, max_words: int, *, quoted: bool = False
) -> tuple[int, int, int]:
    """(start, end, words counted) of the vehicle read up to ``max_words`` words.

    Read with a smaller ``max_words``, the vehicle is the same up to that point: its
    span is a prefix of the full one, cut at the end of a word.
    """
    first = end = -1
    count = 0
    previous = ""
    end_before_previous = -1  # where the vehicle ends without its last word
    ever_alone = False  # "than ever (before)": a standard by itself, see below
    # Single marks opened inside the vehicle and not yet closed: a closing mark then
    # belongs to the vehicle ("the ‘Cold War’ of old"); with none open, it closes the
    # quote ``quoted`` says was open, or else is an apostrophe ("sixty years’ investment";
    # the normalizer makes the others ASCII).
    inner_quotes = 0
    # Tokens are read lazily, one ahead: the vehicle usually stops long before the
    # sentence ends, so tokenizing the rest of it would be wasted.
    tokens = _VEHICLE_TOKEN.finditer(text, start, limit)
    m = next(tokens, None)
    while m is not None:
        following = next(tokens, None)
        token = m.group()
        if count == 0 and token in _OPENING_MARKS:
            quoted = True  # 'like “Munich”': the name inside the marks is the vehicle
            m = following
            continue
        if token in _CLOSING_MARKS and inner_quotes:
            inner_quotes -= 1  # "the “Munich agreement”": the marks are the vehicle's
            end = m.end()
            m = following
            continue
        if token == "\u201c" and (previous in _DETERMINERS or previous in _OPENERS):
            token = "\u2018"  # a name quoted inside the phrase, not a quotation that ends it
        if token in _BOUNDARY_TOKENS or token == "-":  # "-" alone: the " - " of _BOUNDARY
            break
        if token == "\u2018":
            inner_quotes += 1
        elif token == "\u2019" and quoted:
            break
        lower = token.lower()
        if ever_alone:
            # "more than ever | as a target of imperialism", "as hostile as ever | to
            # the division": "ever (before)" is the whole standard, any time up to now;
            # only a dated "since" goes on ("than ever since the Second World War").
            if lower == "before" and count == 1:
                pass
            elif lower == "since" and _since_a_date(text, lower, following):
                ever_alone = False
            else:
                break
        if count and lower in _CLAUSE_WORDS and not _since_a_date(text, lower, following):
            if lower in _RELATIVES_AFTER_PREPOSITION and previous in _PREPOSITIONS and count > 1:
                end, count = end_before_previous, count - 1  # "colonialism | in which"
            if not (lower in ("and", "or") and (clause or _phrase_open(previous, following))):
                break
        if count and not clause:
            if (lower in _VERBISH and previous != "political") or lower.endswith("n't"):
                break  # ... but "political will" is a noun
            if lower in _DETERMINERS and previous not in _OPENERS:
                break
            if lower == "in" and following is not None and following.group().lower() == "order":
                break
        if _PHRASE_CHAR.match(token):  # else a stray symbol inside the phrase (an apostrophe)
            if first < 0:
                first = m.start()
                ever_alone = lower == "ever"
            count += 1
            end_before_previous, end = end, m.end()
            previous = lower
            if count >= max_words:
                if _preposition_before_relative(previous, following) and count > 1:
                    end, count = end_before_previous, count - 1  # as the full read cuts it
                break
        m = following
    return first, end, count


def _preposition_before_relative(previous: str, following: re.Match | None) -> bool:
    """Whether the vehicle's last word is a preposition that opens the relative clause
    after it ("colonialism | in which"), so it is not the vehicle's."""
    if following is None or previous not in _PREPOSITIONS:
        return False
    return following.group().lower() in _RELATIVES_AFTER_PREPOSITION


def _since_a_date(text: str, word: str, following: re.Match | None) -> bool:
    """ "since" as a preposition before a date or a time ("than at any time since 1945",
    "since the Second World War", "since its founding"), not a conjunction ("since the
    sanctions were imposed", "since we met"): the vehicle goes on."""
    if word != "since" or following is None:
        return False
    after = following.group()
    if after[:1].isdigit():
        return True
    return after.lower() in _DETERMINERS and bool(_TIME_AFTER.match(text, following.end()))


# A time or an event after "since the/its": "the war", "the Second World War", "its
# founding", "the end of", "the adoption of" (followed by no verb in the same phrase).
_TIME_AFTER = re.compile(
    r"\s+(?:(?:First|Second|Great|Cold|last|first|early|late)\s+)?(?:World\s+)?(?:war|War|"
    r"end|founding|foundation|beginning|creation|establishment|inception|adoption|start|"
    r"days|time|times|birth|independence|signing|fall|collapse)\b(?!\s+(?:was|were|has|have|had)\b)"
)


# Words after which a determiner continues the phrase ("like | the", "of | the").
_OPENERS = _PREPOSITIONS | frozenset(
    """and or as than like unlike all both half such into onto upon through within without
    under over after before during since until towards toward across along around beyond
    via per rather not but even only just also including especially particularly namely""".split()
)
# A number with a decimal point or thousands separator is one token: "$8.75" does not
# end the vehicle at its point.
_VEHICLE_TOKEN = re.compile(r"\$?\d+(?:[.,]\d+)+%?(?![\w'%$-])|[\w'%$-]+|[^\w\s]")
# The vehicle tokens that _BOUNDARY matches whole (its other matches hold a space).
_BOUNDARY_TOKENS = frozenset(',;:.!?()[]\u2014\u2013\u201c\u201d"')
# Marks that may open a quote; at a vehicle's start they are skipped (see _vehicle).
_OPENING_MARKS = frozenset('\u201c\u2018"')
_CLOSING_MARKS = frozenset("\u201d\u2019")
_ADJECTIVE_ENDINGS = ("al", "ent", "ant", "ive", "ous", "ic", "ful", "less", "able", "ible", "ary")


def _phrase_open(previous: str, following: re.Match | None) -> bool:
    """After "and"/"or": True when the noun phrase before it is not finished.

    "other newly-independent and emerging countries": the phrase ends in an adjective
    and the next word is a content word, so "and" joins two modifiers of one noun.
    """
    if following is None:
        return False
    nxt = following.group()
    return (
        previous.endswith(_ADJECTIVE_ENDINGS)
        and nxt.islower()
        and nxt not in _FUNCTION
        and nxt not in _VERBISH
    )


def _clause_start(text: str, sent_start: int, pos: int) -> int:
    """Start of the clause that ends at ``pos``: after punctuation or a clause word."""
    cut = _after_last_boundary(text, sent_start, pos)
    # The last clause word, found by the regex engine rather than by lower-casing
    # every word of the clause; in the slice, its edges are the clause's.
    opener = _LAST_CLAUSE_OPENER.match(text[cut:pos])
    return cut + opener.end() if opener else cut


def _after_last_boundary(text: str, lo: int, hi: int) -> int:
    """End of the last _BOUNDARY match that ``_BOUNDARY.finditer(text, lo, hi)`` yields
    (``lo`` when there is none), found from the end rather than by reading them all."""
    last = _LAST_BOUNDARY.match(text, lo, hi)
    if last is None:
        return lo
    start = last.start("boundary")
    if last.end() - start == 3 and start - 2 >= lo and text[start - 2 : start] == " -":
        # " - - ": finditer may have taken the " - " this one overlaps; read them all.
        cut = lo
        for m in _BOUNDARY.finditer(text, lo, hi):
            cut = m.end()
        return cut
    return last.end()


_LAST_BOUNDARY = re.compile(rf"(?s:.*)(?P<boundary>{_BOUNDARY.pattern})")
# "so", "yet" and "then" are also adverbs inside a clause ("is so clearly better").
_CLAUSE_OPENERS = _CLAUSE_WORDS - {"and", "or", "so", "yet", "then"}
# A clause opener as a whole word of _words_before (a run of [\w'-]); ASCII-only case
# folding, as str.lower gives for these words.
_LAST_CLAUSE_OPENER = re.compile(
    rf"(?s:.*)(?<![\w'-])(?ai:{'|'.join(sorted(_CLAUSE_OPENERS))})(?![\w'-])"
)


# ------------------------------------------------------------------ tenor
#
# Without a tagger, a word counts as a possible noun (a phrase may end in it) unless it
# is a closed-class word, an auxiliary, a frequent lexical verb, or an adverb in -ly.
# A tenor must end in such a word and may not be a single closed-class word; otherwise
# it is left empty rather than reported as a fragment ("The", "to", "bore a").

_DETERMINERS = frozenset(
    """a an the this that these those its their our his her my your some any each every
    no another""".split()
)
_PRONOUNS = frozenset(
    """i we you he she it they me us him them there itself themselves ourselves
    himself herself myself what whatever who whom which whose this that these those
    everyone everything anyone anything someone something nothing none""".split()
)
_FUNCTION = (
    _DETERMINERS
    | _PRONOUNS
    | _PREPOSITIONS
    | frozenset(
        """and or but nor so yet as than if then when while because not n't also too very
        even much many more most less least far still ever never now today again already
        just only all both either neither such other same own rather quite thus therefore
        however indeed moreover furthermore perhaps certainly further into onto upon
        through within without under over after before during since until towards toward
        across along around beyond like unlike via per whether how why where here""".split()
    )
)
# Frequent lexical verbs of formal speech (with their -s/-ed/-ing forms): they end a
# subject ("The Republic of Cyprus | knows better than most").
_VERB_BASES = """know believe think hope want need seek take give provide require consider
    find show mean play serve offer continue face reflect represent bring keep hold call
    deserve demand enjoy suffer grow move lead include constitute involve pose threaten
    create prove contain cause seem recognize recognise support welcome note reaffirm urge
    express share wish allow permit enable prevent help affect reach deal lie speak say
    tell ask pledge continue undertake promote ensure maintain strengthen increase reduce
    follow achieve establish build develop face offer exist occur arise happen emerge
    depend rest belong apply affect open close contribute respond tend fail try manage
    choose decide agree refuse prefer compare differ resemble bear""".split()
_IRREGULAR_VERBS = frozenset(
    """took taken gave given brought kept held led found thought knew known sought meant
    showed shown grew grown lay lies said told spoke spoken chose chosen arose arisen
    stands stood fell fallen began begun""".split()
)


def _verb_forms(bases) -> frozenset:
    forms = set()
    for b in bases:
        stem = b[:-1] if b.endswith("e") else b
        third = b + "es" if b.endswith(("s", "sh", "ch", "x")) else b + "s"
        if b.endswith("y") and b[-2] not in "aeiou":
            third = b[:-1] + "ies"
        forms |= {b, third, stem + "ed", stem + "ing"}
    return frozenset(forms)


_VERBS = _verb_forms(_VERB_BASES) | _IRREGULAR_VERBS
# Nouns ending in -ly, which must not be taken for adverbs.
_LY_NOUNS = frozenset(
    "assembly family ally supply reply rally anomaly monopoly italy july folly homily".split()
)
# Adverbs that open or close a clause around its subject ("Today human rights ...").
_SENTENCE_ADVERBS = frozenset(
    """today now also thus therefore however indeed moreover furthermore never still yet
    already perhaps certainly surely clearly unfortunately finally first second third
    again too alone itself themselves ourselves once much far even""".split()
)
# Degree words that may stand between a noun and its comparative ("weapons | far more
# deadly than", "all the more necessary").
_DEGREE_ADVERBS = frozenset(
    """far much even still ever vastly considerably significantly substantially somewhat
    slightly all so too very increasingly infinitely immeasurably incomparably
    now yet bit lot little""".split()
)


def _is_verb(lower: str) -> bool:
    return lower in _VERBISH or lower in _VERBS or lower.endswith("n't")


def _can_end_phrase(word: str, *, noun_position: bool = False) -> bool:
    """True when ``word`` may be the head of a noun phrase (a noun, a name, a number).

    In a ``noun_position`` (right after an attributive comparative) a word that is also
    a frequent verb ("hopes", "needs", "demands") is taken as the noun.
    """
    lower = word.lower()
    if lower in _FUNCTION or lower in _VERBISH or lower.endswith("n't"):
        return False
    if lower in _VERBS and not noun_position:
        return False
    if lower.endswith("ly") and lower not in _LY_NOUNS and word[0].islower():
        return False
    return True


def _span(words: list[tuple[int, int]]) -> tuple[int, int]:
    return (words[0][0], words[-1][1]) if words else (-1, -1)


def _checked(text: str, words: list[tuple[int, int]]) -> tuple[int, int]:
    """The tenor words, trimmed of leading/trailing junk; empty unless they end in a noun."""
    lows = [text[s:e].lower() for s, e in words]
    while lows and (
        lows[0] in _LEADING_JUNK
        or lows[0] in _SENTENCE_ADVERBS
        or lows[0] in _PREPOSITIONS
        or lows[0] in ("and", "or")
    ):
        words, lows = words[1:], lows[1:]
    while lows and lows[-1] in _SENTENCE_ADVERBS:
        words, lows = words[:-1], lows[:-1]
    if not words or len(words) > _MAX_TENOR_WORDS:
        return (-1, -1)
    s, e = words[-1]
    if not _can_end_phrase(text[s:e]):
        return (-1, -1)
    return _span(words)


def _noun_phrase_before(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The noun phrase that ends the word list: "... at | a pace", "a centre of X and Y"."""
    lows = [text[s:e].lower() for s, e in words]
    i = len(words) - 1
    if i < 0 or not _can_end_phrase(text[words[i][0] : words[i][1]]):
        return []
    first = i
    while i >= 0 and len(words) - i <= _MAX_TENOR_WORDS:
        low = lows[i]
        word = text[words[i][0] : words[i][1]]
        inner = low in _DETERMINERS or low in ("of", "and")
        if not inner and not _can_end_phrase(word):
            break
        if not inner and i + 1 < len(words) and lows[i + 1] in _DETERMINERS:
            break  # a content word right before a determiner is a verb: "treat | these"
        first = i
        i -= 1
    phrase = words[first:]
    while phrase and text[phrase[0][0] : phrase[0][1]].lower() in ("of", "and"):
        phrase = phrase[1:]
    return phrase


def _subject(text: str, words: list[tuple[int, int]]) -> tuple[int, int]:
    """The clause subject: the words before its first verb that make a noun phrase.

    When those are no phrase ("I | thought the book was better", "It | makes the task
    harder"), the words between that verb and the next are tried, and so on.
    """
    rest = words
    while rest:
        head, tail = _until_verb(text, rest)
        got = _checked(text, head)
        if got[0] >= 0 or not tail:
            return got
        rest = tail[1:]
    return (-1, -1)


def _until_verb(text: str, words: list[tuple[int, int]]):
    """(words before the first verb, words from it on)."""
    lows = [text[s:e].lower() for s, e in words]
    for i, low in enumerate(lows):
        if i == 0 and low.endswith("ing"):
            continue  # a gerund subject: "Finding this new balance | is"
        if i and lows[i - 1] in _DETERMINERS:
            continue  # "the sound", "the work": a noun after a determiner
        verbish = _is_verb(low) or (
            i > 0
            and i + 1 < len(lows)
            and lows[i + 1] in _DETERMINERS
            and low not in _FUNCTION
            and not text[words[i][0]].isupper()
        )
        if verbish:
            return words[:i], words[i:]
    return words, []


def _tenor(text: str, sent_start: int, pos: int, cut: int | None = None) -> tuple[int, int]:
    """What is compared, for a trigger at ``pos``.

    The noun phrase right before the trigger when there is one ("weapons far more
    deadly than", "Dialogue rather than"), else the clause subject before its first
    verb ("The talks | are worse than"); empty when neither ends in a noun. ``cut`` is
    ``_clause_start(text, sent_start, pos)`` when the caller has it already.
    """
    if cut is None:
        cut = _clause_start(text, sent_start, pos)
    words = _words_before(text, cut, pos)
    j = _skip_degree(text, words)
    if j == 0 and cut > sent_start and text[cut - 1] == ",":
        # "Kyrgyzstan, like other nations, ...", "perfect, even better than": the
        # phrase before the comma is compared.
        # A phrase that opens with a determiner or a name is taken as it is ("explain
        # our position, compared with"); a bare word may be a predicate ("The book was
        # perfect, even better than"), so the clause subject is preferred to it.
        before = _words_before(text, _clause_start(text, sent_start, cut - 1), cut - 1)
        phrase = _noun_phrase_before(text, before)
        if phrase and (
            text[phrase[0][0]].isupper()
            or text[phrase[0][0] : phrase[0][1]].lower() in _DETERMINERS
        ):
            got = _checked(text, phrase)
            if got[0] >= 0:
                return got
        return _subject(text, before)
    phrase = _noun_phrase_before(text, words[:j])
    if phrase and (phrase[0] != words[0] or len(phrase) == j):
        got = _checked(text, phrase)
        if got[0] >= 0:
            return got
    return _subject(text, words)


def _main_subject(text: str, pos: int, limit: int) -> tuple[int, int]:
    """Subject of the main clause after an opening phrase ending at ``pos`` ("Like X, | Y")."""
    comma = _TO_COMMA.match(text[pos:limit])
    if not comma:
        return (-1, -1)
    start = pos + comma.end()
    words = _words_before(text, start, min(limit, start + 120))
    return _subject(text, _until_verb(text, words)[0]) if words else (-1, -1)


def _skip_degree(text: str, words: list[tuple[int, int]]) -> int:
    """Index just past the last word before a run of degree adverbs ("far | more")."""
    j = len(words)
    while j:
        low = text[words[j - 1][0] : words[j - 1][1]].lower()
        if low == "the" and j > 1 and text[words[j - 2][0] : words[j - 2][1]].lower() == "all":
            j -= 2  # "all the more"
        elif low in _DEGREE_ADVERBS:
            j -= 1
        else:
            break
    return j


def _head_after(text: str, start: int, limit: int) -> tuple[int, int]:
    """The noun a comparative or superlative modifies: "the greatest | menace threatening".

    Up to three words, stopping at a preposition, determiner, verb, clause word or a
    participle after the first word; empty when the next word cannot head a phrase
    ("the best | of", "the best | that").
    """
    # Only the first four words are looked at: read the vehicle that far only, unless
    # a counted token held no word ("%"), which leaves fewer than four.
    lo, hi, count = _vehicle_words(text, start, limit, True, 4)
    if count == 0:
        return (-1, -1)
    words = _words_before(text, lo, hi)
    if count == 4 and len(words) < 4:
        lo, hi, count = _vehicle_words(text, start, limit, True, _MAX_VEHICLE_WORDS)
        words = _words_before(text, lo, hi)
    words = words[:4]
    kept = []
    for i, (s, e) in enumerate(words):
        low = text[s:e].lower()
        adverb = low.endswith("ly") and low not in _LY_NOUNS
        if (
            i
            and (low in _FUNCTION or _is_verb(low) or low.endswith("ing") or adverb)
            and low != "and"
        ):
            break
        kept.append((s, e))
    while kept and text[kept[-1][0] : kept[-1][1]].lower() == "and":
        kept.pop()
    if not kept or not _can_end_phrase(text[kept[-1][0] : kept[-1][1]], noun_position=True):
        return (-1, -1)
    first = text[kept[0][0] : kept[0][1]].lower()
    if first in _FUNCTION:
        return (-1, -1)
    return _span(kept)


def _attributive(text: str, lo: int, pos: int) -> bool:
    """True when the comparative at ``pos`` may modify a following noun.

    "a | greater burden", "promote | greater development": the word before it (past
    degree adverbs) is not a copula ("is | more fragile", "growing | richer") and not
    a pronoun object ("make it | easier").
    """
    words = _words_before(text, lo, pos)
    j = _skip_degree(text, words)
    if j == 0:
        return True
    prev = text[words[j - 1][0] : words[j - 1][1]].lower()
    return prev not in _COPULAS and prev not in _PRONOUNS - _DETERMINERS


_COPULAS = frozenset(
    """is are was were be been being am 's seem seems seemed appear appears appeared become
    becomes became remain remains remained grow grows grew growing get gets got getting
    prove proves proved look looks looked sound sounds feel feels felt""".split()
)


def _previous_word(text: str, pos: int, lo: int) -> tuple[str, int]:
    m = _LAST_WORD.search(text[lo:pos])
    return (m.group(1).lower(), lo + m.start(1)) if m else ("", lo)


def _a_scene(text: str, pos: int) -> bool:
    """Whether "as in" at ``pos`` likens to a kind of scene, named by an indefinite noun
    phrase ("as in a famous poem", "as in a game of chess"), not to a place, case or time
    ("as in Africa", "as in the case of"). "as in the jungle" is missed: after "the", a
    scene and a sphere ("as in the political sphere") look alike."""
    words = _NEXT_TOKEN.findall(text[pos : pos + 20])[:1]
    return bool(words) and words[0].lower() in ("a", "an")


def _next_words(text: str, pos: int, n: int = 3) -> list[str]:
    return [w.lower() for w in _NEXT_TOKEN.findall(text[pos : pos + 80])[:n]]


# ----------------------------------------------------------------- the detectors


def _strip(text: str, lo: int, hi: int) -> tuple[int, int]:
    words = _words_before(text, lo, hi)
    return (words[0][0], words[-1][1]) if words else (-1, -1)


def _like_is_verb(text: str, m: re.Match, s0: int, sets: dict) -> bool:
    if _LIKE_PREPOSITION.match(m.group()):
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
    return word in sets["like_exemplify"] and not _aside_like_that_of(text, m)


def _aside_like_that_of(text: str, m: re.Match) -> bool:
    """ ", like that of Hitler," / ", like those which ...": an aside between commas whose
    pronoun stands for the noun before it likens that noun to another's; it gives no
    example of it, even after a noun such as "States" ("the policy of the United States,
    like that of Hitler, can lead to war"). Without the comma "problems like that of
    Algeria" still gives an example."""
    if not text[: m.start()].rstrip().endswith(","):
        return False
    return _PRO_FORM_AFTER.match(text, m.end()) is not None


_PRO_FORM_AFTER = re.compile(r"\s+(?:that|those)\s+(?:of|which|who|in)\b", re.I)


def _literal_like(text: str, m: re.Match, s0: int, after: list[str], sets: dict) -> bool:
    """Preposition "like" that likens nothing: "Like all (many, other) countries, we
    ..." (membership), "business like relations" (a compound adjective split),
    "not anything like the same" (= nearly), "in like manner" (= likewise)."""
    nxt = after[0] if after else ""
    if nxt in sets.get("like_inclusion", ()) or " ".join(after) in sets.get("like_inclusion", ()):
        return True
    if nxt in _OWN and len(after) > 1 and after[1] in {"other", "fellow"}:
        return True  # "Morocco, just like its other Maghreb partners": one of the group
    word, _ = _previous_word(text, m.start(), s0)
    if (
        word
        and nxt in ("for", ",")
        and [w for w in _next_words(text, m.end(), 4) if w != ","][:2]
        in (["for", "example"], ["for", "instance"])
    ):
        # "problems like, for example, the debt": = such as. Opening the sentence it
        # still likens: "Like, for instance, the crisis of 1929, this will pass."
        return True
    if word in _SOME_THING and nxt in ("this", "that", "it"):
        return True  # "to say something like that": such a thing, nothing likened
    if _asks_what_it_is_like(text, s0, m, word):
        return True  # "What will the situation be like": asks what it is, likens nothing
    if (
        _such_as_this(after)
        and _can_end_phrase(word)
        and word not in _COPULAS
        and not _ranks_the_present(text, s0, m)
    ):
        # "at a time like this we must": = at such a time, nothing likened; "never a
        # time like this in history" ranks the present above every past time.
        return True
    if _LIKE_PREPOSITION.match(m.group()) and _a_gerund(after):
        return True  # "feel like negotiating", "looked like making": = want to, be about to
    if word in sets.get("like_compound", ()) and nxt.isalpha():
        # Before a lower-case word that is no determiner or pronoun: "business like |
        # relations", not "a war like | the last one".
        following = text[m.end() : m.end() + 2].lstrip()[:1]
        return following.islower() and nxt not in _DETERMINERS and nxt not in _PRONOUNS
    if word in sets.get("like_degree", ()) and (
        nxt in ("as", "so", "enough") or after == ["the", "same"]
    ):
        return True  # "nothing like the tea in London" still compares
    return word == "in" and nxt == "manner" and "in like manner" in sets.get("formula", ())


def _epistemic_as_if(text: str, s0: int, pos: int, verbs: frozenset) -> bool:
    """ "it looks/seems as if", "there appears as though": = apparently, not a likening."""
    words = [w.lower() for w in _WORD_TOKEN.findall(text, max(s0, pos - 40), pos)][-4:]
    if not words or words[-1] not in verbs:
        return False
    return any(w in ("it", "there") for w in words[-4:-1])


# The rest of "as A and as B as": one or two words, then "as".
_COORDINATED_AS = re.compile(rf"\s*{_WORD}(?:\s+{_WORD})?\s+as\b(?!\s+(?:well|regards)\b)", re.I)
# Words read after an equative's second "as"; a standard that says how far something
# can go ("as the situation permits", "as lies in our power", "as we can") measures
# against the possible, not against another thing.
_STANDARD_WORDS = 5
_POSSIBILITY_VERBS = frozenset(
    "permit permits permitted allow allows allowed lie lies can could".split()
)


# What may stand before such a verb; "as dangerous as nuclear weapons can be" compares.
_POSSIBILITY_SUBJECTS = frozenset(
    "we i you they he she it one the our their its his her situation circumstances "
    "conditions time resources means".split()
)


def _possibility_standard(after: list[str]) -> bool:
    for word in after[:3]:
        if word in _POSSIBILITY_VERBS:
            return True
        if word not in _POSSIBILITY_SUBJECTS:
            return False
    return False


def _is_quantity(text: str, pos: int, sets: dict) -> bool:
    rest = text[pos : pos + 40].lstrip().lower()
    if _NUMBER.match(rest):
        return True
    words = _QUANTITY_WORD.findall(rest)[:2]
    return bool(words) and (words[0] in sets["quantity"] or " ".join(words) in sets["quantity"])


def _comparative_word(text: str, s0: int, lo: int, pos: int, rules: _Rules) -> tuple[str, int]:
    """The comparative word governing a 'than': a listed one ("more", "better", "other")
    within 16 words before it in its clause, else a word in -er within eight; else a
    listed one earlier in the sentence, past a clause word but not past punctuation
    ("more issues that unite us | than"). ("", ``pos``) when there is none: the row's
    trigger is then "than" alone, never a noun read as a comparative ("the Charter
    than", "Camp David than"). A capitalized word in -er after the sentence's first
    word is a name ("the Charter", "Jenner"), not a comparative.
    """
    words = _words_before(text, lo, pos)
    for s, e in reversed(words[-16:]):
        w = text[s:e].lower()
        if w in rules.irregular or w in rules.sets["than_before"]:
            return w, s
    for s, e in reversed(words[-8:]):
        w = text[s:e].lower()
        if (
            len(w) > 3
            and w.endswith("er")
            and (w not in rules.sets["false_er"] or w in rules.gradable)  # "lower"
            and (text[s].islower() or not text[s0:s].strip(_OPENING))
        ):
            return w, s
    cut = _after_last_boundary(text, s0, lo)
    if cut < lo:
        for s, e in reversed(_words_before(text, cut, lo)[-16:]):
            w = text[s:e].lower()
            if w in rules.irregular:
                return w, s
    return "", pos


def _only_doing(text: str, lo: int, more: int, than: int, after: list[str]) -> bool:
    """ "no / little / nothing more than" + a verb, after a form of "do" or a modal: the
    phrase means "only" ("did no more than give", "can do little more than appeal");
    nothing is compared. "can do no more than what its Members allow" and "can no more
    be justified than" compare."""
    if text[more + len("more") : than].strip() or not after or not after[0].isalpha():
        return False
    if after[0] in _FUNCTION or after[0] in _VERBISH:
        return False
    # A name or a pronoun after "than" is what is compared ("could do no more than
    # Hitler did", "can do no more than Sweden", "no more than others"); a lower-case
    # word there is, in speeches, the verb ("do no more than spell out", "than tinker").
    following = text[than + len("than") :].lstrip()[:1]
    if not following.islower() or after[0] in _PRONOUNS_BEYOND_FUNCTION:
        return False
    words = [text[s:e].lower() for s, e in _words_before(text, lo, more)[-2:]]
    return len(words) == 2 and words[1] in ("no", "little", "nothing") and words[0] in _DO_OR_MODAL


# Pronouns _FUNCTION does not list (it has "we", "they", "anyone", "those", ...).
_PRONOUNS_BEYOND_FUNCTION = frozenset({"others", "anybody", "everybody"})
_DO_OR_MODAL = frozenset(
    "do does did doing done can could will would shall should may might must".split()
)


def _looks_superlative(word: str) -> bool:
    # -est forms of adjectives: greatest, largest, biggest, happiest, gravest.
    return len(word) >= 6 or word in {"oldest", "worst", "best", "least", "latest"}


# ------------------------------------------------------------------ assembling


_VERB_AS_WRITTEN = re.compile(r"[a-z]+(?!\w)")
_ALPHA = re.compile(r"[a-z]+")
_PHRASE_REACH = 30  # characters around an anchor word that a lexicon phrase can span
_DIGITS = frozenset("0123456789")


@lru_cache(maxsize=1024)
def _word_end_pattern(word: str) -> re.Pattern:
    # A literal first (so the regex engine searches for it fast), then a word end; the
    # word start is checked by the caller (a look-behind would defeat the fast search).
    return re.compile(re.escape(word) + r"(?![a-z0-9])")


_ALNUM_RUN = re.compile(r"[^\W_]*")  # letters and digits of any script (str.isalnum)
_WORD_START = re.compile(r"\b\w")


class _Scan:
    """One document's text, lower-cased, and where the lexicon's anchor words occur.

    The only whole-document passes are ``str.lower`` and a few array operations that
    hash every run of letters: the runs whose hash is an anchor word's (or that end in
    ``-est``) are the only places any rule then looks at.
    """

    def __init__(self, doc: Document, rules: _Rules):
        self.doc = doc
        self.rules = rules
        self.text = text = doc.text
        low = lower_text(text)
        if len(low) != len(text):  # a character whose lower case is longer (U+0130)
            low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
        self.low = low
        self._hits: dict[str, list[tuple[int, int]]] = {}
        self._bounds: dict[int, tuple[int, int, int]] = {}
        self.present: set[str] = set()
        self.est_words: set[str] = set()
        self.verbs: list[int] = []  # where a (lower-cased) reporting verb starts
        self.year = _document_year(doc.meta)
        if not low:
            return
        runs = letter_runs(low)
        starts, ends, letters = runs.starts, runs.ends, runs.letters
        wanted = rules.anchor_hashes.holds(runs.hashes)
        lengths = ends - starts
        if len(letters) >= 3:
            codes = np.frombuffer(letters, dtype=np.uint8)
            tail = ends - 3
            wanted |= (
                (lengths > 4)
                & (codes[tail] == 101)
                & (codes[tail + 1] == 115)
                & (codes[tail + 2] == 116)
            )
        hits = self._hits
        anchors = rules.all_anchors
        for p, q in zip(starts[wanted].tolist(), ends[wanted].tolist(), strict=True):
            word = low[p:q]
            if word in _REPORTING:
                self.verbs.append(p)
            anchor = word in anchors
            est = q - p > 4 and word.endswith("est")
            if anchor:
                self.present.add(word)
            if est:
                self.est_words.add(word)
            if not (anchor or est):
                continue  # a hash collision
            spans = hits.get(word)
            if spans is None:
                spans = hits[word] = []
            # As a word: not after a letter or digit of any script, nor before a digit.
            if (p == 0 or not low[p - 1].isalnum()) and low[q : q + 1] not in _DIGITS:
                spans.append((p, q))

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
        sid = sentence_index(self.doc.sentence_starts, pos)
        got = self._bounds.get(sid)
        if got is None:
            sentences = self.doc.sentences
            s, e = sentences[sid] if sentences else (0, len(self.text))
            got = self._bounds[sid] = (sid, s, e)
        return got

    def around(self, pattern: re.Pattern, hits, reach: int = _PHRASE_REACH) -> list[re.Match]:
        """Non-overlapping matches of ``pattern`` that cover an anchor hit.

        Each pattern is run only on a small window around each hit; the window ends at
        a non-word character so that ``\\b`` at its edge means what it says. Hits that
        no phrase can cover (see :func:`_hit_contexts`) are dropped first: most are.
        """
        text, n = self.text, len(self.text)
        contexts = self.rules.hit_contexts.get(pattern.pattern)
        if contexts:
            hits = [h for h in hits if self._may_be_covered(h, contexts, reach)]
        word_led = pattern.pattern in self.rules.word_led
        found: dict[int, re.Match] = {}
        for p, q in hits:
            run = _ALNUM_RUN.match(text, min(n, q + reach))
            assert run is not None  # the pattern matches the empty string
            hi = run.end()
            lo = max(0, p - reach)
            if not word_led:
                for m in pattern.finditer(text, lo, hi):
                    if m.start() <= p and q <= m.end():
                        found.setdefault(m.start(), m)
                continue
            # The pattern starts with \b and a word character, so it can only match
            # where a word starts: try those (up to the hit) as finditer would meet
            # them, skipping the ones inside an earlier match.
            resume = lo
            for w in _WORD_START.finditer(text, lo, p + 1):
                start = w.start()
                if start < resume:
                    continue
                at_word = pattern.match(text, start, hi)
                if at_word is not None:
                    if q <= at_word.end():
                        found.setdefault(start, at_word)
                    resume = max(at_word.end(), start + 1)
        return _non_overlapping(found)

    def _may_be_covered(self, hit: tuple[int, int], contexts: dict, reach: int) -> bool:
        """False when no phrase can hold the anchor hit: the text after it (or before it,
        within the window ``around`` searches) is not what a phrase needs there."""
        p, q = hit
        before, after = contexts.get(self.low[p:q], (None, None))
        if after is not None and after.match(self.text, q) is None:
            return False
        return before is None or before.search(self.text, max(0, p - reach), p) is not None

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
        key = _SPACES.sub(" ", m.group().lower())
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
        else:
            words = text[tenor[0] : tenor[1]].split()
            # After a determiner the last word is a noun ("the proposed deal"), even one
            # that is also a verb; "compared it to": a pronoun is no tenor.
            if not _can_end_phrase(words[-1], noun_position=words[0].lower() in _DETERMINERS):
                tenor = (-1, -1)
        yield m.start(), m.end(), trigger, "explicit", tenor, vehicle
    for m in scan.around(rules.explicit_phrase, scan.hits(rules.anchors["explicit_phrase"])):
        _, s0, e0 = scan.bounds(m.start())
        trigger = _SPACES.sub(" ", m.group().lower())
        link = _ADVERB_LINK.match(text, m.end(), e0)
        if link:  # "differs greatly from": the vehicle follows the preposition
            trigger = f"{trigger} ... {link.group('link').lower()}"
        if trigger == "equal to" and _next_words(text, m.end(), 2) in _UP_TO_IT:
            continue  # "more than equal to the task": able, not compared
        if "between" in trigger and not _AND.search(text, m.end(), min(e0, m.end() + 120)):
            continue  # "settle the differences between the parties": a dispute, no A and B
        if trigger == "differences between" and _a_dispute(text, s0, m, e0):
            continue  # "the differences between Israel and its neighbours"
        if trigger in _BARE_DIFFER and _disagreeing(text, s0, m):
            continue  # "views differ on", "Member States continue to differ in the conception"
        if trigger in ("vs", "vs.") and _us_misread(text, s0, m):
            continue  # "the rest of vs deeply appreciate": OCR for "us"
        tenor = _tenor(text, s0, m.start())
        if "between" in trigger:
            tenor = (-1, -1)  # "differences between A and B": both are in the vehicle
        if trigger in _BARE_DIFFER and _next_words(text, m.end(), 1) not in (["from"], ["with"]):
            vehicle = (-1, -1)  # "the viewpoints differ little": nothing stated
        elif trigger.endswith(" to") and _next_words(text, m.end(), 1) in _INFINITIVES:
            # "too similar to be ignored": an infinitive, not the vehicle; the vehicle
            # may follow the aside ("similar - too similar to be ignored - to those").
            aside = _DASH_TO.search(text, m.end(), min(e0, m.end() + 80))
            if aside is None:
                continue
            vehicle = _vehicle(text, aside.end(), e0)
        else:
            vehicle = _vehicle(text, link.end() if link else m.end(), e0)
        yield m.start(), m.end(), trigger, "explicit", tenor, vehicle
    phrases = scan.hits(rules.anchors["historical_phrase"])
    for m in scan.around(rules.historical_phrase, phrases) if phrases else ():
        # "reminds us of Munich", "a parallel even in the Second World War": a likening
        # only when what follows names a historical reference; for a renewal, the
        # reference must be what it renews ("the resurgence of fascism", not "the
        # resurgence of trade after the Second World War"). A warning against the
        # renewal ("avoid a repetition of Munich") invokes the past as much as a fear of
        # it does: its row stays, as that of "avoid a new Munich" does.
        _, s0, e0 = scan.bounds(m.start())
        vehicle = _vehicle(text, m.end(), e0)
        if vehicle[0] < 0:
            continue
        trigger = _SPACES.sub(" ", m.group().lower())
        if trigger in rules.renewing_phrases:
            if not _renewal_reference(text, vehicle, e0, trigger, rules, scan.year):
                continue
        elif not _historical(_historical_text(text, vehicle, e0), rules, scan.year):
            continue
        yield m.start(), m.end(), trigger, "explicit", _tenor(text, s0, m.start()), vehicle
    prefixes = scan.hits(rules.anchors["historical_prefix"])
    for m in scan.around(rules.historical_prefix, prefixes):
        trigger = " ".join(_WORD_TOKEN.findall(m.group().lower()))  # no quotation marks
        if trigger in rules.renewal_only_prefixes:  # "the new colonialism", no other term
            h = _renewed(text, m.end(), trigger, rules)
        else:
            h = rules.historical.match(text, m.end()) or _renewed(text, m.end(), trigger, rules)
        # A term the document's year makes present still gives the likening its row ("a
        # new cold war" in 1980, "a new Iraq war" in 1995, "a new Soviet Union" in 1985;
        # ``historical`` says False); a date must be past ("another 1938"), or it is only
        # a year, and an event must have begun ("another September 11" in 1985 is a day).
        if h is None or _not_yet(h, text, rules, scan.year):
            continue
        _, s0, e0 = scan.bounds(m.start())
        # 'a ‘new Munich’ in Europe': the mark opened in the prefix closes the vehicle
        quoted = not _OPENING_MARKS.isdisjoint(m.group())
        vehicle = _vehicle(text, h.start(), e0, quoted=quoted)
        yield m.start(), m.end(), trigger, "explicit", _tenor(text, s0, m.start()), vehicle


def _renewed(text: str, pos: int, trigger: str, rules: _Rules) -> re.Match | None:
    """A term of the present ("colonialism", "empire") at ``pos`` after a word that renews
    it ("a new colonialism", "a return to colonialism", "the resurgence of imperialism"):
    the renewal places it in the past. None after any other word ("a kind of
    colonialism" is the present)."""
    if trigger not in rules.renewing:
        return None
    return rules.historical_renewed.match(text, pos)


def _not_yet(found: re.Match, text: str, rules: _Rules, doc_year: int | None) -> bool:
    """Whether the term after a prefix names nothing yet for a document of ``doc_year``:
    a date that is no past ("another 1984" in 1980 is a year), an event that began
    later (``since``: "another September 11" in 1985). Unknown year: nothing is later."""
    term = found.group()
    if rules.historical_dates.fullmatch(term):
        return not _past_reference(found, text, rules, doc_year)
    first = rules.historical_since.get(" ".join(term.lower().split()))
    return first is not None and doc_year is not None and doc_year < first


def _renewal_reference(
    text: str, vehicle: tuple[int, int], limit: int, trigger: str, rules: _Rules, year: int | None
) -> str:
    """The past a renewing phrase renews ("the resurgence of fascism", "a repetition of
    the events of 1938"), as the row reports it, or "". It is the head of the phrase's
    object with its "of" phrases (:func:`_renewed_object`), not a time or topic of a later
    prepositional phrase: "the resurgence of trade after the Second World War", "a
    revival of interest in the League of Nations" renew trade and interest. "ancient"
    names no past event ("the resurgence of ancient nationalisms"). A term of the present
    right after it counts too: "a return to colonialism" (:func:`_renewed`)."""
    part = _renewed_object(text, vehicle, limit, rules)
    for m in rules.historical.finditer(part):
        if m.group().lower() not in _GENERIC_AGES and _past_reference(m, part, rules, year):
            return _full_name(part, m, rules)
    renewed = _renewed(text, vehicle[0], trigger, rules)
    return "" if renewed is None else _term_of(renewed.group())


def _renewed_object(text: str, vehicle: tuple[int, int], limit: int, rules: _Rules) -> str:
    """The object of a renewing phrase: its vehicle up to the first preposition other
    than "of" ("trade | after the Second World War", "interest | in the League"), with
    the relative clause after it when there is none ("a return to the practices | that
    led to the Second World War", :func:`_historical_text`) up to a "since", which makes
    the past a start of the present ("the order which has prevailed since the Second
    World War" is renewed in no sense of the past). A preposition after a noun
    of a time ("the situation in 1938", "the days before the war") or inside a listed
    term ("the genocide in Rwanda") does not cut it."""
    start, end = vehicle
    whole = _historical_text(text, vehicle, limit)
    names = [(start + m.start(), start + m.end()) for m in rules.historical.finditer(whole)]
    previous = ""
    for w in _WORD_TOKEN.finditer(text, start, end):
        word = w.group().lower()
        if (
            previous
            and word in _LATER_PREPOSITIONS
            and previous not in _TIME_NOUNS
            and not any(a < w.start() < b for a, b in names)
        ):
            return text[start : w.start()]
        previous = word
    since = _SINCE.search(whole, end - start)  # "the order which has prevailed | since 1945"
    return whole[: since.start()] if since else whole


_SINCE = re.compile(r"\bsince\b", re.I)


# Prepositions that open a phrase of their own after the object of a renewal: the
# reference there is a time, place or topic of it, not what is renewed.
_LATER_PREPOSITIONS = frozenset(
    """in on at to for by with from about among between against after since before during
    until till under within throughout into towards toward over through across upon
    without beyond following""".split()
)
# Nouns of a time or state that a dated phrase defines: "a return to the situation in
# 1938", "a repetition of the events before the war".
_TIME_NOUNS = frozenset(
    """situation situations events conditions circumstances affairs days times era period
    years climate atmosphere""".split()
)
# Historical terms that name an age, no past event: what one renews is an old thing,
# not a likening ("the revival of an ancient language").
_GENERIC_AGES = frozenset({"ancient"})


def _full_name(text: str, found: re.Match, rules: _Rules) -> str:
    """A term as the row reports it, on one line; a name written with '*' in the
    lexicon ("Ottoman*") takes the capitalized words that follow it in ``text`` ("the
    Ottoman Empire" -> "Ottoman Empire"; "Nazi Germany")."""
    end = found.end()
    if found.group()[:1].isupper() and rules.historical_globs.fullmatch(found.group()):
        more = _CAPITALIZED_AFTER.match(text, end)
        if more:
            end = more.end()
    return " ".join(text[found.start() : end].split())


# Up to three capitalized words after a name on the same line ("Ottoman Empire").
_CAPITALIZED_AFTER = re.compile(r"(?:[ \t]+[A-Z][\w-]*){1,3}")


_OPENING = " \t\n\"'\u201c\u2018(["


def _in_name(text: str, s0: int, p: int, q: int) -> bool:
    """A capitalized comparative inside a name: "Greater Israel", "Upper Volta",
    "the Higher Education Council" (mid-sentence, or before another capitalized word)."""
    word = text[p:q]
    if not (word[:1].isupper() and word[1:].islower()):
        return False
    if text[s0:p].strip(_OPENING):
        return True
    nxt = _NEXT_WORD.match(text[q : q + 40])
    return nxt is not None and nxt.group(1)[0].isupper()


_BARE_DIFFER = frozenset({"differ", "differs", "differed", "differing"})


def _a_dispute(text: str, s0: int, m: re.Match, e0: int) -> bool:
    """ "differences between" parties is a dispute, not a comparison: after a settling
    word ("to settle / outstanding differences between"); between two sides that are
    both parties, names, pronouns or words for States and their governments ("between
    Israel and its Arab neighbours", "between the Governments of Italy and Austria");
    or, with no "A and B", among the members of one party ("between the superpowers",
    "between them"). "differences between rich and poor countries", "between American
    and Soviet interests" or "between these conceptions" compare."""
    if _SETTLING_BEFORE.search(text, max(s0, m.start() - 40), m.start()):
        return True
    sides = _TWO_SIDES.match(text, m.end(), e0)
    if sides is None:
        return _a_party(_head_of(text, _vehicle(text, m.end(), e0)))
    second = _vehicle(text, sides.end(), e0)
    return _a_party(sides.group("a").split()[-1]) and _a_party(_head_of(text, second))


def _head_of(text: str, span: tuple[int, int]) -> str:
    """The head of a noun phrase: its last word, or the word before its first "of"
    ("our systems of government", "the countries of the area")."""
    if span[0] < 0:
        return ""
    words = text[span[0] : span[1]].split()
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


_TWO_SIDES = re.compile(r"(?P<a>(?:\s+[\w'-]+){1,8}?)\s+(?:and|&)\s+", re.I)
_SETTLING_BEFORE = re.compile(
    r"\b(?:settle|settled|settling|settlement\s+of|resolve|resolved|resolving|resolution\s+of"
    r"|solve|solved|solving|solution\s+(?:of|to)|iron(?:ing)?\s+out|negotiate|reconcile"
    r"|outstanding)(?:\s+[\w'-]+){0,2}?\s+\Z",
    re.I,
)
_PARTY_NOUNS = frozenset(
    """government governments state states parties sides powers superpowers neighbours
    neighbors regimes leaders delegations them us it him her you themselves ourselves""".split()
)


def _a_party(word: str) -> bool:
    """A side that acts: a name ("Israel", "Austria", "the United States"), a pronoun,
    or a word for a State or its government; not a capitalized text, faith, region or
    ordinal ("between the Charter and the Covenant", "between Jews and Muslims",
    "between North and South", "between the First and Second World Wars" compare; the
    blocs of "the differences between East and West" are parties to a dispute)."""
    if word.lower() in _NOT_PARTIES:
        return False
    return word[:1].isupper() or word.lower() in _PARTY_NOUNS


_NOT_PARTIES = frozenset(
    """charter covenant covenants convention conventions declaration declarations treaty
    treaties protocol protocols constitution constitutions christianity islam judaism
    hinduism buddhism jews muslims moslems christians hindus buddhists catholics protestants
    north south war wars first second third""".split()
)


def _disagreeing(text: str, s0: int, m: re.Match) -> bool:
    """ "differ" without "from" meaning to disagree: with a point of dispute after it
    ("differ on / over / about / as to / with us", "differ in the conception of"), after
    "beg to", "agree to", "the right to", or said of opinions ("views may differ")."""
    after = _next_words(text, m.end(), 5)
    if "from" in after:
        return False  # "differed from those of", "differ so fundamentally from our own"
    if after[:1] == ["with"] and after[1:2] in (["respect"], ["regard"]):
        return False  # "differ with respect to financing": in what, not with whom
    if after[:1] in (["on"], ["over"], ["about"], ["with"]) or after[:2] == ["as", "to"]:
        return True
    if after[:1] == ["in"] and _VIEW_WORDS.intersection(after[1:3]):
        return True
    before = [w.lower() for w in _WORD_TOKEN.findall(text, max(s0, m.start() - 40), m.start())]
    if before[-2:] in (["beg", "to"], ["agree", "to"], ["right", "to"]):
        return True
    # said of opinions: "views differ", "opinions may differ" (the subject, next to it)
    return bool(_VIEW_WORDS.intersection(before[-2:]))


_VIEW_WORDS = frozenset(
    """view views opinion opinions assessment assessments position positions conception
    conceptions interpretation interpretations""".split()
)


def _us_misread(text: str, s0: int, m: re.Match) -> bool:
    """ "vs" where "us" belongs, misread by OCR: after a preposition or a verb taking a
    person ("the rest of vs", "Let vs not"); "East vs West" stays."""
    word, _ = _previous_word(text, m.start(), s0)
    return word in _PREPOSITIONS or word in _TAKES_US


_TAKES_US = frozenset(
    "let lets give gives gave help helps tell tells told allow allows enable join unite upon".split()
)
_OWN = frozenset({"its", "their", "our", "his", "her", "my", "your"})
_SOME_THING = frozenset({"something", "anything", "nothing"})
_BE_FORMS = frozenset({"be", "is", "are", "was", "were", "been"})


def _asks_what_it_is_like(text: str, s0: int, m: re.Match, word_before: str) -> bool:
    """ "What will the situation be like", "what the world would look like if", "What do
    those rights look like in reality?": "what" is the object of "like", moved to the
    front; the clause asks (or says) what something is like and likens nothing. "what
    looks like a last opportunity" has "what" as the subject and likens it. With "be"
    only a sentence that opens with "What" is read so ("the question of what mathematics
    would be like without Newton" weighs two worlds)."""
    if _LIKE_PREPOSITION.match(m.group()):
        verb = m.start()  # "look like": the verb is the trigger's first word
    elif word_before in _BE_FORMS:
        verb = _previous_word(text, m.start(), s0)[1]
        if text[s0:verb].lstrip(_OPENING)[:5].lower() not in _ASKING_WHAT:
            return False
    else:
        return False
    what = _LAST_WHAT.match(text, _clause_start(text, s0, verb), verb)
    if what is None:
        return False
    words = [w.lower() for w in _WORD_TOKEN.findall(text, what.end(), verb)]
    while words and (words[0] in _SENTENCE_ADVERBS or words[0] in _HEDGING_ADVERBS):
        words = words[1:]
    if not words:
        return False  # "what (almost) looks like": "what" is the subject
    if any((_is_verb(w) and w not in _AUXILIARIES) or w in ("and", "or") for w in words):
        return False  # "what the Mass means and this book is like": another clause
    if words[0] in _AUXILIARIES:
        # "What will the situation be", not "what is happening looks"
        return len(words) > 1 and not words[1].endswith(("ing", "ed"))
    return not words[0].endswith(("ly", "ed"))


_ASKING_WHAT = frozenset({"what ", "what'"})
_HEDGING_ADVERBS = frozenset("almost rather really just often sometimes nearly".split())
_LAST_WHAT = re.compile(r"(?s:.*)\bwhat\b", re.I)
_AUXILIARIES = frozenset(
    "do does did will would can could shall should may might must is are was were".split()
)


def _such_as_this(after: list[str]) -> bool:
    """ "a time like this", "times like these", "a case like this, ...": after a noun, a
    demonstrative that stands alone (before punctuation, a function word or a verb)
    points at the case at hand (= such a time); nothing else is likened. "like this
    General Assembly", "like this year's report" and "like this one" name something."""
    if not after or after[0] not in ("this", "these"):
        return False
    if len(after) == 1:
        return True
    following = after[1]
    return not following[0].isalnum() or following in _FUNCTION or _is_verb(following)


def _ranks_the_present(text: str, s0: int, m: re.Match) -> bool:
    """ "never a time like this", "no war like this in Europe since 1945", "Nowhere has
    there been a tragedy like this", "a crisis like this has not occurred since 1929":
    the present ranked above every past time, which likens it to the past."""
    # the negative governs the noun "like this" follows: in the same clause, before it
    clause = max(s0, text.rfind(",", s0, m.start()) + 1, text.rfind(";", s0, m.start()) + 1)
    if _NEGATIVE.search(text, clause, m.start()):
        return True
    rest = text[m.end() : m.end() + 160]
    end = _CLAUSE_STOP.search(rest)
    return _SINCE.search(rest[: end.start() if end else len(rest)]) is not None


_NEGATIVE = re.compile(r"\b(?:never|no|nowhere|nothing|none)\b", re.I)
_SINCE = re.compile(r"\bsince\b", re.I)
_CLAUSE_STOP = re.compile(r"[.;!?]")


def _a_gerund(after: list[str]) -> bool:
    """ "feel like negotiating,", "looked like making a breakthrough": an -ing verb
    before punctuation or a function word; "look like exciting fare" is an adjective."""
    if not after or len(after[0]) <= 5 or not after[0].endswith("ing"):
        return False
    if after[0] in _ING_NOUNS:
        return False
    return len(after) == 1 or not after[1][0].isalnum() or after[1] in _FUNCTION


_ING_NOUNS = frozenset(
    "nothing something anything everything evening morning spring string sibling".split()
)
_UP_TO_IT = [["the", w] for w in "task tasks challenge challenges occasion job".split()]
_AND = re.compile(r"\band\b|&", re.I)
_INFINITIVES = [[w] for w in "be have become make do take allow ensure".split()]
_DASH_TO = re.compile(r"[-\u2013\u2014]\s*to\s+")
_ADVERB_LINK = re.compile(r"\s+[a-z]+ly\s+(?P<link>from|with|to)\b")


@lru_cache(maxsize=64)
def _link_pattern(links: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"\s(?:{'|'.join(links)})\s", re.I)


def _temporal_frame(text: str, pos: int, sets: dict) -> bool:
    """True when "as in" is followed by a generic past ("the past", "previous years").

    Such a phrase only says "again, as before"; a named past ("as in 1938", "as in the
    1930s", "as in Munich") likens the present to it and stays a comparison.
    """
    frames = sets.get("as_in_frame")
    if not frames:
        return False
    words = _next_words(text, pos, 4)
    return any(" ".join(words[:n]) in frames for n in range(1, len(words) + 1))


_EXAMPLE_ASIDE = re.compile(r"\s*,?\s*for\s+(?:example|instance)\b\s*,?", re.IGNORECASE)


def _simile(scan: _Scan, rules: _Rules):
    text = scan.text
    sets = rules.sets
    for m in scan.around(rules.like, scan.hits(rules.anchors["like"])):
        _, s0, e0 = scan.bounds(m.start())
        if _like_is_verb(text, m, s0, sets):
            continue
        after = _next_words(text, m.end(), 2)
        if after and _APPROXIMATION.fullmatch(after[0]):
            continue  # "something like 50": an approximation
        if _literal_like(text, m, s0, after, sets):
            continue
        trigger = _SPACES.sub(" ", m.group().lower())
        aside = _EXAMPLE_ASIDE.match(text, m.end())  # "Like, for instance, X, we ..."
        vehicle = _vehicle(text, aside.end() if aside else m.end(), e0)
        if vehicle == (-1, -1):
            continue
        tenor = _tenor(text, s0, m.start())
        if tenor[0] < 0 and not text[s0 : m.start()].strip(_OPENING):
            tenor = _main_subject(text, vehicle[1], e0)  # "Like X, Y does ..."
        yield m.start(), m.end(), trigger, "simile", tenor, vehicle
    as_hits = scan.hits(rules.anchors["as"])
    epistemic = sets.get("as_if_epistemic", frozenset())
    for m in scan.at(rules.as_if, as_hits):
        _, s0, e0 = scan.bounds(m.start())
        if epistemic and _epistemic_as_if(text, s0, m.start(), epistemic):
            continue  # "it looks as if": = apparently
        trigger = _SPACES.sub(" ", m.group().lower())
        vehicle = _vehicle(text, m.end(), e0, clause=True)
        yield m.start(), m.end(), trigger, "simile", _tenor(text, s0, m.start()), vehicle
    for m in scan.at(rules.as_in, as_hits):
        _, s0, e0 = scan.bounds(m.start())
        before = text[s0 : m.start()].rstrip()
        if (
            before
            and not before.endswith((",", ";", ":", "\u2014", " -"))
            and not before.endswith("just")
        ):
            continue  # "the same as in" / "interested as in": not a clause-level analogy
        if m.group().lower() == "just as" and _next_words(text, m.end(), 1) in (["well"], ["soon"]):
            continue
        trigger = _SPACES.sub(" ", m.group().lower())
        if trigger != "just as" and _temporal_frame(text, m.end(), sets):
            continue  # "As in the past, we support ...": continuity, nothing is likened
        vehicle = _vehicle(text, m.end(), e0, clause=True)
        if (
            _AS_AT_A_TIME.match(trigger)
            and "like_inclusion" in sets  # the rules of comparison_triggers@3 on
            and not _historical(_historical_text(text, vehicle, e0), rules, scan.year)
            and not _a_scene(text, m.end())
        ):
            continue  # "as in Africa", "as in many other cases": = for example
        yield m.start(), m.end(), trigger, "simile", (-1, -1), vehicle

    for m in scan.at(rules.equative, as_hits):
        mid = m.group("mid").lower().split()
        phrase = _SPACES.sub(" ", m.group().lower())
        if any(w in sets["equative_middle"] for w in mid[:1]) or phrase in sets["formula"]:
            continue
        if mid[-1] == "so":
            continue  # "use their consciences as weapons so as not to": a purpose
        end = m.end()
        if mid[-1] in ("and", "or"):
            # "as severe and as tragic as X": the standard follows the last "as"; with
            # none ("consider them as legitimate and as urgently needed") nothing compares.
            last = _COORDINATED_AS.match(text, end)
            if last is None:
                continue
            end = last.end()
            phrase = _SPACES.sub(" ", text[m.start() : end].lower())
        after = _next_words(text, end, _STANDARD_WORDS)
        if not after or after[0] in sets["equative_tail"] or after[0] in ".,;:!?":
            continue
        if _possibility_standard(after):
            continue  # "as rapidly as the situation permits": as far as can be, nothing else
        if mid[0] in ("much", "many", "early", "late", "high", "low", "little") and (
            _is_quantity(text, end, sets)
        ):
            continue  # "as many as 50 people"
        _, s0, e0 = scan.bounds(m.start())
        if _OUR_OWN_WORLD.match(text, end) and _A_WORLD_BEFORE.search(text, s0, m.start()):
            continue  # "in a world as complex as the one we live in": = in our complex world
        vehicle = _vehicle(text, end, e0)
        yield m.start(), end, phrase, "simile", _tenor(text, s0, m.start()), vehicle


# "as in / at the time of / on the eve of / during": a simile only before a named past
# ("as at the time of Munich") or a scene; "just as" and "as was the case" liken clauses.
_AS_AT_A_TIME = re.compile(r"as (?:in|at|on|during)\b")

# An equative whose standard is the speaker's own world or time and whose tenor is "a
# world" or "a time": it describes that world, comparing it with nothing else.
_OUR_OWN_WORLD = re.compile(
    r"\s+(?:the\s+one|that)\s+(?:(?:in\s+which|that|which)\s+)?we\s+(?:all\s+)?(?:are\s+)?"
    r"(?:now\s+|today\s+)?(?:live|living|inhabit)\b",
    re.I,
)
_A_WORLD_BEFORE = re.compile(
    r"\b(?:a|an)\s+(?:[\w-]+\s+)?(?:world|time|times|age|era|society|planet)\s+\Z", re.I
)


def _comparative(scan: _Scan, rules: _Rules):
    text = scan.text
    sets = rules.sets
    for p, q in scan.hits(rules.anchors["than"]):
        _, s0, e0 = scan.bounds(p)
        lo = _clause_start(text, s0, p)
        word, wpos = _comparative_word(text, s0, lo, p, rules)
        if word in sets["than_before"]:
            continue
        nxt = _next_words(text, q, 1)
        if word == "rather" and (
            not nxt
            or nxt[0] in sets["rather_than_next"]
            or nxt[0].endswith("ing")
            or not text[s0:wpos].strip(_OPENING)  # "Rather than X, we ...": instead of
        ):
            continue
        if (
            word in ("more", "less")
            and nxt
            and nxt[0].endswith("ed")
            and nxt[0] not in sets.get("than_participle", ())
        ):
            continue  # "more than doubled", "more than attained": an intensifier
        if (word in sets["quantity_comparative"] or word not in rules.irregular) and _is_quantity(
            text, q, sets
        ):
            continue
        if word == "more" and _only_doing(text, lo, wpos, p, nxt):
            continue  # "did no more than give legal sanction": = only gave
        vehicle = _vehicle(text, q, e0)
        trigger = f"{word} than" if word else "than"
        if not word or word in ("more", "less", "rather", "fewer"):
            tenor = _tenor(text, s0, wpos)  # "no idea | more important than"
        else:
            tenor = _modified_tenor(text, s0, wpos, wpos + len(word), e0)
        yield wpos, q, trigger, "comparative", tenor, vehicle
    phrases = scan.around(rules.comparative_phrase, scan.hits(rules.anchors["comparative_phrase"]))
    for m in phrases:
        _, s0, e0 = scan.bounds(m.start())
        trigger = _SPACES.sub(" ", m.group().lower())
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
        _, s0, e0 = scan.bounds(p)
        if _in_name(text, s0, p, q):
            continue
        end = q
        if word in rules.degree:
            if not nxt or not _is_adjective(nxt, rules):
                continue
            end = q + 1 + len(nxt)  # the end of the word after
            trigger = f"{word} {nxt}"
        else:
            trigger = word
        yield p, end, trigger, "comparative", _modified_tenor(text, s0, p, end, e0), (-1, -1)


def _modified_tenor(text: str, s0: int, start: int, end: int, e0: int) -> tuple[int, int]:
    """Tenor of a comparative word: the noun it modifies ("a greater | burden") when it
    is attributive, else what :func:`_tenor` finds before it."""
    cut = _clause_start(text, s0, start)
    if not text[start:end].endswith("ly") and _attributive(text, cut, start):
        head = _head_after(text, end, e0)
        if head[0] >= 0:
            return head
    return _tenor(text, s0, start, cut)


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
        sup = _SPACES.sub(" ", m.group("sup").lower())
        head = sup.split()[0]
        covered.add(m.start("sup"))
        if head.endswith("est") and head not in ("best", "worst") and head in sets["false_est"]:
            continue
        if head.endswith("est") and head not in ("best", "worst") and not _looks_superlative(head):
            continue
        phrase = _SPACES.sub(" ", m.group().lower())
        window = text[max(0, m.start() - 20) : m.start()].lower().split()[-1:] + phrase.split()
        joined = " ".join(window)
        nxt = _next_words(text, m.end(), 2)
        following = f"{phrase} {' '.join(nxt)}"
        if rules.superlative_formula.search(joined) or rules.superlative_formula.search(following):
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
    tenor = _head_after(text, end, e0)
    frame = rules.frame.match(text, end, e0)
    vehicle = (-1, -1)
    trigger = sup
    if frame:
        trigger = f"{sup} ... {frame.group('frame').lower()}"
        if frame.group("frame").lower() == "since":  # "since" takes a complement
            vehicle = _vehicle(text, frame.end("frame"), e0)
        if vehicle == (-1, -1):
            vehicle = (frame.start("frame"), frame.end("frame"))
        tenor = _checked(text, _words_before(text, end, frame.start("frame")))
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
        _, s0, _ = scan.bounds(p)
        if _in_name(text, s0, p, q):
            continue
        if word in ("most", "least"):
            if not nxt or nxt.endswith("ly") or not _is_adjective(nxt, rules):
                continue
            if prev and (
                prev[-1] in ("a", "an") or (prev[-1] in _COPULAS and prev[0] in ("i", "we"))
            ):
                continue  # "a most successful session", "we are most grateful": = very
            end = q + 1 + len(nxt)  # the end of the word after
            sup = f"{word} {nxt}"
        _, _, e0 = scan.bounds(p)
        row = _superlative_row(text, p, end, sup, e0, rules)
        if prev and prev[-1] in _COPULAS:  # "which are most affected": predicative
            row = (*row[:4], _tenor(text, s0, p), row[5])
        yield row


# ------------------------------------------------------------------ assembling


def _sentence_events(text: str, lo: int, hi: int, verbs: list[int]) -> list[tuple]:
    """``(start, end, kind, name)`` of each subject of a reporting verb in the sentence
    ``text[lo:hi]``, read by the quote attribution rules
    (:func:`corpus.quotes.reporting_events`) from the sentence start on; ``kind`` is
    "name", or "pronoun" for "he"/"she"/"the minister". ``verbs``: sorted offsets of
    every word that may be a reporting verb."""
    spans = []
    for v in verbs[bisect.bisect_left(verbs, lo) : bisect.bisect_left(verbs, hi)]:
        m = _VERB_AS_WRITTEN.match(text, v)  # lower case, a whole word, after a space
        if m and m.group() in _REPORTING and v > lo and text[v - 1].isspace():
            if not _passive_by(text, v, m) and not _participle_compared(text, m):
                spans.append(m.span())
    return reporting_events(text, spans, lo)


def _passive_by(text: str, v: int, verb: re.Match) -> bool:
    """'as described by', 'was called by', ', described by': a passive participle,
    whose agent is not the subject before it ("Zelensky said by video link" reports)."""
    if not _BY_AFTER.match(text, verb.end()):
        return False
    before = _WORD_BEFORE.search(text, max(0, v - 12), v)
    return before is not None and (before.group(1) in _BEFORE_PASSIVE or before.group(2) == ",")


def _participle_compared(text: str, verb: re.Match) -> bool:
    """'compared with' / 'compared to' right after the subject: a participle ("Asia,
    compared with other regions, ...", "Africa compared with Asia is poorer"), the
    comparison's own trigger; "Lavrov compared the sanctions to a siege" reports."""
    return verb.group() == "compared" and _WITH_OR_TO.match(text, verb.end()) is not None


_BY_AFTER = re.compile(r"\s+by\b")
_WORD_BEFORE = re.compile(r"(?:\b([a-z]+)|(,))\s*\Z")
_BEFORE_PASSIVE = frozenset("as is are was were be been being".split())
_WITH_OR_TO = re.compile(r"\s+(?:with|to)\b")


class _Speakers:
    """The reporting subject of a sentence, looked up only for sentences with rows.

    The subject is the first one before the row's trigger in its sentence: a name, or
    "he"/"she"/"the minister", resolved to the last name before it in the document
    (each sentence read from its own start), so the whole document is read once, and
    only for such a subject.
    """

    def __init__(self, text: str, sentences: Sequence[tuple[int, int]], verbs: list[int]):
        self.text = text
        self._ends = dict(sentences)  # every sentence of the document: start -> end
        self._starts = sorted(self._ends)
        self._verbs = verbs
        self._sentence: dict[int, list[tuple]] = {}
        self._names: tuple[list[int], list[str]] | None = None
        self._full_names: dict[str, str] = {}

    def subject(self, s0: int, t_end: int) -> str:
        # Every subject comes with a reporting verb, and all of those are in ``verbs``:
        # without one in the sentence there is nothing to find (most rows).
        i = bisect.bisect_left(self._verbs, s0)
        if i == len(self._verbs) or self._verbs[i] >= self._ends[s0]:
            return ""
        before = [e for e in self._events(s0) if e[1] <= t_end]
        if not before:
            # "Sanctions are like a siege, said Pavel Dorn."
            name = speaker_after(self.text, t_end, self._ends[s0])
            return full_name(self.text, name) if name else ""
        start, _, kind, name = before[0]
        if kind == "pronoun":
            name = self._last_name_before(start)
        if not name:
            return ""
        full = self._full_names.get(name)
        if full is None:  # a search of the whole text: once per name
            full = self._full_names[name] = full_name(self.text, name)
        return full

    def _events(self, s0: int) -> list[tuple]:
        events = self._sentence.get(s0)
        if events is None:
            events = self._sentence[s0] = _sentence_events(
                self.text, s0, self._ends[s0], self._verbs
            )
        return events

    def _last_name_before(self, pos: int) -> str:
        if self._names is None:
            starts, names = [], []
            # The sentences that hold a verb, each once, in order.
            holding = sorted(
                {
                    self._starts[bisect.bisect_right(self._starts, v) - 1]
                    for v in self._verbs
                    if v >= self._starts[0]
                }
            )
            for s0 in holding:
                for start, _, kind, name in self._events(s0):
                    if kind == "name":
                        starts.append(start)
                        names.append(name)
            self._names = (starts, names)
        starts, names = self._names
        k = bisect.bisect_left(starts, pos) - 1
        return names[k] if k >= 0 else ""


def _voicing(doc: Document):
    """A function offset -> (voice, speaker) for ``doc``.

    Quotes are marked by typographic quotation marks after normalization; a document
    without them has no quotes, and finding quotes would cost more than this stage.
    The marks are looked for once per document, not once per row.
    """
    text = doc.text
    if "\u201c" not in text and "\u2018" not in text:
        authorial = ("authorial", str(doc.meta.get("speaker", "") or ""))
        return lambda pos: authorial
    return doc.voice


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
    kept = _without_preference_doubles(kept)
    speakers = _Speakers(text, doc.sentences or [(0, len(text))], scan.verbs)
    voice_at = _voicing(doc)
    rows = []
    for t_start, t_end, trigger, kind, tenor, vehicle in kept:
        sid, s0, e0 = scan.bounds(t_start)
        actual, speaker = voice_at(t_start)
        if not voice_allows(voice, actual):
            continue
        if actual == "authorial":
            subject = speakers.subject(s0, t_end)
            # The alias table, as for quote speakers: "Sergei Lavrov" is "Sergey Lavrov".
            speaker = (doc.aliases.canonical(subject) if doc.aliases else subject) or speaker
        spans = [(t_start, t_end)] + [sp for sp in (tenor, vehicle) if sp[0] >= 0]
        start = min(s for s, _ in spans)
        end = max(e for _, e in spans)
        hist_text = _historical_text(text, vehicle, e0)
        if "between" in trigger and tenor[0] >= 0:
            # "a resemblance between the Nazi methods and those of the regime": both
            # sides are compared, either may be the past.
            hist_text = f"{text[tenor[0] : tenor[1]]} {hist_text}"
        if kind == "explicit" and not hist_text:
            hist_text = text[t_end:end]
        if trigger in rules.renewing_phrases:  # what it renews, as the detector read it
            reference = _renewal_reference(text, vehicle, e0, trigger, rules, scan.year)
        else:
            reference = _historical_reference(hist_text, rules, scan.year)
        if not reference and vehicle[0] >= 0:
            renewed = _renewed(text, vehicle[0], trigger, rules)  # "a new | colonialism"
            reference = "" if renewed is None else _term_of(renewed.group())
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
                "vehicle": text[vehicle[0] : vehicle[1]] if vehicle[0] >= 0 else "",
                "vehicle_start": vehicle[0],
                "vehicle_end": vehicle[1],
                "historical": bool(reference),
                "historical_term": reference,
                "voice": actual,
                "speaker": speaker,
            }
        )
    return rows


def _without_preference_doubles(rows: list[tuple]) -> list[tuple]:
    """ "preferred dialogue rather than confrontation" is one comparison: the row of the
    "rather than" (or "instead of") inside the vehicle of "prefer…" stands for it; any
    other trigger there ("prefer peace to a war worse than any before it") is another
    comparison."""
    alternatives = sorted(row[0] for row in rows if row[2].lower() in _ALTERNATIVE_TRIGGERS)
    out = []
    for row in rows:
        _, _, trigger, _, _, (v_start, v_end) = row
        if trigger.lower().startswith("prefer") and v_start >= 0:
            k = bisect.bisect_left(alternatives, v_start)
            if k < len(alternatives) and alternatives[k] < v_end:
                continue
        out.append(row)
    return out


_ALTERNATIVE_TRIGGERS = frozenset({"rather than", "instead of"})
