"""Quoted spans, their kind and, where the text says so, who is quoted.

A news report mixes two voices: the reporter's and the quoted speaker's. Quote marks
survive normalization with their roles (“ ” and ‘ ’), so pairing them is a scan.
Attribution follows the reporting verbs around a quote ("…,” he stated.",
"Lavrov said: “…”", "according to X"); pronouns and descriptors ("he", "the
diplomat", "the President") point to the last named speaker when a reader could still
tell who (see _REACH_SENTENCES); else "he" or "she" points to the one person named
earlier in its sentence ("Nelson Mandela … when he said"); "it" points to the last body
named ("The Kestrian Foreign Ministry issued a statement. “…,” it said."), or else to the
one body named earlier in its sentence ("the Security Council issued a statement in which
it said"), never to a person. A surname is expanded to the full name the report introduced earlier ("Lavrov"
-> "Sergey Lavrov"). An office held by one person speaks as the office, not as the body
or country it heads or serves ("the Prime Minister of the United Kingdom", "the foreign
minister of Cuba"); a country's representative is the country's voice; a document is
nobody's voice.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain

from ._pickling import rebuilt_from_fields

QUOTER_VERSION = "communique-quotes/23"

# An unclosed quote mark must not swallow the rest of a speech: a quote (or each
# paragraph of a quote of several paragraphs) is at most this long.
_MAX_QUOTE_CHARS = 2000

REPORTING_VERBS = frozenset(
    """said says stated states added adds told tells warned warns argued argues insisted insists
    noted notes stressed stresses emphasized emphasised emphasizes emphasises declared declares
    reiterated reiterates accused accuses claimed claims asked asks wrote writes explained
    explains continued concluded replied responded remarked announced announces compared
    dismissed urged urges called calls suggested suggests acknowledged observed maintained
    affirmed asserted contended cautioned threatened vowed pledged recalled
    complained denied charged alleged admitted conceded predicted promised demanded
    countered""".split()
)
# Verbs that put the speaker after them: "…,” said Lavrov."
INVERTING_VERBS = frozenset(
    """said says added stated wrote asked continued explained replied warned insisted noted
    declared argued stressed recalled observed remarked concluded responded announced
    cautioned emphasized emphasised affirmed asserted countered complained""".split()
)
# Participles that report what the subject of their clause said: "Lavrov rejected the
# plan, saying: “…”".
PARTICIPLE_VERBS = frozenset(
    "saying adding noting warning insisting arguing stressing declaring writing".split()
)
DESCRIPTOR_NOUNS = (
    "minister|diplomat|spokesman|spokeswoman|spokesperson|president|ambassador|envoy|official|"
    "secretary|chancellor|leader|premier|representative|delegate|negotiator|chairman|"
    "chairwoman|chairperson|foreign minister"
)

# Capitalized words in any script's letters: "Hammarskjöld", "Pérez de Cuéllar" parts,
# "O'Brien", "D'Alema", "d'Estaing" (of "Giscard d'Estaing").
_WORD = r"(?:d')?[A-ZÀ-ÖØ-Þ](?:'[A-ZÀ-ÖØ-Þ])?[^\W\d_]+(?:[-'][^\W\d_]+)*"
# Lower-case particles inside a name: "Ursula von der Leyen", "Lula da Silva".
_PARTICLE = r"(?:von|van|der|den|de|da|del|della|di|du|dos|das|bin|ibn|al|ter|ten)"
# Between the words of a name: spaces and at most one line break (a name wraps onto
# the next line of a UN record, but a blank line ends a heading: "Crisis Talks\n\nLavrov").
NAME_GAP = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"
# A middle initial between the words of a name: "Ferdinand E. Marcos", "John F. Kennedy"
# A letter after a word that is no first name ends a thing's name ("World War I. Kennedy
# said") and is taken off (see _without_false_initial).
_INITIAL = r"[A-Z]\."
_NAME = rf"{_WORD}(?:(?:{NAME_GAP}{_PARTICLE})*{NAME_GAP}(?:{_INITIAL}{NAME_GAP})?{_WORD}){{0,3}}"
# Between a speaker and the reporting verb: an adverb, and a perfect's auxiliary before or
# after it ("the Secretary-General has rightly said", "Pope Paul VI has stressed").
_ADVERB = (
    r"(?:\s+(?:has|have|had))?"
    r"(?:\s+(?:[a-z]+ly|once|also|then|again|later|recently|often|further))?"
    r"(?:\s+(?:has|have|had))?"
)


# Speaker patterns, each tried on the window that ends where a reporting verb starts.
# The optional comma takes appositives: "The Head of State, Major Pierre Buyoya, said: ..."
# Pieces shared by the patterns below and by the clause and mention patterns further on.
_PRONOUN_WORD = r"[Hh]e|[Ss]he"
_DESCRIPTOR_PHRASE = rf"[Tt]he\s+(?:[A-Za-z-]+\s+){{0,3}}(?:{DESCRIPTOR_NOUNS})"  # "the minister"
_APPOSITIVE_OPENING = r",\s+(?:[^,.\u201c\u201d]{0,40}\s)?"  # ", Russia's foreign " (minister)
# A name starts a word: "the super-Powers, stresses" names no "Powers".
_NAME_START = r"(?<![\w'\u2019-])"
_NAME_BEFORE_VERB = re.compile(rf"{_NAME_START}(?P<name>{_NAME}),?{_ADVERB}\s+\Z")
_PRONOUN_BEFORE_VERB = re.compile(rf"\b(?:{_PRONOUN_WORD}){_ADVERB}\s+\Z")
# "it said": a body's pronoun (see _speech_events), never a person's.
_IT_BEFORE_VERB = re.compile(rf"(?<![\w'\u2019-])[Ii]t{_ADVERB}\s+\Z")
_DESCRIPTOR_BEFORE_VERB = re.compile(rf"\b{_DESCRIPTOR_PHRASE}{_ADVERB}\s+\Z")
# A name before an appositive that describes the speaker: "Lavrov, the foreign minister,
# said", "Sergey Lavrov, Russia's foreign minister, said".
# An office may end in "-General": "Boutros-Ghali, Secretary-General of the United Nations,".
_NAME_BEFORE_APPOSITIVE = re.compile(
    rf"{_NAME_START}(?P<name>{_NAME}){_APPOSITIVE_OPENING}(?i:{DESCRIPTOR_NOUNS}|director)"
    r"(?:-(?i:general))?"
    rf"(?:\s+of\s+(?:the\s+)?{_NAME}){{0,2}},{_ADVERB}\s+\Z"
)
# A longer appositive that opens with an article and names a role somewhere: "Shaikh Isa,
# the Amir of the State of Bahrain and Chairman of the current session of the GCC, has
# said" (the role is checked in code: see _ROLE_WORDS).
_NAME_BEFORE_LONG_APPOSITIVE = re.compile(
    rf"{_NAME_START}(?P<name>{_NAME}),\s+(?P<appositive>(?:the|an?)\s[^,.;:\n\u201c\u201d]{{1,160}}),"
    rf"{_ADVERB}\s+\Z"
)
# A name, then the place or body it speaks for: "President Jose Sarney of Brazil said",
# "President Okonkwo of the United Republic of Tarsk said".
_OF_PLACE = rf"\s+of\s+(?:the\s+)?{_NAME}"
_NAME_OF_PLACE = re.compile(
    rf"{_NAME_START}(?P<name>{_NAME}){_OF_PLACE}(?:{_OF_PLACE}){{0,2}},?{_ADVERB}\s+\Z"
)
# The last word of each descriptor ("minister" of "foreign minister").
_DESCRIPTOR_WORDS = frozenset(noun.split()[-1] for noun in DESCRIPTOR_NOUNS.split("|"))
# Honorifics and ranks before a name: not part of it ("said Mr. Blinken" -> Blinken).
_HONORIFICS = frozenset(
    "Mr Mrs Ms Messrs Dr Prof Sir Sen Rep Gov Gen Lt Col Maj Capt Adm Amb Rev Sgt".split()
)
_HONORIFIC_DOT = rf"(?:{'|'.join(sorted(_HONORIFICS))})\."
# After an inverting verb: "…,” said Lavrov." / "…,” said Mr. Lavrov."
_INVERTED_NAME = re.compile(rf"\s+(?:{_HONORIFIC_DOT}\s+)?(?P<name>{_NAME})")
# Longer than any name, adverb and descriptor before a verb.
_EVENT_REACH = 200


def _prefix_tree(words: list[str]) -> str:
    """An alternation of ``words`` that shares their prefixes: "add(?:ed|s)", not
    "added|adds".

    The regex engine tries the alternatives of a group one after the other, so at a
    place where no word starts the tree rejects after one letter test per distinct
    first letter instead of one per word.
    """
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[:1], []).append(word[1:])
    complete = "" in by_first  # one of the words ends here
    branches = [
        re.escape(first) + _prefix_tree(rests) for first, rests in sorted(by_first.items()) if first
    ]
    if not branches:
        return ""
    if len(branches) == 1 and not complete:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if complete else "")


_EVENT_VERB_WORDS = sorted(REPORTING_VERBS | INVERTING_VERBS | PARTICIPLE_VERBS | {"put"})
# Every reporting verb followed by a non-word character, in one pass. The match starts
# at the character before the verb: a pattern that starts with a class of characters
# lets the engine skip in C the characters that cannot start a match, and only
# characters outside [a-zA-Z0-9_] (mostly spaces) can stand before a verb; letters and
# digits outside ASCII (é, ²) are turned away in Python. A verb at the very start of
# the text is matched by _EVENT_VERB_AT_START.
_VERB_TREE = _prefix_tree(_EVENT_VERB_WORDS)
_EVENT_VERB = re.compile(rf"[^a-zA-Z0-9_]({_VERB_TREE})(?!\w)")
_EVENT_VERB_AT_START = re.compile(rf"({_VERB_TREE})(?!\w)")
_LONGEST_VERB = max(len(verb) for verb in _EVENT_VERB_WORDS)
# Literal first (found fast), the first letter checked in Python: A/a, I/i.
_ATTRIBUTION_PHRASES = (
    (re.compile(r"ccording to\s+"), "Aa"),
    (re.compile(r"n the words of\s+"), "Ii"),
)
_LONGEST_PHRASE = 40  # more than any phrase above and the space after it
# What follows the phrase, read only once its first letter is checked (a rejected
# "than the words of" must not swallow a real phrase right after it). A period ends it
# unless it ends an honorific or a middle initial ("according to Ferdinand E. Marcos").
_ATTRIBUTION_TAIL = re.compile(
    rf"(?:\b{_HONORIFIC_DOT}|\b{_INITIAL}(?=[^\S\n]+[A-Z])|[^.,;:\n\u201c\u201d]){{1,80}}"
)
# The capitalized words that end an attribution phrase, however many: titles before the
# name are taken off it ("according to NATO Secretary General Jens Stoltenberg").
_TRAILING_RUN = re.compile(
    rf"{_WORD}(?:(?:{NAME_GAP}{_PARTICLE})*{NAME_GAP}(?:{_INITIAL}{NAME_GAP})?{_WORD})*\s*\Z"
)
# Institutions and documents are not speakers: "the report of the Organization emphasizes".
_INSTITUTION_WORDS = frozenset(
    """Organization Organisation Assembly Council Charter Committee Conference Commission
    Government Nations States Union Secretariat Court Treaty Agreement Declaration Report
    Convention Programme Program Agenda Plan Resolution Summit Parliament Congress""".split()
)
# Documents are nobody's voice, whatever their other words: "the Universal Declaration
# states", "the 1941 Atlantic Charter", "the Holy Koran says" (a name ends with its head).
_DOCUMENT_WORDS = frozenset(
    """Charter Declaration Treaty Convention Covenant Protocol Constitution Resolution
    Agreement Accord Accords Statute Preamble Act Report Document Manifesto Communique
    Communiqué Proclamation Koran Quran Bible Gospel""".split()
)
# Capitalized words that can open a sentence before a name without being part of it
# ("Later Lavrov said", "On Monday Lavrov said"), stripped from the front of a name.
# Words that are also first names or surnames (April, June, August, Sunday, So, Still,
# Last, Next) are not listed: "April Glaspie said" keeps its name.
OPENING_NOT_NAMES = frozenset(
    """Later Then Today Yesterday Tomorrow Tonight Now Meanwhile Earlier Also Again Finally
    Recently Afterwards Moreover Indeed Thus Here There Yet Instead Nevertheless Furthermore
    Subsequently Previously Separately Similarly Likewise Monday Tuesday Wednesday Thursday
    Friday Saturday January February March July September October November December
    Officials Diplomats Analysts Experts Critics Observers Sources Witnesses Residents
    Having Some Many Several Few Others Both Its Their Our My You Your Everything Nothing
    Everyone One Even Delegates Delegations Representatives Leaders Ministers After Before
    Since Until Unless Although Though Because Despite During Following Amid Without Unlike
    Whether Whereas Hence Therefore Accordingly Consequently Clearly Certainly Naturally
    Obviously Surely Unfortunately Fortunately Perhaps Sadly Regrettably Notably Ultimately
    Eventually Initially Currently Presently Historically Traditionally Already Specifically
    Importantly Undoubtedly Admittedly Inevitably Conversely Alternatively Additionally
    Firstly Secondly Thirdly Lastly Hopefully""".split()
)
# Months and days that are also first names, and the words that make them dates.
_DATE_NAMES = frozenset("April May June August Sunday".split())
_DATE_PREPOSITIONS = frozenset({"In", "On"})
_NOT_NAMES = OPENING_NOT_NAMES | frozenset(
    """The This That These Those It We They He She In On At For But And While When If As
    However Moscow Kyiv Washington Russia Ukraine China""".split()
)


@dataclass(frozen=True)
class Quote:
    """A quoted span: ``start``/``end`` include the quote marks; ``text`` is the inside."""

    start: int
    end: int
    text: str
    kind: str  # "direct" or "fragment"
    speaker: str  # "" when the text does not say

    def __reduce__(self) -> tuple:
        return rebuilt_from_fields(self)  # compiled frozen dataclasses need it (corpus._pickling)


def quote_rows(quotes: Iterable[Quote]) -> list[tuple[int, int, str, str]]:
    """``(start, end, kind, speaker)`` of each quote: quotes as plain data to send
    between processes (the text is the document's; see :func:`quotes_from_rows`)."""
    return [(q.start, q.end, q.kind, q.speaker) for q in quotes]


def quotes_from_rows(text: str, rows: Iterable[tuple[int, int, str, str]]) -> list[Quote]:
    """The quotes of ``text`` that :func:`quote_rows` made plain data.

    Example:
        >>> quotes_from_rows("He said \u201cno\u201d.", [(8, 12, "direct", "")])[0].text
        'no'
    """
    return [Quote(a, b, text[a + 1 : b - 1], kind, who) for a, b, kind, who in rows]


@dataclass(frozen=True)
class _SpeechEvent:
    start: int
    end: int
    speaker: str  # resolved name, "" when nobody was named yet
    named_at: int = -1  # where that name was given (this event's start for a name)


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Pair opening and closing quote marks; return ``(start, end)`` including the marks.

    Spans never overlap: a quote within a quote is part of its parent, whichever marks
    the parent uses (“… ‘…’ …”, or British ‘… “…” …’); a single quote that crosses a
    double one is dropped. A quote of several paragraphs is one span from its first
    opening mark to its closing mark: by the printers' convention each of its
    paragraphs opens with a mark and only the last one closes. Other unclosed marks are
    ignored.

    Example:
        >>> find_quote_spans("He said ‘they told me “no” twice’ and left.")
        [(8, 33)]
    """
    doubles = _pair(text, "\u201c", "\u201d")
    starts = [s for s, _ in doubles]
    spans: list[tuple[int, int]] = []
    inside_singles: set[int] = set()
    for start, end in _pair(text, "\u2018", "\u2019"):
        k = bisect.bisect_right(starts, start) - 1
        if k >= 0 and start < doubles[k][1]:
            continue  # inside a double quote
        first, last = k + 1, bisect.bisect_left(starts, end)  # doubles starting inside
        if first < last and doubles[last - 1][1] > end:
            continue  # crosses a double quote ("‘a “b’ c”")
        spans.append((start, end))
        inside_singles.update(range(first, last))
    spans.extend(d for k, d in enumerate(doubles) if k not in inside_singles)
    return sorted(spans)


def _pair(text: str, opener: str, closer: str) -> list[tuple[int, int]]:
    spans = []
    wrapped: list[bool] = []  # whether lines are wrapped, worked out once when needed
    pos = start = text.find(opener)  # start: where the quote's first paragraph opened
    while pos != -1:
        close = text.find(closer, pos + 1)
        reopen = text.find(opener, pos + 1)
        if close == -1:
            break
        if reopen != -1 and reopen < close:
            if not _continues_in_next_paragraph(text, pos, reopen, wrapped):
                start = reopen  # the mark at ``start`` was never closed
            pos = reopen
            continue
        if close - pos <= _MAX_QUOTE_CHARS:
            spans.append((start, close + 1))
        pos = start = text.find(opener, close + 1)
    return spans


def _continues_in_next_paragraph(text: str, opened: int, reopen: int, wrapped: list) -> bool:
    """Whether the opening mark at ``reopen`` starts the next paragraph of the quote
    opened at ``opened``.

    The mark opens a line, the paragraph left open is not too long to be a quote and
    has text after its mark (a mark that ends a line is a misprinted closer), and no
    other paragraph comes between. Where a document wraps its lines (a paragraph over
    several lines, as in many UN records), the lines between must not hold a blank
    line; where one line is one paragraph, there is none between.
    """
    line_start = text.rfind("\n", opened, reopen) + 1
    if line_start == 0 or text[line_start:reopen].strip() or reopen - opened > _MAX_QUOTE_CHARS:
        return False
    left_open = text[opened + 1 : line_start].rstrip()
    first_line = left_open.split("\n", 1)[0]
    if not first_line.strip():
        return False
    if "\n" not in left_open:
        return True
    if not wrapped:
        wrapped.append(_wraps_lines(text))
    return wrapped[0] and not _BLANK_LINE.search(left_open)


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def _wraps_lines(text: str) -> bool:
    """Whether ``text`` breaks its paragraphs into lines (half its lines are short)."""
    lengths = sorted(len(line) for line in text.split("\n") if line.strip())
    return len(lengths) >= 5 and lengths[len(lengths) // 2] < _WRAPPED_LINE


_WRAPPED_LINE = 100  # characters: a longer typical line is a whole paragraph


def classify_quote(inner: str) -> str:
    """``direct`` for a quoted statement, ``fragment`` for a quoted word or phrase.

    A statement starts with a capital letter and has at least three words, or is long
    (eight words or more); scare quotes and quoted phrases are fragments, and so are
    titles ("An Agenda for Peace": its longer words are capitalized and it does not end
    like a sentence).
    """
    words = re.findall(r"\w+", inner)
    starts_capital = bool(inner.lstrip()) and inner.lstrip()[0].isupper()
    if starts_capital and _looks_like_title(inner, words):
        return "fragment"
    if starts_capital and len(words) >= 2 and inner.rstrip()[-1:] in ",.!?":
        # A short whole statement ("Nobody wins,", "Not now."), not a name or a term
        # with the comma inside the quote ("New Thinking.", "Arab Spring,").
        if any(w.islower() for w in words[1:]):
            return "direct"
    if len(words) >= 4 and _AUXILIARIES.intersection(w.lower() for w in words):
        return "direct"  # a clause, even mid-sentence: “the world is changing fast.”
    if (starts_capital and len(words) >= 3) or len(words) >= 8:
        return "direct"
    return "fragment"


# A finite verb makes a quoted clause a statement rather than a phrase.
_AUXILIARIES = frozenset(
    """is are was were am will would can cannot could must shall should may might has have
    had do does did won't can't isn't aren't don't doesn't""".split()
)


def _looks_like_title(inner: str, words: list[str]) -> bool:
    content = [w for w in words if len(w) >= 4 and not w.isdigit()]
    if not content or inner.rstrip()[-1:] in ".!?,;:":
        return False
    capitalized = sum(1 for w in content if w[0].isupper())
    return capitalized / len(content) >= 0.75 and len(words) <= 12


def find_quotes(
    text: str, sentences: Sequence[tuple[int, int]], canonical=lambda name: name
) -> list[Quote]:
    """Find the quotes of ``text`` and attribute them to speakers.

    Parameters:
        text: normalized text.
        sentences: its sentence spans (see :func:`corpus.segment.split_sentences`).
        canonical: maps a resolved name to its canonical form (the alias table).
    """
    spans = find_quote_spans(text)
    if not spans:
        return []
    sentence_starts = [s for s, _ in sentences]
    enclosing = [_enclosing_sentence(sentences, sentence_starts, s, e) for s, e in spans]
    # _attribute takes the events that start in a quote's sentence or one character
    # past it. Most speeches quote without naming anyone: when no event starts there,
    # no quote has a speaker and the rest of the text need not be searched.
    # A quote that opens a paragraph after "Lula said:" also reads the colon's sentence.
    introductions = [_introduction(text, s, sentences, sentence_starts) for s, _ in spans]
    # A quote that opens its sentence may go on from reported speech in the one before.
    reported = [
        _sentence_before(text, sentences, sentence_starts, s, sentence)
        for (s, _), sentence in zip(spans, enclosing, strict=True)
    ]
    # Where a text writes news paragraphs, a quote that opens a paragraph may go on from
    # reported speech that ends the paragraph before (see _news_paragraph_before).
    wrapped: list[bool] = []  # whether the text wraps its lines, worked out once if needed
    news: list[bool] = []  # whether it writes news paragraphs, worked out once if needed
    reported_before = [
        _news_paragraph_before(text, spans, sentences, sentence_starts, s, sentence, wrapped, news)
        for (s, _), sentence in zip(spans, enclosing, strict=True)
    ]
    windows = sorted(
        {
            (start, end + 1)
            for start, end in enclosing + introductions + reported + reported_before
            if end >= 0
        }
    )
    if _may_have_events_in(text, spans, windows):
        # An event's speaker depends only on the events before it, so the events
        # after the last window cannot change any quote either.
        limit = max(high for _, high in windows)
        events = _speech_events(text, spans, limit, sentence_starts)
    else:
        events = []
    event_starts = [e.start for e in events]
    quotes = []
    for (start, end), sentence, (low, colon), before, paragraph_before in zip(
        spans, enclosing, introductions, reported, reported_before, strict=True
    ):
        inner = text[start + 1 : end - 1]
        kind = classify_quote(inner)
        speaker = _attribute(text, start, end, sentence, events, event_starts, kind)
        if not speaker and kind == "direct" and colon >= 0:
            speaker = _introducer(text, events, event_starts, low, colon)
        if not speaker and kind == "direct" and max(before[1], paragraph_before[1]) >= 0:
            # only a quote with no reporting verb of its own ("“…,” she said" may name
            # nobody on purpose)
            k = bisect.bisect_left(event_starts, sentence[0])
            if k == len(events) or events[k].start > sentence[1]:
                if before[1] < 0 or not _same_paragraph(text, before[1], start, wrapped):
                    before = paragraph_before  # "(-1, -1)" unless news paragraphs
                if before[1] >= 0:
                    speaker = _reporter_of(text, spans, events, event_starts, before, wrapped)
        if not speaker and kind == "direct":
            speaker = _words_of(text, max(sentence[0], start - _WORDS_OF_REACH), start)
        if speaker and kind == "fragment" and _named_thing(text, start, inner):
            speaker = ""  # a term in scare quotes or the name of a thing: nobody's words
        quotes.append(Quote(start, end, inner, kind, canonical(speaker) if speaker else ""))
    return _continued_quotes(text, quotes)


# A quote introduced by a noun of speech rather than a verb: "the same statement by the
# Secretary-General: “…”", "President Nujoma's concluding words: “…”", "the testimony of
# Ignatius IV". The noun phrase must end right before the quote (a colon, a comma or
# "that" between, after at most one phrase set off by a comma: "words, spoken here last
# year:"), so that a statement mentioned earlier in the sentence does not count.
_SPEECH_NOUN = r"(?:words|statement|remarks|view|views|testimony|message|opinion|appeal|address)"
_WORDS_OF = re.compile(
    rf"(?:{_SPEECH_NOUN}\s+(?:[a-z]+\s+){{0,3}}(?:of|by)\s+(?:the\s+)?(?:{_HONORIFIC_DOT}\s+)?"
    rf"(?P<of>{_NAME})"
    rf"|(?P<owner>{_NAME})'s\s+(?:[a-z]+\s+){{0,2}}{_SPEECH_NOUN}"
    # "Gandhi, whose words still guide us: “…”"
    rf"|(?P<whose>{_NAME}),\s+whose\s+(?:[a-z]+\s+){{0,2}}{_SPEECH_NOUN}(?:\s+[a-z]+){{0,6}})"
    rf"(?:\s*,[^.;:,\u201c\u201d]{{1,40}})?\s*(?:\bthat|:|,)?\s*\Z"
)
_WORDS_OF_REACH = 160


def _words_of(text: str, low: int, start: int) -> str:
    """The person whose words a noun phrase right before the quote names, or ""."""
    m = _WORDS_OF.search(text, low, start)
    if m is None:
        return ""
    name = _clean_name(m.group("of") or m.group("owner") or m.group("whose"))
    return name if name and all(map(_could_be_a_name_or_title, name.split())) else ""


def _could_be_a_name_or_title(word: str) -> bool:
    """A word of a person's name, or of an office that speaks ("Secretary-General")."""
    return word in _TITLE_WORDS or _could_be_a_name(word)


# What comes right before a term in scare quotes or the name of a thing: "the so-called
# “nuclear umbrella”", "called “Operation Pan-America”". Not "its" or "this": "Ukraine
# must abandon its “dangerous escalation”, he said" quotes someone's words.
_TERM_BEFORE = re.compile(
    r"(?:\bso-called|\b(?:so\s+)?call(?:s|ed)?(?:\s+(?:this|it|them))?(?:\s+(?:a|an|the))?)\s*\Z"
)


def _named_thing(text: str, start: int, inner: str) -> bool:
    """Whether a short or capitalized fragment is a term or a name, not quoted words: a
    term after "so-called" or "called", or a title after a word that introduces a work
    (see _WORK_BEFORE)."""
    short = len(inner.split()) <= 3 or inner[:1].isupper()
    if short and _TERM_BEFORE.search(text, max(0, start - 40), start):
        return True
    return _is_title(inner) and bool(_WORK_BEFORE.search(text, max(0, start - 40), start))


def _is_title(inner: str) -> bool:
    """Whether a quoted fragment reads as the title of a work: its longer words
    capitalized, no sentence end ("A Charter for Tomorrow", "Letters"; not "Yes")."""
    return inner[:1].isupper() and _looks_like_title(inner, re.findall(r"\w+", inner))


# What introduces the title of a work, right before its quote marks: a noun for a work
# ("his report “A Charter for Tomorrow”", "her book “Rivers of the North”"), "entitled",
# "titled", "in"/"of" (perhaps with "the" or a possessive: "In “A Charter for Tomorrow”,
# the Secretary-General stressed", "in his “Letters”") or a possessive ("the
# Secretary-General's “Charter for Tomorrow”"). A title is nobody's statement. Not "in
# this “Reform Assembly”, as X called it": a name X gave, not a work.
_WORK_BEFORE = re.compile(
    r"(?:\b(?:report|book|study|essay|article|poem|novel|play|lecture|work|treatise"
    r"|message|document|entitled|titled)"
    r"|\b(?:[Ii]n|[Oo]f)(?:\s+(?:his|her|its|their|the))?"
    r"|(?<![\w'\u2019-])(?:his|her|its|their)"
    r"|\w(?:'|\u2019)s)\s*,?\s*\Z"
)


# What may stand between a quote and the next one that continues it: the rest of one
# sentence (the attribution: "Lavrov said in a statement."), no paragraph break.
_CONTINUATION_GAP = re.compile(r"[^.!?\n\u201c\u201d]{0,100}[.:][ ]*")
# A gap ending in a colon that names a source of its own ("The treaty states:", "the
# Charter of the United Nations declares:"): a noun after a determiner, or a capitalized
# word other than a pronoun or linking word ("He went on:", "And again:" continue).
_OWN_SOURCE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Oo]ur|[Aa]n?)\s+[a-z]"
    r"|\b(?!(?:He|She|It|They|We|I|And|Then|Again|But|Also|Later|Finally|So|Thus)\b)[A-Z]"
)


def _continued_quotes(text: str, quotes: list[Quote]) -> list[Quote]:
    """A whole-sentence quote with no speaker of its own that opens the sentence right
    after an attributed quote continues it: “We are ready,” Lavrov said. “But the West
    must listen.” — the second quote is Lavrov's too (a news-writing convention)."""
    for k in range(1, len(quotes)):
        before, quote = quotes[k - 1], quotes[k]
        if quote.speaker or not before.speaker or quote.kind != "direct":
            continue
        gap = _CONTINUATION_GAP.fullmatch(text, before.end, quote.start)
        if gap and not (gap.group().rstrip().endswith(":") and _OWN_SOURCE.search(gap.group())):
            quotes[k] = Quote(quote.start, quote.end, quote.text, quote.kind, before.speaker)
    return quotes


def _speech_events(
    text: str,
    quote_spans: list[tuple[int, int]],
    limit: int,
    sentence_starts: Sequence[int] = (),
) -> list[_SpeechEvent]:
    """Reporting-verb events outside quotes, in text order, with pronouns resolved;
    every event that starts before ``limit`` (some after it may be included).

    The scan starts from the reporting verbs, found in one pass (see _EVENT_VERB),
    and the speaker patterns are tried only on a short window before or after each.
    Trying those patterns at every position of a long speech cost several times more
    than everything else here.
    """
    quote_starts = [s for s, _ in quote_spans]
    raw = [
        e
        for e in _verb_events(text, 0, limit + _EVENT_REACH)
        if _outside_quotes(e[0], quote_spans, quote_starts)
    ]
    raw.extend(
        e
        for e in _according_to_events(text, limit)
        if _outside_quotes(e[0], quote_spans, quote_starts)
    )
    raw = [_as_description(text, e) for e in raw]
    persons = _refers_back(raw)
    body_sentences = _sentences_a_body_may_open(raw, sentence_starts, quote_spans, quote_starts)
    if persons or body_sentences:
        # Mentions give "he", "the minister", "The President" and a bare surname someone
        # to refer to, and "it" and "the ministry" a body; without such an event they
        # change nothing, and matching every sentence's opening against them was a
        # sixth of the quote finder's time.
        raw.extend(
            _as_description(text, e)
            for e in _mentions(text, sentence_starts, limit, persons, body_sentences)
            if _outside_quotes(e[0], quote_spans, quote_starts)
        )
    raw.sort()
    full_names: list[str] = []
    named: list[tuple[str, int, str]] = []  # every (name, where named, gender), in order
    # every body named or meant, in order: (name, where named, where last named or meant)
    bodies: list[tuple[str, int, int]] = []
    current, named_at, current_end, current_gender = "", -1, 0, ""
    seen_at = -1  # where ``current`` was last named or referred to by "he" or "the minister"
    referents: tuple[list[int], list[str]] | None = None
    marks: tuple[list[int], list[int]] | None = None
    short_paragraphs: bool | None = None  # whether the text writes news paragraphs
    events = []
    for start, end, kind, name in raw:
        if kind in ("office", "office_mention"):
            # "The Russian foreign minister dismissed ..." after "Russian Foreign Minister
            # Sergey Lavrov arrived": Lavrov, as "the minister" would be, when the text
            # gave him that owner; else the office itself ("Kestria's foreign minister
            # said" gives Kestria's Foreign Minister). As a sentence's subject with no
            # reporting verb ("The Russian foreign minister was more guarded."), the
            # office gives a later "he" someone to refer to.
            if marks is None:
                marks = _reading_marks(text, quote_spans, sentence_starts)
            holder = _owner_in_reach(text, quote_spans, marks, named, current, seen_at, name, start)
            if holder is not None:
                current, named_at, current_gender = holder
                current_end, seen_at = end, start
                if kind == "office":
                    events.append(_SpeechEvent(start, end, current, named_at))
                continue
            kind = "name" if kind == "office" else "mention"
        if kind == "surname":
            # "Kowal rejected the criticism.": the person named in full earlier, if any
            fuller = _expand_surname(name, full_names)
            if " " not in fuller:
                fuller = _earlier_full_name(text, name, start)
            if " " not in fuller:
                continue  # "Kestria rejected it": a country, or nobody a reader could name
            kind, name = "mention", fuller
        if kind in ("name", "mention"):
            current, named_at, current_end = _expand_surname(name, full_names), start, end
            if " " not in current and _could_be_a_name(current):
                # "Holt said" after "... met Prime Minister Marek Holt": named in full
                # earlier, though not as a subject
                current = _earlier_full_name(text, current, start)
            seen_at = start
            # An office is no full name of the place that ends it: after "the Prime
            # Minister of Tarsk said", "Tarsk said" is the country.
            if " " in current and " of " not in current and current not in full_names:
                full_names.append(current)
            # the gender a title gives this naming ("Mrs. Clinton" after "Bill Clinton"
            # says nothing of Bill): kept with the naming, not with the name
            current_gender = _title_gender(text, start, end, name)
            if _is_body(current):
                current_gender = "n"  # "she said" after "the Kestrian embassy said" is no embassy
                bodies.append((current, named_at, start))
            named.append((current, named_at, current_gender))
        if kind == "mention":  # a mention gives "he" a referent; it attributes nothing
            continue
        if kind == "body_mention":  # "The Kestrian Foreign Ministry issued a statement."
            named.append((name, start, "n"))  # a body: no "he" or "she" (current stays)
            bodies.append((name, start, start))
            continue
        if kind == "body":  # "the ministry said": the body last named with that word
            if marks is None:
                marks = _reading_marks(text, quote_spans, sentence_starts)
            speaker, at = _bare_body(named, name)
            if at >= 0 and not _in_reach(marks, at, start, across_paragraphs=True):
                speaker, at = "", -1
            if not speaker and name[:1].isupper():
                speaker = name  # "the Foreign Ministry said", named as before
            if speaker:
                bodies.append((speaker, at if at >= 0 else start, start))
            events.append(_SpeechEvent(start, end, speaker, at))
            continue
        if kind == "it":  # "“…,” it said": the last body named or meant, within reach
            body = None
            if bodies:  # (most "it" of a speech follow no body: "It calls upon ...")
                if marks is None:
                    marks = _reading_marks(text, quote_spans, sentence_starts)
                if short_paragraphs is None:
                    short_paragraphs = _writes_short_paragraphs(text)
                body = _body_in_reach(text, marks, quote_spans, bodies, start, short_paragraphs)
            # "After the talks, the Security Council issued a statement in which it said":
            # a body named earlier in the sentence, not as its subject (quoter 22)
            in_sentence = _body_earlier_in_sentence(text, sentence_starts, quote_spans, start)
            if in_sentence is not None and (body is None or in_sentence[1] > bodies[-1][2]):
                body = in_sentence
            if body is not None:
                bodies.append((body[0], body[1], start))  # "it" carries the body on
                events.append(_SpeechEvent(start, end, body[0], body[1]))
            # With no body in reach "it" is no event: it may be a document or a thing,
            # whose words are nobody's, and the quote keeps what the other rules give.
            continue
        if kind == "title":  # "The President said": the last named, if so titled
            if marks is None:
                marks = _reading_marks(text, quote_spans, sentence_starts)
            speaker, at = _titled(text, named, name)
            if at >= 0 and not _in_reach(marks, at, start, across_paragraphs=True):
                speaker, at = "", -1
            events.append(_SpeechEvent(start, end, speaker, at))
            continue
        if kind != "pronoun":
            events.append(_SpeechEvent(start, end, current, named_at))
            continue
        if marks is None:  # found once per text, and only when a pronoun needs them
            marks = _reading_marks(text, quote_spans, sentence_starts)
        wanted = _pronoun_gender(text, start)
        speaker, at, last_seen = current, named_at, seen_at
        if wanted and at >= 0:
            if referents is None:
                referents = _other_referents(text, quote_spans)
            if _someone_else(referents, current_end, start, current):
                # "… my Prime Minister in her address … She said:" or "Jawaharlal Nehru's
                # speech … He said:": someone else came up since the last naming; which of
                # them "she" means the text does not settle, so nobody is named.
                speaker, at = "", -1
        if at >= 0 and wanted and current_gender and current_gender != wanted:
            # "Mrs. Gandhi replied. “…,” he said": not Mrs. Gandhi, but the last man
            # (or person of unknown gender) named before her
            speaker, at = next(
                ((n, a) for n, a, g in reversed(named) if g in (wanted, "")),
                ("", -1),
            )
            last_seen = at
        # A description ("The diplomat reiterated …") may open a paragraph about the one
        # it describes, as news writes; "he" does not reach into another paragraph,
        # unless the text writes short paragraphs, as news does (see _across_short_paragraphs).
        if at >= 0 and not _in_reach(marks, last_seen, start, across_paragraphs=not wanted):
            if short_paragraphs is None:
                short_paragraphs = _writes_short_paragraphs(text)
            if not (
                short_paragraphs
                and _across_short_paragraphs(text, marks, quote_spans, last_seen, start, speaker)
            ):
                # Named too far back ("he" many sentences or a paragraph later): a reader
                # could not say who is meant, so nobody is named rather than a guess.
                speaker, at = "", -1
        if not speaker:
            # "Nelson Mandela voiced the conviction of his people when he said:": no one
            # in reach, but one person named earlier in the sentence.
            speaker, at = _person_earlier_in_sentence(
                text, marks, quote_spans, quote_starts, start, wanted
            )
            speaker = _expand_surname(speaker, full_names) if speaker else ""
        if speaker and speaker == current:
            seen_at = start  # "he" carries the referent on, as a naming does
        events.append(_SpeechEvent(start, end, speaker, at))
    return events


def _body_earlier_in_sentence(
    text: str, sentence_starts: Sequence[int], quote_spans: list[tuple[int, int]], at: int
) -> tuple[str, int] | None:
    """``(name, where named)`` of the one body named earlier in the sentence of the "it" at
    ``at``, outside quotes and not after a preposition ("the Security Council issued a
    statement in which it said", "Late on Friday the Kestrian foreign ministry issued a
    statement in which it said"; not "a letter to the Security Council, in which it
    said"); None when there is none or more than one (which one "it" means the text does
    not say). A body is what "it said" means elsewhere: capitalized words that end with a
    body's head word, or a body in lower case after its owner (see _OWNED_BODY)."""
    k = bisect.bisect_right(sentence_starts, at) - 1
    low = sentence_starts[k] if k >= 0 else 0
    if at - low < 8 or not _BODY_HEAD.search(text, low, at):
        return None  # "It calls upon ...": most "it" open their sentence (found in C)
    quote_starts = [s for s, _ in quote_spans]
    found: dict[str, int] = {}
    for m in _CAPITALIZED_RUN.finditer(text, low, at):
        # the "of" phrases that end its name: "the Central Committee of the Chinese
        # Communist Party", "the Council of Europe" (whose "Council" is no name alone)
        of = _OF_PHRASES.match(text, m.end(), at)
        name = _clean_name(_POSSESSIVE_END.sub("", m.group()))
        if not name and of is not None:
            name = _body_head_of(m.group())
        if not name or not (_is_body(name) or (of and name.split()[-1] in _NAMED_BODY_HEADS)):
            continue
        end = of.end() if of else m.end()
        if not _is_noun_after_name_at(text, end):
            found.setdefault(name + (of.group() if of else ""), m.start())
    for m in _OWNED_BODY_ANYWHERE.finditer(text, low, at):
        if _owned_kind(m) == "name" and (name := _owned_body_name(m)):
            found.setdefault(name, m.start())
    kept = {
        name: where
        for name, where in found.items()
        if _outside_quotes(where, quote_spans, quote_starts)
        and not _object_of_preposition(text, low, where, name)
    }
    if len(kept) != 1:
        return None
    return next(iter(kept.items()))


_OF_PHRASES = re.compile(
    rf"(?:{NAME_GAP}of{NAME_GAP}(?:the{NAME_GAP})?{_WORD}(?:{NAME_GAP}{_WORD}){{0,3}})+"
)


def _body_head_of(run: str) -> str:
    """The head of a body that "of" phrases go on from, without the words that open a
    sentence: "The Council" -> "Council"; "" for other runs."""
    words = run.split()
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    return " ".join(words) if words and words[-1] in _NAMED_BODY_HEADS else ""


def _is_noun_after_name_at(text: str, end: int) -> bool:
    """Whether a lower-case noun follows the capitalized run that ends at ``end``, which
    makes the run its modifier ("the Security Council resolution": see
    :func:`_is_noun_after_name`)."""
    m = _NEXT_WORD.match(text, end, end + _AFTER_RUN_CHARS)
    return m is not None and _is_noun_after_name(m.group(1))


def _body_in_reach(
    text: str,
    marks: tuple[list[int], list[int]],
    quote_spans: list[tuple[int, int]],
    bodies: list[tuple[str, int, int]],
    at: int,
    short_paragraphs: bool,
) -> tuple[str, int] | None:
    """``(name, where named)`` of the body that an "it" at ``at`` means ("The Kestrian
    Foreign Ministry issued a statement. “…,” it said."): the last body named or meant
    (see _speech_events), whoever was named since (a person is no "it"), within reach
    as "he" is (two sentences, in the same paragraph or across short news paragraphs);
    None when there is none."""
    if not bodies:
        return None
    name, named_at, seen_at = bodies[-1]
    if _in_reach(marks, seen_at, at, across_paragraphs=False) or (
        short_paragraphs and _across_short_paragraphs(text, marks, quote_spans, seen_at, at, name)
    ):
        return name, named_at
    return None


# A run of capitalized words that may name a person earlier in a sentence than a "he":
# "Winston Churchill", "the late President Kennedy", "Mr. Khrushchev", "Dag Hammarskjöld's".
_CAPITALIZED_RUN = re.compile(
    rf"{_NAME_START}(?:{_HONORIFIC_DOT}\s+)?"
    rf"{_WORD}(?:(?:{NAME_GAP}{_PARTICLE})*{NAME_GAP}(?:{_INITIAL}{NAME_GAP})?{_WORD})*"
)
# Words of places, events and things named with two capitalized words, which
# _could_be_a_name lets through: "South Africa", "Viet Nam", "Latin America", "the
# Second World War", "the Non-Aligned Movement", "the Herald Tribune".
_NOT_PERSON_WORDS = frozenset(
    """North South East West Northern Southern Eastern Western Central Middle Far Near
    Latin New Great Upper Lower United Soviet Arab Saudi Sri Viet Costa El Sierra Burkina
    Cape Papua Persian Indian Pacific Atlantic Mediterranean Caribbean Baltic Balkan Gulf
    Africa America Americas Asia Europe Zealand Lanka Nam Rica Salvador Arabia Leone Faso
    Guinea Korea Kingdom Emirates Sahara Timor Herzegovina Bosnia Tobago Barbuda Verde
    Kitts Nevis Grenadines Marino Islands Island Sea Ocean Peninsula Republic Federation
    Federal Democratic Socialist Islamic People War Wars World Movement Rights Prize Games
    Day Days Year Decade Fund Bank Party Front Force Forces Army Group Forum Round
    Community Church University Institute Foundation Agency Office Department Ministry
    Cabinet Senate House Times Post Herald Tribune News Press Review Journal Doctrine
    Accords Act Law Revolution Initiative Process Zone Strategy Order Age Century Era
    Empire Powers Association Organisation Union God Almighty Allah Holy Mount River Lake
    Valley Bay Strait Straits Canal""".split()
)


def _person_earlier_in_sentence(
    text: str,
    marks: tuple[list[int], list[int]],
    quote_spans: list[tuple[int, int]],
    quote_starts: list[int],
    start: int,
    wanted: str,
) -> tuple[str, int]:
    """``(name, where named)`` of the one person named earlier in the sentence of the
    "he"/"she" at ``start``, outside quotes and in the same paragraph ("Nelson Mandela
    voiced the conviction of his people when he said"); ``("", -1)`` when no person or
    more than one is named there, or the title says another gender than ``wanted``.

    A person is two or more capitalized words that could be a name and name no place,
    body or thing ("South Africa", "the United Nations"), or a title or honorific and a
    name ("President Kennedy", "Mr. Khrushchev")."""
    starts, breaks = marks
    k = bisect.bisect_right(starts, start) - 1
    low = starts[k] if k >= 0 else 0
    b = bisect.bisect_right(breaks, start) - 1
    if b >= 0 and breaks[b] > low:
        low = breaks[b]
    found: list[tuple[str, int, str, bool]] = []  # (name, where, gender, possessive)
    for m in _CAPITALIZED_RUN.finditer(text, low, start):
        if not _outside_quotes(m.start(), quote_spans, quote_starts):
            continue
        before = text[low : m.start()].split()[-2:]
        articled = bool(before) and before[-1] in _ARTICLES
        if before and before[-1] in _DETERMINERS:
            before = before[:-1]
        if before and before[-1] in _PLACE_PREPOSITIONS:
            continue  # "in Rio de Janeiro", "together with Bertrand Russell"
        # A possessive ends a name: "John Bunyan's Mr. Valiant" names two.
        words: list[str] = []
        for word in m.group().split():
            possessive = word.endswith(("'s", "\u2019s"))
            words.append(word[:-2] if possessive else word)
            if possessive:
                if (person := _person_of_run(words, articled)) is not None:
                    gender = _title_gender(text, m.start(), m.end(), person)
                    found.append((person, m.start(), gender, True))
                words, articled = [], False
        after = text[m.end() : m.end() + _AFTER_RUN_CHARS]
        if (person := _person_of_run(words, articled, after)) is not None:
            gender = _title_gender(text, m.start(), m.end(), person)
            found.append((person, m.start(), gender, False))
    surnames = {name.split()[-1] for name, _, _, _ in found}
    if len(surnames) != 1:
        return "", -1  # nobody, or two people: which one "he" means the text does not say
    name, at, gender, possessive = max(found, key=lambda f: len(f[0]))
    if possessive or _subject_is_someone_else(text, low, at):
        # "The Minister thanked Javier Perez de Cuellar when he said", "He recalled
        # Churchill's words when he said", "Fidel Castro's brother spoke when he said":
        # the "he" is the sentence's subject, not the person named after it.
        return "", -1
    if wanted and gender and gender != wanted:
        return "", -1
    return name, at


def _subject_is_someone_else(text: str, low: int, at: int) -> bool:
    """Whether the sentence starting at ``low`` opens with a subject other than the name
    at ``at``: a "he" or "she", or a title not followed by a name ("The Minister thanked
    ...", "Our President met ...", "The Minister for Foreign Affairs visited ...").
    "President Clinton was right", "The Afrikaner poet Breyten Breytenbach" and "For this
    reason, President Clinton" open with the person or with no subject of their own."""
    words = text[low:at].strip(_OPENING_MARKS).split()
    if not words:
        return False  # the name opens the sentence
    if words[0].lower() in ("he", "she"):
        return True
    k = 1 if words[0].lower() in _SUBJECT_DETERMINERS else 0
    titles = 0
    while k < len(words) and words[k].strip(",") in _TITLE_WORDS:
        titles, k = titles + 1, k + 1
    return titles > 0 and k < len(words)  # a title, then more than the name: its verb


_OPENING_MARKS = " \n\t\u201c\u2018\"'(["
_SUBJECT_DETERMINERS = frozenset({"the", "our", "my", "his", "her", "their", "its"})


def _person_of_run(words: list[str], articled: bool = False, after: str = "") -> str | None:
    """The person's name that capitalized ``words`` give, without titles ("the late
    President Kennedy" -> "Kennedy"), or None when they name no person.

    ``articled``: the run follows an article ("the Camp David accords"), and ``after`` is
    the text that follows the run. Right after an article, words that are not led by a
    title or a style ("the late President Kennedy", "the Right Honourable Jonas Berg")
    name a person only as :func:`_person_with_article` says: "the Dalai Lama" and "The
    Nelson Mandela of our time" do, "the Camp David accords" and "the Brandt report" do
    not. ("that" may be a conjunction: "that Marta Ilves was right".)"""
    titled = False
    while words:
        word = words[0]
        title = (
            word in _COURTESIES
            or word.rstrip(".") in _HONORIFICS
            or word in _TITLE_WORDS
            or ((titled or len(words) > 2) and word in _RANKS)
            or word in _STYLES
            or (word == "Right" and len(words) > 1 and words[1] in _STYLES)
        )
        if not (title or word in _NOT_NAMES or word in _DETERMINER_WORDS or word in _HIS_HER):
            break
        articled = articled or word.lower() in _ARTICLES  # "The Camp David accords"
        titled = titled or title
        words = words[1:]
    if len(words) < (1 if titled else 2):
        return None  # "Washington", "Prime Minister"
    if not all(_could_be_a_name(w) and w not in _NOT_PERSON_WORDS for w in words):
        return None
    if articled and not titled and not _person_with_article(words, after):
        return None  # "the Camp David accords", "the Special Rapporteur"
    return " ".join(words)


def _person_with_article(words: list[str], after: str) -> bool:
    """Whether capitalized ``words`` right after an article, with no title leading them,
    name a person; ``after`` is the text that follows them.

    Most such words name a thing or a place ("the Camp David accords", "the Helsinki Final
    Act", "the Gaza Strip", "the Red Cross", "the Special Rapporteur"), so only a person's
    style makes a person ("the Dalai Lama", "the Aga Khan", "a Mahatma Gandhi"), or a
    name set up as the type of its time ("The Nelson Mandela of our time"); even those
    are a thing's when they end in a word of a document, a body or an office ("the Aga
    Khan Covenant") or a lower-case noun follows ("the Dalai Lama visit")."""
    last = words[-1].lower()
    if last in _THING_HEADS or last.removesuffix("s") in _THING_HEADS:
        return False
    m = _NEXT_WORD.match(after)
    if m is not None and _is_noun_after_name(m.group(1)):
        return False
    return not _ARTICLED_STYLES.isdisjoint(words) or _TYPE_OF_ITS_TIME.match(after) is not None


def _is_noun_after_name(word: str) -> bool:
    """Whether the lower-case ``word`` after a capitalized run makes the run its modifier
    ("accords" of "the Camp David accords"): no word that may follow a person's name (a
    preposition, conjunction or pronoun, an auxiliary, an adverb, a verb in the past or
    of speech). A present verb in -s reads as a plural noun: nobody rather than a guess."""
    return not (
        word in _AFTER_A_NAME
        or word.endswith(("ly", "ed"))
        or word in REPORTING_VERBS
        or word in INVERTING_VERBS
        or word in PARTICIPLE_VERBS
        or word in _IRREGULAR_PAST
    )


# How much of the text after a capitalized run _person_with_article reads.
_AFTER_RUN_CHARS = 40
_NEXT_WORD = re.compile(r"[^\S\n]*([a-z][a-z-]*)\b(?![\u2019'])")
# "The Nelson Mandela of our time", "a Tomas Varga of his generation"; not "of that
# time", which dates a thing ("the Congressional Records of that time").
_TYPE_OF_ITS_TIME = re.compile(
    r"[^\S\n]+of[^\S\n]+(?:our|his|her|their)[^\S\n]+"
    r"(?:times?|age|day|days|era|generation|century)\b"
)
# Words of the styles that persons are named with after an article.
_ARTICLED_STYLES = frozenset(
    "Lama Aga Mahatma Imam Ayatollah Prophet Maharaja Maharajah Negus Guru Swami".split()
)
# Lower-case words that may follow a person's name (see _is_noun_after_name).
_AFTER_A_NAME = frozenset(
    """of in on at to for with by from into about against between among through during under
    over after before since without within across towards toward upon like as and or but nor
    when while whose who whom which that if because though although where whereas than
    is was are were has have had will would shall should can could may might must does did
    do be been being himself herself alone once also then again still never always too not
    later often already even now here there ever soon first last yet so speaks spoke""".split()
)
# Offices that end a capitalized run besides _SPEAKS_FOR: "the Special Rapporteur".
_OFFICE_ENDS = frozenset(
    "rapporteur reporter coordinator co-ordinator mediator observer adviser advisor".split()
)


# Ranks that open other names too ("General Assembly", "Major Powers"): titles only
# before a name of two words or after another title ("General André Kolingba").
_RANKS = frozenset({"General", "Major"})
# Styles that lead a name as titles do: "the Right Honourable Jonas Berg", "the Reverend".
_STYLES = frozenset("Honourable Honorable Reverend Venerable".split())
_HIS_HER = frozenset({"His", "Her"})  # "His Excellency", "Her Majesty"
# A capitalized run right after these names a place or a companion, not who speaks.
_PLACE_PREPOSITIONS = frozenset(
    "in at into near across between among with within throughout".split()
)


# How many sentence starts may stand between a person's naming (or the last "he" that
# meant them) and a "he", "she" or "the minister" that still means them: the naming is
# in the same sentence or one of the two before. A reader follows "he" that far; further
# back (or across a paragraph) the UN speeches' "he" was as often someone else.
_REACH_SENTENCES = 2


def _reading_marks(
    text: str, quote_spans: list[tuple[int, int]], sentence_starts: Sequence[int]
) -> tuple[list[int], list[int]]:
    """Where the reporter's sentences start, and where paragraphs break, outside quotes.

    Sentences inside a quote are the quoted speaker's and do not put a naming further
    back (``President Ganilau said: “…five sentences…” The President noted:``); nor does
    a paragraph break next to a quote (a long quote opens and closes its own paragraphs).
    Where a document wraps its lines, a paragraph ends at a blank line; elsewhere at
    every line break.
    """
    quote_starts = [s for s, _ in quote_spans]
    starts = [s for s in sentence_starts if _outside_quotes(s, quote_spans, quote_starts)]
    breaks = []
    for m in _paragraph_break(text).finditer(text):
        if not _outside_quotes(m.start(), quote_spans, quote_starts):
            continue
        if _QUOTE_CLOSES_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue
        if _QUOTE_OPENS_AFTER.match(text, m.end()):
            continue
        breaks.append(m.start())
    return starts, breaks


def _paragraph_break(text: str) -> re.Pattern:
    """What ends a paragraph of ``text``: a blank line where it wraps its lines, else a
    line break."""
    return _BLANK_LINE if _wraps_lines(text) else _LINE_BREAK


_LINE_BREAK = re.compile(r"\n")
_QUOTE_CLOSES_BEFORE = re.compile(r"[\u201d\u2019][^\S\n]*\Z")
_QUOTE_OPENS_AFTER = re.compile(r"\s*[\u201c\u2018]")


def _in_reach(
    marks: tuple[list[int], list[int]], seen_at: int, at: int, across_paragraphs: bool
) -> bool:
    """Whether a referent last named or referred to at ``seen_at`` is still what a "he"
    (or "the minister") at ``at`` means: at most _REACH_SENTENCES reporter's sentences
    begun since (see :func:`_reading_marks`), and no paragraph break between unless
    ``across_paragraphs``."""
    starts, breaks = marks
    if seen_at < 0:
        return False
    begun = bisect.bisect_right(starts, at) - bisect.bisect_right(starts, seen_at)
    if begun > _REACH_SENTENCES:
        return False
    if across_paragraphs:
        return True
    k = bisect.bisect_right(breaks, seen_at)
    return k == len(breaks) or breaks[k] >= at


def _writes_short_paragraphs(text: str) -> bool:
    """Whether ``text`` writes news paragraphs: its median paragraph is at most
    _NEWS_PARAGRAPH_CHARS long, counting every paragraph (a blank line ends one where
    the document wraps its lines, else a line break), a quote's own too.

    A speech may have a short paragraph or two, but its paragraphs run longer (a median
    of 300 characters or less in 3% of the UN speeches of sessions 25-36, and in 1% of
    sessions 37-54, against 60-160 in news copy). Until quoter 22 the paragraphs were
    those of :func:`_reading_marks`, where a quote that opens a paragraph belongs to the
    one before: a short news text ("Marsh said the talks had failed.\n\n“We will not
    return.”") had one paragraph and was no news."""
    breaks = [m.start() for m in _paragraph_break(text).finditer(text)]
    bounds = [0, *breaks, len(text)]
    lengths = sorted(
        high - low for low, high in zip(bounds, bounds[1:], strict=False) if text[low:high].strip()
    )
    return len(lengths) >= 2 and lengths[len(lengths) // 2] <= _NEWS_PARAGRAPH_CHARS


def _across_short_paragraphs(
    text: str,
    marks: tuple[list[int], list[int]],
    quote_spans: list[tuple[int, int]],
    seen_at: int,
    at: int,
    current: str,
) -> bool:
    """Whether a "he" or "she" at ``at`` in a text of news paragraphs still means
    ``current``, last named or meant at ``seen_at`` before a paragraph break:
    ("Foreign Minister Mira Sandoval arrived on Friday.\n\nShe said ..."): at most
    _REACH_SENTENCES sentences back, the paragraphs from the naming on are short, and
    no other person is named between ("... Ben Dorn spoke.\n\nAs for Olga Strand, she
    said": not Dorn). A break between short paragraphs does not change the subject, as
    it so often does between the long paragraphs of a speech."""
    starts, breaks = marks
    if not _in_reach(marks, seen_at, at, across_paragraphs=True):
        return False
    k = bisect.bisect_right(breaks, seen_at)
    begins = breaks[k - 1] if k else 0
    while k < len(breaks) and breaks[k] < at:
        ends = breaks[k]
        # a sentence that opens with a quote mark is the quoted speaker's (quoter 20:
        # "She said ... . “That was the moment we knew.”" is one sentence of hers)
        sentences = sum(
            1
            for s in starts[bisect.bisect_left(starts, begins) : bisect.bisect_left(starts, ends)]
            if text[s] not in _QUOTE_OPENERS
        )
        if sentences > _SHORT_PARAGRAPH_SENTENCES or ends - begins > _SHORT_PARAGRAPH_CHARS:
            return False
        begins, k = ends, k + 1
    naming = _CAPITALIZED_RUN.match(text, seen_at)  # the naming itself, or a "He"
    low = naming.end() if naming else seen_at
    return not _person_named_between(text, quote_spans, low, at, current)


def _person_named_between(
    text: str, quote_spans: list[tuple[int, int]], low: int, high: int, current: str
) -> bool:
    """Whether a person other than ``current`` is named in ``text[low:high]`` outside
    quotes (two capitalized words that name no place or body, or a title and a name;
    see :func:`_person_of_run`)."""
    quote_starts = [s for s, _ in quote_spans]
    surname = current.split()[-1] if current else ""
    for m in _CAPITALIZED_RUN.finditer(text, low, high):
        if not _outside_quotes(m.start(), quote_spans, quote_starts):
            continue
        person = _person_of_run(_POSSESSIVE_END.sub("", m.group()).split())
        if person is not None and person.split()[-1] != surname:
            return True
    return False


_QUOTE_OPENERS = "\u201c\u2018"
_POSSESSIVE_END = re.compile(r"['\u2019]s\b")
# A short paragraph: at most two reporter's sentences and 400 characters (news writes a
# paragraph of one or two sentences of 20-30 words; a speech's paragraphs run longer).
_SHORT_PARAGRAPH_SENTENCES = 2
_SHORT_PARAGRAPH_CHARS = 400
# The median paragraph of a text that writes news paragraphs (see _writes_short_paragraphs).
_NEWS_PARAGRAPH_CHARS = 300


# Someone a later "he" or "she" may mean other than the last person named: an office
# held by the speaker's side ("my Prime Minister", "Our President") or a name of two or
# more capitalized words in the possessive ("Jawaharlal Nehru's speech", "South Africa's
# policy"). Broad on purpose: on 109 changed UN quotes, naming nobody after any such
# possessive was right far more often than the last named speaker (see the README).
# Led by the words' first letters and by "'s" (found fast) rather than by a lookbehind,
# which would be tried at every character of the text.
_OFFICE = re.compile(
    rf"(?:[Mm]y|[Oo]ur|[Tt]heir)\s+(?:[A-Za-z-]+\s+){{0,2}}(?i:{DESCRIPTOR_NOUNS})\b"
)
_POSSESSIVE_S = re.compile(r"'s\b")
# The capitalized words right before a possessive "'s", read backwards from it.
_NAME_BEFORE_POSSESSIVE = re.compile(
    rf"{_NAME_START}(?P<name>{_WORD}(?:{NAME_GAP}{_WORD}){{1,3}})\Z"
)


# A person named with an honorific anywhere ("that of Mr. Khrushchev. “We know,” he
# said"): a judge found most wrong UN speakers were a "he said" reaching back past one.
_HONOURED_NAME = re.compile(rf"(?:Mrs|Mr|Ms|Dr|Sir|Mme|Madame|Monsieur)\.?\s+(?P<name>{_NAME})")


def _other_referents(text: str, quote_spans) -> tuple[list[int], list[str]]:
    """Where someone else comes up (see the comment above _OFFICE), outside quotes, in
    text order, with the person's name ("" for an office)."""
    found = [
        (m.start(), "")
        for m in _OFFICE.finditer(text)
        if not (m.start() and text[m.start() - 1].isalnum())
    ]
    for m in _POSSESSIVE_S.finditer(text):
        before = _NAME_BEFORE_POSSESSIVE.search(text, max(0, m.start() - 120), m.start())
        if before is None:
            continue
        words = before.group("name").split()
        if words[0] in _NOT_NAMES or words[0] in _DETERMINER_WORDS:
            continue  # "The Secretary-General's report" names no one new
        if not all(map(_could_be_a_name, words)):
            continue  # "the Organization's report"
        found.append((before.start("name"), " ".join(words)))
    for m in _HONOURED_NAME.finditer(text):
        if m.start() and text[m.start() - 1].isalpha():
            continue  # inside a word
        words = m.group("name").split()
        if all(map(_could_be_a_name, words)):  # not "Mr. President"
            found.append((m.start("name"), " ".join(words)))
    found.sort()
    quote_starts = [a for a, _ in quote_spans]
    kept = [(at, name) for at, name in found if _outside_quotes(at, quote_spans, quote_starts)]
    return [at for at, _ in kept], [name for _, name in kept]


def _someone_else(referents, low: int, high: int, current: str) -> bool:
    """Whether someone other than ``current`` came up in ``text[low:high]``; the named
    person's own "Kofi Annan's report" (or "Annan's") is no one else."""
    starts, names = referents
    surname = current.split()[-1] if current else ""
    for k in range(bisect.bisect_left(starts, low), bisect.bisect_left(starts, high)):
        name = names[k]
        if not name or (name != current and name.split()[-1] != surname):
            return True
    return False


# Titles that say a person's gender, with or without their period: "Mrs. Gandhi",
# "Ms Ardern", "Sir Anthony". Not titles that also open place and body names (Prince
# Edward Island, King's College, Lady Justice) or family names (Sheikh Hasina), nor the
# French "M.", which reads like an initial ("Anna M. Kovacs").
_FEMALE_TITLES = "Mrs|Ms|Miss|Mme|Madam|Madame|Dame"
_MALE_TITLES = "Mr|Sir|Monsieur"


def _title_gender(text: str, start: int, end: int, name: str) -> str:
    """ "f" or "m" when a gendered title stands right before the name in its event
    (which may start at the name, or at the verb of "said Mrs. X", or at "according
    to"), else ""."""
    first = name.split()[0] if name.split() else ""
    if not first:
        return ""
    # One pattern for every name (compiling one per name cost more than attribution):
    # each title in the window is checked for the name's first word after it.
    for m in _GENDERED_TITLE.finditer(text, max(0, start - 12), min(len(text), end + 80)):
        if text.startswith(first, m.end()) and not _continues_word(text, m.end() + len(first)):
            return "f" if m.group("f") else "m"
    return ""


_GENDERED_TITLE = re.compile(rf"(?<![\w.])(?:(?P<f>{_FEMALE_TITLES})|(?P<m>{_MALE_TITLES}))\.?\s+")


def _continues_word(text: str, at: int) -> bool:
    """Whether a word goes on at ``at`` (the end of "Li" in "Lind" does not end a word)."""
    return at < len(text) and (text[at].isalnum() or text[at] == "_")


def _pronoun_gender(text: str, start: int) -> str:
    """ "f" for an event that starts with "she", "m" for "he", "" otherwise ("the minister")."""
    word = text[start : start + 4].lower()
    if word.startswith("she") and not word[3:4].isalpha():
        return "f"
    if word.startswith("he") and not word[2:3].isalpha():
        return "m"
    return ""


_POSSESSIVE = re.compile(r"'s\b")
_DETERMINER_WORDS = frozenset("The This That These Those Its Their Our A An".split())


def _opens_without_subject_name(text: str, start: int) -> bool:
    """Whether the sentence at ``start`` opens as no mention can: a word such as "The",
    "We" or "In" (see _NO_SUBJECT_NAME) and then a lower-case word that is no particle
    of a name ("We believe", "The talks"), where a title, a name or an appositive's
    comma would have to stand, and no opening phrase before a subject (see
    _OPENING_PHRASE: "In the capital, Karel Duvnjak ..."). Most sentences open so; the
    check spares them the mention pattern, the slowest part of reading who is quoted."""
    words = text[start : start + 40].lstrip(" \t\n\u201c\u2018(").split(None, 2)
    if not (
        len(words) >= 2
        and words[0] in _NO_SUBJECT_WORDS
        and words[1][:1].islower()
        and words[1] not in _PARTICLES
    ):
        return False
    if (
        words[0] == "The"
        and _LOWER_TITLE_HEAD.search(text, start, start + 40)
        and _LOWER_CASE_TITLE_LOOK.match(text, text.find("The", start) + 3)
    ):
        return False  # "The foreign minister Ana Ruiz arrived.": a title in lower case
    if words[0] in _NOT_OPENING_WORDS:
        return True
    # An opening phrase ends at the sentence's first comma (its words hold none), within
    # _OPENING_REACH, and a capital letter follows it (found in C before the pattern).
    comma = text.find(",", start, start + _OPENING_REACH)
    if comma < 0:
        return True
    after = text[comma + 1 : comma + 8].lstrip()
    if after[:1].islower() and not after.startswith("d'"):
        # unless a title in lower case leads the subject: "In the capital, fisheries
        # minister Jan Marsh ..." (quoter 22)
        return _LOWER_CASE_TITLE_LOOK.match(text, comma + 1) is None
    return _OPENING_LOOK.match(text, start) is None  # see _may_open_with_phrase


def _may_open_with_phrase(text: str, start: int) -> bool:
    """Whether the sentence at ``start`` may open with a short phrase set off by a comma
    before its subject ("In the capital, Karel Duvnjak ...": see _OPENING_PHRASE),
    followed by a capital letter as every subject of _MENTION_AFTER_OPENING is."""
    return _OPENING_LOOK.match(text, start) is not None


def _refers_back(events: list[tuple[int, int, str, str]]) -> bool:
    """Whether an event needs someone named before it: a pronoun, an office or a bare
    title ("he said", "the minister said", "The President said"), or a name of one word
    that an earlier full name may complete ("Holt said")."""
    return any(
        kind in ("pronoun", "office", "title") or (kind == "name" and " " not in name)
        for _, _, kind, name in events
    )


def _sentences_a_body_may_open(
    events: list[tuple[int, int, str, str]],
    sentence_starts: Sequence[int],
    quote_spans: list[tuple[int, int]],
    quote_starts: list[int],
) -> set[int]:
    """The starts of the sentences whose subject may be a body that an event means: the
    sentence of each "it said" or "the ministry said" and the two reporter's sentences
    before it, as far as a body stays in reach (see _in_reach). Reading every sentence's
    opening for a body only because a speech says "It calls upon ..." somewhere cost a
    twentieth of the quote finder's time."""
    found: set[int] = set()
    for start, _, kind, _ in events:
        if kind not in ("it", "body"):
            continue
        k = bisect.bisect_right(sentence_starts, start) - 1
        reporters = 0  # sentences outside quotes, as _in_reach counts them
        while k >= 0 and reporters <= _REACH_SENTENCES:
            found.add(sentence_starts[k])
            reporters += _outside_quotes(sentence_starts[k], quote_spans, quote_starts)
            k -= 1
    return found


def _mentions(
    text: str,
    sentence_starts,
    limit: int,
    persons: bool = True,
    bodies: Collection[int] = (),
) -> list[tuple[int, int, str, str]]:
    """Someone named as a sentence's subject, without a reporting verb: by title or
    appositive ("Foreign Minister Anna Kovacs signalled flexibility.", "Greta Lind, the
    foreign minister, read a statement.") or by a person's full name ("Dana Kowal struck
    a conciliatory tone."). A later "she said" refers to them. A surname alone ("Kowal
    rejected the criticism.") is a "surname" event: a mention only if the text named the
    person in full before (see :func:`_speech_events`). In the sentences that start at
    ``bodies``, also a body with an owner (see :func:`_body_mention`); without
    ``persons``, only those."""
    out = []
    for start in sentence_starts:
        if start >= limit:
            break
        if start in bodies and (found := _body_mention(text, start)):
            out.extend(found)
            continue
        if not persons or _opens_without_subject_name(text, start):
            continue
        m = _MENTION.match(text, start)  # also "In Ostria, Karel Duvnjak struck"
        if m is not None:
            if not _finite_verb(m.group("verb")) and _OPENING_LOOK.match(text, start):
                m = _MENTION_AFTER_OPENING.match(text, start)  # "After the talks, Karel ..."
            if m is not None and _finite_verb(m.group("verb")):
                found = _mention_of(m)
                if found:
                    out.extend(found)
                    continue
        if (
            text.startswith("The ", start) or text.find("'s ", start, start + _LONGEST_OWNER) >= 0
        ) and _OFFICE_HEAD.search(text, start, start + _LONGEST_OFFICE_SUBJECT):
            # "The Valdorian foreign minister was ...", "Ostria's fisheries minister, X, ..."
            out.extend(_office_mention(text, start))
    return out


def _mention_of(m: re.Match) -> list[tuple[int, int, str, str]]:
    """The mention that a match of _MENTION or _MENTION_AFTER_OPENING gives, if any."""
    group = next(g for g in ("name", "honoured", "named", "plain") if m.group(g))
    raw = m.group(group)
    if group == "plain":
        raw = _without_owner(raw)  # "Valdoria's Elena Marsh": the owner is no name
    if _POSSESSIVE.search(raw) or raw.split()[0] in _DETERMINER_WORDS:
        return []  # "President Doe's Government", "The Russian Federation, led by ..."
    if group == "plain":
        # Only a past form: a present in -s is as often a plural noun after an
        # adjective ("Several Kestrian leaders", "Kestrian troops").
        if _past_form(m.group("verb")):
            return _plain_mention(m.start(group), m.end(group), raw)
        return []
    name = _clean_name(raw)
    # "Mr. Gromyko indulges …": an honorific makes one word a person's name.
    whole = " " in name or (group == "honoured" and name)
    if whole and all(_could_be_a_name(w) for w in name.split()):
        return [(m.start(group), m.end(group), "mention", name)]
    return []


def _office_mention(text: str, start: int) -> list[tuple[int, int, str, str]]:
    """The mention of an office with an owner as the subject of the sentence at
    ``start`` ("The Valdorian foreign minister was more guarded.", "Valdoria's foreign
    minister flew home."; its holder when set off after it: "Ostria's fisheries minister,
    Tomas Brenner, disagreed."): an "office_mention", whom :func:`_speech_events` resolves as
    it does the office before a reporting verb. :func:`_mentions` reads only sentences
    that open with "The" or have a possessive in their first _LONGEST_OWNER characters."""
    m = _OFFICE_SUBJECT.match(text, start)
    if m is None or not _finite_verb(m["verb"]) or _owned_kind(m) != "office":
        return []
    if m["holder"]:  # "Ostria's fisheries minister, Tomas Brenner, disagreed."
        holder = _clean_name(m["holder"])
        if holder and all(_could_be_a_name(w) for w in holder.split()):
            return [(m.start("holder"), m.end("holder"), "mention", holder)]
        return []
    name = _owned_body_name(m)
    return [(m.start("owner"), m.end("head"), "office_mention", name)] if name else []


def _body_mention(text: str, start: int) -> list[tuple[int, int, str, str]]:
    """The mention of a body with an owner as the subject of the sentence at ``start``,
    with no reporting verb ("The Kestrian Foreign Ministry issued a statement.", "Kestria's
    foreign ministry, in a post on social media, rejected ...", "The Kestrian Ministry of
    Foreign Affairs summoned ..."): a "body_mention", which gives a later "it said" and
    "the ministry said" the body to mean (quoter 21), named as before a reporting verb
    (see :func:`_owned_body_name`). Read only in sentences that open with "The" or have
    a possessive in their first _LONGEST_OWNER characters, and a body's head word after."""
    if not (
        text.startswith("The ", start) or text.find("'s ", start, start + _LONGEST_OWNER) >= 0
    ) or not _BODY_HEAD.search(text, start, start + _LONGEST_OFFICE_SUBJECT):
        return []
    m = _BODY_SUBJECT.match(text, start)
    if m is None or not _finite_verb(m["verb"]):
        # "The Ministry of Foreign Affairs of Kestria summoned ..." (quoter 22)
        of_place = _MINISTRY_SUBJECT.match(text, start)
        if of_place is None or not _finite_verb(of_place["verb"]):
            return []
        ministry = _ministry_of_place(text, start, of_place.start("place"), of_place["place"])
        return (
            [(ministry[0], of_place.end("place"), "body_mention", ministry[1])] if ministry else []
        )
    name = _owned_body_name(m)
    return [(m.start("owner"), m.end("head"), "body_mention", name)] if name else []


def _without_owner(raw: str) -> str:
    """The capitalized words ``raw`` without a possessive owner that leads a person's full
    name ("Valdoria's Elena Marsh" -> "Elena Marsh"); ``raw`` when none leads."""
    owner, _, rest = raw.partition(" ")
    if owner.endswith(("'s", "\u2019s")) and " " in rest.strip():
        return rest.strip()
    return raw


def _plain_mention(start: int, end: int, raw: str) -> list[tuple[int, int, str, str]]:
    """The mention of a sentence's subject named without a title or an appositive: a
    person's full name ("Dana Kowal", two capitalized words that name no place, body or
    thing: not "South Africa", "Viet Nam"), or a single word that may be a surname (a
    "surname" event)."""
    words = raw.split()
    while words and words[0] in _NOT_NAMES:
        words = words[1:]  # "Later Dana Kowal", "Meanwhile Kowal"
    if len(words) == 2 and words[0] in _RANKS:
        words = words[1:]  # "General Lund": the surname, expanded to the full name if given
    if len(words) == 1 and _could_be_a_name(words[0]) and words[0] not in _NOT_PERSON_WORDS:
        return [(end - len(words[0]), end, "surname", words[0])]
    person = _person_of_run(words)
    if person is None or " " not in person:
        return []
    return [(end - len(person), end, "mention", person)]


def _outside_quotes(pos: int, quote_spans: list[tuple[int, int]], quote_starts: list[int]) -> bool:
    i = bisect.bisect_left(quote_starts, pos) - 1
    return i < 0 or not quote_spans[i][0] < pos < quote_spans[i][1]


def _may_have_events_in(
    text: str, quote_spans: list[tuple[int, int]], windows: list[tuple[int, int]]
) -> bool:
    """False when :func:`_speech_events` has no event that starts in one of the
    ``(low, high)`` windows.

    Each window is searched on its own: verb events are found there exactly (they
    depend only on the text around the verb); an attribution phrase counts as soon as
    it starts there, whatever follows it.
    """
    quote_starts = [s for s, _ in quote_spans]
    for low, high in windows:
        # An event starts at most _EVENT_REACH characters before its verb.
        for start, *_ in _verb_events(text, low, high + _EVENT_REACH):
            if low <= start < high and _outside_quotes(start, quote_spans, quote_starts):
                return True
        for pattern, initials in _ATTRIBUTION_PHRASES:
            for m in pattern.finditer(text, low + 1, high + _LONGEST_PHRASE):
                start = m.start() - 1  # the phrase's first letter, left out of the literal
                if start < high and text[start] in initials:
                    return True
    return False


def _verb_events(text: str, low: int, high: int) -> list[tuple[int, int, str, str]]:
    """``(start, end, kind, name)`` of each "Name said", "said Name", "he said" and
    "the minister said" whose verb starts in ``[low, high)``; ``kind`` is "name" or
    "pronoun"."""
    out = []
    # Up to ``high`` and one character past the longest verb, which the lookahead
    # after a verb needs: hits from the same verbs as a search of the whole text.
    hits = _EVENT_VERB.finditer(text, max(low - 1, 0), high + _LONGEST_VERB + 1)
    if low == 0:
        first = _EVENT_VERB_AT_START.match(text)
        hits = chain([first] if first else [], hits)
    for hit in hits:
        v, ve = hit.span(1)
        if v >= high:
            break
        before = text[v - 1] if v else " "
        if before.isalnum() or before == "_":
            continue  # inside a longer word
        word = hit[1]
        if before.isspace() and (word in REPORTING_VERBS or _puts_it(text, word, ve)):
            out.extend(_events_ending_at(text, v, ve))
            out.extend(_relative_clause_events(text, v, ve))
            out.extend(_events_past_a_work(text, v, ve))
        if word in PARTICIPLE_VERBS and text[v - 2 : v] == ", ":
            out.extend(_clause_subject_events(text, v, ve))
        elif text[v - 5 : v] == " and " and word in REPORTING_VERBS and _past_form(word):
            # "Ana Ruiz met the envoys and said": the clause's subject (quoter 23)
            out.extend(_clause_subject_events(text, v, ve, coordinated=True))
        if word in INVERTING_VERBS and (v == 0 or _AFTER_QUOTE_OR_COMMA.search(text, v - 8, v)):
            # "…,” said Lavrov", "…, said Lavrov", "… - said Lavrov -", "(said Lavrov)",
            # "so wrote Seneca"; not "Scholz said Germany would help".
            event = _inverted_event(text, v, ve)
            if event is not None:
                out.append(event)
    return out


def _inverted_event(
    text: str, verb_start: int, verb_end: int, end: int | None = None
) -> tuple[int, int, str, str] | None:
    """The event of an inverted reporting verb, read up to ``end``: the name after it
    ("said Lavrov"), a body, or a description that refers back as "the minister said"
    does ("said the minister.")."""
    end = len(text) if end is None else end
    m = _inverted_name(text, verb_end, end)
    if m is not None and (name := _clean_name(m.group("name"))):
        return (verb_start, m.end(), "name", name)
    # An office or a ministry of a place: "said the Foreign Minister of Cuba" (quoter 22).
    of_place = _INVERTED_OF_PLACE.match(text, verb_end, end)
    if of_place is not None and (name := _speaker_of_place(of_place)):
        return (verb_start, of_place.end(), "name", name)
    # A body or office in lower case: "said the Kestrian foreign ministry", "said the
    # ministry" (see _owned_body_events).
    owned = _INVERTED_OWNED_BODY.match(text, verb_end, end)
    if owned is not None and (name := _owned_body_name(owned)):
        return (verb_start, owned.end(), _owned_kind(owned), name)
    if owned is not None and (name := _titled_body(owned)):
        return (verb_start, owned.end(), "body", name)  # "said the Prime Minister's office"
    bare = _INVERTED_BARE_BODY.match(text, verb_end, end)
    if bare is not None:
        return (verb_start, bare.end(), "body", _bare_body_name(bare["body"]))
    described = _INVERTED_DESCRIPTOR.match(text, verb_end, end)
    if described is not None:
        return (verb_start, described.end(), "pronoun", "")
    return None


# "said the Foreign Minister of Cuba", "said the foreign minister of Cuba", "said the
# Ministry of Foreign Affairs of Kestria", "said the representative of Cuba": up to four
# words after an article, "of", and the name of the place or body, which ends the phrase
# (quoter 22).
_INVERTED_OF_PLACE = re.compile(
    rf"{NAME_GAP}(?P<before>(?:the|a|an){NAME_GAP}(?:[\w'\u2019-]+{NAME_GAP}){{1,6}}?"
    rf"of{NAME_GAP}(?:the{NAME_GAP})?)(?P<name>{_NAME})"
    r"(?=[^\S\n]*(?:[,.;:!?)\u2014]|\Z)|[^\S\n]+(?:on|in|at|during|after|before|late|earlier"
    r"|yesterday|today|last|this|when|while|as)\b)"
)


def _speaker_of_place(m: re.Match) -> str:
    """Who speaks in an office or body "of" a place after an inverted verb (see
    _INVERTED_OF_PLACE), as before the verb: the office held by one person ("Foreign
    Minister of Cuba"), a ministry ("Ministry of Foreign Affairs of Kestria"), the
    country for its own voices ("said the representative of Cuba" gives Cuba); "" for
    anything else ("said the Charter of the United Nations")."""
    before, name = m["before"].split(), m["name"]
    if name.endswith(("'s", "\u2019s")):
        return ""  # "said the wife of Cuba's president"
    ministry = _ministry_of_place(m.string, m.start("before"), m.start("name"), name)
    if ministry is not None:
        return ministry[1]
    # the words between the article and the last "of": the whole office, or one of the
    # country's own voices, and nothing else ("the wife of the President of")
    of = len(before) - 1 - (before[-1] == "the")
    role = before[1:of]
    office = _office_words_before_of(before)
    if office and len(office) == len(role):
        # "said the Government of Cuba" gives Cuba, "said the Charter of ..." nobody
        speaks = _speaks_for(before[:of], name.split())
        if not speaks:
            return _body_before_of(before, name)  # "said the Council of Europe"
        return _office_of_body(before, name) or _clean_name(name)
    if len(role) <= 2 and all(w.islower() for w in role) and role[-1] in _SPEAKS_FOR:
        # "said the representative of Cuba": the country; "said the people of Cuba": the people
        return _people_of(before, name) or _clean_name(name)
    return ""


# "said the minister", "said the Kestrian spokesperson": a description with no name
# after it, and not the office of a place ("said the minister of ...").
_INVERTED_DESCRIPTOR = re.compile(
    rf"\s+{_DESCRIPTOR_PHRASE}(?![\w-])(?!\s+(?:of|for)\b)(?!,?{NAME_GAP}[A-Z])"
)


def _relative_clause_events(text: str, verb_start: int, verb_end: int) -> list[tuple]:
    """The event of a reporting verb whose subject is "who" ("Olof Palme, who said",
    "Mr. Gorbachev, who has stated"): the name right before "who" speaks, found as if
    "who" were not there, by the rules for a name right before a verb.

    Only a name counts: a description before "who" ("a brilliant diplomat who said",
    "the famous British politician who said") is someone new, not the one last named
    as a plain "the minister said" would be; nor does the last of two names joined by
    "and" or "or" ("the friend of Anna Berg and Karl Moser, who said": one of them, both
    or the friend)."""
    who = _WHO_BEFORE_VERB.search(text, max(0, verb_start - _LONGEST_WHO), verb_start)
    if who is None:
        return []
    floor = _after_person_preposition(text, who.start())
    events = [
        event
        for event in _events_ending_at(text, who.start(), verb_end, floor)
        if event[2] == "name" and not _after_coordination(text, event[0])
    ]
    if not events:
        events = _person_before_appositive_who(text, who.start(), verb_end)
    return events


# A line break that wraps a line of a paragraph, not a blank line that ends it.
_LINE_WRAP = r"\n(?![^\S\n]*\n)"
# A name, then an appositive of any words set off by commas, right before "who": "Tomas
# Varga, the humble poet of Lower Tarsk, who said", "Olaf Brenn, recently deceased, who
# wrote", "Anna Kovacs, Tarsk's great statesman, who said". The appositive opens with a
# lower-case word or a possessive, so a list of names ("France, Chile, who") is none.
_NAME_BEFORE_APPOSITIVE_WHO = re.compile(
    rf"{_NAME_START}(?P<name>{_NAME}),\s+"
    rf"(?:[a-z]|{_WORD}(?:'|\u2019)s\s)(?:[^,.;:\n\u201c\u201d]|{_LINE_WRAP}){{0,80}},\s*\Z"
)


def _person_before_appositive_who(text: str, who_start: int, verb_end: int) -> list[tuple]:
    """The event of a "who" after a name and an appositive without a role word (see
    _NAME_BEFORE_APPOSITIVE_WHO): "who" means the name, as it does right after it.

    Only a person counts (two capitalized words that name no place or body, or a title
    and a name), and not one after a preposition of place or after "and"/"or": in a
    clause that names no role, a place or a list is too easily taken for a person."""
    m = _NAME_BEFORE_APPOSITIVE_WHO.search(text, max(0, who_start - _EVENT_REACH), who_start)
    if m is None or _after_coordination(text, m.start("name")):
        return []
    before = text[max(0, m.start("name") - _EVENT_REACH) : m.start("name")].split()
    if before and before[-1] in _DETERMINERS:
        before = before[:-1]
    if before and before[-1] in _PLACE_PREPOSITIONS:
        return []  # "a farmer in Lower Tarsk, a quiet town, who said"
    name = _clean_name(m.group("name"))
    if not name or _person_of_run(m.group("name").split()) is None:
        return []
    return [(m.start("name"), verb_end, "name", name)]


def _events_past_a_work(text: str, verb_start: int, verb_end: int) -> list[tuple]:
    """The events of a subject set off from its reporting verb by a phrase that names
    where the words were written or said ("Marta Ilves, in her Letters from Tarsk,
    asked", "the Prime Minister of Tarsk, in a letter to me, wrote", "the Kestrian
    foreign ministry, in a statement, said", "Erik Lund, speaking to reporters, said"):
    the subject before the phrase speaks, read as if the phrase were not there."""
    low = max(0, verb_start - _LONGEST_IN_A_WORK)
    if (
        text.find(", in ", low, verb_start) < 0
        and text.find(",\nin ", low, verb_start) < 0
        and text.find(", speaking ", low, verb_start) < 0
    ):
        return []  # found in C: most verbs have no such phrase before them
    phrase = _IN_A_WORK.search(text, low, verb_start)
    if phrase is None:
        return []
    return _events_ending_at(text, phrase.start(), verb_end)


# ", in his report,", ", in a letter to the Council,", then the adverbs and auxiliaries
# a subject may have before its verb. Only "in" and a determiner, a possessive ("in
# Tuesday's statement") or a plural noun of speech ("in remarks to reporters"): what
# follows is a work or an occasion of the subject's, not a place ("in Geneva") or a
# time. Or the subject's own participle of speaking ("speaking to reporters", "speaking
# in Geneva"), whose place or audience is no speaker either.
_IN_A_WORK = re.compile(
    r"(?<=,\s)(?:in\s+(?:his|her|its|their|an?|the|[A-Z][\w-]*(?:'|\u2019)s)\s"
    r"|in\s+(?:statements|remarks|comments|interviews|separate|written|televised)\s"
    r"|speaking\s)"
    rf"(?:[^,.;:\n\u201c\u201d]|{_LINE_WRAP}){{1,80}},{_ADVERB}\s+\Z"
)
_LONGEST_IN_A_WORK = 160  # "in", a determiner, the phrase, adverbs and auxiliaries


# "who", perhaps after a comma, then the adverbs and auxiliaries a subject may have
# before its verb ("who once said", "who convincingly has stated").
_WHO_BEFORE_VERB = re.compile(rf"(?<![\w'\u2019-])who{_ADVERB}\s+\Z")
_LONGEST_WHO = 60  # "who" and the longest adverb and auxiliaries after it


def _after_person_preposition(text: str, who_start: int) -> int:
    """Where the name before "who" may be read from: past the last preposition before it
    that takes a person ("I agree with President Roosevelt, who said", "a tribute to
    Olof Palme, who wrote"), or 0.

    A name after a preposition is no subject of a verb after it ("Lavrov, speaking to
    Blinken, said"), but "who" means it all the same; only a place ("an official in
    Baidoa who said") is still no speaker, as _object_of_preposition finds."""
    low = max(0, who_start - _EVENT_REACH)
    for m in reversed(list(_LOWER_CASE_WORD.finditer(text, low, who_start))):
        word = m.group()
        if word in _PERSON_PREPOSITIONS:
            return m.end()
        if word in _PREPOSITIONS:
            return 0
    return 0


_LOWER_CASE_WORD = re.compile(r"(?<![\w'\u2019-])[a-z]+(?![\w'\u2019-])")
# Prepositions that take a person as often as a place: "agree with", "a tribute to",
# "as stated by", "a message for" (not "in", "at", "from", "near": places).
_PERSON_PREPOSITIONS = frozenset("with to by for about against".split())


def _after_coordination(text: str, name_start: int) -> bool:
    """Whether the name at ``name_start`` follows "and" or "or": the last of a list."""
    before = text[max(0, name_start - _EVENT_REACH) : name_start].split()[-1:]
    return before in (["and"], ["or"])


def _inverted_name(text: str, pos: int, end: int) -> re.Match | None:
    """The name after an inverted reporting verb, past the titles before it ("said
    French Foreign Minister Anna Berg", "said Deputy Prime Minister Anna Berg"): the
    titles would leave too few of a name's four words for the name itself; past a
    description in lower case too, as news writes it ("said spokesperson Ilse Varga",
    "said foreign ministry spokesperson Ilse Varga", "said the spokesperson, Ilse
    Varga"), which would otherwise hide the name or give its first capitalized word
    ("Kestrian" of "said Kestrian ministry spokesperson Ilse Varga")."""
    titled = _INVERTED_TITLED_NAME.match(text, pos, end)
    if titled and _could_be_a_name(titled.group("name").split()[0]):
        return titled
    described = _INVERTED_DESCRIBED_NAME.match(
        text, pos, end
    ) or _INVERTED_DESCRIBED_APPOSITIVE.match(text, pos, end)
    if described and _could_be_a_name(described.group("name").split()[0]):
        return described
    if _INVERTED_OWNED_BODY.match(text, pos, end):
        return None  # "said Kestria's foreign ministry": no "Kestria"
    return _INVERTED_NAME.match(text, pos, end)  # also "said Prime Minister": titles only


# Occupations that describe a speaker after an inverted verb ("said lawyer Ana Kos"), but
# that do not refer back as "the minister said" does: "the lawyer" is someone new.
_OCCUPATIONS = (
    "lawyer|attorney|analyst|economist|expert|professor|researcher|witness|resident|activist|"
    "lawmaker|legislator|mayor|governor|senator|commander|general|colonel|adviser|advisor|aide|"
    "director|chief|founder|candidate|campaigner|organi[sz]er|observer|historian|journalist|"
    "editor|correspondent|author|mediator|monitor|investigator|prosecutor|judge"
)
# A description before a name after an inverted verb: an article or a possessive, up to
# three words ("Kestrian foreign ministry"), a descriptor, then the name, right after it
# ("said ministry spokesperson Ilse Varga") ...
_DESCRIPTION_WORDS = (
    rf"(?:(?:the|a|an){NAME_GAP})?"
    rf"(?:(?!(?:and|or|but|who|which|that)\b)[\w'\u2019-]+{NAME_GAP}){{0,3}}"
)
_INVERTED_DESCRIBED_NAME = re.compile(
    rf"{NAME_GAP}{_DESCRIPTION_WORDS}(?i:{DESCRIPTOR_NOUNS}|{_OCCUPATIONS}){NAME_GAP}"
    rf"(?:{_HONORIFIC_DOT}\s+)?(?P<name>{_NAME})"
)
# ... or set off by commas, perhaps after the body the describer serves ("said the
# spokesperson, Ilse Varga.", "said a spokesman for the ministry, Jonas Eklund,"): the
# name ends the appositive, so a clause after the comma ("said the minister, Kestria
# would wait") names nobody.
# Any noun may describe the speaker there when a determiner leads it ("said their lawyer,
# Ana Kos.", "said a witness, Ana Kos,").
# After the comma, a description with an article may stand before the name (quoter 20):
# "said the commission's chair, the Norwegian marine biologist Ingrid Sola". It ends
# with a noun in lower case, not a word that would make the rest a clause or a thing's
# name ("said the minister, the stocks of Kestria").
_DESCRIBED_BEFORE_NAME = (
    rf"(?:(?:the|a|an){NAME_GAP}(?:[\w'\u2019-]+{NAME_GAP}){{0,3}}?"
    r"(?!(?:of|for|in|on|at|to|by|with|from|and|or|but|that|who|which|whose|is|are|was|were"
    r"|has|have|had|will|would|not)\b)"
    rf"[a-z][\w'\u2019-]*{NAME_GAP})?"
)
_INVERTED_DESCRIBED_APPOSITIVE = re.compile(
    rf"{NAME_GAP}(?:{_DESCRIPTION_WORDS}(?i:{DESCRIPTOR_NOUNS}|{_OCCUPATIONS})"
    rf"|(?:the|a|an|his|her|their|its){NAME_GAP}(?:[a-z][\w'\u2019-]*{NAME_GAP}){{0,3}}[a-z][\w-]*)"
    r"(?:\s+(?:for|of|at|to)\s+[^,.;:\n\u201c\u201d]{1,40})?,\s+"
    rf"{_DESCRIBED_BEFORE_NAME}(?:{_HONORIFIC_DOT}\s+)?(?P<name>{_NAME})(?=\s*(?:[,.;:!?)\u2014]|\Z))"
)


def reporting_events(
    text: str, verb_spans: Iterable[tuple[int, int]], low: int = 0
) -> list[tuple[int, int, str, str]]:
    """Who is named right before each reporting verb: ``(start, end, kind, name)``.

    The attribution rules of :func:`find_quotes`, for other measures that want the
    subject of a reporting verb ("Lavrov compared ...").

    Parameters:
        text: normalized text.
        verb_spans: ``(start, end)`` of lower-case verbs, each after a space (the
            caller decides which verbs report speech).
        low: where the text may start to be read (a sentence start, say).

    Returns:
        In text order: ``kind`` "name" with the cleaned name ("Mr. Sergey Lavrov,
        the foreign minister, said" -> "Sergey Lavrov"), or "pronoun" with "" for
        "he"/"she"/"the minister", which the caller resolves.

    Example:
        >>> reporting_events("Later Mr. Lavrov said no.", [(17, 21)])
        [(10, 21, 'name', 'Lavrov')]
    """
    out = []
    for start, end in verb_spans:
        for event_start, event_end, kind, name in _events_ending_at(text, start, end, low):
            if kind == "office":  # "the Russian foreign minister": as "the minister"
                out.append((event_start, event_end, "pronoun", ""))
            elif kind not in ("body", "it"):  # "the ministry", "it": the caller resolves no body
                out.append((event_start, event_end, kind, name))
    return sorted(out)


def _puts_it(text: str, word: str, verb_end: int) -> bool:
    """ "As Lavrov put it, …": "put it" reports words as a reporting verb does (not
    in "to put it bluntly")."""
    return (
        word == "put"
        and _IT_AFTER.match(text, verb_end) is not None
        and _TO_BEFORE.search(text, max(0, verb_end - 8), verb_end - 3) is None
    )


_IT_AFTER = re.compile(r" it(?!\w)")
_AFTER_QUOTE_OR_COMMA = re.compile(r"(?:[\u201d\u2019,\u2014(-]|\b(?:[Ss]o|[Tt]hus))\s*\Z")
_TO_BEFORE = re.compile(r"(?<![^\W\d_])[Tt]o\s+\Z")


def speaker_after(text: str, start: int, end: int) -> str:
    """The speaker named after a reporting verb that follows a comma, quote or dash in
    ``text[start:end]`` ("Sanctions are like a siege, said Pavel Dorn." -> "Pavel
    Dorn"); "" when there is none.

    Example:
        >>> speaker_after("It is a siege, said Mr. Dorn, a diplomat.", 0, 41)
        'Dorn'
    """
    for m in _INVERTED_AFTER_MARK.finditer(text, start, end):
        if m.group(1) in INVERTING_VERBS:
            event = _inverted_event(text, m.start(1), m.end(1), end)
            if event is not None and event[2] == "name":
                return event[3]
    return ""


_INVERTED_AFTER_MARK = re.compile(r"[,\u201d\u2019\u2014(-]\s*([a-z]+)(?!\w)")


def _events_ending_at(text: str, verb_start: int, verb_end: int, floor: int = 0) -> list[tuple]:
    """The events whose reporting verb starts at ``verb_start``: a name, a pronoun or
    a descriptor right before it (read from ``floor`` at the earliest)."""
    low = _word_start(text, max(floor, verb_start - _EVENT_REACH), verb_start)
    # Each pattern ends with its last word (a name, "he", a descriptor), perhaps an
    # adverb, and spaces: that word ends one of the last two words before the verb.
    # Testing those first spares most searches, which try every position of the window.
    last_words = text[low:verb_start].rsplit(None, 2)[-2:]
    out = []
    appositive = None
    if _may_close_appositive(last_words):
        m = _NAME_BEFORE_APPOSITIVE.search(text, low, verb_start) or _long_appositive(
            text, low, verb_start
        )
        if m and not _object_of_preposition(text, low, m.start(), m.group("name")):
            name = _clean_name(m.group("name"))
            if name:
                appositive = (m.start(), verb_end, "name", name)
    if not all(word.islower() for word in last_words):  # a capital letter
        m = _NAME_BEFORE_VERB.search(text, low, verb_start)
        if m and (past := _past_false_initial(text, m)) > m.start():
            # "in Annex I. Lavrov said": the name starts after the letter, not after "in"
            m = _NAME_BEFORE_VERB.search(text, past, verb_start)
        # A name inside the appositive ("Casey, the Foreign Minister of Australia,
        # said") is not the speaker: the one it describes is.
        inside = appositive is not None and m is not None and m.start() > appositive[0]
        if m and not inside and _person_before_of(text, low, m.start()):
            # "President Jose Sarney of Brazil said": the person, not the place.
            m = _NAME_OF_PLACE.search(text, low, verb_start)
        if m and not inside and not _object_of_preposition(text, low, m.start(), m["name"]):
            # An office may be longer than the window: the person it describes is read
            # further back ("Jonas K. Berg, General Secretary of the Central Committee of
            # ... of the Northern and Southern Republics of Tarsk, has said").
            before = text[_word_start(text, max(floor, low - _EVENT_REACH)) : m.start()].split()
            if _office_is_object(before):
                # "a message addressed to the Secretary-General of the United Nations,
                # said": the office and its body are what the sentence mentions
                name = ""
            else:
                name = _office_of_body(before, m["name"]) or _clean_name(
                    _rejoined(before, _without_service(text, low, m.start(), m.group("name")))
                )
            if name:
                out.append((m.start(), verb_end, "name", name))
        elif m and not inside and (ministry := _ministry_of_place(text, low, m.start(), m["name"])):
            # "the Ministry of Foreign Affairs of Kestria said": the ministry, not Kestria
            out.append((ministry[0], verb_end, "name", ministry[1]))
        elif m and not inside and (posted := _office_posted_in(text, low, m.start())):
            # "the ambassador of Tarsk in Norland said": the office, not Norland
            out.append((posted[0], verb_end, "name", posted[1]))
        elif m and not inside and (body := _body_of_place(text, low, m.start(), m["name"])):
            # "the Council of Europe said": the body, not Europe
            out.append((body[0], verb_end, "name", body[1]))
    if appositive:
        out.append(appositive)
    if any(word.endswith(("he", "He")) for word in last_words):  # he, she
        m = _PRONOUN_BEFORE_VERB.search(text, low, verb_start)
        if m:
            out.append((m.start(), verb_end, "pronoun", ""))
    if "it" in last_words or "It" in last_words:
        # Only a verb in the past: in a speech "it" before a present ("It calls upon all
        # States", "it states") is mostly a document's, whose words are nobody's.
        m = _IT_BEFORE_VERB.search(text, low, verb_start)
        if m:
            out.append((m.start(), verb_end, "it", ""))
    owned = _owned_body_events(text, low, verb_start, verb_end, last_words)
    # "Sergey Lavrov, Russia's foreign minister, said": the office describes the speaker.
    out.extend(e for e in owned if appositive is None or e[0] < appositive[0])
    if not owned and not _DESCRIPTOR_WORDS.isdisjoint(last_words):
        m = _DESCRIPTOR_BEFORE_VERB.search(text, low, verb_start)
        if m:
            out.append((m.start(), verb_end, "pronoun", ""))
    return out


def _owned_body_events(
    text: str, low: int, verb_start: int, verb_end: int, last_words: list[str]
) -> list[tuple[int, int, str, str]]:
    """The event of a body or a one-person office written in lower case, as news style
    writes them, before a reporting verb: after a capitalized owner ("the Kestrian foreign
    ministry said", "Kestria's foreign minister said", "the Norland embassy in Kestria
    said") it is named as the capitalized form is ("Kestrian Foreign Ministry"); alone
    ("the ministry said") it means the body last named with that word (see
    :func:`_bare_body`). A ministry named by its portfolio is such a body, capitalized or
    not ("the Kestrian Ministry of Foreign Affairs said")."""
    if not (
        # heads in lower case: a capitalized one ("the Security Council said") is a name's
        any(word.rstrip(",") in _BODY_HEAD_WORDS for word in last_words)
        or _may_name_a_portfolio(text, low, verb_start, last_words)
        or (
            _may_have_body_aside(text, verb_start)
            and _OWNED_BODY_ASIDE.search(text, low, verb_start)
        )
    ):
        return []  # found in Python: most verbs have no body before them
    m = _OWNED_BODY_BEFORE_VERB.search(text, low, verb_start)
    if m is not None and not _object_of_preposition(text, low, m.start(), m["owner"]):
        name = _owned_body_name(m)
        if name:
            return [(m.start(), verb_end, _owned_kind(m), name)]
        if body := _titled_body(m):  # "the Prime Minister's office said" (quoter 22)
            return [(m.start(), verb_end, "body", body)]
    m = _BARE_BODY_BEFORE_VERB.search(text, low, verb_start)
    if m is not None:
        return [(m.start(), verb_end, "body", _bare_body_name(m["body"]))]
    return []


def _may_name_a_portfolio(text: str, low: int, verb_start: int, last_words: list[str]) -> bool:
    """Whether a ministry named by its portfolio may end right before the verb at
    ``verb_start``: a portfolio word is one of the last two words, and "ministry" or
    "department" comes before (found in C: "State" and "affairs" are common words)."""
    return (
        text.find("inistry", low, verb_start) >= 0 or text.find("epartment", low, verb_start) >= 0
    ) and not _PORTFOLIO_WORDS.isdisjoint(w.rstrip(",").lower() for w in last_words)


def _may_have_body_aside(text: str, verb_start: int) -> bool:
    """Whether "in" or "to" is one of the last four words before the verb at
    ``verb_start``, as in "the Norland embassy in Kestria said"."""
    words = text[max(0, verb_start - 60) : verb_start].split()[-4:]
    return "in" in words or "to" in words


# Bodies that speak, and offices held by one person, as news style writes them in lower
# case after a nationality or a possessive ("the Kestrian foreign ministry", "Kestria's
# foreign minister"). Not the descriptors many people are ("the Kestrian spokesperson",
# "the Kestrian official"): those refer back to who was named (see DESCRIPTOR_NOUNS).
_BODY_HEADS = (
    "ministry|embassy|consulate|government|cabinet|presidency|department|office|mission|"
    "military|army|navy|police|parliament|agency|council|commission|committee"
)
_OFFICE_HEADS = "minister|president|premier|chancellor|king|queen"
_BODY_WORDS_OF_HEADS = frozenset(_BODY_HEADS.split("|"))
_OFFICE_HEAD_WORDS = frozenset(_OFFICE_HEADS.split("|"))
_BODY_HEAD_WORDS = _BODY_WORDS_OF_HEADS | _OFFICE_HEAD_WORDS
# Lower-case words between the owner and the head: "foreign", "prime", "president's".
_HEAD_MODIFIER = (
    r"(?!(?:the|a|an|and|or|of|for|in|on|at|to|by|with|from|its|their|his|her|this|that|who"
    r"|which|has|have|had)\b)[a-z][a-z'\u2019-]*"
)
# A ministry or department named by its portfolio, capitalized or not (quoter 21): "the
# Kestrian Ministry of Foreign Affairs said" is the body, as "the Kestrian Foreign Ministry
# said" is; "Department of State", "ministry for foreign affairs and trade".
_PORTFOLIO_WORDS = frozenset(
    """foreign external home interior defence defense justice finance state trade economy
    information affairs relations cooperation co-operation commerce""".split()
)
_PORTFOLIO_WORD = rf"(?i:{'|'.join(sorted(_PORTFOLIO_WORDS))})"
_MINISTRY_OF = (
    rf"(?:[Mm]inistry|[Dd]epartment)\s+(?:of|for)\s+{_PORTFOLIO_WORD}"
    rf"(?:\s+(?:and\s+)?{_PORTFOLIO_WORD}){{0,3}}"
)
_OWNED_BODY = (
    rf"(?P<owner>{_WORD}(?:{NAME_GAP}{_WORD}){{0,2}}?)(?P<possessive>['\u2019]s)?"
    rf"\s+(?P<head>{_MINISTRY_OF}|(?:{_HEAD_MODIFIER}\s+){{0,2}}(?:{_BODY_HEADS}|{_OFFICE_HEADS}))"
    r"(?![\w-])"
)
# "the ministry", "the foreign ministry", "the Ministry of Foreign Affairs": a body with
# no owner.
_BARE_BODY = rf"(?P<body>{_MINISTRY_OF}|(?:{_HEAD_MODIFIER}\s+){{0,2}}(?:{_BODY_HEADS}))(?![\w-])"
# ... where the body is: "the Norland embassy in Kestria said".
_BODY_PLACE = rf"(?:\s+(?:in|to)\s+{_NAME})?"
_OWNED_BODY_ANYWHERE = re.compile(rf"{_NAME_START}{_OWNED_BODY}")
_OWNED_BODY_BEFORE_VERB = re.compile(rf"{_NAME_START}{_OWNED_BODY}{_BODY_PLACE},?{_ADVERB}\s+\Z")
# After an inverted verb: "said the Kestrian foreign ministry", "said the ministry", and
# not a descriptor before a name ("said the Kestrian president, Olga Strand"; see
# _INVERTED_DESCRIBED_APPOSITIVE).
_NO_NAME_AFTER = rf"(?!,?{NAME_GAP}(?:{_HONORIFIC_DOT}\s+)?[A-Z])"
_INVERTED_OWNED_BODY = re.compile(
    rf"{NAME_GAP}(?:(?:the|a|an){NAME_GAP})?{_OWNED_BODY}{_BODY_PLACE}{_NO_NAME_AFTER}"
)
_INVERTED_BARE_BODY = re.compile(rf"{NAME_GAP}the\s+{_BARE_BODY}{_NO_NAME_AFTER}")
# What to look for when the head is not one of the last words: "in Kestria said".
_OWNED_BODY_ASIDE = re.compile(rf"\b(?:{_BODY_HEADS}|{_OFFICE_HEADS})\s+(?:in|to)\s+{_NAME}\s+\Z")
# "the ministry said", "the foreign ministry said": a body no owner names.
_BARE_BODY_BEFORE_VERB = re.compile(rf"\b[Tt]he\s+{_BARE_BODY},?{_ADVERB}\s+\Z")

# A ministry named by its portfolio before "of" and its place: "Ministry of Foreign Affairs
# of ", "foreign ministry of the " (see _ministry_of_place).
_MINISTRY_BEFORE_OF = re.compile(
    rf"(?<![\w-])(?P<head>{_MINISTRY_OF}|{_PORTFOLIO_WORD}\s+(?:[Mm]inistry|[Dd]epartment))"
    r"\s+of\s+(?:(?P<article>the)\s+)?\Z"
)


def _ministry_of_place(text: str, low: int, name_start: int, name: str) -> tuple[int, str] | None:
    """``(where it starts, its name)`` of the ministry that ``text[low:name_start]`` ends
    with before a place's ``name``, its head capitalized and the place as written ("the
    Ministry of Foreign Affairs of Kestria said" -> "Ministry of Foreign Affairs of
    Kestria", also in lower case; quoter 22), or None: a ministry of a country speaks as
    the ministry, as "the Kestrian Ministry of Foreign Affairs" does, not as the country."""
    m = _MINISTRY_BEFORE_OF.search(text, low, name_start)
    place = _clean_name(name) if m is not None else ""
    if m is None or not place or name.endswith(("'s", "\u2019s")):
        return None
    before = text[max(0, m.start() - 40) : m.start()].split()[-2:]
    if before and before[-1] in _DETERMINERS:
        before = before[:-1]
    if before and (before[-1] in _PREPOSITIONS or before[-1] == "of"):
        # "a letter to the Ministry of Foreign Affairs of Kestria said"; "the spokesman
        # of the Ministry ... of Kestria" speaks as the spokesman (see _attributed_run)
        return None
    article = "the " if m["article"] else ""
    return m.start(), f"{_capitalized_head(m['head'])} of {article}{place}"


# The subject of _office_mention: "The Valdorian foreign minister was", "Valdoria's
# Foreign Minister flew".
_OFFICE_SUBJECT = re.compile(
    rf"(?:The\s+)?(?P<owner>{_WORD}(?:{NAME_GAP}{_WORD}){{0,2}}?)(?P<possessive>['\u2019]s)?"
    rf"\s+(?P<head>(?i:(?:{_HEAD_MODIFIER}\s+){{0,2}}(?:{_OFFICE_HEADS})))(?![\w-])"
    rf"(?:,\s+(?:{_HONORIFIC_DOT}\s+)?(?P<holder>{_NAME}),)?{_ADVERB}\s+(?P<verb>[a-z]+)"
)
_LONGEST_OWNER = 60  # characters of a possessive owner's words
# An office's head word, looked for (found in C) before _OFFICE_SUBJECT is tried, within
# the characters that "The", an owner of three words and two modifiers can take.
_OFFICE_HEAD = re.compile(
    "|".join(f"[{head[0].upper()}{head[0]}]{head[1:]}" for head in _OFFICE_HEADS.split("|"))
)
_LONGEST_OFFICE_SUBJECT = 120
# The subject of _body_mention: "The Kestrian Foreign Ministry issued", "Kestria's foreign
# ministry, in a statement, rejected", "The Norland embassy in Kestria summoned".
_BODY_SUBJECT = re.compile(
    rf"(?:The\s+)?(?P<owner>{_WORD}(?:{NAME_GAP}{_WORD}){{0,2}}?)(?P<possessive>['\u2019]s)?"
    rf"\s+(?P<head>{_MINISTRY_OF}|(?i:(?:{_HEAD_MODIFIER}\s+){{0,2}}(?:{_BODY_HEADS})))(?![\w-])"
    rf"{_BODY_PLACE}(?:,\s[^,.;:\n\u201c\u201d]{{1,80}},)?{_ADVERB}\s+(?P<verb>[a-z]+)"
)
# A ministry of a place as a sentence's subject: "The Ministry of Foreign Affairs of
# Kestria summoned" (see _ministry_of_place).
_MINISTRY_SUBJECT = re.compile(
    rf"(?:The\s+)?(?:{_MINISTRY_OF}|{_PORTFOLIO_WORD}\s+(?:[Mm]inistry|[Dd]epartment))\s+of\s+"
    rf"(?:the\s+)?(?P<place>{_NAME})(?:,\s[^,.;:\n\u201c\u201d]{{1,80}},)?{_ADVERB}\s+(?P<verb>[a-z]+)"
)
# A body's head word, looked for (found in C) before _BODY_SUBJECT is tried.
_BODY_HEAD = re.compile(
    "|".join(f"[{head[0].upper()}{head[0]}]{head[1:]}" for head in _BODY_HEADS.split("|"))
)


def _owned_body_name(m: re.Match) -> str:
    """The name of a body or office that ``m`` matched with :data:`_OWNED_BODY`: the
    owner as written and the head capitalized, as the text would name it in capitals
    ("Kestrian Foreign Ministry", "Kestria's Foreign Minister"); "" when the owner is
    only a word that opens a sentence ("The foreign ministry": no owner)."""
    owner = m["owner"].split()
    while owner and (owner[0] in _NOT_NAMES or owner[0] in _DETERMINER_WORDS):
        owner = owner[1:]
    if not owner or _without_possessive(owner[-1]) in _TITLE_WORDS:
        return ""  # "The foreign ministry", "the Prime Minister's office"
    head = _capitalized_head(m["head"])
    return _clean_name(" ".join(owner) + (m["possessive"] or "") + " " + head)


def _without_possessive(word: str) -> str:
    """ "Minister's" -> "Minister"; other words as they are."""
    return word.removesuffix("'s").removesuffix("\u2019s")


def _titled_body(m: re.Match) -> str:
    """The name of a body that an office's holder heads, capitalized after "the" ("the
    Prime Minister's Office said", "the President's Office"): a body that keeps its name
    as "the Foreign Ministry" does (see _BARE_BODY); "" for anything else."""
    owner = m["owner"].split()
    while owner and (owner[0] in _NOT_NAMES or owner[0] in _DETERMINER_WORDS):
        owner = owner[1:]
    possessive = m["possessive"] or ""
    if not owner or _owned_kind(m) != "name" or _without_possessive(owner[-1]) not in _TITLE_WORDS:
        return ""
    if not (possessive or owner[-1] != _without_possessive(owner[-1])):
        return ""  # "the Prime Minister office": no possessive, no body of the office's
    return " ".join(owner) + possessive + " " + _capitalized_head(m["head"])


def _capitalized_head(head: str) -> str:
    """A body's or an office's head words as the text would write them in capitals:
    "foreign ministry" -> "Foreign Ministry", "ministry of foreign affairs" -> "Ministry
    of Foreign Affairs"."""
    return " ".join(w if w in _HEAD_LINKS else _capitalized(w) for w in head.lower().split())


_HEAD_LINKS = frozenset("of for and".split())


def _bare_body_name(body: str) -> str:
    """The name of a body with no owner (see _BARE_BODY): in lower case ("foreign
    ministry"), which means only a body named before, unless the text capitalized it
    ("Ministry of Foreign Affairs"), which keeps its name when none was (see
    :func:`_speech_events`)."""
    return _capitalized_head(body) if body[:1].isupper() else " ".join(body.lower().split())


def _owned_kind(m: re.Match) -> str:
    """ "office" for an office held by one person ("Kestria's foreign minister"), which
    may mean the person last named (see :func:`_speech_events`); "name" for a body."""
    return "office" if m["head"].rsplit(None, 1)[-1].lower() in _OFFICE_HEAD_WORDS else "name"


def _capitalized(word: str) -> str:
    """ "foreign" -> "Foreign", "president's" -> "President's", "vice-president" ->
    "Vice-President"."""
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def _word_start(text: str, at: int, high: int | None = None) -> int:
    """``at``, or the start of the next word when ``at`` falls inside one (not past
    ``high``): a window of the text that starts there starts with a whole word."""
    high = len(text) if high is None else high
    while 0 < at < high and not text[at - 1].isspace():
        at += 1
    return at


def _rejoined(before: list[str], name: str) -> str:
    """``name`` with the start of a title that OCR split at its hyphen: "Secretary-
    General" is the Secretary-General, not "General"."""
    if before and before[-1].endswith("-") and f"{before[-1]}{name.split()[0]}" in _TITLE_WORDS:
        return before[-1] + name
    return name


def _office_of_body(before: list[str], name: str) -> str:
    """The office, when ``name`` is the body or country that an office held by someone
    else heads or serves ("the Secretary-General of the United Nations", "the President
    of the Security Council", "the Director-General of UNESCO", "the King of Bhutan",
    "the Prime Minister of the United Kingdom"), after ``before``, the words before it;
    the person set beside the office when there is one ("Ramiz Alia, First Secretary of
    the Central Committee of ..."); else "".

    The holder speaks as that office, not as the body or the country: a reader names the
    office, and a later "the Prime Minister" or "he" means it. A country's own voices
    are the country: its Government, its delegation, its representative ("the
    Government of Cuba said", "the Representative of Cuba said" give Cuba), as is the
    country named as a subject ("France said"). A representative is no office held by
    one person: a country has many, and in a UN record "the representative of Cuba"
    is whoever speaks for Cuba's delegation, the country's voice.

    The office may be written in lower case, as news writes it ("the foreign minister of
    Cuba said"): it is the office all the same, named as the capitalized form is ("Foreign
    Minister of Cuba"; quoter 21, which before gave the country for the lower-case form
    only); "the representative of Cuba said" gives Cuba however it is written.
    """
    people = _people_of(before, name)
    if people:
        return people
    office = _office_words_before_of(before)
    if not office or name.split()[0] in _PORTFOLIOS:
        return ""  # "Secretary of State Antony Blinken": the rest of a title, and a name
    if not any(_SPEAKS_FOR.intersection(w.lower().split("-")) for w in office):
        return ""  # "the Charter of the United Nations": a thing of the body, no office
    heads = " ".join(office).lower()
    of_body = any(title in heads for title in _OFFICES_OF_BODIES) or not _BODY_WORDS.isdisjoint(
        [*office, *name.split()]
    )
    if not of_body and not any(_HELD_BY_ONE.intersection(w.lower().split("-")) for w in office):
        return ""  # "the Government of Cuba", "the State of Kuwait": the country speaks
    person = _person_before_office(before[: -len(office) - 1 - (before[-1] in _DETERMINERS)])
    if person:
        return person
    article = ["the"] if before[-1] in _DETERMINERS else []
    return " ".join([*office, "of", *article, *name.split()])


def _office_posted_in(text: str, low: int, name_start: int) -> tuple[int, str] | None:
    """``(where it starts, its name)`` of the office or voice of a place that
    ``text[low:name_start]`` ends with before "in" or "to" and the place where it serves
    ("the ambassador of Tarsk in Norland said" -> "Ambassador of Tarsk", "the Permanent
    Representative of Tarsk to the United Nations said" -> "Tarsk"), read as if the verb
    followed the first place (quoter 23); None when it does not end so."""
    m = _POSTED_IN.search(text, low, name_start)
    if m is None:
        return None
    before = text[low : m.start()].split()
    words = before[:-1] if before and before[-1] in _DETERMINERS else before
    name = m["name"]
    if len(words) < 2 or words[-1] != "of" or _office_is_object(before):
        return None
    if not _speaks_for(words[:-1], name.split()):
        return None
    office = _office_of_body(before, name)
    if office:
        return _start_of_last_words(
            text, low, m.start(), len(office.split()) - len(name.split())
        ), office
    if _role_is_object(words[:-1]):
        return None  # "the faith of the people of Mali in the United Nations, declared"
    place = _clean_name(name)
    return (m.start(), place) if place else None


def _role_is_object(words: list[str]) -> bool:
    """Whether the role that ends ``words`` ("the representative", "the people") follows
    "of" or a preposition with its article: someone spoken of or to."""
    for k in range(len(words) - 1, max(-1, len(words) - 6), -1):
        if words[k].lower() in _ARTICLES:
            return k > 0 and (words[k - 1] == "of" or words[k - 1] in _PREPOSITIONS)
    return False


# A place after "in" or "to" that ends the words before a verb, and the place before it
# (see _office_posted_in).
_POSTED_IN = re.compile(
    rf"{_NAME_START}(?P<name>{_NAME}){NAME_GAP}(?:in|to){NAME_GAP}(?:the{NAME_GAP})?\Z"
)


def _start_of_last_words(text: str, low: int, high: int, count: int) -> int:
    """Where the last ``count`` words of ``text[low:high]`` start."""
    starts = [m.start() for m in _NON_SPACE.finditer(text, low, high)]
    return starts[-count] if 0 < count <= len(starts) else low


_NON_SPACE = re.compile(r"\S+")


def _body_of_place(text: str, low: int, name_start: int, name: str) -> tuple[int, str] | None:
    """``(where it starts, its name)`` of the body that ``text[low:name_start]`` ends with
    before the ``name`` that ends its own (see :func:`_body_before_of`), or None."""
    before = text[max(low, name_start - _EVENT_REACH) : name_start].split()
    body = _body_before_of(before, name)
    if not body:
        return None
    return _start_of_last_words(text, low, name_start, len(body.split()) - len(name.split())), body


def _body_before_of(before: list[str], name: str) -> str:
    """The name of a body whose name goes on with "of" and the ``name`` after ``before``,
    the words before it ("the Council of Europe", "the Organization of African Unity",
    "the Committee of Ministers of the Council of Europe"): such a body speaks, not the
    place or the thing after its "of" (quoter 23: they gave nobody). "" when ``before``
    does not end so, or the body is what someone speaks of or to ("the resolution of
    the Council of", "a letter to the Council of"), or an office of it speaks (see
    :func:`_office_of_body`)."""
    chain = _office_before_of(before)
    if not chain or name.endswith(("'s", "\u2019s")):
        return ""
    first = chain[: chain.index("of")] if "of" in chain else chain
    if not first or first[-1] not in _NAMED_BODY_HEADS:
        return ""  # "the Charter of the Organization of"
    if any(_SPEAKS_FOR.intersection(w.lower().split("-")) for w in chain):
        return ""  # "the Council of Heads of State of": an office's words
    article = ["the"] if before[-1] in _DETERMINERS else []
    rest = before[: len(before) - len(chain) - 1 - len(article)]
    while rest and rest[-1] in _DETERMINERS:
        rest = rest[:-1]
    if rest and (rest[-1] == "of" or rest[-1] in _PREPOSITIONS):
        return ""
    place = _clean_name(name) if name.split()[0] not in _INSTITUTION_WORDS else name
    return " ".join([*chain, "of", *article, place]) if place else ""


def _people_of(before: list[str], name: str) -> str:
    """ "People of Tarsk" when ``before`` ends with "the people of (the)" before ``name``;
    else "". A people is not its state: the state's voices (its Government, delegation,
    representative) speak as the country, and what a people is said to say (a slogan, a
    vote, a proverb) is the people's (quoter 23; it gave the country)."""
    words = before[:-1] if before and before[-1] in _DETERMINERS else before
    if len(words) < 3 or words[-1] != "of" or words[-2] not in ("people", "People"):
        return ""
    if words[-3] not in ("the", "The"):
        return ""  # "the Government and people of", "our people of"
    if len(words) > 3 and (words[-4] == "of" or words[-4] in _PREPOSITIONS):
        return ""  # "the faith of the people of": spoken of (the country, as before)
    article = ["the"] if before[-1] in _DETERMINERS else []
    place = _clean_name(name)
    return " ".join(["People", "of", *article, place]) if place else ""


def _office_is_object(before: list[str]) -> bool:
    """Whether ``before`` ends with an office and "of (the)" after a preposition ("sent
    to the Secretary-General of", "a letter to the foreign minister of"): the office is
    someone spoken to or of."""
    office = _office_words_before_of(before)
    if not office:
        return False
    rest = before[: -len(office) - 1 - (before[-1] in _DETERMINERS)]
    while rest and (rest[-1] in _OFFICE_ADJECTIVES or rest[-1] in _DETERMINERS):
        rest = rest[:-1]
    return bool(rest) and rest[-1] in _PREPOSITIONS


def _person_before_office(before: list[str]) -> str:
    """The person an office describes in apposition, from ``before``, the words before
    the office: "Comrade Ramiz Alia," -> "Ramiz Alia", "Anna Berg, the" -> "Anna Berg";
    "" when they do not end with a name and a comma."""
    articled = False
    while before and (before[-1] in _DETERMINERS or before[-1] in _OFFICE_ADJECTIVES):
        before, articled = before[:-1], True
    if not before or not before[-1].endswith(","):
        return ""
    run: list[str] = []
    for word in reversed(before):
        word = word.rstrip(",") if not run else word
        if not word[:1].isupper() or word[-1:] in ",;:" or len(run) == 6 or _ends_sentence(word):
            break
        run.insert(0, word)
    while run and (run[0] in _NOT_FIRST_NAMES or run[0] in _COURTESIES):
        run.pop(0)  # "As", "His Excellency", "Comrade", "Mr."
    if articled and _person_of_run(list(run)) is None:
        # Before "the <office>" a comma may end an opening phrase rather than a name:
        # "Finally, the Chairman of", "In South Tarsk, the President of".
        return ""
    name = _clean_name(" ".join(run))
    return name if name and all(map(_could_be_a_name, name.split())) else ""


def _ends_sentence(word: str) -> bool:
    """Whether ``word`` ends a sentence with its period: "State.", not an initial ("U.")
    or an honorific ("Mr.")."""
    bare = word.rstrip(".")
    return word.endswith(".") and len(bare) > 1 and bare not in _HONORIFICS


_COURTESIES = frozenset("Excellency Majesty Highness Comrade".split()) | {
    f"{h}." for h in _HONORIFICS
}


def _office_before_of(before: list[str]) -> list[str]:
    """The capitalized words (and the "of", "for", "the" and "and" that join them) that
    end ``before`` ahead of "of (the)": ["Chairman", "of", "the", "Organisation"] of
    "then Chairman of the Organisation of"; [] when ``before`` does not end so."""
    words = before[:-1] if before and before[-1] in _DETERMINERS else before
    if len(words) < 2 or words[-1] != "of":
        return []
    office: list[str] = []
    for word in reversed(words[:-1]):
        if word[-1:] in ",;:." or not (
            word[:1].isupper() or word in _OFFICE_LINKS or word in _OFFICE_ADJECTIVES
        ):
            break
        office.insert(0, word)
    while office and (
        office[0] in _OFFICE_LINKS or office[0] in _OFFICE_ADJECTIVES or office[0] in _NOT_NAMES
    ):
        office.pop(0)  # "As the first Secretary-General of": "As" opens the sentence
    return office


def _office_words_before_of(before: list[str]) -> list[str]:
    """The office that ends ``before`` ahead of "of (the)" (see :func:`_office_before_of`),
    or else one held by one person written in lower case (see
    :func:`_lower_case_office_before_of`), perhaps before the capitalized "of" phrases of
    its place ("the president of the Republic of"), one word for each of ``before``'s."""
    office = _office_before_of(before)
    if not office:
        return _lower_case_office_before_of(before)
    if any(_SPEAKS_FOR.intersection(w.lower().split("-")) for w in office):
        return office
    words = before[:-1] if before[-1] in _DETERMINERS else before
    rest = words[: len(words) - 1 - len(office)]  # up to the capitalized words
    lower = _lower_case_office_before_of(rest)
    if not lower:
        return office
    link = rest[len(rest) - 1 - (rest[-1] in _DETERMINERS) :]  # "of", "of the"
    return [*lower, *link, *office]


def _lower_case_office_before_of(before: list[str]) -> list[str]:
    """An office held by one person, in lower case, that ends ``before`` ahead of "of
    (the)", capitalized as a UN record would write it: ["Foreign", "Minister"] of "the
    foreign minister of", ["President"] of "the former president of the"; [] when there
    is none (also for "the representative of": see _HELD_BY_ONE). At most two words
    lead the head ("deputy foreign minister")."""
    words = before[:-1] if before and before[-1] in _DETERMINERS else before
    if len(words) < 2 or words[-1] != "of" or not words[-2].islower():
        return []
    head = len(words) - 2
    # The head may have "of" phrases of its own before the place's: "the head of the
    # delegation of", "the minister of foreign affairs of" (quoter 23).
    for _ in range(_LOWER_OFFICE_PHRASES):
        if not _HELD_BY_ONE.isdisjoint(words[head].split("-")):
            break
        head = _word_before_of_phrase(words, head)
        if head < 0:
            return []
    else:
        return []
    office = words[head:-1]
    for word in reversed(words[max(0, head - 2) : head]):
        if not word.islower() or word in _NOT_OFFICE_WORDS:
            break  # "the former", "a letter to the"
        office.insert(0, word)
    return [word if word in _OFFICE_LINKS else _capitalized(word) for word in office]


_LOWER_OFFICE_PHRASES = 3  # the head and at most two "of" phrases after it


def _word_before_of_phrase(words: list[str], last: int) -> int:
    """The index of the lower-case word before the "of" (or "for") phrase that ends at
    ``words[last]``: 1 for "minister of foreign affairs" (last 4), 0 for "head of the
    delegation"; -1 when no such phrase ends there (at most three words after the link)."""
    at = last
    while at >= 0 and last - at < 3 and words[at].islower() and words[at] not in _NOT_OFFICE_WORDS:
        at -= 1
    if at == last:
        return -1
    if at >= 0 and words[at] == "the":
        at -= 1
    if at < 1 or words[at] not in ("of", "for"):
        return -1
    word = words[at - 1]
    return at - 1 if word.islower() and word not in _NOT_OFFICE_WORDS else -1


# Lower-case words inside an office: "Heads of State or Government", "President of the
# Gambia and current Chairman".
_OFFICE_LINKS = frozenset("of for the and or".split())
_OFFICE_ADJECTIVES = frozenset("current then former late first present".split())
# Offices that only bodies have: "the Secretary-General of the Commonwealth" is the
# office whatever the body's name.
_OFFICES_OF_BODIES = (
    "secretary-general",
    "secretary general",
    "director-general",
    "director general",
    "high commissioner",
    "executive director",
    "executive secretary",
    "administrator",
)
# Words that make a name after an office a body rather than a country: "the President of
# the Security Council" (not "of the United States", "of the Russian Federation").
_BODY_WORDS = frozenset(
    """Nations Organization Organisation Assembly Council Committee Conference Commission
    Secretariat Court Movement Community Bank Fund Agency Programme Group Forum Institute
    Party""".split()
)

# Heads of bodies whose names go on with "of": "Council of Europe", "League of Arab
# States", "Movement of Non-Aligned Countries".
_NAMED_BODY_HEADS = _BODY_WORDS | frozenset(
    "Organisation League Union Secretariat Parliament Congress Board Tribunal".split()
)


def _without_service(text: str, low: int, name_start: int, name: str) -> str:
    """``name`` without the armed service that ends a rank before it: "General of the
    Army Raul Castro" -> "Raul Castro" (the run starts after "of the")."""
    words = name.split()
    before = text[low:name_start].split()[-3:]
    if len(words) > 2 and words[0] in _SERVICES and before[-2:] == ["of", "the"]:
        return " ".join(words[1:])
    return name


_SERVICES = frozenset({"Army", "Navy", "Fleet"})


def _long_appositive(text: str, low: int, verb_start: int) -> re.Match | None:
    """:data:`_NAME_BEFORE_LONG_APPOSITIVE` where its appositive names a role."""
    m = _NAME_BEFORE_LONG_APPOSITIVE.search(text, low, verb_start)
    if m is None:
        return None
    words = m.group("appositive").lower().replace("-", " ").split()
    return m if not _ROLE_WORDS.isdisjoint(words) else None


def _person_before_of(text: str, low: int, name_start: int) -> bool:
    """Whether the name at ``name_start`` follows "<title> <name> of (the)": a titled
    person, then the place or body they speak for ("President Jose Sarney of Brazil",
    "Mr. Sarney of Brazil", "President Okonkwo of the United Republic of Tarsk": the
    place may have "of" phrases of its own; not "the Minister for External Affairs of
    Canada")."""
    before = text[low:name_start].split()[-14:]
    if before and before[-1] in _DETERMINERS:
        before = before[:-1]
    if len(before) < 3 or before[-1] != "of":
        return False
    chain: list[str] = []  # the capitalized words and the "of (the)" joining them
    for word in reversed(before[:-1]):
        if word[-1:] in ",;:" or not (word[:1].isupper() or word in ("of", "the")):
            break
        chain.insert(0, word.rstrip("."))
    run = chain[: chain.index("of")] if "of" in chain else chain  # before the place
    # "foreign minister Ana Ruiz of": a title in lower case before the run (quoter 23)
    lower_title = len(before) > len(chain) + 1 and before[-2 - len(chain)] in _LOWER_TITLE_WORDS
    return _titled_run(run, lower_title)


def _titled_run(run: list[str], titled_before: bool = False) -> bool:
    """Whether capitalized words are titles and a person's name ("President Okonkwo",
    "Foreign Minister Ana Ruiz", which quoter 23 reads), or a name after a title in lower
    case (``titled_before``), not a title alone ("The President")."""
    while run and (run[0] in _NOT_NAMES or run[0] in _DETERMINERS):
        run = run[1:]  # "As President Jose Sarney", "the President"
    titled = len(run) >= 2 and (
        run[0] in _TITLE_WORDS
        or run[0] in _HONORIFICS
        or (run[0] in _TITLES_AFTER_A_TITLE and run[1] in _TITLE_WORDS)
        or titled_before
    )
    return titled and run[-1] not in _TITLE_WORDS and _could_be_a_name(run[-1])


def _may_close_appositive(last_words: list[str]) -> bool:
    """Whether one of the two words before the verb (an adverb may come last) can end
    an appositive: a descriptor ("minister,", "minister") or a place after one
    ("Minister of Australia,")."""
    return any(w.endswith(",") or w.lower() in _DESCRIPTOR_WORDS for w in last_words)


def _clause_subject_events(
    text: str, verb_start: int, verb_end: int, coordinated: bool = False
) -> list[tuple]:
    """The event of a reporting participle after a comma: the subject that opens its
    clause ("Lavrov rejected the plan, saying"; "On Monday the minister warned, adding");
    with ``coordinated``, of a reporting verb after "and" ("Lavrov met the envoys and
    said"), unless a relative clause stands between ("met the envoys, who listened and
    said": theirs).

    The subject opens the clause (perhaps after a phrase and a comma, "In Geneva,
    Lavrov rejected"): a capitalized run, or "he"/"she"/"the minister", followed by a
    word that can be its verb (a past form or a present one in -s); a clause that opens
    otherwise ("Analysts dismissed it, saying", "Even before ..., declaring") names
    nobody.
    """
    low = max(0, verb_start - _EVENT_REACH)
    # a coordinated verb's clause goes on over a wrapped line ("of the Russian\nFederation
    # referred to it and remarked": no "Federation")
    stop = (_LAST_SENTENCE_STOP if coordinated else _LAST_CLAUSE_STOP).match(text, low, verb_start)
    start = stop.end() if stop else low
    m = _CLAUSE_SUBJECT.match(text, start, verb_start)
    if m is None or not _finite_verb(m.group("verb")):
        return []
    if coordinated and _RELATIVE_WORD.search(text, m.end(), verb_start):
        return []
    if m["of_place"] and not (m["title"] or _titled_run(m["name"].split())):
        return []  # "The President of Tarsk rejected it, saying": no person's name
    if m.group("name"):
        if _object_of_preposition(text, start, m.start("name"), m.group("name")):
            return []
        name = _clean_name(m.group("name"))
        return [(m.start("name"), verb_end, "name", name)] if name else []
    return [(m.start("pronoun"), verb_end, "pronoun", "")]


# Where a clause can start: after a sentence end, a colon or semicolon, a line break or
# a quote mark (commas do not end the clause: "In Geneva, Lavrov rejected it, saying").
_LAST_CLAUSE_STOP = re.compile(r"(?s:.*)[.!?;:\n\u201c\u201d]")
_LAST_SENTENCE_STOP = re.compile(r"(?s:.*)(?:[.!?;:\u201c\u201d]|\n[^\S\n]*\n)")
# The clause's subject: a phrase set off by a comma may come first ("In Geneva, "), an
# appositive may follow a name ("Lavrov, the foreign minister, "), and the subject is
# followed by its verb (a lower-case word, perhaps after an adverb).
_APPOSITIVE = rf"{_APPOSITIVE_OPENING}(?:{DESCRIPTOR_NOUNS}),"
# A descriptor before the name: "Chinese foreign ministry spokesman Wang Wenbin".
_TITLE_PHRASE = rf"(?:[A-Z][\w-]*\s+)?(?:[a-z-]+\s+){{0,3}}(?i:{DESCRIPTOR_NOUNS})\s+"
_CLAUSE_SUBJECT = re.compile(
    rf"(?:[^,]{{0,60}},\s+)?\s*(?:(?P<pronoun>\b(?:{_PRONOUN_WORD}|{_DESCRIPTOR_PHRASE}))"
    rf"|(?P<title>{_TITLE_PHRASE})?(?P<name>{_NAME})(?P<of_place>{_OF_PLACE})?(?:{_APPOSITIVE})?)"
    rf"{_ADVERB}\s+(?P<verb>[a-z]+)"
)
# Words that open a relative clause, whose verbs have their own subject.
_RELATIVE_WORD = re.compile(r"\b(?:who|whom|whose|which)\b")
# Past forms that do not end in -ed, for telling a subject's verb ("Lavrov told") from
# a capitalized word that opens a sentence ("Even before", "One of").
_IRREGULAR_PAST = frozenset(
    """said made gave took told spoke wrote went came saw put set left held met sent kept
    found brought thought stood felt became began drew chose led won rose fell sought
    meant heard built ran struck was were read flew had did got paid lost sat sold bought
    caught fought spent knew grew threw drove broke swore shook hid stuck hung sang sank
    forgot forgave withdrew overcame undertook""".split()
)


def _past_form(word: str) -> bool:
    """Whether ``word`` can be a subject's verb in the past: "struck", "rejected"."""
    return word.endswith("ed") or word in _IRREGULAR_PAST


def _finite_verb(word: str) -> bool:
    """Whether ``word`` can be a subject's verb: a past form, or a present one in -s."""
    return (
        word.endswith("ed")
        or word in _IRREGULAR_PAST
        or (word.endswith("s") and not word.endswith(("ss", "ous", "is", "us")))
    )


def _could_be_a_name(word: str) -> bool:
    return not (
        word in _NOT_NAMES
        or word in _PORTFOLIOS
        or word in _TITLE_WORDS
        or word.removesuffix("s") in _TITLE_WORDS
        or word in _INSTITUTION_WORDS
    )


def _object_of_preposition(text: str, low: int, name_start: int, name: str = "") -> bool:
    """Whether the capitalized run at ``name_start`` follows a preposition ("Lavrov,
    speaking in Geneva, said", "who met him at the Kremlin, said"): a place or a body
    the sentence mentions, not the one who speaks; also a work named after a possessive
    ("Marta Ilves, in her Letters from Tarsk, asked") or after "entitled" ("in his book
    entitled The Northern Way, said")."""
    words = text[low:name_start].split()
    # The words read for a role reach back over the whole office before "of", however
    # many "of" phrases it has: "First Secretary of the Central Committee of the Party
    # of Labour of Albania".
    before = words[-max(9, len(_office_before_of(words)) + 3) :]
    if before and before[-1] in _DETERMINERS:
        before = before[:-1]
    if not before:
        return False
    if before[-1] in _TITLE_INTRODUCERS:
        return True
    if before[-1] in _POSSESSIVE_DETERMINERS and len(before) > 1 and before[-2] in _PREPOSITIONS:
        return True  # "in his Nobel Lecture": the author's work, not its author
    if before[-1] == "of":
        return not _speaks_for(before[:-1], (name or text[name_start : name_start + 80]).split())
    return before[-1] in _PREPOSITIONS


_TITLE_INTRODUCERS = frozenset({"entitled", "titled"})
_POSSESSIVE_DETERMINERS = frozenset({"his", "her", "its", "their"})


def _speaks_for(words_before_of: list[str], name_words: list[str]) -> bool:
    """Whether "<words> of <Name>" makes Name the speaker: a role of a country or body
    ("the representative of Cuba", "the Minister for External Affairs of Canada", "the
    Vice-President of Colombia"), not a thing of it ("the Charter of the United
    Nations", "one of the conquerors of Algeria") nor a portfolio ("the Secretary of
    State", "the Minister of Foreign Affairs", "the President of the Republic")."""
    if name_words and name_words[0].rstrip(",.;:") in _PORTFOLIOS:
        # "the Secretary of State said" names nobody; "Secretary of State Antony
        # Blinken said" names Blinken (the portfolio is left out of the name), but not
        # "the Council of Foreign Ministers" or "the Minister of Finance Tuesday".
        named = [w.rstrip(",.;:") for w in name_words[1:]]
        return sum(_could_be_a_name(w) for w in named) >= 2
    for word in reversed(words_before_of):
        if word[-1:] in ",.;:" or (word in _PREPOSITIONS and word != "for"):
            # The role is in the same phrase: not "an official visit to the Republic
            # of", but "the Minister for Foreign Affairs of".
            break
        if not _SPEAKS_FOR.isdisjoint(word.lower().split("-")):
            return True
    return False


_DETERMINERS = frozenset("the a an this that".split())
_ARTICLES = frozenset("the a an".split())
# Who speaks for the place or body named after "of" ("the King of Bhutan said", "the
# Head of State of El Salvador stated").
_SPEAKS_FOR = _DESCRIPTOR_WORDS | frozenset(
    """king queen emperor prince princess duke sultan emir sheikh pope chief head state
    government delegation people general chairman chairperson chairwoman director
    governor mayor commissioner""".split()
)
# Words of an office held by one person, who speaks as the office for a country ("the
# King of Bhutan", "the Minister for Foreign Affairs of Canada"); the other words that
# speak for a place are the country's own voice ("the Government of Cuba", "the
# delegation of", "the representative of Cuba"). Not "general" either: "General of the
# Army Raul Castro" is a rank before a name (see _without_service).
_HELD_BY_ONE = _SPEAKS_FOR - frozenset(
    "state government delegation people representative delegate official general".split()
)
# Words that make an appositive describe a person who speaks.
_ROLE_WORDS = _SPEAKS_FOR | frozenset("amir shaikh foreign prime".split())
# Last words of a document's, a body's or an office's name (see _person_with_article).
_THING_HEADS = (
    frozenset(w.lower() for w in _DOCUMENT_WORDS | _INSTITUTION_WORDS | _BODY_WORDS)
    | _BODY_WORDS_OF_HEADS
    | _OFFICE_ENDS
    | _SPEAKS_FOR
)
# Offices named after "of" in a title: "the Secretary of State", "the Chief of Staff".
_PORTFOLIOS = frozenset(
    """State Staff Defence Defense Foreign Justice Finance Interior Republic Commerce
    Economy Education Health Agriculture Labour Labor Trade Treasury Home Information
    External Planning Industry Energy""".split()
)
# "of" only after one of those (see _object_of_preposition).
_PREPOSITIONS = frozenset(
    "in at from to on with by for into near about against across between among".split()
)
# Lower-case words that end an office in lower case before its head (see
# _lower_case_office_before_of).
_NOT_OFFICE_WORDS = _OFFICE_LINKS | _OFFICE_ADJECTIVES | _DETERMINERS | _PREPOSITIONS


def _according_to_events(text: str, limit: int) -> list[tuple[int, int, str, str]]:
    """ "according to Kremlin diplomat Sergey Lavrov": the last capitalized run is the name
    (every phrase that starts before ``limit``).

    Phrases do not overlap: in "in the words of the Gospel according to Saint Mark" the
    first phrase's tail holds the second.
    """
    found = []
    for pattern, initials in _ATTRIBUTION_PHRASES:
        for m in pattern.finditer(text):
            start = m.start() - 1  # the phrase's first letter, left out of the literal
            if start >= limit:
                break
            if start < 0 or text[start] not in initials:
                continue
            if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue
            tail = _ATTRIBUTION_TAIL.match(text, m.end())
            if tail and not _cut_short(text, tail):
                found.append((start, tail.end(), tail.group()))
    out = []
    last_end = -1
    for start, end, phrase in sorted(found):
        if start < last_end:
            continue
        last_end = end
        # The name ends the phrase: in "according to a senior European diplomat" the
        # capitalized word describes someone unnamed.
        run = _TRAILING_RUN.search(phrase)
        if run and _topic_of_phrase(phrase[: run.start()].split()):
            run = None
        if run is None:
            event = _described_source(text, start, end, phrase)
            if event is not None:
                out.append(event)
            continue
        before = phrase[: run.start()].split()
        name = _attributed_run(before, run.group())
        if name and _bare_title(before, name):
            out.append((start, end, "pronoun", ""))  # "according to the President"
            continue
        if name and _office_words_before_of(before):
            # "in the words of the first Secretary-General of the United Nations, Trygve
            # Lie -": the person the office is given to.
            person = _PERSON_IN_APPOSITION.match(text, end)
            if person and all(map(_could_be_a_name, person["name"].split())):
                name, end = _clean_name(person["name"]), person.end("name")
        if name:
            out.append((start, end, "name", name))
    return out


def _described_source(
    text: str, start: int, end: int, phrase: str
) -> tuple[int, int, str, str] | None:
    """The event of an attribution phrase that describes its source in lower case: a body
    or an office, as before a verb ("according to the Kestrian foreign ministry",
    "according to the ministry"; see :func:`_owned_body_events`), the name set off after a
    descriptor ("according to the ministry spokesperson, Ilse Varga", "according to a
    spokesman for the ministry, Jonas Eklund"), or "the <descriptor>" alone, which refers
    back as "the minister said" does ("according to the spokesperson")."""
    described = _DESCRIBED_SOURCE.search(phrase)
    person = _NAME_SET_OFF.match(text, end) if described is not None else None
    if person and all(map(_could_be_a_name, person["name"].split())):
        name = _clean_name(person["name"])
        return (start, person.end("name"), "name", name) if name else None
    owned = _OWNED_BODY_AT_END.search(phrase)
    if owned is not None and (name := _owned_body_name(owned)):
        return (start, end, _owned_kind(owned), name)  # "according to the Kestrian ministry"
    bare = _BARE_BODY_AT_END.search(phrase)
    if bare is not None:
        return (start, end, "body", _bare_body_name(bare["body"]))  # "according to the ministry"
    if described is not None and described["article"] == "the" and not described["body"]:
        return (start, end, "pronoun", "")
    return None


_OWNED_BODY_AT_END = re.compile(rf"{_NAME_START}{_OWNED_BODY}{_BODY_PLACE}\s*\Z")
_BARE_BODY_AT_END = re.compile(rf"(?:^|\s)the\s+{_BARE_BODY}\s*\Z")
# A name set off by commas that ends its appositive: ", Ilse Varga.", ", Mr. Eklund,".
_NAME_SET_OFF = re.compile(
    rf",\s+{_DESCRIBED_BEFORE_NAME}(?:{_HONORIFIC_DOT}\s+)?(?P<name>{_NAME})(?=\s*(?:[,.;:!?)\u2014\u201c]|-\s|\Z))"
)
# A phrase that ends with a descriptor, perhaps of a body: "the ministry spokesperson",
# "a spokesman for the ministry".
_DESCRIBED_SOURCE = re.compile(
    rf"(?:^|\s)(?P<article>the|a|an)\s+(?:[a-z'\u2019-]+\s+){{0,3}}(?:{DESCRIPTOR_NOUNS})"
    r"(?P<body>\s+(?:for|of|at)\s+[a-z'\u2019\s-]{1,40})?\s*\Z"
)


def _bare_title(before: list[str], name: str) -> bool:
    """Whether ``name`` is a title alone after "the" and perhaps an adjective or two
    (``before`` are the words before it): "The President concluded", "the former Prime
    Minister stated", "according to the Head of State".

    Such a title names nobody in particular: it refers back to someone, as "the minister"
    does. An office held by one person only ("the Secretary-General", "the Pope") is
    specific and stays, and so do titles the speaker's side holds ("my President") or
    that a nationality or body narrows ("the Federal Chancellor", "the French President").
    """
    words = name.split()
    if not words or name in _UNIQUE_OFFICES:
        return False
    if not all(w in _TITLE_WORDS or w in _TITLE_PARTS for w in words):
        return False
    lead = before[-3:]
    while lead and lead[-1].islower() and lead[-1] not in _DETERMINERS:
        lead = lead[:-1]  # "the late", "the then", "the former"
    return bool(lead) and lead[-1] in ("the", "The")


def _as_description(text: str, event: tuple[int, int, str, str]) -> tuple[int, int, str, str]:
    """A name event whose name is a bare title ("The President concluded") or a bare body
    ("the Foreign Ministry said") as the description it is: resolved like "the minister"
    (see :func:`_bare_title`) or "the ministry" (see :func:`_bare_body`)."""
    start, end, kind, name = event
    if kind != "name" or not name:
        return event
    # The event may start before the title, at a word _clean_name left out ("The").
    at = text.find(name.split()[0], start, end)
    if at >= 0 and _bare_title(text[max(0, at - 40) : at].split(), name):
        return (start, end, "title", name)
    if at >= 0 and _is_bare_body(text[max(0, at - 40) : at].split(), name):
        return (start, end, "body", name)
    if _is_owned_office(name):
        return (start, end, "office", name)
    return event


def _is_owned_office(name: str) -> bool:
    """Whether ``name`` is an office held by one person after its owner: "Russian Foreign
    Minister", "Kestria's President" (see _OFFICE_HEADS)."""
    words = name.split()
    return (
        len(words) >= 2
        and words[-1].lower() in _OFFICE_HEAD_WORDS
        and words[0] not in _TITLE_WORDS
        and words[0] not in _TITLE_PARTS
        and all(w in _TITLE_WORDS or w in _TITLE_PARTS or w == "Prime" for w in words[1:])
    )


def _is_bare_body(before: list[str], name: str) -> bool:
    """Whether ``name`` is a body that no owner names, after "the" (``before`` are the
    words before it): "the Ministry", "the Foreign Ministry", "the State Department" (a
    portfolio is no owner). It means the body last named with those words; when none
    was, it keeps its name."""
    words = name.split()
    if not before or before[-1] not in ("the", "The") or not _is_body(name):
        return False
    return all(w in _PORTFOLIOS or w in _TITLES_AFTER_A_TITLE for w in words[:-1])


def _is_body(name: str) -> bool:
    """Whether ``name`` names a body ("Kestrian Foreign Ministry", "State Department",
    "Kestrian Ministry of Foreign Affairs"): no "he" or "she"."""
    if not name:
        return False
    if _body_forms(name)[-1].rsplit(None, 1)[-1] in _BODY_WORDS_OF_HEADS:
        return True
    # "Council of Europe", "Organization of African Unity" (quoter 23)
    head, of, _ = name.partition(" of ")
    return bool(of) and head.rsplit(None, 1)[-1] in _NAMED_BODY_HEADS


def _body_forms(name: str) -> tuple[str, ...]:
    """A body's name in lower case, and for a ministry named by its portfolio also the
    form that puts the portfolio before the head: "Kestrian Ministry of Foreign Affairs"
    -> ("kestrian ministry of foreign affairs", "kestrian foreign ministry"), "Department
    of State" -> (..., "state department"). Either form names the body (see
    :func:`_bare_body`). A ministry of a place is also named without the place: "Ministry of Foreign Affairs of
    Kestria" -> (..., "ministry of foreign affairs", "foreign ministry") (quoter 22)."""
    lower = " ".join(name.lower().split())
    forms = [lower]
    of_place = _BODY_OF_PLACE_FORM.fullmatch(lower)
    if of_place is not None:
        forms.append(of_place["body"])
    m = _PORTFOLIO_FORM.search(forms[-1])
    if m is not None:
        forms.append(f"{forms[-1][: m.start()]}{m['portfolio']} {m['head']}")
    return tuple(forms)


_PORTFOLIO = "|".join(sorted(_PORTFOLIO_WORDS))
_PORTFOLIO_FORM = re.compile(
    rf"\b(?P<head>ministry|department) (?:of|for) (?P<portfolio>{_PORTFOLIO})(?![\w-])"
)
# A ministry, then "of" and its place: "foreign ministry of kestria", "ministry of foreign
# affairs of the united republic of tarsk" (not "ministry" and "of foreign affairs").
_BODY_OF_PLACE_FORM = re.compile(
    rf"(?P<body>.*\b(?:ministry|department)(?: (?:of|for) (?:{_PORTFOLIO})"
    rf"(?: (?:and )?(?:{_PORTFOLIO})){{0,3}})?) of (?:the )?(?!(?:{_PORTFOLIO})\b)\S.*"
)


def _owner_in_reach(
    text: str,
    quote_spans: list[tuple[int, int]],
    marks: tuple[list[int], list[int]],
    named: list[tuple[str, int, str]],
    current: str,
    seen_at: int,
    office: str,
    at: int,
) -> tuple[str, int, str] | None:
    """``(name, where named, gender)`` of the person an office with an owner at ``at``
    means ("the Valdorian foreign minister", "Valdoria's foreign minister"); None when
    there is none, and the office speaks as itself.

    An office with an owner is held by one person: the last one the text gave that owner
    and that office, however far back ("Valdorian Foreign Minister Elena Marsh", "Elena
    Marsh, Valdoria's foreign minister"; see :func:`_owners_of`), or else the last one in
    reach (``current`` last seen at ``seen_at``, or one named before) given that owner
    with no office ("Valdoria's Elena Marsh", "Marsh reiterated Valdoria's stance"). A
    person the text never gave that owner is no holder: "Karel Duvnjak arrived. The
    Valdorian foreign minister said" is someone else."""
    wanted, title = _office_owner(office)
    if not wanted:
        return None
    in_reach: tuple[str, int, str] | None = None
    reach = True
    checked: set[str] = set()
    for name, named_at, gender in reversed(named):
        last_seen = seen_at if name == current else named_at
        reach = reach and _in_reach(marks, last_seen, at, across_paragraphs=True)
        if name in checked or _is_body(name) or " of " in name or len(checked) >= _HOLDERS_READ:
            continue
        checked.add(name)
        for owner, held in _owners_of(text, quote_spans, name, at):
            if _same_owner(wanted, owner):
                if held == title:
                    return name, named_at, gender
                if reach and not held and in_reach is None:
                    in_reach = (name, named_at, gender)
    return in_reach


# At most this many persons, the last named first, are read for the holder of an office.
_HOLDERS_READ = 20


def _office_owner(office: str) -> tuple[list[str], str]:
    """The owner's words of an office's name and the office in lower case: "Valdorian
    Foreign Minister" -> (["Valdorian"], "foreign minister"), "Valdoria's New Foreign
    Minister" -> (["Valdoria's"], "new foreign minister"), "South African President" ->
    (["South", "African"], "president")."""
    words = office.split()
    for k, word in enumerate(words):
        if word.endswith(("'s", "\u2019s")):
            return words[: k + 1], " ".join(words[k + 1 :]).lower()
    k = 0
    while k < len(words) and not (
        words[k] in _TITLE_WORDS
        or words[k] in _TITLE_PARTS
        or words[k].lower() in _OFFICE_HEAD_WORDS
    ):
        k += 1
    return words[:k], " ".join(words[k:]).lower()


def _owners_of(
    text: str, quote_spans: list[tuple[int, int]], person: str, high: int
) -> list[tuple[list[str], str]]:
    """The owners ``text[:high]`` gives ``person`` where it names them, outside quotes:
    a nationality or a possessive before the titles ("Valdorian Foreign Minister Elena
    Marsh", "Valdoria's Foreign Minister Elena Marsh") or before the name ("Valdoria's
    Elena Marsh"), an office with an owner in an appositive ("Elena Marsh, Valdoria's
    foreign minister,", "Marsh, the Valdorian foreign minister,", "Marsh, Foreign
    Minister of Valdoria,"), or the country whose stance the person restates ("Marsh
    reiterated Valdoria's stance": the seed's "Lavrov reiterated Russia's stance"). Each
    owner comes with the office it gave, in lower case ("foreign minister"), or ""."""
    quote_starts = [s for s, _ in quote_spans]
    surname = person.split()[-1]
    owners: list[tuple[list[str], str]] = []
    at = text.find(surname, 0, high)
    while at >= 0:
        end = at + len(surname)
        if (
            not _continues_word(text, end)
            and not (at and _continues_word(text, at - 1))
            and _outside_quotes(at, quote_spans, quote_starts)
        ):
            begins = end - len(person)
            name_start = begins if begins >= 0 and text.startswith(person, begins) else at
            office = _OWNER_OFFICE_BEFORE_NAME.search(text, max(0, name_start - 120), name_start)
            if office is not None:  # "Ostria's fisheries minister, Tomas Brenner"
                owners.append((office["owner"].split(), " ".join(office["office"].split()).lower()))
            before = _OWNER_BEFORE_NAME.search(text, max(0, name_start - 80), name_start)
            # a possessive alone leads a name too ("Valdoria's Elena Marsh"); _WORD may
            # hold its "'s"
            if before is not None and (
                before["titles"] or before["possessive"] or before["owner"].endswith("'s")
            ):
                owners.append((before["owner"].split(), " ".join(before["titles"].split()).lower()))
            after = _OWNER_AFTER_NAME.match(text, end, min(len(text), end + 160))
            if after is not None:
                owner = after["owner"] or after["of_owner"] or after["who_owner"]
                held = after["office"] or after["of_office"] or after["who_office"] or ""
                owner = owner or after["stance_owner"]
                owners.append((owner.split(), " ".join(held.split()).lower()))
        at = text.find(surname, end, high)
    return owners


def _without_openers(words: list[str]) -> list[str]:
    """``words`` without the words that open a sentence or a noun phrase before them."""
    while words and words[0] in _OWNER_OPENERS:
        words = words[1:]
    return words


# Words that may stand before an owner and are none: "On Monday Valdorian ...", "The"
# (_NOT_NAMES also lists places that are owners: "Russia", "China").
_OWNER_OPENERS = (_NOT_NAMES | _DETERMINER_WORDS) - frozenset(
    "Moscow Kyiv Washington Russia Ukraine China".split()
)


def _same_owner(office_owner: list[str], owner: list[str]) -> bool:
    """Whether two owners are one: the same words, the last one a nationality or the
    country's name, with or without a possessive ("Valdorian" and "Valdoria's",
    "Russian" and "Russia", "Chinese" and "China"; not "Austrian" and "Australia")."""
    a, b = _owner_key(office_owner), _owner_key(owner)
    if not a or len(a) != len(b) or a[:-1] != b[:-1]:
        return False
    return not _owner_stems(a[-1]).isdisjoint(_owner_stems(b[-1]))


def _owner_key(words: list[str]) -> list[str]:
    """An owner's words as compared: without the words before it, without the kind of
    state ("Dominican Republic" -> ["Dominican"], "the Republic of Valdoria" ->
    ["Valdoria"], "Russian Federation" -> ["Russian"])."""
    if "of" in words:
        words = words[len(words) - words[::-1].index("of") :]
    key = [w for w in _without_openers(words) if w not in _STATE_KINDS]
    if key and (key[-1] in _TITLE_WORDS or key[-1] in _TITLE_PARTS):
        return []  # "Foreign" of "Foreign Minister Elena Marsh": a title, no owner
    return key


# Words that say what kind of state an owner is, not which.
_STATE_KINDS = frozenset(
    """Republic Federation Kingdom Union State States Commonwealth Principality Sultanate
    Federal Democratic Socialist People's Islamic""".split()
)


def _owner_stems(word: str) -> set[str]:
    """The forms a country's name and its nationality share: "Valdoria", "Valdorian" ->
    both hold "Valdoria"; "Germany", "German" -> "German"."""
    word = word.removesuffix("'s").removesuffix("\u2019s")
    stems = {word}
    for suffix in _OWNER_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stems.add(word[: -len(suffix)])
    return stems


def _bare_body(named: list[tuple[str, int, str]], body: str) -> tuple[str, int]:
    """The body that "the <body>" means ("the ministry", "the foreign ministry"): the last
    one named whose name ends with those words ("Kestrian Foreign Ministry"), whoever was
    named since (a person is no ministry); ``("", -1)`` when none was. A ministry named
    by its portfolio is named by either form ("the foreign ministry" after "the Kestrian
    Ministry of Foreign Affairs", "the Ministry of Foreign Affairs" after "the Kestrian
    foreign ministry": see :func:`_body_forms`)."""
    wanted = _body_forms(body)
    for name, at, _ in reversed(named):
        for form in _body_forms(name):
            if any(form == w or form.endswith(" " + w) for w in wanted):
                return name, at
    return "", -1


def _titled(text: str, named: list[tuple[str, int, str]], title: str) -> tuple[str, int]:
    """The person a bare title means ("The President said" after "President Mitterrand
    spoke"): the last one named with that title just before the name, within reach;
    nobody when the last named held another title or none ("Ambassador Kirkpatrick
    said ... The Prime Minister replied" names nobody, not Kirkpatrick)."""
    wanted = title.lower()
    for name, at, _ in reversed(named):
        if at < 0:
            continue
        before = text[max(0, at - _TITLE_REACH) : at + len(name)].lower()
        if wanted in before:
            return name, at
        return "", -1  # the last person named is another: a reader would not guess
    return "", -1


# How far before a naming its title may stand ("President François Mitterrand").
_TITLE_REACH = 40


def _attributed_run(before: list[str], run: str) -> str:
    """Who the capitalized ``run`` that ends an attribution phrase names, after the
    phrase's words ``before`` it: an office of a body ("according to the Secretary-General
    of the United Nations"), nobody for a document's body ("the Preamble to the Charter of
    the United Nations") or the tail of a title ("the Head of State": the title), else
    the run as a name ("the report of the Secretary-General"). The office may be in lower
    case ("according to the foreign minister of Cuba": see :func:`_office_of_body`)."""
    phrase = " ".join(before) + " "
    ministry = _ministry_of_place(phrase, 0, len(phrase), run)
    if ministry is not None:
        return ministry[1]  # "according to the Ministry of Foreign Affairs of Kestria"
    people = _people_of(before, run)
    if people:
        return people  # "according to the people of Tarsk"
    office = _office_words_before_of(before)
    if office:
        office_of = _office_of_body(before, run)
        if office_of:
            return office_of
        if office[-1] in _DOCUMENT_WORDS:
            return ""
        body = _body_before_of(before, run)
        if body:
            return body  # "according to the Council of Europe"
        if run.split()[0] in _PORTFOLIOS:
            return " ".join([*office, "of", run])  # "Head of State", "Secretary of State"
    return _clean_name(_rejoined(before, run))


# A name set off after an office: ", Trygve Lie -", ", Mr. Kofi Annan,".
_PERSON_IN_APPOSITION = re.compile(
    rf",\s+(?:{_HONORIFIC_DOT}\s+)?(?P<name>{_NAME})\s*(?:[,:\u2014\u201c]|-\s)"
)


def _topic_of_phrase(before: list[str]) -> bool:
    """Whether the capitalized run that ends an attribution phrase is what its source is
    about ("according to the Economic Report on Africa"), after ``before``, the phrase's
    words before the run. Sources named after other prepositions stay ("the report of
    the Secretary-General", "figures from the World Bank", "a spokesman for Lavrov")."""
    if before and before[-1] in _DETERMINERS:
        before = before[:-1]
    return bool(before) and before[-1] in _TOPIC_PREPOSITIONS


_TOPIC_PREPOSITIONS = frozenset({"on", "about", "concerning", "regarding"})


def _cut_short(text: str, tail: re.Match) -> bool:
    """Whether an attribution phrase ran to the length limit with more words to come:
    its last capitalized words are then wherever the limit fell ("the work of the
    Organ" of "Organization", "Federal Republi"), not a name that ends the phrase."""
    # The tail takes every character but these: stopping before another one means it
    # reached the limit.
    return tail.end() < len(text) and text[tail.end()] not in ".,;:\n\u201c\u201d"


def _clean_name(name: str) -> str:
    words = name.split()
    if "." in name:
        words = _without_false_initial(words)
    if len(words) > 2 and words[0] in ("His", "Her") and words[1] in _COURTESIES:
        words = words[2:]  # "His Excellency Boutros Boutros-Ghali" (but "His Majesty" stays)
    after_preposition = False
    while words and (
        words[0] in _NOT_NAMES
        or words[0] in _HONORIFICS
        or (after_preposition and words[0] in _DATE_NAMES)
    ):
        # "In April Smith said": a month or day that is also a name goes after "In".
        after_preposition = words[0] in _DATE_PREPOSITIONS
        words = words[1:]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]  # "Russia's" (but "Mongolian People's Republic")
    if words and all(w in _INSTITUTION_WORDS or w in _NOT_NAMES for w in words):
        return ""
    if words and words[-1] in _DOCUMENT_WORDS:
        return ""
    return " ".join(_without_leading_titles(words))


def _without_false_initial(words: list[str]) -> list[str]:
    """``words`` from after the last letter and period among them that is no middle
    initial: one after a word that is no first name ("World War I. Kennedy", "Plan B.
    Lavrov", "Annex I. Lavrov", "President E. Marcos"); the words before it end
    something else. "Ferdinand E. Marcos" and "Vladimir V. Shcherbitsky" stay whole."""
    for k in range(len(words) - 1, 0, -1):
        if _is_initial(words[k]):
            before = words[k - 1]
            if (
                before in _NOT_PERSON_WORDS
                or before in _NUMBERED_THINGS
                or not _could_be_a_first_name(before)
            ):
                return words[k + 1 :]
    return words


def _past_false_initial(text: str, m: re.Match) -> int:
    """Where the name that ``m`` matched starts once a letter that is no middle initial
    is taken off it (see :func:`_without_false_initial`): ``m.start()`` when none is.
    After "of" every letter is taken off: a name there speaks only as a place ("the
    representative of Cuba"), and a letter ends the place ("the President of the
    Republic of Uganda A. Milton Obote, said": not "Uganda A. Milton Obote")."""
    if "." not in m["name"]:
        return m.start()  # most names: no letter and period at all
    words = m["name"].split()
    kept = _without_false_initial(words)
    if len(kept) == len(words) and _after_of(text, m.start()):
        initials = [k for k, word in enumerate(words) if _is_initial(word)]
        kept = words[initials[-1] + 1 :] if initials else words
    if not kept or len(kept) == len(words):
        return m.start()
    return text.rfind(kept[0], m.start(), m.end())


def _after_of(text: str, at: int) -> bool:
    """Whether the word at ``at`` follows "of" or "of the"."""
    before = text[max(0, at - 12) : at].split()[-2:]
    return before[-1:] == ["of"] or before == ["of", "the"]


def _is_initial(word: str) -> bool:
    """Whether ``word`` is a capital letter and a period: "E." of "Ferdinand E. Marcos"."""
    return len(word) == 2 and word[1] == "." and word[0].isupper()


# Words that a letter numbers: "Annex I", "Part B", "Phase C".
_NUMBERED_THINGS = frozenset(
    "Annex Appendix Article Chapter Part Phase Section Stage Title Volume Category".split()
)


def _without_leading_titles(words: list[str]) -> list[str]:
    """A name without the titles that lead it, one person one name: "French President
    Emmanuel Macron", "NATO Secretary General Jens Stoltenberg", "Prime Minister Tony
    Blair", "State Antony Blinken" (of "Secretary of State …") -> the name.

    Only a prefix goes: at most one word before the titles (a nationality or body:
    "French", "NATO"), and the name after them is kept whole. Words that are titles only
    in some names are titles only after another title ("Secretary General", not
    "General Motors"). A run that is only titles ("Prime Minister") stays, and so do
    bodies named with a portfolio ("State Department", "Health Canada", "Labour Party").
    """
    if len(words) >= 3 and words[0] in _PORTFOLIOS and words[1] not in _TITLE_WORDS:
        return words[1:]  # "State Antony Blinken": the tail of "Secretary of State"
    first = 1 if len(words) > 1 and words[0] not in _TITLE_WORDS else 0
    k = first
    while k < len(words) and (
        words[k] in _TITLE_WORDS or (k > first and words[k] in _TITLES_AFTER_A_TITLE)
    ):
        k += 1
    if k == first or k == len(words):
        return words  # no title, or nothing but titles
    if _without_possessive(words[k]) in _TITLE_WORDS:
        return words  # a body a title names: "Prime Minister's Office" (quoter 22)
    return words[k:]


def _earlier_full_name(text: str, name: str, end: int) -> str:
    """The full name of a person whose surname ``name`` is, given in ``text[:end]``
    ("Prime Minister Marek Holt met ..." before "Holt rejected ..."), else ``name``.

    Stricter than :func:`full_name`, since a country or a body is a single capitalized
    word too: the full name is a person's (see :func:`_person_of_run`: not "Latin
    America", nor "Agreements Israel" of "under these Agreements Israel", whose words
    are a thing's), and unless a title leads it, it stands inside a sentence and after
    no determiner ("Since Kestria ..." and "these Kestria" name no Since or these); a
    full name that opens a sentence as its subject is a mention already (see
    :func:`_mentions`)."""
    for words, titled, at in _fuller_forms(text, name, end):
        if not words or not _NOT_FIRST_NAMES.isdisjoint(words):
            continue
        if not all(_could_be_a_first_name(word) for word in words):
            continue
        if not titled and (_opens_sentence(text, at) or _after_determiner(text, at)):
            continue
        if _person_of_run([*words, name]) is not None:
            return " ".join([*words, name])
    return name


def _could_be_a_first_name(word: str) -> bool:
    """Whether ``word`` may be a first name: no word of a body or a document, in the
    singular or the plural ("Agreements", "Nations")."""
    singular = word.removesuffix("s")
    return _could_be_a_name(word) and not (
        singular in _INSTITUTION_WORDS or singular in _DOCUMENT_WORDS or word in _DOCUMENT_WORDS
    )


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens a sentence or a line: no word or comma before it."""
    before = text[max(0, at - 40) : at].rstrip()
    return not before or not (before[-1].isalnum() or before[-1] in ",-")


def _after_determiner(text: str, at: int) -> bool:
    """Whether the word at ``at`` follows a determiner ("the", "these", "its")."""
    before = text[max(0, at - 40) : at].split()[-1:]
    return bool(before) and before[0].lower() in _THING_DETERMINERS


_THING_DETERMINERS = frozenset("the a an this that these those its their".split())


def _fuller_forms(text: str, name: str, end: int) -> Iterator[tuple[list[str], bool, int]]:
    """Each run of one or two capitalized words right before ``name`` in ``text[:end]``:
    ``(its words without titles, whether titles were taken off, where it starts)``."""
    at = text.find(name, 0, end)
    while at >= 0:
        if not _continues_word(text, at + len(name)):
            run = _RUN_BEFORE_NAME.search(text, max(0, at - _LONGEST_RUN), at)
            if run is not None:
                words = run.group().split()
                titled = False
                while words and (words[0] in _TITLES or words[0] in _LEADING_TITLES):
                    words, titled = words[1:], True  # "Ambassador April Glaspie"
                if words and words[-1].endswith("."):  # a middle initial: "John F. "
                    words = _without_false_initial([*words, name])[:-1]
                yield words, titled, run.start()
        at = text.find(name, at + 1, end)


# One or two whole capitalized words and the space after them, right before a name:
# "Jean-Baptiste " of "Jean-Baptiste Bagaza", not "Baptiste "; a middle initial may end
# them ("John F. " of "John F. Kennedy").
_RUN_BEFORE_NAME = re.compile(
    rf"(?<![\w'\u2019-])(?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*{NAME_GAP}){{1,2}}"
    rf"(?:{_INITIAL}{NAME_GAP})?\Z"
)
_LONGEST_RUN = 80


def full_name(text: str, name: str) -> str:
    """The fuller form of a one-word name where the text first writes it with one or
    two capitalized words before it ("Lavrov" -> "Sergey Lavrov"); else ``name``.

    A search of the whole text, used for the reporting subjects of comparisons. Quote
    speakers are expanded only from names introduced by a reporting verb: over the
    whole text, capitalized words that open a sentence or name a region ("Since
    Israel", "Latin America") would too often pass for first names.

    Example:
        >>> full_name("Sergey Lavrov arrived. Lavrov said no.", "Lavrov")
        'Sergey Lavrov'
    """
    if " " in name:
        return name
    for words, _, _ in _fuller_forms(text, name, len(text)):
        if words and _NOT_FIRST_NAMES.isdisjoint(words):
            return " ".join([*words, name])
    return name


# Titles before a name are left out of it ("President Putin" is "Putin", and
# "Vladimir Putin" later in the text is taken instead): one person, one name.
_TITLES = _HONORIFICS | frozenset(
    """President Vice Prime Minister Foreign Secretary General Ambassador King Queen
    Prince Chancellor Premier Senator Governor Mayor Professor Chairman Director
    Commissioner Envoy Spokesman Spokeswoman Judge Justice Comrade Marshal Colonel
    Captain Sheikh Emir Sultan Pope""".split()
)
# Titles of persons left out of a speaker's name (see _without_leading_titles).
_TITLE_WORDS = (_TITLES - {"General", "Prince", "Justice", "Foreign"}) | frozenset(
    """Deputy Secretary-General Vice-President Archbishop Cardinal Emperor Empress
    Commander Admiral Lieutenant Brigadier Chairperson Chairwoman Spokesperson
    President-elect President-Elect Minister-President Field Attorney""".split()
)
# Titles that lead a name and are no first names ("Deputy Arie Eliat", "His Excellency
# Ahmadou Ahidjo", "Emperor Menelik"), besides _TITLES.
_LEADING_TITLES = _TITLE_WORDS | frozenset("Excellency Majesty Highness Comrade".split())
# Words that often open a sentence and are never followed by its subject's name: the
# plain name of _MENTION is not looked for after them (found fast; most sentences open
# so). Not "When", "As" or "But": "When Bolivar conceived ...".
_NO_SUBJECT_NAME = (
    "(?:The|This|That|These|Those|It|We|They|He|She|I|In|On|At|For|Our|My|Its|Their|There"
    "|Here|A|An|To|By|With|From|Of|Let|Such|What|All|No)"
)
# A sentence's subject named with a title or an appositive (see _mentions).
# A tree of shared prefixes (see _prefix_tree), whose optional endings are greedy, so
# "Secretary-General" wins over "Secretary" as longest-first alternatives did, with one
# test per distinct letter rather than one per title; sorted, so the pattern is the same
# in every process (set order varies with hash randomization).
_TITLE_ALTERNATION = _prefix_tree(sorted(_TITLE_WORDS))
# A short phrase that may open a sentence before its subject, set off by a comma: "In
# Ostria,", "On Monday,", "Later,", "After the talks," (at most _OPENING_WORDS words).
_OPENING_WORDS = 5
# Not a subject itself, nor what leads one ("We, the peoples of ...,", "Our delegation,").
_NOT_OPENING = "(?:It|We|They|He|She|I|Let|My|Our|Its|Their|Such|What)"
# Its words are at most _OPENING_WORD_CHARS long, with at most three spaces between.
_OPENING_WORD_CHARS = 25
# Possessive quantifiers: the words run up to the first that a comma ends, and a sentence
# that opens otherwise fails at once rather than after every shorter reading.
_OPENING_WORD = rf"[\w'\u2019-]{{1,{_OPENING_WORD_CHARS}}}+"
_OPENING_PHRASE = (
    rf"(?!{_NOT_OPENING}\b)"
    rf"{_OPENING_WORD}(?:[^\S\n]{{1,3}}+{_OPENING_WORD}){{0,{_OPENING_WORDS - 1}}}+,[^\S\n]+"
)
# How far from a sentence's start the comma of such a phrase can be, after at most 40
# characters of spaces and marks (see _opens_without_subject_name).
_OPENING_REACH = 40 + _OPENING_WORDS * (_OPENING_WORD_CHARS + 3)
# Up to two capitalized words may lead the titles: "Ostrian Foreign Minister Karel
# Duvnjak", "Valdoria's Foreign Minister Elena Marsh". News writes the title in lower case
# after one or two capitalized words (quoter 22): "Fisheries minister Jan Marsh",
# "Kestrian prime minister Olaf Brandt", "Kestria's foreign minister Ana Ruiz".
# The title's words: an office's head or a descriptor, as one tree of shared prefixes (see
# _prefix_tree), and up to two lower-case words before it ("foreign", "prime").
_LOWER_TITLE_WORDS = _OFFICE_HEAD_WORDS | frozenset(
    noun for noun in DESCRIPTOR_NOUNS.split("|") if " " not in noun
)
_LOWER_TITLE = rf"(?:[a-z][a-z'\u2019-]*+\s+){{0,2}}{_prefix_tree(sorted(_LOWER_TITLE_WORDS))}\s+"
_LOWER_CASE_TITLE = rf"(?:[A-Z][\w'\u2019-]*\s+){{0,2}}{_LOWER_TITLE}"
# The same after an opening phrase's comma or "The", all in lower case ("On Monday,
# fisheries minister Jan Marsh ...", "The foreign minister Ana Ruiz ..."), looked for
# before the mention pattern is tried.
_LOWER_CASE_TITLE_LOOK = re.compile(rf"\s*{_LOWER_TITLE}[A-Z]")
# A title's head word anywhere, looked for first (found in C).
_LOWER_TITLE_HEAD = re.compile(rf" {_prefix_tree(sorted(_LOWER_TITLE_WORDS))} [A-Z]")
_MENTION_SUBJECT = (
    rf"(?:(?:(?:[A-Z][\w'\u2019-]*\s+){{0,2}}(?:(?:{_TITLE_ALTERNATION})\s+)+"
    rf"|{_LOWER_CASE_TITLE})(?P<name>{_NAME})"
    rf"|{_HONORIFIC_DOT}\s+(?P<honoured>{_NAME})"
    rf"|(?P<named>{_NAME}){_APPOSITIVE}|(?!{_NO_SUBJECT_NAME}\b)(?P<plain>{_NAME}))"
    rf"{_ADVERB}\s+(?P<verb>[a-z]+)"
)
# The subject may follow an opening phrase, read only when the sentence's opening names
# no subject itself (lazily: "Karel Duvnjak, Ostria's envoy, struck" is the name and its
# appositive), in the same call.
_MENTION = re.compile(rf"[\s\u201c\u2018(]*(?:{_OPENING_PHRASE})??{_MENTION_SUBJECT}")
# The subject after an opening phrase, tried when the sentence's opening matched
# _MENTION with a word that is no verb ("After the talks, Karel Duvnjak struck": "After"
# and "the").
_MENTION_AFTER_OPENING = re.compile(rf"[\s\u201c\u2018(]*{_OPENING_PHRASE}{_MENTION_SUBJECT}")
# Endings of nationalities and of countries' names: "Valdori-an", "Chin-ese"/"Chin-a",
# "Israel-i", "Germa-ny"/"German", "Swed-ish"/"Swed-en", "Turk-ish"/"Turk-ey".
_OWNER_SUFFIXES = ("ian", "ean", "an", "n", "ese", "i", "ish", "ia", "a", "y", "ey", "en", "e")
_OWNER_TITLES = rf"(?:{_TITLE_ALTERNATION}|Foreign|Affairs|General)"
# Right before a name: "Valdorian Foreign Minister ", "Valdoria's Foreign Minister ",
# "Valdoria's ".
_OWNER_BEFORE_NAME = re.compile(
    rf"{_NAME_START}(?P<owner>{_WORD}(?:[^\S\n]+{_WORD}){{0,2}}?)(?P<possessive>['\u2019]s)?"
    rf"[^\S\n]+(?P<titles>(?:{_OWNER_TITLES}[^\S\n]+)*"
    # or the office in lower case, as news writes it: "Kestrian prime minister " (quoter 22)
    rf"|(?:{_HEAD_MODIFIER}[^\S\n]+){{0,2}}(?:{_OFFICE_HEADS}|{DESCRIPTOR_NOUNS})[^\S\n]+)\Z"
)
# Right after one: ", Valdoria's foreign minister", ", the Valdorian foreign minister",
# ", Foreign Minister of Valdoria", ", who is again President of the Republic of
# Valdoria", " reiterated Valdoria's stance".
# An office with an owner set off before a name: "Ostria's fisheries minister, ", "the
# Valdorian foreign minister, ".
_OWNER_OFFICE_BEFORE_NAME = re.compile(
    rf"{_NAME_START}(?P<owner>{_WORD}(?:[^\S\n]+{_WORD}){{0,2}}?)(?:['\u2019]s)?\s+"
    rf"(?P<office>(?:[a-z-]+\s+){{0,2}}(?:{_OFFICE_HEADS}|{DESCRIPTOR_NOUNS})),\s+"
    rf"(?:{_HONORIFIC_DOT}\s+)?\Z"
)
_OFFICE_AFTER_NAME = rf"(?:[A-Za-z-]+\s+){{0,2}}?(?i:{_OFFICE_HEADS}|{DESCRIPTOR_NOUNS})(?![\w-])"
_OWNER_AFTER_NAME = re.compile(
    rf",\s+(?:(?:the|a|an)\s+)?(?:(?P<owner>{_WORD}(?:\s+{_WORD}){{0,2}}?)(?:['\u2019]s)?\s+"
    rf"(?P<office>{_OFFICE_AFTER_NAME})"
    rf"|(?P<of_office>{_OFFICE_AFTER_NAME})\s+of\s+(?:the\s+)?"
    rf"(?P<of_owner>{_NAME}(?:\s+of\s+(?:the\s+)?{_NAME})?)"
    # "who was then and is today again President of ...": a capitalized office
    rf"|who\s+(?:[a-z]+\s+){{1,6}}?"
    rf"(?P<who_office>(?:[A-Z][\w-]*\s+){{0,2}}?(?i:{_OFFICE_HEADS}|{DESCRIPTOR_NOUNS}))"
    rf"(?![\w-])\s+of\s+(?:the\s+)?(?P<who_owner>{_NAME}(?:\s+of\s+(?:the\s+)?{_NAME})?))"
    rf"|{_ADVERB}\s+(?:reiterated|restated|reaffirmed|stated|outlined|explained|defended"
    r"|presented|conveyed|expressed|stressed|underlined|set\s+out)\s+"
    rf"(?P<stance_owner>{_WORD}(?:\s+{_WORD}){{0,2}}?)['\u2019]s\s+(?:[a-z-]+\s+)?"
    r"(?:stance|position|positions|view|views|policy|commitment|readiness|openness|support"
    r"|opposition|determination|willingness|demands|concerns)\b"
)


# The quick look for such a phrase (_may_open_with_phrase): each subject of
# _MENTION_SUBJECT starts with a capital letter (of _WORD's) or "d'".
_OPENING_LOOK = re.compile(rf"[\s\u201c\u2018(]*{_OPENING_PHRASE}(?:d')?[A-ZÀ-ÖØ-Þ]")
# The same words as sets, for a quick look at a sentence's opening (_opens_without_subject_name).
_NO_SUBJECT_WORDS = frozenset(_NO_SUBJECT_NAME.strip("(?:)").split("|"))
_PARTICLES = frozenset(_PARTICLE.strip("(?:)").split("|"))
_NOT_OPENING_WORDS = frozenset(_NOT_OPENING.strip("(?:)").split("|"))
# After an inverted verb: up to two words and then titles before the name.
_INVERTED_TITLED_NAME = re.compile(
    rf"\s+(?:{_HONORIFIC_DOT}\s+)?(?:[A-Z][\w-]*{NAME_GAP}){{0,2}}(?:{_TITLE_ALTERNATION}){NAME_GAP}"
    rf"(?:(?:{_TITLE_ALTERNATION}|General|Foreign|Affairs){NAME_GAP})*(?P<name>{_NAME})"
)
# Words that are titles only after another title: "Secretary General", "Attorney
# General", "Foreign Minister" is led by a portfolio, "Minister of Foreign Affairs".
_TITLES_AFTER_A_TITLE = frozenset("General Foreign Affairs".split())
# Words of a title other than _TITLE_WORDS: "Foreign Minister", "Head of State".
_TITLE_PARTS = _TITLES_AFTER_A_TITLE | _PORTFOLIOS | frozenset({"of", "Head"})
# Titles that name one office in a text: its holder is known without a name.
_UNIQUE_OFFICES = frozenset({"Secretary-General", "Secretary General", "Pope"})
# Words before a surname that are no first names ("The Lavrov", "His Lavrov").
_NOT_FIRST_NAMES = _NOT_NAMES | _TITLES | frozenset("Our Their His Her Its A An".split())


def _expand_surname(name: str, full_names: list[str]) -> str:
    if " " in name:
        return name
    for full in reversed(full_names):
        if full.split()[-1] == name:
            return full
    return name


def _introducer(text, events, event_starts, low: int, colon: int) -> str:
    """The speaker of the last event in ``text[low:colon]``: one it names, or "he" or
    "the minister" when the name was given in the same paragraph (further back, the
    pronoun too often points elsewhere)."""
    k = bisect.bisect_left(event_starts, colon) - 1
    while k >= 0 and events[k].start >= low:
        event = events[k]
        if event.end <= colon:
            paragraph = text.rfind("\n", 0, low) + 1
            return event.speaker if event.named_at >= paragraph else ""
        k -= 1
    return ""


def _sentence_before(
    text: str,
    sentences: Sequence[tuple[int, int]],
    sentence_starts: list[int],
    start: int,
    sentence: tuple[int, int],
) -> tuple[int, int]:
    """The sentence right before a quote at ``start`` that opens its ``sentence``, with
    no blank line between; ``(-1, -1)`` when the quote does not open its sentence or no
    such sentence is there. (A single line break between ends a paragraph unless the
    document wraps its lines: see :func:`_same_paragraph`, asked only when needed.)"""
    if text[sentence[0] : start].strip(_OPENING_MARKS):
        return (-1, -1)
    k = bisect.bisect_right(sentence_starts, sentence[0] - 1) - 1
    if k < 0:
        return (-1, -1)
    before = sentences[k]
    if before[1] > sentence[0]:
        return (-1, -1)
    if _BLANK_LINE.search(text, before[1], start):
        return (-1, -1)
    return before


def _news_paragraph_before(
    text: str,
    spans: list[tuple[int, int]],
    sentences: Sequence[tuple[int, int]],
    sentence_starts: list[int],
    start: int,
    sentence: tuple[int, int],
    wrapped: list[bool],
    news: list[bool],
) -> tuple[int, int]:
    """The sentence that ends the paragraph before a quote at ``start`` that opens its
    ``sentence`` and its paragraph, where "he" or "she" would reach across that break
    ("Marsh said the talks had failed.\n\n“We will not return.”"): the text writes news
    paragraphs (see :func:`_writes_short_paragraphs`) and the paragraph before is short
    (at most _SHORT_PARAGRAPH_SENTENCES reporter's sentences and _SHORT_PARAGRAPH_CHARS
    characters, as in :func:`_across_short_paragraphs`); ``(-1, -1)`` otherwise, as for a
    speech, whose next paragraph so often turns to someone else (quoter 21). ``wrapped``
    and ``news`` hold what is worked out once per text."""
    if text[sentence[0] : start].strip(_OPENING_MARKS):
        return (-1, -1)  # the quote does not open its sentence
    k = bisect.bisect_right(sentence_starts, sentence[0] - 1) - 1
    if k < 0 or sentences[k][1] > sentence[0]:
        return (-1, -1)
    before = sentences[k]
    line = text.rfind("\n", 0, before[0]) + 1
    if text.find("\n", before[1], start) < 0 or before[1] - line > _SHORT_PARAGRAPH_CHARS:
        return (-1, -1)  # the same line, or a paragraph longer than news writes (found fast)
    if not _EVENT_VERB.search(text, max(0, before[0] - 1), before[1]):
        return (-1, -1)  # no reporting verb: no reported speech (found fast)
    if not wrapped:
        wrapped.append(_wraps_lines(text))
    if wrapped[0]:
        if not _BLANK_LINE.search(text, before[1], start):
            return (-1, -1)  # a wrapped line: the same paragraph
        blank = _LAST_BLANK_LINE.search(text, max(0, before[1] - _SHORT_PARAGRAPH_CHARS), before[0])
        if blank is None and before[1] > _SHORT_PARAGRAPH_CHARS:
            return (-1, -1)
        line = blank.end() if blank else 0
    # reporter's sentences only: one that opens with a quote mark is the quoted speaker's
    first = bisect.bisect_left(sentence_starts, line)
    said = sum(1 for s in sentence_starts[first : k + 1] if text[s] not in _QUOTE_OPENERS)
    if said > _SHORT_PARAGRAPH_SENTENCES:
        return (-1, -1)
    if not news:
        news.append(_writes_short_paragraphs(text))
    return before if news[0] else (-1, -1)


def _same_paragraph(text: str, low: int, high: int, wrapped: list[bool]) -> bool:
    """Whether no paragraph ends between ``low`` and ``high``, as _sentence_before
    reads it: no line break, or where a document wraps its lines, no blank line."""
    if text.find("\n", low, high) < 0:
        return True
    if not wrapped:
        wrapped.append(_wraps_lines(text))
    return wrapped[0] and not _BLANK_LINE.search(text, low, high)


def _reporter_of(
    text: str,
    spans: list[tuple[int, int]],
    events: list[_SpeechEvent],
    event_starts: list[int],
    sentence: tuple[int, int],
    wrapped: list[bool],
) -> str:
    """The speaker of reported speech in ``sentence``, whose subject is the one who
    speaks ("She said the release had been the turning point.", "On Monday, Elena Marsh
    told reporters that ...", "Ms. Marsh told reporters ..."): a quote that opens the
    next sentence with no speaker of its own goes on from it, as a quote goes on from the
    quote before it. So does a sentence that ends with its reporting verb, as a colon
    would ("Elena Marsh stated. “…”", "But, as Elena Marsh stated. “…”"; not "As
    Elena Marsh said, the talks failed."). "" when the sentence quotes (see
    :func:`_continued_quotes`) or does not open so."""
    low, high = sentence
    k = bisect.bisect_left(spans, (low, -1))
    if k < len(spans) and spans[k][0] < high:
        return ""  # a quote of its own: its speaker goes on, if any
    for event in events[
        bisect.bisect_left(event_starts, low) : bisect.bisect_left(event_starts, high)
    ]:
        subject = _REPORTED_SUBJECT.fullmatch(text, low, event.start)
        if not event.speaker or subject is None:
            continue
        verb = text[max(event.start, event.end - _LONGEST_VERB) : event.end].split()[-1:]
        if not verb or verb[0] not in REPORTING_VERBS:
            continue
        # the event of "As Elena Marsh said" may start at "As"
        introduced = subject["introduced"] or text.startswith(("As ", "as "), event.start)
        if introduced and text[event.end : high].strip(" .,;:\n"):
            continue  # not "As Elena Marsh said, the talks failed."
        if _inside_unclosed_quote(text, spans, low, wrapped):
            return ""  # "“4. The Assembly calls upon ...": quoted text, no report
        return event.speaker
    return ""


def _inside_unclosed_quote(
    text: str, spans: list[tuple[int, int]], at: int, wrapped: list[bool]
) -> bool:
    """Whether an opening quote mark that no quote pairs stands before ``at`` in its
    paragraph (a quoted resolution whose paragraphs open with a mark and never close):
    what follows it is quoted text. ``wrapped`` as for :func:`_sentence_before`."""
    if not wrapped:
        wrapped.append(_wraps_lines(text))
    if wrapped[0]:
        blank = _LAST_BLANK_LINE.search(text, max(0, at - _MAX_QUOTE_CHARS), at)
        paragraph = blank.end() if blank else max(0, at - _MAX_QUOTE_CHARS)
    else:
        paragraph = text.rfind("\n", 0, at) + 1
    mark = text.rfind("\u201c", paragraph, at)
    if mark < 0:
        return False
    k = bisect.bisect_right(spans, (mark, len(text))) - 1
    return not (k >= 0 and spans[k][0] <= mark < spans[k][1])


_LAST_BLANK_LINE = re.compile(r"(?s:.*)\n[^\S\n]*\n")


# What may stand before the subject of reported speech: an opening phrase ("Later, ",
# "Asked about the quotas, "), an honorific ("Ms. "), and, before a subject whose verb
# ends the sentence, "as". Not a quote mark: a sentence that opens with one is quoted
# text, which a quote that never closed left outside the quotes ("“4. The Assembly
# calls upon ...").
# A title in lower case before the name, which the name's event does not hold, as it
# holds a capitalized one (quoter 22): "Fisheries minister Jan Marsh said ...".
_REPORTED_SUBJECT = re.compile(
    rf"[\s(]*(?:{_OPENING_PHRASE})?(?P<introduced>[Aa]s\s+)?(?:{_HONORIFIC_DOT}\s+)?"
    rf"(?:(?:[Tt]he\s+)?{_LOWER_CASE_TITLE})?"
)


def _introduction(text, start, sentences, sentence_starts) -> tuple[int, int]:
    """``(sentence start, colon)`` of the sentence that ends with a colon in the
    paragraph before a quote that opens its own ("Lula said:\n\n“…”"), the way news
    introduces a long quote; ``(-1, -1)`` when the quote is not introduced so."""
    low = max(0, start - _EVENT_REACH)
    colon = low + len(text[low:start].rstrip())
    if colon == low or text[colon - 1] != ":" or "\n" not in text[colon:start]:
        return (-1, -1)
    return (_enclosing_sentence(sentences, sentence_starts, colon - 1, colon)[0], colon)


def _enclosing_sentence(sentences, sentence_starts, start: int, end: int) -> tuple[int, int]:
    """The span from the sentence holding ``start`` to the one holding ``end``."""
    first_i = bisect.bisect_right(sentence_starts, start) - 1
    last_i = bisect.bisect_left(sentence_starts, end) - 1
    first = sentences[first_i] if first_i >= 0 and start < sentences[first_i][1] else (start, end)
    last = sentences[last_i] if last_i >= 0 and end <= sentences[last_i][1] else first
    return (min(first[0], start), max(last[1], end))


def _attribute(text, start, end, sentence, events, event_starts, kind) -> str:
    """Speaker of a quote: a reporting verb right after it, else before it in its sentence."""
    sent_start, sent_end = sentence

    def between(low: int, high: int) -> list[_SpeechEvent]:
        return events[
            bisect.bisect_left(event_starts, low) : bisect.bisect_left(event_starts, high)
        ]

    def same_clause(event: _SpeechEvent) -> bool:
        # After the quote, only in its own clause: "“…”. 2 That is why Mr. Bokassa said"
        # introduces the next quote.
        return event.start < start or not _CLAUSE_BREAK.search(text, end, event.start)

    after = [e for e in between(end, min(end + 80, sent_end + 1)) if same_clause(e)]
    if after and kind == "direct":
        return after[0].speaker
    before = between(sent_start, start)
    if before:
        return before[-1].speaker
    inside_sentence = [e for e in between(sent_start, sent_end) if same_clause(e)]
    if inside_sentence:
        return inside_sentence[0].speaker
    return ""


# Between a quote and a reporting verb after it, a sign that the verb belongs to another
# clause: a number (a paragraph's), a sentence end (not "Mr."), or a word that opens a
# clause. Not "as" ("“…”, as Litvinov said"): it attributes.
_CLAUSE_BREAK = re.compile(
    r"\d|(?<!Mr)(?<!Mrs)(?<!Ms)(?<!Dr)[.!?]\s|\b(?:and|when|why|that|because|whereas|while)\b"
)
