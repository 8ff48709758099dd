"""``toolkit build``: .mo files, rendered documents (Khmer joining, layout kept), statistics."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest

from tests.catalog.conftest import po_path
from tests.conftest import require_gettext
from toolkit.catalog.build import build
from toolkit.catalog.po import format_po, read_po
from toolkit.sources.text import join_gap

SOURCE = """Roads in Kampot

The ministry will repair the roads. Work starts in May. "It is urgent," he said.

Villagers welcomed the news.
"""
KM = {
    "Roads in Kampot": "ផ្លូវនៅកំពត",
    "The ministry will repair the roads.": "ក្រសួងនឹងជួសជុលផ្លូវ។",
    "Work starts in May.": "ការងារចាប់ផ្តើមនៅខែឧសភា។",
}


@pytest.fixture
def translated(work: Path, run) -> Path:
    run(SOURCE, langs=("km", "fr"))
    path = po_path(work)
    catalog = read_po(path)
    for entry in catalog:
        if entry.msgid in KM:
            entry.msgstr = KM[entry.msgid]
        if entry.msgid == "Villagers welcomed the news.":
            entry.msgstr = "អ្នកភូមិស្វាគមន៍ព័ត៌មាននេះ។"
            entry.flags = ["fuzzy"]
    path.write_text(format_po(catalog), encoding="utf-8")
    return path


def test_render_joins_khmer_sentences_and_keeps_layout(work: Path, translated: Path) -> None:
    result = build(work / "locales", work / "out", cwd=work)
    km = next(o for o in result.outputs if o.language == "km")
    text = km.document.read_text(encoding="utf-8")
    assert text == (
        "ផ្លូវនៅកំពត\n\n"
        "ក្រសួងនឹងជួសជុលផ្លូវ។ ការងារចាប់ផ្តើមនៅខែឧសភា។ \"It is urgent,\" he said.\n\n"
        "Villagers welcomed the news.\n"  # fuzzy: not used without --include-fuzzy
    )
    assert km.stats.translated == 3 and km.stats.fuzzy == 1 and km.stats.untranslated == 1
    fr = next(o for o in result.outputs if o.language == "fr")
    assert fr.document.read_text(encoding="utf-8") == SOURCE
    assert fr.stats.translated == 0 and fr.stats.untranslated == 5


def test_include_fuzzy(work: Path, translated: Path) -> None:
    result = build(work / "locales", work / "out", include_fuzzy=True, cwd=work)
    km = next(o for o in result.outputs if o.language == "km")
    assert km.document.read_text(encoding="utf-8").endswith("អ្នកភូមិស្វាគមន៍ព័ត៌មាននេះ។\n")
    mo = polib.mofile(str(km.mo))
    assert {e.msgid for e in mo} >= {"Villagers welcomed the news."}


def test_mo_is_valid_for_gettext(work: Path, translated: Path) -> None:
    result = build(work / "locales", work / "out", cwd=work)
    km = next(o for o in result.outputs if o.language == "km")
    mo = polib.mofile(str(km.mo))
    assert {e.msgid: e.msgstr for e in mo} == KM
    msgunfmt = require_gettext("msgunfmt")
    done = subprocess.run([msgunfmt, str(km.mo)], capture_output=True, text=True, check=True)
    assert 'msgstr "ការងារចាប់ផ្តើមនៅខែឧសភា។"' in done.stdout
    assert "Villagers" not in done.stdout


@pytest.mark.parametrize(("previous", "current", "expected"), [
    ("ក្រសួងនឹងជួសជុលផ្លូវ។", "ការងារចាប់ផ្តើម។", " "),   # space after ។
    ("ចំណងជើង", "ការងារចាប់ផ្តើម។", ""),                    # no Latin space between Khmer sentences
    ("«ផ្លូវមិនមែនជាទំនិញប្រណីតទេ។»", "គាត់និយាយ។", " "),      # ។ before a closing quote
    ("ក្រសួងនឹងជួសជុលផ្លូវ។", "Work starts.", "\n"),         # next to source text: source spacing
])
def test_join_gap(previous: str, current: str, expected: str) -> None:
    assert join_gap(previous, current, "\n", "km") == expected


def test_missing_source_is_a_note_not_a_crash(work: Path, translated: Path) -> None:
    (work / "docs" / "article.txt").unlink()
    result = build(work / "locales", work / "out", cwd=work)
    km = next(o for o in result.outputs if o.language == "km")
    assert km.document is None and "not found" in km.notes[0]
    assert km.mo.exists()


@pytest.mark.parametrize("header", ["../../../../etc/passwd", "/etc/passwd", "docs/../../outside.txt"])
def test_a_catalog_cannot_make_build_copy_a_file_from_outside_the_project(
        header: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """X-Toolkit-Source is data from a contributed catalog: sources are confined to the project."""
    project = tmp_path / "project"
    po = project / "locales" / "km" / "LC_MESSAGES" / "evil.po"
    po.parent.mkdir(parents=True)
    (tmp_path / "outside.txt").write_text("secret\n", encoding="utf-8")
    po.write_text('msgid ""\nmsgstr ""\n"Language: km\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                  f'"X-Toolkit-Source: {header}\\n"\n\nmsgid "a"\nmsgstr "b"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    result = build(project / "locales", project / "build", cwd=project)
    (output,) = result.outputs
    assert output.document is None and "document not rendered" in output.notes[0]
    assert "refused" in output.notes[0]
    assert not (project / "build" / "km").exists() or not any((project / "build" / "km").iterdir())


@pytest.mark.parametrize("broken", ["aa", "zz"], ids=["first", "last"])
def test_a_broken_catalog_stops_build_before_any_output(work: Path, translated: Path, broken: str) -> None:
    """Catalogs are read one at a time, but every one parses before anything is written."""
    from toolkit.errors import CatalogError

    bad = po_path(work, broken)
    bad.parent.mkdir(parents=True)
    bad.write_text('msgid "a"\nmsgstr "b"\nmsgid "a"\nmsgstr "c"\n', encoding="utf-8")
    with pytest.raises(CatalogError) as raised:
        build(work / "locales", work / "out", cwd=work)
    assert str(bad) in str(raised.value) and ":3:" in str(raised.value)
    assert not list((work / "locales").rglob("*.mo"))
    assert not (work / "out").exists()


def test_sentences_added_to_the_source_since_translate_are_counted(work: Path, translated: Path) -> None:
    source = work / "docs" / "article.txt"
    source.write_text(SOURCE + "\nA new sentence came later. And another one.\n", encoding="utf-8")
    result = build(work / "locales", work / "out", cwd=work)
    km = next(o for o in result.outputs if o.language == "km")
    assert km.notes == (f"{po_path(work)}: 2 sentences of {source} not in the catalog; run toolkit translate",)
    assert km.document is not None
    assert km.document.read_text(encoding="utf-8").endswith("A new sentence came later. And another one.\n")
    from toolkit.report import build_review

    review = build_review([po_path(work)], cwd=work)
    assert review.documents[0].notes == km.notes
