"""The text layer: one pass over a message, shared by every analyzer.

A `Doc` wraps a message. Its `tokens` and `sentences` are computed on first use and then reused, so a
pipeline of ten analyzers tokenizes once. Every token and sentence carries character offsets into the
original text, so every finding can point at what it is about.

The tokenizer is one regular expression tuned for support text (plain words between spaces are cut
without it, to the same tokens): URLs, e-mail addresses, ``@handles``,
``#hashtags``, order numbers and other codes (``#12345``, ``ORD-5521``), prices (``$129``), times (``3pm``,
``10:30``), ranges (``2-3``), HTML entities (``&amp;``), emoticons (``:-(``), emoji (with skin tones and ZWJ sequences), masked swearing (``f***ing``), runs of
``!``/``?``, contractions and hyphenated words stay whole. Sentence boundaries come from ``.``, ``!``,
``?`` and ``…`` (not after "Mr." or "Jan." before a number, see ``data/text.toml``) and from line breaks.

Examples:
    >>> from cxcoach.text import Doc
    >>> doc = Doc("Mr. Lee was charged $129 twice on Jan. 5!!! Order #A-1123 :(")
    >>> [t.text for t in doc.tokens][:6]
    ['Mr', '.', 'Lee', 'was', 'charged', '$129']
    >>> [doc.text[s.start:s.end] for s in doc.sentences]
    ['Mr. Lee was charged $129 twice on Jan. 5!!!', 'Order #A-1123 :(']
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Literal, NamedTuple, Optional, Union

from .errors import InputTypeError, InputValueError, type_name
from .models import ROLES
from .resources import TextRules, load_text_rules

if TYPE_CHECKING:
    from .models import Commitment, Estimate, SentimentResult

__all__ = [
    "CLAUSE_PUNCT", "WORD_KINDS", "Doc", "Sentence", "Token", "TokenKind", "asks", "check_role", "check_text", "stem",
    "tokenize",
]

TokenKind = Literal[
    "word", "number", "money", "time", "code", "url", "email", "handle", "hashtag",
    "emoticon", "emoji", "abbreviation", "punct", "symbol",
]
"""What a token is. An HTML entity left in scraped text (``&amp;``) is one ``symbol`` token."""


CLAUSE_PUNCT = frozenset((",", ";", ":", "—", "–", "(", ")", ".", "!", "?", "…"))
"""Punctuation that ends a clause (used by analyzers that read clauses: techniques, commitments)."""

WORD_KINDS = frozenset(("word", "code", "number", "time", "money", "abbreviation"))
"""Token kinds that count as words for phrase matching (punctuation, emoji and URLs do not)."""


class Token(NamedTuple):
    """A token: its text, character offsets ``[start, end)``, kind, and normalised form.

    ``norm`` is the text lower-cased, with typographic apostrophes made plain (``Don’t`` → ``don't``) and
    a spoken false start read as the word it leads to (``wh-what`` → ``what``, ``I-I`` → ``i``): the form
    lexicons and phrase lists are keyed by.
    """

    text: str
    start: int
    end: int
    kind: str
    norm: str


class Sentence(NamedTuple):
    """A sentence: character offsets ``[start, end)`` and token indexes ``[first, last)``."""

    start: int
    end: int
    first: int
    last: int


_EMOJI_BASE = (
    "\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\u2900-\u297f\u2b00-\u2bff\u3030\u303d\u3297\u3299"
    "\U0001f000-\U0001f1e5\U0001f200-\U0001faff"
)
_EMOJI_MOD = "\ufe0f\u20e3\U0001f3fb-\U0001f3ff"

# Top-level domains that make a bare "name.tld" a web address ("mill-lane-bakery.com", "shop.co.uk/help"),
# so its dots do not end sentences; a list, so a missing space ("waited.then") is not read as one.
_TLDS = "com|org|net|edu|gov|info|biz|io|co|uk|us|ie|eu|de|fr|es|it|nl|be|ch|au|nz|ca|in|app|dev|ai|me|tv|example"

_WORD = r"[^\W\d_]+(?:['’][^\W\d_]+){0,3}(?:[-‐][^\W\d_]+(?:['’][^\W\d_]+){0,3}){0,8}"

# Alternatives are tried in order. Plain words and common punctuation come first because they are most
# tokens (the lookahead sends "ORD-5521", "joe.b@x.com", "e.g." and "https://" on to their own
# patterns; emoticons go just before punctuation so ";)" is not read as ";"); the specific shapes
# follow, and a plain word and any other character close the list.
# Repeated groups are bounded ({0,8}, {1,64}...): an unbounded group keeps backtracking state for every
# repetition, so one 1 MB run ("a.a.a.a...") would cost memory and time far beyond linear.
# The leading (?=\S) makes every whitespace position fail at once instead of trying each alternative
# (measured: it halves the tokenizer's time on tweets).
_TOKEN_PATTERN = re.compile(
    r"""
    (?=\S)
    (?:(?P<word>""" + _WORD + r"""(?![\w@*]|[.-]\w|:/|![^\W\d_]))
  | (?P<emoticon>(?<![\w])(?:[<>}\]oO]?[:;=][-o*'^]?[)\](\[dDpP/\\|}{@3*lLsScCoO]+(?![\w])|</?3+)
      | [:;=][-'^]?[)(\]\[]+(?![\w])
      | (?<![\w)\]])[)(\][][-o^']?[:;=](?![\w(\[])
      | (?<![\w])(?:\^_*\^|[oO0]_[oO0])(?![\w]))
  | (?P<punct>[!?]+|\.{2,}|[.,;…"“”()\[\]])
  | (?P<entity>&(?:[a-zA-Z]{2,8}|\#\d{1,6});)
  | (?P<url>(?:https?://|www\.)[^\s<>"']*[^\s<>"'.,;:!?)\]}])
  | (?P<email>[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+){1,8})
  | (?P<handle>(?<![\w@])@\w+)
  | (?P<keycap>[0-9#*]\ufe0f?\u20e3)
  | (?P<money>[$€£¥]\ ?\d+(?:,\d{3}){0,6}(?:\.\d+)?(?:\ ?(?:[kKmM]|bn)\b)?
      | \d+(?:,\d{3}){0,6}(?:\.\d+)?\ ?(?:USD|EUR|GBP|usd|eur|gbp|dollars?|euros?|bucks)\b)
  | (?P<time>\d{1,2}(?::[0-5]\d)?\ ?(?:[aApP]\.[mM]|[aApP][mM])(?!\w)|(?<![\d:])\d{1,2}:[0-5]\d(?![\d:]))
  | (?P<code>\#[A-Za-z]{0,12}-?\d[\w-]*|[A-Za-z]{1,12}-?\d[\w-]*(?:\.\d+){0,4}|\d+[A-Za-z][\w-]*)
  | (?P<hashtag>(?<![\w#])\#[^\W\d]\w*)
  | (?P<number>\d+(?:[.,:/]\d+){0,8}(?:[-–]\d+(?:[.,]\d+){0,4})?%?)
  | (?P<emoji>[\U0001f1e6-\U0001f1ff]{2}
      | [""" + _EMOJI_BASE + "][" + _EMOJI_MOD + r"""]{0,4}(?:\u200d[""" + _EMOJI_BASE + "][" + _EMOJI_MOD + r"""]{0,4}){0,8})
  | (?P<masked>[^\W\d_]{1,12}\*{1,6}[^\W\d_]{1,12}(?![\w*])|[^\W\d_]{1,3}\*{2,6}(?![\w*])|[^\W\d_]{1,3}![^\W\d_]{1,3}(?!\w))
  | (?P<abbreviation>(?:[A-Za-z]\.){2,8}(?![A-Za-z]))
  | (?P<domain>(?<![\w@.-])[A-Za-z0-9][\w-]{0,62}(?:\.[\w-]{1,63}){0,6}\.(?:""" + _TLDS + r""")(?![\w-])
      (?:/[^\s<>"']*[^\s<>"'.,;:!?)\]}])?)
  | (?P<other_word>""" + _WORD + r""")
  | (?P<other_punct>[!?]+|\.{2,}|…|[^\w\s])
  | (?P<symbol>\S))
    """,
    re.VERBOSE,
)
_KIND = {name: name for name in _TOKEN_PATTERN.groupindex}
_KIND.update(domain="url", masked="word", other_word="word", other_punct="punct", entity="symbol", keycap="emoji")

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

# Characters that end a sentence, and those that still belong to the sentence they follow.
_TERMINAL = frozenset(".!?…")
_CLOSERS = frozenset(("'", '"', ")", "]", "}", "”", "’", "»"))
_new_token = tuple.__new__


def check_text(text: object, argument: str = "text") -> str:
    """Return ``text`` if it is a `str`, else raise `InputTypeError` naming the argument."""
    if not isinstance(text, str):
        raise InputTypeError(f"{argument} must be a str, got {type_name(text)}: pass the message text as a string")
    return text


def check_role(role: object) -> str:
    """Return ``role`` if it is a known role, else raise `InputValueError` listing the roles."""
    if role not in ROLES:
        raise InputValueError(f"role must be one of {', '.join(map(repr, ROLES))}, got {role!r}")
    return role  # type: ignore[return-value]


def tokenize(text: str) -> tuple[Token, ...]:
    """Split ``text`` into tokens with character offsets (whitespace is never a token).

    Most of a message is plain words between spaces ("thanks", "don't", "today." with its full stop):
    those chunks are cut without the pattern, which gives them the same tokens (measured: tokenizing
    takes a third less time). Every other chunk is read with the pattern from where the last token
    ended, so a token may still span a space ("$ 129", "3 pm").
    """
    tokens: list[Token] = []
    append = tokens.append
    chunks = text.split()
    # one space between chunks (most messages): their offsets are counted, not searched for
    spaced = " ".join(chunks) == text
    find = text.find
    reached = cursor = 0  # reached: where the last token ended
    for chunk in chunks:
        if spaced:
            start = cursor
            end = cursor = start + len(chunk)
            cursor += 1
        else:
            start = find(chunk, cursor)
            end = cursor = start + len(chunk)
        if end <= reached:
            continue  # inside a token that spans a space
        if start >= reached:
            last = chunk[-1]
            word = chunk[:-1] if last in _TRAILING else chunk
            if word.isalpha() or ("'" in word and _apostrophed(word)):
                stop = start + len(word)
                append(_new_token(Token, (word, start, stop, "word", word.lower())))
                if stop < end:
                    append(_new_token(Token, (last, stop, end, "punct", last)))
                reached = end
                continue
        reached = _read(text, max(start, reached), end, append)
    return tuple(tokens)


# A plain word's last character that is a token of its own ("today." → "today", ".").
_TRAILING = frozenset(".,!?;:")


def _apostrophed(word: str) -> bool:
    """Whether ``word`` is letters with one apostrophe inside ("don't", "customer's")."""
    head, _, tail = word.partition("'")
    return head.isalpha() and tail.isalpha()


def _read(text: str, start: int, end: int, append: Callable[[Token], None]) -> int:
    """Append the pattern's tokens from ``start`` until one ends at or after ``end``; return where it ends."""
    kind = _KIND
    match = _TOKEN_PATTERN.match
    while start < end:
        found = match(text, start)
        if found is None:  # not reached: every character but a space starts a token (`symbol` at the least)
            break
        value = found.group()
        begin, start = found.span()
        norm = value.lower()
        if "’" in norm:  # typographic apostrophes made plain in the normalised form
            norm = norm.replace("’", "'")
        token = _new_token(Token, (value, begin, start, kind[found.lastgroup], norm))
        if "-" in norm and token.kind == "word":  # a transcript's false starts: "wh-what", "I-I"
            token = _unstammered(token)
        append(token)
    return start


# Words whose parts repeat by design, and prefixes that make real words ("re-read"): not false starts.
_REDUPLICATED = frozenset(("so-so", "no-no", "bye-bye", "yo-yo", "tut-tut", "hush-hush", "night-night", "chop-chop"))
_PREFIXES = frozenset(("re", "pre", "co", "de", "un", "ex", "non", "pro", "sub", "mis", "dis", "out", "over"))


def _unstammered(token: Token) -> Token:
    """The token with ``norm`` set to the word a false start leads to ("wh-what", "a-a-about", "that-that"):
    every part before the last is a start of the last."""
    *starts, word = token.norm.split("-")
    if not word or token.norm in _REDUPLICATED or starts[0] in _PREFIXES:
        return token
    if all(part and word.startswith(part) for part in starts):
        return token._replace(norm=word)
    return token


def asks(tokens: tuple[Token, ...]) -> bool:
    """Whether a sentence's tokens end as a question: one of the last three starts or ends with "?"
    ("right?)", "?!", "... ok? 🙂")."""
    for token in tokens[-3:]:
        text = token.text
        if text[0] == "?" or text[-1] == "?":
            return True
    return False


# longest first: "cancellations" and "cancelled" both come to "cancell"
_STEM_SUFFIXES = ("ations", "ation", "ing", "ed", "es", "s", "ly")
_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20", "thirty": "30", "forty": "40",
    "fifty": "50", "sixty": "60", "ninety": "90", "hundred": "100", "hrs": "hour", "hr": "hour", "mins": "minut",
    "min": "minut", "twice": "2",
}


# Pure and called for every content word of every reply and its context: cached.
@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude stem of a token's norm, so that forms of one word meet ("charged" ~ "charge", "three" ~ "3").

    Used where a reply's words are compared with the customer's (mirroring) and by learned word weights.
    """
    word = word.removesuffix("'s").removesuffix("’s")
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    for suffix in _STEM_SUFFIXES:
        if len(word) >= len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)].rstrip("e")
    return word.rstrip("e") if len(word) > 4 else word


def _is_boundary(tokens: tuple[Token, ...], i: int, text: str) -> bool:
    """Whether the terminal punctuation token ``tokens[i]`` ends its sentence."""
    token = tokens[i]
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if following is None:
        return True
    if token.text == "." and i > 0:
        previous = tokens[i - 1]
        if previous.end == token.start:
            rules = _text_rules()
            # Titles ("Mr.") never end a sentence; initials ("J. Smith", but not the pronoun "I") do only
            # before a word that starts sentences ("out through exit B. The driver...")
            if previous.norm in rules.titles:
                return False
            if previous.kind == "word" and len(previous.text) == 1 and previous.text.isupper() and previous.text != "I":
                return following.norm in rules.sentence_starters
            # A known abbreviation, or a time like "10 a.m", goes on unless a capitalised word follows.
            abbreviated = previous.norm in rules.abbreviations or (previous.kind == "time" and "." in previous.text)
            if abbreviated:
                return following.kind == "word" and following.text[:1].isupper()
    if following.text in (")", "]"):
        return False  # "(finally!)" exclaims inside the sentence
    if token.text[0] in ".…" and len(token.text) > 1 or token.text == "…":
        # An ellipsis trails off inside a sentence unless a new sentence visibly starts.
        return not (following.kind == "word" and following.text[:1].islower())
    return True


_rules: Optional[TextRules] = None


def _text_rules() -> TextRules:
    global _rules  # a plain global: this is called for every period, lru_cache's call costs more
    if _rules is None:
        _rules = load_text_rules()
    return _rules


def split_sentences(text: str, tokens: tuple[Token, ...]) -> tuple[Sentence, ...]:
    """Group tokens into sentences (see the module docstring for the rules)."""
    sentences: list[Sentence] = []
    count = len(tokens)
    has_newline = "\n" in text  # most messages have none: skip the gap checks entirely
    first = 0
    i = 0
    while i < count:
        token = tokens[i]
        kind = token.kind
        ends = False
        if kind == "punct" and token.text[0] in _TERMINAL:
            ends = _is_boundary(tokens, i, text)
        elif kind == "abbreviation" and i + 1 < count:
            following = tokens[i + 1]
            ends = (
                token.norm not in _text_rules().introducers
                and following.kind == "word"
                and following.text[:1].isupper()
            )
        if ends:
            # Closing quotes, brackets, emoticons and emoji on the same line stay with the sentence.
            while i + 1 < count:
                nxt = tokens[i + 1]
                attached = nxt.kind in ("emoji", "emoticon") or nxt.text in _CLOSERS or (
                    nxt.kind == "punct" and nxt.text[0] in _TERMINAL
                )
                if not attached or (has_newline and "\n" in text[tokens[i].end : nxt.start]):
                    break
                i += 1
            sentences.append(Sentence(tokens[first].start, tokens[i].end, first, i + 1))
            first = i + 1
        elif has_newline and i + 1 < count and "\n" in text[token.end : tokens[i + 1].start]:
            # A line break ends a chat line, unless the next line carries on in lower case.
            if not tokens[i + 1].text[:1].islower():
                sentences.append(Sentence(tokens[first].start, token.end, first, i + 1))
                first = i + 1
        i += 1
    if first < count:
        sentences.append(Sentence(tokens[first].start, tokens[-1].end, first, count))
    return tuple(sentences)


class Doc:
    """A message being analysed: its text, role and context, with lazily computed tokens and sentences.

    Analyzers read `tokens` and `sentences` (computed once, on first use) and write their typed
    results to the slots they declare in ``assigns`` (e.g. ``doc.sentiment``).

    Args:
        text: The message. Lone UTF-16 surrogates are replaced by U+FFFD (one character for one, so
            offsets are unchanged) to keep results JSON-serialisable.
        role: ``"customer"`` or ``"agent"``.
        context: For an agent reply, the customer message it answers: its text, or a `Doc` of it
            (analysed already, so its tokens and question type are reused).

    Raises:
        InputTypeError: ``text`` or ``context`` is not a string.
        InputValueError: ``role`` is not a known role.
    """

    __slots__ = (
        "text", "role", "context", "_tokens", "_sentences", "_context_doc", "_words", "_outcome_question",
        "sentiment", "question_type", "answer_style", "estimates", "techniques", "escalation_risk", "commitments",
    )

    def __init__(self, text: str, role: str = "customer", context: Optional[Union[str, Doc]] = None) -> None:
        check_text(text)
        context_doc = None
        if isinstance(context, Doc):  # already analysed: reuse its tokens and slots
            context_doc, context = context, context.text
        elif context is not None:
            check_text(context, "context")
            context = _LONE_SURROGATE.sub("\ufffd", context)
        self.text: str = _LONE_SURROGATE.sub("\ufffd", text)
        self.role: str = check_role(role)
        self.context: Optional[str] = context
        self._tokens: Optional[tuple[Token, ...]] = None
        self._sentences: Optional[tuple[Sentence, ...]] = None
        self._context_doc: Optional[Doc] = context_doc
        self._words: dict[int, tuple[list[int], list[str]]] = {}
        # the question-type analyzer's reading, kept for a reply given this message as its context: the
        # message's question type and its first outcome question (see `QuestionTypeAnalyzer.outcome_question`)
        self._outcome_question: Optional[tuple[str, Optional[Sentence]]] = None
        self.sentiment: Optional[SentimentResult] = None
        self.question_type: Optional[str] = None
        self.answer_style: Optional[str] = None
        self.estimates: Optional[tuple[Estimate, ...]] = None
        self.techniques: Optional[frozenset[str]] = None
        self.escalation_risk: Optional[float] = None
        self.commitments: Optional[tuple[Commitment, ...]] = None

    @property
    def tokens(self) -> tuple[Token, ...]:
        """All tokens, computed on first access."""
        if self._tokens is None:
            self._tokens = tokenize(self.text)
        return self._tokens

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """All sentences, computed on first access."""
        if self._sentences is None:
            self._sentences = split_sentences(self.text, self.tokens)
        return self._sentences

    @property
    def context_doc(self) -> Optional[Doc]:
        """The customer message given as context, as a `Doc` of its own (made once, on first use)."""
        if self._context_doc is None and self.context is not None:
            self._context_doc = Doc(self.context, role="customer")
        return self._context_doc

    def sentence_tokens(self, sentence: Sentence) -> tuple[Token, ...]:
        """The tokens of one sentence."""
        return self.tokens[sentence.first : sentence.last]

    def sentence_words(self, sentence: Sentence) -> tuple[list[int], list[str]]:
        """A sentence's words (see `WORD_KINDS`): their indexes in `sentence_tokens` and their norms.

        Computed once per sentence and shared by every analyzer that matches phrases. Treat as read-only.
        A part of a sentence (a `Sentence` of some of its tokens) gets its own words.
        """
        key = sentence.first | sentence.last << 32  # two parts may start at one token
        found = self._words.get(key)
        if found is None:
            positions: list[int] = []
            words: list[str] = []
            # one loop filling both lists (measured faster than two comprehensions)
            for i, token in enumerate(self.tokens[sentence.first : sentence.last]):
                if token.kind in WORD_KINDS:
                    positions.append(i)
                    words.append(token.norm)
            found = self._words[key] = (positions, words)
        return found

    def __repr__(self) -> str:
        preview = self.text if len(self.text) <= 40 else self.text[:37] + "..."
        return f"Doc({preview!r}, role={self.role!r})"
