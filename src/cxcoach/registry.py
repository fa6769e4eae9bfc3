"""Analyzer factories by name: built-in ones, ones registered in process, and entry points.

A name in a `Pipeline` (``Pipeline(["sentiment", "my_analyzer"])``) is looked up here. Other packages
make theirs available without any import by declaring an entry point in the ``cxcoach.analyzers``
group, for example in their ``pyproject.toml``:

```toml
[project.entry-points."cxcoach.analyzers"]
refund_mention = "my_package.analyzers:RefundMention"
```

Examples:
    >>> from cxcoach import Registry
    >>> registry = Registry()
    >>> @registry.register("shouting")
    ... class Shouting:
    ...     name = "shouting"
    ...     labels = frozenset({"shouting"})
    ...     def analyze(self, doc):
    ...         return []
    >>> registry.create("shouting").name
    'shouting'
"""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import Any, Callable, Optional, TypeVar, Union, overload

from .analyzer import Analyzer
from .errors import AnalyzerError, InputValueError, UnknownAnalyzerError

__all__ = ["ENTRY_POINT_GROUP", "Registry", "create_analyzer", "register_analyzer", "registry"]

ENTRY_POINT_GROUP = "cxcoach.analyzers"
"""The entry-point group other packages use to provide analyzers."""

Factory = Callable[..., Analyzer]
F = TypeVar("F", bound=Callable[..., Any])


def _sentiment(**config: Any) -> Analyzer:
    from .sentiment import SentimentAnalyzer

    return SentimentAnalyzer(**config)


def _question_type(**config: Any) -> Analyzer:
    from .question_type import QuestionTypeAnalyzer

    return QuestionTypeAnalyzer(**config)


def _answer_style(**config: Any) -> Analyzer:
    from .answer_style import AnswerStyleAnalyzer

    return AnswerStyleAnalyzer(**config)


def _techniques(**config: Any) -> Analyzer:
    from .techniques import TechniqueAnalyzer

    return TechniqueAnalyzer(**config)


def _customer_cues(**config: Any) -> Analyzer:
    from .customer_cues import CustomerCueAnalyzer

    return CustomerCueAnalyzer(**config)


def _commitments(**config: Any) -> Analyzer:
    from .commitments import CommitmentAnalyzer

    return CommitmentAnalyzer(**config)


class Registry:
    """A name → analyzer-factory table, with the ``cxcoach.analyzers`` entry points as a fallback.

    Each `Registry` is independent: two applications embedding cxcoach can each keep their own instead
    of sharing the module-level `registry`.

    Args:
        group: The entry-point group searched for names not registered in process (``None``: none).
    """

    def __init__(self, group: Optional[str] = ENTRY_POINT_GROUP) -> None:
        self._factories: dict[str, Factory] = {
            "sentiment": _sentiment,
            "question_type": _question_type,
            "answer_style": _answer_style,
            "techniques": _techniques,
            "customer_cues": _customer_cues,
            "commitments": _commitments,
        }
        self._group = group

    @overload
    def register(self, name: str, factory: None = None, *, replace: bool = False) -> Callable[[F], F]: ...

    @overload
    def register(self, name: str, factory: F, *, replace: bool = False) -> F: ...

    def register(
        self, name: str, factory: Optional[F] = None, *, replace: bool = False
    ) -> Union[F, Callable[[F], F]]:
        """Register ``factory`` (a class or function returning an analyzer) under ``name``.

        Use it as a call or as a decorator. ``replace=True`` overrides an existing name.

        Raises:
            InputValueError: The name is taken and ``replace`` is false.
        """

        def add(function: F) -> F:
            if not callable(function):
                raise AnalyzerError(f"the factory for {name!r} must be callable, got {type(function).__name__}")
            if name in self._factories and not replace:
                raise InputValueError(f"an analyzer named {name!r} is already registered: pass replace=True to override")
            self._factories[name] = function
            return function

        return add if factory is None else add(factory)

    def names(self) -> list[str]:
        """All names this registry can create, registered and from entry points, sorted."""
        found = set(self._factories)
        if self._group:
            found.update(point.name for point in entry_points(group=self._group))
        return sorted(found)

    def get(self, name: str) -> Factory:
        """The factory registered under ``name`` (loading its entry point if needed).

        Raises:
            UnknownAnalyzerError: Nothing is registered under that name.
        """
        factory = self._factories.get(name)
        if factory is not None:
            return factory
        if self._group:
            for point in entry_points(group=self._group, name=name):
                factory = point.load()
                self._factories[name] = factory
                return factory
        raise UnknownAnalyzerError(
            f"no analyzer named {name!r}: choose one of {', '.join(map(repr, self.names()))}, "
            "register one with cxcoach.register_analyzer, or pass the analyzer object itself"
        )

    def create(self, name: str, **config: Any) -> Analyzer:
        """Create the analyzer registered under ``name``, passing ``config`` to its factory."""
        return self.get(name)(**config)


registry = Registry()
"""The default registry, used by `Pipeline` when none is given."""

register_analyzer = registry.register
create_analyzer = registry.create
