"""Provenance records: which function, parameters, corpus and versions made a result."""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import inspect
import os
import platform
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from corpus import Corpus

from ._build import compiled_modules, source_commit

# What a result can depend on: p-values and the sense classifier's training (scipy),
# Parquet and string columns (pyarrow). Syllables are the project's own rules, recorded
# by the readability version.
PACKAGES = (
    "communique",
    "nltk",
    "pandas",
    "matplotlib",
    "numpy",
    "scipy",
    "pyarrow",
)
_WINDOWS_PATH = re.compile(r"\A[A-Za-z]:[\\/]")


def scrub_path(text: str) -> str:
    """A local path reduced to its last component, so records name no user or machine.

    Example:
        >>> scrub_path("/home/ana/data/ungdc"), scrub_path("sample_un")
        ('ungdc', 'sample_un')
    """
    if text.startswith(("/", "~", "\\")) or _WINDOWS_PATH.match(text):
        name = re.split(r"[\\/]", text.rstrip("/\\"))[-1]
        return name or "<path>"
    return text


def package_versions() -> dict[str, str]:
    """Versions of the packages that shape results (a copy of the process's record)."""
    return dict(_package_versions())


@functools.cache
def _package_versions() -> dict[str, str]:
    # Read once per process: the code running is the code imported at its start, and
    # reading the packages' metadata took 5 ms for every table.
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "not installed"
    versions["python"] = platform.python_version()
    # The version number stays 0.1.0 from one change to the next: the digest of the code
    # and data that ran tells two builds apart.
    versions["communique_files_sha256"] = files_digest()
    versions.update(build_fields())
    return versions


def build_fields() -> dict[str, str]:
    """How communique runs: ``communique_compiled``, its modules that are compiled
    extension modules (mypyc compiles eight in a regular install; "none" where they run
    as Python, as in a checkout), and ``communique_commit``, the git commit of the
    checkout the packages were imported from (absent for an installed copy). The
    commit names the sources, the files digest what ran: a checkout with local changes
    has the commit's name and another digest."""
    import analysis
    import corpus

    packages = [corpus, analysis]
    compiled = compiled_modules(packages)
    fields = {"communique_compiled": ", ".join(compiled) or "none"}
    commit = source_commit(packages)
    if commit is not None:
        fields["communique_commit"] = commit
    return fields


# What the digest reads: code (sources, compiled modules) and the data that shapes
# results (lexicons, models, alias tables, the house style), not the sample corpora.
_DIGESTED_SUFFIXES = frozenset({".py", ".so", ".pyd", ".toml", ".json", ".tsv", ".mplstyle"})
_UNDIGESTED_FOLDERS = frozenset({"__pycache__", "_seeds", "_sample_un"})


def files_digest(roots: list[Path] | None = None) -> str:
    """sha256 (first 16 hex digits) of the files of the ``corpus`` and ``analysis``
    packages (or of the package folders ``roots``), by relative path and content: the
    same for the same build, whatever the machine or the folder it is installed in."""
    if roots is None:
        import analysis
        import corpus

        roots = [Path(corpus.__file__).parent, Path(analysis.__file__).parent]
    digest = hashlib.sha256()
    for root in roots:
        files = [
            f
            for f in root.rglob("*")
            if f.suffix in _DIGESTED_SUFFIXES
            and f.is_file()
            and _UNDIGESTED_FOLDERS.isdisjoint(f.relative_to(root).parts)
        ]
        for f in sorted(files, key=lambda f: f.relative_to(root).as_posix()):
            digest.update(f"{root.name}/{f.relative_to(root).as_posix()}\x00".encode())
            digest.update(f.read_bytes())
    return digest.hexdigest()[:16]


def _plain(value: Any) -> Any:
    """Parameters as JSON-friendly values (no objects, no local paths of the user)."""
    if isinstance(value, str):
        return scrub_path(value)
    if isinstance(value, os.PathLike):
        return scrub_path(os.fspath(value))
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (set, frozenset)):  # in a fixed order: records must not vary
        return [_plain(v) for v in sorted(value, key=str)]
    if isinstance(value, (list, tuple, range)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return type(value).__name__


def make_record(
    function: str,
    params: dict[str, Any],
    c: Corpus | None = None,
    lexicons: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A provenance record as a plain dict (see :func:`attach`)."""
    versions, digests = _lexicon_fields(lexicons or {})
    record: dict[str, Any] = {
        "function": f"analysis.{function}",
        "parameters": {k: _plain(v) for k, v in sorted(params.items())},
        "lexicons": versions,
        "packages": package_versions(),
    }
    if digests:
        record["lexicon_sha256"] = digests
    if c is not None:
        record["corpus"] = {
            "fingerprint": c.fingerprint,
            "documents": len(c),
            "inputs": _input_counts(c),
            "versions": c.versions,
        }
        if getattr(c, "read", None):
            record["corpus"]["read"] = dict(c.read)  # read_corpus's path and options
        if getattr(c, "lineage", ()):
            record["corpus"]["selection"] = list(c.lineage)  # subset()/with_docvars() calls
        if getattr(c, "drop_lines", ()):
            # Lines left out of every text as it was read: read_corpus(drop_lines=...).
            record["corpus"]["drop_lines"] = list(c.drop_lines)
    return record


def _lexicon_fields(lexicons: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """``{id: version}`` and, for the loaded lexicons among the values, ``{id: sha256}``
    of their files: a version names a publication, the digest pins the exact content
    (a user's own file can reuse an id and version)."""
    versions, digests = {}, {}
    for name, value in sorted(lexicons.items()):
        versions[name] = str(getattr(value, "version", value))
        digest = getattr(value, "sha256", "")
        if digest:
            digests[name] = digest
    return versions, digests


def _input_counts(c: Corpus) -> dict[str, int]:
    """How many inputs were loaded, repaired and skipped (the load report's statuses)."""
    report = getattr(c, "report", None)
    if report is None or "status" not in getattr(report, "columns", ()):
        return {}
    return {str(k): int(v) for k, v in sorted(report["status"].value_counts().items())}


def attach(
    table: pd.DataFrame,
    function: str,
    params: dict[str, Any],
    c: Corpus | None = None,
    lexicons: dict[str, Any] | None = None,
) -> pd.DataFrame:
    """Store a provenance record in ``table.attrs["provenance"]`` and return the table.

    Parameters:
        table: the result table.
        function: the public function's name, e.g. ``"find_hedges"``.
        params: its parameters (objects are recorded by type name only).
        c: the corpus analysed (its fingerprint, size and text-processing versions).
        lexicons: lexicon id -> the version used, or the loaded Lexicon (whose file's
            SHA-256 is then recorded too, under ``lexicon_sha256``).
    """
    record = make_record(function, params, c, lexicons)
    # Tables of group rates carry how their intervals were drawn (see rates.group_rates).
    bootstrap = table.attrs.pop("bootstrap", None)
    if bootstrap is not None:
        record["bootstrap"] = bootstrap
    table.attrs["provenance"] = record
    return table


def provenance(table: pd.DataFrame) -> dict[str, Any]:
    """The provenance record of a result table ({} when it has none)."""
    return dict(table.attrs.get("provenance", {}))


@dataclass(frozen=True, eq=False)
class _Drawn:
    """What a ``plot_*`` call left on a figure (its call, or the record of the table it
    drew), with the Axes it drew on and the artists it added there, by which
    :func:`shown_calls` and :func:`shown_record` tell whether it is still on the figure."""

    entry: dict[str, Any]
    axes: Any
    artists: tuple[Any, ...]

    def shown_on(self, figure: Any) -> bool:
        """Whether the drawing is on ``figure``: its Axes is one of the figure's (not
        removed, nor discarded by ``fig.clear()``) and holds an artist it drew (a clear
        of the Axes takes every one away). A call that drew no artist is kept while its
        Axes is on the figure: there is nothing else to tell by."""
        if not any(self.axes is ax for ax in figure.axes):
            return False
        if not self.artists:
            return True
        # Spines, ticks and titles survive ax.clear(), so only what the call added
        # counts; by membership in the Axes' children, which holds whether or not a
        # version of matplotlib resets a removed artist's .axes.
        current = set(self.axes.get_children())
        return any(artist in current for artist in self.artists)


def _content(ax: Any) -> list[Any]:
    """The artists drawn on ``ax``: what ``ax.clear()`` takes away."""
    return [
        *ax.artists,
        *ax.collections,
        *ax.images,
        *ax.lines,
        *ax.patches,
        *ax.tables,
        *ax.texts,
    ]


def _keep(figure: Any, attribute: str, drawn: _Drawn) -> None:
    # A new list each time: a figure copied with copy.copy does not share it. Entries
    # hold the artists themselves, not weak references, so a figure still pickles.
    kept = [d for d in getattr(figure, attribute, []) if d.shown_on(figure)]
    setattr(figure, attribute, [*kept, drawn])


def remember_provenance(ax: Any, table: pd.DataFrame) -> None:
    """Keep the provenance of the table a figure shows on that figure.

    ``plot_*`` functions call this once they have drawn, so :func:`analysis.save_figure`
    can embed the record even when the caller passes only the Axes; it is dropped once
    its Axes is cleared or removed (see :func:`shown_record`).
    """
    record = table.attrs.get("provenance")
    if record:
        _keep(ax.figure, "communique_records", _Drawn(record, ax, tuple(_content(ax))))


def shown_record(figure: Any) -> dict[str, Any] | None:
    """The record of the last table a ``plot_*`` function drew on ``figure`` that is
    still shown there (None when there is none)."""
    shown = [d.entry for d in getattr(figure, "communique_records", []) if d.shown_on(figure)]
    return shown[-1] if shown else None


def shown_calls(figure: Any) -> list[dict[str, Any]]:
    """The ``plot_*`` calls that drew what ``figure`` shows, in the order they were
    made: a call whose Axes was cleared (``ax.clear()``, ``ax.cla()``), removed
    (``ax.remove()``) or discarded with the figure's (``fig.clear()``, ``fig.clf()``)
    is left out, whatever was drawn since."""
    return [d.entry for d in getattr(figure, "communique_plots", []) if d.shown_on(figure)]


def recorded_plot(function: Callable[..., Any]) -> Callable[..., Any]:
    """Decorate a ``plot_*`` function so that its call (its options, not the table or the
    Axes) is kept on the figure, in the order of the calls: :func:`analysis.save_figure`
    records those still shown (:func:`shown_calls`) under ``plots``, so a reviewer can
    redraw the figure from its tables."""
    signature = inspect.signature(function)
    drawn = next(iter(signature.parameters))  # the table (or corpus) drawn: recorded apart

    @functools.wraps(function)
    def plotted(*args: Any, **kwargs: Any) -> Any:
        given = kwargs.get("ax")  # keyword-only in every plot_* function
        before = set(_content(given)) if given is not None else set()
        ax = function(*args, **kwargs)
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        options = {k: _plain(v) for k, v in bound.arguments.items() if k not in (drawn, "ax")}
        call = {"function": f"analysis.{function.__name__}", "parameters": options}
        # What this call added, not what an earlier call or the caller drew on the same
        # Axes: a clear takes it all away, so any one of them left proves the call shown.
        added = tuple(a for a in _content(ax) if a not in before)
        _keep(ax.figure, "communique_plots", _Drawn(call, ax, added))
        return ax

    return plotted


def _union(sources: list[dict[str, Any]], field: str) -> dict[str, Any]:
    """The sources' ``field`` mappings merged; an id the sources give different values
    (two versions of one lexicon) lists them all, "1 | 2", rather than keeping the last."""
    values: dict[str, list[str]] = {}
    for source in sources:
        for key, value in (source.get(field) or {}).items():
            seen = values.setdefault(key, [])
            if str(value) not in seen:
                seen.append(str(value))
    return {key: " | ".join(seen) for key, seen in values.items()}


def combine_records(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """One record for a result made from several (a ``pd.concat`` of two tables, a
    figure of two panels): each source's record in full under ``sources``, and on top
    the union of their lexicons, the corpus they share (when they share one) and the
    running package versions, so that readers of a single record find them.

    Example:
        >>> a = {"function": "analysis.stat_hedging", "lexicons": {"hedges": "1"}}
        >>> b = {"function": "analysis.stat_modality", "lexicons": {"modals": "1"}}
        >>> r = combine_records([a, b])
        >>> r["function"], r["lexicons"], [s["function"] for s in r["sources"]]
        ('analysis.stat_hedging + analysis.stat_modality', {'hedges': '1', 'modals': '1'}, ['analysis.stat_hedging', 'analysis.stat_modality'])
    """
    sources = [dict(r) if r else {"function": "analysis.unknown"} for r in records]
    functions = [str(r.get("function") or "analysis.unknown") for r in sources]
    lexicons = _union(sources, "lexicons")
    digests = _union(sources, "lexicon_sha256")
    record: dict[str, Any] = {
        "function": " + ".join(functions),
        "parameters": {},
        "lexicons": dict(sorted(lexicons.items())),
        "packages": package_versions(),
    }
    if digests:
        record["lexicon_sha256"] = dict(sorted(digests.items()))
    corpora = [s.get("corpus") for s in sources]
    fingerprints = {c.get("fingerprint") for c in corpora if c}
    if all(corpora) and len(fingerprints) == 1:
        record["corpus"] = corpora[0]
    record["sources"] = sources
    return record
