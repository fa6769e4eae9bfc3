"""Loaders for the public evaluation data in ``../shared/data`` (or ``$CXCOACH_DATA``).

The data is for evaluation only: it is read from where it lives, never copied into the repository.
Split rule (shared/data/README.md): ``zlib.crc32(text.encode("utf-8")) % 10 < 3`` is test, else dev.
Rules and lexicons are tuned on dev only.
"""

from __future__ import annotations

import csv
import os
import zlib
from pathlib import Path
from typing import Iterator, NamedTuple, Optional

REPO = Path(__file__).resolve().parent.parent


def data_dir() -> Optional[Path]:
    """The evaluation data folder, or ``None`` when it is not on this machine."""
    candidates = [os.environ.get("CXCOACH_DATA"), REPO.parent / "shared" / "data", REPO / "../shared/data"]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate).resolve()
    return None


def split_of(text: str) -> str:
    """``"test"`` or ``"dev"``, by the project's fixed hash rule."""
    return "test" if zlib.crc32(text.encode("utf-8")) % 10 < 3 else "dev"


class Item(NamedTuple):
    text: str
    label: str  # a sentiment class, or a number as text for ratings
    split: str


def airline_tweets(root: Path) -> Iterator[Item]:
    """Twitter US Airline Sentiment, rows with crowd confidence 1.0 (10,445 tweets)."""
    path = root / "twitter_us_airline_sentiment" / "Tweets_merged.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if float(row["airline_sentiment_confidence"]) == 1.0:
                yield Item(row["text"], row["airline_sentiment"], split_of(row["text"]))


def vader_tweets(root: Path) -> Iterator[Item]:
    """VADER's 4,200 tweet-like texts with the mean of 20+ human ratings (-4..4) as the label."""
    path = root / "vader_groundtruth" / "tweets_GroundTruth.txt"
    with path.open(encoding="utf-8", newline="") as handle:
        for line in handle:
            parts = line.rstrip("\r\n").split("\t", 2)
            if len(parts) == 3:
                yield Item(parts[2], parts[1], split_of(parts[2]))


# Counselling and emotional-support data for the technique analyzer (benchmarks/techniques_outside.py).


class Reply(NamedTuple):
    text: str  # the listener's turn (therapist, supporter, responder) that is labelled
    context: Optional[str]  # the previous turn of the other speaker, or None when the data has none
    labels: frozenset[str]  # gold labels in the dataset's own vocabulary
    split: str


def _majority(votes: list[str]) -> Optional[str]:
    """The most frequent vote, or ``None`` on a tie for first place."""
    counts = {vote: votes.count(vote) for vote in set(votes)}
    best = max(counts.values())
    winners = [vote for vote, count in counts.items() if count == best]
    return winners[0] if len(winners) == 1 else None


def annomi(root: Path) -> Iterator[Reply]:
    """AnnoMI therapist utterances (AnnoMI-full.csv), with the nearest earlier client utterance as context.

    Labels: ``question:open``/``question:closed`` and ``reflection:simple``/``reflection:complex`` when
    present, plus ``behaviour:<main_therapist_behaviour>``. The 428 utterances labelled by all 10
    annotators get the majority vote per field; the 14 tied on the question or reflection subtype are
    left out (4,868 utterances remain). Utterances come in transcript order.
    """
    path = root / "annomi" / "AnnoMI-full.csv"
    votes: dict[tuple[int, int], list[dict[str, str]]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            votes.setdefault((int(row["transcript_id"]), int(row["utterance_id"])), []).append(row)
    last_client: dict[int, str] = {}
    for (transcript, _), rows in sorted(votes.items()):
        text = rows[0]["utterance_text"]
        if rows[0]["interlocutor"] != "therapist":
            last_client[transcript] = text
            continue
        question = _majority([row["question_subtype"] for row in rows])
        reflection = _majority([row["reflection_subtype"] for row in rows])
        behaviour = _majority([row["main_therapist_behaviour"] for row in rows])
        if question is None or reflection is None:
            continue
        labels = {f"question:{question}"} if question in ("open", "closed") else set()
        if reflection in ("simple", "complex"):
            labels.add(f"reflection:{reflection}")
        if behaviour:
            labels.add(f"behaviour:{behaviour}")
        yield Reply(text, last_client.get(transcript), frozenset(labels), split_of(text))


def esconv(root: Path) -> Iterator[Reply]:
    """ESConv supporter turns with their strategy, from the derived CSVs of the released dev and test files.

    The context is the nearest earlier seeker turn. ESConv's own dev/test split is ignored: both files are
    read (dev first) and re-split by the project's hash rule on the supporter's turn.
    """
    for name in ("supporter_strategy_dev.csv", "supporter_strategy_test.csv"):
        with (root / "esconv" / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                text = row["supporter_utterance"]
                context = row["previous_seeker_utterance"] or None
                yield Reply(text, context, frozenset({row["strategy"]}), split_of(text))


EPITOME_FILES = {
    "emotional_reactions": "emotional-reactions-reddit.csv",
    "interpretations": "interpretations-reddit.csv",
    "explorations": "explorations-reddit.csv",
}


def epitome(root: Path) -> Iterator[Reply]:
    """EPITOME Reddit (seeker post, response) pairs with one label per mechanism, such as ``explorations:2``.

    The three files hold the same pairs in the same order; they are joined row by row. A pair listed
    more than once (60 pairs) is kept once, with the highest level each mechanism was given.
    """
    tables = {}
    for mechanism, name in EPITOME_FILES.items():
        with (root / "epitome_reddit" / name).open(encoding="utf-8", newline="") as handle:
            tables[mechanism] = list(csv.DictReader(handle))
    levels: dict[tuple[str, str], dict[str, int]] = {}
    posts: dict[tuple[str, str], tuple[str, str]] = {}
    for index, row in enumerate(tables["emotional_reactions"]):
        key = (row["sp_id"], row["rp_id"])
        posts.setdefault(key, (row["response_post"], row["seeker_post"]))
        seen = levels.setdefault(key, {})
        for mechanism, rows in tables.items():
            if rows[index]["rp_id"] != row["rp_id"]:
                raise ValueError(f"{EPITOME_FILES[mechanism]} is not in the same order at row {index}")
            seen[mechanism] = max(seen.get(mechanism, 0), int(rows[index]["level"]))
    for key, (text, seeker) in posts.items():
        labels = frozenset(f"{mechanism}:{level}" for mechanism, level in levels[key].items())
        yield Reply(text, seeker or None, labels, split_of(text))


def empathetic_intents(root: Path) -> Iterator[Reply]:
    """The 506 hand-annotated EmpatheticIntents listener replies (``manual_annotations/<intent>.txt``).

    The files carry no speaker turn, so the context is ``None``. A text found more than once is yielded
    once, with every intent it was given (497 unique texts; all repeats are within one file).
    """
    intents: dict[str, set[str]] = {}
    for path in sorted((root / "empathetic_intents" / "manual_annotations").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                intents.setdefault(line.strip(), set()).add(path.stem)
    for text, labels in intents.items():
        yield Reply(text, None, frozenset(labels), split_of(text))
