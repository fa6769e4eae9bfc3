"""Analyse customer messages with cxcoach and print what it found, with the evidence for each result.

Usage:
    python examples/quickstart.py                   # the sample messages in examples/data/
    python examples/quickstart.py "Some text" ...   # your own messages instead
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import cxcoach

SAMPLES = Path(__file__).resolve().parent / "data" / "support_messages.txt"


def read_samples(path: Path = SAMPLES) -> list[str]:
    """One message per non-blank line."""
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def quote(text: str, limit: int = 48) -> str:
    """``text`` in quotes, shortened in the middle when long (punctuation evidence spans a whole sentence)."""
    if len(text) > limit:
        text = text[: limit // 2 - 2] + " ... " + text[-(limit // 2 - 3) :]
    return repr(text)


def report(number: int, analysis: cxcoach.MessageAnalysis) -> str:
    """A readable block for one analysed message."""
    sentiment = analysis.sentiment
    lines = [
        f"[{number}] {sentiment.label.upper()}  score {sentiment.score:+.3f}  intensity {sentiment.intensity}/3",
        f"    {analysis.text!r}",
    ]
    for sentence in sentiment.sentences:
        lines.append(f"    sentence [{sentence.start}:{sentence.end}] {sentence.label} {sentence.score:+.3f}")
        for evidence in sentence.evidence:
            lines.append(f"        evidence: {evidence.rule:<15} {quote(evidence.text)} {evidence.weight:+.2f}")
    if sentiment.evidence:
        cues = "; ".join(f"{cue.rule} {quote(cue.text)}" for cue in sentiment.evidence)
        lines.append(f"    intensity cues: {cues}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Sentiment, intensity and evidence for customer messages.")
    parser.add_argument("text", nargs="*", help="messages to analyse (default: the bundled samples)")
    args = parser.parse_args(argv)
    # Emoji in the samples must not crash a terminal that is not UTF-8.
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")

    messages = args.text or read_samples()
    source = "the command line" if args.text else SAMPLES.relative_to(SAMPLES.parent.parent.parent)
    print(f"cxcoach {cxcoach.__version__}: {len(messages)} message(s) from {source}\n")

    labels: Counter[str] = Counter()
    for number, text in enumerate(messages, start=1):
        analysis = cxcoach.analyze(text)
        labels[analysis.sentiment.label] += 1
        print(report(number, analysis), end="\n\n")

    print("summary: " + ", ".join(f"{labels[label]} {label}" for label in ("negative", "neutral", "positive")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
