"""Customer-side cues: abuse and threats, escalation requests, repeat contact, urgency, and a risk score.

Abuse and threats call for the agent to set limits (PLAYBOOK idea 7); a request for a manager, a
threat to cancel or complain, a third call about the same thing and a deadline all raise the chance
that the customer escalates or leaves. Each cue is a finding with its span and the phrase that decided
it; ``escalation_risk`` (0..1) combines them with the customer's anger.

Cue phrases are data (`cxcoach.resources.CustomerCuePack`, ``data/customer_cues.toml``); the structure
is code: an insult is abuse only when aimed at a person ("you useless lot", not "this useless app" or
"some idiot parked..."), a count is repeat contact only after a contact verb ("I've called three times",
not "charged twice"), a time word is urgency only with a need in its sentence ("I need it today"), and
words inside quotation marks are someone else's ("the letter says 'urgent'"). An insult noun on its own
addresses the reader ("Idiots.", "Thanks for nothing, muppet."), and `pairs` are cue words that count
only with a partner word a few words away ("terminate ... agreement", "you're going to ... regret",
"throw him"): families of phrasings, not the phrasings themselves.

Examples:
    >>> import cxcoach
    >>> a = cxcoach.analyze("Third time I'm calling about this. Get me a manager, you useless lot!")
    >>> sorted({f.label for f in a.findings if f.analyzer == "customer_cues"})
    ['abuse', 'escalation_request', 'repeat_contact']
    >>> a.escalation_risk > 0.7
    True
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional, Sequence

from .learned import LearnedCues
from .models import Evidence, Finding, _trusted
from .phrases import WORD_KINDS, PhraseMatcher
from .resources import CUE_LABELS, CueWeights, CustomerCuePack, load_customer_cues
from .text import Doc, Token

__all__ = ["CustomerCueAnalyzer"]

# A target ("you", "your staff") counts for an insult this many words before it ("your negotiator is a
# slimy little weasel") or after it ("clowns, the lot of you").
_TARGET_BEFORE = 5
_TARGET_AFTER = 3
# After a copula the whole subject can be the target: "the pharmacist in your Hove branch is an arrogant idiot".
_COPULAS = frozenset(("is", "are", "was", "were"))
_COPULA_GAP = 6  # the copula this many words before the insult at most ("are rude, arrogant and frankly stupid")
_SUBJECT_REACH = 10
# Self or stranger words ("I'm such an idiot", "some idiot") count this many words before an insult.
_NOT_AIMED_REACH = 3
# A contact word counts for a count this many words before it ("called ... three times") or after it
# ("third email", "the fifth time I've sent").
_CONTACT_REACH = 5
# A `targeted` phrase of a label with `aims` needs one this many words before or after it ("I need the
# refund before Friday", "need you to hold the room tonight").
_AIM_BEFORE = 8
_AIM_AFTER = 4
# How much the customer's anger adds to the risk, by sentiment intensity 0..3: an angry message with no
# explicit cue is still more likely to escalate than a calm one (tuned on the dev part of
# tests/data/customer_cues.jsonl).
_ANGER = (0.0, 0.1, 0.25, 0.4)
_NEGATIVE = 0.1  # a negative message at intensity 0 still adds a little
# Small whole numbers match phrases as "<n>" ("<n> times", "in <n> min"); longer ones are ids or money.
_NUMBER = "<n>"
_TIME = "<time>"  # a clock time ("5pm", "17:30"): "by <time>" is a deadline
_HAS_DIGIT = re.compile(r"\d")
# A masked swear word ("sh*tes", "f**king") is profanity whatever the word: it matches as "<masked>", which
# the pack lists as an insult that needs a target ("you're all sh*tes", not "what the f*ck happened").
_MASKED = "<masked>"
_IS_MASKED = re.compile(r"[a-z][a-z!@#$%*]*\*[a-z!@#$%*]*$")
# A senior title as a whole sentence, with at most these words, is a demand for one: "Supervisor. Now.",
# "Your manager, please." (not "The manager said.").
_FRAGMENT = frozenset(("now", "please", "pls", "your", "a", "the", "then", "today", "asap"))
# A time word right after one of these is past, not a deadline: "last Tuesday", "since Monday".
_PAST_BEFORE = frozenset(("last", "since", "from", "past"))
_PLANNERS = frozenset(("i'll", "i", "we'll", "we", "i'd", "gonna", "going", "let"))
_DENIED = frozenset(("no", "not", "don't", "dont", "never", "without"))
_QUOTES = frozenset("'\"‘’“”")
# The cues that call for setting limits (PLAYBOOK idea 7).
_LIMITS = frozenset(("abuse", "threat"))
_ARTICLES = frozenset(("a", "an"))


class _WordList:
    """Words and phrases to look for within a window of a sentence's words: single words by a set look-up."""

    def __init__(self, phrases: Sequence[str]) -> None:
        self.singles = frozenset(phrase for phrase in phrases if " " not in phrase)
        longer: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            if " " in phrase:
                parts = tuple(phrase.split(" "))
                longer.setdefault(parts[0], []).append(parts)
        self.longer = {first: tuple(parts) for first, parts in longer.items()}
        self.firsts = self.singles | self.longer.keys()

    def find(self, words: Sequence[str], low: int, high: int) -> int:
        """The index of the last word that starts a listed phrase lying within ``words[low:high]``, or -1."""
        found = self.span(words, low, high)
        return -1 if found is None else found[0]

    def span(self, words: Sequence[str], low: int, high: int) -> Optional[tuple[int, int]]:
        """The indexes ``(first, last)`` of the listed phrase that starts last within ``words[low:high]``."""
        low, high = max(0, low), min(len(words), high)
        if self.firsts.isdisjoint(words[low:high]):
            return None  # most windows hold none of the words: one set operation instead of a loop
        for k in range(high - 1, low - 1, -1):
            word = words[k]
            if word in self.singles:
                return k, k
            for parts in self.longer.get(word, ()):
                if k + len(parts) <= high and tuple(words[k : k + len(parts)]) == parts:
                    return k, k + len(parts) - 1
        return None


class CustomerCueAnalyzer:
    """Finds abuse, threats, escalation requests, repeat contact and urgency in customer messages.

    Assigns ``doc.escalation_risk`` (0..1) for customer messages; agent replies get ``None`` and no
    findings. Put it after the sentiment analyzer to let anger count in the risk.

    Args:
        pack: The cue phrases (default: the built-in pack, ``data/customer_cues.toml``).
        learned: Learned word weights (`cxcoach.learned.LearnedCues`) that add a cue the phrases did not
            find in the message: ``True`` for the built-in weights, a `CueWeights` for your own, ``False``
            for the phrase rules alone. They leave alone a label whose phrase the rules weighed in the
            same sentence, found or turned down ("this f***ing modem" is no abuse), and add no abuse or
            threat to a message the sentiment analyzer (run before) reads as positive.
    """

    name = "customer_cues"
    labels = frozenset(CUE_LABELS)
    assigns = ("escalation_risk",)

    def __init__(self, pack: Optional[CustomerCuePack] = None, learned: CueWeights | bool = True) -> None:
        self.pack = pack or load_customer_cues()
        # learned word weights add the cues the phrases miss; loaded on first use
        self._learned_weights = learned
        self._learned: Optional[LearnedCues] = None
        tags: dict[str, set[tuple[str, str]]] = {}
        blockers: list[str] = []
        for label, rule in self.pack.labels.items():
            for kind in ("phrases", "targeted", "before_contact", "after_contact", "not_this"):
                for phrase in getattr(rule, kind):
                    tags.setdefault(phrase, set()).add((label, kind))
            blockers.extend(rule.not_this)
        # "three chats", "every call": a count or "every" with a contact noun is repeat contact anywhere.
        if "repeat_contact" in self.pack.labels:
            for count in (*self.pack.counts, "every", "each"):
                for noun in self.pack.contact_nouns:
                    tags.setdefault(f"{count} {noun}", set()).add(("repeat_contact", "phrases"))
        # Look-alikes also block a cue they overlap from inside ("I'm cancelling my trip").
        self._blockers = PhraseMatcher(blockers)
        self._blocker_size = max((len(phrase.split(" ")) for phrase in blockers), default=1)
        self._targets = _WordList(self.pack.targets)
        self._contacts = _WordList(self.pack.contact_verbs)
        self._future = _WordList(self.pack.future_markers)
        # The customer's own plans among them ("I'll", "we will", "gonna"), not requests ("could you send another").
        self._plans = _WordList([m for m in self.pack.future_markers if m.split(" ")[0] in _PLANNERS])
        self._naming = _WordList(self.pack.naming_verbs)
        self._not_aimed = _WordList(self.pack.not_aimed)
        self._aims = {label: _WordList(words) for label, words in self.pack.aims.items()}
        # A vocative: an insult noun addressing the reader ("Idiots.", "Thanks for nothing, muppet.").
        if "abuse" in self.pack.labels:
            for noun in self.pack.vocatives:
                tags.setdefault(noun, set()).add(("abuse", "vocative"))
        self._vocatives = frozenset(self.pack.vocatives)
        self._intensifiers = frozenset(self.pack.intensifiers)
        # Pairs: a word that is a cue only with a partner within a few words before or after it ("my last two
        # emails", "terminate the agreement"). One tag per word and label; all its pairs are checked in one call.
        pairs: dict[tuple[str, str], list[tuple[_WordList, int, int, str, frozenset[str]]]] = {}
        for pair in self.pack.pairs:
            if pair.label in self.pack.labels:
                near = _WordList(pair.near)
                check = (near, pair.before, pair.after, pair.why, frozenset(pair.negated))
                for word in pair.words:
                    tags.setdefault(word, set()).add((pair.label, "pair"))
                    pairs.setdefault((pair.label, word), []).append(check)
        self._pairs = {key: tuple(checks) for key, checks in pairs.items()}
        # sorted, not a set: findings come out in the same order in every process (str hashes vary)
        self._tags = {phrase: tuple(sorted(kinds)) for phrase, kinds in tags.items()}
        self._cues = PhraseMatcher(self._tags)
        # Masked words that a phrase spells out keep their form ("f*** off"); any other is "<masked>".
        self._spelled = frozenset(word for phrase in self._tags for word in phrase.split(" ") if "*" in word)

    def analyze(self, doc: Doc) -> tuple[Finding, ...]:
        """Find the cues in a customer message and set its escalation risk."""
        if doc.role != "customer":
            return ()
        findings: list[Finding] = []
        digits = _HAS_DIGIT.search(doc.text) is not None
        masks = "*" in doc.text
        quotes = any(mark in doc.text for mark in _QUOTES)
        learned = self._learned_model()
        # per sentence, the labels whose phrases the rules weighed there: the learned weights leave those alone
        settled: Optional[list[set[str]]] = [set() for _ in doc.sentences] if learned is not None else None
        for index, sentence in enumerate(doc.sentences):
            tokens = doc.sentence_tokens(sentence)
            positions, words = doc.sentence_words(sentence)
            if digits:
                words = [
                    _NUMBER if word.isdigit() and len(word) <= 2 else _TIME if tokens[position].kind == "time" else word
                    for position, word in zip(positions, words)
                ]
            if masks:
                words = [_MASKED if "*" in word and word not in self._spelled and _IS_MASKED.match(word) else word for word in words]
            matches = self._cues.find_in_words(positions, words)
            if not matches:
                continue
            quoted = _quoted(tokens) if quotes else frozenset()
            for phrase, first, last in matches:
                if settled is not None:
                    # a cue phrase weighed here, found or not: the rules decided this label for this sentence
                    settled[index].update(label for label, _ in self._tags[phrase])
                if first in quoted:
                    continue  # someone else's words: "the letter says 'urgent'"
                # positions are sorted: a binary search, as list.index made one 1 MB sentence quadratic (35 s)
                i = bisect_left(positions, first)
                j = bisect_left(positions, last, i)
                found: set[str] = set()  # one finding per cue, even when two kinds of phrase find it
                for label, kind in self._tags[phrase]:
                    if kind == "not_this" or label in found:
                        continue
                    why = None
                    start, end = first, last
                    if kind == "pair":
                        partner = self._partner(label, phrase, words, i, j)
                        if partner is None:
                            continue
                        # the evidence spans the cue word and its partner: "never ordering from you again"
                        why, near_first, near_last = partner
                        start, end = min(first, positions[near_first]), max(last, positions[near_last])
                    elif kind == "vocative":
                        if not self._addressed(tokens, words, first, last):
                            continue
                    elif not self._holds(label, kind, words, i, j):
                        continue
                    if self._blocked(positions, words, i, j):
                        break
                    found.add(label)
                    findings.append(self._finding(doc, tokens, label, kind, phrase, start, end, why))
        if learned is not None and settled is not None:
            found_labels = {finding.label for finding in findings}
            if doc.sentiment is not None and doc.sentiment.label == "positive":
                # no one threatens in a message that reads as positive: "Tell your driver thanks, I know he was busy."
                found_labels |= _LIMITS
            added = learned.findings(doc, [found_labels | skip for skip in settled], self.name)
            if added:
                findings = sorted(findings + added, key=lambda finding: finding.start)
        doc.escalation_risk = self._risk(doc, findings)
        return tuple(findings)

    def _learned_model(self) -> Optional[LearnedCues]:
        if self._learned is None and self._learned_weights is not False:
            weights = self._learned_weights
            self._learned = LearnedCues(weights if isinstance(weights, CueWeights) else None)
        return self._learned

    def _holds(self, label: str, kind: str, words: list[str], i: int, j: int) -> bool:
        """Whether the structure a phrase of this kind needs is there around ``words[i..j]``."""
        if kind == "targeted":
            aims = self._aims.get(label)
            if aims is not None:
                if label == "urgency" and i > 0 and words[i - 1] in _PAST_BEFORE:
                    return False  # "you told me last Tuesday", not a deadline
                # no slices: all() stops at the first other word, where copying the sentence per match was quadratic
                if label == "escalation_request" and all(
                    words[k] in _FRAGMENT for k in range(len(words)) if not i <= k <= j
                ):
                    return True  # "Supervisor. Now."
                aim = aims.find(words, i - _AIM_BEFORE, j + 1 + _AIM_AFTER)
                # "I need it today", not "called today"; a denied need is none: "no need to hurry, tomorrow is fine"
                return aim >= 0 and not (aim > 0 and words[aim - 1] in _DENIED)
            before = _SUBJECT_REACH if _COPULAS.intersection(words[max(0, i - _COPULA_GAP) : i]) else _TARGET_BEFORE
            if self._targets.find(words, i - before, j + 1 + _TARGET_AFTER) < 0:
                return False  # "you useless lot", not "this useless app"
            not_aimed = self._not_aimed.find(words, i - _NOT_AIMED_REACH, i)
            if not_aimed >= 0 and self._targets.find(words, not_aimed + 1, i) < 0:
                return False  # "I'm such an idiot", "some idiot parked..."; but "stop lying to me, you crooks"
            # "called your driver an idiot" reports an insult, it does not make one
            return not (_ARTICLES.intersection(words[max(0, i - 2) : i]) and self._naming.find(words, i - 6, i) >= 0)
        if kind == "after_contact":
            contact = self._contacts.find(words, i - _CONTACT_REACH, i)
            # "called three times", not "charged twice"; "I'll email again" is a plan, not a repeat
            return contact >= 0 and self._future.find(words, contact - 2, contact) < 0
        if kind == "before_contact":
            # "third email", not a plan: "I'll drop you another message next week"
            return self._contacts.find(words, j + 1, j + 1 + _CONTACT_REACH) >= 0 and self._plans.find(words, i - 3, i) < 0
        return True

    def _partner(
        self, label: str, phrase: str, words: list[str], i: int, j: int
    ) -> Optional[tuple[str, int, int]]:
        """What the partner of a paired cue word is (the pair's ``why``) and its word indexes ``(first, last)``,
        or None when no partner is near. A negated pair's partner starts with its negation ("never order")."""
        for near, before, after, why, negated in self._pairs[(label, phrase)]:
            found = near.span(words, i - before, j + 1 + after)
            if found is None:
                continue
            first, last = found
            if negated:
                negations = [k for k in range(max(0, first - 2), first) if words[k] in negated]
                if not negations:
                    continue
                first = negations[0]
            return why, first, last
        return None

    def _addressed(self, tokens: tuple[Token, ...], words: list[str], first: int, last: int) -> bool:
        """Whether an insult noun addresses the reader: a sentence of its own ("Idiots.", "Absolute clowns!")
        or set off by a comma at the start or the end of its sentence ("Thanks for nothing, muppet.")."""
        if all(word in self._vocatives or word in self._intensifiers for word in words):
            return True
        before = first - 1
        while before >= 0 and tokens[before].norm in self._intensifiers:
            before -= 1
        if before >= 0 and tokens[before].text == "," and all(t.kind not in WORD_KINDS for t in tokens[last + 1 :]):
            return True  # "..., you muppet." is found as targeted already; "..., muppet." here
        after = last + 1
        return (
            after < len(tokens) and tokens[after].text == ","
            and all(t.kind not in WORD_KINDS or t.norm in self._intensifiers for t in tokens[:first])
        )

    def _blocked(self, positions: list[int], words: list[str], i: int, j: int) -> bool:
        """Whether a look-alike that starts inside the cue covers it ("I'm cancelling my trip")."""
        if i == j:
            return False
        end = j + self._blocker_size
        return any(first <= positions[j] for _, first, _ in self._blockers.find_in_words(positions[i + 1 : end], words[i + 1 : end]))

    def _finding(
        self, doc: Doc, tokens: tuple[Token, ...], label: str, kind: str, phrase: str, first: int, last: int,
        why: Optional[str] = None,
    ) -> Finding:
        start, end = tokens[first].start, tokens[last].end
        text = doc.text[start:end]
        detail = {
            "phrases": f"cue {phrase!r}",
            "targeted": f"{phrase!r} aimed at a person" if label not in self._aims else f"{phrase!r} with {label} context",
            "after_contact": f"{phrase!r} after a contact verb",
            "before_contact": f"{phrase!r} before a contact word",
            "vocative": f"{phrase!r} addressing the reader",
        }.get(kind) or f"{phrase!r} with {why}"
        evidence = (_trusted(Evidence, start=start, end=end, text=text, rule=kind, weight=self.pack.weights.get(label, 0.0), detail=detail),)
        return _trusted(
            Finding, start=start, end=end, text=text, label=label, score=self.pack.weights.get(label, 0.0),
            analyzer=self.name, evidence=evidence, suggestion=None,
        )

    def _risk(self, doc: Doc, findings: list[Finding]) -> float:
        """1 - the chance that nothing escalates: each cue label once, plus the customer's anger."""
        calm = 1.0
        for label in {finding.label for finding in findings}:
            calm *= 1.0 - self.pack.weights.get(label, 0.0)
        sentiment = doc.sentiment
        if sentiment is not None and sentiment.label == "negative":
            calm *= 1.0 - max(_NEGATIVE, _ANGER[sentiment.intensity])
        return round(1.0 - calm, 3)


def _quoted(tokens: tuple[Token, ...]) -> frozenset[int]:
    """Indexes of the tokens inside quotation marks; a quote opens before a word and closes after one."""
    inside: set[int] = set()
    opened = -1
    for k, token in enumerate(tokens):
        if token.text not in _QUOTES:
            continue
        touches_next = k + 1 < len(tokens) and tokens[k + 1].start == token.end
        touches_previous = k > 0 and tokens[k - 1].end == token.start
        if opened < 0 and touches_next and not touches_previous:
            opened = k
        elif opened >= 0 and touches_previous:
            inside.update(range(opened + 1, k))
            opened = -1
    return frozenset(inside)
