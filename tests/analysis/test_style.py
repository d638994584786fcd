"""The house style: fixed font, colour-blind-safe palette, grayscale-distinct series."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from analysis import house_style  # noqa: E402
from analysis.style import HATCHES, MARKERS, PALETTE, series_style  # noqa: E402


def test_style_applies_inside_the_block_only():
    before = plt.rcParams["font.sans-serif"][:]
    with house_style():
        assert plt.rcParams["font.sans-serif"][0] == "DejaVu Sans"
        assert plt.rcParams["svg.hashsalt"] == "communique"
        fig, ax = plt.subplots()
        lines = [ax.plot([0, 1], [i, i])[0] for i in range(3)]
    assert plt.rcParams["font.sans-serif"] == before
    assert [to_hex(line.get_color()).upper() for line in lines] == [c.upper() for c in PALETTE[:3]]
    # Each series differs by marker too, so the figure reads in grayscale.
    assert [line.get_marker() for line in lines] == list(MARKERS[:3])
    plt.close(fig)


def test_palette_series_are_distinct_in_grayscale():
    def luminance(hex_colour: str) -> float:
        r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    first_two = sorted(luminance(c) for c in PALETTE[:2])
    assert first_two[1] - first_two[0] > 0.2
    assert len(set(MARKERS)) == len(set(HATCHES)) == len(PALETTE)


def test_series_style_first_fourteen_differ_then_wrap():
    first = series_style(0)
    assert (first["color"], first["marker"], first["hatch"], first["linestyle"]) == (
        PALETTE[0],
        MARKERS[0],
        HATCHES[0],
        "-",
    )
    styles = [tuple(sorted(series_style(i).items())) for i in range(2 * len(PALETTE))]
    assert len(set(styles)) == 2 * len(PALETTE)
    assert series_style(7)["linestyle"] == ":" and series_style(7)["markerfacecolor"] == "white"
    assert series_style(2 * len(PALETTE)) == series_style(0)


def test_style_block_keeps_interactive_mode():
    import matplotlib
    import matplotlib.pyplot as plt

    before = matplotlib.is_interactive()
    try:
        with house_style():
            plt.ion()  # what Jupyter's inline backend does when it first loads
        assert matplotlib.is_interactive()
    finally:
        matplotlib.interactive(before)


def test_usable_as_decorator():
    @house_style()
    def draw():
        fig, ax = plt.subplots()
        text = ax.set_title("x")
        plt.close(fig)
        return text.get_fontfamily()

    assert draw() == ["sans-serif"]
