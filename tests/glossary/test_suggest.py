"""Term suggestions: English candidates a curator wants, Khmer aligned from reviewed catalogs.

Articles, catalogs and the annotated list under data/suggest/ are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from toolkit.glossary import load_glossary
from toolkit.glossary.load import shipped_dir
from toolkit.glossary.suggest import align, suggest
from toolkit.glossary.suggest.extract import candidates

DATA = Path(__file__).parent / "data" / "suggest"
ARTICLES = sorted((DATA / "articles").iterdir())
LOCALES = DATA / "locales"
SENTENCES = yaml.safe_load((DATA / "sentences.yaml").read_text(encoding="utf-8"))
EXPECTED = yaml.safe_load((DATA / "expected.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def shipped():
    return load_glossary([shipped_dir()])


@pytest.fixture(scope="module")
def found(shipped):
    return suggest(ARTICLES, [LOCALES], shipped, min_count=1, transliterate=False, cwd=DATA)


@pytest.mark.parametrize("case", SENTENCES, ids=[c["text"][:40] for c in SENTENCES])
def test_sentence_candidates(case):
    got = candidates(case["text"])
    want = case["found"]
    assert [f.term for f in got] == [w["term"] for w in want]
    for f, w in zip(got, want, strict=True):
        assert f.hint == w.get("hint", "")
        assert f.acronym == w.get("acronym")
        if "title" in w:
            assert f.title == w["title"]
        assert case["text"][f.start:f.end].replace("‘", "").replace("’", "") == f.term or f.hint == "policy"


def test_known_terms_and_their_pieces_are_not_suggested(shipped):
    from toolkit.glossary.suggest import Text, collect

    texts = [Text("Hun Sen’s office and the Cambodian People’s Party replied to Ministry of Environment.", "a", 1),
             Text("The National Election Committee (NEC) said NEC staff were ready.", "a", 2)]
    assert collect(texts, shipped) == {}


def test_articles_top_is_the_annotated_names_with_their_kinds(found):
    wanted = {e["term"]: e for e in EXPECTED}
    top = found[:20]
    noise = [c.term for c in top if c.term not in wanted]
    assert noise == []
    for c in top:
        assert c.kind == wanted[c.term]["kind"], c.term
        assert c.acronym == wanted[c.term].get("acronym"), c.term
    missed = {e["term"] for e in EXPECTED if not e.get("gap")} - {c.term for c in found}
    assert missed == set()


def test_ranking_spread_then_count(found):
    first = found[0]
    assert first.term == "Cambodian Federation of Cashew Processors"
    assert len(first.documents) == max(len(c.documents) for c in found)
    keys = [(-len(c.documents), -c.count) for c in found]
    assert keys == sorted(keys)


def test_examples_name_file_and_line_once_per_sentence(found):
    by = {c.term: c for c in found}
    vuthy = by["Seang Vuthy"]
    assert vuthy.examples[0] == "articles/cashew.txt:7"
    assert vuthy.titles[0] == "Oknha"
    # the catalog's sentences point at their documents (business.txt), and count as occurrences
    assert "business.txt" in vuthy.documents


def test_khmer_aligned_where_reviewed_entries_agree(found):
    by = {c.term: c for c in found}
    cfcp = by["Cambodian Federation of Cashew Processors"]
    best = cfcp.km[0]
    assert (best.term, best.source, best.score) == ("សហព័ន្ធអ្នកកែច្នៃស្វាយចន្ទីកម្ពុជា", "catalogs", 1.0)
    # three reviewed entries (one written with zero-width spaces); the fuzzy one is not evidence
    assert best.evidence == ("locales/km/business.po:11", "locales/km/business.po:15", "locales/km/business.po:19")
    assert all("សមាគម" not in p.term for p in cfcp.km)
    irrigation = by["Prek Thnot Irrigation Authority"]
    assert irrigation.km[0].term == "អាជ្ញាធរធារាសាស្ត្រព្រែកត្នោត"
    assert len(irrigation.km[0].evidence) == 2  # the untranslated entry is no evidence
    # a person's Khmer comes without the title the translations wrote before it
    assert by["Seang Vuthy"].km[0].term == "ស៊ាង វុទ្ធី"


def test_one_reviewed_entry_is_no_agreement():
    assert align.shared([align.prepare("សហព័ន្ធកម្ពុជា។")], [], ["a.po:1"]) == []


def test_alignment_on_cluster_boundaries():
    # ក is the base of the cluster ក្ក in the third text: a span ending on ក there is no match
    texts = [align.prepare(t) for t in ("ក្រុមហ៊ុនកក ថ្មី", "ក្រុមហ៊ុនកក ចាស់", "ក្រុមហ៊ុនកក្កដា")]
    got = {s.term: len(s.having) for s in align.shared_spans(texts)}
    assert got["ក្រុមហ៊ុនក"] == 3
    assert got["ក្រុមហ៊ុនកក"] == 2  # not in the third text, where កក is the start of កក្កដា


def test_places_from_gazetteer_and_cldr(shipped, tmp_path):
    article = tmp_path / "trip.txt"
    article.write_text("The team drove from Kampong Tralach to the border.\n\n"
                       "In Kampong Tralach the team met officials from Burkina Faso.\n\n"
                       "Burkina Faso sent two engineers.\n", encoding="utf-8")
    got = {c.term: c for c in suggest([article], [], shipped, min_count=1, transliterate=False)}
    tralach = got["Kampong Tralach"]
    assert tralach.kind == "place"
    assert {p.source for p in tralach.km} == {"gazetteer"}
    faso = got["Burkina Faso"]
    assert faso.kind == "place"
    assert [(p.term, p.source) for p in faso.km] == [("បួគីណាហ្វាសូ", "cldr")]


def test_khmer_from_the_translation_memory(shipped, tmp_path):
    from toolkit.tm.store import Store, Unit

    memory = tmp_path / "tm.sqlite"
    units = [("The Tonle Bati Fishing Cooperative sold fish.", "សហករណ៍នេសាទទន្លេបាទីបានលក់ត្រី។"),
             ("Members of the Tonle Bati Fishing Cooperative voted.", "សមាជិកសហករណ៍នេសាទទន្លេបាទីបានបោះឆ្នោត។"),
             ("Fish prices rose.", "តម្លៃត្រីបានកើនឡើង។")]
    with Store(memory) as store:
        store.import_units("ours.tmx", [Unit(en, km, "km", f"ours.tmx#{i}") for i, (en, km) in enumerate(units)])
    article = tmp_path / "lake.txt"
    article.write_text("Fishermen joined the Tonle Bati Fishing Cooperative this year.\n\n"
                       "The Tonle Bati Fishing Cooperative has two hundred members.\n", encoding="utf-8")
    (cand,) = suggest([article], [], shipped, min_count=2, transliterate=False, tm=memory)
    assert cand.term == "Tonle Bati Fishing Cooperative"
    assert (cand.km[0].term, cand.km[0].source, cand.km[0].score) == ("សហករណ៍នេសាទទន្លេបាទី", "tm", 1.0)
    assert cand.km[0].evidence == ("tm:ours.tmx#0", "tm:ours.tmx#1")


def test_tbx_output_reads_back_with_the_proposal_marked(found, tmp_path):
    from toolkit.glossary.suggest.render import render
    from toolkit.glossary.tbx import read_tbx

    path = tmp_path / "proposals.tbx"
    path.write_text("".join(render(found[:3], "tbx")), encoding="utf-8")
    concepts = read_tbx(path, path.read_text(encoding="utf-8"))
    assert [c.terms_in("en")[0].text for c in concepts] == [c.term for c in found[:3]]
    assert all(c.note and c.note.startswith("PROPOSED") for c in concepts)
    assert concepts[0].terms_in("km")[0].text == "សហព័ន្ធអ្នកកែច្នៃស្វាយចន្ទីកម្ពុជា"


@pytest.mark.parametrize(("span", "name"), [
    ("សហករណ៍នេសាទទន្លេបាទីបាន", "សហករណ៍នេសាទទន្លេបាទី"),  # "... did": the shared next word goes
    ("នៅសហករណ៍នេសាទ", "សហករណ៍នេសាទ"),
    ("សហព័ន្ធកម្ពុជា", "សហព័ន្ធកម្ពុជា"),  # ជា ends កម្ពុជា: not a function word here
    ("បាន", "បាន"),
])
def test_function_words_cut_off_the_edges(span, name):
    assert align.trim(span) == name
