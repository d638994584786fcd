"""The UN General Debate Corpus layout: ``Session NN - YYYY/ISO_NN_YYYY.txt``.

Recognised without options. A ``Speakers_by_session.xlsx`` (or a CSV export of it)
in the folder adds ``speaker``, ``post`` and ``country_name``.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pandas as pd

from .errors import CorpusError

_UN_FILE = re.compile(r"\A(?P<country>[A-Z]{2,3}|EU)_(?P<session>\d{1,2})_(?P<year>\d{4})\.txt\Z")
SPEAKER_TABLE_NAMES = (
    "Speakers_by_session.xlsx",
    "Speakers_by_session.csv",
    "speakers_by_session.csv",
)
_SPEAKER_COLUMNS = {
    "ISO Code": "country",
    "Year": "year",
    "Name of Person Speaking": "speaker",
    "Post": "post",
    "Country": "country_name",
}


def un_layout_meta(file: Path) -> dict:
    """``country``, ``session`` and ``year`` from a UN file name ({} for other names)."""
    match = _UN_FILE.match(file.name)
    if not match:
        return {}
    meta = match.groupdict()
    return {
        "country": meta["country"],
        "session": int(meta["session"]),
        "year": int(meta["year"]),
        "un_layout": True,
    }


def find_speakers_table(folder: Path) -> Path | None:
    """The speakers table in ``folder`` or its parent, if there is one."""
    for directory in (folder, folder.parent):
        for name in SPEAKER_TABLE_NAMES:
            if (directory / name).is_file():
                return directory / name
    return None


def _read_workbook(path: Path) -> pd.DataFrame:
    # calamine gives the same table as openpyxl (checked on the UN workbook), 7x faster.
    try:
        import python_calamine  # noqa: F401
    except ImportError:
        return pd.read_excel(path, engine="openpyxl")
    return pd.read_excel(path, engine="calamine")


def read_speakers(path: Path) -> pd.DataFrame:
    """The speakers table with columns country, year, speaker, post, country_name."""
    try:
        table = _read_workbook(path) if path.suffix == ".xlsx" else pd.read_csv(path)
    except Exception as exc:  # the Excel readers and the csv parser raise many types
        raise CorpusError(f"{path}: cannot read the speakers table ({exc})") from exc
    missing = [c for c in ("ISO Code", "Year") if c not in table.columns]
    if missing:
        raise CorpusError(
            f"{path}: the speakers table needs the columns {missing}; columns are: "
            f"{', '.join(map(str, table.columns))}"
        )
    table = table.rename(columns=_SPEAKER_COLUMNS)
    table = table[[c for c in _SPEAKER_COLUMNS.values() if c in table.columns]]
    table["year"] = pd.to_numeric(table["year"], errors="coerce").astype("Int64")
    for column in ("speaker", "post", "country_name", "country"):
        if column in table.columns:
            # "Mr.  Kissinger" and "Mr. Kissinger" are one speaker: runs of spaces
            # (and non-breaking spaces) in the workbook become one space.
            table[column] = (
                table[column].astype("string").str.replace(r"\s+", " ", regex=True).str.strip()
            )
    # Several rows for one country and year are kept: join_speakers uses the first and
    # says so on the speech's report row.
    return table.dropna(subset=["year"])


def join_speakers(metas: list[dict], speakers: pd.DataFrame, source: str = "") -> dict[int, str]:
    """Add speaker, post and country_name to UN-layout docvars, in place (``speakers``:
    the table :func:`read_speakers` gives; ``source``: its name in the notes).

    Returns:
        A note for the load report by index into ``metas``: a speech the table has no
        row for, and one it has several rows for (the first is used, as listed).
    """
    columns = ("speaker", "post", "country_name")
    # Plain lists zipped into a dict: DataFrame.to_dict("index") took 10x longer.
    values = [
        speakers[c].tolist() if c in speakers.columns else [None] * len(speakers) for c in columns
    ]
    keys = list(zip(speakers["country"].tolist(), speakers["year"].tolist(), strict=True))
    rows_per_key = Counter(keys)
    lookup: dict = {}
    for key, row in zip(keys, zip(*values, strict=True), strict=True):
        lookup.setdefault(key, row)  # the first of several rows for one speech
    notes = {}
    for index, meta in enumerate(metas):
        if "country" not in meta or "year" not in meta:
            continue
        key = (meta["country"], int(meta["year"]))
        row = lookup.get(key)
        if row is None:
            notes[index] = f"{source} has no row for {key[0]} {key[1]}: no speaker"
        elif rows_per_key[key] > 1:
            notes[index] = (
                f"{source} has {rows_per_key[key]} rows for {key[0]} {key[1]}: "
                f"the first is used (speaker {row[0]})"
            )
        for column, value in zip(columns, row or (None,) * len(columns), strict=True):
            meta.setdefault(column, None if value is None or pd.isna(value) else str(value))
    return notes
