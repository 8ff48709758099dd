"""Every catalog we write is accepted by the real clients: GNU msgfmt --check, msgcat (no change),
babel's read_po, polib, and translate-toolkit's pofilter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polib
import pytest

from tests.catalog.conftest import LATER, po_path
from tests.conftest import require_gettext
from toolkit.catalog.po import format_po, read_po

ARTICLE = """Hun Sen

Kampot, Monday — The Ministry of Rural Development said on Monday that 40 km of roads in Kampot
would be repaired before the rainy season. "We are ready," a spokesman said.

The National Assembly will debate the plan next week. Hun Sen is expected to attend.
"""


@pytest.fixture
def catalogs(work: Path, run) -> list[Path]:
    """Template + km + fr catalogs of our article, with a translated, a fuzzy and an obsolete entry."""
    run(ARTICLE, langs=("km", "fr"))
    km = po_path(work, "km")
    catalog = read_po(km)
    for entry in catalog:
        if entry.msgid.startswith("The National Assembly"):
            entry.msgstr = "រដ្ឋសភា\u200bនឹង\u200bពិភាក្សា\u200bលើ\u200bផែនការ\u200bនេះ\u200bនៅ\u200bសប្តាហ៍\u200bក្រោយ។"
        if entry.msgid.startswith("Hun Sen is"):
            entry.msgstr = "ហ៊ុន សែន ត្រូវបានគេរំពឹងថានឹងចូលរួម។"
            entry.flags.append("fuzzy")
    km.write_text(format_po(catalog), encoding="utf-8")
    run(ARTICLE.replace("Hun Sen is expected", "Samdech Hun Sen is expected").replace(
        "The National Assembly will debate the plan next week.", "Nothing else was said."),
        langs=("km", "fr"), now=LATER)
    return sorted((work / "locales").rglob("*.po")) + sorted((work / "locales").rglob("*.pot"))


def test_catalogs_have_obsolete_and_fuzzy_entries(catalogs: list[Path], work: Path) -> None:
    km = read_po(po_path(work, "km"))
    # as msgmerge: the entry that lent its translation to the guess is not also kept obsolete
    assert [e.msgid for e in km.obsolete_entries()] == ["The National Assembly will debate the plan next week."]
    guessed = next(e for e in km if e.msgid == "Samdech Hun Sen is expected to attend.")
    assert "fuzzy" in guessed.flags and guessed.previous_msgid == "Hun Sen is expected to attend."


def test_msgfmt_check_accepts_every_catalog(catalogs: list[Path], tmp_path: Path) -> None:
    msgfmt = require_gettext("msgfmt")
    for path in catalogs:
        if path.suffix == ".pot":
            continue
        done = subprocess.run([msgfmt, "--check", "--statistics", "-o", str(tmp_path / "x.mo"), str(path)],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert "translated message" in done.stderr


def test_msgcat_changes_nothing(catalogs: list[Path]) -> None:
    msgcat = require_gettext("msgcat")
    for path in catalogs:
        done = subprocess.run([msgcat, str(path)], capture_output=True, check=True)
        assert done.stdout == path.read_bytes(), path


def test_babel_and_polib_parse(catalogs: list[Path]) -> None:
    from babel.messages.pofile import read_po as babel_read_po

    for path in catalogs:
        with path.open("rb") as handle:
            catalog = babel_read_po(handle)
        assert len(catalog) > 3
        parsed = polib.pofile(str(path))
        assert parsed.metadata["Content-Type"] == "text/plain; charset=UTF-8"
        assert len(parsed) == len(read_po(path))


def test_pofilter_runs(catalogs: list[Path], tmp_path: Path) -> None:
    pofilter = Path(sys.executable).with_name("pofilter")
    if not pofilter.exists():
        pytest.fail("translate-toolkit's pofilter is a test dependency; pip install -e '.[test]'")
    for path in catalogs:
        if path.suffix == ".pot":
            continue
        out = tmp_path / f"{path.parent.parent.name}.po"
        done = subprocess.run([str(pofilter), "--progress=none", "-i", str(path), "-o", str(out)],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert out.exists()
