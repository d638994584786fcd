"""Rhetorical comparisons: what is compared to what, and how.

Four types, each found by compiled regular expressions in one pass per rule over a
document's text (no loop over lexicon items):

- ``explicit``: "compared A to B", "likened", "equated", "drew parallels between A and
  B", "a resemblance between A and B", "akin to", "reminiscent of", "no different
  from", "similar to", "comparable (only) to", "the same as", "a new Munich" (also
  before a term the document's year makes present: "a new cold war" in 1980, "a new
  Iraq war" in 1995, "a new Soviet Union" in 1985, rows with ``historical`` False, but
  not before an event that has not begun: "another September 11" in 1985 is a day); and
  phrases that liken only when a historical reference follows them ("reminds us of
  the Munich agreement", "a parallel even in the Second World War", "unprecedented
  since 1945", "this new version of the Munich policy", "repeat the mistakes of Munich",
  "a repetition of the methods of Hitler", "the resurgence of Nazism"; "reminds us of our
  duty" is no comparison). A renewal ("a repetition of", "the resurgence of", "a return
  to", "repeat the mistakes of") likens only when the past is what it renews, the head
  of its object with its "of" phrases ("a repetition of the events of 1938"), not a
  time or topic in a later phrase ("the resurgence of trade after the Second World War",
  "a revival of interest in the League of Nations"), nor "ancient" ("the revival of an
  ancient language" renews an old thing, no past event). A warning against a renewal
  is an analogy as a fear of it is -- "never again Munich" invokes Munich (Khong 1992)
  -- so "avoid a repetition of Munich", "we will not allow a repetition of the events
  of 1938" and "avoid a new Munich" all give rows, whatever verb or negation governs
  the phrase;
- ``simile``: preposition "like", "as ... as", "as if", "as though", "as in" (or "as at
  the time of", "as on the eve of", "as during") + a
  historical reference ("as in 1938") or an indefinite noun phrase ("as in a game of
  chess");
- ``comparative``: any "than" (more/less/fewer/-er/rather ... than), "unlike",
  "superior to", "as opposed to";
- ``superlative``: a determiner or possessive + most/least/best/worst/-est, with the
  frame it ranks against when there is one ("since the Second World War", "in history").

Context rules, not word lists alone, decide what is *not* a comparison (their word
lists are in the ``comparison_triggers`` lexicon, category ``exclusion``): the verb "like" ("we
would like to thank", "I like"), exemplifying "like" after a plural noun ("issues like
poverty" = "such as") or a singular head of an example ("a country like Canada"),
"like" + all/many/most/other/every... ("Like all peace-loving countries, we ..." states
membership of a group), a compound adjective split by a space or hyphen ("business
like relations", "war-like"), "anything/nothing like the same" (= nearly), "in like
manner" (= likewise), "it looks/seems/appears as if" (= apparently, epistemic), "as in"
+ a place or a case ("as in Africa", "as in many other cases" = for example: "as in"
is a simile only before a historical reference or "a"/"an"), "like this." meaning "thus",
"a time like this" / "times like these" (= such a time; "never a time like this" still
ranks), "what the world will look like" (asks what it is like), "feel like negotiating"
(= want to), "in a world as complex as the one we live in", "as well as", "as soon as",
"as long as", "as far as", "as ... as possible", "other than" (= except), "rather than" +
verb (= instead of), "did no more than give" (= only), and quantities: "more/less/fewer/
later than" + a number or measure ("more than 50 countries", "less than half", "more
than a decade") bounds a quantity and is not counted, while "more than a crisis" is.
"Differences between" two parties ("Israel and its neighbours", "the Governments of A
and B", "them") or after a settling word ("settle the differences between") is a
dispute, and "differ" with "on / over / about / as to / with" or said of views a
disagreement: neither is a comparison ("differences between rich and poor nations",
"the two plans differ in several respects" are). "vs" after a preposition or "let" is
OCR for "us".

Tenor (what is compared) and vehicle (what it is compared to) are recovered by
position, without a tagger. The vehicle runs from the trigger to the next clause
boundary (punctuation, a relative or subordinating word, a verb, a determiner after a
complete word as in "better than most | the services", "in order to"; at most 12
words; a line break inside a sentence is no boundary; "$8.75" is one word, and a point or
comma between digits ends no tenor either: "rose by 12.5% as compared with"; a quotation
mark that opens the vehicle is left out of it and its closing mark ends it: 'like
‘Munich’ in 1938' and 'a “new Munich”' give "Munich", 'the ‘Cold War’ of old' keeps
its marks; "words like “peace”" cites examples and is no simile); "and"/"or"
continue it only inside an open noun phrase ("other newly-independent and emerging
countries"). "ever (before)" is a whole vehicle ("more than ever | as a target"), unless
a dated "since" follows ("than ever since the Second World War"). The tenor is, in this
order: the object between a comparing verb and its link ("compared *A* to B"); for an
attributive comparative or superlative, the noun it modifies ("a greater *burden*", "the
most acute *dangers* facing"); the noun phrase right before the trigger ("*a pace*
faster than", "*Dialogue* rather than"); the phrase before a comma ("*Kyrgyzstan*, like
other nations"); the main-clause subject after an opening "Like X," ; else the clause
subject before its first verb ("*The talks* are worse than"). A tenor must end in a
word that can head a noun phrase (not a closed-class word, auxiliary, frequent verb or
-ly adverb) and is never a single function word: otherwise it is left empty (offsets
-1) rather than reported as a fragment ("The", "to", "bore a").

The ``trigger`` of a "than" comparison is the comparative that governs it: a listed one
("more", "better", "other") within 16 words of its clause, else a lower-case word in
-er within eight, else a listed one earlier in the sentence ("more issues that unite
us than"); with none, the trigger is "than" alone -- never the noun before it ("the
Charter than", "Camp David than"). "Too similar to be ignored": "similar to" before an
infinitive is no comparison (the vehicle may follow the aside: "similar - too similar
to be ignored - to those ...").

These rules aim the ``simile`` type at figurative and analogical likenings rather
than literal examples and group membership (a judged 1980s UN sample: 3 of 30 simile
rows were figurative before them); "like" between two literal terms of one kind
("Russia, like China, voted") stays a simile.

"As in" + a generic past ("as in the past", "as in previous years") is a temporal
frame ("again, as before"): nothing in the sentence is likened, so no row. "As in
1938", "as in the 1930s", "as in Munich" liken the present to a named past and are
similes with ``historical`` True. Capitalized comparatives inside names ("Greater
Israel", "Upper Volta", "the Higher Education Council") are not comparisons; nor are
"a most successful session" / "we are most grateful" (= very), "more than attained"
(an intensifier; "less than expected" compares), or sentence-initial "Rather than"
(= instead of). "Equally important" is a comparative with an unstated standard
(vehicle empty), like "more important" without "than".

``historical`` is True when the comparison likens to, or ranks against, a *named*
past: the vehicle (or, for a superlative without a frame, the trigger's phrase)
(when it ends in a noun phrase, with the relative clause that follows it: "the stormy
conditions *which preceded the Second World War*", or the past time its verb gives it:
"as dangerous as appeasing xenophobia *was in the 1930s*"; for "between A and B"
triggers, A too; nothing else of the sentence: "more aware than ever | that ... the
imperialist yoke" reads "ever") contains a term of the ``historical_references``
lexicon -- a past event ("the Second World War", "Munich"), era ("the 1930s", "Nazi",
"the colonial era", "the Ottoman Empire", "the old colonialism", "classical
imperialism"; bare "colonialism", "imperialist" or "empire" are the present for most of
a 1946-1999 archive and count only right after a word that renews them, which places
them in the past: "a new colonialism", "the new imperialism", "another form of
colonialism", "any return to colonial rule"; "neo-colonialism" is the present), figure
("Hitler"), or a date that is history for the document: a year or decade that ended at
least 20 years before the document's year (docvar ``year``, else ``date``), a named
century that is over ("the 19th century"; "the twentieth century" in a 1985 speech is
the present). A term the text places in the present is no past: after "neo-" or
"post-" ("neo-Nazi", "the post-colonial era"), after "recent", "current", "today's" in
its phrase ("the recent tragedy in Munich" in 1972) or before "last week", "this year".
A more recent year is a time comparison, not a historical one ("230 kilometres in
comparison with 1982" in a 1984 speech, "higher than in 1985"); without a document
date every year up to 2019 counts. Generic frames ("in history", "than in the past",
"of this century", "historic") name no past and do not count. Superlatives framed by
a named past ("the worst crisis since the Second World War", "than at any time since
1945") count: they rank the present against it; ``type`` tells these
(``superlative``, or a ``comparative`` framed by "since") from likenings
(``explicit``, ``simile``).

Speaker rule: inside a quote, the quote's speaker; otherwise the sentence's reporting
subject -- the name (or he/she, resolved to the last named subject) right before a
reporting verb ("Lavrov compared ...", "Lavrov said ...") earlier in the same sentence,
read by the quote attribution rules of :mod:`corpus.quotes` (no honorifics, no place
after a preposition, appositives) and expanded to the fuller name the document gives it
anywhere (:func:`corpus.quotes.full_name`: "Sergey Lavrov", titles left out); a passive
participle ("as described by", "was called by") or "compared with" reports nobody;
otherwise the document's ``speaker`` docvar (or "").
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from corpus import Corpus, Document
from corpus.errors import check_choice

from ._comparison_rules import (
    HISTORICAL_LEXICON,
    TRIGGERS_LEXICON,
    TYPES,
    _comparisons_in_document,
    _rules,
)
from ._input import as_corpus, check_voice, group_labels, words_in_voice
from ._tables import RowsTable
from ._wordcounts import words_per_document
from .engine import map_documents
from .lexicon import load_lexicon
from .provenance import attach, recorded_plot, remember_provenance
from .rates import check_min_words, group_rates

# The rules' version, recorded in every table's provenance: 4 reads reporting subjects
# with corpus.quotes' rules (2026-11-27); 5 (2026-11-28) reads historical_references@3
# and comparison_triggers@3 with the document's year, and fixes 'than' triggers, line
# breaks, literal 'like' / 'as in' and missed historical analogies (a 1980s UN trial); 6
# (2026-11-28) reads historical_references@4, whose events, eras and figures with an
# 'until' year are historical only in documents dated later, and drops non-comparing
# 'a return to', 'differences between' and 'like its other ...' (a 1989-1991 UN trial); 7
# (2026-11-28) drops equatives without a standard ("as nations and as peoples") or against
# the possible ("as rapidly as the situation permits"), "so as to", "like, for example"
# and "something like that", and gives "as A and as B as" its whole trigger; 8
# (2026-11-28) keeps "Like, for instance, X, ..." opening a sentence as a simile of X; 9
# (2026-11-28, a 1950-1999 UN trial) reads historical_references@4's unreleased edit
# (bare colonialism and imperialism are the present, events after 1999 have an 'until'
# year), reads ``historical`` off the comparison's own terms only, takes a term the text
# places in the present ("neo-", "post-", "the recent ...") as no past, and drops "a time
# like this", "what X will look like", "did no more than give", disputes ("differences
# between Israel and its neighbours", "views differ on") and OCR "vs" for "us".
# 10 (2026-11-29, an IR scholar's trial of historical analogies) adds the column
# ``historical_term``; a point or comma between digits is no boundary, a vehicle's opening
# quotation mark is left out and its closing mark ends it; renewals ("a repetition of",
# "the resurgence of", "the new colonialism") liken only to the head of their object,
# also when warned against ("avoid a repetition of Munich"); no row for a prefix before an
# event that had not begun ("another September 11" in 1985); a vehicle ends before "in
# which"; ``historical_term`` gives "Ottoman Empire" for the stem "Ottoman*".
COMPARISONS_VERSION = "communique-comparisons/10"

COLUMNS = [
    "doc_id",
    "sent_id",
    "start",
    "end",
    "match",
    "trigger",
    "type",
    "tenor",
    "tenor_start",
    "tenor_end",
    "vehicle",
    "vehicle_start",
    "vehicle_end",
    "historical",
    "historical_term",
    "voice",
    "speaker",
]
_COMPARISON_TABLE = RowsTable(
    tuple(COLUMNS),
    {
        "sent_id": int,
        "start": int,
        "end": int,
        "tenor_start": int,
        "tenor_end": int,
        "vehicle_start": int,
        "vehicle_end": int,
        "historical": bool,
    },
)


def find_comparisons(
    c_or_text: Corpus | Document | str | list,
    *,
    voice: str | None = None,
    workers: int | None = None,
) -> pd.DataFrame:
    """One row per rhetorical comparison.

    Parameters:
        c_or_text: a Corpus, a Document, a string or a list of strings.
        voice: "authorial", "quoted" or "all"/None (every voice).
        workers: processes for the per-document pass (None = available cores).

    Returns:
        Columns ``doc_id, sent_id, start, end, match`` (the whole comparison, so
        ``text[start:end] == match``), ``trigger`` (the comparing words, lower-cased;
        "..." marks a gap), ``type`` (explicit | simile | comparative | superlative),
        ``tenor, tenor_start, tenor_end`` and ``vehicle, vehicle_start, vehicle_end``
        ("" and -1 when not recoverable), ``historical`` (bool), ``historical_term``
        (the reference that made the row historical, as the text writes it: "Munich
        Agreement", "1938", "colonial era"; the first one when there are several; ""
        when the row is not historical), ``voice``, ``speaker``.

    Example:
        >>> t = find_comparisons("He compared the talks to the Munich conference of 1938.")
        >>> t.loc[0, ["type", "tenor", "vehicle"]].tolist()
        ['explicit', 'the talks', 'the Munich conference of 1938']
        >>> bool(t.loc[0, "historical"]), t.loc[0, "historical_term"]
        (True, 'Munich')
    """
    voice = check_voice(voice)
    c = as_corpus(c_or_text)
    _rules(TRIGGERS_LEXICON, HISTORICAL_LEXICON)  # compiled here, inherited by forked workers
    parts = map_documents(
        c,
        _comparisons_in_document,
        voice,
        TRIGGERS_LEXICON,
        HISTORICAL_LEXICON,
        workers=workers,
        combine=_COMPARISON_TABLE,
    )
    table = _COMPARISON_TABLE.concat(parts)
    return attach(table, "find_comparisons", {"voice": voice}, c, _lexicon_versions())


def _lexicon_versions() -> dict[str, Any]:
    """The lexicons (loaded: provenance records their digests) and the version of the
    rules that read them (a change of the rules changes rows without any lexicon
    changing)."""
    labels = _rules(TRIGGERS_LEXICON, HISTORICAL_LEXICON).labels
    triggers, historical = load_lexicon(labels["triggers"]), load_lexicon(labels["historical"])
    return {
        triggers.id: triggers,
        historical.id: historical,
        "comparison_rules": COMPARISONS_VERSION.rsplit("/", 1)[1],
    }


# ------------------------------------------------------------------ statistics

MEASURES = ("comparisons", *TYPES, "historical")


def _document_counts(
    doc: Document,
    voice: str,
    triggers: str,
    historical: str,
    types: tuple[str, ...],
    count_words: bool = True,
) -> dict[str, int]:
    rows = _comparisons_in_document(doc, voice, triggers, historical)
    counts = {m: 0 for m in MEASURES}
    for row in rows:
        if row["type"] not in types:
            continue
        counts["comparisons"] += 1
        counts[row["type"]] += 1
        counts["historical"] += row["historical"]
    counts["words"] = len(words_in_voice(doc, voice)) if count_words else 0
    return counts


def stat_comparisons(
    c: Corpus | str | list,
    *,
    by: str | None = None,
    voice: str | None = None,
    types: list[str] | tuple[str, ...] | None = None,
    min_words: int = 1,
    workers: int | None = None,
) -> pd.DataFrame:
    """Comparisons per 1,000 words by type, per group, with 95% intervals.

    Parameters:
        c: the corpus (or text).
        by: a docvar to group documents by; "doc_id" gives one group per document;
            None pools every document into the group "all".
        voice: count only comparisons (and words) in this voice.
        types: count only these types (default: all of :data:`TYPES`); the
            ``comparisons`` and ``historical`` measures then cover these types only.
        min_words: a document gets a rate only with at least this many words in the
            voice (default 1); fewer words still count in ``count``, ``words`` and
            ``pooled_rate``. With ``voice="quoted"`` most documents quote only a few
            words, whose rates swing wildly (one comparison in two quoted words is 500 per
            1,000): ask for e.g. ``min_words=50``, or read ``pooled_rate``.
        workers: processes for the per-document pass.

    Returns:
        One row per group and measure (``comparisons`` = the types counted, then each
        of those types, then ``historical``): ``group, measure, documents,
        count, words, rate`` (mean of document rates per 1,000 words), ``rate_low,
        rate_high`` (95% interval over documents, see :mod:`analysis.rates`), ``pooled_rate``.

    Example:
        >>> t = stat_comparisons(["It is worse than the Cold War.", "Peace is near."])
        >>> int(t.set_index("measure").loc["comparative", "count"])
        1
    """
    voice = check_voice(voice)
    types = _check_types(types)
    min_words = check_min_words(min_words)
    c = as_corpus(c)
    groups = group_labels(c, by)
    _rules(TRIGGERS_LEXICON, HISTORICAL_LEXICON)  # compiled here, inherited by forked workers
    shared_words = words_per_document(c, voice, workers=workers)
    lexicons = (TRIGGERS_LEXICON, HISTORICAL_LEXICON)
    counts = map_documents(
        c, _document_counts, voice, *lexicons, types, shared_words is None, workers=workers
    )
    # Columns named, so that a corpus without documents gives an empty table too.
    per_doc = pd.DataFrame(
        counts, index=pd.Index(c.doc_ids, name="doc_id"), columns=[*MEASURES, "words"]
    )
    if shared_words is not None:
        per_doc["words"] = shared_words
    measures = [m for m in MEASURES if m in ("comparisons", "historical") or m in types]
    table = group_rates(per_doc, groups, measures, min_words=min_words)
    params = {"by": by, "voice": voice, "types": list(types), "min_words": min_words}
    return attach(table, "stat_comparisons", params, c, _lexicon_versions())


def _check_types(types) -> tuple[str, ...]:
    if types is None:
        return TYPES
    if isinstance(types, str):
        types = [types]
    for kind in types:
        check_choice("types", kind, TYPES)
    if not types:
        raise ValueError(f"types=[] counts nothing; give some of {', '.join(TYPES)} or None")
    return tuple(t for t in TYPES if t in types)


# How plot_comparisons names the two measures that overlap the types.
OVERLAPPING_LABELS = {
    "comparisons": "all comparisons (the types summed)",
    "historical": "historical (of any type)",
}


def _types_counted(table: pd.DataFrame) -> tuple[str, ...]:
    """The types a stat_comparisons table counted, as its record says (every type for
    a table without its record)."""
    recorded = table.attrs.get("provenance", {}).get("parameters", {}).get("types")
    return tuple(t for t in TYPES if t in recorded) if recorded else TYPES


def _listed(types: tuple[str, ...]) -> str:
    return " and ".join([", ".join(types[:-1]), types[-1]]) if len(types) > 1 else types[0]


def _measure_label(measure: str, counted: tuple[str, ...]) -> str:
    """A bar's label; the totals say which types they add up when not all were counted."""
    if counted == TYPES or measure not in OVERLAPPING_LABELS:
        return OVERLAPPING_LABELS.get(measure, measure)
    if measure == "comparisons":
        return f"comparisons ({' + '.join(counted)})"
    return f"historical ({' or '.join(counted)})"


@recorded_plot
def plot_comparisons(table: pd.DataFrame, *, ax=None):
    """Horizontal bars of comparison rates per 1,000 words, by type and group.

    The types (explicit, simile, comparative, superlative) come first; below a dashed
    line, apart from them, the two measures that overlap them: ``comparisons``, every
    type together, and ``historical``, the comparisons of any type with a named past.

    Parameters:
        table: a :func:`stat_comparisons` result.
        ax: the Axes to draw on (a new figure when None).

    Returns:
        The Axes. A bar is a group's rate, the mean of its documents' rates; the
        whiskers are 95% intervals over documents (the title and the legend say so).
        For a table of some types (``stat_comparisons(types=...)``) the title and the
        totals' labels name them. Rare measures (``historical``) share the axis with
        frequent ones: ``plot_rates(table, measure="historical")`` draws one alone.
    """
    import matplotlib.pyplot as plt

    from ._plots import (
        RATE_COLUMNS,
        check_plot_table,
        interval_handle,
        intervals_note,
        means_title,
        place_legend,
        rate_unit,
        with_voice,
    )
    from .style import house_style, series_style

    check_plot_table(table, RATE_COLUMNS, plot="plot_comparisons", source="stat_comparisons")
    own_figure = ax is None
    with house_style():
        if ax is None:
            _, ax = plt.subplots()
        present = set(table["measure"])
        types = [m for m in TYPES if m in present]
        overlapping = [m for m in MEASURES if m in present and m not in TYPES]
        measures = [*types, *overlapping]
        # Rows top-down: the types, a gap, the totals that overlap them.
        rows = [float(j) for j in range(len(types))]
        gap = 0.5 if types and overlapping else 0.0
        rows += [len(types) + gap + j for j in range(len(overlapping))]
        groups = list(dict.fromkeys(table["group"]))
        height = 0.8 / max(len(groups), 1)
        for i, group in enumerate(groups):
            part = table[table["group"] == group].set_index("measure").reindex(measures)
            ys = [row + i * height for row in rows]
            rate = part["rate"].to_numpy(dtype=float)
            low = part["rate_low"].to_numpy(dtype=float)
            high = part["rate_high"].to_numpy(dtype=float)
            errors = [rate - low, high - rate]
            style = series_style(i)
            ax.barh(
                ys,
                rate,
                height=height,
                color=style["color"],
                hatch=style["hatch"],
                label=str(group),
                xerr=errors,
                ecolor="black",
                capsize=2,
            )
        ax.set_yticks([row + 0.4 - height / 2 for row in rows])
        counted = _types_counted(table)
        ax.set_yticklabels([_measure_label(m, counted) for m in measures])
        if gap:
            ax.axhline(len(types) - 0.1 + gap / 2, color="grey", linestyle="--", linewidth=0.8)
        ax.invert_yaxis()
        ax.set_xlabel("comparisons " + rate_unit(table).removeprefix("rate "))
        title = "Comparisons" if counted == TYPES else f"Comparisons: {_listed(counted)}"
        ax.set_title(f"{with_voice(title, table)}\n{intervals_note(table)}")
        handles, _labels = ax.get_legend_handles_labels()
        place_legend(
            ax,
            own_figure=own_figure,
            handles=[*(handles if len(groups) > 1 else []), interval_handle(table, across=True)],
            title=means_title() + (" by group" if len(groups) > 1 else ""),
        )
    remember_provenance(ax, table)
    return ax


__all__ = ["COLUMNS", "TYPES", "find_comparisons", "plot_comparisons", "stat_comparisons"]
