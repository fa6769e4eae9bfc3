"""Turning a backend's raw numbers into result models: labels, intensity, evidence, findings.

Backends collect evidence as plain tuples ``(rule, start, end, weight, detail)`` while they score, and
this module builds the frozen models once at the end (with `cxcoach.models._trusted`: the values come
from our own code, so re-validating them on every message would only cost time).
"""

from __future__ import annotations

import math
from typing import Iterable, Optional

from ..resources import load_lexicon
from ..models import Evidence, Finding, SentenceSentiment, SentimentResult, _trusted
from ..text import Doc, Sentence

__all__ = ["RawEvidence", "build_result", "findings_for", "intensity", "label_for", "normalize"]

RawEvidence = tuple[str, int, int, float, str]
"""``(rule, start, end, weight, detail)``, turned into `Evidence` by `build_result`."""

# VADER's normalisation constant: x / sqrt(x² + 15) maps a valence sum onto (-1, 1) (Hutto & Gilbert).
_ALPHA = 15.0

# A non-neutral message starts at intensity 1, or 2 or 3 when |score| passes these (on VADER's compound
# scale, one strong word with "!" is about 0.6; three strong words pass 0.85).
_STRONG = 0.5
_EXTREME = 0.85

# Shouting: at least this many ALL-CAPS words of 3+ letters ("DM", "OK" and "I" are not shouting) making
# up at least this share of the words.
_SHOUT_MIN_WORDS = 2
_SHOUT_MIN_SHARE = 0.25


def normalize(total: float) -> float:
    """Map a valence sum onto [-1, 1] the way VADER does."""
    score = total / math.sqrt(total * total + _ALPHA)
    return max(-1.0, min(1.0, score))


def label_for(score: float, thresholds: tuple[float, float]) -> str:
    """``"negative"`` at or below ``-thresholds[0]``, ``"positive"`` at or above ``thresholds[1]``, else neutral."""
    if score <= -thresholds[0]:
        return "negative"
    if score >= thresholds[1]:
        return "positive"
    return "neutral"


def intensity(doc: Doc, score: float, label: str, profanity: frozenset[str]) -> tuple[int, list[RawEvidence]]:
    """Intensity 0..3 and its evidence.

    Neutral is 0. Otherwise the level comes from ``|score|`` (1, 2 or 3) and rises by one for each kind
    of emphasis cue present, at most two: shouting in capitals, repeated ``!``/``?``, profanity, and
    two or more emoji or emoticons.
    """
    if label == "neutral":
        return 0, []
    magnitude = abs(score)
    level = 3 if magnitude >= _EXTREME else 2 if magnitude >= _STRONG else 1
    cues: list[RawEvidence] = []
    caps: list[tuple[int, int]] = []
    words = 0
    emoji: list[tuple[int, int]] = []
    swear: Optional[tuple[int, int, str]] = None
    repeated: Optional[tuple[int, int, str]] = None
    for token in doc.tokens:
        kind = token.kind
        if kind == "word":
            words += 1
            if len(token.text) >= 3 and token.text.isupper():
                caps.append((token.start, token.end))
            if swear is None and token.norm in profanity:
                swear = (token.start, token.end, token.text)
        elif kind == "punct":
            if repeated is None and len(token.text) >= 2 and token.text[0] in "!?":
                repeated = (token.start, token.end, token.text)
        elif kind in ("emoji", "emoticon"):
            emoji.append((token.start, token.end))
    if len(caps) >= _SHOUT_MIN_WORDS and len(caps) >= _SHOUT_MIN_SHARE * words:
        cues.append(("shouting", caps[0][0], caps[-1][1], 1.0, f"{len(caps)} words in capitals"))
    if repeated is not None:
        cues.append(("repeated_punctuation", repeated[0], repeated[1], 1.0, f"{repeated[2]!r}"))
    if swear is not None:
        cues.append(("profanity", swear[0], swear[1], 1.0, f"{swear[2]!r} is profanity"))
    if len(emoji) >= 2:
        cues.append(("emoji", emoji[0][0], emoji[-1][1], 1.0, f"{len(emoji)} emoji or emoticons"))
    return min(3, level + min(2, len(cues))), cues


def _evidence(text: str, raw: Iterable[RawEvidence]) -> tuple[Evidence, ...]:
    return tuple(
        _trusted(Evidence, start=start, end=end, text=text[start:end], rule=rule, weight=round(weight, 4), detail=detail)
        for rule, start, end, weight, detail in raw
    )


def build_result(
    doc: Doc,
    *,
    backend: str,
    score: float,
    thresholds: tuple[float, float],
    sentences: Iterable[tuple[Sentence, float, list[RawEvidence]]],
    profanity: Optional[frozenset[str]] = None,
    subjectivity: Optional[float] = None,
) -> SentimentResult:
    """Assemble a `SentimentResult` from a message score and per-sentence ``(sentence, score, evidence)``.

    ``profanity`` defaults to the built-in support lexicon's list.
    """
    if profanity is None:
        profanity = load_lexicon().profanity
    text = doc.text
    score = round(max(-1.0, min(1.0, score)), 4)
    label = label_for(score, thresholds)
    level, cues = intensity(doc, score, label, profanity)
    per_sentence = tuple(
        _trusted(
            SentenceSentiment,
            start=sentence.start,
            end=sentence.end,
            text=text[sentence.start : sentence.end],
            label=label_for(sentence_score, thresholds),
            score=round(max(-1.0, min(1.0, sentence_score)), 4),
            evidence=_evidence(text, raw),
        )
        for sentence, sentence_score, raw in sentences
    )
    return _trusted(
        SentimentResult,
        label=label,
        score=score,
        intensity=level,
        sentences=per_sentence,
        backend=backend,
        subjectivity=subjectivity,
        evidence=_evidence(text, cues),
    )


def findings_for(result: SentimentResult, analyzer: str) -> tuple[Finding, ...]:
    """One finding per non-neutral sentence: ``negative_sentiment`` or ``positive_sentiment``."""
    return tuple(
        _trusted(
            Finding,
            start=sentence.start,
            end=sentence.end,
            text=sentence.text,
            label=f"{sentence.label}_sentiment",
            score=sentence.score,
            analyzer=analyzer,
            evidence=sentence.evidence,
            suggestion=None,
        )
        for sentence in result.sentences
        if sentence.label != "neutral"
    )
