"""The UN General Debate Corpus layout: ``Session NN - YYYY/ISO_NN_YYYY.txt``.

Recognised without options. A ``Speakers_by_session.xlsx`` (or a CSV export of it)
in the folder adds ``speaker``, ``post`` and ``country_name``.
"""

from __future__ import annotations

import re
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
    # One speech per country and year: the first listed speaker is the one kept.
    return table.dropna(subset=["year"]).drop_duplicates(["country", "year"], keep="first")


def join_speakers(metas: list[dict], speakers: pd.DataFrame) -> None:
    """Add speaker, post and country_name to UN-layout docvars, in place (``speakers``:
    the table :func:`read_speakers` gives)."""
    columns = ("speaker", "post", "country_name")
    # Plain lists zipped into a dict: DataFrame.to_dict("index") took 10x longer.
    values = [
        speakers[c].tolist() if c in speakers.columns else [None] * len(speakers) for c in columns
    ]
    keys = zip(speakers["country"].tolist(), speakers["year"].tolist(), strict=True)
    lookup = dict(zip(keys, zip(*values, strict=True), strict=True))
    for meta in metas:
        if "country" not in meta or "year" not in meta:
            continue
        row = lookup.get((meta["country"], int(meta["year"])))
        for column, value in zip(columns, row or (None,) * len(columns), strict=True):
            meta.setdefault(column, None if value is None or pd.isna(value) else str(value))
