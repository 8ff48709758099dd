"""The committed catalogs of the sample article (``locales/``) are valid and in gettext's layout."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, require_gettext
from toolkit.catalog.po import format_po, read_po

CATALOGS = sorted((ROOT / "locales").rglob("*.po")) + sorted((ROOT / "locales").rglob("*.pot"))


def test_sample_catalogs_exist() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in CATALOGS}
    assert "locales/km/LC_MESSAGES/provincial-roads-budget.po" in names
    assert "locales/templates/provincial-roads-budget.pot" in names


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_sample_catalog_is_valid_and_stable(path: Path, tmp_path: Path) -> None:
    catalog = read_po(path)
    assert catalog.metadata["X-Toolkit-Source"] == "samples/provincial-roads-budget.txt"
    assert any(line.startswith("glossary: ") for e in catalog for line in e.comment.split("\n"))
    assert format_po(catalog) == path.read_text(encoding="utf-8")  # our writer reproduces it
    msgcat = require_gettext("msgcat")
    assert subprocess.run([msgcat, str(path)], capture_output=True, check=True).stdout == path.read_bytes()
    if path.suffix == ".po":
        msgfmt = require_gettext("msgfmt")
        done = subprocess.run([msgfmt, "--check", "-o", str(tmp_path / "x.mo"), str(path)], capture_output=True,
                              text=True)
        assert done.returncode == 0, done.stderr
