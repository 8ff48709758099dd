"""Number policy: Khmer digits, separators, decimal marks, scales, years, ordinals."""

from __future__ import annotations

import pytest

from toolkit.checks.numbers import source_numbers, target_values, word_values

CASES = [
    # (source, translation, every source number present)
    ("In 2024 ASEAN met.", "នៅឆ្នាំ\u200b២០២៤ អាស៊ានបានជួបគ្នា។", True),
    ("grew 81.1 percent", "កើន ៨១.១ ភាគរយ", True),
    ("grew 81.1 percent", "កើន ៨១,១ ភាគរយ", True),  # Khmer decimal comma
    ("grew 81.1 percent", "កើន ៨១.៧ ភាគរយ", False),
    ("grew 81.1 percent", "កើន ៨១១ ភាគរយ", False),
    ("1,500 people", "មនុស្ស ១៥០០ នាក់", True),
    ("1,500 people", "មនុស្ស ១,៥០០ នាក់", True),
    ("1,500 people", "មនុស្ស ១.៥០០ នាក់", True),  # Khmer thousands dot
    ("1,500 people", "មនុស្ស ១ ៥០០ នាក់", True),
    ("1,500 people", "មនុស្ស ១\u202f៥០០ នាក់", True),
    ("1,500 people", "មនុស្ស ១,៥ នាក់", False),
    ("1.5 kg", "១,៥ គីឡូ", True),
    ("1.5 kg", "១៥ គីឡូ", False),
    ("2,500,000.75 dollars", "២.៥០០.០០០,៧៥ ដុល្លារ", True),
    ("2,500,000.75 dollars", "២,៥០០,០០០.៧៥ ដុល្លារ", True),
    ("1,234.5", "១ ២៣៤,៥", True),
    ("1.5 million dollars", "១,៥ លានដុល្លារ", True),
    ("1.5 million dollars", "១ ៥០០ ០០០ ដុល្លារ", True),
    ("1.5 million dollars", "១,៥ ពាន់លានដុល្លារ", False),  # became billion
    ("50 thousand", "៥ ម៉ឺន", True),
    ("a $1.2bn loan", "ប្រាក់កម្ចី ១,២ ពាន់លានដុល្លារ", True),
    ("a $1.2bn loan", "ប្រាក់កម្ចី ១,២ លានដុល្លារ", False),
    ("a $3.4m grant", "ជំនួយ ៣,៤ លានដុល្លារ", True),  # "m" is not read as a scale; the bare number is there
    ("the 2024-25 budget", "ថវិកាឆ្នាំ ២០២៤-២០២៥", True),
    ("the 2024-25 budget", "ថវិកាឆ្នាំ ២០២៤-២០២៦", False),
    ("on 25 November 2024", "ថ្ងៃទី២៥ ខែវិច្ឆិកា ឆ្នាំ២៥៦៨", True),  # Buddhist Era year
    ("on 25 November 2024", "ថ្ងៃទី២៥ ខែវិច្ឆិកា ឆ្នាំ២០២៣", False),
    ("the 21st meeting", "លើកទី២១", True),
    ("the 21st meeting", "លើកទី១២", False),
    ("3 ministries", "ក្រសួងបី", True),  # small number words
    ("7 days", "ប្រាំពីរថ្ងៃ", True),
    ("5 days", "ប្រាំពីរថ្ងៃ", False),  # ប្រាំ inside ប្រាំពីរ is not five
    ("In 2024 150 people", "ឆ្នាំ ២០២៤ មនុស្ស ១៥០ នាក់", True),
    ("COVID-19", "កូវីដ-១៩", True),
    ("call 023 123 456", "ទូរស័ព្ទ ០២៣ ១២៣ ៤៥៦", True),
    ("at 9:30", "ម៉ោង ៩:៣០", True),
    ("%1$s won", "%1$s បានឈ្នះ", True),  # digits of placeholders are not numbers
]


@pytest.mark.parametrize("source,translation,ok", CASES)
def test_numbers(source, translation, ok):
    have = target_values(translation) | word_values(translation)
    assert all(values & have for _, values in source_numbers(source)) is ok


def test_no_numbers_in_placeholders_or_words():
    assert source_numbers("%1$s and {0} met") == ()
