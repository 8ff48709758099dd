"""The compiled-form cache: same concepts as parsing, invalidated by edits, harmless when broken."""

from __future__ import annotations

from pathlib import Path

from toolkit.glossary import load_glossary
from toolkit.glossary.glossary import concept_record

from .conftest import FIXTURE


def _copy(tmp_path: Path) -> Path:
    path = tmp_path / "g.yaml"
    path.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_cache_gives_the_parsed_concepts(tmp_path: Path, own_cache: Path) -> None:
    path = _copy(tmp_path)
    parsed = load_glossary([path], use_cache=False)
    first = load_glossary([path])
    assert list((own_cache / "glossary").glob("*.json"))
    second = load_glossary([path])
    assert [concept_record(c) for c in second.concepts] == [concept_record(c) for c in parsed.concepts]
    assert [(c.path, c.line) for c in second.concepts] == [(c.path, c.line) for c in parsed.concepts]
    assert first.version == second.version == parsed.version


def test_edit_invalidates(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    load_glossary([path])
    path.write_text(path.read_text(encoding="utf-8").replace("ព្រឹទ្ធសភា", "ព្រឹទ្ធសភាថ្មី"), encoding="utf-8")
    assert load_glossary([path]).targets("senate", "km") == ["ព្រឹទ្ធសភាថ្មី"]


def test_corrupt_cache_falls_back_to_parsing(tmp_path: Path, own_cache: Path) -> None:
    path = _copy(tmp_path)
    load_glossary([path])
    for slot in (own_cache / "glossary").glob("*.json"):
        slot.write_text("{not json", encoding="utf-8")
    assert len(load_glossary([path])) == 16


def test_broken_files_are_never_cached(tmp_path: Path, own_cache: Path) -> None:
    import pytest

    from toolkit.errors import ProblemsError

    path = tmp_path / "bad.yaml"
    path.write_text("domain: general\nconcepts:\n  - {id: a, en: [x]}\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ProblemsError):
            load_glossary([path])


def test_cache_is_pruned(tmp_path: Path, own_cache: Path, monkeypatch) -> None:
    from toolkit.glossary import cache

    monkeypatch.setattr(cache, "KEEP", 3)
    for n in range(5):
        path = tmp_path / f"g{n}.yaml"
        path.write_text(f"domain: general\nconcepts:\n  - {{id: c{n}, source: s, en: [t{n}]}}\n", encoding="utf-8")
        load_glossary([path])
    assert len(list((own_cache / "glossary").glob("*.json"))) == 3


def test_cached_matcher_table_is_the_built_one(tmp_path: Path, own_cache: Path) -> None:
    """A matcher's table read from the cache equals the one built from the concepts, and finds
    the same; a change to a term (another fingerprint) or a broken file is never read."""
    from toolkit.glossary import cache
    from toolkit.glossary.match import Matcher, _fingerprint

    from .test_match import _no_match_cases

    glossary = load_glossary([_copy(tmp_path)], use_cache=False)
    concepts = list(glossary.concepts)
    fingerprint = _fingerprint(concepts, "en", glossary.secondary)
    built = Matcher._table(concepts, "en", glossary.secondary)
    assert cache.lookup_matcher(fingerprint) is None
    first = Matcher(concepts, glossary._all_targets, "en", glossary.secondary)  # builds, stores
    assert cache.lookup_matcher(fingerprint) == built
    second = Matcher(concepts, glossary._all_targets, "en", glossary.secondary)  # reads
    for text in _no_match_cases(glossary)[:500]:
        assert second.spans(text) == first.spans(text)
    edited = [concepts[0].__class__(**{**concepts[0].__dict__, "domain": "other"}), *concepts[1:]]
    assert _fingerprint(edited, "en", glossary.secondary) != fingerprint
    for slot in (own_cache / "glossary").glob("*.json"):
        slot.write_text("{broken", encoding="utf-8")
    assert cache.lookup_matcher(fingerprint) is None
