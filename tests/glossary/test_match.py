"""Term recognition, driven by data/recognition.txt: `{text|concept}` marks each expected span."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from toolkit.glossary.match import is_acronym, normalise, plural

CASES = Path(__file__).parent / "data" / "recognition.txt"
_MARK = re.compile(r"\{([^{}|]+)\|([a-z0-9-]+)\}")


def _cases() -> list[tuple[str, str, list[tuple[int, int, str, str]]]]:
    cases = []
    for number, raw in enumerate(CASES.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        marked = raw.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t")
        marked = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), marked)
        text, spans, pos = [], [], 0
        cursor = 0
        for m in _MARK.finditer(marked):
            text.append(marked[pos : m.start()])
            cursor += m.start() - pos
            spans.append((cursor, cursor + len(m.group(1)), m.group(1), m.group(2)))
            text.append(m.group(1))
            cursor += len(m.group(1))
            pos = m.end()
        text.append(marked[pos:])
        cases.append((f"line {number}", "".join(text), spans))
    return cases


@pytest.mark.parametrize("label,text,expected", _cases(), ids=[c[0] for c in _cases()])
def test_recognition(fixture_glossary, label: str, text: str, expected) -> None:
    found = [(m.start, m.end, m.text, m.concept) for m in fixture_glossary.find(text)]
    assert found == expected
    for m in fixture_glossary.find(text):
        assert text[m.start : m.end] == m.text  # offsets are into the original text


def test_cases_file_has_many_cases() -> None:
    assert len(_cases()) >= 15


def test_match_carries_term_and_targets(fixture_glossary) -> None:
    (m,) = fixture_glossary.find("He met the Interior Ministry.")
    assert m.concept == "ministry-of-interior"
    assert m.term == "Interior Ministry"
    assert m.targets == {"km": ["ក្រសួងមហាផ្ទៃ"]}


def test_deprecated_targets_are_excluded_and_dnt_renders_as_itself(fixture_glossary) -> None:
    (asean,) = fixture_glossary.find("ASEAN")
    assert asean.targets == {"km": ["អាស៊ាន"]}
    assert fixture_glossary.forbidden("asean", "km") == ["អាស៊ានៗ"]
    (samdech,) = fixture_glossary.find("Samdech")
    assert samdech.targets == {"km": ["Samdech"]}


def test_targets_are_independent_copies(fixture_glossary) -> None:
    first = fixture_glossary.find("Senate")[0]
    first.targets["km"].append("changed")
    assert fixture_glossary.find("Senate")[0].targets == {"km": ["ព្រឹទ្ធសភា"]}


def test_offsets_after_collapsed_whitespace(fixture_glossary) -> None:
    text = "A  \r\n  line.\n\n\nThen the   CPP and  Hun \n Sen."
    found = fixture_glossary.find(text)
    assert [text[m.start : m.end] for m in found] == ["CPP", "Hun \n Sen"]


def test_normalise_is_linear_and_one_for_one_outside_whitespace_runs() -> None:
    norm = normalise("Hun Sen’s CPP-aligned")
    assert norm.low == " hun sen s cpp aligned "
    assert norm.pieces == ()


def test_ascii_fast_path_maps_as_the_general_one() -> None:
    """ASCII text goes through a byte table: it must turn the same characters into spaces."""
    ascii_text = "".join(map(chr, range(128)))
    mixed = ascii_text + "\u00e9"  # one non-ASCII character: the general path
    assert normalise(ascii_text).cased == normalise(mixed).cased[:-2] + " "


def test_helpers() -> None:
    assert is_acronym("CPP") and is_acronym("H.E.") and not is_acronym("Samdech")
    assert plural("policy") == "policies" and plural("province") == "provinces"
    assert plural("day") == "days" and plural("tax") == "taxes" and plural("affairs") is None


def test_empty_inputs(fixture_glossary) -> None:
    from toolkit.glossary import Glossary

    assert fixture_glossary.find("") == []
    assert Glossary([]).find("Hun Sen") == []


def test_homograph_prefers_curated_then_preferred(tmp_path: Path) -> None:
    from toolkit.glossary import load_glossary

    path = tmp_path / "g.yaml"
    path.write_text(
        "domain: general\nconcepts:\n"
        "  - {id: a, source: t, note: first, en: [{term: Kandal, status: admitted}], km: [ក]}\n"
        "  - {id: b, source: t, note: second, en: [Kandal], km: [ខ]}\n",
        encoding="utf-8",
    )
    (m,) = load_glossary([path]).find("Kandal")
    assert m.concept == "b"  # a preferred term beats an admitted one


def test_chunked_find_equals_find(fixture_glossary) -> None:
    """`glossary find` reads large texts chunk by chunk (cut at blank lines): same matches."""
    text = "\n\n".join(text for _, text, _ in _cases())
    whole = [m.to_json() for m in fixture_glossary.find(text)]
    assert whole
    for chunk in (1, 40, 1 << 20):
        assert [m.to_json() for m in fixture_glossary.iter_find(text, chunk=chunk)] == whole


def _no_match_cases(glossary) -> list[str]:
    """Texts near the terms: the recognition cases, and term words mixed with punctuation,
    case changes, NUL-free separators and non-ASCII (fuzzed, seeded)."""
    import random

    texts = [text for _, text, _ in _cases()]
    words = sorted({w for c in glossary.concepts for t in c.terms if t.lang == "en" for w in t.text.split()})
    glue = [" ", " ", " ", "-", "'", "’", ", ", ".", " (", ") ", "\n", "  ", "\u00ad", "é", "/", "the "]
    rng = random.Random(64)
    for _ in range(3000):
        parts = []
        for _ in range(rng.randint(1, 6)):
            word = rng.choice(words)
            parts.append(rng.choice([word, word.lower(), word.upper(), word[:-1], word + "s"]))
            parts.append(rng.choice(glue))
        texts.append("".join(parts[: rng.randint(1, len(parts))]))
    return texts


def test_spans_of_many_texts_equal_spans_of_each(fixture_glossary) -> None:
    """Matcher.spans_of (plain texts normalised a few hundred at a time) gives each text the
    spans spans() gives it: on the fuzzed texts near the terms (with Greek final sigma and a
    U+0130 among them, which lower-case by context or to two characters), and on every msgid of
    the real catalogs with the shipped glossary."""
    from toolkit.catalog.reader import read_po
    from toolkit.glossary import load_glossary

    texts = _no_match_cases(fixture_glossary) + ["ΟΔΟΣ Kandal", "İstanbul Kandal", "", " ", "a\x00b"]
    matcher = fixture_glossary.matcher()
    many = matcher.spans_of(texts)
    assert set(many) == set(texts)
    assert sum(1 for t in texts if many[t]) > 500
    assert all(many[t] == matcher.spans(t) for t in texts)
    root = Path(__file__).resolve().parents[2]
    texts = [s for p in sorted((root / "benchmarks/data/real-km").glob("*.po")) + sorted(
        (root / "tests/catalog/data/real").glob("*.po")) for e in read_po(p).entries for s, _ in e.pairs]
    matcher = load_glossary(None).matcher()
    many = matcher.spans_of(texts)
    assert sum(1 for t in many.values() if t) > 10
    assert all(many[t] == matcher.spans(t) for t in texts)


def test_plain_test_equals_its_definition() -> None:
    """match._plain's shortcut for printable text (every white space but the space, and every
    dropped character, is non-printable) gives the definition's answer: single spaces between
    words, nothing dropped."""
    import random
    import sys

    from toolkit.glossary import match

    odd = [c for c in map(chr, range(sys.maxunicode + 1)) if c != " " and (c.isspace() or c in match._DROPPED)]
    assert odd and not any(c.isprintable() for c in odd)
    pool = ["a", "B", "é", "ក", " ", " ", "\x00", "-", ".", *odd]
    rng = random.Random(11)
    texts = ["", " ", "a", "a b", " a", "a ", "a  b"] + [
        "".join(rng.choice(pool) for _ in range(rng.randint(1, 8))) for _ in range(20000)]
    for text in texts:
        defined = all(c not in match._DROPPED for c in text) and " ".join(text.split()) == text
        assert match._plain(text) == defined, repr(text)


def test_spans_of_joined_scan_in_small_batches(fixture_glossary, monkeypatch) -> None:
    """Matcher.spans_of scans texts joined: each text's spans are those spans() gives it, whatever
    the batch it falls in (small batches put every kind of text next to every other)."""
    import random

    from toolkit.glossary import match

    texts = _no_match_cases(fixture_glossary)[:1500]
    random.Random(5).shuffle(texts)
    matcher = fixture_glossary.matcher()
    for size in (1, 2, 7, 64):
        monkeypatch.setattr(match, "_BATCH", size)
        many = matcher.spans_of(texts)
        assert all(many[t] == matcher.spans(t) for t in texts)
