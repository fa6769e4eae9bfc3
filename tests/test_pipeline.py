"""Pipeline, the analyzer protocol and the registry (``pipeline.py``, ``analyzer.py``, ``registry.py``)."""

from __future__ import annotations

import pytest

import cxcoach.registry as registry_module
from cxcoach import Analyzer, Finding, Message, Pipeline, Registry, SentimentAnalyzer
from cxcoach.errors import AnalyzerError, CxcoachError, InputTypeError, InputValueError, UnknownAnalyzerError


class RefundMention:
    """Finds the word "refund" (a user's own analyzer: no base class)."""

    name = "refund_mention"
    labels = frozenset({"refund_mention"})

    def analyze(self, doc):
        hits = [t for t in doc.tokens if t.norm.startswith("refund")]
        # Returned last-first on purpose: the pipeline sorts findings by position.
        return [
            Finding(label="refund_mention", start=t.start, end=t.end, text=t.text, score=1.0, analyzer=self.name)
            for t in reversed(hits)
        ]


class ReturnsStrings:
    name = "sloppy"
    labels = frozenset({"sloppy"})

    def analyze(self, doc):
        return ["not a finding"]


class SecondSentiment:
    name = "my_sentiment"
    labels = frozenset()
    assigns = ("sentiment",)

    def analyze(self, doc):
        return []


class AssignsUnknownSlot:
    name = "greedy"
    labels = frozenset()
    assigns = ("question_type_x",)

    def analyze(self, doc):
        return []


class NoAnalyze:
    name = "lazy"
    labels = frozenset()


class NotCallable:
    name = "broken"
    labels = frozenset()
    analyze = "yes"


BUILT_IN = ["answer_style", "commitments", "customer_cues", "question_type", "sentiment", "techniques"]


def test_default_pipeline_runs_the_built_in_analyzers():
    pipeline = Pipeline()
    assert pipeline.names == ["sentiment", "question_type", "answer_style", "techniques", "customer_cues", "commitments"]
    assert {"negative_sentiment", "positive_sentiment", "outcome_question", "outcome_first_violation"} <= pipeline.labels
    analysis = pipeline.analyze("Still waiting for my refund. When will it arrive?")
    assert analysis.sentiment.label == "negative"
    assert analysis.question_type == "outcome_question"


def test_custom_analyzer_findings_are_sorted_by_position():
    pipeline = Pipeline(["sentiment", RefundMention()])
    assert pipeline.names == ["sentiment", "refund_mention"]
    assert "refund_mention" in pipeline.labels
    text = "Thanks for the refund offer. Still waiting for my refund though, refunds take ages."
    analysis = pipeline.analyze(text)
    positions = [(f.start, f.end) for f in analysis.findings]
    assert positions == sorted(positions)
    mentions = [f for f in analysis.findings if f.label == "refund_mention"]
    assert [f.text for f in mentions] == ["refund", "refund", "refunds"]
    assert all(text[f.start : f.end] == f.text for f in mentions)
    assert analysis.sentiment is not None  # the sentiment analyzer ran too


def test_custom_analyzer_satisfies_the_protocol():
    assert isinstance(RefundMention(), Analyzer)
    assert isinstance(SentimentAnalyzer(), Analyzer)
    assert not isinstance(NoAnalyze(), Analyzer)


def test_pipeline_without_sentiment_leaves_it_empty():
    analysis = Pipeline([RefundMention()]).analyze("Where is my refund?")
    assert analysis.sentiment is None
    assert [f.label for f in analysis.findings] == ["refund_mention"]


@pytest.mark.parametrize(
    ("item", "missing"),
    [(NoAnalyze(), "analyze"), (NotCallable(), "callable analyze"), (object(), "name, labels, analyze"), (42, "name")],
    ids=["no-analyze", "analyze-not-callable", "object", "int"],
)
def test_objects_that_are_not_analyzers_are_rejected(item, missing):
    with pytest.raises(AnalyzerError, match="is not an analyzer") as caught:
        Pipeline([item])
    assert missing in str(caught.value)
    assert isinstance(caught.value, TypeError)


def test_analyzer_returning_non_findings_is_named():
    pipeline = Pipeline([ReturnsStrings()])
    with pytest.raises(AnalyzerError, match="'sloppy' returned str"):
        pipeline.analyze("Hello")


@pytest.mark.parametrize(
    "analyzers",
    [["sentiment", SecondSentiment()], [SentimentAnalyzer("support"), SentimentAnalyzer("support")]],
    ids=["custom", "two-sentiment"],
)
def test_two_analyzers_cannot_assign_the_same_slot(analyzers):
    with pytest.raises(AnalyzerError, match="both assign 'sentiment'"):
        Pipeline(analyzers)


def test_unknown_slot_is_rejected():
    with pytest.raises(AnalyzerError, match="unknown Doc slot 'question_type_x'"):
        Pipeline([AssignsUnknownSlot()])


# --- Registry -----------------------------------------------------------------------------------------------


def test_fresh_registry_knows_the_built_in_analyzers_only():
    registry = Registry(group=None)
    assert registry.names() == BUILT_IN
    assert registry.create("sentiment").name == "sentiment"
    assert registry.create("sentiment", backend="vader").backend.name == "vader"


def test_register_with_a_call_and_use_by_name():
    registry = Registry(group=None)
    assert registry.register("refund_mention", RefundMention) is RefundMention
    assert registry.names() == sorted(BUILT_IN + ["refund_mention"])
    pipeline = Pipeline(["sentiment", "refund_mention"], registry=registry)
    assert pipeline.names == ["sentiment", "refund_mention"]
    assert [f.text for f in pipeline.analyze("My refund?").findings if f.label == "refund_mention"] == ["refund"]


def test_register_as_a_decorator():
    registry = Registry(group=None)

    @registry.register("shouting")
    class Shouting:
        name = "shouting"
        labels = frozenset({"shouting"})

        def analyze(self, doc):
            return []

    assert isinstance(registry.create("shouting"), Shouting)


def test_registries_are_independent():
    first, second = Registry(group=None), Registry(group=None)
    first.register("refund_mention", RefundMention)
    assert "refund_mention" not in second.names()
    assert "refund_mention" not in registry_module.registry.names()
    with pytest.raises(UnknownAnalyzerError):
        Pipeline(["refund_mention"], registry=second)


def test_duplicate_name_needs_replace():
    registry = Registry(group=None)
    registry.register("refund_mention", RefundMention)
    with pytest.raises(InputValueError, match="already registered: pass replace=True"):
        registry.register("refund_mention", SecondSentiment)
    with pytest.raises(InputValueError, match="already registered"):
        registry.register("sentiment", RefundMention)
    registry.register("refund_mention", SecondSentiment, replace=True)
    assert isinstance(registry.create("refund_mention"), SecondSentiment)


def test_factory_must_be_callable():
    with pytest.raises(AnalyzerError, match="must be callable"):
        Registry(group=None).register("bad", "not callable")


@pytest.mark.parametrize("lookup", ["pipeline", "create"])
def test_unknown_name_lists_the_names(lookup):
    registry = Registry(group=None)
    registry.register("refund_mention", RefundMention)
    with pytest.raises(UnknownAnalyzerError) as caught:
        if lookup == "pipeline":
            Pipeline(["sentiment", "emotion"], registry=registry)
        else:
            registry.create("emotion")
    message = str(caught.value)
    assert message.startswith("no analyzer named 'emotion': choose one of 'answer_style', 'commitments', 'customer_cues', 'question_type', 'refund_mention', 'sentiment', 'techniques'")
    assert "register_analyzer" in message
    assert isinstance(caught.value, LookupError) and isinstance(caught.value, CxcoachError)


class FakeEntryPoint:
    def __init__(self, name, target):
        self.name = name
        self._target = target
        self.loads = 0

    def load(self):
        self.loads += 1
        return self._target


@pytest.fixture
def fake_entry_points(monkeypatch):
    """Installs one fake distribution's entry point in the ``cxcoach.analyzers`` group."""
    point = FakeEntryPoint("refund_mention", RefundMention)
    groups = {"cxcoach.analyzers": [point], "other.group": [FakeEntryPoint("other", SecondSentiment)]}
    seen = []

    def entry_points(*, group, name=None):
        seen.append(group)
        return [p for p in groups.get(group, []) if name is None or p.name == name]

    monkeypatch.setattr(registry_module, "entry_points", entry_points)
    return point, seen


def test_entry_points_are_discovered(fake_entry_points):
    point, seen = fake_entry_points
    registry = Registry()
    assert registry.names() == sorted(BUILT_IN + ["refund_mention"])
    pipeline = Pipeline(["refund_mention"], registry=registry)
    assert pipeline.names == ["refund_mention"]
    assert set(seen) == {"cxcoach.analyzers"}
    registry.create("refund_mention")
    assert point.loads == 1  # loaded once, then remembered


def test_default_registry_reads_entry_points(fake_entry_points):
    assert registry_module.ENTRY_POINT_GROUP == "cxcoach.analyzers"
    assert "refund_mention" in registry_module.registry.names()


def test_registry_without_group_ignores_entry_points(fake_entry_points):
    registry = Registry(group=None)
    assert registry.names() == BUILT_IN
    with pytest.raises(UnknownAnalyzerError):
        registry.create("refund_mention")


def test_unknown_name_lists_entry_points_too(fake_entry_points):
    with pytest.raises(UnknownAnalyzerError, match="'question_type', 'refund_mention', 'sentiment'"):
        Registry().create("emotion")


# --- analyze_many -------------------------------------------------------------------------------------------


def test_analyze_many_keeps_order_and_length():
    texts = ["Thanks, all sorted!", "Where is it?", "Still waiting for my refund.", "", "Still waiting for my refund."]
    results = Pipeline().analyze_many(texts)
    assert [r.text for r in results] == texts
    assert [r.sentiment.label for r in results] == ["positive", "neutral", "negative", "neutral", "negative"]


def test_analyze_many_accepts_mixed_items_and_iterators():
    items = iter(
        [
            "Still waiting for my refund.",
            Message(role="agent", text="Your refund was sent today."),
            {"text": "It arrived, thanks!", "role": "customer"},
            {"text": "It ships Monday.", "role": "agent", "context": "When will it ship?"},
            {"text": "Cancel my account."},
        ]
    )
    results = Pipeline().analyze_many(items, role="customer")
    assert [r.role for r in results] == ["customer", "agent", "customer", "agent", "customer"]
    assert [r.text for r in results][1] == "Your refund was sent today."


def test_analyze_many_plain_strings_take_the_role():
    results = Pipeline().analyze_many(["Hello", "Bye"], role="agent")
    assert [r.role for r in results] == ["agent", "agent"]


def test_analyze_many_empty():
    assert Pipeline().analyze_many([]) == []


@pytest.mark.parametrize(
    ("bad", "error", "detail"),
    [
        (42, InputTypeError, "each item must be a str, a Message or a mapping with 'text', got int"),
        (None, InputTypeError, "got NoneType"),
        ({"role": "agent"}, InputTypeError, "needs a 'text' key"),
        ({"text": b"bytes"}, InputTypeError, "text must be a str"),
        ({"text": "Hi", "context": 3}, InputTypeError, "context must be a str"),
        ({"text": "Hi", "role": "bot"}, InputValueError, "'customer', 'agent'"),
    ],
    ids=["int", "none", "no-text", "bytes-text", "bad-context", "bad-role"],
)
def test_analyze_many_bad_item_names_its_index(bad, error, detail):
    items = ["Fine, thanks.", "Where is it?", bad, "Never reached."]
    with pytest.raises(error) as caught:
        Pipeline().analyze_many(items)
    message = str(caught.value)
    assert message.startswith("item 2: ")
    assert detail in message


def test_pipeline_analyze_rejects_bad_input():
    with pytest.raises(InputTypeError):
        Pipeline().analyze(None)
    with pytest.raises(InputValueError):
        Pipeline().analyze("Hi", role="bot")
