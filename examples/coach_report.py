"""Coach report: review whole support conversations, then summarise many of them.

First, a short invented conversation (bundled below) is reviewed turn by turn with
`cxcoach.review_conversation`: how the customer's mood moved, the techniques the agent used,
process-only answers to outcome questions, promises made and whether they were kept, and the three
most useful tips.

Then, when the shared public data sets are on this machine (``../shared/data`` next to the repository,
or the directory named by ``$CXCOACH_DATA``), the same report is run on real conversations: about 20
threads of the Customer Support on Twitter sample (grouped by company) and the ABCD sample dialogues
(grouped by flow), and `cxcoach.summarize` prints one line per group. The data is read where it lives;
nothing is copied.

    python examples/coach_report.py
"""

from __future__ import annotations

import csv
import html
import json
import os
import re
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import cxcoach
from cxcoach import Conversation, ConversationReport, Message

REPO = Path(__file__).resolve().parent.parent
WIDTH = 88
TWCS_THREADS = 20

# An invented conversation: a delayed sofa, a process-only first answer, then a better one.
BUNDLED = Conversation(
    id="demo-sofa-0412",
    metadata={"agent": "sam", "team": "deliveries"},
    turns=(
        Message(role="customer", text="My sofa was meant to arrive on Saturday and nobody turned up. "
                                      "I took the day off work for this!! When will it actually be delivered?"),
        Message(role="agent", text="I've raised this with our delivery partner and they are looking into it."),
        Message(role="customer", text="That doesn't answer my question. When is it coming?"),
        Message(role="agent", text="I'm so sorry, losing a day off for nothing is really frustrating. "
                                   "Your sofa will be delivered on Wednesday between 8am and noon. "
                                   "I'll call you on Tuesday evening to confirm the slot."),
        Message(role="customer", text="Thanks, Wednesday morning works for me."),
    ),
)


def show(label: str, text: str) -> None:
    print(textwrap.fill(text, WIDTH, initial_indent=label, subsequent_indent=" " * len(label)))


def print_report(conversation: Conversation, report: ConversationReport) -> None:
    print(f"Conversation {report.id} (agent {report.metadata.get('agent', '?')})")
    for index, (message, turn) in enumerate(zip(conversation.turns, report.turns)):
        mood = turn.sentiment.label if turn.sentiment else "-"
        used = ", ".join(sorted(turn.techniques or ())) or "-"
        extra = f"sentiment {mood}" if turn.role == "customer" else f"answer {turn.answer_style}; techniques {used}"
        show(f"  [{index}] {turn.role:<8} ", message.text)
        print(f"               ({extra})")
    print()
    print(f"  customer sentiment:   {report.customer_start_sentiment} -> {report.customer_end_sentiment}"
          f"  (de-escalated: {report.de_escalated})")
    print(f"  techniques used:      {', '.join(sorted(report.techniques_used)) or 'none'}")
    print(f"  process answers to outcome questions: {report.process_answers_to_outcome_questions}")
    for commitment in report.commitments:
        print(f"  promise:              {commitment.text!r} (due: {commitment.due})")
    print(f"  promises kept:        {report.commitments_kept}")
    stages = [name for name, covered in report.stages.model_dump().items() if covered]
    print(f"  LDAL stages covered:  {', '.join(stages) or 'none'}")
    print()
    print("  Tips:")
    if not report.tips:
        print("    none")
    for tip in report.tips:
        print(f"    turn {tip.turn}: {tip.code}: {tip.message}")
        show("      about:      ", repr(tip.text))
        show("      suggestion: ", tip.suggestion)


# -- the shared data sets -----------------------------------------------------------------------------


def data_dir() -> Path:
    configured = os.environ.get("CXCOACH_DATA")
    return Path(configured) if configured else REPO.parent / "shared" / "data"


_MENTIONS = re.compile(r"^(?:@\w+\s+)+")
_URL = re.compile(r"https?://\S+")


def tweet_text(raw: str) -> str:
    """A tweet without the leading @handles and links, with HTML entities decoded."""
    return _URL.sub("", _MENTIONS.sub("", html.unescape(raw))).strip()


def twcs_conversations(path: Path, limit: int) -> list[Conversation]:
    """Threads of the TWCS sample, linked by ``in_response_to_tweet_id``, in time order.

    ``inbound`` is ``True`` for customers; a thread's company is the author of its outbound tweets.
    Threads that lack a customer or a company turn are left out.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        rows = {row["tweet_id"]: row for row in csv.DictReader(handle)}
    parent: dict[str, str] = {}  # union-find over reply links

    def root(tweet: str) -> str:
        while parent.get(tweet, tweet) != tweet:
            tweet = parent[tweet]
        return tweet

    for tweet_id, row in rows.items():
        replied_to = row["in_response_to_tweet_id"]
        if replied_to in rows:
            parent[root(tweet_id)] = root(replied_to)
    threads: dict[str, list[dict[str, str]]] = {}
    for tweet_id, row in rows.items():
        threads.setdefault(root(tweet_id), []).append(row)
    conversations = []
    for thread in threads.values():
        thread.sort(key=lambda row: datetime.strptime(row["created_at"], "%a %b %d %H:%M:%S %z %Y"))
        companies = sorted({row["author_id"] for row in thread if row["inbound"] != "True"})
        if not companies or all(row["inbound"] != "True" for row in thread):
            continue
        turns = tuple(
            Message(role="customer" if row["inbound"] == "True" else "agent", text=tweet_text(row["text"]),
                    id=row["tweet_id"])
            for row in thread
        )
        conversations.append(Conversation(turns=turns, id=f"twcs-{thread[0]['tweet_id']}",
                                          metadata={"company": companies[0]}))
    conversations.sort(key=lambda conversation: conversation.id or "")
    return conversations[:limit]


def abcd_conversations(path: Path) -> list[Conversation]:
    """The ABCD sample dialogues; ``action`` entries (the agent's button clicks) are not turns."""
    dialogues = json.loads(path.read_text(encoding="utf-8"))
    conversations = []
    for dialogue in dialogues:
        turns = tuple(
            Message(role=speaker, text=text) for speaker, text in dialogue["original"] if speaker in ("customer", "agent")
        )
        scenario = dialogue["scenario"]
        conversations.append(Conversation(
            turns=turns, id=f"abcd-{dialogue['convo_id']}",
            metadata={"flow": scenario["flow"], "subflow": scenario["subflow"]},
        ))
    return conversations


def print_one_line_each(reports: list[ConversationReport], key: str) -> None:
    for report in reports:
        first_tip = report.tips[0].code if report.tips else "-"
        used = ", ".join(sorted(report.techniques_used)) or "-"
        print(f"  {report.id:<16} {report.metadata.get(key, '?'):<15} {len(report.turns):>3} turns  "
              f"{report.customer_start_sentiment!s:>8} -> {report.customer_end_sentiment!s:<8}  "
              f"first tip: {first_tip:<19} techniques: {used}")


def print_summary(reports: list[ConversationReport], by: str) -> None:
    summary = cxcoach.summarize(reports, by=by)
    print(f"  {by:<15} {'convs':>5} {'neg.':>5} {'de-esc.':>7} {'outcome-first':>13}  most used techniques")
    for group in summary.groups:
        rate = "-" if group.de_escalation_rate is None else f"{group.de_escalation_rate:.0%}"
        top = sorted((share, label) for label, share in group.technique_usage.items() if share > 0)[::-1][:3]
        used = ", ".join(f"{label} {share:.0%}" for share, label in top) or "-"
        print(f"  {group.group:<15} {group.conversations:>5} {group.negative_starts:>5} {rate:>7} "
              f"{group.outcome_first_violations:>13}  {used}")


def run_public_data(directory: Path) -> None:
    twcs = directory / "twcs_customer_support_twitter_sample" / "sample.csv"
    abcd = directory / "abcd_sample" / "abcd_sample.json"
    for name, path, load, key in (
        ("Customer Support on Twitter sample", twcs, lambda p: twcs_conversations(p, TWCS_THREADS), "company"),
        ("ABCD sample", abcd, abcd_conversations, "flow"),
    ):
        print("=" * WIDTH)
        if not path.is_file():
            print(f"{name}: {path} not found; skipped.")
            continue
        conversations = load(path)
        reports = [cxcoach.review_conversation(conversation) for conversation in conversations]
        print(f"{name}: {len(reports)} conversations from {path}")
        print()
        print_one_line_each(reports, key)
        print()
        print(f"  Summary by {key}:")
        print_summary(reports, key)
        print()


def main() -> int:
    report = cxcoach.review_conversation(BUNDLED)
    print_report(BUNDLED, report)
    print()
    directory = data_dir()
    if not directory.is_dir():
        print("=" * WIDTH)
        print(f"Public data not found at {directory}; skipped the TWCS and ABCD part.")
        print("Set CXCOACH_DATA to the directory that holds the shared data sets to run it.")
        return 0
    run_public_data(directory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
