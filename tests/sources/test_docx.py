"""Word documents through the seam, on real .docx files made here with python-docx: paragraphs of
the body, tables, headers, footers and footnotes, runs as placeholders, fields kept whole, the
identity round trip (same runs and formatting), a translated build with the Khmer font, bad input."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.sources.helpers import REAL, fill, identity
from toolkit import markup
from toolkit.catalog.build import build
from toolkit.catalog.message import message_text
from toolkit.catalog.pipeline import translate
from toolkit.errors import InputError
from toolkit.sources import Document, get_format

docx = pytest.importorskip("docx", reason="the [docx] extra is not installed")
from docx.opc.constants import RELATIONSHIP_TYPE as RT  # noqa: E402
from docx.opc.packuri import PackURI  # noqa: E402
from docx.opc.part import Part  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.oxml.parser import OxmlElement, parse_xml  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W}">'
             '<w:footnote w:id="1"><w:p><w:r><w:t>Source: the ministry. Figures of May.</w:t></w:r></w:p>'
             '</w:footnote></w:footnotes>').encode()


TEXT_BOX = (f'<w:pict xmlns:w="{W}" xmlns:v="urn:schemas-microsoft-com:vml"><v:shape style="width:100pt;height:40pt">'
            '<v:textbox><w:txbxContent><w:p><w:r><w:t>Roads in Takeo.</w:t></w:r></w:p></w:txbxContent>'
            '</v:textbox></v:shape></w:pict>')


def _field(paragraph, code: str) -> None:
    for kind in ("begin", "instr", "separate", "result", "end"):
        run = paragraph.add_run()
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.text = code
            run._r.append(el)
        elif kind == "result":
            run.text = "1"
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)


def _link(paragraph, url: str, text: str) -> None:
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = paragraph.add_run(text)
    run.underline = True
    link.append(run._r)
    paragraph._p.append(link)


def make_article(path: Path) -> Path:
    """A news article as an editor would send it: heading, formatted runs, link, field, table,
    list, header, footer and a footnote."""
    d = docx.Document()
    d.add_heading("Provincial roads budget doubles", level=1)
    p = d.add_paragraph("The ")
    p.add_run("Ministry of Interior").bold = True
    p.add_run(" met on Monday. It agreed to ")
    p.add_run("double").italic = True
    p.add_run(" the budget. See ")
    _link(p, "https://example.org/plan", "the plan")
    p.add_run(" on page ")
    _field(p, " PAGE ")
    p.add_run(".")
    table = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Province", (0, 1): "Roads", (1, 0): "Takeo", (1, 1): "40 km of new roads."}.items():
        table.cell(r, c).text = text
    d.add_paragraph("Work starts in May.", style="List Bullet")
    boxed = d.add_paragraph("The map is below. ")
    boxed.add_run()._r.append(parse_xml(TEXT_BOX))
    boxed.add_run(" It shows the roads.")
    d.sections[0].header.paragraphs[0].text = "Ministry of Public Works and Transport"
    d.sections[0].footer.paragraphs[0].text = "Draft for review."
    notes = Part(PackURI("/word/footnotes.xml"),
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml", FOOTNOTES,
                 d.part.package)
    d.part.relate_to(notes, RT.FOOTNOTES)
    d.save(str(path))
    return path


def _load(path: Path) -> Document:
    return get_format("docx").load(path.read_bytes(), str(path), segment_options={})  # type: ignore[attr-defined]


def _runs(data: bytes) -> list[list[tuple[str, bytes]]]:
    """Every paragraph of every story as (run text, run properties) pairs."""
    from lxml import etree

    out = []
    parser = etree.XMLParser(remove_blank_text=True)  # indentation is no formatting
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in sorted(n for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")):
            root = etree.fromstring(z.read(name), parser)
            for p in root.iter(f"{{{W}}}p"):
                out.append([("".join(t.text or "" for t in r.iter(f"{{{W}}}t")),
                             b"" if r.find(f"{{{W}}}rPr") is None
                             else etree.tostring(r.find(f"{{{W}}}rPr"), with_tail=False))
                            for r in p.iter(f"{{{W}}}r")])
    return out


def test_paragraphs_runs_and_numbers(tmp_path: Path) -> None:
    doc = _load(make_article(tmp_path / "news.docx"))
    assert [(s.line, s.text) for s in doc.segments] == [
        (1, "Provincial roads budget doubles"),
        (2, "The <g1>Ministry of Interior</g1> met on Monday."),
        (2, "It agreed to <g2>double</g2> the budget."),
        (2, "See <g3>the plan</g3> on page <x4/>."),  # the hyperlink a pair, the PAGE field one placeholder
        (3, "Province"), (4, "Roads"), (5, "Takeo"), (6, "40 km of new roads."),
        (7, "Work starts in May."),
        (8, "The map is below."), (8, "It shows the roads."),  # the text box: <x1/>, between them
        (9, "Roads in Takeo."),  # ... and its paragraph an entry
        (10, "Ministry of Public Works and Transport"),  # header
        (11, "Draft for review."),  # footer
        (12, "Source: the ministry."), (12, "Figures of May."),  # footnote
    ]


def test_identity_keeps_runs_and_formatting(tmp_path: Path) -> None:
    path = make_article(tmp_path / "news.docx")
    doc = _load(path)
    fmt = get_format("docx")
    for translations in (identity(doc), {}):
        out = fmt.render(doc, translations, "km")
        assert _runs(out) == _runs(path.read_bytes())


def test_translation_keeps_formatting_link_field_and_sets_khmer_font(tmp_path: Path) -> None:
    path = make_article(tmp_path / "news.docx")
    doc = _load(path)
    out = get_format("docx").render(doc, {
        "The <g1>Ministry of Interior</g1> met on Monday.": "<g1>ក្រសួងមហាផ្ទៃ</g1>បានប្រជុំនៅថ្ងៃច័ន្ទ។",
        "See <g3>the plan</g3> on page <x4/>.": "សូមមើល<g3>ផែនការ</g3>នៅទំព័រ<x4/>។",
        "Draft for review.": "សេចក្តីព្រាងសម្រាប់ពិនិត្យ។",
        "Figures of May.": "តួលេខខែឧសភា។",
        "It shows the roads.": "វាបង្ហាញផ្លូវ។",
        "Roads in Takeo.": "ផ្លូវនៅតាកែវ។",
    }, "km")
    word = docx.Document(io.BytesIO(out))
    body = word.paragraphs[1]
    assert body.text.startswith("ក្រសួងមហាផ្ទៃបានប្រជុំនៅថ្ងៃច័ន្ទ។ It agreed to double the budget.")
    bold = [r.text for r in body.runs if r.bold]
    assert bold == ["ក្រសួងមហាផ្ទៃ"]
    assert [r.text for r in body.runs if r.italic] == ["double"]
    xml = body._p.xml
    assert "<w:hyperlink" in xml and "ផែនការ" in xml and " PAGE " in xml  # the link and the field stay
    assert 'w:cs="Khmer UI"' in xml and 'w:bidi="km-KH"' in xml
    assert word.paragraphs[0].style.name == "Heading 1" and word.paragraphs[2].style.name == "List Bullet"
    assert word.sections[0].footer.paragraphs[0].text == "សេចក្តីព្រាងសម្រាប់ពិនិត្យ។"
    assert word.tables[0].cell(1, 1).text == "40 km of new roads."
    again = [s.text for s in _load_bytes(out).segments]
    assert again[-1] == "តួលេខខែឧសភា។"
    assert "ផ្លូវនៅតាកែវ។" in again and "វាបង្ហាញផ្លូវ។" in again  # the box translated inside its paragraph


def _load_bytes(data: bytes) -> Document:
    return get_format("docx").load(data, "out.docx", segment_options={})  # type: ignore[attr-defined]


def test_translate_edit_build(tmp_path: Path) -> None:
    make_article(tmp_path / "news.docx")
    translate([tmp_path / "news.docx"], ["km"], locales_dir=tmp_path / "locales", glossary=None, cwd=tmp_path)
    po = tmp_path / "locales" / "km" / "LC_MESSAGES" / "news.docx.po"
    catalog = fill(po, lambda msgid: {"Work starts in May.": "ការងារចាប់ផ្តើមនៅខែឧសភា។"}.get(msgid, ""))
    assert {f"{p}:{n}" for e in catalog if e.msgid == "Takeo" for p, n in e.occurrences} == {"news.docx:5"}
    build(tmp_path / "locales", tmp_path / "build", cwd=tmp_path)
    built = docx.Document(str(tmp_path / "build" / "km" / "news.docx"))
    assert built.paragraphs[2].text == "ការងារចាប់ផ្តើមនៅខែឧសភា។"
    assert built.paragraphs[0].text == "Provincial roads budget doubles"


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("data, message", [
    (b"PK\x03\x04 not really a zip", "not a zip archive"),
    (b"<html>not Word</html>", "not a zip archive"),
    (_zip({"readme.txt": b"hello"}), "no word/ part"),
    (_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\x00" * (8 * 2**20)}), "zip bomb"),
    (_zip({"[Content_Types].xml": b"<broken", "word/document.xml": b"<w:document/>"}), "not a readable Word document"),
])
def test_bad_documents_are_one_line_errors(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        get_format("docx").load(data, "bad.docx", segment_options={})  # type: ignore[attr-defined]
    assert str(caught.value).startswith("bad.docx: ") and "\n" not in str(caught.value)
    path = tmp_path / "bad.docx"
    path.write_bytes(data)
    with pytest.raises(InputError):
        translate([path], ["km"], locales_dir=tmp_path / "locales", glossary=None, cwd=tmp_path)
    assert not (tmp_path / "locales").exists()  # nothing written


def test_cli_translate_and_build(cli, tmp_path: Path, monkeypatch) -> None:
    make_article(tmp_path / "news.docx")
    monkeypatch.chdir(tmp_path)
    r = cli("translate", "news.docx", "--to", "km")
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "locales" / "km" / "LC_MESSAGES" / "news.docx.po").exists()
    r = cli("build", "-o", "build")
    assert r.exit_code == 0, r.stderr
    assert _runs((tmp_path / "build" / "km" / "news.docx").read_bytes()) == _runs((tmp_path / "news.docx").read_bytes())
    (tmp_path / "broken.docx").write_bytes(b"garbage")
    r = cli("translate", "broken.docx", "--to", "km")
    assert r.exit_code == 2
    assert r.stderr.strip() == "toolkit: error: broken.docx: not a Word document (not a zip archive)"


REAL_DOCX = sorted(REAL.glob("*.docx"))


@pytest.mark.parametrize("path", REAL_DOCX, ids=[p.name for p in REAL_DOCX])
def test_real_documents_round_trip(path: Path) -> None:
    """Word files nobody here wrote: identity gives the same runs and formatting; a translation of
    every sentence reaches every paragraph and keeps the placeholders."""
    doc = _load(path)
    assert doc.segments
    fmt = get_format("docx")
    assert _runs(fmt.render(doc, identity(doc), "km")) == _runs(path.read_bytes())
    translated = _load_bytes(fmt.render(doc, {k: "ការ " + k + "។" for k in identity(doc)}, "km"))
    assert len(translated.units) == len(doc.units) and all("ការ " in u.text for u in translated.units)
    assert [len(markup.TAG.findall(u.text)) for u in translated.units] == [
        len(markup.TAG.findall(u.text)) for u in doc.units]


def test_message_text_of_each_segment_is_its_msgid(tmp_path: Path) -> None:
    doc = _load(make_article(tmp_path / "news.docx"))
    assert all(message_text(s.text) == s.text for s in doc.segments)


def test_libreoffice_opens_the_translated_document(tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        if os.environ.get("TOOLKIT_REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice is required in CI but not installed")
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
    doc = _load(make_article(tmp_path / "news.docx"))
    out = tmp_path / "km" / "news.docx"
    out.parent.mkdir()
    out.write_bytes(get_format("docx").render(doc, {
        "The <g1>Ministry of Interior</g1> met on Monday.": "<g1>ក្រសួងមហាផ្ទៃ</g1>បានប្រជុំនៅថ្ងៃច័ន្ទ។",
        "40 km of new roads.": "ផ្លូវថ្មី ៤០ គ.ម.។"}, "km"))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
                    "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=120)
    text = (tmp_path / "news.txt").read_text(encoding="utf-8-sig")
    assert "ក្រសួងមហាផ្ទៃបានប្រជុំនៅថ្ងៃច័ន្ទ។ It agreed to double the budget." in text
    assert "ផ្លូវថ្មី ៤០ គ.ម.។" in text and "Provincial roads budget doubles" in text
