"""Estimates as data (issue 3, item 3): time and money expressions in a reply, normalised into numbers,
units and days, with offsets that point at the exact characters."""

from __future__ import annotations

import pytest

import cxcoach
from cxcoach.estimates import EstimateParser, find_estimates
from cxcoach.models import Estimate
from cxcoach.resources import load_estimate_words

# (sentence, the estimate's exact text, kind, low, high, unit)
DURATIONS = [
    ("Our engineers expect it to take between 1 and 5 hours.", "between 1 and 5 hours", 1, 5, "hour"),
    ("Please allow 3 to 5 business days for the transfer to clear.", "3 to 5 business days", 3, 5, "business_day"),
    ("The new handset will be with you within two weeks.", "within two weeks", None, 2, "week"),
    ("Rebuilding the mailbox takes at least 3 days, I'm afraid.", "at least 3 days", 3, None, "day"),
    ("Give the router an hour or two to finish updating.", "an hour or two", 1, 2, "hour"),
    ("The password reset link stays valid for half an hour.", "half an hour", 0.5, 0.5, "hour"),
    ("Give the bank a couple of days to show the credit.", "a couple of days", 2, 2, "day"),
    ("Roaming gets switched on within 24 hours.", "within 24 hours", None, 24, "hour"),
    ("A replacement part takes 2-3 weeks to come from the supplier.", "2-3 weeks", 2, 3, "week"),
    ("The migration can run for up to 10 working days.", "up to 10 working days", None, 10, "business_day"),
    ("The plaster needs about a day and a half to dry.", "about a day and a half", 1.5, 1.5, "day"),
    ("Visa decisions take fourteen to eighteen weeks at the moment.", "fourteen to eighteen weeks", 14, 18, "week"),
    ("Your replacement card should reach you in a dozen days at most.", "in a dozen days", 12, 12, "day"),
]

MONEY = [
    ("An out-of-warranty screen repair is $129.", "$129", 129, 129, "USD"),
    ("Parts usually come to €40-€60 for that model.", "€40-€60", 40, 60, "EUR"),
    ("The annual licence renews at 1,299.50 dollars.", "1,299.50 dollars", 1299.5, 1299.5, "USD"),
    ("The early exit fee is £35.", "£35", 35, 35, "GBP"),
    ("Express delivery adds $1,250.75 to the order.", "$1,250.75", 1250.75, 1250.75, "USD"),
    ("A boiler service costs between £80 and £120 depending on the model.", "between £80 and £120", 80, 120, "GBP"),
    ("Your plan covers up to $2,000 of dental work a year.", "up to $2,000", None, 2000, "USD"),
    ("Transfers over €10,000 need a second check.", "over €10,000", 10000, None, "EUR"),
    ("You'll get at least $25 back for the missed delivery.", "at least $25", 25, None, "USD"),
]

NOT_ESTIMATES = [
    "You can reach the fraud desk on 0800 555 0142 or 1-800-555-0199.",
    "Your order number is 88412907.",
    "I can see order #55213 and reference QX-40917 on your account.",
    "Call us 9am-5pm, Monday to Friday.",
    "Our chat team is here 24/7 if anything else comes up.",
    "Press 2 for billing, then ask for extension 4410.",
    "The returns desk is on the 3rd floor, next to the lifts.",
    "Your seat is on the 2nd row of the upper deck.",
    "That's the 2nd time this has happened, and it's on us.",
    "Thanks for the 5th review this month, it really helps.",
    "The lockers by the 4th entrance are the easiest to reach.",
]


def _only(text: str) -> Estimate:
    estimates = find_estimates(text)
    assert len(estimates) == 1, estimates
    return estimates[0]


@pytest.mark.parametrize("text, span, low, high, unit", DURATIONS, ids=[case[1] for case in DURATIONS])
def test_durations_are_normalised(text, span, low, high, unit):
    estimate = _only(text)
    assert (estimate.kind, estimate.text, estimate.low, estimate.high, estimate.unit) == (
        "duration", span, low, high, unit,
    )
    assert estimate.day is None


def test_in_seven_days_is_seven_to_seven_days():
    estimate = _only("Your new card will reach you in 7 days.")
    assert (estimate.kind, estimate.low, estimate.high, estimate.unit) == ("duration", 7, 7, "day")
    assert estimate.text.endswith("7 days")


@pytest.mark.parametrize(
    "text, span",
    [
        ("Your new card will reach you in 7 days.", "in 7 days"),
        ("The fibre team can connect you in 2 to 3 weeks.", "in 2 to 3 weeks"),
        ("The line should come back in an hour or two.", "in an hour or two"),
    ],
)
def test_the_span_starts_at_the_preposition(text, span):
    assert _only(text).text == span


def test_within_an_either_or_range_keeps_the_upper_figure():
    estimate = _only("The fix should be live within an hour or two.")
    assert estimate.text == "within an hour or two"
    assert (estimate.high, estimate.unit) == (2, "hour")


@pytest.mark.parametrize("text, span, low, high, unit", MONEY, ids=[case[1] for case in MONEY])
def test_money_is_normalised(text, span, low, high, unit):
    estimate = _only(text)
    assert (estimate.kind, estimate.text, estimate.low, estimate.high, estimate.unit) == (
        "money", span, low, high, unit,
    )


@pytest.mark.parametrize(
    "text, span, day",
    [
        ("The courier will drop it off by Friday.", "by Friday", "friday"),
        ("We'll get the fix live by Monday.", "by Monday", "monday"),
        ("I'll have the new invoice out no later than Tuesday morning.", "no later than Tuesday morning",
         "tuesday morning"),
        ("Your visa decision should be with you by the end of August.", "by the end of August", "end of august"),
        ("Expect the car back at the end of next week.", "at the end of next week", "end of next week"),
        ("The new card was posted and will arrive on 3 June.", "on 3 June", "3 june"),
        ("A locksmith will be with you this afternoon.", "this afternoon", "this afternoon"),
        ("The tribunal has listed your hearing on the 14th of May.", "on the 14th of May", "14th of may"),
        ("Your meter reading is due on the 2nd, so please send it then.", "on the 2nd", "2nd"),
        ("The mortgage offer will be issued by 16 May.", "by 16 May", "16 may"),
        ("Expect the hospital's letter by mid-June.", "by mid-June", "mid-june"),
        ("The new timetable comes out in early September.", "in early September", "early september"),
        ("Your deposit will be back in your account by the 28th.", "by the 28th", "28th"),
        ("The new tariff applies from the 1st of March.", "from the 1st of March", "1st of march"),
        ("The crew will have cleared the road by noon.", "by noon", "noon"),
        ("Power should be restored before midday tomorrow.", "before midday tomorrow", "midday tomorrow"),
    ],
)
def test_deadlines_name_the_day(text, span, day):
    estimate = _only(text)
    assert (estimate.kind, estimate.text) == ("deadline", span)
    assert estimate.day.lower() == day
    assert (estimate.low, estimate.high, estimate.unit) == (None, None, None)


def test_clock_times_in_deadlines_are_24_hour():
    estimate = _only("The technician will finish before 6pm today.")
    assert (estimate.kind, estimate.text) == ("deadline", "before 6pm today")
    assert "18:00" in estimate.day and "today" in estimate.day


@pytest.mark.parametrize(
    "text, span, day",
    [
        ("The database fix goes live Wednesday 03:00 UTC.", "Wednesday 03:00", "wednesday 03:00"),
        ("The engineer comes Friday 14:30.", "Friday 14:30", "friday 14:30"),
    ],
)
def test_a_24_hour_clock_after_a_weekday_is_read_whole(text, span, day):
    # not "Wednesday 0": the day of the month a weekday may carry is never the first digit of a clock
    estimate = _only(text)
    assert (estimate.kind, estimate.text, estimate.day) == ("deadline", span, day)


@pytest.mark.parametrize(
    "text, day",
    [
        ("The engineer comes on Friday from 9 to 11am.", "friday 09:00-11:00"),
        ("We'll deliver on Monday between 2 and 4pm.", "monday 14:00-16:00"),
        ("Your slot is Thursday 11 to 1pm.", "thursday 11:00-13:00"),
        ("The fitter arrives on Friday 10am to 2pm.", "friday 10:00-14:00"),
        ("The patch goes out on Wednesday at 03:00.", "wednesday 03:00"),
        ("Collection is on Monday, 12:30 to 2pm.", "monday 12:30-14:00"),
        # a day of the month keeps the time that follows it
        ("Your appointment is on the 14th at 9:30.", "14th 09:30"),
        ("The survey is on the 3rd of May, from 9 to 11am.", "3rd of may 09:00-11:00"),
    ],
)
def test_a_span_of_times_is_one_24_hour_span_without_its_lead_in_words(text, day):
    # the first time of "9 to 11am" shares the second's am/pm, unless that would put it after the second
    assert _only(text).day == day


@pytest.mark.parametrize(
    "text, span, day",
    [
        ("Our van will reach you between 1 and 3 this afternoon.", "between 1 and 3 this afternoon",
         "this afternoon 13:00-15:00"),
        ("The fitter arrives between 8 and 10 tomorrow morning.", "between 8 and 10 tomorrow morning",
         "tomorrow morning 08:00-10:00"),
        ("Power should return between 7 and 9 tonight.", "between 7 and 9 tonight", "tonight 19:00-21:00"),
        ("The courier comes between 10am and 2pm.", "between 10am and 2pm", "10:00-14:00"),
        ("Expect the crew from 11 to 1pm tomorrow.", "from 11 to 1pm tomorrow", "tomorrow 11:00-13:00"),
        ("The reading is taken between 09:30 and 10:15 on Thursday.", "between 09:30 and 10:15 on Thursday",
         "thursday 09:30-10:15"),
        ("The earliest slot is Wednesday the 4th, between 8am and 1pm.", "Wednesday the 4th, between 8am and 1pm",
         "wednesday 4th 08:00-13:00"),
    ],
)
def test_a_window_of_clock_times_is_one_deadline_with_its_day_first(text, span, day):
    # hours without am or pm take them from the part of the day: "1 and 3 this afternoon" is 13:00-15:00
    estimate = _only(text)
    assert (estimate.kind, estimate.text, estimate.day) == ("deadline", span, day)
    assert text[estimate.start : estimate.end] == span


@pytest.mark.parametrize(
    "text",
    [
        "The showroom is open from 10am to 4pm.",
        "Collections run between 7am and 7pm, and you're early on the list.",
        "Phone us between 9am and 5pm, Mon-Fri.",
        "Call 0300 555 0188 between 8am and 6pm.",
        "Our advisers are available between 8:00 and 20:00.",
    ],
)
def test_a_service_s_hours_are_no_window(text):
    assert find_estimates(text) == ()


def test_hours_without_a_part_of_the_day_are_no_window():
    # "between 9 and 11" could be the 9th to the 11th, or morning or evening: only the day is read
    assert [e.text for e in find_estimates("We deliver between 9 and 11 on Friday.")] == ["on Friday"]
    assert [e.kind for e in find_estimates("The repair takes between 2 and 4 hours.")] == ["duration"]


def test_a_day_of_the_month_after_for_the_is_a_deadline():
    # "for" is too common to try the pattern at; the day itself is tried, and looks back for "for the"
    estimate = _only("The boiler service is booked in for the 12th.")
    assert (estimate.kind, estimate.text, estimate.day) == ("deadline", "12th", "12th")
    assert find_estimates("I'm sorry to ask for the 2nd time.") == ()


@pytest.mark.parametrize("text", NOT_ESTIMATES)
def test_phone_numbers_codes_and_opening_hours_are_not_estimates(text):
    assert find_estimates(text) == ()


def test_a_phone_number_next_to_a_real_estimate_is_left_out():
    text = "Ring 0800 555 0142 if it hasn't arrived in 5 days."
    estimate = _only(text)
    assert (estimate.low, estimate.high, estimate.unit) == (5, 5, "day")


def test_several_estimates_come_left_to_right():
    text = "The part costs $89 and fitting takes between 2 and 4 hours, so you'll have the car back by Thursday."
    estimates = find_estimates(text)
    assert [e.kind for e in estimates] == ["money", "duration", "deadline"]
    assert [e.start for e in estimates] == sorted(e.start for e in estimates)


OFFSET_TEXTS = [
    text for text, *_ in DURATIONS + MONEY
] + [
    "Sorry!! The refund (€25) lands within 3 days, so by Friday.",
    "Your order #55213 ships tomorrow; allow 3 to 5 business days, about $12 for express.",
    "  \n Expect it in an hour or two.\n\nThen about half an hour for the setup… £9.99 total 🙂",
    "Versand: 3 bis 5 Tage. Kosten: 4,99 €. Your refund arrives within two weeks.",
]


@pytest.mark.parametrize("text", OFFSET_TEXTS)
def test_every_estimate_text_is_its_span(text):
    previous_end = 0
    for estimate in find_estimates(text):
        assert text[estimate.start : estimate.end] == estimate.text
        assert estimate.start >= previous_end  # in order, never overlapping
        previous_end = estimate.end


def test_estimates_validate_and_round_trip():
    for estimate in find_estimates("It arrives within two weeks, costs $129, and ships by Friday."):
        assert Estimate.model_validate(estimate.model_dump()) == estimate
        assert Estimate.model_validate_json(estimate.model_dump_json()) == estimate


def test_analyze_gives_the_estimates_of_an_agent_reply():
    reply = "Sorry for the wait! The credit of $40 will show within 3 business days."
    analysis = cxcoach.analyze(reply, role="agent")
    assert [(e.kind, e.low, e.high, e.unit) for e in analysis.estimates] == [
        ("money", 40, 40, "USD"),
        ("duration", None, 3, "business_day"),
    ]
    for estimate in analysis.estimates:
        assert reply[estimate.start : estimate.end] == estimate.text
    assert analysis.estimates == find_estimates(reply)


def test_customer_messages_have_no_estimates():
    assert cxcoach.analyze("You promised it within 3 days and charged me $129!").estimates == ()


def test_a_parser_with_custom_words():
    words = load_estimate_words()
    custom = words.model_copy(update={"currencies": {**words.currencies, "CHF": ["chf", "franc", "francs"]}})
    estimate = EstimateParser(custom).parse("The adapter is 30 francs.")[0]
    assert (estimate.kind, estimate.low, estimate.unit, estimate.text) == ("money", 30, "CHF", "30 francs")
    assert EstimateParser().parse("It's $5.") == find_estimates("It's $5.")


def test_estimates_are_found_whatever_the_case():
    shouted = find_estimates("IT WILL ARRIVE BY FRIDAY, WITHIN 3 TO 5 DAYS.")
    assert [(e.text, e.kind) for e in shouted] == [("BY FRIDAY", "deadline"), ("3 TO 5 DAYS", "duration")]
    # a text whose lower-case form is longer (Turkish dotted I) keeps its offsets
    text = "İstanbul office: within 2 days."
    (estimate,) = find_estimates(text)
    assert text[estimate.start : estimate.end] == estimate.text == "within 2 days"


@pytest.mark.parametrize(
    "text, rate",
    [
        ("The premium plan is $12 a month after the trial.", "$12"),
        ("Your cover pays up to £150 of hotel costs a night and up to £600 a year.", "up to £600"),
        ("Storage is charged at €3 a day once the parcel has been held for a week.", "€3"),
    ],
)
def test_a_price_per_period_is_one_money_estimate_not_a_duration(text, rate):
    estimates = find_estimates(text)
    assert rate in [e.text for e in estimates]
    assert not any(e.text.lower() in ("a month", "a year", "a day") for e in estimates)


def test_a_duration_after_a_price_is_still_found_when_it_is_its_own_estimate():
    estimates = find_estimates("The repair costs $80 and takes a week.")
    assert [(e.kind, e.text) for e in estimates] == [("money", "$80"), ("duration", "a week")]


@pytest.mark.parametrize("text", ["The crew checks the lockers every Monday.", "We restock each Friday, 8 to 10am."])
def test_a_recurring_day_is_not_an_estimate(text):
    assert not any(estimate.kind == "deadline" for estimate in find_estimates(text))


def test_a_day_without_every_is_still_a_deadline():
    assert [e.day for e in find_estimates("The crew will check the locker on Monday.")] == ["monday"]


@pytest.mark.parametrize(
    "text", ["Late fees are applied on the 3rd of each month.", "We collect from the depot at 9am every day."]
)
def test_a_date_or_time_that_recurs_is_a_routine_not_an_estimate(text):
    assert find_estimates(text) == ()


def test_a_date_without_a_recurrence_is_still_an_estimate():
    assert [e.text for e in find_estimates("The fee is applied on the 3rd.")] == ["on the 3rd"]
