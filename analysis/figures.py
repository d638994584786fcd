"""Every table and figure of the notebooks, as small functions both they and ``communique figures`` call.

A notebook cell and :func:`build_figures` call the same function, so the two cannot
drift apart. Each function returns an :class:`Output`: a named result table (with its
provenance record) and, for figures, the plot that draws it.

- ``01_quickstart`` (the seed): :func:`summary`, :func:`quotes`, :func:`matches` for
  hedges, modals and comparisons, each with the sentence it was found in.
- ``02_voices`` (the seed): :func:`voices` — the reporter's words against the quoted
  speakers', for hedging and modality.
- ``03_comparing_countries`` (a corpus in UN General Debate layout): :func:`keyness`
  of one country against the rest, :func:`rates` of hedging and modality by country
  and by year, :func:`comparisons_over_time`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd

import corpus
from corpus import Corpus
from corpus.errors import check_choice

from .output import FIGURE_FORMATS, save_figure, write_table
from .provenance import make_record

SAMPLE_UN = Path(__file__).resolve().parents[1] / "notebooks" / "sample_un"
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


def un_corpus(path: str | Path | None = None, *, workers: int | None = None) -> Corpus:
    """A corpus of UN General Debate speeches; None reads the synthetic sample.

    Parameters:
        path: an unpacked archive folder (``Session NN - YYYY/ISO_NN_YYYY.txt``), or None
            for ``notebooks/sample_un`` (5 invented countries' speeches, 1990-1995, with
            the UN layout's docvars from its ``metadata.csv``).
        workers: processes used to read it (None: every core).
    """
    if path is None:
        if not SAMPLE_UN.is_dir():
            raise ValueError(
                f"the sample corpus is not at {SAMPLE_UN.name}/ (installed without the "
                "notebooks folder?); pass a corpus path"
            )
        path = SAMPLE_UN
    return corpus.read_corpus(path, workers=workers)


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
    sentences = []
    for doc_id, start in zip(table["doc_id"], table["start"], strict=True):
        doc = c[doc_id]
        s, e = doc.sentences[doc.sentence_id(int(start))]
        sentences.append(doc.text[s:e])
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
    for part in parts:
        lexicons.update(part.attrs.get("provenance", {}).get("lexicons", {}))
    record = make_record(function, params, c, lexicons)
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
    corpus_path: str | Path | None = None,
    out_dir: str | Path = "figures",
    *,
    target: str | None = None,
    formats: Sequence[str] = FIGURE_FORMATS,
    workers: int | None = None,
) -> list[Path]:
    """Regenerate every table and figure the notebooks make, without Jupyter.

    Tables are written as CSV, figures in each of ``formats``, into
    ``out_dir/<notebook>/``, each with a ``.provenance.json`` beside it. Running it
    twice on the same inputs writes byte-identical files.

    Parameters:
        corpus_path: the UN-layout corpus for ``03_comparing_countries`` (None: the
            synthetic sample); the seed notebooks always use the seed.
        out_dir: output folder (created).
        target: the country whose keywords are compared with the rest (default:
            ``DEFAULT_TARGET`` when the corpus has it, else the first country).
        formats: figure formats, from ``png, svg, pdf``.
        workers: processes to use for reading and every analysis (None: every core;
            1: no worker processes). The files written are the same either way.

    Returns:
        The paths of the tables and figures written (sidecars not listed).

    Example:
        >>> paths = build_figures(out_dir="figures")  # doctest: +SKIP
    """
    import matplotlib.pyplot as plt

    for fmt in formats:
        check_choice("formats", fmt, FIGURE_FORMATS)
    out_dir = Path(out_dir)
    seed = seed_corpus(workers=workers)
    un = un_corpus(corpus_path, workers=workers)
    written: list[Path] = []
    for notebook in NOTEBOOKS:
        c = un if notebook == "03_comparing_countries" else seed
        folder = out_dir / notebook
        for make in notebook_outputs(notebook, c, target=target, workers=workers):
            output = make()
            written.append(write_table(output.table, folder / f"{output.name}.csv"))
            if output.plot is None:
                continue
            ax = output.draw()
            for fmt in formats:
                written.append(save_figure(ax, folder / f"{output.name}.{fmt}", table=output.table))
            plt.close(ax.figure)
    return written


__all__ = [
    "DEFAULT_TARGET",
    "NOTEBOOKS",
    "Output",
    "build_figures",
    "comparisons_over_time",
    "keyness",
    "matches",
    "notebook_outputs",
    "pick_target",
    "quotes",
    "rates",
    "seed_corpus",
    "summary",
    "un_corpus",
    "voices",
    "with_sentences",
]
