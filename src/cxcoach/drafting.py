"""The reply drafter: playbook-shaped drafts from a template pack, checked by the analyzers.

`draft_reply` reads the customer's message (sentiment, intensity, question type, abuse and other cues),
picks a playbook (limits first for abuse, LDAL for upset customers, outcome first for calm ones),
fills each block's wording with the caller's facts, and runs the analyzers on the result. A draft
is returned only when it keeps the playbook's guarantees:

* no dismissive or blaming technique;
* when the customer asked an outcome question, the reply answers it with an outcome (never a
  process-only reply), and no process sentence comes before it;
* when the customer is negative with intensity 2 or more, the feeling is labelled or validated;
* when the customer is abusive or threatening, the first sentence sets a limit.

`rewrite` turns a process-only reply into an outcome-first one, keeping its useful sentences. `lint`
renders every wording of a pack and drafts every sample with every playbook, and reports what breaks.

Variety is deterministic: the wording of each block is picked by a hash of the customer's message, the
block and the seed, so the same inputs give the same draft and different customers get different ones.

Examples:
    >>> import cxcoach
    >>> draft = cxcoach.draft_reply("When will my refund arrive? I've waited two weeks!!",
    ...                             facts={"estimate": "3 to 5 business days"})
    >>> draft.playbook, draft.check.passed
    ('ldal', True)
    >>> [part.block for part in draft.parts]
    ['label_feeling', 'outcome', 'apologise', 'follow_up', 'thanks']
"""

from __future__ import annotations

import threading
import zlib
from typing import Any, Callable, Mapping, NamedTuple, Optional

from pydantic import BaseModel, ConfigDict

from .errors import DraftCheckError, InputTypeError, InputValueError, MissingFactsError, type_name
from .models import Draft, DraftCheck, DraftPart, Finding, MessageAnalysis, _trusted
from .pipeline import Pipeline
from .techniques import TechniqueAnalyzer
from .templates import TONES, Block, Situation, TemplatePack, Wording, load_template_pack, render
from .text import Doc, check_text

__all__ = ["Drafter", "LintProblem", "LintReport", "draft_reply", "lint", "rewrite"]

# Customer cues that call for a limit first (the coach's ``set_limits`` tip uses the same two).
_ABUSIVE = frozenset({"abuse", "threat"})
# A customer this upset (sentiment intensity 0..3) must hear the feeling named or validated.
_UPSET_INTENSITY = 2
_FEELING = frozenset({"labeling", "validation"})
_FORBIDDEN = ("dismissive", "blaming")
# Wording choices tried before giving up: a failing check is almost always a fact's own words
# (blame inside a fact fails every wording), so a few tries are enough to route around the rest.
_ATTEMPTS = 4
# Entries kept in the drafter's caches (steps per playbook, tone, situation and facts present; validated
# facts): a few hundred distinct keys occur in practice.
_STEP_CACHE_SIZE = 4096
# Sentences a rewrite drops: they break a guarantee, or (deferral) promise the answer the outcome now gives.
_DROP_LABELS = {"dismissive": "dismissive", "blaming": "blaming", "non_apology": "a deflecting apology"}


def _situation(customer: MessageAnalysis) -> Situation:
    sentiment = customer.sentiment
    return Situation(
        sentiment=sentiment.label if sentiment else "neutral",
        intensity=sentiment.intensity if sentiment else 0,
        question_type=customer.question_type or "not_a_question",
        cues=frozenset(f.label for f in customer.findings if f.analyzer == "customer_cues"),
        risk=customer.escalation_risk or 0.0,
    )


def _pick(key: str, count: int) -> int:
    """A deterministic index in ``range(count)`` from ``key`` (CRC-32: the same on every machine and run,
    unlike ``hash()``, which Python salts per process)."""
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % count  # lone surrogates in pasted text


class _Step(NamedTuple):
    """A playbook step that applies: the block, the wordings to pick from, why it is there.

    ``wordings`` are those usable with the facts that mention most of the caller's facts (a condition,
    the customer's name): a wording that can say more of what the caller gave wins.
    """

    name: str
    block: Block
    wordings: tuple[int, ...]
    reason: str

    def pick(self, key: str) -> int:
        """One of the wordings, by a hash of ``key``."""
        return self.wordings[_pick(key, len(self.wordings))] if len(self.wordings) > 1 else self.wordings[0]


class _Composer:
    """Builds a reply sentence by sentence and records the parts."""

    def __init__(self) -> None:
        self.text = ""
        self.parts: list[DraftPart] = []

    def add(self, sentence: str, block: str, wording: int, reason: str) -> None:
        start = len(self.text) + (1 if self.text else 0)
        self.text = f"{self.text} {sentence}" if self.text else sentence
        self.parts.append(_trusted(
            DraftPart, start=start, end=len(self.text), text=sentence, block=block, wording=wording, reason=reason
        ))


class Drafter:
    """Drafts, rewrites and lints with one template pack and one set of analyzers.

    Args:
        pack: The template pack (default: the built-in ``data/templates.toml``).
        pipeline: Analyzes the customer's message (default: the built-in analyzers).
        check_pipeline: Analyzes each draft for the self-check (default: answer style and the
            technique phrase rules, all the guarantees need).
    """

    def __init__(
        self,
        pack: Optional[TemplatePack] = None,
        pipeline: Optional[Pipeline] = None,
        check_pipeline: Optional[Pipeline] = None,
    ) -> None:
        self.pack = pack or load_template_pack()
        self.pipeline = pipeline or Pipeline()
        # a draft is the pack's own wording, which the phrase rules know (the lint checks it with them):
        # the learned technique weights would add nothing there but time
        self.check_pipeline = check_pipeline or Pipeline(["answer_style", TechniqueAnalyzer(learned=False)])
        self._outcome_blocks = frozenset(name for name, block in self.pack.blocks.items() if block.outcome)
        # The steps depend only on the playbook, the tone, the situation and which facts are present,
        # a small discrete space: cache them (risk is left out of the key unless a condition reads it).
        self._uses_risk = any(
            item.when.uses_risk
            for item in (*self.pack.blocks.values(), *self.pack.playbooks.values(),
                         *(w for b in self.pack.blocks.values() for w in b.wordings))
        )
        self._step_cache: dict[tuple[Any, ...], tuple[_Step, ...]] = {}
        self._facts_cache: dict[tuple[Any, ...], tuple[dict[str, str], frozenset[str]]] = {}

    # -- drafting --------------------------------------------------------------------------------

    def draft(
        self,
        customer_message: str,
        facts: Optional[Mapping[str, Any]] = None,
        playbook: Optional[str] = None,
        tone: Optional[str] = None,
        seed: Optional[int] = None,
    ) -> Draft:
        """Draft a reply to ``customer_message`` (see `draft_reply`)."""
        check_text(customer_message, "customer_message")
        tone = self._tone(tone)
        seed = _seed(seed)
        values, given = self._facts(facts)
        customer_doc = Doc(customer_message)
        customer = self.pipeline.analyze_doc(customer_doc)
        situation = _situation(customer)
        name = self._playbook(playbook, situation)
        steps = self._steps(name, situation, values, given, tone)
        key = f"{seed}\x1f{' '.join(customer_message.lower().split())}"

        def compose(attempt: int) -> _Composer:
            composer = _Composer()
            prefix = f"{key}\x1f{attempt}\x1f"
            for step in steps:
                index = step.pick(prefix + step.name)
                composer.add(render(step.block.wordings[index].text, values), step.name, index, step.reason)
            return composer

        return self._first_passing(
            compose, name, tone, customer_doc, customer, situation, (),
            failure="no draft passed its self-check in {tries} tries",
        )

    def _facts(self, facts: Optional[Mapping[str, Any]]) -> tuple[dict[str, str], frozenset[str]]:
        """The facts as text (fallbacks filled in), and the names the caller gave; cached, since an app
        usually drafts many replies with the same facts."""
        try:
            key: Optional[tuple[Any, ...]] = tuple(sorted(facts.items())) if isinstance(facts, Mapping) else None
            hash(key)
        except TypeError:  # unhashable or unorderable values: validate without the cache
            key = None
        cached = self._facts_cache.get(key) if key is not None else None
        if cached is None:
            values = self.pack.facts(facts)
            cached = values, frozenset(name for name, value in (facts or {}).items() if value is not None)
            if key is not None:
                if len(self._facts_cache) > _STEP_CACHE_SIZE:
                    self._facts_cache.clear()
                self._facts_cache[key] = cached
        return dict(cached[0]), cached[1]

    def _tone(self, tone: Optional[str]) -> str:
        if tone is None:
            return self.pack.default_tone
        if tone not in TONES:
            raise InputValueError(f"tone must be one of {', '.join(TONES)} or None, got {tone!r}")
        return tone

    def _playbook(self, playbook: Optional[str], situation: Situation) -> str:
        if playbook is not None:
            if not isinstance(playbook, str) or playbook not in self.pack.playbooks:
                raise InputValueError(
                    f"unknown playbook {playbook!r}: use one of {', '.join(self.pack.playbooks)}, or None to choose "
                    "from the customer's message"
                )
            return playbook
        for name in self.pack.select:
            if self.pack.playbooks[name].when.holds(situation):
                return name
        return self.pack.select[-1]

    def _steps(
        self,
        playbook: str,
        situation: Situation,
        values: Mapping[str, str],
        given: frozenset[str],
        tone: str,
        strict: bool = True,
    ) -> tuple[_Step, ...]:
        """The playbook's steps that apply here, each with its usable wordings and the reason it is there.

        Raises:
            MissingFactsError: ``strict``, and a required step applies but none of its wordings has its facts.
        """
        situation = situation if self._uses_risk else situation._replace(risk=0.0)
        key = (playbook, tone, situation, frozenset(values), given, strict)
        cached = self._step_cache.get(key)
        if cached is not None:
            return cached
        steps = []
        missing: list[str] = []
        slots: set[str] = set()
        required = self.pack.playbooks[playbook].required
        for step in self.pack.playbooks[playbook].steps:
            block = self.pack.blocks[step]
            if not block.when.holds(situation):
                continue
            fitting = [i for i, w in enumerate(block.wordings)
                       if w.tone in (None, tone) and (w.when.always or w.when.holds(situation))]
            usable = tuple(i for i in fitting if all(slot in values for slot in block.wordings[i].slots))
            if usable:
                counts = {i: len(given.intersection(block.wordings[i].slots)) for i in usable}
                best = max(counts.values())
                reason = f"{block.purpose} ({playbook} playbook; {_why(block, situation)})"
                steps.append(_Step(step, block, tuple(i for i in usable if counts[i] == best), reason))
            elif strict and step in required and fitting:
                options = _options(block.wordings[i] for i in fitting)
                slots.update(slot for option in options for slot in option)
                choices = " or ".join("+".join(option) for option in options)
                missing.append(f"block {step!r} ({block.purpose}; {_why(block, situation)}) needs {choices}")
        if missing:
            raise MissingFactsError(
                "the draft needs facts that were not given: " + "; ".join(missing)
                + ". Pass them as facts={...} (cxcoach.templates.load_template_pack().slots describes each)",
                tuple(sorted(slots)),
            )
        if len(self._step_cache) > _STEP_CACHE_SIZE:
            self._step_cache.clear()
        self._step_cache[key] = result = tuple(steps)
        return result

    # -- the self-check --------------------------------------------------------------------------

    def _finish(
        self,
        composer: _Composer,
        playbook: str,
        tone: str,
        customer_doc: Doc,
        customer: MessageAnalysis,
        situation: Situation,
        notes: tuple[str, ...],
    ) -> Draft:
        parts = tuple(composer.parts)
        analysis = self.check_pipeline.analyze_doc(Doc(composer.text, role="agent", context=customer_doc))
        problems = self._problems(parts, analysis, situation)
        check = _trusted(DraftCheck, passed=not problems, problems=problems, analysis=analysis)
        return _trusted(
            Draft, text=composer.text, parts=parts, playbook=playbook, tone=tone, check=check, customer=customer,
            notes=notes,
        )

    def _problems(
        self, parts: tuple[DraftPart, ...], analysis: MessageAnalysis, situation: Situation
    ) -> tuple[str, ...]:
        """The guarantees the draft breaks, one line each."""
        found: dict[str, list[Finding]] = {}
        for finding in analysis.findings:
            found.setdefault(finding.label, []).append(finding)
        problems = [f"{label}: {finding.text!r}" for label in _FORBIDDEN for finding in found.get(label, ())]
        if situation.question_type == "outcome_question":
            problems += self._outcome_problems(parts, analysis, found)
        if situation.sentiment == "negative" and situation.intensity >= _UPSET_INTENSITY \
                and not (analysis.techniques or frozenset()) & _FEELING:
            problems.append("the customer is upset and the draft neither labels nor validates the feeling")
        if situation.cues & _ABUSIVE:
            first_end = parts[0].end if parts else 0
            if not any(f.start < first_end for f in found.get("setting_limits", ())):
                problems.append("the customer is abusive and the first sentence does not set a limit")
        return tuple(problems)

    def _outcome_problems(
        self, parts: tuple[DraftPart, ...], analysis: MessageAnalysis, found: dict[str, list[Finding]]
    ) -> list[str]:
        problems = []
        if analysis.answer_style not in ("outcome", "mixed") or "outcome_first_violation" in found:
            problems.append(f"the customer asked an outcome question and the draft reads as {analysis.answer_style}")
        # the sentence a template wrote to answer it (a rewrite may keep the reply's own instead)
        outcome = next((p for p in parts if p.block in self._outcome_blocks), None)
        if outcome is None:
            return problems
        if not any(f.start < outcome.end and outcome.start < f.end for f in found.get("outcome_statement", ())):
            problems.append(f"the outcome sentence {outcome.text!r} does not read as an outcome")
        before = [f for f in found.get("process_statement", ()) if f.end <= outcome.start]
        if before:
            problems.append(f"a process sentence comes before the outcome: {before[0].text!r}")
        return problems

    # -- rewriting -------------------------------------------------------------------------------

    def rewrite(
        self,
        reply: str,
        customer: str,
        facts: Optional[Mapping[str, Any]] = None,
        tone: Optional[str] = None,
        seed: Optional[int] = None,
    ) -> Draft:
        """Rewrite ``reply`` to answer ``customer`` outcome first (see `rewrite`)."""
        check_text(reply, "reply")
        check_text(customer, "customer")
        tone = self._tone(tone)
        seed = _seed(seed)
        customer_doc = Doc(customer)
        asked = self.pipeline.analyze_doc(customer_doc)
        situation = _situation(asked)
        reply_doc = Doc(reply, role="agent", context=customer_doc)
        answered = self.pipeline.analyze_doc(reply_doc)
        values, given_names = self._facts(facts)
        given = set(given_names)
        needs_outcome = situation.question_type == "outcome_question" and (
            answered.answer_style not in ("outcome", "mixed")
            or any(f.label == "outcome_first_violation" for f in answered.findings)
        )
        if needs_outcome and not given & {slot for name in self._outcome_blocks
                                          for w in self.pack.blocks[name].wordings for slot in w.slots}:
            # the reply's own estimate of the result, if it has one; never the time of a step ("a
            # technician will visit within 48 hours to diagnose"), which the answer style marks step_time
            results = {e.start for f in answered.findings if f.label == "outcome_statement"
                       for e in f.evidence if e.rule == "estimate"}
            own = next((e for e in answered.estimates if e.kind in ("duration", "deadline") and e.start in results),
                       None)
            if own is not None and "estimate" in self.pack.slots:
                values = {**values, "estimate": own.text}
                given.add("estimate")
        kept, notes = _keep(reply_doc, answered, needs_outcome)
        used = frozenset().union(*(techniques for _, techniques in kept)) if kept else frozenset()
        inserted: dict[str, list[_Step]] = {"limits": [], "feeling": [], "outcome": []}
        for step in self._steps(self._playbook(None, situation), situation, values, frozenset(given), tone,
                                strict=False):
            if step.name == "set_limits" and "setting_limits" not in used:
                inserted["limits"].append(step)
            elif step.block.outcome and needs_outcome:
                inserted["outcome"].append(step)
            elif "labeling" in step.block.expects and not used & _FEELING and not inserted["feeling"] \
                    and situation.intensity >= _UPSET_INTENSITY:
                inserted["feeling"].append(step)
        if needs_outcome and not inserted["outcome"]:
            raise MissingFactsError(
                "the reply answers an outcome question with a process and neither facts nor the reply give the "
                "outcome: pass facts={'estimate': ...} (or 'amount' or 'decision')",
                ("amount", "decision", "estimate"),
            )
        # one opening sentence of feeling stays in front of the outcome; everything else follows it
        leading = 1 if kept and kept[0][1] & {"validation", "labeling", "apology"} else 0
        key = f"{seed}\x1f{' '.join(customer.lower().split())}\x1f{' '.join(reply.lower().split())}"
        order = [*inserted["limits"], *kept[:leading], *inserted["feeling"], *inserted["outcome"], *kept[leading:]]

        def compose(attempt: int) -> _Composer:
            composer = _Composer()
            for item in order:
                if isinstance(item, _Step):
                    index = item.pick(f"{key}\x1f{attempt}\x1f{item.name}")
                    composer.add(render(item.block.wordings[index].text, values), item.name, index,
                                 f"{item.block.purpose} (rewrite; {_why(item.block, situation)})")
                else:
                    composer.add(item[0], "kept", -1, "kept from the original reply")
            return composer

        return self._first_passing(
            compose, "rewrite", tone, customer_doc, asked, situation, notes,
            failure="the rewrite did not pass its self-check in {tries} tries",
        )

    def _first_passing(
        self,
        compose: Callable[[int], _Composer],
        playbook: str,
        tone: str,
        customer_doc: Doc,
        customer: MessageAnalysis,
        situation: Situation,
        notes: tuple[str, ...],
        failure: str,
    ) -> Draft:
        """The first composition that passes its self-check, trying other wordings a few times.

        Raises:
            DraftCheckError: None passed; the error carries the last draft.
        """
        draft: Optional[Draft] = None
        for attempt in range(_ATTEMPTS):
            draft = self._finish(compose(attempt), playbook, tone, customer_doc, customer, situation, notes)
            if draft.check.passed:
                return draft
        assert draft is not None
        raise DraftCheckError(
            f"{failure.format(tries=_ATTEMPTS)} ({'; '.join(draft.check.problems)}): check the facts' wording, "
            "or the template pack with `cxcoach lint`",
            draft,
        )

    # -- linting ---------------------------------------------------------------------------------

    def lint(self, seeds: int = 3) -> LintReport:
        """Render every wording of the pack and draft every sample with every playbook (see `lint`)."""
        problems: list[LintProblem] = []
        checked = 0
        facts = self.pack.sample_facts()
        try:
            self.pack.facts(facts)
        except InputValueError as error:
            problem = LintProblem(problem=f"the slots' samples do not validate: {error}")
            return LintReport(pack=self.pack.name, checked=1, problems=(problem,))
        samples = [(s.customer, Doc(s.customer)) for s in self.pack.samples]
        situations = [(text, doc, _situation(self.pipeline.analyze_doc(doc))) for text, doc in samples]
        for name, block in self.pack.blocks.items():
            for index, wording in enumerate(block.wordings):
                context = next(
                    ((t, d) for t, d, s in situations if block.when.holds(s) and wording.when.holds(s)), None
                )
                checked += 1
                for problem in self._lint_wording(block, wording, facts, context):
                    problems.append(LintProblem(block=name, wording=index, text=wording.text, problem=problem))
        for name in self.pack.playbooks:
            for customer, _, _ in situations:
                for tone in TONES:
                    for seed in range(seeds):
                        checked += 1
                        try:
                            self.draft(customer, facts, playbook=name, tone=tone, seed=seed)
                        except DraftCheckError as error:
                            text = error.draft.text if isinstance(error.draft, Draft) else ""
                            problems.append(LintProblem(playbook=name, sample=customer, text=text, problem=str(error)))
        return LintReport(pack=self.pack.name, checked=checked, problems=tuple(problems))

    def _lint_wording(
        self, block: Block, wording: Wording, facts: Mapping[str, str], context: Optional[tuple[str, Doc]]
    ) -> list[str]:
        if context is None:
            return ["no sample customer message meets the conditions of this block and wording: add one to [[samples]]"]
        text = render(wording.text, facts)
        doc = Doc(text, role="agent", context=context[1])
        analysis = self.check_pipeline.analyze_doc(doc)
        used = analysis.techniques or frozenset()
        problems = []
        if len(doc.sentences) != 1:
            problems.append(f"renders as {len(doc.sentences)} sentences; write one")
        if block.expects and not used & set(block.expects):
            problems.append(f"shows none of {', '.join(block.expects)} (found: {', '.join(sorted(used)) or 'none'})")
        for label in (*_FORBIDDEN, "non_apology"):
            if label in used:
                problems.append(f"reads as {label}")
        if block.outcome and analysis.answer_style != "outcome":
            problems.append(f"an outcome block reads as {analysis.answer_style}, not outcome")
        return problems


class LintProblem(BaseModel):
    """One thing `lint` found wrong: a wording (``block``, ``wording``) or a draft (``playbook``, ``sample``)."""

    model_config = ConfigDict(frozen=True)

    problem: str
    text: str = ""
    block: Optional[str] = None
    wording: Optional[int] = None
    playbook: Optional[str] = None
    sample: Optional[str] = None

    def __str__(self) -> str:
        where = (f"{self.block}[{self.wording}]" if self.block is not None
                 else f"playbook {self.playbook} on {self.sample!r}" if self.playbook is not None else "pack")
        return f"{where}: {self.problem}" + (f"\n    {self.text}" if self.text else "")


class LintReport(BaseModel):
    """What `lint` checked and found."""

    model_config = ConfigDict(frozen=True)

    pack: str
    checked: int
    problems: tuple[LintProblem, ...] = ()

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems


def _options(wordings: Any) -> list[tuple[str, ...]]:
    """The smallest slot sets that would make one of ``wordings`` usable ("estimate", not "estimate+issue")."""
    sets = sorted({frozenset(w.slots) for w in wordings}, key=lambda slots: (len(slots), sorted(slots)))
    minimal: list[frozenset[str]] = []
    for slots in sets:
        if not any(smaller <= slots for smaller in minimal):
            minimal.append(slots)
    return [tuple(sorted(slots)) for slots in minimal]


def _why(block: Block, situation: Situation) -> str:
    conditions = block.when.describe()
    return f"applies when {conditions}: {situation.describe()}" if conditions else "always"


def _seed(seed: Optional[int]) -> int:
    if seed is None:
        return 0
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise InputTypeError(f"seed must be an int or None, got {type_name(seed)}")
    return seed


def _keep(
    reply: Doc, answered: MessageAnalysis, needs_outcome: bool
) -> tuple[list[tuple[str, frozenset[str]]], tuple[str, ...]]:
    """The reply's sentences worth keeping (with the techniques each shows), and notes on those dropped."""
    kept: list[tuple[str, frozenset[str]]] = []
    notes: list[str] = []
    for sentence in reply.sentences:
        inside = [f for f in answered.findings if sentence.start <= f.start < sentence.end]
        text = reply.text[sentence.start : sentence.end]
        dropped = next((_DROP_LABELS[f.label] for f in inside if f.label in _DROP_LABELS), None)
        if dropped is None and needs_outcome and any(
            e.rule == "deferral" for f in inside if f.label == "process_statement" for e in f.evidence
        ):
            dropped = "a deferral the outcome now answers"
        if dropped is not None:
            notes.append(f"removed {text!r}: {dropped}")
            continue
        kept.append((text, frozenset(f.label for f in inside if f.analyzer == "techniques")))
    return kept, tuple(notes)


_lock = threading.Lock()
_default: Optional[Drafter] = None


def _drafter() -> Drafter:
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Drafter()
    return _default


def draft_reply(
    customer_message: str,
    facts: Optional[Mapping[str, Any]] = None,
    playbook: Optional[str] = None,
    tone: Optional[str] = None,
    seed: Optional[int] = None,
) -> Draft:
    """Draft a reply to a customer message from the built-in template pack, and check it.

    Args:
        customer_message: The message to answer.
        facts: What the reply may state, by slot name: ``estimate``, ``amount``, ``decision``,
            ``condition``, ``issue``, ``steps``, ``next_step``, ``next_update``, ``alternative``,
            ``customer_name`` (see ``cxcoach.templates.load_template_pack().slots``). Values are
            inserted literally, never expanded.
        playbook: ``"limits_first"``, ``"ldal"`` or ``"outcome_first"``; ``None`` chooses from the
            customer's message (abuse or threats → limits first, negative → LDAL, else outcome first).
        tone: ``"formal"`` or ``"friendly"`` (default: the pack's, friendly).
        seed: Varies the wordings; the same message, facts and seed always give the same draft.

    Returns:
        A `Draft`: ``text``, ``parts`` (the block behind each sentence and why), the playbook, and
            ``check``, the analysis of the draft and the guarantees it keeps.

    Raises:
        InputTypeError: ``customer_message`` is not a string, ``facts`` not a mapping, ``seed`` not an int.
        InputValueError: Unknown playbook, tone or fact, or a fact of the wrong type.
        MissingFactsError: The reply needs a fact that was not given (an outcome question needs
            ``estimate``, ``amount`` or ``decision``; a "how do I" question needs ``steps``).
        DraftCheckError: No wording passed the self-check (usually a fact's own words, such as blame).

    Examples:
        >>> import cxcoach
        >>> draft = cxcoach.draft_reply("Hi, when will my new card arrive?", facts={"estimate": "5 to 7 days"})
        >>> draft.text
        "Honest estimate: 5 to 7 days. You'll hear from me as soon as I have news. Thanks for flagging this."
        >>> draft.parts[0].block, draft.parts[0].text
        ('outcome', 'Honest estimate: 5 to 7 days.')
    """
    return _drafter().draft(customer_message, facts, playbook=playbook, tone=tone, seed=seed)


def rewrite(
    reply: str,
    customer: str,
    facts: Optional[Mapping[str, Any]] = None,
    tone: Optional[str] = None,
    seed: Optional[int] = None,
) -> Draft:
    """Rewrite a reply so that it answers the customer's outcome question with the outcome first.

    The reply's useful sentences are kept in order; an outcome sentence is put in front (after one
    opening sentence of empathy, if the reply has one), built from ``facts`` or from the reply's own
    estimate; sentences that only defer the answer ("once they report back we can give a timeline"),
    blame, dismiss or apologise conditionally are removed (``Draft.notes`` says which and why). An
    upset customer also gets their feeling named, and an abusive one a limit first, when the reply
    lacks them. A reply that already answers with an outcome keeps all its good sentences.

    Raises:
        InputTypeError: ``reply`` or ``customer`` is not a string.
        MissingFactsError: The reply needs an outcome and neither the facts nor the reply give one.
        DraftCheckError: The rewrite still breaks a guarantee.

    Examples:
        >>> import cxcoach
        >>> draft = cxcoach.rewrite(
        ...     "Our engineers are investigating. Once they report back we will be able to give you a timeline.",
        ...     customer="When will my internet be back?", facts={"estimate": "between 1 and 5 hours"})
        >>> draft.text
        'Honest estimate: between 1 and 5 hours. Our engineers are investigating.'
        >>> draft.notes
        ("removed 'Once they report back we will be able to give you a timeline.': a deferral the outcome now answers",)
    """
    return _drafter().rewrite(reply, customer, facts, tone=tone, seed=seed)


def lint(pack: Optional[TemplatePack] = None, seeds: int = 3) -> LintReport:
    """Check a template pack: every wording rendered with the sample facts, every sample drafted with every playbook.

    A wording fails when it renders as more than one sentence, lacks the technique its block expects,
    reads as dismissive, blaming or a non-apology, or (in an outcome block) does not read as an
    outcome. A playbook fails on a sample when no draft passes the self-check.

    Args:
        pack: The pack to check (default: the built-in one).
        seeds: How many seeds to draft each sample with, per playbook and tone.

    Examples:
        >>> import cxcoach
        >>> cxcoach.lint().ok
        True
    """
    return (_drafter() if pack is None else Drafter(pack=pack)).lint(seeds=seeds)
