"""What the weight trainers share: one logistic model per label by plain stochastic gradient descent, and
the TOML file the package reads (`cxcoach.resources.WordWeights`, `QuestionWeights`, `CueWeights`).

Training has a fixed seed, so a file is the same on every run.
"""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from pathlib import Path
from typing import Callable, Iterator, Optional

from datasets import REPO, split_of

from cxcoach.learned import sentence_features
from cxcoach.text import Doc

# one example: a sentence's features and the labels it has
Example = tuple[list[str], set[str]]


def load(name: str) -> list[dict]:
    """The items of ``tests/data/<name>``, a JSON Lines file."""
    with (REPO / "tests" / "data" / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def tuned_sentences(
    name: str, text: str, spans: str, label: str, role: str, keep: Optional[Callable[[dict], bool]] = None
) -> Iterator[tuple[list[str], set[str]]]:
    """Each sentence of the tuned part of ``tests/data/<name>``: its features, and the labels of the item's
    labelled spans that overlap it. ``text``, ``spans`` and ``label`` name the item's fields (a span is a
    dict with ``"text"`` and the ``label`` field); ``keep``, when given, says which tuned items to use.
    Held-out items are never read past their text."""
    for item in load(name):
        body = item[text]
        if split_of(body) != "dev" or (keep is not None and not keep(item)):
            continue
        found = []
        for span in item[spans]:
            start = body.find(span["text"])
            if start < 0:
                raise SystemExit(f"{item['id']}: span {span['text']!r} is not in the {text}")
            found.append((span[label], start, start + len(span["text"])))
        doc = Doc(body, role=role)
        for sentence in doc.sentences:
            labels = {kind for kind, start, end in found if start < sentence.end and end > sentence.start}
            yield list(sentence_features(doc.sentence_tokens(sentence))), labels


def drop_rare(found: list[Example], min_sentences: int) -> list[Example]:
    """The examples with only the features seen in ``min_sentences`` sentences or more: a feature of one
    sentence is that sentence's, not the label's."""
    seen = Counter(feature for features, _ in found for feature in features)
    return [([feature for feature in features if seen[feature] >= min_sentences], labels) for features, labels in found]


def train(
    data: list[Example], label: str, *,
    epochs: int, rate: float, decay: float, positive_weight: float, start_bias: float,
) -> tuple[float, dict[str, float]]:
    """``(bias, weights)`` of one label's logistic model; ``decay`` is L2, applied at each update of a weight."""
    weights: dict[str, float] = {}
    bias = start_bias
    order = list(range(len(data)))
    shuffle = random.Random(0).shuffle
    for _ in range(epochs):
        shuffle(order)
        for index in order:
            features, labels = data[index]
            logit = bias + sum(weights.get(feature, 0.0) for feature in features)
            probability = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))
            gradient = positive_weight * (1.0 - probability) if label in labels else -probability
            bias += rate * gradient
            for feature in features:
                weights[feature] = weights.get(feature, 0.0) * (1.0 - rate * decay) + rate * gradient
    return bias, weights


def write(
    path: Path, header: list[str], trained_on: str, threshold: float,
    biases: dict[str, float], tables: dict[str, dict[str, float]],
) -> None:
    """Write a weights file: ``header`` comment lines, then the fields, features sorted."""
    lines = [
        *(f"# {line}" for line in header),
        "",
        'name = "built-in"',
        f'trained_on = "{trained_on}"',
        f"threshold = {threshold}",
        "",
        "[bias]",
        *(f"{label} = {bias:.2f}" for label, bias in biases.items()),
        "",
        "[weights]",
    ]
    for feature in sorted(tables):
        row = ", ".join(f"{label} = {weight:.2f}" for label, weight in sorted(tables[feature].items()))
        lines.append(f"{json.dumps(feature, ensure_ascii=False)} = {{ {row} }}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def fit(data: list[Example], labels: list[str], keep: float, **settings: float) -> tuple[dict, dict]:
    """Train every label; ``(biases, tables)`` with the weights of magnitude ``keep`` or more, as `write` takes them."""
    biases: dict[str, float] = {}
    tables: dict[str, dict[str, float]] = {}
    for label in labels:
        bias, weights = train(data, label, **settings)
        biases[label] = bias
        for feature, weight in weights.items():
            if abs(weight) >= keep:
                tables.setdefault(feature, {})[label] = weight
    return biases, tables


def train_file(
    out: Path, data: list[Example], labels: list[str], header: list[str], source: str, *,
    keep: float, threshold: float, **settings: float,
) -> None:
    """Train every label of ``labels`` on ``data`` (`fit`), write the weights file (`write`), and say so."""
    biases, tables = fit(data, labels, keep, **settings)
    write(out, header, source, threshold, biases, tables)
    print(f"{len(data)} sentences, {len(tables)} features: wrote {out.relative_to(REPO)}")
