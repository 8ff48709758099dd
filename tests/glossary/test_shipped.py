"""The shipped glossary: loads (fast path via cache), and recognises the core names with their Khmer.

The sentence is ours; the expected Khmer is the standard rendering of each name.
"""

from __future__ import annotations

from toolkit.glossary import load_glossary
from toolkit.glossary.load import shipped_dir

SENTENCE = (
    "Prime Minister Hun Manet told the National Assembly and the Senate that the Cambodian People’s "
    "Party (CPP) backs the Pentagonal Strategy, as Hun Sen’s sub-national officials in Phnom Penh and "
    "the Ministry of Interior said; analyst Meas Nee recalled the Khmer Rouge regime and China."
)

EXPECTED = [
    ("Prime Minister", "នាយករដ្ឋមន្ត្រី"),
    ("Hun Manet", "ហ៊ុន ម៉ាណែត"),
    ("National Assembly", "រដ្ឋសភា"),
    ("Senate", "ព្រឹទ្ធសភា"),
    ("Cambodian People’s Party", "គណបក្សប្រជាជនកម្ពុជា"),
    ("CPP", "គណបក្សប្រជាជនកម្ពុជា"),
    ("Pentagonal Strategy", "យុទ្ធសាស្ត្របញ្ចកោណ"),
    ("Hun Sen", "ហ៊ុន សែន"),
    ("sub-national officials", "មន្ត្រីថ្នាក់ក្រោមជាតិ"),
    ("Phnom Penh", "ភ្នំពេញ"),
    ("Ministry of Interior", "ក្រសួងមហាផ្ទៃ"),
    ("Meas Nee", "មាស នី"),
    ("Khmer Rouge regime", "របបខ្មែរក្រហម"),
    ("China", "ចិន"),
]


def test_core_names_are_recognised_with_their_khmer() -> None:
    g = load_glossary([shipped_dir()])
    found = {m.text: m.targets["km"][0] for m in g.find(SENTENCE) if m.targets.get("km")}
    for text, khmer in EXPECTED:
        assert found.get(text) == khmer, text


def test_every_concept_states_its_source_and_khmer_is_normalized() -> None:
    from toolkit.lang.khmer import is_normalized

    g = load_glossary([shipped_dir()])
    assert len(g) >= 100
    assert all(c.source.strip() for c in g.concepts)
    assert all(is_normalized(t.text) for c in g.concepts for t in c.terms)


def test_default_load_is_the_shipped_set(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # no pyproject.toml here: nothing added
    default = load_glossary()
    assert default.version == load_glossary([shipped_dir()]).version
    assert load_glossary().version == default.version  # second time from the compiled cache
