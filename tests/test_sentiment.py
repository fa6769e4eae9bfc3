"""Customer sentiment: the support backend's behaviour on support text (issue 2, PLAYBOOK section 3),
the vader and textblob backends, evidence that points at the words, and user lexicon files."""

from __future__ import annotations

import re

import pytest

import cxcoach
from cxcoach import MessageAnalysis, Pipeline, SentenceSentiment, SentimentAnalyzer, SentimentResult
from cxcoach.errors import InputTypeError, ResourceError, UnknownAnalyzerError
from cxcoach.resources import SentimentLexicon, load_lexicon
from cxcoach.sentiment import SupportBackend

# --- The support backend on support text ------------------------------------------------------------------

NEGATION_TRAPS = [
    "No problem at all, thanks!",
    "No complaints here.",
    "Not bad, actually.",
    "No worries, it can wait until Monday.",
]
POLITENESS = [
    "Kindly send me the invoice.",
    "Please reset my password.",
    "Please help me change my delivery address.",
    "Could you kindly check my order status, please?",
]
SUPPORT_NEGATIVE = [
    "Second courier no-show this week.",
    "I waited in all day for nothing.",
    "The app worked well right up until it wasn't.",
    "Still waiting for my refund.",
    "I've been on hold for an hour.",
    "You charged me twice this month.",
    "My flight was cancelled.",
    "Third time calling about this.",
    "Cancel my account.",
    "Refund not received yet.",
    "They lost my luggage.",
    "Thanks for nothing.",
    "My train was delayed again and I missed the connection.",
    "Right. Thank you. I do wish someone had just told me that in March.",
    "It would have been nice to know that before I paid.",
    "Fine, do that. I still want a proper answer.",
    # disappointment with no plainly negative word
    "I expected better from you.",
    "Well, that's not what I wanted to hear.",
    "That's a real let-down.",
    "I'll think twice before ordering again.",
    "Thanks. Pretty poor show overall though.",
    "I'm less than thrilled.",
    "Hardly ideal.",
    "I won't hold my breath.",
    "Feels like I'm talking to a wall.",
    "It wasn't quite the trip we'd planned.",
    "Not one word from your team since Monday.",
    "My claim is now in its third week running.",
    "Cheers for nothing.",
    "I'd hoped it would be fixed by now.",
    "love that for me",
    "I suppose I'd pictured someone coming a bit sooner than that, but there we are.",
    "We'd imagined a room with a view. But there you go.",
    # a hope for something the answer was not, and a wish the order was for
    "We had hoped for something more than a form letter.",
    "I hoped you would be more flexible about the date.",
    "She had her heart set on the green sofa.",
]
# Look-alikes of regret and of an answer still owed: good wishes and praise.
NOT_REGRET = [
    "I wish you a lovely weekend!",
    "Best wishes to the whole team.",
    "Thanks for the straight answer, much appreciated.",
]
SARCASM = [
    "Great, another two hours on hold.",
    "Love how my bag is lost again.",
]
PLAIN = [
    ("Thank you so much, the agent was wonderful!", "positive"),
    ("The new app is fantastic and really easy to use.", "positive"),
    ("I couldn't be happier with the fix.", "positive"),
    ("done ⭐⭐⭐⭐⭐", "positive"),
    ("Five stars from me!", "positive"),
    ("Sorry for snapping earlier, it's been a long week.", "neutral"),
    ("Oh never mind, it works now. Thanks!", "positive"),
    ("The code was in my spam folder.", "neutral"),
    ("This is terrible service.", "negative"),
    ("The app keeps crashing and I am furious.", "negative"),
    ("What time does the store open?", "neutral"),
    ("I moved to a new address last month.", "neutral"),
    ("Can I change the delivery address for my order?", "neutral"),
    ("My order number is 5521.", "neutral"),
    ("I want to update my billing details.", "neutral"),
]


@pytest.mark.parametrize("text", NEGATION_TRAPS)
def test_negation_traps_are_not_negative(text):
    assert cxcoach.analyze(text).sentiment.label != "negative"


@pytest.mark.parametrize("text", ["I couldn't be happier with the fix.", "No complaints here, great job."])
def test_negated_complaints_read_positive(text):
    assert cxcoach.analyze(text).sentiment.label == "positive"


@pytest.mark.parametrize("text", POLITENESS)
def test_politeness_is_not_sentiment(text):
    sentiment = cxcoach.analyze(text).sentiment
    assert (sentiment.label, sentiment.intensity) == ("neutral", 0)


@pytest.mark.parametrize(
    "text", ["Well, thanks.", "Right. Well, the parcel came.", "Oh well.", "right. well that's the weekend gone"]
)
def test_well_opening_a_clause_is_a_discourse_marker_not_praise(text):
    evidence = [e.text.lower() for s in cxcoach.analyze(text).sentiment.sentences for e in s.evidence]
    assert "well" not in evidence


@pytest.mark.parametrize("text", ["It works well now.", "Well done, you sorted it!"])
def test_well_as_praise_still_counts(text):
    evidence = [e.text.lower() for s in cxcoach.analyze(text).sentiment.sentences for e in s.evidence]
    assert "well" in evidence


@pytest.mark.parametrize("text", SUPPORT_NEGATIVE)
def test_support_vocabulary_is_negative(text):
    assert cxcoach.analyze(text).sentiment.label == "negative"


@pytest.mark.parametrize("text", NOT_REGRET)
def test_good_wishes_and_praise_are_not_regret(text):
    assert cxcoach.analyze(text).sentiment.label != "negative"


@pytest.mark.parametrize("text", SARCASM)
def test_sarcasm_is_negative(text):
    assert cxcoach.analyze(text).sentiment.label == "negative"


def test_sarcasm_evidence_names_the_opener():
    analysis = cxcoach.analyze("Great, another two hours on hold.")
    evidence = [e for finding in analysis.findings for e in finding.evidence]
    assert ("sarcasm", "Great") in {(e.rule, e.text) for e in evidence}
    assert all(e.weight < 0 for e in evidence if e.rule == "sarcasm")


@pytest.mark.parametrize(("text", "label"), PLAIN)
def test_plain_sentiment(text, label):
    assert cxcoach.analyze(text).sentiment.label == label


@pytest.mark.parametrize("role", ["customer", "agent"])
def test_role_is_kept(role):
    analysis = cxcoach.analyze("Sorry about the delay, it ships today.", role=role)
    assert analysis.role == role


# --- Intensity ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Could you tell me when the store opens?", "What time does your store open on Sunday?", "Is my order shipped?"],
)
def test_calm_questions_have_intensity_zero(text):
    sentiment = cxcoach.analyze(text).sentiment
    assert sentiment.intensity == 0
    assert sentiment.evidence == ()


def test_shouting_is_more_intense_than_mild_annoyance():
    furious = cxcoach.analyze("THIS IS RIDICULOUS!!! 😡😡").sentiment
    mild = cxcoach.analyze("This is a bit annoying.").sentiment
    assert (furious.label, furious.intensity) == ("negative", 3)
    assert mild.label == "negative"
    assert furious.intensity > mild.intensity


@pytest.mark.parametrize(
    ("text", "rule", "cue"),
    [
        ("WHY IS MY ORDER STILL MISSING", "shouting", "WHY IS MY ORDER STILL MISSING"),
        ("Still waiting for my refund!!!", "repeated_punctuation", "!!!"),
        ("Still waiting for my refund?!?!", "repeated_punctuation", "?!?!"),
        ("Still waiting for my refund 😡😡", "emoji", "😡😡"),
        ("Your service is a joke :( :(", "emoji", ":( :("),
        ("This damn app crashed again.", "profanity", "damn"),
        ("I'm thrilled, it finally works 🎉🎉", "emoji", "🎉🎉"),
    ],
)
def test_intensity_cues_are_evidence(text, rule, cue):
    analysis = cxcoach.analyze(text)
    sentiment = analysis.sentiment
    assert sentiment.label != "neutral"
    assert sentiment.intensity >= 2
    matches = [e for e in sentiment.evidence if e.rule == rule]
    assert matches, sentiment.evidence
    assert matches[0].text == cue == analysis.text[matches[0].start : matches[0].end]


@pytest.mark.parametrize("text", ["This is a bit annoying.", "The agent was friendly.", "I am not happy with it."])
def test_calm_text_has_no_intensity_cues(text):
    sentiment = cxcoach.analyze(text).sentiment
    assert sentiment.evidence == ()
    assert sentiment.intensity <= 2


def test_capitals_need_more_than_short_words():
    # "OK", "DM" and "I" are not shouting.
    sentiment = cxcoach.analyze("OK I will DM you, thanks for the great help").sentiment
    assert "shouting" not in {e.rule for e in sentiment.evidence}


# --- Evidence and findings ----------------------------------------------------------------------------------

EVIDENCE_TEXTS = [
    *NEGATION_TRAPS, *POLITENESS, *SUPPORT_NEGATIVE, *SARCASM,
    "THIS IS RIDICULOUS!!! 😡😡",
    "The agent was lovely. Still waiting for my refund though!!",
    "İstanbul office was rude. Thanks for nothing.",
    "Order #12345 ($129) never arrived :( @acme_help #fail https://example.com/t/1",
    "Not bad…\nbut the app crashes 3 times a day 🤬",
    "",
]


@pytest.mark.parametrize("text", EVIDENCE_TEXTS)
def test_every_span_points_at_the_text(text, backend_pipeline, assert_offsets):
    analysis = backend_pipeline.analyze(text)
    assert_offsets(analysis)
    starts = [(f.start, f.end) for f in analysis.findings]
    assert starts == sorted(starts)


@pytest.mark.parametrize("text", EVIDENCE_TEXTS)
def test_results_satisfy_the_model_constraints(text, backend_pipeline):
    analysis = backend_pipeline.analyze(text)
    # Results are assembled without re-validation for speed; they must still pass it.
    assert MessageAnalysis.model_validate(analysis.model_dump()) == analysis
    sentiment = analysis.sentiment
    assert (sentiment.intensity == 0) == (sentiment.label == "neutral")
    if sentiment.label == "positive":
        assert sentiment.score > 0
    if sentiment.label == "negative":
        assert sentiment.score < 0


@pytest.mark.parametrize(
    ("text", "words", "rules"),
    [
        ("I've been on hold for an hour.", "on hold", {"support_phrase"}),
        ("Still waiting for my refund.", "still waiting", {"support_phrase"}),
        ("My flight was cancelled.", "cancelled", {"support_lexicon", "lexicon"}),
        ("This is terrible service.", "terrible", {"lexicon", "support_lexicon"}),
        ("They lost my luggage.", "lost", {"support_phrase", "support_lexicon", "lexicon"}),
    ],
)
def test_negative_findings_name_the_words(text, words, rules):
    analysis = cxcoach.analyze(text)
    negative = [f for f in analysis.findings if f.label == "negative_sentiment"]
    assert negative, analysis.findings
    assert all(f.analyzer == "sentiment" and f.score < 0 for f in negative)
    evidence = [e for f in negative for e in f.evidence]
    assert any(words in e.text.lower() and e.rule in rules and e.weight < 0 for e in evidence), evidence


def test_positive_findings_name_the_words():
    analysis = cxcoach.analyze("No problem at all, thanks!")
    [finding] = [f for f in analysis.findings if f.label == "positive_sentiment"]
    assert any(e.text.lower() == "no problem" and e.rule == "support_phrase" for e in finding.evidence)


@pytest.mark.parametrize("text", ["What are your opening hours?", "", "Please reset my password."])
def test_neutral_messages_have_no_sentiment_findings(text):
    findings = cxcoach.analyze(text).findings
    assert not [f for f in findings if f.analyzer == "sentiment"]


def test_two_sentences_give_two_results_in_order(backend_pipeline):
    text = "The agent was lovely and helpful. Still waiting for my refund, this is awful."
    sentences = backend_pipeline.analyze(text).sentiment.sentences
    assert [s.text for s in sentences] == [
        "The agent was lovely and helpful.",
        "Still waiting for my refund, this is awful.",
    ]
    assert sentences[0].start < sentences[1].start


def test_mixed_message_labels_each_sentence():
    analysis = cxcoach.analyze("The agent was lovely and so helpful. Still waiting for my refund.")
    assert [s.label for s in analysis.sentiment.sentences] == ["positive", "negative"]
    sentiment = [f.label for f in analysis.findings if f.analyzer == "sentiment"]
    assert sentiment == ["positive_sentiment", "negative_sentiment"]


# --- Backends -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [("The crew was lovely, thank you!", "positive"), ("This is a horrible, awful experience.", "negative"),
     ("The parcel is on the table.", "neutral")],
)
def test_every_backend_reads_clear_cases(text, label, backend_pipeline):
    sentiment = backend_pipeline.analyze(text).sentiment
    assert sentiment.label == label
    assert sentiment.backend == backend_pipeline.analyzers[0].backend.name


@pytest.mark.parametrize(("name", "has_subjectivity"), [("support", False), ("vader", False), ("textblob", True)])
def test_backend_names_and_subjectivity(name, has_subjectivity, pipelines):
    sentiment = pipelines[name].analyze("The staff were very helpful, I'm happy.").sentiment
    assert sentiment.backend == name
    assert (sentiment.subjectivity is not None) == has_subjectivity
    if has_subjectivity:
        assert 0.0 < sentiment.subjectivity <= 1.0


def test_default_pipeline_uses_the_support_backend():
    assert cxcoach.analyze("Thanks!").sentiment.backend == "support"
    assert repr(SentimentAnalyzer()) == "SentimentAnalyzer(backend='support')"


def test_textblob_evidence_is_pattern_assessments():
    analysis = Pipeline([SentimentAnalyzer("textblob")]).analyze("The staff were very helpful, the food was bad.")
    evidence = [e for s in analysis.sentiment.sentences for e in s.evidence]
    assert {"pattern"} == {e.rule for e in evidence}
    assert "bad" in {e.text.lower() for e in evidence}


@pytest.mark.parametrize(
    "text",
    [
        # "İ".lower() is two characters: offsets found in a lower-cased copy would drift.
        "İİ Our staff were very helpful.",
        # "good" must be found as a word, not inside "Goodbye".
        "Goodbye, the food was good.",
        "The food was good, the staff were very helpful.",
    ],
    ids=["dotted-capital-I", "word-inside-word", "plain"],
)
def test_textblob_evidence_points_at_whole_assessed_words(text, pipelines):
    analysis = pipelines["textblob"].analyze(text)
    evidence = [e for s in analysis.sentiment.sentences for e in s.evidence]
    assert evidence
    for item in evidence:
        assert re.search(r"'([^']*)'", item.detail).group(1).split()[0] == item.text.lower().split()[0]
        before = analysis.text[item.start - 1 : item.start] if item.start else ""
        after = analysis.text[item.end : item.end + 1]
        assert not before.isalnum() and not after.isalnum(), (item, analysis.text)


def test_unknown_backend_lists_the_backends():
    with pytest.raises(UnknownAnalyzerError) as caught:
        SentimentAnalyzer("bert")
    message = str(caught.value)
    assert "'bert'" in message
    for name in ("support", "vader", "textblob"):
        assert f"'{name}'" in message
    assert isinstance(caught.value, LookupError)


@pytest.mark.parametrize("backend", [42, None, object()], ids=["int", "none", "object"])
def test_backend_must_be_a_name_or_backend(backend):
    with pytest.raises(InputTypeError, match="backend must be"):
        SentimentAnalyzer(backend)


class AlwaysPositive:
    """A user's own backend: every sentence positive."""

    name = "always_positive"

    def score(self, doc):
        sentences = tuple(
            SentenceSentiment(start=s.start, end=s.end, text=doc.text[s.start : s.end], label="positive", score=0.9)
            for s in doc.sentences
        )
        return SentimentResult(label="positive", score=0.9, intensity=2, sentences=sentences, backend=self.name)


def test_custom_backend_object():
    analysis = Pipeline([SentimentAnalyzer(AlwaysPositive())]).analyze("Still waiting. Third time calling.")
    assert analysis.sentiment.backend == "always_positive"
    assert (analysis.sentiment.label, analysis.sentiment.score) == ("positive", 0.9)
    assert [(f.label, f.text) for f in analysis.findings] == [
        ("positive_sentiment", "Still waiting."),
        ("positive_sentiment", "Third time calling."),
    ]


# --- Lexicon files ------------------------------------------------------------------------------------------

USER_LEXICON = """\
name = "acme"
profanity = ["frak"]

[words]
Zorbly = -3.0

[phrases]
"wobble mode" = -2.5
"""


@pytest.fixture
def user_lexicon(tmp_path) -> SentimentLexicon:
    path = tmp_path / "acme_lexicon.toml"
    path.write_text(USER_LEXICON, encoding="utf-8")
    return load_lexicon(path)


def _pipeline(lexicon: SentimentLexicon, extend: bool) -> Pipeline:
    return Pipeline([SentimentAnalyzer(SupportBackend(lexicon=lexicon, extend=extend))])


def test_load_lexicon_reads_a_user_file(user_lexicon):
    assert user_lexicon.name == "acme"
    assert user_lexicon.words == {"zorbly": -3.0}  # keys are matched case-insensitively
    assert user_lexicon.phrases == {"wobble mode": -2.5}
    assert user_lexicon.profanity == frozenset({"frak"})


def test_builtin_lexicon_is_the_default():
    builtin = load_lexicon()
    assert builtin.name == "support"
    assert builtin.words["delayed"] < 0
    assert "still waiting" in builtin.phrases


@pytest.mark.parametrize("extend", [True, False])
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The new update is zorbly.", "zorbly"),
        ("ZORBLY again.", "zorbly"),
        ("The app is in wobble mode again.", "wobble mode"),
    ],
)
def test_user_lexicon_entries_score(text, words, extend, user_lexicon):
    analysis = _pipeline(user_lexicon, extend).analyze(text)
    assert analysis.sentiment.label == "negative"
    evidence = [e for f in analysis.findings for e in f.evidence]
    assert any(e.text.lower() == words and e.rule.startswith("support_") for e in evidence), evidence


def test_user_lexicon_profanity_raises_intensity(user_lexicon):
    sentiment = _pipeline(user_lexicon, True).analyze("This frak app is zorbly.").sentiment
    assert "profanity" in {e.rule for e in sentiment.evidence}


@pytest.mark.parametrize(
    ("text", "label"),
    [("Still waiting for my refund.", "negative"), ("Please reset my password.", "neutral"),
     ("No problem at all, thanks!", "positive")],
)
def test_extending_keeps_the_builtin_adjustments(text, label, user_lexicon):
    assert _pipeline(user_lexicon, True).analyze(text).sentiment.label == label


def test_extending_does_not_change_the_default_pipeline(user_lexicon):
    _pipeline(user_lexicon, True)
    assert cxcoach.analyze("The new update is zorbly.").sentiment.label == "neutral"
    assert "zorbly" not in load_lexicon().words


def test_replacing_keeps_only_the_user_lexicon(user_lexicon):
    backend = SupportBackend(lexicon=user_lexicon, extend=False)
    assert backend.adjustments == user_lexicon
    assert _pipeline(user_lexicon, False).analyze("The new update is zorbly.").sentiment.label == "negative"


def _sentence_evidence(analysis: MessageAnalysis) -> set[tuple[str, str]]:
    return {(e.rule, e.text) for s in analysis.sentiment.sentences for e in s.evidence}


def test_replacing_drops_the_builtin_politeness_rule(user_lexicon):
    # "kindly" is politeness (no sentiment) in the support lexicon, praise (+2.2) in VADER's.
    text = "Kindly send me the invoice."
    builtin = _pipeline(user_lexicon, True).analyze(text)
    replaced = _pipeline(user_lexicon, False).analyze(text)
    assert builtin.sentiment.score == 0.0 and _sentence_evidence(builtin) == set()
    assert ("lexicon", "Kindly") in _sentence_evidence(replaced)
    assert replaced.sentiment.score > 0


def test_replacing_drops_the_builtin_phrases(user_lexicon):
    # "still waiting" is a support phrase; alone, neither word carries sentiment.
    text = "Still waiting for my refund."
    builtin = _pipeline(user_lexicon, True).analyze(text)
    replaced = _pipeline(user_lexicon, False).analyze(text)
    assert builtin.sentiment.label == "negative"
    assert ("support_phrase", "Still waiting") in _sentence_evidence(builtin)
    assert (replaced.sentiment.label, replaced.sentiment.score) == ("neutral", 0.0)
    assert replaced.findings == ()


def test_replacing_drops_the_builtin_profanity(user_lexicon):
    sentiment = _pipeline(user_lexicon, False).analyze("This damn app crashed, I hate it!").sentiment
    assert sentiment.label == "negative"
    assert "profanity" not in {e.rule for e in sentiment.evidence}


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        (b"[words]\nzorbly = 9.0\n", "use a value from -4 to 4"),
        (b"[phrases]\n\"on hold\" = -4.5\n", "use a value from -4 to 4"),
        (b"colour = \"blue\"\n", "colour"),
        (b"[words\nzorbly = ", "not valid UTF-8 TOML"),
        (b"profanity = 3\n", "profanity"),
        (b"[words]\nzorbly = \"bad\"\n", "zorbly"),
        (b"name = \"\xff\xfe\"\n", "not valid UTF-8 TOML"),
    ],
    ids=["word-valence-9", "phrase-valence", "unknown-key", "bad-toml", "wrong-type", "not-a-number", "not-utf8"],
)
def test_invalid_lexicon_file_names_the_file(tmp_path, content, detail):
    path = tmp_path / "broken_lexicon.toml"
    path.write_bytes(content)
    with pytest.raises(ResourceError) as caught:
        load_lexicon(path)
    assert "broken_lexicon.toml" in str(caught.value)
    assert detail in str(caught.value)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("as_str", [True, False], ids=["str", "path"])
def test_missing_lexicon_file_names_the_file(tmp_path, as_str):
    path = tmp_path / "no_such_lexicon.toml"
    with pytest.raises(ResourceError, match="no_such_lexicon.toml"):
        load_lexicon(str(path) if as_str else path)


# --- The neutral band ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["The service was good.", "Good job.", "The agent was helpful."])
def test_one_clearly_positive_word_makes_a_statement_positive(text):
    assert cxcoach.analyze(text).sentiment.label == "positive"


@pytest.mark.parametrize("text", ["Any good deals this week?", "Could you help me get a good seat please?"])
def test_a_mild_positive_word_in_a_request_is_not_praise(text):
    assert cxcoach.analyze(text).sentiment.label == "neutral"


def test_thresholds_are_configurable():
    strict = Pipeline([SentimentAnalyzer(SupportBackend(thresholds=(0.02, 0.9)))])
    assert strict.analyze("The service was good.").sentiment.label == "neutral"


@pytest.mark.parametrize(
    "text", ["I am fed up.", "My parcel arrived smashed.", "It's really not what I paid for.", "The app won't unlock the car."]
)
def test_support_complaints_without_strong_words_are_negative(text):
    assert cxcoach.analyze(text).sentiment.label == "negative"


# --- Support senses, letter formulae and durations that are not complaints ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # "no" abbreviating "number" is neither a negation nor a complaint
        "My account no. 5531208 needs a new billing address.",
        "Invoice no 88213 is attached.",
        "Ticket No. 4471 was opened yesterday.",
        # letter salutations and sign-offs are formulae, not praise
        "Dear Sir or Madam, I am writing to update my address. Yours faithfully, J. Moss",
        "Dear Ms Patel,\nPlease find my meter reading attached.\nKind regards,\nTom",
        "Best wishes, Anna",
        # support senses of words a general lexicon reads as feelings
        "When will my pay rise show on my next payslip?",
        "Could you send a lower quote for the roof?",
        "The kiosk keeps giving me a receipt in French.",
        "Please send the engagement letter to my accountant.",
        "Is the smart meter reading sent automatically?",
        # an acknowledgement is not praise
        "OK.",
        "Okay, I'll try again tomorrow.",
        # an age, a time of use and a period asked for are durations, not waits
        "The puppy is 10 weeks old.",
        "My son does about two hours of gaming each evening on it.",
        "Can we pause our meal box for three weeks?",
        # a letter's sign-off, a status quoted from a tracker, and a hedge about what is known
        "Best,\nMarco Castellano",
        "The tracker says 'in progress'.",
        "I'm not quite sure which plan I'm on.",
    ],
)
def test_support_senses_and_formulae_are_neutral(text):
    assert cxcoach.analyze(text).sentiment.label == "neutral"


@pytest.mark.parametrize(
    "text",
    [
        "No refund, no reply.",  # a real "no" still counts
        "I've been waiting for three hours.",  # a real wait still counts
        "Why have I been on hold for 40 minutes?",
        "That's not OK.",  # a negated acknowledgement complains
        "The video won't play on my laptop.",
    ],
)
def test_the_guards_leave_real_complaints_negative(text):
    assert cxcoach.analyze(text).sentiment.label == "negative"


@pytest.mark.parametrize(
    "text",
    [
        # praise beside an irony emoji is sarcasm
        "Lovely, the train is cancelled again 🙃",
        "Amazing service as usual 🙄",
        "Superb, thanks a lot 👎",
        # a set phrase of irony turns the praise of the whole message
        "Oh good, my parcel went to the wrong town again. Love that for me.",
        "Love paying for a premium plan that logs me out every hour.",
        "Great little checkout you've got there.",
        "Fabulous. Living the dream in the queue at gate 4 👏",
        "Brilliant timing, a system update on payday of all days.",
        "Love having to re-enter my card details every single week.",
        # disappointment said politely
        "I'd hoped for better from a five-star hotel.",
        "The mix-up took the shine off our anniversary.",
        "Not quite the weekend away we'd hoped for.",
        "Not quite the outcome we were hoping for.",
        "Thanks, but I'm still not happy with the repair.",
        # taking business elsewhere
        "We'll use someone else for the next delivery.",
        "I'll be cancelling my gym membership.",
        "I'm taking my business elsewhere.",
        "I'll shop somewhere else from now on.",
        "Then I'll accept the other offer.",
        # outrage, problems counted in days, worry
        "Unbelievable.",
        "Third day without broadband.",
        "This is the second time the courier missed us.",
        "I'm a little concerned about the noise from the boiler.",
    ],
)
def test_polite_disappointment_sarcasm_and_exits_are_negative(text):
    assert cxcoach.analyze(text).sentiment.label == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "👍", "Great service, thank you 👍", "Wow, that was quick, thank you!", "it works now, you guys rock",
        # "love" with what is loved, and "love how", are sincere unless a set phrase of irony says otherwise
        "Love the new seat map, thank you!", "I love how easy the new app is!", "Loving the faster checkout.",
    ],
)
def test_a_thumbs_up_and_sincere_praise_stay_positive(text):
    assert cxcoach.analyze(text).sentiment.label == "positive"


@pytest.mark.parametrize(
    "text",
    [
        "That's exactly what I hoped for, thanks!",
        "Thanks, that's just what we'd hoped for!",
        "We had hoped to collect it on Friday.",
        "Can I switch to the other offer you mentioned?",
        "It worked the second time, thank you!",
        "Can you deliver it somewhere else?",
        "I'm moving my account to the Leeds branch, what do I need to bring?",
        "Could I be rebooked with another airline?",
    ],
)
def test_words_of_hope_others_and_moving_are_not_complaints_by_themselves(text):
    assert cxcoach.analyze(text).sentiment.label != "negative"


@pytest.mark.parametrize(
    "text",
    [
        "My prescription was meant to be ready on Monday and the pharmacy keeps saying it's not in.",
        "The boiler was supposed to be fixed last week; they keep telling me to wait.",
        "Unreal. Three weeks and still no router.",
    ],
)
def test_expected_but_not_given_and_the_same_line_again_are_complaints(text):
    assert cxcoach.analyze(text).sentiment.label == "negative"


def test_a_good_thing_that_was_only_expected_counts_for_less():
    given = cxcoach.analyze("The new card is ready.").sentiment.score
    expected = cxcoach.analyze("The new card was meant to be ready.").sentiment.score
    assert expected < given


def test_a_hope_in_the_past_is_a_polite_request_not_praise():
    assert cxcoach.analyze("I was hoping you could move my appointment to Friday.").sentiment.label == "neutral"
