"""The systems compared in every benchmark, each as ``name -> (text -> score in [-1, 1])``.

cxcoach's backends are run through `SentimentAnalyzer` exactly as users call them; the peers are the
packages as published (vaderSentiment's ``polarity_scores``, TextBlob's ``TextBlob(text).sentiment``).
"""

from __future__ import annotations

from typing import Callable

from cxcoach.sentiment import SentimentAnalyzer
from cxcoach.text import Doc

Scorer = Callable[[str], float]

# Neutral bands used for the peers' 3-class labels (shared/data/README.md: VADER ±0.05, TextBlob 0).
PEER_THRESHOLDS = {"vaderSentiment": 0.05, "TextBlob": 1e-9}


def cxcoach_scorer(backend: str) -> tuple[Scorer, Callable[[str], str]]:
    """A scorer and a labeller for one cxcoach backend."""
    analyzer = SentimentAnalyzer(backend)

    def result(text: str):  # noqa: ANN202
        doc = Doc(text)
        analyzer.analyze(doc)
        return doc.sentiment

    return (lambda text: result(text).score), (lambda text: result(text).label)


def peer_scorers() -> dict[str, Scorer]:
    from textblob import TextBlob
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    return {
        "vaderSentiment": lambda text: vader.polarity_scores(text)["compound"],
        "TextBlob": lambda text: TextBlob(text).sentiment.polarity,
    }


def label(score: float, threshold: float) -> str:
    return "positive" if score >= threshold else "negative" if score <= -threshold else "neutral"
