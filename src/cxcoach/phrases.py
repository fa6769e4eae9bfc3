"""`PhraseMatcher`: find cue phrases among a sentence's words, with the tokens they cover.

Analyzers keep their cue phrases as data ("how do i", "has been assigned to"); this matches them on
whole words of a sentence's normalised tokens, longest phrase first, and maps each match back to token
indexes, so a finding can point at the exact characters.

Examples:
    >>> from cxcoach.text import Doc
    >>> doc = Doc("Your case has been assigned to our billing team.")
    >>> matcher = PhraseMatcher(["assigned to", "billing"])
    >>> [(phrase, doc.tokens[first].start, doc.tokens[last].end) for phrase, first, last in matcher.find_all(doc.tokens)]
    [('assigned to', 19, 30), ('billing', 35, 42)]
"""

from __future__ import annotations

from typing import Iterable, Optional, Sequence

from .text import WORD_KINDS, Token

__all__ = ["PhraseMatcher", "WORD_KINDS", "tag_phrases"]


def tag_phrases(lists: dict[str, Iterable[str]]) -> dict[str, frozenset[str]]:
    """Normalised phrase → the names of the lists it is in, for one matcher over several cue lists.

    Example: ``tag_phrases({"process": ["review"], "step": ["review"]})["review"] == {"process", "step"}``.
    """
    tags: dict[str, set[str]] = {}
    for kind, phrases in lists.items():
        for phrase in phrases:
            tags.setdefault(" ".join(phrase.lower().split()), set()).add(kind)
    return {phrase: frozenset(kinds) for phrase, kinds in tags.items()}


class PhraseMatcher:
    """Matches lower-case phrases on whole words, leftmost first, longest first, without overlaps.

    Phrases are stored as a trie of words, so a sentence costs one dict look-up per word plus one per
    word of a phrase that starts there (a list of candidate phrases per first word was measured three
    times slower on packs where hundreds of phrases start with "you" or "i'll"; a regular expression
    alternation five times slower).

    Args:
        phrases: The phrases, lower-case; words are separated by spaces and must match token norms.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        root: dict = {}
        for phrase in {" ".join(phrase.lower().split()) for phrase in phrases if phrase.strip()}:
            node = root
            for word in phrase.split(" "):
                node = node.setdefault(word, {})
            node[_END] = phrase
        self._root = root

    def find_all(self, tokens: Sequence[Token]) -> list[tuple[str, int, int]]:
        """Every match as ``(phrase, first, last)``: indexes into ``tokens`` of its first and last word."""
        positions = [i for i, token in enumerate(tokens) if token.kind in WORD_KINDS]
        return self.find_in_words(positions, [tokens[i].norm for i in positions])

    def find_in_words(self, positions: Sequence[int], words: Sequence[str]) -> list[tuple[str, int, int]]:
        """Like `find_all`, on words already extracted (`cxcoach.text.Doc.sentence_words`)."""
        root = self._root
        found = []
        count = len(words)
        i = 0
        while i < count:
            node = root.get(words[i])
            if node is None:
                i += 1
                continue
            best = None
            j = i
            while True:
                phrase = node.get(_END)
                if phrase is not None:
                    best = (phrase, j)
                j += 1
                if j == count:
                    break
                node = node.get(words[j])
                if node is None:
                    break
            if best is None:
                i += 1
                continue
            found.append((best[0], positions[i], positions[best[1]]))
            i = best[1] + 1  # matches do not overlap: a phrase's own words cannot start another
        return found

    def may_match(self, words: Iterable[str]) -> bool:
        """Whether some phrase starts with one of ``words``: a quick test (one set operation, no trie
        walk) before `find_in_words` on a short window that usually holds no phrase."""
        return not self._root.keys().isdisjoint(words)

    def first(self, tokens: Sequence[Token]) -> Optional[tuple[str, int, int]]:
        """The leftmost match, or ``None``."""
        found = self.find_all(tokens)
        return found[0] if found else None


# The trie key that marks the end of a phrase; not a word any tokenizer produces.
_END = "\x00"
