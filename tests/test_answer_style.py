"""Answer styles and the outcome-first check (issue 3, items 2 and 4; PLAYBOOK idea 4), and bad input
for replies and their context (issue 3, "Bad input")."""

from __future__ import annotations

from typing import Callable

import pytest

import cxcoach
from timing import best_analysis_time
from cxcoach.answer_style import AnswerStyleAnalyzer
from cxcoach.errors import InputTypeError
from cxcoach.text import Doc

WHEN_BACK = "When will my internet be back?"


def _reply(text: str, context: str | None = None):
    return cxcoach.analyze(text, role="agent", context=context)


def _violations(analysis):
    return [f for f in analysis.findings if f.label == "outcome_first_violation"]


def _evidence(analysis):
    return [e for f in analysis.findings if f.analyzer == "answer_style" for e in f.evidence]


# --- Answer styles ------------------------------------------------------------------------------------------

PLAYBOOK = [
    ("Our current estimate is between 1 and 5 hours.", "outcome"),
    ("Technicians are in the field working out the cause; when they report back we can give a timeline.", "process"),
    ("We'll remove the charge unless it turns out not to be fraud; your new card arrives in 7 days.", "outcome"),
]

OUTCOME = [
    # decisions
    "Your claim for the cracked windscreen has been approved.",
    "Yes, the late fee will be waived on this month's statement.",
    "No, we can't reopen the fare difference after departure.",
    # "will"-commitments and dates
    "Your replacement router will arrive on Tuesday.",
    "The refund will be credited to your card within 3 business days.",
    # a conditional commitment
    "We'll reinstate your account unless the payment bounces again.",
    # hedged estimates still lead with the result
    "The repair will probably be done by Friday, though it could slip.",
    "Service should be restored in an hour or two, maybe sooner.",
    # a clear negative outcome, with a price
    "I'm afraid it isn't covered; the repair would be $129.",
    "Unfortunately the screen isn't covered under your plan, so a repair would cost $129.",
    # a no about speeding it up
    "I'm afraid it can't be hurried.",
    # the time of the result beside the customer's own event, and "on it" that is no one at work
    "Your CAS will be emailed to you by 14 June, well ahead of your appointment.",
    "I've checked the return and there's only one charge on it, so you're fine there.",
]

PROCESS = [
    # routing
    "Your ticket has been assigned to the network operations team.",
    # investigation
    "Our engineers are investigating the outage in your street.",
    # deferral
    "Once the lab reports back we will be able to tell you more.",
    # tests before a result
    "We'll need to run tests on your meter first.",
    # steps that postpone the result
    "Please fill out the claim form, then upload photos of the damage, and our assessors will review it.",
    # the result is not known yet
    "I honestly couldn't say, it's for the pricing team.",
    "The landlord hasn't approved the repair yet, and we're waiting to hear back.",
    "I don't have that, I'm afraid. It's all with the scheduling team.",
    "The venue hasn't confirmed the new date yet, so I'll raise it with our events desk.",
    "Renewals are handled in the order they arrive, and yours is currently with the licensing team.",
    # pointed elsewhere
    "Compensation claims go through the complaints form on the website.",
]

# A time figure that belongs to a step does not make the answer outcome-first.
TIMED_STEPS = [
    "A technician will visit within 48 hours to diagnose the fault.",
    "Our team will triage the fault within 4 hours.",
    "An engineer will inspect the meter within 2 working days.",
]

NEITHER = [
    "Hi Sam, thanks for reaching out!",
    "Thank you, have a lovely evening.",
    "Good morning, and thanks for your patience!",
    "I'm so sorry, I can only imagine how frustrating this has been.",
    "I can tell how stressful this is with the clock ticking.",
    "Take your time. It sounds like you're really frightened for her. Can I take your policy number?",
    "Thanks for the quick reply. Just to confirm, that's cedarcrafts.co.uk and tidewell.org?",
]


@pytest.mark.parametrize("text, style", PLAYBOOK)
def test_playbook_examples(text, style):
    assert _reply(text).answer_style == style


@pytest.mark.parametrize("text", OUTCOME)
def test_outcome_answers(text):
    assert _reply(text).answer_style == "outcome"


@pytest.mark.parametrize("text", PROCESS)
def test_process_answers(text):
    assert _reply(text).answer_style == "process"


@pytest.mark.parametrize("text", TIMED_STEPS)
def test_a_time_for_a_step_is_still_process(text):
    analysis = _reply(text, context=WHEN_BACK)
    assert analysis.answer_style == "process"
    assert analysis.estimates  # the figure is still an estimate: it is the style that ignores it
    assert len(_violations(analysis)) == 1


MONEY_QUESTION = "When will I get the grant money?"


@pytest.mark.parametrize(
    "text",
    [
        "Your application is with the grants office; a decision letter follows in 60 to 90 days.",
        "Your application is under review and a decision letter will be mailed in 60 to 90 days.",
        "We'll send you a decision letter in 60 to 90 days.",
    ],
)
def test_a_decision_letter_in_60_to_90_days_is_process(text):
    analysis = _reply(text, context=MONEY_QUESTION)
    assert analysis.answer_style == "process"
    assert len(_violations(analysis)) == 1


PREAMBLES = [
    "I'm really sorry about this, I know how frustrating it is. ",
    "I completely understand, and I apologise for the trouble. ",
]


@pytest.mark.parametrize("preamble", PREAMBLES)
@pytest.mark.parametrize(
    "body",
    [
        "Your replacement router will arrive on Tuesday.",
        "I'm afraid it isn't covered; the repair would be $129.",
        "Our engineers are investigating the outage in your street.",
        "Your ticket has been assigned to the network operations team.",
    ],
)
def test_an_apology_preamble_changes_nothing(preamble, body):
    assert _reply(preamble + body).answer_style == _reply(body).answer_style is not None


@pytest.mark.parametrize("text", NEITHER)
def test_greetings_thanks_and_empathy_alone_have_no_style(text):
    analysis = _reply(text, context=WHEN_BACK)
    assert analysis.answer_style is None
    assert _violations(analysis) == []


def test_an_outcome_with_a_walk_through_is_mixed():
    text = (
        "Your refund will be credited in 3 to 5 business days. To track it, first log in to your account. "
        "Then go to Billing and select Refunds. Next, click the refund to see its status."
    )
    assert _reply(text).answer_style == "mixed"


def test_an_outcome_with_one_next_step_stays_outcome():
    text = "Your refund will be credited in 3 to 5 business days. Keep the receipt in case you need it."
    assert _reply(text).answer_style == "outcome"


# (reply, words some evidence span of the reply must contain)
EVIDENCE = [
    ("Our current estimate is between 1 and 5 hours.", ["between 1 and 5 hours"]),
    ("I'm afraid it isn't covered; the repair would be $129.", ["covered", "$129"]),
    ("We'll reinstate your account unless the payment bounces again.", ["unless"]),
    ("Your ticket has been assigned to the network operations team.", ["assigned"]),
    ("Our engineers are investigating the outage in your street.", ["investigating"]),
    ("A technician will visit within 48 hours to diagnose the fault.", ["within 48 hours", "diagnose"]),
]


@pytest.mark.parametrize("text, cues", EVIDENCE)
def test_evidence_points_at_the_cues(text, cues, assert_offsets):
    analysis = _reply(text)
    assert_offsets(analysis)
    evidence = _evidence(analysis)
    for cue in cues:
        assert any(cue.lower() in e.text.lower() for e in evidence), (cue, evidence)
    assert all(e.detail for e in evidence)


@pytest.mark.parametrize(
    "text",
    ["Our current estimate is between 1 and 5 hours.", "Our engineers are investigating the outage in your street."],
)
def test_customer_messages_have_no_answer_style(text):
    analysis = cxcoach.analyze(text)
    assert analysis.answer_style is None
    assert not [f for f in analysis.findings if f.analyzer == "answer_style"]


def test_the_analyzer_on_its_own_leaves_customer_docs_alone():
    analyzer = AnswerStyleAnalyzer()
    customer = Doc("Our current estimate is between 1 and 5 hours.")
    assert analyzer.analyze(customer) == () and customer.answer_style is None
    agent = Doc("Our current estimate is between 1 and 5 hours.", role="agent")
    findings = analyzer.analyze(agent)
    assert agent.answer_style == "outcome" and findings
    assert {f.label for f in findings} <= analyzer.labels


# --- The outcome-first check ---------------------------------------------------------------------------------

PROCESS_REPLY = "Technicians are in the field working out the cause; when they report back we can give a timeline."
OUTCOME_QUESTIONS = [
    WHEN_BACK,
    "I need to know if my card will arrive this week",
    "how much is the repair going to cost",
]


@pytest.mark.parametrize("question", OUTCOME_QUESTIONS)
def test_a_process_reply_to_an_outcome_question_is_a_violation(question, assert_offsets):
    analysis = _reply(PROCESS_REPLY, context=question)
    assert analysis.answer_style == "process"
    (violation,) = _violations(analysis)
    assert violation.analyzer == "answer_style"
    assert violation.evidence and all(e.detail.strip() for e in violation.evidence)
    assert violation.suggestion.startswith("Lead with the outcome")
    assert_offsets(analysis)


def test_the_suggestion_uses_the_replys_own_estimate():
    reply = "Your case has been escalated; a specialist will review it within 2 business days."
    analysis = _reply(reply, context="When will the double charge be refunded?")
    (violation,) = _violations(analysis)
    assert violation.suggestion.startswith("Lead with the outcome")
    assert any(estimate.text in violation.suggestion for estimate in analysis.estimates)
    assert "${estimate}" not in violation.suggestion


def test_without_an_estimate_the_suggestion_is_a_template():
    analysis = _reply(PROCESS_REPLY, context=WHEN_BACK)
    assert analysis.estimates == ()
    (violation,) = _violations(analysis)
    assert "${estimate}" in violation.suggestion


@pytest.mark.parametrize(
    "context",
    [
        "How do I reset my router?",  # a process question
        "What documents should I bring to the branch?",
        "The broadband in my flat dropped out around lunchtime.",  # not a question
        "Thanks for the help earlier.",
        "",
    ],
)
def test_no_violation_unless_an_outcome_question_was_asked(context):
    assert _violations(_reply(PROCESS_REPLY, context=context)) == []


@pytest.mark.parametrize(
    "reply",
    [
        "Our current estimate is between 1 and 5 hours.",
        "I'm so sorry. Engineers are on site and expect service back by 6pm today.",
        "Service will be back by 6pm today. First, unplug the router. Then wait a minute and plug it back in. "
        "Next, check that the light turns green.",
    ],
)
def test_no_violation_for_outcome_or_mixed_replies(reply):
    analysis = _reply(reply, context=WHEN_BACK)
    assert analysis.answer_style in ("outcome", "mixed")
    assert _violations(analysis) == []


def test_no_violation_without_context():
    analysis = _reply(PROCESS_REPLY)
    assert analysis.answer_style == "process"
    assert _violations(analysis) == []


# --- Bad input ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "!!!", "\n\n", "..."])
@pytest.mark.parametrize("context", [None, WHEN_BACK])
def test_a_reply_with_no_sentences_has_no_style_and_no_findings(text, context):
    analysis = _reply(text, context=context)
    assert analysis.answer_style is None
    assert analysis.findings == ()
    assert analysis.estimates == ()


@pytest.mark.parametrize("context", [42, b"x", ["a"]], ids=repr)
def test_a_context_that_is_not_a_string_is_a_type_error_naming_context(context):
    with pytest.raises(TypeError) as caught:
        _reply("Your card arrives in 7 days.", context=context)
    assert isinstance(caught.value, InputTypeError)
    assert "context" in str(caught.value)


@pytest.mark.parametrize(
    "context",
    [
        "¿Cuándo llegará mi pedido?",
        "Wann kommt meine Bestellung?",
        "Quand vais-je recevoir mon remboursement",
        "注文はいつ届きますか？",
        "Когда вернут деньги?",
    ],
)
@pytest.mark.parametrize("reply", [PROCESS_REPLY, "Our current estimate is between 1 and 5 hours."])
def test_a_context_in_another_language_gives_a_defined_result(context, reply):
    analysis = _reply(reply, context=context)
    assert analysis.answer_style in ("outcome", "process", "mixed")
    asked = cxcoach.analyze(context).question_type
    assert asked in ("outcome_question", "process_question", "not_a_question")
    expected = 1 if asked == "outcome_question" and analysis.answer_style == "process" else 0
    assert len(_violations(analysis)) == expected


LARGE = 1_000_000


def _repeat(paragraph: str) -> Callable[[int], str]:
    return lambda n: (paragraph * (n // len(paragraph) + 1))[:n]


@pytest.mark.slow
@pytest.mark.parametrize(
    "make",
    [
        pytest.param(
            _repeat(
                "I'm sorry for the wait. Your refund of $129 will be credited within 4 to 6 business days, "
                "probably by Friday. A technician will visit within 48 hours to diagnose the fault; once they "
                "report back we can give a timeline. "
            ),
            id="prose-with-estimates",
            marks=pytest.mark.slow,
        ),
        pytest.param(
            _repeat("Our billing team is looking into the duplicate charge and will get back to you soon. "),
            id="process-prose",
        ),
    ],
)
def test_a_one_megabyte_reply_completes_in_linear_time(make):
    _reply(make(1_000), context=WHEN_BACK)  # load the cues first
    small = best_analysis_time(lambda: make(LARGE // 10), role="agent", context=WHEN_BACK)
    large = best_analysis_time(lambda: make(LARGE), role="agent", context=WHEN_BACK)
    assert large / small < 25, f"{small:.4f}s for 100 KB, {large:.4f}s for 1 MB"


# -- short answers, plain answers, questions back ------------------------------------------------------


@pytest.mark.parametrize(
    "question, text",
    [
        ("Will the pool reopen on Saturday?", "It will! The repairs finished this morning."),
        ("Has my son been given a locker?", "He has: number 214, next to the sports hall."),
        ("Does the deposit cover the cleaning fee?", "It does not: cleaning is billed separately at $40."),
        ("Can I bring my dog on the ferry?", "Yes, you can."),
    ],
)
def test_a_short_answer_to_a_yes_no_question_is_an_outcome(question, text):
    analysis = _reply(text, context=question)
    assert analysis.answer_style == "outcome"
    assert _violations(analysis) == []


def test_a_time_after_a_short_answer_is_not_a_step_time():
    analysis = _reply("She has: the acceptance letter went out today.", context="Has my daughter got a place?")
    assert analysis.answer_style == "outcome"
    assert "step_time" not in {e.rule for e in _evidence(analysis)}


def test_a_plain_statement_answers_the_question_it_follows():
    outcome = _reply("Yours is unaffected by it.", context="Is my train affected by the strike?")
    process = _reply("On the checkout page, just below the basket total.", context="Where do I enter a promo code?")
    assert (outcome.answer_style, process.answer_style) == ("outcome", "process")
    assert "plain_answer" in {e.rule for e in _evidence(outcome)}
    # without a question to answer, a cue-less statement says nothing about style
    assert _reply("Yours is unaffected by it.").answer_style is None


def test_courtesy_and_questions_back_are_not_plain_answers():
    for text in ["So sorry to hear that, it's the last thing you need.", "Which branch are you at?"]:
        assert _reply(text, context="Is my order ready?").answer_style is None


def test_a_question_back_states_no_result():
    analysis = _reply("Hi there, how can I help you today?", context="Hello?")
    assert analysis.answer_style is None
    assert analysis.estimates == () or all(e.rule != "estimate" for e in _evidence(analysis))


def test_not_knowing_or_pointing_elsewhere_is_process():
    for text in ["No idea, that's handled by a different team.", "You can find our current prices on the website."]:
        assert _reply(text, context="How much will the new plan cost?").answer_style == "process"


def test_a_day_mentioned_in_thanks_is_not_an_outcome():
    analysis = _reply("Thank you for telling us about Tuesday.", context="When will you rebook the visit?")
    assert analysis.answer_style is None


@pytest.mark.parametrize(
    "question, reply",
    [
        ("How much is a callout on a Sunday?", "£80 for the first hour, then £30 for every half hour after that."),
        ("What will my bill be after the discount ends?", "$42 for the next month, then $55 from March."),
        ("How much does the course cost?", "€300 for the first term, then €250 for each term after that."),
    ],
)
def test_prices_in_order_are_an_outcome_not_steps(question, reply):
    # "the first hour", "the next month" order the prices; they are not steps of a procedure
    assert _reply(reply, question).answer_style == "outcome"


@pytest.mark.parametrize(
    "reply",
    [
        "That will be decided when the claims team reviews the photos.",
        "Whether it's covered would be determined once the assessor has seen the damage.",
        "Compensation gets decided by the panel after the hearing.",
    ],
)
def test_a_decision_left_to_later_is_process(reply):
    analysis = _reply(reply, "Will I get my money back?")
    assert analysis.answer_style == "process"
    assert _violations(analysis)


@pytest.mark.parametrize(
    "reply",
    [
        "If it hasn't arrived within 10 days, call us and we'll open a trace.",
        "If the payment still isn't showing by Friday, send us a screenshot of your statement.",
        "If you're still offline in an hour, restart the router and message us again.",
    ],
)
def test_the_time_of_a_condition_is_not_the_time_of_the_result(reply):
    analysis = _reply(reply, "When will my refund arrive?")
    assert "estimate" not in [e.rule for e in _evidence(analysis)]
    assert analysis.answer_style != "outcome"


def test_a_time_after_the_condition_is_still_the_result():
    analysis = _reply("If you order before noon, it will arrive by Friday.", "When will it arrive?")
    assert analysis.answer_style == "outcome"
    assert [e.text for e in _evidence(analysis) if e.rule == "estimate"] == ["by Friday"]


@pytest.mark.parametrize(
    "reply",
    [
        "Yes: you'll receive £315, and Finance usually pays refunds within 10 working days.",
        "You'll get $80 back, which the bank normally processes within 5 days.",
        "Yes, we'll cover the €60 call-out, and an engineer will come to check the meter within 48 hours.",
    ],
)
def test_an_amount_for_the_customer_is_the_result_even_beside_a_step_time(reply):
    analysis = _reply(reply, "Will I get my money back?")
    assert analysis.answer_style == "outcome"
    assert not _violations(analysis)


@pytest.mark.parametrize(
    "reply",
    [
        "App faults should be reported through the feedback form so the developers can look at them.",
        "Your claim will be reviewed by an assessor.",
        "Appointments are allocated by the scheduling team as slots come up.",
    ],
)
def test_a_procedure_in_the_passive_is_process(reply):
    analysis = _reply(reply, "When will it be fixed?")
    assert analysis.answer_style == "process"
    assert _violations(analysis)


@pytest.mark.parametrize(
    "reply",
    [
        "I'm afraid I can't see the engineers' calendar from here.",
        "I don't have access to the claims system, so I've passed your question on.",
        "I am unable to book appointments myself; the scheduling team does that.",
    ],
)
def test_what_the_agents_own_desk_cannot_see_or_do_is_process(reply):
    assert _reply(reply, "When is the engineer coming?").answer_style == "process"


def test_a_refusal_by_the_company_is_still_an_outcome():
    assert _reply("We're unable to refund opened software.", "Can I get a refund?").answer_style == "outcome"


@pytest.mark.parametrize(
    "reply",
    [
        "You'll get an email the moment the engineer's visit is booked.",
        "I've flagged it, and you'll receive updates by text as the search goes on.",
        "Once the lab has the sample you'll get a notification in the app.",
    ],
)
def test_news_of_the_result_to_come_is_process(reply):
    assert _reply(reply, "When will it be sorted?").answer_style == "process"


@pytest.mark.parametrize(
    "reply, question",
    [
        ("You'll get a refund of £40 on your card.", "Will I get my money back?"),
        ("You'll receive the new card by Friday.", "When will my card arrive?"),
        ("Nope, those tickets are gone for good once the show starts.", "Can I still get tickets after it starts?"),
        ("It's covered, once you've sent us the repair invoice.", "Is the windscreen covered?"),
    ],
)
def test_a_result_stays_an_outcome(reply, question):
    assert _reply(reply, question).answer_style == "outcome"


def test_what_a_cost_depends_on_is_not_the_cost():
    reply = "Costs depend on the size of the room; the surveyor will measure it on Tuesday."
    assert _reply(reply, "How much will the carpet cost?").answer_style == "process"


def test_a_walk_through_after_an_initial_still_counts_its_steps():
    # "exit B." ends a sentence: the steps after it are read on their own
    reply = (
        "Yes, your driver is booked for 9:40. Walk past the cafe and out through exit B. The driver waits by the "
        "taxi rank, and if you can't see him, call the number on your voucher."
    )
    assert _reply(reply, "Is the transfer booked, and where do I meet the driver?").answer_style == "mixed"


def test_a_routine_day_is_not_the_result_day():
    reply = "I've sent your details to the exams officer, who chases the board every Thursday."
    analysis = _reply(reply, "When will I get my certificate?")
    assert analysis.estimates == ()
    assert analysis.answer_style == "process"


def test_what_should_have_happened_is_not_a_result():
    reply = "You should have waited 24 hours after changing the address. The compliance team works through the queue."
    assert _reply(reply, "Will the transfer land today?").answer_style == "process"
    assert _reply("You should have the card by Friday.", "When will my card come?").answer_style == "outcome"


def test_how_far_ahead_a_step_is_planned_is_a_step_time():
    reply = "Your sofa's been allocated to a delivery route. Routes are planned 48 hours ahead."
    assert _reply(reply, "When is my sofa coming?").answer_style == "process"


@pytest.mark.parametrize(
    "reply",
    [
        "I've passed it to the refunds team and I'll come back to you by Thursday with what they say.",
        "Our surveyor has the photos, and we'll let you know by the 9th.",
        "The claim is with underwriting; you'll hear from us within 5 working days.",
        "I've escalated it to our installs team and we'll DM you tomorrow with an update.",
    ],
)
def test_a_time_for_telling_the_customer_later_is_a_step_time(reply):
    analysis = _reply(reply, "Is the damage covered?")
    assert analysis.answer_style == "process"
    assert "step_time" in {e.rule for e in _evidence(analysis)}


def test_a_visit_that_does_the_result_gives_the_time_of_the_result():
    fixed = _reply("An engineer will fix it on Thursday.", "When will my boiler be fixed?")
    assert fixed.answer_style == "outcome"
    assert "result_action" in {e.rule for e in _evidence(fixed)}
    diagnosed = _reply("A technician will come on Thursday to diagnose the fault.", "When will my boiler be fixed?")
    assert diagnosed.answer_style == "process"
    # no time, no result: the action alone does not make a step an outcome
    later = _reply("We'll need to inspect it before we can fix it.", "When will my boiler be fixed?")
    assert later.answer_style == "process"


def test_what_would_have_happened_is_no_step_of_the_answer():
    reply = "It's on there now. If you'd sent the proof when we asked in April, it would've been on sooner."
    analysis = _reply(reply, "Has my no-claims discount been applied?")
    assert analysis.answer_style == "outcome"
    assert "process_cue" not in {e.rule for e in _evidence(analysis)}
    # a real condition still holds its step
    condition = _reply("If you send the proof, our team will review it.", "Has my discount been applied?")
    assert condition.answer_style == "process"


def test_time_gone_by_is_no_estimate_of_the_result():
    analysis = _reply(
        "I'd have to check with accounts. It's only been a month, though.", "When am I getting my deposit back?"
    )
    assert analysis.answer_style == "process"
    assert "estimate" not in {e.rule for e in _evidence(analysis)}
    ago = _reply("We sent it 3 days ago, so it should arrive by Friday.", "Where's my parcel?")
    assert [e.text for e in _evidence(ago) if e.rule == "estimate"] == ["by Friday"]


@pytest.mark.parametrize(
    "reply",
    [
        "Right, erm, let me have a look. I'll pop a note on it for them.",
        "Like I said, it's up to the landlord.",
        "i can raise a ticket with the devs if u want",
        # handing it on, a result that hangs on something, and no time yet
        "I'll pass a message to the admin team.",
        "DM us your order number and we'll pass it to the team.",
        "It depends how busy the surveyors are.",
        "I don't have a time from the engineers yet. You can follow updates on the status page.",
        # where a case belongs, and the way in the passive
        "Booking changes sit with our partner team, so it'd need a ticket to them to check.",
        "Orders can be placed through the app under Repeat Prescriptions.",
    ],
)
def test_looking_noting_handing_on_and_another_partys_say_are_process(reply):
    assert _reply(reply, "When am I getting it back?").answer_style == "process"


def test_the_customers_own_choice_is_not_another_partys_say():
    analysis = _reply("It's up to you: you can keep it or send it back.", "Can I keep the spare?")
    assert "process_cue" not in {e.rule for e in _evidence(analysis)}


def test_a_guess_at_the_cause_is_no_hedged_estimate():
    reply = "The drops are probably down to where the router is. Once the line test's back, the engineers will decide."
    analysis = _reply(reply, "Is it going to be fixed before the weekend?")
    assert analysis.answer_style == "process"
    assert "probably" not in {e.text.lower() for e in _evidence(analysis)}


def test_a_result_in_a_so_clause_after_a_step_gives_the_results_time():
    reply = "Compliance checks usually clear within 6 hours, so you should see it in your wallet by this evening."
    assert _reply(reply, "When will my withdrawal arrive?").answer_style == "outcome"
    # a result cue before the step keeps the time the step's
    step = _reply("We'll review it, and you'll get a decision letter within 10 days.", "Will I get a refund?")
    assert step.answer_style == "process"


def test_the_customers_own_figures_said_back_do_not_answer():
    asked = "On 2 March I was charged a £15 fee. Could you let me know whether it can be refunded?"
    reply = (
        "So the £15 fee on 2 March came about because your salary landed late. "
        "I've passed your request to our fees team."
    )
    analysis = _reply(reply, asked)
    assert analysis.answer_style == "process"
    assert _violations(analysis)
    # with a result cue the figure is the answer
    confirmed = _reply("Yes, that's right: you'll receive £315.", "Will I get the full amount back? I assume £315?")
    assert confirmed.answer_style == "outcome"


@pytest.mark.parametrize(
    "reply",
    [
        "Exchanges aren't free: you'd need to return it for £3.95 and place a new order.",
        "The delivery fee applies to each order, so you'd need to place a new one.",
    ],
)
def test_a_charge_that_stands_is_a_decision(reply):
    assert _reply(reply, "Can I swap it without paying again?").answer_style == "outcome"


def test_giving_the_money_back_is_the_result_not_a_step_before_news_of_it():
    reply = "You're right, that fee shouldn't have been taken. I'll refund it today and text you once it's through."
    analysis = _reply(reply, "Why was I charged a £12 admin fee?? I want it back.")
    assert analysis.answer_style == "outcome"
    assert "result_action" in {e.rule for e in _evidence(analysis)}


@pytest.mark.parametrize(
    "reply, question",
    [
        ("A valid photo ID must be shown at the desk.", "Can my son collect the parcel for me?"),
        # a declined payment names the customer's problem, not a decision
        ("Charges for a declined payment are handled by our cards team; you can reach them from the app.",
         "Will I be charged for the payment that failed?"),
    ],
)
def test_what_a_step_requires_or_the_problem_named_is_not_a_result(reply, question):
    analysis = _reply(reply, question)
    assert "outcome_cue" not in {e.rule for e in _evidence(analysis)}


@pytest.mark.parametrize(
    "reply",
    [
        "Your seat is still assigned to you, and you can see it under My Trips.",
        "There isn't an express option, I'm afraid; everyone is in the same queue.",
    ],
)
def test_a_thing_kept_and_a_way_refused_are_results(reply):
    assert _reply(reply, "Will I keep my seat, or can you speed it up?").answer_style == "outcome"


LENS = "What happens if the lens turns up after all?"
DONE = "When will it be done? I need it for the 21st."


@pytest.mark.parametrize(
    "reply, question, expected",
    [
        # "then" before a result means "in that case"; before an instruction it is the next step
        ("Then it's yours to keep, and there's nothing more to pay.", LENS, "outcome"),
        ("Then they're yours to keep.", LENS, "outcome"),
        ("Then tap Return and print the label.", LENS, "process"),
        # after the steps, "so" and the result with a date: the date is the result's, whatever adverb sits in it
        ("The lab check takes a day or two, so you should comfortably be finished before the 21st.", DONE, "outcome"),
        ("Checks run overnight, so it will definitely be live by Monday.", DONE, "outcome"),
        # "before the" a step is still a step
        ("The surveyor will call you before the visit, within 3 working days.", DONE, "process"),
    ],
)
def test_a_result_is_not_lost_to_the_steps_around_it(reply, question, expected):
    assert _reply(reply, question).answer_style == expected


@pytest.mark.parametrize(
    "reply",
    [
        # the day is when a team works through its queue, not the result's
        "The team go through them on Monday mornings, and then it's down to them.",
        "I can't say about the deposit; that's really their call.",
    ],
)
def test_handing_the_say_to_another_party_is_a_process(reply):
    assert _reply(reply, "Will I get my deposit back?").answer_style == "process"


@pytest.mark.parametrize(
    "reply, expected",
    [
        # an outcome, then a sentence that announces the steps: a walk-through
        ("Your claim is approved and £240 reaches your account on Friday. What we need: the original receipt, a "
         "photo of the damage and your policy number.", "mixed"),
        ("Your deposit is refunded in full. A few things to know: the keys go back to the office and the meter "
         "reading goes on the form.", "mixed"),
        # the walk-through alone is the process, and its times are a step's
        ("Here's what to do: text STOP to 60123 and we'll reply within a minute with your code.", "process"),
    ],
)
def test_a_sentence_announcing_steps_walks_through_them(reply, expected):
    analysis = cxcoach.analyze(reply, role="agent", context="Can I get this sorted today?")
    assert analysis.answer_style == expected
    if expected == "process":
        rules = {e.rule for f in analysis.findings for e in f.evidence}
        assert "walkthrough" in rules and "step_time" in rules


@pytest.mark.parametrize(
    "reply, expected",
    [
        # the result, then the steps told in sequence ("then", "First ...", "Next, ..."): mixed
        ("Yes, the £85 goes back to your card. The branch signs it off on Monday, head office then releases it, "
         "and then your bank shows it within 2 days.", "mixed"),
        ("The survey costs £350. First we send a surveyor to measure up; then we draw the plans, which takes "
         "about a fortnight.", "mixed"),
        ("Your visa has been approved. Next, the embassy prints the vignette and you'll then collect it in person "
         "with your receipt.", "mixed"),
        # "then" as a time, after "if", or before what happened: no steps
        ("Your current rate is fixed until March, so your payments stay the same until then.", "outcome"),
        ("Yes, we'll refund the £60 today. Please send us the receipt. If the card was in your name, then you're "
         "entitled to the £15 fee back as well.", "outcome"),
        ("Yes, we'll replace it free of charge by Thursday. I'm sorry: a cracked screen and then a week of "
         "silence is not what you should get from us.", "outcome"),
    ],
)
def test_steps_told_in_sequence_beside_the_result_make_it_mixed(reply, expected):
    assert _reply(reply, "Will I get my money back?").answer_style == expected


@pytest.mark.parametrize(
    "reply, expected",
    [
        # the day of a step the agent has done is not a time for the result
        ("Claims go to our assessors, who look at each one in turn. I've sent yours over today.", "process"),
        ("Thanks for waiting. We have just escalated it today.", "process"),
        # ... but a result for today, or a step still to come today, keeps its time
        ("I've checked, and your replacement card arrives today.", "outcome"),
        ("I've asked the courier to deliver it today.", "outcome"),
    ],
)
def test_the_day_of_a_step_already_done_is_not_a_time_for_the_result(reply, expected):
    assert _reply(reply, "When will this be sorted?").answer_style == expected
