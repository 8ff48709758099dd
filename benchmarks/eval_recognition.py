"""Recognition quality: the shipped glossary's matcher against hand-annotated news articles.

Each article in ``benchmarks/data/recognition/`` is ``NAME.txt`` plus ``NAME.gold.jsonl``: one
object per expected glossary hit, ``{"start", "end", "text", "concept"}`` with character offsets
into the decoded text. The gold was written by hand from the matching semantics of the glossary
issue (longest match; possessives, regular plurals, hyphen/space and apostrophe variants match
their term; all-caps acronyms only in capitals; never inside a longer word), not from the
matcher's output. A hit counts only when span and concept are both exact.

Prints per-article and overall precision, recall and F1 and every false positive / negative.
The issue's target is F1 >= 0.97 on held-out articles; ``tests/glossary/test_recognition_eval.py``
asserts it on these articles.

Run: python benchmarks/eval_recognition.py [DIR] [--glossary PATH ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "recognition"
TARGET_F1 = 0.97

Hit = tuple[int, int, str, str]  # start, end, text, concept


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    gold: tuple[Hit, ...]


@dataclass(frozen=True)
class Score:
    name: str
    true_positives: int
    false_positives: tuple[Hit, ...]
    false_negatives: tuple[Hit, ...]

    @property
    def precision(self) -> float:
        found = self.true_positives + len(self.false_positives)
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + len(self.false_negatives)
        return self.true_positives / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_articles(directory: Path = DATA) -> list[Article]:
    """Every ``*.txt`` with its ``*.gold.jsonl``; gold offsets are checked against the text."""
    articles = []
    for path in sorted(directory.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        gold_path = path.with_suffix(".gold.jsonl")
        gold = []
        for number, line in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            item = json.loads(line)
            hit = (item["start"], item["end"], item["text"], item["concept"])
            if text[hit[0] : hit[1]] != hit[2]:
                raise ValueError(f"{gold_path}:{number}: span {hit[0]}-{hit[1]} is not {hit[2]!r}")
            gold.append(hit)
        articles.append(Article(path.stem, text, tuple(gold)))
    return articles


def score(name: str, gold: tuple[Hit, ...], found: list[Hit]) -> Score:
    expected, got = set(gold), set(found)
    return Score(name, len(expected & got), tuple(sorted(got - expected)), tuple(sorted(expected - got)))


def evaluate(glossary, articles: list[Article]) -> tuple[list[Score], Score]:
    """Per-article scores and the micro-averaged total."""
    scores = []
    for article in articles:
        found = [(m.start, m.end, m.text, m.concept) for m in glossary.find(article.text)]
        scores.append(score(article.name, article.gold, found))
    total = Score(
        "overall",
        sum(s.true_positives for s in scores),
        tuple(fp for s in scores for fp in s.false_positives),
        tuple(fn for s in scores for fn in s.false_negatives),
    )
    return scores, total


def _row(s: Score) -> str:
    return (f"{s.name:28} tp {s.true_positives:3}  fp {len(s.false_positives):2}  fn {len(s.false_negatives):2}"
            f"  P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DATA)
    parser.add_argument("--glossary", action="append", default=None,
                        help="glossary file or directory replacing the shipped one (repeatable)")
    args = parser.parse_args(argv)

    from toolkit.glossary import load_glossary

    glossary = load_glossary(args.glossary)
    scores, total = evaluate(glossary, load_articles(args.directory))
    for s in scores:
        print(_row(s))
        for kind, hits in (("FP", s.false_positives), ("FN", s.false_negatives)):
            for start, end, text, concept in hits:
                print(f"    {kind} {start}-{end} {text!r} {concept}")
    print(_row(total))
    print(f"target F1 >= {TARGET_F1}: {'met' if total.f1 >= TARGET_F1 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
