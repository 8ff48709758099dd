"""The one PO reader accepts exactly what GNU msgfmt accepts, and reads what msgfmt compiles.

The oracle is the real ``msgfmt`` (and ``msgunfmt``), run on hand-made edge files
(``data/po_edge/``, written by us) and on generated catalogs (hypothesis): for each, our reader
accepts the file if and only if ``msgfmt`` does, and then every translation ``msgfmt`` compiles
is the one we read.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import require_gettext
from toolkit.catalog.reader import Catalog, parse_po, read_po
from toolkit.errors import CatalogError

EDGE = sorted((Path(__file__).parent / "data" / "po_edge").glob("*.po"))
REAL = sorted((Path(__file__).parent / "data" / "real").glob("*.po"))  # see data/real/SOURCES.md
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


NEWLINE_RULE = re.compile(r"'msg\w+(\[\d+\])?' and 'msg\w+(\[\d+\])?' entries do not both")


def _msgfmt(path: Path) -> dict[tuple[str | None, str], tuple[str, ...]] | str | None:
    """What msgfmt compiles from *path* (read back with msgunfmt), or None if it rejects it.

    msgfmt also refuses a translation whose leading or trailing newline differs from the
    msgid's: a rule about content, not syntax, which the reader leaves to the checks (a catalog
    with such an entry must still be readable to be reported on). That verdict is "newline-rule".
    """
    mo = path.with_suffix(".mo")
    done = subprocess.run([require_gettext("msgfmt"), "-o", str(mo), str(path)], capture_output=True)
    if done.returncode != 0:
        errors = [line for line in done.stderr.decode("utf-8", "replace").splitlines()
                  if "fatal error" not in line]
        return "newline-rule" if errors and all(NEWLINE_RULE.search(line) for line in errors) else None
    text = subprocess.run([require_gettext("msgunfmt"), str(mo)], capture_output=True, check=True).stdout
    mo.unlink()
    return _compiled(parse_po(text.decode("utf-8"), "msgunfmt"))


def _compiled(catalog: Catalog) -> dict[tuple[str | None, str], tuple[str, ...]]:
    """The translations msgfmt puts in a .mo: live, not fuzzy, first form filled."""
    return {(e.msgctxt, e.msgid): e.translations for e in catalog.entries
            if not e.obsolete and e.status == "translated"}


def _ours(path: Path) -> dict[tuple[str | None, str], tuple[str, ...]] | None:
    try:
        return _compiled(read_po(path))
    except CatalogError as exc:
        assert exc.path == str(path) and exc.line is not None and exc.line >= 1
        return None


@pytest.mark.parametrize("path", EDGE, ids=[p.stem for p in EDGE])
def test_edge_file_verdict_and_content_as_msgfmt(path: Path) -> None:
    _agree(path)


@pytest.mark.parametrize("path", REAL, ids=[p.stem for p in REAL])
def test_real_catalogs_read_and_count_as_msgfmt(path: Path) -> None:
    """Catalogs of public projects: read, compiled content and counts all equal msgfmt's."""
    from toolkit.catalog.stats import catalog_stats

    _agree(path)
    said = subprocess.run([require_gettext("msgfmt"), "--statistics", "-o", "/dev/null", str(path)],
                          capture_output=True, text=True, check=True).stderr
    counts = {kind: int(n) for n, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", said)}
    stats = catalog_stats(read_po(path).entries)
    assert {k: getattr(stats, k) for k in ("translated", "fuzzy", "untranslated")} == \
        {k: counts.get(k, 0) for k in ("translated", "fuzzy", "untranslated")}


def _agree(path: Path, text: str = "") -> None:
    ours, theirs = _ours(path), _msgfmt(path)
    if theirs == "newline-rule":
        assert ours is not None, text
    else:
        assert ours == theirs, text


# Generated catalogs: entries built from fragments msgfmt has opinions about.
# (no letters a-f: after "\\x41" they would extend the hex escape to a byte above 0x7F — raw bytes
# in a UTF-8 file, which the reader refuses on purpose, see its docstring)
_TEXT = st.lists(st.sampled_from(list("gh ក្ស\t") + ["\u2028", "\x85", "\f", "\r", "%d", "é"]),
                 max_size=6).map("".join)
_ESCAPE = st.sampled_from(["", "\\n", "\\t", "\\\\", '\\"', "\\101", "\\x41", "\\q", "\\?", "\\a"])


@st.composite
def _string(draw: st.DrawFn) -> str:
    pieces = [draw(_TEXT) + draw(_ESCAPE) + draw(_TEXT) for _ in range(draw(st.integers(1, 2)))]
    glue = draw(st.sampled_from([" ", "\n", "\r\n", "\t", ""]))
    return glue.join(f'"{p}"' for p in pieces) if glue else f'"{pieces[0]}"'


@st.composite
def _entry(draw: st.DrawFn, n: int) -> str:
    parts: list[str] = []
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["# note", "#. extracted", "#: a.txt:3 b.txt:4", "#, fuzzy",
                                           "#, c-format", '#| msgid "old"', "#~ old stuff"])))
    if draw(st.integers(0, 9)) == 0:
        parts.append(f"msgctxt {draw(_string())}")
    msgid = f'"m{n % 4}" {draw(_string())}' if draw(st.booleans()) else f'"m{n}"'
    parts.append(f"msgid {msgid}")
    shape = draw(st.sampled_from(["plain", "plain", "plural", "plural-gap", "missing", "comment-inside",
                                  "indexed", "repeated"]))
    if shape in ("plural", "plural-gap"):
        parts.append(f'msgid_plural "p{n}"')
        parts.append(f"msgstr[0] {draw(_string())}")
        parts.append(f"msgstr[{2 if shape == 'plural-gap' else 1}] {draw(_string())}")
    elif shape == "indexed":
        parts.append(f"msgstr[0] {draw(_string())}")
    elif shape == "comment-inside":
        parts.extend(["# inside", f"msgstr {draw(_string())}"])
    elif shape != "missing":
        parts.append(f"msgstr {draw(_string())}")
        if shape == "repeated":
            parts.append('msgstr "again"')
    prefix = "#~ " if draw(st.integers(0, 7)) == 0 else ""
    return "\n".join(prefix + p if prefix and not p.startswith("#") else p for p in parts)


@st.composite
def _catalog(draw: st.DrawFn) -> str:
    entries = [draw(_entry(n)) for n in range(draw(st.integers(1, 4)))]
    return HEADER + "\n\n".join(entries) + "\n"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_catalog())
def test_generated_catalogs_read_as_msgfmt_reads_them(text: str, tmp_path: Path) -> None:
    path = tmp_path / "gen.po"
    path.write_bytes(text.encode("utf-8"))
    _agree(path, text)
