"""Hyphenation points of a word by Liang's algorithm over pyphen's patterns.

The inner loop of :mod:`analysis.readability`'s syllable counter, kept apart so that
regular installs compile it with mypyc (setup.py): a first corpus brings tens of
thousands of new spellings, each read substring by substring.
"""

from __future__ import annotations

from typing import Any


class Hyphenation:
    """pyphen's patterns (substring -> (offset, weights)), every prefix of a pattern
    (so a lookup stops at the first substring no pattern starts with), the longest
    pattern, and the shortest first and last parts a break may leave."""

    def __init__(self, patterns: dict[str, Any], maxlen: int, left: int, right: int) -> None:
        self.patterns = patterns
        self.prefixes = frozenset(key[:k] for key in patterns for k in range(1, len(key) + 1))
        self.maxlen = maxlen
        self.left = left
        self.right = right

    def points(self, word: str) -> int:
        """Where ``word`` (lower case, no punctuation) may break: its syllables minus one.

        Example (a pattern that allows a break inside every "ab": a-ba-b):
            >>> Hyphenation({"ab": (1, (1,))}, maxlen=2, left=1, right=1).points("abab")
            2
        """
        patterns, prefixes = self.patterns, self.prefixes
        pointed = f".{word}."
        n = len(pointed)
        values = [0] * (n + 1)
        for i in range(n - 1):
            for j in range(i + 1, min(i + self.maxlen, n) + 1):
                piece = pointed[i:j]
                if piece not in prefixes:
                    break
                found = patterns.get(piece)
                if found:
                    offset: int = found[0]
                    k = i + offset
                    for weight in found[1]:
                        if weight > values[k]:
                            values[k] = weight
                        k += 1
        last = len(word) - self.right
        left = self.left
        return sum(1 for i in range(1, n) if values[i] % 2 and left <= i - 1 <= last)
