"""Shared fixtures: one pipeline per sentiment backend, built once per session (nltk and textblob are
slow to import), and helpers that check the offset contract every result promises."""

from __future__ import annotations

from typing import Iterator

import pytest

from cxcoach import MessageAnalysis, Pipeline, SentimentAnalyzer

BACKENDS = ("support", "vader", "textblob")


@pytest.fixture(scope="session")
def pipelines() -> dict[str, Pipeline]:
    """A pipeline with only the sentiment analyzer, for each built-in backend."""
    return {name: Pipeline([SentimentAnalyzer(name)]) for name in BACKENDS}


@pytest.fixture(scope="session", params=BACKENDS)
def backend_pipeline(request: pytest.FixtureRequest, pipelines: dict[str, Pipeline]) -> Pipeline:
    """Each built-in backend's pipeline in turn (tests using it run once per backend)."""
    return pipelines[request.param]


def spans(analysis: MessageAnalysis) -> Iterator[object]:
    """Every object in a result that carries ``start``/``end``/``text``: findings, sentences, evidence."""
    for finding in analysis.findings:
        yield finding
        yield from finding.evidence
    if analysis.sentiment is not None:
        yield from analysis.sentiment.evidence
        for sentence in analysis.sentiment.sentences:
            yield sentence
            yield from sentence.evidence


def _assert_offsets(analysis: MessageAnalysis) -> int:
    """Each span's text is exactly ``analysis.text[start:end]`` and lies inside the text; returns how many."""
    count = 0
    for span in spans(analysis):
        assert 0 <= span.start <= span.end <= len(analysis.text), span
        assert span.text == analysis.text[span.start : span.end], span
        count += 1
    return count


@pytest.fixture(scope="session")
def assert_offsets():
    """The offset contract of every result, as a callable check."""
    return _assert_offsets
