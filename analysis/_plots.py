"""Shared plot helpers: the check that a plot was given the table it draws, and the
grouped bar chart of per-group rates with 95% intervals over documents (hedging, modality)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd

from ._input import MISSING_GROUP, group_order
from .provenance import remember_provenance

# The columns of a per-group rate table (analysis.group_rates and the stat_* built on it).
RATE_COLUMNS = ("group", "measure", "rate", "rate_low", "rate_high")


def check_plot_table(
    table: Any,
    columns: Sequence[str | tuple[str, ...]],
    *,
    plot: str,
    source: str | tuple[str, ...],
) -> None:
    """Raise a ValueError naming ``source`` when ``table`` lacks a column ``plot`` draws.

    Parameters:
        table: what the plot function was given.
        columns: the columns it needs; a tuple means any one of them will do.
        plot: the plot function's name, e.g. ``"plot_comparisons"``.
        source: the function whose table it draws, e.g. ``"stat_comparisons"`` (a tuple:
            any of them).

    Example:
        >>> check_plot_table(pd.DataFrame({"match": []}), ["group"], plot="plot_x", source="stat_x")
        Traceback (most recent call last):
        ...
        ValueError: plot_x draws the table of analysis.stat_x (columns: group); this table is missing: group (its columns: match)
    """
    needed = ", ".join(_names(c) for c in columns)
    sources = [f"analysis.{name}" for name in ((source,) if isinstance(source, str) else source)]
    maker = " or ".join(sources)
    if not isinstance(table, pd.DataFrame):
        raise ValueError(
            f"{plot} draws the table of {maker} (columns: {needed}), not a "
            f"{type(table).__name__}; call {maker} first and plot its result"
        )
    have = set(table.columns)
    missing = [_names(c) for c in columns if not have & set((c,) if isinstance(c, str) else c)]
    if not missing:
        return
    message = (
        f"{plot} draws the table of {maker} (columns: {needed}); this table is "
        f"missing: {', '.join(missing)} (its columns: {', '.join(map(str, table.columns))})"
    )
    made_by = table.attrs.get("provenance", {}).get("function")
    if made_by and made_by not in sources:
        message += f". It was made by {made_by}: call {maker} and plot its result"
    raise ValueError(message)


def _names(column: str | tuple[str, ...]) -> str:
    return column if isinstance(column, str) else " or ".join(column)


_NAMED_AT_MOST = 8  # groups without an interval named under the axis


# Groups a rate plot draws at most by default when they are categories: 186 countries
# on one axis cannot be read. Groups that are points in time (years) are a series and
# are all drawn.
MAX_GROUPS = 30
MaxGroups = int | Literal["auto"] | None

# Docvars whose values are points in time, whatever their numbers: the corpus reads
# year and session as whole numbers and date as dates (see corpus.metadata).
TIME_DOCVARS = frozenset({"year", "session", "date", "month"})
# Months and days written as ISO text, which sorts in time order: "2024-03", "2024-03-07"
# (a month derived with dt.strftime("%Y-%m"), as the README shows). Bare numbers are
# judged as numbers below.
_ISO_TIME = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")
# Whole numbers in this span read as years where the table does not name such a
# docvar (a table read back from a file, a compare() of a column "yr"). Country codes
# (2 to 894) and most speaker ids fall outside it.
YEAR_SPAN = (1000, 2999)


def largest_groups(table: pd.DataFrame, max_groups: MaxGroups) -> tuple[pd.DataFrame, str]:
    """The rows of the groups to draw and a note saying how many were kept ("" when all).

    Groups that are categories (names, and numbers that are no points in time, such as
    country codes or speaker ids): the ``max_groups`` largest (most documents, then most
    words where the table has a ``words`` column, then the first in the table), in the
    table's order; ``"auto"`` keeps 30, None all. Groups that are a time series (see
    :func:`is_series`: years, sessions) are all kept, in numeric order, and an explicit
    ``max_groups`` below their number is a ValueError (ranking years by size would keep
    an arbitrary set and the axis would read as a series with gaps).

    Example:
        >>> t = pd.DataFrame({"group": ["a", "b", "c"], "documents": [5, 9, 5]})
        >>> kept, note = largest_groups(t, 2)
        >>> kept["group"].tolist(), note
        (['a', 'b'], 'the 2 largest of 3 groups (most documents)')
        >>> years = pd.DataFrame({"group": ["1991", "1990", "1992"], "documents": [1, 9, 5]})
        >>> largest_groups(years, "auto")[0]["group"].tolist()
        ['1990', '1991', '1992']
    """
    if max_groups != "auto" and max_groups is not None:
        if isinstance(max_groups, bool) or not isinstance(max_groups, int) or max_groups < 1:
            raise ValueError(
                f"max_groups={max_groups!r} must be a positive whole number, 'auto' or None"
            )
    # A missing group (NaN) is a label too ("nan"; astype(str) would keep it missing).
    labels = pd.Series([str(g) for g in table["group"]], index=table.index, dtype=object)
    groups = list(dict.fromkeys(labels))
    if is_series(groups, table):
        if max_groups not in ("auto", None) and len(groups) > max_groups:
            raise ValueError(_series_cut_message(table, groups, max_groups))
        rank = {label: k for k, label in enumerate(group_order(groups))}
        order = np.argsort(labels.map(rank).to_numpy(), kind="stable")
        return table.iloc[order], ""
    limit = MAX_GROUPS if max_groups == "auto" else max_groups
    if limit is None or len(groups) <= limit:
        return table, ""
    documents = table["documents"].groupby(labels, sort=False).max()
    has_words = "words" in table.columns
    # Groups of as many documents (every country once a year) are ranked by their words:
    # a cut by table order alone would keep the first letters of the alphabet.
    words = table["words"].groupby(labels, sort=False).max() if has_words else documents * 0
    order = sorted(groups, key=lambda g: (-documents[g], -words[g], groups.index(g)))
    kept = set(order[:limit])
    by = "most documents, then words" if has_words else "most documents"
    note = f"the {limit} largest of {len(groups)} groups ({by})"
    return table[labels.isin(kept).to_numpy()], note


def is_series(groups: Sequence[str], table: pd.DataFrame) -> bool:
    """Whether the groups are a time series, whose every member is drawn ("(missing)"
    aside): numbers of a docvar named year, session, date or month (the table's
    provenance record says which), dates or months written as ISO text ("2024-03"),
    or, where the record names no docvar, whole numbers from 1000 to 2999 (years).
    Other numbers (country codes, speaker ids, ``by="doc_id"``) are categories, like
    names.

    Example:
        >>> is_series(["1990", "1991", "(missing)"], pd.DataFrame()), is_series(["A"], pd.DataFrame())
        (True, False)
        >>> is_series(["2", "20", "840"], pd.DataFrame()), is_series(["2024-02", "2024-03"], pd.DataFrame())
        (False, True)
    """
    by = grouping_name(table, default="")
    if by == "doc_id":
        return False
    present = [g for g in groups if g != MISSING_GROUP]
    if not present:
        return False
    if all(_ISO_TIME.fullmatch(g) for g in present):
        return True
    values = pd.to_numeric(pd.Series(present, dtype=object), errors="coerce")
    if values.isna().any():
        return False
    if by:  # the docvar's name decides: speaker ids 1001-1040 are no years
        return by.lower() in TIME_DOCVARS
    return _are_years(values)


def _are_years(values: pd.Series) -> bool:
    """Whether every value is a whole number in :data:`YEAR_SPAN` ("1990.0", of a year
    column that held a missing value, counts)."""
    low, high = YEAR_SPAN
    numbers = values.to_numpy(dtype=float)
    return bool(((numbers % 1 == 0) & (numbers >= low) & (numbers <= high)).all())


def _series_cut_message(table: pd.DataFrame, groups: list[str], max_groups: int) -> str:
    by = grouping_name(table, default="year")
    points = [g for g in group_order(groups) if g != MISSING_GROUP]
    first, last = points[0], points[-1]
    span = (
        f"c.subset({by}=range({first}, {first} + 10))"
        if first.isdigit()
        else f"c.subset({by}={points[:10]!r})"
    )
    return (
        f"max_groups={max_groups} would leave out {len(groups) - max_groups} of the "
        f"{len(groups)} groups, which are points in time ({by} {first} to {last}): "
        "bars with some of them left out read as a series with gaps. Draw them all "
        f"(max_groups='auto' or None), choose a span first (e.g. {span} before "
        "computing the table), or draw a line with analysis.plot_timeseries"
    )


def grouping_name(table: pd.DataFrame, default: str = "group") -> str:
    """The docvar the table was grouped by, from its provenance record."""
    parameters = table.attrs.get("provenance", {}).get("parameters", {})
    by, within = parameters.get("by"), parameters.get("within")
    if isinstance(by, str) and by and isinstance(within, str) and within:
        return f"{by} within {within}"  # compare(within=): "decade within country"
    return by if isinstance(by, str) and by else default


# Voices a table can be counted in other than every voice; a title names them.
SINGLE_VOICES = ("authorial", "quoted")


def voice_note(table: pd.DataFrame) -> str:
    """ "quoted voice" when the table was counted in one voice, as its provenance record
    says (``voice`` among its parameters); "" for every voice or a table without a
    record, whose titles stay as they were.

    Example:
        >>> t = pd.DataFrame()
        >>> t.attrs["provenance"] = {"parameters": {"voice": "quoted"}}
        >>> voice_note(t), voice_note(pd.DataFrame())
        ('quoted voice', '')
    """
    voice = table.attrs.get("provenance", {}).get("parameters", {}).get("voice")
    return f"{voice} voice" if voice in SINGLE_VOICES else ""


def with_voice(title: str, table: pd.DataFrame) -> str:
    """``title`` naming the table's voice when it is one ("Hedging and boosting, quoted
    voice"); ``title`` itself for every voice. An authorial and a quoted table made
    the same figure otherwise, the voice said only in the record."""
    note = voice_note(table)
    return f"{title}, {note}" if note else title


def rate_unit(table: pd.DataFrame, *, default: float | None = 1000) -> str | None:
    """ "rate per 1,000 words": the unit of the table's rates, as group_rates' ``per=``
    or :func:`analysis.compare` recorded it (``attrs["rate_per_words"]``); ``default``
    where the table says nothing (None: the values are no rates).

    Example:
        >>> t = pd.DataFrame()
        >>> t.attrs["rate_per_words"] = 10_000
        >>> rate_unit(t), rate_unit(pd.DataFrame(), default=None)
        ('rate per 10,000 words', None)
    """
    per = table.attrs.get("rate_per_words", default)
    if per is None:
        return None
    return f"rate per {per:,.0f} words" if float(per).is_integer() else f"rate per {per:g} words"


def interval_level(table: pd.DataFrame) -> float:
    """The coverage of the table's intervals: compare's ``level``, group_rates' 0.95."""
    record = table.attrs.get("provenance", {})
    level = record.get("parameters", {}).get("level")
    if level is None:
        level = record.get("bootstrap", {}).get("level", 0.95)
    return float(level)


def intervals_note(table: pd.DataFrame) -> str:
    """ "95% intervals over documents" (compare's ``level``), the line of a rate plot's
    title that says what its whiskers or bands are.

    Example:
        >>> intervals_note(pd.DataFrame())
        '95% intervals over documents'
    """
    return interval_label(table, "s")


def table_cluster(table: pd.DataFrame) -> str | None:
    """The docvar whose values were compare's units (``cluster=``), None for documents."""
    return table.attrs.get("provenance", {}).get("parameters", {}).get("cluster")


def means_title(*, rates: bool = True, cluster: str | None = None) -> str:
    """The legend title of a rate plot, saying what a bar, point or line is: a group's
    rate is the mean of its documents' rates, not its pooled count over its words (with
    compare's ``cluster=``, the mean of its clusters' means of them)."""
    documents = f"documents' {'rates' if rates else 'values'}"
    return f"mean of {cluster} means of {documents}" if cluster else f"mean of {documents}"


def interval_label(table: pd.DataFrame, plural: str = "") -> str:
    """ "95% interval over documents" (over "country means" when compare took the
    countries as its units), the legend entry of whiskers and bands."""
    cluster = table_cluster(table)
    units = f"{cluster} means" if cluster else "documents"
    return f"{interval_level(table) * 100:g}% interval{plural} over {units}"


def interval_handle(table: pd.DataFrame, *, band: bool = False, across: bool = False) -> Any:
    """A legend entry for the whiskers (``across``: horizontal ones, of horizontal bars)
    or, ``band=True``, the shaded band of a plot."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    label = interval_label(table)
    if band:
        return Patch(facecolor="grey", alpha=0.3, edgecolor="none", label=label)
    marker = "_" if across else "|"
    return Line2D([], [], color="black", marker=marker, markersize=9, linestyle="none", label=label)


def place_legend(ax: Any, *, own_figure: bool, **options: Any) -> Any:
    """The legend of ``ax``: outside the Axes, right of it, on a figure the plot made
    itself (inside, a swatch can sit on a bar of its own colour); inside the Axes
    ("best" place) on an Axes the caller gave, whose neighbours in a grid of panels
    would draw over a legend outside it. Move it with ``ax.legend(loc=...)``."""
    if own_figure:
        return ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), **options)
    return ax.legend(loc="best", **options)


def mark_groups_without_value(ax: Any, groups: list, has_value: np.ndarray) -> str:
    """Keep every group's place on the x axis and write "n/a" at the foot of each one
    with no value in any series (no document counted: ``min_words`` left them all
    out, or the group has none in the voice), which would otherwise be a blank slot,
    or, at either end, no slot at all; returns the note naming them ("" if none)."""
    ax.set_xlim(-0.5, len(groups) - 0.5)
    empty = [k for k, known in enumerate(has_value) if not known]
    for k in empty:
        ax.annotate(
            "n/a",
            (k, 0),
            xycoords=("data", "axes fraction"),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=7,
            color="0.4",
        )
    if not empty:
        return ""
    names = [str(groups[k]) for k in empty]
    named = ", ".join(names) if len(names) <= _NAMED_AT_MOST else f"{len(names)} groups"
    return f"n/a (no document counted): {named}"


def grouped_bars(
    table: pd.DataFrame,
    measures: list[str],
    *,
    ax: Any = None,
    title: str,
    max_groups: MaxGroups = "auto",
):
    """Bars of ``rate`` per group (x) and measure (series), whiskers at rate_low/high;
    the groups :func:`largest_groups` keeps. The title names the voice of a table
    counted in one (:func:`with_voice`) and says what bars and whiskers are (the mean of
    the documents' rates, 95% intervals over documents), the legend has an entry for
    the whiskers, the y axis names the unit."""
    import matplotlib.pyplot as plt

    from .style import house_style, series_style

    missing = [m for m in measures if m not in set(table["measure"])]
    if missing:
        known = ", ".join(dict.fromkeys(table["measure"]))
        raise ValueError(f"measures={missing!r} are not in the table; it has: {known}")
    title = with_voice(title, table)
    table, kept_note = largest_groups(table, max_groups)
    own_figure = ax is None
    with house_style():
        if ax is None:
            _fig, ax = plt.subplots()
        groups = list(dict.fromkeys(table["group"]))
        x = np.arange(len(groups))
        width = 0.8 / len(measures)
        without_interval: set[str] = set()
        any_interval = False
        has_value = np.zeros(len(groups), dtype=bool)
        for k, measure in enumerate(measures):
            part = table[table["measure"] == measure].set_index("group").reindex(groups)
            rate = part["rate"].to_numpy(dtype=float)
            low = part["rate_low"].to_numpy(dtype=float)
            high = part["rate_high"].to_numpy(dtype=float)
            style = series_style(k)
            centre = x + (k - (len(measures) - 1) / 2) * width
            ax.bar(
                centre,
                rate,
                width,
                label=measure,
                color=style["color"],
                hatch=style["hatch"],
            )
            # Whiskers only where there is an interval: a flat cap at the value would
            # read as "no uncertainty" for a group of one document.
            known = np.isfinite(rate) & np.isfinite(low) & np.isfinite(high)
            any_interval = any_interval or bool(known.any())
            ax.errorbar(
                centre[known],
                rate[known],
                yerr=np.vstack([rate[known] - low[known], high[known] - rate[known]]),
                fmt="none",
                ecolor="black",
                elinewidth=0.8,
                capsize=2,
            )
            drawn = np.isfinite(rate)
            has_value |= drawn
            without_interval.update(np.asarray(groups, dtype=object)[drawn & ~known].tolist())
        ax.set_xticks(x, groups)
        # Rates are never negative: a table of zeros (a text without hedges) would
        # otherwise get an axis from -0.05 to 0.05.
        ax.set_ylim(bottom=0)
        empty_note = mark_groups_without_value(ax, groups, has_value)
        if len(groups) > 8:  # many countries: turn the labels so they do not overlap
            ax.tick_params(axis="x", labelrotation=90, labelsize=max(4, 9 - len(groups) // 25))
        ax.set_ylabel(rate_unit(table))
        ax.set_title("\n".join(line for line in (title, intervals_note(table), kept_note) if line))
        notes = [empty_note] if empty_note else []
        if without_interval:
            # Below the group names, where nothing else is drawn; a long list of names
            # would widen the figure, so many groups are counted instead.
            lacking = [g for g in groups if g in without_interval]
            if len(lacking) <= _NAMED_AT_MOST:
                note = ", ".join(map(str, lacking))
            else:
                note = f"{len(lacking)} of {len(groups)} groups"
            notes.append(f"no interval (too few documents): {note}")
        if notes:
            ax.set_xlabel("; ".join(notes), fontsize=7)
        handles, _labels = ax.get_legend_handles_labels()
        if any_interval:
            handles.append(interval_handle(table))
        place_legend(ax, own_figure=own_figure, handles=handles, title=means_title())
    remember_provenance(ax, table)
    return ax
