"""Accuracy of find_comparisons, next to a keyword-regex baseline computed in the same run.

Usage:
    python benchmarks/accuracy_comparisons.py [--gold DIR] [--un PATH] [--un-docs N]

Three measurements:

1. Figurative comparisons (Niculae & Danescu-Niculescu-Mizil 2014), at
   ``../shared/data/gold/figurative_comparisons`` relative to the repository root or
   ``--gold``. Every sentence there holds one validated comparison ("A is _ like B",
   "as _ as", "-er than"), so only recall can be measured: a comparison is *found* when
   a row's span covers its COMPARATOR token; the tenor (vehicle) is *right* when the
   row's tenor (vehicle) contains the annotated TOPIC (VEHICLE) head word. Recall is
   split by comparator and by the unanimous figurative / literal label. The detector
   does not classify figurative vs literal.
2. The hand-checked fixture ``tests/fixtures/comparisons/un_sample.tsv`` (sentences
   paraphrased from a seeded random sample of UN speeches, plus formula cases):
   sentence-level precision / recall / F1 (a sentence is comparative when it has any
   row) and row-level precision / recall on (type, trigger).
3. The dev fixture ``tests/fixtures/comparisons/comparative_sentences.tsv`` (sentences
   written for the project in the style of reviews, forums and news, labelled
   comparative or not in the sense of Jindal & Liu 2006): sentence-level precision /
   recall / F1 beside the keyword baseline. Written by the same hand as the rules, so
   it is optimistic; the independent score is on unseen data.
4. Formula false alarms on UN speeches (``--un``: the archive
   ``../shared/data/ungdc-1946-1999.tar.xz``, or an unpacked folder such as /tmp/ungdc):
   over a seeded random sample of speeches, the share of rows whose trigger is part of
   "would like to", "like to", "as well as", "such as", "as soon as", "as long as",
   "as far as". Target: fewer than 1 in 20.

Baseline: a sentence is comparative when it matches
``\\b(like|than|as \\w+ as|similar|same|compared?|most|least|\\w+est|more|less)\\b``.

Skips (exit 0) when the data are absent. Nothing from them is copied anywhere.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tarfile
import tempfile
import time
from collections import Counter
from pathlib import Path

import pandas as pd
from _harness import files_under

import corpus
from analysis import find_comparisons

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
FIXTURE = ROOT / "tests" / "fixtures" / "comparisons" / "un_sample.tsv"
DEV_FIXTURE = ROOT / "tests" / "fixtures" / "comparisons" / "comparative_sentences.tsv"
BASELINE = re.compile(
    r"\b(?:like|than|as \w+ as|similar|same|compared?|most|least|\w+est|more|less)\b", re.I
)
FORMULAS = re.compile(
    r"\b(?:would like to|'d like to|like to|as well as|such as|as soon as|as long as|as far as)\b",
    re.I,
)


# ------------------------------------------------------------ figurative comparisons


def read_conll(path: Path, encoding: str) -> list[dict]:
    """Sentences of the figurative-comparisons file: tokens, roles and metadata."""
    sentences = []
    meta, tokens = None, []
    for line in path.read_text(encoding=encoding).splitlines():
        if re.match(r"#\s*\{", line):  # a metadata line; a "#" token line has a tab
            if tokens:
                sentences.append({"meta": meta, "tokens": tokens})
            meta, tokens = json.loads(line[1:].strip()), []
        elif line.strip():
            cols = line.split("\t")
            tokens.append((cols[0], cols[6] if len(cols) > 6 else "_"))
    if tokens:
        sentences.append({"meta": meta, "tokens": tokens})
    return sentences


def detokenize(tokens: list[tuple[str, str]]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens with spaces (none before punctuation and clitics); token offsets."""
    text, spans = "", []
    for form, _ in tokens:
        glue = not text or re.fullmatch(r"[.,;:!?)\]]+|n't|'s|'re|'ll|'ve|'d|'m", form)
        if not glue:
            text += " "
        spans.append((len(text), len(text) + len(form)))
        text += form
    return text, spans


def figurative_label(scores: list[int]) -> str:
    if all(s <= 2 for s in scores):
        return "literal"
    if all(s >= 3 for s in scores):
        return "figurative"
    return "mixed"


def score_figurative(gold_dir: Path) -> pd.DataFrame:
    records = []
    for name, encoding in (("amazon", "utf-8"), ("wacky", "cp1252")):
        for sent in read_conll(gold_dir / name, encoding):
            text, spans = detokenize(sent["tokens"])
            roles = {role: spans[i] for i, (_, role) in enumerate(sent["tokens"]) if role != "_"}
            if "COMPARATOR" not in roles:
                continue
            records.append(
                {
                    "source": name,
                    "text": text,
                    "comparator": sent["tokens"][
                        [r for _, r in sent["tokens"]].index("COMPARATOR")
                    ][0].lower(),
                    "roles": roles,
                    "label": figurative_label(sent["meta"].get("figurativeness", [])),
                }
            )
    texts = [r["text"] for r in records]
    c = corpus.from_texts(texts)
    t0 = time.perf_counter()
    rows = find_comparisons(c, workers=1)
    seconds = time.perf_counter() - t0
    by_doc = {d: part for d, part in rows.groupby("doc_id")}
    out = []
    for doc_id, rec in zip(c.doc_ids, records, strict=True):
        text = c[doc_id].text
        part = by_doc.get(doc_id)
        # Normalization may move characters; find the comparator again by its word index.
        comp = rec["roles"]["COMPARATOR"]
        word = rec["text"][comp[0] : comp[1]]
        occurrence = rec["text"][: comp[0]].lower().count(f" {word.lower()} ")
        hits = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text, re.I)]
        pos = hits[min(occurrence, len(hits) - 1)] if hits else -1
        found = sentence_found = False
        tenor_ok = vehicle_ok = False
        if part is not None:
            sentence_found = True
            covering = part[(part["start"] <= pos) & (part["end"] > pos)]
            found = len(covering) > 0
            if found:
                row = covering.iloc[0]
                topic = _role_word(rec, "TOPIC")
                vehicle = _role_word(rec, "VEHICLE")
                tenor_ok = bool(topic) and topic.lower() in str(row["tenor"]).lower().split()
                vehicle_ok = bool(vehicle) and vehicle.lower() in re.findall(
                    r"[\w'-]+", str(row["vehicle"]).lower()
                )
        out.append(
            {
                "source": rec["source"],
                "comparator": rec["comparator"],
                "label": rec["label"],
                "found": found,
                "sentence_found": sentence_found,
                "tenor_ok": tenor_ok,
                "vehicle_ok": vehicle_ok,
                "baseline": bool(BASELINE.search(rec["text"])),
            }
        )
    table = pd.DataFrame(out)
    table.attrs["seconds"] = seconds
    table.attrs["words"] = sum(len(t.split()) for t in texts)
    return table


def _role_word(rec: dict, role: str) -> str:
    span = rec["roles"].get(role)
    return rec["text"][span[0] : span[1]] if span else ""


# ------------------------------------------------------------------ the UN fixture


def read_fixture(path: Path = FIXTURE) -> pd.DataFrame:
    table = pd.read_csv(path, sep="\t", comment="#", dtype=str, keep_default_na=False)
    table["expected"] = table["expected"].map(
        lambda s: [tuple(x.strip().split("|")) for x in s.split(";") if x.strip()]
    )
    return table


def score_fixture(path: Path = FIXTURE) -> dict[str, float]:
    """Sentence- and row-level precision/recall of find_comparisons on the fixture."""
    table = read_fixture(path)
    c = corpus.from_texts(list(table["sentence"]))
    rows = find_comparisons(c, workers=1)
    predicted = {
        d: list(zip(p["type"], p["trigger"], strict=True)) for d, p in rows.groupby("doc_id")
    }
    tp = fp = fn = 0
    rtp = rfp = rfn = 0
    btp = bfp = bfn = 0
    for doc_id, (sentence, expected) in zip(
        c.doc_ids, table[["sentence", "expected"]].itertuples(index=False), strict=True
    ):
        got = predicted.get(doc_id, [])
        gold, pred, base = bool(expected), bool(got), bool(BASELINE.search(sentence))
        tp, fp, fn = tp + (gold and pred), fp + (pred and not gold), fn + (gold and not pred)
        btp, bfp, bfn = btp + (gold and base), bfp + (base and not gold), bfn + (gold and not base)
        remaining = Counter(expected)
        for row in got:
            if remaining[row] > 0:
                remaining[row] -= 1
                rtp += 1
            else:
                rfp += 1
        rfn += sum(remaining.values())
    return {
        "sentences": len(table),
        "comparative_sentences": int(sum(bool(e) for e in table["expected"])),
        **_prf("sentence", tp, fp, fn),
        **_prf("row", rtp, rfp, rfn),
        **_prf("baseline_sentence", btp, bfp, bfn),
    }


def _prf(prefix: str, tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    f = 2 * p * r / (p + r) if p + r else float("nan")
    return {f"{prefix}_precision": p, f"{prefix}_recall": r, f"{prefix}_f1": f}


def score_comparative_sentences(path: Path = DEV_FIXTURE) -> dict[str, float]:
    """Sentence-level P/R/F1 of find_comparisons and of the keyword baseline."""
    table = pd.read_csv(path, sep="\t", comment="#", dtype=str, keep_default_na=False)
    c = corpus.from_texts(list(table["sentence"]))
    found = set(find_comparisons(c, workers=1)["doc_id"])
    gold = [label == "1" for label in table["comparative"]]
    pred = [doc_id in found for doc_id in c.doc_ids]
    base = [bool(BASELINE.search(s)) for s in table["sentence"]]

    def counts(guess):
        tp = sum(g and p for g, p in zip(gold, guess, strict=True))
        fp = sum(p and not g for g, p in zip(gold, guess, strict=True))
        fn = sum(g and not p for g, p in zip(gold, guess, strict=True))
        return tp, fp, fn

    return {
        "sentences": len(table),
        "comparative_sentences": sum(gold),
        **_prf("sentence", *counts(pred)),
        **_prf("baseline_sentence", *counts(base)),
    }


# ------------------------------------------------------------ UN formula false alarms


def un_files(path: Path) -> tuple[list[Path], tempfile.TemporaryDirectory | None]:
    if path.is_dir():
        return files_under(path, "*.txt"), None
    tmp = tempfile.TemporaryDirectory()
    with tarfile.open(path) as tar:
        tar.extractall(tmp.name, filter="data")
    return files_under(Path(tmp.name), "*.txt"), tmp


def score_formulas(un_path: Path, n_docs: int, seed: int = 20261127) -> dict[str, float]:
    files, tmp = un_files(un_path)
    files = [f for f in files if re.match(r"[A-Z]{3}_\d+_\d{4}\.txt$", f.name)]
    sample = random.Random(seed).sample(files, min(n_docs, len(files)))
    c = corpus.from_texts({f.stem: f.read_text(encoding="utf-8", errors="replace") for f in sample})
    t0 = time.perf_counter()
    rows = find_comparisons(c, workers=1)
    seconds = time.perf_counter() - t0
    false_alarms = sum(_inside_formula(c[row.doc_id].text, row) for row in rows.itertuples())
    words = sum(len(d.words) for d in c)
    if tmp is not None:
        tmp.cleanup()
    return {
        "documents": len(c),
        "words": words,
        "rows": len(rows),
        "rows_per_1000_words": len(rows) / words * 1000 if words else float("nan"),
        "formula_false_alarms": false_alarms,
        "formula_false_alarm_rate": false_alarms / len(rows) if len(rows) else float("nan"),
        "seconds": seconds,
        "words_per_second": words / seconds if seconds else float("nan"),
        "by_type": rows["type"].value_counts().to_dict(),
    }


def _inside_formula(text: str, row) -> int:
    """1 when the row's first trigger word sits inside a formula ('would like to', 'as well as')."""
    first = re.search(rf"\b{re.escape(row.trigger.split()[0])}\b", text[row.start : row.end], re.I)
    if first is None:
        return 0
    pos = row.start + first.start()
    for m in FORMULAS.finditer(text, max(0, pos - 20), pos + 30):
        if m.start() <= pos < m.end():
            return 1
    return 0


# ------------------------------------------------------------------------- report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=DATA / "gold" / "figurative_comparisons")
    parser.add_argument("--un", type=Path, default=DATA / "ungdc-1946-1999.tar.xz")
    parser.add_argument("--un-docs", type=int, default=300)
    args = parser.parse_args(argv)

    fixture = score_fixture()
    print("UN hand-checked fixture (tests/fixtures/comparisons/un_sample.tsv)")
    for key, value in fixture.items():
        print(f"  {key:32} {value:.3f}" if isinstance(value, float) else f"  {key:32} {value}")

    dev = score_comparative_sentences()
    print(
        "\nComparative sentences, dev fixture (tests/fixtures/comparisons/comparative_sentences.tsv)"
    )
    for key, value in dev.items():
        print(f"  {key:32} {value:.3f}" if isinstance(value, float) else f"  {key:32} {value}")

    if args.gold.is_dir():
        table = score_figurative(args.gold)
        print(f"\nFigurative comparisons ({len(table)} gold comparisons; recall only)")
        print(f"  found (row covers comparator)  {table['found'].mean():.3f}")
        print(f"  sentence has any row           {table['sentence_found'].mean():.3f}")
        print(f"  keyword baseline, sentence     {table['baseline'].mean():.3f}")
        found = table[table["found"]]
        print(f"  tenor head right (of found)    {found['tenor_ok'].mean():.3f}")
        print(f"  vehicle head right (of found)  {found['vehicle_ok'].mean():.3f}")
        print(
            "  recall by comparator:",
            table.groupby("comparator")["found"].agg(["mean", "size"]).round(3).to_dict("index"),
        )
        print(
            "  recall by label:",
            table.groupby("label")["found"].agg(["mean", "size"]).round(3).to_dict("index"),
        )
        secs = table.attrs["seconds"]
        print(f"  speed: {table.attrs['words'] / secs:,.0f} words/s")
    else:
        print(f"\nskipped figurative comparisons: {args.gold} not found")

    if args.un.exists():
        result = score_formulas(args.un, args.un_docs)
        print(f"\nUN speeches, formula false alarms ({args.un_docs} random speeches)")
        for key, value in result.items():
            print(f"  {key:28} {value:.4f}" if isinstance(value, float) else f"  {key:28} {value}")
    else:
        print(f"\nskipped UN formula check: {args.un} not found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
