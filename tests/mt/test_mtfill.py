"""mtfill on real PO entries with the real copy model: drafts, reuse, re-enforcement, mismatches."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from toolkit.glossary import load_glossary
from toolkit.mt import open_drafter
from toolkit.mt.fill import MISMATCH_FLAG, fill
from toolkit.mt.options import MTOptions

GLOSSARY = """\
domain: organisation
concepts:
  - id: senate
    source: "written for this test"
    en: [Senate]
    km: [{senate}]
  - id: phnom-penh
    source: "written for this test"
    en: [Phnom Penh]
    km: [ភ្នំពេញ]
"""
SEGMENTS = [
    "The Senate met on Monday.",
    "Officials in Phnom Penh agreed.",
    "Nothing else happened.",
    "The translator already did this one.",
]


def write_glossary(directory: Path, senate: str = "ព្រឹទ្ធសភា"):
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "organisation.yaml").write_text(GLOSSARY.format(senate=senate), encoding="utf-8")
    return load_glossary([directory])


def catalog() -> list[polib.POEntry]:
    entries = [polib.POEntry(msgid=s, msgstr="", comment="glossary: hint kept") for s in SEGMENTS]
    entries[3].msgstr = "អ្នកបកប្រែបានធ្វើរួចហើយ។"
    return entries


def run(entries, glossary, drafter):
    matches = {e.msgid: glossary.find(e.msgid) for e in entries}
    return fill(entries, matches, drafter, glossary, "km")


@pytest.fixture
def setup(tmp_path, models_dir):
    glossary = write_glossary(tmp_path / "g")
    drafter = open_drafter("en", "km", glossary=glossary, options=MTOptions(models_dir=models_dir, progress=False))
    return glossary, drafter


def test_fill_drafts_untranslated_entries_and_never_touches_the_translator(setup):
    glossary, drafter = setup
    entries = catalog()
    stats = run(entries, glossary, drafter)
    assert (stats.mt, stats.reused, stats.enforced, stats.mismatches) == (3, 1, 2, 0)
    assert entries[0].msgstr == "The ព្រឹទ្ធសភា met on Monday."
    assert entries[1].msgstr == "Officials in ភ្នំពេញ agreed."
    for entry in entries[:3]:
        assert "fuzzy" in entry.flags
        assert entry.comment == "glossary: hint kept"  # the template's hint, untouched
        lines = entry.tcomment.split("\n")  # the MT mark: translator comments (msgmerge keeps them)
        assert lines[0] == "mt: argos-ct2 en_km-test 1.0" and lines[1].startswith("mt-key: key=")
        assert all(len(line) <= 74 for line in lines)  # short: polib (78) and Babel (76) never rewrap them
    assert entries[3].msgstr == "អ្នកបកប្រែបានធ្វើរួចហើយ។" and not entries[3].flags
    assert entries[3].comment == "glossary: hint kept"


def test_second_run_makes_zero_model_calls(setup):
    glossary, drafter = setup
    entries = catalog()
    run(entries, glossary, drafter)
    calls = drafter.calls
    assert calls == 3
    # through a PO file and back, as the pipeline does between runs
    po = polib.POFile()
    po.extend(entries)
    again = list(polib.pofile(po.__unicode__()))
    stats = run(again, glossary, drafter)
    assert drafter.calls == calls
    assert (stats.mt, stats.reused) == (0, 4)
    assert [e.msgstr for e in again] == [e.msgstr for e in entries]


def test_edited_draft_is_kept_even_when_the_glossary_changes(setup, tmp_path):
    glossary, drafter = setup
    entries = catalog()
    run(entries, glossary, drafter)
    entries[0].msgstr = "ព្រឹទ្ធសភាបានប្រជុំ។"  # a translator post-edited the draft
    changed = write_glossary(tmp_path / "g2", senate="ព្រឹទ្ធសភាជាតិ")
    assert changed.version != glossary.version
    before = drafter.calls
    stats = run(entries, changed, drafter)
    assert entries[0].msgstr == "ព្រឹទ្ធសភាបានប្រជុំ។"
    assert drafter.calls == before and stats.mt == 0


def test_glossary_change_re_enforces_only_untouched_drafts_whose_terms_changed(setup, tmp_path):
    glossary, drafter = setup
    entries = catalog()
    run(entries, glossary, drafter)
    old_comment = entries[1].tcomment
    changed = write_glossary(tmp_path / "g2", senate="ព្រឹទ្ធសភាជាតិ")
    before = drafter.calls
    stats = run(entries, changed, drafter)
    assert drafter.calls == before + 1 and stats.mt == 1  # only the Senate sentence
    assert entries[0].msgstr == "The ព្រឹទ្ធសភាជាតិ met on Monday."
    assert entries[1].msgstr == "Officials in ភ្នំពេញ agreed."
    assert entries[1].tcomment != old_comment  # re-keyed to the new glossary version, not re-drafted
    again = run(entries, changed, drafter)
    assert again.mt == 0 and drafter.calls == before + 1


def test_missing_terms_are_flagged_and_named(tmp_path, models_dir):
    glossary = write_glossary(tmp_path / "g")
    drafter = open_drafter("en", "km", glossary=glossary, options=MTOptions(models_dir=models_dir, progress=False),
                           style="none")
    entries = catalog()
    stats = run(entries, glossary, drafter)
    assert stats.mismatches == 2 and stats.enforced == 0
    assert MISMATCH_FLAG in entries[0].flags and "fuzzy" in entries[0].flags
    assert "glossary-mismatch: missing Senate" in entries[0].tcomment.split("\n")
    assert MISMATCH_FLAG not in entries[2].flags


def test_new_model_version_redrafts_untouched_drafts(setup, model_files, tmp_path):
    from toolkit.mt.testmodel import build_package

    glossary, drafter = setup
    entries = catalog()
    run(entries, glossary, drafter)
    newer = build_package(tmp_path / "v2.argosmodel", version="1.1")
    from toolkit.mt import packages

    directory = tmp_path / "m2"
    packages.install(newer, directory)
    drafter2 = open_drafter("en", "km", glossary=glossary, options=MTOptions(models_dir=directory, progress=False))
    stats = run(entries, glossary, drafter2)
    assert stats.mt == 3 and drafter2.calls == 3
    assert entries[0].tcomment.split("\n")[0] == "mt: argos-ct2 en_km-test 1.1"
