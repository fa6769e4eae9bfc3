"""The coach (cxcoach.coach): reviews of one reply, conversation reports, and summaries over many.

Every sentence here was written for this file; none comes from tests/data/*.jsonl.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cxcoach
from cxcoach import Conversation, ConversationReport, Message
from cxcoach.coach import Coach, Rubric, Summary, load_rubric, summarize
from cxcoach.errors import (
    InputTypeError,
    InputValueError,
    MissingDependencyError,
    ResourceError,
)

REPO = Path(__file__).resolve().parent.parent
BUILTIN_RUBRIC = REPO / "src" / "cxcoach" / "data" / "coach.toml"
COACH_REPORT = REPO / "examples" / "coach_report.py"

# Customers.
OUTCOME_QUESTION = "When will my replacement phone be delivered?"
CALM_QUESTION = "Hi, could you tell me what time your shop opens on Saturday?"
UPSET = "This is the THIRD time my parcel went missing!! Absolutely disgusting service, I'm furious!!"
ABUSIVE = "You useless idiots, fix my internet now"
PAYMENT = "My payment failed twice today."
REFUND_QUESTION = "Can I get a refund for the concert ticket?"
LEAK = "My washing machine has leaked all over the kitchen floor and I am really fed up!!"

# Replies.
PROCESS_ONLY = "Your case has been forwarded to our logistics department, who will look into it."
OUTCOME = "Your replacement phone will be delivered on Thursday before noon."
BARE = "Your parcel is at the depot."
LIMIT = "I want to help you with this, and I need us to keep the conversation free of insults."
FIX_TIME = "Your connection will be back by 5pm today."
BLAME_CLAUSE = "you should have checked your card details before paying"
REFUSAL = "Unfortunately we can't refund tickets once the show has been announced."
REFUSAL_WITH_OPTION = "Unfortunately we can't refund tickets, but I can exchange it for another date if you like."
MIRROR = "It sounds like your May invoice was billed twice."  # with "I was billed twice for my May invoice."
GOOD_LEAK_REPLY = (
    "It sounds like the machine leaked all over your kitchen floor. I am so sorry about the mess. "
    "A technician will fix it within 2 days. Thanks so much for bearing with us."
)


def codes(review) -> list[str]:
    return [tip.code for tip in review.tips]


def assert_tip_spans(tips, text: str) -> None:
    for tip in tips:
        assert 0 <= tip.start <= tip.end <= len(text), tip
        assert tip.text == text[tip.start : tip.end], tip


# -- review: the score --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "customer, reply",
    [
        (OUTCOME_QUESTION, PROCESS_ONLY),
        (OUTCOME_QUESTION, OUTCOME),
        (UPSET, BARE),
        (ABUSIVE, f"{LIMIT} {FIX_TIME}"),
        (PAYMENT, f"Honestly, {BLAME_CLAUSE}. As I already explained, rules are rules."),
        (LEAK, GOOD_LEAK_REPLY),
        ("", ""),
    ],
)
def test_score_is_0_to_100_and_the_points_add_up_to_it(customer, reply):
    review = cxcoach.review(customer=customer, reply=reply)
    assert 0 <= review.score <= 100
    assert review.points[0][0] == "base"
    total = sum(value for _, value in review.points)
    assert review.score == round(min(100.0, max(0.0, total)))


def test_points_are_clamped_to_100_and_to_0(tmp_path):
    generous = _rubric_file(tmp_path, "base = 60", "base = 100")
    review = Coach(rubric=load_rubric(generous)).review(LEAK, GOOD_LEAK_REPLY)
    assert sum(value for _, value in review.points) > 100
    assert review.score == 100
    harsh = _rubric_file(tmp_path, "base = 60", "base = 0", name="harsh.toml")
    review = Coach(rubric=load_rubric(harsh)).review(PAYMENT, f"Honestly, {BLAME_CLAUSE}.")
    assert sum(value for _, value in review.points) < 0
    assert review.score == 0


def test_a_better_reply_scores_higher_than_a_worse_one_to_the_same_customer():
    worse = cxcoach.review(customer=LEAK, reply="Calm down, it's only a bit of water.")
    bare = cxcoach.review(customer=LEAK, reply="OK.")
    better = cxcoach.review(customer=LEAK, reply=GOOD_LEAK_REPLY)
    assert worse.score < bare.score < better.score
    assert cxcoach.review(customer=OUTCOME_QUESTION, reply=OUTCOME).score > cxcoach.review(
        customer=OUTCOME_QUESTION, reply=PROCESS_ONLY
    ).score
    assert cxcoach.review(customer=REFUND_QUESTION, reply=REFUSAL_WITH_OPTION).score > cxcoach.review(
        customer=REFUND_QUESTION, reply=REFUSAL
    ).score


# -- review: the tips ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "customer",
    [OUTCOME_QUESTION, "I'm livid!! When is my replacement phone going to arrive??", "is my refund coming this week"],
)
def test_a_process_only_reply_to_an_outcome_question_always_gets_outcome_first(customer):
    review = cxcoach.review(customer=customer, reply=PROCESS_ONLY)
    assert review.customer.question_type == "outcome_question"
    assert review.reply.answer_style == "process"
    tip = next(tip for tip in review.tips if tip.code == "outcome_first")
    assert tip.suggestion and tip.message
    assert tip.end > tip.start
    assert tip.text == PROCESS_ONLY[tip.start : tip.end]
    assert ("problem: outcome_first", -25.0) in review.points


def test_an_outcome_reply_to_an_outcome_question_gets_no_outcome_first_tip_and_earns_points():
    review = cxcoach.review(customer=OUTCOME_QUESTION, reply=OUTCOME)
    assert "outcome_first" not in codes(review)
    assert any(reason.startswith("outcome answer") for reason, _ in review.points)


def test_a_process_reply_to_a_process_question_gets_no_outcome_first_tip():
    review = cxcoach.review(
        customer="How do I change the email address on my account?",
        reply="Go to Settings, then Profile, and tap Edit next to your email.",
    )
    assert "outcome_first" not in codes(review)


def test_a_calm_customer_with_a_simple_question_gets_no_acknowledge_feeling_tip():
    review = cxcoach.review(customer=CALM_QUESTION, reply="We open at 9am on Saturdays.")
    assert review.customer.sentiment.label != "negative"
    assert "acknowledge_feeling" not in codes(review)
    assert "confirm_next_step" not in codes(review)


def test_an_upset_customer_with_a_bare_reply_gets_acknowledge_feeling():
    review = cxcoach.review(customer=UPSET, reply=BARE)
    assert review.customer.sentiment.label == "negative"
    assert review.customer.sentiment.intensity >= 2
    tip = next(tip for tip in review.tips if tip.code == "acknowledge_feeling")
    assert (tip.start, tip.end, tip.text) == (0, len(BARE), BARE)  # about something missing: the whole reply
    assert tip.suggestion


def test_an_upset_customer_whose_feeling_is_acknowledged_gets_no_acknowledge_feeling_tip():
    review = cxcoach.review(customer=UPSET, reply=f"I'm so sorry, that must be really frustrating. {BARE}")
    assert "acknowledge_feeling" not in codes(review)


def test_an_abusive_customer_gets_set_limits_first_unless_the_reply_sets_a_limit():
    bare = cxcoach.review(customer=ABUSIVE, reply=FIX_TIME)
    assert codes(bare)[0] == "set_limits"
    assert bare.tips[0].suggestion
    limited = cxcoach.review(customer=ABUSIVE, reply=f"{LIMIT} {FIX_TIME}")
    assert "setting_limits" in limited.reply.techniques
    assert "set_limits" not in codes(limited)
    assert limited.score > bare.score


def test_a_blaming_reply_gets_avoid_blame_on_the_blaming_clause():
    reply = f"Thanks for getting in touch. Honestly, {BLAME_CLAUSE}. The payment will go through once they're right."
    review = cxcoach.review(customer=PAYMENT, reply=reply)
    tip = next(tip for tip in review.tips if tip.code == "avoid_blame")
    assert tip.text == reply[tip.start : tip.end]
    assert tip.text == BLAME_CLAUSE
    assert tip.start == reply.index(BLAME_CLAUSE)
    assert tip.evidence
    assert any(reason == "technique: blaming" and value < 0 for reason, value in review.points)


def test_every_tip_span_is_a_slice_of_the_reply():
    reply = (
        "  Thanks for writing in. As I already explained, you should have picked the insured option. 😊\r\n"
        "Sorry if you feel that way, but we can't refund it."
    )
    review = cxcoach.review(customer="My order arrived smashed to pieces!!", reply=reply)
    assert {"avoid_blame", "avoid_dismissive", "sincere_apology", "offer_alternative"} <= set(codes(review))
    assert_tip_spans(review.tips, reply)


def test_a_refusal_without_an_alternative_gets_offer_alternative():
    review = cxcoach.review(customer=REFUND_QUESTION, reply=REFUSAL)
    assert "offer_alternative" in codes(review)
    with_option = cxcoach.review(customer=REFUND_QUESTION, reply=REFUSAL_WITH_OPTION)
    assert "alternative" in with_option.reply.techniques
    assert "offer_alternative" not in codes(with_option)


def test_tips_come_most_important_first():
    order = ["set_limits", "outcome_first", "avoid_blame", "avoid_dismissive", "sincere_apology",
             "acknowledge_feeling", "offer_alternative", "confirm_next_step"]
    review = cxcoach.review(
        customer="When is my refund coming, you clowns?! I'm sick of this!!",
        reply=f"As I already explained, your request is with the refunds team and {BLAME_CLAUSE}.",
    )
    found = codes(review)
    assert len(found) >= 2
    assert found == sorted(found, key=order.index)


# -- review: the stages -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reply, technique, stage",
    [
        ("It sounds like the machine leaked all over your kitchen floor.", "mirroring", "listen"),
        ("Can you tell me more about what happened?", "open_question", "listen"),
        ("I am so sorry about the mess.", "apology", "diffuse"),
        ("A technician will fix it within 2 days.", "expectation_timeline", "act"),
        ("Thanks so much for bearing with us.", "gratitude", "leave_impression"),
    ],
)
def test_the_stages_reflect_the_techniques(reply, technique, stage):
    review = cxcoach.review(customer=LEAK, reply=reply)
    assert technique in review.reply.techniques
    assert getattr(review.stages, stage) is True
    others = {"listen", "diffuse", "act", "leave_impression"} - {stage}
    assert not any(getattr(review.stages, name) for name in others), review.stages


def test_a_reply_with_no_technique_covers_no_stage_and_a_full_reply_covers_all():
    bare = cxcoach.review(customer=LEAK, reply="OK.")
    assert not any(bare.stages.model_dump().values())
    full = cxcoach.review(customer=LEAK, reply=GOOD_LEAK_REPLY)
    assert all(full.stages.model_dump().values())
    assert full.tips == ()


def test_a_process_only_reply_to_an_outcome_question_does_not_cover_act():
    review = cxcoach.review(customer=OUTCOME_QUESTION, reply=PROCESS_ONLY)
    assert "outcome_first" in codes(review)
    assert review.stages.act is False


# -- review: bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, 3, b"bytes", ["a list"], {"text": "x"}], ids=repr)
def test_non_str_input_raises_input_type_error(value):
    with pytest.raises(InputTypeError, match="customer"):
        cxcoach.review(customer=value, reply="Thanks for waiting.")
    with pytest.raises(InputTypeError, match="reply"):
        cxcoach.review(customer="Where is my order?", reply=value)


# -- the rubric ---------------------------------------------------------------------------------------


def _rubric_file(tmp_path: Path, old: str, new: str, name: str = "rubric.toml") -> Path:
    text = BUILTIN_RUBRIC.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_the_builtin_rubric_is_the_packaged_file():
    rubric = load_rubric()
    assert isinstance(rubric, Rubric)
    assert rubric.name == "builtin"
    assert rubric.penalties["outcome_first"] == 25


def test_a_custom_rubric_file_loads_and_the_coach_uses_it(tmp_path):
    path = _rubric_file(tmp_path, "\napology = 6\n", "\napology = 30\n")
    rubric = load_rubric(path)
    assert rubric.weights["apology"] == 30
    reply = "I am so sorry about the mess."
    builtin = Coach().review(LEAK, reply)
    custom = Coach(rubric=rubric).review(LEAK, reply)
    assert ("technique: apology", 30.0) in custom.points
    assert custom.score - builtin.score == 24


def test_a_custom_rubric_changes_what_a_tip_says(tmp_path):
    path = _rubric_file(
        tmp_path,
        'suggestion = "Add an option: \\"What I can do instead is...\\""',
        'suggestion = "Offer a voucher or an exchange."',
    )
    review = Coach(rubric=load_rubric(path)).review(REFUND_QUESTION, REFUSAL)
    tip = next(tip for tip in review.tips if tip.code == "offer_alternative")
    assert tip.suggestion == "Offer a voucher or an exchange."


@pytest.mark.parametrize(
    "old, new, named",
    [
        ("\napology = 6\n", "\napology = 6\nempathy = 5\n", "empathy"),  # an unknown technique weight
        ("avoid_blame = 0 ", "be_nicer = 3\navoid_blame = 0 ", "be_nicer"),  # an unknown penalty code
        ("[tips.set_limits]", "[tips.smile_more]\nmessage = 'x'\nsuggestion = 'y'\n\n[tips.set_limits]", "smile_more"),
    ],
    ids=["weight", "penalty", "tip"],
)
def test_unknown_techniques_or_tip_codes_raise_resource_error(tmp_path, old, new, named):
    path = _rubric_file(tmp_path, old, new)
    with pytest.raises(ResourceError) as caught:
        load_rubric(path)
    assert named in str(caught.value)


def test_a_missing_or_broken_rubric_file_raises_resource_error(tmp_path):
    with pytest.raises(ResourceError):
        load_rubric(tmp_path / "nowhere.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("base = = 60", encoding="utf-8")
    with pytest.raises(ResourceError):
        load_rubric(broken)
    text = BUILTIN_RUBRIC.read_text(encoding="utf-8")
    missing_tip = tmp_path / "missing.toml"  # the last table, [tips.confirm_next_step], left out
    missing_tip.write_text(text[: text.index("[tips.confirm_next_step]")], encoding="utf-8")
    with pytest.raises(ResourceError, match="confirm_next_step"):
        load_rubric(missing_tip)


# -- review_conversation ------------------------------------------------------------------------------

ANGRY_THEN_THANKFUL = [
    {"role": "customer", "text": "My heating has been broken for three days and nobody has come out. This is awful!!"},
    {"role": "agent", "text": "I'm so sorry, three days without heating must be miserable. "
                              "An engineer will be with you tomorrow morning between 8 and 10."},
    {"role": "customer", "text": "Thank you, that's great, really appreciate it."},
]

REPEATED_OUTCOME_QUESTION = [
    {"role": "customer", "text": "When will my refund be paid?"},
    {"role": "agent", "text": "Your refund request has been passed to our payments team for processing."},
    {"role": "customer", "text": "That's not what I asked. When will the refund actually be paid?"},
    {"role": "agent", "text": "The payments team is reviewing it and will contact you once they have an update."},
]

BROKEN_PROMISE = [
    {"role": "customer", "text": "My router keeps dropping the connection."},
    {"role": "agent", "text": "I'll call you tomorrow at 10am to run a line test."},
    {"role": "customer", "text": "You said you'd call yesterday and nobody did."},
    {"role": "agent", "text": "I'm sorry about that."},
]


def test_a_list_of_dicts_and_a_conversation_give_the_same_report():
    from_dicts = cxcoach.review_conversation(ANGRY_THEN_THANKFUL)
    conversation = Conversation(turns=tuple(Message(**turn) for turn in ANGRY_THEN_THANKFUL))
    from_conversation = cxcoach.review_conversation(conversation)
    assert isinstance(from_dicts, ConversationReport)
    assert from_dicts == from_conversation
    mixed = [Message(**ANGRY_THEN_THANKFUL[0]), *ANGRY_THEN_THANKFUL[1:]]
    assert cxcoach.review_conversation(iter(mixed)) == from_dicts


def test_an_angry_then_thankful_customer_de_escalated():
    report = cxcoach.review_conversation(ANGRY_THEN_THANKFUL)
    assert report.customer_start_sentiment == "negative"
    assert report.customer_end_sentiment == "positive"
    assert report.de_escalated is True
    assert len(report.turns) == 3
    assert [turn.role for turn in report.turns] == ["customer", "agent", "customer"]
    assert len(report.sentiment_trajectory) == len(report.escalation_risk) == 2
    assert report.sentiment_trajectory[0] < 0 < report.sentiment_trajectory[1]
    assert report.escalation_risk[0] > report.escalation_risk[1]


def test_a_customer_who_stays_angry_did_not_de_escalate():
    report = cxcoach.review_conversation([
        ANGRY_THEN_THANKFUL[0],
        {"role": "agent", "text": "Your case is in the queue."},
        {"role": "customer", "text": "Still nothing?! This is a total joke, I'm furious!!"},
    ])
    assert report.customer_start_sentiment == report.customer_end_sentiment == "negative"
    assert report.de_escalated is False


def test_a_repeated_outcome_question_with_two_process_replies_counts_two():
    report = cxcoach.review_conversation(REPEATED_OUTCOME_QUESTION)
    assert report.process_answers_to_outcome_questions == 2
    assert [tip.code for tip in report.tips].count("outcome_first") == 1  # one tip per code
    assert report.tips[0].code == "outcome_first" and report.tips[0].turn == 1


def test_a_second_agent_message_to_the_same_question_is_not_counted_again():
    report = cxcoach.review_conversation([
        *REPEATED_OUTCOME_QUESTION[:2],
        {"role": "agent", "text": "The payments team will get back to you once they have reviewed it."},
    ])
    assert report.process_answers_to_outcome_questions == 1


def test_an_outcome_answer_is_not_counted_as_a_process_answer():
    report = cxcoach.review_conversation([
        REPEATED_OUTCOME_QUESTION[0],
        {"role": "agent", "text": "The refund will reach your card by Thursday."},
    ])
    assert report.process_answers_to_outcome_questions == 0
    assert report.tips == ()


def test_techniques_used_is_the_union_over_agent_turns():
    turns = [
        {"role": "customer", "text": "I was billed twice for my May invoice."},
        {"role": "agent", "text": MIRROR},
        {"role": "customer", "text": "Yes, exactly."},
        {"role": "agent", "text": "I am so sorry about that. Thanks so much for bearing with us."},
    ]
    report = cxcoach.review_conversation(turns)
    per_turn = [turn.techniques for turn in report.turns if turn.role == "agent"]
    assert report.techniques_used == frozenset().union(*per_turn)
    assert {"mirroring", "apology", "gratitude"} <= report.techniques_used
    assert all(turn.techniques is None for turn in report.turns if turn.role == "customer")
    assert report.stages.listen and report.stages.diffuse and report.stages.leave_impression


def test_commitments_are_collected_and_a_broken_promise_is_noticed():
    report = cxcoach.review_conversation(BROKEN_PROMISE)
    assert [c.text for c in report.commitments] == [c.text for c in report.turns[1].commitments]
    assert len(report.commitments) == 1
    assert "call you" in report.commitments[0].text
    assert report.commitments_kept is False


def test_a_promise_shown_kept_is_true_and_no_evidence_is_none():
    promise = [
        {"role": "customer", "text": "I need a return label for my jacket."},
        {"role": "agent", "text": "I'll email you the return label by Friday."},
    ]
    assert cxcoach.review_conversation(promise).commitments_kept is None
    kept = [*promise, {"role": "customer", "text": "The label came through this morning, thank you."}]
    assert cxcoach.review_conversation(kept).commitments_kept is True
    no_promise = [promise[0], {"role": "agent", "text": "Sorry to hear that."}]
    report = cxcoach.review_conversation([*no_promise, {"role": "customer", "text": "You said you'd help."}])
    assert report.commitments == () and report.commitments_kept is None


def test_an_acknowledgement_does_not_show_a_promise_kept():
    report = cxcoach.review_conversation([
        {"role": "customer", "text": "I need a return label for my jacket."},
        {"role": "agent", "text": "I'll email you the return label by Friday."},
        {"role": "customer", "text": "OK, got it, thanks."},
    ])
    assert report.commitments_kept is None


def test_an_unrelated_complaint_does_not_show_a_promise_broken():
    report = cxcoach.review_conversation([
        {"role": "customer", "text": "I need a return label for my jacket."},
        {"role": "agent", "text": "I'll email you the return label by Friday."},
        {"role": "customer", "text": "Fine. You didn't answer my other question about the belt though."},
    ])
    assert report.commitments_kept is not False


def test_report_tips_are_at_most_three_and_name_agent_turns():
    turns = [
        {"role": "customer", "text": "When is my refund coming, you clowns?! I'm sick of this!!"},
        {"role": "agent", "text": f"As I already explained, your request is with the refunds team and {BLAME_CLAUSE}."},
        {"role": "customer", "text": "Unbelievable!! Can I at least get a voucher?"},
        {"role": "agent", "text": "Sorry if you feel that way, but we can't offer vouchers."},
    ]
    report = cxcoach.review_conversation(turns)
    assert 0 < len(report.tips) <= 3
    assert len({tip.code for tip in report.tips}) == len(report.tips)
    for tip in report.tips:
        assert tip.turn is not None
        assert turns[tip.turn]["role"] == "agent"
        assert tip.text == turns[tip.turn]["text"][tip.start : tip.end]


def test_an_agent_turn_has_the_previous_customer_turn_as_context():
    turns = [
        {"role": "customer", "text": "I was billed twice for my May invoice."},
        {"role": "agent", "text": f"{MIRROR} Let me sort that out."},
    ]
    report = cxcoach.review_conversation(turns)
    assert "mirroring" in report.turns[1].techniques
    assert report.stages.listen
    # without the customer turn before it, the same reply mirrors nothing
    alone = cxcoach.review_conversation(turns[1:])
    assert "mirroring" not in alone.turns[0].techniques


def test_the_context_is_the_latest_customer_turns_not_an_older_one():
    turns = [
        {"role": "customer", "text": "I was billed twice for my May invoice."},
        {"role": "agent", "text": "Let me look at the account."},
        {"role": "customer", "text": "Thanks, take your time."},
        {"role": "agent", "text": MIRROR},
    ]
    report = cxcoach.review_conversation(turns)
    assert "mirroring" not in report.turns[3].techniques
    assert "mirroring" in cxcoach.review_conversation([turns[0], turns[3]]).turns[1].techniques


def test_an_agent_turn_with_no_customer_turn_before_it_gets_no_mirroring():
    report = cxcoach.review_conversation([{"role": "agent", "text": "So your May invoice was billed twice."}])
    assert "mirroring" not in report.turns[0].techniques


def test_two_customer_turns_in_a_row_are_both_context():
    report = cxcoach.review_conversation([
        {"role": "customer", "text": "When will my refund be paid?"},
        {"role": "customer", "text": "Hello??"},
        {"role": "agent", "text": "Your refund request has been passed to our payments team for processing."},
    ])
    assert report.process_answers_to_outcome_questions == 1
    assert [tip.code for tip in report.tips] == ["outcome_first"]


def test_an_upset_customer_who_follows_up_before_the_reply_still_needs_acknowledging():
    assert "acknowledge_feeling" in codes(cxcoach.review(customer=f"{UPSET} Hello??", reply=BARE))
    report = cxcoach.review_conversation([
        {"role": "customer", "text": UPSET},
        {"role": "customer", "text": "Hello??"},
        {"role": "agent", "text": BARE},
    ])
    assert "acknowledge_feeling" in [tip.code for tip in report.tips]


def test_metadata_and_id_pass_through_from_a_conversation():
    conversation = Conversation(
        turns=tuple(Message(**turn) for turn in ANGRY_THEN_THANKFUL),
        id="case-7781",
        metadata={"agent": "priya", "team": "heating"},
    )
    report = cxcoach.review_conversation(conversation)
    assert report.id == "case-7781"
    assert report.metadata == {"agent": "priya", "team": "heating"}
    assert cxcoach.review_conversation(ANGRY_THEN_THANKFUL).id is None


def test_the_report_round_trips_through_json():
    report = cxcoach.review_conversation(BROKEN_PROMISE)
    assert ConversationReport.model_validate_json(report.model_dump_json()) == report


# -- review_conversation: bad input -------------------------------------------------------------------


def test_no_customer_turn_gives_no_sentiment_and_no_de_escalation():
    report = cxcoach.review_conversation([{"role": "agent", "text": "Hi, how can I help today?"}])
    assert report.customer_start_sentiment is None
    assert report.customer_end_sentiment is None
    assert report.de_escalated is False
    assert report.sentiment_trajectory == ()
    empty = cxcoach.review_conversation([])
    assert empty.turns == () and empty.customer_start_sentiment is None and empty.de_escalated is False


def test_a_single_customer_turn_works():
    report = cxcoach.review_conversation([{"role": "customer", "text": UPSET}])
    assert report.customer_start_sentiment == report.customer_end_sentiment == "negative"
    assert report.de_escalated is False
    assert report.tips == () and report.techniques_used == frozenset()


@pytest.mark.parametrize("role", ["bot", "Agent", "", None])
def test_an_unknown_role_raises_input_value_error_naming_the_turn(role):
    turns = [{"role": "customer", "text": "Hi"}, {"role": "agent", "text": "Hello"}, {"role": role, "text": "?"}]
    with pytest.raises(InputValueError, match=r"turn 2\b"):
        cxcoach.review_conversation(turns)


def test_a_turn_without_text_raises_input_value_error_naming_the_turn():
    with pytest.raises(InputValueError, match=r"turn 1\b.*text"):
        cxcoach.review_conversation([{"role": "customer", "text": "Hi"}, {"role": "agent"}])


@pytest.mark.parametrize("turn", [("agent", "Hello"), "agent: Hello", None, 7], ids=repr)
def test_a_turn_that_is_not_a_mapping_raises_input_type_error(turn):
    with pytest.raises(InputTypeError, match=r"turn 1\b"):
        cxcoach.review_conversation([{"role": "customer", "text": "Hi"}, turn])


@pytest.mark.parametrize("turns", ["customer: where is my order?", b"bytes", None, 42], ids=repr)
def test_a_string_or_other_non_list_raises_input_type_error(turns):
    with pytest.raises(InputTypeError):
        cxcoach.review_conversation(turns)


def test_empty_turn_texts_work():
    report = cxcoach.review_conversation([
        {"role": "customer", "text": ""},
        {"role": "agent", "text": ""},
        {"role": "customer", "text": "   "},
    ])
    assert len(report.turns) == 3
    assert report.customer_start_sentiment == "neutral"
    assert report.tips == ()


def _long_conversation(turns: int) -> list[dict[str, str]]:
    return [
        {"role": "customer", "text": f"Where is parcel {i}? It's late again."} if i % 2 == 0
        else {"role": "agent", "text": f"Sorry about parcel {i - 1}. I'll check it and email you by Friday."}
        for i in range(turns)
    ]


def _best_time(turns: list[dict[str, str]], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            report = cxcoach.review_conversation(turns)
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
        assert len(report.turns) == len(turns)
    return best


def test_a_long_conversation_completes_in_about_linear_time():
    short, long = _long_conversation(200), _long_conversation(2000)
    _best_time(short, 1)  # warm up: loading the lexicons is not the conversation's time
    short_time = _best_time(short, 3)
    long_time = _best_time(long, 1)
    report = cxcoach.review_conversation(long)
    assert len(report.sentiment_trajectory) == 1000
    assert len(report.tips) <= 3
    # linear is a ratio of about 10, quadratic about 100; allow generous slack for noisy machines
    assert long_time < max(40 * short_time, 0.5), (short_time, long_time)


# -- summarize ----------------------------------------------------------------------------------------


def _report(turns, **metadata) -> ConversationReport:
    return cxcoach.review_conversation(
        Conversation(turns=tuple(Message(**turn) for turn in turns), metadata=metadata)
    )


STAYS_ANGRY = [
    ANGRY_THEN_THANKFUL[0],
    {"role": "agent", "text": "Your case is in the queue."},
    {"role": "customer", "text": "Still nothing?! This is a total joke, I'm furious!!"},
]
CALM = [
    {"role": "customer", "text": "Could you send me a copy of my last invoice?"},
    {"role": "agent", "text": "Of course, I've just emailed it to you. Thank you for asking."},
    {"role": "customer", "text": "Got it, thanks."},
]


@pytest.fixture(scope="module")
def reports() -> list[ConversationReport]:
    return [
        _report(ANGRY_THEN_THANKFUL, agent="ana", team="home"),
        _report(STAYS_ANGRY, agent="ana", team="home"),
        _report(CALM, agent="ana", team="billing"),
        _report(REPEATED_OUTCOME_QUESTION, agent="ben", team="billing"),
        _report(BROKEN_PROMISE, team="home"),
    ]


def test_summarize_groups_by_metadata(reports):
    summary = summarize(reports, by="agent")
    assert isinstance(summary, Summary)
    assert summary.by == "agent"
    assert [group.group for group in summary.groups] == ["(none)", "ana", "ben"]
    assert [group.conversations for group in summary.groups] == [1, 3, 1]
    by_team = summarize(reports, by="team")
    assert {group.group: group.conversations for group in by_team.groups} == {"billing": 2, "home": 3}
    everything = summarize(reports)
    assert everything.by is None
    assert [(group.group, group.conversations) for group in everything.groups] == [("all", 5)]


def test_summarize_accepts_any_iterable(reports):
    assert summarize(iter(reports), by="agent") == summarize(reports, by="agent")
    assert summarize([]).groups == ()


def test_the_de_escalation_rate_is_over_negative_starts(reports):
    ana = next(group for group in summarize(reports, by="agent").groups if group.group == "ana")
    assert ana.negative_starts == 2  # the calm conversation does not count
    assert ana.de_escalation_rate == 0.5
    ben = next(group for group in summarize(reports, by="agent").groups if group.group == "ben")
    assert ben.negative_starts == 0
    assert ben.de_escalation_rate is None


def test_outcome_first_violations_are_counted(reports):
    groups = {group.group: group for group in summarize(reports, by="agent").groups}
    assert groups["ben"].outcome_first_violations == 2
    assert groups["ben"].violation_rate == 1.0
    assert groups["ana"].outcome_first_violations == 0
    assert groups["ana"].violation_rate == 0.0


def test_usage_shares_are_between_0_and_1(reports):
    for group in summarize(reports, by="team").groups:
        assert set(group.technique_usage) == set(cxcoach.models.TECHNIQUES)
        assert all(0.0 <= share <= 1.0 for share in group.technique_usage.values())
        assert 0.0 <= group.violation_rate <= 1.0
    ana = next(group for group in summarize(reports, by="agent").groups if group.group == "ana")
    assert ana.technique_usage["apology"] == pytest.approx(1 / 3)


def test_technique_lift_is_none_when_one_side_is_empty(reports):
    ana = next(group for group in summarize(reports, by="agent").groups if group.group == "ana")
    # of ana's two negative starts, only the one that calmed down had an apology
    assert ana.technique_lift["apology"] == 1.0
    # no negative start used gratitude: the "with it" side is empty
    assert ana.technique_lift["gratitude"] is None
    both = summarize([reports[0], reports[0]])
    # every negative start used apology: the "without it" side is empty
    assert both.groups[0].technique_lift["apology"] is None
    ben = next(group for group in summarize(reports, by="agent").groups if group.group == "ben")
    assert all(lift is None for lift in ben.technique_lift.values())  # no negative start at all


@pytest.mark.parametrize("item", ["a report", None, {"turns": []}, 3], ids=repr)
def test_a_non_report_item_raises_input_type_error(reports, item):
    with pytest.raises(InputTypeError, match=r"item 1\b"):
        summarize([reports[0], item])


def test_a_non_iterable_raises_input_type_error():
    with pytest.raises(InputTypeError):
        summarize(5)


def test_to_dataframe_returns_a_dataframe(reports):
    pd = pytest.importorskip("pandas")
    frame = summarize(reports, by="agent").to_dataframe()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.index) == ["(none)", "ana", "ben"]
    assert frame.loc["ana", "conversations"] == 3
    assert frame.loc["ana", "de_escalation_rate"] == 0.5
    assert frame.loc["ana", "lift_apology"] == 1.0
    assert "uses_mirroring" in frame.columns


def test_to_dataframe_of_an_empty_summary_is_an_empty_frame():
    pytest.importorskip("pandas")
    frame = summarize([]).to_dataframe()
    assert len(frame) == 0


def test_to_dataframe_without_pandas_raises_missing_dependency_error(reports, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependencyError, match="pip install pandas"):
        summarize(reports).to_dataframe()


# -- the example script -------------------------------------------------------------------------------


def test_the_coach_report_example_runs_without_the_shared_data(tmp_path):
    env = {**os.environ, "CXCOACH_DATA": str(tmp_path / "no-data-here")}
    completed = subprocess.run(
        [sys.executable, str(COACH_REPORT)], check=False, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120
    )
    assert completed.returncode == 0, completed.stderr
    output = completed.stdout
    assert "de-escalated: True" in output
    assert "turn 1: outcome_first" in output  # the bundled conversation's process-only first answer
    assert "not found" in output and "skipped" in output


def test_the_coach_report_example_runs_on_the_shared_data(tmp_path):
    data = REPO.parent / "shared" / "data"
    if not (data / "twcs_customer_support_twitter_sample" / "sample.csv").is_file():
        pytest.skip(f"the shared data sets are not at {data}")
    env = {key: value for key, value in os.environ.items() if key != "CXCOACH_DATA"}
    completed = subprocess.run(
        [sys.executable, str(COACH_REPORT)], check=False, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120
    )
    assert completed.returncode == 0, completed.stderr
    assert "Summary by company:" in completed.stdout
    assert "Summary by flow:" in completed.stdout


def test_plain_dict_turns_read_like_validated_messages():
    turns = [
        {"role": "customer", "text": "Where is my parcel? It was due Monday!!"},
        {"role": "agent", "text": "It's with the courier and will arrive tomorrow by noon."},
    ]
    plain = cxcoach.review_conversation(turns)
    validated = cxcoach.review_conversation(Conversation(turns=[Message(**turn) for turn in turns]))
    assert plain.model_dump() == validated.model_dump()
    with_ids = cxcoach.review_conversation([{**turn, "id": str(k)} for k, turn in enumerate(turns)])
    assert with_ids.customer_start_sentiment == plain.customer_start_sentiment


# -- the customer's opening and closing sentiment -----------------------------------------------------------

UPSET_OPENING = {"role": "customer", "text": "My washing machine arrived without the door seal! This is ridiculous."}
SEAL_REPLY = {"role": "agent", "text": "I'm sorry about that. A technician will fit the seal on Thursday morning."}


def closing_after_upset_opening(text: str) -> ConversationReport:
    return cxcoach.review_conversation([UPSET_OPENING, SEAL_REPLY, {"role": "customer", "text": text}])


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for trying. I'll be cancelling at the end of the term.",  # leaving, however politely
        "OK. I'll be taking this to the ombudsman.",  # a threat the customer-cue analyzer finds
        "Superb. Really impressed 👎",  # sarcasm
        "Fine. Thanks, but I'm still not happy about the wait.",
        # praise taken back by an exit in the last sentence
        "Lovely. Five stars until the bill came. I'm taking this to the ombudsman.",
        "Thanks so much for the help. I'll be switching provider next month.",
        # a closing that brushes the conversation off
        "Whatever.",
        "Right. Forget it.",
        "ok. don't bother, I'll go in person",
        "k. done with this app then",
        "right. we've been with you 9 years, i thought it would at least get a second look. never mind.",
        # an expectation let down, with no openly negative word
        "Okay. I suppose I thought someone would actually come out and fix it.",
        # thanks, then leaving for a rival
        "thanks but we've signed up with someone else now. keep the router",
        "Thank you for the refund. It isn't really what we'd hoped for, and I doubt we'll be back.",
        # thanks with an insult
        "ok cheers, still a bunch of muppets though",
        "Thanks. Next time maybe hire people who can read, idiots.",
        # an exit before the sign-off of an email
        "Hi Sam,\nMany thanks, that is great and very kind. We will not be ordering from you again.\nBest wishes,\nAnn",
        # leaving, or taking it elsewhere, with thanks as manners and no threat word
        "OK. I'll be shopping around before the renewal, then. Thanks for your time.",
        "cheers, but we'll be porting my number to another network at the end of the month",
        "Thanks anyway. I'll take this up with our account manager on Monday.",
        "Noted. I'll speak to my bank about the charge instead.",
        # a bare "cancelled." and other ways of leaving
        "meh. cancelled. enjoy the price rise",
        "Thanks. I'm deleting the app, can't trust it now.",
        "right, back to my old provider then. thanks anyway",
        "I'll be taking my account somewhere that answers emails.",
        # expecting better is a let-down
        "Thank you for the credit. I had expected rather better than this, though.",
    ],
)
def test_a_customer_who_leaves_unhappy_did_not_de_escalate(text):
    report = closing_after_upset_opening(text)
    assert report.customer_start_sentiment == "negative"
    assert report.customer_end_sentiment == "negative"
    assert report.de_escalated is False


@pytest.mark.parametrize(
    "text",
    [
        "OK.", "Got it, OK.", "Fine. Thanks, I suppose.", "Thanks. We'll see.", "Right, thanks, but fine.",
        "No, that's all.",
        "ok. would be nice to know this 2 days ago but ok, thank you",  # thanks after a concession
        "ok. they'd better. thanks",  # thanks with a warning
        "ok. sorry for snapping earlier, long week",  # peace made, nothing praised
        "ok. 9 to 1, i'll be in. sorry about the language earlier",
    ],
)
def test_an_acknowledgement_or_grudging_thanks_is_a_neutral_closing(text):
    report = closing_after_upset_opening(text)
    assert report.customer_end_sentiment == "neutral"
    assert report.de_escalated is True


@pytest.mark.parametrize(
    "text",
    [
        "Thanks, the door works fine now!",  # "fine" in running text is not grudging
        "Perfect, thank you! The old plan is cancelled and the new one is live.",  # "cancelled" not standing alone
        "Thanks, I'm sure the new seal will be fine.",
        "Brilliant, thanks, we'll see you on Thursday!",  # a farewell, not "we'll see"
        "👍",
        # an exit the customer is glad of, before the last sentence, and "whatever" in running text
        "I'm switching to the annual plan, as you suggested. Thanks, that's perfect!",
        "Great, whatever time suits the engineer is fine by me. Thanks!",
        # thanks beside a word of the trouble they end
        "It's just been fitted, thank you so much. You've saved me a very stressful afternoon.",
        "Fitted this morning. Thank you for keeping me posted; it made a stressful week much easier.",
        "just tried it, works fine 👍",
        "Never mind, found it in my spam folder. Thanks so much!",
        "All working. Five stars from me.",
    ],
)
def test_sincere_closings_are_positive(text):
    assert closing_after_upset_opening(text).customer_end_sentiment == "positive"


@pytest.mark.parametrize(
    "text, expected",
    [
        # calm letters and requests
        (
            "Dear Sir or Madam,\nPlease confirm my policy no. 4471902 renews in May.\nYours faithfully,\nR. Singh",
            "neutral",
        ),
        ("hi, can I pause my broadband for 2 months? I'm working abroad", "neutral"),
        ("Hello, my laptop is 18 months old and I'd like to know if the battery is covered.", "neutral"),
        # a problem stated as a fact
        ("Hi, the replacement charger hasn't arrived yet. Could you check where it is?", "neutral"),
        ("Hello, I didn't receive the verification code for my new account. Can you send it again?", "neutral"),
        # words for what went wrong, a stated wait and a stated need are facts too
        ("Hi, I was charged twice for order 5521 and the app shows an error when I ask for a refund.", "neutral"),
        ("The replacement charger hasn't arrived, it's been two weeks.", "neutral"),
        ("My parcel is missing and I need it for a wedding on Saturday. Where is it?", "neutral"),
        # the same report with emphasis, a cue, a feeling, impatience or a problem that drags on
        ("The replacement charger STILL hasn't arrived!!", "negative"),
        ("Third time asking: the replacement charger hasn't arrived.", "negative"),
        ("The replacement charger hasn't arrived and I'm really worried, it's for my dad's hearing aid.", "negative"),
        ("I was charged twice for order 5521, which is ridiculous.", "negative"),
        ("The replacement charger hasn't arrived. Is it coming this week or not?", "negative"),
        ("I've been waiting for the replacement charger for two weeks now.", "negative"),
        ("I still haven't had the replacement charger.", "negative"),
        ("I was charged twice. If this isn't refunded I'm going to the ombudsman.", "negative"),
        # a feeling named in a turn the sentiment analyzer reads as neutral
        ("my wifi drops out every evening and ive had enough of this", "negative"),
        ("Have you lot even looked at my meter reading?", "negative"),
        # distress, and a plea, not a plain request
        ("Sorry, I'm all over the place. My dog is in surgery and the vet wants a deposit. Covered?", "negative"),
        ("The venue emailed to say the date moved. Please tell me it's still going ahead.", "negative"),
        ("Could you please tell me when the Leeds store opens on Sunday?", "neutral"),
        # exasperation with no stock complaint word
        ("Hi, I'm at a loss. The app charged me for a plan I cancelled in March.", "negative"),
        ("Sorry to be a pain, but this is getting silly now. The engineer has missed two appointments.", "negative"),
        ("I feel like I'm going round in circles with your chatbot.", "negative"),
        ("Yet again my bin hasn't been collected.", "negative"),
        ("How many more times do I have to reset my password?", "negative"),
        # a let-down, tiredness and a demand, said quietly
        ("I'll be honest, the course wasn't quite what we'd been looking forward to. Is a partial refund possible?",
         "negative"),
        ("day 5 with no hot water. i'm just tired at this point. when is the part coming?", "negative"),
        ("the courier left my parcel in the rain and not one word since. what are you going to do about it?",
         "negative"),
        ("No heating since Sunday and a baby in the house. I'm at my wit's end.", "negative"),
        # a promise broken, or the same failure again
        ("The plumber was meant to be here at nine. It's half eleven. Where is he?", "negative"),
        ("Hello, the library app was supposed to renew my books on Friday. Can you check?", "negative"),
        ("My card reader's offline, that's the second outage this month. When will it be back?", "negative"),
        ("the app logged me out two days in a row. is a fix coming", "negative"),
        ("I don't like to chase, but the certificate was due last week. Could you check on it?", "negative"),
        # asking what is happening is calm; "What is going on?" on its own is not
        ("Hi, my smart plug keeps dropping off the wifi. Any idea what's going on?", "neutral"),
        ("The code for my locker says expired, so I'm not quite sure what's going on.", "neutral"),
        ("Hi, I just wanted to check what the new collection day is now the route has changed.", "neutral"),
        ("My card was declined twice at the till today. What is going on?", "negative"),
        # a shock, a plea, understatement, running out of steam
        ("The repair bill is double the quote. I'm not trying to be difficult, I just wasn't expecting that.",
         "negative"),
        ("the card machine has been down all morning. please tell me someone is looking at it", "negative"),
        ("Booked a cabin and got a tent pitch. Not the greatest start to the week.", "negative"),
        ("This is my third attempt at the password reset and the link keeps expiring.", "negative"),
        # a status quoted from a tracker and a letter's sign-off are no praise
        ("Hello,\n\nThe tracker has said 'in progress' since the 3rd. Will it arrive by Friday?\n\nBest,\nPriya",
         "neutral"),
        # impatience in the punctuation alone
        ("My parcel shows delivered but it isn't here. Where is it??", "negative"),
        ("the bin lorry skipped our street. when is it coming back?!", "negative"),
        # a plan to leave, in an opening, is a question, not a feeling
        ("Hi, I'm thinking of moving to another network when my contract ends. What's the exit fee?", "neutral"),
        ("The removal van booked for today is two hours late and nobody's turned up. Any news?", "negative"),
        # an insult, whatever the words around it score
        ("@DriftwoodBank you total clowns. I moved my card limit in may and the app STILL shows the old one",
         "negative"),
    ],
)
def test_an_opening_is_negative_only_with_a_sign_of_feeling(text, expected):
    report = cxcoach.review_conversation([{"role": "customer", "text": text}, SEAL_REPLY])
    assert report.customer_start_sentiment == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # delight beside a question or a small problem
        ("Hi! Just enrolled on the pottery course, so excited. When will the starter kit arrive?", "positive"),
        ("big fan of the app, use it every week. quick q, my last order says delivered but never came?", "positive"),
        ("We're over the moon with the new kitchen! Could the fitter pop back to adjust one door?", "positive"),
        ("the new trams on route 4 are brilliant. quick q, is my monthly pass valid on them or is it extra?",
         "positive"),
        ("huge thanks to the vets at Kirkby, our cat is home and purring. quick q, why is the bill £68?", "positive"),
        # a greeting is no delight
        ("Hi, yes, good morning. I'm moving out at the end of the month and wanted to know how I close my account.",
         "neutral"),
        # delight taken back is displeasure said politely; mocked, or only wished for, it is no delight
        ("Honestly not excited about this renewal. When does it end?", "negative"),
        ("I can't say I'm thrilled with the renewal quote. Is there anything cheaper?", "negative"),
        ("Not sure yet, but so excited to start! When does the kit arrive?", "positive"),
        # delight beside a doubled question mark is still delight
        ("obsessed with the new range 😍 will the green one be restocked??", "positive"),
        ("Loving the three-hour wait on hold.", "negative"),
        ("honestly obsessed with the new lunch menu! quick q: do you deliver to Harlow?", "positive"),
        ("got the festival tickets, so hyped. can I change the name on one?", "positive"),
        # an irony emoji turns the praise of the whole message
        ("love that the hotel billed me for a minibar I never opened. really makes the stay special 🙃", "negative"),
        # praise in a message with a set phrase of irony is sarcasm
        ("Love that I had to print the form, sign it and post it. Very modern. Where's the nearest post box?",
         "negative"),
        ("@SpokeCityBikes three flat tyres this week of all weeks. great stuff", "negative"),
        ("I'd love to know when my order ships.", "neutral"),
        # displeasure wins over delight
        ("I love your app but I'm really frustrated that it keeps logging me out.", "negative"),
    ],
)
def test_an_opening_with_delight_and_no_displeasure_is_positive(text, expected):
    report = cxcoach.review_conversation([{"role": "customer", "text": text}, SEAL_REPLY])
    assert report.customer_start_sentiment == expected


def test_a_neutral_opening_leaves_the_turns_own_sentiment_alone():
    text = "Hi, the replacement charger hasn't arrived yet. Could you check where it is?"
    report = cxcoach.review_conversation([{"role": "customer", "text": text}, SEAL_REPLY])
    # the message itself still reads as a complaint, as the sentiment analyzer reads tweets
    assert report.turns[0].sentiment.label == "negative"


DISMISSIVE_REPLY = {"role": "agent", "text": "As I said, there's nothing more I can do. That's just how it works."}


def test_a_bare_fine_after_a_brush_off_is_curt_but_after_a_real_answer_it_is_not():
    curt = cxcoach.review_conversation([UPSET_OPENING, DISMISSIVE_REPLY, {"role": "customer", "text": "fine."}])
    assert curt.customer_end_sentiment == "negative"
    settled = cxcoach.review_conversation([UPSET_OPENING, SEAL_REPLY, {"role": "customer", "text": "fine."}])
    assert settled.customer_end_sentiment == "neutral"
    # more than the one word is judged as written
    longer = cxcoach.review_conversation(
        [UPSET_OPENING, DISMISSIVE_REPLY, {"role": "customer", "text": "Fine, thanks."}]
    )
    assert longer.customer_end_sentiment == "neutral"


@pytest.mark.parametrize(
    "text",
    ["wow. so helpful. truly.", "Wow, thanks, that's really reassuring.", "@helpdesk wow, amazing service as always"],
)
def test_praise_in_mock_surprise_after_a_brush_off_is_sarcasm(text):
    sarcastic = cxcoach.review_conversation([UPSET_OPENING, DISMISSIVE_REPLY, {"role": "customer", "text": text}])
    assert sarcastic.customer_end_sentiment == "negative"
    # after a real answer the same words are praise
    sincere = cxcoach.review_conversation([UPSET_OPENING, SEAL_REPLY, {"role": "customer", "text": text}])
    assert sincere.customer_end_sentiment == "positive"


def test_praise_after_a_brush_off_without_mock_surprise_is_taken_at_its_word():
    report = cxcoach.review_conversation(
        [UPSET_OPENING, DISMISSIVE_REPLY, {"role": "customer", "text": "Amazing, thank you! That's all I needed."}]
    )
    assert report.customer_end_sentiment == "positive"


def test_damped_thanks_are_positive_after_a_real_answer_but_not_after_a_brush_off():
    text = "Thank you. What a stressful week, though it helps."
    settled = cxcoach.review_conversation([UPSET_OPENING, SEAL_REPLY, {"role": "customer", "text": text}])
    assert settled.turns[2].sentiment.label == "neutral"  # the analyzer damps the thanks beside "stressful"
    assert settled.customer_end_sentiment == "positive"
    brushed_off = cxcoach.review_conversation([UPSET_OPENING, DISMISSIVE_REPLY, {"role": "customer", "text": text}])
    assert brushed_off.customer_end_sentiment == "neutral"
