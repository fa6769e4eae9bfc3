"""The one-call conveniences, built on a default `Pipeline` created on first use (never at import)."""

from __future__ import annotations

import threading
from typing import Optional

from .models import MessageAnalysis
from .pipeline import Pipeline

__all__ = ["analyze", "default_pipeline"]

_lock = threading.Lock()
_default: Optional[Pipeline] = None


def default_pipeline() -> Pipeline:
    """The shared default `Pipeline`, built on first call."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Pipeline()
    return _default


def analyze(text: str, role: str = "customer", context: Optional[str] = None) -> MessageAnalysis:
    """Analyze one message with the default pipeline.

    Args:
        text: The message.
        role: ``"customer"`` (default) or ``"agent"``.
        context: For an agent reply, the customer message it answers.

    Returns:
        A `MessageAnalysis`: sentiment (label, score, intensity, per-sentence results) and findings,
            each with character offsets and evidence. Empty or whitespace-only text is neutral
            with intensity 0 and no findings.

    Raises:
        InputTypeError: ``text`` or ``context`` is not a string (also a `TypeError`).
        InputValueError: ``role`` is not ``"customer"`` or ``"agent"`` (also a `ValueError`).

    Examples:
        >>> import cxcoach
        >>> a = cxcoach.analyze("I've been charged TWICE and nobody answers!!")
        >>> a.sentiment.label, a.sentiment.intensity
        ('negative', 3)
    """
    return default_pipeline().analyze(text, role=role, context=context)
