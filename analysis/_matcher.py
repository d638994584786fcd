"""Token-sequence lookup for lexicon items: one pass over a document's tokens.

Each item's surface forms are tokenized like the corpus and indexed by their first
token (exact) or first-token prefix (a form token ending in ``*`` matches any
ending). At each token the candidates are returned longest first, so the caller can
take the longest item its context rules accept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from corpus import tokenize

Pattern = tuple[tuple[str, ...], int]  # (lower-cased tokens, item index)


def _form_tokens(form: str) -> tuple[str, ...]:
    tokens = []
    for part in form.split():
        wildcard = part.endswith("*")
        stem = part[:-1] if wildcard else part
        pieces = [stem[s:e].lower() for s, e in tokenize(stem)] or [stem.lower()]
        if wildcard:
            pieces[-1] += "*"
        tokens.extend(pieces)
    return tuple(tokens)


def _token_matches(pattern: str, token: str) -> bool:
    if pattern.endswith("*"):
        return token.startswith(pattern[:-1])
    return pattern == token


@dataclass
class Matcher:
    """Index of lexicon forms; build with :meth:`from_items`."""

    exact: dict[str, list[Pattern]] = field(default_factory=dict)
    prefix: dict[str, list[Pattern]] = field(default_factory=dict)
    prefix_lengths: tuple[int, ...] = ()

    @classmethod
    def from_items(cls, items: pd.DataFrame) -> Matcher:
        exact: dict[str, list[Pattern]] = {}
        prefix: dict[str, list[Pattern]] = {}
        for index, item in enumerate(items.to_dict("records")):
            forms = item.get("forms")
            if not isinstance(forms, list) or not forms:
                forms = [item["term"]]
            for form in forms:
                tokens = _form_tokens(str(form))
                if not tokens:
                    continue
                first = tokens[0]
                if first.endswith("*"):
                    prefix.setdefault(first[:-1], []).append((tokens, index))
                else:
                    exact.setdefault(first, []).append((tokens, index))
        for table in (exact, prefix):
            for patterns in table.values():
                patterns.sort(key=lambda p: -len(p[0]))
        lengths = tuple(sorted({len(k) for k in prefix}))
        return cls(exact, prefix, lengths)

    def candidates(self, low: list[str], i: int) -> list[tuple[int, int]]:
        """``(end token index, item index)`` of every form matching at token i, longest first."""
        token = low[i]
        patterns = self.exact.get(token, [])
        for n in self.prefix_lengths:
            if n <= len(token) and token[:n] in self.prefix:
                patterns = patterns + self.prefix[token[:n]]
        if not patterns:
            return []
        found = []
        for tokens, index in patterns:
            end = i + len(tokens)
            if end > len(low):
                continue
            if all(_token_matches(p, low[i + k]) for k, p in enumerate(tokens)):
                found.append((end, index))
        found.sort(key=lambda f: -f[0])
        return found
