"""Outcome first: check agent replies against the customer's question.

For each customer question below there are two candidate replies: one written as a process-only answer
(what the company is doing) and one written outcome-first (what will happen to the customer). cxcoach
reads the question's type, each reply's answer style and estimates, and explains any reply that answers
an outcome question with nothing but a process.

    python examples/outcome_first.py                       # the built-in scenarios
    python examples/outcome_first.py "QUESTION" "REPLY"    # check your own pair
"""

from __future__ import annotations

import sys
import textwrap

import cxcoach

SCENARIOS = [
    (
        "retail",
        "My order was due on Monday and it still isn't here. When will I actually get it?",
        "I've raised a ticket with our warehouse team and they're looking into it. "
        "Once they hear back from the courier we'll be able to give you an update.",
        "It should reach you by Thursday: the courier has it at your local depot. "
        "If it isn't there by then, I'll send a replacement the same day.",
    ),
    (
        "banking",
        "Someone used my card abroad last night. Am I going to get that money back?",
        "I've passed this to our fraud department. They will review the transactions and contact you "
        "within 10 business days.",
        "Yes: we'll refund the $84.50 unless the review shows you made the payment yourself, "
        "and your replacement card will arrive in 5 to 7 days.",
    ),
    (
        "utilities",
        "The power has been off on our street since noon. How long is this going to take?",
        "An engineer is on the way to inspect the substation, and we'll keep you updated.",
        "Our best estimate is 2 to 4 hours; power will probably be back by 6pm, "
        "though it could slip if a cable has to be replaced.",
    ),
    (
        "insurance",
        "Is the water damage in my kitchen covered by my policy?",
        "To find out, you'll need to submit a claim form with photos, and an assessor will inspect the damage.",
        "From what you describe it isn't covered, because the leak built up over months; "
        "a repair through our partner would cost about $400.",
    ),
]

WIDTH = 88


def show(label: str, text: str) -> None:
    print(textwrap.fill(text, WIDTH, initial_indent=f"  {label}", subsequent_indent=" " * (len(label) + 2)))


def describe_estimates(analysis: cxcoach.MessageAnalysis) -> str:
    if not analysis.estimates:
        return "none"
    parts = []
    for estimate in analysis.estimates:
        if estimate.kind == "deadline":
            parts.append(f"{estimate.text!r} (deadline: {estimate.day})")
        else:
            low = "?" if estimate.low is None else f"{estimate.low:g}"
            high = "?" if estimate.high is None else f"{estimate.high:g}"
            span = low if low == high else f"{low}..{high}"
            parts.append(f"{estimate.text!r} ({estimate.kind}: {span} {estimate.unit})")
    return ", ".join(parts)


def check(question: str, reply: str, written_as: str) -> None:
    analysis = cxcoach.analyze(reply, role="agent", context=question)
    print()
    show(f"reply ({written_as}): ", reply)
    print(f"    answer style: {analysis.answer_style or 'none (neither an outcome nor a process)'}")
    print(f"    estimates:    {describe_estimates(analysis)}")
    violations = [finding for finding in analysis.findings if finding.label == "outcome_first_violation"]
    for violation in violations:
        print("    OUTCOME-FIRST VIOLATION")
        show("  why:        ", violation.evidence[0].detail)
        show("  suggestion: ", violation.suggestion or "")
    if not violations:
        print("    no outcome-first violation")


def run(domain: str, question: str, replies: list[tuple[str, str]]) -> None:
    asked = cxcoach.analyze(question)
    print("=" * WIDTH)
    show(f"[{domain}] customer: " if domain else "customer: ", question)
    print(f"    question type: {asked.question_type}")
    for written_as, reply in replies:
        check(question, reply, written_as)
    print()


def main(argv: list[str]) -> int:
    if len(argv) == 2:
        run("", argv[0], [("yours", argv[1])])
        return 0
    if argv:
        print("usage: python examples/outcome_first.py [QUESTION REPLY]", file=sys.stderr)
        return 2
    for domain, question, process_reply, outcome_reply in SCENARIOS:
        run(domain, question, [("process-only", process_reply), ("outcome-first", outcome_reply)])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
