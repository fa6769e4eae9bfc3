"""`Pipeline`: runs a list of analyzers over a message and collects one `MessageAnalysis`.

Examples:
    >>> from cxcoach import Pipeline
    >>> pipeline = Pipeline()                      # the default analyzers
    >>> pipeline.analyze("Charged twice and still waiting!!").sentiment.label
    'negative'
    >>> [a.sentiment.label for a in pipeline.analyze_many(["Thanks, all sorted!", "Where is it?"])]
    ['positive', 'neutral']
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional, Sequence, Union

from .analyzer import ASSIGNABLE, Analyzer
from .errors import AnalyzerError, CxcoachError, InputTypeError, type_name
from .models import Finding, Message, MessageAnalysis, _trusted
from .registry import Registry, registry as default_registry
from .text import Doc

__all__ = ["Pipeline"]

BatchItem = Union[str, Message, Mapping[str, Any]]


def _default_analyzers() -> list[Union[Analyzer, str]]:
    return ["sentiment", "question_type", "answer_style", "techniques", "customer_cues", "commitments"]


def _check_analyzer(analyzer: object) -> Analyzer:
    missing = [attribute for attribute in ("name", "labels", "analyze") if not hasattr(analyzer, attribute)]
    if missing or not callable(getattr(analyzer, "analyze", None)):
        raise AnalyzerError(
            f"{type_name(analyzer)} is not an analyzer: it needs a name, labels and analyze(doc) "
            f"(missing: {', '.join(missing) or 'a callable analyze'})"
        )
    for slot in getattr(analyzer, "assigns", ()):
        if slot not in ASSIGNABLE:
            raise AnalyzerError(
                f"analyzer {analyzer.name!r} assigns unknown Doc slot {slot!r}: use one of {sorted(ASSIGNABLE)}"
            )
    return analyzer  # type: ignore[return-value]


class Pipeline:
    """Runs analyzers in order over each message; every analyzer shares one tokenization.

    Args:
        analyzers: Analyzer objects or registered names, in the order they run. Defaults to the
            built-in analyzers: ``["sentiment", "question_type", "answer_style", "techniques",
            "customer_cues", "commitments"]``.
        registry: Where names are looked up (default: `cxcoach.registry.registry`).

    Raises:
        AnalyzerError: An item is not an analyzer, or two analyzers assign the same `Doc` slot.
        UnknownAnalyzerError: A name is not registered.
    """

    def __init__(
        self,
        analyzers: Optional[Sequence[Union[Analyzer, str]]] = None,
        *,
        registry: Optional[Registry] = None,
    ) -> None:
        lookup = registry or default_registry
        items = _default_analyzers() if analyzers is None else list(analyzers)
        self.analyzers: tuple[Analyzer, ...] = tuple(
            _check_analyzer(lookup.create(item) if isinstance(item, str) else item) for item in items
        )
        assigned: dict[str, str] = {}
        for analyzer in self.analyzers:
            for slot in getattr(analyzer, "assigns", ()):
                if slot in assigned:
                    raise AnalyzerError(
                        f"analyzers {assigned[slot]!r} and {analyzer.name!r} both assign {slot!r}: keep one of them"
                    )
                assigned[slot] = analyzer.name

    @property
    def names(self) -> list[str]:
        """The analyzers' names, in order."""
        return [analyzer.name for analyzer in self.analyzers]

    @property
    def labels(self) -> frozenset[str]:
        """Every label the pipeline's findings can carry."""
        return frozenset().union(*(analyzer.labels for analyzer in self.analyzers))

    def analyze(self, text: str, role: str = "customer", context: Optional[str] = None) -> MessageAnalysis:
        """Analyze one message.

        Args:
            text: The message.
            role: ``"customer"`` or ``"agent"``.
            context: For an agent reply, the customer message it answers.

        Raises:
            InputTypeError: ``text`` or ``context`` is not a string.
            InputValueError: ``role`` is unknown.
        """
        return self.analyze_doc(Doc(text, role=role, context=context))

    def analyze_doc(self, doc: Doc) -> MessageAnalysis:
        """Run every analyzer over an existing `Doc` and collect the result."""
        findings: list[Finding] = []
        for analyzer in self.analyzers:
            for finding in analyzer.analyze(doc):
                if not isinstance(finding, Finding):
                    raise AnalyzerError(
                        f"analyzer {analyzer.name!r} returned {type_name(finding)}; analyze(doc) must return Findings"
                    )
                findings.append(finding)
        findings.sort(key=lambda finding: (finding.start, finding.end, finding.label))
        return _trusted(
            MessageAnalysis,
            text=doc.text,
            role=doc.role,
            sentiment=doc.sentiment,
            question_type=doc.question_type,
            answer_style=doc.answer_style,
            techniques=doc.techniques,
            estimates=doc.estimates or (),
            escalation_risk=doc.escalation_risk,
            commitments=doc.commitments or (),
            findings=tuple(findings),
        )

    def analyze_many(self, items: Iterable[BatchItem], role: str = "customer") -> list[MessageAnalysis]:
        """Analyze many messages, in order: one result per item, never a silently dropped row.

        Args:
            items: Strings (all with ``role``), `Message` objects, or mappings with ``"text"`` and
                optionally ``"role"`` and ``"context"``.
            role: The role of plain-string items.

        Raises:
            CxcoachError: An item is invalid; the message gives its index and what is wrong.
        """
        results = []
        for index, item in enumerate(items):
            try:
                if isinstance(item, str):
                    results.append(self.analyze(item, role=role))
                elif isinstance(item, Message):
                    results.append(self.analyze(item.text, role=item.role))
                elif isinstance(item, Mapping):
                    if "text" not in item:
                        raise InputTypeError("a mapping item needs a 'text' key")
                    results.append(
                        self.analyze(item["text"], role=item.get("role", role), context=item.get("context"))
                    )
                else:
                    raise InputTypeError(
                        f"each item must be a str, a Message or a mapping with 'text', got {type_name(item)}"
                    )
            except CxcoachError as error:
                raise type(error)(f"item {index}: {error}") from error
        return results

    def __repr__(self) -> str:
        return f"Pipeline({list(self.analyzers)!r})"
