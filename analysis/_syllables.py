"""English syllables of a written word, by spelling rules.

The counter behind :mod:`analysis.readability`, kept apart so that regular installs
compile it with mypyc (setup.py): a first corpus brings tens of thousands of new
spellings. Plain rules, written for this project and checked against the CMU
Pronouncing Dictionary (benchmarks/accuracy_syllables.py); no pronunciation data is
shipped or read.

The rules, in order:

1. Letters are folded to a-z (accents dropped; a diaeresis, as in "naïve", starts a new
   syllable); apostrophes are dropped ("don't" is one word) and hyphens, dots and other
   marks split a word into parts counted one by one ("co-operation" 1 + 4). A dotted
   abbreviation of single letters is read letter by letter ("u.n." 2).
2. A few frequent words the rules get wrong are looked up (``EXCEPTIONS``).
3. The first word of a compound whose final e is silent ("some|thing", "there|fore",
   "safe|guard", "every|one") and suffixes whose syllable is plain are counted apart,
   so that the final e of the first part stays silent: "complete|ly" 2 + 1,
   "move|ment", "govern|ment", "hope|ful", "care|less", "aware|ness", "police|man";
   -ically is two syllables ("economically" 5).
4. Vowel groups are counted, "y" a vowel except where it is a consonant: word-initial
   before a vowel ("year") and between vowels ("layer", but "played"); the "u" of
   "qu" and of "gu" before a vowel is a consonant ("quiet", "language", "guide").
5. Silent endings take one away: final e after a consonant ("make"), except in
   consonant + le / re ("table", "centre"); -ed except after t or d ("developed",
   "united") or consonant + l / r ("entitled", "hundred"); -es except after s, x, z, ch,
   sh, c, g or consonant + l / r ("states"; "cases", "taxes", "changes", "peoples").
6. Vowels that meet without merging (hiatus) add one: i + a / o / u except in -cia,
   -tia, -sia, -gia, -tion, -sion, -cion, -gion, -xious, -shio ("media", "various",
   "social", "nation"), and some l- and n- glides ("million", "Italian", "union");
   -iat- after c or t ("negotiation"); -ire and "our" ("fire", "hours"); -iet
   ("society"), -ien- ("client", "alien", not "ancient"), -ier and -iest ("earlier");
   u + a / o ("actual", "continuous"); e + o ("video", "theory",
   not "people", "George", "gorgeous"); e + a at the end, in -ean after a syllable,
   "creat-", "-eation", "reali-", "thea-" ("idea", "European", "create"); a vowel +
   -ing ("being", "going"); prefixes re-, co- before a vowel where they stay apart
   ("reaffirm", "reiterate", "cooperation", "coexist"); -ism, -asm, -thm ("terrorism").
7. An "'s" after a hissing sound is a syllable ("France's").
"""

from __future__ import annotations

import re
from typing import Final

# Accented letters folded to their base letter; a diaeresis starts a new syllable
# ("naïve", "Noël", "coöperation"), marked by a hyphen that splits the word.
_FOLD: Final = str.maketrans(
    {
        **dict.fromkeys("àáâãåāăą", "a"),
        **dict.fromkeys("èéêēĕėęě", "e"),
        **dict.fromkeys("ìíîĩīĭį", "i"),
        **dict.fromkeys("òóôõøōŏő", "o"),
        **dict.fromkeys("ùúûũūŭůűų", "u"),
        **dict.fromkeys("ýÿŷ", "y"),
        "ä": "-a",
        "ë": "-e",
        "ï": "-i",
        "ö": "-o",
        "ü": "-u",
        "ç": "c",
        "ć": "c",
        "č": "c",
        "ñ": "n",
        "ń": "n",
        "ň": "n",
        "ś": "s",
        "š": "s",
        "ş": "s",
        "ž": "z",
        "ź": "z",
        "ż": "z",
        "ř": "r",
        "ł": "l",
        "ğ": "g",
        "đ": "d",
        "ß": "ss",
        "æ": "e",
        "œ": "e",
        "'": "",
        "’": "",
    }
)
_PARTS: Final = re.compile(r"[a-z]+")
# Letters read as their names in a dotted abbreviation ("u.n.", "u.s.").
_LETTER_NAMES: Final = {"w": 3}

# "y" and "u" that are consonants: replaced by "_" before vowel groups are counted.
_CONSONANTAL: Final = re.compile(
    r"^y(?=[aeiou])"  # year, young
    r"|(?<=[aeiou])y(?=[aeiou])(?!e[sd]?$)"  # layer, loyal; not played, eyes
    r"|(?<=q)u"  # quiet, equal
    r"|(?<=g)u(?=[aeiy])"  # language, guide, league
)
_VOWEL_GROUPS: Final = re.compile(r"[aeiouy]+")
# Where two vowels are two syllables (each match adds one).
_HIATUS: Final = re.compile(
    r"(?<![cgstxnl])(?<!sh)i(?=[aou])(?!(?<=vi)ou?r)"  # media, various, Ethiopia; not
    # social, nation, religious, anxious, fashion, behaviour
    r"|(?<=n)i(?=a|u|o(?!n))"  # Armenia, harmonious; not union, opinion
    r"|(?<=l)i(?=[aou])(?!(?<=lli)o)(?!(?<=[ai]li)an)(?!(?<=[iu]li)ar)"  # Mongolia,
    # alliance, humiliation; not million, Italian, civilian, familiar, peculiar
    r"|(?<=c)i(?=ar)"  # judiciary, beneficiary
    r"|(?<=[ct])i(?=at(?!ive))"  # negotiation, appreciate; not initiative
    r"|(?<![ao])i(?=re[sd]?$)|^h?o(?=urs?$|urselv)"  # fire, desired, hour, our
    r"|(?<=u)cle(?=ar)"  # nuclear; not unclear
    r"|u(?=en|in(?!g)|ici|id)|(?<!z)u(?=el)"  # genuine, ruin, influence, cruel, fuel
    r"|(?<=[bcdfgkptz])l(?=ing)"  # settling, enabling
    r"|iet"  # society, quiet, Soviet
    r"|(?:(?<![ct])|(?<=sc))ie(?=n(?:[ct]|a|s?$))"  # client, science, alienation; not ancient
    r"|ie(?=rs?$|st$)|ue(?=rs?$)"  # earlier, easiest, pursuer
    r"|u(?=a(?!b)|o)"  # actual, situation, continuous (qu, gu are consonants by now)
    r"|(?<![pjgc])eo|geo(?![nru])"  # video, theory, geography; not people, George
    r"|(?<=[aeiouy][^aeiouy])ea(?=s?$)"  # area, idea, Korea
    r"|(?<=[aeiouy][^aeiouyc])ea(?=ns?$)"  # European, Korean; not ocean
    r"|creat(?!ur)|eation|(?:^r|^id)eali|^thea"  # create, creation, reality, theatre
    r"|(?<=s)i(?=asm)|o(?=ic(?!e)|ev)"  # enthusiasm, heroic, whoever; not voice
    r"|(?<=[aeiouy])ing"  # being, going, continuing
    r"|^re(?=a(?:ff|ct|pp|ss|dj|ll|lig|rm|wa)|i(?:n[fstv]|mb|mp|ter|ss)|o[prc]|un|ex|ele|em)"
    r"|^co(?=op|ord|ex|er[ce]|ali|inci|eff)"  # cooperation, coordinate, coexist
    r"|^pre(?=a(?!ch)|e[mx])|^mc"  # preamble, preempt, McNamara
    r"|(?:s|th)(?=ms?$)"  # terrorism, enthusiasm, rhythm
)

# Suffixes counted apart from their stem (the stem's final e stays silent), with their
# syllables; longest first.
_SUFFIXES: Final = (
    ("ically", 2),
    ("lessness", 2),
    ("fulness", 2),
    ("nesses", 2),
    ("lessly", 2),
    ("fully", 2),
    ("ments", 1),
    ("ment", 1),
    ("ness", 1),
    ("less", 1),
    ("ful", 1),
    ("ly", 1),
    ("man", 1),
    ("men", 1),
)

# First words of compounds whose final e is silent ("some|thing", "there|fore",
# "safe|guard"), with their syllables. The second word starts with a consonant, except
# after the heads that never end a longer word ("there|in", "every|one").
_HEADS: Final = ("every", "there", "where", "any")
_HEAD_SYLLABLES: Final = {
    "every": 2,
    "there": 1,
    "where": 1,
    "any": 2,
    "some": 1,
    "home": 1,
    "safe": 1,
    "like": 1,
    "fore": 1,
    "life": 1,
    "time": 1,
    "peace": 1,
    "stone": 1,
    "guide": 1,
    "care": 1,
    "space": 1,
    "state": 1,
    "whole": 1,
    "base": 1,
    "house": 1,
    "wide": 1,
    "side": 1,
    "one": 1,
    "frame": 1,
    "else": 1,
    "note": 1,
    "praise": 1,
    "mile": 1,
}
_HEAD_LENGTHS: Final = sorted({len(head) for head in _HEAD_SYLLABLES}, reverse=True)

# Words the rules get wrong that are frequent in diplomatic speech (the UN General
# Debate), with their syllables as commonly pronounced: spellings that hide a vowel
# ("interest" in-trest, "several", "business", "sovereign", "parliament"), hide a
# consonant ("every" in "recovery"), or are names.
EXCEPTIONS: Final[dict[str, int]] = {
    # Abbreviations read as words (the part before the dot: "Mr.").
    "mr": 2,
    "mrs": 2,
    "dr": 2,
    # Vowels that are not heard.
    "interest": 2,
    "interests": 2,
    "interested": 3,
    "interesting": 3,
    "several": 2,
    "business": 2,
    "businesses": 3,
    "sovereign": 2,
    "sovereigns": 2,
    "sovereignty": 3,
    "parliament": 3,
    "parliaments": 3,
    "parliamentary": 5,
    "especially": 3,
    "recovery": 3,
    "excellency": 3,
    "conscience": 2,
    "soldier": 2,
    "soldiers": 2,
    "frontier": 2,
    "frontiers": 2,
    # Vowels or parts that are heard where the rules drop them.
    "element": 3,
    "elements": 3,
    "nevertheless": 4,
    "moreover": 3,
    "wherever": 3,
    "forever": 3,
    "extraordinary": 6,
    "inalienable": 5,
    "chaos": 2,
    "argue": 2,
    "argued": 2,
    "argues": 2,
    # Names.
    "israel": 3,
    "caribbean": 4,
    "rwanda": 3,
    "rwandan": 3,
    "zaire": 2,
    "chile": 2,
    "vienna": 3,
    "cuellar": 2,
}


def syllable_count(word: str) -> int:
    """Syllables of a lower-case word: 0 when it has no letter, else at least 1.

    Example:
        >>> [syllable_count(w) for w in ("idea", "completely", "co-operation", "1990")]
        [3, 3, 5, 0]
    """
    known = EXCEPTIONS.get(word)
    if known is not None:
        return known
    if word.endswith(("'s", "\u2019s")) and len(word) > 3:
        # the stem as itself (its exceptions too), and "'s" a syllable only after a
        # hissing sound: France's 2, Jones's 2, Israel's 3, nation's 2
        stem = word[:-2]
        return syllable_count(stem) + _sibilant(stem[-2:].translate(_FOLD))
    folded = word.translate(_FOLD)
    parts = _PARTS.findall(folded)
    if not parts:
        return 1 if any(c.isalpha() for c in word) else 0
    if len(parts) > 1 and "." in folded and all(len(part) == 1 for part in parts):
        return sum(_LETTER_NAMES.get(part, 1) for part in parts)
    total = 0
    for part in parts:
        total += part_syllables(part)
    return max(total, 1)


def _sibilant(end: str) -> bool:
    """Whether a word ending in ``end`` (its last two letters) ends in a hissing sound,
    which makes an added "'s" a syllable."""
    return end[-1:] in ("s", "x", "z") or end in ("ch", "sh", "ce", "ge")


def part_syllables(part: str) -> int:
    """Syllables of a run of letters a-z: 0 when it has no vowel ("mr", the "th" of
    "19th")."""
    known = EXCEPTIONS.get(part)
    if known is not None:
        return known
    for size in _HEAD_LENGTHS:
        head = part[:size]
        count = _HEAD_SYLLABLES.get(head, 0) if len(part) > size + 1 else 0
        if count:
            rest = part[size:]
            if rest[0] not in "aeiouyr" or head in _HEADS:
                if _VOWEL_GROUPS.search(rest) is not None:
                    return count + part_syllables(rest)
    for suffix, count in _SUFFIXES:
        if part.endswith(suffix):
            stem = part[: len(part) - len(suffix)]
            if len(stem) >= 2 and _VOWEL_GROUPS.search(stem) is not None:
                if suffix[0] == "m" and stem.endswith("ire"):
                    count -= 1  # require (3), requirement (3)
                return stem_syllables(stem) + count
            break
    return stem_syllables(part)


def stem_syllables(part: str) -> int:
    """Syllables of a run of letters, suffixes left on."""
    known = EXCEPTIONS.get(part)
    if known is not None:
        return known
    letters = _CONSONANTAL.sub("_", part)
    n = len(_VOWEL_GROUPS.findall(letters))
    if n == 0:
        return 0
    if n > 1:
        n -= _silent_ending(letters)
    return n + len(_HIATUS.findall(letters))


def _is_consonant(c: str) -> bool:
    return c not in "aeiouy"


def _silent_ending(letters: str) -> int:
    """1 when the word ends in a silent e, -ed or -es (``letters``: a word of two vowel
    groups or more, its consonantal y and u marked "_")."""
    size = len(letters)
    last = letters[size - 1]
    if last == "e":
        if not _is_consonant(letters[size - 2]) or letters.endswith("phe"):  # catastrophe
            return 0
        return 0 if _syllabic_liquid(letters, size - 2) else 1
    if size < 4 or letters[size - 2] != "e" or not _is_consonant(letters[size - 3]):
        return 0
    before = letters[size - 3]
    if last == "d":
        if before in "td":
            return 0
        return 0 if _syllabic_liquid(letters, size - 3) else 1
    if last == "s":
        if before in "sxzcg" or letters.endswith("phes"):
            return 0
        if before == "h" and letters[size - 4] in "cs":
            return 0
        return 0 if _syllabic_liquid(letters, size - 3) else 1
    return 0


def _syllabic_liquid(letters: str, i: int) -> bool:
    """Whether ``letters[i]`` is an l or r after another consonant ("table", "centre",
    "hundred"): the e after it is heard."""
    c = letters[i]
    if c != "l" and c != "r" or i == 0:
        return False
    before = letters[i - 1]
    return before != c and _is_consonant(before)
