"""The ``support`` backend: VADER's rules over cxcoach's tokens, with customer-service adjustments.

It runs VADER's algorithm (Hutto & Gilbert 2014: lexicon valences, negation within three words,
boosters, ALL-CAPS emphasis, "but" clauses, ``!`` emphasis, normalisation) on the tokens the text layer
already made, sentence by sentence, and adds what support text needs:

* lexicon adjustments from ``data/support_lexicon.toml`` (politeness words are not sentiment;
  "delayed", "stranded" and "on hold" are complaints);
* phrases that win over their words ("no problem", "not bad", "couldn't be happier", "thanks for
  nothing", "still waiting", "charged twice");
* sarcasm: a positive opener ("Great", "Love", "Thanks") in a sentence that also complains
  ("Great, another two hours on hold") counts against the message, not for it;
* complaints VADER cannot see: failure reports ("can't check in"), waits ("3 hours", customers only),
  rhetorical questions ("Why is the site down?"), compound hashtags ("#poorservice");
* what a request does to praise: thanks in a complaint or request is a formality, positive words in a
  question or after "would"/"wish" are asked for, and a message that asks or complains needs more to
  count as positive.

Every word and rule that moved a sentence's score is returned as evidence. The word lists are data
(``data/support_lexicon.toml``); the rules and their weights are here, each with the reason for its value.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Optional

from ..models import SentimentResult
from ..phrases import PhraseMatcher
from ..resources import SentimentLexicon, load_lexicon
from ..text import Doc, Sentence, Token
from .lexicons import emoji_descriptions, rated_words, vader_constants
from .result import RawEvidence, build_result, normalize

__all__ = ["SupportBackend"]

# VADER's empirical constants (Hutto & Gilbert 2014, and vaderSentiment's source).
_EXCLAMATION = 0.292  # added per "!", up to four of them
_MAX_EXCLAMATIONS = 4
_QUESTION = 0.18  # added per "?" when there are two or three
_MAX_QUESTION = 0.96  # added for four or more "?"
_BOOSTER_DECAY = (1.0, 0.95, 0.9)  # a booster one, two or three words before a word weighs less with distance
_BEFORE_BUT = 0.5  # "but" halves what came before it in the sentence ...
_AFTER_BUT = 1.5  # ... and strengthens what follows
_NEVER_SO = 1.25  # "never so good": emphasis, not negation

# Support rules. Each constant was tuned on the dev split of the airline tweets (never the test split),
# checking that VADER's tweet ratings did not lose correlation.
# A sarcastic opener counts among a sentence's first words only ("Great, ..."; "Thanks for ...").
_SARCASM_WINDOW = 3
# A sentence this short made only of praise ("Awesome!", "😁") right after a complaint is sarcastic.
_SARCASTIC_REPLY_ITEMS = 2
# In a message that complains or asks (a question, a "please"), thanks and courtesy are a formality
# ("Please advise. Thanks.") and keep this share of their weight.
_COURTESY_IN_COMPLAINT = 0.3
# Thanks in a message that neither complains nor asks is the point of the message: it weighs this much more.
_GRATITUDE = 1.5
# A sentence complains enough to make its opener sarcastic when a complaint weighs at least this much
# ("resolved my issue quickly, thanks" is not sarcasm; "thanks for making me miss my meeting" is).
_SARCASM_COMPLAINT = -1.2
# Positive words inside a question ask about something good ("any free upgrades?"); they keep this share.
_POSITIVE_IN_QUESTION = 0.5
# "can't check in", "isn't working": a failure report, as negative as VADER's "annoyed" (-1.6).
_FAILURE = -1.6
# How far back (in words) a negation reaches a failure verb: "didn't even arrive", "can't seem to log".
_FAILURE_WINDOW = 3
# Praise after "would", "should", "wish" is wished for, not given ("it would be nice if you answered");
# it keeps this share of its weight.
_POSITIVE_IRREALIS = 0.5
# "3 hours", "two days" in a customer's message: a wait, mildly negative (once per sentence).
_WAIT = -1.0
# A compound hashtag counts a lexicon word of at least this many letters, and this strong, at its
# start or end ("#poorservice", "#unitedsucks"); shorter pieces match by accident ("#windows", "#Bangalore").
_HASHTAG_MIN_WORD = 4
_HASHTAG_MIN_VALENCE = 1.0
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_CACHE_LIMIT = 10_000

# "no 881234" abbreviates "number" when the number has this many characters (an id, not "no 2 seats").
_ID_DIGITS = 4
# "Well, thanks." "Oh well." "well that's taken the shine off it": "well" opening a clause, before a comma or
# full stop or a subject, is a discourse marker (VADER rates it +1.1 as praise); these words may come before it.
_BEFORE_MARKER = frozenset(("oh", "ok", "okay", "right", "and", "but", "so", "yeah", "yes", "um", "erm", "ah"))
_MARKER_PUNCT = (",", ".", "…")
_AFTER_MARKER = frozenset((
    "that", "that's", "this", "it", "it's", "i", "i'm", "i'll", "i've", "i'd", "you", "you're", "we", "we're",
    "we'll", "they", "they're", "there", "there's", "he", "she",
))
# "Best, Marco Castellano": "best" and a comma opening a sentence this short is a sign-off.
_SIGN_OFF_WORDS = 4
# "in five minutes", "a day early": durations that praise speed, not waits.
_QUICK_BEFORE = frozenset(("in", "within", "under", "only", "just"))
_QUICK_AFTER = frozenset(("early", "earlier", "ahead"))
# A question that opens with "can I", "could we"... (within its first words, after a greeting) asks for
# something: "hi, can I freeze my membership for 6 weeks?" asks for a period, it reports no wait.
_REQUEST_MODALS = frozenset(("can", "could", "may", "would"))
_REQUEST_REACH = 3
# "Why is the site down?": a rhetorical complaint, mildly negative.
_COMPLAINT_QUESTION = -1.0

# The neutral band of the compound score. VADER uses ±0.05. A single clearly positive word ("good",
# "helpful": VADER 1.8 and up) must make a plain statement positive, so the positive bound is 0.42. But
# requests and complaints are full of mild positive words ("any good deals?", "I'd love a refund"), so
# in a message that asks or complains the bound is 0.6. All three were chosen on the airline dev split.
NEGATIVE_THRESHOLD = 0.02
POSITIVE_THRESHOLD = 0.42
REQUEST_POSITIVE_THRESHOLD = 0.6

# How evidence names where a word's valence came from.
_SOURCES = {"lexicon": "VADER", "support_lexicon": "support lexicon", "emoji": "emoji"}
_PHRASE_SOURCES = {"lexicon": "VADER idiom", "support_phrase": "support phrase", "sarcasm": "irony phrase"}

_SKIP_KINDS = frozenset(("punct", "symbol", "url", "email", "handle"))
_SPECIAL_KINDS = frozenset(("emoji", "hashtag", "code"))
# Rules whose negative findings are support complaints (not merely negative words).
_COMPLAINT_RULES = frozenset(
    ("support_lexicon", "support_phrase", "failure", "wait_time", "complaint_question", "hashtag", "sarcasm")
)


class _SentenceState:
    """One sentence's scored items while the message-level rules run."""

    __slots__ = ("span", "items", "keys", "valences", "rules", "notes", "spans", "question", "complains")

    def __init__(self, span: Sentence, items: list[Token], keys: list[str], question: bool) -> None:
        count = len(items)
        self.span = span
        self.items = items
        self.keys = keys
        self.valences = [0.0] * count
        self.rules = [""] * count
        self.notes = [""] * count
        self.spans: dict[int, tuple[int, int]] = {}  # evidence spans wider than the item (phrases, failures)
        self.question = question
        self.complains = False  # set once the word rules have run

    def find_complaint(self) -> None:
        """Note whether a support rule found a complaint here (not just any negative word)."""
        self.complains = not _COMPLAINT_RULES.isdisjoint(self.rules) and any(
            v < 0 and r in _COMPLAINT_RULES for v, r in zip(self.valences, self.rules)
        )


class SupportBackend:
    """VADER's rules plus customer-service adjustments (the default backend).

    Args:
        lexicon: Extra lexicon adjustments (see `cxcoach.resources.load_lexicon`), added to the
            built-in support adjustments, or used instead of them when ``extend`` is false.
        extend: Whether ``lexicon`` extends (default) or replaces the built-in adjustments.
        thresholds: The neutral band ``(negative, positive)``: a compound score at or below
            ``-negative`` is negative, at or above ``positive`` is positive.
        request_threshold: The positive bound for a message that asks or complains (a question,
            "please", a support complaint), where mild positive words are requests, not praise.

    Examples:
        >>> from cxcoach.text import Doc
        >>> SupportBackend().score(Doc("Great, another two hours on hold.")).label
        'negative'
    """

    name = "support"

    def __init__(
        self,
        lexicon: Optional[SentimentLexicon] = None,
        *,
        extend: bool = True,
        thresholds: tuple[float, float] = (NEGATIVE_THRESHOLD, POSITIVE_THRESHOLD),
        request_threshold: float = REQUEST_POSITIVE_THRESHOLD,
    ) -> None:
        builtin = load_lexicon()
        if lexicon is None:
            adjustments = builtin
        else:
            adjustments = builtin.extend(lexicon) if extend else lexicon
        self.adjustments: SentimentLexicon = adjustments
        self.thresholds = thresholds
        self.request_threshold = request_threshold
        constants = vader_constants()
        self._lexicon = words = rated_words(adjustments.words)
        self._support_words = frozenset(adjustments.words)
        # Phrases and their (valence, rule). VADER's own idioms ("bad ass", "yeah right") go in first so
        # the support pack can override them; the matcher takes the longest phrase at each position.
        phrases: dict[str, tuple[float, str]] = {}
        tables = (
            (constants.special_cases, "lexicon"), (adjustments.phrases, "support_phrase"),
            (adjustments.irony_phrases, "sarcasm"),
        )
        for table, rule in tables:
            for phrase, valence in table.items():
                keys = [token.norm for token in Doc(phrase).tokens if token.kind not in _SKIP_KINDS]
                if keys:
                    phrases[" ".join(keys)] = (valence, rule)
        self._phrases = phrases
        self._phrase_matcher = PhraseMatcher(phrases)
        self._phrase_firsts = frozenset(phrase.split(" ")[0] for phrase in phrases)
        # every key the word rules act on: lexicon words and failure verbs
        self._known = frozenset(words) | adjustments.failure_verbs
        self._boosters = {word: value for word, value in constants.boosters.items() if " " not in word}
        self._negations = constants.negations
        self._negation_scalar = constants.negation_scalar
        self._caps_increment = constants.caps_increment
        self._emoji_valence: dict[str, float] = {}
        self._hashtag_cache: dict[str, tuple[float, str]] = {}
        self._longest_word = max(map(len, words))
        # "#neveragain": phrases written without spaces, for lower-case hashtags
        self._compact_phrases = {phrase.replace(" ", ""): v for phrase, v in adjustments.phrases.items() if v}

    def score(self, doc: Doc) -> SentimentResult:
        """Score a message, sentence by sentence."""
        text = doc.text
        tokens = doc.tokens
        cap_diff = _caps_differ(tokens)
        customer = doc.role == "customer"
        states = [self._word_valences(doc, sentence, cap_diff, customer) for sentence in doc.sentences]
        formal = any(state.complains or state.question or "please" in state.keys for state in states)
        total = 0.0
        per_sentence = []
        previous_complains = False
        # an irony phrase or emoji reaches the whole message: "love that they charged me twice. really memorable 🙃"
        marks = self.adjustments.irony_marks
        ironic = any("sarcasm" in state.rules or not marks.isdisjoint(state.keys) for state in states)
        for state in states:
            complains = state.complains
            sarcasm = self._sarcasm(state, complains, previous_complains, ironic)
            self._weigh_courtesy(state, sarcasm, _COURTESY_IN_COMPLAINT if formal else _GRATITUDE)
            if state.question:
                _dampen_question(state)
            valence, evidence = _sum_sentence(state, sarcasm)
            if state.keys[:1] == ["but"]:
                total *= _BEFORE_BUT  # "It was fine. But the refund never came.": VADER's "but" reaches back
            total += valence
            span = state.span
            emphasis = _punctuation_emphasis(text, span.start, span.end)
            if emphasis and valence:
                evidence.append(("punctuation", span.start, span.end, emphasis, "'!' or '??' emphasis"))
            per_sentence.append((span, normalize(_emphasise(valence, emphasis)), evidence))
            previous_complains = complains
        score = normalize(_emphasise(total, _punctuation_emphasis(text, 0, len(text))))
        return build_result(
            doc,
            backend=self.name,
            score=score,
            thresholds=(self.thresholds[0], self.request_threshold) if formal else self.thresholds,
            sentences=per_sentence,
            profanity=self.adjustments.profanity,
        )

    def _word_valences(self, doc: Doc, sentence: Sentence, cap_diff: bool, customer: bool) -> _SentenceState:
        """Phrases, VADER's word rules, failure reports, waits and rhetorical questions, for one sentence."""
        items = [token for token in doc.sentence_tokens(sentence) if token.kind not in _SKIP_KINDS]
        keys = [token.norm for token in items]
        special = [i for i, token in enumerate(items) if token.kind in _SPECIAL_KINDS]
        has_code = False
        for i in special:
            kind = items[i].kind
            if kind == "hashtag":
                keys[i] = keys[i][1:]
            elif kind == "code":
                has_code = True
        if "no" in keys:
            _number_abbreviation(doc.text, items, keys)
        question = doc.text.find("?", sentence.start, sentence.end) >= 0
        state = _SentenceState(sentence, items, keys, question)
        if not items:
            return state
        if self._phrase_firsts.isdisjoint(keys):
            in_phrase = [False] * len(keys)
        else:
            in_phrase = self._match_phrases(state)
        lexicon = self._lexicon
        valences, rules, notes = state.valences, state.rules, state.notes
        for i in special:
            key = keys[i]
            if in_phrase[i] or items[i].kind == "code":
                continue
            if items[i].kind == "emoji":
                valence = self._emoji(key)
                if valence:
                    valences[i], rules[i], notes[i] = valence, "emoji", f"{_SOURCES['emoji']} {valence:+.2f}"
            elif key not in lexicon:
                valence, note = self._hashtag(items[i].text[1:])
                if valence:
                    valences[i], rules[i], notes[i] = valence, "hashtag", note
        # Most words carry no sentiment: visit only those the rules know.
        for i in [i for i, key in enumerate(keys) if key in self._known]:
            key = keys[i]
            if in_phrase[i] or valences[i] or (key in lexicon and items[i].kind == "emoji"):
                continue
            base = lexicon.get(key)
            if base is None:
                self._failure(state, i, in_phrase)  # a failure verb
                continue
            if key in self._boosters or (key == "kind" and i + 1 < len(keys) and keys[i + 1] == "of"):
                continue  # boosters modify other words; "kind of" is a hedge, not kindness
            if key == "well" and _discourse_marker(doc.text, items, keys, i):
                continue
            if key == "best" and i == 0 and len(keys) <= _SIGN_OFF_WORDS and doc.text.startswith(",", items[0].end):
                continue  # "Best, Marco Castellano" signs a letter off; it praises nothing
            valence, note = self._apply_rules(base, i, items, keys, in_phrase, cap_diff)
            rules[i] = "support_lexicon" if key in self._support_words else "lexicon"
            valences[i], notes[i] = valence, f"{_SOURCES[rules[i]]} {base:+.2f}{note}"
        if not self.adjustments.irrealis.isdisjoint(keys):
            self._irrealis(state, in_phrase)
        if customer and (has_code or not self.adjustments.wait_units.isdisjoint(keys)):
            self._wait(state, in_phrase)
        if question:
            self._complaint_question(state)
        state.find_complaint()
        return state

    def _irrealis(self, state: _SentenceState, in_phrase: list[bool]) -> None:
        """Praise within three words after "would"/"should"/"wish" is a wish, not praise."""
        irrealis = self.adjustments.irrealis
        keys = state.keys
        for i, valence in enumerate(state.valences):
            if valence > 0 and not in_phrase[i]:
                for j in range(max(0, i - 3), i):
                    if keys[j] in irrealis:
                        state.valences[i] = valence * _POSITIVE_IRREALIS
                        state.notes[i] += f"; wished for after {state.items[j].text!r}"
                        break

    def _wait(self, state: _SentenceState, in_phrase: list[bool]) -> None:
        """A quantity of time in a customer's sentence ("3 hours", "two days", "45mins") reports a wait."""
        units, quantities = self.adjustments.wait_units, self.adjustments.quantity_words
        items, keys = state.items, state.keys
        for i, key in enumerate(keys):
            if in_phrase[i] or state.valences[i]:
                continue
            if key in units and i > 0 and (items[i - 1].kind == "number" or keys[i - 1] in quantities):
                first = i - 1
            elif items[i].kind == "code" and key[:1].isdigit() and key.lstrip("0123456789") in units:
                first = i
            else:
                continue
            # "in five minutes", "within a day", "a day early" praise speed; they are not waits.
            if (first > 0 and keys[first - 1] in _QUICK_BEFORE) or (i + 1 < len(keys) and keys[i + 1] in _QUICK_AFTER):
                continue
            if self._not_a_wait(keys, first, i, state.question):
                continue
            start = items[first].start
            state.valences[i], state.rules[i] = _WAIT, "wait_time"
            state.spans[i] = (start, items[i].end)
            state.notes[i] = f"a wait of {state.items[i].text!r} {_WAIT:+.2f}"
            return

    def _not_a_wait(self, keys: list[str], first: int, unit: int, question: bool) -> bool:
        """An age ("14 months old"), a time of use ("ten minutes of play") or a period asked for ("can I
        pause my plan for two months?") is a duration that reports no wait."""
        after = keys[unit + 1 : unit + 3]
        if after[:1] == ["old"] or (len(after) == 2 and after[0] == "of" and after[1] in self.adjustments.usage_words):
            return True
        if not (question and first > 0 and keys[first - 1] == "for"):
            return False
        return any(
            modal in _REQUEST_MODALS and subject in ("i", "we") for modal, subject in pairwise(keys[: _REQUEST_REACH + 1])
        )

    def _complaint_question(self, state: _SentenceState) -> None:
        """A question opened by "why" or "how come" is a complaint, not a request for reasons."""
        keys = state.keys
        start = 1 if keys[0] in ("so", "but", "and", "then", "ok", "seriously") and len(keys) > 1 else 0
        for size in (2, 1):
            if start + size > len(keys):
                continue
            opener = " ".join(keys[start : start + size])
            if opener in self.adjustments.complaint_question_openers and not state.valences[start]:
                items = state.items
                state.valences[start], state.rules[start] = _COMPLAINT_QUESTION, "complaint_question"
                state.spans[start] = (items[start].start, items[start + size - 1].end)
                state.notes[start] = f"a question opened by {opener!r} complains {_COMPLAINT_QUESTION:+.2f}"
                return

    def _match_phrases(self, state: _SentenceState) -> list[bool]:
        """Mark phrase matches (the valence sits on the first token); return which items they cover."""
        keys, items = state.keys, state.items
        in_phrase = [False] * len(keys)
        for phrase, first, last in self._phrase_matcher.find_in_words(range(len(keys)), keys):
            valence, rule = self._phrases[phrase]
            state.valences[first], state.rules[first] = valence, rule
            state.notes[first] = f"{_PHRASE_SOURCES[rule]} {valence:+.2f}"
            state.spans[first] = (items[first].start, items[last].end)
            # a negation ending a complaint still negates what follows: "still not happy" is not happy
            end = last if valence < 0 and last > first and self._negates(keys[last]) else last + 1
            in_phrase[first:end] = [True] * (end - first)
        return in_phrase

    def _apply_rules(
        self, base: float, i: int, items: list[Token], keys: list[str], in_phrase: list[bool], cap_diff: bool
    ) -> tuple[float, str]:
        """VADER's per-word rules: "no", capitals, boosters and negation in the three words before.

        Words inside a matched phrase are spent: "no problem, thanks" does not negate "thanks".
        """
        valence = base
        notes = ""
        lexicon = self._lexicon

        def free(j: int) -> bool:
            return j >= 0 and not in_phrase[j]

        if keys[i] == "no" and i + 1 < len(keys) and keys[i + 1] in lexicon:
            return 0.0, ""  # "no" negates the next word instead of counting itself
        if keys[i] == "no":
            pass  # "no hotel, no food": a list of "no"s does not cancel out
        elif (free(i - 1) and keys[i - 1] == "no") or (free(i - 2) and keys[i - 2] == "no") or (
            free(i - 3) and keys[i - 3] == "no" and keys[i - 1] in ("or", "nor")
        ):
            valence = base * self._negation_scalar
            notes += "; negated by 'no'"
        if cap_diff and items[i].text.isupper():
            valence += self._caps_increment if valence > 0 else -self._caps_increment
            notes += "; in capitals"
        for distance in range(1, 4):
            j = i - distance
            if j < 0:
                break
            previous = keys[j]
            if previous in lexicon or in_phrase[j]:
                continue
            boost = self._boosters.get(previous)
            if boost is not None:
                boost = boost if valence > 0 else -boost
                if cap_diff and items[j].text.isupper():
                    boost += self._caps_increment if valence > 0 else -self._caps_increment
                valence += boost * _BOOSTER_DECAY[distance - 1]
                notes += f"; {'boosted' if boost * valence > 0 else 'dampened'} by {items[j].text!r}"
            if distance >= 2 and keys[j] == "never" and keys[j + 1] in ("so", "this"):
                valence *= _NEVER_SO
            elif distance >= 2 and keys[j] == "without" and keys[j + 1] in ("doubt", "question"):
                pass  # "without doubt the worst" emphasises
            elif self._negates(previous) and not (valence < 0 and keys[i] in self.adjustments.profanity):
                # (a negated swear word stays negative: "not doing a damn thing")
                valence *= self._negation_scalar
                notes += f"; negated by {items[j].text!r}"
        if i > 0 and keys[i - 1] == "least" and not (i > 1 and keys[i - 2] in ("at", "very")):
            valence *= self._negation_scalar
            notes += "; negated by 'least'"
        return valence, notes

    def _negates(self, key: str) -> bool:
        return key in self._negations or "n't" in key

    def _failure(self, state: _SentenceState, i: int, in_phrase: list[bool]) -> None:
        """A negated failure verb ("can't check in", "never arrived", "unable to log in") is a complaint."""
        keys = state.keys
        for j in range(i - 1, max(-1, i - 1 - _FAILURE_WINDOW), -1):
            if in_phrase[j] or keys[j] in self._lexicon:
                return  # a sentiment word in between speaks for itself
            if self._negates(keys[j]) or keys[j] == "unable":
                state.valences[i], state.rules[i] = _FAILURE, "failure"
                items = state.items
                state.spans[i] = (items[j].start, items[i].end)
                state.notes[i] = f"failure report: {items[j].text!r} + {items[i].text!r} {_FAILURE:+.2f}"
                return

    def _sarcasm(self, state: _SentenceState, complains: bool, previous_complains: bool, ironic: bool) -> set[int]:
        """Flip praise that is sarcastic; return the flipped indexes.

        Three shapes: praise anywhere in a message with an irony emoji or an irony phrase ("Brilliant,
        really impressed 👎"; "Awesome, a $57 loan to you for two weeks. Love that for me."); a positive opener
        in a sentence that also complains in support terms ("Great, another two hours on hold"), unless
        "but" marks a real contrast; and a sentence of nothing but praise right after a complaint
        ("Never came. Awesome!"). Ordinary negative words do not count: on
        general text ("Love it, hate the price") that flip cost more than it gained.
        """
        valences, keys = state.valences, state.keys
        openers = self.adjustments.sarcasm_openers
        strong = complains and any(
            v <= _SARCASM_COMPLAINT and r in _COMPLAINT_RULES for v, r in zip(valences, state.rules)
        )
        if "but" not in keys and ironic:
            candidates = range(len(keys))  # "Brilliant, really impressed 👎": all its praise is ironic
            praise_only = True
        elif strong and "but" not in keys:
            candidates = range(min(_SARCASM_WINDOW, len(keys)))
            praise_only = False
        elif previous_complains and 0 < len(keys) <= _SARCASTIC_REPLY_ITEMS and all(v > 0 for v in valences):
            candidates = range(len(keys))
            praise_only = True
        else:
            return set()
        flipped = set()
        for i in candidates:
            if valences[i] > 0 and (praise_only or keys[i] in openers or state.items[i].kind in ("emoji", "emoticon")):
                valences[i] = -valences[i]
                state.notes[i] = f"sarcasm: {state.items[i].text!r} in a complaint; {state.notes[i]}"
                flipped.add(i)
        return flipped

    def _weigh_courtesy(self, state: _SentenceState, sarcasm: set[int], factor: float) -> None:
        """Thanks is a formality in a complaint or request, and the message itself otherwise."""
        courtesy = self.adjustments.courtesy
        if courtesy.isdisjoint(state.keys):
            return
        note = "; courtesy in a complaint or request" if factor < 1 else "; thanks is the message"
        for i, key in enumerate(state.keys):
            if i not in sarcasm and state.valences[i] > 0 and key in courtesy:
                state.valences[i] *= factor
                state.notes[i] += note

    def _hashtag(self, body: str) -> tuple[float, str]:
        """Score a compound hashtag: "#NeverAgain", "#badservice", "#usairwaysfail", "#nothappy".

        CamelCase splits into words; otherwise the strongest lexicon word at the start or
        end counts (4+ letters), negated when what is left is "not", "no" or "never". Cached per hashtag.
        """
        cached = self._hashtag_cache.get(body)
        if cached is not None:
            return cached
        lexicon = self._lexicon
        parts = [part.lower() for part in _CAMEL.findall(body)]
        best: tuple[float, str] = (0.0, "")
        if len(parts) > 1:
            total = 0.0
            negate = False
            for part in parts:
                if part in ("not", "no", "never"):
                    negate = True
                elif part in lexicon:
                    total += lexicon[part] * (self._negation_scalar if negate else 1.0)
            phrase = self.adjustments.phrases.get(" ".join(parts), 0.0)
            best = (phrase or total, f"hashtag words {' '.join(parts)!r}")
        elif body.lower() in self._compact_phrases:
            valence = self._compact_phrases[body.lower()]
            best = (valence, f"hashtag phrase {body.lower()!r}")
        else:
            lowered = body.lower()
            # a lexicon word is short: trying only sizes up to the longest keeps this linear in the hashtag
            for size in range(min(len(lowered) - 1, self._longest_word), _HASHTAG_MIN_WORD - 1, -1):
                for word, rest in ((lowered[:size], lowered[size:]), (lowered[-size:], lowered[:-size])):
                    valence = lexicon.get(word, 0.0)
                    if abs(valence) >= _HASHTAG_MIN_VALENCE and abs(valence) > abs(best[0]):
                        if rest in ("not", "no", "never"):
                            valence *= self._negation_scalar
                        best = (valence, f"hashtag contains {word!r}")
        result = (best[0], f"{best[1]} {best[0]:+.2f}" if best[0] else "")
        if len(self._hashtag_cache) > _CACHE_LIMIT:
            self._hashtag_cache.clear()
        self._hashtag_cache[body] = result
        return result

    def _emoji(self, emoji: str) -> float:
        """An emoji's valence: the support lexicon's, else the sum of VADER's for its description's words."""
        valence = self._emoji_valence.get(emoji)
        if valence is None:
            if emoji in self._lexicon:
                valence = self._lexicon[emoji]
            else:
                description = emoji_descriptions().get(emoji) or emoji_descriptions().get(emoji.rstrip("\ufe0f"), "")
                valence = sum(self._lexicon.get(word, 0.0) for word in description.lower().split())
            self._emoji_valence[emoji] = valence
        return valence


def _discourse_marker(text: str, items: list[Token], keys: list[str], i: int) -> bool:
    """Whether the word at ``i`` opens its clause (after nothing but `_BEFORE_MARKER` words) and a comma, a
    full stop or a subject follows it: "Right. Well, thanks.", "well that's a shame", but not "It works
    well." or "Well done!"."""
    if any(key not in _BEFORE_MARKER for key in keys[:i]):
        return False
    return text.startswith(_MARKER_PUNCT, items[i].end) or (i + 1 < len(keys) and keys[i + 1] in _AFTER_MARKER)


def _dampen_question(state: _SentenceState) -> None:
    for i, valence in enumerate(state.valences):
        if valence > 0:
            state.valences[i] = valence * _POSITIVE_IN_QUESTION
            state.notes[i] += "; in a question"


def _sum_sentence(state: _SentenceState, sarcasm: set[int]) -> tuple[float, list[RawEvidence]]:
    """Apply the "but" rule and add up; return the valence sum and its evidence."""
    but = _but_index(state.keys)
    evidence: list[RawEvidence] = []
    total = 0.0
    for i, valence in enumerate(state.valences):
        if not valence:
            continue
        note = state.notes[i]
        if but is not None and i != but:
            valence *= _BEFORE_BUT if i < but else _AFTER_BUT
            note += "; before 'but'" if i < but else "; after 'but'"
        total += valence
        token = state.items[i]
        start, end = state.spans.get(i, (token.start, token.end))
        evidence.append(("sarcasm" if i in sarcasm else state.rules[i], start, end, valence, note))
    return total, evidence


def _number_abbreviation(text: str, items: list[Token], keys: list[str]) -> None:
    """Rename "no" that abbreviates "number" ("student no. 2290417", "order no 881234") so that no rule
    reads it as a negation: a "." right after it, or a long number (an id, not a count), and then a number."""
    for i in range(len(keys) - 1):
        following = items[i + 1]
        if keys[i] == "no" and following.kind in ("number", "code") and (
            text.startswith(".", items[i].end) or len(following.text) >= _ID_DIGITS
        ):
            keys[i] = "no."


def _caps_differ(tokens: tuple[Token, ...]) -> bool:
    """VADER's cap differential: capitals add emphasis only when some, not all, words are in capitals."""
    words = [token.text for token in tokens if token.kind == "word"]
    upper = sum(map(str.isupper, words))
    return 0 < upper < len(words)


def _punctuation_emphasis(text: str, start: int, end: int) -> float:
    exclamations = min(text.count("!", start, end), _MAX_EXCLAMATIONS) * _EXCLAMATION
    questions = text.count("?", start, end)
    if questions > 3:
        return exclamations + _MAX_QUESTION
    if questions > 1:
        return exclamations + questions * _QUESTION
    return exclamations


def _emphasise(total: float, emphasis: float) -> float:
    if total > 0:
        return total + emphasis
    if total < 0:
        return total - emphasis
    return total


def _but_index(keys: list[str]) -> Optional[int]:
    try:
        return keys.index("but")
    except ValueError:
        return None
