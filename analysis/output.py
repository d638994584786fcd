"""Writing tables and figures that are byte-identical on every run and say where they came from.

Each written file gets a sidecar ``<file name>.provenance.json`` (e.g.
``keyness.csv.provenance.json``) holding the result's provenance record plus the
file's name, format and sha256. Figures also carry the record inside the file:
a PNG text chunk ``provenance``, the SVG ``<metadata>`` description, the PDF
Subject. Nothing written names a user, a machine or a local path, and nothing
depends on the clock.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import re
import warnings
import zipfile
from pathlib import Path
from typing import Any

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from corpus.errors import check_choice

from .provenance import combine_records, make_record, scrub_path, shown_calls, shown_record
from .style import STYLE_PATH

TABLE_FORMATS = ("csv", "tsv", "parquet", "json", "xlsx")
FIGURE_FORMATS = ("png", "svg", "pdf")
# Floats are written in full (the shortest text that reads back as the same number),
# so a file carries exactly the values of the table; pass float_format= to round.
FLOAT_FORMAT: str | None = None
CREATOR = "communique"
SIDECAR_SUFFIX = ".provenance.json"


def provenance_path(path: str | Path) -> Path:
    """Where the provenance sidecar of ``path`` goes: ``<path>.provenance.json``."""
    path = Path(path)
    return path.with_name(path.name + SIDECAR_SUFFIX)


def write_table(
    table: pd.DataFrame,
    path: str | Path,
    *,
    provenance: Provenance = None,
    float_format: str | None = FLOAT_FORMAT,
) -> Path:
    """Write a result table (CSV, TSV, Parquet, JSON or Excel by extension) and its provenance.

    The bytes depend only on the table: floats are written in full (text formats),
    line endings are ``\\n``, the index is written only when it means something (it
    has a name or is not a plain row number), and Parquet and Excel files carry no
    timestamps. An Excel workbook has one sheet named after the function and the
    record in its document properties (Description).

    Parameters:
        table: a result table; its ``attrs["provenance"]`` is the record written.
        path: output file; the extension picks the format (``.csv, .tsv, .parquet, .json,
            .xlsx``).
        provenance: a record to use instead of the table's own, the result table it
            comes from, or a list of them: a table put together from several results
            (``pd.concat``, ``merge`` and ``pivot`` drop their records) gets a record
            listing each source's under ``sources``. A table with no record, and none
            given, is written with a bare one ("analysis.unknown") and a UserWarning.
        float_format: printf format for floats in CSV/TSV/JSON, e.g. ``"%.6g"`` (default:
            every float in full, so reading the file back gives the same numbers).

    Returns:
        The path written. ``<path>.provenance.json`` is written beside it.

    Example:
        >>> import tempfile
        >>> from analysis import stat_frequency
        >>> table = stat_frequency("We may go. We may not.", top_n=2)
        >>> out = write_table(table, Path(tempfile.mkdtemp()) / "t.csv")
        >>> out.read_text().splitlines()[:2]
        ['term,group,count,per_10k,doc_count,range', 'may,all,2,3333.333333333333,1,1.0']
    """
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    check_choice("path extension", fmt, TABLE_FORMATS)
    given = _given_record(provenance)
    record = _record(given if given is not None else table.attrs.get("provenance"))
    if _is_bare(record):
        _warn_unrecorded("write_table", "the table", path)
    path.parent.mkdir(parents=True, exist_ok=True)
    keep_index = _index_is_meaningful(table)
    plain = table.copy()
    plain.attrs = {}
    if fmt in ("csv", "tsv"):
        text = plain.to_csv(
            sep="," if fmt == "csv" else "\t",
            index=keep_index,
            float_format=float_format,
            lineterminator="\n",
        )
        path.write_bytes(text.encode("utf-8"))
    elif fmt == "json":
        path.write_bytes(_table_json(plain, keep_index, float_format).encode("utf-8"))
    elif fmt == "xlsx":
        path.write_bytes(_xlsx_bytes(plain, keep_index, record))
    else:
        _write_parquet(plain, path, keep_index, record)
    _write_sidecar(
        path,
        record,
        {
            "format": fmt,
            "rows": len(table),
            "columns": [str(c) for c in table.columns],
        },
    )
    return path


def save_figure(
    fig: Figure | Axes,
    path: str | Path,
    *,
    provenance: Provenance = None,
    table: pd.DataFrame | None = None,
    dpi: float | None = None,
) -> Path:
    """Save a figure as PNG, SVG or PDF, byte-identical across runs, with its provenance.

    Parameters:
        fig: the Figure, or an Axes as returned by the ``plot_*`` functions.
        path: output file; the extension picks the format (``.png, .svg, .pdf``).
        provenance: the record to embed, the result table the figure shows, or a list
            of tables (a figure of several panels, or of a table put together from
            several results): the record then lists each source's under ``sources``.
            Without it, the record of ``table``, else that of the table the last
            ``plot_*`` call still shown on the figure drew (not one on an Axes since
            cleared or removed); with none at all, a bare record ("analysis.unknown")
            and a UserWarning. The record lists the ``plot_*`` calls still shown under
            ``plots``.
        table: the result table the figure shows (its ``attrs["provenance"]`` is used).
        dpi: resolution for PNG (default: the house style's 200).

    Returns:
        The path written. The record is embedded in the file (PNG text chunk
        ``provenance``, SVG metadata Description, PDF Subject) and written to
        ``<path>.provenance.json``.

    Example:
        >>> ax = plot_keyness(table)                      # doctest: +SKIP
        >>> save_figure(ax, "figures/keyness.svg", table=table)  # doctest: +SKIP
    """
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    check_choice("path extension", fmt, FIGURE_FORMATS)
    figure = fig.figure if isinstance(fig, Axes) else fig
    given = _given_record(provenance)
    if given is None and table is not None:
        given = table.attrs.get("provenance")
    if given is None:  # the record a plot_* function left on the figure, if still shown
        given = shown_record(figure)
    record = _record(given)
    if _is_bare(record):
        _warn_unrecorded("save_figure", "the figure (and table=)", path)
    plots = shown_calls(figure)
    if plots:  # the plot_* calls that drew what the figure shows, with their options
        record = {**record, "plots": plots}
    embedded = json.dumps(record, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    path.parent.mkdir(parents=True, exist_ok=True)
    title = str(record.get("function") or "figure")
    metadata: dict[str, Any]
    if fmt == "png":
        metadata = {"Software": CREATOR, "Title": title, "provenance": embedded}
    elif fmt == "svg":
        metadata = {"Creator": CREATOR, "Date": None, "Title": title, "Description": embedded}
    else:
        metadata = {
            "Creator": CREATOR,
            "Producer": CREATOR,
            "CreationDate": None,
            "ModDate": None,
            "Title": title,
            "Subject": embedded,
            "Keywords": _keywords(record),
        }
    # Settings read at save time (salt, font embedding, dpi) come from the house style,
    # whatever style was active when the figure was drawn.
    with matplotlib.rc_context(fname=STYLE_PATH):
        figure.savefig(path, format=fmt, metadata=metadata, dpi=dpi)
    _write_sidecar(path, record, {"format": fmt})
    return path


# --- records ----------------------------------------------------------------------

# What provenance= takes: a record, a result table, or a list of them.
Provenance = dict[str, Any] | pd.DataFrame | list | tuple | None


def _given_record(provenance: Provenance) -> dict[str, Any] | None:
    """The record ``provenance=`` stands for (None when it was not given): a record as
    it is, a table's own record, several tables' records combined."""
    if provenance is None or isinstance(provenance, dict):
        return provenance
    if isinstance(provenance, pd.DataFrame):
        return dict(provenance.attrs.get("provenance") or {})
    if isinstance(provenance, (list, tuple)):
        records = []
        for k, source in enumerate(provenance):
            if not isinstance(source, (dict, pd.DataFrame)):
                raise ValueError(
                    f"provenance[{k}] is a {type(source).__name__}; provenance= takes a "
                    "list of result tables (or of their records)"
                )
            record = _given_record(source)
            if not record:
                warnings.warn(
                    f"provenance[{k}] carries no provenance record: the record written "
                    "lists it as 'analysis.unknown'; pass the table a stat_*/find_* "
                    "function returned, before pd.concat, merge or pivot",
                    UserWarning,
                    stacklevel=3,
                )
            records.append(record)
        return combine_records(records) if records else None
    raise ValueError(
        f"provenance={type(provenance).__name__} is not valid; give a result table, a "
        "list of result tables (e.g. provenance=[hedging, modality]) or a record (a dict)"
    )


def _is_bare(record: dict[str, Any]) -> bool:
    return record.get("function") == "analysis.unknown"


def _warn_unrecorded(function: str, what: str, path: Path) -> None:
    warnings.warn(
        f"{function}: {what} carries no provenance record (pd.concat, merge and pivot "
        f"drop it), so {path.name}{SIDECAR_SUFFIX} names no function, corpus, lexicons "
        "or parameters; pass provenance= the source tables, e.g. "
        f"{function}(..., provenance=[hedging, modality])",
        UserWarning,
        stacklevel=3,
    )


def _record(provenance: dict[str, Any] | None) -> dict[str, Any]:
    """The record to write: the given one (scrubbed of local paths) or a bare one."""
    if not provenance:
        return make_record("unknown", {})
    return _scrub(dict(provenance))


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return scrub_path(value)
    if isinstance(value, dict):
        return {str(k): _scrub(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_scrub(v) for v in value]
    return value


def _keywords(record: dict[str, Any]) -> str:
    corpus_info = record.get("corpus") or {}
    parts = ["communique", str(record.get("function") or "")]
    if corpus_info.get("fingerprint"):
        parts.append(f"corpus:{corpus_info['fingerprint']}")
    return "; ".join(p for p in parts if p)


def write_provenance(path: str | Path, table: pd.DataFrame, *, fmt: str) -> Path:
    """Write ``<path>.provenance.json`` for a file already written from ``table``.

    For outputs not written by :func:`write_table` (e.g. the CLI's text formats).
    """
    path = Path(path)
    _write_sidecar(path, _record(table.attrs.get("provenance")), {"format": fmt})
    return provenance_path(path)


def _write_sidecar(path: Path, record: dict[str, Any], output: dict[str, Any]) -> None:
    output = {"file": path.name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest(), **output}
    text = json.dumps({**record, "output": output}, sort_keys=True, indent=2, ensure_ascii=False)
    provenance_path(path).write_bytes((text + "\n").encode("utf-8"))


# --- tables -----------------------------------------------------------------------


def _index_is_meaningful(table: pd.DataFrame) -> bool:
    """A named index, or labels that are not row numbers, are data worth writing."""
    index = table.index
    if any(name is not None for name in index.names):
        return True
    return not pd.api.types.is_integer_dtype(index.dtype)


def table_json(table: pd.DataFrame, *, float_format: str | None = FLOAT_FORMAT) -> str:
    """A table as the JSON :func:`write_table` writes (a list of row objects; floats in
    full unless ``float_format``; missing values and NaN as null), for printing.

    Example:
        >>> print(table_json(pd.DataFrame({"term": ["peace"], "rate": [1 / 3]})), end="")
        [
          {
            "term": "peace",
            "rate": 0.3333333333333333
          }
        ]
    """
    return _table_json(table, False, float_format)


def _table_json(table: pd.DataFrame, keep_index: bool, float_format: str | None) -> str:
    if keep_index:
        table = table.reset_index()
    if (table.dtypes == np.float32).any():
        table = table.copy()  # the caller's table keeps its columns
    for column in table.columns[table.dtypes == np.float32]:
        # float32 as its own shortest text (0.1), not its float64 expansion, as in CSV
        table[column] = [float(str(v)) for v in table[column].to_numpy()]
    records = [
        {str(column): _json_value(value, float_format) for column, value in row.items()}
        for row in table.to_dict("records")
    ]
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


def _json_value(value: Any, float_format: str | None) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        if math.isnan(value) or math.isinf(value):
            return None
        return float(float_format % value) if float_format else value
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if isinstance(value, (list, tuple, np.ndarray)):
        return [_json_value(v, float_format) for v in value]
    return str(value) if not isinstance(value, str) else value


def _write_parquet(table: pd.DataFrame, path: Path, keep_index: bool, record: dict) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow = pa.Table.from_pandas(table, preserve_index=keep_index)
    metadata = dict(arrow.schema.metadata or {})
    metadata[b"communique.provenance"] = json.dumps(record, sort_keys=True).encode("utf-8")
    arrow = arrow.replace_schema_metadata(metadata)
    # No statistics-free tricks needed: Parquet files carry no clock time, only the
    # writer's version string, which is fixed for an installation.
    pq.write_table(arrow, path, compression="snappy")


def _xlsx_bytes(table: pd.DataFrame, keep_index: bool, record: dict) -> bytes:
    """An Excel workbook of ``table`` whose bytes do not depend on when it was written."""
    function = str(record.get("function") or "table").removeprefix("analysis.")
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _excel_cells(table).to_excel(writer, sheet_name=_sheet_name(function), index=keep_index)
        properties = writer.book.properties
        properties.creator = CREATOR
        properties.title = function
        properties.description = json.dumps(record, sort_keys=True, ensure_ascii=False)
    return _without_clock(buffer.getvalue())


def _excel_cells(table: pd.DataFrame) -> pd.DataFrame:
    """Lists, tuples, sets and dicts as JSON text: a cell holds one value."""
    out = table.copy()
    for column in out.columns:
        if pd.api.types.is_object_dtype(out[column].dtype):
            out[column] = [_excel_cell(v) for v in out[column]]
    return out


def _excel_cell(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        value = sorted(value, key=str)
    if isinstance(value, (list, tuple, np.ndarray)):
        return json.dumps(_json_value(value, None), ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return value


def _sheet_name(name: str) -> str:
    # Excel: at most 31 characters, none of []:*?/\
    return re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "table"


_CORE_DATES = re.compile(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")


def _without_clock(workbook: bytes) -> bytes:
    """The workbook re-zipped with fixed entry dates and no created/modified properties.

    openpyxl stamps both properties with the current time and zip entries carry the
    local time they were written; both are dropped so equal tables give equal bytes.
    """
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(workbook)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _CORE_DATES.sub(b"", data)
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, data)
    return out.getvalue()


__all__ = [
    "FIGURE_FORMATS",
    "TABLE_FORMATS",
    "provenance_path",
    "save_figure",
    "table_json",
    "write_table",
]
