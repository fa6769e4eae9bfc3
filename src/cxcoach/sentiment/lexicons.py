"""VADER's data, read from the files the vaderSentiment package ships (nothing is downloaded).

The word lexicon (7,500 entries rated -4..+4 by human raters), the emoji descriptions, and VADER's rule
constants (boosters, negations) come from vaderSentiment itself, so cxcoach never keeps a second copy.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Mapping

from ..errors import MissingDataError

__all__ = ["emoji_descriptions", "rated_words", "vader_constants", "vader_lexicon", "vader_lexicon_text"]

_FIX = "pip install vaderSentiment (a dependency of cxcoach; reinstall cxcoach to restore it)"


def _read(name: str) -> str:
    try:
        return resources.files("vaderSentiment").joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        raise MissingDataError(f"VADER's {name} is not installed: {_FIX}") from None


@lru_cache(maxsize=None)
def vader_lexicon_text() -> str:
    """The raw text of ``vader_lexicon.txt`` (token, mean rating, ...), as nltk's VADER reads it."""
    return _read("vader_lexicon.txt").rstrip("\n")


@lru_cache(maxsize=None)
def vader_lexicon() -> Mapping[str, float]:
    """VADER's lexicon, as VADER uses it: token → mean rating.

    Like VADER, a token listed twice keeps its last rating ("lol", "ok"), and since VADER looks words up
    lower-cased, entries with capitals (``":D"``) never match and are left out.
    """
    lexicon: dict[str, float] = {}
    for line in vader_lexicon_text().split("\n"):
        token, rating = line.split("\t", 2)[:2]
        lexicon[token] = float(rating)
    return MappingProxyType({token: rating for token, rating in lexicon.items() if token == token.lower()})


def rated_words(adjustments: Mapping[str, float]) -> dict[str, float]:
    """VADER's ratings with a lexicon's adjustments: a value replaces VADER's, 0 removes the word."""
    words = dict(vader_lexicon())
    for word, valence in adjustments.items():
        if valence == 0:
            words.pop(word, None)
        else:
            words[word] = valence
    return words


@lru_cache(maxsize=None)
def emoji_descriptions() -> Mapping[str, str]:
    """Emoji → English description (``"😡"`` → ``"pouting face"``), from ``emoji_utf8_lexicon.txt``."""
    descriptions = {}
    for line in _read("emoji_utf8_lexicon.txt").rstrip("\n").split("\n"):
        emoji, description = line.split("\t", 2)[:2]
        descriptions[emoji] = description
    return MappingProxyType(descriptions)


class VaderConstants:
    """VADER's rule constants, as published with the algorithm (Hutto & Gilbert 2014)."""

    def __init__(self) -> None:
        try:
            from vaderSentiment import vaderSentiment as vader
        except ModuleNotFoundError:
            raise MissingDataError(f"the vaderSentiment package is not installed: {_FIX}") from None
        self.boosters: Mapping[str, float] = MappingProxyType(dict(vader.BOOSTER_DICT))
        self.negations: frozenset[str] = frozenset(vader.NEGATE)
        self.special_cases: Mapping[str, float] = MappingProxyType(dict(vader.SPECIAL_CASES))
        self.negation_scalar: float = vader.N_SCALAR  # -0.74: a negated word keeps 74% of its weight, flipped
        self.caps_increment: float = vader.C_INCR  # 0.733: an ALL-CAPS word among lower-case ones


@lru_cache(maxsize=None)
def vader_constants() -> VaderConstants:
    """VADER's rule constants (cached)."""
    return VaderConstants()
