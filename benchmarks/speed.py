"""Speed: microseconds per message for cxcoach beside vaderSentiment and TextBlob, and import time.

Runs every system over the same messages in one process, several times, and reports the median run
(machines here are noisy: compare the ratios, not the absolute numbers). Messages are the airline
tweets from ../shared/data when present, else the bundled example messages.

Usage::

    python benchmarks/speed.py            # print the table
    python benchmarks/speed.py --write    # and update docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datasets import REPO, airline_tweets, data_dir  # noqa: E402
from report import machine, write_section  # noqa: E402

RUNS = 5
MESSAGES = 3000
IMPORT_RUNS = 15


def messages() -> tuple[list[str], str]:
    root = data_dir()
    if root is not None:
        texts = [item.text for item in airline_tweets(root)][:MESSAGES]
        return texts, f"{len(texts)} airline tweets"
    lines = (REPO / "examples" / "data" / "support_messages.txt").read_text(encoding="utf-8").splitlines()
    lines = [line for line in lines if line.strip()]
    texts = (lines * (MESSAGES // len(lines) + 1))[:MESSAGES]
    return texts, f"{len(texts)} bundled example messages (repeated)"


def per_message(function: Callable[[str], object], texts: list[str]) -> float:
    """Median over RUNS of the mean microseconds per message."""
    for text in texts[:50]:
        function(text)  # warm caches and lazy loads
    runs = []
    for _ in range(RUNS):
        start = time.perf_counter()
        for text in texts:
            function(text)
        runs.append((time.perf_counter() - start) / len(texts) * 1e6)
    return statistics.median(runs)


def import_ms(statement: str) -> float:
    """Median wall time of a fresh interpreter running ``statement``, in milliseconds."""
    runs = []
    for _ in range(IMPORT_RUNS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], check=True)
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def systems(texts: list[str]) -> dict[str, Callable[[str], object]]:
    import cxcoach
    from cxcoach.sentiment import SentimentAnalyzer
    from cxcoach.text import Doc
    from textblob import TextBlob
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    found: dict[str, Callable[[str], object]] = {
        "vaderSentiment `polarity_scores`": vader.polarity_scores,
        "TextBlob `TextBlob(text).sentiment`": lambda text: TextBlob(text).sentiment,
        "cxcoach text layer only (tokens + sentences)": lambda text: Doc(text).sentences,
    }
    for backend in ("support", "vader", "textblob"):
        analyzer = SentimentAnalyzer(backend)
        found[f"cxcoach sentiment, `{backend}` backend (tokenizing included)"] = lambda text, a=analyzer: a.analyze(
            Doc(text)
        )
    # What the default analyzer adds in a pipeline, where the Doc is tokenized once for every analyzer.
    docs = {text: Doc(text) for text in texts}
    for doc in docs.values():
        doc.sentences
    support = SentimentAnalyzer("support")
    found["cxcoach sentiment, `support` backend, on an already tokenized Doc"] = lambda text: support.analyze(
        docs[text]
    )
    found["cxcoach `analyze()` (default pipeline, full result)"] = cxcoach.analyze
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args()
    texts, corpus = messages()
    rows = []
    baseline = None
    for name, function in systems(texts).items():
        micros = per_message(function, texts)
        baseline = baseline or micros
        rows.append((name, micros, micros / baseline))
        print(f"{name}: {micros:.1f} µs/message ({micros / baseline:.2f}× vaderSentiment)", flush=True)
    bare = import_ms("pass")
    light = import_ms("import cxcoach")
    first = import_ms("import cxcoach; cxcoach.analyze('Still waiting for my refund!')")
    print(f"import cxcoach: {light - bare:.0f} ms over a bare interpreter; first analyze: {first - bare:.0f} ms")
    table = "\n".join(
        [
            f"Measured {machine()} with `python benchmarks/speed.py --write`, on {corpus};",
            f"each figure is the median of {RUNS} runs.",
            "",
            "| system | µs per message | × vaderSentiment |",
            "|---|---|---|",
            *(f"| {name} | {micros:.1f} | {ratio:.2f} |" for name, micros, ratio in rows),
            "",
            "| start-up (median of 15 fresh interpreters) | ms over `python -c pass` |",
            "|---|---|",
            f"| `import cxcoach` | {light - bare:.0f} |",
            f"| `import cxcoach` and a first `cxcoach.analyze(...)` (loads pydantic and the lexicons) "
            f"| {first - bare:.0f} |",
        ]
    )
    if args.write:
        write_section("speed", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
