"""Abbreviations and exception lists are data: shipped, extensible, validated with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.errors import InputError, ProblemsError
from toolkit.segment import SegmentRules, load_rules, segment


def test_shipped_rules_have_the_issue_abbreviations() -> None:
    rules = load_rules()
    assert isinstance(rules, SegmentRules)
    expected = {
        "Mr": "prefix", "Dr": "prefix", "Gen": "prefix", "Gov": "prefix", "Sen": "prefix-or-name",
        "St": "prefix-or-name", "No": "number", "Jan": "month", "Sept": "month", "a.m": "time",
        "p.m": "time", "e.g": "inside", "i.e": "inside", "etc": "final", "H.E": "prefix",
    }
    assert {k: rules.abbreviation_class(k) for k in expected} == expected
    assert rules.abbreviation_class("P") is None  # an initial, not the page abbreviation "p"
    assert "Most" in rules.starters and "said" in rules.speech_verbs


def test_user_file_extends_and_reclassifies(tmp_path: Path) -> None:
    extra = tmp_path / "mine.txt"
    extra.write_text("# ours\n[prefix]\nOknha\nSen.\n", encoding="utf-8")
    rules = load_rules([extra])
    assert rules.abbreviation_class("Oknha") == "prefix"
    assert rules.abbreviation_class("Sen") == "prefix"
    text = "Tycoon Oknha. Ly Yong Phat spoke. The deal was signed."
    assert [s.text for s in segment(text, rules=rules)] == ["Tycoon Oknha. Ly Yong Phat spoke.", "The deal was signed."]
    assert len(segment(text)) == 3


def test_every_problem_is_reported_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("Mr\n[prefix]\nDr\n[nonsense]\nX\n[prefix\ntwo words\n", encoding="utf-8")
    with pytest.raises(ProblemsError) as info:
        load_rules([bad])
    message = str(info.value)
    for line in (1, 4, 5, 6):
        assert f"bad.txt:{line}:" in message
    assert "bad.txt:3:" not in message


def test_missing_rules_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_rules([tmp_path / "missing.txt"])


def test_unknown_language_and_mode() -> None:
    from toolkit.errors import UsageError

    with pytest.raises(UsageError):
        segment("x", lang="fr")
    with pytest.raises(UsageError):
        segment("x", paragraphs="never")


@pytest.mark.parametrize("mark", [".", "!", "?", "…"])
def test_long_run_of_marks_is_linear(mark: str) -> None:
    """A run of 200,000 sentence marks is segmented (it used to take quadratic time)."""
    from toolkit.segment import segment

    text = "Word" + mark * 200_000 + " Next one."
    assert [s.text for s in segment(text, lang="en")] == ["Word" + mark * 200_000, "Next one."]
