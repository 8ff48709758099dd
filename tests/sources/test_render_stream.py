"""Plain text rendered as its sentences are cut (:func:`toolkit.sources.render_pieces`, what
``toolkit build`` and ``toolkit report`` use) is the document the whole-document rendering gives:
on the sample article, the fixture project's documents, line-end and layout variants, and a text
long enough to be cut into several pieces."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.catalog.message import message_text
from toolkit.sources import get_format, read_document, render_pieces

ROOT = Path(__file__).parent.parent.parent
TEXTS = [ROOT / "samples" / "provincial-roads-budget.txt",
         *sorted((ROOT / "tests" / "report" / "data" / "project" / "news").glob("*.txt"))]
KHMER = ["ក្រសួងនឹងជួសជុលផ្លូវ។", "ការងារចាប់ផ្តើមនៅខែឧសភា។", "អ្នកភូមិស្វាគមន៍ព័ត៌មាននេះ។"]


def _variants(tmp_path: Path) -> list[Path]:
    base = TEXTS[0].read_text(encoding="utf-8")
    made = {"crlf.txt": base.replace("\n", "\r\n"), "no-final-newline.txt": base.rstrip("\n"),
            "leading-blank.txt": "\n\n  " + base, "empty.txt": "", "blank.txt": "\n \n",
            "long.txt": "\n\n".join(" ".join(f"Road {p} has {s} bridges." for s in range(9)) for p in range(600))}
    paths = []
    for name, text in made.items():
        path = tmp_path / name
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


@pytest.mark.parametrize("language", ["km", "fr"])
def test_streamed_text_is_the_whole_rendering(tmp_path: Path, language: str) -> None:
    for path in [*TEXTS, *_variants(tmp_path)]:
        document = read_document(path, "text", {})
        # every other sentence translated, so both joins (Khmer-Khmer, Khmer-source) occur
        translations = {message_text(s.text): KHMER[i % 3] for i, s in enumerate(document.segments) if i % 2 == 0}
        seen: list[object] = []
        pieces = render_pieces(path, "text", {}, translations, language, seen.append)
        assert not isinstance(pieces, bytes)
        streamed = list(pieces)
        whole = get_format("text").render(document, translations, language)  # the document held whole
        assert "".join(streamed) == whole, path
        assert seen == list(document.segments), path
        if path.name == "long.txt":
            assert len(streamed) > 1  # really cut into pieces
        # with nothing translated, the pieces are the source itself, byte for byte
        untouched = "".join(render_pieces(path, "text", {}, {}, language, lambda _: None))
        assert untouched == path.read_bytes().decode("utf-8"), path
