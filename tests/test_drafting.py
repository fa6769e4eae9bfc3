"""The reply drafter: playbooks chosen from the analysis, self-checked drafts, variety, rewrite and lint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cxcoach
from cxcoach import Draft
from cxcoach.cli import main
from cxcoach.errors import DraftCheckError, InputTypeError, InputValueError, MissingFactsError
from cxcoach.templates import load_template_pack

FACTS = {"estimate": "3 to 5 business days", "next_update": "tomorrow by noon"}
DATA = Path(__file__).parent / "data" / "conversations.jsonl"


def customer_turns() -> list[str]:
    with DATA.open(encoding="utf-8") as handle:
        items = [json.loads(line) for line in handle if line.strip()]
    return [turn["text"] for item in items for turn in item["turns"] if turn["role"] == "customer"]


def blocks(draft: Draft) -> list[str]:
    return [part.block for part in draft.parts]


# -- the contract ----------------------------------------------------------------------------------


def test_a_draft_has_text_and_parts_that_point_into_it():
    draft = cxcoach.draft_reply("I was charged twice for May!! When do I get my money back?", facts=FACTS)
    assert draft.text
    assert " ".join(part.text for part in draft.parts) == draft.text
    pack = load_template_pack()
    for part in draft.parts:
        assert draft.text[part.start : part.end] == part.text
        assert part.block in pack.blocks
        assert part.reason
        assert pack.blocks[part.block].wordings[part.wording]
    assert "${" not in draft.text


def test_a_draft_round_trips_through_json():
    draft = cxcoach.draft_reply("When will my card arrive?", facts=FACTS)
    assert Draft.model_validate_json(draft.model_dump_json()) == draft


# -- playbooks -------------------------------------------------------------------------------------


def test_a_calm_outcome_question_gets_the_outcome_first_and_no_emotional_preamble():
    draft = cxcoach.draft_reply("Hi, when will my replacement card arrive?", facts=FACTS)
    assert draft.playbook == "outcome_first"
    assert blocks(draft)[0] == "outcome"
    assert "3 to 5 business days" in draft.parts[0].text
    used = draft.check.analysis.techniques
    assert not used & {"labeling", "validation", "apology"}


def test_an_upset_customer_gets_ldal_with_the_feeling_named_first():
    draft = cxcoach.draft_reply("This is a joke!! Third week waiting. When will my refund arrive??", facts=FACTS)
    assert draft.playbook == "ldal"
    assert blocks(draft)[0] == "label_feeling"
    assert blocks(draft)[1] == "outcome"
    assert draft.check.analysis.techniques & {"labeling", "validation"}
    assert "apologise" in blocks(draft)


def test_an_abusive_customer_gets_the_limit_first_then_help():
    draft = cxcoach.draft_reply("You useless idiots, where is my refund?!", facts=FACTS)
    assert draft.playbook == "limits_first"
    assert blocks(draft)[:2] == ["set_limits", "outcome"]
    first = draft.parts[0]
    assert any(f.label == "setting_limits" and f.start < first.end for f in draft.check.analysis.findings)


def test_a_happy_customer_is_thanked_and_asked_for_feedback():
    draft = cxcoach.draft_reply("Thanks so much, the router works again!", facts=FACTS)
    assert blocks(draft) == ["thanks", "feedback_request"]


def test_a_process_question_gets_the_steps():
    draft = cxcoach.draft_reply("How do I switch to paper statements?", facts={"steps": "open Settings, then Billing"})
    assert blocks(draft)[0] == "answer"
    assert "open Settings, then Billing" in draft.text


def test_a_caller_can_name_the_playbook_and_the_guarantees_still_hold():
    message = "You useless idiots, where is my refund?!"
    for playbook in ("outcome_first", "ldal", "limits_first"):
        draft = cxcoach.draft_reply(message, facts=FACTS, playbook=playbook)
        assert draft.playbook == playbook
        assert draft.check.passed
        assert blocks(draft)[0] == "set_limits"


def test_optional_facts_add_sentences_and_mirror_the_problem():
    message = "My parcel arrived damaged and I am fed up. The double charge for May is still there too."
    draft = cxcoach.draft_reply(message, facts={"issue": "the double charge for May", "alternative": "refund it today"})
    assert "mirror" in blocks(draft)
    assert "mirroring" in draft.check.analysis.techniques
    assert "alternative" in blocks(draft)
    assert "refund it today" in draft.text


def test_the_condition_of_an_outcome_is_said_with_it():
    draft = cxcoach.draft_reply(
        "When will my parcel arrive?", facts={"estimate": "by Friday", "condition": "the courier collects it today"}
    )
    assert "by Friday" in draft.parts[0].text and "the courier collects it today" in draft.parts[0].text


def test_an_optional_slot_uses_its_declared_fallback_never_an_empty_slot():
    draft = cxcoach.draft_reply("My internet is down again, this is so annoying!!", facts={})
    follow_up = next(part for part in draft.parts if part.block == "follow_up")
    assert "as soon as I have news" in follow_up.text


def test_a_customer_name_is_used_when_given():
    draft = cxcoach.draft_reply("When will my card arrive?", facts={**FACTS, "customer_name": "Priya"})
    assert "Priya" in draft.text


def test_tones_change_the_wording():
    message = "When is my refund coming? This is ridiculous!!"
    formal = cxcoach.draft_reply(message, facts=FACTS, tone="formal")
    friendly = cxcoach.draft_reply(message, facts=FACTS, tone="friendly")
    assert formal.tone == "formal" and friendly.tone == "friendly"
    assert formal.text != friendly.text
    pack = load_template_pack()
    for draft in (formal, friendly):
        assert all(pack.blocks[p.block].wordings[p.wording].tone in (None, draft.tone) for p in draft.parts)


# -- variety ---------------------------------------------------------------------------------------


def test_the_same_inputs_give_the_same_draft():
    message = "Where is my order?? It's been two weeks!!"
    assert cxcoach.draft_reply(message, facts=FACTS) == cxcoach.draft_reply(message, facts=FACTS)
    assert cxcoach.draft_reply(message, facts=FACTS, seed=7) == cxcoach.draft_reply(message, facts=FACTS, seed=7)


def test_seeds_vary_the_wording():
    message = "Where is my order?? It's been two weeks!!"
    texts = {cxcoach.draft_reply(message, facts=FACTS, seed=seed).text for seed in range(10)}
    assert len(texts) >= 5


def test_twenty_upset_customers_with_the_same_facts_get_at_least_ten_drafts():
    upset = [text for text in customer_turns() if cxcoach.analyze(text).sentiment.label == "negative"][:20]
    assert len(upset) == 20
    assert len({cxcoach.draft_reply(text, facts=FACTS).text for text in upset}) >= 10


# -- the self-check over the whole conversation set ------------------------------------------------


def test_every_customer_message_of_the_conversation_set_gets_a_checked_draft():
    facts = {**FACTS, "steps": "open Settings, choose Account, then follow the prompts"}
    for text in customer_turns():
        draft = cxcoach.draft_reply(text, facts=facts)
        assert draft.check.passed, (text, draft.check.problems)
        if draft.customer.question_type == "outcome_question":
            assert any(facts["estimate"] in part.text for part in draft.parts[:2]), (text, draft.text)


def test_a_fact_that_blames_the_customer_fails_the_self_check():
    with pytest.raises(DraftCheckError, match="blaming") as caught:
        cxcoach.draft_reply(
            "When will my refund come?", facts={"estimate": "3 days", "next_step": "you should have read the terms"}
        )
    assert isinstance(caught.value.draft, Draft)
    assert not caught.value.draft.check.passed


# -- missing facts and bad input -------------------------------------------------------------------


def test_an_outcome_question_without_an_outcome_fact_names_the_facts_it_needs():
    with pytest.raises(MissingFactsError, match="estimate") as caught:
        cxcoach.draft_reply("When will my card arrive?")
    assert set(caught.value.missing) == {"amount", "decision", "estimate"}
    assert "facts=" in str(caught.value)


def test_a_process_question_without_steps_names_the_fact():
    with pytest.raises(MissingFactsError) as caught:
        cxcoach.draft_reply("How do I reset my password?")
    assert caught.value.missing == ("steps",)


def test_an_empty_message_gets_a_plain_checked_draft():
    draft = cxcoach.draft_reply("", facts=FACTS)
    assert draft.check.passed
    assert draft.customer.sentiment.label == "neutral"


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"customer_message": 42}, InputTypeError, "customer_message must be a str"),
        ({"facts": "estimate=2 days"}, InputTypeError, "mapping"),
        ({"facts": {"eta": "2 days"}}, InputValueError, "eta"),
        ({"playbook": "be_nice"}, InputValueError, "limits_first"),
        ({"tone": "casual"}, InputValueError, "formal"),
        ({"seed": "7"}, InputTypeError, "seed"),
        ({"seed": True}, InputTypeError, "seed"),
    ],
)
def test_bad_arguments_get_clear_typed_errors(kwargs, error, message):
    arguments = {"customer_message": "When will it arrive?", "facts": FACTS, **kwargs}
    with pytest.raises(error, match=message):
        cxcoach.draft_reply(**arguments)


# -- rewrite ---------------------------------------------------------------------------------------

PROCESS_REPLY = (
    "Our engineers are investigating the fault in your area. "
    "Once they report back we will be able to give you a timeline."
)


def test_rewrite_puts_the_outcome_first_and_drops_the_deferral():
    draft = cxcoach.rewrite(PROCESS_REPLY, customer="When will my internet be back?",
                            facts={"estimate": "between 1 and 5 hours"})
    assert draft.playbook == "rewrite"
    assert blocks(draft) == ["outcome", "kept"]
    assert "between 1 and 5 hours" in draft.parts[0].text
    assert "Our engineers are investigating the fault in your area." in draft.text
    assert "Once they report back" not in draft.text
    assert draft.notes and "deferral" in draft.notes[0]
    assert draft.check.analysis.answer_style in ("outcome", "mixed")


def test_rewrite_keeps_one_opening_line_of_empathy_before_the_outcome():
    reply = "I'm so sorry about this. " + PROCESS_REPLY
    draft = cxcoach.rewrite(reply, customer="When will my internet be back? I work from home!!",
                            facts={"estimate": "between 1 and 5 hours"})
    assert blocks(draft)[:2] == ["kept", "outcome"]
    assert draft.parts[0].text == "I'm so sorry about this."


def test_rewrite_removes_dismissive_lines_and_sets_a_limit_with_an_abusive_customer():
    draft = cxcoach.rewrite("Calm down. " + PROCESS_REPLY, customer="You morons, when will my internet be back?!",
                            facts={"estimate": "between 1 and 5 hours"})
    assert blocks(draft)[0] == "set_limits"
    assert "Calm down" not in draft.text
    assert any("dismissive" in note for note in draft.notes)
    assert draft.check.passed


def test_rewrite_leaves_a_good_outcome_reply_as_it_is():
    reply = "I can see why that is frustrating. Your refund will arrive within 5 days."
    draft = cxcoach.rewrite(reply, customer="When is my refund coming? This is ridiculous!!")
    assert draft.text == reply
    assert blocks(draft) == ["kept", "kept"]


def test_rewrite_never_lifts_the_time_of_a_step_as_the_outcome():
    reply = "A technician will visit within 48 hours to diagnose the fault. Once they report back we can say more."
    with pytest.raises(MissingFactsError, match="estimate"):
        cxcoach.rewrite(reply, customer="When will my internet work again?")


def test_rewrite_checks_its_arguments():
    with pytest.raises(InputTypeError, match="reply"):
        cxcoach.rewrite(None, customer="When?")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError, match="customer"):
        cxcoach.rewrite("Soon.", customer=3)  # type: ignore[arg-type]


# -- lint ------------------------------------------------------------------------------------------


def test_the_builtin_pack_lints_clean():
    report = cxcoach.lint()
    assert report.ok, "\n".join(str(problem) for problem in report.problems)
    pack = load_template_pack()
    assert report.checked > sum(len(block.wordings) for block in pack.blocks.values())


def test_lint_reports_a_wording_that_breaks_the_playbook(tmp_path):
    pack = load_template_pack()
    thanks = pack.blocks["thanks"]
    bad = thanks.model_copy(update={"wordings": (*thanks.wordings, thanks.wordings[0].model_copy(
        update={"text": "Thanks, but you should have read the terms."}))})
    broken = pack.model_copy(update={"blocks": {**pack.blocks, "thanks": bad}})
    report = cxcoach.lint(broken, seeds=1)
    assert not report.ok
    assert any(p.block == "thanks" and "blaming" in p.problem for p in report.problems)


def test_the_lint_command_exits_zero_on_the_builtin_pack(capsys):
    assert main(["lint", "--seeds", "1"]) == 0
    assert "no problems" in capsys.readouterr().out


def test_the_lint_command_exits_one_on_a_broken_pack(tmp_path, capsys):
    source = (Path(cxcoach.__file__).parent / "data" / "templates.toml").read_text(encoding="utf-8")
    broken = source.replace('"Thanks for flagging this."', '"Calm down, thanks for flagging this."')
    assert broken != source
    path = tmp_path / "broken.toml"
    path.write_text(broken, encoding="utf-8")
    assert main(["lint", "--pack", str(path), "--seeds", "1"]) == 1
    assert "dismissive" in capsys.readouterr().out


def test_the_draft_command_prints_the_reply_and_its_parts(capsys):
    assert main(["draft", "When will my card arrive?", "--fact", "estimate=5 to 7 days"]) == 0
    out = capsys.readouterr().out
    assert "5 to 7 days" in out and "outcome:" in out


def test_the_draft_command_reports_missing_facts_with_status_two(capsys):
    assert main(["draft", "When will my card arrive?"]) == 2
    assert "estimate" in capsys.readouterr().err


def test_lint_reports_samples_that_do_not_validate_instead_of_crashing():
    pack = load_template_pack()
    slot = pack.slots["customer_name"].model_copy(update={"type": "date"})  # "Sam" is not a date
    broken = pack.model_copy(update={"slots": {**pack.slots, "customer_name": slot}})
    report = cxcoach.lint(broken, seeds=1)
    assert not report.ok
    assert "samples do not validate" in report.problems[0].problem


@pytest.mark.parametrize("message", ["\x00\ud800 😡😡 ??? ", "   \n\t ", "ÇA NE MARCHE PAS!!! Quand?", "?" * 500])
def test_odd_messages_get_a_checked_draft(message):
    draft = cxcoach.draft_reply(message, facts=FACTS)
    assert draft.check.passed
    assert draft.text
