"""Dropping boilerplate lines when reading (``read_corpus(..., drop_lines=[...])``).

News articles carry lines that are no part of what was said or reported: bylines
("By Ann Roe"), photo captions ("Photo: ..."), wire credits ("(Reporting by John Marr;
Editing by Sue Lee)"). They inflate word counts and lead every keyness comparison
between outlets. ``drop_lines`` takes regular expressions; a line of a document's
normalized text that one of them finds (:func:`re.search`) is dropped, so a pattern
anchors with ``^`` and ``$`` to the line and is case-sensitive unless it says
``(?i)``. The text left is normalized again (the blank lines around a dropped
paragraph close up), and the document's report row says how many lines went.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import pandas as pd

from .normalize import Normalized, normalize

# How a report row names the lines dropped: a repair "lines dropped by drop_lines (3)",
# or within the reason a document left without text was skipped.
_DROPPED = "lines dropped by drop_lines"
_DROPPED_COUNT = re.compile(re.escape(_DROPPED) + r" \((\d+)\)")
# Rounds of dropping and normalizing again: normalizing the text left can join lines
# (a hyphenated word around a dropped caption), which may make a line to drop.
_MAX_ROUNDS = 8


def check_drop_lines(patterns: Iterable[str] | None) -> tuple[str, ...]:
    """The patterns ``drop_lines=`` gives, checked: a ValueError names a pattern that is
    no regular expression (with :mod:`re`'s message) or that matches an empty line.

    A pattern that matches the empty string would drop every blank line, and with it
    the paragraph breaks that end sentences (``x*`` would drop every line): it is
    refused rather than read so.

    Example:
        >>> check_drop_lines(["^Photo:", r"(?i)^\\(reporting by"])
        ('^Photo:', '(?i)^\\\\(reporting by')
        >>> check_drop_lines(None)
        ()
    """
    if patterns is None:
        return ()
    if isinstance(patterns, (str, bytes)):
        raise TypeError(
            f"drop_lines={patterns!r}: give a list of regular expressions, even for one "
            f"pattern: drop_lines=[{patterns!r}]"
        )
    checked = tuple(patterns)
    for pattern in checked:
        check_drop_pattern(pattern)
    return checked


def check_drop_pattern(pattern: str) -> re.Pattern[str]:
    """One pattern of ``drop_lines``, compiled (see :func:`check_drop_lines`)."""
    if not isinstance(pattern, str):
        raise TypeError(
            f"drop_lines: {pattern!r} is no string but a {type(pattern).__name__}; give each "
            "pattern as a string, such as '^Photo:'"
        )
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise ValueError(
            f"drop_lines: {pattern!r} is not a valid regular expression: {exc}"
        ) from None
    if compiled.search("") is not None:
        raise ValueError(
            f"drop_lines: {pattern!r} matches an empty line, so it would drop every blank "
            "line (the paragraph breaks) and perhaps every line; make it match some text "
            "of the lines to drop, such as '^Photo:' or '^By [A-Z]'"
        )
    return compiled


def compile_drop_lines(patterns: Sequence[str]) -> tuple[re.Pattern[str], ...]:
    """The checked ``patterns`` compiled, in order."""
    return tuple(check_drop_pattern(pattern) for pattern in patterns)


def drop_matching_lines(
    normalized: Normalized, patterns: Sequence[re.Pattern[str]]
) -> tuple[Normalized, int]:
    """``normalized`` without the lines that one of ``patterns`` finds, normalized
    again, and how many lines were dropped (0: ``normalized`` itself is returned).
    No line of the text returned is one a pattern finds; the repairs listed are those
    of ``normalized``.

    Example:
        >>> kept, n = drop_matching_lines(
        ...     normalize("By Ann Roe\\n\\nTalks resumed.\\n\\nPhoto: the hall"),
        ...     compile_drop_lines(["^By ", "^Photo:"]))
        >>> kept.text, n
        ('Talks resumed.', 2)
    """
    if not patterns:
        return normalized, 0
    text, dropped = normalized.text, 0
    for _ in range(_MAX_ROUNDS):
        lines = text.split("\n")
        kept = [line for line in lines if not any(p.search(line) for p in patterns)]
        if len(kept) == len(lines):
            break
        dropped += len(lines) - len(kept)
        # What this pass changes (blank lines closed up) comes of the dropping, which
        # the report says: the repairs listed stay those of the text as read.
        text = normalize("\n".join(kept)).text
    if not dropped:
        return normalized, 0
    return Normalized(text, list(normalized.repairs)), dropped


def dropped_repair(dropped: int) -> str:
    """The repair a report row gives for ``dropped`` lines: "lines dropped by
    drop_lines (3)"."""
    return f"{_DROPPED} ({dropped})"


def lines_dropped(report: pd.DataFrame) -> pd.Series:
    """How many lines ``drop_lines`` dropped from each input of a load report
    (``Corpus.report``): 0 for a row without any, a document left without text by
    dropping them (skipped) included.

    Example:
        >>> report = pd.DataFrame({"detail": ["", "lines dropped by drop_lines (3)"]})
        >>> lines_dropped(report).tolist()
        [0, 3]
    """
    found = report["detail"].astype(str).str.extract(_DROPPED_COUNT, expand=False)
    return found.fillna("0").astype(int)
