"""Match rows into tables where they are found.

A detector's rows (one tuple per match) used to cross process borders one Python
object at a time and become a DataFrame in the main process, after the workers had
finished: on a whole archive that was the slowest serial step of ``find_hedges`` and
``find_modals``. With :class:`RowsTable` as ``map_documents``' ``combine``, each worker
builds its chunk's table, and the main process only concatenates them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True)
class RowsTable:
    """Build a table from per-document row lists (a picklable ``combine`` function).

    Parameters:
        columns: the table's columns, in row order.
        dtypes: column -> dtype for the columns that must not be inferred.
        rows_at: where a document's rows are when its result is a tuple (such as
            ``(rows, words)``); None when the result is the row list itself.

    Example:
        >>> build = RowsTable(("doc_id", "start"), {"start": "int64"})
        >>> build([[("a", 1)], [], [("b", 5)]])["start"].tolist()
        [1, 5]
    """

    columns: tuple[str, ...]
    dtypes: dict[str, object] = field(default_factory=dict)
    rows_at: int | None = None

    def __call__(self, results: list) -> pd.DataFrame:
        if self.rows_at is None:
            rows = [row for part in results for row in part]
        else:
            rows = [row for part in results for row in part[self.rows_at]]
        return pd.DataFrame(rows, columns=list(self.columns)).astype(self.dtypes)

    def concat(self, parts: list[pd.DataFrame]) -> pd.DataFrame:
        """One table from the chunks' tables, in order (the same as building it from all
        rows at once: empty parts, whose text columns have no type yet, are left out)."""
        filled = [part for part in parts if len(part)]
        if not filled:
            return self([])
        if len(filled) == 1:
            return filled[0].reset_index(drop=True)
        return pd.concat(filled, ignore_index=True)
