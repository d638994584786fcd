"""Hedges and boosters in context: who speaks tentatively, who forcefully.

Items come from a versioned lexicon (default ``hedges``); each may name a context
rule that must hold for a match to count:

- ``epistemic_modal``: a modal verb counts only in its epistemic sense, as
  :func:`find_modals` reads it (its rules, then the sense classifier where it is
  confident: :func:`analysis._modal_rules.classified_sense`): "may" yes, the month May,
  permission ("May I recall", "If I may") and polite "may" no; "must" only as in "must
  have been"; "could" of ability ("No one could complain") no.
- ``predicative``: an adjective after "be"/"seem"/"not"/a degree adverb, or before a
  that-clause ("it is clear that", "we are sure"), not attributive ("a certain").
- ``number``: an approximator before a number ("about 50"; "talk about" is not).
- ``that`` / ``complement``: a verb before "that" (``that``) or before
  that/to/as/whether/if or an adjective of likelihood (``complement``).
- ``epistemic_verb``: ``complement``, or passive ("is considered"), or after a
  pronoun subject or an adverb ("widely believed").
- ``mental_verb``: ``epistemic_verb``, or after a noun-like subject ("experts fear",
  "Lavrov believes"); not before about/of/in ("think about", "believe in").
- ``not_in``: not before in/of/about ("we believe in dialogue" is faith, not doubt).
- ``not_dynamic``: not the possibility of doing something ("possible to", "as soon
  as possible", "the best possible", "make it possible", "possibilities for"), not
  feasibility after a copula ("peace is possible", "such elimination is no longer
  possible"; "a new war is possible" and "it is possible that" hedge), not an option
  ("the possibility of holding a meeting", "study the possibility of").
- ``not_emphatic``: not emphasis on a negation ("cannot possibly accept").
- ``not_rejected``: not an allegation the speaker rejects ("false allegations", "we
  refute these accusations") nor "mutual accusations".
- ``opinion_verb``: a verb of opinion before a that-clause, "as", "to be", or an
  object pronoun and its complement ("we consider that", "consider it essential",
  "is considered a threat"); not examining or taking on something ("consider ways",
  "considered by the Council", "assume responsibility").
- ``attributed``: a belief attributed to others ("is widely seen as") or a tentative
  framing ("can be seen as"); not after must/should/will/cannot/"to" ("must be seen
  as", "will not be regarded as" present the speaker's own framing).
- ``proposition``: ``epistemic_verb``, but not a first-person proposal ("I suggest
  that they should be replaced").
- ``factive``: ``mental_verb``, but not "be realized" (achieved) nor before a
  possessive ("realize their aspirations").
- ``evidential``: ``that``, but not after a modal or "to" ("must show that they are
  serious" is an action), except "goes to show".

Rules for every item: an adjective of certainty is no booster in "make sure",
"make certain" (ensure) or after "like/wish/want to be" (a courtesy formula, "we
should like to be certain"); "certain" or "true" before a noun is attributive ("there are
certain trends"). A modal in a concessive clause ("however remote they might be",
"important as it may be", "modest as it may seem") or in a courtesy formula ("I might
add") does not hedge, nor does one in "Nothing could be more timely" (emphasis). A
verb of belief does not hedge where the belief is rejected ("it is an illusion to
believe that", "it would be naive to assume") or denied in a rhetorical question ("Who
can still believe that", "no one can really believe"); "consider that" in a when/if
clause is taking into account. Doubt denied ("there is little doubt that", "no one can
doubt", "beyond a shadow of a doubt", "if there were any doubt") is certainty: a
negated booster, and so is "not true" (a denial; "not certain", "not clear" hedge).
A certainty adverb after a negator ("not always", "not really") does not boost and
is not reported.

Hyland's hedges of quantity, frequency and degree (subcategories ``approximator``
and ``downtoner``: "about 50", "often", "quite") are left out unless
``approximators=True``: they mark imprecision rather than doubt about a proposition,
and in news they would make most sentences with a figure look hedged.

Matching is one pass per document over its tokens; the longest item whose rule
holds wins. ``negated`` marks a negator within three tokens before the item (or
right after a modal); a negated booster of certainty ("not clear", "do not know")
is reported as a hedge.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pandas as pd

from corpus import Corpus, Document

from ._hedge_rules import _prepare, _versions, hedges_in_document
from ._input import as_corpus, check_voice, group_labels
from ._plots import MaxGroups
from ._tables import RowsTable
from ._wordcounts import rows_and_words
from .engine import map_documents
from .lexicon import Lexicon
from .provenance import attach, recorded_plot
from .rates import check_min_words, group_rates

HEDGE_COLUMNS = [
    "doc_id",
    "sent_id",
    "start",
    "end",
    "match",
    "lemma",
    "category",
    "subcategory",
    "negated",
    "voice",
    "speaker",
]
_HEDGE_TABLE = RowsTable(
    tuple(HEDGE_COLUMNS),
    {"start": "int64", "end": "int64", "sent_id": "int64", "negated": bool},
    rows_at=0,
)
HEDGING_MEASURES = ("hedges", "boosters")


def find_hedges(
    c_or_text: Corpus | Document | str | list[str],
    *,
    lexicon: str | Lexicon | None = None,
    voice: str | None = None,
    approximators: bool = False,
    workers: int | None = None,
) -> pd.DataFrame:
    """One row per hedge or booster, matched in context.

    Parameters:
        c_or_text: a Corpus, a Document, a text or a list of texts.
        lexicon: lexicon id, ``id@version``, TOML file path or :class:`Lexicon`
            (default: the shipped ``hedges`` lexicon, latest version). Items need
            ``term`` and ``category``; ``forms``, ``subcategory`` and ``context``
            (one of the rules in this module's docstring) are optional.
        voice: ``"authorial"``, ``"quoted"`` or ``"all"`` (default).
        approximators: also report hedges of quantity, frequency and degree
            (subcategories ``approximator``, ``downtoner``).
        workers: processes for the per-document pass (None = all cores).

    Returns:
        Columns ``doc_id, sent_id, start, end, match`` (``text[start:end] == match``),
        ``lemma`` (the lexicon term), ``category`` (``hedge`` | ``booster``),
        ``subcategory``, ``negated``, ``voice``, ``speaker``.

    Example:
        >>> t = find_hedges("Peace may perhaps come. It is clearly possible.")
        >>> t[["match", "category"]].values.tolist()
        [['may', 'hedge'], ['perhaps', 'hedge'], ['clearly', 'booster'], ['possible', 'hedge']]
    """
    voice = check_voice(voice)
    c = as_corpus(c_or_text)
    lex, plan = _prepare(lexicon, _checked_approximators(approximators))
    parts = map_documents(
        c, hedges_in_document, plan, voice, False, workers=workers, combine=_HEDGE_TABLE
    )
    table = _HEDGE_TABLE.concat(parts)
    params = {"voice": voice, "lexicon": lex.label, "approximators": approximators}
    return attach(table, "find_hedges", params, c, _versions(lex))


def stat_hedging(
    c: Corpus | str | list[str],
    *,
    by: str | None = None,
    voice: str | None = None,
    lexicon: str | Lexicon | None = None,
    approximators: bool = False,
    min_words: int = 1,
    workers: int | None = None,
) -> pd.DataFrame:
    """Hedges and boosters per 1,000 words, per group, with 95% intervals.

    A group's ``rate`` is the mean of its documents' rates, with a 95% interval
    over documents (one long speech cannot dominate a group; see :mod:`analysis.rates`);
    ``pooled_rate`` is the sum of counts over the sum of words. For per-document
    rows pass ``by="doc_id"``: every document is then its own group (its interval
    is NaN). Words are counted in the chosen voice only.

    Parameters:
        c: the corpus (or text).
        by: a docvar, ``"doc_id"`` (one row per document), or None (group ``"all"``).
        voice: ``"authorial"``, ``"quoted"`` or ``"all"``.
        lexicon, approximators, workers: as in :func:`find_hedges`.
        min_words: a document gets a rate only with at least this many words in the
            voice (default 1); fewer words still count in ``count``, ``words`` and
            ``pooled_rate``. With ``voice="quoted"`` most documents quote only a few
            words, whose rates swing wildly (one booster in two quoted words is 500 per
            1,000): ask for e.g. ``min_words=50``, or read ``pooled_rate``.

    Returns:
        Columns ``group, measure, documents, count, words, rate, rate_low, rate_high,
        pooled_rate``; ``measure`` is ``hedges`` or ``boosters``.

    Example:
        >>> t = stat_hedging("Perhaps it may rain. It will certainly rain.")
        >>> t[["measure", "count", "words"]].values.tolist()
        [['hedges', 2, 8], ['boosters', 1, 8]]
    """
    voice = check_voice(voice)
    min_words = check_min_words(min_words)
    c = as_corpus(c)
    labels = group_labels(c, by)
    lex, plan = _prepare(lexicon, _checked_approximators(approximators))
    parts = rows_and_words(c, hedges_in_document, plan, voice, workers=workers)
    per_doc = []
    for doc_id, (rows, words) in zip(c.doc_ids, parts, strict=True):
        counts = Counter({m: 0 for m in HEDGING_MEASURES})
        for row in rows:
            counts["hedges" if row[6] == "hedge" else "boosters"] += 1
        per_doc.append({"doc_id": doc_id, "words": words, **counts})
    frame = pd.DataFrame(per_doc, columns=["doc_id", "words", *HEDGING_MEASURES])
    table = group_rates(
        frame.set_index("doc_id"), labels, list(HEDGING_MEASURES), min_words=min_words
    )
    params = {
        "by": by,
        "voice": voice,
        "lexicon": lex.label,
        "approximators": approximators,
        "min_words": min_words,
    }
    return attach(table, "stat_hedging", params, c, _versions(lex))


@recorded_plot
def plot_hedging(table: pd.DataFrame, *, ax: Any = None, max_groups: MaxGroups = "auto"):
    """Bars of hedges and boosters per 1,000 words per group, with 95% intervals.

    Parameters:
        table: a :func:`stat_hedging` table.
        ax: a matplotlib Axes (a new figure when None). On a new figure the legend is
            right of the Axes; on a given Axes (a panel of several) it is inside it.
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

    check_plot_table(table, RATE_COLUMNS, plot="plot_hedging", source="stat_hedging")
    return grouped_bars(
        table,
        list(HEDGING_MEASURES),
        ax=ax,
        title="Hedging and boosting",
        max_groups=max_groups,
    )


def _checked_approximators(approximators: object) -> bool:
    # Checked here, not in the compiled _prepare: its own check of the type would be
    # a TypeError that does not name the argument.
    if not isinstance(approximators, bool):
        raise ValueError(f"approximators={approximators!r} must be True or False")
    return approximators


__all__ = ["find_hedges", "plot_hedging", "stat_hedging"]
