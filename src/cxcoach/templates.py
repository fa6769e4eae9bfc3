"""Template packs: the blocks, wordings, slots and playbooks the reply drafter works from.

A pack is a validated TOML file (``data/templates.toml`` is the built-in one; a team can load its
own with `load_template_pack`). It holds:

* **slots**: the facts a reply can mention (``${estimate}``, ``${customer_name}``...), each with a
  type, a description, a sample value for linting and, when the slot is optional, a fallback value.
  `TemplatePack.facts_model` turns them into a pydantic model, so a team can see and validate the facts
  a pack needs.
* **blocks**: one per role in a reply (acknowledge, label the feeling, outcome first, set limits...),
  each with several wordings, a tone per wording, conditions on the customer's analysis, and the
  techniques its text must show.
* **playbooks**: ordered lists of blocks (PLAYBOOK section 4), and the order in which they are tried
  when the drafter picks one from the analysis.

Rendering is deliberately dumb: ``${name}`` is replaced by the fact's text, ``$$`` is a literal
``$``, and nothing else is special. No attribute access, no calls, no expressions; a fact's value is
inserted once and never expanded again, so a fact containing ``${...}`` or markup stays literal.

Examples:
    >>> from cxcoach.templates import render
    >>> render("Our estimate is ${estimate}.", {"estimate": "1 to 5 hours"})
    'Our estimate is 1 to 5 hours.'
    >>> render("Hi ${customer_name}", {"customer_name": "${estimate}"})   # never re-expanded
    'Hi ${estimate}'
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any, Literal, Mapping, NamedTuple, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model, field_validator, model_validator

from .errors import InputTypeError, InputValueError, MissingFactsError, type_name
from .models import TECHNIQUES
from .resources import CUE_LABELS, PathLike, _Data, load_data

__all__ = [
    "Situation",
    "Block",
    "Conditions",
    "Playbook",
    "SlotSpec",
    "TemplatePack",
    "Wording",
    "load_template_pack",
    "render",
    "template_slots",
]

Tone = Literal["formal", "friendly"]
TONES: tuple[str, ...] = ("formal", "friendly")

# ``${name}`` is a slot, ``$$`` a literal dollar; any other ``$`` followed by ``{`` is an error, so a
# typo such as ``${ estimate }`` or ``${fact.attr}`` fails when the pack loads, not in a customer's reply.
_TOKEN = re.compile(r"\$\$|\$\{([a-z][a-z0-9_]*)\}|\$\{")
_SLOT_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
# A fact is a phrase that goes inside a sentence: one line, and short enough to read aloud.
_FACT_MAX_LENGTH = 300
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

@lru_cache(maxsize=4096)  # a pack has a few hundred wordings, rendered again and again
def _parse(template: str) -> tuple[Union[str, tuple[str]], ...]:
    """Split a template into literal strings and 1-tuples of slot names; raise ``ValueError`` on a bad ``${``."""
    parts: list[Union[str, tuple[str]]] = []
    position = 0
    for match in _TOKEN.finditer(template):
        if match.group(0) == "${":
            raise ValueError(
                f"bad slot at character {match.start()} of {template!r}: write ${{name}} with a lower-case name "
                "(letters, digits, underscores), or $$ for a literal $"
            )
        literal = template[position : match.start()] + ("$" if match.group(0) == "$$" else "")
        if literal:
            parts.append(literal)
        if match.group(1):
            parts.append((match.group(1),))
        position = match.end()
    if position < len(template):
        parts.append(template[position:])
    return tuple(parts)


@lru_cache(maxsize=4096)
def template_slots(template: str) -> tuple[str, ...]:
    """The slot names a template uses, in order of first use.

    Raises:
        ValueError: The template has a ``${`` that is not a valid slot.

    Examples:
        >>> template_slots("Hi ${customer_name}, expect it ${estimate}. It costs $$5.")
        ('customer_name', 'estimate')
    """
    names: dict[str, None] = {}
    for part in _parse(template):
        if isinstance(part, tuple):
            names[part[0]] = None
    return tuple(names)


def render(template: str, facts: Mapping[str, str]) -> str:
    """Substitute ``${name}`` slots with ``facts[name]``; ``$$`` becomes ``$``.

    Values are inserted as they are and never expanded again. Nothing else in the template is
    evaluated.

    Raises:
        MissingFactsError: A slot has no value in ``facts``.
        ValueError: The template has a ``${`` that is not a valid slot.
    """
    out = []
    for part in _parse(template):
        if isinstance(part, tuple):
            if part[0] not in facts:
                raise MissingFactsError(f"no value for slot {part[0]!r}: pass it in facts", (part[0],))
            out.append(str(facts[part[0]]))
        else:
            out.append(part)
    return "".join(out)


class SlotSpec(_Data):
    """A fact a pack's wordings can mention.

    Attributes:
        type: ``text`` (a phrase), ``integer``, ``number`` or ``date`` (rendered "Friday 6 March").
        description: What the fact is, for the people who fill it in.
        sample: A value for linting the pack.
        fallback: The text used when the fact is not given; a slot without one makes the wordings
            that use it unavailable when it is missing (and a required block fails with
            `MissingFactsError`).
    """

    type: Literal["text", "integer", "number", "date"] = "text"
    description: str
    sample: str
    fallback: Optional[str] = None

    @field_validator("fallback")
    @classmethod
    def _not_blank(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not value.strip():
            raise ValueError("a fallback must not be blank: leave it out to make the slot's wordings optional")
        return value


class Conditions(_Data):
    """When a block or a wording applies, from the customer message's analysis (all given ones must hold).

    Attributes:
        sentiment: The customer's sentiment label is one of these.
        min_intensity: The customer's sentiment intensity is at least this (0..3).
        max_intensity: ... and at most this.
        question_type: The customer's question type is one of these.
        cues: The customer message has at least one of these customer cues (abuse, threat...).
        no_cues: ... and none of these.
        min_risk: The customer's escalation risk is at least this (0..1).
        max_risk: ... and at most this.
    """

    sentiment: Optional[tuple[Literal["negative", "neutral", "positive"], ...]] = None
    min_intensity: int = Field(default=0, ge=0, le=3)
    max_intensity: int = Field(default=3, ge=0, le=3)
    question_type: Optional[tuple[Literal["outcome_question", "process_question", "not_a_question"], ...]] = None
    cues: Optional[tuple[str, ...]] = None
    no_cues: tuple[str, ...] = ()
    min_risk: float = Field(default=0.0, ge=0.0, le=1.0)
    max_risk: float = Field(default=1.0, ge=0.0, le=1.0)

    @field_validator("cues", "no_cues")
    @classmethod
    def _known_cues(cls, value: Optional[tuple[str, ...]]) -> Optional[tuple[str, ...]]:
        for cue in value or ():
            if cue not in CUE_LABELS:
                raise ValueError(f"{cue!r} is not a customer cue; use one of {', '.join(CUE_LABELS)}")
        return value

    @property
    def always(self) -> bool:
        """True when there is no condition at all."""
        return self == _NO_CONDITIONS

    @property
    def uses_risk(self) -> bool:
        """True when a condition reads the escalation risk."""
        return self.min_risk > 0 or self.max_risk < 1

    def holds(self, situation: Situation) -> bool:
        """Whether the customer's situation meets every condition."""
        return (
            (self.sentiment is None or situation.sentiment in self.sentiment)
            and self.min_intensity <= situation.intensity <= self.max_intensity
            and (self.question_type is None or situation.question_type in self.question_type)
            and (self.cues is None or bool(situation.cues.intersection(self.cues)))
            and not situation.cues.intersection(self.no_cues)
            and self.min_risk <= situation.risk <= self.max_risk
        )

    def describe(self) -> str:
        """The conditions in words ("sentiment negative, intensity ≥ 2"); empty when there are none."""
        words = []
        if self.sentiment is not None:
            words.append("sentiment " + " or ".join(self.sentiment))
        if self.min_intensity > 0:
            words.append(f"intensity ≥ {self.min_intensity}")
        if self.max_intensity < 3:
            words.append(f"intensity ≤ {self.max_intensity}")
        if self.question_type is not None:
            words.append(" or ".join(kind.replace("_", " ") for kind in self.question_type))
        if self.cues is not None:
            words.append("cue " + " or ".join(self.cues))
        if self.no_cues:
            words.append("no " + " or ".join(self.no_cues))
        if self.min_risk > 0:
            words.append(f"escalation risk ≥ {self.min_risk:g}")
        if self.max_risk < 1:
            words.append(f"escalation risk ≤ {self.max_risk:g}")
        return ", ".join(words)


_NO_CONDITIONS = Conditions()


class Situation(NamedTuple):
    """What the drafter knows of the customer message: the inputs of `Conditions`."""

    sentiment: str = "neutral"
    intensity: int = 0
    question_type: str = "not_a_question"
    cues: frozenset[str] = frozenset()
    risk: float = 0.0

    def describe(self) -> str:
        """The situation in words, for the reasons in a draft's parts."""
        cues = f", cues {', '.join(sorted(self.cues))}" if self.cues else ""
        return (f"customer {self.sentiment} (intensity {self.intensity}), "
                f"{self.question_type.replace('_', ' ')}{cues}")


class Wording(_Data):
    """One way of writing a block: a template, its tone (``None``: any tone), and optional conditions."""

    text: str
    tone: Optional[Tone] = None
    when: Conditions = Conditions()

    @field_validator("text")
    @classmethod
    def _valid_template(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a wording must not be blank")
        _parse(value)  # raises ValueError with the position of a bad slot
        return value

    @property
    def slots(self) -> tuple[str, ...]:
        """The slots this wording uses (cached by text, so a `model_copy` with a new text is never stale)."""
        return template_slots(self.text)


def _wording(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class Block(_Data):
    """A role in a reply, with several wordings.

    Attributes:
        purpose: What the block does, in words (it becomes the reason of the draft part).
        when: When the block applies; a playbook step whose block does not apply is skipped.
        expects: Techniques the rendered text must show (any one of them); checked by `lint`.
        outcome: True for a block that answers with an outcome: its text must be an outcome
            statement (checked by `lint`), and the drafter checks it leads the reply.
        wordings: The wordings, as strings (any tone) or tables with ``text``, ``tone`` and ``when``.
    """

    purpose: str
    when: Conditions = Conditions()
    expects: tuple[str, ...] = ()
    outcome: bool = False
    wordings: tuple[Wording, ...] = Field(min_length=1)

    @field_validator("wordings", mode="before")
    @classmethod
    def _strings_are_wordings(cls, value: Any) -> Any:
        return [_wording(item) for item in value] if isinstance(value, (list, tuple)) else value

    @field_validator("expects")
    @classmethod
    def _known_techniques(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for label in value:
            if label not in TECHNIQUES:
                raise ValueError(f"{label!r} is not a technique label; use one of {', '.join(TECHNIQUES)}")
        return value


class Playbook(_Data):
    """An ordered list of blocks (PLAYBOOK section 4) and when the drafter picks it.

    Attributes:
        purpose: What the playbook is for, in words.
        when: When the drafter picks this playbook (the pack's ``select`` order decides ties).
        steps: Block names in the order they appear in a reply.
        required: Steps that must appear whenever their block applies; a missing fact is then an
            error (`MissingFactsError`) rather than a skipped sentence.
    """

    purpose: str
    when: Conditions = Conditions()
    steps: tuple[str, ...] = Field(min_length=1)
    required: frozenset[str] = frozenset()


class Sample(_Data):
    """A customer message the linter drafts replies to, with every playbook."""

    customer: str


class TemplatePack(_Data):
    """A template pack: slots, blocks and playbooks (see the module docs and ``data/templates.toml``).

    Attributes:
        name: The pack's name.
        default_tone: The tone used when the caller names none.
        select: Playbook names in the order the drafter tries them; the first whose conditions hold wins.
        slots: The facts the wordings can mention.
        blocks: The blocks, by name.
        playbooks: The playbooks, by name.
        samples: Customer messages `lint` drafts to with every playbook.
    """

    name: str = "custom"
    default_tone: Tone = "friendly"
    select: tuple[str, ...] = Field(min_length=1)
    slots: dict[str, SlotSpec]
    blocks: dict[str, Block]
    playbooks: dict[str, Playbook]
    samples: tuple[Sample, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> TemplatePack:
        bad = [name for name in self.slots if not _SLOT_NAME.match(name)]
        if bad:
            raise ValueError(f"slot names {bad} must be lower-case letters, digits and underscores")
        for name, block in self.blocks.items():
            for index, wording in enumerate(block.wordings):
                unknown = [slot for slot in wording.slots if slot not in self.slots]
                if unknown:
                    raise ValueError(f"block {name!r} wording {index} uses undeclared slots {unknown}: "
                                     "add them under [slots]")
        for name, playbook in self.playbooks.items():
            unknown = [step for step in (*playbook.steps, *playbook.required) if step not in self.blocks]
            if unknown:
                raise ValueError(f"playbook {name!r} names unknown blocks {unknown}")
        unknown = [name for name in self.select if name not in self.playbooks]
        if unknown:
            raise ValueError(f"select names unknown playbooks {unknown}")
        return self

    @property
    def facts_model(self) -> type[BaseModel]:
        """A pydantic model of the pack's facts: every slot an optional, typed, described field.

        Examples:
            >>> from cxcoach.templates import load_template_pack
            >>> Facts = load_template_pack().facts_model
            >>> Facts(estimate="1 to 5 hours").estimate
            '1 to 5 hours'
        """
        # cached by the slots' content, not on the pack, so a `model_copy` of the pack is never stale
        return _facts_model(self.name, tuple((name, spec.type, spec.description) for name, spec in self.slots.items()))

    def facts(self, values: Optional[Mapping[str, Any]]) -> dict[str, str]:
        """Validate facts against the pack and render each as text (fallbacks filled in).

        Raises:
            InputTypeError: ``values`` is not a mapping.
            InputValueError: An unknown fact, a value of the wrong type, or a text value that is
                empty, longer than 300 characters or spans several lines.
        """
        if values is None:
            values = {}
        if not isinstance(values, Mapping):
            raise InputTypeError(f"facts must be a mapping of slot name to value, got {type_name(values)}")
        try:
            checked = self.facts_model.model_validate(dict(values))
        except ValidationError as error:
            problems = "; ".join(
                f"{'.'.join(str(part) for part in item['loc'])}: {item['msg']}" for item in error.errors()
            )
            raise InputValueError(
                f"facts do not fit template pack {self.name!r} ({problems}); its slots are {', '.join(self.slots)}"
            ) from None
        out: dict[str, str] = {}
        for name, spec in self.slots.items():
            value = getattr(checked, name)
            if value is None:
                if spec.fallback is not None:
                    out[name] = spec.fallback
                continue
            text = _fact_text(value)
            if not text or "\n" in text or len(text) > _FACT_MAX_LENGTH:
                raise InputValueError(
                    f"fact {name!r} must be a one-line phrase of 1 to {_FACT_MAX_LENGTH} characters, got {value!r}"
                )
            out[name] = text
        return out

    def sample_facts(self) -> dict[str, str]:
        """Every slot's sample value, as text."""
        return {name: spec.sample for name, spec in self.slots.items()}


@lru_cache(maxsize=64)
def _facts_model(pack: str, slots: tuple[tuple[str, str, str], ...]) -> type[BaseModel]:
    """A frozen pydantic model with one optional, typed, described field per slot."""
    types = {"text": str, "integer": int, "number": float, "date": date}
    fields: dict[str, Any] = {
        name: (Optional[types[kind]], Field(default=None, description=description)) for name, kind, description in slots
    }
    return create_model(  # type: ignore[call-overload,no-any-return]
        f"{pack.title().replace('_', '')}Facts",
        __config__=ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True),
        **fields,
    )


def _fact_text(value: Any) -> str:
    """A fact as it appears in a sentence: dates spelled out in English, trailing full stops dropped
    (the wording ends the sentence)."""
    if isinstance(value, date):
        return f"{_DAYS[value.weekday()]} {value.day} {_MONTHS[value.month - 1]}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip().rstrip(".")


def load_template_pack(path: Optional[PathLike] = None) -> TemplatePack:
    """The built-in template pack, or a team's own TOML file of the same shape (see `TemplatePack`).

    Raises:
        ResourceError: The file is missing, not TOML, or does not match the schema.
    """
    return load_data(TemplatePack, "templates.toml", path)  # type: ignore[arg-type]
