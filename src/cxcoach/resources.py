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
from typing import Any, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import ResourceError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = [
    "AnswerCues",
    "EstimateWords",
    "QuestionCues",
    "SentimentLexicon",
    "TextRules",
    "load_answer_cues",
    "load_estimate_words",
    "load_lexicon",
    "load_question_cues",
    "load_text_rules",
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


def _lower_keys(value: dict[str, float]) -> dict[str, float]:
    return {" ".join(key.lower().split()): weight for key, weight in value.items()}


class SentimentLexicon(_Data):
    """Lexicon adjustments for the support sentiment backend (``data/support_lexicon.toml``).

    Attributes:
        words: Single words and their valence (-4..4); replaces VADER's value, 0 removes the word.
        phrases: Multi-word expressions and their valence; they win over the words inside them.
        profanity: Words that raise intensity (and carry their own valence in ``words`` if any).
        sarcasm_openers: Positive words that flip to negative when the same sentence complains.
        courtesy: Words of thanks and courtesy, which weigh less in a message that complains.
        failure_verbs: Verbs that report a failure when negated ("can't check in", "didn't arrive").
        wait_units: Time units that, with a quantity, report a wait in a customer's message.
        quantity_words: Words that count like numbers before a unit ("two hours", "an hour").
        complaint_question_openers: Question openers that make a question a complaint ("why").
        irrealis: Words after which praise is wished for, not given ("would be nice if").
    """

    name: str = "custom"
    words: dict[str, float] = Field(default_factory=dict)
    phrases: dict[str, float] = Field(default_factory=dict)
    profanity: frozenset[str] = frozenset()
    sarcasm_openers: frozenset[str] = frozenset()
    courtesy: frozenset[str] = frozenset()
    failure_verbs: frozenset[str] = frozenset()
    wait_units: frozenset[str] = frozenset()
    quantity_words: frozenset[str] = frozenset()
    complaint_question_openers: frozenset[str] = frozenset()
    irrealis: frozenset[str] = frozenset()

    @field_validator("words", "phrases")
    @classmethod
    def _valence_in_range(cls, value: dict[str, float]) -> dict[str, float]:
        for key, weight in value.items():
            if not -_VALENCE_LIMIT <= weight <= _VALENCE_LIMIT:
                raise ValueError(f"{key!r} has valence {weight}; use a value from -4 to 4")
        return _lower_keys(value)

    @field_validator(
        "profanity", "sarcasm_openers", "courtesy", "failure_verbs", "wait_units", "quantity_words",
        "complaint_question_openers", "irrealis",
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
            profanity=self.profanity | other.profanity,
            sarcasm_openers=self.sarcasm_openers | other.sarcasm_openers,
            courtesy=self.courtesy | other.courtesy,
            failure_verbs=self.failure_verbs | other.failure_verbs,
            wait_units=self.wait_units | other.wait_units,
            quantity_words=self.quantity_words | other.quantity_words,
            complaint_question_openers=self.complaint_question_openers | other.complaint_question_openers,
            irrealis=self.irrealis | other.irrealis,
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


@lru_cache(maxsize=8)
def _builtin_lexicon() -> SentimentLexicon:
    return _validate(SentimentLexicon, read_toml("support_lexicon.toml", package_file=True), "support_lexicon.toml")


def load_lexicon(path: PathLike | None = None) -> SentimentLexicon:
    """Load sentiment lexicon adjustments: the built-in ones, or a user's TOML file.

    Args:
        path: A TOML file with the fields of `SentimentLexicon`; ``None`` for the built-in file.

    Raises:
        ResourceError: The file is missing, not TOML, or does not match the schema.
    """
    if path is None:
        return _builtin_lexicon()
    return _validate(SentimentLexicon, read_toml(path), path)
