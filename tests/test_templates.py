"""Template packs: validation at load time, typed facts, and the safe slot renderer."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import cxcoach
from cxcoach.errors import InputTypeError, InputValueError, MissingFactsError, ResourceError
from cxcoach.templates import TemplatePack, load_template_pack, render, template_slots

MINIMAL = """
name = "mini"
select = ["only"]

[slots.estimate]
description = "When it arrives."
sample = "2 days"

[slots.visit]
type = "date"
description = "The engineer's visit."
sample = "2026-03-06"

[slots.parcels]
type = "integer"
description = "How many parcels."
sample = "2"

[slots.next_update]
description = "When we call back."
sample = "tomorrow"
fallback = "soon"

[blocks.outcome]
purpose = "answer"
outcome = true
when = { question_type = ["outcome_question"] }
wordings = ["Our estimate is ${estimate}."]

[blocks.follow_up]
purpose = "follow up"
expects = ["follow_up"]
wordings = ["I'll update you ${next_update}."]

[playbooks.only]
purpose = "everything"
steps = ["outcome", "follow_up"]
required = ["outcome"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pack.toml"
    path.write_text(text, encoding="utf-8")
    return path


# -- rendering -------------------------------------------------------------------------------------


def test_render_substitutes_slots_and_unescapes_dollars():
    facts = {"amount": "5", "estimate": "2 days"}
    assert render("It costs $$${amount} in ${estimate}.", facts) == "It costs $5 in 2 days."


@pytest.mark.parametrize(
    "value",
    [
        "${customer_name}",
        "$${estimate}",
        "{{7*7}}",
        "{% for x in ().__class__.__base__.__subclasses__() %}{{x}}{% endfor %}",
        "${__import__('os').system('id')}",
        "<script>alert(1)</script>",
        "#{7*7} %{7*7} @(7*7)",
    ],
)
def test_fact_values_are_inserted_literally_never_expanded(value):
    assert render("Hi ${customer_name}!", {"customer_name": value, "estimate": "x"}) == f"Hi {value}!"


@pytest.mark.parametrize(
    "template",
    ["${customer.name}", "${name()}", "${ name }", "${Name}", "${__class__}", "${}", "${a + b}", "${estimate"],
)
def test_anything_but_a_plain_slot_is_rejected(template):
    with pytest.raises(ValueError, match="bad slot"):
        template_slots(template)


def test_render_names_a_missing_slot():
    with pytest.raises(MissingFactsError) as caught:
        render("Expect it ${estimate}.", {})
    assert caught.value.missing == ("estimate",)


def test_template_slots_lists_each_slot_once_in_order():
    assert template_slots("${b} and ${a} and ${b}") == ("b", "a")


# -- packs -----------------------------------------------------------------------------------------


def test_the_builtin_pack_has_the_blocks_the_playbook_names():
    pack = load_template_pack()
    for role in ("acknowledge", "label_feeling", "apologise", "mirror", "outcome", "next_step", "alternative",
                 "set_limits", "assurance", "follow_up", "thanks", "feedback_request"):
        assert role in pack.blocks
        assert len(pack.blocks[role].wordings) >= 4
    assert set(pack.playbooks) == {"limits_first", "ldal", "outcome_first"}


def test_every_builtin_block_has_formal_and_friendly_wordings():
    for name, block in load_template_pack().blocks.items():
        tones = {wording.tone for wording in block.wordings}
        assert {"formal", "friendly"} <= tones, name


def test_a_user_pack_loads_from_a_file(tmp_path):
    pack = load_template_pack(write(tmp_path, MINIMAL))
    assert pack.name == "mini"
    draft = cxcoach.Drafter(pack=pack).draft("When does it arrive?", {"estimate": "2 days"})
    assert draft.text == "Our estimate is 2 days. I'll update you soon."


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("${estimate}.\"]", "${eta}.\"]"), "undeclared slots"),
        (('steps = ["outcome", "follow_up"]', 'steps = ["outcome", "thanks"]'), "unknown blocks"),
        (('select = ["only"]', 'select = ["calm"]'), "unknown playbooks"),
        (('expects = ["follow_up"]', 'expects = ["kindness"]'), "not a technique"),
        (('fallback = "soon"', 'fallback = "  "'), "blank"),
        (('"Our estimate is ${estimate}."', '"Our estimate is ${estimate.days}."'), "bad slot"),
        (('when = { question_type = ["outcome_question"] }', 'when = { cues = ["rudeness"] }'), "customer cue"),
        (('type = "integer"', 'type = "list"'), "type"),
    ],
)
def test_a_broken_pack_fails_at_load_naming_the_problem(tmp_path, change, message):
    old, new = change
    assert old in MINIMAL
    with pytest.raises(ResourceError, match=message):
        load_template_pack(write(tmp_path, MINIMAL.replace(old, new)))


def test_a_missing_pack_file_is_a_resource_error(tmp_path):
    with pytest.raises(ResourceError, match="not found"):
        load_template_pack(tmp_path / "nope.toml")


# -- facts -----------------------------------------------------------------------------------------


def test_the_facts_model_shows_what_a_pack_needs():
    schema = load_template_pack().facts_model.model_json_schema()
    assert "estimate" in schema["properties"]
    assert "time" in schema["properties"]["estimate"]["description"]
    json.dumps(schema)  # serialisable, to show in another tool


def test_typed_facts_are_validated_and_rendered(tmp_path):
    pack = load_template_pack(write(tmp_path, MINIMAL))
    facts = pack.facts({"visit": datetime.date(2026, 3, 6), "parcels": 2, "estimate": "2 days."})
    assert facts["visit"] == "Friday 6 March"
    assert facts["parcels"] == "2"
    assert facts["estimate"] == "2 days"  # the wording ends the sentence
    assert facts["next_update"] == "soon"  # the fallback of an optional slot
    with pytest.raises(InputValueError, match="parcels"):
        pack.facts({"parcels": "a few"})


@pytest.mark.parametrize(
    ("facts", "error", "message"),
    [
        ({"eta": "2 days"}, InputValueError, "eta"),
        ({"estimate": 5}, InputValueError, "estimate"),
        ({"estimate": "two\ndays"}, InputValueError, "one-line"),
        ({"estimate": "   "}, InputValueError, "one-line"),
        ({"estimate": "x" * 301}, InputValueError, "300"),
        (["estimate", "2 days"], InputTypeError, "mapping"),
    ],
)
def test_bad_facts_get_a_clear_typed_error(facts, error, message):
    with pytest.raises(error, match=message):
        load_template_pack().facts(facts)


def test_a_pack_is_a_frozen_model():
    pack = load_template_pack()
    assert isinstance(pack, TemplatePack)
    with pytest.raises(Exception):
        pack.name = "changed"  # type: ignore[misc]
