"""Property tests of the one PO reader and the one writer (hypothesis).

* any catalog polib writes (at any wrap width), we read and write back with the same content —
  every field polib knows, read back by polib itself;
* any bytes we are given either parse or raise :class:`CatalogError` naming ``path:line``.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import polib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.catalog.po import format_po, to_polib
from toolkit.catalog.reader import parse_po, read_po
from toolkit.errors import CatalogError

# Text translators and extractors put in catalogs: English, Khmer (with ZWSP and coeng), quotes,
# backslashes, tabs and line breaks, printf and brace placeholders.
_ALPHABET = st.sampled_from(list("abc XYZ.,:;!?%{}()[]\"'\\\t\n") + ["ក", "ខ", "្", "ា", "ុ", "់", "។", "\u200b",
                                                                    "%s", "%(n)d", "{0}", "’", "—", "é", "中"])
_TEXT = st.lists(_ALPHABET, min_size=0, max_size=40).map("".join)
_SOURCE = _TEXT.filter(lambda t: t.strip() != "")
_COMMENT = st.lists(st.sampled_from(list("ab Ka.:") + ["ក", "្", "ខ"]), max_size=20).map("".join)
_FLAG = st.sampled_from(["fuzzy", "c-format", "no-c-format", "python-format", "ignore-punctuation"])
_REFERENCE = st.tuples(st.sampled_from(["a.txt", "docs/b.md", "c.py"]), st.integers(1, 999).map(str))


@st.composite
def _entry(draw: st.DrawFn, obsolete: bool = False) -> polib.POEntry:
    msgid = draw(_SOURCE)
    plural = draw(st.booleans())
    entry = polib.POEntry(msgid=msgid, msgctxt=draw(st.none() | _SOURCE), obsolete=obsolete)
    if plural:
        entry.msgid_plural = draw(_SOURCE)
        entry.msgstr_plural = {0: draw(_TEXT), 1: draw(_TEXT)}
    else:
        entry.msgstr = draw(_TEXT)
    entry.flags = draw(st.lists(_FLAG, unique=True, max_size=3))
    if not obsolete:
        entry.occurrences = draw(st.lists(_REFERENCE, unique=True, max_size=3))
        entry.comment = draw(_COMMENT).strip()
        entry.tcomment = draw(_COMMENT).strip()
        if draw(st.booleans()):
            entry.previous_msgid = draw(_SOURCE)
    return entry


@st.composite
def _catalog(draw: st.DrawFn) -> polib.POFile:
    po = polib.POFile(wrapwidth=draw(st.sampled_from([0, 40, 76, 79, 200])))
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "km"}
    seen: set[tuple[str | None, str]] = set()
    for entry in draw(st.lists(_entry(), max_size=6)) + draw(st.lists(_entry(obsolete=True), max_size=2)):
        key = (entry.msgctxt, entry.msgid)
        if key not in seen:  # a catalog has one message per context and msgid
            seen.add(key)
            po.append(entry)
    return po


def _content(po: polib.POFile) -> list[tuple]:
    return sorted(
        (e.obsolete, e.msgctxt or "", e.msgid, e.msgid_plural, e.msgstr, tuple(sorted(e.msgstr_plural.items())),
         tuple(sorted(e.flags)), tuple(e.occurrences) if not e.obsolete else (),
         e.comment if not e.obsolete else "", e.tcomment if not e.obsolete else "",
         (e.previous_msgid or None) if not e.obsolete else None)
        for e in po
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(po=_catalog())
def test_what_polib_writes_we_read_and_write_back_unchanged(po: polib.POFile) -> None:
    text = str(po)
    ours = format_po(to_polib(parse_po(text, "generated.po")))
    assert _content(polib.pofile(ours)) == _content(polib.pofile(text))
    assert format_po(to_polib(parse_po(ours, "ours.po"))) == ours  # our layout is a fixed point


_PO_PIECES = st.sampled_from([
    'msgid "a"\n', 'msgstr "b"\n', 'msgctxt "c"\n', 'msgid_plural "p"\n', 'msgstr[0] "x"\n', 'msgstr[1] ""\n',
    '"continued"\n', "#, fuzzy\n", "#: a.txt:1\n", "#~ msgid \"old\"\n", "#| msgid \"prev\"\n", "# note\n", "\n",
    '"\\q"\n', '"unterminated\n', 'msgid "\xe1\x9e\x80"\n', "msgstr\n", '"\\101\\x42"\n', "\r\n", "\x00",
])


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(_PO_PIECES | st.binary(max_size=8).map(lambda b: b.decode("latin-1")), max_size=14))
def test_any_bytes_parse_or_name_their_line(pieces: list[str]) -> None:
    data = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n' + "".join(pieces)).encode(
        "utf-8", "surrogateescape")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.po"
        path.write_bytes(data)
        try:
            read_po(path)
        except CatalogError as error:
            assert re.match(re.escape(str(path)) + r":\d+: \S", str(error)), str(error)
