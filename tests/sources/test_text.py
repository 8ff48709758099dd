"""Plain text through the seam: blocks with offsets and lines, sentences exactly as segment()
gives them, an identity render, and catalogs of users made before the seam keep working."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from tests.conftest import ROOT
from tests.segment.test_blocks import news_corpus
from toolkit.catalog.build import build
from toolkit.catalog.pipeline import translate
from toolkit.errors import UsageError
from toolkit.segment import line_breaks, segment
from toolkit.sources import Document, get_format

TEXT = (
    "Roads budget doubles\r\n"
    "By Sokha Vann\r\n"
    "\r\n"
    "The ministry said on Monday that the budget for\r\n"
    "provincial roads would double. Work starts in May.\r\n"
    "\r\n"
    "• Takeo: 40 km\r\n"
    "• Kampot: 25 km\r\n"
)


def _extract(text: str, **options: object) -> Document:
    return get_format("text").extract(text, segment_options=dict(options))


def test_units_are_the_blocks_with_offsets_and_lines() -> None:
    doc = _extract(TEXT)
    assert [(u.text.split("\r\n")[0], u.line, u.kind) for u in doc.units] == [
        ("Roads budget doubles", 1, "paragraph"), ("By Sokha Vann", 2, "paragraph"),
        ("The ministry said on Monday that the budget for", 4, "paragraph"),
        ("• Takeo: 40 km", 7, "paragraph"), ("• Kampot: 25 km", 8, "paragraph")]
    assert all(TEXT[u.start:u.end] == u.text for u in doc.units)
    for seg in doc.segments:  # every sentence lies inside exactly one block
        assert sum(u.start <= seg.start and seg.end <= u.end for u in doc.units) == 1


def test_segments_are_those_of_segment() -> None:
    sample = (ROOT / "samples" / "provincial-roads-budget.txt").read_text(encoding="utf-8")
    for text in (TEXT, sample, news_corpus(20_000).replace("\n", "\r\n"), "  \n\n\u200b\n\n Tail.\n"):
        for mode in ("auto", "blank", "line"):
            doc = _extract(text, paragraphs=mode)
            assert list(doc.segments) == segment(text, paragraphs=mode)
            assert all(u.line == 1 + line_breaks(text, 0, u.start) for u in doc.units)
            assert {s.start for s in doc.segments} >= {  # each unit's first sentence
                min(s.start for s in doc.segments if u.start <= s.start < u.end) for u in doc.units}


def test_render_without_translations_is_the_source() -> None:
    sample = (ROOT / "samples" / "provincial-roads-budget.txt").read_text(encoding="utf-8")
    fmt = get_format("text")
    for text in (TEXT, sample, "", "\n\n  \n"):
        assert fmt.render(fmt.extract(text, segment_options={}), {}, "km") == text


def test_unknown_segment_option_is_an_error() -> None:
    with pytest.raises(UsageError, match="unknown segment option"):
        _extract(TEXT, paragraph="line")


def test_catalog_made_before_the_seam_keeps_its_translations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A .txt document keeps the name NAME.po, so an existing catalog is found and merged; a
    .md-like document of the same stem gets its own NAME.md.po and leaves it alone."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Roads were repaired. Work starts in May.\n", encoding="utf-8")
    translate(["a.txt"], ["km"], locales_dir="locales", glossary=None)
    po = tmp_path / "locales/km/LC_MESSAGES/a.po"
    catalog = polib.pofile(str(po))
    catalog.find("Roads were repaired.").msgstr = "ផ្លូវត្រូវបានជួសជុល។"
    catalog.save()
    (tmp_path / "a.md").write_text("Roads were repaired.\n", encoding="utf-8")
    translate(["a.txt", "a.md"], ["km"], locales_dir="locales", glossary=None)
    assert polib.pofile(str(po)).find("Roads were repaired.").msgstr == "ផ្លូវត្រូវបានជួសជុល។"
    assert polib.pofile(str(tmp_path / "locales/km/LC_MESSAGES/a.md.po")).find("Roads were repaired.").msgstr == ""
    build("locales", "build")
    assert (tmp_path / "build/km/a.txt").read_text(encoding="utf-8") == "ផ្លូវត្រូវបានជួសជុល។ Work starts in May.\n"
    assert (tmp_path / "build/km/a.md").read_text(encoding="utf-8") == "Roads were repaired.\n"


def test_a_catalog_filed_under_the_stem_by_an_older_toolkit_stays_in_use(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before the seam, ``a.md`` (read as plain text) was filed as ``a.po``; its translations stay."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("Roads were repaired. Work starts in May.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Bridges were built.\n", encoding="utf-8")
    translate(["a.md", "b.md"], ["km"], locales_dir="locales", glossary=None)
    messages = tmp_path / "locales/km/LC_MESSAGES"
    for name in ("a", "b"):  # what the older toolkit wrote: NAME.po, NAME.pot
        (messages / f"{name}.md.po").rename(messages / f"{name}.po")
        (tmp_path / f"locales/templates/{name}.md.pot").rename(tmp_path / f"locales/templates/{name}.pot")
    catalog = polib.pofile(str(messages / "a.po"))
    catalog.find("Roads were repaired.").msgstr = "ផ្លូវត្រូវបានជួសជុល។"
    catalog.save()
    # b.po names another source (the user moved it): it is not adopted.
    for path in (messages / "b.po", tmp_path / "locales/templates/b.pot"):
        path.write_text(path.read_text(encoding="utf-8").replace(
            "X-Toolkit-Source: b.md", "X-Toolkit-Source: old/b.md"), encoding="utf-8")
    result = translate(["a.md", "b.md"], ["km"], locales_dir="locales", glossary=None)
    assert sorted(p.name for p in messages.glob("*.po")) == ["a.po", "b.md.po", "b.po"]
    assert {f.path.name for f in result.files} == {"a.pot", "a.po", "b.md.pot", "b.md.po"}
    assert polib.pofile(str(messages / "a.po")).find("Roads were repaired.").msgstr == "ផ្លូវត្រូវបានជួសជុល។"
    build("locales", "build")
    assert (tmp_path / "build/km/a.md").read_text(encoding="utf-8") == "ផ្លូវត្រូវបានជួសជុល។ Work starts in May.\n"
    # once a catalog exists under the new name, it is the one in use
    (messages / "a.md.po").write_bytes((messages / "a.po").read_bytes())
    (messages / "a.po").unlink()
    translate(["a.md"], ["km"], locales_dir="locales", glossary=None)
    assert polib.pofile(str(messages / "a.md.po")).find("Roads were repaired.").msgstr == "ផ្លូវត្រូវបានជួសជុល។"
