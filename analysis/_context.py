"""Token-level view of a document for the context rules of hedges and modals.

Without a POS tagger, the detectors decide from small closed word classes
(pronouns, determiners, forms of "be" and "have", negators) and word shapes
(past participles, -ing forms). Everything here is per document and plain data,
so the per-document functions stay picklable.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from corpus import Document
from corpus.quotes import find_quote_spans
from corpus.segment import TITLE_ABBREVIATIONS, token_strings

NEGATORS = frozenset({"not", "n't", "never", "no", "cannot", "neither", "nor", "hardly"})
BE = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m"})
HAVE = frozenset({"have", "has", "had", "having", "'ve"})
PRONOUNS = frozenset(
    {"i", "we", "you", "he", "she", "it", "they", "one", "this", "that", "there", "who"}
)
PERSONAL = frozenset({"i", "we", "you", "he", "she", "they", "who"})
DETERMINERS = frozenset(
    {
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "its",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "'s",
        "whose",
        "every",
        "each",
        "any",
        "some",
        "no",
    }
)
MONTH_CONTEXT = frozenset(
    {
        "in",
        "on",
        "of",
        "since",
        "until",
        "till",
        "by",
        "from",
        "to",
        "through",
        "last",
        "next",
        "early",
        "late",
        "mid",
        "during",
        "before",
        "after",
        "this",
        "april",
        "june",
        "and",
    }
)
# Frequent irregular past participles, for "must have <participle>" and passives.
IRREGULAR_PARTICIPLES = frozenset(
    """been done gone seen known taken given made said told found thought brought bought
    caught taught kept left lost meant met paid put read run set shown sent spent stood
    understood won written broken chosen driven eaten fallen forgotten frozen hidden
    ridden risen spoken stolen sworn thrown woken worn born borne begun drawn grown held
    built felt heard led cut hit hurt let shut struck become come got gotten sold
    undertaken overcome withdrawn""".split()
)
_NUMBER = re.compile(r"^[\d.,%$€£]+$|^\d")
NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty
    forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million
    millions billion half a dozen""".split()
)


def is_number(token: str) -> bool:
    return bool(_NUMBER.match(token)) or token in NUMBER_WORDS


def is_participle(token: str) -> bool:
    return token in IRREGULAR_PARTICIPLES or (token.endswith("ed") and len(token) > 3)


def is_ing(token: str) -> bool:
    return token.endswith("ing") and len(token) > 4 and token not in {"thing", "nothing", "during"}


def is_word(token: str) -> bool:
    return token[:1].isalnum()


# Characters of context kept around a hit: the rules look at most three words back
# and eight tokens ahead ("would also like to warmly thank", "must not have been").
WINDOW_BEFORE = 40
WINDOW_AFTER = 64


@dataclass(slots=True)
class TokenView:
    """Lower-cased tokens of a window of text around a hit, cut to the hit's sentence.

    ``opens_sentence`` says whether the window starts where the sentence starts (else
    words before the window are only known to exist). All tokens of a window are in
    one sentence, so the methods below stop only at the window's edges.
    """

    raw: list[str]
    low: list[str]
    opens_sentence: bool
    text: str
    hit_start: int
    hit_index: int
    window_end: int  # the window's last character offset (exclusive)
    sentence_end: int  # the end of the window's sentence
    sentence_first: int = 0  # the start of the window's sentence

    @classmethod
    def window(cls, text: str, start: int, end: int, sentence: tuple[int, int]) -> TokenView:
        """Tokens of ``text`` around a hit at ``start`` (up to ``end``), within ``sentence``.

        ``sentence`` is the hit's sentence span. :meth:`locate` finds the hit's tokens.
        """
        first, last = sentence
        left = max(first, start - WINDOW_BEFORE)
        if left > first:
            # Start on a whole token: after the first space of the cut-off part.
            space = text.find(" ", left, start)
            left = space + 1 if space >= 0 else start
        right = min(last, end + WINDOW_AFTER)
        raw = _tokens(text, left, start)
        hit_index = len(raw)
        raw += _tokens(text, start, right)
        return cls(
            raw,
            list(map(str.lower, raw)),
            left == first,
            text,
            start,
            hit_index,
            right,
            last,
            first,
        )

    def locate(self, start: int, end: int) -> tuple[int, int] | None:
        """Token range ``[i, j)`` of a window's hit that spans characters ``[start, end)``."""
        if start != self.hit_start:
            return None
        i = self.hit_index
        piece = self.text[start:end]
        if piece.isalpha():  # one plain word, the usual hit: it is its own token
            return (i, i + 1) if i < len(self.raw) and self.raw[i] == piece else None
        tokens = _tokens(self.text, start, end)
        j = i + len(tokens)
        return (i, j) if tokens and self.raw[i:j] == tokens else None

    def __len__(self) -> int:
        return len(self.low)

    def at(self, i: int) -> str:
        """Lower-cased token i, or "" outside the window."""
        return self.low[i] if 0 <= i < len(self.low) else ""

    def same_sentence(self, i: int, j: int) -> bool:
        """Whether token j exists (the window holds one sentence)."""
        return 0 <= j < len(self.low)

    def prev_words(self, i: int, n: int = 2) -> list[str]:
        """Up to n lower-cased words (or clitics) right before i, nearest first.

        Stops at punctuation and at the window start, so "" pads the list.
        """
        out = []
        low = self.low
        for j in range(i - 1, max(i - 1 - n, -1), -1):
            tok = low[j]
            if not (tok[:1].isalnum() or tok[:1] == "'"):
                break
            out.append(tok)
        return out + [""] * (n - len(out))

    def next_words(self, i: int, n: int = 3) -> list[str]:
        """Up to n lower-cased tokens after i (punctuation included)."""
        return self.low[i + 1 : i + 1 + n]

    def rest_of_sentence(self, i: int) -> list[str]:
        """Lower-cased tokens after i up to the end of its sentence (punctuation included);
        a window cut short of its sentence's end is read on from the text."""
        rest = self.low[i + 1 :]
        if self.sentence_end > self.window_end:
            rest += [t.lower() for t in _tokens(self.text, self.window_end, self.sentence_end)]
        return rest

    def text_before_hit(self) -> str:
        """The sentence's text before the hit (beyond the window's left edge)."""
        return self.text[self.sentence_first : self.hit_start]

    def sentence_start(self, i: int) -> bool:
        """Whether token i opens its sentence (ignoring opening quotes and brackets)."""
        low = self.low
        for j in range(i - 1, -1, -1):
            if low[j][:1].isalnum():  # is_word
                return False
        return self.opens_sentence

    def negated_before(self, i: int, window: int = 3) -> bool:
        """A negator within ``window`` tokens before i, in the same clause."""
        for j in range(i - 1, max(i - 1 - window, -1), -1):
            tok = self.low[j]
            if tok in {",", ";", ":", "—", "but", "that", "which", "who"}:
                return False
            if tok in NEGATORS or tok.endswith("n't") or tok == "without":
                return True
        return False

    def negated_after(self, i: int) -> bool:
        """A negator right after token i ("may not", "must never")."""
        nxt = self.next_words(i, 1)
        return bool(nxt) and (nxt[0] in NEGATORS or nxt[0] == "n't")


def _tokens(text: str, start: int, end: int) -> list[str]:
    """Tokens of ``text[start:end]``; a title keeps its period ("Mr.") as in the corpus."""
    return _join_titles(token_strings(text, start, end))


def _join_titles(tokens: list[str]) -> list[str]:
    if "." not in tokens:
        return tokens
    out: list[str] = []
    for token in tokens:
        if token == "." and out and out[-1].lower() in TITLE_ABBREVIATIONS:
            out[-1] += "."
        else:
            out.append(token)
    return out


def voices(doc: Document, starts: list[int]) -> list[tuple[str, str]]:
    """``(voice, speaker)`` for each offset, with one pass over the quotes.

    Quote speakers are only attributed (the costly part of :attr:`Document.quotes`)
    when some offset lies inside a quote.
    """
    authorial = ("authorial", str(doc.meta.get("speaker", "") or ""))
    if not starts:
        return []
    if "quotes" not in doc.__dict__:
        spans = find_quote_spans(doc.text)
        if not any(_inside(spans, offset) is not None for offset in starts):
            return [authorial] * len(starts)
    quotes = doc.quotes
    if not quotes:
        return [authorial] * len(starts)
    spans = [(q.start, q.end) for q in quotes]
    out = []
    for offset in starts:
        k = _inside(spans, offset)
        out.append(authorial if k is None else ("quoted", quotes[k].speaker))
    return out


def _inside(spans: list[tuple[int, int]], offset: int) -> int | None:
    k = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    if k >= 0 and spans[k][0] < offset < spans[k][1]:
        return k
    return None
