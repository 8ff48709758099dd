"""Unknown Cambodian person names spelled in Khmer (the optional [names] extra), unverified."""

from __future__ import annotations

import pytest

from toolkit.glossary.suggest import Candidate, propose
from toolkit.glossary.suggest.names import looks_like_name, transliterate

pytest.importorskip("khmer_latin_name_transformer", reason="the [names] extra is not installed")


def test_spelling_is_normalized():
    # the FST writes the old encoding សុី; our normalization gives ស៊ី
    assert transliterate("Chea Sim") == "ជា ស៊ីម"
    assert transliterate("Vei Samnang") == "វី សំណាង"


def test_a_person_without_other_evidence_gets_a_low_scored_transliteration():
    cand = Candidate("Vei Samnang", "person", 2, ["a.txt"], ["a.txt:3"])
    other = Candidate("Prek Thnot Irrigation Authority", "organisation", 2, ["a.txt"], ["a.txt:5"])
    propose([cand, other], [])
    assert [(p.term, p.source, p.score) for p in cand.km] == [("វី សំណាង", "transliteration", 0.2)]
    assert other.km == []


def test_family_names_make_a_person():
    assert looks_like_name(["Sok", "Dara"])
    assert not looks_like_name(["Sok", "Dara", "Road", "Office"])
