"""RowsTable: chunk tables concatenate to the table of all rows built at once."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from analysis._tables import RowsTable

BUILD = RowsTable(("doc_id", "start", "match", "negated"), {"start": "int64", "negated": bool})
ROW = st.tuples(
    st.sampled_from(["d1", "d2"]), st.integers(0, 10**6), st.text(max_size=5), st.booleans()
)


def test_rows_at_reads_rows_inside_tuple_results():
    build = RowsTable(("doc_id", "start"), {"start": "int64"}, rows_at=0)
    table = build([([("a", 3)], 17), ([], 4), ([("b", 1), ("b", 2)], 9)])
    assert table.values.tolist() == [["a", 3], ["b", 1], ["b", 2]]


def test_no_rows_gives_the_columns_and_fixed_types():
    table = BUILD.concat([BUILD([]), BUILD([[]])])
    assert list(table.columns) == ["doc_id", "start", "match", "negated"]
    assert len(table) == 0
    assert table["start"].dtype == "int64" and table["negated"].dtype == bool


@given(st.lists(st.lists(st.lists(ROW, max_size=3), max_size=4), max_size=5))
def test_concatenated_parts_equal_the_table_built_at_once(chunks):
    whole = BUILD([doc for chunk in chunks for doc in chunk])
    parts = BUILD.concat([BUILD(chunk) for chunk in chunks])
    pd.testing.assert_frame_equal(parts, whole)
