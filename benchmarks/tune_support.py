"""Grid search for the support backend's neutral band, on the DEV split only.

Prints VADER-tweets correlation (dev) and airline macro-F1 (dev) for each (negative, positive,
positive-in-requests) bound, so the thresholds in cxcoach/sentiment/support_backend.py can be checked.
Never looks at test items.

    python benchmarks/tune_support.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import macro_f1, pearson  # noqa: E402
from datasets import airline_tweets, data_dir, vader_tweets  # noqa: E402

from cxcoach.sentiment.support_backend import SupportBackend  # noqa: E402
from cxcoach.text import Doc  # noqa: E402


def main() -> int:
    root = data_dir()
    if root is None:
        print("evaluation data not found: skipped")
        return 0
    dev = [item for item in airline_tweets(root) if item.split == "dev"]
    gold = [item.label for item in dev]
    ratings = [item for item in vader_tweets(root) if item.split == "dev"]
    r = pearson([SupportBackend().score(Doc(i.text)).score for i in ratings], [float(i.label) for i in ratings])
    print(f"VADER tweets r (dev): {r:.3f}")
    results = []
    for negative in (0.02, 0.05, 0.1):
        for positive in (0.3, 0.4, 0.42, 0.45, 0.5):
            for request in (0.42, 0.5, 0.6, 0.7):
                backend = SupportBackend(thresholds=(negative, positive), request_threshold=request)
                f1 = macro_f1(gold, [backend.score(Doc(item.text)).label for item in dev])
                results.append((f1, negative, positive, request))
    for f1, negative, positive, request in sorted(results, reverse=True)[:10]:
        print(f"negative {negative:.2f} positive {positive:.2f} in requests {request:.2f}: macro-F1 (dev) {f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
