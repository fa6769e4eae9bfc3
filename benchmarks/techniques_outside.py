"""Listening and empathy techniques on outside, counselling data, beside a plain keyword baseline.

The technique analyzer is built for customer service; these datasets are counselling, peer support and
social chit-chat. Their labels are not our taxonomy, so each row maps one gold class onto one or more of
our labels and asks: do the techniques ``cxcoach.analyze(reply, role="agent", context=...)`` finds
contain any of the mapped labels? Every row reports, for the dev and the **test** split, the number of
positives and negatives, recall, precision, F1, and the false-positive rate on the other classes (the
negatives), for cxcoach and for the keyword baseline. Read them as "how well does the idea carry over",
not as support-domain accuracy.

Data (``../shared/data`` or ``$CXCOACH_DATA``; read in place, never copied; loaders in datasets.py):

* AnnoMI: 4,868 therapist utterances from motivational-interviewing demonstration videos; context is
  the nearest earlier client utterance (none for the 118 utterances that open a transcript).
* ESConv: 5,725 supporter turns from the released dev and test files, one crowd-annotated strategy
  each; context is the nearest earlier seeker turn. Re-split by our hash rule, not ESConv's split.
  ESConv's preprocessing lower-cased many a mid-sentence "I" ("is there anything i can do?").
* EPITOME (Reddit): 3,023 unique (seeker post, response) pairs with a 0/1/2 level per mechanism;
  context is the seeker post.
* EmpatheticIntents: the 497 unique hand-annotated listener replies (506 lines); no context.

The split is ``split_of(reply)`` (crc32 % 10 < 3 → test). Tune on dev; quote test.

Mapping (gold class → our labels; negatives are every other scored item of the same data):

* AnnoMI ``open`` question → open_question, twice: against ``closed`` questions only (the task as the
  data frames it) and against every other therapist utterance (closed questions, reflections, advice,
  small talk: the precision a user would see). Majority vote for the 10-annotator utterances.
* AnnoMI reflection (simple or complex) → mirroring or labeling, against therapist utterances without a
  reflection. Simple reflections restate (mirroring); complex ones add meaning, often a feeling
  (labeling). Neither needs a question mark, and many are long, so this is a loose fit.
* ESConv ``Questions`` → open_question. ESConv's Questions include closed questions ("Are you a
  student?") and pleasantries ("How are you?"), so recall here has a ceiling well below 1.
* ESConv ``Reflection of feelings`` → labeling (naming the seeker's feeling).
* ESConv ``Restatement or Paraphrasing`` → mirroring (restating the seeker's words; needs the context).
* ESConv ``Affirmation and Reassurance`` → validation or assurance ("it is natural to feel stressed" is
  validation, "I am sure you can handle this" is reassurance). Self-disclosure, Providing Suggestions,
  Information and Other are not mapped: they are only negatives.
* EPITOME explorations, level > 0 → open_question. Explorations are "usually questions" about the
  seeker's feelings or experiences; level 2 also holds closed ones ("Does there need to be a reason?").
* EPITOME emotional reactions, level > 0 → validation, labeling or apology (warmth, compassion,
  concern: "I'm so sorry", "I feel your pain", "hope you feel better"). Level 1 (weak) dominates, and
  wishes such as "hope you feel better" fit none of our labels.
* EmpatheticIntents ``sympathizing`` → apology or validation (the playbook's apology includes sympathy:
  "So sorry to hear that"; about a third are bare "Oh no!").
* EmpatheticIntents ``consoling`` → assurance or validation ("it will get better", "happens to
  everybody"); about half are "hopefully ..." wishes, which fit none of our labels.
* EmpatheticIntents ``agreeing`` → selective_agreement ("you are right", "I agree", "it is indeed
  unfair"); many are "me too" or "so true", agreement with a view rather than with a complaint.
* EmpatheticIntents ``suggesting`` → alternative. Counselling suggestions ("maybe you should ...")
  rather than another option after a refusal, so a loose fit.

Left out, and why: EmpatheticIntents ``questioning`` is not scored as a positive class because by our
reading only about 30 of its 126 questions are open ("What happened?"); about 65 are yes/no and about 30
narrow fact questions ("Where do you live?"). Below the table we print the share of them each system
calls an open question, with no target. Also left out: acknowledging (reactions to good and bad news
alike), encouraging, wishing, expressing_care_concern, expressing_relief, appreciating (wishes and
compliments: no taxonomy label), advising (imperative advice, closer to instructions than to
alternatives), sharing_experience, sharing_opinions, disapproving; EPITOME interpretations (level 2 is
mostly the responder's own similar experience, which is self-disclosure, not a technique of ours);
AnnoMI therapist input; ESConv's FailedESConv conversations (dropped by its authors as low quality).

The keyword baseline is a short, obvious phrase list per mapped label: the playbook's own examples
(PLAYBOOK section 3) and a few plain synonyms ("don't worry", "I agree", "instead"), written before
looking at the scores and not tuned to this data (see ``KEYWORDS``). An open question is a reply with a
"?" that contains what, how, why, "tell me" or "describe".

Large data is capped at the first ``CAP`` items per split in file order (the output says when).
Speed is the median time of one ``cxcoach.analyze(reply, role="agent", context=...)`` call over the
first 200 replies of each data set.

Usage::

    python benchmarks/techniques_outside.py                 # print the table
    python benchmarks/techniques_outside.py --write         # and update docs/benchmarks.md
    python benchmarks/techniques_outside.py --errors esconv # dev-split misses and false positives
    python benchmarks/techniques_outside.py --limit 200     # at most 200 items per split and data set

Exits 0 with a message when the data is not on this machine; skips a data set whose files are missing.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Callable, Iterator, NamedTuple, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))

from datasets import EPITOME_FILES, Reply, annomi, data_dir, empathetic_intents, epitome, esconv  # noqa: E402
from report import machine, write_section  # noqa: E402

import cxcoach  # noqa: E402

SPLITS = ("dev", "test")
CAP = 5000  # items per split and data set; none of the four reaches it today
SPEED_SAMPLE = 200  # replies per data set for the timing
ERRORS_SHOWN = 40

LOADERS: dict[str, Callable[[Path], Iterator[Reply]]] = {
    "annomi": annomi,
    "esconv": esconv,
    "epitome": epitome,
    "empathetic_intents": empathetic_intents,
}
FILES: dict[str, tuple[str, ...]] = {
    "annomi": ("annomi/AnnoMI-full.csv",),
    "esconv": ("esconv/supporter_strategy_dev.csv", "esconv/supporter_strategy_test.csv"),
    "epitome": tuple(f"epitome_reddit/{name}" for name in EPITOME_FILES.values()),
    "empathetic_intents": ("empathetic_intents/manual_annotations/questioning.txt",),
}
TITLES = {"annomi": "AnnoMI", "esconv": "ESConv", "epitome": "EPITOME", "empathetic_intents": "EmpatheticIntents"}


class Mapping(NamedTuple):
    """One gold class of one data set, mapped onto our labels."""

    key: str
    dataset: str
    gold: str  # how the table names the gold class
    ours: frozenset[str]
    positive: Callable[[frozenset[str]], bool]
    negative: Callable[[frozenset[str]], bool]  # items that are neither are not scored


def _has(label: str) -> Callable[[frozenset[str]], bool]:
    return lambda labels: label in labels


def _lacks(label: str) -> Callable[[frozenset[str]], bool]:
    return lambda labels: label not in labels


def _any_prefix(prefix: str) -> Callable[[frozenset[str]], bool]:
    return lambda labels: any(label.startswith(prefix) for label in labels)


def _no_prefix(prefix: str) -> Callable[[frozenset[str]], bool]:
    return lambda labels: not any(label.startswith(prefix) for label in labels)


def _intent(name: str) -> Mapping:
    """An EmpatheticIntents intent as a positive class, every other intent as negatives."""
    ours = {"sympathizing": ("apology", "validation"), "consoling": ("assurance", "validation"),
            "agreeing": ("selective_agreement",), "suggesting": ("alternative",)}[name]
    return Mapping(f"ei_{name}", "empathetic_intents", name, frozenset(ours), _has(name), _lacks(name))


def _strategy(key: str, name: str, ours: tuple[str, ...]) -> Mapping:
    """An ESConv strategy as a positive class, every other strategy as negatives."""
    return Mapping(key, "esconv", name, frozenset(ours), _has(name), _lacks(name))


MAPPINGS: tuple[Mapping, ...] = (
    Mapping("annomi_open_vs_closed", "annomi", "open vs closed questions", frozenset({"open_question"}),
            _has("question:open"), _has("question:closed")),
    Mapping("annomi_open_vs_all", "annomi", "open question vs all other therapist turns",
            frozenset({"open_question"}), _has("question:open"), _lacks("question:open")),
    Mapping("annomi_reflection", "annomi", "reflection (simple or complex)", frozenset({"mirroring", "labeling"}),
            _any_prefix("reflection:"), _no_prefix("reflection:")),
    _strategy("esconv_questions", "Questions", ("open_question",)),
    _strategy("esconv_reflection", "Reflection of feelings", ("labeling",)),
    _strategy("esconv_restatement", "Restatement or Paraphrasing", ("mirroring",)),
    _strategy("esconv_affirmation", "Affirmation and Reassurance", ("validation", "assurance")),
    Mapping("epitome_explorations", "epitome", "explorations, level > 0", frozenset({"open_question"}),
            _lacks("explorations:0"), _has("explorations:0")),
    Mapping("epitome_emotional", "epitome", "emotional reactions, level > 0",
            frozenset({"validation", "labeling", "apology"}),
            _lacks("emotional_reactions:0"), _has("emotional_reactions:0")),
    *(_intent(name) for name in ("sympathizing", "consoling", "agreeing", "suggesting")),
)

# The keyword baseline: the playbook's example phrases and plain synonyms, one short list per mapped label.
KEYWORDS: dict[str, re.Pattern[str]] = {
    label: re.compile(pattern)
    for label, pattern in {
        "labeling": r"\byou must (be|feel|have been|have felt)\b|\bsounds like you\b|\byou seem\b|\byou sound\b"
                    r"|\bmust have been\b|\bi can hear how\b|\byou're feeling\b|\byou are feeling\b",
        "validation": r"\bunderstandable\b|\bmakes sense\b|\bi can see why\b|\bi can understand why\b"
                      r"|\banyone would\b|\bfair reaction\b",
        "mirroring": r"^so\b|\bwhat you're saying\b|\bwhat you are saying\b|\bif i've understood\b"
                     r"|\bif i understand\b|\blet me make sure\b|\byou said\b",
        "apology": r"\bsorry\b|\bapologi[sz]e|\bapologies\b",
        "assurance": r"\bi'll make sure\b|\bi will make sure\b|\bleave it with me\b|\bgood hands\b"
                     r"|\brest assured\b|\bi'll take care\b|\bi will take care\b|\bi'll stay on\b|\bdon't worry\b",
        "selective_agreement": r"\byou're right\b|\byou are right\b|\bi agree\b|\bfair point\b|\bgood point\b",
        "alternative": r"\banother option\b|\balternatively\b|\binstead\b|\bin the meantime\b"
                       r"|\bif you'd rather\b|\bother option",
    }.items()
}
OPEN_CUES = re.compile(r"\b(what|how|why|tell me|describe)\b")


def keyword_techniques(text: str) -> frozenset[str]:
    """The keyword baseline's labels for one reply (lower-cased, curly apostrophes straightened)."""
    lowered = text.lower().replace("\u2019", "'").strip()
    found = {label for label, pattern in KEYWORDS.items() if pattern.search(lowered)}
    if "?" in lowered and OPEN_CUES.search(lowered):
        found.add("open_question")
    return frozenset(found)


def cxcoach_techniques(text: str, context: Optional[str]) -> frozenset[str]:
    """cxcoach's technique labels for one reply; ``None`` (no technique analyzer yet) is empty."""
    return cxcoach.analyze(text, role="agent", context=context).techniques or frozenset()


class Score(NamedTuple):
    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def precision(self) -> Optional[float]:
        """``None`` when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def f1(self) -> float:
        p, r = self.precision or 0.0, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def fpr(self) -> float:
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else 0.0


def score(mapping: Mapping, items: list[Reply], predicted: list[frozenset[str]]) -> Score:
    """Counts for "the predicted labels contain any of the mapped labels", over the mapping's items."""
    tp = fp = fn = tn = 0
    for item, labels in zip(items, predicted):
        hit = bool(labels & mapping.ours)
        if mapping.positive(item.labels):
            tp, fn = tp + hit, fn + (not hit)
        elif mapping.negative(item.labels):
            fp, tn = fp + hit, tn + (not hit)
    return Score(tp, fp, fn, tn)


def first_per_split(items: Iterator[Reply], limit: int) -> tuple[list[Reply], bool]:
    """The first ``limit`` items of each split in file order, and whether any were left out."""
    kept: list[Reply] = []
    counts = dict.fromkeys(SPLITS, 0)
    capped = False
    for item in items:
        if counts[item.split] < limit:
            counts[item.split] += 1
            kept.append(item)
        else:
            capped = True
    return kept, capped


def missing_files(root: Path, dataset: str) -> list[str]:
    return [name for name in FILES[dataset] if not (root / name).is_file()]


def load(root: Path, limit: int, only: Optional[str] = None) -> tuple[dict[str, list[Reply]], list[str]]:
    """Each available data set's items (capped), and the notes to print (skips and caps)."""
    data: dict[str, list[Reply]] = {}
    notes: list[str] = []
    for name, loader in LOADERS.items():
        if only and name != only:
            continue
        missing = missing_files(root, name)
        if missing:
            notes.append(f"{TITLES[name]} skipped: {', '.join(missing)} not found under {root}.")
            continue
        items, capped = first_per_split(loader(root), limit)
        data[name] = items
        if capped:
            notes.append(f"{TITLES[name]} capped at the first {limit} items per split in file order.")
    return data, notes


def fmt(value: Optional[float]) -> str:
    return "–" if value is None else f"{value:.3f}"


def cells(s: Score) -> list[str]:
    return [fmt(s.recall), fmt(s.precision), fmt(s.f1), fmt(s.fpr)]


def evaluate(
    data: dict[str, list[Reply]], predictions: dict[str, dict[str, list[frozenset[str]]]]
) -> dict[tuple[str, str, str], Score]:
    """Scores keyed by (mapping key, split, system)."""
    scores: dict[tuple[str, str, str], Score] = {}
    for mapping in MAPPINGS:
        if mapping.dataset not in data:
            continue
        items = data[mapping.dataset]
        for system, predicted in predictions[mapping.dataset].items():
            for split in SPLITS:
                chosen = [(i, p) for i, p in zip(items, predicted) if i.split == split]
                scores[(mapping.key, split, system)] = score(mapping, [i for i, _ in chosen], [p for _, p in chosen])
    return scores


def table_rows(scores: dict[tuple[str, str, str], Score]) -> list[str]:
    rows = []
    for mapping in MAPPINGS:
        for split in SPLITS:
            if (mapping.key, split, "cxcoach") not in scores:
                continue
            ours, base = scores[(mapping.key, split, "cxcoach")], scores[(mapping.key, split, "keywords")]
            labels = "/".join(sorted(mapping.ours))
            name = "**test**" if split == "test" else "dev"
            row = [TITLES[mapping.dataset], f"{mapping.gold} → {labels}", name, f"{ours.tp + ours.fn} / {ours.fp + ours.tn}"]
            rows.append("| " + " | ".join(row + cells(ours) + cells(base)) + " |")
    return rows


def headline(scores: dict[tuple[str, str, str], Score]) -> list[str]:
    """The figures the issue asks to quote (the asked figure in bold), on the test split."""
    lines = []
    wanted = (("annomi_open_vs_closed", "AnnoMI open vs closed questions, open_question", "F1"),
              ("annomi_open_vs_all", "AnnoMI open questions vs all other therapist turns, open_question", "F1"),
              ("esconv_reflection", "ESConv Reflection of feelings → labeling", "R"),
              ("esconv_restatement", "ESConv Restatement or Paraphrasing → mirroring", "R"))
    for key, title, asked in wanted:
        if (key, "test", "cxcoach") not in scores:
            continue
        parts = []
        for system in ("cxcoach", "keywords"):
            s = scores[(key, "test", system)]
            figures = {"R": fmt(s.recall), "P": fmt(s.precision), "F1": fmt(s.f1)}
            shown = [f"**{name} {value}**" if name == asked else f"{name} {value}" for name, value in figures.items()]
            parts.append(f"{system} {', '.join(shown)}")
        lines.append(f"- {title}: " + "; ".join(parts) + ".")
    return lines


def questioning_share(data: dict[str, list[Reply]], predictions: dict[str, dict[str, list[frozenset[str]]]]) -> str:
    """The share of EmpatheticIntents ``questioning`` replies each system calls an open question."""
    if "empathetic_intents" not in data:
        return ""
    items = data["empathetic_intents"]
    chosen = [index for index, item in enumerate(items) if "questioning" in item.labels]
    shares = []
    for system, predicted in predictions["empathetic_intents"].items():
        hits = sum("open_question" in predicted[index] for index in chosen)
        shares.append(f"{system} {hits / len(chosen):.0%}" if chosen else f"{system} –")
    return (f"EmpatheticIntents `questioning` ({len(chosen)} replies, dev and test; about a quarter are open by our "
            f"reading, the rest yes/no or narrow fact questions) called open_question: {', '.join(shares)}.")


def speed(data: dict[str, list[Reply]]) -> tuple[float, int]:
    """Median ms of one ``cxcoach.analyze`` call over the first replies of each data set."""
    sample = [item for items in data.values() for item in items[:SPEED_SAMPLE]]
    cxcoach.analyze("Thanks for waiting.", role="agent", context="Hello?")  # load the lexicons first
    times = []
    for item in sample:
        start = time.perf_counter()
        cxcoach.analyze(item.text, role="agent", context=item.context)
        times.append((time.perf_counter() - start) * 1e3)
    return (statistics.median(times) if times else 0.0), len(sample)


def predict(data: dict[str, list[Reply]]) -> dict[str, dict[str, list[frozenset[str]]]]:
    return {
        name: {
            "cxcoach": [cxcoach_techniques(item.text, item.context) for item in items],
            "keywords": [keyword_techniques(item.text) for item in items],
        }
        for name, items in data.items()
    }


def show_errors(dataset: str, items: list[Reply], predicted: list[frozenset[str]]) -> None:
    """Dev-split misses and false positives of cxcoach, per mapping of ``dataset``."""
    dev = [(item, labels) for item, labels in zip(items, predicted) if item.split == "dev"]
    for mapping in (m for m in MAPPINGS if m.dataset == dataset):
        misses = [(i, p) for i, p in dev if mapping.positive(i.labels) and not p & mapping.ours]
        false = [(i, p) for i, p in dev if mapping.negative(i.labels) and p & mapping.ours]
        for kind, errors in (("missed", misses), ("false positive", false)):
            print(f"\n## {mapping.gold} → {'/'.join(sorted(mapping.ours))}: {kind} ({len(errors)} on dev)")
            for item, labels in errors[:ERRORS_SHOWN]:
                gold = ",".join(sorted(item.labels))
                print(f"- [{gold}] got {sorted(labels)}: {item.text[:300]!r}")
                if item.context:
                    print(f"    context: {item.context[:160]!r}")


def render(data: dict[str, list[Reply]], scores: dict[tuple[str, str, str], Score],
           predictions: dict[str, dict[str, list[frozenset[str]]]], notes: list[str], limit: int) -> str:
    millis, timed = speed(data)
    command = "python benchmarks/techniques_outside.py --write" + (f" --limit {limit}" if limit != CAP else "")
    lines = [
        (f"Measured {machine()} with `{command}`. R = recall, P = precision (– when nothing was predicted), "
         "FPR = false-positive rate on the negatives (the other classes). n+ / n− = positives / negatives."),
        "",
        ("| data | gold class → our labels | split | n+ / n− | cxcoach R | P | F1 | FPR "
         "| keywords R | P | F1 | FPR |"),
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        *table_rows(scores),
        "",
        "Headline figures (test split):",
        "",
        *headline(scores),
        "",
    ]
    share = questioning_share(data, predictions)
    if share:
        lines += [share, ""]
    lines.append(f"`cxcoach.analyze(reply, role=\"agent\", context=...)` takes a median of **{millis:.2f} ms** "
                 f"per reply ({timed} replies: up to the first {SPEED_SAMPLE} of each data set).")
    if cxcoach.analyze("I'm so sorry.", role="agent").techniques is None:
        lines += ["", "cxcoach's `techniques` is `None` (no technique analyzer in the pipeline yet): its columns read zero."]
    if notes:
        lines += ["", *notes]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    parser.add_argument("--errors", choices=tuple(LOADERS), help="print cxcoach's dev-split misses and false positives")
    parser.add_argument("--limit", type=int, default=CAP, help=f"at most N items per split and data set (default {CAP})")
    args = parser.parse_args()
    root = data_dir()
    if root is None:
        print("evaluation data not found (set CXCOACH_DATA or put shared/data beside the repo): skipped")
        return 0
    data, notes = load(root, args.limit, only=args.errors)
    if args.errors or not data:
        for note in notes:
            print(note)
    if not data:
        print("no data set to score on this machine: skipped")
        return 0
    predictions = predict(data)
    if args.errors:
        show_errors(args.errors, data[args.errors], predictions[args.errors]["cxcoach"])
        return 0
    scores = evaluate(data, predictions)
    body = render(data, scores, predictions, notes, args.limit)
    print(body)
    if args.write:
        write_section("techniques_outside", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
