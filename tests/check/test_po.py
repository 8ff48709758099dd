"""The PO reader: same messages as polib (the reference), the msgid keyword's line, and one
located error for anything that is not PO."""

from __future__ import annotations

import re

import polib
import pytest

from tests.check.helpers import CLEAN, SEEDED
from toolkit.catalog.reader import parse_po, read_po
from toolkit.errors import CatalogError

FILES = sorted([*SEEDED.rglob("*.po"), *CLEAN.rglob("*.po")])


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_same_messages_as_polib(path):
    ours = read_po(path)
    ref = polib.pofile(str(path))
    theirs = [e for e in ref if not e.obsolete] + ref.obsolete_entries()
    assert len(ours.entries) == len(theirs)
    by_key = {(e.msgctxt, e.msgid, e.obsolete): e for e in ours.entries}
    for e in theirs:
        mine = by_key[(e.msgctxt, e.msgid, bool(e.obsolete))]
        assert mine.msgstr == (e.msgstr_plural[0] if e.msgid_plural else e.msgstr)
        assert set(mine.flags) == set(e.flags)
        assert mine.msgid_plural == (e.msgid_plural or None)
    assert ours.language == ref.metadata.get("Language")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_line_is_the_msgid_keyword_line(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    msgid_lines = [i for i, line in enumerate(lines, 1) if re.match(r"(#~ )?msgid ", line)]
    ours = read_po(path)
    assert [ours.header_line, *(e.line for e in ours.entries)] == msgid_lines
    # polib's linenum is not that line for entries with comments or msgctxt: why we read ourselves
    ref = polib.pofile(str(path))
    commented = [e.linenum for e in ref if e.comment or e.tcomment or e.msgctxt or e.flags]
    assert not commented or any(n not in msgid_lines for n in commented)


def test_continuation_lines_escapes_and_plurals():
    catalog = parse_po(
        'msgid ""\nmsgstr ""\n"Language: km\\n"\n\n'
        '#, c-format\nmsgctxt "c"\nmsgid ""\n"a \\"b\\"\\t"\n"c\\n"\nmsgid_plural "%d x"\nmsgstr[0] "ក %d"\n'
    )
    (e,) = catalog.entries
    assert (e.line, e.msgctxt, e.msgid, e.msgid_plural, e.msgstr_plural) == (7, "c", 'a "b"\tc\n', "%d x", ("ក %d",))
    assert e.pairs == (("%d x", "ក %d"),)


BAD = [
    ('msgid "a"\nmsgstr "b"\nmsgid "c"\n', 3, "missing 'msgstr' section"),
    ('msgid "a"\nmsgstr "b\n', 2, "end-of-line within string"),
    ('msgid "a"\nmsgstr "b"\nbogus "x"\n', 3, "unexpected text"),
    ('msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', 4, "duplicate"),
    ('msgid "a"\nmsgstr "\\q"\n', 2, "escape"),
    ('msgstr "b"\n', 1, "msgstr without msgid"),
    ('msgid "a"\nmsgstr[0] "b"\n', 1, "missing 'msgid_plural'"),
    ('"orphan"\n', 1, "without a keyword"),
]


@pytest.mark.parametrize("text,line,words", BAD)
def test_bad_po_is_a_located_error(text, line, words):
    with pytest.raises(CatalogError) as info:
        parse_po(text, "x.po")
    assert info.value.line == line and info.value.path == "x.po"
    assert words in info.value.message
    assert str(info.value).startswith(f"x.po:{line}: ")


def test_undecodable_file_is_reported_with_its_line(tmp_path):
    path = tmp_path / "bad.po"
    path.write_bytes(b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "\xff"\n')
    with pytest.raises(CatalogError) as info:
        read_po(path)
    assert (info.value.path, info.value.line) == (str(path), 6)
    assert "not valid UTF-8" in info.value.message


def test_declared_legacy_charset_is_honoured(tmp_path):
    path = tmp_path / "latin1.po"
    path.write_bytes(b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
                     b'msgid "caf\xe9"\nmsgstr "caf\xe9"\n')
    (entry,) = read_po(path).entries
    assert entry.msgid == "café"
