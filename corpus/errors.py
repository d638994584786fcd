"""Errors raised for bad input; each message names the file, row or argument."""

from __future__ import annotations

import difflib


class CorpusError(ValueError):
    """Input that cannot be read as a corpus: the message says where and what is wrong."""


class DuplicateIdError(CorpusError):
    """Two inputs produced the same ``doc_id``."""


class NoDocumentError(CorpusError):
    """No input could be read as a document; ``report`` says what happened to each."""

    def __init__(self, message: str, report) -> None:
        super().__init__(message)
        self.report = report


class BadDatesError(CorpusError):
    """Values of a date docvar that are no dates (``read_corpus(bad_dates="error")``).

    ``bad`` lists each (a :class:`corpus.metadata.BadDate`: the document, the value,
    where it was given and what is wrong). ``report``, when the error comes from reading
    inputs, is the load report with each such document's row marked ``error``, so that
    ``communique validate`` can show every input, these among them.
    """

    def __init__(self, message: str, bad, report=None) -> None:
        super().__init__(message)
        self.bad = bad
        self.report = report


class StrictModeError(CorpusError):
    """``strict=True`` and an input needed a repair or was skipped."""


# Choices listed in an error at most; a group column (186 countries) is summarised.
_CHOICES_SHOWN = 20


def check_choice(argument: str, value, choices) -> None:
    """Raise ``ValueError`` naming ``argument``, the bad ``value`` and the valid ``choices``
    (with a "did you mean" for a choice spelled alike, such as another case).

    Example:
        >>> check_choice("target", "usa", ["RUS", "USA"])
        Traceback (most recent call last):
        ...
        ValueError: target='usa' is not valid; did you mean 'USA'? Choose one of: 'RUS', 'USA'
    """
    if value in choices:
        return
    choices = list(choices)
    shown = ", ".join(repr(c) for c in choices[:_CHOICES_SHOWN])
    if len(choices) > _CHOICES_SHOWN:
        shown += f", ... ({len(choices)} in all)"
    alike = alike_choice(value, choices)
    if alike is None:
        raise ValueError(f"{argument}={value!r} is not valid; choose one of: {shown}")
    raise ValueError(
        f"{argument}={value!r} is not valid; did you mean {alike!r}? Choose one of: {shown}"
    )


def alike_choice(value, choices) -> object | None:
    """The choice ``value`` most likely meant: the same up to case, else a close
    spelling; None when no choice is alike (or ``value`` is not text).

    Example:
        >>> alike_choice("usa", ["RUS", "USA"]), alike_choice("simle", ["simile"])
        ('USA', 'simile')
    """
    if not isinstance(value, str):
        return None
    texts = {str(c): c for c in choices}
    for text, choice in texts.items():
        if text.casefold() == value.casefold():
            return choice
    close = difflib.get_close_matches(value, list(texts), n=1, cutoff=0.8)
    return texts[close[0]] if close else None
