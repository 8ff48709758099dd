"""Inline markup through the real copy model: the model never sees it, every placeholder comes back
in order, glossary terms inside markup are still recognised and enforced."""

from __future__ import annotations

import pytest

from toolkit import markup
from toolkit.glossary import load_glossary
from toolkit.mt import open_drafter
from toolkit.mt.options import MTOptions


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


@pytest.fixture
def drafter(models_dir, glossary):
    return open_drafter("en", "km", glossary=glossary, options=MTOptions(models_dir=models_dir, progress=False))


CASES = [
    ("tags", "The <g1>Ministry of Interior</g1> met <g2>Hun Manet</g2> on<x3/> Monday."),
    ("markdown", "The **Ministry of Interior** met [Hun Manet](https://example.org/hun-manet?a=1) in `Takeo`."),
]


@pytest.mark.parametrize("kind, text", CASES)
def test_markup_survives_and_terms_are_enforced(drafter, glossary, kind, text):
    matches = markup.find_terms(glossary, text, kind)
    assert [m.term for m in matches][:2] == ["Ministry of Interior", "Hun Manet"]
    masked = markup.mask(text, kind)
    assert not markup.tokens(masked.text, kind)  # what the model is given has no markup
    [draft] = drafter.draft([(text, matches)], markup=kind)
    expected = text
    for m in sorted(matches, key=lambda m: -m.start):
        expected = expected[:m.start] + m.targets["km"][0] + expected[m.end:]
    assert draft.text == expected and draft.enforced  # the copy model: only the terms changed
    assert [t for t in markup.TAG.findall(draft.text)] == [t for t in markup.TAG.findall(text)]
    assert markup.problems(text, draft.text, kind) == []


def test_glossary_sees_through_markup_inside_a_term(drafter, glossary):
    text = "The <g1>Ministry</g1> of Interior spoke."
    [match] = markup.find_terms(glossary, text, "tags")
    assert (match.term, match.text) == ("Ministry of Interior", "Ministry</g1> of Interior")
    assert [m.term for m in markup.find_terms(glossary, "the <b>Ministry of Interior</b>", "markdown")] == [
        "Ministry of Interior"]
    [draft] = drafter.draft([(text, [match])], markup="tags")
    assert draft.text == text  # the term keeps its markup (not masked), the copy model keeps it
    assert draft.missing == ("Ministry of Interior",)


@pytest.mark.parametrize("output, expected", [
    ("XTAG0X a XTAG1X b", "<g1> a </g1> b"),
    ("b XTAG1X a", "b <g1></g1> a"),  # a lost opening tag goes back before the next one found
    ("a b", "a b<g1></g1>"),  # all lost: at the end, in order
    ("X TAG 0 X a X TAG ១ X", "<g1> a </g1>"),  # the model's spacing, Khmer digits
    ("XTAG1X a XTAG0X", "<g1></g1> a "),  # out of order: the first kept, the rest in order
])
def test_unmask_keeps_every_token_in_order(output, expected):
    masked = markup.mask("<g1>x</g1>", "tags")
    assert masked.text == "XTAG0XxXTAG1X"
    assert markup.unmask(output, masked) == expected
