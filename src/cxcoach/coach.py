"""The coach: reviews of one reply, reports on whole conversations, and insights over many.

`review` answers "how good is this reply, and how do I make it better?": a 0..100 score from a
documented rubric (`Rubric`, ``data/coach.toml``, which a team can replace with its own file), the LDAL
stages the reply covers, and tips with stable codes, each pointing at a span with a concrete fix.
Tips adapt to the customer: a calm customer with a simple question gets no "acknowledge their
feelings" tip; an abusive one gets ``set_limits``; a process-only reply to an outcome question always
gets ``outcome_first``.

`review_conversation` runs the analyzers over every turn (the previous customer turn is the context
of each agent turn) and reports how the customer's sentiment moved, the techniques used, process
answers to outcome questions, promises made and whether they were kept, and the three most useful
tips. `summarize` aggregates many reports, grouped by any metadata key.

Examples:
    >>> import cxcoach
    >>> review = cxcoach.review(customer="When will my refund arrive? This is ridiculous!!",
    ...                         reply="Your request has been passed to the refunds team for review.")
    >>> [tip.code for tip in review.tips]
    ['outcome_first', 'acknowledge_feeling', 'confirm_next_step']
    >>> review.score < 50
    True
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from typing import Any, Optional, Union

from pydantic import Field, ValidationError, model_validator

from .errors import InputTypeError, InputValueError, MissingDependencyError, type_name
from .models import (
    TECHNIQUES,
    Conversation,
    ConversationReport,
    Finding,
    Message,
    MessageAnalysis,
    Review,
    StageCoverage,
    Tip,
    _trusted,
)
from .phrases import PhraseMatcher
from .pipeline import Pipeline
from .resources import PathLike, _Data, load_data
from .text import ROLES, Doc, check_text

__all__ = [
    "Coach",
    "GroupSummary",
    "Rubric",
    "Summary",
    "TipText",
    "load_rubric",
    "review",
    "review_conversation",
    "summarize",
]

# LDAL stages (PLAYBOOK section 2) and the techniques that show each.
_LISTEN = frozenset({"open_question", "confirmation", "mirroring"})
_DIFFUSE = frozenset({"validation", "labeling", "auditing", "apology", "selective_agreement", "setting_limits"})
_ACT = frozenset({"expectation_timeline", "alternative", "assurance"})
_LEAVE = frozenset({"follow_up", "gratitude", "feedback_request"})
_ACKNOWLEDGE = frozenset({"validation", "labeling", "apology", "auditing"})
_NEXT_STEP = frozenset({"follow_up", "expectation_timeline", "assurance"})
# A customer this upset (sentiment intensity 0..3) should hear their feeling acknowledged.
_UPSET_INTENSITY = 2
# The problems a reply can have, tip codes in order of importance; each maps to the finding label that
# shows it, if any.
_TIP_ORDER = (
    "set_limits", "outcome_first", "avoid_blame", "avoid_dismissive", "sincere_apology", "acknowledge_feeling",
    "offer_alternative", "confirm_next_step",
)
_TIP_LABELS = {
    "outcome_first": "outcome_first_violation", "avoid_blame": "blaming", "avoid_dismissive": "dismissive",
    "sincere_apology": "non_apology",
}
_CONVERSATION_TIPS = 3
# A closing's sentence this short may be a sign-off ("Thanks, Amir"), so its point is in an earlier one.
_SIGN_OFF_WORDS = 3
# Findings in an agent turn that make a bare "Fine." after it curt.
_WRONG_ANSWER = frozenset({"dismissive", "blaming", "non_apology", "outcome_first_violation"})
# Sentence evidence that shows feeling in itself: sarcasm, "!" or "??", "why is it...?" (and a negative emoji).
_FEELING_RULES = frozenset({"sarcasm", "punctuation", "complaint_question"})
# Customer cues that show displeasure in themselves (urgency states a need; repeat contact may be a plain
# mention of an earlier report, so its telling forms, "third time", are in the rubric's `feelings`). Abuse
# and threats do whatever the words around them score; a request for a manager only beside a complaint.
_HOSTILE_CUES = frozenset({"abuse", "threat"})
# Words that, just before a word of delight, take it back ("not excited", "never happy").
_NEGATORS = frozenset({
    "not", "never", "no", "isn't", "wasn't", "aren't", "weren't", "don't", "didn't", "hardly", "won't", "wouldn't",
    "can't", "couldn't",
})
# A negator this many words before a word of delight negates it ("I won't pretend I'm thrilled").
_NEGATION_REACH = 3
# A doubled or exclaimed question mark: "when is it coming back??", "When is someone actually coming?!"
_LOUD_QUESTION = re.compile(r"\?[?!]|!\?")

TurnsInput = Union[Conversation, Iterable[Union[Message, Mapping[str, Any]]]]


class TipText(_Data):
    """What a tip says: a one-line message and a concrete suggestion."""

    message: str
    suggestion: str


class Rubric(_Data):
    """How a reply is scored and what each tip says (``data/coach.toml``).

    ``score = base + weight of each technique used (once) - penalty of each problem``, kept within
    0..100. Load a team's own file with `load_rubric`.

    Attributes:
        base: The score of a reply with no technique and no problem.
        outcome_answer: Points for answering an outcome question with an outcome (PLAYBOOK idea 4).
        weights: Points per technique label (negative for anti-patterns).
        penalties: Points taken off per tip code (a problem the reply has).
        tips: The message and suggestion of each tip code.
        kept: Phrases in a later turn that show a promise kept ("as promised").
        broken: Phrases in a later customer turn that show a promise broken ("you said you'd").
        refusals: Phrases that make a reply a "no" (for the ``offer_alternative`` tip).
        grudging: Phrases that make a customer's closing thanks grudging, so neutral ("thanks, I suppose").
        dismissals: Phrases that, as a clause of their own, make a closing that is not happy negative
            ("Whatever.", "Forget it.").
        exits: Phrases that make a closing negative as an announcement of leaving or of taking the matter
            elsewhere ("I'll be shopping around", "I'll be taking this up with our account manager").
        feelings: Words and phrases that show feeling in an opening ("worried", "ridiculous", "third
            time"): without one of them (or another sign, see `Coach`), a negative opening is a calm report.
        calm: Phrases that hold a phrase of ``feelings`` and yet show none: a customer asking what is
            happening ("any idea what's going on?") asks calmly.
        delights: Words and phrases of delight ("so excited", "loving", "big fan") that make an opening
            positive when it shows no displeasure, even beside a question or a small problem.
        mock_surprise: Words that, opening a happy closing after a brush-off, make its praise sarcastic ("wow").
        thanks: Words of thanks that make a closing the analyzer reads as neutral but leaning positive,
            with no grudging word, positive ("Thank you for keeping us informed; it made a stressful
            week much easier").
    """

    name: str = "custom"
    base: float = Field(default=60, ge=0, le=100)
    outcome_answer: float = Field(default=15, ge=0, le=100)
    weights: dict[str, float] = Field(default_factory=dict)
    penalties: dict[str, float] = Field(default_factory=dict)
    tips: dict[str, TipText] = Field(default_factory=dict)
    kept: tuple[str, ...] = ()
    broken: tuple[str, ...] = ()
    refusals: tuple[str, ...] = ()
    grudging: tuple[str, ...] = ()
    dismissals: tuple[str, ...] = ()
    exits: tuple[str, ...] = ()
    feelings: tuple[str, ...] = ()
    calm: tuple[str, ...] = ()
    delights: tuple[str, ...] = ()
    mock_surprise: tuple[str, ...] = ()
    thanks: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _known_names(self) -> Rubric:
        unknown = [label for label in self.weights if label not in TECHNIQUES]
        if unknown:
            raise ValueError(f"weights for unknown techniques {unknown}; use labels from {', '.join(TECHNIQUES)}")
        unknown = [code for code in (*self.penalties, *self.tips) if code not in _TIP_ORDER]
        if unknown:
            raise ValueError(f"unknown tip codes {unknown}; use one of {', '.join(_TIP_ORDER)}")
        missing = [code for code in _TIP_ORDER if code not in self.tips]
        if missing:
            raise ValueError(f"no message for tips {missing}: add a [tips.<code>] table for each")
        return self


def load_rubric(path: Optional[PathLike] = None) -> Rubric:
    """The built-in rubric, or a team's own TOML file of the same shape (see `Rubric`).

    Raises:
        ResourceError: The file is missing, not TOML, or does not match the schema.
    """
    return load_data(Rubric, "coach.toml", path)  # type: ignore[arg-type]


class Coach:
    """Reviews replies and conversations with one pipeline and one rubric.

    Args:
        pipeline: The analyzers (default: the built-in ones).
        rubric: The scoring rubric (default: ``data/coach.toml``).
    """

    def __init__(self, pipeline: Optional[Pipeline] = None, rubric: Optional[Rubric] = None) -> None:
        self.pipeline = pipeline or Pipeline()
        self.rubric = rubric or load_rubric()
        self._kept = PhraseMatcher(self.rubric.kept)
        self._broken = PhraseMatcher(self.rubric.broken)
        self._refusals = PhraseMatcher(self.rubric.refusals)
        self._grudging = PhraseMatcher(self.rubric.grudging)
        self._dismissals = PhraseMatcher(self.rubric.dismissals)
        self._exits = PhraseMatcher(self.rubric.exits)
        # calm phrases are matched with the feelings so that, starting earlier, they win over the feeling inside
        self._feelings = PhraseMatcher((*self.rubric.feelings, *self.rubric.calm))
        self._calm = frozenset(self.rubric.calm)
        self._delights = PhraseMatcher(self.rubric.delights)
        self._mock_surprise = PhraseMatcher(self.rubric.mock_surprise)
        self._thanks = PhraseMatcher(self.rubric.thanks)

    # -- one reply -----------------------------------------------------------------------------------

    def review(self, customer: str, reply: str) -> Review:
        """Score one reply to a customer message and say how to improve it.

        Raises:
            InputTypeError: ``customer`` or ``reply`` is not a string.
        """
        check_text(customer, "customer")
        check_text(reply, "reply")
        customer_doc = Doc(customer)
        asked = self.pipeline.analyze_doc(customer_doc)
        reply_doc = Doc(reply, role="agent", context=customer_doc)  # the analysed message, read once
        answered = self.pipeline.analyze_doc(reply_doc)
        score, points, tips = self._judge(asked, answered, reply_doc)
        return _trusted(
            Review, score=score, tips=tips, stages=_stages(answered), points=points, customer=asked, reply=answered
        )

    def _judge(
        self, asked: MessageAnalysis, answered: MessageAnalysis, reply: Doc
    ) -> tuple[int, tuple[tuple[str, float], ...], tuple[Tip, ...]]:
        """The score, how it was made, and the tips for one reply."""
        rubric = self.rubric
        used = answered.techniques or frozenset()
        problems = self._problems(asked, answered, reply, used)
        points: list[tuple[str, float]] = [("base", rubric.base)]
        if asked.question_type == "outcome_question" and answered.answer_style in ("outcome", "mixed"):
            points.append(("outcome answer to an outcome question", rubric.outcome_answer))
        points += [(f"technique: {label}", rubric.weights[label]) for label in TECHNIQUES
                   if label in used and rubric.weights.get(label)]
        points += [(f"problem: {code}", -rubric.penalties[code]) for code in problems if rubric.penalties.get(code)]
        score = int(round(min(100.0, max(0.0, sum(value for _, value in points)))))
        tips = tuple(self._tip(code, spans, answered, None) for code, spans in problems.items())
        return score, tuple(points), tips

    def _problems(
        self, asked: MessageAnalysis, answered: MessageAnalysis, reply: Doc, used: frozenset[str]
    ) -> dict[str, list[Finding]]:
        """Tip code → the findings that show the problem (empty when the problem is something missing)."""
        found: dict[str, list[Finding]] = {}
        by_label: dict[str, list[Finding]] = {}
        for finding in answered.findings:
            by_label.setdefault(finding.label, []).append(finding)
        cues = {finding.label for finding in asked.findings if finding.analyzer == "customer_cues"}
        sentiment = asked.sentiment
        upset = sentiment is not None and sentiment.label == "negative" and sentiment.intensity >= _UPSET_INTENSITY
        for code in _TIP_ORDER:
            label = _TIP_LABELS.get(code)
            if label is not None and label in by_label:
                found[code] = by_label[label]
            elif code == "set_limits" and cues & {"abuse", "threat"} and "setting_limits" not in used:
                found[code] = []
            elif code == "acknowledge_feeling" and upset and not used & _ACKNOWLEDGE:
                found[code] = []
            elif code == "offer_alternative" and "alternative" not in used and self._says_no(reply):
                found[code] = []
            elif code == "confirm_next_step" and upset and not used & _NEXT_STEP and not answered.commitments \
                    and answered.answer_style not in ("outcome", "mixed"):
                found[code] = []
        return found

    def _says_no(self, reply: Doc) -> bool:
        return any(self._refusals.find_in_words(*reply.sentence_words(sentence)) for sentence in reply.sentences)

    def _tip(self, code: str, findings: list[Finding], answered: MessageAnalysis, turn: Optional[int]) -> Tip:
        text = self.rubric.tips[code]
        if findings:
            first = findings[0]
            start, end, span = first.start, first.end, first.text
            suggestion = first.suggestion or text.suggestion
        else:  # something missing: the tip is about the whole reply
            start, end, span = 0, len(answered.text), answered.text
            suggestion = text.suggestion
        evidence = tuple(item for finding in findings for item in finding.evidence)
        return _trusted(
            Tip, code=code, message=text.message, start=start, end=end, text=span, suggestion=suggestion,
            evidence=evidence, turn=turn,
        )

    # -- a conversation -----------------------------------------------------------------------------

    def review_conversation(self, turns: TurnsInput) -> ConversationReport:
        """Analyse every turn and report how the conversation went.

        Args:
            turns: A `Conversation`, or `Message` objects or mappings with ``"role"`` and ``"text"``
                (and optionally ``"id"``, ``"timestamp"``, ``"metadata"``), in order.

        Raises:
            InputTypeError: ``turns`` is not a conversation or a list of turns, or a turn is not a mapping.
            InputValueError: A turn has an unknown role or no text (the message names the turn).
        """
        conversation = _conversation(turns)
        analyses: list[MessageAnalysis] = []
        docs: list[Doc] = []
        customer_turns: list[int] = []
        process_answers = 0
        tips: list[Tip] = []
        pending: list[Doc] = []  # customer turns since the last agent turn: together, the next context
        answered_since = True
        for index, message in enumerate(conversation.turns):
            if message.role == "customer":
                doc = Doc(message.text)
                docs.append(doc)
                analyses.append(self.pipeline.analyze_doc(doc))
                customer_turns.append(index)
                pending = [*pending, doc] if not answered_since else [doc]
                answered_since = False
                continue
            # one customer turn is reused as analysed; several in a row are read together
            context = pending[0] if len(pending) == 1 else "\n".join(d.text for d in pending) if pending else None
            doc = Doc(message.text, role="agent", context=context)
            analysis = self.pipeline.analyze_doc(doc)
            docs.append(doc)
            analyses.append(analysis)
            first_answer = not answered_since
            answered_since = True
            if first_answer and any(f.label == "outcome_first_violation" for f in analysis.findings):
                process_answers += 1
            if pending:
                # two or more customer turns in a row are read together, as the reply's context is
                asked = analyses[customer_turns[-1]] if len(pending) == 1 else self.pipeline.analyze_doc(doc.context_doc)
                problems = self._problems(asked, analysis, doc, analysis.techniques or frozenset())
                tips += (self._tip(code, spans, analysis, index) for code, spans in problems.items())
        customer = [analyses[i] for i in customer_turns]
        start = self._opening(customer[0], docs[customer_turns[0]]) if customer else None
        end = None
        if customer:
            closing = customer_turns[-1]
            end = self._closing(customer[-1], docs[closing], _answer_before(analyses, closing))
        agent = [a for a in analyses if a.role == "agent"]
        used = frozenset().union(*(a.techniques or frozenset() for a in agent))
        commitments = tuple(c for a in agent for c in a.commitments)
        return _trusted(
            ConversationReport,
            turns=tuple(analyses),
            customer_start_sentiment=start,
            customer_end_sentiment=end,
            de_escalated=start == "negative" and end in ("neutral", "positive"),
            sentiment_trajectory=tuple(a.sentiment.score if a.sentiment else 0.0 for a in customer),
            escalation_risk=tuple(a.escalation_risk or 0.0 for a in customer),
            techniques_used=used,
            process_answers_to_outcome_questions=process_answers,
            commitments=commitments,
            commitments_kept=self._kept_promises(analyses, docs),
            stages=_coverage(used, agent),
            tips=_top_tips(tips),
            id=conversation.id,
            metadata=dict(conversation.metadata),
        )

    def _opening(self, analysis: MessageAnalysis, doc: Doc) -> Optional[str]:
        """The customer's opening sentiment: negative with a sign of feeling, and only with one.

        The sentiment analyzer reads a report of something gone wrong ("my refund hasn't arrived", "I was
        charged twice", "the app shows an error") as a complaint, as a tweet at an airline usually is.
        Opening a conversation, the same report with no sign of feeling is how a calm customer asks for
        help (PLAYBOOK: hear the customer first), so it is neutral. The signs: emphasis ("!!", capitals,
        profanity), sarcasm, "!", a complaint question, an escalation cue, or a word or phrase of the
        rubric's `feelings` ("worried", "ridiculous", "third time", "still haven't", "was meant to"). One of
        those words also makes a turn the analyzer reads as neutral negative ("ive had enough of this"), and
        so does an abuse or threat cue ("you absolute clowns", "I'll go to the ombudsman") unless it reads
        positive.
        An opening with no such sign and a word of the rubric's `delights` ("so excited", "loving it") is
        positive, even when it also asks something or reports a small problem: the analyzer reads the
        question as a request and damps the praise beside it.
        """
        sentiment = analysis.sentiment
        if sentiment is None:
            return None
        label = sentiment.label
        if label != "positive" and any(
            f.analyzer == "customer_cues" and f.label in _HOSTILE_CUES for f in analysis.findings
        ):
            return "negative"
        if label == "positive" or sentiment.evidence:  # message-level evidence is emphasis
            return label
        if label == "negative" and (
            any(
                e.rule in _FEELING_RULES or (e.rule == "emoji" and e.weight < 0)
                for sentence in sentiment.sentences for e in sentence.evidence
            )
            or any(f.analyzer == "customer_cues" and f.label == "escalation_request" for f in analysis.findings)
        ):
            return "negative"
        words = [doc.sentence_words(sentence) for sentence in doc.sentences]
        if any(phrase not in self._calm for pair in words for phrase, _, _ in self._feelings.find_in_words(*pair)):
            return "negative"
        delights = [negated for pair in words for negated in self._delights_negated(*pair)]
        if any(delights):
            return "negative"  # displeasure said politely: "I won't pretend I'm thrilled"
        if not delights and _LOUD_QUESTION.search(doc.text):
            return "negative"  # "when is it coming back??" is impatient; "loving it 😍 any chance of a dock??" is not
        if any(e.rule == "sarcasm" for sentence in sentiment.sentences for e in sentence.evidence):
            return "neutral"
        return "positive" if delights else "neutral"

    def _delights_negated(self, positions: list[int], words: list[str]) -> list[bool]:
        """For each `delights` phrase in a sentence's words, whether a negator within `_NEGATION_REACH` words
        before it, with no punctuation between, negates it ("not excited", "won't pretend I'm thrilled")."""
        found = []
        for _, first, _ in self._delights.find_in_words(positions, words):
            at = bisect_left(positions, first)
            reach = range(at - 1, max(-1, at - 1 - _NEGATION_REACH), -1)
            # positions one apart: no punctuation between the words ("not sure, but so excited")
            near = [k for k in reach if positions[k] == first - (at - k)]
            found.append(any(words[k] in _NEGATORS for k in near))
        return found

    def _closing(self, analysis: MessageAnalysis, doc: Doc, answer: Optional[MessageAnalysis] = None) -> Optional[str]:
        """The customer's closing sentiment.

        A closing whose last sentence threatens, insults or announces an exit ("I'll be reporting this to
        the ombudsman.", "idiots.", "Close my account.") is negative, whatever praise comes before it
        ("Brilliant. Great service right up until it wasn't. I'm taking this to the ombudsman."); so is one
        that is not happy and threatens or insults anywhere, or brushes the conversation off ("Whatever.",
        "Right. Forget it."). Grudging thanks ("Fine. Thanks, I suppose.") are neutral. A one-word hedge
        counts only standing alone ("Fine." "Whatever, thanks." "..., but fine."), not in running text ("it
        works fine now"), and "we'll see you at four" is a farewell, not doubt. A closing that is that one
        word alone ("fine.") after an ``answer`` that brushed the customer off, blamed them or gave a process
        for an outcome is curt: negative; so is praise after such an answer that opens in mock surprise
        ("wow. so helpful."). After any other answer, a closing the analyzer reads as neutral but leaning
        positive, with thanks or a happy emoji and nothing grudging, is positive: the analyzer damps thanks
        beside a word of the trouble they end ("thank you so much, you've saved me a very stressful
        afternoon").
        """
        if analysis.sentiment is None:
            return None
        label = analysis.sentiment.label
        # the last sentence of three words or more: a sign-off ("Kind regards, Hannah") is not the point
        last = next((sentence.start for sentence in reversed(doc.sentences)
                     if len(doc.sentence_words(sentence)[1]) >= _SIGN_OFF_WORDS), 0)
        for finding in analysis.findings:
            if finding.analyzer == "customer_cues" and finding.label in ("threat", "escalation_request", "abuse") and (
                label != "positive" or finding.start >= last
            ):
                return "negative"
        if any(self._exits.find_in_words(*doc.sentence_words(sentence)) for sentence in doc.sentences):
            return "negative"  # "Right. I'll be shopping around, then. Thanks for your time.": thanks are manners here
        if answer is not None and _went_wrong(answer):
            if _one_word(doc) and self._stands_alone(doc, self._grudging):
                return "negative"  # "fine." after a brush-off is curt, not grudging
            if label == "positive" and self._opens_with(doc, self._mock_surprise):
                return "negative"  # "wow, so helpful" after a brush-off is sarcasm
        if label != "positive":
            if label == "neutral" and self._stands_alone(doc, self._dismissals):
                return "negative"
            settled = answer is None or not _went_wrong(answer)
            if label == "neutral" and analysis.sentiment.score > 0 and settled and self._thanked(analysis, doc):
                return "neutral" if self._stands_alone(doc, self._grudging) else "positive"
            return label
        return "neutral" if self._stands_alone(doc, self._grudging) else label

    def _thanked(self, analysis: MessageAnalysis, doc: Doc) -> bool:
        """Whether a customer turn thanks (a word of the rubric's `thanks`) or holds a happy emoji ("👍")."""
        sentences = analysis.sentiment.sentences if analysis.sentiment else ()
        if any(e.rule == "emoji" and e.weight > 0 for sentence in sentences for e in sentence.evidence):
            return True
        return any(self._thanks.find_in_words(*doc.sentence_words(sentence)) for sentence in doc.sentences)

    @staticmethod
    def _opens_with(doc: Doc, matcher: PhraseMatcher) -> bool:
        """Whether the turn's first words are a phrase of ``matcher`` (an @handle before them is skipped)."""
        if not doc.sentences:
            return False
        positions, words = doc.sentence_words(doc.sentences[0])
        return bool(positions) and any(first == positions[0] for _, first, _ in matcher.find_in_words(positions, words))

    @staticmethod
    def _stands_alone(doc: Doc, matcher: PhraseMatcher) -> bool:
        """Whether a phrase of ``matcher`` is in ``doc``; a one-word phrase only as a clause of its own."""
        for sentence in doc.sentences:
            tokens = doc.sentence_tokens(sentence)
            for phrase, first, last in matcher.find_in_words(*doc.sentence_words(sentence)):
                before = tokens[first - 1] if first > 0 else None
                after = tokens[last + 1] if last + 1 < len(tokens) else None
                # a clause of its own: after a sentence start, punctuation or a joining word, before punctuation
                opens = before is None or before.kind == "punct" or before.norm in ("but", "and", "so", "ok", "oh")
                if " " not in phrase and not (opens and (after is None or after.kind == "punct")):
                    continue
                if phrase.endswith(" see") and after is not None and after.norm == "you":
                    continue
                return True
        return False

    def _kept_promises(self, analyses: list[MessageAnalysis], docs: list[Doc]) -> Optional[bool]:
        """``False`` if a customer turn after the first promise shows one broken ("you said you'd call"),
        ``True`` if a later turn shows it kept ("as promised"), ``None`` when the conversation doesn't tell."""
        first = next((i for i, a in enumerate(analyses) if a.commitments), None)
        if first is None:
            return None
        kept = False
        for doc in docs[first + 1 :]:
            for sentence in doc.sentences:
                words = doc.sentence_words(sentence)
                if doc.role == "customer" and self._broken.find_in_words(*words):
                    return False
                kept = kept or bool(self._kept.find_in_words(*words))
        return True if kept else None


def _conversation(turns: TurnsInput) -> Conversation:
    """Validate the input as a `Conversation`, with errors that name the bad turn."""
    if isinstance(turns, Conversation):
        return turns
    if isinstance(turns, (str, bytes)) or not isinstance(turns, Iterable):
        raise InputTypeError(
            f"turns must be a Conversation or a list of {{'role', 'text'}} turns, got {type_name(turns)}"
        )
    messages = []
    for index, turn in enumerate(turns):
        if isinstance(turn, Message):
            messages.append(turn)
            continue
        if not isinstance(turn, Mapping):
            raise InputTypeError(f"turn {index}: each turn must be a mapping with 'role' and 'text', got {type_name(turn)}")
        if len(turn) == 2 and turn.get("role") in ROLES and type(turn.get("text")) is str:
            # the common plain {"role", "text"} turn: nothing to convert, so no validation pass to pay for
            messages.append(_trusted(Message, role=turn["role"], text=turn["text"], id=None, timestamp=None, metadata={}))
            continue
        try:
            messages.append(Message.model_validate(dict(turn)))
        except ValidationError as error:
            problem = error.errors()[0]
            where = ".".join(str(part) for part in problem["loc"]) or "turn"
            raise InputValueError(
                f"turn {index}: {where}: {problem['msg']} (a turn needs 'role': 'customer' or 'agent', and 'text')"
            ) from None
    return _trusted(Conversation, turns=tuple(messages), id=None, metadata={})


def _answer_before(analyses: list[MessageAnalysis], index: int) -> Optional[MessageAnalysis]:
    """The last agent turn before turn ``index``, if any."""
    return next((a for a in reversed(analyses[:index]) if a.role == "agent"), None)


def _one_word(doc: Doc) -> bool:
    """Whether the whole turn is one word ("fine.")."""
    return sum(len(doc.sentence_words(sentence)[1]) for sentence in doc.sentences) == 1


def _went_wrong(answer: MessageAnalysis) -> bool:
    """Whether an agent turn brushed the customer off, blamed them, deflected, or gave a process for an outcome."""
    return any(finding.label in _WRONG_ANSWER for finding in answer.findings)


def _stages(analysis: MessageAnalysis) -> StageCoverage:
    return _coverage(analysis.techniques or frozenset(), [analysis])


def _coverage(used: frozenset[str], agent: list[MessageAnalysis]) -> StageCoverage:
    acted = bool(used & _ACT) or any(a.answer_style in ("outcome", "mixed") for a in agent)
    return _trusted(
        StageCoverage, listen=bool(used & _LISTEN), diffuse=bool(used & _DIFFUSE), act=acted,
        leave_impression=bool(used & _LEAVE),
    )


def _top_tips(tips: list[Tip]) -> tuple[Tip, ...]:
    """The most useful tips: by importance, one per code, the earliest turn first."""
    ranked = sorted(tips, key=lambda tip: (_TIP_ORDER.index(tip.code), tip.turn or 0))
    chosen: list[Tip] = []
    for tip in ranked:
        if all(tip.code != other.code for other in chosen):
            chosen.append(tip)
        if len(chosen) == _CONVERSATION_TIPS:
            break
    return tuple(chosen)


# -- many conversations -----------------------------------------------------------------------------


class GroupSummary(_Data):
    """Aggregates over the conversations of one group (one agent, one team...).

    Attributes:
        group: The value of the metadata key grouped by (``"all"`` without grouping).
        conversations: How many conversations.
        negative_starts: How many started with a negative customer.
        de_escalation_rate: Of those, the share that ended neutral or positive (``None`` without any).
        outcome_first_violations: Process-only answers to outcome questions, in all.
        violation_rate: The share of conversations with at least one.
        technique_usage: Per technique, the share of conversations where the agent used it.
        technique_lift: Per technique, among negative starts, the de-escalation rate with it minus
            without it (``None`` when either side is empty): which habits go with calming customers down.
    """

    group: str
    conversations: int
    negative_starts: int
    de_escalation_rate: Optional[float]
    outcome_first_violations: int
    violation_rate: float
    technique_usage: dict[str, float]
    technique_lift: dict[str, Optional[float]]


class Summary(_Data):
    """`cxcoach.summarize` results: one `GroupSummary` per group, and the key grouped by."""

    by: Optional[str]
    groups: tuple[GroupSummary, ...]

    def to_dataframe(self) -> Any:
        """The groups as a pandas DataFrame, one row per group (needs pandas).

        Raises:
            MissingDependencyError: pandas is not installed.
        """
        try:
            import pandas as pd
        except ImportError:
            raise MissingDependencyError("to_dataframe needs pandas: pip install pandas") from None
        columns = [*GroupSummary.model_fields]
        if not self.groups:
            return pd.DataFrame(columns=columns).set_index("group")
        rows = []
        for group in self.groups:
            row: dict[str, Any] = group.model_dump(exclude={"technique_usage", "technique_lift"})
            row.update({f"uses_{label}": share for label, share in group.technique_usage.items()})
            row.update({f"lift_{label}": lift for label, lift in group.technique_lift.items()})
            rows.append(row)
        return pd.DataFrame(rows).set_index("group")


def summarize(reports: Iterable[ConversationReport], by: Optional[str] = None) -> Summary:
    """Aggregate conversation reports: technique usage, outcome-first violations, de-escalation.

    Args:
        reports: Reports from `review_conversation`.
        by: A metadata key to group by (``"agent"``, ``"team"``, ``"channel"``); reports without it go
            to the group ``"(none)"``. ``None``: one group, ``"all"``.

    Raises:
        InputTypeError: ``reports`` is not iterable, an item is not a `ConversationReport`, or ``by``
            is not a string.
    """
    if by is not None and not isinstance(by, str):
        raise InputTypeError(f"by must be a metadata key (str) or None, got {type_name(by)}")
    if isinstance(reports, (str, bytes)) or not isinstance(reports, Iterable):
        raise InputTypeError(f"reports must be an iterable of ConversationReports, got {type_name(reports)}")
    groups: dict[str, list[ConversationReport]] = {}
    for index, report in enumerate(reports):
        if not isinstance(report, ConversationReport):
            raise InputTypeError(f"item {index}: summarize takes ConversationReports, got {type_name(report)}")
        key = "all" if by is None else report.metadata.get(by, "(none)")
        groups.setdefault(key, []).append(report)
    return Summary(by=by, groups=tuple(_group(key, items) for key, items in sorted(groups.items())))


def _group(key: str, reports: list[ConversationReport]) -> GroupSummary:
    negative = [r for r in reports if r.customer_start_sentiment == "negative"]
    usage = {label: sum(label in r.techniques_used for r in reports) / len(reports) for label in TECHNIQUES}
    lift: dict[str, Optional[float]] = {}
    for label in TECHNIQUES:
        with_it = [r.de_escalated for r in negative if label in r.techniques_used]
        without = [r.de_escalated for r in negative if label not in r.techniques_used]
        lift[label] = round(statistics.mean(with_it) - statistics.mean(without), 3) if with_it and without else None
    violations = sum(r.process_answers_to_outcome_questions for r in reports)
    return GroupSummary(
        group=key,
        conversations=len(reports),
        negative_starts=len(negative),
        de_escalation_rate=(sum(r.de_escalated for r in negative) / len(negative)) if negative else None,
        outcome_first_violations=violations,
        violation_rate=sum(r.process_answers_to_outcome_questions > 0 for r in reports) / len(reports),
        technique_usage=usage,
        technique_lift=lift,
    )


# -- conveniences ------------------------------------------------------------------------------------

_default: Optional[Coach] = None


def _coach() -> Coach:
    global _default
    if _default is None:
        from ._api import default_pipeline

        _default = Coach(default_pipeline())
    return _default


def review(customer: str, reply: str) -> Review:
    """Review one reply to a customer message with the default pipeline and rubric (see `Coach.review`)."""
    return _coach().review(customer, reply)


def review_conversation(turns: TurnsInput) -> ConversationReport:
    """Report on a whole conversation with the default pipeline and rubric (see `Coach.review_conversation`)."""
    return _coach().review_conversation(turns)

