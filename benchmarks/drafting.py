"""Reply drafts for every customer message of cxcoach's labelled conversations (``tests/data/conversations.jsonl``).

* Coverage: for every customer turn, a draft exists and passes its self-check, and when the customer
  asked an outcome question the given estimate is in the draft's first two sentences.
* Variety: twenty different upset customers (negative sentiment) with the same facts, how many
  distinct drafts.
* Speed: drafting a reply, as a multiple of analysing the customer's message (median of 5 runs).

The templates were written against the pack's own lint samples, never against this set; both parts
(``zlib.crc32`` of the turn texts joined by ``"\\n"``, as in ``benchmarks/coach.py``) are reported.

    python benchmarks/drafting.py              # print
    python benchmarks/drafting.py --write      # and update docs/benchmarks.md
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
from cxcoach.errors import CxcoachError  # noqa: E402

DATA = REPO / "tests" / "data" / "conversations.jsonl"
PART = {"dev": "tuned (70%)", "test": "held out (30%)"}
# One set of facts for every message, as an agent-assist tool would fill them from the ticket.
FACTS = {
    "estimate": "3 to 5 business days",
    "steps": "open Settings, choose Account, then follow the prompts",
    "next_update": "tomorrow by noon",
}
UPSET = 20


def load() -> list[dict]:
    with DATA.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def key(item: dict) -> str:
    return "\n".join(turn["text"] for turn in item["turns"])


def customer_turns(items: list[dict]) -> list[str]:
    return [turn["text"] for item in items for turn in item["turns"] if turn["role"] == "customer"]


def coverage(messages: list[str]) -> dict[str, object]:
    drafted = passed = outcome = early = 0
    failures = []
    for text in messages:
        try:
            draft = cxcoach.draft_reply(text, facts=FACTS)
        except CxcoachError as error:
            failures.append(f"{type(error).__name__}: {text[:80]!r}: {error}")
            continue
        drafted += 1
        passed += draft.check.passed
        if draft.customer.question_type == "outcome_question":
            outcome += 1
            early += any(FACTS["estimate"] in part.text for part in draft.parts[:2])
    return {"messages": len(messages), "drafted": drafted, "passed": passed, "outcome": outcome, "early": early,
            "failures": failures}


def variety(messages: list[str]) -> tuple[int, int]:
    """Distinct drafts for the first twenty upset customers, with the same facts and no seed."""
    upset = [text for text in messages if cxcoach.analyze(text).sentiment.label == "negative"][:UPSET]
    return len(upset), len({cxcoach.draft_reply(text, facts=FACTS).text for text in upset})


def speed(messages: list[str]) -> tuple[float, float]:
    """Median µs to draft a reply, and to analyse the customer's message, over 5 runs."""
    cxcoach.draft_reply(messages[0], facts=FACTS)  # load everything first
    per_draft, per_message = [], []
    for _ in range(5):
        start = time.perf_counter()
        for text in messages:
            cxcoach.draft_reply(text, facts=FACTS)
        per_draft.append((time.perf_counter() - start) / len(messages) * 1e6)
        start = time.perf_counter()
        for text in messages:
            cxcoach.analyze(text)
        per_message.append((time.perf_counter() - start) / len(messages) * 1e6)
    return statistics.median(per_draft), statistics.median(per_message)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args()
    items = load()
    lines = [
        f"Measured {machine()} with `python benchmarks/drafting.py --write`: every customer turn of "
        f"`tests/data/conversations.jsonl`, drafted with the facts {json.dumps(FACTS)}.",
        "",
        "| part | customer messages | drafted | self-check passed | outcome questions "
        "| estimate in the first two sentences |",
        "|---|---|---|---|---|---|",
    ]
    failures: list[str] = []
    for part in ("dev", "test"):
        messages = customer_turns([item for item in items if split_of(key(item)) == part])
        c = coverage(messages)
        failures += c["failures"]  # type: ignore[arg-type]
        lines.append(
            f"| {PART[part]} | {c['messages']} | {c['drafted']} | {c['passed']} | {c['outcome']} "
            f"| {c['early']} of {c['outcome']} |"
        )
    messages = customer_turns(items)
    upset, distinct = variety(messages)
    draft, message = speed(messages)
    lines += [
        "",
        f"Twenty upset customers, same facts: **{distinct} distinct drafts** of {upset}.",
        "",
        f"Drafting a reply takes **{draft / message:.1f}×** the time of analysing the customer's message "
        f"({draft:.0f} µs against {message:.0f} µs; median of 5 runs over {len(messages)} messages).",
    ]
    table = "\n".join(lines)
    print(table)
    for failure in failures:
        print("  ", failure)
    if args.write:
        write_section("drafting", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
