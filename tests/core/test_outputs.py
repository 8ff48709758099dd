"""Results never destroy inputs: an -o that names an input is refused, a catalog that is a link
is written through (the link stays), a read-only file is not replaced; a directory named like a
PO file is an error, not a silent success."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_toolkit
from toolkit.errors import OutputError
from toolkit.textio import atomic_write

GLOSSARY = ("domain: organisation\nconcepts:\n  - id: un\n    source: test\n    en: [United Nations]\n"
            "    km: [អង្គការសហប្រជាជាតិ]\n")


def test_glossary_export_onto_its_own_input_is_refused(toolkit_exe: str, tmp_path: Path) -> None:
    g = tmp_path / "g.csv"
    csv = run_toolkit(toolkit_exe, "glossary", "export", "-f", "csv", "-g", _yaml(tmp_path))
    g.write_bytes(csv.stdout)
    before = g.read_bytes()
    done = run_toolkit(toolkit_exe, "glossary", "import", g, "-o", g)
    assert done.returncode == 2 and b"would be overwritten" in done.stderr and g.read_bytes() == before
    done = run_toolkit(toolkit_exe, "glossary", "export", "-f", "csv", "-g", g, "-o", g)
    assert done.returncode == 2 and g.read_bytes() == before


def test_check_report_onto_a_catalog_is_refused(toolkit_exe: str, tmp_path: Path) -> None:
    po = tmp_path / "km.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: km\\n"\n\nmsgid "a"\nmsgstr "b"\n', encoding="utf-8")
    before = po.read_bytes()
    done = run_toolkit(toolkit_exe, "check", po, "-o", po, "--no-include-fuzzy")
    assert done.returncode == 2 and po.read_bytes() == before


def test_a_linked_file_is_written_through(tmp_path: Path) -> None:
    shared = tmp_path / "shared.po"
    shared.write_text("old", encoding="utf-8")
    link = tmp_path / "link.po"
    link.symlink_to(shared)
    atomic_write(link, "new")
    assert link.is_symlink() and shared.read_text(encoding="utf-8") == "new"


def test_a_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    """Mode 0444 says "do not change me" even to root, who could: it is respected."""
    target = tmp_path / "ro.po"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(OutputError, match="read-only"):
        atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "old"


def test_check_on_a_directory_named_like_a_catalog(toolkit_exe: str, tmp_path: Path) -> None:
    (tmp_path / "x.po").mkdir()
    done = run_toolkit(toolkit_exe, "check", tmp_path / "x.po")
    assert done.returncode == 2 and b"is a directory, expected a PO file" in done.stderr


def _yaml(tmp_path: Path) -> Path:
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path
