"""Grid search for the support backend's neutral band, on the DEV split only.

Prints airline macro-F1 (dev) and VADER-tweets correlation (dev) for each (negative, positive) pair, so
the chosen thresholds in cxcoach/sentiment/support_backend.py can be checked. Never looks at test items.

    python benchmarks/tune_support.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import macro_f1, pearson  # noqa: E402
from datasets import airline_tweets, data_dir, vader_tweets  # noqa: E402

from cxcoach.sentiment.result import label_for  # noqa: E402
from cxcoach.sentiment.support_backend import SupportBackend  # noqa: E402
from cxcoach.text import Doc  # noqa: E402


def main() -> int:
    root = data_dir()
    if root is None:
        print("evaluation data not found: skipped")
        return 0
    backend = SupportBackend()
    dev = [item for item in airline_tweets(root) if item.split == "dev"]
    scores = [backend.score(Doc(item.text)).score for item in dev]
    gold = [item.label for item in dev]
    ratings = [item for item in vader_tweets(root) if item.split == "dev"]
    r = pearson([backend.score(Doc(i.text)).score for i in ratings], [float(i.label) for i in ratings])
    print(f"VADER tweets r (dev): {r:.3f}")
    results = []
    for negative in (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3):
        for positive in (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6):
            f1 = macro_f1(gold, [label_for(s, (negative, positive)) for s in scores])
            results.append((f1, negative, positive))
    for f1, negative, positive in sorted(results, reverse=True)[:10]:
        print(f"negative {negative:.2f} positive {positive:.2f}: airline macro-F1 (dev) {f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
