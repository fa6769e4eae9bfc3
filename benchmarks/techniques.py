"""Listening and empathy techniques, customer cues and commitments on cxcoach's own labelled sets.

* Techniques (agent replies, ``tests/data/techniques.jsonl``): micro-F1 over every (reply, label) pair
  and F1 per label, for the 18 labels of PLAYBOOK section 3.
* Customer cues (``tests/data/customer_cues.jsonl``): precision, recall and F1 per label (abuse,
  threat, escalation_request, repeat_contact, urgency), judged per message; and how well
  ``escalation_risk`` orders the hand-given low / medium / high (share of correctly ordered pairs).
* Commitments (``tests/data/commitments.jsonl``): precision and recall of the promises (a found promise
  counts when it overlaps a labelled one), and how often ``who`` and ``due`` agree on the matched ones.
* Speed: microseconds the three analyzers add per message, on Docs already tokenized and with the
  estimates parsed (as the default pipeline's earlier analyzers leave them).

The held-out part is ``zlib.crc32(key.encode("utf-8")) % 10 < 3`` (key: the reply for techniques, the
text otherwise); rules and phrase packs are tuned on the other 70% only.

    python benchmarks/techniques.py             # print
    python benchmarks/techniques.py --write     # and update docs/benchmarks.md
    python benchmarks/techniques.py --errors techniques [--label apology]   # tuned-part mistakes
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datasets import REPO, split_of  # noqa: E402
from report import machine, write_section  # noqa: E402

from cxcoach.commitments import CommitmentAnalyzer  # noqa: E402
from cxcoach.customer_cues import CustomerCueAnalyzer  # noqa: E402
from cxcoach.estimates import EstimateParser  # noqa: E402
from cxcoach.models import TECHNIQUES  # noqa: E402
from cxcoach.resources import CUE_LABELS  # noqa: E402
from cxcoach.sentiment import SentimentAnalyzer  # noqa: E402
from cxcoach.techniques import TechniqueAnalyzer  # noqa: E402
from cxcoach.text import Doc  # noqa: E402

DATA = REPO / "tests" / "data"
PART = {"dev": "tuned (70%)", "test": "held out (30%)"}
RISK = {"low": 0, "medium": 1, "high": 2}


def load(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def part_of(items: list[dict], key: str, part: str) -> list[dict]:
    return [item for item in items if split_of(item[key]) == part]


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


# -- techniques --------------------------------------------------------------------------------------


def predict_techniques(items: list[dict], analyzer: TechniqueAnalyzer) -> list[frozenset[str]]:
    predicted = []
    for item in items:
        doc = Doc(item["reply"], role="agent", context=item["customer"])
        analyzer.analyze(doc)
        predicted.append(doc.techniques or frozenset())
    return predicted


def technique_scores(items: list[dict], predicted: list[frozenset[str]]) -> tuple[float, dict[str, tuple]]:
    """Micro-F1 over (item, label) pairs, and (precision, recall, F1, positives) per label."""
    counts = {label: [0, 0, 0] for label in TECHNIQUES}
    for item, got in zip(items, predicted):
        gold = {t["label"] for t in item["techniques"]}
        for label in TECHNIQUES:
            counts[label][0] += label in gold and label in got
            counts[label][1] += label in got and label not in gold
            counts[label][2] += label in gold and label not in got
    total = [sum(c[k] for c in counts.values()) for k in range(3)]
    per_label = {label: (*f1(*c), c[0] + c[2]) for label, c in counts.items()}
    return f1(*total)[2], per_label


# -- customer cues -----------------------------------------------------------------------------------


def predict_cues(items: list[dict], learned: bool = True) -> list[tuple[frozenset[str], float]]:
    sentiment, cues = SentimentAnalyzer(), CustomerCueAnalyzer(learned=learned)
    predicted = []
    for item in items:
        doc = Doc(item["text"])
        sentiment.analyze(doc)
        labels = frozenset(finding.label for finding in cues.analyze(doc))
        predicted.append((labels, doc.escalation_risk or 0.0))
    return predicted


def cue_scores(items: list[dict], predicted: list[tuple[frozenset[str], float]]) -> tuple[dict[str, tuple], float]:
    """(precision, recall, F1, positives) per label; and the share of risk pairs in the right order."""
    per_label = {}
    for label in CUE_LABELS:
        tp = fp = fn = 0
        for item, (got, _) in zip(items, predicted):
            gold = {cue["label"] for cue in item["cues"]}
            tp += label in gold and label in got
            fp += label in got and label not in gold
            fn += label in gold and label not in got
        per_label[label] = (*f1(tp, fp, fn), tp + fn)
    pairs = right = 0
    ranked = [(RISK[item["escalation_risk"]], risk) for item, (_, risk) in zip(items, predicted)]
    for i, (gold_a, risk_a) in enumerate(ranked):
        for gold_b, risk_b in ranked[i + 1 :]:
            if gold_a == gold_b:
                continue
            pairs += 1
            right += (risk_a - risk_b) * (gold_a - gold_b) > 0 or (risk_a == risk_b) * 0.5
    return per_label, (right / pairs if pairs else 0.0)


# -- commitments -------------------------------------------------------------------------------------


def commitment_scores(items: list[dict]) -> tuple[float, float, float, float]:
    """Precision and recall of promises (by overlap), and agreement of who and of due on the matches."""
    analyzer = CommitmentAnalyzer()
    found = expected = matched = same_who = same_due = 0
    for item in items:
        doc = Doc(item["text"], role="agent")
        analyzer.analyze(doc)
        got = list(doc.commitments or ())
        gold = item["commitments"]
        found += len(got)
        expected += len(gold)
        spans = []
        start = 0
        for promise in gold:
            at = item["text"].find(promise["text"], start)
            spans.append((at, at + len(promise["text"])))
        used: set[int] = set()
        for promise, (begin, end) in zip(gold, spans):
            for k, commitment in enumerate(got):
                if k not in used and commitment.start < end and begin < commitment.end:
                    used.add(k)
                    matched += 1
                    same_who += commitment.who == promise["who"]
                    same_due += _same_due(commitment.due, promise["due"])
                    break
    precision = matched / found if found else 0.0
    recall = matched / expected if expected else 0.0
    return precision, recall, (same_who / matched if matched else 0.0), (same_due / matched if matched else 0.0)


def _same_due(got: Optional[str], gold: Optional[str]) -> bool:
    if got is None or gold is None:
        return got is None and gold is None
    return got.lower() in gold.lower() or gold.lower() in got.lower()


# -- speed -------------------------------------------------------------------------------------------


def speed(replies: list[dict], messages: list[dict]) -> tuple[float, float]:
    """Median over 5 runs of µs per message that the three analyzers add: with the learned technique and
    cue weights, and with the phrase rules alone (the two are timed in alternate runs).

    Docs are tokenized, with the customer context read and estimates parsed, before the clock starts:
    in the default pipeline the sentiment, question-type and answer-style analyzers have done that. The
    garbage collector runs before each run.
    """
    commitments, parser = CommitmentAnalyzer(), EstimateParser()
    learned, alone = TechniqueAnalyzer(), TechniqueAnalyzer(learned=False)
    learned_cues, cues_alone = CustomerCueAnalyzer(), CustomerCueAnalyzer(learned=False)
    runs: dict[bool, list[float]] = {True: [], False: []}
    for run in range(10):
        with_weights = run % 2 == 0
        techniques = learned if with_weights else alone
        cues = learned_cues if with_weights else cues_alone
        docs = [Doc(item["reply"], role="agent", context=item["customer"]) for item in replies]
        docs += [Doc(item["text"]) for item in messages]
        for doc in docs:
            doc.sentences
            if doc.role == "agent":
                doc.estimates = parser.parse_doc(doc)
                doc.context_doc.sentences
        gc.collect()  # so that collecting the previous run's objects does not land in this one
        start = time.perf_counter()
        for doc in docs:
            techniques.analyze(doc)
            cues.analyze(doc)
            commitments.analyze(doc)
        runs[with_weights].append((time.perf_counter() - start) / len(docs) * 1e6)
    return statistics.median(runs[True]), statistics.median(runs[False])


# -- output ------------------------------------------------------------------------------------------


def print_errors(kind: str, label: Optional[str]) -> None:
    if kind == "techniques":
        items = part_of(load("techniques.jsonl"), "reply", "dev")
        for item, got in zip(items, predict_techniques(items, TechniqueAnalyzer())):
            gold = {t["label"] for t in item["techniques"]}
            missed, extra = gold - got, got - gold
            if label is not None:
                missed, extra = missed & {label}, extra & {label}
            if missed or extra:
                print(f"{item['id']}: missed {sorted(missed)} extra {sorted(extra)}\n   C: {item['customer']}\n   A: {item['reply']}")
    elif kind == "cues":
        items = part_of(load("customer_cues.jsonl"), "text", "dev")
        for item, (got, risk) in zip(items, predict_cues(items)):
            gold = {cue["label"] for cue in item["cues"]}
            missed, extra = gold - got, got - gold
            if label is not None:
                missed, extra = missed & {label}, extra & {label}
            if missed or extra:
                print(f"{item['id']}: missed {sorted(missed)} extra {sorted(extra)} risk {risk} ({item['escalation_risk']})\n   {item['text']}")
    else:
        analyzer = CommitmentAnalyzer()
        for item in part_of(load("commitments.jsonl"), "text", "dev"):
            doc = Doc(item["text"], role="agent")
            analyzer.analyze(doc)
            got = [(c.text, c.who, c.due) for c in doc.commitments or ()]
            gold = [(c["text"], c["who"], c["due"]) for c in item["commitments"]]
            if len(got) != len(gold) or any(g[1:] != e[1:] for g, e in zip(got, gold)):
                print(f"{item['id']}: {item['text']}\n   gold {gold}\n   got  {got}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    parser.add_argument("--errors", choices=("techniques", "cues", "commitments"))
    parser.add_argument("--label", help="with --errors: only this label")
    parser.add_argument("--tuned-only", action="store_true", help="score the tuned part only (while tuning)")
    args = parser.parse_args()
    if args.errors:
        print_errors(args.errors, args.label)
        return 0
    techniques, cues, promises = load("techniques.jsonl"), load("customer_cues.jsonl"), load("commitments.jsonl")
    analyzer, alone = TechniqueAnalyzer(), TechniqueAnalyzer(learned=False)
    results = {}
    rules_alone: dict[str, tuple[float, float]] = {}  # techniques micro-F1, cues macro-F1
    for part in ("dev",) if args.tuned_only else ("dev", "test"):
        t_items = part_of(techniques, "reply", part)
        c_items = part_of(cues, "text", part)
        cues_alone = cue_scores(c_items, predict_cues(c_items, learned=False))[0]
        rules_alone[part] = (
            technique_scores(t_items, predict_techniques(t_items, alone))[0],
            statistics.mean(scores[2] for scores in cues_alone.values()),
        )
        results[part] = (
            len(t_items), *technique_scores(t_items, predict_techniques(t_items, analyzer)),
            len(c_items), *cue_scores(c_items, predict_cues(c_items)),
            len(part_of(promises, "text", part)), commitment_scores(part_of(promises, "text", part)),
        )
    if args.tuned_only:
        nt, micro, per_label, nc, cue_labels, order, np_, promise = results["dev"]
        print(f"techniques micro-F1 {micro:.3f} ({nt}); risk order {order:.3f}; commitments {promise}")
        for label, scores in {**per_label, **cue_labels}.items():
            print(f"  {label:22} P {scores[0]:.2f} R {scores[1]:.2f} F1 {scores[2]:.2f} ({scores[3]})")
        return 0
    micros, micros_alone = speed(techniques, cues)

    lines = [
        f"Measured {machine()} with `python benchmarks/techniques.py --write` on the sets in `tests/data/`.",
        "",
        "| part | techniques micro-F1 (n) | lowest label F1 | customer cues macro-F1 (n) | risk order "
        "| commitments P / R (n) | who / due agree |",
        "|---|---|---|---|---|---|---|",
    ]
    for part, (nt, micro, per_label, nc, cue_labels, order, np_, promise) in results.items():
        lowest = min(per_label, key=lambda label: per_label[label][2])
        cue_macro = statistics.mean(scores[2] for scores in cue_labels.values())
        p, r, who, due = promise
        lines.append(
            f"| {PART[part]} | **{micro:.3f}** ({nt}) | {per_label[lowest][2]:.2f} ({lowest}) | {cue_macro:.3f} ({nc}) "
            f"| {order:.3f} | {p:.3f} / {r:.3f} ({np_}) | {who:.2f} / {due:.2f} |"
        )
    lines += [
        "",
        f"The phrase rules alone (`TechniqueAnalyzer(learned=False)`, without the learned word weights) score "
        f"{rules_alone['dev'][0]:.3f} tuned and {rules_alone['test'][0]:.3f} held out; for customer cues "
        f"(`CustomerCueAnalyzer(learned=False)`), {rules_alone['dev'][1]:.3f} and {rules_alone['test'][1]:.3f}.",
    ]
    lines += ["", "Per label, F1 (positives) on each part:", "", "| label | tuned | held out |", "|---|---|---|"]
    for label in TECHNIQUES:
        dev, test = results["dev"][2][label], results["test"][2][label]
        lines.append(f"| {label} | {dev[2]:.2f} ({dev[3]}) | {test[2]:.2f} ({test[3]}) |")
    for label in CUE_LABELS:
        dev, test = results["dev"][4][label], results["test"][4][label]
        lines.append(f"| cue: {label} | {dev[2]:.2f} ({dev[3]}) | {test[2]:.2f} ({test[3]}) |")
    lines += [
        "",
        f"The three analyzers (techniques, customer cues, commitments) add **{micros:.1f} µs** per message "
        f"on a tokenized Doc (median of 5 runs); {micros_alone:.1f} µs with the phrase rules alone (5 runs "
        "alternating with those).",
    ]
    table = "\n".join(lines)
    print(table)
    if args.write:
        write_section("techniques", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
