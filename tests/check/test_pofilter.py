"""Where translate-toolkit's pofilter cries wolf on correct Khmer, `toolkit check` stays quiet.

pofilter (the reference tool) flags correct Khmer translations for different numbers (Khmer
digits), different end punctuation (។) and acronyms translated (ASEAN -> អាស៊ាន). These sentences
are our own; each translation is correct.
"""

from __future__ import annotations

import pytest

from tests.check.helpers import load_test_glossary
from toolkit.checks import run_checks

translate_checks = pytest.importorskip("translate.filters.checks")
from translate.storage.pypo import pounit  # noqa: E402

Z = "\u200b"
CORRECT = [
    ("In 2024 ASEAN met.", "នៅ" + Z + "ឆ្នាំ" + Z + "២០២៤ អាស៊ាន" + Z + "បាន" + Z + "ជួប" + Z + "ប្រជុំ" + Z + "គ្នា។"),
    ("ASEAN leaders met 3 times in 2023.", "មេដឹកនាំអាស៊ានបានជួបគ្នា ៣ ដងក្នុងឆ្នាំ ២០២៣។"),
    ("The WHO gave 1,500 doses.", "អង្គការសុខភាពពិភពលោកបានផ្តល់ថ្នាំ ១.៥០០ ដូស។"),
    ("Growth reached 7.5 percent.", "កំណើនបានឈានដល់ ៧,៥ ភាគរយ។"),
]


def _po(tmp_path):
    body = 'msgid ""\nmsgstr ""\n"Language: km\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    body += "".join(f'msgid "{s}"\nmsgstr "{t}"\n\n' for s, t in CORRECT)
    path = tmp_path / "km.po"
    path.write_text(body, encoding="utf-8")
    return path


def test_pofilter_flags_correct_khmer_but_we_do_not(tmp_path):
    checker = translate_checks.StandardChecker(translate_checks.CheckerConfig(targetlanguage="km"))
    flagged = set()
    for source, target in CORRECT:
        unit = pounit(source)
        unit.target = target
        flagged |= set(checker.run_filters(unit))
    assert {"numbers", "endpunc", "acronyms"} <= flagged  # the reference tool's false alarms

    result = run_checks([_po(tmp_path)], glossary=load_test_glossary())
    assert result.problems == ()
    assert result.summary.translated == len(CORRECT)
    assert [f.message for f in result.findings] == []
