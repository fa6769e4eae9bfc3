"""The ``support`` backend: VADER's rules over cxcoach's tokens, with customer-service adjustments.

It runs VADER's algorithm (Hutto & Gilbert 2014: lexicon valences, negation within three words,
boosters, ALL-CAPS emphasis, "but" clauses, ``!`` emphasis, normalisation) on the tokens the text layer
already made, sentence by sentence, and adds what support text needs:

* lexicon adjustments from ``data/support_lexicon.toml`` (politeness words are not sentiment;
  "delayed", "stranded" and "on hold" are complaints);
* phrases that win over their words ("no problem", "not bad", "couldn't be happier", "thanks for
  nothing", "still waiting", "charged twice");
* sarcasm: a positive opener ("Great", "Love", "Thanks") in a sentence that also complains
  ("Great, another two hours on hold") counts against the message, not for it.

Every word and rule that moved a sentence's score is returned as evidence.
"""

from __future__ import annotations

from typing import Optional

from ..models import SentimentResult
from ..resources import SentimentLexicon, load_lexicon
from ..text import Doc, Token
from .lexicons import emoji_descriptions, vader_constants, vader_lexicon
from .result import RawEvidence, build_result, normalize

__all__ = ["SupportBackend"]

# VADER's empirical constants (Hutto & Gilbert 2014, and vaderSentiment's source).
_EXCLAMATION = 0.292  # added per "!", up to four of them
_MAX_EXCLAMATIONS = 4
_QUESTION = 0.18  # added per "?" when there are two or three
_MAX_QUESTION = 0.96  # added for four or more "?"
_BOOSTER_DECAY = (1.0, 0.95, 0.9)  # a booster one, two or three words before a word weighs less with distance
_BEFORE_BUT = 0.5  # "but" halves what came before it in the sentence ...
_AFTER_BUT = 1.5  # ... and strengthens what follows
_NEVER_SO = 1.25  # "never so good": emphasis, not negation

# Sarcasm: an opener counts only among a sentence's first words ("Great, ..."; "Thanks for ..."),
# and flips to this share of its weight against the message (tuned on the airline dev split).
_SARCASM_WINDOW = 3
_SARCASM_SCALE = 1.0

# The neutral band of the compound score: |score| below this is neutral. VADER uses 0.05; support text
# is mostly complaints and requests, where mild words ("ok", "sure", "want") carry no feeling
# (tuned on the airline dev split).
DEFAULT_THRESHOLD = 0.05

# How evidence names where a valence came from.
_SOURCES = {
    "lexicon": "VADER lexicon",
    "support_lexicon": "support lexicon",
    "support_phrase": "support phrase",
    "emoji": "emoji",
}

_SKIP_KINDS = frozenset(("punct", "symbol", "url", "email", "handle"))


class SupportBackend:
    """VADER's rules plus customer-service adjustments (the default backend).

    Args:
        lexicon: Extra lexicon adjustments (see `cxcoach.resources.load_lexicon`), added to the
            built-in support adjustments, or used instead of them when ``extend`` is false.
        extend: Whether ``lexicon`` extends (default) or replaces the built-in adjustments.
        threshold: The neutral band: a compound score whose magnitude is below it is neutral.

    Example:
        >>> from cxcoach.text import Doc
        >>> SupportBackend().score(Doc("Great, another two hours on hold.")).label
        'negative'
    """

    name = "support"

    def __init__(
        self,
        lexicon: Optional[SentimentLexicon] = None,
        *,
        extend: bool = True,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        builtin = load_lexicon()
        if lexicon is None:
            adjustments = builtin
        else:
            adjustments = builtin.extend(lexicon) if extend else lexicon
        self.adjustments: SentimentLexicon = adjustments
        self.threshold = threshold
        words = dict(vader_lexicon())
        for word, valence in adjustments.words.items():
            if valence == 0:
                words.pop(word, None)
            else:
                words[word] = valence
        self._lexicon = words
        self._support_words = frozenset(adjustments.words)
        # Phrases indexed by their first token, longest first, so "lost my luggage" beats "lost".
        phrases: dict[str, list[tuple[tuple[str, ...], float]]] = {}
        for phrase, valence in adjustments.phrases.items():
            keys = tuple(_key(token) for token in Doc(phrase).tokens if token.kind not in _SKIP_KINDS)
            if keys:
                phrases.setdefault(keys[0], []).append((keys, valence))
        for candidates in phrases.values():
            candidates.sort(key=lambda item: -len(item[0]))
        self._phrases = phrases
        constants = vader_constants()
        self._boosters = {word: value for word, value in constants.boosters.items() if " " not in word}
        self._negations = constants.negations
        self._negation_scalar = constants.negation_scalar
        self._caps_increment = constants.caps_increment
        self._emoji_valence: dict[str, float] = {}

    def score(self, doc: Doc) -> SentimentResult:
        """Score a message, sentence by sentence."""
        text = doc.text
        tokens = doc.tokens
        cap_diff = _caps_differ(tokens)
        total = 0.0
        per_sentence = []
        for sentence in doc.sentences:
            valence, evidence = self._score_sentence(tokens[sentence.first : sentence.last], cap_diff)
            total += valence
            emphasis = _punctuation_emphasis(text, sentence.start, sentence.end)
            if emphasis and valence:
                evidence.append(("punctuation", sentence.start, sentence.end, emphasis, "'!' or '??' emphasis"))
            per_sentence.append((sentence, normalize(_emphasise(valence, emphasis)), evidence))
        score = normalize(_emphasise(total, _punctuation_emphasis(text, 0, len(text))))
        return build_result(
            doc,
            backend=self.name,
            score=score,
            threshold=self.threshold,
            sentences=per_sentence,
            profanity=self.adjustments.profanity,
        )

    def _score_sentence(self, tokens: tuple[Token, ...], cap_diff: bool) -> tuple[float, list[RawEvidence]]:
        items: list[Token] = []
        keys: list[str] = []
        for token in tokens:
            kind = token.kind
            if kind in _SKIP_KINDS:
                continue
            items.append(token)
            if kind == "hashtag":
                keys.append(_key(token)[1:])
            elif kind == "emoji":
                keys.append(token.text)
            else:
                keys.append(_key(token))
        count = len(items)
        if not count:
            return 0.0, []
        valences = [0.0] * count
        rules: list[str] = [""] * count
        notes: list[str] = [""] * count
        in_phrase = [False] * count
        phrase_ends = self._match_phrases(items, keys, valences, rules, notes, in_phrase)
        lexicon = self._lexicon
        for i in range(count):
            if in_phrase[i]:
                continue
            key = keys[i]
            if items[i].kind == "emoji":
                valence = self._emoji(key)
                if valence:
                    valences[i] = valence
                    rules[i] = "emoji"
                    notes[i] = f"{_SOURCES['emoji']} {valence:+.2f}"
                continue
            base = lexicon.get(key)
            if base is None or key in self._boosters:
                continue
            if key == "kind" and i + 1 < count and keys[i + 1] == "of":
                continue  # "kind of" is a hedge, not kindness
            valences[i], notes[i] = self._apply_rules(base, i, items, keys, in_phrase, cap_diff)
            rules[i] = "support_lexicon" if key in self._support_words else "lexicon"
            notes[i] = f"{_SOURCES[rules[i]]} {base:+.2f}{notes[i]}"
        sarcasm = self._sarcasm(keys, valences, rules)
        but = _but_index(keys)
        evidence: list[RawEvidence] = []
        total = 0.0
        for i in range(count):
            valence = valences[i]
            if not valence:
                continue
            note = notes[i]
            if but is not None and i != but:
                valence *= _BEFORE_BUT if i < but else _AFTER_BUT
                note += "; before 'but'" if i < but else "; after 'but'"
            total += valence
            token = items[i]
            end = phrase_ends.get(i, token.end)
            detail = note if i not in sarcasm else f"sarcasm: {token.text!r} opens a complaint; {note}"
            evidence.append(("sarcasm" if i in sarcasm else rules[i], token.start, end, valence, detail))
        return total, evidence

    def _match_phrases(
        self,
        items: list[Token],
        keys: list[str],
        valences: list[float],
        rules: list[str],
        notes: list[str],
        in_phrase: list[bool],
    ) -> dict[int, int]:
        """Mark phrase matches; the phrase's valence sits on its first token. Returns first index → end offset."""
        ends: dict[int, int] = {}
        phrases = self._phrases
        count = len(keys)
        i = 0
        while i < count:
            candidates = phrases.get(keys[i])
            matched = 0
            if candidates:
                for phrase, valence in candidates:
                    size = len(phrase)
                    if tuple(keys[i : i + size]) == phrase:
                        valences[i] = valence
                        rules[i] = "support_phrase"
                        notes[i] = f"{_SOURCES['support_phrase']} {valence:+.2f}"
                        for j in range(i, i + size):
                            in_phrase[j] = True
                        ends[i] = items[i + size - 1].end
                        matched = size
                        break
            i += matched or 1
        return ends

    def _apply_rules(
        self, base: float, i: int, items: list[Token], keys: list[str], in_phrase: list[bool], cap_diff: bool
    ) -> tuple[float, str]:
        """VADER's per-word rules: "no", capitals, boosters and negation in the three words before.

        Words inside a matched phrase are spent: "no problem, thanks" does not negate "thanks".
        """
        valence = base
        notes = ""
        lexicon = self._lexicon

        def free(j: int) -> bool:
            return j >= 0 and not in_phrase[j]

        if keys[i] == "no" and i + 1 < len(keys) and keys[i + 1] in lexicon:
            return 0.0, ""  # "no" negates the next word instead of counting itself
        if (free(i - 1) and keys[i - 1] == "no") or (free(i - 2) and keys[i - 2] == "no") or (
            free(i - 3) and keys[i - 3] == "no" and keys[i - 1] in ("or", "nor")
        ):
            valence = base * self._negation_scalar
            notes += "; negated by 'no'"
        if cap_diff and items[i].text.isupper():
            valence += self._caps_increment if valence > 0 else -self._caps_increment
            notes += "; in capitals"
        for distance in range(1, 4):
            j = i - distance
            if j < 0:
                break
            previous = keys[j]
            if previous in lexicon or in_phrase[j]:
                continue
            boost = self._boosters.get(previous)
            if boost is not None:
                boost = boost if valence > 0 else -boost
                if cap_diff and items[j].text.isupper():
                    boost += self._caps_increment if valence > 0 else -self._caps_increment
                valence += boost * _BOOSTER_DECAY[distance - 1]
                notes += f"; {'boosted' if boost * valence > 0 else 'dampened'} by {items[j].text!r}"
            if distance >= 2 and keys[j] == "never" and keys[j + 1] in ("so", "this"):
                valence *= _NEVER_SO
            elif distance >= 2 and keys[j] == "without" and keys[j + 1] == "doubt":
                pass
            elif previous in self._negations or "n't" in previous:
                valence *= self._negation_scalar
                notes += f"; negated by {items[j].text!r}"
        if i > 0 and keys[i - 1] == "least" and not (i > 1 and keys[i - 2] in ("at", "very")):
            valence *= self._negation_scalar
            notes += "; negated by 'least'"
        return valence, notes

    def _sarcasm(self, keys: list[str], valences: list[float], rules: list[str]) -> set[int]:
        """Flip positive openers in a sentence that also complains in support terms; return their indexes."""
        complaint = any(
            valence < 0 and rule in ("support_lexicon", "support_phrase") for valence, rule in zip(valences, rules)
        )
        if not complaint:
            return set()
        flipped = set()
        openers = self.adjustments.sarcasm_openers
        for i in range(min(_SARCASM_WINDOW, len(keys))):
            if valences[i] > 0 and keys[i] in openers:
                valences[i] = -valences[i] * _SARCASM_SCALE
                flipped.add(i)
        return flipped

    def _emoji(self, emoji: str) -> float:
        """An emoji's valence: the sum of VADER's valences for the words of its description."""
        valence = self._emoji_valence.get(emoji)
        if valence is None and emoji in self._lexicon:
            valence = self._emoji_valence[emoji] = self._lexicon[emoji]
        if valence is None:
            description = emoji_descriptions().get(emoji) or emoji_descriptions().get(emoji.rstrip("\ufe0f"), "")
            valence = sum(self._lexicon.get(word, 0.0) for word in description.lower().split())
            self._emoji_valence[emoji] = valence
        return valence


def _key(token: Token) -> str:
    """The lexicon key of a token: lower-cased, with typographic apostrophes made plain."""
    norm = token.norm
    return norm.replace("’", "'") if "’" in norm else norm


def _caps_differ(tokens: tuple[Token, ...]) -> bool:
    """VADER's cap differential: capitals add emphasis only when some, not all, words are in capitals."""
    words = upper = 0
    for token in tokens:
        if token.kind == "word":
            words += 1
            if token.text.isupper():
                upper += 1
    return 0 < upper < words


def _punctuation_emphasis(text: str, start: int, end: int) -> float:
    exclamations = min(text.count("!", start, end), _MAX_EXCLAMATIONS) * _EXCLAMATION
    questions = text.count("?", start, end)
    if questions > 3:
        return exclamations + _MAX_QUESTION
    if questions > 1:
        return exclamations + questions * _QUESTION
    return exclamations


def _emphasise(total: float, emphasis: float) -> float:
    if total > 0:
        return total + emphasis
    if total < 0:
        return total - emphasis
    return total


def _but_index(keys: list[str]) -> Optional[int]:
    try:
        return keys.index("but")
    except ValueError:
        return None
