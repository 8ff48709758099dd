"""The real-catalog judgement data of ``benchmarks/eval_check_real.py`` is sound.

``benchmarks/data/real-km/judged.jsonl`` judges every ``toolkit check`` finding on public projects'
Khmer catalogs (and the defects the checks miss); ``pofilter-judged.jsonl`` does the same for
Translate Toolkit's pofilter. A record that names a catalog, entry or check that does not exist
would silently count as a miss or never match, so each one is validated here against the files.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require_gettext
from toolkit.catalog.reader import Entry, read_po
from toolkit.checks.registry import all_checks

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "benchmarks" / "data" / "real-km"
CATALOGS = sorted(DATA.glob("*/*.po"))
MEASURED = {str(p.relative_to(ROOT)) for p in CATALOGS} | {
    str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "catalog" / "data" / "real").glob("*.po")}
# Check ids issue 11 adds (whitespace; invisible-character hygiene split off khmer-normalization).
NEW_CHECKS = {"whitespace", "invisible"}
POFILTER_TESTS = {"numbers", "endpunc", "printf", "pythonbraceformat", "startwhitespace", "endwhitespace",
                  "newlines", "doublespacing"}
GLOSSARY_CHECKS = {"glossary-missing", "glossary-forbidden"}


def _records(name: str) -> list[tuple[int, dict]]:
    with (DATA / name).open(encoding="utf-8") as f:
        return [(n, json.loads(line)) for n, line in enumerate(f, 1)]


JUDGED = _records("judged.jsonl")
POFILTER_JUDGED = _records("pofilter-judged.jsonl")
_entries: dict[str, dict[tuple[str | None, str, bool], Entry]] = {}


def _entry(path: str, msgctxt: str | None, msgid: str, obsolete: bool = False) -> Entry | None:
    """The entry of *path* with that context and msgid (an obsolete one only if asked for)."""
    if path not in _entries:
        _entries[path] = {(e.msgctxt, e.msgid, e.obsolete): e for e in read_po(ROOT / path).entries}
    return _entries[path].get((msgctxt, msgid, False)) or (
        _entries[path].get((msgctxt, msgid, True)) if obsolete else None)


def test_judged_records_name_a_measured_catalog_an_entry_and_a_known_check() -> None:
    known = set(all_checks()) | NEW_CHECKS
    problems = []
    for n, r in JUDGED:
        where = f"judged.jsonl:{n}"
        if set(r) != {"file", "msgctxt", "msgid", "check", "term", "verdict", "reason"}:
            problems.append(f"{where}: keys {sorted(r)}")
            continue
        if r["file"] not in MEASURED:
            problems.append(f"{where}: {r['file']} is not one of the measured catalogs")
            continue
        entry = _entry(r["file"], r["msgctxt"], r["msgid"])
        if entry is None:
            problems.append(f"{where}: no entry {r['msgid'][:50]!r} in {r['file']}")
        elif not entry.translated or entry.fuzzy:
            problems.append(f"{where}: the entry is not translated, or fuzzy: no check looks at it")
        if r["verdict"] not in ("true", "false", "miss"):
            problems.append(f"{where}: verdict {r['verdict']!r}")
        if r["check"] not in known:
            problems.append(f"{where}: unknown check {r['check']!r}")
        if not r["reason"].strip():
            problems.append(f"{where}: no reason")
        if r["check"] in GLOSSARY_CHECKS:
            # The term is the English text the finding names: it is in the source.
            sources = " ".join(filter(None, (r["msgid"], entry and entry.msgid_plural))).casefold()
            if not r["term"] or r["term"].casefold() not in sources:
                problems.append(f"{where}: glossary term {r['term']!r} is not in the msgid")
        elif r["term"] is not None:
            problems.append(f"{where}: a {r['check']} record has a term")
    assert not problems, "\n".join(problems)


def test_a_finding_is_judged_once() -> None:
    seen: dict[tuple, int] = {}
    for n, r in JUDGED:
        key = (r["file"], r["msgctxt"], r["msgid"], r["check"], r["term"])
        assert key not in seen, f"judged.jsonl:{n} judges the finding of line {seen[key]} again"
        seen[key] = n


def test_pofilter_records_name_a_catalog_an_entry_and_a_pofilter_test() -> None:
    problems, seen = [], set()
    for n, r in POFILTER_JUDGED:
        where = f"pofilter-judged.jsonl:{n}"
        if set(r) != {"file", "msgctxt", "msgid", "test", "verdict", "reason"}:
            problems.append(f"{where}: keys {sorted(r)}")
            continue
        if r["file"] not in MEASURED:
            problems.append(f"{where}: {r['file']} is not one of the measured catalogs")
            continue
        # pofilter also reports obsolete entries: look them up among all entries.
        if _entry(r["file"], r["msgctxt"], r["msgid"], obsolete=True) is None:
            problems.append(f"{where}: no entry {r['msgid'][:50]!r} in {r['file']}")
        if r["test"] not in POFILTER_TESTS or r["verdict"] not in ("true", "false") or not r["reason"].strip():
            problems.append(f"{where}: test {r['test']!r}, verdict {r['verdict']!r}, reason {r['reason']!r}")
        key = (r["file"], r["msgctxt"], r["msgid"], r["test"])
        if key in seen:
            problems.append(f"{where}: judged twice")
        seen.add(key)
    assert not problems, "\n".join(problems)


def test_every_catalog_has_its_source_and_licence_noted() -> None:
    sources = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    rows = {m.group(1): m.group(0) for m in re.finditer(r"^\| (\S+\.po) \|.*$", sources, re.M)}
    assert set(rows) == {str(p.relative_to(DATA)) for p in CATALOGS}
    for row in rows.values():
        commit, licence = [c.strip() for c in row.split("|")[4:6]]
        assert re.fullmatch(r"[0-9a-f]{40}", commit), row
        assert re.search(r"GPL|BSD|MIT|Apache|MPL", licence), row


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parent.name)
def test_catalog_is_read_by_our_reader_and_by_msgfmt(path: Path) -> None:
    catalog = read_po(path)
    assert any(e.translated for e in catalog.entries)
    done = subprocess.run([require_gettext("msgfmt"), "-c", "-o", "/dev/null", str(path)], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
