"""Docvars from file names, YAML front matter and sidecar CSV files; type coercion."""

from __future__ import annotations

import calendar
import difflib
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import yaml

from .errors import BadDatesError, CorpusError, check_choice

_FIELD = re.compile(r"\{(\w+)\}")
# Closed by a "---" line, which may end the file; Windows (CRLF) and old Mac (CR) line
# ends too, since front matter is taken before the text's line ends are normalized.
_LINE_END = r"(?:\r\n?|\n)"
_FRONT_MATTER = re.compile(
    rf"\A---[ \t]*{_LINE_END}(.*?){_LINE_END}---[ \t]*(?:{_LINE_END}|\Z)", re.DOTALL
)
_YEAR_COLUMNS = ("year", "session")
_DATE_COLUMNS = ("date",)


# A field that becomes an integer (year, session) takes digits only in a file name: in
# "United_States_1991_Bush.txt" under "{country}_{year}_{speaker}.txt" that rules out
# year='States' and leaves the one split whose types fit (country='United_States').
_WHOLE_NUMBER_FIELD = "(?P<{}>[0-9]+)"


def template_regex(template: str, *, greedy: bool = False, typed: bool = True) -> re.Pattern[str]:
    """Compile ``"{country}_{session}_{year}.txt"`` into a regex with named groups
    (each field as short as it can be, or with ``greedy`` as long; with ``typed``, the
    fields that become integers, year and session, take digits only)."""
    parts = _FIELD.split(template)
    field = "(?P<{}>.+)" if greedy else "(?P<{}>.+?)"
    pattern = ""
    for i, part in enumerate(parts):
        if i % 2 == 0:
            pattern += re.escape(part)
        elif typed and _is_whole_number_field(part):
            pattern += _WHOLE_NUMBER_FIELD.format(part)
        else:
            pattern += field.format(part)
    return re.compile(pattern + r"\Z")


def _is_whole_number_field(name: str) -> bool:
    return name.lower() in _YEAR_COLUMNS


def ambiguous_split(name: str, template: str | None) -> str:
    """A note when ``name`` fits ``template`` in more than one way (a field's value holds
    the text that separates fields: "United_States_Obama.txt" under
    "{country}_{speaker}.txt"), saying which split was taken; "" otherwise. Splits that
    give a year or session other than digits do not count: they cannot be taken.

    Example:
        >>> ambiguous_split("United_States_Obama.txt", "{country}_{speaker}.txt")
        "file name fits filename_template in more than one way: took country='United', speaker='States_Obama'"
        >>> ambiguous_split("United_States_1991.txt", "{country}_{year}.txt")
        ''
    """
    if not template:
        return ""
    short = template_regex(template).match(name)
    long = template_regex(template, greedy=True).match(name)
    if short is None or long is None or short.groupdict() == long.groupdict():
        return ""
    taken = ", ".join(f"{k}={v!r}" for k, v in short.groupdict().items())
    return f"file name fits filename_template in more than one way: took {taken}"


def template_mismatch(name: str, template: str | None) -> str:
    """Why the file ``name`` gives no docvars under ``template`` (the reason its report
    row gives for skipping it), or "" when it fits (or there is no template).

    Example:
        >>> template_mismatch("USA_1991_Bush.txt", "{country}_{year}_{speaker}.txt")
        ''
        >>> template_mismatch("notes.txt", "{country}_{year}_{speaker}.txt")
        "file name does not fit filename_template='{country}_{year}_{speaker}.txt', which expects names like <country>_<year>_<speaker>.txt (year in digits): not read"
        >>> template_mismatch("USA_1991a_Bush.txt", "{country}_{year}_{speaker}.txt")
        "file name does not fit filename_template='{country}_{year}_{speaker}.txt', which expects names like <country>_<year>_<speaker>.txt (year in digits; here year would be '1991a'): not read"
    """
    if not template or template_regex(template).match(name):
        return ""
    expected = _FIELD.sub(lambda m: f"<{m.group(1)}>", template)
    typed = [f for f in _FIELD.findall(template) if _is_whole_number_field(f)]
    requirements = [f"{' and '.join(typed)} in digits"] if typed else []
    untyped = template_regex(template, typed=False).match(name)
    if untyped:
        # It fits only with a year (or session) that is no whole number: say which.
        field, value = next(
            (f, untyped[f]) for f in typed if not re.fullmatch("[0-9]+", untyped[f])
        )
        requirements.append(f"here {field} would be {value!r}")
    required = f" ({'; '.join(requirements)})" if requirements else ""
    return (
        f"file name does not fit filename_template={template!r}, which expects names like "
        f"{expected}{required}: not read"
    )


def check_template(template: str | None) -> None:
    """Raise CorpusError when ``template`` is not a file-name template (before any file
    is read, so the message is about the template, not about a file).

    Example:
        >>> check_template("{country}_{year}.txt")
        >>> check_template("{country_{year}.txt")
        Traceback (most recent call last):
        ...
        corpus.errors.CorpusError: filename_template='{country_{year}.txt' is not valid: a brace without its pair; write fields as {name}, e.g. '{country}_{session}_{year}.txt'
    """
    if template is None:
        return
    example = "e.g. '{country}_{session}_{year}.txt'"
    fields = _FIELD.findall(template)
    named = [name for name in re.findall(r"\{([^{}]*)\}", template) if not name.isidentifier()]
    problem = ""
    if named:
        problem = f"field name {named[0]!r} must be letters, digits or _, not starting with a digit"
    elif "{" in _FIELD.sub("", template) or "}" in _FIELD.sub("", template):
        problem = "a brace without its pair; write fields as {name}"
    elif not fields:
        problem = "it names no field; write fields as {name}"
    elif len(set(fields)) < len(fields):
        twice = sorted({f for f in fields if fields.count(f) > 1})
        problem = f"field {twice[0]!r} appears twice; name each field once"
    if problem:
        raise CorpusError(f"filename_template={template!r} is not valid: {problem}, {example}")


def parse_filename(name: str, template: str | None, source: str) -> dict:
    """Docvars from a file name under ``template`` ({} when there is no template).

    Raises CorpusError naming the file when it does not fit the template (a folder
    read asks :func:`template_mismatch` first and skips such a file instead).
    """
    if not template:
        return {}
    match = template_regex(template).match(name)
    if not match:
        raise CorpusError(f"{source}: {template_mismatch(name, template)}")
    return match.groupdict()


UNCLOSED_FRONT_MATTER = (
    "starts with a '---' line but no second '---' line closes front matter: "
    "read as text, no docvars taken from it"
)


def unclosed_front_matter(text: str) -> bool:
    """Whether ``text`` opens YAML front matter (a first line ``---`` followed by a
    ``name: value`` line) that no ``---`` line closes."""
    if not text.startswith(("---", "\ufeff---")):
        return False  # (every file is asked: no copy of its text for the usual answer)
    lines = re.split(_LINE_END, text.lstrip("\ufeff"), maxsplit=2)
    return (
        len(lines) > 1
        and lines[0].strip() == "---"
        and re.match(r"\s*[\w-]+\s*:", lines[1]) is not None
        and _FRONT_MATTER.match(text.lstrip("\ufeff")) is None
    )


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader, with the values YAML 1.1 reads in surprising ways left text.

    YAML 1.1 (PyYAML's default) reads ``NO`` (Norway's country code), ``yes``, ``on`` and
    ``off`` as booleans, ``010`` as the octal number 8 and ``1:30`` as 90. Here only
    true/false are booleans, and numbers follow the rule of table columns: written in
    the one spelling that reads back the same (``010`` and ``4.10`` stay text). Dates,
    nulls, lists and mappings are read as YAML reads them.
    """


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regex) for tag, regex in resolvers if not tag.endswith((":bool", ":int", ":float"))
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_FrontMatterLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_FrontMatterLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^-?(?:0|[1-9][0-9]*)$"), list("-0123456789")
)
_FrontMatterLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^-?(?:0|[1-9][0-9]*)\.[0-9]*[1-9]$"),
    list("-0123456789"),
)


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode):
    """A YAML timestamp as a date, or as its text when it is no day of the calendar
    (``2024-02-30``): PyYAML raises a bare ValueError naming no file, whereas text in
    a ``date`` docvar is named with its file like any bad date (or left missing)."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def split_front_matter(text: str, source: str) -> tuple[str, dict]:
    """Separate YAML front matter (between ``---`` lines at the top) from the body.

    Example:
        >>> split_front_matter("---\\ncountry: NO\\nyear: 1995\\n---\\nText.", "a.txt")
        ('Text.', {'country': 'NO', 'year': 1995})
    """
    match = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if not match:
        return text, {}
    try:
        meta = yaml.load(match.group(1), Loader=_FrontMatterLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        # YAML counts the lines of the front matter; the file has the "---" line first.
        where = f"line {mark.line + 2} of the file: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise CorpusError(
            f"{source}: YAML front matter is not valid YAML ({where}{problem})"
        ) from exc
    if not isinstance(meta, dict):
        raise CorpusError(f"{source}: YAML front matter must be a mapping of name: value")
    return text.lstrip("\ufeff")[match.end() :], meta


@dataclass(frozen=True)
class SidecarRow:
    """One row of a sidecar CSV: the file it names and the docvars it gives."""

    sidecar: str  # the sidecar file as the report names it
    line: int  # the line the row starts on
    name: str  # the value of its file column
    values: dict

    @property
    def source(self) -> str:
        return f"{self.sidecar}:{self.line}"


_SIDECAR_KEYS = ("file", "filename", "path")


def sidecar_rows(table: pd.DataFrame, sidecar: str) -> list[SidecarRow]:
    """The rows of a sidecar table keyed by a ``file`` (or ``filename``, ``path``) column.

    Parameters:
        table: the sidecar as read, every value a string or None, with the line of each
            row in ``table.attrs["line_numbers"]``.
        sidecar: the name the report and errors give the sidecar file.

    Rows with no value at all (a spreadsheet's trailing ``,,,``) hold nothing and are
    passed over; a row with values but no file name is an error naming its line.
    """
    key = next((c for c in _SIDECAR_KEYS if c in table.columns), None)
    if key is None:
        raise CorpusError(
            f"{sidecar}: a sidecar needs a 'file' column naming each document; "
            f"columns are: {', '.join(map(str, table.columns))}"
            + delimiter_hint(table.columns, table.attrs.get("delimiter"))
        )
    lines = table.attrs.get("line_numbers") or range(2, len(table) + 2)
    rows = []
    for record, line in zip(table.to_dict("records"), lines, strict=True):
        name = record.pop(key)
        values = {k: v for k, v in record.items() if not _missing(v)}
        if _missing(name):
            if not values:
                continue
            raise CorpusError(
                f"{sidecar}, line {line}: no file name in column {key!r}; every row names "
                "the document it describes (a path relative to the folder)"
            )
        rows.append(SidecarRow(sidecar, line, str(name), values))
    return rows


# The separators a delimited table may hold, and what to call them. Excel writes "CSV"
# with ';' where the decimal mark is a comma (much of Europe).
_SEPARATORS = {";": "semicolons", ",": "commas", "\t": "tabs", "|": "vertical bars"}


def separator_name(delimiter: str) -> str:
    """What to call the fields' separator in a message: "semicolons", or "';'"."""
    return _SEPARATORS.get(delimiter, repr(delimiter))


def delimiter_hint(columns, delimiter: str | None) -> str:
    """A sentence for an error about a CSV/TSV table (read with ``delimiter``) whose
    column names hold another separator, as ``id;country;text`` read as one column
    does: what the file seems to be separated by and how to read it; "" otherwise
    (and for tables without a delimiter, ``None``: JSONL, Parquet).

    Example:
        >>> delimiter_hint(["id;country;text"], ",")
        " The header 'id;country;text' holds ';': is the file separated by semicolons? It was read as separated by commas: pass delimiter=';' (on the command line --delimiter ';')."
        >>> delimiter_hint(["id", "text"], ",")
        ''
    """
    if delimiter is None:
        return ""
    header = delimiter.join(map(str, columns))
    found = next((sep for sep in _SEPARATORS if sep != delimiter and sep in header), None)
    if found is None:
        return ""
    option = "tab" if found == "\t" else f"'{found}'"
    return (
        f" The header {header!r} holds {found!r}: is the file separated by "
        f"{_SEPARATORS[found]}? It was read as separated by {separator_name(delimiter)}: "
        f"pass delimiter={found!r} (on the command line --delimiter {option})."
    )


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value))


def check_sidecar_unique(rows: list[SidecarRow]) -> None:
    """Raise CorpusError when two rows name the same file (no row silently wins)."""
    first: dict[str, SidecarRow] = {}
    for row in rows:
        earlier = first.setdefault(row.name, row)
        if earlier is not row:
            where = (
                f"{row.sidecar}, lines {earlier.line} and {row.line}"
                if earlier.sidecar == row.sidecar
                else f"{earlier.source} and {row.source}"
            )
            raise CorpusError(
                f"{where} both name {row.name!r}; give each file one row "
                "(merge the two rows, or delete the wrong one)"
            )


@dataclass
class SidecarJoin:
    """Which sidecar row gives each file its docvars, and which rows matched no file.

    ``rows``: file (relative path) -> its row; ``repairs``: file -> how an inexact
    match was made; ``unmatched``: (row, why) for rows that name no file.
    """

    rows: dict[str, SidecarRow] = field(default_factory=dict)
    repairs: dict[str, str] = field(default_factory=dict)
    unmatched: list[tuple[SidecarRow, str]] = field(default_factory=list)


def join_sidecar(rows: list[SidecarRow], files: list[str]) -> SidecarJoin:
    """Match sidecar rows to a folder's files (relative POSIX paths).

    A row matches the file whose relative path it gives, else every file with that
    base name. A row matching nothing exactly is matched when exactly one file, not
    already matched, has the same name up to case (``A.TXT`` for ``a.txt``): that
    match is reported as a repair. Any other row is unmatched, with a hint when a
    name differs only in case or surrounding spaces, else when a file no row names is
    spelled alike (``cc.txt`` for ``c.txt``).

    Example:
        >>> rows = [SidecarRow("m.csv", 2, "A.TXT", {"year": "1990"})]
        >>> join = join_sidecar(rows, ["a.txt", "b.txt"])
        >>> join.rows["a.txt"].line, join.repairs["a.txt"]
        (2, "docvars from m.csv line 2, which names 'A.TXT' (the case differs)")
    """
    by_name = {row.name: row for row in rows}
    join = SidecarJoin()
    used: set[str] = set()
    for file in files:
        row = by_name.get(file) or by_name.get(_base(file))
        if row is not None:
            join.rows[file] = row
            used.add(row.name)
    rest = [row for row in rows if row.name not in used]
    candidates = {row.name: _loose_matches(row.name, files) for row in rest}
    claims: dict[str, int] = {}
    for row in rest:
        for file in candidates[row.name]:
            claims[file] = claims.get(file, 0) + 1
    misspelled: list[int] = []  # unmatched rows with no file alike up to case
    for row in rest:
        found = candidates[row.name]
        free = [f for f in found if f not in join.rows]
        if (
            len(found) == 1
            and len(free) == 1
            and claims[free[0]] == 1
            and _same_but_case(row.name, free[0])
        ):
            join.rows[free[0]] = row
            join.repairs[free[0]] = (
                f"docvars from {row.sidecar} line {row.line}, which names {row.name!r} "
                "(the case differs)"
            )
            continue
        why = f"metadata row for {row.name!r}: no such file in the folder"
        if not found:
            misspelled.append(len(join.unmatched))
        if found:
            why += f"; did you mean {' or '.join(found[:3])}?"
            taken = [f for f in found if f in join.rows]
            if taken:
                why += " (" + ", ".join(f"{f} has {join.rows[f].source}" for f in taken[:3]) + ")"
        join.unmatched.append((row, why))
    _suggest_spelled_alike(join, misspelled, files)
    return join


# Name comparisons spent on "did you mean" for unmatched rows: a sidecar for another
# folder (thousands of rows, thousands of files) would otherwise take minutes to report.
_CLOSE_MATCH_BUDGET = 200_000
# How alike a row's name and a file's must be to suggest the file: one letter more or
# less in "cc.txt" (0.91), two swapped in "speech_21.txt" (0.92); not "b.txt" for
# "c.txt" (0.8), which are as likely two files.
_ALIKE = 0.85


def _suggest_spelled_alike(join: SidecarJoin, indices: list[int], files: list[str]) -> None:
    """Add "did you mean" to the unmatched rows at ``indices`` whose name is spelled
    like a file that no row names (a typo: ``cc.txt`` for ``c.txt``); a file that has
    its row is no suggestion, it has its docvars."""
    free = [f for f in files if f not in join.rows]
    names: dict[str, str] = {}  # path or base name -> the file
    for file in free:
        names.setdefault(file, file)
        names.setdefault(_base(file), file)
    if not names:
        return
    spellings = list(names)
    rows_affordable = _CLOSE_MATCH_BUDGET // len(spellings)
    for index in indices[:rows_affordable]:
        row, why = join.unmatched[index]
        close = difflib.get_close_matches(row.name.strip(), spellings, n=3, cutoff=_ALIKE)
        meant = list(dict.fromkeys(names[name] for name in close))
        if meant:
            join.unmatched[index] = (row, f"{why}; did you mean {' or '.join(meant)}?")


def _base(file: str) -> str:
    return file.rsplit("/", 1)[-1]


def _same_but_case(name: str, file: str) -> bool:
    return name.casefold() in (file.casefold(), _base(file).casefold())


def _loose_matches(name: str, files: list[str]) -> list[str]:
    """Files whose path or base name equals ``name`` up to case, surrounding spaces and
    the file's extension ("a" for "a.txt")."""
    wanted = name.strip().casefold()
    return [f for f in files if wanted in _loose_names(f)]


def _loose_names(file: str) -> tuple[str, ...]:
    path, base = file.casefold(), _base(file).casefold()
    return (path, base, path.rsplit(".", 1)[0], base.rsplit(".", 1)[0])


# What read_corpus(bad_dates=...) takes: a value of a date column that is no date is an
# error listing every such value ("error"), or left missing and reported ("missing").
BAD_DATES_CHOICES = ("error", "missing")
# What read_corpus(date_order=...) takes: the order of every numeric date of a date
# column (13/03/2024 or 03/13/2024), for a column whose values do not tell it.
DATE_ORDERS = ("day-first", "month-first")
# The bad values an error lists; the rest are counted.
_BAD_DATES_SHOWN = 10

# Where a document's docvar was given, for messages: (doc_id, column) -> "news.csv:7".
Locate = Callable[[str, str], str]


@dataclass(frozen=True)
class BadDate:
    """A value of a date docvar that is no date, and where it was given."""

    doc_id: str
    column: str
    value: object  # as given
    origin: str  # the file and line that gave it ("news.csv:7"), or "" when not known
    reason: str  # what is wrong ("month 13 does not exist"), or "" when it cannot be told

    @property
    def where(self) -> str:
        """``news.csv:7 (document 'C06')``, or ``document 'C06'`` without an origin."""
        document = f"document {self.doc_id!r}"
        return f"{self.origin} ({document})" if self.origin else document

    def problem(self) -> str:
        """One line of the error: where, the value, and what is wrong with it."""
        if self.reason:
            return f"{self.where} has {self.value!r}: {self.reason}"
        return f"{self.where} has {self.value!r}, which is not a date; {_ISO_HINT}"

    def described(self, row_source: str) -> str:
        """What the load report row of the document (read from ``row_source``) says:
        ``date 'Sept 31 2024' is no date (September has 30 days)``, naming where it was
        given when that is another file (a sidecar's line)."""
        given = f" in {self.origin}" if self.origin and self.origin != row_source else ""
        why = f" ({self.reason})" if self.reason else ""
        return f"{self.column} {self.value!r}{given} is no date{why}"


_ISO_HINT = "write dates as YYYY-MM-DD (ISO 8601)"
_ORDER_HINT = (
    "or give their order with date_order='day-first' or date_order='month-first' (a "
    "value that cannot be read in it is then a bad date)"
)


@dataclass
class TypedDocvars:
    """Docvars with their types, and the bad dates left missing (``bad_dates="missing"``)."""

    docvars: pd.DataFrame
    left_missing: list[BadDate] = field(default_factory=list)


def coerce_docvar_types(docvars: pd.DataFrame) -> pd.DataFrame:
    """Years and sessions as integers, dates as dates, columns of numbers written as
    text (a CSV table or sidecar) as numbers, the rest left as read; a value that is
    no date is an error (see :func:`type_docvars`)."""
    return type_docvars(docvars).docvars


def type_docvars(
    docvars: pd.DataFrame,
    *,
    bad_dates: str = "error",
    locate: Locate | None = None,
    way_out: bool = False,
    date_order: str | None = None,
) -> TypedDocvars:
    """Docvars typed by their column's name and values.

    Columns named ``year`` or ``session`` (in any case) become integers, a column named
    ``date`` becomes dates, and any other column whose every value spells a number
    becomes numbers; the rest stay as read. Other columns holding dates stay text: the
    name makes a date column, not its values.

    Parameters:
        docvars: one row per document, indexed by doc_id.
        bad_dates: a value of a date column that is no date is an error listing every
            such value (``"error"``), or left missing and returned in ``left_missing``
            (``"missing"``). Either way a column whose values are mostly not dates at
            all (text such as ``n.d.``, not a slip such as ``2024-02-30``) is an error:
            its name is probably wrong, and leaving it missing would lose it.
        locate: where a document's docvar was given (``news.csv:7``), for messages.
        way_out: whether the error offers ``bad_dates='missing'`` and ``date_order``
            (read_corpus takes them).
        date_order: ``"day-first"`` or ``"month-first"``: every numeric date of a date
            column is read in that order, and one that cannot be (13/03/2024 read
            month-first) is no date; None: the order the column's values tell.

    Raises:
        BadDatesError: values that are no dates (with ``"error"``, or most of a column).
        CorpusError: a year that is no whole number; a date column that reads two ways
            (a BadDatesError listing its values that are no dates too, with ``"error"``).
    """
    check_choice("bad_dates", bad_dates, BAD_DATES_CHOICES)
    if date_order is not None:
        check_choice("date_order", date_order, DATE_ORDERS)
    docvars = docvars.copy()
    left_missing: list[BadDate] = []
    for column in docvars.columns:
        lowered = str(column).lower()
        if lowered in _YEAR_COLUMNS:
            docvars[column] = _whole_numbers(docvars[column], column, locate)
        elif lowered in _DATE_COLUMNS:
            parsed, bad, refusal = _parse_dates(docvars[column], column, locate, date_order)
            if refusal and way_out:
                refusal += f", {_ORDER_HINT}"  # (read_corpus takes date_order)
            if refusal:
                _refuse_column(refusal, bad, bad_dates)
            _check_bad_dates(bad, int(parsed.notna().sum()), bad_dates, way_out)
            docvars[column] = parsed
            left_missing.extend(bad)
        else:
            docvars[column] = _numbers_if_all_numbers(docvars[column])
    return TypedDocvars(docvars, left_missing)


def _whole_numbers(values: pd.Series, column, locate: Locate | None = None) -> pd.Series:
    """A year or session column as Int64, or an error listing every value that is no
    whole number (the first ten), each with where it was given."""
    # Booleans first: pandas would take True for the year 1.
    checked = values.mask(values.map(lambda v: isinstance(v, bool)), "not a number")
    numbers = pd.to_numeric(checked, errors="coerce")
    # Missing, not a number, or not a whole one (1995.5): no year or session.
    bad = checked.notna() & (numbers.isna() | (numbers != numbers.round()))
    if bad.any():
        wrong = values.index[bad.to_numpy()]
        lines = [_not_whole(values[doc_id], str(doc_id), column, locate) for doc_id in wrong]
        if len(lines) > _BAD_DATES_SHOWN:
            lines = [*lines[:_BAD_DATES_SHOWN], f"and {len(lines) - _BAD_DATES_SHOWN} more"]
        if len(wrong) == 1:
            raise CorpusError(f"docvar {column!r} must be an integer; {lines[0]}")
        raise CorpusError(
            f"docvar {column!r} must be an integer; {len(wrong)} values are not:\n  "
            + "\n  ".join(lines)
        )
    return numbers.astype("Int64")


def _not_whole(value: object, doc_id: str, column, locate: Locate | None) -> str:
    """One line of that error: the document, its value and where it was given
    (``document 'C06' has 'soon' (news.csv:7)``)."""
    value = value.item() if hasattr(value, "item") else value  # numpy's bool_
    origin = locate(doc_id, str(column)) if locate is not None else ""
    return f"document {doc_id!r} has {value!r}" + (f" ({origin})" if origin else "")


def _check_bad_dates(bad: list[BadDate], dates: int, bad_dates: str, way_out: bool) -> None:
    """Raise BadDatesError for the ``bad`` values of one date column (which also has
    ``dates`` good ones) unless ``bad_dates="missing"`` may leave them missing."""
    if not bad:
        return
    column = bad[0].column
    # Values that do not even look like a date (no day and month to tell what is wrong
    # with): when they are most of the column, it holds text, not dates with slips.
    text = [b for b in bad if not b.reason]
    if bad_dates == "missing" and 2 * len(text) > len(bad) + dates:
        raise BadDatesError(
            f"docvar {column!r}: {len(text)} of {len(bad) + dates} values are not dates "
            f"(first: {text[0].problem()}); bad_dates='missing' leaves a few bad dates "
            "missing, not a column that is mostly text. A column named "
            f"{column!r} is read as dates: rename it if it holds something else, or "
            f"correct its values ({_ISO_HINT})",
            bad,
        )
    if bad_dates == "missing":
        return
    fix = "Correct them" if len(bad) > 1 else "Correct it"
    if way_out:
        fix += (
            ", or pass bad_dates='missing' to load every document with "
            + ("these dates" if len(bad) > 1 else "this date")
            + " left missing, each reported as a repair in the load report"
        )
    raise BadDatesError(_bad_date_lines(bad, f"docvar {column!r} has") + f"\n{fix}.", bad)


def _bad_date_lines(bad: list[BadDate], subject: str) -> str:
    """``subject`` ("docvar 'date' has") and how many values are no dates, then the
    first of them, each on its own line with where it was given and what is wrong."""
    head = (
        f"{subject} {len(bad)} values that are no dates:"
        if len(bad) > 1
        else f"{subject} a value that is no date:"
    )
    lines = [b.problem() for b in bad[:_BAD_DATES_SHOWN]]
    if len(bad) > _BAD_DATES_SHOWN:
        lines.append(f"and {len(bad) - _BAD_DATES_SHOWN} more")
    return "\n  ".join([head, *lines])


def _refuse_column(refusal: str, bad: list[BadDate], bad_dates: str) -> None:
    """Raise CorpusError for a date column that cannot be read one way (``refusal``
    says why); with ``bad_dates="error"`` a BadDatesError that also lists its values that
    are no dates (leaving them missing would not load the column)."""
    if bad and bad_dates == "error":
        raise BadDatesError(refusal + "\n" + _bad_date_lines(bad, "The column also has"), bad)
    raise CorpusError(refusal)


# A number as a table writes it, in the one spelling that reads back the same: no leading
# zero (a code such as "007" stays text), no thousands separator or exponent, and a
# decimal part that does not end in 0 (agenda items "4.1" and "4.10" are two labels, which
# as numbers would be one).
_NUMBER_TEXT = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?")
_WHOLE_NUMBER_TEXT = re.compile(r"-?(?:0|[1-9][0-9]*)")


def _numbers_if_all_numbers(values: pd.Series) -> pd.Series:
    """A column whose every value is text spelling a number, as numbers: whole numbers
    as Int64 (missing values stay missing), others as floats. Any other column as is."""
    present = values.dropna()
    if present.empty or not all(isinstance(v, str) for v in present):
        return values
    if not all(_NUMBER_TEXT.fullmatch(v) for v in present):
        return values
    if all(_WHOLE_NUMBER_TEXT.fullmatch(v) for v in present):
        numbers = [int(v) if isinstance(v, str) else None for v in values]
        try:
            return pd.Series(pd.array(numbers, dtype="Int64"), index=values.index)
        except (OverflowError, TypeError, ValueError):
            return values  # beyond 64 bits: an identifier, keep its text
    return pd.to_numeric(values, errors="raise").astype(float)


def _parse_dates(
    values: pd.Series, column, locate: Locate | None, date_order: str | None = None
) -> tuple[pd.Series, list[BadDate], str]:
    """One reading for a whole date column, its values that are no dates (left missing
    in it), each with where it was given and what is wrong with it, and why the column
    cannot be read one way ("" when it can).

    ISO dates (2024-03-13, with or without a time; times with a zone are taken to UTC)
    and dates with a month name are read as written. Numeric dates with slashes, dots,
    dashes or spaces (13/03/2024, 13-03-2024 10:00) are read day-first or month-first for
    the whole column, as the values that tell say (13/03/2024: one part over 12, so it
    can only be day-first). A value whose parts are no day and month either way round
    (13/13/2024, 00/05/2024) tells nothing: it is no date, like 31/02/2024 in a day-first
    column. The column cannot be read one way when its values tell both orders (13/03
    and 03/13: the refusal names one of each), or none while some value could be
    either (01/03/2024): pandas would read each value its own way. ``date_order``
    ("day-first", "month-first") reads every numeric date in that order instead; a
    value that only reads the other way (13/03/2024 month-first) is then no date.
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        return values, [], ""
    text = values.astype("string").str.strip()
    present = text.notna() & (text != "")
    # Microseconds reach far enough for history ("1648-10-24") where nanoseconds do not.
    parsed = pd.Series(pd.NaT, index=values.index, dtype="datetime64[us]")
    parts = text.str.extract(_NUMERIC_DATE)
    # A first group over 31 is a year ("99-01-02"), not a day or a month.
    numeric = present & parts[0].notna() & (parts[0].fillna("0").astype(int) <= 31)
    # The order each numeric value is read in: the one it tells, else the column's.
    order = pd.Series(None, index=values.index, dtype="boolean")
    refusal = ""
    if numeric.any():
        first, second = (parts.loc[numeric, k].astype(int) for k in (0, 1))
        # Parts that could be a day or a month (no 0, none over 31); both over 12 are not.
        fits = (first >= 1) & (second >= 1) & (second <= 31)
        day_first_only = fits & (first > 12) & (second <= 12)
        month_first_only = fits & (second > 12) & (first <= 12)
        either = fits & (first <= 12) & (second <= 12)
        order.loc[day_first_only.index[day_first_only]] = True
        order.loc[month_first_only.index[month_first_only]] = False
        if date_order is not None:
            # The order given, for every value: one that reads only the other way is
            # no date in it (pandas would read it the other way without a word).
            contrary = month_first_only if date_order == "day-first" else day_first_only
            order[numeric] = date_order == "day-first"
            order[contrary.index[contrary]] = pd.NA
        elif day_first_only.any() and month_first_only.any():
            refusal = _mixed_orders(
                values, column, day_first_only.idxmax(), month_first_only.idxmax(), locate
            )
        elif day_first_only.any() or month_first_only.any():
            order[numeric & order.isna()] = bool(day_first_only.any())
        elif either.any():
            refusal = _refusal(
                values, column, either.idxmax(), "could be read day-first or month-first", locate
            )
        for day_first in (True, False):
            rows = numeric & order.eq(day_first).fillna(False)
            if rows.any():
                parsed[rows] = _to_datetime(text[rows], dayfirst=day_first)
    rest = present & ~numeric
    if rest.any():
        parsed[rest] = _to_datetime(text[rest], dayfirst=False)
    # A value without a digit ("March") has no year: pandas would make one up.
    no_date = present & (parsed.isna() | ~text.str.contains(r"\d", na=False))
    given_order = None if date_order is None else date_order == "day-first"
    # A column refused as a whole: its values that could be either are not no dates.
    if refusal:
        no_date &= ~(numeric & order.isna() & _either_way(parts))
    parsed[no_date] = pd.NaT
    bad = [
        BadDate(
            str(doc_id),
            str(column),
            _as_python(values[doc_id]),
            locate(str(doc_id), str(column)) if locate else "",
            why_no_date(
                str(text[doc_id]),
                given_order if pd.isna(order[doc_id]) else bool(order[doc_id]),
            ),
        )
        for doc_id in values.index[no_date.to_numpy()]
    ]
    return parsed, bad, refusal


def _either_way(parts: pd.DataFrame) -> pd.Series:
    """Numeric dates (their parts as ``_NUMERIC_DATE`` extracts them) that are a day and
    a month either way round (01/03)."""
    numbers = parts[[0, 1]].fillna("0").astype(int)
    return numbers[0].between(1, 12) & numbers[1].between(1, 12)


def _as_python(value):
    """A numpy scalar as Python's (shown as ``'x'``, ``5``, not ``np.str_('x')``)."""
    return value.item() if hasattr(value, "item") else value


def _to_datetime(text: pd.Series, *, dayfirst: bool) -> pd.Series:
    """Each value parsed on its own (mixed formats), zones taken to UTC and dropped."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # pandas' "could not infer format"
        parsed = pd.to_datetime(text, errors="coerce", dayfirst=dayfirst, format="mixed", utc=True)
    return parsed.dt.tz_localize(None).dt.as_unit("us")


# A numeric day and month, either way round, then a year (and perhaps a time).
_NUMERIC_DATE = r"^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2,4})(?:[ T].*)?$"
# A year first, then month and day (ISO 8601 and its cousins with / or .).
_YEAR_FIRST_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?")
# A month by name, before or after its day: "Sept 31 2024", "31st September, 2024".
_ORDINAL = r"(?:st|nd|rd|th)?"
_DAY_MONTH_NAME = re.compile(rf"(\d{{1,2}}){_ORDINAL}\s+([a-z]+)\.?,?\s+(\d{{4}})", re.I)
_MONTH_NAME_DAY = re.compile(rf"([a-z]+)\.?\s+(\d{{1,2}}){_ORDINAL},?\s+(\d{{4}})", re.I)
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def why_no_date(text: str, day_first: bool | None = None) -> str:
    """What is wrong with ``text``, a date that does not exist, when it can be told
    (its day and month can be read: ISO, a month by name, or a numeric date whose
    order ``day_first`` gives, or whose parts are no day and month either way round);
    "" otherwise.

    Example:
        >>> why_no_date("2024-13-07"), why_no_date("Sept 31 2024")
        ('month 13 does not exist; 2024-07-13 if 13 is the day', 'September has 30 days')
        >>> why_no_date("30/02/2023", day_first=True), why_no_date("n.d.")
        ('February 2023 has 28 days', '')
        >>> why_no_date("13/13/2024"), why_no_date("00/05/2024")
        ('month 13 does not exist', '0 is neither a day nor a month')
    """
    if day_first is None and (match := re.fullmatch(_NUMERIC_DATE, text.strip())):
        return _no_day_and_month(int(match[1]), int(match[2]))
    parts = _year_month_day(text.strip(), day_first)
    if parts is None:
        return ""
    year, month, day = parts
    if not 1 <= month <= 12:
        # A day and month swapped (YYYY-DD-MM) is the likely slip: say the date it means.
        swapped = (
            f"; {year}-{day:02d}-{month:02d} if {month} is the day"
            if year is not None and 1 <= day <= 12 and 12 < month <= 31
            else ""
        )
        return f"month {month} does not exist{swapped}"
    if day < 1:
        return f"day {day} does not exist"
    name = _MONTHS[month - 1]
    if month == 2 and year is None:
        return "" if day <= 29 else "February has 28 days, 29 in a leap year"
    length = calendar.mdays[month] + (month == 2 and calendar.isleap(year or 1))
    if day <= length:
        return ""
    return f"February {year} has {length} days" if month == 2 else f"{name} has {length} days"


def _no_day_and_month(first: int, second: int) -> str:
    """What is wrong with the parts of a numeric date (13/13) when it is wrong whichever
    way round they are read: a 0 or a part over 31, or both over 12; "" otherwise."""
    for part in (first, second):
        if part == 0 or part > 31:
            return f"{part} is neither a day nor a month"
    if first > 12 and second > 12:
        if first == second:
            return f"month {first} does not exist"
        return f"neither {first} nor {second} is a month"
    return ""


def _year_month_day(text: str, day_first: bool | None) -> tuple[int | None, int, int] | None:
    """Year (None when written with two digits), month and day as ``text`` writes
    them, or None when it writes no day and month that can be told apart."""
    if match := _YEAR_FIRST_DATE.fullmatch(text):
        return int(match[1]), int(match[2]), int(match[3])
    if day_first is not None and (match := re.fullmatch(_NUMERIC_DATE, text)):
        first, second = int(match[1]), int(match[2])
        day, month = (first, second) if day_first else (second, first)
        return (int(match[3]) if len(match[3]) == 4 else None), month, day
    for pattern, day_group, name_group in ((_DAY_MONTH_NAME, 1, 2), (_MONTH_NAME_DAY, 2, 1)):
        match = pattern.fullmatch(text)
        month = _month_number(match[name_group]) if match else None
        if match and month is not None:
            return int(match[3]), month, int(match[day_group])
    return None


def _month_number(word: str) -> int | None:
    """1-12 for a month's name or its abbreviation of three letters or more ("Sept")."""
    word = word.lower()
    if len(word) < 3:
        return None
    found = [i for i, name in enumerate(_MONTHS, 1) if name.lower().startswith(word)]
    return found[0] if len(found) == 1 else None


def _where(column, doc_id, locate: Locate | None) -> str:
    """``news.csv:7 (document 'C06')``, or ``document 'C06'`` when not known where."""
    origin = locate(str(doc_id), str(column)) if locate else ""
    return f"{origin} (document {doc_id!r})" if origin else f"document {doc_id!r}"


def _refusal(values: pd.Series, column, doc_id, problem: str, locate: Locate | None) -> str:
    """Why a date column cannot be read one way (``problem``), naming the document
    ``doc_id``, where its value was given and the value."""
    return (
        f"docvar {column!r}: {_where(column, doc_id, locate)} has "
        f"{_as_python(values[doc_id])!r}, which {problem}; {_ISO_HINT} so that every value "
        "reads one way"
    )


def _mixed_orders(values: pd.Series, column, day_first, month_first, locate) -> str:
    """Why a date column whose values tell both orders cannot be read one way, naming
    the document ``day_first`` (13/03/2024) and ``month_first`` (03/13/2024)."""

    def example(doc_id, order: str) -> str:
        where = _where(column, doc_id, locate)
        return f"{where} has {_as_python(values[doc_id])!r}, which can only be {order}"

    return (
        f"docvar {column!r} mixes day-first and month-first dates: "
        f"{example(day_first, 'day-first')}, and {example(month_first, 'month-first')}; "
        f"{_ISO_HINT} so that every value reads one way"
    )
