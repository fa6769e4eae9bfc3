"""The ``vader`` backend: nltk's VADER implementation, fed the lexicon shipped by vaderSentiment.

nltk's ``SentimentIntensityAnalyzer`` normally loads ``vader_lexicon`` through ``nltk.download``; here
it is given the text of the lexicon file from the vaderSentiment package instead, so nothing is fetched.
nltk is imported on first use (it takes about half a second).
"""

from __future__ import annotations

from typing import Any

from ..errors import MissingDataError
from ..models import SentimentResult
from ..text import Doc
from .lexicons import vader_lexicon, vader_lexicon_text
from .result import RawEvidence, build_result

__all__ = ["VaderBackend"]

# VADER's published neutral band on the compound score (Hutto & Gilbert 2014).
VADER_THRESHOLD = 0.05


def _nltk_analyzer() -> Any:
    try:
        from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants
    except ModuleNotFoundError:
        raise MissingDataError("the vader backend needs nltk: pip install nltk (a dependency of cxcoach)") from None

    class _PackagedLexiconAnalyzer(SentimentIntensityAnalyzer):  # type: ignore[misc]
        # nltk's __init__ would call nltk.data.load (the downloader's path); give it the text directly.
        def __init__(self) -> None:
            self.lexicon_file = vader_lexicon_text()
            self.lexicon = self.make_lex_dict()
            self.constants = VaderConstants()

    return _PackagedLexiconAnalyzer()


class VaderBackend:
    """nltk's VADER with vaderSentiment's lexicon: general-purpose, no support adjustments.

    Args:
        threshold: Half-width of the neutral band of the compound score (VADER's published 0.05).

    Examples:
        >>> from cxcoach.text import Doc
        >>> VaderBackend().score(Doc("The crew was lovely.")).label
        'positive'
    """

    name = "vader"

    def __init__(self, *, threshold: float = VADER_THRESHOLD) -> None:
        self.threshold = threshold
        self._analyzer = _nltk_analyzer()
        self._lexicon = vader_lexicon()

    def score(self, doc: Doc) -> SentimentResult:
        """Score the message as a whole (as VADER does) and each sentence on its own."""
        text = doc.text
        polarity = self._analyzer.polarity_scores
        per_sentence = []
        for sentence in doc.sentences:
            span = text[sentence.start : sentence.end]
            evidence: list[RawEvidence] = [
                ("lexicon", token.start, token.end, self._lexicon[token.norm], "VADER lexicon valence")
                for token in doc.sentence_tokens(sentence)
                if token.norm in self._lexicon
            ]
            per_sentence.append((sentence, polarity(span)["compound"], evidence))
        score = polarity(text)["compound"] if doc.sentences else 0.0
        return build_result(
            doc, backend=self.name, score=score, thresholds=(self.threshold, self.threshold), sentences=per_sentence
        )

