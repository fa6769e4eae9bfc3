"""Train the learned technique weights (``src/cxcoach/data/technique_weights.toml``) on the TUNED part only.

One logistic model per technique label over a sentence's features (`cxcoach.learned.sentence_features`).
A sentence is a positive for a label when one of the reply's labelled spans for it overlaps the sentence.
Only the tuned 70% of ``tests/data/techniques.jsonl`` is read: held-out replies never reach training.
Seven labels are left out, where structure decides and the rules already find what an unseen writer
says (on the validation writer below, the weights added nothing to them): mirroring (the customer's words
must come back), expectation_timeline and follow_up (whose time it is), open_question (what the question
invites), apology, gratitude and alternative.

Training is plain stochastic gradient descent with a fixed seed, so the file is the same on every run.
The settings below were chosen on replies from a writer the rules had not been tuned on (the tuned part
of the fourth batch, with the rules as they were before it, and weights trained on the other batches'
tuned part, added as `TechniqueAnalyzer` adds them): rules plus weights scored 0.82 micro-F1 there, rules
alone 0.773. The score moved little with the threshold (0.80 to 0.82 from 0.3 to 0.7); dropping weights
under 0.2 cost 0.002, under 0.3 0.012.

    python benchmarks/train_techniques.py           # train and write the data file
"""

from __future__ import annotations

import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datasets import REPO, split_of  # noqa: E402

from cxcoach.learned import sentence_features  # noqa: E402
from cxcoach.models import TECHNIQUES  # noqa: E402
from cxcoach.text import Doc  # noqa: E402

OUT = REPO / "src" / "cxcoach" / "data" / "technique_weights.toml"
LEFT_OUT = frozenset(
    {"mirroring", "expectation_timeline", "follow_up", "open_question", "apology", "gratitude", "alternative"}
)
EPOCHS = 25
RATE = 0.3
DECAY = 1e-3  # L2, applied at each update of a feature's weight
POSITIVE_WEIGHT = 8.0  # a label is on about one sentence in twenty: weigh its positives up
THRESHOLD = 0.5
START_BIAS = -2.0
KEEP = 0.2  # smaller weights are dropped from the file (measured: 0.002 off the score above)
MIN_SENTENCES = 2  # a feature seen in one sentence only is that sentence's, not the label's


def examples() -> list[tuple[list[str], set[str]]]:
    """The tuned part's sentences: their features (those in two sentences or more) and the labels whose
    spans overlap them."""
    found = []
    with (REPO / "tests" / "data" / "techniques.jsonl").open(encoding="utf-8") as handle:
        items = [json.loads(line) for line in handle if line.strip()]
    for item in items:
        reply = item["reply"]
        if split_of(reply) != "dev":
            continue
        spans = []
        for technique in item["techniques"]:
            start = reply.find(technique["text"])
            if start < 0:
                raise SystemExit(f"{item['id']}: span {technique['text']!r} is not in the reply")
            spans.append((technique["label"], start, start + len(technique["text"])))
        doc = Doc(reply, role="agent")
        for sentence in doc.sentences:
            labels = {label for label, start, end in spans if start < sentence.end and end > sentence.start}
            found.append((list(sentence_features(doc.sentence_tokens(sentence))), labels))
    seen = Counter(feature for features, _ in found for feature in features)
    return [([feature for feature in features if seen[feature] >= MIN_SENTENCES], labels) for features, labels in found]


def train(data: list[tuple[list[str], set[str]]], label: str) -> tuple[float, dict[str, float]]:
    """``(bias, weights)`` of one label's logistic model."""
    weights: dict[str, float] = {}
    bias = START_BIAS
    order = list(range(len(data)))
    shuffle = random.Random(0).shuffle
    for _ in range(EPOCHS):
        shuffle(order)
        for index in order:
            features, labels = data[index]
            logit = bias + sum(weights.get(feature, 0.0) for feature in features)
            probability = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))
            gradient = POSITIVE_WEIGHT * (1.0 - probability) if label in labels else -probability
            bias += RATE * gradient
            for feature in features:
                weights[feature] = weights.get(feature, 0.0) * (1.0 - RATE * DECAY) + RATE * gradient
    return bias, weights


def write(biases: dict[str, float], tables: dict[str, dict[str, float]], sentences: int) -> None:
    lines = [
        "# Learned technique weights: written by benchmarks/train_techniques.py, do not edit by hand.",
        "# One logistic model per label over a sentence's features (cxcoach.learned.sentence_features):",
        "# word stems, pairs of neighbouring stems (\"the wait\"), the first stem (\"^sorry\"), \"?\" and \"#\".",
        "",
        'name = "built-in"',
        f'trained_on = "tests/data/techniques.jsonl, tuned part: {sentences} sentences"',
        f"threshold = {THRESHOLD}",
        "",
        "[bias]",
        *(f"{label} = {bias:.2f}" for label, bias in biases.items()),
        "",
        "[weights]",
    ]
    for feature in sorted(tables):
        row = ", ".join(f"{label} = {weight:.2f}" for label, weight in sorted(tables[feature].items()))
        lines.append(f"{json.dumps(feature, ensure_ascii=False)} = {{ {row} }}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    data = examples()
    biases: dict[str, float] = {}
    tables: dict[str, dict[str, float]] = {}
    for label in TECHNIQUES:
        if label in LEFT_OUT:
            continue
        bias, weights = train(data, label)
        biases[label] = bias
        for feature, weight in weights.items():
            if abs(weight) >= KEEP:
                tables.setdefault(feature, {})[label] = weight
    write(biases, tables, len(data))
    print(f"{len(data)} sentences, {len(tables)} features: wrote {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
