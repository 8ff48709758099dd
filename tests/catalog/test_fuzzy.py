"""The fuzzy-guess threshold, measured on our sentence pairs, and the candidate search."""

from __future__ import annotations

from tests.catalog.conftest import DATA
from toolkit.catalog.fuzzy import THRESHOLD, FuzzyIndex, similarity

PAIRS = [line.split("\t") for line in (DATA / "similarity_pairs.tsv").read_text(encoding="utf-8").splitlines()
         if line.strip() and not line.startswith("#")]


def test_evaluation_data_is_balanced_and_well_formed() -> None:
    labels = [p[0] for p in PAIRS]
    assert all(len(p) == 3 for p in PAIRS)
    assert set(labels) == {"edit", "other"}
    assert labels.count("edit") >= 40 and labels.count("other") >= 40


def test_threshold_precision_and_recall() -> None:
    """At the chosen threshold, >= 95 % of guesses are real edits and >= 95 % of edits are guessed."""
    scored = [(similarity(old, new), label) for label, old, new in PAIRS]
    guessed = [label for score, label in scored if score >= THRESHOLD]
    edits = sum(1 for _, label in scored if label == "edit")
    precision = guessed.count("edit") / len(guessed)
    recall = guessed.count("edit") / edits
    assert precision >= 0.95, precision
    assert recall >= 0.95, recall


def test_index_finds_the_edited_sentence_not_a_lookalike() -> None:
    old = [
        "The Ministry of Rural Development said on Monday that 40 km of roads would be repaired.",
        "The Ministry of Public Works said on Monday that 12 bridges would be inspected.",
        "Villagers in Kampot welcomed the plan.",
    ]
    index = FuzzyIndex(old)
    found = index.best("The Ministry of Rural Development said on Tuesday that 45 km of roads would be repaired.")
    assert found is not None and found[0] == 0 and found[1] >= THRESHOLD
    assert index.best("The Ministry of Health said on Monday that two clinics would close.") is None
    assert index.best("Nothing in common here at all.") is None


def test_similarity_ignores_case() -> None:
    assert similarity("PHNOM PENH — The plan", "Phnom Penh — the plan") == 1.0
