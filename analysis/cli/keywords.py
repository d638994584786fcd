"""`communique keywords`: keyness of a target group against the rest or a reference."""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import pandas as pd

import analysis
import corpus
from analysis._input import words_in_voice
from analysis.output import provenance_path

from .common import (
    DataError,
    OneDocvar,
    add_corpus_arguments,
    add_output_arguments,
    add_plot_argument,
    add_voice_argument,
    emit,
    load_corpus,
    min_count_value,
    note_no_quotes,
    save_plot,
    top_n_value,
)


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "keywords",
        help="key terms of a group against the rest (G2, log ratio with CI, dispersion check)",
        description=(
            "Keyness of a target group against all other documents, a named reference "
            "group, or an external frequency list (CSV/TSV with term,count)."
        ),
    )
    add_corpus_arguments(parser, path_required=True)
    parser.add_argument(
        "--by",
        metavar="DOCVAR",
        action=OneDocvar,
        help="docvar defining groups (required unless --reference is a frequency list: "
        "then the whole corpus is the target)",
    )
    parser.add_argument(
        "--target", help="target group (default: every group against the rest)", default=None
    )
    parser.add_argument(
        "--reference",
        help="reference group label, or a CSV/TSV file with columns term,count (default: the rest)",
    )
    parser.add_argument("--measure", choices=analysis.KEYNESS_MEASURES, default="g2")
    parser.add_argument("--correction", choices=analysis.P_CORRECTIONS, default="holm")
    parser.add_argument(
        "--test",
        choices=("tokens", "documents"),
        default="tokens",
        help=(
            "where p-values come from: tokens (G2's chi-square p, which treats every word "
            "as independent and is far too small for words that cluster in speeches) or "
            "documents (a permutation test with the speeches as the sample; needs 2 "
            "documents a side)"
        ),
    )
    add_voice_argument(parser, applies="on both sides; --test documents needs all")
    parser.add_argument(
        "--exclude",
        metavar="TERMS",
        type=_terms_value,
        action="extend",
        default=None,
        help="terms to leave out of the table and the correction, comma-separated, e.g. "
        "an outlet's own name and its bylines' words: --exclude meridian,post,'report*' "
        "(a term ending in * covers every term it starts; the option may be repeated)",
    )
    parser.add_argument(
        "--min-count", type=min_count_value, default=5, help="minimum count (default: 5)"
    )
    parser.add_argument(
        "--top-n", type=top_n_value, default=25, help="terms per direction (default: 25; 0 = all)"
    )
    add_output_arguments(parser)
    add_plot_argument(parser, draws="the keywords (plot_keyness: the top 20 each way)")
    parser.set_defaults(func=run)


def _terms_value(value: str) -> list[str]:
    """--exclude's comma-separated terms (one value per option, so that a PATH after it
    stays the PATH)."""
    return [term.strip() for term in value.split(",") if term.strip()]


# Files a reference frequency list may come in (what --output writes, but Excel).
_REFERENCE_FILES = (".csv", ".tsv", ".txt", ".parquet", ".json")


def _reference(value: str | None):
    if value is None:
        return None
    suffix = Path(value).suffix.lower()
    if suffix in {".xlsx", ".xls", ".md"}:
        raise DataError(
            f"--reference {value}: a frequency list is read from a CSV, TSV, Parquet or JSON "
            "file (communique frequency ... --top-n 0 --output ref.csv)"
        )
    if suffix not in _REFERENCE_FILES:
        return value  # a group label
    table = _read_reference(value, suffix)
    if not {"term", "count"} <= set(table.columns):
        raise DataError(f"--reference {value}: needs the columns term and count")
    record = _provenance_of(Path(value))
    if record is not None:
        table.attrs["provenance"] = record
    try:
        analysis.keyness.reference_counts(table)
        analysis.keyness.check_whole_frequency_list(table)
    except ValueError as exc:
        raise DataError(f"--reference {value}: {exc}") from exc
    return table


def _read_reference(value: str, suffix: str) -> pd.DataFrame:
    """The table in ``value``; every term kept as written ("null", "nan" and "NA" are
    words, not gaps)."""
    try:
        if suffix == ".parquet":
            return pd.read_parquet(value)
        if suffix == ".json":
            return pd.DataFrame(json.loads(Path(value).read_text(encoding="utf-8")))
        sep = "\t" if suffix in {".tsv", ".txt"} else ","
        return pd.read_csv(value, sep=sep, keep_default_na=False, na_filter=False)
    except OSError as exc:
        raise DataError(f"--reference {value}: cannot read ({exc.strerror})") from exc
    except ValueError as exc:
        raise DataError(f"--reference {value}: cannot read as a table ({exc})") from exc


def _provenance_of(path: Path) -> dict | None:
    """The provenance record that --output wrote beside ``path``, if it describes this
    file (a sidecar left from an earlier file of the same name says nothing of it)."""
    sidecar = provenance_path(path)
    if not sidecar.is_file():
        return None
    try:
        record = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"--reference {path}: cannot read {sidecar.name} ({exc})") from exc
    written = (record.get("output") or {}).get("sha256")
    return record if written == hashlib.sha256(path.read_bytes()).hexdigest() else None


def run(args: argparse.Namespace) -> int:
    c = load_corpus(args)
    note_no_quotes(c, args)
    reference = _reference(args.reference)
    if args.by is None and not isinstance(reference, pd.DataFrame):
        raise ValueError(
            "keywords needs --by DOCVAR (the groups to compare), unless --reference is a "
            "frequency list file (term,count), against which the whole corpus is the target"
        )
    try:
        table = analysis.stat_keyness(
            c,
            by=args.by,
            target=args.target,
            reference=reference,
            measure=args.measure,
            min_count=args.min_count,
            correction=args.correction,
            test=args.test,
            voice=args.voice,
            top_n=args.top_n or None,
            exclude=args.exclude,
            workers=args.workers,
        )
    except ValueError as exc:
        if not str(exc).startswith(EMPTY_SIDE):
            raise
        # The library names the side; the CLI also names the groups and options behind it.
        raise DataError(_empty_side(c, args, reference) or str(exc)) from exc
    emit(table, args)
    save_plot(table, args, analysis.plot_keyness)
    return 0


# The start of analysis.keyness's message when the target or the reference has no words.
EMPTY_SIDE = "keyness needs words on both sides"


def _empty_side(c: corpus.Corpus, args: argparse.Namespace, reference) -> str | None:
    """Which side of the comparison has no words, said with the command's options."""
    if isinstance(reference, pd.DataFrame) and reference["count"].sum() <= 0:
        return (
            f"--reference {args.reference}: the frequency list has no words (its counts add to 0)"
        )
    if args.by is None:
        return None  # the whole corpus against a list: the library's message says it
    words = _words_per_group(c, args.by, args.voice)
    total = sum(words.values())
    by = f"--by {args.by}"
    # With one voice, a side can have words and none of them in that voice.
    none = "no words" if args.voice == "all" else f"no words in the {args.voice} voice"
    targets = [str(args.target)] if args.target not in (None, "all") else sorted(words)
    for target in targets:
        if words.get(target, 0) == 0:
            return f"the target group {target!r} ({by}) has {none}"
        if isinstance(reference, str):
            if words.get(reference, 0) == 0:
                return f"the reference group {reference!r} ({by}) has {none}"
        elif reference is None and total - words[target] == 0:
            if args.voice != "all" and len(words) > 1:
                return (
                    f"the reference (the documents outside the target group {target!r}) has {none}"
                )
            return (
                f"the reference (the documents outside the target group {target!r}) has no "
                f"words: {target!r} is the only {by} group; give --by a docvar with several "
                "values, or --reference a frequency list (term,count)"
            )
    return None


def _words_per_group(c: corpus.Corpus, by: str, voice: str = "all") -> dict[str, int]:
    """Words in ``voice`` of each --by group, labelled as analysis labels them (missing:
    "(missing)")."""
    if by == "doc_id":
        labels = pd.Series(c.doc_ids, index=c.doc_ids)
    else:
        labels = c.docvars[by].astype("string").fillna("(missing)")
    words: dict[str, int] = {}
    for doc in c:
        label = str(labels[doc.doc_id])
        words[label] = words.get(label, 0) + len(words_in_voice(doc, voice))
    return words
