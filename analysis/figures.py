"""Every table and figure of the notebooks, as small functions both they and ``communique figures`` call.

A notebook cell and :func:`build_figures` call the same function, so the two cannot
drift apart. Each function returns an :class:`Output`: a named result table (with its
provenance record) and, for figures, the plot that draws it.

- ``01_quickstart`` (the seed): :func:`summary`, :func:`quotes`, :func:`matches` for
  hedges, modals and comparisons, each with the sentence it was found in.
- ``02_voices`` (the seed): :func:`voices` — the reporter's words against the quoted
  speakers', for hedging and modality.
- ``03_comparing_countries`` (any corpus with ``country`` and ``year`` docvars, such as
  the UN General Debate layout): :func:`countries`, :func:`keyness` of one country
  against the rest, :func:`rates` of hedging and modality by country and by year,
  :func:`comparisons_over_time`. Its corpus goes through :func:`for_countries` first
  (``year`` taken from a ``date`` docvar when absent; a missing docvar is a
  :class:`MissingDocvarError` before anything is computed or written).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import pandas as pd

import corpus
from corpus import Corpus
from corpus.errors import check_choice

from .output import FIGURE_FORMATS, save_figure, write_table
from .provenance import attach, make_record

# The synthetic UN sample: in a checkout's notebooks/ folder, or the copy a regular
# install ships inside the package (see setup.py).
SAMPLE_UN = Path(__file__).resolve().parents[1] / "notebooks" / "sample_un"
if not SAMPLE_UN.is_dir():
    SAMPLE_UN = Path(__file__).resolve().parent / "_sample_un"
DEFAULT_TARGET = "XNO"
MATCH_KINDS = ("hedges", "modals", "comparisons")
RATE_MEASURES = ("hedging", "modality")
VOICES = ("authorial", "quoted")


@dataclass(frozen=True)
class Output:
    """A named result table, and the plot that draws it when it is a figure.

    ``name`` is the file stem used by :func:`build_figures`; ``plot`` takes the table
    and an optional Axes (the ``plot_*`` convention) and returns the Axes.
    """

    name: str
    table: pd.DataFrame
    plot: Callable[..., Any] | None = None

    def draw(self, ax: Any = None) -> Any:
        """Draw the figure (a new one when ``ax`` is None) and return the Axes."""
        if self.plot is None:
            raise ValueError(f"output {self.name!r} is a table, not a figure")
        return self.plot(self.table, ax=ax)


def _api(name: str) -> Callable[..., Any]:
    """A public analysis function by name (``find_hedges``, ``plot_modality``, ...)."""
    import analysis

    return getattr(analysis, name)


# --- corpora ----------------------------------------------------------------------


def seed_corpus(*, workers: int | None = None) -> Corpus:
    """The seed document(s) shipped in ``seeds/``."""
    return corpus.read_corpus(None, workers=workers)


def un_corpus(
    path: str | Path | None = None, *, workers: int | None = None, **read_options: Any
) -> Corpus:
    """The corpus of ``03_comparing_countries``; None reads the synthetic sample.

    Parameters:
        path: anything :func:`corpus.read_corpus` reads whose docvars include
            ``country`` and ``year`` (or ``date``): an unpacked UN General Debate archive
            (``Session NN - YYYY/ISO_NN_YYYY.txt``), a CSV of news articles, ... None:
            ``notebooks/sample_un`` (5 invented countries' speeches, 1990-1995, with the
            UN layout's docvars from its ``metadata.csv``).
        workers: processes used to read it (None: every core).
        read_options: passed to :func:`corpus.read_corpus` (``text_column=``,
            ``metadata=``, ...).

    Returns:
        The corpus after :func:`for_countries` (raises :class:`MissingDocvarError`
        when it lacks a docvar the notebook needs).
    """
    return for_countries(corpus.read_corpus(sample_path(path), workers=workers, **read_options))


def sample_path(path: str | Path | None) -> str | Path:
    """``path``, or the synthetic UN sample when None."""
    if path is not None:
        return path
    if not SAMPLE_UN.is_dir():
        raise ValueError(
            "the synthetic UN sample is not installed (neither a checkout's "
            "notebooks/sample_un nor the package's copy); pass a corpus path"
        )
    return SAMPLE_UN


class MissingDocvarError(ValueError):
    """The corpus lacks a docvar some output needs (a data problem, not a bad option)."""


# The docvars each output of 03_comparing_countries groups by, named by the stem of the
# files build_figures writes (keyness_<target> is written "keyness").
NEEDED_DOCVARS = {
    "countries": "country",
    "keyness": "country",
    "hedging_by_country": "country",
    "modality_by_country": "country",
    "hedging_by_year": "year",
    "modality_by_year": "year",
    "comparisons_by_year": "year",
}


def for_countries(c: Corpus) -> Corpus:
    """``c`` ready for ``03_comparing_countries``: ``year`` ensured, docvars checked.

    When ``c`` has no ``year`` docvar but a ``date`` one (dates as the CSV, JSONL or
    Parquet reader parses them, or text it can parse), ``year`` is the year of each
    date (missing where the date is). ``country_name`` is optional: without it,
    countries are labelled by their ``country`` value.

    Raises:
        MissingDocvarError: ``country`` or ``year`` (and ``date``) is missing, naming
            the outputs that need it and the docvars the corpus has; raised before any
            analysis runs, so nothing is half-computed or half-written.

    Example:
        >>> c = corpus.from_texts(["We may go."], docvars={"country": ["XNO"], "date": ["2021-03-04"]})
        >>> for_countries(c).docvars["year"].tolist()
        [2021]
    """
    have = list(c.docvars.columns)
    for docvar in dict.fromkeys(NEEDED_DOCVARS.values()):
        if docvar in have or (docvar == "year" and "date" in have):
            continue
        outputs = ", ".join(name for name, need in NEEDED_DOCVARS.items() if need == docvar)
        wanted = f"a {docvar!r} docvar" + (", or a 'date' one," if docvar == "year" else "")
        raise MissingDocvarError(
            f"03_comparing_countries needs {wanted} for {outputs}; this corpus has "
            f"docvars: {', '.join(have) or 'none'}. Add a {docvar!r} column, or give it by "
            "a metadata file or a filename template"
        )
    c = with_year(c)
    return c


def with_year(c: Corpus) -> Corpus:
    """``c`` with a ``year`` docvar from its ``date`` docvar, when it has no ``year``.

    Raises:
        MissingDocvarError: a ``date`` value that is not a date (naming the document).
    """
    docvars = c.docvars
    if "year" in docvars.columns or "date" not in docvars.columns:
        return c
    dates = docvars["date"]
    parsed = pd.to_datetime(dates, errors="coerce", format="mixed")
    unreadable = parsed.isna() & dates.notna()
    if unreadable.any():
        doc_id = unreadable[unreadable].index[0]
        raise MissingDocvarError(
            f"03_comparing_countries needs a 'year' docvar; this corpus has none, and its "
            f"'date' cannot give one: document {doc_id!r} has date={dates[doc_id]!r}, "
            f"which is not a date ({int(unreadable.sum())} such documents). Add a 'year' column"
        )
    docvars["year"] = parsed.dt.year.astype("Int64")
    documents = [
        replace(doc, meta={**doc.meta, "year": docvars.at[doc.doc_id, "year"]}) for doc in c
    ]
    return Corpus(documents, docvars, c.report, aliases=c.aliases, drop_lines=c.drop_lines)


# --- 01 quickstart ----------------------------------------------------------------


def summary(c: Corpus, *, by: str | None = None, workers: int | None = None) -> Output:
    """Size and readability (:func:`analysis.stat_summary`)."""
    return Output("summary", _api("stat_summary")(c, by=by, workers=workers))


def quotes(c: Corpus, *, workers: int | None = None) -> Output:
    """Quoted spans with kind and speaker (:func:`analysis.find_quotes`)."""
    return Output("quotes", _api("find_quotes")(c, workers=workers))


def matches(
    c: Corpus,
    kind: Literal["hedges", "modals", "comparisons"],
    *,
    workers: int | None = None,
) -> Output:
    """Hedges, modals or comparisons found in ``c``, each with its sentence.

    Returns:
        The ``find_<kind>`` table plus a ``sentence`` column (the whole sentence the
        match starts in), so every row can be read in context.
    """
    check_choice("kind", kind, MATCH_KINDS)
    table = _api(f"find_{kind}")(c, workers=workers)
    return Output(kind, with_sentences(table, c))


def with_sentences(table: pd.DataFrame, c: Corpus) -> pd.DataFrame:
    """Add a ``sentence`` column to a match table (``doc_id, start`` columns).

    Example:
        >>> c = corpus.from_texts(["It rains. We may go."])
        >>> t = pd.DataFrame({"doc_id": ["doc1"], "start": [13]})
        >>> with_sentences(t, c)["sentence"].tolist()
        ['We may go.']
    """
    # Each document once, in corpus order: a streamed corpus reads blocks, not a row
    # group per match.
    rows_of = {doc_id: [] for doc_id in table["doc_id"]}
    for row, doc_id in enumerate(table["doc_id"]):
        rows_of[doc_id].append(row)
    starts = table["start"].tolist()
    sentences: list[str | None] = [None] * len(table)
    for doc in c:
        for row in rows_of.pop(doc.doc_id, ()):
            s, e = doc.sentences[doc.sentence_id(int(starts[row]))]
            sentences[row] = doc.text[s:e]
    if rows_of:
        raise KeyError(f"no document with doc_id={next(iter(rows_of))!r} in this corpus")
    out = table.copy()
    out["sentence"] = pd.Series(sentences, index=table.index, dtype=object)
    out.attrs = dict(table.attrs)
    return out


# --- 02 voices --------------------------------------------------------------------


def voices(
    c: Corpus,
    measure: Literal["hedging", "modality"] = "hedging",
    *,
    workers: int | None = None,
) -> Output:
    """The reporter's voice against the quoted speakers', side by side.

    Returns:
        The ``stat_<measure>`` table computed once per voice, with ``group`` set to
        ``authorial`` or ``quoted``; drawn by ``plot_<measure>``.
    """
    check_choice("measure", measure, RATE_MEASURES)
    stat = _api(f"stat_{measure}")
    parts = [stat(c, voice=voice, workers=workers).assign(group=voice) for voice in VOICES]
    table = pd.concat(parts, ignore_index=True)
    table.attrs["provenance"] = _combined_record(
        "figures.voices", {"measure": measure, "voices": list(VOICES)}, c, parts
    )
    return Output(f"voices_{measure}", table, _api(f"plot_{measure}"))


# --- 03 comparing countries -------------------------------------------------------


def countries(c: Corpus) -> Output:
    """The countries of ``c``: code, name when the corpus gives one, and documents.

    Returns:
        One row per ``country`` value, sorted: ``country``, ``country_name`` (only when
        the corpus has that docvar: every name the country's documents give, in the
        order they first appear, joined by " / ": "Union of Soviet Socialist Republics /
        Russian Federation" for a code whose name changed), ``documents``.

    Example:
        >>> c = corpus.from_texts(["A.", "B.", "C."], docvars={"country": ["XNO", "XKA", "XNO"]})
        >>> countries(c).table.values.tolist()
        [['XKA', 1], ['XNO', 2]]
    """
    docvars = c.docvars
    grouped = docvars.groupby("country", sort=True)
    table = grouped.size().rename("documents").reset_index()
    if "country_name" in docvars.columns:
        names = grouped["country_name"].agg(_names_in_order).reset_index(drop=True)
        table.insert(1, "country_name", names)
    table = table.astype({"country": str})
    return Output("countries", attach(table, "figures.countries", {}, c))


def _names_in_order(names: pd.Series) -> str:
    """A country's names, each once, in the order its documents give them."""
    return " / ".join(dict.fromkeys(str(n) for n in names.dropna() if str(n).strip()))


def keyness(
    c: Corpus,
    *,
    target: str | None = None,
    by: str = "country",
    top_n: int = 20,
    workers: int | None = None,
) -> Output:
    """Words key to one group against all the others (:func:`analysis.stat_keyness`).

    Parameters:
        target: the group (default: ``XNO`` when present, else the first group).
        by: the docvar whose values are the groups.
        top_n: words shown per side.
        workers: processes to use (None: every core).
    """
    target = pick_target(c, target, by=by)
    table = _api("stat_keyness")(c, target=target, by=by, workers=workers)

    def plot(t: pd.DataFrame, ax: Any = None) -> Any:
        return _api("plot_keyness")(t, ax=ax, top_n=top_n)

    return Output(f"keyness_{target}", table, plot)


def pick_target(c: Corpus, target: str | None, *, by: str = "country") -> str:
    """``target`` checked against the groups of ``c``; a sensible default when None."""
    groups = sorted(c.docvars[by].dropna().astype(str).unique())
    if target is None:
        return DEFAULT_TARGET if DEFAULT_TARGET in groups else groups[0]
    check_choice("target", target, groups)
    return target


def rates(
    c: Corpus,
    measure: Literal["hedging", "modality"] = "hedging",
    *,
    by: Literal["country", "year"] = "country",
    workers: int | None = None,
) -> Output:
    """Hedging or modality rates per 1,000 words by country or by year, with 95% CIs."""
    check_choice("measure", measure, RATE_MEASURES)
    table = _api(f"stat_{measure}")(c, by=by, workers=workers)
    if by == "year":
        return Output(f"{measure}_by_year", table, _timeseries_plot(measure))
    return Output(f"{measure}_by_{by}", table, _api(f"plot_{measure}"))


def comparisons_over_time(c: Corpus, *, by: str = "year", workers: int | None = None) -> Output:
    """Comparisons per 1,000 words by year, with 95% CIs (:func:`analysis.stat_comparisons`)."""
    table = _api("stat_comparisons")(c, by=by, workers=workers)
    return Output(f"comparisons_by_{by}", table, _timeseries_plot("comparisons"))


# Lines drawn in the over-time figures (the tables keep every measure).
TIMESERIES_MEASURES = {
    "hedging": ("hedges", "boosters"),
    "modality": ("epistemic", "deontic", "dynamic"),
}


def _timeseries_plot(measure: str) -> Callable[..., Any]:
    shown = TIMESERIES_MEASURES.get(measure)

    def plot(t: pd.DataFrame, ax: Any = None) -> Any:
        if shown is not None:
            t = t[t["measure"].isin(shown)]
        return _api("plot_timeseries")(t, ax=ax)

    return plot


def _combined_record(
    function: str, params: dict, c: Corpus, parts: Sequence[pd.DataFrame]
) -> dict[str, Any]:
    lexicons: dict[str, str] = {}
    digests: dict[str, str] = {}
    for part in parts:
        lexicons.update(part.attrs.get("provenance", {}).get("lexicons", {}))
        digests.update(part.attrs.get("provenance", {}).get("lexicon_sha256", {}))
    record = make_record(function, params, c, lexicons)
    if digests:
        record["lexicon_sha256"] = dict(sorted(digests.items()))
    record["sources"] = [p.attrs.get("provenance", {}).get("function") for p in parts]
    return record


# --- the whole set ----------------------------------------------------------------


def notebook_outputs(
    notebook: str, c: Corpus, *, target: str | None = None, workers: int | None = None
) -> list[Callable[[], Output]]:
    """The outputs one notebook makes, as zero-argument calls (evaluated lazily)."""
    if notebook == "01_quickstart":
        return [
            lambda: summary(c, workers=workers),
            lambda: quotes(c, workers=workers),
            *[(lambda k=k: matches(c, k, workers=workers)) for k in MATCH_KINDS],
        ]
    if notebook == "02_voices":
        return [(lambda m=m: voices(c, m, workers=workers)) for m in RATE_MEASURES]
    if notebook == "03_comparing_countries":
        return [
            lambda: countries(c),
            lambda: keyness(c, target=target, workers=workers),
            *[
                (lambda m=m, b=b: rates(c, m, by=b, workers=workers))
                for m in RATE_MEASURES
                for b in ("country", "year")
            ],
            lambda: comparisons_over_time(c, workers=workers),
        ]
    raise ValueError(f"notebook={notebook!r} is not valid; choose one of: {', '.join(NOTEBOOKS)}")


NOTEBOOKS = ("01_quickstart", "02_voices", "03_comparing_countries")


def build_figures(
    corpus_path: str | Path | Corpus | None = None,
    out_dir: str | Path = "figures",
    *,
    target: str | None = None,
    formats: Sequence[str] = FIGURE_FORMATS,
    workers: int | None = None,
) -> list[Path]:
    """Regenerate every table and figure the notebooks make, without Jupyter.

    Tables are written as CSV, figures in each of ``formats``, into
    ``out_dir/<notebook>/``, each with a ``.provenance.json`` beside it. Running it
    twice on the same inputs writes byte-identical files. Every table is computed
    before the first file is written, so an error (a missing docvar, a bad ``target``)
    leaves ``out_dir`` as it was.

    Parameters:
        corpus_path: the corpus for ``03_comparing_countries``, a path or a
            :class:`~corpus.Corpus` (None: the synthetic sample); it needs ``country``
            and ``year`` (or ``date``) docvars, see :func:`for_countries`. The seed
            notebooks always use the seed.
        out_dir: output folder (created).
        target: the country whose keywords are compared with the rest (default:
            ``DEFAULT_TARGET`` when the corpus has it, else the first country).
        formats: figure formats, from ``png, svg, pdf``.
        workers: processes to use for reading and every analysis (None: every core;
            1: no worker processes). The files written are the same either way.

    Returns:
        The paths of the tables and figures written (sidecars not listed).

    Raises:
        MissingDocvarError: the corpus lacks ``country`` or ``year``/``date``.

    Example:
        >>> paths = build_figures(out_dir="figures")  # doctest: +SKIP
    """
    import matplotlib.pyplot as plt

    for fmt in formats:
        check_choice("formats", fmt, FIGURE_FORMATS)
    out_dir = Path(out_dir)
    if isinstance(corpus_path, Corpus):
        un = for_countries(corpus_path)
    else:
        un = un_corpus(corpus_path, workers=workers)
    target = pick_target(un, target)
    seed = seed_corpus(workers=workers)
    outputs = [
        (notebook, make())
        for notebook in NOTEBOOKS
        for make in notebook_outputs(
            notebook,
            un if notebook == "03_comparing_countries" else seed,
            target=target,
            workers=workers,
        )
    ]
    # Every figure is drawn before the first file is written, too: a table a plot
    # cannot draw fails here, with out_dir as it was.
    drawn: list[tuple[str, Output, Any]] = []
    written: list[Path] = []
    try:
        for notebook, output in outputs:
            drawn.append((notebook, output, output.draw() if output.plot is not None else None))
        for notebook, output, ax in drawn:
            folder = out_dir / notebook
            written.append(write_table(output.table, folder / f"{output.name}.csv"))
            for fmt in formats if ax is not None else ():
                path = folder / f"{output.name}.{fmt}"
                written.append(save_figure(ax, path, table=output.table))
    finally:
        for _, _, ax in drawn:  # only the figures drawn here: the caller's stay open
            if ax is not None:
                plt.close(ax.figure)
    return written


__all__ = [
    "DEFAULT_TARGET",
    "NEEDED_DOCVARS",
    "NOTEBOOKS",
    "MissingDocvarError",
    "Output",
    "build_figures",
    "comparisons_over_time",
    "countries",
    "for_countries",
    "keyness",
    "matches",
    "notebook_outputs",
    "pick_target",
    "quotes",
    "rates",
    "sample_path",
    "seed_corpus",
    "summary",
    "un_corpus",
    "voices",
    "with_sentences",
    "with_year",
]
