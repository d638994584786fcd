"""The house style for figures: ``with house_style(): ...`` around every plot.

The style file (``analysis/styles/communique.mplstyle``) fixes the font (DejaVu Sans,
shipped with matplotlib), a colour-blind-safe palette (Okabe-Ito) with a marker and
line style per series for grayscale print, and the settings that make saved files
byte-identical (SVG id salt, embedded fonts).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt

STYLE_PATH = Path(__file__).with_name("styles") / "communique.mplstyle"

# Okabe & Ito (2008), "Color Universal Design"; yellow is left out (invisible in print).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000")
MARKERS = ("o", "s", "^", "D", "v", "P", "X")
# Bars have no property cycle for hatches: plots that fill areas take them from here.
HATCHES = ("", "///", "...", "\\\\\\", "xxx", "---", "+++")
# Two-way contrasts (target vs reference, reporter vs quoted speaker): far apart in
# hue and in lightness, so they also differ in grayscale.
CONTRAST = ("#0072B2", "#E69F00")


@contextmanager
def house_style() -> Iterator[None]:
    """Apply the communique style to the figures and artists created inside the block.

    Also usable as a decorator. Settings read when a file is written (dpi, SVG salt)
    are applied again by :func:`analysis.save_figure`, so a figure keeps its looks
    however it is saved.

    Example:
        >>> import matplotlib.pyplot as plt
        >>> with house_style():
        ...     fig, ax = plt.subplots()
        ...     _ = ax.plot([1, 2], [3, 4])
        >>> ax.lines[0].get_marker()
        'o'
    """
    # Resolve the backend first: Jupyter's inline backend switches interactive mode on
    # when it is first loaded, and a style context would switch it off again on exit,
    # so later figures in the notebook would no longer be shown.
    plt.get_backend()
    interactive = matplotlib.is_interactive()
    try:
        with plt.style.context(STYLE_PATH):
            yield
            interactive = matplotlib.is_interactive()
    finally:
        matplotlib.interactive(interactive)


def series_style(i: int) -> dict[str, str]:
    """Colour, marker, hatch and line style of the ``i``-th series.

    For plot code that draws bars or areas, where matplotlib has no hatch cycle. After
    the seven colours, series repeat them with open markers and dotted lines, so the
    first fourteen series all look different.
    """
    n = len(PALETTE)
    second_round = (i // n) % 2 == 1
    return {
        "color": PALETTE[i % n],
        "marker": MARKERS[i % n],
        "hatch": HATCHES[(i + second_round) % len(HATCHES)],
        "linestyle": ":" if second_round else "-",
        "markerfacecolor": "white" if second_round else PALETTE[i % n],
    }


__all__ = ["CONTRAST", "HATCHES", "MARKERS", "PALETTE", "STYLE_PATH", "house_style", "series_style"]
