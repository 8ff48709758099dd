"""Term search on Khmer cluster boundaries and Latin word boundaries, over comparison keys."""

from __future__ import annotations

import pytest

from toolkit.checks.text import contains, key

Z = "\u200b"
CASES = [
    # (haystack, term, found)
    ("លោក សុខ បាននិយាយ", "សុខ", True),
    ("លោក សុខា បាននិយាយ", "សុខ", False),  # short name inside a longer one: vowel sign follows
    ("ក្រសួងសុខាភិបាល", "សុខ", False),  # inside a longer word
    ("ក្រុង", "ក", False),  # consonant that is the base of a cluster with a subscript
    ("ក្រសួង" + Z + "សុខាភិបាល", "ក្រសួងសុខាភិបាល", True),  # ZWSP is not content
    ("ក្រសួង សុខាភិបាល", "ក្រសួងសុខាភិបាល", True),  # nor are spaces between Khmer words
    ("ក្រសួងសុខាភិបាល", "ក្រសួង សុខាភិបាល", True),
    ("កិច្ចប្រជុំ WHO នៅ", "who", True),  # Latin case folded
    ("UNESCO បាន", "UN", False),  # Latin word boundary
    ("ករណីកូវីដ-19", "កូវីដ-១៩", True),  # Khmer digits are digits
    ("ស្ដី", "ស្តី", True),  # compared normalized (coeng DA / coeng TA)
]


@pytest.mark.parametrize("hay,term,found", CASES)
def test_contains_on_boundaries(hay, term, found):
    assert contains(key(hay), key(term)) is found


def test_run_wise_normalize_equals_whole_text_normalize():
    """The fast path of the checks gives exactly toolkit.khmer.normalize (fuzzed, seeded)."""
    import random

    from toolkit import khmer
    from toolkit.checks.text import normalize

    rng = random.Random(61)
    alphabet = [chr(c) for c in range(0x1780, 0x17FA)] + [
        "\u200b", "\u200c", "\u200d", " ", "a", "\u0301", "1", ".", "\ufeff", "\u17d2\u178a", "e\u0301", "។"]
    for _ in range(4000):
        sample = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 16)))
        assert normalize(sample) == khmer.normalize(sample), [hex(ord(c)) for c in sample]
