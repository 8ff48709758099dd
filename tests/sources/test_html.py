"""HTML through the seam: text blocks and attributes, inline markup as paired placeholders, the
page rebuilt byte for byte (identity) or with the same DOM (translated), charsets and bad input."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from tests.sources.helpers import REAL, fill, identity
from toolkit.catalog.build import build
from toolkit.catalog.message import message_text
from toolkit.catalog.pipeline import translate
from toolkit.errors import InputError
from toolkit.sources import Document, get_format

PAGE = """<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>Roads &amp; budget</title>
<meta name="description" content="The ministry spoke. Work starts in May.">
<style>p { content: "Not translated." }</style></head>
<body>
<h1><b>Roads budget doubles</b></h1>
<p class="lead">The council met on <b>Monday</b>. It agreed to <a href="/law" title="The law">double
  the budget</a>.<br>Work starts in May. <img src="map.png" alt="A map of roads"> Done.</p>
<ul><li>Takeo: 40 km<li>Kampot: <code>x.y</code> and 25 km</ul>
<p>Broken <b>nesting <i>here</b> now</i>.</p>
<pre>Not translated. Never.</pre>
<script>var a = "<p>Not translated.</p>";</script>
<p>|</p>
</body></html>
"""


def _doc(text: str) -> Document:
    return get_format("html").extract(text, segment_options={})


def _dom(text: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """Elements of the page as an HTML parser builds them: tags and attributes (the values of the
    translatable ones and of ``lang`` left out)."""
    root = lxml.html.document_fromstring(text.encode("utf-8"))
    return [(el.tag, tuple(sorted((k, "" if k in ("lang", "title", "alt", "content") else v)
                                  for k, v in el.attrib.items() if k not in ("lang", "xml:lang"))))
            for el in root.iter() if isinstance(el.tag, str)]


def test_blocks_attributes_and_placeholders() -> None:
    doc = _doc(PAGE)
    assert [(s.line, message_text(s.text)) for s in doc.segments] == [
        (3, "Roads & budget"),
        (4, "The ministry spoke."), (4, "Work starts in May."),
        (7, "Roads budget doubles"),  # the <b> around the whole block stays outside
        (8, "The council met on <g1>Monday</g1>."),
        (8, "It agreed to <g2>double the budget</g2>.<x3/>"),  # markup between two goes to the first
        (9, "Work starts in May."),
        (9, "Done."),
        (8, "The law"),
        (9, "A map of roads"),
        (10, "Takeo: 40 km"), (10, "Kampot: <x1/> and 25 km"),
        (11, "Broken <x1/>nesting <x2/>here<x3/> now<x4/>."),  # crossing tags: no pairs
    ]
    assert {u.kind for u in doc.units} >= {"title", "meta content", "h1", "p", "a title", "img alt", "li"}


def test_identity_and_untranslated_give_the_page_back() -> None:
    fmt = get_format("html")
    doc = _doc(PAGE)
    assert fmt.render(doc, identity(doc), "km") == PAGE
    assert fmt.render(doc, {}, "km") == PAGE


def test_translation_restores_tags_with_attributes_and_sets_lang() -> None:
    fmt = get_format("html")
    doc = _doc(PAGE)
    out = fmt.render(doc, {
        "It agreed to <g2>double the budget</g2>.<x3/>": "<g2>បង្កើនថវិកា</g2> & យល់ព្រម។<x3/>",
        "The law": 'ច្បាប់ "ថ្មី"',
        "Roads & budget": "ថវិកាផ្លូវ",
        "Work starts in May.": "ការងារចាប់ផ្តើម <ខែឧសភា>។",
    }, "km")
    assert '<html lang="km">' in out
    assert "<title>ថវិកាផ្លូវ</title>" in out
    assert ('<a href="/law" title="ច្បាប់ &quot;ថ្មី&quot;"><g2>' not in out
            and '<a href="/law" title="ច្បាប់ &quot;ថ្មី&quot;">បង្កើនថវិកា</a> &amp; យល់ព្រម។' in out)
    assert "<br>ការងារចាប់ផ្តើម &lt;ខែឧសភា&gt;។" in out
    assert _dom(out) == _dom(PAGE)
    assert 'var a = "<p>Not translated.</p>";' in out and "<pre>Not translated. Never.</pre>" in out


def test_right_to_left_language_gets_dir() -> None:
    fmt = get_format("html")
    doc = _doc(PAGE)
    assert '<html lang="ar" dir="rtl">' in fmt.render(doc, {"Done.": "تم."}, "ar")


def test_declared_charset_is_read_and_rewritten() -> None:
    fmt = get_format("html")
    page = '<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 opens.</p></body></html>'
    doc = fmt.load(page.encode("cp1252"), "cafe.html", segment_options={})  # type: ignore[attr-defined]
    assert [s.text for s in doc.segments] == ["Caf\u00e9 opens."]
    out = fmt.render(doc, {"Caf\u00e9 opens.": "ហាងកាហ្វេបើក។"}, "km")
    assert '<meta charset="utf-8">' in out and "ហាងកាហ្វេបើក។" in out


@pytest.mark.parametrize("data, message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
    (b"<p>caf\xe9</p>", "not valid UTF-8"),
    (b'<meta charset="x-unknown"><p>caf\xe9</p>', "unknown charset"),
])
def test_bad_pages_are_one_line_errors(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        get_format("html").load(data, "bad.html", segment_options={})  # type: ignore[attr-defined]
    assert str(caught.value).startswith("bad.html: byte") or str(caught.value).startswith("bad.html:")
    assert "\n" not in str(caught.value)


def test_broken_nesting_is_recovered() -> None:
    fmt = get_format("html")
    page = "<div><p>Open <b>bold <i>both</p> text</b></i><p>Next <a href=x>one"
    doc = _doc(page)
    assert fmt.render(doc, identity(doc), "km") == page
    translated = fmt.render(doc, {message_text(s.text): "ក " + message_text(s.text) for s in doc.segments}, "km")
    assert _dom(translated) == _dom(page)


REAL_HTML = sorted(REAL.glob("*.html"))


@pytest.mark.parametrize("path", REAL_HTML, ids=[p.name for p in REAL_HTML])
def test_real_pages_round_trip(path: Path) -> None:
    fmt = get_format("html")
    doc = fmt.load(path.read_bytes(), str(path), segment_options={})  # type: ignore[attr-defined]
    assert len(doc.segments) > 100
    assert fmt.render(doc, identity(doc), "km").encode("utf-8") == path.read_bytes()
    translated = fmt.render(doc, {k: "ការ " + k + "។" for k in identity(doc)}, "km")
    assert _dom(translated) == _dom(doc.text)
    if "wikipedia" in path.name:  # <html ... lang="en" dir="ltr" ... xml:lang="en">
        assert 'lang="km" dir="ltr" xmlns="http://www.w3.org/1999/xhtml" xml:lang="km">' in translated


def test_translate_edit_build(tmp_path: Path) -> None:
    (tmp_path / "news.html").write_text(PAGE, encoding="utf-8")
    translate([tmp_path / "news.html"], ["km"], locales_dir=tmp_path / "locales", glossary=None, cwd=tmp_path)
    po = tmp_path / "locales" / "km" / "LC_MESSAGES" / "news.html.po"
    fill(po, lambda msgid: {"The council met on <g1>Monday</g1>.": "ក្រុមប្រឹក្សាបានប្រជុំនៅថ្ងៃ<g1>ច័ន្ទ</g1>។"}
         .get(msgid, ""))
    build(tmp_path / "locales", tmp_path / "build", cwd=tmp_path)
    out = (tmp_path / "build" / "km" / "news.html").read_text(encoding="utf-8")
    assert '<p class="lead">ក្រុមប្រឹក្សាបានប្រជុំនៅថ្ងៃ<b>ច័ន្ទ</b>។ It agreed' in out
    assert _dom(out) == _dom(PAGE)


def test_cli_bad_input_is_one_line_and_format_override(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    r = cli("translate", "image.html", "--to", "km")
    assert r.exit_code == 2 and r.stderr.strip() == "toolkit: error: image.html: byte 8: not an HTML page (binary data)"
    assert not (tmp_path / "locales").exists()
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")  # an HTML page with the wrong extension
    r = cli("translate", "page.txt", "--to", "km", "-f", "html")
    assert r.exit_code == 0, r.stderr
    po = (tmp_path / "locales" / "km" / "LC_MESSAGES" / "page.po").read_text(encoding="utf-8")
    assert 'msgid "The council met on <g1>Monday</g1>."' in po and '"X-Toolkit-Format: html\\n"' in po
    fill(tmp_path / "locales" / "km" / "LC_MESSAGES" / "page.po", lambda m: {"Done.": "រួចរាល់។"}.get(m, ""))
    r = cli("build", "-o", "build")
    assert r.exit_code == 0, r.stderr
    built = (tmp_path / "build" / "km" / "page.txt").read_text(encoding="utf-8")
    assert '<img src="map.png" alt="A map of roads"> រួចរាល់។</p>' in built
    r = cli("translate", "page.txt", "--to", "km", "-f", "rtf")
    assert r.exit_code == 2 and "--format must be one of text, markdown, html, docx (got 'rtf')" in r.stderr
