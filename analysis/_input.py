"""Shared argument handling for analysis functions: corpus coercion, voice, group keys."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

import numpy as np
import pandas as pd

import corpus as _corpus
from corpus import AUTHORIAL, QUOTED, Corpus, Document
from corpus.errors import alike_choice, check_choice

Voice = Literal["authorial", "quoted", "all"]
VOICES = ("authorial", "quoted", "all")


def as_corpus(c_or_text: Corpus | str | Document | list) -> Corpus:
    """Accept a Corpus, a Document, one string, or a list of strings."""
    if isinstance(c_or_text, Corpus):
        return c_or_text
    if isinstance(c_or_text, str):
        return _corpus.from_texts([c_or_text])
    if isinstance(c_or_text, Document):
        return _corpus.from_texts({c_or_text.doc_id: c_or_text.text})
    if isinstance(c_or_text, (list, tuple)) and all(isinstance(t, str) for t in c_or_text):
        return _corpus.from_texts(list(c_or_text))
    raise TypeError(
        f"expected a Corpus, a Document, a string or a list of strings, got {type(c_or_text).__name__}"
    )


def check_voice(voice: str | None) -> str:
    """Validate ``voice=``; ``None`` means all voices."""
    voice = "all" if voice is None else voice
    check_choice("voice", voice, VOICES)
    return voice


def check_top_n(top_n: int | None) -> None:
    """``top_n`` is None (all rows) or a positive whole number."""
    if top_n is None:
        return
    if isinstance(top_n, bool) or not isinstance(top_n, int) or top_n < 1:
        raise ValueError(
            f"top_n={top_n!r} is not valid; give a positive integer, or None for all rows "
            "(what the command line's --top-n 0 means)"
        )


def check_min_count(min_count: int) -> None:
    """``min_count`` is a whole number of 0 or more (a negative one would keep every
    term while looking like a filter)."""
    if isinstance(min_count, bool) or not isinstance(min_count, (int, np.integer)) or min_count < 0:
        raise ValueError(f"min_count={min_count!r} is not valid; give a whole number >= 0")


def voice_allows(voice: str, actual: str) -> bool:
    return voice == "all" or voice == actual


# The group of documents that have no value of the ``by=`` docvar.
MISSING_GROUP = "(missing)"


def group_order(labels: Iterable[str]) -> list[str]:
    """Group labels in reading order: numbers (years, sessions) by value, then other
    labels alphabetically, the group of documents without a value last.

    Example:
        >>> group_order(["10", "(missing)", "UN", "9"])
        ['9', '10', 'UN', '(missing)']
    """
    labels = list(dict.fromkeys(labels))
    present = [label for label in labels if label != MISSING_GROUP]
    missing = [MISSING_GROUP] if len(present) < len(labels) else []
    values = pd.to_numeric(pd.Series(present, dtype=object), errors="coerce").tolist()
    numbers = sorted((v, label) for v, label in zip(values, present, strict=True) if v == v)
    words = sorted(label for v, label in zip(values, present, strict=True) if v != v)
    return [label for _, label in numbers] + words + missing


def in_group_order(table: pd.DataFrame, column: str = "group") -> pd.DataFrame:
    """``table`` with its rows in :func:`group_order` of ``column``; rows of one group
    keep their order."""
    if table.empty:
        return table
    rank = {label: k for k, label in enumerate(group_order(table[column].astype(str)))}
    order = np.argsort(table[column].astype(str).map(rank).to_numpy(), kind="stable")
    return table.iloc[order].reset_index(drop=True)


def check_by(c: Corpus, by: str | None, *, argument: str = "by") -> None:
    """Raise a clear error when ``by`` is not a docvar of ``c`` (see
    :func:`unknown_docvar_message`); ``argument`` names the option in it."""
    check_one_docvar(by, argument=argument)
    if by is None or by == "doc_id":
        return
    if by not in c.docvars.columns:
        raise ValueError(unknown_docvar_message(c.docvars, by, argument=argument))


def unknown_docvar_message(docvars: pd.DataFrame, by: str, *, argument: str = "by") -> str:
    """The error of a ``by`` that names no docvar: the docvars there are, the one meant
    when one is spelled alike (another case, a typo; as :func:`check_choice` says it),
    and, for a year or month where the corpus has a date, how to derive it.

    Example:
        >>> docvars = pd.DataFrame({"outlet": ["A"], "date": pd.to_datetime(["2024-03-13"])})
        >>> unknown_docvar_message(docvars, "Outlet")
        "by='Outlet' is not a docvar of this corpus; did you mean 'outlet'? docvars are: outlet, date"
    """
    columns = [str(name) for name in docvars.columns]
    known = ", ".join(columns) or "none"
    alike = alike_choice(by, [*columns, "doc_id"])  # by="doc_id" groups per document
    meant = f"did you mean {alike!r}? " if alike is not None else ""
    derived = _derived_from_date(docvars, by)
    return f"{argument}={by!r} is not a docvar of this corpus; {meant}docvars are: {known}{derived}"


# Periods a date gives, and the code that derives each as a docvar (d: the docvars table).
# A month is "2024-03", so months sort in time order as text and stay apart across years.
DATE_PERIODS = {
    "year": "{date}.dt.year",
    "month": "{date}.dt.strftime('%Y-%m')",
}


def _derived_from_date(docvars: pd.DataFrame, by: str) -> str:
    """How to derive ``by`` (a year or a month) from the corpus' date docvar, as a clause
    to end an error with; "" for another ``by`` or a corpus without dates."""
    period = str(by).casefold()
    dates = [
        name
        for name in docvars.columns
        if str(name).casefold() == "date" and pd.api.types.is_datetime64_any_dtype(docvars[name])
    ]
    have = {str(name).casefold() for name in docvars.columns}
    if period not in DATE_PERIODS or period in have or not dates:
        return ""  # (a "Year" for a docvar "year" is a case to correct, not to derive)
    values = DATE_PERIODS[period].format(date=f"d[{dates[0]!r}]")
    # No "by=" in the clause: the command line writes API arguments as its flags.
    return (
        f"; the corpus has a {dates[0]!r} docvar, which gives the {period}: in Python, "
        f"c = c.with_docvars({period}=lambda d: {values}) adds it (on the command line, "
        f"give the inputs a {period} column, e.g. in the --metadata sidecar)"
    )


# How to group by two docvars: a docvar that combines them (quoted by check_one_docvar).
COMBINED_DOCVAR_HINT = (
    "to group by two docvars, add one that combines them and group by it: "
    "c = c.with_docvars(country_year=lambda d: d['country'].astype(str) + ' ' + "
    "d['year'].astype(str)), then by='country_year'"
)


def check_one_docvar(
    by: object, *, argument: str = "by", what: str = "docvar", hint: str = COMBINED_DOCVAR_HINT
) -> None:
    """Raise a ValueError naming ``argument`` when ``by`` is not one name (or None):
    ``what`` is what it names (a docvar, a table's column), ``hint`` how to combine two.

    Example:
        >>> check_one_docvar(["country", "year"])
        Traceback (most recent call last):
        ...
        ValueError: by=['country', 'year'] is not valid: by= takes one docvar, a name such as 'country', not a list; to group by two docvars, add one that combines them and group by it: c = c.with_docvars(country_year=lambda d: d['country'].astype(str) + ' ' + d['year'].astype(str)), then by='country_year'
    """
    if by is None or isinstance(by, str):
        return
    raise ValueError(
        f"{argument}={by!r} is not valid: {argument}= takes one {what}, a name such as "
        f"'country', not a {type(by).__name__}; {hint}"
    )


def group_labels(c: Corpus, by: str | None) -> pd.Series:
    """The group of each document (index doc_id); "all" when ``by`` is None."""
    check_by(c, by)
    if by is None:
        return pd.Series("all", index=pd.Index(c.doc_ids, name="doc_id"), name="group")
    if by == "doc_id":
        return pd.Series(c.doc_ids, index=pd.Index(c.doc_ids, name="doc_id"), name="group")
    labels = c.docvars[by].astype("string").fillna(MISSING_GROUP)
    return labels.rename("group")


def words_in_voice(doc: Document, voice: str) -> Sequence[tuple[int, int]]:
    """Word spans of ``doc`` in ``voice`` ("all", "authorial" or "quoted")."""
    words = doc.words
    if voice == "all" or not doc.quotes:
        return words if voice != "quoted" else []
    spans = [(q.start, q.end) for q in doc.quotes]
    inside = []
    j = 0
    for start, _end in words:
        while j < len(spans) and spans[j][1] <= start:
            j += 1
        inside.append(j < len(spans) and spans[j][0] < start < spans[j][1])
    wanted = voice == QUOTED
    return [w for w, q in zip(words, inside, strict=True) if q == wanted]


__all__ = [
    "AUTHORIAL",
    "QUOTED",
    "VOICES",
    "Voice",
    "as_corpus",
    "check_by",
    "check_one_docvar",
    "check_top_n",
    "check_voice",
    "group_labels",
    "unknown_docvar_message",
    "voice_allows",
    "words_in_voice",
]
