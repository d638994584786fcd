"""Grouped bar chart of per-group rates with bootstrap intervals (hedging, modality)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .provenance import remember_provenance


def grouped_bars(
    table: pd.DataFrame, measures: list[str], *, ax: Any = None, ylabel: str, title: str
):
    """Bars of ``rate`` per group (x) and measure (series), whiskers at rate_low/high."""
    import matplotlib.pyplot as plt

    from .style import house_style, series_style

    missing = [m for m in measures if m not in set(table["measure"])]
    if missing:
        known = ", ".join(dict.fromkeys(table["measure"]))
        raise ValueError(f"measures={missing!r} are not in the table; it has: {known}")
    with house_style():
        if ax is None:
            _fig, ax = plt.subplots()
        groups = list(dict.fromkeys(table["group"]))
        x = np.arange(len(groups))
        width = 0.8 / len(measures)
        for k, measure in enumerate(measures):
            part = table[table["measure"] == measure].set_index("group").reindex(groups)
            rate = part["rate"].to_numpy(dtype=float)
            low = np.nan_to_num(rate - part["rate_low"].to_numpy(dtype=float), nan=0.0)
            high = np.nan_to_num(part["rate_high"].to_numpy(dtype=float) - rate, nan=0.0)
            style = series_style(k)
            ax.bar(
                x + (k - (len(measures) - 1) / 2) * width,
                rate,
                width,
                yerr=np.vstack([low, high]),
                label=measure,
                color=style["color"],
                hatch=style["hatch"],
                capsize=2,
            )
        ax.set_xticks(x, groups)
        if len(groups) > 8:  # many countries: turn the labels so they do not overlap
            ax.tick_params(axis="x", labelrotation=90, labelsize=max(4, 9 - len(groups) // 25))
        ax.set_ylabel(ylabel)
        ax.set_title(title)
        # Outside the axes: inside, a swatch can sit on a bar of its own colour.
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    remember_provenance(ax, table)
    return ax
