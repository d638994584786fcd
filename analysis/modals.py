"""Modal verbs and semi-modals in context: sense (epistemic/deontic/dynamic) and strength.

One pass per document over its tokens (:mod:`analysis._matcher`); for each candidate
the rules below decide whether it is a modal at all (the month May, "political
will", "military might", "that might makes right" but not "That will help", a tin
can, "the need to", the courtesy formula "would like to thank") and which sense it has. The rules look at the subject (the word before),
the next verb after adverbs and negation, aspect ("must have been", "must be
joking"), inversion ("May I", "Should the talks fail") and first-person volition
("we will"). Where no rule applies the lexicon's default sense for the lemma is
used (the most frequent sense in reference descriptions), and ``unclear`` where the
form itself is ambiguous.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pandas as pd

from corpus import Corpus, Document

from ._input import as_corpus, check_voice, group_labels
from ._modal_rules import (
    SENSES,
    STRENGTHS,
    _lexicon,
    _lexicon_versions,
    _plan,
    modal_sense,
    modal_strength,
    modals_in_document,
)
from ._plots import MaxGroups
from ._tables import RowsTable
from ._wordcounts import rows_and_words
from .engine import map_documents
from .lexicon import Lexicon
from .provenance import attach, recorded_plot
from .rates import check_min_words, group_rates

MODAL_COLUMNS = [
    "doc_id",
    "sent_id",
    "start",
    "end",
    "match",
    "lemma",
    "sense",
    "strength",
    "negated",
    "voice",
    "speaker",
]
_MODAL_TABLE = RowsTable(
    tuple(MODAL_COLUMNS),
    {"start": "int64", "end": "int64", "sent_id": "int64", "negated": bool},
    rows_at=0,
)
MODALITY_MEASURES = ("modals", *SENSES, *(f"strength_{s}" for s in STRENGTHS))


def find_modals(
    c_or_text: Corpus | Document | str | list[str],
    *,
    lexicon: str | Lexicon | None = None,
    voice: str | None = None,
    workers: int | None = None,
) -> pd.DataFrame:
    """One row per modal verb or semi-modal, with its sense and strength.

    Parameters:
        c_or_text: a Corpus, a Document, a text or a list of texts.
        lexicon: modal lexicon id, ``id@version``, file path or :class:`Lexicon`
            (default: the shipped ``modals`` lexicon, latest version).
        voice: ``"authorial"``, ``"quoted"`` or ``"all"`` (default).
        workers: processes for the per-document pass (None = all cores).

    Returns:
        Columns ``doc_id, sent_id, start, end, match`` (``text[start:end] == match``),
        ``lemma`` (base form: ``can`` for "cannot"/"can't", ``will`` for "'ll",
        ``have to`` for "had to"), ``sense`` (epistemic | deontic | dynamic | unclear),
        ``strength`` (low | median | high, Halliday's modal value), ``negated``,
        ``voice``, ``speaker``.

    Example:
        >>> find_modals("We must act now. It may rain in May.")[["match", "sense"]].values.tolist()
        [['must', 'deontic'], ['may', 'epistemic']]
    """
    voice = check_voice(voice)
    c = as_corpus(c_or_text)
    lex = _lexicon(lexicon)
    plan = _plan(lex)
    parts = map_documents(
        c, modals_in_document, plan, voice, False, workers=workers, combine=_MODAL_TABLE
    )
    table = _MODAL_TABLE.concat(parts)
    return attach(table, "find_modals", {"voice": voice}, c, _lexicon_versions(lex))


def stat_modality(
    c: Corpus | str | list[str],
    *,
    by: str | None = None,
    voice: str | None = None,
    lexicon: str | Lexicon | None = None,
    min_words: int = 1,
    workers: int | None = None,
) -> pd.DataFrame:
    """Modals per 1,000 words, overall and by sense and strength, per group.

    A group's rate is the mean of its documents' rates, with a 95% interval
    over documents (so one long speech cannot dominate); ``pooled_rate`` is the sum
    of counts over the sum of words. Per-document rows: pass ``by="doc_id"`` (each
    document is then its own group; its interval is NaN). Words are counted in the
    chosen voice only.

    Parameters:
        c: the corpus (or text).
        by: a docvar to group by, ``"doc_id"`` for one row per document, or None
            (one group ``"all"``).
        voice: ``"authorial"``, ``"quoted"`` or ``"all"``.
        lexicon, workers: as in :func:`find_modals`.
        min_words: a document gets a rate only with at least this many words in the
            voice (default 1); fewer words still count in ``count``, ``words`` and
            ``pooled_rate``. With ``voice="quoted"`` most documents quote only a few
            words, whose rates swing wildly (one modal in two quoted words is 500 per
            1,000): ask for e.g. ``min_words=50``, or read ``pooled_rate``.

    Returns:
        Columns ``group, measure, documents, count, words, rate, rate_low, rate_high,
        pooled_rate``; ``measure`` is ``modals`` (all), a sense (``epistemic``,
        ``deontic``, ``dynamic``, ``unclear``) or a strength (``strength_low``,
        ``strength_median``, ``strength_high``).

    Example:
        >>> t = stat_modality("We must go. They must stay. It may rain.")
        >>> int(t.set_index("measure").loc["deontic", "count"])
        2
    """
    voice = check_voice(voice)
    min_words = check_min_words(min_words)
    c = as_corpus(c)
    labels = group_labels(c, by)
    lex = _lexicon(lexicon)
    parts = rows_and_words(c, modals_in_document, _plan(lex), voice, workers=workers)
    per_doc = []
    for doc_id, (rows, words) in zip(c.doc_ids, parts, strict=True):
        counts = Counter({m: 0 for m in MODALITY_MEASURES})
        for row in rows:
            counts["modals"] += 1
            counts[row[6]] += 1
            counts[f"strength_{row[7]}"] += 1
        per_doc.append({"doc_id": doc_id, "words": words, **counts})
    frame = pd.DataFrame(per_doc, columns=["doc_id", "words", *MODALITY_MEASURES])
    table = group_rates(
        frame.set_index("doc_id"), labels, list(MODALITY_MEASURES), min_words=min_words
    )
    params = {"by": by, "voice": voice, "min_words": min_words}
    return attach(table, "stat_modality", params, c, _lexicon_versions(lex))


@recorded_plot
def plot_modality(
    table: pd.DataFrame,
    *,
    ax: Any = None,
    measures: list[str] | None = None,
    max_groups: MaxGroups = "auto",
):
    """Bar chart of modal rates per group with 95% intervals.

    Parameters:
        table: a :func:`stat_modality` table.
        ax: a matplotlib Axes to draw on (a new figure when None). On a new figure the
            legend is right of the Axes; on a given Axes (a panel of several) it is
            inside it.
        measures: which measures to show (default: the four senses).
        max_groups: ``"auto"`` (default): the 30 largest groups (most documents, then
            words; the title says so) when groups are categories (names such as
            countries, or numbers such as country codes and speaker ids), and every
            group, in order, when they are a time series: numbers of a docvar named
            year, session, date or month, months or days as ISO text ("2024-03"), or
            in a table without its record whole numbers from 1000 to 2999 (a series
            with years left out would read as gaps). A number: at most that many of the
            largest categories; a longer series is an error. None: every group.

    Returns:
        The Axes. A bar is a group's rate, the mean of its documents' rates; the
        whiskers are 95% intervals over documents (the title and the legend say so).
    """
    from ._plots import RATE_COLUMNS, check_plot_table, grouped_bars

    check_plot_table(table, RATE_COLUMNS, plot="plot_modality", source="stat_modality")
    # a set has no order of its own: drawn in a fixed one, as the record lists it
    measures = (
        sorted(measures) if isinstance(measures, (set, frozenset)) else list(measures or SENSES)
    )
    return grouped_bars(table, measures, ax=ax, title="Modality", max_groups=max_groups)


__all__ = ["find_modals", "modal_sense", "modal_strength", "plot_modality", "stat_modality"]
