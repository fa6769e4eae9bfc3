"""Learned word weights: small logistic models per label, for the phrasings the phrase rules miss.

The technique rules (`cxcoach.techniques`) find what their phrase packs name, with high precision, but
a writer they have not seen says "your files are untouched" where the pack says "your data is safe".
Measured on labelled replies from writers the rules were never tuned on, the rules alone found 69% of
the techniques there. These weights, trained on the tuned part of our own labelled replies, look at a
sentence's word stems and pairs of stems, and add a technique the rules did not find in the reply when
its probability reaches the file's threshold (see ``docs/techniques.md`` for the figures).

The same features, with weights trained on the tuned part of the labelled customer messages, give the
question-type analyzer a second reading of the questions its rules read from their shape alone
(`LearnedQuestionTypes`, used by `cxcoach.question_type.QuestionTypeAnalyzer`); trained on the labelled
customer-cue messages, they add the cues a customer's phrasing hides from the cue phrases (`LearnedCues`,
used by `cxcoach.customer_cues.CustomerCueAnalyzer`).

A learned finding is as explainable as a rule's: its evidence is the words that weighed most for it,
each with its offsets and weight, and its score is the model's probability.

Examples:
    >>> from cxcoach.learned import LearnedTechniques
    >>> from cxcoach.resources import WordWeights
    >>> from cxcoach.text import Doc
    >>> weights = WordWeights(threshold=0.5, bias={"gratitude": -2.0}, weights={"cheer": {"gratitude": 3.0}})
    >>> doc = Doc("Cheers for bearing with us.", role="agent")
    >>> [(label, round(p, 2)) for label, p, _ in LearnedTechniques(weights).find(doc, doc.sentences[0])]
    [('gratitude', 0.73)]
"""

from __future__ import annotations

import math
from typing import Collection, Iterable, NamedTuple, Optional, Union

from .models import Evidence, Finding, _trusted
from .resources import (
    CueWeights,
    QuestionWeights,
    WordWeights,
    load_cue_weights,
    load_question_weights,
    load_word_weights,
)
from .text import Doc, Sentence, Token, asks, stem

__all__ = [
    "Contribution",
    "LearnedCues",
    "LearnedLabels",
    "LearnedQuestionTypes",
    "LearnedTechniques",
    "contribution_evidence",
    "sentence_features",
]

# Token kinds whose presence is one feature ("#"): the figure itself says nothing about a technique.
_NUMERIC_KINDS = frozenset(("number", "money", "time"))
# At most this many features are given as a finding's evidence: the ones that weighed most for it.
_EVIDENCE_FEATURES = 3
# The features that are no word ("?" and "#"): a sentence with only these gets no learned label.
_NO_WORDS = frozenset(("?", "#"))


class Contribution(NamedTuple):
    """A feature that weighed for a label: its name, token indexes ``[first, last]`` in the sentence, weight."""

    feature: str
    first: int
    last: int
    weight: float


def sentence_features(tokens: tuple[Token, ...]) -> dict[str, tuple[int, int]]:
    """A sentence's features, each with the token indexes ``(first, last)`` where it first occurs.

    The features are each word's stem (`cxcoach.text.stem`), each pair of neighbouring word stems
    joined by a space ("the wait"), the first stem marked ``^`` ("^sorry"), ``?`` when the sentence
    asks, and ``#`` when it holds a number, an amount or a time. Training and scoring share this function.
    """
    features: dict[str, tuple[int, int]] = {}
    previous = None
    previous_at = 0
    for i, token in enumerate(tokens):
        kind = token.kind
        if kind != "word":
            if kind in _NUMERIC_KINDS and "#" not in features:
                features["#"] = (i, i)
            continue
        root = stem(token.norm)
        if previous is None:
            features["^" + root] = (i, i)
        else:
            features.setdefault(previous + " " + root, (previous_at, i))
        features.setdefault(root, (i, i))
        previous, previous_at = root, i
    if tokens and asks(tokens):
        features["?"] = (len(tokens) - 1, len(tokens) - 1)
    return features


class LearnedLabels:
    """Scores a sentence's labels with learned word weights: one logistic model per label.

    Args:
        weights: The weights: technique, question-type or customer-cue.
    """

    def __init__(self, weights: Union[WordWeights, QuestionWeights, CueWeights]) -> None:
        self.weights = weights
        self._labels = tuple(self.weights.bias)
        # feature -> its weight for each label, in label order (0.0 where the file gives none): the logits are
        # then column sums, which zip and sum compute without a Python loop per weight (measured: a third faster)
        self._rows = {
            feature: tuple(table.get(label, 0.0) for label in self._labels)
            for feature, table in self.weights.weights.items()
        }
        self._bias = [self.weights.bias[label] for label in self._labels]
        # compare logits, not probabilities: no exponential for the labels that do not pass
        threshold = self.weights.threshold
        self._logit = math.log(threshold / (1.0 - threshold))

    def logits(self, tokens: tuple[Token, ...]) -> dict[str, float]:
        """Each label's logit for a sentence's tokens: its bias plus the weights of the sentence's features."""
        return dict(zip(self._labels, self._sums(sentence_features(tokens))))

    def find(
        self, doc: Doc, sentence: Sentence, skip: Collection[str] = ()
    ) -> list[tuple[str, float, list[Contribution]]]:
        """The labels (not in ``skip``) whose probability reaches the threshold in one sentence.

        Each comes with its probability and the features that weighed for it, heaviest first.
        """
        features = sentence_features(doc.sentence_tokens(sentence))
        if features.keys() <= _NO_WORDS:
            return []  # the weights read words: a bare "?" or figure holds none
        found = []
        for i, logit in enumerate(self._sums(features)):
            label = self._labels[i]
            if logit < self._logit or label in skip:
                continue
            found.append((label, _probability(logit), self._contributions(features, i)))
        return found

    def findings(self, doc: Doc, skips: Iterable[Collection[str]], analyzer: str) -> list[Finding]:
        """A finding for each label that reaches the threshold in a sentence of ``doc``, but for those in the
        sentence's ``skips`` (one collection per sentence, in order). The sentence is its span, the model's
        probability its score, and the features that weighed most its evidence (`contribution_evidence`)."""
        text = doc.text
        return [
            _trusted(
                Finding, start=sentence.start, end=sentence.end, text=text[sentence.start : sentence.end],
                label=label, score=round(probability, 3), analyzer=analyzer,
                evidence=contribution_evidence(text, doc.sentence_tokens(sentence), contributions), suggestion=None,
            )
            for sentence, skip in zip(doc.sentences, skips)
            for label, probability, contributions in self.find(doc, sentence, skip)
        ]

    def _sums(self, features: Collection[str]) -> list[float]:
        """The logits in label order."""
        rows = [row for row in map(self._rows.get, features) if row is not None]
        if not rows:
            return self._bias[:]
        return [bias + total for bias, total in zip(self._bias, map(sum, zip(*rows)))]

    def _contributions(self, features: dict[str, tuple[int, int]], label: int) -> list[Contribution]:
        """The features that weighed for the label at index ``label``, heaviest first (at most three)."""
        rows = self._rows
        contributions = [
            Contribution(feature, first, last, row[label])
            for feature, (first, last) in features.items()
            if (row := rows.get(feature)) is not None and row[label] > 0
        ]
        contributions.sort(key=lambda item: -item.weight)
        return contributions[:_EVIDENCE_FEATURES]


class LearnedTechniques(LearnedLabels):
    """Scores a sentence's techniques with learned word weights.

    Args:
        weights: The weights (default: the built-in ``data/technique_weights.toml``).
    """

    def __init__(self, weights: WordWeights | None = None) -> None:
        super().__init__(weights or load_word_weights())


class LearnedCues(LearnedLabels):
    """Scores a customer sentence's cues (abuse, threat, escalation request, repeat contact, urgency)
    with learned word weights.

    Args:
        weights: The weights (default: the built-in ``data/cue_weights.toml``).
    """

    def __init__(self, weights: CueWeights | None = None) -> None:
        super().__init__(weights or load_cue_weights())


class LearnedQuestionTypes(LearnedLabels):
    """Reads a question a second time with learned word weights: outcome, process, or no question at all.

    Args:
        weights: The weights (default: the built-in ``data/question_weights.toml``).
    """

    def __init__(self, weights: QuestionWeights | None = None) -> None:
        super().__init__(weights or load_question_weights())

    def read(self, tokens: tuple[Token, ...], rules: str) -> Optional[tuple[str, float, list[Contribution]]]:
        """The likeliest label of a sentence the rules read as ``rules``, when it is another and its
        probability reaches the threshold; else ``None``.

        It comes with its probability and the features that weighed for it, heaviest first.
        """
        features = sentence_features(tokens)
        sums = self._sums(features)
        best = max(range(len(sums)), key=sums.__getitem__)
        label = self._labels[best]
        if label == rules or sums[best] < self._logit:
            return None
        return label, _probability(sums[best]), self._contributions(features, best)


def contribution_evidence(
    text: str, tokens: tuple[Token, ...], contributions: list[Contribution]
) -> tuple[Evidence, ...]:
    """The evidence of a learned finding: each feature that weighed for it, with its offsets in ``text``
    (``tokens`` are the sentence's) and its weight, under the rule ``learned_weight``."""
    return tuple(
        _trusted(
            Evidence, start=tokens[item.first].start, end=tokens[item.last].end,
            text=text[tokens[item.first].start : tokens[item.last].end], rule="learned_weight",
            weight=round(item.weight, 3), detail=f"learned weight {item.weight:+.2f} for {item.feature!r}",
        )
        for item in contributions
    )


def _probability(logit: float) -> float:
    return 1.0 / (1.0 + math.exp(-logit))
