"""Sentences and tokens as character offsets into the normalized text.

Both segmenters are single compiled regular-expression passes: on UN speeches NLTK's
word tokenizer costs about 27 times a plain ``re.findall`` pass, and Punkt sentence
spans about 5 times, which the corpus-scale targets cannot afford. The rules cover
what diplomatic text needs: titles and initialisms (Mr., U.N., Art. 51, No. 5),
numbers (1,000; 3.5; 19th-century), hyphenated words, possessives and clitics
("Russia's" -> "Russia" + "'s"; "can't" stays whole), and quotes closing a sentence.
"""

from __future__ import annotations

import re

TOKENIZER_VERSION = "communique-tok/1"
SENTENCIZER_VERSION = "communique-sent/1"

# Abbreviations that are never the last word of a sentence: a name or number follows.
TITLE_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st art arts no nos jan feb mar apr jun jul aug sep sept oct nov dec
    gen col lt sr jr rev hon amb gov sen rep messrs mme mlle op para paras vol pp p fig cf vs
    approx e.g i.e""".split()
)
# Abbreviations that may end a sentence; they do only when a sentence opener follows.
AMBIGUOUS_ABBREVIATIONS = frozenset("etc inc ltd co corp al".split())
SENTENCE_OPENERS = frozenset(
    """the this that these those it its we our he his she her they their there i in on at
    for from to by with as but and however if when while what why how a an my let yet so
    today now nevertheless moreover furthermore finally also all no one some many""".split()
)

_CLITIC = r"'(?:s|d|m|ll|re|ve)(?![\w'])"
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}(?![A-Za-z])"  # initialisms: U.N., U.S.A., e.g.
    r"|\d+(?:[.,:/]\d+)*(?:[A-Za-z]+)?(?:-\w+)*"  # 1,000  3.5  1990s  19th-century
    r"|[^\W\d_](?:[\w]|(?:-|'(?!(?:s|d|m|ll|re|ve)(?![\w'])))(?=\w))*"  # words, hyphens, can't
    r"|" + _CLITIC + r"|\.\.\.|[^\w\s]"
)
_SENTENCE_END = re.compile(r"[.!?]+[\u201d\u2019)\]]*(?=\s|$)|\n[ ]*\n")
_WORD_BEFORE = re.compile(r"(\S+)$")
_NEXT_WORD = re.compile(r"\s*([\u201c\u2018(\[]?)(\S*)")


def tokenize(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of every token in ``text``.

    ``text[start:end]`` is always the token.

    Example:
        >>> t = "Russia's 19th-century U.N. role can't wait."
        >>> [t[s:e] for s, e in tokenize(t)]
        ['Russia', "'s", '19th-century', 'U.N.', 'role', "can't", 'wait', '.']
    """
    spans = [m.span() for m in _TOKEN.finditer(text)]
    return _attach_title_periods(text, spans)


def _attach_title_periods(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Give "Mr." and "Art." their period, so a sentence splitter sees one abbreviation."""
    if "." not in text:
        return spans
    out: list[tuple[int, int]] = []
    for span in spans:
        start, end = span
        if out and text[start:end] == "." and out[-1][1] == start:
            prev_start = out[-1][0]
            if text[prev_start:start].lower() in TITLE_ABBREVIATIONS:
                out[-1] = (prev_start, end)
                continue
        out.append(span)
    return out


def is_word(token: str) -> bool:
    """True for tokens that count as words (they contain a letter or a digit)."""
    return any(ch.isalnum() for ch in token)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences of ``text``.

    A paragraph break always ends a sentence; ``.``, ``!`` or ``?`` (with any closing
    quotes or brackets after them) end one unless an abbreviation or a lower-case
    continuation says otherwise.

    Example:
        >>> t = "Mr. Lavrov met the U.N. envoy. “No,” he said. Talks end."
        >>> [t[s:e] for s, e in split_sentences(t)]
        ['Mr. Lavrov met the U.N. envoy.', '“No,” he said.', 'Talks end.']
    """
    sentences: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.group().startswith("\n"):
            _add_sentence(text, start, match.start(), sentences)
            start = end
            continue
        if not _ends_sentence(text, match.start(), end):
            continue
        _add_sentence(text, start, end, sentences)
        start = end
    _add_sentence(text, start, len(text), sentences)
    return sentences


def _add_sentence(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def _ends_sentence(text: str, mark_start: int, mark_end: int) -> bool:
    following = _NEXT_WORD.match(text, mark_end)
    opener, next_word = following.group(1), following.group(2)
    if not next_word and not opener:
        return True  # end of text
    first = (next_word or opener)[0]
    if first.islower() or first in ",;:":
        return False  # "“Why?” he asked" or "e.g. the": the sentence goes on
    if text[mark_start] != ".":
        return True
    before = _WORD_BEFORE.search(text, 0, mark_start + 1)
    word = before.group(1) if before else ""
    bare = word.rstrip(".").lstrip("“‘(\"'").lower()
    if bare in TITLE_ABBREVIATIONS or (len(bare) == 1 and bare.isalpha() and word[0].isupper()):
        return False  # "Mr. Lavrov", "Art. 51", "J. Smith"
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", bare) or bare in AMBIGUOUS_ABBREVIATIONS:
        # "U.S." or "etc." end a sentence only when a typical opener follows.
        return next_word.strip("“‘(").lower() in SENTENCE_OPENERS
    return True
