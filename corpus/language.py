"""A warning for documents that are probably not in English.

Every measure in communique (tokens aside) reads English: hedge and modal lexicons,
reporting verbs, comparison triggers, syllable counts. A document in another language is
still loaded and analysed, but its load report says so, so that a rate computed on it is
not taken at face value. The test is the share of very common English function words
among a document's first words: 35-50% in English prose, a few percent in most other
languages written in Latin letters, none in other scripts.
"""

from __future__ import annotations

import re

# How much of a document is read, and how few words are too few to judge.
_SAMPLE_CHARS = 2000
_MIN_WORDS = 40
# Below this share of function words a text is reported as probably not English.
_ENGLISH_SHARE = 0.15

_FUNCTION_WORDS = frozenset(
    """the of and to a in is that for it as with on be by this are we not or from at have
    an which has will our its their was were been would can all but they he she his her
    there these those also more than other into about such should must may i you""".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def language_note(text: str) -> str:
    """A report note when ``text`` is probably not English, else "".

    Example:
        >>> language_note("La ministra dijo que debemos actuar con prudencia. " * 10)[:28]
        'probably not English: 0% of '
        >>> language_note("The minister said that we must act with care. " * 10)
        ''
    """
    words = _WORD.findall(text[:_SAMPLE_CHARS].lower())
    if len(words) < _MIN_WORDS:
        return ""
    share = sum(map(_FUNCTION_WORDS.__contains__, words)) / len(words)
    if share >= _ENGLISH_SHARE:
        return ""
    return (
        f"probably not English: {share:.0%} of its first {len(words)} words are common "
        "English words (35-50% in English); the measures read English"
    )
