"""`SentimentAnalyzer`: the pipeline component that runs a sentiment backend over a message."""

from __future__ import annotations

from typing import Callable, Protocol, Union, runtime_checkable

from ..errors import InputTypeError, UnknownAnalyzerError, type_name
from ..models import Finding, SentimentResult
from ..text import Doc
from .result import findings_for

__all__ = ["BACKENDS", "SentimentAnalyzer", "SentimentBackend", "create_backend"]


@runtime_checkable
class SentimentBackend(Protocol):
    """What a sentiment backend provides: a ``name`` and ``score(doc) -> SentimentResult``."""

    name: str

    def score(self, doc: Doc) -> SentimentResult:
        """Score one message."""
        ...


def _support() -> SentimentBackend:
    from .support_backend import SupportBackend

    return SupportBackend()


def _vader() -> SentimentBackend:
    from .vader_backend import VaderBackend

    return VaderBackend()


def _textblob() -> SentimentBackend:
    from .textblob_backend import TextBlobBackend

    return TextBlobBackend()


BACKENDS: dict[str, Callable[[], SentimentBackend]] = {
    "support": _support,
    "vader": _vader,
    "textblob": _textblob,
}
"""Built-in backends by name; each factory imports its dependencies when called."""


def create_backend(name: str) -> SentimentBackend:
    """Create a built-in backend by name (``"support"``, ``"vader"`` or ``"textblob"``).

    Raises:
        UnknownAnalyzerError: No backend has that name.
    """
    factory = BACKENDS.get(name)
    if factory is None:
        raise UnknownAnalyzerError(
            f"no sentiment backend named {name!r}: choose one of {', '.join(map(repr, BACKENDS))}, "
            "or pass an object with name and score(doc)"
        )
    return factory()


class SentimentAnalyzer:
    """Assigns ``doc.sentiment`` and emits a finding for each non-neutral sentence.

    Args:
        backend: A backend name (``"support"``, the default; ``"vader"``; ``"textblob"``) or an object
            with ``name`` and ``score(doc)`` (see `SentimentBackend`).

    Examples:
        >>> from cxcoach import Pipeline
        >>> from cxcoach.sentiment import SentimentAnalyzer
        >>> pipeline = Pipeline([SentimentAnalyzer("vader")])
        >>> pipeline.analyze("Lovely crew, thank you!").sentiment.backend
        'vader'
    """

    name = "sentiment"
    labels = frozenset({"negative_sentiment", "positive_sentiment"})
    assigns = ("sentiment",)

    def __init__(self, backend: Union[str, SentimentBackend] = "support") -> None:
        if isinstance(backend, str):
            backend = create_backend(backend)
        elif not isinstance(backend, SentimentBackend):
            raise InputTypeError(
                f"backend must be a name or an object with name and score(doc), got {type_name(backend)}"
            )
        self.backend: SentimentBackend = backend

    def analyze(self, doc: Doc) -> tuple[Finding, ...]:
        """Score ``doc``, store the result in ``doc.sentiment``, and return sentence findings."""
        result = self.backend.score(doc)
        doc.sentiment = result
        return findings_for(result, self.name)

    def __repr__(self) -> str:
        return f"SentimentAnalyzer(backend={self.backend.name!r})"
