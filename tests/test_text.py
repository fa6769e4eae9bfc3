"""The text layer: tokens and sentences of support text, with offsets that always point at the original."""

from __future__ import annotations

import re
from typing import get_args

import pytest

import cxcoach.text as text_module
from cxcoach.errors import InputTypeError, InputValueError
from cxcoach.text import Doc, Sentence, TokenKind, tokenize

KINDS = frozenset(get_args(TokenKind))


def _token(doc: Doc, expected: str | re.Pattern[str]):
    """The first token whose text is ``expected`` (or fully matches it, for a pattern), else None."""
    for token in doc.tokens:
        if (expected.fullmatch(token.text) if isinstance(expected, re.Pattern) else token.text == expected):
            return token
    return None


TOKEN_CASES = [
    # URLs, e-mail addresses, handles and hashtags stay whole; a sentence's final period is not part of a URL.
    ("Visit https://example.com/help?id=3 now", "https://example.com/help?id=3", "url"),
    ("See https://example.com/faq. Then retry.", "https://example.com/faq", "url"),
    ("Go to www.example.org, then log in", "www.example.org", "url"),
    # a bare domain with a known top-level domain is a web address too
    ("Is it shop.mill-lane-bakery.co.uk or not?", "shop.mill-lane-bakery.co.uk", "url"),
    ("Prices are at flixora.example/plans.", "flixora.example/plans", "url"),
    ("Write to joe.b@example.com today", "joe.b@example.com", "email"),
    ("Ping @acme_help please", "@acme_help", "handle"),
    ("Loving #FlyBetter today", "#FlyBetter", "hashtag"),
    # Order numbers and other codes.
    ("Order #12345 is late", "#12345", "code"),
    ("Ticket ORD-5521 is still open", "ORD-5521", "code"),
    ("Reference #A-1123 failed", "#A-1123", "code"),
    # Prices.
    ("It cost $129 and nobody cares", "$129", "money"),
    ("It cost €20 there", "€20", "money"),
    ("That's 20 USD extra", "20 USD", "money"),
    ("I paid $1,299.99 in total", "$1,299.99", "money"),
    ("Only £5 off", "£5", "money"),
    ("It was $129, please refund it", "$129", "money"),  # the comma is punctuation, not part of the price
    ("Refund $1,299, not $1,200", "$1,299", "money"),
    # Times and ranges.
    ("Call me at 3pm tomorrow", "3pm", "time"),
    ("Call me at 10:30 sharp", "10:30", "time"),
    ("We open from 10 a.m. daily", re.compile(r"10 a\.m\.?"), "time"),
    ("Delivery takes 2-3 days", "2-3", "number"),
    ("Delivery takes 3–5 days", "3–5", "number"),
    ("Prices rose 20% overnight", "20%", "number"),
    # Contractions (straight and curly apostrophes) and hyphenated words.
    ("I can't log in", "can't", "word"),
    ("it’s broken again", "it’s", "word"),
    ("we're done here", "we're", "word"),
    ("a follow-up call", "follow-up", "word"),
    # Runs of ! and ? are one token; ALL CAPS words are words.
    ("Why?! Nobody answered", "?!", "punct"),
    ("Hello!!! Anyone there", "!!!", "punct"),
    ("Seriously???", "???", "punct"),
    ("This is NOT OK", "NOT", "word"),
    ("THIS IS RIDICULOUS", "RIDICULOUS", "word"),
    # Abbreviations.
    ("Use a card, e.g. Visa", "e.g.", "abbreviation"),
    ("I mean, i.e. tomorrow", "i.e.", "abbreviation"),
    # Emoji: skin tones, ZWJ sequences, flags and variation selectors are one token each.
    ("Thanks 👍🏽 mate", "👍🏽", "emoji"),
    ("Family 👨‍👩‍👧 trip", "👨‍👩‍👧", "emoji"),
    ("Coder 👩🏽‍💻 here", "👩🏽‍💻", "emoji"),
    ("Greetings from 🇬🇧 today", "🇬🇧", "emoji"),
    ("Love ❤️ it", "❤️", "emoji"),
    ("So angry 😡", "😡", "emoji"),
    ("Press 1️⃣ to continue", "1️⃣", "emoji"),  # keycap: digit + U+FE0F + U+20E3
    # Emoticons.
    ("Not again :-( really", ":-(", "emoticon"),
    ("Thanks :) bye", ":)", "emoticon"),
    ("Fixed it :D yes", ":D", "emoticon"),
    ("You rock <3 team", "<3", "emoticon"),
    ("Thanks ;) see you", ";)", "emoticon"),
    ("Sure ;-) no worries", ";-)", "emoticon"),
    ("Hmm ;; not sure", ";", "punct"),
    # An HTML entity left in scraped text is one symbol.
    ("Fish &amp; chips", "&amp;", "symbol"),
]


@pytest.mark.parametrize(("text", "expected", "kind"), TOKEN_CASES, ids=[case[1] if isinstance(case[1], str)
                                                                         else case[1].pattern for case in TOKEN_CASES])
def test_support_text_tokens(text, expected, kind):
    doc = Doc(text)
    token = _token(doc, expected)
    assert token is not None, [t.text for t in doc.tokens]
    assert token.kind == kind
    assert doc.text[token.start : token.end] == token.text


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # plain words are cut at spaces; a price or a time may still span one
        ("It's $ 129, due at 3 pm today.", ["It's", "$ 129", ",", "due", "at", "3 pm", "today", "."]),
        ("Refund  of 20 USD:\tsent!\nThanks", ["Refund", "of", "20 USD", ":", "sent", "!", "Thanks"]),
        (
            "ok. e.g. Mr. Lee's order ORD-5521, right?",
            ["ok", ".", "e.g.", "Mr", ".", "Lee's", "order", "ORD-5521", ",", "right", "?"],
        ),
    ],
)
def test_every_token_of_a_message_with_plain_words_and_tokens_across_a_space(text, tokens):
    doc = Doc(text)
    assert [token.text for token in doc.tokens] == tokens
    assert all(text[token.start : token.end] == token.text for token in doc.tokens)


def test_documented_example_tokens_and_sentences():
    doc = Doc("Mr. Lee was charged $129 twice on Jan. 5!!! Order #A-1123 :(")
    assert [t.text for t in doc.tokens][:6] == ["Mr", ".", "Lee", "was", "charged", "$129"]
    assert [doc.text[s.start : s.end] for s in doc.sentences] == [
        "Mr. Lee was charged $129 twice on Jan. 5!!!",
        "Order #A-1123 :(",
    ]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Mr. Lee called. He was upset.", ["Mr. Lee called.", "He was upset."]),
        ("Dr. Patel signed the form.", ["Dr. Patel signed the form."]),
        ("It shipped on Jan. 5 and arrived late.", ["It shipped on Jan. 5 and arrived late."]),
        ("Use a card, e.g. Visa, to pay. Then wait.", ["Use a card, e.g. Visa, to pay.", "Then wait."]),
        ("See https://example.com/faq. Then retry.", ["See https://example.com/faq.", "Then retry."]),
        (
            "Just to confirm, that's cedarcrafts.co.uk and tidewell.org? Yes.",
            ["Just to confirm, that's cedarcrafts.co.uk and tidewell.org?", "Yes."],
        ),
        ("I waited.then it failed.", ["I waited.", "then it failed."]),  # a missing space is no domain
        ("I paid $129. Where is it?", ["I paid $129.", "Where is it?"]),
        ("Why?! Nobody told me!!!", ["Why?!", "Nobody told me!!!"]),
        ("Call at 10 a.m. tomorrow please.", ["Call at 10 a.m. tomorrow please."]),
        ("We open at 10 a.m. Come early.", ["We open at 10 a.m.", "Come early."]),
        ("Still waiting!! 😡😡 This is absurd.", ["Still waiting!! 😡😡", "This is absurd."]),
        ("Fixed, thanks. :) Bye now.", ["Fixed, thanks. :)", "Bye now."]),
        ('He said "no!" Then he left.', ['He said "no!"', "Then he left."]),
        ("Wait... what happened?", ["Wait... what happened?"]),
        ("I waited... Then I gave up.", ["I waited...", "Then I gave up."]),
        ("It works (finally!) so thanks.", ["It works (finally!) so thanks."]),
        ("Order ORD-5521 costs 20 USD. It's late.", ["Order ORD-5521 costs 20 USD.", "It's late."]),
        ("Hi\nMy order is late\nCan you help?", ["Hi", "My order is late", "Can you help?"]),
        ("Agent: Hello\r\nCustomer: Hi there", ["Agent: Hello", "Customer: Hi there"]),
        ("I ordered a phone\nand it never came", ["I ordered a phone\nand it never came"]),
        ("Hello!\n\nAnyone?", ["Hello!", "Anyone?"]),
        ("", []),
        ("   \n\t ", []),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_sentence_splitting(text, sentences):
    doc = Doc(text)
    assert [doc.text[s.start : s.end] for s in doc.sentences] == sentences


OFFSET_TEXTS = [
    "Mr. Lee was charged $129 twice on Jan. 5!!! Order #A-1123 :(",
    "e.g. call @acme_help or see https://example.com/a_b?x=1&y=2 #fail",
    "THANKS FOR NOTHING!!! 😡😡 👍🏽👨‍👩‍👧🇯🇵 :-( <3 ;)",
    "Refund of €20 (20 USD) due 10 a.m., 3pm or 10:30; 2-3 days, ORD-5521.",
    "I can’t believe it’s “fixed”… really?!",
    "line one\nline two\r\nline three\n\n  indented",
    "naïve café — déjà vu; 訂單還沒到！ Ünïcödé",
    "\x00\x1f\u202e\ufeff\x7f\u200b control",
    "lone \ud800 and \udfff surrogates",
    "a.a.a.a.a. !!!??? @@@ ### $$$ ... …",
    "",
]


@pytest.mark.parametrize("text", OFFSET_TEXTS)
def test_token_offsets_point_at_the_text(text):
    doc = Doc(text)
    previous_end = 0
    for token in doc.tokens:
        assert doc.text[token.start : token.end] == token.text
        assert token.start >= previous_end and token.end > token.start
        assert not token.text.isspace()
        assert token.norm == token.text.lower().replace("’", "'")
        assert token.kind in KINDS
        previous_end = token.end
    # Nothing but whitespace is left out.
    assert re.sub(r"\s", "", "".join(t.text for t in doc.tokens)) == re.sub(r"\s", "", doc.text)


@pytest.mark.parametrize("text", OFFSET_TEXTS)
def test_sentences_partition_the_tokens(text):
    doc = Doc(text)
    expected_first = 0
    for sentence in doc.sentences:
        assert sentence.first == expected_first and sentence.last > sentence.first
        tokens = doc.sentence_tokens(sentence)
        assert (sentence.start, sentence.end) == (tokens[0].start, tokens[-1].end)
        expected_first = sentence.last
    assert expected_first == len(doc.tokens)


@pytest.mark.parametrize(
    ("text", "norms"),
    [
        ("Don’t CANCEL it", ["don't", "cancel", "it"]),
        ("We’re ON HOLD", ["we're", "on", "hold"]),
        ("I can't", ["i", "can't"]),
    ],
)
def test_norm_is_lower_case_with_plain_apostrophes(text, norms):
    assert [token.norm for token in Doc(text).tokens] == norms


@pytest.mark.parametrize(
    ("text", "norms"),
    [
        ("Wh-what did he say", ["what", "did", "he", "say"]),
        ("I-I think a-a-about it", ["i", "think", "about", "it"]),
        # real hyphenated words keep their form
        ("so-so e-mail re-read follow-up", ["so-so", "e-mail", "re-read", "follow-up"]),
    ],
)
def test_norm_reads_a_spoken_false_start_as_its_word(text, norms):
    doc = Doc(text)
    assert [token.norm for token in doc.tokens] == norms
    assert doc.tokens[0].text == text.split()[0]  # the text and offsets are the original's


def test_token_kinds_cover_the_documented_set():
    text = (
        "Hi Mr. Lee 42 $129 3pm #12345 https://example.com joe@example.com @acme #fail :) 😡 e.g. ! _"
    )
    assert {token.kind for token in tokenize(text)} == KINDS


def test_tokens_are_computed_once(monkeypatch):
    calls = []
    real = text_module.tokenize
    monkeypatch.setattr(text_module, "tokenize", lambda text: calls.append(text) or real(text))
    doc = Doc("Still waiting. Third time calling.")
    first = doc.tokens
    assert doc.tokens is first
    doc.sentences
    assert calls == ["Still waiting. Third time calling."]


def test_sentences_are_computed_lazily_and_once(monkeypatch):
    calls = []
    real = text_module.split_sentences
    monkeypatch.setattr(text_module, "split_sentences", lambda text, tokens: calls.append(text) or real(text, tokens))
    doc = Doc("Still waiting. Third time calling.")
    doc.tokens
    assert calls == []
    first = doc.sentences
    assert doc.sentences is first
    assert len(calls) == 1 and len(first) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\ud800", "\ufffd"),
        ("ab\udfffcd", "ab\ufffdcd"),
        ("\ud83d\ude21 two halves", "\ufffd\ufffd two halves"),
        ("x\udc00\ud800y", "x\ufffd\ufffdy"),
    ],
    ids=["alone", "inside", "halves-of-a-pair", "reversed-pair"],
)
def test_lone_surrogates_are_replaced_keeping_offsets(text, expected):
    doc = Doc(text, context=text)
    assert doc.text == expected
    assert len(doc.text) == len(text)
    assert doc.context == expected
    doc.text.encode("utf-8")  # now encodable
    for token in doc.tokens:
        assert doc.text[token.start : token.end] == token.text


@pytest.mark.parametrize("text", ["\x00", "\x1f\x1e", "\u202eevil", "\ufeffBOM start", "tab\tbell\x07", "\x7f\x85"])
def test_control_characters_do_not_crash(text):
    doc = Doc(text)
    assert doc.text == text
    for token in doc.tokens:
        assert doc.text[token.start : token.end] == token.text
    assert all(0 <= s.start <= s.end <= len(text) for s in doc.sentences)


@pytest.mark.parametrize("value", [None, 42, 4.2, b"bytes", ["x"], {"text": "x"}], ids=repr)
def test_doc_rejects_non_str_text(value):
    with pytest.raises(InputTypeError, match=r"^text must be a str"):
        Doc(value)


@pytest.mark.parametrize("value", [42, b"bytes", ["x"]], ids=repr)
def test_doc_rejects_non_str_context(value):
    with pytest.raises(InputTypeError, match=r"^context must be a str"):
        Doc("Thanks!", role="agent", context=value)


@pytest.mark.parametrize("role", ["bot", "Customer", "", None, 1])
def test_doc_rejects_unknown_roles(role):
    with pytest.raises(InputValueError, match="'customer', 'agent'"):
        Doc("Hello", role=role)


@pytest.mark.parametrize("role", ["customer", "agent"])
def test_doc_keeps_role_and_context(role):
    doc = Doc("It arrived, thanks.", role=role, context="Where is my parcel?")
    assert (doc.role, doc.context) == (role, "Where is my parcel?")


def test_an_analysed_doc_can_be_the_context_and_is_reused():
    customer = Doc("When will my refund arrive?")
    customer.question_type = "outcome_question"
    reply = Doc("It is on its way.", role="agent", context=customer)
    assert reply.context == customer.text
    assert reply.context_doc is customer


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Is that the account ending 4421?", True),
        ("Could you check again?!", True),
        ("Does Friday work for you? 🙂", True),
        ("It's ready, right?)", True),
        ("We'll call you at 3pm.", False),
        ("Visit example.com/help?topic=refunds for details", False),  # a "?" inside a URL asks nothing
    ],
)
def test_asks_reads_a_question_mark_at_the_end_of_a_sentence(text, expected):
    doc = Doc(text)
    assert text_module.asks(doc.sentence_tokens(doc.sentences[-1])) is expected


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("Go out through exit B. The driver waits outside.", ["Go out through exit B.", "The driver waits outside."]),
        ("We went with plan B. It worked.", ["We went with plan B.", "It worked."]),
        ("Ask for J. Smith at the desk.", ["Ask for J. Smith at the desk."]),
        ("Signed by A. N. Other.", ["Signed by A. N. Other."]),
    ],
)
def test_an_initial_ends_a_sentence_only_before_a_word_that_starts_one(text, sentences):
    doc = Doc(text)
    assert [text[s.start : s.end] for s in doc.sentences] == sentences


def test_a_part_of_a_sentence_gets_its_own_words():
    doc = Doc("We'll fix it today; does that suit you?")
    (sentence,) = doc.sentences
    assert doc.sentence_words(sentence)[1] == ["we'll", "fix", "it", "today", "does", "that", "suit", "you"]
    part = Sentence(sentence.start, doc.tokens[3].end, sentence.first, 4)  # "We'll fix it today", same first token
    assert doc.sentence_words(part) == ([0, 1, 2, 3], ["we'll", "fix", "it", "today"])
