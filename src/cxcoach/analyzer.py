"""The `Analyzer` protocol: what an object needs to run in a `Pipeline`.

An analyzer has a ``name``, the ``labels`` its findings can carry, and ``analyze(doc)`` returning an
iterable of `Finding`. It may also declare ``assigns``: the typed `Doc` slots it fills (the sentiment
analyzer assigns ``"sentiment"``). Analyzers read ``doc.tokens`` and ``doc.sentences``, which are
computed once per message and shared.

Examples:
    >>> from cxcoach import Finding, Pipeline
    >>> class RefundMention:
    ...     name = "refund_mention"
    ...     labels = frozenset({"refund_mention"})
    ...     def analyze(self, doc):
    ...         return [
    ...             Finding(label="refund_mention", start=t.start, end=t.end, text=t.text,
    ...                     score=1.0, analyzer=self.name)
    ...             for t in doc.tokens if t.norm == "refund"
    ...         ]
    >>> analysis = Pipeline(["sentiment", RefundMention()]).analyze("Please send the refund to my card.")
    >>> [f.label for f in analysis.findings]
    ['refund_mention']
"""

from __future__ import annotations

from typing import Iterable, Protocol, runtime_checkable

from .models import Finding
from .text import Doc

__all__ = ["ASSIGNABLE", "Analyzer"]

ASSIGNABLE: frozenset[str] = frozenset(
    {"sentiment", "question_type", "answer_style", "estimates", "techniques", "escalation_risk", "commitments"}
)
"""The `Doc` slots an analyzer may declare in ``assigns``."""


@runtime_checkable
class Analyzer(Protocol):
    """The protocol every analyzer implements (structural: no base class needed)."""

    name: str
    labels: frozenset[str]

    def analyze(self, doc: Doc) -> Iterable[Finding]:
        """Return what was found in ``doc``; may also fill the `Doc` slots named in ``assigns``."""
        ...
