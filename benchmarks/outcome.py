"""Outcome-vs-process accuracy on cxcoach's own labelled sets (tests/data), tuned and held-out parts.

* Question type (customer messages): macro-F1 over outcome_question / process_question / not_a_question,
  beside a baseline "a question mark → outcome question".
* Answer style (agent replies): macro-F1 over outcome / process / mixed (a reply labelled neither
  counts as its own class, so calling it anything is an error), beside the baseline "a time
  expression → outcome, else process".
* Estimates: precision and recall of (kind, low, high, unit) against the hand-normalised values.
* Speed: microseconds the two analyzers add per message, on already tokenized Docs: over the sets read as
  conversations, and with each reply analysed alone beside the text of its customer message.

The held-out part is ``zlib.crc32(text.encode("utf-8")) % 10 < 3`` (the reply for answer styles);
rules and cue lists are tuned on the other 70% only.

    python benchmarks/outcome.py            # print
    python benchmarks/outcome.py --write    # and update docs/benchmarks.md
    python benchmarks/outcome.py --errors answer_style   # tuned-part mistakes, for tuning
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import macro_f1  # noqa: E402
from datasets import REPO, split_of  # noqa: E402
from report import machine, write_section  # noqa: E402

from cxcoach.answer_style import AnswerStyleAnalyzer  # noqa: E402
from cxcoach.estimates import find_estimates  # noqa: E402
from cxcoach.question_type import QuestionTypeAnalyzer  # noqa: E402
from cxcoach.text import Doc  # noqa: E402

DATA = REPO / "tests" / "data"
PART = {"dev": "tuned (70%)", "test": "held out (30%)"}


def load(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def question_types(items: list[dict], analyzer: QuestionTypeAnalyzer) -> list[str]:
    predicted = []
    for item in items:
        doc = Doc(item["text"])
        analyzer.analyze(doc)
        predicted.append(doc.question_type)
    return predicted


def answer_styles(items: list[dict], analyzer: AnswerStyleAnalyzer) -> list[str]:
    predicted = []
    for item in items:
        doc = Doc(item["reply"], role="agent", context=item["customer"])
        analyzer.analyze(doc)
        predicted.append(str(doc.answer_style))
    return predicted


def time_baseline(item: dict) -> str:
    return "outcome" if any(e.kind in ("duration", "deadline") for e in find_estimates(item["reply"])) else "process"


def estimate_key(e: dict) -> tuple:
    """What must agree for an estimate to count as found: kind, range and unit (a deadline has none)."""
    def number(value: object) -> object:
        return None if value is None else float(value)  # type: ignore[arg-type]

    return (e["kind"], number(e["low"]), number(e["high"]), e["unit"] if e["kind"] != "deadline" else None)


def estimate_scores(items: list[dict]) -> tuple[float, float]:
    key = estimate_key
    found = expected = correct = 0
    for item in items:
        gold = [key(e) for e in item["estimates"]]
        got = [key(e.model_dump()) for e in find_estimates(item["text"])]
        expected += len(gold)
        found += len(got)
        correct += sum(min(gold.count(k), got.count(k)) for k in set(gold))
    return (correct / found if found else 0.0), (correct / expected if expected else 0.0)


READINGS = {
    True: "a conversation: each message once, each reply reading the analysis of the customer message it answers",
    False: "a reply alone: its customer message given as text, tokenized and read for the reply",
}


def speed(questions: list[dict], replies: list[dict]) -> dict[bool, tuple[int, float, float, float]]:
    """µs that both analyzers add on tokenized Docs, read two ways, the runs alternating: for each reading
    (``True`` for a conversation) the number of messages, and the median over 5 runs of µs per message,
    per customer message and per reply.

    - *a conversation*: every message of the sets analysed once: the question-type set's customer messages,
      and each answer-style pair's customer message and then its reply, which reads the customer message's
      analysis as its context (as `cxcoach.review_conversation` does);
    - *a reply alone*: the question-type set's messages, and each reply with its customer message given as
      text, which the answer-style analyzer tokenizes and reads itself (as ``analyze(reply, role="agent",
      context=text)`` does); the customer messages given as text are not counted as messages.

    Each run gets fresh Docs, tokenized before the clock starts (as a pipeline's earlier step would have
    done); tokenizing the context of a reply alone is inside the clock. The garbage collector runs before
    each run, so that collecting the previous run's objects does not land in this one.
    """
    question_analyzer, answer_analyzer = QuestionTypeAnalyzer(), AnswerStyleAnalyzer()
    for item in replies[:50]:  # the learned weights and cue lists load on first use: not inside a timed run
        reply = Doc(item["reply"], role="agent", context=item["customer"])
        question_analyzer.analyze(reply)
        answer_analyzer.analyze(reply)
    runs: dict[bool, list[tuple[float, float, float]]] = {True: [], False: []}
    counts: dict[bool, int] = {}
    clock = time.perf_counter
    for run in range(10):
        conversation = run % 2 == 0
        docs = [Doc(item["text"]) for item in questions]
        for item in replies:
            if conversation:
                customer = Doc(item["customer"])
                docs += [customer, Doc(item["reply"], role="agent", context=customer)]
            else:
                docs.append(Doc(item["reply"], role="agent", context=item["customer"]))
        for doc in docs:
            doc.sentences
        gc.collect()
        spent = {"customer": 0.0, "agent": 0.0}
        for doc in docs:
            start = clock()
            question_analyzer.analyze(doc)
            answer_analyzer.analyze(doc)
            spent[doc.role] += clock() - start
        counts[conversation] = len(docs)
        per_message = sum(spent.values()) / len(docs)
        per_customer = spent["customer"] / (len(docs) - len(replies))
        runs[conversation].append((per_message * 1e6, per_customer * 1e6, spent["agent"] / len(replies) * 1e6))
    return {
        reading: (counts[reading], *(statistics.median(run[k] for run in measured) for k in range(3)))
        for reading, measured in runs.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    parser.add_argument("--errors", choices=("question_type", "answer_style", "estimates"))
    args = parser.parse_args()
    questions, replies, estimates = load("question_types.jsonl"), load("answer_styles.jsonl"), load("estimates.jsonl")
    q_analyzer, a_analyzer = QuestionTypeAnalyzer(), AnswerStyleAnalyzer()

    if args.errors == "question_type":
        dev = [item for item in questions if split_of(item["text"]) == "dev"]
        for item, got in zip(dev, question_types(dev, q_analyzer)):
            if got != item["question_type"]:
                print(f"{item['question_type']:>17} <- {got:<17} {item['text']!r}")
        return 0
    if args.errors == "answer_style":
        dev = [item for item in replies if split_of(item["reply"]) == "dev"]
        for item, got in zip(dev, answer_styles(dev, a_analyzer)):
            if got != str(item["answer_style"]):
                print(f"{str(item['answer_style']):>8} <- {got:<8} {item['reply']!r}")
        return 0
    if args.errors == "estimates":
        for item in estimates:
            if split_of(item["text"]) != "dev":
                continue
            found = find_estimates(item["text"])
            if sorted(map(repr, map(estimate_key, item["estimates"]))) != sorted(
                repr(estimate_key(e.model_dump())) for e in found
            ):
                gold = [(e["text"], e["kind"], e["low"], e["high"], e["unit"]) for e in item["estimates"]]
                print(item["text"], "\n   gold", gold, "\n   got ", [(e.text, e.kind, e.low, e.high, e.unit) for e in found])
        return 0

    rows = []
    for part in ("dev", "test"):
        q = [item for item in questions if split_of(item["text"]) == part]
        a = [item for item in replies if split_of(item["reply"]) == part]
        e = [item for item in estimates if split_of(item["text"]) == part]
        q_gold = [item["question_type"] for item in q]
        a_gold = [str(item["answer_style"]) for item in a]
        q_classes = ("outcome_question", "process_question", "not_a_question")
        a_classes = ("outcome", "process", "mixed")
        precision, recall = estimate_scores(e)
        rows.append(
            (
                PART[part], len(q), macro_f1(q_gold, question_types(q, q_analyzer), q_classes),
                macro_f1(q_gold, ["outcome_question" if "?" in item["text"] else "not_a_question" for item in q], q_classes),
                len(a), macro_f1(a_gold, answer_styles(a, a_analyzer), a_classes),
                macro_f1(a_gold, [time_baseline(item) for item in a], a_classes), len(e), precision, recall,
            )
        )
    timings = speed(questions, replies)
    lines = [
        f"Measured {machine()} with `python benchmarks/outcome.py --write` on the sets in `tests/data/`.",
        "",
        "| part | question type macro-F1 (n) | baseline: \"?\" → outcome | answer style macro-F1 (n) "
        "| baseline: time expression → outcome | estimates precision / recall (n) |",
        "|---|---|---|---|---|---|",
    ]
    for part, nq, qf, qb, na, af, ab, ne, p, r in rows:
        lines.append(f"| {part} | {qf:.3f} ({nq}) | {qb:.3f} | {af:.3f} ({na}) | {ab:.3f} | {p:.3f} / {r:.3f} ({ne}) |")
    lines += [
        "",
        "Both analyzers on tokenized Docs (median of 5 runs of each reading, alternating):",
        "",
        "| reading | messages | µs per message | µs per customer message | µs per reply |",
        "|---|---|---|---|---|",
    ]
    for reading in (True, False):
        count, message, customer, reply = timings[reading]
        lines.append(f"| {READINGS[reading]} | {count} | **{message:.1f}** | {customer:.1f} | {reply:.1f} |")
    table = "\n".join(lines)
    print(table)
    if args.write:
        write_section("outcome", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
