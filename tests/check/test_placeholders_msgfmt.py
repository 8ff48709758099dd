"""Placeholder verdicts agree with GNU ``msgfmt --check-format`` (the oracle) on generated
c-format, qt-format and python-format entries: a translation msgfmt refuses is reported, one it
accepts is not. (python-brace-format is deliberately stricter than msgfmt, which accepts a
``{field}`` the msgid does not have — a KeyError at run time; see test_placeholders_punctuation.)"""

from __future__ import annotations

import random
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require_gettext
from toolkit.checks.placeholders import placeholder_problem

C_PIECES = ["%s", "%d", "%i", "%u", "%x", "%ld", "%lu", "%zu", "%f", "%.2f", "%g", "%c", "%p", "%5s", "%-5d",
            "%.*s", "%*d", "%Id", "%1$s", "%2$s", "%1$d", "%2$d", "%%", "%m", "%lld", "%hhd", "%e"]
QT_PIECES = ["%1", "%2", "%3", "%L1", "%L2"]
PY_PIECES = ["%s", "%d", "%r", "%%", "%.2f", "%(name)s", "%(count)d", "%(name)r"]
WORDS = ["ឯកសារ", "file", "of", "នៃ", "100", "៥"]


def _valid_msgid(flag: str, pieces: list[str], rng: random.Random) -> list[str]:
    """The pieces one msgid may draw from, so that it is a valid format string (msgfmt checks an
    entry only then): Python does not mix named and unnamed directives, nor brace auto-numbering
    ({}) with numbers."""
    if flag == "python-format":
        named = rng.random() < 0.5
        return [p for p in pieces if ("(" in p) == named or p == "%%"]
    return pieces


def _pairs(pieces: list[str], count: int, seed: int, flag: str = "c-format") -> list[tuple[str, str]]:
    rng = random.Random(seed)
    pairs = []
    for _ in range(count):
        pieces_here = _valid_msgid(flag, pieces, rng)
        # glibc's I flag is for translations only: msgfmt skips an entry whose msgid uses it
        source = " ".join(rng.choice([p for p in pieces_here if "I" not in p] + WORDS)
                          for _ in range(rng.randint(1, 4)))
        if "%1$" in source or "%2$" in source:  # msgid positions must be complete (msgfmt checks the msgid too)
            source = "%1$s and %2$d"
        mode = rng.random()
        if mode < 0.35:
            translation = source
        elif mode < 0.6:  # reordered or re-worded with the same directives
            parts = source.split()
            rng.shuffle(parts)
            translation = " ".join(parts) + " ។"
        else:  # one directive changed, dropped or added
            parts = source.split()
            i = rng.randrange(len(parts))
            parts[i] = rng.choice(pieces + [""])
            translation = " ".join(p for p in parts if p) or "ឯកសារ"  # checks see translated entries only
        pairs.append((source, translation))
    return pairs


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _msgfmt_rejects(pairs: list[tuple[str, str]], flag: str, tmp_path: Path) -> set[int]:
    """Indexes of the pairs msgfmt --check-format refuses."""
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    line_of = {}
    for index, (source, translation) in enumerate(pairs):
        lines.append(f"#, {flag}")
        line_of[len(lines) + 1] = index
        lines += [f'msgctxt "{index}"', f'msgid "{_escape(source)}"', f'msgstr "{_escape(translation)}"', ""]
    po = tmp_path / "generated.po"
    po.write_text("\n".join(lines), encoding="utf-8")
    done = subprocess.run([require_gettext("msgfmt"), "--check-format", "-o", "/dev/null", str(po)],
                          capture_output=True, text=True)
    rejected = set()
    for m in re.finditer(r"generated\.po:(\d+): ", done.stderr):
        number = int(m.group(1))
        for start in range(number, number - 4, -1):
            if start in line_of:
                rejected.add(line_of[start])
                break
    return rejected


@pytest.mark.parametrize(("flag", "pieces", "seed"), [("c-format", C_PIECES, 1), ("c-format", C_PIECES, 2),
                                                       ("qt-format", QT_PIECES, 3), ("python-format", PY_PIECES, 4)])
def test_verdicts_match_msgfmt(flag: str, pieces: list[str], seed: int, tmp_path: Path) -> None:
    pairs = _pairs(pieces, 300, seed, flag)
    rejected = _msgfmt_rejects(pairs, flag, tmp_path)
    ours = {i for i, (s, t) in enumerate(pairs) if placeholder_problem(s, t, frozenset({flag})) is not None}
    assert rejected, "the generator must produce refused entries"
    disagree = sorted(ours ^ rejected)
    assert not disagree, [(pairs[i], "msgfmt refuses" if i in rejected else "msgfmt accepts") for i in disagree[:8]]
