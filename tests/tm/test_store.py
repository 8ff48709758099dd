"""The SQLite memory: incremental rebuild from catalogs, imports, concurrency, interruptions, bad files."""

from __future__ import annotations

import multiprocessing
import os
import re
import sqlite3
import time
from pathlib import Path

import pytest

from toolkit.errors import LockedError, TMError
from toolkit.tm.match import Matcher
from toolkit.tm.store import Store, Unit

CATALOG = """msgid ""
msgstr ""
"Language: km\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#: a.txt:1
msgid "Roads were repaired."
msgstr "ផ្លូវត្រូវបានជួសជុល។"

#, fuzzy
msgid "A draft nobody reviewed."
msgstr "សេចក្តីព្រាង។"

msgid "Not translated yet."
msgstr ""

#~ msgid "An obsolete sentence."
#~ msgstr "ប្រយោគចាស់។"
"""


def _catalog(root: Path, name: str = "a", text: str = CATALOG) -> Path:
    path = root / "locales" / "km" / "LC_MESSAGES" / f"{name}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _sources(store: Store) -> list[str]:
    return sorted(u.source for u in store.units())


def test_sync_keeps_only_reviewed_entries_with_their_origin(tmp_path: Path, store: Store) -> None:
    _catalog(tmp_path)
    stats = store.sync_catalogs(tmp_path / "locales", tmp_path)
    assert (stats.read, stats.units) == (1, 1)
    [unit] = store.units()
    assert (unit.source, unit.lang, unit.origin, unit.reviewed) == (
        "Roads were repaired.", "km", "locales/km/LC_MESSAGES/a.po:7", True)


def test_sync_is_incremental_and_keeps_dates(tmp_path: Path, store: Store) -> None:
    path = _catalog(tmp_path)
    store.sync_catalogs(tmp_path / "locales", tmp_path)
    first = next(store.units())
    assert store.sync_catalogs(tmp_path / "locales", tmp_path).read == 0  # unchanged: not re-read
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))  # touched, same content: hashed, not parsed
    stats = store.sync_catalogs(tmp_path / "locales", tmp_path)
    assert (stats.read, stats.unchanged) == (0, 1)
    _catalog(tmp_path, text=CATALOG.replace('msgstr ""\n\n#~', 'msgstr "មិនទាន់។"\n\n#~'))
    stats = store.sync_catalogs(tmp_path / "locales", tmp_path)
    assert (stats.read, stats.units) == (1, 2)
    kept = next(u for u in store.units() if u.source == first.source)
    assert (kept.created, kept.changed) == (first.created, first.changed)  # an unchanged unit keeps its dates
    path.unlink()
    assert store.sync_catalogs(tmp_path / "locales", tmp_path).removed == 1
    assert list(store.units()) == [] and store.stats()["sources"] == 0


def test_a_catalog_that_does_not_read_is_left_out_and_tried_again(tmp_path: Path, store: Store) -> None:
    _catalog(tmp_path)
    broken = _catalog(tmp_path, "b", 'msgid "x"\nmsgstr "y\n')
    stats = store.sync_catalogs(tmp_path / "locales", tmp_path)
    assert stats.read == 1 and len(stats.problems) == 1 and re.search(r"b\.po:2: ", stats.problems[0])
    assert _sources(store) == ["Roads were repaired."]
    broken.write_text(CATALOG.replace("Roads were", "Bridges were"), encoding="utf-8")
    assert store.sync_catalogs(tmp_path / "locales", tmp_path).problems == ()
    assert _sources(store) == ["Bridges were repaired.", "Roads were repaired."]


def test_importing_a_file_again_replaces_its_units(store: Store) -> None:
    store.import_units("m.tmx", [Unit("One.", "មួយ។", "km", "m.tmx#1"), Unit("Two.", "ពីរ។", "km", "m.tmx#2")])
    assert store.import_units("m.tmx", [Unit("Two.", "ពីរ។", "km", "m.tmx#2")]) == (1, 1)
    assert _sources(store) == ["Two."]


def test_an_interrupted_import_leaves_the_memory_as_it_was(store: Store) -> None:
    store.import_units("m.tmx", [Unit("One.", "មួយ។", "km", "m.tmx#1")])

    def broken():
        yield Unit("Two.", "ពីរ។", "km", "m.tmx#2")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.import_units("m.tmx", broken())
    assert _sources(store) == ["One."]
    assert Matcher(store, "km").best("One.") is not None


def _killed_mid_import(path: str) -> None:
    store = Store(path)

    def units():
        for n in range(20_000):
            yield Unit(f"Sentence number {n} of the killed run.", f"ប្រយោគ {n}", "km", f"k#{n}")
            if n == 10_000:
                os._exit(9)  # the process dies inside the transaction (power cut, kill -9)

    store.import_units("killed", units())


def test_a_process_killed_inside_a_write_leaves_a_consistent_memory(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    with Store(path) as store:
        store.import_units("kept", [Unit("Kept.", "រក្សា។", "km", "k#0")])
    proc = multiprocessing.get_context("spawn").Process(target=_killed_mid_import, args=(str(path),))
    proc.start()
    proc.join(60)
    assert proc.exitcode == 9
    with Store(path) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert _sources(store) == ["Kept."]


def _writer(path: str, n: int) -> None:
    with Store(path) as store:
        for round_ in range(5):
            store.import_units(f"w{n}-{round_}", [Unit(f"Writer {n} round {round_} line {i}.", f"{n}-{i}", "km",
                                                       f"w{n}#{i}") for i in range(50)])


def test_concurrent_writers_all_land(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(path), n)) for n in range(4)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(120)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    with Store(path) as store:
        assert store.stats()["languages"]["km"]["units"] == 4 * 5 * 50


def test_a_locked_memory_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    Store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store(path, timeout=0.2) as store, pytest.raises(LockedError, match="tm.sqlite: .*locked"):
            store.import_units("x", [Unit("One.", "មួយ។", "km", "x#1")])
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@pytest.mark.parametrize(("content", "message"), [
    (b"this is not a database, it is a text file that happens to be here\n" * 20, "not a usable translation memory"),
    (b"SQLite format 3\x00" + b"\xff" * 200, "not a usable translation memory"),
])
def test_a_corrupt_file_is_refused_and_left_alone(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "tm.sqlite"
    path.write_bytes(content)
    with pytest.raises(TMError, match=message):
        Store(path)
    assert path.read_bytes() == content


def test_another_sqlite_database_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (x)")
    db.commit()
    db.close()
    with pytest.raises(TMError, match="not a translation memory; not touched"):
        Store(path)
