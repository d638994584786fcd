"""Text normalization: one versioned policy, applied once when a document is read.

The policy keeps what later analysis needs: opening and closing quote marks stay
distinct (“ ” and ‘ ’), apostrophes become ASCII ``'``, dashes become ``—`` (or ``-``
between digits), and line structure is kept so paragraph breaks still end sentences.
Each rule that changed something is reported, so a repaired document says how.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import ftfy
import ftfy.fixes

NORMALIZER_VERSION = "communique-norm/12"

# UTF-8 read as cp1252 ("â€™", "Ã©") or as latin-1 ("â" and C1 controls).
_MOJIBAKE = re.compile(r"â[€\u0080-\u009f]|Ã[\u0080-\u00bf©¨ª«®³´¶·º»¼½¾]|Â[\u00a0-\u00bf]")
# A text that went through a wrong encoding and lost bytes on the way keeps only the
# "â" of an apostrophe's three bytes ("the worldâs", "Côte dâIvoire"). Restored only in
# a text where ftfy decodes other mojibake (the evidence of that round trip), and only
# where an apostrophe is all that can stand: before a clitic, after a plural "s" before
# a space, or in an elision before a vowel, "h" or a capital ("d'", "l'", "o'").
# "mâché", "débâcle" and "lâcher" keep their "â".
_LOST_APOSTROPHE = re.compile(
    r"\u00e2(?<=[^\W\d_]\u00e2)"
    r"(?:(?=(?:s|d|m|ll|re|ve)\b)"  # "the worldâs", "weâll"
    r"|(?<=n\u00e2)(?=t\b)"  # "donât"
    r"|(?<=s\u00e2)(?=\s)"  # "the countriesâ own"
    r"|(?<=\b[dDlLoO]\u00e2)(?=[aeiouhA-Z\u00c0-\u00dd\u00e0-\u00ef\u00f2-\u00f6\u00f9-\u00fc]|-)"
    r"|(?<=\b[oO]\u00e2)(?=clock\b))"  # "five oâclock"
)
# C1 control characters in running text are cp1252 bytes read as latin-1 (0x85 "…",
# 0x93 "“", 0x92 "'"): read them as cp1252; the five bytes cp1252 leaves undefined
# carry nothing and go.
_C1_CONTROLS = re.compile("[\u0080-\u009f]")
_C1_CHARACTERS = tuple(map(chr, range(0x80, 0xA0)))  # tested with `in`: 5x faster
# Zero-width characters, the soft hyphen, and the marks and controls of text direction
# (left-to-right and right-to-left marks and embeddings), which carry no word.
_INVISIBLE_CHARACTERS = "\ufeff\u200b\u200c\u200d\u2060\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARACTERS}]")
# Control characters other than line breaks and spacing (those are normalized below): a
# DOS end-of-file mark (Ctrl-Z), NUL padding, a stray escape. A file full of them is
# skipped as binary when read; a few left in a text are removed.
_CONTROL_CHARACTERS = "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F]))
_CONTROLS = re.compile(f"[{re.escape(_CONTROL_CHARACTERS)}]")
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\x0b\x0c]")
_STRAY_MARKS = re.compile("[\u25a0\u25aa\u25cf]")  # OCR page debris (■ ▪ ●): never prose
# Patterns start with the character they look for and check the context behind it
# afterwards: a pattern that starts with a lookbehind is tried at every position of the
# text, which made normalization several times slower on whole archives.
_LOW_QUOTE_COMMA = re.compile(r"\u201e(?<=\w\u201e)(?=\s)")  # "tranquillity„ towards": an OCR comma
_ISOLATED_DEBRIS = re.compile(r"[\u00b7\u201e](?<=\s[\u00b7\u201e])(?=\s)")
_APOSTROPHE_LIKE = re.compile(
    r"[\u2019\u2018`\u00b4\u02bc\u2032](?<=\w[\u2019\u2018`\u00b4\u02bc\u2032])(?=\w)"
)
# Led by one character class (a dash or the first "-" of "--"), which the regex engine
# scans for in C; an alternation of the two forms would be tried at every character.
_DIGIT_DASH = re.compile(
    r"[\u2012\u2013\u2014\u2212-]"
    r"(?:(?<=\d[\u2012\u2013\u2014\u2212])(?=\d)|(?<=\d-)-(?=\d))"
)
_DASHES = re.compile("[\u2012\u2013\u2015\u2212]|--(?<=\\w--)(?=\\s|\\w)")
# Unicode's hyphens (U+2010, and the non-breaking U+2011 of word processors) are the
# hyphen of "non-aligned"; a minus sign before a number ("\u22125 degrees") is its sign.
_HYPHENS = re.compile("[\u2010\u2011]")
_MINUS_SIGN = re.compile("\u2212(?=\\d)")
# German and Polish quotes open low („) and close with “ or ” right after the quoted
# text (a mark after a space opens a quote, as “ does once normalized): read as “…”. A „
# that nothing closes in its paragraph is left as it is.
_LOW_QUOTE_PAIR = re.compile(
    "\u201e((?:[^\u201c\u201d\u201e\\n]|\\n(?!\\n))+?)(?<=\\S)[\u201c\u201d](?!\\w)"
)
_ELLIPSIS = re.compile("\u2026")
# ". . ." (and ". . . ." after a sentence's full stop), typed or OCR'd: as "..." the
# sentence splitter reads one mark, not three sentences of one full stop each.
_SPACED_ELLIPSIS = re.compile(r"\.(?: \.){2,}")
# Guillemets are double quote marks (see _orient_guillemets). Single ‹ › are left alone:
# as ‘ ’ a second normalization would read them as apostrophes, and it must change nothing.
_GUILLEMET = re.compile("[ \u00a0\u202f]*[\u00ab\u00bb][ \u00a0\u202f]*")
# Matched in "\n" + text, so that the pattern starts with a literal the engine finds
# fast (a "^" would be tried at every character) and the first line counts too.
_PARAGRAPH_NUMBER = re.compile(r"\n[ ]*\d{1,3}\.[ ]*\t")
# Replaced by "\n"; a run of number lines ("\n5\n2\n\n") goes at once.
# (It starts with a literal "\n", so the engine only tries it at line breaks.)
_PAGE_NUMBER_LINE = re.compile(r"\n(?:[ ]*\d{1,4}[ ]*\n)+(?=\n)")
# "115. Mr. President, ..." opening a paragraph (a line after a blank line, or a line
# after a finished sentence) or the text: a UN paragraph number followed by a space (the
# tab form is _PARAGRAPH_NUMBER). Several in a row go at once.
_NUMBER_AFTER_NEWLINE = re.compile(r"\n[ ]*((?:\d{1,3}\.[ ]+)+)(?=[^\W\d_]|[\u201c\u2018(])")
_NUMBER_AT_START = re.compile(r"[ ]*((?:\d{1,3}\.[ ]+)+)(?=[^\W\d_]|[\u201c\u2018(])")
_SENTENCE_END_CHARS = frozenset('.!?:\u201d\u2019")]')
# A line ending in one of these has not finished its sentence: "resolution No.\n242."
_NUMBER_ABBREVIATIONS = frozenset(
    "no nos vol vols p pp para paras art arts st sec ch fig op a.m p.m".split()
)
# A page break inside a sentence leaves a blank line between two lower-case words.
_PAGE_BREAK_IN_SENTENCE = re.compile(r"\n(?<=[a-z,;]\n)\n+(?=[a-z])")
# "well- defined" (any number of spaces: collapsing them later must not make a new one)
_SPACED_HYPHEN = re.compile(r"-(?<=[A-Za-z]{2}-) +(?!and\b|or\b|to\b|nor\b)(?=[a-z])")
_MANY_SPACES = re.compile(r"  +")
# "inter-\nnational": the pattern starts at the hyphen, which the engine finds fast;
# the word before it is read backwards in Python.
_LINE_END_HYPHEN = re.compile(r"-\n(?<=\w-\n)(\w+)")
# Written to start with a literal (" ", "\n\n"), which the engine searches for in C;
# " +" or "\n{3,}" would be tried at every character.
_SPACES_BEFORE_NEWLINE = re.compile(r" [ ]*\n")
_SPACES_AFTER_NEWLINE = re.compile(r"\n +")
_MANY_NEWLINES = re.compile(r"\n\n\n+")
_STRAIGHT_DOUBLE = re.compile('"')
# A straight double quote opens at the start, after a space or an opening bracket/dash.
_STRAIGHT_DOUBLE_OPEN = re.compile(r'"(?<![^\s(\[{—‘]")')
_SINGLE_QUOTE_EVENTS = re.compile("[\u2018\u2019']|\n(?=\n)")
_STRAIGHT_SINGLE_OPEN = re.compile(r"'(?<![^\s(\[—]')(?=\w)")

# What every match of a rule contains: a rule whose triggers are all absent is skipped.
_TRIGGERS: dict[re.Pattern[str], tuple[str, ...]] = {
    _MOJIBAKE: ("\u00e2", "\u00c3", "\u00c2"),
    _INVISIBLE: tuple(_INVISIBLE_CHARACTERS),
    _CONTROLS: tuple(_CONTROL_CHARACTERS),
    _STRAY_MARKS: tuple("\u25a0\u25aa\u25cf"),
    _LOW_QUOTE_COMMA: ("\u201e",),
    _ISOLATED_DEBRIS: ("\u00b7", "\u201e"),
    _ODD_SPACES: tuple(
        "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
        "\u202f\u205f\u3000\t\x0b\x0c"
    ),
    _APOSTROPHE_LIKE: tuple("\u2019\u2018`\u00b4\u02bc\u2032"),
    _DIGIT_DASH: (*"\u2012\u2013\u2014\u2212", "--"),
    _DASHES: (*"\u2012\u2013\u2015\u2212", "--"),
    _HYPHENS: ("\u2010", "\u2011"),
    _MINUS_SIGN: ("\u2212",),
    _LOW_QUOTE_PAIR: ("\u201e",),
    _GUILLEMET: ("\u00ab", "\u00bb"),
    _ELLIPSIS: ("\u2026",),
    _SPACED_ELLIPSIS: (". .",),  # run after runs of spaces became one
    _SPACES_BEFORE_NEWLINE: (" \n",),
    _SPACES_AFTER_NEWLINE: ("\n ",),
    _PAGE_NUMBER_LINE: ("\n",),
    _MANY_NEWLINES: ("\n\n\n",),
    _PAGE_BREAK_IN_SENTENCE: ("\n\n",),
    _SPACED_HYPHEN: ("- ",),
    _MANY_SPACES: ("  ",),
}


def _trigger_tests(
    triggers: tuple[str, ...],
) -> tuple[tuple[str, ...], frozenset[str], tuple]:
    """Substring tests; single characters outside printable ASCII, looked up in the
    text's :func:`_uncommon_characters`; and regex searches for strings of several
    characters that do not start with a space: the regex engine looks for their rare
    first character ("\n" of "\n ") and checks the rest, where ``in`` keys on the last
    character, which is often a common one: about three times faster on whole archives."""
    searched = tuple(t for t in triggers if len(t) > 1 and t[0] != " ")
    uncommon = frozenset(t for t in triggers if len(t) == 1 and t.encode() not in _COMMON_BYTES)
    plain = tuple(t for t in triggers if t not in searched and t not in uncommon)
    return plain, uncommon, tuple(re.compile(re.escape(t)).search for t in searched)


# Bytes that nearly every text holds (printable ASCII and the line break).
_COMMON_BYTES = bytes(range(0x20, 0x7F)) + b"\n"
_TRIGGER_TESTS = {pattern: _trigger_tests(triggers) for pattern, triggers in _TRIGGERS.items()}
# The rules whose pattern is a class of single characters (as _TRIGGERS lists them):
# each of them that a text holds is replaced by str.replace, which finds it with a C
# loop where the regex engine tests every character of the text against the class.
_CHARACTER_CLASSES: dict[re.Pattern[str], frozenset[str]] = {
    pattern: frozenset(_TRIGGERS[pattern])
    for pattern in (_INVISIBLE, _CONTROLS, _STRAY_MARKS, _ODD_SPACES, _HYPHENS)
}


@dataclass
class Normalized:
    """The normalized text and the names of the rules that changed it."""

    text: str
    repairs: list[str] = field(default_factory=list)


def normalize_text(raw: str) -> str:
    """Return ``raw`` under the current normalization policy.

    Normalization is idempotent: ``normalize_text(normalize_text(t)) == normalize_text(t)``.

    Example:
        >>> normalize_text("He said \\u201cno\\u201d \\u2013 twice\\u2026")
        'He said “no” — twice...'
    """
    return normalize(raw).text


# Docvar text folds typographic apostrophes and quote marks (word processors' "smart
# quotes", and the modifier letter apostrophe) to the ASCII marks a user types.
_DOCVAR_MARKS = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201b\u02bc", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f", '"'),
    }
)


def normalize_docvar(value):
    """A docvar value as every input gives it: text in Unicode NFC, with typographic
    apostrophes and quote marks as ``'`` and ``"`` (and a backtick, acute accent or prime
    between letters as ``'``, as in texts) and surrounding whitespace stripped, so that
    one value is one group; lists and mappings value by value; numbers, booleans, dates
    and missing values as they are.

    Example:
        >>> normalize_docvar(" C\u00f4te d\u2019Ivoire"), normalize_docvar(["\u201cpeace\u201d", 3])
        ("C\u00f4te d'Ivoire", ['"peace"', 3])
    """
    if isinstance(value, str):
        text = unicodedata.normalize("NFC", value).translate(_DOCVAR_MARKS)
        return _APOSTROPHE_LIKE.sub("'", text).strip()
    if isinstance(value, list):
        return [normalize_docvar(v) for v in value]
    if isinstance(value, dict):
        return {k: normalize_docvar(v) for k, v in value.items()}
    return value


def normalize(raw: str, *, _passes_left: int = 2) -> Normalized:
    """Normalize ``raw`` and list the repairs that changed it (see :func:`normalize_text`)."""
    repairs: list[str] = []
    text = raw
    characters = _Characters()

    def apply(name: str, pattern: re.Pattern[str], replacement) -> None:
        nonlocal text
        # Most rules find nothing in most documents; a test of the text's characters
        # skips their regex pass.
        if not _may_match(text, pattern, characters):
            return
        if pattern in _CHARACTER_CLASSES:
            held = _CHARACTER_CLASSES[pattern] & characters.of(text)
            new_text, n = _replace_each(text, held, replacement)
        else:
            new_text, n = pattern.subn(replacement, text)
        if n:
            repairs.append(f"{name} ({n})")
            if isinstance(replacement, str):
                characters.replaced(text, new_text, replacement)
            text = new_text

    if _has_mojibake(text, characters):
        fixed = _decode_mojibake(text)
        if fixed != text:
            repairs.append("mojibake decoded")
            # Looked for before decoding: a real "â" that ftfy decodes from "Ã¢"
            # ("lÃ¢cher") must not be read as a lost apostrophe.
            restored, n = _LOST_APOSTROPHE.subn("'", text)
            if n:
                repairs.append(f"apostrophes lost in mojibake restored ({n})")
                fixed = _decode_mojibake(restored)
            text = fixed
    if any(ch in text for ch in _C1_CHARACTERS):
        n = len(_C1_CONTROLS.findall(text))
        text = _C1_CONTROLS.sub("", ftfy.fixes.fix_c1_controls(text))
        repairs.append(f"control characters read as cp1252 ({n})")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2028" in text or "\u2029" in text:
        # Unicode's line and paragraph separators (some word processors' exports): as
        # line breaks they end lines and, doubled, paragraphs, which end sentences.
        text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
        repairs.append("line and paragraph separators")
    # Characters are removed before NFC: a soft hyphen or an OCR mark between a letter
    # and a combining accent would keep NFC from joining them until a second pass.
    apply("invisible characters removed", _INVISIBLE, "")
    apply("control characters removed", _CONTROLS, "")
    apply("OCR debris removed", _STRAY_MARKS, "")
    nfc = unicodedata.normalize("NFC", text)
    if nfc != text:
        repairs.append("unicode NFC")
        text = nfc
    # After NFC, which turns the Greek ano teleia (U+0387) into "·"; it keeps the spaces
    # around the mark, so it cannot join a letter and an accent.
    apply("OCR debris removed", _ISOLATED_DEBRIS, "")
    apply("OCR low quote read as comma", _LOW_QUOTE_COMMA, ",")  # reads the letter before
    if "\t" in text:
        numbers_removed, n = _PARAGRAPH_NUMBER.subn("\n", "\n" + text)
        if n:
            repairs.append(f"paragraph numbers removed ({n})")
            text = numbers_removed[1:]
    apply("unusual spaces", _ODD_SPACES, " ")
    apply("apostrophes", _APOSTROPHE_LIKE, "'")
    apply("hyphens", _HYPHENS, "-")
    # Before dashes between digits: a sign after a hyphen ("0-−5") makes "--", which
    # that rule reads as one hyphen (after it, "--" would become a dash, and a second
    # normalization would read "0—5" as a range).
    apply("minus signs", _MINUS_SIGN, "-")
    apply("dashes", _DIGIT_DASH, "-")
    apply("dashes", _DASHES, "\u2014")
    apply("ellipses", _ELLIPSIS, "...")
    if "\u00ab" in text or "\u00bb" in text:
        opener = _guillemet_opener(text)
        text, n = _GUILLEMET.subn(lambda m: _orient_guillemet(m, opener), text)
        repairs.append(f"guillemets ({n})")
    text = _orient_straight_quotes(text, repairs)
    apply("spaces", _SPACES_BEFORE_NEWLINE, "\n")
    apply("spaces", _SPACES_AFTER_NEWLINE, "\n")
    apply("page numbers removed", _PAGE_NUMBER_LINE, "\n")
    apply("blank lines", _MANY_NEWLINES, "\n\n")
    text = _remove_paragraph_numbers(
        text, repairs, numbered=any(r.startswith("paragraph numbers") for r in repairs)
    )
    apply("page break inside sentence joined", _PAGE_BREAK_IN_SENTENCE, "\n")
    # After paragraphs are joined: a quote is closed within its paragraph as it ends up.
    text = _orient_single_quotes(text, repairs)
    if _may_match(text, _LOW_QUOTE_PAIR):
        text = _pair_low_quotes(text, repairs)
    text = _join_broken_hyphenation(text, repairs)
    apply("spaced hyphen joined", _SPACED_HYPHEN, "-")
    apply("spaces", _MANY_SPACES, " ")
    # After the spaces are single: ". . ." is then the only spacing left to look for.
    apply("ellipses", _SPACED_ELLIPSIS, lambda m: m.group().replace(" ", ""))
    apply("blank lines", _MANY_NEWLINES, "\n\n")
    stripped = text.strip()
    if stripped != text:
        text = stripped
    if _passes_left and _has_mojibake(text) and _decode_mojibake(text) != text:
        # Mojibake can surface only after other rules ("´Â¡" becomes "'Â¡", which ftfy
        # then reads as "'¡"): normalize the decoded text again, so the policy is
        # idempotent.
        again = normalize(text, _passes_left=_passes_left - 1)
        return Normalized(again.text, _merge_counts(repairs + again.repairs))
    return Normalized(text, _merge_counts(repairs))


def _pair_low_quotes(text: str, repairs: list[str]) -> str:
    """„…“ as “…”, innermost pairs first and again until none is left: a pair turned
    into “…” leaves a “ that can close a „ around it ("„Sie rufen „nein“ und gehen.“"),
    and a second normalization must find nothing more to pair."""
    count = 0
    while True:
        text, n = _LOW_QUOTE_PAIR.subn("\u201c\\1\u201d", text)
        if not n:
            break
        count += n
    if count:
        repairs.append(f"low quotes ({count})")
    return text


def _guillemet_opener(text: str) -> str:
    """The mark that opens quotes in ``text``: « (French, Spanish, Russian) unless its
    first guillemet is a » followed by text (German, Scandinavian: »…«)."""
    first = min(i for i in (text.find("\u00ab"), text.find("\u00bb")) if i >= 0)
    following = text[first + 1 : first + 2]
    return (
        "\u00bb" if text[first] == "\u00bb" and following and not following.isspace() else "\u00ab"
    )


def _orient_guillemet(m: re.Match, opener: str) -> str:
    """A guillemet as “ or ” by where it stands, so French «…», German »…« and the
    spaced French « … » all read as quotes: a mark with a word right after it and a
    space (or nothing, or an opening bracket) before it opens; a mark right after a word
    or a punctuation mark, with a space, punctuation or nothing after it, closes; any
    other mark opens when it is the text's ``opener``. Spaces inside the quote go."""
    mark = m.group().strip(" \u00a0\u202f")
    lead, trail = m.group().split(mark)
    text, start, end = m.string, m.start(), m.end()
    before = " " if lead or start == 0 else text[start - 1]
    after = " " if trail or end == len(text) else text[end]
    if after.isalnum() and (before.isspace() or before in "([{\u2014"):
        opens = True
    elif not before.isspace() and not after.isalnum():
        opens = False
    else:
        opens = mark == opener
    return lead + "\u201c" if opens else "\u201d" + trail


def _has_mojibake(text: str, characters: _Characters | None = None) -> bool:
    # The trigger tests are several times faster than the regex on clean text.
    return _may_match(text, _MOJIBAKE, characters) and bool(_MOJIBAKE.search(text))


def _decode_mojibake(text: str) -> str:
    """``text`` as ftfy decodes it, weighing only the lines that hold a non-ASCII character.

    ftfy's whole-text decoding weighs the entire text at every step, and ASCII lines
    are the same in every encoding it tries: they are left out of its input (the lines
    it reads are joined by line breaks, so each keeps its neighbours), which made the UN
    archive's 1998 speeches with mojibake 4x quicker to normalize, with the same output.
    """
    lines = text.split("\n")
    kept = [k for k, line in enumerate(lines) if not line.isascii()]
    if len(kept) == len(lines):
        return ftfy.fix_encoding(text)
    decoded = ftfy.fix_encoding("\n".join(lines[k] for k in kept)).split("\n")
    if len(decoded) != len(kept):  # not seen: ftfy never makes or takes a line break
        return ftfy.fix_encoding(text)
    for k, line in zip(kept, decoded, strict=True):
        lines[k] = line
    return "\n".join(lines)


def _may_match(text: str, pattern: re.Pattern[str], characters: _Characters | None = None) -> bool:
    """Whether ``text`` holds one of the triggers of ``pattern`` (see _TRIGGERS).

    ``characters``: the :class:`_Characters` of the text being normalized, for the
    trigger characters outside printable ASCII; without it each is looked for in
    ``text``. A listed character the text no longer holds only makes a rule's regex
    pass look in vain.
    """
    plain, uncommon, searches = _TRIGGER_TESTS[pattern]
    if uncommon:
        if characters is None:
            plain = plain + tuple(uncommon)
        elif not uncommon.isdisjoint(characters.of(text)):
            return True
    return any(t in text for t in plain) or any(search(text) for search in searches)


def _replace_each(text: str, characters: frozenset[str], replacement: str) -> tuple[str, int]:
    """``text`` with each of ``characters`` replaced, and how many were: the ``subn`` of
    the class of those characters, when ``replacement`` holds none of them."""
    count = 0
    for ch in sorted(characters):
        n = text.count(ch)
        if n:
            count += n
            text = text.replace(ch, replacement)
    return text, count


def _uncommon_characters(text: str) -> frozenset[str]:
    """The characters of ``text`` other than printable ASCII and the line break."""
    # UTF-8 writes a character outside ASCII with bytes of 0x80 and above only, so
    # deleting ASCII bytes leaves whole characters (a lone surrogate included).
    rest = text.encode("utf-8", "surrogatepass").translate(None, _COMMON_BYTES)
    return frozenset(rest.decode("utf-8", "surrogatepass"))


class _Characters:
    """The uncommon characters of the text being normalized (:func:`_uncommon_characters`),
    read in one pass: the rules' triggers are a hundred-odd characters, and a test
    ``ch in text`` for each scanned the whole text (a quarter of the time the UN
    speeches took to normalize). Read again when the text is another, except after a
    rule's replacement, which adds only its own characters to what was read."""

    def __init__(self) -> None:
        self.text: str | None = None
        self.found: frozenset[str] = frozenset()

    def of(self, text: str) -> frozenset[str]:
        """The characters of ``text``, or a few more it held before a rule removed them."""
        if text is not self.text:
            self.text, self.found = text, _uncommon_characters(text)
        return self.found

    def replaced(self, old: str, new: str, replacement: str) -> None:
        """``new`` is ``old`` with matches replaced by ``replacement``."""
        if old is self.text:
            self.text, self.found = new, self.found | _uncommon_characters(replacement)


def _orient_straight_quotes(text: str, repairs: list[str]) -> str:
    """Turn ASCII double quotes into “ or ” by position, so quote roles survive."""
    if '"' not in text:
        return text
    # Decided on the original text: in '""' the second mark follows a straight quote.
    text, n_open = _STRAIGHT_DOUBLE_OPEN.subn("\u201c", text)
    text, n_close = _STRAIGHT_DOUBLE.subn("\u201d", text)
    repairs.append(f"straight quotes oriented ({n_open + n_close})")
    return text


def _orient_single_quotes(text: str, repairs: list[str]) -> str:
    """Straight single quotes that pair up as ‘ ’ (see :func:`_pair_single_quotes`).

    Run once paragraphs are final (after page breaks inside sentences are joined): a
    quote is closed within its paragraph, so a second normalization pairs the same.
    """
    if "'" not in text:
        return text
    openers = [m.start() for m in _STRAIGHT_SINGLE_OPEN.finditer(text)]
    if openers:
        text, n = _pair_single_quotes(text, openers)
        if n:
            repairs.append(f"straight quotes oriented ({n})")
    return text


def _pair_single_quotes(text: str, openers: list[int]) -> tuple[str, int]:
    """Straight single quotes as ‘ ’ where they pair up: a ' that may open (``openers``,
    before a word) and a later ' after a word or a closing punctuation mark, in the same
    paragraph: ‘the new order', ‘We are ready,' he said. A ' that may open but is never
    closed ("the '60s", "'Tis") stays an apostrophe; a typographic ‘ opens, and a ’
    closes it, as written (a ’ does not close a straight ': "the '90s and the members’
    views" has no quote)."""
    out = list(text)
    may_open = set(openers)
    pending: int | None = None  # the opening mark waiting for its close
    changed = 0
    # Only quote marks and paragraph breaks change the state: visit those, not every char.
    for match in _SINGLE_QUOTE_EVENTS.finditer(text):
        ch, i = match.group(), match.start()
        if ch == "\u2018" or i in may_open:
            pending = i
        elif ch == "\n":  # a paragraph break
            pending = None
        elif ch != "'":  # a ’: it closes a typographic ‘, and may be an apostrophe
            if pending is not None and text[pending] == "\u2018":  # ("the members’ views")
                pending = None
        elif pending is not None and i and (text[i - 1].isalnum() or text[i - 1] in ",.!?;:"):
            if not text[i + 1 : i + 2].isalnum():
                if text[pending] == "'":
                    out[pending] = "\u2018"
                    changed += 1
                out[i] = "\u2019"
                changed += 1
                pending = None
    return "".join(out), changed


def _remove_paragraph_numbers(text: str, repairs: list[str], *, numbered: bool) -> str:
    """Drop numbers that open paragraphs ("115. Mr. President"), in numbered documents only.

    A number counts when it opens the text, follows a blank line, or opens a line after
    a finished sentence (not after "No." or "p."). They are removed only when a document
    has two or more of them and they mostly go up, as a UN speech's 115, 116, 117 do, or
    when it is ``numbered`` already (tab-form paragraph numbers were removed): a lone
    "10. Downing Street" in a news text keeps its number.
    """
    found: list[tuple[int, int, int]] = []  # (start, end, number) of each removable span
    opening = _NUMBER_AT_START.match(text)
    if opening:
        found.append((0, opening.end(), int(opening.group(1).split(".")[0])))
    for m in _NUMBER_AFTER_NEWLINE.finditer(text):
        if m.start() > 0 and not _opens_paragraph(text, m):
            continue
        found.append((m.start() + 1, m.end(), int(m.group(1).split(".")[0])))
    if not found or (len(found) < 2 and not numbered):
        return text
    numbers = [n for _, _, n in found]
    rising = sum(1 for a, b in zip(numbers, numbers[1:], strict=False) if b > a)
    if not numbered and rising * 2 < len(numbers) - 1:
        return text  # numbers that do not count up are not paragraph numbers
    pieces: list[str] = []
    done = 0
    for start, end, _ in found:
        pieces.append(text[done:start])
        done = end
    pieces.append(text[done:])
    repairs.append(f"paragraph numbers removed ({len(found)})")
    return "".join(pieces)


def _opens_paragraph(text: str, m: re.Match[str]) -> bool:
    """Whether the number matched after a line break opens a paragraph."""
    before = text[m.start() - 1]
    if before == "\n":
        return True  # after a blank line
    following = text[m.end() : m.end() + 1]
    if before not in _SENTENCE_END_CHARS or not (
        following.isupper() or following in "\u201c\u2018("
    ):
        return False  # the line before goes on, or no new sentence starts here
    line_start = text.rfind("\n", 0, m.start()) + 1
    words = text[line_start : m.start()].split()
    last_word = words[-1].lower().rstrip(".") if words else ""
    return last_word not in _NUMBER_ABBREVIATIONS and len(last_word) != 1


def _join_broken_hyphenation(text: str, repairs: list[str]) -> str:
    """Rejoin words hyphenated across a line break, keeping the hyphen of compounds.

    A hyphen at a line end is either a typesetting break ("inter-/national") or the
    hyphen of a compound ("self-/determination", "peace-/keeping"). Without a
    dictionary the document decides: the spelling it uses elsewhere wins; failing
    that, the hyphen stays after a prefix that forms compounds with one
    (:data:`_COMPOUND_PREFIXES`) and when both parts are words the document uses on
    their own, and the parts are joined otherwise ("inter", "deter", "ment" are no
    words of their own). On the UN General Debate archive (2,042 such breaks whose
    spelling the archive decides) this keeps the archive's more common spelling 96% of
    the time; joining unless the hyphenated form occurred elsewhere in the document
    did so 32% of the time.
    """
    if "-\n" not in text:
        return text
    joined = 0
    used_alone = _WordsUsedAlone(text)

    def rejoin(first: str, second: str) -> str:
        nonlocal joined
        joined += 1
        hyphenated, closed = f"{first}-{second}", f"{first}{second}"
        has_hyphenated, has_closed = hyphenated in text, closed in text
        if has_hyphenated != has_closed:
            return hyphenated if has_hyphenated else closed
        if first.lower() in _COMPOUND_PREFIXES or (used_alone(first) and used_alone(second)):
            return hyphenated
        return closed

    pieces: list[str] = []
    done = 0  # text before this offset is settled (copied to pieces)
    for match in _LINE_END_HYPHEN.finditer(text):
        hyphen = match.start()
        start = hyphen
        while start > done and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        if start == hyphen:
            # "a-\nb-\nc": the word before is the end of the previous join; join on.
            previous = pieces.pop()
            tail = len(previous)
            while tail > 0 and (previous[tail - 1].isalnum() or previous[tail - 1] == "_"):
                tail -= 1
            pieces.append(previous[:tail])
            first = previous[tail:]
        else:
            pieces.append(text[done:start])
            first = text[start:hyphen]
        second = match.group(1)
        pieces.append(_keep_case_rule(first, second, rejoin))
        done = match.end()
    if not joined:
        return text
    pieces.append(text[done:])
    repairs.append(f"line-break hyphenation joined ({joined})")
    return "".join(pieces)


# Prefixes written with a hyphen before a word ("self-determination", "non-aligned",
# "socio-economic"), which are no words of their own. Not "re", "pre", "post", "ex",
# "multi", "inter": typesetting breaks such as "re-/solution" and "pre-/vent" start so.
_COMPOUND_PREFIXES = frozenset({"self", "non", "anti", "socio", "quasi", "vice"})


class _WordsUsedAlone:
    """Whether a word occurs in a text as a word of its own, in lower case, capitalized
    or in capitals: not inside a longer word, a hyphenated compound or a word broken
    across a line.

    Searched with ``find``: a case-insensitive regular expression per question took a
    third of the time of normalizing the whole UN archive, lower-casing each text half
    of what remained.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def __call__(self, word: str) -> bool:
        lower = word.lower()
        forms = dict.fromkeys((lower, lower.capitalize(), word.upper()))  # in this order
        return any(self._alone(form) for form in forms)

    def _alone(self, word: str) -> bool:
        text = self.text
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if not _joins(before) and not _joins(after) and text[start - 2 : start] != "-\n":
                return True
            start = text.find(word, start + 1)
        return False


def _joins(character: str) -> bool:
    """A character that makes a neighbouring word part of a longer one."""
    return character.isalnum() or character in "_-"


def _keep_case_rule(first: str, second: str, rejoin) -> str:
    # Only join when the continuation is lower case: "Asia-\nPacific" is a real compound.
    if not second[0].islower() or not first[-1].isalpha():
        return first + "-\n" + second
    return rejoin(first, second)


def _merge_counts(repairs: list[str]) -> list[str]:
    """Merge repeated rule names: ["dashes (2)", "dashes (1)"] -> ["dashes (3)"]."""
    totals: dict[str, int] = {}
    for item in repairs:
        m = re.fullmatch(r"(.*) \((\d+)\)", item)
        name, n = (m.group(1), int(m.group(2))) if m else (item, 0)
        totals[name] = totals.get(name, 0) + n
    return [f"{name} ({n})" if n else name for name, n in totals.items()]
