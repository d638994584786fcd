"""Plots of keyness, group rates and time series; each takes a result table.

Every function draws on ``ax`` (a new figure only when ``ax`` is None), returns the
Axes and never shows or saves.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from ._input import MISSING_GROUP, check_top_n
from ._plots import (
    MaxGroups,
    check_plot_table,
    grouping_name,
    interval_handle,
    intervals_note,
    largest_groups,
    mark_groups_without_value,
    means_title,
    place_legend,
    rate_unit,
    table_cluster,
    voice_note,
)
from .provenance import recorded_plot, remember_provenance
from .style import CONTRAST, house_style, series_style

# The functions whose tables plot_rates and plot_timeseries draw.
RATE_SOURCES = ("group_rates", "compare")


def _style() -> AbstractContextManager:
    return house_style()


def _axes(ax, *, rows: int | None = None):
    """``ax``, or a new figure's Axes; ``rows`` of bar labels make the figure taller."""
    if ax is None:
        import matplotlib.pyplot as plt

        width, height = plt.rcParams["figure.figsize"]
        if rows is not None:
            height = max(height, 0.6 + 0.2 * rows)  # about 0.2 inch per label
        _, ax = plt.subplots(figsize=(width, height))
    return ax


def _keyness_value(table: pd.DataFrame) -> tuple[str, np.ndarray]:
    """The signed score to draw: log ratio when present (readable in both directions)."""
    if "log_ratio" in table:
        return "log ratio (log2 of relative frequencies)", table["log_ratio"].to_numpy(float)
    g2 = table["g2"].to_numpy(float)
    return "signed G2", np.where(table["direction"] == "target", g2, -g2)


def _selection_title(
    table: pd.DataFrame, top_n: int | None, measure, table_top_n: int | None = None
) -> str | None:
    """How the terms drawn were chosen, where that is not by the value drawn (the
    legend's title). ``table_top_n``: the ``top_n`` that already cut the table when
    :func:`analysis.stat_keyness` made it (its record says), a choice by the measure
    too, though the plot then draws every term it kept."""
    if top_n is None or table["direction"].value_counts().max() <= top_n:
        if table_top_n is None:
            return None  # every term is drawn, and the table holds every term
        top_n = min(top_n, table_top_n) if top_n is not None else table_top_n
    drawn = "log_ratio" if "log_ratio" in table else "g2"  # as _keyness_value
    if measure == drawn:
        return None
    if measure is None:  # a table without its record (read back from a file)
        return f"top {top_n} each side in the table's order"
    return f"top {top_n} each side by {measure}"


def _rest_label(attrs: dict, by: object) -> str | None:
    """What "the rest" of a target against the rest was, from what stat_keyness left in
    the table's ``attrs``: "USA", "the other 3 groups", "the other 3 groups and 2
    documents without a country"; None for a table without it.

    Example:
        >>> _rest_label({"reference_groups": ["A", "B"], "reference_missing_documents": 1}, "country")
        'the other 2 groups and 1 document without a country'
    """
    rest = attrs.get("reference_groups")
    if rest is None:
        return None
    named = [g for g in rest if g != MISSING_GROUP]
    without = attrs.get("reference_missing_documents")
    parts = [named[0] if len(named) == 1 else f"the other {len(named)} groups"] if named else []
    what = f"without a {by}" if isinstance(by, str) and by else "without a value"
    if without:
        parts.append(f"{without} document{'s' if without != 1 else ''} {what}")
    elif without is None and MISSING_GROUP in rest:  # a table made before the count was kept
        parts.append(f"documents {what}")
    return " and ".join(parts) or None


# The level below which a keyness plot draws a term's adjusted p-value as significant.
SIGNIFICANCE = 0.05


def _not_significant(shown: pd.DataFrame) -> np.ndarray:
    """Which drawn terms have an adjusted p-value of at least :data:`SIGNIFICANCE`, or
    none (a missing p-value shows no significance either); all False for a table without
    p-values, such as one read back without them."""
    if "p_adjusted" not in shown:
        return np.zeros(len(shown), dtype=bool)
    p = pd.to_numeric(shown["p_adjusted"], errors="coerce").to_numpy(dtype=float)
    return np.isnan(p) | (p >= SIGNIFICANCE)


@recorded_plot
def plot_keyness(
    table: pd.DataFrame,
    *,
    ax=None,
    top_n: int | None = 20,
    group: str | None = None,
    target_label: str | None = None,
    reference_label: str = "reference",
):
    """Key terms of the target (right, positive) and of the reference (left, negative).

    Parameters:
        table: a :func:`analysis.stat_keyness` table.
        top_n: terms drawn per direction (strongest by the table's order); None: all.
        group: with an all-groups table, the group to draw.
        target_label, reference_label: legend names (default: the target group, and the
            reference group; against the rest, the one other group or "the other N
            groups", with "and M documents without a <by>" when documents without a
            value of ``by`` are in it; else "reference").
        ax: the Axes to draw on.

    Returns:
        The Axes, titled with the voice of a table counted in one ("Quoted voice");
        bars are log ratios with their 95% intervals (signed G2 for a table
        without log ratios); a term whose adjusted p-value is 0.05 or more is hatched
        and pale, with a legend entry saying so. The terms are the ``top_n`` strongest of each side in the
        table's order, that is by its ``measure`` (G2 by default; the legend says which);
        within each side the bars are drawn in the order of the value drawn, the
        longest of each side at the top and the bottom of the plot.
    """
    check_plot_table(
        table,
        ["term", "direction", ("log_ratio", "g2")],
        plot="plot_keyness",
        source="stat_keyness",
    )
    if "group" in table.columns:
        groups = table["group"].unique().tolist()
        if group is None and len(groups) > 1:
            raise ValueError(f"group= is needed for a table of several groups: {groups[:10]}")
        group = group if group is not None else groups[0]
        table = table[table["group"] == group]
    recorded = table.attrs.get("provenance", {}).get("parameters", {})
    target_label = target_label or group or recorded.get("target") or "target"
    if reference_label == "reference" and isinstance(recorded.get("reference"), str):
        reference_label = recorded["reference"]
    elif reference_label == "reference":
        reference_label = _rest_label(table.attrs, recorded.get("by")) or reference_label
    check_top_n(top_n)
    top = table[table["direction"] == "target"].head(top_n)
    bottom = table[table["direction"] == "reference"]
    bottom = bottom.tail(top_n) if top_n is not None else bottom
    # Bars go bottom-up, reference terms below target terms. Each side is chosen by the
    # table's measure but drawn in the order of the value drawn: bars of log ratios in
    # G2's order looked unsorted.
    shown = pd.concat([bottom.iloc[::-1], top.iloc[::-1]])
    label, values = _keyness_value(shown)
    side = (shown["direction"] == "target").to_numpy()
    order = np.lexsort((values, side))  # stable: equal values keep the table's order
    shown, values = shown.iloc[order], values[order]
    with _style():
        ax = _axes(ax, rows=len(shown))
        y = np.arange(len(shown))
        colors = [CONTRAST[0] if d == "target" else CONTRAST[1] for d in shown["direction"]]
        errors = None
        if "log_ratio_low" in shown and label.startswith("log ratio"):
            errors = np.vstack(
                [
                    values - shown["log_ratio_low"].to_numpy(),
                    shown["log_ratio_high"].to_numpy() - values,
                ]
            )
        # A term the correction leaves above 0.05 is drawn hatched and pale: among the
        # strongest of a side by the measure, it may still be no keyword at all (with
        # test="documents" most terms of a few speeches are such).
        weak = _not_significant(shown)
        bars = ax.barh(y, values, color=colors, xerr=errors, error_kw={"linewidth": 0.8})
        for bar, faint in zip(bars, weak, strict=True):
            if faint:
                bar.set_alpha(0.45)
                bar.set_hatch("//")
        ax.set_yticks(y)
        ax.set_yticklabels(shown["term"].tolist())
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_xlabel(label)
        if voice_note(table):  # no title otherwise, as before
            ax.set_title(voice_note(table).capitalize())
        from matplotlib.patches import Patch

        handles = [
            Patch(color=CONTRAST[0], label=f"more frequent in {target_label}"),
            Patch(color=CONTRAST[1], label=f"more frequent in {reference_label}"),
        ]
        if weak.any():
            handles.append(
                Patch(
                    facecolor="white",
                    edgecolor="grey",
                    hatch="//",
                    label=f"adjusted p >= {SIGNIFICANCE} (not significant)",
                )
            )
        ax.legend(
            handles=handles,
            loc="best",
            title=_selection_title(table, top_n, recorded.get("measure"), recorded.get("top_n")),
        )
    remember_provenance(ax, table)
    return ax


def _rate_columns(table: pd.DataFrame, *, plot: str) -> tuple[pd.DataFrame, str, str, str, str]:
    """Normalise group_rates and compare tables to (table, value, low, high, measure col).

    Any other table is a ValueError naming ``plot`` and the tables it draws.
    """
    is_compare = isinstance(table, pd.DataFrame) and "kind" in table.columns
    value, low, high = ("estimate", "ci_low", "ci_high") if is_compare else RATE_VALUES
    check_plot_table(table, ["group", value, low, high], plot=plot, source=RATE_SOURCES)
    if is_compare:
        table = table[table["kind"] == "group"]
        if "within" in table.columns:
            # compare(within=): one point per stratum and group, "XNO: early", in the
            # table's order (strata, then groups), so each stratum's groups sit together.
            table = table.assign(group=table["within"].astype(str) + ": " + table["group"])
    return table, value, low, high, "measure"


RATE_VALUES = ("rate", "rate_low", "rate_high")


@recorded_plot
def plot_rates(
    table: pd.DataFrame,
    *,
    ax=None,
    measure: str | None = None,
    max_groups: MaxGroups = "auto",
):
    """Rates (or means) by group with their confidence intervals as error bars.

    Parameters:
        table: a :func:`analysis.group_rates` table (``group, measure, rate,
            rate_low, rate_high``) or an :func:`analysis.compare` table.
        measure: which measure to draw when the table has several (default: all,
            side by side).
        ax: the Axes to draw on.
        max_groups: ``"auto"`` (default): the 30 largest groups (most documents, then
            words; the title says so) when groups are categories (names such as
            countries, or numbers such as country codes and speaker ids), and every
            group, in order, when they are a time series: numbers of a docvar named
            year, session, date or month, months or days as ISO text ("2024-03"), or
            in a table without its record whole numbers from 1000 to 2999 (a series
            with years left out would read as gaps). A number: at most that many of the
            largest categories; a longer series is an error. None: every group.

    Returns:
        The Axes. The title says that a point is the mean of the group's documents'
        rates (values, for a measure that is no rate) and the whiskers 95% intervals
        over documents (compare's ``level``); the y axis names the rate's unit.
    """
    table, value, low, high, mcol = _rate_columns(table, plot="plot_rates")
    if measure is not None:
        table = table[table[mcol] == measure]
    table, kept_note = largest_groups(table, max_groups)
    measures = table[mcol].unique().tolist() if mcol in table else [None]
    groups = list(dict.fromkeys(table["group"].astype(str)))
    width = 0.8 / max(len(measures), 1)
    unit = _unit(table, value)
    own_figure = ax is None
    with _style():
        ax = _axes(ax)
        x = np.arange(len(groups))
        has_value = np.zeros(len(groups), dtype=bool)
        for i, m in enumerate(measures):
            part = table if m is None else table[table[mcol] == m]
            part = part.set_index(part["group"].astype(str)).reindex(groups)
            v = part[value].to_numpy(float)
            has_value |= np.isfinite(v)
            err = np.vstack([v - part[low].to_numpy(float), part[high].to_numpy(float) - v])
            offset = (i - (len(measures) - 1) / 2) * width
            style = series_style(i)  # a marker per measure, so the bars read in grayscale
            ax.errorbar(
                x + offset,
                v,
                yerr=np.abs(err),
                fmt=style["marker"],
                color=style["color"],
                markerfacecolor=style["markerfacecolor"],
                capsize=3,
                label=m,
            )
        ax.set_xticks(x)
        if len(groups) > 20:  # a long series (every year): upright labels, smaller
            ax.set_xticklabels(groups, rotation=90, fontsize=max(4, 9 - len(groups) // 25))
        else:
            ax.set_xticklabels(
                groups,
                rotation=45 if len(groups) > 6 else 0,
                ha="right" if len(groups) > 6 else "center",
            )
        ax.set_xlabel(grouping_name(table))
        empty_note = mark_groups_without_value(ax, groups, has_value)
        if unit is not None:
            ax.set_ylim(bottom=0)  # rates are never negative: no axis below 0 around zeros
        ax.set_ylabel(_value_label(measures, unit))
        handles, _labels = ax.get_legend_handles_labels()
        place_legend(
            ax,
            own_figure=own_figure,
            handles=[*handles, interval_handle(table)],
            title=means_title(rates=unit is not None, cluster=table_cluster(table)),
        )
        notes = [n for n in (kept_note, _no_interval_note(table, value, low), empty_note) if n]
        drawn = _what_is_drawn(measures, table)
        ax.set_title(_title([*_voice_first(table), *drawn, intervals_note(table), *notes]))
    remember_provenance(ax, table)
    return ax


@recorded_plot
def plot_timeseries(
    table: pd.DataFrame,
    *,
    ax=None,
    measure: str | None = None,
    events: dict | None = None,
):
    """A measure over time (groups are years) with its interval band and event markers.

    Parameters:
        table: a :func:`analysis.group_rates` or :func:`analysis.compare` table whose
            groups are numbers (e.g. ``by="year"``); the group of documents without a
            year, "(missing)", is not drawn.
        measure: which measure to draw when the table has several.
        events: optional ``{year: label}``, drawn as labelled vertical lines.
        ax: the Axes to draw on. On a new figure the legend is right of the Axes; on a
            given Axes (a panel of several) it is inside it.

    Returns:
        The Axes. The line is the mean of each year's documents' rates (values, for a
        measure that is no rate), the band its 95% interval over documents (compare's
        ``level``); the title and the legend say so, the y axis names the rate's unit.
    """
    table, value, low, high, mcol = _rate_columns(table, plot="plot_timeseries")
    if measure is not None:
        table = table[table[mcol] == measure]
    # Documents without a year have no place on the time axis (the table keeps them).
    if len(table) and (table["group"].astype(str) == MISSING_GROUP).all():
        raise ValueError(
            "plot_timeseries: every group is '(missing)': no document has a value of the "
            "by= docvar, so there is no year to draw"
        )
    table = table[table["group"].astype(str) != MISSING_GROUP]
    years = pd.to_numeric(table["group"], errors="coerce")
    if years.isna().any():
        odd = ", ".join(repr(g) for g in table.loc[years.isna(), "group"].unique()[:3])
        raise ValueError(
            f"plot_timeseries needs groups that are numbers (years); this table has {odd}: "
            "make it with by= a docvar of years (e.g. by='year')"
        )
    measures = table[mcol].unique().tolist() if mcol in table else [None]
    unit = _unit(table, value)
    own_figure = ax is None
    with _style():
        ax = _axes(ax)
        lines = []
        for i, m in enumerate(measures):
            style = series_style(i)
            part = table if m is None else table[table[mcol] == m]
            x = pd.to_numeric(part["group"], errors="coerce")
            order = np.argsort(x.to_numpy(), kind="stable")
            xs, ys, lows, highs = _broken_at_gaps(
                x.to_numpy(float)[order],
                part[value].to_numpy(float)[order],
                part[low].to_numpy(float)[order],
                part[high].to_numpy(float)[order],
            )
            (line,) = ax.plot(
                xs,
                ys,
                label=m,
                color=style["color"],
                marker=style["marker"],
                linestyle=style["linestyle"],
                markerfacecolor=style["markerfacecolor"],
            )
            lines.append(line)
            ax.fill_between(xs, lows, highs, alpha=0.2, color=style["color"])
        for when, text in sorted((events or {}).items()):
            ax.axvline(when, color="grey", linestyle="--", linewidth=0.8)
            ax.annotate(
                str(text),
                (when, 1),
                xycoords=("data", "axes fraction"),
                rotation=90,
                va="top",
                ha="right",
                fontsize="small",
            )
        ax.set_xlabel(grouping_name(table, default="year"))
        # Years are whole numbers: no ticks at 1990.25.
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        if unit is not None:
            ax.set_ylim(bottom=0)  # rates are never negative: no axis below 0 around zeros
        ax.set_ylabel(_value_label(measures, unit))
        drawn = _what_is_drawn(measures, table)
        ax.set_title("; ".join([*_voice_first(table), *drawn, intervals_note(table)]))
        # A line per measure and what the bands are.
        handles = lines if measures != [None] else []
        place_legend(
            ax,
            own_figure=own_figure,
            handles=[*handles, interval_handle(table, band=True)],
            title=means_title(rates=unit is not None, cluster=table_cluster(table)),
        )
    remember_provenance(ax, table)
    return ax


def _voice_first(table: pd.DataFrame) -> list[str]:
    """The start of a rate plot's title for a table counted in one voice ["Quoted
    voice"], else [] (the title of an all-voice table stays as it was)."""
    note = voice_note(table)
    return [note.capitalize()] if note else []


def _title(parts: list[str]) -> str:
    """A rate plot's title: its parts on one line when short, else one part a line (a
    long line made the figure as wide as the title, the Axes in a corner of it)."""
    line = "; ".join(parts)
    return line if len(line) <= _TITLE_WIDTH else "\n".join(parts)


_TITLE_WIDTH = 90  # characters: about the width of the house style's Axes


def _what_is_drawn(measures: list, table: pd.DataFrame) -> list[str]:
    """The title's words for what a rate plot shows, ["hedges and boosters by year"],
    or [] for a table of one unnamed measure (the y label names the unit)."""
    names = [str(m) for m in measures if m is not None]
    if not names:
        return []
    if len(names) > 4:
        listed = f"{len(names)} measures"
    else:
        listed = " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]
    return [f"{listed} by {grouping_name(table)}"]


def _unit(table: pd.DataFrame, value: str) -> str | None:
    """The unit of the values drawn ("rate per 1,000 words"), None for values that are
    no rates: a group_rates table's rates (per 1,000 words unless it says otherwise); a
    compare table's means of a rate measure, as compare recorded (``rate_per_words``;
    a "rate:<term>" measure is per 10,000 words)."""
    if value == "rate":
        return rate_unit(table)
    unit = rate_unit(table, default=None)
    if unit is None and len(table):
        if all(str(m).startswith("rate:") for m in table["measure"].unique()):
            unit = "rate per 10,000 words"  # compare's "rate:<term>", recorded or not
    return unit


def _value_label(measures: list, unit: str | None) -> str:
    """The y label: "hedges (rate per 1,000 words)", "ttr (mean per document)"."""
    label = unit if unit is not None else "mean per document"
    return label if len(measures) != 1 or measures[0] is None else f"{measures[0]} ({label})"


def _broken_at_gaps(xs: np.ndarray, *series: np.ndarray) -> tuple[np.ndarray, ...]:
    """``xs`` and ``series`` with a NaN point inside every gap wider than the usual
    step (no documents for 1992-1994 in a yearly series), so that lines and bands stop
    there instead of joining 1991 to 1995 as if the years between had been measured.

    Example:
        >>> xs, ys = _broken_at_gaps(np.array([1990.0, 1991, 1995]), np.array([1.0, 2, 3]))
        >>> xs.tolist(), np.isnan(ys).tolist()
        ([1990.0, 1991.0, 1993.0, 1995.0], [False, False, True, False])
    """
    steps = np.diff(xs)
    if len(steps) < 2:
        return (xs, *series)
    usual = np.median(steps[steps > 0]) if (steps > 0).any() else 0
    gaps = np.flatnonzero(steps > usual) if usual > 0 else np.array([], dtype=int)
    if not len(gaps):
        return (xs, *series)
    at = gaps + 1
    middles = (xs[gaps] + xs[at]) / 2
    return (np.insert(xs, at, middles), *(np.insert(s, at, np.nan) for s in series))


def _no_interval_note(table: pd.DataFrame, value: str, low: str) -> str:
    """Say so when some drawn group has a value but no interval (a group of one
    document): its bare point would look as certain as the rest."""
    bare = table[table[value].notna() & table[low].isna()]
    if bare.empty:
        return ""
    names = list(dict.fromkeys(bare["group"].astype(str)))
    more = f" and {len(names) - 3} more" if len(names) > 3 else ""
    cluster = table_cluster(table)
    units = f"{cluster} means" if cluster else "documents"
    return f"no interval (fewer than 2 {units}): {', '.join(names[:3])}{more}"
