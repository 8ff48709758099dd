"""The ``.mo`` written in pieces (:mod:`toolkit.catalog.mo`) is byte for byte what polib's
``to_binary`` made of the whole catalog (what ``toolkit build`` wrote before), on every catalog
of the test data that parses, and GNU ``msgunfmt`` reads it back to the same messages."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest

from tests.conftest import readable_catalogs, require_gettext
from toolkit.catalog import reader
from toolkit.catalog.build import gather
from toolkit.catalog.mo import mo_chunks
from toolkit.catalog.po import to_polib

TESTS = Path(__file__).parent.parent

# Edge cases of ours: contexts (also empty), plurals (one form empty), fuzzy and obsolete entries,
# keys whose UTF-8 order is not their order in the file, a header with fields polib orders.
EDGES = r'''# header comment
msgid ""
msgstr ""
"X-Zeta: last\n"
"Language: km\n"
"X-Alpha10: b\n"
"X-Alpha9: a\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=n != 1;\n"

msgid "zebra"
msgstr "សេះបង្កង់"

msgid "Ångström"
msgstr "អង់ស្ត្រូម"

msgid "apple"
msgstr "ផ្លែប៉ោម"

msgctxt "menu"
msgid "apple"
msgstr "ម៉ឺនុយ"

msgctxt ""
msgid "pear"
msgstr "ផ្លែសារី"

#, fuzzy
msgid "draft"
msgstr "សេចក្តីព្រាង"

msgid "%d file"
msgid_plural "%d files"
msgstr[0] "ឯកសារ %d"
msgstr[1] "ឯកសារ %d"

msgid "%d dog"
msgid_plural "%d dogs"
msgstr[0] "ឆ្កែ %d"
msgstr[1] ""

msgid "untranslated"
msgstr ""

msgid "tab\tand \"quotes\"\n"
msgstr "ផ្ទាំង\tនិង \"សម្រង់\"\n"

#~ msgid "gone"
#~ msgstr "បាត់"
'''


def _polib_mo(path: Path, include_fuzzy: bool) -> bytes:
    """What build wrote before: the whole catalog as polib objects, compiled by polib."""
    catalog = to_polib(reader.read_po(path))
    compiled = polib.POFile(wrapwidth=0)
    compiled.metadata = dict(catalog.metadata)
    for entry in catalog:
        if entry.obsolete or not entry.msgid or not (entry.msgstr or any(entry.msgstr_plural.values())):
            continue
        if "fuzzy" in entry.flags and not include_fuzzy:
            continue
        compiled.append(polib.POEntry(msgid=entry.msgid, msgstr=entry.msgstr, msgctxt=entry.msgctxt,
                                      msgid_plural=entry.msgid_plural, msgstr_plural=dict(entry.msgstr_plural)))
    data: bytes = compiled.to_binary()
    return data


def _ours(path: Path, include_fuzzy: bool) -> bytes:
    gathered = gather(path, include_fuzzy, mo=True)
    return b"".join(mo_chunks(gathered.metadata, gathered.messages or []))


@pytest.fixture
def edges(tmp_path: Path) -> Path:
    path = tmp_path / "edges.po"
    path.write_text(EDGES, encoding="utf-8")
    return path


@pytest.mark.parametrize("include_fuzzy", [False, True], ids=["reviewed", "fuzzy"])
@pytest.mark.parametrize("path", readable_catalogs(), ids=lambda p: str(p.relative_to(TESTS)))
def test_mo_is_polibs(path: Path, include_fuzzy: bool) -> None:
    assert _ours(path, include_fuzzy) == _polib_mo(path, include_fuzzy)


@pytest.mark.parametrize("include_fuzzy", [False, True], ids=["reviewed", "fuzzy"])
def test_edge_cases_are_polibs(edges: Path, include_fuzzy: bool) -> None:
    assert _ours(edges, include_fuzzy) == _polib_mo(edges, include_fuzzy)


def test_large_pieces_join_to_polibs(tmp_path: Path) -> None:
    """More than a megabyte of strings: the pieces are cut inside the string areas."""
    lines = ['msgid ""', 'msgstr "Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for i in range(6000):
        lines += [f'msgid "sentence {i:05d} {"word " * 30}"', f'msgstr "ប្រយោគ {i} {"ពាក្យ " * 30}"', ""]
    path = tmp_path / "large.po"
    path.write_text("\n".join(lines), encoding="utf-8")
    gathered = gather(path, mo=True)
    pieces = list(mo_chunks(gathered.metadata, gathered.messages or []))
    assert len(pieces) > 4
    assert b"".join(pieces) == _polib_mo(path, False)


def test_msgunfmt_reads_the_messages_back(edges: Path, tmp_path: Path) -> None:
    msgunfmt = require_gettext("msgunfmt")
    mo = tmp_path / "edges.mo"
    mo.write_bytes(_ours(edges, False))
    done = subprocess.run([msgunfmt, str(mo)], capture_output=True, text=True, check=True)
    back = {(e.msgctxt, e.msgid): e.msgstr or dict(e.msgstr_plural) for e in polib.pofile(done.stdout)}
    assert back == {
        (None, "zebra"): "សេះបង្កង់", (None, "Ångström"): "អង់ស្ត្រូម", (None, "apple"): "ផ្លែប៉ោម",
        ("menu", "apple"): "ម៉ឺនុយ", (None, "pear"): "ផ្លែសារី",  # an empty context is none (as polib wrote)
        (None, "%d file"): {0: "ឯកសារ %d", 1: "ឯកសារ %d"},
        (None, 'tab\tand "quotes"\n'): 'ផ្ទាំង\tនិង "សម្រង់"\n',
    }
    assert "X-Alpha9: a\\n" in done.stdout and "Plural-Forms: nplurals=2" in done.stdout
