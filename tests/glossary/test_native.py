"""The native YAML loader: the model it builds, and every problem reported as path:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.errors import ProblemsError
from toolkit.glossary import load_glossary
from toolkit.glossary.native import dump_native, parse_native

from .conftest import DATA, FIXTURE


def test_model_from_fixture(fixture_glossary) -> None:
    g = fixture_glossary
    moi = g.get("ministry-of-interior")
    assert moi.domain == "organisation" and moi.source == "test fixture"
    assert [(t.text, t.status, t.case_sensitive) for t in moi.terms_in("en")] == [
        ("Ministry of Interior", "preferred", False),
        ("Interior Ministry", "admitted", False),
        ("MOI", "admitted", True),
    ]
    assert moi.path == str(FIXTURE) and moi.line == 28
    assert moi.terms[0].line == 31
    assert g.get("hun-sen").domain == "person"  # per-concept override of the file's domain
    asean = g.get("asean")
    assert asean.definition == "Association of Southeast Asian Nations"
    assert asean.terms[0].pos == "noun"
    assert g.targets("asean", "km") == ["អាស៊ាន"]
    assert g.languages == frozenset({"en", "km"})
    with pytest.raises(KeyError):
        g.get("no-such-concept")


def test_version_is_stable_and_content_sensitive(tmp_path: Path) -> None:
    a = load_glossary([FIXTURE], use_cache=False)
    b = load_glossary([FIXTURE], use_cache=False)
    assert a.version == b.version and a.version.startswith("sha256:")
    copy = tmp_path / "moved.yaml"
    copy.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_glossary([copy]).version == a.version  # moving a file changes nothing
    copy.write_text(FIXTURE.read_text(encoding="utf-8").replace("ព្រឹទ្ធសភា", "ព្រឹទ្ធសភាជាតិ"), encoding="utf-8")
    assert load_glossary([copy]).version != a.version


def test_all_problems_of_a_file_are_reported_with_lines() -> None:
    path = DATA / "bad" / "two-problems.yaml"
    with pytest.raises(ProblemsError) as info:
        load_glossary([path])
    lines = str(info.value).splitlines()
    assert lines == [
        f"{path}:6: concept 'b': missing required key 'source' (where the rendering comes from)",
        f"{path}:10: concept 'c', en term 1: unknown key 'satus' "
        "(expected one of: term, status, pos, case_sensitive, dnt, note)",
    ]


@pytest.mark.parametrize(
    "body,message",
    [
        ("domain: general\nconcepts:\n  - {id: a, source: s, en: [x], en: [y]}\n", "duplicate key 'en'"),
        ("domain: general\nconcepts:\n  - {id: a, source: s, en: [{term: x, case_sensitive: 1}]}\n",
         "case_sensitive must be true or false"),
        ("domain: general\nconcepts:\n  - {id: a, source: s, en: [~]}\n", "is empty"),
        ("domain: general\nconcepts:\n  - {id: a, source: '', en: [x]}\n", "source is empty"),
        ("domain: general\nconcepts: {}\n", "concepts must be a list"),
        ("", "empty glossary file"),
        ("- just\n- a list\n", "file must be a mapping"),
        ("domain: general\nconcepts:\n  - {id: a, source: s, EN: [x]}\n", "unknown key 'EN'"),
    ],
)
def test_schema_errors(body: str, message: str) -> None:
    _concepts, problems = parse_native(body, "t.yaml")
    assert any(message in p.message for p in problems), [str(p) for p in problems]
    assert all(str(p).startswith("t.yaml:") for p in problems)


def test_duplicate_ids_across_files_name_both_places(tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("domain: general\nconcepts:\n  - {id: senate, source: s, en: [Upper House]}\n", encoding="utf-8")
    with pytest.raises(ProblemsError,
                       match=r"other.yaml:3: duplicate concept id 'senate' \(first defined at .*fixture.yaml:\d+\)"):
        load_glossary([FIXTURE, other])


def test_writer_round_trips(fixture_glossary) -> None:
    from toolkit.glossary.glossary import concept_record

    text = dump_native(fixture_glossary.concepts)
    back, problems = parse_native(text, "back.yaml")
    assert problems == []
    assert [concept_record(c) for c in back] == [concept_record(c) for c in fixture_glossary.concepts]


def test_directory_loads_its_glossary_files_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text("domain: general\nconcepts:\n  - {id: b, source: s, en: [bee]}\n",
                                     encoding="utf-8")
    (tmp_path / "a.csv").write_text("concept,lang,term\na,en,ay\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    g = load_glossary([tmp_path])
    assert [c.id for c in g.concepts] == ["a", "b"]


def test_missing_and_unsupported_paths(tmp_path: Path) -> None:
    from toolkit.errors import InputError

    with pytest.raises(InputError, match="no such glossary file"):
        load_glossary([tmp_path / "nope.yaml"])
    odd = tmp_path / "g.json"
    odd.write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match="not a glossary file"):
        load_glossary([odd])


def test_language_codes_are_keys_of_concepts_only() -> None:
    body = "domain: general\nconcepts:\n  - {id: a, source: s, en: [{term: x, fr: y}]}\n"
    _concepts, problems = parse_native(body, "t.yaml")
    assert [p.message for p in problems] == [
        "concept 'a', en term 1: unknown key 'fr' (expected one of: term, status, pos, case_sensitive, dnt, note)"]
