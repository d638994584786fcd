"""Check ``compare(..., cluster=)`` on UN speeches: NATO against the Soviet bloc.

Usage:
    python benchmarks/check_compare_cluster.py [PATH] [--draws 200]

PATH: an unpacked folder of UN General Debate sessions (one folder per session, e.g. the
1980s, sessions 35-44); by default /tmp/s80s. Skips (exit 0) when absent; nothing from
the data is written anywhere.

1. The hedges of NATO's speeches against the Soviet bloc's, with the speeches as the
   units and with the countries (``cluster="country"``), beside two computations of
   its own: scipy's Welch test on the countries' means, and a regression of the
   speeches' rates on the bloc with errors clustered by country (CR1, t with the
   countries less one degrees of freedom).
2. False alarms: ``--draws`` random splits of the same 25 countries into 16 and 9 (no
   bloc difference by construction), how often each unit gives p < 0.05.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

import analysis
import corpus

# The blocs of the 1980s by the ISO codes of the archive's file names: NATO's 16 members
# (Spain from 1982, counted for the decade) and the Warsaw Pact's 7 with the two Soviet
# republics that had their own UN seats.
NATO = "USA CAN GBR FRA DEU ITA NLD BEL LUX DNK NOR ISL PRT GRC TUR ESP".split()
SOVIET_BLOC = "RUS POL CSK HUN ROU BGR DDR UKR BLR".split()


def clustered_regression_p(rates: pd.Series, blocs: pd.Series, countries: pd.Series) -> float:
    """The two-sided p of the bloc's coefficient in an OLS of the rates on a bloc dummy,
    with the cluster-robust (CR1) variance and t with G - 1 degrees of freedom, as Stata's
    ``regress rate nato, vce(cluster country)`` gives it."""
    y = rates.to_numpy(float)
    x = np.column_stack([np.ones(len(y)), (blocs == "NATO").to_numpy(float)])
    bread = np.linalg.inv(x.T @ x)
    beta = bread @ x.T @ y
    residuals = y - x @ beta
    meat = np.zeros((2, 2))
    for country in countries.unique():
        rows = (countries == country).to_numpy()
        score = x[rows].T @ residuals[rows]
        meat += np.outer(score, score)
    n, k, g = len(y), x.shape[1], countries.nunique()
    variance = bread @ meat @ bread * (g / (g - 1)) * ((n - 1) / (n - k))
    t = beta[1] / np.sqrt(variance[1, 1])
    return float(2 * stats.t.sf(abs(t), g - 1))


def per_speech_hedges(path: Path) -> pd.DataFrame:
    """Each NATO or Soviet-bloc speech's hedges per 1,000 words, its country and bloc."""
    c = corpus.read_corpus(path, cache=True)
    blocs = {**dict.fromkeys(NATO, "NATO"), **dict.fromkeys(SOVIET_BLOC, "Soviet bloc")}
    c = c.with_docvars(bloc=lambda d: d["country"].map(blocs))
    rates = analysis.stat_hedging(c, by="doc_id")
    rates = rates[rates["measure"] == "hedges"].set_index("group")["rate"]
    table = c.docvars.join(rates.rename("hedges")).dropna(subset=["bloc"])
    return table.reset_index()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default="/tmp/s80s")
    parser.add_argument("--draws", type=int, default=200)
    args = parser.parse_args()
    if not Path(args.path).exists():
        print(f"no UN speeches at {args.path}: skipped")
        return 0
    table = per_speech_hedges(Path(args.path))
    speeches = analysis.compare(table, "hedges", by="bloc")
    countries = analysis.compare(table, "hedges", by="bloc", cluster="country")
    means = table.groupby(["bloc", "country"])["hedges"].mean()
    welch = stats.ttest_ind(means["NATO"], means["Soviet bloc"], equal_var=False).pvalue
    regression = clustered_regression_p(table["hedges"], table["bloc"], table["country"])
    columns = ["group", "group_b", "documents", "documents_b", "estimate", "p_value"]
    print(speeches[speeches["kind"] == "difference"][columns].to_string(index=False))
    clustered = countries[countries["kind"] == "difference"]
    print(clustered[[*columns, "clusters", "clusters_b"]].to_string(index=False))
    print(f"scipy Welch on the country means: p = {welch:.4f}")
    print(f"regression clustered by country:  p = {regression:.4f}")

    rng = np.random.default_rng(1)
    names = np.array(NATO + SOVIET_BLOC)
    alarms = {"speeches": 0, "countries": 0}
    warnings.simplefilter("ignore")
    for _ in range(args.draws):
        fake = dict(zip(rng.permutation(names), ["X"] * 16 + ["Y"] * 9, strict=True))
        shuffled = table.assign(bloc=table["country"].map(fake))
        for unit, cluster in (("speeches", None), ("countries", "country")):
            p = analysis.compare(shuffled, "hedges", by="bloc", cluster=cluster, n_boot=200)
            alarms[unit] += int(p["p_value"].iloc[-1] < 0.05)
    for unit, count in alarms.items():
        print(f"random blocs, {unit} as units: p < 0.05 in {count} of {args.draws}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
