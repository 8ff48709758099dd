"""The source-format seam: documents are keyed so that formats never share a catalog, plain text
goes through it unchanged, and a new format is one module (here a small real one written by the
test: one block per line, each block cut into sentences with segment_block)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from toolkit.catalog.build import build
from toolkit.catalog.pipeline import translate
from toolkit.catalog.reader import read_po
from toolkit.segment import segment_block
from toolkit.sources import EXTENSIONS, FORMATS, document_key, format_name

LINES_MODULE = '''
"""One block per non-empty line; the translated document keeps every line break."""
from dataclasses import dataclass

from toolkit.catalog.message import message_text
from toolkit.segment import segment_block
from toolkit.sources import Document


@dataclass(frozen=True)
class Lines:
    name: str = "lines"
    extensions: tuple = (".lines",)

    def extract(self, text, *, segment_options):
        segments, start = [], 0
        for number, line in enumerate(text.split("\\n")):
            segments += segment_block(text, start, start + len(line), paragraph=number,
                                      rules=segment_options.get("rules"))
            start += len(line) + 1
        return Document(self.name, text, tuple(segments))

    def render(self, document, translations, language):
        out, pos = [], 0
        for seg in document.segments:
            out.append(document.text[pos:seg.start])
            out.append(translations.get(message_text(seg.text), seg.text))
            pos = seg.end
        out.append(document.text[pos:])
        return "".join(out)


FORMAT = Lines()
'''


def test_keys_and_formats() -> None:
    assert document_key("news/a.txt") == "a" and document_key("a.md") == "a.md" and document_key("a.DOCX") == "a.DOCX"
    assert format_name("a.txt") == "text" and format_name("README") == "text"


def test_segment_block_keeps_document_offsets_and_lines() -> None:
    text = "Title\n\nThe council met. Mr. Chan\nagreed on Monday.\n"
    start = text.index("The")
    found = segment_block(text, start, len(text) - 1, paragraph=4)
    assert [(s.text, s.line, s.paragraph) for s in found] == [
        ("The council met.", 3, 4), ("Mr. Chan\nagreed on Monday.", 3, 4)]
    assert all(text[s.start:s.end] == s.text for s in found)


def _translate_all(work: Path, *names: str, source_format: str | None = None) -> None:
    translate([work / n for n in names], ["km"], locales_dir=work / "locales", glossary=None, cwd=work,
              source_format=source_format)


def _fill(po: Path, translations: dict[str, str]) -> None:
    import polib

    catalog = polib.pofile(str(po))
    for entry in catalog:
        entry.msgstr = translations.get(entry.msgid, entry.msgstr)
    catalog.save()


def test_same_stem_different_formats_do_not_collide(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Roads were repaired.\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("Bridges were built.\n", encoding="utf-8")
    _translate_all(tmp_path, "a.txt", "a.md")
    catalogs = sorted(p.name for p in (tmp_path / "locales" / "km" / "LC_MESSAGES").iterdir())
    assert catalogs == ["a.md.po", "a.po"]
    assert [e.msgid for e in read_po(tmp_path / "locales/km/LC_MESSAGES/a.md.po").entries] == ["Bridges were built."]
    _fill(tmp_path / "locales/km/LC_MESSAGES/a.po", {"Roads were repaired.": "ផ្លូវត្រូវបានជួសជុល។"})
    build(tmp_path / "locales", tmp_path / "build", cwd=tmp_path)
    assert (tmp_path / "build/km/a.txt").read_text(encoding="utf-8") == "ផ្លូវត្រូវបានជួសជុល។\n"
    assert (tmp_path / "build/km/a.md").read_text(encoding="utf-8") == "Bridges were built.\n"


@pytest.fixture
def lines_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mod").mkdir()
    (tmp_path / "mod" / "lines_format.py").write_text(LINES_MODULE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "mod"))
    monkeypatch.setitem(FORMATS, "lines", "lines_format")
    monkeypatch.setitem(EXTENSIONS, ".lines", "lines")
    yield
    sys.modules.pop("lines_format", None)


def test_a_new_format_is_one_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lines_format: None) -> None:
    monkeypatch.chdir(tmp_path)
    source = "Headline without a stop\nThe council met. It agreed.\n"
    (tmp_path / "n.lines").write_text(source, encoding="utf-8")
    _translate_all(tmp_path, "n.lines")
    po = tmp_path / "locales/km/LC_MESSAGES/n.lines.po"
    entries = read_po(po).entries
    assert [(e.msgid, e.references) for e in entries] == [
        ("Headline without a stop", ("n.lines:1",)), ("The council met.", ("n.lines:2",)),
        ("It agreed.", ("n.lines:2",))]
    _fill(po, {"The council met.": "ក្រុមប្រឹក្សាបានប្រជុំ។"})
    build(tmp_path / "locales", tmp_path / "build", cwd=tmp_path)
    assert (tmp_path / "build/km/n.lines").read_text(encoding="utf-8") == \
        "Headline without a stop\nក្រុមប្រឹក្សាបានប្រជុំ។ It agreed.\n"


def test_format_override_is_recorded_for_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               lines_format: None) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "n.txt").write_text("One line here\nAnother line\n", encoding="utf-8")
    _translate_all(tmp_path, "n.txt", source_format="lines")
    catalog = read_po(tmp_path / "locales/km/LC_MESSAGES/n.po")
    assert catalog.metadata["X-Toolkit-Format"] == "lines"
    assert [e.msgid for e in catalog.entries] == ["One line here", "Another line"]  # not joined as text would
    build(tmp_path / "locales", tmp_path / "build", cwd=tmp_path)
    assert (tmp_path / "build/km/n.txt").read_text(encoding="utf-8") == "One line here\nAnother line\n"
