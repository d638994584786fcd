"""Where the words of a lower-cased text are, found with a few array operations.

Python's regular-expression engine tries a lexicon's alternation at every word it
passes (some 100 ns a word), and a lexicon scan is most of what a detector spends on
a document. Here every maximal run of the letters a-z is hashed at once with numpy
(a polynomial hash read off a running sum), and the runs whose hash is one a lexicon
asks for are the only places a detector then looks at. A hash collision only adds a
place to look: callers check the spelling there.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

# One byte per character: a-z stay, everything else (other letters, digits, marks,
# characters outside Latin-1, which encode as "?") becomes a space.
LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
# Word hashes: sum of letter * HASH_BASE**k over the word's letters, mod 2**64 (numpy
# uint64 arithmetic wraps). An odd base has an inverse mod 2**64, so a word's hash can
# be read off the running sum at any offset.
HASH_BASE = 0x9E3779B97F4A7C15
HASH_INVERSE = pow(HASH_BASE, -1, 2**64)
# Two consecutive runs hash as first * PAIR_FACTOR + second (any odd constant).
PAIR_FACTOR = 0xD6E8FEB86659FD93
BUCKET_SHIFT = np.uint64(48)


def word_hash(word: str) -> int:
    """The hash :func:`letter_runs` gives a run spelled ``word`` (a-z letters only)."""
    return sum(ord(ch) * pow(HASH_BASE, k, 2**64) for k, ch in enumerate(word)) % 2**64


def pair_hash(*words: str) -> int:
    """The hash :meth:`LetterRuns.pair_hashes` gives two consecutive runs spelled
    ``words`` (and :meth:`LetterRuns.triple_hashes` three)."""
    out = 0
    for word in words:
        out = (out * PAIR_FACTOR + word_hash(word)) % 2**64
    return out


@dataclass(frozen=True)
class HashSet:
    """A set of hashes that tests a whole array at once: a table over the top 16 bits
    rules most values out, the rest are looked up in the sorted hashes."""

    hashes: np.ndarray
    buckets: np.ndarray

    @classmethod
    def of(cls, values) -> HashSet:
        hashes = np.array(sorted(set(values)), dtype=np.uint64)
        buckets = np.zeros(1 << 16, dtype=bool)
        buckets[hashes >> BUCKET_SHIFT] = True
        return cls(hashes, buckets)

    def __len__(self) -> int:
        return len(self.hashes)

    def holds(self, values: np.ndarray) -> np.ndarray:
        """A boolean array: which of ``values`` are in the set."""
        wanted = self.buckets[values >> BUCKET_SHIFT]
        if not len(self.hashes):
            return wanted
        maybe = values[wanted]
        known = self.hashes
        wanted[wanted] = known[np.searchsorted(known, maybe) % len(known)] == maybe
        return wanted


@lru_cache(maxsize=4)
def _powers(size: int) -> tuple[np.ndarray, np.ndarray]:
    """base**k and base**-k (mod 2**64) for k < size."""

    def table(factor: int) -> np.ndarray:
        out = np.full(size, factor, dtype=np.uint64)
        out[0] = 1
        return np.cumprod(out)

    return table(HASH_BASE), table(HASH_INVERSE)


@dataclass(frozen=True)
class LetterRuns:
    """Every maximal run of a-z letters of a lower-cased text, in order.

    Attributes:
        starts, ends: the runs' character offsets (the text's: one byte per character).
        hashes: each run's :func:`word_hash`.
        letters: the text as bytes with every other character a space.
    """

    starts: np.ndarray
    ends: np.ndarray
    hashes: np.ndarray
    letters: bytes
    running: np.ndarray  # running[k]: the hash sum of the first k characters
    inverse: np.ndarray  # base**-k

    def prefix_hashes(self, length: int) -> np.ndarray:
        """The hash of each run's first ``length`` letters (of the whole run, if shorter;
        such a hash equals a longer word's only by a collision)."""
        starts = self.starts
        ends = np.minimum(starts + length, self.ends)
        return (self.running[ends] - self.running[starts]) * self.inverse[starts]

    def pair_hashes(self) -> np.ndarray:
        """The :func:`pair_hash` of each run with the next (one fewer than the runs)."""
        return self.hashes[:-1] * np.uint64(PAIR_FACTOR) + self.hashes[1:]

    def triple_hashes(self) -> np.ndarray:
        """The :func:`pair_hash` of each run with the next two (two fewer than the runs)."""
        return self.pair_hashes()[:-1] * np.uint64(PAIR_FACTOR) + self.hashes[2:]


def letter_runs(low: str) -> LetterRuns:
    """The :class:`LetterRuns` of ``low`` (a lower-cased text).

    Example:
        >>> runs = letter_runs("we can't, é-may")
        >>> runs.starts.tolist(), runs.ends.tolist()
        ([0, 3, 7, 12], [2, 6, 8, 15])
        >>> int(runs.hashes[1]) == word_hash("can")
        True
    """
    letters = low.encode("latin-1", "replace").translate(LETTERS_ONLY)
    codes = np.frombuffer(letters, dtype=np.uint8)
    # Between two non-letters added at the ends, letter / non-letter flips alternate:
    # a run's start, its end, the next run's start, ...
    is_letter = np.frombuffer(b" " + letters + b" ", dtype=np.uint8) != 32
    flips = np.flatnonzero(is_letter[1:] != is_letter[:-1])
    starts, ends = flips[0::2], flips[1::2]
    base, inverse = _powers(1 << max(16, len(codes).bit_length()))
    running = np.zeros(len(codes) + 1, dtype=np.uint64)
    np.cumsum(codes.astype(np.uint64) * base[: len(codes)], out=running[1:])
    hashes = (running[ends] - running[starts]) * inverse[starts]
    return LetterRuns(starts, ends, hashes, letters, running, inverse)
