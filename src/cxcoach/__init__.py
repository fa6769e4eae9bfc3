"""cxcoach: customer-service know-how as software.

Reads support conversations and says, with evidence, what the customer feels and asks, and whether
the agent answered an outcome question with an outcome. Everything runs offline: ``pip install
cxcoach`` is the whole set-up.

Examples:
    >>> import cxcoach
    >>> analysis = cxcoach.analyze("Great, another two hours on hold.")
    >>> analysis.sentiment.label
    'negative'

The package imports in a few milliseconds: submodules (pydantic models, nltk, textblob) load on first
use of a name that needs them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from . import errors
    from ._api import analyze
    from .analyzer import Analyzer
    from .answer_style import AnswerStyleAnalyzer
    from .coach import review, review_conversation, summarize
    from .commitments import CommitmentAnalyzer
    from .customer_cues import CustomerCueAnalyzer
    from .drafting import Drafter, draft_reply, lint, rewrite
    from .models import (
        Commitment,
        Conversation,
        ConversationReport,
        Draft,
        DraftCheck,
        DraftPart,
        Estimate,
        Evidence,
        Finding,
        Message,
        MessageAnalysis,
        Review,
        SentenceSentiment,
        SentimentResult,
        Tip,
    )
    from .pipeline import Pipeline
    from .question_type import QuestionTypeAnalyzer
    from .registry import Registry, create_analyzer, register_analyzer
    from .sentiment import SentimentAnalyzer
    from .techniques import TechniqueAnalyzer
    from .text import Doc

__all__ = [
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

# Where each public name lives; loaded on first access (PEP 562) to keep `import cxcoach` fast.
_HOMES = {
    "Analyzer": "analyzer",
    "AnswerStyleAnalyzer": "answer_style",
    "Commitment": "models",
    "CommitmentAnalyzer": "commitments",
    "Conversation": "models",
    "ConversationReport": "models",
    "CustomerCueAnalyzer": "customer_cues",
    "Doc": "text",
    "Draft": "models",
    "DraftCheck": "models",
    "DraftPart": "models",
    "Drafter": "drafting",
    "Estimate": "models",
    "Evidence": "models",
    "Finding": "models",
    "Message": "models",
    "MessageAnalysis": "models",
    "Pipeline": "pipeline",
    "QuestionTypeAnalyzer": "question_type",
    "Registry": "registry",
    "Review": "models",
    "SentenceSentiment": "models",
    "SentimentAnalyzer": "sentiment",
    "SentimentResult": "models",
    "TechniqueAnalyzer": "techniques",
    "Tip": "models",
    "analyze": "_api",
    "create_analyzer": "registry",
    "draft_reply": "drafting",
    "lint": "drafting",
    "register_analyzer": "registry",
    "review": "coach",
    "review_conversation": "coach",
    "rewrite": "drafting",
    "summarize": "coach",
}


def __getattr__(name: str) -> Any:
    if name == "errors":
        return import_module(".errors", __name__)
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'cxcoach' has no attribute {name!r}")
    value = getattr(import_module(f".{home}", __name__), name)
    globals()[name] = value  # later look-ups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
