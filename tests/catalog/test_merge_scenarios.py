"""Merge scenarios as data: ``data/merge/<case>/`` holds ``old.po`` (a translator's catalog made
from ``before.txt``), ``after.txt`` (the new source) and ``expected.po`` (the reviewed result).

Set ``TOOLKIT_UPDATE_GOLDEN=1`` to rewrite the expected files, then review the diff.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.catalog.conftest import DATA, LATER, po_path

CASES = sorted(p for p in (DATA / "merge").iterdir() if p.is_dir())
_GENERATOR = re.compile(r'"X-Generator: toolkit [^"\\]*\\n"')


def _mask(text: str) -> str:
    return _GENERATOR.sub('"X-Generator: toolkit VERSION\\\\n"', text)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_merge_case(case: Path, work: Path, run) -> None:
    target = po_path(work)
    target.parent.mkdir(parents=True)
    shutil.copy(case / "old.po", target)
    run((case / "after.txt").read_text(encoding="utf-8"), now=LATER)
    produced = target.read_text(encoding="utf-8")
    expected_path = case / "expected.po"
    if os.environ.get("TOOLKIT_UPDATE_GOLDEN"):
        expected_path.write_text(produced, encoding="utf-8")
    assert _mask(produced) == _mask(expected_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_merge_case_is_stable(case: Path, work: Path, run) -> None:
    """Merging the expected result again with the same source changes nothing, byte for byte."""
    target = po_path(work)
    target.parent.mkdir(parents=True)
    shutil.copy(case / "expected.po", target)
    before = target.read_bytes()
    result = run((case / "after.txt").read_text(encoding="utf-8"), now=LATER.replace(year=2027))
    assert target.read_bytes() == before
    assert not any(f.changed for f in result.files if f.language == "km")
