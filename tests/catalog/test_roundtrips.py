"""Round trips through the tools translators really use, then back through toolkit.

Our catalog (translated, with a fuzzy guess and a suppression comment) goes through each real tool
— GNU ``msgmerge`` against our POT, ``msgcat`` (default, ``--width=60``, ``--no-wrap``),
``msgattrib``, polib's ``save()``, Babel's ``read_po``/``write_po``, Translate Toolkit's PO store,
and Poedit's rewrap rule (it rewraps at the width of the longest line; ``msgcat --width=N``
reproduces it) — and then through ``translate``, ``translate --check`` and ``check``:

* no translator text is lost (what ``msgfmt`` compiles, read back by ``msgunfmt``);
* the suppression (a translator comment) still suppresses;
* a re-run leaves the tool's layout as it is when the content is unchanged, and ``--check`` is
  clean afterwards;
* no orphan comment: every ``#.`` line afterwards is one of our hints, whole.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest

from tests.catalog.conftest import LATER, po_path
from tests.catalog.translator_tools import CHANGE_CONTENT, TOOLS, msgmerge
from tests.conftest import require_gettext

ARTICLE = (
    "The Ministry of Rural Development said on Monday that 40 km of roads in Kampot province would be "
    "repaired before the rainy season begins in May.\n\n"
    "The National Assembly will debate the plan next week, and Hun Sen is expected to attend the session "
    "with provincial governors.\n\n"
    "Officials said 12 bridges would be rebuilt.\n"
)
KM = {
    "The Ministry of Rural Development": "ក្រសួង\u200bអភិវឌ្ឍន៍\u200bជនបទ\u200bបាន\u200bថ្លែង\u200bកាលពី\u200b"
                                         "ថ្ងៃ\u200bច័ន្ទ\u200bថា ផ្លូវ\u200bប្រវែង ៤០ គីឡូម៉ែត្រ\u200bនៅ\u200b"
                                         "ខេត្ត\u200bកំពត\u200bនឹង\u200bត្រូវ\u200b"
                                         "ជួសជុល\u200bមុន\u200bរដូវ\u200bវស្សា\u200bចាប់ផ្តើម\u200bនៅ\u200bខែ\u200bឧសភា។",
    "The National Assembly": "រដ្ឋសភា\u200bនឹង\u200bពិភាក្សា\u200bលើ\u200bផែនការ\u200bនេះ\u200bនៅ\u200bសប្តាហ៍\u200bក្រោយ "
                             "ហើយ\u200bហ៊ុន សែន\u200bត្រូវ\u200bបាន\u200bគេ\u200bរំពឹង\u200bថា\u200bនឹង\u200bចូលរួម\u200b"
                             "សម័យប្រជុំ\u200bជាមួយ\u200bអភិបាល\u200bខេត្ត។",
    "Officials said": "មន្ត្រី\u200bបាន\u200bនិយាយ\u200bថា ស្ពាន ១៣ នឹង\u200bត្រូវ\u200bសាងសង់\u200bឡើងវិញ។",  # 13: suppressed
}


def _compiled(path: Path) -> dict[tuple[str, str], str]:
    mo = path.with_suffix(".mo")
    subprocess.run([require_gettext("msgfmt"), "-o", str(mo), str(path)], check=True)
    text = subprocess.run([require_gettext("msgunfmt"), str(mo)], check=True, capture_output=True).stdout
    mo.unlink()
    return {(e.msgctxt or "", e.msgid): e.msgstr for e in polib.pofile(text.decode("utf-8")) if e.msgid}


@pytest.fixture
def translated(work: Path, run) -> Path:
    """Our catalog, translated by a translator, one entry suppressed, then one sentence changed so
    that the catalog has a fuzzy guess with ``#|`` too."""
    path = _translated_by_hand(work, run, suppress=True)
    run(ARTICLE.replace("Officials said 12", "Officials said on Tuesday that 12"), now=LATER)
    return path


def _translated_by_hand(work: Path, run, *, suppress: bool = False) -> Path:
    """The article's catalog with a translator's work in it (one suppression, if asked)."""
    run(ARTICLE)
    path = po_path(work)
    catalog = polib.pofile(str(path), wrapwidth=0)
    for entry in catalog:
        for start, text in KM.items():
            if entry.msgid.startswith(start):
                entry.msgstr = text
        if suppress and entry.msgid.startswith("Officials said"):
            entry.tcomment = "ignore-numbers"
    path.write_text(_ours(catalog), encoding="utf-8")
    return path


def _ours(catalog: polib.POFile) -> str:
    from toolkit.catalog.po import format_po

    return format_po(catalog)


def _hints(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#.")]


@pytest.mark.parametrize("name", list(TOOLS))
def test_round_trip(name: str, translated: Path, work: Path, run, cli) -> None:
    for program in ("msgmerge", "msgcat", "msgattrib"):
        require_gettext(program)
    before = _compiled(translated)
    hints_before = _hints(translated)
    TOOLS[name](translated, work / "locales" / "templates" / "article.pot")
    after_tool = translated.read_bytes()
    assert set(_compiled(translated).values()) == set(before.values()), "the tool itself lost a translation"

    result = run(now=LATER.replace(month=5))
    km = next(f for f in result.files if f.language == "km")
    assert set(_compiled(translated).values()) >= set(before.values())
    if not km.changed:
        assert translated.read_bytes() == after_tool  # content unchanged: the tool's layout stays
    else:
        # msgmerge puts the template's (language-neutral) hints in; Babel drops header fields it
        # does not know (X-Toolkit-Source, X-Generator): real changes, repaired once, then stable
        assert name in CHANGE_CONTENT, f"{name} changed only the layout, yet the catalog was rewritten"
        settled = translated.read_bytes()
        run(now=LATER.replace(month=5, day=9))
        assert translated.read_bytes() == settled
    assert not any(f.changed for f in run(check=True, now=LATER.replace(month=6)).files)
    assert sorted(_hints(translated)) == sorted(hints_before), "our #. lines came back whole, none orphaned"

    report = cli("check", str(translated), "--format", "json")
    import json

    checks = {(f["msgid"][:14], f["check"]) for f in json.loads(report.stdout)["findings"]}
    assert ("Officials said", "numbers") not in checks, "the suppression comment was lost"


def test_our_merge_of_a_changed_sentence_is_msgmerges(work: Path, run) -> None:
    """A changed sentence: our merge and `msgmerge --previous` give the same entries — a fuzzy
    guess with #| carrying the old translation, and no obsolete copy of the old entry."""
    path = _translated_by_hand(work, run)
    old = path.with_name("old.po")
    old.write_bytes(path.read_bytes())
    run(ARTICLE.replace("Officials said 12", "Officials said on Tuesday that 12"), now=LATER)
    theirs = path.with_name("theirs.po")
    theirs.write_bytes(old.read_bytes())
    msgmerge(theirs, work / "locales" / "templates" / "article.pot")

    def shape(po_file: Path) -> list[tuple]:
        return [(e.msgid, e.msgstr, "fuzzy" in e.flags, e.previous_msgid, e.obsolete)
                for e in polib.pofile(str(po_file))]

    assert shape(path) == shape(theirs)
    assert any(fuzzy and previous for _, _, fuzzy, previous, _ in shape(path))
    assert not polib.pofile(str(path)).obsolete_entries()


def test_new_entries_follow_the_files_layout(translated: Path, work: Path, run) -> None:
    """After msgcat --no-wrap, an entry added by a re-run is not wrapped either."""
    TOOLS["msgcat --no-wrap"](translated, work / "locales" / "templates" / "article.pot")
    run(ARTICLE.replace("Officials said 12", "Officials said on Tuesday that 12") +
        "\nThe governor of Kampot province said the repairs would cost about 2 million dollars, paid by the state.\n",
        now=LATER.replace(month=5))
    text = translated.read_text(encoding="utf-8")
    assert 'msgid "The governor of Kampot province said the repairs would cost about 2 million dollars, paid by' in text
