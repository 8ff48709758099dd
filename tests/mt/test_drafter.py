"""Glossary enforcement through the real copy model: masking, restore, verification, pivot."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.glossary import TermMatch, load_glossary
from toolkit.mt import open_drafter, packages, terms
from toolkit.mt.options import MTOptions

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


def test_every_term_of_the_held_out_article_comes_out_as_its_approved_khmer_term(models_dir, glossary):
    paragraphs = [p for p in (DATA / "heldout.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]
    items = [(p, glossary.find(p)) for p in paragraphs]
    assert sum(len(m) for _, m in items) >= 12
    drafter = open_drafter("en", "km", glossary=glossary, options=MTOptions(models_dir=models_dir, progress=False))
    drafts = drafter.draft(items)
    assert drafter.calls == len(paragraphs)
    for (text, matches), draft in zip(items, drafts):
        assert draft.missing == () and draft.enforced
        for m in matches:
            assert m.targets["km"][0] in draft.text, m.term
        # the copy model copied everything else; only the terms changed, in order
        rebuilt, pos = [], 0
        for m in matches:
            rebuilt += [text[pos:m.start], m.targets["km"][0]]
            pos = m.end
        assert draft.text == "".join(rebuilt) + text[pos:]


def test_without_masking_the_terms_are_reported_missing(models_dir, glossary):
    text = "Hun Manet spoke to the Senate in Phnom Penh."
    drafter = open_drafter("en", "km", glossary=glossary, options=MTOptions(models_dir=models_dir, progress=False),
                           style="none")
    [draft] = drafter.draft([(text, glossary.find(text))])
    assert draft.text == text  # the copy model keeps the English terms
    assert draft.missing == ("Hun Manet", "Senate", "Phnom Penh") and not draft.enforced


def test_segment_without_terms_is_not_enforced_and_not_missing(models_dir, glossary):
    drafter = open_drafter("en", "km", glossary=glossary, options=MTOptions(models_dir=models_dir, progress=False))
    assert drafter.draft([("Nothing to see.", [])])[0] == terms_draft("Nothing to see.")
    assert drafter.engine_id == "argos-ct2 en_km-test 1.0"


def terms_draft(text):
    from toolkit.mt import Draft

    return Draft(text=text, enforced=False, missing=())


def match(text: str, term: str, km: str) -> TermMatch:
    start = text.index(term)
    return TermMatch(start=start, end=start + len(term), text=term, concept=term.lower(), term=term,
                     targets={"km": [km, km + "X"]})


@pytest.mark.parametrize("style", sorted(terms.STYLES))
def test_protect_and_restore_each_style(style):
    text = "Hun Sen met Hun Manet."
    found = [match(text, "Hun Sen", "ហ៊ុន សែន"), match(text, "Hun Manet", "ហ៊ុន ម៉ាណែត")]
    masked = terms.protect(text, found, "km", style)
    assert "Hun" not in masked.text and len(masked.terms) == 2
    assert terms.restore(masked.text, masked) == "ហ៊ុន សែន met ហ៊ុន ម៉ាណែត."


@pytest.mark.parametrize("output", ["XTERM 1 X និង xterm0x", "X TERM ១ X និង XTERM០X"])
def test_restore_tolerates_spacing_case_and_khmer_digits(output):
    text = "Senate and Phnom Penh"
    found = [match(text, "Senate", "ព្រឹទ្ធសភា"), match(text, "Phnom Penh", "ភ្នំពេញ")]
    masked = terms.protect(text, found, "km", "ascii")
    assert terms.restore(output, masked) == "ភ្នំពេញ និង ព្រឹទ្ធសភា"


def test_overlapping_matches_keep_the_longest():
    text = "Ministry of Health officials"
    found = [match(text, "Ministry of Health", "ក្រសួងសុខាភិបាល"), match(text, "Health", "សុខាភិបាល")]
    masked = terms.protect(text, found, "km")
    assert masked.text == "XTERM0X officials" and masked.terms == (("Ministry of Health", "ក្រសួងសុខាភិបាល"),)


def test_admitted_target_and_optional_khmer_spacing_count_as_present():
    text = "Phnom Penh"
    found = [TermMatch(0, 10, text, "phnom-penh", text, {"km": ["ភ្នំពេញ", "រាជធានី ភ្នំពេញ"]})]
    assert terms.missing_terms("នៅរាជធានីភ្នំពេញ", found, "km") == ()
    found = [TermMatch(0, 10, text, "x", text, {"km": ["ក្រសួង សុខាភិបាល"]})]
    assert terms.missing_terms("ក្រសួងសុខាភិបាល", found, "km") == ()
    assert terms.missing_terms("Phnom Penh", found, "km") == ("Phnom Penh",)


def test_pivot_through_english(model_files, tmp_path, glossary):
    models = tmp_path / "models"
    packages.install(model_files["en_km"], models)
    packages.install(model_files["fr_en"], models)
    drafter = open_drafter("fr", "km", glossary=glossary, options=MTOptions(models_dir=models, progress=False))
    assert drafter.engine_id == "argos-ct2 fr_en-test 1.0 + en_km-test 1.0"
    assert [e.package.pair for e in drafter.engines] == ["fr_en", "en_km"]
    text = "Le Sénat à Phnom Penh, report_final_v2.pdf."
    found = [match(text, "Phnom Penh", "ភ្នំពេញ")]
    [draft] = drafter.draft([(text, found)])
    assert draft.text == "Le Sénat à ភ្នំពេញ, report_final_v2.pdf." and draft.enforced
    assert drafter.calls == 1
