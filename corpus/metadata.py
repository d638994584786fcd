"""Docvars from file names, YAML front matter and sidecar CSV files; type coercion."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import yaml

from .errors import CorpusError

_FIELD = re.compile(r"\{(\w+)\}")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
_YEAR_COLUMNS = ("year", "session")
_DATE_COLUMNS = ("date",)


def template_regex(template: str) -> re.Pattern[str]:
    """Compile ``"{country}_{session}_{year}.txt"`` into a regex with named groups."""
    parts = _FIELD.split(template)
    pattern = ""
    for i, part in enumerate(parts):
        pattern += f"(?P<{part}>.+?)" if i % 2 else re.escape(part)
    return re.compile(pattern + r"\Z")


def parse_filename(name: str, template: str | None, source: str) -> dict:
    """Docvars from a file name under ``template`` ({} when there is no template).

    Raises CorpusError naming the file when it does not fit the template.
    """
    if not template:
        return {}
    match = template_regex(template).match(name)
    if not match:
        raise CorpusError(f"{source}: file name does not match filename_template={template!r}")
    return match.groupdict()


def split_front_matter(text: str, source: str) -> tuple[str, dict]:
    """Separate YAML front matter (between ``---`` lines at the top) from the body."""
    match = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if not match:
        return text, {}
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise CorpusError(f"{source}: YAML front matter is not valid YAML ({exc})") from exc
    if not isinstance(meta, dict):
        raise CorpusError(f"{source}: YAML front matter must be a mapping of name: value")
    return text.lstrip("\ufeff")[match.end() :], meta


def read_sidecar(path: Path) -> dict[str, dict]:
    """Read a sidecar CSV keyed by a ``file`` (or ``filename``) column."""
    if not path.is_file():
        raise CorpusError(f"{path}: metadata file not found")
    table = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    key = next((c for c in ("file", "filename", "path") if c in table.columns), None)
    if key is None:
        raise CorpusError(
            f"{path}: a sidecar needs a 'file' column naming each document; "
            f"columns are: {', '.join(table.columns)}"
        )
    out = {}
    for row in table.to_dict("records"):
        name = row.pop(key)
        out[str(name)] = {k: v for k, v in row.items() if not (isinstance(v, float) and pd.isna(v))}
    return out


def coerce_docvar_types(docvars: pd.DataFrame) -> pd.DataFrame:
    """Years and sessions as integers, dates as dates, the rest left as read."""
    docvars = docvars.copy()
    for column in docvars.columns:
        lowered = str(column).lower()
        if lowered in _YEAR_COLUMNS:
            numbers = pd.to_numeric(docvars[column], errors="coerce")
            bad = docvars[column].notna() & numbers.isna()
            if bad.any():
                example = docvars.index[bad.to_numpy()][0]
                raise CorpusError(
                    f"docvar {column!r} must be an integer; document {example!r} has "
                    f"{docvars.loc[example, column]!r}"
                )
            docvars[column] = numbers.astype("Int64")
        elif lowered in _DATE_COLUMNS:
            docvars[column] = pd.to_datetime(docvars[column], errors="raise", format="mixed")
    return docvars
