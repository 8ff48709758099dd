"""Suppressions survive the tools translators use: a translator comment ``# ignore-<check>``
goes through GNU msgcat (which drops unknown flags) and still silences the check."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import require_gettext
from toolkit.checks import run_checks

HEADER = 'msgid ""\nmsgstr ""\n"Language: km\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
ENTRY = 'msgid "Roads were repaired."\nmsgstr "ផ្លូវត្រូវបានជួសជុល"\n'  # no final ។: a punctuation finding


def _checks(path: Path) -> list[str]:
    return [f.check for f in run_checks([path]).findings]


@pytest.mark.parametrize(("marker", "survives_msgcat"), [
    ("# ignore-punctuation\n", True),
    ("# reviewed; ignore-numbers ignore-punctuation\n", True),
    ("#, ignore-punctuation\n", False),  # gettext drops flags it does not know
])
def test_suppression_and_what_msgcat_keeps(tmp_path: Path, marker: str, survives_msgcat: bool) -> None:
    po = tmp_path / "km.po"
    po.write_text(HEADER + marker + ENTRY, encoding="utf-8")
    assert _checks(po) == []
    bare = tmp_path / "bare.po"
    bare.write_text(HEADER + ENTRY, encoding="utf-8")
    assert _checks(bare) == ["punctuation"]
    out = tmp_path / "after-msgcat.po"
    subprocess.run([require_gettext("msgcat"), "-o", str(out), str(po)], check=True, capture_output=True)
    assert _checks(out) == ([] if survives_msgcat else ["punctuation"])


def test_a_word_containing_the_marker_is_not_a_suppression(tmp_path: Path) -> None:
    po = tmp_path / "km.po"
    po.write_text(HEADER + "# do-not-ignore-punctuation here\n" + ENTRY, encoding="utf-8")
    assert _checks(po) == ["punctuation"]
