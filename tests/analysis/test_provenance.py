"""Tests for analysis.provenance: what a result table's record says about its making."""

from analysis import stat_hedging


def test_rate_tables_record_their_bootstrap_and_the_inputs_read():
    record = stat_hedging(["We may go.", "Perhaps."]).attrs["provenance"]
    assert record["bootstrap"] == {
        "over": "documents",
        "resamples": 2000,
        "seed": 20261127,
        "level": 0.95,
    }
    assert record["corpus"]["inputs"] == {"loaded": 2}
