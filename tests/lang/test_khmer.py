"""The Khmer rule set: normalization reported not applied, digits, invisibles, the comparison
key, containment on cluster and Latin word boundaries, the join rule for rendered sentences."""

from __future__ import annotations

import random

import pytest

from toolkit.lang import khmer

Z = "\u200b"
CONTAINS = [
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
    ("គម្រោង UNDP", "UN", False),
    ("ករណីកូវីដ-19", "កូវីដ-១៩", True),  # Khmer digits are digits
    ("ផ្លូវលេខ5", "ផ្លូវលេខ៥", True),
    ("ស្ដី", "ស្តី", True),  # compared normalized (coeng DA / coeng TA)
]


@pytest.mark.parametrize(("hay", "term", "found"), CONTAINS)
def test_contains_on_boundaries(hay: str, term: str, found: bool) -> None:
    assert khmer.contains(khmer.key(hay), khmer.key(term)) is found
    assert khmer.has_term(hay, [term]) is found


@pytest.mark.parametrize(("hay", "term", "found"), CONTAINS)
def test_renders_each_on_the_examples(hay: str, term: str, found: bool) -> None:
    assert khmer.renders_each(khmer.key(hay), [(khmer.key("ឆ្អឹង"), khmer.key(term)), None]) is found


def test_renders_each_agrees_with_contains() -> None:
    """renders_each (contains for many renderings of many concepts) says True exactly when
    contains finds one rendering of every concept (fuzzed, seeded: marks, coeng, Latin letters
    and digits on either side, a rendering met twice, empty renderings, concepts without any)."""
    rng = random.Random(62)
    alphabet = ["ក", "ខ", "ា", "ិ", "\u17d2", "\u17cb", "a", "B", "7", "é", " ", "-", "\u200c"]
    agreed = 0
    for _ in range(4000):
        hay = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        def rendering() -> str:
            return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3)))

        wanted = [None if rng.random() < 0.1 else tuple(rendering() for _ in range(rng.randint(0, 2)))
                  for _ in range(rng.randint(0, 3))]
        expected = all(keys is None or any(khmer.contains(hay, k) for k in keys) for keys in wanted)
        assert khmer.renders_each(hay, wanted) is expected, (hay, wanted)
        agreed += expected
    assert agreed > 500


def test_run_wise_normalize_equals_whole_text_normalize() -> None:
    """The cached run-by-run fast path gives exactly the whole-text normalization (fuzzed, seeded)."""
    rng = random.Random(61)
    alphabet = [chr(c) for c in range(0x1780, 0x17FA)] + [
        "\u200b", "\u200c", "\u200d", " ", "a", "\u0301", "1", ".", "\ufeff", "\u17d2\u178a", "e\u0301", "។"]
    for _ in range(4000):
        sample = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 16)))
        assert khmer.normalize(sample) == khmer.normalize_whole(sample), [hex(ord(c)) for c in sample]


def test_cluster_wise_run_analysis_equals_whole_run() -> None:
    """A Khmer run found clean cluster by cluster (cached) is clean as a whole, so the fast path
    gives pheasa's whole-run result: the same text and issues (fuzzed, seeded; real words too)."""
    rng = random.Random(62)
    alphabet = [chr(c) for c in range(0x1780, 0x17E0)] + ["\u200c", "\u200d", "\u17d2\u178a", "\u17d2\u1780"]
    words = ["ក្រសួង", "មហាផ្ទៃ", "នាយករដ្ឋមន្ត្រី", "ភ្នំពេញ", "ស្ត្រី", "ឯកសារ", "គោលនយោបាយ", "ព្រះមហាក្សត្រ", "ឲ្យ", "ឬ"]
    for _ in range(3000):
        run = "".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
        assert khmer._run_info(run) == khmer._piece_info(run), run
    for _ in range(6000):
        run = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24)))
        assert khmer._run_info(run) == khmer._piece_info(run), [hex(ord(c)) for c in run]


def test_normalization_is_reported_not_applied() -> None:
    misordered = "\u1780\u17bb\u17c6\u17c9"  # shifter typed after the vowel signs
    assert not khmer.is_normalized(misordered)
    changes = khmer.normalization_changes(misordered)
    assert changes and changes[0].start == 0
    assert khmer.is_normalized(khmer.normalize(misordered))


def test_digits_and_invisibles() -> None:
    assert khmer.to_ascii_digits("៨១.១") == "81.1"
    assert khmer.to_khmer_digits("2024") == "២០២៤"
    assert khmer.key("ហ៊ុន\u200bសែន  ") == khmer.key("ហ៊ុនសែន")
    assert khmer.key("១ ៥០០") == "1 500"  # a space between digits is kept
    assert khmer.odd_invisibles("ក\u200b\u200bខ") == [(1, "doubled zero-width space")]
    assert khmer.odd_invisibles("ក\u200bខ") == []


def test_odd_invisibles_fast_path_agrees_with_the_patterns() -> None:
    """The per-ZWSP shortcut says "nothing odd" exactly when none of the documented patterns
    matches (fuzzed, seeded, over the characters that matter: ZWSP, ZWNJ, BOM, white space)."""
    rng = random.Random(75)
    alphabet = ["\u200b", "\u200b", "\u200c", "\ufeff", " ", "\n", "\t", "\u00a0", "ក", "ា", "a"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        expected = [(m.start(), what) for pattern, what in khmer._ODD_INVISIBLE if (m := pattern.search(text))]
        assert khmer.odd_invisibles(text) == expected, repr(text)


def test_odd_invisible_texts_holds_every_text_with_a_finding() -> None:
    """The batch form (texts joined by NUL) names every text odd_invisibles finds something in;
    of the texts without a BOM, a ZWNJ or a NUL, exactly those (fuzzed, seeded: the same
    characters, texts at either end of the batch, empty ones, a NUL now and then)."""
    rng = random.Random(76)
    alphabet = ["\u200b", "\u200b", "\u200c", "\ufeff", " ", "\n", "\t", "\u00a0", "ក", "ា", "a"]
    told = 0
    for _ in range(1500):
        texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 7))) for _ in range(rng.randint(0, 6))]
        if rng.random() < 0.03 and texts:
            texts[0] += "\x00"
        found = khmer.odd_invisible_texts(texts)
        for i, text in enumerate(texts):
            if khmer.odd_invisibles(text):
                assert i in found, texts
                told += 1
            elif not any(c in text for c in "\ufeff\u200c") and "\x00" not in "".join(texts):
                assert i not in found, texts
    assert told > 1500



def _in_latin_word(text: str, index: int) -> bool:
    return 0 < index < len(text) and all(c in khmer._LATIN_ALNUM for c in text[index - 1 : index + 1])


@pytest.mark.parametrize("seed", range(4))
def test_on_boundaries_is_the_cluster_and_latin_word_rule(seed: int) -> None:
    """on_boundaries, fuzzed against its rule as documented: a cluster boundary
    (is_cluster_boundary) and not inside a Latin word, at each end of a non-empty span."""
    rng = random.Random(seed)
    alphabet = ["ក", "ខ", "\u17d2", "\u17b6", "\u17c6", "\u200b", "\u200c", "a", "Z", "7", "é", " ", ".", "-", "៣"]
    for _ in range(20_000):
        hay = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 7)))
        start = rng.randint(0, len(hay) - 1)
        end = rng.randint(start + 1, len(hay))
        rule = all(khmer.is_cluster_boundary(hay, i) and not _in_latin_word(hay, i) for i in (start, end))
        assert khmer.on_boundaries(hay, start, end) is rule, (hay, start, end)

@pytest.mark.parametrize(
    ("haystack", "needle", "expected"),
    [
        ("ក្រសួងមហាផ្ទៃ", "ក្រសួង", [0]),
        ("ក្រសួងមហាផ្ទៃ", "ក", []),  # the base of a cluster with a subscript
        ("ការងារ", "ការ", [0]),
        ("សេនា", "សេ", [0]),
        ("សេនា", "ស", []),  # followed by a vowel sign
        ("UNDP UN", "UN", [5]),  # not inside a Latin word
    ],
)
def test_find_on_boundaries(haystack: str, needle: str, expected: list[int]) -> None:
    assert khmer.find_on_boundaries(haystack, needle) == expected


@pytest.mark.parametrize(
    ("previous", "current", "gap"),
    [
        ("ក។", "ខ។", " "),      # one space after a sentence end
        ("ក", "ខ។", ""),        # none between Khmer sentences otherwise
        ("ក?»", "ខ", " "),      # closing quotes skipped
        ("Yes.", "ខ។", None),   # not Khmer on both sides: the caller keeps the source gap
    ],
)
def test_join_sentences(previous: str, current: str, gap: str | None) -> None:
    assert khmer.join_sentences(previous, current) == gap


def test_key_spacing_is_the_documented_rule() -> None:
    """The key's white space, fuzzed against the rule written plainly: white space runs become
    one space, then a space with a Khmer character on either side is dropped (fuzzed, seeded)."""
    import re

    khmer_side = re.compile(" (?:(?=[\u1780-\u17ff\u19e0-\u19ff])|(?<=[\u1780-\u17ff\u19e0-\u19ff] ))")
    rng = random.Random(63)
    alphabet = ["ក", "ា", "១", "5", "A", "bc", "ß", " ", "  ", "\n", "\u00a0", "\u200b", "។", "\x00", "-", "\u19e0"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        normal = khmer.normalize(text)
        spaced = " ".join(khmer.to_ascii_digits(khmer.strip_invisible(normal)).split())
        assert khmer.key(text) == khmer_side.sub("", spaced).casefold(), text


def test_squeezed_holds_every_key_occurrence() -> None:
    """squeezed is a sound prefilter: whenever key(text) holds k (Khmer letters and digits), so
    does squeezed(text) (fuzzed, seeded: letters, coeng DA/TA, vowels the folds rewrite, joiners,
    ZWSP, spaces, Khmer and Latin digits, Latin letters)."""
    import re

    every = "".join(map(chr, range(0x110000)))
    assert re.findall(r"\s", every) == [c for c in every if c.isspace()]  # the same white space as key's split()
    rng = random.Random(63)
    alphabet = ["ក", "ន", "រ", "យ", "ួ", "ដ", "ត", "ឋ", "្", "ា", "ី", "ើ", "េ", "ុ", "ំ", "់", "៌", "ិ",
                "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", " ", "\n", "\u00a0", "១", "5", "A", "b", "."]
    tested = 0
    for _ in range(6000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 20)))
        hay = khmer.key(text)
        if not hay:
            continue
        start = rng.randrange(len(hay))
        k = hay[start : rng.randint(start + 1, len(hay))]
        if not khmer.squeezable(k):
            assert not re.fullmatch("[\u1780-\u17df\u17f0-\u17ff0-9]+", k)
            continue
        tested += 1
        assert k in khmer.squeezed(text), ([hex(ord(c)) for c in text], k)
    assert tested > 3000


def test_a_khmer_only_key_is_found_alike_in_the_squeezed_form() -> None:
    """found_squeezed: for a key of Khmer characters alone, contains() in squeezed(text) is
    contains() in key(text), both ways (fuzzed, seeded: letters, coeng, marks, joiners, ZWSP,
    every kind of white space, Khmer and Latin digits, Latin letters whose folding differs,
    Khmer punctuation); keys with a Latin letter, digit or space are not claimed."""
    rng = random.Random(65)
    alphabet = ["ក", "ន", "រ", "យ", "ដ", "ត", "្", "ា", "ី", "េ", "ុ", "ំ", "់", "៍", "\u17d2\u178a", "។", "៖",
                "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", " ", "  ", "\n", "\u00a0", "១", "5", "A", "b",
                "ß", "İ", "Σ", "."]
    compared = found = 0
    for _ in range(6000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 18)))
        hay, squeezed = khmer.key(text), khmer.squeezed(text)
        if hay and rng.random() < 0.7:
            start = rng.randrange(len(hay))
            k = hay[start : rng.randint(start + 1, len(hay))]
        else:
            k = khmer.key("".join(rng.choice(alphabet[:15]) for _ in range(rng.randint(1, 4))))
        if not khmer.found_squeezed(k):
            assert not k or any(not khmer.is_khmer_char(c) for c in k)
            continue
        compared += 1
        expected = khmer.contains(hay, k)
        found += expected
        assert khmer.contains(squeezed, k) is expected, ([hex(ord(c)) for c in text], k)
    assert compared > 2500 and 300 < found < compared - 300  # both answers well represented


def test_keys_and_analysis_of_joined_texts_equal_those_of_each() -> None:
    """keys(texts), analysed(texts) and squeezed_of_normalized, computed over the texts joined,
    are key(), analyse() and squeezed() of each text (fuzzed, seeded: Khmer
    letters and marks, joiners, invisible characters, every kind of white space, Latin and Khmer
    digits, upper-case and Greek letters whose folding differs, combining marks, BOM, NUL)."""
    rng = random.Random(64)
    alphabet = ["ក", "ន", "រ", "្", "ា", "ើ", "េ", "ុ", "់", "\u17d2\u178a", "។", "\u200b", "\u200c", "\u200d",
                "\ufeff", "\u00ad", "\u2060", " ", "  ", "\n", "\t", "\u00a0", "\u2009", "១", "5", "A", "b",
                "Σ", "ς", "ß", "İ", "e\u0301", "\u0301", ".", "x", "\u17b6\u17b6", "\u17d2", "\u17c6\u17bb"]

    def text() -> str:
        found = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        return found + "\x00" if rng.random() < 0.03 else found

    for _ in range(600):
        texts = [text() for _ in range(rng.randint(0, 12))]
        assert khmer.keys(texts) == [khmer.key(t) for t in texts], texts
        assert khmer.analysed(texts) == [(khmer.normalize(t), khmer.analyse(t) == (t, ())) for t in texts], texts
        plain = [t for t in texts if "\x00" not in t]
        assert khmer.squeezed_of_normalized([khmer.normalize(t) for t in plain]) == [khmer.squeezed(t) for t in plain]
    many = [text() for _ in range(2000)]  # several batches of analysed(), some with an issue
    assert khmer.keys(many) == [khmer.key(t) for t in many]
    assert khmer.analysed(many) == [(khmer.normalize(t), khmer.analyse(t) == (t, ())) for t in many]


def test_analysed_from_known_clean_pieces_equals_analyse() -> None:
    """analysed() tells most texts clean by their pieces (remembered across calls): texts made
    of a few repeated words, some not normalized or invalid, some with a BOM, a foreign
    combining mark, a NUL, a piece not NFC or an odd space, give analyse()'s answers, from an
    empty memory and with it filled by earlier batches (fuzzed, seeded)."""
    rng = random.Random(65)
    good = ["ការ", "ងារ", "ប្រាក់", "ដុល្លារ។", "ឆ្នាំ២០០៨", "ABC", "១,៥០០", "ក\u200cា"]
    bad = ["ក្", "ាក", "ក\u17bb\u17c6", "ក\ufeffា", "ka\u0301", "e\u0301", "ក\u200d", "\u17b6\u17b6", "\x00", "\u2000"]
    gaps = [" ", "\u200b", "\n", "  ", "\u00a0", ""]
    khmer._CLEAN_PIECES.clear()
    told = 0
    for _ in range(300):
        texts = [rng.choice(["\ufeff"] + [""] * 30) + "".join(
            rng.choice(bad if rng.random() < 0.03 else good) + rng.choice(gaps) for _ in range(rng.randint(0, 6)))
            for _ in range(rng.randint(0, 30))]
        got = khmer.analysed(texts)
        assert got == [(khmer.normalize(t), khmer.analyse(t) == (t, ())) for t in texts], texts
        told += sum(clean for _, clean in got)
    assert told > 2000
