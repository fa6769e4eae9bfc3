"""Sentiment accuracy: cxcoach's backends beside vaderSentiment and TextBlob, on dev and test splits.

* Twitter US Airline Sentiment (confidence 1.0): macro-F1 over negative/neutral/positive.
* VADER's tweets ground truth: Pearson correlation with the mean human rating.

Usage::

    python benchmarks/accuracy.py            # print the table
    python benchmarks/accuracy.py --write    # and update docs/benchmarks.md
    python benchmarks/accuracy.py --errors dev --limit 40   # show dev-split mistakes of the support backend

Exits 0 with a message when the data is not on this machine.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datasets import airline_tweets, data_dir, vader_tweets  # noqa: E402
from peers import PEER_THRESHOLDS, cxcoach_scorer, label, peer_scorers  # noqa: E402
from report import machine, write_section  # noqa: E402

CLASSES = ("negative", "neutral", "positive")
BACKENDS = ("support", "vader", "textblob")


def macro_f1(gold: list[str], predicted: list[str], classes: tuple[str, ...] = CLASSES) -> float:
    """Mean F1 over ``classes`` (predictions outside them count as errors)."""
    scores = []
    for cls in classes:
        tp = sum(g == cls and p == cls for g, p in zip(gold, predicted))
        fp = sum(g != cls and p == cls for g, p in zip(gold, predicted))
        fn = sum(g == cls and p != cls for g, p in zip(gold, predicted))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores)


def pearson(xs: list[float], ys: list[float]) -> float:
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    vx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    vy = math.sqrt(sum((y - my) ** 2 for y in ys))
    return cov / (vx * vy) if vx and vy else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    parser.add_argument("--errors", choices=("dev",), help="print the support backend's mistakes on dev")
    parser.add_argument("--limit", type=int, default=30)
    args = parser.parse_args()
    root = data_dir()
    if root is None:
        print("evaluation data not found (set CXCOACH_DATA or put shared/data beside the repo): skipped")
        return 0

    airline = list(airline_tweets(root))
    ratings = list(vader_tweets(root))
    systems: dict[str, tuple] = {}
    for backend in BACKENDS:
        scorer, labeller = cxcoach_scorer(backend)
        systems[f"cxcoach `{backend}`"] = (scorer, labeller)
    for name, scorer in peer_scorers().items():
        threshold = PEER_THRESHOLDS[name]
        systems[name] = (scorer, lambda text, s=scorer, t=threshold: label(s(text), t))

    if args.errors:
        _, labeller = systems["cxcoach `support`"]
        mistakes = [(item, labeller(item.text)) for item in airline if item.split == "dev"]
        mistakes = [(item, got) for item, got in mistakes if got != item.label]
        print(Counter((item.label, got) for item, got in mistakes).most_common())
        for item, got in mistakes[: args.limit]:
            print(f"{item.label:>8} <- {got:<8} {item.text!r}")
        return 0

    rows = []
    for name, (scorer, labeller) in systems.items():
        cells = [name]
        for split in ("dev", "test"):
            items = [item for item in airline if item.split == split]
            cells.append(f"{macro_f1([i.label for i in items], [labeller(i.text) for i in items]):.3f}")
        for split in ("dev", "test"):
            items = [item for item in ratings if item.split == split]
            cells.append(f"{pearson([scorer(i.text) for i in items], [float(i.label) for i in items]):.3f}")
        rows.append(cells)
        print(" | ".join(cells), flush=True)

    counts = {split: sum(item.split == split for item in airline) for split in ("dev", "test")}
    vcounts = {split: sum(item.split == split for item in ratings) for split in ("dev", "test")}
    table = "\n".join(
        [
            f"Measured {machine()} with `python benchmarks/accuracy.py --write`.",
            "",
            f"| system | airline macro-F1, dev ({counts['dev']}) | airline macro-F1, **test** ({counts['test']}) "
            f"| VADER tweets r, dev ({vcounts['dev']}) | VADER tweets r, **test** ({vcounts['test']}) |",
            "|---|---|---|---|---|",
            *("| " + " | ".join(cells) + " |" for cells in rows),
        ]
    )
    if args.write:
        write_section("accuracy", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
