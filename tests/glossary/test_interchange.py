"""TBX-Basic and CSV: lossless round trips, well-formed safe XML, import/export commands."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from toolkit.errors import GlossaryError, ProblemsError
from toolkit.glossary import load_glossary
from toolkit.glossary.csvio import COLUMNS, read_csv, write_csv
from toolkit.glossary.glossary import concept_record
from toolkit.glossary.load import shipped_dir
from toolkit.glossary.native import parse_native
from toolkit.glossary.tbx import read_tbx, write_tbx

from .conftest import DATA, FIXTURE

# The TBX-Basic data categories (and structural elements) we allow ourselves to write.
TBX_ELEMENTS = {"tbx", "tbxHeader", "fileDesc", "sourceDesc", "p", "text", "body", "conceptEntry",
                "langSec", "termSec", "term", "termNote", "descrip", "admin", "note"}
TBX_TYPES = {"subjectField", "definition", "source", "administrativeStatus", "partOfSpeech"}


def _records(concepts):
    return [concept_record(c) for c in concepts]


@pytest.fixture(scope="module")
def tricky(tmp_path_factory):
    """The fixture plus the hard cases: notes with newlines and markup, flags, a digit-first id."""
    extra = (
        "  - id: 2018-election\n"
        "    domain: general\n"
        "    source: 'test: <b>&amp;</b> \"quoted\"'\n"
        "    note: \"two\\nlines\"\n"
        "    en:\n"
        "      - {term: 2018 election, dnt: true, note: 'a <note> & more'}\n"
        "      - {term: Election 2018, status: deprecated, pos: noun, case_sensitive: true}\n"
        "    km:\n"
        "      - {term: ការបោះឆ្នោតឆ្នាំ២០១៨, status: admitted}\n"
    )
    path = tmp_path_factory.mktemp("g") / "tricky.yaml"
    path.write_text(FIXTURE.read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")
    return load_glossary([path], use_cache=False)


def test_native_tbx_native_is_lossless(tricky) -> None:
    text = write_tbx(tricky.concepts)
    back = read_tbx("x.tbx", text)
    assert _records(back) == _records(tricky.concepts)


def test_shipped_glossary_round_trips_through_tbx_and_csv() -> None:
    g = load_glossary([shipped_dir()], use_cache=False)
    assert _records(read_tbx("s.tbx", write_tbx(g.concepts))) == _records(g.concepts)
    assert _records(read_csv("s.csv", write_csv(g.concepts))) == _records(g.concepts)


def test_exported_tbx_is_well_formed_tbx_basic(tricky) -> None:
    root = ET.fromstring(write_tbx(tricky.concepts).encode("utf-8"))
    assert root.tag == "{urn:iso:std:iso:30042:ed-2}tbx" and root.get("type") == "TBX-Basic"
    tags = {el.tag.split("}")[1] for el in root.iter()}
    assert tags <= TBX_ELEMENTS
    assert {el.get("type") for el in root.iter() if el.get("type") and el is not root} <= TBX_TYPES
    entry = root.find(".//{*}conceptEntry[@id='_2018-election']")
    assert entry is not None  # XML ids cannot start with a digit
    statuses = [el.text for el in entry.iter("{urn:iso:std:iso:30042:ed-2}termNote")
                if el.get("type") == "administrativeStatus"]
    assert statuses == ["preferredTerm-admn-sts", "deprecatedTerm-admn-sts", "admittedTerm-admn-sts"]


def test_csv_round_trip_and_columns(tricky) -> None:
    text = write_csv(tricky.concepts)
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) - 1 == sum(len(c.terms) for c in tricky.concepts)
    assert _records(read_csv("x.csv", text)) == _records(tricky.concepts)


def test_reads_tbx_v2_from_other_tools() -> None:
    g = load_glossary([DATA / "v2-martif.tbx"])
    cdc = g.get("c1")
    assert cdc.domain == "organisation"
    assert g.targets("c1", "km") == ["ក្រុមប្រឹក្សាអភិវឌ្ឍន៍កម្ពុជា"]
    assert [m.concept for m in g.find("The CDC approved it.")] == ["c1"]
    (post,) = [c for c in g.concepts if c.id != "c1"]
    assert post.id == "border-post"  # no id: made from the English term
    assert g.forbidden(post.id, "km") == ["ប៉ុស្តិ៍ព្រំដែន"]
    assert post.source == "imported from v2-martif.tbx"


def test_external_entities_are_refused() -> None:
    with pytest.raises(GlossaryError) as info:
        load_glossary([DATA / "bad" / "xxe.tbx"])
    assert "entity declarations are not allowed" in str(info.value)
    assert "root:" not in str(info.value)


def test_bad_csv_reports_every_row() -> None:
    path = DATA / "bad" / "bad.csv"
    with pytest.raises(ProblemsError) as info:
        load_glossary([path])
    assert str(info.value).splitlines() == [
        f"{path}:3: concept id 'Bad Id' must match [a-z0-9][a-z0-9-]*",
        f"{path}:4: status 'maybe' is not one of preferred, admitted, deprecated",
    ]


def test_csv_with_partial_columns() -> None:
    g = load_glossary([DATA / "extra.csv"])
    tonle = g.get("tonle-sap")
    assert tonle.domain == "place" and tonle.source == "written for the toolkit tests"
    assert [(t.lang, t.text, t.status) for t in tonle.terms] == [
        ("en", "Tonle Sap", "preferred"), ("en", "Tonle Sap Lake", "admitted"), ("km", "ទន្លេសាប", "preferred")]


def test_export_and_import_commands(cli, tmp_path: Path) -> None:
    tbx = tmp_path / "out.tbx"
    result = cli("glossary", "export", "--format", "tbx", "-o", tbx, "--glossary", FIXTURE)
    assert result.exit_code == 0, result.stderr
    native = tmp_path / "back.yaml"
    result = cli("glossary", "import", tbx, "-o", native)
    assert result.exit_code == 0, result.stderr
    back, problems = parse_native(native.read_text(encoding="utf-8"), str(native))
    assert problems == []
    assert _records(back) == _records(load_glossary([FIXTURE]).concepts)
    csv_out = cli("glossary", "export", "--format", "csv", "--glossary", FIXTURE)
    assert csv_out.stdout.startswith(",".join(COLUMNS) + "\n")
    to_stdout = cli("glossary", "import", DATA / "extra.csv")
    assert "id: tonle-sap" in to_stdout.stdout


def test_import_never_overwrites_on_bad_input(cli, tmp_path: Path) -> None:
    target = tmp_path / "keep.yaml"
    target.write_text("precious", encoding="utf-8")
    result = cli("glossary", "import", DATA / "bad" / "bad.csv", "-o", target)
    assert result.exit_code == 2
    assert result.stderr.startswith("toolkit: error: ")
    assert target.read_text(encoding="utf-8") == "precious"


def test_glossary_option_reads_tbx_and_csv(cli, tmp_path: Path) -> None:
    result = cli("glossary", "find", "-", "--glossary", DATA / "v2-martif.tbx", "--glossary", DATA / "extra.csv",
                 input="The CDC met at Tonle Sap Lake.")
    assert result.exit_code == 0, result.stderr
    assert [line.split("\t")[2] for line in result.stdout.splitlines()] == ["c1", "tonle-sap"]


def test_reads_tbx_v3_dct_style_with_region_codes() -> None:
    g = load_glossary([DATA / "v3-dct.tbx"])
    nec = g.get("nec")
    assert nec.domain == "organisation" and nec.definition == "The body that runs elections."
    assert [(t.lang, t.status, t.pos) for t in nec.terms] == [
        ("en", "preferred", "noun"), ("en", "admitted", None), ("km", "preferred", None)]
    (m,) = g.find("The NEC said so.")
    assert m.targets == {"km": ["គណៈកម្មាធិការជាតិរៀបចំការបោះឆ្នោត"]}


def test_csv_with_a_bom_for_spreadsheets_reads_back(cli, tmp_path) -> None:
    """``--bom`` makes spreadsheet programs read the Khmer as UTF-8; our importer skips the mark."""
    out = tmp_path / "g.csv"
    done = cli("glossary", "export", "-f", "csv", "--bom", "-o", str(out))
    assert done.exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "ក្រសួង".encode() in data
    back = cli("glossary", "import", str(out))
    assert back.exit_code == 0 and "ក្រសួងមហាផ្ទៃ" in back.stdout


def test_tbx_v2_is_read_by_translate_toolkit_and_both_versions_read_back(tmp_path) -> None:
    """TBX-Basic 2008 (``martif``) for Translate Toolkit / Weblate; v3 names its schemas; our
    importer reads both back to the same concepts."""
    from dataclasses import replace

    from translate.convert import tbx2po

    from toolkit.glossary import load_glossary
    from toolkit.glossary.load import read_file
    from toolkit.glossary.tbx import XML_MODELS, write_tbx

    concepts = load_glossary().concepts
    v2, v3 = tmp_path / "g2.tbx", tmp_path / "g3.tbx"
    v2.write_text(write_tbx(concepts, version=2), encoding="utf-8")
    v3.write_text(write_tbx(concepts, version=3), encoding="utf-8")
    assert v2.read_text(encoding="utf-8").count("<termEntry ") == len(concepts)
    assert all(pi in v3.read_text(encoding="utf-8") for pi in XML_MODELS)
    for path in (v2, v3):
        back = read_file(path, use_cache=False)

        def data(cs):  # what a concept says, without where it was written
            return [(c.id, c.domain, c.source, c.note, c.definition, tuple(replace(t, line=None) for t in c.terms))
                    for c in cs]

        assert data(back) == data(concepts)

    po = tmp_path / "g2.po"
    with open(v2, "rb") as source, open(po, "wb") as target:
        assert tbx2po.converttbx(source, target, None) == 1
    text = po.read_text(encoding="utf-8")
    assert text.count('\nmsgid "') - 1 == len(concepts)  # one entry per concept, besides the header
    assert 'msgid "Ministry of Interior"\nmsgstr "ក្រសួងមហាផ្ទៃ"' in text
