"""Customer-side cues: abuse, threats, escalation requests, repeat contact, urgency, and the escalation
risk they add up to (PLAYBOOK idea 7).

Every sentence here was written for these tests; none is taken from ``tests/data``.
"""

from __future__ import annotations

import pytest

import cxcoach
from cxcoach.customer_cues import CustomerCueAnalyzer
from cxcoach.resources import CUE_LABELS
from cxcoach.text import Doc


def _customer(text: str):
    return cxcoach.analyze(text, role="customer")


def _cues(analysis, label: str | None = None):
    return [
        finding
        for finding in analysis.findings
        if finding.analyzer == "customer_cues" and (label is None or finding.label == label)
    ]


def _labels(analysis) -> set[str]:
    return {finding.label for finding in _cues(analysis)}


def _xfail(reason: str):
    return pytest.mark.xfail(strict=True, reason=reason)


# (label, message that has it, look-alike that does not)
PAIRS = [
    pytest.param(
        "abuse", "You useless lot can't even process a refund.", "This useless app logs me out every five minutes.",
        id="abuse-person-vs-app",
    ),
    pytest.param(
        "abuse", "Your useless staff have lost my parcel again.", "The stupid printer jammed on page two.",
        id="abuse-staff-vs-printer",
    ),
    pytest.param(
        "threat", "If I don't get this sorted you'll regret it.", "Honestly, my boss will kill me if the invoice is late again.",
        id="threat-vs-idiom",
    ),
    pytest.param(
        "threat", "I know where your office is and I'll be waiting for you.", "This wait is killing me.",
        id="threat-vs-killing-me",
    ),
    pytest.param(
        "escalation_request", "I want to speak to a manager right now.",
        "My account manager told me the upgrade was free.", id="escalation-vs-account-manager",
    ),
    pytest.param(
        "escalation_request", "I want to cancel my contract.", "I'd like to cancel my order please.",
        id="escalation-vs-cancel-order",
    ),
    pytest.param(
        "escalation_request", "Can I speak to someone more senior about this?",
        "Can I speak to someone about my delivery slot?", id="escalation-senior",
    ),
    pytest.param(
        "repeat_contact", "This is my third email about the missing refund.",
        "My card was charged twice for one order.", id="repeat-third-email-vs-charged-twice",
    ),
    pytest.param(
        "repeat_contact", "I've called three times and nobody has helped.", "The app charged me twice.",
        id="repeat-called-three-times",
    ),
    pytest.param(
        "urgency", "I need this fixed urgently, my flight leaves tomorrow.", "No rush, whenever you get a chance.",
        id="urgency-vs-no-rush",
    ),
    pytest.param(
        "urgency", "I need this by Friday, it's for my daughter's wedding.",
        "There's no rush at all, whenever suits you.", id="urgency-deadline",
    ),
]


@pytest.mark.parametrize("label, cue, look_alike", PAIRS)
def test_a_cue_and_its_look_alike(label, cue, look_alike):
    found = _customer(cue)
    assert label in _labels(found), _cues(found)
    for finding in _cues(found, label):
        assert finding.text == cue[finding.start : finding.end]
        assert finding.evidence and finding.evidence[0].detail
    assert label not in _labels(_customer(look_alike)), _cues(_customer(look_alike))


def test_the_pairs_cover_every_label():
    assert {param.values[0] for param in PAIRS} == set(CUE_LABELS)


def test_abuse_names_the_insult_and_its_target():
    (finding,) = _cues(_customer("You useless lot can't even process a refund."), "abuse")
    assert finding.text == "useless"
    assert "aimed at a person" in finding.evidence[0].detail


def test_repeat_contact_needs_a_contact_word():
    found = _customer("I've phoned you four times this week.")
    assert "four times" in [finding.text for finding in _cues(found, "repeat_contact")]
    assert "repeat_contact" not in _labels(_customer("I was charged four times for one coffee."))


@pytest.mark.parametrize(
    "message, masked",
    [
        ("You f***ing people have lost my parcel twice.", "f***ing"),
        ("You b*stards have taken my money again.", "b*stards"),
    ],
)
def test_masked_swearing_is_one_token_and_counts(message, masked):
    assert masked in [token.text for token in Doc(message).tokens]
    abuse = _cues(_customer(message), "abuse")
    assert masked in [finding.text for finding in abuse], abuse


# -- escalation risk -------------------------------------------------------------------------------------

CALM = "Hi, could you tell me how to change my delivery address?"
FURIOUS = (
    "I've emailed four times now and you people are useless. I want a manager, "
    "or I'm taking you to court."
)


def test_escalation_risk_is_higher_for_an_abusive_repeat_escalation():
    calm = _customer(CALM)
    furious = _customer(FURIOUS)
    assert {"abuse", "repeat_contact", "escalation_request"} <= _labels(furious)
    assert _labels(calm) == set()
    assert 0.0 <= calm.escalation_risk < 0.2
    assert 0.7 < furious.escalation_risk <= 1.0
    assert furious.escalation_risk > calm.escalation_risk


@pytest.mark.parametrize(
    "message",
    [CALM, FURIOUS, "", "   ", "🙂", "I'm done with you. Cancel my account. You'll regret this. URGENT!!!"],
)
def test_escalation_risk_is_between_0_and_1(message):
    risk = _customer(message).escalation_risk
    assert risk is not None
    assert 0.0 <= risk <= 1.0


def test_each_cue_raises_the_risk():
    base = _customer("My parcel has not arrived.").escalation_risk
    assert _customer("My parcel has not arrived. Get me a manager.").escalation_risk > base


def test_empty_message_has_no_cues():
    analysis = _customer("")
    assert _cues(analysis) == []
    assert analysis.escalation_risk == 0.0


def test_agent_replies_have_no_escalation_risk():
    analysis = cxcoach.analyze("I want a manager to look at this, it's urgent.", role="agent")
    assert analysis.escalation_risk is None
    assert _cues(analysis) == []
    doc = Doc("You useless lot!", role="agent")
    assert CustomerCueAnalyzer().analyze(doc) == ()
    assert doc.escalation_risk is None


def test_one_word_is_one_finding_per_label():
    analysis = _customer("Sort this out, you clowns.")
    spans = [(finding.label, finding.start, finding.end) for finding in _cues(analysis)]
    assert ("abuse", 19, 25) in spans
    assert len(spans) == len(set(spans)), spans


# -- aimed insults, quoted words, context words, counts of contacts --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'm such an idiot, I booked the wrong date. Can I change it?",
        "Some idiot blocked my driveway, so the van couldn't get in. Can you rebook?",
        "My brother called your courier an idiot, which wasn't fair, sorry about that.",
    ],
)
def test_an_insult_not_aimed_at_staff_is_not_abuse(text):
    assert "abuse" not in _labels(_customer(text))


def test_an_insult_aimed_at_a_member_of_staff_is_abuse():
    assert "abuse" in _labels(_customer("The engineer you sent is a lazy idiot."))


def test_quoted_words_are_someone_elses():
    assert "urgency" not in _labels(_customer("The spam text said 'urgent, act now'. Was it from you?"))


def test_a_time_word_is_urgency_with_a_need():
    assert "urgency" in _labels(_customer("I need the keys back today, we move out tomorrow."))
    assert "urgency" not in _labels(_customer("I rang you today about my meter."))


def test_a_count_of_contacts_is_repeat_contact():
    assert "repeat_contact" in _labels(_customer("Four emails and three chats and still no answer about my deposit."))


@pytest.mark.parametrize(
    "text", ["I know where he parks, tell him that.", "You'd better not set foot on my street again, for your own sake."]
)
def test_veiled_threats_against_a_person(text):
    assert "threat" in _labels(_customer(text))


def test_a_manager_is_an_escalation_only_when_asked_for():
    assert "escalation_request" in _labels(_customer("Put me through to your manager."))
    assert "escalation_request" not in _labels(_customer("The manager said my room would be ready by noon."))


# -- structure that generalises: vocatives, masked swearing, pairs of words in either order --------------

# (label, messages that have it, look-alikes that do not): each rule with three or more varied shapes.
STRUCTURES = [
    pytest.param(
        "abuse",
        ["Idiots. Every last one of you.", "Thanks for nothing, muppet.", "Absolute clowns!", "Morons, read my email."],
        ["Some clown reversed into my car, can the claim cover it?", "Tried the app again, useless.", "What an idiot I am."],
        id="abuse-vocative",
    ),
    pytest.param(
        "abuse",
        ["you're all a bunch of sh*tes", "go f*ck yourselves", "Your driver is a complete pr*ck."],
        ["What the f*** happened to my order?", "Oh for f*ck's sake, the page crashed again.", "The sh*t weather delayed it, no worries."],
        id="abuse-masked",
    ),
    pytest.param(
        "abuse",
        ["Stop lying to me, you crooks.", "Your staff are rude, arrogant and frankly stupid.", "The woman at the desk was a miserable cow."],
        ["I'm such an idiot, wrong postcode again.", "My brother called your courier an idiot, sorry.", "This stupid app logs me out."],
        id="abuse-aimed",
    ),
    pytest.param(
        "threat",
        ["You're going to regret ever picking up this call.", "Keep this up and someone's going to get hurt.",
         "He won't enjoy it when I see him.", "you won't be laughing when I turn up at your depot"],
        ["You'll regret not getting the bigger size, it's lovely.", "I hope you'll enjoy it as much as I did.",
         "You'll be sorry to hear the parcel was fine after all."],
        id="threat-future-outcome",
    ),
    pytest.param(
        "threat",
        ["next time I'll throw him over the gate", "Do that again and I'll knock your teeth out.",
         "I'll drag that cashier over the counter."],
        ["I'll smash this stupid printer if it jams once more.", "I'll hit the reset button and let you know.",
         "Should I throw the old charger away?"],
        id="threat-harm-to-a-person",
    ),
    pytest.param(
        "threat",
        ["I know which way your manager walks home.", "Nice shop. Shame if something happened to it.",
         "I'd hate for your receptionist to have an accident on her way home.", "I've watched what time she clocks off."],
        ["What time does the depot close on Sunday?", "I know what time the branch opens, thanks.",
         "My son had an accident on his way home, is he covered?"],
        id="threat-veiled",
    ),
    pytest.param(
        "escalation_request",
        ["Terminate my subscription effective immediately.", "Please cancel my broadband contract.",
         "Don't renew my policy, we're done.", "I'm closing the account.", "wow ok. We'll be cancelling at the end of the month then."],
        ["Please cancel my order #4412 and refund me.", "Can I renew my policy online?", "When does my contract end?",
         "I'll be cancelling my appointment on Friday, can I rebook?"],
        id="escalation-ending-the-service",
    ),
    pytest.param(
        "escalation_request",
        ["I'll be posting about this on every review site I can find.", "Screenshots are going up on my page tonight.",
         "I'm going to the local news with this.", "Supervisor. Now.", "I want to talk to someone above you."],
        ["Any news on my order?", "Can I post the form instead of emailing it?", "The manager said it would be ready."],
        id="escalation-public-and-senior",
    ),
    pytest.param(
        "escalation_request",
        ["Never ordering from you again.", "I will not be using your company again.", "not selling on here again",
         "We won't be booking with you lot again, ever.", "I'll never, ever fly with you again!"],
        ["I'll definitely be ordering again.", "Never had a problem before, will order again.",
         "I am not discussing my arrears with a trainee again.", "Thanks, I would use you again.",
         "I can't use the app again until you reset my password."],
        id="escalation-leaving-for-good",
    ),
    pytest.param(
        "escalation_request",
        ["ok thanks anyway. i'll just send it back and get one somewhere else", "We'll book elsewhere next year.",
         "I'll be ordering from somewhere else from now on.", "Time to start banking elsewhere, I think."],
        ["Could you move my appointment elsewhere? I'm moving house.", "Can I get it delivered somewhere else?",
         "Where else can I buy the adapter?", "I got a quote elsewhere for less, can you match it?"],
        id="escalation-custom-elsewhere",
    ),
    pytest.param(
        "escalation_request",
        ["We've switched to another provider.", "i moved all my photos to another app last night",
         "I've gone with someone else now.", "Lovely hotel, but I doubt we'll be back."],
        ["I'm thinking of moving my number to another network when the contract ends.",
         "Can I transfer the balance to another bank account?", "Could someone else call me back?",
         "I switched the router off and on again."],
        id="escalation-custom-taken-to-a-rival",
    ),
    pytest.param(
        "repeat_contact",
        ["As I said in my last two emails, the reading is wrong.", "Nobody has replied to any of my messages.",
         "My previous ticket was closed without an answer.", "Emailed Monday. Emailed Wednesday. Nothing.",
         "Sorry to bother you again, the refund still hasn't come."],
        ["I'll drop you another message next week.", "This is my second order from you.", "I was charged twice for one coffee.",
         "Could you send me another copy of the invoice?"],
        id="repeat-contact-pairs",
    ),
    pytest.param(
        "urgency",
        ["Term starts on Wednesday and the kids still have no uniform.", "Payroll runs at 3pm today and the system is down.",
         "Please can someone come out today, the ceiling is leaking.", "Reply fast please, I'm at the border.",
         "I need the keys by 4 or the van goes without us."],
        ["Tomorrow is fine, no need to hurry.", "I ordered it on Friday and it arrived Monday.",
         "When does the January sale start?", "Terminate my subscription effective immediately."],
        id="urgency-event-or-speed",
    ),
]


@pytest.mark.parametrize("label, cues, look_alikes", STRUCTURES)
def test_structural_rules_generalise(label, cues, look_alikes):
    for text in cues:
        found = _customer(text)
        assert label in _labels(found), (text, _cues(found))
        for finding in _cues(found, label):
            assert finding.text == text[finding.start : finding.end]
            assert finding.evidence[0].detail
    for text in look_alikes:
        assert label not in _labels(_customer(text)), (text, _cues(_customer(text)))


def test_a_pair_names_its_partner_in_the_evidence():
    (finding,) = _cues(_customer("Please terminate the broadband agreement."), "escalation_request")
    assert finding.text == "terminate the broadband agreement"  # the cue word and its partner
    assert finding.evidence[0].detail == "'terminate' with a service to end"


def test_a_negated_pair_spans_from_the_negation():
    text = "Great service until now, but we won't be booking with you again."
    (finding,) = _cues(_customer(text), "escalation_request")
    assert finding.text == text[finding.start : finding.end] == "won't be booking with you again"
    assert finding.evidence[0].detail == "'again' with a customer leaving for good"


def test_a_past_day_is_no_deadline_but_told_before_is_repeat_contact():
    labels = _labels(_customer("You told me last Tuesday this would be sorted."))
    assert "urgency" not in labels
    assert "repeat_contact" in labels


def test_a_custom_pack_can_add_pairs():
    from cxcoach.resources import CuePair, load_customer_cues

    base = load_customer_cues()
    pack = base.model_copy(update={"pairs": (CuePair(label="urgency", words=("snowed",), near=("in",), before=0, after=1),)})
    analyzer = CustomerCueAnalyzer(pack=pack)
    doc = Doc("We are snowed in and the heating failed.")
    assert "urgency" in {finding.label for finding in analyzer.analyze(doc)}
    assert "urgency" not in {finding.label for finding in analyzer.analyze(Doc("It snowed last week."))}


def test_a_negated_pair_takes_single_negation_words():
    from pydantic import ValidationError

    from cxcoach.resources import CuePair

    with pytest.raises(ValidationError, match="single words"):
        CuePair(label="escalation_request", words=("again",), near=("order",), negated=("no longer",))
