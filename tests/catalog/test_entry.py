"""The reader's Entry: immutable, compared and hashed by its fields, the same however it is
made (read from a file, built with ``Entry(...)``, sent to a worker process by pickle)."""

from __future__ import annotations

import pickle

import pytest

from toolkit.catalog.reader import Entry, parse_po

_PO = '''msgid ""
msgstr "Language: km\\n"

#. extracted
#: a.txt:1 b.txt:2
#, fuzzy, c-format
#| msgid "old"
msgctxt "ctx"
msgid "One %d"
msgid_plural "Many %d"
msgstr[0] "ខ %d"

# translator
msgid "Plain"
msgstr "ធម្មតា"

msgid "Two forms"
msgid_plural "Two forms, many"
msgstr[0] "a"
msgstr[1] "b"
'''


def _fields(entry: Entry) -> dict[str, object]:
    names = ("line", "msgid", "msgstr", "msgctxt", "msgid_plural", "msgstr_plural", "flags", "obsolete",
             "flag_list", "tcomment", "comment", "references", "previous_msgctxt", "previous_msgid",
             "previous_msgid_plural", "start")
    return {name: getattr(entry, name) for name in names}


@pytest.mark.parametrize("index", [0, 1, 2])
def test_an_entry_read_equals_the_one_built_from_its_fields(index: int) -> None:
    read = parse_po(_PO).entries[index]
    built = Entry(**_fields(read))  # type: ignore[arg-type]
    assert built == read and hash(built) == hash(read) and built.pairs == read.pairs
    assert type(built) is Entry and type(read) is Entry
    assert pickle.loads(pickle.dumps(read, pickle.HIGHEST_PROTOCOL)) == read
    assert repr(built) == repr(read)


def test_pairs_follow_the_plural_forms() -> None:
    one_form, plain, two_forms = parse_po(_PO).entries
    assert one_form.pairs == (("Many %d", "ខ %d"),)  # one form (Khmer): with msgid_plural
    assert plain.pairs == (("Plain", "ធម្មតា"),)
    assert two_forms.pairs == (("Two forms", "a"), ("Two forms, many", "b"))
    assert Entry(1, "x", "y").pairs == (("x", "y"),)


def test_entries_differ_by_any_field_and_refuse_changes() -> None:
    entry = parse_po(_PO).entries[1]
    assert entry != Entry(**{**_fields(entry), "start": entry.start + 1})  # type: ignore[arg-type]
    assert entry != Entry(**{**_fields(entry), "tcomment": ""})  # type: ignore[arg-type]
    assert entry != ("Plain", "ធម្មតា")
    with pytest.raises(AttributeError):
        entry.msgstr = "changed"
    with pytest.raises(AttributeError):
        del entry.msgid
    assert entry.msgstr == "ធម្មតា" and len({entry, parse_po(_PO).entries[1]}) == 1
