"""Estimates as data: time and money expressions in a reply, normalised so apps can show and track them.

"between 1 and 5 hours" → duration 1..5 hour; "in 7 days" → duration 7..7 day; "within two weeks" →
duration ..2 week; "by Friday" → deadline friday; "$129" → money 129..129 USD. Phone numbers, order
numbers and opening hours are not estimates: a duration needs a unit, a deadline a preposition.

Examples:
    >>> from cxcoach.estimates import find_estimates
    >>> [(e.kind, e.low, e.high, e.unit) for e in find_estimates("Expect it in 3 to 5 business days.")]
    [('duration', 3.0, 5.0, 'business_day')]
    >>> [(e.kind, e.day) for e in find_estimates("It will be fixed by Friday.")]
    [('deadline', 'friday')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from operator import attrgetter
from typing import Optional

from .models import Estimate, _trusted
from .resources import EstimateWords, load_estimate_words
from .text import Doc

__all__ = ["EstimateParser", "doc_estimates", "estimates_within", "find_estimates"]

_NUMERIC_KINDS = frozenset(("number", "money", "time", "code"))
_COMMON_STARTERS = frozenset(
    ("a", "an", "on", "at", "no", "by", "from", "more", "over", "up", "less", "under", "until", "till", "before",
     "within", "between", "half", "couple", "one", "may", "march", "in", "about", "around", "approximately",
     "roughly", "approx", "this", "early", "late")
)
# Only an abbreviation takes a full stop ("Aug."): after "June" it ends the sentence.
_MONTHS = (
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?)"
)
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
)
_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_CLOCK_RANGE = (
    r"\d{1,2}(?::[0-5]\d)?\s?(?:am|pm)?\s*(?:-|–|to|and)\s*\d{1,2}(?::[0-5]\d)?\s?(?:am|pm|a\.m\.|p\.m\.)"
)
_CLOCK = r"\d{1,2}(?::[0-5]\d)?\s?(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:[0-5]\d"


def _alternation(words: list[str]) -> str:
    # longest first, so "business days" wins over "days" and "a couple of" over "a"
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


class EstimateParser:
    """Finds and normalises estimates in text.

    Args:
        words: Number words, units, currencies and deadline days (default: ``data/estimates.toml``).
    """

    def __init__(self, words: Optional[EstimateWords] = None) -> None:
        self.words = words or load_estimate_words()
        self._numbers = {key.lower(): value for key, value in self.words.numbers.items()}
        self._units = {spelling.lower(): unit for unit, spellings in self.words.units.items() for spelling in spellings}
        self._currencies = {
            spelling.lower(): code for code, spellings in self.words.currencies.items() for spelling in spellings
        }
        number = rf"(?:\d+(?:\.\d+)?|\b(?:{_alternation(list(self._numbers))})\b)"
        unit = rf"(?:{_alternation(list(self._units))})\b"  # no \b before: "45mins"
        self._symbols = frozenset(s for s in self._currencies if len(s) == 1)
        symbol = "[" + "".join(re.escape(s) for s in self._symbols) + "]"
        currency_word = rf"\b(?:{_alternation([s for s in self._currencies if len(s) > 1])})\b"
        amount = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
        days = _alternation([day.lower() for day in self.words.deadlines["days"]])
        range_sep = r"\s*(?:-|–|—|to|and|or)\s*"
        # "in 7 days", "about 2 hours": the span starts at the preposition, as a reader would quote it
        lead = r"(?:\b(?:in|about|around|approximately|roughly|approx\.?)\s+)?"
        # "this afternoon/evening" promise a time; "this morning" in a reply mostly reports what happened
        # ("it was released this morning"). "on the 14th", "by the 28th", "booked for the 12th" are dates
        # unless a noun follows ("the 3rd floor"); "for" is no starter (too common), so a look-behind finds it.
        self._pattern = re.compile(
            rf"""
            (?:(?P<range>(?:\b(?:between|from)\s+|{lead})(?P<r_low>{number})\s*(?:{unit}\s*)?{range_sep}(?P<r_high>{number})\s*(?P<r_unit>{unit}))
          | (?P<either>{lead}(?P<e_low>{number})\s*(?P<e_unit>{unit})\s+or\s+(?P<e_high>{number})\b(?!\s*{unit}))
          | (?P<bound>\b(?P<b_word>within|up\s+to|no\s+more\s+than|less\s+than|under|at\s+most|at\s+least|more\s+than|over)
               \s+(?:the\s+next\s+)?(?P<b_num>{number})\s*(?P<b_unit>{unit})(?:\s+or\s+(?P<b_or>{number})\b(?!\s*{unit}))?)
          | (?P<single>{lead}(?P<s_num>{number})\s*(?P<s_unit>{unit})(?P<s_half>\s+and\s+a\s+half\b)?)
          | (?P<window>\b(?:between|from)\s+(?:(?P<w_clock>{_CLOCK_RANGE}|\d{{1,2}}:[0-5]\d\s*(?:-|–|to|and)\s*\d{{1,2}}:[0-5]\d)
                  (?P<w_day>\s+(?:today|tonight|tomorrow(?:\s+(?:morning|afternoon|evening))?|this\s+(?:morning|afternoon|evening)
                     |(?:on\s+)?(?:{_WEEKDAYS}))\b)?
               |(?P<w_hours>\d{{1,2}}(?::[0-5]\d)?\s*(?:-|–|to|and)\s*\d{{1,2}}(?::[0-5]\d)?)
                  \s+(?P<w_part>(?:this|tomorrow|in\s+the)\s+(?:morning|afternoon|evening)|tonight)\b))
          | (?P<deadline>\b(?:by|before|until|till|no\s+later\s+than|at(?=\s+the\s+end\s+of\b))\s+(?P<d_day>(?:{days})\b(?:\s+(?:morning|afternoon|evening|night))?
               |(?:the\s+)?end\s+of\s+{_MONTHS}|(?:mid|early|late)[-\s]?{_MONTHS}
               |{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|(?:{_CLOCK}|noon|midday|midnight)(?:\s+(?:today|tomorrow|tonight))?))
          | (?P<relative>\b(?P<rel_day>today|tonight|tomorrow|this(?=\s+(?:afternoon|evening)))(?:\s+(?P<rel_part>morning|afternoon|evening|night))?\b)
          | (?P<season>\b(?:in\s+|around\s+)?(?P<se_day>(?:mid|early|late)[-\s]?{_MONTHS}))
          | (?P<ordinal>(?:\b(?:on|from|by|before|until|till)\s+the\s+|(?<=\bfor\sthe\s))(?P<o_day>\d{{1,2}}(?:st|nd|rd|th)\b(?:\s+of\s+{_MONTHS})?
               (?:,?\s+(?:at\s+|from\s+|between\s+)(?:{_CLOCK_RANGE}|{_CLOCK}))?)
               (?=\s*(?:$|[^\w\s]|(?:of|at|and|or|but|so|when|if|between|from|before|after|as|once|unless|then)\b)))
          | (?P<dated>(?<!to\s)(?<!-)(?<!–)(?<!-\s)(?<!–\s)\b(?:on\s+)?(?:(?:{_WEEKDAYS})\b
                  (?:,?\s+(?:the\s+(?=\d{{1,2}}(?:st|nd|rd|th)))?\d{{1,2}}(?!\d)(?:st|nd|rd|th)?(?!\s*(?:am|pm|a\.m|p\.m|:|-|–|to\b))(?:\s+{_MONTHS})?)?
                  (?!\s*(?:-|–|to|through|till|until)\s*(?:{_WEEKDAYS}))
                |\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b)
               (?:,?\s+(?:at\s+|from\s+|between\s+)?(?:{_CLOCK_RANGE}|{_CLOCK}))?)
          | (?P<money_range>\bbetween\s+(?P<mr_sym>{symbol})\s?(?P<mr_low>{amount})\s+and\s+(?:{symbol})?\s?(?P<mr_high>{amount}))
          | (?P<money_bound>\b(?P<mb_word>up\s+to|no\s+more\s+than|less\s+than|under|at\s+most|at\s+least|more\s+than|over)
               \s+(?P<mb_sym>{symbol})\s?(?P<mb_amount>{amount}))
          | (?P<money>(?P<m_sym>{symbol})\s?(?P<m_low>{amount})(?:\s*(?:-|–|to)\s*(?:{symbol})?\s?(?P<m_high>{amount}))?
               | (?P<w_low>{amount})(?:\s*(?:-|–|to)\s*(?P<w_high>{amount}))?\s*(?P<w_cur>{currency_word})
               | \b(?P<c_cur>usd|eur|gbp)\s?(?P<c_low>{amount})))
            """,
            re.IGNORECASE | re.VERBOSE,
        )
        # Every literal above is lower case: matching the lower-cased text without IGNORECASE finds the
        # same spans twice as fast (measured). Kept for texts whose length lower() changes ("İ").
        self._lower_pattern = re.compile(self._pattern.pattern, re.VERBOSE)

        # Only a number, a currency sign or one of these words can start an estimate: the pattern is
        # tried at those tokens alone, not at every character (measured: 10x faster on replies).
        starters = {"in", "about", "around", "approximately", "roughly", "approx", "between", "from", "within", "up", "no", "less", "under", "at", "more", "over", "by", "before",
                    "until", "till", "on", "today", "tonight", "tomorrow", "usd", "eur", "gbp", "half", "couple", "this",
                    "mid", "early", "late"}
        starters.update(word.split()[0] for word in self._numbers)
        starters.update(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
        starters.update(_MONTH_NAMES)
        # "mid-June", "early-July" are one token each
        starters.update(f"{part}-{month}" for part in ("mid", "early", "late") for month in _MONTH_NAMES)
        self._starters = frozenset(starters)
        # what a token's norm may be for the pattern to be tried there: a starter, or a lone currency sign
        self._triggers = self._starters | self._symbols
        # Common words start an estimate only when something numeric or dated follows within four tokens
        # ("a day", "on Friday", "by 6pm"), so the pattern is not tried at every "a", "on" or "by".
        self._anchors = (
            frozenset(self._units)
            | self._starters
            | frozenset(w for w in self._numbers if " " not in w)
            | {word for day in self.words.deadlines["days"] for word in day.split()}
            | {"morning", "afternoon", "evening", "end", "noon", "midday", "midnight"}  # "this afternoon", "by noon"
        ) - _COMMON_STARTERS - {"the", "of", "this"}

    def parse(self, text: str) -> tuple[Estimate, ...]:
        """All estimates in ``text``, left to right, with character offsets."""
        return self.parse_doc(Doc(text))

    def parse_doc(self, doc: Doc) -> tuple[Estimate, ...]:
        """All estimates in a `Doc`, using its tokens to find where an estimate can start."""
        text = doc.text
        subject, pattern = text.lower(), self._lower_pattern
        if len(subject) != len(text):
            subject, pattern = text, self._pattern
        found = []
        reached = 0
        tokens = doc.tokens
        anchors, triggers = self._anchors, self._triggers
        for i, token in enumerate(tokens):
            norm = token.norm
            if not (norm in triggers or token.kind in _NUMERIC_KINDS) or token.start < reached:
                continue
            if norm in _COMMON_STARTERS and not any(
                t.kind in _NUMERIC_KINDS or t.norm in anchors for t in tokens[i + 1 : i + 5]
            ):
                continue
            match = pattern.match(subject, token.start)
            if match is not None and match.end() > match.start():
                if found and _is_rate(match, subject, found[-1].end):
                    continue  # "$52 a month", "seven days a week": a rate, not another estimate
                if i and tokens[i - 1].norm in _RECURRING and match.lastgroup == "dated":
                    continue  # "every Thursday": a routine, not a date for the result
                if subject.startswith(_ROUTINE_STARTS, match.end()) and _ROUTINE_AFTER.match(subject, match.end()):
                    continue  # "on the 3rd of each month", "at 9am every day": a routine as well
                if match.lastgroup == "window" and _is_opening_hours(subject, match.start(), match.end()):
                    continue  # "we're open from 9am to 5pm", "lines are staffed between 8am and 6pm, Monday to Friday"
                found.append(self._estimate(match, text))
                reached = match.end()
        return tuple(found)

    def _number(self, value: str) -> float:
        key = " ".join(value.lower().split())
        return float(self._numbers[key]) if key in self._numbers else float(value.replace(",", ""))

    def _unit(self, value: str) -> str:
        return self._units[" ".join(value.lower().split())]

    def _estimate(self, match: re.Match[str], text: str) -> Estimate:
        """The estimate for a match of the pattern on ``text`` or on its lower-cased copy."""
        kind = match.lastgroup
        group = match.group
        low: Optional[float] = None
        high: Optional[float] = None
        unit: Optional[str] = None
        day: Optional[str] = None
        if kind == "range":
            low, high, unit = self._number(group("r_low")), self._number(group("r_high")), self._unit(group("r_unit"))
        elif kind == "either":
            low, high, unit = self._number(group("e_low")), self._number(group("e_high")), self._unit(group("e_unit"))
        elif kind == "bound":
            amount, unit = self._number(group("b_num")), self._unit(group("b_unit"))
            if group("b_or"):  # "within an hour or two": the bound is the larger figure
                amount = max(amount, self._number(group("b_or")))
            low, high = _bounds(group("b_word"), amount)
        elif kind == "single":
            low = high = self._number(group("s_num")) + (0.5 if group("s_half") else 0)  # "a day and a half"
            unit = self._unit(group("s_unit"))
        elif kind == "money_range":  # "between $400 and $600"
            low, high = float(group("mr_low").replace(",", "")), float(group("mr_high").replace(",", ""))
            unit = self._currencies[group("mr_sym")]
        elif kind == "money_bound":  # "up to $150": a ceiling; "at least $50": a floor
            amount = float(group("mb_amount").replace(",", ""))
            low, high = _bounds(group("mb_word"), amount)
            unit = self._currencies[group("mb_sym")]
        elif kind == "deadline":
            day = _normalise_day(group("d_day"))
        elif kind == "season":  # "in early July", "around mid-November"
            day = _normalise_day(group("se_day"))
        elif kind == "ordinal":  # "on the 14th", "by the 28th", "booked for the 12th"
            day = _normalise_day(group("o_day"))
        elif kind == "window":  # "between 2 and 4pm tomorrow" → "tomorrow 14:00-16:00"
            day = _window_day(group("w_clock"), group("w_day"), group("w_hours"), group("w_part"))
        elif kind in ("relative", "dated"):  # "Tuesday the 9th" → "tuesday 9th"
            day = _normalise_day(match.group().lower().removeprefix("on ")).replace(" the ", " ", 1)
        else:  # money
            if group("m_sym"):
                code, low_text, high_text = self._currencies[group("m_sym")], group("m_low"), group("m_high")
            elif group("c_cur"):
                code, low_text, high_text = group("c_cur").upper(), group("c_low"), None
            else:
                code, low_text, high_text = self._currencies[group("w_cur").lower()], group("w_low"), group("w_high")
            low = float(low_text.replace(",", ""))
            high = float(high_text.replace(",", "")) if high_text else low
            unit = code
        estimate_kind = "money" if kind.startswith("money") else "deadline" if kind in _DEADLINE_GROUPS else "duration"
        start, end = match.span()
        return _trusted(
            Estimate, start=start, end=end, text=text[start:end], kind=estimate_kind, low=low, high=high, unit=unit, day=day
        )


# Words between an estimate and "a <unit>" that make the unit a new estimate, not a rate: "costs $50 and
# takes a week", "£40 for a day".
_NOT_RATE = frozenset(("and", "or", "but", "then", "takes", "take", "taking", "took", "in", "within", "for", "after"))


# "every Thursday", "each Monday": a day that recurs is a routine
_RECURRING = frozenset(("every", "each"))
_ROUTINE_STARTS = (" each", " every", " of each", " of every")
_ROUTINE_AFTER = re.compile(
    r"\s+(?:of\s+)?(?:each|every)\s+(?:day|week|month|year|morning|evening|night)\b", re.IGNORECASE
)


# Hours a service keeps, not a time for the result: a word before the window in its clause, or days after it.
_HOURS_BEFORE = re.compile(
    r"(?:\b(?:open|opens|opening|hours|lines|staffed|closed|closes|available|answered|runs?|operates?)\b"
    r"|\b(?:call|ring|phone)\s+(?:us\b|\+?\d))[^.!?;\n]*$"
)
_HOURS_AFTER = re.compile(
    r",?\s+(?:(?:mon|tue|wed|thu|sat)\w*\s*(?:-|–|to|through|till)\s*(?:\w+day|fri|sat|sun)\b"
    r"|(?:on\s+)?weekdays|daily|every\s+day)"
)


def _is_opening_hours(subject: str, start: int, end: int) -> bool:
    """Whether the clock window at ``[start, end)`` of the lower-cased text is a service's opening hours."""
    return bool(_HOURS_BEFORE.search(subject, max(0, start - 60), start) or _HOURS_AFTER.match(subject, end))


def _is_rate(match: re.Match[str], subject: str, previous_end: int) -> bool:
    """A bare "a <unit>" close after another estimate is its rate ("$52 a month", "$2,000 of work a year")."""
    if match.lastgroup != "single" or match.group("s_num").lower() not in ("a", "an"):
        return False
    between = subject[previous_end : match.start()]
    words = between.split()
    return len(words) <= 3 and _NOT_RATE.isdisjoint(words) and all(word.isalpha() for word in words)


def _bounds(word: str, amount: float) -> tuple[Optional[float], Optional[float]]:
    """``(low, high)`` for a bound: "at least", "more than", "over" set the floor; the others the ceiling."""
    word = word.lower()
    if word.split()[0] in ("at", "more", "over") and "most" not in word:
        return amount, None
    return None, amount


_CLOCK_PARTS = re.compile(r"\b(\d{1,2})(?::([0-5]\d))?\s?(am|pm|a\.m\.|p\.m\.)|\b(\d{1,2}):([0-5]\d)\b", re.IGNORECASE)
# A range whose first time borrows the second's am/pm: "9 to 11am", "2 and 4pm", "12:30-2pm".
_HALF_RANGE = re.compile(
    r"\b(\d{1,2})(?::([0-5]\d))?\s*(?:-|–|to|and)\s*(\d{1,2})(?::([0-5]\d))?\s?(am|pm|a\.m\.|p\.m\.)", re.IGNORECASE
)
# Once the times are HH:MM: "09:00 to 11:00" → "09:00-11:00"; the words that lead into a time go
# ("wednesday at 03:00", "friday from 09:00-11:00", "monday, 12:30-14:00" → "monday 12:30-14:00").
_CLOCK_SPAN = re.compile(r"(\d\d:\d\d)\s*(?:-|–|to|and)\s*(\d\d:\d\d)")
_INTO_CLOCK = re.compile(r"\s*(?:,\s*)?\b(?:at|from|between)\s+(?=\d\d:\d\d)|,\s*(?=\d\d:\d\d)")


def _hour(hour: int, half: str) -> int:
    """A 12-hour clock's hour on the 24-hour clock."""
    if half == "pm" and hour < 12:
        return hour + 12
    if half == "am" and hour == 12:
        return 0
    return hour


def _normalise_day(value: str) -> str:
    """Lower-case, single spaces, no "the", clock times as 24-hour HH:MM and a span of them as HH:MM-HH:MM
    ("6pm today" → "18:00 today", "Friday from 9 to 11am" → "friday 09:00-11:00")."""
    value = " ".join(value.lower().split()).removeprefix("the ")

    def half_range(match: re.Match[str]) -> str:
        half = match.group(5).replace(".", "")
        end = _hour(int(match.group(3)), half)
        start = _hour(int(match.group(1)), half)
        if start > end:  # "11 to 1pm": the first time is in the morning
            start -= 12
        return f"{start:02d}:{match.group(2) or '00'}-{end:02d}:{match.group(4) or '00'}"

    def clock(match: re.Match[str]) -> str:
        if match.group(4):  # "18:30"
            return f"{int(match.group(4)):02d}:{match.group(5)}"
        hour, minute, half = int(match.group(1)), match.group(2) or "00", match.group(3).lower().replace(".", "")
        return f"{_hour(hour, half):02d}:{minute}"

    value = _HALF_RANGE.sub(half_range, value)
    value = _CLOCK_PARTS.sub(clock, value)
    value = _CLOCK_SPAN.sub(r"\1-\2", value)
    return _INTO_CLOCK.sub(" ", value)


# The pattern's groups whose estimates are deadlines (the rest are durations or money).
_DEADLINE_GROUPS = frozenset(("deadline", "relative", "dated", "ordinal", "season", "window"))


def _window_day(clock: Optional[str], day: Optional[str], hours: Optional[str], part: Optional[str]) -> str:
    """The ``day`` of a clock window: the day first, then the span ("tomorrow 14:00-16:00"). Hours without
    am or pm take them from the part of the day ("between 2 and 4 this afternoon" → 14:00-16:00)."""
    if hours is not None and part is not None:
        part = " ".join(part.split()).removeprefix("in the ")
        clock = hours + ("am" if part.endswith("morning") else "pm")
        day = part
    span = _normalise_day(clock or "")
    day = " ".join((day or "").split()).removeprefix("on ")
    return f"{day} {span}" if day else span


@lru_cache(maxsize=1)
def _default_parser() -> EstimateParser:
    return EstimateParser()


def doc_estimates(doc: Doc, parser: Optional[EstimateParser] = None) -> tuple[Estimate, ...]:
    """The estimates of ``doc``: those an earlier analyzer parsed (``doc.estimates``), else parsed now."""
    if doc.estimates is not None:
        return doc.estimates
    return (parser or _default_parser()).parse_doc(doc)


def find_estimates(text: str) -> tuple[Estimate, ...]:
    """The estimates in ``text`` (see `EstimateParser`), using the built-in words."""
    return _default_parser().parse(text)


_START = attrgetter("start")  # a C-level key: bisecting with a lambda calls Python at every step


def estimates_within(estimates: tuple[Estimate, ...], start: int, end: int) -> tuple[Estimate, ...]:
    """The estimates (in text order) that start inside ``[start, end)``; a binary search, not a scan."""
    first = bisect_left(estimates, start, key=_START)
    last = bisect_left(estimates, end, lo=first, key=_START)
    return estimates[first:last]
