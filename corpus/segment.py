"""Sentences and tokens as character offsets into the normalized text.

Both segmenters are single compiled regular-expression passes: on UN speeches NLTK's
word tokenizer costs about 27 times a plain ``re.findall`` pass, and Punkt sentence
spans about 5 times, which the corpus-scale targets cannot afford. The rules cover
what diplomatic text needs: titles and initialisms (Mr., U.N., Art. 51, No. 5),
numbers (1,000; 3.5; 19th-century), hyphenated words, possessives and clitics
("Russia's" -> "Russia" + "'s"; "can't" stays whole), and quotes closing a sentence.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain

TOKENIZER_VERSION = "communique-tok/1"
SENTENCIZER_VERSION = "communique-sent/3"

# Abbreviations that are never the last word of a sentence: a name or number follows.
TITLE_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st art arts no nos jan feb mar apr jun jul aug sep sept oct nov dec
    gen col lt sr jr rev hon amb gov sen rep messrs mme mlle op para paras vol pp p fig cf vs
    approx e.g i.e""".split()
)
# "No." abbreviates "number" only before one ("No. 5"): "He said no. The talks ended."
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos"})
# What follows "No." as a number: digits, a Roman numeral, a code holding a digit or a
# slash, or a single capital letter ("No. II", "Sales No. E.79.V.3", "No. R (2000)").
_NUMBER_LIKE = re.compile(r"\d|[IVXLC]+\b|[A-Z]\b|\S*[\d/]")
# Abbreviations that may end a sentence; they do only when a sentence opener follows.
AMBIGUOUS_ABBREVIATIONS = frozenset("etc inc ltd co corp al".split())
SENTENCE_OPENERS = frozenset(
    """the this that these those it its we our he his she her they their there i in on at
    for from to by with as but and however if when while what why how a an my let yet so
    today now nevertheless moreover furthermore finally also all no one some many""".split()
)


def _title_period_pattern() -> re.Pattern[str]:
    """Full stops right after a title word ("Mr." "Art."), found from the full stop.

    The pattern starts with the full stop and looks back (one lookbehind per title
    length), because a pattern starting with the titles would be tried at every letter.
    ASCII-only case folding: "Mr" and "MR" match, a long s or a Kelvin sign does not.
    """
    by_length: dict[int, list[str]] = {}
    for title in sorted(TITLE_ABBREVIATIONS):
        if "." not in title:
            by_length.setdefault(len(title), []).append(title)
    lookbehinds = [
        rf"(?<=(?<![A-Za-z])(?ai:{'|'.join(titles)})\.)" for _, titles in sorted(by_length.items())
    ]
    return re.compile(r"\.(?:" + "|".join(lookbehinds) + ")")


_TITLE_PERIOD = _title_period_pattern()
# Token kinds as (class of the first character, pattern of the rest), in the order
# they are tried: an initialism before a plain word, a clitic before a lone "'".
_WORD_KINDS = (
    ("[A-Za-z]", r"\.(?:[A-Za-z]\.)+(?![A-Za-z])"),  # initialisms: U.N., U.S.A., e.g.
    (r"\d", r"\d*(?:[.,:/]\d+)*(?:[A-Za-z]+)?(?:-\w+)*"),  # 1,000  3.5  1990s  19th-century
    (r"[^\W\d_]", r"\w*(?:(?:-|'(?!(?:s|d|m|ll|re|ve)(?![\w'])))\w+)*"),  # words, can't
    ("'", r"(?:s|d|m|ll|re|ve)(?![\w'])"),  # clitics: 's 'll 're
)
_PUNCTUATION_KINDS = ((r"\.", r"\.\."), (r"[^\w\s]", ""))  # "..." and any other mark


def _led_by_first_character(first: str, kinds: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """One pattern for ``kinds`` that starts with the class ``first`` of every first
    character, each kind checking its own first character with a lookbehind.

    Same matches as the plain alternation of the kinds; for the word kinds about 1.5x
    faster: a pattern that starts with a character class lets the regex engine skip
    the characters that cannot start a word (spaces, punctuation) in C, instead of
    trying every kind there.
    """
    rests = "|".join(f"(?<={first_class}){rest}" for first_class, rest in kinds)
    return re.compile(f"{first}(?:{rests})")


# Every token. Here the plain alternation is the faster pattern: with punctuation among
# the kinds, almost every character can start a token, so there is little to skip.
_TOKEN = re.compile("|".join(first + rest for first, rest in _WORD_KINDS + _PUNCTUATION_KINDS))
# The word kinds alone. Punctuation tokens never start where a word token could (at a
# "'" the clitic is tried first), so scanning without them finds exactly the word
# tokens of the full pass.
_WORD_TOKEN = _led_by_first_character(r"[\w']", _WORD_KINDS)
_ALPHANUMERIC = re.compile(r"[^\W_]")  # \w is the alphanumerics plus "_"
_SPAN = re.Match.span  # mapped over the matches in C: no Python loop per token
# A mark (with closing quotes or brackets) before a space or the end, or a paragraph
# break; led by one character class, as the word pattern is (see _led_by_first_character).
#
# After a mark the pattern also captures the first character of what follows (past
# spaces and one opening quote or bracket, as _ends_sentence reads it), so most marks
# are decided without a second regex call. The lookahead consumes nothing: the marks
# found, and the text each match covers, are those of the pattern without it.
_SENTENCE_END = re.compile(
    r"[.!?\n](?:(?<=[.!?])[.!?]*[\u201d\u2019)\]]*(?=\s|$)"
    r"(?:(?=\s*[\u201c\u2018(\[]?(\S)))?|(?<=\n)[ ]*\n)"
)
# Letters before a full stop that no abbreviation has (no word of that many letters
# is one, and lower-casing never shortens a word).
_PAST_ABBREVIATIONS = 1 + max(len(a) for a in TITLE_ABBREVIATIONS | AMBIGUOUS_ABBREVIATIONS)
_LONGEST_WORD = 64  # beyond it the word before a full stop is found by walking back
_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]")  # "u.s" of "U.S."
_NEXT_WORD = re.compile(r"\s*([\u201c\u2018(\[]?)(\S*)")


class PackedSpans(Sequence):
    """A read-only list of ``(start, end)`` pairs packed in one integer array.

    About 8 bytes a span instead of about 120 for a list of tuples, so a corpus can keep
    every document's sentences in memory. Indexing gives a tuple, slicing a list of
    tuples, iteration yields tuples; it compares equal to the equivalent list.

    Example:
        >>> spans = PackedSpans([(0, 3), (4, 9)])
        >>> spans[1], list(spans) == [(0, 3), (4, 9)], len(spans)
        ((4, 9), True, 2)
    """

    __slots__ = ("_flat",)

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        flat = list(chain.from_iterable(spans))
        # 32-bit offsets unless a text is longer than 2**31 characters
        typecode = "i" if not flat or flat[-1] < 2**31 else "q"
        self._flat = array(typecode, flat)

    def __len__(self) -> int:
        return len(self._flat) // 2

    def __getitem__(self, index):
        flat = self._flat
        if isinstance(index, slice):
            return list(self)[index]
        n = len(flat) // 2
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("span index out of range")
        return (flat[2 * index], flat[2 * index + 1])

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self._flat[0::2], self._flat[1::2], strict=True)

    def starts(self) -> list[int]:
        """The start offsets, in order."""
        return self._flat[0::2].tolist()

    def ends(self) -> list[int]:
        """The end offsets, in order."""
        return self._flat[1::2].tolist()

    def __eq__(self, other: object) -> bool:
        # ``type() is``, not isinstance: compiled by mypyc, a subclass of an ABC finds a
        # list to be an instance of it (issubclass(list, PackedSpans) held).
        if type(other) is PackedSpans:
            return self._flat.tolist() == other._flat.tolist()
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == len(self) and list(self) == [tuple(p) for p in other]
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"PackedSpans({list(self)!r})"


def tokenize(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of every token in ``text``.

    ``text[start:end]`` is always the token.

    Example:
        >>> t = "Russia's 19th-century U.N. role can't wait."
        >>> [t[s:e] for s, e in tokenize(t)]
        ['Russia', "'s", '19th-century', 'U.N.', 'role', "can't", 'wait', '.']
    """
    spans = list(map(_SPAN, _TOKEN.finditer(text)))
    if "." in text:
        _attach_title_periods(text, spans)
    return spans


def _attach_title_periods(text: str, spans: list[tuple[int, int]]) -> None:
    """Give "Mr." and "Art." their period, so a sentence splitter sees one abbreviation.

    Only places where a title is followed by a period are visited (a handful per text),
    not every token.
    """
    merges = []
    for match in _TITLE_PERIOD.finditer(text):
        dot = match.start()
        i = bisect.bisect_left(spans, (dot,))
        if 0 < i < len(spans) and spans[i] == (dot, dot + 1) and spans[i - 1][1] == dot:
            if text[spans[i - 1][0] : dot].lower() in TITLE_ABBREVIATIONS:
                merges.append(i - 1)
    for i in reversed(merges):
        spans[i] = (spans[i][0], spans[i + 1][1])
        del spans[i + 1]


def word_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the tokens of ``text`` that are words or clitics (no punctuation).

    The same spans as filtering :func:`tokenize`, without building the punctuation
    tokens first.

    Example:
        >>> t = "Mr. Lavrov's view."
        >>> [t[s:e] for s, e in word_spans(t)]
        ['Mr.', 'Lavrov', "'s", 'view']
    """
    spans = list(map(_SPAN, _WORD_TOKEN.finditer(text)))
    if "." in text:
        merges = []
        for match in _TITLE_PERIOD.finditer(text):
            dot = match.start()
            if text.startswith("...", dot):
                continue  # the period belongs to an ellipsis token
            i = bisect.bisect_left(spans, (dot,)) - 1
            if (
                i >= 0
                and spans[i][1] == dot
                and text[spans[i][0] : dot].lower() in TITLE_ABBREVIATIONS
            ):
                merges.append(i)
        for i in merges:
            spans[i] = (spans[i][0], spans[i][1] + 1)
    return spans


def words_of_tokens(text: str, tokens: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of ``tokens`` (from :func:`tokenize`) that are words or clitics.

    Example:
        >>> t = "We can't wait."
        >>> [t[s:e] for s, e in words_of_tokens(t, tokenize(t))]
        ['We', "can't", 'wait']
    """
    # A token is a word when it starts with a letter or digit, or is a clitic ('s, 'll);
    # punctuation tokens are single marks or "...". The answer of is_word, cheaper.
    return [(s, e) for s, e in tokens if text[s].isalnum() or (text[s] == "'" and e - s > 1)]


def word_type_counts(text: str) -> Counter:
    """How often each word (a token that is a word or a clitic) occurs in ``text``.

    The same words as the word spans of :func:`tokenize` (``Document.words``), counted
    in one C-level ``findall`` pass: no span is built for each running word.

    Example:
        >>> sorted(word_type_counts("Mr. Lavrov's view: Mr. Lavrov can't.").items())
        [("'s", 1), ('Lavrov', 2), ('Mr.', 2), ("can't", 1), ('view', 1)]
    """
    words, title_fixes = word_strings(text)
    counts = Counter(words)
    if title_fixes:
        counts.update(title_fixes)
        for title in title_fixes:  # a title whose every occurrence took its period goes
            if counts[title] <= 0:
                del counts[title]
    return counts


def word_strings(text: str) -> tuple[list[str], Counter]:
    """The words of ``text`` as strings, in order, and the changes that titles make.

    ``words`` are the word tokens before titles take their period ("Mr" for "Mr.");
    ``title_fixes`` turns their counts into those of ``Document.words``
    (``{"Mr": -2, "Mr.": 2}``). Code that only needs each word's letters (syllables)
    can use ``words`` alone.

    Example:
        >>> word_strings("Mr. Li and Mr. Wu.")
        (['Mr', 'Li', 'and', 'Mr', 'Wu'], Counter({'Mr.': 2, 'Mr': -2}))
    """
    words = _word_tokens(text)
    title_fixes: Counter = Counter()
    if "." in text:
        _count_title_periods(text, title_fixes)
        title_fixes.pop(".", None)  # punctuation is not among the words
    return words, title_fixes


def token_strings(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The tokens of ``text[start:end]`` as strings, before titles take their period
    ("Mr" "." for "Mr."); the same tokens as :func:`tokenize` spans, read faster.

    No token spans whitespace and the pattern's lookaheads read whitespace as they read
    the end of the text, so the text is taken one whitespace-free run at a time: a run
    of letters is one token, letters and one closing mark ("peace,") are two, and the
    pattern reads the other runs.

    Example:
        >>> token_strings("Mr. Lavrov's view, e.g. peace.")
        ['Mr', '.', 'Lavrov', "'s", 'view', ',', 'e.g.', 'peace', '.']
    """
    tokens: list[str] = []
    findall = _TOKEN.findall
    for run in text[start:end].split():
        if run.isalpha():
            tokens.append(run)
        elif run[:-1].isalpha() and not run[-1].isalnum() and run[-1] != "_":
            tokens += (run[:-1], run[-1])
        else:
            tokens += findall(run)
    return tokens


def _word_tokens(text: str) -> list[str]:
    """``_WORD_TOKEN.findall(text)``, about 1.7x faster on running text.

    No token spans whitespace, so the text can be taken one whitespace-free run at a
    time, and most runs are one plain word ("peace") or one with a closing mark
    ("peace,"): those are taken as they are; the regular expression reads the rest.
    """
    words: list[str] = []
    append, extend, findall = words.append, words.extend, _WORD_TOKEN.findall
    for run in text.split():
        if run.isalpha():
            append(run)
        elif run[-1] in _CLOSING_MARKS and run[:-1].isalpha():
            append(run[:-1])
        else:
            extend(findall(run))
    return words


# Marks that never join the word before them into a longer token.
_CLOSING_MARKS = frozenset(',.;:!?)]\u201d\u2019"')


def _count_title_periods(text: str, counts: Counter) -> None:
    """Count "Mr." where :func:`tokenize` joins a title and its period.

    Tokens never span whitespace, so tokenizing from the start of the whitespace-free
    run holding the period gives exactly the tokens of the whole text there.
    """
    for match in _TITLE_PERIOD.finditer(text):
        dot = match.start()
        run_start = dot
        while run_start > 0 and not text[run_start - 1].isspace():
            run_start -= 1
        previous = None
        for token in _TOKEN.finditer(text, run_start):
            if token.start() > dot:
                break
            if token.start() == dot and token.end() == dot + 1 and previous is not None:
                title = text[previous[0] : previous[1]]
                if previous[1] == dot and title.lower() in TITLE_ABBREVIATIONS:
                    counts[title] -= 1
                    counts["."] -= 1
                    counts[title + "."] += 1
            previous = token.span()


def is_word(token: str) -> bool:
    """True for tokens that count as words (they contain a letter or a digit)."""
    # The first character settles almost every token; the search covers the rest.
    return token[:1].isalnum() or _ALPHANUMERIC.search(token) is not None


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
        first = match[1]  # what the next sentence would start with
        if first is None:
            if text[end - 1] == "\n":
                _add_sentence(text, start, match.start(), sentences)  # paragraph break
                start = end
                continue
            # otherwise only spaces follow the mark: the text's last sentence
        elif first.islower() or first in ",;:":
            continue  # "“Why?” he asked" or "e.g. the": the sentence goes on
        elif text[match.start()] == "." and not _full_stop_ends_sentence(text, match.start(), end):
            continue
        # The sentence ends with its mark, so only its start can have spaces to skip
        # (what _add_sentence does, without a call for each sentence).
        while text[start].isspace():
            start += 1
        sentences.append((start, end))
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


def _word_ending_at(text: str, end: int) -> str:
    """The run of non-space characters that ends at ``end``.

    Looks back from ``end`` for the last space or line break (normalized text has no
    other whitespace; other text falls back to a walk): a regular expression anchored
    at ``end`` would be tried from the start of the text at every full stop, which is
    quadratic in the text length.
    """
    low = max(0, end - _LONGEST_WORD)  # bounded: a text without line breaks is common
    start = max(text.rfind(" ", low, end), text.rfind("\n", low, end)) + 1
    word = text[start:end]
    if start > low and word.split() == [word]:
        return word
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _full_stop_ends_sentence(text: str, mark: int, mark_end: int) -> bool:
    """Whether the full stop at ``mark`` ends its sentence, when what follows it would
    start a new one (it does not open with a lower-case letter, ``,``, ``;`` or ``:``).

    Most full stops come after a plain word: those are decided here from the word's
    letters, the rest by the full rules of :func:`_ends_sentence`.
    """
    low = mark - _PAST_ABBREVIATIONS
    if low >= 0 and text[low:mark].isalpha():
        return True  # a word longer than any abbreviation
    space = text.rfind(" ", max(low, 0), mark)
    if space != -1:
        word = text[space + 1 : mark]
        if len(word) > 1 and word.isalpha():  # one letter may be an initial: "J. Smith"
            bare = word.lower()
            if bare in _NUMBER_ABBREVIATIONS:
                return _ends_sentence(text, mark, mark_end)
            if bare in TITLE_ABBREVIATIONS:
                return False
            if bare not in AMBIGUOUS_ABBREVIATIONS:
                return True
    return _ends_sentence(text, mark, mark_end)


def _ends_sentence(text: str, mark_start: int, mark_end: int) -> bool:
    following = _NEXT_WORD.match(text, mark_end)
    assert following is not None  # the pattern matches the empty string
    opener, next_word = following.group(1), following.group(2)
    if not next_word and not opener:
        return True  # end of text
    first = (next_word or opener)[0]
    if first.islower() or first in ",;:":
        return False  # "“Why?” he asked" or "e.g. the": the sentence goes on
    if text[mark_start] != ".":
        return True
    word = _word_ending_at(text, mark_start + 1)
    bare = word.rstrip(".").lstrip("“‘(\"'").lower()
    if bare in _NUMBER_ABBREVIATIONS:
        # "No. 5", "No. II", "No. A/46/123", "No. R (2000)" go on; "said no. The" ends.
        if word.lstrip("“‘(\"'")[:1].islower():  # "said no. I disagree": digits only
            return not next_word[:1].isdigit()
        return not (opener or _NUMBER_LIKE.match(next_word))
    if bare in TITLE_ABBREVIATIONS or (len(bare) == 1 and bare.isalpha() and word[0].isupper()):
        return False  # "Mr. Lavrov", "Art. 51", "J. Smith"
    if _INITIALISM.fullmatch(bare) or bare in AMBIGUOUS_ABBREVIATIONS:
        # "U.S." or "etc." end a sentence only when a typical opener follows.
        return next_word.strip("“‘(").lower() in SENTENCE_OPENERS
    return True


def count_sentences_with_words(text: str, sentences: Sequence[tuple[int, int]]) -> int:
    """How many of ``sentences`` (spans of ``text``) hold a letter or a digit: a line of
    "!!!" is no sentence to read.

    Example:
        >>> count_sentences_with_words("Yes. !!! No.", [(0, 4), (5, 8), (9, 12)])
        2
    """
    search = _ALPHANUMERIC.search
    n = 0
    if type(sentences) is PackedSpans:  # (see PackedSpans.__eq__)
        # Two lists of plain integers: twice as quick to walk as the packed pairs.
        starts, ends = sentences.starts(), sentences.ends()
        for k, start in enumerate(starts):
            # Nearly every sentence opens with a letter or a digit: no regex search then.
            if text[start].isalnum() or search(text, start, ends[k]):
                n += 1
        return n
    for start, end in sentences:
        if text[start].isalnum() or search(text, start, end):
            n += 1
    return n
