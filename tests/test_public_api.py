"""The public API is exactly ``cxcoach.__all__``, every name in it works, and ``import cxcoach`` stays light."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

import pytest

import cxcoach

EXPECTED_ALL = [
    "Analyzer",
    "AnswerStyleAnalyzer",
    "Commitment",
    "CommitmentAnalyzer",
    "Conversation",
    "ConversationReport",
    "CustomerCueAnalyzer",
    "Doc",
    "Draft",
    "DraftCheck",
    "DraftPart",
    "Drafter",
    "Estimate",
    "Evidence",
    "Finding",
    "Message",
    "MessageAnalysis",
    "Pipeline",
    "QuestionTypeAnalyzer",
    "Registry",
    "Review",
    "SentenceSentiment",
    "SentimentAnalyzer",
    "SentimentResult",
    "TechniqueAnalyzer",
    "Tip",
    "__version__",
    "analyze",
    "create_analyzer",
    "draft_reply",
    "errors",
    "lint",
    "register_analyzer",
    "review",
    "review_conversation",
    "rewrite",
    "summarize",
]


def test_all_is_exactly_the_documented_public_api():
    assert cxcoach.__all__ == EXPECTED_ALL
    assert cxcoach.__all__ == sorted(cxcoach.__all__)


@pytest.mark.parametrize("name", EXPECTED_ALL)
def test_every_public_name_resolves(name):
    assert getattr(cxcoach, name) is not None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("analyze", "cxcoach._api"),
        ("Pipeline", "cxcoach.pipeline"),
        ("SentimentAnalyzer", "cxcoach.sentiment.analyzer"),
        ("MessageAnalysis", "cxcoach.models"),
        ("Doc", "cxcoach.text"),
    ],
)
def test_lazy_names_are_the_real_objects(name, expected):
    assert getattr(cxcoach, name).__module__ == expected


def test_errors_is_the_errors_module():
    assert cxcoach.errors.CxcoachError.__module__ == "cxcoach.errors"


@pytest.mark.parametrize("name", ["nope", "Analyse", "analyse", "_HOMES_", "registry_"])
def test_unknown_attribute_raises_attribute_error(name):
    with pytest.raises(AttributeError, match=name):
        getattr(cxcoach, name)


def test_dir_lists_the_public_api():
    assert set(EXPECTED_ALL) <= set(dir(cxcoach))


def test_import_does_not_load_heavy_dependencies():
    code = (
        "import sys, cxcoach; "
        "print(sorted(m for m in ('pydantic', 'nltk', 'textblob') if m in sys.modules))"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "[]"


def test_version_matches_the_installed_distribution():
    assert cxcoach.__version__ == version("cxcoach")
