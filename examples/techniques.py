"""Listening and empathy: the techniques in agent replies, the customer's escalation risk, the promises.

For each customer message below, cxcoach reads the customer's side for escalation cues (abuse, threats,
requests for a manager, repeat contact, urgency) and an escalation risk from 0 to 1, then reads the
agent's reply, with the customer's message as context, for the listening and empathy techniques it uses
(each with the clause that carries it) and the promises it makes, as data an app could track.

    python examples/techniques.py                          # the built-in scenarios
    python examples/techniques.py "CUSTOMER" "REPLY"       # analyse your own pair
"""

from __future__ import annotations

import sys
import textwrap

import cxcoach

SCENARIOS = [
    (
        "retail",
        (
            "Third email about this: the blender arrived cracked and nobody has replied. "
            "Refund me today or I'm reporting you to trading standards."
        ),
        (
            "I'm so sorry, you must be fed up after three emails with no answer, and you're right, that's not "
            "good enough. I've refunded the £64 and it will reach your card within 3 working days. "
            "I'll email you the confirmation this afternoon."
        ),
    ),
    (
        "telecom",
        "You're a useless bunch of clowns. Fix my broadband or else.",
        (
            "I want to help, and I need us to keep this respectful. Can you tell me more about what happens "
            "when the connection drops? I'll stay on this until it's fixed."
        ),
    ),
    (
        "subscriptions",
        "Hi, I think I was charged twice for my coffee subscription this month.",
        (
            "Thanks for flagging this. If I've understood correctly, the coffee subscription was charged twice "
            "this month. I'll refund the duplicate payment today, and you'll see it on your card within 5 days."
        ),
    ),
    (
        "travel",
        (
            "Our flight was cancelled and we've been stuck at the airport for six hours with two kids. "
            "When can we get home?"
        ),
        (
            "Calm down, cancellations happen all the time. You should have bought travel insurance. "
            "Sorry if you feel let down."
        ),
    ),
]

WIDTH = 88
# Techniques to avoid: marked in the output.
TO_AVOID = frozenset({"non_apology", "dismissive", "blaming"})


def show(label: str, text: str) -> None:
    print(textwrap.fill(text, WIDTH, initial_indent=f"  {label}", subsequent_indent=" " * (len(label) + 2)))


def describe_customer(text: str) -> None:
    analysis = cxcoach.analyze(text)
    cues: dict[str, list[str]] = {}  # label -> the words that show it, each once
    for finding in analysis.findings:
        if finding.analyzer == "customer_cues" and repr(finding.text) not in cues.get(finding.label, []):
            cues.setdefault(finding.label, []).append(repr(finding.text))
    print(
        f"    escalation risk: {analysis.escalation_risk:.2f} (sentiment {analysis.sentiment.label}, "
        f"intensity {analysis.sentiment.intensity})"
    )
    for label, words in cues.items():
        print(f"      {label:<19} {', '.join(words)}")
    if not cues:
        print("      no escalation cue")


def describe_reply(customer: str, reply: str) -> None:
    analysis = cxcoach.analyze(reply, role="agent", context=customer)
    print(f"    techniques: {', '.join(sorted(analysis.techniques)) or 'none'}")
    for finding in analysis.findings:
        if finding.analyzer == "techniques":
            mark = "  (avoid)" if finding.label in TO_AVOID else ""
            print(f"      {finding.label:<21} {finding.text!r}{mark}")
    print(f"    commitments: {len(analysis.commitments) or 'none'}")
    for commitment in analysis.commitments:
        due = f", due {commitment.due}" if commitment.due else ", no date given"
        condition = f", on condition: {commitment.condition!r}" if commitment.condition else ""
        print(f"      {commitment.who:<8} {commitment.action!r}{due}{condition}")


def run(domain: str, customer: str, reply: str) -> None:
    print("=" * WIDTH)
    show(f"[{domain}] customer: " if domain else "customer: ", customer)
    describe_customer(customer)
    print()
    show("agent: ", reply)
    describe_reply(customer, reply)
    print()


def main(argv: list[str]) -> int:
    if len(argv) == 2:
        run("", argv[0], argv[1])
        return 0
    if argv:
        print("usage: python examples/techniques.py [CUSTOMER REPLY]", file=sys.stderr)
        return 2
    for domain, customer, reply in SCENARIOS:
        run(domain, customer, reply)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
