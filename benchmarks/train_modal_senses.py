"""Train the per-modal sense classifiers shipped in analysis/lexicons/modal_senses/.

Usage:
    python benchmarks/train_modal_senses.py [GOLD_DIR] [--write] [--exclude NAME ...]
        [--threshold P] [--l2 C] [--unclear-below P]

GOLD_DIR defaults to ../shared/data/gold (skips cleanly when absent). Training data:
EPOS (silver, training only), MoVerb (Palmer labels with a majority), MiST (labels
mapped as in accuracy_hedging.py; papers under a non-commercial licence left out)
and MASC without its newspaper genre, which is kept as the held-out news test.
Features: :func:`analysis._modal_rules.sense_features` (the rule's sense, subject word,
class and person, governed verb, its class and the word after it, next token,
adverbs, aspect, passive, predicate after "be", negation, inversion, question,
conditional, past-tense context, purpose clause, no governed verb), each also copied
per training corpus (:func:`analysis._senses.augment`), so that the corpora's
different priors and habits (MoVerb's crowd labels read most "must" as epistemic,
EPOS is balanced by sense) do not leak into the general weights. Model: multinomial
logistic regression per modal (L2, L-BFGS from scipy at training time only;
inference is plain Python), reading the MASC copies at prediction time.

Printed: accuracy on MASC newspaper (held out), grouped 5-fold cross-validation for
MASC (folds by genre: the files carry no document ids), MoVerb (blocks of 20
utterances) and MiST (by paper), each beside the rules alone and the most-frequent-
sense baseline of the same test data, with the share of ``unclear`` answers (counted
as wrong). ``--write`` saves the model trained on all training data, with
provenance, as modal_senses-v2.json. No text from the data is written: only feature
names (single words and flags) and weights.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np
from accuracy_hedging import TARGET_MODALS, masc, mist, moverb
from scipy.optimize import minimize
from scipy.sparse import csr_matrix

import corpus
from analysis._modal_rules import _lexicon, _plan, modal_spans
from analysis._senses import MODEL_DIR, MODEL_VERSION, SenseModel, augment

ROOT = Path(__file__).resolve().parents[1]
SHORT = {"ep": "epistemic", "de": "deontic", "dy": "dynamic"}
L2 = 3.0
MIN_FEATURE_COUNT = 2
# What a cross-validation fold holds out, per corpus (MASC files carry no document ids).
_FOLD_UNIT = {"masc": "genre", "moverb": "block of 20 utterances", "mist": "paper"}
THRESHOLD = 0.6  # below it the rule's sense stands
UNCLEAR_BELOW = 0.5  # a modal governing no verb, below it: unclear
DOMAIN = "masc"  # whose feature copies the shipped models read


class Recorder:
    """Stands in for a model: records the features, the rule's answer and whether the
    rule stands (the classifier may not overrule it there), and keeps the rule's answer."""

    def __init__(self):
        self.seen: list[tuple[list[str], str, bool]] = []

    def predict(self, features, fallback, *, rule_stands=False):
        self.seen.append((features, fallback, rule_stands))
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
    """(features, rule sense, rule stands) of the target instance of each item (None when
    missed)."""
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


def train(
    rows: list[tuple[list[str], str]],
    threshold: float = THRESHOLD,
    l2: float = L2,
    unclear_below: float = UNCLEAR_BELOW,
) -> SenseModel:
    """A model over (augmented features, gold sense) rows; it reads ``DOMAIN`` copies."""
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
        reg = 0.5 * l2 * (w[:-1] ** 2).sum()
        grad = x.T @ (np.exp(logp) - onehot)
        grad[:-1] += l2 * w[:-1]
        return -(onehot * logp).sum() + reg, grad.ravel()

    fit = minimize(loss, np.zeros(shape).ravel(), jac=True, method="L-BFGS-B")
    w = fit.x.reshape(shape)
    weights = {f: tuple(round(float(v), 4) for v in w[k]) for f, k in index.items()}
    weights = {f: v for f, v in weights.items() if any(abs(t) >= 1e-3 for t in v)}
    bias = tuple(round(float(v), 4) for v in w[-1])
    return SenseModel(classes, bias, weights, threshold, DOMAIN, unclear_below)


def fit_all(train_rows: dict[str, list], args: argparse.Namespace) -> dict[str, SenseModel]:
    return {
        m: train(rows, args.threshold, args.l2, args.unclear_below)
        for m, rows in train_rows.items()
        if len(rows) >= 20
    }


def gather(sets: dict, feats: dict, leave_out=None) -> dict[str, list]:
    """Per modal: (features augmented with their corpus' copies, gold) of every training
    instance, except those for which ``leave_out(set_name, item)`` is true."""
    rows = defaultdict(list)
    for name, data in sets.items():
        for d, f in zip(data, feats[name], strict=True):
            if f is not None and not (leave_out and leave_out(name, d)):
                rows[d[1]].append((augment(f[0], name), d[2]))
    return rows


def evaluate(models: dict, test: list[tuple], feats: list, domain: str) -> dict[str, float]:
    """Accuracy of models (reading ``domain``'s copies), the rules and the MFS oracle.

    ``unclear`` counts as wrong; ``unclear`` is its share of the test instances.
    """
    gold = [d[2] for d in test]
    modals = [d[1] for d in test]
    mfs = {
        m: Counter(g for g, mm in zip(gold, modals, strict=True) if mm == m).most_common(1)[0][0]
        for m in set(modals)
    }
    models = {m: replace(model, domain=domain) for m, model in models.items()}
    ours, rules = [], []
    for modal, f in zip(modals, feats, strict=True):
        if f is None:
            ours.append("missed")
            rules.append("missed")
            continue
        features, rule, stands = f
        rules.append(rule)
        # As find_modals does: where a rule stands, the classifier is not asked.
        model = models.get(modal)
        ours.append(model.predict(features, rule, rule_stands=stands) if model else rule)
    n = len(test)
    return {
        "n": n,
        "classifier": sum(g == p for g, p in zip(gold, ours, strict=True)) / n,
        "rules": sum(g == p for g, p in zip(gold, rules, strict=True)) / n,
        "mfs": sum(g == mfs[m] for g, m in zip(gold, modals, strict=True)) / n,
        "unclear": ours.count("unclear") / n,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(ROOT.parent / "shared" / "data" / "gold"))
    parser.add_argument("--write", action="store_true", help="write modal_senses-v2.json")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help="min probability")
    parser.add_argument("--l2", type=float, default=L2, help="L2 penalty")
    parser.add_argument(
        "--unclear-below",
        type=float,
        default=UNCLEAR_BELOW,
        help="a modal with no governed verb is unclear below this probability",
    )
    parser.add_argument(
        "--exclude",
        nargs="*",
        default=[],
        help="training sets to leave out (choices epos moverb mist masc)",
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

    models = fit_all(gather(sets, feats), args)
    scores = {"masc newspaper (held out)": evaluate(models, news, news_feats, DOMAIN)}

    # Grouped 5-fold cross-validation for each gold set (EPOS always trains); the test
    # fold is read with its own corpus' feature copies, learnt from the other folds.
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

            def held(set_name, d, fold=fold, name=name, fold_of=fold_of):
                return set_name == name and fold_of[d[4]] == fold

            result = evaluate(
                fit_all(gather(sets, feats, held), args),
                [data[i] for i in test],
                [fs[i] for i in test],
                name,
            )
            for key in ("classifier", "rules", "mfs", "unclear"):
                total[key] += result[key] * result["n"]
            n += result["n"]
        scores[f"{name} (5-fold CV by {_FOLD_UNIT[name]})"] = {
            "n": n,
            **{k: v / n for k, v in total.items()},
        }
    for name, s in scores.items():
        print(
            f"{name}: n={s['n']} classifier={s['classifier']:.3f} rules={s['rules']:.3f} "
            f"mfs={s['mfs']:.3f} unclear={s['unclear']:.3f}"
        )
    if args.write:
        write_model(models, sets, scores, args)
    return 0


SOURCES = {
    "epos": "EPOS English modal senses, balanced subsample (SILVER: automatic labels; "
    "training only; its balanced priors go to the epos: copies, which are not shipped). "
    "Zhou, Frank, Friedrich & Palmer 2015; Marasovic, Zhou, Palmer & Frank 2016, LiLT "
    "14(3). github.com/amarasovic/modal-sense-classifcation. Licence: none stated.",
    "moverb": "MoVerb (Palmer labels with a majority). Owan, Gini & Kang 2023, CoNLL. "
    "github.com/minnesotanlp/moverb. Licence: none stated.",
    "mist": "MiST, papers under CC BY / CC BY-SA / CC0 only (30 CC BY-NC-SA papers left "
    "out). Henning, Macher, Grunewald & Friedrich 2022, Findings of EMNLP. "
    "Annotations CC BY 4.0.",
    "masc": "MASC modal senses, all genres except newspaper (kept as the held-out news "
    "test). Ide et al. (MASC); Marasovic et al. 2016. Licence of the labels: none stated.",
}


def shipped_weights(model: SenseModel, corpora: list[str]) -> dict[str, list[float]]:
    """General weights and the ``DOMAIN`` copies: other corpora's copies are never read."""
    others = tuple(f"{k}:" for k in corpora if k != DOMAIN)
    return {
        f: list(w)
        for f, w in sorted(model.weights.items())
        if not f.startswith(others) and not (f.startswith("dom=") and f != f"dom={DOMAIN}")
    }


def write_model(models: dict[str, SenseModel], sets: dict, scores: dict, args) -> None:
    data = {
        "id": "modal_senses",
        "version": MODEL_VERSION,
        "title": "Per-modal logistic-regression sense classifiers (epistemic/deontic/dynamic)",
        "licence": "CC-BY-4.0 (weights); see training_data for the sources' terms",
        "changelog": [
            "1: first release.",
            "2: more context features (subject person, governed-verb class, adverbs, "
            "predicate after 'be', past-tense context, purpose clause, sentence start, no "
            "governed verb); features copied per training corpus (Daume III 2007) and "
            "read with the MASC copies; EPOS (silver) added to training; L2 3.0, "
            "threshold 0.6 (from 1.0 and 0.7); a modal that governs no verb and whose "
            f"best sense is below {args.unclear_below} is 'unclear' (new field "
            "unclear_below; new field domain). Retrained before release: 'Should ...?' "
            "questions are no hypothetical clause; scores measure the shipped pipeline "
            "(no classifier where a rule stands).",
        ],
        "training_script": "benchmarks/train_modal_senses.py",
        "training_data": [SOURCES[k] + f" Instances used: {len(v)}." for k, v in sets.items()],
        "features": "analysis._modal_rules.sense_features: rule=<rule sense>, subj=, subj2=, verb=, "
        "after=, next=, subjclass=, vclass=, person=, adv=, and flags perfect, progressive, "
        "passive, be, be_predicate, stative, negated, inverted, question, conditional, "
        "adverb, well, clause_start, no_verb, past_context, purpose, sentence_start; each "
        "also as <corpus>:<feature> plus dom=<corpus> (analysis._senses.augment; only the "
        f"{DOMAIN}: copies are shipped and read); features seen fewer than "
        f"{MIN_FEATURE_COUNT} times dropped; L2={args.l2}; threshold={args.threshold}.",
        "held_out_scores": {
            k: {kk: round(vv, 4) for kk, vv in v.items()} for k, v in scores.items()
        },
        "notes": "No sentence of the training data is stored: only feature names (single "
        "words and flags) and weights. 'unclear' counts as wrong in the scores.",
        "models": {
            m: {
                "classes": list(model.classes),
                "bias": list(model.bias),
                "threshold": model.threshold,
                "domain": model.domain,
                "unclear_below": model.unclear_below,
                "weights": shipped_weights(model, list(sets)),
            }
            for m, model in sorted(models.items())
        },
    }
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    path = MODEL_DIR / f"modal_senses-v{MODEL_VERSION}.json"
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    sys.exit(main())
