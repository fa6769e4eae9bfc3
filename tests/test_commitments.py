"""Commitments (PLAYBOOK idea 8): who promises what, by when, on what condition, and what is not a promise.

Every sentence here was written for these tests; none is taken from ``tests/data``.
"""

from __future__ import annotations

import pytest

import cxcoach
from cxcoach.commitments import CommitmentAnalyzer
from cxcoach.text import Doc


def _reply(text: str):
    return cxcoach.analyze(text, role="agent")


def _xfail(reason: str):
    return pytest.mark.xfail(strict=True, reason=reason)


def _only(text: str):
    commitments = _reply(text).commitments
    assert len(commitments) == 1, commitments
    return commitments[0]


@pytest.mark.parametrize(
    "reply, who, action",
    [
        ("I'll post the returns label to you today.", "agent", "post the returns label to you"),
        ("Let me send the invoice over to you tonight.", "agent", "send the invoice over to you"),
        ("We'll credit £15 to your account by the end of the week.", "company", "We'll credit £15 to your account"),
        ("Your new card will arrive by Friday.", "company", "Your new card will arrive"),
    ],
)
def test_who_promises_what(reply, who, action):
    commitment = _only(reply)
    assert commitment.who == who
    assert commitment.action == action
    assert commitment.text == reply[commitment.start : commitment.end]


@pytest.mark.parametrize(
    "reply, due, fields",
    [
        pytest.param(
            "I'll ring you back tomorrow afternoon.",
            "tomorrow afternoon",
            {"kind": "deadline", "day": "tomorrow afternoon"},
            id="day-and-part",
        ),
        pytest.param(
            "We'll refund the delivery charge within 5 working days.",
            "within 5 working days",
            {"kind": "duration", "low": None, "high": 5.0, "unit": "business_day"},
            id="working-days",
        ),
        pytest.param(
            "We'll credit £15 to your account by the end of the week.",
            "by the end of the week",
            {"kind": "deadline", "day": "end of the week"},
            id="money-is-not-the-due",
        ),
        pytest.param(
            "The replacement handset will reach you in 2 to 4 days.",
            "in 2 to 4 days",
            {"kind": "duration", "low": 2.0, "high": 4.0, "unit": "day"},
            id="range",
        ),
        pytest.param(
            "I'll ring you back within the hour.",
            "within the hour",
            {"kind": "duration", "high": 1.0, "unit": "hour"},
            id="within-the-hour",
            marks=_xfail('"within the hour" is not read as an estimate, so the promise has no due'),
        ),
    ],
)
def test_due_and_deadline(reply, due, fields):
    commitment = _only(reply)
    assert commitment.due == due
    deadline = commitment.deadline
    assert deadline is not None
    assert deadline.text == due == reply[deadline.start : deadline.end]
    for name, value in fields.items():
        assert getattr(deadline, name) == value, (name, deadline)
    assert due not in commitment.action


def test_a_promise_without_a_time_has_no_due():
    commitment = _only("I'll look into the missing voucher for you.")
    assert commitment.due is None
    assert commitment.deadline is None


@pytest.mark.parametrize(
    "reply, condition, text, action, due",
    [
        pytest.param(
            "If the parcel hasn't turned up by Thursday, I'll send a replacement.",
            "If the parcel hasn't turned up by Thursday",
            "I'll send a replacement",
            "send a replacement",
            None,
            id="condition-first",
        ),
        pytest.param(
            "I'll send a replacement if the parcel hasn't turned up by Thursday.",
            "if the parcel hasn't turned up by Thursday",
            "I'll send a replacement",
            "send a replacement",
            None,
            id="condition-after",
        ),
        pytest.param(
            "Unless the engineer finds a fault, we'll close the ticket on Monday.",
            "Unless the engineer finds a fault",
            "we'll close the ticket on Monday",
            "we'll close the ticket",
            "on Monday",
            id="unless",
        ),
        pytest.param(
            "The courier will collect the old fridge when the new one arrives.",
            "when the new one arrives",
            "The courier will collect the old fridge",
            "The courier will collect the old fridge",
            None,
            id="when",
        ),
    ],
)
def test_a_condition_is_kept_apart_from_the_promise(reply, condition, text, action, due):
    commitment = _only(reply)
    assert commitment.condition == condition
    assert commitment.text == text
    assert commitment.action == action
    assert commitment.due == due


@pytest.mark.parametrize(
    "reply",
    [
        pytest.param("You'll need to restart the router.", id="instruction"),
        pytest.param("Please restart the router and then check the lights.", id="imperative"),
        pytest.param("Your parcel should arrive on Friday.", id="hedge-should"),
        pytest.param("Your parcel might arrive on Friday.", id="hedge-might"),
        pytest.param("We will probably know more next week.", id="hedge-probably"),
        pytest.param("I'll try to get it to you by Friday.", id="hedge-try"),
        pytest.param("I have already sent the new card.", id="past-have"),
        pytest.param("We refunded the fee yesterday.", id="past"),
        pytest.param("If you'd like, I can send a replacement.", id="offer"),
        pytest.param("Would you like me to call you tomorrow?", id="question-offer"),
        pytest.param("Shall I call you back tomorrow?", id="question-shall"),
        pytest.param(
            "You must restart the router before it will connect.",
            id="instruction-before-it-will",
        ),
    ],
)
def test_non_commitments(reply):
    analysis = _reply(reply)
    assert analysis.commitments == ()
    assert not [finding for finding in analysis.findings if finding.label == "commitment"]


@pytest.mark.parametrize(
    "reply, expected",
    [
        pytest.param(
            "I'll cancel the old order and we'll refund you by Monday.",
            [("agent", "cancel the old order", None), ("company", "we'll refund you", "by Monday")],
            id="agent-and-company",
        ),
        pytest.param(
            "I'll check with the warehouse and we'll email you the tracking link tomorrow.",
            [("agent", "check with the warehouse", None), ("company", "we'll email you the tracking link", "tomorrow")],
            id="check-and-email",
        ),
        pytest.param(
            "I'll email the label today and call you on Friday.",
            [("agent", "email the label", "today"), ("agent", "call you", "on Friday")],
            id="shared-subject",
        ),
        pytest.param(
            "We will close the account today and send you a final statement.",
            [("company", "We will close the account", "today"), ("company", "send you a final statement", None)],
            id="shared-subject-company",
        ),
    ],
)
def test_two_promises_in_one_sentence(reply, expected):
    commitments = _reply(reply).commitments
    assert [(c.who, c.action, c.due) for c in commitments] == expected
    assert commitments[0].end <= commitments[1].start
    for commitment in commitments:
        assert commitment.text == reply[commitment.start : commitment.end]


def test_commitment_findings():
    reply = "Thanks for waiting. I'll cancel the old order and we'll refund you by Monday."
    analysis = _reply(reply)
    findings = [finding for finding in analysis.findings if finding.analyzer == "commitments"]
    assert [finding.label for finding in findings] == ["commitment", "commitment"]
    assert [(f.start, f.end) for f in findings] == [(c.start, c.end) for c in analysis.commitments]
    for finding, commitment in zip(findings, analysis.commitments):
        assert finding.text == commitment.text == reply[finding.start : finding.end]
        (evidence,) = finding.evidence
        assert evidence.detail.startswith(f"{commitment.who} promises")
        assert evidence.text == reply[evidence.start : evidence.end]
    assert "by Monday" in findings[1].evidence[0].detail


def test_customer_messages_make_no_commitments():
    analysis = cxcoach.analyze("I'll call you tomorrow and I will cancel my order.", role="customer")
    assert analysis.commitments == ()
    assert not [finding for finding in analysis.findings if finding.analyzer == "commitments"]
    doc = Doc("I'll call you tomorrow.", role="customer")
    assert CommitmentAnalyzer().analyze(doc) == ()


def test_empty_and_unicode_replies():
    assert _reply("").commitments == ()
    reply = "🙏🏽 Zoë, I'll send the café voucher — worth £10 — to you tomorrow 📨."
    (commitment,) = _reply(reply).commitments
    assert commitment.who == "agent"
    assert commitment.text == reply[commitment.start : commitment.end]
    assert commitment.due == "tomorrow"
