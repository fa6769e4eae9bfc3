"""The ``textblob`` backend: TextBlob's PatternAnalyzer, with per-word assessments and subjectivity.

PatternAnalyzer reads the sentiment lexicon that ships inside the textblob package, so it needs no
corpus download. textblob is imported on first use.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import MissingDataError
from ..models import SentimentResult
from ..text import Doc
from .result import RawEvidence, build_result

__all__ = ["TextBlobBackend"]

# TextBlob's polarity is 0.0 for text with no opinion words; anything else leans one way.
TEXTBLOB_THRESHOLD = 1e-9


def _pattern_analyzer() -> Any:
    try:
        from textblob.en.sentiments import PatternAnalyzer
    except ModuleNotFoundError:
        raise MissingDataError("the textblob backend needs textblob: pip install textblob") from None
    return PatternAnalyzer()


class TextBlobBackend:
    """TextBlob's PatternAnalyzer: polarity, subjectivity and the assessed words as evidence.

    Args:
        threshold: Polarity magnitude below which a result is neutral (default: any non-zero polarity).

    Examples:
        >>> from cxcoach.text import Doc
        >>> result = TextBlobBackend().score(Doc("The staff were very helpful."))
        >>> result.label, result.subjectivity is not None
        ('positive', True)
    """

    name = "textblob"

    def __init__(self, *, threshold: float = TEXTBLOB_THRESHOLD) -> None:
        self.threshold = threshold
        self._analyzer = _pattern_analyzer()

    def score(self, doc: Doc) -> SentimentResult:
        """Score the message as a whole and each sentence, keeping PatternAnalyzer's assessments."""
        text = doc.text
        per_sentence = []
        for sentence in doc.sentences:
            result = self._analyzer.analyze(text[sentence.start : sentence.end], keep_assessments=True)
            evidence = _locate(text, sentence.start, sentence.end, result.assessments)
            per_sentence.append((sentence, result.polarity, evidence))
        if doc.sentences:
            whole = self._analyzer.analyze(text)
            score, subjectivity = whole.polarity, whole.subjectivity
        else:
            score, subjectivity = 0.0, 0.0
        return build_result(
            doc,
            backend=self.name,
            score=score,
            thresholds=(self.threshold, self.threshold),
            sentences=per_sentence,
            subjectivity=max(0.0, min(1.0, subjectivity)),
        )


def _find_word(text: str, word: str, start: int, end: int) -> int:
    """Offset of ``word`` as a whole word in ``text[start:end]``, any case, or -1 ("good" not in "Goodbye").

    Searching the original text case-insensitively keeps offsets right where lower-casing would
    change the length ("İ" lower-cases to two characters).
    """
    match = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE).search(text, start, end)
    return match.start() if match else -1


def _locate(text: str, start: int, end: int, assessments: list[Any]) -> list[RawEvidence]:
    """Find each assessed word group in the sentence, left to right, to give it offsets."""
    evidence: list[RawEvidence] = []
    cursor = start
    for words, polarity, subjectivity, _ in assessments:
        first = _find_word(text, words[0], cursor, end)
        if first < 0:
            continue
        last = _find_word(text, words[-1], first, end)
        stop = last + len(words[-1]) if last >= 0 else first + len(words[0])
        detail = f"PatternAnalyzer: {' '.join(words)!r} polarity {polarity:.2f}, subjectivity {subjectivity:.2f}"
        evidence.append(("pattern", first, stop, polarity, detail))
        cursor = first + len(words[0])
    return evidence

