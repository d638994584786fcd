"""Lexicon lookup over a document's lower-cased text: where its forms match, longest first.

Forms are matched with word boundaries that agree with the corpus tokenizer: a form
does not start or end inside a word, a hyphenated word ("must-have") or a
contraction ("can't" is not "can"), but a clitic form may follow its host ("we'll"
holds "'ll"). Multi-word forms allow any whitespace between their words; a word
ending in ``*`` matches any ending.

Where a word form may start is found without visiting every word in Python: the
runs of a-z letters of the whole text are hashed with numpy (:mod:`analysis._runs`)
and only those that are a form's first word (or first two or three words) are
checked, each against the compiled forms that share its first characters. A lexicon
with a form that does not start with a-z is scanned instead by one regular
expression of all its forms, factored as a character trie (a flat alternation of a
few hundred phrases is several times slower in Python's engine). Either way, at a
hit every form that matches there is returned, longest first, so the caller can
take the longest item its context rules accept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from corpus._pickling import rebuilt_from_fields

from ._runs import HashSet, LetterRuns, letter_runs, pair_hash, word_hash

# Left boundary: not inside a word, a hyphenated word or a contraction.
_LEFT = r"(?<![\w-])(?<!\w')"
# Right boundary: no word character, hyphen-joined word or non-clitic apostrophe after.
_RIGHT = r"(?!\w|-\w|'(?!(?:s|d|m|ll|re|ve)(?![\w']))\w)"


def item_forms(items: pd.DataFrame) -> list[tuple[str, int]]:
    """``(lower-cased form, item index)`` for each surface form of each item."""
    out = []
    for index, item in enumerate(items.to_dict("records")):
        forms = item.get("forms")
        if not isinstance(forms, list) or not forms:
            forms = [item["term"]]
        for form in forms:
            form = " ".join(str(form).lower().split())
            if form:
                out.append((form, index))
    return out


def _form_body(form: str) -> str:
    """The regex of one form (no boundaries): words joined by any whitespace."""
    words = []
    for word in form.split(" "):
        wildcard = word.endswith("*")
        body = re.escape(word.rstrip("*"))
        words.append(body + (r"\w*" if wildcard else ""))
    return r"\s+".join(words)


def _trie_regex(forms: list[str]) -> str:
    """One alternation of ``forms`` factored by common prefixes."""
    trie: dict = {}
    for form in forms:
        node = trie
        for ch in form.rstrip("*") + ("*" if form.endswith("*") else ""):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = []
        optional = "" in node
        for ch in sorted(k for k in node if k):
            if ch == " ":
                head = r"\s+"
            elif ch == "*":
                head = r"\w*"
            else:
                head = re.escape(ch)
            branches.append(head + emit(node[ch]))
        if not branches:
            return ""
        if len(branches) == 1 and not optional:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")

    return emit(trie)


# The character before a word form, for the scan: anything but a lower-case ASCII word
# character or a hyphen. A set of plain ASCII characters is checked by the regex engine
# in a tight loop that skips the inside of words, where the left boundary as a
# lookbehind had to be tried at every character. A few characters get past it (a
# non-ASCII letter or digit such as "é" or "²", a letter followed by "'"); each hit is
# checked against the full left boundary, :data:`_LEFT_BOUNDARY`, which rules them out.
_BEFORE_FORM = "[^0-9_a-z-]"
_LEFT_BOUNDARY = re.compile(_LEFT)


# A form's runs of a-z letters, a trailing "*" kept ("rumour*", "can", "t" of "can't").
_FORM_RUN = re.compile(r"[a-z]+\*?")


@dataclass(frozen=True)
class RunKeys:
    """What the letter runs of a text must hold where some word form may start.

    A form that starts with a-z letters starts a run of them (the letters before it are
    no word characters). One-word forms need that run to be their word (``words``) or,
    for ``rumour*``, to begin with its stem (``stems``: every stem's first
    ``stem_length`` letters, the shortest stem's length); forms of two runs need the run
    and the next one to be theirs (``pairs``: "it seems" is not looked at after every
    "it"), longer forms their first three (``triples``: "it is likely" is not looked at
    after every "it is").
    """

    words: HashSet
    pairs: HashSet
    triples: HashSet
    stems: HashSet
    stem_length: int

    def __reduce__(self) -> tuple:
        return rebuilt_from_fields(self)  # compiled frozen dataclasses need it (corpus._pickling)

    @classmethod
    def of(cls, forms: list[str]) -> RunKeys | None:
        """The keys of word ``forms``; None if one does not start with a-z (a user's
        lexicon may hold "élan" or "2nd": those lexicons are scanned by regex only)."""
        words, pairs, triples, stems = set(), set(), set(), set()
        for form in forms:
            runs = _FORM_RUN.findall(form)
            if not runs or not form.startswith(runs[0].rstrip("*")):
                return None
            first = runs[0]
            exact = 0  # how many runs lead the form with no wildcard
            while exact < min(len(runs), 3) and not runs[exact].endswith("*"):
                exact += 1
            if exact == 3:
                triples.add(pair_hash(*runs[:3]))
            elif exact == 2:
                pairs.add(pair_hash(*runs[:2]))
            elif first.endswith("*"):
                stems.add(first[:-1])
            else:
                words.add(word_hash(first))
        stem_length = min(map(len, stems), default=0)
        return cls(
            HashSet.of(words),
            HashSet.of(pairs),
            HashSet.of(triples),
            HashSet.of(word_hash(stem[:stem_length]) for stem in stems),
            stem_length,
        )

    def starts(self, runs: LetterRuns) -> list[int]:
        """Offsets of the runs where a form may start, in order."""
        wanted = self.words.holds(runs.hashes)
        if len(self.pairs) and len(wanted) > 1:
            wanted[:-1] |= self.pairs.holds(runs.pair_hashes())
        if len(self.triples) and len(wanted) > 2:
            wanted[:-2] |= self.triples.holds(runs.triple_hashes())
        if len(self.stems):
            wanted |= self.stems.holds(runs.prefix_hashes(self.stem_length))
        return runs.starts[wanted].tolist()


@dataclass(frozen=True)
class FormMatcher:
    """Compiled lookup of a lexicon's forms; build with :func:`form_matcher`.

    ``words`` finds a word form with the character before it, ``word_at`` a word
    form at a given offset (for offset 0, which has no character before it),
    ``clitic_at`` a clitic form (they start with an apostrophe and need no left
    boundary; None when the lexicon has none); ``run_keys`` (None when a form does not
    start with a-z) finds where word forms may start faster than ``words`` does.
    """

    words: re.Pattern
    word_at: re.Pattern
    clitic_at: re.Pattern | None
    by_key: dict[str, tuple[tuple[re.Pattern, int], ...]]
    run_keys: RunKeys | None

    def __reduce__(self) -> tuple:
        return rebuilt_from_fields(self)  # compiled frozen dataclasses need it (corpus._pickling)

    def candidates(self, low: str, start: int) -> list[tuple[int, int]]:
        """``(end offset, item index)`` of every form matching at ``start``, longest first."""
        found = []
        pair = low[start : start + 2]
        if pair[1:].isspace():  # forms are keyed with one space between words
            pair = pair[0] + " "
        for key in (pair, low[start]):
            for pattern, index in self.by_key.get(key, ()):
                m = pattern.match(low, start)
                if m:
                    found.append((m.end(), index))
        found.sort(key=lambda f: -f[0])
        return found

    def scan(self, low: str) -> Scan:
        """The hits of a lower-cased text (:func:`lowered`), to be read in order."""
        return Scan(self, low)

    def next_hit(self, low: str, pos: int) -> tuple[int, list[tuple[int, int]]] | None:
        """The first place at or after ``pos`` where some form matches, with its
        candidates (one lookup; read a whole text through :meth:`scan`)."""
        return self.scan(low).next_hit(pos)


class Scan:
    """One lower-cased text's hits of a :class:`FormMatcher`, read front to back."""

    def __init__(self, matcher: FormMatcher, low: str) -> None:
        self.matcher = matcher
        self.low = low
        keys = matcher.run_keys
        # Where word forms may start, when the lexicon allows finding them by letter runs.
        self.maybe: list[int] | None = None if keys is None else keys.starts(letter_runs(low))
        self.next_maybe = 0

    def next_hit(self, pos: int) -> tuple[int, list[tuple[int, int]]] | None:
        """The first place at or after ``pos`` where some form matches, with its
        candidates, longest first. ``pos`` must not go back between calls."""
        matcher, low = self.matcher, self.low
        if self.maybe is None:
            start = self._next_word_by_regex(pos)
            word = None if start is None else (start, matcher.candidates(low, start))
        else:
            word = self._next_word(pos)
        if matcher.clitic_at is not None:
            clitic = self._first_clitic(pos, len(low) if word is None else word[0])
            if clitic is not None and (word is None or clitic < word[0]):
                return clitic, matcher.candidates(low, clitic)
        return word

    def _next_word(self, pos: int) -> tuple[int, list[tuple[int, int]]] | None:
        """The first word form at or after ``pos``, among the runs the keys allow."""
        low, maybe, matcher = self.low, self.maybe, self.matcher
        assert maybe is not None
        i = self.next_maybe
        while i < len(maybe) and maybe[i] < pos:
            i += 1
        self.next_maybe = i
        while i < len(maybe):
            start = maybe[i]
            i += 1
            if _LEFT_BOUNDARY.match(low, start):
                candidates = matcher.candidates(low, start)
                if candidates:
                    return start, candidates
        return None

    def _next_word_by_regex(self, pos: int) -> int | None:
        low, matcher = self.low, self.matcher
        if pos == 0 and matcher.word_at.match(low, 0):
            return 0
        # A form at ``start >= pos`` has its character before at ``start - 1 >= pos - 1``.
        at = max(pos - 1, 0)
        while (m := matcher.words.search(low, at)) is not None:
            start = m.start() + 1
            if _LEFT_BOUNDARY.match(low, start):
                return start
            at = start
        return None

    def _first_clitic(self, pos: int, before: int) -> int | None:
        """The first clitic form in ``[pos, before)``, else ``before`` (None: the end)."""
        low, clitic_at = self.low, self.matcher.clitic_at
        assert clitic_at is not None
        q = low.find("'", pos, before)
        while q >= 0:
            if clitic_at.match(low, q):
                return q
            q = low.find("'", q + 1, before)
        return before if before < len(low) else None


@lru_cache(maxsize=32)
def _compile(forms: tuple[tuple[str, int], ...]) -> FormMatcher:
    words = [f for f, _ in forms if not f.startswith("'")]
    clitics = [f for f, _ in forms if f.startswith("'")]  # "'ll" follows its host word
    word_body = "(?:" + (_trie_regex(words) if words else "(?!)") + ")" + _RIGHT
    clitic_at = re.compile("(?:" + _trie_regex(clitics) + ")" + _RIGHT) if clitics else None
    by_key: dict[str, list[tuple[re.Pattern, int]]] = {}
    for form, index in forms:
        key = form[:2] if len(form.rstrip("*")) >= 2 and form[1] != "*" else form[:1]
        by_key.setdefault(key, []).append((re.compile(_form_body(form) + _RIGHT), index))
    return FormMatcher(
        re.compile(_BEFORE_FORM + word_body),
        re.compile(word_body),
        clitic_at,
        {k: tuple(v) for k, v in by_key.items()},
        RunKeys.of(words),
    )


def form_matcher(items: pd.DataFrame) -> FormMatcher:
    """The (cached) matcher of ``items`` (columns ``term`` and optional ``forms``)."""
    return _compile(tuple(item_forms(items)))


def lowered(text: str) -> str:
    """``text`` lower-cased with every offset kept (a few letters lower to two characters)."""
    low = lower_text(text)
    if len(low) == len(text):
        return low
    return "".join(ch.lower()[:1] or ch for ch in text)


# mypyc compiles ``str.lower`` to a character-by-character mapping that misses the Greek
# final sigma ("ΑΣ" gives "ασ" where Python gives "ας"); called through this name, a
# compiled module runs Python's own method, so regular and editable installs agree.
_str_lower: Callable[[str], str] = str.lower


def lower_text(text: str) -> str:
    """``str.lower(text)``, through :func:`lower_ascii_cased` where it applies."""
    low = lower_ascii_cased(text)
    return low if low is not None else _str_lower(text)


_ASCII_BYTES = bytes(range(128))


def lower_ascii_cased(text: str) -> str | None:
    """``text.lower()`` when only ASCII letters in ``text`` change case, else None.

    Lowered as UTF-8 bytes (which lowers A-Z only): about twice as quick as
    ``str.lower`` on a text that holds a few curly quotes or dashes, where Python lowers
    every character through the Unicode tables. The non-ASCII characters are checked
    first: if lowering changes any of them ("É", "Σ"), None, and the caller lowers the
    text as a whole.

    Example:
        >>> lower_ascii_cased("The “Peace” Plan"), lower_ascii_cased("État")
        ('the “peace” plan', None)
    """
    if text.isascii():
        return text.lower()  # (no final sigma in ASCII)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return None
    other = data.translate(None, _ASCII_BYTES).decode("utf-8")
    if other.lower() != other:
        return None
    return data.lower().decode("utf-8")
