"""Placeholder syntaxes chosen by PO flags, and sentence-final punctuation equivalences."""

from __future__ import annotations

import pytest

from toolkit.catalog.reader import Entry
from toolkit.checks.builtin.placeholders import placeholders
from toolkit.checks.builtin.punctuation import punctuation
from toolkit.checks.context import Env

PLACEHOLDERS = [
    # (msgid, msgstr, flags, finding expected)
    ("%d files", "ឯកសារ %d", ("c-format",), False),
    ("%d files", "ឯកសារ %s", ("c-format",), True),
    ("%s met %d people", "%2$d នាក់បានជួប %1$s", ("c-format",), False),
    ("%s met %d people", "%2$s នាក់បានជួប %1$d", ("c-format",), True),
    ("%i items", "ធាតុ %d", ("c-format",), False),  # %i and %d are the same conversion
    ("100%% sure of %s", "ប្រាកដ ១០០%% ពី %s", ("c-format",), False),
    ("%d files", "ឯកសារ %s", ("no-c-format",), False),  # flag says: not a format string
    ("%(n)s of %(total)s", "%(total)s ក្នុង %(n)s", ("python-format",), False),
    ("%(n)s of %(total)s", "%(n)s ក្នុង %(all)s", ("python-format",), True),
    ("{0} of {1}", "{1} ក្នុង {0}", ("python-brace-format",), False),
    ("{} of {}", "{} ក្នុង {}", ("python-brace-format",), False),
    ("{name:>4}", "{name}", ("python-brace-format",), True),
    ("{{literal}} {x}", "{{literal}} {x}", ("python-brace-format",), False),
    ("{x}", "{y}", ("no-python-brace-format",), False),
    ("50% of voters", "អ្នកបោះឆ្នោត ៥០%", (), False),  # no flag: a percent sign is text
    ("Hello %s", "សួស្តី", (), True),  # no flag: unambiguous %s still compared
    ("Hello {name}", "សួស្តី {name}", (), False),
]


@pytest.mark.parametrize("msgid,msgstr,flags,found", PLACEHOLDERS)
def test_placeholders(msgid, msgstr, flags, found):
    entry = Entry(1, msgid, msgstr, flags=frozenset(flags))
    assert bool(list(placeholders([entry], Env()))) is found


PUNCTUATION = [
    ("It rained.", "ភ្លៀងបានធ្លាក់។", False),
    ("It rained.", "ភ្លៀងបានធ្លាក់៕", False),
    ("It rained.", "ភ្លៀងបានធ្លាក់។\u200b", False),
    ("It rained.", "ភ្លៀងបានធ្លាក់ ។ ", False),
    ("It rained.", "ភ្លៀងបានធ្លាក់", True),
    ("It rained.", "ភ្លៀងបានធ្លាក់?", True),
    ("Did it rain?", "តើភ្លៀងធ្លាក់ទេ?", False),
    ("Run!", "រត់!", False),
    ("Note:", "កំណត់ចំណាំ៖", False),
    ("Note:", "កំណត់ចំណាំ:", False),
    ("He said \"yes.\"", "គាត់បាននិយាយថា «បាទ»។", False),
    ("He said \u201cyes.\u201d", "គាត់បាននិយាយថា «បាទ។»", False),
    ("(See page 5.)", "(សូមមើលទំព័រ ៥។)", False),
    ("Roads, bridges, etc.", "ផ្លូវ ស្ពាន ។ល។", False),
    ("They live in the U.S.", "ពួកគេរស់នៅសហរដ្ឋអាមេរិក", False),
    ("To be continued...", "នៅមានត…", False),
    ("Headline without a stop", "ចំណងជើងគ្មានសញ្ញា", False),
    ("Headline without a stop", "ចំណងជើងគ្មានសញ្ញា។", True),
]


@pytest.mark.parametrize("msgid,msgstr,found", PUNCTUATION)
def test_punctuation(msgid, msgstr, found):
    assert bool(list(punctuation([Entry(1, msgid, msgstr)], Env()))) is found


def test_same_placeholders_as_written_are_the_same_placeholders() -> None:
    """placeholder_problem's fast path (every syntax's placeholders written the same, in the same
    order) never hides a difference the full comparison would see (fuzzed, seeded, every flag set)."""
    import random

    from toolkit.checks.placeholders import _syntaxes, placeholders_of

    rng = random.Random(67)
    tokens = ["%s", "%d", "%1$s", "%2$d", "%(name)s", "%.*s", "%5.2f", "%%", "%m", "%Id", "{0}", "{}", "{{", "}}",
              "{name}", "{0:>4}", "%1", "%L1", "%10", "50% ", "a", " ", "x%", "{", "}", "$", "1"]
    flag_sets = [frozenset(), frozenset({"c-format"}), frozenset({"python-format"}),
                 frozenset({"python-brace-format"}), frozenset({"qt-format"}), frozenset({"no-c-format"}),
                 frozenset({"c-format", "python-brace-format"})]
    agreed = 0
    for _ in range(20000):
        source = "".join(rng.choice(tokens) for _ in range(rng.randint(0, 6)))
        translation = "".join(rng.choice(tokens) for _ in range(rng.randint(0, 6)))
        if rng.random() < 0.5:  # the same tokens around other words, or one token changed
            words = [t if rng.random() < 0.9 else rng.choice(tokens) for t in source.split("a")]
            translation = "b".join(words)
        flags = rng.choice(flag_sets)
        if all([m.group() for m in p.finditer(source)] == [m.group() for m in p.finditer(translation)]
               for _kind, p in _syntaxes(flags)):
            agreed += 1
            assert placeholders_of(source, flags) == placeholders_of(translation, flags), (source, translation, flags)
    assert agreed > 5000


def test_bracketed_final_mark_told_from_the_end_equals_the_regex() -> None:
    """_bracketed_mark (told from the text's end) answers as _BRACKETED_MARK_RE.search (fuzzed,
    seeded: brackets, marks, every kind of trailing white space and ZWSP, letters between)."""
    import random

    from toolkit.checks.builtin.punctuation import _BRACKETED_MARK_RE, _bracketed_mark

    rng = random.Random(67)
    alphabet = ["(", "[", "{", ")", "]", "}", ".", "?", "!", ":", ";", "…", "។", "៕", "៖", " ", "\n", "\t",
                "\u00a0", "\u2009", "\u3000", "\u200b", "\u200c", "a", "ក", "\x85", "\x1c"]
    hits = 0
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9)))
        expected = _BRACKETED_MARK_RE.search(text) is not None
        hits += expected
        assert _bracketed_mark(text) is expected, [hex(ord(c)) for c in text]
    assert hits > 50


def test_full_stops_told_for_a_batch_are_pairs_without_a_problem() -> None:
    """A pair _full_stops passes (the batch's shortcut) is one _problem finds nothing in; and the
    usual pair, an English sentence and a Khmer one ending in ។, is passed (fuzzed, seeded)."""
    import random

    from toolkit.checks.builtin.punctuation import _full_stops, _problem

    rng = random.Random(68)
    alphabet = [".", ".", "។", "។", "៕", "?", "!", "a", "ក", "ា", " ", "\u200b", ")", "”", "(", ":", "U", "…"]
    pairs = [("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))),
              "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))) for _ in range(30000)]
    passed = [pair for pair, ok in zip(pairs, _full_stops(pairs)) if ok]
    assert len(passed) > 50
    assert [pair for pair in passed if _problem(*pair) is not None] == []
    assert _full_stops([("The council met.", "ក្រុមប្រឹក្សាបានប្រជុំ។"), ("Etc..", "។"), ("ក.", "ក។"),
                        ("Met.", "ប្រជុំ។។")]) == [True, False, False, False]
