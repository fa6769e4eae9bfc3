"""What the customer asks: an outcome (when, whether, how much), a process (how to), or nothing.

PLAYBOOK idea 4 starts here: a reply can only be judged outcome-first once we know the customer asked
about an outcome. Each sentence that asks something becomes a finding (``outcome_question`` or
``process_question``) with the cue that decided it; the message is an outcome question if any sentence
is one, else a process question if any sentence is one, else ``not_a_question``.

A sentence asks when it ends in "?", opens like a question ("when will it arrive"), or asks indirectly
("I need to know if my card will come this week"). Rhetorical complaints ("why is this so hard?!")
vent rather than ask, and are not questions: some are set phrases, most are found by their shape, a
question about someone else's failing asked with emphasis ("who on earth approved this?", "is anyone
actually reading these?"; see `QuestionTypeAnalyzer._vents`). A question about the customer's own case
stays a question however angry ("where on earth is my refund?"). Cue phrases are data
(``data/question_cues.toml``).

Learned word weights (`cxcoach.learned.LearnedQuestionTypes`, ``data/question_weights.toml``) read a
second time the questions the rules read from their shape alone, and their label wins where it differs,
reaches their threshold, and the rules have not decided (see `QuestionTypeAnalyzer._learned_reading`): a
jibe in words no rule has seen ("What planet is your billing team on?") asks nothing, and "what is needed
for the visa renewal, is it the same as last year" asks for a step. A changed type says so in its
evidence, with the words that weighed most.

Examples:
    >>> import cxcoach
    >>> cxcoach.analyze("I need to know if my card will arrive this week").question_type
    'outcome_question'
    >>> cxcoach.analyze("How do I reset my password?").question_type
    'process_question'
    >>> cxcoach.analyze("Why is this so hard?!").question_type
    'not_a_question'
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterator, Literal, Optional

from .learned import Contribution, LearnedQuestionTypes, contribution_evidence
from .models import Evidence, Finding, _trusted
from .phrases import PhraseMatcher, tag_phrases
from .resources import QuestionCues, QuestionWeights, load_question_cues
from .text import _EMOJI_BASE, Doc, Sentence, Token

__all__ = ["QuestionTypeAnalyzer", "QuestionType"]

QuestionType = Literal["outcome_question", "process_question", "not_a_question"]
"""What a message asks."""

# Words a question may open with before its real opener ("So when will it arrive?").
_FILLERS = frozenset(
    ("so", "and", "but", "ok", "okay", "hi", "hello", "hey", "also", "just", "um", "uh", "erm", "er", "yeah", "well",
     "sorry", "ps", "btw", "please", "pls", "plz", "anyway", "anyways")
)
# Where a sentence may hold a second clause: one search instead of a find per mark. A colon introduces
# the question ("quick one: which plan has SSO?"); a full stop inside a sentence is one the tokenizer
# kept because a lower-case word follows ("it's thurs. is he coming"). In chat an emoji ends a clause
# as a full stop would ("loving the new bikes 🚲 any chance of a dock near the station??"), and so does a
# dash ("I'm moving to another network — do I keep my number?"). A sentence not ending in "." or "!" (speech
# written down, chat) asks after "so" too ("the doctor said they'd ring but nobody has so um are they back yet"),
# and at a question word with an auxiliary next ("the barrier won't lift who do I call": `_may_run_on`, a word
# test, measured three times cheaper than an alternation of those words in this pattern).
_CLAUSE_MARK = re.compile(r"[,;:–—" + _EMOJI_BASE + r"]|\. | - | (?:and|or|but) ", re.IGNORECASE)
_SPOKEN_CLAUSE_MARK = re.compile(_CLAUSE_MARK.pattern + "| so ", re.IGNORECASE)
_WH_WORDS = frozenset(
    ("what", "when", "where", "which", "who", "whom", "whose", "why", "how", "wen", "wat", "wht", "hw", "whats",
     "what's", "where's", "when's", "how's", "who's", "wheres", "whens")
)
_OR_NOT = ["or", "not"]
# "where is it" read as a place; `_in_transit` decides whether it asks where a missing thing has got to
_WHERE_IS = frozenset((("process_question", "where is"), ("process_question", "where's")))
_WHERE_IS_IT = (["is", "it"], ["where's", "it"])
# Chat spellings of question words that are also names: "Wen" alone on a line, with a capital and no "?",
# signs an email off.
_NAME_SPELLINGS = frozenset(("wen", "wat"))
# Open questions asking which/what/where/who, with no outcome cue, ask for information to act on.
_INFORMATION_OPENERS = frozenset(
    ("what", "which", "where", "who", "whom", "whose", "whats", "wat", "wht", "what's", "who's", "which's")
)
# Outcome cues that only ask when they open a yes/no question ("is my parcel coming?"); after a
# question word they are part of an information question ("who is my account manager?").
_YES_NO_CUES = frozenset(("is my", "are my", "has my", "have my", "did my"))
# Rhetorical complaints are mostly questions about someone else's failing, asked with emphasis. The
# rules (`_vents`) need to know who the question is about:
# - the customer: a question with one of these words is about their own case, and stays a question
#   however angry ("why on earth was I charged twice?", "where on earth is my refund?");
_FIRST_PERSON = frozenset(
    ("i", "i'm", "im", "i've", "ive", "i'd", "i'll", "me", "my", "mine", "myself", "we", "we're", "we've",
     "we'd", "we'll", "our", "ours", "us")
)
# - the company addressed: a yes/no question to it with emphasis accuses ("do you honestly expect me to
#   pay?", "does your team even read these?");
_ADDRESSEES = frozenset(("you", "your", "u", "ur", "yall", "y'all"))
# - nobody in particular: "how is anyone supposed to...", "why does nobody answer", "is anybody
#   actually reading these?" doubt that anyone does their job ("someone" asks for help: "can someone call me?");
_NOBODY = frozenset(("anyone", "anybody", "nobody", "noone"))
# questions about when and where are about the customer's result, emphasis or not ("when on earth is
# the engineer coming??")
_STATUS_WORDS = frozenset(("when", "wen", "where", "when's", "where's", "whens", "wheres"))
# the wh-words a vent opens with ("how does a hospital lose an x-ray??", "who packs these orders?")
_VENT_WORDS = frozenset(("how", "why", "who", "what", "how's", "who's", "what's", "whats", "wat", "hw"))
# auxiliaries: after "who" they ask about a person ("who do I call", "who is my manager"); a content verb
# there ("who packs these", "who approved this") asks who is to blame
_AUXILIARIES = frozenset(
    ("is", "are", "was", "were", "do", "does", "did", "can", "could", "should", "will", "would", "has", "have",
     "had", "may", "might", "must", "shall", "'s", "'re")
)
_POINTERS = frozenset(("this", "these", "that", "those"))
# openers asking what someone does or did, as a habit or a record ("do you ever", "have you actually")
_HABITS = frozenset(("do", "does", "did", "have", "has", "had"))
# "how is it taking three weeks?": a how-question about how long someone else's job takes is a wonder
# at the delay, not a request for the method
_TAKING = frozenset(("taking", "taken", "took"))
# "why does every single visit end in a queue?", "why do recruiters always go silent?": asked of what
# happens every time, "why" wonders at a pattern instead of asking for a cause (`_every_time`)
_EVERY = frozenset(("always", "every"))
_VENT_HINTS = _NOBODY | _POINTERS | _TAKING | _EVERY
# "what kind of X comes with it?": verbs of what a product or plan comes with ask which option (`_judges`)
_FITTING = frozenset(
    ("come", "comes", "apply", "applies", "fit", "fits", "suit", "suits", "go", "goes", "work", "works")
)
# "Can't wait", "Didn't work", "Isn't working": a negative auxiliary opens a question only with its
# subject next ("can't you refund it", "don't I need a form"); without one it is a statement that dropped
# its "I" or "it", common in chat
_NEGATIVE_OPENERS = frozenset(
    ("isn't", "aren't", "won't", "can't", "don't", "doesn't", "didn't", "wasn't", "weren't", "haven't", "hasn't",
     "shouldn't", "wouldn't", "couldn't")
)
_MODALS = frozenset(("will", "would", "can", "could", "should", "shall", "may", "might", "must"))
_SUBJECTS = frozenset(
    ("i", "you", "u", "we", "they", "he", "she", "it", "this", "that", "there", "my", "your", "ur", "our", "his",
     "her", "their", "the", "a", "an", "these", "those", "anyone", "anybody", "someone", "somebody", "its")
)
# A yes/no question about what a step requires is a process question, whoever must do it: "does the
# form have to be signed by both of us?", "does my partner need to be there?", "do the copies need to be
# certified?" (`_step`)
_REQUIRING = frozenset(("do", "does"))
_NEEDS = frozenset(("need", "needs"))
_MUSTS = frozenset(("have", "has", "got"))
# ... but what a thing needs is its state, a result ("does it need a new battery?", "does the boiler need
# replacing?", "does my photo need changing?")
_THINGS = frozenset(("it", "this", "that"))
_REPAIRS = frozenset(("new", "replacement", "repair", "repairs"))
# ... and one asking whether "I" or "we" may do a step by some means: "can I pay by card?" (`_step`)
_DOERS = frozenset(("i", "we"))
# the lists a cue phrase is in, as bits
_RHETORICAL, _INDIRECT, _COURTESY, _EMPHASIS, _JUDGING, _ANNOUNCING = 1, 2, 4, 8, 16, 32
# how loud a question is: "??", "?!", an emphasis word ("even"), a word some vents need ("anyone", "these");
# and whether the sentence has a "?" at all
_DOUBLED, _EXCLAIMED, _EMPHATIC, _HINTED, _ASKED = 1, 2, 4, 8, 16
# "When I rang on Monday I was told...": a subject right after "when", "where", "which"... subordinates,
# unless one of these follows it ("when I will get my refund", "where I can find the form": non-native
# questions)
_CLAUSE_SUBJECTS = frozenset(("i", "we", "you", "he", "she", "they", "it", "u"))
# ... and so does a noun phrase with no auxiliary or modal in its next three words ("When the driver dropped
# the car off he said...", "and when the bill came it was double."; "When the new card will arrive." asks)
_DETERMINERS = frozenset(
    ("the", "a", "an", "my", "our", "your", "his", "her", "their", "this", "that", "these", "those")
)
# A sentence that opens with an auxiliary and its subject asks, even when it ends with a full stop ("Are the
# results out yet.", "Has the caseworker decided, yes or no."). Not "can", "could", "would": those open
# requests ("Could you send it again."); and not before "a" or "an" ("Have a nice day.") nor "that" or "this",
# in chat often the object of a verb whose subject is dropped ("Did that already, no luck.").
_INVERTING = frozenset(("is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "will"))
_INVERTED_SUBJECTS = _SUBJECTS - {"a", "an", "that", "this"}
_SUBORDINATORS = frozenset(("when", "wen", "where", "which", "what", "wat", "who"))
_QUESTION_VERBS = frozenset(
    ("will", "can", "could", "should", "would", "may", "might", "must", "shall", "cannot", "can't", "won't", "need",
     "needs")
)
# A fragment ending in one of these asks for the result however loud ("scheduled for when??")
_ECHOED_STATUS = frozenset(("when", "wen", "where"))
# A fragment that asks for status however loud ("fixed yet??", "ETA??"); other loud fragments exclaim
_STATUS_FRAGMENTS = frozenset(("yet", "eta", "status"))
# How `QuestionTypeAnalyzer._label` reads one sentence: ``(read, vents, fragment)``
_Reading = tuple[Optional[tuple[str, str, bool]], bool, bool]
# A sentence or clause that vents (not a question); distinct from ``None`` (asks nothing, says nothing).
_VENT = ("not_a_question", "", False, False)
# What the learned weights said of a question whose type they changed: their probability and evidence
_Learned = Optional[tuple[float, list[Contribution]]]
# The cue lists and openers the rules weigh a question's venting by: where one is there, they have decided
_VENT_LISTS = frozenset(("intensifiers", "doubt", "neglect", "judging", "announcing", "weighed"))
_WEIGHED_OPENERS = _NEGATIVE_OPENERS | {"who"}


class QuestionTypeAnalyzer:
    """Assigns ``doc.question_type`` and emits a finding per question sentence.

    Args:
        cues: Cue phrases (default: ``data/question_cues.toml``).
        learned: Learned word weights (`cxcoach.learned`) that read each question a second time and
            change its type when they disagree with enough confidence: ``True`` for the built-in
            weights, a `QuestionWeights` for your own, ``False`` for the rules alone.
    """

    name = "question_type"
    labels = frozenset({"outcome_question", "process_question"})
    assigns = ("question_type",)

    def __init__(self, cues: Optional[QuestionCues] = None, learned: QuestionWeights | bool = True) -> None:
        self.cues = cues or load_question_cues()
        self._learned_weights = learned
        self._learned: Optional[LearnedQuestionTypes] = None  # loaded on first use
        # one matcher for all cue lists, so a sentence is scanned once; a phrase may be in several lists
        lists = (
            "rhetorical", "indirect", "process", "outcome", "intensifiers", "doubt", "courtesy", "neglect", "judging",
            "means", "announcing", "weighed",
        )
        self._kinds = tag_phrases({kind: getattr(self.cues, kind) for kind in lists})
        self._cues = PhraseMatcher(self._kinds)
        # the lists a phrase is in, as bits: one pass over a sentence's matches tells what it holds
        bits = {
            "rhetorical": _RHETORICAL, "indirect": _INDIRECT, "courtesy": _COURTESY, "intensifiers": _EMPHASIS,
            "doubt": _EMPHASIS, "judging": _JUDGING, "announcing": _ANNOUNCING,
        }
        self._flags = {phrase: sum({bits[kind] for kind in kinds if kind in bits}) for phrase, kinds in self._kinds.items()}
        # the cues that decide a question's type by their words; the learned weights leave those readings alone
        self._typed = frozenset(
            phrase for phrase, kinds in self._kinds.items() if "outcome" in kinds or "process" in kinds
        )
        # a statement asks only through an indirect cue: without one of their first words, skip matching
        self._indirect_starts = frozenset(phrase.split(" ")[0] for phrase, kinds in self._kinds.items() if "indirect" in kinds)

    def analyze(self, doc: Doc) -> tuple[Finding, ...]:
        """Classify each sentence; set ``doc.question_type`` for the message."""
        reads = list(self._reads(doc))
        findings = [self._finding(doc, sentence, read, learned) for sentence, read, learned in reads]
        labels = {finding.label for finding in findings}
        if "outcome_question" in labels:
            doc.question_type = "outcome_question"
        elif "process_question" in labels:
            doc.question_type = "process_question"
        else:
            doc.question_type = "not_a_question"
        # kept for `outcome_question`: a reply given this message as its context reads it without a second reading
        first = next((sentence for sentence, read, _ in reads if read[0] == "outcome_question"), None)
        doc._outcome_question = (doc.question_type, first)
        return tuple(findings)

    def message_type(self, doc: Doc) -> QuestionType:
        """The message's question type alone, without findings (stops at the first outcome question)."""
        if doc.question_type is not None:
            return doc.question_type
        return self._first_outcome(doc)[0]

    def outcome_question(self, doc: Doc) -> Optional[Sentence]:
        """The first sentence of ``doc`` that asks for an outcome, or ``None`` when none does; one reading
        of the message, which also sets ``doc.question_type`` if it was not set."""
        if doc.question_type not in (None, "outcome_question"):
            return None
        # read already (by `analyze`, or by `_first_outcome` for `message_type`), or read now
        question_type, sentence = doc._outcome_question or self._first_outcome(doc)
        doc.question_type = doc.question_type or question_type
        return sentence

    def _first_outcome(self, doc: Doc) -> tuple[QuestionType, Optional[Sentence]]:
        """The message's question type and its first outcome question, reading up to that question; both are
        kept on the Doc for `outcome_question`."""
        result: tuple[QuestionType, Optional[Sentence]] = ("not_a_question", None)
        for sentence, read, _ in self._reads(doc):
            if read[0] == "outcome_question":
                result = ("outcome_question", sentence)
                break
            result = ("process_question", None)
        doc._outcome_question = result
        return result

    def classify(self, doc: Doc, sentence: Sentence) -> Optional[Finding]:
        """The finding for one sentence, or ``None`` when it asks nothing.

        A sentence may join questions ("how do I export it, and how long does it take?"): each clause
        is read, and the sentence asks for an outcome if any clause does. A question fragment is read
        with the sentences either side of it (see `_reads`).
        """
        read, _, fragment = self._label(doc, sentence)
        if read is None:
            return None
        if fragment:
            sentences = doc.sentences
            index = bisect_left(sentences, sentence)
            before = self._label(doc, sentences[index - 1]) if index > 0 else None
            after = self._label(doc, sentences[index + 1]) if index + 1 < len(sentences) else None
            read = _resolve_fragment(read, before, after)
            if read is None:
                return None
        read, learned = self._second_reading(doc, sentence, read)
        return None if read is None else self._finding(doc, sentence, read, learned)

    def _reads(self, doc: Doc) -> Iterator[tuple[Sentence, tuple[str, str, bool], _Learned]]:
        """Each sentence that asks, with its reading ``(label, cue, indirect)`` and what the learned weights
        said if they changed its type (see `_learned_reading`), in order.

        A fragment ("A £25 fee?", "her adoption papers?") is read with its neighbours (`_resolve_fragment`),
        so the next sentence is read one step early and kept for its own turn.
        """
        sentences = doc.sentences
        before = upcoming = None
        for index, sentence in enumerate(sentences):
            current = upcoming or self._label(doc, sentence)
            upcoming = None
            read, _, fragment = current
            if read is not None and fragment:
                if index + 1 < len(sentences):
                    upcoming = self._label(doc, sentences[index + 1])
                read = _resolve_fragment(read, before, upcoming)
            before = current
            if read is not None:
                read, learned = self._second_reading(doc, sentence, read)
                if read is not None:
                    yield sentence, read, learned

    def _in_transit(self, doc: Doc, sentence: Sentence) -> Optional[str]:
        """The word that makes "where is it?" in ``sentence`` ask where a thing on its way or missing has
        got to: the clause ends with "it", and the message up to there names the thing in transit
        ("pending", "delivered", "tracking"). ``None`` when it asks for a place ("can't find the returns
        page. Where is it?", "where is it on the site?")."""
        words = doc.sentence_words(sentence)[1]
        # the clause ends with "it" (or "it now"): "where is it on the map?" asks for a place
        ends = ([], ["now"])
        if not any(words[i:i + 2] in _WHERE_IS_IT and words[i + 2:i + 3] in ends for i in range(len(words) - 1)):
            return None
        transit = self.cues.in_transit
        for earlier in doc.sentences:
            if earlier.start > sentence.start:
                break
            found = transit.intersection(doc.sentence_words(earlier)[1])
            if found:
                return min(found)
        return None

    def _second_reading(
        self, doc: Doc, sentence: Sentence, read: tuple[str, str, bool]
    ) -> tuple[Optional[tuple[str, str, bool]], _Learned]:
        """A question the rules read, read a second time: by the message around "where is it?" (see
        `_in_transit`), and by the learned weights (see `_learned_reading`)."""
        if read[:2] in _WHERE_IS:
            transit = self._in_transit(doc, sentence)
            if transit:
                return ("outcome_question", f"{read[1]} it, after {transit!r}", read[2]), None
        return self._learned_reading(doc, sentence, read)

    def _learned_reading(
        self, doc: Doc, sentence: Sentence, read: tuple[str, str, bool]
    ) -> tuple[Optional[tuple[str, str, bool]], _Learned]:
        """A question the rules read, as the learned weights read it: ``(read, learned)``.

        Where the weights' likeliest label differs from the rules' and reaches their threshold, it wins:
        ``not_a_question`` drops the question (``read`` is ``None``); another type replaces the rules',
        and ``learned`` holds the weights' probability and evidence. The rules' reading stands where:

        - a cue phrase that names an outcome or a process decided it ("ETA?", "where is my", "do I need to");
        - the rules read a clause after a colon ("quick one: which plan has SSO?"): the weights would read
          the words before it too;
        - it is a yes/no question ("Is this the latest firmware?"): it asks whether, and the weights took a
          quarter of a probe of plain ones for vents;
        - the weights change the type of a sentence that does not open with a question word;
        - the weights call a vent a question about the customer's own case ("what's happened to my
          order??"), or one the rules weighed for venting already (an emphasis or doubt word, "what kind
          of", "supposed to", a negative opener, "who": see `_vents`).
        """
        model = self._learned_model()
        if model is None or read[1] in self._typed or doc.text.find(":", sentence.start, sentence.end) >= 0:
            return read, None
        positions, words = doc.sentence_words(sentence)
        opener = next((word for word in words if word not in _FILLERS), "")
        wh = opener in _WH_WORDS
        if not wh and opener in self.cues.openers:
            return read, None  # a yes/no question: no need to ask the weights
        second = model.read(doc.sentence_tokens(sentence), read[0])
        if second is None:
            return read, None
        label, probability, contributions = second
        if label != "not_a_question":
            return ((label, read[1], read[2]), (probability, contributions)) if wh else (read, None)
        if not _FIRST_PERSON.isdisjoint(words) or opener in _WEIGHED_OPENERS or any(
            self._kinds[phrase] & _VENT_LISTS for phrase, _, _ in self._cues.find_in_words(positions, words)
        ):
            return read, None
        return None, None

    def _learned_model(self) -> Optional[LearnedQuestionTypes]:
        if self._learned is None and self._learned_weights is not False:
            weights = self._learned_weights
            self._learned = LearnedQuestionTypes(weights if isinstance(weights, QuestionWeights) else None)
        return self._learned

    def _finding(self, doc: Doc, sentence: Sentence, read: tuple[str, str, bool], learned: _Learned = None) -> Finding:
        label, cue, indirect = read
        text = doc.text
        span = text[sentence.start : sentence.end]
        how = "indirect question" if indirect else "question"
        if learned is None:
            evidence = (
                _trusted(
                    Evidence, start=sentence.start, end=sentence.end, text=span, rule=label, weight=1.0,
                    detail=f"{how}; cue {cue!r}",
                ),
            )
            score = 1.0
        else:
            # the rules found the question, the weights its type: the evidence says both
            probability, contributions = learned
            score = round(probability, 3)
            evidence = (
                _trusted(
                    Evidence, start=sentence.start, end=sentence.end, text=span, rule=label, weight=score,
                    detail=f"{how}; cue {cue!r}; learned weights read it as {label} (p={score:.2f})",
                ),
                *contribution_evidence(text, doc.sentence_tokens(sentence), contributions),
            )
        return _trusted(
            Finding, start=sentence.start, end=sentence.end, text=span, label=label, score=score,
            analyzer=self.name, evidence=evidence, suggestion=None,
        )

    def _label(self, doc: Doc, sentence: Sentence) -> tuple[Optional[tuple[str, str, bool]], bool, bool]:
        """``(read, vents, fragment)`` for one sentence on its own.

        ``read`` is ``(label, cue, indirect)`` when the sentence asks, else ``None``; ``vents`` says it
        is a rhetorical complaint; ``fragment`` that it asks only through "?" on words that do not open
        like a question ("A £25 fee for a letter?"), which a neighbouring vent turns into venting.
        """
        text = doc.text
        tokens = doc.sentence_tokens(sentence)
        positions, words = doc.sentence_words(sentence)
        if not positions:
            return None, False, False
        marked = text.find("?", sentence.start, sentence.end) >= 0
        if not marked and words[-2:] == _OR_NOT:
            # "so do i get the £18.40 back or not.": after a question's opener, a closing "or not" asks as "?" does
            marked = next((word for word in words if word not in _FILLERS), "") in self.cues.openers
        if len(words) == 1 and not marked and words[0] in _NAME_SPELLINGS and tokens[positions[0]].text.istitle():
            return None, False, False  # a name signing off ("Thank you.\n\nWen"), not "when"
        ends_statement = tokens[-1].kind == "punct" and tokens[-1].text[0] in ".!"
        # the token index of an auxiliary and its subject opening the sentence (see `_INVERTING`), else -1
        inverted = -1
        if not marked and ends_statement:
            lead = 0
            while lead < len(words) - 1 and words[lead] in _FILLERS:
                lead += 1
            if words[lead] in _INVERTING and lead + 1 < len(words) and words[lead + 1] in _INVERTED_SUBJECTS:
                inverted = positions[lead]
        # most sentences of a reply: a statement asks only through an indirect cue, a clause opening with a
        # question word ("Tell me when...", "..., when will it come.") or an auxiliary and its subject
        statement = not marked and ends_statement and inverted < 0 and _WH_WORDS.isdisjoint(words)
        if statement and self._indirect_starts.isdisjoint(words):
            return None, False, False  # no indirect cue can match: skip the cue search
        found = self._cues.find_in_words(positions, words)
        flags = self._flags
        seen = 0
        for match in found:
            seen |= flags[match[0]]
        if seen & _RHETORICAL and not (marked and _splits(text, sentence, ends_statement)):
            # a complaint in question form; in a "?" sentence of several clauses, only its own clause vents
            # (see the clause walk below)
            return None, True, False
        if seen & _ANNOUNCING and _announces(found, positions, words, flags, self.cues.openers):
            return None, False, False  # "Just so you know, the light went red yesterday?": tells, with a rising tone
        if statement and (not seen & _INDIRECT or seen & _COURTESY):
            return None, False, False  # asks nothing, or offers: "Let me know if you need anything else."
        if (
            not marked and ends_statement and inverted < 0 and not seen & (_INDIRECT | _EMPHASIS)
            and not _wh_may_open(positions, words)
        ):
            # "We'll call you when it's fixed.": with no "?" and no indirect cue, only a clause opening with a
            # question word asks, and none does; skip the clause walk
            return None, False, False
        kinds = self._kinds
        if seen & _EMPHASIS:
            # match the cues as if the emphasis were not there: "how exactly do I" asks like "how do I",
            # "where on earth is my refund" like "where is my"
            emphasis = [match for match in found if flags[match[0]] & _EMPHASIS]
            dropped = {i for _, first, last in emphasis for i in range(first, last + 1)}
            kept = [i for i, position in enumerate(positions) if position not in dropped]
            again = self._cues.find_in_words([positions[i] for i in kept], [words[i] for i in kept])
            if any(flags[phrase] & _RHETORICAL for phrase, _, _ in again):
                if not (marked and _splits(text, sentence, ends_statement)):
                    return None, True, False
                seen |= _RHETORICAL
            found = sorted(again + emphasis, key=lambda match: match[1])
        matches = [(phrase, first, kinds[phrase]) for phrase, first, _ in found]
        span = text[sentence.start : sentence.end]
        # how loud the sentence asks: _ASKED a "?", _DOUBLED "??", _EXCLAIMED "?!" or "!?", _EMPHATIC an
        # emphasis word ("even", "on earth"), _HINTED a word some vents need ("anyone", "these", "taking")
        loud = 0
        if marked:
            loud = _ASKED | (_DOUBLED if "??" in span else 0) | (_EXCLAIMED if "?!" in span or "!?" in span else 0)
        if seen & _EMPHASIS:
            loud |= _EMPHATIC
        if seen & _JUDGING or not _VENT_HINTS.isdisjoint(words):
            loud |= _HINTED
        # most sentences are one clause: split only when a comma, semicolon or joining word is there (or, in
        # speech and chat, a question run on), and read a single clause with the sentence's own words and
        # matches (no walk to share them out)
        run_on = not ends_statement and _may_run_on(words)
        if not run_on and not _splits(text, sentence, ends_statement):
            read = self._clause(tokens, positions, matches, marked, loud, ends_statement, inverted=inverted >= 0)
            if read is _VENT:
                return None, True, False
            return (None, False, False) if read is None else (read[:3], False, read[3])
        clauses = _clauses(tokens, self.cues.openers, run_on)
        asked: list[tuple[str, str, bool, bool]] = []
        vented = False
        # clauses, matches and word positions are all in order: walk them together (a 1 MB sentence
        # with thousands of commas must stay linear)
        next_match = next_word = 0
        for number, (begin, clause, alternative) in enumerate(clauses):
            end = begin + len(clause)
            while next_match < len(matches) and matches[next_match][1] < begin:
                next_match += 1
            inside = []
            while next_match < len(matches) and matches[next_match][1] < end:
                phrase, first, kind = matches[next_match]
                inside.append((phrase, first - begin, kind))
                next_match += 1
            while next_word < len(positions) and positions[next_word] < begin:
                next_word += 1
            clause_words = []
            while next_word < len(positions) and positions[next_word] < end:
                clause_words.append(positions[next_word] - begin)
                next_word += 1
            # a "?" marks the last clause, unless an earlier clause already asked ("where do I take it
            # back, the store or the post office?": the tail lists options, it is not a new question)
            last_marked = marked and number == len(clauses) - 1 and not asked
            if (alternative or _offers_choice(clause)) and (asked or vented):
                # "do I have to bring ID, or is the text enough?", "who do I call, is it you or the council?":
                # the same question's other option
                continue
            if seen & _RHETORICAL and any(flags[phrase] & _RHETORICAL for phrase, _, _ in inside):
                # the clause of a rhetorical cue vents; a question in another clause still asks ("who decided
                # to put the dock at the top of a hill 🙃 anyway was I charged for the wait?")
                vented = True
                continue
            read = self._clause(
                clause, clause_words, inside, last_marked, loud, ends_statement, vented, begin <= inverted < end,
                tokens[begin - 1].norm if begin else "",
            )
            if read is _VENT:
                vented = True
            elif read is not None:
                asked.append(read)
        if not asked:
            return None, vented, False
        if len(asked) == 1:
            read = asked[0]
            return read[:3], False, read[3]
        read = next((item for item in asked if item[0] == "outcome_question"), asked[0])
        return read[:3], False, all(item[3] for item in asked)

    def _clause(
        self,
        tokens: tuple[Token, ...],
        words: list[int],
        matches: list[tuple[str, int, frozenset[str]]],
        marked: bool,
        loud: int,
        ends_statement: bool,
        after_vent: bool = False,
        inverted: bool = False,
        after: str = "",
    ) -> Optional[tuple[str, str, bool, bool]]:
        """``(label, cue, indirect, fragment)`` for a clause that asks, `_VENT` for one that vents, else ``None``.

        ``words`` are the indexes of the clause's words; ``matches`` the sentence's cue matches inside
        this clause, as ``(phrase, index, kinds)``; ``loud`` the sentence's bits (``_ASKED``, ``_DOUBLED``,
        ``_EXCLAIMED``, ``_EMPHATIC``, ``_HINTED``); ``after_vent`` says an earlier clause vented; ``inverted``
        that the clause opens the sentence with an auxiliary and its subject (see `_INVERTING`); ``after`` is the
        word or mark before the clause ("" for the first).
        """
        if not words:
            return None
        indirect = next((phrase for phrase, _, kinds in matches if "indirect" in kinds), None)
        skip = 0
        while skip < len(words) - 1 and tokens[words[skip]].norm in _FILLERS:
            skip += 1
        begin = words[skip]
        opener = tokens[begin].norm
        # "Will do, thanks." "Have a nice day.": an opener only makes a question when the sentence does
        # not end as a statement (chat questions often have no punctuation at all)
        opens = opener in self.cues.openers and (
            opener in _WH_WORDS or not (ends_statement and not marked) or inverted
        )
        unmarked_wh = opens and not marked and opener in _WH_WORDS
        if unmarked_wh and _exclaims_or_subordinates(tokens, words, skip, ends_statement, after):
            return None  # "How quickly he has settled in!", "When I rang on Monday I was told to pay."
        if opens and not marked and (opener in _NEGATIVE_OPENERS or opener in _MODALS):
            # "can't log in since this morning", "will keep an eye on the blog": with no "?", a negative
            # or modal opener asks only with its subject next ("will my refund come this week")
            opens = skip + 1 < len(words) and tokens[words[skip + 1]].norm in _SUBJECTS
        if loud & _EMPHATIC and loud & _ASKED and not (opens or indirect) and _only_emphasis(words[skip:], matches):
            # "Seriously?", "Really?": emphasis alone exclaims; as a clause it starts a vent ("Really, three
            # weeks for one letter?"), or is a sigh before a real question ("Seriously, when will it come?")
            return _VENT
        if not (marked or opens or indirect):
            return None
        fragment = not (opens or indirect)
        if fragment and tokens[words[-1]].norm in _ECHOED_STATUS and (
            len(words) < 2 or tokens[words[-2]].norm != "since"
        ):
            # "scheduled for when??", "it's gone where?": the question word moved to the end still asks
            # ("since when?" exclaims)
            return "outcome_question", tokens[words[-1]].norm, False, False
        if fragment and (after_vent or loud & (_DOUBLED | _EXCLAIMED)) and not (
            not after_vent
            and (any(phrase in _STATUS_FRAGMENTS for phrase, _, _ in matches) or _names_own(tokens, words, skip))
        ):
            # "ANOTHER fee??": an exclamation with a question mark, not a question; and a fragment after
            # a clause that vents goes on venting ("Who packs these orders, a blindfolded toddler?")
            return _VENT
        if fragment and _echoes(tokens, words):
            return _VENT  # "Service of what exactly?", "and that helps me how exactly?"
        if fragment and loud & _HINTED and any(
            "judging" in kinds and _judges(tokens, words, words.index(at)) for _, at, kinds in matches if at in words
        ):
            return _VENT  # "I mean, what kind of bank loses a payment?"
        if loud & _EXCLAIMED and opener in ("why", "what", "how", "who"):
            return _VENT
        if opens and loud & ~_ASKED and (loud & _EMPHATIC or opener in _VENT_WORDS) and self._vents(tokens, words, skip, matches, loud):
            return _VENT
        cause = _asks_cause(tokens, words, skip) if opener in _CAUSE_OPENERS else None
        if cause is not None:
            # "why did it block?", "any idea how it got added?": how something came about, not a result
            return "process_question", cause, bool(indirect and not opens), fragment
        information = opener in _INFORMATION_OPENERS
        process = next(((phrase, at) for phrase, at, kinds in matches if "process" in kinds and at >= begin), None)
        outcome = next(
            (
                (phrase, at)
                for phrase, at, kinds in matches
                if "outcome" in kinds and at >= begin
                and not (information and at > begin and phrase in _YES_NO_CUES)
            ),
            None,
        )
        if opens and opener not in _WH_WORDS:
            step = _step(tokens, words, skip, matches)
            if step and (process is None or step[1] < process[1]):
                process = step
        if process and (outcome is None or process[1] <= outcome[1]):
            return "process_question", process[0], bool(indirect and not opens), fragment
        if outcome:
            return "outcome_question", outcome[0], bool(indirect and not opens), fragment
        if information:
            return "process_question", opener, False, fragment
        cue = opener if opens else (indirect or "?")
        return "outcome_question", cue, bool(indirect and not opens), fragment

    def _vents(
        self, tokens: tuple[Token, ...], words: list[int], skip: int, matches: list[tuple[str, int, frozenset[str]]], loud: int
    ) -> bool:
        """Whether a clause opening like a question is a rhetorical complaint, by its shape.

        Phrase lists cannot keep up with the ways of venting ("how does a hospital lose an x-ray??",
        "who on earth approved this?", "is anyone actually reading these?", "do your engineers ever
        turn up on time?", "what sort of bank loses a mortgage payment?"); what they share is a
        question about someone else's failing, asked with emphasis. A question about the customer's
        own case, or asking when or where, stays a question however angry it sounds.
        """
        begin = words[skip]
        opener = tokens[begin].norm
        if opener in _STATUS_WORDS:
            return False  # "when on earth is the engineer coming??"
        strong = doubt = neglect = result = False
        for _, at, kinds in matches:
            if at == begin:
                if "judging" in kinds:
                    return _judges(tokens, words, skip)  # "what sort of bank loses a mortgage payment?"
                result = result or "outcome" in kinds
            strong = strong or "intensifiers" in kinds
            doubt = doubt or "doubt" in kinds
            neglect = neglect or "neglect" in kinds
        following = tokens[words[skip + 1]].norm if skip + 1 < len(words) else ""
        if (strong or doubt) and neglect and following in _ADDRESSEES and opener in _HABITS:
            # asked of the company with emphasis or doubt, whether it does its job at all: "do your engineers
            # ever turn up on time?", "did you actually read my email?" (not "did you actually get my form?",
            # nor "will your engineer actually turn up?", which asks about the customer's result)
            return True
        if result:
            return False  # opens asking for a result: "how long is this going to take??"
        wh = opener in _VENT_WORDS
        if not (wh or strong or doubt):
            return False  # the common case, a plain yes/no question: no need to look at its words
        clause = {tokens[i].norm for i in words[skip:]}
        if (strong or doubt) and not _NOBODY.isdisjoint(clause):
            return True  # "is anyone actually reading these?", "has anybody even looked at my ticket?"
        if not wh:
            # a yes/no question to the company with emphasis accuses: "do you honestly expect me to pay?"
            return strong and following in _ADDRESSEES
        if opener == "why" and not _EVERY.isdisjoint(clause) and _every_time(tokens, words, skip):
            return True  # "why is it that every single time I order the chips turn up cold?"
        if not _FIRST_PERSON.isdisjoint(clause):
            return False  # "why on earth was I charged twice?", "how exactly do I cancel?"
        if strong:
            return True  # "how is that even possible?", "who on earth set these allowances?"
        if doubt and opener in ("who", "who's"):
            return True  # "who exactly is running your airline?", "who's protecting sellers exactly?"
        if loud & _DOUBLED and (opener == "who" or opener in ("how", "hw", "how's") and _not_generic(tokens, words, skip)):
            # "how does a hospital lose an x-ray??", "who signed this off??"; "why" and "what" ask a
            # reason or a fact however loud ("why is the app down??", "what is this charge??")
            return True
        if opener != "who" and not _NOBODY.isdisjoint(clause):
            return True  # "how is anyone supposed to fill this in?", "why would anybody do that?"
        if opener == "how" and following in ("is", "are", "'s", "has", "have") and not _TAKING.isdisjoint(clause):
            return True  # "how is a passport renewal taking two months?", "how has it taken a month to post a card?"
        # "who packs these orders?", "who approved this price rise?": blame, not a contact
        return opener == "who" and following not in _AUXILIARIES and not _POINTERS.isdisjoint(clause)


def _splits(text: str, sentence: Sentence, ends_statement: bool) -> bool:
    """Whether the sentence has a mark where a clause may end (see `_CLAUSE_MARK`)."""
    mark = _CLAUSE_MARK if ends_statement else _SPOKEN_CLAUSE_MARK
    return mark.search(text, sentence.start, sentence.end) is not None


# "my refund??", "our tickets??": the customer's own thing, named alone, asks where it has got to
_OWN = frozenset(("my", "our"))


def _names_own(tokens: tuple[Token, ...], words: list[int], skip: int) -> bool:
    """Whether a fragment is only the customer's own thing: "my" or "our" and at most two words after it
    ("my refund??", "my replacement card??"; not "my THIRD late fee this year??")."""
    return len(words) - skip <= 3 and tokens[words[skip]].norm in _OWN


def _every_time(tokens: tuple[Token, ...], words: list[int], skip: int) -> bool:
    """Whether the clause says "always", "every single" or "every time" (not "every month": "why am I
    charged every month?" asks about a charge)."""
    following = ""
    for i in reversed(words[skip:]):
        word = tokens[i].norm
        if word == "always" or word == "every" and following in ("single", "time"):
            return True
        following = word
    return False


def _step(
    tokens: tuple[Token, ...], words: list[int], skip: int, matches: list[tuple[str, int, frozenset[str]]]
) -> Optional[tuple[str, int]]:
    """``(cue, token index)`` when a yes/no question asks about a step rather than a result, else ``None``.

    A requirement ("does the form have to be signed?", "does it need to be in the box?": *do* or *does*,
    then *need to* or *have to* within the next few words; "do the kids need their own passports?": *need*
    and what someone must have, after a subject that is not "it", "this" or "that"; not "does it need a new
    battery?" nor "does the boiler need replacing?": a result), or the means of the customer's own step ("can I
    pay by card?", "could we do it online?": *I* or *we* after the opener, then a phrase from the
    ``means`` list, and no outcome cue but "when": not "can I log in online yet?"). The caller lets an
    outcome cue before it win ("can I get a refund by transfer?").
    """
    opener = tokens[words[skip]].norm
    if opener in _REQUIRING:
        for position in range(skip + 1, min(skip + 6, len(words))):
            norm = tokens[words[position]].norm
            if not (norm in _NEEDS or norm in _MUSTS) or position + 1 >= len(words):
                continue
            at = words[position]
            if any("outcome" in kinds and at < where <= at + 3 for _, where, kinds in matches):
                return None  # what is required is itself a result: "does the boiler need to be replaced?"
            following = tokens[words[position + 1]].norm
            if following == "to":
                return norm + " to", at
            if (
                norm in _NEEDS and position > skip + 1 and tokens[words[skip + 1]].norm not in _THINGS
                and not following.endswith("ing")
                and not any(tokens[i].norm in _REPAIRS for i in words[position + 1 : position + 3])
            ):
                return norm, at
        return None
    if skip + 1 < len(words) and tokens[words[skip + 1]].norm in _DOERS:
        means = None
        for phrase, at, kinds in matches:
            if "outcome" in kinds and phrase not in _STATUS_WORDS:
                return None  # "can I log in online yet?", "can I still get the discount online?"
            if means is None and "means" in kinds and at > words[skip]:
                means = (phrase, at)
        return means
    return None


def _exclaims_or_subordinates(
    tokens: tuple[Token, ...], words: list[int], skip: int, ends_statement: bool, after: str = ""
) -> bool:
    """Whether an unmarked clause opening with a question word exclaims or subordinates rather than asks.

    "How quickly he has settled in!", "How kind of you!": "how", then no auxiliary in the next two words,
    and a "!" at the end ("How long does it take!" asks). "When I rang on Monday I was told to pay.",
    "Where we live there's no signal.", "..., which I did today.": a question word with a subject next and
    no auxiliary after it, in a sentence ending like a statement ("When I will get my refund." asks, in
    non-native English); or with a noun phrase next and no auxiliary or modal in its next three words ("When
    the driver came he said...", but "When the new card will arrive." asks). "Which" or "who" after a comma,
    in a sentence ending like a statement, opens a relative clause ("..., which is why I'm writing.",
    "..., who vets referrals within ten days."), unless an auxiliary and its subject follow ("..., who do I
    call."). "How" and "why" in a sentence ending like a statement: see `_embeds` (``after`` is the word or
    mark before the clause).
    """
    opener = tokens[words[skip]].norm
    following = [tokens[i].norm for i in words[skip + 1 : skip + 3]]
    if opener in ("how", "hw") and tokens[-1].text[0] == "!" and _AUXILIARIES.isdisjoint(following):
        return True
    if opener in _MANNER_WORDS:
        return ends_statement and _embeds(tokens, words, skip, after in _JOINERS)
    if opener not in _SUBORDINATORS or not ends_statement or not following:
        return False
    if after == "," and opener in _RELATIVES:
        return not (following[0] in _AUXILIARIES and len(following) > 1 and following[1] in _CLAUSE_SUBJECTS)
    if following[0] in _DETERMINERS:
        phrase = [tokens[i].norm for i in words[skip + 2 : skip + 5]]
        return _AUXILIARIES.isdisjoint(phrase) and _QUESTION_VERBS.isdisjoint(phrase)
    return following[0] in _CLAUSE_SUBJECTS and (len(following) < 2 or following[1] not in _QUESTION_VERBS)


# "..., which is why I'm writing.": after a comma, a relative clause (`_exclaims_or_subordinates`)
_RELATIVES = frozenset(("which", "who"))
# "How it went from 4,210 to 42,100 I've no idea", "Why the coach left without us I'll never know": "how" or
# "why", then a subject and no auxiliary, name what happened inside a statement (`_embeds`)
_MANNER_WORDS = frozenset(("how", "hw", "why"))
_DEGREES = frozenset(("long", "much", "many", "soon", "often", "far", "quickly"))
# ... and a main clause after it says what the speaker makes of it
_MAIN_SUBJECTS = frozenset(("i", "i've", "i'll", "i'm", "i'd", "we", "we've", "we'll", "nobody", "noone"))
_NOT_A_VERB = _AUXILIARIES | _QUESTION_VERBS | _NEGATIVE_OPENERS


def _embeds(tokens: tuple[Token, ...], words: list[int], skip: int, joined: bool) -> bool:
    """Whether a clause opening with "how" or "why" (a degree word may follow "how": "how long") names
    something inside a statement rather than asks: a subject next, and no auxiliary, modal or negative
    after it ("how it went", "why the coach left"; "how I can reset it.", "why it doesn't load." ask, in
    chat or non-native English). It needs a main clause after it ("...I've no idea", "...I'll never know"),
    so "How I reset my password." and "Hi, how I reset my password." still ask; after "and", "or" or "but"
    ("I know where to upload it and how long it takes.") the main clause came first.
    """
    k = skip + 1
    if k < len(words) and tokens[words[skip]].norm != "why" and tokens[words[k]].norm in _DEGREES:
        k += 1
    if k + 1 >= len(words):
        return False
    subject = tokens[words[k]].norm
    if subject in _DETERMINERS:
        # a noun phrase: no auxiliary or modal in its next three words ("why the coach left", not "why the app is down")
        if not _NOT_A_VERB.isdisjoint(tokens[i].norm for i in words[k + 1 : k + 4]):
            return False
    elif subject not in _CLAUSE_SUBJECTS or tokens[words[k + 1]].norm in _NOT_A_VERB:
        return False
    return joined or not _MAIN_SUBJECTS.isdisjoint(tokens[i].norm for i in words[k + 2 :])


# Words a clause may start after: `_clauses` splits at them before a question opener, `_wh_may_open` at
# any (which can only say "may open" more often)
_JOINERS = frozenset(("and", "or", "but"))
# ... and, in a sentence that does not end in "." or "!" (speech written down, chat, a question), "so"
# ("...in it so yeah has anyone handed it in"); a sentence ending in "." or "!" never splits there, so
# `_wh_may_open` (read only for those) need not know it
_SPOKEN_JOINERS = _JOINERS | {"so"}
# ... and, there too, a question word with an auxiliary and its subject next, run on from what went before
# without a mark ("my order hasn't come when will it arrive", "the gate is locked who do I call"); "how" may
# take a degree word ("...how long will it take"); as with "so", never in a sentence `_wh_may_open` reads
_RUN_ON = frozenset(("what", "when", "where", "which", "who", "why", "how", "wen", "wat", "hw"))
_PRONOUNS = _CLAUSE_SUBJECTS | {"there"}
# The marks a clause ends at (besides an inner full stop and an emoji)
_BREAKS = frozenset((",", ";", ":", "-", "–", "—"))


def _wh_may_open(positions: list[int], words: list[str]) -> bool:
    """Whether a question word may open a clause of the sentence (see `_clauses`): only fillers lie between
    it and the sentence's start, a joining word, or a token that is no word (a comma, a full stop, an emoji).
    ``False`` means no clause can open with one ("We'll text you when it ships.")."""
    for k, word in enumerate(words):
        if word not in _WH_WORDS:
            continue
        j = k - 1
        while j >= 0 and words[j] not in _JOINERS and positions[j] + 1 == positions[j + 1]:
            if words[j] not in _FILLERS:
                break
            j -= 1
        else:
            return True
    return False


def _offers_choice(clause: tuple[Token, ...]) -> bool:
    """Whether a clause offers a choice as a yes/no question: "is it you or the council", "was it A or B"."""
    return (
        len(clause) > 3
        and clause[0].norm in ("is", "was")
        and clause[1].norm in ("it", "that")
        and any(token.norm == "or" for token in clause[2:])
    )


def _resolve_fragment(
    read: tuple[str, str, bool], before: Optional[_Reading], after: Optional[_Reading]
) -> Optional[tuple[str, str, bool]]:
    """The reading of a question fragment, given the readings of the sentences either side of it.

    Next to a vent it vents too ("Are you kidding me? A £25 fee for a letter?"); right after a question,
    one without a cue of its own goes on with that question ("What should I bring? Her adoption papers?"
    asks the way, like the question it follows); otherwise it stands as read.
    """
    if (before is not None and before[1]) or (after is not None and after[1]):
        return None
    if read[1] == "?" and before is not None and before[0] is not None:
        return before[0][0], read[1], read[2]
    return read


def _announces(
    found: list[tuple[str, int, int]],
    positions: list[int],
    words: list[str],
    flags: dict[str, int],
    openers: frozenset[str],
) -> bool:
    """Whether a sentence opens with an announcement ("just so you know", "fyi") and no question follows it."""
    phrase, first, last = found[0]
    if not flags[phrase] & _ANNOUNCING or first != positions[0]:
        return False
    following = bisect_left(positions, last + 1)
    return following == len(words) or words[following] not in openers


def _judges(tokens: tuple[Token, ...], words: list[int], at: int) -> bool:
    """Whether "what kind of X ..." (its "what" at ``words[at]``) judges someone rather than asks which option.

    An object question asks ("what kind of ID do I need?", "what sort of charger does the X200 take?",
    "what kind of fee is this?"), unless it sizes up "you" ("what kind of airline are you running?"); a
    subject question judges what someone did ("what sort of bank loses a mortgage payment?", "what kind
    of gym closes the showers?"), unless the verb is what a product comes with.
    """
    rest = [tokens[i].norm for i in words[at + 3 :]]  # after "what kind of"
    if len(rest) < 2:
        return False  # "what kind of account?"
    for verb in (1, 2, 3):  # the noun may be longer: "what kind of phone company", "what sort of proof of address"
        if verb < len(rest) and rest[verb] in _AUXILIARIES:
            after = rest[verb + 1 :]
            if after[:1] in (["you"], ["u"]):
                # "what kind of company are you?", "... are you running?"; not "are you sending me?"
                return rest[verb] in ("is", "are", "was", "were", "'re") and len(after) <= 2
            # an object question asks, even one ending on "this": "what kind of fee is this?" is as often a
            # real question as "what kind of service is this?" is a jibe, and a question should not be lost
            return False
    return _FITTING.isdisjoint(rest[1:3])


def _echoes(tokens: tuple[Token, ...], words: list[int]) -> bool:
    """Whether a clause ends "... what exactly" or "... how exactly": a sarcastic echo of what was said.

    "Service of what exactly?", "and that helps me how exactly?", "a fee for what exactly?"; a question
    opening with its question word asks ("what do I need to bring exactly?"), and is not a fragment.
    """
    return (
        len(words) >= 3
        and tokens[words[-1]].norm == "exactly"
        and tokens[words[-2]].norm in ("what", "how", "wat", "hw")
    )


def _not_generic(tokens: tuple[Token, ...], words: list[int], skip: int) -> bool:
    """Whether a "how" question is not "how come" (a reason) or "how do you ..." (how anyone does it)."""
    following = [tokens[i].norm for i in words[skip + 1 : skip + 4]]
    if following[:1] == ["come"]:
        return False
    generic = len(following) >= 2 and following[0] in _AUXILIARIES and following[1] in ("you", "u")
    # ... unless "you" is the company: "how do you lot manage to lose every parcel??"
    return not generic or following[2:] in (["lot"], ["people"], ["guys"])


def _only_emphasis(words: list[int], matches: list[tuple[str, int, frozenset[str]]]) -> bool:
    """Whether every word (token index) is part of an emphasis match ("seriously", "on earth")."""
    covered = set()
    for phrase, at, kinds in matches:
        if "intensifiers" in kinds or "doubt" in kinds:
            covered.update(range(at, at + phrase.count(" ") + 1))
    return all(i in covered for i in words)


# "why did...", "how was...": a question about how something came about (`_asks_cause`)
_PAST_AUXILIARIES = frozenset(("did", "didn't", "was", "wasn't", "were", "weren't", "had", "hadn't"))
_PAST_HAPPENINGS = frozenset(("got", "happened", "came", "went", "ended"))
# what such a clause opens with: the question word, or "any idea" before it
_CAUSE_OPENERS = frozenset(("why", "how", "any"))


def _asks_cause(tokens: tuple[Token, ...], words: list[int], skip: int) -> Optional[str]:
    """The cue when a clause asks why or how something came about, else ``None``.

    "why did it block?", "how was it added?", "why nobody told me", "any idea how it got added?": the
    question word within the clause's first three words, then a past auxiliary, a "nobody", or a subject
    and a past verb of happening. A question about what happened to the customer ("why was I charged
    twice?", "why was my card blocked?") asks for the result, as does "why hasn't my refund arrived?".
    """
    for k in range(skip, min(skip + 3, len(words) - 1)):
        opener = tokens[words[k]].norm
        if opener not in ("why", "how"):
            continue
        following = tokens[words[k + 1]].norm
        if opener == "why" and following in _NOBODY:
            return f"{opener} {following}"
        if following in _PAST_AUXILIARIES:
            cue = f"{opener} {following}"
        elif k + 2 < len(words) and following in _SUBJECTS and tokens[words[k + 2]].norm in _PAST_HAPPENINGS:
            cue = f"{opener} {following} {tokens[words[k + 2]].norm}"
        else:
            return None
        return cue if _FIRST_PERSON.isdisjoint(tokens[i].norm for i in words[k + 1 :]) else None
    return None


# emoji and emoticons end a clause in chat (`_clauses`)
_EMOJI_KINDS = frozenset(("emoji", "emoticon"))


def _clauses(
    tokens: tuple[Token, ...], openers: frozenset[str], run_on: bool = False
) -> list[tuple[int, tuple[Token, ...], bool]]:
    """Split at commas, semicolons, colons, dashes, inner full stops and emoji, and at "and"/"or"/"but" before a
    question opener, fillers aside ("and um is it"); unless the sentence ends in "." or "!", at "so" too
    (`_SPOKEN_JOINERS`), and, if ``run_on`` (see `_may_run_on`), before a question word with an auxiliary and
    its subject next (`_runs_on`).

    `_wh_may_open` relies on these being the only places a clause starts: keep the two in step.

    Returns ``(index of the clause's first token in tokens, the clause's tokens, whether "or" opened it)``.
    """
    clauses = []
    start = 0
    alternative = False
    last = len(tokens) - 1
    joiners = _JOINERS if tokens[last].kind == "punct" and tokens[last].text[0] in ".!" else _SPOKEN_JOINERS
    for i, token in enumerate(tokens):
        if run_on and token.norm in _RUN_ON and i > start and _runs_on(tokens, i):
            clauses.append((start, tokens[start:i], alternative))
            start, alternative = i, False
            continue
        joins = False
        if token.norm in joiners:
            k = i + 1
            while k < last and tokens[k].norm in _FILLERS:
                k += 1
            joins = k < len(tokens) and tokens[k].norm in openers
        if token.text in _BREAKS or (token.text == "." and i < last) or joins or token.kind in _EMOJI_KINDS:
            if i > start:
                clauses.append((start, tokens[start:i], alternative))
            start = i + 1
            alternative = joins and token.norm == "or"
    if start < len(tokens):
        clauses.append((start, tokens[start:], alternative))
    return clauses


def _may_run_on(words: list[str]) -> bool:
    """Whether a question may run on inside the sentence of these words (see `_runs_on`, which decides): a
    question word after its first word, with an auxiliary next (after a degree word, for "how")."""
    if _RUN_ON.isdisjoint(words):
        return False
    for k in range(1, len(words) - 1):
        if words[k] in _RUN_ON:
            following = words[k + 1]
            if following in _DEGREES and k + 2 < len(words):
                following = words[k + 2]  # "how long will it take"
            if following in _AUXILIARIES:
                return True
    return False


def _runs_on(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether the question word at ``tokens[i]`` opens a question run on without a mark: an auxiliary and
    its subject next ("who do I call", "how long will it take", "what will the total be"). After "is",
    "has" and the like only a pronoun is a subject: "...my birthday, which is the date of the concert" and
    "the agent who had the keys" go on describing."""
    k = i + 1
    if k < len(tokens) and tokens[i].norm in ("how", "hw") and tokens[k].norm in _DEGREES:
        k += 1
    if k + 1 >= len(tokens):
        return False
    auxiliary, subject = tokens[k].norm, tokens[k + 1].norm
    if auxiliary in _MODALS or auxiliary in _REQUIRING or auxiliary == "did":
        return subject in _INVERTED_SUBJECTS
    return auxiliary in _AUXILIARIES and subject in _PRONOUNS
