"""Which listening and empathy techniques an agent reply uses: the taxonomy of PLAYBOOK section 3.

Vendors give one yes/no "empathy" score; this names each technique (validation, labeling, mirroring,
apology, assurance, open questions, ... and the anti-patterns dismissive and blaming) with the clause
that carries it and the cue that decided it. Cue phrases are data (`cxcoach.resources.TechniquePack`,
``data/techniques.toml``), which a team can extend or replace; the structure is code:

* where a cue stands: some count only at a sentence's start, in a question, right after a promise
  ("I'll" + "call you" is a follow-up), or before an emotion word ("you must be" + "exhausted" is
  labeling, "you must be logged in" is nothing);
* negation just before a cue drops it, or turns it into its opposite when the pack says so;
* look-alikes block a cue: "Sorry, we close at 6" is politeness, "sorry if you feel..." is a
  non-apology, "thanks to the new system" is not gratitude;
* open questions are questions that invite a story ("what happened when you tried?"), not one fact;
* a time estimate or clock time in a reply is an ``expectation_timeline`` when its clause looks ahead
  to the customer's result, unless it is the time of the agent's own call-back (``follow_up``), a
  policy window, opening hours, an offer, an instruction, or in a question;
* mirroring needs the customer's message (``context``): the customer's content words, numbers and
  names come back in the reply, with or without a paraphrase cue.

Examples:
    >>> import cxcoach
    >>> reply = cxcoach.analyze(
    ...     "I'm so sorry the order arrived broken, that must be frustrating. I'll email you on Monday.",
    ...     role="agent")
    >>> sorted(reply.techniques)
    ['apology', 'follow_up', 'labeling']
    >>> sorted(cxcoach.analyze("Sorry, we close at 6.", role="agent").techniques)
    []
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from operator import attrgetter
from typing import Mapping, NamedTuple, Optional

from .estimates import EstimateParser, doc_estimates, estimates_within
from .learned import LearnedTechniques
from .models import TECHNIQUES, Estimate, Evidence, Finding, _trusted
from .phrases import PhraseMatcher
from .resources import (
    TechniquePack,
    TechniqueRule,
    WordWeights,
    load_answer_cues,
    load_estimate_words,
    load_lexicon,
    load_technique_pack,
)
from .sentiment.lexicons import rated_words
from .text import CLAUSE_PUNCT as _CLAUSE_PUNCT
from .text import WORD_KINDS, Doc, Sentence, Token, asks, stem

__all__ = ["TechniqueAnalyzer"]

# Cue kinds of a `TechniqueRule` that find a technique (``not_this`` only blocks).
_FINDING_KINDS = (
    "phrases", "starts", "questions", "frames", "after_future", "after_refusal", "owned", "actors", "spared", "held",
    "verdicts", "consequences",
)
# A feeling counts for a ``verdicts`` cue this many words before it ("your anger, with clients depending
# on you, is more than fair"), unless one of `_CONTRASTS` comes between.
_VERDICT_REACH = 10
_CONTRASTS = frozenset(("but", "though", "although", "however", "yet"))
# A negator this many words before a cue, in the same clause, negates it ("I can't promise").
_NEGATION_WINDOW = 3
# An emotion word counts for a frame when it comes within this many words after it ("you must be so
# very tired": frame, two intensifiers, emotion).
_FRAME_REACH = 4
# A label's own frame words reach further than an emotion word: "you uploaded the drawings in the
# wrong format" (blaming).
_FAULT_REACH = 6
# An owner word ("you", "your end") counts for an ``owned`` cue this many words after it, in its clause
# ("that's down to the network you picked").
_OWNED_REACH = 6
# A harm is ruled out by a negator this many words before it: further than a negation, as the negator
# may start the subject or a longer verb ("*no* more money can leave your account", "you're *not* going
# to be out of pocket", "you *won't* be a penny worse off").
_SPARED_WINDOW = 6
# A promise marker counts for a cue this many words before it ("I'll personally call you").
_FUTURE_REACH = 3
# A deflection turns an apology into a non-apology this many words after it ("we apologise for any
# inconvenience", "we're sorry your mother felt").
_DEFLECTION_REACH = 3
# A clause reaches at most this many tokens either side of a cue: a longer run without punctuation is
# not one clause, and the bound keeps a huge unpunctuated text linear.
_CLAUSE_REACH = 40
# Punctuation that ends a clause inside a sentence (CLAUSE_PUNCT without the sentence's own end).
_MID_CLAUSE_PUNCT = frozenset((",", ";", ":", "—", "–", "(", ")"))
# Words that also end a clause (besides CLAUSE_PUNCT): a technique's span is its clause, and a
# follow-up's time is the one in its own clause.
_CLAUSE_WORDS = frozenset(("and", "but", "while", "whereas", "although", "though", "however"))
_NO_WORDS: frozenset[str] = frozenset()
# Sympathy before a "you ..." cue makes it part of the sympathy ("sorry you're disappointed", "sorry you
# lost a day"); before another cue it blocks nothing ("sorry it gave you such a fright" names the fright)
_SYMPATHY = frozenset(("sorry", "apologise", "apologize", "apologies", "shame", "pity", "unfortunately"))
# Words that open a reason or a condition: a negator before one does not reach past it (`_negated`)
_REASONS = frozenset(("because", "since", "cos", "which", "unless"))
# Words after a duration that make it a rule, not a time for the customer's result ("within 30
# days of purchase", "48 hours before arrival") or a past event ("3 days ago"). After a day they do
# not: "tomorrow before noon", "Monday from 9am".
_NOT_A_FORECAST = frozenset(("of", "before", "prior", "ago", "from"))
# Of those, the ones that only anchor a time for the result when the clause looks ahead before the
# estimate, by more than its own preposition: "usually 2-3 weeks from when we receive the form", "it will
# be with you within a week of us receiving it" (but "returns within 30 days of purchase", "you have 30
# days from delivery to send it back").
_ANCHORS = frozenset(("of", "from"))
# Forecast words that are also an estimate's own preposition ("in 3 days", "by Friday"): they look
# ahead only as part of the estimate, not elsewhere in its clause ("four hours in the queue", "the
# screen we fitted on 4 March is letting rain in").
_LEADS = frozenset(("in", "within", "by", "until", "till"))
# Words that may come before an instruction's verb at the start of its clause ("please allow...").
_SOFTENERS = frozenset(("please", "just", "simply", "then", "so", "now"))
# A count before "in <duration>" makes it a rate, not a time: "three outages in one week", "no more
# than 8 doses in 24 hours", "charged twice in two months".
_COUNT_WORDS = frozenset(("twice", "once", "times"))
# A digit before ":" or "am"/"pm": the reply may hold a clock time (see `TechniqueAnalyzer._clock_spans`).
_CLOCKISH = re.compile(r"[0-9](?::| ?[apAP]\.?[mM])")
_KIND = attrgetter("kind")
_OPENING_ENDS = frozenset(("—", "–", "-", ";", ":"))
# Offers that promise rather than offer: after a condition ("if it's still showing on Friday I'll chase
# it"), a follow-up, not another option (`_hardship`)
_PROMISES = frozenset(("we'll", "i'll", "we will", "i will"))
# Labels that react to what the customer went through: a restating fragment often leads into one.
_REACTIONS = frozenset(("labeling", "validation", "apology"))
# The agent speaking of itself: a fragment holding one reports what the agent did, it restates nothing.
_AGENT_SELF = frozenset(("i", "i've", "i'm", "i'll", "i'd", "me", "my", "myself"))
# The customer as the one who did something: a consequence after one of these may blame them.
_SECOND_PERSON = frozenset(("you", "your", "you're", "you've", "you'd", "yours", "yourself"))
# A word rated at least this high ("free", "better", "saved") makes a consequence good news, not blame; one
# rated this low or lower ("rejected", "missing", "late") makes it a problem.
_GOOD_NEWS = 1.5
_BAD_NEWS = -0.9
_FACT_KINDS = frozenset(("number", "code", "money", "time", "email"))
# Words that may stand between an ``actors`` subject and its verb ("you probably clicked", "you then
# entered"), besides adverbs in "-ly" ("you accidentally deleted").
_ACT_ADVERBS = frozenset(("just", "then", "also", "probably", "still"))
# After "no" these affirm: "no wonder you're upset", "it's no surprise you're worried sick".
_NOT_NEGATING = frozenset(("wonder", "surprise", "doubt"))
# Subjects that open a relative clause after a noun ("the bill you can't meet").
_SUBJECTS = frozenset(("you", "we", "they", "i", "he", "she"))
# Linking verbs: "the form you sent *was* incomplete".
_LINKS = frozenset(("is", "was", "are", "were", "isn't", "wasn't"))
# Past linking verbs for ``held`` faults: "your details *were* wrong" says what went wrong; "your card
# details *are* out of date" says what to fix now.
_PAST_LINKS = frozenset(("was", "were", "been", "had"))
# A ``held`` subject is at most this many words before its linking verb ("the reference on your transfer").
_HELD_SUBJECT = 6
# Small words that may stand between a ``held`` linking verb and its fault, besides the customer's acts
# and adverbs ("was made *for the* wrong date", "were *all* out of date").
_HELD_BRIDGE = frozenset(("for", "the", "a", "an", "at", "on", "in", "out", "up", "all", "still", "already", "been", "too"))
# Words that make a fault the company's or a third party's: "our records had the wrong postcode", "we
# entered it wrong", "your bank's details were wrong on their end".
_OTHERS = frozenset(("we", "we've", "we'd", "we're", "our", "ours", "they", "they've", "they'd", "they're", "their"))
# Faults that count only with the customer's own act named: "your form was *submitted* late", not "your
# reading was late because the engineer couldn't get in".
_NEEDS_ACT = frozenset(("late",))
# Words that point at the customer, for ``spared`` harms: "you won't lose", "nothing is lost", "your
# points aren't going anywhere".
_CUSTOMER_WORDS = frozenset(("you", "you're", "you'll", "you've", "you'd", "your", "yours", "yourself", "nothing", "none"))
# Negators that refuse or report rather than rule a harm out: "you can't pay by cheque", "you didn't pay".
_NOT_SPARING = frozenset(("can't", "cannot", "cant", "didn't", "couldn't", "wouldn't", "shouldn't", "hardly"))
# After these, "not" refuses or reports too ("you did not pay", "we could not pay").
_NOT_SPARING_BEFORE_NOT = frozenset(("did", "can", "could", "would", "should"))
# "You won't be able to pay online" is a limit, not a harm ruled out.
_NOT_SPARING_BETWEEN = frozenset(("able", "allowed", "permitted"))


class _Hit(NamedTuple):
    label: str
    first: int  # token indexes into the sentence's tokens, inclusive
    last: int
    rule: str
    detail: str


# Token kinds besides words that carry what the customer said: figures, references, amounts, times.
_HEARD_KINDS = frozenset(("number", "code", "money", "time"))


class TechniqueAnalyzer:
    """Assigns ``doc.techniques`` for agent replies: the taxonomy labels, one finding per clause.

    Customer messages get no techniques (``None``) and no findings from this analyzer.

    Args:
        pack: The cue phrases (default: the built-in pack, ``data/techniques.toml``).
        estimates: The estimate parser used when no answer-style analyzer has filled ``doc.estimates``.
        learned: Learned word weights (`cxcoach.learned`) that add a technique the phrases did not find
            in the reply: ``True`` for the built-in weights, a `WordWeights` for your own, ``False`` for
            the phrase rules alone.

    Examples:
        >>> from cxcoach.text import Doc
        >>> doc = Doc("Can you tell me more about what happened?", role="agent")
        >>> [f.label for f in TechniqueAnalyzer().analyze(doc)]
        ['open_question']
    """

    name = "techniques"
    labels = frozenset(TECHNIQUES)
    assigns = ("techniques",)

    def __init__(
        self,
        pack: Optional[TechniquePack] = None,
        estimates: Optional[EstimateParser] = None,
        learned: WordWeights | bool = True,
    ) -> None:
        self.pack = pack or load_technique_pack()
        # learned word weights add what the phrases miss; loaded on first use, as they are the biggest file
        self._learned_weights = learned
        self._learned: Optional[LearnedTechniques] = None
        self._word_ratings: Optional[dict[str, float]] = None
        tags: dict[str, set[tuple[str, str]]] = {}
        for label, rule in self.pack.labels.items():
            for kind in (*_FINDING_KINDS, "not_this"):
                for phrase in getattr(rule, kind):
                    tags.setdefault(phrase, set()).add((label, kind))
        # sorted, not a set: findings come out in the same order in every process (str hashes vary)
        self._tags = {phrase: tuple(sorted(kinds)) for phrase, kinds in tags.items()}
        self._cues = PhraseMatcher(self._tags)
        self._longest = max((phrase.count(" ") + 1 for phrase in self._tags), default=1)
        self._look_alikes = frozenset(phrase for phrase, kinds in self._tags.items() if any(k == "not_this" for _, k in kinds))
        self._emotions = PhraseMatcher(self.pack.emotions)
        # a frame looks for emotion words, or for the label's own words ("you entered" + "wrong": blaming)
        self._frame_words = {
            label: PhraseMatcher(rule.frame_words) for label, rule in self.pack.labels.items() if rule.frame_words
        }
        self._links = {label: frozenset(rule.frame_links) for label, rule in self.pack.labels.items() if rule.frame_links}
        self._faults = {label: PhraseMatcher(rule.faults) for label, rule in self.pack.labels.items() if rule.faults}
        self._supplied = {label: frozenset(rule.supplied) for label, rule in self.pack.labels.items() if rule.held}
        self._held_acts = {label: frozenset(rule.held_acts) for label, rule in self.pack.labels.items() if rule.held}
        self._future = tuple(tuple(marker.split(" ")) for marker in self.pack.future)
        self._owners = PhraseMatcher(self.pack.owners)
        self._deflections = PhraseMatcher(self.pack.deflections)
        self._deflection_words = max((len(phrase.split()) for phrase in self.pack.deflections), default=1)
        self._refusals = PhraseMatcher(self.pack.refusals)
        self._forecast = PhraseMatcher(self.pack.forecast)
        self._not_forecast = PhraseMatcher(self.pack.not_forecast)
        self._arranged = PhraseMatcher(self.pack.arranged)
        self._estimates = estimates
        self._instruction_verbs = load_answer_cues().instruction_verbs
        numbers = (estimates.words if estimates is not None else load_estimate_words()).numbers
        self._counts = _COUNT_WORDS | {word for word in numbers if " " not in word and word not in ("a", "an")}

    def analyze(self, doc: Doc) -> tuple[Finding, ...]:
        """Find the techniques in an agent reply; customer messages are left alone."""
        if doc.role != "agent":
            return ()
        estimates = doc_estimates(doc, self._estimates)
        heard = self._customer_words(doc)
        findings: list[Finding] = []
        refused = [False]  # whether the reply has said no yet: an offer after a no is an alternative
        clocks = _CLOCKISH.search(doc.text) is not None  # one search, so that most replies skip the clock scan
        learned = self._learned_model()
        # per sentence, what the learned weights may not add there (see `_settled`)
        settled: list[set[str]] = []
        addressed = self.pack.addressed
        for sentence in doc.sentences:
            seen: Optional[set[str]] = set() if learned is not None else None
            labels: set[str] = set()
            for part in _parts(doc, sentence):
                hits = self._sentence(doc, part, estimates, heard, refused, clocks, seen)
                findings.extend(self._findings(doc, part, hits))
                labels.update(hit.label for hit in hits)
            if seen is not None:
                skip = _settled(seen, labels)
                if addressed and addressed.isdisjoint(doc.sentence_words(sentence)[1]):
                    skip.add("blaming")  # blame the weights find must name the customer ("Our returns window...")
                settled.append(skip)
        found = frozenset(finding.label for finding in findings)
        if learned is not None:
            added = learned.findings(doc, [found | skip for skip in settled], self.name)
            if added:
                findings = sorted(findings + added, key=lambda finding: finding.start)
                found |= {finding.label for finding in added}
        doc.techniques = found
        return tuple(findings)

    def _learned_model(self) -> Optional[LearnedTechniques]:
        if self._learned is None and self._learned_weights is not False:
            weights = self._learned_weights
            self._learned = LearnedTechniques(weights if isinstance(weights, WordWeights) else None)
        return self._learned

    # -- one sentence -------------------------------------------------------------------------------

    def _sentence(
        self,
        doc: Doc,
        sentence: Sentence,
        estimates: tuple[Estimate, ...],
        heard: dict[str, str],
        refused: Optional[list[bool]] = None,
        clocks: bool = True,
        considered: Optional[set[str]] = None,
    ) -> list[_Hit]:
        """The sentence's hits; ``considered`` (when given) gets every label a matched cue was for (all of
        them for a look-alike)."""
        tokens = doc.sentence_tokens(sentence)
        positions, words = doc.sentence_words(sentence)
        if not words:
            return []
        question = asks(tokens)
        word_of = dict(zip(positions, range(len(positions))))
        start = self._start(words)
        refusals = self._refusals.find_in_words(positions, words)
        said_no = refusals[0][1] if refusals else None  # token index of this sentence's first "no"
        # an offer after a difficulty or preference put as a condition is an alternative too ("If five
        # weeks is too long, we can...", "if it still sticks, I can..."): a no for this sentence alone
        hardship = self._hardship(positions, words) if said_no is None and "if" in words else None
        hits: list[_Hit] = []
        matches = self._cues.find_in_words(positions, words)
        m = 0
        # cues found again inside a cue that did not count, read before the rest; the sentence's own matches
        # that start at or before `covered` gave way to them
        hidden_queue: list[tuple[str, int, int]] = []
        covered = -1
        while hidden_queue or m < len(matches):
            if hidden_queue:
                phrase, first, last = hidden_queue.pop(0)
            else:
                phrase, first, last = matches[m]
                m += 1
                if first <= covered:
                    continue
            i, j = word_of[first], word_of[last]
            if considered is not None:
                # a look-alike ("you must be signed in", "sorry to bother you") says the sentence only
                # looks like a technique: every label is weighed
                look_alike = phrase in self._look_alikes
                considered.update(_TECHNIQUE_SET if look_alike else (tag[0] for tag in self._tags[phrase]))
            found = self._cue_hits(phrase, tokens, words, positions, i, j, start, question, said_no, refused, hardship)
            if found:
                hits.extend(found)
            elif j > i and phrase not in self._look_alikes:
                # a cue that does not count where it stands ("so you" mid-sentence) hides nothing: look
                # again at the cues starting inside it ("so you must have missed it"), in a bounded
                # window so that a long unpunctuated text stays linear
                end = min(len(words), j + 1 + self._longest)
                hidden = [
                    match for match in self._cues.find_in_words(positions[i + 1 : end], words[i + 1 : end])
                    if match[1] <= last
                ]
                if hidden:
                    # not rebuilding the list of matches left: that was quadratic in a long sentence
                    reach = max(last, hidden[-1][2])
                    hidden_queue = hidden + [match for match in hidden_queue if match[1] > reach]
                    covered = max(covered, reach)
        hits = _resolve(tokens, hits)
        hits = self._timelines(sentence, tokens, estimates, hits, question, clocks, positions, words)
        cues = [hit for hit in hits if hit.label == "mirroring"]
        cue = cues[0] if cues else None
        if cues:  # a paraphrase cue alone is not mirroring: the customer's words must come back
            hits = [hit for hit in hits if hit.label != "mirroring"]
        if question and not any(hit.label == "confirmation" for hit in hits):
            tag = self._fact_tag(tokens, positions, words)
            if tag in self.pack.telling_tags:
                if considered is not None:  # "..., okay?" tells: the weights may not make it a check either
                    considered.add("confirmation")
            elif tag is not None:
                hits.append(_Hit("confirmation", positions[0], positions[-1], "question_tag", f"a fact, then {tag!r}?"))
        if heard:
            reaction = min((hit.first for hit in hits if hit.label in _REACTIONS), default=None)
            mirrored = self._mirroring(tokens, positions, words, heard, cue, reaction)
            if mirrored is not None and not question:
                hits.append(mirrored)
            elif mirrored is not None and not any(hit.label == "confirmation" for hit in hits):
                # a restatement asked as a question checks a fact: confirmation ("So the locker took the
                # code but the door stayed shut?")
                hits.append(mirrored._replace(label="confirmation", rule="restated_question"))
        if refused is not None and not refused[0]:
            refused[0] = said_no is not None
        return hits

    def _cue_hits(
        self,
        phrase: str,
        tokens: tuple[Token, ...],
        words: list[str],
        positions: list[int],
        i: int,
        j: int,
        start: int,
        question: bool,
        said_no: Optional[int],
        refused: Optional[list[bool]],
        hardship: Optional[int] = None,
    ) -> list[_Hit]:
        """The hits of one matched cue phrase (words ``i`` to ``j``), for every label it counts for here.

        ``said_no`` is the token index of the sentence's first refusal, ``hardship`` of a difficulty or
        preference in an "if" clause (see `_hardship`); ``refused`` says an earlier sentence refused.
        """
        first, last = positions[i], positions[j]
        hits: list[_Hit] = []
        for label, kind in self._tags[phrase]:
            if kind == "not_this":
                continue  # a look-alike: matched only so that it hides the cue inside it
            after_no = (
                kind != "after_refusal" or bool(refused and refused[0]) or (said_no is not None and said_no < first)
            )
            if not after_no and not (hardship is not None and hardship < first and phrase not in _PROMISES):
                continue  # "we can repair it" is an alternative only after a no
            if not self._fits(kind, label, phrase, tokens, words, positions, i, j, start, question):
                continue
            if label == "assurance" and phrase.endswith(("make sure", "ensure")) and (
                _names_someone(tokens, last) or _relays(tokens, words, positions, j)
            ):
                continue  # "I'll make sure Bev gets your message" passes a message on; it owns no problem
            rule = self.pack.labels[label]
            if kind == "spared":  # a harm ruled out: its negation is what makes it count
                hits.append(_Hit(label, first, last, kind, f"spared cue {phrase!r} ruled out for the customer"))
                continue
            if (rule.relative or rule.not_after) and self._guarded(rule, phrase, tokens, words, positions, i, kind):
                continue
            if self._negated(tokens, words, positions, i):
                if rule.negated is None:
                    continue
                label = rule.negated
                detail = f"negated cue {phrase!r}"
            elif after_no:
                detail = f"{kind.replace('_', ' ')} cue {phrase!r}"
            else:
                detail = f"offer {phrase!r} after a difficulty or preference in an 'if' clause"
            if label == "apology" and self._deflected(tokens, positions, words, j):
                label, detail = "non_apology", f"apology {phrase!r} that deflects"
            hits.append(_Hit(label, first, last, kind, detail))
        return hits

    def _hardship(self, positions: list[int], words: list[str]) -> Optional[int]:
        """The token index of the first difficulty or preference after an "if" ("If five weeks is too long",
        "if it still sticks", "If you'd rather"; see `hardships`), or ``None``."""
        hardships = self.pack.hardships
        conditional = False
        for position, word in zip(positions, words):
            if word == "if":
                conditional = True
            elif conditional and word in hardships:
                return position
        return None

    def _fact_tag(self, tokens: tuple[Token, ...], positions: list[int], words: list[str]) -> Optional[str]:
        """The question tag after the last comma of a question that names a fact before it, which the tag
        asks the customer to check: "The refund went to the card ending 4471, yes?", "You're at the Elm
        Street branch, right?" (see `question_tags`); or a tag that tells, whatever comes before it
        ("..., okay?": see `telling_tags`). ``None`` otherwise."""
        comma = next((k for k in range(len(tokens) - 1, 0, -1) if tokens[k].text == ","), None)
        if comma is None:
            return None
        tag = " ".join(word for position, word in zip(positions, words) if position > comma)
        if tag in self.pack.telling_tags:
            return tag
        if tag not in self.pack.question_tags or not _names_fact(tokens[:comma], positions[0]):
            return None
        return tag

    def _start(self, words: list[str]) -> int:
        """Index of the first word after leaders ("So, ...", "Oh no, ...", "Hi Sam, ...")."""
        leaders = self.pack.leaders
        i = 0
        while i < len(words) - 1 and words[i] in leaders:
            i += 1
        return i

    def _fits(
        self,
        kind: str,
        label: str,
        phrase: str,
        tokens: tuple[Token, ...],
        words: list[str],
        positions: list[int],
        i: int,
        j: int,
        start: int,
        question: bool,
    ) -> bool:
        """Whether a cue of this kind counts where it stands."""
        if kind == "starts":
            # a start cue may itself be a leader ("So, ..."); an open question's start must ask
            if i <= start:
                return question or label != "open_question"
            # "When it crashes, what do you see?": an open question may follow a clause that sets it up
            return label == "open_question" and question and _opens_last_clause(tokens, positions[i])
        if kind == "questions":
            # a closed question checks a fact only when it names one ("is that the account ending 4421?")
            return question and (label != "confirmation" or _names_fact(tokens, positions[i]))
        if kind == "frames":
            matcher = self._frame_words.get(label)
            reach = _FAULT_REACH if matcher is not None else _FRAME_REACH
            matcher = matcher or self._emotions
            if reach > _FRAME_REACH and question:
                return False  # "did you enter the wrong code?", "is my account safe?" ask; they state nothing
            window = words[j + 1 : j + 1 + reach]
            if not matcher.may_match(window):
                return False  # most frames ("your", "it's") are followed by no emotion or state word
            links = self._links.get(label)
            if links and links.isdisjoint(words[i : j + 1 + reach]):
                return False  # no linking verb at all
            found = matcher.find_in_words(positions[j + 1 : j + 1 + reach], window)
            if not found or (reach > _FRAME_REACH and not _same_clause(tokens, positions[j], found[0][1])):
                return False
            between = words[j + 1 : bisect_left(positions, found[0][1])]
            if any(word in self.pack.negators for word in between):
                return False  # "you're not being a pain"
            # "your deposit is protected", "it's in hand"; not "keep your PIN safe"
            return not links or any(word in links for word in words[i : j + 1]) or any(word in links for word in between)
        if kind == "actors":
            return not question and self._acted(label, tokens, words, positions, i, j)
        if kind == "spared":
            return not question and self._spared(tokens, words, positions, i, j)
        if kind == "held":
            return not question and self._held(label, tokens, words, positions, i, j)
        if kind == "owned":
            # a fault that the customer owns: "that's on the late paperwork from your side"
            if question:
                return False
            found = self._owners.find_in_words(positions[j + 1 : j + 1 + _OWNED_REACH], words[j + 1 : j + 1 + _OWNED_REACH])
            return bool(found) and _same_clause(tokens, positions[j], found[0][1])
        if kind == "verdicts":
            return self._judges_feeling(words, positions, i)
        if kind == "consequences":
            return not question and self._follows_customer_doing(tokens, words, positions, i, j)
        if kind == "after_future":
            return self._promised(words, i)
        if label == "apology" and phrase in ("sorry", "sry", "soz", "apologies") and i == start:
            # "Sorry, we close at 6" and "Sorry?" are politeness, "Sorry!" or "Sorry about that" an apology
            after = positions[i] + 1
            return not (after < len(tokens) and tokens[after].text in (",", "?", "-", "—", "–", ":"))
        return True

    def _guarded(
        self,
        rule: TechniqueRule,
        phrase: str,
        tokens: tuple[Token, ...],
        words: list[str],
        positions: list[int],
        i: int,
        kind: str = "phrases",
    ) -> bool:
        """Whether what comes just before a cue blocks it: a noun makes a "you ..." cue a relative clause
        ("damage you didn't cause", "the terms you accepted"), and a ``not_after`` word ("sorry you lost
        a day") makes it sympathy. An ``actors`` cue has found its fault already: after a noun it says
        what the customer's own thing was ("the address you gave us was incomplete")."""
        first = positions[i]
        for k in range(i - 1, max(-1, i - 1 - _NEGATION_WINDOW), -1):
            if any(tokens[t].text in _CLAUSE_PUNCT for t in range(positions[k] + 1, first)):
                return False
            word = words[k]
            if word in rule.not_after and (word not in _SYMPATHY or phrase.startswith("you")):
                return True
            if k == i - 1 and rule.relative and kind not in ("actors", "held") and phrase.startswith("you") and _is_noun_like(word, self.pack):
                return True
            first = positions[k]
        return False

    def _acted(
        self, label: str, tokens: tuple[Token, ...], words: list[str], positions: list[int], i: int, j: int
    ) -> bool:
        """After a second-person subject (words ``i`` to ``j``): the customer's own past action, then a
        fault in the same clause ("you booked the wrong date", "you accidentally deleted it yourself");
        not what happened to them ("you received the wrong size"). After a noun the subject starts a
        relative clause, and the fault must be said of that noun with a linking verb ("the form you sent
        *was* incomplete"); otherwise a linking verb says the fault of something else ("being marked
        absent when you attended every week *is* wrong")."""
        rule = self.pack.labels[label]
        k = j + 1
        while k < len(words) and k <= j + 2 and (words[k] in _ACT_ADVERBS or (words[k].endswith("ly") and len(words[k]) > 4)):
            k += 1
        if k >= len(words):
            return False
        verb = words[k]
        if not (verb in rule.acts or (verb.endswith("ed") and verb not in rule.not_acts)):
            return False  # most "you"s: "you can", "you'll", "you for" (the cheap test first)
        if not _same_clause(tokens, positions[j], positions[k]):
            return False
        end = min(len(words), k + 1 + _FAULT_REACH)
        found = self._faults[label].find_in_words(positions[j + 1 : end], words[j + 1 : end])
        if not found or not _same_clause(tokens, positions[j], found[0][1]):
            return False
        between = words[j + 1 : bisect_left(positions, found[0][1])]
        if any(word in self.pack.negators for word in between):
            return False
        relative = i > 0 and _is_noun_like(words[i - 1], self.pack) and _same_clause(tokens, positions[i - 1], positions[i])
        return relative == any(word in _LINKS for word in between[k - j :])

    def _held(
        self, label: str, tokens: tuple[Token, ...], words: list[str], positions: list[int], i: int, j: int
    ) -> bool:
        """A fault (words ``i`` to ``j``) said in the past of something the customer supplied and owns.

        Before the fault: a past linking verb, with only the customer's own acts, adverbs and small words
        between ("your details were *entered* wrong"), unless the fault is its own verb ("didn't match");
        before that, within a few words in the clause, its subject. The subject has an owner ("your", or
        "you" + their own act: "the ID you sent") and names a thing the customer supplies ("details",
        "form"), or the customer's own act stands after the linking verb: "the form was filled in wrong"
        (no owner), "your booking was made for the wrong date" (no such thing). Not with "we", "our" or
        "their" in the clause, a doer after "by", or a negator before or in the subject ("not because your
        ...")."""
        rule = self.pack.labels[label]
        acts = self._held_acts[label]
        # the subject ends before word k: the fault's own verb ("didn't match", "wasn't signed"), a
        # linking verb the fault starts with ("was wrong"), or one found back over the bridge
        own_verb = words[i] in self.pack.negators or words[i] in _PAST_LINKS
        acted = False
        k = i if own_verb else i - 1
        if not own_verb:
            while k >= 0 and words[k] not in _PAST_LINKS:
                word = words[k]
                if word in acts:
                    acted = True
                elif word not in _HELD_BRIDGE and not (word.endswith("ly") and len(word) > 4):
                    return False  # "your details were sent to the wrong address": no link, or something else done
                k -= 1
            if k < 0 or not _same_clause(tokens, positions[k], positions[i]):
                return False
        if k > 0 and words[k] == "been":
            k -= 1  # "had been", "have been"
        if words[j] in _NEEDS_ACT and not acted:
            return False  # "your reading was late because the engineer couldn't get in"; not "submitted late"
        # the subject: up to a few words before the linking verb (or the fault that is its own verb)
        low = k
        while low > 0 and k - low < _HELD_SUBJECT and _same_clause(tokens, positions[low - 1], positions[k]):
            low -= 1
        subject = words[low:k]
        if not subject or any(word in _OTHERS for word in subject):
            return False
        # the customer's act in the subject: "your uploaded contract", "the form you filled in"; not
        # "the form you were sent"
        acted = acted or any(word in acts and subject[n - 1] in ("your", "you") for n, word in enumerate(subject) if n)
        owner = "your" in subject or any(
            word == "you" and n + 1 < len(subject)
            and (subject[n + 1] in rule.acts or (subject[n + 1].endswith("ed") and subject[n + 1] not in rule.not_acts))
            for n, word in enumerate(subject)
        )
        supplied = not self._supplied[label].isdisjoint(subject)
        if not ((supplied and (owner or acted)) or (owner and acted)):
            return False
        negators = self.pack.negators
        for n in range(max(0, low - _NEGATION_WINDOW), k):
            if words[n] in negators and _same_clause(tokens, positions[n], positions[k]):
                return False  # "not because your card details were out of date", "nothing on your form was wrong"
        for n in range(j + 1, min(len(words), j + 5)):
            if not _same_clause(tokens, positions[j], positions[n]):
                break
            if words[n] in _OTHERS:
                return False  # "... was wrong on our side", "... on their end"
            if words[n] == "by" and n + 1 < len(words) and words[n + 1] not in ("mistake", "accident"):
                return False  # a named doer: "the account was set up wrong by the branch"
        return True

    def _judges_feeling(self, words: list[str], positions: list[int], i: int) -> bool:
        """Whether a verdict at word ``i`` ("is more than fair", "no wonder") follows a feeling named within
        `_VERDICT_REACH` words before it, with no "but" between ("I know you're upset, but a delay is
        normal" judges the delay)."""
        low = max(0, i - _VERDICT_REACH)
        for k in range(i - 1, low - 1, -1):
            if words[k] in _CONTRASTS:
                low = k + 1
                break
        return low < i and bool(self._emotions.find_in_words(positions[low:i], words[low:i]))

    def _spared(self, tokens: tuple[Token, ...], words: list[str], positions: list[int], i: int, j: int) -> bool:
        """A harm (words ``i`` to ``j``) ruled out for the customer: a negator that promises rather than
        refuses stands just before it, and the customer is named ("you won't lose out", "nothing is
        lost", "it won't cost you anything"); not "you can't pay by cheque" or "you won't be able to pay"."""
        negators = self.pack.negators
        first = positions[i]
        negator = None
        for k in range(i - 1, max(-1, i - 1 - _SPARED_WINDOW), -1):
            if any(tokens[t].text in _CLAUSE_PUNCT for t in range(positions[k] + 1, first)):
                break
            word = words[k]
            if word in _NOT_SPARING_BETWEEN:
                return False
            if word in negators:
                if word in _NOT_SPARING or (word == "not" and k > 0 and words[k - 1] in _NOT_SPARING_BEFORE_NOT):
                    return False
                if word in ("don't", "dont") and (k == 0 or words[k - 1] in self.pack.leaders):
                    return False  # an instruction: "don't lose your receipt"
                negator = k
                break
            first = positions[k]
        if negator is None:
            return False
        if words[negator] in _CUSTOMER_WORDS or (j + 1 < len(words) and words[j + 1] in _CUSTOMER_WORDS):
            return True
        for k in range(negator - 1, max(-1, negator - 1 - _OWNED_REACH), -1):
            if not _same_clause(tokens, positions[k], positions[negator]):
                return False
            if words[k] in _CUSTOMER_WORDS:
                return True
        return False

    def _promised(self, words: list[str], i: int) -> bool:
        """A promise marker ("I'll", "we will", "I'm going to") ends within a few words before ``i``."""
        for gap in range(_FUTURE_REACH):
            end = i - gap
            for marker in self._future:
                begin = end - len(marker)
                if begin >= 0 and tuple(words[begin:end]) == marker:
                    return True
        return False

    def _deflected(self, tokens: tuple[Token, ...], positions: list[int], words: list[str], j: int) -> bool:
        """The apology ending at word ``j`` goes on to deflect: "sorry if", "sorry you feel", "sorry, but"."""
        if j + 1 >= len(words):
            return False
        if words[j + 1] in self.pack.deflecting_buts:
            return True
        # a deflection starts within the reach and may end past it ("sorry you were under the impression")
        end = j + _DEFLECTION_REACH + self._deflection_words
        ahead = self._deflections.find_in_words(positions[j + 1 : end], words[j + 1 : end])
        if not ahead or (j + _DEFLECTION_REACH < len(positions) and ahead[0][1] > positions[j + _DEFLECTION_REACH]):
            return False
        return _same_clause(tokens, positions[j], ahead[0][1])

    def _follows_customer_doing(
        self, tokens: tuple[Token, ...], words: list[str], positions: list[int], i: int, j: int
    ) -> bool:
        """Whether a consequence phrase (words ``i`` to ``j``: "which is why") follows the customer's own
        doing and leads to a problem: a second-person word before it, after the sentence's last ";" or ":"
        ("the desk can't see card payments; that's why..." blames no one), not brought about by something
        else ("thanks to the new tariff, you're paid more, which is why..."); after it, a negator, "still"
        or a word rated negative ("they haven't appeared yet", "it's still in the queue"), and no good news
        ("..., which is why the month was free"). "You asked for paper, which is why it came by post" explains."""
        first = positions[i]
        begin = next((k for k in range(first - 1, -1, -1) if tokens[k].text in (";", ":")), -1)
        before = [word for position, word in zip(positions[:i], words[:i]) if position > begin]
        if _SECOND_PERSON.isdisjoint(before) or "thanks" in before:
            return False
        after = words[j + 1 :]
        ratings = self._ratings()
        found = [ratings.get(word, 0.0) for word in after]
        if any(rating >= _GOOD_NEWS for rating in found):
            return False
        negators = self.pack.negators
        problem = any(rating <= _BAD_NEWS for rating in found)
        return problem or any(word in negators or word == "still" for word in after)

    def _ratings(self) -> Mapping[str, float]:
        """Word ratings: VADER's, with the support lexicon's changes (loaded on first use)."""
        if self._word_ratings is None:
            self._word_ratings = rated_words(load_lexicon().words)
        return self._word_ratings

    def _negated(self, tokens: tuple[Token, ...], words: list[str], positions: list[int], i: int) -> bool:
        """A negator within a few words before word ``i``, with no clause break between them."""
        negators = self.pack.negators
        first = positions[i]
        for k in range(i, max(-1, i - 1 - _NEGATION_WINDOW), -1):
            if k < i and any(tokens[t].text in _CLAUSE_PUNCT for t in range(positions[k] + 1, first)):
                return False
            if words[k] in _REASONS:
                # "it wasn't dismantled because you didn't list it": the reason is a clause of its own, which
                # only a negator right before it denies ("it isn't because you entered the wrong code")
                return k > 0 and words[k - 1] in negators and positions[k - 1] + 1 == positions[k]
            if k == i:
                continue
            if words[k] in negators and not (k + 1 < len(words) and words[k + 1] in _NOT_NEGATING):
                # "no" before a noun counts the noun ("a bill with no explanation would alarm anyone"), and a
                # relative clause negates its own verb ("a form you never saw would alarm anybody")
                counts_noun = words[k] == "no" and k + 1 < i and words[k + 1] not in ("one", "longer")
                if counts_noun or (k >= 2 and words[k - 1] in _SUBJECTS and _is_noun_like(words[k - 2], self.pack)):
                    first = positions[k]
                    continue
                return True
            first = positions[k]
        return False

    def _timelines(
        self,
        sentence: Sentence,
        tokens: tuple[Token, ...],
        estimates: tuple[Estimate, ...],
        hits: list[_Hit],
        question: bool,
        clocks: bool = True,
        positions: Optional[list[int]] = None,
        words: Optional[list[str]] = None,
    ) -> list[_Hit]:
        """``hits`` with the times for the customer's result added as ``expectation_timeline``.

        A time is an estimate the parser found ("in 3 to 5 days"), a clock time ("leaves at 18:05",
        "booked for 8 to 10am") or a timeline phrase ("any day now"). It is not a timeline when it is
        the time of the agent's own call-back ("I'll call you at 3": follow_up), a rule ("within 30 days
        of purchase"), opening hours ("we open at 9"), an offer ("I can send it today"), in the past, in
        a question ("would Friday suit?"), in an instruction ("hold it for 10 seconds") or a count over
        a period ("three outages in one week").
        """
        phrased = [hit for hit in hits if hit.label == "expectation_timeline"] if hits else hits
        if phrased:
            hits = [hit for hit in hits if hit.label != "expectation_timeline"]
        if question:
            return hits
        inside = estimates_within(estimates, sentence.start, sentence.end) if estimates else ()
        timed = clocks and "time" in map(_KIND, tokens)
        if not phrased and not inside and not timed:
            return hits  # most sentences: no time to judge
        # (first token, last token, whether a duration, detail) of each time to judge
        spans = [
            (_token_at(tokens, e.start), _token_at(tokens, e.end - 1), e.kind == "duration",
             f"estimate {e.text!r} for the customer's result")
            for e in inside if e.kind != "money"
        ]
        if timed:
            spans += self._clock_spans(tokens, spans)
        if phrased:
            # a timeline phrase counts where no time already does: binary searches over the times' ranges (each
            # phrase against every time was quadratic in a long sentence)
            ordered = sorted((first, last) for first, last, _, _ in spans)
            firsts = [first for first, _ in ordered]
            reach = list(accumulate((last for _, last in ordered), max))
            spans += [
                (hit.first, hit.last, False, hit.detail)
                for hit in phrased if not _overlaps(firsts, reach, hit.first, hit.last)
            ]
        if not spans:
            return hits
        # the agent's own callbacks: a time in their clause is the callback's, not the customer's result
        callbacks = sorted(hit.first for hit in hits if hit.label == "follow_up")
        breaks = [k for k, token in enumerate(tokens) if _is_break(token)] if callbacks else []
        for first, last, duration, detail in spans:
            anchored = False
            if duration:
                following = next((t.norm for t in tokens[last + 1 :] if t.kind == "word"), "")
                anchored = following in _ANCHORS
                if following in _NOT_A_FORECAST and not anchored:
                    continue
                if tokens[first].norm == "in" and self._counted(tokens, first):
                    continue
            if callbacks and _shares_clause(callbacks, breaks, first, len(tokens)):
                continue
            begin, end = _clause(tokens, first, last, by_words=True)
            if positions is None or words is None:
                positions, words = _words_of(tokens)
            low, high = bisect_left(positions, begin), bisect_right(positions, end)
            clause, clause_words = positions[low:high], words[low:high]
            # an instruction's clause: the sentence's first, or any in a sentence that starts with one ("hold
            # it for 10 seconds", "restart it and wait 10 minutes"); not "I've asked them to collect it and
            # bring it to you by 6pm", nor "send me the receipt and I'll refund you within 7 days"
            if self._instructs(clause_words) and (
                begin == 0 or self._instructs([t.norm for t in tokens[:4] if t.kind == "word"])
            ):
                continue
            # an arrangement made for then ("I've booked an engineer for tomorrow") looks ahead, in any tense
            if not self._arranged.find_in_words(clause, clause_words) and (
                not any(
                    # a lead counts as the estimate's own word; after an anchored duration, only a
                    # forecast word before it ("usually takes 3 days from collection")
                    (not anchored and first - 1 <= k <= last) if phrase in _LEADS else (not anchored or k < first)
                    for phrase, k, _ in self._forecast.find_in_words(clause, clause_words)
                )
                # the estimate's own words are no rate: "within a week"
                or any(not first <= k <= last for _, k, _ in self._not_forecast.find_in_words(clause, clause_words))
            ):
                continue  # an offer ("I can send it today"), a rule ("within 42 days"), the past
            hits.append(_Hit("expectation_timeline", first, last, "timeline", detail))
        return hits

    @staticmethod
    def _clock_spans(
        tokens: tuple[Token, ...], spans: list[tuple[int, int, bool, str]]
    ) -> list[tuple[int, int, bool, str]]:
        """Clock times outside the parser's estimates ("departs at 14:40", "booked for 8 to 10am"), each
        with the start of its range ("8 to"): the parser leaves them out, as most are opening hours."""
        found = []
        # the spans are the parser's estimates: in order and apart, so one pointer walks them with the tokens
        # (a look through all of them at each time was quadratic in a long sentence)
        ranges = sorted((first, last) for first, last, _, _ in spans)
        at = 0
        for k, token in enumerate(tokens):
            if token.kind != "time":
                continue
            while at < len(ranges) and ranges[at][1] < k:
                at += 1
            if at < len(ranges) and ranges[at][0] <= k:
                continue
            first = k
            if k >= 2 and tokens[k - 1].norm in ("to", "and", "-", "–") and tokens[k - 2].kind in ("number", "time"):
                first = k - 2
            found.append((first, k, False, f"time {token.text!r} for the customer's result"))
        return found

    def _counted(self, tokens: tuple[Token, ...], first: int) -> bool:
        """A count, or a count and a plural, comes just before "in <duration>": "8 in 24 hours", "twice in
        a month", "three outages in one week" (not "we'll have one ready in 2 days")."""
        before = [t for t in tokens[max(0, first - 3) : first] if t.kind in WORD_KINDS][-2:]
        if not before:
            return False
        last = before[-1]
        if last.kind == "number" or last.norm in self._counts:
            return True
        count = before[0]
        return len(before) == 2 and last.norm.endswith("s") and (count.kind == "number" or count.norm in self._counts)

    def _instructs(self, words: list[str]) -> bool:
        """The clause starts with an instruction verb, after a softener ("please allow", "just hold")."""
        for word in words:
            if word not in _SOFTENERS:
                return word in self._instruction_verbs
        return False

    def _mirroring(
        self,
        tokens: tuple[Token, ...],
        positions: list[int],
        words: list[str],
        heard: dict[str, str],
        cue: Optional[_Hit],
        reaction: Optional[int] = None,
    ) -> Optional[_Hit]:
        """The customer's own content words come back in this sentence: ``mirroring``.

        A paraphrase cue (``cue``: "if I've understood correctly") lowers how many words must come
        back; a single product name or order number is never enough.
        """
        stopwords = self.pack.stopwords
        echoed: dict[str, int] = {}
        for position, word in zip(positions, words):
            if word in stopwords:
                continue
            root = stem(word)
            if root in heard and root not in echoed:
                echoed[root] = position
        if cue is not None:
            if len(echoed) < self.pack.mirror_words_with_cue:
                return None
        elif not self._restates(tokens, positions, words, echoed, reaction):
            return None
        first = cue.first if cue is not None else min(echoed.values())
        last = max(echoed.values())
        said = ", ".join(repr(heard[root]) for root in echoed)
        opener = f"{cue.detail}; " if cue is not None else ""
        return _Hit("mirroring", min(first, last), max(first, last), "restatement", f"{opener}the customer's words {said} come back")

    def _restates(
        self,
        tokens: tuple[Token, ...],
        positions: list[int],
        words: list[str],
        echoed: dict[str, int],
        reaction: Optional[int] = None,
    ) -> bool:
        """Without a cue, the customer's words must make up most of the sentence, or of one of its parts
        between dashes, semicolons or colons: a restating fragment often leads into a reaction ("Three
        people, three different answers — I completely understand why you've stopped trusting us").

        The fragment before the first comma counts too when a reaction to it follows (a feeling named or
        validated, an apology: ``reaction`` is where the first one starts) and it is the customer's
        situation, not what the agent did ("Nine days without a fridge, I'd be at the end of my tether";
        not "I've checked order 5512, and I'm sorry it's late"): no "I" or "me" in it.
        """
        pack = self.pack
        if len(echoed) < min(pack.mirror_words_part, pack.mirror_words_alone):
            return False
        stopwords = pack.stopwords
        content = [w for w in words if w not in stopwords]
        if len(echoed) >= pack.mirror_words_alone and len(echoed) >= pack.mirror_share_alone * len(content):
            return True
        comma = next((k for k, token in enumerate(tokens) if token.text == ","), None)
        if comma is not None and reaction is not None and reaction > comma:
            before = [word for position, word in zip(positions, words) if position < comma]
            content_before = [word for word in before if word not in stopwords]
            if _AGENT_SELF.isdisjoint(before) and self._part_restates(content_before, echoed):
                return True
        cuts = [k for k, token in enumerate(tokens) if token.text in _OPENING_ENDS]
        if not cuts:
            return False
        cuts.append(len(tokens))
        low = -1
        k = 0
        for cut in cuts:
            part: list[str] = []
            while k < len(positions) and positions[k] < cut:
                if positions[k] > low and words[k] not in stopwords:
                    part.append(words[k])
                k += 1
            low = cut
            if self._part_restates(part, echoed):
                return True
        return False

    def _part_restates(self, part: list[str], echoed: dict[str, int]) -> bool:
        """Enough of a part's content words (``part``) are the customer's (``echoed``, by stem)."""
        back = len({stem(w) for w in part if stem(w) in echoed})
        return back >= self.pack.mirror_words_part and back >= self.pack.mirror_share_part * len(part)

    def _customer_words(self, doc: Doc) -> dict[str, str]:
        """The customer's content words (context), stemmed: stem → the word as the customer wrote it."""
        customer = doc.context_doc
        if customer is None:
            return {}
        stopwords = self.pack.stopwords
        heard: dict[str, str] = {}
        for k, (text, _, _, kind, norm) in enumerate(customer.tokens):
            if kind == "word":
                # short words and stopwords are not content, unless capitalised mid-message ("May", "Leeds")
                if (len(norm) < 3 or norm in stopwords) and not (k > 0 and text[:1].isupper() and norm != "i"):
                    continue
            elif kind not in _HEARD_KINDS:
                continue
            root = stem(norm)
            if root not in heard:
                heard[root] = text
        return heard

    # -- findings ------------------------------------------------------------------------------------

    def _findings(self, doc: Doc, sentence: Sentence, hits: list[_Hit]) -> list[Finding]:
        """One finding per label and clause; its evidence lists every cue for it there."""
        if not hits:
            return []
        tokens = doc.sentence_tokens(sentence)
        text = doc.text
        grouped: dict[tuple[str, int, int], list[_Hit]] = {}
        for hit in sorted(hits, key=lambda hit: hit.first):
            clause = _clause(tokens, hit.first, hit.last)
            grouped.setdefault((hit.label, *clause), []).append(hit)
        findings = []
        for (label, first, last), cues in grouped.items():
            start, end = tokens[first].start, tokens[last].end
            evidence = tuple(
                _trusted(
                    Evidence, start=tokens[hit.first].start, end=tokens[hit.last].end,
                    text=text[tokens[hit.first].start : tokens[hit.last].end], rule=hit.rule, weight=1.0,
                    detail=hit.detail,
                )
                for hit in cues
            )
            findings.append(
                _trusted(
                    Finding, start=start, end=end, text=text[start:end], label=label, score=1.0,
                    analyzer=self.name, evidence=evidence, suggestion=None,
                )
            )
        return findings


# A label that gives way to another found in the same clause: "I can see why our replies must have
# looked like copy-and-paste" names how the company looks (auditing), not the customer's feeling.
# An agent's promise to have someone call is a follow-up, not assurance; a survey text is a feedback
# request, not a follow-up. "You're obviously upset" names the feeling: its "obviously" brushes no one off.
_YIELDS = {
    "validation": frozenset({"auditing"}),
    "labeling": frozenset({"auditing"}),
    "assurance": frozenset({"follow_up"}),
    "follow_up": frozenset({"feedback_request"}),
    "dismissive": frozenset({"labeling"}),
    # "how did we do today?" asks for a view of the service: a feedback request, not a story
    "open_question": frozenset({"feedback_request"}),
    # "your details were wrong" blames; it agrees with nothing the customer said
    "selective_agreement": frozenset({"blaming"}),
}


# Labels that reflect the customer back; the rules tell them apart by what follows the cue ("it sounds
# like" + a fact is mirroring, + a feeling is labeling), which word weights cannot see.
_REFLECTING = frozenset({"mirroring", "labeling", "validation"})
_ANTI_PATTERNS = frozenset({"dismissive", "blaming", "non_apology"})
_TECHNIQUE_SET = frozenset(TECHNIQUES)


def _settled(considered: set[str], found: set[str]) -> set[str]:
    """The labels the learned weights may not add to a sentence, given the rules' reading of it.

    ``considered`` are the labels a matched cue was for, ``found`` those the rules found. Where the
    rules weighed a cue and said no ("you must be logged in", "sorry if you feel"), or weighed a cue of
    the reflecting family, they decided; and the weights never turn a sentence's polarity: no
    anti-pattern where the rules found a technique, no technique where they found an anti-pattern. A
    question the rules read as open is no feedback request: the weights' "how" came from "how are you
    finding the app?", and would read "how did you set it up?" the same way.
    """
    settled = considered | _REFLECTING if considered & _REFLECTING else set(considered)
    if "open_question" in found:
        settled.add("feedback_request")
    if found & _ANTI_PATTERNS:
        settled |= _TECHNIQUE_SET - _ANTI_PATTERNS
    elif found:
        settled |= _ANTI_PATTERNS
    return settled


def _resolve(tokens: tuple[Token, ...], hits: list[_Hit]) -> list[_Hit]:
    """Drop the hits that give way to another label in the same clause (see `_YIELDS`)."""
    if len(hits) < 2:
        return hits
    clauses = [_clause(tokens, hit.first, hit.last, by_words=True) for hit in hits]
    labels: dict[tuple[int, int], set[str]] = {}
    for hit, clause in zip(hits, clauses):
        labels.setdefault(clause, set()).add(hit.label)
    return [
        hit for hit, clause in zip(hits, clauses) if not _YIELDS.get(hit.label, frozenset()) & labels[clause]
    ]


def _is_noun_like(word: str, pack: TechniquePack) -> bool:
    """A word that can end a noun phrase before a relative clause: content, not a function word or an
    adverb ("so you", "honestly you", "clearly you" start a clause; "the damage you" does not)."""
    return (
        word.isalpha() and word not in pack.stopwords and word not in pack.leaders
        and word not in pack.negators and not word.endswith("ly")
    )


def _names_someone(tokens: tuple[Token, ...], last: int) -> bool:
    """The word after token ``last`` is a capitalised name ("make sure Dr Hale calls you")."""
    after = next((token for token in tokens[last + 1 :] if token.kind == "word"), None)
    return after is not None and after.text[:1].isupper() and after.norm != "i"


# "I'll make sure the manager *gets* your *feedback*", "... to *log* this as a *complaint*": a message
# passed on, not a problem owned. Both a verb and a noun of passing on must follow in the clause, so
# "I'll make sure your complaint is resolved" and "I'll make sure you get a refund" stay assurance.
_RELAY_VERBS = frozenset((
    "gets", "get", "receives", "receive", "reaches", "reach", "sees", "see", "hears", "hear", "reads", "read",
    "passed", "pass", "forwarded", "forward", "logged", "log", "noted", "note", "recorded", "record", "aware",
))
_RELAY_NOUNS = frozenset((
    "message", "messages", "feedback", "comments", "comment", "complaint", "note", "notes", "concerns", "views",
    "suggestion", "suggestions", "email", "letter",
))
_RELAY_REACH = 8


def _relays(tokens: tuple[Token, ...], words: list[str], positions: list[int], j: int) -> bool:
    """After "make sure" (ending at word ``j``), the clause passes a message on (see `_RELAY_VERBS`)."""
    window = words[j + 1 : j + 1 + _RELAY_REACH]
    if _RELAY_NOUNS.isdisjoint(window) or _RELAY_VERBS.isdisjoint(window):
        return False
    last = max(k for k in range(j + 1, j + 1 + len(window)) if words[k] in _RELAY_NOUNS or words[k] in _RELAY_VERBS)
    return _same_clause(tokens, positions[j], positions[last])


def _names_fact(tokens: tuple[Token, ...], first: int) -> bool:
    """The question names a specific fact: a number, code, date, time, amount or a capitalised name."""
    for k, token in enumerate(tokens):
        if token.kind in _FACT_KINDS:
            return True
        if k > first and token.kind == "word" and token.text[:1].isupper() and token.norm != "i":
            return True
    return False


def _words_of(tokens: tuple[Token, ...]) -> tuple[list[int], list[str]]:
    """The word indexes and norms of ``tokens`` (as `cxcoach.text.Doc.sentence_words` gives them)."""
    positions = [k for k, token in enumerate(tokens) if token.kind in WORD_KINDS]
    return positions, [tokens[k].norm for k in positions]


_END = attrgetter("end")  # a C-level key: bisecting with a lambda calls Python at every step


def _token_at(tokens: tuple[Token, ...], offset: int) -> int:
    """Index of the sentence token that contains character ``offset`` (tokens are in text order)."""
    return min(bisect_right(tokens, offset, key=_END), len(tokens) - 1)


def _is_break(token: Token) -> bool:
    return token.text in _CLAUSE_PUNCT or token.norm in _CLAUSE_WORDS


def _opens_last_clause(tokens: tuple[Token, ...], at: int) -> bool:
    """Whether the token at ``at`` follows a comma and opens the sentence's last clause."""
    if at == 0 or tokens[at - 1].text != ",":
        return False
    return not any(token.text in _MID_CLAUSE_PUNCT for token in tokens[at + 1 :])


def _same_clause(tokens: tuple[Token, ...], a: int, b: int) -> bool:
    low, high = min(a, b), max(a, b)
    return not any(_is_break(tokens[k]) for k in range(low + 1, high))


def _overlaps(firsts: list[int], reach: list[int], first: int, last: int) -> bool:
    """Whether ``[first, last]`` overlaps one of some ranges, given their starts sorted (``firsts``) and the
    running maximum of their ends in that order (``reach``)."""
    before = bisect_right(firsts, last)
    return before > 0 and reach[before - 1] >= first


def _shares_clause(starts: list[int], breaks: list[int], at: int, count: int) -> bool:
    """Whether a token of ``starts`` is in the same clause as token ``at`` (as `_same_clause` reads it), in a
    sentence of ``count`` tokens whose breaks (`_is_break`) are at ``breaks``; both lists sorted.

    One such token lies between the last break before ``at`` and the first after it, those included: two
    binary searches, where pairing every start with every token was quadratic in a long sentence.
    """
    below = bisect_left(breaks, at)
    low = breaks[below - 1] if below else -1
    above = bisect_right(breaks, at)
    high = breaks[above] if above < len(breaks) else count
    k = bisect_left(starts, low)
    return k < len(starts) and starts[k] <= high


def _parts(doc: Doc, sentence: Sentence) -> tuple[Sentence, ...]:
    """The sentence, or its statement and its question when a question follows a semicolon: "Our engineer
    will be with you before midday; what's the drip doing now?" promises a time and then asks, and the
    question mark is the last clause's alone."""
    if doc.text.find(";", sentence.start, sentence.end) < 0:
        return (sentence,)  # most sentences: one find, no token walk
    tokens = doc.tokens
    if not asks(tokens[sentence.first : sentence.last]):
        return (sentence,)
    for split in range(sentence.last - 2, sentence.first, -1):  # the last semicolon with tokens either side
        if tokens[split].text == ";":
            return (
                Sentence(sentence.start, tokens[split - 1].end, sentence.first, split),
                Sentence(tokens[split + 1].start, sentence.end, split + 1, sentence.last),
            )
    return (sentence,)


def _clause(tokens: tuple[Token, ...], first: int, last: int, by_words: bool = False) -> tuple[int, int]:
    """The token range of the clause around ``[first, last]``, without its edge punctuation.

    Clauses end at punctuation; with ``by_words`` also at "and", "but", "while"... (see `_is_break`).
    """
    words = _CLAUSE_WORDS if by_words else _NO_WORDS  # tested inline: a call per token costs (measured)
    begin = first
    floor = max(0, first - _CLAUSE_REACH)
    while begin > floor:
        token = tokens[begin - 1]
        if token.text in _CLAUSE_PUNCT or token.norm in words:
            break
        begin -= 1
    end = last
    ceiling = min(len(tokens) - 1, last + _CLAUSE_REACH)
    while end < ceiling:
        token = tokens[end + 1]
        if token.text in _CLAUSE_PUNCT or token.norm in words:
            break
        end += 1
    if end + 1 < len(tokens) and tokens[end + 1].text.startswith("?"):
        end += 1  # keep a question's "?" in its span
    return begin, end
