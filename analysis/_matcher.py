"""Lexicon lookup as one compiled regular-expression pass over a document's text.

All surface forms of a lexicon become a single alternation, factored as a character
trie (a flat alternation of a few hundred phrases is several times slower in
Python's engine) and matched against the lower-cased text with word boundaries
that agree with the corpus tokenizer: a form does not start or end inside a word,
a hyphenated word ("must-have") or a contraction ("can't" is not "can"), but a
clitic form may follow its host ("we'll" holds "'ll"). Multi-word forms allow any
whitespace between their words; a word ending in ``*`` matches any ending.

The scan runs in C; Python sees only the hits. At a hit every form that matches
there is returned, longest first, so the caller can take the longest item its
context rules accept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

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


@dataclass(frozen=True)
class FormMatcher:
    """Compiled lookup of a lexicon's forms; build with :func:`form_matcher`."""

    scan: re.Pattern
    by_key: dict[str, tuple[tuple[re.Pattern, int], ...]]

    def candidates(self, low: str, start: int) -> list[tuple[int, int]]:
        """``(end offset, item index)`` of every form matching at ``start``, longest first."""
        found = []
        for key in (low[start : start + 2], low[start]):
            for pattern, index in self.by_key.get(key, ()):
                m = pattern.match(low, start)
                if m:
                    found.append((m.end(), index))
        found.sort(key=lambda f: -f[0])
        return found

    def next_hit(self, low: str, pos: int) -> tuple[int, list[tuple[int, int]]] | None:
        """The first place at or after ``pos`` where some form matches, with its candidates."""
        m = self.scan.search(low, pos)
        if m is None:
            return None
        return m.start(), self.candidates(low, m.start())


@lru_cache(maxsize=32)
def _compile(forms: tuple[tuple[str, int], ...]) -> FormMatcher:
    words = [f for f, _ in forms if not f.startswith("'")]
    clitics = [f for f, _ in forms if f.startswith("'")]  # "'ll" follows its host word
    branches = [_LEFT + "(?:" + _trie_regex(words) + ")"] if words else []
    if clitics:
        branches.append(_trie_regex(clitics))
    scan = re.compile("(?:" + "|".join(branches or ["(?!)"]) + ")" + _RIGHT)
    by_key: dict[str, list[tuple[re.Pattern, int]]] = {}
    for form, index in forms:
        key = form[:2] if len(form.rstrip("*")) >= 2 and form[1] != "*" else form[:1]
        by_key.setdefault(key, []).append((re.compile(_form_body(form) + _RIGHT), index))
    return FormMatcher(scan, {k: tuple(v) for k, v in by_key.items()})


def form_matcher(items: pd.DataFrame) -> FormMatcher:
    """The (cached) matcher of ``items`` (columns ``term`` and optional ``forms``)."""
    return _compile(tuple(item_forms(items)))


def lowered(text: str) -> str:
    """``text`` lower-cased with every offset kept (a few letters lower to two characters)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower()[:1] or ch for ch in text)
