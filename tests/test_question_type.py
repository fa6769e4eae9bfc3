"""Question types (issue 3, item 1; PLAYBOOK section 3): outcome_question, process_question or
not_a_question, per question sentence (a finding with its span) and per message."""

from __future__ import annotations

import pytest

import cxcoach
from cxcoach.question_type import QuestionTypeAnalyzer
from cxcoach.text import Doc

QUESTION_TYPES = ("outcome_question", "process_question", "not_a_question")

OUTCOME = [
    # the examples
    "I need to know if my card will arrive this week",
    "tell me whether the refund went through",
    # our own: when, whether, how much, how long, status; with and without "?"
    "When will the engineer get here?",
    "Is my parcel still coming today??",
    "How long until the outage in my area is fixed?",
    "How much will the upgrade cost me?",
    "Please let me know whether the engineer is still booked for tomorrow.",
    "I'd like to know how much the early exit fee comes to",
    "Has the replacement charger been dispatched yet?",
    "any update on my claim",
]
PROCESS = [
    "How do I reset my password?",
    "Where can I download last month's invoice?",
    "What documents should I bring to the branch?",
    "how can i add my partner to the account",
    "Walk me through setting up the new router.",
]
CHAT_STYLE = [
    ("wen will my refund come", "outcome_question"),
    ("hw do i change my adress", "process_question"),
    ("ok so when does my new sim get here lol", "outcome_question"),
    ("how do i turn off auto renew??", "process_question"),
    ("is my order shiped yet", "outcome_question"),
]
NOT_QUESTIONS = [
    "why is this so hard?!",
    "Why is it so difficult to reach a human?!",
    "Seriously, what is wrong with your billing system?",
    "Thanks so much for sorting that out.",
    "My router has been blinking red since Tuesday.",
    "I moved house last month and the bill still goes to the old address.",
    "Hello!",
    "I have a quick question regarding my gym membership.",
]
# Statements and sign-offs that open with a word questions also open with ("have", "will", "can't"...).
STATEMENTS_WITH_QUESTION_OPENERS = [
    "Great, that's all I needed. Have a nice day.",
    "Will do, thanks.",
    "Can't wait to use it.",
    "Did that already, no luck.",
]


def _questions(analysis):
    return [f for f in analysis.findings if f.label in ("outcome_question", "process_question")]


@pytest.mark.parametrize("text", OUTCOME)
def test_outcome_questions(text):
    analysis = cxcoach.analyze(text)
    assert analysis.question_type == "outcome_question"
    assert [f.label for f in _questions(analysis)] == ["outcome_question"]


@pytest.mark.parametrize("text", PROCESS)
def test_process_questions(text):
    analysis = cxcoach.analyze(text)
    assert analysis.question_type == "process_question"
    assert [f.label for f in _questions(analysis)] == ["process_question"]


@pytest.mark.parametrize("text, expected", CHAT_STYLE)
def test_chat_style_and_typos(text, expected):
    analysis = cxcoach.analyze(text)
    assert analysis.question_type == expected
    assert [f.label for f in _questions(analysis)] == [expected]


@pytest.mark.parametrize("text", NOT_QUESTIONS)
def test_statements_thanks_and_rhetorical_complaints_are_not_questions(text):
    analysis = cxcoach.analyze(text)
    assert analysis.question_type == "not_a_question"
    assert _questions(analysis) == []


@pytest.mark.parametrize("text", STATEMENTS_WITH_QUESTION_OPENERS)
def test_statements_opening_like_questions_are_not_questions(text):
    analysis = cxcoach.analyze(text)
    assert analysis.question_type == "not_a_question"
    assert _questions(analysis) == []


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "!!!", "?", "😡"])
def test_empty_or_wordless_text_is_not_a_question(text):
    analysis = cxcoach.analyze(text)
    assert analysis.question_type == "not_a_question"
    assert _questions(analysis) == []


# (message, [(a phrase inside the question, its type), ...] in order, message type)
SEVERAL = [
    (
        "Hi there. Will my refund land before the weekend? Also, how do I update my billing address?",
        [("Will my refund land before the weekend", "outcome_question"),
         ("how do I update my billing address", "process_question")],
        "outcome_question",
    ),
    (
        "How do I cancel my plan? What documents should I bring?",
        [("How do I cancel my plan", "process_question"), ("What documents should I bring", "process_question")],
        "process_question",
    ),
    (
        "Where should I post the completed paperwork? And when will the loan be paid out?",
        [("Where should I post the completed paperwork", "process_question"),
         ("when will the loan be paid out", "outcome_question")],
        "outcome_question",
    ),
    (
        "Why is this so hard?! I just need to know whether my flight credit is still valid.",
        [("whether my flight credit is still valid", "outcome_question")],
        "outcome_question",
    ),
    (
        "My card was swallowed by the ATM this morning.\nwhen do i get a new one\nthanks",
        [("when do i get a new one", "outcome_question")],
        "outcome_question",
    ),
]


@pytest.mark.parametrize("text, expected, message_type", SEVERAL)
def test_several_questions_give_one_finding_each(text, expected, message_type):
    analysis = cxcoach.analyze(text)
    questions = _questions(analysis)
    assert [f.label for f in questions] == [label for _, label in expected]
    for finding, (phrase, _) in zip(questions, expected):
        assert text[finding.start : finding.end] == finding.text
        assert phrase in finding.text
    # one finding per question: no two findings share characters
    for before, after in zip(questions, questions[1:]):
        assert before.end <= after.start
    assert analysis.question_type == message_type


def test_the_message_is_an_outcome_question_if_any_sentence_is():
    process_only = cxcoach.analyze("How do I register for paperless billing?")
    both = cxcoach.analyze("How do I register for paperless billing? Will it stop the paper bill this month?")
    assert process_only.question_type == "process_question"
    assert both.question_type == "outcome_question"


def test_question_findings_have_spans_and_evidence(assert_offsets):
    text = "So sorry to bother you. Could you tell me if the plumber is still coming at noon?"
    analysis = cxcoach.analyze(text)
    assert_offsets(analysis)
    (finding,) = _questions(analysis)
    assert finding.analyzer == "question_type"
    assert finding.evidence and all(e.detail for e in finding.evidence)
    assert "plumber is still coming" in finding.text


@pytest.mark.parametrize(
    "text, role",
    [
        ("Could you send me a photo of the receipt?", "agent"),
        ("Your refund arrives in 3 days.", "agent"),
        ("Hello, thanks for waiting.", "agent"),
        ("When does the store open?", "customer"),
        ("Thanks!", "customer"),
    ],
)
def test_every_message_gets_a_question_type(text, role):
    assert cxcoach.analyze(text, role=role).question_type in QUESTION_TYPES


def test_an_agent_statement_is_not_a_question():
    assert cxcoach.analyze("Your refund arrives in 3 days.", role="agent").question_type == "not_a_question"


def test_the_analyzer_on_its_own():
    analyzer = QuestionTypeAnalyzer()
    doc = Doc("what's the status of my claim? how do i upload photos?")
    findings = analyzer.analyze(doc)
    assert doc.question_type == "outcome_question"
    assert [f.label for f in findings] == ["outcome_question", "process_question"]
    assert {f.analyzer for f in findings} == {"question_type"}
    assert analyzer.labels >= {f.label for f in findings}


@pytest.mark.parametrize(
    "text",
    [
        "Do I have to bring my passport, or is a driving licence enough?",
        "when do I need to send the signed form back by",
        "how do I apply for the grant, is there a deadline",
        "Is there a form for changing the name on the account?",
        "What's the cheapest way to post it back?",
        "do u need a copy of the receipt",
    ],
)
def test_requirements_and_rules_of_the_customers_own_step_are_process_questions(text):
    assert cxcoach.analyze(text).question_type == "process_question"


def test_an_or_clause_is_the_same_questions_other_option():
    doc = Doc("Do I need to book ahead, or can I just turn up?")
    findings = QuestionTypeAnalyzer().analyze(doc)
    assert [f.label for f in findings] == ["process_question"]


@pytest.mark.parametrize("text", ["What a surprise, another delay.", "Who runs this place?"])
def test_more_rhetorical_complaints(text):
    assert cxcoach.analyze(text).question_type == "not_a_question"


@pytest.mark.parametrize("text", ["passport renewal sent a month ago, status pls", "any joy with my refund"])
def test_status_requests_without_a_question_form_are_outcome_questions(text):
    assert cxcoach.analyze(text).question_type == "outcome_question"
