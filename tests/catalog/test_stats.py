"""One way to count: ``toolkit check``, ``toolkit build`` and ``msgfmt --statistics`` agree on
translated / fuzzy / untranslated for the same catalog (fuzzy without text, partial plurals,
obsolete entries, the header)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from tests.conftest import require_gettext
from toolkit.catalog.reader import parse_po
from toolkit.errors import CatalogError

CATALOG = """msgid ""
msgstr ""
"Language: km\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "Roads were repaired."
msgstr "ផ្លូវត្រូវបានជួសជុល។"

#, fuzzy
msgid "A fuzzy entry without text."
msgstr ""

#, fuzzy
msgid "A draft."
msgstr "សេចក្តីព្រាង។"

msgid "Not yet."
msgstr ""

msgid "%d road"
msgid_plural "%d roads"
msgstr[0] "ផ្លូវ %d"
msgstr[1] ""

#, fuzzy
msgid "%d bridge"
msgid_plural "%d bridges"
msgstr[0] "ស្ពាន %d"
msgstr[1] ""

#~ msgid "Gone."
#~ msgstr "បាត់។"
"""


def test_check_build_and_msgfmt_count_alike(tmp_path: Path, cli, monkeypatch) -> None:
    po = tmp_path / "locales" / "km" / "LC_MESSAGES" / "news.po"
    po.parent.mkdir(parents=True)
    po.write_text(CATALOG, encoding="utf-8")
    stats = subprocess.run([require_gettext("msgfmt"), "--statistics", "-o", "/dev/null", str(po)],
                           capture_output=True, text=True, check=True).stderr
    numbers = dict((kind, int(n)) for n, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", stats))
    assert numbers == {"translated": 2, "fuzzy": 2, "untranslated": 2}

    checked = json.loads(cli("check", str(po), "--format", "json", "--no-include-fuzzy").stdout)["summary"]
    assert {k: checked[k] for k in numbers} == numbers

    monkeypatch.chdir(tmp_path)
    built = cli("build", "--locales", "locales")
    assert f"translated={numbers['translated']} fuzzy={numbers['fuzzy']} " \
           f"untranslated={numbers['untranslated']}" in built.stdout


def test_an_escape_above_ascii_is_refused_with_its_line() -> None:
    text = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "\\xe9"\n'
    try:
        parse_po(text, "x.po")
    except CatalogError as exc:
        assert exc.line == 6 and "raw byte" in exc.message
    else:
        raise AssertionError("accepted")
