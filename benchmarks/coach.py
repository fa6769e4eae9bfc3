"""Conversation reports on cxcoach's own labelled conversations (``tests/data/conversations.jsonl``).

* De-escalation accuracy, customer start and end sentiment accuracy, exact count of process answers to
  outcome questions, recall (and precision) of the techniques the agent used, and whether promises are
  shown kept, against the hand labels.
* Speed: reviewing a 10-turn conversation, as a multiple of analysing one message (median of 5 runs).

The held-out part is ``zlib.crc32(key.encode("utf-8")) % 10 < 3`` with the turn texts joined by
``"\\n"`` as the key; rules are tuned on the other 70% only.

    python benchmarks/coach.py              # print
    python benchmarks/coach.py --write      # and update docs/benchmarks.md
    python benchmarks/coach.py --errors     # tuned-part mistakes, for tuning
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datasets import REPO, split_of  # noqa: E402
from report import machine, write_section  # noqa: E402

import cxcoach  # noqa: E402

DATA = REPO / "tests" / "data" / "conversations.jsonl"
PART = {"dev": "tuned (70%)", "test": "held out (30%)"}


def load() -> list[dict]:
    with DATA.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def key(item: dict) -> str:
    return "\n".join(turn["text"] for turn in item["turns"])


def scores(items: list[dict]) -> dict[str, float]:
    right = {"de_escalated": 0, "start": 0, "end": 0, "process": 0, "kept": 0}
    found = expected = hit = 0
    for item in items:
        report = cxcoach.review_conversation(item["turns"])
        gold = item["expected"]
        right["de_escalated"] += report.de_escalated == gold["de_escalated"]
        right["start"] += report.customer_start_sentiment == gold["customer_start_sentiment"]
        right["end"] += report.customer_end_sentiment == gold["customer_end_sentiment"]
        right["process"] += report.process_answers_to_outcome_questions == gold["process_answers_to_outcome_questions"]
        right["kept"] += report.commitments_kept == gold["commitments_kept"]
        gold_used = set(gold["techniques_used"])
        expected += len(gold_used)
        found += len(report.techniques_used)
        hit += len(gold_used & report.techniques_used)
    n = len(items)
    result = {name: count / n for name, count in right.items()}
    result["technique_recall"] = hit / expected if expected else 0.0
    result["technique_precision"] = hit / found if found else 0.0
    return result


def speed(items: list[dict]) -> tuple[float, float]:
    """Median µs to review a 10-turn conversation, and to analyse one message, over 5 runs."""
    tens = [item["turns"][:10] for item in items if len(item["turns"]) >= 10]
    messages = [turn for turns in tens for turn in turns]
    cxcoach.review_conversation(tens[0])  # load everything first
    per_conversation, per_message = [], []
    for _ in range(5):
        start = time.perf_counter()
        for turns in tens:
            cxcoach.review_conversation(turns)
        per_conversation.append((time.perf_counter() - start) / len(tens) * 1e6)
        start = time.perf_counter()
        for turn in messages:
            cxcoach.analyze(turn["text"], role=turn["role"])
        per_message.append((time.perf_counter() - start) / len(messages) * 1e6)
    return statistics.median(per_conversation), statistics.median(per_message)


def print_errors(items: list[dict]) -> None:
    for item in items:
        if split_of(key(item)) != "dev":
            continue
        report = cxcoach.review_conversation(item["turns"])
        gold = item["expected"]
        got = {
            "customer_start_sentiment": report.customer_start_sentiment,
            "customer_end_sentiment": report.customer_end_sentiment,
            "de_escalated": report.de_escalated,
            "process_answers_to_outcome_questions": report.process_answers_to_outcome_questions,
            "commitments_kept": report.commitments_kept,
        }
        wrong = {name: (gold[name], value) for name, value in got.items() if gold[name] != value}
        missed = sorted(set(gold["techniques_used"]) - report.techniques_used)
        extra = sorted(report.techniques_used - set(gold["techniques_used"]))
        if wrong or missed or extra:
            print(f"{item['id']}: {wrong} missed {missed} extra {extra}")
            for turn, analysis in zip(item["turns"], report.turns):
                label = analysis.sentiment.label if analysis.sentiment else "-"
                extra_info = sorted(analysis.techniques or ()) if turn["role"] == "agent" else analysis.question_type
                print(f"   {turn['role'][:1]} {label[:3]} {extra_info} {turn['text'][:150]!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    parser.add_argument("--errors", action="store_true", help="print tuned-part mistakes")
    parser.add_argument("--tuned-only", action="store_true", help="score the tuned part only (while tuning)")
    args = parser.parse_args()
    items = load()
    if args.errors:
        print_errors(items)
        return 0
    parts = ("dev",) if args.tuned_only else ("dev", "test")
    results = {part: (len(chosen), scores(chosen)) for part in parts
               for chosen in [[item for item in items if split_of(key(item)) == part]]}
    lines = [
        f"Measured {machine()} with `python benchmarks/coach.py --write` on `tests/data/conversations.jsonl`.",
        "",
        "| part | de-escalation | start sentiment | end sentiment | process answers (exact) "
        "| technique recall / precision | promises kept |",
        "|---|---|---|---|---|---|---|",
    ]
    for part, (n, s) in results.items():
        lines.append(
            f"| {PART[part]} ({n}) | {s['de_escalated']:.3f} | {s['start']:.3f} | {s['end']:.3f} | {s['process']:.3f} "
            f"| {s['technique_recall']:.3f} / {s['technique_precision']:.3f} | {s['kept']:.3f} |"
        )
    if not args.tuned_only:
        conversation, message = speed(items)
        lines += [
            "",
            f"Reviewing a 10-turn conversation takes **{conversation / message:.1f}×** the time of analysing one "
            f"message ({conversation / 1000:.1f} ms against {message:.0f} µs; median of 5 runs).",
        ]
    table = "\n".join(lines)
    print(table)
    if args.write:
        write_section("coach", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
