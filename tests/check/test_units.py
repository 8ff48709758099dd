"""The corpus checks' units are held compactly (issue 15, bounded memory) without changing a
verdict: kept in memory or spilled to a temporary file, streamed or read whole, one process or
workers, the findings are the same; a file that fails to read lends no unit to the corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.check.helpers import CLEAN, HELD_OUT, SEEDED, load_test_glossary
from toolkit.catalog.reader import Entry, read_po
from toolkit.checks import run_checks, runner, units
from toolkit.checks.context import Unit
from toolkit.checks.units import UnitStore, light_entry
from toolkit.errors import InputError

REAL = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "real-km"
PATHS = [SEEDED, HELD_OUT, CLEAN, REAL]


@pytest.fixture(scope="module")
def expected():
    result = run_checks(PATHS, glossary=load_test_glossary(), jobs=1)
    assert sum(f.check == "inconsistent" for f in result.findings) >= 20, "needs disagreements to mean anything"
    return result


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("spill, stream", [(0, 1 << 40), (0, 0), (1 << 40, 0), (200_000, 1 << 40)],
                         ids=["spilled", "spilled-streamed", "in-memory-streamed", "spilled-half-way"])
def test_every_way_of_holding_units_gives_the_same_findings(expected, spill: int, stream: int, jobs: int,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(units, "SPILL_ABOVE_BYTES", spill)
    monkeypatch.setattr(runner, "STREAM_ABOVE_BYTES", stream)
    monkeypatch.setattr(runner, "BATCH", 7)  # entries checked a few at a time, each batch prepared
    if 0 < spill < 1 << 40:  # the run's size not told up front: the store spills when it passes the bound
        monkeypatch.setattr(runner, "UnitStore", lambda variants, expected: UnitStore(variants))
    got = run_checks(PATHS, glossary=load_test_glossary(), jobs=jobs)
    assert got.findings == expected.findings
    assert got.summary == expected.summary


@pytest.mark.parametrize("jobs", [1, 2])
def test_spilled_units_are_read_again_from_their_lines(expected, jobs: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every catalog here is UTF-8: no file is read whole again, also when workers read them."""
    monkeypatch.setattr(units, "SPILL_ABOVE_BYTES", 0)
    monkeypatch.setattr(units, "read_po", lambda *args, **kwargs: pytest.fail("read whole"))
    got = run_checks(PATHS, glossary=load_test_glossary(), jobs=jobs)
    assert got.findings == expected.findings


@pytest.mark.parametrize("spill", [0, 1 << 40], ids=["spilled", "in-memory"])
def test_a_file_that_fails_half_way_lends_no_unit(spill: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its entries before the error were checked as they came (streamed), but the corpus check
    sees none of them: the run equals one without that file, plus the file's problem."""
    monkeypatch.setattr(units, "SPILL_ABOVE_BYTES", spill)
    monkeypatch.setattr(runner, "STREAM_ABOVE_BYTES", 0)
    good = tmp_path / "good" / "km.po"
    bad = tmp_path / "bad" / "km.po"
    good.parent.mkdir()
    bad.parent.mkdir()
    header = 'msgid ""\nmsgstr "Language: km\\nContent-Type: text/plain; charset=UTF-8\\n"\n\n'
    good.write_text(header + 'msgid "Save"\nmsgstr "រក្សាទុក"\n', encoding="utf-8")
    bad.write_text(header + 'msgid "Save"\nmsgstr "សន្សំ"\n\nmsgid "Open"\nmsgstr "បើក\n', encoding="utf-8")
    both = run_checks([good, bad], jobs=1)
    alone = run_checks([good], jobs=1)
    assert [(p.path, p.line) for p in both.problems] == [(str(bad), 8)]
    assert not [f for f in both.findings if f.check == "inconsistent"]
    assert both.findings == alone.findings
    bad.write_text(header + 'msgid "Save"\nmsgstr "សន្សំ"\n', encoding="utf-8")  # now it reads: they disagree
    assert [f.path for f in run_checks([good, bad], jobs=1).findings if f.check == "inconsistent"] == \
        sorted([str(good), str(bad)])


def _unit(path: str, line: int, msgid: str, msgstr: str) -> Unit:
    return Unit(path, light_entry(line, msgid, msgstr, None, None, (), frozenset(), ""))


def _variants(entry):
    return entry.msgid, entry.msgstr


HEADER = 'msgid ""\nmsgstr "Language: km\\nContent-Type: text/plain; charset=UTF-8\\n"\n\n'


def _catalog(path: Path, pairs: list[tuple[str, str]]) -> list[Entry]:
    """A catalog of (msgid, msgstr) *pairs* (each in its own msgctxt, so a msgid may repeat), read."""
    path.write_text(HEADER + "".join(f'msgctxt "{n}"\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n\n'
                                     for n, (msgid, msgstr) in enumerate(pairs)), encoding="utf-8")
    return read_po(path).entries


def _fill(store: UnitStore, tmp_path: Path) -> tuple[str, str]:
    """one.po writes "a" two ways; "b" is written once (a file that failed says otherwise), "c"
    in another language; returns one.po's and four.po's paths."""
    one, two, three, four = (str(tmp_path / f"{name}.po") for name in ("one", "two", "three", "four"))
    store.begin("km", 10)
    for entry in _catalog(Path(one), [("a", "x"), ("b", "y"), ("a", "z"), ("c", "w"), ("c", "w")]):
        store.add(one, [entry])
    store.commit()
    store.begin("km", 10)
    store.add(two, _catalog(Path(two), [("b", "q")]))
    store.discard()  # a file that failed: "b" stays written one way
    store.extend("km_KH", [Unit(three, e) for e in _catalog(Path(three), [("c", "v")])], 10)
    store.extend("km", [Unit(four, e) for e in _catalog(Path(four), [("b", "y")])], 10)
    return one, four


def _found(store: UnitStore) -> dict[str, list[tuple[str, int, str, str]]]:
    return {lang: [(u.path, u.entry.line, u.entry.msgid, u.entry.msgstr) for u in found]
            for lang, found in store.by_language()}


@pytest.mark.parametrize("spill", [0, 1 << 40], ids=["spilled", "in-memory"])
def test_the_store_keeps_only_groups_written_two_ways(spill: int, tmp_path: Path) -> None:
    store = UnitStore([_variants], spill_above=spill)
    one, _ = _fill(store, tmp_path)
    assert _found(store) == {"km": [(one, 5, "a", "x"), (one, 13, "a", "z")]}


def test_spilling_half_way_drops_the_units_held(tmp_path: Path) -> None:
    store = UnitStore([_variants], spill_above=25)  # one.po and two.po held, spilled at three.po
    one, _ = _fill(store, tmp_path)
    assert store.records is None and len(store.lines) == 7
    assert _found(store) == {"km": [(one, 5, "a", "x"), (one, 13, "a", "z")]}


def _same_stat(path: Path, edit) -> None:
    """*edit* the file keeping its size, then give it back its modification time (an edit within
    the file system's clock tick): only what is read again can tell."""
    before = path.stat()
    edit()
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)


@pytest.mark.parametrize("edit", ["translation", "entry-gone", "entry-moved", "unreadable", "deleted", "touched"])
def test_a_file_edited_before_the_report_stops_a_spilled_run(edit: str, tmp_path: Path) -> None:
    """Units in groups written two ways are read again at the end: what is read must be what was
    checked, or the run stops naming the file (no finding on entries it did not check)."""
    store = UnitStore([_variants], spill_above=0)
    one, _ = _fill(store, tmp_path)
    path = Path(one)
    text = path.read_text(encoding="utf-8")
    same_size = {  # same size, same modification time: what is read again tells
        "translation": lambda t: t.replace('msgstr "z"', 'msgstr "y"'),
        "entry-gone": lambda t: t.replace('msgid "a"\nmsgstr "z"', 'msgid "e"\nmsgstr "z"'),
        "entry-moved": lambda t: t.replace('\nmsgctxt "0"', '\n\nmsgctxt "0"').replace('"w"\n\n', '"w"\n', 1),
        "unreadable": lambda t: t.replace('msgstr "z"', 'msgstr "z '),
    }
    if edit in same_size:
        _same_stat(path, lambda: path.write_text(same_size[edit](text), encoding="utf-8"))
    elif edit == "deleted":
        path.unlink()
    else:  # its content unchanged, but it was written: it may have changed
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    with pytest.raises(InputError, match="changed while it was being checked; run again") as raised:
        _found(store)
    assert raised.value.path == one


@pytest.mark.parametrize("spill", [0, 1 << 40], ids=["spilled", "in-memory"])
def test_files_without_a_group_written_two_ways_are_not_read_again(spill: int, tmp_path: Path) -> None:
    store = UnitStore([_variants], spill_above=spill)
    one, four = _fill(store, tmp_path)
    Path(four).unlink()
    assert _found(store) == {"km": [(one, 5, "a", "x"), (one, 13, "a", "z")]}
    if spill == 0:
        return
    Path(one).unlink()  # in memory: nothing is read again
    assert _found(store) == {"km": [(one, 5, "a", "x"), (one, 13, "a", "z")]}


def test_a_run_whose_file_changes_before_the_report_stops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the runner: a catalog edited after it was checked, before the corpus checks ran."""
    monkeypatch.setattr(units, "SPILL_ABOVE_BYTES", 0)
    first, second = tmp_path / "a" / "km.po", tmp_path / "b" / "km.po"
    first.parent.mkdir()
    second.parent.mkdir()
    _catalog(first, [("Save", "x")])
    _catalog(second, [("Save", "y"), ("Open", "z")])
    assert [f.path for f in run_checks([tmp_path], jobs=1).findings if f.check == "inconsistent"] == \
        [str(first), str(second)]
    read_all = UnitStore.by_language

    def edit_then_report(store: UnitStore):
        _catalog(second, [("Open", "z"), ("Save", "y")])
        return read_all(store)

    monkeypatch.setattr(UnitStore, "by_language", edit_then_report)
    with pytest.raises(InputError, match="changed while it was being checked") as raised:
        run_checks([tmp_path], jobs=1)
    assert raised.value.path == str(second)


def test_a_check_without_variants_sees_every_unit() -> None:
    store = UnitStore([_variants, None], spill_above=0)
    store.extend("km", [_unit("one.po", 1, "a", "x"), _unit("one.po", 2, "b", "y")], 10)
    assert [u.entry.msgid for _, found in store.by_language() for u in found] == ["a", "b"]


def test_without_a_usable_temporary_directory_units_stay_in_memory(expected, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    monkeypatch.setattr(units, "SPILL_ABOVE_BYTES", 0)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-folder"))
    got = run_checks(PATHS, glossary=load_test_glossary(), jobs=1)
    assert got.findings == expected.findings


def test_prepared_catalogs_give_the_findings_of_entry_by_entry_checks(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A catalog read whole is prepared in batches (Env.prepare: glossary spans, Khmer keys and
    analysis, the numbers settled); a streamed one is checked entry by entry. On the generated
    news of benchmarks/bench_check.py (every entry with glossary terms, numbers and long Khmer
    sentences; a few deprecated renderings, plurals, fuzzy and empty entries) both give the same
    findings."""
    import random
    import sys

    from toolkit.glossary import load_glossary

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from bench_check import make_catalogs, make_glossary

    rng = random.Random(11)
    text, concepts = make_glossary(rng, 200)
    (tmp_path / "glossary.yaml").write_text(text, encoding="utf-8")
    # Defects for the checks to find: an extra, a changed and a scaled number, a term's rendering
    # cut, doubled ZWSP, a vowel before its consonant's subscript (not normalized).
    defects = [lambda t: t.replace("ហើយ", "ហើយ៧៧៧"), lambda t: t.replace("២", "៣", 1),
               lambda t: t.replace("ដុល្លារ", "លានដុល្លារ"), lambda t: t[:10] + t[13:],
               lambda t: t.replace("\u200b", "\u200b\u200b", 1), lambda t: t.replace("ន្ត", "នត្", 1),
               lambda t: t]
    for path in make_catalogs(rng, tmp_path / "locales", concepts, 1200, 4):
        lines = path.read_text(encoding="utf-8").split("\n")
        path.write_text("\n".join(defects[i % len(defects)](line) if line.startswith('msgstr "') else line
                                  for i, line in enumerate(lines)), encoding="utf-8")
    glossary = load_glossary([tmp_path / "glossary.yaml"])
    whole = run_checks([tmp_path / "locales"], glossary=glossary, jobs=1)
    assert {"numbers", "glossary-missing", "glossary-forbidden", "invisible", "khmer-normalization"} <= \
        {f.check for f in whole.findings}
    monkeypatch.setattr(runner, "STREAM_ABOVE_BYTES", 0)
    streamed = run_checks([tmp_path / "locales"], glossary=glossary, jobs=1)
    assert streamed.findings == whole.findings
    assert streamed.summary == whole.summary


def _random_catalog(rng, path: Path, charset: str = "UTF-8") -> None:
    """Entries of every shape: comments, flags, msgctxt, plurals, multi-line strings, fuzzy,
    untranslated and obsolete ones, blank lines or none between them; msgids and translations
    from small sets, so msgids repeat (in other contexts) and are often translated two ways."""
    out = [f'msgid ""\nmsgstr "Language: km\\nContent-Type: text/plain; charset={charset}\\n"\n']
    for n in range(rng.randint(0, 40)):
        parts = []
        if rng.random() < 0.3:
            parts.append(rng.choice(["# a note", "# note\n# two lines", "# toolkit-ignore: inconsistent"]))
        if rng.random() < 0.2:
            parts.append("#. extracted")
        if rng.random() < 0.3:
            parts.append(f"#: file.c:{n}")
        if rng.random() < 0.3:
            parts.append(rng.choice(["#, fuzzy", "#, c-format", "#, fuzzy, c-format"]))
        obsolete = "#~ " if rng.random() < 0.1 else ""
        if rng.random() < 0.1 and not obsolete:
            parts.append('#| msgid "old"')
        msgid = rng.choice(["a", "b", "c"])
        translation = rng.choice(["x", "y", "ក", "", "é"])
        parts.append(f'{obsolete}msgctxt "{n}"\n{obsolete}msgid "{msgid}"')  # one entry per (msgctxt, msgid)
        if rng.random() < 0.2:
            parts.append(f'{obsolete}msgid_plural "{msgid}s"\n{obsolete}msgstr[0] "{translation}"')
        elif rng.random() < 0.2:
            parts.append(f'{obsolete}msgstr ""\n{obsolete}"{translation}"\n{obsolete}"{translation}"')
        else:
            parts.append(f'{obsolete}msgstr "{translation}"')
        out.append("\n".join(parts) + "\n")
    text = rng.choice(["\n", ""]).join(out)
    path.write_bytes(text.encode("utf-8") if charset == "UTF-8" else text.encode("latin-1", errors="replace"))


@pytest.mark.parametrize("seed", range(12))
def test_units_read_again_equal_the_units_held(seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Spilled, the units of groups written two ways are read again, from their own lines where
    the file is UTF-8 (else the whole file): every field a corpus check or its finding reads is
    the one held in memory, and the run's findings are the same."""
    import random

    rng = random.Random(seed)
    files = []
    for n in range(6):
        path = tmp_path / f"p{n}" / "km.po"
        path.parent.mkdir()
        _random_catalog(rng, path, "ISO-8859-1" if n == 5 and seed % 2 else "UTF-8")
        files.append(path)

    def got(spill: int) -> list[tuple[str, list[tuple]]]:
        store = UnitStore([lambda e: (e.msgid, e.translations)], spill_above=spill)
        for path in files:
            store.begin("km", 10)
            store.add(str(path), [e for e in read_po(path).entries if not e.obsolete and e.translated and not e.fuzzy])
            store.commit()
        return [(lang, [(u.path, u.entry.line, *units._record(u.entry)) for u in found])
                for lang, found in store.by_language()]

    held = got(1 << 40)
    whole = units.read_po
    monkeypatch.setattr(units, "read_po", lambda path, *a, **k: (whole(path, *a, **k) if "p5" in str(path)
                                                                 else pytest.fail("read whole")))
    assert got(0) == held
    monkeypatch.setattr(units, "PART_UNITS", 2)  # runs of wanted units cut in parts of two
    assert got(0) == held
    monkeypatch.setattr(units, "read_po", whole)
    monkeypatch.setattr(units, "PART_LINES", 6)  # most parts too long: their files are read whole
    assert got(0) == held
    assert sum(len(found) for _, found in held) >= 2 or seed % 3, "needs groups written two ways"
    monkeypatch.setattr(units, "SPILL_ABOVE_BYTES", 0)
    spilled = run_checks(files, jobs=1).findings
    monkeypatch.undo()
    assert spilled == run_checks(files, jobs=1).findings
