"""Promises an agent makes, as structured data: who, what, when, on what condition.

PLAYBOOK idea 8: keep every promise. "I'll call you Thursday" and "you'll have the refund in 3 to 5
days" are commitments an app can track; "you'll need to restart it" (an instruction), "it should
arrive Friday" (a hedge), "I've issued the refund" (done) and "would you like me to call?" (an offer)
are not.

Examples:
    >>> import cxcoach
    >>> reply = cxcoach.analyze("I'll call you on Thursday, and your refund will arrive within 5 days.", role="agent")
    >>> [(c.who, c.action, c.due) for c in reply.commitments]
    [('agent', 'call you', 'on Thursday'), ('company', 'your refund will arrive', 'within 5 days')]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Optional

from .estimates import EstimateParser, doc_estimates, estimates_within
from .models import Commitment, Estimate, Evidence, Finding, _trusted
from .phrases import PhraseMatcher, tag_phrases
from .resources import CommitmentCues, load_commitment_cues
from .text import CLAUSE_PUNCT as _CLAUSE_PUNCT, Doc, Sentence, Token, asks

__all__ = ["CommitmentAnalyzer"]

# Besides punctuation (CLAUSE_PUNCT), these words before another marker start a new promise.
_JOINERS = frozenset(("and", "but", "so", "then", "also", "plus"))
# Subject words that may stand before a bare "will" ("your new card will arrive", "the engineer will").
_SUBJECT_REACH = 4
# A promise's clause reaches at most this many tokens back from its marker: a longer run without a
# comma or "and" is not one clause, and the bound keeps a huge unpunctuated text linear.
_CLAUSE_REACH = 40
# Words of the action kept in `Commitment.action` after the marker.
_ACTION_WORDS = 8


class CommitmentAnalyzer:
    """Assigns ``doc.commitments`` for agent replies and emits one ``commitment`` finding per promise.

    Args:
        cues: The cue phrases (default: ``data/commitments.toml``).
        estimates: The estimate parser used when no answer-style analyzer has filled ``doc.estimates``.
    """

    name = "commitments"
    labels = frozenset({"commitment"})
    assigns = ("commitments",)

    def __init__(self, cues: Optional[CommitmentCues] = None, estimates: Optional[EstimateParser] = None) -> None:
        self.cues = cues or load_commitment_cues()
        self._kinds = tag_phrases(
            {
                "agent": self.cues.agent, "company": self.cues.company, "hedge": self.cues.hedges,
                "condition": self.cues.conditions,
            }
        )
        self._matcher = PhraseMatcher(self._kinds)
        self._markers = frozenset(phrase for phrase, kinds in self._kinds.items() if kinds & {"agent", "company"})
        self._shared_verbs = frozenset(self.cues.shared_verbs)
        self._not_promises = PhraseMatcher(self.cues.not_promises)
        self._estimates = estimates

    def analyze(self, doc: Doc) -> tuple[Finding, ...]:
        """Extract the promises of an agent reply; customer messages are left alone."""
        if doc.role != "agent":
            return ()
        estimates = doc_estimates(doc, self._estimates)
        found: list[Commitment] = []
        for sentence in doc.sentences:
            found.extend(self._sentence(doc, sentence, estimates))
        doc.commitments = tuple(found)
        return tuple(self._finding(commitment) for commitment in found)

    def _sentence(self, doc: Doc, sentence: Sentence, estimates: tuple[Estimate, ...]) -> list[Commitment]:
        tokens = doc.sentence_tokens(sentence)
        if asks(tokens):
            return []  # a question offers or asks; it does not promise
        positions, words = doc.sentence_words(sentence)
        matches = self._matcher.find_in_words(positions, words)
        markers = [(first, last, self._kinds[phrase]) for phrase, first, last in matches if phrase in self._markers]
        if not markers:
            return []  # most sentences promise nothing
        # token indexes of hedges and conditions, in order: looked up by binary search per promise
        hedges = [first for phrase, first, _ in matches if "hedge" in self._kinds[phrase]]
        conditions = [first for phrase, first, _ in matches if "condition" in self._kinds[phrase]]
        begins = []
        for first, _, _ in markers:
            begin = _clause_start(tokens, first)
            if tokens[first].norm == "will":
                begin = max(begin, first - _SUBJECT_REACH)  # "your new card will arrive"
            begins.append(begin)
        results = []
        for n, (first, last, kinds) in enumerate(markers):
            k = bisect_right(positions, last)  # the first word after the marker
            blocked = self._not_promises.find_in_words(positions[k : k + 3], words[k : k + 3])
            if blocked and blocked[0][1] == positions[min(k, len(positions) - 1)]:
                continue  # "you'll need to...", "we'll try to..."
            begin = begins[n]
            end = _clause_end(tokens, last, begins[n + 1] if n + 1 < len(markers) else len(tokens))
            if bisect_right(hedges, end) > bisect_left(hedges, begin):
                continue  # "it should arrive Friday", "I can send one": a hedge or an offer
            # a condition before the promise ("if it isn't there by Friday, I'll...") or after it ("...
            # if the item comes back") is kept apart from what is promised
            floor = begins[n - 1] if n else -1
            before = conditions[bisect_right(conditions, floor) : bisect_left(conditions, first)]
            after = conditions[bisect_right(conditions, last) : bisect_left(conditions, end)]
            condition = None
            if before:
                begin = max(begin, _promise_start(tokens, first))
                condition = _text(doc, tokens, before[-1], begin - 1)
            elif after:
                condition = _text(doc, tokens, after[0], end)
                end = _trim(tokens, after[0] - 1, last)
            who = "agent" if "agent" in kinds else "company"
            # "I'll email the label today and call you on Friday": the second verb is a promise of its own
            parts = _shared_subject(tokens, last + 1, end, self._shared_verbs)
            action_start = tokens[last + 1].start if who == "agent" and last + 1 <= end else tokens[begin].start
            for n, (part_begin, part_end) in enumerate(parts):
                if n == 0:
                    part_begin = begin
                else:
                    action_start = tokens[part_begin].start
                commitment = self._commitment(doc, tokens, estimates, part_begin, part_end, last, action_start, who, condition)
                if commitment is not None:
                    results.append(commitment)
        return results

    def _commitment(
        self,
        doc: Doc,
        tokens: tuple[Token, ...],
        estimates: tuple[Estimate, ...],
        begin: int,
        end: int,
        last: int,
        action_start: int,
        who: str,
        condition: Optional[str],
    ) -> Optional[Commitment]:
        """The commitment of tokens ``begin..end`` (its marker ends at ``last``), or ``None`` without an action."""
        due = _due(estimates, tokens[begin].start, tokens[end].end)
        action_end = tokens[end].end if due is None or due.start < tokens[min(last, end)].end else due.start
        action = " ".join(doc.text[action_start:action_end].split()[:_ACTION_WORDS]).rstrip(" ,.;:!")
        if not action:
            return None
        start, stop = tokens[begin].start, tokens[end].end
        return _trusted(
            Commitment, start=start, end=stop, text=doc.text[start:stop], who=who, action=action,
            due=None if due is None else due.text, deadline=due, condition=condition,
        )

    def _finding(self, commitment: Commitment) -> Finding:
        due = f", due {commitment.due}" if commitment.due else ""
        detail = f"{commitment.who} promises {commitment.action!r}{due}"
        evidence = (
            _trusted(
                Evidence, start=commitment.start, end=commitment.end, text=commitment.text, rule="promise",
                weight=1.0, detail=detail,
            ),
        )
        return _trusted(
            Finding, start=commitment.start, end=commitment.end, text=commitment.text, label="commitment",
            score=1.0, analyzer=self.name, evidence=evidence, suggestion=None,
        )


def _shared_subject(tokens: tuple[Token, ...], first: int, end: int, verbs: frozenset[str]) -> list[tuple[int, int]]:
    """Tokens ``first..end`` of a promise, cut before each "and" (or "and then") followed by one of
    ``verbs``: ``[(begin, end), ...]``, the later parts starting at their verb."""
    parts: list[tuple[int, int]] = []
    begin = first
    k = first
    while k < end:
        if tokens[k].norm == "and":
            verb = k + 2 if k + 2 <= end and tokens[k + 1].norm == "then" else k + 1
            if verb <= end and tokens[verb].norm in verbs and verb > begin + 1:
                parts.append((begin, _trim(tokens, k - 1, begin)))
                begin = k = verb
                continue
        k += 1
    parts.append((begin, end))
    return parts


def _text(doc: Doc, tokens: tuple[Token, ...], first: int, last: int) -> str:
    """The text of tokens ``first..last``, without punctuation at its end."""
    last = _trim(tokens, last, first)
    return doc.text[tokens[first].start : tokens[last].end]


def _trim(tokens: tuple[Token, ...], end: int, floor: int) -> int:
    while end > floor and (tokens[end].text in _CLAUSE_PUNCT or tokens[end].norm in _JOINERS):
        end -= 1
    return end


def _promise_start(tokens: tuple[Token, ...], marker: int) -> int:
    """Where the promise after a condition starts: its marker, or the subject of a bare "will"."""
    if tokens[marker].norm != "will":
        return marker
    begin = marker
    while begin > 0 and marker - begin < _SUBJECT_REACH and tokens[begin - 1].text not in _CLAUSE_PUNCT:
        begin -= 1
    return begin


def _clause_start(tokens: tuple[Token, ...], first: int) -> int:
    """Where the clause of the marker at ``first`` starts (at most `_CLAUSE_REACH` tokens back)."""
    begin = first
    floor = max(0, first - _CLAUSE_REACH)
    while begin > floor and tokens[begin - 1].text not in _CLAUSE_PUNCT and tokens[begin - 1].norm not in _JOINERS:
        begin -= 1
    return begin


def _clause_end(tokens: tuple[Token, ...], last: int, next_marker: int) -> int:
    """The last token of the promise: before the next marker's clause, or at ";", "." or "!"."""
    end = last
    limit = min(len(tokens), next_marker)
    while end + 1 < limit and tokens[end + 1].text not in (";", ".", "!", "?", "…"):
        end += 1
    return _trim(tokens, end, last)


def _due(estimates: tuple[Estimate, ...], start: int, end: int) -> Optional[Estimate]:
    """The first time estimate inside the clause."""
    return next((estimate for estimate in estimates_within(estimates, start, end) if estimate.kind != "money"), None)
