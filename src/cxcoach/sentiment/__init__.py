"""Sentiment: three backends behind one analyzer.

* ``support`` (default): VADER's rules plus customer-service adjustments (`SupportBackend`).
* ``vader``: nltk's VADER with the lexicon vaderSentiment ships (`VaderBackend`).
* ``textblob``: TextBlob's PatternAnalyzer with per-word assessments and subjectivity (`TextBlobBackend`).

The backend classes are imported on first access, so ``import cxcoach.sentiment`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .analyzer import BACKENDS, SentimentAnalyzer, SentimentBackend, create_backend

if TYPE_CHECKING:
    from .support_backend import SupportBackend
    from .textblob_backend import TextBlobBackend
    from .vader_backend import VaderBackend

__all__ = [
    "BACKENDS",
    "SentimentAnalyzer",
    "SentimentBackend",
    "SupportBackend",
    "TextBlobBackend",
    "VaderBackend",
    "create_backend",
]

_LAZY = {
    "SupportBackend": "support_backend",
    "TextBlobBackend": "textblob_backend",
    "VaderBackend": "vader_backend",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cxcoach.sentiment' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{module}", __name__), name)
