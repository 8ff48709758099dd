"""Plural-Forms policy: msginit's table where it has the language, CLDR (babel) elsewhere."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from babel import Locale

from tests.conftest import require_gettext
from toolkit.catalog.header import _gettext_plurals, plural_forms

POT = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr ""\n'


@pytest.mark.parametrize("code", sorted(_gettext_plurals()))
def test_table_is_what_msginit_writes(code: str, tmp_path: Path) -> None:
    pot = tmp_path / "t.pot"
    pot.write_text(POT, encoding="utf-8")
    out = subprocess.run([require_gettext("msginit"), "--no-translator", f"--locale={code}", "-i", str(pot), "-o", "-"],
                         capture_output=True, text=True, check=True).stdout
    found = re.search(r"Plural-Forms: (.*?)\\n", out.replace('"\n"', ""))
    assert found is not None
    assert plural_forms(Locale.parse(code)) == found.group(1)


@pytest.mark.parametrize(("code", "expected"), [
    ("pt_BR", "nplurals=2; plural=(n > 1);"),   # msginit, not CLDR 46's three forms
    ("pt", "nplurals=2; plural=(n != 1);"),
    ("km", "nplurals=1; plural=0;"),            # msginit has no rule: CLDR
    ("km_KH", "nplurals=1; plural=0;"),
    ("fr_CA", "nplurals=2; plural=(n > 1);"),   # the language's row serves its territories
])
def test_policy(code: str, expected: str) -> None:
    assert plural_forms(Locale.parse(code)) == expected
