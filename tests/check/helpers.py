"""Shared helpers of the `toolkit check` tests: data paths and `# expect:` annotations."""

from __future__ import annotations

import re
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
GLOSSARY = DATA / "glossary" / "test.yaml"
SEEDED = DATA / "seeded"
CLEAN = DATA / "clean"
HELD_OUT = DATA / "held-out"

_EXPECT_RE = re.compile(r"^# expect: (.+)$")
_MSGID_RE = re.compile(r"^(?:#~ )?msgid ")


def expectations(root: Path) -> set[tuple[str, int, str]]:
    """(path, line, check) for every ``# expect: id, ...`` comment: the line is that of the next
    ``msgid`` keyword, found here by plain line scanning (independently of the PO reader)."""
    found: set[tuple[str, int, str]] = set()
    for path in sorted(root.rglob("*.po")):
        pending: list[str] = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = _EXPECT_RE.match(line)
            if m:
                pending = [c.strip() for c in m.group(1).split(",")]
            elif _MSGID_RE.match(line) and pending:
                found.update((str(path), number, c) for c in pending)
                pending = []
    return found


def load_test_glossary():
    from toolkit.glossary import load_glossary

    return load_glossary([GLOSSARY])
