"""TMX in and out: our export is well-formed, re-importable and read by Translate Toolkit; files of
other tools import; malformed and unsafe files are refused with path:line."""

from __future__ import annotations

import tracemalloc
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.tm.conftest import DATA
from toolkit.errors import TMError
from toolkit.tm import export, import_files
from toolkit.tm.store import Store, Unit
from toolkit.tm.tmx import read_tmx, write_tmx

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
UNITS = [
    Unit("The National Assembly met on Monday.", "រដ្ឋសភាបានប្រជុំកាលពីថ្ងៃច័ន្ទ។", "km", "locales/km/LC_MESSAGES/a.po:7",
         "2026-01-02T03:04:05Z", "2026-02-03T04:05:06Z", True),
    Unit('Tags <b> & "quotes" stay text.', "ស្លាក <b> & \"សម្រង់\" នៅជាអត្ថបទ។", "km", "x.tmx#7",
         "2026-01-02T03:04:05Z", "2026-01-02T03:04:05Z", False),
    Unit("Roads were repaired.", "Les routes ont été réparées.", "fr", "f.po:3", "2025-05-05T05:05:05Z",
         "2025-05-05T05:05:05Z"),
]


def test_export_is_tmx_14_with_dates_and_provenance(tmp_path: Path, store: Store) -> None:
    store.import_units("m", UNITS)
    out = tmp_path / "out.tmx"
    assert export(store, out, "km") == 2
    root = ET.parse(out).getroot()  # well-formed
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert header is not None
    for attr in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"):
        assert header.get(attr), attr  # the attributes TMX 1.4b requires
    first = root.find("body/tu")
    assert first is not None
    assert (first.get("creationdate"), first.get("changedate")) == ("20260102T030405Z", "20260203T040506Z")
    props = {p.get("type"): p.text for p in first.findall("prop")}
    assert props == {"x-toolkit-origin": "locales/km/LC_MESSAGES/a.po:7", "x-toolkit-reviewed": "yes"}
    assert [t.get(XML_LANG) for t in first.findall("tuv")] == ["en", "km"]


def test_export_then_import_gives_the_same_units(tmp_path: Path, store: Store) -> None:
    store.import_units("m", UNITS)
    out = tmp_path / "all.tmx"
    export(store, out)
    back = sorted(read_tmx(out), key=lambda u: u.source)
    assert back == sorted(UNITS, key=lambda u: u.source)
    with Store(tmp_path / "second.sqlite") as other:
        assert import_files(other, [out]) == [(out, 3, 3)]
        assert sorted((u.source, u.target, u.lang, u.origin, u.reviewed) for u in other.units()) == sorted(
            (u.source, u.target, u.lang, u.origin, u.reviewed) for u in UNITS)


def test_translate_toolkit_reads_our_export(tmp_path: Path, store: Store) -> None:
    tmx = pytest.importorskip("translate.storage.tmx")
    store.import_units("m", UNITS)
    out = tmp_path / "km.tmx"
    export(store, out, "km")
    parsed = tmx.tmxfile(out.read_bytes())
    pairs = sorted((unit.source, unit.target) for unit in parsed.units)
    assert pairs == sorted((u.source, u.target) for u in UNITS if u.lang == "km")


def test_translate_toolkit_tmx_imports_into_ours(tmp_path: Path, store: Store) -> None:
    """A TMX written by Translate Toolkit's own writer (as po2tmx does) imports."""
    tmx = pytest.importorskip("translate.storage.tmx")
    written = tmx.tmxfile(sourcelanguage="en", targetlanguage="km")
    written.addtranslation("Roads were repaired.", "en", "ផ្លូវត្រូវបានជួសជុល។", "km")
    path = tmp_path / "tt.tmx"
    path.write_bytes(bytes(written))
    assert import_files(store, [path])[0][1:] == (1, 1)
    assert next(store.units()).target == "ផ្លូវត្រូវបានជួសជុល។"


def test_our_handwritten_tmx(store: Store) -> None:
    units = list(read_tmx(DATA / "ours.tmx"))
    assert [(u.lang, u.target) for u in units] == [
        ("km_KH", "សភាជាតិបានប្រជុំកាលពីថ្ងៃច័ន្ទ។"),
        ("fr", "L'Assemblée nationale s'est réunie lundi."),
        ("km", "ចុច រក្សាទុក ដើម្បីរក្សាសេចក្តីព្រាង។"),  # inline codes left out, <hi> text kept
    ]
    assert units[0].source == "The National Assembly met on Monday."
    assert units[2].source == "Press Save to keep the draft."
    assert (units[0].origin, units[0].reviewed, units[0].changed) == ("ours.tmx#nat-assembly-met", True,
                                                                      "2025-03-01T08:00:00Z")
    assert (units[2].created, units[2].reviewed) == ("2024-06-06T10:10:10Z", False)  # the <tuv>'s date


def test_a_real_omegat_memory_imports(store: Store) -> None:
    path = DATA / "real" / "LOGuidesSK-project_save-excerpt.tmx"
    [(_, read, added)] = import_files(store, [path])
    assert read == added == 36
    unit = next(u for u in store.units() if u.source.startswith("(Many pages"))
    assert (unit.lang, unit.target) == ("sk", "(Tieto značky už stránky zväčša nepoužívajú).")
    assert unit.created == "2013-11-14T15:08:59Z" and unit.changed == "2014-06-27T14:15:39Z"


@pytest.mark.parametrize(("name", "line", "message"), [
    ("not-well-formed.tmx", 5, "not well-formed XML"),
    ("wrong-version.tmx", 2, "TMX version '2.0' is not supported"),
    ("missing-lang.tmx", 7, "<tuv> without xml:lang"),
    ("billion-laughs.tmx", 2, "a DOCTYPE with an internal subset"),
    ("external-entity.tmx", 2, "a DOCTYPE with an internal subset"),
    ("not-tmx.tmx", 2, r"not a TMX file \(root element <xliff>\)"),
    ("no-srclang.tmx", 3, "<header> without srclang"),
])
def test_bad_files_are_refused_with_their_line(name: str, line: int, message: str, store: Store) -> None:
    path = DATA / "bad" / name
    with pytest.raises(TMError, match=rf"^{path}:{line}: {message}"):
        import_files(store, [path])
    assert list(store.units()) == []  # nothing half-imported


def test_every_bad_file_has_a_case() -> None:
    cases = {"not-well-formed.tmx", "wrong-version.tmx", "missing-lang.tmx", "billion-laughs.tmx",
             "external-entity.tmx", "not-tmx.tmx", "no-srclang.tmx"}
    assert {p.name for p in (DATA / "bad").glob("*.tmx")} == cases


def test_a_bad_unit_after_good_ones_imports_nothing(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "late.tmx"
    write_tmx(path, [Unit(f"Sentence {n}.", f"ប្រយោគ {n}។", "km", f"o{n}") for n in range(3000)])
    text = path.read_text(encoding="utf-8").replace("</body>", "<tu><tuv><seg>x</seg></tuv></tu></body>")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TMError, match="without xml:lang"):
        import_files(store, [path])
    assert store.stats()["sources"] == 0


def test_reading_streams_in_bounded_memory(tmp_path: Path) -> None:
    """A TMX several times larger than the reader's peak memory is read unit by unit."""
    path = tmp_path / "big.tmx"
    write_tmx(path, (Unit(f"Sentence number {n} about the provincial roads budget.", "ក" * 600, "km", f"o{n}")
                     for n in range(8_000)))
    size = path.stat().st_size
    tracemalloc.start()
    count = sum(1 for _ in read_tmx(path))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 8_000
    assert size > 10 * 1024 * 1024 and peak < size / 10
