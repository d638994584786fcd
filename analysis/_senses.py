"""Per-modal logistic-regression sense classifiers, shipped as a versioned data file.

The weights live in ``analysis/lexicons/modal_senses/modal_senses-v<version>.json``
(with their training data, licences, feature list and held-out scores), are trained
by ``benchmarks/train_modal_senses.py`` and need only the standard library here: a
prediction is a sum of the weights of the active (binary) features per sense and a
softmax. The classifier answers only when its probability reaches the model's
threshold; otherwise the rule's sense stands.

Since v2 the training corpora (conversation, science, mixed written genres, silver
projections) disagree on priors and on some cues, so each feature is also copied
once per corpus ("feature augmentation", Daumé III 2007): ``masc:verb=be`` next to
``verb=be``. Corpus-specific habits then go to the copies, and at prediction time a
model reads the general features plus the copies of its ``domain`` (MASC, the mixed
written genres closest to news and speeches); the other corpora's copies are not
shipped.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

MODEL_DIR = Path(__file__).parent / "lexicons" / "modal_senses"
MODEL_VERSION = "2"
# The feature sense_features() sets when the modal governs no verb ("as soon as we can.").
ELLIPSIS_FEATURE = "no_verb"


def augment(features: list[str], domain: str) -> list[str]:
    """``features`` plus their copies for ``domain`` and a domain bias (none for "")."""
    if not domain:
        return features
    return [*features, *(f"{domain}:{f}" for f in features), f"dom={domain}"]


@dataclass(frozen=True)
class SenseModel:
    """One modal's classifier: classes, bias and per-feature weights (one per class).

    ``domain`` names the corpus whose feature copies are read (see the module
    docstring; "" = none); ``unclear_below`` is the probability under which a modal
    that governs no verb gets ``unclear`` instead of the rule's guess.
    """

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    threshold: float
    domain: str = ""
    unclear_below: float = 0.0

    @cached_property
    def _folded(self) -> tuple[tuple[float, ...], dict[str, tuple[float, ...]]]:
        """Bias and weights with the domain's copies added in, so a prediction looks up
        each active feature once (the same scores as reading ``augment(features)``)."""
        if not self.domain:
            return self.bias, self.weights
        prefix = f"{self.domain}:"
        weights = dict(self.weights)
        for name, w in self.weights.items():
            if name.startswith(prefix):
                general = name[len(prefix) :]
                base = weights.get(general)
                weights[general] = w if base is None else tuple(map(sum, zip(base, w, strict=True)))
        bias = self.bias
        domain_bias = self.weights.get(f"dom={self.domain}")
        if domain_bias is not None:
            bias = tuple(map(sum, zip(bias, domain_bias, strict=True)))
        return bias, weights

    @cached_property
    def _families(self) -> dict[str | None, dict[str, tuple[float, ...]]]:
        """The folded weights by feature family: ``"subj=we"`` under ``"subj"`` as
        ``"we"``, a flag (a name without "=") under None."""
        families: dict[str | None, dict[str, tuple[float, ...]]] = {}
        for name, w in self._folded[1].items():
            family, sep, value = name.partition("=")
            families.setdefault(family if sep else None, {})[value if sep else name] = w
        return families

    def layout(self, families: tuple[str, ...], flags: tuple[str, ...]) -> tuple:
        """Weights by feature value, for a caller that knows its features' values
        without spelling out their names: one dict per family in ``families`` (value ->
        weights of ``family=value``), the dict of family ``adv``, and the weights (or
        None) of each flag in ``flags``. Collected in the features' order, they give
        :meth:`probabilities_of` the same sums as :meth:`probabilities` reading names.
        """
        key = (families, flags)
        layout = self._layouts.get(key)
        if layout is None:
            by_name = self._families.get(None, {})
            layout = (
                tuple(self._families.get(f, {}) for f in families),
                self._families.get("adv", {}),
                tuple(by_name.get(name) for name in flags),
            )
            self._layouts[key] = layout
        return layout

    @cached_property
    def _layouts(self) -> dict[tuple, tuple]:
        return {}

    @property
    def folded_bias(self) -> tuple[float, ...]:
        """The bias with the domain's bias added in (what :meth:`scores` starts from)."""
        return self._folded[0]

    def scores(self, active: list[tuple[float, ...]]) -> list[float]:
        """Bias plus the weights of the active features, added in their order."""
        bias = self._folded[0]
        if len(bias) == 3:  # the shipped models: the same additions, in locals
            s0, s1, s2 = bias
            for w0, w1, w2 in active:
                s0 += w0
                s1 += w1
                s2 += w2
            return [s0, s1, s2]
        scores = list(bias)
        for w in active:
            for k, value in enumerate(w):
                scores[k] += value
        return scores

    def probabilities(self, features: list[str]) -> list[float]:
        weights = self._folded[1]
        return self.probabilities_of([w for f in features if (w := weights.get(f)) is not None])

    def probabilities_of(self, active: list[tuple[float, ...]]) -> list[float]:
        """Class probabilities from the weights of the active features, in their order."""
        return _softmax(self.scores(active))

    def predict(self, features: list[str], fallback: str, *, rule_stands: bool = False) -> str:
        """The most probable sense, or ``fallback`` when below the threshold.

        ``unclear`` when the modal governs no verb (:data:`ELLIPSIS_FEATURE` among
        ``features``) and even the most probable sense is below ``unclear_below``:
        neither the rules nor the classifier can decide there. ``rule_stands``: a rule
        the classifier may not override ("cannot allow", "May God bless"); the
        fallback is returned.
        """
        if rule_stands:
            return fallback
        return self.decide(self.probabilities(features), fallback, ELLIPSIS_FEATURE in features)

    def decide(self, probs: list[float], fallback: str, ellipsis: bool) -> str:
        """:meth:`predict`'s answer from the probabilities; ``ellipsis``: no governed verb."""
        k = max(range(len(probs)), key=probs.__getitem__)
        if probs[k] >= self.threshold:
            return self.classes[k]
        if probs[k] < self.unclear_below and ellipsis:
            return "unclear"
        return fallback


def _softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    # Added in order (Python 3.12's sum() compensates rounding, 3.11's does not): the same
    # probabilities on every Python, and as analysis._modal_rules adds them.
    total = 0.0
    for e in exps:
        total += e
    return [e / total for e in exps]


def models_from_json(data: dict) -> dict[str, SenseModel]:
    return {
        lemma: SenseModel(
            tuple(m["classes"]),
            tuple(m["bias"]),
            {f: tuple(w) for f, w in m["weights"].items()},
            float(m.get("threshold", 0.0)),
            str(m.get("domain", "")),
            float(m.get("unclear_below", 0.0)),
        )
        for lemma, m in data["models"].items()
    }


@lru_cache(maxsize=4)
def sense_models(version: str = MODEL_VERSION) -> dict[str, SenseModel]:
    """Lemma -> classifier from the shipped file (empty when the file is absent)."""
    path = MODEL_DIR / f"modal_senses-v{version}.json"
    if not path.is_file():
        return {}
    return models_from_json(json.loads(path.read_text(encoding="utf-8")))
