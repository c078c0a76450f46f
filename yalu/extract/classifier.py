"""Rules propose, a trained model decides.

Every candidate record the rules make is scored by a logistic model over its named
features (features.py): the probability that it is a real incident of its type.
That probability, calibrated on the real development set, becomes the record's
`confidence`; candidates below the model's threshold are not reported. The model
is a small JSON file in the package (`yalu/data/model/`), rebuilt by `yalu train`
from the annotations and the cached texts with a fixed seed.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from ..model import Incident

# the packaged model of each language: English candidates read their parse too, Korean
# ones what the Korean rules know (features.py)
MODELS = {"en": "data/model/incident-classifier.json", "ko": "data/model/incident-classifier-ko.json"}

# decides whether a candidate record is reported, given its features (and may set its confidence)
Decider = Callable[[Incident, dict[str, float]], bool]


@dataclass
class Classifier:
    weights: dict[str, float]
    bias: float
    threshold: float
    # feature scaling learned with the weights: (x - mean) / scale
    means: dict[str, float] = field(default_factory=dict)
    # Platt scaling of the log-odds, fitted on cross-validated scores: p = sigmoid(a z + b)
    platt: tuple[float, float] = (1.0, 0.0)
    scales: dict[str, float] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None, lang: str = "en") -> Classifier:
        """The packaged model of `lang`, or the one at `path`; a clear error when it is unreadable."""
        source = Path(path) if path is not None else files("yalu").joinpath(MODELS[lang])
        try:
            data = json.loads(source.read_text(encoding="utf-8"))
            return cls(
                weights=data["weights"], bias=data["bias"], threshold=data["threshold"],
                means=data.get("means", {}), scales=data.get("scales", {}), meta=data.get("meta", {}),
                platt=tuple(data.get("platt", (1.0, 0.0))),
            )
        except (OSError, ValueError, KeyError) as exc:
            raise RuntimeError(f"{source}: not a Yalu classifier model ({exc})") from exc

    def save(self, path: str | Path) -> None:
        data = {
            "meta": self.meta, "threshold": self.threshold, "bias": self.bias,
            "weights": self.weights, "means": self.means, "scales": self.scales, "platt": list(self.platt),
        }
        Path(path).write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")

    def score(self, features: dict[str, float]) -> float:
        """The log-odds of a real incident; features the model never saw weigh nothing."""
        z = self.bias
        for name, weight in self.weights.items():
            x = features.get(name, 0.0)
            z += weight * (x - self.means.get(name, 0.0)) / self.scales.get(name, 1.0)
        return z

    def probability(self, features: dict[str, float]) -> float:
        """The calibrated probability of a real incident."""
        a, b = self.platt
        z = a * self.score(features) + b
        return 1 / (1 + math.exp(-z)) if z > -500 else 0.0

    def __call__(self, incident: Incident, features: dict[str, float]) -> bool:
        """A Decider: the record's confidence becomes the probability; kept at or above the threshold."""
        incident.confidence = self.probability(features)
        return incident.confidence >= self.threshold
