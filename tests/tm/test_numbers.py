"""Numbers carried over from the new sentence into the memory's target, only when certain."""

from __future__ import annotations

import pytest

from toolkit.tm.numbers import carry

CASES = [
    # (memory source, new sentence, memory target, expected target, carried?)
    ("Turnout was 84 per cent.", "Turnout was 81 per cent.", "អ្នកទៅបោះឆ្នោត ៨៤ ភាគរយ។", "អ្នកទៅបោះឆ្នោត ៨១ ភាគរយ។", True),
    ("Turnout was 84 per cent.", "Turnout was 81 per cent.", "Turnout: 84 %", "Turnout: 81 %", True),
    ("On 3 May, 120 km.", "On 10 May, 120 km.", "ថ្ងៃទី៣ ខែឧសភា ១២០ គ.ម.", "ថ្ងៃទី១០ ខែឧសភា ១២០ គ.ម.", True),
    ("It cost 1,500 dollars.", "It cost 2,750 dollars.", "វាចំណាយ ១,៥០០ ដុល្លារ។", "វាចំណាយ ២,៧៥០ ដុល្លារ។", True),
    ("Growth of 4.2 per cent.", "Growth of 3.9 per cent.", "កំណើន ៤.២ ភាគរយ។", "កំណើន ៣.៩ ភាគរយ។", True),
    # not certain: counts differ, the number is written differently, or twice
    ("Turnout was 84 per cent.", "Turnout was 81 or 82 per cent.", "៨៤ ភាគរយ", "៨៤ ភាគរយ", False),
    ("It cost 1,500 dollars.", "It cost 2,750 dollars.", "វាចំណាយ ១ ៥០០ ដុល្លារ។", "វាចំណាយ ១ ៥០០ ដុល្លារ។", False),
    ("Page 5 of 5.", "Page 4 of 5.", "ទំព័រ ៥ នៃ ៥", "ទំព័រ ៥ នៃ ៥", False),
    ("In 2025 it rose.", "In 2026 it rose.", "ក្នុងឆ្នាំ ២៥៦៨ វាបានកើនឡើង", "ក្នុងឆ្នាំ ២៥៦៨ វាបានកើនឡើង", False),
]


@pytest.mark.parametrize(("old", "new", "target", "expected", "carried"), CASES)
def test_carry(old: str, new: str, target: str, expected: str, carried: bool) -> None:
    result = carry(old, new, target)
    assert result.target == expected
    assert bool(result.changes) is carried
    assert bool(result.unsure) is not carried


def test_same_numbers_change_nothing() -> None:
    result = carry("Turnout was 84 per cent.", "turnout was 84 per cent", "៨៤ ភាគរយ")
    assert (result.target, result.changes, result.unsure) == ("៨៤ ភាគរយ", (), "")
