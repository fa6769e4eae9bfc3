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
