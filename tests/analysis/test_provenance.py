def test_rate_tables_record_their_bootstrap_and_the_inputs_read():
    from analysis import stat_hedging

    record = stat_hedging(["We may go.", "Perhaps."]).attrs["provenance"]
    assert record["bootstrap"] == {
        "over": "documents",
        "resamples": 2000,
        "seed": 20261127,
        "level": 0.95,
    }
    assert record["corpus"]["inputs"] == {"loaded": 2}
