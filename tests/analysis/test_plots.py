"""Keyness, rates and time-series plots: what is drawn and how it is labelled."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import corpus
from analysis import compare, group_rates, plot_keyness, plot_rates, plot_timeseries, stat_keyness


@pytest.fixture
def keyness():
    c = corpus.from_texts(
        ["peace peace sovereignty law", "peace sovereignty", "trade trade growth", "trade law"],
        docvars={"country": ["RUS", "RUS", "USA", "USA"]},
    )
    return stat_keyness(c, by="country", target="RUS", min_count=1)


def test_keyness_bars_both_directions(keyness):
    fig, ax = plt.subplots()
    assert plot_keyness(keyness, ax=ax, top_n=2) is ax
    labels = [t.get_text() for t in ax.get_yticklabels()]
    widths = [p.get_width() for p in ax.patches]
    assert labels[-1] == "peace" and widths[-1] > 0  # strongest target term on top
    assert labels[0] == "trade" and widths[0] < 0  # strongest reference term at the bottom
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    # four words a side: no term survives the correction, and the legend says so
    assert legend == [
        "more frequent in RUS",
        "more frequent in USA",  # the rest is one group: named
        "adjusted p >= 0.05 (not significant)",
    ]
    assert all(p.get_hatch() == "//" for p in ax.patches)
    plt.close(fig)


def test_keyness_bars_of_significant_terms_are_plain(g2_and_ratio_disagree):
    table = stat_keyness(g2_and_ratio_disagree, by="country", target="RUS", min_count=1)
    fig, ax = plt.subplots()
    plot_keyness(table, ax=ax, top_n=3)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    hatched = dict(zip(labels, [p.get_hatch() for p in ax.patches], strict=True))
    significant = table.set_index("term")["p_adjusted"] < 0.05
    assert significant["peace"] and hatched["peace"] is None
    assert {t: h == "//" for t, h in hatched.items()} == {t: not significant[t] for t in labels}
    plt.close(fig)


@pytest.fixture
def g2_and_ratio_disagree():
    """'peace' is frequent on both sides (G2 21.5, log ratio 1.6); 'treaty' is rarer and
    only in the target (G2 8.4, log ratio 3.6)."""
    c = corpus.from_texts(
        [
            "peace " * 60 + "treaty " * 6 + "the " * 200,
            "peace " * 20 + "trade " * 30 + "the " * 220,
        ],
        docvars={"country": ["RUS", "USA"]},
    )
    return c


def test_keyness_bars_are_in_the_order_of_the_value_drawn(g2_and_ratio_disagree):
    table = stat_keyness(g2_and_ratio_disagree, by="country", target="RUS", min_count=1)
    assert table["term"].tolist() == ["peace", "treaty", "the", "trade"]  # by G2
    fig, ax = plt.subplots()
    plot_keyness(table, ax=ax, top_n=None)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    widths = [round(p.get_width(), 2) for p in ax.patches]
    assert labels == ["trade", "the", "peace", "treaty"]  # bottom-up
    assert widths == [-5.89, -0.12, 1.61, 3.61]
    assert ax.get_xlabel() == "log ratio (log2 of relative frequencies)"
    assert ax.get_legend().get_title().get_text() == ""  # every term drawn: no choice
    plt.close(fig)


def test_keyness_legend_says_by_which_measure_the_terms_were_chosen(g2_and_ratio_disagree):
    by_g2 = stat_keyness(g2_and_ratio_disagree, by="country", target="RUS", min_count=1)
    ax = plot_keyness(by_g2, top_n=1)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["trade", "peace"]
    assert ax.get_legend().get_title().get_text() == "top 1 each side by g2"
    by_ratio = stat_keyness(
        g2_and_ratio_disagree, by="country", target="RUS", min_count=1, measure="log_ratio"
    )
    ax = plot_keyness(by_ratio, top_n=1)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["trade", "treaty"]
    assert ax.get_legend().get_title().get_text() == ""  # chosen by what is drawn
    read_back = by_g2.copy()
    read_back.attrs = {}
    ax = plot_keyness(read_back, top_n=1)
    assert ax.get_legend().get_title().get_text() == "top 1 each side in the table's order"
    plt.close("all")


def test_keyness_legend_names_a_choice_stat_keyness_made(g2_and_ratio_disagree):
    # top_n=1 cut the table by G2 before the plot: every term it kept is drawn, but they
    # were still chosen by G2, not by the log ratio the bars show.
    cut = stat_keyness(g2_and_ratio_disagree, by="country", target="RUS", min_count=1, top_n=1)
    ax = plot_keyness(cut)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["trade", "peace"]
    assert ax.get_legend().get_title().get_text() == "top 1 each side by g2"
    by_ratio = stat_keyness(
        g2_and_ratio_disagree,
        by="country",
        target="RUS",
        min_count=1,
        measure="log_ratio",
        top_n=1,
    )
    assert plot_keyness(by_ratio).get_legend().get_title().get_text() == ""
    plt.close("all")


def test_keyness_all_groups_needs_group():
    c = corpus.from_texts(["a a b", "b b c", "c a"], docvars={"k": ["X", "Y", "Z"]})
    table = stat_keyness(c, by="k", min_count=1)
    with pytest.raises(ValueError, match="group="):
        plot_keyness(table)
    ax = plot_keyness(table, group="X")
    assert "X" in ax.get_legend().get_texts()[0].get_text()
    plt.close("all")


def test_rates_from_group_rates_and_compare():
    per_doc = pd.DataFrame(
        {"hedges": [1, 2, 3, 4], "words": [100, 100, 100, 100]},
        index=pd.Index(["d1", "d2", "d3", "d4"], name="doc_id"),
    )
    groups = pd.Series(["A", "A", "B", "B"], index=per_doc.index)
    table = group_rates(per_doc, groups, ["hedges"])
    ax = plot_rates(table)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["A", "B"]
    assert "hedges" in ax.get_ylabel()
    cmp = compare(
        pd.DataFrame({"g": ["A", "A", "B", "B"], "x": [1.0, 2, 3, 4]}), "x", by="g", n_boot=100
    )
    ax = plot_rates(cmp)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["A", "B"]
    plt.close("all")


def test_rate_axes_name_the_per_words_group_rates_used():
    per_doc = pd.DataFrame(
        {"hedges": [1, 2, 3, 4], "words": [100, 100, 100, 100]},
        index=pd.Index(["d1", "d2", "d3", "d4"], name="doc_id"),
    )
    years = pd.Series([1990, 1990, 1991, 1991], index=per_doc.index)
    per_10k = group_rates(per_doc, years, ["hedges"], per=10_000)
    assert per_10k["rate"].tolist() == pytest.approx([150.0, 350.0])
    assert plot_timeseries(per_10k).get_ylabel() == "hedges (rate per 10,000 words)"
    assert plot_rates(per_10k).get_ylabel() == "hedges (rate per 10,000 words)"
    default = group_rates(per_doc, years, ["hedges"])
    assert plot_timeseries(default).get_ylabel() == "hedges (rate per 1,000 words)"
    odd = group_rates(per_doc, years, ["hedges"], per=2.5)
    assert plot_rates(odd).get_ylabel() == "hedges (rate per 2.5 words)"
    plt.close("all")


def test_timeseries_with_events():
    t = pd.DataFrame({"year": [1990, 1990, 1991, 1991, 1992, 1992], "x": [1.0, 2, 2, 3, 5, 6]})
    table = compare(t, "x", by="year", pairs="none", n_boot=100)
    ax = plot_timeseries(table, events={1991: "Soviet collapse"})
    line = ax.lines[0]
    assert line.get_xdata().tolist() == [1990, 1991, 1992]
    assert line.get_ydata().tolist() == pytest.approx([1.5, 2.5, 5.5])
    assert any(t.get_text() == "Soviet collapse" for t in ax.texts)
    assert ax.get_xlabel() == "year"
    plt.close("all")


def test_timeseries_of_a_rate_from_compare_names_its_unit():
    c = corpus.from_texts(
        ["apartheid must end", "apartheid now", "peace", "peace and apartheid"],
        docvars={"year": [1980, 1980, 1981, 1981]},
    )
    ax = plot_timeseries(compare(c, "rate:apartheid", by="year", pairs="none", n_boot=50))
    assert ax.get_ylabel() == "rate:apartheid (rate per 10,000 words)"
    assert ax.lines[0].get_ydata().tolist() == pytest.approx([(1 / 3 + 1 / 2) / 2 * 1e4, 1e4 / 6])
    t = pd.DataFrame({"year": [1990, 1991], "x": [1.0, 2.0]})
    ax = plot_timeseries(compare(t, "x", by="year", pairs="none"))
    assert ax.get_ylabel() == "x (mean per document)"  # other measures have no unit to name
    plt.close("all")


def test_keyness_top_n_is_none_for_all_and_zero_is_an_error(keyness):
    fig, ax = plt.subplots()
    plot_keyness(keyness, ax=ax, top_n=None)
    assert len(ax.patches) == len(keyness)
    with pytest.raises(ValueError, match=r"top_n=0 is not valid.*None for all rows.*--top-n 0"):
        plot_keyness(keyness, top_n=0)
    plt.close("all")


WRONG_TABLE_CORPUS = corpus.from_texts(
    [
        "We may perhaps see it as a siege, like the war of 1914. It could pass.",
        "Surely this is clear. The talks must go on, as in 1990.",
    ],
    docvars={"country": ["A", "B"], "year": [1990, 1991]},
)


def _plots_and_wrong_tables():
    from analysis import (
        find_comparisons,
        find_hedges,
        find_modals,
        plot_comparisons,
        plot_hedging,
        plot_modality,
    )

    return [
        (plot_comparisons, find_comparisons, "stat_comparisons", "group, measure, rate"),
        (plot_hedging, find_hedges, "stat_hedging", "group, measure, rate"),
        (plot_modality, find_modals, "stat_modality", "group, measure, rate"),
        (plot_keyness, find_hedges, "stat_keyness", "term, direction, log_ratio or g2"),
        (plot_rates, find_modals, "group_rates or analysis.compare", "group, rate"),
        (plot_timeseries, find_comparisons, "group_rates or analysis.compare", "group, rate"),
    ]


@pytest.mark.parametrize(
    ("plot", "finder", "source", "missing"),
    _plots_and_wrong_tables(),
    ids=lambda v: getattr(v, "__name__", None),
)
def test_a_table_of_the_wrong_function_names_the_right_one(plot, finder, source, missing):
    table = finder(WRONG_TABLE_CORPUS)
    with pytest.raises(ValueError) as error:
        plot(table)
    message = str(error.value)
    assert message.startswith(f"{plot.__name__} draws the table of analysis.{source} (columns:")
    assert f"missing: {missing}" in message
    assert f"It was made by analysis.{finder.__name__}" in message
    with pytest.raises(ValueError, match=rf"^{plot.__name__} draws .* not a Corpus"):
        plot(WRONG_TABLE_CORPUS)
    plt.close("all")


def test_plot_comparisons_of_find_comparisons_says_which_table_it_needs():
    from analysis import find_comparisons, plot_comparisons

    with pytest.raises(ValueError, match=r"analysis\.stat_comparisons .*missing: group, measure"):
        plot_comparisons(find_comparisons(WRONG_TABLE_CORPUS))


def test_rates_of_several_measures_get_a_marker_each():
    per_doc = pd.DataFrame(
        {"hedges": [1, 2, 3, 4], "boosters": [2, 2, 1, 1], "words": [100] * 4},
        index=pd.Index(["d1", "d2", "d3", "d4"], name="doc_id"),
    )
    groups = pd.Series(["A", "A", "B", "B"], index=per_doc.index)
    ax = plot_rates(group_rates(per_doc, groups, ["hedges", "boosters"]))
    markers = [line.get_marker() for line in ax.lines if line.get_marker() not in ("None", "_")]
    assert markers[:2] == ["o", "s"]  # the house style's first two, not one circle for all
    assert ax.get_ylim()[0] == 0
    plt.close("all")


def test_timeseries_leaves_out_documents_without_a_year_and_names_other_groups():
    t = pd.DataFrame({"year": [1990, 1990, 1991, 1991, None, None], "x": [1.0, 2, 2, 3, 9, 9]})
    table = compare(t, "x", by="year", pairs="none", n_boot=100)
    assert "(missing)" in set(table["group"])
    ax = plot_timeseries(table)
    assert ax.lines[0].get_xdata().tolist() == [1990, 1991]
    by_name = compare(pd.DataFrame({"g": ["A", "B"], "x": [1.0, 2.0]}), "x", by="g")
    with pytest.raises(ValueError, match=r"numbers \(years\); this table has 'A', 'B'"):
        plot_timeseries(by_name)
    plt.close("all")


def test_timeseries_of_no_year_at_all_says_so():
    t = pd.DataFrame({"year": [None, None], "x": [1.0, 2.0]})
    table = compare(t, "x", by="year", pairs="none", n_boot=100)
    with pytest.raises(ValueError, match=r"every group is '\(missing\)'"):
        plot_timeseries(table)


def test_rate_plots_draw_the_groups_with_the_most_documents_and_say_so():
    import analysis

    texts = [f"We may act in text {i}. It is clearly right and we must go." for i in range(40)]
    groups = [f"G{i % 35:02d}" for i in range(40)]  # G00-G04 have two documents each
    c = corpus.from_texts(texts, docvars={"country": groups})
    table = analysis.stat_hedging(c, by="country")
    ax = analysis.plot_hedging(table, max_groups=5)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["G00", "G01", "G02", "G03", "G04"]
    title = ax.get_title("left") + ax.get_title()  # the house style puts titles left
    assert title.endswith("the 5 largest of 35 groups (most documents, then words)")
    ax = analysis.plot_modality(analysis.stat_modality(c, by="country"))
    assert len(ax.get_xticklabels()) == 30
    ax = analysis.plot_rates(table, max_groups=None)
    title = ax.get_title("left") + ax.get_title()
    assert len(ax.get_xticklabels()) == 35 and title == (
        # too long for one line: one part a line
        "hedges and boosters by country\n95% intervals over documents\nno interval (fewer "
        "than 2 documents): G05, G06, G07 and 27 more"
    )
    with pytest.raises(
        ValueError, match="max_groups=0 must be a positive whole number, .auto. or None"
    ):
        analysis.plot_rates(table, max_groups=0)
    plt.close("all")


def test_largest_groups_keeps_a_missing_group_as_a_group():
    from analysis._plots import largest_groups

    groups = [f"g{i:02d}" for i in range(31)] + [float("nan")]
    table = pd.DataFrame({"group": groups, "documents": range(32)})
    kept, note = largest_groups(table, 30)
    assert len(kept) == 30 and kept["group"].isna().sum() == 1
    assert note == "the 30 largest of 32 groups (most documents)"


def test_groups_of_as_many_documents_are_ranked_by_their_words():
    from analysis._plots import largest_groups

    table = pd.DataFrame(
        {"group": ["a", "b", "c", "d"], "documents": [2, 2, 2, 3], "words": [10, 50, 30, 5]}
    )
    kept, note = largest_groups(table, 3)
    assert kept["group"].tolist() == ["b", "c", "d"]
    assert note == "the 3 largest of 4 groups (most documents, then words)"


def test_timeseries_lines_stop_at_missing_years_and_bare_points_are_named():
    t = pd.DataFrame(
        {"year": [1990, 1990, 1991, 1991, 1995, 1995, 1996], "x": [1.0, 2, 2, 3, 5, 6, 4]}
    )
    table = compare(t, "x", by="year", pairs="none", n_boot=100)
    line = plot_timeseries(table).lines[0]
    assert line.get_xdata().tolist() == [1990, 1991, 1993, 1995, 1996]  # a break at 1993
    assert pd.isna(line.get_ydata()[2])
    decades = compare(
        pd.DataFrame({"year": [1950, 1950, 1960, 1960, 1970, 1970], "x": [1.0, 2, 3, 4, 5, 6]}),
        "x",
        by="year",
        pairs="none",
        n_boot=100,
    )
    assert plot_timeseries(decades).lines[0].get_xdata().tolist() == [1950, 1960, 1970]
    title = plot_rates(table).get_title(loc="left")
    assert title == (
        "x by year; 95% intervals over documents; no interval (fewer than 2 documents): 1996"
    )
    plt.close("all")


# --- a paper-figures trial: years, units, intervals, panels ------------------------

YEARS = list(range(1946, 2000))  # 54 years


@pytest.fixture(scope="module")
def yearly():
    """Two speeches a year for 54 years; the later years' speeches are shorter, so that
    ranking years by words would keep the early ones only."""
    texts, years = [], []
    for year in YEARS:
        filler = " and so on" * max(1, 2000 - year)
        for k in range(2):
            texts.append(f"We may perhaps act in {year}{filler}. It is surely right {k}.")
            years.append(year)
    return corpus.from_texts(texts, docvars={"year": years, "country": ["A", "B"] * len(YEARS)})


def _ticks(ax) -> list[str]:
    return [t.get_text() for t in ax.get_xticklabels()]


def _title(ax) -> str:
    return ax.get_title("left") + ax.get_title()  # the house style puts titles left


def test_bar_plots_of_years_draw_every_year_in_order(yearly):
    import analysis

    hedging = analysis.stat_hedging(yearly, by="year")
    ax = analysis.plot_hedging(hedging)
    assert _ticks(ax) == [str(y) for y in YEARS]
    assert "largest" not in _title(ax)
    ax = analysis.plot_modality(analysis.stat_modality(yearly, by="year"))
    assert _ticks(ax) == [str(y) for y in YEARS]
    table = compare(yearly, "hedges", by="year", pairs="none", n_boot=50)
    ax = plot_rates(table)
    assert _ticks(ax) == [str(y) for y in YEARS]
    assert "largest" not in _title(ax)
    # A table in another order (a concat, a sort by rate) is drawn in the years' order.
    shuffled = hedging.sort_values("rate")
    assert _ticks(analysis.plot_hedging(shuffled)) == [str(y) for y in YEARS]
    plt.close("all")


def test_an_explicit_max_groups_that_would_gap_the_years_is_an_error(yearly):
    import analysis

    hedging = analysis.stat_hedging(yearly, by="year")
    message = (
        r"max_groups=30 would leave out 24 of the 54 groups, which are points in time "
        r"\(year 1946 to 1999\).*max_groups='auto' or None.*c\.subset\(year=range\(1946, "
        r"1946 \+ 10\)\).*analysis\.plot_timeseries"
    )
    with pytest.raises(ValueError, match=message):
        analysis.plot_hedging(hedging, max_groups=30)
    with pytest.raises(ValueError, match=message):
        plot_rates(compare(yearly, "hedges", by="year", pairs="none", n_boot=50), max_groups=30)
    with pytest.raises(ValueError, match=message):
        analysis.plot_modality(analysis.stat_modality(yearly, by="year"), max_groups=30)
    assert len(_ticks(analysis.plot_hedging(hedging, max_groups=None))) == 54
    assert len(_ticks(analysis.plot_hedging(hedging, max_groups=60))) == 54
    with pytest.raises(ValueError, match="max_groups='30' must be a positive whole number"):
        analysis.plot_hedging(hedging, max_groups="30")
    plt.close("all")


def test_named_groups_and_documents_are_still_thinned():
    from analysis._plots import largest_groups
    from analysis.provenance import attach

    table = pd.DataFrame({"group": [str(i) for i in range(40)], "documents": range(40)})
    kept, note = largest_groups(attach(table.copy(), "stat_x", {"by": "doc_id"}), "auto")
    assert len(kept) == 30 and note == "the 30 largest of 40 groups (most documents)"
    years = table.assign(group=[str(1950 + i) for i in range(40)])
    kept, note = largest_groups(years, "auto")  # years: a series, all kept
    assert len(kept) == 40 and note == ""
    with_missing = pd.DataFrame({"group": ["(missing)", "1991", "1990"], "documents": [1, 2, 3]})
    kept, _ = largest_groups(with_missing, "auto")
    assert kept["group"].tolist() == ["1990", "1991", "(missing)"]


@pytest.fixture(scope="module")
def country_codes():
    """40 countries by their numeric codes (2, 20, 31, ..., 840, none a year), G00-G04's
    codes with two documents each, the rest one."""
    codes = [2, 20, 31, 32, 36, *range(40, 70), 203, 250, 276, 643, 840]
    texts = [f"We may perhaps act, surely {i}." for i in range(45)]
    return corpus.from_texts(texts, docvars={"code": [codes[i % 40] for i in range(45)]})


def test_numeric_codes_are_categories_thinned_to_the_largest(country_codes):
    import analysis

    hedging = analysis.stat_hedging(country_codes, by="code")
    ax = analysis.plot_hedging(hedging)
    assert _ticks(ax)[:5] == ["2", "20", "31", "32", "36"] and len(_ticks(ax)) == 30
    assert _title(ax).endswith("the 30 largest of 40 groups (most documents, then words)")
    ax = analysis.plot_modality(analysis.stat_modality(country_codes, by="code"))
    assert len(_ticks(ax)) == 30
    ax = plot_rates(hedging, max_groups=5)  # no error: codes are no series with gaps
    assert _ticks(ax) == ["2", "20", "31", "32", "36"]
    table = compare(country_codes, "hedges", by="code", pairs="none", n_boot=50)
    assert len(_ticks(plot_rates(table))) == 30
    plt.close("all")


def test_what_makes_numbered_groups_a_time_series():
    from analysis._plots import is_series
    from analysis.provenance import attach

    def grouped_by(by):
        return attach(pd.DataFrame(), "stat_x", {"by": by})

    assert is_series(["1946", "1947", "(missing)"], pd.DataFrame())  # years, unrecorded
    assert is_series(["1990.0", "1991.0"], pd.DataFrame())  # a year column with a NaN
    assert not is_series(["2", "20", "840"], pd.DataFrame())  # country codes
    assert not is_series(["999", "1990"], pd.DataFrame())  # outside 1000-2999
    assert not is_series(["1990.5", "1991"], pd.DataFrame())
    assert is_series(["1", "2", "40"], grouped_by("session"))  # UN sessions 1-78
    assert is_series(["1", "2"], grouped_by("Year"))
    assert not is_series(["1001", "1002"], grouped_by("doc_id"))
    assert not is_series(["7", "12"], grouped_by("speaker_id"))
    assert not is_series(["1990", "A"], grouped_by("year"))  # not all numbers
    assert not is_series(["1001", "1040"], grouped_by("speaker_id"))  # ids, not years
    assert is_series(["2024-02", "2024-03", "(missing)"], grouped_by("month"))  # ISO months
    assert is_series(["2024-02-01", "2024-03-07"], pd.DataFrame())  # ISO dates


def test_months_derived_from_dates_are_drawn_in_full_and_in_order():
    import analysis

    dates = [f"{2021 + k // 12}-{k % 12 + 1:02d}-15" for k in range(40)][::-1]
    c = corpus.from_texts([f"We may perhaps act {k}." for k in range(40)], docvars={"date": dates})
    c = c.with_docvars(month=lambda d: d["date"].dt.strftime("%Y-%m"))
    ax = analysis.plot_hedging(analysis.stat_hedging(c, by="month"))
    ticks = _ticks(ax)
    assert len(ticks) == 40 and ticks[:3] == ["2021-01", "2021-02", "2021-03"]
    assert ticks == sorted(ticks) and "largest" not in _title(ax)
    plt.close("all")


def test_sessions_are_drawn_in_order_and_speaker_ids_are_thinned():
    import analysis

    texts = [f"We may perhaps act, surely {i}." for i in range(40)]
    numbers = list(range(40, 0, -1))  # given in reverse: the plot orders them
    c = corpus.from_texts(texts, docvars={"session": numbers, "speaker": numbers})
    ax = analysis.plot_hedging(analysis.stat_hedging(c, by="session"))
    assert _ticks(ax) == [str(n) for n in range(1, 41)] and "largest" not in _title(ax)
    ax = analysis.plot_hedging(analysis.stat_hedging(c, by="speaker"))
    assert len(_ticks(ax)) == 30 and "the 30 largest of 40 groups" in _title(ax)
    plt.close("all")


def test_plots_of_compare_name_the_unit_of_rate_measures(yearly):
    hedges = compare(yearly, "hedges", by="year", pairs="none", n_boot=50)
    assert hedges.attrs["rate_per_words"] == 1000
    assert plot_timeseries(hedges).get_ylabel() == "hedges (rate per 1,000 words)"
    assert plot_rates(hedges).get_ylabel() == "hedges (rate per 1,000 words)"
    nuclear = compare(yearly, "rate:perhaps", by="year", pairs="none", n_boot=50)
    assert plot_timeseries(nuclear).get_ylabel() == "rate:perhaps (rate per 10,000 words)"
    ttr = compare(yearly, "ttr", by="year", pairs="none", n_boot=50)
    assert "rate_per_words" not in ttr.attrs
    ax = plot_timeseries(ttr)
    assert ax.get_ylabel() == "ttr (mean per document)"
    assert ax.get_legend().get_title().get_text() == "mean of documents' values"
    # A table's own column called "hedges" may be anything: no unit is claimed for it.
    own = pd.DataFrame({"year": [1990, 1990, 1991, 1991], "hedges": [1.0, 2, 3, 4]})
    assert (
        plot_rates(compare(own, "hedges", by="year")).get_ylabel() == "hedges (mean per document)"
    )
    plt.close("all")


def _legend_texts(ax) -> list[str]:
    return [t.get_text() for t in ax.get_legend().get_texts()]


def test_every_rate_plot_says_its_intervals_are_over_documents(yearly):
    import analysis

    c = yearly.subset(year=[1990, 1991])
    ax = analysis.plot_hedging(analysis.stat_hedging(c, by="country"))
    assert _title(ax) == "Hedging and boosting\n95% intervals over documents"
    assert ax.get_ylabel() == "rate per 1,000 words"
    assert _legend_texts(ax) == ["hedges", "boosters", "95% interval over documents"]
    assert ax.get_legend().get_title().get_text() == "mean of documents' rates"
    ax = analysis.plot_modality(analysis.stat_modality(c, by="country"))
    assert _title(ax) == "Modality\n95% intervals over documents"
    assert _legend_texts(ax)[-1] == "95% interval over documents"
    ax = analysis.plot_comparisons(analysis.stat_comparisons(c, by="country"))
    assert _title(ax) == "Comparisons\n95% intervals over documents"
    assert _legend_texts(ax) == ["A", "B", "95% interval over documents"]
    assert ax.get_legend().get_title().get_text() == "mean of documents' rates by group"
    table = compare(c, "hedges", by="country", pairs="none", n_boot=50)
    ax = plot_rates(table)
    assert _title(ax) == "hedges by country; 95% intervals over documents"
    assert _legend_texts(ax) == ["hedges", "95% interval over documents"]
    ax = plot_timeseries(compare(c, "hedges", by="year", pairs="none", n_boot=50))
    assert _title(ax) == "hedges by year; 95% intervals over documents"
    assert _legend_texts(ax) == ["hedges", "95% interval over documents"]
    assert ax.get_legend().get_title().get_text() == "mean of documents' rates"
    # compare's level= is the coverage said.
    ax = plot_rates(compare(c, "hedges", by="country", pairs="none", n_boot=50, level=0.9))
    assert _title(ax) == "hedges by country; 90% intervals over documents"
    plt.close("all")


def test_plot_comparisons_draws_the_overlapping_totals_apart_from_the_types():
    import analysis

    table = analysis.stat_comparisons(WRONG_TABLE_CORPUS, by="country")
    ax = analysis.plot_comparisons(table)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [
        "explicit",
        "simile",
        "comparative",
        "superlative",
        "all comparisons (the types summed)",
        "historical (of any type)",
    ]
    ticks = ax.get_yticks()
    separator = [line for line in ax.lines if line.get_linestyle() == "--"]
    assert len(separator) == 1
    assert ticks[3] < separator[0].get_ydata()[0] < ticks[4]
    plt.close("all")


def _inside(inner, outer, slack: float = 1.0) -> bool:
    return (
        inner.x0 >= outer.x0 - slack
        and inner.x1 <= outer.x1 + slack
        and inner.y0 >= outer.y0 - slack
        and inner.y1 <= outer.y1 + slack
    )


def test_a_legend_stays_inside_the_axes_it_was_given(yearly):
    import analysis

    c = yearly.subset(year=[1990, 1991])
    hedging = analysis.stat_hedging(c, by="country")
    modality = analysis.stat_modality(c, by="country")
    fig, axes = plt.subplots(1, 2)
    analysis.plot_hedging(hedging, ax=axes[0])
    analysis.plot_modality(modality, ax=axes[1])
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for ax in axes:
        legend = ax.get_legend().get_window_extent(renderer)
        assert _inside(legend, ax.get_window_extent(renderer))
    fig, axes = plt.subplots(1, 2)
    plot_timeseries(compare(c, "hedges", by="year", pairs="none", n_boot=50), ax=axes[0])
    plot_rates(compare(c, "hedges", by="country", pairs="none", n_boot=50), ax=axes[1])
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for ax in axes:
        legend = ax.get_legend().get_window_extent(renderer)
        assert _inside(legend, ax.get_window_extent(renderer))
    # A figure of its own keeps the legend right of the Axes, off the bars.
    ax = analysis.plot_hedging(hedging)
    ax.figure.canvas.draw()
    own = ax.figure.canvas.get_renderer()
    assert ax.get_legend().get_window_extent(own).x0 >= ax.get_window_extent(own).x1
    plt.close("all")


def test_keyness_bars_without_a_p_value_are_not_drawn_as_significant(g2_and_ratio_disagree):
    table = stat_keyness(g2_and_ratio_disagree, by="country", target="RUS", min_count=1)
    table = table.assign(p_adjusted=float("nan"))
    fig, ax = plt.subplots()
    plot_keyness(table, ax=ax, top_n=3)
    assert all(p.get_hatch() == "//" for p in ax.patches)
    plt.close(fig)


def test_keyness_legend_names_the_rest_as_the_other_groups():
    c = corpus.from_texts(
        ["peace law", "trade growth", "war arms"], docvars={"country": ["RUS", "USA", "FRA"]}
    )
    fig, ax = plt.subplots()
    plot_keyness(stat_keyness(c, by="country", target="RUS", min_count=1), ax=ax)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[:2] == ["more frequent in RUS", "more frequent in the other 2 groups"]
    plt.close(fig)


def test_keyness_legend_names_documents_without_a_value_apart_from_the_groups():
    texts = ["peace law", "trade growth", "war arms", "peace now", "trade arms"]
    c = corpus.from_texts(texts, docvars={"country": ["RUS", "USA", "FRA", None, None]})
    table = stat_keyness(c, by="country", target="RUS", min_count=1)
    # the two documents without a country are in the reference, as their words show
    assert table.set_index("term").loc["now", "count_reference"] == 1
    assert table.attrs["reference_groups"] == ["FRA", "USA"]
    assert table.attrs["reference_missing_documents"] == 2
    fig, ax = plt.subplots()
    plot_keyness(table, ax=ax)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[1] == "more frequent in the other 2 groups and 2 documents without a country"
    plt.close(fig)
    # the documents without a country as the target: the rest is every named group
    table = stat_keyness(c, by="country", target="(missing)", min_count=1)
    assert table.attrs["reference_groups"] == ["FRA", "RUS", "USA"]
    assert table.attrs["reference_missing_documents"] == 0
    legend = [t.get_text() for t in plot_keyness(table).get_legend().get_texts()]
    assert legend[:2] == ["more frequent in (missing)", "more frequent in the other 3 groups"]
    plt.close("all")


def test_keyness_legend_of_one_group_and_documents_without_a_value():
    c = corpus.from_texts(
        ["peace law", "trade growth", "war arms"], docvars={"country": ["RUS", "USA", None]}
    )
    table = stat_keyness(c, by="country", target="RUS", min_count=1)
    legend = [t.get_text() for t in plot_keyness(table).get_legend().get_texts()]
    assert legend[1] == "more frequent in USA and 1 document without a country"
    plt.close("all")


def test_plot_titles_name_the_voice_a_table_was_counted_in():
    import analysis

    c = corpus.from_texts(
        [
            'The minister said: "We may perhaps act, as we did in 1990." It is surely right.',
            'Officials said: "Peace is certainly near." Perhaps it may rain.',
            'The editor wrote: "It may be so, like a storm." Talks must go on.',
            'He said: "Trade may grow." No one else is quoted, and it may perhaps rain.',
        ],
        docvars={"outlet": ["A", "A", "B", "B"], "year": [1990, 1991, 1990, 1991]},
    )
    for voice, named in (("quoted", ", quoted voice"), ("authorial", ", authorial voice")):
        options = {"by": "outlet", "voice": voice}
        ax = analysis.plot_hedging(analysis.stat_hedging(c, **options))
        assert _title(ax) == f"Hedging and boosting{named}\n95% intervals over documents"
        ax = analysis.plot_modality(analysis.stat_modality(c, **options))
        assert _title(ax) == f"Modality{named}\n95% intervals over documents"
        ax = analysis.plot_comparisons(analysis.stat_comparisons(c, **options))
        assert _title(ax) == f"Comparisons{named}\n95% intervals over documents"
        compared = compare(c, "hedges", pairs="none", n_boot=50, **options)
        start = f"{voice.capitalize()} voice; "
        assert (
            _title(plot_rates(compared)) == start + "hedges by outlet; 95% intervals over documents"
        )
        yearly = compare(c, "hedges", by="year", voice=voice, pairs="none", n_boot=50)
        assert (
            _title(plot_timeseries(yearly))
            == start + "hedges by year; 95% intervals over documents"
        )
        keyness = stat_keyness(c, by="outlet", target="A", voice=voice, min_count=1)
        assert _title(plot_keyness(keyness)) == f"{voice.capitalize()} voice"
        per_document = analysis.term_by_document(c, "may", voice=voice)
        ax = analysis.plot_dispersion(per_document, order_by=None)
        assert _title(ax) == f"Dispersion of “may” over 4 documents{named}"
        plt.close("all")
    # every voice, by default or asked for: the titles as they were
    for options in ({"by": "outlet"}, {"by": "outlet", "voice": "all"}):
        ax = analysis.plot_hedging(analysis.stat_hedging(c, **options))
        assert _title(ax) == "Hedging and boosting\n95% intervals over documents"
        compared = compare(c, "hedges", pairs="none", n_boot=50, **options)
        assert _title(plot_rates(compared)) == "hedges by outlet; 95% intervals over documents"
        keyness = stat_keyness(c, target="A", min_count=1, **options)
        assert _title(plot_keyness(keyness)) == ""
        ax = analysis.plot_dispersion(c, "may", order_by=None)
        assert _title(ax) == "Dispersion of “may” over 4 documents"
        plt.close("all")


def test_a_point_plot_marks_groups_without_a_value_too():
    c = corpus.from_texts(
        ["Perhaps.", "Perhaps we may act soon.", "It may rain, perhaps, today."],
        docvars={"country": ["A", "B", "B"]},
    )
    table = compare(c, "hedges", by="country", min_words=5)
    fig, ax = plt.subplots()
    plot_rates(table, ax=ax)
    assert ax.get_xlim() == (-0.5, 1.5)
    assert [(t.get_text(), t.xy[0]) for t in ax.texts] == [("n/a", 0)]
    assert ax.get_title(loc="left").endswith("n/a (no document counted): A")
    plt.close(fig)


def test_a_plot_of_compare_with_clusters_says_its_units():
    t = pd.DataFrame(
        {
            "bloc": ["A"] * 5 + ["B"] * 2,
            "country": ["a", "a", "b", "b", "c", "d", "d"],
            "x": [1.0, 2, 3, 4, 2, 5, 7],
        }
    )
    table = compare(t, "x", by="bloc", cluster="country", pairs="none", n_boot=100)
    ax = plot_rates(table)
    assert _title(ax) == (
        "x by bloc; 95% intervals over country means; no interval (fewer than 2 country means): B"
    )
    assert _legend_texts(ax)[-1] == "95% interval over country means"
    assert ax.get_legend().get_title().get_text() == "mean of country means of documents' values"
    plt.close("all")


def test_bars_of_a_table_of_zeros_start_at_zero():
    from analysis import plot_hedging, plot_modality, stat_hedging, stat_modality

    c = corpus.from_texts(["We act today.", "They act now."], docvars={"side": ["A", "B"]})
    hedging = stat_hedging(c, by="side")
    assert hedging["rate"].tolist() == [0.0, 0.0, 0.0, 0.0]  # no hedge, no booster
    ax = plot_hedging(hedging)
    assert ax.get_ylim()[0] == 0  # not -0.05 around the zeros
    assert plot_modality(stat_modality(c, by="side")).get_ylim()[0] == 0
    plt.close("all")
