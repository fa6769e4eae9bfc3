"""Result and input models: frozen, strict about unknown fields, validated, and lossless through JSON."""

from __future__ import annotations

import copy
import json
import pickle
from datetime import datetime, timezone

import pytest
from pydantic import ValidationError

import cxcoach
from cxcoach import (
    Conversation,
    Evidence,
    Finding,
    Message,
    MessageAnalysis,
    SentenceSentiment,
    SentimentResult,
)

EVIDENCE = Evidence(start=0, end=5, text="Still", rule="support_phrase", weight=-2.0, detail="support phrase")
SENTENCE = SentenceSentiment(start=0, end=13, text="Still waiting", label="negative", score=-0.46, evidence=(EVIDENCE,))
SENTIMENT = SentimentResult(label="negative", score=-0.46, intensity=1, sentences=(SENTENCE,), backend="support")
FINDING = Finding(
    start=0, end=13, text="Still waiting", label="negative_sentiment", score=-0.46, analyzer="sentiment",
    evidence=(EVIDENCE,),
)
MESSAGE = Message(role="customer", text="Still waiting", id="m-1", metadata={"channel": "chat"})
CONVERSATION = Conversation(turns=(MESSAGE, Message(role="agent", text="Let me check that for you.")), id="c-9")
ANALYSIS = MessageAnalysis(text="Still waiting", role="customer", sentiment=SENTIMENT, findings=(FINDING,))

# One valid instance of each model, and a field to try to change on it.
INSTANCES = {
    "Message": (MESSAGE, "text"),
    "Conversation": (CONVERSATION, "id"),
    "Evidence": (EVIDENCE, "weight"),
    "Finding": (FINDING, "score"),
    "SentenceSentiment": (SENTENCE, "label"),
    "SentimentResult": (SENTIMENT, "intensity"),
    "MessageAnalysis": (ANALYSIS, "role"),
}
NEW_VALUES = {"text": "changed", "id": "other", "weight": 1.0, "score": 0.5, "label": "positive", "intensity": 3,
              "role": "agent"}


@pytest.mark.parametrize("name", INSTANCES)
def test_models_are_frozen(name):
    instance, field = INSTANCES[name]
    with pytest.raises(ValidationError):
        setattr(instance, field, NEW_VALUES[field])
    assert getattr(instance, field) != NEW_VALUES[field]


@pytest.mark.parametrize("name", INSTANCES)
def test_unknown_fields_are_rejected(name):
    instance, _ = INSTANCES[name]
    data = instance.model_dump()
    data["colour"] = "blue"
    with pytest.raises(ValidationError, match="colour"):
        type(instance).model_validate(data)


@pytest.mark.parametrize("name", INSTANCES)
def test_valid_instances_round_trip_through_json(name):
    instance, _ = INSTANCES[name]
    model = type(instance)
    assert model.model_validate_json(instance.model_dump_json()) == instance


@pytest.mark.parametrize(
    "text",
    [
        "Still waiting for my refund!! Third time calling about this.",
        "Thank you so much, the agent was wonderful! 🙏🏽",
        "THIS IS RIDICULOUS!!! 😡😡 Order #12345, charged $129 twice.",
        "Café crème, déjà vu: naïve señor wants his 20 € back 👨‍👩‍👧 🇯🇵",
        "訂單還沒到，我很生氣。",
        "",
        "broken \ud800 surrogate and \x00 control",
    ],
    ids=["negative", "positive-emoji", "shouting", "accents", "cjk", "empty", "surrogate"],
)
def test_analysis_round_trips_through_json(text, backend_pipeline):
    analysis = backend_pipeline.analyze(text)
    payload = analysis.model_dump_json()
    assert MessageAnalysis.model_validate_json(payload) == analysis
    assert json.loads(payload)["text"] == analysis.text


def test_default_analyze_result_round_trips_through_json():
    analysis = cxcoach.analyze("I've been on hold for an hour 😤😤", role="customer")
    restored = MessageAnalysis.model_validate_json(analysis.model_dump_json())
    assert restored == analysis
    assert restored.sentiment == analysis.sentiment
    assert restored.findings == analysis.findings


def test_analysis_with_techniques_round_trips_through_json():
    analysis = MessageAnalysis(
        text="I'm so sorry, I'll fix it today.",
        role="agent",
        question_type="not_a_question",
        answer_style="outcome",
        techniques=frozenset({"apology", "assurance"}),
    )
    assert MessageAnalysis.model_validate_json(analysis.model_dump_json()) == analysis


def test_conversation_with_timestamps_round_trips_through_json():
    sent = datetime(2024, 3, 5, 14, 30, tzinfo=timezone.utc)
    conversation = Conversation(turns=(Message(role="customer", text="Hi?", timestamp=sent),), metadata={"team": "b"})
    assert Conversation.model_validate_json(conversation.model_dump_json()) == conversation


CONTRACT_FIELDS = {
    MessageAnalysis: {
        "text", "role", "sentiment", "question_type", "answer_style", "techniques", "escalation_risk", "findings",
    },
    SentimentResult: {"label", "score", "intensity", "sentences"},
    SentenceSentiment: {"start", "end", "text", "label", "score", "evidence"},
    Finding: {"label", "start", "end", "text", "score", "evidence"},
    Evidence: {"start", "end", "text", "rule", "weight", "detail"},
    Message: {"role", "text"},
    Conversation: {"turns"},
}


@pytest.mark.parametrize("model", CONTRACT_FIELDS, ids=lambda model: model.__name__)
def test_json_schema_lists_the_contract_fields(model):
    schema = model.model_json_schema()
    json.dumps(schema)  # the schema itself is plain JSON
    assert schema["type"] == "object"
    assert CONTRACT_FIELDS[model] <= set(schema["properties"])
    assert schema.get("additionalProperties") is False


def test_message_analysis_schema_constrains_enumerations():
    text = json.dumps(MessageAnalysis.model_json_schema())
    for value in ("customer", "agent", "outcome_question", "process_question", "not_a_question",
                  "outcome", "process", "mixed", "negative", "neutral", "positive"):
        assert f'"{value}"' in text


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (SentimentResult, {"label": "negative", "score": -1.01, "intensity": 1, "backend": "support"}),
        (SentimentResult, {"label": "positive", "score": 1.5, "intensity": 1, "backend": "support"}),
        (SentenceSentiment, {"start": 0, "end": 1, "text": "x", "label": "neutral", "score": 2.0}),
        (SentimentResult, {"label": "neutral", "score": 0.0, "intensity": 4, "backend": "support"}),
        (SentimentResult, {"label": "neutral", "score": 0.0, "intensity": -1, "backend": "support"}),
        (SentimentResult, {"label": "neutral", "score": 0.0, "intensity": 0, "backend": "x", "subjectivity": 1.2}),
        (SentimentResult, {"label": "angry", "score": 0.0, "intensity": 0, "backend": "support"}),
        (Evidence, {"start": 5, "end": 4, "text": "", "rule": "lexicon"}),
        (Evidence, {"start": -1, "end": 4, "text": "abcde", "rule": "lexicon"}),
        (Finding, {"start": 9, "end": 2, "text": "", "label": "x", "score": 0.0, "analyzer": "a"}),
        (SentenceSentiment, {"start": 3, "end": 0, "text": "", "label": "neutral", "score": 0.0}),
        (Message, {"role": "bot", "text": "hello"}),
        (Message, {"role": "customer"}),
        (MessageAnalysis, {"text": "hi", "role": "supervisor"}),
        (MessageAnalysis, {"text": "hi", "role": "agent", "question_type": "rhetorical"}),
    ],
    ids=[
        "score-below-minus-1", "score-above-1", "sentence-score-above-1", "intensity-4", "intensity-negative",
        "subjectivity-above-1", "unknown-label", "evidence-end-before-start", "negative-start",
        "finding-end-before-start", "sentence-end-before-start", "message-unknown-role", "message-no-text",
        "analysis-unknown-role", "unknown-question-type",
    ],
)
def test_invalid_values_are_rejected(model, data):
    with pytest.raises(ValidationError):
        model.model_validate(data)


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (SentimentResult, {"label": "negative", "score": -1.0, "intensity": 3, "backend": "support"}),
        (SentimentResult, {"label": "positive", "score": 1.0, "intensity": 0, "backend": "support"}),
        (Evidence, {"start": 4, "end": 4, "text": "", "rule": "lexicon"}),
        (Message, {"role": "agent", "text": ""}),
    ],
    ids=["bounds-low", "bounds-high", "empty-span", "empty-agent-message"],
)
def test_boundary_values_are_accepted(model, data):
    assert model.model_validate(data).model_dump(include=set(data)) == data


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ((), "text"),
        (("sentiment",), "label"),
        (("sentiment", "sentences", 0), "score"),
        (("findings", 0), "label"),
        (("findings", 0, "evidence", 0), "rule"),
    ],
    ids=["analysis", "sentiment", "sentence", "finding", "evidence"],
)
def test_results_from_analyze_are_frozen(path, field):
    target = cxcoach.analyze("They lost my luggage and nobody answers.")
    for step in path:
        target = target[step] if isinstance(step, int) else getattr(target, step)
    before = getattr(target, field)
    with pytest.raises(ValidationError):
        setattr(target, field, "changed")
    assert getattr(target, field) == before


@pytest.mark.parametrize(
    "text",
    ["Great, another two hours on hold!! 😡😡 Thanks for nothing.", "No problem at all, thanks!", ""],
    ids=["negative", "positive", "empty"],
)
def test_results_from_analyze_behave_like_validated_models(text):
    # Results are assembled without validation for speed; users must not be able to tell.
    analysis = cxcoach.analyze(text)
    validated = MessageAnalysis.model_validate(analysis.model_dump())
    assert analysis == validated and validated == analysis
    assert analysis.model_dump_json() == validated.model_dump_json()
    assert hash(analysis) == hash(validated)
    assert pickle.loads(pickle.dumps(analysis)) == analysis
    assert copy.deepcopy(analysis) == analysis
    assert analysis.model_copy(update={"role": "agent"}).role == "agent"
    assert repr(analysis) == repr(validated)
