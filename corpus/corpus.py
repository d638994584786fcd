"""The Corpus: an ordered, immutable collection of Documents with docvars and a load report."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from .aliases import Aliases
from .document import Document
from .errors import alike_choice
from .metadata import coerce_docvar_types
from .normalize import NORMALIZER_VERSION, normalize_docvar
from .quotes import QUOTER_VERSION
from .segment import SENTENCIZER_VERSION, TOKENIZER_VERSION
from .streamed import StreamedDocuments

REPORT_COLUMNS = ["source", "doc_id", "status", "detail"]


# What subset() takes as several values of a docvar (any of them).
_SEVERAL = (list, tuple, set, frozenset, range, np.ndarray, pd.Index)


class Corpus:
    """Documents in a fixed order, one docvars table, and an account of every input.

    Build one with :func:`corpus.read_corpus` or :func:`corpus.from_texts`.

    Example:
        >>> from corpus import from_texts
        >>> c = from_texts(["We must act.", "It may rain."], docvars={"country": ["A", "B"]})
        >>> len(c), c.doc_ids, c.subset(country="B").doc_ids
        (2, ['doc1', 'doc2'], ['doc2'])
    """

    def __init__(
        self,
        documents: Sequence[Document],
        docvars: pd.DataFrame,
        report: pd.DataFrame,
        *,
        aliases: Aliases | None = None,
        lineage: Sequence[str] = (),
        drop_lines: Sequence[str] = (),
        read: Mapping[str, Any] | None = None,
    ) -> None:
        if isinstance(documents, StreamedDocuments):
            self._documents: Sequence[Document] = documents  # on disk (corpus.streamed)
            self._ids = list(documents.doc_ids)
        else:
            self._documents = tuple(documents)
            self._ids = [d.doc_id for d in self._documents]
        self._index = {doc_id: i for i, doc_id in enumerate(self._ids)}
        docvars = docvars.copy()
        docvars.index = pd.Index([str(i) for i in docvars.index], name="doc_id")
        self._docvars = docvars.reindex(self._ids)
        self._report = report.reset_index(drop=True)[REPORT_COLUMNS]
        self.aliases = aliases or Aliases.default()
        # How this corpus was made from the one read: subset() and with_docvars()
        # calls, in order, for provenance records (a reviewer can redo the selection).
        self.lineage: tuple[str, ...] = tuple(lineage)
        # The patterns of the lines left out of every text when it was read
        # (``read_corpus(..., drop_lines=...)``), for provenance records.
        self.drop_lines: tuple[str, ...] = tuple(drop_lines)
        # What was read and with which options that change what is read (the path as
        # given, a metadata sidecar, a text column, ...), for provenance records: the
        # fingerprint says whether a reviewer's corpus is the same, this how to read it.
        self.read: dict[str, Any] = dict(read or {})

    def __len__(self) -> int:
        return len(self._documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self._documents)

    def __getitem__(self, doc_id: str) -> Document:
        try:
            return self._documents[self._index[doc_id]]
        except KeyError:
            raise KeyError(f"no document with doc_id={doc_id!r} in this corpus") from None

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._index

    def __repr__(self) -> str:
        columns = ", ".join(self._docvars.columns) or "none"
        return f"<Corpus: {len(self)} documents; docvars: {columns}>"

    @property
    def doc_ids(self) -> list[str]:
        return list(self._ids)

    @property
    def streamed(self) -> bool:
        """Whether the documents stay on disk and are read as each pass needs them
        (``read_corpus(..., cache=True, stream=True)``)."""
        return isinstance(self._documents, StreamedDocuments)

    @property
    def documents(self) -> Sequence[Document]:
        """The documents in order: a tuple, or for a streamed corpus a sequence that
        reads them from disk when indexed or iterated (a slice stays on disk until
        then), giving new Document objects every time."""
        return self._documents

    def text_lengths(self) -> list[int]:
        """Each document's text length in characters, in corpus order (without reading
        the texts of a streamed corpus)."""
        if isinstance(self._documents, StreamedDocuments):
            return list(self._documents.lengths)
        return [len(d.text) for d in self._documents]

    @property
    def docvars(self) -> pd.DataFrame:
        """Metadata, one row per document, indexed by ``doc_id`` (a copy)."""
        return self._docvars.copy()

    @property
    def report(self) -> pd.DataFrame:
        """One row per input: ``source, doc_id, status, detail``.

        ``status`` is ``loaded``, ``repaired`` (``detail`` says how), ``skipped``
        (``detail`` says why) or ``metadata`` (a file read for docvars). The report a
        :class:`~corpus.BadDatesError` carries marks a document whose date is no date
        ``error``.
        """
        return self._report.copy()

    @property
    def versions(self) -> dict[str, str]:
        """Versions of the text-processing policies that shaped this corpus."""
        return policy_versions(self.aliases)

    @cached_property
    def fingerprint(self) -> str:
        """sha256 over doc ids, normalized texts, raw-text hashes, docvars and the normalizer version.

        The raw hashes make any edit count, even one normalization would erase (a soft
        hyphen, a trailing space): a reviewer can tell the inputs were not the same files.
        """
        fingerprint = Fingerprint()
        for doc in self._documents:
            fingerprint.add(doc.doc_id, doc.raw_sha256, doc.text)
        return fingerprint.hexdigest(self._docvars)

    def subset(self, where: Callable[[pd.DataFrame], pd.Series] | None = None, **values) -> Corpus:
        """The documents whose docvars match.

        Parameters:
            where: optional function of the docvars table returning a boolean mask.
            **values: ``docvar=value`` or ``docvar=[values]`` (any of them); ``doc_id``
                selects documents by id (``doc_id=["USA_45_1990", "FRA_45_1990"]``). A value
                that matches no document is an error naming it, in a list too (a typo
                would drop its documents unsaid); a ``range`` of numbers may have gaps.

        Example: ``c.subset(country=["RUS", "USA"], year=range(1990, 2000))``.

        The subset's ``report`` keeps the rows of the documents it holds; the full
        account of every input stays on the corpus it was taken from.
        """
        mask = pd.Series(True, index=self._docvars.index)
        for name, wanted in values.items():
            column = self._subset_column(name)
            # Docvar text was folded on reading ("Côte d’Ivoire" is stored with "'"):
            # fold what is asked for the same way (doc ids are kept as they are).
            fold = normalize_docvar if name in self._docvars.columns else _unchanged
            if isinstance(wanted, _SEVERAL):
                matches = column.isin([fold(v) for v in wanted])
            else:
                matches = column == fold(wanted)
            # A missing value (NA) matches nothing: False, not "ambiguous".
            matches = matches.fillna(False).astype(bool)
            if len(column) and not matches.any():
                # Usually a typo or a type mismatch (year="1990" for the number 1990).
                others = self._docvars.drop(columns=[name], errors="ignore")
                raise ValueError(_no_match_message(name, wanted, column, others=others))
            missing = _listed_values_matching_nothing(wanted, column[matches])
            if missing:
                # One typo in a list ("Frnace") would drop its documents unsaid.
                others = self._docvars.drop(columns=[name], errors="ignore")
                raise ValueError(_no_match_message(name, wanted, column, missing, others))
            mask &= matches
        if where is not None:
            selected = where(self._docvars)
            if not isinstance(selected, pd.Series):  # a numpy array or a list of booleans
                selected = pd.Series(np.asarray(selected), index=self._docvars.index)
            mask &= selected.fillna(False).astype(bool)
        chosen = [i for i, ok in enumerate(mask.tolist()) if ok]
        if isinstance(self._documents, StreamedDocuments):
            keep: Sequence[Document] = self._documents.take(chosen)
        else:
            keep = [self._documents[i] for i in chosen]
        kept_ids = {self._ids[i] for i in chosen}
        report = self._report[self._report["doc_id"].isin(kept_ids)]
        shown = {k: _named(v) for k, v in values.items()}
        step = _call("subset", {"where": _named(where), **shown} if where is not None else shown)
        return Corpus(
            keep,
            self._docvars.loc[list(kept_ids & set(mask.index))],
            report,
            aliases=self.aliases,
            lineage=(*self.lineage, step),
            drop_lines=self.drop_lines,
            read=self.read,
        )

    def _subset_column(self, name: str) -> pd.Series:
        """The docvar ``name``, or the doc ids for ``doc_id`` (no docvar has that name)."""
        if name in self._docvars.columns:
            return self._docvars[name]
        if name == "doc_id":
            index = self._docvars.index
            return pd.Series(index, index=index, name="doc_id")
        known = ", ".join(self._docvars.columns) or "none"
        alike = alike_choice(name, [*self._docvars.columns, "doc_id"])
        meant = f" did you mean {alike!r}?" if alike is not None else ""
        raise ValueError(
            f"subset: no docvar {name!r};{meant} docvars are: {known} (and doc_id selects by id)"
        )

    def texts(self) -> list[str]:
        return [d.text for d in self._documents]

    def with_docvars(self, **columns) -> Corpus:
        """This corpus with docvars added or replaced; the texts and the load report as
        they are. For a grouping the inputs do not name, such as a period or a
        country-and-period label (``by=`` takes one docvar).

        Parameters:
            **columns: ``name=values``, where values is a function of the docvars table
                (as :meth:`docvars` gives it) returning one value per document, a
                Series or mapping keyed by doc_id (a document it leaves out gets a
                missing value), a list in :attr:`doc_ids` order, or one value for all.
                Text is normalized as the loader normalizes docvars, and numbers
                written as text in a year or session column become numbers.

        Returns:
            A new Corpus; each document's :attr:`~corpus.Document.docvars` holds the
            new values too, and the fingerprint changes with them.

        Example:
            >>> from corpus import from_texts
            >>> c = from_texts(["a", "b"], docvars={"year": [1985, 1995]})
            >>> era = lambda dv: ["cold war" if y < 1991 else "after" for y in dv["year"]]
            >>> c2 = c.with_docvars(era=era)
            >>> c2.docvars["era"].tolist(), c2["doc2"].docvars["era"]
            (['cold war', 'after'], 'after')
        """
        table = self._docvars.copy()
        added = pd.DataFrame(index=table.index)
        shown = {}  # each column as the lineage records it
        for name, given in columns.items():
            if name == "doc_id":
                raise ValueError("with_docvars: doc_id is the documents' id, not a docvar")
            values = given(self._docvars.copy()) if callable(given) else given
            if isinstance(values, Iterator):
                values = list(values)  # a generator is read once, and recorded as values
                given = values
            shown[name] = _named(given)
            added[name] = self._aligned(name, values).map(normalize_docvar)
        typed = coerce_docvar_types(added)
        for name in typed.columns:
            table[name] = typed[name]
        records = table.astype(object).where(table.notna(), None).to_dict("records")
        if isinstance(self._documents, StreamedDocuments):
            documents: Sequence[Document] = self._documents.with_records(records)
        else:
            pairs = zip(self._documents, records, strict=True)
            documents = [_with_meta(d, meta) for d, meta in pairs]
        step = _call("with_docvars", shown)
        return Corpus(
            documents,
            table,
            self._report,
            aliases=self.aliases,
            lineage=(*self.lineage, step),
            drop_lines=self.drop_lines,
            read=self.read,
        )

    def _aligned(self, name: str, values) -> pd.Series:
        """``values`` of docvar ``name`` as a Series in corpus order, or a ValueError
        naming the docvar and what to give."""
        ids = self._ids
        keyed = isinstance(values, Mapping) or (
            isinstance(values, pd.Series) and not isinstance(values.index, pd.RangeIndex)
        )
        if keyed:
            series = pd.Series(dict(values), dtype=object)
            series.index = series.index.map(str)
            unknown = [k for k in series.index if k not in self._index]
            if unknown:
                shown = ", ".join(map(repr, unknown[:3])) + (" ..." if len(unknown) > 3 else "")
                raise ValueError(
                    f"with_docvars: {name} is keyed by {shown}, which are no doc_ids; a "
                    "mapping or Series gives each document's value by its doc_id. To map "
                    f"a docvar's values, give a function: {name}=lambda dv: "
                    "dv['country'].map(mapping)"
                )
            return series.reindex(ids).set_axis(self._docvars.index)
        if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
            return pd.Series([values] * len(ids), index=self._docvars.index, dtype=object)
        listed = list(values)
        if len(listed) != len(ids):
            raise ValueError(
                f"with_docvars: {name} has {len(listed)} values but the corpus has "
                f"{len(ids)} documents; give one per document in doc_ids order, or a "
                "Series or mapping keyed by doc_id"
            )
        return pd.Series(listed, index=self._docvars.index, dtype=object)


def _call(name: str, kwargs: dict) -> str:
    """A call as text for :attr:`Corpus.lineage`: ``subset(country=['RUS', 'USA'])``."""
    return f"{name}({', '.join(f'{k}={v!r}' for k, v in kwargs.items())})"


class _Named:
    """A function shown by its name in a lineage (its code is not recorded)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


def _unchanged(value):
    return value


def _named(value):
    """``value`` as a record shows it, the same on every run: a function by name
    (``<function recent>``, ``<function <lambda>>``), a set sorted, many values counted
    (``<2920 values>``), an object whose text holds a memory address by its type."""
    if callable(value):
        return _Named(f"<function {getattr(value, '__name__', type(value).__name__)}>")
    if isinstance(value, (set, frozenset)):
        value = sorted(value, key=str)
    if isinstance(value, (pd.Series, np.ndarray, pd.Index)):
        value = value.to_dict() if isinstance(value, pd.Series) else list(value)
    if isinstance(value, (list, tuple, dict)) and len(value) > _SHOWN_VALUES:
        return _Named(f"<{len(value)} values>")
    if isinstance(value, (list, tuple)):  # numpy's scalars as Python's: True, not np.True_
        value = [v.item() if isinstance(v, np.generic) else v for v in value]
    if " at 0x" in repr(value):
        return _Named(f"<{type(value).__name__}>")
    return value


# The most values a lineage step shows; more are counted.
_SHOWN_VALUES = 20


def _with_meta(doc: Document, meta: dict) -> Document:
    """``doc`` with new metadata, keeping the spans already computed from its text."""
    new = Document(doc.doc_id, doc.text, meta, doc.raw_sha256, doc.aliases)
    for name in ("sentences", "tokens", "words"):
        if name in doc.__dict__:
            new.__dict__[name] = doc.__dict__[name]
    return new


def _listed_values_matching_nothing(wanted, matched: pd.Series) -> list:
    """The values of a list ``wanted`` that no document has (``matched``: the column's
    values on the documents some value matched), in the order asked; [] for a single
    value and for a ``range``, a span of numbers with gaps in it by nature."""
    if not isinstance(wanted, _SEVERAL) or isinstance(wanted, range):
        return []
    found = pd.Series(matched.dropna().unique(), dtype=object)
    return [v for v in _listed(wanted) if not found.isin([normalize_docvar(v)]).any()]


def _listed(wanted) -> list:
    """The values of ``wanted`` (a list, set, array ...) as a plain list, numpy scalars
    as Python values, a set sorted (so that an error reads the same every run)."""
    values = sorted(wanted, key=str) if isinstance(wanted, (set, frozenset)) else list(wanted)
    return [v.item() if isinstance(v, np.generic) else v for v in values]


def _no_match_message(
    name: str,
    wanted,
    column: pd.Series,
    missing: list | None = None,
    others: pd.DataFrame | None = None,
) -> str:
    """The error of a ``subset`` value that matches no document: ``wanted`` itself, or
    the ``missing`` values of a list whose other values match (``others``: the other
    docvars, where the value may be found: a country's name asked of its code)."""
    sample = column.dropna().unique()[:5]
    values = ", ".join(repr(v.item() if hasattr(v, "item") else v) for v in sample)
    hint = meant = ""
    unmatched = wanted if missing is None else missing
    if wanted is None or (isinstance(wanted, float) and wanted != wanted):
        hint = f"; for missing values use where=lambda dv: dv[{name!r}].isna()"
    elif _text_for_numbers(unmatched, column):
        shown = unmatched if missing is None else missing[0]
        hint = f"; {name} holds numbers: give numbers, not text such as {shown!r}"
    elif (alike := _values_meant(wanted, column)) is not None:
        meant = f" did you mean {name}={alike!r}?"  # as check_choice says it
    elif others is not None and (holder := _docvar_holding(unmatched, others)) is not None:
        hint = f"; {holder[1]!r} is a value of the docvar {holder[0]}: select by {holder[0]}"
    if missing is None:
        asked = f"{name}={wanted!r}"
    else:
        each = " or ".join(repr(v) for v in missing)
        asked = f"{name}={each} (asked among {name}={_listed(wanted)!r})"
    rule = (
        ""
        if missing is None
        else "; each value of a list must match some document: leave out those that "
        "match none (a range of numbers may have gaps)"
    )
    return (
        f"subset: no document has {asked};{meant} {name} values are like: "
        f"{values or 'none'}{hint}{rule}"
    )


def _docvar_holding(unmatched, others: pd.DataFrame) -> tuple[str, object] | None:
    """The first other docvar that has one of the ``unmatched`` texts as a value, with
    that value: ``country="Nordhavn"`` where ``country`` holds codes and
    ``country_name`` holds "Nordhavn". None when no text value is found elsewhere.

    Example:
        >>> dv = pd.DataFrame({"country_name": ["Nordhavn"], "year": [1990]})
        >>> _docvar_holding("Nordhavn", dv), _docvar_holding(["XYZ"], dv)
        (('country_name', 'Nordhavn'), None)
    """
    values = unmatched if isinstance(unmatched, (list, tuple, set, frozenset)) else [unmatched]
    texts = [normalize_docvar(v) for v in _listed(values) if isinstance(v, str)]
    for column in others.columns:
        held = others[column]
        if pd.api.types.is_numeric_dtype(held) or pd.api.types.is_bool_dtype(held):
            continue
        for text in texts:
            if held.isin([text]).any():
                return column, text
    return None


def _values_meant(wanted, column: pd.Series):
    """``wanted`` (a value or a list of them) with each text spelled as a value of
    ``column`` spelled alike (another case, a close spelling), or None if none is.

    Example:
        >>> _values_meant("usa", pd.Series(["RUS", "USA"]))
        'USA'
        >>> _values_meant(["usa", "XYZ"], pd.Series(["RUS", "USA"]))
        ['USA', 'XYZ']
    """
    choices = column.dropna().unique().tolist()
    many = isinstance(wanted, _SEVERAL)
    asked = sorted(wanted, key=str) if isinstance(wanted, (set, frozenset)) else wanted
    values = list(asked) if many else [wanted]
    meant = [alike_choice(normalize_docvar(v), choices) for v in values]
    # A value the column has is "meant" as itself: no suggestion unless one changes.
    if all(m is None or m == normalize_docvar(v) for v, m in zip(values, meant, strict=True)):
        return None
    fixed = [v if m is None else m for v, m in zip(values, meant, strict=True)]
    return fixed if many else fixed[0]


def _text_for_numbers(wanted, column: pd.Series) -> bool:
    """Whether ``wanted`` (a value or a list of them) is text for a docvar of numbers."""
    numeric = pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)
    values = wanted if isinstance(wanted, (list, tuple, set, frozenset)) else [wanted]
    return numeric and len(values) > 0 and all(isinstance(v, str) for v in values)


def policy_versions(aliases: Aliases) -> dict[str, str]:
    """The text-processing policy versions a corpus read with ``aliases`` records."""
    return {
        "normalizer": NORMALIZER_VERSION,
        "tokenizer": TOKENIZER_VERSION,
        "sentencizer": SENTENCIZER_VERSION,
        "quoter": QUOTER_VERSION,
        "aliases": aliases.version,
    }


class Fingerprint:
    """:attr:`Corpus.fingerprint` built document by document, for a corpus written to
    the cache as it is read, whose documents are never all in memory."""

    def __init__(self) -> None:
        self._digest = hashlib.sha256(NORMALIZER_VERSION.encode())

    def add(self, doc_id: str, raw_sha256: str, text: str) -> None:
        """The next document, in corpus order."""
        self._digest.update(b"\x00doc\x00" + doc_id.encode() + b"\x00" + raw_sha256.encode())
        self._digest.update(b"\x00" + text.encode())

    def hexdigest(self, docvars: pd.DataFrame) -> str:
        """The fingerprint, once every document was added, with the corpus docvars."""
        digest = self._digest.copy()
        table = docvars.reindex(sorted(docvars.columns), axis=1)
        rows = table.astype(object).where(table.notna(), None).reset_index().values.tolist()
        digest.update(json.dumps(rows, default=str, ensure_ascii=False).encode())
        return digest.hexdigest()
