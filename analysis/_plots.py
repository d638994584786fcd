"""Shared plot helpers: the check that a plot was given the table it draws, and the
grouped bar chart of per-group rates with 95% intervals over documents (hedging, modality)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

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


# Groups a rate plot draws at most by default: 186 countries on one axis cannot be read.
MAX_GROUPS = 30


def largest_groups(table: pd.DataFrame, max_groups: int | None) -> tuple[pd.DataFrame, str]:
    """The rows of the ``max_groups`` largest groups (most documents, then most words
    where the table has a ``words`` column, then the first in the table), in the
    table's order, and a note saying how many were kept ("" when all were; None keeps
    all).

    Example:
        >>> t = pd.DataFrame({"group": ["a", "b", "c"], "documents": [5, 9, 5]})
        >>> kept, note = largest_groups(t, 2)
        >>> kept["group"].tolist(), note
        (['a', 'b'], 'the 2 largest of 3 groups (most documents)')
    """
    if max_groups is not None and (not isinstance(max_groups, int) or max_groups < 1):
        raise ValueError(f"max_groups={max_groups!r} must be a positive whole number or None")
    # A missing group (NaN) is a label too ("nan"; astype(str) would keep it missing).
    labels = pd.Series([str(g) for g in table["group"]], index=table.index, dtype=object)
    groups = list(dict.fromkeys(labels))
    if max_groups is None or len(groups) <= max_groups:
        return table, ""
    documents = table["documents"].groupby(labels, sort=False).max()
    has_words = "words" in table.columns
    # Groups of as many documents (every country once a year) are ranked by their words:
    # a cut by table order alone would keep the first letters of the alphabet.
    words = table["words"].groupby(labels, sort=False).max() if has_words else documents * 0
    order = sorted(groups, key=lambda g: (-documents[g], -words[g], groups.index(g)))
    kept = set(order[:max_groups])
    by = "most documents, then words" if has_words else "most documents"
    note = f"the {max_groups} largest of {len(groups)} groups ({by})"
    return table[labels.isin(kept).to_numpy()], note


def grouped_bars(
    table: pd.DataFrame,
    measures: list[str],
    *,
    ax: Any = None,
    ylabel: str,
    title: str,
    max_groups: int | None = MAX_GROUPS,
):
    """Bars of ``rate`` per group (x) and measure (series), whiskers at rate_low/high;
    the ``max_groups`` largest groups (see :func:`largest_groups`)."""
    import matplotlib.pyplot as plt

    from .style import house_style, series_style

    missing = [m for m in measures if m not in set(table["measure"])]
    if missing:
        known = ", ".join(dict.fromkeys(table["measure"]))
        raise ValueError(f"measures={missing!r} are not in the table; it has: {known}")
    table, kept_note = largest_groups(table, max_groups)
    with house_style():
        if ax is None:
            _fig, ax = plt.subplots()
        groups = list(dict.fromkeys(table["group"]))
        x = np.arange(len(groups))
        width = 0.8 / len(measures)
        without_interval: set[str] = set()
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
            without_interval.update(np.asarray(groups, dtype=object)[drawn & ~known].tolist())
        ax.set_xticks(x, groups)
        if len(groups) > 8:  # many countries: turn the labels so they do not overlap
            ax.tick_params(axis="x", labelrotation=90, labelsize=max(4, 9 - len(groups) // 25))
        ax.set_ylabel(ylabel)
        ax.set_title(f"{title}: {kept_note}" if kept_note else title)
        if without_interval:
            # Below the group names, where nothing else is drawn; a long list of names
            # would widen the figure, so many groups are counted instead.
            lacking = [g for g in groups if g in without_interval]
            if len(lacking) <= _NAMED_AT_MOST:
                note = ", ".join(map(str, lacking))
            else:
                note = f"{len(lacking)} of {len(groups)} groups"
            ax.set_xlabel(f"no interval (too few documents): {note}", fontsize=7)
        # Outside the axes: inside, a swatch can sit on a bar of its own colour.
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    remember_provenance(ax, table)
    return ax
