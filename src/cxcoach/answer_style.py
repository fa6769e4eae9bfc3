"""How an agent answers: with the outcome, with a process, with both, or with neither.

PLAYBOOK idea 4: when the customer asks *when*, *whether*, *how much* or *what will happen*, the reply
must lead with the result (an estimate, a range, a decision, a conditional commitment) and not with a
walk-through of the procedure. Each sentence of an agent reply is read for outcome cues (decisions,
commitments about the result, hedged estimates, a time or price for the result) and process cues
(routing, investigation, deferral, steps, instructions). A time figure that belongs to a *step* ("a
technician will visit within 48 hours to diagnose") is a process cue, not an outcome.

The reply's ``answer_style`` is ``"outcome"``, ``"process"``, ``"mixed"`` (an outcome *and* a
substantial walk-through) or ``None`` (a greeting, thanks, empathy alone). With the customer's message
as ``context``, a process-only reply to an outcome question is an ``outcome_first_violation`` finding
with a suggested outcome-first opening. Estimates in the reply are normalised into ``estimates``.

Examples:
    >>> import cxcoach
    >>> question = "When will my internet be back?"
    >>> cxcoach.analyze("Our current estimate is between 1 and 5 hours.", role="agent", context=question).answer_style
    'outcome'
    >>> reply = cxcoach.analyze("Technicians are investigating; once they report back we can give a timeline.",
    ...                         role="agent", context=question)
    >>> reply.answer_style, [f.label for f in reply.findings if f.label == "outcome_first_violation"]
    ('process', ['outcome_first_violation'])
"""

from __future__ import annotations

from typing import Optional

from .estimates import EstimateParser
from .models import Estimate, Evidence, Finding, _trusted
from .phrases import PhraseMatcher, tag_phrases
from .question_type import QuestionTypeAnalyzer
from .resources import AnswerCues, load_answer_cues
from .text import Doc, Sentence, Token

__all__ = ["AnswerStyleAnalyzer"]

# A reply is "mixed" when, besides an outcome, it walks through at least this many process steps (each
# process sentence, or each instruction in one); one next step after the outcome is still an
# outcome-first answer (tuned on the dev part of tests/data/answer_styles.jsonl).
_MIXED_PROCESS_STEPS = 2

_CUE_KINDS = (
    "outcome", "process", "step_verbs", "deferral", "deferred_telling", "neutral", "notices", "result_actions",
    "walkthrough",
)
# Punctuation after which a new clause (and possibly an instruction) starts.
_CLAUSE_BREAKS = frozenset((",", ";", ":", "-", "–", "—", "(", ")", "."))
# Words that may come before an instruction's verb: "Please log in", "Then go to", "First, call us".
_LEADERS = frozenset(("please", "just", "simply", "then", "first", "next", "finally", "also", "now", "and", "so", "to"))

# The kinds of an outcome cue that announces news of the result ("you'll get" + "an email").
_TELLING = frozenset(("process",))
# "you should have waited": with a past participle after it, what ought to have happened (`_is_participle`)
_COUNTERFACTUAL = frozenset(("should have", "would have", "could have"))
_PARTICIPLES = frozenset(
    ("been", "done", "gone", "known", "seen", "read", "told", "sent", "paid", "kept", "made", "left")
)
# "costs depend on the room size": what the result hangs on
_DEPENDING = frozenset(("depend on", "depends on", "depending on"))
_MONEY_WORDS = frozenset(("much", "cost", "costs", "price", "fee", "fees", "charge", "charged", "pay", "refund"))
_AMOUNT_WORDS = frozenset(("much", "cost", "costs", "price", "fee", "fees"))
_TIME_WORDS = frozenset(("when", "wen", "long", "soon", "eta", "time", "date", "day", "yet", "still", "today", "tomorrow"))


class AnswerStyleAnalyzer:
    """Assigns ``doc.answer_style`` and ``doc.estimates`` for agent replies, and checks outcome-first.

    Customer messages get no answer style and no findings from this analyzer.

    Args:
        cues: Cue phrases (default: ``data/answer_cues.toml``).
        estimates: The estimate parser (default: the built-in words).
        questions: The analyzer that reads the customer's message given as context.
    """

    name = "answer_style"
    labels = frozenset({"outcome_statement", "process_statement", "outcome_first_violation"})
    assigns = ("answer_style", "estimates")

    def __init__(
        self,
        cues: Optional[AnswerCues] = None,
        estimates: Optional[EstimateParser] = None,
        questions: Optional[QuestionTypeAnalyzer] = None,
    ) -> None:
        self.cues = cues or load_answer_cues()
        # one matcher for every cue list: a sentence is scanned once
        self._kinds = tag_phrases({kind: getattr(self.cues, kind) for kind in _CUE_KINDS})
        self._cues = PhraseMatcher(self._kinds)
        self._estimates = estimates or EstimateParser()
        self._questions = questions or QuestionTypeAnalyzer()

    def analyze(self, doc: Doc) -> tuple[Finding, ...]:
        """Read an agent reply sentence by sentence; customer messages are left alone."""
        if doc.role != "agent":
            return ()
        estimates = self._estimates.parse_doc(doc)
        doc.estimates = estimates
        findings: list[Finding] = []
        outcome_sentences = process_sentences = process_steps = decisive = 0
        position = 0  # estimates and sentences are both in text order: walk them together
        for sentence in doc.sentences:
            while position < len(estimates) and estimates[position].start < sentence.start:
                position += 1
            inside = []
            while position < len(estimates) and estimates[position].start < sentence.end:
                inside.append(estimates[position])
                position += 1
            read = self._sentence(doc, sentence, inside)
            if read is None:
                continue
            found, weight, steps = read
            findings.append(found)
            if found.label == "outcome_statement":
                outcome_sentences += 1
                decisive += weight == 2
                process_steps += steps  # "..., and then your bank posts it": steps told beside the result
            else:
                process_sentences += 1
                process_steps += weight
        if outcome_sentences and (process_sentences or not decisive) and self._asked(doc) == "process_question":
            # asked how to do something, a walk-through (or a time for it) is the process answer
            doc.answer_style = "process"
        elif outcome_sentences and process_steps >= _MIXED_PROCESS_STEPS:
            doc.answer_style = "mixed"
        elif outcome_sentences:
            doc.answer_style = "outcome"
        elif process_sentences:
            doc.answer_style = "process"
        else:
            doc.answer_style = None
            plain = self._plain_answer(doc)
            if plain is not None:
                findings.append(plain)
                doc.answer_style = "outcome" if plain.label == "outcome_statement" else "process"
        violation = self._check(doc, findings, estimates)
        if violation is not None:
            findings.append(violation)
        return tuple(findings)

    def _sentence(self, doc: Doc, sentence: Sentence, estimates: list[Estimate]) -> Optional[tuple[Finding, int, int]]:
        """An ``outcome_statement`` or ``process_statement`` finding for one sentence, its weight and the
        steps it tells in sequence.

        The weight of a process sentence is the number of steps it walks through (each instruction
        counts, and each word that puts steps in sequence, "First ..., then ..."; one that announces its
        steps, "Here's how: ...", counts two at least); of an outcome sentence, 2 when a cue states the
        result and 1 when only a time or a price does. The steps of an outcome sentence are its words of
        sequence ("the manager approves it, and then your bank posts it"), which count towards a mixed
        reply. ``None`` when the sentence states neither.

        The cues are weighed in this order: a deferral ("once they report back we can tell you") or an
        announced walk-through ("A few things to know: ...") makes the sentence process whatever result
        words it holds; a time figure next to a step verb is the time of a step; an estimate for the
        result makes it outcome; instructions ("log in, go to Settings") make it process; otherwise the
        more numerous kind of cue wins.
        """
        tokens = doc.sentence_tokens(sentence)
        text = doc.text
        positions, words = doc.sentence_words(sentence)
        matches = self._cues.find_in_words(positions, words)
        if matches and "if" in words:
            matches = _outside_counterfactuals(tokens, matches)
        by_kind: dict[str, list[tuple[str, int, int]]] = {
            "outcome": [], "process": [], "step_verbs": [], "deferral": [], "deferred_telling": [], "neutral": [],
            "notices": [], "result_actions": [], "walkthrough": [],
        }  # one list per kind of `_CUE_KINDS` (a literal: this runs for every sentence)
        for n, (phrase, first, last) in enumerate(matches):
            kinds = self._kinds[phrase]
            following = matches[n + 1][0] if n + 1 < len(matches) and matches[n + 1][1] == last + 1 else None
            if "outcome" in kinds and following is not None and (
                (phrase.endswith(" be") and "process" in self._kinds[following]) or following in _DEPENDING
            ):
                # "should be" + "reported", "will be" + "reviewed": a procedure in the passive, not a result;
                # "costs" + "depend on": what the result hangs on, not the result
                kinds = kinds - {"outcome"}
            elif phrase in _COUNTERFACTUAL and last + 1 < len(tokens) and _is_participle(tokens[last + 1].norm):
                # "you should have waited 24 hours": what ought to have happened, not the result to come,
                # and the sentence's times are of that past
                estimates = []
                continue
            elif phrase == "then" and following is not None and "outcome" in self._kinds[following]:
                continue  # "Then it's yours to keep": in that case, the result; not the next step
            elif "outcome" in kinds and following is not None and "notices" in self._kinds[following]:
                # "you'll get" + "an email", "you'll receive" + "updates": news of the result to come, not the result
                kinds = _TELLING
            for kind in kinds:
                by_kind[kind].append((phrase, first, last))
        if by_kind["step_verbs"] and estimates:
            # "before the 21st": the time's own first words, not a step done before something ("48 hours
            # ahead" is still a step's time)
            starts = {e.start for e in estimates}
            by_kind["step_verbs"] = [match for match in by_kind["step_verbs"] if tokens[match[1]].start not in starts]
        sequence = 0 if _SEQUENCE.isdisjoint(words) else _in_sequence(tokens, positions, words, by_kind["process"])
        asks = _is_question(tokens)
        if asks:
            # the agent asking back ("what can I do for you today?") states no result, whatever words
            # it holds; a step it announces ("we'll need to check first, what's your date of birth?") stays
            by_kind["outcome"] = []
            estimates = []
        if estimates and not by_kind["outcome"] and not self.cues.courtesy.isdisjoint(words):
            estimates = []  # "Thank you for letting us know about Tuesday": a day mentioned, not promised
        if estimates and not by_kind["outcome"] and doc.context:
            # the customer's own figures said back ("So the £15 fee on 2 March came about because...") restate;
            # with a result cue they answer ("yes, you'll receive £315")
            estimates = _not_echoed(estimates, doc.context)
        if estimates and not _CONDITIONS.isdisjoint(words):
            # "If it hasn't arrived within 10 days, call us": the time of the condition, not of the result
            estimates = _outside_conditions(tokens, estimates)
        if estimates and not by_kind["outcome"] and ("have" in words or not _DONE.isdisjoint(words)):
            # "I've submitted yours today": the day of a step the agent has done, not a time for the result
            estimates = _not_done(tokens, estimates)
        if estimates and not _ELAPSING.isdisjoint(words):
            # "It's only been a month", "we sent it 3 days ago": time gone by, not a time for the result
            estimates = _not_elapsed(tokens, estimates)
        short = None if asks else self._short_answer(tokens, positions, words)
        if short is not None:
            by_kind["outcome"].append(short)
        # most sentences hold no instruction verb at all: skip the clause walk for them
        if self.cues.instruction_verbs.isdisjoint(words):
            instructions = []
        else:
            neutral = {i for _, first, last in by_kind["neutral"] for i in range(first, last + 1)}
            instructions = [i for i in self._instructions(tokens) if i not in neutral]
        deferred = bool(by_kind["deferral"]) and bool(by_kind["deferred_telling"])
        walkthrough = bool(by_kind["walkthrough"]) and not asks  # "Here's how: ..." (not "is this what we need?")
        # a short answer ("She has: the letter went out today") is the result; times after it are its
        # details; and a price is what the customer pays or gets, never the time of a step
        # ... unless the step does the result itself ("an engineer will fix it on Thursday")
        timed_step = (
            short is None
            and not by_kind["result_actions"]
            and any(e.kind != "money" for e in estimates)
            and (bool(by_kind["step_verbs"]) or (bool(instructions) and not by_kind["outcome"]))
        )
        if timed_step and by_kind["outcome"] and by_kind["step_verbs"] and not _CONSEQUENCES.isdisjoint(words):
            # "checks usually clear within 6 hours, so you should see it by this evening": a result cue in a
            # "so" clause after every step, with a time after it, gives the result's time
            last_step = max(last for _, _, last in by_kind["step_verbs"])
            result = next((first for _, first, _ in by_kind["outcome"] if first > last_step), None)
            if result is not None and any(tokens[i].norm in _CONSEQUENCES for i in range(last_step + 1, result)):
                after = tokens[result].start
                timed_step = not any(e.kind != "money" and e.start > after for e in estimates)
        evidence: list[tuple[str, int, int, str]] = []
        for kind, rule in (
            ("outcome", "outcome_cue"), ("process", "process_cue"), ("deferral", "deferral"),
            ("walkthrough", "walkthrough"),
        ):
            for phrase, first, last in by_kind[kind]:
                evidence.append((rule, tokens[first].start, tokens[last].end, f"{rule.replace('_', ' ')} {phrase!r}"))
        if estimates:  # what made the time the result's: "fix it" in "an engineer will fix it on Thursday"
            for phrase, first, last in by_kind["result_actions"]:
                detail = f"result action {phrase!r}: the step does the result"
                evidence.append(("result_action", tokens[first].start, tokens[last].end, detail))
        for first in instructions:
            token = tokens[first]
            evidence.append(("instruction", token.start, token.end, f"instruction {token.text!r}"))
        for estimate in estimates:
            if (timed_step or deferred or walkthrough) and estimate.kind != "money":
                detail = f"{estimate.text!r} is the time of a step, not of the result"
                evidence.append(("step_time", estimate.start, estimate.end, detail))
            else:
                evidence.append(("estimate", estimate.start, estimate.end, f"estimate {estimate.text!r}"))
        outcome_weight = len(by_kind["outcome"])
        if by_kind["result_actions"] and any(e.kind != "money" for e in estimates):
            # "I'll refund it today and text you once it's through": the step that does the result, with its
            # time, states the result
            outcome_weight += len(by_kind["result_actions"])
        process_weight = len(by_kind["process"]) + len(instructions)
        # "you'll receive £315, and Finance usually pays within 10 days": the amount is the result
        priced = bool(by_kind["outcome"]) and any(e.kind == "money" for e in estimates)
        if deferred or walkthrough or (timed_step and not priced):
            label = "process_statement"
        elif estimates and (outcome_weight or process_weight <= 1 or not by_kind["process"]):
            label = "outcome_statement"
        elif instructions and not outcome_weight:
            label = "process_statement"
        elif outcome_weight or process_weight:
            # a tie goes to whichever comes first: "Your room will be ready from 11am; before that, use the
            # lounge" leads with the result
            leads = outcome_weight == process_weight and min(first for _, first, _ in by_kind["outcome"]) < min(
                [first for _, first, _ in by_kind["process"]] + instructions
            )
            label = "outcome_statement" if outcome_weight > process_weight or leads else "process_statement"
        else:
            return None
        span = text[sentence.start : sentence.end]
        items = tuple(
            _trusted(Evidence, start=start, end=end, text=text[start:end], rule=rule, weight=1.0, detail=detail)
            for rule, start, end, detail in sorted(evidence, key=lambda item: item[1])
        )
        if label == "process_statement":
            weight = max(2 if walkthrough else 1, len(instructions), sequence)
        else:
            weight = 2 if outcome_weight else 1
        finding = _trusted(
            Finding, start=sentence.start, end=sentence.end, text=span, label=label, score=1.0,
            analyzer=self.name, evidence=items, suggestion=None,
        )
        return finding, weight, 0 if label == "process_statement" else sequence

    def _short_answer(self, tokens: tuple[Token, ...], positions: list[int], words: list[str]) -> Optional[tuple[str, int, int]]:
        """A short answer opening the sentence ("It will!", "Yes, she has: ..."), as a cue match."""
        cues = self.cues
        k = 0
        while k < len(words) and words[k] in cues.short_answer_leaders:
            k += 1
        if k + 1 >= len(words) or words[k] not in cues.short_answer_subjects or words[k + 1] not in cues.short_answer_verbs:
            return None
        if k + 2 < len(words) and words[k + 2] == "not" and positions[k + 2] == positions[k + 1] + 1:
            k += 1  # "It does not: the valuation is extra"
        verb = positions[k + 1]
        after = tokens[verb + 1] if verb + 1 < len(tokens) else None
        if after is not None and after.kind != "punct":
            return None  # "It is being reviewed": a full clause, not a short answer
        if after is not None and "?" in after.text:
            return None
        return (f"{words[k]} {words[k + 1]}", positions[k], verb)

    def _plain_answer(self, doc: Doc) -> Optional[Finding]:
        """With no cue in the reply, its first plain statement answers what the customer asked.

        "Yours is operating as normal." after "Is my flight affected?" states the result; "On the basket
        page, under the summary" after "Where do I enter the code?" gives the way. Courtesy, empathy and
        questions back are not statements of either, and nor is an imperative that is no instruction
        ("Take your time.").
        """
        asked = self._asked(doc) if doc.context is not None else None
        if asked not in ("outcome_question", "process_question"):
            return None
        courtesy = self.cues.courtesy
        label = "outcome_statement" if asked == "outcome_question" else "process_statement"
        what = "a result" if asked == "outcome_question" else "the way to do it"
        for sentence in doc.sentences:
            words = doc.sentence_words(sentence)[1]
            if len(words) < 3 or _is_question(doc.sentence_tokens(sentence)) or not courtesy.isdisjoint(words):
                continue
            if words[0] in self.cues.instruction_verbs:
                continue  # an imperative here is comfort ("Take your time."): a real instruction was a cue
            span = doc.text[sentence.start : sentence.end]
            evidence = _trusted(
                Evidence, start=sentence.start, end=sentence.end, text=span, rule="plain_answer", weight=1.0,
                detail=f"the first plain statement after a {asked.replace('_', ' ')}: read as {what}",
            )
            return _trusted(
                Finding, start=sentence.start, end=sentence.end, text=span, label=label, score=1.0,
                analyzer=self.name, evidence=(evidence,), suggestion=None,
            )
        return None

    def _instructions(self, tokens: tuple[Token, ...]) -> list[int]:
        """Indexes of imperative verbs opening a clause ("Log in, go to Settings and choose 'Paper'")."""
        verbs = self.cues.instruction_verbs
        found = []
        clause_start = True
        for i, token in enumerate(tokens):
            if token.kind == "punct":
                clause_start = clause_start or token.text in _CLAUSE_BREAKS
                continue
            norm = token.norm
            if clause_start and norm in _LEADERS:
                continue
            if clause_start and norm in verbs:
                found.append(i)
            clause_start = norm in ("and", "then", "or")
        return found

    def _asked(self, doc: Doc) -> Optional[str]:
        """The question type of the customer message given as context (``None`` without context)."""
        question = doc.context_doc
        if question is None:
            return None
        if question.question_type is None:
            question.question_type = self._questions.message_type(question)
        return question.question_type

    def _check(self, doc: Doc, findings: list[Finding], estimates: tuple[Estimate, ...]) -> Optional[Finding]:
        """A process-only reply to an outcome question: the ``outcome_first_violation`` finding."""
        if doc.context is None or doc.answer_style != "process":
            return None
        question = doc.context_doc
        # the customer's first outcome question, for the explanation (one reading of the message)
        asked = self._questions.outcome_question(question)
        if asked is None:
            return None
        first = findings[0]
        asked_text = question.text[asked.start : asked.end]
        suggestion = _opening(estimates, question, self.cues.openings)
        evidence = (
            _trusted(
                Evidence, start=first.start, end=first.end, text=first.text, rule="process_answer", weight=1.0,
                detail=f"the customer asked for an outcome ({asked_text!r}); the reply only describes a process",
            ),
        )
        return _trusted(
            Finding, start=first.start, end=first.end, text=first.text, label="outcome_first_violation",
            score=1.0, analyzer=self.name, evidence=evidence, suggestion=suggestion,
        )


# a preposition leading an estimate ("on 2 March", "in 3 days"), dropped to find it in the customer's words
_LEADS = ("on ", "in ", "by ", "for ", "at ", "about ", "around ")


def _not_echoed(estimates: list[Estimate], context: str) -> list[Estimate]:
    """The estimates that do not repeat a figure of the customer's message given as context."""
    asked = context.lower()
    kept = []
    for estimate in estimates:
        said = estimate.text.lower()
        for lead in _LEADS:
            if said.startswith(lead):
                said = said[len(lead):]
                break
        if said not in asked:
            kept.append(estimate)
    return kept


# Words that put steps in sequence: "First we send you the pack; then we order searches", "Next, your
# solicitor checks the title" (`_in_sequence`)
_SEQUENCE = frozenset(("first", "then", "next"))
# ... but not a time: "before then", "until then", "from then on", "by then"
_TIME_PREPOSITIONS = frozenset(("before", "until", "till", "til", "since", "by", "from", "than", "after"))
_NOT_A_STEP = frozenset(
    ("a", "an", "the", "no", "another", "nothing", "one", "two", "three", "four", "five", "six", "seven", "eight",
     "nine", "ten", "several", "weeks", "days", "months", "hours")
)
_SEQUENCE_SUBJECTS = frozenset((",", "we", "you", "i", "they", "we'll", "you'll", "i'll", "they'll"))


def _in_sequence(
    tokens: tuple[Token, ...], positions: list[int], words: list[str], process: list[tuple[str, int, int]]
) -> int:
    """The number of words in a sentence that put its steps in sequence; a clause-opening "Next," becomes a
    process cue in ``process``.

    "then" before a step, not after a time word ("until then"), before a thing that happened ("six weeks and
    then a torn arm", "then no reply") nor after "if" ("if it's in your name then you're covered"), and not
    a "Then" before a result (`_sentence` drops that match); "first" or "next" opening a clause before a
    comma or a subject ("First we send you...", "Next, your solicitor..."), not "first thing Monday" nor
    "next week". "then" and "first" are process cues already: only their matches are looked at.
    """
    count = 0
    # the token index of the first "if" or "unless", looked for only when the sentence has one
    condition = len(tokens)
    if not _CONDITIONS.isdisjoint(words):
        condition = next(i for i, token in enumerate(tokens) if token.norm in _CONDITIONS)
    for phrase, at, _ in process:
        if phrase == "then":
            following = tokens[at + 1] if at + 1 < len(tokens) else None
            count += (
                at < condition
                and (at == 0 or tokens[at - 1].norm not in _TIME_PREPOSITIONS)
                and following is not None
                and following.norm not in _NOT_A_STEP
                and following.kind != "number"
            )
        elif phrase == "first":
            count += _opens_steps(tokens, at)
    k = -1
    while "next" in words[k + 1 :]:
        k = words.index("next", k + 1)
        if _opens_steps(tokens, positions[k]):
            process.append(("next", positions[k], positions[k]))
            count += 1
    return count


def _opens_steps(tokens: tuple[Token, ...], at: int) -> bool:
    """Whether "first" or "next" at ``tokens[at]`` opens a clause of steps: "First we send...", "Next, your
    solicitor..."."""
    return (
        (at == 0 or tokens[at - 1].kind == "punct")
        and at + 1 < len(tokens)
        and tokens[at + 1].norm in _SEQUENCE_SUBJECTS
    )


_CONDITIONS = frozenset(("if", "unless"))
# words that open the result a step leads to: "..., so you should see it by this evening"
_CONSEQUENCES = frozenset(("so", "meaning", "means"))


def _outside_conditions(tokens: tuple[Token, ...], estimates: list[Estimate]) -> list[Estimate]:
    """The estimates (in text order) that do not lie in an "if"/"unless" clause (from the word to the next
    comma). One walk over the tokens for all of them: a walk per estimate was quadratic in a long sentence."""
    kept = []
    inside = False
    k = 0
    count = len(tokens)
    for estimate in estimates:
        while k < count and tokens[k].start < estimate.start:
            token = tokens[k]
            if token.norm in _CONDITIONS:
                inside = True
            elif token.kind == "punct" and token.text in (",", ";", ":", "—", "–"):
                inside = False
            k += 1
        if not inside:
            kept.append(estimate)
    return kept


# "been", "waited" before a time, or "ago" after it, make it time gone by (`_not_elapsed`); words between
# "been" and the time that leave it so ("it's only been a month", "we've been waiting nearly two weeks")
_ELAPSING = frozenset(("been", "waited", "waiting", "ago"))
_ELAPSED_BEFORE = frozenset(("been", "waited", "waiting"))
_ELAPSED_FILLERS = frozenset(("only", "just", "nearly", "almost", "already", "now", "for", "well", "waiting", "a"))


def _not_elapsed(tokens: tuple[Token, ...], estimates: list[Estimate]) -> list[Estimate]:
    """The estimates (in text order) that are not time gone by: after "been" or "waited", or before "ago"."""
    kept = []
    k = 0
    count = len(tokens)
    for estimate in estimates:
        while k < count and tokens[k].start < estimate.start:
            k += 1
        before = k - 1
        while before >= 0 and tokens[before].norm in _ELAPSED_FILLERS and tokens[before].norm not in _ELAPSED_BEFORE:
            before -= 1
        after = k
        while after < count and tokens[after].start < estimate.end:
            after += 1
        elapsed = (before >= 0 and tokens[before].norm in _ELAPSED_BEFORE) or (
            after < count and tokens[after].norm == "ago"
        )
        if not elapsed:
            kept.append(estimate)
    return kept


# "I've", "we have": the agent's own step, done; the day it was done on (`_not_done`)
_DONE = frozenset(("i've", "we've", "ive"))
_DONE_SUBJECTS = frozenset(("i", "we"))
_DONE_ADVERBS = frozenset(("just", "already", "now", "also", "personally"))
_PLANNED = frozenset(("to", "for", "will", "'ll"))
_DONE_BREAKS = frozenset((",", ";", ":", "—", "–", "-"))
_DONE_DAYS = frozenset(("today", "this morning", "this afternoon", "earlier today", "this evening"))


def _not_done(tokens: tuple[Token, ...], estimates: list[Estimate]) -> list[Estimate]:
    """The estimates that are not the day of a step the agent has done: "I've submitted it today", "we have
    just chased them this morning" ("I've" or "we have", then a past participle, in the day's clause; not
    "we've got a tech going out today", an arrangement, nor "I've asked them to deliver it today", where the
    day is of what is to come)."""
    kept = []
    for estimate in estimates:
        if estimate.text.lower() not in _DONE_DAYS:
            kept.append(estimate)
            continue
        k = next((i for i, token in enumerate(tokens) if token.start >= estimate.start), len(tokens)) - 1
        done = False
        while k >= 0 and not (tokens[k].kind == "punct" and tokens[k].text in _DONE_BREAKS):
            norm = tokens[k].norm
            if norm in _PLANNED:
                break  # "I've asked the courier to deliver it today": the day of what is to come
            if norm in _DONE or (norm == "have" and k > 0 and tokens[k - 1].norm in _DONE_SUBJECTS):
                after = k + 1
                while after < len(tokens) and tokens[after].norm in _DONE_ADVERBS:
                    after += 1
                done = after < len(tokens) and _is_participle(tokens[after].norm)
                break
            k -= 1
        if not done:
            kept.append(estimate)
    return kept


_PAST_IFS = frozenset(("you'd", "we'd", "i'd", "they'd", "he'd", "she'd"))


def _outside_counterfactuals(
    tokens: tuple[Token, ...], matches: list[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """The cue matches outside an "if you'd..." / "if you had..." clause (from "if" to the next comma).

    "If you'd sent the proof when we asked, it would've been on sooner, but it's there now": what would
    have happened, not a step of the answer.
    """
    inside: set[int] = set()
    clause = False  # one walk, as in `_outside_conditions`: a long sentence stays linear
    count = len(tokens)
    for i, token in enumerate(tokens):
        if token.kind == "punct" and token.text in (",", ";", "—", "–"):
            clause = False
        elif token.norm == "if" and i + 1 < count:
            following = tokens[i + 1].norm
            clause = clause or following in _PAST_IFS or (
                following in ("you", "we", "i", "they") and i + 2 < count and tokens[i + 2].norm == "had"
            )
        if clause:
            inside.add(i)
    return [match for match in matches if match[1] not in inside] if inside else matches


def _is_participle(word: str) -> bool:
    """Whether ``word`` reads as a past participle ("waited", "been", "told"), as after "should have"."""
    return word in _PARTICIPLES or (word.endswith("ed") and len(word) > 3)


def _is_question(tokens: tuple[Token, ...]) -> bool:
    """Whether a sentence ends with a question mark."""
    last = tokens[-1]
    return last.kind == "punct" and "?" in last.text


def _opening(estimates: tuple[Estimate, ...], question: Optional[Doc], openings: dict[str, str]) -> str:
    """An outcome-first opening built from the reply's own estimate, or a template with a placeholder.

    The template follows the question: a time for "when", an amount for "how much", a decision for
    "whether" ("Is it covered?").
    """
    timed = [estimate for estimate in estimates if estimate.kind in ("duration", "deadline")]
    for estimate in timed or estimates:
        return "Lead with the outcome: " + openings[estimate.kind].replace("{text}", estimate.text)
    words = {token.norm for token in question.tokens} if question is not None else set()
    # "how much is the fee" asks for an amount; "when will my refund arrive" for a time
    if words & _AMOUNT_WORDS:
        asked = "amount"
    else:
        asked = "time" if words & _TIME_WORDS else "amount" if words & _MONEY_WORDS else "decision"
    return "Lead with the outcome: " + openings[asked]
