"""Drafting replies: playbook-shaped drafts that check themselves.

For each customer message below (most are from examples/data/support_messages.txt), cxcoach reads the
message, picks a playbook (limits first for abuse, LDAL for upset customers, outcome first for calm
ones) and drafts a reply from the built-in template pack with the facts given. Each draft is printed
with the block of the pack behind every sentence and the result of its self-check. Then a
process-only reply is rewritten outcome first, and an outcome question with no facts shows the
MissingFactsError the drafter raises.

    python examples/drafting.py
    python examples/drafting.py --tone formal --seed 1
"""

from __future__ import annotations

import argparse
import sys
import textwrap

import cxcoach
from cxcoach.errors import MissingFactsError

WIDTH = 88

# (customer message, facts the agent knows). The facts are what a real agent would look up.
SCENARIOS = [
    (
        "My internet has dropped out four times today and I work from home. When will it actually be fixed?",
        {"estimate": "by 6pm today", "condition": "the crew finishes the repair at your local cabinet",
         "next_update": "at 4pm"},
    ),
    (
        "Hi, could you tell me how to add a second line to my family plan?",
        {"steps": "open the app, tap Plan, then choose Add a line"},
    ),
    (
        "You charged me TWICE for the same transfer and nobody answers the phone!!! Fix it NOW.",
        {"issue": "the second charge for the same transfer",
         "next_step": "I've asked our payments team to refund the second charge", "next_update": "by 5pm today"},
    ),
    (
        "Thanks so much, the new debit card arrived early and works perfectly 😊",
        {"customer_name": "Priya"},
    ),
    (
        "You useless idiots, where is my refund?!",
        {"estimate": "3 to 5 business days", "alternative": "send the refund as store credit today"},
    ),
]

REWRITE_CUSTOMER = "My order was meant to arrive on Saturday and it still isn't here!! When will I get it?"
REWRITE_REPLY = ("I've passed this to our delivery team and they are looking into it. "
                 "Once they hear back from the courier we'll be able to give you an update.")
REWRITE_FACTS = {"estimate": "2 to 3 working days"}


def show(label: str, text: str, indent: int = 0) -> None:
    print(textwrap.fill(text, WIDTH, initial_indent=" " * indent + label,
                        subsequent_indent=" " * (indent + len(label))))


def print_parts(draft: cxcoach.Draft) -> None:
    width = max(len(part.block) for part in draft.parts)
    for part in draft.parts:
        show(f"{part.block:<{width}}  ", part.text, indent=4)


def print_check(draft: cxcoach.Draft) -> None:
    check = draft.check
    techniques = ", ".join(sorted(check.analysis.techniques or ())) or "none"
    verdict = "passed" if check.passed else "FAILED: " + "; ".join(check.problems)
    print(f"  check:    {verdict}; answer style {check.analysis.answer_style}; techniques {techniques}")


def draft_all(tone: str | None, seed: int | None) -> None:
    for message, facts in SCENARIOS:
        draft = cxcoach.draft_reply(message, facts=facts, tone=tone, seed=seed)
        customer = draft.customer
        mood = f"{customer.sentiment.label} (intensity {customer.sentiment.intensity})" if customer.sentiment else "-"
        print("=" * WIDTH)
        show("customer: ", message)
        print(f"  read as:  {mood}, {customer.question_type}")
        show("facts:    ", ", ".join(f"{name}={value!r}" for name, value in facts.items()), indent=2)
        print(f"  playbook: {draft.playbook} ({draft.tone})")
        print("  draft, block by block:")
        print_parts(draft)
        print_check(draft)


def rewrite_one(tone: str | None, seed: int | None) -> None:
    print("=" * WIDTH)
    print("Rewrite of a process-only reply")
    show("customer: ", REWRITE_CUSTOMER, indent=2)
    before = cxcoach.analyze(REWRITE_REPLY, role="agent", context=REWRITE_CUSTOMER)
    show(f"before ({before.answer_style}): ", REWRITE_REPLY, indent=2)
    draft = cxcoach.rewrite(REWRITE_REPLY, customer=REWRITE_CUSTOMER, facts=REWRITE_FACTS, tone=tone, seed=seed)
    show(f"after ({draft.check.analysis.answer_style}):  ", draft.text, indent=2)
    print_parts(draft)
    for note in draft.notes:
        show("note: ", note, indent=2)


def missing_facts() -> None:
    print("=" * WIDTH)
    message = "When will my refund come?"
    print(f"An outcome question with no facts: {message!r}")
    try:
        cxcoach.draft_reply(message)
    except MissingFactsError as error:
        show("MissingFactsError: ", str(error), indent=2)
        print(f"  missing: {', '.join(error.missing)}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tone", choices=["friendly", "formal"], help="the tone of the drafts (default friendly)")
    parser.add_argument("--seed", type=int, help="another seed gives other wordings")
    args = parser.parse_args(argv)
    draft_all(args.tone, args.seed)
    rewrite_one(args.tone, args.seed)
    missing_facts()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
