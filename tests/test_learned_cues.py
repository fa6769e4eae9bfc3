"""Learned customer-cue weights: the schema, where they may add a cue, and the evidence they give."""

from __future__ import annotations

from pathlib import Path

import pytest

import cxcoach
from cxcoach.customer_cues import CustomerCueAnalyzer
from cxcoach.errors import ResourceError
from cxcoach.resources import CUE_LABELS, CueWeights, load_cue_weights
from cxcoach.text import Doc

# every label far below the threshold, so that only the word a test gives weight to can lift one
BIAS = {label: -6.0 for label in CUE_LABELS}


def _banana(label: str) -> CueWeights:
    """Weights that find ``label`` in any sentence with "banana" in it, and nothing else."""
    return CueWeights(threshold=0.5, bias=BIAS, weights={"banana": {label: 10.0}})


def _learned(text: str, learned: CueWeights | bool) -> list:
    """The findings of the learned weights (those whose evidence is learned words) in a customer message."""
    findings = CustomerCueAnalyzer(learned=learned).analyze(Doc(text))
    return [finding for finding in findings if finding.evidence[0].rule == "learned_weight"]


def test_builtin_weights_load_with_a_bias_for_every_cue_label_but_abuse() -> None:
    weights = load_cue_weights()
    # abuse is left to the phrase rules (see benchmarks/train_customer_cues.py)
    assert set(weights.bias) == set(CUE_LABELS) - {"abuse"}
    assert 0.0 < weights.threshold < 1.0
    assert weights.weights


def test_weights_naming_an_unknown_label_are_refused_with_the_labels_to_use() -> None:
    with pytest.raises(ValueError, match="the cue labels: abuse"):
        CueWeights(threshold=0.5, bias={"rudeness": -1.0}, weights={})


def test_a_weights_file_of_the_wrong_shape_is_a_resource_error(tmp_path: Path) -> None:
    path = tmp_path / "weights.toml"
    path.write_text('threshold = 2.0\n[bias]\nabuse = -1.0\n[weights]\n', encoding="utf-8")
    with pytest.raises(ResourceError):
        load_cue_weights(path)


def test_the_weights_add_a_cue_the_phrases_miss_with_the_sentence_as_span_and_the_words_as_evidence() -> None:
    text = "Hello there. I need a banana."
    (finding,) = _learned(text, _banana("urgency"))
    assert finding.label == "urgency"
    assert text[finding.start : finding.end] == "I need a banana."
    assert 0.5 <= finding.score <= 1.0
    (evidence,) = finding.evidence
    assert text[evidence.start : evidence.end] == "banana"
    assert evidence.weight == 10.0


def test_a_cue_the_phrases_found_in_the_message_is_not_added_again() -> None:
    analyzer = CustomerCueAnalyzer(learned=_banana("urgency"))
    findings = analyzer.analyze(Doc("I need it fixed today. Banana."))
    assert [finding.label for finding in findings] == ["urgency"]
    assert findings[0].evidence[0].rule != "learned_weight"


def test_a_label_whose_phrase_the_rules_turned_down_in_the_sentence_is_left_to_them() -> None:
    # a masked swear word is an insult only when aimed at a person: the rules weighed it and said no
    assert CustomerCueAnalyzer(learned=False).analyze(Doc("This f***ing banana is a modem.")) == ()
    assert _learned("This f***ing banana is a modem.", _banana("abuse")) == []
    assert [finding.label for finding in _learned("This banana is a modem.", _banana("abuse"))] == ["abuse"]


def test_no_learned_abuse_or_threat_in_a_message_that_reads_as_positive() -> None:
    pipeline = cxcoach.Pipeline(["sentiment", CustomerCueAnalyzer(learned=_banana("threat"))])
    happy = pipeline.analyze("Thanks so much, the banana arrived early and it's lovely!")
    assert happy.sentiment is not None and happy.sentiment.label == "positive"
    assert not [finding for finding in happy.findings if finding.analyzer == "customer_cues"]
    angry = pipeline.analyze("I am furious about the banana.")
    assert angry.sentiment is not None and angry.sentiment.label != "positive"
    threats = [finding for finding in angry.findings if finding.label == "threat"]
    assert threats and threats[0].evidence[0].rule == "learned_weight"


def test_without_a_sentiment_the_weights_add_what_they_find() -> None:
    assert [finding.label for finding in _learned("Thanks so much, lovely banana!", _banana("threat"))] == ["threat"]


def test_learned_false_gives_the_phrase_rules_alone() -> None:
    assert _learned("I need a banana.", False) == []


def test_a_learned_cue_raises_the_escalation_risk() -> None:
    with_weights, alone = Doc("I want a banana."), Doc("I want a banana.")
    CustomerCueAnalyzer(learned=_banana("escalation_request")).analyze(with_weights)
    CustomerCueAnalyzer(learned=False).analyze(alone)
    assert alone.escalation_risk == 0.0
    assert with_weights.escalation_risk is not None and with_weights.escalation_risk > 0.3


def test_agent_replies_get_no_learned_cues() -> None:
    analyzer = CustomerCueAnalyzer(learned=_banana("abuse"))
    assert analyzer.analyze(Doc("You are a banana.", role="agent")) == ()


@pytest.mark.parametrize(
    "text",
    [
        "You charged me TWICE for the same transfer and nobody answers the phone!!! Fix it NOW.",
        "You sent the engineer to the wrong address.",
        "Your engineer is a star.",
        "Your team is a credit to you.",
        "Tell your driver thanks, I know he was busy.",
        "Let me know when the engineer is coming.",
        "Do you deliver to the student halls on Ashby Road?",
        "Who do I speak to about a parking permit?",
        "I'll be checking my statement on Friday.",
        "Can you tell me if Zofia ate any lunch today?",
    ],
)
def test_the_builtin_weights_find_no_abuse_or_threat_in_praise_complaints_and_plain_questions(text: str) -> None:
    labels = {finding.label for finding in _learned_in_pipeline(text)}
    assert not labels & {"abuse", "threat"}, labels


def test_the_builtin_weights_find_a_threat_the_phrases_do_not_hold() -> None:
    # pins one phrasing of the shipped file: retraining may change it (see benchmarks/train_customer_cues.py)
    text = "Tell your surveyor I know which gym he goes to."
    assert CustomerCueAnalyzer(learned=False).analyze(Doc(text)) == ()
    (finding,) = _learned_in_pipeline(text)
    assert finding.label == "threat" and finding.score < 1.0


def _learned_in_pipeline(text: str) -> list:
    """The learned findings of the default pipeline (sentiment first) in a customer message."""
    findings = cxcoach.analyze(text).findings
    return [f for f in findings if f.analyzer == "customer_cues" and f.evidence[0].rule == "learned_weight"]
