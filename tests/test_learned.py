"""Learned word weights for techniques: the data file, the scoring, and how they join the phrase rules."""

from __future__ import annotations

import pytest

from cxcoach.errors import ResourceError
from cxcoach.learned import LearnedTechniques, sentence_features
from cxcoach.models import TECHNIQUES
from cxcoach.resources import WordWeights, load_word_weights
from cxcoach.techniques import TechniqueAnalyzer
from cxcoach.text import Doc


def _weights(bias: dict[str, float], weights: dict[str, dict[str, float]], threshold: float = 0.5) -> WordWeights:
    return WordWeights(threshold=threshold, bias=bias, weights=weights)


# "cheer" (the stem of "Cheers") alone carries gratitude: the rules know "cheers" too, so these tests
# use words no phrase pack holds
BANANAS = _weights({"gratitude": -2.0}, {"banana": {"gratitude": 3.0}})


def _analyze(text: str, learned: WordWeights | bool, context: str | None = None) -> tuple[Doc, list]:
    doc = Doc(text, role="agent", context=context)
    findings = list(TechniqueAnalyzer(learned=learned).analyze(doc))
    return doc, findings


def test_the_builtin_weights_load_and_name_known_labels():
    weights = load_word_weights()
    assert 0.0 < weights.threshold < 1.0
    assert set(weights.bias) <= set(TECHNIQUES)
    # mirroring needs the customer's words: the weights never claim it
    assert "mirroring" not in weights.bias
    assert weights.weights, "the built-in file holds no weights"


def test_a_file_with_an_unknown_label_is_a_resource_error(tmp_path):
    path = tmp_path / "weights.toml"
    path.write_text('threshold = 0.5\n[bias]\nempathy = -1.0\n[weights]\n"sorry" = { empathy = 1.0 }\n')
    with pytest.raises(ResourceError, match="unknown labels .*TECHNIQUES"):
        load_word_weights(path)


def test_a_label_with_weights_but_no_bias_is_a_resource_error(tmp_path):
    path = tmp_path / "weights.toml"
    path.write_text('threshold = 0.5\n[bias]\nvalidation = -1.0\n[weights]\n"fair" = { labeling = 1.0 }\n')
    with pytest.raises(ResourceError, match="no bias"):
        load_word_weights(path)


def test_a_logit_is_the_bias_plus_the_weights_of_the_features_present():
    weights = _weights({"gratitude": -2.0, "apology": -1.0}, {"banana": {"gratitude": 3.0}, "?": {"apology": 0.5}})
    doc = Doc("Bananas, bananas?", role="agent")
    logits = LearnedTechniques(weights).logits(doc.sentence_tokens(doc.sentences[0]))
    # a feature counts once however often it occurs, as in training
    assert logits == pytest.approx({"gratitude": 1.0, "apology": -0.5})


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_a_weight_that_is_not_a_finite_number_is_a_resource_error(tmp_path, value):
    path = tmp_path / "weights.toml"
    path.write_text(f'threshold = 0.5\n[bias]\ngratitude = -1.0\n[weights]\n"thank" = {{ gratitude = {value} }}\n')
    with pytest.raises(ResourceError, match="finite"):
        load_word_weights(path)


def test_features_are_stems_pairs_the_first_word_and_marks():
    doc = Doc("Thanks for waiting 2 days?", role="agent")
    features = sentence_features(doc.sentence_tokens(doc.sentences[0]))
    assert {"^thank", "thank", "thank for", "wait", "for wait", "day", "#", "?"} <= set(features)
    # a pair joins neighbouring words: the figure between "waiting" and "days" does not break it
    assert "wait day" in features


def test_a_learned_technique_is_a_finding_with_the_words_that_weighed_as_evidence():
    text = "Lovely bananas, those."
    doc, findings = _analyze(text, BANANAS)
    assert doc.techniques == frozenset({"gratitude"})
    (finding,) = findings
    assert finding.label == "gratitude"
    assert 0.5 <= finding.score < 1.0  # the model's probability: rule findings score 1.0
    (evidence,) = finding.evidence
    assert evidence.rule == "learned_weight"
    assert text[evidence.start : evidence.end] == evidence.text == "bananas"
    assert evidence.weight == pytest.approx(3.0)


def test_learned_false_keeps_the_phrase_rules_alone():
    doc, findings = _analyze("Lovely bananas, those.", learned=False)
    assert doc.techniques == frozenset()
    assert findings == []


def test_below_the_threshold_nothing_is_added():
    weights = _weights({"gratitude": -2.0}, {"banana": {"gratitude": 3.0}}, threshold=0.9)
    doc, _ = _analyze("Lovely bananas, those.", weights)
    assert doc.techniques == frozenset()


def test_a_label_the_rules_found_is_not_added_again():
    text = "Thank you for your patience. Lovely bananas, those."
    doc, findings = _analyze(text, BANANAS)
    assert [finding.label for finding in findings] == ["gratitude"]
    assert findings[0].score == 1.0  # the rule's finding


def test_the_weights_do_not_add_a_technique_where_the_rules_found_an_anti_pattern():
    weights = _weights({"validation": -2.0}, {"upset": {"validation": 4.0}})
    doc, _ = _analyze("I don't understand why you're upset.", weights)
    assert "dismissive" in doc.techniques
    assert "validation" not in doc.techniques


def test_the_weights_do_not_add_an_anti_pattern_where_the_rules_found_a_technique():
    weights = _weights({"blaming": -2.0}, {"bill": {"blaming": 4.0}})
    doc, _ = _analyze("I'm so sorry about the bill.", weights)
    assert "apology" in doc.techniques
    assert "blaming" not in doc.techniques


@pytest.mark.parametrize(
    "label, feature, blocked, allowed",
    [
        # "you must be signed" is a look-alike of labeling: the rules read an instruction there
        ("blaming", "bill", "You must be signed in to see your bills.", "Your bills are on the portal."),
        # blame must name the customer
        ("blaming", "bill", "Our bills look different now.", "Your bills look different now."),
        # the weights read words: a sentence of marks and figures holds none
        ("confirmation", "?", "?? 42?", "Bananas?"),
        # "..., okay?" tells the customer; it checks nothing
        ("confirmation", "?", "I've refunded the £40 to your card, okay?", "I've refunded the £40 to your card?"),
    ],
    ids=["look-alike", "blame-names-the-customer", "no-words", "telling-tag"],
)
def test_the_weights_add_nothing_where_structure_decides(label, feature, blocked, allowed):
    weights = _weights({label: -2.0}, {feature: {label: 4.0}})
    doc, _ = _analyze(blocked, weights)
    assert doc.techniques == frozenset()
    doc, _ = _analyze(allowed, weights)
    assert doc.techniques == frozenset({label})


def test_a_reflecting_cue_leaves_mirroring_labeling_and_validation_to_the_rules():
    weights = _weights({"labeling": -2.0}, {"boiler": {"labeling": 4.0}})
    context = "The boiler in my flat has stopped working."
    doc, _ = _analyze("It sounds like the boiler in your flat has stopped working.", weights, context=context)
    assert doc.techniques == frozenset({"mirroring"})


def test_customer_messages_get_no_learned_techniques():
    doc = Doc("Lovely bananas, those.", role="customer")
    assert TechniqueAnalyzer(learned=BANANAS).analyze(doc) == ()
    assert doc.techniques is None


def test_the_builtin_weights_find_a_phrasing_the_rules_do_not_hold():
    # no auditing cue of the pack is here ("came across as" is not one): the weights learned that an
    # agent saying how their own message "came across" audits how they sound
    text = "I realise my last message came across as a bit robotic."
    doc, _ = _analyze(text, learned=False)
    assert doc.techniques == frozenset()
    doc, findings = _analyze(text, learned=True)
    assert doc.techniques == frozenset({"auditing"})
    evidence = findings[0].evidence
    assert evidence
    assert all(item.rule == "learned_weight" and text[item.start : item.end] == item.text for item in evidence)
    assert any("across" in item.text for item in evidence)
