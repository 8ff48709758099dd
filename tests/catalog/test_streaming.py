"""Large inputs are read, modelled and checked piece by piece (issue 15, bounded memory), with
the same results as reading them whole: the reader's sink gets exactly the catalog's entries, the
light model is the polib model with fewer bytes, the chunked line splitter is ``str.split``,
plain text streamed gives the document's sentences, and checking as entries come finds what
checking a whole catalog finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.check.helpers import SEEDED, load_test_glossary
from toolkit import textio
from toolkit.catalog import reader
from toolkit.catalog.po import Message, format_po, read_messages, to_polib
from toolkit.checks import run_checks
from toolkit.errors import CatalogError
from toolkit.sources import read_document, read_segments

DATA = Path(__file__).parent / "data"
CATALOGS = sorted((DATA / "po_edge").glob("*.po")) + sorted((DATA / "real").glob("*.po"))
FIELDS = ("msgid", "msgstr", "msgctxt", "msgid_plural", "occurrences", "flags", "comment", "tcomment", "obsolete",
          "previous_msgctxt", "previous_msgid", "previous_msgid_plural", "linenum")


def _read(path: Path) -> reader.Catalog | CatalogError:
    try:
        return reader.read_po(path)
    except CatalogError as exc:
        return exc


@pytest.mark.parametrize("stream", [False, True], ids=["text-whole", "file-streamed"])
@pytest.mark.parametrize("path", CATALOGS, ids=[p.stem for p in CATALOGS])
def test_the_sink_gets_every_entry_the_catalog_holds(path: Path, stream: bool,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _read(path)
    monkeypatch.setattr(textio, "_PIECE", 7)  # streamed: many pieces, cut everywhere
    got: list[tuple[reader.Entry, bool]] = []
    try:
        streamed = reader.read_po(path, lambda entry, header: got.append((entry, header)), stream=stream)
    except CatalogError as exc:
        assert isinstance(whole, CatalogError) and str(exc) == str(whole)
        return
    assert isinstance(whole, reader.Catalog)
    assert streamed.entries == () and streamed.header == whole.header
    assert streamed.text == ("" if stream else whole.text)
    assert tuple(e for e, header in got if not header) == whole.entries
    assert [e.msgstr for e, header in got if header] == ([whole.header] if whole.header_start else [])


@pytest.mark.parametrize("path", CATALOGS, ids=[p.stem for p in CATALOGS])
def test_the_light_model_is_the_polib_model(path: Path) -> None:
    whole = _read(path)
    if isinstance(whole, CatalogError):
        return
    heavy, light = to_polib(whole), read_messages(path)
    assert all(isinstance(e, Message) for e in light)
    assert [[getattr(e, f) for f in FIELDS] for e in light] == [[getattr(e, f) for f in FIELDS] for e in heavy]
    assert [dict(e.msgstr_plural) for e in light] == [dict(e.msgstr_plural) for e in heavy]
    assert format_po(light) == format_po(heavy)  # layout kept the same way, entry by entry


@pytest.mark.parametrize("text", ["", "\n", "a", "a\n", "a\nb", "\n\n", "a\r\nb\r\n", "x\n" * 40 + "y",
                                  "x\n" * 40, "ab\n\n\nc\n\n"])
@pytest.mark.parametrize("chunk", [1, 2, 3, 1 << 20])
def test_lines_split_as_str_split(text: str, chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Exactly, a final empty line included whatever the chunks (file_lines numbers lines by it)."""
    monkeypatch.setattr(textio, "_CHUNK", chunk)
    assert list(textio.lines(text)) == text.split("\n")


FILES = {
    "empty": b"", "newline": b"\n", "no-final-newline": b"a\nb", "crlf": b"a\r\nb\r\n",
    "bom": b"\xef\xbb\xbfmsgid \"\"\nmsgstr \"\"\n", "khmer": "ក\u17d2ស\n\u200bខ\n".encode() * 5,
    "bad-byte-late": b"line\n" * 9 + b"caf\xe9\n", "bad-byte-first": b"\xff\n",
    "cut-character": "ក".encode()[:2], "nul": b"ok\nstill ok\nnot\x00ok\n", "long-line": b"x" * 50 + b"\ny",
}


@pytest.mark.parametrize("chunk", [1, 4, 1 << 20])
@pytest.mark.parametrize("name", list(FILES))
def test_file_lines_are_the_lines_of_the_decoded_file(name: str, chunk: int, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Streaming a file gives the lines, and the errors (same byte offset), of reading it whole."""
    from toolkit.errors import InputError

    path = tmp_path / f"{name}.po"
    path.write_bytes(FILES[name])
    monkeypatch.setattr(textio, "_PIECE", chunk)
    try:
        expected = list(textio.lines(textio.read_text(path)))
    except InputError as exc:
        with pytest.raises(InputError) as streamed:
            list(textio.file_lines(path))
        assert (str(streamed.value), streamed.value.offset) == (str(exc), exc.offset)
        return
    got = list(textio.file_lines(path))
    assert got == expected or got + [""] == expected


def test_a_streamed_catalog_in_a_declared_charset_is_read_once(tmp_path: Path) -> None:
    """Not UTF-8: found before any entry reaches the sink, then read whole in its charset."""
    path = tmp_path / "latin.po"
    path.write_bytes(b'msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
                     b'msgid "coffee"\nmsgstr "caf\xe9"\n')
    got: list[tuple[str, bool]] = []
    reader.read_po(path, lambda entry, header: got.append((entry.msgstr, header)), stream=True)
    assert got[1:] == [("café", False)] and got[0][1]


@pytest.mark.parametrize("paragraphs", ["auto", "blank", "line"])
def test_plain_text_streamed_gives_the_documents_sentences(paragraphs: str, tmp_path: Path) -> None:
    source = tmp_path / "news.txt"
    source.write_text("HEADLINE HERE\n\nThe minister said on Monday that roads\nwould open. "
                      "Officials agreed.\n- a list item\n- another one.\n\n\nMr. Sok said “Yes.” Done.\n",
                      encoding="utf-8")
    options = {"paragraphs": paragraphs}
    streamed, markup = read_segments(source, "text", options)
    document = read_document(source, "text", options)
    assert (list(streamed), markup) == (list(document.segments), document.markup)


@pytest.mark.parametrize("stream_above", [0, 1 << 40], ids=["streamed", "read-whole"])
def test_checking_entries_as_they_come_waits_for_a_late_header(stream_above: int, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Both ways of checking a file (entries as read, for large files; read whole, for the
    rest) give the same findings, a header entry at the end of the file included."""
    from toolkit.checks import runner

    monkeypatch.setattr(runner, "STREAM_ABOVE_BYTES", stream_above)
    glossary = load_test_glossary()
    catalogs = sorted(SEEDED.rglob("*.po"))
    assert catalogs
    for path in catalogs:
        text = path.read_text(encoding="utf-8")
        head, sep, rest = text.partition("\n\n")
        assert head.lstrip().startswith(("msgid \"\"", "#")) and sep
        late = tmp_path / path.relative_to(SEEDED)
        late.parent.mkdir(parents=True, exist_ok=True)
        late.write_text(rest.rstrip("\n") + "\n\n" + head + "\n", encoding="utf-8")  # the header entry last
        first, last = run_checks([path], glossary=glossary), run_checks([late], glossary=glossary)
        assert last.problems == first.problems == ()
        assert sorted((f.check, f.msgid, f.message) for f in last.findings) == \
            sorted((f.check, f.msgid, f.message) for f in first.findings)
        assert last.summary == first.summary


def test_catalogs_are_the_same_without_a_usable_temporary_directory(work: Path, run,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The rendering goes to an anonymous temporary file; without one it is kept in memory."""
    import tempfile

    text = "The Ministry of Interior met on Monday.\n\nOfficials said 12 per cent of the budget is for roads.\n"
    run(text)
    expected = {p: p.read_bytes() for p in sorted((work / "locales").rglob("*.po*"))}
    for path in expected:
        path.unlink()
    monkeypatch.setattr(tempfile, "tempdir", str(work / "no-such-folder"))
    run(text)  # the same run again on a project without its catalogs
    assert {p: p.read_bytes() for p in sorted((work / "locales").rglob("*.po*"))} == expected
