"""Markdown through the seam: what is translatable, sentences that never split markup, lines in
``#:``, and documents built back byte for byte (identity) or with their structure (translated)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sources.helpers import REAL, fill, identity
from toolkit.catalog.build import build
from toolkit.catalog.message import message_text
from toolkit.catalog.pipeline import translate
from toolkit.sources import Document, get_format
from toolkit.sources.markdown import parser

ARTICLE = """---
title: "Roads budget: doubled"
summary: The ministry spoke. Work starts in May.
layout: post
---
# Provincial roads budget *doubles*

> The council met on Monday in Takeo. It
> agreed to **double the budget.** Work starts in May.

- The plan covers **40 km**. See [the plan](https://example.org/plan "Plan") online.
- A link [across. Two sentences](https://example.org/x) keeps one unit.

| Province | Roads |
|---|---|
| Takeo \\| Kep | 40 km |

```python
print("Not translated. Never.")
```

    indented code. Not translated.

<div class="note">HTML block. Not translated.</div>

Inline `code. Stays` here.\\
After a hard break.

![A map of the roads.](map.png)
"""


def _doc(text: str, **options: object) -> Document:
    return get_format("markdown").extract(text, segment_options=dict(options))


def _shape(text: str) -> list[object]:
    """The block structure of a Markdown text and the markup of each inline run."""
    out: list[object] = []
    for tok in parser().parse(text):
        if tok.type == "inline":
            out.append(tuple(c.type for c in tok.children if c.type not in ("text", "softbreak")))
        else:
            out.append(tok.type)
    return out


def test_translatable_blocks_sentences_and_lines() -> None:
    doc = _doc(ARTICLE)
    found = [(s.line, message_text(s.text)) for s in doc.segments]
    assert found == [
        (2, "Roads budget: doubled"),
        (3, "The ministry spoke."), (3, "Work starts in May."),
        (6, "Provincial roads budget *doubles*"),
        (8, "The council met on Monday in Takeo."), (8, "It agreed to **double the budget.**"),
        (9, "Work starts in May."),
        (11, "The plan covers **40 km**."), (11, 'See [the plan](https://example.org/plan "Plan") online.'),
        (12, "A link [across. Two sentences](https://example.org/x) keeps one unit."),
        (14, "Province"), (14, "Roads"), (16, "Takeo \\| Kep"), (16, "40 km"),
        (26, "Inline `code. Stays` here."), (27, "After a hard break."),
        (29, "![A map of the roads.](map.png)"),
    ]
    kinds = {u.kind for u in doc.units}
    assert {"front matter (double)", "front matter", "heading", "quote", "list item", "cell", "paragraph"} <= kinds
    assert not any("Not translated" in s.text or "layout" in s.text or s.text == "post" for s in doc.segments)


def test_a_sentence_boundary_never_splits_markup() -> None:
    doc = _doc("One **bold. Two** three. Four.\n\nA [link](u) here. B `c. d` e.\n")
    assert [s.text for s in doc.segments] == [
        "One **bold. Two** three. Four.", "A [link](u) here.", "B `c. d` e."]


@pytest.mark.parametrize("text", [ARTICLE, ARTICLE.replace("\n", "\r\n"), "", "\n\n", "# Only\n", "x"])
def test_identity_gives_the_source_back(text: str) -> None:
    fmt = get_format("markdown")
    doc = _doc(text)
    assert fmt.render(doc, identity(doc), "km") == text
    assert fmt.render(doc, {}, "km") == text


def test_translation_keeps_structure_and_escapes() -> None:
    fmt = get_format("markdown")
    doc = _doc(ARTICLE)
    khmer = {"Takeo \\| Kep": "តាកែវ | កែប", "Roads budget: doubled": 'ថវិកា "ផ្លូវ"',
             "The ministry spoke.": "ក្រសួង: បាននិយាយ។", "Work starts in May.": "ការងារចាប់ផ្តើមនៅខែឧសភា។",
             "The council met on Monday in Takeo.": "ក្រុមប្រឹក្សាបានប្រជុំនៅថ្ងៃច័ន្ទ។",
             "It agreed to **double the budget.**": "បានយល់ព្រម\n**បង្កើនថវិកាទ្វេដង។**"}
    out = fmt.render(doc, khmer, "km")
    assert _shape(out) == _shape(ARTICLE)
    assert '| តាកែវ \\| កែប | 40 km |' in out
    assert 'title: "ថវិកា \\"ផ្លូវ\\""' in out
    assert 'summary: "ក្រសួង: បាននិយាយ។ ការងារចាប់ផ្តើមនៅខែឧសភា។"' in out  # quoted: ": " needs it
    # Khmer sentences of one line are joined without a Latin space after the ។ rule; the quote
    # prefixes and line breaks between untranslated parts stay
    assert "> ក្រុមប្រឹក្សាបានប្រជុំនៅថ្ងៃច័ន្ទ។ បានយល់ព្រម **បង្កើនថវិកាទ្វេដង។**" in out
    assert 'print("Not translated. Never.")' in out


REAL_MD = sorted(REAL.glob("*.md"))


@pytest.mark.parametrize("path", REAL_MD, ids=[p.name for p in REAL_MD])
def test_real_documents_round_trip(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    fmt = get_format("markdown")
    doc = _doc(text)
    assert doc.segments
    assert fmt.render(doc, identity(doc), "km").encode("utf-8") == path.read_bytes()
    # every sentence translated (Khmer before it, a Khmer full stop after): the same structure
    translated = {k: "ការ " + k + "។" for k in identity(doc)}
    assert _shape(fmt.render(doc, translated, "km")) == _shape(text)


def test_translate_edit_build(tmp_path: Path) -> None:
    (tmp_path / "news.md").write_text(ARTICLE, encoding="utf-8")
    translate([tmp_path / "news.md"], ["km"], locales_dir=tmp_path / "locales", glossary=None, cwd=tmp_path)
    po = tmp_path / "locales" / "km" / "LC_MESSAGES" / "news.md.po"
    catalog = fill(po, lambda msgid: {"Provincial roads budget *doubles*": "ថវិកាផ្លូវខេត្ត *កើនទ្វេដង*"}.get(msgid, ""))
    assert "news.md:6" in [f"{p}:{n}" for e in catalog for p, n in e.occurrences]
    build(tmp_path / "locales", tmp_path / "build", cwd=tmp_path)
    out = (tmp_path / "build" / "km" / "news.md").read_text(encoding="utf-8")
    assert out == ARTICLE.replace("Provincial roads budget *doubles*", "ថវិកាផ្លូវខេត្ត *កើនទ្វេដង*")
