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


def _told_as_each(pairs: list[tuple[str, str]]) -> int:
    """Assert that without_findings tells exactly the pairs the entry-by-entry fast paths find
    nothing in (a pair with a NUL is never batched), and that those give no finding; the number
    told."""
    from toolkit.checks.numbers import extra_numbers, missing_numbers, without_findings

    fine = without_findings(pairs)
    for source, translation in pairs:
        batchable = "\x00" not in source + translation
        assert ((source, translation) in fine) == (batchable and _fast_path_says_nothing(source, translation)), \
            (source, translation)
        if (source, translation) in fine:
            assert not list(missing_numbers(source, translation))
            assert not list(extra_numbers(source, translation))
    return sum(1 for p in pairs if p in fine)


def _fast_path_says_nothing(source: str, translation: str) -> bool:
    """The entry-by-entry fast paths of missing_numbers and extra_numbers, as they decide."""
    from toolkit.checks import numbers as n

    clean = n._clean(translation)
    same = n._same_tokens(source, clean)
    missing_done = n._DIGIT_RE.search(source) is None or bool(same and n._all_written_alike(source, same))
    extra_done = n._DIGIT_RE.search(translation) is None or n._alike(n._tokens(clean), n._written(source))
    return missing_done and extra_done


def test_numbers_told_for_a_catalog_at_once_equal_the_entry_by_entry_answers() -> None:
    """without_findings (joined texts, one regex pass each) names exactly the pairs the fast
    paths of missing_numbers and extra_numbers settle, and those yield nothing (fuzzed, seeded:
    Khmer and Latin digits, separators, spaces of each kind, scale words in both languages,
    invisible characters, upper case, placeholders (read without them, digits and all) and NUL,
    which is left to the functions)."""
    import random


    rng = random.Random(66)
    src_bits = ["1", "2", "5", "0", "12", "1,500", "2.5", "81.1", "2024", "2024-25", "3rd", " ", " ", "a ", "x",
                "MILLION", " million", " bn", " thousand", ".", ",", "%d", "{0}", "\x00", "İ", "Σ", "two", "\u200b",
                "%1$s", "{1}", "%(n)d", "%", "{million}", "%(bn)s"]
    tr_bits = ["១", "២", "៥", "០", "១២", "១,៥០០", "១.៥០០", "១ ៥០០", "២,៥", "៨១.១", "២០២៤", "២៥៦៧", "1", "5",
               " ", "\u00a0", "\u202f", "ក", "លាន", "ពាន់", "MILLION", "\u200b", "\ufeff", ".", ",", "%d", "{0}",
               "\x00", "ពីរ", "İ"]
    told = 0
    for _ in range(200):
        pairs = [("".join(rng.choice(src_bits) for _ in range(rng.randint(0, 6))),
                  "".join(rng.choice(tr_bits) for _ in range(rng.randint(0, 6)))) for _ in range(rng.randint(1, 20))]
        told += _told_as_each(pairs)
    assert told > 100


def test_the_numbers_batch_runs_where_numbers_are_common() -> None:
    """Env.prepare tells the numbers at once only where at least half of the first pairs hold a
    digit (news); elsewhere the check's own "no digit" test is cheaper. Verdicts are the same."""
    from toolkit.checks.numbers import mostly_numbered

    assert mostly_numbered([("Met on 3 May", "៣ ឧសភា"), ("Save", "រក្សាទុក")])
    assert not mostly_numbered([("Open", "បើក"), ("Save", "រក្សាទុក"), ("Page 2", "ទំព័រ ២")])
    assert not mostly_numbered([])


def test_numbers_of_translations_written_like_their_sources_told_at_once_as_each() -> None:
    """without_findings decides a translation holding its source's tokens (as written, with .
    and , swapped, in Khmer digits) by comparing the joined tokens: fuzzed, seeded pairs made
    so (and near misses: one mark swapped, a token dropped, reordered or spaced, scale words,
    invisible characters, placeholders, İ whose lower case is longer, Latin letters that spell a
    scale word only without the Khmer between them) give the answers of the
    entry-by-entry fast paths, in batches where most pairs are told by that comparison."""
    import random

    from toolkit.lang.khmer import to_khmer_digits

    rng = random.Random(67)
    numbers = ["1", "12", "2024", "1,500", "2.5", "81.1", "1,234.5", "1.500", "3,4", "007", "25-11"]
    words = ["The", "met", "on", "and", "MILLION", "bn", "İ", "x", "%d", "{0}", "thousand", "%1$s", "{2}", "{million}"]
    km_words = ["ក", "ប្រាក់", "លាន", "ពាន់", "\u200b", "\ufeff", "MILLION", "%d", "İ", "mil", "lion", "b", "n",
                "%1$s", "{2}"]
    told = 0
    for _ in range(150):
        pairs = []
        for _ in range(rng.randint(1, 40)):
            tokens = [rng.choice(numbers) for _ in range(rng.randint(0, 4))]
            source = " ".join(rng.choice(words) + " " + t for t in tokens) + rng.choice(["", " .", " bn"])
            swap = rng.random() < 0.5
            shown = [t.translate(str.maketrans(".,", ",.")) if swap or rng.random() < 0.05 else t for t in tokens]
            if shown and rng.random() < 0.1:
                shown.pop(rng.randrange(len(shown)))
            if rng.random() < 0.1:
                rng.shuffle(shown)
            if shown and rng.random() < 0.05:
                shown[0] = shown[0][:1] + " " + shown[0][1:]
            shown = [to_khmer_digits(t) if rng.random() < 0.8 else t for t in shown]
            translation = "".join(rng.choice(km_words) if rng.random() < 0.2 else "ក " + t + " "
                                  for t in shown + [""] * rng.randint(0, 2))
            pairs.append((source, translation))
        pairs.append(rng.choice([("5 x", "៥ milកlion"), ("5 x", "ក bកn ៥"), ("5 x", "៥ mil\u200blion")]))
        told += _told_as_each(pairs)
    assert told > 600


def test_number_token_patterns_are_their_plain_forms() -> None:
    """The number tokens (source, translation, and with the NULs of joined texts) are those of
    the patterns written plainly: a digit, then digits or groups after a mark (or, in a
    translation, after one space of four kinds) (fuzzed, seeded)."""
    import random
    import re

    from toolkit.checks import numbers as n

    source = re.compile(r"[0-9](?:[.,][0-9]+|[0-9])*")
    translation = re.compile(r"[0-9](?:[.,][0-9]+|[ \u00a0\u202f\u2009]?[0-9]+)*")
    rng = random.Random(68)
    alphabet = ["0", "1", "5", "9", ".", ",", " ", "  ", "\u00a0", "\u202f", "\u2009", "\u2008", "a", "ក", "\x00", "-"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert n._SOURCE_RE.findall(text) == source.findall(text), text
        assert n._KM_TOKEN_RE.findall(text) == translation.findall(text), text
        assert n._SOURCE_OR_NUL_RE.findall(text) == re.findall(f"\x00|{source.pattern}", text), text
        assert n._KM_TOKEN_OR_NUL_RE.findall(text) == re.findall(f"\x00|{translation.pattern}", text), text
