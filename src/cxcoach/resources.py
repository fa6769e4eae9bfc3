"""Data files shipped inside the package: loaded with `importlib.resources`, validated, cached.

Word lists, phrases and lexicon adjustments are data (TOML files under ``cxcoach/data``); the rules that
use them are code. Each file has a pydantic model, so a typo in a user's own file fails at load time
with a message naming the file and the field, not later as a wrong answer.

Examples:
    >>> from cxcoach.resources import load_lexicon
    >>> lexicon = load_lexicon()          # the built-in support adjustments
    >>> lexicon.words["delayed"] < 0
    True
"""

from __future__ import annotations

import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, FiniteFloat, ValidationError, field_validator, model_validator

from .errors import ResourceError
from .models import QUESTION_TYPES, TECHNIQUES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = [
    "CUE_LABELS",
    "AnswerCues",
    "CommitmentCues",
    "CuePair",
    "CueRule",
    "CueWeights",
    "CustomerCuePack",
    "EstimateWords",
    "QuestionCues",
    "QuestionWeights",
    "SentimentLexicon",
    "TechniquePack",
    "TechniqueRule",
    "TextRules",
    "WordWeights",
    "load_answer_cues",
    "load_commitment_cues",
    "load_cue_weights",
    "load_customer_cues",
    "load_data",
    "load_estimate_words",
    "load_lexicon",
    "load_question_cues",
    "load_question_weights",
    "load_technique_pack",
    "load_text_rules",
    "load_word_weights",
    "read_toml",
]

PathLike = Union[str, Path]

# VADER's valence scale is -4..+4 (Hutto & Gilbert 2014); support adjustments use the same scale.
_VALENCE_LIMIT = 4.0


class _Data(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TextRules(_Data):
    """Sentence-boundary data for the text layer (``data/text.toml``)."""

    titles: frozenset[str]
    abbreviations: frozenset[str]
    introducers: frozenset[str]
    sentence_starters: frozenset[str] = frozenset()


class EstimateWords(_Data):
    """Number words, units, currencies and deadline days for the estimate parser (``data/estimates.toml``)."""

    numbers: dict[str, float]
    units: dict[str, list[str]]
    currencies: dict[str, list[str]]
    deadlines: dict[str, list[str]]


class QuestionCues(_Data):
    """Cue phrases for the question-type analyzer (``data/question_cues.toml``), lower-case."""

    openers: frozenset[str]
    indirect: tuple[str, ...]
    process: tuple[str, ...]
    outcome: tuple[str, ...]
    rhetorical: tuple[str, ...]
    intensifiers: tuple[str, ...] = ()
    doubt: tuple[str, ...] = ()
    courtesy: tuple[str, ...] = ()
    neglect: tuple[str, ...] = ()
    judging: tuple[str, ...] = ()
    means: tuple[str, ...] = ()
    announcing: tuple[str, ...] = ()
    weighed: tuple[str, ...] = ()
    in_transit: frozenset[str] = frozenset()


class AnswerCues(_Data):
    """Cue phrases for the answer-style analyzer (``data/answer_cues.toml``), lower-case."""

    outcome: tuple[str, ...]
    process: tuple[str, ...]
    step_verbs: tuple[str, ...]
    neutral: tuple[str, ...]
    instruction_verbs: frozenset[str]
    deferral: tuple[str, ...]
    deferred_telling: tuple[str, ...]
    openings: dict[str, str]
    short_answer_subjects: frozenset[str] = frozenset()
    short_answer_verbs: frozenset[str] = frozenset()
    short_answer_leaders: frozenset[str] = frozenset()
    courtesy: frozenset[str] = frozenset()
    notices: tuple[str, ...] = ()
    result_actions: tuple[str, ...] = ()
    walkthrough: tuple[str, ...] = ()


def _lower_keys(value: dict[str, float]) -> dict[str, float]:
    return {" ".join(key.lower().split()): weight for key, weight in value.items()}


class SentimentLexicon(_Data):
    """Lexicon adjustments for the support sentiment backend (``data/support_lexicon.toml``).

    Attributes:
        words: Single words and their valence (-4..4); replaces VADER's value, 0 removes the word.
        phrases: Multi-word expressions and their valence; they win over the words inside them.
        irony_phrases: Phrases that say the praise of their message is meant the other way ("love that
            for me", "living the dream"), with their own (negative) valence.
        profanity: Words that raise intensity (and carry their own valence in ``words`` if any).
        sarcasm_openers: Positive words that flip to negative when the same sentence complains.
        courtesy: Words of thanks and courtesy, which weigh less in a message that complains.
        failure_verbs: Verbs that report a failure when negated ("can't check in", "didn't arrive").
        wait_units: Time units that, with a quantity, report a wait in a customer's message.
        quantity_words: Words that count like numbers before a unit ("two hours", "an hour").
        complaint_question_openers: Question openers that make a question a complaint ("why").
        irrealis: Words after which praise is wished for, not given ("would be nice if").
        usage_words: After a duration and "of", a time of use, not a wait ("ten minutes of play").
        irony_marks: Emoji that make the praise of their sentence sarcastic ("Brilliant 👎").
    """

    name: str = "custom"
    words: dict[str, float] = Field(default_factory=dict)
    phrases: dict[str, float] = Field(default_factory=dict)
    irony_phrases: dict[str, float] = Field(default_factory=dict)
    profanity: frozenset[str] = frozenset()
    sarcasm_openers: frozenset[str] = frozenset()
    courtesy: frozenset[str] = frozenset()
    failure_verbs: frozenset[str] = frozenset()
    wait_units: frozenset[str] = frozenset()
    quantity_words: frozenset[str] = frozenset()
    complaint_question_openers: frozenset[str] = frozenset()
    irrealis: frozenset[str] = frozenset()
    usage_words: frozenset[str] = frozenset()
    irony_marks: frozenset[str] = frozenset()

    @field_validator("words", "phrases", "irony_phrases")
    @classmethod
    def _valence_in_range(cls, value: dict[str, float]) -> dict[str, float]:
        for key, weight in value.items():
            if not -_VALENCE_LIMIT <= weight <= _VALENCE_LIMIT:
                raise ValueError(f"{key!r} has valence {weight}; use a value from -4 to 4")
        return _lower_keys(value)

    @field_validator(
        "profanity", "sarcasm_openers", "courtesy", "failure_verbs", "wait_units", "quantity_words",
        "complaint_question_openers", "irrealis", "usage_words", "irony_marks",
    )
    @classmethod
    def _lower_words(cls, value: frozenset[str]) -> frozenset[str]:
        return frozenset(word.lower() for word in value)

    def extend(self, other: SentimentLexicon) -> SentimentLexicon:
        """A new lexicon with ``other``'s entries added to (and overriding) this one's."""
        return SentimentLexicon(
            name=f"{self.name}+{other.name}",
            words={**self.words, **other.words},
            phrases={**self.phrases, **other.phrases},
            irony_phrases={**self.irony_phrases, **other.irony_phrases},
            profanity=self.profanity | other.profanity,
            sarcasm_openers=self.sarcasm_openers | other.sarcasm_openers,
            courtesy=self.courtesy | other.courtesy,
            failure_verbs=self.failure_verbs | other.failure_verbs,
            wait_units=self.wait_units | other.wait_units,
            quantity_words=self.quantity_words | other.quantity_words,
            complaint_question_openers=self.complaint_question_openers | other.complaint_question_openers,
            irrealis=self.irrealis | other.irrealis,
            usage_words=self.usage_words | other.usage_words,
            irony_marks=self.irony_marks | other.irony_marks,
        )


def read_toml(source: PathLike, *, package_file: bool = False) -> dict[str, Any]:
    """Read a TOML file from a path, or from ``cxcoach/data`` when ``package_file`` is true."""
    try:
        if package_file:
            raw = resources.files("cxcoach").joinpath("data").joinpath(str(source)).read_bytes()
        else:
            raw = Path(source).read_bytes()
        return tomllib.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise ResourceError(f"data file {source} not found: check the path") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ResourceError(f"data file {source} is not valid UTF-8 TOML: {error}") from None


def _validate(model: type[_Data], data: dict[str, Any], source: PathLike) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise ResourceError(f"data file {source} does not match the {model.__name__} schema:\n{error}") from None


@lru_cache(maxsize=None)
def load_text_rules() -> TextRules:
    """The built-in sentence-boundary rules (cached)."""
    return _validate(TextRules, read_toml("text.toml", package_file=True), "text.toml")


@lru_cache(maxsize=None)
def load_estimate_words() -> EstimateWords:
    """The built-in words of the estimate parser (cached)."""
    return _validate(EstimateWords, read_toml("estimates.toml", package_file=True), "estimates.toml")


@lru_cache(maxsize=None)
def load_question_cues() -> QuestionCues:
    """The built-in cues of the question-type analyzer (cached)."""
    return _validate(QuestionCues, read_toml("question_cues.toml", package_file=True), "question_cues.toml")


@lru_cache(maxsize=None)
def load_answer_cues() -> AnswerCues:
    """The built-in cues of the answer-style analyzer (cached)."""
    return _validate(AnswerCues, read_toml("answer_cues.toml", package_file=True), "answer_cues.toml")


@lru_cache(maxsize=None)
def _builtin(model: type[_Data], name: str) -> Any:
    """A data file shipped in ``cxcoach/data``, validated once and cached."""
    return _validate(model, read_toml(name, package_file=True), name)


def load_data(model: type[_Data], builtin: str, path: PathLike | None = None) -> Any:
    """A data file validated by ``model``: the built-in file ``builtin``, or the user's file at ``path``.

    Raises:
        ResourceError: The file is missing, not TOML, or does not match the schema.
    """
    if path is None:
        return _builtin(model, builtin)
    return _validate(model, read_toml(path), path)


def load_lexicon(path: PathLike | None = None) -> SentimentLexicon:
    """Load sentiment lexicon adjustments: the built-in ones, or a user's TOML file.

    Args:
        path: A TOML file with the fields of `SentimentLexicon`; ``None`` for the built-in file.

    Raises:
        ResourceError: The file is missing, not TOML, or does not match the schema.
    """
    return load_data(SentimentLexicon, "support_lexicon.toml", path)


class TechniqueRule(_Data):
    """The cue phrases of one technique label (see ``data/techniques.toml`` for what each kind means)."""

    phrases: tuple[str, ...] = ()
    starts: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    frames: tuple[str, ...] = ()
    after_future: tuple[str, ...] = ()
    after_refusal: tuple[str, ...] = ()
    not_this: tuple[str, ...] = ()
    frame_words: tuple[str, ...] = ()
    owned: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    # frames need one of these linking words between the frame and its word, or ending the frame:
    # "your deposit *is* protected" (assurance), not "keep your PIN safe"
    frame_links: tuple[str, ...] = ()
    # second-person subjects that count when the customer's own past action and a fault follow:
    # "you" + "booked" + "the wrong date" (blaming); an action is a word ending in "ed" not in
    # ``not_acts`` ("you received the wrong invoice"), or one of ``acts`` ("gave", "put", "set")
    actors: tuple[str, ...] = ()
    acts: tuple[str, ...] = ()
    not_acts: tuple[str, ...] = ()
    faults: tuple[str, ...] = ()
    # harms that count only when ruled out for the customer: "you won't lose", "nothing is lost" (assurance)
    spared: tuple[str, ...] = ()
    # faults that count when said, in the past tense, of something the customer supplied and owns:
    # "your details were *wrong*", "the reference on your transfer was *missing*", "the form was filled
    # in *wrong*" (blaming); ``supplied`` are such things ("details", "form"), ``held_acts`` the customer's
    # own acts that may stand between the linking verb and the fault ("was *typed* in wrong")
    held: tuple[str, ...] = ()
    supplied: tuple[str, ...] = ()
    held_acts: tuple[str, ...] = ()
    # verdicts that count on a feeling named just before them: "your anger is *more than fair*", "you
    # sound crushed, *which is fair enough*" (validation)
    verdicts: tuple[str, ...] = ()
    # consequences that count after the customer's own doing, with no good news after them: "you used a
    # screenshot, *which is why* you were turned away" (blaming); not "you're on the annual plan, which is
    # why the extra month was free"
    consequences: tuple[str, ...] = ()
    relative: bool = False
    negated: Optional[str] = None

    @field_validator(
        "phrases", "starts", "questions", "frames", "after_future", "after_refusal", "not_this", "frame_words",
        "owned", "not_after", "frame_links", "actors", "acts", "not_acts", "faults", "spared", "held",
        "supplied", "held_acts", "verdicts", "consequences",
    )
    @classmethod
    def _lower_phrases(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(" ".join(phrase.lower().split()) for phrase in value)


class TechniquePack(_Data):
    """Cue phrases for the technique analyzer (``data/techniques.toml``): one `TechniqueRule` per label.

    Labels must come from `cxcoach.models.TECHNIQUES`; a pack may cover only some of them. Use
    `extend` to add a team's own phrases to the built-in pack.
    """

    name: str = "custom"
    labels: dict[str, TechniqueRule]
    negators: frozenset[str] = frozenset()
    leaders: frozenset[str] = frozenset()
    future: tuple[str, ...] = ()
    emotions: tuple[str, ...] = ()
    question_tags: frozenset[str] = frozenset()
    # tags that tell rather than check: "I've refunded the £40 to your card, okay?" (no confirmation)
    telling_tags: frozenset[str] = frozenset()
    stopwords: frozenset[str] = frozenset()
    mirror_words_with_cue: int = Field(default=2, ge=1)
    mirror_words_alone: int = Field(default=4, ge=1)
    mirror_share_alone: float = Field(default=0.75, ge=0.0, le=1.0)
    mirror_words_part: int = Field(default=3, ge=1)
    mirror_share_part: float = Field(default=0.6, ge=0.0, le=1.0)
    deflections: tuple[str, ...] = ()
    deflecting_buts: frozenset[str] = frozenset()
    forecast: tuple[str, ...] = ()
    not_forecast: tuple[str, ...] = ()
    arranged: tuple[str, ...] = ()
    refusals: tuple[str, ...] = ()
    # a difficulty or preference in an "if" clause: an offer after it is an alternative ("If that's awkward,
    # you can switch to self-reads")
    hardships: frozenset[str] = frozenset()
    owners: tuple[str, ...] = ()
    # words that address the customer: the learned weights add blaming only to a sentence holding one
    addressed: frozenset[str] = frozenset()

    @field_validator("labels")
    @classmethod
    def _known_labels(cls, value: dict[str, TechniqueRule]) -> dict[str, TechniqueRule]:
        from .models import TECHNIQUES

        for label, rule in value.items():
            for name in (label, rule.negated):
                if name is not None and name not in TECHNIQUES:
                    raise ValueError(f"{name!r} is not a technique label; use one of {', '.join(TECHNIQUES)}")
        return value

    @field_validator("future", "emotions", "deflections", "forecast", "not_forecast", "arranged", "refusals", "owners")
    @classmethod
    def _lower_tuple(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(" ".join(phrase.lower().split()) for phrase in value)

    def extend(self, other: TechniquePack) -> TechniquePack:
        """A new pack with ``other``'s phrases added to this one's (its ``negated`` and numbers win)."""
        labels = dict(self.labels)
        for label, rule in other.labels.items():
            mine = labels.get(label)
            if mine is None:
                labels[label] = rule
                continue
            merged = {kind: getattr(mine, kind) + getattr(rule, kind) for kind in (
                *_RULE_KINDS, "frame_words", "not_after", "frame_links", "actors", "acts", "not_acts", "faults", "spared",
                "held", "supplied", "held_acts", "verdicts", "consequences",
            )}
            labels[label] = TechniqueRule(
                **merged, relative=rule.relative or mine.relative, negated=rule.negated or mine.negated
            )
        return TechniquePack(
            name=f"{self.name}+{other.name}",
            labels=labels,
            negators=self.negators | other.negators,
            leaders=self.leaders | other.leaders,
            future=self.future + other.future,
            emotions=self.emotions + other.emotions,
            question_tags=self.question_tags | other.question_tags,
            telling_tags=self.telling_tags | other.telling_tags,
            addressed=self.addressed | other.addressed,
            stopwords=self.stopwords | other.stopwords,
            mirror_words_with_cue=other.mirror_words_with_cue,
            mirror_words_alone=other.mirror_words_alone,
            mirror_share_alone=other.mirror_share_alone,
            mirror_words_part=other.mirror_words_part,
            mirror_share_part=other.mirror_share_part,
            deflections=self.deflections + other.deflections,
            deflecting_buts=self.deflecting_buts | other.deflecting_buts,
            forecast=self.forecast + other.forecast,
            not_forecast=self.not_forecast + other.not_forecast,
            arranged=self.arranged + other.arranged,
            refusals=self.refusals + other.refusals,
            hardships=self.hardships | other.hardships,
            owners=self.owners + other.owners,
        )


_RULE_KINDS = ("phrases", "starts", "questions", "frames", "after_future", "after_refusal", "owned", "not_this")


def load_technique_pack(path: PathLike | None = None) -> TechniquePack:
    """Load a technique pack: the built-in one, or a user's TOML file of the same shape.

    Args:
        path: A TOML file with the fields of `TechniquePack`; ``None`` for the built-in pack.

    Raises:
        ResourceError: The file is missing, not TOML, or does not match the schema.
    """
    return load_data(TechniquePack, "techniques.toml", path)


class CueRule(_Data):
    """The phrases of one customer-cue label (see ``data/customer_cues.toml`` for what each kind means)."""

    phrases: tuple[str, ...] = ()
    targeted: tuple[str, ...] = ()
    before_contact: tuple[str, ...] = ()
    after_contact: tuple[str, ...] = ()
    not_this: tuple[str, ...] = ()

    @field_validator("phrases", "targeted", "before_contact", "after_contact", "not_this")
    @classmethod
    def _lower_phrases(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(" ".join(phrase.lower().split()) for phrase in value)


class CuePair(_Data):
    """A cue word that counts only with a partner word near it, in either order (``[[pairs]]`` in
    ``data/customer_cues.toml``): "three" with "emails", "cancel" with "contract", "regret" with "you'll"."""

    label: str
    words: tuple[str, ...]
    near: tuple[str, ...]
    before: int = Field(default=3, ge=0)  # how many words before the cue word a partner may stand
    after: int = Field(default=3, ge=0)  # ... and after it
    why: str = "a partner word nearby"  # for the finding's evidence: "'cancel' with a service to end"
    # when given, the partner counts only just after one of these words, at most one word between them:
    # "never order ... again", "won't be using ... again" (not "I'll be ordering again")
    negated: tuple[str, ...] = ()

    @field_validator("words", "near", "negated")
    @classmethod
    def _lower_phrases(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(" ".join(phrase.lower().split()) for phrase in value)

    @field_validator("negated")
    @classmethod
    def _single_words(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        phrases = [word for word in value if " " in word]
        if phrases:
            raise ValueError(f"negated holds single words (the word just before the partner), not {phrases}")
        return value


CUE_LABELS: tuple[str, ...] = ("abuse", "threat", "escalation_request", "repeat_contact", "urgency")
"""The labels of the customer-cue analyzer."""


class CustomerCuePack(_Data):
    """Customer-side cue phrases (``data/customer_cues.toml``): abuse, threats, escalation, repeat contact, urgency."""

    name: str = "custom"
    labels: dict[str, CueRule]
    targets: tuple[str, ...] = ()
    contact_verbs: tuple[str, ...] = ()
    weights: dict[str, float] = Field(default_factory=dict)
    # Per label: words one of which must be in the same sentence for a `targeted` phrase of that label
    # (instead of a person in `targets` nearby), e.g. a need for a time word to be urgency.
    aims: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    # Counts above one ("three", "several"; small numbers are matched as "<n>") and the contact nouns they
    # make repeat contact with ("three chats", "every call").
    counts: tuple[str, ...] = ()
    contact_nouns: tuple[str, ...] = ()
    # Words right before a contact verb that make it a plan, not a past contact ("I'll email again").
    future_markers: tuple[str, ...] = ()
    # Verbs that report an insult rather than make one ("called the driver an idiot").
    naming_verbs: tuple[str, ...] = ()
    # Words just before an insult that aim it at the customer or a stranger ("I'm such an idiot", "some idiot").
    not_aimed: tuple[str, ...] = ()
    # Insult nouns that address the reader when set off as a whole sentence or by a comma at either end
    # ("Idiots.", "Thanks for nothing, muppet.").
    vocatives: tuple[str, ...] = ()
    # Words that only strengthen a vocative ("Absolute clowns.").
    intensifiers: tuple[str, ...] = ()
    # Cue words that count only with a partner word nearby: see `CuePair`.
    pairs: tuple[CuePair, ...] = ()

    @field_validator("pairs")
    @classmethod
    def _pair_labels(cls, value: tuple[CuePair, ...]) -> tuple[CuePair, ...]:
        for pair in value:
            if pair.label not in CUE_LABELS:
                raise ValueError(f"{pair.label!r} is not a customer-cue label; use one of {', '.join(CUE_LABELS)}")
        return value

    @field_validator("labels", "weights", "aims")
    @classmethod
    def _known_labels(cls, value: dict[str, Any]) -> dict[str, Any]:
        for label in value:
            if label not in CUE_LABELS:
                raise ValueError(f"{label!r} is not a customer-cue label; use one of {', '.join(CUE_LABELS)}")
        return value

    @field_validator("weights")
    @classmethod
    def _weights_in_range(cls, value: dict[str, float]) -> dict[str, float]:
        for label, weight in value.items():
            if not 0.0 <= weight <= 1.0:
                raise ValueError(f"weight of {label!r} is {weight}; use a value from 0 to 1")
        return value


def load_customer_cues(path: PathLike | None = None) -> CustomerCuePack:
    """Load customer-cue phrases: the built-in pack, or a user's TOML file of the same shape.

    Raises:
        ResourceError: The file is missing, not TOML, or does not match the schema.
    """
    return load_data(CustomerCuePack, "customer_cues.toml", path)


class CommitmentCues(_Data):
    """Cues for the commitment extractor (``data/commitments.toml``), lower-case."""

    name: str = "custom"
    agent: tuple[str, ...]
    company: tuple[str, ...]
    not_promises: tuple[str, ...]
    hedges: tuple[str, ...]
    conditions: tuple[str, ...]
    # verbs that start a promise of their own after "and", sharing the first one's subject ("I'll email
    # the label today and call you on Friday")
    shared_verbs: tuple[str, ...] = ()


@lru_cache(maxsize=None)
def load_commitment_cues() -> CommitmentCues:
    """The built-in cues of the commitment extractor (cached)."""
    return _validate(CommitmentCues, read_toml("commitments.toml", package_file=True), "commitments.toml")


class _LearnedWeights(_Data):
    """One logistic model per label over a sentence's features (see `cxcoach.learned.sentence_features`).

    A label's probability is the logistic of its ``bias`` plus the weights of the features present.
    """

    # the labels a file may name, and where a user finds them (set by each kind of weights)
    _labels: ClassVar[frozenset[str]] = frozenset()
    _labels_from: ClassVar[str] = ""

    name: str = "custom"
    trained_on: str = ""
    # a label is found where its probability reaches this
    threshold: float = Field(gt=0.0, lt=1.0)
    # finite: a NaN would make its label silently never found, an infinity always
    bias: dict[str, FiniteFloat]
    # feature -> label -> weight; a label missing from a feature's table weighs 0 there
    weights: dict[str, dict[str, FiniteFloat]]

    @model_validator(mode="after")
    def _known_labels(self) -> _LearnedWeights:
        unknown = (set(self.bias) | {label for table in self.weights.values() for label in table}) - self._labels
        if unknown:
            raise ValueError(f"unknown labels {sorted(unknown)}: use {self._labels_from}")
        missing = {label for table in self.weights.values() for label in table} - set(self.bias)
        if missing:
            raise ValueError(f"labels {sorted(missing)} have weights but no bias")
        return self


class WordWeights(_LearnedWeights):
    """Learned word weights for techniques (``data/technique_weights.toml``): one logistic model per label.

    A sentence's features are its word stems, pairs of neighbouring stems, its first stem and two marks
    (see `cxcoach.learned.sentence_features`); a label's probability is the logistic of its ``bias`` plus
    the weights of the features present. The built-in file is written by ``benchmarks/train_techniques.py``
    from the tuned 70% of ``tests/data/techniques.jsonl``.
    """

    _labels = frozenset(TECHNIQUES)
    _labels_from = "the technique labels of cxcoach.TECHNIQUES"


class QuestionWeights(_LearnedWeights):
    """Learned word weights for question types (``data/question_weights.toml``): a second reading of questions.

    One logistic model for each of ``outcome_question``, ``process_question`` and ``not_a_question``, over
    the same features as `WordWeights`. `cxcoach.question_type.QuestionTypeAnalyzer` asks them about each
    sentence its rules read as a question. The built-in file is written by
    ``benchmarks/train_question_types.py`` from the tuned 70% of ``tests/data/question_types.jsonl``.
    """

    _labels = frozenset(QUESTION_TYPES)
    _labels_from = "the question types: " + ", ".join(QUESTION_TYPES)


class CueWeights(_LearnedWeights):
    """Learned word weights for customer cues (``data/cue_weights.toml``): one logistic model per cue label.

    Over the same features as `WordWeights`. `cxcoach.customer_cues.CustomerCueAnalyzer` asks them about
    each sentence of a customer message for the cues its phrases did not find. The built-in file is
    written by ``benchmarks/train_customer_cues.py`` from the tuned 70% of ``tests/data/customer_cues.jsonl``.
    """

    _labels = frozenset(CUE_LABELS)
    _labels_from = "the cue labels: " + ", ".join(CUE_LABELS)


def load_word_weights(path: PathLike | None = None) -> WordWeights:
    """Load learned technique weights: the built-in file, or a user's TOML file of the same shape.

    Raises:
        ResourceError: The file is missing, not TOML, or does not match the schema.
    """
    return load_data(WordWeights, "technique_weights.toml", path)


def load_question_weights(path: PathLike | None = None) -> QuestionWeights:
    """Load learned question-type weights: the built-in file, or a user's TOML file of the same shape.

    Raises:
        ResourceError: The file is missing, not TOML, or does not match the schema.
    """
    return load_data(QuestionWeights, "question_weights.toml", path)


def load_cue_weights(path: PathLike | None = None) -> CueWeights:
    """Load learned customer-cue weights: the built-in file, or a user's TOML file of the same shape.

    Raises:
        ResourceError: The file is missing, not TOML, or does not match the schema.
    """
    return load_data(CueWeights, "cue_weights.toml", path)
