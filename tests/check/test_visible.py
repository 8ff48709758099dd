"""What the text checks compare: Env.visible_all for a batch is visible() of each entry, and
markup.all_plain (its shortcut) says "plain" only where entry_kind says "" for every entry."""

from __future__ import annotations

import random

from toolkit import markup
from toolkit.catalog.reader import Entry
from toolkit.checks.context import Env, visible

_MSGIDS = ["Roads were built.", "Click <g1>here</g1>.", "a < b", "Line<x1/>break", "**Bold** news", ""]
_REFERENCES = ["news/a.txt:3", "docs/a.md:4", "README.MD:1", "x.markdown", "notes.M", "main.c:12", "a.mo:1", "b.html"]


def _entries(rng: random.Random, count: int) -> list[Entry]:
    return [Entry(line=i + 1, msgid=rng.choice(_MSGIDS), msgstr="ផ្លូវ។",
                  references=tuple(rng.sample(_REFERENCES, rng.randint(0, 2)))) for i in range(count)]


def test_all_plain_only_where_every_entry_kind_is_plain() -> None:
    rng = random.Random(41)
    plain_batches = 0
    for _ in range(2000):
        entries = _entries(rng, rng.randint(0, 4))
        kinds = [markup.entry_kind(e.msgid, e.references) for e in entries]
        if markup.all_plain([e.msgid for e in entries], [e.references for e in entries]):
            plain_batches += 1
            assert kinds == [""] * len(entries), entries
    assert plain_batches > 50


def test_visible_all_is_visible_of_each_entry() -> None:
    rng = random.Random(42)
    env = Env()
    for _ in range(300):
        entries = _entries(rng, rng.randint(0, 5))
        assert env.visible_all(entries) == [visible(e) for e in entries]
