"""Our PO layout is GNU gettext's: ``msgcat`` (default options) on our output changes nothing.

The reference tool is the oracle: catalogs with long English msgids, long Khmer msgstrs with and
without zero-width spaces, quotes, escapes, multi-line strings, obsolete and previous entries,
many references, plus a seeded random corpus, are written by us and compared byte for byte with
what ``msgcat`` makes of them.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import polib
import pytest

from tests.conftest import require_gettext
from toolkit.catalog.po import format_po
from toolkit.catalog.wrap import wrap

ZW = "\u200b"
KM_WORDS = ["ក្រសួង", "អភិវឌ្ឍន៍", "ជនបទ", "បាន", "ប្រកាស", "ថា", "ផ្លូវ", "ប្រវែង", "៤០", "គីឡូម៉ែត្រ",
            "នឹង", "ត្រូវ", "ជួសជុល", "នៅ", "ខេត្តកំពត", "មុន", "រដូវវស្សា", "។", "«", "»", "ហ៊ុន សែន"]
EN_WORDS = ("the ministry said on Tuesday that 62.5 per cent of the money would go to sub-national "
            "administrations (CPP) \"quoted\" well-known 2025/26 — US$180 e.g. Dr. Kin's report_v2.pdf "
            "https://example.org/a/b?c=d and/or 'single' [note] 50% x-ray -5 +3 ... a,b a:b a;b ok!").split(" ")


def khmer_sentence(rng: random.Random, words: int, separator: str = ZW) -> str:
    return separator.join(rng.choice(KM_WORDS) for _ in range(words))


def english_sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(EN_WORDS) for _ in range(words))


def _catalog(entries: list[polib.POEntry]) -> polib.POFile:
    catalog = polib.POFile(wrapwidth=0)
    catalog.metadata = {"Project-Id-Version": "test", "Content-Type": "text/plain; charset=UTF-8",
                        "Content-Transfer-Encoding": "8bit", "X-Long": "y " * 60}
    catalog.extend(entries)
    return catalog


def _msgcat(text: str, tmp_path: Path) -> str:
    msgcat = require_gettext("msgcat")
    path = tmp_path / "ours.po"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run([msgcat, str(path)], capture_output=True, text=True, check=True)
    return done.stdout


def _assert_msgcat_noop(catalog: polib.POFile, tmp_path: Path) -> None:
    ours = format_po(catalog)
    theirs = _msgcat(ours, tmp_path)
    assert theirs == ours


def test_long_khmer_msgstr_breaks_at_zwsp_like_msgcat(tmp_path: Path) -> None:
    rng = random.Random(4)
    msgstr = khmer_sentence(rng, 60)
    catalog = _catalog([polib.POEntry(msgid="A long sentence.", msgstr=msgstr)])
    _assert_msgcat_noop(catalog, tmp_path)
    lines = wrap("msgstr", msgstr)
    assert lines[0] == 'msgstr ""' and len(lines) > 3
    assert all(line.endswith(ZW + '"') for line in lines[1:-1])  # every break is after a ZWSP


def test_long_khmer_without_zwsp_stays_on_one_line(tmp_path: Path) -> None:
    msgstr = "".join(KM_WORDS[:10]) * 4  # no break opportunity: msgcat never cuts a word
    catalog = _catalog([polib.POEntry(msgid="x", msgstr=msgstr)])
    _assert_msgcat_noop(catalog, tmp_path)
    assert wrap("msgstr", msgstr) == [f'msgstr "{msgstr}"']


def test_long_english_msgid_and_special_entries(tmp_path: Path) -> None:
    rng = random.Random(7)
    entries = [
        polib.POEntry(msgid=english_sentence(rng, 40), msgstr=khmer_sentence(rng, 30, " "),
                      occurrences=[(f"docs/file-{i}.txt", str(100 + i)) for i in range(12)],
                      comment="glossary: Hun Sen = ហ៊ុន សែន | សម្តេចតេជោ ហ៊ុន សែន\nmt: a very long provenance line " * 3,
                      tcomment="checked\n\nagain", flags=["fuzzy"], previous_msgid=english_sentence(rng, 30)),
        polib.POEntry(msgid="Line one\nline two\n", msgstr="ជួរ ១\nជួរ ២\n"),
        polib.POEntry(msgid='Tabs\tand "quotes" and back\\slash ' * 4, msgstr=""),
        polib.POEntry(msgid="x" * 71, msgstr="y" * 70),
        polib.POEntry(msgid="x" * 72, msgstr="y" * 71),
        polib.POEntry(msgid=english_sentence(rng, 25), msgstr=khmer_sentence(rng, 40), obsolete=True),
    ]
    _assert_msgcat_noop(_catalog(entries), tmp_path)


@pytest.mark.parametrize("seed", range(3))
def test_random_corpus_round_trips_through_msgcat(seed: int, tmp_path: Path) -> None:
    rng = random.Random(seed)
    entries = []
    for number in range(150):
        msgid = english_sentence(rng, rng.randint(1, 45)) + f" #{number}"
        if rng.random() < 0.1:
            msgid += "\n" + english_sentence(rng, 8)
        separator = rng.choice([ZW, ZW, " ", ""])
        msgstr = khmer_sentence(rng, rng.randint(0, 50), separator) if rng.random() < 0.8 else english_sentence(rng, 20)
        entries.append(polib.POEntry(msgid=msgid, msgstr=msgstr,
                                     occurrences=[("docs/a.txt", str(rng.randint(1, 9999)))]))
    _assert_msgcat_noop(_catalog(entries), tmp_path)


NEWS_WORDS = ("minister said Tuesday budget roads Kampot Hun Sen's officials 62.5 1,000 2025–26 10:30 $180 €5 £3 "
              "40% (CPP) [sic] {x} “quoted” ‘single’ «Khmer» — – … e.g. U.S. Dr. a/b and/or 3/4 x-ray well-known "
              "20-year-old #5 @user 1st A&B ±2 ×3 ÷ → • · § © ™ ° ½ 'tis it's http://x.org/a?b=c;d "
              "info@example.org C++ C# 7:00 p.m. 12.5% -5 +3 v2.0 ... ?! :) ;-) in\u00adter\u00adna\u00adtion\u00adal "
              "x,¬y").split(" ")
NEWS_KHMER = ["ក្រសួង", "អភិវឌ្ឍន៍", "ជនបទ", "បាន", "ថា", "៤០", "គីឡូម៉ែត្រ", "។", "៖", "ៗ", "«", "»", "ហ៊ុន",
              "សែន", "១,០០០", "៦២,៥%", "(ក)", "ខ្មែរ", "៛", "–"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_news_like_mixed_text_round_trips(seed: int, tmp_path: Path) -> None:
    """English news punctuation, numbers, URLs and Khmer (with ZWSP, NBSP or no separator)."""
    rng = random.Random(seed)
    entries = []
    for number in range(400):
        parts = []
        for _ in range(rng.randint(5, 40)):
            parts.append(rng.choice(NEWS_KHMER) if rng.random() < 0.3 else rng.choice(NEWS_WORDS))
            parts.append(rng.choice([" ", " ", " ", "", ZW, "\u00a0"]))
        entries.append(polib.POEntry(msgid=f"{number} " + "".join(parts), msgstr=""))
    _assert_msgcat_noop(_catalog(entries), tmp_path)


PROBE_LEFT = list(".,:;/—-")
PROBE_RIGHT = [chr(c) for c in range(33, 127) if chr(c) not in '"\\z'] + list("“”‘’«»—–…€£§¶©®™°½×÷→•·កខ។៖០")


def test_break_opportunities_match_gettext_pair_by_pair(tmp_path: Path) -> None:
    """For each pair (a, b), a string that must break exactly between a and b if gettext allows it."""
    entries = [polib.POEntry(msgctxt=f"{a}{b}", msgid="q " + "z" * 74 + a + b + "zzzz", msgstr="")
               for a in PROBE_LEFT for b in PROBE_RIGHT]
    _assert_msgcat_noop(_catalog(entries), tmp_path)


def test_break_after_closing_bracket_and_space_before_khmer_camnuc(tmp_path: Path) -> None:
    """libunistring breaks in ``) ៖`` where current UAX #14 (LB16) does not: we follow gettext."""
    entries = [polib.POEntry(msgid="x " * 33 + "(ក)÷ ៦២,៥%:) ៖ ១,០០០ rock'n'roll v2.0 more words here", msgstr="")]
    _assert_msgcat_noop(_catalog(entries), tmp_path)
