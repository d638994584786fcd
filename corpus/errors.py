"""Errors raised for bad input; each message names the file, row or argument."""

from __future__ import annotations


class CorpusError(ValueError):
    """Input that cannot be read as a corpus: the message says where and what is wrong."""


class DuplicateIdError(CorpusError):
    """Two inputs produced the same ``doc_id``."""


class NoDocumentError(CorpusError):
    """No input could be read as a document; ``report`` says what happened to each."""

    def __init__(self, message: str, report) -> None:
        super().__init__(message)
        self.report = report


class StrictModeError(CorpusError):
    """``strict=True`` and an input needed a repair or was skipped."""


def check_choice(argument: str, value, choices) -> None:
    """Raise ``ValueError`` naming ``argument``, the bad ``value`` and the valid ``choices``."""
    if value not in choices:
        valid = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{argument}={value!r} is not valid; choose one of: {valid}")
