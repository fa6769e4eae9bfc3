"""`PhraseMatcher`: cue phrases matched on whole words, longest first, mapped back to exact spans."""

from __future__ import annotations

import pytest

from cxcoach.phrases import PhraseMatcher
from cxcoach.text import Doc


def _matches(phrases, text):
    """Each match as (phrase, the original characters it covers)."""
    doc = Doc(text)
    return [
        (phrase, text[doc.tokens[first].start : doc.tokens[last].end])
        for phrase, first, last in PhraseMatcher(phrases).find_all(doc.tokens)
    ]


def test_the_longest_phrase_wins():
    assert _matches(["how", "how do i", "how do"], "How do I reset my PIN?") == [("how do i", "How do I")]
    assert _matches(["billing", "billing team"], "Our billing team will call.") == [
        ("billing team", "billing team")
    ]


def test_the_order_of_the_phrase_list_does_not_matter():
    text = "Your case has been assigned to our billing team."
    phrases = ["assigned", "has been assigned to", "billing", "billing team"]
    assert _matches(phrases, text) == _matches(list(reversed(phrases)), text) == [
        ("has been assigned to", "has been assigned to"),
        ("billing team", "billing team"),
    ]


@pytest.mark.parametrize(
    "text",
    ["Please login again.", "Check the catalog page.", "The logs are empty.", "We blogged about it."],
)
def test_whole_words_only(text):
    assert _matches(["log"], text) == []


@pytest.mark.parametrize(
    "phrases, text",
    [
        (["sign in"], "Try to sign into the app."),
        (["run tests"], "We'll run testsuite checks."),
        (["will be"], "It will bear the cost."),
    ],
)
def test_a_phrase_never_ends_inside_a_word(phrases, text):
    assert _matches(phrases, text) == []


def test_a_whole_word_matches_anywhere_in_the_sentence():
    assert _matches(["log"], "log") == [("log", "log")]
    assert _matches(["log"], "Send me the log, please.") == [("log", "log")]
    assert _matches(["log"], "The log. Another log!") == [("log", "log"), ("log", "log")]


def test_token_indexes_map_back_to_exact_character_spans():
    text = "Hi!  Your  CASE has been ESCALATED   to a specialist; they'll be IN TOUCH soon."
    doc = Doc(text)
    found = PhraseMatcher(["escalated to", "in touch", "case"]).find_all(doc.tokens)
    assert [phrase for phrase, _, _ in found] == ["case", "escalated to", "in touch"]
    spans = [text[doc.tokens[first].start : doc.tokens[last].end] for _, first, last in found]
    assert spans == ["CASE", "ESCALATED   to", "IN TOUCH"]
    for phrase, first, last in found:
        assert first <= last
        assert doc.tokens[first].norm == phrase.split()[0]
        assert doc.tokens[last].norm == phrase.split()[-1]


def test_matches_on_a_sentence_use_indexes_into_that_sentence():
    text = "Thanks for waiting. Your refund has been approved."
    doc = Doc(text)
    second = doc.sentences[1]
    tokens = doc.sentence_tokens(second)
    ((phrase, first, last),) = PhraseMatcher(["has been approved"]).find_all(tokens)
    assert text[tokens[first].start : tokens[last].end] == "has been approved"


def test_typographic_apostrophes_and_case_are_normalised():
    assert _matches(["we'll need to"], "WE’LL NEED TO check the meter.") == [("we'll need to", "WE’LL NEED TO")]


def test_phrases_are_normalised():
    assert _matches(["  Assigned   To "], "It was assigned to Maria.") == [("assigned to", "assigned to")]


def test_punctuation_and_emoji_are_not_words():
    assert _matches(["?", "!!", "😡"], "Why?! 😡") == []


@pytest.mark.parametrize("phrases", [[], ["", "   "], ()])
def test_no_phrases_no_matches(phrases):
    matcher = PhraseMatcher(phrases)
    tokens = Doc("Anything at all can go here.").tokens
    assert matcher.find_all(tokens) == []
    assert matcher.first(tokens) is None


def test_no_words_no_matches():
    matcher = PhraseMatcher(["log"])
    assert matcher.find_all(Doc("").tokens) == []
    assert matcher.find_all(Doc("!!! ... 😡").tokens) == []


def test_first_is_the_leftmost_match():
    tokens = Doc("Once they report back, we'll escalate it.").tokens
    matcher = PhraseMatcher(["escalate", "report back", "once"])
    assert matcher.first(tokens) == matcher.find_all(tokens)[0]
    assert matcher.first(tokens)[0] == "once"


def test_a_generator_of_phrases_is_accepted():
    matcher = PhraseMatcher(phrase for phrase in ("refund", "refunded"))
    tokens = Doc("It was refunded.").tokens
    assert [phrase for phrase, _, _ in matcher.find_all(tokens)] == ["refunded"]


@pytest.mark.parametrize(
    "words, expected",
    [
        (["you", "must", "be", "exhausted"], True),  # "exhausted" starts a phrase
        (["it", "is", "so", "tired"], True),  # only the first word counts: "so tired" may follow
        (["thanks", "for", "waiting"], False),
        ([], False),
    ],
)
def test_may_match_tells_whether_any_phrase_can_start_in_the_words(words, expected):
    matcher = PhraseMatcher(["exhausted", "so tired", "fed up"])
    assert matcher.may_match(words) is expected
    if not expected:  # the quick test never hides a match
        assert matcher.find_in_words(list(range(len(words))), words) == []
