"""Seeded defects are all found at the right line; the clean corpus gives zero findings."""

from __future__ import annotations

import pytest

from tests.check.helpers import CLEAN, HELD_OUT, SEEDED, expectations, load_test_glossary
from toolkit.checks import all_checks, run_checks

THRESHOLDS = {"max-untranslated", "max-fuzzy"}  # tested in test_cli (they need a limit)


@pytest.fixture(scope="module")
def glossary():
    return load_test_glossary()


@pytest.fixture(scope="module")
def seeded(glossary):
    return run_checks([SEEDED], glossary=glossary)


def _found(result) -> set[tuple[str, int, str]]:
    return {(f.path, f.line, f.check) for f in result.findings}


def test_seeded_defects_found_exactly(seeded):
    expected = expectations(SEEDED)
    assert seeded.problems == ()
    assert _found(seeded) == expected  # every seeded defect, at its msgid line, and nothing else


@pytest.mark.parametrize("check_id", sorted(set(all_checks()) - THRESHOLDS))
def test_every_check_has_seeded_defects(seeded, check_id):
    expected = {e for e in expectations(SEEDED) if e[2] == check_id}
    assert expected, f"no seeded defect for {check_id}"
    assert {e for e in _found(seeded) if e[2] == check_id} == expected


def test_clean_corpus_has_zero_findings(glossary):
    result = run_checks([CLEAN], glossary=glossary)
    assert result.problems == ()
    assert [f"{f.path}:{f.line}: [{f.check}] {f.message}" for f in result.findings] == []
    s = result.summary
    assert (s.files, s.fuzzy, s.untranslated, s.errors, s.warnings) == (2, 1, 1, 0, 0)


def test_fuzzy_entries_are_checked_with_include_fuzzy(glossary):
    from toolkit.checks import CheckOptions

    result = run_checks([CLEAN], glossary=glossary, options=CheckOptions(include_fuzzy=True))
    fuzzy = {f.check for f in result.findings}
    assert {"glossary-missing", "numbers", "punctuation"} <= fuzzy
    assert all(f.msgid == "The Ministry of Health paid 300 dollars." for f in result.findings)


@pytest.mark.skipif(not HELD_OUT.is_dir(), reason="held-out corpus not present")
def test_held_out_corpus(glossary):
    result = run_checks([HELD_OUT], glossary=glossary)
    expected = expectations(HELD_OUT)
    found = _found(result)
    recall = len(found & expected) / len(expected)
    precision = len(found & expected) / len(found) if found else 1.0
    assert recall >= 0.95 and precision >= 0.95, (sorted(expected - found), sorted(found - expected))
