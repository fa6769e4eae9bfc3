"""Learned word weights for question types: the data file, and where they may change the rules' reading."""

from __future__ import annotations

import pytest

import cxcoach
from cxcoach.errors import ResourceError
from cxcoach.learned import LearnedQuestionTypes
from cxcoach.models import QUESTION_TYPES
from cxcoach.question_type import QuestionTypeAnalyzer
from cxcoach.resources import QuestionWeights, load_question_weights
from cxcoach.text import Doc

BIAS = {"outcome_question": -2.0, "process_question": -2.0, "not_a_question": -2.0}


def _banana(label: str) -> QuestionWeights:
    """Weights under which "banana", a word no cue list holds, makes a sentence ``label``."""
    return QuestionWeights(threshold=0.5, bias=BIAS, weights={"banana": {label: 5.0}})


def _read(text: str, learned: QuestionWeights | bool) -> tuple[Doc, list]:
    doc = Doc(text)
    findings = list(QuestionTypeAnalyzer(learned=learned).analyze(doc))
    return doc, findings


def test_the_builtin_weights_load_and_name_the_three_question_types():
    weights = load_question_weights()
    assert set(weights.bias) == set(QUESTION_TYPES)
    assert 0.0 < weights.threshold < 1.0
    assert weights.weights, "the built-in file holds no weights"


def test_a_file_with_an_unknown_label_is_a_resource_error(tmp_path):
    path = tmp_path / "weights.toml"
    path.write_text('threshold = 0.5\n[bias]\ncomplaint = -1.0\n[weights]\n"why" = { complaint = 1.0 }\n')
    with pytest.raises(ResourceError, match="unknown labels .*not_a_question"):
        load_question_weights(path)


def test_technique_labels_are_not_question_types(tmp_path):
    path = tmp_path / "weights.toml"
    path.write_text('threshold = 0.5\n[bias]\napology = -1.0\n[weights]\n')
    with pytest.raises(ResourceError, match="unknown labels"):
        load_question_weights(path)


def test_read_gives_another_label_only_when_it_reaches_the_threshold():
    model = LearnedQuestionTypes(_banana("outcome_question"))
    doc = Doc("What is this banana?")
    tokens = doc.sentence_tokens(doc.sentences[0])
    label, probability, contributions = model.read(tokens, "process_question")
    assert label == "outcome_question" and 0.5 <= probability < 1.0
    assert [item.feature for item in contributions] == ["banana"]
    assert model.read(tokens, "outcome_question") is None  # the rules' own label: nothing to say
    plain = Doc("What is this?")
    assert model.read(plain.sentence_tokens(plain.sentences[0]), "process_question") is None


def test_the_weights_change_the_type_of_a_wh_question_with_their_words_as_evidence():
    text = "What is this banana?"
    doc, findings = _read(text, _banana("outcome_question"))
    assert doc.question_type == "outcome_question"
    (finding,) = findings
    assert 0.5 <= finding.score < 1.0  # the weights' probability: the rules' findings score 1.0
    sentence, word = finding.evidence
    assert "learned weights read it as outcome_question" in sentence.detail
    assert word.rule == "learned_weight"
    assert text[word.start : word.end] == word.text == "banana"
    assert _read(text, learned=False)[0].question_type == "process_question"


def test_the_weights_drop_a_wh_question_they_read_as_a_vent():
    doc, findings = _read("What is this banana?", _banana("not_a_question"))
    assert doc.question_type == "not_a_question"
    assert findings == []


@pytest.mark.parametrize(
    "text, why",
    [
        ("Is this a banana?", "a yes/no question"),
        ("What is my banana?", "the customer's own case"),
        ("What exactly is this banana?", "a doubt word the rules weighed"),
        ("Who sold me this banana?", "'who', which the rules weigh"),
        ("Quick one: what is this banana?", "the rules read the clause after the colon"),
        ("When will the banana arrive?", "a cue phrase ('when') decided the type"),
    ],
)
def test_where_the_rules_have_decided_the_weights_do_not_drop_a_question(text, why):
    rules_alone = _read(text, learned=False)[0].question_type
    assert rules_alone != "not_a_question"
    assert _read(text, _banana("not_a_question"))[0].question_type == rules_alone, why


@pytest.mark.parametrize("text", ["Is it a banana?", "Can I pay with a banana?", "How do I peel a banana?"])
def test_the_weights_do_not_change_the_type_of_a_yes_no_question_or_a_cued_one(text):
    rules_alone = _read(text, learned=False)[0].question_type
    for label in ("outcome_question", "process_question"):
        assert _read(text, _banana(label))[0].question_type == rules_alone


def test_message_type_and_classify_agree_with_analyze():
    analyzer = QuestionTypeAnalyzer(learned=_banana("outcome_question"))
    doc = Doc("Thanks. What is this banana?")
    assert analyzer.message_type(Doc(doc.text)) == "outcome_question"
    assert analyzer.classify(doc, doc.sentences[1]).label == "outcome_question"
    analyzer = QuestionTypeAnalyzer(learned=_banana("not_a_question"))
    assert analyzer.message_type(Doc(doc.text)) == "not_a_question"
    assert analyzer.classify(doc, doc.sentences[1]) is None


# Plain questions, written for this test, in words the labelled sets do not hold: the built-in weights
# must leave them questions (a yes/no question is the commonest question in support)
PLAIN_QUESTIONS = [
    "Is this a known issue?",
    "Is this the right number for billing?",
    "Can the courier leave it with a neighbour?",
    "Are pets allowed in the cabins?",
    "Is this the latest firmware?",
    "Do the seats recline?",
    "What time does the branch close?",
    "Where is the nearest drop-off point?",
    "How long does the battery last?",
    "What does the gold plan include?",
]


@pytest.mark.parametrize("text", PLAIN_QUESTIONS)
def test_the_builtin_weights_leave_plain_questions_asking(text):
    assert cxcoach.analyze(text).question_type != "not_a_question"


def test_the_builtin_weights_read_a_vent_the_rules_alone_take_for_a_question():
    # a jibe in question form, in words no cue list holds
    text = "What planet is your billing team on?"
    assert _read(text, learned=False)[0].question_type != "not_a_question"
    assert _read(text, learned=True)[0].question_type == "not_a_question"
