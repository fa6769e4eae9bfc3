"""Typed results and inputs: every model is a frozen pydantic v2 model with ``extra="forbid"``.

They serialise to JSON and back without loss (``model_dump_json`` / ``model_validate_json``) and export a
JSON Schema (``model_json_schema``), so results can be stored, sent to other services or validated there.

Examples:
    >>> import cxcoach
    >>> analysis = cxcoach.analyze("Still waiting for my refund!!")
    >>> analysis.sentiment.label
    'negative'
    >>> MessageAnalysis.model_validate_json(analysis.model_dump_json()) == analysis
    True
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_serializer, model_validator

__all__ = [
    "QUESTION_TYPES",
    "ROLES",
    "TECHNIQUES",
    "Commitment",
    "Conversation",
    "ConversationReport",
    "Draft",
    "DraftCheck",
    "DraftPart",
    "Estimate",
    "Evidence",
    "Finding",
    "Message",
    "MessageAnalysis",
    "Review",
    "Role",
    "SentenceSentiment",
    "SentimentLabel",
    "SentimentResult",
    "StageCoverage",
    "Tip",
]

Role = Literal["customer", "agent"]
"""Who wrote a message."""

ROLES: tuple[str, ...] = ("customer", "agent")
"""The roles cxcoach accepts, in the order error messages list them."""

SentimentLabel = Literal["negative", "neutral", "positive"]
"""A sentiment class."""

TECHNIQUES: tuple[str, ...] = (
    "validation", "labeling", "mirroring", "auditing", "apology", "non_apology", "assurance", "confirmation",
    "selective_agreement", "setting_limits", "open_question", "expectation_timeline", "alternative",
    "follow_up", "feedback_request", "gratitude", "dismissive", "blaming",
)
"""The technique taxonomy (PLAYBOOK section 3): the labels of the technique analyzer, a public API."""

QUESTION_TYPES: tuple[str, ...] = ("outcome_question", "process_question", "not_a_question")
"""The values of `MessageAnalysis.question_type` (PLAYBOOK section 3)."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


_M = TypeVar("_M", bound=BaseModel)
_set = object.__setattr__
_new = object.__new__
# One "fields set" per class, shared: the models are frozen, and model_copy copies it before updating.
_ALL_FIELDS: dict[type, set[str]] = {}


def _trusted(cls: type[_M], **values: Any) -> _M:
    """Build a model from values cxcoach computed itself, without validating them again.

    For the hot path only (an analysis builds dozens of evidence objects per message; ``model_construct``
    costs ten times more). Every field must be given. The test suite checks that the result equals
    the validated model.
    """
    instance = _new(cls)
    _set(instance, "__dict__", values)
    fields = _ALL_FIELDS.get(cls)
    if fields is None:
        fields = _ALL_FIELDS[cls] = set(cls.model_fields)
    _set(instance, "__pydantic_fields_set__", fields)
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance


class _Span(_Frozen):
    """A half-open range ``[start, end)`` of character offsets into the analysed text."""

    start: int = Field(ge=0, description="Offset of the first character.")
    end: int = Field(ge=0, description="Offset one past the last character.")
    text: str = Field(description="The characters of the span, ``original[start:end]``.")

    @model_validator(mode="after")
    def _end_after_start(self) -> _Span:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) must not be before start ({self.start})")
        return self


class Evidence(_Span):
    """One piece of evidence: a rule that fired on a stretch of text, and how much it moved the result.

    Attributes:
        rule: What fired, e.g. ``"lexicon"``, ``"support_phrase"``, ``"negation"``, ``"sarcasm"``.
        weight: Its contribution (for sentiment, valence points before normalisation).
        detail: A short human-readable explanation.
    """

    rule: str
    weight: float = 0.0
    detail: str = ""


class Finding(_Span):
    """Something an analyzer found, with character offsets and the evidence that produced it.

    Attributes:
        label: What was found, e.g. ``"negative_sentiment"``.
        score: Strength or confidence; its scale is the analyzer's (sentiment: -1..1).
        analyzer: The name of the analyzer that emitted it.
        evidence: The rules and words behind the finding.
        suggestion: For a problem, a concrete fix (a phrase or a rewrite); else ``None``.
    """

    label: str
    score: float
    analyzer: str
    evidence: tuple[Evidence, ...] = ()
    suggestion: Optional[str] = None


class Estimate(_Span):
    """A time or money expression normalised to numbers, so an app can show and track it.

    Attributes:
        kind: ``"duration"`` ("3 to 5 days"), ``"deadline"`` ("by Friday") or ``"money"`` ("$129").
        low: The lower bound (``None`` when open: "within 2 weeks").
        high: The upper bound (``None`` when open: "at least 3 days").
        unit: ``"minute"``, ``"hour"``, ``"day"``, ``"business_day"``, ``"week"``, ``"month"``,
            ``"year"`` for durations; an ISO currency code (``"USD"``) for money; ``None`` for deadlines.
        day: For deadlines, the day or time named ("friday", "tomorrow 18:00"); a span of times as
            ``HH:MM-HH:MM`` ("friday 09:00-11:00").
    """

    kind: Literal["duration", "deadline", "money"]
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    day: Optional[str] = None


class Commitment(_Span):
    """A promise an agent makes, as data an app can track (PLAYBOOK idea 8: keep every promise).

    ``start``/``end``/``text`` cover the clause with the promise.

    Attributes:
        who: ``"agent"`` ("I'll call you") or ``"company"`` ("we'll refund", "your card will arrive").
        action: What is promised, in the reply's words ("call you", "refund the fee").
        due: The time as written ("on Thursday", "in 3 to 5 days"), or ``None`` when none is stated.
        deadline: ``due`` normalised (see `Estimate`), when it could be.
        condition: The condition the promise depends on ("if it isn't there by Friday"), if any.
    """

    who: Literal["agent", "company"]
    action: str
    due: Optional[str] = None
    deadline: Optional[Estimate] = None
    condition: Optional[str] = None


class SentenceSentiment(_Span):
    """The sentiment of one sentence."""

    label: SentimentLabel
    score: float = Field(ge=-1.0, le=1.0)
    evidence: tuple[Evidence, ...] = ()


class SentimentResult(_Frozen):
    """The sentiment of a message.

    Attributes:
        label: ``"negative"``, ``"neutral"`` or ``"positive"``.
        score: Polarity in ``[-1, 1]``.
        intensity: 0 (calm or neutral) to 3 (furious or ecstatic).
        sentences: Per-sentence results, in text order.
        backend: The backend that produced it (``"support"``, ``"vader"``, ``"textblob"``).
        subjectivity: 0..1 where the backend measures it (TextBlob), else ``None``.
        evidence: Message-level evidence: intensity cues such as capitals, ``"!!!"``, emoji, profanity.
    """

    label: SentimentLabel
    score: float = Field(ge=-1.0, le=1.0)
    intensity: int = Field(ge=0, le=3)
    sentences: tuple[SentenceSentiment, ...] = ()
    backend: str
    subjectivity: Optional[float] = Field(default=None, ge=0.0, le=1.0)
    evidence: tuple[Evidence, ...] = ()


class Message(_Frozen):
    """One turn of a conversation.

    Attributes:
        role: ``"customer"`` or ``"agent"``.
        text: What was written or said.
        id: An optional identifier from the caller's system.
        timestamp: When it was sent, if known.
        metadata: Free-form string labels (channel, agent id, team).
    """

    role: Role
    text: str
    id: Optional[str] = None
    timestamp: Optional[datetime] = None
    metadata: dict[str, str] = Field(default_factory=dict)


class Conversation(_Frozen):
    """An ordered list of messages, with optional id and metadata (agent, team, channel...)."""

    turns: tuple[Message, ...]
    id: Optional[str] = None
    metadata: dict[str, str] = Field(default_factory=dict)


class MessageAnalysis(_Frozen):
    """Everything cxcoach found in one message (the public contract of `cxcoach.analyze`).

    Attributes:
        text: The analysed text (lone surrogates replaced by U+FFFD; offsets are unchanged).
        role: Who wrote it.
        sentiment: The message's sentiment.
        question_type: ``"outcome_question"``, ``"process_question"`` or ``"not_a_question"``;
            ``None`` while no question-type analyzer is in the pipeline.
        answer_style: For agent replies: ``"outcome"``, ``"process"``, ``"mixed"``, or ``None``
            (states neither a result nor a procedure, or no answer-style analyzer ran).
        techniques: Taxonomy labels found in an agent reply (see `TECHNIQUES`); ``None`` for customer
            messages, or while no technique analyzer ran.
        estimates: Time and money expressions in an agent reply, normalised (see `Estimate`).
        escalation_risk: For customer messages, 0..1: how likely the customer is to escalate or leave,
            from abuse, threats, escalation requests, repeat contact, urgency and anger; ``None`` for
            agent replies, or while no customer-cue analyzer ran.
        commitments: The promises an agent reply makes (see `Commitment`).
        findings: Everything found, with spans and evidence, sorted by position.
    """

    text: str
    role: Role
    sentiment: Optional[SentimentResult] = None
    question_type: Optional[Literal["outcome_question", "process_question", "not_a_question"]] = None
    answer_style: Optional[Literal["outcome", "process", "mixed"]] = None
    techniques: Optional[frozenset[str]] = None
    estimates: tuple[Estimate, ...] = ()
    escalation_risk: Optional[float] = Field(default=None, ge=0.0, le=1.0)
    commitments: tuple[Commitment, ...] = ()
    findings: tuple[Finding, ...] = ()

    @field_serializer("techniques", when_used="json")
    def _sorted_techniques(self, techniques: Optional[frozenset[str]]) -> Optional[list[str]]:
        # a set has no order of its own: sorted, the same message gives the same JSON in every process
        return None if techniques is None else sorted(techniques)


class Tip(_Frozen):
    """One piece of coaching for a reply: what to change, where, and how.

    Attributes:
        code: A stable identifier (``"outcome_first"``, ``"acknowledge_feeling"``, ``"avoid_blame"``,
            ``"avoid_dismissive"``, ``"sincere_apology"``, ``"set_limits"``, ``"offer_alternative"``,
            ``"confirm_next_step"``), for apps that count or translate tips.
        message: One line saying what is wrong.
        start: Offset into the reply of the span the tip is about.
        end: Offset one past its end.
        text: The span's text (the whole reply when the tip is about something missing).
        suggestion: A concrete phrase or rewrite.
        evidence: The findings behind the tip.
        turn: In a conversation report, the index of the agent turn the tip is about.
    """

    code: str
    message: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    suggestion: str
    evidence: tuple[Evidence, ...] = ()
    turn: Optional[int] = None


class StageCoverage(_Frozen):
    """Which LDAL stages (PLAYBOOK section 2) a reply or a conversation covers."""

    listen: bool = False
    diffuse: bool = False
    act: bool = False
    leave_impression: bool = False


class Review(_Frozen):
    """The review of one reply to a customer message (`cxcoach.review`).

    Attributes:
        score: 0..100 by the rubric (see `cxcoach.coach.Rubric`).
        tips: What to improve, most important first.
        stages: The LDAL stages the reply covers.
        points: How the score was made: (reason, points) pairs, in order.
        customer: The analysis of the customer's message.
        reply: The analysis of the reply (with the customer's message as context).
    """

    score: int = Field(ge=0, le=100)
    tips: tuple[Tip, ...] = ()
    stages: StageCoverage = StageCoverage()
    points: tuple[tuple[str, float], ...] = ()
    customer: MessageAnalysis
    reply: MessageAnalysis


class ConversationReport(_Frozen):
    """How a conversation went (`cxcoach.review_conversation`).

    Attributes:
        turns: One analysis per turn, in order; an agent turn is analysed with the previous customer
            turn as its context.
        customer_start_sentiment: The customer's sentiment in the opening customer turn (``None``
            when the customer never speaks).
        customer_end_sentiment: The same, for the closing customer turn.
        de_escalated: The customer started negative and ended neutral or positive.
        sentiment_trajectory: The customer's sentiment score, turn by turn.
        escalation_risk: The customer's escalation risk, turn by turn.
        techniques_used: Every technique label the agent used anywhere.
        process_answers_to_outcome_questions: Outcome questions answered with a process-only reply.
        commitments: Every promise the agent made, in order.
        commitments_kept: ``True`` when a later turn shows the promises kept, ``False`` when one shows a
            promise broken, ``None`` when the conversation does not tell.
        stages: The LDAL stages the agent covered.
        tips: The three most useful tips for the agent; each names its turn (`Tip.turn`).
        id: The conversation's id, if given.
        metadata: The conversation's metadata (agent, team, channel...), for `cxcoach.summarize`.
    """

    turns: tuple[MessageAnalysis, ...]
    customer_start_sentiment: Optional[SentimentLabel] = None
    customer_end_sentiment: Optional[SentimentLabel] = None
    de_escalated: bool = False
    sentiment_trajectory: tuple[float, ...] = ()
    escalation_risk: tuple[float, ...] = ()
    techniques_used: frozenset[str] = frozenset()
    process_answers_to_outcome_questions: int = 0
    commitments: tuple[Commitment, ...] = ()
    commitments_kept: Optional[bool] = None
    stages: StageCoverage = StageCoverage()
    tips: tuple[Tip, ...] = ()
    id: Optional[str] = None
    metadata: dict[str, str] = Field(default_factory=dict)

    @field_serializer("techniques_used", when_used="json")
    def _sorted_techniques(self, techniques: frozenset[str]) -> list[str]:
        return sorted(techniques)  # in the same order in every process, like `MessageAnalysis.techniques`


class DraftPart(_Span):
    """One sentence of a `Draft`: the template block that wrote it and why that block was chosen.

    Attributes:
        block: The block's name in the template pack (``"outcome"``, ``"label_feeling"``...), or
            ``"kept"`` for a sentence `cxcoach.rewrite` kept from the original reply.
        wording: The index of the wording used within the block (``-1`` for a kept sentence).
        reason: Why the block is in the draft, in words ("the customer asked an outcome question").
    """

    block: str
    wording: int
    reason: str


class DraftCheck(_Frozen):
    """The self-check of a draft: the analyzers run on it, and the playbook's guarantees tested.

    Attributes:
        passed: True when no problem was found.
        problems: One line per broken guarantee (empty when ``passed``).
        analysis: The draft's own analysis, as an agent reply to the customer's message.
    """

    passed: bool
    problems: tuple[str, ...] = ()
    analysis: MessageAnalysis


class Draft(_Frozen):
    """A reply drafted from a template pack (`cxcoach.draft_reply`) or rewritten (`cxcoach.rewrite`).

    Attributes:
        text: The reply.
        parts: Each sentence with its character offsets in ``text``, the block that wrote it and why.
        playbook: The playbook that ordered the blocks (``"rewrite"`` for `cxcoach.rewrite`).
        tone: The tone of the wordings (``"formal"`` or ``"friendly"``).
        check: The self-check: the draft's analysis and whether it keeps the playbook's guarantees.
        customer: The analysis of the customer's message the draft answers.
        notes: What else the engine did, in words (for a rewrite: the sentences it removed and why).
    """

    text: str
    parts: tuple[DraftPart, ...]
    playbook: str
    tone: str
    check: DraftCheck
    customer: MessageAnalysis
    notes: tuple[str, ...] = ()
