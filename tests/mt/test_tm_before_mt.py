"""The translation memory fills first; MT drafts only what it did not fill (real copy model, real
SQLite memory), and a TM match replaces an untouched MT draft but never a translator's text."""

from __future__ import annotations

import polib

from toolkit.mt import open_drafter
from toolkit.mt.fill import fill as mt_fill
from toolkit.mt.options import MTOptions
from toolkit.tm.fill import fill as tm_fill
from toolkit.tm.match import Matcher
from toolkit.tm.store import Store, Unit

from .test_mtfill import write_glossary

SENTENCES = ["The Senate met on Monday.", "Nothing else happened.", "Officials in Phnom Penh agreed."]


def test_tm_first_then_mt_for_the_rest(tmp_path, models_dir):
    glossary = write_glossary(tmp_path / "g")
    drafter = open_drafter("en", "km", glossary=glossary, options=MTOptions(models_dir=models_dir, progress=False))
    entries = [polib.POEntry(msgid=s, msgstr="") for s in SENTENCES]
    matches = {e.msgid: glossary.find(e.msgid) for e in entries}
    with Store(tmp_path / "tm.sqlite") as store:
        store.import_units("m", [Unit("The Senate met on Monday.", "ព្រឹទ្ធសភាបានប្រជុំកាលពីថ្ងៃច័ន្ទ។", "km", "m#1")])
        # First run: MT alone drafts everything.
        assert mt_fill(entries, matches, drafter, glossary, "km").mt == 3
        # Now the memory knows the first sentence: its fill replaces the untouched MT draft.
        stats = tm_fill(entries, matches, Matcher(store, "km"), glossary, "km")
    assert (stats.tm, stats.exact, stats.mismatches) == (1, 1, 0)
    assert entries[0].msgstr == "ព្រឹទ្ធសភាបានប្រជុំកាលពីថ្ងៃច័ន្ទ។"
    assert "mt: " not in entries[0].comment and entries[0].tcomment.startswith("tm: 100% ")
    again = mt_fill(entries, matches, drafter, glossary, "km")
    assert (again.mt, again.reused) == (0, 3)  # MT leaves the TM fill alone and reuses its own drafts
    assert entries[0].msgstr == "ព្រឹទ្ធសភាបានប្រជុំកាលពីថ្ងៃច័ន្ទ។"
