"""Customer-side cues: abuse and threats, escalation requests, repeat contact, urgency, and a risk score.

Abuse and threats call for the agent to set limits (PLAYBOOK idea 7); a request for a manager, a
threat to cancel or complain, a third call about the same thing and a deadline all raise the chance
that the customer escalates or leaves. Each cue is a finding with its span and the phrase that decided
it; ``escalation_risk`` (0..1) combines them with the customer's anger.

Cue phrases are data (`cxcoach.resources.CustomerCuePack`, ``data/customer_cues.toml``); the structure
is code: an insult adjective is abuse only when aimed at a person ("you useless lot", not "this useless
app"), and a count is repeat contact only after a contact verb ("I've called three times", not
"charged twice").

Examples:
    >>> import cxcoach
    >>> a = cxcoach.analyze("Third time I'm calling about this. Get me a manager, you useless lot!")
    >>> sorted({f.label for f in a.findings if f.analyzer == "customer_cues"})
    ['abuse', 'escalation_request', 'repeat_contact']
    >>> a.escalation_risk > 0.7
    True
"""

from __future__ import annotations

from typing import Optional

from .models import Evidence, Finding, _trusted
from .phrases import PhraseMatcher
from .resources import CUE_LABELS, CustomerCuePack, load_customer_cues
from .text import Doc, Token

__all__ = ["CustomerCueAnalyzer"]

# A target ("you", "your staff") counts for an insult this many words before or after it.
_TARGET_REACH = 3
# A contact word counts for a count this many words before it ("called ... three times") or after it
# ("third email", "the fifth time I've sent").
_CONTACT_REACH = 5
# How much the customer's anger adds to the risk, by sentiment intensity 0..3: an angry message with no
# explicit cue is still more likely to escalate than a calm one (tuned on the dev part of
# tests/data/customer_cues.jsonl).
_ANGER = (0.0, 0.1, 0.25, 0.4)
_NEGATIVE = 0.1  # a negative message at intensity 0 still adds a little


class CustomerCueAnalyzer:
    """Finds abuse, threats, escalation requests, repeat contact and urgency in customer messages.

    Assigns ``doc.escalation_risk`` (0..1) for customer messages; agent replies get ``None`` and no
    findings. Put it after the sentiment analyzer to let anger count in the risk.

    Args:
        pack: The cue phrases (default: the built-in pack, ``data/customer_cues.toml``).
    """

    name = "customer_cues"
    labels = frozenset(CUE_LABELS)
    assigns = ("escalation_risk",)

    def __init__(self, pack: Optional[CustomerCuePack] = None) -> None:
        self.pack = pack or load_customer_cues()
        tags: dict[str, set[tuple[str, str]]] = {}
        for label, rule in self.pack.labels.items():
            for kind in ("phrases", "targeted", "before_contact", "after_contact", "not_this"):
                for phrase in getattr(rule, kind):
                    tags.setdefault(phrase, set()).add((label, kind))
        self._tags = {phrase: frozenset(kinds) for phrase, kinds in tags.items()}
        self._cues = PhraseMatcher(self._tags)
        self._targets = tuple(tuple(target.split(" ")) for target in self.pack.targets)
        self._contacts = tuple(tuple(word.split(" ")) for word in self.pack.contact_verbs)

    def analyze(self, doc: Doc) -> tuple[Finding, ...]:
        """Find the cues in a customer message and set its escalation risk."""
        if doc.role != "customer":
            return ()
        findings: list[Finding] = []
        for sentence in doc.sentences:
            tokens = doc.sentence_tokens(sentence)
            positions, words = doc.sentence_words(sentence)
            matches = self._cues.find_in_words(positions, words)
            word_of = {position: k for k, position in enumerate(positions)} if matches else {}
            for phrase, first, last in matches:
                i, j = word_of[first], word_of[last]
                found: set[str] = set()  # one finding per cue, even when two kinds of phrase find it
                for label, kind in self._tags[phrase]:
                    if kind == "not_this":
                        continue
                    if kind == "targeted" and not _near(self._targets, words, i - _TARGET_REACH, j + 1 + _TARGET_REACH):
                        continue  # "you useless lot", not "this useless app"
                    if kind == "after_contact" and not _near(self._contacts, words, i - _CONTACT_REACH, i):
                        continue  # "called three times", not "charged twice"
                    if kind == "before_contact" and not _near(self._contacts, words, j + 1, j + 1 + _CONTACT_REACH):
                        continue  # "third email", not "the wrong address for the third time"
                    if label in found:
                        continue
                    found.add(label)
                    findings.append(self._finding(doc, tokens, label, kind, phrase, first, last))
        doc.escalation_risk = self._risk(doc, findings)
        return tuple(findings)

    def _finding(
        self, doc: Doc, tokens: tuple[Token, ...], label: str, kind: str, phrase: str, first: int, last: int
    ) -> Finding:
        start, end = tokens[first].start, tokens[last].end
        text = doc.text[start:end]
        detail = {
            "phrases": f"cue {phrase!r}",
            "targeted": f"{phrase!r} aimed at a person",
            "after_contact": f"{phrase!r} after a contact verb",
            "before_contact": f"{phrase!r} before a contact word",
        }[kind]
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


def _near(phrases: tuple[tuple[str, ...], ...], words: list[str], low: int, high: int) -> bool:
    """One of ``phrases`` lies entirely within ``words[low:high]``."""
    low, high = max(0, low), min(len(words), high)
    for phrase in phrases:
        size = len(phrase)
        for k in range(low, high - size + 1):
            if tuple(words[k : k + size]) == phrase:
                return True
    return False
