"""Scores and lookups against a real SQLite memory."""

from __future__ import annotations

import pytest

from toolkit.tm.match import Matcher, score
from toolkit.tm.store import Unit


@pytest.mark.parametrize(("new", "old", "expected"), [
    ("The ministry met on Monday.", "The ministry met on Monday.", 100),
    ("The ministry  met on Monday.", "The ministry met\non Monday.", 100),  # spacing
    ("He said “yes” — twice.", 'He said "yes" - twice.', 100),  # quote and dash styles
    ("the Ministry met on monday", "The ministry met on Monday.", 99),  # case and punctuation only
    ("Inflation rose 81 per cent.", "Inflation rose 84 per cent.", 98),  # one number differs
])
def test_scores(new: str, old: str, expected: int) -> None:
    assert score(new, old) == expected


def test_a_different_sentence_scores_low_and_a_near_one_high() -> None:
    old = "The ministry will publish the draft law next week."
    assert score("The ministry will publish the draft law next month.", old) >= 85
    assert score("Farmers in Kampot welcomed the new road.", old) < 40


def _units() -> list[Unit]:
    return [
        Unit("The ministry will publish the draft law next week.", "ក្រសួងនឹងផ្សព្វផ្សាយសេចក្តីព្រាងច្បាប់នៅសប្តាហ៍ក្រោយ។",
             "km", "a.po:3", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", True),
        Unit("The ministry will publish the draft law next week.", "ក្រសួងនឹងចេញផ្សាយសេចក្តីព្រាងច្បាប់សប្តាហ៍ក្រោយ។",
             "km", "b.po:7", "2026-02-01T00:00:00Z", "2026-02-01T00:00:00Z", True),
        Unit("The ministry will publish the draft law next week.", "ក្រសួងនឹងបោះពុម្ព។",
             "km", "c.tmx#9", "2026-03-01T00:00:00Z", "2026-03-01T00:00:00Z", False),
        Unit("Farmers in Kampot welcomed the new road.", "កសិករនៅកំពតស្វាគមន៍ផ្លូវថ្មី។", "km", "a.po:9"),
        Unit("Farmers in Kampot welcomed the new road.", "Les paysans de Kampot ont salué la route.", "fr", "f.po:2"),
    ]


def test_several_targets_the_most_recent_reviewed_wins_and_the_others_are_listed(store) -> None:
    store.import_units("mem", _units())
    best = Matcher(store, "km").best("The ministry will publish the draft law next week.")
    assert best is not None and best.score == 100
    assert best.unit.origin == "b.po:7"  # reviewed and newer than a.po; c.tmx is newer but unreviewed
    assert [o.origin for o in best.others] == ["a.po:3", "c.tmx#9"]


def test_fuzzy_lookup_is_per_language_and_respects_the_minimum(store) -> None:
    store.import_units("mem", _units())
    km = Matcher(store, "km")
    found = km.lookup("Farmers in Kampot welcomed the new bridge.", min_score=70)
    assert [(m.score, m.unit.lang) for m in found] == [(85, "km")]
    assert km.lookup("Farmers in Kampot welcomed the new bridge.", min_score=90) == []
    assert Matcher(store, "fr").best("Farmers in Kampot welcomed the new road.").unit.target.startswith("Les")
    assert km.lookup("", min_score=0) == []


def test_a_regional_tag_in_the_memory_is_found_by_its_language(store) -> None:
    store.import_units("mem", [Unit("Roads were repaired.", "ផ្លូវត្រូវបានជួសជុល។", "km-KH", "x.tmx#1")])
    assert Matcher(store, "km").best("Roads were repaired.").unit.lang == "km_KH"


def test_the_in_memory_index_of_bulk_runs_finds_the_same(store, monkeypatch) -> None:
    from toolkit.tm import match

    units = [Unit(f"Officials in district {n} repaired {n % 7} bridges and {n % 5} roads on Monday.", f"ស្ពាន {n}",
                  "km", f"m#{n}") for n in range(300)] + _units()
    store.import_units("mem", units)
    queries = ["Officials in district 17 repaired 3 bridges and 2 roads on Tuesday.",
               "Farmers in Kampot welcomed the new bridge.", "The ministry will publish the law next week.",
               "Something else entirely."]
    direct = [[(m.score, m.unit.origin) for m in Matcher(store, "km").lookup(q, 60)] for q in queries]
    monkeypatch.setattr(match, "BULK_AFTER", 0)
    bulk = Matcher(store, "km")
    assert [[(m.score, m.unit.origin) for m in bulk.lookup(q, 60)] for q in queries] == direct
    assert bulk._index is not None and direct[0][0][0] >= 90 and direct[3] == []


def test_concordance_counts_units_and_guesses_the_rendering(store) -> None:
    from toolkit.tm import concordance

    with_term = [("The National Assembly approved the budget.", "រដ្ឋសភាបានអនុម័តថវិកា។"),
                 ("Members of the National Assembly met on Monday.", "សមាជិករដ្ឋសភាបានប្រជុំនៅថ្ងៃច័ន្ទ។"),
                 ("The president of the National Assembly said work would start.",
                  "ប្រធានរដ្ឋសភាបានថ្លែងថា ការងារនឹងចាប់ផ្តើម។"),
                 ("The National Assembly will discuss the new law.", "រដ្ឋសភានឹងពិភាក្សាច្បាប់ថ្មី។")]
    without = [("The ministry approved the budget.", "ក្រសួងបានអនុម័តថវិកា។"),
               ("The minister said the roads would be repaired.", "រដ្ឋមន្ត្រីបានថ្លែងថា ផ្លូវនឹងត្រូវជួសជុល។"),
               ("Work will start next month.", "ការងារនឹងចាប់ផ្តើមនៅខែក្រោយ។")]
    store.import_units("m", [Unit(s, t, "km", f"m#{i}") for i, (s, t) in enumerate(with_term + without)])
    found = concordance(store, "national assembly", "km")
    assert found.total == 4 and [n for n, _ in found.targets] == [1, 1, 1, 1]
    assert found.renderings == (("រដ្ឋសភា", 4),)
    assert concordance(store, "the budget", "km").total == 2
