"""What the customer asks: an outcome (when, whether, how much), a process (how to), or nothing.

PLAYBOOK idea 4 starts here: a reply can only be judged outcome-first once we know the customer asked
about an outcome. Each sentence that asks something becomes a finding (``outcome_question`` or
``process_question``) with the cue that decided it; the message is an outcome question if any sentence
is one, else a process question if any sentence is one, else ``not_a_question``.

A sentence asks when it ends in "?", opens like a question ("when will it arrive"), or asks indirectly
("I need to know if my card will come this week"). Rhetorical complaints ("why is this so hard?!")
vent rather than ask, and are not questions. Cue phrases are data (``data/question_cues.toml``).

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
from typing import Literal, Optional

from .models import Evidence, Finding, _trusted
from .phrases import PhraseMatcher, tag_phrases
from .resources import QuestionCues, load_question_cues
from .text import Doc, Sentence, Token

__all__ = ["QuestionTypeAnalyzer", "QuestionType"]

QuestionType = Literal["outcome_question", "process_question", "not_a_question"]
"""What a message asks."""

# Words a question may open with before its real opener ("So when will it arrive?").
_FILLERS = frozenset(
    ("so", "and", "but", "ok", "okay", "hi", "hello", "hey", "also", "just", "um", "well", "sorry", "ps", "btw")
)
# Where a sentence may hold a second clause: one search instead of a find per mark.
_CLAUSE_MARK = re.compile(r"[,;]| (?:and|or|but) ", re.IGNORECASE)
_WH_WORDS = frozenset(
    ("what", "when", "where", "which", "who", "whom", "whose", "why", "how", "wen", "wat", "wht", "hw", "whats",
     "what's", "where's", "when's", "how's", "who's")
)
# Open questions asking which/what/where/who, with no outcome cue, ask for information to act on.
_INFORMATION_OPENERS = frozenset(("what", "which", "where", "who", "whom", "whose", "whats", "wat", "wht"))


class QuestionTypeAnalyzer:
    """Assigns ``doc.question_type`` and emits a finding per question sentence.

    Args:
        cues: Cue phrases (default: ``data/question_cues.toml``).
    """

    name = "question_type"
    labels = frozenset({"outcome_question", "process_question"})
    assigns = ("question_type",)

    def __init__(self, cues: Optional[QuestionCues] = None) -> None:
        self.cues = cues or load_question_cues()
        # one matcher for all cue lists, so a sentence is scanned once; a phrase may be in several lists
        self._kinds = tag_phrases({kind: getattr(self.cues, kind) for kind in ("rhetorical", "indirect", "process", "outcome")})
        self._cues = PhraseMatcher(self._kinds)
        # a statement asks only through an indirect cue: without one of their first words, skip matching
        self._indirect_starts = frozenset(phrase.split(" ")[0] for phrase, kinds in self._kinds.items() if "indirect" in kinds)

    def analyze(self, doc: Doc) -> tuple[Finding, ...]:
        """Classify each sentence; set ``doc.question_type`` for the message."""
        findings = []
        for sentence in doc.sentences:
            found = self.classify(doc, sentence)
            if found is not None:
                findings.append(found)
        labels = {finding.label for finding in findings}
        if "outcome_question" in labels:
            doc.question_type = "outcome_question"
        elif "process_question" in labels:
            doc.question_type = "process_question"
        else:
            doc.question_type = "not_a_question"
        return tuple(findings)

    def message_type(self, doc: Doc) -> QuestionType:
        """The message's question type alone, without findings (stops at the first outcome question)."""
        if doc.question_type is not None:
            return doc.question_type
        found = "not_a_question"
        for sentence in doc.sentences:
            label = self._label(doc, sentence)
            if label is not None:
                found = label[0]
                if found == "outcome_question":
                    break
        return found

    def classify(self, doc: Doc, sentence: Sentence) -> Optional[Finding]:
        """The finding for one sentence, or ``None`` when it asks nothing.

        A sentence may join questions ("how do I export it, and how long does it take?"): each clause
        is read, and the sentence asks for an outcome if any clause does.
        """
        read = self._label(doc, sentence)
        if read is None:
            return None
        label, cue, indirect = read
        span = doc.text[sentence.start : sentence.end]
        how = "indirect question" if indirect else "question"
        evidence = _trusted(
            Evidence, start=sentence.start, end=sentence.end, text=span, rule=label, weight=1.0,
            detail=f"{how}; cue {cue!r}",
        )
        return _trusted(
            Finding, start=sentence.start, end=sentence.end, text=span, label=label, score=1.0,
            analyzer=self.name, evidence=(evidence,), suggestion=None,
        )

    def _label(self, doc: Doc, sentence: Sentence) -> Optional[tuple[str, str, bool]]:
        """``(label, cue, indirect)`` for a sentence that asks something, else ``None``."""
        text = doc.text
        tokens = doc.sentence_tokens(sentence)
        positions, words = doc.sentence_words(sentence)
        if not positions:
            return None
        marked = text.find("?", sentence.start, sentence.end) >= 0
        ends_statement = tokens[-1].kind == "punct" and tokens[-1].text[0] in ".!"
        # most sentences of a reply: a statement asks only through an indirect cue or a clause opening
        # with a question word ("Tell me when...", "..., when will it come.")
        statement = not marked and ends_statement and _WH_WORDS.isdisjoint(words)
        if statement and self._indirect_starts.isdisjoint(words):
            return None  # no indirect cue can match: skip the cue search
        matches = [(phrase, first, self._kinds[phrase]) for phrase, first, _ in self._cues.find_in_words(positions, words)]
        if any("rhetorical" in kinds for _, _, kinds in matches):
            return None  # a complaint in question form
        if statement and not any("indirect" in kinds for _, _, kinds in matches):
            return None
        span = text[sentence.start : sentence.end]
        # most sentences are one clause: split only when a comma, semicolon or joining word is there
        if _CLAUSE_MARK.search(text, sentence.start, sentence.end):
            clauses = _clauses(tokens, self.cues.openers)
        else:
            clauses = [(0, tokens, False)]
        asked: list[tuple[str, str, bool]] = []
        # clauses, matches and word positions are all in order: walk them together (a 1 MB sentence
        # with thousands of commas must stay linear)
        next_match = next_word = 0
        for number, (begin, clause, alternative) in enumerate(clauses):
            end = begin + len(clause)
            while next_match < len(matches) and matches[next_match][1] < begin:
                next_match += 1
            inside = []
            while next_match < len(matches) and matches[next_match][1] < end:
                phrase, first, kinds = matches[next_match]
                inside.append((phrase, first - begin, kinds))
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
            if alternative and asked:
                continue  # "do I have to bring ID, or is the text enough?": the same question's other option
            found = self._clause(clause, clause_words, inside, last_marked, span, ends_statement)
            if found is not None:
                asked.append(found)
        if not asked:
            return None
        return next((item for item in asked if item[0] == "outcome_question"), asked[0])

    def _clause(
        self,
        tokens: tuple[Token, ...],
        words: list[int],
        matches: list[tuple[str, int, frozenset[str]]],
        marked: bool,
        span: str,
        ends_statement: bool,
    ) -> Optional[tuple[str, str, bool]]:
        """``(label, cue, indirect)`` for one clause that asks something, else ``None``.

        ``words`` are the indexes of the clause's words; ``matches`` the sentence's cue matches inside
        this clause, as ``(phrase, index, kinds)``.
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
            opener in _WH_WORDS or not (ends_statement and not marked)
        )
        if not (marked or opens or indirect):
            return None
        if not (opens or indirect) and ("??" in span or "?!" in span or "!?" in span):
            return None  # "ANOTHER fee??": an exclamation with a question mark, not a question
        if ("?!" in span or "!?" in span) and opener in ("why", "what", "how", "who"):
            return None
        process = next(((phrase, at) for phrase, at, kinds in matches if "process" in kinds and at >= begin), None)
        outcome = next(((phrase, at) for phrase, at, kinds in matches if "outcome" in kinds and at >= begin), None)
        if process and (outcome is None or process[1] <= outcome[1]):
            return "process_question", process[0], bool(indirect and not opens)
        if outcome:
            return "outcome_question", outcome[0], bool(indirect and not opens)
        if opener in _INFORMATION_OPENERS:
            return "process_question", opener, False
        cue = opener if opens else (indirect or "?")
        return "outcome_question", cue, bool(indirect and not opens)


def _clauses(tokens: tuple[Token, ...], openers: frozenset[str]) -> list[tuple[int, tuple[Token, ...], bool]]:
    """Split at commas and semicolons, and at "and"/"or"/"but" before a question word.

    Returns ``(index of the clause's first token in tokens, the clause's tokens, whether "or" opened it)``.
    """
    clauses = []
    start = 0
    alternative = False
    for i, token in enumerate(tokens):
        joins = token.norm in ("and", "or", "but") and i + 1 < len(tokens) and tokens[i + 1].norm in openers
        if token.text in (",", ";") or joins:
            if i > start:
                clauses.append((start, tokens[start:i], alternative))
            start = i + 1
            alternative = joins and token.norm == "or"
    if start < len(tokens):
        clauses.append((start, tokens[start:], alternative))
    return clauses
