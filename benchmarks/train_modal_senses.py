"""Train the per-modal sense classifiers shipped in analysis/lexicons/modal_senses/.

Usage:
    python benchmarks/train_modal_senses.py [GOLD_DIR] [--write] [--exclude NAME ...]

GOLD_DIR defaults to ../shared/data/gold (skips cleanly when absent). Training data:
EPOS (silver, training only), MoVerb (Palmer labels with a majority), MiST (labels
mapped as in accuracy_hedging.py; papers under a non-commercial licence left out)
and MASC without its newspaper genre, which is kept as the held-out news test.
Features: :func:`analysis.modals.sense_features` (the rule's sense, subject word and
class, governed verb and the word after it, next token, aspect, passive, negation,
inversion, question, conditional, adverbs). Model: multinomial logistic regression
per modal (L2, L-BFGS from scipy at training time only; inference is plain Python).

Printed: accuracy on MASC newspaper (held out), grouped 5-fold cross-validation by
document for MASC (other genres), MoVerb and MiST, each beside the rules alone and
the most-frequent-sense baseline of the same test data. ``--write`` saves the model
trained on all training data, with provenance, as modal_senses-v1.json. No text
from the data is written: only feature names (single words and flags) and weights.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from accuracy_hedging import TARGET_MODALS, masc, mist, moverb
from scipy.optimize import minimize
from scipy.sparse import csr_matrix

import corpus
from analysis._senses import MODEL_DIR, SenseModel
from analysis.modals import _lexicon, _plan, modal_spans

ROOT = Path(__file__).resolve().parents[1]
SHORT = {"ep": "epistemic", "de": "deontic", "dy": "dynamic"}
L2 = 1.0
MIN_FEATURE_COUNT = 2
THRESHOLD = 0.7  # below it the rule's sense stands


class Recorder:
    """Stands in for a model: records the features and keeps the rule's answer."""

    def __init__(self):
        self.seen: list[tuple[list[str], str]] = []

    def predict(self, features, fallback):
        self.seen.append((features, fallback))
        return fallback


def epos(folder: Path) -> list[tuple]:
    out = []
    for modal in TARGET_MODALS:
        path = folder / f"{modal}_balance_classifier3_train.txt"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            sentence, _, label = line.rpartition("\t")
            if label in SHORT and sentence:
                out.append((sentence, modal, SHORT[label], 0, f"epos/{modal}/{n // 25}"))
    return out


def featurize(data: list[tuple]) -> list[tuple[list[str], str] | None]:
    """(features, rule sense) of the target instance of each item (None when missed)."""
    matcher, items, _ = _plan(_lexicon(None))
    out = []
    docs = corpus.from_texts([d[0] for d in data])
    for doc, (_text, modal, _gold, occurrence, _group) in zip(docs, data, strict=True):
        recorders = {m: Recorder() for m in TARGET_MODALS}
        spans = modal_spans(doc, matcher, items, recorders)
        seen = [r for s, r in zip(spans, range(len(spans)), strict=True) if s[2]["lemma"] == modal]
        rec = recorders[modal].seen
        out.append(rec[occurrence] if len(seen) > occurrence and len(rec) > occurrence else None)
    return out


def train(rows: list[tuple[list[str], str]], threshold: float = THRESHOLD) -> SenseModel:
    counts = Counter(g for _, g in rows)
    classes = tuple(sorted(c for c, n in counts.items() if n >= 5))
    rows = [(f, g) for f, g in rows if g in classes]
    freq = Counter(f for feats, _ in rows for f in set(feats))
    vocab = sorted(f for f, n in freq.items() if n >= MIN_FEATURE_COUNT)
    index = {f: k for k, f in enumerate(vocab)}
    cells = {(r, index[f]) for r, (feats, _) in enumerate(rows) for f in feats if f in index}
    cells |= {(r, len(vocab)) for r in range(len(rows))}  # the bias column
    r_idx, c_idx = zip(*sorted(cells), strict=True)
    x = csr_matrix((np.ones(len(r_idx)), (r_idx, c_idx)), shape=(len(rows), len(vocab) + 1))
    y = np.array([classes.index(g) for _, g in rows])
    onehot = np.eye(len(classes))[y]
    shape = (x.shape[1], len(classes))

    def loss(w_flat):
        w = w_flat.reshape(shape)
        scores = x @ w
        scores -= scores.max(axis=1, keepdims=True)
        logp = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
        reg = 0.5 * L2 * (w[:-1] ** 2).sum()
        grad = x.T @ (np.exp(logp) - onehot)
        grad[:-1] += L2 * w[:-1]
        return -(onehot * logp).sum() + reg, grad.ravel()

    fit = minimize(loss, np.zeros(shape).ravel(), jac=True, method="L-BFGS-B")
    w = fit.x.reshape(shape)
    weights = {f: tuple(round(float(v), 4) for v in w[k]) for f, k in index.items()}
    weights = {f: v for f, v in weights.items() if any(abs(t) >= 1e-3 for t in v)}
    bias = tuple(round(float(v), 4) for v in w[-1])
    return SenseModel(classes, bias, weights, threshold)


def fit_all(train_rows: dict[str, list], threshold: float) -> dict[str, SenseModel]:
    return {m: train(rows, threshold) for m, rows in train_rows.items() if len(rows) >= 20}


def evaluate(models, test: list[tuple], feats: list) -> dict[str, float]:
    gold = [d[2] for d in test]
    modals = [d[1] for d in test]
    mfs = {
        m: Counter(g for g, mm in zip(gold, modals, strict=True) if mm == m).most_common(1)[0][0]
        for m in set(modals)
    }
    ours, rules = [], []
    for modal, f in zip(modals, feats, strict=True):
        if f is None:
            ours.append("missed")
            rules.append("missed")
            continue
        features, rule = f
        rules.append(rule)
        ours.append(models[modal].predict(features, rule) if modal in models else rule)
    n = len(test)
    return {
        "n": n,
        "classifier": sum(g == p for g, p in zip(gold, ours, strict=True)) / n,
        "rules": sum(g == p for g, p in zip(gold, rules, strict=True)) / n,
        "mfs": sum(g == mfs[m] for g, m in zip(gold, modals, strict=True)) / n,
    }


def by_modal(data, feats):
    out = defaultdict(list)
    for d, f in zip(data, feats, strict=True):
        if f is not None:
            out[d[1]].append((f[0], d[2]))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(ROOT.parent / "shared" / "data" / "gold"))
    parser.add_argument("--write", action="store_true", help="write modal_senses-v1.json")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help="min probability")
    parser.add_argument(
        "--exclude",
        nargs="*",
        default=["epos"],
        help="training sets to leave out (default: epos; choices epos moverb mist masc)",
    )
    args = parser.parse_args(argv)
    gold = Path(args.gold)
    if not gold.is_dir():
        print(f"skipped: no annotated data at {gold}")
        return 0
    with open(gold / "mist_modals_scientific" / "metadata.csv", encoding="utf-8") as fh:
        noncommercial = {r["mist_paper_id"] for r in csv.DictReader(fh) if "NC" in r["license"]}
    masc_all = masc(gold / "masc_modal_senses")
    sets = {
        "epos": epos(gold / "epos_modal_senses_SILVER"),
        "moverb": [  # utterances are independent: groups of 20 for the folds
            (*d[:4], f"moverb/{i // 20}")
            for i, d in enumerate(moverb(gold / "moverb" / "moVerb_all.jsonl"))
        ],
        "mist": [
            d
            for d in mist(gold / "mist_modals_scientific")
            if d[4].removeprefix("mist/") not in noncommercial
        ],
        "masc": [d for d in masc_all if d[4] != "newspaper"],
    }
    sets = {k: v for k, v in sets.items() if k not in args.exclude}
    news = [d for d in masc_all if d[4] == "newspaper"]
    feats = {k: featurize(v) for k, v in sets.items()}
    news_feats = featurize(news)
    for k, v in sets.items():
        print(f"{k}: {len(v)} instances, {sum(f is None for f in feats[k])} not found")

    train_rows = defaultdict(list)
    for k in sets:
        for m, rows in by_modal(sets[k], feats[k]).items():
            train_rows[m].extend(rows)
    models = fit_all(train_rows, args.threshold)
    scores = {"masc newspaper (held out)": evaluate(models, news, news_feats)}

    # Grouped 5-fold cross-validation by document for each gold set (EPOS always trains).
    for name in ("masc", "moverb", "mist"):
        if name not in sets:
            continue
        data, fs = sets[name], feats[name]
        groups = sorted({d[4] for d in data})
        fold_of = {g: k % 5 for k, g in enumerate(groups)}
        total = Counter()
        n = 0
        for fold in range(5):
            test = [i for i, d in enumerate(data) if fold_of[d[4]] == fold]
            rows = defaultdict(list)
            for k in sets:
                for d, f in zip(sets[k], feats[k], strict=True):
                    if f is not None and not (k == name and fold_of[d[4]] == fold):
                        rows[d[1]].append((f[0], d[2]))
            result = evaluate(
                fit_all(rows, args.threshold), [data[i] for i in test], [fs[i] for i in test]
            )
            for key in ("classifier", "rules", "mfs"):
                total[key] += result[key] * result["n"]
            n += result["n"]
        scores[f"{name} (5-fold CV by document)"] = {"n": n, **{k: v / n for k, v in total.items()}}
    for name, s in scores.items():
        print(
            f"{name}: n={s['n']} classifier={s['classifier']:.3f} rules={s['rules']:.3f} "
            f"mfs={s['mfs']:.3f}"
        )
    if args.write:
        write_model(models, sets, scores)
    return 0


def write_model(models: dict[str, SenseModel], sets: dict, scores: dict) -> None:
    sources = {
        "epos": "EPOS English modal senses, balanced subsample (SILVER: automatic labels; "
        "training only). Zhou, Frank, Friedrich & Palmer 2015; Marasovic, Zhou, Palmer & "
        "Frank 2016, LiLT 14(3). github.com/amarasovic/modal-sense-classifcation. "
        "Licence: none stated.",
        "moverb": "MoVerb (Palmer labels with a majority). Owan, Gini & Kang 2023, CoNLL. "
        "github.com/minnesotanlp/moverb. Licence: none stated.",
        "mist": "MiST, papers under CC BY / CC BY-SA / CC0 only (30 CC BY-NC-SA papers left "
        "out). Henning, Macher, Grunewald & Friedrich 2022, Findings of EMNLP. "
        "Annotations CC BY 4.0.",
        "masc": "MASC modal senses, all genres except newspaper (kept as the held-out news "
        "test). Ide et al. (MASC); Marasovic et al. 2016. Licence of the labels: none stated.",
    }
    data = {
        "id": "modal_senses",
        "version": "1",
        "title": "Per-modal logistic-regression sense classifiers (epistemic/deontic/dynamic)",
        "licence": "CC-BY-4.0 (weights); see training_data for the sources' terms",
        "changelog": ["1: first release."],
        "training_script": "benchmarks/train_modal_senses.py",
        "training_data": [sources[k] + f" Instances used: {len(v)}." for k, v in sets.items()],
        "features": "analysis.modals.sense_features: rule=<rule sense>, subj=, subj2=, verb=, "
        "after=, next=, subjclass=, and flags perfect, progressive, passive, be, stative, "
        "negated, inverted, question, conditional, adverb, well, clause_start; features "
        f"seen fewer than {MIN_FEATURE_COUNT} times dropped; L2={L2}.",
        "held_out_scores": {
            k: {kk: round(vv, 4) for kk, vv in v.items()} for k, v in scores.items()
        },
        "notes": "No sentence of the training data is stored: only feature names (single "
        "words and flags) and weights.",
        "models": {
            m: {
                "classes": list(model.classes),
                "bias": list(model.bias),
                "threshold": model.threshold,
                "weights": {f: list(w) for f, w in sorted(model.weights.items())},
            }
            for m, model in sorted(models.items())
        },
    }
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    path = MODEL_DIR / "modal_senses-v1.json"
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    sys.exit(main())
