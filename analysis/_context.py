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


@dataclass
class TokenView:
    """Lower-cased tokens of a document with their spans and sentence ids."""

    doc: Document
    spans: list[tuple[int, int]]
    raw: list[str]
    low: list[str]
    sent: list[int]

    @classmethod
    def of(cls, doc: Document) -> TokenView:
        text = doc.text
        spans = doc.tokens
        raw = [text[s:e] for s, e in spans]
        starts = [s for s, _ in doc.sentences] or [0]
        sent = [max(bisect.bisect_right(starts, s) - 1, 0) for s, _ in spans]
        return cls(doc, spans, raw, [r.lower() for r in raw], sent)

    def __len__(self) -> int:
        return len(self.low)

    def at(self, i: int) -> str:
        """Lower-cased token i, or "" outside the document."""
        return self.low[i] if 0 <= i < len(self.low) else ""

    def same_sentence(self, i: int, j: int) -> bool:
        return 0 <= j < len(self.low) and self.sent[i] == self.sent[j]

    def prev_words(self, i: int, n: int = 2) -> list[str]:
        """Up to n lower-cased words (or clitics) right before i, nearest first.

        Stops at punctuation and at the sentence start, so "" pads the list.
        """
        out = []
        j = i - 1
        while len(out) < n:
            if j < 0 or self.sent[j] != self.sent[i]:
                break
            tok = self.low[j]
            if not (is_word(tok) or tok.startswith("'")):
                break
            out.append(tok)
            j -= 1
        return out + [""] * (n - len(out))

    def next_words(self, i: int, n: int = 3) -> list[str]:
        """Up to n lower-cased tokens after i in the same sentence (punctuation included)."""
        out = []
        j = i + 1
        while j < len(self.low) and self.sent[j] == self.sent[i] and len(out) < n:
            out.append(self.low[j])
            j += 1
        return out

    def sentence_start(self, i: int) -> bool:
        """Whether token i opens its sentence (ignoring opening quotes and brackets)."""
        j = i - 1
        while j >= 0 and self.sent[j] == self.sent[i]:
            if is_word(self.low[j]):
                return False
            j -= 1
        return True

    def negated_before(self, i: int, window: int = 3) -> bool:
        """A negator within ``window`` tokens before i, in the same clause."""
        j = i - 1
        seen = 0
        while j >= 0 and self.sent[j] == self.sent[i] and seen < window:
            tok = self.low[j]
            if tok in {",", ";", ":", "—", "but", "that", "which", "who"}:
                return False
            if tok in NEGATORS or tok.endswith("n't") or tok == "without":
                return True
            seen += 1
            j -= 1
        return False

    def negated_after(self, i: int) -> bool:
        """A negator right after token i ("may not", "must never")."""
        nxt = self.next_words(i, 1)
        return bool(nxt) and (nxt[0] in NEGATORS or nxt[0] == "n't")


def voices(doc: Document, starts: list[int]) -> list[tuple[str, str]]:
    """``(voice, speaker)`` for each offset, with one pass over the quotes."""
    quotes = doc.quotes
    authorial = ("authorial", str(doc.meta.get("speaker", "") or ""))
    if not quotes:
        return [authorial] * len(starts)
    qstarts = [q.start for q in quotes]
    out = []
    for offset in starts:
        k = bisect.bisect_right(qstarts, offset) - 1
        if k >= 0 and quotes[k].start < offset < quotes[k].end:
            out.append(("quoted", quotes[k].speaker))
        else:
            out.append(authorial)
    return out
