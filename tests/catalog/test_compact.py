"""The compact structures of a large ``translate`` run (issue 15, bounded memory) give what the
whole, held structures give: the digest table is a dict, the template keeps each distinct
msgid once with its lines, a catalog read a line at a time reads as when read whole, and each
entry re-read from the file by its offsets is the entry (and the text as read) of the held model."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.catalog.test_streaming import CATALOGS, FIELDS, _read
from toolkit.catalog import template
from toolkit.catalog.keys import DigestTable, key_digest
from toolkit.catalog.ondisk import OldFile, read_old
from toolkit.catalog.po import RAW, read_messages
from toolkit.catalog.template import Template
from toolkit.errors import CatalogError


@pytest.mark.parametrize("width", [16, 8])
def test_the_digest_table_is_a_dict(width: int) -> None:
    table, plain = DigestTable(digest_size=width), {}
    keys = [(None, f"sentence {i}") for i in range(5000)] + [("ctx", "sentence 1"), ("", "sentence 1")]
    for value, (ctxt, msgid) in enumerate(keys):
        table[key_digest(ctxt, msgid)] = value
        plain[(ctxt, msgid)] = value
    table.put(key_digest(None, "sentence 7"), 99)  # replaced, not added
    plain[(None, "sentence 7")] = 99
    assert len(table) == len(plain)
    assert all(table.get(key_digest(c, m)) == v for (c, m), v in plain.items())
    assert table.get(key_digest(None, "absent")) == -1 and table.get(key_digest("x", "absent"), 0) == 0


def _sentences() -> list[tuple[str, int]]:
    found = []
    for line in range(1, 3000):
        found.append((f"Sentence number {line % 700} of the report.", line))
        if line % 5 == 0:
            found.append((f"Sentence number {line % 700} of the report.", line))  # twice on one line: one reference
    found.append(("Ünïcode ហ៊ុន សែន “quotes”.", 4000))
    return found


@pytest.mark.parametrize("clash", [False, True], ids=["digests", "every-digest-equal"])
def test_the_template_keeps_each_msgid_once_with_its_lines(clash: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if clash:  # every msgid has the same digest: the msgid comparison on a hit keeps them apart
        monkeypatch.setattr(template, "key_digest", lambda ctxt, msgid: b"\x00" * 16)
    monkeypatch.setattr(template, "_FLUSH", 64)  # msgids written to the file, and read back, in small pieces
    expected: dict[str, list[int]] = {}
    for msgid, line in _sentences():
        lines = expected.setdefault(msgid, [])
        if line not in lines:
            lines.append(line)
    made = Template()
    for msgid, line in _sentences():
        made.add(msgid, line)
    assert len(made) == len(expected)
    assert list(made.msgids()) == list(expected)
    assert [made.lines(i) for i in range(len(made))] == list(expected.values())
    assert all(made.find(None, m) == i for i, m in enumerate(expected))
    assert made.find(None, "not there") == -1 and made.find("ctx", next(iter(expected))) == -1
    made.close()


@pytest.mark.parametrize("path", CATALOGS, ids=[p.stem for p in CATALOGS])
def test_entries_reread_by_offset_are_the_held_models(path: Path) -> None:
    if isinstance(_read(path), CatalogError):
        return
    held = [e for e in read_messages(path) if e.msgid]
    old, header, content = read_old(path, lambda ctxt, msgid: -1, 0)
    model = read_messages(path)
    from toolkit.catalog.po import content_digest

    assert content == content_digest(model, as_read=True)
    assert (header.header, header.metadata_is_fuzzy, header.metadata) == (
        model.header, model.metadata_is_fuzzy, model.metadata)
    assert len(old.state) == len(held)
    for index, entry in enumerate(held):
        again = old.entry(index)
        assert [getattr(again, f) for f in FIELDS if f != "linenum"] == [getattr(entry, f) for f in FIELDS
                                                                          if f != "linenum"]
        assert getattr(again, RAW) == getattr(entry, RAW)  # the same text as read, the same digest
    if isinstance(old, OldFile):
        old.close()


_HEADER = b'msgid ""\nmsgstr ""\n"POT-Creation-Date: 2024-01-02\\n"\n"x: y"\n'


@pytest.mark.parametrize("data", [b"", b"a", b"a\n", b"\n\n", b"x\r\ny\r\n", "é\nü ហ៊ុន\n".encode() * 3,
                                  b"\xff\xfe bad\nline\xe2\x82",
                                  _HEADER + b'msgid "' + b"long " * 30 + b'"\nmsgstr ""\n'])
@pytest.mark.parametrize("block", [1, 2, 3, 1 << 20])
def test_a_file_read_in_blocks_gives_what_its_whole_text_gives(data: bytes, block: int, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib
    import re

    from toolkit.catalog import pipeline
    from toolkit.catalog.wrap import detect_width

    monkeypatch.setattr(pipeline, "_READ_BLOCK", block)
    path = tmp_path / "x.po"
    path.write_bytes(data)
    seen: dict[Path, bytes | None] = {}
    read = pipeline._read_file(path, seen)
    text = data.decode("utf-8", errors="replace")
    date = re.search(r'^"POT-Creation-Date: ([^"\\]*)\\n"$', text, re.MULTILINE)
    assert read is not None and read.sha == seen[path] == hashlib.sha256(data).digest()
    assert read.width == detect_width(text)
    assert read.date == (date.group(1) if date else None)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_temporary_folder_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from toolkit.errors import OutputError
    from toolkit.tm import store

    monkeypatch.setattr(template, "_FLUSH", 8)
    monkeypatch.setattr(template.tempfile, "TemporaryFile", lambda **kw: open("/dev/full", "wb", buffering=0))
    made = Template()
    with pytest.raises(OutputError, match="cannot write a temporary file"):
        for i in range(10):
            made.add(f"sentence {i}", i + 1)
    made.close()
    catalog = tmp_path / "km" / "LC_MESSAGES" / "a.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text('msgid ""\nmsgstr "Language: km\\n"\n\nmsgid "a"\nmsgstr "ក"\n', encoding="utf-8")
    monkeypatch.setattr(store.tempfile, "TemporaryFile", lambda: open("/dev/full", "wb"))
    monkeypatch.setattr(store, "_SPILL", 1)
    with pytest.raises(OutputError, match="cannot write a temporary file"):
        list(store.catalog_units(catalog))


@pytest.mark.parametrize("spill", [1, 2, 4096])
def test_tm_units_spilled_to_a_file_come_back_in_order(spill: int, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from toolkit.tm import store

    catalog = tmp_path / "km" / "LC_MESSAGES" / "a.po"
    catalog.parent.mkdir(parents=True)
    body = "".join(f'\nmsgid "sentence {i}"\nmsgstr "ប្រយោគ {i}"\n' for i in range(7))
    catalog.write_text('msgid ""\nmsgstr "Language: km\\n"\n' + body, encoding="utf-8")
    monkeypatch.setattr(store, "_SPILL", spill)
    units = list(store.catalog_units(catalog, "a.po"))
    assert [(u.source, u.target, u.origin) for u in units] == [
        (f"sentence {i}", f"ប្រយោគ {i}", f"a.po:{4 + 3 * i}") for i in range(7)]


@pytest.mark.parametrize("memory", [10, 1 << 20])
def test_a_rendering_past_its_memory_share_goes_to_disk_unchanged(memory: int, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import UTC, datetime

    from toolkit.catalog import pipeline

    source = tmp_path / "news.txt"
    source.write_text("".join(f"Officials said {i} roads would open.\n\n" for i in range(50)), encoding="utf-8")
    when = datetime(2024, 1, 2, tzinfo=UTC)
    expected = None
    for spill in (1 << 30, memory):
        monkeypatch.setattr(pipeline, "_SPOOL_MEMORY", spill)
        locales = tmp_path / f"locales-{spill}"
        pipeline.translate([source], ["km"], locales_dir=locales, glossary=None, now=when, cwd=tmp_path)
        got = [p.read_bytes() for p in sorted(locales.rglob("*.po*"))]
        assert len(got) == 2
        expected = expected or got
        assert got == expected
