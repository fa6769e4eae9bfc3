"""How far two annotators agree on the technique labels, beside the analyzer.

A second helper labelled 100 replies of the tenth batch (tq-1951 to tq-2050) blind, from the labelling
guidelines in ``tests/data/README.md`` alone (``tests/data/techniques_second_annotation.jsonl``). This prints
the micro-F1 of that annotation against the labels as written, and of ``TechniqueAnalyzer`` against each,
on the same replies: the first figure is how learnable the labels are, the others how far the analyzer is
from a careful reader.

Run: ``python benchmarks/techniques_agreement.py``
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datasets import REPO  # noqa: E402
from techniques import load, predict_techniques, technique_scores  # noqa: E402

from cxcoach.techniques import TechniqueAnalyzer  # noqa: E402


def main() -> int:
    path = REPO / "tests" / "data" / "techniques_second_annotation.jsonl"
    second = {item["id"]: item for item in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    written = [item for item in load("techniques.jsonl") if item["id"] in second]
    as_second = [dict(item, techniques=second[item["id"]]["techniques"]) for item in written]
    labels = [frozenset(t["label"] for t in item["techniques"]) for item in as_second]
    analyzer = predict_techniques(written, TechniqueAnalyzer())
    rows = [
        ("second annotator against the labels as written", technique_scores(written, labels)),
        ("TechniqueAnalyzer against the labels as written", technique_scores(written, analyzer)),
        ("TechniqueAnalyzer against the second annotator", technique_scores(as_second, analyzer)),
    ]
    print(f"{len(written)} replies (tq-1951 to tq-2050)")
    for name, (micro, per) in rows:
        lowest = sorted(per.items(), key=lambda item: item[1][2])[:4]
        worst = ", ".join(f"{label} {score[2]:.2f}" for label, score in lowest)
        print(f"{name}: micro-F1 {micro:.3f}; lowest {worst}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
